"""Command line: thin wrappers around build.py; all messages in Dutch, no tracebacks."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from verordening.errors import FileSystemError, VerordeningError

app = typer.Typer(
    help="Stelt de Re-integratieverordening Participatiewet van een gemeente op uit het VNG-model en een keuzebestand.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    options_metavar="[OPTIES]",
    subcommand_metavar="OPDRACHT [ARGUMENTEN]...",
)

DEBUG_ENV = "VERORDENING_DEBUG"  # set by --debug; read by worker processes too (batch.py)

Template = Annotated[
    Path | None,
    typer.Option(
        "--template", help="Word-bestand (reference.docx) waarvan de DOCX de opmaakprofielen (huisstijl) overneemt."
    ),
]

Files = Annotated[
    list[Path],
    typer.Argument(
        metavar="KEUZEBESTAND_OF_MAP", help="Keuzebestanden (YAML), of mappen met keuzebestanden.", show_default=False
    ),
]


Force = Annotated[
    bool,
    typer.Option(
        "--force",
        help="Overschrijf ook met de hand bewerkte uitvoer; de bewerkte versie blijft als reservekopie bewaard.",
    ),
]
CHOICE_SUFFIXES = (".yaml", ".yml")


def expand(paths: list[Path]) -> list[Path]:
    """Files as given; a folder stands for the *.yaml files in it (any case; hidden files skipped)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = sorted(q for q in p.iterdir() if q.suffix.lower() in CHOICE_SUFFIXES and not q.name.startswith("."))
            if not found:
                raise UsageError(f"{p}: in deze map staan geen keuzebestanden (*.yaml of *.yml)")
            out += found
        else:
            out.append(p)
    return out


class UsageError(VerordeningError):
    exit_code = 2


Library = Annotated[
    Path | None,
    typer.Option(
        "--bibliotheek",
        metavar="MAP",
        help="Een andere clausulebibliotheek (een eigen variant van het model); standaard die van dit programma.",
    ),
]


def fail(exc: VerordeningError) -> None:
    typer.echo(str(exc), err=True)


@contextmanager
def refusals() -> Iterator[None]:
    """Every refusal of a command as its Dutch message and exit code; the machine's refusals too."""
    try:
        yield
    except VerordeningError as exc:
        fail(exc)
        raise typer.Exit(exc.exit_code) from None
    except OSError as exc:
        fail(FileSystemError(exc.filename or "verordening", exc, "lezen of schrijven"))
        raise typer.Exit(1) from None


@app.callback()
def _options(
    debug: Annotated[
        bool, typer.Option("--debug", help="Toon bij een fout ook de technische foutmelding (traceback).")
    ] = False,
) -> None:
    if debug:
        os.environ[DEBUG_ENV] = "1"


@app.command(options_metavar="[OPTIES]")
def build(
    files: Files,
    out: Annotated[Path, typer.Option("--out", help="Map waarin de uitvoer komt; per gemeente een submap.")] = Path(
        "output"
    ),
    template: Template = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Overschrijf ook met de hand bewerkte uitvoer; de bewerkte versie blijft als reservekopie bewaard.",
        ),
    ] = False,
    processen: Annotated[
        int | None,
        typer.Option(
            "--processen",
            min=1,
            help="Aantal processen voor veel keuzebestanden tegelijk; standaard alle processorkernen.",
        ),
    ] = None,
    bibliotheek: Library = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="Maak ook een PDF van de DOCX (vraagt LibreOffice).")] = False,
    raadspakket: Annotated[
        bool | None,
        typer.Option(
            "--raadspakket/--geen-raadspakket",
            help="Maak ook het raadsvoorstel, de was-wordt-tabel en de bespreekversie; "
            "standaard bij één keuzebestand wel, bij meer tegelijk niet.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Bouw de verordening (Markdown, DOCX, HTML, controlelijst) voor elk keuzebestand, bij één keuzebestand ook het raadspakket."""
    from verordening.runs.batch import build_many
    from verordening.runs.build import BuildOptions

    options = BuildOptions(
        out_dir=out, template=template, force=force, library=bibliotheek, pdf=pdf, council=raadspakket
    )
    with refusals():
        if pdf:
            from verordening.render.pdf import converter

            converter()  # no LibreOffice: say so before anything is built or written
        _, exit_code = build_many(expand(files), options, workers=processen)
    raise typer.Exit(exit_code)


@app.command(options_metavar="[OPTIES]")
def check(files: Files, bibliotheek: Library = None) -> None:
    """Toon de controle op de wettelijke vereisten (artikel 8a Participatiewet en verder) en de procedure; exitcode 1 als een vereiste niet is voldaan."""
    from verordening.cli.check import run_check

    with refusals():
        paths = expand(files)
    raise typer.Exit(run_check(paths, bibliotheek))


@app.command(options_metavar="[OPTIES]")
def compare(
    files: Files,
    format: Annotated[
        str,
        typer.Option(
            "--format",
            help="Uitvoerformaat: md, csv, html (pagina met kaart, sorteren en filteren) of xlsx (Excel); "
            "meer tegelijk met komma's (html,xlsx) of 'alle', dan is --out de naam zonder extensie.",
        ),
    ] = "md",
    out: Annotated[
        Path | None, typer.Option("--out", help="Schrijf naar dit bestand in plaats van naar het scherm.")
    ] = None,
    scheidingsteken: Annotated[
        str, typer.Option("--scheidingsteken", help="Scheidingsteken voor csv: ';' (Nederlandse Excel) of ','.")
    ] = ";",
    verordeningen: Annotated[
        str,
        typer.Option(
            "--verordeningen",
            metavar="MAP_OF_URL",
            help="Waar de gebouwde verordeningen staan (de map van 'verordening build --out', of een webadres); "
            "de pagina linkt elke gemeente daarheen.",
        ),
    ] = "output",
    force: Force = False,
) -> None:
    """Vergelijk gemeenten: per gemeente de belangrijkste keuzes en de OVAL-scorecard, met kaart en samenvatting."""
    from verordening.runs.batch import same_municipality
    from verordening.runs.compare import FORMATS, SEPARATORS, collect, render
    from verordening.runs.compare.provenance import Provenance, link_base
    from verordening.runs.output import write_file, write_outputs

    formats = list(FORMATS) if format == "alle" else [f.strip() for f in format.split(",") if f.strip()]
    if not formats or any(f not in FORMATS for f in formats):
        raise typer.BadParameter(f"kies uit {', '.join(FORMATS)}, meer met komma's, of 'alle'", param_hint="--format")
    if scheidingsteken not in SEPARATORS:
        raise typer.BadParameter("kies ';' of ','", param_hint="--scheidingsteken")
    if out is None and (formats == ["xlsx"] or len(formats) > 1):
        what = "een Excel-bestand kan" if formats == ["xlsx"] else "meer bestanden kunnen"
        typer.echo(f"{what} niet op het scherm worden getoond; geef met --out een bestandsnaam op", err=True)
        raise typer.Exit(2)
    with refusals():
        paths = expand(files)
    twice = same_municipality(paths)
    if twice:
        typer.echo(
            f"let op: {twice.replace('niets gebouwd, want ', '')}; de vergelijking telt die gemeente meer dan eens",
            err=True,
        )
    rows, failures = collect(paths)
    for failure in failures:
        typer.echo(failure.error, err=True)
    base, warning = link_base(verordeningen, out, [r.slug for r in rows])
    if warning and "html" in formats:
        typer.echo(warning, err=True)
    source = Provenance.now(tuple(str(f) for f in files), base)
    data = {f: render(rows, f, scheidingsteken, source) for f in formats}  # one collection, every format
    if out is None:
        sys.stdout.buffer.write(data[formats[0]])
        sys.stdout.flush()
    elif len(formats) == 1:
        with refusals():
            write_file(out, data[formats[0]], force=force, inputs=paths)
        typer.echo(f"{len(rows)} gemeenten vergeleken → {out}", err=True)
    else:
        stem = out.with_suffix("") if out.suffix.lstrip(".") in FORMATS else out
        with refusals():
            written = write_outputs(
                stem.parent, {f"{stem.name}.{f}": d for f, d in data.items()}, force=force, inputs=paths
            )
        typer.echo(f"{len(rows)} gemeenten vergeleken → {', '.join(str(w) for w in written)}", err=True)
    raise typer.Exit(max((f.exit_code for f in failures), default=0))


@app.command("genereer-synthetisch", options_metavar="[OPTIES]")
def genereer_synthetisch(
    map: Annotated[
        Path,
        typer.Argument(
            metavar="MAP", help="Map voor de synthetische keuzebestanden (niet municipalities/).", show_default=False
        ),
    ],
    seed: Annotated[
        int, typer.Option("--seed", help="Startwaarde van het toeval; dezelfde seed geeft dezelfde bestanden.")
    ] = 2023,
    force: Force = False,
) -> None:
    """Schrijf synthetische keuzebestanden (SYNTHETISCH, geen beleid) voor alle huidige gemeenten, voor tests en metingen."""
    from verordening.runs.synthetic import generate

    with refusals():
        written = generate(map, seed, force=force)
    typer.echo(f"{len(written)} synthetische keuzebestanden geschreven in {map}")


@app.command(options_metavar="[OPTIES]")
def diff(
    old: Annotated[
        Path,
        typer.Argument(
            metavar="OUD", help="Keuzebestand van de oude versie (met --model: het ontwerp).", show_default=False
        ),
    ],
    new: Annotated[
        Path | None, typer.Argument(metavar="NIEUW", help="Keuzebestand van de nieuwe versie.", show_default=False)
    ] = None,
    model: Annotated[
        bool, typer.Option("--model", help="Vergelijk het ontwerp met het ongewijzigde VNG-model van die gemeente.")
    ] = False,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            help="md, html, docx (bijgehouden wijzigingen in Word) of was-wordt (per artikel oude en nieuwe tekst "
            "met de reden, als Word-tabel).",
        ),
    ] = "md",
    out: Annotated[
        Path | None, typer.Option("--out", help="Schrijf naar dit bestand in plaats van naar het scherm.")
    ] = None,
    template: Template = None,
    force: Force = False,
) -> None:
    """Vergelijk twee versies artikel voor artikel: verplaatste artikelen en woordwijzigingen."""
    from verordening.cli.changes import run_diff

    with refusals():
        run_diff(old, new, model, fmt, out, template, force)


@app.command(options_metavar="[OPTIES]")
def amend(
    old: Annotated[
        Path, typer.Argument(metavar="OUD", help="Keuzebestand van de geldende verordening.", show_default=False)
    ],
    new: Annotated[
        Path, typer.Argument(metavar="NIEUW", help="Keuzebestand van de gewenste versie.", show_default=False)
    ],
    out: Annotated[Path, typer.Option("--out", help="Map waarin de uitvoer komt; per gemeente een submap.")] = Path(
        "output"
    ),
    template: Template = None,
    force: Force = False,
) -> None:
    """Stel de wijzigingsverordening op die de oude versie in de nieuwe verandert (Markdown en DOCX, met toelichting)."""
    from verordening.cli.changes import run_amend

    with refusals():
        run_amend(old, new, out, template, force)


@app.command(options_metavar="[OPTIES]")
def amendement(
    file: Annotated[
        Path, typer.Argument(metavar="KEUZEBESTAND", help="Keuzebestand van de ontwerpverordening.", show_default=False)
    ],
    oval: Annotated[
        str,
        typer.Option(
            "--oval",
            metavar="VRAAG",
            help="De vraag van OVAL die het amendement regelt: scheiding, kwaliteit of maatwerk.",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Bestandsnaam (zonder extensie, of .md/.docx); standaard output/<gemeente>/amendement-<vraag>.",
        ),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option("--template", help="Word-bestand waarvan de DOCX de opmaakprofielen (huisstijl) overneemt."),
    ] = None,
    force: Force = False,
) -> None:
    """Stel het amendement op waarmee een raadslid de ontwerpverordening laat voldoen aan een vraag van OVAL."""
    from verordening.cli.changes import run_amendement

    with refusals():
        run_amendement(file, oval, out, template, force)


def main() -> None:
    from verordening.cli import dutch as cli_dutch

    cli_dutch.install()
    try:
        sys.exit(cli_dutch.run(app))
    except KeyboardInterrupt:
        typer.echo("Afgebroken.", err=True)
        sys.exit(130)
    except Exception as exc:
        if os.environ.get(DEBUG_ENV):
            raise
        if isinstance(exc, VerordeningError):
            fail(exc)
            sys.exit(exc.exit_code)
        if isinstance(exc, OSError):  # the machine refused, whatever step it was
            fail(FileSystemError(exc.filename or "verordening", exc, "lezen of schrijven"))
            sys.exit(1)
        typer.echo(
            f"Interne fout ({type(exc).__name__}: {exc}). Start de opdracht opnieuw met --debug "
            "voor de technische details en meld de fout.",
            err=True,
        )
        sys.exit(1)


from verordening.cli import advisor as _advisor  # noqa: E402,F401  (registers schema, nieuw and bewerk)
