"""A Word template (--template): bytes in, a clean package out, or a Dutch error naming the template.

A house style needs styles, theme, numbering, fonts, page setup and header/footer text. Only
those parts are copied, into a package written anew: external relationships, macros, an
attached template (Word would fetch it on opening every ordinance), custom XML, embedded
objects and pictures, document properties and the body are dropped. Every part read has a size
limit (zip bombs), XML is parsed without DTDs or entities, and what Word may leave out of a
valid document (page size, margins, a Normal style) is filled in with A4 defaults.
"""

from __future__ import annotations

import functools
import io
import posixpath
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from verordening.errors import VerordeningError, dutch_oserror

MAX_FILE = 32 << 20  # a house-style document is a few hundred kB
MAX_PART = 16 << 20  # per part, unpacked
MAX_MEMBERS = 5000

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_MAIN_TYPES = {
    f"{_WML}.document.main+xml",
    f"{_WML}.template.main+xml",  # .dotx: its styles serve as well
    "application/vnd.ms-word.document.macroEnabled.main+xml",  # .docm / .dotm: the macros are dropped
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
}
# relationship type (last segment) -> (part name in the clean package, content type)
_KEEP = {
    "styles": ("word/styles.xml", f"{_WML}.styles+xml"),
    "theme": ("word/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"),
    "numbering": ("word/numbering.xml", f"{_WML}.numbering+xml"),
    "fontTable": ("word/fontTable.xml", f"{_WML}.fontTable+xml"),
    "settings": ("word/settings.xml", f"{_WML}.settings+xml"),
    "header": ("word/header{n}.xml", f"{_WML}.header+xml"),
    "footer": ("word/footer{n}.xml", f"{_WML}.footer+xml"),
}
_REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
# Elements that embed or fetch something; removed wherever they occur.
_DROP = {f"{{{W}}}{t}" for t in ("drawing", "pict", "object", "control", "altChunk", "subDoc", "numPicBullet")}
_DROP |= {f"{{{W}}}{t}" for t in ("attachedTemplate", "mailMerge", "docVars", "documentProtection")}
_DROP |= {f"{{{W}}}{t}" for t in ("writeProtection", "saveThroughXslt", "linkStyles", "lvlPicBulletId")}
_DROP |= {f"{{{MC}}}AlternateContent"}
_FETCHING_FIELDS = ("INCLUDEPICTURE", "INCLUDETEXT", "INCLUDE", "LINK", "DDE", "IMPORT", "HYPERLINK", "DATABASE")
# A4 with 2.5 cm margins, in twips, for whatever the template's page setup leaves out.
_PAGE = {"pgSz": {"w": 11906, "h": 16838}, "pgMar": {"top": 1417, "right": 1417, "bottom": 1417, "left": 1417}}
_PAGE_EXTRA = {"pgMar": {"header": 709, "footer": 709, "gutter": 0}}
_SECT_ORDER = {
    name: i
    for i, name in enumerate(
        "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType".split()
    )
}
_PARAGRAPH_NAMES = {"normal", "title", "header", "footer", *(f"heading {n}" for n in range(1, 10))}
_TYPE_WORDS = {"character": "tekenopmaakprofiel", "table": "tabelopmaakprofiel", "numbering": "lijstopmaakprofiel"}
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True
)


class TemplateError(VerordeningError):
    """The reference DOCX given with --template cannot be used."""


def read_template(path: Path) -> bytes:
    """The clean package of the template at `path` (sanitised once per file version)."""
    try:
        if not path.exists():
            raise TemplateError(f"het sjabloon {path} bestaat niet (--template verwacht een Word-document, .docx)")
        if path.is_dir():
            raise TemplateError(f"het sjabloon {path} is een map; --template verwacht een Word-document (.docx)")
        if not path.is_file():
            raise TemplateError(f"het sjabloon {path} is geen gewoon bestand; --template verwacht een Word-document")
        stat = path.stat()
        if stat.st_size > MAX_FILE:
            raise TemplateError(
                f"het sjabloon {path} is groter dan {MAX_FILE >> 20} MiB; een huisstijl is veel kleiner"
            )
        return _cached(str(path), stat.st_mtime_ns, stat.st_size)
    except OSError as exc:
        raise TemplateError(f"het sjabloon {path} kan niet worden gelezen, want {dutch_oserror(exc)}") from None


@functools.lru_cache(maxsize=8)
def _cached(path: str, mtime_ns: int, size: int) -> bytes:
    with open(path, "rb") as fh:
        return sanitize(fh.read(MAX_FILE + 1), path)


def sanitize(data: bytes, name: str) -> bytes:
    """Only what a house style needs, in a package written anew; TemplateError for anything unusable."""
    return _Sanitizer(data, name).run()


class _Sanitizer:
    def __init__(self, data: bytes, name: str) -> None:
        self.data, self.name = data, name

    def fail(self, why: str) -> TemplateError:
        return TemplateError(f"het sjabloon {self.name} is niet bruikbaar: {why}")

    def run(self) -> bytes:
        if len(self.data) > MAX_FILE:
            raise self.fail(f"het is groter dan {MAX_FILE >> 20} MiB")
        if self.data.startswith(b"\xd0\xcf\x11\xe0"):
            raise self.fail("het is met een wachtwoord beveiligd of een oud Word-bestand (.doc); sla het op als .docx")
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(self.data))
        except (zipfile.BadZipFile, ValueError, OSError):
            raise self.fail("het is geen leesbaar Word-document (.docx); sla het in Word op als .docx") from None
        if len(self.zip.infolist()) > MAX_MEMBERS:
            raise self.fail(f"het bevat meer dan {MAX_MEMBERS} onderdelen")
        main = self.main_part()
        rels = self.relationships(main)
        parts: dict[str, tuple[bytes, str]] = {}
        doc_rels: list[tuple[str, str, str]] = []  # (new id, type, target)
        renamed: dict[str, str] = {}  # old header/footer relationship id -> new id
        counts = {"header": 0, "footer": 0}
        done: dict[str, str] = {}  # source part -> new relationship id
        for rel_id, kind, target in rels:
            if kind not in _KEEP:
                continue
            if target in done:
                renamed[rel_id] = done[target]
                continue
            part_name, content_type = _KEEP[kind]
            if kind in counts:
                counts[kind] += 1
                part_name = part_name.format(n=counts[kind])
                new_id = renamed[rel_id] = f"rIdH{len(done) + 1}"
            elif part_name in parts:
                continue  # a second styles or theme part: Word uses the first
            else:
                new_id = f"rIdP{len(done) + 1}"
            done[target] = new_id
            root = self.xml(target)
            _clean(root)
            if kind == "styles":
                self.check_styles(root)
            parts[part_name] = (_serialize(root), content_type)
            doc_rels.append((new_id, kind, part_name.removeprefix("word/")))
        document = self.xml(main)
        _keep_page_setup(document, renamed, self.fail)
        parts = {"word/document.xml": (_serialize(document), f"{_WML}.document.main+xml"), **parts}
        return _package(parts, doc_rels)

    def read(self, member: str) -> bytes:
        try:
            info = self.zip.getinfo(member)
        except KeyError:
            raise self.fail(f"het onderdeel {member} ontbreekt") from None
        if info.flag_bits & 0x1:
            raise self.fail("het is met een wachtwoord beveiligd; sla het op zonder wachtwoord")
        try:
            with self.zip.open(info) as fh:
                data = fh.read(MAX_PART + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError, OSError):
            raise self.fail(f"het onderdeel {member} is beschadigd") from None
        if len(data) > MAX_PART:
            raise self.fail(f"het onderdeel {member} is uitgepakt groter dan {MAX_PART >> 20} MiB")
        return data

    def xml(self, member: str) -> etree._Element:
        data = self.read(member)
        if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
            raise self.fail(f"het onderdeel {member} bevat een DTD (<!DOCTYPE>), wat Word nooit schrijft")
        try:
            root = etree.fromstring(data, _PARSER)
        except etree.XMLSyntaxError:
            raise self.fail(f"het onderdeel {member} is geen geldige XML") from None
        if root.getroottree().docinfo.doctype:
            raise self.fail(f"het onderdeel {member} bevat een DTD (<!DOCTYPE>), wat Word nooit schrijft")
        return root

    def main_part(self) -> str:
        if "[Content_Types].xml" not in self.zip.namelist():
            raise self.fail("het is geen leesbaar Word-document (.docx); sla het in Word op als .docx")
        types = self.xml("[Content_Types].xml")
        overrides = {o.get("PartName", "").lstrip("/"): o.get("ContentType") for o in types.iter(f"{{{_CT}}}Override")}
        mains = [t for _, kind, t in self.relationships("") if kind == "officeDocument"]
        if not mains:
            raise self.fail("het is geen leesbaar Word-document (.docx); sla het in Word op als .docx")
        if overrides.get(mains[0]) not in _MAIN_TYPES:
            raise self.fail(
                "het is geen leesbaar Word-document (.docx) (misschien Strikt Open XML of een ander programma)"
            )
        return mains[0]

    def relationships(self, part: str) -> list[tuple[str, str, str]]:
        """(id, type, target part) of the internal relationships of `part` ("" = the package)."""
        folder, base = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", f"{base}.rels")
        if rels_name not in self.zip.namelist():
            return []
        out = []
        for rel in self.xml(rels_name).iter(f"{{{_PKG_RELS}}}Relationship"):
            kind, target = rel.get("Type", ""), rel.get("Target", "")
            if rel.get("TargetMode") == "External" or not kind.startswith(_REL_BASE):
                continue  # external references are dropped, never followed
            resolved = posixpath.normpath(
                target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
            )
            if resolved.startswith("..") or resolved not in self.zip.namelist():
                continue
            out.append((rel.get("Id", ""), kind.rsplit("/", 1)[-1], resolved))
        return out

    def check_styles(self, styles: etree._Element) -> None:
        names = set()
        for style in styles.iter(f"{{{W}}}style"):
            name_el = style.find(f"{{{W}}}name")
            name = (name_el.get(f"{{{W}}}val") if name_el is not None else style.get(f"{{{W}}}styleId")) or ""
            kind = style.get(f"{{{W}}}type", "paragraph")
            names.add(name.lower())
            wrong = (name.lower() in _PARAGRAPH_NAMES and kind != "paragraph") or (
                name.lower() == "table grid" and kind != "table"
            )
            if wrong:
                expected = "tabelopmaakprofiel" if name.lower() == "table grid" else "alinea-opmaakprofiel"
                raise self.fail(
                    f"het opmaakprofiel '{name}' is een {_TYPE_WORDS.get(kind, kind)}, de verordening heeft een "
                    f"{expected} nodig; pas het aan in Word (Opmaakprofielen beheren)"
                )
        if "normal" not in names:  # python-docx and Word base every style on Normal
            normal = etree.SubElement(
                styles, f"{{{W}}}style", {f"{{{W}}}type": "paragraph", f"{{{W}}}styleId": "Normal"}
            )
            normal.set(f"{{{W}}}default", "1")
            etree.SubElement(normal, f"{{{W}}}name", {f"{{{W}}}val": "Normal"})


def _clean(root: etree._Element, keep: frozenset[str] = frozenset()) -> None:
    """Drop embedding and fetching elements, fetching field codes, and anything pointing at a relationship."""
    for el in [e for e in root.iter() if e.tag in _DROP]:
        if el.getparent() is not None:
            el.getparent().remove(el)
    for el in list(root.iter(f"{{{W}}}instrText", f"{{{W}}}fldSimple")):
        code = (el.text or "") if el.tag.endswith("instrText") else el.get(f"{{{W}}}instr", "")
        if code.strip().upper().startswith(_FETCHING_FIELDS):
            el.getparent().remove(el)
    for el in list(root.iter()):
        if el.tag in keep or not isinstance(el.tag, str):
            continue
        if any(attr.startswith(f"{{{R}}}") for attr in el.attrib) and el.getparent() is not None:
            el.getparent().remove(el)


def _keep_page_setup(document: etree._Element, renamed: dict[str, str], fail) -> None:
    """The body reduced to its last section's properties, with A4 defaults for what is missing."""
    body = document.find(f"{{{W}}}body")
    if body is None:
        body = etree.SubElement(document, f"{{{W}}}body")
    sections = body.findall(f"{{{W}}}sectPr") or body.findall(f".//{{{W}}}pPr/{{{W}}}sectPr")
    sect = sections[-1] if sections else etree.Element(f"{{{W}}}sectPr")
    for child in list(body):
        body.remove(child)
    body.append(sect)
    for ref in sect.findall(f"{{{W}}}headerReference") + sect.findall(f"{{{W}}}footerReference"):
        new = renamed.get(ref.get(f"{{{R}}}id", ""))
        if new is None:
            sect.remove(ref)
        else:
            ref.set(f"{{{R}}}id", new)
    _clean(sect, keep=frozenset({f"{{{W}}}headerReference", f"{{{W}}}footerReference"}))
    sizes: dict[str, int] = {}
    for tag, defaults in _PAGE.items():
        el = sect.find(f"{{{W}}}{tag}")
        if el is None:
            el = etree.Element(f"{{{W}}}{tag}")
            later = [
                i
                for i, child in enumerate(sect)
                if _SECT_ORDER.get(etree.QName(child).localname, 99) > _SECT_ORDER[tag]
            ]
            sect.insert(later[0] if later else len(sect), el)
        for attr, value in {**defaults, **_PAGE_EXTRA.get(tag, {})}.items():
            try:
                sizes[attr] = int(el.get(f"{{{W}}}{attr}", ""))
            except ValueError:
                el.set(f"{{{W}}}{attr}", str(value))
                sizes[attr] = value
    if sizes["w"] - sizes["left"] - sizes["right"] < 1134 or sizes["h"] - sizes["top"] - sizes["bottom"] < 1134:
        raise fail("de pagina is kleiner dan de marges (minder dan 2 cm voor de tekst); pas de pagina-instelling aan")


def _serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _package(parts: dict[str, tuple[bytes, str]], doc_rels: list[tuple[str, str, str]]) -> bytes:
    types = "".join(f'<Override PartName="/{name}" ContentType="{ct}"/>' for name, (_, ct) in parts.items())
    rels = "".join(f'<Relationship Id="{i}" Type="{_REL_BASE}{k}" Target="{t}"/>' for i, k, t in doc_rels)
    head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            f'{head}<Types xmlns="{_CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package'
            f'.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>{types}</Types>',
        )
        z.writestr(
            "_rels/.rels",
            f'{head}<Relationships xmlns="{_PKG_RELS}"><Relationship Id="rId1" Type="{_REL_BASE}officeDocument" '
            'Target="word/document.xml"/></Relationships>',
        )
        z.writestr("word/_rels/document.xml.rels", f'{head}<Relationships xmlns="{_PKG_RELS}">{rels}</Relationships>')
        for name, (data, _) in parts.items():
            z.writestr(name, data)
    return out.getvalue()
