"""Writing generated files without losing work: the rules every command that writes follows.

Everything is rendered in memory first. Then, per folder and under its lock (journal.py):
complete what an interrupted run left; refuse to overwrite an input of the command; refuse if a
file the tool would replace was not written by it (edited by hand, or someone else's file),
unless forced, which keeps the current version as a backup (name.bewerkt-<date and time>); then
replace all files as one unit. `.manifest.json` records the sha256 of every file the tool wrote
there. Every refusal of the machine (permission, full or read-only disk, a file where a folder
should be) becomes a Dutch FileSystemError with the path.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from verordening.errors import FileSystemError, VerordeningError
from verordening.runs import journal

MANIFEST = ".manifest.json"
_OWN = {MANIFEST, journal.JOURNAL}


class OutputError(VerordeningError):
    exit_code = 1


class EditedOutputError(OutputError):
    """Generated files were edited by hand; nothing was written."""

    exit_code = 3

    def __init__(self, target: Path, edited: list[Path]):
        self.edited = edited
        names = "\n".join(f"  {p}" for p in edited)
        super().__init__(
            f"{target}: niets geschreven, want deze bestanden zijn niet door verordening geschreven of sinds de "
            f"vorige keer met de hand bewerkt:\n{names}\n"
            "Neem de wijzigingen over in het keuzebestand of bewaar ze elders, of geef de opdracht opnieuw met --force: "
            "dan blijft de bewerkte versie bewaard als reservekopie (naam.bewerkt-<datum en tijd>) naast de nieuwe."
        )


def safe_target(out_dir: Path, slug: str) -> Path:
    """output/<slug>/, refusing any slug or folder that would lead out of the output folder."""
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir}: dit is een bestand, geen map; geef met --out een map op")
    base = out_dir.resolve()
    target = (base / slug).resolve()
    if target.parent != base or not slug or slug.startswith("."):
        raise OutputError(f"de map '{slug}' ligt buiten de uitvoermap {out_dir}")
    if (base / slug).is_symlink():  # e.g. nijkerk -> rotterdam: never write one municipality into another's folder
        raise OutputError(
            f"{out_dir / slug}: deze map is een snelkoppeling naar {target.name}; de uitvoer van elke gemeente "
            "hoort in een eigen map: verwijder of hernoem de snelkoppeling"
        )
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target}: dit is een bestand, geen map; verwijder of hernoem het")
    return target


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_manifest(target: Path) -> dict[str, list[str]]:
    """File name -> hashes the tool wrote for it; an unreadable manifest counts as none."""
    try:
        raw = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
        files = raw["files"]
        return {str(name): [h] if isinstance(h, str) else [str(x) for x in h] for name, h in files.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _manifest_bytes(files: dict[str, list[str]]) -> bytes:
    body = {"note": "Door verordening geschreven; niet bewerken.", "files": files}
    return (json.dumps(body, indent=2, sort_keys=True) + "\n").encode("utf-8")


def edited_files(target: Path, files: dict[str, bytes]) -> dict[str, bytes]:
    """The files this build would overwrite whose content the tool did not write: name -> current bytes."""
    manifest = read_manifest(target)
    edited = {}
    for name, new in files.items():
        path = target / name
        try:
            current = path.read_bytes()
        except FileNotFoundError:
            continue
        if current != new and sha256(current) not in manifest.get(name, []):
            edited[name] = current
    return edited


def _backup_name(target: Path, name: str, now: dt.datetime) -> Path:
    stamp = now.strftime("%Y%m%dT%H%M%S")
    candidate = target / f"{name}.bewerkt-{stamp}"
    n = 2
    while candidate.exists() or candidate.is_symlink():
        candidate = target / f"{name}.bewerkt-{stamp}-{n}"
        n += 1
    return candidate


def _refuse_inputs(target: Path, files: Iterable[str], inputs: Iterable[Path]) -> None:
    inputs = [p for p in inputs if p.exists()]
    for name in files:
        path = target / name
        if path.exists() and any(os.path.samefile(path, p) for p in inputs):
            raise OutputError(
                f"{path}: dit is een invoerbestand van deze opdracht; het wordt nooit overschreven. "
                "Kies met --out een andere naam"
            )


def write_outputs(
    target: Path,
    files: dict[str, bytes],
    force: bool = False,
    now: dt.datetime | None = None,
    inputs: Iterable[Path] = (),
    durable: bool = True,
    stale: Iterable[str] = (),
) -> list[Path]:
    """Write files into the folder `target` as one unit; return the paths written.

    `stale` names files an earlier run wrote that this one does not make: each is removed when it is
    still exactly as the tool wrote it, and left alone when it was edited by hand.

    Raises EditedOutputError (writing nothing) if a file was edited by hand and `force` is false,
    OutputError if a file is one of `inputs`, FileSystemError if the machine refuses. With
    `durable`, the data is on disk when this returns; a batch passes False and syncs once.
    """
    for name in files:
        if Path(name).name != name or name.startswith(".") or name in _OWN:
            raise OutputError(f"ongeldige bestandsnaam voor de uitvoer: {name!r}")
    try:
        target.mkdir(parents=True, exist_ok=True)
        with journal.locked(target):
            journal.recover(target)
            _write_locked(target, files, force, now or dt.datetime.now(), list(inputs), set(stale) - set(files))
        if durable:
            journal.sync_filesystem(target)
    except OSError as exc:
        raise FileSystemError(target, exc) from None
    return [target / name for name in files]


def _write_locked(
    target: Path, files: dict[str, bytes], force: bool, now: dt.datetime, inputs: list[Path], stale: set[str]
) -> None:
    _refuse_inputs(target, files, inputs)
    for name in files:
        path = target / name
        if path.is_symlink() or (path.exists() and not path.is_file()):
            raise OutputError(
                f"{path}: dit is geen gewoon bestand (maar een snelkoppeling of map); verordening schrijft er nooit "
                "doorheen en laat het staan: verwijder of hernoem het zelf"
            )
    edited = edited_files(target, files)
    if edited and not force:
        raise EditedOutputError(target, [target / name for name in edited])
    manifest = read_manifest(target)
    # Removed before the new manifest is committed: a crash in between leaves a manifest naming a missing file.
    removed = {name for name in stale if _unchanged(target / name, manifest.get(name, []))}
    for name in removed:
        (target / name).unlink()
    kept = {n: h for n, h in manifest.items() if n not in files and n not in removed and (target / n).is_file()}
    new_manifest = {**kept, **{name: [sha256(data)] for name, data in files.items()}}
    entries: list[journal.Entry] = []
    try:
        for name, data in files.items():
            entries.append(journal.entry(target, name, data))
        entries.append(journal.entry(target, MANIFEST, _manifest_bytes(new_manifest)))
        for name in edited:  # a second name for the edited version: its data is never copied or lost
            os.link(target / name, _backup_name(target, name, now))
    except BaseException:
        for e in entries:
            (target / e.temp).unlink(missing_ok=True)
        raise
    journal.commit(target, entries)


def _unchanged(path: Path, hashes: list[str]) -> bool:
    """Whether `path` is a plain file whose content the tool wrote (per the manifest)."""
    try:
        return path.is_file() and not path.is_symlink() and sha256(path.read_bytes()) in hashes
    except OSError:
        return False


def write_file(path: Path, data: bytes, force: bool = False, inputs: Iterable[Path] = ()) -> Path:
    """One output file named by the user (--out of diff, compare): the same rules as a folder of them."""
    if path.is_dir():
        raise OutputError(f"{path}: dit is een map; geef met --out een bestandsnaam op")
    if path.name.startswith(".") or path.name in _OWN:
        raise OutputError(f"{path}: kies een naam die niet met een punt begint")
    return write_outputs(path.parent, {path.name: data}, force=force, inputs=inputs)[0]
