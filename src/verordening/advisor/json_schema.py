"""The JSON Schema of a choice file, generated from the choice model (never written by hand).

pydantic gives the structure, types, bounds, defaults and the Dutch title and description of
every key. Added here what the model knows elsewhere: the 342 municipality names (CBS list), the
Dutch names of the quality standards (clause library, kwaliteitseisen.yaml) and that a quality
standard is named once. Rules across keys (dates in order, a duration only when extension is
allowed) stay with `verordening check`, which says them in full.

Editors (VS Code with the YAML extension, any yaml-language-server client) read the file named in
the first line of a choice file, `# yaml-language-server: $schema=keuzebestand.schema.json`:
the schema lives beside the choice files it describes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from pydantic.json_schema import GenerateJsonSchema

from verordening.choicefile.municipalities import all_municipalities
from verordening.choicefile.schema import Choices, value_keys
from verordening.engine.library import ClauseLibrary, load_library

FILE_NAME = "keuzebestand.schema.json"
MODELINE = f"# yaml-language-server: $schema={FILE_NAME}"
DIALECT = "https://json-schema.org/draft/2020-12/schema"

TITLE = "Keuzebestand Re-integratieverordening Participatiewet"
DESCRIPTION = (
    "De keuzes van één gemeente in het VNG-model van de Re-integratieverordening Participatiewet. "
    "Dit schema wordt gemaakt met 'verordening schema'; 'verordening check' controleert daarnaast "
    "de samenhang tussen de keuzes (zoals de volgorde van de datums)."
)


class _FactoryDefaults(GenerateJsonSchema):
    """pydantic leaves out the default of a field with a default_factory; the advisor needs it too
    (the proefplaats's uitsluitingsgronden default to both grounds, as the model has them)."""

    def default_schema(self, schema: Any) -> Any:
        factory = schema.get("default_factory")
        if factory is not None and not schema.get("default_factory_takes_data"):
            schema = {k: v for k, v in schema.items() if k != "default_factory"} | {"default": factory()}
        return super().default_schema(schema)


def choice_schema(library: ClauseLibrary | None = None) -> dict[str, Any]:
    """The schema as a JSON object (draft 2020-12)."""
    library = library or load_library()
    schema = Choices.model_json_schema(mode="validation", schema_generator=_FactoryDefaults)
    defs: dict[str, Any] = schema.get("$defs", {})
    for definition in defs.values():  # class docstrings and names are code (English), not for the advisor
        definition.pop("description", None)
        if " " not in definition.get("title", " "):  # a class name; a Dutch title (model_config) stays
            definition.pop("title", None)
    names = {str(code): str(entry.get("naam", code)) for code, entry in library.kwaliteitseisen.items()}
    for node in list(_nodes(schema)):
        _enrich(node, defs, names)
    properties = schema["properties"]
    properties["gemeente"]["enum"] = [m.naam for m in all_municipalities()]
    properties["in_te_vullen"]["items"]["enum"] = sorted(value_keys() - {"in_te_vullen"})
    for branch in properties["clientenraad"].get("oneOf", []):
        _title_branch(branch, defs)
    return {"$schema": DIALECT, "title": TITLE, "description": DESCRIPTION, **_without(schema, "title", "description")}


def schema_bytes(library: ClauseLibrary | None = None) -> bytes:
    """The schema file as `verordening schema` writes it: UTF-8 JSON, stable key order."""
    return (json.dumps(choice_schema(library), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _without(mapping: Mapping[str, Any], *keys: str) -> dict[str, Any]:
    return {k: v for k, v in mapping.items() if k not in keys}


def _nodes(node: Any) -> Iterator[dict[str, Any]]:
    """Every schema object within `node`, depth first."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _nodes(value)


def _enrich(node: dict[str, Any], defs: dict[str, Any], names: Mapping[str, str]) -> None:
    """Dutch words for enumerated options (VS Code shows enumDescriptions), and each standard once."""
    if _is_standards(node, names):
        node["opties"] = {code: names[code] for code in node["enum"]}
    if "opties" in node and "enum" in node:
        words = [node["opties"].get(value, str(value)) for value in node["enum"]]
        node["enumDescriptions"] = words
        node["markdownEnumDescriptions"] = words
    if node.get("type") == "string" and node.get("minLength") and "enum" not in node and "format" not in node:
        node["pattern"] = r"\S"  # free text is folded to one line (fields.one_line): spaces alone are no text
    items = node.get("items")
    if node.get("type") == "array" and isinstance(items, dict):
        target = defs.get(str(items.get("$ref", "")).rsplit("/", 1)[-1], items)
        if _is_standards(target, names):
            node["uniqueItems"] = True  # Jobcoaching._no_duplicates


def _is_standards(node: Mapping[str, Any], names: Mapping[str, str]) -> bool:
    """The enumeration of the quality standards: the options the clause library names."""
    values = [str(v) for v in node.get("enum", [])]
    return bool(values) and set(values) <= set(names)


def _title_branch(branch: dict[str, Any], defs: dict[str, Any]) -> None:
    """A form of the cliëntenraad choice carries the Dutch title its model gives it."""
    definition = defs.get(str(branch.get("$ref", "")).rsplit("/", 1)[-1], {})
    if "title" in definition:
        branch["title"] = definition["title"]
