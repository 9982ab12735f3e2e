"""`verordening amendement`: the amendement a raadslid tables for one of OVAL's asks, in the draft's numbering."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

from verordening.changes.amendement_doc import to_docx, to_markdown
from verordening.changes.council_amendement import ASK_KEYS, draft_amendement, verdict, with_ask_met
from verordening.choicefile.reader import load_choices
from verordening.cli.app import app
from verordening.engine.assemble import assemble
from verordening.runs.synthetic import generate

from .conftest import ROOT, choices_with

CAPPED = {
    "kwaliteitseisen": ["eigen_eisen"],
    "eigen_eisen": "de jobcoach heeft een afgeronde opleiding tot jobcoach op ten minste mbo-niveau 4",
    "maximale_duur_maanden": 24,
    "verlenging": {"toegestaan": False},
    "scheiding_handhaving_begeleiding": False,
    "aanbieder": "beide",
}


@pytest.fixture
def capped_file(tmp_path: Path) -> Path:
    """Nijkerk's draft, but jobcoaching capped at 24 months without extension, own requirements, no separation."""
    text = (ROOT / "municipalities" / "nijkerk.yaml").read_text(encoding="utf-8")
    start, end = text.index("jobcoaching:"), text.index("artikel_13_loonkostensubsidie:")
    body = (
        "jobcoaching:\n  kwaliteitseisen: [eigen_eisen]\n"
        f'  eigen_eisen: "{CAPPED["eigen_eisen"]}"\n  maximale_duur_maanden: 24\n'
        "  scheiding_handhaving_begeleiding: false\n"
    )
    path = tmp_path / "nijkerk-ontwerp.yaml"
    path.write_text(text[:start] + body + text[end:], encoding="utf-8")
    return path


def test_capped_draft_gets_an_amendement_that_changes_the_duration_article(capped_file: Path) -> None:
    draft = load_choices(capped_file)
    duur = assemble(draft).article("duur_jobcoaching")
    a = draft_amendement(draft, "maatwerk")
    assert a is not None and not a.verdict.met
    assert [i.label for i in a.amendment.instructions] == ["duur_jobcoaching"]
    assert a.amendment.instructions[0].text.startswith(f"Artikel {duur.number} ")  # the draft's own number
    md = to_markdown(a)
    for words in (
        "De raad van de gemeente Nijkerk, in vergadering bijeen op 29 juni 2023,",
        "besluit het ontwerpbesluit als volgt te wijzigen:",
        "verlengen met in totaal ten hoogste twaalf maanden",
        "## Toelichting",
        "in totaal ten hoogste 36 maanden",
        "en gaat over tot de orde van de dag.",
        "\\[naam raadslid\\], \\[fractie\\]",
    ):
        assert words in md, words
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(to_docx(a))).paragraphs)
    assert "besluit het ontwerpbesluit als volgt te wijzigen:" in text and "Ingediend door:" in text
    assert verdict(with_ask_met(draft, "maatwerk"), "maatwerk").met


def test_separation_inserts_an_article_numbered_after_the_drafts(capped_file: Path) -> None:
    draft = load_choices(capped_file)
    duur = assemble(draft).article("duur_jobcoaching")
    a = draft_amendement(draft, "scheiding")
    assert a is not None
    (ins,) = a.amendment.instructions
    assert ins.text == f"Na artikel {duur.number} wordt een artikel ingevoegd, luidende:"
    assert ins.body.number == f"{duur.number}a"
    assert any("doorlopend genummerd" in line for line in a.text["verwerking"])


def test_quality_adds_the_oval_keurmerk_and_uwv_recognition(capped_file: Path) -> None:
    a = draft_amendement(load_choices(capped_file), "kwaliteit")
    assert a is not None
    md = to_markdown(a)
    assert "OVAL-keurmerk" in md and "Uitvoeringsinstituut werknemersverzekeringen" in md
    assert "noemt alleen eisen die de gemeente zelf stelt" in md


def test_a_draft_that_meets_the_ask_gets_nothing(tmp_path: Path) -> None:
    out = tmp_path / "uit" / "amendement"
    result = CliRunner().invoke(
        app, ["amendement", str(ROOT / "municipalities" / "nijkerk.yaml"), "--oval", "maatwerk", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "voldoet al aan deze vraag van OVAL" in result.output and "niets geschreven" in result.output
    assert not (tmp_path / "uit").exists()


def test_cli_writes_markdown_and_docx(capped_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "am.docx"
    result = CliRunner().invoke(app, ["amendement", str(capped_file), "--oval", "maatwerk", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "am.md").read_text(encoding="utf-8").startswith("# Amendement")
    assert docx.Document(str(out)).paragraphs[0].text == "Amendement [nummer]"


def test_unknown_ask_is_a_usage_error(capped_file: Path) -> None:
    result = CliRunner().invoke(app, ["amendement", str(capped_file), "--oval", "alles"])
    assert result.exit_code == 2 and "scheiding, kwaliteit, maatwerk" in result.output


def test_every_synthetic_draft_either_meets_the_ask_or_gets_an_amendement_that_meets_it(tmp_path: Path) -> None:
    for path in generate(tmp_path / "syn")[::23]:
        draft = load_choices(path)
        for ask in ASK_KEYS:
            a = draft_amendement(draft, ask)
            assert (a is None) == verdict(draft, ask).met, (path.name, ask)
            if a is not None:
                assert a.amendment.instructions and verdict(with_ask_met(draft, ask), ask).met


def test_choices_with_helper_builds_the_capped_draft() -> None:
    draft = choices_with(jobcoaching=CAPPED)
    assert draft_amendement(draft, "maatwerk") is not None


def test_quality_for_own_jobcoaches_adds_a_standard_a_single_jobcoach_can_meet() -> None:
    draft = choices_with(jobcoaching={**CAPPED, "kwaliteitseisen": [], "eigen_eisen": None, "aanbieder": "beide"})
    a = draft_amendement(draft, "kwaliteit")
    assert a is not None
    toelichting = " ".join(a.text["toelichting"])
    assert "het OVAL-keurmerk, de erkenning door UWV" in toelichting and "Nationaal Jobcoachregister" in toelichting
    assert "eigen jobcoaches" in toelichting
