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


# A value a choice put into an article ({{ k.jobcoaching.maximale_duur_maanden|maanden|keuze }}) is carried
# between these private-use characters (like a reference token, they cannot come from user input) until the
# engine takes them out of the text and records where they stood (document.Mark). Only the bespreekversie
# (HTML, DOCX with comments) shows them; the published text never contains them.
MARK_OPEN, MARK_CLOSE = "\ue003", "\ue004"
_MARKS = re.compile(f"[{MARK_OPEN}{MARK_CLOSE}]")


def keuze(value: object) -> Token:
    """Filter: `value` marked as chosen in the choice file."""
    return Token(f"{MARK_OPEN}{finalize(value)}{MARK_CLOSE}")


def unmarked(text: str) -> str:
    """`text` without the marks of chosen values."""
    return _MARKS.sub("", text)


def take_marks(text: str, refs: list[tuple[int, int, int | str]]) -> tuple[str, list, list[tuple[int, int]]]:
    """Text without marks, its references moved accordingly, and the (start, end) of each marked value."""
    if MARK_OPEN not in text:
        return text, refs, []
    out: list[str] = []
    marks: list[tuple[int, int]] = []
    shift = [0] * (len(text) + 1)  # characters removed before each position of `text`
    removed, depth, opened = 0, 0, 0
    for i, ch in enumerate(text):
        shift[i] = removed
        if ch == MARK_OPEN:
            if depth == 0:
                opened = i - removed
            depth += 1
            removed += 1
        elif ch == MARK_CLOSE:
            depth = max(depth - 1, 0)
            removed += 1
            if depth == 0 and i - removed + 1 > opened:
                marks.append((opened, i - removed + 1))
        else:
            out.append(ch)
    shift[len(text)] = removed
    moved = [(start - shift[start], end - shift[end], number) for start, end, number in refs]
    return "".join(out), moved, marks


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


# Typography of typeset output (DOCX, HTML): the one place that decides it. A text is always built
# and compared, searched and validated in its straight form ("'s-Hertogenbosch", "Re-integratie");
# renderers typeset it last. A hyphen that must not end a line: after the prefix "re" (re-integratie),
# after "'s"/"'t" ('s-Hertogenbosch) and before a capital, as in place names (Súdwest-Fryslân,
# Noord-Brabant). An apostrophe within a word or in "'s"/"'t" becomes the typographic one (U+2019).
NOBREAK_HYPHEN = "\u2011"
APOSTROPHE = "\u2019"
_APOSTROPHES = re.compile(r"(?<!\w)'(?=[st](?:-|\s))|(?<=[^\W\d_])'(?=[^\W\d_])")
_NOBREAK = re.compile(r"(?<=\b[Rr]e)-(?=[a-zà-ÿ])|(?<=\u2019[st])-|(?<=[^\W\d_])-(?=[A-ZÀ-ÖØ-Þ])")


def typeset(text: str, hyphens: bool = True) -> str:
    """ "'s-Hertogenbosch" -> "’s‑Hertogenbosch", "Re-integratieverordening" -> "Re‑integratieverordening";
    without `hyphens` only the apostrophes (Markdown, which is pasted into systems that search on "-")."""
    # Most texts hold neither character; the look-behind patterns would still try every position.
    if "'" in text:
        text = _APOSTROPHES.sub(APOSTROPHE, text)
    return _NOBREAK.sub(NOBREAK_HYPHEN, text) if hyphens and "-" in text else text


def straight(text: str) -> str:
    """The form a person types: what typeset() changed, undone (search, comparison)."""
    return text.replace(NOBREAK_HYPHEN, "-").replace(APOSTROPHE, "'")


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
    "keuze": keuze,
}
