"""The comparison as one self-contained HTML page: the three OVAL asks first, a matrix that sorts and
filters (state kept in the address), the map, the counts per question and the uniformity figures.

No external requests, no build step: style and script are package files inlined here. Without
JavaScript every municipality is shown, in Dutch alphabetical order, and the map is coloured by
the OVAL-score.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from verordening.engine.scorecard import ASKS
from verordening.render.escape import html as h
from verordening.render.escape import typeset_html
from verordening.runs.compare.charts import bar_chart
from verordening.runs.compare.columns import (
    ASK_EXPLAINED,
    ASK_SHORT,
    GROUPS,
    Column,
    columns,
    figures,
    questions,
    standard_explanations,
    standard_names,
    words,
)
from verordening.runs.compare.nlmap import map_options, map_questions, map_svg, style_rules
from verordening.runs.compare.provenance import Provenance
from verordening.runs.compare.rows import Row, one_line
from verordening.runs.compare.text import TITLE

# Columns a phone shows only with "alle kolommen en uitleg".
SECONDARY = {"basis", "verlenging", "verlenging_max", "aanbieder", "art13_duur", "clientenraad"}
SORTS = [
    ("gemeente:op", "Gemeente (A–Z)"),
    ("score:af", "OVAL-score (hoog–laag)"),
    ("totaal:af", "Totale duur (lang–kort)"),
    ("totaal:op", "Totale duur (kort–lang)"),
    ("inwerkingtreding:op", "Inwerkingtreding (vroeg–laat)"),
]
CLIENTENRAAD = {"ontvangen": "advies ontvangen", "gevraagd": "gevraagd", "afgezien": "niet gevraagd"}


@cache
def _asset(name: str) -> str:
    return resources.files("verordening.runs.compare").joinpath(name).read_text(encoding="utf-8")


def _filter(name: str, label: str, key: str, options: list[tuple[str, str]]) -> str:
    opts = '<option value="">alle</option>' + "".join(f'<option value="{h(v)}">{h(t)}</option>' for v, t in options)
    return f'<label>{h(label)} <select name="{h(name)}" data-filter="{h(key)}">{opts}</select></label>'


def _filters(n: int) -> str:
    met = [("ja", "voldaan"), ("nee", "niet voldaan")]
    parts = [
        '<details id="filterblok" open><summary>Filteren en sorteren</summary>',
        '<form id="filters" role="search" aria-label="Filters voor de tabel">',
        '<label>Zoeken <input name="q" type="search" placeholder="gemeente, keurmerk, …"></label>',
    ]
    for i, key in enumerate(ASKS, 1):
        parts.append(_filter(f"oval{i}", f"OVAL {ASK_SHORT[key]}", key, met))
    parts.append(
        _filter(
            "eis", "Kwaliteitseis", "eisen", [(k, n) for k, n in standard_names().items()] + [("geen", "geen eisen")]
        )
    )
    parts.append(_filter("art13", "Art. 13", "art13", [("ja", "opgenomen"), ("nee", "niet opgenomen")]))
    parts.append(_filter("langer", "Langer dan twee jaar mogelijk", "langer", [("ja", "ja"), ("nee", "nee")]))
    sorts = "".join(f'<option value="{v}">{h(t)}</option>' for v, t in SORTS)
    parts += [
        f'<label>Sorteer op <select name="sorteer">{sorts}</select></label>',
        '<label class="vink"><input type="checkbox" id="uitleg" name="uitleg"> Toon uitleg en alle kolommen</label>',
        '<button type="reset" class="knop">Wis filters</button>',
        "</form></details>",
        f'<p id="telling" aria-live="polite"><span id="aantal">{n}</span> van {n} gemeenten · '
        '<a id="deel" href="">link naar deze selectie</a></p>',
        "<noscript><p class=klein>Sorteren en filteren werken met JavaScript; zonder JavaScript staan hier alle "
        "gemeenten op alfabet.</p></noscript>",
    ]
    return "\n".join(parts)


def _head(cols: list[Column]) -> str:
    groups: list[tuple[str, int]] = []
    for c in cols:
        if groups and groups[-1][0] == c.group:
            groups[-1] = (c.group, groups[-1][1] + 1)
        else:
            groups.append((c.group, 1))
    top = "".join(
        f'<th scope="colgroup" colspan="{span}"{" class=gemeente" if g == "gemeente" else ""}>{h(GROUPS[g])}</th>'
        for g, span in groups
    )
    cells = "".join(
        f'<th scope="col" id="k-{c.key}"{" class=gemeente" if c.key == "gemeente" else ""}>'
        f'<button type="button">{h(c.short)}</button>'
        + (f'<span class="sr"> {h(c.header)}</span>' if c.short != c.header else "")
        + "</th>"
        for c in cols
    )
    return f'<thead><tr class="groepen">{top}</tr><tr>{cells}</tr></thead>'


def _td(classes: str, content: str, sort: str | None = None) -> str:
    cls = f' class="{classes}"' if classes else ""
    key = f' data-sort="{sort}"' if sort is not None else ""
    return f"<td{cls}{key}>{content}</td>"


def _cell(c: Column, r: Row) -> str:
    """One cell, kept short: 342 rows of them make up most of the page."""
    value = c.value(r)
    extra = "bij" if c.key in SECONDARY else ""
    if c.group == "oval" and c.kind == "yesno":
        a = r.ask(c.key)
        text, cls = ("✓ voldaan", "o ja") if a.met else ("✗ niet voldaan", "o nee")
        return _td(cls, f'{text}<span class="w">{h(one_line(a.reason))}</span>', "1" if a.met else "0")
    if c.kind == "score":
        return _td(f"sc s{r.score}", f"{r.score}/3")
    if c.group == "kwaliteit":  # a tick, read out as "vinkje"; a dash for "no"
        return _td("e ja", "✓", "1") if value else _td("e niet", "–", "0")
    if c.kind == "months":
        return _td(f"n {extra}".strip(), h(words(c, r)), None if value is not None else "")
    if c.kind == "date":
        return _td(f"nb {extra}".strip(), h(words(c, r)), r.inwerkingtreding.isoformat())
    if c.key == "clientenraad":
        return _td(extra, f'{h(CLIENTENRAAD[r.clientenraad])}<span class="w">{h(r.clientenraad_tekst)}</span>')
    return _td(extra, h(words(c, r)))


def _row(r: Row, cols: list[Column], rank: int, source: Provenance) -> str:
    tokens = {
        "scheiding": "ja" if r.ask("scheiding").met else "nee",
        "kwaliteit": "ja" if r.ask("kwaliteit").met else "nee",
        "maatwerk": "ja" if r.ask("maatwerk").met else "nee",
        "eisen": " ".join(r.standards) or "geen",
        "art13": "ja" if r.art13 else "nee",
        "langer": "ja" if r.beyond_two_years else "nee",
    }
    attrs = "".join(f' data-{k}="{h(v)}"' for k, v in tokens.items())
    link = source.link(r)
    name = typeset_html(r.gemeente)  # "’s‑Hertogenbosch" on one line; the search matches the typed form
    name = f'<a href="{h(link)}">{name}</a>' if link else name
    cells = [f'<th scope="row" data-sort="{rank}">{name}</th>']
    cells += [_cell(c, r) for c in cols[1:]]
    return f'<tr id="r-{h(r.code)}" data-code="{h(r.code)}"{attrs}>' + "".join(cells) + "</tr>"


def _css_string(text: str) -> str:
    """A CSS string literal; every character outside plain letters is escaped (no way out of <style>)."""
    return '"' + "".join(ch if ch.isalnum() or ch in " .,:()" else f"\\{ord(ch):x} " for ch in text) + '"'


def _card_labels(cols: list[Column]) -> str:
    """On a phone each cell shows its column's name (one rule per column, not an attribute per cell)."""
    rules = "".join(
        f"tbody td:nth-child({i})::before{{content:{_css_string(c.header)}}}" for i, c in enumerate(cols, 1) if i > 1
    )
    return f"@media (max-width:720px){{{rules}}}"


def _about(cols: list[Column], source: Provenance) -> str:
    items = "".join(f"<dt>{h(c.short.replace(chr(0xAD), ''))}</dt><dd>{h(c.header)}</dd>" for c in cols)
    links = (
        f"De naam van een gemeente linkt naar haar gebouwde verordening ({h(source.links or '.')}/…, "
        "gemaakt met <code>verordening build</code>)."
        if source.links is not None
        else "Zonder <code>--verordeningen</code> linken de namen niet naar de verordeningen."
    )
    standards = "".join(
        f"<dt>{h(name)}{'' if national else ' (geen landelijke norm)'}</dt><dd>{h(text)}</dd>"
        for name, text, national in standard_explanations()
    )
    return (
        '<section id="over"><h2>Over deze pagina</h2>'
        f"<p>{h(source.made())}. {links} De selectie staat in het adres van de pagina: "
        "kopieer het adres, of de link naar deze selectie, om dezelfde weergave te delen.</p>"
        '<h3 id="eisen">De kwaliteitseisen: welke landelijk zijn (OVAL 2)</h3>'
        f'<dl class="kolommen">{standards}</dl>'
        f'<h3>De kolommen</h3><dl class="kolommen">{items}</dl></section>'
    )


def to_html(rows: list[Row], source: Provenance | None = None) -> str:
    source = source or Provenance.now()
    cols = [c for c in columns() if c.key != "code"]
    n = len(rows)
    asks = "".join(
        f'<li><b>OVAL {i}. {h(title)}</b><span class="tal">{sum(r.ask(key).met for r in rows)} van {n}</span>'
        f"voldoen. {h(ASK_EXPLAINED[key])}"
        + (' <a href="#eisen">Welke eisen landelijk zijn.</a>' if key == "kwaliteit" else "")
        + "</li>"
        for i, (key, title) in enumerate(ASKS.items(), 1)
    )
    figs = "".join(f"<li>{h(f.text)}</li>" for f in figures(rows))
    charts = "".join(bar_chart(q, n) for q in questions(rows))
    body = "".join(_row(r, cols, rank, source) for rank, r in enumerate(rows))
    style = _asset("page.css") + style_rules(map_questions()) + _card_labels(cols)
    warning = f'<p class="waarschuwing">{h(source.synthetic_warning(rows))}</p>' if source.synthetic_count(rows) else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="nl"><head><meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "script-src 'unsafe-inline'; img-src data:\">\n"
        f"<title>{h(TITLE)} ({n} gemeenten)</title>\n"
        f"<style>{style}</style></head><body>\n"
        f"<header><h1>{h(TITLE.replace('-', chr(0x2011)))}</h1><p class=bron>{h(source.sentence(rows))}</p>{warning}\n"
        '<nav aria-label="Op deze pagina"><ul><li><a href="#vergelijking">Per gemeente</a></li>'
        '<li><a href="#kaart-sectie">Kaart</a></li><li><a href="#per-vraag">Per vraag</a></li>'
        '<li><a href="#over">Over deze pagina</a></li></ul></nav></header>\n<main>\n'
        f'<section id="oval"><h2 class="sr">De drie vragen van OVAL</h2><ul class="vragen">{asks}</ul></section>\n'
        f'<section id="vergelijking"><h2>Per gemeente</h2>\n{_filters(n)}\n'
        f'<div class="tabel" tabindex="0" role="region" aria-label="Tabel: keuzes per gemeente">'
        f'<table id="matrix">{_head(cols)}<tbody>{body}</tbody></table></div></section>\n'
        '<section id="kaart-sectie"><h2>Kaart en kerncijfers</h2>'
        f'<label>Kleur de kaart naar <select id="kaartvraag">{map_options()}</select></label> '
        '<a href="#kerncijfers" class="klein">sla de kaart over</a>\n'
        f'<div class="kaart-en-cijfers">{map_svg(rows)}'
        f'<div><h3 id="kerncijfers">Kerncijfers</h3><p class="klein">Over alle {n} gemeenten; de filters '
        "veranderen deze cijfers, de legenda en de grafieken niet.</p>"
        f'<ul class="cijfers">{figs}</ul></div></div></section>\n'
        f'<section id="per-vraag"><h2>Per vraag: aantal gemeenten</h2><div class="grafieken">{charts}</div></section>\n'
        f"{_about(cols, source)}\n</main>\n"
        f"<script>{_asset('page.js')}</script></body></html>\n"
    )
