"""The form of the editor, built from the fields of the schema: native controls, a label and an
explanation for each, and a place beside each field (and each group) where its problem is shown.

Works with the keyboard alone: every control is a native input, select or checkbox in file
order; the explanation and the problem are tied to the control with aria-describedby.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

from verordening.advisor.commented import PROVISIONAL
from verordening.advisor.fields import Field, choice_fields
from verordening.advisor.interview import guidance
from verordening.advisor.standard import get_path
from verordening.render.escape import html


def field_id(path: str) -> str:
    return "veld-" + (path.replace(".", "-").replace("_", "-") or "bestand")


def render_form(values: dict[str, Any], errors: dict[str, str], provisional: list[str]) -> str:
    parts = [_error_slot("", errors)]
    parts += [_field(f, values, errors, set(provisional)) for f in choice_fields().children if f.key != PROVISIONAL]
    return "".join(parts)


def _error_slot(path: str, errors: dict[str, str]) -> str:
    message = errors.get(path, "")
    hidden = "" if message else " hidden"
    return f'<p class="fout" id="fout-{field_id(path)}" data-pad="{html(path)}"{hidden}>{html(message)}</p>'


def _explanation(f: Field) -> str:
    advice = guidance().get(f.path, "")
    extra = f'<span class="advies">{html(advice)}</span>' if advice else ""
    return f'<p class="uitleg" id="uitleg-{field_id(f.path)}">{html(f.description)} {extra}</p>'


def _described(f: Field) -> str:
    return f'aria-describedby="uitleg-{field_id(f.path)} fout-{field_id(f.path)}"'


def _field(f: Field, values: dict[str, Any], errors: dict[str, str], provisional: set[str]) -> str:
    fid = field_id(f.path)
    title = html(f.title[:1].upper() + f.title[1:])
    if f.kind == "group":
        inner = "".join(_field(c, values, errors, provisional) for c in f.children)
        return (
            f'<fieldset class="groep" id="{fid}"><legend>{title}</legend>'
            f"{_explanation(f)}{_error_slot(f.path, errors)}{inner}</fieldset>"
        )
    if f.kind == "forms":
        current = get_path(values, f.path) or {}
        chosen = max(f.children, key=lambda form: len(set(current) & {c.key for c in form.children}))
        radios, bodies = [], []
        for n, form in enumerate(f.children):
            rid = f"{fid}-{n}"
            checked = " checked" if form is chosen else ""
            radios.append(
                f'<label class="keuze"><input type="radio" name="{html(f.path)}" id="{rid}" value="{html(form.title)}"'
                f' data-vorm="{rid}-velden"{checked}> {html(form.title)}</label>'
            )
            inner = "".join(_field(c, values, errors, provisional) for c in form.children)
            hidden = "" if form is chosen else " hidden"
            bodies.append(f'<div class="vorm" id="{rid}-velden"{hidden}>{inner}</div>')
        return (
            f'<fieldset class="groep" id="{fid}"><legend>{title}</legend>{_explanation(f)}'
            f'{_error_slot(f.path, errors)}<div class="vormen">{"".join(radios)}</div>{"".join(bodies)}</fieldset>'
        )
    value = get_path(values, f.path)
    if f.kind == "rows":  # shown, not edited here: the rows stay as the file has them
        rows = "".join(
            "<li>" + html(", ".join(f"{c.title}: {_text(row.get(c.key))}" for c in f.children)) + "</li>"
            for row in value or []
            if isinstance(row, dict)
        )
        listed = f"<ul>{rows}</ul>" if rows else "<p>(geen)</p>"
        return (
            f'<div class="veld" id="{fid}"><span class="label">{title}</span>{_explanation(f)}{listed}'
            "<p>Deze keuze bewerkt u in het keuzebestand zelf.</p></div>"
        )
    badge = ' <span class="voorlopig">voorlopig</span>' if f.path in provisional else ""
    invalid = ' aria-invalid="true"' if f.path in errors else ""
    control = _control(f, value, invalid)
    if f.kind == "multi":
        return (
            f'<fieldset class="veld meer" id="{fid}" {_described(f)}><legend>{title}{badge}</legend>'
            f"{_explanation(f)}{control}{_error_slot(f.path, errors)}</fieldset>"
        )
    if f.kind == "bool":
        return (
            f'<div class="veld vink"><label for="{fid}">{control} {title}</label>{badge}'
            f"{_explanation(f)}{_error_slot(f.path, errors)}</div>"
        )
    return (
        f'<div class="veld"><label for="{fid}">{title}</label>{badge}{_explanation(f)}'
        f"{control}{_error_slot(f.path, errors)}</div>"
    )


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _control(f: Field, value: Any, invalid: str) -> str:
    fid, name, described = field_id(f.path), html(f.path), _described(f)
    if f.kind == "bool":
        checked = " checked" if value is True else ""
        return f'<input type="checkbox" id="{fid}" name="{name}" value="ja"{checked} {described}{invalid}>'
    if f.kind == "multi":
        chosen = {_text(v) for v in value or []}
        boxes = []
        for n, (option, words) in enumerate(f.options):
            checked = " checked" if option in chosen else ""
            boxes.append(
                f'<label class="keuze"><input type="checkbox" id="{fid}-{n}" name="{name}" value="{html(option)}"'
                f"{checked}{invalid}> {html(words)}</label>"
            )
        return "".join(boxes)
    if f.kind == "select":
        empty = '<option value="">(kies)</option>' if not value else ""
        options = "".join(
            f'<option value="{html(option)}"{" selected" if option == _text(value) else ""}>{html(words)}</option>'
            for option, words in f.options
        )
        return f'<select id="{fid}" name="{name}" {described}{invalid}>{empty}{options}</select>'
    text = html(_text(value))
    if f.kind == "int":
        unit = f' <span class="eenheid">{html(f.unit)}</span>' if f.unit else ""
        bounds = f' min="{f.minimum}" max="{f.maximum}"' if f.minimum is not None else ""
        return (
            f'<input type="number" id="{fid}" name="{name}" value="{text}" step="1" inputmode="numeric"{bounds} '
            f"{described}{invalid}>{unit}"
        )
    if f.kind == "date":
        words = {option for option, _ in f.options}
        date = "" if _text(value) in words else text
        control = f'<input type="date" id="{fid}" name="{name}" value="{date}" {described}{invalid}>'
        for n, (option, label) in enumerate(f.options):  # e.g. "de dag na die van de bekendmaking" instead
            checked = " checked" if _text(value) == option else ""
            control += (
                f'<label class="keuze"><input type="checkbox" id="{fid}-{n}" name="{name}" value="{html(option)}"'
                f"{checked}> of: {html(label)}</label>"
            )
        return control
    if f.max_length and f.max_length > 200:
        return f'<textarea id="{fid}" name="{name}" rows="3" maxlength="{f.max_length}" {described}{invalid}>{text}</textarea>'
    return f'<input type="text" id="{fid}" name="{name}" value="{text}" maxlength="{f.max_length or 200}" {described}{invalid}>'
