"""OLD and NEW choices -> the wijzigingsverordening that turns the OLD ordinance into the NEW one.

The amended ordinance keeps OLD's numbers (changes/instructions.py numbers and words the
instructions); its text is NEW's text with references written in the amended numbering (`target`).

Some choices are data of a decision rather than content: the year and the citeertitel, adoption,
entry into force and retroactive effect, the withdrawn ordinance and the cliëntenraad step. For the amended
ordinance they stay those of OLD; NEW's values go into the aanhef and Artikel II and III of
the amending ordinance itself. Every sentence is the clause library's (wijzigingsverordening.j2).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from verordening.changes.instructions import (
    AmendError,
    Instruction,
    Slot,
    amended_sequence,
    describe,
    fragment,
    instructions,
)
from verordening.choicefile.schema import Choices, Wet
from verordening.engine import meaning
from verordening.engine.assemble import build_articles, select
from verordening.engine.document import Article, Ondertekening, Ordinance
from verordening.engine.law import Change, LawVersion
from verordening.engine.library import ClauseLibrary, load_library
from verordening.engine.texts import WIJZIGINGSVERORDENING, DocumentTexts, document_texts, ondertekening

__all__ = ["AmendError", "Amendment", "Instruction", "Slot", "amend", "assemble_numbered", "fragment"]

# The citeertitel (titel) stays OLD's: an amendment does not rename the ordinance it amends.
DECISION_KEYS = (
    "jaar",
    "titel",
    "vaststelling",
    "inwerkingtreding",
    "terugwerkende_kracht_tot",
    "intrekking",
    "clientenraad",
    "status",
)


def target_choices(old: Choices, new: Choices) -> Choices:
    """NEW's content with OLD's decision data: what the amended ordinance says.

    The text of the Act it follows is NEW's: its peildatum is kept even where it defaulted to NEW's
    own entry into force, which the amended ordinance does not take over.
    """
    update = {key: getattr(old, key) for key in DECISION_KEYS}
    return new.model_copy(update={**update, "wet": Wet(peildatum=new.peildatum)})


def assemble_numbered(choices: Choices, numbers: dict[str, str], library: ClauseLibrary | None = None) -> list[Article]:
    """The articles for these choices, numbered as given (label -> "12a"), references resolved."""
    return build_articles(library or load_library(), choices, numbers)[0]


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


def content_changes(old: Choices, new: Choices) -> dict[str, tuple[Any, Any]]:
    """The changed choices that change content: not the decision data, the law's peildatum or the list of
    placeholders still to fill in (in_te_vullen)."""
    return {
        k: v
        for k, v in changed_choices(old, new).items()
        if k.split(".")[0] not in (*DECISION_KEYS, "in_te_vullen") and k != "wet.peildatum"
    }


def related_choices(label: str, keys: list[str], library: ClauseLibrary) -> list[str]:
    """The choice keys among `keys` that shape the article `label` (its metadata's choices and condition)."""
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
    """The amending ordinance: its instructions and, from the clause library, every sentence around them."""

    old: Ordinance
    new: Choices
    target: list[Article]  # the amended ordinance's articles in amended numbering
    slots: list[Slot]
    instructions: list[Instruction]
    changes: dict[str, tuple[Any, Any]]  # content choices that changed
    t: DocumentTexts  # model_clauses/wijzigingsverordening.j2
    ondertekening: Ondertekening
    law_changes: list[tuple[LawVersion, Change]] = field(default_factory=list)  # the Act changed in between

    def changed(self, key: str) -> tuple[str, str, str]:
        """A changed choice in words: (its title, the old value, the new value)."""
        old, new = self.changes[key]
        names = self.old.option_names
        return meaning.title(key), meaning.in_words(key, old, names), meaning.in_words(key, new, names)

    @property
    def title(self) -> str:
        return self.t("titel", citeertitel=self.old.citeertitel)

    @property
    def citeertitel(self) -> str:
        return self.t("citeertitel", gemeente=self.old.choices.gemeente, jaar=self.new.jaar)

    @property
    def aanhef(self) -> list[str]:
        gelet = next((line for line in self.old.aanhef if line.lower().startswith("gelet op")), "")
        return self.t.lines("aanhef", k=self.new, gelet_op=gelet, titel=self.title)

    @property
    def artikel_i(self) -> str:
        return self.t("artikel_i", citeertitel=self.old.citeertitel)

    @property
    def artikel_ii(self) -> str:
        return self.t("artikel_ii", datum=self.new.inwerkingtreding, terug=self.new.terugwerkende_kracht_tot)

    @property
    def artikel_iii(self) -> str:
        return self.t("artikel_iii", citeertitel=self.citeertitel)

    def toelichting_algemeen(self) -> list[str]:
        wijzigingen = [
            {"datum": version.valid_from, "vindplaats": change.cited(), "wijziging": change.summary}
            for version, change in self.law_changes
        ]
        newest = self.law_changes[-1][0] if self.law_changes else None
        return self.t.lines(
            "toelichting_algemeen",
            citeertitel=self.old.citeertitel,
            keuzes=list(self.changes),
            wet_sinds=self.old.law.valid_from,
            wet_nu=newest.label if newest else "",
            wet_bron=newest.source if newest else "",
            wetswijzigingen=wijzigingen,
        )

    def changed_choice_lines(self) -> list[str]:
        return [
            self.t("gewijzigde_keuze", **dict(zip(("naam", "oud", "nieuw"), self.changed(k)))) for k in self.changes
        ]

    def toelichting(self) -> list[str]:
        """One paragraph per onderdeel of Artikel I: what changes and which choice causes it."""
        return [
            self.t(
                "onderdeel",
                letter=ins.letter,
                wat=describe(ins, self.slots, self.t),
                keuzes=[self.changed(k) for k in ins.reasons],
                wet=self.law_changes[-1][0].label if ins.law and not ins.reasons else "",
            )
            for ins in self.instructions
        ]

    @property
    def toelichting_artikel_ii(self) -> str:
        return self.t(
            "toelichting_artikel_ii", datum=self.new.inwerkingtreding, terug=self.new.terugwerkende_kracht_tot
        )


def amend(old_choices: Choices, new_choices: Choices, library: ClauseLibrary | None = None) -> Amendment:
    from verordening.engine.assemble import assemble

    library = library or load_library()
    t = document_texts(library, WIJZIGINGSVERORDENING)
    old = assemble(old_choices, library)
    goal = target_choices(old_choices, new_choices)
    labels = [s.label for s in select(library, goal)]
    slots = amended_sequence(old, labels, library)
    numbers = {s.label: s.number for s in slots if s.state != "vervallen"}
    target = assemble_numbered(goal, numbers, library)
    by_label = {a.label: a for a in target}
    steps = instructions(old, slots, by_label, t)
    if not steps:
        raise AmendError("de twee keuzebestanden leiden tot dezelfde artikelen; er valt niets te wijzigen")
    changes = content_changes(old_choices, new_choices)
    before, after = library.law.in_force(old_choices.peildatum), library.law.in_force(goal.peildatum)
    law_changes = [
        (v, c) for v, c in library.law.changes_since(before, relevant_only=True) if v.valid_from <= after.valid_from
    ]
    for ins in steps:
        ins.reasons = related_choices(ins.label, list(changes), library)
        ins.law = bool(law_changes) and not ins.reasons and _follows_the_law(library, ins.label)
    signed = ondertekening(
        library, old_choices.gemeente, new_choices.vaststelling.datum, new_choices.status == "vastgesteld"
    )
    return Amendment(old, new_choices, target, slots, steps, changes, t, signed, law_changes)


def _follows_the_law(library: ClauseLibrary, label: str) -> bool:
    """Whether the article's text branches on the version of the Act (it reads a fact of `wet`)."""
    return "wet." in library.spec(label).path.read_text(encoding="utf-8")
