"""The checklist as its own document (controlelijst.md): never part of the adoptable ordinance.

All sentences come from the clause library (controlelijst.yaml); this module lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass

from verordening.engine.checklist import Checklist
from verordening.engine.document import Ordinance
from verordening.engine.library import load_library
from verordening.engine.texts import Texts
from verordening.render.escape import markdown as escape

STATUS = {"in_orde": "in orde", "opmerking": "opmerking", "waarschuwing": "**waarschuwing**"}


TABLE_FRACTIONS = (0.5, 0.28, 0.22)  # Onderwerp, Geregeld in, Voldaan (of the text width, in Word)


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    fractions: tuple[float, ...] = TABLE_FRACTIONS


def table(checklist: Checklist, say: Texts, for_the_raad: bool = False) -> Table:
    """The statutory requirements in three columns: the onderwerp (only its onderdeel under the provision the
    column heading names), where the draft regulates it, ✓, or ✗ with why. The reason names what is missing
    in the clause library's terms for the advisor, `for_the_raad` in the words of the law."""
    prefix = say("tabel.prefix") + ", "
    rows = []
    for r in checklist.vereisten:
        where = r.citation.removesuffix(", Participatiewet").removesuffix(" Participatiewet")
        if where.startswith(prefix):
            where = where[len(prefix) :].removeprefix("onderdeel ")
        reason = "" if for_the_raad else r.reason
        met = say("tabel.voldaan") if r.met else say("tabel.niet_voldaan", reden=reason, ontbrekend=r.unregulated)
        rows.append((f"{where}. {r.summary}", "; ".join(r.elements) or "–", met))
    return Table(tuple(say.words("tabel.kolommen")), tuple(rows))


def table_lines(t: Table) -> list[str]:
    """A table as Markdown lines."""
    lines = ["| " + " | ".join(map(_cell, t.columns)) + " |", "|" + " --- |" * len(t.columns)]
    return lines + ["| " + " | ".join(map(_cell, row)) + " |" for row in t.rows]


def _cell(text: str) -> str:
    return escape(" ".join(text.split()))


def summary(checklist: Checklist, ordinance: Ordinance) -> str:
    say = load_library(ordinance.library).checklist_texts
    if checklist.all_met:
        return say("alles_voldaan", aantal=len(checklist.vereisten))
    return say("niet_alles_voldaan", aantal=len(checklist.vereisten), niet_voldaan=len(checklist.unmet))


def render(ordinance: Ordinance, checklist: Checklist) -> str:
    say = load_library(ordinance.library).checklist_texts
    values = {"citeertitel": ordinance.citeertitel, "wet": checklist.law.view(), "peildatum": checklist.peildatum}
    out = [f"# {escape(say('titel', **values))}", "", escape(say("inleiding", **values)), ""]
    out += [f"## {escape(say('kop_vereisten', **values))}", "", escape(summary(checklist, ordinance)), ""]
    out += table_lines(table(checklist, say))
    out += ["", f"## {escape(say('kop_procedure', **values))}", ""]
    for p in checklist.procedure:
        out.append(f"- {escape(p.citation)}: {STATUS[p.status]}. {_cell(p.reason)}")
    return "\n".join(out).rstrip() + "\n"
