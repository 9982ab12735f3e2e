"""The amended ordinance as one text in the adopted numbering, and its comparison with the adopted text.

This is the consolidation the wijzigingsverordening produces (changes/amend.py): existing articles
keep their number, an inserted article has a lettered number ("12a"), an article that vervalt
stays as "Artikel 13 [vervallen]". The redline and the was-wordt-tabel of two versions show this
text, so that they name the same article numbers as the wijzigingsverordening.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from verordening.changes.amend import AmendError, Amendment, amend
from verordening.changes.diff import ArticleDiff, OrdinanceDiff, ParaChange, compare, para_diff, paragraphs, word_diff
from verordening.choicefile.schema import Choices
from verordening.engine import citations
from verordening.engine.assemble import assemble
from verordening.engine.document import Article, Chapter
from verordening.engine.library import ClauseLibrary, load_library


@dataclass(frozen=True)
class Place:
    """One article of the consolidated text: its number, and its text (None when it vervalt)."""

    label: str
    number: str
    chapter: str  # the chapter's heading, as in the adopted ordinance
    old: Article | None  # None for an inserted article
    new: Article | None  # None for an article that vervalt
    explanation: str  # the toelichting of its onderdeel of Artikel I ("" when unchanged)

    @property
    def heading(self) -> str:
        return self.new.heading if self.new is not None else citations.vervallen_heading(self.number)


def places(amendment: Amendment) -> list[Place]:
    """Every article of the amended ordinance in order, vervallen ones included."""
    headings = {c.key: c.heading for c in amendment.old.chapters}
    old = {a.label: a for a in amendment.old.articles}
    new = {a.label: a for a in amendment.target}
    why = dict(zip((ins.label for ins in amendment.instructions), amendment.toelichting()))
    return [
        Place(s.label, s.number, headings[s.chapter], old.get(s.label), new.get(s.label), why.get(s.label, ""))
        for s in amendment.slots
    ]


def consolidated_chapters(amendment: Amendment) -> list[Chapter]:
    """The amended ordinance's chapters with their articles in the adopted numbering (vervallen ones left out)."""
    by_key = {a.label: a for a in amendment.target}
    chapters = []
    for chapter in amendment.old.chapters:
        members = [by_key[s.label] for s in amendment.slots if s.chapter == chapter.key and s.label in by_key]
        chapters.append(dataclasses.replace(chapter, articles=members))
    return chapters


def compare_adopted(amendment: Amendment) -> OrdinanceDiff:
    """The adopted text against the amended text, article by article, in the adopted numbering."""
    articles = []
    for place in places(amendment):
        o, n = place.old, place.new
        d = ArticleDiff(place.label, o, n, place.chapter)
        if o is not None and n is not None:
            d.heading = word_diff(o.heading, n.heading)
            d.paras = para_diff(paragraphs(o), paragraphs(n))
        elif n is not None:
            d.heading = [("+", n.heading)]
            d.paras = [ParaChange(None, p, [("+", p.full)]) for p in paragraphs(n)]
        else:
            assert o is not None
            d.heading = word_diff(o.heading, place.heading)  # "Artikel 13. Titel" -> "Artikel 13 [vervallen]"
            d.paras = [ParaChange(p, None, [("-", p.full)]) for p in paragraphs(o)]
        articles.append(d)
    new = dataclasses.replace(amendment.old, choices=amendment.new, chapters=consolidated_chapters(amendment))
    return OrdinanceDiff(amendment.old, new, articles, explanations={p.label: p.explanation for p in places(amendment)})


@dataclass(frozen=True)
class Versions:
    """Two versions compared: the comparison, the wijzigingsverordening behind it (None when none can be
    drafted) and, then, why not (`obstacle`, AmendError's words)."""

    comparison: OrdinanceDiff
    amendment: Amendment | None
    obstacle: str = ""

    @property
    def note(self) -> str:
        """The warning that each version is shown in its own numbering ("" when they follow the adopted one)."""
        if not self.obstacle:
            return ""
        return f"let op: {self.obstacle}; de vergelijking volgt daarom de nummering van elk van beide versies"


def versions(old: Choices, new: Choices, library: ClauseLibrary | None = None) -> Versions:
    """Two versions of one ordinance compared in the adopted numbering, as the wijzigingsverordening has it.

    Where no wijzigingsverordening can be drafted (the same articles; an article before the first one or a
    new chapter) the versions are compared each in its own numbering, and the note says so."""
    library = library or load_library()
    try:
        amendment = amend(old, new, library)
    except AmendError as exc:
        plain = compare(assemble(old, library), assemble(new, library))
        return Versions(plain, None, str(exc) if plain.differences else "")
    return Versions(compare_adopted(amendment), amendment)


def between_versions(old: Choices, new: Choices, library: ClauseLibrary | None = None) -> tuple[OrdinanceDiff, str]:
    """The comparison of `versions` and its note."""
    found = versions(old, new, library)
    return found.comparison, found.note
