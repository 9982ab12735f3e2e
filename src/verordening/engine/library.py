"""The clause library: model_clauses/ (or another library given with --bibliotheek) loaded once.

Templates are compiled once and render in an immutable sandbox with StrictUndefined. User values
reach a template only as data through the render context; they are never part of template source.
Every data file is validated by its model in library_files.py; the law versions by law.py.
"""

from __future__ import annotations

import functools
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
from verordening.engine.law import Law, LawVersion, VersionFile, build_law
from verordening.engine.library_files import (
    ChapterFile,
    FrontMatter,
    KwaliteitseisFile,
    RequirementFile,
    parse_yaml,
    read_yaml,
    validate,
    validate_list,
)
from verordening.engine.template_cache import CachingSandbox
from verordening.engine.texts import Texts
from verordening.errors import ClauseError

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)
LAW_DIR = Path("wet") / "participatiewet"


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
    path: Path
    template: Template


@dataclass(frozen=True)
class Aspect:
    what: str  # "welke kwaliteitseisen aan de jobcoach worden gesteld"
    elements: tuple[str, ...]  # alternatives: "kwaliteitseisen.eisen", …


@dataclass(frozen=True)
class Requirement:
    id: str
    citation: str
    summary: str
    when: str  # over `wet`
    aspects: tuple[Aspect, ...]

    @property
    def articles(self) -> set[str]:
        return {e.split(".")[0] for a in self.aspects for e in a.elements}


@dataclass(frozen=True)
class ClauseLibrary:
    root: Path
    chapters: tuple[ChapterSpec, ...]
    articles: tuple[ArticleSpec, ...]  # in ordinance order
    aanhef: Template
    toelichting_algemeen: Template
    requirements: tuple[Requirement, ...]
    kwaliteitseisen: dict[str, dict[str, str]]
    law: Law
    checklist_texts: Texts  # controlelijst.yaml
    env: ImmutableSandboxedEnvironment

    def spec(self, label: str) -> ArticleSpec:
        for a in self.articles:
            if a.label == label:
                return a
        raise KeyError(label)

    def has(self, label: str) -> bool:
        return any(a.label == label for a in self.articles)

    def requirements_for(self, version: LawVersion) -> list[Requirement]:
        """The requirements that apply under this version of the Act."""
        return [r for r in self.requirements if _applies(self.env, r.when, version)]


def make_environment(root: Path) -> ImmutableSandboxedEnvironment:
    env = CachingSandbox(  # the immutable sandbox with a resource budget (sandbox.py), compiled code kept
        loader=FileSystemLoader(str(root)),
        undefined=StrictUndefined,
        autoescape=False,  # output is plain text; renderers escape for their format
        keep_trailing_newline=True,
        finalize=textfilters.finalize,
    )
    env.filters.update(textfilters.FILTERS)
    return env


def _load_article(env: ImmutableSandboxedEnvironment, path: Path, chapter_keys: set[str]) -> ArticleSpec:
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ClauseError(f"{path}: kan de modelbepaling niet lezen: {exc}") from None
    match = _FRONT_MATTER.match(source)
    if not match:
        raise ClauseError(f"{path}: de metadata (front matter tussen '---'-regels) ontbreekt")
    try:
        data, node = parse_yaml(match.group(1))
        meta = validate(FrontMatter, data or {}, path, node, base=1)
    except yaml.YAMLError as exc:
        raise ClauseError(f"{path}: de metadata is geen geldige YAML: {exc}") from None
    if meta.chapter not in chapter_keys:
        raise ClauseError(f"{path} [chapter]: hoofdstuk '{meta.chapter}' staat niet in chapters.yaml")
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
    return ArticleSpec(
        label=meta.label,
        title=meta.title,
        chapter=meta.chapter,
        order=meta.order,
        basis=meta.basis,
        when=meta.when.strip() or "true",
        choices=tuple(meta.choices),
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


def _load_law(root: Path) -> Law:
    folder = root / LAW_DIR
    paths = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    files = []
    for path in paths:
        data, node = read_yaml(path)
        files.append((path.name, validate(VersionFile, data, path, node)))

    def problem(name: str, message: str) -> None:
        raise ClauseError(f"{folder / name}: {message}")

    return build_law(files, problem)


@functools.lru_cache(maxsize=256)
def _applies(env: ImmutableSandboxedEnvironment, when: str, version: LawVersion) -> bool:
    return bool(env.compile_expression(when, undefined_to_none=False)(wet=version.view()))


def _load_requirements(root: Path, law: Law, env: Any) -> tuple[Requirement, ...]:
    path = root / "requirements.yaml"
    data, node = read_yaml(path)
    entries = validate_list(RequirementFile, data, path, node)
    requirements = tuple(
        Requirement(r.id, r.citation, r.summary, r.when, tuple(Aspect(a.wat, tuple(a.in_)) for a in r.aspects))
        for r in entries
    )
    for version in law.versions:
        ids: list[str] = []
        for r in requirements:
            try:
                applies = _applies(env, r.when, version)
            except Exception as exc:  # a misspelt fact is the library author's error
                raise ClauseError(f"{path} [{r.id}.when]: '{r.when}' kan niet worden geëvalueerd: {exc}") from None
            if applies:
                ids.append(r.id)
                if version.text(r.id) is None:
                    raise ClauseError(
                        f"{path} [{r.id}]: deze bepaling staat niet in de wettekst van {version.valid_from} "
                        f"({LAW_DIR / version.valid_from.isoformat()}.yaml)"
                    )
        if twice := sorted({i for i in ids if ids.count(i) > 1}):
            raise ClauseError(f"{path}: voor de versie van {version.valid_from} gelden {', '.join(twice)} dubbel")
    # An element naming an article this library does not have is not an error: a municipality's own
    # variant may leave an article out, and the checklist then shows the requirement as unmet.
    return requirements


def load_library(root: Path | None = None) -> ClauseLibrary:
    """The library at `root` (default: the one in the package), loaded once per process."""
    return _load(Path(root or clauses_dir()).resolve())


def loads() -> int:
    """How many libraries this process has loaded (one per library when the cache works)."""
    return _load.cache_info().misses


@cache
def _load(root: Path) -> ClauseLibrary:
    if not root.is_dir():
        raise ClauseError(f"de map met modelbepalingen '{root}' bestaat niet")
    env = make_environment(root)
    data, node = read_yaml(root / "chapters.yaml")
    chapter_files = validate_list(ChapterFile, data, root / "chapters.yaml", node)
    chapters = tuple(ChapterSpec(c.key, c.title, c.vng or c.key) for c in chapter_files)
    chapter_order = {c.key: i for i, c in enumerate(chapters)}
    specs = [_load_article(env, p, set(chapter_order)) for p in sorted((root / "artikelen").glob("*.j2"))]
    seen: dict[str, Path] = {}
    for spec in specs:
        if spec.label in seen:
            raise ClauseError(f"{spec.path}: label '{spec.label}' komt ook voor in {seen[spec.label]}")
        seen[spec.label] = spec.path
    specs.sort(key=lambda s: (chapter_order[s.chapter], s.order, s.label))
    law = _load_law(root)
    data, node = read_yaml(root / "kwaliteitseisen.yaml")
    if not isinstance(data, dict):
        raise ClauseError(f"{root / 'kwaliteitseisen.yaml'}: verwacht per kwaliteitseis een groep sleutels")
    kwaliteitseisen = {
        str(key): validate(KwaliteitseisFile, value, root / "kwaliteitseisen.yaml", node).model_dump()
        for key, value in data.items()
    }
    return ClauseLibrary(
        root=root,
        chapters=chapters,
        articles=tuple(specs),
        aanhef=_plain_template(env, root, "aanhef.j2"),
        toelichting_algemeen=_plain_template(env, root, "toelichting_algemeen.j2"),
        requirements=_load_requirements(root, law, env),
        kwaliteitseisen=kwaliteitseisen,
        law=law,
        checklist_texts=Texts(env, read_yaml(root / "controlelijst.yaml")[0], root / "controlelijst.yaml"),
        env=env,
    )
