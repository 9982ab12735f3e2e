"""Benchmark: server time per change in `verordening bewerk` (issue 15: at most 50 ms).

Usage: python benchmarks/editor.py [--wijzigingen N]   (repository root, in the venv)

One change is what the editor does when the advisor changes a field: the form's values checked,
put into the advisor's own file text (comments kept), read back as `check` reads it, and built
into the review page, checklist and OVAL scorecard. Measured two ways, side by side, change by
change in turn: the session alone, and the whole request through the Starlette app (form parsing,
JSON). The peer is the floor: assembling and rendering the same choices without the editor (what
any preview must do), so the ratio says what the editor itself adds.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TARGET_MS = 50.0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--wijzigingen", type=int, default=60)
    args = parser.parse_args()

    from starlette.testclient import TestClient
    from tests.test_bewerk_server import BASE, PORT, TOKEN, form

    from verordening.advisor.editor.server import HEADER, make_app
    from verordening.advisor.editor.session import Session
    from verordening.engine.assemble import assemble
    from verordening.engine.checklist import compute
    from verordening.engine.scorecard import score
    from verordening.render import html

    folder = Path(tempfile.mkdtemp(prefix="bewerk-bench-"))
    try:
        path = folder / "nijkerk.yaml"
        shutil.copy(ROOT / "municipalities" / "nijkerk.yaml", path)
        session = Session(path)
        client = TestClient(make_app(session, TOKEN, PORT), base_url=BASE)
        client.get(f"/?token={TOKEN}")
        changes = [form(path, jobcoaching__maximale_duur_maanden=str(12 + n % 48)) for n in range(args.wijzigingen)]
        timings: dict[str, list[float]] = {"sessie": [], "verzoek": [], "vloer": []}
        for data in changes:  # warm-up: templates compiled, caches filled
            session.preview(data)
        for data in changes:
            start = time.perf_counter()
            draft = session.preview(data)
            timings["sessie"].append(time.perf_counter() - start)
            start = time.perf_counter()
            response = client.post("/voorbeeld", data=data, headers={HEADER: TOKEN})
            timings["verzoek"].append(time.perf_counter() - start)
            assert response.status_code == 200 and draft.valid
            start = time.perf_counter()
            ordinance = assemble(draft.choices, session.library)
            checklist = compute(ordinance, session.library)
            html.render(ordinance, checklist)
            score(ordinance, session.library.kwaliteitseisen)
            timings["vloer"].append(time.perf_counter() - start)
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    def ms(values: list[float], q: float) -> float:
        return statistics.quantiles(values, n=100)[int(q) - 1] * 1000 if q < 100 else max(values) * 1000

    print(f"Editor (verordening bewerk), {args.wijzigingen} wijzigingen van de maximale duur, Nijkerk:")
    for name, label in (("sessie", "per wijziging (sessie)"), ("verzoek", "per wijziging (HTTP-verzoek)")):
        median = statistics.median(timings[name]) * 1000
        print(
            f"  {label}: mediaan {median:.1f} ms, 95e percentiel {ms(timings[name], 95):.1f} ms (doel ≤ {TARGET_MS:.0f} ms)"
        )
    floor = statistics.median(timings["vloer"]) * 1000
    ratio = statistics.median(s / f for s, f in zip(timings["verzoek"], timings["vloer"]))
    print(f"  vloer (alleen samenstellen en HTML, controle, scorecard): mediaan {floor:.1f} ms")
    print(f"  verhouding verzoek ÷ vloer: {ratio:.2f}")
    worst = ms(timings["verzoek"], 95)
    print("  binnen het doel" if worst <= TARGET_MS else f"  BOVEN HET DOEL: {worst:.1f} ms")


if __name__ == "__main__":
    main()
