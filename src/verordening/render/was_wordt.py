"""A was-wordt-tabel (changes/was_wordt.py) as DOCX on the Word base, landscape.

One table over the page width: Was, Wordt and Toelichting, the header row repeated on every page, a
shaded row for each chapter. A cell holds the article as the ordinance writes it (its heading, then the
leden and onderdelen in the ordinance's own styles); where an article is on both sides, the words that
go are struck through in the Was cell and the words that come are underlined in the Wordt cell. A row
is kept on one page when it fits on one easily; a longer row may split, its heading staying with its text.
"""

from __future__ import annotations

import math
from pathlib import Path

from lxml import etree

from verordening.changes.diff import ParaChange, Segment, accepted, rejected
from verordening.changes.was_wordt import Row, Table, against_model
from verordening.engine.document import Ordinance
from verordening.engine.library import load_library
from verordening.render.docx import ELEMENT_STYLES, element_style
from verordening.render.word import xml
from verordening.render.word.base import word_base
from verordening.render.word.document import WordDocument
from verordening.render.word.package import Properties

STYLES = (
    "Title",
    "Was-wordt kolomkop",
    "Was-wordt hoofdstuk",
    "Was-wordt artikelkop",
    "Was-wordt toelichting",
    *ELEMENT_STYLES,
    "Noot",
)
COLUMNS = (0.385, 0.385, 0.23)  # Was, Wordt, Toelichting: fractions of the text width
SPLIT_LINES = 24  # a row whose longest cell is estimated at more lines may split over two pages
CHAR_TWIPS = 110  # the mean width of a character of Arial 10 pt, for that estimate
CHAPTER_SHADE = "F2F2F2"


REWRITTEN = 0.5  # a paragraph with more of its text changed is marked as replaced as a whole


def _runs(segments: list[Segment], side: str, mark: bool) -> list[etree._Element]:
    """The runs of one side ("-": the old text, "+": the new): the other side's words left out; with `mark`,
    this side's own changes struck through (old) or underlined (new), the spaces around them not."""
    out = []
    for kind, text in segments:
        if kind != "=" and kind != side:
            continue
        core = text.strip()
        if not (mark and kind == side and core):
            out.append(xml.run(text))
            continue
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
        out += [xml.run(lead)] if lead else []
        out.append(xml.run(core, strike=side == "-", underline=side == "+"))
        out += [xml.run(trail)] if trail else []
    return out


def _segments(p: ParaChange) -> tuple[list[Segment], list[Segment]]:
    """The number and the text of an element, diffed; a text mostly rewritten is one deletion and one
    insertion (words struck and underlined here and there would be harder to read than the two texts)."""
    number, text = p.number_and_text()
    if p.old is not None and p.new is not None:
        changed = sum(len(t) for kind, t in text if kind != "=")
        if changed > REWRITTEN * (len(p.old.text) + len(p.new.text)):
            text = [("-", p.old.text), ("+", p.new.text)]
    return number, text


def _text(segments: list[Segment], side: str) -> str:
    return rejected(segments) if side == "-" else accepted(segments)


class _Cells:
    """The paragraphs of the cells of one document, and how many lines they take."""

    def __init__(self, doc: WordDocument, table: Table, widths: list[int]):
        self.doc, self.table, self.widths = doc, table, widths

    def paragraph(self, style: str, text: str = "", runs: list[etree._Element] | None = None) -> etree._Element:
        self.doc.count(text)
        return xml.paragraph(self.doc.style(style), text if runs is None else "", runs=runs or ())

    def article(self, row: Row, side: str) -> list[etree._Element]:
        """One side of an article: its heading and elements, or the note of an article not on this side."""
        a = row.article
        present = a.old if side == "-" else a.new
        mark = a.old is not None and a.new is not None
        out = []
        heading = _text(a.heading, side)
        if heading.strip():  # an article that vervalt keeps its place: "Artikel 13 [vervallen]"
            out.append(self.paragraph("Was-wordt artikelkop", heading, _runs(a.heading, side, mark)))
        if present is None:
            note = "nieuw" if side == "-" else "vervalt" if heading.strip() else "niet_opgenomen"
            out.append(self.paragraph("Noot", self.table.note(note)))
            return out
        if row.left_out:
            out.append(self.paragraph("Noot", self.table.note("leden_gelijk")))
        numbered_lid = True
        for p in row.paras:
            if p.kind == ("+" if side == "-" else "-"):
                continue
            number, text = _segments(p)
            shown = _text(number, side)
            if p.level == 0:
                numbered_lid = bool(shown)
            runs = (
                _runs(number, side, mark) + [xml.run("\t")] + _runs(text, side, mark)
                if shown
                else _runs(text, side, mark)
            )
            style = element_style(p.level, bool(shown), numbered_lid)
            out.append(self.paragraph(style, f"{shown}\t{_text(text, side)}" if shown else _text(text, side), runs))
        return out

    def lines(self, column: int, paragraphs: list[etree._Element]) -> int:
        """An estimate of the lines the paragraphs take in this column (for keeping short rows whole)."""
        per_line = max(1, self.widths[column] // CHAR_TWIPS)
        return sum(max(1, math.ceil(len("".join(p.itertext())) / per_line)) for p in paragraphs)


def to_docx(table: Table, template: Path | None = None) -> bytes:
    doc = WordDocument(word_base(template, STYLES, landscape=True))
    doc.add(table.title, "Title")
    for line in table.intro:
        doc.add(line, "Normal")
    if table.unchanged:
        doc.add(table.unchanged, "Normal")
    if table.rows:
        widths = [int(doc.text_width * f) for f in COLUMNS]
        cells = _Cells(doc, table, widths)
        tbl = xml.table_frame(widths, doc.base.table_style_id)
        xml.table_row(tbl, widths, [[cells.paragraph("Was-wordt kolomkop", c)] for c in table.columns], header=True)
        chapter = None
        for row in table.rows:
            a = row.article
            if a.chapter != chapter:
                chapter = a.chapter
                xml.table_row(tbl, widths, [[cells.paragraph("Was-wordt hoofdstuk", chapter)]], shade=CHAPTER_SHADE)
            content = [
                cells.article(row, "-"),
                cells.article(row, "+"),
                [cells.paragraph("Was-wordt toelichting", line) for line in row.reasons],
            ]
            longest = max(cells.lines(i, c) for i, c in enumerate(content))
            xml.table_row(tbl, widths, content, split=longest > SPLIT_LINES)
        doc.body.append(tbl)
        doc.add("", "Normal")  # Word wants a paragraph after a table at the end of the body
    k, t = table.comparison.new.choices, table.t
    return doc.package(
        Properties(
            title=table.title,
            subject=t("eigenschappen.onderwerp", citeertitel=table.citeertitel),
            author=t("eigenschappen.auteur", gemeente=k.gemeente),
            keywords=t("eigenschappen.trefwoorden"),
            category=t("eigenschappen.categorie"),
            date=k.vaststelling.voorstel_datum,
        ),
        footer=table.title,
        header=table.header,
    )


def render(ordinance: Ordinance, template: Path | None = None) -> bytes:
    """The table of a built ordinance against the VNG model (`<slug>-was-wordt.docx` beside the ordinance)."""
    return to_docx(against_model(ordinance.choices, load_library(ordinance.library), ordinance), template)
