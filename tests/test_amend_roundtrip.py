"""Round trip: applying the published change instructions to OLD yields NEW.

The interpreter below reads the instruction sentences as printed (only the quoted article or
lid text is taken as structure) and applies them to the OLD ordinance. The result must equal
the NEW ordinance article by article, by label, where the only differences allowed are article
numbers in references, mapped from NEW's fresh numbering to the amended numbering (inserted
articles 12a, vervallen numbers left empty; see amend.py).
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verordening.changes.amend import AmendError, amend, target_choices
from verordening.choicefile.reader import load_choices
from verordening.choicefile.schema import Choices
from verordening.engine.assemble import assemble
from verordening.engine.citations import ORDINALS
from verordening.engine.document import Article, Lid

OPEN, CLOSE = "\u201c", "\u201d"  # the quotes published Dutch regulations use around quoted words

ROOT = Path(__file__).resolve().parents[1]
BASE = load_choices(ROOT / "tests" / "fixtures" / "versies" / "nijkerk-2023.yaml").model_dump()

_Q = f"{OPEN}(.*?){CLOSE}"
_WHERE = r"(?: het (\w+) lid| onderdeel ([a-z]+))?(?:, onderdeel ([a-z]+))?(?:, onder (\d+°))?"
WORDS_ABS = re.compile(
    rf"In artikel (\w+)(?:, (\w+) lid)?(?:, onderdeel ([a-z]+))?(?:, onder (\d+°))?,? wordt {_Q} vervangen door {_Q}\."
)
WORDS_REL = re.compile(rf"In{_WHERE},? wordt {_Q} vervangen door {_Q}\.")


class Entry:
    def __init__(self, number: str, label: str, title: str, leden: list[Lid] | None):
        self.number, self.label, self.title, self.leden = number, label, title, leden


def natural(number: str) -> tuple[int, str]:
    m = re.fullmatch(r"(\d+)([a-z]*)", number)
    assert m, number
    return int(m.group(1)), m.group(2)


def _index(state: list[Entry], number: str) -> int:
    hits = [i for i, e in enumerate(state) if e.number == number]
    assert len(hits) == 1, f"artikel {number} niet eenduidig gevonden"
    return hits[0]


def _lid(entry: Entry, nth: str | None) -> int:
    assert entry.leden is not None
    if nth is None:
        assert len(entry.leden) == 1 and entry.leden[0].number is None
        return 0
    i = ORDINALS.index(nth)
    assert entry.leden[i].number == i + 1
    return i


def _replace_words(lid: Lid, onderdeel: str | None, sub: str | None, old: str, new: str) -> None:
    holders: list = [lid] + [o for o in lid.onderdelen] + [s for o in lid.onderdelen for s in o.subs]
    if onderdeel is not None:
        o = next(o for o in lid.onderdelen if o.letter == onderdeel)
        holders = [o] + list(o.subs)
        if sub is not None:
            holders = [next(s for s in o.subs if f"{s.number}°" == sub)]
    hits = [h for h in holders if old in h.text]
    assert sum(h.text.count(old) for h in holders) == 1, f"{old!r} staat niet precies één keer in de aangehaalde plaats"
    hits[0].text = hits[0].text.replace(old, new)


def _apply_step(entry: Entry, text: str, body: object) -> None:
    """A step inside "Artikel N wordt als volgt gewijzigd:"."""
    if m := re.fullmatch(r"Het (\w+) lid komt te luiden:", text):
        assert isinstance(body, Lid)
        entry.leden[_lid(entry, m.group(1))] = copy.deepcopy(body)  # type: ignore[index]
    elif m := WORDS_REL.fullmatch(text):
        nth, lone_onderdeel, onderdeel, sub, old, new = m.groups()
        lid = entry.leden[_lid(entry, nth)]  # type: ignore[index]
        _replace_words(lid, lone_onderdeel or onderdeel, sub, old, new)
    else:
        raise AssertionError(f"onbekende vorm: {text}")


def apply(old: list[Article], instructions: list) -> list[Entry]:
    state = [Entry(str(a.number), a.label, a.title, copy.deepcopy(a.leden)) for a in old]
    for ins in instructions:
        t = ins.text
        if m := re.fullmatch(r"Artikel (\w+) vervalt\.", t):
            state[_index(state, m.group(1))].leden = None
        elif m := re.fullmatch(r"Artikel (\w+) komt te luiden:", t):
            assert isinstance(ins.body, Article) and str(ins.body.number) == m.group(1)
            e = state[_index(state, m.group(1))]
            e.title, e.leden = ins.body.title, copy.deepcopy(ins.body.leden)
        elif m := re.fullmatch(r"(Na|Voor) artikel (\w+) wordt een artikel ingevoegd, luidende:", t):
            b = ins.body
            assert isinstance(b, Article)
            i = _index(state, m.group(2)) + (1 if m.group(1) == "Na" else 0)
            state.insert(i, Entry(str(b.number), b.label, b.title, copy.deepcopy(b.leden)))
        elif m := re.fullmatch(r"Artikel (\w+), (\w+) lid, komt te luiden:", t):
            e = state[_index(state, m.group(1))]
            e.leden[_lid(e, m.group(2))] = copy.deepcopy(ins.body)  # type: ignore[index]
        elif m := WORDS_ABS.fullmatch(t):
            n, nth, onderdeel, sub, old_words, new_words = m.groups()
            e = state[_index(state, n)]
            _replace_words(e.leden[_lid(e, nth)], onderdeel, sub, old_words, new_words)  # type: ignore[index]
        elif m := re.fullmatch(r"Artikel (\w+) wordt als volgt gewijzigd:", t):
            e = state[_index(state, m.group(1))]
            for step in ins.steps:
                _apply_step(e, step.text, step.body)
        else:
            raise AssertionError(f"onbekende vorm: {t}")
    return state


def texts(leden: list[Lid]) -> list[tuple]:
    return [
        (lid.number, lid.text, [(o.letter, o.text, [(s.number, s.text) for s in o.subs]) for o in lid.onderdelen])
        for lid in leden
    ]


def _same_modulo_numbers(amended: str, fresh: str, mapping: dict[str, str]) -> bool:
    """Equal, except that an article number in `fresh` may stand where its amended number stands in `amended`."""
    a, b = amended.split(), fresh.split()
    if len(a) != len(b):
        return False
    for x, y in zip(a, b):
        if x == y:
            continue
        core_x, core_y = x.rstrip(",.;:)"), y.rstrip(",.;:)")
        if x[len(core_x) :] != y[len(core_y) :] or mapping.get(core_y) != core_x:
            return False
    return True


def check_round_trip(old_choices: Choices, new_choices: Choices) -> None:
    try:
        amendment = amend(old_choices, new_choices)
    except AmendError as exc:  # the only refusal: nothing to change
        assert "niets te wijzigen" in str(exc)
        assert _texts_of(assemble(old_choices)) == _texts_of(assemble(target_choices(old_choices, new_choices)))
        return
    result = apply(amendment.old.articles, amendment.instructions)

    # Numbers: existing articles keep theirs, the whole sequence (with empty numbers) stays ascending.
    numbers = [natural(e.number) for e in result]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)
    assert {str(a.number) for a in amendment.old.articles} <= {e.number for e in result}

    fresh = assemble(target_choices(old_choices, new_choices))
    alive = [e for e in result if e.leden is not None]
    assert [e.label for e in alive] == [a.label for a in fresh.articles]
    mapping = {str(f.number): e.number for f, e in zip(fresh.articles, alive)}
    for e, f in zip(alive, fresh.articles):
        assert e.title == f.title
        got, want = texts(e.leden), texts(f.leden)  # type: ignore[arg-type]
        assert len(got) == len(want), e.label
        for (gn, gt, go), (wn, wt, wo) in zip(got, want):
            assert gn == wn and _same_modulo_numbers(gt, wt, mapping), (e.label, gt, wt)
            assert len(go) == len(wo), e.label
            for (gl, gtext, gs), (wl, wtext, ws) in zip(go, wo):
                assert gl == wl and _same_modulo_numbers(gtext, wtext, mapping), (e.label, gtext, wtext)
                assert [n for n, _ in gs] == [n for n, _ in ws]
                assert all(_same_modulo_numbers(a, b, mapping) for (_, a), (_, b) in zip(gs, ws))


def _texts_of(ordinance) -> list:
    return [(a.label, a.title, texts(a.leden)) for a in ordinance.articles]


EISEN = [
    "oval_keurmerk",
    "blik_op_werk_keurmerk",
    "uwv_erkenningskader",
    "nationaal_jobcoachregister",
    "noloc",
    "eigen_eisen",
]


def _providers(eisen: list) -> list[str]:
    """Own jobcoaches of the municipality need a standard a single jobcoach can meet."""
    individual = {"nationaal_jobcoachregister", "noloc", "eigen_eisen"}
    return (
        ["extern", "intern", "beide"]
        if not eisen or individual & {getattr(e, "value", e) for e in eisen}
        else ["extern"]
    )


@st.composite
def choice_files(draw: st.DrawFn) -> Choices:
    data = copy.deepcopy(BASE)
    eisen = draw(st.lists(st.sampled_from(EISEN), unique=True, max_size=3))
    verlenging = draw(st.sampled_from([None, 6, 12]))
    art13 = draw(st.sampled_from([None, 6, 12, 24]))
    data["jobcoaching"] = {
        "kwaliteitseisen": eisen,
        "eigen_eisen": "de jobcoach heeft een afgeronde opleiding tot jobcoach" if "eigen_eisen" in eisen else None,
        "maximale_duur_maanden": draw(st.sampled_from([12, 24, 36])),
        "verlenging": {"toegestaan": verlenging is not None, "maximale_duur_maanden": verlenging},
        "scheiding_handhaving_begeleiding": draw(st.booleans()),
        "aanbieder": draw(st.sampled_from(_providers(eisen))),
    }
    data["artikel_13_loonkostensubsidie"] = {"opnemen": art13 is not None, "maximale_duur_maanden": art13}
    data["persoonlijke_ondersteuning"] = {
        **data["persoonlijke_ondersteuning"],
        "subsidie_werkgever": draw(st.booleans()),
    }
    data["budgetplafond"] = draw(st.booleans())
    data["intrekking"] = draw(st.sampled_from([None, data["intrekking"]]))
    return Choices.model_validate(data)


def _with(data: dict, **changes) -> Choices:
    d = copy.deepcopy(data)
    for dotted, value in changes.items():
        *path, last = dotted.split("__")
        target = d
        for p in path:
            target = target[p]
        target[last] = value
    return Choices.model_validate(d)


@settings(max_examples=160, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(choice_files(), choice_files())
def test_round_trip_random_pairs(old: Choices, new: Choices) -> None:
    check_round_trip(old, new)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(choice_files(), st.sampled_from([12, 24, 36, 48]), st.sampled_from([None, 6, 12]))
def test_round_trip_toggles_article_13_and_duration(old: Choices, months: int, art13: int | None) -> None:
    base = old.model_dump()
    new = _with(
        base,
        jobcoaching__maximale_duur_maanden=months,
        artikel_13_loonkostensubsidie={"opnemen": art13 is not None, "maximale_duur_maanden": art13},
    )
    check_round_trip(old, new)
    check_round_trip(new, old)


def test_version_pair_adds_article_13_and_changes_duration() -> None:
    versies = ROOT / "tests" / "fixtures" / "versies"
    old, new = load_choices(versies / "nijkerk-2023.yaml"), load_choices(versies / "nijkerk-2024.yaml")
    amendment = amend(old, new)
    before = amendment.old.article("proefplaatsing").number  # the article before art. 13 of the VNG model
    duur = amendment.old.article("duur_jobcoaching")
    lid = next(x for x in duur.leden if x.label == "maximale_duur")
    # nijkerk-2024 rests on the Act as of 1 July 2024: besides the two choices, the amendment brings the
    # text to the law of 1 January 2024 (visual impairment is UWV's, art. 10h and art. 8a lid 2 f).
    begrippen = amendment.old.article("begrippen")
    letter = next(o.letter for o in begrippen.leden[0].onderdelen if o.label == "intermediaire_activiteit")
    assert [i.text for i in amendment.instructions] == [
        f"In artikel {begrippen.number}, eerste lid, onderdeel {letter}, wordt {OPEN}visuele of motorische handicap{CLOSE} "
        f"vervangen door {OPEN}motorische beperking{CLOSE}.",
        f"Na artikel {before} wordt een artikel ingevoegd, luidende:",
        f"In artikel {duur.number}, {ORDINALS[lid.number - 1]} lid, wordt {OPEN}24 maanden{CLOSE} vervangen door {OPEN}36 maanden{CLOSE}.",
        f"Artikel {amendment.old.article('werkvoorzieningen').number} komt te luiden:",
        f"Artikel {amendment.old.article('vervoersvoorziening').number} komt te luiden:",
    ]
    assert amendment.instructions[1].body.number == f"{before}a"
    assert amendment.instructions[1].body.label == "lks_buiten_doelgroep"
    check_round_trip(old, new)
    check_round_trip(new, old)
