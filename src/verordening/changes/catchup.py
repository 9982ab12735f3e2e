"""Catching up with the law: which articles of an ordinance a newer version of the Act changes.

An ordinance is drafted against the version of the Participatiewet in force on its peildatum. When
the library knows a newer version, the ordinance is assembled once more with the newest peildatum;
the articles whose text differs are the ones the catch-up wijzigingsverordening must amend
(`verordening amend OUD.yaml NIEUW.yaml`, where NIEUW differs only in wet.peildatum).
"""

from __future__ import annotations

from dataclasses import dataclass

from verordening.changes.diff import compare
from verordening.choicefile.schema import Choices, Wet
from verordening.engine.assemble import assemble
from verordening.engine.law import Change, LawVersion
from verordening.engine.library import ClauseLibrary, load_library


@dataclass(frozen=True)
class CatchUp:
    drafted: LawVersion  # the version the ordinance follows
    newest: LawVersion
    changes: list[tuple[LawVersion, Change]]  # every change of the Act since `drafted`
    articles: list[
        tuple[str, str, str]
    ]  # (number, title, state: diff.ArticleDiff.state) of the articles the newer text changes

    @property
    def needed(self) -> bool:
        return bool(self.articles)


def brought_up_to_date(choices: Choices, version: LawVersion) -> Choices:
    """The same choices, drafted against `version` of the Act."""
    return choices.model_copy(update={"wet": Wet(peildatum=version.valid_from)})


def catch_up(choices: Choices, library: ClauseLibrary | None = None) -> CatchUp | None:
    """None when the ordinance already follows the newest version the library knows."""
    library = library or load_library()
    drafted = library.law.in_force(choices.peildatum)
    newest = library.law.newest
    if newest is drafted:
        return None
    diff = compare(assemble(choices, library), assemble(brought_up_to_date(choices, newest), library))
    articles = [
        (str(d.old.number) if d.old is not None else d.number, (d.old or d.new).title, d.state)  # type: ignore[union-attr]
        for d in diff.articles
        if d.changed
    ]
    return CatchUp(drafted, newest, library.law.changes_since(drafted), articles)
