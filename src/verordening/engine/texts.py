"""Prose kept in the clause library, so that renderers and the engine never write a sentence themselves.

Two forms: YAML files of Jinja strings, asked for by dotted key (Texts, e.g. controlelijst.yaml),
and Jinja files of macros, one per sentence or passage of a document (DocumentTexts:
ondertekening.j2, wijzigingsverordening.j2, vergelijking.j2), where a passage's non-blank lines
are its paragraphs. Both render in the library's sandbox, so values from a choice file stay text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from verordening.engine.document import Ondertekening
from verordening.engine.textfilters import restore
from verordening.errors import ClauseError

if TYPE_CHECKING:  # library.py loads Texts, so it cannot be imported here at run time
    from verordening.engine.library import ClauseLibrary

ONDERTEKENING = "ondertekening.j2"
WIJZIGINGSVERORDENING = "wijzigingsverordening.j2"
VERGELIJKING = "vergelijking.j2"


class Texts:
    def __init__(self, env: ImmutableSandboxedEnvironment, data: Any, path: Path):
        if not isinstance(data, dict):
            raise ClauseError(f"{path}: verwacht groepen sleutels met teksten")
        self._env, self._data, self._path = env, data, path
        self._compiled: dict[str, Any] = {}

    def _raw(self, key: str) -> Any:
        node: Any = self._data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise ClauseError(f"{self._path}: de tekst '{key}' ontbreekt")
            node = node[part]
        return node

    def __call__(self, key: str, **values: Any) -> str:
        """The text at `key`, rendered with `values` (whitespace folded to single spaces)."""
        template = self._compiled.get(key)
        if template is None:
            raw = self._raw(key)
            if not isinstance(raw, str):
                raise ClauseError(f"{self._path}: '{key}' is geen tekst")
            try:
                template = self._compiled[key] = self._env.from_string(raw)
            except TemplateError as exc:
                raise ClauseError(f"{self._path} [{key}]: fout in de tekst: {exc}") from None
        try:
            return restore(" ".join(template.render(**values).split()))  # a "[" in a value stays a "["
        except TemplateError as exc:
            raise ClauseError(f"{self._path} [{key}]: fout in de tekst: {exc}") from None

    def words(self, key: str) -> list[str]:
        """A list of plain words at `key` (column headers)."""
        raw = self._raw(key)
        if not isinstance(raw, list) or not all(isinstance(w, str) for w in raw):
            raise ClauseError(f"{self._path}: '{key}' is geen lijst van woorden")
        return list(raw)


class DocumentTexts:
    """The macros of one file of a document's fixed texts: `t("vervalt", artikel=13)` -> "Artikel 13 vervalt."."""

    def __init__(self, library: ClauseLibrary, name: str) -> None:
        self.path = library.root / name
        try:
            template = library.env.get_template(name)
            self.module = template.module
        except TemplateNotFound:
            raise ClauseError(f"{self.path}: dit bestand van de modelbepalingen ontbreekt") from None
        except TemplateSyntaxError as exc:
            raise ClauseError(f"{self.path}:{exc.lineno}: fout in de modelbepaling: {exc.message}") from None
        except TemplateError as exc:
            raise ClauseError(f"{self.path}: fout in de modelbepaling: {exc}") from None

    def lines(self, name: str, **values: Any) -> list[str]:
        """The paragraphs of passage `name`: its non-blank lines, each with its whitespace folded."""
        macro = getattr(self.module, name, None)
        if macro is None or not callable(macro):
            raise ClauseError(f"{self.path}: de tekst '{name}' ontbreekt (verwacht {{% macro {name}(…) %}})")
        try:
            text = restore(str(macro(**values)))
        except (TemplateError, TypeError) as exc:  # TypeError: the macro takes other names than the code gives
            line = getattr(exc, "lineno", None)
            where = f"{self.path}:{line}" if line else str(self.path)
            raise ClauseError(f"{where}: fout in de tekst '{name}': {exc}") from exc
        return [" ".join(line.split()) for line in text.splitlines() if line.strip()]

    def __call__(self, name: str, **values: Any) -> str:
        """A one-paragraph text."""
        return " ".join(self.lines(name, **values))


def document_texts(library: ClauseLibrary, name: str) -> DocumentTexts:
    """The fixed texts in `name` (Jinja caches the compiled file per library)."""
    return DocumentTexts(library, name)


def ondertekening(library: ClauseLibrary, gemeente: str, datum: dt.date, vastgesteld: bool = False) -> Ondertekening:
    """The closing formula and the signatories of a verordening to be adopted on `datum`; only when it was
    `vastgesteld` does the formula state the adoption as a fact (a concept leaves the date open)."""
    t = document_texts(library, ONDERTEKENING)
    lines = t.lines("ondertekenaars")
    if not lines or len(lines) % 2:
        raise ClauseError(f"{t.path}: 'ondertekenaars' verwacht per ondertekenaar twee regels: de functie en de naam")
    return Ondertekening(
        t("slotformule", gemeente=gemeente, datum=datum, vastgesteld=vastgesteld),
        list(zip(lines[::2], lines[1::2])),
        t("kop", vastgesteld=vastgesteld),
    )
