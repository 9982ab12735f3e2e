"""The commands that write (attack report, area 6): inputs, hand edits and other people's files survive."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from verordening.runs.output import write_outputs

from .corpus import BASE, NIJKERK, ROOT, Case
from .folders import EDIT, _nothing_written, backup_of, choice, keeps, then


def _two(
    tmp: Path, second: str = BASE.replace("maximale_duur_maanden: 24", "maximale_duur_maanden: 18")
) -> tuple[Path, Path]:
    return choice(tmp, "oud.yaml"), choice(tmp, "nieuw.yaml", second)


def _diff_over(tmp: Path, which: int) -> list[str]:
    paths = _two(tmp)
    return ["diff", str(paths[0]), str(paths[1]), "--out", str(paths[which])]


def _amend_edited(tmp: Path, force: bool) -> list[str]:
    old, new = _two(tmp)
    target = tmp / "uit" / "nijkerk"
    write_outputs(
        target, {"wijzigingsverordening-2023.md": b"vorige\n", "wijzigingsverordening-2023.docx": b"vorige\n"}
    )
    (target / "wijzigingsverordening-2023.md").write_bytes(EDIT)
    return ["amend", str(old), str(new), "--out", str(tmp / "uit"), *(["--force"] if force else [])]


def _synthetic_over_real(tmp: Path, force: bool) -> list[str]:
    (tmp / "keuzes").mkdir()
    (tmp / "keuzes" / "nijkerk.yaml").write_bytes(EDIT)
    return ["genereer-synthetisch", str(tmp / "keuzes"), *(["--force"] if force else [])]


def _foreign_out(tmp: Path, force: bool) -> list[str]:
    old, new = _two(tmp)
    (tmp / "verslag.md").write_bytes(EDIT)
    return ["diff", str(old), str(new), "--out", str(tmp / "verslag.md"), *(["--force"] if force else [])]


def command_cases() -> Iterator[Case]:
    area = "opdracht"
    new_kept = keeps(
        lambda t: t / "nieuw.yaml",
        BASE.replace("maximale_duur_maanden: 24", "maximale_duur_maanden: 18").encode(),
        "het invoerbestand",
    )
    yield Case(area, "diff --out over NIEUW", lambda t: _diff_over(t, 1), 1, ("invoerbestand",), new_kept)
    yield Case(
        area,
        "diff --out over OUD",
        lambda t: _diff_over(t, 0),
        1,
        ("invoerbestand",),
        keeps(lambda t: t / "oud.yaml", BASE.encode(), "het invoerbestand"),
    )
    yield Case(
        area,
        "diff --out over OUD (docx)",
        lambda t: [*_diff_over(t, 0), "--format", "docx"],
        1,
        ("invoerbestand",),
        keeps(lambda t: t / "oud.yaml", BASE.encode(), "het invoerbestand"),
    )
    yield Case(area, "diff --out is a folder", lambda t: [*_diff_over(t, 0)[:-1], str(t)], 1, ("dit is een map",))
    yield Case(
        area,
        "diff --out over someone's file",
        lambda t: _foreign_out(t, False),
        3,
        ("met de hand bewerkt",),
        keeps(lambda t: t / "verslag.md", EDIT, "het bestand"),
    )
    yield Case(
        area,
        "diff --out over someone's file, --force",
        lambda t: _foreign_out(t, True),
        0,
        (),
        backup_of(lambda t: t, "verslag.md", EDIT),
    )
    yield Case(
        area,
        "diff of two municipalities warns",
        lambda t: ["diff", str(choice(t)), str(ROOT / "municipalities" / "rotterdam.yaml")],
        0,
        ("let op",),
    )
    yield Case(
        area,
        "compare --out over an input",
        lambda t: ["compare", str(choice(t)), "--out", str(t / "nijkerk.yaml")],
        1,
        ("invoerbestand",),
        keeps(lambda t: t / "nijkerk.yaml", BASE.encode(), "het invoerbestand"),
    )
    yield Case(
        area,
        "compare --out over an input in the folder",
        lambda t: (
            (t / "m").mkdir() or ["compare", str(choice(t / "m")), str(t / "m"), "--out", str(t / "m" / "nijkerk.yaml")]
        ),
        1,
        ("invoerbestand",),
        keeps(lambda t: t / "m" / "nijkerk.yaml", BASE.encode(), "het invoerbestand"),
    )
    yield Case(
        area,
        "compare --out is a folder",
        lambda t: ["compare", str(choice(t)), "--out", str(t)],
        1,
        ("dit is een map",),
    )
    yield Case(
        area,
        "compare of one municipality twice warns",
        lambda t: ["compare", str(choice(t)), str(choice(t, "ook.yaml"))],
        0,
        ("let op",),
    )
    yield Case(
        area,
        "amend over a hand edit",
        lambda t: _amend_edited(t, False),
        3,
        ("met de hand bewerkt",),
        keeps(lambda t: t / "uit" / "nijkerk" / "wijzigingsverordening-2023.md", EDIT, "de bewerking"),
    )
    yield Case(
        area,
        "amend over a hand edit, --force",
        lambda t: _amend_edited(t, True),
        0,
        (),
        backup_of(lambda t: t / "uit" / "nijkerk", "wijzigingsverordening-2023.md", EDIT),
    )
    yield Case(
        area,
        "amend of two municipalities",
        lambda t: ["amend", str(choice(t)), str(ROOT / "municipalities" / "rotterdam.yaml"), "--out", str(t / "uit")],
        2,
        ("één gemeente",),
        _nothing_written,
    )
    yield Case(
        area,
        "amend --out is a file",
        lambda t: then((t / "f").write_bytes(EDIT), ["amend", *map(str, _two(t)), "--out", str(t / "f")]),
        1,
        ("dit is een bestand",),
        keeps(lambda t: t / "f", EDIT, "het bestand"),
    )
    yield Case(
        area,
        "amend of identical files",
        lambda t: ["amend", str(choice(t)), str(choice(t)), "--out", str(t / "uit")],
        1,
        ("niets te wijzigen",),
    )
    yield Case(
        area,
        "genereer-synthetisch over a real choice file",
        lambda t: _synthetic_over_real(t, False),
        3,
        ("nijkerk.yaml",),
        keeps(lambda t: t / "keuzes" / "nijkerk.yaml", EDIT, "het echte keuzebestand"),
    )
    yield Case(
        area,
        "genereer-synthetisch over a real choice file, --force",
        lambda t: _synthetic_over_real(t, True),
        0,
        (),
        backup_of(lambda t: t / "keuzes", "nijkerk.yaml", EDIT),
    )
    yield Case(
        area,
        "genereer-synthetisch into a file",
        lambda t: then((t / "f").write_bytes(EDIT), ["genereer-synthetisch", str(t / "f")]),
        1,
        ("dit is een bestand",),
        keeps(lambda t: t / "f", EDIT, "het bestand"),
    )
    yield Case(
        area,
        "genereer-synthetisch into municipalities/",
        lambda t: ["genereer-synthetisch", str(t / "municipalities")],
        1,
        ("municipalities",),
    )
    yield Case(
        area,
        "check of a broken and a good file",
        lambda t: ["check", str(choice(t, "kapot.yaml", "jaar: [")), str(NIJKERK)],
        2,
        ("kapot.yaml:1",),
    )


def cases() -> Iterator[Case]:
    yield from command_cases()
