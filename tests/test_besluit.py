"""The ordinance as the griffie uploads it for the Gemeenteblad: a concept says so, only an adopted text
states its adoption, and nothing in it speaks to the raad (UX review, defects 1 and 4)."""

from __future__ import annotations

import io
import re

import pytest
from docx import Document

from verordening.engine.assemble import assemble
from verordening.engine.checklist import compute
from verordening.render.docx import render
from verordening.render.markdown import render as markdown
from verordening.runs.build import BuildOptions

from .conftest import EXAMPLES, choices_with, load_choices

# Sentences addressed to the raad, or weighing the municipality's own choice, found in the toelichting
# by the UX review; they belong in the raadsvoorstel's Kanttekeningen.
TO_THE_RAAD = re.compile(
    r"moet de raad|de raad zich afvragen|De raad beoordeelt|kennis kunnen nemen|betrekt de raad het|"
    r"OVAL pleit ervoor|buurgemeenten|Aanbevolen wordt|voldoet zij niet|vraagt echter",
)


def docx(choices, template=None) -> Document:
    ordinance = assemble(choices)
    return Document(io.BytesIO(render(ordinance, compute(ordinance), BuildOptions(template=template))))


def header_texts(doc: Document) -> list[str]:
    return [p.text for p in doc.sections[0].header.paragraphs]


def test_a_concept_says_so_on_every_page_and_leaves_date_and_names_open():
    doc = docx(choices_with())
    assert header_texts(doc) == ["CONCEPT"]
    texts = [p.text for p in doc.paragraphs]
    assert "Aldus besloten in de openbare vergadering van de raad van de gemeente Nijkerk van [datum]." in texts
    assert not any(t.startswith("Aldus vastgesteld") for t in texts)
    assert sum("[naam]" in t for t in texts) == 1  # one line with a name placeholder per signatory, side by side


def test_only_an_adopted_text_states_its_adoption():
    doc = docx(choices_with(status="vastgesteld"))
    assert header_texts(doc) == [""]  # the header keeps its one paragraph, without a mark
    texts = [p.text for p in doc.paragraphs]
    assert "Aldus vastgesteld in de openbare vergadering van de raad van de gemeente Nijkerk van 29 juni 2023." in texts


def test_a_template_header_keeps_its_text_and_gets_the_mark_below_it(tmp_path):
    template = Document()
    template.sections[0].header.paragraphs[0].text = "Gemeente Nijkerk"
    path = tmp_path / "huisstijl.docx"
    template.save(path)
    assert header_texts(docx(choices_with(), path)) == ["Gemeente Nijkerk", "CONCEPT"]
    assert header_texts(docx(choices_with(status="vastgesteld"), path)) == ["Gemeente Nijkerk"]


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_the_published_text_holds_nothing_addressed_to_the_raad(path):
    text = markdown(assemble(load_choices(path)))
    assert not TO_THE_RAAD.search(text)
    assert "Controlelijst" not in text and "Bijlage" not in text


@pytest.mark.parametrize(
    "changes",
    [
        {"clientenraad": {"afgezien": "De adviesraad heeft laten weten geen advies uit te brengen."}},
        {"clientenraad": {"advies_gevraagd": "2023-04-03"}},
        {"jobcoaching": {"kwaliteitseisen": []}},
        {"jobcoaching": {"kwaliteitseisen": ["eigen_eisen"], "eigen_eisen": "De jobcoach is HBO-opgeleid."}},
        {"persoonlijke_ondersteuning": {"subsidie_werkgever": False}},
        {"jobcoaching": {"kwaliteitseisen": ["noloc"], "maximale_duur_maanden": 24}},
    ],
    ids=["afgezien", "geen-advies-ontvangen", "geen-eisen", "eigen-eisen", "geen-subsidie", "geen-verlenging"],
)
def test_no_choice_puts_a_sentence_for_the_raad_into_the_toelichting(changes):
    text = markdown(assemble(choices_with(**changes)))
    assert not TO_THE_RAAD.search(text)
    assert ".." not in text  # a reason ending in a full stop gets no second one
