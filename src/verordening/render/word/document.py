"""One DOCX being written on a Word base: paragraphs and tables by style name, then the package.

    doc = WordDocument(word_base(template, STYLES))
    doc.add("Artikel 1. Begrippen", "Heading 2")
    data = doc.package(Properties(...), footer="Re-integratieverordening … 2023")

Only the parts that differ per document are written: the body, the footers (title) and the
document properties; the base's other parts were compressed once.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence

from lxml import etree

from verordening.render.word import xml
from verordening.render.word.base import TITLE_PLACEHOLDER, WordBase
from verordening.render.word.comments import Comment, anchor
from verordening.render.word.comments import part as comments_part
from verordening.render.word.header import fill as fill_header
from verordening.render.word.package import APP_NAME, Properties, app_xml, core_xml, zip_package
from verordening.render.word.xml import qn


class WordDocument:
    def __init__(self, base: WordBase) -> None:
        self.base = base
        self.root = copy.deepcopy(base.document)
        self.body = self.root.find(qn("w:body"))
        self.end = self.body.find(qn("w:sectPr"))
        if self.end is not None:
            self.body.remove(self.end)
        self._words = self._characters = self._with_spaces = self._paragraphs = 0
        self._comments: list[Comment] = []

    @property
    def text_width(self) -> int:
        """The width between the margins, in twips."""
        return self.base.text_width

    def style(self, name: str) -> str | None:
        return self.base.style_ids[name]

    def add(self, text: str, style: str, **layout: object) -> etree._Element:
        """A paragraph in `style`; `layout` as xml.paragraph (keep_next, page_break, tabs, before)."""
        self.count(text)
        p = xml.paragraph(self.style(style), text, **layout)  # type: ignore[arg-type]
        self.body.append(p)
        return p

    def add_runs(self, runs: Iterable[etree._Element], style: str, text: str, **layout: object) -> etree._Element:
        """A paragraph of prepared runs (e.g. tracked changes); `text` is what it says, for the counts."""
        self.count(text)
        p = xml.paragraph(self.style(style), runs=runs, **layout)  # type: ignore[arg-type]
        self.body.append(p)
        return p

    def comment(
        self,
        p: etree._Element,
        paragraphs: Sequence[str],
        author: str,
        date: str,
        start: etree._Element | None = None,
        end: etree._Element | None = None,
    ) -> None:
        """A Word comment on paragraph `p` (or on its runs `start` to `end`); the base must allow comments."""
        if self.base.comments_name is None:
            raise ValueError("comment() on a Word base prepared without comments")
        c = Comment(len(self._comments), author, date, tuple(paragraphs))
        self._comments.append(c)
        anchor(p, c.id, start, end)

    def last_paragraph(self) -> etree._Element | None:
        return next((el for el in reversed(self.body) if el.tag == qn("w:p")), None)

    def table(
        self,
        fractions: Sequence[float],
        header: Sequence[str],
        rows: Iterable[Sequence[tuple[str, bool]]],
        style: str = "Tabeltekst",
    ) -> None:
        """A table over the text width: columns as fractions of it, a bold header, cells (text, bold)."""
        widths = [int(self.text_width * f) for f in fractions]
        cell_style = self.style(style)

        def cell(text: str, bold: bool) -> etree._Element:
            self.count(text)
            return xml.paragraph(cell_style, runs=[xml.run(text, bold=bold)])

        self.body.append(
            xml.table(
                widths,
                self.base.table_style_id,
                [cell(text, True) for text in header],
                ([cell(text, bold) for text, bold in row] for row in rows),
            )
        )

    def count(self, text: str) -> None:
        if text:
            words = text.split()
            self._words += len(words)
            self._characters += sum(map(len, words))
            self._with_spaces += len(text)
            self._paragraphs += 1

    def package(self, properties: Properties, footer: str, header: str = "") -> bytes:
        """The finished .docx: this body, `footer` as the title in every footer, `header` as the status line
        at the top of every page ("CONCEPT"; none when empty), and the properties."""
        if self.end is not None:
            self.body.append(self.end)
        parts = {
            self.base.document_name: xml.serialize(self.root),
            self.base.core_name: core_xml(properties),
            APP_NAME: app_xml(self._words, self._characters, self._with_spaces, self._paragraphs),
        }
        parts.update(self._footers(footer))
        if self.base.comments_name is not None:
            parts[self.base.comments_name] = comments_part(self._comments)
        parts.update({name: fill_header(self.base.parts[name], header) for name in self.base.header_names})
        fresh = {name: xml.deflate(data) for name, data in parts.items()}
        return zip_package((name, fresh.get(name, entry)) for name, entry in self.base.entries)

    def _footers(self, title: str) -> dict[str, bytes]:
        """The base's footers with the placeholder replaced by `title` (as run text: tabs stay tabs)."""
        parts = {}
        for name in self.base.footer_names:
            footer = etree.fromstring(self.base.parts[name])
            for t in [t for t in footer.iter(qn("w:t")) if t.text == TITLE_PLACEHOLDER]:
                r = t.getparent()
                after = list(r)[r.index(t) + 1 :]
                for el in [t, *after]:
                    r.remove(el)
                xml.append_text(r, title)
                r.extend(after)
            parts[name] = xml.serialize(footer)
        return parts
