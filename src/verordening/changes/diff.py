"""Compare two assembled ordinances article by article; articles are matched by label.

An article keeps its label when its number changes, so an article that only moved (14 -> 13)
is reported as moved, not as deleted and added. Within an article the numbered elements
(leden, onderdelen, subonderdelen) are aligned by their text, then compared word by word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from verordening.choicefile.schema import Choices
from verordening.engine.document import Article, Ordinance

# A segment of a word diff: ("=", text) unchanged, ("-", text) deleted, ("+", text) inserted.
Segment = tuple[str, str]

_TOKENS = re.compile(r"[\w°]+|[^\w\s]|\s+")


def model_choices(draft: Choices) -> Choices:
    """The plain VNG model for the draft's municipality: only the decision data is kept.

    The defaults in choicefile/schema.py follow the VNG model, so every policy choice left out is the model's.
    """
    return Choices(
        gemeente=draft.gemeente,
        jaar=draft.jaar,
        titel=draft.titel,
        vaststelling=draft.vaststelling,
        status=draft.status,
        inwerkingtreding=draft.inwerkingtreding,
        terugwerkende_kracht_tot=draft.terugwerkende_kracht_tot,
        intrekking=draft.intrekking,
        clientenraad=draft.clientenraad,
        wet=draft.wet,
    )


def word_diff(old: str, new: str) -> list[Segment]:
    """Word-level diff; whitespace between two changes is folded into the change."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    raw: list[Segment] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            raw.append(("=", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            raw.append(("-", "".join(a[i1:i2])))
        if j2 > j1:
            raw.append(("+", "".join(b[j1:j2])))
    # Fold whitespace-only equal runs that sit between changes ("24 maanden" -> "36 weken" is one change).
    folded: list[Segment] = []
    for i, (kind, text) in enumerate(raw):
        between = 0 < i < len(raw) - 1 and raw[i - 1][0] != "=" and raw[i + 1][0] != "="
        if kind == "=" and between and not text.strip():
            folded += [("-", text), ("+", text)]
        else:
            folded.append((kind, text))
    return _merge(folded)


def _merge(segments: list[Segment]) -> list[Segment]:
    """Join neighbours of the same kind and put every deletion before the insertion it pairs with."""
    out: list[Segment] = []
    i = 0
    while i < len(segments):
        if segments[i][0] == "=":
            text = segments[i][1]
            while i + 1 < len(segments) and segments[i + 1][0] == "=":
                i += 1
                text += segments[i][1]
            if text:
                out.append(("=", text))
            i += 1
            continue
        deleted = inserted = ""
        while i < len(segments) and segments[i][0] != "=":
            if segments[i][0] == "-":
                deleted += segments[i][1]
            else:
                inserted += segments[i][1]
            i += 1
        out += [s for s in (("-", deleted), ("+", inserted)) if s[1]]
    return out


@dataclass(frozen=True)
class Para:
    """One numbered element of an article: a lid (level 0), onderdeel (1) or subonderdeel (2)."""

    level: int
    number: str  # "2.", "a.", "1°" or "" for the single lid of an article
    text: str

    @property
    def full(self) -> str:
        return f"{self.number} {self.text}".strip()


def paragraphs(article: Article) -> list[Para]:
    return [Para(e.depth, e.numeral, e.text) for e in article.elements()]


@dataclass
class ParaChange:
    old: Para | None
    new: Para | None
    segments: list[Segment]

    @property
    def kind(self) -> str:
        if self.old is None:
            return "+"
        if self.new is None:
            return "-"
        return "=" if self.old == self.new else "~"

    @property
    def level(self) -> int:
        return (self.new or self.old).level  # type: ignore[union-attr]

    def number_and_text(self) -> tuple[list[Segment], list[Segment]]:
        """The number and the text diffed apart, for layouts that set the number off with a tab."""
        if self.old is None or self.new is None:
            kind, para = ("+", self.new) if self.old is None else ("-", self.old)
            assert para is not None
            return ([(kind, para.number)] if para.number else []), [(kind, para.text)]
        return word_diff(self.old.number, self.new.number), word_diff(self.old.text, self.new.text)


def _similar(a: Para, b: Para) -> bool:
    return a.level == b.level and SequenceMatcher(None, a.text.split(), b.text.split(), autojunk=False).ratio() >= 0.4


def _pair(old: list[Para], new: list[Para]) -> list[ParaChange]:
    """Within a block that differs: pair similar elements in order, the rest is deleted or inserted."""
    out: list[ParaChange] = []
    j = 0
    for o in old:
        match = next((k for k in range(j, len(new)) if _similar(o, new[k])), None)
        if match is None:
            out.append(ParaChange(o, None, [("-", o.full)]))
            continue
        out += [ParaChange(None, n, [("+", n.full)]) for n in new[j:match]]
        out.append(ParaChange(o, new[match], word_diff(o.full, new[match].full)))
        j = match + 1
    out += [ParaChange(None, n, [("+", n.full)]) for n in new[j:]]
    return out


def para_diff(old: list[Para], new: list[Para]) -> list[ParaChange]:
    """Align by text (ignoring numbers, so a renumbered lid pairs with itself), then diff words."""
    keys_a = [(p.level, p.text) for p in old]
    keys_b = [(p.level, p.text) for p in new]
    out: list[ParaChange] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, keys_a, keys_b, autojunk=False).get_opcodes():
        if op == "equal":
            out += [ParaChange(o, n, word_diff(o.full, n.full)) for o, n in zip(old[i1:i2], new[j1:j2])]
        else:
            out += _pair(old[i1:i2], new[j1:j2])
    return out


@dataclass
class ArticleDiff:
    label: str
    old: Article | None
    new: Article | None
    chapter: str  # heading of the chapter it is shown under
    heading: list[Segment] = field(default_factory=list)
    paras: list[ParaChange] = field(default_factory=list)

    @property
    def moved(self) -> bool:
        return self.old is not None and self.new is not None and str(self.old.number) != str(self.new.number)

    @property
    def changed(self) -> bool:
        """The words changed (a different number alone is a move, not a change)."""
        if self.old is None or self.new is None:
            return True
        return self.old.title != self.new.title or paragraphs(self.old) != paragraphs(self.new)

    @property
    def state(self) -> str:
        """nieuw, vervallen, verplaatst, verplaatst en gewijzigd, gewijzigd or ongewijzigd (words: vergelijking.j2)."""
        if self.old is None:
            return "nieuw"
        if self.new is None:
            return "vervallen"
        if self.moved:
            return "verplaatst en gewijzigd" if self.changed else "verplaatst"
        return "gewijzigd" if self.changed else "ongewijzigd"

    @property
    def number(self) -> str:
        """Number as shown: new number, old number for a removed article."""
        return str((self.new or self.old).number)  # type: ignore[union-attr]


@dataclass
class OrdinanceDiff:
    old: Ordinance
    new: Ordinance
    articles: list[ArticleDiff]
    # label -> why the article changed, in the words of the wijzigingsverordening's toelichting
    # (changes/consolidated.py); empty for a comparison that is not an amendment (--model)
    explanations: dict[str, str] = field(default_factory=dict)

    @property
    def differences(self) -> list[ArticleDiff]:
        return [a for a in self.articles if a.changed or a.moved]


def merge_order(first: list[str], second: list[str]) -> list[str]:
    """`second` in its order, with the labels only in `first` placed after their predecessor in `first`."""
    present = set(second)
    result = list(second)
    anchor: str | None = None
    for label in first:
        if label in present:
            anchor = label
            continue
        result.insert(result.index(anchor) + 1 if anchor is not None else 0, label)
        anchor = label
    return result


def compare(old: Ordinance, new: Ordinance) -> OrdinanceDiff:
    old_by = {a.label: a for a in old.articles}
    new_by = {a.label: a for a in new.articles}
    chapter_of = {a.label: c.heading for c in old.chapters for a in c.articles}
    chapter_of.update({a.label: c.heading for c in new.chapters for a in c.articles})
    articles = []
    for label in merge_order(list(old_by), list(new_by)):
        o, n = old_by.get(label), new_by.get(label)
        d = ArticleDiff(label, o, n, chapter_of[label])
        if o is not None and n is not None:
            d.heading = word_diff(o.heading, n.heading)
            d.paras = para_diff(paragraphs(o), paragraphs(n))
        elif n is not None:
            d.heading = [("+", n.heading)]
            d.paras = [ParaChange(None, p, [("+", p.full)]) for p in paragraphs(n)]
        else:
            assert o is not None
            d.heading = [("-", o.heading)]
            d.paras = [ParaChange(p, None, [("-", p.full)]) for p in paragraphs(o)]
        articles.append(d)
    return OrdinanceDiff(old, new, articles)


def accepted(segments: list[Segment]) -> str:
    """The text with every change accepted."""
    return "".join(t for k, t in segments if k != "-")


def rejected(segments: list[Segment]) -> str:
    """The text with every change rejected."""
    return "".join(t for k, t in segments if k != "+")
