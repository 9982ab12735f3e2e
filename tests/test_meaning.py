"""Choice meanings, written once on the choice model and put into words by one function."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

from verordening.choicefile.keys import field_at, models_in
from verordening.choicefile.schema import Choices, Kwaliteitseis
from verordening.engine import meaning

from .conftest import choices_with


def _keys(model: type[BaseModel], prefix: str = "") -> list[str]:
    out = []
    for name, info in model.model_fields.items():
        out.append(prefix + name)
        for sub in models_in(info.annotation):
            out += _keys(sub, f"{prefix}{name}.")
    return out


def test_every_key_of_the_choice_file_has_a_dutch_title_and_description():
    keys = _keys(Choices)
    assert len(keys) > 20
    for key in keys:
        info = field_at(key)
        assert info is not None and info.title and info.description, key
        assert info.description.endswith("."), key  # a sentence for the reader
    assert field_at("jobcoaching.bestaat_niet") is None


def test_values_in_words():
    names = {"oval_keurmerk": "OVAL-keurmerk", "noloc": "Noloc"}
    assert meaning.in_words("jobcoaching.maximale_duur_maanden", 24) == "24 maanden"
    assert meaning.in_words("jobcoaching.maximale_duur_maanden", 12) == "twaalf maanden"
    assert meaning.in_words("jobcoaching.verlenging.toegestaan", True) == "ja"
    assert meaning.in_words("jobcoaching.verlenging.maximale_duur_maanden", None) == "geen verlenging"
    standards = [Kwaliteitseis.oval_keurmerk, Kwaliteitseis.noloc]
    assert meaning.in_words("jobcoaching.kwaliteitseisen", standards, names) == "OVAL-keurmerk of Noloc"
    assert meaning.in_words("jobcoaching.kwaliteitseisen", []) == "geen"
    assert meaning.in_words("jobcoaching.aanbieder", "intern") == "jobcoaches van de gemeente"
    assert meaning.in_words("inwerkingtreding", dt.date(2024, 7, 1)) == "1 juli 2024"
    assert meaning.in_words("artikel_13_loonkostensubsidie.maximale_duur_maanden", None) == "niet opgenomen"


def test_a_group_of_choices_in_words():
    k = choices_with(jobcoaching={"verlenging": {"toegestaan": True, "maximale_duur_maanden": 6}})
    value = meaning.value_of(k, "jobcoaching.verlenging")
    assert meaning.in_words("jobcoaching.verlenging", value) == (
        "verlenging van jobcoaching mogelijk: ja; maximale verlenging van jobcoaching: zes maanden"
    )


def test_titles_and_headings():
    assert meaning.title("jobcoaching.maximale_duur_maanden") == "maximale duur van jobcoaching"
    assert meaning.heading("jobcoaching.maximale_duur_maanden") == "Maximale duur van jobcoaching (maanden)"
    assert meaning.heading("budgetplafond") == "Budgetplafond"
    assert meaning.title("onbekend.pad") == "onbekend.pad"
