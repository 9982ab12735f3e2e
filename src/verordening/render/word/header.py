"""The page header's status line ("CONCEPT"): prepared once in the base, filled in per document.

The base gives the section's default header one right-aligned paragraph holding a placeholder, after
whatever a `--template` header already says (a municipality's name or logo text stays). A document
then writes its own line there (document.py), or drops the paragraph when it has none: a text the
raad adopted carries no status mark.
"""

from __future__ import annotations

import posixpath
from typing import Any

from lxml import etree

from verordening.render.word import styles
from verordening.render.word.xml import R_NS, append_text, qn, serialize, w

PLACEHOLDER = "\ue000kop\ue000"  # replaced by each document's status line
HEADER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"


def prepare(parts: Any, section: etree._Element, style_id: str | None) -> tuple[str, ...]:
    """Add the placeholder paragraph to the section's default header (made if missing); its part name."""
    rel_id = next(
        (
            ref.get(f"{{{R_NS}}}id")
            for ref in section.findall(qn("w:headerReference"))
            if ref.get(qn("w:type"), "default") == "default"
        ),
        None,
    )
    targets = {rel.get("Id"): posixpath.normpath(posixpath.join("word", rel.get("Target", ""))) for rel in parts.rels}
    name = targets.get(rel_id) if rel_id else None
    existing = name is not None and name in parts.data
    root = parts.xml(name) if existing else etree.Element(qn("w:hdr"), nsmap={"w": styles.W, "r": R_NS})
    p = w(root, "p")
    ppr = w(p, "pPr")
    if style_id is not None:
        w(ppr, "pStyle", val=style_id)
    w(ppr, "jc", val="right")
    r = w(p, "r")
    w(w(r, "rPr"), "b")
    w(r, "t").text = PLACEHOLDER
    if existing:
        parts.set(name, root)
        return (name,)
    n = next(i for i in range(1, 100) if f"word/header{i}.xml" not in parts.data)
    name = f"word/header{n}.xml"
    ref = etree.Element(qn("w:headerReference"))
    ref.set(qn("w:type"), "default")
    ref.set(f"{{{R_NS}}}id", parts.add(name, "header", HEADER_TYPE, root))
    section.insert(0, ref)  # header and footer references open a section's properties
    return (name,)


def fill(data: bytes, text: str) -> bytes:
    """The header part with its placeholder replaced by `text`; without text the paragraph goes, unless it
    is the header's only one (a header holds at least one paragraph)."""
    root = etree.fromstring(data)
    for t in [t for t in root.iter(qn("w:t")) if t.text == PLACEHOLDER]:
        r = t.getparent()
        p = r.getparent()
        if text:
            r.remove(t)
            append_text(r, text)
        elif len(root.findall(qn("w:p"))) > 1:
            root.remove(p)
        else:
            p.remove(r)
    return serialize(root)
