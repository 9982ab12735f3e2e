"""The OVAL scorecard per ask: met only when the choice is made and the text says it."""

from __future__ import annotations

from verordening.choicefile.reader import load_choices
from verordening.engine.assemble import assemble
from verordening.engine.document import Article, Chapter, Lid, Onderdeel, Ordinance
from verordening.engine.scorecard import score
from verordening.engine.textfilters import maanden

from .conftest import ROOT, choices_with

EISEN = {
    "oval_keurmerk": {
        "naam": "OVAL-keurmerk",
        "omschrijving": "de jobcoach werkt bij een organisatie met het OVAL-keurmerk",
    },
    "uwv_erkenningskader": {"naam": "Erkenning door UWV", "omschrijving": "de jobcoachorganisatie is door UWV erkend"},
    "eigen_eisen": {"naam": "Eigen eisen", "omschrijving": "de jobcoach voldoet aan de volgende gemeentelijke eisen:"},
}
SEPARATION = Article(
    "scheiding",
    17,
    "Scheiding van handhaving en begeleiding",
    "4",
    "x",
    [],
    [],
    [
        Lid(
            "scheiding",
            "Het college draagt er zorg voor dat jobcoaching niet wordt gegeven door iemand die:",
            1,
            [
                Onderdeel(None, "beslist over het recht op bijstand;", "a"),
                Onderdeel(None, "belast is met het toezicht op de naleving van de verplichtingen.", "b"),
            ],
        )
    ],
    [],
)


def _quality(*omschrijvingen: str) -> Article:
    return Article(
        "kwaliteitseisen",
        15,
        "Kwaliteitseisen jobcoaching",
        "4",
        "x",
        [],
        [],
        [
            Lid(
                None,
                "Het college zet uitsluitend een jobcoach in die voldoet aan:",
                None,
                [Onderdeel(None, o, chr(97 + i)) for i, o in enumerate(omschrijvingen)],
            )
        ],
        [],
    )


def _duration(base: int, extra: int | None) -> Article:
    leden = [Lid("maximale_duur", f"Jobcoaching wordt verstrekt voor ten hoogste {maanden(base)}.", 1)]
    if extra:
        leden.append(
            Lid(
                "verlenging", f"Het college kan de jobcoaching verlengen met in totaal ten hoogste {maanden(extra)}.", 2
            )
        )
    return Article("duur_jobcoaching", 16, "Duur", "4", "x", [], [], leden, [])


def _ordinance(articles: list[Article], **jobcoaching: object) -> Ordinance:
    base = {
        "kwaliteitseisen": ["oval_keurmerk"],
        "maximale_duur_maanden": 24,
        "verlenging": {"toegestaan": False},
        "scheiding_handhaving_begeleiding": False,
        "aanbieder": "extern",
    }
    choices = choices_with(jobcoaching={**base, **jobcoaching})
    return Ordinance(choices, "x", choices.citeertitel, [], [Chapter("4", 1, "H", "3A", articles)], [])


def _ask(ordinance: Ordinance, key: str):
    return next(a for a in score(ordinance, EISEN) if a.key == key)


def test_separation_met_when_chosen_and_in_the_text() -> None:
    result = _ask(_ordinance([SEPARATION], scheiding_handhaving_begeleiding=True), "scheiding")
    assert result.met and "artikel 17" in result.reason


def test_separation_chosen_without_article_is_not_met() -> None:
    result = _ask(_ordinance([_quality()], scheiding_handhaving_begeleiding=True), "scheiding")
    assert not result.met and "geen artikel" in result.reason


def test_separation_not_chosen() -> None:
    result = _ask(_ordinance([_quality()]), "scheiding")
    assert not result.met and "niet gekozen" in result.reason


def test_quality_met_with_national_standard_in_text() -> None:
    ordinance = _ordinance(
        [_quality(EISEN["uwv_erkenningskader"]["omschrijving"])], kwaliteitseisen=["uwv_erkenningskader"]
    )
    result = _ask(ordinance, "kwaliteit")
    assert result.met and "Erkenning door UWV" in result.reason and "artikel 15" in result.reason


def test_quality_own_requirements_only_is_not_met() -> None:
    ordinance = _ordinance(
        [_quality(EISEN["eigen_eisen"]["omschrijving"] + " mbo 4")],
        kwaliteitseisen=["eigen_eisen"],
        eigen_eisen="mbo 4",
    )
    result = _ask(ordinance, "kwaliteit")
    assert not result.met and "eigen eisen" in result.reason


def test_quality_none_chosen_is_not_met() -> None:
    result = _ask(_ordinance([_quality()], kwaliteitseisen=[]), "kwaliteit")
    assert not result.met and "geen kwaliteitseisen" in result.reason


def test_quality_chosen_but_missing_from_text_is_not_met() -> None:
    result = _ask(_ordinance([_quality("iets anders")]), "kwaliteit")
    assert not result.met and "niet in de tekst" in result.reason


def test_maatwerk_extension_beyond_two_years() -> None:
    ordinance = _ordinance([_duration(24, 12)], verlenging={"toegestaan": True, "maximale_duur_maanden": 12})
    result = _ask(ordinance, "maatwerk")
    assert result.met and "36 maanden" in result.reason and "artikel 16" in result.reason


def test_maatwerk_longer_base_duration() -> None:
    result = _ask(_ordinance([_duration(36, None)], maximale_duur_maanden=36), "maatwerk")
    assert result.met and "36 maanden" in result.reason


def test_maatwerk_two_years_without_extension_is_not_met() -> None:
    result = _ask(_ordinance([_duration(24, None)]), "maatwerk")
    assert not result.met and "zonder verlenging" in result.reason


def test_maatwerk_extension_that_stays_within_two_years_is_not_met() -> None:
    ordinance = _ordinance(
        [_duration(12, 12)], maximale_duur_maanden=12, verlenging={"toegestaan": True, "maximale_duur_maanden": 12}
    )
    result = _ask(ordinance, "maatwerk")
    assert not result.met and "samen 24 maanden" in result.reason


def test_maatwerk_chosen_but_text_lacks_extension_is_not_met() -> None:
    ordinance = _ordinance([_duration(24, None)], verlenging={"toegestaan": True, "maximale_duur_maanden": 12})
    result = _ask(ordinance, "maatwerk")
    assert not result.met and "noemt" in result.reason


def test_real_library_nijkerk_meets_all_three() -> None:
    # The Nijkerk example chooses separation, OVAL/Blik op Werk and 24 + 12 months.
    results = score(assemble(load_choices(ROOT / "municipalities" / "nijkerk.yaml")))
    assert [r.met for r in results] == [True, True, True], [r.reason for r in results]
