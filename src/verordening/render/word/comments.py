"""Word comments (Opmerkingen): notes in the margin that are no part of the text.

A comment is anchored to a range of a paragraph (w:commentRangeStart … w:commentRangeEnd, then a
run with w:commentReference) and its text lives in word/comments.xml. Accepting all tracked
changes leaves the comments out of the text; Word and LibreOffice print them in the margin.
Written in lxml like the rest of the body: python-docx (1.2) can add comments, but only on a
document it has opened, and the Word base no longer opens one.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from verordening.render.word import styles
from verordening.render.word.xml import W_PPR, append_text, qn, serialize, w

COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
COMMENTS_NAME = "word/comments.xml"


@dataclass(frozen=True)
class Comment:
    id: int
    author: str
    date: str  # W3CDTF, "2026-12-01T12:00:00Z"
    paragraphs: tuple[str, ...]


def empty_part() -> etree._Element:
    return etree.Element(qn("w:comments"), nsmap={"w": styles.W})


def anchor(
    p: etree._Element, comment_id: int, start: etree._Element | None = None, end: etree._Element | None = None
) -> None:
    """Anchor comment `comment_id` to paragraph `p`: the whole paragraph, or the runs from `start` to `end`."""
    opening = etree.Element(qn("w:commentRangeStart"))
    opening.set(qn("w:id"), str(comment_id))
    closing = etree.Element(qn("w:commentRangeEnd"))
    closing.set(qn("w:id"), str(comment_id))
    if start is None:
        ppr = p.find(W_PPR)
        if ppr is not None:
            ppr.addnext(opening)
        else:
            p.insert(0, opening)
    else:
        start.addprevious(opening)
    if end is None:
        p.append(closing)
        closing.addnext(_reference(comment_id))
    else:
        end.addnext(closing)
        closing.addnext(_reference(comment_id))


def _reference(comment_id: int) -> etree._Element:
    r = etree.Element(qn("w:r"))
    w(r, "commentReference", id=comment_id)
    return r


def part(comments: list[Comment]) -> bytes:
    """word/comments.xml holding these comments."""
    root = empty_part()
    for c in comments:
        el = w(root, "comment", id=c.id, author=c.author, date=c.date, initials=c.author[:1].upper())
        for i, text in enumerate(c.paragraphs):
            p = w(el, "p")
            if i == 0:
                w(w(p, "r"), "annotationRef")
            append_text(w(p, "r"), text)
    return serialize(root)
