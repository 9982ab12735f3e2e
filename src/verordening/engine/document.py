"""The assembled ordinance: numbered, references resolved, plain text (renderers escape)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from verordening.choicefile.schema import Choices

# Where the engine wrote a reference to an article of this ordinance: (start, end, article
# number) within a text. Renderers use it to link references without guessing from the words.
Ref = tuple[int, int, "int | str"]


def _refs() -> list[Ref]:
    return field(default_factory=list, compare=False, repr=False)


@dataclass
class Sub:
    label: str | None
    text: str
    number: str = ""  # "1°"
    refs: list[Ref] = _refs()


@dataclass
class Onderdeel:
    label: str | None
    text: str
    letter: str = ""  # "a"
    subs: list[Sub] = field(default_factory=list)
    refs: list[Ref] = _refs()


@dataclass
class Lid:
    label: str | None
    text: str
    number: int | None = None  # None when the article has a single lid
    onderdelen: list[Onderdeel] = field(default_factory=list)
    refs: list[Ref] = _refs()


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
        return f"Artikel {self.number}. {self.title}"

    def texts(self) -> Iterator[str]:
        """Every piece of rendered text of the article, in reading order."""
        for lid in self.leden:
            yield lid.text
            for onderdeel in lid.onderdelen:
                yield onderdeel.text
                for sub in onderdeel.subs:
                    yield sub.text

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
        return f"Hoofdstuk {self.number}. {self.title}"


@dataclass
class Ordinance:
    choices: Choices
    slug: str
    citeertitel: str
    aanhef: list[str]
    chapters: list[Chapter]
    toelichting_algemeen: list[Paragraph]

    @property
    def articles(self) -> list[Article]:
        return [a for c in self.chapters for a in c.articles]

    def article(self, label: str) -> Article:
        for a in self.articles:
            if a.label == label:
                return a
        raise KeyError(label)
