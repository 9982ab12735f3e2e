"""The choice file: what one municipality decides where the VNG model leaves room.

Keys are Dutch because policy advisors write them. Defaults follow the VNG model where the
model has one; where it leaves the choice to the municipality (which quality standards a jobcoach
must meet), the default is empty and the checklist marks art. 8a, lid 2, e 2° as not met.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    field_validator,
    model_validator,
)
from pydantic import (
    Strict as StrictType,
)
from pydantic_core import PydanticCustomError

from verordening.choicefile.fields import Date, Months, Name, ShortText, Text, Year
from verordening.choicefile.municipalities import municipality_by_name


def _conflict(key: str, message: str) -> PydanticCustomError:
    """A cross-field error, reported at `key` (dotted, relative to the model that raises it; "" = the model itself)."""
    return PydanticCustomError("samenhang", message, {"sleutel": key})


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)  # no true as 1, no 24 as "24"


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
    datum: Date
    voorstel_datum: Date
    voorstel_nummer: ShortText

    @model_validator(mode="after")
    def _proposal_before_adoption(self) -> Vaststelling:
        if self.voorstel_datum > self.datum:
            raise _conflict(
                "voorstel_datum",
                f"verwacht een datum op of vóór de vaststelling ({self.datum}), gegeven: {self.voorstel_datum} (na de vaststelling); het raadsvoorstel gaat aan de vaststelling vooraf",
            )
        return self


class AdviesCliëntenraad(Strict):
    """Advice of the cliëntenraad requested and received (art. 47 Participatiewet)."""

    advies_gevraagd: Date
    advies_ontvangen: Date | None = None
    naam: ShortText = "cliëntenraad"

    @model_validator(mode="after")
    def _received_after_requested(self) -> AdviesCliëntenraad:
        if self.advies_ontvangen is not None and self.advies_ontvangen < self.advies_gevraagd:
            raise _conflict(
                "advies_ontvangen",
                f"verwacht een datum op of na advies_gevraagd ({self.advies_gevraagd}), gegeven: {self.advies_ontvangen} (vóór advies_gevraagd); een advies kan niet binnenkomen voordat het is gevraagd",
            )
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
            raise _conflict(
                "",
                "verlenging is toegestaan maar maximale_duur_maanden ontbreekt; verwacht met hoeveel maanden (1 tot en met 120) ten hoogste kan worden verlengd, gegeven: niets",
            )
        if not self.toegestaan and self.maximale_duur_maanden is not None:
            raise _conflict(
                "maximale_duur_maanden",
                f"verlenging is niet toegestaan, dus verwacht hier niets, gegeven: {self.maximale_duur_maanden}; zet toegestaan op true of laat deze regel weg",
            )
        return self


class Jobcoaching(Strict):
    kwaliteitseisen: list[Annotated[Kwaliteitseis, StrictType(False)]] = Field(default_factory=list, max_length=6)
    eigen_eisen: Text | None = None
    maximale_duur_maanden: Months = 24
    verlenging: Verlenging = Verlenging()
    scheiding_handhaving_begeleiding: bool = False
    aanbieder: Literal["extern", "intern", "beide"] = "beide"

    @field_validator("kwaliteitseisen")
    @classmethod
    def _no_duplicates(cls, value: list[Kwaliteitseis]) -> list[Kwaliteitseis]:
        if len(set(value)) != len(value):
            twice = next(k for k in value if value.count(k) > 1)
            raise ValueError(f"verwacht elke kwaliteitseis hooguit één keer, gegeven: {twice.value} meer dan eens")
        return value

    @model_validator(mode="after")
    def _own_requirements_text(self) -> Jobcoaching:
        chosen = Kwaliteitseis.eigen_eisen in self.kwaliteitseisen
        if chosen and not self.eigen_eisen:
            raise _conflict(
                "",
                "eigen_eisen staat in kwaliteitseisen maar de sleutel eigen_eisen ontbreekt; verwacht de tekst van die eigen eisen, gegeven: niets",
            )
        if self.eigen_eisen and not chosen:
            raise _conflict(
                "eigen_eisen",
                "eigen_eisen staat niet in kwaliteitseisen, dus verwacht hier geen tekst, gegeven: een tekst; voeg eigen_eisen toe aan kwaliteitseisen of laat deze tekst weg",
            )
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
            raise _conflict(
                "",
                "artikel 13 wordt opgenomen maar maximale_duur_maanden ontbreekt; verwacht de maximale duur van de loonkostensubsidie in maanden (1 tot en met 120), gegeven: niets",
            )
        if not self.opnemen and self.maximale_duur_maanden is not None:
            raise _conflict(
                "maximale_duur_maanden",
                f"artikel 13 wordt niet opgenomen, dus verwacht hier niets, gegeven: {self.maximale_duur_maanden}; zet opnemen op true of laat deze regel weg",
            )
        return self


class PersoonlijkeOndersteuning(Strict):
    # Art. 8a, lid 2, onderdeel e, 1°: the ordinance must also provide for a subsidy to the employer.
    subsidie_werkgever: bool = True


class Choices(Strict):
    """One municipality's choice file, validated."""

    gemeente: Name
    jaar: Year
    vaststelling: Vaststelling
    inwerkingtreding: Date
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
            raise _conflict(
                "inwerkingtreding",
                f"verwacht een datum op of na de vaststelling ({self.vaststelling.datum}), gegeven: {self.inwerkingtreding} (vóór de vaststelling); een verordening treedt pas in werking als zij is vastgesteld",
            )
        if (
            isinstance(self.clientenraad, AdviesCliëntenraad)
            and self.clientenraad.advies_gevraagd > self.vaststelling.datum
        ):
            raise _conflict(
                "clientenraad.advies_gevraagd",
                f"verwacht een datum op of vóór de vaststelling ({self.vaststelling.datum}), gegeven: {self.clientenraad.advies_gevraagd} (na de vaststelling); de cliëntenraad wordt om advies gevraagd voordat de raad besluit",
            )
        return self

    @property
    def citeertitel(self) -> str:
        return f"Re-integratieverordening Participatiewet {self.gemeente} {self.jaar}"
