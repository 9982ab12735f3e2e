"""The clause library's YAML, parsed once and kept between runs (beside the compiled templates).

Parsing the library's YAML (the law's text, ~0.3 MB, and every article's front matter) is most of
loading it. The parsed data is stored per user under a hash of the text and the YAML loader; a hit
reads the data back with pickle and composes the node tree (which only gives line numbers) only
when a validation error needs a line. VERORDENING_CACHE switches it off or moves it, as for the
templates (template_cache.py). An unreadable or damaged entry is parsed again.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from collections.abc import Callable
from typing import Any

import yaml

from verordening.engine.template_cache import cache_dir, store

_FORMAT = "1"  # raise when what is stored changes
Parsed = tuple[Any, "yaml.Node | LazyNode | None"]


class LazyNode:
    """A node of a text's YAML tree, composed on first use (shared by all nodes of the same text)."""

    def __init__(self, text: str, path: tuple[int, ...] = (), root: list[yaml.Node | None] | None = None):
        self.text, self.path, self._root = text, path, root if root is not None else []

    def child(self, index: int) -> LazyNode:
        return LazyNode(self.text, (*self.path, index), self._root)

    def tree(self) -> yaml.Node | None:
        if not self._root:
            self._root.append(yaml.compose(self.text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))
        node = self._root[0]
        for index in self.path:
            if not isinstance(node, yaml.SequenceNode) or index >= len(node.value):
                return node
            node = node.value[index]
        return node


def tree(node: yaml.Node | LazyNode | None) -> yaml.Node | None:
    return node.tree() if isinstance(node, LazyNode) else node


def parse(text: str, loader: str, parse_text: Callable[[str], tuple[Any, yaml.Node | None]]) -> Parsed:
    """`parse_text(text)`, or its data from the cache with a lazy node tree."""
    folder = cache_dir(f"yaml-pyyaml{yaml.__version__}-{sys.implementation.cache_tag}")
    if folder is None:
        return parse_text(text)
    key = hashlib.sha256("\0".join((_FORMAT, loader, text)).encode("utf-8")).hexdigest()
    path = folder / f"{key}.pickle"
    try:
        # The folder is the user's own (0700), like the compiled code beside it.
        return pickle.loads(path.read_bytes()), LazyNode(text)
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError):
        pass
    data, node = parse_text(text)
    store(path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
    return data, node
