"""What an advisor types, as a value of the choice file, or a Dutch reason why not.

Shared by `nieuw` (a terminal answer) and `bewerk` (a form field). A single value is checked
here as typed; rules across keys are checked by the reader itself on the whole file
(`problems`), so the messages are those of `verordening check`.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

from verordening.advisor.fields import Field
from verordening.choicefile.fields import one_line
from verordening.choicefile.municipalities import UnknownMunicipality, municipality_by_name
from verordening.choicefile.reader import load_choices
from verordening.choicefile.schema import Choices
from verordening.errors import ChoiceFileError, Problem

YES, NO = "ja", "nee"


class InvalidValue(ValueError):
    """The Dutch reason a typed value cannot be taken."""


def parse(f: Field, raw: str | list[str] | None) -> Any:
    """The value for field `f` (None: left empty); InvalidValue with the reason otherwise."""
    if f.kind == "multi":
        chosen = [raw] if isinstance(raw, str) else list(raw or [])
        allowed = [value for value, _ in f.options]
        unknown = [c for c in chosen if c not in allowed]
        if unknown:
            raise InvalidValue(f"verwacht een of meer van {', '.join(allowed)}, gegeven: {', '.join(unknown)}")
        return [value for value in allowed if value in chosen]  # the order of the model
    if isinstance(raw, list) and f.kind == "date":  # the form sends the date and, when ticked, its word: the word wins
        raw = next((r for r in raw if r in {v for v, _ in f.options}), next((r for r in raw if r.strip()), ""))
    text = " ".join(raw) if isinstance(raw, list) else (raw or "")
    text = text.strip()
    if not text:
        if f.required and not (f.has_default and f.default is not None):
            raise InvalidValue("verwacht een waarde, gegeven: niets")
        return None if f.nullable or not f.has_default else f.default
    if f.kind == "bool":
        if text.lower() in (YES, "true"):
            return True
        if text.lower() in (NO, "false"):
            return False
        raise InvalidValue(f"verwacht ja of nee, gegeven: {text}")
    if f.kind == "int":
        return _number(f, text)
    if f.kind == "date":
        if text in (value for value, _ in f.options):  # dag_na_bekendmaking
            return text
        return _date(text)
    if f.kind == "select":
        return _option(f, text)
    try:
        value = one_line(text)
    except ValueError as exc:
        raise InvalidValue(str(exc)) from None
    if f.max_length and len(value) > f.max_length:
        raise InvalidValue(f"verwacht ten hoogste {f.max_length} tekens, gegeven: {len(value)} tekens")
    return value


def _number(f: Field, text: str) -> int:
    bounds = f"van {f.minimum} tot en met {f.maximum}" if f.minimum is not None else ""
    unit = f" {f.unit}" if f.unit else ""
    if not text.lstrip("-").isdigit():
        raise InvalidValue(f"verwacht een geheel getal {bounds}{unit}, gegeven: {text}".replace("  ", " "))
    number = int(text)
    if (f.minimum is not None and number < f.minimum) or (f.maximum is not None and number > f.maximum):
        raise InvalidValue(f"verwacht een geheel getal {bounds}{unit}, gegeven: {number}")
    return number


def _date(text: str) -> dt.date:
    try:
        if len(text) != 10:
            raise ValueError(text)
        value = dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidValue(f"verwacht een datum als jjjj-mm-dd (bijvoorbeeld 2027-03-04), gegeven: {text}") from None
    from verordening.choicefile.fields import FIRST_DATE, LAST_DATE

    if not FIRST_DATE <= value <= LAST_DATE:
        raise InvalidValue(f"verwacht een datum van {FIRST_DATE.year} tot en met {LAST_DATE.year}, gegeven: {text}")
    return value


def _option(f: Field, text: str) -> str:
    if f.path == "gemeente":
        try:
            return municipality_by_name(text).naam
        except UnknownMunicipality as exc:
            raise InvalidValue(str(exc)) from None
    for value, words in f.options:
        if text in (value, words):
            return value
    raise InvalidValue(f"verwacht een van {', '.join(v for v, _ in f.options)}, gegeven: {text}")


def problems(yaml_text: str) -> tuple[Choices | None, list[Problem]]:
    """The choices of this file text, or every problem `check` would report (with key paths)."""
    with tempfile.TemporaryDirectory(prefix="verordening-") as folder:
        path = Path(folder) / "keuzes.yaml"
        path.write_text(yaml_text, encoding="utf-8")
        try:
            return load_choices(path), []
        except ChoiceFileError as exc:
            return None, list(exc.problems)
