"""Compiled clause templates kept between runs: the same text, recompiled when anything changes."""

from __future__ import annotations

import marshal

import pytest

from verordening.engine import library as library_module
from verordening.engine.assemble import assemble
from verordening.engine.library import make_environment
from verordening.engine.template_cache import cache_dir
from verordening.render import markdown

from .conftest import article, choices_with, write_library


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("VERORDENING_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def entries(cache) -> list:
    return sorted(cache.rglob("*.code"))


def test_a_second_load_uses_the_compiled_code_and_builds_the_same_text(cache, tmp_path):
    root = write_library(
        tmp_path / "lib",
        {"a": article("a", "Het college kan {{ k.jobcoaching.maximale_duur_maanden|maanden }} toekennen.")},
    )
    first = markdown.render(assemble(choices_with(), library_module._load(root)))
    stored = entries(cache)
    assert stored and all(oct(p.stat().st_mode)[-3:] == "600" for p in stored)
    library_module._load.cache_clear()
    calls = []
    original = marshal.loads
    try:
        marshal.loads = lambda data: calls.append(1) or original(data)  # type: ignore[assignment]
        second = markdown.render(assemble(choices_with(), library_module._load(root)))
    finally:
        marshal.loads = original  # type: ignore[assignment]
        library_module._load.cache_clear()
    assert second == first and len(calls) == len(stored)  # every template read from the cache: the same text
    assert entries(cache) == stored  # nothing compiled anew


def test_a_changed_template_or_filter_is_compiled_again(cache, tmp_path):
    env = make_environment(tmp_path)
    assert env.from_string("{{ 2|getal }}").render() == "twee"
    before = len(entries(cache))
    assert env.from_string("{{ 3|getal }}").render() == "drie"  # other source: new entry
    assert len(entries(cache)) == before + 1
    other = make_environment(tmp_path)
    other.filters["extra"] = str
    other.from_string("{{ 2|getal }}")  # other filters: another key
    assert len(entries(cache)) == before + 2


def test_a_damaged_entry_is_compiled_again(cache, tmp_path):
    env = make_environment(tmp_path)
    env.from_string("{{ 5|getal }}")
    for entry in entries(cache):
        entry.write_bytes(b"\x00 damaged")
    assert make_environment(tmp_path).from_string("{{ 5|getal }}").render() == "vijf"


def test_off_and_unwritable(monkeypatch, tmp_path):
    monkeypatch.setenv("VERORDENING_CACHE", "uit")
    assert cache_dir() is None
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("VERORDENING_CACHE", str(blocker / "sub"))
    assert cache_dir() is None
    assert make_environment(tmp_path).from_string("{{ 6|getal }}").render() == "zes"  # works without a cache
