"""Golden Markdown per example municipality.

The golden files were read in full by a person before they were committed. After an
intended change to the clauses, regenerate with `UPDATE_GOLDEN=1 python -m pytest
tests/test_golden.py` and read the diff (`git diff tests/golden`) before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

from verordening.choicefile.reader import load_choices
from verordening.runs.build import render_all

GOLDEN = Path(__file__).parent / "golden"


def test_markdown_matches_the_golden_file(example):
    rendered = render_all(load_choices(example))
    actual = rendered.files[f"{rendered.ordinance.slug}.md"].decode("utf-8")
    golden = GOLDEN / f"{example.stem}.md"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"{golden} ontbreekt; maak hem met UPDATE_GOLDEN=1 en lees hem na"
    expected = golden.read_text(encoding="utf-8")
    assert actual == expected, f"de Markdown van {example.name} wijkt af van {golden}; lees de verschillen na"
