"""Benchmark on this machine: start-up, one build, per document, the batch of 342, memory, pandoc.

Usage: python benchmarks/run.py [--herhalingen N]   (run from the repository root, in the venv)
Prints Dutch figures for the "Prestaties" section of README.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "municipalities" / "nijkerk.yaml"
_SCRIPT = Path(sys.executable).with_name("verordening")
CLI = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "verordening"]
TARGETS = {"batch": 15.0, "build": 0.8}  # seconds


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "onbekend",
    )
    cores = len(os.sched_getaffinity(0))
    load = " / ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{cores} kernen (nproc), {cpu}, Python {platform.python_version()}, belasting (1/5/15 min) {load}"


def timed(cmd: list[str], repeat: int, **kwargs: object) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs)  # type: ignore[arg-type]
        times.append(time.perf_counter() - start)
    return times


def fmt(times: list[float]) -> str:
    return f"mediaan {statistics.median(times):.3f} s (min {min(times):.3f}, max {max(times):.3f}, n={len(times)})"


def child_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def per_document(paths: list[Path]) -> dict[str, float]:
    """Seconds per document for each stage, in this process, after the library is loaded."""
    from verordening.choicefile.reader import load_choices
    from verordening.engine.assemble import assemble
    from verordening.engine.checklist import compute
    from verordening.engine.library import load_library
    from verordening.runs import build

    start = time.perf_counter()
    load_library()
    stages = {"bibliotheek laden (eenmalig)": time.perf_counter() - start}
    build.render_all(load_choices(paths[0]))  # warm-up: imports, lazy caches
    totals: dict[str, float] = {"keuzebestand lezen": 0.0, "samenstellen": 0.0, "controlelijst": 0.0}
    totals.update({f"render {s}": 0.0 for s in build.RENDERERS})
    for path in paths:
        t0 = time.perf_counter()
        choices = load_choices(path)
        t1 = time.perf_counter()
        ordinance = assemble(choices)
        t2 = time.perf_counter()
        checklist = compute(ordinance)
        t3 = time.perf_counter()
        totals["keuzebestand lezen"] += t1 - t0
        totals["samenstellen"] += t2 - t1
        totals["controlelijst"] += t3 - t2
        for suffix, render in build.RENDERERS.items():
            t = time.perf_counter()
            render(ordinance, checklist, build.BuildOptions())
            totals[f"render {suffix}"] += time.perf_counter() - t
    stages.update({k: v / len(paths) for k, v in totals.items()})
    stages["totaal per document"] = sum(v / len(paths) for v in totals.values())
    return stages


def ensure_pandoc() -> str | None:
    found = shutil.which("pandoc")
    if found:
        return found
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return None
    print("pandoc ontbreekt; installeren met apt-get …", flush=True)
    subprocess.run(["apt-get", "install", "-y", "-q", "pandoc"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return shutil.which("pandoc")


def main() -> int:
    parser = argparse.ArgumentParser(description="Meet de snelheid van verordening op deze machine.")
    parser.add_argument("--herhalingen", type=int, default=5, help="herhalingen per meting van een los proces")
    args = parser.parse_args()
    n = args.herhalingen
    sys.path.insert(0, str(ROOT / "src"))
    from verordening.runs import build

    print(f"Machine: {machine()}")
    print(f"Renderers in RENDERERS: {', '.join(build.RENDERERS)} (+ checklist.json)")
    cores = len(os.sched_getaffinity(0))
    with tempfile.TemporaryDirectory(prefix="verordening-bench-") as tmp_name:
        tmp = Path(tmp_name)
        from verordening.runs.synthetic import generate

        synthetic = generate(tmp / "synthetisch")
        print(f"Synthetische set: {len(synthetic)} keuzebestanden in {tmp / 'synthetisch'}")

        print(f"\n`verordening --help` (heel proces): {fmt(timed([*CLI, '--help'], n))}")
        build_times = timed([*CLI, "build", str(EXAMPLE), "--out", str(tmp / "een")], n)
        print(
            f"`verordening build` één gemeente (heel proces): {fmt(build_times)}; "
            f"doel < {TARGETS['build']} s: {'gehaald' if statistics.median(build_times) < TARGETS['build'] else 'NIET gehaald'}"
        )
        print(f"  piekgeheugen: {child_peak_mb():.0f} MB")

        stages = per_document(synthetic[:: max(1, len(synthetic) // 20)])
        print("\nPer document, in één proces (gemiddelde over 20 synthetische gemeenten):")
        for name, seconds in stages.items():
            print(f"  {name:<30} {seconds * 1000:8.1f} ms")

        batch = {}
        for workers in sorted({1, cores}):
            times = timed(
                [
                    *CLI,
                    "build",
                    str(tmp / "synthetisch"),
                    "--out",
                    str(tmp / f"batch{workers}"),
                    "--processen",
                    str(workers),
                ],
                1,
            )
            batch[workers] = times[0]
            verdict = (
                ""
                if workers != cores
                else f"; doel < {TARGETS['batch']} s op {cores} kernen: {'gehaald' if times[0] < TARGETS['batch'] else 'NIET gehaald'}"
            )
            print(
                f"\nBatch {len(synthetic)} gemeenten, {workers} proces(sen): {times[0]:.2f} s "
                f"({times[0] / len(synthetic) * 1000:.0f} ms per gemeente){verdict}"
            )
        print(
            f"  piekgeheugen grootste (deel)proces: {child_peak_mb():.0f} MB; dit meetproces: "
            f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
        )

        docx = stages.get("render .docx")
        pandoc = ensure_pandoc()
        if docx is None:
            print("\nVerhouding DOCX/pandoc overgeslagen: er is (nog) geen DOCX-renderer geregistreerd in RENDERERS.")
        elif pandoc is None:
            print(
                "\nVerhouding DOCX/pandoc overgeslagen: pandoc ontbreekt en kan hier niet met apt-get worden geïnstalleerd."
            )
        else:
            from verordening.choicefile.reader import load_choices
            from verordening.runs.build import render_all

            md = tmp / "nijkerk.md"
            md.write_bytes(next(v for k, v in render_all(load_choices(EXAMPLE)).files.items() if k.endswith(".md")))
            p_times = timed([pandoc, str(md), "-o", str(tmp / "pandoc.docx")], n)
            ratio = docx / statistics.median(p_times)
            print(f"\npandoc Markdown → DOCX (heel proces): {fmt(p_times)}")
            print(
                f"Onze DOCX per document {docx * 1000:.0f} ms = {ratio:.2f} × pandoc; "
                f"doel < 1: {'gehaald' if ratio < 1 else 'NIET gehaald'}"
            )

        import compare as compare_bench  # benchmarks/compare.py: compare (all formats) against build

        compare_bench.report(compare_bench.measure(tmp / "synthetisch", tmp, 1), len(synthetic))
    print(f"\nBelasting na afloop (1/5/15 min): {' / '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
