"""The comparison as an Excel workbook: the matrix, a sheet per OVAL ask, the counts, and the source.

Written with XlsxWriter: every cell is written with its explicit type (text, number, date), and the
workbook is told never to turn a string into a formula, number or link, so user text such as
"=HYPERLINK(…)" stays text. Yes/no are the words "ja"/"nee"; months are numbers; dates are real
dates shown the Dutch way (1 juli 2023).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence

import xlsxwriter

from verordening.engine.scorecard import ASKS
from verordening.runs.compare.columns import Column, columns, figures, questions, regime, standard_names, yes_no
from verordening.runs.compare.provenance import Provenance
from verordening.runs.compare.rows import Row, one_line
from verordening.runs.compare.text import TITLE

DATE_FORMAT = "[$-413]d mmmm yyyy"  # LCID 0x413 = nl-NL: month names in Dutch in every Excel
MAX_WIDTH = 60  # characters; longer text wraps
ASK_SHEETS = {"scheiding": "OVAL 1 Scheiding", "kwaliteit": "OVAL 2 Kwaliteitsnorm", "maatwerk": "OVAL 3 Maatwerk"}

Cell = str | int | dt.date | None


class _Sheets:
    """One workbook with the few formats every sheet shares."""

    def __init__(self, buffer: io.BytesIO):
        self.book = xlsxwriter.Workbook(
            buffer,
            {
                "in_memory": True,
                "strings_to_formulas": False,
                "strings_to_numbers": False,
                "strings_to_urls": False,
                "default_date_format": DATE_FORMAT,
            },
        )
        self.book.set_properties({"title": TITLE, "subject": "OVAL-scorecard en keuzes per gemeente"})
        self.header = self.book.add_format(
            {"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#EEF2F6", "border": 1}
        )
        self.text = self.book.add_format({"valign": "top"})
        self.wrap = self.book.add_format({"valign": "top", "text_wrap": True})
        self.date = self.book.add_format({"valign": "top", "num_format": DATE_FORMAT, "align": "left"})
        self.bold = self.book.add_format({"bold": True, "valign": "top"})

    def table(self, name: str, headers: Sequence[str], body: Sequence[Sequence[Cell]]) -> None:
        """A sheet: header row frozen with the first column, a filter on every column, widths that fit."""
        ws = self.book.add_worksheet(name)
        widths = [max(len(w) for w in header.split()) + 2 for header in headers]
        for j, header in enumerate(headers):
            ws.write_string(0, j, header, self.header)
        for i, values in enumerate(body, 1):
            for j, value in enumerate(values):
                self.write(ws, i, j, value)
                widths[j] = max(widths[j], min(MAX_WIDTH, _width(value)))
        for j, width in enumerate(widths):
            fmt = self.wrap if width >= MAX_WIDTH else None
            ws.set_column(j, j, width, fmt)
        header_lines = max((-(-len(h) // max(1, widths[j] - 1)) for j, h in enumerate(headers)), default=1)
        ws.set_row(0, 15 * min(4, header_lines))
        ws.freeze_panes(1, 1)
        ws.autofilter(0, 0, max(1, len(body)), len(headers) - 1)

    def write(self, ws, i: int, j: int, value: Cell) -> None:
        if value is None or value == "":
            ws.write_blank(i, j, None)
        elif isinstance(value, bool):  # never reached by design: yes/no are words
            ws.write_string(i, j, yes_no(value), self.text)
        elif isinstance(value, int):
            ws.write_number(i, j, value, self.text)
        elif isinstance(value, dt.date):
            ws.write_datetime(i, j, dt.datetime(value.year, value.month, value.day), self.date)
        else:
            ws.write_string(i, j, value, self.wrap if len(value) > MAX_WIDTH else self.text)

    def close(self) -> None:
        self.book.close()


def _width(value: Cell) -> int:
    if isinstance(value, dt.date):
        return 18
    return len(str(value)) + 2 if value is not None else 0


def _cell(c: Column, r: Row) -> Cell:
    value = c.value(r)
    if c.kind == "yesno":
        return yes_no(bool(value))
    if isinstance(value, str):
        return one_line(value)
    return value  # type: ignore[return-value]


def _ask_columns(key: str) -> list[tuple[str, Callable[[Row], Cell]]]:
    if key == "scheiding":
        return [("Scheiding gekozen", lambda r: yes_no(r.scheiding))]
    if key == "kwaliteit":
        return [("Kwaliteitseisen", regime)] + [
            (f"Eis: {name}", lambda r, k=k: yes_no(k in r.standards)) for k, name in standard_names().items()
        ]
    return [
        ("Totale maximale duur (maanden)", lambda r: r.total_duur),
        ("Zonder verlenging (maanden)", lambda r: r.max_duur),
        ("Verlenging mogelijk", lambda r: yes_no(r.verlenging)),
        ("Maximale verlenging (maanden)", lambda r: r.verlenging_max if r.verlenging else None),
    ]


def to_xlsx(rows: list[Row], source: Provenance | None = None) -> bytes:
    source = source or Provenance.now()
    buffer = io.BytesIO()
    sheets = _Sheets(buffer)
    cols = columns()
    reasons = [f"OVAL {i}: waarom" for i in range(1, len(ASKS) + 1)]
    sheets.table(
        "Gemeenten",
        [c.header for c in cols] + reasons,
        [[_cell(c, r) for c in cols] + [one_line(a.reason) for a in r.asks] for r in rows],
    )
    for i, (key, title) in enumerate(ASKS.items(), 1):
        extra = _ask_columns(key)
        sheets.table(
            ASK_SHEETS[key],
            ["Gemeente", "CBS-code", f"OVAL {i}: {title}", "Waarom"] + [name for name, _ in extra],
            [
                [r.gemeente, r.code, "voldaan" if r.ask(key).met else "niet voldaan", one_line(r.ask(key).reason)]
                + [f(r) for _, f in extra]
                for r in rows
            ],
        )
    sheets.table(
        "Per vraag",
        ["Vraag", "Keuze", "Gemeenten"],
        [[q.title, option, n] for q in questions(rows) for option, n in q.counts],
    )
    _source_sheet(sheets, rows, source)
    sheets.close()
    return buffer.getvalue()


def _source_sheet(sheets: _Sheets, rows: list[Row], source: Provenance) -> None:
    ws = sheets.book.add_worksheet("Bron")
    lines: list[tuple[str, Cell]] = [
        ("Titel", TITLE),
        ("Gemaakt op", source.generated),
        ("Gemaakt met", f"verordening {source.version}"),
        ("Keuzebestanden", ", ".join(source.sources) or "niet vermeld"),
        ("Aantal gemeenten", len(rows)),
        ("Scorecard", "Berekend uit de keuzes én uit de samengestelde tekst van elke verordening."),
    ]
    if source.synthetic_count(rows):
        lines.append(("Let op", source.synthetic_warning(rows)))
    lines += [(f"OVAL {i}", title) for i, title in enumerate(ASKS.values(), 1)]
    lines += [("Kerncijfer", f.text) for f in figures(rows)]
    ws.set_column(0, 0, 18)
    ws.set_column(1, 1, 100, sheets.wrap)
    for i, (label, value) in enumerate(lines):
        ws.write_string(i, 0, label, sheets.bold)
        sheets.write(ws, i, 1, value)
