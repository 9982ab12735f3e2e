"""The building blocks of the choice model: a strict model, a key with its Dutch meaning, a conflict.

Shared by schema.py (the choice file as a whole) and the modules that hold groups of its keys
(instruments.py), so that every key is declared the same way and every cross-field rule is
reported the same way (file:line [key]: verwacht …, gegeven: …).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError, PydanticUndefined


def conflict(key: str, message: str) -> PydanticCustomError:
    """A cross-field error, reported at `key` (dotted, relative to the model that raises it; "" = the model itself)."""
    return PydanticCustomError("samenhang", message, {"sleutel": key})


def each_once(values: list[Any], what: str) -> list[Any]:
    """A list of options in which each is named at most once; `what` names one in the message ("reden")."""
    twice = next((v for i, v in enumerate(values) if v in values[:i]), None)
    if twice is not None:
        raise ValueError(
            f"verwacht elke {what} hooguit één keer, gegeven: {getattr(twice, 'value', twice)} meer dan eens"
        )
    return values


def choice(
    default: Any = PydanticUndefined,
    *,
    titel: str,
    uitleg: str,
    eenheid: str | None = None,
    leeg: str | None = None,
    opties: dict[str, str] | None = None,
    opsomming: str | None = None,
    **field: Any,
) -> Any:
    """A key with its meaning, written once: a Dutch title (as it reads within a sentence), what it decides, and
    where it applies the unit of a number, what an empty value means, the words for each option and the word
    that joins the items of a list ("en", "of"). engine/meaning.py reads them wherever a choice is shown."""
    given = (("eenheid", eenheid), ("leeg", leeg), ("opties", opties), ("opsomming", opsomming))
    extra = {key: value for key, value in given if value}
    return Field(default, title=titel, description=uitleg, json_schema_extra=extra or None, **field)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)  # no true as 1, no 24 as "24"
