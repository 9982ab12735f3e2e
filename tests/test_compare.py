"""The options matrix on the examples: Markdown, CSV for Excel, escaped HTML, and the summary."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from verordening.choicefile.municipalities import all_municipalities
from verordening.choicefile.reader import load_choices
from verordening.cli.app import app
from verordening.runs.compare import (
    Provenance,
    collect,
    dutch_sort_key,
    figures,
    questions,
    to_csv,
    to_html,
    to_markdown,
)
from verordening.runs.compare.provenance import link_base
from verordening.runs.synthetic import choice_file, generate

from .conftest import EXAMPLES, ROOT


@pytest.fixture(scope="module")
def synthetic_rows(tmp_path_factory):
    rows, failures = collect(generate(tmp_path_factory.mktemp("syn")), workers=1)
    assert not failures
    return rows


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
    assert header[0] == "Gemeente" and "Advies van de cliëntenraad" in header
    assert {r[0] for r in body} == _names() and len(body) == len(EXAMPLES)
    assert all(len(r) == len(header) for r in body)
    nijkerk = dict(zip(header, next(r for r in body if r[0] == "Nijkerk")))
    assert nijkerk["Maximale duur van jobcoaching (maanden)"] == "24"
    assert nijkerk["Maximale verlenging van jobcoaching (maanden)"] == "12"
    assert nijkerk["Totale maximale duur jobcoaching, met verlenging (maanden)"] == "36"
    assert nijkerk["OVAL-score (vragen voldaan, van 3)"] == "3" and nijkerk["CBS-code"] == "GM0267"
    assert nijkerk["Eis: OVAL-keurmerk"] == "ja" and nijkerk["Eis: Noloc"] == "nee"
    assert nijkerk["Inwerkingtreding"] == "2023-07-01"


def test_markdown_has_matrix_reasons_and_summary(rows) -> None:
    text = to_markdown(rows)
    for name in _names():
        assert f"| {name} |" in text
    assert "## OVAL-scorecard: waarom" in text and "## Aantal gemeenten per keuze" in text
    assert "## Kerncijfers" in text and "1 juli 2023" in text and "2023-07-01" not in text


def test_questions_count_each_option(rows) -> None:
    groups = {q.key: dict(q.counts) for q in questions(rows)}
    assert sum(groups["verlenging"].values()) == len(rows)
    assert groups["verlenging"]["ja"] == sum(r.verlenging for r in rows)
    assert groups["score"]["3 van 3"] == sum(r.score == 3 for r in rows)
    nijkerk = next(r for r in rows if r.gemeente == "Nijkerk")
    assert nijkerk.total_duur == 36 and nijkerk.beyond_two_years and not nijkerk.like_uwv


def test_figures_count_regimes_uwv_and_asks(rows) -> None:
    texts = [f.text for f in figures(rows)]
    regimes = {tuple(sorted(r.standards)) for r in rows}
    assert any(t.startswith(f"{len(regimes)} verschillende kwaliteitsregimes") for t in texts), texts
    uwv = sum(r.max_duur >= 36 and r.verlenging for r in rows)
    assert any(t.startswith(f"{uwv} van de {len(rows)} gemeente") and "UWV" in t for t in texts), texts
    for i, key in enumerate(("scheiding", "kwaliteit", "maatwerk"), 1):
        met = sum(r.ask(key).met for r in rows)
        assert any(t.startswith(f"OVAL {i} ") and f": {met} van de" in t for t in texts), texts


def test_dutch_order_files_s_hertogenbosch_under_h() -> None:
    names = ["Zwolle", "’s-Hertogenbosch", "Heusden", "Heerlen", "IJsselstein", "Súdwest-Fryslân", "Stichtse Vecht"]
    names.append("'s-Gravenhage")
    ordered = sorted(names, key=dutch_sort_key)
    assert ordered == [
        "'s-Gravenhage",
        "Heerlen",
        "’s-Hertogenbosch",
        "Heusden",
        "IJsselstein",
        "Stichtse Vecht",
        "Súdwest-Fryslân",
        "Zwolle",
    ]


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
    assert 'name="q"' in page and 'data-filter="scheiding"' in page


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


def test_compare_and_scorecard_cover_all_342_synthetic_municipalities(synthetic_rows) -> None:
    rows = synthetic_rows
    assert sorted(r.gemeente for r in rows) == sorted(m.naam for m in all_municipalities())
    assert all(len(r.asks) == 3 for r in rows) and all(r.synthetic for r in rows)
    data = list(csv.reader(io.StringIO(to_csv(rows).decode("utf-8-sig")), delimiter=";"))
    assert len(data) == 342 + 1
    counts = {q.key: sum(n for _, n in q.counts) for q in questions(rows)}
    # questions where every municipality has exactly one value count all 342
    for key in ("basis", "totaal", "verlenging", "clientenraad", "score", "art13", "aanbieder", "inwerkingtreding"):
        assert counts[key] == 342, key
    assert counts["verlenging_max"] == sum(r.verlenging for r in rows)
    totaal = dict(next(q.counts for q in questions(rows) if q.key == "totaal"))
    assert totaal["36 maanden"] == sum(r.total_duur == 36 for r in rows)
    names = [r.gemeente for r in rows]
    bosch = names.index("'s-Hertogenbosch")
    assert names[bosch - 1].startswith("He") and names[bosch + 1].startswith("He"), names[bosch - 1 : bosch + 2]


def test_page_map_has_one_shape_per_municipality_and_no_external_requests(synthetic_rows) -> None:
    page = to_html(synthetic_rows, Provenance.now(("synthetisch",), "output"))
    codes = re.findall(r'<a href="#r-(GM\d{4})" data-code="GM\d{4}"', page)
    assert sorted(codes) == sorted(m.code for m in all_municipalities()) and len(set(codes)) == 342
    assert 'class="geen"' not in page  # every municipality has a choice file
    assert "Bron: CBS, Kadaster/PDOK" in page
    assert "Let op: 342 van de 342 keuzebestanden zijn synthetisch" in page
    # Nothing is fetched: no src, no stylesheet link, no url(), no @import.
    assert not re.search(r"\bsrc=|<link\b|url\(|@import", page)
    assert "default-src 'none'" in page
    assert 'href="output/nijkerk/nijkerk.html"' in page


def test_page_greys_municipalities_without_a_choice_file(rows) -> None:
    page = to_html(rows)
    assert page.count('<path class="geen"') == 342 - len(rows)
    assert page.count("data-code=") == 2 * len(rows)  # the map shape and the table row


def test_links_are_relative_to_the_page(tmp_path: Path) -> None:
    (tmp_path / "output" / "nijkerk").mkdir(parents=True)
    (tmp_path / "output" / "nijkerk" / "nijkerk.html").write_text("x", encoding="utf-8")
    base, warning = link_base(str(tmp_path / "output"), tmp_path / "pagina" / "vergelijking.html", ["nijkerk"])
    assert base == "../output" and not warning
    base, warning = link_base(str(tmp_path / "leeg"), None, ["nijkerk"])
    assert "nog geen gebouwde verordening" in warning
    assert link_base("https://example.org/verordeningen/", None, ["nijkerk"]) == (
        "https://example.org/verordeningen/",
        "",
    )


def test_bar_chart_puts_long_options_above_their_bars() -> None:
    from verordening.runs.compare.charts import bar_chart
    from verordening.runs.compare.columns import Question

    short = bar_chart(Question("verlenging", "Verlenging mogelijk", [("ja", 3), ("nee", 1)]), 4)
    assert 'text-anchor="end">ja</text>' in short and "75%" in short
    long = bar_chart(Question("aanbieder", "Jobcoach van", [("jobcoaches van de gemeente en externe", 2)]), 4)
    assert '<text x="0" y="15">jobcoaches van de gemeente en externe</text>' in long
    assert 'aria-label="Jobcoach van: jobcoaches van de gemeente en externe: 2"' in long
