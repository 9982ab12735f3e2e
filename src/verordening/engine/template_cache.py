"""Compiled clause templates kept between runs: Jinja's compile step is most of loading the library.

Compiling the ~60 templates of the clause library takes ~130 ms, every process, for text that
rarely changes. The compiled code is stored per user (~/.cache/verordening, or $XDG_CACHE_HOME) under
a hash of everything that shapes it: the template source and name, the Jinja and Python versions
and the environment's options, filters and tests. A changed template, filter or option gets a
new entry; a missing, unreadable or damaged entry is compiled again. VERORDENING_CACHE=uit
switches the cache off; VERORDENING_CACHE=/some/folder puts it there.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import types
from pathlib import Path
from typing import Any

import jinja2

from verordening.engine.sandbox import BoundedSandbox

ENV = "VERORDENING_CACHE"
_OFF = {"uit", "0", "nee", "off", "no", "false"}


def cache_dir(name: str | None = None) -> Path | None:
    """The folder `name` of the cache (default: compiled templates), made if needed (only the user may
    read it); None when off."""
    setting = os.environ.get(ENV, "").strip()
    if setting.lower() in _OFF:
        return None
    if setting:
        base = Path(setting)
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "verordening"
    folder = base / (name or f"sjablonen-jinja{jinja2.__version__}-{sys.implementation.cache_tag}")
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    return folder


class CachingSandbox(BoundedSandbox):
    """The clause sandbox, with compiled templates cached on disk (see the module docstring)."""

    _folder: Path | None
    _fingerprint: str

    def compile(  # type: ignore[override]
        self,
        source: Any,
        name: str | None = None,
        filename: str | None = None,
        raw: bool = False,
        defer_init: bool = False,
    ) -> Any:
        if raw or defer_init or not isinstance(source, str):
            return super().compile(source, name, filename, raw, defer_init)
        if not hasattr(self, "_folder"):
            self._folder, self._fingerprint = cache_dir(), self._options()
        if self._folder is None:
            return super().compile(source, name, filename)
        # The file name only goes into tracebacks (errors carry the template's own), so it is not in the key.
        key = hashlib.sha256("\0".join((self._fingerprint, name or "", source)).encode("utf-8")).hexdigest()
        path = self._folder / f"{key}.code"
        try:
            code = marshal.loads(path.read_bytes())
            if isinstance(code, types.CodeType):
                return code
        except (OSError, ValueError, EOFError, TypeError):
            pass
        code = super().compile(source, name, filename)
        store(path, marshal.dumps(code))
        return code

    def _options(self) -> str:
        """Everything besides the source that the generated code depends on."""
        parts = [
            ".".join(c.__qualname__ for c in type(self).__mro__),
            repr(
                (
                    self.block_start_string,
                    self.block_end_string,
                    self.variable_start_string,
                    self.variable_end_string,
                    self.comment_start_string,
                    self.comment_end_string,
                    self.line_statement_prefix,
                    self.line_comment_prefix,
                    self.trim_blocks,
                    self.lstrip_blocks,
                    self.newline_sequence,
                    self.keep_trailing_newline,
                    self.optimized,
                    self.autoescape if isinstance(self.autoescape, bool) else _name(self.autoescape),
                    _name(self.finalize) if self.finalize else None,
                    sorted(getattr(self, "intercepted_binops", ())),
                    sorted(getattr(self, "intercepted_unops", ())),
                    sorted(self.extensions),
                )
            ),
            ",".join(sorted(self.filters)),
            ",".join(sorted(self.tests)),
        ]
        return "\0".join(parts)


def _name(function: Any) -> str:
    return f"{getattr(function, '__module__', '')}.{getattr(function, '__qualname__', repr(function))}"


def store(path: Path, data: bytes) -> None:
    """Write the entry whole or not at all (another process may read it at the same time)."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError:
        try:
            temporary.unlink()
        except OSError:
            pass
