"""The work behind `verordening diff` and `verordening amend`, so cli.py stays thin."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from verordening.changes import was_wordt
from verordening.changes.amend import amend
from verordening.changes.amendment import to_docx, to_markdown
from verordening.changes.consolidated import between_versions
from verordening.changes.diff import compare, model_choices
from verordening.changes.redline import FORMATS, render
from verordening.choicefile.reader import load_choices
from verordening.cli.app import UsageError
from verordening.engine.assemble import assemble
from verordening.render.was_wordt import to_docx as was_wordt_docx
from verordening.runs.output import safe_target, write_file, write_outputs

WAS_WORDT = "was-wordt"  # --format: the was-wordt-tabel (DOCX), besides the redline's formats


def run_diff(
    old: Path,
    new: Path | None,
    model: bool,
    fmt: str,
    out: Path | None,
    template: Path | None = None,
    force: bool = False,
) -> None:
    if fmt not in (*FORMATS, WAS_WORDT):
        raise UsageError(f"onbekend formaat '{fmt}'; kies uit {', '.join((*FORMATS, WAS_WORDT))}")
    if model == (new is not None):
        raise UsageError("geef twee keuzebestanden (OUD NIEUW), of één keuzebestand met --model")
    if fmt in ("docx", WAS_WORDT) and out is None:
        raise UsageError("een DOCX-bestand kan niet op het scherm worden getoond; geef met --out een bestandsnaam op")
    if model:
        draft = load_choices(old)
        first, second = model_choices(draft), draft
        names = ("VNG-model", f"ontwerp {draft.citeertitel}")
    else:
        first, second = load_choices(old), load_choices(new)  # type: ignore[arg-type]
        names = (None, None)
        if first.gemeente != second.gemeente:
            typer.echo(f"let op: u vergelijkt twee gemeenten ({first.gemeente} en {second.gemeente})", err=True)
    if template is not None and fmt not in ("docx", WAS_WORDT):
        raise UsageError(f"--template geldt alleen voor --format docx en --format {WAS_WORDT}")
    if fmt == WAS_WORDT:
        table = was_wordt.against_model(second) if model else was_wordt.between_versions(first, second)
        data = was_wordt_docx(table, template)
    elif model:
        comparison = compare(assemble(first), assemble(second))
        data = render(comparison, fmt, *names, template=template)
    else:
        comparison, note = between_versions(first, second)
        if note:
            typer.echo(note, err=True)
        data = render(comparison, fmt, *names, template=template)
    if out is None:
        sys.stdout.write(data.decode("utf-8"))
        return
    write_file(out, data, force=force, inputs=[old, *([new] if new else []), *([template] if template else [])])
    typer.echo(f"{'was-wordt-tabel' if fmt == WAS_WORDT else 'vergelijking'} geschreven naar {out}", err=True)


def run_amend(old: Path, new: Path, out_dir: Path, template: Path | None = None, force: bool = False) -> None:
    first, second = load_choices(old), load_choices(new)
    if first.gemeente != second.gemeente:  # the aanhef would cite the other municipality's proposal
        raise UsageError(
            f"{new}: dit keuzebestand is voor {second.gemeente}, {old} voor {first.gemeente}; een "
            "wijzigingsverordening wijzigt de verordening van één gemeente: geef twee versies van die ene gemeente"
        )
    amendment = amend(first, second)
    target = safe_target(out_dir, amendment.old.slug)
    stem = f"wijzigingsverordening-{second.jaar}"
    files = {f"{stem}.md": to_markdown(amendment).encode("utf-8"), f"{stem}.docx": to_docx(amendment, template)}
    write_outputs(target, files, force=force, inputs=[old, new, *([template] if template else [])])
    letters = (
        f"{amendment.instructions[0].letter}–{amendment.instructions[-1].letter}"
        if len(amendment.instructions) > 1
        else "A"
    )
    typer.echo(
        f"{amendment.title}: {len(amendment.instructions)} wijziging(en) ({letters}) → {target / stem}.md, .docx"
    )


def run_amendement(path: Path, ask: str, out: Path | None, template: Path | None = None, force: bool = False) -> None:
    """Write the amendement for one OVAL ask, or say that the draft already meets it (and write nothing)."""
    from verordening.changes.amendement_doc import to_docx as amendement_docx
    from verordening.changes.amendement_doc import to_markdown as amendement_markdown
    from verordening.changes.council_amendement import ASK_KEYS, draft_amendement, verdict
    from verordening.engine.scorecard import ASKS

    if ask not in ASK_KEYS:
        raise UsageError(f"onbekende vraag '{ask}' bij --oval; kies uit {', '.join(ASK_KEYS)}")
    draft = load_choices(path)
    amendement = draft_amendement(draft, ask)
    if amendement is None:
        typer.echo(
            f"De ontwerp-{draft.citeertitel} voldoet al aan deze vraag van OVAL ({ASKS[ask].lower()}): "
            f"{verdict(draft, ask).reason}. Er is geen amendement nodig; er is niets geschreven."
        )
        return
    if out is None:
        stem = safe_target(Path("output"), amendement.amendment.old.slug) / f"amendement-{ask}"
    else:
        stem = out.with_suffix("") if out.suffix.lower() in (".md", ".docx") else out
    files = {
        stem.with_name(stem.name + ".md"): amendement_markdown(amendement).encode("utf-8"),
        stem.with_name(stem.name + ".docx"): amendement_docx(amendement, template),
    }
    inputs = [path, *([template] if template else [])]
    write_outputs(stem.parent, {p.name: data for p, data in files.items()}, force=force, inputs=inputs)
    n = len(amendement.amendment.instructions)
    typer.echo(f"Amendement ({n} {'wijziging' if n == 1 else 'wijzigingen'}) geschreven → {stem}.md, .docx")
