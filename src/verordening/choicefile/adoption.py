"""How the raad adopts the ordinance: the vaststelling, the cliëntenraad's advice, the text of the Act, the scope."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import (
    ConfigDict,
    Discriminator,
    Tag,
    field_validator,
    model_validator,
)

from verordening.choicefile.base import Strict, choice, conflict
from verordening.choicefile.fields import Date, ShortText, Text

_conflict = conflict  # the short names this module has always used
_choice = choice


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
