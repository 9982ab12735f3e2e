"""The choice file: what one municipality decides where the VNG model leaves room.

Keys are Dutch because policy advisors write them. Defaults follow the VNG model, so a
minimal file yields the model ordinance.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, StringConstraints, Tag, field_validator, model_validator

from .municipalities import municipality_by_name

# Free text becomes ordinance text: one line, no control characters.
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Months = Annotated[int, Field(ge=1, le=120)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


class Kwaliteitseis(str, Enum):
    """Quality standards a municipality can accept for jobcoaches (art. 8a, lid 2, e 2°)."""

    oval_keurmerk = "oval_keurmerk"
    blik_op_werk_keurmerk = "blik_op_werk_keurmerk"
    uwv_erkenningskader = "uwv_erkenningskader"
    nationaal_jobcoachregister = "nationaal_jobcoachregister"
    noloc = "noloc"
    eigen_eisen = "eigen_eisen"


# Standards set by a national body rather than by the municipality itself (OVAL's second ask).
NATIONAL_STANDARDS = frozenset(Kwaliteitseis) - {Kwaliteitseis.eigen_eisen}


class Vaststelling(Strict):
    datum: dt.date
    voorstel_datum: dt.date
    voorstel_nummer: ShortText

    @model_validator(mode="after")
    def _proposal_before_adoption(self) -> Vaststelling:
        if self.voorstel_datum > self.datum:
            raise ValueError("voorstel_datum ligt na de datum van vaststelling; het voorstel gaat aan de vaststelling vooraf")
        return self


class AdviesCliëntenraad(Strict):
    """Advice of the cliëntenraad requested and received (art. 47 Participatiewet)."""

    advies_gevraagd: dt.date
    advies_ontvangen: dt.date | None = None
    naam: ShortText = "cliëntenraad"

    @model_validator(mode="after")
    def _received_after_requested(self) -> AdviesCliëntenraad:
        if self.advies_ontvangen is not None and self.advies_ontvangen < self.advies_gevraagd:
            raise ValueError("advies_ontvangen ligt vóór advies_gevraagd; een advies kan niet eerder binnenkomen dan het is gevraagd")
        return self


class AfgezienCliëntenraad(Strict):
    """No advice requested, with the reason (shown in the checklist, never silently)."""

    afgezien: Text


def _clientenraad_branch(value: object) -> str:
    if isinstance(value, dict):
        return "zonder_advies" if "afgezien" in value else "met_advies"
    return "zonder_advies" if isinstance(value, AfgezienCliëntenraad) else "met_advies"


Cliëntenraad = Annotated[
    Annotated[AdviesCliëntenraad, Tag("met_advies")] | Annotated[AfgezienCliëntenraad, Tag("zonder_advies")],
    Discriminator(_clientenraad_branch),
]


class Verlenging(Strict):
    toegestaan: bool = False
    maximale_duur_maanden: Months | None = None

    @model_validator(mode="after")
    def _maximum_when_allowed(self) -> Verlenging:
        if self.toegestaan and self.maximale_duur_maanden is None:
            raise ValueError("verlenging is toegestaan maar maximale_duur_maanden ontbreekt; geef aan met hoeveel maanden ten hoogste kan worden verlengd")
        if not self.toegestaan and self.maximale_duur_maanden is not None:
            raise ValueError("maximale_duur_maanden is ingevuld terwijl verlenging niet is toegestaan; zet toegestaan op true of laat de duur weg")
        return self


class Jobcoaching(Strict):
    kwaliteitseisen: list[Kwaliteitseis] = Field(default_factory=list, max_length=6)
    eigen_eisen: Text | None = None
    maximale_duur_maanden: Months = 24
    verlenging: Verlenging = Verlenging()
    scheiding_handhaving_begeleiding: bool = False
    aanbieder: Literal["extern", "intern", "beide"] = "beide"

    @field_validator("kwaliteitseisen")
    @classmethod
    def _no_duplicates(cls, value: list[Kwaliteitseis]) -> list[Kwaliteitseis]:
        if len(set(value)) != len(value):
            raise ValueError("een kwaliteitseis staat meer dan eens in de lijst")
        return value

    @model_validator(mode="after")
    def _own_requirements_text(self) -> Jobcoaching:
        chosen = Kwaliteitseis.eigen_eisen in self.kwaliteitseisen
        if chosen and not self.eigen_eisen:
            raise ValueError("eigen_eisen is gekozen als kwaliteitseis maar de tekst van die eisen ontbreekt; vul jobcoaching.eigen_eisen in")
        if self.eigen_eisen and not chosen:
            raise ValueError("jobcoaching.eigen_eisen is ingevuld maar eigen_eisen staat niet in kwaliteitseisen")
        return self

    @property
    def national_standards(self) -> list[Kwaliteitseis]:
        return [k for k in self.kwaliteitseisen if k in NATIONAL_STANDARDS]


class Artikel13(Strict):
    """Optional loonkostensubsidie for persons outside the doelgroep loonkostensubsidie."""

    opnemen: bool = False
    maximale_duur_maanden: Months | None = None

    @model_validator(mode="after")
    def _duration_only_when_included(self) -> Artikel13:
        if self.opnemen and self.maximale_duur_maanden is None:
            raise ValueError("artikel 13 wordt opgenomen maar maximale_duur_maanden ontbreekt")
        if not self.opnemen and self.maximale_duur_maanden is not None:
            raise ValueError("maximale_duur_maanden is ingevuld terwijl artikel 13 niet wordt opgenomen")
        return self


class PersoonlijkeOndersteuning(Strict):
    # Art. 8a, lid 2, onderdeel e, 1°: the ordinance must also provide for a subsidy to the employer.
    subsidie_werkgever: bool = True


class Choices(Strict):
    """One municipality's choice file, validated."""

    gemeente: ShortText
    jaar: int = Field(ge=2023, le=2100)
    vaststelling: Vaststelling
    inwerkingtreding: dt.date
    intrekking: ShortText | None = None
    clientenraad: Cliëntenraad
    jobcoaching: Jobcoaching = Jobcoaching()
    artikel_13_loonkostensubsidie: Artikel13 = Artikel13()
    persoonlijke_ondersteuning: PersoonlijkeOndersteuning = PersoonlijkeOndersteuning()
    budgetplafond: bool = True

    @field_validator("gemeente")
    @classmethod
    def _known_municipality(cls, value: str) -> str:
        return municipality_by_name(value).naam

    @model_validator(mode="after")
    def _dates_in_order(self) -> Choices:
        if self.inwerkingtreding < self.vaststelling.datum:
            raise ValueError("inwerkingtreding ligt vóór de datum van vaststelling; een verordening treedt niet in werking voordat zij is vastgesteld")
        if isinstance(self.clientenraad, AdviesCliëntenraad) and self.clientenraad.advies_gevraagd > self.vaststelling.datum:
            raise ValueError("het advies van de cliëntenraad is gevraagd na de vaststelling; het moet vóór de vaststelling worden gevraagd")
        return self

    @property
    def citeertitel(self) -> str:
        return f"Re-integratieverordening Participatiewet {self.gemeente} {self.jaar}"
