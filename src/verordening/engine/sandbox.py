"""The clause templates' sandbox, with bounds on what one article may cost.

Jinja's immutable sandbox keeps templates away from Python's internals but not from using all
memory or time: `{{ 'x' * 300000000 }}` or two nested `range(100000)` loops. Clauses are the
developers' own, but VERORDENING_CLAUSES can point anywhere, so a template gets a budget:
sequences built by `*` and numbers by `**` stay small, `range` counts every step it hands out,
and rendered text is joined with a limit on its length and on the time taken.
"""

from __future__ import annotations

import operator
import time
from collections.abc import Iterable, Iterator
from typing import Any

from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment

MAX_TEXT = 1_000_000  # characters of one rendered block (an article is a few thousand)
MAX_STEPS = 200_000  # range() steps of one render
MAX_SECONDS = 5.0  # per rendered block; an article takes about a millisecond
MAX_POWER = 1000  # largest exponent (and base digits) of `**`


class _Budget:
    """Steps and a deadline shared by one render (reset when a block starts)."""

    def __init__(self) -> None:
        self.steps = 0
        self.deadline = time.monotonic() + MAX_SECONDS

    def step(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise SecurityError(f"de modelbepaling telt meer dan {MAX_STEPS} stappen (range) af")
        if self.steps % 1000 == 0:
            self.check_time()

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise SecurityError(f"de modelbepaling doet er langer dan {MAX_SECONDS:g} seconden over")


_budget = _Budget()


def _range(*args: int) -> Iterator[int]:
    for value in range(*args):
        _budget.step()
        yield value


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox with a budget for `*`, `**` and `range`."""

    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.globals["range"] = _range

    def call_binop(self, context: Any, operator_: str, left: Any, right: Any) -> Any:
        if operator_ == "*":
            for seq, n in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(n, int) and len(seq) * n > MAX_TEXT:
                    raise SecurityError(f"de modelbepaling maakt een reeks van meer dan {MAX_TEXT} elementen")
            return operator.mul(left, right)
        if isinstance(right, int) and isinstance(left, int) and (abs(right) > MAX_POWER or abs(left) > 10**MAX_POWER):
            raise SecurityError("de modelbepaling rekent met een te grote macht")
        return operator.pow(left, right)


def bounded_join(chunks: Iterable[str]) -> str:
    """The rendered text of one block, refused when it runs too long or takes too long."""
    global _budget
    _budget = _Budget()
    out: list[str] = []
    size = 0
    for chunk in chunks:
        out.append(chunk)
        size += len(chunk)
        if size > MAX_TEXT:
            raise SecurityError(f"de modelbepaling levert meer dan {MAX_TEXT} tekens tekst op")
        _budget.check_time()
    return "".join(out)
