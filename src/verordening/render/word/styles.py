"""The house style: every paragraph style a document of this tool uses, written once.

A style has a structure (what it is based on, indents, outline level, keep-with-next) and a look
(font size, bold, spacing). Without a `--template` a document gets both. With a template the
municipality's own styles win: a style the template lacks is added with its structure only, so it
still indents and numbers right but looks like the template's Normal.

Numbers of leden, onderdelen and subonderdelen are typed text followed by a tab, in styles with a
hanging indent: Word's automatic numbering could renumber them.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from verordening.render.word.xml import W_NS as W
from verordening.render.word.xml import qn

LANGUAGE = "nl-NL"
FONT = "Arial"
STEP = 425  # twips (0.75 cm): indent per level, lid number -> onderdeel letter -> subonderdeel number


@dataclass(frozen=True)
class Style:
    """A paragraph style. Sizes in points; `level` is the left indent in STEPs."""

    based_on: str | None = "Normal"
    next: str | None = None
    level: int = 0
    hanging: bool = False
    keep_next: bool = False
    outline: int | None = None  # Heading n: n - 1 (navigation pane, table of contents)
    bold: bool = False  # bold and italic mark what a text is (a heading, a note), so a style added to a
    italic: bool = False  # template keeps them; the rest is the look, applied only without a template
    size: float = 10
    before: float | None = None
    after: float | None = None
    line: float | None = None  # 1.0, 1.15
    color: str | None = None


def _level(level: int, hanging: bool = True, **look: object) -> Style:
    return Style(level=level, hanging=hanging, after=4, **look)  # type: ignore[arg-type]


HOUSE: dict[str, Style] = {
    "Normal": Style(based_on=None, after=6, line=1.15),
    "Title": Style(next="Normal", size=15, bold=True, before=0, after=18, line=1.0),
    "Heading 1": Style(next="Normal", keep_next=True, outline=0, size=12, bold=True, before=18, after=8, line=1.0),
    "Heading 2": Style(next="Normal", keep_next=True, outline=1, bold=True, before=12, after=4, line=1.0),
    "Heading 3": Style(next="Normal", keep_next=True, outline=2, bold=True, italic=True, before=10, after=3, line=1.0),
    "Footer": Style(size=8, before=0, after=0, line=1.0),
    "Header": Style(size=9, before=0, after=0, line=1.0),
    "Aanhef": Style(after=8, line=1.15),
    "Ondertekening": Style(after=6, line=1.15),
    "Tabeltekst": Style(size=10, before=2, after=2, line=1.0),  # 10 pt: readable on paper (UX review, defect 8)
    "Noot": Style(size=9, italic=True, color="555555", after=4),
    # the ordinance's own numbered elements
    "Lid": _level(1),
    "Lid zonder nummer": _level(0, hanging=False),
    "Onderdeel": _level(2),
    "Onderdeel bij enig lid": _level(1),
    "Subonderdeel": _level(3),
    "Subonderdeel bij enig lid": _level(2),
    "Opsomming toelichting": _level(1),
    # an amending ordinance: its onderdelen A, B, …, their numbered steps, and the text they quote
    "Wijzigingsonderdeel": Style(keep_next=True, bold=True, before=10, after=4),
    "Wijzigingsopdracht": Style(keep_next=True, after=4),
    "Wijzigingsopdracht genummerd": _level(1, keep_next=True),
    "Citaat artikelkop": Style(level=1, keep_next=True, bold=True, before=4, after=4),
    "Citaat lid": _level(2),
    "Citaat lid zonder nummer": _level(1, hanging=False),
    "Citaat onderdeel": _level(3),
    "Citaat onderdeel bij enig lid": _level(2),
    "Citaat subonderdeel": _level(4),
    "Citaat subonderdeel bij enig lid": _level(3),
    # a was-wordt-tabel: its column headers, a chapter row over the whole table, an article's heading in a
    # cell and the reasons of a change (the text of the articles takes the ordinance's own styles)
    "Was-wordt kolomkop": Style(bold=True, before=2, after=2, line=1.0),
    "Was-wordt hoofdstuk": Style(keep_next=True, bold=True, before=4, after=4, line=1.0),
    "Was-wordt artikelkop": Style(bold=True, before=2, after=4),
    "Was-wordt toelichting": Style(before=2, after=4),
}
BUILT_IN = {"Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Footer", "Header"}  # Word's own styles


def closure(names: tuple[str, ...]) -> tuple[str, ...]:
    """The styles named and every style they are based on or followed by, bases first."""
    out: dict[str, None] = {}

    def add(name: str) -> None:
        if name in out:
            return
        spec = HOUSE[name]
        for other in (spec.based_on, spec.next):
            if other and other != name:
                add(other)
        out[name] = None

    for name in names:
        add(name)
    return tuple(out)


def _w(parent: etree._Element, tag: str, **attrs: object) -> etree._Element:
    el = etree.SubElement(parent, qn(f"w:{tag}"))
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), str(value))
    return el


def _twips(points: float) -> int:
    return round(points * 20)


def style_element(
    name: str, internal_name: str, style_id: str, ids: dict[str, str], look: bool, default: bool = False
) -> etree._Element:
    """`<w:style>` for a house style; `ids` gives the style ids of its base and next style."""
    spec = HOUSE[name]
    style = etree.Element(qn("w:style"), nsmap={"w": W})
    style.set(qn("w:type"), "paragraph")
    if default:
        style.set(qn("w:default"), "1")
    if name not in BUILT_IN:
        style.set(qn("w:customStyle"), "1")
    style.set(qn("w:styleId"), style_id)
    _w(style, "name", val=internal_name)
    if spec.based_on:
        _w(style, "basedOn", val=ids[spec.based_on])
    if spec.next:
        _w(style, "next", val=ids[spec.next])
    _w(style, "qFormat")
    ppr = _w(style, "pPr")
    if spec.keep_next:
        _w(ppr, "keepNext")
    if spec.hanging:
        _w(_w(ppr, "tabs"), "tab", val="left", pos=STEP * spec.level)  # the tab after the number lands on the text
    if look and (spec.before is not None or spec.after is not None or spec.line is not None):
        spacing = _w(ppr, "spacing")
        if spec.before is not None:
            spacing.set(qn("w:before"), str(_twips(spec.before)))
        if spec.after is not None:
            spacing.set(qn("w:after"), str(_twips(spec.after)))
        if spec.line is not None:
            spacing.set(qn("w:line"), str(round(spec.line * 240)))
            spacing.set(qn("w:lineRule"), "auto")
    if spec.level or spec.hanging:
        ind = _w(ppr, "ind", left=STEP * spec.level)
        if spec.hanging:
            ind.set(qn("w:hanging"), str(STEP))
        else:
            ind.set(qn("w:firstLine"), "0")
    if spec.outline is not None:
        _w(ppr, "outlineLvl", val=spec.outline)
    if not len(ppr):
        style.remove(ppr)
    rpr = _w(style, "rPr")
    if look:
        fonts(rpr)
    if spec.bold:
        _w(rpr, "b")
    if spec.italic:
        _w(rpr, "i")
    if look:
        if spec.color:
            _w(rpr, "color", val=spec.color)
        _w(rpr, "sz", val=round(spec.size * 2))
        _w(rpr, "szCs", val=round(spec.size * 2))
    language(rpr)
    return style


def fonts(rpr: etree._Element) -> None:
    """A named font for all scripts; theme fonts would take precedence, so they go."""
    element = rpr.find(qn("w:rFonts"))
    if element is None:
        element = etree.Element(qn("w:rFonts"))
        rpr.insert(0, element)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        element.attrib.pop(qn(f"w:{attr}"), None)
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        element.set(qn(f"w:{attr}"), FONT)


def language(rpr: etree._Element) -> None:
    """Dutch proofing: without it Word checks the text as English and underlines every word."""
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = etree.SubElement(rpr, qn("w:lang"))
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)
    lang.set(qn("w:bidi"), "ar-SA")
