"""Writing generated files: everything is rendered first, then each file is replaced atomically."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import VerordeningError


class OutputError(VerordeningError):
    exit_code = 1


def safe_target(out_dir: Path, slug: str) -> Path:
    """output/<slug>/, refusing any slug that would leave the output folder."""
    base = out_dir.resolve()
    target = (base / slug).resolve()
    if target.parent != base or not slug or slug.startswith("."):
        raise OutputError(f"de map '{slug}' ligt buiten de uitvoermap {out_dir}")
    return target


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, fsync, then rename over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
