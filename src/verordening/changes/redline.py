"""OrdinanceDiff -> a redline for reviewers: Markdown, self-contained HTML, or DOCX with Word tracked changes.

In the DOCX every insertion and deletion is a real revision (w:ins / w:del by author
"verordening"), so accepting all changes gives the new text and rejecting all gives the old.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

from lxml import etree

from verordening.changes.diff import ArticleDiff, OrdinanceDiff, Segment, accepted, rejected
from verordening.engine import citations
from verordening.engine.library import ClauseLibrary, load_library
from verordening.engine.textfilters import hoofdletter
from verordening.engine.texts import VERGELIJKING, document_texts
from verordening.render.docx import ELEMENT_STYLES, element_style, introduces
from verordening.render.escape import html
from verordening.render.escape import markdown as _md_escape
from verordening.render.word import xml
from verordening.render.word.base import word_base
from verordening.render.word.document import WordDocument
from verordening.render.word.package import Properties
from verordening.render.word.xml import qn

AUTHOR = "verordening"
FORMATS = ("md", "html", "docx")


class _Words:
    """The redline's words for one comparison (model_clauses/vergelijking.j2)."""

    def __init__(self, d: OrdinanceDiff, old_name: str | None, new_name: str | None, library: ClauseLibrary | None):
        self.t = document_texts(library or load_library(), VERGELIJKING)
        self.explanations = d.explanations
        self.title = self.t("titel", oud=old_name or d.old.citeertitel, nieuw=new_name or d.new.citeertitel)
        self.summary = [  # one line per article that differs
            self.t("overzichtregel", kop=citations.heading(a.number, (a.new or a.old).title), toestand=self.state(a))  # type: ignore[union-attr]
            for a in d.differences
        ]

    def state(self, a: ArticleDiff) -> str:
        return self.t("toestand", toestand=a.state, was=a.old.number if a.old is not None else "")

    def note(self, a: ArticleDiff) -> str:
        """What changed in an article: the wijzigingsverordening's words when there is one, else its state."""
        return self.explanations.get(a.label) or self.state(a)

    def numbering(self) -> str:
        """How articles are numbered: as adopted (two versions), or each text its own (against the model)."""
        return self.t("nummering_vastgesteld") if self.explanations else self.t("koppeling")

    def intro(self, inserted: str) -> str:
        """What the marks mean, and how articles are numbered."""
        return f"{self.t('uitleg', nieuw=inserted)} {self.numbering()}"


# --- Markdown --------------------------------------------------------------------------------


def _md_segments(segments: list[Segment]) -> str:
    out = []
    for kind, text in segments:
        if kind == "=":
            out.append(_md_escape(text))
            continue
        core = text.strip()
        if not core:
            out.append(text if kind == "+" else "")
            continue
        lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
        mark = "~~" if kind == "-" else "**"
        out.append(f"{lead}{mark}{_md_escape(core)}{mark}{trail}")
    return "".join(out)


def to_markdown(
    d: OrdinanceDiff, old_name: str | None = None, new_name: str | None = None, library: ClauseLibrary | None = None
) -> str:
    words = _Words(d, old_name, new_name, library)
    out = [f"# {_md_escape(words.title)}", "", _md_escape(words.intro("vetgedrukte")), "", "## Overzicht", ""]
    out += [f"- {_md_escape(line)}" for line in words.summary] or [_md_escape(words.t("geen_verschillen"))]
    out.append("")
    chapter = None
    for a in d.articles:
        if a.chapter != chapter:
            chapter = a.chapter
            out += [f"## {_md_escape(chapter)}", ""]
        out += [f"### {_md_segments(a.heading)}", ""]
        if a.state != "ongewijzigd":
            out += [f"*{_md_escape(words.note(a))}*", ""]
        for p in a.paras:
            indent = ["", "   ", "     "][p.level]
            out += (
                [f"{indent}{_md_segments(p.segments)}", ""]
                if p.level == 0
                else [f"{indent}- {_md_segments(p.segments)}"]
            )
        out.append("")
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).rstrip() + "\n"


# --- HTML ------------------------------------------------------------------------------------

_CSS = """
body { font-family: Arial, sans-serif; max-width: 48rem; margin: 2rem auto; line-height: 1.5; color: #1a1a1a; }
ins { background: #d9f2d9; color: #0b5a0b; text-decoration: underline; }
del { background: #f9dada; color: #8a1111; text-decoration: line-through; }
.status { font-style: italic; color: #555; }
.l1 { margin-left: 2rem; } .l2 { margin-left: 4rem; }
article { border-left: 4px solid transparent; padding-left: .75rem; }
article.changed { border-left-color: #e0a800; }
"""


def _html_segments(segments: list[Segment]) -> str:
    tags = {"=": "{}", "-": "<del>{}</del>", "+": "<ins>{}</ins>"}
    return "".join(tags[k].format(html(t)) for k, t in segments)


def to_html(
    d: OrdinanceDiff, old_name: str | None = None, new_name: str | None = None, library: ClauseLibrary | None = None
) -> str:
    words = _Words(d, old_name, new_name, library)
    head = html(words.title)
    out = [
        "<!DOCTYPE html>",
        '<html lang="nl"><head><meta charset="utf-8">',
        f"<title>{head}</title><style>{_CSS}</style></head><body>",
        f"<h1>{head}</h1>",
        f"<p>{html(words.intro('onderstreepte'))}</p>",
        "<h2>Overzicht</h2>",
    ]
    lines = words.summary
    out.append(
        "<ul>" + "".join(f"<li>{html(s)}</li>" for s in lines) + "</ul>"
        if lines
        else f"<p>{html(words.t('geen_verschillen'))}</p>"
    )
    chapter = None
    for a in d.articles:
        if a.chapter != chapter:
            chapter = a.chapter
            out.append(f"<h2>{html(chapter)}</h2>")
        css = ' class="changed"' if a.state != "ongewijzigd" else ""
        out.append(f"<article{css}><h3>{_html_segments(a.heading)}</h3>")
        if a.state != "ongewijzigd":
            out.append(f'<p class="status">{html(words.note(a))}</p>')
        out += [f'<p class="l{p.level}">{_html_segments(p.segments)}</p>' for p in a.paras]
        out.append("</article>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


# --- DOCX with tracked changes ---------------------------------------------------------------

STYLES = ("Title", "Heading 1", "Heading 2", *ELEMENT_STYLES)


class _Revisions:
    """Creates w:ins / w:del elements with unique ids, one author and one date."""

    def __init__(self, when: dt.datetime):
        self.date = when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.ids = itertools.count(1)

    def mark(self, kind: str) -> etree._Element:
        el = etree.Element(qn("w:ins" if kind == "+" else "w:del"))
        el.set(qn("w:id"), str(next(self.ids)))
        el.set(qn("w:author"), AUTHOR)
        el.set(qn("w:date"), self.date)
        return el

    def runs(self, segments: list[Segment]) -> list[etree._Element]:
        out = []
        for kind, text in segments:
            r = xml.run(text, deleted=kind == "-")
            if kind == "=":
                out.append(r)
            else:
                wrapper = self.mark(kind)
                wrapper.append(r)
                out.append(wrapper)
        return out

    def track_mark(self, paragraph: etree._Element, whole: str | None) -> None:
        """`whole` ("+"/"-") also tracks the paragraph mark itself, so the paragraph comes or goes entirely."""
        if whole in ("+", "-"):
            etree.SubElement(paragraph.find(qn("w:pPr")), qn("w:rPr")).append(self.mark(whole))


def _whole(a: ArticleDiff) -> str | None:
    """An article that comes or goes entirely; an article that vervalt keeps its place ("Artikel 13 [vervallen]")."""
    return "+" if a.old is None else "-" if not accepted(a.heading).strip() else None


def to_docx(
    d: OrdinanceDiff,
    old_name: str | None = None,
    new_name: str | None = None,
    when: dt.datetime | None = None,
    template: Path | None = None,
    library: ClauseLibrary | None = None,
) -> bytes:
    """The new text with every change tracked, so that accepting all gives exactly the new text; what the
    changes mean is in Word comments (Controleren > Opmerkingen), never in the text."""
    words = _Words(d, old_name, new_name, library)
    rev = _Revisions(when or dt.datetime.now(dt.UTC))
    doc = WordDocument(word_base(template, STYLES, comments=True))
    title = doc.add(d.new.citeertitel, "Title")
    explain = [words.title, words.t("uitleg_word"), words.numbering()]
    if words.summary:
        explain += [words.t("overzicht"), *(f"– {line}" for line in words.summary)]
    else:
        explain.append(words.t("geen_verschillen"))
    doc.comment(title, explain, AUTHOR, rev.date)
    chapter = None
    for a in d.articles:
        if a.chapter != chapter:
            chapter = a.chapter
            doc.add(chapter, "Heading 1")
        heading = doc.add_runs(rev.runs(a.heading), "Heading 2", accepted(a.heading))
        rev.track_mark(heading, _whole(a))
        if a.state != "ongewijzigd":
            doc.comment(heading, [hoofdletter(words.note(a))], AUTHOR, rev.date)
        numbered_lid = True
        for p in a.paras:
            number, text = p.number_and_text()
            if p.level == 0:
                numbered_lid = bool(accepted(number) or rejected(number))
            whole = p.kind if p.kind in "+-" else None
            # The tab after the number comes and goes with a paragraph that comes or goes entirely.
            runs = rev.runs(number + [(whole or "=", "\t")] + text if number else text)
            style = element_style(p.level, bool(number), numbered_lid)
            said = accepted(text)
            rev.track_mark(doc.add_runs(runs, style, f"{accepted(number)}\t{said}", keep_next=introduces(said)), whole)
    new = d.new.choices
    return doc.package(
        Properties(
            title=words.title,
            subject=f"Vergelijking van twee versies van de Re-integratieverordening Participatiewet {new.gemeente}",
            author=f"gemeente {new.gemeente}",
            keywords="Participatiewet; re-integratie; verordening; vergelijking",
            category="Vergelijking",
            date=new.vaststelling.voorstel_datum,
        ),
        footer=words.title,
    )


def render(
    d: OrdinanceDiff,
    fmt: str,
    old_name: str | None = None,
    new_name: str | None = None,
    template: Path | None = None,
) -> bytes:
    if fmt == "md":
        return to_markdown(d, old_name, new_name).encode("utf-8")
    if fmt == "html":
        return to_html(d, old_name, new_name).encode("utf-8")
    return to_docx(d, old_name, new_name, template=template)
