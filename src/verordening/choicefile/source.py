"""A choice file's bytes -> plain data with the line of every key, or positioned Dutch problems.

PyYAML builds the values; every error it can raise (scanner, parser, and the constructors of
dates, numbers and tags, which raise plain ValueError and friends) becomes a Problem with the
file, the line and the key. Aliases, tags on collections and deep nesting are refused.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from verordening.choicefile.messages import ALIASES, NO_TAGS, YAML_PHRASES, dotted, dutch_yaml, expected_at, show_value
from verordening.choicefile.municipalities import Municipality, UnknownMunicipality, municipality_by_name
from verordening.errors import ChoiceFileError, Problem, dutch_oserror

MAX_BYTES = 256 * 1024  # a choice file is a page of YAML; anything larger is a mistake
MAX_DEPTH = 12


class Positions:
    """Key path -> line number (1-based) of the value or key, and the source text of each scalar."""

    def __init__(self) -> None:
        self.lines: dict[tuple[Any, ...], int] = {}
        self.raw: dict[tuple[Any, ...], str] = {}  # as typed: "012", "yes", not 10 and True
        self.reported: set[tuple[Any, ...]] = set()  # paths whose value could not be read at all

    def line(self, loc: tuple[Any, ...]) -> int | None:
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get(())


class Unreadable:
    """Stands for a value PyYAML could not build (already reported); validation refuses it."""

    def __repr__(self) -> str:
        return "onleesbaar"


_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_TAG_WORDS = {
    "tag:yaml.org,2002:timestamp": "een datum die niet bestaat",
    "tag:yaml.org,2002:int": "geen leesbaar geheel getal",
    "tag:yaml.org,2002:float": "geen leesbaar getal",
    "tag:yaml.org,2002:bool": "geen true of false",
    "tag:yaml.org,2002:binary": "geen leesbare binaire gegevens",
}


_TAG_EXPECTED = {
    "tag:yaml.org,2002:timestamp": "een datum als JJJJ-MM-DD (bijvoorbeeld 2023-07-01)",
    "tag:yaml.org,2002:int": "een geheel getal",
}


class _Fatal(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


class _Reader:
    """Builds the data of one document node by node, so each value keeps its key path and line."""

    def __init__(self, loader: yaml.SafeLoader, file: str) -> None:
        self.loader, self.file = loader, file
        self.pos = Positions()
        self.problems: list[Problem] = []

    def problem(self, node: yaml.Node, path: tuple[Any, ...], message: str) -> Problem:
        return Problem(self.file, node.start_mark.line + 1, dotted(path), message)

    def scalar(self, node: yaml.Node, path: tuple[Any, ...]) -> Any:
        """PyYAML's constructor for one scalar; whatever it raises is the input's fault."""
        try:
            return self.loader.construct_object(node, deep=True)
        except yaml.MarkedYAMLError as exc:
            reason = dutch_yaml(exc.problem or exc.context or "")
            self.problems.append(self.problem(node, path, f"dit is geen geldige YAML: {reason}"))
        except Exception:  # noqa: BLE001 - timestamps, ints, bools raise ValueError, KeyError, OverflowError, ...
            shown = node.value if len(node.value) <= 40 else f"een waarde van {len(node.value)} tekens"
            why = _TAG_WORDS.get(node.tag, "een waarde die niet kan worden gelezen")
            if node.tag == "tag:yaml.org,2002:int" and len(node.value) > 40:
                why = "een getal dat veel te groot is"
            self.problems.append(
                self.problem(
                    node,
                    path,
                    f"verwacht {expected_at(path) or _TAG_EXPECTED.get(node.tag, 'een geldige waarde')}, gegeven: {shown} ({why})",
                )
            )
        self.pos.reported.add(path)
        return Unreadable()

    def build(self, node: yaml.Node, path: tuple[Any, ...] = ()) -> Any:
        self.pos.lines.setdefault(path, node.start_mark.line + 1)
        if len(path) > MAX_DEPTH:
            raise _Fatal(
                self.problem(
                    node,
                    path,
                    f"de structuur is dieper genest dan {MAX_DEPTH} niveaus; een keuzebestand is veel vlakker",
                )
            )
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _PLAIN_TAGS:
            raise _Fatal(self.problem(node, path, f"dit is geen geldige YAML: {YAML_PHRASES[NO_TAGS]}"))
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        if not isinstance(node, yaml.MappingNode):
            if isinstance(node, yaml.ScalarNode) and not node.style:
                self.pos.raw[path] = node.value
            return self.scalar(node, path)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                message = "een samenvoegsleutel (<<) is in een keuzebestand niet toegestaan; schrijf de sleutels uit"
                self.problems.append(self.problem(key_node, path, message))
                continue
            key = self.scalar(key_node, path) if isinstance(key_node, yaml.ScalarNode) else self.build(key_node, path)
            if isinstance(key, Unreadable):
                continue  # reported where it stands
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                shown = key_node.value if isinstance(key, bool) else show_value(key)
                self.problems.append(
                    self.problem(
                        key_node,
                        path,
                        f"verwacht een sleutel (een naam gevolgd door een dubbele punt), gegeven: {shown}",
                    )
                )
                continue
            key = str(key)
            if key in result:
                self.problems.append(
                    self.problem(
                        key_node,
                        path + (key,),
                        f"de sleutel '{key}' staat twee keer in het bestand (eerder op regel {self.pos.lines[path + (key,)]})",
                    )
                )
                continue
            self.pos.lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, path + (key,))
        return result


class _NoAliasLoader(yaml.SafeLoader):
    """Anchors and aliases are refused: they are never needed in a choice file and enable alias bombs."""

    def compose_node(self, parent: Any, index: Any) -> Any:  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(None, None, ALIASES, event.start_mark)
        return super().compose_node(parent, index)


def parse_yaml(text: str, file: str) -> tuple[Any, Positions, list[Problem]]:
    """(data, positions, problems found while building values); raise ChoiceFileError if unreadable."""
    try:
        loader = _NoAliasLoader(text)
    except yaml.reader.ReaderError as exc:
        line = text[: exc.position].count("\n") + 1
        message = (
            f"dit is geen geldige YAML: een teken dat in YAML niet is toegestaan (stuurteken {exc.character:#06x})"
        )
        raise ChoiceFileError([Problem(file, line, "", message)]) from None
    reader = _Reader(loader, file)
    try:
        node = loader.get_single_node()
        data = None if node is None else reader.build(node)
        return data, reader.pos, reader.problems
    except yaml.MarkedYAMLError as exc:
        raise ChoiceFileError([_open_quote(text, file) or _syntax(exc, file)]) from None
    except yaml.YAMLError as exc:
        raise ChoiceFileError([Problem(file, None, "", f"dit is geen geldige YAML: {dutch_yaml(str(exc))}")]) from None
    except UnicodeEncodeError:  # lone surrogates cannot come from a UTF-8 file, but be safe
        raise ChoiceFileError(
            [Problem(file, None, "", "het bestand bevat ongeldige tekens; sla het op als UTF-8")]
        ) from None
    except RecursionError:
        raise ChoiceFileError([Problem(file, None, "", "de structuur is te diep genest om te lezen")]) from None
    except _Fatal as exc:
        raise ChoiceFileError([exc.problem]) from None
    finally:
        loader.dispose()


def _syntax(exc: yaml.MarkedYAMLError, file: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    reason = exc.problem or exc.context or "onleesbare YAML"
    return Problem(file, mark.line + 1 if mark else None, "", f"dit is geen geldige YAML: {dutch_yaml(reason)}")


# `gemeente: 's-Hertogenbosch` opens a single-quoted YAML string that runs on to the next
# apostrophe, so PyYAML reports some later line; so does a double quote left open. The line that
# opened the string is the one to fix.
_OPEN_QUOTE = re.compile(r"""^\s*(?:- )?([A-Za-z_][\w.]*):[ \t]+(?:'((?:[^']|'')*)|"((?:[^"\\]|\\.)*))$""")


def _open_quote(text: str, file: str) -> Problem | None:
    for number, line in enumerate(text.splitlines(), 1):
        m = _OPEN_QUOTE.match(line.rstrip())
        if not m:
            continue
        key, single, double = m.groups()
        if single is not None:
            value = single.strip()[:40]
            message = (
                f"dit is geen geldige YAML: de waarde begint met een apostrof ('{value}) en wordt dan gelezen als tekst tussen "
                f"enkele aanhalingstekens die nergens sluit; zet de hele waarde tussen dubbele aanhalingstekens: "
                f'{key}: "\'{value}"'
            )
        else:
            message = 'dit is geen geldige YAML: het aanhalingsteken (") voor de waarde wordt op deze regel niet gesloten; zet er een " achter'
        return Problem(file, number, key, message)
    return None


def read_text(path: Path) -> str:
    """The file as text; every way it cannot be read becomes one Dutch problem."""
    file = str(path)

    def refuse(message: str, line: int | None = None) -> ChoiceFileError:
        return ChoiceFileError([Problem(file, line, "", message)])

    try:
        if path.is_dir():
            raise refuse("dit is een map, geen keuzebestand")
        if path.exists() and not path.is_file():
            raise refuse(
                "dit is geen gewoon bestand (maar bijvoorbeeld een apparaat of pijp); verwacht een keuzebestand"
            )
        with path.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise refuse("het bestand bestaat niet") from None
    except PermissionError:
        raise refuse("u hebt geen toestemming om dit bestand te lezen") from None
    except OSError as exc:
        raise refuse(f"het bestand kan niet worden gelezen ({dutch_oserror(exc)})") from None
    if len(raw) > MAX_BYTES:
        raise refuse(
            f"het bestand is meer dan {MAX_BYTES // 1024} KiB groot; een keuzebestand is hooguit {MAX_BYTES // 1024} KiB"
        )
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise refuse("het bestand is in UTF-32 gecodeerd; sla het op als UTF-8")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise refuse("het bestand is in UTF-16 gecodeerd (in Kladblok: 'Unicode'); sla het op als UTF-8")
    if raw.startswith(b"\x00\x05\x16\x07"):
        raise refuse("dit is een macOS-hulpbestand (AppleDouble), geen keuzebestand; verwijder het")
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise refuse("het bestand bevat binaire gegevens; verwacht een tekstbestand (YAML)", line)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise refuse("het bestand is niet in UTF-8 gecodeerd; sla het op als UTF-8", line) from None


_GEMEENTE = re.compile(r"""^gemeente:[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^#\n]*?))[ \t]*(?:#.*)?$""", re.M)


def peek_municipality(path: Path) -> Municipality | None:
    """The municipality a choice file is for, read from its `gemeente:` line without parsing the YAML.

    For planning a batch only (two files for one municipality); None when it cannot tell, and
    reading the file properly then reports whatever is wrong.
    """
    try:
        with path.open("rb") as fh:
            text = fh.read(MAX_BYTES).decode("utf-8-sig", errors="replace")
        m = _GEMEENTE.search(text)
        return municipality_by_name(next(g for g in m.groups() if g is not None)) if m else None
    except (OSError, UnknownMunicipality, StopIteration):
        return None
