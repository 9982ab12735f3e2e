"""The model's defaults for a new choice file, with provisional values where the model has none.

A date or number only the municipality knows (when the raad decides, the number of the proposal)
gets a provisional value that keeps the file readable and is listed under `in_te_vullen`; the
checklist names every such key until it is filled in and removed from the list.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from verordening.advisor.commented import PROVISIONAL
from verordening.advisor.fields import Field, choice_fields

NUMBER_PLACEHOLDER = "[nummer]"  # as the aanhef of the VNG model leaves it open


def defaults(f: Field | None = None) -> dict[str, Any]:
    """Every key with the model's default; None (or an empty list) where the model has none."""
    f = f or choice_fields()
    out: dict[str, Any] = {}
    for child in f.children:
        if child.kind == "group":
            out[child.key] = defaults(child)
        elif child.kind == "forms":
            out[child.key] = defaults(child.children[0])
        elif child.key != PROVISIONAL:
            empty: Any = [] if child.kind in ("multi", "rows") else None
            out[child.key] = child.default if child.has_default else empty
    return out


def first_of_month_from(day: dt.date) -> dt.date:
    """`day` if it is the first of a month, else the first of the next month."""
    if day.day == 1:
        return day
    return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)


def proposals(today: dt.date) -> dict[str, Any]:
    """Provisional values (dotted key -> value): a timetable from today that keeps every date rule.

    The cliëntenraad asked in two weeks, the proposal six weeks later, adoption six weeks after
    that, in force on the first of a month at least a week after adoption (time to publish)."""
    asked = today + dt.timedelta(weeks=2)
    proposed = asked + dt.timedelta(weeks=6)
    adopted = proposed + dt.timedelta(weeks=6)
    in_force = first_of_month_from(adopted + dt.timedelta(weeks=1))
    return {
        "jaar": in_force.year,
        "vaststelling.datum": adopted,
        "vaststelling.voorstel_datum": proposed,
        "vaststelling.voorstel_nummer": NUMBER_PLACEHOLDER,
        "inwerkingtreding": in_force,
        "clientenraad.advies_gevraagd": asked,
    }


def set_path(values: dict[str, Any], path: str, value: Any) -> None:
    *groups, key = path.split(".")
    for group in groups:
        values = values.setdefault(group, {})
    values[key] = value


def get_path(values: dict[str, Any], path: str) -> Any:
    for part in path.split("."):
        if not isinstance(values, dict):
            return None
        values = values.get(part)  # type: ignore[assignment]
    return values


def standard(gemeente: str, today: dt.date | None = None) -> dict[str, Any]:
    """`nieuw --standaard`: the defaults, the municipality, and the provisional values listed under in_te_vullen."""
    values = defaults()
    values["gemeente"] = gemeente
    provisional = proposals(today or dt.date.today())
    for path, value in provisional.items():
        set_path(values, path, value)
    values[PROVISIONAL] = [p for p in provisional if p != "jaar"]  # the year follows the date of entry into force
    return values
