"""The bespreekversie: choices in words beside each article, chosen values marked, left-out articles shown;
the published text (Markdown, the ordinance DOCX) without any of it."""

from __future__ import annotations

import io
import re
import zipfile
from html.parser import HTMLParser

import pytest
from lxml import etree

from verordening.choicefile.reader import load_choices
from verordening.choicefile.schema import Kwaliteitseis, value_keys
from verordening.engine import choice_notes
from verordening.engine.library import load_library
from verordening.engine.textfilters import MARK_CLOSE, MARK_OPEN, take_marks
from verordening.runs.build import BuildOptions, render_all

from .conftest import EXAMPLES, ROOT, docx_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NIJKERK = ROOT / "municipalities" / "nijkerk.yaml"
SMALLINGERLAND = ROOT / "municipalities" / "smallingerland.yaml"
CODES = {k.value for k in Kwaliteitseis} | {"nadere_regels", "dag_na_bekendmaking", "eerder_zelfde_functie"}


@pytest.fixture(scope="module")
def built():
    # keyed by slug: the name of the built files ("voorbeeld-lansingerland.yaml" builds "lansingerland.html")
    return {r.ordinance.slug: r for r in (render_all(load_choices(path), BuildOptions()) for path in EXAMPLES)}


class Asides(HTMLParser):
    """The visible text of each <aside> (the choice boxes) of a page."""

    def __init__(self, text: str):
        super().__init__()
        self.boxes: list[str] = []
        self._depth = 0
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        if tag == "aside":
            self._depth += 1
            self.boxes.append("")

    def handle_endtag(self, tag):
        if tag == "aside":
            self._depth -= 1

    def handle_data(self, data):
        if self._depth:
            self.boxes[-1] += data + " "


def page(built, slug: str) -> str:
    return built[slug].files[f"{slug}.html"].decode("utf-8")


def article_html(text: str, number: int) -> str:
    start = text.index(f'id="artikel-{number}"')
    return text[start : text.index("</article>", start)]


def test_marks_leave_the_text_and_move_the_references():
    marked = f"ten hoogste {MARK_OPEN}24 maanden{MARK_CLOSE}, als bedoeld in artikel 3"
    start = marked.index("artikel 3")
    text, refs, marks = take_marks(marked, [(start, start + 9, 3)])
    assert text == "ten hoogste 24 maanden, als bedoeld in artikel 3"
    assert [text[s:e] for s, e, _ in refs] == ["artikel 3"]
    assert [text[s:e] for s, e in marks] == ["24 maanden"]


def test_a_value_cannot_forge_a_mark():
    """The choice file refuses private-use characters; should one reach a template, it is dropped there, so a
    mark only ever comes from the template's own |keuze."""
    env = load_library().env
    forged = f"Oude {MARK_CLOSE}verordening{MARK_OPEN}"
    out = env.from_string("{{ x }} / {{ x|keuze }}").render(x=forged)
    assert out == f"Oude verordening / {MARK_OPEN}Oude verordening{MARK_CLOSE}"


def test_the_choice_boxes_speak_dutch_for_every_example(built):
    keys = set(value_keys())
    for slug, rendered in built.items():
        boxes = Asides(page(built, slug)).boxes
        assert boxes
        for box in boxes:
            words = set(re.findall(r"[a-z0-9_]+(?:\.[a-z0-9_]+)+|[a-z0-9]+_[a-z0-9_]+", box))
            assert not words & keys, (slug, words & keys)
            assert not words & CODES, (slug, words & CODES)
        with_choices = [a for a in rendered.ordinance.articles if a.choices]
        text = page(built, slug)
        for a in with_choices:
            origins = re.findall(r'<dd class="alt">([^<]*)</dd>', article_html(text, a.number))
            assert origins and all(o.startswith(("keuze van de gemeente", "standaardwaarde")) for o in origins)


def test_a_choice_the_file_makes_and_a_default(built):
    """Nijkerk sets the maximum duration of jobcoaching itself and leaves the budgetplafond at the default."""
    o = built["nijkerk"].ordinance
    text = page(built, "nijkerk")

    def origin(label: str, title: str) -> str:
        box = article_html(text, o.article(label).number)
        return re.search(rf"<dt>{title}</dt><dd>[^<]*</dd><dd class=\"alt\">([^<]*)</dd>", box).group(1)

    assert origin("duur_jobcoaching", "Maximale duur van jobcoaching") == "keuze van de gemeente"
    assert origin("middelen", "Budgetplafond") == "standaardwaarde; ook mogelijk: nee"


def test_the_alternatives_and_the_chosen_values(built):
    o = built["nijkerk"].ordinance
    text = page(built, "nijkerk")
    box = " ".join(Asides(article_html(text, o.article("kwaliteitseisen").number)).boxes[0].split())
    assert "Kwaliteitseisen voor jobcoaches OVAL-keurmerk of Blik op Werk-keurmerk" in box
    assert "ook mogelijk: UWV-erkenning, Nationaal Jobcoachregister, Noloc of eigen eisen van de gemeente" in box
    duur = article_html(text, o.article("duur_jobcoaching").number)
    marked = re.findall(r'<mark class="keuze"[^>]*>([^<]*)</mark>', duur)
    assert marked == ["24 maanden", "twaalf maanden"]  # the maximum and the verlenging, where the text says them


def test_a_left_out_article_stays_visible_in_its_place(built):
    o = built["smallingerland"].ordinance
    assert not o.choices.artikel_13_loonkostensubsidie.opnemen
    text = page(built, "smallingerland")
    ghost = re.search(r'<p class="ghost" id="weggelaten-lks_buiten_doelgroep">(.*?)</p>', text).group(1)
    ghost = re.sub(r"<[^>]+>", "", ghost)
    assert "Loonkostensubsidie voor personen buiten de doelgroep loonkostensubsidie’ — niet opgenomen" in ghost
    assert "Loonkostensubsidie buiten de doelgroep (artikel 13 van het VNG-model): nee" in ghost
    # In its place: after the last article of chapter 3 that is included, before chapter 4.
    before = o.article("proefplaatsing").number
    at = text.index('id="weggelaten-lks_buiten_doelgroep"')
    assert text.index(f'id="artikel-{before}"') < at < text.index('id="hoofdstuk-4"')
    assert 'id="weggelaten-lks_buiten_doelgroep"' not in page(built, "nijkerk")  # Nijkerk includes it


def test_html_navigation(built):
    text = page(built, "nijkerk")
    assert '<a href="#tekst">Naar de tekst</a>' in text
    assert '<h2 id="tekst" class="ontwerp">Ontwerpverordening</h2>' in text
    assert text.index('id="controle"') < text.index('id="tekst"') < text.index('id="aanhef"')
    assert re.search(r'<nav class="toc"[^>]*><details><summary>Inhoud</summary>', text)


def docx_parts(data: bytes) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: etree.fromstring(z.read(n)) for n in z.namelist() if n.endswith(".xml")}


def test_the_bespreekversie_has_a_comment_at_each_article_with_choices(built):
    for slug, rendered in built.items():
        o = rendered.ordinance
        parts = docx_parts(rendered.files[f"{slug}-bespreekversie.docx"])
        comments = parts["word/comments.xml"].findall(f"{W}comment")
        body = parts["word/document.xml"].find(f"{W}body")
        anchored = {}
        for p in body.iter(f"{W}p"):
            for start in p.findall(f"{W}commentRangeStart"):
                anchored[start.get(f"{W}id")] = docx_text(p)
        t = choice_notes.texts(o)
        expected = {a.heading: a for a in o.articles if choice_notes.notes(o, a.choices)}
        assert sorted(anchored.values()) == sorted(expected), slug  # one comment on each such article's heading
        for c in comments:
            heading = anchored[c.get(f"{W}id")]
            lines = [docx_text(p) for p in c.findall(f"{W}p")]
            notes = choice_notes.notes(o, expected[heading].choices)
            assert lines == ["Keuzes in dit artikel", *(choice_notes.line(t, n) for n in notes)]
        header = " ".join(docx_text(root) for name, root in parts.items() if "header" in name)
        assert "Bespreekversie — niet voor publicatie" in header
        highlighted = [docx_text(r) for r in body.iter(f"{W}r") if r.find(f"{W}rPr/{W}highlight") is not None]
        marked = [e.text[s:u] for a in o.articles for e in a.elements() for s, u in e.unit.marks]
        assert highlighted == marked and marked, slug


def test_the_bespreekversie_shows_the_left_out_article(built):
    o = built["smallingerland"].ordinance
    body = docx_parts(built["smallingerland"].files["smallingerland-bespreekversie.docx"])["word/document.xml"]
    texts = [docx_text(p) for p in body.iter(f"{W}p")]
    ghost = next(
        i for i, t in enumerate(texts) if "Loonkostensubsidie voor personen buiten" in t and "niet opgenomen" in t
    )
    assert "(artikel 13 van het VNG-model): nee" in texts[ghost]
    assert texts.index(o.article("proefplaatsing").heading) < ghost < texts.index(o.chapters[3].heading)


def test_the_published_text_is_clean(built):
    """The Markdown and the ordinance DOCX: no marks, no comments, no highlight, no bespreekversie words; the
    bespreekversie says the same text of the articles, only with its additions."""
    for slug, rendered in built.items():
        md = rendered.files[f"{slug}.md"].decode("utf-8")
        assert MARK_OPEN not in md and MARK_CLOSE not in md and "<mark" not in md
        assert "Bespreekversie —" not in md and "’ — niet opgenomen" not in md
        data = rendered.files[f"{slug}.docx"]
        parts = docx_parts(data)
        assert "word/comments.xml" not in parts
        xml = b"".join(etree.tostring(root) for root in parts.values())
        assert b"highlight" not in xml and b"commentReference" not in xml and b"Bespreekversie" not in xml
        ordinance = [docx_text(p) for p in parts["word/document.xml"].iter(f"{W}p")]
        review = docx_parts(rendered.files[f"{slug}-bespreekversie.docx"])["word/document.xml"]
        shown = [docx_text(p) for p in review.iter(f"{W}p")]
        extra = [s for s in shown if s not in ordinance]
        assert [s for s in shown if s in ordinance] == ordinance, slug
        assert all("niet opgenomen" in s or "Bespreekversie" in s or "bespreking in de raad" in s for s in extra), extra
