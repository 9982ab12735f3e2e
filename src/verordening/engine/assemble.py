"""Choices + clause library -> a numbered Ordinance with every reference resolved.

Stages: select the articles whose `when` holds; render each template with reference
placeholders; parse the structure markers into leden/onderdelen/sub-onderdelen; number
everything; replace the placeholders by Dutch references ("artikel 12, tweede lid").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

from jinja2 import TemplateError

from verordening.choicefile.municipalities import municipality_by_name
from verordening.choicefile.schema import Choices
from verordening.engine import texts
from verordening.engine.document import Article, Chapter, Lid, Onderdeel, Ordinance, Paragraph, Sub, Unit, walk
from verordening.engine.law import LawVersion
from verordening.engine.library import ArticleSpec, ClauseLibrary, load_library
from verordening.engine.references import Resolver
from verordening.engine.sandbox import bounded_join
from verordening.engine.textfilters import REF_CLOSE, REF_OPEN, Token, restore, take_marks, unmarked
from verordening.errors import BuildError

_MARKER = re.compile(r"^\[(lid|onderdeel|sub)(?::([a-z0-9_]+))?\]\s*(.*)$")


@functools.lru_cache(maxsize=512)
def _condition(env: Any, when: str) -> Any:
    """A compiled `when` expression; compiled once per library, not once per document."""
    return env.compile_expression(when, undefined_to_none=False)


def _basis(env: Any, spec: ArticleSpec, law: LawVersion, choices: Choices) -> str:
    """The statutory basis of the front matter; it may name a provision only some versions have
    ("{% if wet.leerwerktraject_artikel_10f %}artikel 10f{% else %}artikel 7a, derde lid{% endif %}"), or one
    a choice adds ("{% if k.beschut_werk.hoger_aantal %}vijfde en {% endif %}")."""
    if "{" not in spec.basis:
        return spec.basis
    try:
        return " ".join(_basis_template(env, spec.basis).render(wet=law.view(), k=choices).split())
    except TemplateError as exc:
        raise BuildError(f"{spec.path} [basis]: fout in de grondslag: {exc}") from exc


@functools.lru_cache(maxsize=512)
def _basis_template(env: Any, basis: str) -> Any:
    return env.from_string(basis)


def select(library: ClauseLibrary, choices: Choices) -> list[ArticleSpec]:
    """The articles included for these choices, in ordinance order."""
    selected = []
    for spec in library.articles:
        try:
            condition = _condition(library.env, spec.when)
            if condition(k=choices):
                selected.append(spec)
        except TemplateError as exc:
            raise BuildError(
                f"{spec.path}: de voorwaarde 'when: {spec.when}' kan niet worden geëvalueerd: {exc}"
            ) from exc
    return selected


def _context(library: ClauseLibrary, choices: Choices, included: set[str], law: LawVersion) -> dict[str, Any]:
    def ref(label: str, *path: str) -> Token:
        if label not in {a.label for a in library.articles}:
            raise BuildError(f"verwijzing naar onbekend artikel '{label}'")
        return Token(f"{REF_OPEN}{'|'.join((label, *path))}{REF_CLOSE}")

    def refs(*labels: str) -> Token:
        return Token(f"{REF_OPEN}*{'|'.join(labels)}{REF_CLOSE}")

    return {
        "k": choices,
        "wet": law.view(),
        "gemeente": choices.gemeente,
        "citeertitel": choices.citeertitel,
        "kwaliteitseisen": library.kwaliteitseisen,
        "ref": ref,
        "refs": refs,
        "included": lambda label: label in included,
    }


def _render_block(spec: ArticleSpec, block: str, context: dict[str, Any]) -> str:
    try:
        return bounded_join(spec.template.blocks[block](spec.template.new_context(context)))
    except BuildError as exc:
        raise BuildError(f"{spec.path}: {exc}") from exc
    except TemplateError as exc:
        line = getattr(exc, "lineno", None)
        where = f"{spec.path}:{line}" if line else str(spec.path)
        raise BuildError(f"{where}: fout in de modelbepaling: {exc}") from exc


_KINDS = {"lid": Lid, "onderdeel": Onderdeel, "sub": Sub}


def parse_structure(text: str, where: str) -> list[Lid]:
    """Turn marker lines into leden, onderdelen and sub-onderdelen (unnumbered)."""
    leden: list[Lid] = []
    open_units: list[Unit] = []  # the unit being written at each depth: lid, onderdeel, sub
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        m = _MARKER.match(line)
        if not m:
            if not open_units:
                open_units.append(Lid(None, ""))
                leden.append(open_units[0])  # type: ignore[arg-type]
            current = open_units[-1]
            current.text = f"{current.text} {restore(line)}".strip()
            continue
        kind, label, rest = m.groups()
        unit = _KINDS[kind](label, restore(rest))
        depth = unit.depth
        if depth > len(open_units):
            inside = (
                "een onderdeel staat niet in een lid" if depth == 1 else "een subonderdeel staat niet in een onderdeel"
            )
            raise BuildError(f"{where}: {inside}")
        if depth == 0:
            leden.append(unit)  # type: ignore[arg-type]
        else:
            open_units[depth - 1].children.append(unit)  # type: ignore[arg-type]
        del open_units[depth:]
        open_units.append(unit)
    if not leden:
        raise BuildError(f"{where}: het artikel heeft geen tekst")
    return leden


def parse_paragraphs(text: str) -> list[Paragraph]:
    """Blank-line separated paragraphs; lines starting with '- ' form a bulleted list."""
    paragraphs: list[Paragraph] = []
    for chunk in re.split(r"\n\s*\n", unmarked(restore(text))):  # the toelichting marks no values
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        if all(line.startswith("- ") for line in lines):
            paragraphs.append(Paragraph(bullets=[line[2:].strip() for line in lines]))
        else:
            paragraphs.append(Paragraph(text=" ".join(lines)))
    return paragraphs


def resolve_paragraphs(resolver: Resolver, text: str, here: Article | None) -> list[Paragraph]:
    """Toelichting text -> paragraphs with references written out and located."""
    paragraphs = parse_paragraphs(text)
    for p in paragraphs:
        p.text, p.refs = resolver.resolve(p.text, here)
        resolved = [resolver.resolve(b, here) for b in p.bullets]
        p.bullets, p.bullet_refs = [t for t, _ in resolved], [r for _, r in resolved]
    return paragraphs


def number_article(leden: list[Lid]) -> None:
    """Leden 1, 2, … (none for a single lid); the units within each element 1, 2, … ("a", "1°" when shown)."""
    for i, lid in enumerate(leden, 1):
        lid.number = i if len(leden) > 1 else None
    for element in walk(leden):
        for i, child in enumerate(element.unit.children, 1):
            child.number = i


def build_articles(
    library: ClauseLibrary,
    choices: Choices,
    numbers: Mapping[str, int | str] | None = None,
    toelichting: bool = True,
) -> tuple[list[Article], dict[str, Any], Resolver]:
    """Render, number and resolve the articles; `numbers` (label -> "12a") overrides 1..N.

    Without `toelichting` the articles' explanations are not rendered (compare reads only the rules).
    """
    specs = select(library, choices)
    law = library.law.in_force(choices.peildatum)
    context = _context(library, choices, {s.label for s in specs}, law)
    requirements = library.requirements_for(law)

    articles: list[Article] = []
    toelichting_raw: dict[str, str] = {}
    for position, spec in enumerate(specs, 1):
        leden = parse_structure(_render_block(spec, "artikel", context), str(spec.path))
        number_article(leden)
        number = numbers[spec.label] if numbers is not None else position
        articles.append(
            Article(
                spec.label,
                number,
                spec.title,
                spec.chapter,
                _basis(library.env, spec, law, choices),
                list(spec.choices),
                [r.id for r in requirements if spec.label in r.articles],
                leden,
                [],
            )
        )
        if toelichting:
            toelichting_raw[spec.label] = _render_block(spec, "toelichting", context)

    resolver = Resolver(articles, library)
    for article in articles:
        try:
            for element in article.elements():
                # Onderdelen continue the sentence of their lid.
                text, refs = resolver.resolve(element.text, article, element.lid, opens_sentence=element.depth == 0)
                element.unit.text, element.unit.refs, element.unit.marks = take_marks(text, refs)
            if toelichting:
                article.toelichting = resolve_paragraphs(resolver, toelichting_raw[article.label], article)
        except BuildError as exc:
            raise BuildError(f"{library.spec(article.label).path}: {exc}") from exc
    return articles, context, resolver


def assemble(choices: Choices, library: ClauseLibrary | None = None, toelichting: bool = True) -> Ordinance:
    """The ordinance for these choices; `toelichting=False` leaves the explanations out (for compare)."""
    library = library or load_library()
    articles, context, resolver = build_articles(library, choices, toelichting=toelichting)

    chapters = []
    for spec in library.chapters:
        members = [a for a in articles if a.chapter == spec.key]
        if members:
            chapters.append(Chapter(spec.key, len(chapters) + 1, spec.title, spec.vng, members))

    def plain(template_name: str, template: Any) -> str:
        try:
            text = bounded_join(template.generate(**context))
        except BuildError as exc:
            raise BuildError(f"{template_name}: {exc}") from exc
        except TemplateError as exc:
            raise BuildError(f"{template_name}: fout in de modelbepaling: {exc}") from exc
        return text

    aanhef = [
        resolver.resolve(unmarked(restore(line.strip())), None)[0]
        for line in plain("aanhef.j2", library.aanhef).splitlines()
        if line.strip()
    ]
    general = (
        resolve_paragraphs(resolver, plain("toelichting_algemeen.j2", library.toelichting_algemeen), None)
        if toelichting
        else []
    )
    return Ordinance(
        choices=choices,
        law=library.law.in_force(choices.peildatum),
        library=library.root,
        slug=municipality_by_name(choices.gemeente).slug,
        citeertitel=choices.citeertitel,
        aanhef=aanhef,
        chapters=chapters,
        toelichting_algemeen=general,
        ondertekening=texts.ondertekening(
            library, choices.gemeente, choices.vaststelling.datum, choices.status == "vastgesteld"
        ),
        option_names=option_names(library),
    )


def option_names(library: ClauseLibrary) -> dict[str, str]:
    """The names the clause library gives the options of a choice, as they read within a sentence
    (kwaliteitseisen.yaml: in_zin, else naam)."""
    return {
        str(key): str(entry.get("in_zin") or entry.get("naam", key))
        for key, entry in (library.kwaliteitseisen or {}).items()
    }
