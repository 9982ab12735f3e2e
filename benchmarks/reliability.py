"""Reliability figures: the hostile corpus, kills at random and inside the rename step, concurrent writers.

    python benchmarks/reliability.py [--kills 200] [--json out.json]

1. Every case of tests/hostile/ through the CLI (in-process): inputs tried, refused cleanly,
   'interne fout', data lost.
2. SIGKILL of real `verordening build` processes: at a random moment of a single build, inside
   the rename step (strace delays each rename so the kill lands after exactly k of them), and of
   the parent of a batch. After each kill the folder must hold the old or the new build, or a
   journal that the next build completes; that next build must succeed and give exactly the
   files of a clean build, with no leftovers; no pool worker may outlive its parent.
3. Concurrent writers of one folder: pairs of builds (also with the overlap forced), two batches,
   a batch holding two files for one municipality.
4. The number of fsync/syncfs calls of a batch (strace -c).

The README's reliability figures come from a run of this script.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
NIJKERK = ROOT / "municipalities" / "nijkerk.yaml"
CLI = [sys.executable, "-m", "verordening"]
JOURNAL = ".verordening-journal.json"
GENERATED = ("nijkerk.md", "nijkerk.docx", "nijkerk.html", "checklist.json", ".manifest.json")


def run(*args: str, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, **kw)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()} if folder.is_dir() else {}


# --- 1. the corpus ---------------------------------------------------------------------------


def corpus() -> dict[str, object]:
    from tests.hostile.corpus import all_cases, run_case

    verdicts = []
    with tempfile.TemporaryDirectory() as scratch:
        for i, case in enumerate(all_cases()):
            tmp = Path(scratch) / str(i)
            tmp.mkdir()
            verdicts.append(run_case(case, tmp))
            shutil.rmtree(tmp, ignore_errors=True)
    by_area: dict[str, Counter] = {}
    for v in verdicts:
        c = by_area.setdefault(v.case.area, Counter())
        c["tried"] += 1
        c["refused cleanly"] += v.ok and v.case.refused
        c["accepted as expected"] += v.ok and not v.case.refused
        c["interne fout"] += v.internal_error
        c["data lost"] += v.data_lost
        c["other failures"] += not v.ok and not v.internal_error and not v.data_lost
    failures = [(v.case.area, v.case.name, v.problems) for v in verdicts if not v.ok]
    total = sum(by_area.values(), Counter())
    return {"by_area": {a: dict(c) for a, c in by_area.items()}, "total": dict(total), "failures": failures}


# --- 2. kills ------------------------------------------------------------------------------


class Scene:
    """A scratch folder with Nijkerk v1 and v2 choice files and clean reference builds of both."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.v1 = root / "v1.yaml"
        self.v2 = root / "v2.yaml"
        text = NIJKERK.read_text(encoding="utf-8")
        self.v1.write_text(text, encoding="utf-8")
        self.v2.write_text(text.replace("maximale_duur_maanden: 24", "maximale_duur_maanden: 18"), encoding="utf-8")
        self.ref = {}
        for name, path in (("v1", self.v1), ("v2", self.v2)):
            assert run("build", str(path), "--out", str(root / f"ref-{name}")).returncode == 0
            self.ref[name] = snapshot(root / f"ref-{name}" / "nijkerk")

    def state(self, folder: Path) -> str:
        """'old', 'new', 'absent', 'journal' (to be completed) or 'torn'."""
        files = {n: b for n, b in snapshot(folder).items() if n in GENERATED}
        if not files:
            return "absent"
        for name, ref in (("old", self.ref["v1"]), ("new", self.ref["v2"])):
            if files == {n: b for n, b in ref.items() if n in GENERATED}:
                return name
        return "journal" if (folder / JOURNAL).exists() else "torn"

    def after_kill(self, out: Path, before: str) -> dict[str, object]:
        folder = out / "nijkerk"
        seen = self.state(folder)
        rerun = run("build", str(self.v2), "--out", str(out))
        final = self.state(folder)
        litter = [p.name for p in folder.iterdir() if p.name.endswith((".tmp", ".vorige")) or p.name == JOURNAL]
        ok_seen = seen in ("old", "new", "journal") or (seen == "absent" and before == "fresh")
        return {
            "seen": seen,
            "torn": not ok_seen or rerun.returncode != 0 or final != "new" or bool(litter),
            "rerun_exit": rerun.returncode,
            "litter": litter,
            "stderr": rerun.stderr[-300:],
        }


def kill_random(scene: Scene, n: int, rng: random.Random) -> list[dict]:
    """Half at a uniform moment of the build, half the moment its first temporary file appears."""
    start = time.monotonic()
    run("build", str(scene.v2), "--out", str(scene.root / "timing"))
    duration = time.monotonic() - start
    results = []
    for i in range(n):
        out = scene.root / f"kill-{i}"
        before = "fresh" if i % 4 == 3 else "v1"
        if before == "v1":
            shutil.copytree(scene.root / "ref-v1", out, symlinks=True)
        proc = subprocess.Popen(
            [*CLI, "build", str(scene.v2), "--out", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        if i % 2:
            time.sleep(rng.uniform(0.4, 1.1) * duration)
        else:  # wait for the write phase, then kill within a few milliseconds
            while proc.poll() is None and not any(p.name.endswith(".tmp") for p in (out / "nijkerk").glob(".*")):
                time.sleep(0.0005)
            time.sleep(rng.uniform(0, 0.012))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        results.append({"kind": "random", "before": before, **scene.after_kill(out, before)})
        shutil.rmtree(out, ignore_errors=True)
    return results


def kill_in_rename(scene: Scene, n: int) -> list[dict]:
    """strace delays every rename by 0.3 s after it is done; the kill lands after exactly k renames."""
    if shutil.which("strace") is None:
        return []
    results = []
    for i in range(n):
        k = 1 + i % 6  # 1: only the journal is in place; 6: every file and the manifest
        out = scene.root / f"rename-{i}"
        shutil.copytree(scene.root / "ref-v1", out, symlinks=True)
        trace = scene.root / f"trace-{i}.txt"
        proc = subprocess.Popen(
            ["strace", "-f", "-qq", "-o", str(trace), "-e", "trace=rename,renameat,renameat2",
             "-e", "inject=rename,renameat,renameat2:delay_exit=300000", *CLI, "build", str(scene.v2), "--out", str(out)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        pid = None
        while time.monotonic() < deadline and proc.poll() is None:
            lines = trace.read_text(errors="replace").splitlines() if trace.exists() else []
            done = [line for line in lines if "rename" in line and "= 0" in line and str(out) in line]
            if len(done) >= k:
                pid = int(done[0].split()[0])
                break
            time.sleep(0.01)
        if pid is not None:
            os.kill(pid, signal.SIGKILL)
        proc.wait()
        results.append({"kind": f"rename {k}", "before": "v1", "hit": pid is not None, **scene.after_kill(out, "v1")})
        shutil.rmtree(out, ignore_errors=True)
        trace.unlink(missing_ok=True)
    return results


def batch_files(root: Path, count: int) -> tuple[Path, Path]:
    syn = root / "syn"
    assert run("genereer-synthetisch", str(syn)).returncode == 0
    v1, v2 = root / "batch-v1", root / "batch-v2"
    v1.mkdir()
    v2.mkdir()
    for path in sorted(syn.glob("*.yaml"))[:count]:
        text = path.read_text(encoding="utf-8")
        (v1 / path.name).write_text(text, encoding="utf-8")
        changed = (
            text.replace("budgetplafond: false\n", "")
            if "budgetplafond: false" in text
            else text + "budgetplafond: false\n"
        )
        (v2 / path.name).write_text(changed, encoding="utf-8")
    return v1, v2


def _orphans(marker: str) -> int:
    count = 0
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if marker in (proc / "cmdline").read_bytes().decode(errors="replace"):
                    count += 1
            except OSError:
                pass
    return count


def kill_batches(root: Path, n: int, rng: random.Random, count: int = 16) -> list[dict]:
    v1, v2 = batch_files(root, count)
    ref = root / "batch-ref"
    assert run("build", str(v2), "--out", str(ref)).returncode == 0
    results = []
    for i in range(n):
        out = root / f"batch-kill-{i}"
        assert run("build", str(v1), "--out", str(out)).returncode == 0
        proc = subprocess.Popen(
            [*CLI, "build", str(v2), "--out", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(0.5, 3.5))
        proc.send_signal(signal.SIGKILL if i % 2 else signal.SIGTERM)
        proc.wait()
        time.sleep(1.0)
        orphans = _orphans(str(out))
        rerun = run("build", str(v2), "--out", str(out))
        torn = rerun.returncode != 0
        for folder in ref.iterdir():
            mine = out / folder.name
            left = [p.name for p in mine.iterdir() if p.name.endswith((".tmp", ".vorige")) or p.name == JOURNAL]
            if snapshot(mine) != snapshot(folder) or left:
                torn = True
        results.append({"kind": "batch", "torn": torn, "orphans": orphans, "rerun_exit": rerun.returncode})
        shutil.rmtree(out, ignore_errors=True)
    return results


# --- 3. concurrency --------------------------------------------------------------------------


def concurrent_pairs(scene: Scene, n: int, rng: random.Random, forced: bool) -> list[dict]:
    results = []
    for i in range(n):
        out = scene.root / f"pair-{forced}-{i}"
        shutil.copytree(scene.root / "ref-v1", out, symlinks=True)
        slow = ["strace", "-f", "-qq", "-o", "/dev/null", "-e", "inject=rename,renameat,renameat2:delay_exit=300000"]
        first = subprocess.Popen([*(slow if forced else []), *CLI, "build", str(scene.v2), "--out", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)  # fmt: skip
        time.sleep(rng.uniform(0.6, 1.6) if forced else rng.uniform(0, 0.05))
        second = subprocess.Popen([*CLI, "build", str(scene.v1), "--out", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)  # fmt: skip
        codes = (first.wait(), second.wait())
        state = scene.state(out / "nijkerk")
        again = run("build", str(scene.v2), "--out", str(out))
        results.append({
            "kind": "forced overlap" if forced else "pair", "exits": codes, "state": state,
            "bad": codes != (0, 0) or state not in ("old", "new") or again.returncode != 0,
        })  # fmt: skip
        shutil.rmtree(out, ignore_errors=True)
    return results


def duplicate_batches(root: Path, n: int) -> list[dict]:
    folder = root / "dup"
    folder.mkdir(exist_ok=True)
    text = NIJKERK.read_text(encoding="utf-8")
    (folder / "nijkerk.yaml").write_text(text, encoding="utf-8")
    (folder / "nijkerk-2024.yaml").write_text(text.replace("jaar: 2023", "jaar: 2024"), encoding="utf-8")
    results = []
    for i in range(n):
        out = root / f"dup-out-{i}"
        proc = run("build", str(folder), "--out", str(out))
        results.append({"kind": "duplicate", "bad": proc.returncode != 2 or out.exists()})
    return results


def two_batches(root: Path, n: int) -> list[dict]:
    v1, v2 = root / "batch-v1", root / "batch-v2"
    results = []
    for i in range(n):
        out = root / f"two-{i}"
        a = subprocess.Popen(
            [*CLI, "build", str(v1), "--out", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        b = subprocess.Popen(
            [*CLI, "build", str(v2), "--out", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        codes = (a.wait(), b.wait())
        again = run("build", str(v2), "--out", str(out))
        results.append({"kind": "two batches", "exits": codes, "bad": codes != (0, 0) or again.returncode != 0})
        shutil.rmtree(out, ignore_errors=True)
    return results


def sync_calls(root: Path) -> dict[str, int]:
    if shutil.which("strace") is None:
        return {}
    out = root / "sync-out"
    summary = root / "strace-c.txt"
    subprocess.run(["strace", "-f", "-c", "-o", str(summary), "-e", "trace=fsync,fdatasync,syncfs,sync", *CLI, "build", str(root / "batch-v1"), "--out", str(out)], capture_output=True)  # fmt: skip
    calls = {}
    for line in summary.read_text().splitlines():
        parts = line.split()
        if parts and parts[-1] in ("fsync", "fdatasync", "syncfs", "sync"):
            calls[parts[-1]] = int(parts[3])
    calls["municipalities"] = len(list((root / "batch-v1").glob("*.yaml")))
    return calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=200, help="kill runs in total (random, rename step, batch)")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--no-corpus", action="store_true", help="only the kill and concurrency runs")
    parser.add_argument("--corpus-only", action="store_true", help="only the corpus")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    report: dict[str, object] = {}
    t0 = time.monotonic()
    report["corpus"] = {"total": {}, "failures": []} if args.no_corpus else corpus()
    print(f"corpus: {report['corpus']['total']} ({time.monotonic() - t0:.0f} s)", flush=True)
    if args.corpus_only:
        print(json.dumps(report["corpus"], indent=1, default=str))
        return
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        scene = Scene(root)
        n_rename, n_batch = args.kills * 3 // 10, args.kills // 10
        kills = kill_random(scene, args.kills - n_rename - n_batch, rng)
        kills += kill_in_rename(scene, n_rename)
        kills += kill_batches(root, n_batch, rng)
        report["kills"] = {
            "runs": len(kills),
            "by kind": dict(Counter(k["kind"].split()[0] for k in kills)),
            "torn": sum(k["torn"] for k in kills),
            "seen right after the kill": dict(Counter(k.get("seen", "batch") for k in kills)),
            "rename step hit": sum(k.get("hit", False) for k in kills),
            "orphaned workers": sum(k.get("orphans", 0) for k in kills),
            "torn runs": [k for k in kills if k["torn"]][:5],
        }
        print(
            f"kills: {report['kills']['runs']} runs, {report['kills']['torn']} torn ({time.monotonic() - t0:.0f} s)",
            flush=True,
        )
        runs = concurrent_pairs(scene, 20, rng, forced=False) + concurrent_pairs(scene, 10, rng, forced=True)
        runs += duplicate_batches(root, 5) + two_batches(root, 5)
        report["concurrency"] = {
            "runs": len(runs),
            "bad": sum(r["bad"] for r in runs),
            "by kind": dict(Counter(r["kind"] for r in runs)),
        }
        report["sync"] = sync_calls(root)
    report["seconds"] = round(time.monotonic() - t0)
    print(
        json.dumps(
            {k: v for k, v in report.items() if k != "corpus"} | {"corpus": report["corpus"]["total"]},
            indent=1,
            default=str,
        )
    )
    for area, name, problems in report["corpus"]["failures"]:
        print(f"  FOUT {area}: {name}: {problems}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
