"""verordening amend: the wijzigingsverordening in Dutch drafting form, numbered as the Aanwijzingen prescribe."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from verordening.changes.amend import AmendError, amend, assemble_numbered, fragment
from verordening.changes.amendment import to_docx, to_markdown
from verordening.choicefile.reader import load_choices
from verordening.cli.app import app
from verordening.engine.assemble import assemble
from verordening.engine.library import load_library

from .conftest import ROOT, article, choices_with, write_library

OPEN, CLOSE = "\u201c", "\u201d"  # the quotes published Dutch regulations use around quoted words

VERSIES = ROOT / "tests" / "fixtures" / "versies"


@pytest.fixture(scope="module")
def versions():
    return load_choices(VERSIES / "nijkerk-2023.yaml"), load_choices(VERSIES / "nijkerk-2024.yaml")


def test_markdown_has_aanhef_articles_and_toelichting(versions) -> None:
    old, new = versions
    md = to_markdown(amend(old, new))
    assert md.startswith("# Verordening tot wijziging van de Re-integratieverordening Participatiewet Nijkerk 2023\n")
    assert (
        "gelezen het voorstel van het college van burgemeester en wethouders van 14 mei 2024, nummer RV-2024-037;" in md
    )
    assert "gezien het advies van de cliëntenraad van 30 april 2024;" in md
    assert "## Artikel I" in md and "**A**" in md and "**B**" in md
    assert f"wordt {OPEN}24 maanden{CLOSE} vervangen door {OPEN}36 maanden{CLOSE}." in md
    assert "**Artikel 12a. Loonkostensubsidie voor personen buiten de doelgroep" in md
    assert "Deze verordening treedt in werking op 1 juli 2024." in md
    assert "aangehaald als: Wijzigingsverordening Re-integratieverordening Participatiewet Nijkerk 2024." in md
    assert "maximale duur van jobcoaching: van 24 maanden naar 36 maanden" in md
    # The old ordinance's own slotbepalingen are not touched: Artikel II of the amendment does that work.
    assert "Inwerkingtreding" not in md.split("## Artikel II")[0]


def test_removing_article_13_leaves_its_number_empty(versions) -> None:
    old, new = versions
    amendment = amend(new, old)
    lks = amendment.old.article("lks_buiten_doelgroep")
    # The pair also differs in the version of the Act (1 July 2023 against 1 July 2024), so the
    # amendment carries law changes too; exactly one article is repealed.
    assert [i.text for i in amendment.instructions if i.text.endswith("vervalt.")] == [f"Artikel {lks.number} vervalt."]
    numbers = [str(a.number) for a in amendment.target]
    assert str(lks.number) not in numbers and str(lks.number + 1) in numbers  # nothing renumbered


def test_references_in_the_amended_text_use_the_amended_numbers(versions) -> None:
    old, new = versions
    amendment = amend(old, new)
    begrippen = next(a for a in amendment.target if a.label == "algemene_bepalingen")
    aanvraag = amendment.old.article("aanvraag").number
    assert f"artikel {aanvraag} " in " ".join(begrippen.texts())  # still 13, not the fresh build's 14


def test_no_change_is_refused(versions) -> None:
    old, _ = versions
    later = old.model_copy(update={"jaar": 2025})  # only decision data differs
    with pytest.raises(AmendError, match="niets te wijzigen"):
        amend(old, later)


def test_numbered_assembly_agrees_with_assemble(example: Path) -> None:
    choices = load_choices(example)
    fresh = assemble(choices)
    same = assemble_numbered(choices, {a.label: str(a.number) for a in fresh.articles})
    assert [(a.label, a.heading, list(a.texts())) for a in same] == [
        (a.label, a.heading, list(a.texts())) for a in fresh.articles
    ]


def test_fragment_quotes_whole_words_that_occur_once() -> None:
    old, new = "ten hoogste 24 maanden, en 24 weken.", "ten hoogste 36 maanden, en 24 weken."
    assert fragment(old, new, [old]) == ("24 maanden", "36 maanden")
    assert fragment("a b a b", "a b a c", ["a b a b"]) == ("b a b", "b a c")  # "a b" occurs twice


def test_insert_at_a_chapter_start_goes_before_the_next_article(tmp_path: Path) -> None:
    lib = load_library(
        write_library(
            tmp_path / "lib",
            {
                "x": article("x", "[lid] Eerste."),
                "y": article("y", "[lid] Nieuw, zie {{ ref('z') }}.", chapter="2", order=5, when="not k.budgetplafond"),
                "z": article("z", "[lid] Laatste.", chapter="2", order=10),
            },
        )
    )
    amendment = amend(choices_with(budgetplafond=True), choices_with(budgetplafond=False), lib)
    [ins] = amendment.instructions
    assert ins.text == "Voor artikel 2 wordt een artikel ingevoegd, luidende:"
    assert ins.body.number == "1a" and ins.body.leden[0].text == "Nieuw, zie artikel 2."
    assert ins.reasons == ["budgetplafond"]


def test_several_changes_in_one_article_are_numbered_steps(tmp_path: Path) -> None:
    body = """
    [lid] Duur {{ k.jobcoaching.maximale_duur_maanden|maanden }} voor jobcoaching.
    [lid] Vast.
    [lid] Aanbieder {{ k.jobcoaching.aanbieder }} gekozen.
    [lid] Ook vast.
    """
    lib = load_library(write_library(tmp_path / "lib", {"x": article("x", body)}))
    base = load_choices(VERSIES / "nijkerk-2023.yaml").model_dump()["jobcoaching"]
    base["kwaliteitseisen"] = [*base["kwaliteitseisen"], "noloc"]  # a municipal jobcoach needs an individual one
    amendment = amend(
        choices_with(jobcoaching=base),
        choices_with(jobcoaching={**base, "maximale_duur_maanden": 36, "aanbieder": "intern"}),
        lib,
    )
    [ins] = amendment.instructions
    assert ins.text == "Artikel 1 wordt als volgt gewijzigd:"
    assert [s.text for s in ins.steps] == [
        f"In het eerste lid wordt {OPEN}24 maanden{CLOSE} vervangen door {OPEN}36 maanden{CLOSE}.",
        f"In het derde lid wordt {OPEN}extern{CLOSE} vervangen door {OPEN}intern{CLOSE}.",
    ]


def test_docx_and_cli(versions, tmp_path: Path) -> None:
    doc = Document(io.BytesIO(to_docx(amend(*versions))))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Artikel 12a. Loonkostensubsidie" in text and "Artikel III" in text
    result = CliRunner().invoke(
        app, ["amend", str(VERSIES / "nijkerk-2023.yaml"), str(VERSIES / "nijkerk-2024.yaml"), "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "nijkerk" / "wijzigingsverordening-2024.md").is_file()
    assert (tmp_path / "nijkerk" / "wijzigingsverordening-2024.docx").is_file()
