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
from verordening.engine.texts import Texts

# Fewer days than this between adoption and entry into force leave too little time to publish.
PUBLICATION_DAYS = 7


@dataclass(frozen=True)
class ProcedureResult:
    requirement: str  # "47", "bekendmaking"
    citation: str
    status: str  # "in_orde", "opmerking", "waarschuwing"
    reason: str


def _clientenraad(k: Choices, say: Texts) -> ProcedureResult:
    key = "procedure.artikel_47"
    citation = say(f"{key}.citation")
    raad = k.clientenraad
    if not isinstance(raad, AdviesCliëntenraad):
        return ProcedureResult("47", citation, "waarschuwing", say(f"{key}.afgezien", reden=raad.afgezien))
    values = {
        "naam": raad.naam,
        "gevraagd": raad.advies_gevraagd,
        "ontvangen": raad.advies_ontvangen,
        "voorstel": k.vaststelling.voorstel_datum,
    }
    if raad.advies_ontvangen is None:
        return ProcedureResult("47", citation, "opmerking", say(f"{key}.gelegenheid", **values))
    if raad.advies_ontvangen > k.vaststelling.voorstel_datum:
        return ProcedureResult("47", citation, "waarschuwing", say(f"{key}.ontvangen_na_voorstel", **values))
    return ProcedureResult("47", citation, "in_orde", say(f"{key}.ontvangen", **values))


def _bekendmaking(k: Choices, say: Texts) -> ProcedureResult:
    key = "procedure.bekendmaking"
    days = (k.inwerkingtreding - k.vaststelling.datum).days
    values = {"vastgesteld": k.vaststelling.datum, "inwerkingtreding": k.inwerkingtreding, "dagen": days}
    if days < PUBLICATION_DAYS:
        return ProcedureResult("bekendmaking", say(f"{key}.citation"), "waarschuwing", say(f"{key}.te_kort", **values))
    return ProcedureResult("bekendmaking", say(f"{key}.citation"), "in_orde", say(f"{key}.ruim", **values))


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
        )
    ]


def check_procedure(k: Choices, say: Texts) -> list[ProcedureResult]:
    return [*_in_te_vullen(k, say), _clientenraad(k, say), _bekendmaking(k, say)]
