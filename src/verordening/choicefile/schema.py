"""The choice file: what one municipality decides where the VNG model leaves room.

Keys are Dutch because policy advisors write them. Defaults follow the VNG model where the
model has one; where it leaves the choice to the municipality (which quality standards a jobcoach
must meet), the default is empty and the checklist marks art. 8a, lid 2, e 2° as not met.
"""

from __future__ import annotations

import datetime as dt
import typing
from functools import cache
from typing import Literal

from pydantic import (
    BaseModel,
    field_validator,
    model_validator,
)

from verordening.choicefile.adoption import (
    BREED_OFFENSIEF,
    BREED_OFFENSIEF_BEKENDGEMAAKT,
    AdviesCliëntenraad,
    AfgezienCliëntenraad,
    Cliëntenraad,
    Reikwijdte,
    Vaststelling,
    Wet,
)
from verordening.choicefile.base import Strict, choice, conflict
from verordening.choicefile.fields import DAG_NA_BEKENDMAKING, Date, EntryIntoForce, Name, ShortText, Year
from verordening.choicefile.instruments import BeschutWerk, Participatieplaats, Proefplaats, Voorzieningen
from verordening.choicefile.municipalities import municipality_by_name
from verordening.choicefile.support import (
    INDIVIDUAL_STANDARDS,
    NATIONAL_STANDARDS,
    Artikel13,
    Jobcoaching,
    Kwaliteitseis,
    PersoonlijkeOndersteuning,
    Verlenging,
)

_conflict = conflict  # the short names this module has always used
_choice = choice

# Re-exported: the rest of the program imports the parts of a choice file from here.
__all__ = [
    "BREED_OFFENSIEF",
    "BREED_OFFENSIEF_BEKENDGEMAAKT",
    "INDIVIDUAL_STANDARDS",
    "NATIONAL_STANDARDS",
    "AdviesCliëntenraad",
    "AfgezienCliëntenraad",
    "Artikel13",
    "Choices",
    "Jobcoaching",
    "Kwaliteitseis",
    "PersoonlijkeOndersteuning",
    "Reikwijdte",
    "Vaststelling",
    "Verlenging",
    "Wet",
    "value_keys",
]


class Choices(Strict):
    """One municipality's choice file, validated."""

    gemeente: Name = _choice(
        titel="gemeente", uitleg="De gemeente, met haar officiële naam (CBS-lijst).", examples=["Nijkerk"]
    )
    jaar: Year = _choice(
        titel="jaar in de citeertitel", uitleg="Het jaartal in de citeertitel van de verordening.", examples=[2023]
    )
    titel: ShortText | None = _choice(
        None,
        titel="citeertitel",
        uitleg="De naam waaronder de verordening wordt aangehaald, als die afwijkt van "
        "'Re-integratieverordening Participatiewet [gemeente] [jaar]', bijvoorbeeld omdat zij ook de IOAW en de "
        "IOAZ regelt.",
        leeg="Re-integratieverordening Participatiewet [gemeente] [jaar]",
        examples=["Re-integratieverordening Participatiewet, IOAW en IOAZ Maashorst 2023"],
    )
    reikwijdte: Reikwijdte = _choice(
        Reikwijdte(), titel="reikwijdte", uitleg="Voor welke uitkeringen de verordening ook geldt."
    )
    vaststelling: Vaststelling = _choice(
        titel="vaststelling", uitleg="Wanneer de raad de verordening vaststelt, op welk voorstel."
    )
    status: Literal["concept", "vastgesteld"] = _choice(
        "concept",
        titel="status van de tekst",
        uitleg="Of de tekst een concept is voor de raad, of door de raad is vastgesteld. Een concept draagt "
        "'CONCEPT' in de kop van elke pagina en laat de datum en de namen onder het besluit open; alleen "
        "vastgesteld schrijft de vaststelling als feit, zoals de griffie haar in het Gemeenteblad bekendmaakt.",
        opties={"concept": "concept voor de raad", "vastgesteld": "vastgesteld door de raad"},
    )
    inwerkingtreding: EntryIntoForce = _choice(
        titel="inwerkingtreding",
        uitleg="De dag waarop de verordening in werking treedt: een datum, of dag_na_bekendmaking als zij in "
        "werking treedt op de dag na die waarop zij in het Gemeenteblad is bekendgemaakt.",
        opties={DAG_NA_BEKENDMAKING: "de dag na die van de bekendmaking"},
        examples=["2023-07-01", DAG_NA_BEKENDMAKING],
    )
    terugwerkende_kracht_tot: Date | None = _choice(
        None,
        titel="terugwerkende kracht tot en met",
        uitleg="De dag tot en met welke de verordening terugwerkt, als zij wordt vastgesteld of in werking treedt "
        "na de dag waarop haar regels al moesten gelden (zoals 1 juli 2023). De toelichting motiveert de "
        "terugwerkende kracht; de controlelijst waarschuwt als zij iemand kan benadelen.",
        leeg="geen terugwerkende kracht",
        examples=["2023-07-01"],
    )
    intrekking: ShortText | None = _choice(
        None,
        titel="ingetrokken verordening",
        uitleg="De citeertitel van de verordening die deze verordening vervangt en intrekt.",
        leeg="geen",
    )
    clientenraad: Cliëntenraad = _choice(
        titel="advies van de cliëntenraad",
        uitleg="Wanneer de cliëntenraad om advies is gevraagd en het gaf, of waarom dat niet is gebeurd "
        "(artikel 47 Participatiewet).",
    )
    jobcoaching: Jobcoaching = _choice(
        Jobcoaching(), titel="jobcoaching", uitleg="Kwaliteit, duur en uitvoering van jobcoaching."
    )
    artikel_13_loonkostensubsidie: Artikel13 = _choice(
        Artikel13(),
        titel="loonkostensubsidie buiten de doelgroep",
        uitleg="Het facultatieve artikel 13 van het VNG-model.",
    )
    persoonlijke_ondersteuning: PersoonlijkeOndersteuning = _choice(
        PersoonlijkeOndersteuning(),
        titel="persoonlijke ondersteuning",
        uitleg="Hoe persoonlijke ondersteuning wordt verstrekt (artikel 8a, tweede lid, onderdeel e, onder 1°).",
    )
    budgetplafond: bool = _choice(
        True,
        titel="budgetplafond",
        uitleg="Of het college voor een kalenderjaar een budgetplafond kan vaststellen voor soorten voorzieningen.",
    )
    delegatie: Literal["nadere_regels", "beleidsregels", "beide"] = _choice(
        "nadere_regels",
        titel="uitwerking door het college",
        uitleg="Hoe het college details uitwerkt waar de verordening dat toestaat (zoals de hoogte van een subsidie): "
        "met nadere regels, met beleidsregels (artikel 4:81 Algemene wet bestuursrecht), of met beide. Wat artikel "
        "8a Participatiewet de raad opdraagt, regelt de verordening in elk geval zelf.",
        opties={
            "nadere_regels": "nadere regels",
            "beleidsregels": "beleidsregels",
            "beide": "nadere regels en beleidsregels",
        },
    )
    participatieplaats: Participatieplaats = _choice(
        Participatieplaats(), titel="participatieplaats", uitleg="De premie bij een participatieplaats."
    )
    proefplaats: Proefplaats = _choice(
        Proefplaats(),
        titel="proefplaats",
        uitleg="De voorwaarden waaronder het college toestemming geeft voor een proefplaats (artikel 8a, tweede lid, "
        "onderdeel d, Participatiewet).",
    )
    voorzieningen: Voorzieningen = _choice(
        Voorzieningen(), titel="voorzieningen", uitleg="Voorzieningen met een eigen artikel in de verordening."
    )
    beschut_werk: BeschutWerk = _choice(
        BeschutWerk(), titel="beschut werk", uitleg="Hoeveel dienstbetrekkingen beschut werk het college realiseert."
    )
    wet: Wet = _choice(
        Wet(),
        titel="versie van de Participatiewet",
        uitleg="Naar welke tekst van de Participatiewet de verordening is opgesteld.",
    )
    in_te_vullen: list[ShortText] = _choice(
        default_factory=list,
        max_length=50,
        titel="nog in te vullen",
        uitleg="De sleutels waarvan de waarde nog voorlopig is (zoals 'verordening nieuw --standaard' ze invult); "
        "de controle noemt ze tot ze zijn ingevuld en hier weggehaald.",
        leeg="niets",
    )

    @field_validator("in_te_vullen")
    @classmethod
    def _known_keys(cls, value: list[str]) -> list[str]:
        unknown = [key for key in value if key not in value_keys() or key == "in_te_vullen"]
        if unknown:
            raise ValueError(
                f"verwacht sleutels van dit keuzebestand, zoals vaststelling.datum, gegeven: {', '.join(unknown)}"
            )
        return value

    @field_validator("titel")
    @classmethod
    def _title_without_full_stop(cls, value: str | None) -> str | None:
        if value is not None and value.endswith((".", ";", ":")):
            raise ValueError(
                f"verwacht een citeertitel zonder leesteken aan het eind, gegeven: {value!r}; de verordening zet de "
                "punt zelf ('Deze verordening wordt aangehaald als: …')"
            )
        return value

    @field_validator("gemeente")
    @classmethod
    def _known_municipality(cls, value: str) -> str:
        return municipality_by_name(value).naam

    @model_validator(mode="after")
    def _dates_in_order(self) -> Choices:
        start = self.inwerkingtreding_datum
        if start is not None and start < self.vaststelling.datum:
            raise _conflict(
                "inwerkingtreding",
                f"verwacht een datum op of na de vaststelling ({self.vaststelling.datum}), gegeven: {start} (vóór de vaststelling); een verordening treedt pas in werking als zij is vastgesteld; werkt zij terug, geef dan de datum van bekendmaking of dag_na_bekendmaking en zet de eerdere datum bij terugwerkende_kracht_tot",
            )
        if self.wet.peildatum is None and start is not None and start < BREED_OFFENSIEF:
            raise _conflict(
                "inwerkingtreding",
                f"verwacht een datum op of na 2023-07-01, de inwerkingtreding van de wet Uitvoeren breed offensief, "
                f"gegeven: {start}; deze verordening berust op de Participatiewet zoals die sindsdien luidt",
            )
        if (
            self.wet.peildatum is None
            and start is None
            and self.vaststelling.datum < BREED_OFFENSIEF - dt.timedelta(days=1)
        ):
            raise _conflict(
                "inwerkingtreding",
                f"verwacht bij een vaststelling vóór 30 juni 2023 ({self.vaststelling.datum}) een datum van "
                f"inwerkingtreding op of na 2023-07-01, gegeven: {DAG_NA_BEKENDMAKING}; de dag na de bekendmaking kan "
                "dan vóór 1 juli 2023 vallen, de inwerkingtreding van de wet Uitvoeren breed offensief waarop deze "
                "verordening berust",
            )
        self._retroactive_in_order()
        raad = self.clientenraad
        if isinstance(raad, AdviesCliëntenraad):
            if raad.advies_gevraagd is not None and raad.advies_gevraagd > self.vaststelling.datum:
                raise _conflict(
                    "clientenraad.advies_gevraagd",
                    f"verwacht een datum op of vóór de vaststelling ({self.vaststelling.datum}), gegeven: {raad.advies_gevraagd} (na de vaststelling); de cliëntenraad wordt om advies gevraagd voordat de raad besluit",
                )
            if raad.advies_ontvangen is not None and raad.advies_ontvangen > self.vaststelling.datum:
                raise _conflict(
                    "clientenraad.advies_ontvangen",
                    f"verwacht een datum op of vóór de vaststelling ({self.vaststelling.datum}), gegeven: {raad.advies_ontvangen} (na de vaststelling); de aanhef noemt het advies dat de raad kende toen hij besloot",
                )
        return self

    def _retroactive_in_order(self) -> None:
        back = self.terugwerkende_kracht_tot
        if back is None:
            return
        if back < BREED_OFFENSIEF:
            raise _conflict(
                "terugwerkende_kracht_tot",
                f"verwacht een datum op of na 2023-07-01, de inwerkingtreding van de wet Uitvoeren breed offensief, "
                f"gegeven: {back}; vóór die dag gold de Participatiewet niet zoals deze verordening haar uitvoert",
            )
        if back > self.vaststelling.datum:
            raise _conflict(
                "terugwerkende_kracht_tot",
                f"verwacht een datum op of vóór de vaststelling ({self.vaststelling.datum}), gegeven: {back} (na de "
                "vaststelling); terugwerkende kracht reikt terug tot een dag vóór het besluit van de raad",
            )
        start = self.inwerkingtreding_datum
        if start is not None and back >= start:
            raise _conflict(
                "terugwerkende_kracht_tot",
                f"verwacht een datum vóór de inwerkingtreding ({start}), gegeven: {back}; een verordening die op of "
                "na die dag gaat gelden, werkt niet terug: laat deze regel weg",
            )

    @property
    def dag_na_bekendmaking(self) -> bool:
        """Whether the ordinance enters into force on the day after its publication (no date known yet)."""
        return self.inwerkingtreding == DAG_NA_BEKENDMAKING

    @property
    def inwerkingtreding_datum(self) -> dt.date | None:
        """The date of entry into force; None when it is the day after publication."""
        return self.inwerkingtreding if isinstance(self.inwerkingtreding, dt.date) else None

    @property
    def werking_vanaf(self) -> dt.date:
        """The first day the ordinance's rules apply: the retroactive date, the date of entry into force, or (the
        day after publication not being known) the day after adoption, the earliest it can be."""
        return (
            self.terugwerkende_kracht_tot
            or self.inwerkingtreding_datum
            or self.vaststelling.datum + dt.timedelta(days=1)
        )

    @property
    def peildatum(self) -> dt.date:
        """The date whose text of the Participatiewet applies: wet.peildatum, else the date of entry into force.

        An ordinance that enters into force on the day after its publication takes the text in force on the day
        the raad adopts it: that is the text the raad decides on, and the day of publication is not yet known.
        Retroactive effect does not change it: the ordinance must fit the Act from the day it enters into force."""
        return self.wet.peildatum or self.inwerkingtreding_datum or self.vaststelling.datum

    @property
    def citeertitel(self) -> str:
        return self.titel or f"Re-integratieverordening Participatiewet {self.gemeente} {self.jaar}"


@cache
def value_keys(model: type[BaseModel] | None = None, prefix: str = "") -> frozenset[str]:
    """The dotted keys that hold a value ("jobcoaching.verlenging.toegestaan"), not a group of keys."""
    keys: set[str] = set()
    for name, info in (model or Choices).model_fields.items():
        subs = _models(info.annotation)
        keys |= set().union(*(value_keys(m, f"{prefix}{name}.") for m in subs)) if subs else {prefix + name}
    return frozenset(keys)


def _models(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models(arg)]
