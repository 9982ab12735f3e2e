"""What a choice means to a reader: its Dutch title and a value in words.

The facts live on the fields of the choice model (choicefile/schema.py: title, description,
unit, what an empty value means, words per option); the names of the quality standards live in
the clause library (kwaliteitseisen.yaml). This is the one function that puts them into words,
for the HTML side panel, the amending ordinance's toelichting and the compare columns.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Mapping
from enum import Enum

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from verordening.choicefile.keys import field_at as field
from verordening.choicefile.keys import title_at
from verordening.engine.textfilters import bedrag, datum, maanden, opsomming, opsomming_of


def _extra(info: FieldInfo | None) -> Mapping[str, typing.Any]:
    extra = info.json_schema_extra if info is not None else None
    return extra if isinstance(extra, Mapping) else {}


def title(path: str, capital: bool = False) -> str:
    """ "maximale duur van jobcoaching" ("Maximale …" with `capital`); the key itself when the model does not know it."""
    text = title_at(path) or path
    return text[:1].upper() + text[1:] if capital else text


def heading(path: str) -> str:
    """The title as a column heading, with the unit: "Maximale duur van jobcoaching (maanden)"."""
    unit = _extra(field(path)).get("eenheid")
    return f"{title(path, capital=True)} ({unit})" if unit else title(path, capital=True)


def description(path: str) -> str:
    info = field(path)
    return info.description or "" if info is not None else ""


def in_words(path: str, value: object, names: Mapping[str, str] | None = None, unit: bool = False) -> str:
    """The value of the choice at `path` as a reader says it: "24 maanden", "ja", "OVAL-keurmerk of Noloc".

    `names` gives the display names of enumerated options (the quality standards); with `unit` a number
    carries every unit ("50 procent van het wettelijk minimumloon", "€ 450"), not only months."""
    info = field(path)
    extra = _extra(info)
    if value is None or value == []:
        return str(extra.get("leeg", "niet ingevuld"))
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list | tuple):
        join = opsomming_of if extra.get("opsomming") == "of" else opsomming
        if all(isinstance(v, BaseModel) for v in value):  # a list of groups (the regimes of jobcoaching)
            return join(f"({in_words(path, v, names, unit)})" for v in value)
        return join(_item(v, extra, names) for v in value)
    if isinstance(value, int) and extra.get("eenheid") == "maanden":
        return maanden(value)
    if isinstance(value, int) and unit and extra.get("eenheid"):
        return bedrag(value) if extra["eenheid"] == "euro" else f"{value} {extra['eenheid']}"
    if isinstance(value, dt.date):
        return datum(value)
    if isinstance(value, BaseModel):  # a group of choices: each one with its title
        parts = []
        for key in type(value).model_fields:
            sub = f"{path}.{key}"
            parts.append(f"{title(sub)}: {in_words(sub, getattr(value, key), names, unit)}")
        return "; ".join(parts)
    return _item(value, extra, names)


def alternatives(path: str, value: object, names: Mapping[str, str] | None = None) -> list[str]:
    """What else the choice at `path` could have been, in words: the options not chosen (the quality standards,
    the forms of delegation), the other of ja and nee. [] for a free number, text or date."""
    info = field(path)
    if info is None or isinstance(value, BaseModel):
        return []
    if isinstance(value, bool):
        return [in_words(path, not value)]
    chosen = {_code(v) for v in value} if isinstance(value, list | tuple) else {_code(value)}
    return [_item(code, _extra(info), names) for code in _options(info.annotation) if code not in chosen]


def _code(value: object) -> str:
    return str(value.value if isinstance(value, Enum) else value)


def _options(annotation: object) -> list[str]:
    """The codes a field can take: the members of an Enum, the values of a Literal, within lists and unions."""
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return [str(m.value) for m in annotation]
    if typing.get_origin(annotation) is typing.Literal:
        return [str(a) for a in typing.get_args(annotation)]
    return [code for arg in typing.get_args(annotation) for code in _options(arg)]


def _item(value: object, extra: Mapping[str, typing.Any], names: Mapping[str, str] | None) -> str:
    code = str(value.value if isinstance(value, Enum) else value)
    options = extra.get("opties") or {}
    return (names or {}).get(code) or options.get(code) or code


def given(choices: BaseModel, path: str) -> bool:
    """Whether the choice file itself gives the key at `path` (not the default of the choice model)."""
    value: object = choices
    for part in path.split("."):
        if not isinstance(value, BaseModel) or part not in value.model_fields_set:
            return False
        value = getattr(value, part)
    return True


def value_of(choices: BaseModel, path: str) -> object:
    """The value at a dotted key path of validated choices (AttributeError if there is none)."""
    value: object = choices
    for part in path.split("."):
        value = getattr(value, part)
    return value
