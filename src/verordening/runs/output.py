"""Writing generated files without losing work.

Everything is rendered in memory first. Then, per municipality: refuse if a generated file was
edited by hand since the last build (unless forced, which keeps the edit as a backup), write every
file to a temporary file beside its target, and only then rename them into place. If a rename
fails, the files already replaced are put back, so the folder holds the previous build or the new
one. `.manifest.json` records the sha256 of every file the tool wrote.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import secrets
import tempfile
from pathlib import Path

from verordening.errors import VerordeningError

MANIFEST = ".manifest.json"


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_MODE = 0o666 & ~_umask()


class OutputError(VerordeningError):
    exit_code = 1


class EditedOutputError(OutputError):
    """Generated files were edited by hand; nothing was written."""

    exit_code = 3

    def __init__(self, target: Path, edited: list[Path]):
        self.edited = edited
        names = "\n".join(f"  {p}" for p in edited)
        super().__init__(
            f"{target}: niets geschreven, want deze uitvoer is met de hand bewerkt sinds de vorige build:\n{names}\n"
            "Neem de wijzigingen over in het keuzebestand of bewaar ze elders, of bouw opnieuw met --force: "
            "dan blijft de bewerkte versie bewaard als reservekopie (naam.bewerkt-<datum en tijd>) naast de nieuwe."
        )


def safe_target(out_dir: Path, slug: str) -> Path:
    """output/<slug>/, refusing any slug that would leave the output folder."""
    base = out_dir.resolve()
    target = (base / slug).resolve()
    if target.parent != base or not slug or slug.startswith("."):
        raise OutputError(f"de map '{slug}' ligt buiten de uitvoermap {out_dir}")
    return target


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _stage(path: Path, data: bytes) -> Path:
    """Write `data` to a fsynced temporary file beside `path`."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, _MODE)  # mkstemp makes 0600; generated documents are ordinary files
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, fsync, then rename over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _stage(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _keep(path: Path) -> Path:
    """A second name for the current version of `path`, to put back if the build fails."""
    keep = path.parent / f".{path.name}.{secrets.token_hex(4)}.vorige"
    try:
        os.link(path, keep)
        return keep
    except OSError:  # no hard links on this file system: copy instead
        return _stage(path, path.read_bytes())


def read_manifest(target: Path) -> dict[str, list[str]]:
    """File name -> hashes the tool wrote for it; an unreadable manifest counts as none."""
    try:
        raw = json.loads((target / MANIFEST).read_text(encoding="utf-8"))
        files = raw["files"]
        return {str(name): [h] if isinstance(h, str) else [str(x) for x in h] for name, h in files.items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _write_manifest(target: Path, files: dict[str, list[str]]) -> None:
    body = {"note": "Door verordening geschreven; niet bewerken.", "files": files}
    write_atomic(target / MANIFEST, (json.dumps(body, indent=2, sort_keys=True) + "\n").encode("utf-8"))


def edited_files(target: Path, files: dict[str, bytes]) -> dict[str, bytes]:
    """The files this build would overwrite whose content the tool did not write: name -> current bytes."""
    manifest = read_manifest(target)
    edited = {}
    for name, new in files.items():
        path = target / name
        if path.is_symlink() or (path.exists() and not path.is_file()):
            edited[name] = b""  # not a file this tool wrote; never write through it
            continue
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


def write_outputs(
    target: Path, files: dict[str, bytes], force: bool = False, now: dt.datetime | None = None
) -> list[Path]:
    """Write one municipality's files into `target` as one unit; return the paths written.

    Raises EditedOutputError (writing nothing) if a file was edited by hand and `force` is false.
    """
    target.mkdir(parents=True, exist_ok=True)
    for name in files:
        if Path(name).name != name or name.startswith(".") or name == MANIFEST:
            raise OutputError(f"ongeldige bestandsnaam voor de uitvoer: {name!r}")
    edited = edited_files(target, files)
    if edited and not force:
        raise EditedOutputError(target, [target / name for name in edited])
    now = now or dt.datetime.now()
    for name, current in edited.items():
        path = target / name
        if path.is_symlink() or not path.is_file():
            raise OutputError(
                f"{path}: dit is geen gewoon bestand (maar bijvoorbeeld een snelkoppeling of map); verwijder of hernoem het zelf"
            )
        write_atomic(_backup_name(target, name, now), current)

    manifest = read_manifest(target)
    new_hashes = {name: sha256(data) for name, data in files.items()}
    # Until every rename is done, either version of each file counts as written by the tool,
    # so an interrupted build is not mistaken for a hand edit next time.
    _write_manifest(target, {**manifest, **{n: sorted({*manifest.get(n, []), h}) for n, h in new_hashes.items()}})

    staged: dict[str, Path] = {}
    kept: dict[str, Path | None] = {}  # name -> hard link to the previous version (None: there was none)
    try:
        for name, data in files.items():
            staged[name] = _stage(target / name, data)
        for name, tmp in staged.items():
            path = target / name
            keep = None
            if path.exists():
                keep = _keep(path)
            kept[name] = keep
            os.replace(tmp, path)
    except BaseException:
        for name, keep in kept.items():
            try:
                if keep is not None:
                    os.replace(keep, target / name)
                elif (target / name).exists():
                    (target / name).unlink()
            except OSError:
                pass
        for tmp in staged.values():
            tmp.unlink(missing_ok=True)
        raise
    finally:
        for keep in kept.values():
            if keep is not None:
                keep.unlink(missing_ok=True)
    _fsync_dir(target)
    _write_manifest(
        target, {**{n: h for n, h in manifest.items() if n in files}, **{n: [h] for n, h in new_hashes.items()}}
    )
    return [target / name for name in files]
