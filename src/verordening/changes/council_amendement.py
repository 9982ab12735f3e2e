"""The amendement a raadslid tables on a draft that does not meet one of OVAL's three asks.

The draft is OLD; the draft with the ask met is NEW; changes/amend.py drafts the change
instructions between them, keeping the draft's numbers. The words around the instructions
(heading, aanhef, toelichting from OVAL's reasons, closing) are the clause library's
(model_clauses/amendement.j2); amendement_doc.py lays them out as Markdown and DOCX.

What meeting each ask takes (OVAL's letter to the councils of 3 May 2023, seed 001):
- scheiding: the article that keeps handhaving and jobcoaching apart;
- kwaliteit: the OVAL-keurmerk and the UWV erkenningskader added to the accepted standards (the
  two OVAL names), next to what the draft already accepts, and the Nationaal Jobcoachregister where
  the municipality's own jobcoaches need a standard a single jobcoach can meet;
- maatwerk: an extension in individual cases, up to UWV's three years in total.
"""

from __future__ import annotations

from dataclasses import dataclass

from verordening.changes.amend import AmendError, Amendment, amend
from verordening.choicefile.schema import INDIVIDUAL_STANDARDS, Choices, Jobcoaching, Kwaliteitseis
from verordening.engine.assemble import assemble
from verordening.engine.library import ClauseLibrary, load_library
from verordening.engine.scorecard import ASKS, AskResult, score

ASK_KEYS = tuple(ASKS)
ADDED_STANDARDS = (Kwaliteitseis.oval_keurmerk, Kwaliteitseis.uwv_erkenningskader)
UWV_TOTAL_MONTHS = 36
TEMPLATE = "amendement.j2"
BLOCKS = ("kop", "onderwerp", "aanhef", "wijzigingen", "verwerking", "toelichting", "slot", "indieners")


@dataclass(frozen=True)
class CouncilAmendement:
    ask: str
    verdict: AskResult  # the draft's verdict on the ask (not met)
    amendment: Amendment  # the change instructions, in the draft's numbering
    text: dict[str, list[str]]  # block name -> paragraphs (model_clauses/amendement.j2)

    @property
    def gemeente(self) -> str:
        return self.amendment.old.choices.gemeente


def with_ask_met(choices: Choices, ask: str) -> Choices:
    """The draft's choices changed as little as meeting the ask takes."""
    jc = choices.jobcoaching
    if ask == "scheiding":
        return choices.model_copy(
            update={"jobcoaching": jc.model_copy(update={"scheiding_handhaving_begeleiding": True})}
        )
    if ask == "kwaliteit":
        added = list(ADDED_STANDARDS)
        if jc.aanbieder != "extern" and not set(jc.kwaliteitseisen) & INDIVIDUAL_STANDARDS:
            # The municipality's own jobcoaches can never hold an organisation's keurmerk: the national
            # register is the national standard a single jobcoach can meet.
            added.append(Kwaliteitseis.nationaal_jobcoachregister)
        eisen = list(jc.kwaliteitseisen) + [k for k in added if k not in jc.kwaliteitseisen]
        return _valid(choices, jc.model_copy(update={"kwaliteitseisen": eisen}))
    if ask == "maatwerk":
        extra = max(UWV_TOTAL_MONTHS - jc.maximale_duur_maanden, jc.verlenging.maximale_duur_maanden or 0, 1)
        verlenging = jc.verlenging.model_copy(update={"toegestaan": True, "maximale_duur_maanden": extra})
        return _valid(choices, jc.model_copy(update={"verlenging": verlenging}))
    raise ValueError(ask)


def _valid(choices: Choices, jobcoaching: Jobcoaching) -> Choices:
    """The draft with other jobcoaching choices, validated like a choice file (every cross-field rule)."""
    data = choices.model_dump()
    data["jobcoaching"] = jobcoaching.model_dump()
    return Choices.model_validate(data)


def verdict(choices: Choices, ask: str, library: ClauseLibrary | None = None) -> AskResult:
    library = library or load_library()
    results = score(assemble(choices, library), library.kwaliteitseisen)
    return next(r for r in results if r.key == ask)


def draft_amendement(choices: Choices, ask: str, library: ClauseLibrary | None = None) -> CouncilAmendement | None:
    """The amendement for this ask, or None when the draft already meets it."""
    if ask not in ASK_KEYS:
        raise ValueError(ask)
    library = library or load_library()
    before = verdict(choices, ask, library)
    if before.met:
        return None
    goal = with_ask_met(choices, ask)
    after = verdict(goal, ask, library)
    if not after.met:
        raise AmendError(
            f"de ontwerpverordening voldoet niet aan '{ASKS[ask]}' ({before.reason}), en de keuzes aanpassen "
            f"helpt niet: {after.reason}; dat is een tekort in de modelbepalingen, geen keuze van de gemeente"
        )
    amendment = amend(choices, goal, library)
    added = [k for k in goal.jobcoaching.kwaliteitseisen if k not in choices.jobcoaching.kwaliteitseisen]
    context = {
        "vraag": ask,
        "gemeente": choices.gemeente,
        "citeertitel": amendment.old.citeertitel,
        "k": choices,
        "nieuw": goal,
        "ingevoegd": any(s.state != "bestaand" for s in amendment.slots),
        "eisen": [k.value for k in added],
    }
    return CouncilAmendement(ask, before, amendment, _render_blocks(library, context))


def _render_blocks(library: ClauseLibrary, context: dict) -> dict[str, list[str]]:
    template = library.env.get_template(TEMPLATE)
    out = {}
    for name in BLOCKS:
        text = "".join(template.blocks[name](template.new_context(context)))
        out[name] = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    return out
