"""The instruments of the ordinance whose content real ordinances choose: beschut werk, the participatieplaats
and its premie, the proefplaats, the werkervaringsplaats and the hours of jobcoaching (its regimes).

Every key defaults to the text the clause library has always had, so a choice file without them builds
the same ordinance. Where the library's own drafting is the default (the premie of a quarter of the
art. 31 amount, the proefplaats conditions), the key lets the municipality choose otherwise.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints, field_validator
from pydantic import Strict as StrictType

from verordening.choicefile.base import Strict, choice, each_once
from verordening.choicefile.fields import Months, one_line

# Beschut werk: a municipality sets tens, a large city hundreds; the bound only stops typing errors.
Places = Annotated[int, Field(ge=1, le=10_000)]


class BeschutWerk(Strict):
    hoger_aantal: Places | None = choice(
        None,
        titel="hoger aantal dienstbetrekkingen beschut werk",
        uitleg="Het aantal dienstbetrekkingen beschut werk dat het college per kalenderjaar ten minste realiseert, "
        "als de raad een hoger aantal vaststelt dan de minister (artikel 10b, vijfde lid, Participatiewet). De "
        "verordening regelt dan ook de volgorde waarin personen een dienstbetrekking krijgen.",
        eenheid="dienstbetrekkingen",
        leeg="het aantal dat de minister vaststelt",
        examples=[40],
    )


# Euro per six months; a premie above the yearly maximum of art. 31, tweede lid, onderdeel j, is possible
# but not exempt in full (the toelichting says so with the amount of the version in force).
Euros = Annotated[int, Field(ge=1, le=10_000)]


class Premie(Strict):
    bedrag: Euros | None = choice(
        None,
        titel="premie per zes maanden",
        uitleg="Het bedrag van de premie bij een participatieplaats per periode van zes maanden, in hele euro's "
        "(artikel 10a, zesde lid, en artikel 8a, tweede lid, onderdeel b, Participatiewet). Zonder bedrag is de "
        "premie een vierde deel van het jaarbedrag van artikel 31, tweede lid, onderdeel j, en volgt zij dat bedrag.",
        eenheid="euro",
        leeg="een vierde deel van het bedrag van artikel 31, tweede lid, onderdeel j",
        examples=[450],
    )


class Participatieplaats(Strict):
    premie: Premie = choice(Premie(), titel="premie", uitleg="De hoogte van de premie bij een participatieplaats.")


class Uitsluitingsgrond(str, Enum):
    """Grounds on which the college refuses a proefplaats, beyond the conditions every proefplaats meets."""

    eerder_zelfde_functie = "eerder_zelfde_functie"
    eerdere_proefplaats_zonder_dienstverband = "eerdere_proefplaats_zonder_dienstverband"


class Proefplaats(Strict):
    minimale_duur_dienstbetrekking_maanden: Months | None = choice(
        6,
        titel="minimale duur van de beoogde dienstbetrekking",
        uitleg="Voor ten minste hoeveel maanden de werkgever de persoon na de proefplaats in dienst wil nemen, als "
        "voorwaarde voor toestemming; leeg (null): de verordening stelt geen minimumduur.",
        eenheid="maanden",
        leeg="geen minimumduur",
    )
    uitsluitingsgronden: list[Annotated[Uitsluitingsgrond, StrictType(False)]] = choice(
        default_factory=lambda: list(Uitsluitingsgrond),
        max_length=2,
        titel="redenen om een proefplaats te weigeren",
        uitleg="Wanneer het college geen toestemming geeft: als de persoon de functie al eerder bij de werkgever "
        "vervulde, of als een eerdere proefplaats bij die werkgever zonder goede reden niet tot een "
        "dienstbetrekking leidde. Een lege lijst: geen van beide.",
        opties={
            "eerder_zelfde_functie": "de persoon vervulde dezelfde of een vergelijkbare functie al bij de werkgever",
            "eerdere_proefplaats_zonder_dienstverband": "een eerdere proefplaats bij de werkgever leidde zonder "
            "goede reden niet tot een dienstbetrekking",
        },
        leeg="geen",
        opsomming="of",
    )

    @field_validator("uitsluitingsgronden")
    @classmethod
    def _once(cls, value: list[Uitsluitingsgrond]) -> list[Uitsluitingsgrond]:
        return each_once(value, "reden")


# A werkervaringsplaats is short by nature; two years is more than any published ordinance allows.
ShortMonths = Annotated[int, Field(ge=1, le=24)]


class Werkervaringsplaats(Strict):
    maximale_duur_maanden: ShortMonths | None = choice(
        None,
        titel="maximale duur van een werkervaringsplaats",
        uitleg="Hoe lang een werkervaringsplaats ten hoogste duurt; de verordening krijgt dan een eigen artikel over "
        "de werkervaringsplaats. Met een maximum kan zij niet dienen om de proefplaats van twee plus vier maanden "
        "(artikel 8a, tweede lid, onderdeel d, Participatiewet) te omzeilen.",
        eenheid="maanden",
        leeg="geen maximum en geen eigen artikel",
        examples=[6],
    )


class Voorzieningen(Strict):
    werkervaringsplaats: Werkervaringsplaats = choice(
        Werkervaringsplaats(),
        titel="werkervaringsplaats",
        uitleg="De werkervaringsplaats: werkervaring opdoen met behoud van uitkering, bij een werkgever.",
    )


# Hours of jobcoaching per half-year: 26 weeks of 40 hours is the most anyone can be coached.
HalfYearHours = Annotated[int, Field(ge=1, le=1040)]
RegimeName = Annotated[str, AfterValidator(one_line), StringConstraints(min_length=1, max_length=40)]


class Regime(Strict):
    naam: RegimeName = choice(
        titel="naam van het regime",
        uitleg="Hoe het regime in de verordening heet, bijvoorbeeld licht, midden of intensief.",
        examples=["licht"],
    )
    uren_eerste_halfjaar: HalfYearHours = choice(
        titel="uren in het eerste halfjaar",
        uitleg="Het aantal uren jobcoaching dat ten hoogste wordt verstrekt in de eerste periode van zes maanden.",
        eenheid="uur",
        examples=[40],
    )
    uren_volgend_halfjaar: HalfYearHours = choice(
        titel="uren in elk volgend halfjaar",
        uitleg="Het aantal uren jobcoaching dat ten hoogste wordt verstrekt in elke volgende periode van zes maanden.",
        eenheid="uur",
        examples=[20],
    )


class Intensiteit(Strict):
    regimes: list[Regime] = choice(
        default_factory=list,
        max_length=6,
        titel="regimes van jobcoaching",
        uitleg="De intensiteit van jobcoaching in de verordening zelf: per regime het aantal uren per halfjaar, zoals "
        "het VNG-model in artikel 14h, tweede lid, met regimes werkt; de aantallen kiest de gemeente. Zonder regimes "
        "stelt het college de uren per persoon vast en kan het een maximum in nadere regels of beleidsregels leggen.",
        leeg="geen regimes",
    )

    @field_validator("regimes")
    @classmethod
    def _names_once(cls, value: list[Regime]) -> list[Regime]:
        names = [r.naam.lower() for r in value]
        twice = next((r.naam for n, r in enumerate(value) if r.naam.lower() in names[:n]), None)
        if twice is not None:
            raise ValueError(f"verwacht elke naam van een regime hooguit één keer, gegeven: {twice!r} meer dan eens")
        return value
