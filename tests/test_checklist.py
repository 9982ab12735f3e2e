"""The art. 8a, tweede lid, and art. 47 checklist: computed from text and choices."""

from __future__ import annotations

import json

import pytest

from verordening.choicefile.reader import load_choices
from verordening.engine.assemble import assemble
from verordening.engine.checklist import compute
from verordening.engine.library import load_library
from verordening.runs.build import render_all

from .conftest import article, choices_with, write_library

REQUIRED = {"8a-2-a", "8a-2-b", "8a-2-c", "8a-2-d", "8a-2-e-1", "8a-2-e-2", "8a-2-f", "8a-2-g", "47"}


def by_id(choices):
    return {r.requirement: r for r in compute(assemble(choices))}


def test_every_example_meets_every_requirement(example):
    results = compute(assemble(load_choices(example)))
    assert REQUIRED <= {r.requirement for r in results}
    assert [r.requirement for r in results if not r.met] == []
    for r in results:
        if r.requirement != "47":
            assert r.articles, r.requirement


def test_articles_listed_are_the_ones_that_regulate_it():
    o = assemble(choices_with())
    results = {r.requirement: r for r in compute(o)}
    assert results["8a-2-e-2"].articles == [o.article("kwaliteitseisen").number]
    assert results["8a-2-d"].articles == [o.article("proefplaatsing").number]
    assert o.article("vervoersvoorziening").number in results["8a-2-f"].articles


def test_no_quality_standard_turns_e2_red():
    r = by_id(choices_with(jobcoaching={"kwaliteitseisen": [], "maximale_duur_maanden": 24}))["8a-2-e-2"]
    assert not r.met
    assert "kwaliteitseis" in r.reason


def test_no_subsidy_to_the_employer_turns_e1_red():
    results = by_id(choices_with(persoonlijke_ondersteuning={"subsidie_werkgever": False}))
    assert not results["8a-2-e-1"].met
    assert "subsidie" in results["8a-2-e-1"].reason
    assert all(r.met for rid, r in results.items() if rid != "8a-2-e-1")


@pytest.mark.parametrize(
    "raad, expected",
    [
        ({"advies_gevraagd": "2023-04-03"}, "nog niet ontvangen"),
        ({"afgezien": "spoedeisend; de raad vergaderde vóór de adviestermijn verstreek"}, "niet om advies gevraagd"),
    ],
)
def test_clientenraad_without_received_advice_is_red(raad, expected):
    r = by_id(choices_with(clientenraad=raad))["47"]
    assert not r.met
    assert expected in r.reason


def test_checklist_reads_the_rendered_text_not_a_declaration(tmp_path):
    """An article that claims a requirement but lacks the evidence in its text does not meet it."""
    reqs = '- {id: x, citation: c, summary: s, evidence: ["subsidie"]}\n'
    lib = load_library(
        write_library(
            tmp_path / "lib",
            {
                "a": article("a", "Het college verstrekt ondersteuning in natura.", regulates="[x]"),
            },
            requirements=reqs,
        )
    )
    [result] = compute(assemble(choices_with(), lib), lib)
    assert not result.met and result.articles == [1] and "subsidie" in result.reason


def test_checklist_json_has_the_documented_shape():
    rendered = render_all(choices_with())
    data = json.loads(rendered.files["checklist.json"])
    assert {"requirement", "met", "articles", "reason"} <= set(data[0])
    assert {d["requirement"] for d in data} >= REQUIRED
