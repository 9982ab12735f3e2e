"""The choice schema: valid files load, invalid ones are refused with a located Dutch message."""

from __future__ import annotations

from pathlib import Path

import pytest

from verordening.choicefile.reader import load_choices
from verordening.errors import ChoiceFileError

from .conftest import EXAMPLES

MINIMAL = """\
gemeente: Nijkerk
jaar: 2023
vaststelling: {datum: 2023-06-29, voorstel_datum: 2023-05-16, voorstel_nummer: "RV-1"}
inwerkingtreding: 2023-07-01
clientenraad: {advies_gevraagd: 2023-04-03, advies_ontvangen: 2023-05-01}
"""


def load(tmp_path: Path, text: str):
    path = tmp_path / "keuzes.yaml"
    path.write_text(text, encoding="utf-8")
    return load_choices(path)


def problems(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(ChoiceFileError) as info:
        load(tmp_path, text)
    return [str(p) for p in info.value.problems]


def test_examples_are_valid_and_marked_as_examples():
    assert len(EXAMPLES) >= 4
    for path in EXAMPLES:
        load_choices(path)
        # Line 1 names the JSON Schema for the editor (test_json_schema.py); line 2 says it is an example.
        assert "VOORBEELD" in path.read_text(encoding="utf-8").splitlines()[1]


def test_minimal_file_takes_the_model_defaults(tmp_path):
    k = load(tmp_path, MINIMAL)
    assert k.citeertitel == "Re-integratieverordening Participatiewet Nijkerk 2023"
    assert k.jobcoaching.maximale_duur_maanden == 24
    assert not k.artikel_13_loonkostensubsidie.opnemen
    assert k.persoonlijke_ondersteuning.subsidie_werkgever


def test_municipality_name_is_normalised(tmp_path):
    assert load(tmp_path, MINIMAL.replace("Nijkerk", "nijkerk")).gemeente == "Nijkerk"


def test_unknown_municipality_suggests_a_name(tmp_path):
    [msg] = problems(tmp_path, MINIMAL.replace("Nijkerk", "Nijkerq"))
    assert "keuzes.yaml:1 [gemeente]" in msg and "'Nijkerk'" in msg


@pytest.mark.parametrize(
    "extra, path, fragment",
    [
        ("jobcoaching: {maximale_duur_maanden: 0}\n", "jobcoaching.maximale_duur_maanden", "1 tot en met 120"),
        ("jobcoaching: {maximale_duur_maanden: 600}\n", "jobcoaching.maximale_duur_maanden", "gegeven: 600"),
        ("jobcoaching: {kwaliteitseisen: [iso9001]}\n", "jobcoaching.kwaliteitseisen[0]", "oval_keurmerk"),
        ("jobcoaching: {kwaliteitseisen: [eigen_eisen]}\n", "jobcoaching", "eigen_eisen"),
        (
            "jobcoaching: {verlenging: {toegestaan: true}}\n",
            "jobcoaching.verlenging",
            "maximale_duur_maanden ontbreekt",
        ),
        ("artikel_13_loonkostensubsidie: {opnemen: true}\n", "artikel_13_loonkostensubsidie", "ontbreekt"),
        ("jobcoachin: {}\n", "jobcoachin", "bedoelt u 'jobcoaching'"),
    ],
)
def test_invalid_values_are_located(tmp_path, extra, path, fragment):
    msgs = problems(tmp_path, MINIMAL + extra)
    assert any(f"[{path}]" in m and fragment in m for m in msgs), msgs
    assert all(":6" in m or ":" in m for m in msgs)


def test_all_problems_at_once(tmp_path):
    msgs = problems(
        tmp_path, MINIMAL.replace("jaar: 2023", "jaar: twintig") + "onzin: 1\njobcoaching: {maximale_duur_maanden: 0}\n"
    )
    assert len(msgs) == 3
    assert any("[jaar]" in m and "keuzes.yaml:2" in m for m in msgs)


def test_dates_out_of_order(tmp_path):
    msgs = problems(tmp_path, MINIMAL.replace("inwerkingtreding: 2023-07-01", "inwerkingtreding: 2023-01-01"))
    assert any("inwerkingtreding" in m and "vóór" in m for m in msgs)
    msgs = problems(tmp_path, MINIMAL.replace("advies_ontvangen: 2023-05-01", "advies_ontvangen: 2023-03-01"))
    assert any("advies_ontvangen" in m for m in msgs)
