"""Read a choice file: YAML with line numbers -> validated Choices, or every problem at once."""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .choices import Choices
from .errors import ChoiceFileError, Problem

MAX_BYTES = 256 * 1024  # a choice file is a page of YAML; anything larger is a mistake
MAX_DEPTH = 12


class _Positions:
    """Key path -> line number (1-based) of the value or key in the YAML source."""

    def __init__(self) -> None:
        self.lines: dict[tuple[Any, ...], int] = {}

    def line(self, loc: tuple[Any, ...]) -> int | None:
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get(())


def _construct(node: yaml.Node, loader: yaml.SafeLoader, pos: _Positions, path: tuple[Any, ...], problems: list[Problem], file: str) -> Any:
    pos.lines.setdefault(path, node.start_mark.line + 1)
    if len(path) > MAX_DEPTH:
        raise _Fatal(Problem(file, node.start_mark.line + 1, _dotted(path), f"de structuur is dieper genest dan {MAX_DEPTH} niveaus; een keuzebestand is veel vlakker"))
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int)):
                problems.append(Problem(file, key_node.start_mark.line + 1, _dotted(path), f"een sleutel moet tekst zijn, gegeven: {key!r}"))
                continue
            key = str(key)
            if key in result:
                problems.append(Problem(file, key_node.start_mark.line + 1, _dotted(path + (key,)),
                                        f"de sleutel '{key}' staat twee keer in het bestand (eerder op regel {pos.lines[path + (key,)]})"))
                continue
            pos.lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = _construct(value_node, loader, pos, path + (key,), problems, file)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item, loader, pos, path + (i,), problems, file) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


class _Fatal(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


def _dotted(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class _NoAliasLoader(yaml.SafeLoader):
    """Anchors and aliases are refused: they are never needed in a choice file and enable alias bombs."""

    def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(None, None, "verwijzingen (YAML-aliassen zoals *naam) zijn in een keuzebestand niet toegestaan", event.start_mark)
        return super().compose_node(parent, index)


def parse_yaml(text: str, file: str) -> tuple[Any, _Positions, list[Problem]]:
    pos = _Positions()
    problems: list[Problem] = []
    loader = _NoAliasLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, pos, problems
        return _construct(node, loader, pos, (), problems, file), pos, problems
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        reason = exc.problem or exc.context or "onleesbare YAML"
        raise ChoiceFileError([Problem(file, line, "", f"dit is geen geldige YAML: {_dutch_yaml(reason)}")]) from None
    except yaml.YAMLError as exc:
        raise ChoiceFileError([Problem(file, None, "", f"dit is geen geldige YAML: {exc}")]) from None
    except RecursionError:
        raise ChoiceFileError([Problem(file, None, "", "de structuur is te diep genest om te lezen")]) from None
    except _Fatal as exc:
        raise ChoiceFileError([exc.problem]) from None
    finally:
        loader.dispose()


_YAML_PHRASES = {
    "mapping values are not allowed here": "een dubbele punt staat op een plek waar geen sleutel kan beginnen (controleer inspringing en aanhalingstekens)",
    "could not find expected ':'": "een dubbele punt ontbreekt na een sleutel",
    "found character '\\t' that cannot start any token": "een tab-teken; gebruik spaties om in te springen",
    "expected <block end>, but found": "de inspringing klopt niet",
    "found undefined tag handle": "onbekende YAML-tag",
    "found unexpected end of stream": "het bestand houdt onverwacht op (een aanhalingsteken of haakje is niet gesloten)",
    "found unknown escape character": "een onbekende escape-reeks in tekst tussen dubbele aanhalingstekens",
}


def _dutch_yaml(reason: str) -> str:
    for english, dutch in _YAML_PHRASES.items():
        if reason.startswith(english):
            return dutch
    return reason


def read_text(path: Path) -> str:
    file = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ChoiceFileError([Problem(file, None, "", "het bestand bestaat niet")]) from None
    except IsADirectoryError:
        raise ChoiceFileError([Problem(file, None, "", "dit is een map, geen keuzebestand")]) from None
    except OSError as exc:
        raise ChoiceFileError([Problem(file, None, "", f"het bestand kan niet worden gelezen ({exc.strerror})")]) from None
    if len(raw) > MAX_BYTES:
        raise ChoiceFileError([Problem(file, None, "", f"het bestand is {len(raw) // 1024} KiB groot; een keuzebestand is hooguit {MAX_BYTES // 1024} KiB")])
    if b"\x00" in raw:
        raise ChoiceFileError([Problem(file, raw[: raw.index(b'\x00')].count(b"\n") + 1, "", "het bestand bevat binaire gegevens; verwacht een tekstbestand (YAML)")])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ChoiceFileError([Problem(file, line, "", "het bestand is niet in UTF-8 gecodeerd; sla het op als UTF-8")]) from None


def load_choices(path: Path | str) -> Choices:
    """Load and validate one choice file; raise ChoiceFileError with every problem found."""
    path = Path(path)
    file = str(path)
    data, pos, problems = parse_yaml(read_text(path), file)
    if not isinstance(data, dict):
        given = "een leeg bestand" if data is None else f"{type(data).__name__}"
        raise ChoiceFileError(problems + [Problem(file, pos.line(()), "", f"verwacht sleutels zoals 'gemeente:' en 'jaar:' bovenaan, gegeven: {given}")])
    try:
        choices = Choices.model_validate(data)
    except ValidationError as exc:
        problems += [_problem(err, file, pos) for err in exc.errors(include_url=False)]
        problems.sort(key=lambda p: (p.line or 0, p.path))
        raise ChoiceFileError(problems) from None
    if problems:
        raise ChoiceFileError(problems)
    return choices


# pydantic loc entries that name a union branch rather than a key of the file
_UNION_TAGS = {"met_advies", "zonder_advies"}


def _problem(err: dict[str, Any], file: str, pos: _Positions) -> Problem:
    loc = tuple(part for part in err["loc"] if part not in _UNION_TAGS)
    return Problem(file, pos.line(loc), _dotted(loc), _message(err, loc))


def _message(err: dict[str, Any], loc: tuple[Any, ...]) -> str:
    kind, ctx, given = err["type"], err.get("ctx") or {}, err.get("input")
    shown = _shown(given)
    if kind == "missing":
        return f"de verplichte sleutel '{loc[-1]}' ontbreekt"
    if kind == "extra_forbidden":
        allowed = _allowed_keys(loc[:-1])
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f"; bedoelt u '{close[0]}'?" if close else (f"; toegestaan zijn: {', '.join(allowed)}" if allowed else "")
        return f"onbekende sleutel '{loc[-1]}'{hint}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"verwacht een geheel getal, gegeven: {shown}"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        field = _field_info(loc)
        return f"verwacht {field}, gegeven: {shown}"
    if kind in ("bool_parsing", "bool_type"):
        return f"verwacht true of false, gegeven: {shown}"
    if kind in ("date_parsing", "date_type", "date_from_datetime_parsing", "date_from_datetime_inexact"):
        return f"verwacht een datum als JJJJ-MM-DD (bijvoorbeeld 2023-07-01), gegeven: {shown}"
    if kind == "enum":
        return f"verwacht een van: {ctx.get('expected', '')}, gegeven: {shown}".replace("'", "")
    if kind == "literal_error":
        return f"verwacht een van: {ctx.get('expected', '')}, gegeven: {shown}".replace("'", "")
    if kind in ("string_type",):
        return f"verwacht tekst, gegeven: {shown}"
    if kind == "string_too_short":
        return "verwacht tekst, gegeven: een lege waarde"
    if kind == "string_too_long":
        return f"de tekst is te lang: hooguit {ctx.get('max_length')} tekens, gegeven: {len(given)} tekens"
    if kind in ("list_type",):
        return f"verwacht een lijst (regels die met '- ' beginnen), gegeven: {shown}"
    if kind == "too_long":
        return f"de lijst is te lang: hooguit {ctx.get('max_length')} elementen"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"verwacht een groep sleutels (ingesprongen regels 'sleutel: waarde'), gegeven: {shown}"
    if kind == "union_tag_invalid" or kind == "union_tag_not_found":
        return "verwacht óf 'advies_gevraagd' (met 'advies_ontvangen') óf 'afgezien' met de reden"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    return f"{err['msg']}, gegeven: {shown}"


def _shown(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return "een groep sleutels" if isinstance(value, dict) else "een lijst"
    if isinstance(value, (dt.date,)):
        return value.isoformat()
    if value is None:
        return "niets (leeg)"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _model_at(loc: tuple[Any, ...]) -> type[BaseModel] | None:
    model: Any = Choices
    for part in loc:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part) if isinstance(model, type) and issubclass(model, BaseModel) else None
        if field is None:
            return None
        annotation = field.annotation
        candidates = getattr(annotation, "__args__", (annotation,))
        model = next((c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)), None)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _allowed_keys(loc: tuple[Any, ...]) -> list[str]:
    if loc and loc[-1] == "clientenraad" or loc == ("clientenraad",):
        return ["advies_gevraagd", "advies_ontvangen", "naam", "afgezien"]
    model = _model_at(loc)
    return list(model.model_fields) if model else []


def _field_info(loc: tuple[Any, ...]) -> str:
    if loc and str(loc[-1]).endswith("maanden"):
        return "een aantal maanden van 1 tot en met 120"
    if loc and loc[-1] == "jaar":
        return "een jaartal van 2023 tot en met 2100"
    return "een waarde binnen het toegestane bereik"
