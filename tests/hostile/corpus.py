"""The hostile-input corpus: every attack of the reliability report as a case run through the CLI.

A Case prepares its input in a scratch folder and names the command; `run_case` runs it
in-process (typer's CliRunner) and judges the outcome: the exit code and message expected, no
"interne fout", no traceback, and whatever the case's own `after` check finds (data lost, an
unsafe output). tests/test_hostile.py runs every case; benchmarks/reliability.py counts them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from typer.testing import CliRunner

from verordening.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
NIJKERK = ROOT / "municipalities" / "nijkerk.yaml"
ACCEPTED = (0, 1)  # `check` exits 1 when the checklist is red; both mean the file was read

# A choice file with every kind of field, lines numbered for the expected messages.
BASE = """gemeente: Nijkerk
jaar: 2023
vaststelling:
  datum: 2023-06-29
  voorstel_datum: 2023-05-16
  voorstel_nummer: "RV-2023-041"
inwerkingtreding: 2023-07-01
intrekking: "Re-integratieverordening Participatiewet Nijkerk 2015"
clientenraad:
  naam: "Sociaaldomeinraad"
  advies_gevraagd: 2023-04-03
  advies_ontvangen: 2023-05-01
jobcoaching:
  kwaliteitseisen: [oval_keurmerk, eigen_eisen]
  eigen_eisen: "de jobcoach heeft een afgeronde opleiding tot jobcoach"
  maximale_duur_maanden: 24
  verlenging:
    toegestaan: true
    maximale_duur_maanden: 12
  scheiding_handhaving_begeleiding: true
  aanbieder: extern
artikel_13_loonkostensubsidie:
  opnemen: true
  maximale_duur_maanden: 12
budgetplafond: true
"""
LINES = BASE.splitlines()


def line_of(path: str) -> int:
    """1-based line of a dotted key in BASE."""
    parts, depth, start = path.split("."), 0, 0
    for number, text in enumerate(LINES[start:], 1):
        if text.startswith("  " * depth + parts[depth] + ":"):
            if depth == len(parts) - 1:
                return number
            depth += 1
    raise KeyError(path)


def with_value(path: str, raw: str) -> str:
    """BASE with the value of `path` replaced by the YAML text `raw`."""
    n = line_of(path) - 1
    lines = list(LINES)
    key = lines[n].split(":", 1)[0]
    lines[n] = f"{key}: {raw}" if raw else f"{key}:"
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Case:
    area: str  # keuzebestand, sjabloon, vrije tekst, map en uitvoer, opdracht
    name: str
    prepare: Callable[[Path], list[str]]  # writes the input into the scratch folder, returns the CLI arguments
    exit: int | tuple[int, ...]
    expect: tuple[str, ...] = ()  # fragments of stderr
    after: Callable[[Path], list[str]] | None = None  # problems found after the run (data lost, unsafe output)
    refusal: bool = field(default=False)  # a clean refusal is the expected outcome
    during: Callable[[Path], AbstractContextManager[object]] | None = None  # e.g. a disk that is full

    @property
    def refused(self) -> bool:
        """A clean refusal (exit code other than 0, with its message) is the expected outcome."""
        return self.refusal or (isinstance(self.exit, int) and self.exit != 0)


@dataclass
class Verdict:
    case: Case
    exit_code: int
    stderr: str
    problems: list[str]

    @property
    def internal_error(self) -> bool:
        return "interne fout" in self.stderr.lower() or "Traceback" in self.stderr

    @property
    def data_lost(self) -> bool:
        return any(p.startswith("verloren") for p in self.problems)

    @property
    def ok(self) -> bool:
        return not self.problems


def run_case(case: Case, tmp: Path) -> Verdict:
    args = case.prepare(tmp)
    with case.during(tmp) if case.during else nullcontext():
        result = CliRunner().invoke(app, args, catch_exceptions=True)
    stderr = result.stderr
    problems: list[str] = []
    expected = case.exit if isinstance(case.exit, tuple) else (case.exit,)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        problems.append(f"uitzondering: {type(result.exception).__name__}: {result.exception}")
    if result.exit_code not in expected:
        problems.append(f"exitcode {result.exit_code}, verwacht {case.exit}")
    if "interne fout" in stderr.lower() or "Traceback" in stderr:
        problems.append("interne fout")
    problems += [f"ontbreekt in de melding: {e!r}" for e in case.expect if e not in stderr]
    if not all(ch.isprintable() or ch == "\n" for ch in stderr):
        problems.append("de melding bevat stuurtekens")
    if case.after is not None:
        problems += case.after(tmp)
    return Verdict(case, result.exit_code, stderr, problems)


def file_case(area: str, name: str, text: str | bytes, exit: int | tuple[int, ...], *expect: str) -> Case:
    """`verordening check` on one choice file (refusals are the same for every command that reads)."""

    def prepare(tmp: Path) -> list[str]:
        path = tmp / "keuzes.yaml"
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        return ["check", str(path)]

    return Case(area, name, prepare, exit, expect, refusal=exit == 2)


def all_cases() -> Iterator[Case]:
    from . import choicefiles, commands, folders, payloads, templates

    yield from choicefiles.cases()
    yield from templates.template_cases()
    yield from payloads.cases()
    yield from folders.cases()
    yield from commands.cases()
