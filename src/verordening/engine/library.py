"""The clause library: model_clauses/ loaded once, templates compiled once.

Templates render in an immutable sandbox with StrictUndefined. User values reach a template
only as data through the render context; they are never part of template source.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jinja2 import FileSystemLoader, StrictUndefined, Template, TemplateNotFound, TemplateSyntaxError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from verordening.engine import textfilters
from verordening.engine.sandbox import BoundedSandbox
from verordening.errors import ClauseError

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_LABEL = re.compile(r"^[a-z][a-z0-9_]*$")


def clauses_dir() -> Path:
    """The clause library shipped inside the package (or VERORDENING_CLAUSES)."""
    override = os.environ.get("VERORDENING_CLAUSES")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[1] / "model_clauses"


@dataclass(frozen=True)
class ChapterSpec:
    key: str
    title: str
    vng: str


@dataclass(frozen=True)
class ArticleSpec:
    """An article template with the metadata from its front matter."""

    label: str
    title: str
    chapter: str
    order: int
    basis: str
    when: str
    choices: tuple[str, ...]
    regulates: tuple[str, ...]
    path: Path
    template: Template


@dataclass(frozen=True)
class Requirement:
    id: str
    citation: str
    summary: str
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class ClauseLibrary:
    root: Path
    chapters: tuple[ChapterSpec, ...]
    articles: tuple[ArticleSpec, ...]  # in ordinance order
    aanhef: Template
    toelichting_algemeen: Template
    requirements: tuple[Requirement, ...]
    kwaliteitseisen: dict[str, dict[str, str]]
    env: ImmutableSandboxedEnvironment

    def spec(self, label: str) -> ArticleSpec:
        for a in self.articles:
            if a.label == label:
                return a
        raise KeyError(label)


def make_environment(root: Path) -> ImmutableSandboxedEnvironment:
    env = BoundedSandbox(  # the immutable sandbox with a resource budget (sandbox.py)
        loader=FileSystemLoader(str(root)),
        undefined=StrictUndefined,
        autoescape=False,  # output is plain text; renderers escape for their format
        keep_trailing_newline=True,
        finalize=textfilters.finalize,
    )
    env.filters.update(textfilters.FILTERS)
    return env


def _read_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ClauseError(f"{path}: kan het bestand van de modelbepalingen niet lezen: {exc}") from exc


def _load_article(env: ImmutableSandboxedEnvironment, root: Path, path: Path, chapter_keys: set[str]) -> ArticleSpec:
    source = path.read_text(encoding="utf-8")
    match = _FRONT_MATTER.match(source)
    if not match:
        raise ClauseError(f"{path}: de metadata (front matter tussen '---'-regels) ontbreekt")
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        raise ClauseError(f"{path}: de metadata is geen geldige YAML: {exc}") from None
    missing = {"label", "title", "chapter", "order", "basis"} - meta.keys()
    if missing:
        raise ClauseError(f"{path}: metadata mist {', '.join(sorted(missing))}")
    label = str(meta["label"])
    if not _LABEL.match(label):
        raise ClauseError(f"{path}: label '{label}' is geen geldig label (kleine letters, cijfers, _)")
    chapter = str(meta["chapter"])
    if chapter not in chapter_keys:
        raise ClauseError(f"{path}: hoofdstuk '{chapter}' staat niet in chapters.yaml")
    # Keep the line numbers of the template body: blank out the front matter instead of cutting it.
    body = "\n" * match.group(0).count("\n") + source[match.end() :]
    try:
        template = env.from_string(body)
    except TemplateSyntaxError as exc:
        raise ClauseError(f"{path}:{exc.lineno}: fout in de modelbepaling: {exc.message}") from None
    template.filename = str(path)
    for block in ("artikel", "toelichting"):
        if block not in template.blocks:
            raise ClauseError(f"{path}: het blok '{{% block {block} %}}' ontbreekt")
    when = str(meta.get("when", "true")).strip() or "true"
    return ArticleSpec(
        label=label,
        title=str(meta["title"]),
        chapter=chapter,
        order=int(meta["order"]),
        basis=str(meta["basis"]),
        when=when,
        choices=tuple(meta.get("choices") or ()),
        regulates=tuple(meta.get("regulates") or ()),
        path=path,
        template=template,
    )


def _plain_template(env: ImmutableSandboxedEnvironment, root: Path, name: str) -> Template:
    try:
        return env.get_template(name)
    except TemplateNotFound:
        raise ClauseError(f"{root / name}: dit bestand van de modelbepalingen ontbreekt") from None
    except TemplateSyntaxError as exc:
        raise ClauseError(f"{root / name}:{exc.lineno}: fout in de modelbepaling: {exc.message}") from None


@cache
def load_library(root: Path | None = None) -> ClauseLibrary:
    root = Path(root or clauses_dir())
    if not root.is_dir():
        raise ClauseError(f"de map met modelbepalingen '{root}' bestaat niet")
    env = make_environment(root)
    chapters = tuple(
        ChapterSpec(str(c["key"]), c["title"], str(c.get("vng", c["key"]))) for c in _read_yaml(root / "chapters.yaml")
    )
    chapter_order = {c.key: i for i, c in enumerate(chapters)}
    specs = [_load_article(env, root, p, set(chapter_order)) for p in sorted((root / "artikelen").glob("*.j2"))]
    seen: dict[str, Path] = {}
    for spec in specs:
        if spec.label in seen:
            raise ClauseError(f"{spec.path}: label '{spec.label}' komt ook voor in {seen[spec.label]}")
        seen[spec.label] = spec.path
    specs.sort(key=lambda s: (chapter_order[s.chapter], s.order, s.label))
    requirements = tuple(
        Requirement(str(r["id"]), r["citation"], r["summary"], tuple(r.get("evidence") or ()))
        for r in _read_yaml(root / "requirements.yaml")
    )
    return ClauseLibrary(
        root=root,
        chapters=chapters,
        articles=tuple(specs),
        aanhef=_plain_template(env, root, "aanhef.j2"),
        toelichting_algemeen=_plain_template(env, root, "toelichting_algemeen.j2"),
        requirements=requirements,
        kwaliteitseisen=_read_yaml(root / "kwaliteitseisen.yaml"),
        env=env,
    )
