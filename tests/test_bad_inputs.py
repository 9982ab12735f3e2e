"""The bad-input corpus: every file in tests/bad_inputs/ is refused through the CLI.

Each `<name>.yaml` has a `<name>.expected` beside it: one substring per line that stderr must
contain (file name with line, key path, what was expected and what was given). A refused file
gives exit code 2, no traceback, and no output folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from verordening.cli.app import app

CORPUS = Path(__file__).parent / "bad_inputs"
CASES = sorted(CORPUS.glob("*.yaml"))


def run(args: list[str]):
    return CliRunner().invoke(app, args)


def assert_refused(result, out: Path, expected: list[str]) -> None:
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr, result.exception)
    assert isinstance(result.exception, SystemExit), result.exception  # no unexpected exception escaped
    assert "Traceback" not in result.stderr + result.stdout
    for fragment in expected:
        assert fragment in result.stderr, f"ontbreekt in de melding: {fragment!r}\n{result.stderr}"
    # Whatever the input holds, the message is plain printable text (terminal escapes are shown, not obeyed).
    assert all(ch.isprintable() or ch == "\n" for ch in result.stderr), repr(result.stderr)
    assert not out.exists(), "er is uitvoer geschreven voor een ongeldig keuzebestand"


def test_corpus_is_large_enough_and_complete():
    assert len(CASES) >= 40
    for case in CASES:
        expected = case.with_suffix(".expected")
        assert expected.is_file(), f"{expected.name} ontbreekt"
        assert expected.read_text(encoding="utf-8").strip(), f"{expected.name} is leeg"


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_bad_input_is_refused_with_a_located_message(case: Path, tmp_path: Path):
    expected = [line for line in case.with_suffix(".expected").read_text(encoding="utf-8").splitlines() if line]
    out = tmp_path / "uitvoer"
    assert_refused(run(["build", str(case), "--out", str(out)]), out, expected)


def test_every_problem_of_a_file_is_reported_once(tmp_path: Path):
    case = CORPUS / "many_problems.yaml"
    result = run(["build", str(case), "--out", str(tmp_path / "uitvoer")])
    lines = result.stderr.strip().splitlines()
    assert len(lines) == len(set(lines)) == 11, result.stderr
    assert all(line.startswith(f"{case}:") for line in lines)


def test_check_command_refuses_the_same_way(tmp_path: Path):
    result = run(["check", str(CORPUS / "duration_600.yaml")])
    assert result.exit_code == 2
    assert "duration_600.yaml:12 [jobcoaching.maximale_duur_maanden]" in result.stderr


def test_one_bad_file_does_not_hide_the_next(tmp_path: Path):
    files = [str(CORPUS / "jaar_out_of_range.yaml"), str(CORPUS / "unknown_key_typo.yaml")]
    result = run(["build", *files, "--out", str(tmp_path / "uitvoer")])
    assert result.exit_code == 2
    assert "jaar_out_of_range.yaml:2 [jaar]" in result.stderr
    assert "unknown_key_typo.yaml:1 [gemeentee]" in result.stderr


def test_very_large_file(tmp_path: Path):
    case = tmp_path / "groot.yaml"
    text = (CORPUS.parent / "bad_inputs" / "missing_gemeente.yaml").read_text(encoding="utf-8")
    case.write_text("gemeente: Nijkerk\n" + text + "# opvulling\n" * 40_000, encoding="utf-8")
    out = tmp_path / "uitvoer"
    assert_refused(run(["build", str(case), "--out", str(out)]), out, ["groot.yaml: ", "KiB groot", "hooguit 256 KiB"])


def test_missing_file(tmp_path: Path):
    out = tmp_path / "uitvoer"
    assert_refused(
        run(["build", str(tmp_path / "bestaat-niet.yaml"), "--out", str(out)]),
        out,
        ["bestaat-niet.yaml: het bestand bestaat niet"],
    )


@pytest.mark.parametrize("name", ["alias_bomb", "deep_nesting_brackets", "binary_data"])
def test_real_process_shows_no_traceback(name: str, tmp_path: Path):
    """The installed entry point (python -m verordening), not only the in-process runner."""
    out = tmp_path / "uitvoer"
    proc = subprocess.run(
        [sys.executable, "-m", "verordening", "build", str(CORPUS / f"{name}.yaml"), "--out", str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=120,
    )
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    expected = [line for line in (CORPUS / f"{name}.expected").read_text(encoding="utf-8").splitlines() if line]
    assert all(fragment in proc.stderr for fragment in expected), proc.stderr
    assert not out.exists()
