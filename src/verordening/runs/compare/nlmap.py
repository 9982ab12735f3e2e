"""The map: all 342 municipalities as one inline SVG, coloured by a chosen question.

The boundaries are package data (data/gemeenten_kaart.json, made by tools/topojson_to_map.py from
the CBS/PDOK boundaries). Each municipality with a choice file is a link to its row in the matrix,
so it can be reached with Tab and opened without JavaScript; the others are grey. Every shape
carries, per question i, the category it falls in as a class (q<i><category>); the page's style
colours the categories of the question chosen on the map's data-vraag attribute.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from verordening.choicefile.municipalities import all_municipalities
from verordening.render.escape import html as h
from verordening.runs.compare.columns import duration_tone, standard_names
from verordening.runs.compare.rows import Row

ATTRIBUTION = "Bron: CBS, Kadaster/PDOK"


@cache
def shapes() -> dict:
    text = resources.files("verordening").joinpath("data/gemeenten_kaart.json").read_text(encoding="utf-8")
    return json.loads(text)


@dataclass(frozen=True)
class MapQuestion:
    key: str
    label: str
    categories: tuple[tuple[str, str, str], ...]  # (value, legend text, tone class)
    value: Callable[[Row], str]


def _yes(
    label: str, test: Callable[[Row], bool], yes: str = "ja", no: str = "nee", tones: tuple[str, str] = ("ja", "nee")
) -> Callable[..., MapQuestion]:
    def make(key: str) -> MapQuestion:
        categories = (("ja", yes, tones[0]), ("nee", no, tones[1]))
        return MapQuestion(key, label, categories, lambda r: "ja" if test(r) else "nee")

    return make


def map_questions() -> list[MapQuestion]:
    out = [
        MapQuestion(
            "score",
            "OVAL-score (aantal vragen voldaan)",
            tuple((f"s{n}", f"{n} van 3", f"s{n}") for n in (3, 2, 1, 0)),
            lambda r: f"s{r.score}",
        ),
        _yes(
            "OVAL 1: handhaving en begeleiding gescheiden", lambda r: r.ask("scheiding").met, "voldaan", "niet voldaan"
        )("scheiding"),
        _yes("OVAL 2: landelijke kwaliteitsnorm", lambda r: r.ask("kwaliteit").met, "voldaan", "niet voldaan")(
            "kwaliteit"
        ),
        _yes("OVAL 3: jobcoaching langer dan twee jaar", lambda r: r.ask("maatwerk").met, "voldaan", "niet voldaan")(
            "maatwerk"
        ),
        MapQuestion(
            "totaal",
            "Totale maximale duur jobcoaching (met verlenging)",
            (
                ("d5", "meer dan 48 maanden", "d5"),
                ("d4", "37 tot en met 48 maanden", "d4"),
                ("d3", "25 tot en met 36 maanden", "d3"),
                ("d2", "13 tot en met 24 maanden", "d2"),
                ("d1", "12 maanden of korter", "d1"),
            ),
            lambda r: duration_tone(r.total_duur),
        ),
    ]
    for key, name in standard_names().items():
        out.append(_yes(f"Eis: {name}", lambda r, k=key: k in r.standards, "geëist", "niet geëist")(f"eis_{key}"))
    out.append(
        _yes("Art. 13: loonkostensubsidie buiten de doelgroep", lambda r: r.art13, "opgenomen", "niet opgenomen")(
            "art13"
        )
    )
    return out


def style_rules(questions: list[MapQuestion]) -> str:
    """CSS: the chosen question's categories get their tone; the chosen legend is shown."""
    rules = []
    for i, q in enumerate(questions):
        for value, _, tone in q.categories:
            rules.append(f'#kaart[data-vraag="{q.key}"] a.q{i}{value} path{{fill:var(--{tone})}}')
        rules.append(f'#kaart[data-vraag="{q.key}"] .legenda[data-voor="{q.key}"]{{display:flex}}')
    return "\n".join(rules)


def _summary(row: Row) -> str:
    marks = ", ".join(f"OVAL {i} {'voldaan' if a.met else 'niet voldaan'}" for i, a in enumerate(row.asks, 1))
    return f"{row.gemeente}: {row.score} van 3 ({marks}); jobcoaching ten hoogste {row.total_duur} maanden"


def map_svg(rows: list[Row], default: str = "score") -> str:
    """The map section's figure: the SVG, one legend per question, the attribution."""
    data = shapes()
    by_code = {r.code: r for r in rows}
    questions = map_questions()
    names = {m.code: m.naam for m in all_municipalities()}
    x, y, w, hgt = data["viewbox"]
    parts = [
        f'<div id="kaart" data-vraag="{h(default)}">',
        f'<svg viewBox="{x} {y} {w} {hgt}" role="group" aria-label="Kaart van de {len(data["gemeenten"])} gemeenten" '
        'focusable="false">',
    ]
    for code, d in data["gemeenten"].items():
        row = by_code.get(code)
        if row is None:
            parts.append(
                f'<path class="geen" d="{d}"><title>{h(names.get(code, code))}: geen keuzebestand</title></path>'
            )
            continue
        classes = " ".join(f"q{i}{q.value(row)}" for i, q in enumerate(questions))
        parts.append(
            f'<a href="#r-{h(code)}" data-code="{h(code)}" class="{classes}">'
            f'<path d="{d}"/><title>{h(_summary(row))}</title></a>'
        )
    parts.append("</svg>")
    parts.append(
        '<p id="kaartinfo" aria-live="polite">Wijs een gemeente aan, of ga er met Tab naartoe, voor naam en oordeel; '
        "Enter springt naar de rij in de tabel.</p>"
    )
    for q in questions:
        counts = Counter(q.value(r) for r in rows)
        items = "".join(
            f'<li><span class="vlak {tone}" aria-hidden="true"></span>{h(text)} ({counts[value]})</li>'
            for value, text, tone in q.categories
        )
        missing = len(data["gemeenten"]) - len(by_code)
        if missing:
            items += f'<li><span class="vlak geen" aria-hidden="true"></span>geen keuzebestand ({missing})</li>'
        parts.append(f'<ul class="legenda" data-voor="{q.key}" aria-label="Legenda: {h(q.label)}">{items}</ul>')
    parts.append(
        f'<p class="bron">Gemeentegrenzen 2025 (gegeneraliseerd). {ATTRIBUTION}, via cartomap/nl; '
        "in de pagina opgenomen, zonder externe verzoeken.</p></div>"
    )
    return "\n".join(parts)


def map_options(default: str = "score") -> str:
    """The <option>s of the question chooser."""
    return "".join(
        f'<option value="{h(q.key)}"{" selected" if q.key == default else ""}>{h(q.label)}</option>'
        for q in map_questions()
    )
