"""Collecting the comparison: one Row per choice file (choices, OVAL scorecard), in Dutch alphabetical order.

Rows are computed in a process pool (runs.parallel.run_parallel); a file that fails becomes a
RowOutcome with its error, so one bad file never stops the matrix.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from verordening.engine.scorecard import TWO_YEARS, AskResult
from verordening.errors import VerordeningError

UWV_MONTHS = 36  # UWV: jobcoaching for three years, with the possibility of extension (seed 001)
SYNTHETIC_MARK = "# SYNTHETISCH"  # first line of a file from `verordening genereer-synthetisch`


@dataclass(frozen=True)
class Row:
    path: str
    code: str  # CBS gemeentecode, "GM0267"
    gemeente: str
    slug: str  # the build's folder and file name: output/<slug>/<slug>.html
    synthetic: bool
    standards: tuple[str, ...]  # Kwaliteitseis values in the file's order, "oval_keurmerk"
    kwaliteitseisen: tuple[str, ...]  # their display names
    max_duur: int
    verlenging: bool
    verlenging_max: int | None
    art13: bool
    art13_duur: int | None
    clientenraad: str  # "ontvangen", "gevraagd" or "afgezien"
    clientenraad_tekst: str
    scheiding: bool
    aanbieder: str  # "extern", "intern", "beide"
    inwerkingtreding: dt.date
    asks: tuple[AskResult, ...]
    sort_key: tuple[int, ...] = ()  # dutch_sort_key(gemeente), computed in the worker

    @property
    def score(self) -> int:
        return sum(a.met for a in self.asks)

    @property
    def total_duur(self) -> int:
        """The longest jobcoaching the ordinance allows: the maximum plus any extension."""
        return self.max_duur + (self.verlenging_max or 0 if self.verlenging else 0)

    @property
    def beyond_two_years(self) -> bool:
        return self.total_duur > TWO_YEARS

    @property
    def like_uwv(self) -> bool:
        """As UWV: at least three years, and an extension possible."""
        return self.max_duur >= UWV_MONTHS and self.verlenging

    def ask(self, key: str) -> AskResult:
        return next(a for a in self.asks if a.key == key)


@dataclass(frozen=True)
class RowOutcome:
    row: Row | None
    error: str = ""
    exit_code: int = 0


def one_line(text: str) -> str:
    return " ".join(text.split())


def row_for(path: Path) -> RowOutcome:
    """Load, assemble and score one choice file (runs in a worker process)."""
    from verordening.choicefile.municipalities import municipality_by_name
    from verordening.choicefile.reader import load_choices
    from verordening.choicefile.schema import AdviesCliëntenraad
    from verordening.engine.assemble import assemble
    from verordening.engine.library import load_library
    from verordening.engine.scorecard import score
    from verordening.engine.textfilters import datum

    try:
        choices = load_choices(path)
        library = load_library()
        ordinance = assemble(choices, library, toelichting=False)  # the scorecard reads only the rules
        asks = tuple(score(ordinance, library.kwaliteitseisen))
        with open(path, encoding="utf-8", errors="replace") as f:
            synthetic = f.readline().startswith(SYNTHETIC_MARK)
    except VerordeningError as exc:
        return RowOutcome(None, str(exc), exc.exit_code)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the matrix
        return RowOutcome(None, f"{path}: interne fout ({type(exc).__name__}: {exc})", 1)
    jc, raad = choices.jobcoaching, choices.clientenraad
    if isinstance(raad, AdviesCliëntenraad):
        status = "ontvangen" if raad.advies_ontvangen else "gevraagd"
        tekst = (
            f"advies ontvangen op {datum(raad.advies_ontvangen)}"
            if raad.advies_ontvangen
            else f"advies gevraagd op {datum(raad.advies_gevraagd)}, nog niet ontvangen"
        )
    else:
        status, tekst = "afgezien", f"niet gevraagd: {one_line(raad.afgezien).rstrip('.')}"
    names = tuple(library.kwaliteitseisen.get(k.value, {}).get("naam", k.value) for k in jc.kwaliteitseisen)
    municipality = municipality_by_name(choices.gemeente)
    return RowOutcome(
        Row(
            path=str(path),
            code=municipality.code,
            gemeente=choices.gemeente,
            slug=ordinance.slug,
            synthetic=synthetic,
            standards=tuple(k.value for k in jc.kwaliteitseisen),
            kwaliteitseisen=names,
            max_duur=jc.maximale_duur_maanden,
            verlenging=jc.verlenging.toegestaan,
            verlenging_max=jc.verlenging.maximale_duur_maanden,
            art13=choices.artikel_13_loonkostensubsidie.opnemen,
            art13_duur=choices.artikel_13_loonkostensubsidie.maximale_duur_maanden,
            clientenraad=status,
            clientenraad_tekst=tekst,
            scheiding=jc.scheiding_handhaving_begeleiding,
            aanbieder=jc.aanbieder,
            inwerkingtreding=choices.werking_vanaf,  # the first day its rules apply (schema.Choices)
            asks=asks,
            sort_key=dutch_sort_key(choices.gemeente),
        )
    )


# --- Dutch alphabetical order ------------------------------------------------------------------

# Dutch indexes file a name that starts with the old genitive article ('s-Hertogenbosch,
# 's-Gravenhage, 't Zandt) under the word after it.
_ARTICLE_PREFIX = re.compile(r"^[’'‘]\s?[st][-\s]+", re.I)


@cache
def _collator():
    import pyuca

    return pyuca.Collator()


def dutch_sort_key(name: str) -> tuple[int, ...]:
    """The Unicode Collation Algorithm key (CLDR's Dutch order is the root order) of the filing name.

    "’s-Hertogenbosch" files under H, "Súdwest-Fryslân" between "Stichtse Vecht" and "Terneuzen",
    case and accents only break ties.
    """
    return _collator().sort_key(_ARTICLE_PREFIX.sub("", name.strip()))


def collect(paths: list[Path], workers: int | None = None) -> tuple[list[Row], list[RowOutcome]]:
    """The rows of every file that loads, in Dutch alphabetical order of municipality, and the failures."""
    from verordening.runs.parallel import run_parallel

    _collator()  # loaded before the pool, so forked workers inherit it
    outcomes = run_parallel(row_for, paths, workers=workers)
    rows = sorted((o.row for o in outcomes if o.row), key=lambda r: (r.sort_key, r.path))
    return rows, [o for o in outcomes if not o.row]
