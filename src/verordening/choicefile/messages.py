"""Dutch wording of choice-file problems: what was expected at a key, and what was given.

pydantic reports errors by type; each becomes one Dutch sentence. Values are echoed as the
advisor typed them (`012`, `yes`), not as YAML converted them (10, True).
"""

from __future__ import annotations

import datetime as dt
import difflib
import typing
from typing import Annotated, Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from verordening.choicefile.fields import DAG_NA_BEKENDMAKING
from verordening.choicefile.keys import field_at, title_at
from verordening.choicefile.schema import Choices
from verordening.errors import Problem


def dotted(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    if typing.get_origin(annotation) is Annotated:
        return models_in(typing.get_args(annotation)[0])
    return [m for arg in typing.get_args(annotation) for m in models_in(arg)]


def without_echoes(errors: list[dict[str, Any]]) -> list[dict[str, Any]]:
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


def problem(err: dict[str, Any], file: str, lines: Any, raw: dict[tuple[Any, ...], str]) -> Problem:
    loc = tuple(part for part in err["loc"] if part not in _UNION_TAGS)
    key = (err.get("ctx") or {}).get("sleutel")
    if key:  # a cross-field error names the key it is about (choices._conflict)
        loc += tuple(key.split("."))
    return Problem(file, lines(loc), dotted(loc), _message(err, loc, raw.get(loc)))


def _message(err: dict[str, Any], loc: tuple[Any, ...], raw: str | None = None) -> str:
    kind, ctx, given = err["type"], err.get("ctx") or {}, err.get("input")
    shown = raw if raw is not None and not isinstance(given, (str, bytes)) else show_value(given)
    if kind == "missing":
        expected = expected_at(loc)
        title = title_at(".".join(str(p) for p in loc if not isinstance(p, int)))  # regimes[0].naam: the key's
        same = title == str(loc[-1]).replace("_", " ")
        named = f"'{loc[-1]}' ({title})" if title and not same else f"'{loc[-1]}'"
        return f"de verplichte sleutel {named} ontbreekt" + (f"; verwacht {expected}" if expected else "")
    if kind == "extra_forbidden":
        allowed = _allowed_keys(loc[:-1])
        if loc[-1] in allowed:  # a key of the other branch of the cliëntenraad choice
            return f"de sleutel '{loc[-1]}' gaat niet samen met de andere sleutels hier; verwacht óf 'advies_gevraagd' en/of 'advies_ontvangen' óf 'afgezien' met de reden, niet allebei"
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = (
            f"; bedoelt u '{close[0]}'?" if close else (f"; toegestaan zijn: {', '.join(allowed)}" if allowed else "")
        )
        return f"onbekende sleutel '{loc[-1]}'{hint}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        hint = "; schrijf het getal zonder aanhalingstekens" if isinstance(given, str) else ""
        bounds = _field_info(loc) if loc else _ANY
        if bounds != _ANY:
            hint += f"; hier hoort {bounds}"
        return f"verwacht een geheel getal, gegeven: {shown}{hint}"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        field = _field_info(loc)
        return f"verwacht {field}, gegeven: {shown}"
    if kind in ("bool_parsing", "bool_type"):
        return f"verwacht true of false (zonder aanhalingstekens), gegeven: {shown}"
    if kind in ("date_parsing", "date_type", "date_from_datetime_parsing", "date_from_datetime_inexact"):
        return f"verwacht een datum als JJJJ-MM-DD (bijvoorbeeld 2023-07-01), gegeven: {shown}"
    if kind == "datum_of_dag":  # the entry into force (fields.EntryIntoForce)
        close = difflib.get_close_matches(str(given), [DAG_NA_BEKENDMAKING], n=1, cutoff=0.6)
        hint = f"; bedoelt u '{close[0]}'?" if close and isinstance(given, str) else ""
        return f"verwacht een datum als JJJJ-MM-DD (bijvoorbeeld 2023-07-01) of {DAG_NA_BEKENDMAKING}, gegeven: {shown}{hint}"
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
    if kind == "too_long" and isinstance(given, str):
        return f"de tekst is te lang: hooguit {ctx.get('max_length')} tekens, gegeven: {len(given)} tekens"
    if kind == "too_short" and isinstance(given, str):
        return "verwacht tekst, gegeven: een lege waarde"
    if kind == "too_long":
        return f"de lijst is te lang: hooguit {ctx.get('max_length')} elementen"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"verwacht een groep sleutels (ingesprongen regels 'sleutel: waarde'), gegeven: {shown}"
    if kind == "union_tag_invalid" or kind == "union_tag_not_found":
        return "verwacht óf 'advies_gevraagd' en/of 'advies_ontvangen' óf 'afgezien' met de reden"
    if kind in ("value_error", "samenhang"):
        return str(ctx.get("error", err["msg"])) if kind == "value_error" else err["msg"]
    if kind in ("float_parsing", "float_type", "decimal_parsing"):
        return f"verwacht een getal, gegeven: {shown}"
    return f"de waarde is ongeldig, gegeven: {shown}"


def show_value(value: Any) -> str:
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
        return ["advies_gevraagd", "advies_ontvangen", "naam", "grondslag", "afgezien"]
    model = _model_at(loc)
    return list(model.model_fields) if model else []


_EXPECTED = {
    str: "tekst",
    int: "een geheel getal",
    bool: "true of false",
    dt.date: "een datum als JJJJ-MM-DD (bijvoorbeeld 2023-07-01)",
}


def expected_at(loc: tuple[Any, ...]) -> str:
    """What the key at `loc` holds, in words ("" if unknown)."""
    if loc == ("clientenraad",):
        return "'advies_gevraagd' en/of 'advies_ontvangen' of 'afgezien' met de reden"
    parent = _model_at(loc[:-1]) if loc[:-1] != ("clientenraad",) else None
    candidates = [parent] if parent else models_in(Choices.model_fields["clientenraad"].annotation)
    field = next((m.model_fields[str(loc[-1])] for m in candidates if str(loc[-1]) in m.model_fields), None)
    if field is None:
        return ""
    if models_in(field.annotation):
        return "een groep sleutels (ingesprongen regels 'sleutel: waarde')"
    options = [field.annotation, *typing.get_args(field.annotation)]  # also `date | None`
    options = [typing.get_args(a)[0] if typing.get_origin(a) is Annotated else a for a in options]
    for kind, words in _EXPECTED.items():
        if kind in options:
            return words
    return ""


_ANY = "een waarde binnen het toegestane bereik"
_RANGES = {"jaar": "een jaartal van 2023 tot en met 2100"}  # other bounds are read from the field itself


def _field_info(loc: tuple[Any, ...]) -> str:
    known = _RANGES.get(str(loc[-1]) if loc else "")
    if known:
        return known
    info = field_at(".".join(str(p) for p in loc if not isinstance(p, int)))
    bounds = _bounds(info.annotation, list(info.metadata)) if info is not None else []
    low = next((m.ge for m in bounds if hasattr(m, "ge")), None)
    high = next((m.le for m in bounds if hasattr(m, "le")), None)
    if info is None or low is None or high is None:
        return _ANY
    unit = (info.json_schema_extra or {}).get("eenheid") if isinstance(info.json_schema_extra, dict) else None
    if unit == "maanden":
        return f"een aantal maanden van {low} tot en met {high}"
    return f"een geheel getal van {low} tot en met {high}" + (f" ({unit})" if unit else "")


def _bounds(annotation: Any, found: list[Any]) -> list[Any]:
    """The constraints (Ge, Le) on a field, also inside `Annotated[...] | None`."""
    for arg in typing.get_args(annotation):
        if isinstance(arg, FieldInfo):
            found += arg.metadata
        elif hasattr(arg, "ge") or hasattr(arg, "le"):
            found.append(arg)
        else:
            _bounds(arg, found)
    return found


# PyYAML's English reasons (their start) -> what an advisor can act on.
ALIASES = "verwijzingen (YAML-aliassen zoals *naam) zijn in een keuzebestand niet toegestaan"
NO_TAGS = "could not determine a constructor for the tag"
YAML_PHRASES = {
    "mapping values are not allowed here": "een dubbele punt staat op een plek waar geen sleutel kan beginnen (controleer inspringing en aanhalingstekens)",
    "could not find expected ':'": "een dubbele punt ontbreekt na een sleutel",
    "found character '\\t' that cannot start any token": "een tab-teken; gebruik spaties (ook tussen de dubbele punt en de waarde)",
    "expected <block end>, but found": "de inspringing klopt niet",
    "found undefined tag handle": "onbekende YAML-tag",
    "found unexpected end of stream": "het bestand houdt onverwacht op (een aanhalingsteken of haakje is niet gesloten)",
    ALIASES: ALIASES,
    "expected ',' or ']'": "een lijst tussen [ en ] is niet gesloten of mist een komma",
    "expected ',' or '}'": "een groep tussen { en } is niet gesloten of mist een komma",
    "did not find expected key": "de inspringing klopt niet of een sleutel ontbreekt",
    "did not find expected '-' indicator": "de inspringing klopt niet (een lijstregel hoort met '- ' te beginnen)",
    "did not find expected node content": "een waarde ontbreekt of begint met een teken dat daar niet kan",
    "found a tab character": "een tab-teken; gebruik spaties om in te springen",
    "found character": "een waarde begint met een teken dat daar niet kan; zet de tekst tussen aanhalingstekens",
    "expected alphabetic or numeric character": "een * of & zonder naam erachter; zet de tekst tussen aanhalingstekens",
    "found unknown escape character": "een onbekende escape-reeks in tekst tussen dubbele aanhalingstekens",
    NO_TAGS: "een YAML-tag (zoals !!python/…) is in een keuzebestand niet toegestaan",
    "but found another document": "het bestand bevat meer dan één YAML-document (een tweede '---'); een keuzebestand is één document",
    "expected a single document in the stream": "het bestand bevat meer dan één YAML-document (een tweede '---'); een keuzebestand is één document",
    "found unacceptable character": "een teken dat in YAML niet is toegestaan (bijvoorbeeld een stuurteken)",
    "while scanning a quoted scalar": "een aanhalingsteken is niet gesloten",
    "while scanning a simple key": "een dubbele punt ontbreekt na een sleutel",
    "found duplicate anchor": "een YAML-anker (&naam) staat twee keer in het bestand",
    "failed to decode base64 data": "de binaire gegevens (!!binary) zijn geen geldige base64",
    "failed to convert base64 data into ascii": "de binaire gegevens (!!binary) zijn geen geldige base64",
    "expected a mapping node": "een YAML-tag die hier niet past",
}


def dutch_yaml(reason: str) -> str:
    for english, dutch in YAML_PHRASES.items():
        if reason.startswith(english):
            return dutch
    return f"de YAML-lezer meldt: {reason}"
