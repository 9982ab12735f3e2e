"""How numbers and references are written: the one place for "1.", "a.", "1°", "het tweede lid",
"artikel 5, tweede lid, onderdeel a, onder 1°" and "de artikelen 6, 7 en 9".

Follows the Aanwijzingen voor de regelgeving: leden are numbered 1, 2, … and cited in words
("het tweede lid"); onderdelen are lettered a, b, … (after z: aa, ab, …); subonderdelen are
numbered 1°, 2°, …. Articles inserted by an amending ordinance take a letter (12a, 12b).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from verordening.engine.textfilters import opsomming
from verordening.errors import BuildError

ORDINALS = (
    "eerste",
    "tweede",
    "derde",
    "vierde",
    "vijfde",
    "zesde",
    "zevende",
    "achtste",
    "negende",
    "tiende",
    "elfde",
    "twaalfde",
    "dertiende",
    "veertiende",
    "vijftiende",
    "zestiende",
    "zeventiende",
    "achttiende",
    "negentiende",
    "twintigste",
)

_ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def ordinal(n: int) -> str:
    """3 -> "derde" (lid numbers in references are written in words)."""
    if not 1 <= n <= len(ORDINALS):
        raise BuildError(f"een artikel met meer dan {len(ORDINALS)} leden kan niet worden aangehaald (lid {n})")
    return ORDINALS[n - 1]


def letter(n: int) -> str:
    """1 -> "a", 26 -> "z", 27 -> "aa": the letter of the n-th onderdeel."""
    if n <= 0:
        raise ValueError(n)
    n -= 1
    return _ALPHABET[n] if n < 26 else letter(n // 26) + _ALPHABET[n % 26]


def numeral(depth: int, number: int | None) -> str:
    """The number an element is shown with: lid "1.", onderdeel "a.", subonderdeel "1°"; a single lid has none."""
    if number is None:
        return ""
    if depth == 0:
        return f"{number}."
    if depth == 1:
        return f"{letter(number)}."
    return f"{number}°"


def cite(
    article: int | str | None = None,
    lid: int | None = None,
    onderdeel: int | None = None,
    sub: int | None = None,
) -> str:
    """ "artikel 5, tweede lid, onderdeel a, onder 1°".

    Without an article the reference is within the article itself: "het tweede lid, onderdeel a".
    Leave out `lid` for an article with one lid (it has no number) or to stay within the current lid.
    """
    parts = []
    if article is not None:
        parts.append(f"artikel {article}")
    if lid is not None:
        parts.append(f"{ordinal(lid)} lid" if article is not None else f"het {ordinal(lid)} lid")
    if onderdeel is not None:
        parts.append(f"onderdeel {letter(onderdeel)}")
    if sub is not None:
        parts.append(f"onder {sub}°")
    return ", ".join(parts)


def artikelen(numbers: Iterable[int | str]) -> str:
    """[9, 6, 7] -> "de artikelen 6, 7 en 9"; [6] -> "artikel 6" (in article order, 12 < 12a < 13)."""
    parts = [str(n) for n in sorted(numbers, key=article_number_key)]
    if not parts:
        raise ValueError("artikelen() without article numbers")
    return f"artikel {parts[0]}" if len(parts) == 1 else f"de artikelen {opsomming(parts)}"


def heading(number: int | str, title: str) -> str:
    """ "Artikel 5. Titel" """
    return f"Artikel {number}. {title}"


def vervallen_heading(number: int | str) -> str:
    """ "Artikel 13 [vervallen]": the place of an article that vervalt, as a consolidated text shows it."""
    return f"Artikel {number} [vervallen]"


def chapter_heading(number: int, title: str) -> str:
    """ "Hoofdstuk 2. Titel" """
    return f"Hoofdstuk {number}. {title}"


def article_number_key(number: int | str) -> tuple[int, str]:
    """12 < 12a < 12b < 13: amending ordinances insert lettered articles (see changes/amend.py)."""
    m = re.fullmatch(r"(\d+)([a-z]*)", str(number))
    if not m:
        raise BuildError(f"ongeldig artikelnummer '{number}'")
    return int(m.group(1)), m.group(2)


def next_article_number(number: int | str) -> str:
    """12 -> 12a, 12a -> 12b, 12z -> 12za (Aanwijzing: inserted articles get a letter, never a new number)."""
    base, suffix = article_number_key(number)
    if not suffix:
        return f"{base}a"
    if suffix[-1] == "z":
        return f"{base}{suffix}a"
    return f"{base}{suffix[:-1]}{chr(ord(suffix[-1]) + 1)}"
