"""Where a draft departs from the VNG model: the choices whose value differs from the model's default.

The defaults of the choice model follow the VNG model (changes/diff.py, model_choices), so a choice the
draft sets otherwise is a deviation. Each is given in words (engine/meaning.py) as a reader says it. The
raadsvoorstel lists them among its kanttekeningen.
"""

from __future__ import annotations

import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from pydantic import BaseModel

from verordening.changes.diff import model_choices
from verordening.choicefile.schema import Choices
from verordening.engine import meaning

NOT_A_CHOICE = {"in_te_vullen"}  # the advisor's bookkeeping, not a choice of the ordinance


@dataclass(frozen=True)
class Deviation:
    key: str  # "jobcoaching.maximale_duur_maanden"
    title: str  # "Maximale duur van jobcoaching"
    value: str  # the draft's value in words
    model: str  # the model's value in words; "" where the model names none and leaves the pick to the municipality


def value_keys(model: type[BaseModel] = Choices, prefix: str = "") -> Iterator[str]:
    """The dotted keys that hold a value, in the order of the choice model (both branches of a union)."""
    for name, info in model.model_fields.items():
        subs = _models(info.annotation)
        if not subs:
            yield prefix + name
        for sub in subs:
            yield from value_keys(sub, f"{prefix}{name}.")


def _models(annotation: object) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models(arg)]


def deviations(draft: Choices, names: Mapping[str, str] | None = None) -> list[Deviation]:
    """The draft's choices that differ from the model's defaults; `names` gives display names of options."""
    model = model_choices(draft)
    out = []
    for key in dict.fromkeys(value_keys()):
        if key.split(".")[0] in NOT_A_CHOICE:
            continue
        try:
            mine, theirs = meaning.value_of(draft, key), meaning.value_of(model, key)
        except AttributeError:  # a key of the other branch (cliëntenraad asked or not)
            continue
        if mine != theirs:
            # An empty list is the model naming no value (the quality standards); None is a value ("geen").
            said = "" if theirs == [] else meaning.in_words(key, theirs, names)
            out.append(Deviation(key, meaning.title(key, capital=True), meaning.in_words(key, mine, names), said))
    return out
