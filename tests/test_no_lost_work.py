"""No lost work: atomic, all-or-nothing writes; hand edits are refused, or kept as a backup with --force."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from verordening.cli.app import app
from verordening.errors import FileSystemError
from verordening.runs import build, journal
from verordening.runs.build import BuildOptions, build_file
from verordening.runs.output import MANIFEST, EditedOutputError, OutputError, safe_target, sha256, write_outputs

from .conftest import ROOT

NIJKERK = ROOT / "municipalities" / "nijkerk.yaml"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture
def changed_choices(tmp_path: Path) -> Path:
    """Nijkerk with a different maximum duration, so every generated file changes."""
    path = tmp_path / "nijkerk.yaml"
    path.write_text(
        NIJKERK.read_text(encoding="utf-8").replace("maximale_duur_maanden: 24", "maximale_duur_maanden: 18"),
        encoding="utf-8",
    )
    assert path.read_text(encoding="utf-8") != NIJKERK.read_text(encoding="utf-8")
    return path


def test_build_writes_a_manifest_of_what_it_wrote(tmp_path: Path):
    _, written = build_file(NIJKERK, BuildOptions(out_dir=tmp_path))
    target = tmp_path / "nijkerk"
    manifest = json.loads((target / MANIFEST).read_text(encoding="utf-8"))["files"]
    assert set(manifest) == {p.name for p in written} and len(written) >= 3
    for path in written:
        assert manifest[path.name] == [sha256(path.read_bytes())]
        assert path.stat().st_mode & 0o044, "generated files are readable like any other file"


def test_failing_renderer_leaves_the_previous_build_intact(tmp_path: Path, changed_choices: Path, monkeypatch):
    build_file(NIJKERK, BuildOptions(out_dir=tmp_path))
    before = snapshot(tmp_path / "nijkerk")

    def broken_docx(*args):
        raise RuntimeError("DOCX-schrijver valt om")

    monkeypatch.setitem(build.RENDERERS, ".docx", broken_docx)
    with pytest.raises(RuntimeError):
        build_file(changed_choices, BuildOptions(out_dir=tmp_path))
    assert snapshot(tmp_path / "nijkerk") == before


def test_failure_midway_through_renaming_restores_the_previous_files(
    tmp_path: Path, changed_choices: Path, monkeypatch
):
    build_file(NIJKERK, BuildOptions(out_dir=tmp_path))
    target = tmp_path / "nijkerk"
    before = snapshot(target)
    generated = [name for name in before if name != MANIFEST]

    real_replace = os.replace  # the renames run in runs/journal.py
    renamed: list[str] = []

    def replace(src, dst):
        if str(src).endswith(".tmp") and Path(dst).name not in (MANIFEST, journal.JOURNAL):
            renamed.append(Path(dst).name)
            if len(renamed) == 2:  # the second generated file: the disk is full, the machine stops, ...
                raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(journal.os, "replace", replace)
    with pytest.raises(FileSystemError, match="de schijf is vol"):
        build_file(changed_choices, BuildOptions(out_dir=tmp_path))
    monkeypatch.setattr(journal.os, "replace", real_replace)

    assert len(renamed) == 2
    after = snapshot(target)
    assert {n: after[n] for n in generated} == {n: before[n] for n in generated}, "the first file was not put back"
    assert set(after) == set(before), f"temporary files left behind: {set(after) - set(before)}"
    # The interrupted build is not mistaken for a hand edit: the next build simply succeeds.
    _, written = build_file(changed_choices, BuildOptions(out_dir=tmp_path))
    assert all(p.read_bytes() != before[p.name] for p in written if p.name.startswith("nijkerk."))


def test_hand_edit_is_refused_then_kept_as_backup_with_force(tmp_path: Path):
    runner = CliRunner()
    args = ["build", str(NIJKERK), "--out", str(tmp_path)]
    assert runner.invoke(app, args).exit_code == 0
    target = tmp_path / "nijkerk"
    md = target / "nijkerk.md"
    edited = md.read_text(encoding="utf-8").replace("Artikel 1.", "Artikel 1. (aangepast door de griffie)", 1)
    assert edited != md.read_text(encoding="utf-8")
    md.write_text(edited, encoding="utf-8")
    before = snapshot(target)

    refused = runner.invoke(app, args)
    assert refused.exit_code not in (0, 2)
    assert str(md) in refused.stderr and "met de hand bewerkt" in refused.stderr and "--force" in refused.stderr
    assert "niets geschreven" in refused.stderr
    assert snapshot(target) == before, "a refused build wrote something"

    forced = runner.invoke(app, [*args, "--force"])
    assert forced.exit_code == 0, forced.stderr
    [backup] = target.glob("nijkerk.md.bewerkt-*")
    assert backup.read_text(encoding="utf-8") == edited
    assert "aangepast door de griffie" not in md.read_text(encoding="utf-8")
    assert runner.invoke(app, args).exit_code == 0, "after --force the new files are the tool's own again"
    assert backup.read_text(encoding="utf-8") == edited


def test_two_forced_builds_in_the_same_second_keep_both_edits(tmp_path: Path):
    import datetime as dt

    now = dt.datetime(2023, 11, 23, 10, 15)
    write_outputs(tmp_path, {"a.md": b"een"})
    for edit in (b"bewerkt 1", b"bewerkt 2"):
        (tmp_path / "a.md").write_bytes(edit)
        write_outputs(tmp_path, {"a.md": b"een"}, force=True, now=now)
    backups = sorted(p.read_bytes() for p in tmp_path.glob("a.md.bewerkt-20231123T101500*"))
    assert backups == [b"bewerkt 1", b"bewerkt 2"]


def test_file_not_written_by_the_tool_is_not_overwritten(tmp_path: Path):
    (tmp_path / "a.md").write_bytes(b"eigen werk, geen manifest")
    with pytest.raises(EditedOutputError) as info:
        write_outputs(tmp_path, {"a.md": b"nieuw", "b.md": b"ook nieuw"})
    assert info.value.edited == [tmp_path / "a.md"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md"]
    # Identical content is not a conflict.
    (tmp_path / "a.md").write_bytes(b"nieuw")
    assert write_outputs(tmp_path, {"a.md": b"nieuw"}) == [tmp_path / "a.md"]


def test_corrupt_manifest_protects_rather_than_overwrites(tmp_path: Path):
    write_outputs(tmp_path, {"a.md": b"een"})
    (tmp_path / MANIFEST).write_text("{niet: json", encoding="utf-8")
    with pytest.raises(EditedOutputError):
        write_outputs(tmp_path, {"a.md": b"twee"})
    assert (tmp_path / "a.md").read_bytes() == b"een"


def test_generated_file_replaced_by_a_symlink_is_never_written_through(tmp_path: Path):
    outside = tmp_path / "elders.txt"
    outside.write_bytes(b"niet van ons")
    target = tmp_path / "uit"
    write_outputs(target, {"a.md": b"een"})
    (target / "a.md").unlink()
    (target / "a.md").symlink_to(outside)
    for force in (False, True):  # not a hand edit that --force could fix: the same refusal either way
        with pytest.raises(OutputError, match="geen gewoon bestand") as info:
            write_outputs(target, {"a.md": b"twee"}, force=force)
        assert not isinstance(info.value, EditedOutputError)
    assert outside.read_bytes() == b"niet van ons"


@pytest.mark.parametrize("slug", ["..", "../elders", "a/../../elders", "", ".verborgen", "/etc"])
def test_municipality_folder_stays_inside_the_output_folder(tmp_path: Path, slug: str):
    with pytest.raises(OutputError):
        safe_target(tmp_path / "uitvoer", slug)


def test_output_folder_itself_may_be_anywhere(tmp_path: Path):
    """--out through '..' or a symlink is the user's choice; the per-municipality folder stays inside it."""
    real = tmp_path / "echt"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    assert safe_target(tmp_path / "link", "nijkerk") == real / "nijkerk"
    assert safe_target(tmp_path / "a" / ".." / "echt", "nijkerk") == real / "nijkerk"


def test_municipality_folder_that_is_a_symlink_out_is_refused(tmp_path: Path):
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    out = tmp_path / "uitvoer"
    out.mkdir()
    (out / "nijkerk").symlink_to(elsewhere)
    result = CliRunner().invoke(app, ["build", str(NIJKERK), "--out", str(out)])
    assert result.exit_code != 0 and "buiten de uitvoermap" in result.stderr
    assert list(elsewhere.iterdir()) == []


@pytest.mark.parametrize("name", ["../x.md", "sub/x.md", MANIFEST, ".x.md"])
def test_renderer_file_names_cannot_leave_the_folder(tmp_path: Path, name: str):
    with pytest.raises(OutputError):
        write_outputs(tmp_path / "uit", {name: b"x"})
    assert not (tmp_path / "x.md").exists()
