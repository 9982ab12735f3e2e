"""The support a person gets: jobcoaching and its quality standards, persoonlijke ondersteuning, article 13."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Literal

from pydantic import (
    Field,
    field_validator,
    model_validator,
)
from pydantic import (
    Strict as StrictType,
)

from verordening.choicefile.base import Strict, choice, conflict, each_once
from verordening.choicefile.fields import Months, Text
from verordening.choicefile.instruments import Intensiteit

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
        return each_once(value, "kwaliteitseis")

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
