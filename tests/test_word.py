"""The Word base under every DOCX: ordinance, redline and wijzigingsverordening alike."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.shared import RGBColor
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from typer.testing import CliRunner

from verordening.changes.amend import amend
from verordening.changes.amendment import STYLES as AMENDMENT_STYLES
from verordening.changes.amendment import to_docx as amendment_docx
from verordening.changes.diff import compare
from verordening.changes.redline import STYLES as REDLINE_STYLES
from verordening.changes.redline import to_docx as redline_docx
from verordening.choicefile.reader import load_choices
from verordening.cli.app import app
from verordening.engine.assemble import assemble
from verordening.engine.checklist import compute
from verordening.render.docx import STYLES as ORDINANCE_STYLES
from verordening.render.docx import render
from verordening.render.word import styles
from verordening.render.word.package import zip_package
from verordening.render.word.xml import deflate
from verordening.runs.build import BuildOptions

from .conftest import ROOT

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
VERSIES = ROOT / "tests" / "fixtures" / "versies"
OLD, NEW = VERSIES / "nijkerk-2023.yaml", VERSIES / "nijkerk-2024.yaml"


def ordinance_docx(template: Path | None = None) -> bytes:
    ordinance = assemble(load_choices(NEW))
    return render(ordinance, compute(ordinance), BuildOptions(template=template))


def redline(template: Path | None = None) -> bytes:
    return redline_docx(compare(assemble(load_choices(OLD)), assemble(load_choices(NEW))), template=template)


def wijziging(template: Path | None = None) -> bytes:
    return amendment_docx(amend(load_choices(OLD), load_choices(NEW)), template)


WRITERS = {
    "verordening": (ordinance_docx, ORDINANCE_STYLES, "Re-integratieverordening Participatiewet Nijkerk 2024"),
    "vergelijking": (redline, REDLINE_STYLES, "Vergelijking: Re-integratieverordening"),
    "wijzigingsverordening": (wijziging, AMENDMENT_STYLES, "Wijzigingsverordening Re-integratieverordening"),
}


@pytest.fixture(scope="module", params=list(WRITERS))
def written(request):
    write, names, footer = WRITERS[request.param]
    data = write()
    return data, zipfile.ZipFile(io.BytesIO(data)), names, footer


def part(package: zipfile.ZipFile, name: str) -> etree._Element:
    return etree.fromstring(package.read(name))


def test_a4_dutch_proofing_and_dutch_number_settings(written):
    data, package, _, _ = written
    doc = Document(io.BytesIO(data))
    for section in doc.sections:
        assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    styles_xml = package.read("word/styles.xml").decode()
    assert "en-US" not in styles_xml
    default = part(package, "word/styles.xml").find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert default.get(f"{W}val") == "nl-NL"
    settings_xml = part(package, "word/settings.xml")
    assert settings_xml.find(f"{W}decimalSymbol").get(f"{W}val") == ","
    assert settings_xml.find(f"{W}listSeparator").get(f"{W}val") == ";"
    assert settings_xml.find(f"{W}themeFontLang").get(f"{W}val") == "nl-NL"
    assert settings_xml.find(f"{W}proofState") is None  # "already checked" would hide spelling errors


def test_footer_has_the_title_and_a_page_number(written):
    data, _, _, footer = written
    doc = Document(io.BytesIO(data))
    for section in doc.sections:
        text = section.footer.paragraphs[0].text
        assert text.startswith(footer)
        assert [el.text.strip() for el in section.footer._element.iter(f"{W}instrText")] == ["PAGE"]


def test_only_the_styles_the_document_uses(written):
    _, package, names, _ = written
    defined = [s.find(f"{W}name").get(f"{W}val") for s in part(package, "word/styles.xml").iter(f"{W}style")]
    expected = styles.closure(("Normal", "Footer", "Header", *names))
    assert sorted(defined) == sorted(
        n if n not in styles.BUILT_IN or n in ("Normal", "Title") else n.lower() for n in expected
    )
    assert len(defined) < 25  # not python-docx's 164 styles


def test_honest_document_properties(written):
    data, package, _, _ = written
    assert not [n for n in package.namelist() if "thumbnail" in n]
    app = package.read("docProps/app.xml").decode()
    assert "Microsoft" not in app and "<Application>verordening</Application>" in app
    # The word count is that of the text in the document (with every tracked change accepted), whitespace-separated.
    body = part(package, "word/document.xml")
    texts = []
    for p in body.iter(f"{W}p"):
        pieces = [
            el.text or "" if el.tag != f"{W}tab" else "\t"
            for el in p.iter(f"{W}t", f"{W}tab")
            if el.getparent().tag == f"{W}r"
        ]
        texts.append("".join(pieces))
    words = int(re.search(r"<Words>(\d+)</Words>", app).group(1))
    assert words == sum(len(t.split()) for t in texts)
    core = Document(io.BytesIO(data)).core_properties
    assert core.language == "nl-NL" and core.author.startswith("gemeente ") and core.last_printed is None


def test_same_input_same_bytes():
    assert wijziging() == wijziging() and ordinance_docx() == ordinance_docx()


# --- --template ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def huisstijl(tmp_path_factory) -> Path:
    doc = Document()
    for name in ("Title", "Heading 1", "Heading 2"):
        doc.styles[name].font.name = "Courier New"
        doc.styles[name].font.color.rgb = RGBColor(0xC0, 0x10, 0x7A)
    doc.sections[0].header.paragraphs[0].text = "Gemeente Voorbeeld – huisstijl"
    doc.add_paragraph("Tekst uit het sjabloon.")
    path = tmp_path_factory.mktemp("sjabloon") / "huisstijl.docx"
    doc.save(path)
    return path


@pytest.mark.parametrize("kind", list(WRITERS))
def test_every_writer_honours_the_template(kind, huisstijl):
    write, names, _ = WRITERS[kind]
    doc = Document(io.BytesIO(write(huisstijl)))
    assert doc.styles["Heading 2"].font.name == "Courier New"
    assert doc.sections[0].header.paragraphs[0].text == "Gemeente Voorbeeld – huisstijl"
    assert "Tekst uit het sjabloon." not in [p.text for p in doc.paragraphs]
    for name in names:  # a style the template lacks is added, so the layout still holds
        assert doc.styles[name] is not None
    lang = doc.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert lang.get(f"{W}val") == "nl-NL"


def test_cli_diff_and_amend_take_a_template(tmp_path, huisstijl):
    runner = CliRunner()
    out = tmp_path / "vergelijking.docx"
    args = ["diff", str(OLD), str(NEW), "--format", "docx", "--out", str(out), "--template", str(huisstijl)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert Document(out).sections[0].header.paragraphs[0].text.startswith("Gemeente Voorbeeld")
    result = runner.invoke(app, ["amend", str(OLD), str(NEW), "--out", str(tmp_path), "--template", str(huisstijl)])
    assert result.exit_code == 0, result.output
    written = Document(tmp_path / "nijkerk" / "wijzigingsverordening-2024.docx")
    assert written.sections[0].header.paragraphs[0].text.startswith("Gemeente Voorbeeld")


def test_cli_template_errors_are_dutch_and_write_nothing(tmp_path):
    runner = CliRunner()
    bad = tmp_path / "geen.docx"
    bad.write_text("geen Word-bestand", encoding="utf-8")
    result = runner.invoke(app, ["amend", str(OLD), str(NEW), "--out", str(tmp_path / "uit"), "--template", str(bad)])
    assert result.exit_code == 1 and "geen leesbaar Word-document" in result.output
    assert not (tmp_path / "uit").exists() or not any((tmp_path / "uit").rglob("*.*"))
    result = runner.invoke(app, ["diff", str(OLD), str(NEW), "--template", str(bad)])
    assert result.exit_code == 2 and "alleen voor --format docx" in result.output


# --- the zip writer ---------------------------------------------------------------------------


def _zipfile(parts: list[tuple[str, bytes]]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o600 << 16
            out.writestr(info, data)
    return buffer.getvalue()


def test_zip_writer_writes_what_zipfile_writes(written):
    _, package, _, _ = written
    parts = [(info.filename, package.read(info.filename)) for info in package.infolist()]
    assert zip_package((name, deflate(data)) for name, data in parts) == _zipfile(parts)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.from_regex(r"[a-z]{1,8}(/[a-z]{1,8}){0,2}\.xml", fullmatch=True), st.binary(max_size=3000)),
        max_size=6,
        unique_by=lambda p: p[0],
    )
)
def test_zip_writer_matches_zipfile_for_any_parts(parts):
    assert zip_package((name, deflate(data)) for name, data in parts) == _zipfile(parts)
