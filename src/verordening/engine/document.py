"""The assembled ordinance: numbered, references resolved, plain text (renderers escape)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from verordening.choicefile.schema import Choices
from verordening.engine import citations
from verordening.engine.law import LawVersion

# Where the engine wrote a reference to an article of this ordinance: (start, end, article
# number) within a text. Renderers use it to link references without guessing from the words.
Ref = tuple[int, int, "int | str"]


# Where a value from the choice file stands in a text: (start, end). Only the bespreekversie shows it.
Mark = tuple[int, int]


def _refs() -> list:
    return field(default_factory=list, compare=False, repr=False)


@dataclass
class Sub:
    """A subonderdeel ("1°")."""

    label: str | None
    text: str
    number: int = 0
    refs: list[Ref] = _refs()
    marks: list[Mark] = _refs()  # chosen values in `text`
    depth: ClassVar[int] = 2

    @property
    def children(self) -> list[Unit]:
        return []


@dataclass
class Onderdeel:
    """An onderdeel ("a."), with its subonderdelen."""

    label: str | None
    text: str
    number: int = 0  # 1 -> "a"
    subs: list[Sub] = field(default_factory=list)
    refs: list[Ref] = _refs()
    marks: list[Mark] = _refs()  # chosen values in `text`
    depth: ClassVar[int] = 1

    @property
    def letter(self) -> str:
        return citations.letter(self.number)

    @property
    def children(self) -> list[Sub]:
        return self.subs


@dataclass
class Lid:
    """A lid ("1."), with its onderdelen; the single lid of an article has no number."""

    label: str | None
    text: str
    number: int | None = None
    onderdelen: list[Onderdeel] = field(default_factory=list)
    refs: list[Ref] = _refs()
    marks: list[Mark] = _refs()  # chosen values in `text`
    depth: ClassVar[int] = 0

    @property
    def children(self) -> list[Onderdeel]:
        return self.onderdelen


Unit = Lid | Onderdeel | Sub


@dataclass(frozen=True)
class Element:
    """A lid, onderdeel or subonderdeel as the walk meets it, with the units above it."""

    path: tuple[Unit, ...]  # (lid, onderdeel, sub) down to this unit

    @property
    def unit(self) -> Unit:
        return self.path[-1]

    @property
    def depth(self) -> int:  # 0 lid, 1 onderdeel, 2 subonderdeel
        return len(self.path) - 1

    @property
    def lid(self) -> Lid:
        return self.path[0]  # type: ignore[return-value]

    @property
    def text(self) -> str:
        return self.unit.text

    @property
    def numeral(self) -> str:
        """ "1.", "a.", "1°"; "" for the single lid of an article."""
        return citations.numeral(self.depth, self.unit.number)

    def cite(self, article: int | str | None = None) -> str:
        """This element cited from outside its article ("artikel 9, tweede lid, onderdeel a"), or, without
        `article`, from within it ("het tweede lid, onderdeel a")."""
        numbers = [u.number for u in self.path] + [None] * (3 - len(self.path))
        return citations.cite(article, *numbers)


def walk(units: Iterable[Unit], above: tuple[Unit, ...] = ()) -> Iterator[Element]:
    """Every unit and all units within it, in reading order (lid, its onderdelen, their subs, next lid)."""
    for unit in units:
        path = (*above, unit)
        yield Element(path)
        yield from walk(unit.children, path)


@dataclass
class Paragraph:
    """A paragraph of the toelichting; `bullets` holds list items instead of prose."""

    text: str = ""
    bullets: list[str] = field(default_factory=list)
    refs: list[Ref] = _refs()  # within `text`
    bullet_refs: list[list[Ref]] = _refs()  # one list per bullet


@dataclass
class Article:
    label: str
    number: int
    title: str
    chapter: str
    basis: str
    choices: list[str]
    regulates: list[str]
    leden: list[Lid]
    toelichting: list[Paragraph]

    @property
    def heading(self) -> str:
        return citations.heading(self.number, self.title)

    def elements(self) -> Iterator[Element]:
        """Leden, onderdelen and subonderdelen in reading order."""
        return walk(self.leden)

    def units(self, labels: Sequence[str]) -> list[Unit]:
        """The lid, onderdeel and subonderdeel with these labels ("maximale_duur", …), as far as they are found."""
        found: list[Unit] = []
        children: Sequence[Unit] = self.leden
        for label in labels:
            unit = next((u for u in children if u.label == label), None)
            if unit is None:
                break
            found.append(unit)
            children = unit.children
        return found

    def texts(self) -> Iterator[str]:
        """Every piece of rendered text of the article, in reading order."""
        return (e.text for e in self.elements())

    @property
    def plain_text(self) -> str:
        return " ".join(self.texts())


@dataclass
class Chapter:
    key: str
    number: int
    title: str
    vng: str
    articles: list[Article]

    @property
    def heading(self) -> str:
        return citations.chapter_heading(self.number, self.title)


@dataclass
class Ondertekening:
    """The closing formula ("Aldus vastgesteld …") and who signs: (function, name line) pairs."""

    slotformule: str
    ondertekenaars: list[tuple[str, str]]
    kop: str = ""  # the status mark at the top of every page of a text not yet adopted ("CONCEPT")


@dataclass
class Ordinance:
    choices: Choices
    slug: str
    citeertitel: str
    aanhef: list[str]
    chapters: list[Chapter]
    toelichting_algemeen: list[Paragraph]
    ondertekening: Ondertekening = field(default_factory=lambda: Ondertekening("", []))
    # Display names of the options a choice names by code ("oval_keurmerk" -> "OVAL-keurmerk"; clause library)
    option_names: dict[str, str] = field(default_factory=dict)
    law: LawVersion | None = None  # the version of the Participatiewet the text follows
    library: Path | None = None  # the clause library it was built from

    @property
    def articles(self) -> list[Article]:
        return [a for c in self.chapters for a in c.articles]

    def article(self, label: str) -> Article:
        for a in self.articles:
            if a.label == label:
                return a
        raise KeyError(label)
