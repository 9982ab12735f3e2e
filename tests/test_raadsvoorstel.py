"""The raadsvoorstel beside the ordinance: what the raad weighs lives there, and never in the text it adopts
(UX review, defects 1, 4 and 8)."""

from __future__ import annotations

import io
import re

from docx import Document

from verordening.runs.build import BuildOptions, build_file, render_all

from .conftest import ROOT, choices_with, load_choices

NIJKERK = ROOT / "municipalities" / "nijkerk.yaml"
AFGEZIEN = {"afgezien": "De adviesraad heeft laten weten geen advies uit te brengen."}


def files_of(choices) -> dict[str, bytes]:
    rendered = render_all(choices)
    return rendered.files


def section(md: str, title: str) -> str:
    """The text of one `## title` section of the Markdown."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", md, re.M | re.S)
    assert match, f"no section {title!r}"
    return match.group(1)


def markdown(choices) -> str:
    return files_of(choices)["raadsvoorstel.md"].decode("utf-8")


def docx_text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


def test_build_writes_the_raadsvoorstel_beside_the_ordinance(tmp_path):
    _, written = build_file(NIJKERK, BuildOptions(out_dir=tmp_path))
    names = {p.name for p in written}
    assert {"raadsvoorstel.md", "raadsvoorstel.docx", "nijkerk.docx"} <= names
    doc = Document(tmp_path / "nijkerk" / "raadsvoorstel.docx")
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "Raadsvoorstel"
    for heading in ("Beslispunten", "Aanleiding", "Beoogd effect", "Argumenten", "Kanttekeningen", "Financiën"):
        assert heading in texts
    assert [p.text for p in doc.sections[0].header.paragraphs] == ["CONCEPT"]  # a concept, as the ordinance
    kop = {row.cells[0].text: row.cells[1].text for row in doc.tables[0].rows}
    assert kop["Onderwerp"] == "Vaststelling van de Re-integratieverordening Participatiewet Nijkerk 2023"
    assert kop["Voorstelnummer"] == "RV-2023-041" and kop["Portefeuillehouder"] == "[naam]"
    assert "1.\tvast te stellen de Re-integratieverordening Participatiewet Nijkerk 2023, " in "\n".join(texts)
    assert "Burgemeester en wethouders van Nijkerk," in texts
    assert "de secretaris,\tde burgemeester," in texts and "[naam]\t[naam]" in texts


def test_an_adopted_text_gets_no_concept_mark_and_an_unknown_number_a_placeholder():
    data = files_of(
        choices_with(status="vastgesteld", vaststelling={"datum": "2023-06-29", "voorstel_datum": "2023-05-16"})
    )
    doc = Document(io.BytesIO(data["raadsvoorstel.docx"]))
    assert [p.text for p in doc.sections[0].header.paragraphs] == [""]
    kop = {row.cells[0].text: row.cells[1].text for row in doc.tables[0].rows}
    assert kop["Voorstelnummer"] == "[nummer]" and kop["Datum voorstel"] == "16 mei 2023"


def test_the_requirements_table_has_three_columns_and_a_reason_only_where_a_requirement_is_not_met():
    met = Document(io.BytesIO(files_of(choices_with())["raadsvoorstel.docx"])).tables[1]
    assert [c.text for c in met.rows[0].cells] == [
        "Onderwerp (artikel 8a, tweede lid, onderdeel …)",
        "Geregeld in",
        "Voldaan",
    ]
    rows = [[c.text for c in row.cells] for row in met.rows[1:]]
    assert {r[2] for r in rows} == {"✓"}
    assert not any("Participatiewet" in r[0] for r in rows)
    e2 = next(r for r in rows if r[0].startswith("e, onder 2°. "))
    assert e2[1].startswith("artikel ")
    unmet = Document(
        io.BytesIO(
            files_of(choices_with(persoonlijke_ondersteuning={"subsidie_werkgever": False}))["raadsvoorstel.docx"]
        )
    )
    e1 = next([c.text for c in r.cells] for r in unmet.tables[1].rows if r.cells[0].text.startswith("e, onder 1°. "))
    assert e1[2] == "✗ regelt niet: persoonlijke ondersteuning door middel van subsidieverstrekking"


def test_kanttekeningen_name_the_oval_asks_this_draft_does_not_meet():
    short = {"kwaliteitseisen": [], "maximale_duur_maanden": 24, "scheiding_handhaving_begeleiding": False}
    kanttekeningen = section(markdown(choices_with(jobcoaching=short)), "Kanttekeningen")
    assert "De brancheorganisatie OVAL heeft gemeenteraden gevraagd" in kanttekeningen
    for ask in ("Handhaving en begeleiding gescheiden", "Landelijke kwaliteitsnorm", "Maatwerk: jobcoaching langer"):
        assert ask in kanttekeningen
    # the law asks the ordinance itself to name them: an unmet requirement, in the words of the law
    assert (
        "onderdeel e, onder 2°, Participatiewet: het ontwerp regelt niet welke kwaliteitseisen aan de jobcoach"
        in kanttekeningen
    )


def test_no_oval_kanttekening_for_a_draft_that_meets_all_three():
    nijkerk = load_choices(NIJKERK)  # separation, OVAL-keurmerk, 24 + 12 months
    kanttekeningen = section(markdown(nijkerk), "Kanttekeningen")
    assert "brancheorganisatie OVAL" not in kanttekeningen and "OVAL vraagt" not in kanttekeningen
    assert "Maatwerk" not in kanttekeningen


def test_kanttekeningen_doubt_an_afgezien_advice_and_the_procedure_section_points_there():
    md = markdown(choices_with(clientenraad=AFGEZIEN))
    kanttekeningen = section(md, "Kanttekeningen")
    assert "niet om advies gevraagd" in kanttekeningen
    assert (
        "De reden is: De adviesraad heeft laten weten geen advies uit te brengen. De raad beoordeelt" in kanttekeningen
    )
    assert "artikel 3:2 Algemene wet bestuursrecht" in kanttekeningen
    assert "zie de kanttekeningen" in section(md, "Advies van de cliëntenraad en procedure")


def test_advice_received_after_the_voorstel_date_is_a_kanttekening():
    late = {"naam": "Sociaaldomeinraad", "advies_gevraagd": "2023-04-03", "advies_ontvangen": "2023-05-20"}
    kanttekeningen = section(markdown(choices_with(clientenraad=late)), "Kanttekeningen")
    assert "ontvangen op 20 mei 2023, na de datum van dit voorstel (16 mei 2023)" in kanttekeningen
    on_time = section(markdown(choices_with()), "Kanttekeningen")
    assert "na de datum van dit voorstel" not in on_time


def test_deviations_from_the_vng_model_and_the_annexes():
    md = markdown(choices_with())
    assert "- Scheiding van handhaving en begeleiding: ja (VNG-model: nee)" in section(md, "Kanttekeningen")
    bijlagen = section(md, "Bijlagen")
    assert "(nijkerk.docx)" in bijlagen and "(controlelijst.md)" in bijlagen
    assert "Was-wordt-tabel ten opzichte van het VNG-model (nijkerk-was-wordt.docx)" in bijlagen


def test_the_ordinance_files_carry_none_of_it():
    files = files_of(choices_with(clientenraad=AFGEZIEN, jobcoaching={"kwaliteitseisen": []}))
    raadsvoorstel = files["raadsvoorstel.md"].decode("utf-8")
    weighed = ["Kanttekeningen", "De raad beoordeelt", "OVAL vraagt", "Beslispunten", "Burgemeester en wethouders van"]
    assert all(w in raadsvoorstel for w in weighed)
    ordinance = [files["nijkerk.md"].decode("utf-8"), docx_text(files["nijkerk.docx"]), files["nijkerk.html"].decode()]
    for text in ordinance:
        assert not [w for w in weighed if w in text]


def test_aanleiding_follows_the_law_data_of_the_version_in_force():
    zwolle = section(markdown(load_choices(ROOT / "municipalities" / "zwolle.yaml")), "Aanleiding")
    assert "de Participatiewet zoals die geldt vanaf 1 januari 2026" in zwolle
    assert "- per 1 januari 2024 (Stb. 2023, 443" in zwolle and "- per 1 januari 2026 (Stb. 2025, 210" in zwolle
    nijkerk = section(markdown(load_choices(NIJKERK)), "Aanleiding")
    assert "vanaf 1 juli 2023" in nijkerk and "- per " not in nijkerk
    assert "vervangt de Re-integratieverordening Participatiewet Nijkerk 2015" in nijkerk


def test_kanttekeningen_come_in_numbered_groups_and_only_groups_with_something_to_say():
    nijkerk = section(markdown(load_choices(NIJKERK)), "Kanttekeningen")
    headings = re.findall(r"^### (.*)$", nijkerk, re.M)
    assert headings == ["1. Procedure", "2. Gevolgen voor inwoners", "3. Afwijkingen van het VNG-model"]
    # adopted 29 June, in force 1 July: the raad hears what a late publication means, not what to edit
    assert "gebeurt dat niet uiterlijk op 30 juni 2023, dan geldt zij later" in nijkerk
    assert "Kies zo nodig" not in nijkerk
    afgezien = section(markdown(choices_with(clientenraad=AFGEZIEN)), "Kanttekeningen")
    assert "### 1. Het advies van de cliëntenraad" in afgezien
