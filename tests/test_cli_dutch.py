"""The CLI speaks Dutch, also where Typer writes the text itself."""

from __future__ import annotations

import subprocess
import sys


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "verordening", *args], capture_output=True, text=True, env={"COLUMNS": "100", "PATH": ""})


def test_help_is_dutch():
    out = run("--help").stdout
    assert "Gebruik: verordening [OPTIES] OPDRACHT" in out
    assert "Opdrachten" in out and "Toon deze hulptekst en stop." in out
    for english in ("Usage:", "Show this message", "Commands", "Options"):
        assert english not in out


def test_usage_errors_are_dutch_with_exit_code_2():
    cases = {
        ("bild",): "onbekende opdracht 'bild'; bedoelt u 'build'?",
        ("build",): "geef ten minste één keuzebestand",
        ("build", "--outt", "x", "a.yaml"): "onbekende optie '--outt'; bedoelt u '--out'?",
        ("build", "--processen", "nul", "a.yaml"): "ongeldige waarde voor --processen: verwacht een geheel getal",
        ("diff",): "het argument OUD ontbreekt",
    }
    for args, expected in cases.items():
        result = run(*args)
        assert result.returncode == 2, args
        assert expected in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr
        assert "Zie 'verordening" in result.stderr
