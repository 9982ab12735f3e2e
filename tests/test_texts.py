"""The documents' fixed texts come from the clause library: renderers lay out, the library writes."""

from __future__ import annotations

import io
import shutil

import pytest
from docx import Document

from verordening.changes.amend import amend
from verordening.changes.amendment import to_markdown
from verordening.engine.assemble import assemble
from verordening.engine.checklist import compute
from verordening.engine.library import load_library
from verordening.engine.texts import WIJZIGINGSVERORDENING, document_texts
from verordening.errors import ClauseError
from verordening.render import docx, html, markdown

from .conftest import PACKAGE_CLAUSES, article, choices_with, write_library


def test_signature_with_capitalised_functions_and_name_lines_in_every_format():
    ordinance = assemble(choices_with())
    checklist = compute(ordinance)
    assert ordinance.ondertekening.ondertekenaars == [("De griffier,", "[naam]"), ("De voorzitter,", "[naam]")]
    md = markdown.render(ordinance, checklist)
    assert "De griffier,\n\n\\[naam\\]\n\nDe voorzitter,\n\n\\[naam\\]" in md
    page = html.render(ordinance, checklist).decode()
    assert '<div><p>De griffier,</p><p class="naam">[naam]</p></div>' in page
    lines = [p.text for p in Document(io.BytesIO(docx.render(ordinance, checklist))).paragraphs]
    assert "De griffier,\tDe voorzitter," in lines and "[naam]\t[naam]" in lines


def test_the_library_words_the_signature(tmp_path):
    root = write_library(tmp_path / "lib", {"a": article("a", "Tekst.")})
    (root / "ondertekening.j2").write_text(
        "{% macro slotformule(gemeente, datum, vastgesteld) %}Aldus {{ 'vastgesteld' if vastgesteld else 'besloten' }}"
        " in {{ gemeente }} op {{ datum|datum }}.{% endmacro %}\n"
        "{% macro ondertekenaars() %}\nDe griffier,\n[naam griffier]\n{% endmacro %}\n"
        "{% macro kop(vastgesteld) %}{{ '' if vastgesteld else 'ONTWERP' }}{% endmacro %}\n",
        encoding="utf-8",
    )
    ordinance = assemble(choices_with(), load_library(root))
    assert ordinance.ondertekening.slotformule == "Aldus besloten in Nijkerk op 29 juni 2023."
    assert ordinance.ondertekening.ondertekenaars == [("De griffier,", "[naam griffier]")]
    assert ordinance.ondertekening.kop == "ONTWERP"
    adopted = assemble(choices_with(status="vastgesteld"), load_library(root)).ondertekening
    assert (adopted.slotformule, adopted.kop) == ("Aldus vastgesteld in Nijkerk op 29 juni 2023.", "")


def test_a_missing_or_broken_text_is_a_clause_library_error(tmp_path):
    root = write_library(tmp_path / "lib", {"a": article("a", "Tekst.")})
    (root / "ondertekening.j2").unlink()
    with pytest.raises(ClauseError, match=r"ondertekening\.j2: dit bestand van de modelbepalingen ontbreekt"):
        assemble(choices_with(), load_library(root))
    (root / "ondertekening.j2").write_text("{% macro slotformule( %}", encoding="utf-8")
    with pytest.raises(ClauseError, match=r"ondertekening\.j2:1: fout in de modelbepaling"):
        assemble(choices_with(), load_library(root))
    shutil.copy(PACKAGE_CLAUSES / "ondertekening.j2", root / "ondertekening.j2")
    t = document_texts(load_library(root), WIJZIGINGSVERORDENING)
    with pytest.raises(ClauseError, match="de tekst 'bestaat_niet' ontbreekt"):
        t("bestaat_niet")
    with pytest.raises(ClauseError, match="fout in de tekst 'vervalt'"):
        t("vervalt", artikel=3, onbekend=1)


def test_user_values_in_fixed_texts_stay_text():
    old = choices_with()
    new = choices_with(
        jobcoaching={"maximale_duur_maanden": 36},
        vaststelling={"datum": "2024-06-27", "voorstel_datum": "2024-05-14", "voorstel_nummer": "[lid] {{ 7*7 }}"},
        inwerkingtreding="2024-07-01",
    )
    md = to_markdown(amend(old, new))
    assert "nummer \\[lid\\] {{ 7\\*7 }};" in md  # not evaluated, not a structure marker


def test_library_yaml_is_parsed_once_with_the_same_data_and_lines():
    """The clause library's YAML (the law, ~0.3 MB) is read with libyaml in one parse; same result."""
    import yaml

    from verordening.engine.library import clauses_dir
    from verordening.engine.library_files import line_of, parse_yaml

    for path in sorted(clauses_dir().rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        data, node = parse_yaml(text)
        assert data == yaml.safe_load(text), path
        reference = yaml.compose(text, Loader=yaml.SafeLoader)
        if isinstance(data, dict) and data:
            key = next(iter(data))
            assert line_of(node, (key,)) == line_of(reference, (key,)), path
