"""build --pdf: the DOCX through LibreOffice, beside it and written with it; a Dutch refusal without it."""

from __future__ import annotations

import shutil
import stat
import subprocess

import pytest
from typer.testing import CliRunner

from verordening.cli.app import app
from verordening.render import pdf
from verordening.runs.build import BuildOptions, build_file
from verordening.runs.output import read_manifest

from .conftest import EXAMPLES

LIBREOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(LIBREOFFICE is None, reason="LibreOffice ontbreekt")
def test_pdf_beside_the_docx_and_in_the_manifest(tmp_path):
    rendered, written = build_file(EXAMPLES[0], BuildOptions(out_dir=tmp_path, pdf=True))
    slug = rendered.ordinance.slug
    target = tmp_path / slug / f"{slug}.pdf"
    assert target in written
    data = target.read_bytes()
    assert data.startswith(b"%PDF-")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(target), "-"], check=True, capture_output=True, text=True).stdout
        assert rendered.ordinance.articles[-1].heading in text
    # the PDF is protected against being overwritten after a hand edit, like every other output
    assert f"{slug}.pdf" in read_manifest(tmp_path / slug)


def test_without_libreoffice_a_dutch_refusal_and_nothing_written(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    out = tmp_path / "uit"
    result = CliRunner().invoke(app, ["build", str(EXAMPLES[0]), "--pdf", "--out", str(out)])
    assert result.exit_code != 0
    assert "--pdf vraagt LibreOffice" in result.output and "laat --pdf weg" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_a_converter_that_hangs_is_stopped(tmp_path, monkeypatch):
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\n{shutil.which('sleep')} 60\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(pdf.PdfError, match="seconden nog geen PDF"):
        pdf.from_docx(b"PK", "nijkerk", timeout=0.5)


def test_a_converter_that_fails_is_a_dutch_error(tmp_path, monkeypatch):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\necho 'Error: source file could not be loaded' >&2\nexit 1\n")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(pdf.PdfError, match="kon de DOCX niet omzetten"):
        pdf.from_docx(b"PK", "nijkerk")
