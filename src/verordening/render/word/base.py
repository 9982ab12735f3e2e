"""The Word base every DOCX of this tool starts from: A4, Dutch proofing, the house style, a footer
with the document's title and the page number, Dutch decimal symbol and list separator.

Without `--template` the base is a small package of our own (only the styles the document uses);
with one, it is the municipality's reference DOCX emptied of text, keeping its styles, page setup,
headers and theme, with the styles it lacks added. A base is prepared once per process, template
and set of styles; each document then only writes its body, footer and properties (document.py).
"""

from __future__ import annotations

import functools
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.styles import BabelFish
from lxml import etree

from verordening.render import word_template
from verordening.render.word import package, styles
from verordening.render.word.xml import Deflated, deflate, page_field
from verordening.render.word_template import TemplateError

TITLE_PLACEHOLDER = "\ue000titel\ue000"  # replaced by each document's title in its footer


class _UnreadableTemplate(Exception):
    """The template's bytes are not a Word document (the caller knows its path)."""


def read_template(template: Path | None) -> bytes | None:
    """The clean bytes of a `--template` file (render/word_template.py): the one place a template is read."""
    return None if template is None else word_template.read_template(template)


def _unreadable(template: Path) -> TemplateError:
    return TemplateError(
        f"het sjabloon {template} is geen leesbaar Word-document (.docx); sla het in Word op als .docx "
        "(een .dotx-sjabloon of .doc werkt niet)"
    )


@dataclass(frozen=True)
class WordBase:
    """A prepared, empty document as package parts, and what writing a body needs to know about it."""

    entries: tuple[tuple[str, Deflated], ...]  # zip name -> compressed part, in package order
    parts: dict[str, bytes]  # zip name -> bytes, for the parts each document fills in
    document: etree._Element  # the parsed, empty w:document (deep-copied per document)
    document_name: str
    core_name: str
    footer_names: tuple[str, ...]
    style_ids: dict[str, str | None]  # style name -> id; None for the default paragraph style
    table_style_id: str | None  # the template's "Table Grid", else None (borders are then drawn directly)
    text_width: int  # twips


def word_base(template: Path | None, style_names: tuple[str, ...]) -> WordBase:
    """The base for a document using these styles, from the template at `template` (or our own)."""
    try:
        return _prepare(read_template(template), style_names)
    except _UnreadableTemplate as exc:
        assert template is not None
        raise _unreadable(template) from exc.__cause__


@functools.lru_cache(maxsize=8)
def _prepare(template: bytes | None, style_names: tuple[str, ...]) -> WordBase:
    doc = _open(template)
    names = styles.closure(("Normal", "Footer", *style_names))
    by_name = _ensure_styles(doc, names, house=template is None)
    _settings(doc)
    _footer(doc, by_name["Footer"])
    core = doc.part.package._core_properties_part  # created here if the template has none
    buffer = io.BytesIO()
    doc.save(buffer)
    with zipfile.ZipFile(buffer) as zipped:
        parts = {info.filename: zipped.read(info.filename) for info in zipped.infolist()}
    parts = package.honest(parts)
    default = doc.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    table = by_name.get("Table Grid")
    sect = doc.sections[-1]
    return WordBase(
        entries=tuple((name, deflate(data)) for name, data in parts.items()),
        parts=parts,
        document=etree.fromstring(parts[doc.part.partname[1:]]),
        document_name=doc.part.partname[1:],
        core_name=core.partname[1:],
        footer_names=tuple(dict.fromkeys(s.footer.part.partname[1:] for s in doc.sections)),
        style_ids={n: None if by_name[n] == default else by_name[n].style_id for n in names},
        table_style_id=table.style_id if table is not None and table.type == WD_STYLE_TYPE.TABLE else None,
        text_width=round((sect.page_width - sect.left_margin - sect.right_margin) / 635),
    )


def _open(template: bytes | None) -> DocxDocument:
    if template is None:
        return Document(io.BytesIO(package.house_package()))
    try:
        doc = Document(io.BytesIO(template))
    except (PackageNotFoundError, KeyError, ValueError, OSError, zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        raise _UnreadableTemplate() from exc
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return doc


def _ensure_styles(doc: DocxDocument, names: tuple[str, ...], house: bool) -> dict:
    """Every style the document uses, by (UI) name; the ones missing are added from the house style."""
    element = doc.styles.element
    by_name: dict = {}
    for style in doc.styles:
        by_name.setdefault(style.name, style)
    defaults = _defaults_rpr(element)
    styles.language(defaults)
    if house:
        styles.fonts(defaults)
    ids = {name: by_name[name].style_id for name in names if name in by_name}
    for name in names:
        if name in by_name:
            continue
        ids[name] = "".join(ch for ch in name if ch.isalnum())
        element.append(
            styles.style_element(
                name, BabelFish.ui2internal(name), ids[name], ids, look=house, default=name == "Normal"
            )
        )
        by_name[name] = doc.styles[name]
    for style in doc.styles:
        if style.type in (WD_STYLE_TYPE.PARAGRAPH, WD_STYLE_TYPE.CHARACTER):
            rpr = style.element.get_or_add_rPr()
            if rpr.find(qn("w:lang")) is not None or style.name in names:
                styles.language(rpr)
    for level in (1, 2, 3):  # a template's headings still feed the navigation pane
        heading = by_name.get(f"Heading {level}")
        if heading is not None and f"Heading {level}" in names:
            ppr = heading.element.get_or_add_pPr()
            if ppr.find(qn("w:outlineLvl")) is None:
                outline = OxmlElement("w:outlineLvl")
                outline.set(qn("w:val"), str(level - 1))
                ppr.append(outline)
            heading.paragraph_format.keep_with_next = True
    return by_name


def _defaults_rpr(styles_element: etree._Element) -> etree._Element:
    defaults = styles_element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles_element.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    return rpr


def _settings(doc: DocxDocument) -> None:
    """Dutch as the document's language, decimal comma and list separator ';' (fields, formulas);
    a stale 'already proofed' mark dropped so that Word checks the spelling."""
    settings = doc.settings.element
    for state in settings.findall(qn("w:proofState")):
        settings.remove(state)
    for theme_lang in settings.findall(qn("w:themeFontLang")):
        theme_lang.set(qn("w:val"), styles.LANGUAGE)
    for tag, value in (("decimalSymbol", ","), ("listSeparator", ";")):
        element = settings.find(qn(f"w:{tag}"))
        if element is None:
            element = OxmlElement(f"w:{tag}")
            package.insert_setting(settings, element)
        element.set(qn("w:val"), value)


def _footer(doc: DocxDocument, footer_style) -> None:
    """The footer of every section: the title on the left, the page number on the right."""
    for section in doc.sections:
        width = section.page_width - section.left_margin - section.right_margin
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
        stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
        p.add_run(f"{TITLE_PLACEHOLDER}\t")
        for run in page_field():
            p._element.append(run)
