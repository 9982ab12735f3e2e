"""The options matrix on the examples: Markdown, CSV for Excel, escaped HTML, and the summary."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from verordening.choicefile.municipalities import all_municipalities
from verordening.choicefile.reader import load_choices
from verordening.cli.app import app
from verordening.runs.compare import collect, summary, to_csv, to_html, to_markdown
from verordening.runs.synthetic import choice_file, generate

from .conftest import EXAMPLES, ROOT


@pytest.fixture(scope="module")
def rows():
    rows, failures = collect(EXAMPLES, workers=1)
    assert not failures, [f.error for f in failures]
    return rows


def _names() -> set[str]:
    return {load_choices(p).gemeente for p in EXAMPLES}


@pytest.mark.parametrize("sep", [";", ","])
def test_csv_parses_with_bom_and_a_row_per_municipality(rows, sep: str) -> None:
    data = to_csv(rows, sep)
    assert data.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=sep))
    header, body = table[0], table[1:]
    assert header[0] == "Gemeente" and "Advies cliëntenraad" in header
    assert {r[0] for r in body} == _names() and len(body) == len(EXAMPLES)
    assert all(len(r) == len(header) for r in body)
    nijkerk = dict(zip(header, next(r for r in body if r[0] == "Nijkerk")))
    assert nijkerk["Max. duur jobcoaching (maanden)"] == "24" and nijkerk["Max. verlenging (maanden)"] == "12"
    assert nijkerk["OVAL-score"] == "3"


def test_markdown_has_matrix_reasons_and_summary(rows) -> None:
    text = to_markdown(rows)
    for name in _names():
        assert f"| {name} |" in text
    assert "## OVAL-scorecard: waarom" in text and "## Samenvatting" in text


def test_summary_counts_each_option(rows) -> None:
    groups = dict(summary(rows))
    assert sum(n for _, n in groups["Verlenging"]) == len(rows)
    assert dict(groups["Verlenging"])["ja"] == sum(r.verlenging for r in rows)
    assert dict(groups["OVAL-score (vragen voldaan)"])["3 van 3"] == sum(r.score == 3 for r in rows)


def test_html_escapes_user_text(tmp_path: Path) -> None:
    text = (ROOT / "municipalities" / "nijkerk.yaml").read_text(encoding="utf-8")
    start = text.index("clientenraad:")
    end = text.index("jobcoaching:")
    evil = text[:start] + 'clientenraad:\n  afgezien: "<script>alert(1)</script> & <b>vet</b>"\n' + text[end:]
    (tmp_path / "kwaad.yaml").write_text(evil, encoding="utf-8")
    rows, failures = collect([tmp_path / "kwaad.yaml"], workers=1)
    assert not failures, [f.error for f in failures]
    page = to_html(rows)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;vet&lt;/b&gt;" in page
    assert "<script>alert" not in page and "<b>vet" not in page
    assert page.count("<script>") == 1  # only the static sort/filter script
    assert 'id="zoek"' in page and 'data-ask="scheiding"' in page


def test_cli_compare_writes_csv_file(tmp_path: Path) -> None:
    out = tmp_path / "matrix.csv"
    result = CliRunner().invoke(
        app, ["compare", str(ROOT / "municipalities"), "--format", "csv", "--scheidingsteken", ",", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    body = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    assert len(body) == len(EXAMPLES) + 1


def test_cli_compare_reports_broken_file_and_fails(tmp_path: Path) -> None:
    (tmp_path / "kapot.yaml").write_text("gemeente: Nergenshuizen\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["compare", str(EXAMPLES[0]), str(tmp_path / "kapot.yaml"), "--format", "html"])
    assert result.exit_code != 0
    assert "Nergenshuizen" in result.output


def test_generator_is_reproducible(tmp_path: Path) -> None:
    a, b = generate(tmp_path / "a", seed=7), generate(tmp_path / "b", seed=7)
    assert len(a) == len(all_municipalities()) == 342
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    other = [choice_file(m, seed=8) for m in all_municipalities()[:20]]
    assert other != [p.read_text(encoding="utf-8") for p in a[:20]]


def test_generated_files_are_valid_and_marked(tmp_path: Path) -> None:
    paths = generate(tmp_path / "syn")
    for path in paths[::17]:
        assert path.read_text(encoding="utf-8").startswith("# SYNTHETISCH — geen beleid van deze gemeente")
        assert load_choices(path).gemeente
    rows, failures = collect(paths[::57], workers=1)
    assert not failures and len(rows) == len(paths[::57])


def test_generator_refuses_municipalities_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["genereer-synthetisch", str(tmp_path / "municipalities")])
    assert result.exit_code == 1 and "municipalities" in result.output
    assert not (tmp_path / "municipalities").exists()


def test_compare_and_scorecard_cover_all_342_synthetic_municipalities(tmp_path: Path) -> None:
    paths = generate(tmp_path / "syn")
    rows, failures = collect(paths, workers=1)
    assert not failures
    assert sorted(r.gemeente for r in rows) == sorted(m.naam for m in all_municipalities())
    assert all(len(r.asks) == 3 for r in rows)
    data = list(csv.reader(io.StringIO(to_csv(rows).decode("utf-8-sig")), delimiter=";"))
    assert len(data) == 342 + 1
    counts = {group: sum(n for _, n in values) for group, values in summary(rows)}
    # groups where every municipality has exactly one value count all 342
    for group in ("Max. duur jobcoaching", "Verlenging", "Advies cliëntenraad", "OVAL-score (vragen voldaan)"):
        assert counts[group] == 342, group
    assert counts["Max. verlenging"] == sum(r.verlenging for r in rows)
