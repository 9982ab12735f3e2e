"""Ordinance -> DOCX, laid out like an ordinance published in the Gemeenteblad, on the Word base.

Chapters and articles use Word's own heading styles (navigation pane, table of contents).
Leden, onderdelen and subonderdelen carry their computed numbers as text followed by a tab, in
paragraph styles with a hanging indent (render/word/styles.py). With a reference DOCX
(BuildOptions.template) the document takes that file's styles and page setup.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from verordening.engine.document import Article, Element, Ondertekening, Ordinance, Paragraph
from verordening.render.word import xml
from verordening.render.word.base import word_base
from verordening.render.word.document import WordDocument
from verordening.render.word.package import Properties
from verordening.render.word_template import TemplateError

__all__ = ["ELEMENT_STYLES", "STYLES", "TemplateError", "element_style", "elements", "render", "signature"]

# The numbered elements of an ordinance, in every document that shows or quotes them.
ELEMENT_STYLES = (
    "Lid",
    "Lid zonder nummer",
    "Onderdeel",
    "Onderdeel bij enig lid",
    "Subonderdeel",
    "Subonderdeel bij enig lid",
)
STYLES = (
    "Title",
    "Aanhef",
    "Heading 1",
    "Heading 2",
    "Heading 3",
    *ELEMENT_STYLES,
    "Ondertekening",
    "Opsomming toelichting",
    "Tabeltekst",
)


def render(ordinance: Ordinance, checklist: object = None, options: object = None) -> bytes:
    """The ordinance as the raad adopts it; the checklist is a separate document (controlelijst.md)."""
    template: Path | None = getattr(options, "template", None)
    doc = WordDocument(word_base(template, STYLES))
    doc.add(ordinance.citeertitel, "Title")
    for line in ordinance.aanhef:
        doc.add(line, "Aanhef", keep_next=introduces(line))
    for chapter in ordinance.chapters:
        doc.add(chapter.heading, "Heading 1")
        for article in chapter.articles:
            _article(doc, article)
    signature(doc, ordinance.ondertekening)
    _toelichting(doc, ordinance)
    return doc.package(properties(ordinance), footer=ordinance.citeertitel, header=ordinance.ondertekening.kop)


def properties(ordinance: Ordinance) -> Properties:
    k = ordinance.choices
    return Properties(
        title=ordinance.citeertitel,
        subject=f"Re-integratieverordening Participatiewet van de gemeente {k.gemeente}",
        author=f"gemeente {k.gemeente}",
        keywords="Participatiewet; re-integratie; verordening",
        category="Verordening",
        date=k.vaststelling.voorstel_datum,
    )


def _article(doc: WordDocument, article: Article) -> None:
    doc.add(article.heading, "Heading 2")
    elements(doc, article.elements())


def element_style(depth: int, numbered: bool, lid_numbered: bool, quoted: bool = False) -> str:
    """The style of a lid (depth 0), onderdeel (1) or subonderdeel (2); `quoted` for text an amendment quotes."""
    if depth == 0:
        name = "Lid" if numbered else "Lid zonder nummer"
    else:
        # Under a single, unnumbered lid the onderdelen stand one level less deep.
        name = ("Onderdeel", "Subonderdeel")[depth - 1] + ("" if lid_numbered else " bij enig lid")
    return f"Citaat {name.lower()}" if quoted else name


def introduces(text: str) -> bool:
    """A lid or onderdeel ending in ":" introduces a list: it stays on the page of its first item.

    Only that paragraph is kept with the next one. Chaining a whole short list (every item kept with
    the next) was tried: LibreOffice then leaves the intro at the page foot after all."""
    return text.rstrip().endswith(":")


def elements(doc: WordDocument, walked: Iterable[Element], quoted: bool = False) -> None:
    """Leden, onderdelen and subonderdelen, their numbers set off by a tab; an intro stays with its list."""
    for e in walked:
        style = element_style(e.depth, bool(e.numeral), e.lid.number is not None, quoted)
        if e.numeral:
            doc.add(f"{e.numeral}\t{e.text}", style, keep_next=introduces(e.text))
        elif e.text:
            doc.add(e.text, style, keep_next=introduces(e.text))


def signature(doc: WordDocument, ondertekening: Ondertekening) -> None:
    """The closing formula and the signatories side by side, kept on the page of the text they sign;
    room above the name lines for the signatures."""
    last = doc.last_paragraph()
    if last is not None:
        xml.keep_with_next(last)  # a signature page without text of the ordinance invites doubt
    signers = ondertekening.ondertekenaars
    doc.add(ondertekening.slotformule, "Ondertekening", keep_next=bool(signers), before=360)
    if not signers:
        return
    tabs = [("left", doc.text_width * i // len(signers)) for i in range(1, len(signers))]
    functions, names = "\t".join(f for f, _ in signers), "\t".join(n for _, n in signers)
    doc.add(functions, "Ondertekening", tabs=tabs, before=240, keep_next=True)
    doc.add(names, "Ondertekening", tabs=tabs, before=960)


def _toelichting(doc: WordDocument, ordinance: Ordinance) -> None:
    doc.add("Toelichting", "Heading 1", page_break=True)
    doc.add("Algemeen", "Heading 2")
    _paragraphs(doc, ordinance.toelichting_algemeen)
    doc.add("Artikelsgewijs", "Heading 2")
    for article in ordinance.articles:
        doc.add(article.heading, "Heading 3")
        _paragraphs(doc, article.toelichting)


def _paragraphs(doc: WordDocument, paragraphs: Iterable[Paragraph]) -> None:
    for p in paragraphs:
        if p.bullets:
            for bullet in p.bullets:
                doc.add(f"–\t{bullet}", "Opsomming toelichting")
        else:
            doc.add(p.text, "Normal", keep_next=introduces(p.text))
