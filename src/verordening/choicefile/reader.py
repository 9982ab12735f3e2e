"""Read a choice file: YAML with line numbers -> validated Choices, or every problem at once."""

from __future__ import annotations

import datetime as dt
import difflib
import typing
from functools import cache
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import PydanticCustomError

from verordening.choicefile.schema import Choices
from verordening.errors import ChoiceFileError, Problem

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


def _construct(
    node: yaml.Node, loader: yaml.SafeLoader, pos: _Positions, path: tuple[Any, ...], problems: list[Problem], file: str
) -> Any:
    pos.lines.setdefault(path, node.start_mark.line + 1)
    if len(path) > MAX_DEPTH:
        raise _Fatal(
            Problem(
                file,
                node.start_mark.line + 1,
                _dotted(path),
                f"de structuur is dieper genest dan {MAX_DEPTH} niveaus; een keuzebestand is veel vlakker",
            )
        )
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _PLAIN_TAGS:
        raise _Fatal(
            Problem(
                file,
                node.start_mark.line + 1,
                _dotted(path),
                f"dit is geen geldige YAML: {_YAML_PHRASES['could not determine a constructor for the tag']}",
            )
        )
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int)):
                problems.append(
                    Problem(
                        file,
                        key_node.start_mark.line + 1,
                        _dotted(path),
                        f"verwacht een sleutel (een naam gevolgd door een dubbele punt), gegeven: {_shown(key)}",
                    )
                )
                continue
            key = str(key)
            if key in result:
                problems.append(
                    Problem(
                        file,
                        key_node.start_mark.line + 1,
                        _dotted(path + (key,)),
                        f"de sleutel '{key}' staat twee keer in het bestand (eerder op regel {pos.lines[path + (key,)]})",
                    )
                )
                continue
            pos.lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = _construct(value_node, loader, pos, path + (key,), problems, file)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(item, loader, pos, path + (i,), problems, file) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


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
            raise yaml.MarkedYAMLError(
                None,
                None,
                "verwijzingen (YAML-aliassen zoals *naam) zijn in een keuzebestand niet toegestaan",
                event.start_mark,
            )
        return super().compose_node(parent, index)


def parse_yaml(text: str, file: str) -> tuple[Any, _Positions, list[Problem]]:
    pos = _Positions()
    problems: list[Problem] = []
    try:
        loader = _NoAliasLoader(text)
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        raise ChoiceFileError(
            [
                Problem(
                    file,
                    line,
                    "",
                    f"dit is geen geldige YAML: een teken dat in YAML niet is toegestaan (stuurteken {exc.character:#06x})",
                )
            ]
        ) from None
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
    except UnicodeEncodeError:  # lone surrogates cannot come from a UTF-8 file, but be safe
        raise ChoiceFileError(
            [Problem(file, None, "", "het bestand bevat ongeldige tekens; sla het op als UTF-8")]
        ) from None
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
    "verwijzingen (YAML-aliassen": "verwijzingen (YAML-aliassen",
    "expected ',' or ']'": "een lijst tussen [ en ] is niet gesloten of mist een komma",
    "expected ',' or '}'": "een groep tussen { en } is niet gesloten of mist een komma",
    "did not find expected key": "de inspringing klopt niet of een sleutel ontbreekt",
    "did not find expected '-' indicator": "de inspringing klopt niet (een lijstregel hoort met '- ' te beginnen)",
    "did not find expected node content": "een waarde ontbreekt of begint met een teken dat daar niet kan",
    "found a tab character": "een tab-teken; gebruik spaties om in te springen",
    "found character": "een waarde begint met een teken dat daar niet kan; zet de tekst tussen aanhalingstekens",
    "expected alphabetic or numeric character": "een * of & zonder naam erachter; zet de tekst tussen aanhalingstekens",
    "found unknown escape character": "een onbekende escape-reeks in tekst tussen dubbele aanhalingstekens",
    "could not determine a constructor for the tag": "een YAML-tag (zoals !!python/…) is in een keuzebestand niet toegestaan",
    "but found another document": "het bestand bevat meer dan één YAML-document (een tweede '---'); een keuzebestand is één document",
    "expected a single document in the stream": "het bestand bevat meer dan één YAML-document (een tweede '---'); een keuzebestand is één document",
    "found unacceptable character": "een teken dat in YAML niet is toegestaan (bijvoorbeeld een stuurteken)",
    "while scanning a quoted scalar": "een aanhalingsteken is niet gesloten",
    "while scanning a simple key": "een dubbele punt ontbreekt na een sleutel",
    "found duplicate anchor": "een YAML-anker (&naam) staat twee keer in het bestand",
}


def _dutch_yaml(reason: str) -> str:
    for english, dutch in _YAML_PHRASES.items():
        if reason.startswith(english):
            return reason if english == dutch else dutch
    return f"de YAML-lezer meldt: {reason}"


def read_text(path: Path) -> str:
    file = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ChoiceFileError([Problem(file, None, "", "het bestand bestaat niet")]) from None
    except IsADirectoryError:
        raise ChoiceFileError([Problem(file, None, "", "dit is een map, geen keuzebestand")]) from None
    except OSError as exc:
        raise ChoiceFileError(
            [Problem(file, None, "", f"het bestand kan niet worden gelezen ({exc.strerror})")]
        ) from None
    if len(raw) > MAX_BYTES:
        raise ChoiceFileError(
            [
                Problem(
                    file,
                    None,
                    "",
                    f"het bestand is {len(raw) // 1024} KiB groot; een keuzebestand is hooguit {MAX_BYTES // 1024} KiB",
                )
            ]
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ChoiceFileError(
            [
                Problem(
                    file, None, "", "het bestand is in UTF-16 gecodeerd (in Kladblok: 'Unicode'); sla het op als UTF-8"
                )
            ]
        )
    if b"\x00" in raw:
        raise ChoiceFileError(
            [
                Problem(
                    file,
                    raw[: raw.index(b"\x00")].count(b"\n") + 1,
                    "",
                    "het bestand bevat binaire gegevens; verwacht een tekstbestand (YAML)",
                )
            ]
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ChoiceFileError(
            [Problem(file, line, "", "het bestand is niet in UTF-8 gecodeerd; sla het op als UTF-8")]
        ) from None


def load_choices(path: Path | str) -> Choices:
    """Load and validate one choice file; raise ChoiceFileError with every problem found."""
    path = Path(path)
    file = str(path)
    data, pos, problems = parse_yaml(read_text(path), file)
    if not isinstance(data, dict):
        given = "een leeg bestand" if data is None else _shown(data)
        raise ChoiceFileError(
            problems
            + [
                Problem(
                    file, pos.line(()), "", f"verwacht sleutels zoals 'gemeente:' en 'jaar:' bovenaan, gegeven: {given}"
                )
            ]
        )
    try:
        choices = Choices.model_validate(data)
    except ValidationError as exc:
        errors = _without_echoes(exc.errors(include_url=False) + cross_checks(Choices, data)[1])
        for problem in (_problem(err, file, pos) for err in errors):
            if problem not in problems:
                problems.append(problem)
        problems.sort(key=lambda p: (p.line or 0, p.path))
        raise ChoiceFileError(problems) from None
    if problems:
        raise ChoiceFileError(problems)
    return choices


# pydantic skips a model's own (cross-field) validators when one of its fields is invalid, so a
# file with a wrong type and dates out of order would report only the first. This second pass
# validates each field on its own and runs the model validators over the fields that are valid.


@cache
def _adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    field = model.model_fields[name]
    return TypeAdapter(Annotated[field.annotation, field])


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    if typing.get_origin(annotation) is Annotated:
        return _models_in(typing.get_args(annotation)[0])
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


def _submodel(annotation: Any, value: Any) -> type[BaseModel] | None:
    """The model a mapping was meant for (for a union: the one sharing most keys)."""
    models = _models_in(annotation)
    if not models or not isinstance(value, dict):
        return None
    return max(models, key=lambda m: len(set(value) & set(m.model_fields)))


def cross_checks(
    model: type[BaseModel], data: Any, loc: tuple[Any, ...] = ()
) -> tuple[BaseModel | None, list[dict[str, Any]]]:
    """(partial instance holding only the valid fields, errors of validators pydantic skipped)."""
    if not isinstance(data, dict):
        return None, []
    values: dict[str, Any] = {}
    failed: list[str] = []
    errors: list[dict[str, Any]] = []
    for name, field in model.model_fields.items():
        if name not in data:
            if field.is_required():
                failed.append(name)
            continue
        try:
            values[name] = _adapter(model, name).validate_python(data[name])
        except ValidationError:
            failed.append(name)
            sub = _submodel(field.annotation, data[name])
            if sub is not None:
                partial, sub_errors = cross_checks(sub, data[name], loc + (name,))
                errors += sub_errors
                values[name] = partial
    instance = model.model_construct(**{k: v for k, v in values.items() if v is not None or k not in failed})
    for name in failed:
        if name not in values:
            instance.__dict__.pop(name, None)
    if not failed:
        return instance, errors  # its validators already ran in the first pass
    for decorator in model.__pydantic_decorators__.model_validators.values():
        if decorator.info.mode != "after":
            continue
        try:
            decorator.func(instance)
        except PydanticCustomError as exc:
            errors.append({"type": exc.type, "loc": loc, "msg": exc.message(), "ctx": exc.context or {}, "input": None})
        except (ValueError, AssertionError) as exc:
            errors.append({"type": "value_error", "loc": loc, "msg": str(exc), "ctx": {"error": exc}, "input": None})
        except (AttributeError, TypeError):
            pass  # the check needs a field that is itself invalid (already reported)
    return instance, errors


def _without_echoes(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop 'key X is missing' when a misspelt key beside it already says 'did you mean X?'."""
    typos = set()
    for err in errors:
        if err["type"] == "extra_forbidden":
            loc = tuple(p for p in err["loc"] if p not in _UNION_TAGS)
            for close in difflib.get_close_matches(str(loc[-1]), _allowed_keys(loc[:-1]), n=1):
                typos.add(loc[:-1] + (close,))
    return [
        e
        for e in errors
        if not (e["type"] == "missing" and tuple(p for p in e["loc"] if p not in _UNION_TAGS) in typos)
    ]


# pydantic loc entries that name a union branch rather than a key of the file
_UNION_TAGS = {"met_advies", "zonder_advies"}


def _problem(err: dict[str, Any], file: str, pos: _Positions) -> Problem:
    loc = tuple(part for part in err["loc"] if part not in _UNION_TAGS)
    key = (err.get("ctx") or {}).get("sleutel")
    if key:  # a cross-field error names the key it is about (choices._conflict)
        loc += tuple(key.split("."))
    return Problem(file, pos.line(loc), _dotted(loc), _message(err, loc))


def _message(err: dict[str, Any], loc: tuple[Any, ...]) -> str:
    kind, ctx, given = err["type"], err.get("ctx") or {}, err.get("input")
    shown = _shown(given)
    if kind == "missing":
        expected = _expected(loc)
        return f"de verplichte sleutel '{loc[-1]}' ontbreekt" + (f"; verwacht {expected}" if expected else "")
    if kind == "extra_forbidden":
        allowed = _allowed_keys(loc[:-1])
        if loc[-1] in allowed:  # a key of the other branch of the cliëntenraad choice
            return f"de sleutel '{loc[-1]}' gaat niet samen met de andere sleutels hier; verwacht óf 'advies_gevraagd' (met 'advies_ontvangen') óf 'afgezien' met de reden, niet allebei"
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = (
            f"; bedoelt u '{close[0]}'?" if close else (f"; toegestaan zijn: {', '.join(allowed)}" if allowed else "")
        )
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
    if kind in ("enum", "literal_error"):
        options = str(ctx.get("expected", "")).replace("'", "").replace(" or ", " of ")
        close = difflib.get_close_matches(
            str(given), [o.strip() for o in options.replace(" of ", ", ").split(",")], n=1
        )
        hint = f"; bedoelt u '{close[0]}'?" if close and isinstance(given, str) else ""
        return f"verwacht een van: {options}, gegeven: {shown}{hint}"
    if kind in ("string_type",):
        quote = "; zet de tekst tussen aanhalingstekens" if isinstance(given, (bool, int, float, dt.date)) else ""
        return f"verwacht tekst, gegeven: {shown}{quote}"
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
    if kind in ("value_error", "samenhang"):
        return str(ctx.get("error", err["msg"])) if kind == "value_error" else err["msg"]
    if kind in ("float_parsing", "float_type", "decimal_parsing"):
        return f"verwacht een getal, gegeven: {shown}"
    return f"de waarde is ongeldig, gegeven: {shown}"


def _shown(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return "een groep sleutels" if isinstance(value, dict) else "een lijst"
    if isinstance(value, (dt.date,)):
        return value.isoformat()
    if value is None:
        return "niets (leeg)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, bytes):
        return "binaire gegevens"
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


_EXPECTED = {
    str: "tekst",
    int: "een geheel getal",
    bool: "true of false",
    dt.date: "een datum als JJJJ-MM-DD (bijvoorbeeld 2023-07-01)",
}


def _expected(loc: tuple[Any, ...]) -> str:
    """What the key at `loc` holds, in words ("" if unknown)."""
    if loc == ("clientenraad",):
        return "'advies_gevraagd' (met 'advies_ontvangen') of 'afgezien' met de reden"
    model = _model_at(loc[:-1])
    field = model.model_fields.get(str(loc[-1])) if model else None
    if field is None:
        return ""
    if _models_in(field.annotation):
        return "een groep sleutels (ingesprongen regels 'sleutel: waarde')"
    for kind, words in _EXPECTED.items():
        if field.annotation is kind:
            return words
    return ""


def _field_info(loc: tuple[Any, ...]) -> str:
    if loc and str(loc[-1]).endswith("maanden"):
        return "een aantal maanden van 1 tot en met 120"
    if loc and loc[-1] == "jaar":
        return "een jaartal van 2023 tot en met 2100"
    return "een waarde binnen het toegestane bereik"
