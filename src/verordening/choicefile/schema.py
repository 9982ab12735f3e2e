"""The choice file: what one municipality decides where the VNG model leaves room.

Keys are Dutch because policy advisors write them. Defaults follow the VNG model where the
model has one; where it leaves the choice to the municipality (which quality standards a jobcoach
must meet), the default is empty and the checklist marks art. 8a, lid 2, e 2° as not met.
"""

from __future__ import annotations

import datetime as dt
import typing
from enum import Enum
from functools import cache
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

from verordening.choicefile.base import Strict, choice, conflict
from verordening.choicefile.fields import DAG_NA_BEKENDMAKING, Date, EntryIntoForce, Months, Name, ShortText, Text, Year
from verordening.choicefile.instruments import BeschutWerk, Intensiteit, Participatieplaats, Proefplaats, Voorzieningen
from verordening.choicefile.municipalities import municipality_by_name

_conflict = conflict  # the short names this module has always used
_choice = choice


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

# Standards a single jobcoach can meet. The OVAL-keurmerk, the Blik op Werk-keurmerk and UWV's
# erkenning are held by a jobcoachorganisatie, so a jobcoach employed by the municipality itself
# can never meet them (art. 10, derde lid, onderdeel a, and 8a, tweede lid, onderdeel e, onder 2°).
INDIVIDUAL_STANDARDS = frozenset(
    {Kwaliteitseis.nationaal_jobcoachregister, Kwaliteitseis.noloc, Kwaliteitseis.eigen_eisen}
)

# The wet Uitvoeren breed offensief entered into force on 1 July 2023 (Stb. 2022, 500); an ordinance
# under art. 8a, tweede lid, onderdelen c-g cannot rest on an earlier text of the Act.
BREED_OFFENSIEF = dt.date(2023, 7, 1)


# The Act itself (Stb. 2022, 499) was published in December 2022; a raad cannot have adopted an ordinance
# resting on it before then. (Its day of issue in that month is not in the sources at hand.)
BREED_OFFENSIEF_BEKENDGEMAAKT = dt.date(2022, 12, 1)


class Vaststelling(Strict):
    datum: Date = _choice(
        titel="datum van vaststelling",
        uitleg="De datum waarop de raad de verordening vaststelt.",
        examples=["2023-06-29"],
    )
    voorstel_datum: Date = _choice(
        titel="datum van het raadsvoorstel",
        uitleg="De datum van het voorstel van het college aan de raad.",
        examples=["2023-05-16"],
    )
    voorstel_nummer: ShortText | None = _choice(
        None,
        titel="nummer van het raadsvoorstel",
        uitleg="Het nummer van het voorstel, zoals het in de aanhef staat. Zonder nummer noemt de aanhef "
        "alleen de datum van het voorstel.",
        leeg="geen nummer",
        examples=["RV-2023-041"],
    )

    @field_validator("datum")
    @classmethod
    def _after_the_act(cls, value: dt.date) -> dt.date:
        if value < BREED_OFFENSIEF_BEKENDGEMAAKT:
            raise ValueError(
                f"verwacht een datum op of na {BREED_OFFENSIEF_BEKENDGEMAAKT.isoformat()}, gegeven: {value}; de wet "
                "Uitvoeren breed offensief (Stb. 2022, 499), waarop deze verordening berust, is in december 2022 "
                "bekendgemaakt, dus de raad kan haar niet eerder hebben vastgesteld"
            )
        return value

    @model_validator(mode="after")
    def _proposal_before_adoption(self) -> Vaststelling:
        if self.voorstel_datum > self.datum:
            raise _conflict(
                "voorstel_datum",
                f"verwacht een datum op of vóór de vaststelling ({self.datum}), gegeven: {self.voorstel_datum} (na de vaststelling); het raadsvoorstel gaat aan de vaststelling vooraf",
            )
        return self


_GRONDSLAG = dict(
    titel="verordening cliëntenparticipatie",
    uitleg="De citeertitel van de verordening waarin de gemeente op grond van artikel 47 Participatiewet regelt hoe "
    "cliënten bij de uitvoering worden betrokken; de toelichting en de controlelijst noemen haar.",
    leeg="niet genoemd",
    examples=["Verordening cliëntenparticipatie sociaal domein Veendam 2022"],
)


class AdviesCliëntenraad(Strict):
    """Advice of the cliëntenraad requested, received, or both (art. 47 Participatiewet)."""

    model_config = ConfigDict(title="de cliëntenraad is om advies gevraagd")

    advies_gevraagd: Date | None = _choice(
        None,
        titel="advies gevraagd op",
        uitleg="De datum waarop de cliëntenraad om advies over het ontwerp is gevraagd. Mag ontbreken als de "
        "datum van het advies bekend is.",
        leeg="niet bekend",
        examples=["2023-04-03"],
    )
    advies_ontvangen: Date | None = _choice(
        None,
        titel="advies ontvangen op",
        uitleg="De datum van het advies; de aanhef noemt het advies zodra het is ontvangen.",
        leeg="nog niet ontvangen",
    )
    naam: ShortText = _choice(
        "cliëntenraad",
        titel="naam van de cliëntenraad",
        uitleg="De naam waaronder de cliëntenraad of adviesraad in de aanhef wordt genoemd.",
    )
    grondslag: ShortText | None = _choice(None, **_GRONDSLAG)

    @model_validator(mode="after")
    def _received_after_requested(self) -> AdviesCliëntenraad:
        if self.advies_gevraagd is None and self.advies_ontvangen is None:
            raise _conflict(
                "",
                "verwacht de datum waarop de cliëntenraad om advies is gevraagd (advies_gevraagd), de datum van zijn "
                "advies (advies_ontvangen) of beide, gegeven: geen van beide; is er geen advies gevraagd, geef dan "
                "'afgezien' met de reden",
            )
        if (
            self.advies_ontvangen is not None
            and self.advies_gevraagd is not None
            and self.advies_ontvangen < self.advies_gevraagd
        ):
            raise _conflict(
                "advies_ontvangen",
                f"verwacht een datum op of na advies_gevraagd ({self.advies_gevraagd}), gegeven: {self.advies_ontvangen} (vóór advies_gevraagd); een advies kan niet binnenkomen voordat het is gevraagd",
            )
        return self


class AfgezienCliëntenraad(Strict):
    """No advice requested, with the reason (shown in the checklist, never silently)."""

    model_config = ConfigDict(title="de cliëntenraad is niet om advies gevraagd")

    afgezien: Text = _choice(
        titel="reden om geen advies te vragen",
        uitleg="Waarom de cliëntenraad niet om advies is gevraagd; de controle op artikel 47 Participatiewet toont haar.",
    )
    grondslag: ShortText | None = _choice(None, **_GRONDSLAG)


def _clientenraad_branch(value: object) -> str:
    if isinstance(value, dict):
        return "zonder_advies" if "afgezien" in value else "met_advies"
    return "zonder_advies" if isinstance(value, AfgezienCliëntenraad) else "met_advies"


Cliëntenraad = Annotated[
    Annotated[AdviesCliëntenraad, Tag("met_advies")] | Annotated[AfgezienCliëntenraad, Tag("zonder_advies")],
    Discriminator(_clientenraad_branch),
]


class Verlenging(Strict):
    toegestaan: bool = _choice(
        False,
        titel="verlenging van jobcoaching mogelijk",
        uitleg="Of het college jobcoaching in een individueel geval mag verlengen na de maximale duur.",
    )
    maximale_duur_maanden: Months | None = _choice(
        None,
        titel="maximale verlenging van jobcoaching",
        uitleg="Met hoeveel maanden het college jobcoaching in totaal ten hoogste kan verlengen.",
        eenheid="maanden",
        leeg="geen verlenging",
    )

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
    kwaliteitseisen: list[Annotated[Kwaliteitseis, StrictType(False)]] = _choice(
        default_factory=list,
        max_length=6,
        titel="kwaliteitseisen voor jobcoaches",
        # The article asks that a jobcoach meets at least one of them, hence "of" (opsomming: of).
        uitleg="Aan welk keurmerk, register of welke eisen een jobcoach ten minste moet voldoen "
        "(artikel 8a, tweede lid, onderdeel e, onder 2°, Participatiewet).",
        leeg="geen",
        opsomming="of",
    )
    eigen_eisen: Text | None = _choice(
        None,
        titel="eigen kwaliteitseisen voor jobcoaches",
        uitleg="De tekst van de eisen die de gemeente zelf stelt, als eigen_eisen bij de kwaliteitseisen staat.",
        leeg="geen",
    )
    maximale_duur_maanden: Months = _choice(
        24,
        titel="maximale duur van jobcoaching",
        uitleg="Hoe lang jobcoaching ten hoogste wordt verstrekt, gerekend vanaf de eerste dag van de jobcoaching.",
        eenheid="maanden",
    )
    verlenging: Verlenging = _choice(
        Verlenging(), titel="verlenging van jobcoaching", uitleg="Of en hoe lang jobcoaching kan worden verlengd."
    )
    intensiteit: Intensiteit = _choice(
        Intensiteit(),
        titel="intensiteit van jobcoaching",
        uitleg="Hoeveel uren jobcoaching per halfjaar ten hoogste worden verstrekt (artikel 8a, tweede lid, "
        "onderdeel e, onder 1°, Participatiewet).",
    )
    scheiding_handhaving_begeleiding: bool = _choice(
        False,
        titel="scheiding van handhaving en begeleiding",
        uitleg="Of de verordening uitsluit dat wie de uitkering handhaaft dezelfde persoon ook als jobcoach begeleidt.",
    )
    aanbieder: Literal["extern", "intern", "beide"] = _choice(
        "beide",
        titel="uitvoering van jobcoaching",
        uitleg="Wie de jobcoaching uitvoert: externe jobcoachorganisaties, jobcoaches van de gemeente, of beide.",
        opties={
            "extern": "externe jobcoachorganisaties",
            "intern": "jobcoaches van de gemeente",
            "beide": "jobcoaches van de gemeente en externe jobcoachorganisaties",
        },
    )

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

    @model_validator(mode="after")
    def _municipal_jobcoach_needs_individual_standard(self) -> Jobcoaching:
        if self.aanbieder != "extern" and self.kwaliteitseisen and not set(self.kwaliteitseisen) & INDIVIDUAL_STANDARDS:
            raise _conflict(
                "kwaliteitseisen",
                f"bij aanbieder '{self.aanbieder}' zet de gemeente ook eigen jobcoaches in; verwacht daarom ten "
                "minste één eis die een jobcoach zelf kan halen (nationaal_jobcoachregister, noloc of eigen_eisen), "
                f"gegeven: alleen {', '.join(k.value for k in self.kwaliteitseisen)}, keurmerken of erkenningen van een "
                "jobcoachorganisatie waaraan een jobcoach in dienst van de gemeente nooit kan voldoen",
            )
        return self

    @property
    def national_standards(self) -> list[Kwaliteitseis]:
        return [k for k in self.kwaliteitseisen if k in NATIONAL_STANDARDS]


Percentage = Annotated[int, Field(ge=1, le=100)]


class Artikel13(Strict):
    """Optional loonkostensubsidie for persons outside the doelgroep loonkostensubsidie."""

    opnemen: bool = _choice(
        False,
        titel="loonkostensubsidie buiten de doelgroep (artikel 13 van het VNG-model)",
        uitleg="Of de verordening het facultatieve artikel over loonkostensubsidie voor personen buiten de "
        "doelgroep loonkostensubsidie bevat.",
    )
    maximale_duur_maanden: Months | None = _choice(
        None,
        titel="maximale duur van loonkostensubsidie buiten de doelgroep",
        uitleg="Hoe lang die loonkostensubsidie ten hoogste wordt verstrekt.",
        eenheid="maanden",
        leeg="niet opgenomen",
    )

    maximaal_percentage_wml: Percentage = _choice(
        50,
        titel="maximale loonkostensubsidie buiten de doelgroep",
        uitleg="Het maximum van die subsidie per maand, als percentage van het wettelijk minimumloon met de "
        "vakantiebijslag.",
        eenheid="procent van het wettelijk minimumloon",
    )
    minimale_duur_dienstbetrekking_maanden: Months | None = _choice(
        6,
        titel="minimale duur van de dienstbetrekking bij loonkostensubsidie buiten de doelgroep",
        uitleg="Voor ten minste hoeveel maanden de dienstbetrekking wordt aangegaan, als voorwaarde voor de "
        "subsidie; leeg (null): geen minimumduur.",
        eenheid="maanden",
        leeg="geen minimumduur",
    )

    @model_validator(mode="after")
    def _duration_only_when_included(self) -> Artikel13:
        # The defaults are today's text; a value other than the default only means something in article 13.
        fields = type(self).model_fields
        chosen = [
            key
            for key in ("maximaal_percentage_wml", "minimale_duur_dienstbetrekking_maanden")
            if getattr(self, key) != fields[key].default
        ]
        if not self.opnemen and chosen:
            key = chosen[0]
            raise _conflict(
                key,
                f"artikel 13 wordt niet opgenomen, dus verwacht hier niets, gegeven: {getattr(self, key)}; zet "
                "opnemen op true of laat deze regel weg",
            )
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
    subsidie_werkgever: bool = _choice(
        True,
        titel="subsidie aan de werkgever voor persoonlijke ondersteuning",
        uitleg="Of persoonlijke ondersteuning ook als subsidie aan de werkgever kan worden verstrekt, naast in natura.",
    )


class Wet(Strict):
    """Which text of the Participatiewet the ordinance is drafted against."""

    # The version of the Act in force on this date selects the clause text and the requirements.
    peildatum: Date | None = _choice(
        None,
        titel="peildatum",
        uitleg="De tekst van de Participatiewet die op deze datum geldt, bepaalt de tekst van de verordening en de "
        "controle op de wettelijke vereisten. Zonder peildatum geldt de datum van inwerkingtreding.",
        leeg="de datum van inwerkingtreding",
    )

    @field_validator("peildatum")
    @classmethod
    def _after_breed_offensief(cls, value: dt.date | None) -> dt.date | None:
        if value is not None and value < BREED_OFFENSIEF:
            raise ValueError(
                f"verwacht een datum op of na 2023-07-01, de inwerkingtreding van de wet Uitvoeren breed offensief, "
                f"gegeven: {value}; deze verordening berust op de Participatiewet zoals die sindsdien luidt"
            )
        return value


class Reikwijdte(Strict):
    """Which Acts the ordinance also carries out, beside the Participatiewet."""

    ioaw_ioaz: bool = _choice(
        False,
        titel="ook voor de IOAW en de IOAZ",
        uitleg="Of de verordening ook de ondersteuning regelt van personen met een uitkering op grond van de IOAW of "
        "de IOAZ (artikel 36 van die wetten); de aanhef en de begripsbepalingen noemen die wetten dan.",
    )


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
