"""The HTML review page printed (Chromium's print to PDF): page numbers, the choices as notes, no heading
alone at a page foot, the checklist after the text instead of before the aanhef."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from verordening.choicefile.reader import load_choices
from verordening.engine.assemble import assemble
from verordening.engine.checklist import compute
from verordening.render.html import render

from .conftest import EXAMPLES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
PDFTOTEXT = shutil.which("pdftotext")


def printed(tmp_path, ordinance) -> list[str]:
    """The text of each printed page."""
    page = tmp_path / "pagina.html"
    page.write_bytes(render(ordinance, compute(ordinance)))
    pdf = tmp_path / "pagina.pdf"
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--user-data-dir={tmp_path / 'profiel'}",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    text = subprocess.run([PDFTOTEXT, "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return text.split("\f")[:-1]


@pytest.mark.skipif(CHROMIUM is None or PDFTOTEXT is None, reason="Chromium of pdftotext ontbreekt")
@pytest.mark.parametrize("example", [EXAMPLES[0]], ids=lambda p: p.stem)
def test_printed_page(tmp_path, example):
    ordinance = assemble(load_choices(example))
    pages = printed(tmp_path, ordinance)
    assert len(pages) > 10
    for n, text in enumerate(pages, 1):
        assert f"pagina {n} van {len(pages)}" in text
    # the aanhef on the first page, the checklist after the toelichting
    assert ordinance.aanhef[0] in pages[0]
    where = {
        key: next(n for n, text in enumerate(pages) if needle in text)
        for key, needle in (("checklist", "Wettelijke vereisten"), ("toelichting", "Artikelsgewijs"))
    }
    assert where["checklist"] > where["toelichting"]
    # the note of each article that choices shaped (its choices, its grondslag) is printed
    assert sum(text.count("Grondslag:") for text in pages) == len([a for a in ordinance.articles if a.choices])
    # no page ends on a heading
    headings = {a.heading for a in ordinance.articles} | {c.heading for c in ordinance.chapters}
    for text in pages:
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        body = [line for line in lines if not re.fullmatch(r"pagina \d+ van \d+", line)]
        assert body[-1] not in headings, body[-1]
