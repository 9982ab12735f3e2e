"""The package around the body: our own small base package, honest document properties, the zip.

Document properties say what is known: title, subject, author (the municipality), language, a fixed
date (identical choices give identical bytes) and the counts of words and characters of the text
we wrote. There is no preview picture and no claim to be written by Word.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from verordening.render.word.styles import LANGUAGE, W
from verordening.render.word.xml import Deflated, serialize

_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
STYLES_TYPE = f"{_WML}.styles+xml"
SETTINGS_TYPE = f"{_WML}.settings+xml"
FOOTER_TYPE = f"{_WML}.footer+xml"
APP_NAME, CORE_NAME = "docProps/app.xml", "docProps/core.xml"
_PROPERTIES = {  # part -> (relationship type, content type)
    CORE_NAME: (f"{RELS}/metadata/core-properties", "application/vnd.openxmlformats-package.core-properties+xml"),
    APP_NAME: (
        f"{_OFFICE}/extended-properties",
        "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    ),
}

_XML = "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
# The same shape as a template cleaned by render/word_template.py, so both are prepared alike.
_HOUSE = {
    "[Content_Types].xml": f'<Types xmlns="{_CT}">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/word/document.xml" ContentType="{_WML}.document.main+xml"/>'
    f'<Override PartName="/word/styles.xml" ContentType="{STYLES_TYPE}"/>'
    f'<Override PartName="/word/settings.xml" ContentType="{SETTINGS_TYPE}"/></Types>',
    "_rels/.rels": f'<Relationships xmlns="{RELS}">'
    f'<Relationship Id="rId1" Type="{_OFFICE}/officeDocument" Target="word/document.xml"/></Relationships>',
    "word/_rels/document.xml.rels": f'<Relationships xmlns="{RELS}">'
    f'<Relationship Id="rId1" Type="{_OFFICE}/styles" Target="styles.xml"/>'
    f'<Relationship Id="rId2" Type="{_OFFICE}/settings" Target="settings.xml"/></Relationships>',
    # A4 portrait, margins 2.5 cm, header and footer 1.25 cm from the edge
    "word/document.xml": f'<w:document xmlns:w="{W}" xmlns:r="{_OFFICE}"><w:body><w:sectPr>'
    '<w:pgSz w:w="11906" w:h="16838"/>'
    '<w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" w:header="709" w:footer="709" w:gutter="0"/>'
    '<w:cols w:space="709"/></w:sectPr></w:body></w:document>',
    "word/styles.xml": f'<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr/></w:rPrDefault>'
    "<w:pPrDefault><w:pPr><w:widowControl/></w:pPr></w:pPrDefault></w:docDefaults></w:styles>",
    "word/settings.xml": f'<w:settings xmlns:w="{W}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="709"/>'
    '<w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" '
    'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
    f'<w:themeFontLang w:val="{LANGUAGE}"/><w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/></w:settings>',
}


def house_package() -> bytes:
    """Our own empty document: A4, nothing else; the base adds the styles it needs."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for name, text in _HOUSE.items():
            out.writestr(name, _XML + text)
    return buffer.getvalue()


def with_override(types: bytes, name: str, content_type: str) -> bytes:
    """[Content_Types].xml with the content type of part `name`."""
    root = etree.fromstring(types)
    if not any(o.get("PartName") == f"/{name}" for o in root.iter(f"{{{_CT}}}Override")):
        etree.SubElement(root, f"{{{_CT}}}Override", PartName=f"/{name}", ContentType=content_type)
    return serialize(root)


def honest(parts: dict[str, bytes]) -> dict[str, bytes]:
    """The document-property parts each document fills in (core.xml, app.xml), registered in the package;
    a template's own properties and preview picture are not this document's (the cleaner drops them)."""
    parts = dict(parts)
    rels = etree.fromstring(parts["_rels/.rels"])
    for rel in list(rels):
        if rel.get("Type") in {kind for kind, _ in _PROPERTIES.values()} or rel.get("Type", "").endswith("/thumbnail"):
            rels.remove(rel)
            parts.pop(rel.get("Target", "").lstrip("/"), None)
    for n, (name, (kind, content_type)) in enumerate(_PROPERTIES.items(), 1):
        etree.SubElement(rels, f"{{{RELS}}}Relationship", Id=f"rIdP{n}", Type=kind, Target=name)
        parts["[Content_Types].xml"] = with_override(parts["[Content_Types].xml"], name, content_type)
        parts[name] = b""
    parts["_rels/.rels"] = serialize(rels)
    return parts


def insert_setting(settings: etree._Element, element: etree._Element) -> None:
    """Add a w:settings child at the end of the w: ones (decimalSymbol and listSeparator close the schema's
    sequence); extension elements (w14:, w15:) stay after it."""
    for i, child in enumerate(settings):
        if isinstance(child.tag, str) and not child.tag.startswith(f"{{{W}}}"):
            settings.insert(i, element)
            return
    settings.append(element)


@dataclass(frozen=True)
class Properties:
    """What the document says about itself (File > Info in Word)."""

    title: str
    subject: str
    author: str  # "gemeente Nijkerk"
    keywords: str
    category: str
    date: dt.date  # when the text was settled (the proposal's date); fixed, so the bytes are reproducible


_CORE_NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}


def core_xml(props: Properties) -> bytes:
    root = etree.Element(f"{{{_CORE_NS['cp']}}}coreProperties", nsmap=_CORE_NS)
    moment = dt.datetime.combine(props.date, dt.time(12, 0)).strftime("%Y-%m-%dT%H:%M:%SZ")
    for tag, text in (
        ("dc:title", props.title),
        ("dc:subject", props.subject),
        ("dc:creator", props.author),
        ("cp:keywords", props.keywords),
        ("cp:lastModifiedBy", props.author),
        ("cp:revision", "1"),
        ("dcterms:created", moment),
        ("dcterms:modified", moment),
        ("cp:category", props.category),
        ("dc:language", LANGUAGE),
    ):
        prefix, name = tag.split(":")
        el = etree.SubElement(root, f"{{{_CORE_NS[prefix]}}}{name}")
        el.text = text
        if prefix == "dcterms":
            el.set(f"{{{_CORE_NS['xsi']}}}type", "dcterms:W3CDTF")
    return serialize(root)


def app_xml(words: int, characters: int, with_spaces: int, paragraphs: int) -> bytes:
    """The application that wrote the file (this tool) and the counts of the text it wrote."""
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    root = etree.Element(f"{{{ns}}}Properties", nsmap={None: ns})
    for tag, value in (
        ("Application", "verordening"),
        ("Words", words),
        ("Characters", characters),
        ("Paragraphs", paragraphs),
        ("CharactersWithSpaces", with_spaces),
    ):
        etree.SubElement(root, f"{{{ns}}}{tag}").text = str(value)
    return serialize(root)


_DOS_TIME, _DOS_DATE = 0, (1 << 5) | 1  # 1980-01-01 00:00:00


def zip_package(entries: Iterable[tuple[str, Deflated]]) -> bytes:
    """The package as zipfile writes it (deflated, fixed 1980-01-01 timestamps, so identical input gives
    identical bytes), from entries compressed beforehand: the unchanging parts are deflated once per base."""
    out, directory = [], []
    offset = 0
    for name, entry in entries:
        encoded = name.encode("ascii")
        # flag bits, method (8 = deflate), time, date, CRC-32, compressed and uncompressed size, name length
        fields = (0, 8, _DOS_TIME, _DOS_DATE, entry.crc, len(entry.data), entry.size, len(encoded))
        local = struct.pack("<4s2B4HL2L2H", b"PK\x03\x04", 20, 0, *fields, 0) + encoded
        # made by version 2.0 on Unix (3); no extra field, comment or disk number; mode rw------- as zipfile
        directory.append(
            struct.pack("<4s4B4HL2L5H2L", b"PK\x01\x02", 20, 3, 20, 0, *fields, 0, 0, 0, 0, 0o600 << 16, offset)
            + encoded
        )
        out += (local, entry.data)
        offset += len(local) + len(entry.data)
    central = b"".join(directory)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(directory), len(directory), len(central), offset, 0)
    return b"".join(out) + central + end
