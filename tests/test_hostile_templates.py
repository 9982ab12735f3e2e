"""Hostile --template files (tests/hostile/templates.py) through the CLI: built clean, or refused in Dutch."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from verordening.cli.app import app

from .conftest import ROOT
from .hostile import templates

NIJKERK = str(ROOT / "municipalities" / "nijkerk.yaml")
CASES = list(templates.cases())
_SAFE = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
_DANGEROUS = (
    b'TargetMode="External"',
    b"attachedTemplate",
    b"vbaProject",
    b"<!DOCTYPE",
    b"INCLUDEPICTURE",
    b"INCLUDETEXT",
    b"oleObject",
    b"mailMerge",
)


def build(template: Path, out: Path):
    return CliRunner().invoke(app, ["build", NIJKERK, "--template", str(template), "--out", str(out)])


def assert_clean_docx(path: Path) -> None:
    """Well-formed, small, and nothing that fetches, runs or embeds."""
    with zipfile.ZipFile(path) as z:
        total = 0
        for info in z.infolist():
            assert not info.filename.startswith(("word/media/", "word/embeddings/", "customXml/")), info.filename
            data = z.read(info)
            total += len(data)
            assert all(bad not in data for bad in _DANGEROUS), (info.filename, [b for b in _DANGEROUS if b in data])
            if info.filename.endswith((".xml", ".rels")):
                etree.fromstring(data, _SAFE)
        assert total < 4 << 20
    import docx

    docx.Document(str(path))  # python-docx reopens it


def test_the_corpus_covers_the_attack_report():
    assert len(CASES) >= 70
    assert len({name for name, _, _ in CASES}) == len(CASES)


@pytest.mark.parametrize(("name", "data", "expected"), CASES, ids=[c[0] for c in CASES])
def test_hostile_template(tmp_path: Path, name: str, data: bytes, expected: str):
    template = tmp_path / f"{name}.docx"
    template.write_bytes(data)
    out = tmp_path / "uitvoer"
    result = build(template, out)
    assert "interne fout" not in result.stderr.lower(), result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    if expected == "ok":
        assert result.exit_code == 0, result.stderr
        assert_clean_docx(out / "nijkerk" / "nijkerk.docx")
    else:
        assert result.exit_code == 1, (result.exit_code, result.stderr)
        assert f"het sjabloon {template}" in result.stderr and expected in result.stderr, result.stderr
        assert not (out / "nijkerk").exists()


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
