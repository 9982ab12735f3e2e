"""Benchmark: `compare` over the 342 synthetic municipalities in every format, against building them.

The goal (issue 16): comparing in all formats (`--format alle`: one collection, four files) takes less
time than building the ordinances it compares. Both are whole processes on the same files, measured
side by side (interleaved, so a busy machine slows both alike); the verdict is the ratio of the
medians. One process per format is shown too, with processor time, which a shared machine disturbs less.

Usage: python benchmarks/compare.py [--herhalingen N]   (from the repository root, in the venv);
benchmarks/run.py runs it too.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_SCRIPT = Path(sys.executable).with_name("verordening")
CLI = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "verordening"]
FORMATS = ("md", "csv", "html", "xlsx")


CPU: dict[str, list[float]] = {}  # processor seconds (user + system, the process and its workers) per key


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run(cmd: list[str], key: str = "") -> float:
    """Wall seconds of one whole process; its processor seconds go to CPU[key] (steadier on a shared machine)."""
    start, cpu = time.perf_counter(), _cpu()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    CPU.setdefault(key, []).append(_cpu() - cpu)
    return time.perf_counter() - start


def measure(synthetic: Path, scratch: Path, repeat: int) -> dict[str, list[float]]:
    """Seconds per whole process: one build of all files, and one compare per format, `repeat` rounds."""
    times: dict[str, list[float]] = {"build": [], "alle": [], **{f: [] for f in FORMATS}}
    for i in range(repeat):
        times["build"].append(_run([*CLI, "build", str(synthetic), "--out", str(scratch / f"bouw{i}")], "build"))
        for fmt in FORMATS:
            out = scratch / f"vergelijking{i}.{fmt}"
            times[fmt].append(_run([*CLI, "compare", str(synthetic), "--format", fmt, "--out", str(out)], fmt))
        out = scratch / f"alle{i}"
        times["alle"].append(_run([*CLI, "compare", str(synthetic), "--format", "alle", "--out", str(out)], "alle"))
    return times


def report(times: dict[str, list[float]], n: int) -> bool:
    build = statistics.median(times["build"])
    separate = sum(statistics.median(times[f]) for f in FORMATS)
    together = statistics.median(times["alle"])
    print(f"\n`compare` over {n} gemeenten, heel proces (mediaan van {len(times['build'])}):")
    for fmt in FORMATS:
        print(f"  --format {fmt:<5} {statistics.median(times[fmt]):6.2f} s")
    print(f"  vier losse processen samen {separate:6.2f} s")
    print(f"  --format alle (één proces, vier bestanden) {together:6.2f} s")
    print(f"`build` van dezelfde {n} gemeenten: {build:6.2f} s")
    if CPU:
        cpu = {k: statistics.median(v) for k, v in CPU.items()}
        cpu_separate = sum(cpu[f] for f in FORMATS)
        print(
            f"Processortijd (mediaan): build {cpu['build']:.2f} s, --format alle {cpu['alle']:.2f} s "
            f"({cpu['alle'] / cpu['build']:.2f}), vier losse processen {cpu_separate:.2f} s ({cpu_separate / cpu['build']:.2f})"
        )
    ok = together < build
    print(
        f"Verhouding compare (alle formaten, --format alle) / build = {together / build:.2f}; "
        f"doel < 1: {'gehaald' if ok else 'NIET gehaald'}. Ter informatie: vier losse processen / build = "
        f"{separate / build:.2f} (elk proces leest en stelt alle 342 verordeningen opnieuw samen)."
    )
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description="Meet compare (alle formaten) tegen build, 342 gemeenten.")
    parser.add_argument("--herhalingen", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from verordening.runs.synthetic import generate

    with tempfile.TemporaryDirectory(prefix="verordening-compare-bench-") as tmp:
        paths = generate(Path(tmp) / "synthetisch")
        report(measure(Path(tmp) / "synthetisch", Path(tmp), args.herhalingen), len(paths))
    return 0


if __name__ == "__main__":
    sys.exit(main())
