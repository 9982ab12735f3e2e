"""The JSON Schema of the choice file: generated from the model, complete in Dutch, and in agreement with
`verordening check` on the examples and on the corpus of bad and hostile files.

Validated with the `jsonschema` library (the reference validator for Python, draft 2020-12 with format
checks), and once with the real yaml-language-server, the engine of VS Code's YAML extension.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from pydantic import BaseModel, ValidationError
from typer.testing import CliRunner

from verordening.advisor.json_schema import FILE_NAME, MODELINE, choice_schema, schema_bytes
from verordening.choicefile.keys import field_at, models_in
from verordening.choicefile.schema import Choices
from verordening.choicefile.source import parse_yaml, read_text
from verordening.cli.app import app
from verordening.errors import VerordeningError

from . import lsp_client
from .conftest import EXAMPLES, ROOT

CORPUS = sorted((ROOT / "tests" / "bad_inputs").glob("*.yaml"))
COMMITTED = ROOT / "municipalities" / FILE_NAME
SCHEMA = choice_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def as_json(value: Any) -> Any:
    """What the file holds as JSON sees it: dates as the ISO text an editor reads (YAML 1.2)."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, dt.date):  # also datetime: "2023-07-01T10:00:00" is no date
        return value.isoformat()
    return value


def read(path: Path) -> Any:
    """The data of a choice file as `check` reads it; None when the YAML itself is refused (no schema can see that)."""
    try:
        data, _, problems = parse_yaml(read_text(path), str(path))
    except VerordeningError:
        return None
    return None if problems else ("data", data)


def schema_errors(data: Any) -> list[str]:
    return [f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(as_json(data))]


# What a schema can know: types, bounds, options, required and unknown keys, the CBS name and a standard
# named twice. What only `check` knows: rules across keys ("samenhang"), text with invisible characters,
# implausible dates and a peildatum before Breed offensief (value errors of the model's own validators).
_KNOWABLE_VALUE_ERRORS = {("gemeente",), ("jobcoaching", "kwaliteitseisen")}


def knowable(error: dict[str, Any]) -> bool:
    if error["type"] == "samenhang":
        return False
    given = error.get("input")
    if error["type"] == "int_type" and isinstance(given, float) and given.is_integer():
        return False  # 24.0: JSON Schema counts it as an integer; check asks for 24
    if error["type"] == "string_type" and isinstance(given, dt.date):
        return False  # a bare 2023-01-01 is a date to check (YAML 1.1) and text to an editor (YAML 1.2)
    return error["type"] != "value_error" or tuple(error["loc"]) in _KNOWABLE_VALUE_ERRORS


def model_errors(data: Any) -> list[dict[str, Any]]:
    if not isinstance(data, dict):
        return [{"type": "dict_type", "loc": ()}]
    try:
        Choices.model_validate(data)
    except ValidationError as exc:
        return exc.errors(include_url=False)
    return []


def test_every_key_of_the_model_has_a_dutch_title_and_description_in_the_schema():
    def model_paths(model: type[BaseModel], prefix: str = "") -> set[str]:
        out = set()
        for name, field in model.model_fields.items():
            out.add(prefix + name)
            for sub in models_in(field.annotation):
                out |= model_paths(sub, f"{prefix}{name}.")
        return out

    def schema_paths(node: dict[str, Any], prefix: str = "") -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        items = [node["items"]] if isinstance(node.get("items"), dict) else []  # a list of groups (regimes)
        for branch in [node, *node.get("oneOf", []), *node.get("anyOf", []), *items]:
            if "$ref" in branch:
                branch = SCHEMA["$defs"][branch["$ref"].rsplit("/", 1)[-1]]
            for name, prop in branch.get("properties", {}).items():
                out[prefix + name] = prop
                out |= schema_paths(prop, f"{prefix}{name}.")
        return out

    found = schema_paths(SCHEMA)
    assert set(found) == model_paths(Choices)
    for path, prop in found.items():
        assert prop.get("title") and prop.get("description"), f"{path}: geen Nederlandse titel of uitleg"
        field = field_at(path)  # the words written once on the model, not a class docstring
        assert (prop["title"], prop["description"]) == (field.title, field.description), path


def test_the_schema_carries_the_options_in_dutch_and_the_dates_as_dates():
    props = SCHEMA["properties"]
    assert len(props["gemeente"]["enum"]) == 342 and "'s-Hertogenbosch" in props["gemeente"]["enum"]
    standards = SCHEMA["$defs"]["Kwaliteitseis"]
    assert standards["opties"]["oval_keurmerk"] == "OVAL-keurmerk"
    assert standards["enumDescriptions"][standards["enum"].index("uwv_erkenningskader")] == "UWV-erkenning"
    # A date, or the day after publication (fields.EntryIntoForce)
    assert props["inwerkingtreding"]["anyOf"] == [
        {"format": "date", "type": "string"},
        {"const": "dag_na_bekendmaking", "type": "string"},
    ]
    assert props["terugwerkende_kracht_tot"]["anyOf"][0]["format"] == "date"
    assert props["wet"]["default"] == {"peildatum": None}
    assert props["inwerkingtreding"]["examples"] == ["2023-07-01", "dag_na_bekendmaking"]
    jobcoaching = SCHEMA["$defs"]["Jobcoaching"]["properties"]
    assert {"default": 24, "minimum": 1, "maximum": 120}.items() <= jobcoaching["maximale_duur_maanden"].items()
    assert jobcoaching["aanbieder"]["enumDescriptions"][0] == "externe jobcoachorganisaties"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_validate_and_name_the_schema_in_their_first_line(path: Path):
    assert path.read_text(encoding="utf-8").splitlines()[0] == MODELINE
    _, data = read(path)
    assert schema_errors(data) == []


def test_the_schema_beside_the_examples_is_the_generated_one():
    if os.environ.get("UPDATE_GOLDEN"):
        COMMITTED.write_bytes(schema_bytes())
    assert COMMITTED.read_bytes() == schema_bytes(), (
        f"{COMMITTED.name} is verouderd: maak het opnieuw met UPDATE_GOLDEN=1 python -m pytest {__file__}"
    )


@pytest.mark.parametrize("case", CORPUS, ids=lambda p: p.stem)
def test_schema_rejects_what_it_can_know_and_leaves_the_rest_to_check(case: Path):
    read_back = read(case)
    if read_back is None:
        pytest.skip("de YAML zelf wordt geweigerd; dat ziet de editor als syntaxfout, niet via het schema")
    data = read_back[1]
    errors = model_errors(data)
    assert errors, "een bestand uit bad_inputs moet door check worden geweigerd"
    if any(knowable(e) for e in errors):
        assert schema_errors(data), f"het schema accepteert {case.name}, check niet: {errors}"
    else:
        assert schema_errors(data) == [], "alleen check kent deze regel; het schema mag het bestand niet weigeren"


def hostile_files(tmp: Path) -> list[Path]:
    """The choice files of the hostile corpus (tests/hostile/choicefiles.py), when it is there."""
    try:
        from .hostile import choicefiles
    except ImportError:
        return []
    files = []
    for n, case in enumerate(choicefiles.cases()):
        folder = tmp / str(n)
        folder.mkdir()
        case.prepare(folder)
        files += [p for p in folder.iterdir() if p.suffix == ".yaml"]
    return files


def test_schema_agrees_with_check_on_the_hostile_corpus(tmp_path: Path):
    files = hostile_files(tmp_path)
    if not files:
        pytest.skip("tests/hostile/choicefiles.py is er (nog) niet")
    disagreements = []
    for path in files:
        read_back = read(path)
        if read_back is None:
            continue
        data = read_back[1]
        errors, found = model_errors(data), schema_errors(data)
        if any(knowable(e) for e in errors) and not found:
            disagreements.append(f"{path}: check weigert, schema niet: {errors}")
        if not errors and found and not _only_spelling_of_the_municipality(data, found):
            disagreements.append(f"{path}: schema weigert een geldig bestand: {found}")
    assert not disagreements, "\n".join(disagreements[:20])


def _only_spelling_of_the_municipality(data: dict[str, Any], found: list[str]) -> bool:
    """The schema asks for the name as the CBS list writes it ("Nijkerk"); check also takes "nijkerk"."""
    return (
        all(f.startswith("gemeente:") for f in found) and data.get("gemeente") != Choices.model_validate(data).gemeente
    )


def test_synthetic_files_validate(tmp_path: Path):
    from verordening.runs.synthetic import generate

    for path in generate(tmp_path / "synth", 7, force=False)[:60]:
        _, data = read(path)
        assert schema_errors(data) == [], path.name


def test_cli_prints_and_writes_the_schema(tmp_path: Path):
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0 and json.loads(result.stdout)["title"].startswith("Keuzebestand")
    out = tmp_path / FILE_NAME
    assert CliRunner().invoke(app, ["schema", "--out", str(out)]).exit_code == 0
    assert out.read_bytes() == schema_bytes()
    out.write_text("{}", encoding="utf-8")  # edited by hand: not overwritten without --force
    refused = CliRunner().invoke(app, ["schema", "--out", str(out)])
    assert refused.exit_code == 3 and out.read_text(encoding="utf-8") == "{}"


# What yaml-language-server does not check although the schema says it: `check` reports it, with the line.
EDITOR_LIMITS = {"date_impossible": "format 'date' is checked as a pattern, so 2023-02-30 passes"}


@pytest.mark.skipif(lsp_client.server_command() is None, reason="yaml-language-server (npm) of node ontbreekt")
def test_yaml_language_server_reads_the_schema_from_the_first_line(tmp_path: Path):
    (tmp_path / FILE_NAME).write_bytes(schema_bytes())
    good = []
    for path in EXAMPLES:
        shutil.copy(path, tmp_path / path.name)
        good.append(tmp_path / path.name)
    bad, kinds = [], set()
    for case in CORPUS:  # one bad file for each kind of rule the schema states (type, enum, required, ...)
        read_back = read(case)
        if read_back is None or not isinstance(read_back[1], dict):
            continue  # refused as YAML, or not a mapping: nothing the schema decides
        kind = frozenset(e.validator for e in VALIDATOR.iter_errors(as_json(read_back[1])))
        if not kind or kind in kinds:
            continue
        kinds.add(kind)
        target = tmp_path / case.name
        target.write_text(MODELINE + "\n" + case.read_text(encoding="utf-8"), encoding="utf-8")
        bad.append(target)
    found = lsp_client.diagnostics(good + bad)
    for path in good:
        assert found.get(path) == [], (path.name, found.get(path))
    missed = [p.stem for p in bad if not any(d.get("severity") == 1 for d in found.get(p, []))]
    assert set(missed) <= set(EDITOR_LIMITS), f"yaml-language-server ziet geen fout in: {missed}"
    [typo] = [d for d in found[tmp_path / "aanbieder_typo.yaml"] if d.get("severity") == 1]
    assert typo["source"] == "yaml-schema: uitvoering van jobcoaching" and '"extern"' in typo["message"]
