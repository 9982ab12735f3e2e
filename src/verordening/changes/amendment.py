"""Amendment -> the wijzigingsverordening as Markdown and DOCX (aanhef, Artikel I–III, toelichting)."""

from __future__ import annotations

from pathlib import Path

from verordening.changes.amend import Amendment, Instruction
from verordening.engine.document import Article, Lid, walk
from verordening.render.docx import ELEMENT_STYLES, elements, signature
from verordening.render.markdown import escape, signature_lines
from verordening.render.word.base import word_base
from verordening.render.word.document import WordDocument
from verordening.render.word.package import Properties


def body_lines(body: Article | Lid) -> list[str]:
    """The quoted text of an article or lid, as plain lines (number prefixes included)."""
    lines = [body.heading] if isinstance(body, Article) else []
    elements = body.elements() if isinstance(body, Article) else walk([body])
    lines += ["    " * e.depth + (f"{e.numeral} {e.text}" if e.numeral else e.text) for e in elements]
    return lines


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


def md_instruction(ins: Instruction) -> list[str]:
    """One onderdeel of Artikel I as Markdown (also used by the council amendement)."""
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
        out += md_instruction(ins)
    out += [
        "## Artikel II",
        "",
        escape(a.artikel_ii),
        "",
        "## Artikel III",
        "",
        escape(a.artikel_iii),
        "",
        *signature_lines(a.ondertekening),
        "## Toelichting",
        "",
        "### Algemeen",
        "",
    ]
    out += [x for line in a.toelichting_algemeen() for x in (escape(line), "")]
    out += [f"- {escape(line)}" for line in a.changed_choice_lines()] + [""]
    out += ["### Artikelsgewijs", "", "#### Artikel I", ""]
    out += [x for line in a.toelichting() for x in (escape(line), "")]
    out += ["#### Artikel II", "", escape(a.toelichting_artikel_ii), ""]
    return "\n".join(out).rstrip() + "\n"


# --- DOCX ------------------------------------------------------------------------------------

STYLES = (
    "Title",
    "Aanhef",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "Wijzigingsonderdeel",
    "Wijzigingsopdracht",
    "Wijzigingsopdracht genummerd",
    "Citaat artikelkop",
    *(f"Citaat {name.lower()}" for name in ELEMENT_STYLES),
    "Ondertekening",
    "Opsomming toelichting",
)


def _docx_body(doc: WordDocument, body: Article | Lid) -> None:
    """The quoted text of an article or lid, indented one level, numbered as in the ordinance."""
    if isinstance(body, Article):
        doc.add(body.heading, "Citaat artikelkop")
    elements(doc, body.elements() if isinstance(body, Article) else walk([body]), quoted=True)


def docx_instruction(doc: WordDocument, ins: Instruction) -> None:
    """One onderdeel of Artikel I (also used by the council amendement)."""
    doc.add(ins.letter, "Wijzigingsonderdeel")
    doc.add(ins.text, "Wijzigingsopdracht")
    if ins.body is not None:
        _docx_body(doc, ins.body)
    for n, step in enumerate(ins.steps, 1):
        doc.add(f"{n}.\t{step.text}", "Wijzigingsopdracht genummerd")
        if step.body is not None:
            _docx_body(doc, step.body)


def to_docx(a: Amendment, template: Path | None = None) -> bytes:
    doc = WordDocument(word_base(template, STYLES))
    doc.add(a.title, "Title")
    for line in a.aanhef:
        doc.add(line, "Aanhef")
    doc.add("Artikel I", "Heading 2")
    doc.add(a.artikel_i, "Wijzigingsopdracht")
    for ins in a.instructions:
        docx_instruction(doc, ins)
    for heading, text in (("Artikel II", a.artikel_ii), ("Artikel III", a.artikel_iii)):
        doc.add(heading, "Heading 2")
        doc.add(text, "Normal")
    signature(doc, a.ondertekening)
    doc.add("Toelichting", "Heading 1", page_break=True)
    doc.add("Algemeen", "Heading 2")
    for line in a.toelichting_algemeen():
        doc.add(line, "Normal")
    for line in a.changed_choice_lines():
        doc.add(f"–\t{line}", "Opsomming toelichting")
    doc.add("Artikelsgewijs", "Heading 2")
    doc.add("Artikel I", "Heading 3")
    for line in a.toelichting():
        doc.add(line, "Normal")
    doc.add("Artikel II", "Heading 3")
    doc.add(a.toelichting_artikel_ii, "Normal")
    gemeente = a.old.choices.gemeente
    return doc.package(
        Properties(
            title=a.title,
            subject=f"Wijziging van de {a.old.citeertitel}",
            author=f"gemeente {gemeente}",
            keywords="Participatiewet; re-integratie; verordening; wijziging",
            category="Wijzigingsverordening",
            date=a.new.vaststelling.voorstel_datum,
        ),
        footer=a.citeertitel,
        header=a.ondertekening.kop,
    )
