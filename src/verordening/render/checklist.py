"""The checklist as its own document (controlelijst.md): never part of the adoptable ordinance.

All sentences come from the clause library (controlelijst.yaml); this module lays them out.
"""

from __future__ import annotations

from verordening.engine.checklist import Checklist
from verordening.engine.document import Ordinance
from verordening.engine.library import load_library
from verordening.render.escape import markdown as escape

STATUS = {"in_orde": "in orde", "opmerking": "opmerking", "waarschuwing": "**waarschuwing**"}


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
    columns = say.words("kolommen")
    out = [f"# {escape(say('titel', **values))}", "", escape(say("inleiding", **values)), ""]
    out += [f"## {escape(say('kop_vereisten', **values))}", "", escape(summary(checklist, ordinance)), ""]
    out += ["| " + " | ".join(columns) + " |", "|" + " --- |" * len(columns)]
    for r in checklist.vereisten:
        arts = ", ".join(map(str, r.articles)) or "–"
        met = "ja" if r.met else "**nee**"
        out.append(f"| {_cell(r.citation)} | {_cell(r.summary)} | {arts} | {met} | {_cell(r.reason)} |")
    out += ["", f"## {escape(say('kop_procedure', **values))}", ""]
    for p in checklist.procedure:
        out.append(f"- {escape(p.citation)}: {STATUS[p.status]}. {_cell(p.reason)}")
    return "\n".join(out).rstrip() + "\n"
