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


@app.command(options_metavar="[OPTIES]")
def nieuw(
    gemeente: Annotated[
        str, typer.Argument(metavar="GEMEENTE", help="De gemeente, zoals 'Nijkerk'.", show_default=False)
    ],
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Naam van het nieuwe keuzebestand; standaard <gemeente>.yaml in deze map."),
    ] = None,
    standaard: Annotated[
        bool,
        typer.Option(
            "--standaard",
            help="Stel geen vragen: schrijf de standaardkeuzes van het model, met voorlopige waarden waar het "
            "model geen standaard heeft (de controle noemt ze tot ze zijn ingevuld).",
        ),
    ] = False,
) -> None:
    """Maak een nieuw keuzebestand: vraag voor vraag in de terminal, of met --standaard zonder vragen."""
    from verordening.advisor import commented
    from verordening.advisor.create import write_new
    from verordening.advisor.standard import standard
    from verordening.choicefile.municipalities import UnknownMunicipality, municipality_by_name
    from verordening.cli.app import UsageError
    from verordening.cli.check import run_check

    with refusals():
        try:
            municipality = municipality_by_name(gemeente)
        except UnknownMunicipality as exc:
            raise UsageError(str(exc)) from None
        path = out or Path(f"{municipality.slug}.yaml")
        if path.exists():
            write_new(path, "")  # refuses, with the reason
        if standaard:
            values = standard(municipality.naam)
        elif not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise UsageError(
                "verordening nieuw stelt de vragen in een terminal, maar hier is geen terminal. Gebruik "
                f"'verordening nieuw {municipality.naam} --standaard --out {path}': dat schrijft de standaardkeuzes "
                "van het model met uitleg bij elke sleutel; 'verordening check' noemt daarna wat nog moet "
                "worden ingevuld, en 'verordening bewerk' opent het bestand in de browser."
            )
        else:
            from verordening.advisor.interview import Interview

            values = Interview(municipality.naam, typer.echo).run()
        written, note = write_new(path, commented.render(values))
    typer.echo(f"keuzebestand geschreven: {written[0]}")
    if note:
        typer.echo(f"let op: {note}", err=True)
    typer.echo(f"controle van {path}:")
    code = run_check([path], None)
    typer.echo(
        f"Pas de keuzes aan met 'verordening bewerk {path}' of in een editor; bouw met 'verordening build {path}'."
    )
    raise typer.Exit(2 if code == 2 else 0)


@app.command(options_metavar="[OPTIES]")
def bewerk(
    file: Annotated[
        Path, typer.Argument(metavar="KEUZEBESTAND", help="Het keuzebestand dat u wilt bewerken.", show_default=False)
    ],
    poort: Annotated[
        int, typer.Option("--poort", min=0, max=65535, help="Poort op 127.0.0.1; 0 kiest een vrije poort.")
    ] = 0,
    geen_browser: Annotated[bool, typer.Option("--geen-browser", help="Open de browser niet zelf.")] = False,
) -> None:
    """Bewerk een keuzebestand in de browser, met het ontwerp, de controle en de OVAL-scorecard ernaast."""
    from verordening.advisor.editor.server import serve
    from verordening.cli.app import UsageError

    with refusals():
        if not file.is_file():
            raise UsageError(
                f"{file}: dit bestand bestaat niet; maak het met 'verordening nieuw GEMEENTE --out {file}'"
            )
        try:
            serve(file, poort, lambda url: typer.echo(url), open_browser=not geen_browser)
        except KeyboardInterrupt:  # Ctrl-C is how the editor is meant to end (uvicorn re-raises it after shutdown)
            pass
        except OSError as exc:
            if exc.errno in (98, 13):  # address in use, or a privileged port
                raise UsageError(
                    f"poort {poort} op 127.0.0.1 is niet beschikbaar; kies een andere met --poort"
                ) from None
            raise
    typer.echo("De editor is gestopt.", err=True)
