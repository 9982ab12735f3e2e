"""The shapes of the clause library's data files, and reading them with line numbers.

Every YAML file of the library (chapters, requirements, quality standards, law versions, the front
matter of each article) is validated by a model of its own when the library loads. A mistake is a
clause-library error that names the file, the line and the key, in Dutch.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from verordening.engine import yaml_cache
from verordening.engine.yaml_cache import LazyNode
from verordening.errors import ClauseError

M = TypeVar("M", bound=BaseModel)

_LABEL = r"^[a-z][a-z0-9_]*$"
_ELEMENT = r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*){0,3}$"


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ChapterFile(_File):
    key: str
    title: str = Field(min_length=1)
    vng: str | None = None


class FrontMatter(_File):
    """The metadata at the top of an article template."""

    label: str = Field(pattern=_LABEL)
    title: str = Field(min_length=1)
    chapter: str
    order: int
    basis: str = Field(min_length=1)
    when: str = "true"
    choices: list[str] = []

    @field_validator("chapter", mode="before")
    @classmethod
    def _text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) else value


class AspectFile(_File):
    """One thing the law asks the ordinance to regulate, and the elements that regulate it."""

    wat: str = Field(min_length=1)  # Dutch, completes "de verordening regelt …"
    # "artikel_label", "artikel_label.lid_label", "artikel_label.lid_label.onderdeel_label" (…".sub_label");
    # the aspect is met when at least one of them is present in the assembled ordinance.
    in_: list[str] = Field(alias="in", min_length=1)

    @field_validator("in_")
    @classmethod
    def _elements(cls, value: list[str]) -> list[str]:
        import re

        for element in value:
            if not re.match(_ELEMENT, element):
                raise ValueError(f"'{element}' is geen element (artikel-label, eventueel met .lid, .onderdeel, .sub)")
        return value


class RequirementFile(_File):
    """A requirement of the law on the content of the ordinance (requirements.yaml)."""

    id: str = Field(pattern=r"^\d+[a-z]*(-\d+)?(-[a-z]+)?(-\d+)?$")  # the provision: "8a-2-e-1"
    citation: str
    summary: str
    when: str = "true"  # over `wet`, the facts of the version in force
    aspects: list[AspectFile] = Field(min_length=1)


class KwaliteitseisFile(_File):
    naam: str
    in_zin: str | None = None  # the name within a sentence or a list, when it is not a proper name ("eigen eisen …")
    omschrijving: str
    toelichting: str
    bron: str | None = None


# libyaml when PyYAML has it (its wheels do): the law's text is ~0.3 MB of YAML, read on every start.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


Node = yaml.Node | LazyNode | None


def parse_yaml(text: str) -> tuple[Any, Node]:
    """The data of a YAML text and its node tree (for line numbers; lazy when the data was cached)."""
    return yaml_cache.parse(text, _LOADER.__name__, _parse)


def _parse(text: str) -> tuple[Any, yaml.Node | None]:
    """The data of a YAML text and its node tree, from one parse."""
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node is not None else None), node
    finally:
        loader.dispose()


def read_yaml(path: Path) -> tuple[Any, Node]:
    """The data of a YAML file and its node tree (for line numbers)."""
    try:
        return parse_yaml(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ClauseError(f"{path}: dit bestand van de clausulebibliotheek ontbreekt") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ClauseError(f"{path}: kan het bestand van de clausulebibliotheek niet lezen: {exc}") from None


def line_of(node: Node, loc: tuple[Any, ...]) -> int | None:
    """The line (1-based) of the value at `loc` in a composed YAML tree, or of its nearest parent."""
    node = yaml_cache.tree(node)
    if node is None:
        return None
    for part in loc:
        child = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == str(part)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            child = node.value[part]
        if child is None:
            break
        node = child
    return node.start_mark.line + 1


_MESSAGES = {
    "missing": "de verplichte sleutel ontbreekt",
    "extra_forbidden": "onbekende sleutel",
    "string_type": "verwacht tekst",
    "int_type": "verwacht een geheel getal",
    "int_parsing": "verwacht een geheel getal",
    "bool_type": "verwacht true of false",
    "list_type": "verwacht een lijst",
    "dict_type": "verwacht een groep sleutels",
    "date_type": "verwacht een datum als JJJJ-MM-DD",
    "date_from_datetime_parsing": "verwacht een datum als JJJJ-MM-DD",
    "too_short": "verwacht ten minste één waarde",
    "string_too_short": "verwacht een tekst die niet leeg is",
    "string_pattern_mismatch": "verwacht een label van kleine letters, cijfers en _",
}


def _dotted(loc: tuple[Any, ...]) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")


_UNION_MEMBERS = {"bool": "true of false", "int": "een geheel getal", "str": "tekst"}


def validate(model: type[M], data: Any, path: Path | str, node: Node = None, base: int = 0) -> M:
    """`data` as `model`, or a ClauseError naming file, line and key of every problem."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems: dict[tuple[Any, ...], list[str]] = {}
        for err in exc.errors(include_url=False):
            loc = tuple("in" if p == "in_" else p for p in err["loc"])
            if loc and loc[-1] in _UNION_MEMBERS:  # one error per member of a union: say what each wanted
                problems.setdefault(loc[:-1], []).append(_UNION_MEMBERS[loc[-1]])
                continue
            message = err["msg"].removeprefix("Value error, ") if err["type"] == "value_error" else None
            problems.setdefault(loc, []).append(message or _MESSAGES.get(err["type"], err["msg"]))
        lines = []
        for loc, messages in problems.items():
            line = line_of(node, loc)
            where = f"{path}:{line + base}" if line else str(path)
            if all(m in _UNION_MEMBERS.values() for m in messages):
                messages = [f"verwacht {' of '.join(messages)}"]
            lines.append(f"{where} [{_dotted(loc)}]: {'; '.join(messages)}")
        raise ClauseError("\n".join(lines)) from None


def validate_list(model: type[M], data: Any, path: Path, node: Node) -> list[M]:
    if not isinstance(data, list):
        raise ClauseError(f"{path}: verwacht een lijst (regels die met '- ' beginnen)")
    return [validate(model, item, path, _item(node, i)) for i, item in enumerate(data)]


def _item(node: Node, index: int) -> Node:
    if isinstance(node, LazyNode):
        return node.child(index)
    return node.value[index] if isinstance(node, yaml.SequenceNode) else None
