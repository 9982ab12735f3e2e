"""The raadsvoorstel: the college's proposal to the raad to adopt the ordinance, as one model for two layouts.

This module decides what the proposal says where (the header block, Beslispunten, Aanleiding, Argumenten
with the statutory checklist, Kanttekeningen, …); every sentence comes from the clause library
(model_clauses/raadsvoorstel.yaml). raadsvoorstel_md.py and raadsvoorstel_docx.py only lay it out. It is
addressed to the raad and is never part of the text the raad adopts: what the raad should weigh (OVAL's asks
this draft does not meet, doubts about the cliëntenraad's advice, deviations from the VNG model) lives here.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from verordening.choicefile.schema import AdviesCliëntenraad, Choices
from verordening.engine import meaning
from verordening.engine.checklist import Checklist
from verordening.engine.deviations import deviations
from verordening.engine.document import Ondertekening, Ordinance
from verordening.engine.library import load_library
from verordening.engine.library_files import read_yaml
from verordening.engine.scorecard import score
from verordening.engine.texts import Texts
from verordening.render.checklist import Table
from verordening.render.checklist import table as checklist_table

TEXTS = "raadsvoorstel.yaml"
CONTROLELIJST = "controlelijst.md"  # written beside it by runs/build.py
NAMES = ("raadsvoorstel.md", "raadsvoorstel.docx")


def was_wordt_name(slug: str) -> str:
    """The was-wordt-tabel against the VNG model that the build writes beside the ordinance."""
    return f"{slug}-was-wordt.docx"


@dataclass(frozen=True)
class Block:
    """A paragraph ("alinea"), a sub-heading, a list (bullets or numbered) or a table."""

    kind: Literal["alinea", "tussenkop", "opsomming", "genummerd", "tabel"]
    texts: tuple[str, ...] = ()
    table: Table | None = None


@dataclass(frozen=True)
class Section:
    title: str
    blocks: list[Block] = field(default_factory=list)


@dataclass(frozen=True)
class Raadsvoorstel:
    title: str
    kop: list[tuple[str, str]]  # (label, value) of the header block
    aan: str
    sections: list[Section]
    ondertekening: Ondertekening  # the college's signature; its `kop` is the status mark ("CONCEPT")
    footer: str
    properties: tuple[str, str]  # the DOCX's author and keywords
    citeertitel: str
    gemeente: str
    datum: object  # the proposal's date (document properties)


@functools.cache
def _texts(root: Path) -> Texts:
    library = load_library(root)
    path = library.root / TEXTS
    return Texts(library.env, read_yaml(path)[0], path)


def texts(ordinance: Ordinance) -> Texts:
    return _texts(load_library(ordinance.library).root)


def _p(*texts: str) -> list[Block]:
    return [Block("alinea", (t,)) for t in texts if t]


def _open(k: Choices, key: str, value: object) -> object:
    """A value still provisional (listed in in_te_vullen) is shown as a placeholder."""
    return None if key in k.in_te_vullen else value


def build(ordinance: Ordinance, checklist: Checklist) -> Raadsvoorstel:
    say, k = texts(ordinance), ordinance.choices
    values = {"k": k, "gemeente": k.gemeente, "citeertitel": ordinance.citeertitel}
    v = k.vaststelling
    dates = {
        "raadsvergadering": _open(k, "vaststelling.datum", v.datum),
        "datum": _open(k, "vaststelling.voorstel_datum", v.voorstel_datum),
    }
    nummer = _open(k, "vaststelling.voorstel_nummer", v.voorstel_nummer)
    kop = [
        (say(f"kop.{key}.label"), say(f"kop.{key}.waarde", datum=dates.get(key), nummer=nummer, **values))
        for key in say.words("kop.volgorde")
    ]
    heads = functools.partial(_heading, say)
    sections = [
        Section(heads("beslispunten"), _beslispunten(say, values)),
        Section(heads("aanleiding"), _aanleiding(say, ordinance, checklist, values)),
        Section(heads("beoogd_effect"), _p(say("beoogd_effect", **values))),
        Section(heads("argumenten"), _argumenten(say, ordinance, checklist, values)),
        Section(heads("kanttekeningen"), _kanttekeningen(say, ordinance, checklist, values)),
        Section(heads("procedure"), _procedure(say, checklist, k)),
        Section(heads("financien"), _p(say("financien", **values))),
        Section(heads("communicatie"), _p(say("communicatie", **values))),
        Section(heads("uitvoering"), _p(say("uitvoering", **values))),
        Section(heads("bijlagen"), [Block("genummerd", tuple(_bijlagen(say, ordinance, values)))]),
    ]
    signers = say.words("ondertekening.ondertekenaars")
    ondertekening = Ondertekening(
        say("ondertekening.slot", **values), list(zip(signers[::2], signers[1::2])), ordinance.ondertekening.kop
    )
    return Raadsvoorstel(
        title=say("titel"),
        kop=kop,
        aan=say("aan", **values),
        sections=sections,
        ondertekening=ondertekening,
        footer=say("voettekst", **values),
        properties=(say("eigenschappen.auteur", **values), say("eigenschappen.trefwoorden", **values)),
        citeertitel=ordinance.citeertitel,
        gemeente=k.gemeente,
        datum=v.voorstel_datum,
    )


def _heading(say: Texts, key: str) -> str:
    return say(f"kopjes.{key}")


def _beslispunten(say: Texts, values: dict) -> list[Block]:
    return [
        *_p(say("beslispunten.inleiding", **values)),
        Block("genummerd", (say("beslispunten.vaststellen", **values),)),
    ]


def _aanleiding(say: Texts, ordinance: Ordinance, checklist: Checklist, values: dict) -> list[Block]:
    law = load_library(ordinance.library).law
    first, text = law.versions[0], checklist.law
    changes = [
        say("aanleiding.wijziging", datum=version.valid_from, wijziging=change.summary, vindplaats=change.cited())
        for version, change in law.changes_since(first, relevant_only=True)
        if version.valid_from <= text.valid_from
    ]
    wet = {"label": text.label, "bron": text.source}
    return [
        *_p(
            say("aanleiding.breed_offensief", eerste=first.valid_from, **values),
            say("aanleiding.wet", eerste=first.valid_from, wet=wet, gewijzigd=bool(changes), **values),
        ),
        *([Block("opsomming", tuple(changes))] if changes else []),
        *_p(say("aanleiding.intrekking", intrekking=ordinance.choices.intrekking or "", **values)),
    ]


def _argumenten(say: Texts, ordinance: Ordinance, checklist: Checklist, values: dict) -> list[Block]:
    library = load_library(ordinance.library)
    unmet, total = len(checklist.unmet), len(checklist.vereisten)
    blocks = [
        Block("tussenkop", (f"1. {say('argumenten.wet_titel', niet_voldaan=unmet, **values)}",)),
        *_p(say("argumenten.wet", aantal=total, niet_voldaan=unmet, **values)),
        Block("tabel", table=checklist_table(checklist, library.checklist_texts, for_the_raad=True)),
        *_p(say("argumenten.keuzes_inleiding", **values)),
    ]
    number = 2
    for key in say.words("argumenten.keuzes"):
        try:
            value = meaning.value_of(ordinance.choices, key)
        except AttributeError:  # a key of another branch of the choice model
            continue
        keuze = f"{meaning.title(key, capital=True)}: {meaning.in_words(key, value, ordinance.option_names)}"
        blocks.append(Block("tussenkop", (f"{number}. {say('argumenten.kop', keuze=keuze, **values)}",)))
        blocks += _p(say(f"argumenten.reden.{key}", **values))
        number += 1
    return blocks


def _kanttekeningen(say: Texts, ordinance: Ordinance, checklist: Checklist, values: dict) -> list[Block]:
    """What the raad should weigh, in groups (the law, the cliëntenraad, the procedure, OVAL, residents, the
    VNG model), each under a numbered heading when it has something to say."""
    k = ordinance.choices
    groups: dict[str, list[Block]] = {key: [] for key in ("wet", "clientenraad", "procedure", "oval", "inwoners")}
    if checklist.unmet:
        unmet = (say("kanttekeningen.vereiste", citation=r.citation, ontbrekend=r.unregulated) for r in checklist.unmet)
        groups["wet"] = [
            Block("opsomming", tuple(unmet)),
            *_p(say("kanttekeningen.vereisten_slot", aantal=len(checklist.unmet), **values)),
        ]
    for p in checklist.procedure:
        if p.requirement == "47" and p.finding in ("afgezien", "ontvangen_na_voorstel", "gelegenheid"):
            groups["clientenraad"] += _p(say(f"kanttekeningen.{p.finding}", **_advies(k), **values))
        elif p.finding == "te_kort":
            dates = {"vastgesteld": k.vaststelling.datum, "inwerkingtreding": k.inwerkingtreding_datum}
            groups["procedure"] += _p(say("kanttekeningen.te_kort", **dates, **values))
        elif p.status == "waarschuwing":
            groups["procedure"] += _p(say("kanttekeningen.procedure", citation=p.citation, reden=p.reason, **values))
    library = load_library(ordinance.library)
    asks = [a for a in score(ordinance, library.kwaliteitseisen) if not a.met]
    if asks:
        oval = (say(f"kanttekeningen.oval.{a.key}", titel=a.title, reden=a.reason, **values) for a in asks)
        groups["oval"] = [
            *_p(say("kanttekeningen.oval_inleiding", aantal=len(asks), **values)),
            Block("opsomming", tuple(oval)),
        ]
    if not k.artikel_13_loonkostensubsidie.opnemen:
        groups["inwoners"] += _p(say("kanttekeningen.zonder_lks_buiten_doelgroep", **values))
    if k.budgetplafond:
        groups["inwoners"] += _p(say("kanttekeningen.budgetplafond", **values))
    afwijkingen = [
        say("kanttekeningen.afwijking", titel=d.title, waarde=d.value, model=d.model, **values)
        for d in deviations(k, ordinance.option_names)
    ]
    groups["afwijkingen"] = (
        [*_p(say("kanttekeningen.afwijkingen_inleiding", **values)), Block("opsomming", tuple(afwijkingen))]
        if afwijkingen
        else _p(say("kanttekeningen.geen_afwijkingen", **values))
    )
    blocks: list[Block] = []
    for number, (key, group) in enumerate(((key, g) for key, g in groups.items() if g), 1):
        blocks += [Block("tussenkop", (f"{number}. {say(f'kanttekeningen.koppen.{key}')}",)), *group]
    return blocks


def _advies(k: Choices) -> dict[str, object]:
    raad = k.clientenraad
    if isinstance(raad, AdviesCliëntenraad):
        return {
            "naam": raad.naam,
            "gevraagd": raad.advies_gevraagd,
            "ontvangen": raad.advies_ontvangen,
            "voorstel": k.vaststelling.voorstel_datum,
        }
    return {"reden": raad.afgezien, "grondslag": raad.grondslag or ""}


def _procedure(say: Texts, checklist: Checklist, k: Choices) -> list[Block]:
    blocks = []
    for p in checklist.procedure:
        if p.requirement == "47":
            blocks += _p(say(f"procedure.{p.finding}", **_advies(k)))
        elif p.status != "waarschuwing":  # a warning is a kanttekening
            blocks += _p(say("procedure.bevinding", citation=p.citation, reden=p.reason))
    return blocks


def _bijlagen(say: Texts, ordinance: Ordinance, values: dict) -> Iterator[str]:
    yield say("bijlagen.ontwerp", bestand=f"{ordinance.slug}.docx", **values)
    yield say("bijlagen.controlelijst", bestand=CONTROLELIJST, **values)
    yield say("bijlagen.was_wordt", bestand=was_wordt_name(ordinance.slug), **values)
    raad = ordinance.choices.clientenraad
    if isinstance(raad, AdviesCliëntenraad) and raad.advies_ontvangen is not None:
        yield say("bijlagen.advies", naam=raad.naam, **values)
