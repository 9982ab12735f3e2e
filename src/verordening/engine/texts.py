"""Prose kept in the clause library as YAML files of Jinja strings (e.g. controlelijst.yaml).

Renderers and the engine ask for a text by its dotted key and the values it needs; they never
write the sentence themselves. Templates are compiled once, on first use, in the library's sandbox.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from verordening.errors import ClauseError


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
            return " ".join(template.render(**values).split())
        except TemplateError as exc:
            raise ClauseError(f"{self._path} [{key}]: fout in de tekst: {exc}") from None

    def words(self, key: str) -> list[str]:
        """A list of plain words at `key` (column headers)."""
        raw = self._raw(key)
        if not isinstance(raw, list) or not all(isinstance(w, str) for w in raw):
            raise ClauseError(f"{self._path}: '{key}' is geen lijst van woorden")
        return list(raw)
