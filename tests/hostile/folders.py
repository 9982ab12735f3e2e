"""Folder set-ups (attack report, areas 2 and 3): nothing lost, nothing let in; the commands are in commands.py.

`after` checks name what must survive; a problem starting with "verloren" counts as data lost.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from verordening.runs import journal
from verordening.runs.output import MANIFEST, write_outputs

from .corpus import BASE, Case

OWN = ("nijkerk.md", "nijkerk.docx", "nijkerk.html", "checklist.json")
EDIT = b"met de hand bewerkt door de griffie\n"


def then(*steps: object) -> list[str]:
    """Run set-up steps for their effect (in the argument list), return the last: the CLI arguments."""
    return steps[-1]  # type: ignore[return-value]


def choice(tmp: Path, name: str = "nijkerk.yaml", text: str = BASE) -> Path:
    path = tmp / name
    path.write_text(text, encoding="utf-8")
    return path


def previous_build(tmp: Path) -> Path:
    """output/nijkerk/ as an earlier build left it (the tool's own files, in its manifest)."""
    target = tmp / "uit" / "nijkerk"
    write_outputs(target, {name: f"vorige versie van {name}\n".encode() for name in OWN})
    return target


def keeps(path_of: Callable[[Path], Path], data: bytes, what: str) -> Callable[[Path], list[str]]:
    def after(tmp: Path) -> list[str]:
        path = path_of(tmp)
        return [] if path.is_file() and path.read_bytes() == data else [f"verloren: {what} ({path})"]

    return after


def backup_of(folder: Callable[[Path], Path], name: str, data: bytes) -> Callable[[Path], list[str]]:
    def after(tmp: Path) -> list[str]:
        found = [p for p in folder(tmp).glob(f"{name}.bewerkt-*") if p.read_bytes() == data]
        return [] if found else [f"verloren: geen reservekopie van {name} met de bewerking"]

    return after


def both(*checks: Callable[[Path], list[str]]) -> Callable[[Path], list[str]]:
    return lambda tmp: [p for check in checks for p in check(tmp)]


def no_litter(tmp: Path) -> list[str]:
    folder = tmp / "uit" / "nijkerk"
    left = [p.name for p in folder.iterdir() if p.name.endswith((".tmp", ".vorige")) or p.name == journal.JOURNAL]
    return [f"achtergebleven: {', '.join(left)}"] if left else []


def unchanged_previous(tmp: Path) -> list[str]:
    folder = tmp / "uit" / "nijkerk"
    wrong = [n for n in OWN if (folder / n).read_bytes() != f"vorige versie van {n}\n".encode()]
    return [f"de vorige build is aangetast: {', '.join(wrong)}"] if wrong else []


def build_args(tmp: Path, *extra: str) -> list[str]:
    return ["build", str(choice(tmp)), "--out", str(tmp / "uit"), *extra]


def _edited(tmp: Path, name: str = "nijkerk.md") -> list[str]:
    target = previous_build(tmp)
    (target / name).write_bytes(EDIT)
    return build_args(tmp)


def _edited_forced(tmp: Path) -> list[str]:
    return [*_edited(tmp), "--force"]


def _symlink_to_victim(tmp: Path, force: bool) -> list[str]:
    target = previous_build(tmp)
    (tmp / "slachtoffer.txt").write_bytes(b"niet van verordening")
    (target / "nijkerk.md").unlink()
    (target / "nijkerk.md").symlink_to(tmp / "slachtoffer.txt")
    return build_args(tmp, *(["--force"] if force else []))


def _dir_in_place(tmp: Path) -> list[str]:
    target = previous_build(tmp)
    (target / "nijkerk.md").unlink()
    (target / "nijkerk.md").mkdir()
    (target / "nijkerk.md" / "bewaar.txt").write_bytes(EDIT)
    return build_args(tmp, "--force")


def _sibling_symlink(tmp: Path) -> list[str]:
    (tmp / "uit" / "rotterdam").mkdir(parents=True)
    (tmp / "uit" / "rotterdam" / "checklist.json").write_bytes(EDIT)
    (tmp / "uit" / "nijkerk").symlink_to("rotterdam")
    return build_args(tmp)


def _outside_symlink(tmp: Path) -> list[str]:
    (tmp / "elders").mkdir()
    (tmp / "uit").mkdir()
    (tmp / "uit" / "nijkerk").symlink_to(tmp / "elders")
    return build_args(tmp)


def _manifest(tmp: Path, content: bytes | None, directory: bool = False) -> list[str]:
    target = previous_build(tmp)
    (target / MANIFEST).unlink()
    if directory:
        (target / MANIFEST).mkdir()
    elif content is not None:
        (target / MANIFEST).write_bytes(content)
    return build_args(tmp)


def _traversal_manifest(tmp: Path) -> list[str]:
    target = previous_build(tmp)
    (tmp / "slachtoffer.txt").write_bytes(EDIT)
    sha = hashlib.sha256(EDIT).hexdigest()
    names = ["../../slachtoffer.txt", str(tmp / "slachtoffer.txt"), "..", "", "nijkerk.md/../../../slachtoffer.txt"]
    (target / MANIFEST).write_text(json.dumps({"files": {n: [sha] for n in names}}), encoding="utf-8")
    return build_args(tmp, "--force")


def _litter(tmp: Path) -> list[str]:
    target = previous_build(tmp)
    for name in (".nijkerk.md.a1b2c3d4.tmp", ".nijkerk.docx.0f0f0f0f.vorige", ".verordening-journal.json.abcd1234.tmp"):
        (target / name).write_bytes(b"half")
    (target / ".notities").write_bytes(EDIT)  # the user's own hidden file
    (target / "notities.txt").write_bytes(EDIT)
    (target / "bijlagen").mkdir()
    (target / "bijlagen" / "advies.pdf").write_bytes(EDIT)
    return build_args(tmp)


def _interrupted(tmp: Path, renamed: int) -> list[str]:
    """A run killed after `renamed` of its renames: temp files and journal on disk (what SIGKILL leaves)."""
    target = previous_build(tmp)
    new = {n: f"onderbroken nieuwe versie van {n}\n".encode() for n in OWN}
    entries = [journal.entry(target, n, data) for n, data in new.items()]
    manifest = {n: [hashlib.sha256(data).hexdigest()] for n, data in new.items()}
    entries.append(journal.entry(target, MANIFEST, json.dumps({"files": manifest}).encode()))
    journal._write_journal(target, entries)
    for e in entries[:renamed]:
        os.link(target / e.name, target / e.previous)
        os.replace(target / e.temp, target / e.name)
    return build_args(tmp)


def _journal(tmp: Path, body: bytes) -> list[str]:
    target = previous_build(tmp)
    (tmp / "slachtoffer.txt").write_bytes(EDIT)
    (target / journal.JOURNAL).write_bytes(body)
    return build_args(tmp)


def _failing(call: str, code: int) -> Callable[[Path], object]:
    """The machine refuses: `call` in runs/journal.py raises OSError(code) (full disk, read-only, ...)."""

    @contextmanager
    def during(tmp: Path):
        real = getattr(journal.os, call) if call != "mkstemp" else journal.tempfile.mkstemp

        def refuse(*args, **kwargs):
            if call == "replace" and str(args[1]).endswith(journal.JOURNAL):
                return real(*args, **kwargs)
            raise OSError(code, os.strerror(code), str(args[0]) if args else None)

        owner = journal.tempfile if call == "mkstemp" else journal.os
        setattr(owner, call, refuse)
        try:
            yield
        finally:
            setattr(owner, call, real)

    return during


def output_cases() -> Iterator[Case]:
    area = "map en uitvoer"
    out = lambda tmp: tmp / "uit" / "nijkerk"  # noqa: E731
    yield Case(
        area,
        "hand edit refused",
        _edited,
        3,
        ("met de hand bewerkt", "--force"),
        keeps(lambda t: out(t) / "nijkerk.md", EDIT, "de bewerking"),
    )
    yield Case(
        area,
        "hand edit of checklist refused",
        lambda t: _edited(t, "checklist.json"),
        3,
        ("checklist.json",),
        keeps(lambda t: out(t) / "checklist.json", EDIT, "de bewerking"),
    )
    yield Case(area, "hand edit kept as backup with --force", _edited_forced, 0, (), backup_of(out, "nijkerk.md", EDIT))
    yield Case(
        area,
        "generated file is a symlink",
        lambda t: _symlink_to_victim(t, False),
        1,
        ("geen gewoon bestand",),
        keeps(lambda t: t / "slachtoffer.txt", b"niet van verordening", "het doel van de snelkoppeling"),
    )
    yield Case(
        area,
        "generated file is a symlink, --force",
        lambda t: _symlink_to_victim(t, True),
        1,
        ("geen gewoon bestand",),
        keeps(lambda t: t / "slachtoffer.txt", b"niet van verordening", "het doel van de snelkoppeling"),
    )
    yield Case(
        area,
        "generated file is a folder",
        _dir_in_place,
        1,
        ("geen gewoon bestand",),
        keeps(lambda t: out(t) / "nijkerk.md" / "bewaar.txt", EDIT, "de map van de gebruiker"),
    )
    yield Case(
        area,
        "municipality folder links to a sibling",
        _sibling_symlink,
        1,
        ("snelkoppeling",),
        keeps(lambda t: t / "uit" / "rotterdam" / "checklist.json", EDIT, "Rotterdams uitvoer"),
    )
    yield Case(
        area,
        "municipality folder links outside",
        _outside_symlink,
        1,
        ("buiten de uitvoermap",),
        lambda t: ["geschreven buiten --out"] if any((t / "elders").iterdir()) else [],
    )
    yield Case(
        area,
        "--out is a file",
        lambda t: then((t / "uit").write_bytes(EDIT), build_args(t)),
        1,
        ("dit is een bestand, geen map",),
        keeps(lambda t: t / "uit", EDIT, "het bestand op de plaats van --out"),
    )
    yield Case(
        area,
        "municipality folder is a file",
        lambda t: then((t / "uit").mkdir(), (t / "uit" / "nijkerk").write_bytes(EDIT), build_args(t)),
        1,
        ("dit is een bestand, geen map",),
        keeps(lambda t: t / "uit" / "nijkerk", EDIT, "het bestand"),
    )
    yield Case(
        area,
        "manifest deleted, same files",
        lambda t: _manifest(t, None),
        3,
        ("met de hand bewerkt",),
        unchanged_previous,
    )
    yield Case(
        area,
        "manifest truncated",
        lambda t: _manifest(t, b'{"files": {"nijkerk.md": ['),
        3,
        ("met de hand bewerkt",),
        unchanged_previous,
    )
    yield Case(area, "manifest binary", lambda t: _manifest(t, bytes(range(256))), 3, (), unchanged_previous)
    yield Case(area, "manifest wrong shape", lambda t: _manifest(t, b'{"files": [1, 2]}'), 3, (), unchanged_previous)
    yield Case(area, "manifest is a folder", lambda t: _manifest(t, None, directory=True), 3, (), unchanged_previous)
    yield Case(
        area,
        "manifest names outside the folder",
        _traversal_manifest,
        0,
        (),
        keeps(lambda t: t / "slachtoffer.txt", EDIT, "een bestand buiten de map"),
    )
    yield Case(
        area,
        "leftovers of killed runs are cleaned",
        _litter,
        0,
        (),
        both(
            no_litter,
            keeps(lambda t: out(t) / ".notities", EDIT, "een verborgen bestand van de gebruiker"),
            keeps(lambda t: out(t) / "bijlagen" / "advies.pdf", EDIT, "een bijlage"),
        ),
    )
    for renamed in (0, 1, 2, 3, 4):
        yield Case(
            area,
            f"journal of a run killed after {renamed} renames is completed",
            lambda t, r=renamed: _interrupted(t, r),
            0,
            (),
            no_litter,
        )
    yield Case(
        area,
        "journal names outside the folder",
        lambda t: _journal(
            t, json.dumps({"renames": [{"name": "../../slachtoffer.txt", "temp": "../x", "previous": "y"}]}).encode()
        ),
        0,
        (),
        keeps(lambda t: t / "slachtoffer.txt", EDIT, "een bestand buiten de map"),
    )
    yield Case(area, "journal unreadable", lambda t: _journal(t, b"\xff{niet af"), 0, (), no_litter)
    for call, code in (("mkstemp", errno.ENOSPC), ("mkstemp", errno.EROFS), ("mkstemp", errno.EACCES), ("mkstemp", errno.EDQUOT), ("mkstemp", errno.EFBIG), ("replace", errno.EIO), ("replace", errno.ENOSPC), ("link", errno.EPERM)):  # fmt: skip
        reason = {errno.ENOSPC: "de schijf is vol", errno.EROFS: "alleen-lezen", errno.EACCES: "geen toestemming", errno.EDQUOT: "quotum", errno.EFBIG: "groter dan", errno.EIO: "lees- of schrijffout", errno.EPERM: "niet toegestaan"}[code]  # fmt: skip
        yield Case(area, f"{call} fails with {errno.errorcode[code]}", lambda t: previous_build(t) and build_args(t), 1, ("uit/nijkerk: kan niet schrijven", reason), both(unchanged_previous, no_litter), during=_failing(call, code))  # fmt: skip


def _folder(tmp: Path, files: dict[str, bytes]) -> list[str]:
    folder = tmp / "map"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return ["build", str(folder), "--out", str(tmp / "uit")]


def _nothing_written(tmp: Path) -> list[str]:
    return ["er is geschreven"] if (tmp / "uit").exists() and any((tmp / "uit").iterdir()) else []


def folder_cases() -> Iterator[Case]:
    area = "map en uitvoer"
    base, v2 = BASE.encode(), BASE.replace("jaar: 2023", "jaar: 2024").encode()
    yield Case(area, "empty folder", lambda t: _folder(t, {}), 2, ("geen keuzebestanden",), _nothing_written)
    yield Case(
        area,
        "only hidden files",
        lambda t: _folder(t, {".verborgen.yaml": base, "._nijkerk.yaml": b"\x00\x05\x16\x07"}),
        2,
        ("geen keuzebestanden",),
        _nothing_written,
    )
    yield Case(
        area,
        "upper-case suffix counts",
        lambda t: _folder(t, {"Nijkerk.YAML": base}),
        0,
        (),
        lambda t: [] if (t / "uit" / "nijkerk" / "nijkerk.md").is_file() else ["Nijkerk.YAML overgeslagen"],
    )
    yield Case(
        area,
        "two files for one municipality",
        lambda t: _folder(t, {"nijkerk.yaml": base, "nijkerk-2024.yaml": v2}),
        2,
        ("dezelfde map nijkerk/",),
        _nothing_written,
    )
    yield Case(
        area,
        "same file twice",
        lambda t: ["build", str(choice(t)), str(t / "nijkerk.yaml"), "--out", str(t / "uit")],
        2,
        ("dezelfde map",),
        _nothing_written,
    )
    yield Case(
        area,
        "missing file",
        lambda t: ["build", str(t / "weg.yaml"), "--out", str(t / "uit")],
        2,
        ("bestaat niet",),
        _nothing_written,
    )
    yield Case(
        area,
        "folder named .yaml",
        lambda t: (t / "map.yaml").mkdir() or ["check", str(t / "map.yaml")],
        2,
        ("geen keuzebestanden",),
    )
    yield Case(
        area,
        "dangling symlink",
        lambda t: (t / "los.yaml").symlink_to(t / "weg") or ["check", str(t / "los.yaml")],
        2,
        ("bestaat niet",),
    )
    yield Case(
        area,
        "symlink loop",
        lambda t: (t / "lus.yaml").symlink_to(t / "lus.yaml") or ["check", str(t / "lus.yaml")],
        2,
        ("lus.yaml",),
    )
    yield Case(
        area,
        "device as choice file",
        lambda t: (t / "nul.yaml").symlink_to("/dev/zero") or ["check", str(t / "nul.yaml")],
        2,
        ("geen gewoon bestand",),
    )
    yield Case(
        area,
        "fifo as choice file",
        lambda t: os.mkfifo(t / "pijp.yaml") or ["check", str(t / "pijp.yaml")],
        2,
        ("geen gewoon bestand",),
    )


def cases() -> Iterator[Case]:
    yield from output_cases()
    yield from folder_cases()
