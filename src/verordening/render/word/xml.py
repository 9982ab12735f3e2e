"""WordprocessingML building blocks in lxml: paragraphs, runs, fields, tables.

Plain lxml elements, style ids resolved once per base: python-docx looked a style up by name among
all styles for every paragraph it added. Property elements are written in the order the schema
prescribes (Word rejects some out-of-order documents).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from lxml import etree

from verordening.engine.textfilters import NOBREAK_HYPHEN, typeset

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PREFIXES = {"w": W_NS, "r": R_NS, "xml": "http://www.w3.org/XML/1998/namespace"}


def qn(tag: str) -> str:
    """ "w:p" -> "{…wordprocessingml/2006/main}p" (Clark notation)."""
    prefix, local = tag.split(":")
    return f"{{{_PREFIXES[prefix]}}}{local}"


W_P, W_PPR, W_PSTYLE, W_R, W_RPR, W_T, W_TAB, W_BR, W_VAL = (
    qn(t) for t in ("w:p", "w:pPr", "w:pStyle", "w:r", "w:rPr", "w:t", "w:tab", "w:br", "w:val")
)
W_DEL_T = qn("w:delText")
_BREAKS = re.compile(f"([\t\r\n{NOBREAK_HYPHEN}])")
_SPECIAL = {"\t": W_TAB, NOBREAK_HYPHEN: qn("w:noBreakHyphen")}  # else a line break
XML_SPACE = qn("xml:space")
_NSMAP = {"w": W_NS}


def w(parent: etree._Element, tag: str, **attrs: object) -> etree._Element:
    """A w: child element with w: attributes."""
    el = etree.SubElement(parent, qn(f"w:{tag}"))
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), str(value))
    return el


def paragraph(
    style_id: str | None,
    text: str = "",
    *,
    keep_next: bool = False,
    page_break: bool = False,
    tabs: Sequence[tuple[str, int]] = (),
    before: int | None = None,
    runs: Iterable[etree._Element] = (),
) -> etree._Element:
    """`<w:p>` in style `style_id` (None: the default style) with `text` as one run, or the given runs.

    `tabs` are (alignment, position in twips); `before` is the space before in twips."""
    p = etree.Element(W_P, nsmap=_NSMAP)
    ppr = etree.SubElement(p, W_PPR)
    if style_id is not None:
        etree.SubElement(ppr, W_PSTYLE).set(W_VAL, style_id)
    if keep_next:
        w(ppr, "keepNext")
    if page_break:
        w(ppr, "pageBreakBefore")
    if tabs:
        stops = w(ppr, "tabs")
        for alignment, position in tabs:
            w(stops, "tab", val=alignment, pos=position)
    if before is not None:
        w(ppr, "spacing", before=before)
    if text:
        append_text(etree.SubElement(p, W_R), text)
    p.extend(runs)
    return p


def keep_with_next(p: etree._Element) -> None:
    """Keep an existing paragraph on the page of the next one."""
    ppr = p.find(W_PPR)
    if ppr is None:
        ppr = etree.SubElement(p, W_PPR)
        p.insert(0, ppr)
    if ppr.find(qn("w:keepNext")) is None:
        style = ppr.find(W_PSTYLE)
        ppr.insert(0 if style is None else 1, etree.Element(qn("w:keepNext")))


def run(
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    deleted: bool = False,
    color: str | None = None,
    highlight: str | None = None,
    strike: bool = False,
    underline: bool = False,
) -> etree._Element:
    """`<w:r>`; a deleted run (inside w:del) holds w:delText instead of w:t. `color` is hex ("767676"),
    `highlight` one of Word's highlight colours ("yellow"); `strike` and `underline` are plain formatting
    (words marked as gone or new), not tracked changes."""
    r = etree.Element(W_R, nsmap=_NSMAP)
    if bold or italic or color or highlight or strike or underline:
        rpr = etree.SubElement(r, W_RPR)  # the children in the order of the schema (CT_RPr)
        if bold:
            w(rpr, "b")
        if italic:
            w(rpr, "i")
        if strike:
            w(rpr, "strike")
        if color:
            w(rpr, "color", val=color)
        if highlight:
            w(rpr, "highlight", val=highlight)
        if underline:
            w(rpr, "u", val="single")
    append_text(r, text, W_DEL_T if deleted else W_T)
    return r


def append_text(r: etree._Element, text: str, tag: str = W_T) -> None:
    """Run content for `text`, typeset (textfilters.typeset): tab -> w:tab, CR/LF -> w:br, a hyphen that
    must not end a line -> w:noBreakHyphen (Word's own), the rest in w:t (as python-docx writes it)."""
    text = typeset(text)
    if not _BREAKS.search(text):
        _add_t(r, text, tag)
        return
    for i, piece in enumerate(_BREAKS.split(text)):  # text, break, text, break, …
        if i % 2:
            etree.SubElement(r, _SPECIAL.get(piece, W_BR))
        else:
            _add_t(r, piece, tag)


def _add_t(r: etree._Element, text: str, tag: str) -> None:
    if text:
        t = etree.SubElement(r, tag)
        t.text = text
        if len(text.strip()) < len(text):
            t.set(XML_SPACE, "preserve")


def page_field() -> list[etree._Element]:
    """The runs of a PAGE field (a complex field, the form every word processor updates)."""
    runs = []
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        r = etree.Element(W_R, nsmap=_NSMAP)
        if kind:
            w(r, "fldChar", fldCharType=kind)
        elif text == " PAGE ":
            instr = w(r, "instrText")
            instr.set(XML_SPACE, "preserve")
            instr.text = text
        else:
            append_text(r, text)  # type: ignore[arg-type]
        runs.append(r)
    return runs


def table(
    widths: Sequence[int],
    style_id: str | None,
    header: Sequence[etree._Element],
    rows: Iterable[Sequence[etree._Element]],
) -> etree._Element:
    """`<w:tbl>` with fixed column widths (twips), a header row repeated on every page and rows that
    never split; cells are given as paragraphs. Without a table style the grid is drawn directly."""
    tbl = table_frame(widths, style_id)
    table_row(tbl, widths, [[p] for p in header], header=True)
    for cells in rows:
        table_row(tbl, widths, [[p] for p in cells])
    return tbl


def table_frame(widths: Sequence[int], style_id: str | None) -> etree._Element:
    """An empty `<w:tbl>` with fixed column widths (twips), in the table style or with its grid drawn."""
    tbl = etree.Element(qn("w:tbl"), nsmap=_NSMAP)
    pr = w(tbl, "tblPr")
    if style_id is not None:
        w(pr, "tblStyle", val=style_id)
    w(pr, "tblW", w=sum(widths), type="dxa")
    w(pr, "jc", val="left")
    if style_id is None:
        borders = w(pr, "tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            w(borders, side, val="single", sz=4, space=0, color="auto")
    w(pr, "tblLayout", type="fixed")
    w(pr, "tblLook", val="04A0", firstRow=1, lastRow=0, firstColumn=1, lastColumn=0, noHBand=0, noVBand=1)
    grid = w(tbl, "tblGrid")
    for width in widths:
        w(grid, "gridCol", w=width)
    return tbl


def table_row(
    tbl: etree._Element,
    widths: Sequence[int],
    cells: Sequence[Sequence[etree._Element]],
    *,
    header: bool = False,
    split: bool = False,
    shade: str = "",
) -> None:
    """A row of cells, each given as its paragraphs. A `header` row is shaded and repeated on every page;
    other rows never split over a page unless `split`. One cell fewer than `widths`: the last cell spans the
    columns left over (a heading row over the whole table)."""
    tr = w(tbl, "tr")
    if header:
        w(w(tr, "trPr"), "tblHeader", val="true")
        shade = shade or "E7E6E6"
    elif not split:
        w(w(tr, "trPr"), "cantSplit", val="true")
    for i, paragraphs in enumerate(cells):
        last = i == len(cells) - 1
        span = len(widths) - i if last else 1
        tc = w(tr, "tc")
        pr = w(tc, "tcPr")
        w(pr, "tcW", w=sum(widths[i : i + span]), type="dxa")
        if span > 1:
            w(pr, "gridSpan", val=span)
        if shade:
            w(pr, "shd", val="clear", color="auto", fill=shade)
        tc.extend(paragraphs or [etree.Element(W_P, nsmap=_NSMAP)])  # a cell holds at least one paragraph


def serialize(element: etree._Element) -> bytes:
    """An XML part as Word stores it."""
    return etree.tostring(element, encoding="UTF-8", standalone=True)


class Deflated(NamedTuple):
    """One package entry, compressed."""

    crc: int
    size: int
    data: bytes


def deflate(data: bytes) -> Deflated:
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)  # as zipfile does
    return Deflated(zlib.crc32(data), len(data), compressor.compress(data) + compressor.flush())
