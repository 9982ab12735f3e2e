"""Shared fixtures: the example choice files and a tiny clause library for engine tests."""

from __future__ import annotations

import os
import shutil
import textwrap
from pathlib import Path

import pytest

from verordening.choicefile.reader import load_choices
from verordening.choicefile.schema import Choices
from verordening.engine.library import clauses_dir

# Tests compile their own small libraries by the hundred: no compiled-template cache in the user's home
# (test_template_cache.py turns it on in a temporary folder).
os.environ.setdefault("VERORDENING_CACHE", "uit")

ROOT = Path(__file__).resolve().parents[1]
PACKAGE_CLAUSES = ROOT / "src" / "verordening" / "model_clauses"
EXAMPLES = sorted((ROOT / "municipalities").glob("*.yaml"))


@pytest.fixture(params=EXAMPLES, ids=lambda p: p.stem)
def example(request: pytest.FixtureRequest) -> Path:
    return request.param


def choices_with(**changes: object) -> Choices:
    """The Nijkerk example with top-level keys replaced (values as plain dicts)."""
    data = load_choices(ROOT / "municipalities" / "nijkerk.yaml").model_dump()
    data.update(changes)
    return Choices.model_validate(data)


def write_library(root: Path, articles: dict[str, str], requirements: str = "[]") -> Path:
    """A minimal clause library: chapters.yaml, aanhef, toelichting and the given article files."""
    (root / "artikelen").mkdir(parents=True)
    (root / "chapters.yaml").write_text('- {key: "1", title: Een}\n- {key: "2", title: Twee}\n', encoding="utf-8")
    (root / "aanhef.j2").write_text("De raad van de gemeente {{ gemeente }};\n", encoding="utf-8")
    (root / "toelichting_algemeen.j2").write_text("Algemeen.\n", encoding="utf-8")
    (root / "requirements.yaml").write_text(requirements, encoding="utf-8")
    (root / "kwaliteitseisen.yaml").write_text("{}\n", encoding="utf-8")
    real = clauses_dir()
    shutil.copytree(real / "wet", root / "wet")  # the real versions of the Participatiewet
    for texts in ("controlelijst.yaml", "raadsvoorstel.yaml"):
        shutil.copy(real / texts, root / texts)
    for fixed in ("ondertekening.j2", "wijzigingsverordening.j2", "vergelijking.j2", "bespreking.j2"):  # own words
        shutil.copy(real / fixed, root / fixed)
    for name, text in articles.items():
        (root / "artikelen" / f"{name}.j2").write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
    return root


def article(label: str, body: str, chapter: str = "1", order: int = 10, when: str = "true") -> str:
    return (
        f'---\nlabel: {label}\ntitle: Titel {label}\nchapter: "{chapter}"\norder: {order}\nbasis: x\n'
        f'when: "{when}"\n---\n'
        f"{{% block artikel %}}\n{textwrap.dedent(body).strip()}\n{{% endblock %}}\n"
        "{% block toelichting %}Toelichting.{% endblock %}\n"
    )


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_text(element) -> str:
    """The text Word shows for a w:p (or any element) of a DOCX: w:t, a w:noBreakHyphen as "-"."""
    return "".join(
        "-" if el.tag == f"{_W}noBreakHyphen" else el.text or "" for el in element.iter(f"{_W}t", f"{_W}noBreakHyphen")
    )
