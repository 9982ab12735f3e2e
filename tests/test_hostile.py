"""The hostile-input corpus (tests/hostile/): each case through the CLI, with its expected exit code and message.

Built from the reliability attack report: choice files, Word templates, free-text payloads,
folder set-ups and the commands that write. No case may end in 'interne fout', lose data or
leave an unsafe output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .hostile.corpus import all_cases, run_case

CASES = list(all_cases())


def test_the_corpus_is_large_and_covers_every_area():
    areas = {c.area for c in CASES}
    assert len(CASES) >= 400, len(CASES)
    assert areas == {"keuzebestand", "sjabloon", "vrije tekst", "map en uitvoer", "opdracht"}, areas
    assert len({(c.area, c.name) for c in CASES}) == len(CASES), "case names are unique"


@pytest.mark.parametrize("case", CASES, ids=[f"{c.area}: {c.name}" for c in CASES])
def test_hostile_input(case, tmp_path: Path):
    verdict = run_case(case, tmp_path)
    assert verdict.ok, (verdict.problems, verdict.exit_code, verdict.stderr)
