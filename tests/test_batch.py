"""Batch build: a broken file among good ones, the summary, one library load per worker process."""

from __future__ import annotations

import multiprocessing
import shutil
from pathlib import Path

from typer.testing import CliRunner

from verordening.cli.app import app
from verordening.runs import batch, parallel
from verordening.runs.batch import build_many, build_one, library_loads, run_parallel
from verordening.runs.build import BuildOptions

from .conftest import EXAMPLES

BROKEN = "gemeente: Epe\njaar: 2023\njobcoaching:\n  maximale_duur_maanden: veel\n"


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "gemeenten"
    folder.mkdir()
    for example in EXAMPLES:
        shutil.copy(example, folder / example.name)
    (folder / "aa-kapot.yaml").write_text(BROKEN, encoding="utf-8")
    return folder


def test_one_broken_file_does_not_stop_the_others(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["build", str(_folder(tmp_path)), "--out", str(out)])
    assert result.exit_code == 2, result.output  # a choice file error
    built = sorted(p.name for p in out.iterdir())
    assert len(built) == len(EXAMPLES)
    for name in built:
        assert (out / name / "checklist.json").is_file()
    assert "aa-kapot.yaml" in result.output and "maximale_duur_maanden" in result.output
    lines = {line.split()[0]: line for line in result.stdout.splitlines() if line.startswith("  ")}
    assert lines["gebouwd"].split()[-1] == str(len(EXAMPLES))
    assert lines["mislukt"].split()[-1] == "1"
    assert f"[{len(EXAMPLES) + 1}/{len(EXAMPLES) + 1}]" in result.output


def test_summary_counts_red_checklists(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "zz-rood.yaml").write_text(_without_quality_requirements(), encoding="utf-8")
    outcomes, code = build_many(sorted(folder.iterdir()), BuildOptions(out_dir=tmp_path / "out"), workers=2)
    assert code == 2
    counts = dict(batch.summary_rows(outcomes))
    assert counts["gebouwd"] == len(EXAMPLES) + 1
    assert counts["mislukt"] == 1
    red = [o for o in outcomes if o.ok and o.red]
    assert counts["controlelijst rood"] == len(red) >= 1
    assert any(o.path.name == "zz-rood.yaml" for o in red)


def _without_quality_requirements() -> str:
    from .conftest import ROOT

    text = (ROOT / "municipalities" / "nijkerk.yaml").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if "kwaliteitseisen:" not in line]
    # another municipality: two files for Nijkerk in one batch are refused before anything is written
    return "\n".join(lines).replace("gemeente: Nijkerk", "gemeente: Ede") + "\n"


def test_workers_load_the_clause_library_once(tmp_path: Path) -> None:
    paths = EXAMPLES * 3
    outcomes = run_parallel(build_one, paths, BuildOptions(out_dir=tmp_path / "out"), workers=2)
    assert all(o.ok for o in outcomes), [o.error for o in outcomes]
    # Forked workers inherit the parent's loaded library; other start methods load it once each.
    expected = library_loads() if multiprocessing.get_start_method() == "fork" else 1
    assert {o.library_loads for o in outcomes} == {expected}


def test_one_file_is_built_without_a_pool(tmp_path: Path, monkeypatch) -> None:
    def no_pool(*args, **kwargs):
        raise AssertionError("a process pool was started for one file")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", no_pool)
    outcomes, code = build_many([EXAMPLES[0]], BuildOptions(out_dir=tmp_path / "out"))
    assert code == 0 and outcomes[0].ok
    assert (tmp_path / "out" / outcomes[0].target.name).is_dir()


def _council(folder: Path) -> set[str]:
    slug = folder.name
    return {p.name for p in folder.iterdir()} & {
        "raadsvoorstel.md",
        "raadsvoorstel.docx",
        f"{slug}-was-wordt.docx",
        f"{slug}-bespreekversie.docx",
    }


def test_council_package_for_one_file_and_on_request_for_many(tmp_path: Path) -> None:
    one, many, asked = tmp_path / "een", tmp_path / "veel", tmp_path / "gevraagd"
    runner = CliRunner()
    assert runner.invoke(app, ["build", str(EXAMPLES[0]), "--out", str(one)]).exit_code == 0
    (built,) = one.iterdir()
    assert len(_council(built)) == 4
    folder = tmp_path / "twee"
    folder.mkdir()
    for example in EXAMPLES[:2]:
        shutil.copy(example, folder / example.name)
    result = runner.invoke(app, ["build", str(folder), "--out", str(many)])
    assert result.exit_code == 0, result.output
    assert all(not _council(d) and (d / f"{d.name}.docx").is_file() for d in many.iterdir())
    assert batch.NO_COUNCIL in result.stdout  # the user learns what was left out, and how to get it
    result = runner.invoke(app, ["build", str(folder), "--out", str(asked), "--raadspakket"])
    assert result.exit_code == 0, result.output
    assert [len(_council(d)) for d in asked.iterdir()] == [4, 4]
    assert batch.NO_COUNCIL not in result.stdout


def test_a_batch_removes_an_older_council_package_but_never_an_edited_file(tmp_path: Path) -> None:
    out = tmp_path / "out"
    runner = CliRunner()
    assert runner.invoke(app, ["build", str(EXAMPLES[0]), "--out", str(out)]).exit_code == 0
    (target,) = out.iterdir()
    edited = target / "raadsvoorstel.md"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nMet de hand toegevoegd.\n", encoding="utf-8")
    result = runner.invoke(app, ["build", str(EXAMPLES[0]), "--out", str(out), "--geen-raadspakket"])
    assert result.exit_code == 0, result.output
    # A raadsvoorstel of older choices beside the new ordinance would mislead; the edited one is work, and stays.
    assert _council(target) == {"raadsvoorstel.md"}
    assert edited.read_text(encoding="utf-8").endswith("Met de hand toegevoegd.\n")
    result = runner.invoke(app, ["build", str(EXAMPLES[0]), "--out", str(out)])
    assert result.exit_code == 3  # rebuilding the package would overwrite the edit: refused as always
    assert edited.read_text(encoding="utf-8").endswith("Met de hand toegevoegd.\n")
