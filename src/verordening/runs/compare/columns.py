"""What the comparison shows: the matrix columns (one Dutch header each), the counts per question and
the uniformity figures the seeds ask for. Every output format (Markdown, CSV, HTML, XLSX) reads these.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from verordening.choicefile.schema import NATIONAL_STANDARDS, Kwaliteitseis
from verordening.engine import meaning
from verordening.engine.scorecard import ASKS
from verordening.engine.textfilters import datum, opsomming
from verordening.runs.compare.rows import Row

Value = str | int | bool | dt.date | None


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # the full Dutch header (CSV, XLSX, Markdown)
    short: str  # the header on the page, where the group above it says the rest
    value: Callable[[Row], Value]
    kind: str  # "text", "yesno", "months", "score", "date"
    group: str  # a key of GROUPS
    choice: str = ""  # the key of the choice file it shows, if any (its Dutch title and words: engine/meaning.py)


GROUPS = {
    "gemeente": "",
    "oval": "De drie vragen van OVAL",
    "duur": "Duur jobcoaching (maanden)",
    "kwaliteit": "Kwaliteitseisen jobcoach",
    "overig": "Overige keuzes",
}
ASK_SHORT = {"scheiding": "1. Scheiding", "kwaliteit": "2. Landelijke norm", "maatwerk": "3. Langer dan 2 jaar"}
ASK_EXPLAINED = {
    "scheiding": "De verordening bepaalt dat wie over de uitkering beslist of handhaaft, niet ook de jobcoach is.",
    "kwaliteit": "De verordening eist een landelijk keurmerk, register of erkenning (niet alleen eigen eisen).",
    "maatwerk": "Jobcoaching kan, met verlenging, langer duren dan twee jaar (24 maanden).",
}


@cache
def standard_names() -> dict[str, str]:
    """Kwaliteitseis value -> display name, in the schema's order (model_clauses/kwaliteitseisen.yaml)."""
    from verordening.engine.library import load_library

    names = load_library().kwaliteitseisen
    return {k.value: str(names.get(k.value, {}).get("naam", k.value)) for k in Kwaliteitseis}


def standard_explanations() -> list[tuple[str, str, bool]]:
    """(name, what it is, whether it counts as a national standard) per quality standard, from the library."""
    from verordening.engine.library import load_library

    texts = load_library().kwaliteitseisen
    return [
        (
            name,
            " ".join(str(texts.get(key, {}).get("toelichting", "")).split()),
            Kwaliteitseis(key) in NATIONAL_STANDARDS,
        )
        for key, name in standard_names().items()
    ]


def _standard_column(key: str, name: str) -> Column:
    short = {
        "blik_op_werk_keurmerk": "Blik op Werk",
        "nationaal_jobcoachregister": "Jobcoach\u00adregister",
        "eigen_eisen": "Eigen eisen",
    }
    return Column(
        f"eis_{key}", f"Eis: {name}", short.get(key, name), lambda r: key in r.standards, "yesno", "kwaliteit"
    )


def columns() -> list[Column]:
    """The matrix, the three asks first."""
    out = [
        Column("gemeente", "Gemeente", "Gemeente", lambda r: r.gemeente, "text", "gemeente"),
        Column("code", "CBS-code", "CBS-code", lambda r: r.code, "text", "gemeente"),
    ]
    for i, (key, title) in enumerate(ASKS.items(), 1):
        out.append(Column(key, f"OVAL {i}: {title}", ASK_SHORT[key], lambda r, k=key: r.ask(k).met, "yesno", "oval"))
    out += [
        Column("score", "OVAL-score (vragen voldaan, van 3)", "Score", lambda r: r.score, "score", "oval"),
        Column(
            "totaal",
            "Totale maximale duur jobcoaching, met verlenging (maanden)",
            "Totaal",
            lambda r: r.total_duur,
            "months",
            "duur",
        ),
        _choice("basis", "jobcoaching.maximale_duur_maanden", "Basis", lambda r: r.max_duur, "months", "duur"),
        _choice(
            "verlenging", "jobcoaching.verlenging.toegestaan", "Verlenging", lambda r: r.verlenging, "yesno", "duur"
        ),
        _choice(
            "verlenging_max",
            "jobcoaching.verlenging.maximale_duur_maanden",
            "Verlenging max.",
            lambda r: r.verlenging_max if r.verlenging else None,
            "months",
            "duur",
        ),
    ]
    out += [_standard_column(key, name) for key, name in standard_names().items()]
    out += [
        _choice("aanbieder", "jobcoaching.aanbieder", "Uitvoering", lambda r: AANBIEDER[r.aanbieder], "text", "overig"),
        _choice(
            "art13",
            "artikel_13_loonkostensubsidie.opnemen",
            "Art. 13 loonkosten\u00adsubsidie buiten doelgroep",
            lambda r: r.art13,
            "yesno",
            "overig",
        ),
        _choice(
            "art13_duur",
            "artikel_13_loonkostensubsidie.maximale_duur_maanden",
            "Duur art. 13",
            lambda r: r.art13_duur,
            "months",
            "overig",
        ),
        _choice("clientenraad", "clientenraad", "Cliëntenraad", lambda r: r.clientenraad_tekst, "text", "overig"),
        _choice(
            "inwerkingtreding",
            "inwerkingtreding",
            "Inwerking\u00adtreding",
            lambda r: r.inwerkingtreding,
            "date",
            "overig",
        ),
    ]
    return out


def _choice(key: str, choice: str, short: str, value: Callable[[Row], Value], kind: str, group: str) -> Column:
    """A column that shows one choice: its header is the choice's Dutch title, with the unit."""
    return Column(key, meaning.heading(choice), short, value, kind, group, choice)


# How jobcoaching is carried out, in the words of the choice model.
AANBIEDER = {option: meaning.in_words("jobcoaching.aanbieder", option) for option in ("extern", "intern", "beide")}


def duration_tone(months: int) -> str:
    """The colour band of a total duration: d1 (a year or less) to d5 (more than four years)."""
    return "d1" if months <= 12 else "d2" if months <= 24 else "d3" if months <= 36 else "d4" if months <= 48 else "d5"


def yes_no(value: bool) -> str:
    return meaning.in_words("", bool(value))


def words(column: Column, row: Row) -> str:
    """The cell as Dutch text (Markdown, HTML, and the text of a CSV cell); months in digits, as data."""
    value = column.value(row)
    if value is None:
        return ""
    if column.kind in ("yesno", "date"):
        return meaning.in_words(column.choice, bool(value) if column.kind == "yesno" else value)
    return str(value)


# --- counts per question, and the uniformity figures -----------------------------------------------


@dataclass(frozen=True)
class Question:
    key: str
    title: str
    counts: list[tuple[str, int]]  # (option in words, municipalities), in a meaningful order
    note: str = ""


def _yes_no_counts(values: list[bool]) -> list[tuple[str, int]]:
    return [("ja", sum(values)), ("nee", len(values) - sum(values))]


def _month_counts(values: list[int]) -> list[tuple[str, int]]:
    # Digits, not the words of legal text ("twaalf maanden"): a chart's labels are read as data.
    c = Counter(values)
    return [(f"{v} {'maand' if v == 1 else 'maanden'}", c[v]) for v in sorted(c)]


def questions(rows: list[Row]) -> list[Question]:
    """Per question of the page: how many municipalities chose each option."""
    out = [
        Question(
            "score",
            "OVAL-score: aantal vragen voldaan",
            [(f"{n} van 3", sum(r.score == n for r in rows)) for n in (3, 2, 1, 0)],
        )
    ]
    for i, (key, title) in enumerate(ASKS.items(), 1):
        met = [r.ask(key).met for r in rows]
        out.append(Question(key, f"OVAL {i}: {title}", [("voldaan", sum(met)), ("niet voldaan", len(met) - sum(met))]))
    standards = Counter(s for r in rows for s in r.standards)
    out += [
        Question(
            "kwaliteitseisen",
            "Kwaliteitseisen jobcoach",
            [(name, standards[key]) for key, name in standard_names().items()]
            + [("geen eisen", sum(not r.standards for r in rows))],
            "Een gemeente kan meer eisen tegelijk aanvaarden; de jobcoach hoeft er dan aan één te voldoen.",
        ),
        Question(
            "totaal", "Totale maximale duur jobcoaching (met verlenging)", _month_counts([r.total_duur for r in rows])
        ),
        Question("basis", "Maximale duur zonder verlenging", _month_counts([r.max_duur for r in rows])),
        Question("verlenging", "Verlenging mogelijk", _yes_no_counts([r.verlenging for r in rows])),
        Question(
            "verlenging_max",
            "Maximale verlenging",
            _month_counts([r.verlenging_max for r in rows if r.verlenging and r.verlenging_max]),
            "Alleen gemeenten die verlenging toestaan.",
        ),
        Question("aanbieder", "Jobcoach van", [(v, sum(r.aanbieder == k for r in rows)) for k, v in AANBIEDER.items()]),
        Question("art13", "Art. 13: loonkostensubsidie buiten de doelgroep", _yes_no_counts([r.art13 for r in rows])),
        Question(
            "clientenraad",
            "Advies cliëntenraad",
            [
                ("advies ontvangen", sum(r.clientenraad == "ontvangen" for r in rows)),
                ("gevraagd, nog niet ontvangen", sum(r.clientenraad == "gevraagd" for r in rows)),
                ("niet gevraagd", sum(r.clientenraad == "afgezien" for r in rows)),
            ],
        ),
        Question(
            "inwerkingtreding",
            "Inwerkingtreding",
            [(datum(d), n) for d, n in sorted(Counter(r.inwerkingtreding for r in rows).items())],
        ),
    ]
    return out


def regime(row: Row) -> str:
    """The quality regime in words: the set of standards a municipality accepts."""
    names = standard_names()
    return opsomming(names[s] for s in sorted(row.standards, key=list(names).index)) or "geen eisen"


def _of(count: int, total: int, singular: str, plural: str) -> str:
    """ "1 van de 342 gemeenten voldoet", "12 van de 342 gemeenten voldoen"."""
    return f"{count} van de {total} gemeenten {singular if count == 1 else plural}"


@dataclass(frozen=True)
class Figure:
    text: str  # one Dutch sentence with the number in it
    count: int
    of: int


def figures(rows: list[Row]) -> list[Figure]:
    """The uniformity figures (seeds 002 and 003: how varied; 001: how many meet each ask)."""
    n = len(rows)
    regimes = Counter(regime(r) for r in rows)
    national = sum(any(Kwaliteitseis(s) in NATIONAL_STANDARDS for s in r.standards) for r in rows)
    out = [
        Figure(
            f"{_of(sum(r.score == 3 for r in rows), n, 'voldoet', 'voldoen')} aan alle drie de vragen van OVAL.",
            sum(r.score == 3 for r in rows),
            n,
        ),
    ]
    for i, (key, title) in enumerate(ASKS.items(), 1):
        met = sum(r.ask(key).met for r in rows)
        out.append(Figure(f"OVAL {i} ({title.lower()}): {_of(met, n, 'voldoet', 'voldoen')}.", met, n))
    if regimes:
        top, top_n = max(regimes.items(), key=lambda kv: (kv[1], kv[0]))
        most = f"; het meest gekozen: {top} ({top_n} gemeenten)" if top_n > 1 else ", elk bij één gemeente"
        out.append(
            Figure(f"{len(regimes)} verschillende kwaliteitsregimes (combinaties van eisen){most}.", len(regimes), n)
        )
    out += [
        Figure(
            f"{_of(national, n, 'eist', 'eisen')} ten minste één landelijk keurmerk, register of erkenning.",
            national,
            n,
        ),
        Figure(
            f"{_of(sum(r.like_uwv for r in rows), n, 'sluit', 'sluiten')} aan bij UWV: ten minste drie jaar "
            "jobcoaching, met de mogelijkheid van verlenging.",
            sum(r.like_uwv for r in rows),
            n,
        ),
    ]
    return out
