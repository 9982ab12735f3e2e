"""Ordinance -> DOCX, laid out like an ordinance published in the Gemeenteblad, on the Word base.

Chapters and articles use Word's own heading styles (navigation pane, table of contents).
Leden, onderdelen and subonderdelen carry their computed numbers as text followed by a tab, in
paragraph styles with a hanging indent (render/word/styles.py). With a reference DOCX
(BuildOptions.template) the document takes that file's styles and page setup.

The bespreekversie (`bespreekversie`) is the same document for the discussion in the raad: a Word
comment at each article with the choices that shaped it (engine/choice_notes.py), the chosen values
highlighted, an article a choice left out as a grey line in its place, and "Bespreekversie — niet voor
publicatie" under the title and in the page header. The ordinance itself carries none of that.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from verordening.engine import choice_notes
from verordening.engine.document import Article, Element, Ondertekening, Ordinance, Paragraph
from verordening.render.word import xml
from verordening.render.word.base import word_base
from verordening.render.word.document import WordDocument
from verordening.render.word.package import Properties
from verordening.render.word_template import TemplateError

__all__ = [
    "ELEMENT_STYLES",
    "STYLES",
    "TemplateError",
    "bespreekversie",
    "element_style",
    "elements",
    "render",
    "signature",
]
AUTHOR = "verordening"  # the author of the bespreekversie's comments
GREY, HIGHLIGHT = "767676", "yellow"

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


def render(ordinance: Ordinance, checklist: object = None, options: object = None, bespreking: bool = False) -> bytes:
    """The ordinance as the raad adopts it; the checklist is a separate document (controlelijst.md). With
    `bespreking` the bespreekversie: choice notes as comments, chosen values highlighted, left-out articles."""
    template: Path | None = getattr(options, "template", None)
    doc = WordDocument(word_base(template, STYLES, comments=bespreking))
    notes = _Notes(doc, ordinance) if bespreking else None
    doc.add(ordinance.citeertitel, "Title")
    header = ordinance.ondertekening.kop
    if notes is not None:
        header = " · ".join(filter(None, (header, notes.t("kop_bespreekversie"))))
        notes.title()
    for line in ordinance.aanhef:
        doc.add(line, "Aanhef", keep_next=introduces(line))
    for chapter in ordinance.chapters:
        doc.add(chapter.heading, "Heading 1")
        if notes is not None:
            notes.ghosts(chapter.key, None)
        for article in chapter.articles:
            _article(doc, article, notes)
            if notes is not None:
                notes.ghosts(chapter.key, article.label)
    signature(doc, ordinance.ondertekening)
    _toelichting(doc, ordinance)
    return doc.package(properties(ordinance), footer=ordinance.citeertitel, header=header)


def bespreekversie(ordinance: Ordinance, checklist: object = None, options: object = None) -> bytes:
    """<slug>-bespreekversie.docx: the ordinance with the choices beside each article (not for publication)."""
    return render(ordinance, checklist, options, bespreking=True)


class _Notes:
    """What the bespreekversie adds to the ordinance, in the words of bespreking.j2."""

    def __init__(self, doc: WordDocument, ordinance: Ordinance) -> None:
        self.doc, self.o = doc, ordinance
        self.t = choice_notes.texts(ordinance)
        self.omitted = choice_notes.omissions(ordinance)
        self.date = f"{ordinance.choices.vaststelling.voorstel_datum.isoformat()}T00:00:00Z"

    def title(self) -> None:
        kop = self.t("kop_bespreekversie")
        self.doc.add_runs([xml.run(kop, bold=True, color=GREY)], "Aanhef", kop)
        uitleg = self.t("uitleg_bespreekversie")
        self.doc.add_runs([xml.run(uitleg, italic=True, color=GREY)], "Aanhef", uitleg)

    def article(self, heading: etree._Element, article: Article) -> None:
        lines = [choice_notes.line(self.t, n) for n in choice_notes.notes(self.o, article.choices)]
        if lines:
            self.doc.comment(heading, [self.t("kop_keuzes"), *lines], AUTHOR, self.date)

    def ghosts(self, chapter: str, after: str | None) -> None:
        for om in self.omitted:
            if om.chapter == chapter and om.after == after:
                what = self.t("niet_opgenomen", titel=om.title)
                why = self.t("weggelaten_door", keuzes=[f"{n.title}: {n.value}" for n in om.notes])
                runs = [xml.run(f"{what}. ", italic=True, bold=True, color=GREY), xml.run(why, italic=True, color=GREY)]
                self.doc.add_runs(runs, "Normal", f"{what}. {why}", before=120)


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


def _article(doc: WordDocument, article: Article, notes: _Notes | None = None) -> None:
    heading = doc.add(article.heading, "Heading 2")
    if notes is not None:
        notes.article(heading, article)
    elements(doc, article.elements(), marked=notes is not None)


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


def elements(doc: WordDocument, walked: Iterable[Element], quoted: bool = False, marked: bool = False) -> None:
    """Leden, onderdelen and subonderdelen, their numbers set off by a tab; an intro stays with its list;
    `marked`: chosen values highlighted (the bespreekversie)."""
    for e in walked:
        style = element_style(e.depth, bool(e.numeral), e.lid.number is not None, quoted)
        if marked and e.unit.marks:
            prefix = f"{e.numeral}\t" if e.numeral else ""
            runs = _marked_runs(prefix, e.text, e.unit.marks)
            doc.add_runs(runs, style, prefix + e.text, keep_next=introduces(e.text))
        elif e.numeral:
            doc.add(f"{e.numeral}\t{e.text}", style, keep_next=introduces(e.text))
        elif e.text:
            doc.add(e.text, style, keep_next=introduces(e.text))


def _marked_runs(prefix: str, text: str, marks: list[tuple[int, int]]) -> list[etree._Element]:
    """Runs of `prefix` + `text`, the marked stretches of `text` highlighted."""
    pieces, pos = [], 0
    for start, end in marks:
        pieces += [(prefix + text[pos:start], None), (text[start:end], HIGHLIGHT)]
        prefix, pos = "", end
    pieces.append((prefix + text[pos:], None))
    return [xml.run(piece, highlight=colour) for piece, colour in pieces if piece]


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
