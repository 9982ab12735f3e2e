"""`verordening check`: the checklist of each choice file, and whether the law moved on since."""

from __future__ import annotations

from pathlib import Path

import typer

from verordening.changes.catchup import catch_up
from verordening.choicefile.reader import load_choices
from verordening.engine.assemble import assemble
from verordening.engine.checklist import Checklist, compute
from verordening.engine.library import ClauseLibrary, load_library
from verordening.engine.textfilters import datum
from verordening.errors import VerordeningError

MARKS = {True: "voldaan     ", False: "NIET VOLDAAN"}
PROCEDURE_MARKS = {"in_orde": "in orde     ", "opmerking": "opmerking   ", "waarschuwing": "WAARSCHUWING"}


def _print_checklist(checklist: Checklist) -> None:
    law = checklist.law
    typer.echo(f"  Wet: {law.label} (peildatum {datum(checklist.peildatum)}), {law.source}")
    typer.echo("  Wettelijke vereisten:")
    for r in checklist.vereisten:
        typer.echo(f"    [{MARKS[r.met]}] {r.citation}: {r.reason}")
    typer.echo("  Procedure:")
    for p in checklist.procedure:
        typer.echo(f"    [{PROCEDURE_MARKS[p.status]}] {p.citation}: {p.reason}")


def _print_catch_up(path: Path, library: ClauseLibrary, choices: object) -> None:
    found = catch_up(choices, library)  # type: ignore[arg-type]
    if found is None:
        return
    newest = found.newest
    if not found.needed:
        typer.echo(f"  Nieuwere wet: {newest.label} wijzigt geen artikel van deze verordening.")
        return
    typer.echo(f"  LET OP: sinds {datum(found.drafted.valid_from)} is de wet gewijzigd; {newest.label} raakt:")
    for number, title, status in found.articles:
        typer.echo(f"    artikel {number} ({title}): {status}")
    others = 0
    for version, change in found.changes:
        if not change.relevant:  # an indexation or a change of unit: no text of the ordinance changes
            others += 1
            continue
        cited = f" ({change.cited()})" if change.cited() else ""
        typer.echo(f"    per {datum(version.valid_from)}{cited}: {change.summary}")
    if others:
        typer.echo(
            f"    en {others} wijziging(en) zonder gevolg voor de tekst, zoals de indexatie van de premie (docs/wettekst.md)"
        )
    typer.echo(
        f"  Breng de verordening bij met een wijzigingsverordening: maak een nieuw keuzebestand met dezelfde keuzes, "
        f"de gegevens van het nieuwe raadsbesluit en 'wet: {{peildatum: {newest.valid_from.isoformat()}}}' (of later), "
        f"en draai 'verordening amend {path} NIEUW.yaml' (voorbeeld: municipalities/bijwerken/)."
    )


def run_check(paths: list[Path], library_dir: Path | None) -> int:
    """Print the checklist of every file; the exit code is 1 when a statutory requirement is unmet."""
    exit_code = 0
    for path in paths:
        try:
            library = load_library(library_dir)
            choices = load_choices(path)
            ordinance = assemble(choices, library)
            checklist = compute(ordinance, library)
            typer.echo(f"{ordinance.citeertitel} ({path})")
            _print_checklist(checklist)
            _print_catch_up(path, library, choices)
        except VerordeningError as exc:
            typer.echo(str(exc), err=True)
            exit_code = max(exit_code, exc.exit_code)
            continue
        if not checklist.all_met:
            exit_code = max(exit_code, 1)
    return exit_code
