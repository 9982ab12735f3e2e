"""The four example files modelled on kinds of real ordinances (issue 14): what each must show.

municipalities/voorbeeld-*.yaml: retroactive effect (Oirschot), IOAW/IOAZ scope with its own title
(Meierijstad), an advisory body named with its participation ordinance and only the date of its advice
(Oldambt), beleidsregels with hours of jobcoaching in the ordinance (Lansingerland). The choices are
invented; the golden files (tests/golden/voorbeeld-*.md) hold the whole text.
"""

from __future__ import annotations

import pytest

from verordening.choicefile.reader import load_choices
from verordening.engine.assemble import assemble
from verordening.engine.checklist import compute
from verordening.engine.document import Ordinance

from .conftest import ROOT

FOLDER = ROOT / "municipalities"
KINDS = ("oirschot", "meierijstad", "oldambt", "lansingerland")


def _build(kind: str) -> tuple[Ordinance, object]:
    ordinance = assemble(load_choices(FOLDER / f"voorbeeld-{kind}.yaml"))
    return ordinance, compute(ordinance)


def _article(ordinance: Ordinance, label: str) -> list[str]:
    return [" ".join([lid.text, *(o.text for o in lid.children)]) for lid in ordinance.article(label).leden]


def _procedure(checklist) -> dict[str, object]:
    return {p.requirement: p for p in checklist.procedure}


@pytest.mark.parametrize("kind", KINDS)
def test_each_example_is_marked_numbered_and_meets_the_act(kind):
    lines = (FOLDER / f"voorbeeld-{kind}.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# yaml-language-server: $schema=keuzebestand.schema.json"
    assert lines[1].startswith("# VOORBEELD — fictief keuzebestand, gemodelleerd naar ")
    ordinance, checklist = _build(kind)
    assert [a.number for a in ordinance.articles] == list(range(1, len(ordinance.articles) + 1))
    assert checklist.all_met, [r.requirement for r in checklist.unmet]


def test_retroactive_example():
    ordinance, checklist = _build("oirschot")
    assert _article(ordinance, "inwerkingtreding")[0] == (
        "Deze verordening treedt in werking met ingang van de dag na die van haar bekendmaking en werkt terug tot en "
        "met 1 juli 2023."
    )
    why = " ".join(p.text or "" for p in ordinance.article("inwerkingtreding").toelichting)
    assert "ten gunste van inwoners en werkgevers" in why
    # the text follows the Act of 1 January 2024; the toelichting says what the safeguard covers before it
    assert "de wet volgt zoals die geldt vanaf 1 januari 2024, terwijl over de periode van 1 juli 2023" in why
    assert "tot 1 januari 2024 verstrekte het college ook de werkvoorzieningen" in why
    found = _procedure(checklist)
    assert found["bekendmaking"].status == "in_orde"  # the day after publication is never before it
    # adopted in 2024 with the text of 1 January 2024, back to 1 July 2023: the period before that text
    assert (
        found["terugwerkende kracht"].status == "waarschuwing"
        and "1 januari 2024" in found["terugwerkende kracht"].reason
    )


def test_ioaw_ioaz_example():
    ordinance, _ = _build("meierijstad")
    assert ordinance.citeertitel == "Re-integratieverordening Participatiewet, IOAW en IOAZ Meierijstad 2023"
    gelet_op = next(line for line in ordinance.aanhef if line.startswith("gelet op"))
    assert "artikel 10b, vijfde en zevende lid, van de Participatiewet, de artikelen 36 en 38a van de Wet " in gelet_op
    assert gelet_op.endswith(
        "de artikelen 36 en 38a van de Wet inkomensvoorziening oudere en gedeeltelijk "
        "arbeidsongeschikte gewezen zelfstandigen;"
    )
    assert "ten minste 45 dienstbetrekkingen beschut werk" in " ".join(_article(ordinance, "beschut_werk"))


def test_named_advisory_body_example():
    ordinance, checklist = _build("oldambt")
    assert ordinance.aanhef[1] == "gelezen het voorstel van het college van burgemeester en wethouders van 28 mei 2024;"
    assert "gezien het advies van de Participatieraad Oldambt van 16 mei 2024;" in ordinance.aanhef
    found = _procedure(checklist)
    assert found["47"].status == "in_orde" and "gevraagd" not in found["47"].reason
    assert found["47"].citation.endswith("Verordening cliëntenparticipatie sociaal domein Oldambt 2022")
    assert found["bekendmaking"].status == "in_orde"


def test_beleidsregels_with_hour_regimes_example():
    ordinance, checklist = _build("lansingerland")
    labels = [a.label for a in ordinance.articles]
    assert "beleidsregels" in labels
    text = " ".join(" ".join(_article(ordinance, label)) for label in labels)
    assert "beleidsregels" in text and "nadere regels" not in text
    duur = ordinance.article("duur_jobcoaching")
    e1 = next(r for r in checklist.vereisten if r.requirement == "8a-2-e-1")
    # the intensity is met by the ordinance's own regimes, not by a power of the college
    assert f"artikel {duur.number}, tweede lid" in e1.elements
    assert "intensief: 100 uur in de eerste periode van zes maanden" in _article(ordinance, "duur_jobcoaching")[1]
