"""The HTML review page: links that resolve, escaped user text, no external requests; and in Chromium."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from verordening.choicefile.reader import load_choices
from verordening.engine.assemble import assemble
from verordening.engine.checklist import compute
from verordening.engine.library import load_library
from verordening.engine.textfilters import NOBREAK_HYPHEN
from verordening.render.html import article_body, linked, render
from verordening.runs.build import RENDERERS, BuildOptions

from .conftest import EXAMPLES, article, choices_with, write_library

SCRIPT = '<script>document.title="x"</script>'


class Page(HTMLParser):
    """ids, links (with the section they are in), tags and text of a page."""

    def __init__(self, text: str):
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []  # (href, innermost element id around it)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self._stack: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.links.append((a["href"], next((s for s in reversed(self._stack) if s), "")))
        if tag not in ("meta", "br", "link", "img"):
            self._stack.append(a.get("id") or (tag if tag == "nav" else ""))

    def handle_endtag(self, tag):
        if self._stack:
            self._stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def page_of(choices, library=None) -> tuple[object, list, str]:
    ordinance = assemble(choices, library)
    checklist = compute(ordinance, library)
    return ordinance, checklist, render(ordinance, checklist, BuildOptions()).decode("utf-8")


@pytest.fixture(params=EXAMPLES, ids=lambda p: p.stem)
def example_page(request):
    return page_of(load_choices(request.param))


def test_registered_as_html_renderer():
    assert RENDERERS[".html"] is render


def test_toc_and_every_link_resolve(example_page):
    ordinance, _, text = example_page
    page = Page(text)
    assert 'lang="nl"' in text
    for a in ordinance.articles:
        assert f"artikel-{a.number}" in page.ids
    for c in ordinance.chapters:
        assert f"hoofdstuk-{c.number}" in page.ids
    toc = [href for href, where in page.links if where == "nav"]
    assert toc.count("#controle") == 1 and "#toelichting" in toc
    assert [h for h in toc if h.startswith("#artikel-")] == [f"#artikel-{a.number}" for a in ordinance.articles]
    for href, _ in page.links:
        assert href.startswith("#") and href[1:] in page.ids, href


def test_cross_references_become_links(example_page):
    ordinance, _, text = example_page
    page = Page(text)
    expected = [
        f"#artikel-{n}"
        for a in ordinance.articles
        for lid in a.leden
        for _, _, n in lid.refs + [r for o in lid.onderdelen for r in o.refs + [x for s in o.subs for x in s.refs]]
    ]
    in_articles = [href for href, where in page.links if where.startswith("artikel-") and href.startswith("#artikel-")]
    headings = [f"#artikel-{a.number}" for a in ordinance.articles]  # each heading links to itself
    assert expected and sorted(in_articles) == sorted(expected + headings)
    assert '<a href="#artikel-' in text[text.index('id="toelichting"') :]


def test_no_external_requests_or_scripts(example_page):
    _, _, text = example_page
    page = Page(text)
    assert not {"script", "link", "img", "iframe", "object", "embed"} & set(page.tags)
    assert not any(name == "src" or (name.startswith("on")) for name, _ in page.attrs)
    assert 'href="http' not in text and "url(" not in text and "@import" not in text


def test_checklist_at_the_top_with_met_and_unmet():
    choices = choices_with(
        clientenraad={"afgezien": "geen cliëntenraad"}, persoonlijke_ondersteuning={"subsidie_werkgever": False}
    )
    ordinance, checklist, text = page_of(choices)
    assert text.index('id="controle"') < text.index('id="aanhef"') < text.index('id="artikel-1"')
    statuses = re.findall(r'<td data-label="Voldaan" class="status"><span>([^<]*)</span>', text)
    assert statuses == ["voldaan" if r.met else "niet voldaan" for r in checklist.vereisten]
    assert "niet voldaan" in statuses and "voldaan" in statuses
    assert '<li class="waarschuwing">' in text and "geen cliëntenraad" in text  # art. 47: procedure, not a requirement
    assert "wetten.overheid.nl/BWBR0015703/2023-07-01" in text


def test_choices_are_shown_beside_the_article(tmp_path):
    library = load_library(
        write_library(
            tmp_path / "lib",
            {
                "a": (
                    '---\nlabel: a\ntitle: Duur\nchapter: "1"\norder: 1\nbasis: artikel 8a Participatiewet\n'
                    "choices: [jobcoaching.maximale_duur_maanden, jobcoaching.verlenging.toegestaan, jobcoaching.kwaliteitseisen]\n---\n"
                    "{% block artikel %}\nDe jobcoaching duurt ten hoogste {{ k.jobcoaching.maximale_duur_maanden|maanden }}.\n"
                    "{% endblock %}\n{% block toelichting %}Uitleg.{% endblock %}\n"
                )
            },
        )
    )
    choices = choices_with(
        jobcoaching={
            "maximale_duur_maanden": 18,
            "kwaliteitseisen": ["oval_keurmerk", "noloc"],
            "verlenging": {"toegestaan": True, "maximale_duur_maanden": 6},
        }
    )
    _, _, text = page_of(choices, library)
    article = text[text.index('id="artikel-1"') : text.index("</article>")]
    aside = article[article.index("<aside") :]
    shown = re.findall(
        r'<div data-sleutel="([^"]*)"><dt>([^<]*)</dt><dd>([^<]*)</dd><dd class="alt">([^<]*)</dd>', aside
    )
    assert shown[:2] == [
        (
            "jobcoaching.maximale_duur_maanden",
            "Maximale duur van jobcoaching",
            "achttien maanden",
            "keuze van de gemeente",
        ),
        (
            "jobcoaching.verlenging.toegestaan",
            "Verlenging van jobcoaching mogelijk",
            "ja",
            "keuze van de gemeente; ook mogelijk: nee",
        ),
    ]
    # This library names no quality standards, so the codes stand in for their names (kwaliteitseisen.yaml).
    key, title, value, others = shown[2]
    assert (key, title, value) == (
        "jobcoaching.kwaliteitseisen",
        "Kwaliteitseisen voor jobcoaches",
        "oval_keurmerk of noloc",
    )
    assert others.startswith("keuze van de gemeente; ook mogelijk: blik_op_werk_keurmerk, ")


def test_choice_values_for_a_reader():
    k = load_choices(EXAMPLES[0])
    page = Page(page_of(k)[2])
    assert "(onbekende keuze)" not in page.text
    text = " ".join(page.text)
    assert "Verlenging van jobcoaching mogelijk" in text and "Maximale verlenging van jobcoaching" in text
    names = [
        entry["naam"]
        for key, entry in load_library().kwaliteitseisen.items()
        if key in {e.value for e in k.jobcoaching.kwaliteitseisen}
    ]
    shown = re.search(r"<dt>Kwaliteitseisen voor jobcoaches</dt><dd>([^<]*)</dd>", page_of(k)[2]).group(1)
    assert names and all(name in shown for name in names)  # the clause library's names, not the codes


def test_links_go_exactly_where_the_engine_wrote_a_reference():
    text = "zie artikel 2, tweede lid, en artikel 10, derde lid, van de wet"
    assert linked(text, [(4, 13, 2)]) == (
        'zie <a href="#artikel-2">artikel 2</a>, tweede lid, en artikel 10, derde lid, van de wet'
    )
    assert linked("a < b & artikel 3", [(8, 17, 3)]) == 'a &lt; b &amp; <a href="#artikel-3">artikel 3</a>'


def test_article_structure_as_nested_lists(tmp_path):
    library = load_library(
        write_library(
            tmp_path / "lib",
            {
                "a": article("a", "[lid] A:\n[onderdeel] een;\n[onderdeel] twee:\n[sub] s1;\n[sub] s2.\n[lid] B."),
                "b": article("b", "Enig lid:\n[onderdeel] een.", order=20),
            },
        )
    )
    ordinance = assemble(choices_with(), library)
    assert article_body(ordinance.article("a")) == (
        "<ol>\n<li>\n<p>A:</p>\n<ul>\n<li>a. een;</li>\n<li>b. twee:\n<ul>\n<li>1° s1;</li>\n<li>2° s2.</li>\n"
        "</ul>\n</li>\n</ul>\n</li>\n<li>\n<p>B.</p>\n</li>\n</ol>\n"
    )
    assert article_body(ordinance.article("b")) == "<p>Enig lid:</p>\n<ul>\n<li>a. een.</li>\n</ul>\n"


def test_law_references_in_the_toelichting_are_not_linked(example_page):
    _, _, text = example_page
    toelichting = text[text.index('id="toelichting"') :]
    assert "(artikel 10, derde lid)" in toelichting  # the Participatiewet, cited in the general part
    assert '<a href="#artikel-10">artikel 10</a>, derde lid)' not in toelichting


def test_user_text_is_escaped():
    evil = f'{SCRIPT} <img src=x onerror="alert(1)"> [klik](http://example.org) &amp; **vet**'
    choices = choices_with(jobcoaching={"kwaliteitseisen": ["eigen_eisen"], "eigen_eisen": evil})
    _, _, text = page_of(choices)
    page = Page(text)
    assert "script" not in page.tags and "img" not in page.tags and "strong" not in page.tags
    assert "&lt;script&gt;" in text and "http://example.org" in text and 'href="http' not in text
    assert "&amp;amp;" in text  # an entity in user text stays the characters the user typed
    assert any(SCRIPT in t for t in page.text)


# --- Chromium ---------------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium ontbreekt (apt-get install chromium)")
def test_in_chromium_links_resolve_and_injected_script_does_not_run(tmp_path):
    choices = choices_with(jobcoaching={"kwaliteitseisen": ["eigen_eisen"], "eigen_eisen": SCRIPT})
    ordinance, _, text = page_of(choices)
    path = tmp_path / "pagina.html"
    path.write_text(text, encoding="utf-8")
    dom = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--user-data-dir={tmp_path / 'profiel'}",
            "--virtual-time-budget=2000",
            "--dump-dom",
            path.as_uri(),
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    page = Page(dom)
    title = re.search(r"<title>(.*?)</title>", dom, re.S).group(1)
    assert title.startswith(ordinance.citeertitel)  # document.title="x" never ran
    assert "script" not in page.tags
    assert any(SCRIPT in t for t in page.text)  # the browser shows it as text
    toc = [href for href, where in page.links if where == "nav"]
    assert len(toc) >= len(ordinance.articles) + len(ordinance.chapters)
    for href in toc:
        assert href[1:] in page.ids, href


def test_the_markdown_and_the_page_show_the_same_structure(example):
    """CommonMark (markdown-it) renders our Markdown of each article and toelichting to the page's HTML."""
    from markdown_it import MarkdownIt

    from verordening.render.html import paragraphs_html
    from verordening.render.markdown import article_lines, paragraph_lines

    md = MarkdownIt("commonmark", {"html": False})
    ordinance = assemble(load_choices(example))
    for a in ordinance.articles:
        for e in a.elements():
            e.unit.refs = e.unit.marks = []  # Markdown has no links and no marks; compare the words and the lists
        for p in a.toelichting:
            p.refs, p.bullet_refs = [], []
        plain = article_body(a).replace("&#x27;", "'").replace(NOBREAK_HYPHEN, "-")  # Markdown keeps "-"
        assert md.render("\n".join(article_lines(a)[2:])) == plain, a.heading
        assert md.render("\n".join(paragraph_lines(a.toelichting))) == paragraphs_html(a.toelichting).replace(
            "&#x27;", "'"
        ).replace(NOBREAK_HYPHEN, "-"), a.heading
