"""The compliance checklist for art. 8a, tweede lid, Participatiewet and art. 47.

Computed, never declared: a requirement counts as met only when an article of this build
claims it (front matter `regulates`), the rendered text of those articles contains the
evidence requirements.yaml asks for, and the choices do not leave it empty.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass

from verordening.choicefile.schema import AdviesCliëntenraad, Choices
from verordening.engine.citations import artikelen
from verordening.engine.document import Ordinance
from verordening.engine.library import ClauseLibrary, Requirement, load_library
from verordening.engine.textfilters import datum


@dataclass(frozen=True)
class CheckResult:
    requirement: str
    citation: str
    summary: str
    met: bool
    articles: list[int]
    reason: str

    def to_json(self) -> dict[str, object]:
        return asdict(self)


def _clientenraad(choices: Choices, ordinance: Ordinance) -> tuple[bool, str]:
    raad = choices.clientenraad
    if not isinstance(raad, AdviesCliëntenraad):
        return (
            False,
            f"de cliëntenraad is niet om advies gevraagd ({raad.afgezien}); artikel 47 vraagt dat hij vroegtijdig advies kan uitbrengen",
        )
    if raad.advies_ontvangen is None:
        return False, f"advies gevraagd op {datum(raad.advies_gevraagd)}, maar nog niet ontvangen"
    in_aanhef = any("advies" in line and raad.naam in line for line in ordinance.aanhef)
    if not in_aanhef:
        return False, "het advies is ontvangen maar staat niet in de aanhef"
    return (
        True,
        f"advies gevraagd op {datum(raad.advies_gevraagd)} en ontvangen op {datum(raad.advies_ontvangen)}; vermeld in de aanhef",
    )


# Conditions on the choices that the text alone cannot show.
_CHOICE_CHECKS: dict[str, Callable[[Choices], str | None]] = {
    "8a-2-e-1": lambda k: (
        None
        if k.persoonlijke_ondersteuning.subsidie_werkgever
        else "persoonlijke ondersteuning is alleen in natura geregeld; de wet vraagt ook subsidieverstrekking (persoonlijke_ondersteuning.subsidie_werkgever is false)"
    ),
    "8a-2-e-2": lambda k: (
        None
        if k.jobcoaching.kwaliteitseisen
        else "er is geen kwaliteitseis voor jobcoaches gekozen (jobcoaching.kwaliteitseisen is leeg)"
    ),
}


def _evidence(requirement: Requirement, text: str) -> list[str]:
    """The evidence patterns the text lacks (each pattern is a case-insensitive regex)."""
    return [p for p in requirement.evidence if not re.search(p, text, re.I)]


def compute(ordinance: Ordinance, library: ClauseLibrary | None = None) -> list[CheckResult]:
    library = library or load_library()
    choices = ordinance.choices
    results = []
    for req in library.requirements:
        if req.id == "47":
            met, reason = _clientenraad(choices, ordinance)
            results.append(CheckResult(req.id, req.citation, req.summary, met, [], reason))
            continue
        claimed = [a for a in ordinance.articles if req.id in a.regulates]
        numbers = [a.number for a in claimed]
        choice_gap = _CHOICE_CHECKS.get(req.id, lambda k: None)(choices)
        if not claimed:
            met, reason = False, "geen artikel van deze verordening regelt dit"
        elif choice_gap:
            met, reason = False, choice_gap
        elif missing := _evidence(req, " ".join(a.plain_text for a in claimed)):
            met, reason = (
                False,
                f"de tekst van {artikelen(numbers)} bevat niet wat de wet vraagt (ontbreekt: {', '.join(missing)})",
            )
        else:
            met, reason = True, f"geregeld in {artikelen(numbers)}"
        results.append(CheckResult(req.id, req.citation, req.summary, met, numbers, reason))
    return results


def all_met(results: list[CheckResult]) -> bool:
    return all(r.met for r in results)
