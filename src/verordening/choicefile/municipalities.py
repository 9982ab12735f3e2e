"""The current Dutch municipalities with their CBS codes (data/gemeenten.csv)."""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Municipality:
    code: str  # CBS gemeentecode, e.g. "GM0267"
    naam: str

    @property
    def slug(self) -> str:
        return slugify(self.naam)


def slugify(name: str) -> str:
    """ "'s-Hertogenbosch" -> "s-hertogenbosch", "Súdwest-Fryslân" -> "sudwest-fryslan"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


@cache
def all_municipalities() -> tuple[Municipality, ...]:
    text = resources.files("verordening").joinpath("data/gemeenten.csv").read_text(encoding="utf-8")
    return tuple(Municipality(row["code"], row["naam"]) for row in csv.DictReader(text.splitlines()))


@cache
def _by_key() -> dict[str, Municipality]:
    return {slugify(m.naam): m for m in all_municipalities()}


class UnknownMunicipality(ValueError):
    pass


def municipality_by_name(name: str) -> Municipality:
    """Find a municipality by name, ignoring case and accents; refuse unknown names."""
    found = _by_key().get(slugify(name))
    if found is not None:
        return found
    names = [m.naam for m in all_municipalities()]
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.6)
    if not close:
        close = difflib.get_close_matches(name.title(), names, n=3, cutoff=0.6)
    hint = f"; bedoelt u {' of '.join(repr(c) for c in close)}?" if close else ""
    raise UnknownMunicipality(f"'{name}' is geen huidige Nederlandse gemeente{hint}")
