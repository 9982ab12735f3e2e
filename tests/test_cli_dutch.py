"""The CLI speaks Dutch, also where Typer writes the text itself."""

from __future__ import annotations

import subprocess
import sys


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "verordening", *args], capture_output=True, text=True, env={"COLUMNS": "100", "PATH": ""}
    )


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


def test_internal_error_is_reported_in_dutch_and_debug_shows_the_traceback(monkeypatch, capsys):
    import pytest

    from verordening.cli import app as cli
    from verordening.engine import assemble

    def broken(*args, **kwargs):
        raise RuntimeError("kapot")

    monkeypatch.setattr(assemble, "assemble", broken)
    monkeypatch.setattr("verordening.cli.check.assemble", broken)
    monkeypatch.setenv(cli.DEBUG_ENV, "")  # recorded, so the --debug run below is undone after the test
    example = "municipalities/nijkerk.yaml"
    monkeypatch.setattr(sys, "argv", ["verordening", "check", example])
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert "Interne fout (RuntimeError: kapot)" in err and "--debug" in err and "Traceback" not in err

    monkeypatch.setattr(sys, "argv", ["verordening", "--debug", "check", example])
    with pytest.raises(RuntimeError, match="kapot"):
        cli.main()
