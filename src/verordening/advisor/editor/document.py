"""The choice file as the advisor wrote it, changed key by key: comments, key order and layout stay.

ruamel.yaml's round trip keeps every comment and the order of the keys; only the values that
changed are replaced, a key left empty is removed (its comment lines stay), a new key goes where
the model puts it. Text that PyYAML (the reader, YAML 1.1) would read as something else than
text ("ja", "on", "2023-01-01") is written in double quotes.
"""

from __future__ import annotations

import datetime as dt
import io
from enum import Enum
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from verordening.advisor.commented import PROVISIONAL, _plain
from verordening.advisor.fields import Field, choice_fields


def _yaml() -> YAML:
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096  # never fold a long text over lines
    y.indent(mapping=2, sequence=4, offset=2)
    return y


class ChoiceDocument:
    def __init__(self, text: str):
        data = _yaml().load(text)
        self.data: CommentedMap = data if isinstance(data, CommentedMap) else CommentedMap()

    def text(self) -> str:
        out = io.StringIO()
        _yaml().dump(self.data, out)
        return out.getvalue()

    def apply(self, values: dict[str, Any]) -> None:
        """Make the document hold `values` (nested dicts, as the form gives them)."""
        _apply_group(self.data, choice_fields(), values)
        provisional = values.get(PROVISIONAL) or []
        if provisional:
            _set(self.data, PROVISIONAL, _seq(provisional, flow=False, old=self.data.get(PROVISIONAL)))
        elif PROVISIONAL in self.data:
            del self.data[PROVISIONAL]


def _apply_group(node: CommentedMap, group: Field, values: dict[str, Any]) -> None:
    for f in group.children:
        if f.key == PROVISIONAL:
            continue
        value = values.get(f.key)
        if f.kind == "rows":  # edited in the file itself; the form never changes it
            continue
        if f.kind in ("group", "forms"):
            fields = f if f.kind == "group" else _form(f, value or {})
            if f.kind == "forms":  # keys of the other form go
                keep = {c.key for c in fields.children}
                old = node.get(f.key)
                for key in [k for k in (old or {}) if k not in keep] if isinstance(old, CommentedMap) else []:
                    del old[key]
            sub = node.get(f.key)
            if not isinstance(sub, CommentedMap):
                sub = CommentedMap()
            _apply_group(sub, fields, value or {})
            if len(sub):
                _set(node, f.key, sub, group)
            elif f.key in node:
                del node[f.key]
        elif value is None or (f.kind == "multi" and not value and f.key not in node):
            if f.key in node:
                del node[f.key]
        elif f.key not in node and f.has_default and value == f.default:
            continue  # the model's default needs no line
        elif _differs(node.get(f.key), value):
            _set(node, f.key, _node(value, node.get(f.key)), group)


def _form(f: Field, value: dict[str, Any]) -> Field:
    return max(f.children, key=lambda form: len(set(value) & {c.key for c in form.children}))


def _differs(old: Any, new: Any) -> bool:
    if isinstance(old, list) or isinstance(new, list):
        return [str(v) for v in old or []] != [str(v.value if isinstance(v, Enum) else v) for v in new or []]
    if isinstance(old, dt.datetime) or isinstance(new, dt.datetime):
        return True
    return type(old) is not type(new) and not (isinstance(old, str) and isinstance(new, str)) or old != new


def _node(value: Any, old: Any) -> Any:
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, list | tuple):
        return _seq([v.value if isinstance(v, Enum) else v for v in value], flow=True, old=old)
    if isinstance(value, str) and not _plain(value):
        return DoubleQuotedScalarString(value)
    return value


def _seq(items: list[Any], flow: bool, old: Any) -> CommentedSeq:
    if isinstance(old, CommentedSeq):  # keep its style (flow [a, b] or block) and comments
        old.clear()
        old.extend(items)
        return old
    seq = CommentedSeq(items)
    if flow:
        seq.fa.set_flow_style()
    return seq


def _set(node: CommentedMap, key: str, value: Any, group: Field | None = None) -> None:
    """Set a key in place; a new key goes after the last key that comes before it in the model."""
    if key in node:
        node[key] = value
        return
    order = [c.key for c in group.children] if group else []
    before = order[: order.index(key)] if key in order else list(node)
    position = max((i + 1 for i, k in enumerate(node) if k in before), default=0 if before else len(node))
    node.insert(position, key, value)
