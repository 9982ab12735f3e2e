"""Writing a new choice file: never over an existing file, with the schema beside it for the editor.

The shared no-lost-work rules (runs/output.py) do the writing: atomic, under the folder's lock.
The schema (keuzebestand.schema.json, named in the file's first line) is written or refreshed
only when it is absent or was written by this tool; a schema someone edited stays as it is.
"""

from __future__ import annotations

from pathlib import Path

from verordening.advisor.json_schema import FILE_NAME, schema_bytes
from verordening.runs.output import OutputError, edited_files, write_outputs


class ExistsError(OutputError):
    exit_code = 1


def write_new(path: Path, text: str) -> tuple[list[Path], str | None]:
    """Write the choice file (and the schema beside it); return the paths written and a note on the schema."""
    if path.exists() or path.is_symlink():
        raise ExistsError(
            f"{path}: dit bestand bestaat al en wordt niet overschreven; kies met --out een andere naam, "
            f"of open het bestaande bestand met 'verordening bewerk {path}'"
        )
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise OutputError(f"{path}: een keuzebestand eindigt op .yaml; kies met --out een naam als gemeente.yaml")
    files = {path.name: text.encode("utf-8")}
    schema = schema_bytes()
    note = None
    if edited_files(path.parent, {FILE_NAME: schema}) if path.parent.is_dir() else {}:
        note = f"{path.parent / FILE_NAME} is niet door verordening geschreven of met de hand bewerkt en blijft staan"
    else:
        files[FILE_NAME] = schema
    return write_outputs(path.parent, files), note
