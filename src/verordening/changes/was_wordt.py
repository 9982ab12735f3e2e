"""A was-wordt-tabel: per changed article the old text, the new text and why it changed.

Two kinds. Two versions of one ordinance (`versies`) are compared in the adopted numbering, through the
consolidation the wijzigingsverordening makes (changes/consolidated.py): the rows name the article
numbers the wijzigingsverordening names, and each reason cites its onderdeel of Artikel I. A draft
against the VNG model (`model`) is compared article by article, each text in its own numbering (as the
redline against the model), with the municipality's choices as the reasons. Unchanged articles are left
out of the table and named in one line above it. Every sentence is the clause library's (was_wordt.yaml).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from verordening.changes.amend import Amendment, content_changes, related_choices
from verordening.changes.consolidated import versions
from verordening.changes.diff import ArticleDiff, OrdinanceDiff, ParaChange, compare, model_choices
from verordening.choicefile.schema import Choices
from verordening.engine import meaning
from verordening.engine.assemble import assemble
from verordening.engine.deviations import deviations
from verordening.engine.document import Ordinance
from verordening.engine.library import ClauseLibrary, load_library
from verordening.engine.library_files import read_yaml
from verordening.engine.texts import Texts

TEXTS = "was_wordt.yaml"
KINDS = ("versies", "model")


def texts(library: ClauseLibrary) -> Texts:
    """The words of a was-wordt-tabel (model_clauses/was_wordt.yaml)."""
    path = library.root / TEXTS
    return Texts(library.env, read_yaml(path)[0], path)


@dataclass(frozen=True)
class Row:
    """One changed article: its comparison (old and new text, word by word), the elements shown and the
    reasons, in words. `left_out`: leden equal on both sides were left out (a table against the model)."""

    article: ArticleDiff
    reasons: list[str]
    paras: list[ParaChange]
    left_out: bool = False


def differing_leden(a: ArticleDiff) -> list[ParaChange]:
    """The elements of the leden that differ, each lid with its onderdelen (an article on both sides)."""
    groups: list[list[ParaChange]] = []
    for p in a.paras:
        if p.level == 0 or not groups:
            groups.append([])
        groups[-1].append(p)
    return [p for group in groups if any(p.kind != "=" for p in group) for p in group]


@dataclass(frozen=True)
class Table:
    kind: str  # "versies" or "model"
    title: str
    columns: list[str]  # Was, Wordt, Toelichting
    intro: list[str]  # paragraphs above the table
    unchanged: str  # the line naming the articles left out as unchanged ("" when every article changed)
    rows: list[Row]
    comparison: OrdinanceDiff
    citeertitel: str  # of the ordinance the table is about (its footer and properties)
    header: str  # the status line at the top of each page ("CONCEPT"; "" for an adopted text)
    t: Texts

    def note(self, key: str) -> str:
        """A note in a cell for an article that is not on one side ("Dit artikel vervalt; …")."""
        return self.t(key) if key in ("vervalt", "niet_opgenomen", "leden_gelijk") else self.t(f"{key}.{self.kind}")


def between_versions(old: Choices, new: Choices, library: ClauseLibrary | None = None) -> Table:
    """The table of two versions of one ordinance, in the adopted numbering where an amendment can be drafted."""
    library = library or load_library()
    found = versions(old, new, library)
    t = texts(library)
    numbering = t("nummering.eigen", reden=found.obstacle) if found.obstacle else t("nummering.vastgesteld")
    intro = [f"{t('inleiding.versies', citeertitel=found.comparison.old.citeertitel)} {numbering}"]
    header = (found.amendment.ondertekening if found.amendment else found.comparison.new.ondertekening).kop
    return _table(
        "versies",
        found.comparison,
        _reasons_of_amendment(found.amendment, t)
        if found.amendment
        else _reasons_of_choices(
            _in_words(content_changes(old, new), found.comparison.new.option_names), library, t, "versies"
        ),
        intro,
        found.comparison.old.citeertitel,
        header,
        t,
    )


def against_model(draft: Choices, library: ClauseLibrary | None = None, ontwerp: Ordinance | None = None) -> Table:
    """The table of a draft against the VNG model for its municipality (the model's default choices);
    `ontwerp` is the draft already assembled, when a build has it."""
    library = library or load_library()
    model = model_choices(draft)
    ontwerp = ontwerp or assemble(draft, library)
    comparison = compare(assemble(model, library), ontwerp)
    t = texts(library)
    return _table(
        "model",
        comparison,
        # the deviations the raadsvoorstel lists: the model's value "" where it leaves the pick to the gemeente
        _reasons_of_choices(
            {d.key: (d.model, d.value) for d in deviations(draft, ontwerp.option_names)}, library, t, "model"
        ),
        [f"{t('inleiding.model', citeertitel=ontwerp.citeertitel)} {t('nummering.model')}"],
        ontwerp.citeertitel,
        ontwerp.ondertekening.kop,
        t,
    )


# --- reasons ---------------------------------------------------------------------------------


def _in_words(changes: Mapping[str, tuple[Any, Any]], names: Mapping[str, str]) -> dict[str, tuple[str, str]]:
    """Changed choices -> (old value, new value) in words."""
    return {k: (meaning.in_words(k, old, names), meaning.in_words(k, new, names)) for k, (old, new) in changes.items()}


def _choice_sentence(t: Texts, kind: str, key: str, words: tuple[str, str]) -> str:
    return t(f"reden.keuze.{kind}", naam=meaning.title(key), oud=words[0], nieuw=words[1])


def _reasons_of_amendment(amendment: Amendment, t: Texts) -> dict[str, list[str]]:
    """Label -> reasons: the onderdeel of Artikel I, then the choices (or the Act) that cause it."""
    law = amendment.law_changes[-1][0].label if amendment.law_changes else ""
    words = _in_words(amendment.changes, amendment.old.option_names)
    out = {}
    for ins in amendment.instructions:
        lines = [t("reden.onderdeel", letter=ins.letter)]
        lines += [_choice_sentence(t, "versies", k, words[k]) for k in ins.reasons]
        if not ins.reasons:
            lines.append(t("reden.wet", wet=law) if ins.law and law else t("reden.gevolg.versies"))
        out[ins.label] = lines
    return out


def _reasons_of_choices(
    changes: Mapping[str, tuple[str, str]], library: ClauseLibrary, t: Texts, kind: str
) -> dict[str, list[str]]:
    """Label -> reasons: of the changed choices (key -> old and new value in words), those that shape each
    article of the library."""
    out = {}
    for spec in library.articles:
        keys = related_choices(spec.label, list(changes), library)
        out[spec.label] = [_choice_sentence(t, kind, k, changes[k]) for k in keys] or [t(f"reden.gevolg.{kind}")]
    return out


# --- the table -------------------------------------------------------------------------------


def _table(
    kind: str,
    comparison: OrdinanceDiff,
    reasons: dict[str, list[str]],
    intro: list[str],
    citeertitel: str,
    header: str,
    t: Texts,
) -> Table:
    rows = []
    for a in comparison.articles:
        if not a.changed:
            continue
        paras = a.paras
        if kind == "model" and a.old is not None and a.new is not None:
            paras = differing_leden(a)  # the model's text is known; the deviation is what the raad weighs
        why = reasons.get(a.label) or [t(f"reden.gevolg.{kind}")]
        rows.append(Row(a, why, paras, left_out=len(paras) < len(a.paras)))
    if rows:
        intro = [*intro, t("inleiding.markering")]
    else:
        intro = [*intro, t(f"geen_verschillen.{kind}")]
    same = [a for a in comparison.articles if not a.changed]
    unchanged = ""
    if same and rows:
        unchanged = t(f"ongewijzigd.{kind}", nummers=_runs(comparison.articles, t), aantal=len(same))
    return Table(
        kind,
        t(f"titel.{kind}", citeertitel=citeertitel),
        t.words(f"kolommen.{kind}"),
        intro,
        unchanged,
        rows,
        comparison,
        citeertitel,
        header,
        t,
    )


def _runs(articles: list[ArticleDiff], t: Texts) -> list[str]:
    """The unchanged articles' numbers in document order, three or more in a row as one run: ["1 tot en met
    12", "14", "15"]."""
    runs: list[list[str]] = []
    previous_same = False
    for a in articles:
        same = not a.changed
        if same:
            if previous_same:
                runs[-1].append(a.number)
            else:
                runs.append([a.number])
        previous_same = same
    parts: list[str] = []
    for run in runs:
        parts += [t("reeks", van=run[0], tot=run[-1])] if len(run) > 2 else run
    return parts
