"""Read a choice file: YAML with line numbers (source.py) -> validated Choices, or every problem at once."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import PydanticCustomError

from verordening.choicefile.messages import dotted, models_in, problem, show_value, without_echoes
from verordening.choicefile.schema import Choices
from verordening.choicefile.source import parse_yaml, read_text
from verordening.errors import ChoiceFileError, Problem


def load_choices(path: Path | str) -> Choices:
    """Load and validate one choice file; raise ChoiceFileError with every problem found."""
    path = Path(path)
    file = str(path)
    data, pos, problems = parse_yaml(read_text(path), file)
    if not isinstance(data, dict):
        given = "een leeg bestand" if data is None else show_value(data)
        message = f"verwacht sleutels zoals 'gemeente:' en 'jaar:' bovenaan, gegeven: {given}"
        raise ChoiceFileError(problems + [Problem(file, pos.line(()), "", message)])
    try:
        choices = Choices.model_validate(data)
    except ValidationError as exc:
        errors = without_echoes(exc.errors(include_url=False) + cross_checks(Choices, data)[1])
        for err in errors:
            found = problem(err, file, pos.line, pos.raw)
            if found not in problems and not _already_reported(found, pos.reported):
                problems.append(found)
        problems.sort(key=lambda p: (p.line or 0, p.path))
        raise ChoiceFileError(problems) from None
    if problems:
        raise ChoiceFileError(problems)
    return choices


def _already_reported(found: Problem, reported: set[tuple[Any, ...]]) -> bool:
    """A value PyYAML could not build was reported where it stands; pydantic's echo of it is noise."""
    return any(found.path == dotted(loc) for loc in reported)


# pydantic skips a model's own (cross-field) validators when one of its fields is invalid, so a
# file with a wrong type and dates out of order would report only the first. This second pass
# validates each field on its own and runs the model validators over the fields that are valid.


@cache
def _adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    field = model.model_fields[name]
    return TypeAdapter(Annotated[field.annotation, field])


def _submodel(annotation: Any, value: Any) -> type[BaseModel] | None:
    """The model a mapping was meant for (for a union: the one sharing most keys)."""
    models = models_in(annotation)
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
