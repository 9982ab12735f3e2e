"""Catching up with the law: check names the articles a newer Act changes; amend writes the wijzigingsverordening."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from verordening.changes.amend import amend
from verordening.changes.amendment import to_markdown
from verordening.changes.catchup import catch_up
from verordening.cli.app import app
from verordening.engine.library import load_library

from .conftest import ROOT, article, choices_with, write_library

BODY = """
[lid:vervoer] Het college verstrekt een vervoersvoorziening{% if wet.visuele_beperking_bij_uwv %}, behalve aan een persoon met een visuele beperking{% endif %}.
[lid:vast] Deze bepaling verandert niet.
"""
LATER = {"datum": "2026-12-17", "voorstel_datum": "2026-11-24", "voorstel_nummer": "RV-2026-118"}


def _library(tmp_path: Path):
    root = write_library(tmp_path / "lib", {"a": article("a", BODY), "b": article("b", "[lid] Vast.", order=20)})
    return root, load_library(root)


def test_catch_up_names_the_articles_the_newer_act_changes(tmp_path):
    _, lib = _library(tmp_path)
    found = catch_up(choices_with(), lib)
    assert found is not None and found.needed
    assert found.drafted.valid_from.isoformat() == "2023-07-01" and found.newest.valid_from.isoformat() == "2026-01-01"
    assert [(number, status) for number, _, status in found.articles] == [("1", "gewijzigd")]
    assert [v.valid_from.isoformat() for v, _ in found.changes][:1] == ["2024-01-01"]
    assert catch_up(choices_with(wet={"peildatum": "2026-01-01"}), lib) is None


def test_amend_brings_a_2023_ordinance_to_the_2026_act(tmp_path):
    _, lib = _library(tmp_path)
    old = choices_with()
    new = choices_with(jaar=2027, vaststelling=LATER, inwerkingtreding="2027-01-01")
    amendment = amend(old, new, lib)
    [ins] = amendment.instructions
    assert ins.text == (
        "In artikel 1, eerste lid, wordt \u201cvervoersvoorziening\u201d vervangen door "
        "\u201cvervoersvoorziening, behalve aan een persoon met een visuele beperking\u201d."
    )
    assert ins.law and not ins.reasons
    assert [v.valid_from.isoformat() for v, _ in amendment.law_changes][0] == "2024-01-01"
    text = to_markdown(amendment)
    assert "Dit volgt uit een wijziging van de Participatiewet: de tekst volgt nu" in text
    assert "per 1 januari 2024 (Stb. 2023, 443; Kamerstukken 36 245)" in text
    assert "wetten.overheid.nl/BWBR0015703/2026-01-01" in text
    assert "peildatum" not in text  # the law is not presented as a changed policy choice


def test_check_tells_an_advisor_how_to_catch_up(tmp_path):
    root, _ = _library(tmp_path)
    example = ROOT / "municipalities" / "nijkerk.yaml"
    result = CliRunner().invoke(app, ["check", str(example), "--bibliotheek", str(root)])
    assert "LET OP: sinds 1 juli 2023 is de wet gewijzigd" in result.output
    assert "artikel 1 (Titel a): gewijzigd" in result.output
    assert "verordening amend" in result.output and "peildatum: 2026-01-01" in result.output


def test_the_readme_example_brings_nijkerk_2023_to_the_2026_act(tmp_path):
    from verordening.choicefile.reader import load_choices

    old = load_choices(ROOT / "municipalities" / "nijkerk.yaml")
    new = load_choices(ROOT / "municipalities" / "bijwerken" / "nijkerk-2027.yaml")
    amendment = amend(old, new)
    assert [ins.label for ins in amendment.instructions] == [
        "begrippen",
        "ondersteuning_arbeidsinschakeling",
        "werkvoorzieningen",
        "vervoersvoorziening",
    ]
    assert all(ins.law and not ins.reasons for ins in amendment.instructions)
    text = to_markdown(amendment)
    rules = text.split("## Toelichting")[0]
    assert " tolk" not in rules and "visuele of motorische" not in text
    assert "Dit artikel is niet van toepassing op een werkvoorziening als bedoeld in artikel 10h van de wet." in text
    assert "Dit artikel is niet van toepassing op een persoon met een visuele beperking." in text
    assert "artikel 7a van de wet ondersteuning kan aanbieden" in text and "artikel 10f" not in rules
    assert "Het maximum van de premie" not in text  # an indexation changes no text of the ordinance


def test_placeholders_still_to_fill_in_are_no_changed_choice(tmp_path):
    _, lib = _library(tmp_path)
    old = choices_with()
    new = choices_with(
        jaar=2027, vaststelling=LATER, inwerkingtreding="2027-01-01", in_te_vullen=["vaststelling.datum"]
    )
    assert "in_te_vullen" not in amend(old, new, lib).changes
