"""The clause library's parsed YAML kept between runs: the same data, and still the line of an error."""

from __future__ import annotations

import pytest

from verordening.engine import library as library_module
from verordening.engine.library_files import ChapterFile, parse_yaml, validate_list
from verordening.engine.yaml_cache import LazyNode
from verordening.errors import ClauseError


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("VERORDENING_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


TEXT = "- key: a\n  title: Eerste\n- key: b\n  title: ''\n"


def test_the_second_parse_comes_from_the_cache_with_the_same_data(cache):
    first, node = parse_yaml(TEXT)
    assert not isinstance(node, LazyNode) and len(list(cache.rglob("*.pickle"))) == 1
    second, lazy = parse_yaml(TEXT)
    assert isinstance(lazy, LazyNode) and second == first
    assert parse_yaml(TEXT.replace("Eerste", "Andere"))[0][0]["title"] == "Andere"  # another text, its own entry


def test_an_error_in_cached_data_still_names_its_line(cache, tmp_path):
    parse_yaml(TEXT)
    data, node = parse_yaml(TEXT)
    assert isinstance(node, LazyNode)
    with pytest.raises(ClauseError) as caught:
        validate_list(ChapterFile, data, tmp_path / "chapters.yaml", node)
    assert f"{tmp_path / 'chapters.yaml'}:4 [title]" in str(caught.value)


def test_a_damaged_entry_is_parsed_again(cache):
    parse_yaml(TEXT)
    (entry,) = cache.rglob("*.pickle")
    entry.write_bytes(b"\x80\x05kapot")
    data, node = parse_yaml(TEXT)
    assert data[1]["key"] == "b" and not isinstance(node, LazyNode)


def test_the_library_loads_the_same_from_the_cache(cache):
    library_module._load.cache_clear()
    first = library_module.load_library()
    library_module._load.cache_clear()
    second = library_module.load_library()
    library_module._load.cache_clear()
    assert list(cache.rglob("*.pickle"))

    def law(library):  # a LawVersion compares by identity (one per library): compare what it holds
        return [(v.valid_from, v.source, v.facts, v.articles, v.changes) for v in library.law.versions]

    assert law(second) == law(first) and second.requirements == first.requirements
    assert second.kwaliteitseisen == first.kwaliteitseisen and second.chapters == first.chapters
    assert [a.label for a in second.articles] == [a.label for a in first.articles]
