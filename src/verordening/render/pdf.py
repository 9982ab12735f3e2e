"""DOCX -> PDF through LibreOffice (`build --pdf`), in memory like every other rendering.

LibreOffice is not a dependency of this package: `converter()` finds it on PATH or says in Dutch
how to get it. Each conversion runs in its own temporary folder with its own LibreOffice profile,
so that parallel builds (and a LibreOffice the user has open) do not get in each other's way, and
it is stopped after a time limit.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from verordening.errors import VerordeningError

TIMEOUT = 180  # seconds for one document; a first start of LibreOffice takes some seconds
PROGRAMS = ("soffice", "libreoffice")


class PdfError(VerordeningError):
    """No PDF could be made; nothing was written."""

    exit_code = 1


def converter() -> str:
    """The LibreOffice program on PATH; a PdfError saying how to get one when there is none."""
    for name in PROGRAMS:
        found = shutil.which(name)
        if found:
            return found
    raise PdfError(
        "--pdf vraagt LibreOffice, maar het programma 'soffice' of 'libreoffice' is niet gevonden; "
        "installeer LibreOffice (https://nl.libreoffice.org, of 'apt-get install libreoffice-writer') "
        "of laat --pdf weg. Er is niets geschreven."
    )


def from_docx(data: bytes, name: str, timeout: float = TIMEOUT) -> bytes:
    """The PDF of the DOCX `data`; `name` (e.g. "nijkerk") names the document in messages."""
    program = converter()
    with tempfile.TemporaryDirectory(prefix="verordening-pdf-") as tmp:
        folder = Path(tmp)
        source = folder / f"{name}.docx"
        source.write_bytes(data)
        command = [
            program,
            f"-env:UserInstallation={(folder / 'profiel').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(source),
        ]
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, cwd=folder
        )
        try:
            _, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # LibreOffice starts helpers: stop the whole group
            process.communicate()
            raise PdfError(
                f"{name}.pdf: LibreOffice gaf na {timeout:g} seconden nog geen PDF en is gestopt; "
                "probeer het opnieuw of laat --pdf weg. Er is niets geschreven."
            ) from None
        result = folder / f"{name}.pdf"
        if process.returncode != 0 or not result.is_file():
            reason = stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["geen melding"]
            raise PdfError(
                f"{name}.pdf: LibreOffice kon de DOCX niet omzetten naar PDF ({reason[0]}). Er is niets geschreven."
            )
        return result.read_bytes()
