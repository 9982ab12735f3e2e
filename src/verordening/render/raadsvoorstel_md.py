"""The raadsvoorstel as Markdown (CommonMark with tables): the layout of render/raadsvoorstel.py's model."""

from __future__ import annotations

from verordening.engine.checklist import Checklist
from verordening.engine.document import Ordinance
from verordening.render.checklist import table_lines
from verordening.render.escape import markdown as escape
from verordening.render.markdown import signature_lines
from verordening.render.raadsvoorstel import Block, Raadsvoorstel, build


def block_lines(block: Block) -> list[str]:
    if block.kind == "tabel" and block.table is not None:
        return [*table_lines(block.table), ""]
    if block.kind == "tussenkop":
        return [f"### {escape(block.texts[0])}", ""]
    if block.kind == "opsomming":
        return [*(f"- {escape(t)}" for t in block.texts), ""]
    if block.kind == "genummerd":
        return [*(f"{i}. {escape(t)}" for i, t in enumerate(block.texts, 1)), ""]
    return [escape(block.texts[0]), ""]


def layout(rv: Raadsvoorstel) -> str:
    out = [f"**{escape(rv.ondertekening.kop)}**", ""] if rv.ondertekening.kop else []
    out += [f"# {escape(rv.title)}", ""]
    out += [*(f"- **{escape(label)}:** {escape(value)}" for label, value in rv.kop), ""]
    out += [escape(rv.aan), ""]
    for section in rv.sections:
        out += [f"## {escape(section.title)}", ""]
        for block in section.blocks:
            out += block_lines(block)
    out += signature_lines(rv.ondertekening)
    return "\n".join(out).rstrip() + "\n"


def render(ordinance: Ordinance, checklist: Checklist) -> str:
    return layout(build(ordinance, checklist))
