"""The comparison as Markdown (matrix, reasons, counts) and as CSV for Excel (the matrix only)."""

from __future__ import annotations

import csv
import io

from verordening.engine.scorecard import ASKS
from verordening.render.escape import markdown as md_escape
from verordening.runs.compare.columns import columns, figures, questions, words
from verordening.runs.compare.provenance import Provenance
from verordening.runs.compare.rows import Row, one_line

SEPARATORS = (";", ",")
TITLE = "Vergelijking Re-integratieverordeningen Participatiewet"


def _md(text: str) -> str:
    return md_escape(one_line(text))


def to_markdown(rows: list[Row], source: Provenance | None = None) -> str:
    source = source or Provenance.now()
    cols = [c for c in columns() if c.key != "code"]
    lines = [f"# {TITLE} ({len(rows)} gemeenten)", "", _md(source.sentence(rows)), ""]
    if source.synthetic_count(rows):
        lines += [f"**{_md(source.synthetic_warning(rows))}**", ""]
    lines += ["## Kerncijfers", ""] + [f"- {_md(f.text)}" for f in figures(rows)] + [""]
    lines += [
        "## Per gemeente",
        "",
        "; ".join(f"OVAL {i}: {_md(t)}" for i, t in enumerate(ASKS.values(), 1)) + ".",
        "",
        "| " + " | ".join(_md(c.header) for c in cols) + " |",
        "|" + "".join("---:|" if c.kind in ("months", "score") else "---|" for c in cols),
    ]
    for r in rows:
        lines.append("| " + " | ".join(_md(words(c, r)) for c in cols) + " |")
    lines += ["", "## OVAL-scorecard: waarom", ""]
    for r in rows:
        lines.append(f"- **{_md(r.gemeente)}** ({r.score} van 3)")
        for i, a in enumerate(r.asks, 1):
            lines.append(f"  - OVAL {i} {'voldaan' if a.met else 'niet voldaan'}: {_md(a.reason)}")
    lines += ["", "## Aantal gemeenten per keuze", ""]
    for q in questions(rows):
        lines += [f"### {_md(q.title)}", ""]
        if q.note:
            lines += [_md(q.note), ""]
        lines += ["| Keuze | Gemeenten |", "|---|---:|"]
        lines += [f"| {_md(option)} | {n} |" for option, n in q.counts]
        lines.append("")
    return "\n".join(lines)


def text_cell(text: str) -> str:
    # A cell starting with = + - @ is a formula in Excel (CSV injection); user text must stay text.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_csv(rows: list[Row], separator: str = ";") -> bytes:
    """The matrix only (one header row, one row per municipality), UTF-8 with BOM so Excel reads ë and —.

    Dates are ISO (2023-07-01), which every spreadsheet opens as a date; months are plain numbers.
    """
    if separator not in SEPARATORS:
        raise ValueError(separator)
    cols = columns()
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=separator, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([c.header for c in cols] + [f"OVAL {i}: waarom" for i in range(1, len(ASKS) + 1)])
    for r in rows:
        cells = [r.inwerkingtreding.isoformat() if c.kind == "date" else text_cell(one_line(words(c, r))) for c in cols]
        writer.writerow(cells + [text_cell(one_line(a.reason)) for a in r.asks])
    return buf.getvalue().encode("utf-8-sig")
