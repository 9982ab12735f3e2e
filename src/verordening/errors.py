"""Errors the CLI reports in Dutch without a traceback."""

from __future__ import annotations

import errno
from dataclasses import dataclass


class VerordeningError(Exception):
    """Base class: the message is user-facing Dutch text."""

    exit_code = 1


class ClauseError(VerordeningError):
    """The clause library itself is broken (a developer's error, not the advisor's)."""


class BuildError(VerordeningError):
    """An ordinance cannot be assembled, e.g. a reference to an article left out."""


@dataclass(frozen=True)
class Problem:
    """One problem in a choice file, located as precisely as the input allows."""

    file: str
    line: int | None
    path: str  # key path, e.g. "jobcoaching.verlenging.maximale_duur_maanden"
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        key = f" [{self.path}]" if self.path else ""
        return _one_line(f"{where}{key}: {self.message}")


def _one_line(text: str) -> str:
    """Control characters from the input (newlines, terminal escapes) shown, never obeyed."""
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)


class ChoiceFileError(VerordeningError):
    """A choice file is invalid; holds every problem found, not only the first."""

    exit_code = 2

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


_OS_REASONS = {
    errno.EACCES: "u hebt daarvoor geen toestemming",
    errno.EPERM: "dat is niet toegestaan",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.ENOSPC: "de schijf is vol",
    errno.EDQUOT: "uw schijfruimte (quotum) is op",
    errno.EFBIG: "het bestand wordt groter dan hier is toegestaan",
    errno.ENOTDIR: "een deel van het pad is een bestand, geen map",
    errno.EISDIR: "dit is een map, geen bestand",
    errno.EEXIST: "er staat al iets met deze naam",
    errno.ENOENT: "de map of het bestand bestaat niet",
    errno.ELOOP: "snelkoppelingen verwijzen in een kring naar elkaar",
    errno.ENAMETOOLONG: "de naam is te lang",
    errno.EIO: "de schijf geeft een lees- of schrijffout",
    errno.EMFILE: "er zijn te veel bestanden tegelijk geopend",
    errno.ENFILE: "er zijn te veel bestanden tegelijk geopend",
    errno.EBUSY: "het bestand is in gebruik",
    errno.ENOTEMPTY: "de map is niet leeg",
    errno.ETXTBSY: "het bestand is in gebruik",
    errno.ENXIO: "het apparaat bestaat niet",
}


def dutch_oserror(exc: OSError) -> str:
    """What went wrong, in Dutch (never the English strerror)."""
    return _OS_REASONS.get(exc.errno or 0) or f"systeemfout {errno.errorcode.get(exc.errno or 0, exc.errno)}"


class FileSystemError(VerordeningError):
    """The machine refused a read or write (permission, full or read-only disk, a file where a folder should be)."""

    exit_code = 1

    def __init__(self, path: object, exc: OSError, doing: str = "schrijven"):
        self.path, self.cause = path, exc
        super().__init__(f"{path}: kan niet {doing}, want {dutch_oserror(exc)}")
