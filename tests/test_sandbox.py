"""Templates cannot be broken from outside: user values are data, templates run sandboxed and strict."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from verordening.cli.app import app
from verordening.engine.assemble import assemble
from verordening.engine.library import load_library
from verordening.errors import BuildError
from verordening.render.markdown import escape as md_escape
from verordening.runs.build import RENDERERS

from .conftest import ROOT, article, choices_with, write_library

NIJKERK = (ROOT / "municipalities" / "nijkerk.yaml").read_text(encoding="utf-8")
JINJA = "{{ 7*7*191 }} en {% for x in range(3) %}x{% endfor %} en {{ k.__class__ }}"
HTML = "<script>alert('hallo')</script> & <b>vet</b>"


def build_with(tmp_path: Path, eigen_eisen: str, intrekking: str) -> Path:
    """Build Nijkerk through the CLI with eigen_eisen and intrekking set; return its output folder."""
    text = NIJKERK.replace(
        "kwaliteitseisen: [oval_keurmerk, blik_op_werk_keurmerk]", "kwaliteitseisen: [oval_keurmerk, eigen_eisen]"
    )
    text = text.replace(
        'intrekking: "Re-integratieverordening Participatiewet Nijkerk 2015"', f"intrekking: {_q(intrekking)}"
    )
    assert "eigen_eisen]" in text and _q(intrekking) in text
    text = text.replace("jobcoaching:\n", f"jobcoaching:\n  eigen_eisen: {_q(eigen_eisen)}\n", 1)
    path = tmp_path / "nijkerk.yaml"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(path), "--out", str(tmp_path / "uit")])
    assert result.exit_code == 0, result.stderr
    return tmp_path / "uit" / "nijkerk"


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def test_jinja_in_free_text_appears_literally(tmp_path: Path):
    md = (build_with(tmp_path, JINJA, "{{ gemeente }} {% raw %}") / "nijkerk.md").read_text(encoding="utf-8")
    assert md_escape(JINJA) in md
    assert md_escape("{{ gemeente }} {% raw %}") in md
    assert "9359" not in md  # 7*7*191, had it been evaluated
    assert "xxx" not in md and "class 'verordening" not in md and "Choices" not in md


@pytest.mark.skipif(".html" not in RENDERERS, reason="de HTML-renderer (render_html.py) is er nog niet")
def test_html_in_free_text_is_escaped_in_html(tmp_path: Path):
    html = (build_with(tmp_path, HTML, "<img src=x onerror=alert(1)>") / "nijkerk.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<b>vet" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(" in html and "&lt;img src=x onerror=alert(1)&gt;" in html


def test_html_in_free_text_is_plain_text_in_markdown_and_docx(tmp_path: Path):
    out = build_with(tmp_path, HTML, "Verordening <i>oud</i>")
    md = (out / "nijkerk.md").read_text(encoding="utf-8")
    assert "<script>" not in md and md_escape("<script>") in md
    if ".docx" in RENDERERS:
        with zipfile.ZipFile(out / "nijkerk.docx") as docx:
            xml = docx.read("word/document.xml").decode("utf-8")
        assert "<script>" not in xml and "&lt;script&gt;" in xml


# --- a small clause library that puts user text where it could do most harm ---------------


@pytest.fixture
def library(tmp_path: Path):
    def make(body: str):
        return load_library(
            write_library(tmp_path / "lib", {"a": article("a", body), "b": article("b", "[lid] Tweede.", order=20)})
        )

    return make


def test_marker_in_user_text_cannot_create_structure(library):
    lib = library("[lid] Eerste lid:\n{{ k.intrekking }}\n[lid:twee] Tweede lid, zie {{ ref('b') }}.")
    for hostile in ("[lid] nep lid", "[onderdeel] nep onderdeel", "[sub] nep", "[lid:twee] kaping", "x\n[lid] y"):
        ordinance = assemble(choices_with(intrekking=hostile), lib)
        [a, b] = ordinance.articles
        assert [lid.number for lid in a.leden] == [1, 2]
        assert all(not lid.onderdelen for lid in a.leden)
        assert hostile.replace("\n", " ") in a.leden[0].text
        assert a.leden[1].text == "Tweede lid, zie artikel 2."


def test_user_text_cannot_forge_a_reference(library):
    lib = library("[lid] Tekst {{ k.intrekking }}.")
    # The schema refuses private-use characters (choicefile/fields.py); the engine stays safe without it.
    ordinance = assemble(choices_with().model_copy(update={"intrekking": "zie \ue000b\ue001 en \ue000*a|b\ue001"}), lib)
    text = ordinance.articles[0].leden[0].text
    assert "artikel 2" not in text and "zie b en *a|b" in text


def test_user_text_is_never_template_source(library):
    lib = library("[lid] De {{ k.intrekking }} wordt ingetrokken in {{ gemeente }}.")
    ordinance = assemble(choices_with(intrekking="{{ gemeente }} {{ ref('b') }}"), lib)
    assert ordinance.articles[0].leden[0].text == "De {{ gemeente }} {{ ref('b') }} wordt ingetrokken in Nijkerk."


@pytest.mark.parametrize(
    "body",
    [
        "[lid] {{ ''.__class__.__mro__[1].__subclasses__() }}",  # reach Python internals
        "[lid] {{ k.__class__.__init__.__globals__ }}",
        "[lid] {{ k.jobcoaching.kwaliteitseisen.append(1) }}",  # change the choices
        "[lid] {{ k.jobcoaching.maximale_duur }}",  # misspelt key: a build error, not a blank
        "[lid] {{ onbekend }}",
    ],
)
def test_templates_are_sandboxed_and_strict(library, body: str):
    with pytest.raises(BuildError):
        assemble(choices_with(), library(body))


@pytest.mark.parametrize(
    ("body", "why"),
    [
        ("[lid] {{ 'x' * 300000000 }}", "reeks van meer dan"),  # R21: 2.4 GB and 30 s before
        ("[lid] {{ [1] * 10000000 }}", "reeks van meer dan"),
        ("[lid] {{ 10 ** 10000000000 }}", "te grote macht"),
        ("[lid] {% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}x", "stappen"),
        ("[lid] {% for i in range(100000) %}{{ 'y' * 100 }}{% endfor %}", "tekens tekst"),
    ],
)
def test_templates_have_a_resource_budget(library, body: str, why: str):
    import time

    start = time.monotonic()
    with pytest.raises(BuildError, match=why):
        assemble(choices_with(), library(body))
    assert time.monotonic() - start < 10


def test_ordinary_loops_stay_within_the_budget(library):
    ordinance = assemble(choices_with(), library("[lid] {% for i in range(3) %}{{ i * 2 }}{% endfor %} {{ 2 ** 8 }}"))
    assert ordinance.articles[0].leden[0].text == "024 256"
