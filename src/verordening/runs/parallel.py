"""A process pool over every core, for any per-file function (build, compare).

Each worker process loads the clause library once (library.load_library is cached per
process); the parent loads it before the pool starts, so forked workers inherit it compiled.
"""

from __future__ import annotations

import ctypes
import os
import signal
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def _die_with_parent(parent: int) -> None:
    """A worker ends when the process that started it ends, even by SIGKILL (Linux: PR_SET_PDEATHSIG)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (AttributeError, OSError):  # pragma: no cover - not on Linux
        return
    if os.getppid() != parent:  # the parent died before the call above took effect
        os._exit(1)


_PR_SET_PDEATHSIG = 1


def _worker_start(parent: int) -> None:
    _die_with_parent(parent)
    _warm_up()


def _warm_up() -> None:
    """Load the clause library now; a broken library is reported per file later."""
    from verordening.engine.library import load_library

    try:
        load_library()
    except Exception:  # noqa: BLE001 - each file reports the same error itself
        pass


def default_workers(jobs: int) -> int:
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, jobs))


def run_parallel(
    func: Callable[..., T],
    paths: list[Path],
    *args: Any,
    workers: int | None = None,
    on_done: Callable[[T], None] | None = None,
) -> list[T]:
    """func(path, *args) for every path, in a process pool; results in input order.

    One file, or one worker, runs in this process without a pool.
    """
    workers = default_workers(len(paths)) if workers is None else max(1, min(workers, len(paths) or 1))
    _warm_up()
    if workers == 1:
        results = []
        for path in paths:
            results.append(func(path, *args))
            if on_done:
                on_done(results[-1])
        return results
    out: list[Any] = [None] * len(paths)
    with ProcessPoolExecutor(max_workers=workers, initializer=_worker_start, initargs=(os.getpid(),)) as pool:
        futures = {pool.submit(func, path, *args): i for i, path in enumerate(paths)}
        for future in as_completed(futures):
            out[futures[future]] = future.result()
            if on_done:
                on_done(out[futures[future]])
    return out
