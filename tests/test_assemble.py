"""Selection, numbering and cross-references, on a tiny clause library and on the real one."""

from __future__ import annotations

import re

import pytest

from verordening.engine.assemble import assemble
from verordening.engine.library import load_library
from verordening.errors import BuildError

from .conftest import article, choices_with, write_library


@pytest.fixture
def small(tmp_path):
    return load_library(
        write_library(
            tmp_path / "lib",
            {
                "a": article(
                    "a",
                    """
            [lid:een] Zie {{ ref("c", "tweede", "y") }}, {{ ref("a", "tweede") }}{% if included("b") %} en {{ ref("b") }}{% endif %}.
            [lid:tweede] Lijst:
            [onderdeel] x;
            [onderdeel:y] y:
            [sub] een;
            [sub:s2] twee.
            """,
                    order=10,
                ),
                "b": article("b", "Optioneel.", order=20, when="k.artikel_13_loonkostensubsidie.opnemen"),
                "c": article(
                    "c",
                    """
            [lid] Eerste.
            [lid:tweede] Tweede:
            [onderdeel:x] x;
            [onderdeel:y] y, zie {{ ref("c", "tweede", "x") }} en {{ refs("a", "c") }}.
            """,
                    chapter="2",
                ),
            },
        )
    )


def test_numbers_articles_leden_onderdelen_and_subs(small):
    o = assemble(choices_with(), small)
    assert [a.number for a in o.articles] == [1, 2, 3]
    a = o.article("a")
    assert [lid.number for lid in a.leden] == [1, 2]
    assert [od.letter for od in a.leden[1].onderdelen] == ["a", "b"]
    assert [s.number for s in a.leden[1].onderdelen[1].subs] == [1, 2]
    assert [(e.depth, e.numeral) for e in a.elements()][-4:] == [(1, "a."), (1, "b."), (2, "1°"), (2, "2°")]
    assert [c.number for c in o.chapters] == [1, 2]


def test_references_are_written_in_words(small):
    o = assemble(choices_with(), small)
    assert o.article("a").leden[0].text == "Zie artikel 3, tweede lid, onderdeel b, het tweede lid en artikel 2."
    assert o.article("c").leden[1].onderdelen[1].text == "y, zie onderdeel a en de artikelen 1 en 3."


def test_leaving_out_an_optional_article_renumbers_and_references_follow(small):
    o = assemble(choices_with(artikel_13_loonkostensubsidie={"opnemen": False}), small)
    assert [(a.label, a.number) for a in o.articles] == [("a", 1), ("c", 2)]
    assert o.article("c").leden[1].onderdelen[1].text == "y, zie onderdeel a en de artikelen 1 en 2."


def test_leaving_out_an_optional_article_drops_the_guarded_reference(small):
    o = assemble(choices_with(artikel_13_loonkostensubsidie={"opnemen": False}), small)
    assert o.article("a").leden[0].text == "Zie artikel 2, tweede lid, onderdeel b, het tweede lid."


def test_reference_to_a_left_out_article_is_a_build_error(tmp_path):
    lib = load_library(
        write_library(
            tmp_path / "lib",
            {
                "a": article("a", 'Zie {{ ref("b") }}.'),
                "b": article("b", "Optioneel.", order=20, when="k.artikel_13_loonkostensubsidie.opnemen"),
            },
        )
    )
    with pytest.raises(BuildError, match="artikel 'b'.*niet in de verordening"):
        assemble(choices_with(artikel_13_loonkostensubsidie={"opnemen": False}), lib)


def test_reference_to_an_unknown_label_names_the_template(tmp_path):
    lib = load_library(write_library(tmp_path / "lib", {"a": article("a", 'Zie {{ ref("bestaat_niet") }}.')}))
    with pytest.raises(BuildError, match=r"a\.j2.*onbekend artikel 'bestaat_niet'"):
        assemble(choices_with(), lib)


def test_reference_to_an_unknown_lid_is_a_build_error(tmp_path):
    lib = load_library(
        write_library(tmp_path / "lib", {"a": article("a", '[lid] Zie {{ ref("a", "weg") }}.\n[lid] Tweede.')})
    )
    with pytest.raises(BuildError, match="lid 'weg'"):
        assemble(choices_with(), lib)


def test_single_lid_article_has_no_lid_number(tmp_path):
    lib = load_library(write_library(tmp_path / "lib", {"a": article("a", "Enige lid.")}))
    assert assemble(choices_with(), lib).article("a").leden[0].number is None


def test_user_text_cannot_create_structure_or_references(tmp_path):
    lib = load_library(
        write_library(tmp_path / "lib", {"a": article("a", "[lid] Eis: {{ k.intrekking }}\n[lid] Twee.")})
    )
    # The schema refuses private-use characters (choicefile/fields.py); the engine stays safe without it.
    o = assemble(choices_with().model_copy(update={"intrekking": "[lid] x \ue000a\ue001 {{ 7*7 }}\n[lid:y] z"}), lib)
    assert len(o.article("a").leden) == 2
    assert o.article("a").leden[0].text == "Eis: [lid] x a {{ 7*7 }} [lid:y] z"


# The real clause library -------------------------------------------------------------

# "artikel 3:2" (Awb) and "artikel 1.1.1" (Wmo 2015) are numbered in another regulation's style.
_REF = re.compile(r"\b[Aa]rtikel(?:en)? (\d+)([a-z]?)\b(?![:.]\d)")
# "artikel 31, tweede lid, onderdeel j, van de wet" and "artikel 35, onderdeel a, van die wetten" (IOAW, IOAZ)
# cite another regulation, not this one.
_EXTERNAL = re.compile(r"(?:,? (?:\w+ lid|onderdeel \w+|onder \d+°|aanhef|en \d+[a-z]?))*,? van (?:de|het|die) ")


def internal_refs(text: str) -> list[int]:
    # a letter suffix ("artikel 45a") only occurs in other regulations: this one is numbered 1..N
    return [int(m.group(1)) for m in _REF.finditer(text) if not m.group(2) and not _EXTERNAL.match(text, m.end())]


@pytest.mark.parametrize("opnemen", [True, False])
def test_real_library_numbering_is_contiguous_with_and_without_article_13(opnemen):
    art13 = {"opnemen": True, "maximale_duur_maanden": 12} if opnemen else {"opnemen": False}
    o = assemble(choices_with(artikel_13_loonkostensubsidie=art13))
    numbers = [a.number for a in o.articles]
    assert numbers == list(range(1, len(numbers) + 1))
    assert ("lks_buiten_doelgroep" in {a.label for a in o.articles}) is opnemen
    for a in o.articles:
        for text in a.texts():
            for n in internal_refs(text):
                assert 1 <= n <= len(numbers), f"artikel {a.number} verwijst naar artikel {n}"


def test_real_library_article_13_shifts_later_articles_by_one():
    with13 = assemble(choices_with(artikel_13_loonkostensubsidie={"opnemen": True, "maximale_duur_maanden": 6}))
    without = assemble(choices_with(artikel_13_loonkostensubsidie={"opnemen": False}))
    n13 = with13.article("lks_buiten_doelgroep").number
    for a in without.articles:
        expected = with13.article(a.label).number
        assert a.number == (expected - 1 if expected > n13 else expected)


def test_reference_opening_a_sentence_is_capitalised_but_not_in_an_onderdeel(tmp_path):
    lib = load_library(
        write_library(
            tmp_path / "lib",
            {
                "a": article(
                    "a",
                    """
            [lid] {{ ref("b") }} geldt. {{ ref("b") }} ook.
            [lid] Bij:
            [onderdeel] {{ ref("b") }} van toepassing.
            """,
                ),
                "b": article("b", "Tekst.", order=20),
            },
        )
    )
    a = assemble(choices_with(), lib).article("a")
    assert a.leden[0].text == "Artikel 2 geldt. Artikel 2 ook."
    assert a.leden[1].onderdelen[0].text == "artikel 2 van toepassing."


def test_reference_with_a_lid_is_closed_by_a_comma_when_the_sentence_continues(tmp_path):
    lib = load_library(
        write_library(
            tmp_path / "lib",
            {
                "a": article(
                    "a",
                    '[lid:x] Op b is {{ ref("b", "twee") }} van toepassing; zie ook {{ ref("b", "twee") }}.\n[lid] Y.',
                ),
                "b": article("b", "[lid] Een.\n[lid:twee] Twee.", order=20),
            },
        )
    )
    text = assemble(choices_with(), lib).article("a").leden[0].text
    assert text == "Op b is artikel 2, tweede lid, van toepassing; zie ook artikel 2, tweede lid."


def test_broken_clause_library_gives_a_dutch_error_naming_the_file(tmp_path):
    from verordening.errors import ClauseError

    root = write_library(tmp_path / "lib", {"a": article("a", "{% if %}kapot")})
    with pytest.raises(ClauseError, match=r"a\.j2:\d+: fout in de modelbepaling"):
        load_library(root)
    (root / "artikelen" / "a.j2").unlink()
    (root / "aanhef.j2").unlink()
    with pytest.raises(ClauseError, match=r"aanhef\.j2: dit bestand van de modelbepalingen ontbreekt"):
        load_library(root)


def test_references_are_located_for_renderers(small):
    o = assemble(choices_with(), small)
    lid = o.article("a").leden[0]
    assert [(lid.text[a:b], n) for a, b, n in lid.refs] == [("artikel 3", 3), ("artikel 2", 2)]
    onderdeel = o.article("c").leden[1].onderdelen[1]
    assert [(onderdeel.text[a:b], n) for a, b, n in onderdeel.refs] == [("1", 1), ("3", 3)]


def test_real_library_locates_exactly_the_written_references():
    o = assemble(choices_with())
    for art in o.articles:
        for lid in art.leden:
            for a, b, n in lid.refs:
                assert lid.text[a:b] in (f"artikel {n}", f"Artikel {n}", str(n))
    # the toelichting cites the law as "(artikel 10, derde lid)": that is not a reference to artikel 10 here
    law = [
        (b, refs)
        for p in o.toelichting_algemeen
        for b, refs in zip(p.bullets, p.bullet_refs)
        if "(artikel 10, derde lid)" in b
    ]
    assert law and all(not refs for _, refs in law)
