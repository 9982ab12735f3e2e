"""Property tests: any valid choice file across the whole option space builds a consistent ordinance."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verordening.choicefile.municipalities import all_municipalities
from verordening.choicefile.schema import AdviesCliëntenraad, Choices, Kwaliteitseis
from verordening.engine.assemble import assemble
from verordening.engine.checklist import compute
from verordening.engine.textfilters import REF_CLOSE, REF_OPEN
from verordening.render import markdown as render_markdown
from verordening.runs.build import render_all

from .test_amend_roundtrip import _providers
from .test_assemble import internal_refs

# Free text with the characters that could do harm if text were ever treated as markup or template.
_FREE = st.text(alphabet="abcdeéëz ABC019.,;:-'\"{}%<>[]&*_#|\\", min_size=1, max_size=40).filter(lambda s: s.strip())
_DAY = dt.timedelta(days=1)


@st.composite
def choice_files(draw: st.DrawFn) -> dict:
    vastgesteld = draw(st.dates(dt.date(2023, 1, 1), dt.date(2030, 12, 31)))
    data: dict = {
        "gemeente": draw(st.sampled_from([m.naam for m in all_municipalities()])),
        "jaar": draw(st.integers(2023, 2031)),
        "vaststelling": {
            "datum": vastgesteld,
            "voorstel_datum": vastgesteld - draw(st.integers(0, 90)) * _DAY,
        },
        # an ordinance under the Breed offensief text enters into force on 1 July 2023 or later
        "inwerkingtreding": max(vastgesteld + draw(st.integers(0, 365)) * _DAY, dt.date(2023, 7, 1)),
    }
    if draw(st.booleans()):  # a raadsvoorstel without a number is named by its date alone
        data["vaststelling"]["voorstel_nummer"] = draw(_FREE)
    if draw(st.booleans()):
        data["titel"] = draw(_FREE).rstrip(".;: ") or "Verordening"
    if vastgesteld > dt.date(2023, 7, 1) and draw(st.booleans()):  # adopted late: working back (issue 14)
        data["inwerkingtreding"] = draw(st.sampled_from(["dag_na_bekendmaking", vastgesteld + _DAY]))
        data["terugwerkende_kracht_tot"] = draw(st.dates(dt.date(2023, 7, 1), vastgesteld))
    elif vastgesteld >= dt.date(2023, 6, 30) and draw(st.booleans()):
        data["inwerkingtreding"] = "dag_na_bekendmaking"
    if draw(st.booleans()):  # any version of the Participatiewet, also past the newest known
        data["wet"] = {"peildatum": draw(st.dates(dt.date(2023, 7, 1), dt.date(2031, 12, 31)))}
    if draw(st.booleans()):
        gevraagd = vastgesteld - draw(st.integers(0, 120)) * _DAY
        raad: dict = {"advies_gevraagd": gevraagd}
        if draw(st.booleans()):
            raad["advies_ontvangen"] = min(gevraagd + draw(st.integers(0, 60)) * _DAY, vastgesteld)
            if draw(st.booleans()):  # only the date of the advice is known
                del raad["advies_gevraagd"]
        if draw(st.booleans()):
            raad["grondslag"] = draw(_FREE)
        if draw(st.booleans()):
            raad["naam"] = draw(st.sampled_from(["cliëntenraad", "Adviesraad Sociaal Domein", "participatieraad"]))
        data["clientenraad"] = raad
    else:
        data["clientenraad"] = {"afgezien": draw(_FREE)}
    eisen = draw(st.lists(st.sampled_from(list(Kwaliteitseis)), unique=True))
    jobcoaching: dict = {
        "kwaliteitseisen": [e.value for e in eisen],
        "maximale_duur_maanden": draw(st.integers(1, 120)),
        "scheiding_handhaving_begeleiding": draw(st.booleans()),
        "aanbieder": draw(st.sampled_from(_providers(eisen))),
    }
    if Kwaliteitseis.eigen_eisen in eisen:
        jobcoaching["eigen_eisen"] = draw(_FREE)
    if draw(st.booleans()):
        jobcoaching["verlenging"] = {"toegestaan": True, "maximale_duur_maanden": draw(st.integers(1, 120))}
    if draw(st.booleans()):
        names = draw(st.lists(st.sampled_from(["licht", "midden", "intensief", "zwaar"]), min_size=1, unique=True))
        jobcoaching["intensiteit"] = {
            "regimes": [
                {
                    "naam": n,
                    "uren_eerste_halfjaar": draw(st.integers(1, 1040)),
                    "uren_volgend_halfjaar": draw(st.integers(1, 1040)),
                }
                for n in names
            ]
        }
    data["jobcoaching"] = jobcoaching
    if draw(st.booleans()):
        data["artikel_13_loonkostensubsidie"] = {
            "opnemen": True,
            "maximale_duur_maanden": draw(st.integers(1, 120)),
            "maximaal_percentage_wml": draw(st.integers(1, 100)),
            "minimale_duur_dienstbetrekking_maanden": draw(st.none() | st.integers(1, 120)),
        }
    data["persoonlijke_ondersteuning"] = {"subsidie_werkgever": draw(st.booleans())}
    data["budgetplafond"] = draw(st.booleans())
    data["reikwijdte"] = {"ioaw_ioaz": draw(st.booleans())}
    data["delegatie"] = draw(st.sampled_from(["nadere_regels", "beleidsregels", "beide"]))
    if draw(st.booleans()):
        data["participatieplaats"] = {"premie": {"bedrag": draw(st.integers(1, 10_000))}}
    if draw(st.booleans()):
        data["proefplaats"] = {
            "minimale_duur_dienstbetrekking_maanden": draw(st.none() | st.integers(1, 120)),
            "uitsluitingsgronden": draw(
                st.lists(
                    st.sampled_from(["eerder_zelfde_functie", "eerdere_proefplaats_zonder_dienstverband"]), unique=True
                )
            ),
        }
    if draw(st.booleans()):
        data["voorzieningen"] = {"werkervaringsplaats": {"maximale_duur_maanden": draw(st.integers(1, 24))}}
    if draw(st.booleans()):
        data["beschut_werk"] = {"hoger_aantal": draw(st.integers(1, 10_000))}
    if draw(st.booleans()):
        data["intrekking"] = draw(_FREE)
    return data


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(choice_files())
def test_every_valid_choice_file_builds_a_consistent_ordinance(data: dict):
    choices = Choices.model_validate(data)
    ordinance = assemble(choices)
    checklist = compute(ordinance)
    markdown = render_markdown.render(ordinance, checklist)

    # Numbering is contiguous: articles 1..N, chapters 1..M, leden 1..n (none when single), onderdelen a, b, ...
    n = len(ordinance.articles)
    assert [a.number for a in ordinance.articles] == list(range(1, n + 1))
    assert [c.number for c in ordinance.chapters] == list(range(1, len(ordinance.chapters) + 1))
    for article in ordinance.articles:
        numbers = [lid.number for lid in article.leden]
        assert numbers == ([None] if len(numbers) == 1 else list(range(1, len(numbers) + 1)))
        for lid in article.leden:
            assert [o.letter for o in lid.onderdelen] == list(_LETTERS[: len(lid.onderdelen)])

    # Every reference resolves to an article of this ordinance.
    assert REF_OPEN not in markdown and REF_CLOSE not in markdown
    assert all(1 <= ref <= n for ref in internal_refs(markdown)), sorted(set(internal_refs(markdown)))
    for result in checklist.vereisten:
        assert all(1 <= a <= n for a in result.articles)

    # The checklist agrees with the choices and follows the version of the law on the peildatum.
    assert checklist.law.valid_from <= choices.peildatum
    met = {r.requirement: r.met for r in checklist.vereisten}
    assert met["8a-2-e-2"] == bool(choices.jobcoaching.kwaliteitseisen)
    assert met["8a-2-e-1"] == choices.persoonlijke_ondersteuning.subsidie_werkgever
    assert all(ok for rid, ok in met.items() if rid not in ("8a-2-e-1", "8a-2-e-2"))
    raad = choices.clientenraad
    status = {p.requirement: p.status for p in checklist.procedure}["47"]
    if not isinstance(raad, AdviesCliëntenraad):
        assert status == "waarschuwing"
    elif raad.advies_ontvangen is None:
        assert status == "opmerking"

    # Free text is data: it appears in the document as written (escaped for Markdown), never evaluated.
    if choices.jobcoaching.eigen_eisen:
        eigen = re.sub(r"\s+", " ", choices.jobcoaching.eigen_eisen.rstrip(" .;:"))
        assert render_markdown.escape(eigen) in markdown


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(choice_files())
def test_every_format_renders(data: dict):
    rendered = render_all(Choices.model_validate(data))
    assert all(content for content in rendered.files.values())
