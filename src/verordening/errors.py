"""Errors the CLI reports in Dutch without a traceback."""

from __future__ import annotations

from dataclasses import dataclass


class VerordeningError(Exception):
    """Base class: the message is user-facing Dutch text."""

    exit_code = 1


class ClauseError(VerordeningError):
    """The clause library itself is broken (a developer's error, not the advisor's)."""


class BuildError(VerordeningError):
    """An ordinance cannot be assembled, e.g. a reference to an article left out."""


@dataclass(frozen=True)
class Problem:
    """One problem in a choice file, located as precisely as the input allows."""

    file: str
    line: int | None
    path: str  # key path, e.g. "jobcoaching.verlenging.maximale_duur_maanden"
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        key = f" [{self.path}]" if self.path else ""
        return _one_line(f"{where}{key}: {self.message}")


def _one_line(text: str) -> str:
    """Control characters from the input (newlines, terminal escapes) shown, never obeyed."""
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


class ChoiceFileError(VerordeningError):
    """A choice file is invalid; holds every problem found, not only the first."""

    exit_code = 2

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
