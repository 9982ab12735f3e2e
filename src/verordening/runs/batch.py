"""Many choice files at once: a process pool over every core, progress, and a summary.

Workers return small picklable outcomes, never the rendered documents (see parallel.py).
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TextIO

from verordening.engine.textfilters import datum
from verordening.errors import FileSystemError, VerordeningError
from verordening.runs.build import BuildOptions
from verordening.runs.journal import sync_filesystem
from verordening.runs.parallel import run_parallel


@dataclass(frozen=True)
class BuildOutcome:
    """What the summary needs to know about one file."""

    path: Path
    citeertitel: str = ""
    target: Path | None = None
    articles: int = 0
    red: int = 0  # checklist requirements not met
    error: str = ""
    exit_code: int = 0
    library_loads: int = 0  # clause library loads in the worker that built this file, so far
    law: str = ""  # "Participatiewet vanaf 1 januari 2026": the version of the Act the text follows
    warnings: int = 0  # procedure warnings (cliëntenraad, publication): printed, never an error

    @property
    def ok(self) -> bool:
        return not self.error

    def line(self) -> str:
        if not self.ok:
            return self.error
        status = "alle wettelijke vereisten voldaan" if not self.red else f"{self.red} vereiste(n) niet voldaan"
        if self.warnings:
            status += f"; {self.warnings} waarschuwing(en) over de procedure, zie controlelijst.md"
        return f"{self.path}: {self.citeertitel} → {self.target} ({self.articles} artikelen; {self.law}; {status})"


def library_loads() -> int:
    """How often this process has loaded the clause library (1 when the cache works)."""
    from verordening.engine.library import loads

    return loads()


def build_one(path: Path, options: BuildOptions) -> BuildOutcome:
    """Build one file; every failure becomes an outcome so the other files go on."""
    from verordening.runs.build import build_file

    try:
        rendered, written = build_file(path, options, durable=False)
    except VerordeningError as exc:
        return BuildOutcome(path, error=str(exc), exit_code=exc.exit_code, library_loads=library_loads())
    except OSError as exc:  # the machine refused (the output folder is handled in output.py)
        error = str(FileSystemError(exc.filename or path, exc, "lezen of schrijven"))
        return BuildOutcome(path, error=error, exit_code=1, library_loads=library_loads())
    except Exception as exc:  # a bug must not stop the other 341 municipalities
        error = f"{path}: interne fout ({type(exc).__name__}: {exc})"
        if os.environ.get("VERORDENING_DEBUG"):  # set by --debug (cli.DEBUG_ENV)
            error += "\n" + traceback.format_exc()
        return BuildOutcome(path, error=error, exit_code=1, library_loads=library_loads())
    red = len(rendered.checklist.unmet)
    return BuildOutcome(
        path,
        rendered.ordinance.citeertitel,
        written[0].parent if written else None,
        len(rendered.ordinance.articles),
        red,
        library_loads=library_loads(),
        law=f"{rendered.checklist.law.name} vanaf {datum(rendered.checklist.law.valid_from)}",
        warnings=len(rendered.checklist.warnings),
    )


class _Progress:
    """A rich progress bar on a terminal; plain lines otherwise (CI logs, pipes)."""

    def __init__(self, total: int, out: TextIO, err: TextIO):
        self.total, self.out, self.err, self.done = total, out, err, 0
        self.bar = None
        if total > 1 and err.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.console = Console(file=err)
            self.bar = Progress(
                TextColumn("Bouwen"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=self.console,
                transient=True,
            )
            self.task = self.bar.add_task("bouwen", total=total)

    def __enter__(self) -> _Progress:
        if self.bar:
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar:
            self.bar.stop()

    def __call__(self, outcome: BuildOutcome) -> None:
        self.done += 1
        prefix = f"[{self.done}/{self.total}] " if self.total > 1 else ""
        if self.bar:
            self.bar.advance(self.task)
            if not outcome.ok:  # successes are counted by the bar; errors stay readable above it
                self.console.print(outcome.line(), markup=False, highlight=False, style="red")
            return
        stream = self.out if outcome.ok else self.err
        print(prefix + outcome.line(), file=stream, flush=True)


NO_COUNCIL = (
    "Raadspakket (raadsvoorstel, was-wordt-tabel, bespreekversie) niet gemaakt: bij meer keuzebestanden "
    "tegelijk alleen met --raadspakket."
)


def summary_rows(outcomes: Iterable[BuildOutcome]) -> list[tuple[str, int]]:
    outcomes = list(outcomes)
    return [
        ("gebouwd", sum(o.ok for o in outcomes)),
        ("mislukt", sum(not o.ok for o in outcomes)),
        ("controlelijst rood", sum(o.ok and o.red > 0 for o in outcomes)),
    ]


def print_summary(outcomes: list[BuildOutcome], out: TextIO) -> None:
    rows = summary_rows(outcomes)
    if out.isatty():
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"{len(outcomes)} keuzebestanden")
        table.add_column("Resultaat")
        table.add_column("Aantal", justify="right")
        for name, count in rows:
            table.add_row(name, str(count))
        Console(file=out).print(table)
        return
    width = max(len(name) for name, _ in rows)
    print(f"Samenvatting ({len(outcomes)} keuzebestanden):", file=out)
    for name, count in rows:
        print(f"  {name:<{width}}  {count:>5}", file=out)
    failed = [o.path for o in outcomes if not o.ok]
    if failed:
        print("  mislukt: " + ", ".join(str(p) for p in failed), file=out)


def build_many(
    paths: list[Path],
    options: BuildOptions = BuildOptions(),
    workers: int | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> tuple[list[BuildOutcome], int]:
    """Build every file, report progress and a summary; return the outcomes and the exit code."""
    out, err = out or sys.stdout, err or sys.stderr
    if not paths:
        return [], 0
    twice = same_municipality(paths)
    if twice:
        print(twice, file=err)
        return [], 2
    if options.council is None:  # one municipality: its council package too; a batch: only on request
        options = replace(options, council=len(paths) == 1)
    with _Progress(len(paths), out, err) as progress:
        outcomes = run_parallel(build_one, paths, options, workers=workers, on_done=progress)
    if options.out_dir.is_dir():
        sync_filesystem(options.out_dir)  # one durable sync for the whole batch, not one per file
    if len(paths) > 1:
        print_summary(outcomes, out)
        if not options.council:
            print(NO_COUNCIL, file=out)
    return outcomes, max((o.exit_code for o in outcomes), default=0)


def same_municipality(paths: list[Path]) -> str:
    """Files of one batch that are for the same municipality, as a Dutch refusal ("" if none).

    Checked before anything is written: both would go to the same output/<gemeente>/ folder.
    """
    from verordening.choicefile.source import peek_municipality

    by_slug: dict[str, list[Path]] = {}
    for path in paths:
        found = peek_municipality(path)
        if found is not None:
            by_slug.setdefault(found.slug, []).append(path)
    clashes = [(slug, files) for slug, files in by_slug.items() if len(files) > 1]
    if not clashes:
        return ""
    lines = [
        f"{files[0]}: niets gebouwd, want {' en '.join(str(f) for f in files)} zijn allemaal voor de gemeente "
        f"{peek_municipality(files[0]).naam} en zouden dezelfde map {slug}/ vullen; verwijder er een uit de map, "
        "of bouw ze apart met elk een eigen --out"
        for slug, files in clashes
    ]
    return "\n".join(lines)
