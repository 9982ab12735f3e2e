"""The checklist: computed from the structure of the assembled ordinance and the law version in force."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from verordening.choicefile.reader import load_choices
from verordening.cli.app import app
from verordening.engine.assemble import assemble
from verordening.engine.checklist import compute
from verordening.engine.library import clauses_dir, load_library
from verordening.runs.build import render_all

from .conftest import ROOT, article, choices_with, write_library

REQUIRED = {"8a-1", "8a-2-a", "8a-2-b", "8a-2-c", "8a-2-d", "8a-2-e-1", "8a-2-e-2", "8a-2-f", "8a-2-g", "10b-7"}


def by_id(choices, library=None):
    library = library or load_library()
    return {r.requirement: r for r in compute(assemble(choices, library), library).vereisten}


def procedure(choices):
    return {p.requirement: p for p in compute(assemble(choices)).procedure}


def test_every_example_meets_every_requirement(example):
    checklist = compute(assemble(load_choices(example)))
    assert {r.requirement for r in checklist.vereisten} == REQUIRED
    assert [r.requirement for r in checklist.unmet] == []
    for r in checklist.vereisten:
        assert r.articles and r.elements and r.wettekst, r.requirement


def test_art_47_is_procedure_not_a_requirement_on_the_text():
    checklist = compute(assemble(choices_with()))
    assert "47" not in {r.requirement for r in checklist.vereisten}
    assert procedure(choices_with())["47"].status == "in_orde"


def test_elements_name_the_lid_that_regulates_it():
    o = assemble(choices_with())
    results = by_id(choices_with())
    n = o.article("kwaliteitseisen").number
    assert results["8a-2-e-2"].articles == [n]
    assert results["8a-2-e-2"].elements[0] == f"artikel {n}, eerste lid"
    assert results["8a-2-d"].articles == [o.article("proefplaatsing").number]
    assert o.article("vervoersvoorziening").number in results["8a-2-f"].articles
    beschut = o.article("beschut_werk").number
    assert results["10b-7"].elements == [f"artikel {beschut}, tweede lid", f"artikel {beschut}, derde lid"]


def test_no_quality_standard_turns_e2_red_although_the_college_may_set_them():
    r = by_id(choices_with(jobcoaching={"kwaliteitseisen": [], "maximale_duur_maanden": 24}))["8a-2-e-2"]
    assert not r.met
    assert "welke kwaliteitseisen aan de jobcoach worden gesteld" in r.reason


def test_no_subsidy_to_the_employer_turns_e1_red_and_names_the_choice():
    results = by_id(choices_with(persoonlijke_ondersteuning={"subsidie_werkgever": False}))
    assert not results["8a-2-e-1"].met
    assert "subsidieverstrekking" in results["8a-2-e-1"].reason
    assert "persoonlijke_ondersteuning.subsidie_werkgever" in results["8a-2-e-1"].reason
    assert all(r.met for rid, r in results.items() if rid != "8a-2-e-1")


def test_a_word_without_the_structure_does_not_count(tmp_path):
    """An article that mentions every word of the law but lacks the required lid does not meet it."""
    reqs = '- {id: 8a-2-e-1, citation: c, summary: s, aspects: [{wat: de duur, in: ["a.duur"]}]}\n'
    words = "De duur en de intensiteit van persoonlijke ondersteuning, in natura of door subsidie aan de werkgever."
    lib = load_library(write_library(tmp_path / "lib", {"a": article("a", f"[lid:iets] {words}")}, reqs))
    [result] = compute(assemble(choices_with(), lib), lib).vereisten
    assert not result.met and result.articles == []
    assert "de duur (artikel 1 (Titel a) heeft geen lid 'duur')" in result.reason
    lib = load_library(write_library(tmp_path / "lib2", {"a": article("a", "[lid:duur] Zes maanden.")}, reqs))
    [result] = compute(assemble(choices_with(), lib), lib).vereisten
    assert result.met and result.elements == ["artikel 1"]


def _own_library(tmp_path: Path) -> Path:
    copy = tmp_path / "eigen-bibliotheek"
    shutil.copytree(clauses_dir(), copy)
    return copy


def test_a_library_without_the_subsidy_article_turns_e1_red(tmp_path):
    library = _own_library(tmp_path)
    (library / "artikelen" / "4_040_subsidie_werkgever.j2").unlink()
    results = by_id(choices_with(), load_library(library))
    assert not results["8a-2-e-1"].met
    assert (
        "subsidieverstrekking (de clausulebibliotheek heeft geen artikel 'subsidie_werkgever')"
        in results["8a-2-e-1"].reason
    )
    assert all(r.met for rid, r in results.items() if rid != "8a-2-e-1")


def test_check_with_a_mutilated_library_fails_on_the_right_requirement(tmp_path):
    library = _own_library(tmp_path)
    path = library / "artikelen" / "4_060_duur_jobcoaching.j2"
    text = path.read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("[lid:intensiteit]")]
    assert len(lines) == len(text.splitlines()) - 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    example = str(ROOT / "municipalities" / "nijkerk.yaml")
    result = CliRunner().invoke(app, ["check", example, "--bibliotheek", str(library)])
    assert result.exit_code == 1, result.output
    [red] = [line for line in result.output.splitlines() if "NIET VOLDAAN" in line]
    assert "onder 1°" in red and "de intensiteit van de persoonlijke ondersteuning" in red
    assert CliRunner().invoke(app, ["check", example]).exit_code == 0


@pytest.mark.parametrize(
    "raad, status, words",
    [
        ({"advies_gevraagd": "2023-04-03", "advies_ontvangen": "2023-05-01"}, "in_orde", "ontvangen op 1 mei 2023"),
        ({"advies_gevraagd": "2023-04-03"}, "opmerking", "in de gelegenheid gesteld"),
        ({"advies_gevraagd": "2023-04-03", "advies_ontvangen": "2023-06-01"}, "waarschuwing", "na het raadsvoorstel"),
        (
            {"afgezien": "spoedeisend; de raad vergaderde vóór de adviestermijn verstreek"},
            "waarschuwing",
            "spoedeisend",
        ),
    ],
)
def test_clientenraad_findings(raad, status, words):
    p = procedure(choices_with(clientenraad=raad))["47"]
    assert p.status == status and words in p.reason
    assert "verordening cliëntenparticipatie" in p.citation


def test_asked_but_no_advice_yet_passes_check_with_a_note(tmp_path):
    text = (ROOT / "municipalities" / "nijkerk.yaml").read_text(encoding="utf-8")
    path = tmp_path / "nijkerk.yaml"
    path.write_text(text.replace("advies_ontvangen: 2023-05-01", "").replace(", }", "}"), encoding="utf-8")
    assert load_choices(path).clientenraad.advies_ontvangen is None
    result = CliRunner().invoke(app, ["check", str(path)])
    assert result.exit_code == 0, result.output
    assert "[opmerking   ] artikel 47" in result.output


def test_publication_time_is_a_procedure_warning():
    tight = procedure(choices_with(inwerkingtreding="2023-07-01"))["bekendmaking"]
    assert tight.status == "waarschuwing" and "Gemeenteblad" in tight.reason
    roomy = procedure(choices_with(inwerkingtreding="2023-09-01"))["bekendmaking"]
    assert roomy.status == "in_orde"


def test_checklist_json_has_the_documented_shape():
    rendered = render_all(choices_with(wet={"peildatum": "2027-01-01"}, inwerkingtreding="2027-01-01"))
    data = json.loads(rendered.files["checklist.json"])
    assert data["wet"] == {
        "peildatum": "2027-01-01",
        "versie": "2026-01-01",
        "bron": "https://wetten.overheid.nl/BWBR0015703/2026-01-01",
    }
    first = data["vereisten"][0]
    assert {"requirement", "citation", "summary", "met", "articles", "elements", "reason"} <= set(first)
    assert {d["requirement"] for d in data["vereisten"]} == REQUIRED
    assert {p["status"] for p in data["procedure"]} <= {"in_orde", "opmerking", "waarschuwing"}
    assert {p["requirement"] for p in data["procedure"]} == {"47", "bekendmaking"}


def test_the_requirements_follow_the_version_in_force():
    def wettekst(peildatum: str) -> str:
        k = choices_with(wet={"peildatum": peildatum})
        return by_id(k)["8a-2-f"].wettekst or ""

    assert "visuele of motorische handicap" in wettekst("2023-07-01")
    assert "met uitzondering van de persoon met een visuele beperking" in wettekst("2024-01-01")
    assert "motorische beperking" in wettekst("2026-03-01")
    assert "artikel 7a" in (by_id(choices_with(wet={"peildatum": "2026-01-01"}))["8a-1"].wettekst or "")
    assert "artikel 7a" not in (by_id(choices_with())["8a-1"].wettekst or "")


def test_every_element_of_the_shipped_requirements_is_an_article_of_the_shipped_library():
    library = load_library()
    labels = {a.label for a in library.articles}
    for r in library.requirements:
        assert r.articles <= labels, r.id


def test_controlelijst_is_its_own_file_and_not_in_the_ordinance():
    rendered = render_all(choices_with())
    slug = rendered.ordinance.slug
    controlelijst = rendered.files["controlelijst.md"].decode("utf-8")
    assert "maakt geen deel uit van de verordening" in controlelijst
    assert "| artikel 10b, zevende lid. De verordening stelt vast" in controlelijst  # no \"Participatiewet\" again
    assert "wetten.overheid.nl/BWBR0015703/2023-07-01" in controlelijst
    ordinance = rendered.files[f"{slug}.md"].decode("utf-8")
    assert "Bijlage" not in ordinance and "| Vereiste |" not in ordinance and "wettelijke vereisten" not in ordinance
    assert dt.date(2023, 7, 1) == rendered.checklist.law.valid_from
