"""The number convention of the clause library (textfilters.getal / maanden)."""

from __future__ import annotations

import pytest

from verordening.engine.textfilters import getal, maanden


@pytest.mark.parametrize(
    ("n", "words"),
    [(1, "één"), (6, "zes"), (12, "twaalf"), (18, "achttien"), (20, "twintig"), (21, "21"), (24, "24"), (120, "120")],
)
def test_numbers_up_to_twenty_in_words_larger_in_digits(n, words):
    assert getal(n) == words


def test_months():
    assert maanden(1) == "één maand"
    assert maanden(12) == "twaalf maanden"
    assert maanden(36) == "36 maanden"
