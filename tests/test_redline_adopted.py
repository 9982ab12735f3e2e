"""The redline of two versions agrees with the wijzigingsverordening: the same article numbers, and accepting
every tracked change gives exactly the amended text in the adopted numbering (UX review, defect 3)."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from lxml import etree
from typer.testing import CliRunner

from verordening.changes.amend import amend
from verordening.changes.amendment import to_markdown as amendment_markdown
from verordening.changes.consolidated import between_versions, compare_adopted, places
from verordening.changes.redline import to_docx, to_markdown
from verordening.cli.app import app

from .conftest import ROOT, choices_with

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SPECIAL = {f"{W}tab": "\t", f"{W}noBreakHyphen": "-"}  # what Word reads for these elements
NIJKERK = choices_with()  # article 13 included; jobcoaching 24 months + 12


def jobcoaching(**changes):
    return {**NIJKERK.jobcoaching.model_dump(mode="json"), **changes}


OLD = choices_with(jobcoaching=jobcoaching(maximale_duur_maanden=36))
NEW = choices_with(artikel_13_loonkostensubsidie={"opnemen": False}, jobcoaching=jobcoaching(maximale_duur_maanden=24))


def accept_all(docx: bytes) -> list[str]:
    """The body's paragraphs as Word shows them after Accept All: w:del goes, w:ins stays, a paragraph whose
    mark was deleted runs on into the next one, comments are no text."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))
    out: list[str] = []
    pending = ""
    for p in root.iter(f"{W}p"):
        if p.getparent().tag != f"{W}body":
            continue
        text = pending
        for el in p.iter(f"{W}t", f"{W}tab", f"{W}delText", f"{W}noBreakHyphen"):
            if any(a.tag == f"{W}del" for a in el.iterancestors()) or el.tag == f"{W}delText":
                continue
            text += SPECIAL.get(el.tag, el.text or "")
        if p.find(f"{W}pPr/{W}rPr/{W}del") is not None:
            pending = text  # the paragraph mark is deleted: what is left joins the next paragraph
            continue
        pending = ""
        out.append(text)
    return out


def consolidated_text(amendment) -> list[str]:
    """The amended ordinance as the wijzigingsverordening makes it: citeertitel, chapters, articles in the
    adopted numbering (a vervallen one as its place), each lid and onderdeel as the ordinance DOCX writes it."""
    lines = [amendment.old.citeertitel]
    chapter = None
    for place in places(amendment):
        if place.chapter != chapter:
            chapter = place.chapter
            lines.append(chapter)
        lines.append(place.heading)
        if place.new is not None:
            lines += [f"{e.numeral}\t{e.text}" if e.numeral else e.text for e in place.new.elements()]
    return lines


def test_accepting_all_changes_gives_the_amended_text_in_the_adopted_numbering():
    amendment = amend(OLD, NEW)
    assert accept_all(to_docx(compare_adopted(amendment))) == consolidated_text(amendment)


def test_the_redline_names_the_articles_the_wijzigingsverordening_names():
    amendment = amend(OLD, NEW)
    wijziging = amendment_markdown(amendment)
    assert "Artikel 13 vervalt." in wijziging
    duration = next(a for a in amendment.old.articles if a.label == "duur_jobcoaching")
    assert f"In artikel {duration.number}, " in wijziging and "“36 maanden” vervangen door “24 maanden”" in wijziging

    after = accept_all(to_docx(compare_adopted(amendment)))
    assert "Artikel 13 [vervallen]" in after
    assert f"Artikel {duration.number}. {duration.title}" in after  # the number the wijzigingsverordening uses
    numbers = [int(m.group(1)) for line in after if (m := re.match(r"Artikel (\d+)[. ]", line))]
    assert numbers == sorted(numbers) and len(numbers) == len(set(numbers)) == len(amendment.old.articles)
    redline = to_markdown(compare_adopted(amendment))
    assert "~~19~~" not in redline and "verplaatst" not in redline


def test_explanations_are_word_comments_from_the_wijzigingsverordening():
    amendment = amend(OLD, NEW)
    package = zipfile.ZipFile(io.BytesIO(to_docx(compare_adopted(amendment))))
    comments = etree.fromstring(package.read("word/comments.xml"))
    texts = ["".join(c.itertext()) for c in comments.iter(f"{W}comment")]
    for line in amendment.toelichting():  # "Onderdeel A. Artikel 13 vervalt; … Dit volgt uit …"
        assert line in texts
    assert any("Alles accepteren geeft de nieuwe tekst" in t for t in texts)
    body = "".join(etree.fromstring(package.read("word/document.xml")).itertext())
    assert "Onderdeel A." not in body and "Overzicht" not in body


def test_rejecting_all_changes_gives_the_adopted_text():
    amendment = amend(OLD, NEW)
    docx = to_docx(compare_adopted(amendment))
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))
    rejected = []
    for p in root.iter(f"{W}p"):
        if p.find(f"{W}pPr/{W}rPr/{W}ins") is not None:
            continue  # an inserted paragraph goes entirely
        parts = []
        for el in p.iter(f"{W}t", f"{W}tab", f"{W}delText", f"{W}noBreakHyphen"):
            if any(a.tag == f"{W}ins" for a in el.iterancestors()):
                continue
            parts.append(SPECIAL.get(el.tag, el.text or ""))
        rejected.append("".join(parts))
    old = amendment.old
    assert [old.chapters[0].heading, old.articles[0].heading] == rejected[1:3]
    lks = next(a for a in old.articles if a.label == "lks_buiten_doelgroep")
    assert lks.heading in rejected


def test_identical_versions_have_nothing_to_show():
    comparison, note = between_versions(OLD, OLD)
    assert comparison.differences == [] and note == ""


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_cli_diff_of_two_versions_uses_the_adopted_numbering(tmp_path, fmt):
    old, new = tmp_path / "oud.yaml", tmp_path / "nieuw.yaml"
    source = (ROOT / "municipalities" / "nijkerk.yaml").read_text(encoding="utf-8")
    old.write_text(source.replace("maximale_duur_maanden: 24", "maximale_duur_maanden: 36"), encoding="utf-8")
    new.write_text(source.replace("opnemen: true\n  maximale_duur_maanden: 12", "opnemen: false"), encoding="utf-8")
    out = tmp_path / f"redline.{fmt}"
    result = CliRunner().invoke(app, ["diff", str(old), str(new), "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    if fmt == "md":
        text = out.read_text(encoding="utf-8")
        heading = next(line for line in text.splitlines() if line.startswith("### Artikel 13"))
        assert heading.endswith("**\\[vervallen\\]**")
    else:
        assert "Artikel 13 [vervallen]" in accept_all(out.read_bytes())
