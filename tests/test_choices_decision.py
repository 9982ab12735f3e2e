"""The decision data real ordinances carry (issue 14): title, entry into force, retroactive effect, aanhef.

Each key changes the text the raad adopts, and where it matters the checklist's procedure findings.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from pydantic import ValidationError

from verordening.engine.assemble import assemble
from verordening.engine.checklist import compute
from verordening.engine.document import Ordinance

from .conftest import choices_with

LATE = {"datum": "2024-02-22", "voorstel_datum": "2024-01-16", "voorstel_nummer": "RV-2024-007"}


def _article(ordinance: Ordinance, label: str) -> str:
    a = ordinance.article(label)
    return " ".join(" ".join([lid.text, *(o.text for o in lid.children)]) for lid in a.leden)


def _toelichting(ordinance: Ordinance, label: str) -> str:
    return " ".join(p.text or " ".join(p.bullets) for p in ordinance.article(label).toelichting)


def _procedure(choices):
    return {p.requirement: p for p in compute(assemble(choices)).procedure}


def test_titel_is_the_citeertitel_everywhere():
    titel = "Re-integratieverordening Participatiewet, IOAW en IOAZ Nijkerk 2023"
    o = assemble(choices_with(titel=titel))
    assert o.citeertitel == titel
    assert _article(o, "citeertitel") == f"Deze verordening wordt aangehaald als: {titel}."
    assert o.aanhef[-1] == titel
    assert "zelf gekozen" in _toelichting(o, "citeertitel")
    assert assemble(choices_with()).citeertitel == "Re-integratieverordening Participatiewet Nijkerk 2023"


def test_titel_ending_in_a_full_stop_is_refused():
    with pytest.raises(ValidationError, match="zonder leesteken aan het eind"):
        choices_with(titel="Verordening Participatiewet Nijkerk 2023.")


def test_raadsvoorstel_without_a_number():
    o = assemble(choices_with(vaststelling={"datum": "2023-06-29", "voorstel_datum": "2023-05-16"}))
    assert o.aanhef[1] == "gelezen het voorstel van het college van burgemeester en wethouders van 16 mei 2023;"
    assert ", nummer RV-2023-041;" in assemble(choices_with()).aanhef[1]


def test_vaststelling_before_the_act_was_published_is_refused():
    with pytest.raises(ValidationError, match="Stb. 2022, 499"):
        choices_with(vaststelling={"datum": "2022-11-30", "voorstel_datum": "2022-10-01"})


def test_dag_na_bekendmaking_in_the_article_and_the_checklist():
    k = choices_with(vaststelling=LATE, inwerkingtreding="dag_na_bekendmaking")
    o = assemble(k)
    assert _article(o, "inwerkingtreding") == (
        "Deze verordening treedt in werking met ingang van de dag na die van haar bekendmaking."
    )
    assert "nooit in werking voordat zij is bekendgemaakt" in _toelichting(o, "inwerkingtreding")
    # the peildatum is the day of adoption: the text of the Act the raad decides on
    assert k.peildatum == dt.date(2024, 2, 22) and compute(o).law.valid_from == dt.date(2024, 1, 1)
    assert _procedure(k)["bekendmaking"].status == "in_orde"  # never before the publication


def test_retroactive_effect_in_the_article_with_its_safeguard():
    k = choices_with(vaststelling=LATE, inwerkingtreding="dag_na_bekendmaking", terugwerkende_kracht_tot="2023-07-01")
    o = assemble(k)
    lid1, lid2 = (lid.text for lid in o.article("inwerkingtreding").leden)
    assert lid1 == (
        "Deze verordening treedt in werking met ingang van de dag na die van haar bekendmaking en werkt terug tot en "
        "met 1 juli 2023."
    )
    assert lid2.startswith("Voor zover deze verordening voor een persoon of een werkgever nadeliger is")
    why = _toelichting(o, "inwerkingtreding")
    assert "beginsel van rechtszekerheid" in why and "ten gunste van inwoners en werkgevers" in why
    assert "Besluiten die in die periode op grond van de Re-integratieverordening Participatiewet Nijkerk 2015" in why
    assert "werkt terug tot en met 1 juli 2023" in " ".join(p.text or "" for p in o.toelichting_algemeen)
    assert k.werking_vanaf == dt.date(2023, 7, 1)


def test_retroactive_effect_across_a_change_of_the_act_is_a_warning():
    # Adopted in 2024 (text of 1 January 2024), back to 1 July 2023: for the second half of 2023 the text
    # excludes the visually impaired the college still had to serve then.
    k = choices_with(vaststelling=LATE, inwerkingtreding="dag_na_bekendmaking", terugwerkende_kracht_tot="2023-07-01")
    found = _procedure(k)["terugwerkende kracht"]
    assert found.status == "waarschuwing"
    assert "1 januari 2024" in found.reason and "visuele beperking" in found.reason and ".." not in found.reason


def test_retroactive_effect_within_one_version_of_the_act_is_a_note():
    late_2023 = {"datum": "2023-11-16", "voorstel_datum": "2023-10-10"}
    k = choices_with(
        vaststelling=late_2023, inwerkingtreding="dag_na_bekendmaking", terugwerkende_kracht_tot="2023-07-01"
    )
    found = _procedure(k)["terugwerkende kracht"]
    assert found.status == "opmerking" and "strenger" in found.reason
    # the text follows the Act of 1 July 2023 over the whole period: nothing to explain about another text
    assert "een andere tekst van de wet gold" not in _toelichting(assemble(k), "inwerkingtreding")
    assert "terugwerkende kracht" not in _procedure(choices_with())


def test_a_retroactive_date_in_force_skips_the_publication_warning():
    k = choices_with(
        vaststelling={"datum": "2023-08-31", "voorstel_datum": "2023-08-01"},
        inwerkingtreding="2023-09-01",
        terugwerkende_kracht_tot="2023-07-01",
    )
    assert _procedure(k)["bekendmaking"].status == "in_orde"
    assert _procedure(choices_with(inwerkingtreding="2023-07-01"))["bekendmaking"].status == "waarschuwing"


@pytest.mark.parametrize(
    "changes, words",
    [
        ({"terugwerkende_kracht_tot": "2023-06-30"}, "op of na 2023-07-01"),
        (
            {"vaststelling": LATE, "inwerkingtreding": "2024-02-22", "terugwerkende_kracht_tot": "2024-02-22"},
            "vóór de inwerkingtreding (2024-02-22)",
        ),
        ({"terugwerkende_kracht_tot": "2023-06-30", "wet": {"peildatum": "2023-07-01"}}, "op of na 2023-07-01"),
        (
            {"vaststelling": LATE, "inwerkingtreding": "dag_na_bekendmaking", "terugwerkende_kracht_tot": "2024-03-01"},
            "op of vóór de vaststelling (2024-02-22)",
        ),
        ({"inwerkingtreding": "dag_na_bekendmaking"}, "vóór 30 juni 2023"),
    ],
)
def test_retroactive_dates_out_of_order_are_refused(changes, words):
    with pytest.raises(ValidationError, match=re.escape(words)):
        choices_with(**changes)


def test_advice_known_only_by_its_date():
    # Veendam 2024: "gelet op het advies van de Participatieraad van 16 mei 2024"; the request date is not known.
    raad = {
        "naam": "Participatieraad",
        "advies_ontvangen": "2023-05-01",
        "grondslag": "Verordening cliëntenparticipatie sociaal domein Nijkerk 2022",
    }
    k = choices_with(clientenraad=raad)
    o = assemble(k)
    assert "gezien het advies van de Participatieraad van 1 mei 2023;" in o.aanhef
    general = " ".join(p.text or "" for p in o.toelichting_algemeen)
    assert "de Verordening cliëntenparticipatie sociaal domein Nijkerk 2022." in general
    assert "De Participatieraad heeft op 1 mei 2023 advies uitgebracht" in general and "gevraagd op" not in general
    found = _procedure(k)["47"]
    assert found.status == "in_orde" and found.reason == "advies van de Participatieraad uitgebracht op 1 mei 2023"
    assert found.citation.endswith("in samenhang met de Verordening cliëntenparticipatie sociaal domein Nijkerk 2022")


def test_the_participation_ordinance_is_named_when_no_advice_was_asked():
    raad = {"afgezien": "er is geen cliëntenraad", "grondslag": "Verordening cliëntenparticipatie Nijkerk 2020"}
    found = _procedure(choices_with(clientenraad=raad))["47"]
    assert (
        found.status == "waarschuwing" and "ga na of de Verordening cliëntenparticipatie Nijkerk 2020" in found.reason
    )


GELET_OP = "gelet op artikel 8a, eerste lid, aanhef en onderdelen a, c, d en e, en tweede lid, en artikel 10b, "


def _gelet_op(ordinance: Ordinance) -> str:
    return next(line for line in ordinance.aanhef if line.startswith("gelet op"))


def test_ioaw_and_ioaz_in_the_gelet_op_the_definitions_and_the_participatieplaats():
    # Art. 36 IOAW/IOAZ: the aanspraak follows the ordinance of art. 8a Pw; art. 38a: the participatieplaats
    # (texts of 2023-07-01 and 2026-07-01, regelrecht-corpus). Art. 35 is about other ordinances.
    o = assemble(choices_with(reikwijdte={"ioaw_ioaz": True}))
    assert _gelet_op(o) == (
        GELET_OP + "zevende lid, van de Participatiewet, de artikelen 36 en 38a van de Wet inkomensvoorziening oudere "
        "en gedeeltelijk arbeidsongeschikte werkloze werknemers en de artikelen 36 en 38a van de Wet "
        "inkomensvoorziening oudere en gedeeltelijk arbeidsongeschikte gewezen zelfstandigen;"
    )
    definitions = [u.text for u in o.article("begrippen").leden[0].children]
    assert (
        "IOAW: de Wet inkomensvoorziening oudere en gedeeltelijk arbeidsongeschikte werkloze werknemers;" in definitions
    )
    terms = [d.split(":")[0].lower() for d in definitions]
    assert terms == sorted(terms)  # still alphabetical
    assert "algemene bijstand of een uitkering op grond van de IOAW of de IOAZ ontvangt" in _article(
        o, "participatieplaats"
    )
    assert "artikel 38a van die wetten" in _toelichting(o, "participatieplaats")
    # ending a voorziening: the IOAW/IOAZ benefit beside the bijstand, and its own ordinance (art. 35, onderdeel a)
    ending = _article(o, "beeindiging")
    assert "geen bijstand of uitkering op grond van de IOAW of de IOAZ meer ontvangt" in ending
    assert (
        "of de uitkering op grond van de IOAW of de IOAZ te verlagen overeenkomstig de verordening, bedoeld in "
        "artikel 35, onderdeel a, van die wetten." in ending
    )
    plain = assemble(choices_with())
    assert _gelet_op(plain) == GELET_OP + "zevende lid, van de Participatiewet;"
    assert "IOAW" not in _article(plain, "begrippen") + _article(plain, "participatieplaats")
    assert "IOAW" not in _article(plain, "beeindiging") + _toelichting(plain, "beeindiging")


def test_a_higher_number_of_beschut_werk_places_with_the_order_of_placement():
    o = assemble(choices_with(beschut_werk={"hoger_aantal": 40}))
    assert _gelet_op(o) == GELET_OP + "vijfde en zevende lid, van de Participatiewet;"
    text = _article(o, "beschut_werk")
    assert "ten minste 40 dienstbetrekkingen beschut werk, of het hogere aantal" in text
    assert "in de volgorde van de datum waarop het heeft vastgesteld" in text
    assert o.article("beschut_werk").basis.startswith("artikel 8a, eerste lid, onderdeel e, en artikel 10b, vijfde en")
    assert "De raad heeft dat gedaan" in _toelichting(o, "beschut_werk")
    # the budget ceiling spares beschut werk up to the higher number too
    exemptions = _article(o, "middelen")
    assert f"vierde lid, van de wet of artikel {o.article('beschut_werk').number}, vierde lid," in exemptions
    assert "deze verordening doet dat niet" in _toelichting(assemble(choices_with()), "beschut_werk")


@pytest.mark.parametrize("value", [0, -1, 10_001, "veertig", 40.5, True])
def test_a_higher_number_must_be_a_count(value):
    with pytest.raises(ValidationError):
        choices_with(beschut_werk={"hoger_aantal": value})
