"""Replacing a folder's files as one unit, also when the process is killed halfway: a lock and a journal.

Under a lock per folder (flock, released by the kernel when the holder dies) the new files are
written beside their targets as hidden temporary files; a journal naming every rename is put in
place; then the renames run, each old version kept under a second name until all are done. A
Python error rolls back to the old versions. After SIGKILL, OOM or a power cut the journal stays
behind, and the next writer of the folder completes it before doing anything else, then removes
what an interrupted run left (hidden *.tmp and *.vorige files). Nothing here calls fsync: a
kill loses no written data, and the caller makes a whole batch durable with one sync_filesystem().
"""

from __future__ import annotations

import ctypes
import fcntl
import json
import os
import re
import secrets
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from verordening.errors import VerordeningError

JOURNAL = ".verordening-journal.json"
LOCK_WAIT = 120.0  # seconds another writer may hold the folder before we give up
# Hidden files this module creates: ".name.<8 random>.tmp" (mkstemp) and ".name.<8 hex>.vorige".
_LEFTOVER = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.(tmp|vorige)$")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_MODE = 0o666 & ~_umask()


class BusyError(VerordeningError):
    exit_code = 1


@dataclass(frozen=True)
class Entry:
    name: str  # final file name in the folder
    temp: str  # hidden temporary file holding the new content
    previous: str  # second name for the old version while the renames run


@contextmanager
def locked(folder: Path, wait: float | None = None) -> Iterator[None]:
    """Hold the folder's lock; another process waits (up to `wait` seconds) until this one is done.

    The lock is taken on the folder itself (flock works on a directory), so it leaves no file behind.
    """
    wait = LOCK_WAIT if wait is None else wait
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise BusyError(
                        f"{folder}: een andere opdracht schrijft al {int(wait)} seconden in deze map; "
                        "wacht tot die klaar is en probeer het opnieuw"
                    ) from None
                time.sleep(0.02)
        yield
    finally:
        os.close(fd)  # releases the lock


def stage(folder: Path, name: str, data: bytes) -> str:
    """Write `data` to a new hidden temporary file beside `name`; return its name."""
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        os.fchmod(fd, _MODE)  # mkstemp makes 0600; generated documents are ordinary files
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp).name


def entry(folder: Path, name: str, data: bytes) -> Entry:
    return Entry(name, stage(folder, name, data), f".{name}.{secrets.token_hex(4)}.vorige")


def _write_journal(folder: Path, entries: list[Entry]) -> None:
    body = {"note": "Een onderbroken schrijfbeurt van verordening; de volgende maakt haar af.", "renames": []}
    body["renames"] = [asdict(e) for e in entries]
    tmp = stage(folder, JOURNAL, json.dumps(body, indent=1).encode("utf-8"))
    os.replace(folder / tmp, folder / JOURNAL)


def commit(folder: Path, entries: list[Entry]) -> None:
    """Rename every staged file into place; all of them, or (on a Python error) none."""
    try:
        _write_journal(folder, entries)
    except BaseException:
        for e in entries:
            (folder / e.temp).unlink(missing_ok=True)
        raise
    done: list[Entry] = []
    try:
        for e in entries:
            target = folder / e.name
            if target.exists() or target.is_symlink():
                os.link(target, folder / e.previous, follow_symlinks=False)
            done.append(e)
            os.replace(folder / e.temp, target)
    except BaseException:
        _roll_back(folder, entries, done)
        raise
    _finish(folder, entries)


def _roll_back(folder: Path, entries: list[Entry], done: list[Entry]) -> None:
    for e in done:
        try:
            previous = folder / e.previous
            if previous.exists() and (folder / e.name).exists() and os.path.samefile(previous, folder / e.name):
                previous.unlink()  # not replaced yet (rename between two links of one file would do nothing)
            elif previous.exists():
                os.replace(previous, folder / e.name)
            elif not (folder / e.temp).exists():  # it was renamed into place: there was no old version
                (folder / e.name).unlink(missing_ok=True)
        except OSError:
            pass
    for e in entries:
        (folder / e.temp).unlink(missing_ok=True)
    (folder / JOURNAL).unlink(missing_ok=True)


def _finish(folder: Path, entries: list[Entry]) -> None:
    (folder / JOURNAL).unlink(missing_ok=True)
    for e in entries:
        (folder / e.previous).unlink(missing_ok=True)


def recover(folder: Path) -> bool:
    """Complete a journal an interrupted run left, then remove its leftovers; True if there was one.

    Call with the folder's lock held.
    """
    found = False
    try:
        raw = json.loads((folder / JOURNAL).read_text(encoding="utf-8"))
        entries = [Entry(str(r["name"]), str(r["temp"]), str(r["previous"])) for r in raw["renames"]]
    except FileNotFoundError:
        entries = []
    except (OSError, ValueError, KeyError, TypeError):
        entries = []  # unreadable: the journal itself was being written, so no rename had started
        found = True
    for e in entries:
        found = True
        if not _plain_name(e.name) or not _LEFTOVER.match(e.temp):
            continue  # a journal is never trusted to name paths outside the folder
        if (folder / e.temp).exists():
            os.replace(folder / e.temp, folder / e.name)
    (folder / JOURNAL).unlink(missing_ok=True)
    for leftover in folder.iterdir():
        if _LEFTOVER.match(leftover.name) and not leftover.is_dir():
            leftover.unlink(missing_ok=True)
    return found


def _plain_name(name: str) -> bool:
    return Path(name).name == name and name not in ("", ".", "..")


def sync_filesystem(folder: Path) -> None:
    """Make everything written to the file system holding `folder` durable: one call per batch."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.syncfs(fd) != 0:
            os.sync()
    except (AttributeError, OSError):
        os.sync()
    finally:
        os.close(fd)
