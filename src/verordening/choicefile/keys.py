"""The keys of a choice file: the model field behind a dotted key path, with its Dutch meaning."""

from __future__ import annotations

import typing
from functools import cache

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from verordening.choicefile.schema import Choices


def models_in(annotation: object) -> list[type[BaseModel]]:
    """The models a field can hold (the cliëntenraad's two forms give both)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in models_in(arg)]


@cache
def field_at(path: str) -> FieldInfo | None:
    """The field at "jobcoaching.verlenging.toegestaan", or None when the choice file has no such key."""
    models: list[type[BaseModel]] = [Choices]
    found = None
    for part in path.split("."):
        found = next((m.model_fields[part] for m in models if part in m.model_fields), None)
        if found is None:
            return None
        models = models_in(found.annotation)
    return found


def title_at(path: str) -> str:
    """The Dutch title of the key ("maximale duur van jobcoaching"); "" when unknown."""
    found = field_at(path)
    return found.title or "" if found is not None else ""
