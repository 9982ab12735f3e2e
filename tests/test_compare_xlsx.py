"""`compare --format xlsx`: the workbook opens (read back with openpyxl, another library than the writer)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from verordening.cli.app import app
from verordening.runs.compare import Provenance, collect
from verordening.runs.compare.xlsx import to_xlsx
from verordening.runs.synthetic import generate

from .conftest import ROOT


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    rows, failures = collect(generate(tmp_path_factory.mktemp("syn")), workers=1)
    assert not failures
    path = tmp_path_factory.mktemp("xlsx") / "vergelijking.xlsx"
    path.write_bytes(to_xlsx(rows, Provenance(dt.date(2026, 12, 1), ("synthetisch/",), None, "0.1.0")))
    return openpyxl.load_workbook(path)


def test_sheets_one_per_ask_and_a_source_sheet(workbook) -> None:
    assert workbook.sheetnames == [
        "Gemeenten",
        "OVAL 1 Scheiding",
        "OVAL 2 Kwaliteitsnorm",
        "OVAL 3 Maatwerk",
        "Per vraag",
        "Bron",
    ]
    bron = {row[0].value: row[1].value for row in workbook["Bron"].iter_rows()}
    assert bron["Gemaakt op"].date() == dt.date(2026, 12, 1)
    assert bron["Keuzebestanden"] == "synthetisch/" and bron["Aantal gemeenten"] == 342
    assert "synthetisch" in bron["Let op"]


def test_matrix_has_342_rows_frozen_header_filter_and_dutch_headers(workbook) -> None:
    ws = workbook["Gemeenten"]
    header = [c.value for c in ws[1]]
    assert header[:3] == ["Gemeente", "CBS-code", "OVAL 1: Handhaving en begeleiding gescheiden"]
    assert ws.max_row == 342 + 1
    assert ws.freeze_panes == "B2"
    assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}343"
    for sheet in workbook.worksheets[:4]:
        assert sheet.max_row == 343 and sheet.freeze_panes == "B2" and sheet.auto_filter.ref


def test_cells_are_typed_yes_no_are_words_and_nothing_is_a_formula(workbook) -> None:
    ws = workbook["Gemeenten"]
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, (c.value for c in r))) for r in ws.iter_rows(min_row=2)]
    assert {r["OVAL 1: Handhaving en begeleiding gescheiden"] for r in rows} == {"ja", "nee"}
    assert {r["Eis: OVAL-keurmerk"] for r in rows} == {"ja", "nee"}
    assert all(isinstance(r["Totale maximale duur jobcoaching, met verlenging (maanden)"], int) for r in rows)
    assert all(isinstance(r["Inwerkingtreding"], dt.datetime) for r in rows)
    assert ws.cell(2, header.index("Inwerkingtreding") + 1).number_format == "[$-413]d mmmm yyyy"
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)


def test_widths_fit_the_headers_and_values(workbook) -> None:
    ws = workbook["Gemeenten"]
    width = ws.column_dimensions["A"].width
    longest = max(len(c.value) for c in ws["A"][1:])
    assert longest <= width <= 60


def test_user_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    text = (ROOT / "municipalities" / "nijkerk.yaml").read_text(encoding="utf-8")
    start, end = text.index("clientenraad:"), text.index("jobcoaching:")
    evil = text[:start] + 'clientenraad:\n  afgezien: "=HYPERLINK(\\"http://x\\")"\n' + text[end:]
    (tmp_path / "kwaad.yaml").write_text(evil, encoding="utf-8")
    out = tmp_path / "v.xlsx"
    result = CliRunner().invoke(app, ["compare", str(tmp_path / "kwaad.yaml"), "--format", "xlsx", "--out", str(out)])
    assert result.exit_code == 0, result.output
    ws = openpyxl.load_workbook(out)["Gemeenten"]
    header = [c.value for c in ws[1]]
    cell = ws.cell(2, header.index("Advies van de cliëntenraad") + 1)
    assert cell.data_type == "s" and 'HYPERLINK("http://x")' in cell.value


def test_xlsx_needs_a_file() -> None:
    result = CliRunner().invoke(app, ["compare", str(ROOT / "municipalities"), "--format", "xlsx"])
    assert result.exit_code == 2 and "--out" in result.output


def test_several_formats_from_one_collection(tmp_path: Path) -> None:
    out = tmp_path / "vergelijking"
    result = CliRunner().invoke(
        app, ["compare", str(ROOT / "municipalities"), "--format", "html,xlsx", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "vergelijking.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    examples = len(list((ROOT / "municipalities").glob("*.yaml")))
    assert openpyxl.load_workbook(tmp_path / "vergelijking.xlsx")["Gemeenten"].max_row == examples + 1
    result = CliRunner().invoke(app, ["compare", str(ROOT / "municipalities"), "--format", "alle"])
    assert result.exit_code == 2 and "--out" in result.output
