"""A choice file written for a person: every key with a comment above it that says what it means.

The words come from the fields (fields.py, from the schema, from the model): the title, the
description, the allowed values, the unit and what an empty value means. Used by `nieuw`; `bewerk`
keeps whatever comments a file has (ruamel.yaml round trip).
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from enum import Enum
from typing import Any

import yaml

from verordening.advisor.fields import Field, applies, choice_fields
from verordening.advisor.json_schema import MODELINE
from verordening.engine.textfilters import datum

WIDTH = 100
PROVISIONAL = "in_te_vullen"


def render(values: dict[str, Any], today: dt.date | None = None) -> str:
    """The YAML text of a choice file with these values (nested dicts; dates as dates)."""
    today = today or dt.date.today()
    municipality = values.get("gemeente", "")
    lines = [
        MODELINE,
        f"# Keuzebestand voor de Re-integratieverordening Participatiewet van de gemeente {municipality}.",
        f"# Gemaakt met 'verordening nieuw' op {datum(today)}. Boven elke sleutel staat wat zij betekent;",
        "# 'verordening check' controleert het bestand, 'verordening bewerk' opent het in de browser.",
    ]
    provisional = set(values.get(PROVISIONAL, []))
    for child in choice_fields().children:
        if child.key != PROVISIONAL:
            lines += ["", *_entry(child, values, provisional, 0)]
    lines += ["", *_provisional(sorted(provisional, key=_order))]
    return "\n".join(lines) + "\n"


def _order(path: str) -> int:
    paths = [f.path for f in choice_fields().walk()]
    return paths.index(path) if path in paths else len(paths)


def _comment(text: str, indent: int) -> list[str]:
    prefix = "  " * indent + "# "
    return textwrap.wrap(text, WIDTH - len(prefix), initial_indent=prefix, subsequent_indent=prefix)


def meaning(f: Field, options: bool = True) -> str:
    """ "Maximale duur van jobcoaching: Hoe lang … (1 tot en met 120 maanden)." """
    text = f"{f.title[:1].upper()}{f.title[1:]}: {f.description}"
    if f.kind == "int" and f.minimum is not None:
        text += f" Van {f.minimum} tot en met {f.maximum}{' ' + f.unit if f.unit else ''}."
    if f.kind == "date":
        text += " Schrijf de datum als jjjj-mm-dd."
    if options and f.kind in ("select", "multi") and len(f.options) <= 12:
        listed = ", ".join(f"{value} ({words})" if words != value else value for value, words in f.options)
        text += f" {'Kies uit' if f.kind == 'select' else 'Een of meer van'}: {listed}."
    if f.nullable and f.empty:
        # Where the default is a value (a proefplaats of six months), leaving the line out gives that value.
        text += f" Leeg ({'regel weggelaten' if f.default is None else 'null'}): {f.empty}."
    return text


def _entry(f: Field, values: dict[str, Any], provisional: set[str], indent: int) -> list[str]:
    pad = "  " * indent
    note = " Nog voorlopig ingevuld (zie in_te_vullen onderaan)." if f.path in provisional else ""
    lines = _comment(meaning(f) + note, indent)
    value = values.get(f.key)
    if f.kind == "forms":
        form = _form_of(f, value if isinstance(value, dict) else {})
        return (
            lines
            + [f"{pad}{f.key}:"]
            + [line for c in form.children for line in _entry(c, value or {}, provisional, indent + 1)]
        )
    if f.kind == "group":
        inner = value if isinstance(value, dict) else {}
        body = [line for c in f.children for line in _entry(c, inner, provisional, indent + 1)]
        written = any(not line.lstrip().startswith("#") for line in body)
        return lines + [f"{pad}{'' if written else '# '}{f.key}:"] + body  # a group with nothing set stays a comment
    if value is None and f.default is not None and applies(f, values):  # emptied against a default value
        return lines + [f"{pad}{f.key}: null"]
    if value is None or (f.kind == "multi" and not value and f.empty and f.nullable):
        return lines + [f"{pad}# {f.key}:"]
    if f.kind == "rows":  # a list of groups, one "- key: value" block per row
        if not value:
            return lines + [f"{pad}# {f.key}:"]
        rows = [
            f"{pad}  {'- ' if n == 0 else '  '}{key}: {scalar(item)}"
            for row in value
            for n, (key, item) in enumerate(dict(row).items())
        ]
        return lines + [f"{pad}{f.key}:", *rows]
    return lines + [f"{pad}{f.key}: {scalar(value)}"]


def _form_of(f: Field, value: dict[str, Any]) -> Field:
    """The form whose keys the value uses (the first form when none)."""
    return max(f.children, key=lambda form: len(set(value) & {c.key for c in form.children}))


def scalar(value: Any) -> str:
    """A value as YAML: true/false, numbers, dates as jjjj-mm-dd, text in double quotes, lists in brackets."""
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        items = [v.value if isinstance(v, Enum) else v for v in value]
        return "[" + ", ".join(v if _plain(v) else json.dumps(v, ensure_ascii=False) for v in items) + "]"
    return str(value) if _plain(value) else json.dumps(str(value), ensure_ascii=False)


_SPECIAL = set(":#'\"[]{},&*!|>%@`\\")


def _plain(value: Any) -> bool:
    """Text YAML reads back as the same text without quotes ("Nijkerk", "oval_keurmerk"; not "[nummer]", "ja")."""
    if not isinstance(value, str) or not value or value != value.strip() or _SPECIAL & set(value):
        return False
    if value[0] in "-?" or not value.isprintable():
        return False
    try:
        return yaml.safe_load(value) == value
    except yaml.YAMLError:
        return False


def _provisional(paths: list[str]) -> list[str]:
    f = next(c for c in choice_fields().children if c.key == PROVISIONAL)
    lines = _comment(f"{f.title[:1].upper()}{f.title[1:]}: {f.description}", 0)
    if not paths:
        return lines + [f"{PROVISIONAL}: []"]
    return lines + [f"{PROVISIONAL}:"] + [f"  - {p}" for p in paths]
