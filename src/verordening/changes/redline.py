"""OrdinanceDiff -> a redline for reviewers: Markdown, self-contained HTML, or DOCX with Word tracked changes.

In the DOCX every insertion and deletion is a real revision (w:ins / w:del by author
"verordening"), so accepting all changes gives the new text and rejecting all gives the old.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import itertools
import re

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, RGBColor

from verordening.changes.diff import ArticleDiff, OrdinanceDiff, Segment

AUTHOR = "verordening"
FORMATS = ("md", "html", "docx")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def title(d: OrdinanceDiff, old_name: str | None = None, new_name: str | None = None) -> str:
    return f"Vergelijking: {old_name or d.old.citeertitel} → {new_name or d.new.citeertitel}"


def summary(d: OrdinanceDiff) -> list[str]:
    """One line per article that differs."""
    return [f"Artikel {a.number}. {(a.new or a.old).title}: {a.status}" for a in d.differences]  # type: ignore[union-attr]


# --- Markdown --------------------------------------------------------------------------------


def _md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


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


def to_markdown(d: OrdinanceDiff, old_name: str | None = None, new_name: str | None = None) -> str:
    out = [
        f"# {_md_escape(title(d, old_name, new_name))}",
        "",
        "Doorgehaald (~~zo~~) vervalt; vet (**zo**) is nieuw. Artikelen zijn op inhoud gekoppeld, "
        "zodat een artikel dat alleen een ander nummer krijgt als verplaatst wordt getoond.",
        "",
        "## Overzicht",
        "",
    ]
    out += [f"- {_md_escape(line)}" for line in summary(d)] or ["Geen verschillen."]
    out.append("")
    chapter = None
    for a in d.articles:
        if a.chapter != chapter:
            chapter = a.chapter
            out += [f"## {_md_escape(chapter)}", ""]
        out += [f"### {_md_segments(a.heading)}", ""]
        if a.status != "ongewijzigd":
            out += [f"*{_md_escape(a.status)}*", ""]
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
    return "".join(tags[k].format(html.escape(t)) for k, t in segments)


def to_html(d: OrdinanceDiff, old_name: str | None = None, new_name: str | None = None) -> str:
    head = html.escape(title(d, old_name, new_name))
    out = [
        "<!DOCTYPE html>",
        '<html lang="nl"><head><meta charset="utf-8">',
        f"<title>{head}</title><style>{_CSS}</style></head><body>",
        f"<h1>{head}</h1>",
        "<p>Doorgehaald: vervalt; onderstreept: nieuw. Artikelen zijn op inhoud gekoppeld, zodat een artikel "
        "dat alleen een ander nummer krijgt als verplaatst wordt getoond.</p>",
        "<h2>Overzicht</h2>",
    ]
    lines = summary(d)
    out.append(
        "<ul>" + "".join(f"<li>{html.escape(s)}</li>" for s in lines) + "</ul>" if lines else "<p>Geen verschillen.</p>"
    )
    chapter = None
    for a in d.articles:
        if a.chapter != chapter:
            chapter = a.chapter
            out.append(f"<h2>{html.escape(chapter)}</h2>")
        css = ' class="changed"' if a.status != "ongewijzigd" else ""
        out.append(f"<article{css}><h3>{_html_segments(a.heading)}</h3>")
        if a.status != "ongewijzigd":
            out.append(f'<p class="status">{html.escape(a.status)}</p>')
        out += [f'<p class="l{p.level}">{_html_segments(p.segments)}</p>' for p in a.paras]
        out.append("</article>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


# --- DOCX with tracked changes ---------------------------------------------------------------


class _Revisions:
    """Creates w:ins / w:del elements with unique ids, one author and one date."""

    def __init__(self, when: dt.datetime):
        self.date = when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.ids = itertools.count(1)

    def mark(self, kind: str) -> OxmlElement:
        el = OxmlElement("w:ins" if kind == "+" else "w:del")
        el.set(qn("w:id"), str(next(self.ids)))
        el.set(qn("w:author"), AUTHOR)
        el.set(qn("w:date"), self.date)
        return el

    def add(self, paragraph, segments: list[Segment], whole: str | None = None) -> None:
        """Append the segments as runs; `whole` ("+"/"-") also tracks the paragraph mark itself."""
        for kind, text in segments:
            run = OxmlElement("w:r")
            t = OxmlElement("w:delText" if kind == "-" else "w:t")
            t.set(qn("xml:space"), "preserve")
            t.text = text
            run.append(t)
            if kind == "=":
                paragraph._p.append(run)
            else:
                wrapper = self.mark(kind)
                wrapper.append(run)
                paragraph._p.append(wrapper)
        if whole in ("+", "-"):
            rpr = OxmlElement("w:rPr")
            rpr.append(self.mark(whole))
            paragraph._p.get_or_add_pPr().append(rpr)


def _whole(a: ArticleDiff) -> str | None:
    return "+" if a.old is None else "-" if a.new is None else None


def to_docx(
    d: OrdinanceDiff, old_name: str | None = None, new_name: str | None = None, when: dt.datetime | None = None
) -> bytes:
    rev = _Revisions(when or dt.datetime.now(dt.UTC))
    doc = Document()
    doc.core_properties.title = title(d, old_name, new_name)
    doc.core_properties.author = AUTHOR
    doc.core_properties.language = "nl-NL"
    doc.add_heading(title(d, old_name, new_name), level=1)
    doc.add_paragraph(
        "De wijzigingen staan in deze tekst als bijgehouden wijzigingen: accepteer of weiger ze "
        "per wijziging (Controleren > Wijzigingen). Alles accepteren geeft de nieuwe tekst, alles "
        "weigeren de oude."
    )
    doc.add_heading("Overzicht", level=2)
    lines = summary(d)
    for line in lines or ["Geen verschillen."]:
        doc.add_paragraph(line, style="List Bullet" if lines else None)
    chapter = None
    for a in d.articles:
        if a.chapter != chapter:
            chapter = a.chapter
            doc.add_heading(chapter, level=2)
        heading = doc.add_heading("", level=3)
        rev.add(heading, a.heading, _whole(a))
        if a.status != "ongewijzigd":
            note = doc.add_paragraph()
            note.add_run(f"({a.status})").italic = True
            note.runs[0].font.color.rgb = RGBColor(0x55, 0x55, 0x55)
        for p in a.paras:
            para = doc.add_paragraph()
            if p.level:
                para.paragraph_format.left_indent = Cm(1.0 * p.level)
            rev.add(para, p.segments, p.kind if p.kind in "+-" else None)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def render(d: OrdinanceDiff, fmt: str, old_name: str | None = None, new_name: str | None = None) -> bytes:
    if fmt == "md":
        return to_markdown(d, old_name, new_name).encode("utf-8")
    if fmt == "html":
        return to_html(d, old_name, new_name).encode("utf-8")
    return to_docx(d, old_name, new_name)
