"""OLD and NEW choices -> the wijzigingsverordening that turns the OLD ordinance into the NEW one.

Numbering follows the Aanwijzingen voor de regelgeving for amending regulations: existing
articles keep their number. An inserted article takes the number of the article before it
plus a letter (12 -> 12a, 12b); an article that vervalt leaves its number empty. The amended
ordinance therefore has other numbers than a freshly built NEW ordinance; its text is NEW's
text with references written in the amended numbering (`target`).

Some choices are data of a decision rather than content: the year (citeertitel), adoption,
entry into force, the withdrawn ordinance and the cliëntenraad step. For the amended
ordinance they stay those of OLD; NEW's values go into the aanhef and Artikel II and III of
the amending ordinance itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from verordening.changes.diff import paragraphs
from verordening.choicefile.schema import AdviesCliëntenraad, Choices, Wet
from verordening.engine import citations, meaning
from verordening.engine.assemble import build_articles, select
from verordening.engine.document import Article, Element, Lid, Ordinance, walk
from verordening.engine.law import Change, LawVersion
from verordening.engine.library import ClauseLibrary, load_library
from verordening.engine.textfilters import datum
from verordening.errors import VerordeningError

OPEN, CLOSE = "\u201c", "\u201d"  # “ ” as in published Dutch regulations
DECISION_KEYS = ("jaar", "vaststelling", "inwerkingtreding", "intrekking", "clientenraad")
MAX_FRAGMENT_TOKENS = 21  # a longer word change is better read as a new lid
MAX_STEPS = 3  # more changes in one article: the article komt te luiden


class AmendError(VerordeningError):
    """No amending ordinance can be drafted for this pair."""


def target_choices(old: Choices, new: Choices) -> Choices:
    """NEW's content with OLD's decision data: what the amended ordinance says.

    The text of the Act it follows is NEW's: its peildatum is kept even where it defaulted to NEW's
    own entry into force, which the amended ordinance does not take over.
    """
    update = {key: getattr(old, key) for key in DECISION_KEYS}
    return new.model_copy(update={**update, "wet": Wet(peildatum=new.peildatum)})


# --- the amended numbering -------------------------------------------------------------------


def assemble_numbered(choices: Choices, numbers: dict[str, str], library: ClauseLibrary | None = None) -> list[Article]:
    """The articles for these choices, numbered as given (label -> "12a"), references resolved."""
    return build_articles(library or load_library(), choices, numbers)[0]


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


def q(text: str) -> str:
    return f"{OPEN}{text}{CLOSE}"


_TOKENS = re.compile(r"\S+|\s+")


def fragment(old: str, new: str, unit: list[str]) -> tuple[str, str] | None:
    """The shortest quotable pair (old words, new words) that turns `old` into `new`.

    The old words must occur exactly once in the cited unit, start and end on a word, and
    hold a letter (so "24" becomes "24 maanden"). None when no short pair exists.
    """
    from difflib import SequenceMatcher

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


def _words_text(where: str, before: str, after: str) -> str:
    comma = "," if "," in where else ""
    return f"In {where}{comma} wordt {q(before)} vervangen door {q(after)}."


def _article_instructions(old: Article, new: Article) -> Instruction | None:
    """The instruction for an article present before and after, or None if unchanged."""
    n = str(old.number)
    if paragraphs(old) == paragraphs(new) and old.title == new.title:
        return None
    whole = Instruction(f"Artikel {n} komt te luiden:", old.label, body=new)
    if old.title != new.title or len(old.leden) != len(new.leden):
        return whole
    # (relative text, standalone text, body) per step
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
            steps.append((f"{_capital(lid.cite())} komt te luiden:", f"{_capital(lid.cite(n))}, komt te luiden:", nl))
            continue
        for element, before, after in words:
            relative = element.cite()
            steps.append(
                (
                    _words_text(relative, before, after) if relative else "",
                    _words_text(element.cite(n), before, after),
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
        f"Artikel {n} wordt als volgt gewijzigd:",
        old.label,
        steps=[Instruction(rel, old.label, body=body) for rel, _, body in steps],
    )


def _lid_key(lid: Lid) -> list[tuple[Any, ...]]:
    return [(e.depth, e.unit.number, e.text) for e in walk([lid])]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def instructions(old: Ordinance, slots: list[Slot], target: dict[str, Article]) -> list[Instruction]:
    old_by = {a.label: a for a in old.articles}
    out: list[Instruction] = []
    for i, slot in enumerate(slots):
        if slot.state == "vervallen":
            out.append(Instruction(f"Artikel {slot.number} vervalt.", slot.label))
        elif slot.state == "bestaand":
            ins = _article_instructions(old_by[slot.label], target[slot.label])
            if ins is not None:
                out.append(ins)
        else:
            before = [s for s in slots[:i] if s.state != "vervallen" and s.chapter == slot.chapter]
            after = [s for s in slots[i + 1 :] if s.state == "bestaand" and s.chapter == slot.chapter]
            if before:
                where = f"Na artikel {before[-1].number}"
            elif after:
                where = f"Voor artikel {after[0].number}"
            else:
                raise AmendError(
                    f"artikel '{slot.label}' zou het enige artikel van een nieuw hoofdstuk zijn; "
                    "het invoegen van een hoofdstuk wordt niet ondersteund"
                )
            out.append(
                Instruction(f"{where} wordt een artikel ingevoegd, luidende:", slot.label, body=target[slot.label])
            )
    for n, ins in enumerate(out):
        ins.letter = letters(n)
    return out


# --- the choices that changed ----------------------------------------------------------------


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict) and value:
        out: dict[str, Any] = {}
        for k, v in value.items():
            out.update(flatten(v, f"{prefix}.{k}" if prefix else k))
        return out
    return {prefix: value}


def changed_choices(old: Choices, new: Choices) -> dict[str, tuple[Any, Any]]:
    """Dotted choice key -> (old value, new value), for every key that differs."""
    a, b = flatten(old.model_dump()), flatten(new.model_dump())
    return {
        k: (a.get(k), b.get(k))
        for k in sorted(set(a) | set(b), key=lambda k: (list(a) + list(b)).index(k))
        if a.get(k) != b.get(k)
    }


def _reasons(label: str, keys: list[str], library: ClauseLibrary) -> list[str]:
    spec = library.spec(label)
    related = set(spec.choices)

    def hit(key: str) -> bool:
        return (
            any(key == c or key.startswith(c + ".") or c.startswith(key + ".") for c in related)
            or f"k.{key}" in spec.when
        )

    return [k for k in keys if hit(k)]


# --- the amending ordinance ------------------------------------------------------------------


@dataclass
class Amendment:
    old: Ordinance
    new: Choices
    target: list[Article]  # the amended ordinance's articles in amended numbering
    slots: list[Slot]
    instructions: list[Instruction]
    changes: dict[str, tuple[Any, Any]]  # content choices that changed
    law_changes: list[tuple[LawVersion, Change]] = field(default_factory=list)  # the Act changed in between

    def changed(self, key: str) -> tuple[str, str, str]:
        """A changed choice in words: (its title, the old value, the new value)."""
        old, new = self.changes[key]
        names = self.old.option_names
        return meaning.title(key), meaning.in_words(key, old, names), meaning.in_words(key, new, names)

    @property
    def title(self) -> str:
        return f"Verordening tot wijziging van de {self.old.citeertitel}"

    @property
    def citeertitel(self) -> str:
        return f"Wijzigingsverordening Re-integratieverordening Participatiewet {self.old.choices.gemeente} {self.new.jaar}"

    @property
    def aanhef(self) -> list[str]:
        k = self.new
        gelet = next(
            (line for line in self.old.aanhef if line.lower().startswith("gelet op")),
            "gelet op artikel 8a van de Participatiewet;",
        )
        lines = [
            f"De raad van de gemeente {self.old.choices.gemeente};",
            f"gelezen het voorstel van burgemeester en wethouders van {datum(k.vaststelling.voorstel_datum)}, nummer {k.vaststelling.voorstel_nummer};",
            gelet,
        ]
        c = k.clientenraad
        if isinstance(c, AdviesCliëntenraad):
            if c.advies_ontvangen is not None:
                lines.append(f"gezien het advies van de {c.naam} van {datum(c.advies_ontvangen)};")
            else:
                lines.append(f"gelet op het verzoek om advies aan de {c.naam} van {datum(c.advies_gevraagd)};")
        lines.append("besluit vast te stellen de volgende verordening:")
        lines.append(f"{self.title}.")
        return lines

    @property
    def artikel_i(self) -> str:
        return f"De {self.old.citeertitel} wordt als volgt gewijzigd:"

    @property
    def artikel_ii(self) -> str:
        return f"Deze verordening treedt in werking op {datum(self.new.inwerkingtreding)}."

    @property
    def artikel_iii(self) -> str:
        return f"Deze verordening wordt aangehaald als: {self.citeertitel}."

    @property
    def ondertekening(self) -> str:
        return (
            f"Aldus vastgesteld in de openbare vergadering van de raad van de gemeente {self.old.choices.gemeente} "
            f"van {datum(self.new.vaststelling.datum)}."
        )

    def toelichting(self) -> list[str]:
        """One paragraph per instruction: what changes and which choice causes it."""
        out = []
        for ins in self.instructions:
            what = _describe(ins, self.slots)
            if ins.reasons:
                why = "; ".join("{}: {} → {}".format(*self.changed(k)) for k in ins.reasons)
                out.append(f"Onderdeel {ins.letter}. {what} Reden: gewijzigde keuze ({why}).")
            elif ins.law:
                out.append(
                    f"Onderdeel {ins.letter}. {what} Reden: de Participatiewet is gewijzigd; de tekst volgt nu "
                    f"{self.law_changes[-1][0].label} (zie het algemeen deel van deze toelichting)."
                )
            else:
                out.append(
                    f"Onderdeel {ins.letter}. {what} Reden: samenhang met de overige wijzigingen (een verwijzing of een begrip past zich aan)."
                )
        return out


def _describe(ins: Instruction, slots: list[Slot]) -> str:
    slot = next(s for s in slots if s.label == ins.label)
    title = ins.body.title if isinstance(ins.body, Article) else None
    if slot.state == "vervallen":
        return f"Artikel {slot.number} vervalt; het nummer blijft leeg."
    if slot.state == "ingevoegd":
        return f"Een nieuw artikel {slot.number} ({title}) wordt ingevoegd; de bestaande artikelen behouden hun nummer."
    if isinstance(ins.body, Article):
        return f"Artikel {slot.number} ({title}) krijgt een nieuwe tekst."
    return f"Artikel {slot.number} wordt gewijzigd."


def amend(old_choices: Choices, new_choices: Choices, library: ClauseLibrary | None = None) -> Amendment:
    from verordening.engine.assemble import assemble

    library = library or load_library()
    old = assemble(old_choices, library)
    goal = target_choices(old_choices, new_choices)
    labels = [s.label for s in select(library, goal)]
    slots = amended_sequence(old, labels, library)
    numbers = {s.label: s.number for s in slots if s.state != "vervallen"}
    target = assemble_numbered(goal, numbers, library)
    by_label = {a.label: a for a in target}
    steps = instructions(old, slots, by_label)
    if not steps:
        raise AmendError("de twee keuzebestanden leiden tot dezelfde artikelen; er valt niets te wijzigen")
    changes = {
        k: v
        for k, v in changed_choices(old_choices, new_choices).items()
        if k.split(".")[0] not in DECISION_KEYS and k != "wet.peildatum"  # the law is not a policy choice
    }
    before, after = library.law.in_force(old_choices.peildatum), library.law.in_force(goal.peildatum)
    law_changes = [(v, c) for v, c in library.law.changes_since(before) if v.valid_from <= after.valid_from]
    for ins in steps:
        ins.reasons = _reasons(ins.label, list(changes), library)
        ins.law = bool(law_changes) and not ins.reasons and _follows_the_law(library, ins.label)
    return Amendment(old, new_choices, target, slots, steps, changes, law_changes)


def _follows_the_law(library: ClauseLibrary, label: str) -> bool:
    """Whether the article's text branches on the version of the Act (it reads a fact of `wet`)."""
    return "wet." in library.spec(label).path.read_text(encoding="utf-8")
