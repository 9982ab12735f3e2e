"""Where a comparison comes from: the date it was made, the choice files, and where the built ordinances are."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from verordening.engine.textfilters import datum
from verordening.runs.compare.rows import Row


def _today() -> dt.date:
    # SOURCE_DATE_EPOCH (reproducible builds) fixes the date, so a page can be made twice the same.
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return dt.date.today()


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("verordening")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "onbekend"


@dataclass(frozen=True)
class Provenance:
    generated: dt.date
    sources: tuple[str, ...] = ()  # the files and folders as given on the command line
    links: str | None = None  # base of the built ordinances: a URL, or a path relative to the page
    version: str = ""

    @classmethod
    def now(cls, sources: tuple[str, ...] = (), links: str | None = None) -> Provenance:
        return cls(_today(), sources, links, _version())

    def made(self) -> str:
        return f"Gemaakt op {datum(self.generated)} met verordening {self.version or _version()}"

    def sentence(self, rows: list[Row]) -> str:
        where = f" ({', '.join(self.sources)})" if self.sources else ""
        return (
            f"{self.made()} uit "
            f"{len(rows)} {'keuzebestand' if len(rows) == 1 else 'keuzebestanden'}{where}. De OVAL-scorecard is "
            "berekend uit de keuzes én uit de samengestelde tekst van elke verordening."
        )

    @staticmethod
    def synthetic_count(rows: list[Row]) -> int:
        return sum(r.synthetic for r in rows)

    def synthetic_warning(self, rows: list[Row]) -> str:
        n = self.synthetic_count(rows)
        return (
            f"Let op: {n} van de {len(rows)} keuzebestanden {'is' if n == 1 else 'zijn'} synthetisch "
            "(gemaakt met 'verordening genereer-synthetisch'): de keuzes zijn willekeurig getrokken en zeggen "
            "niets over het beleid van die gemeenten."
        )

    def link(self, row: Row) -> str | None:
        """The built ordinance of this row (output/<slug>/<slug>.html of `verordening build`)."""
        if self.links is None:
            return None
        base = self.links.rstrip("/")
        return (
            f"{base}/{quote(row.slug)}/{quote(row.slug)}.html" if base else f"{quote(row.slug)}/{quote(row.slug)}.html"
        )


def link_base(where: str, page: Path | None, slugs: list[str]) -> tuple[str, str]:
    """The links' base as seen from the page, and a warning when none of the ordinances is there yet.

    A web address is used as given; a folder becomes a path relative to the page's folder (or to the
    current folder when the page goes to the screen).
    """
    if "://" in where:
        return where, ""
    folder = Path(where)
    start = (page.parent if page is not None else Path(".")).resolve()
    base = Path(os.path.relpath(folder.resolve(), start)).as_posix()
    base = "" if base == "." else base
    built = [s for s in slugs if (folder / s / f"{s}.html").is_file()]
    if slugs and not built:
        return base, (
            f"let op: in {folder}/ staat nog geen gebouwde verordening; de links op de pagina werken pas na "
            f"'verordening build … --out {folder}'"
        )
    return base, ""
