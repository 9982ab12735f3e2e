"""Amendment -> the wijzigingsverordening as Markdown and DOCX (aanhef, Artikel I–III, toelichting)."""

from __future__ import annotations

import io

from docx import Document
from docx.shared import Cm

from verordening.changes.amend import Amendment, Instruction, choice_name, choice_value
from verordening.engine.document import Article, Lid, walk
from verordening.render.markdown import escape


def body_lines(body: Article | Lid) -> list[str]:
    """The quoted text of an article or lid, as plain lines (number prefixes included)."""
    lines = [body.heading] if isinstance(body, Article) else []
    elements = body.elements() if isinstance(body, Article) else walk([body])
    lines += ["    " * e.depth + (f"{e.numeral} {e.text}" if e.numeral else e.text) for e in elements]
    return lines


def general_toelichting(a: Amendment) -> list[str]:
    lines = [
        f"Deze verordening wijzigt de {a.old.citeertitel}. Volgens de Aanwijzingen voor de regelgeving behouden de "
        "bestaande artikelen hun nummer: een ingevoegd artikel krijgt het nummer van het voorafgaande artikel met een "
        "letter (bijvoorbeeld 12a) en het nummer van een artikel dat vervalt blijft leeg. Zo blijven verwijzingen naar "
        "de verordening in besluiten en beleidsregels kloppen.",
    ]
    if a.changes:
        lines.append("De wijzigingen volgen uit deze gewijzigde keuzes:")
    return lines


def changed_choice_lines(a: Amendment) -> list[str]:
    return [
        f"{choice_name(k)}: {choice_value(k, old, a.value_names)} → {choice_value(k, new, a.value_names)}"
        for k, (old, new) in a.changes.items()
    ]


# --- Markdown --------------------------------------------------------------------------------


def _md_body(body: Article | Lid) -> list[str]:
    lines = body_lines(body)
    out = []
    for i, line in enumerate(lines):
        stripped = line.lstrip(" ")
        depth = (len(line) - len(stripped)) // 4
        text = escape(stripped)
        if i == 0 and isinstance(body, Article):
            text = f"**{text}**"
        out += [f"> {'&nbsp;' * 4 * depth}{text}", ">"]
    return out[:-1] + [""]


def _md_instruction(ins: Instruction) -> list[str]:
    out = [f"**{ins.letter}**", "", escape(ins.text), ""]
    if ins.body is not None:
        out += _md_body(ins.body)
    for n, step in enumerate(ins.steps, 1):
        out += [f"{n}. {escape(step.text)}", ""]
        if step.body is not None:
            out += _md_body(step.body)
    return out


def to_markdown(a: Amendment) -> str:
    out = [f"# {escape(a.title)}", ""]
    for line in a.aanhef:
        out += [escape(line), ""]
    out += ["## Artikel I", "", escape(a.artikel_i), ""]
    for ins in a.instructions:
        out += _md_instruction(ins)
    out += [
        "## Artikel II",
        "",
        escape(a.artikel_ii),
        "",
        "## Artikel III",
        "",
        escape(a.artikel_iii),
        "",
        escape(a.ondertekening),
        "",
        "de griffier,",
        "",
        "de voorzitter,",
        "",
        "## Toelichting",
        "",
        "### Algemeen",
        "",
    ]
    out += [x for line in general_toelichting(a) for x in (escape(line), "")]
    out += [f"- {escape(line)}" for line in changed_choice_lines(a)] + [""]
    out += ["### Artikelsgewijs", "", "#### Artikel I", ""]
    out += [x for line in a.toelichting() for x in (escape(line), "")]
    out += ["#### Artikel II", "", escape(f"De wijzigingen gelden vanaf {a.artikel_ii.split(' op ', 1)[1]}"), ""]
    return "\n".join(out).rstrip() + "\n"


# --- DOCX ------------------------------------------------------------------------------------


def _docx_body(doc, body: Article | Lid) -> None:
    for i, line in enumerate(body_lines(body)):
        stripped = line.lstrip(" ")
        depth = (len(line) - len(stripped)) // 4
        p = doc.add_paragraph()
        p.paragraph_format.left_indent = Cm(1.0 + 0.75 * depth)
        run = p.add_run(stripped)
        run.bold = i == 0 and isinstance(body, Article)


def to_docx(a: Amendment) -> bytes:
    doc = Document()
    doc.core_properties.title = a.title
    doc.core_properties.language = "nl-NL"
    doc.add_heading(a.title, level=1)
    for line in a.aanhef:
        doc.add_paragraph(line)
    doc.add_heading("Artikel I", level=2)
    doc.add_paragraph(a.artikel_i)
    for ins in a.instructions:
        doc.add_paragraph().add_run(ins.letter).bold = True
        doc.add_paragraph(ins.text)
        if ins.body is not None:
            _docx_body(doc, ins.body)
        for n, step in enumerate(ins.steps, 1):
            p = doc.add_paragraph(f"{n}. {step.text}")
            p.paragraph_format.left_indent = Cm(0.75)
            if step.body is not None:
                _docx_body(doc, step.body)
    for heading, text in (("Artikel II", a.artikel_ii), ("Artikel III", a.artikel_iii)):
        doc.add_heading(heading, level=2)
        doc.add_paragraph(text)
    for line in (a.ondertekening, "de griffier,", "de voorzitter,"):
        doc.add_paragraph(line)
    doc.add_heading("Toelichting", level=2)
    doc.add_heading("Algemeen", level=3)
    for line in general_toelichting(a):
        doc.add_paragraph(line)
    for line in changed_choice_lines(a):
        doc.add_paragraph(line, style="List Bullet")
    doc.add_heading("Artikelsgewijs", level=3)
    for line in a.toelichting():
        doc.add_paragraph(line)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
