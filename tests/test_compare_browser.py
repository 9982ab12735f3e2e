"""The comparison page in a real Chromium: keyboard focus, sorting, filters in the address, the map, a phone.

Skips (with the reason) when Chromium or Playwright is not installed; CI installs Chromium.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from verordening.engine.textfilters import straight
from verordening.runs.compare import Provenance, collect, dutch_sort_key, to_html
from verordening.runs.synthetic import generate

from .conftest import EXAMPLES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright = pytest.importorskip("playwright.sync_api", reason="Playwright is niet geïnstalleerd")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is niet geïnstalleerd")


@pytest.fixture(scope="module")
def page_file(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pagina")
    synthetic = [p for p in generate(folder / "syn") if p.stem in ("s-hertogenbosch", "heerlen", "heusden", "zwolle")]
    rows, failures = collect(EXAMPLES + synthetic, workers=1)
    assert not failures
    path = folder / "vergelijking.html"
    path.write_text(to_html(rows, Provenance.now(("municipalities/",), "output")), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


@pytest.fixture
def page(browser, page_file):
    pg = browser.new_page(viewport={"width": 1366, "height": 900})
    problems: list[str] = []
    pg.on("pageerror", lambda e: problems.append(str(e)))
    pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    pg.on("request", lambda r: problems.append(r.url) if not r.url.startswith("file:") else None)
    pg.goto(page_file.as_uri())
    yield pg
    pg.close()
    assert not problems, problems  # no script error, no request beyond the file itself


def _names(pg) -> list[str]:
    return pg.eval_on_selector_all("#matrix tbody tr:not([hidden]) th", "ths => ths.map(t => t.textContent)")


def test_rows_are_in_dutch_order(page) -> None:
    names = [straight(n) for n in _names(page)]
    assert names == sorted(names, key=dutch_sort_key)
    assert names.index("'s-Hertogenbosch") == names.index("Heerlen") + 1


def test_tabbing_reaches_the_sort_buttons_with_a_visible_focus_ring(page) -> None:
    seen = []
    for _ in range(60):
        page.keyboard.press("Tab")
        info = page.evaluate(
            "() => { const e = document.activeElement, s = getComputedStyle(e);"
            " return [e.tagName, e.closest('th') ? e.closest('th').id : '', s.outlineStyle, s.outlineWidth]; }"
        )
        seen.append(info)
        if info[0] == "BUTTON" and info[1] == "k-totaal":
            break
    tag, column, style, width = seen[-1]
    assert (tag, column) == ("BUTTON", "k-totaal"), seen
    assert style == "solid" and float(width.rstrip("px")) >= 2  # WCAG 2.4.7
    page.keyboard.press("Enter")
    assert page.get_attribute("#k-totaal", "aria-sort") == "ascending"
    totals = page.eval_on_selector_all(
        "#matrix tbody tr",
        "trs => trs.map(r => Number(r.cells[document.getElementById('k-totaal').cellIndex].textContent))",
    )
    assert totals == sorted(totals)


def test_filters_are_kept_in_the_address_and_restored(page, page_file) -> None:
    page.select_option("select[name=oval3]", "nee")
    rows = page.eval_on_selector_all("#matrix tbody tr:not([hidden])", "trs => trs.map(r => r.dataset.maatwerk)")
    assert rows and set(rows) == {"nee"}
    assert page.text_content("#aantal") == str(len(rows))
    link = page.get_attribute("#deel", "href")
    assert "oval3=nee" in link
    page.goto(page_file.as_uri() + "?eis=oval_keurmerk&sorteer=totaal:af")
    shown = page.eval_on_selector_all("#matrix tbody tr:not([hidden])", "trs => trs.map(r => r.dataset.eisen)")
    assert shown and all("oval_keurmerk" in e.split() for e in shown)
    assert page.input_value("select[name=eis]") == "oval_keurmerk"
    assert page.get_attribute("#k-totaal", "aria-sort") == "descending"


def test_map_names_the_municipality_on_focus_and_recolours(page) -> None:
    page.focus("#kaart a[data-code=GM0267]")  # Nijkerk
    assert page.text_content("#kaartinfo").startswith("Nijkerk: ")
    grey = page.eval_on_selector("#kaart path.geen", "p => getComputedStyle(p).fill")
    nijkerk = page.eval_on_selector("#kaart a[data-code=GM0267] path", "p => getComputedStyle(p).fill")
    assert grey != nijkerk
    page.select_option("#kaartvraag", "art13")
    assert page.get_attribute("#kaart", "data-vraag") == "art13"
    assert page.is_visible('.legenda[data-voor="art13"]') and not page.is_visible('.legenda[data-voor="score"]')


def test_phone_shows_cards_without_sideways_scrolling(browser, page_file) -> None:
    pg = browser.new_page(viewport={"width": 390, "height": 844})
    pg.goto(page_file.as_uri())
    assert pg.evaluate("document.documentElement.scrollWidth") <= 390
    assert pg.eval_on_selector("#matrix tbody tr", "tr => getComputedStyle(tr).display") == "block"
    assert not pg.eval_on_selector("#filterblok", "d => d.open")
    pg.close()


def test_without_javascript_every_municipality_is_shown(browser, page_file) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1366, "height": 900})
    pg = context.new_page()
    pg.goto(page_file.as_uri())
    assert pg.eval_on_selector_all("#matrix tbody tr:not([hidden])", "trs => trs.length") == len(EXAMPLES) + 4
    assert pg.get_attribute("#kaart", "data-vraag") == "score"
    context.close()
