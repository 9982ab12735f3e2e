"""The one formatter of numbers and references, and the one walker of the document model."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from verordening.engine import citations
from verordening.engine.document import Lid, Onderdeel, Sub, walk
from verordening.errors import BuildError


def test_numerals_per_level():
    assert [citations.numeral(0, 2), citations.numeral(1, 1), citations.numeral(2, 3)] == ["2.", "a.", "3°"]
    assert citations.numeral(0, None) == ""  # the single lid of an article has no number


def test_letters_run_past_z_without_gaps():
    assert [citations.letter(n) for n in (1, 2, 26, 27, 28, 52, 53)] == ["a", "b", "z", "aa", "ab", "az", "ba"]


@given(st.integers(1, 2000), st.integers(1, 2000))
def test_letters_are_distinct_and_keep_their_order(a, b):
    la, lb = citations.letter(a), citations.letter(b)
    assert (la == lb) == (a == b)
    # Shorter letter groups come first, then alphabetical: the order a reader expects.
    assert ((len(la), la) < (len(lb), lb)) == (a < b)


def test_citations_absolute_and_relative():
    assert citations.cite(5, 2, 1) == "artikel 5, tweede lid, onderdeel a"
    assert citations.cite(5, 2, 1, 3) == "artikel 5, tweede lid, onderdeel a, onder 3°"
    assert citations.cite("12a") == "artikel 12a"
    assert citations.cite(5, None, 2) == "artikel 5, onderdeel b"  # an article with a single lid
    assert citations.cite(None, 3) == "het derde lid"
    assert citations.cite(None, 3, 2) == "het derde lid, onderdeel b"
    assert citations.cite(None, None, 2) == "onderdeel b"
    assert citations.cite() == ""


def test_articles_are_listed_in_article_order():
    assert citations.artikelen([6]) == "artikel 6"
    assert citations.artikelen([9, 6, 7]) == "de artikelen 6, 7 en 9"
    assert citations.artikelen(["13", "12a", 12]) == "de artikelen 12, 12a en 13"
    assert citations.artikelen([6, 7]) == "de artikelen 6 en 7"


def test_inserted_article_numbers():
    assert [citations.next_article_number(n) for n in (12, "12a", "12z")] == ["12a", "12b", "12za"]
    with pytest.raises(BuildError, match="ongeldig artikelnummer"):
        citations.article_number_key("twaalf")


def test_a_lid_beyond_the_ordinal_words_is_an_error_not_a_crash():
    assert citations.ordinal(20) == "twintigste"
    with pytest.raises(BuildError, match="meer dan 20 leden"):
        citations.ordinal(21)


def test_walk_is_reading_order_with_paths():
    tree = [
        Lid("l1", "een:", 1, [Onderdeel("o1", "a", 1, [Sub(None, "sub", 1)]), Onderdeel(None, "b", 2)]),
        Lid("l2", "twee", 2),
    ]
    elements = list(walk(tree))
    assert [e.text for e in elements] == ["een:", "a", "sub", "b", "twee"]
    assert [e.depth for e in elements] == [0, 1, 2, 1, 0]
    assert [e.numeral for e in elements] == ["1.", "a.", "1°", "b.", "2."]
    assert all(e.lid is tree[0] for e in elements[:4]) and elements[4].lid is tree[1]
    assert elements[2].cite(9) == "artikel 9, eerste lid, onderdeel a, onder 1°"
    assert elements[3].cite() == "het eerste lid, onderdeel b"
    assert elements[4].cite() == "het tweede lid"
