"""`verordening bewerk` end to end: the real server process, driven in headless Chromium (Debian's chromium
through Playwright). Skipped with the reason when Chromium or Playwright is absent."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright = pytest.importorskip("playwright.sync_api", reason="Playwright (Python) ontbreekt")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium ontbreekt (CI installeert het met apt)")

DURATION = "#veld-jobcoaching-maximale-duur-maanden"
EXTENSION = "#veld-jobcoaching-verlenging-toegestaan"


class Editor:
    def __init__(self, path: Path):
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "verordening", "bewerk", str(path), "--geen-browser"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert self.process.stdout is not None
        self.url = self.process.stdout.readline().strip()  # the first line: the address with the token

    def stop(self) -> tuple[int, str]:
        self.process.send_signal(signal.SIGINT)  # Ctrl-C
        _, err = self.process.communicate(timeout=20)
        return self.process.returncode, err


@pytest.fixture
def editor(tmp_path: Path):
    path = tmp_path / "nijkerk.yaml"
    shutil.copy(ROOT / "municipalities" / "nijkerk.yaml", path)
    running = Editor(path)
    yield running, path
    if running.process.poll() is None:
        running.process.kill()
        running.process.wait()


@pytest.fixture
def page(editor):
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1366, "height": 900}, locale="nl-NL")
        page.goto(editor[0].url)
        yield page
        browser.close()


def draft_text(page) -> str:
    return page.frame_locator("#ontwerp").locator("body").inner_text()


def wait_for_update(page, before: str | None) -> None:
    page.wait_for_function(
        "(before) => document.getElementById('status').dataset.antwoord !== before", arg=before, timeout=10_000
    )


def change(page, action) -> str:
    before = page.locator("#status").get_attribute("data-antwoord")
    action()
    wait_for_update(page, before)
    return page.locator("#status").text_content()


def test_live_draft_errors_beside_the_field_and_save_keeps_the_comments(editor, page, tmp_path: Path):
    running, path = editor
    original = path.read_text(encoding="utf-8")
    assert page.url.endswith("/") and "token" not in page.url  # the token left the address bar
    assert "ten hoogste 24 maanden" in draft_text(page)
    page.screenshot(path=str(tmp_path / "1-geopend.png"))

    status = change(page, lambda: page.uncheck(EXTENSION))
    assert "Ontwerp bijgewerkt" in status
    maatwerk = page.locator(".oval li", has_text="Maatwerk")
    assert "nee" in (maatwerk.get_attribute("class") or "")

    change(page, lambda: page.fill(DURATION, "36"))
    assert "ten hoogste 36 maanden" in draft_text(page)
    assert "ja" in (page.locator(".oval li", has_text="Maatwerk").get_attribute("class") or "")
    page.screenshot(path=str(tmp_path / "2-36-maanden.png"))

    change(page, lambda: page.fill(DURATION, "200"))
    error = page.locator("#fout-veld-jobcoaching-maximale-duur-maanden")
    assert error.is_visible()
    assert "verwacht een geheel getal van 1 tot en met 120 maanden, gegeven: 200" in error.text_content()
    assert page.get_attribute(DURATION, "aria-invalid") == "true"
    assert "1 fout" in page.locator("#status").text_content()
    page.screenshot(path=str(tmp_path / "3-fout.png"))

    refused = change(page, lambda: page.click("#opslaan"))  # an invalid choice is never saved
    assert "fout" in refused and path.read_text(encoding="utf-8") == original

    change(page, lambda: page.fill(DURATION, "36"))
    assert not error.is_visible() and page.get_attribute(DURATION, "aria-invalid") is None
    page.focus("#opslaan")
    saved = change(page, lambda: page.keyboard.press("Enter"))
    assert "Opgeslagen" in saved
    page.screenshot(path=str(tmp_path / "4-opgeslagen.png"))

    text = path.read_text(encoding="utf-8")
    comments = [line for line in original.splitlines() if line.lstrip().startswith("#")]
    assert [line for line in text.splitlines() if line.lstrip().startswith("#")] == comments
    assert "  maximale_duur_maanden: 36" in text and "    toegestaan: false" in text
    backups = list(path.parent.glob("nijkerk.yaml.bewerkt-*"))
    assert [b.read_text(encoding="utf-8") for b in backups] == [original]

    code, err = running.stop()
    assert code == 0 and "Traceback" not in err and "gestopt" in err


def test_keyboard_only(editor, page):
    target = DURATION.lstrip("#")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == target:
            break
    assert page.evaluate("document.activeElement.id") == target, "het veld is met Tab niet te bereiken"
    focus = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert focus != "none"
    change(page, lambda: (page.keyboard.press("Control+A"), page.keyboard.type("30")))
    assert "ten hoogste 30 maanden" in draft_text(page)
    label = page.locator(f"label[for={target}]").text_content()
    assert label.startswith("Maximale duur van jobcoaching")
