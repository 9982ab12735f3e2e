"""The pipeline for one municipality: choices -> ordinance -> checklist -> rendered files -> disk."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from verordening.choicefile.reader import load_choices
from verordening.choicefile.schema import Choices
from verordening.engine.assemble import assemble
from verordening.engine.checklist import Checklist, compute
from verordening.engine.document import Ordinance
from verordening.engine.library import load_library
from verordening.render import checklist as render_checklist
from verordening.render import docx as render_docx
from verordening.render import html as render_html
from verordening.render import markdown as render_markdown
from verordening.render import pdf as render_pdf
from verordening.render import raadsvoorstel_docx, raadsvoorstel_md
from verordening.render import was_wordt as render_was_wordt
from verordening.runs.output import safe_target, write_outputs


@dataclass(frozen=True)
class BuildOptions:
    """How to build; set from the CLI."""

    out_dir: Path = Path("output")
    template: Path | None = None  # reference.docx whose styles the DOCX takes (house style)
    force: bool = False  # overwrite generated files that were edited by hand (keeping a backup)
    library: Path | None = None  # another clause library (--bibliotheek); None: the one in the package
    pdf: bool = False  # also <slug>.pdf, the DOCX converted by LibreOffice (render/pdf.py)
    # The council package (COUNCIL_FILES): True/False, or None to let the run decide (batch.py: one file yes,
    # many files no: a build of all 342 municipalities is for comparing, not for 342 raadsvoorstellen).
    council: bool | None = True


@dataclass
class Rendered:
    """Everything a build produces for one municipality, in memory, before anything is written."""

    ordinance: Ordinance
    checklist: Checklist
    files: dict[str, bytes]  # file name within output/<slug>/ -> content


# name suffix -> renderer of the ordinance itself; renderers for other formats register here (see render/).
Renderer = Callable[[Ordinance, Checklist, BuildOptions], bytes]
RENDERERS: dict[str, Renderer] = {
    ".md": lambda o, c, opts: render_markdown.render(o, c).encode("utf-8"),
    ".docx": render_docx.render,
    ".html": render_html.render,
}
# The council package: what the raad discusses and weighs, beside (never inside) the text it adopts.
COUNCIL_RENDERERS: dict[str, Renderer] = {
    "-bespreekversie.docx": render_docx.bespreekversie,  # for the raad's discussion, never for publication
    # the table against the VNG model, a bijlage of the raadsvoorstel
    "-was-wordt.docx": lambda o, c, opts: render_was_wordt.render(o, opts.template),
}
COUNCIL_FILES = ("raadsvoorstel.md", "raadsvoorstel.docx")  # plus <slug> + each COUNCIL_RENDERERS suffix


def council_files(slug: str) -> list[str]:
    """The names of the council package's files in output/<slug>/."""
    return [f"{slug}{suffix}" for suffix in COUNCIL_RENDERERS] + list(COUNCIL_FILES)


def checklist_json(checklist: Checklist) -> bytes:
    return (json.dumps(checklist.to_json(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def render_all(choices: Choices, options: BuildOptions = BuildOptions()) -> Rendered:
    library = load_library(options.library)
    ordinance = assemble(choices, library)
    checklist = compute(ordinance, library)
    files = {f"{ordinance.slug}{suffix}": render(ordinance, checklist, options) for suffix, render in RENDERERS.items()}
    # The checklist is a working document beside the ordinance, never inside the adoptable text.
    files["controlelijst.md"] = render_checklist.render(ordinance, checklist).encode("utf-8")
    files["checklist.json"] = checklist_json(checklist)
    if options.council is not False:
        for suffix, render in COUNCIL_RENDERERS.items():
            files[f"{ordinance.slug}{suffix}"] = render(ordinance, checklist, options)
        # The college's proposal to the raad: what the raad weighs, never in the text it adopts.
        files["raadsvoorstel.md"] = raadsvoorstel_md.render(ordinance, checklist).encode("utf-8")
        files["raadsvoorstel.docx"] = raadsvoorstel_docx.render(ordinance, checklist, options)
    if options.pdf:  # from the finished DOCX, still in memory: written with the rest or not at all
        files[f"{ordinance.slug}.pdf"] = render_pdf.from_docx(files[f"{ordinance.slug}.docx"], ordinance.slug)
    return Rendered(ordinance, checklist, files)


def build_file(path: Path, options: BuildOptions = BuildOptions(), durable: bool = True) -> tuple[Rendered, list[Path]]:
    """Build one choice file into output/<slug>/; a batch passes durable=False and syncs once at the end."""
    rendered = render_all(load_choices(path), options)
    target = safe_target(options.out_dir, rendered.ordinance.slug)
    inputs = [path, *([options.template] if options.template else [])]
    # Without the council package, an earlier one would sit beside a newer ordinance: it goes, unless edited.
    stale = council_files(rendered.ordinance.slug) if options.council is False else []
    written = write_outputs(target, rendered.files, force=options.force, inputs=inputs, durable=durable, stale=stale)
    return rendered, written
