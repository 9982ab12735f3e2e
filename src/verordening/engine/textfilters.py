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


# One number convention for the whole ordinance, the one the Participatiewet itself follows
# ("zes maanden", "twee jaar", "vijf weken", but "27 jaar", "36 uren", "50 procent"): whole
# numbers up to and including twenty in words, larger numbers in digits; percentages and amounts
# always in digits. We found no aanwijzing in the Aanwijzingen voor de regelgeving that prescribes
# words or digits; aanwijzing 2.6 (duidelijkheid) and the toelichting to aanwijzing 4.49
# ("consistentie in woordkeus en spelling") ask for one usage throughout. Fixed template text
# follows the rule by hand; values from the choice file go through getal().
CARDINALS = (
    "één",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
    "dertien",
    "veertien",
    "vijftien",
    "zestien",
    "zeventien",
    "achttien",
    "negentien",
    "twintig",
)


def getal(n: int) -> str:
    """6 -> "zes", 20 -> "twintig", 24 -> "24" (see CARDINALS)."""
    return CARDINALS[n - 1] if 1 <= n <= len(CARDINALS) else str(n)


def maanden(n: int) -> str:
    """1 -> "één maand", 12 -> "twaalf maanden", 24 -> "24 maanden"."""
    return f"{getal(n)} maand" if n == 1 else f"{getal(n)} maanden"


def bedrag(euro: int) -> str:
    """450 -> "€ 450", 1200 -> "€ 1.200": an amount of whole euros as Dutch regulations write it."""
    return f"€ {euro:,}".replace(",", ".")


def rangtelwoord(n: int) -> str:
    """10 -> "tiende", for a lid of the Act cited from a fact of the law version (wet.*)."""
    from verordening.engine.citations import ordinal  # citations imports this module

    return ordinal(n)


def vorige_dag(d: dt.date) -> dt.date:
    """The day before: the last day on which an ordinance can be published to bind from `d`."""
    return d - dt.timedelta(days=1)


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


def hoofdletter(text: str) -> str:
    """ "artikel 9, tweede lid" -> "Artikel 9, tweede lid": only the first letter (a sentence starts with a place)."""
    return text[:1].upper() + text[1:]


FILTERS = {
    "bedrag": bedrag,
    "hoofdletter": hoofdletter,
    "maanden": maanden,
    "getal": getal,
    "rangtelwoord": rangtelwoord,
    "datum": datum,
    "vorige_dag": vorige_dag,
    "opsomming": opsomming,
    "opsomming_of": opsomming_of,
}
