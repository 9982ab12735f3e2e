"""docs/wettekst.md is generated from the law data of the clause library, and docs/bronnen.md agrees with it."""

from __future__ import annotations

import os
import re

from verordening.engine.library import load_library
from verordening.render.wettekst import render

from .conftest import ROOT

DOCS = ROOT / "docs"


def test_wettekst_is_generated_from_the_law_data():
    actual = render(load_library().law)
    path = DOCS / "wettekst.md"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(actual, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == actual, "docs/wettekst.md is verouderd; maak het opnieuw"


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("°.", "°")).strip()


def test_every_statute_quote_in_bronnen_is_in_the_law_data():
    """A quote in docs/bronnen.md that starts like the Act (its first 40 characters occur in the version the
    section cites) must continue like the Act: misquotes of the statute fail, quotes of VNG pages are ignored."""
    law = load_library().law
    corpus = {v.valid_from.isoformat(): _normal(" ".join(v.text(n) or "" for n in v.articles)) for v in law.versions}
    text = (DOCS / "bronnen.md").read_text(encoding="utf-8")
    checked = 0
    for section in re.split(r"\n(?=## )", text):
        m = re.match(r"## .*\(text valid from (\d{1,2}) (January|July) (\d{4})\)", section)
        if not m:
            continue
        version = corpus[f"{m.group(3)}-{'01' if m.group(2) == 'January' else '07'}-{int(m.group(1)):02d}"]
        for quote in re.findall(r"\"([^\"|]{60,})\"", section):  # not across table cells
            for piece in quote.split("…"):
                piece = _normal(piece).strip(" ;:.,")
                if len(piece) >= 40 and piece[:40] in version:
                    assert piece in version, piece[:80]
                    checked += 1
    assert checked >= 10


def test_every_dated_link_to_the_act_names_a_known_version_or_an_older_one():
    known = {v.valid_from.isoformat() for v in load_library().law.versions}
    for path in (DOCS / "bronnen.md", ROOT / "src" / "verordening" / "model_clauses" / "wet" / "README.md"):
        for date in re.findall(r"BWBR0015703/(\d{4}-\d{2}-\d{2})", path.read_text(encoding="utf-8")):
            assert date in known or date < "2023-07-01", (path.name, date)
