"""The Word base every DOCX of this tool starts from: A4, Dutch proofing, the house style, a footer
with the document's title and the page number, Dutch decimal symbol and list separator.

Without `--template` the base is a small package of our own (only the styles the document uses);
with one, it is the municipality's reference DOCX as render/word_template.py cleaned it (its
styles, page setup, headers and theme, no body), with the styles it lacks added. A base is
prepared once per process, template and set of styles, in lxml on the package parts; each
document then only writes its body, footer and properties (document.py).
"""

from __future__ import annotations

import functools
import io
import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from verordening.render import word_template
from verordening.render.word import header, package, styles
from verordening.render.word.comments import COMMENTS_NAME, COMMENTS_TYPE
from verordening.render.word.comments import empty_part as empty_comments
from verordening.render.word.xml import R_NS, Deflated, deflate, page_field, qn, serialize, w

TITLE_PLACEHOLDER = "\ue000titel\ue000"  # replaced by each document's title in its footer
_UI_NAMES = {"heading 1", "heading 2", "heading 3", "footer", "header", "caption"}  # stored in lower case


def read_template(template: Path | None) -> bytes | None:
    """The clean bytes of a `--template` file (render/word_template.py): the one place a template is read."""
    return None if template is None else word_template.read_template(template)


@dataclass(frozen=True)
class WordBase:
    """A prepared, empty document as package parts, and what writing a body needs to know about it."""

    entries: tuple[tuple[str, Deflated], ...]  # zip name -> compressed part, in package order
    parts: dict[str, bytes]  # zip name -> bytes, for the parts each document fills in
    document: etree._Element  # the parsed, empty w:document (deep-copied per document)
    document_name: str
    core_name: str
    footer_names: tuple[str, ...]
    header_names: tuple[str, ...]  # each with the status line's placeholder (header.py)
    comments_name: str | None  # the comments part, when the document may hold comments
    style_ids: dict[str, str | None]  # style name -> id; None for the default paragraph style
    table_style_id: str | None  # the template's "Table Grid", else None (borders are then drawn directly)
    text_width: int  # twips


def word_base(
    template: Path | None, style_names: tuple[str, ...], comments: bool = False, landscape: bool = False
) -> WordBase:
    """The base for a document using these styles, from the template at `template` (or our own);
    with `comments`, a package that holds Word comments (render/word/comments.py); with `landscape`,
    the page turned a quarter (a wide table), the footer's page number at the new right margin."""
    return _prepare(read_template(template), style_names, comments, landscape)


@functools.lru_cache(maxsize=16)
def _prepare(
    template: bytes | None, style_names: tuple[str, ...], comments: bool = False, landscape: bool = False
) -> WordBase:
    parts = _Parts(template if template is not None else package.house_package())
    names = styles.closure(("Normal", "Footer", "Header", *style_names))
    style_ids, table_style, footer_style = _ensure_styles(parts, names, house=template is None)
    _settings(parts)
    document = parts.xml("word/document.xml")
    section = document.find(f"{qn('w:body')}/{qn('w:sectPr')}")
    if landscape and section is not None:
        _landscape(section)
    width = _text_width(section)
    footers = _footers(parts, section, footer_style, width)
    headers = header.prepare(parts, section, style_ids["Header"])
    if comments and COMMENTS_NAME not in parts.data:
        parts.add(COMMENTS_NAME, "comments", COMMENTS_TYPE, empty_comments())
    parts.set("word/document.xml", document)
    done = package.honest(parts.data)
    return WordBase(
        entries=tuple((name, deflate(data)) for name, data in done.items()),
        parts=done,
        document=etree.fromstring(done["word/document.xml"]),
        document_name="word/document.xml",
        core_name=package.CORE_NAME,
        footer_names=footers,
        header_names=headers,
        comments_name=COMMENTS_NAME if comments else None,
        style_ids=style_ids,
        table_style_id=table_style,
        text_width=width,
    )


class _Parts:
    """The parts of a package, parsed on demand, with its content types and the document's relationships."""

    def __init__(self, data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            self.data = {name: z.read(name) for name in z.namelist()}
        self.rels = etree.fromstring(self.data["word/_rels/document.xml.rels"])

    def xml(self, name: str) -> etree._Element:
        return etree.fromstring(self.data[name])

    def set(self, name: str, root: etree._Element) -> None:
        self.data[name] = serialize(root)

    def target(self, kind: str) -> str | None:
        """The part a relationship of the main document of this type points at ("word/styles.xml")."""
        for rel in self.rels:
            if rel.get("Type", "").rsplit("/", 1)[-1] == kind:
                return posixpath.normpath(posixpath.join("word", rel.get("Target", "")))
        return None

    def add(self, name: str, kind: str, content_type: str, root: etree._Element) -> str:
        """A new part related to the main document; returns the relationship id."""
        ids = {rel.get("Id") for rel in self.rels}
        rel_id = next(f"rIdB{n}" for n in range(1, len(ids) + 2) if f"rIdB{n}" not in ids)
        etree.SubElement(
            self.rels,
            f"{{{package.RELS}}}Relationship",
            Id=rel_id,
            Type=f"{R_NS}/{kind}",
            Target=name.removeprefix("word/"),
        )
        self.data["word/_rels/document.xml.rels"] = serialize(self.rels)
        self.data["[Content_Types].xml"] = package.with_override(self.data["[Content_Types].xml"], name, content_type)
        self.set(name, root)
        return rel_id


def _name(style: etree._Element) -> str:
    """A style's name as the user sees it ("Heading 1"; Word stores "heading 1")."""
    el = style.find(qn("w:name"))
    name = el.get(qn("w:val"), "") if el is not None else style.get(qn("w:styleId"), "")
    return name.title() if name.lower() in _UI_NAMES else name


def _ensure_styles(parts: _Parts, names: tuple[str, ...], house: bool) -> tuple[dict[str, str | None], str | None, str]:
    """Every style the document uses; the ones missing are added from the house style.

    Returns the paragraph style ids (None for the default style), the "Table Grid" id and the Footer's."""
    name = parts.target("styles") or "word/styles.xml"
    root = parts.xml(name) if name in parts.data else etree.Element(qn("w:styles"), nsmap={"w": styles.W})
    found: dict[str, etree._Element] = {}
    for style in root.iter(qn("w:style")):
        found.setdefault((_name(style), style.get(qn("w:type"), "paragraph")), style)  # first one wins, as in Word
    defaults = _defaults_rpr(root)
    styles.language(defaults)
    if house:
        styles.fonts(defaults)
    ids = {n: found[(n, "paragraph")].get(qn("w:styleId"), "") for n in names if (n, "paragraph") in found}
    for n in names:
        if (n, "paragraph") not in found:
            ids[n] = "".join(ch for ch in n if ch.isalnum())
            internal = n.lower() if n.lower() in _UI_NAMES else n
            found[(n, "paragraph")] = styles.style_element(n, internal, ids[n], ids, look=house, default=n == "Normal")
            root.append(found[(n, "paragraph")])
    for style in root.iter(qn("w:style")):
        if style.get(qn("w:type"), "paragraph") in ("paragraph", "character"):
            rpr = style.find(qn("w:rPr"))
            if rpr is not None and rpr.find(qn("w:lang")) is not None or _name(style) in names:
                if rpr is None:
                    rpr = etree.SubElement(style, qn("w:rPr"))
                styles.language(rpr)
    for level in (1, 2, 3):  # a template's headings still feed the navigation pane and stay with their text
        heading = found.get((f"Heading {level}", "paragraph"))
        if heading is not None and f"Heading {level}" in names:
            _heading_structure(heading, level)
    default = next(
        (
            s.get(qn("w:styleId"))
            for s in root.iter(qn("w:style"))
            if s.get(qn("w:default")) in ("1", "true") and s.get(qn("w:type"), "paragraph") == "paragraph"
        ),
        ids["Normal"],
    )
    if name in parts.data:
        parts.set(name, root)
    else:
        parts.add(name, "styles", package.STYLES_TYPE, root)
    table = found.get(("Table Grid", "table"))
    return (
        {n: None if ids[n] == default else ids[n] for n in names},
        table.get(qn("w:styleId")) if table is not None else None,
        ids["Footer"],
    )


def _heading_structure(style: etree._Element, level: int) -> None:
    ppr = style.find(qn("w:pPr"))
    if ppr is None:
        ppr = etree.Element(qn("w:pPr"))
        rpr = style.find(qn("w:rPr"))
        if rpr is not None:
            rpr.addprevious(ppr)
        else:
            style.append(ppr)
    if ppr.find(qn("w:keepNext")) is None:
        ppr.insert(0, etree.Element(qn("w:keepNext")))
    if ppr.find(qn("w:outlineLvl")) is None:
        w(ppr, "outlineLvl", val=level - 1)


def _defaults_rpr(root: etree._Element) -> etree._Element:
    defaults = root.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = etree.Element(qn("w:docDefaults"))
        root.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = etree.Element(qn("w:rPrDefault"))
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    return rpr if rpr is not None else etree.SubElement(rpr_default, qn("w:rPr"))


def _settings(parts: _Parts) -> None:
    """Dutch as the document's language, decimal comma and list separator ';' (fields, formulas);
    a stale 'already proofed' mark dropped so that Word checks the spelling."""
    name = parts.target("settings") or "word/settings.xml"
    settings = parts.xml(name) if name in parts.data else etree.Element(qn("w:settings"), nsmap={"w": styles.W})
    for state in settings.findall(qn("w:proofState")):
        settings.remove(state)
    for theme_lang in settings.findall(qn("w:themeFontLang")):
        theme_lang.set(qn("w:val"), styles.LANGUAGE)
    for tag, value in (("decimalSymbol", ","), ("listSeparator", ";")):
        element = settings.find(qn(f"w:{tag}"))
        if element is None:
            element = etree.Element(qn(f"w:{tag}"))
            package.insert_setting(settings, element)
        element.set(qn("w:val"), value)
    if name in parts.data:
        parts.set(name, settings)
    else:
        parts.add(name, "settings", package.SETTINGS_TYPE, settings)


def _landscape(section: etree._Element) -> None:
    """The section's page turned to landscape: width and height swapped (the margins stay as they are)."""
    size = section.find(qn("w:pgSz"))  # the house package and a cleaned template always have one
    if size is None:
        return
    width, height = int(size.get(qn("w:w"), 11906)), int(size.get(qn("w:h"), 16838))
    size.set(qn("w:w"), str(max(width, height)))
    size.set(qn("w:h"), str(min(width, height)))
    size.set(qn("w:orient"), "landscape")


def _text_width(section: etree._Element | None) -> int:
    size = section.find(qn("w:pgSz")) if section is not None else None
    margins = section.find(qn("w:pgMar")) if section is not None else None
    page = int(size.get(qn("w:w"), 11906)) if size is not None else 11906
    left = int(margins.get(qn("w:left"), 1418)) if margins is not None else 1418
    right = int(margins.get(qn("w:right"), 1418)) if margins is not None else 1418
    return page - left - right


def _footers(parts: _Parts, section: etree._Element, footer_style: str, width: int) -> tuple[str, ...]:
    """The section's default footer: the title on the left, the page number on the right (made if missing)."""
    rel_id = next(
        (
            ref.get(f"{{{R_NS}}}id")
            for ref in section.findall(qn("w:footerReference"))
            if ref.get(qn("w:type"), "default") == "default"
        ),
        None,
    )
    targets = {rel.get("Id"): posixpath.normpath(posixpath.join("word", rel.get("Target", ""))) for rel in parts.rels}
    name = targets.get(rel_id) if rel_id else None
    root = etree.Element(qn("w:ftr"), nsmap={"w": styles.W, "r": R_NS})
    p = w(root, "p")
    ppr = w(p, "pPr")
    w(ppr, "pStyle", val=footer_style)
    tabs = w(ppr, "tabs")
    for inherited in _style_tabs(parts, footer_style):
        w(tabs, "tab", val="clear", pos=inherited)
    w(tabs, "tab", val="right", pos=width)
    r = w(p, "r")
    w(r, "t").text = TITLE_PLACEHOLDER
    w(r, "tab")
    p.extend(page_field())
    if name is not None and name in parts.data:
        parts.set(name, root)
        return (name,)
    n = next(i for i in range(1, 100) if f"word/footer{i}.xml" not in parts.data)
    name = f"word/footer{n}.xml"
    rel_id = parts.add(name, "footer", package.FOOTER_TYPE, root)
    ref = etree.Element(qn("w:footerReference"))
    ref.set(qn("w:type"), "default")
    ref.set(f"{{{R_NS}}}id", rel_id)
    references = section.findall(qn("w:headerReference")) + section.findall(qn("w:footerReference"))
    if references:
        references[-1].addnext(ref)  # header and footer references open a section's properties
    else:
        section.insert(0, ref)
    return (name,)


def _style_tabs(parts: _Parts, style_id: str) -> list[str]:
    """The tab stops a paragraph style sets itself (a template's Footer has centre and right tabs)."""
    name = parts.target("styles") or "word/styles.xml"
    for style in parts.xml(name).iter(qn("w:style")):
        if style.get(qn("w:styleId")) == style_id:
            return [t.get(qn("w:pos"), "0") for t in style.iterfind(f"{qn('w:pPr')}/{qn('w:tabs')}/{qn('w:tab')}")]
    return []
