"""Hostile choice files (attack report, area 4): every field kind with the values people and attackers type."""

from __future__ import annotations

from collections.abc import Iterator

from .corpus import ACCEPTED, BASE, LINES, Case, file_case, line_of, with_value

DATES = ["vaststelling.datum", "vaststelling.voorstel_datum", "inwerkingtreding", "clientenraad.advies_gevraagd"]
DATES += ["clientenraad.advies_ontvangen"]
BAD_DATES = [
    "2023-02-30",  # R1: PyYAML's timestamp constructor raises ValueError
    "2023-04-31",
    "2023-02-29",
    "2023-07-00",
    "2023-13-01",
    "2023-00-10",
    "0000-01-01",
    "2023-07-01 25:00:00",
    "2023-02-30 10:00:00",
    "2023-07-01 09:30:00",  # a real moment, but not a date
    "2023-07-01T00:00:00+02:00",
    "1688169600",  # a Unix timestamp
    "20230701",
    "2023-7-1",
    "2023-W26-6",
    "1 juli 2023",
    "01-07-2023",
    "true",
    "[2023, 7, 1]",
    "{jaar: 2023}",
    '"2023-02-30"',
    "'2023-13-01'",
    "0001-06-29",  # plausible dates only
    "9999-12-31",
    "2014-12-31",
    "2101-01-01",
    "!!timestamp 2023-02-30",
]
INTS = {
    "jaar": ["2022", "2101", "0", "-2023", "1e3", "2023.0", "'2023'"],
    "jobcoaching.maximale_duur_maanden": ["0", "121", "-1", "600", "24.5", "1e3"],
    "jobcoaching.verlenging.maximale_duur_maanden": ["0", "121"],
    "artikel_13_loonkostensubsidie.maximale_duur_maanden": ["0", "999999"],
}
BAD_INTS = ["true", "false", "yes", '"24"', "24.0", ".inf", ".nan", "9" * 5000, '!!int "abc"', '!!float "x"']
BAD_INTS += ["[]", "{}", '""', "twaalf", "0o30", "!!binary MTI="]
GOOD_INTS = {"jobcoaching.maximale_duur_maanden": ["0x18", "2_4", "030", "+24"], "jaar": ["0x7E7", "2_023"]}
FLAGS = ["jobcoaching.verlenging.toegestaan", "jobcoaching.scheiding_handhaving_begeleiding"]
FLAGS += ["artikel_13_loonkostensubsidie.opnemen", "budgetplafond"]
BAD_FLAGS = ["'no'", '"true"', "0", "1", "2", "nee", "ja", '""', "[]", "waar", "!!bool x"]
GOOD_FLAGS = ["yes", "on", "True", "TRUE"]
TEXTS = ["vaststelling.voorstel_nummer", "intrekking", "clientenraad.naam", "jobcoaching.eigen_eisen"]
# Characters that are invisible, control the terminal or reorder text (R8, R20): refused with their code point.
BAD_CHARACTERS = {
    "nul": "\\0",
    "bel": "\\a",
    "backspace": "\\b",
    "escape": "\\e[2J",
    "delete": "\\x7f",
    "soh": "\\x01",
    "rlo": "\\u202e",
    "zwsp": "\\u200b",
    "zwnj": "\\u200c",
    "zwj": "\\u200d",
    "word_joiner": "\\u2060",
    "bom": "\\ufeff",
    "noncharacter": "\\uffff",
    "private_use": "\\ue000",
    "lri": "\\u2066",
    "lrm": "\\u200e",
    "soft_hyphen": "\\xad",
    "plane16_noncharacter": "\\U0010FFFF",
}
BAD_TEXTS = ["012", "2023041", "1:30", "true", "2023-01-01", '""', '"   "', "[a, b]", "{a: b}", "!!binary UlY="]
GOOD_TEXTS = ['"a\\x85b"', '"a\\u2028b"', '"a\\tb"', '"  ruim  en\\nmeer  regels  "', "1e3", "'s-Hertogenbosch'"]


def _refused(name: str, text: str, path: str, *expect: str) -> Case:
    return file_case("keuzebestand", name, text, 2, f":{line_of(path)} [{path}]", *expect)


def field_cases() -> Iterator[Case]:
    for path in DATES:
        for raw in BAD_DATES:
            yield _refused(f"date {path} = {raw}", with_value(path, raw), path, "verwacht een datum")
        own = LINES[line_of(path) - 1].split(": ", 1)[1]
        yield file_case("keuzebestand", f"date {path} quoted", with_value(path, f'"{own}"'), ACCEPTED)
    yield file_case(
        "keuzebestand", "date advies_ontvangen null", with_value("clientenraad.advies_ontvangen", "null"), ACCEPTED
    )
    for path, values in INTS.items():
        for raw in values:
            yield _refused(f"int {path} = {raw}", with_value(path, raw), path, "verwacht")
    for path in INTS:
        for raw in BAD_INTS:
            yield _refused(f"int {path} = {raw[:30]}", with_value(path, raw), path, "verwacht")
    for path, values in GOOD_INTS.items():
        for raw in values:
            yield file_case("keuzebestand", f"int {path} = {raw} (YAML 1.1 integer)", with_value(path, raw), ACCEPTED)
    for path in FLAGS:
        for raw in BAD_FLAGS:
            yield _refused(f"flag {path} = {raw}", with_value(path, raw), path, "verwacht true of false")
        for raw in GOOD_FLAGS:
            yield file_case("keuzebestand", f"flag {path} = {raw}", with_value(path, raw), ACCEPTED)
    for path in TEXTS:
        for name, escape in BAD_CHARACTERS.items():
            yield _refused(f"text {path} with {name}", with_value(path, f'"RV{escape}2023"'), path, "U+")
        for raw in BAD_TEXTS:
            yield _refused(f"text {path} = {raw}", with_value(path, raw), path, "verwacht")
        for raw in GOOD_TEXTS:
            yield file_case("keuzebestand", f"text {path} = {raw}", with_value(path, raw), ACCEPTED)
        yield _refused(f"text {path} too long", with_value(path, '"' + "x" * 2001 + '"'), path, "te lang")
    # A raadsvoorstel without a number: the aanhef names only its date.
    yield file_case(
        "keuzebestand", "voorstel_nummer null", with_value("vaststelling.voorstel_nummer", "null"), ACCEPTED
    )


def _replace(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, 1)


GEMEENTE_REFUSED = [
    "Nijkerkk", "Den Haag", "Den Bosch", "Haaren", "Weesp", "[Nijkerk]", "Nij\\nkerk", "'s-Hertogenbosch",
    "'s-Gravenhage", "x" * 201, "../../etc/Nijkerk", "Nijkerk; rm -rf /", "{{ 7*7 }}", "Amsterdam\\e[2J", "123",
    "true", "null", '""', "Bergen", "Nijkerk Nijkerk",
]  # fmt: skip
GEMEENTE_ACCEPTED = [
    "nijkerk", "NIJKERK", '"  Nijkerk  "', '"Ｎｉｊｋｅｒｋ"', '"Nij\\u200bkerk"', '"\\u2019s-Hertogenbosch"',
    '"\'s-Hertogenbosch"', "Súdwest-Fryslân", "Sudwest-Fryslan", '"Bergen (NH.)"', "'s-Gravenhage'",
]  # fmt: skip


def gemeente_cases() -> Iterator[Case]:
    for raw in GEMEENTE_REFUSED:
        shown = raw[:40].replace("\\", "/")
        yield file_case("keuzebestand", f"gemeente {shown}", with_value("gemeente", raw), 2, ":1 [gemeente]")
    for raw in GEMEENTE_ACCEPTED:
        yield file_case("keuzebestand", f"gemeente {raw[:40]}", with_value("gemeente", raw), ACCEPTED)


STRUCTURE = {
    "tag python object": ("jaar: 2023", "jaar: !!python/object:os.system 2023", ":2", "YAML-tag"),
    "tag set": ("kwaliteitseisen: [oval_keurmerk, eigen_eisen]", "kwaliteitseisen: !!set {oval_keurmerk: null}", ":14", "YAML-tag"),
    "tag omap": ("kwaliteitseisen: [oval_keurmerk, eigen_eisen]", "kwaliteitseisen: !!omap [a: 1]", ":14", "YAML-tag"),
    "local tag": ("gemeente: Nijkerk", "gemeente: !gemeente Nijkerk", ":1", "YAML-tag"),
    "alias": ("  voorstel_datum: 2023-05-16", "  voorstel_datum: &d 2023-05-16\n  x: *d", ":6", "YAML-aliassen"),
    "merge key": ("vaststelling:\n", "vaststelling:\n  <<: {datum: 2023-06-29}\n", ":4", "samenvoegsleutel"),
    "duplicate key": ("jaar: 2023", "jaar: 2023\njaar: 2024", ":3 [jaar]", "twee keer"),
    "tab indent": ("  datum: 2023-06-29", "\tdatum: 2023-06-29", ":4", "tab"),
    "tab after colon": ("jaar: 2023", "jaar:\t2023", ":2", "tab"),
    "unknown key": ("budgetplafond: true", "budgetplafond: true\nbudgetplafon: true", ":26 [budgetplafon]", "bedoelt u"),
    "second document": ("budgetplafond: true", "budgetplafond: true\n---\ngemeente: Ede", "", "meer dan één YAML-document"),
    "unclosed quote": ('  voorstel_nummer: "RV-2023-041"', '  voorstel_nummer: "RV-2023-041', ":6 [voorstel_nummer]", "aanhalingsteken"),
    "unclosed list": ("[oval_keurmerk, eigen_eisen]", "[oval_keurmerk, eigen_eisen", "", "niet gesloten"),
    "complex key": ("jaar: 2023", "? [a, b]\n: 1\njaar: 2023", ":2", "verwacht een sleutel"),
    "null key": ("budgetplafond: true", "budgetplafond: true\n~: x", ":26", "verwacht een sleutel"),
    "bool key": ("budgetplafond: true", "budgetplafond: true\nyes: x", ":26", "verwacht een sleutel"),
    "list at top": ("gemeente: Nijkerk", "- gemeente: Nijkerk", ":2", "dit is geen geldige YAML"),
    "branch conflict": ("  advies_ontvangen: 2023-05-01", "  advies_ontvangen: 2023-05-01\n  afgezien: geen raad", "", "afgezien"),
    "deep nesting": ("budgetplafond: true", "budgetplafond: " + "[" * 60 + "]" * 60, "", "genest"),
}  # fmt: skip
RAW = {
    "utf16 le bom": ("\ufeff" + BASE).encode("utf-16-le"),
    "utf16 be bom": ("\ufeff" + BASE).encode("utf-16-be"),
    "utf32 bom": ("\ufeff" + BASE).encode("utf-32"),
    "latin1": BASE.replace("Sociaaldomeinraad", "Cliëntenraad").encode("latin-1"),
    "nul byte": BASE.encode() + b"\x00",
    "apple double": b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X",
    "png": b"\x89PNG\r\n\x1a\n" + bytes(64),
    "empty": b"",
    "only comment": b"# leeg\n",
    "raw c1 control": BASE.replace("Sociaaldomeinraad", "Sociaal\u0090raad").encode(),
    "raw escape": BASE.replace("Sociaaldomeinraad", "Sociaal\x1braad").encode(),
    "too large": BASE.encode() + b"# opvulling\n" * 30_000,
    "overlong utf8": BASE.encode().replace(b"Sociaaldomeinraad", b"Sociaal\xc0\xafraad"),
}
RAW_ACCEPTED = {
    "utf8 bom": b"\xef\xbb\xbf" + BASE.encode(),
    "crlf": BASE.replace("\n", "\r\n").encode(),
    "cr only": BASE.replace("\n", "\r").encode(),
    "mixed line ends": BASE.replace("\n", "\r\n", 5).encode(),
    "block afgezien": BASE.replace(
        '  naam: "Sociaaldomeinraad"\n  advies_gevraagd: 2023-04-03\n  advies_ontvangen: 2023-05-01\n',
        "  afgezien: |\n    De cliëntenraad is in 2022 opgeheven.\n    Een nieuwe raad volgt in 2024.\n",
    ).encode(),
    "double space in name": BASE.replace('"Sociaaldomeinraad"', '"sociaal  domein\\traad"').encode(),
}


def structure_cases() -> Iterator[Case]:
    for name, (old, new, line, fragment) in STRUCTURE.items():
        yield file_case("keuzebestand", f"yaml {name}", _replace(old, new), 2, *(f for f in (line, fragment) if f))
    for name, data in RAW.items():
        yield file_case("keuzebestand", f"bytes {name}", data, 2, "keuzes.yaml")
    for name, data in RAW_ACCEPTED.items():
        yield file_case("keuzebestand", f"bytes {name}", data, ACCEPTED)


def cases() -> Iterator[Case]:
    yield from field_cases()
    yield from gemeente_cases()
    yield from structure_cases()
