"""The options matrix: one row per municipality, the choices that matter, and the OVAL scorecard.

Rows are computed in a process pool (parallel.run_parallel). Output as Markdown, CSV (for Excel:
UTF-8 with BOM, ';' by default) or a self-contained HTML page that sorts and filters.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from verordening.engine.scorecard import ASKS, AskResult
from verordening.engine.textfilters import datum
from verordening.errors import VerordeningError
from verordening.render.escape import html as _h
from verordening.render.escape import markdown as md_escape

FORMATS = ("md", "csv", "html")
SEPARATORS = (";", ",")


@dataclass(frozen=True)
class Row:
    path: str
    gemeente: str
    kwaliteitseisen: tuple[str, ...]  # display names
    max_duur: int
    verlenging: bool
    verlenging_max: int | None
    art13: bool
    art13_duur: int | None
    clientenraad: str  # "ontvangen", "gevraagd" or "afgezien"
    clientenraad_tekst: str
    scheiding: bool
    inwerkingtreding: str  # ISO date: sorts and opens as a date in a spreadsheet
    asks: tuple[AskResult, ...]

    @property
    def score(self) -> int:
        return sum(a.met for a in self.asks)


@dataclass(frozen=True)
class RowOutcome:
    row: Row | None
    error: str = ""
    exit_code: int = 0


def _one_line(text: str) -> str:
    return " ".join(text.split())


def row_for(path: Path) -> RowOutcome:
    """Load, assemble and score one choice file (runs in a worker process)."""
    from verordening.choicefile.reader import load_choices
    from verordening.choicefile.schema import AdviesCliëntenraad
    from verordening.engine.assemble import assemble
    from verordening.engine.library import load_library
    from verordening.engine.scorecard import score

    try:
        choices = load_choices(path)
        library = load_library()
        ordinance = assemble(choices, library)
        asks = tuple(score(ordinance, library.kwaliteitseisen))
    except VerordeningError as exc:
        return RowOutcome(None, str(exc), exc.exit_code)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the matrix
        return RowOutcome(None, f"{path}: interne fout ({type(exc).__name__}: {exc})", 1)
    jc, raad = choices.jobcoaching, choices.clientenraad
    if isinstance(raad, AdviesCliëntenraad):
        status = "ontvangen" if raad.advies_ontvangen else "gevraagd"
        tekst = (
            f"advies ontvangen op {datum(raad.advies_ontvangen)}"
            if raad.advies_ontvangen
            else f"advies gevraagd op {datum(raad.advies_gevraagd)}, nog niet ontvangen"
        )
    else:
        status, tekst = "afgezien", f"niet gevraagd: {_one_line(raad.afgezien)}"
    names = tuple(library.kwaliteitseisen.get(k.value, {}).get("naam", k.value) for k in jc.kwaliteitseisen)
    return RowOutcome(
        Row(
            path=str(path),
            gemeente=choices.gemeente,
            kwaliteitseisen=names,
            max_duur=jc.maximale_duur_maanden,
            verlenging=jc.verlenging.toegestaan,
            verlenging_max=jc.verlenging.maximale_duur_maanden,
            art13=choices.artikel_13_loonkostensubsidie.opnemen,
            art13_duur=choices.artikel_13_loonkostensubsidie.maximale_duur_maanden,
            clientenraad=status,
            clientenraad_tekst=tekst,
            scheiding=jc.scheiding_handhaving_begeleiding,
            inwerkingtreding=choices.inwerkingtreding.isoformat(),
            asks=asks,
        )
    )


def collect(paths: list[Path], workers: int | None = None) -> tuple[list[Row], list[RowOutcome]]:
    """The rows of every file that loads, sorted by municipality, and the failures."""
    from verordening.runs.parallel import run_parallel

    outcomes = run_parallel(row_for, paths, workers=workers)
    rows = sorted((o.row for o in outcomes if o.row), key=lambda r: r.gemeente.lower())
    return rows, [o for o in outcomes if not o.row]


def _yn(value: bool) -> str:
    return "ja" if value else "nee"


def _n(value: int | None) -> str:
    return "" if value is None else str(value)


# header, cell text; the choice columns of the matrix.
CHOICE_COLUMNS: list[tuple[str, Callable[[Row], str]]] = [
    ("Gemeente", lambda r: r.gemeente),
    ("Kwaliteitseisen jobcoach", lambda r: ", ".join(r.kwaliteitseisen) or "geen"),
    ("Max. duur jobcoaching (maanden)", lambda r: str(r.max_duur)),
    ("Verlenging", lambda r: _yn(r.verlenging)),
    ("Max. verlenging (maanden)", lambda r: _n(r.verlenging_max)),
    ("Art. 13 LKS", lambda r: _yn(r.art13)),
    ("Duur art. 13 LKS (maanden)", lambda r: _n(r.art13_duur)),
    ("Advies cliëntenraad", lambda r: r.clientenraad_tekst),
    ("Scheiding handhaving/begeleiding", lambda r: _yn(r.scheiding)),
    ("Inwerkingtreding", lambda r: r.inwerkingtreding),
]
ASK_HEADERS = [f"OVAL {i}: {title}" for i, title in enumerate(ASKS.values(), 1)]


def summary(rows: list[Row]) -> list[tuple[str, list[tuple[str, int]]]]:
    """How many municipalities choose each option, per choice."""

    def counted(values: list[str], order: list[str] | None = None) -> list[tuple[str, int]]:
        c = Counter(values)
        keys = order or sorted(c, key=lambda v: (-c[v], v))
        return [(k, c[k]) for k in keys]

    def months(values: list[int | None]) -> list[tuple[str, int]]:
        c = Counter(v for v in values if v is not None)
        return [(f"{v} maanden", c[v]) for v in sorted(c)]

    standards = Counter(name for r in rows for name in r.kwaliteitseisen)
    groups = [
        (
            "Kwaliteitseisen jobcoach (meer tegelijk mogelijk)",
            [(k, standards[k]) for k in sorted(standards, key=lambda k: (-standards[k], k))]
            + [("geen", sum(not r.kwaliteitseisen for r in rows))],
        ),
        ("Max. duur jobcoaching", months([r.max_duur for r in rows])),
        ("Verlenging", counted([_yn(r.verlenging) for r in rows], ["ja", "nee"])),
        ("Max. verlenging", months([r.verlenging_max for r in rows])),
        ("Art. 13 LKS opgenomen", counted([_yn(r.art13) for r in rows], ["ja", "nee"])),
        ("Duur art. 13 LKS", months([r.art13_duur for r in rows])),
        ("Advies cliëntenraad", counted([r.clientenraad for r in rows], ["ontvangen", "gevraagd", "afgezien"])),
        ("Scheiding handhaving/begeleiding", counted([_yn(r.scheiding) for r in rows], ["ja", "nee"])),
        ("Inwerkingtreding", sorted(Counter(r.inwerkingtreding for r in rows).items())),
    ]
    groups += [
        (f"OVAL {i}: {title}", counted([_yn(r.asks[i - 1].met) for r in rows], ["ja", "nee"]))
        for i, title in enumerate(ASKS.values(), 1)
    ]
    groups.append(
        ("OVAL-score (vragen voldaan)", [(f"{n} van 3", sum(r.score == n for r in rows)) for n in (3, 2, 1, 0)])
    )
    return groups


# --- Markdown ---------------------------------------------------------------------------------


def _md(text: str) -> str:
    return md_escape(_one_line(text))


def to_markdown(rows: list[Row]) -> str:
    headers = [h for h, _ in CHOICE_COLUMNS] + [f"OVAL {i}" for i in (1, 2, 3)] + ["OVAL-score"]
    lines = [
        f"# Vergelijking Re-integratieverordeningen Participatiewet ({len(rows)} gemeenten)",
        "",
        "OVAL 1: " + ASKS["scheiding"] + "; OVAL 2: " + ASKS["kwaliteit"] + "; OVAL 3: " + ASKS["maatwerk"] + ".",
        "",
        "| " + " | ".join(headers) + " |",
        "|" + "---|" * len(headers),
    ]
    for r in rows:
        cells = [_md(f(r)) for _, f in CHOICE_COLUMNS] + [_yn(a.met) for a in r.asks] + [f"{r.score}/3"]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "## OVAL-scorecard: waarom", ""]
    for r in rows:
        lines.append(f"- **{_md(r.gemeente)}** ({r.score}/3)")
        for i, a in enumerate(r.asks, 1):
            lines.append(f"  - OVAL {i} {'voldaan' if a.met else 'niet voldaan'}: {_md(a.reason)}")
    lines += ["", "## Samenvatting: aantal gemeenten per keuze", ""]
    for title, counts in summary(rows):
        lines += [f"### {_md(title)}", "", "| Keuze | Gemeenten |", "|---|---:|"]
        lines += [f"| {_md(option)} | {n} |" for option, n in counts]
        lines.append("")
    return "\n".join(lines)


# --- CSV --------------------------------------------------------------------------------------


def _csv_cell(text: str) -> str:
    # A cell starting with = + - @ is a formula in Excel (CSV injection); user text must stay text.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_csv(rows: list[Row], separator: str = ";") -> bytes:
    """The matrix only (one header row, one row per municipality), UTF-8 with BOM so Excel reads ë and —."""
    if separator not in SEPARATORS:
        raise ValueError(separator)
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=separator, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(
        [h for h, _ in CHOICE_COLUMNS] + ASK_HEADERS + ["OVAL-score"] + [f"{h}: waarom" for h in ASK_HEADERS]
    )
    for r in rows:
        writer.writerow(
            [_csv_cell(_one_line(f(r))) for _, f in CHOICE_COLUMNS]
            + [_yn(a.met) for a in r.asks]
            + [str(r.score)]
            + [_csv_cell(_one_line(a.reason)) for a in r.asks]
        )
    return buf.getvalue().encode("utf-8-sig")


# --- HTML -------------------------------------------------------------------------------------

_STYLE = """
body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1a1a1a}
table{border-collapse:collapse;font-size:.85rem;margin-bottom:1.5rem}
th,td{border:1px solid #ccc;padding:.3rem .45rem;vertical-align:top;text-align:left}
thead th{background:#eef2f6;position:sticky;top:0}
th button{all:unset;cursor:pointer;font-weight:600}
th button::after{content:" \\2195";color:#888}
th[aria-sort=ascending] button::after{content:" \\2191"}
th[aria-sort=descending] button::after{content:" \\2193"}
td.ja{background:#e6f4ea}td.nee{background:#fdecea}
td small{display:block;color:#555;max-width:22rem}
.filters{display:flex;gap:1rem;flex-wrap:wrap;margin:1rem 0}
.summary{display:flex;flex-wrap:wrap;gap:1rem}
.summary table{margin:0}
"""

# Static script: it reads only the DOM; no user text is ever placed inside it.
_SCRIPT = """
(function(){
var table=document.getElementById('matrix'),body=table.tBodies[0],rows=[].slice.call(body.rows);
var q=document.getElementById('zoek'),asks=[].slice.call(document.querySelectorAll('select[data-ask]'));
var count=document.getElementById('aantal');
function key(cell){var v=cell.getAttribute('data-sort');if(v===null)v=cell.textContent;var n=parseFloat(v);
 return (v!==''&&!isNaN(n)&&/^-?[0-9.]+$/.test(v))?n:v.toLowerCase();}
[].slice.call(table.tHead.rows[0].cells).forEach(function(th,i){th.querySelector('button').addEventListener('click',function(){
 var dir=th.getAttribute('aria-sort')==='ascending'?-1:1;
 [].slice.call(table.tHead.rows[0].cells).forEach(function(h){h.removeAttribute('aria-sort');});
 th.setAttribute('aria-sort',dir===1?'ascending':'descending');
 rows.sort(function(a,b){var x=key(a.cells[i]),y=key(b.cells[i]);
  if(typeof x!==typeof y){x=String(x);y=String(y);}return x<y?-dir:x>y?dir:0;});
 rows.forEach(function(r){body.appendChild(r);});});});
function filter(){var t=q.value.toLowerCase(),shown=0;
 rows.forEach(function(r){var ok=r.textContent.toLowerCase().indexOf(t)>=0;
  asks.forEach(function(s){if(s.value&&r.getAttribute('data-'+s.getAttribute('data-ask'))!==s.value)ok=false;});
  r.hidden=!ok;if(ok)shown++;});count.textContent=shown;}
q.addEventListener('input',filter);asks.forEach(function(s){s.addEventListener('change',filter);});filter();
})();
"""


def to_html(rows: list[Row]) -> str:
    out = [
        "<!DOCTYPE html>",
        '<html lang="nl"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Vergelijking Re-integratieverordeningen ({len(rows)} gemeenten)</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<h1>Vergelijking Re-integratieverordeningen Participatiewet</h1>",
        "<p>Klik op een kolomkop om te sorteren. De OVAL-scorecard is berekend uit de keuzes én uit de "
        "samengestelde tekst van elke verordening.</p>",
        '<div class="filters"><label>Zoeken <input id="zoek" type="search" placeholder="gemeente, keurmerk, …"></label>',
    ]
    for i, (key, title) in enumerate(ASKS.items(), 1):
        out.append(
            f'<label>OVAL {i} <select data-ask="{key}" title="{_h(title)}"><option value="">alle</option>'
            '<option value="ja">voldaan</option><option value="nee">niet voldaan</option></select></label>'
        )
    out.append(f'<span><span id="aantal">{len(rows)}</span> van {len(rows)} gemeenten</span></div>')
    headers = [h for h, _ in CHOICE_COLUMNS] + ASK_HEADERS + ["OVAL-score"]
    out.append(
        '<table id="matrix"><thead><tr>'
        + "".join(f'<th scope="col"><button type="button">{_h(h)}</button></th>' for h in headers)
        + "</tr></thead><tbody>"
    )
    for r in rows:
        attrs = "".join(f' data-{key}="{_yn(a.met)}"' for key, a in zip(ASKS, r.asks))
        cells = [f'<th scope="row">{_h(r.gemeente)}</th>']
        cells += [f"<td>{_h(_one_line(f(r)))}</td>" for _, f in CHOICE_COLUMNS[1:]]
        cells += [
            f'<td class="{_yn(a.met)}" data-sort="{_yn(a.met)}">{_yn(a.met)}<small>{_h(a.reason)}</small></td>'
            for a in r.asks
        ]
        cells.append(f'<td data-sort="{r.score}">{r.score}/3</td>')
        out.append(f"<tr{attrs}>" + "".join(cells) + "</tr>")
    out.append("</tbody></table>")
    out.append('<h2>Samenvatting: aantal gemeenten per keuze</h2><div class="summary">')
    for title, counts in summary(rows):
        out.append(
            f"<table><caption>{_h(title)}</caption><thead><tr><th>Keuze</th><th>Gemeenten</th></tr></thead><tbody>"
            + "".join(f"<tr><td>{_h(o)}</td><td>{n}</td></tr>" for o, n in counts)
            + "</tbody></table>"
        )
    out.append(f"</div><script>{_SCRIPT}</script></body></html>")
    return "\n".join(out) + "\n"


def render(rows: list[Row], fmt: str, separator: str = ";") -> bytes:
    if fmt == "csv":
        return to_csv(rows, separator)
    if fmt == "html":
        return to_html(rows).encode("utf-8")
    return to_markdown(rows).encode("utf-8")
