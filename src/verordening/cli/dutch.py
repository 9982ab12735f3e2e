"""Dutch for the parts of the CLI that Typer writes itself: help headings and usage errors.

Typer (>= 0.29) vendors click as `typer._click` and has no translations. The help headings are
module constants of `typer.rich_utils`; the usage prefix and the help option's text are set
where Typer creates them. Usage errors are caught in `run()` and worded here. Every hook is
guarded: with another Typer version the CLI still works, only partly in English.
"""

from __future__ import annotations

import re
import sys
from typing import Any

import typer

HELP_OPTION_TEXT = "Toon deze hulptekst en stop."

_RICH_STRINGS = {
    "ARGUMENTS_PANEL_TITLE": "Argumenten",
    "OPTIONS_PANEL_TITLE": "Opties",
    "COMMANDS_PANEL_TITLE": "Opdrachten",
    "ERRORS_PANEL_TITLE": "Fout",
    "REQUIRED_LONG_STRING": "[verplicht]",
    "DEFAULT_STRING": "[standaard: {}]",
    "ABORTED_TEXT": "Afgebroken.",
    "RICH_HELP": "Zie [blue]'{command_path} {help_option}'[/] voor hulp.",
    "DEPRECATED_STRING": "(verouderd) ",
}


def install(argv: list[str] | None = None) -> None:
    """Replace Typer's English help strings by Dutch ones (idempotent).

    The rich help module costs ~0.08 s to import, so it is only patched when help can be shown.
    """
    argv = sys.argv[1:] if argv is None else argv
    wants_help = not argv or "--help" in argv
    rich_utils = None
    if wants_help:
        try:
            from typer import rich_utils
        except ImportError:  # pragma: no cover - rich is a dependency
            pass
    if rich_utils is not None:
        for name, text in _RICH_STRINGS.items():
            if hasattr(rich_utils, name):
                setattr(rich_utils, name, text)
        highlighter = getattr(rich_utils, "highlighter", None)
        if highlighter is not None and hasattr(highlighter, "highlights"):
            highlighter.highlights = [h.replace("Usage: ", "Gebruik: ") for h in highlighter.highlights]
    try:
        from typer._click import core as click_core
        from typer._click import formatting
    except ImportError:  # pragma: no cover - other Typer versions
        return
    if getattr(formatting.HelpFormatter.write_usage, "_dutch", False):
        return
    original_usage = formatting.HelpFormatter.write_usage

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        original_usage(self, prog, args, "Gebruik: " if prefix is None else prefix)

    write_usage._dutch = True  # type: ignore[attr-defined]
    formatting.HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]

    original_help = click_core.Command.get_help_option

    def get_help_option(self: Any, ctx: Any) -> Any:
        option = original_help(self, ctx)
        if option is not None:
            option.help = HELP_OPTION_TEXT
        return option

    click_core.Command.get_help_option = get_help_option  # type: ignore[method-assign]


_PHRASES = [
    (re.compile(r"'(.*)' is not a valid integer(?: range)?\.?"), r"'\1' is geen geheel getal"),
    (re.compile(r"'(.*)' is not in the range (.*)\.?"), r"'\1' valt buiten het bereik \2"),
    (re.compile(r"(.*) is not in the range (.*)\.?"), r"\1 valt buiten het bereik \2"),
    (re.compile(r"'(.*)' is not one of (.*)\.?"), r"'\1' is geen van \2"),
    (re.compile(r"No such command '(.*)'\. Did you mean (.*)\?"), r"onbekende opdracht '\1'; bedoelt u \2?"),
    (re.compile(r"No such command '(.*)'\.?"), r"onbekende opdracht '\1'"),
    (re.compile(r"Input should be a valid integer.*"), r"verwacht een geheel getal"),
    (re.compile(r"Input should be greater than or equal to (\d+).*"), r"verwacht een getal van ten minste \1"),
    (re.compile(r"Got unexpected extra arguments? \((.*)\)"), r"onverwacht extra argument: \1"),
    (re.compile(r"Option '(.*)' requires an argument\.?"), r"de optie '\1' vraagt een waarde"),
    (re.compile(r"Option '(.*)' does not take a value\.?"), r"de optie '\1' neemt geen waarde"),
]


def _translate(message: str) -> str:
    for pattern, dutch in _PHRASES:
        if pattern.fullmatch(message.strip()):
            return pattern.sub(dutch, message.strip())
    return message


def usage_message(exc: Exception) -> str:
    """A Dutch sentence for a Typer/click usage error."""
    kind = type(exc).__name__
    param = getattr(exc, "param", None)
    name = getattr(param, "name", None) or ""
    if kind == "MissingParameter":
        if name == "files":
            return "geef ten minste één keuzebestand (YAML) of map met keuzebestanden op"
        shown = getattr(param, "metavar", None) or name
        return f"het argument {shown} ontbreekt"
    if kind == "NoSuchOption":
        option = getattr(exc, "option_name", "")
        close = getattr(exc, "possibilities", None) or []
        hint = f"; bedoelt u {' of '.join(repr(p) for p in close)}?" if close else ""
        return f"onbekende optie '{option}'{hint}"
    message = getattr(exc, "message", str(exc))
    if kind == "BadParameter":
        hint = getattr(exc, "param_hint", None) or (f"--{name}" if name else "een optie")
        if isinstance(hint, (list, tuple)):
            hint = " / ".join(hint)
        return f"ongeldige waarde voor {hint}: {_translate(message)}"
    return _translate(message)


def run(app: typer.Typer) -> int:
    """Run the app; usage errors are reported in Dutch with exit code 2."""
    from typer._click import exceptions as click_exceptions
    from typer.exceptions import Abort

    try:
        result = app(standalone_mode=False, prog_name="verordening")
    except click_exceptions.NoArgsIsHelpError as exc:
        ctx = getattr(exc, "ctx", None)
        if ctx is not None:
            typer.echo(ctx.get_help())
        return 0
    except click_exceptions.UsageError as exc:
        ctx = getattr(exc, "ctx", None)
        path = ctx.command_path if ctx is not None else "verordening"
        message = usage_message(exc)
        end = "" if message.endswith((".", "?")) else "."
        typer.echo(f"Fout: {message}{end}\nZie '{path} --help' voor hulp.", err=True)
        return 2
    except Abort:
        typer.echo("Afgebroken.", err=True)
        return 1
    return result if isinstance(result, int) else 0
