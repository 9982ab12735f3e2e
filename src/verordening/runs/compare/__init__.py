"""The options matrix: one row per municipality, the choices that matter, and the OVAL scorecard.

rows.py collects the rows (in a process pool), columns.py says what is shown and counted; text.py
(Markdown, CSV), page.py (HTML with nlmap.py and charts.py) and xlsx.py lay it out.
"""

from __future__ import annotations

from verordening.runs.compare.columns import columns, figures, questions
from verordening.runs.compare.page import to_html
from verordening.runs.compare.provenance import Provenance
from verordening.runs.compare.rows import Row, RowOutcome, collect, dutch_sort_key, row_for
from verordening.runs.compare.text import SEPARATORS, to_csv, to_markdown

FORMATS = ("md", "csv", "html", "xlsx")

__all__ = [
    "FORMATS",
    "SEPARATORS",
    "Provenance",
    "Row",
    "RowOutcome",
    "collect",
    "columns",
    "dutch_sort_key",
    "figures",
    "questions",
    "render",
    "row_for",
    "to_csv",
    "to_html",
    "to_markdown",
]


def render(rows: list[Row], fmt: str, separator: str = ";", source: Provenance | None = None) -> bytes:
    source = source or Provenance.now()
    if fmt == "csv":
        return to_csv(rows, separator)
    if fmt == "html":
        return to_html(rows, source).encode("utf-8")
    if fmt == "xlsx":
        from verordening.runs.compare.xlsx import to_xlsx

        return to_xlsx(rows, source)
    return to_markdown(rows, source).encode("utf-8")
