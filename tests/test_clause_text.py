"""The wording of the clause library: what the legal review (tiers 1, 2 and 4) found wrong stays fixed.

Each test builds real ordinances from the library and reads the text a raad would adopt.
"""

from __future__ import annotations

import re

import pytest
import yaml

from verordening.choicefile.reader import load_choices
from verordening.choicefile.schema import Choices
from verordening.engine.assemble import assemble
from verordening.engine.document import Ordinance
from verordening.runs.build import render_all

from .conftest import EXAMPLES, ROOT, choices_with

LIBRARY = ROOT / "src" / "verordening" / "model_clauses"


def _variants() -> list[Choices]:
    """The examples plus the choices that switch optional text on or off."""
    base = choices_with().jobcoaching.model_dump()
    return [load_choices(p) for p in EXAMPLES] + [
        # a municipal jobcoach needs a standard a single jobcoach can meet (noloc)
        choices_with(jobcoaching={**base, "aanbieder": "intern", "kwaliteitseisen": ["oval_keurmerk", "noloc"]}),
        choices_with(jobcoaching={**base, "aanbieder": "beide", "kwaliteitseisen": []}),
        choices_with(persoonlijke_ondersteuning={"subsidie_werkgever": False}, budgetplafond=False),
        choices_with(artikel_13_loonkostensubsidie={"opnemen": False}),
        choices_with(clientenraad={"afgezien": "er is geen cliëntenraad"}),
    ]


VARIANTS = _variants()


def _markdown(choices: Choices) -> str:
    rendered = render_all(choices)
    return rendered.files[f"{rendered.ordinance.slug}.md"].decode("utf-8")


def _toelichting(ordinance: Ordinance, label: str) -> str:
    return " ".join(p.text or " ".join(p.bullets) for p in ordinance.article(label).toelichting)


def _general(ordinance: Ordinance) -> str:
    return " ".join(p.text or " ".join(p.bullets) for p in ordinance.toelichting_algemeen)


@pytest.mark.parametrize("choices", VARIANTS, ids=lambda c: f"{c.gemeente}")
def test_no_interpreter_is_offered_anywhere(choices: Choices):
    # A tolk or schrijftolk for a person with an auditory impairment is UWV's tolkvoorziening
    # (art. 10g), which art. 7 takes out of the college's duty in every version of the Act.
    assert not re.search(r"tolk", _markdown(choices), re.IGNORECASE)


@pytest.mark.parametrize("choices", VARIANTS, ids=lambda c: f"{c.gemeente}")
def test_numbers_up_to_twenty_are_written_in_words(choices: Choices):
    text = _markdown(choices)
    assert not re.search(r"\b([1-9]|1\d|20) (maand|maanden|week|weken|dag|dagen|jaar)\b", text)


def test_aanhef_names_the_college_and_the_advisory_body():
    aanhef = assemble(load_choices(ROOT / "municipalities" / "nijkerk.yaml")).aanhef
    assert any(
        line.startswith("gelezen het voorstel van het college van burgemeester en wethouders van") for line in aanhef
    )
    assert "gezien het advies van de Sociaaldomeinraad van 1 mei 2023;" in aanhef


def test_definitions_describe_the_voorzieningen_themselves_and_are_alphabetical():
    definities = assemble(choices_with()).article("begrippen").leden[0].onderdelen
    terms = [o.text.split(":")[0] for o in definities]
    assert terms == sorted(terms)
    assert {"intermediaire activiteit", "mantelzorg", "meeneembare voorziening", "werkvoorziening"} <= set(terms)
    # No definition rests on art. 8a, tweede lid (addressed to the raad), and none defines two things.
    assert not [o.text for o in definities if "8a, tweede lid" in o.text or "te weten" in o.text]
    by_term = {o.text.split(":")[0]: o.text for o in definities}
    assert by_term["werkvoorziening"] == "werkvoorziening: een intermediaire activiteit of een meeneembare voorziening;"


def test_an_option_to_provide_is_worded_as_a_power():
    lid = next(lid for lid in assemble(choices_with()).article("algemene_bepalingen").leden if lid.label == "vorm")
    assert lid.text.startswith("Het college kan een voorziening verstrekken in natura,")


def test_third_parties_get_no_direct_duties():
    ordinance = assemble(choices_with())
    aanbieder = next(lid for lid in ordinance.article("participatieplaats").leden if lid.label == "aanbieder")
    assert aanbieder.text.startswith("Het college biedt een participatieplaats alleen aan bij een organisatie die")
    plichten = next(lid for lid in ordinance.article("loonkostensubsidie").leden if lid.label == "verplichtingen")
    assert plichten.text.startswith("Het college verbindt aan de verlening van loonkostensubsidie")
    assert len(plichten.onderdelen) == 2


def test_the_forfaitaire_route_has_no_conditions_beyond_the_act():
    # R7: art. 10d, eerste lid, onderdeel b, needs only agreement with the employer.
    ordinance = assemble(choices_with())
    route = next(lid for lid in ordinance.article("loonkostensubsidie").leden if lid.label == "route").text
    assert "artikel 10d, eerste lid, onderdeel b, van de wet" in route
    assert "in gevaar" not in route and "inwerkperiode" not in route
    assert "geen eigen voorwaarden" in _toelichting(ordinance, "loonkostensubsidie")


def test_the_start_date_rule_leaves_the_six_month_application_of_10d_2_intact():
    ordinance = assemble(choices_with())
    lid = next(lid for lid in ordinance.article("loonkostensubsidie").leden if lid.label == "ingangsdatum")
    assert lid.text.endswith("tenzij het gaat om een aanvraag als bedoeld in artikel 10d, tweede lid, van de wet.")


def test_continued_support_reaches_school_leavers_of_10d_2():
    # R8: art. 8a, tweede lid, onderdeel g, names the persons of art. 10d, tweede lid, too.
    article = assemble(choices_with()).article("persoonlijke_ondersteuning")
    leden = {lid.label: lid for lid in article.leden}
    assert "artikel 10d, tweede lid, van de wet" in leden["aanspraak"].text
    voortgezet = {o.label: o.text for o in leden["voortgezet"].onderdelen}
    for school in ("het praktijkonderwijs", "het voortgezet speciaal onderwijs", "de entreeopleiding"):
        assert school in voortgezet["schoolverlaters"]
    assert "aanbieder" not in leden  # merged into "vorm" (review, tier 4, item 8)


@pytest.mark.parametrize("aanbieder", ["extern", "intern", "beide"])
def test_jobcoaching_in_natura_and_by_subsidy_is_one_lid(aanbieder: str):
    base = choices_with().jobcoaching.model_dump()
    eisen = [*base["kwaliteitseisen"], "noloc"]  # own jobcoaches need a standard a single jobcoach can meet
    jobcoaching = {**base, "aanbieder": aanbieder, "kwaliteitseisen": eisen}
    article = assemble(choices_with(jobcoaching=jobcoaching)).article("persoonlijke_ondersteuning")
    vorm = next(lid for lid in article.leden if lid.label == "vorm").text
    assert vorm.startswith("Het college verstrekt jobcoaching in natura door een jobcoach in te zetten die")
    assert "door subsidie als bedoeld in artikel" in vorm
    werkbegeleiding = next(lid for lid in article.leden if lid.label == "werkbegeleiding").text
    assert "subsidie" not in werkbegeleiding  # the subsidy is regulated once, in its own article


def test_premie_reasoning_follows_article_31_and_is_marked_as_own_choice():
    # R4 / I1: 31 lid 2 onder j frees a one- or two-time premie per calendar year; two 10a premies use it up.
    text = _toelichting(assemble(choices_with()), "premie_participatieplaats")
    assert "een- of tweemalige premie" in text
    assert "andere helft blijft beschikbaar" not in text
    assert "niet meer onder de vrijlating" in text
    assert "De hoogte van een vierde deel is niet aan het VNG-model ontleend" in text


def test_own_choices_are_not_presented_as_the_model():
    ordinance = assemble(choices_with())
    general = _general(ordinance)
    assert "is gebaseerd op de Model Re-integratieverordening Participatiewet" in general
    assert "volgt de Model" not in general
    assert "De volgende bepalingen zijn niet aan het model ontleend" in general
    for label in (
        "proefplaatsing",
        "lks_buiten_doelgroep",
        "premie_participatieplaats",
        "scheiding_handhaving_begeleiding",
    ):
        assert "niet aan het VNG-model ontleend" in _toelichting(ordinance, label) or (
            "niet aan het model ontleend" in _toelichting(ordinance, label)
        ), label


def test_quality_standards_make_no_unsourced_claims():
    # I5: the VNG model text itself was not available; what is verified is the VNG FAQ.
    text = (LIBRARY / "kwaliteitseisen.yaml").read_text(encoding="utf-8")
    assert "VNG-model noemt" not in text
    assert "die bij OVAL zijn aangesloten, beschikken over" not in text
    entries = yaml.safe_load(text)
    assert all("VNG-model" not in e["toelichting"] for e in entries.values())


def test_article_47_is_described_as_a_duty_to_regulate():
    general = _general(assemble(choices_with()))
    assert "Artikel 47 van de wet verplicht de raad bij verordening te regelen op welke wijze" in general
    assert "verplicht de gemeente" not in general


def test_the_official_title_of_the_breed_offensief_act():
    general = _general(assemble(choices_with()))
    assert (
        "Wet van 30 november 2022 tot wijziging van de Participatiewet en enkele andere wetten in verband met het "
        "verbeteren van de regeling voor loonkostensubsidie en enkele andere wijzigingen (uitvoeren breed offensief) "
        "(Stb. 2022, 499)"
    ) in general


def test_adoption_two_days_before_entry_into_force_names_the_last_publication_day():
    text = _toelichting(assemble(choices_with()), "inwerkingtreding")  # vastgesteld 29-06, in werking 01-07
    assert "De bekendmaking vindt daarom uiterlijk plaats op 30 juni 2023, kort na de vaststelling" in text


def test_entry_into_force_on_the_day_of_adoption_is_called_retroactive():
    adopted = {"datum": "2023-09-14", "voorstel_datum": "2023-05-16", "voorstel_nummer": "RV-2023-041"}
    choices = choices_with(vaststelling=adopted, inwerkingtreding="2023-09-14")
    text = _toelichting(assemble(choices), "inwerkingtreding")
    assert "zij werkt dan terug tot en met 14 september 2023" in text


def test_extension_of_jobcoaching_says_when_it_starts_and_that_it_runs_on():
    article = assemble(choices_with()).article("duur_jobcoaching")
    termijn = next(lid for lid in article.leden if lid.label == "verlenging_termijn").text
    assert "Elke verlenging loopt aaneengesloten." in termijn


# --- The text per version of the Act (the version in force on the peildatum) ---------------------


def _nijkerk_in_force(inwerkingtreding: str, vastgesteld: str) -> Choices:
    data = load_choices(ROOT / "municipalities" / "nijkerk.yaml").model_dump()
    data.update(jaar=int(inwerkingtreding[:4]), inwerkingtreding=inwerkingtreding)
    data["vaststelling"] = {**data["vaststelling"], "datum": vastgesteld}
    return Choices.model_validate(data)


V2023 = _nijkerk_in_force("2023-07-01", "2023-06-29")
V2024 = _nijkerk_in_force("2024-03-01", "2024-02-20")
V2027 = _nijkerk_in_force("2027-01-01", "2026-12-10")


def _lid(ordinance: Ordinance, label: str, lid: str):
    return next((x for x in ordinance.article(label).leden if x.label == lid), None)


def _definition(ordinance: Ordinance, term: str) -> str:
    definities = ordinance.article("begrippen").leden[0].onderdelen
    return next(o.text for o in definities if o.text.startswith(f"{term}:"))


@pytest.mark.parametrize("choices", [V2023, V2024, V2027], ids=["2023", "2024", "2027"])
def test_no_interpreter_in_any_version(choices: Choices):
    assert not re.search(r"tolk", _markdown(choices), re.IGNORECASE)


def test_2023_text_keeps_the_law_of_then():
    ordinance = assemble(V2023)
    assert ordinance.law.valid_from.isoformat() == "2023-07-01"
    assert "visuele of motorische handicap" in _definition(ordinance, "intermediaire activiteit")
    assert _lid(ordinance, "werkvoorzieningen", "uwv") is None
    assert _lid(ordinance, "vervoersvoorziening", "uwv") is None
    assert "artikel 10f van de wet" in ordinance.article("ondersteuning_arbeidsinschakeling").plain_text
    assert "artikel 7, achtste lid, van de wet" in _toelichting(ordinance, "participatieplaats")
    assert "artikel 7a" not in _markdown(V2023)


@pytest.mark.parametrize("choices", [V2024, V2027], ids=["2024", "2027"])
def test_from_2024_visual_impairment_is_uwv_s(choices: Choices):
    # Art. 8a, tweede lid, onderdeel f, onder 1° and 2°, and art. 10h (Stb. 2023, 443), from 1 January 2024.
    ordinance = assemble(choices)
    assert _definition(ordinance, "intermediaire activiteit").count("een persoon met een motorische beperking") == 1
    assert "visuele of motorische" not in _markdown(choices)
    assert _lid(ordinance, "werkvoorzieningen", "uwv").text == (
        "Dit artikel is niet van toepassing op een werkvoorziening als bedoeld in artikel 10h van de wet."
    )
    assert _lid(ordinance, "vervoersvoorziening", "uwv").text == (
        "Dit artikel is niet van toepassing op een persoon met een visuele beperking."
    )
    lid = {"2024-01-01": "tiende", "2026-01-01": "negende"}[ordinance.law.valid_from.isoformat()]
    assert f"Artikel 7, {lid} lid, van de wet neemt beide voorzieningen uit de taak van het college" in _toelichting(
        ordinance, "werkvoorzieningen"
    )


def test_2026_text_covers_the_persons_of_article_7a():
    # Art. 7a and art. 8a, eerste lid, onderdeel a (Stb. 2025, 210), from 1 January 2026.
    ordinance = assemble(V2027)
    assert ordinance.law.valid_from.isoformat() == "2026-01-01"
    markdown = _markdown(V2027)
    assert "visuele" not in " ".join(a.plain_text for a in ordinance.articles if a.label != "vervoersvoorziening")
    definitions = next(lid for lid in ordinance.article("begrippen").leden if lid.label == "definities")
    doelgroep = next(o for o in definitions.onderdelen if o.label == "doelgroep")
    assert doelgroep.text == "doelgroep:"
    assert [(s.label, s.text) for s in doelgroep.subs] == [
        ("artikel_7", "de personen, bedoeld in artikel 7, eerste lid, onderdeel a, van de wet, en"),
        (
            "artikel_7a",
            "de personen aan wie het college op grond van artikel 7a van de wet ondersteuning kan aanbieden;",
        ),
    ]
    assert "artikel 7a, eerste lid," in _definition(ordinance, "voorziening")
    soorten = ordinance.article("ondersteuning_arbeidsinschakeling").plain_text
    assert "artikel 10f" not in soorten and "artikel 7a, derde lid, van de wet" in soorten
    assert "achtste lid" not in _toelichting(ordinance, "participatieplaats")
    assert "artikel 7, derde lid, onderdeel a" in _toelichting(ordinance, "participatieplaats")
    assert "https://wetten.overheid.nl/BWBR0015703/2026-01-01" in markdown
    assert "3.398,00" in _toelichting(ordinance, "premie_participatieplaats")


def test_2024_text_does_not_yet_know_article_7a():
    ordinance = assemble(V2024)
    assert "7a" not in _definition(ordinance, "doelgroep")
    assert "artikel 10f van de wet" in ordinance.article("ondersteuning_arbeidsinschakeling").plain_text
