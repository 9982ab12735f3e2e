"""`verordening nieuw`: a commented choice file, asked question by question or with the model's defaults."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from typer.testing import CliRunner

from verordening.advisor import commented
from verordening.advisor.fields import leaves
from verordening.advisor.interview import Interview
from verordening.advisor.json_schema import FILE_NAME, MODELINE, schema_bytes
from verordening.advisor.standard import standard
from verordening.choicefile.reader import load_choices
from verordening.cli.app import app

from .conftest import EXAMPLES
from .test_json_schema import schema_errors

TODAY = dt.date(2026, 12, 1)


def run(*args: str):
    return CliRunner().invoke(app, list(args))


def test_standard_file_is_commented_read_by_check_and_names_what_to_fill_in(tmp_path: Path):
    out = tmp_path / "nijkerk.yaml"
    result = run("nieuw", "nijkerk", "--standaard", "--out", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == MODELINE and (tmp_path / FILE_NAME).read_bytes() == schema_bytes()
    # Every key written (or left empty as a comment) has a comment above it that says what it means.
    keys = [n for n, line in enumerate(lines) if re.match(r"^\s*(# )?[a-z_0-9]+:( |$)", line)]
    assert len(keys) >= 25
    for n in keys:
        previous = lines[n - 1].lstrip()
        assert previous.startswith("# ") and not re.match(r"# [a-z_0-9]+:", previous), f"regel {n + 1} zonder uitleg"
    assert "# Maximale duur van jobcoaching: Hoe lang jobcoaching ten hoogste wordt verstrekt" in text
    assert "gemeente: Nijkerk" in text and 'voorstel_nummer: "[nummer]"' in text
    choices = load_choices(out)  # no input error
    assert choices.jobcoaching.maximale_duur_maanden == 24 and "vaststelling.datum" in choices.in_te_vullen
    assert "keuzebestand geschreven" in result.stdout
    assert (
        "WAARSCHUWING] het keuzebestand (in_te_vullen): nog voorlopig ingevuld: datum van vaststelling" in result.stdout
    )
    check = run("check", str(out))
    assert check.exit_code == 1  # read; the quality standards are the municipality's choice (art. 8a, lid 2, e 2°)
    assert schema_errors(yaml.safe_load(text)) == []


def test_without_a_terminal_it_explains_standaard(tmp_path: Path):
    result = run("nieuw", "Nijkerk", "--out", str(tmp_path / "n.yaml"))
    assert result.exit_code == 2
    assert "--standaard" in result.stderr and "geen terminal" in result.stderr
    assert not (tmp_path / "n.yaml").exists()


def test_never_overwrites_an_existing_file(tmp_path: Path):
    out = tmp_path / "n.yaml"
    out.write_text("# mijn werk\n", encoding="utf-8")
    result = run("nieuw", "Nijkerk", "--standaard", "--out", str(out))
    assert result.exit_code == 1 and "bestaat al" in result.stderr
    assert out.read_text(encoding="utf-8") == "# mijn werk\n"


def test_an_edited_schema_beside_it_is_left_alone(tmp_path: Path):
    (tmp_path / FILE_NAME).write_text("{}", encoding="utf-8")
    result = run("nieuw", "Nijkerk", "--standaard", "--out", str(tmp_path / "n.yaml"))
    assert result.exit_code == 0 and "blijft staan" in result.stderr
    assert (tmp_path / FILE_NAME).read_text(encoding="utf-8") == "{}"


def test_unknown_municipality_is_refused_with_a_suggestion():
    result = run("nieuw", "Nijkerq", "--standaard")
    assert result.exit_code == 2 and "'Nijkerk'" in result.stderr


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_a_commented_file_holds_exactly_the_choices_it_was_written_from(path: Path, tmp_path: Path):
    choices = load_choices(path)
    out = tmp_path / "k.yaml"
    out.write_text(commented.render(choices.model_dump()), encoding="utf-8")
    assert load_choices(out) == choices


def test_standard_dates_keep_the_rules_of_the_model(tmp_path: Path):
    for today in (dt.date(2026, 12, 1), dt.date(2027, 1, 31), dt.date(2027, 11, 30)):
        out = tmp_path / f"{today}.yaml"
        out.write_text(commented.render(standard("Rotterdam", today)), encoding="utf-8")
        k = load_choices(out)
        assert today < k.clientenraad.advies_gevraagd < k.vaststelling.voorstel_datum < k.vaststelling.datum
        assert k.inwerkingtreding.day == 1 and (k.inwerkingtreding - k.vaststelling.datum).days >= 7


DOWN, SPACE, ENTER, CLEAR = "\x1b[B", " ", "\r", "\x15"


def interview(keys: list[str]) -> tuple[dict, list[str]]:
    said: list[str] = []
    with create_pipe_input() as pipe:
        pipe.send_text("".join(keys))
        pipe.close()  # the answers end here: a question too many ends the test (EOFError) instead of waiting
        values = Interview("Leeuwarden", said.append, TODAY, input=pipe, output=DummyOutput()).run()
    return values, said


def test_the_interview_asks_each_choice_and_explains_it(tmp_path: Path):
    keys = [
        ENTER,  # jaar: the proposed year
        ENTER,  # titel: the standard citeertitel
        ENTER,  # reikwijdte.ioaw_ioaz: nee
        "2027-03-11" + ENTER,  # vaststelling.datum
        "2027-02-02" + ENTER,  # voorstel_datum
        ENTER,  # voorstel_nummer: left empty -> provisional
        ENTER,  # status: concept (the default)
        "2027-04-01" + ENTER,  # inwerkingtreding
        ENTER,  # terugwerkende_kracht_tot: none
        ENTER,  # intrekking: none
        ENTER,  # clientenraad: asked for advice
        "2026-12-15" + ENTER,  # advies_gevraagd
        ENTER,  # advies_ontvangen: not yet
        ENTER,  # naam: cliëntenraad
        ENTER,  # grondslag: not named
        SPACE + DOWN + DOWN + DOWN + SPACE + ENTER,  # kwaliteitseisen: OVAL-keurmerk and Nationaal Jobcoachregister
        CLEAR + "36" + ENTER,  # maximale_duur_maanden
        DOWN + ENTER,  # verlenging.toegestaan: from "nee" to "ja"
        "12" + ENTER,  # verlenging.maximale_duur_maanden: asked because extension is allowed
        DOWN + ENTER,  # scheiding_handhaving_begeleiding: ja
        ENTER,  # aanbieder: beide (the model's default)
        ENTER,  # artikel 13: nee
        ENTER,  # artikel 13, maximaal_percentage_wml: 50 (asked; it has the model's default)
        ENTER,  # subsidie_werkgever: ja
        ENTER,  # budgetplafond: ja
        ENTER,  # delegatie: nadere regels
        ENTER,  # participatieplaats.premie.bedrag: a quarter of the art. 31 amount
        ENTER,  # proefplaats.minimale_duur_dienstbetrekking_maanden: 6
        ENTER,  # proefplaats.uitsluitingsgronden: both
        ENTER,  # voorzieningen.werkervaringsplaats.maximale_duur_maanden: none
        ENTER,  # beschut_werk.hoger_aantal: the minister's number
        ENTER,  # peildatum: none
    ]
    values, said = interview(keys)
    assert values["jobcoaching"]["kwaliteitseisen"] == ["oval_keurmerk", "nationaal_jobcoachregister"]
    assert values["jobcoaching"]["maximale_duur_maanden"] == 36
    assert values["jobcoaching"]["verlenging"] == {"toegestaan": True, "maximale_duur_maanden": 12}
    assert values["jobcoaching"]["eigen_eisen"] is None  # not asked: eigen_eisen not chosen
    assert values["in_te_vullen"] == ["vaststelling.voorstel_nummer"]
    text = " ".join(" ".join(said).split())
    assert "OVAL vraagt een landelijk kader" in text and "Het VNG-model bevat dit artikel" in text
    out = tmp_path / "lw.yaml"
    out.write_text(commented.render(values), encoding="utf-8")
    assert load_choices(out).vaststelling.voorstel_nummer == "[nummer]"


def test_the_interview_asks_again_what_does_not_fit_together():
    keys = [ENTER, ENTER, ENTER, "2027-03-11" + ENTER, "2027-02-02" + ENTER, "RV-1" + ENTER, ENTER]  # status: concept
    keys += ["2027-01-01" + ENTER]  # in force before adoption: asked again at the end
    keys += [ENTER, ENTER, ENTER, "2026-12-15" + ENTER, ENTER, ENTER, ENTER, DOWN * 3 + SPACE + ENTER, ENTER, ENTER]
    keys += [ENTER, ENTER]
    keys += [ENTER] * 11
    keys += [CLEAR + "2027-04-01" + ENTER]  # the answer asked again
    values, said = interview(keys)
    assert values["inwerkingtreding"] == dt.date(2027, 4, 1)
    assert any("passen nog niet bij elkaar" in line for line in said)


def test_every_value_key_can_be_asked():
    kinds = {f.kind for f in leaves()}
    assert kinds <= {"bool", "int", "date", "text", "select", "multi", "rows"}


def test_the_standard_file_departs_from_the_model_in_no_choice(tmp_path: Path):
    """`--standaard` writes the model's defaults, list defaults included (both proefplaats grounds)."""
    from verordening.engine.deviations import deviations

    target = tmp_path / "nijkerk.yaml"
    assert run("nieuw", "Nijkerk", "--standaard", "--out", str(target)).exit_code == 0
    choices = load_choices(target)
    assert len(choices.proefplaats.uitsluitingsgronden) == 2
    assert [d.key for d in deviations(choices)] == []
