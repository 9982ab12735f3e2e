"""Benchmark on this machine, like against like: start-up, one build, per document, the batch of 342.

Usage: python benchmarks/run.py [--herhalingen N] [--batch-herhalingen N]   (repository root, in the venv)
Prints Dutch figures for the "Prestaties" section of README.md.

Every whole-process figure is measured as a pair with its peer, the two run in turn (A B A B …),
and the ratio is the median of the pair ratios, so a machine that gets busier during the run slows
both sides alike. Wall time and CPU time (user + system of the process and all it waited for) are
given side by side; on a shared machine the CPU figure is the steadier one. The three ratio lines:
1. one `verordening build` (all formats) ÷ one `pandoc` Markdown → DOCX run on the same text;
2. a batch build of the 342 synthetic municipalities ÷ 342 pandoc runs on their Markdown (CPU);
3. our time per document in one process ÷ the floor: the same document.xml and package parts written
   with lxml and zipfile and nothing else.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import io
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "municipalities" / "nijkerk.yaml"
_SCRIPT = Path(sys.executable).with_name("verordening")
CLI = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "verordening"]
TARGETS = {"build": 1.2, "batch": 0.08, "floor": 2.0}  # issue 11: ratios, not seconds
CORES = len(os.sched_getaffinity(0))


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor() or "onbekend",
    )
    return f"{CORES} kernen (nproc), {cpu}, Python {platform.python_version()}, belasting {load()}"


def load() -> str:
    return " / ".join(f"{x:.2f}" for x in os.getloadavg()).replace(".", ",")


def run(cmd: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one whole process (CPU: user + system of it and every process it waited for)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def run_many(cmds: list[list[str]]) -> tuple[float, float]:
    """Wall and summed CPU seconds of many processes, as many at a time as there are cores."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(CORES) as pool:
        list(pool.map(lambda c: subprocess.run(c, check=True, stdout=subprocess.DEVNULL), cmds))
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


Timed = Callable[[], tuple[float, float]]


def paired(a: Timed, b: Timed, n: int) -> dict[str, list[float]]:
    """A and B in turn, n pairs: their wall and CPU times and the ratios A/B per pair."""
    out: dict[str, list[float]] = {k: [] for k in ("a_wall", "a_cpu", "b_wall", "b_cpu", "wall", "cpu")}
    for _ in range(n):
        (aw, ac), (bw, bc) = a(), b()
        for key, value in (("a_wall", aw), ("a_cpu", ac), ("b_wall", bw), ("b_cpu", bc)):
            out[key].append(value)
        out["wall"].append(aw / bw)
        out["cpu"].append(ac / bc)
    return out


def s(x: float, unit: str = "s", digits: int = 2) -> str:
    """2.345 -> "2,35 s" (Dutch decimal comma)."""
    return f"{x:.{digits}f} {unit}".strip().replace(".", ",")


def spread(values: list[float], unit: str = "s", digits: int = 2) -> str:
    m, lo, hi = statistics.median(values), min(values), max(values)
    return f"{s(m, unit, digits)} ({s(lo, '', digits)}–{s(hi, '', digits)})"


def verdict(ratio: float, target: float) -> str:
    return f"doel ≤ {s(target, '', 2)}: {'gehaald' if ratio <= target else 'NIET gehaald'}"


def print_pair(title: str, a: str, b: str, p: dict[str, list[float]], target: float | None) -> None:
    n = len(p["wall"])
    print(f"\n{title} ({n} paren, om en om):")
    print(f"  {a:<34} wand {spread(p['a_wall'])}, processor {spread(p['a_cpu'])}")
    print(f"  {b:<34} wand {spread(p['b_wall'])}, processor {spread(p['b_cpu'])}")
    cpu = statistics.median(p["cpu"])
    line = (
        f"  verhouding (mediaan van de paren): wand {s(statistics.median(p['wall']), '', 2)}, processor {s(cpu, '', 2)}"
    )
    print(line + (f"; {verdict(cpu, target)} (processor)" if target else ""))


# --- per document, in one process -----------------------------------------------------------


def per_document(paths: list[Path]) -> None:
    """Our stages per document (after the library is loaded), and the floor of writing the same DOCX."""
    from verordening.choicefile.reader import load_choices
    from verordening.engine.assemble import assemble
    from verordening.engine.checklist import compute
    from verordening.engine.library import load_library
    from verordening.render import checklist as render_checklist
    from verordening.runs import build

    start = time.perf_counter()
    load_library()
    print(f"\nClausulebibliotheek laden (eenmalig per proces): {s((time.perf_counter() - start) * 1000, 'ms', 0)}")
    build.render_all(load_choices(paths[0]))  # warm-up: imports, the Word base, lazy caches
    stages: dict[str, list[float]] = {"lezen": [], "samenstellen": [], "controlelijst": []}
    stages.update({f"render {suffix}": [] for suffix in build.RENDERERS})
    stages["render controlelijst.md"] = []
    whole, floors, docx_ratio, whole_ratio = [], [], [], []
    for path in paths:
        t0 = time.perf_counter()
        choices = load_choices(path)
        t1 = time.perf_counter()
        ordinance = assemble(choices)
        t2 = time.perf_counter()
        checklist = compute(ordinance)
        t3 = time.perf_counter()
        stages["lezen"].append(t1 - t0)
        stages["samenstellen"].append(t2 - t1)
        stages["controlelijst"].append(t3 - t2)
        docx = b""
        for suffix, render in build.RENDERERS.items():
            t = time.perf_counter()
            data = render(ordinance, checklist, build.BuildOptions())
            stages[f"render {suffix}"].append(time.perf_counter() - t)
            docx = data if suffix == ".docx" else docx
        t = time.perf_counter()
        render_checklist.render(ordinance, checklist)
        stages["render controlelijst.md"].append(time.perf_counter() - t)
        total = time.perf_counter() - t0
        floor = floor_seconds(docx)  # measured right after ours: the same moment of the machine
        whole.append(total)
        floors.append(floor)
        whole_ratio.append(total / floor)
        docx_ratio.append(stages["render .docx"][-1] / floor)
    print(f"Per document in één proces (mediaan over {len(paths)} synthetische gemeenten):")
    for name, values in stages.items():
        print(f"  {name:<26} {s(statistics.median(values) * 1000, 'ms', 1)}")
    print(f"  {'totaal':<26} {s(statistics.median(whole) * 1000, 'ms', 1)}")
    print(f"  vloer: dezelfde DOCX met alleen lxml en zipfile: {s(statistics.median(floors) * 1000, 'ms', 1)}")
    ratio = statistics.median(whole_ratio)
    print(
        f"  verhouding per document ÷ vloer (mediaan per document): alles {s(ratio, '', 2)}, "
        f"alleen DOCX {s(statistics.median(docx_ratio), '', 2)}; {verdict(ratio, TARGETS['floor'])} (alles)"
    )


def floor_seconds(docx: bytes, repeat: int = 3) -> float:
    """The least time to write `docx` again from its paragraphs' style ids and texts with lxml and zipfile."""
    from lxml import etree

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    package = zipfile.ZipFile(io.BytesIO(docx))
    parts = {name: package.read(name) for name in package.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    body = root.find(f"{{{w}}}body")
    paragraphs = []  # (style id, text) of each paragraph of the body, tables' cells included
    for p in body.iter(f"{{{w}}}p"):
        style = p.find(f"{{{w}}}pPr/{{{w}}}pStyle")
        text = "".join(t.text or "" for t in p.iter(f"{{{w}}}t"))
        paragraphs.append((None if style is None else style.get(f"{{{w}}}val"), text))
    section = body.find(f"{{{w}}}sectPr")
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        doc = etree.Element(f"{{{w}}}document", nsmap={"w": w})
        new_body = etree.SubElement(doc, f"{{{w}}}body")
        for style, text in paragraphs:
            p = etree.SubElement(new_body, f"{{{w}}}p")
            if style:
                etree.SubElement(etree.SubElement(p, f"{{{w}}}pPr"), f"{{{w}}}pStyle").set(f"{{{w}}}val", style)
            etree.SubElement(etree.SubElement(p, f"{{{w}}}r"), f"{{{w}}}t").text = text
        if section is not None:
            new_body.append(section)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in parts.items():
                xml = etree.tostring(doc, encoding="UTF-8", standalone=True) if name == "word/document.xml" else data
                z.writestr(name, xml)
        best = min(best, time.perf_counter() - start)
    return best


# --- main -----------------------------------------------------------------------------------


def ensure_pandoc() -> str | None:
    found = shutil.which("pandoc")
    if found or os.geteuid() != 0 or not shutil.which("apt-get"):
        return found
    print("pandoc ontbreekt; installeren met apt-get …", flush=True)
    subprocess.run(["apt-get", "install", "-y", "-q", "pandoc"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return shutil.which("pandoc")


def main() -> int:
    parser = argparse.ArgumentParser(description="Meet de snelheid van verordening op deze machine.")
    parser.add_argument("--herhalingen", type=int, default=7, help="paren per meting van een los proces")
    parser.add_argument("--batch-herhalingen", type=int, default=2, help="paren batch ÷ 342 pandoc-runs")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from verordening.runs.synthetic import generate

    print(f"Machine: {machine()}")
    pandoc = ensure_pandoc()
    with tempfile.TemporaryDirectory(prefix="verordening-bench-") as tmp_name:
        tmp = Path(tmp_name)
        synthetic = generate(tmp / "synthetisch")
        print(f"Synthetische set: {len(synthetic)} keuzebestanden")
        help_times = [run([*CLI, "--help"]) for _ in range(args.herhalingen)]
        print(
            f"\n`verordening --help` (heel proces): wand {spread([w for w, _ in help_times])}, "
            f"processor {spread([c for _, c in help_times])}"
        )

        build_one = [*CLI, "build", str(EXAMPLE), "--out", str(tmp / "een"), "--force"]
        run(build_one)  # writes the Markdown pandoc gets; warms the file cache
        markdown = tmp / "een" / "nijkerk" / "nijkerk.md"
        if pandoc:
            p = paired(
                lambda: run(build_one),
                lambda: run([pandoc, str(markdown), "-o", str(tmp / "p.docx")]),
                args.herhalingen,
            )
            print_pair(
                "1. Eén build (alle bestanden: Markdown, DOCX, HTML, controlelijst, raadsvoorstel, was-wordt-tabel, bespreekversie) ÷ één pandoc-run Markdown → DOCX",
                "verordening build nijkerk.yaml",
                "pandoc nijkerk.md -o nijkerk.docx",
                p,
                TARGETS["build"],
            )
        else:
            print("\n1. Overgeslagen: pandoc ontbreekt en kan hier niet met apt-get worden geïnstalleerd.")

        per_document(synthetic[:: max(1, len(synthetic) // 30)])

        out = tmp / "batch"
        batch = [*CLI, "build", str(tmp / "synthetisch"), "--out", str(out), "--force"]
        if pandoc:

            def pandoc_all() -> tuple[float, float]:
                # The ordinance's own Markdown, <slug>/<slug>.md: not the controlelijst or the raadsvoorstel.
                files = sorted(f for f in out.glob("*/*.md") if f.stem == f.parent.name)
                assert len(files) == len(synthetic), len(files)
                (tmp / "pandoc").mkdir(exist_ok=True)
                return run_many([[pandoc, str(f), "-o", str(tmp / "pandoc" / f"{f.stem}.docx")] for f in files])

            run(batch)  # the Markdown of all 342 for pandoc
            p = paired(lambda: run(batch), pandoc_all, args.batch_herhalingen)
            print_pair(
                f"2. Batch van {len(synthetic)} gemeenten ({CORES} processen) ÷ {len(synthetic)} pandoc-runs "
                f"({CORES} tegelijk)",
                "verordening build synthetisch/",
                "pandoc, elk bestand apart",
                p,
                TARGETS["batch"],
            )
        for workers in sorted({1, CORES}):
            wall, cpu = run([*batch, "--processen", str(workers)])
            print(
                f"Batch {len(synthetic)} gemeenten, {workers} proces(sen): wand {s(wall)}, processor {s(cpu)} "
                f"({s(wall / len(synthetic) * 1000, 'ms', 0)} per gemeente)"
            )
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"Piekgeheugen grootste (deel)proces: {s(peak, 'MB', 0)}")

        import compare as compare_bench  # benchmarks/compare.py: compare (all formats) against build

        compare_bench.report(compare_bench.measure(tmp / "synthetisch", tmp, 1), len(synthetic))
    print(f"\nBelasting na afloop (1/5/15 min): {load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
