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


def _article_text(ordinance: Ordinance, label: str) -> str:
    return " ".join(ordinance.article(label).texts())


@pytest.mark.parametrize(
    "bedrag, words",
    [
        (450, "Ook twee premies in één kalenderjaar (€ 900) blijven daarbinnen"),
        (1700, "twee premies in één kalenderjaar (€ 3.400) gaan er samen boven"),
        (3500, "De premie gaat zelf al boven dat bedrag uit"),
    ],
)
def test_premie_as_an_amount_with_its_relation_to_the_exemption(bedrag, words):
    o = assemble(choices_with(participatieplaats={"premie": {"bedrag": bedrag}}))
    amount = f"€ {bedrag:,}".replace(",", ".")
    assert _lid(o, "premie_participatieplaats", "hoogte") == (
        f"De premie, bedoeld in artikel 10a, zesde lid, van de wet, bedraagt {amount} per periode van zes maanden."
    )
    why = _toelichting(o, "premie_participatieplaats")
    assert words in why and "€ 2.979,00" in why  # the maximum of the version in force (2023-07-01)
    assert "keuze van de gemeente en niet aan het VNG-model ontleend" in why and "vierde deel" not in why
    default = assemble(choices_with())
    assert "een vierde deel van het bedrag" in _lid(default, "premie_participatieplaats", "hoogte")
    assert _met(o)["8a-2-b"] and _met(o) == _met(default)


def test_proefplaats_conditions_follow_the_choices():
    text = _article_text(assemble(choices_with()), "proefplaatsing")
    assert "een dienstbetrekking aan te gaan voor ten minste zes maanden, als" in text
    assert "niet eerder in dezelfde of een vergelijkbare functie" in text and "zonder gegronde reden" in text
    loose = assemble(
        choices_with(proefplaats={"minimale_duur_dienstbetrekking_maanden": None, "uitsluitingsgronden": []})
    )
    toestemming = loose.article("proefplaatsing").leden[0]
    assert [o.text for o in toestemming.children][
        -1
    ] == "de werkzaamheden niet leiden tot verdringing van reguliere arbeid."
    assert "een dienstbetrekking aan te gaan, als de persoon geschikt blijkt" in toestemming.children[0].text
    assert "De verordening stelt geen minimumduur" in _toelichting(loose, "proefplaatsing")
    twelve = assemble(choices_with(proefplaats={"minimale_duur_dienstbetrekking_maanden": 12}))
    assert "voor ten minste twaalf maanden" in _article_text(twelve, "proefplaatsing")
    assert _met(loose)["8a-2-d"] and _met(twelve)["8a-2-d"]


def test_article_13_cap_and_minimum_contract():
    a13 = {"opnemen": True, "maximale_duur_maanden": 12, "maximaal_percentage_wml": 70}
    o = assemble(choices_with(artikel_13_loonkostensubsidie={**a13, "minimale_duur_dienstbetrekking_maanden": None}))
    text = _article_text(o, "lks_buiten_doelgroep")
    assert "ten hoogste 70 procent van het wettelijk minimumloon" in text and "ten minste zes maanden" not in text
    assert "Dat maximum ligt boven de 50 procent" in _toelichting(o, "lks_buiten_doelgroep")
    default = _article_text(assemble(choices_with()), "lks_buiten_doelgroep")
    assert "ten hoogste 50 procent" in default and "een duur heeft van ten minste zes maanden" in default
    nine = assemble(choices_with(artikel_13_loonkostensubsidie={**a13, "minimale_duur_dienstbetrekking_maanden": 9}))
    assert "een duur heeft van ten minste negen maanden" in _article_text(nine, "lks_buiten_doelgroep")


def test_article_13_values_only_when_included():
    with pytest.raises(ValidationError, match="artikel 13 wordt niet opgenomen"):
        choices_with(artikel_13_loonkostensubsidie={"opnemen": False, "maximaal_percentage_wml": 70})
    with pytest.raises(ValidationError):
        choices_with(
            artikel_13_loonkostensubsidie={"opnemen": True, "maximale_duur_maanden": 6, "maximaal_percentage_wml": 0}
        )


def test_werkervaringsplaats_article_with_a_maximum():
    o = assemble(choices_with(voorzieningen={"werkervaringsplaats": {"maximale_duur_maanden": 6}}))
    article = o.article("werkervaringsplaats")
    assert article.number == o.article("ondersteuning_arbeidsinschakeling").number + 1
    text = " ".join(article.texts())
    assert "Een werkervaringsplaats duurt ten hoogste zes maanden." in text
    assert f"toestemming geven voor een proefplaats als bedoeld in artikel {o.article('proefplaatsing').number}" in text
    assert "twee maanden, met een verlenging van ten hoogste vier maanden" in _toelichting(o, "werkervaringsplaats")
    assert "werkervaringsplaats_voorwaarden" not in {
        lid.label for lid in o.article("ondersteuning_arbeidsinschakeling").leden
    }
    numbers = [a.number for a in o.articles]
    assert numbers == list(range(1, len(numbers) + 1))
    plain = assemble(choices_with())
    assert "werkervaringsplaats" not in {a.label for a in plain.articles}
    assert "werkervaringsplaats_voorwaarden" in {
        lid.label for lid in plain.article("ondersteuning_arbeidsinschakeling").leden
    }


@pytest.mark.parametrize(
    "changes",
    [
        {"participatieplaats": {"premie": {"bedrag": 0}}},
        {"participatieplaats": {"premie": {"bedrag": "450"}}},
        {"proefplaats": {"uitsluitingsgronden": ["eerder_zelfde_functie", "eerder_zelfde_functie"]}},
        {"proefplaats": {"minimale_duur_dienstbetrekking_maanden": 0}},
        {"voorzieningen": {"werkervaringsplaats": {"maximale_duur_maanden": 36}}},
        {"voorzieningen": {"werkervaringsplaats": {"maximale_duur_maanden": 0}}},
    ],
)
def test_bad_instrument_values_are_refused(changes):
    with pytest.raises(ValidationError):
        choices_with(**changes)


REGIMES = [
    {"naam": "licht", "uren_eerste_halfjaar": 40, "uren_volgend_halfjaar": 20},
    {"naam": "intensief", "uren_eerste_halfjaar": 120, "uren_volgend_halfjaar": 60},
]


def _with_regimes(regimes, **changes):
    jobcoaching = {**choices_with().jobcoaching.model_dump(), "intensiteit": {"regimes": regimes}}
    return choices_with(jobcoaching=jobcoaching, **changes)


def test_hour_regimes_in_the_ordinance_meet_the_intensity_requirement():
    o = assemble(_with_regimes(REGIMES))
    assert _lid(o, "duur_jobcoaching", "regimes") == (
        "Jobcoaching wordt verstrekt in een van de volgende regimes, met ten hoogste het genoemde aantal uren "
        "jobcoaching per periode van zes maanden: licht: 40 uur in de eerste periode van zes maanden en 20 uur in "
        "elke volgende periode van zes maanden; intensief: 120 uur in de eerste periode van zes maanden en 60 uur in "
        "elke volgende periode van zes maanden."
    )
    assert "intensiteit" not in {lid.label for lid in o.article("duur_jobcoaching").leden}
    assert "Het college kan nadere regels stellen over de toepassing van de regimes." in _lid(
        o, "duur_jobcoaching", "regime_keuze"
    )
    why = _toelichting(o, "duur_jobcoaching")
    # the values are the municipality's, never the model's
    assert "artikel 14h, tweede lid" in why and "door de gemeente gekozen en niet aan het model ontleend" in why
    e1 = next(r for r in compute(o).vereisten if r.requirement == "8a-2-e-1")
    number = o.article("duur_jobcoaching").number
    assert e1.met and f"artikel {number}, tweede lid" in e1.elements  # the regimes lid itself
    default = assemble(choices_with())
    e1_default = next(r for r in compute(default).vereisten if r.requirement == "8a-2-e-1")
    assert e1_default.met and "regimes" not in {lid.label for lid in default.article("duur_jobcoaching").leden}


def test_a_library_without_the_regimes_lid_turns_e1_red_for_regimes(tmp_path):
    # The checklist proves structure: remove the regimes lid from a copy of the library and the
    # intensity aspect is unmet for a choice file with regimes (the old lid is not there either).
    import shutil

    from verordening.engine.library import clauses_dir

    root = tmp_path / "bibliotheek"
    shutil.copytree(clauses_dir(), root)
    path = root / "artikelen" / "4_060_duur_jobcoaching.j2"
    path.write_text(path.read_text(encoding="utf-8").replace("[lid:regimes]", "[lid:uren]"), encoding="utf-8")
    library = load_library(root)
    o = assemble(_with_regimes(REGIMES), library, toelichting=False)  # its toelichting cites the lid
    e1 = next(r for r in compute(o, library).vereisten if r.requirement == "8a-2-e-1")
    assert not e1.met and "intensiteit" in e1.reason


@pytest.mark.parametrize(
    "regimes",
    [
        [{"naam": "licht", "uren_eerste_halfjaar": 0, "uren_volgend_halfjaar": 20}],
        [{"naam": "licht", "uren_eerste_halfjaar": 40, "uren_volgend_halfjaar": 2000}],
        [{"naam": "licht", "uren_eerste_halfjaar": 40}],
        [REGIMES[0], {**REGIMES[1], "naam": "Licht"}],
        [{"naam": "", "uren_eerste_halfjaar": 40, "uren_volgend_halfjaar": 20}],
        [REGIMES[0]] * 7,
    ],
)
def test_bad_regimes_are_refused(regimes):
    with pytest.raises(ValidationError):
        _with_regimes(regimes)


def test_regimes_survive_nieuw_and_bewerk(tmp_path):
    # A list of groups is written by `nieuw` as YAML blocks and left alone by `bewerk` (edited in the file).
    from verordening.advisor import commented
    from verordening.advisor.editor.document import ChoiceDocument
    from verordening.choicefile.reader import load_choices

    k = _with_regimes(REGIMES)
    path = tmp_path / "k.yaml"
    path.write_text(commented.render(k.model_dump()), encoding="utf-8")
    assert "    regimes:\n      - naam: licht\n        uren_eerste_halfjaar: 40\n" in path.read_text(encoding="utf-8")
    assert load_choices(path) == k
    document = ChoiceDocument(path.read_text(encoding="utf-8"))
    document.apply({**k.model_dump(), "jobcoaching": {**k.jobcoaching.model_dump(), "intensiteit": {}}})
    path.write_text(document.text(), encoding="utf-8")
    assert load_choices(path).jobcoaching.intensiteit.regimes == k.jobcoaching.intensiteit.regimes
