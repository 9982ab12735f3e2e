"""The instruments of the ordinance whose content real ordinances choose: beschut werk, the participatieplaats
and its premie, the proefplaats, the werkervaringsplaats and the hours of jobcoaching.

Every key defaults to the text the clause library has always had, so a choice file without them builds
the same ordinance. Where the library's own drafting is the default (the premie of a quarter of the
art. 31 amount, the proefplaats conditions), the key lets the municipality choose otherwise.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from verordening.choicefile.base import Strict, choice

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
