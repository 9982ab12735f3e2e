"""The content real ordinances choose (issue 14): delegation, premie, proefplaats, article 13,
werkervaringsplaats and hours of jobcoaching. Each key changes the text; the checklist stays right."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from verordening.engine.assemble import assemble
from verordening.engine.checklist import compute
from verordening.engine.document import Ordinance
from verordening.engine.library import load_library

from .conftest import choices_with

DELEGATIONS = ("algemene_bepalingen", "beschut_werk", "subsidie_werkgever", "werkvoorzieningen", "vervoersvoorziening")


def _lid(ordinance: Ordinance, label: str, lid: str) -> str:
    found = next(x for x in ordinance.article(label).leden if x.label == lid)
    return " ".join([found.text, *(o.text for o in found.children)])


def _toelichting(ordinance: Ordinance, label: str) -> str:
    return " ".join(p.text or " ".join(p.bullets) for p in ordinance.article(label).toelichting)


def _met(ordinance: Ordinance) -> dict[str, bool]:
    return {r.requirement: r.met for r in compute(ordinance).vereisten}


@pytest.mark.parametrize(
    "delegatie, phrase, article, title",
    [
        ("nadere_regels", "Het college kan nadere regels stellen over", None, None),
        ("beleidsregels", "Het college kan beleidsregels vaststellen over", "beleidsregels", "Beleidsregels"),
        (
            "beide",
            "Het college kan nadere regels stellen over",
            "nadere_regels_en_beleidsregels",
            "Nadere regels en beleidsregels",
        ),
    ],
)
def test_delegation_to_the_college(delegatie, phrase, article, title):
    o = assemble(choices_with(delegatie=delegatie))
    for label in DELEGATIONS:
        assert _lid(o, label, "nadere_regels").startswith(phrase), label
    labels = {a.label for a in o.articles}
    assert not labels & ({"beleidsregels", "nadere_regels_en_beleidsregels"} - {article})
    if article:
        assert o.article(article).title == title and o.article(article).chapter == "2"
        assert "artikel 4:84" in _toelichting(o, article) and "artikel 1:3, vierde lid" in _toelichting(o, article)
        assert "geen voorwaarde die de wet of deze verordening niet stelt" in " ".join(o.article(article).texts())
    # the ordinance itself still regulates what art. 8a asks: the checklist does not move
    assert _met(o) == _met(assemble(choices_with()))


def test_no_requirement_rests_on_a_delegation():
    elements = {e for r in load_library().requirements for a in r.aspects for e in a.elements}
    assert not {e for e in elements if e.endswith((".nadere_regels", ".eisen_bij_nadere_regels"))}
    assert not {e.split(".")[0] for e in elements} & {"beleidsregels", "nadere_regels_en_beleidsregels"}


def test_delegation_typo_is_refused():
    with pytest.raises(ValidationError):
        choices_with(delegatie="beleidsregel")
