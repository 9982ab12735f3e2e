"""Which choices shaped an article, in words a raadslid reads, and which articles a choice left out.

For the bespreekversie (the HTML review page and <slug>-bespreekversie.docx): per article the choices
its front matter names (`choices:`), a group of choices spread over its keys, each with its value and
the options not chosen (engine/meaning.py); per article the library has but these choices left out,
where it would have stood and the keys its `when` reads. The sentences are in bespreking.j2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pydantic import BaseModel

from verordening.choicefile.keys import field_at
from verordening.engine import meaning
from verordening.engine.assemble import select
from verordening.engine.document import Ordinance
from verordening.engine.library import load_library
from verordening.engine.texts import DocumentTexts, document_texts

BESPREKING = "bespreking.j2"
_KEY = re.compile(r"\bk\.([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*)")


@dataclass(frozen=True)
class Note:
    key: str  # for the advisor only; never shown as the label
    title: str  # "Kwaliteitseisen voor jobcoaches"
    value: str  # "OVAL-keurmerk of Blik op Werk-keurmerk"
    alternatives: tuple[str, ...]  # "UWV-erkenning", "Nationaal Jobcoachregister", …
    given: bool = True  # the choice file gives it; False: the default of the choice model


@dataclass(frozen=True)
class Omission:
    """An article of the library that these choices leave out, placed after `after` (None: first of its chapter)."""

    label: str
    title: str
    chapter: str
    after: str | None
    notes: tuple[Note, ...]


def texts(ordinance: Ordinance) -> DocumentTexts:
    return document_texts(load_library(ordinance.library), BESPREKING)


def notes(ordinance: Ordinance, keys: list[str]) -> list[Note]:
    """The notes for these keys; a key that holds a group of choices gives one note per key within it."""
    out: list[Note] = []
    for key in keys:
        try:
            value = meaning.value_of(ordinance.choices, key)
        except AttributeError:
            continue
        if isinstance(value, BaseModel):
            out += notes(ordinance, [f"{key}.{sub}" for sub in type(value).model_fields])
            continue
        names = ordinance.option_names
        out.append(
            Note(
                key,
                meaning.title(key, capital=True),
                meaning.in_words(key, value, names, unit=True),
                tuple(meaning.alternatives(key, value, names)),
                meaning.given(ordinance.choices, key),
            )
        )
    return out


def line(t: DocumentTexts, note: Note) -> str:
    """ "Kwaliteitseisen voor jobcoaches: OVAL-keurmerk (keuze van de gemeente; ook mogelijk: …)"."""
    return t("keuze", titel=note.title, waarde=note.value, alternatieven=list(note.alternatives), gekozen=note.given)


def origin(t: DocumentTexts, note: Note) -> str:
    """ "keuze van de gemeente; ook mogelijk: …" (or "standaardwaarde; …")."""
    return t("ook_mogelijk", alternatieven=list(note.alternatives), gekozen=note.given)


def omissions(ordinance: Ordinance) -> list[Omission]:
    """The library's articles these choices leave out, each with the choices its condition reads."""
    library = load_library(ordinance.library)
    included = {spec.label for spec in select(library, ordinance.choices)}
    out: list[Omission] = []
    previous: dict[str, str | None] = {}  # chapter -> the included article last seen in it
    for spec in library.articles:
        if spec.label in included:
            previous[spec.chapter] = spec.label
            continue
        keys = [k for k in dict.fromkeys(_KEY.findall(spec.when)) if field_at(k) is not None]
        out.append(
            Omission(spec.label, spec.title, spec.chapter, previous.get(spec.chapter), tuple(notes(ordinance, keys)))
        )
    return out
