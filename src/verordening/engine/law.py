"""The Participatiewet as data: the provisions the ordinance rests on, one file per version.

`model_clauses/wet/participatiewet/<geldig_vanaf>.yaml` holds the literal text of those provisions as
they read from that date, with the wetten.overheid.nl source, what changed on that date, and the named
facts the clause templates branch on (`wet.visuele_beperking_bij_uwv`, never a raw date). The version
in force on the peildatum of a choice file selects the clause text and the requirements.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from verordening.engine.textfilters import datum
from verordening.errors import BuildError

# The first version: the day the wet Uitvoeren breed offensief entered into force (Stb. 2022, 500).
FIRST_VERSION = dt.date(2023, 7, 1)

# "8a-2-e-1": artikel 8a, tweede lid, onderdeel e, onder 1°; "47": artikel 47; "10b-7": artikel 10b, zevende lid.
_REF = re.compile(r"^(?P<artikel>\d+[a-z]*)(?:-(?P<lid>\d+))?(?:-(?P<onderdeel>[a-z]+))?(?:-(?P<sub>\d+))?$")


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SubFile(_File):
    nummer: str
    tekst: str


class OnderdeelFile(_File):
    letter: str
    tekst: str
    sub: list[SubFile] = []
    slot: str | None = None  # closing words after the subonderdelen (art. 7, eerste lid, onderdeel a)


class LidFile(_File):
    nummer: str | None = None
    tekst: str
    onderdelen: list[OnderdeelFile] = []
    slot: str | None = None
    redactioneel: bool = (
        False  # the text is an editorial note of the source ("Dit lid is nog niet in werking getreden.")
    )


class ArtikelFile(_File):
    nummer: str
    opschrift: str | None = None
    url: str
    leden: list[LidFile] = []
    bron_tekst: str = "regelrecht-corpus"
    uittreksel: str | None = None  # only some parts are encoded ("alleen de aanhef en de onderdelen c, e, g en h")
    vervallen: bool = False


class WijzigingFile(_File):
    artikelen: list[str] = Field(min_length=1)
    door: str | None = None
    publicatie: str | None = None
    kamerstukken: str | None = None
    samenvatting: str
    raakt_verordening: bool = True  # false: the change alters no text of the ordinance (an indexation, a wage unit)


class VersionFile(_File):
    """The shape of one version file (validated when the library loads)."""

    wet: str
    bwb: str
    geldig_vanaf: dt.date
    bron: str
    wijzigingen: list[WijzigingFile] = []
    feiten: dict[str, bool | int | str]
    artikelen: list[ArtikelFile] = []

    @field_validator("bron")
    @classmethod
    def _official_source(cls, value: str) -> str:
        if not value.startswith("https://wetten.overheid.nl/"):
            raise ValueError("verwacht een adres op https://wetten.overheid.nl/")
        return value


@dataclass(frozen=True)
class Change:
    articles: tuple[str, ...]
    summary: str
    by: str | None
    publication: str | None
    dossier: str | None
    relevant: bool = True  # the change alters text of the ordinance (raakt_verordening)

    def cited(self) -> str:
        """ "Stb. 2025, 210; Kamerstukken 36 667" (what is known of the amending Act)."""
        parts = [p for p in (self.publication, f"Kamerstukken {self.dossier}" if self.dossier else None) if p]
        return "; ".join(parts)


@dataclass(frozen=True, eq=False)  # identity: one object per version per library (hashable for caches)
class LawVersion:
    """The Act as it reads from `valid_from` (until the next version)."""

    name: str
    bwb: str
    valid_from: dt.date
    source: str
    facts: Mapping[str, bool | int | str]
    articles: Mapping[str, ArtikelFile]
    changes: tuple[Change, ...]

    @property
    def label(self) -> str:
        """ "de Participatiewet zoals die geldt vanaf 1 januari 2026" """
        return f"de {self.name} zoals die geldt vanaf {datum(self.valid_from)}"

    def url(self, article: str) -> str:
        found = self.articles.get(article)
        return found.url if found else f"{self.source}#Artikel{article}"

    def view(self) -> SimpleNamespace:
        """What templates see as `wet`: the named facts plus `versie` and `bron`."""
        return SimpleNamespace(versie=self.valid_from, bron=self.source, **self.facts)

    def text(self, ref: str) -> str | None:
        """The literal text of a provision ("8a-2-f"), or None when this version does not have it."""
        m = _REF.match(ref)
        if not m or m["artikel"] not in self.articles:
            return None
        leden = self.articles[m["artikel"]].leden
        if m["lid"]:
            leden = [lid for lid in leden if lid.nummer == m["lid"]]
        if not leden:
            return None
        if not m["onderdeel"]:
            return " ".join(_lid_text(lid) for lid in leden)
        onderdelen = [o for o in leden[0].onderdelen if o.letter == m["onderdeel"]]
        if not onderdelen:
            return None
        if not m["sub"]:
            return _onderdeel_text(onderdelen[0])
        subs = [s for s in onderdelen[0].sub if s.nummer.rstrip("°") == m["sub"]]
        return subs[0].tekst if subs else None


def _onderdeel_text(o: OnderdeelFile) -> str:
    return " ".join(
        [f"{o.letter}. {o.tekst}", *(f"{s.nummer} {s.tekst}" for s in o.sub), *([o.slot] if o.slot else [])]
    )


def _lid_text(lid: LidFile) -> str:
    parts = [lid.tekst, *(_onderdeel_text(o) for o in lid.onderdelen)]
    if lid.slot:
        parts.append(lid.slot)
    return " ".join(parts)


def parse_ref(ref: str) -> dict[str, str | None] | None:
    m = _REF.match(ref)
    return m.groupdict() if m else None


@dataclass(frozen=True)
class Law:
    """Every known version of the Act, oldest first."""

    versions: tuple[LawVersion, ...]

    @property
    def newest(self) -> LawVersion:
        return self.versions[-1]

    def in_force(self, on: dt.date) -> LawVersion:
        """The version in force on `on`; later than the newest known: the newest applies."""
        if on < self.versions[0].valid_from:
            raise BuildError(
                f"de peildatum {datum(on)} ligt vóór {datum(self.versions[0].valid_from)}, de oudste versie van "
                f"de {self.versions[0].name} die de clausulebibliotheek kent"
            )
        return [v for v in self.versions if v.valid_from <= on][-1]

    def after(self, version: LawVersion) -> list[LawVersion]:
        return [v for v in self.versions if v.valid_from > version.valid_from]

    def changes_since(self, version: LawVersion, relevant_only: bool = False) -> list[tuple[LawVersion, Change]]:
        """Every change after `version` (or only those that alter text of the ordinance), with its version."""
        return [(v, c) for v in self.after(version) for c in v.changes if c.relevant or not relevant_only]


def build_law(files: list[tuple[str, VersionFile]], problem: Any) -> Law:
    """Versions from validated files; `problem(file, message)` raises the library's error."""
    versions = []
    fact_names: tuple[str, frozenset[str]] | None = None
    for name, f in sorted(files, key=lambda item: item[1].geldig_vanaf):
        if not name.startswith(f.geldig_vanaf.isoformat()):
            problem(name, f"de bestandsnaam moet met de geldigheidsdatum {f.geldig_vanaf.isoformat()} beginnen")
        if f.geldig_vanaf.isoformat() not in f.bron:
            problem(name, f"bron: het adres noemt de geldigheidsdatum {f.geldig_vanaf.isoformat()} niet")
        keys = frozenset(f.feiten)
        if fact_names is not None and keys != fact_names[1]:
            differ = ", ".join(sorted(keys ^ fact_names[1]))
            problem(name, f"feiten: elke versie noemt dezelfde feiten; verschil met {fact_names[0]}: {differ}")
        fact_names = fact_names or (name, keys)
        articles = {a.nummer: a for a in f.artikelen}
        for a in f.artikelen:
            if f.geldig_vanaf.isoformat() not in a.url:
                problem(name, f"artikelen[{a.nummer}].url: het adres noemt de geldigheidsdatum niet")
        changes = tuple(
            Change(tuple(c.artikelen), c.samenvatting, c.door, c.publicatie, c.kamerstukken, c.raakt_verordening)
            for c in f.wijzigingen
        )
        versions.append(LawVersion(f.wet, f.bwb, f.geldig_vanaf, f.bron, dict(f.feiten), articles, changes))
    if not versions:
        problem("wet/participatiewet", "er staat geen enkele versie van de wet in de clausulebibliotheek")
    if versions[0].valid_from > FIRST_VERSION:
        problem("wet/participatiewet", f"de oudste versie moet gelden vanaf {datum(FIRST_VERSION)} of eerder")
    return Law(tuple(versions))
