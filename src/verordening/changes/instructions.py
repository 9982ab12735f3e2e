"""The change instructions of an amending ordinance, in the forms of the Aanwijzingen voor de regelgeving.

Existing articles keep their number; an inserted article takes the number of the article before
it plus a letter (12 -> 12a, 12b); an article that vervalt leaves its number empty. Within an
article that stays, a change is quoted as the shortest unambiguous words ("In artikel 18, derde
lid, wordt “24 maanden” vervangen door “36 maanden”."), a lid that changes more komt te luiden,
and an article with many changes komt as a whole te luiden. The sentences are the clause
library's (model_clauses/wijzigingsverordening.j2); this module decides which and where.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from verordening.changes.diff import paragraphs
from verordening.engine import citations
from verordening.engine.document import Article, Element, Lid, Ordinance, walk
from verordening.engine.library import ClauseLibrary
from verordening.engine.texts import DocumentTexts
from verordening.errors import VerordeningError

MAX_FRAGMENT_TOKENS = 21  # a longer word change is better read as a new lid
MAX_STEPS = 3  # more changes in one article: the article komt te luiden


class AmendError(VerordeningError):
    """No amending ordinance can be drafted for this pair."""


# --- the amended numbering -------------------------------------------------------------------


@dataclass
class Slot:
    """One place in the amended ordinance, in order."""

    label: str
    number: str
    chapter: str
    state: str  # "bestaand", "ingevoegd", "vervallen"


def amended_sequence(old: Ordinance, target_labels: list[str], library: ClauseLibrary) -> list[Slot]:
    """OLD's articles and the inserted ones in library order, with the amended numbers."""
    old_by = {a.label: a for a in old.articles}
    keep = set(target_labels)
    order = {s.label: i for i, s in enumerate(library.articles)}
    slots: list[Slot] = []
    for label in sorted(set(old_by) | keep, key=order.__getitem__):
        spec = library.spec(label)
        if label in old_by:
            slots.append(
                Slot(label, str(old_by[label].number), spec.chapter, "bestaand" if label in keep else "vervallen")
            )
        elif not slots:
            raise AmendError(
                f"artikel '{label}' zou vóór het eerste artikel komen; daarvoor bestaat geen nummering met een letter"
            )
        else:
            slots.append(Slot(label, citations.next_article_number(slots[-1].number), spec.chapter, "ingevoegd"))
    return slots


# --- instructions --------------------------------------------------------------------------


@dataclass
class Instruction:
    """A change instruction: `text` is the sentence as published; `body` is the text it quotes."""

    text: str
    label: str
    body: Article | Lid | None = None
    steps: list[Instruction] = field(default_factory=list)  # "wordt als volgt gewijzigd: 1. … 2. …"
    letter: str = ""
    reasons: list[str] = field(default_factory=list)  # changed choice keys that cause it
    law: bool = False  # caused by a change of the Participatiewet (the article follows its facts)


def letters(n: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA (the onderdelen of Artikel I)."""
    return citations.letter(n + 1).upper()


_TOKENS = re.compile(r"\S+|\s+")


def fragment(old: str, new: str, unit: list[str]) -> tuple[str, str] | None:
    """The shortest quotable pair (old words, new words) that turns `old` into `new`.

    The old words must occur exactly once in the cited unit, start and end on a word, and
    hold a letter (so "24" becomes "24 maanden"). None when no short pair exists.
    """
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    ops = [op for op in SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op[0] != "equal"]
    if not ops:
        return None
    i1, i2, j1, j2 = ops[0][1], ops[-1][2], ops[0][3], ops[-1][4]
    grow_right = True
    while True:
        o, n = "".join(a[i1:i2]), "".join(b[j1:j2])
        good = (
            o
            and n
            and o == o.strip()
            and n == n.strip()
            and re.search(r"[^\W\d_]", o)
            and re.search(r"[^\W\d_]", n)
            and sum(t.count(o) for t in unit) == 1
        )
        if good:
            if max(i2 - i1, j2 - j1) > MAX_FRAGMENT_TOKENS:
                return None
            # Punctuation both sides share is not quoted: "24 maanden," -> "24 maanden".
            while (
                o[-1] == n[-1]
                and o[-1] in ",.;:"
                and sum(t.count(o[:-1]) for t in unit) == 1
                and o[:-1].strip() == o[:-1]
                and n[:-1].strip() == n[:-1]
            ):
                o, n = o[:-1], n[:-1]
            return o, n
        can_right, can_left = i2 < len(a), i1 > 0
        if not (can_right or can_left):
            return None
        # Whitespace at an edge is never quoted: grow past it first.
        if o[:1].isspace() or n[:1].isspace() or (not o or not n) and not can_right:
            right = not can_left
        elif o[-1:].isspace() or n[-1:].isspace():
            right = can_right
        else:
            right = can_right if (grow_right or not can_left) else False
            grow_right = not grow_right
        if right:
            i2, j2 = i2 + 1, j2 + 1
        else:
            i1, j1 = i1 - 1, j1 - 1


def _lid_steps(old: Lid, new: Lid) -> list[tuple[Element, str, str]] | None:
    """Word replacements (cited element, old words, new words) that turn old into new, or None."""
    before, after = list(walk([old])), list(walk([new]))
    if [e.depth for e in before] != [e.depth for e in after]:
        return None  # another structure: the lid is rewritten, not patched
    out = []
    for o, n in zip(before, after):
        if o.text == n.text:
            continue
        # The quoted words must be unambiguous within the cited unit (the element and what it contains).
        found = fragment(o.text, n.text, [e.text for e in walk([o.unit])])
        if found is None:
            return None
        out.append((o, *found))
    return out


def _article_instructions(old: Article, new: Article, t: DocumentTexts) -> Instruction | None:
    """The instruction for an article present before and after, or None if unchanged."""
    n = str(old.number)
    if paragraphs(old) == paragraphs(new) and old.title == new.title:
        return None
    whole = Instruction(t("komt_te_luiden", plaats=citations.cite(n)), old.label, body=new)
    if old.title != new.title or len(old.leden) != len(new.leden):
        return whole
    # (text within the article, text on its own, body) per step
    steps: list[tuple[str, str, Lid | None]] = []
    changed = 0
    for ol, nl in zip(old.leden, new.leden):
        if _lid_key(ol) == _lid_key(nl):
            continue
        changed += 1
        words = _lid_steps(ol, nl)
        if words is None:
            if ol.number is None:
                return whole
            lid = next(walk([ol]))
            steps.append((t("komt_te_luiden", plaats=lid.cite()), t("komt_te_luiden", plaats=lid.cite(n)), nl))
            continue
        for element, before, after in words:
            relative = element.cite()
            steps.append(
                (
                    t("vervangen", plaats=relative, oud=before, nieuw=after) if relative else "",
                    t("vervangen", plaats=element.cite(n), oud=before, nieuw=after),
                    None,
                )
            )
    if len(steps) == 1:
        return Instruction(steps[0][1], old.label, body=steps[0][2])
    if (
        len(steps) > MAX_STEPS
        or (changed == len(old.leden) and len(old.leden) > 1)
        or any(not rel for rel, _, _ in steps)
    ):
        return whole
    return Instruction(
        t("wordt_gewijzigd", artikel=n),
        old.label,
        steps=[Instruction(rel, old.label, body=body) for rel, _, body in steps],
    )


def _lid_key(lid: Lid) -> list[tuple[Any, ...]]:
    return [(e.depth, e.unit.number, e.text) for e in walk([lid])]


def instructions(old: Ordinance, slots: list[Slot], target: dict[str, Article], t: DocumentTexts) -> list[Instruction]:
    """The onderdelen A, B, … of Artikel I, in the order of the amended ordinance."""
    old_by = {a.label: a for a in old.articles}
    out: list[Instruction] = []
    for i, slot in enumerate(slots):
        if slot.state == "vervallen":
            out.append(Instruction(t("vervalt", artikel=slot.number), slot.label))
        elif slot.state == "bestaand":
            ins = _article_instructions(old_by[slot.label], target[slot.label], t)
            if ins is not None:
                out.append(ins)
        else:
            before = [s for s in slots[:i] if s.state != "vervallen" and s.chapter == slot.chapter]
            after = [s for s in slots[i + 1 :] if s.state == "bestaand" and s.chapter == slot.chapter]
            if before:
                where = ("na", before[-1].number)
            elif after:
                where = ("voor", after[0].number)
            else:
                raise AmendError(
                    f"artikel '{slot.label}' zou het enige artikel van een nieuw hoofdstuk zijn; "
                    "het invoegen van een hoofdstuk wordt niet ondersteund"
                )
            text = t("ingevoegd", waar=where[0], artikel=where[1])
            out.append(Instruction(text, slot.label, body=target[slot.label]))
    for n, ins in enumerate(out):
        ins.letter = letters(n)
    return out


def describe(ins: Instruction, slots: list[Slot], t: DocumentTexts) -> str:
    """What one onderdeel does, for the toelichting."""
    slot = next(s for s in slots if s.label == ins.label)
    if slot.state == "vervallen":
        return t("wat_vervalt", artikel=slot.number)
    title = ins.body.title if isinstance(ins.body, Article) else ""
    if slot.state == "ingevoegd":
        return t("wat_ingevoegd", artikel=slot.number, titel=title)
    if isinstance(ins.body, Article):
        return t("wat_nieuwe_tekst", artikel=slot.number, titel=title)
    return t("wat_gewijzigd", artikel=slot.number)
