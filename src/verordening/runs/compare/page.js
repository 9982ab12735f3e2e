/* Sorting, filtering, the map chooser and the shareable address. Reads only the DOM: no user text
   is ever part of this script. Without JavaScript the page shows every municipality. */
(function () {
  var d = document, table = d.getElementById('matrix'), body = table.tBodies[0];
  var rows = [].slice.call(body.rows), form = d.getElementById('filters');
  var heads = [].slice.call(table.tHead.rows[table.tHead.rows.length - 1].cells);
  var count = d.getElementById('aantal'), share = d.getElementById('deel');
  var map = d.getElementById('kaart'), chooser = d.getElementById('kaartvraag'), info = d.getElementById('kaartinfo');
  var sorter = form.elements.sorteer, shapes = {};
  var collator = new Intl.Collator('nl', {numeric: true, sensitivity: 'base'});
  [].forEach.call(map.querySelectorAll('a[data-code]'), function (a) { shapes[a.getAttribute('data-code')] = a; });
  d.documentElement.className += ' js';

  function value(row, i) {
    var cell = row.cells[i], v = cell.getAttribute('data-sort');
    return v === null ? cell.textContent.trim() : v;
  }
  function compare(a, b) {
    var x = Number(a), y = Number(b);
    if (a !== '' && b !== '' && !isNaN(x) && !isNaN(y)) return x - y;
    if (a === '' || b === '') return a === '' ? (b === '' ? 0 : 1) : -1;
    return collator.compare(a, b);
  }
  function sort(key) {
    var parts = key.split(':'), col = d.getElementById('k-' + parts[0]);
    if (!col) return;
    var i = col.cellIndex, dir = parts[1] === 'af' ? -1 : 1;
    heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
    col.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
    rows.sort(function (a, b) { return dir * compare(value(a, i), value(b, i)) || compare(value(a, 0), value(b, 0)); });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  function has(row, name, wanted) {
    return (' ' + (row.getAttribute('data-' + name) || '') + ' ').indexOf(' ' + wanted + ' ') >= 0;
  }
  function straight(text) {  // the typed form of typeset text: ’ -> ', non-breaking hyphen -> -
    return text.toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/[\u2010\u2011]/g, '-');
  }
  function apply() {
    var q = straight(form.elements.q.value.trim()), shown = 0, params = new URLSearchParams();
    var selects = [].filter.call(form.querySelectorAll('select[data-filter]'), function (s) { return s.value; });
    rows.forEach(function (r) {
      var ok = !q || straight(r.textContent).indexOf(q) >= 0;
      selects.forEach(function (s) { if (!has(r, s.getAttribute('data-filter'), s.value)) ok = false; });
      r.hidden = !ok;
      if (ok) shown++;
      var shape = shapes[r.getAttribute('data-code')];
      if (shape) shape.classList.toggle('uit', !ok);
    });
    count.textContent = shown;
    if (q) params.set('q', form.elements.q.value.trim());
    selects.forEach(function (s) { params.set(s.name, s.value); });
    if (sorter.value !== sorter.options[0].value) params.set('sorteer', sorter.value);
    if (chooser.value !== chooser.options[0].value) params.set('kaart', chooser.value);
    if (form.elements.uitleg.checked) params.set('uitleg', 'ja');
    var search = params.toString() ? '?' + params.toString() : location.pathname.split('/').pop();
    share.href = search;
    try { history.replaceState(null, '', search + location.hash); } catch (e) { /* file:// may refuse */ }
  }
  function recolour() { map.setAttribute('data-vraag', chooser.value); }

  heads.forEach(function (h) {
    var b = h.querySelector('button');
    if (!b) return;
    b.addEventListener('click', function () {
      var key = h.id.slice(2), now = sorter.value;
      var next = now === key + ':op' ? key + ':af' : key + ':op';
      if (![].some.call(sorter.options, function (o) { return o.value === next; })) {
        var o = d.createElement('option'); o.value = next; o.textContent = h.textContent.replace(/\s*[\u2195\u2191\u2193]$/, '') + (next.slice(-2) === 'af' ? ' (aflopend)' : ' (oplopend)');
        sorter.appendChild(o);
      }
      sorter.value = next; sort(next); apply();
    });
  });
  form.addEventListener('input', apply);
  form.addEventListener('change', function (e) { if (e.target === sorter) sort(sorter.value); apply(); });
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  form.addEventListener('reset', function () { setTimeout(function () { sort(sorter.value); recolour(); apply(); }, 0); });
  chooser.addEventListener('change', function () { recolour(); apply(); });
  function tell(e) {
    var a = e.target.closest && e.target.closest('a[data-code]');
    if (a) info.textContent = a.querySelector('title').textContent;
  }
  map.addEventListener('mouseover', tell);
  map.addEventListener('focusin', tell);

  var params = new URLSearchParams(location.search);
  params.forEach(function (v, k) {
    var el = k === 'kaart' ? chooser : form.elements[k];
    if (!el) return;
    if (el.type === 'checkbox') { el.checked = v === 'ja'; return; }
    if (el.tagName === 'SELECT' && ![].some.call(el.options, function (o) { return o.value === v; })) return;
    el.value = v;
  });
  sort(sorter.value);
  recolour();
  apply();
  // On a phone the filters start folded, unless the address sets some.
  if (window.matchMedia('(max-width: 720px)').matches && !location.search) d.getElementById('filterblok').open = false;
})();
