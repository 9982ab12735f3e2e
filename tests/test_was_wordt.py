"""The was-wordt-tabel: per changed article the old text, the new text and the reason, in the numbering the
wijzigingsverordening uses; against the VNG model with the municipality's choices as the reasons."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree
from typer.testing import CliRunner

from verordening.changes import was_wordt
from verordening.changes.amend import amend
from verordening.changes.amendment import to_docx as amendment_docx
from verordening.changes.amendment import to_markdown as amendment_markdown
from verordening.changes.consolidated import places
from verordening.changes.diff import model_choices
from verordening.cli.app import app
from verordening.engine import meaning
from verordening.engine.deviations import deviations
from verordening.render.raadsvoorstel import was_wordt_name
from verordening.render.was_wordt import to_docx
from verordening.runs.build import render_all

from .conftest import ROOT
from .test_redline_adopted import NEW, NIJKERK, OLD, W  # the same change: art. 13 off, 36 -> 24 months


def _part(docx: bytes, name: str) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read(name))


def _text(p: etree._Element) -> str:
    return "".join("\t" if el.tag == f"{W}tab" else el.text or "" for el in p.iter(f"{W}t", f"{W}tab"))


def cells(docx: bytes) -> list[list[list[str]]]:
    """The table's rows (header row first), each cell as its paragraphs' texts; notes (style Noot) left out."""
    body = _part(docx, "word/document.xml").find(f"{W}body")
    table = body.find(f"{W}tbl")
    rows = []
    for tr in table.iter(f"{W}tr"):
        row = []
        for tc in tr.iter(f"{W}tc"):
            row.append([_text(p) for p in tc.iter(f"{W}p") if p.find(f"{W}pPr/{W}pStyle[@{W}val='Noot']") is None])
        rows.append(row)
    return rows


def article_rows(docx: bytes) -> list[list[list[str]]]:
    return [row for row in cells(docx)[1:] if len(row) == 3]  # a chapter row is one cell over the table


def lines(article) -> list[str]:
    """An article as the ordinance DOCX writes it: heading, then each lid and onderdeel, number and tab."""
    return [article.heading] + [f"{e.numeral}\t{e.text}" if e.numeral else e.text for e in article.elements()]


def test_the_table_names_the_articles_of_the_wijzigingsverordening_with_old_and_new_text():
    amendment = amend(OLD, NEW)
    wijziging = amendment_markdown(amendment)
    docx = to_docx(was_wordt.between_versions(OLD, NEW))
    rows = article_rows(docx)
    changed = [p for p in places(amendment) if p.explanation]
    assert len(rows) == len(changed) == 2
    for (was, wordt, _), place in zip(rows, changed):
        assert was == lines(place.old)  # the adopted text, word for word
        if place.new is None:
            assert wordt == [f"Artikel {place.number} [vervallen]"] and f"Artikel {place.number} vervalt." in wijziging
        else:
            assert wordt == lines(place.new)  # the consolidated new text, in the adopted numbering
            assert f"In artikel {place.number}, " in wijziging
    assert rows[0][0][0].startswith("Artikel 13. ")
    duration = next(a for a in amendment.old.articles if a.label == "duur_jobcoaching")
    assert rows[1][1][0] == f"Artikel {duration.number}. {duration.title}"  # not renumbered after 13 went


def test_reasons_cite_the_onderdeel_and_the_changed_choice_in_words():
    rows = article_rows(to_docx(was_wordt.between_versions(OLD, NEW)))
    lks, duration = (" ".join(row[2]) for row in rows)
    assert lks.startswith("Onderdeel A van de wijzigingsverordening.") and "was ja, wordt nee" in lks
    assert (
        duration.startswith("Onderdeel B ")
        and "maximale duur van jobcoaching, was 36 maanden, wordt 24 maanden" in duration
    )


def test_changed_words_are_struck_through_in_was_and_underlined_in_wordt():
    docx = to_docx(was_wordt.between_versions(OLD, NEW))
    struck = [
        "".join(r.itertext())
        for r in _part(docx, "word/document.xml").iter(f"{W}r")
        if r.find(f"{W}rPr/{W}strike") is not None
    ]
    underlined = [
        "".join(r.itertext())
        for r in _part(docx, "word/document.xml").iter(f"{W}r")
        if r.find(f"{W}rPr/{W}u") is not None
    ]
    assert struck == ["36"] and underlined == ["24"]  # article 13 vervalt as a whole: not struck word by word


def test_unchanged_articles_are_named_in_one_line_and_left_out_of_the_table():
    table = was_wordt.between_versions(OLD, NEW)
    numbers = [a.number for a in table.comparison.articles]
    assert table.unchanged.startswith("Ongewijzigd blijven de artikelen 1 tot en met 12, 14 tot en met ")
    assert len(numbers) > len(table.rows) == 2


def test_against_the_model_the_reasons_are_the_municipalitys_choices():
    table = was_wordt.against_model(NIJKERK)
    reasons = {row.article.label: " ".join(row.reasons) for row in table.rows}
    assert "OVAL-keurmerk of Blik op Werk-keurmerk" in reasons["kwaliteitseisen"]
    assert "(het VNG-model laat deze keuze aan de gemeente)" in reasons["kwaliteitseisen"]  # it names none
    assert "verlenging van jobcoaching mogelijk: ja (VNG-model: nee)" in reasons["duur_jobcoaching"]
    said = " ".join(reasons.values())
    for d in deviations(
        NIJKERK, table.comparison.new.option_names
    ):  # every deviation the raadsvoorstel lists is a reason in the table
        assert f"{meaning.title(d.key)}: {d.value}" in said, d.key
    assert reasons["lks_buiten_doelgroep"].startswith("Keuze van de gemeente: loonkostensubsidie buiten de doelgroep")
    rows = article_rows(to_docx(table))
    lks = next(row for row in rows if row[1] and row[1][0].startswith("Artikel 13. Loonkostensubsidie"))
    assert lks[0] == []  # not in the model: only the note "Dit artikel staat niet in het VNG-model."


def test_the_model_against_itself_has_no_rows():
    table = was_wordt.against_model(model_choices(NIJKERK))
    assert table.rows == [] and "dezelfde tekst als het VNG-model" in " ".join(table.intro)
    body = _part(to_docx(table), "word/document.xml").find(f"{W}body")
    assert body.find(f"{W}tbl") is None


def test_the_docx_is_landscape_with_a_repeated_header_row_and_ten_point_text():
    docx = to_docx(was_wordt.between_versions(OLD, NEW))
    size = _part(docx, "word/document.xml").find(f"{W}body/{W}sectPr/{W}pgSz")
    assert size.get(f"{W}orient") == "landscape" and int(size.get(f"{W}w")) > int(size.get(f"{W}h"))
    header = cells(docx)[0]
    assert header == [["Was"], ["Wordt"], ["Toelichting"]]
    assert _part(docx, "word/document.xml").find(f".//{W}tr/{W}trPr/{W}tblHeader") is not None
    styles = {s.find(f"{W}name").get(f"{W}val"): s for s in _part(docx, "word/styles.xml").iter(f"{W}style")}
    normal_size = styles["Normal"].find(f"{W}rPr/{W}sz").get(f"{W}val")
    assert normal_size == "20" and styles["Lid"].find(f"{W}rPr/{W}sz").get(f"{W}val") == "20"  # 10 pt
    assert "CONCEPT" in "".join(_part(docx, "word/header1.xml").itertext())


def test_build_writes_the_table_against_the_model_beside_the_ordinance():
    rendered = render_all(NIJKERK)
    name = f"{rendered.ordinance.slug}-was-wordt.docx"
    assert name in rendered.files and was_wordt_name(rendered.ordinance.slug) == name  # the raadsvoorstel's bijlage
    assert article_rows(rendered.files[name]) == article_rows(to_docx(was_wordt.against_model(NIJKERK)))


@pytest.fixture
def versions(tmp_path):
    old, new = tmp_path / "oud.yaml", tmp_path / "nieuw.yaml"
    source = (ROOT / "municipalities" / "nijkerk.yaml").read_text(encoding="utf-8")
    old.write_text(source.replace("maximale_duur_maanden: 24", "maximale_duur_maanden: 36"), encoding="utf-8")
    new.write_text(source.replace("opnemen: true\n  maximale_duur_maanden: 12", "opnemen: false"), encoding="utf-8")
    return old, new


def test_cli_writes_the_table_of_two_versions(tmp_path, versions):
    out = tmp_path / "was-wordt.docx"
    result = CliRunner().invoke(app, ["diff", *map(str, versions), "--format", "was-wordt", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert article_rows(out.read_bytes())[0][1] == ["Artikel 13 [vervallen]"]


def test_cli_writes_the_table_against_the_model(tmp_path):
    out = tmp_path / "model.docx"
    path = ROOT / "municipalities" / "nijkerk.yaml"
    result = CliRunner().invoke(app, ["diff", str(path), "--model", "--format", "was-wordt", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert any("OVAL-keurmerk" in " ".join(row[2]) for row in article_rows(out.read_bytes()))


@pytest.mark.parametrize("which", [0, 1])
def test_cli_never_writes_over_an_input(versions, which):
    before = versions[which].read_bytes()
    args = ["diff", *map(str, versions), "--format", "was-wordt", "--out", str(versions[which])]
    result = CliRunner().invoke(app, args)
    assert result.exit_code != 0 and "invoerbestand" in result.output
    assert versions[which].read_bytes() == before


def test_cli_wants_a_file_for_the_table(versions):
    result = CliRunner().invoke(app, ["diff", *map(str, versions), "--format", "was-wordt"])
    assert result.exit_code != 0 and "--out" in result.output


def test_amendment_docx_keeps_the_toelichting_on_artikel_i_and_ii():
    """UX review, defect 10: the DOCX has the artikelsgewijze toelichting the Markdown has."""
    amendment = amend(OLD, NEW)
    texts = [_text(p) for p in _part(amendment_docx(amendment), "word/document.xml").iter(f"{W}p")]
    toelichting = texts[texts.index("Artikelsgewijs") :]
    assert (
        toelichting[1] == "Artikel I" and toelichting[2 : 2 + len(amendment.toelichting())] == amendment.toelichting()
    )
    assert toelichting[-2:] == ["Artikel II", amendment.toelichting_artikel_ii]


def test_a_template_keeps_its_header_and_styles_and_the_page_is_still_landscape(tmp_path):
    from docx import Document
    from docx.shared import Pt

    template = Document()  # python-docx's own: US Letter, portrait
    template.sections[0].header.paragraphs[0].text = "Gemeente Nijkerk, huisstijl"
    template.styles["Normal"].font.name = "Georgia"
    template.styles["Normal"].font.size = Pt(11)
    path = tmp_path / "huisstijl.docx"
    template.save(path)
    docx = to_docx(was_wordt.between_versions(OLD, NEW), path)
    size = _part(docx, "word/document.xml").find(f"{W}body/{W}sectPr/{W}pgSz")
    assert size.get(f"{W}orient") == "landscape" and int(size.get(f"{W}w")) > int(size.get(f"{W}h"))
    package = zipfile.ZipFile(io.BytesIO(docx))
    headers = ["".join(etree.fromstring(package.read(n)).itertext()) for n in package.namelist() if "header" in n]
    assert any("Gemeente Nijkerk, huisstijl" in h and "CONCEPT" in h for h in headers)
    fonts = _part(docx, "word/styles.xml").find(f".//{W}style[@{W}styleId='Normal']/{W}rPr/{W}rFonts")
    assert fonts.get(f"{W}ascii") == "Georgia"
    assert article_rows(docx) == article_rows(to_docx(was_wordt.between_versions(OLD, NEW)))


def test_where_no_amendment_can_be_drafted_the_table_says_so_and_reasons_come_from_the_choices(monkeypatch):
    from verordening.changes import consolidated
    from verordening.changes.amend import AmendError

    def refuse(*args, **kwargs):
        raise AmendError("het invoegen van een hoofdstuk wordt niet ondersteund")

    monkeypatch.setattr(consolidated, "amend", refuse)
    table = was_wordt.between_versions(OLD, NEW)
    assert "(het invoegen van een hoofdstuk wordt niet ondersteund)" in table.intro[0]
    assert "geen artikel krijgt een ander nummer" not in table.intro[0]
    reasons = {row.article.label: " ".join(row.reasons) for row in table.rows}
    assert "was 36 maanden, wordt 24 maanden" in reasons["duur_jobcoaching"]
    assert not any("Onderdeel" in r for r in reasons.values())  # there is no wijzigingsverordening to cite


def test_a_short_row_stays_on_one_page_and_a_long_article_may_split():
    longer = NEW.model_copy(update={"jobcoaching": OLD.jobcoaching})
    docx = to_docx(was_wordt.between_versions(NEW, longer))
    rows = _part(docx, "word/document.xml").find(f"{W}body/{W}tbl").findall(f"{W}tr")
    article = [tr for tr in rows[1:] if len(tr.findall(f"{W}tc")) == 3]
    assert len(article) == 1  # only the duration of jobcoaching differs: seven leden, more than a page holds
    assert article[0].find(f"{W}trPr/{W}cantSplit") is None
    chapter = rows[1]
    assert chapter.find(f"{W}trPr/{W}cantSplit") is not None  # the chapter's row: kept whole, and with the next
    assert chapter.find(f".//{W}pStyle").get(f"{W}val") == "Waswordthoofdstuk"
    short = to_docx(was_wordt.against_model(NIJKERK))
    kept = [
        tr
        for tr in _part(short, "word/document.xml").find(f"{W}body/{W}tbl").findall(f"{W}tr")[1:]
        if len(tr.findall(f"{W}tc")) == 3 and tr.find(f"{W}trPr/{W}cantSplit") is not None
    ]
    assert kept  # a row of a lid or two is never split over two pages
