"""Ordinance -> Markdown (CommonMark). All text is escaped: it is data, not markup."""

from __future__ import annotations

from verordening.engine.document import Article, Ondertekening, Ordinance, Paragraph
from verordening.render.escape import markdown as escape


def article_lines(article: Article) -> list[str]:
    lines = [f"### {escape(article.heading)}", ""]
    indent = ""
    for element in article.elements():
        if element.depth == 0:
            if element.lid is not article.leden[0]:
                lines.append("")  # a blank line closes the previous lid
            # A numbered lid is an ordered list item; its onderdelen are nested under its text.
            indent = " " * len(f"{element.numeral} ") if element.numeral else ""
            if element.numeral:
                lines.append(f"{element.numeral} {escape(element.text)}")
            elif element.text:
                lines.append(escape(element.text))
            if element.unit.children and not element.numeral:
                lines.append("")
        else:
            nested = "    " * (element.depth - 1)
            lines.append(f"{indent}{nested}- {element.numeral} {escape(element.text)}")
    lines.append("")
    return lines


def paragraph_lines(paragraphs: list[Paragraph]) -> list[str]:
    lines: list[str] = []
    for p in paragraphs:
        if p.bullets:
            lines += [f"- {escape(b)}" for b in p.bullets]
        else:
            lines.append(escape(p.text))
        lines.append("")
    return lines


def signature_lines(ondertekening: Ondertekening) -> list[str]:
    """The closing formula, then each signatory's function and name line, each a paragraph."""
    lines = [escape(ondertekening.slotformule), ""]
    for function, name in ondertekening.ondertekenaars:
        lines += [escape(function), "", escape(name), ""]
    return lines


def render(ordinance: Ordinance, checklist: object = None) -> str:
    """The ordinance as adopted and published: no checklist (see render/checklist.py)."""
    out = [f"# {escape(ordinance.citeertitel)}", ""]
    for line in ordinance.aanhef:
        out += [escape(line), ""]
    for chapter in ordinance.chapters:
        out += [f"## {escape(chapter.heading)}", ""]
        for article in chapter.articles:
            out += article_lines(article)
    out += signature_lines(ordinance.ondertekening)
    out += [
        "## Toelichting",
        "",
        "### Algemeen",
        "",
    ]
    out += paragraph_lines(ordinance.toelichting_algemeen)
    out += ["### Artikelsgewijs", ""]
    for article in ordinance.articles:
        out += [f"#### {escape(article.heading)}", ""]
        out += paragraph_lines(article.toelichting)
    return "\n".join(out).rstrip() + "\n"
