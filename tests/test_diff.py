"""verordening diff: label-matched articles, word-level changes, redline in Markdown, HTML and DOCX."""

from __future__ import annotations

import io
import itertools
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from typer.testing import CliRunner

from verordening.changes.diff import accepted, compare, model_choices, paragraphs, rejected, word_diff
from verordening.changes.redline import to_docx, to_html, to_markdown
from verordening.choicefile.reader import load_choices
from verordening.cli.app import app
from verordening.engine.assemble import assemble

from .conftest import EXAMPLES, ROOT, choices_with

VERSIES = ROOT / "tests" / "fixtures" / "versies"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SPECIAL = {f"{W}tab": "\t", f"{W}noBreakHyphen": "-"}  # what Word reads for these elements


@pytest.fixture(scope="module")
def pair():
    return compare(
        assemble(load_choices(VERSIES / "nijkerk-2023.yaml")), assemble(load_choices(VERSIES / "nijkerk-2024.yaml"))
    )


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet="ab 1,.", max_size=30), st.text(alphabet="ab 1,.", max_size=30))
def test_word_diff_accepts_to_new_and_rejects_to_old(old: str, new: str) -> None:
    segments = word_diff(old, new)
    assert accepted(segments) == new and rejected(segments) == old


def test_word_diff_marks_only_the_changed_word() -> None:
    assert word_diff("ten hoogste 24 maanden,", "ten hoogste 36 maanden,") == [
        ("=", "ten hoogste "),
        ("-", "24"),
        ("+", "36"),
        ("=", " maanden,"),
    ]


def test_inserted_article_is_new_and_the_following_ones_moved(pair) -> None:
    by = {a.label: a for a in pair.articles}
    assert by["lks_buiten_doelgroep"].state == "nieuw"
    aanvraag = by["aanvraag"]
    assert aanvraag.moved and not aanvraag.changed and aanvraag.state == "verplaatst"
    line = f"{aanvraag.new.heading}: verplaatst (was artikel {aanvraag.old.number}), tekst ongewijzigd"
    assert f"- {line}" in to_markdown(pair).replace("\\", "")
    duur = by["duur_jobcoaching"]
    assert duur.moved and duur.changed
    changes = [s for p in duur.paras for s in p.segments if s[0] != "="]
    assert ("-", "24") in changes and ("+", "36") in changes
    assert [a.label for a in pair.articles].index("lks_buiten_doelgroep") == [a.label for a in pair.articles].index(
        "proefplaatsing"
    ) + 1


def test_removed_article_shows_as_vervallen_at_its_old_place() -> None:
    d = compare(
        assemble(load_choices(VERSIES / "nijkerk-2024.yaml")), assemble(load_choices(VERSIES / "nijkerk-2023.yaml"))
    )
    removed = next(a for a in d.articles if a.label == "lks_buiten_doelgroep")
    assert removed.state == "vervallen" and removed.new is None
    assert all(p.kind == "-" for p in removed.paras)


@pytest.mark.parametrize("old_path,new_path", list(itertools.permutations(EXAMPLES, 2))[:6], ids=lambda p: p.stem)
def test_example_pairs_reconstruct_both_versions(old_path: Path, new_path: Path) -> None:
    old, new = assemble(load_choices(old_path)), assemble(load_choices(new_path))
    d = compare(old, new)
    for a in d.articles:
        if a.new is not None:
            assert [accepted(p.segments) for p in a.paras if p.new is not None] == [p.full for p in paragraphs(a.new)]
            assert accepted(a.heading) == a.new.heading
        if a.old is not None:
            assert [rejected(p.segments) for p in a.paras if p.old is not None] == [p.full for p in paragraphs(a.old)]
            assert rejected(a.heading) == a.old.heading


def _docx_paragraphs(data: bytes, accept: bool) -> list[str]:
    """Paragraph texts with every tracked change accepted (or rejected), as Word would show them."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    out = []
    for p in root.iter(f"{W}p"):
        mark = p.find(f"{W}pPr/{W}rPr")
        if mark is not None and mark.find(f"{W}ins" if not accept else f"{W}del") is not None:
            continue  # the whole paragraph disappears
        text = ""
        for el in p.iter(f"{W}t", f"{W}delText", f"{W}tab", f"{W}noBreakHyphen"):
            if el.getparent().tag != f"{W}r":
                continue  # a tab stop in the paragraph properties
            wrapper = el.getparent().getparent()
            content = SPECIAL.get(el.tag, el.text or "")
            if wrapper.tag == f"{W}del":
                text += "" if accept else content
            elif wrapper.tag == f"{W}ins":
                text += content if accept else ""
            else:
                text += content
        out.append(text)
    return out


def _laid_out(article) -> set[str]:
    """The article's elements as the DOCX lays them out: the number set off by a tab."""
    return {f"{p.number}\t{p.text}" if p.number else p.text for p in paragraphs(article)}


def test_docx_has_real_tracked_changes(pair) -> None:
    data = to_docx(pair)
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    assert 'w:author="verordening"' in xml and "<w:ins " in xml and "<w:del " in xml and "<w:delText" in xml
    after, before = set(_docx_paragraphs(data, True)), set(_docx_paragraphs(data, False))
    assert _laid_out(pair.new.article("duur_jobcoaching")) <= after
    assert _laid_out(pair.old.article("duur_jobcoaching")) <= before
    lks = _laid_out(pair.new.article("lks_buiten_doelgroep"))
    assert lks <= after and not lks & before
    ids = [el.get(f"{W}id") for el in etree.fromstring(xml.encode()).iter(f"{W}ins", f"{W}del")]
    assert len(ids) == len(set(ids))


def test_html_escapes_user_text_and_marks_changes() -> None:
    old = choices_with(
        jobcoaching={"kwaliteitseisen": ["eigen_eisen"], "eigen_eisen": "<script>alert(1)</script> & meer"}
    )
    new = choices_with(
        jobcoaching={"kwaliteitseisen": ["eigen_eisen"], "eigen_eisen": "<b>vet</b>", "maximale_duur_maanden": 36}
    )
    page = to_html(compare(assemble(old), assemble(new)))
    assert "<script" not in page and "<b>" not in page and "&lt;" in page and "&amp; meer" in page
    assert "<del>24</del><ins>36</ins>" in page
    md = to_markdown(compare(assemble(old), assemble(new)))
    assert "~~24~~**36**" in md and "<script" not in md and "\\<" in md


def test_model_choices_keep_decision_data_and_take_model_defaults() -> None:
    draft = load_choices(VERSIES / "nijkerk-2024.yaml")
    model = model_choices(draft)
    assert (model.gemeente, model.jaar, model.inwerkingtreding) == (draft.gemeente, draft.jaar, draft.inwerkingtreding)
    assert model.jobcoaching == type(draft.jobcoaching)() and not model.artikel_13_loonkostensubsidie.opnemen


def test_cli_diff_model_and_usage_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["diff", str(VERSIES / "nijkerk-2024.yaml"), "--model"])
    assert result.exit_code == 0, result.output
    assert "VNG-model" in result.stdout and "nieuw" in result.stdout
    result = runner.invoke(
        app, ["diff", str(VERSIES / "nijkerk-2023.yaml"), str(VERSIES / "nijkerk-2024.yaml"), "--format", "docx"]
    )
    assert result.exit_code == 2 and "--out" in result.output
    out = tmp_path / "v.html"
    result = runner.invoke(
        app,
        [
            "diff",
            str(VERSIES / "nijkerk-2023.yaml"),
            str(VERSIES / "nijkerk-2024.yaml"),
            "--format",
            "html",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0 and "<ins>" in out.read_text(encoding="utf-8")


@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")), reason="LibreOffice (soffice) of pdftotext ontbreekt"
)
def test_libreoffice_shows_the_tracked_changes(pair, tmp_path: Path) -> None:
    (tmp_path / "v.docx").write_bytes(to_docx(pair))
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "v.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "v.pdf"), "-"], check=True, capture_output=True, text=True
    ).stdout
    # With changes shown, the deleted "24" stands right before the inserted "36".
    assert "2436 maanden" in text
