"""A sample of the kill and concurrency runs of benchmarks/reliability.py: real processes, real SIGKILL.

The folder of a killed build holds the old or the new build, or a journal that the next build
completes; that next build gives exactly a clean build's files. Writers of one folder take turns.
Pool workers end with their parent.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from verordening.cli.app import app
from verordening.runs import journal

from .conftest import ROOT

NIJKERK = ROOT / "municipalities" / "nijkerk.yaml"
CLI = [sys.executable, "-m", "verordening"]
GENERATED = ("nijkerk.md", "nijkerk.docx", "nijkerk.html", "checklist.json", ".manifest.json")


def files(folder: Path) -> dict[str, bytes]:
    return {n: (folder / n).read_bytes() for n in GENERATED if (folder / n).is_file()}


@pytest.fixture(scope="module")
def scene(tmp_path_factory) -> dict[str, object]:
    root = tmp_path_factory.mktemp("scene")
    v1, v2 = root / "v1.yaml", root / "v2.yaml"
    text = NIJKERK.read_text(encoding="utf-8")
    v1.write_text(text, encoding="utf-8")
    v2.write_text(text.replace("maximale_duur_maanden: 24", "maximale_duur_maanden: 18"), encoding="utf-8")
    refs = {}
    for name, path in (("v1", v1), ("v2", v2)):
        assert CliRunner().invoke(app, ["build", str(path), "--out", str(root / name)]).exit_code == 0
        refs[name] = files(root / name / "nijkerk")
    return {"v1": v1, "v2": v2, "refs": refs}


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith((".tmp", ".vorige")) or p.name == journal.JOURNAL]


def build_v1(scene, out: Path) -> Path:
    assert CliRunner().invoke(app, ["build", str(scene["v1"]), "--out", str(out)]).exit_code == 0
    return out / "nijkerk"


_KILL_AFTER = """
import os, signal, sys
from verordening.runs import journal
real, done = os.replace, []
def replace(src, dst):
    real(src, dst)
    done.append(dst)
    if len(done) == {k}:
        os.kill(os.getpid(), signal.SIGKILL)
journal.os.replace = replace
from verordening.cli.app import main
sys.argv = ["verordening", "build", {choices!r}, "--out", {out!r}]
main()
"""


@pytest.mark.parametrize("k", [1, 2, 4, 6])
def test_kill_inside_the_rename_step_is_completed_by_the_next_run(scene, tmp_path: Path, k: int):
    """SIGKILL after exactly k renames (1: the journal only; 6: all files and the manifest)."""
    folder = build_v1(scene, tmp_path / "uit")
    script = textwrap.dedent(_KILL_AFTER.format(k=k, choices=str(scene["v2"]), out=str(tmp_path / "uit")))
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    seen = files(folder)
    assert seen in (scene["refs"]["v1"], scene["refs"]["v2"]) or (folder / journal.JOURNAL).exists()
    result = CliRunner().invoke(app, ["build", str(scene["v2"]), "--out", str(tmp_path / "uit")])
    assert result.exit_code == 0, result.stderr
    assert files(folder) == scene["refs"]["v2"] and leftovers(folder) == []


def test_kill_at_the_first_temporary_file(scene, tmp_path: Path):
    folder = build_v1(scene, tmp_path / "uit")
    proc = subprocess.Popen([*CLI, "build", str(scene["v2"]), "--out", str(tmp_path / "uit")])
    while proc.poll() is None and not any(p.name.endswith(".tmp") for p in folder.glob(".*")):
        time.sleep(0.0005)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert files(folder) in (scene["refs"]["v1"], scene["refs"]["v2"]) or (folder / journal.JOURNAL).exists()
    assert CliRunner().invoke(app, ["build", str(scene["v2"]), "--out", str(tmp_path / "uit")]).exit_code == 0
    assert files(folder) == scene["refs"]["v2"] and leftovers(folder) == []


def test_a_busy_folder_is_refused_after_waiting(scene, tmp_path: Path, monkeypatch):
    folder = build_v1(scene, tmp_path / "uit")
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import fcntl, os, time; fd = os.open({str(folder)!r}, os.O_RDONLY); "
         "fcntl.flock(fd, fcntl.LOCK_EX); print('vast', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "vast"
        monkeypatch.setattr(journal, "LOCK_WAIT", 0.3)
        result = CliRunner().invoke(app, ["build", str(scene["v2"]), "--out", str(tmp_path / "uit")])
    finally:
        holder.kill()
        holder.wait()
    assert result.exit_code == 1 and "een andere opdracht schrijft" in result.stderr, result.stderr
    assert files(folder) == scene["refs"]["v1"]


def test_two_builds_of_one_folder_take_turns(scene, tmp_path: Path):
    out = tmp_path / "uit"
    folder = build_v1(scene, out)
    procs = [
        subprocess.Popen([*CLI, "build", str(scene[v]), "--out", str(out)], stdout=subprocess.DEVNULL)
        for v in ("v2", "v1")
    ]
    assert [p.wait() for p in procs] == [0, 0]
    assert files(folder) in (scene["refs"]["v1"], scene["refs"]["v2"])
    again = CliRunner().invoke(app, ["build", str(scene["v2"]), "--out", str(out)])
    assert again.exit_code == 0, again.stderr  # no false 'met de hand bewerkt'


def _children(pid: int) -> list[int]:
    out = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(proc.name))
        except (OSError, ValueError, IndexError):
            pass
    return out


def test_pool_workers_end_with_their_parent(tmp_path: Path):
    """R14: after SIGKILL of a batch's parent its workers were re-parented to PID 1 and slept forever."""
    folder = tmp_path / "keuzes"
    assert CliRunner().invoke(app, ["genereer-synthetisch", str(folder)]).exit_code == 0
    main = subprocess.Popen([*CLI, "build", str(folder), "--out", str(tmp_path / "uit"), "--processen", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and len(workers) < 2:
        workers = _children(main.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the batch started no pool"
    main.send_signal(signal.SIGKILL)
    main.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(Path(f"/proc/{w}").exists() for w in workers):
        time.sleep(0.05)
    alive = []
    for w in workers:
        try:
            state = Path(f"/proc/{w}/stat").read_text().rsplit(")", 1)[1].split()[0]
            if state != "Z":
                alive.append(w)
        except OSError:
            pass
    for w in alive:
        os.kill(w, signal.SIGKILL)
    assert alive == [], "pool workers outlived their parent"
