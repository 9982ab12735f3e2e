"""A council amendement (council_amendement.py) as Markdown and as DOCX on the one Word base.

Layout only: the words come from model_clauses/amendement.j2 and the instructions from
changes/amend.py, rendered the way the wijzigingsverordening renders them.
"""

from __future__ import annotations

from pathlib import Path

from verordening.changes.amendment import STYLES, docx_instruction, md_instruction
from verordening.changes.council_amendement import CouncilAmendement
from verordening.render.markdown import escape
from verordening.render.word.base import word_base
from verordening.render.word.document import WordDocument
from verordening.render.word.package import Properties


def title(a: CouncilAmendement) -> str:
    return f"Amendement {a.text['onderwerp'][0].split(': ', 1)[-1]}"


def to_markdown(a: CouncilAmendement) -> str:
    t = a.text
    kop = t["kop"]
    out = [f"# {escape(kop[0])}", ""] + [x for line in kop[1:] + t["onderwerp"] for x in (escape(line), "")]
    out += [x for line in t["aanhef"] for x in (escape(line), "")]
    out += [x for line in t["wijzigingen"] for x in (escape(line), "")]
    for ins in a.amendment.instructions:
        out += md_instruction(ins)
    out += [x for line in t["verwerking"] for x in (escape(line), "")]
    out += ["## Toelichting", ""] + [x for line in t["toelichting"] for x in (escape(line), "")]
    out += [x for line in t["slot"] for x in (escape(line), "")]
    out += ["Ingediend door:", ""] + [x for line in t["indieners"] for x in (escape(line), "")]
    return "\n".join(out).rstrip() + "\n"


def to_docx(a: CouncilAmendement, template: Path | None = None) -> bytes:
    t = a.text
    doc = WordDocument(word_base(template, STYLES))
    doc.add(t["kop"][0], "Title")
    for line in t["kop"][1:] + t["onderwerp"]:
        doc.add(line, "Normal")
    for line in t["aanhef"]:
        doc.add(line, "Aanhef")
    for line in t["wijzigingen"]:
        doc.add(line, "Wijzigingsopdracht")
    for ins in a.amendment.instructions:
        docx_instruction(doc, ins)
    for line in t["verwerking"]:
        doc.add(line, "Normal")
    doc.add("Toelichting", "Heading 2")
    for line in t["toelichting"]:
        doc.add(line, "Normal")
    for line in t["slot"]:
        doc.add(line, "Normal", before=240)
    doc.add("Ingediend door:", "Ondertekening", before=360, keep_next=True)
    for line in t["indieners"]:
        doc.add(line, "Ondertekening")
    draft = a.amendment.old
    return doc.package(
        Properties(
            title=title(a),
            subject=f"Amendement op de ontwerp-{draft.citeertitel}",
            author="[naam raadslid], [fractie]",
            keywords="Participatiewet; re-integratie; amendement; jobcoaching; OVAL",
            category="Amendement",
            date=draft.choices.vaststelling.datum,
        ),
        footer=f"Amendement – {draft.citeertitel}",
    )
