"""References written in words where a clause asks for them: "artikel 12, tweede lid", "het eerste lid,
onderdeel b", "de artikelen 6, 7 en 9", relative to the article that holds them (words: citations.py).

A clause writes {{ ref("label", "lid") }}; the engine leaves a token in the text and, once every
article is numbered, replaces it here and records where it wrote "artikel N" (document.Ref), so
renderers can link exactly those words.
"""

from __future__ import annotations

import re

from verordening.engine import citations
from verordening.engine.document import Article, Lid, Ref
from verordening.engine.library import ClauseLibrary
from verordening.engine.textfilters import REF_CLOSE, REF_OPEN, unmarked
from verordening.errors import BuildError

_TOKEN = re.compile(f"{REF_OPEN}(.*?){REF_CLOSE}")


class Resolver:
    """Writes references in words, relative to the article that contains them."""

    def __init__(self, articles: list[Article], library: ClauseLibrary):
        self.by_label = {a.label: a for a in articles}
        self.library = library

    def _article(self, label: str) -> Article:
        if label not in self.by_label:
            raise BuildError(
                f"verwijzing naar artikel '{label}', dat bij deze keuzes niet in de verordening staat "
                f"(voorwaarde: {self.library.spec(label).when})"
            )
        return self.by_label[label]

    def one(self, path: list[str], here: Article | None, here_lid: Lid | None = None) -> str:
        article = self._article(path[0])
        units = article.units(path[1:])
        if len(units) < len(path) - 1:
            kind, label = ("lid", "onderdeel", "subonderdeel")[len(units)], path[len(units) + 1]
            raise BuildError(
                f"verwijzing naar {kind} '{label}' van artikel '{article.label}', dat daar niet (meer) staat"
            )
        lid, onderdeel, sub = (*units, None, None, None)[:3]
        same = article is here
        # Within the same lid an onderdeel is cited without its lid ("onderdeel b", not "het tweede lid, onderdeel b").
        lid_number = None if lid is None or (same and lid is here_lid and onderdeel is not None) else lid.number
        words = citations.cite(
            None if same else article.number,
            lid_number,
            onderdeel.number if onderdeel is not None else None,
            sub.number if sub is not None else None,
        )
        return words or "dit artikel"

    def many(self, labels: list[str]) -> str:
        return citations.artikelen(self._article(label).number for label in labels)

    def resolve(
        self, text: str, here: Article | None, here_lid: Lid | None = None, opens_sentence: bool = True
    ) -> tuple[str, list[Ref]]:
        """Replace reference tokens by words; also return where each "artikel N" was written."""
        out: list[str] = []
        refs: list[Ref] = []
        length = pos = 0
        for m in _TOKEN.finditer(text):
            body = m.group(1)
            words = (
                self.many(body[1:].split("|")) if body.startswith("*") else self.one(body.split("|"), here, here_lid)
            )
            before = unmarked(text[: m.start()]).rstrip()  # a marked value is text like any other
            # A reference that opens a sentence starts with a capital ("Artikel 12 is …");
            # onderdelen continue the sentence of their lid and stay lower case.
            if before.endswith(".") or (not before and opens_sentence):
                words = words[0].upper() + words[1:]
            # "artikel 10, tweede lid, van overeenkomstige toepassing": a reference with a lid or
            # onderdeel is closed by a comma when the sentence continues with a word.
            if ", " in words and re.match(r" \w", unmarked(text[m.end() :])):
                words += ","
            length += m.start() - pos
            out += [text[pos : m.start()], words]
            refs += [(length + start, length + end, number) for start, end, number in _article_spans(words)]
            length += len(words)
            pos = m.end()
        out.append(text[pos:])
        return "".join(out), refs


_SINGLE = re.compile(r"[Aa]rtikel (\d+[a-z]*)\b")
_NUMBER = re.compile(r"\d+[a-z]*")


def _article_spans(words: str) -> list[Ref]:
    """ "artikel 12, tweede lid" -> the span of "artikel 12"; "de artikelen 6 en 7" -> each number."""

    def number(text: str) -> int | str:
        return int(text) if text.isdigit() else text

    if m := _SINGLE.match(words):
        return [(0, m.end(), number(m.group(1)))]
    if words.lower().startswith("de artikelen "):
        return [(n.start(), n.end(), number(n.group())) for n in _NUMBER.finditer(words)]
    return []  # "het tweede lid", "dit artikel": within the same article
