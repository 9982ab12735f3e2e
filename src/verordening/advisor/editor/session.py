"""One editing session on one choice file: the form's values in, the draft and the problems out; saving.

Per change: the form's values are checked as typed (values.parse), put into the advisor's own
file text (document.py, comments kept), read back as `check` reads it, and, when valid, built
into the HTML review page with its checklist and OVAL scorecard. Saving writes that text only
when it is valid, atomically and with a backup (runs/output.py), and never over a version that
changed on disk since it was opened or saved.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from verordening.advisor.commented import PROVISIONAL
from verordening.advisor.editor.document import ChoiceDocument
from verordening.advisor.fields import Field, applies, choice_fields
from verordening.advisor.standard import get_path, set_path
from verordening.advisor.values import InvalidValue, parse, problems
from verordening.choicefile.schema import Choices
from verordening.choicefile.source import parse_yaml, read_text
from verordening.engine.assemble import assemble
from verordening.engine.checklist import Checklist, compute
from verordening.engine.library import load_library
from verordening.engine.scorecard import AskResult, score
from verordening.render import html as render_html
from verordening.runs.output import write_outputs


class ChangedOnDisk(Exception):
    """The file changed outside the editor since it was opened or last saved."""


@dataclass
class Draft:
    """What one change gives: problems by key ("" = the file), or the built draft."""

    errors: dict[str, str] = field(default_factory=dict)
    text: str = ""
    choices: Choices | None = None
    page: str = ""  # the HTML review page (render/html.py)
    checklist: Checklist | None = None
    asks: list[AskResult] = field(default_factory=list)
    provisional: list[str] = field(default_factory=list)
    unused: list[str] = field(default_factory=list)  # keys that do not matter with these answers
    ms: float = 0.0  # server time for this change

    @property
    def valid(self) -> bool:
        return self.choices is not None and not self.errors


class Session:
    def __init__(self, path: Path):
        self.path = path
        self.library = load_library()
        self.on_disk = read_text(path)  # refuses an unreadable file with the reader's Dutch message
        data, _, _ = parse_yaml(self.on_disk, str(path))
        self.raw: dict[str, Any] = data if isinstance(data, dict) else {}
        self.first = self.preview_text(self.on_disk)
        self.values = self.first.choices.model_dump() if self.first.choices else self.raw
        self.opened = self.values

    def form_values(self, form: Any) -> tuple[dict[str, Any], dict[str, str]]:
        """The values of a submitted form (a Starlette FormData or a dict of lists), with the problems as typed."""
        values: dict[str, Any] = {}
        errors: dict[str, str] = {}

        def get(path: str) -> list[str]:
            return list(form.getlist(path)) if hasattr(form, "getlist") else list(form.get(path, []))

        def walk(group: Field) -> None:
            for f in group.children:
                if f.key == PROVISIONAL:
                    continue
                if f.kind == "group":
                    walk(f)
                elif f.kind == "forms":
                    chosen = (get(f.path) or [f.children[0].title])[0]
                    walk(next((form for form in f.children if form.title == chosen), f.children[0]))
                elif f.kind == "rows":  # not in the form: the file's own value stays
                    set_path(values, f.path, get_path(self.values, f.path) or [])
                else:
                    given = get(f.path)
                    try:
                        if f.kind == "bool":
                            value: Any = "ja" in given
                        else:
                            several = f.kind == "multi" or (f.kind == "date" and bool(f.options))
                            value = parse(f, given if several else (given[0] if given else ""))
                    except InvalidValue as exc:
                        errors[f.path] = str(exc)
                        continue
                    set_path(values, f.path, value)

        walk(choice_fields())
        for path in self.unused(values):  # e.g. the maximum of an extension that is not allowed
            set_path(values, path, None)
            errors.pop(path, None)
        return values, errors

    @staticmethod
    def unused(values: dict[str, Any], group: Field | None = None) -> list[str]:
        """Keys that do not matter with these answers (fields.applies); the form greys them out."""
        group = group or choice_fields()
        here = get_path(values, group.path) if group.path else values
        out = []
        for f in group.children:
            if f.kind == "group":
                out += Session.unused(values, f)
            elif f.kind != "forms" and isinstance(here, dict) and not applies(f, here):
                out.append(f.path)
        return out

    def provisional_after(self, values: dict[str, Any]) -> list[str]:
        """Keys still provisional: those listed when the file was opened whose value the advisor did not change."""
        listed = self.opened.get(PROVISIONAL) or []
        return [p for p in listed if get_path(values, p) == get_path(self.opened, p)]

    def preview(self, form: Any) -> Draft:
        start = time.perf_counter()
        values, errors = self.form_values(form)
        values[PROVISIONAL] = self.provisional_after(values)
        unused = self.unused(values)
        if errors:
            return Draft(errors=errors, provisional=values[PROVISIONAL], unused=unused, ms=_ms(start))
        try:  # the fast way: the values as the model takes them; the file text is only needed to save
            draft = self.build(Choices.model_validate(values))
        except ValidationError:  # the reader says the problems in Dutch, by key, as check does
            draft = self.preview_text(self.text_for(values))
        draft.provisional = values[PROVISIONAL]
        draft.unused = unused
        draft.ms = _ms(start)
        return draft

    def text_for(self, values: dict[str, Any]) -> str:
        """The advisor's file with these values (comments and key order kept)."""
        document = ChoiceDocument(self.on_disk)
        document.apply(values)
        return document.text()

    def preview_text(self, text: str) -> Draft:
        choices, found = problems(text)
        if choices is None:
            return Draft(errors={p.path: p.message for p in reversed(found)}, text=text)
        draft = self.build(choices)
        draft.text = text
        return draft

    def build(self, choices: Choices) -> Draft:
        ordinance = assemble(choices, self.library)
        checklist = compute(ordinance, self.library)
        page = render_html.render(ordinance, checklist).decode("utf-8")
        asks = score(ordinance, self.library.kwaliteitseisen)
        return Draft(choices=choices, page=page, checklist=checklist, asks=asks)

    def save(self, form: Any) -> Draft:
        """Write the file when the choices are valid; raise ChangedOnDisk when someone else changed it."""
        draft = self.preview(form)
        if not draft.valid:
            return draft
        values, _ = self.form_values(form)
        values[PROVISIONAL] = draft.provisional
        text = self.text_for(values)
        choices, found = problems(text)  # what is written is what check reads
        if choices is None or choices != draft.choices:
            draft.errors = {p.path: p.message for p in found} or {"": "de keuzes lieten zich niet zo opslaan"}
            return draft
        draft.text = text
        if read_text(self.path) != self.on_disk:
            raise ChangedOnDisk(str(self.path))
        # force: the file was written by hand, so the version replaced is kept beside it (name.bewerkt-<time>)
        write_outputs(self.path.parent, {self.path.name: draft.text.encode("utf-8")}, force=True)
        self.on_disk = draft.text
        self.opened = draft.choices.model_dump() if draft.choices else self.opened
        self.opened[PROVISIONAL] = draft.provisional
        return draft


def _ms(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 1)
