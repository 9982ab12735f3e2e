"""The DOCX: opened again with python-docx, converted with LibreOffice, and with a house-style template."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Pt, RGBColor

from verordening.choicefile.reader import load_choices
from verordening.engine.assemble import assemble
from verordening.engine.checklist import compute
from verordening.engine.library import load_library
from verordening.render.docx import TemplateError, render
from verordening.runs.build import RENDERERS, BuildOptions

from .conftest import EXAMPLES, choices_with, write_library

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def built(path: Path, template: Path | None = None):
    ordinance = assemble(load_choices(path))
    checklist = compute(ordinance)
    data = render(ordinance, checklist, BuildOptions(template=template))
    return ordinance, checklist, data, Document(io.BytesIO(data))


def body_until(doc, text: str) -> list:
    out = []
    for p in doc.paragraphs:
        if p.text == text and p.style.name == "Heading 1":
            break
        out.append(p)
    return out


@pytest.fixture(params=EXAMPLES, ids=lambda p: p.stem)
def example_docx(request):
    return built(request.param)


def test_registered_as_docx_renderer():
    assert RENDERERS[".docx"] is render


def test_every_chapter_and_article_is_a_word_heading(example_docx):
    ordinance, _, _, doc = example_docx
    headings = [(p.style.name, p.text) for p in body_until(doc, "Toelichting") if p.style.name.startswith("Heading")]
    expected = []
    for chapter in ordinance.chapters:
        expected.append(("Heading 1", chapter.heading))
        expected += [("Heading 2", a.heading) for a in chapter.articles]
    assert headings == expected
    assert doc.paragraphs[0].style.name == "Title" and doc.paragraphs[0].text == ordinance.citeertitel
    # Word's navigation pane needs the outline level on the heading styles.
    for level in (1, 2):
        outline = doc.styles[f"Heading {level}"].element.pPr.find(f"{W}outlineLvl")
        assert outline is not None and outline.get(f"{W}val") == str(level - 1)


def test_leden_and_onderdelen_carry_their_computed_numbers(example_docx):
    ordinance, _, _, doc = example_docx
    body = [p for p in body_until(doc, "Toelichting")]
    expected = []
    for article in ordinance.articles:
        for lid in article.leden:
            if lid.number is not None:
                expected.append(("Lid", f"{lid.number}.\t{lid.text}"))
            elif lid.text:
                expected.append(("Lid zonder nummer", lid.text))
            for o in lid.onderdelen:
                suffix = "" if lid.number is not None else " bij enig lid"
                expected.append((f"Onderdeel{suffix}", f"{o.letter}.\t{o.text}"))
                expected += [(f"Subonderdeel{suffix}", f"{s.number}°\t{s.text}") for s in o.subs]
    numbered = [(p.style.name, p.text) for p in body if p.style.name.startswith(("Lid", "Onderdeel", "Subonderdeel"))]
    assert numbered == expected
    # Numbers are text, never Word auto-numbering that could renumber them.
    assert not any(p._p.pPr is not None and p._p.pPr.numPr is not None for p in body)


def test_hanging_indents_deepen_per_level():
    doc = built(EXAMPLES[0])[3]
    lid, onderdeel, sub = (doc.styles[n].paragraph_format for n in ("Lid", "Onderdeel", "Subonderdeel"))
    assert 0 < lid.left_indent < onderdeel.left_indent < sub.left_indent
    for fmt in (lid, onderdeel, sub):
        assert fmt.first_line_indent < 0  # hanging: the number stands out to the left
        assert [t.position for t in fmt.tab_stops] == [fmt.left_indent]  # the tab after the number lands on the text


def test_subonderdelen_and_single_lid(tmp_path):
    library = load_library(
        write_library(
            tmp_path / "lib",
            {
                "a": (
                    '---\nlabel: a\ntitle: Lijst\nchapter: "1"\norder: 1\nbasis: x\n---\n'
                    "{% block artikel %}\nHet college kan:\n[onderdeel] een;\n[onderdeel] twee:\n[sub] eerste;\n[sub] tweede.\n"
                    "{% endblock %}\n{% block toelichting %}Uitleg.{% endblock %}\n"
                )
            },
        )
    )
    ordinance = assemble(choices_with(), library)
    doc = Document(io.BytesIO(render(ordinance, compute(ordinance, library), BuildOptions())))
    texts = [(p.style.name, p.text) for p in doc.paragraphs]
    i = texts.index(("Heading 2", "Artikel 1. Lijst"))
    assert texts[i + 1 : i + 6] == [
        ("Lid zonder nummer", "Het college kan:"),
        ("Onderdeel bij enig lid", "a.\teen;"),
        ("Onderdeel bij enig lid", "b.\ttwee:"),
        ("Subonderdeel bij enig lid", "1°\teerste;"),
        ("Subonderdeel bij enig lid", "2°\ttweede."),
    ]


def test_toelichting_follows_the_articles(example_docx):
    ordinance, _, _, doc = example_docx
    texts = [(p.style.name, p.text) for p in doc.paragraphs]
    start = texts.index(("Heading 1", "Toelichting"))
    assert texts.index(("Heading 2", ordinance.articles[-1].heading)) < start
    assert any(t.startswith("Aldus besloten") for _, t in texts[:start])
    after = texts[start:]
    assert ("Heading 2", "Algemeen") in after and ("Heading 2", "Artikelsgewijs") in after
    assert [t for s, t in after if s == "Heading 3"] == [a.heading for a in ordinance.articles]
    first_general = ordinance.toelichting_algemeen[0]
    assert any(first_general.text and t == first_general.text for _, t in after)


def test_the_adoptable_document_has_no_checklist(example_docx):
    """The checklist is a working document (controlelijst.md); the raad adopts the ordinance alone."""
    _, checklist, _, doc = example_docx
    assert not doc.tables
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Bijlage" not in text and not any(
        r.citation in text for r in checklist.vereisten if "8a, tweede lid" in r.citation
    )


def test_footer_has_citeertitel_and_page_field(example_docx):
    ordinance, _, _, doc = example_docx
    footer = doc.sections[0].footer
    assert not footer.is_linked_to_previous
    assert ordinance.citeertitel in footer.paragraphs[0].text
    instructions = [el.text.strip() for el in footer._element.iter(f"{W}instrText")]
    assert instructions == ["PAGE"]


def test_dutch_language_page_and_properties(example_docx):
    ordinance, _, data, doc = example_docx
    styles = doc.styles.element
    default_lang = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert default_lang.get(f"{W}val") == "nl-NL"
    for name in ("Normal", "Heading 1", "Heading 2", "Lid", "Onderdeel"):
        assert doc.styles[name].element.rPr.find(f"{W}lang").get(f"{W}val") == "nl-NL"
    package = zipfile.ZipFile(io.BytesIO(data))
    assert "en-US" not in package.read("word/styles.xml").decode()
    assert "proofState" not in package.read("word/settings.xml").decode()  # "already checked" would hide errors
    props = doc.core_properties
    assert props.title == ordinance.citeertitel and "Participatiewet" in props.subject and props.language == "nl-NL"
    section = doc.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)  # A4, not Letter


def test_same_choices_same_bytes():
    assert built(EXAMPLES[0])[2] == built(EXAMPLES[0])[2]


def test_user_text_is_literal_text():
    evil = "eigen eisen <w:p/> & {{ 7*7 }} </w:t>"
    choices = choices_with(jobcoaching={"kwaliteitseisen": ["eigen_eisen"], "eigen_eisen": evil})
    ordinance = assemble(choices)
    doc = Document(io.BytesIO(render(ordinance, compute(ordinance), BuildOptions())))
    assert any("<w:p/> & {{ 7*7 }} </w:t>" in p.text for p in doc.paragraphs)


# --- house style ------------------------------------------------------------------------------


def reference_docx(path: Path) -> Path:
    doc = Document()
    h1 = doc.styles["Heading 1"]
    h1.font.name = "Courier New"
    h1.font.size = Pt(21)
    h1.font.color.rgb = RGBColor(0xC0, 0x10, 0x7A)
    doc.add_paragraph("Tekst uit het sjabloon die niet in de verordening hoort.")
    doc.save(path)
    return path


def test_template_styles_are_used(tmp_path):
    template = reference_docx(tmp_path / "reference.docx")
    ordinance, _, _, doc = built(EXAMPLES[0], template)
    h1 = doc.styles["Heading 1"]
    assert h1.font.name == "Courier New" and h1.font.size == Pt(21) and h1.font.color.rgb == RGBColor(0xC0, 0x10, 0x7A)
    texts = [p.text for p in doc.paragraphs]
    assert "Tekst uit het sjabloon die niet in de verordening hoort." not in texts
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 1"][0] == ordinance.chapters[0].heading
    # Without a template the renderer's own look applies, so the difference is the template's doing.
    plain = built(EXAMPLES[0])[3].styles["Heading 1"]
    assert plain.font.name != "Courier New"


def test_template_keeps_its_own_lid_style(tmp_path):
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Cm

    doc = Document()
    lid = doc.styles.add_style("Lid", WD_STYLE_TYPE.PARAGRAPH)
    lid.paragraph_format.left_indent = Cm(2)
    lid.paragraph_format.first_line_indent = Cm(-2)
    doc.save(tmp_path / "huisstijl.docx")
    out = built(EXAMPLES[0], tmp_path / "huisstijl.docx")[3]
    assert round(out.styles["Lid"].paragraph_format.left_indent.cm, 2) == 2.0  # not our 0.75 cm


def test_unreadable_template_is_a_dutch_error(tmp_path):
    bad = tmp_path / "geen.docx"
    bad.write_text("dit is geen Word-bestand", encoding="utf-8")
    with pytest.raises(TemplateError, match="geen leesbaar Word-document"):
        built(EXAMPLES[0], bad)
    with pytest.raises(TemplateError, match="bestaat niet"):
        built(EXAMPLES[0], tmp_path / "ontbreekt.docx")


# --- LibreOffice --------------------------------------------------------------------------------


@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")),
    reason="LibreOffice (soffice) of pdftotext (poppler-utils) ontbreekt",
)
def test_libreoffice_renders_every_article(tmp_path):
    expected = {}
    for path in EXAMPLES:
        ordinance, _, data, _ = built(path)
        (tmp_path / f"{ordinance.slug}.docx").write_bytes(data)
        expected[ordinance.slug] = [a.number for a in ordinance.articles]
    profile = (tmp_path / "profiel").as_uri()  # own profile: other soffice processes may be running
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "pdf"),
            *[str(tmp_path / f"{slug}.docx") for slug in expected],
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    for slug, numbers in expected.items():
        text = subprocess.run(
            ["pdftotext", str(tmp_path / "pdf" / f"{slug}.pdf"), "-"], check=True, capture_output=True, text=True
        ).stdout.replace("\f", "\n")  # page breaks
        found = [int(n) for n in re.findall(r"^Artikel (\d+)\. ", text, re.M)]
        assert found == numbers + numbers, slug  # once in the ordinance, once in the toelichting


def test_a_text_ending_in_a_colon_stays_with_its_list(example_docx):
    """A lid like "… vermeldt in ieder geval:" must not end a page with its onderdelen on the next one."""
    _, _, _, doc = example_docx
    paragraphs = body_until(doc, "Toelichting")
    kept = {p.text: p.paragraph_format.keep_with_next for p in paragraphs if p.style.name != "Ondertekening"}
    intros = [t for t in kept if t.rstrip().endswith(":")]
    assert intros, "the example has no lid that introduces a list"
    assert all(kept[t] for t in intros)
    # apart from those, only the last lid is kept (with the signature below it)
    assert [t for t, k in kept.items() if k and t not in intros] == [list(kept)[-1]]
