"""Dutch text helpers for templates: filters and the finalize hook that keeps user text inert."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)

# Private-use characters delimit reference tokens; they cannot come from user input
# because finalize() strips them from every value that is not a Token.
REF_OPEN, REF_CLOSE = "\ue000", "\ue001"
# USER_BRACKET is spared: a value can pass finalize() twice (a macro's output is finalized again),
# and a stand-in typed by a user only ever becomes a harmless "[" after parsing.
_PRIVATE = re.compile("[\ue000\ue001\ue003-\uf8ff]")
_WS = re.compile(r"\s+")


class Token(str):
    """Text produced by the engine itself (a reference placeholder): passed through unchanged."""


# A structure marker ([lid], [onderdeel], [sub]) only counts at the start of a line and is
# always literal template text. Every "[" in a value is therefore carried through rendering as
# a private-use stand-in, which the marker parser cannot match, and restored afterwards.
USER_BRACKET = "\ue002"


def finalize(value: object) -> object:
    """Applied to every {{ … }}: user strings become one line of inert text."""
    if isinstance(value, Token) or not isinstance(value, str):
        return value
    return _WS.sub(" ", _PRIVATE.sub("", value)).replace("[", USER_BRACKET)


def restore(text: str) -> str:
    """Undo the stand-in of finalize() once the structure has been parsed."""
    return text.replace(USER_BRACKET, "[")


def maanden(n: int) -> str:
    return f"{n} maand" if n == 1 else f"{n} maanden"


def datum(d: dt.date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def _join(items: Iterable[object], word: str) -> str:
    parts = [str(i) for i in items]
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} {word} {parts[-1]}"


def opsomming(items: Iterable[object]) -> str:
    return _join(items, "en")


def opsomming_of(items: Iterable[object]) -> str:
    return _join(items, "of")


FILTERS = {"maanden": maanden, "datum": datum, "opsomming": opsomming, "opsomming_of": opsomming_of}
