"""The Participatiewet as the clause library knows it, as Markdown (docs/wettekst.md).

The first version with every provision the ordinance rests on; each later version with what
changed and the articles whose text differs from the version before. Generated, never edited.
"""

from __future__ import annotations

from verordening.engine.law import ArtikelFile, Law, LawVersion
from verordening.engine.textfilters import datum
from verordening.render.escape import markdown as escape


def _article(a: ArtikelFile) -> list[str]:
    heading = f"Artikel {a.nummer}" + (f". {a.opschrift}" if a.opschrift else "")
    out = [f"### {escape(heading)}", "", f"<{a.url}>" + (f" ({escape(a.uittreksel)})" if a.uittreksel else ""), ""]
    if a.vervallen:
        return out + ["*Vervallen.*", ""]
    for lid in a.leden:
        prefix = f"{lid.nummer}. " if lid.nummer else ""
        out.append(escape(prefix + lid.tekst))
        for o in lid.onderdelen:
            out.append(f"- {escape(o.letter)}. {escape(o.tekst)}")
            out += [f"    - {escape(s.nummer)} {escape(s.tekst)}" for s in o.sub]
            if o.slot:
                out.append(f"  {escape(o.slot)}")
        if lid.slot:
            out.append(escape(lid.slot))
        out.append("")
    return out


def _version(version: LawVersion, previous: LawVersion | None) -> list[str]:
    out = [f"## {escape(version.name)}, geldig vanaf {datum(version.valid_from)}", "", f"Bron: <{version.source}>", ""]
    for change in version.changes:
        cited = f" ({escape(change.cited())})" if change.cited() else ""
        out += [f"- Artikelen {escape(', '.join(change.articles))}{cited}: {escape(change.summary)}"]
    if version.changes:
        out.append("")
    changed = [
        a
        for number, a in version.articles.items()
        if previous is None or number not in previous.articles or _text(previous.articles[number]) != _text(a)
    ]
    if previous is not None:
        out += [f"Artikelen waarvan de tekst anders luidt dan vanaf {datum(previous.valid_from)}:", ""]
    for a in changed:
        out += _article(a)
    return out


def _text(a: ArtikelFile) -> object:
    return (a.vervallen, [lid.model_dump() for lid in a.leden])


def render(law: Law) -> str:
    out = [
        "# De Participatiewet per versie",
        "",
        "Gegenereerd uit `src/verordening/model_clauses/wet/participatiewet/` (niet met de hand bewerken; "
        "`UPDATE_GOLDEN=1 python -m pytest tests/test_law_docs.py` maakt het opnieuw). De eerste versie bevat "
        "alle bepalingen waarop de verordening berust; elke latere versie de artikelen waarvan de tekst is gewijzigd.",
        "",
    ]
    previous = None
    for version in law.versions:
        out += _version(version, previous)
        previous = version
    return "\n".join(out).rstrip() + "\n"
