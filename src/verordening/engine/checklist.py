"""The checklist: does this assembled ordinance regulate what the Act in force requires?

Computed from structure, never from words. Each requirement of the version in force
(requirements.yaml; `when` over the facts of that version) lists the aspects the law asks for and,
per aspect, the elements of the clause library that regulate it (article label, lid label,
onderdeel label). An aspect is met when one of its elements is present in *this* assembled
ordinance: an article or lid left out by a choice, or deleted from a municipality's own library,
is not. The procedure (art. 47, publication) is a separate section that can warn but never fails.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from verordening.engine import citations
from verordening.engine.document import Article, Ordinance
from verordening.engine.law import LawVersion
from verordening.engine.library import Aspect, ClauseLibrary, Requirement, load_library
from verordening.engine.procedure import ProcedureResult, check_procedure
from verordening.engine.texts import Texts


@dataclass(frozen=True)
class RequirementResult:
    requirement: str  # "8a-2-e-1"
    citation: str
    summary: str
    met: bool
    articles: list[int | str]  # article numbers of the elements present
    elements: list[str]  # "artikel 16, derde lid", …
    reason: str
    wettekst: str | None = None  # the literal text of the provision in the version in force
    unregulated: tuple[str, ...] = ()  # what the ordinance does not regulate, as the law says it (aspects' `wat`)

    @property
    def status(self) -> str:
        return "voldaan" if self.met else "niet voldaan"


@dataclass(frozen=True)
class Checklist:
    peildatum: dt.date
    law: LawVersion
    vereisten: list[RequirementResult] = field(default_factory=list)
    procedure: list[ProcedureResult] = field(default_factory=list)

    @property
    def all_met(self) -> bool:
        return all(r.met for r in self.vereisten)

    @property
    def unmet(self) -> list[RequirementResult]:
        return [r for r in self.vereisten if not r.met]

    @property
    def warnings(self) -> list[ProcedureResult]:
        return [p for p in self.procedure if p.status == "waarschuwing"]

    def to_json(self) -> dict[str, object]:
        return {
            "wet": {
                "peildatum": self.peildatum.isoformat(),
                "versie": self.law.valid_from.isoformat(),
                "bron": self.law.source,
            },
            "vereisten": [asdict(r) for r in self.vereisten],
            "procedure": [asdict(p) for p in self.procedure],
        }


def cite(
    article: Article, lid: object | None = None, onderdeel: object | None = None, sub: object | None = None
) -> str:
    """ "artikel 16, derde lid, onderdeel b, onder 1°" for an element of the assembled ordinance."""
    numbers = [getattr(u, "number", None) for u in (lid, onderdeel, sub)]
    return citations.cite(article.number, *numbers)  # type: ignore[arg-type]


def locate(ordinance: Ordinance, element: str, say: Texts) -> tuple[Article, str, tuple[int, ...]] | str:
    """The article and citation of an element present in the ordinance, or why it is absent."""
    label, *path = element.split(".")
    article = next((a for a in ordinance.articles if a.label == label), None)
    if article is None:
        return say("ontbreekt.artikel", label=label)
    units = article.units(path)
    lid, onderdeel, sub = (*units, None, None, None)[:3]
    if len(units) < len(path):  # the first label not found
        missing = path[len(units)]
        if not units:
            return say("ontbreekt.lid", artikel=article.number, titel=article.title, lid=missing)
        if len(units) == 1:
            return say("ontbreekt.onderdeel", plaats=cite(article, lid), onderdeel=missing)
        return say("ontbreekt.sub", plaats=cite(article, lid, onderdeel), sub=missing)
    return (
        article,
        cite(article, lid, onderdeel, sub),
        tuple(getattr(u, "number", None) or 0 for u in (lid, onderdeel, sub)),
    )


def _absent(library: ClauseLibrary, ordinance: Ordinance, aspect: Aspect, why: str) -> str:
    """Why an aspect is missing, naming the choice that left its article out where there is one."""
    say = library.checklist_texts
    label = aspect.elements[0].split(".")[0]
    if not library.has(label):
        return say("vereiste.ontbreekt_element", wat=aspect.what, waarom=say("ontbreekt.bibliotheek", label=label))
    if all(a.label != label for a in ordinance.articles):
        spec = library.spec(label)
        condition = spec.when.replace("k.", "")
        return say("vereiste.niet_opgenomen", wat=aspect.what, titel=spec.title, voorwaarde=condition)
    return say("vereiste.ontbreekt_element", wat=aspect.what, waarom=why)


def check_requirement(library: ClauseLibrary, ordinance: Ordinance, req: Requirement) -> RequirementResult:
    say = library.checklist_texts
    order = {a.label: i for i, a in enumerate(ordinance.articles)}
    present: dict[str, tuple[tuple[int, ...], Article]] = {}  # citation -> (reading-order key, article)
    missing: list[str] = []  # each aspect with why it is absent
    unregulated: list[str] = []
    for aspect in req.aspects:
        found = [locate(ordinance, e, say) for e in aspect.elements]
        hits = [f for f in found if isinstance(f, tuple)]
        if not hits:
            missing.append(_absent(library, ordinance, aspect, str(found[0])))
            unregulated.append(aspect.what)
            continue
        article, citation, position = hits[0]
        present.setdefault(citation, ((order[article.label], *position), article))
    cited = sorted(present, key=lambda c: present[c][0])
    numbers = list(dict.fromkeys(present[c][1].number for c in cited))
    if missing:
        reason = say("vereiste.niet_geregeld", ontbrekend=missing)
    else:
        reason = say("vereiste.geregeld", elementen=cited)
    text = ordinance.law.text(req.id) if ordinance.law else None
    return RequirementResult(
        req.id, req.citation, req.summary, not missing, numbers, cited, reason, text, tuple(unregulated)
    )


def compute(ordinance: Ordinance, library: ClauseLibrary | None = None) -> Checklist:
    """The checklist of this ordinance against the library it was built from."""
    library = library or load_library(ordinance.library)
    law = ordinance.law or library.law.in_force(ordinance.choices.peildatum)
    vereisten = [check_requirement(library, ordinance, r) for r in library.requirements_for(law)]
    procedure = check_procedure(ordinance.choices, library.checklist_texts, library.law)
    return Checklist(ordinance.choices.peildatum, law, vereisten, procedure)
