"""Ordinance -> DOCX (python-docx), laid out like an ordinance published in the Gemeenteblad.

Chapters and articles use Word's own heading styles (navigation pane, table of contents).
Leden, onderdelen and sub-onderdelen carry their computed numbers as text followed by a tab,
in paragraph styles with a hanging indent: Word's automatic numbering could renumber them.
With a reference DOCX (BuildOptions.template) the document starts from that file's styles and
page setup; only styles the template lacks are added.
"""

from __future__ import annotations

import copy
import datetime as dt
import functools
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.coreprops import CoreProperties
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl
from docx.shared import Cm, Emu, Pt, RGBColor
from docx.styles import BabelFish
from docx.styles.style import BaseStyle, ParagraphStyle, StyleFactory
from docx.table import Table
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.parfmt import ParagraphFormat

from verordening.engine.checklist import CheckResult
from verordening.engine.document import Article, Ordinance, Paragraph
from verordening.engine.textfilters import datum
from verordening.render.docx_xml import (
    Deflated,
    append_text,
    deflate,
    fill_cell_paragraph,
    paragraph,
    serialize,
    zip_package,
)
from verordening.render.word_template import TemplateError, read_template

LANGUAGE = "nl-NL"
FONT = "Arial"
STEP = Cm(0.75)  # indent per level: lid number, onderdeel letter, sub-onderdeel number

# Paragraph styles this renderer adds when the template lacks them: name -> (level, hanging).
# Level n puts the text at n * STEP; a hanging style puts its number one STEP to the left.
LEVEL_STYLES = {
    "Lid": (1, True),
    "Lid zonder nummer": (0, False),
    "Onderdeel": (2, True),
    "Onderdeel bij enig lid": (1, True),
    "Subonderdeel": (3, True),
    "Subonderdeel bij enig lid": (2, True),
    "Opsomming toelichting": (1, True),
}
CHECKLIST_HEADER = ("Vereiste", "Wat de wet vraagt", "Artikel(en)", "Voldaan", "Toelichting")
CHECKLIST_WIDTHS = (0.16, 0.34, 0.12, 0.14, 0.24)  # fractions of the text width


class _UnreadableTemplate(Exception):
    """The template's bytes are not a Word document (the caller knows its path)."""


def render(ordinance: Ordinance, checklist: list[CheckResult], options: object = None) -> bytes:
    template: Path | None = getattr(options, "template", None)
    try:
        base = _base(_template_bytes(template))
    except _UnreadableTemplate as exc:
        raise _unreadable(template) from exc.__cause__
    document = copy.deepcopy(base.document)
    body = document.body
    end = body.sectPr
    if end is not None:
        body.remove(end)
    out = _Body(body, base.style_ids)

    out.add(ordinance.citeertitel, "Title")
    for line in ordinance.aanhef:
        out.add(line, "Aanhef")
    for chapter in ordinance.chapters:
        out.add(chapter.heading, "Heading 1")
        for article in chapter.articles:
            _article(out, article)
    _signature(out, ordinance, base.text_width)
    _toelichting(out, ordinance)
    _checklist(out, checklist, base)
    if end is not None:
        body.append(end)

    parts = {base.document_name: serialize(document), base.core_name: _core_properties(base, ordinance)}
    parts.update(_footers(base, ordinance.citeertitel))
    fresh = {name: deflate(data) for name, data in parts.items()}
    return zip_package((name, fresh.get(name, entry)) for name, entry in base.entries)


# --- the base document: styles, page, footer; prepared once per process and template ----------

_TITLE_PLACEHOLDER = "\ue000citeertitel\ue000"
_STYLES_USED = (
    "Normal",
    "Title",
    "Aanhef",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "Ondertekening",
    "Tabeltekst",
    *LEVEL_STYLES,
)


@dataclass(frozen=True)
class _Base:
    """A prepared, empty document as package parts, and what rendering needs to know about it."""

    entries: tuple[tuple[str, Deflated], ...]  # zip name -> compressed part, in python-docx's order
    parts: dict[str, bytes]  # zip name -> bytes, for the parts rendering fills in
    document: object  # the parsed, empty w:document (deep-copied per render)
    document_name: str
    core_name: str
    footer_names: tuple[str, ...]
    style_ids: dict[str, str | None]  # style name -> id; None for the default paragraph style
    table_style_id: str | None | bool  # False when the template has no "Table Grid"
    block_width: int
    text_width: int


def _template_bytes(template: Path | None) -> bytes | None:
    """The template's clean package (render/word_template.py), the only place its bytes are read."""
    return None if template is None else read_template(template)


def _unreadable(template: Path) -> TemplateError:
    return TemplateError(
        f"het sjabloon {template} is geen leesbaar Word-document (.docx); sla het in Word op als .docx "
        "(een .dotx-sjabloon of .doc werkt niet)"
    )


@functools.lru_cache(maxsize=4)
def _base(template: bytes | None) -> _Base:
    doc = _open(template)
    by_name = _prepare_styles(doc, house_style=template is not None)
    _proofing(doc)
    _footer(doc, by_name["Footer"], _TITLE_PLACEHOLDER)
    core_part = doc.part.package._core_properties_part  # created here if the template has none
    buffer = io.BytesIO()
    doc.save(buffer)
    with zipfile.ZipFile(buffer) as package:
        parts = {info.filename: package.read(info.filename) for info in package.infolist()}
    default_paragraph = doc.styles.default(WD_STYLE_TYPE.PARAGRAPH)

    def paragraph_style_id(style: BaseStyle) -> str | None:  # Styles.get_style_id, with the default found once
        if style.type != WD_STYLE_TYPE.PARAGRAPH:
            raise ValueError(f"assigned style is type {style.type}, need type {WD_STYLE_TYPE.PARAGRAPH}")
        return None if style == default_paragraph else style.style_id

    table_style: str | None | bool = False
    if "Table Grid" in by_name:
        table_style = doc.part.get_style_id(by_name["Table Grid"], WD_STYLE_TYPE.TABLE)
    return _Base(
        entries=tuple((name, deflate(data)) for name, data in parts.items()),
        parts=parts,
        document=copy.deepcopy(doc.element),
        document_name=doc.part.partname[1:],
        core_name=core_part.partname[1:],
        footer_names=tuple(dict.fromkeys(s.footer.part.partname[1:] for s in doc.sections)),
        style_ids={name: paragraph_style_id(by_name[name]) for name in _STYLES_USED},
        table_style_id=table_style,
        block_width=doc._block_width,
        text_width=_text_width(doc),
    )


def _core_properties(base: _Base, ordinance: Ordinance) -> bytes:
    element = parse_xml(base.parts[base.core_name])
    _set_properties(CoreProperties(element), ordinance)
    return serialize(element)


def _footers(base: _Base, citeertitel: str) -> dict[str, bytes]:
    """The prepared footers with the placeholder replaced by the citeertitel (as run text: tabs stay tabs)."""
    parts = {}
    for name in base.footer_names:
        footer = parse_xml(base.parts[name])
        for t in [t for t in footer.iter(qn("w:t")) if t.text == _TITLE_PLACEHOLDER]:
            run = t.getparent()
            after = list(run)[run.index(t) + 1 :]
            for el in [t, *after]:
                run.remove(el)
            append_text(run, citeertitel)
            run.extend(after)
        parts[name] = serialize(footer)
    return parts


# --- document and styles -----------------------------------------------------------------


def _open(template: bytes | None) -> DocxDocument:
    if template is None:
        doc = Document()
        section = doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21.0), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.5)
        section.footer_distance = Cm(1.25)
        return doc
    try:
        doc = Document(io.BytesIO(template))
    except (PackageNotFoundError, KeyError, ValueError, OSError, zipfile.BadZipFile) as exc:
        raise _UnreadableTemplate() from exc
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return doc


def _prepare_styles(doc: DocxDocument, house_style: bool) -> dict[str, BaseStyle]:
    """Make every style the renderer uses exist; without a template, give them our look.

    Returns the styles by name (python-docx would search all styles for each look-up by name).
    """
    by_name = _StylesByName(doc)
    _set_language(_defaults_rpr(doc))
    for level in (1, 2, 3):
        _ensure_heading(by_name, level)
    for name in ("Title", "Footer", "Aanhef", "Ondertekening", "Tabeltekst"):
        if name not in by_name:
            by_name.add(name)
    for name, (level, hanging) in LEVEL_STYLES.items():
        if name not in by_name:
            _indent(by_name.add(name), level, hanging)
    if not house_style:
        _house_look(doc, by_name)
    for style in doc.styles:
        if style.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER):
            rpr = style.element.get_or_add_rPr()
            if rpr.find(qn("w:lang")) is not None or style.name in _OUR_STYLES:
                _set_language(rpr)
    return by_name


class _StylesByName(dict):
    """The document's styles by (UI) name, first one wins as in `Styles[name]`; adds paragraph styles."""

    def __init__(self, doc: DocxDocument) -> None:
        super().__init__()
        self.styles = doc.styles
        for style in self.styles:
            self.setdefault(style.name, style)

    def __missing__(self, name: str) -> BaseStyle:
        return self.styles[name]  # python-docx's fallback (a style id given as name) and its KeyError

    def add(self, name: str) -> ParagraphStyle:
        """A new paragraph style based on Normal (what `Styles.add_style` does, without searching again)."""
        element = self.styles.element.add_style_of_type(BabelFish.ui2internal(name), WD_STYLE_TYPE.PARAGRAPH, False)
        style = StyleFactory(element)
        style.base_style = self["Normal"]
        self[name] = style
        return style


_OUR_STYLES = {
    "Normal",
    "Title",
    "Footer",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    "Aanhef",
    "Ondertekening",
    "Tabeltekst",
    *LEVEL_STYLES,
}


def _proofing(doc: DocxDocument) -> None:
    """Let Word check the spelling: drop a stale 'already proofed' mark, declare Dutch as the theme language."""
    settings = doc.settings.element
    for state in settings.findall(qn("w:proofState")):
        settings.remove(state)
    for theme_lang in settings.findall(qn("w:themeFontLang")):
        theme_lang.set(qn("w:val"), LANGUAGE)


def _ensure_heading(by_name: _StylesByName, level: int) -> None:
    """Heading n as Word's built-in heading (styleId HeadingN, outline level n-1)."""
    name = f"Heading {level}"
    if name in by_name:
        style = by_name[name]
    else:
        style = by_name.add(name)
        style.font.bold = True
    ppr = style.element.get_or_add_pPr()
    if ppr.find(qn("w:outlineLvl")) is None:
        outline = OxmlElement("w:outlineLvl")
        outline.set(qn("w:val"), str(level - 1))
        ppr.append(outline)
    style.next_paragraph_style = by_name["Normal"]
    style.paragraph_format.keep_with_next = True


def _indent(style: ParagraphStyle, level: int, hanging: bool) -> None:
    fmt = style.paragraph_format
    fmt.left_indent = Emu(STEP * level)
    fmt.first_line_indent = Emu(-STEP) if hanging else Emu(0)
    if hanging:
        fmt.tab_stops.add_tab_stop(Emu(STEP * level))


def _house_look(doc: DocxDocument, styles: _StylesByName) -> None:
    """The default look: Arial, black headings, A4 spacing as in the Gemeenteblad."""
    _set_font(_defaults_rpr(doc), FONT)
    looks = {
        # name: (size pt, bold, italic, space before, space after)
        "Normal": (10, False, False, 0, 6),
        "Title": (15, True, False, 0, 18),
        "Heading 1": (12, True, False, 18, 8),
        "Heading 2": (10, True, False, 12, 4),
        "Heading 3": (10, True, True, 10, 3),
        "Footer": (8, False, False, 0, 0),
        "Tabeltekst": (8.5, False, False, 2, 2),
        "Aanhef": (10, False, False, 0, 8),
        "Ondertekening": (10, False, False, 0, 6),
    }
    for name, (size, bold, italic, before, after) in looks.items():
        style = styles[name]
        _set_font(style.element.get_or_add_rPr(), FONT)
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.italic = italic
        style.font.color.rgb = RGBColor(0, 0, 0)
        fmt = style.paragraph_format
        fmt.space_before, fmt.space_after = Pt(before), Pt(after)
        fmt.line_spacing = 1.15 if name in ("Normal", "Aanhef", "Ondertekening") else 1.0
    title_ppr = styles["Title"].element.get_or_add_pPr()
    for border in title_ppr.findall(qn("w:pBdr")):
        title_ppr.remove(border)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3"):
        rpr = styles[name].element.get_or_add_rPr()
        for el in rpr.findall(qn("w:spacing")) + rpr.findall(qn("w:kern")):
            rpr.remove(el)
    for name in LEVEL_STYLES:
        styles[name].paragraph_format.space_after = Pt(4)
    styles["Tabeltekst"].paragraph_format.line_spacing = 1.0


def _defaults_rpr(doc: DocxDocument):
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    return rpr


def _set_language(rpr) -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)
    lang.set(qn("w:bidi"), "ar-SA")


def _set_font(rpr, name: str) -> None:
    """A named font for all scripts; theme fonts would take precedence, so they go."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), name)


def _set_properties(props: CoreProperties, ordinance: Ordinance) -> None:
    k = ordinance.choices
    props.title = ordinance.citeertitel
    props.subject = f"Re-integratieverordening Participatiewet van de gemeente {k.gemeente}"
    props.author = f"gemeente {k.gemeente}"
    props.last_modified_by = f"gemeente {k.gemeente}"
    props.keywords = "Participatiewet; re-integratie; verordening"
    props.category = "Verordening"
    props.comments = ""
    props.language = LANGUAGE
    props.revision = 1
    # Fixed dates keep the output identical for identical choices (reproducible builds).
    moment = dt.datetime.combine(k.vaststelling.voorstel_datum, dt.time(12, 0))
    props.created = props.modified = moment
    props.last_printed = moment


# --- content ------------------------------------------------------------------------------


def _text_width(doc: DocxDocument) -> Emu:
    section = doc.sections[-1]
    return Emu(section.page_width - section.left_margin - section.right_margin)


def _footer(doc: DocxDocument, footer_style: ParagraphStyle, citeertitel: str) -> None:
    for section in doc.sections:
        footer = section.footer
        footer.is_linked_to_previous = False
        for p in footer.paragraphs[1:]:
            p._element.getparent().remove(p._element)
        p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        for child in list(p._element):
            if child.tag != qn("w:pPr"):
                p._element.remove(child)
        p.style = footer_style
        stops = p.paragraph_format.tab_stops
        for inherited in footer_style.paragraph_format.tab_stops:
            stops.add_tab_stop(inherited.position, WD_TAB_ALIGNMENT.CLEAR)
        stops.add_tab_stop(_text_width(doc), WD_TAB_ALIGNMENT.RIGHT)
        p.add_run(f"{citeertitel}\t")
        _page_field(p)


def _page_field(footer_paragraph: DocxParagraph) -> None:
    """A PAGE field (complex field, the form every word processor updates)."""
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        run = footer_paragraph.add_run()
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text


class _Body:
    """Appends paragraphs to the document body by style name, with the style ids resolved once."""

    def __init__(self, body, style_ids: dict[str, str | None]) -> None:
        self.body, self.style_ids = body, style_ids

    def add(self, text: str, style: str):
        p = paragraph(self.style_ids[style], text)
        self.body.append(p)
        return p

    def add_formatted(self, text: str, style: str) -> ParagraphFormat:
        return ParagraphFormat(self.add(text, style))


_ELEMENT_STYLES = ("Lid", "Onderdeel", "Subonderdeel")  # by depth


def _article(out: _Body, article: Article) -> None:
    out.add(article.heading, "Heading 2")
    for element in article.elements():
        if element.numeral:
            # Under a single, unnumbered lid the onderdelen stand one level less deep.
            alone = "" if element.depth == 0 or element.lid.number is not None else " bij enig lid"
            out.add(f"{element.numeral}\t{element.text}", _ELEMENT_STYLES[element.depth] + alone)
        elif element.text:
            out.add(element.text, "Lid zonder nummer")


def _signature(out: _Body, ordinance: Ordinance, text_width: int) -> None:
    k = ordinance.choices
    # A signature page without text of the ordinance invites doubt: keep the last lid with it.
    ParagraphFormat(out.body.findall(qn("w:p"))[-1]).keep_with_next = True
    closing = out.add_formatted(
        f"Aldus vastgesteld in de openbare vergadering van de raad van de gemeente {k.gemeente} "
        f"van {datum(k.vaststelling.datum)}.",
        "Ondertekening",
    )
    closing.space_before = Pt(18)
    closing.keep_with_next = True
    roles = out.add_formatted("de griffier,\tde voorzitter,", "Ondertekening")
    roles.tab_stops.add_tab_stop(Emu(text_width // 2))
    roles.space_before = Pt(12)


def _toelichting(out: _Body, ordinance: Ordinance) -> None:
    out.add_formatted("Toelichting", "Heading 1").page_break_before = True
    out.add("Algemeen", "Heading 2")
    _paragraphs(out, ordinance.toelichting_algemeen)
    out.add("Artikelsgewijs", "Heading 2")
    for article in ordinance.articles:
        out.add(article.heading, "Heading 3")
        _paragraphs(out, article.toelichting)


def _paragraphs(out: _Body, paragraphs: Iterable[Paragraph]) -> None:
    for p in paragraphs:
        if p.bullets:
            for bullet in p.bullets:
                out.add(f"–\t{bullet}", "Opsomming toelichting")
        else:
            out.add(p.text, "Normal")


def _checklist(out: _Body, results: list[CheckResult], base: _Base) -> None:
    out.add_formatted(
        "Bijlage: controle op artikel 8a, tweede lid, en artikel 47 Participatiewet", "Heading 1"
    ).page_break_before = True
    out.add(
        "Deze controle is berekend uit de tekst van deze verordening en de gemaakte keuzes. "
        "Zij maakt geen deel uit van de verordening.",
        "Normal",
    )
    tbl = CT_Tbl.new_tbl(1, len(CHECKLIST_HEADER), Emu(base.block_width))
    out.body.append(tbl)
    table = Table(tbl, None)
    _table_look(table, base.table_style_id)
    cell_style = base.style_ids["Tabeltekst"]
    header = tbl.tr_lst[0]
    for tc, text in zip(header.tc_lst, CHECKLIST_HEADER):
        _cell_text(tc, cell_style, text, bold=True)
        _shade(tc, "E7E6E6")
    _repeat_header(header)
    for r in results:
        tr = table.add_row()._tr
        values = (
            r.citation,
            r.summary,
            ", ".join(map(str, r.articles)) or "–",
            "voldaan" if r.met else "niet voldaan",
            r.reason,
        )
        for i, (tc, text) in enumerate(zip(tr.tc_lst, values)):
            _cell_text(tc, cell_style, text, bold=(i == 3 and not r.met))
        _keep_row_together(tr)
    widths = [Emu(int(base.text_width * fraction)) for fraction in CHECKLIST_WIDTHS]
    for grid_col, width in zip(tbl.tblGrid.gridCol_lst, widths):
        grid_col.w = width  # the grid, which LibreOffice follows
    for tr in tbl.tr_lst:
        for tc, width in zip(tr.tc_lst, widths):
            tc.width = width


def _table_look(table: Table, style_id: str | None | bool) -> None:
    table._tbl.tblStyle_val = None
    if style_id is not False:
        table._tbl.tblStyle_val = style_id
    else:
        borders = OxmlElement("w:tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            el = OxmlElement(f"w:{side}")
            for attr, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "auto")):
                el.set(qn(f"w:{attr}"), value)
            borders.append(el)
        table._tbl.tblPr.append(borders)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)


def _cell_text(tc, style_id: str | None, text: str, bold: bool = False) -> None:
    fill_cell_paragraph(tc.p_lst[0], style_id, text, bold)


def _shade(tc, fill: str) -> None:
    shading = OxmlElement("w:shd")
    for attr, value in (("val", "clear"), ("color", "auto"), ("fill", fill)):
        shading.set(qn(f"w:{attr}"), value)
    tc.get_or_add_tcPr().append(shading)


def _repeat_header(tr) -> None:
    trpr = tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def _keep_row_together(tr) -> None:
    trpr = tr.get_or_add_trPr()
    cant = OxmlElement("w:cantSplit")
    cant.set(qn("w:val"), "true")
    trpr.append(cant)
