"""The editor's page: the form on the left, on the right the OVAL scorecard, the checklist and the
review page of the draft (in a sandboxed frame: its own styles, no scripts). One small script
sends the form after each change and puts the answer in place; nothing is loaded from elsewhere.
"""

from __future__ import annotations

from verordening.advisor.editor.session import Draft
from verordening.render.escape import html


def panel(draft: Draft) -> str:
    """Scorecard and checklist summary of the last valid draft."""
    if draft.checklist is None:
        return ""
    asks = "".join(
        f'<li class="{"ja" if a.met else "nee"}"><strong>{"✓" if a.met else "✗"} {html(a.title)}</strong>'
        f" <span>{html(a.reason)}</span></li>"
        for a in draft.asks
    )
    c = draft.checklist
    met = sum(r.met for r in c.vereisten)
    unmet = "".join(f"<li>{html(r.citation)}: {html(r.reason)}</li>" for r in c.unmet)
    warnings = "".join(f"<li>{html(p.citation)}: {html(p.reason)}</li>" for p in c.warnings)
    return (
        f'<section aria-labelledby="kop-oval"><h2 id="kop-oval">OVAL-scorecard</h2><ul class="oval">{asks}</ul></section>'
        f'<section aria-labelledby="kop-controle"><h2 id="kop-controle">Controle</h2>'
        f'<p class="{"ja" if c.all_met else "nee"}" id="controle-samenvatting">{met} van de {len(c.vereisten)} '
        f"wettelijke vereisten voldaan ({html(c.law.label)}).</p>"
        f"{f'<ul>{unmet}</ul>' if unmet else ''}"
        f"{f'<h3>Waarschuwingen</h3><ul>{warnings}</ul>' if warnings else ''}</section>"
    )


def page(file_name: str, form: str, draft: Draft, token: str, nonce: str) -> str:
    return f"""<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html(file_name)} bewerken</title>
<style nonce="{nonce}">{CSS}</style>
</head>
<body>
<header><h1>Keuzes bewerken: <code>{html(file_name)}</code></h1>
<p id="status" role="status" aria-live="polite" data-antwoord="0">Het voorbeeld rechts volgt elke wijziging. Opslaan schrijft het bestand; opmerkingen erin blijven staan.</p></header>
<div class="kolommen">
<form id="keuzes" method="post" action="/opslaan" novalidate aria-label="Keuzes">
<input type="hidden" name="token" value="{html(token)}">
<div class="velden">{form}</div>
<div class="knoppen"><button type="submit" id="opslaan">Opslaan</button></div>
</form>
<div class="voorbeeld">
<div id="paneel">{panel(draft)}</div>
<h2 id="kop-ontwerp">Ontwerp</h2>
<iframe id="ontwerp" title="Ontwerpverordening met controlelijst" sandbox="allow-same-origin" srcdoc="{html(draft.page)}"></iframe>
</div>
</div>
<script nonce="{nonce}">{SCRIPT}</script>
</body>
</html>
"""


CSS = """
*{box-sizing:border-box}
body{margin:0;height:100vh;display:flex;flex-direction:column;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1b1b}
header{padding:.75rem 1.25rem;border-bottom:3px solid #154273}
h1{font-size:1.25rem;margin:0}
#status{margin:.25rem 0 0;color:#3d3d3d;font-size:.9rem}
#status.mislukt{color:#a4161a;font-weight:600}
.kolommen{display:grid;grid-template-columns:minmax(22rem,34rem) minmax(0,1fr);grid-template-rows:minmax(0,1fr);flex:1;min-height:0}
form{display:flex;flex-direction:column;min-height:0;border-right:1px solid #d8d8d8}
.velden{overflow:auto;flex:1;min-height:0;padding:.75rem 1.25rem 1rem}
fieldset{border:1px solid #d8d8d8;border-radius:4px;margin:0 0 1rem;padding:.5rem .9rem .75rem}
legend{font-weight:700;padding:0 .25rem}
.veld{margin:.75rem 0}
.veld label{font-weight:600;display:block}
.veld.vink label{display:flex;gap:.5rem;align-items:center}
.keuze{display:block;font-weight:400!important}
.uitleg{margin:.15rem 0 .35rem;font-size:.86rem;color:#4a4a4a}
.advies{display:block;margin-top:.2rem;color:#154273}
input[type=text],input[type=number],input[type=date],select,textarea{font:inherit;padding:.3rem .4rem;border:1px solid #767676;border-radius:3px;max-width:100%}
input[type=text],textarea,select{width:100%}
input[type=number]{width:7rem}
[aria-invalid=true]{border:2px solid #a4161a;background:#fdf1f1}
.fout{color:#a4161a;font-weight:600;margin:.25rem 0;font-size:.9rem}
.fout::before{content:"Fout: "}
.voorlopig{font-size:.75rem;background:#fff3cd;border:1px solid #b58b00;border-radius:3px;padding:0 .3rem;margin-left:.4rem}
:focus-visible{outline:3px solid #154273;outline-offset:2px}
button{font:inherit;font-weight:600;padding:.45rem 1.2rem;background:#154273;color:#fff;border:0;border-radius:3px;cursor:pointer}
.knoppen{padding:.6rem 1.25rem;border-top:1px solid #d8d8d8}
.voorbeeld{overflow:auto;min-height:0;padding:.5rem 1rem 1rem}
#paneel{display:grid;grid-template-columns:1fr 1fr;gap:1rem;font-size:.88rem}
#paneel h2,#kop-ontwerp{font-size:1rem;margin:.25rem 0}
#paneel ul{margin:0;padding-left:1rem}
.oval{list-style:none;padding:0!important}
.oval li{margin:0 0 .3rem}
.oval li span{display:block;color:#3d3d3d}
.ja{color:#1e6b33}.nee{color:#a4161a}
.oval li.ja strong{color:#1e6b33}.oval li.nee strong{color:#a4161a}
.ongebruikt{opacity:.55}
#ontwerp{width:100%;height:80vh;border:1px solid #d8d8d8}
"""

# After each change: send the form, show each problem beside its field, replace the draft keeping
# its scroll position. Saving goes the same way, so a refused save shows the same problems.
SCRIPT = r"""
const form = document.getElementById('keuzes');
const status = document.getElementById('status');
const frame = document.getElementById('ontwerp');
const token = form.elements.token.value;
let timer = null, sequence = 0;
function showForms() {
  for (const radio of form.querySelectorAll('input[type=radio][data-vorm]')) {
    document.getElementById(radio.dataset.vorm).hidden = !radio.checked;
  }
}
function showErrors(errors) {
  for (const slot of form.querySelectorAll('.fout')) {
    const message = errors[slot.dataset.pad];
    slot.textContent = message || '';
    slot.hidden = !message;
  }
  for (const control of form.querySelectorAll('[name]')) {
    if (control.type === 'hidden') continue;
    if (errors[control.name]) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  }
}
function showProvisional(keys) {
  for (const badge of form.querySelectorAll('.voorlopig')) {
    const field = badge.closest('.veld');
    const control = field && field.querySelector('[name]');
    if (control && !keys.includes(control.name)) badge.remove();
  }
}
function showUnused(ids) {
  // A key that does not matter with the other answers is greyed out, its value kept for when it matters again.
  for (const field of form.querySelectorAll('.veld')) {
    const control = field.querySelector('input:not([type=checkbox]),select,textarea');
    if (!control) continue;
    const off = ids.includes(control.id);
    control.disabled = off;
    field.classList.toggle('ongebruikt', off);
  }
}
async function send(url) {
  const mine = ++sequence;
  const answer = await fetch(url, {method: 'POST', body: new URLSearchParams(new FormData(form)),
                                   headers: {'X-Verordening-Token': token}});
  const data = await answer.json();
  if (mine !== sequence) return data;
  showErrors(data.fouten || {});
  showProvisional(data.voorlopig || []);
  if (data.ongebruikt) showUnused(data.ongebruikt);
  if (data.ontwerp) {
    const y = frame.contentWindow ? frame.contentWindow.scrollY : 0;
    const loaded = new Promise((done) => frame.addEventListener('load', done, {once: true}));
    frame.srcdoc = data.ontwerp;
    document.getElementById('paneel').innerHTML = data.paneel;
    await loaded;  // the status speaks only once the new draft is there
    frame.contentWindow.scrollTo(0, y);
    if (mine !== sequence) return data;
  }
  status.textContent = data.melding;
  status.dataset.antwoord = String(mine);  // which answer is shown (tests wait for it)
  status.className = data.fouten && Object.keys(data.fouten).length ? 'mislukt' : '';
  return data;
}
form.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => send('/voorbeeld'), 150); });
form.addEventListener('change', () => { showForms(); clearTimeout(timer); timer = setTimeout(() => send('/voorbeeld'), 50); });
form.addEventListener('submit', (event) => { event.preventDefault(); clearTimeout(timer); send('/opslaan'); });
showForms();
"""
