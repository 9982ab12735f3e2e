"""The value types of a choice file: free text, dates and durations, each checked strictly.

Models are strict (schema.Strict): no true as a number, no number as text. Free text becomes
ordinance text, so it is one line of visible characters: runs of spaces, tabs and line breaks
become one space (a YAML block `|` or a double space in a name reads as the words it holds);
control, format (bidi, zero-width) and private-use characters are refused, because they are
invisible in the ordinance or change how its text is shown.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
    ValidationError,
    WrapValidator,
)
from pydantic_core import PydanticCustomError

# The Participatiewet is in force since 1 January 2015; no date of this ordinance lies before it.
FIRST_DATE = dt.date(2015, 1, 1)
LAST_DATE = dt.date(2100, 12, 31)

_CATEGORY_WORDS = {
    "Cc": "een stuurteken",
    "Cf": "een onzichtbaar opmaakteken (zoals een richtings- of nulbreedteteken)",
    "Co": "een teken voor privégebruik",
    "Cs": "een ongeldig teken (halve surrogaat)",
    "Cn": "een teken dat in Unicode niet bestaat",
}
_LINE_BREAKS = "\n\r\x85\u2028\u2029\t\x0b\x0c"


def one_line(value: str) -> str:
    """Whitespace folded to single spaces; invisible and control characters refused."""
    for position, ch in enumerate(value, 1):
        if ch in _LINE_BREAKS:
            continue
        category = unicodedata.category(ch)
        if category in _CATEGORY_WORDS:
            raise ValueError(
                f"verwacht gewone, zichtbare tekst, gegeven: tekst met {_CATEGORY_WORDS[category]} "
                f"(U+{ord(ch):04X}) op positie {position}; typ de tekst opnieuw zonder dat teken"
            )
    return " ".join(value.split())


def _bounded(max_length: int) -> Any:
    return Annotated[
        str,
        AfterValidator(one_line),
        StringConstraints(min_length=1, max_length=max_length),
    ]


Text = _bounded(2000)
ShortText = _bounded(200)
# The municipality's name is checked against the CBS list (schema.Choices), which refuses anything else.
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Months = Annotated[int, Field(ge=1, le=120)]
Year = Annotated[int, Field(ge=2023, le=2100)]


def _iso_text(value: object) -> object:
    """A date written in quotes ("2023-07-01") counts as that date; any other text stays text (and is refused)."""
    if isinstance(value, str) and len(value) == 10 and value[4] == value[7] == "-":
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


def _plausible(value: dt.date) -> dt.date:
    if not FIRST_DATE <= value <= LAST_DATE:
        raise ValueError(
            f"verwacht een datum van {FIRST_DATE.year} tot en met {LAST_DATE.year} "
            f"(de Participatiewet geldt sinds 1 januari {FIRST_DATE.year}), gegeven: {value.isoformat()}"
        )
    return value


Date = Annotated[dt.date, BeforeValidator(_iso_text), AfterValidator(_plausible)]


# The entry into force: a date, or the day after the day of publication (Aanwijzingen voor de
# regelgeving, aanwijzing 4.22, model G), which is not known when the raad decides.
DAG_NA_BEKENDMAKING = "dag_na_bekendmaking"
_DATE = TypeAdapter(Date, config=ConfigDict(strict=True))


def _date_or_day_after(value: object, handler: Any) -> object:
    if value == DAG_NA_BEKENDMAKING:
        return value
    try:
        return _DATE.validate_python(value)
    except ValidationError as exc:
        error = exc.errors()[0]
        if error["type"] == "value_error":  # a real date outside the plausible years says so itself
            raise ValueError(str(error["ctx"]["error"])) from None
        raise PydanticCustomError("datum_of_dag", "verwacht een datum of dag_na_bekendmaking") from None


EntryIntoForce = Annotated[dt.date | Literal["dag_na_bekendmaking"], WrapValidator(_date_or_day_after)]
