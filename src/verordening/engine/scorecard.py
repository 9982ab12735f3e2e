"""The OVAL scorecard: which of OVAL's three asks a draft meets, and why.

Computed from the choices and from the assembled text together: an ask counts as met only
when the choice is made and the ordinance actually says it (a choice without an article,
e.g. because a template lacks it, does not count).

The asks (OVAL, letter to council members of 3 May 2023, see shared/domain.md):
1. handhaving en begeleiding not in one person;
2. quality requirements for external jobcoaching that name a national standard;
3. maatwerk: jobcoaching longer than two years in individual cases.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from verordening.choicefile.schema import NATIONAL_STANDARDS
from verordening.engine.document import Article, Ordinance, walk
from verordening.engine.textfilters import maanden, opsomming

TWO_YEARS = 24  # months; OVAL's third ask is about coaching beyond this


@dataclass(frozen=True)
class AskResult:
    key: str  # "scheiding", "kwaliteit", "maatwerk"
    title: str
    met: bool
    reason: str


ASKS = {
    "scheiding": "Handhaving en begeleiding gescheiden",
    "kwaliteit": "Landelijke kwaliteitsnorm voor jobcoaching",
    "maatwerk": "Maatwerk: jobcoaching langer dan twee jaar",
}

_COACH = re.compile(r"jobcoach|begeleid")
_ENFORCE = re.compile(r"handhav|toezicht op de naleving|uitkering|bijstand")
_NOT = re.compile(r"\bniet\b|gescheiden")


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


@dataclass(frozen=True)
class _Texts:
    """The ordinance's text normalised once: the three asks read it many times."""

    articles: tuple[tuple[Article, str, str], ...]  # (article, normalised heading + text, normalised text)
    leden: tuple[tuple[Article, str], ...]  # (article, normalised lid with its onderdelen)
    whole: str

    @classmethod
    def of(cls, ordinance: Ordinance) -> _Texts:
        articles = []
        leden = []
        for article in ordinance.articles:
            rule = _norm(article.plain_text)
            articles.append((article, _norm(article.title) + " " + rule, rule))
            for lid in article.leden:
                leden.append((article, _norm(" ".join(e.text for e in walk([lid]) if e.depth <= 1))))
        return cls(tuple(articles), tuple(leden), " ".join(rule for _, _, rule in articles))


def _article_ref(article: Article) -> str:
    return f"artikel {article.number} ({article.title})"


def _separation(ordinance: Ordinance, texts: _Texts) -> AskResult:
    chosen = ordinance.choices.jobcoaching.scheiding_handhaving_begeleiding
    found = None
    for article, whole, rule in texts.articles:
        # The rule may name handhaving only in its heading and spell out the tasks in the text.
        if "handhav" in whole and _COACH.search(whole) and _ENFORCE.search(rule) and _NOT.search(rule):
            found = article
            break
    if chosen and found:
        return AskResult(
            "scheiding",
            ASKS["scheiding"],
            True,
            f"jobcoaching en handhaving liggen niet in één hand: {_article_ref(found)}",
        )
    if chosen:
        return AskResult(
            "scheiding",
            ASKS["scheiding"],
            False,
            "gekozen (jobcoaching.scheiding_handhaving_begeleiding), maar de verordening bevat geen artikel dat het regelt",
        )
    if found:
        return AskResult(
            "scheiding",
            ASKS["scheiding"],
            False,
            f"niet gekozen, al noemt {_article_ref(found)} handhaving en begeleiding; zet de keuze op true",
        )
    return AskResult(
        "scheiding",
        ASKS["scheiding"],
        False,
        "niet gekozen: de verordening sluit niet uit dat de klantmanager die handhaaft ook begeleidt",
    )


def _quality(ordinance: Ordinance, kwaliteitseisen: Mapping[str, Mapping[str, str]], texts: _Texts) -> AskResult:
    jc = ordinance.choices.jobcoaching
    national = [k for k in jc.kwaliteitseisen if k in NATIONAL_STANDARDS]
    names = {k: kwaliteitseisen.get(k.value, {}).get("naam", k.value) for k in jc.kwaliteitseisen}
    extern = "" if jc.aanbieder != "intern" else " (let op: de gemeente zet alleen interne jobcoaches in)"
    if not jc.kwaliteitseisen:
        return AskResult("kwaliteit", ASKS["kwaliteit"], False, "geen kwaliteitseisen gekozen")
    if not national:
        return AskResult(
            "kwaliteit",
            ASKS["kwaliteit"],
            False,
            f"alleen eigen eisen van de gemeente, geen landelijk keurmerk of erkenningskader{extern}",
        )
    wanted = {k: _norm(kwaliteitseisen.get(k.value, {}).get("omschrijving", names[k])) for k in national}
    in_text = [k for k in national if wanted[k] in texts.whole]
    if not in_text:
        return AskResult(
            "kwaliteit",
            ASKS["kwaliteit"],
            False,
            f"{opsomming(names[k] for k in national)} gekozen, maar niet in de tekst van de verordening opgenomen",
        )
    where = [a for a, _, rule in texts.articles if any(wanted[k] in rule for k in in_text)]
    return AskResult(
        "kwaliteit",
        ASKS["kwaliteit"],
        True,
        f"eist {opsomming(names[k] for k in in_text)}" + (f" in {_article_ref(where[0])}" if where else "") + extern,
    )


def _maatwerk(ordinance: Ordinance, texts: _Texts) -> AskResult:
    jc = ordinance.choices.jobcoaching
    base = jc.maximale_duur_maanden
    extra = jc.verlenging.maximale_duur_maanden if jc.verlenging.toegestaan else 0
    total = base + (extra or 0)
    leden = texts.leden
    base_lid = next((a for a, t in leden if "jobcoach" in t and f"ten hoogste {maanden(base)}" in t), None)
    ext_lid = next((a for a, t in leden if "verleng" in t and maanden(extra or 0) in t), None) if extra else None
    if total <= TWO_YEARS:
        why = f"ten hoogste {maanden(base)}" + (
            f", met verlenging samen {maanden(total)}" if extra else " zonder verlenging"
        )
        return AskResult("maatwerk", ASKS["maatwerk"], False, f"{why}; niet langer dan twee jaar")
    if base > TWO_YEARS and base_lid:
        return AskResult(
            "maatwerk",
            ASKS["maatwerk"],
            True,
            f"jobcoaching ten hoogste {maanden(base)} in {_article_ref(base_lid)}"
            + (f", te verlengen met ten hoogste {maanden(extra)}" if extra and ext_lid else ""),
        )
    if extra and ext_lid:
        return AskResult(
            "maatwerk",
            ASKS["maatwerk"],
            True,
            f"ten hoogste {maanden(base)}, in een individueel geval te verlengen met ten hoogste {maanden(extra)} "
            f"(samen {maanden(total)}) in {_article_ref(ext_lid)}",
        )
    return AskResult(
        "maatwerk",
        ASKS["maatwerk"],
        False,
        f"gekozen (samen {maanden(total)}), maar de verordening noemt die duur of verlenging niet",
    )


def score(ordinance: Ordinance, kwaliteitseisen: Mapping[str, Mapping[str, str]] | None = None) -> list[AskResult]:
    """The three asks for one assembled ordinance, in OVAL's order."""
    if kwaliteitseisen is None:
        from verordening.engine.library import load_library

        kwaliteitseisen = load_library().kwaliteitseisen
    texts = _Texts.of(ordinance)
    return [_separation(ordinance, texts), _quality(ordinance, kwaliteitseisen, texts), _maatwerk(ordinance, texts)]
