"""`verordening nieuw`: the choice file asked question by question in the terminal (questionary).

One question per key, in the order of the file, with its meaning (the model) and the advice around
it (the clause library's keuzehulp.yaml). A key that only matters after an earlier answer is
asked only then: the maximum of an extension when extension is allowed, the text of own
requirements when they are chosen. A date or number left empty gets the provisional value of
`--standaard` and is listed under in_te_vullen. At the end the whole file is checked as `check`
reads it; a key with a problem is asked again.
"""

from __future__ import annotations

import datetime as dt
import shutil
import textwrap
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from typing import Any

import questionary
import yaml

from verordening.advisor import commented, standard
from verordening.advisor.fields import Field, applies, choice_fields, conditional
from verordening.advisor.values import NO, YES, InvalidValue, parse, problems
from verordening.engine.library import clauses_dir

SELECT_HELP = "(pijltjes en Enter)"
CHECKBOX_HELP = "(pijltjes, spatie om aan of uit te zetten, Enter als u klaar bent)"


@cache
def guidance() -> dict[str, str]:
    """Key -> advice: what the law, the VNG model and OVAL say (model_clauses/keuzehulp.yaml)."""
    data = yaml.safe_load((clauses_dir() / "keuzehulp.yaml").read_text(encoding="utf-8")) or {}
    return {str(k): " ".join(str(v).split()) for k, v in data.items()}


class Interview:
    def __init__(self, gemeente: str, say: Callable[[str], None], today: dt.date | None = None, **io: Any):
        self._echo = say
        self.io = io  # input/output for prompt_toolkit (tests)
        self.proposed = standard.proposals(today or dt.date.today())
        self.values = standard.defaults()
        self.values["gemeente"] = gemeente
        self.provisional: list[str] = []

    def say(self, text: str) -> None:
        """Text wrapped to the terminal (at most 100 columns), blank lines kept."""
        width = min(shutil.get_terminal_size((100, 24)).columns, 100) - 1
        for line in text.split("\n"):
            self._echo(
                textwrap.fill(line, width, subsequent_indent="  " if line.startswith("  ") else "") if line else ""
            )

    def run(self) -> dict[str, Any]:
        self.say(
            "Beantwoord de vragen; Enter neemt het voorstel tussen haakjes over. Ctrl-C stopt zonder iets te schrijven."
        )
        self._group(choice_fields(), self.values, set())
        while True:
            self.values[commented.PROVISIONAL] = list(self.provisional)
            _, found = problems(commented.render(self.values))
            if not found:
                return self.values
            self.say("\nDe antwoorden passen nog niet bij elkaar:")
            for problem in found:
                self.say(f"  {problem.path or 'keuzebestand'}: {problem.message}")
            again = {p.path for p in found}
            self._group(choice_fields(), self.values, again)

    def _group(self, group: Field, values: dict[str, Any], only: set[str]) -> None:
        for f in group.children:
            if f.key in ("gemeente", commented.PROVISIONAL) or not _wanted(f, only):
                continue
            if not applies(f, values):
                values[f.key] = None
            elif f.nullable and conditional(f, values):  # asked because of an earlier answer: needed now
                values[f.key] = self._ask(replace(f, nullable=False, required=True), values.get(f.key))
            elif f.kind == "group":
                self.say(f"\n{_capital(f.title)}: {f.description}")
                self._group(f, values.setdefault(f.key, {}), only)
            elif f.kind == "forms":
                self._forms(f, values)
            elif f.kind == "rows":  # a list of groups is written in the file itself
                self._explain(f)
                self.say("  Deze keuze vult u in het keuzebestand zelf in (zie README); nu blijft zij leeg.")
                values[f.key] = values.get(f.key) or []
            else:
                values[f.key] = self._ask(f, values.get(f.key))

    def _forms(self, f: Field, values: dict[str, Any]) -> None:
        current = values.get(f.key) or {}
        titles = [form.title for form in f.children]
        now = commented._form_of(f, current).title
        self._explain(f)
        answer = questionary.select(
            _capital(f.title), choices=titles, default=now, instruction=SELECT_HELP, **self.io
        ).unsafe_ask()
        form = f.children[titles.index(answer)]
        keep = {c.key for c in form.children}
        chosen = {k: v for k, v in current.items() if k in keep} if answer == now else standard.defaults(form)
        values[f.key] = chosen
        self._group(form, chosen, set())

    def _explain(self, f: Field) -> None:
        self.say(f"\n{commented.meaning(f, options=False)}")
        if f.path in guidance():
            self.say(guidance()[f.path])

    def _ask(self, f: Field, current: Any) -> Any:
        self._explain(f)
        label = _capital(f.title)
        if f.kind == "bool":
            answer = questionary.select(
                label, choices=[YES, NO], default=YES if current else NO, instruction=SELECT_HELP, **self.io
            ).unsafe_ask()
            return answer == YES
        if f.kind == "multi":
            choices = [
                questionary.Choice(words, value=value, checked=value in (current or [])) for value, words in f.options
            ]
            return parse(
                f, questionary.checkbox(label, choices=choices, instruction=CHECKBOX_HELP, **self.io).unsafe_ask()
            )
        if f.kind == "select" and len(f.options) <= 12:
            choices = [questionary.Choice(words, value=value) for value, words in f.options]
            return questionary.select(
                label,
                choices=choices,
                default=next((c for c in choices if c.value == current), None),
                instruction=SELECT_HELP,
                **self.io,
            ).unsafe_ask()
        proposal = self.proposed.get(f.path)
        shown = "" if current is None or f.path in self.provisional else commented.scalar(current).strip('"')
        hint = (
            f"leeg: voorlopig {commented.scalar(proposal).strip(chr(34))}"
            if proposal is not None
            else ("leeg: " + f.empty if f.nullable and f.empty else "")
        )
        if f.path == "jaar" and proposal is not None:
            shown = shown or str(proposal)

        def check(text: str) -> bool | str:
            if not text.strip() and proposal is not None:
                return True
            try:
                parse(f, text)
            except InvalidValue as exc:
                return str(exc)
            return True

        text = questionary.text(
            label, default=shown, validate=check, instruction=f"({hint})" if hint else None, **self.io
        ).unsafe_ask()
        if not text.strip() and proposal is not None:
            if f.path not in self.provisional:
                self.provisional.append(f.path)
            return proposal
        if f.path in self.provisional:
            self.provisional.remove(f.path)
        return parse(f, text)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _wanted(f: Field, only: set[str]) -> bool:
    """Asked again after a problem at one of `only` (dotted keys; "" is the whole file): the key, or on the way."""
    if not only:
        return True
    return any(p == "" or f.path == p or f.path.startswith(p + ".") or p.startswith(f.path + ".") for p in only)
