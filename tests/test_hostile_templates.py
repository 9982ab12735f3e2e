"""--template paths that are no file, and pandoc's reference.docx; the hostile templates run in test_hostile.py."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from verordening.cli.app import app

from .conftest import ROOT
from .hostile import templates
from .hostile.templates import assert_clean_docx

NIJKERK = str(ROOT / "municipalities" / "nijkerk.yaml")
CASES = list(templates.cases())


def build(template: Path, out: Path):
    return CliRunner().invoke(app, ["build", NIJKERK, "--template", str(template), "--out", str(out)])


def test_the_corpus_covers_the_attack_report():
    assert len(CASES) >= 70
    assert len({name for name, _, _ in CASES}) == len(CASES)


@pytest.mark.parametrize("kind", ["missing", "directory", "fifo", "device"])
def test_template_path_that_is_no_file(tmp_path: Path, kind: str):
    template = tmp_path / "huisstijl.docx"
    if kind == "directory":
        template.mkdir()
    elif kind == "fifo":
        import os

        os.mkfifo(template)
    elif kind == "device":
        template.symlink_to("/dev/zero")
    result = build(template, tmp_path / "uitvoer")
    assert result.exit_code == 1 and f"het sjabloon {template}" in result.stderr, result.stderr


@pytest.mark.skipif(shutil.which("pandoc") is None, reason="pandoc is niet geïnstalleerd")
def test_pandocs_standard_reference_docx(tmp_path: Path):
    """R2: --help calls the option a reference.docx; pandoc's own must work."""
    data = subprocess.run(
        ["pandoc", "--print-default-data-file", "reference.docx"], capture_output=True, check=True
    ).stdout
    template = tmp_path / "reference.docx"
    template.write_bytes(data)
    result = build(template, tmp_path / "uitvoer")
    assert result.exit_code == 0, result.stderr
    assert_clean_docx(tmp_path / "uitvoer" / "nijkerk" / "nijkerk.docx")
    with zipfile.ZipFile(io.BytesIO((tmp_path / "uitvoer" / "nijkerk" / "nijkerk.docx").read_bytes())) as z:
        assert b"Compact" in z.read("word/styles.xml"), "pandoc's own styles are kept"
