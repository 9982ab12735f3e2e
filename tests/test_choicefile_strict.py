"""Strict reading of choice files: PyYAML's constructor errors located, strict types, one-line text, plausible dates."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from verordening.choicefile.reader import load_choices
from verordening.cli.app import app

from .conftest import ROOT

# Without its first line (the editor's schema line), so the line numbers below count from "# VOORBEELD".
NIJKERK = (ROOT / "municipalities" / "nijkerk.yaml").read_text(encoding="utf-8").split("\n", 1)[1]


def variant(tmp_path: Path, old: str, new: str) -> Path:
    assert old in NIJKERK, old
    path = tmp_path / "keuzes.yaml"
    path.write_text(NIJKERK.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # R1: PyYAML's timestamp constructor raises ValueError for impossible unquoted dates
        ("inwerkingtreding: 2023-07-01", "inwerkingtreding: 2023-02-30", ":10 [inwerkingtreding]: verwacht een datum"),
        (
            "inwerkingtreding: 2023-07-01",
            "inwerkingtreding: 2023-13-01",
            "gegeven: 2023-13-01 (een datum die niet bestaat)",
        ),
        ("  datum: 2023-06-29", "  datum: 2023-06-29 25:00:00", ":7 [vaststelling.datum]: verwacht een datum"),
        ("jaar: 2023", "jaar: " + "9" * 5000, ":5 [jaar]: verwacht een geheel getal"),
        ("jaar: 2023", 'jaar: !!int "abc"', ":5 [jaar]: verwacht een geheel getal, gegeven: abc"),
        ("jaar: 2023", 'jaar: !!bool "misschien"', ":5 [jaar]: verwacht een geheel getal"),
        # R5: no true as a number, no number as text, no text as a flag
        (
            "  maximale_duur_maanden: 24",
            "  maximale_duur_maanden: true",
            "[jobcoaching.maximale_duur_maanden]: verwacht een geheel getal, gegeven: true",
        ),
        ("  maximale_duur_maanden: 24", '  maximale_duur_maanden: "24"', "schrijf het getal zonder aanhalingstekens"),
        ("  maximale_duur_maanden: 24", "  maximale_duur_maanden: 24.0", "verwacht een geheel getal, gegeven: 24.0"),
        ('voorstel_nummer: "RV-2023-041"', "voorstel_nummer: 012", "verwacht tekst, gegeven: 012"),
        # R8/R20: control, bidi and zero-width characters refused with their code point
        ('voorstel_nummer: "RV-2023-041"', 'voorstel_nummer: "RV\\0-2023"', "stuurteken (U+0000)"),
        ('voorstel_nummer: "RV-2023-041"', 'voorstel_nummer: "RV\\e[2J"', "stuurteken (U+001B)"),
        ('voorstel_nummer: "RV-2023-041"', 'voorstel_nummer: "abc\\u202etxt"', "(U+202E)"),
        ('voorstel_nummer: "RV-2023-041"', 'voorstel_nummer: "RV\\u200b2023"', "(U+200B)"),
        ('voorstel_nummer: "RV-2023-041"', 'voorstel_nummer: "RV\\uffff"', "(U+FFFF)"),
        (
            'voorstel_nummer: "RV-2023-041"',
            "voorstel_nummer: !!binary G1sySg==",
            "verwacht tekst, gegeven: binaire gegevens",
        ),
        # plausible dates
        ("  datum: 2023-06-29", "  datum: 0001-06-29", "verwacht een datum van 2015 tot en met 2100"),
        ("inwerkingtreding: 2023-07-01", "inwerkingtreding: 1688169600", ":10 [inwerkingtreding]: verwacht een datum"),
        # R17: a name with a leading apostrophe, unquoted
        (
            "gemeente: Nijkerk",
            "gemeente: 's-Hertogenbosch",
            ":4 [gemeente]: dit is geen geldige YAML: de waarde begint met een apostrof",
        ),
    ],
)
def test_refused_with_line_and_key(tmp_path: Path, old: str, new: str, expected: str):
    path = variant(tmp_path, old, new)
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == 2, result.stderr
    assert expected in result.stderr, result.stderr
    assert "interne fout" not in result.stderr.lower()


def test_whitespace_in_free_text_is_folded_to_one_line(tmp_path: Path):
    # R4 and R13: a double space or a block of lines reads as the words it holds
    path = variant(
        tmp_path,
        "  naam: Sociaaldomeinraad",
        '  naam: "adviesraad  sociaal\\tdomein"',
    )
    assert load_choices(path).clientenraad.naam == "adviesraad sociaal domein"


def test_quoted_iso_date_is_a_date(tmp_path: Path):
    path = variant(tmp_path, "inwerkingtreding: 2023-07-01", 'inwerkingtreding: "2023-07-01"')
    assert load_choices(path).inwerkingtreding.isoformat() == "2023-07-01"


def test_block_of_lines_in_afgezien_is_one_line(tmp_path: Path):
    # R13: a 'afgezien: |' block broke the Markdown checklist table at its line break
    old = "clientenraad:\n"
    start = NIJKERK.index(old)
    end = NIJKERK.index("jobcoaching:")
    text = (
        NIJKERK[:start]
        + "clientenraad:\n  afgezien: |\n    Opgeheven in 2022.\n    Nieuwe raad in 2024.\n"
        + NIJKERK[end:]
    )
    path = tmp_path / "keuzes.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_choices(path).clientenraad.afgezien == "Opgeheven in 2022. Nieuwe raad in 2024."


def test_markdown_escape_keeps_entities_and_tildes_literal():
    # R20: '&lt;b&gt;' showed as <b>, '~~weg~~' was struck through in CommonMark/GFM viewers
    from markdown_it import MarkdownIt

    from verordening.render.escape import markdown

    html = MarkdownIt("commonmark").enable("strikethrough").render(markdown("&lt;b&gt; ~~weg~~"))
    assert html.strip() == "<p>&amp;lt;b&amp;gt; ~~weg~~</p>"
