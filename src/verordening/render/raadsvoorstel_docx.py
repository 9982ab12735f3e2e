"""The raadsvoorstel as DOCX on the Word base: the layout of render/raadsvoorstel.py's model.

The same base as the ordinance (A4, nl-NL, house style or `--template`, the title and page number in the
footer, "CONCEPT" in the header of a concept). The header block is a two-column table, the statutory
requirements a three-column table in the table style, the college's signature as the ordinance's.
"""

from __future__ import annotations

from pathlib import Path

from verordening.engine.checklist import Checklist
from verordening.engine.document import Ordinance
from verordening.render.docx import signature
from verordening.render.raadsvoorstel import Block, Raadsvoorstel, build
from verordening.render.word.base import word_base
from verordening.render.word.document import WordDocument
from verordening.render.word.package import Properties

STYLES = ("Title", "Heading 1", "Heading 2", "Lid", "Opsomming toelichting", "Ondertekening", "Tabeltekst")
KOP_FRACTIONS = (0.28, 0.72)


def _block(doc: WordDocument, block: Block, keep_next: bool = False) -> None:
    """One block; `keep_next` keeps a paragraph on the page of the table it introduces."""
    if block.kind == "tabel" and block.table is not None:
        t = block.table
        doc.table(t.fractions, t.columns, ([(cell, False) for cell in row] for row in t.rows))
        doc.add("", "Normal")  # room between the table and the text after it
    elif block.kind == "tussenkop":
        doc.add(block.texts[0], "Heading 2")
    elif block.kind == "opsomming":
        for text in block.texts:
            doc.add(f"–\t{text}", "Opsomming toelichting")
    elif block.kind == "genummerd":
        for i, text in enumerate(block.texts, 1):
            doc.add(f"{i}.\t{text}", "Lid")
    else:
        doc.add(block.texts[0], "Normal", keep_next=keep_next)


def layout(rv: Raadsvoorstel, template: Path | None = None) -> bytes:
    doc = WordDocument(word_base(template, STYLES))
    doc.add(rv.title, "Title")
    (first, value), *rest = rv.kop
    doc.table(KOP_FRACTIONS, (first, value), ([(label, True), (text, False)] for label, text in rest))
    doc.add("", "Normal")
    doc.add(rv.aan, "Normal")
    for section in rv.sections:
        doc.add(section.title, "Heading 1")
        for block, after in zip(section.blocks, [*section.blocks[1:], None]):
            _block(doc, block, keep_next=after is not None and after.kind == "tabel")
    signature(doc, rv.ondertekening)
    properties = Properties(
        title=rv.footer,
        subject=rv.kop[0][1],
        author=rv.properties[0],
        keywords=rv.properties[1],
        category=rv.title,
        date=rv.datum,  # type: ignore[arg-type]
    )
    return doc.package(properties, footer=rv.footer, header=rv.ondertekening.kop)


def render(ordinance: Ordinance, checklist: Checklist, options: object = None) -> bytes:
    return layout(build(ordinance, checklist), getattr(options, "template", None))
