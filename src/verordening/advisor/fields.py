"""The choice file as a tree of fields, read from its JSON Schema: what `nieuw` asks and `bewerk` shows.

One walker over the schema (json_schema.py), so both follow the model and its Dutch words: a group
of keys, a choice between forms (the cliëntenraad: advice asked or not), a yes/no, a number with
bounds, a date, a text, one option of a list or several, or a list of groups ("rows": the regimes of
jobcoaching hours), which `nieuw` and `bewerk` show but leave to the file itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from verordening.advisor.json_schema import choice_schema

KINDS = ("group", "forms", "bool", "int", "date", "text", "select", "multi", "rows")


@dataclass(frozen=True)
class Field:
    path: str  # "jobcoaching.verlenging.toegestaan"; a form of a "forms" field has the path of its parent
    title: str
    description: str
    kind: str  # one of KINDS
    required: bool = False
    nullable: bool = False  # may be left empty (the model's None)
    default: Any = None
    has_default: bool = False
    minimum: int | None = None
    maximum: int | None = None
    max_length: int | None = None
    options: tuple[tuple[str, str], ...] = ()  # (value, Dutch words)
    unit: str = ""  # "maanden"
    empty: str = ""  # what an empty value means ("geen verlenging")
    examples: tuple[Any, ...] = ()
    children: tuple[Field, ...] = field(default=())  # of a group; of a "forms" field: one group per form

    @property
    def key(self) -> str:
        return self.path.rsplit(".", 1)[-1]

    def walk(self) -> list[Field]:
        """This field and every field below it, in file order (the keys of a row are not fields of the file)."""
        if self.kind == "rows":
            return [self]
        return [self, *(f for child in self.children for f in child.walk())]


@cache
def choice_fields() -> Field:
    """The whole choice file as a group."""
    schema = choice_schema()
    return _group("", schema, schema["$defs"], "keuzebestand", "", True)


def leaves() -> list[Field]:
    """Every field that holds a value (not a group), in file order."""
    return [f for f in choice_fields().walk() if f.kind not in ("group", "forms")]


def _resolve(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = {**defs[node["$ref"].rsplit("/", 1)[-1]], **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def _group(
    path: str, node: dict[str, Any], defs: dict[str, Any], title: str, description: str, required: bool
) -> Field:
    node = _resolve(node, defs)
    needed = set(node.get("required", []))
    children = tuple(
        _field(f"{path}.{name}" if path else name, prop, defs, name in needed)
        for name, prop in node.get("properties", {}).items()
    )
    return Field(path, title, description, "group", required, children=children)


def _field(path: str, prop: dict[str, Any], defs: dict[str, Any], required: bool) -> Field:
    title, description = prop.get("title", path), prop.get("description", "")
    if "oneOf" in prop:
        forms = tuple(
            _group(path, branch, defs, _resolve(branch, defs).get("title", title), "", True) for branch in prop["oneOf"]
        )
        return Field(path, title, description, "forms", required, children=forms)
    branches = [_resolve(b, defs) for b in prop.get("anyOf", [])]
    nullable = any(b.get("type") == "null" for b in branches)
    value = next((b for b in branches if b.get("type") != "null"), None) or _resolve(prop, defs)
    common = {
        "required": required,
        "nullable": nullable,
        "default": prop.get("default"),
        "has_default": "default" in prop,
        "unit": prop.get("eenheid", ""),
        "empty": prop.get("leeg", ""),
        "examples": tuple(prop.get("examples", ())),
    }
    if value.get("type") == "object":
        group = _group(path, value, defs, title, description, required)
        return Field(path, title, description, "group", required, children=group.children)
    if value.get("type") == "array":
        items = _resolve(value.get("items", {}), defs)
        if items.get("type") == "object":  # a list of groups: each row has the item's keys
            row = _group(path, items, defs, title, description, True)
            return Field(path, title, description, "rows", children=row.children, **common)
        return Field(path, title, description, "multi", options=_options(items), **common)
    if "enum" in value:
        return Field(path, title, description, "select", options=_options({**value, **prop}), **common)
    kind = {"boolean": "bool", "integer": "int"}.get(value.get("type", ""))
    if kind is None:
        kind = "date" if value.get("format") == "date" else "text"
    # A date or a word (inwerkingtreding: dag_na_bekendmaking): the words are the options of the date.
    words = prop.get("opties", {})
    consts = tuple((str(b["const"]), str(words.get(b["const"], b["const"]))) for b in branches if "const" in b)
    return Field(
        path,
        title,
        description,
        kind,
        options=consts,
        minimum=value.get("minimum"),
        maximum=value.get("maximum"),
        max_length=value.get("maxLength"),
        **common,
    )


def _options(node: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    words = node.get("opties", {})
    return tuple((str(v), str(words.get(v, v))) for v in node.get("enum", []))


PROVISIONAL = "in_te_vullen"  # its options are keys of the file, not choices


@cache
def _option_values() -> frozenset[str]:
    return frozenset(
        o for f in choice_fields().walk() if f.kind == "multi" and f.key != PROVISIONAL for o, _ in f.options
    )


def conditional(f: Field, values: dict[str, Any]) -> bool:
    """Whether an optional key depends on an earlier answer in its group (`values`): it is named after an
    option (eigen_eisen), or a yes/no opens its group (verlenging.toegestaan)."""
    if not f.nullable or not values:
        return False
    first_key, first_value = next(iter(values.items()))
    return f.key in _option_values() or (isinstance(first_value, bool) and first_key != f.key)


def applies(f: Field, values: dict[str, Any]) -> bool:
    """Whether a key matters with these answers: a dependent key only when its option is chosen or its yes/no is yes."""
    if not conditional(f, values):
        return True
    if f.key in _option_values():
        return any(f.key in v for k, v in values.items() if k != f.key and isinstance(v, list))
    return bool(next(iter(values.values())))
