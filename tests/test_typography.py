"""Typeset output: non-breaking hyphens in titles and place names, the typographic apostrophe; the
straight forms everywhere a person types or a program compares (slug, choice file, search)."""

from __future__ import annotations

import io
import zipfile

import pytest

from verordening.engine.textfilters import APOSTROPHE, NOBREAK_HYPHEN, straight, typeset
from verordening.runs.build import BuildOptions, render_all

from .conftest import choices_with

NB, AP = NOBREAK_HYPHEN, APOSTROPHE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("'s-Hertogenbosch", f"{AP}s{NB}Hertogenbosch"),
        ("Re-integratieverordening", f"Re{NB}integratieverordening"),
        ("de re-integratie", f"de re{NB}integratie"),
        ("Súdwest-Fryslân", f"Súdwest{NB}Fryslân"),
        ("'t Zandt", f"{AP}t Zandt"),
        ("zo'n", f"zo{AP}n"),
        # a hyphen in a compound may end a line; a quotation mark is no apostrophe
        ("OVAL-keurmerk", "OVAL-keurmerk"),
        ("Blik op Werk-keurmerk", "Blik op Werk-keurmerk"),
        ("'eigen eisen'", "'eigen eisen'"),
        ("artikel 10-12", "artikel 10-12"),
    ],
)
def test_typeset_and_back(text, expected):
    assert typeset(text) == expected
    assert straight(typeset(text)) == text


def test_markdown_keeps_plain_hyphens():
    assert typeset("'s-Hertogenbosch", hyphens=False) == f"{AP}s-Hertogenbosch"


def test_every_format_typesets_the_place_name_and_the_title():
    rendered = render_all(choices_with(gemeente="'s-Hertogenbosch"), BuildOptions())
    o = rendered.ordinance
    assert o.slug == "s-hertogenbosch" and o.choices.gemeente == "'s-Hertogenbosch"  # built in the straight form
    assert o.citeertitel == "Re-integratieverordening Participatiewet 's-Hertogenbosch 2023"
    html = rendered.files["s-hertogenbosch.html"].decode()
    assert f"<h1>Re{NB}integratieverordening Participatiewet {AP}s{NB}Hertogenbosch 2023</h1>" in html
    assert "'s-Hertogenbosch" not in html.split("</title>", 1)[1]
    md = rendered.files["s-hertogenbosch.md"].decode()
    assert md.startswith(f"# Re-integratieverordening Participatiewet {AP}s-Hertogenbosch 2023\n")
    with zipfile.ZipFile(io.BytesIO(rendered.files["s-hertogenbosch.docx"])) as z:
        body = z.read("word/document.xml").decode()
        core = z.read("docProps/core.xml").decode()
    # Word's own non-breaking hyphen element, the apostrophe as a character
    assert f"<w:t>Re</w:t><w:noBreakHyphen/><w:t>integratieverordening Participatiewet {AP}s</w:t>" in body
    assert "'s-Hertogenbosch" not in body
    assert "Participatiewet 's-Hertogenbosch 2023" in core.replace("&apos;", "'")  # properties stay searchable
