"""Synthetic choice files for every current municipality: a realistic large set for tests and benchmarks.

The choices are drawn at random (seeded, so reproducible) with frequencies that resemble the
published 2023 ordinances. They are not any municipality's policy; every file says so on top.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

from verordening.choicefile.municipalities import Municipality, all_municipalities
from verordening.errors import VerordeningError

MARK = "# SYNTHETISCH — geen beleid van deze gemeente."
DEFAULT_SEED = 2023


class SyntheticError(VerordeningError):
    exit_code = 1


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _weighted(rng: random.Random, options: list[tuple[object, int]]) -> object:
    values, weights = zip(*options)
    return rng.choices(values, weights=weights)[0]


_STANDARDS = [
    (["oval_keurmerk", "blik_op_werk_keurmerk"], 30),  # the VNG model's own pair
    (["oval_keurmerk", "blik_op_werk_keurmerk", "uwv_erkenningskader"], 12),
    (["uwv_erkenningskader"], 10),
    (["oval_keurmerk"], 8),
    (["blik_op_werk_keurmerk"], 6),
    (["nationaal_jobcoachregister", "noloc"], 6),
    (["oval_keurmerk", "nationaal_jobcoachregister"], 6),
    (["eigen_eisen"], 8),
    (["uwv_erkenningskader", "eigen_eisen"], 6),
    ([], 8),  # a draft that still lacks quality requirements (checklist red)
]
_OWN_REQUIREMENTS = [
    "de jobcoach beschikt over een afgeronde opleiding tot jobcoach op ten minste mbo-niveau 4 en over ten minste twee jaar werkervaring als jobcoach",
    "de jobcoach heeft een diploma op hbo-niveau in een sociale of agogische richting en een verklaring omtrent het gedrag",
    "de jobcoachorganisatie werkt met een methodisch begeleidingsplan en rapporteert ten minste elk halfjaar aan het college",
]


def choice_file(m: Municipality, seed: int = DEFAULT_SEED) -> str:
    """The YAML text of one municipality's synthetic choice file."""
    rng = random.Random(f"{seed}:{m.code}")  # per municipality, so one file does not depend on the others
    jaar = _weighted(rng, [(2023, 85), (2024, 15)])
    inwerking = (
        dt.date(jaar, 7, 1)
        if jaar == 2023 and rng.random() < 0.6
        else dt.date(jaar, rng.choice([7, 9, 10, 11, 12]) if jaar == 2023 else rng.randint(1, 7), 1)
    )
    vastgesteld = inwerking - dt.timedelta(days=rng.randint(2, 40))
    voorstel = vastgesteld - dt.timedelta(days=rng.randint(21, 70))
    nummer = f"{_weighted(rng, [('RV', 3), ('RB', 2), ('Z', 1)])}-{jaar}-{rng.randint(1, 250):03d}"

    standards = list(_weighted(rng, _STANDARDS))  # type: ignore[arg-type]
    duur = _weighted(rng, [(24, 60), (12, 10), (18, 5), (36, 20), (48, 5)])
    verlenging = rng.random() < 0.55
    lks13 = rng.random() < 0.45

    lines = [
        MARK,
        f"# Gegenereerd door 'verordening genereer-synthetisch' (seed {seed}) voor tests en metingen; de keuzes zijn",
        "# willekeurig getrokken en zeggen niets over wat deze gemeente heeft besloten.",
        f"gemeente: {_q(m.naam)}",
        f"jaar: {jaar}",
        "vaststelling:",
        f"  datum: {vastgesteld.isoformat()}",
        f"  voorstel_datum: {voorstel.isoformat()}",
        f"  voorstel_nummer: {_q(nummer)}",
        f"inwerkingtreding: {inwerking.isoformat()}",
    ]
    if rng.random() < 0.8:
        lines.append(
            f"intrekking: {_q(f'Re-integratieverordening Participatiewet {m.naam} {rng.choice([2015, 2015, 2017, 2019, 2021])}')}"
        )
    raad = _weighted(rng, [("ontvangen", 82), ("gevraagd", 8), ("afgezien", 10)])
    if raad == "afgezien":
        lines += [
            "clientenraad:",
            f"  afgezien: {_q(rng.choice(['de gemeente heeft geen cliëntenraad; de adviesraad sociaal domein is in een informele bijeenkomst gehoord', 'de wijziging volgt het VNG-model en is technisch van aard']))}",
        ]
    else:
        gevraagd = voorstel - dt.timedelta(days=rng.randint(20, 60))
        lines += ["clientenraad:", f"  advies_gevraagd: {gevraagd.isoformat()}"]
        if raad == "ontvangen":
            lines.append(f"  advies_ontvangen: {(gevraagd + dt.timedelta(days=rng.randint(10, 19))).isoformat()}")
        if rng.random() < 0.3:
            lines.append(
                f"  naam: {_q(rng.choice(['adviesraad sociaal domein', 'participatieraad', 'Wmo- en participatieraad']))}"
            )
    lines += ["jobcoaching:", f"  kwaliteitseisen: [{', '.join(standards)}]"]
    if "eigen_eisen" in standards:
        lines.append(f"  eigen_eisen: {_q(rng.choice(_OWN_REQUIREMENTS))}")
    lines.append(f"  maximale_duur_maanden: {duur}")
    lines.append("  verlenging:")
    lines.append(f"    toegestaan: {'true' if verlenging else 'false'}")
    if verlenging:
        lines.append(f"    maximale_duur_maanden: {_weighted(rng, [(6, 25), (12, 45), (24, 20), (36, 10)])}")
    lines.append(f"  scheiding_handhaving_begeleiding: {'true' if rng.random() < 0.4 else 'false'}")
    # Own jobcoaches of the municipality need a standard a single jobcoach can meet (schema.INDIVIDUAL_STANDARDS).
    individual = {"nationaal_jobcoachregister", "noloc", "eigen_eisen"} & set(standards)
    providers = [("beide", 60), ("extern", 30), ("intern", 10)] if individual or not standards else [("extern", 1)]
    lines.append(f"  aanbieder: {_weighted(rng, providers)}")
    lines += ["artikel_13_loonkostensubsidie:", f"  opnemen: {'true' if lks13 else 'false'}"]
    if lks13:
        lines.append(f"  maximale_duur_maanden: {_weighted(rng, [(12, 40), (24, 35), (36, 15), (6, 10)])}")
    if rng.random() < 0.03:
        lines += ["persoonlijke_ondersteuning:", "  subsidie_werkgever: false"]
    if rng.random() < 0.2:
        lines.append("budgetplafond: false")
    return "\n".join(lines) + "\n"


def generate(target: Path, seed: int = DEFAULT_SEED, force: bool = False) -> list[Path]:
    """Write a synthetic choice file for every municipality into `target` (never into municipalities/).

    The no-lost-work rules of output.py apply: a choice file there that this command did not
    write (a real one) is not overwritten without `force`, and then kept as a backup.
    """
    from verordening.runs.output import OutputError, write_outputs

    if "municipalities" in target.resolve().parts:
        raise SyntheticError(
            f"'{target}' ligt in municipalities/; synthetische keuzebestanden horen daar niet tussen echte voorbeelden"
        )
    if target.exists() and not target.is_dir():
        raise OutputError(f"{target}: dit is een bestand, geen map; geef een map op")
    files = {f"{m.slug}.yaml": choice_file(m, seed).encode("utf-8") for m in all_municipalities()}
    return write_outputs(target, files, force=force)
