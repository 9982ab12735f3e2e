"""Turn the CBS municipality boundaries (TopoJSON, RD New) into the compact map data of the package.

Usage: python tools/topojson_to_map.py GEMEENTE_2025_RD.topojson [--out src/verordening/data/gemeenten_kaart.json]

The source is the generalised municipality map of cartomap/nl (`rd/gemeente_2025.topojson`), made
from the CBS gebiedsindelingen published through PDOK ("Bron: CBS, Kadaster/PDOK"). The output holds,
per CBS code, one SVG path (absolute start, then relative moves, rounded to GRID metres) in a
viewBox whose y axis points down (RD y grows northwards, so it is flipped). The codes must be exactly
those of src/verordening/data/gemeenten.csv; the script refuses otherwise.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "src" / "verordening" / "data" / "gemeenten_kaart.json"
GRID = 250  # metres per map unit: ~1 km detail is what the generalised source holds; keeps the page small
SOURCE = "cartomap/nl, rd/gemeente_2025.topojson (commit 01e3b4cea860e7bb5dc3bddbfff72d3e4f4709e6)"
ATTRIBUTION = "Bron: CBS, Kadaster/PDOK"


def decode_arcs(topology: dict) -> list[list[tuple[int, int]]]:
    """Delta-decoded, transformed arcs in RD metres."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    out = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((round(x * sx + tx), round(y * sy + ty)))
        out.append(points)
    return out


def ring_points(ring: list[int], arcs: list[list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """A ring's points: arcs joined end to start; a negative index ~i is arc i reversed (TopoJSON)."""
    points: list[tuple[int, int]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def path_data(rings: list[list[tuple[int, int]]], x0: int, y1: int) -> str:
    """SVG path: per ring M x,y then relative l moves on the GRID, z. Zero moves are dropped."""
    parts = []
    for ring in rings:
        grid = [((x - x0) // GRID, (y1 - y) // GRID) for x, y in ring]
        cleaned = [grid[0]] + [p for prev, p in zip(grid, grid[1:]) if p != prev]
        if len(cleaned) < 4:  # a ring that collapses to a line or point at this grid
            continue
        (px, py), moves = cleaned[0], []
        for x, y in cleaned[1:-1] if cleaned[-1] == cleaned[0] else cleaned[1:]:
            moves.append(f"{x - px} {y - py}")
            px, py = x, y
        parts.append(f"M{cleaned[0][0]} {cleaned[0][1]}l" + " ".join(moves) + "z")
    return "".join(parts).replace(" -", "-")


def convert(topology: dict, codes: dict[str, str]) -> dict:
    arcs = decode_arcs(topology)
    (geometries,) = [o["geometries"] for o in topology["objects"].values()]
    xs = [x for arc in arcs for x, _ in arc]
    ys = [y for arc in arcs for _, y in arc]
    x0, y1 = min(xs), max(ys)
    width, height = (max(xs) - x0) // GRID + 1, (y1 - min(ys)) // GRID + 1
    shapes = {}
    for g in geometries:
        polygons = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        rings = [ring_points(ring, arcs) for polygon in polygons for ring in polygon]
        shapes[g["properties"]["statcode"]] = path_data(rings, x0, y1)
    if set(shapes) != set(codes):
        missing, extra = sorted(set(codes) - set(shapes)), sorted(set(shapes) - set(codes))
        raise SystemExit(f"de codes wijken af van gemeenten.csv: ontbrekend {missing}, onbekend {extra}")
    return {
        "bron": SOURCE,
        "naamsvermelding": ATTRIBUTION,
        "eenheid_m": GRID,
        "viewbox": [0, 0, width, height],
        "gemeenten": {code: shapes[code] for code in sorted(shapes)},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    raw = args.topojson.read_bytes()
    with (ROOT / "src" / "verordening" / "data" / "gemeenten.csv").open(encoding="utf-8") as f:
        codes = {row["code"]: row["naam"] for row in csv.DictReader(f)}
    data = convert(json.loads(raw), codes)
    data["bron_sha256"] = hashlib.sha256(raw).hexdigest()
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"{len(data['gemeenten'])} gemeenten, {len(text) // 1024} kB -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
