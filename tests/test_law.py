"""The Participatiewet per version: the peildatum selects the text of the Act and what templates see."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from typer.testing import CliRunner

from verordening.cli.app import app
from verordening.engine.assemble import assemble
from verordening.engine.library import clauses_dir, load_library
from verordening.errors import ClauseError

from .conftest import ROOT, article, choices_with, write_library

VERSIONS = ["2023-07-01", "2024-01-01", "2024-07-01", "2025-01-01", "2025-07-01", "2026-01-01"]


def test_every_version_since_breed_offensief_is_known_with_its_source():
    law = load_library().law
    assert [v.valid_from.isoformat() for v in law.versions] == VERSIONS
    for v in law.versions:
        assert v.source == f"https://wetten.overheid.nl/BWBR0015703/{v.valid_from.isoformat()}"
        for number in ("7", "8a", "10", "10a", "10b", "10d", "10g", "47"):
            assert number in v.articles and v.valid_from.isoformat() in v.url(number), (v.valid_from, number)
    assert "7a" not in law.versions[0].articles and "10h" not in law.versions[0].articles
    assert "10h" in law.versions[1].articles and "7a" in law.newest.articles


@pytest.mark.parametrize(
    "peildatum, version",
    [
        ("2023-07-01", "2023-07-01"),
        ("2023-12-31", "2023-07-01"),
        ("2024-01-01", "2024-01-01"),
        ("2025-10-15", "2025-07-01"),
        ("2026-01-01", "2026-01-01"),
        ("2031-01-01", "2026-01-01"),  # later than the newest version known: the newest applies
    ],
)
def test_the_version_in_force_on_the_peildatum_applies(peildatum, version):
    ordinance = assemble(choices_with(wet={"peildatum": peildatum}))
    assert ordinance.law.valid_from.isoformat() == version


def test_the_peildatum_defaults_to_the_entry_into_force():
    k = choices_with(
        vaststelling={"datum": "2026-12-10", "voorstel_datum": "2026-11-01", "voorstel_nummer": "x"},
        inwerkingtreding="2027-01-01",
    )
    assert k.peildatum == dt.date(2027, 1, 1)
    assert assemble(k).law.valid_from == dt.date(2026, 1, 1)


def test_templates_branch_on_named_facts_of_the_version(tmp_path):
    body = """
    [lid] {% if wet.visuele_beperking_bij_uwv %}UWV{% else %}College{% endif %}; lid {{ wet.artikel_7_uitzondering_lid }}; {{ wet.versie|datum }}.
    """
    lib = load_library(write_library(tmp_path / "lib", {"a": article("a", body)}))

    def text(peildatum: str) -> str:
        return assemble(choices_with(wet={"peildatum": peildatum}), lib).articles[0].leden[0].text

    assert text("2023-07-01") == "College; lid 10; 1 juli 2023."
    assert text("2024-03-01") == "UWV; lid 10; 1 januari 2024."
    assert text("2026-01-01") == "UWV; lid 9; 1 januari 2026."


def test_a_misspelt_fact_stops_the_build(tmp_path):
    lib = load_library(write_library(tmp_path / "lib", {"a": article("a", "[lid] {{ wet.bestaat_niet }}")}))
    with pytest.raises(Exception, match="bestaat_niet"):
        assemble(choices_with(), lib)


def test_a_peildatum_before_breed_offensief_is_refused(tmp_path):
    text = (ROOT / "municipalities" / "nijkerk.yaml").read_text(encoding="utf-8")
    path = tmp_path / "oud.yaml"
    path.write_text(text + "wet:\n  peildatum: 2023-06-30\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == 2
    line = result.stderr.strip()
    assert line.startswith(f"{path}:") and "[wet.peildatum]" in line
    assert "verwacht een datum op of na 2023-07-01" in line and "gegeven: 2023-06-30" in line


def test_the_build_says_which_version_it_used(tmp_path):
    result = CliRunner().invoke(app, ["build", str(ROOT / "municipalities" / "nijkerk.yaml"), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "Participatiewet vanaf 1 juli 2023" in result.stdout


def _broken_version(tmp_path, old: str, new: str):
    root = tmp_path / "lib"
    shutil.copytree(clauses_dir(), root)
    path = root / "wet" / "participatiewet" / "2024-01-01.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    return path


def test_a_broken_version_file_is_a_located_library_error(tmp_path):
    path = _broken_version(tmp_path, "  visuele_beperking_bij_uwv: true", "  visuele_beperking_bij_uwv: [ja]")
    with pytest.raises(ClauseError) as info:
        load_library(path.parents[2])
    assert str(info.value).startswith(f"{path}:")
    assert "[feiten.visuele_beperking_bij_uwv]" in str(info.value)


def test_every_version_must_name_the_same_facts(tmp_path):
    path = _broken_version(tmp_path, "  visuele_beperking_bij_uwv: true\n", "")
    with pytest.raises(ClauseError, match="elke versie noemt dezelfde feiten"):
        load_library(path.parents[2])


def test_a_source_that_is_not_wetten_overheid_nl_is_refused(tmp_path):
    path = _broken_version(tmp_path, "bron: https://wetten.overheid.nl/", "bron: https://example.org/")
    with pytest.raises(ClauseError, match="wetten.overheid.nl"):
        load_library(path.parents[2])
