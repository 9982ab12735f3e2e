"""The procedure around the ordinance: was the cliëntenraad heard, is there time to publish?

Not requirements on the content: a finding here is "in orde", an "opmerking" or a "waarschuwing",
and never makes `verordening check` fail. Art. 47 Participatiewet obliges the raad to regulate how
clients are involved; the duty to consult on *this* ordinance comes from the municipality's own
participation ordinance, so not asking is a procedural risk, not a defect of the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from verordening.choicefile.keys import title_at
from verordening.choicefile.schema import AdviesCliëntenraad, Choices
from verordening.engine.law import Law
from verordening.engine.texts import Texts

# Fewer days than this between adoption and entry into force leave too little time to publish.
PUBLICATION_DAYS = 7


@dataclass(frozen=True)
class ProcedureResult:
    requirement: str  # "47", "bekendmaking", "terugwerkende kracht"
    citation: str
    status: str  # "in_orde", "opmerking", "waarschuwing"
    reason: str
    finding: str = ""  # which finding: the text's key ("afgezien", "ontvangen_na_voorstel", "te_kort", …)


def _clientenraad(k: Choices, say: Texts) -> ProcedureResult:
    key = "procedure.artikel_47"
    raad = k.clientenraad
    grondslag = raad.grondslag or ""
    citation = say(f"{key}.citation", grondslag=grondslag)
    if not isinstance(raad, AdviesCliëntenraad):
        return ProcedureResult(
            "47", citation, "waarschuwing", say(f"{key}.afgezien", reden=raad.afgezien, grondslag=grondslag), "afgezien"
        )
    values = {
        "naam": raad.naam,
        "gevraagd": raad.advies_gevraagd,
        "ontvangen": raad.advies_ontvangen,
        "voorstel": k.vaststelling.voorstel_datum,
    }
    if raad.advies_ontvangen is None:
        return ProcedureResult("47", citation, "opmerking", say(f"{key}.gelegenheid", **values), "gelegenheid")
    if raad.advies_ontvangen > k.vaststelling.voorstel_datum:
        return ProcedureResult(
            "47", citation, "waarschuwing", say(f"{key}.ontvangen_na_voorstel", **values), "ontvangen_na_voorstel"
        )
    return ProcedureResult("47", citation, "in_orde", say(f"{key}.ontvangen", **values), "ontvangen")


def _bekendmaking(k: Choices, say: Texts) -> ProcedureResult:
    key = "procedure.bekendmaking"
    citation = say(f"{key}.citation")
    start = k.inwerkingtreding_datum
    if start is None:  # the day after publication: it can never come before the publication
        return ProcedureResult(
            "bekendmaking", citation, "in_orde", say(f"{key}.dag_na", vastgesteld=k.vaststelling.datum), "dag_na"
        )
    days = (start - k.vaststelling.datum).days
    values = {"vastgesteld": k.vaststelling.datum, "inwerkingtreding": start, "dagen": days}
    if k.terugwerkende_kracht_tot is not None:  # a late publication is covered by the retroactive effect
        return ProcedureResult(
            "bekendmaking", citation, "in_orde", say(f"{key}.terugwerkend", **values), "terugwerkend"
        )
    if days < PUBLICATION_DAYS:
        return ProcedureResult("bekendmaking", citation, "waarschuwing", say(f"{key}.te_kort", **values), "te_kort")
    return ProcedureResult("bekendmaking", citation, "in_orde", say(f"{key}.ruim", **values), "ruim")


def _in_te_vullen(k: Choices, say: Texts) -> list[ProcedureResult]:
    """Values still provisional (in_te_vullen, as `verordening nieuw --standaard` leaves them); none: no finding."""
    if not k.in_te_vullen:
        return []
    keys = [f"{title_at(key) or key} ({key})" for key in k.in_te_vullen]
    return [
        ProcedureResult(
            "in_te_vullen",
            say("procedure.in_te_vullen.citation"),
            "waarschuwing",
            say("procedure.in_te_vullen.voorlopig", sleutels=keys),
            "voorlopig",
        )
    ]


def _terugwerkende_kracht(k: Choices, say: Texts, law: Law | None) -> ProcedureResult | None:
    """Retroactive effect is lawful where it favours residents; it burdens them where the text follows a later
    version of the Act than the one in force in part of the period it reaches back to."""
    back = k.terugwerkende_kracht_tot
    if back is None:
        return None
    key = "procedure.terugwerkende_kracht"
    values = {"terug": back, "intrekking": k.intrekking or ""}
    if law is not None:
        then, text = law.in_force(back), law.in_force(k.peildatum)
        changes = [
            {"datum": v.valid_from, "wijziging": c.summary.rstrip("."), "vindplaats": c.cited()}
            for v, c in law.changes_since(then, relevant_only=True)
            if v.valid_from <= text.valid_from
        ]
        if changes:
            return ProcedureResult(
                "terugwerkende kracht",
                say(f"{key}.citation"),
                "waarschuwing",
                say(f"{key}.andere_wet", wet=text.label, wijzigingen=changes, **values),
                "andere_wet",
            )
    return ProcedureResult(
        "terugwerkende kracht", say(f"{key}.citation"), "opmerking", say(f"{key}.gunstig", **values), "gunstig"
    )


def check_procedure(k: Choices, say: Texts, law: Law | None = None) -> list[ProcedureResult]:
    """The procedure findings; with `law` (the versions of the Act) a retroactive ordinance is also checked
    against the versions in force during the period it reaches back to."""
    results = [*_in_te_vullen(k, say), _clientenraad(k, say), _bekendmaking(k, say), _terugwerkende_kracht(k, say, law)]
    return [r for r in results if r is not None]
