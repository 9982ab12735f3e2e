"""`verordening schema`, `nieuw` and `bewerk`: the commands for advisors who do not write YAML.

Thin wrappers around verordening.advisor; registered on the app by cli/app.py. Heavy libraries
(questionary, Starlette, uvicorn) are imported only by the command that needs them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from verordening.cli.app import Force, app, refusals

OutFile = Annotated[Path | None, typer.Option("--out", help="Schrijf naar dit bestand in plaats van naar het scherm.")]


@app.command(options_metavar="[OPTIES]")
def schema(out: OutFile = None, force: Force = False) -> None:
    """Schrijf het JSON-schema van het keuzebestand, voor aanvulling en foutmarkering in de editor (VS Code)."""
    from verordening.advisor.json_schema import schema_bytes
    from verordening.runs.output import write_file

    with refusals():
        data = schema_bytes()
        if out is None:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
            return
        write_file(out, data, force=force)
    typer.echo(f"schema geschreven naar {out}", err=True)
