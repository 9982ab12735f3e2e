"""Ordinance -> one self-contained HTML page for reviewing a draft (no scripts, no external requests).

Built from the document model, every text escaped: leden, onderdelen and toelichting paragraphs
become lists and paragraphs directly (no Markdown in between). References to articles of this
ordinance become links exactly where the engine wrote them (document.Ref); a reference to an
article of a law ("artikel 10, derde lid") stays text.
"""

from __future__ import annotations

from verordening.engine import choice_notes
from verordening.engine.checklist import Checklist
from verordening.engine.document import Article, Mark, Ordinance, Paragraph, Ref
from verordening.engine.library import load_library
from verordening.render import checklist as render_checklist
from verordening.render import escape
from verordening.render.escape import typeset_html as html  # document text: typeset


def linked(text: str, refs: list[Ref], marks: list[Mark] | None = None, mark_title: str = "") -> str:
    """`text` escaped, with each reference the engine located (document.Ref) as a link to its article and each
    chosen value (document.Mark) in <mark>; a piece that is both is a link inside a mark."""
    marks = marks or []
    cuts = sorted({0, len(text), *(i for s, e, _ in refs for i in (s, e)), *(i for s, e in marks for i in (s, e))})
    title = f' title="{html(mark_title)}"' if mark_title else ""
    out = []
    for start, end in zip(cuts, cuts[1:]):
        piece = html(text[start:end])
        number = next((n for s, e, n in refs if s <= start and end <= e), None)
        if number is not None:
            piece = f'<a href="#artikel-{number}">{piece}</a>'
        if any(s <= start and end <= e for s, e in marks):
            piece = f'<mark class="keuze"{title}>{piece}</mark>'
        out.append(piece)
    return "".join(out)


def article_body(article: Article, mark_title: str = "") -> str:
    """Leden as an ordered list (a single lid as a paragraph), onderdelen and subonderdelen as nested lists
    whose items carry their own letter or number, as the ordinance prints them; chosen values marked."""
    numbered = len(article.leden) > 1

    def close_item(depth: int) -> str:
        return "</li>\n" if depth or numbered else ""

    out = ["<ol>\n"] if numbered else []
    previous = -1  # depth of the element written last
    for e in article.elements():
        text = linked(e.text, e.unit.refs, e.unit.marks, mark_title)
        if e.depth > previous:
            if e.depth:  # one level deeper: a list opens (inside the item above, after its text)
                out.append(("\n" if previous else "") + "<ul>\n")
        else:
            out += [close_item(level) + "</ul>\n" for level in range(previous, e.depth, -1)]
            out.append(close_item(e.depth))
        if e.depth:
            out.append(f"<li>{e.numeral} {text}")
        elif numbered:
            out.append(f"<li>\n<p>{text}</p>\n")
        elif e.text:
            out.append(f"<p>{text}</p>\n")
        previous = e.depth
    out += [close_item(level) + "</ul>\n" for level in range(previous, 0, -1)]
    if previous >= 0:
        out.append(close_item(0))
    return "".join(out) + ("</ol>\n" if numbered else "")


def paragraphs_html(paragraphs: list[Paragraph]) -> str:
    """Toelichting paragraphs; a paragraph of bullets as a list."""
    out = []
    for p in paragraphs:
        if p.bullets:
            refs = p.bullet_refs or [[] for _ in p.bullets]
            out.append("<ul>\n" + "".join(f"<li>{linked(b, r)}</li>\n" for b, r in zip(p.bullets, refs)) + "</ul>\n")
        else:
            out.append(f"<p>{linked(p.text, p.refs)}</p>\n")
    return "".join(out)


STATUS_CLASS = ' class="status"'


class _Page:
    def __init__(self, ordinance: Ordinance, checklist: Checklist):
        self.o = ordinance
        self.checklist = checklist
        self.t = choice_notes.texts(ordinance)
        self.omitted = choice_notes.omissions(ordinance)

    def render(self) -> str:
        o = self.o
        parts = [
            "<!doctype html>",
            '<html lang="nl">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            # Forbid every external or scripted resource, whatever ends up in the page.
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
            f"<title>{escape.html(o.citeertitel)} (concept)</title>",  # straight: history and bookmarks search it
            f"<style>{CSS}</style>",
            "</head>",
            "<body>",
            '<header class="top">',
            '<p class="kicker">Concept ter bespreking: geen vastgestelde tekst</p>',
            f"<h1>{html(o.citeertitel)}</h1>",
            f'<p class="skip"><a href="#tekst">{html(self.t("naar_de_tekst"))}</a></p>',
            "</header>",
            '<div class="layout">',
            self.toc(),
            "<main>",
            self.checks(),
            f'<h2 id="tekst" class="ontwerp">{html(self.t("kop_ontwerp"))}</h2>',
            self.aanhef(),
            *[self.chapter(c) for c in o.chapters],
            self.signature(),
            self.toelichting(),
            "</main>",
            "</div>",
            "</body>",
            "</html>",
        ]
        return "\n".join(parts) + "\n"

    def toc(self) -> str:
        """The table of contents, folded (<details>) above the text on a small screen; on a wide one it stands
        open beside the text (the CSS shows a closed <details>' content there)."""
        items = []
        for chapter in self.o.chapters:
            arts = "".join(f'<li><a href="#artikel-{a.number}">{html(a.heading)}</a></li>' for a in chapter.articles)
            items.append(f'<li><a href="#hoofdstuk-{chapter.number}">{html(chapter.heading)}</a><ol>{arts}</ol></li>')
        links = (
            "<ol>"
            '<li><a href="#controle">Controle wettelijke vereisten</a></li>'
            f'<li><a href="#tekst">{html(self.t("kop_ontwerp"))}</a></li>'
            + "".join(items)
            + '<li><a href="#toelichting">Toelichting</a></li></ol>'
        )
        return f'<nav class="toc" aria-label="Inhoudsopgave"><details><summary>Inhoud</summary>{links}</details></nav>'

    def checks(self) -> str:
        c = self.checklist
        say = load_library(self.o.library).checklist_texts
        values = {"citeertitel": self.o.citeertitel, "wet": c.law.view(), "peildatum": c.peildatum}
        columns = say.words("kolommen")
        rows = []
        for r in c.vereisten:
            arts = ", ".join(f'<a href="#artikel-{n}">{n}</a>' for n in r.articles) or "–"
            cells = (html(r.citation), html(r.summary), arts, f"<span>{r.status}</span>", html(r.reason))
            tds = "".join(
                f'<td data-label="{html(label)}"{STATUS_CLASS if i == 3 else ""}>{cell}</td>'
                for i, (label, cell) in enumerate(zip(columns, cells))
            )
            rows.append(f'<tr class="{"met" if r.met else "unmet"}">{tds}</tr>')
        procedure = "".join(
            f'<li class="{p.status}"><span class="citation">{html(p.citation)}</span>: {html(p.status.replace("_", " "))}. '
            f"{html(p.reason)}</li>"
            for p in c.procedure
        )
        return (
            '<section id="controle" class="checks">'
            f"<h2>{html(say('kop_vereisten', **values))}</h2>"
            f"<p>{html(say('inleiding', **values))}</p>"
            f'<p class="summary {"met" if c.all_met else "unmet"}">{html(render_checklist.summary(c, self.o))}</p>'
            "<table><thead><tr>" + "".join(f'<th scope="col">{html(col)}</th>' for col in columns) + "</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>"
            f'<h3>{html(say("kop_procedure", **values))}</h3><ul class="procedure">{procedure}</ul></section>'
        )

    def aanhef(self) -> str:
        lines = "".join(f"<p>{html(line)}</p>" for line in self.o.aanhef)
        return f'<section id="aanhef" class="aanhef">{lines}</section>'

    def chapter(self, chapter) -> str:
        articles = self.ghosts(chapter.key, None) + "".join(
            self.article(a) + self.ghosts(chapter.key, a.label) for a in chapter.articles
        )
        return (
            f'<section class="chapter" id="hoofdstuk-{chapter.number}">'
            f"<h2>{html(chapter.heading)}</h2>{articles}</section>"
        )

    def article(self, article: Article) -> str:
        t = self.t
        body = article_body(article, t("gekozen"))
        choices = "".join(self.choice(n) for n in choice_notes.notes(self.o, article.choices))
        choice_block = (
            f'<dl class="choices">{choices}</dl>' if choices else f'<p class="none">{html(t("geen_keuzes"))}</p>'
        )
        return (
            f'<article class="article" id="artikel-{article.number}">'
            f'<div class="text"><h3><a class="self" href="#artikel-{article.number}">{html(article.heading)}</a></h3>'
            f"{body}</div>"
            f'<aside class="shaped" aria-label="Keuzes bij artikel {article.number}">'
            f"<h4>{html(t('kop_keuzes'))}</h4>{choice_block}"
            f'<p class="basis"><span>Grondslag:</span> {html(article.basis)}</p>'
            f'<p><a href="#toelichting-artikel-{article.number}">Toelichting bij dit artikel</a></p>'
            "</aside></article>"
        )

    def choice(self, note: choice_notes.Note) -> str:
        """A choice beside its article: its Dutch title, its value in words, what else was possible."""
        return (
            f'<div data-sleutel="{html(note.key)}"><dt>{html(note.title)}</dt><dd>{html(note.value)}</dd>'
            f'<dd class="alt">{html(choice_notes.origin(self.t, note))}</dd></div>'
        )

    def ghosts(self, chapter: str, after: str | None) -> str:
        """The articles a choice left out, as greyed lines where they would have stood."""
        out = []
        for om in self.omitted:
            if om.chapter == chapter and om.after == after:
                why = self.t("weggelaten_door", keuzes=[f"{n.title}: {n.value}" for n in om.notes])
                out.append(
                    f'<p class="ghost" id="weggelaten-{html(om.label)}"><span>{html(self.t("niet_opgenomen", titel=om.title))}.</span> '
                    f"{html(why)}</p>"
                )
        return "".join(out)

    def signature(self) -> str:
        o = self.o.ondertekening
        signers = "".join(
            f'<div><p>{html(function)}</p><p class="naam">{html(name)}</p></div>' for function, name in o.ondertekenaars
        )
        return f'<section class="signature"><p>{html(o.slotformule)}</p><div class="signers">{signers}</div></section>'

    def paragraphs(self, paragraphs: list[Paragraph]) -> str:
        return paragraphs_html(paragraphs)

    def toelichting(self) -> str:
        per_article = "".join(
            f'<section id="toelichting-artikel-{a.number}"><h4><a href="#artikel-{a.number}">{html(a.heading)}</a></h4>'
            f"{self.paragraphs(a.toelichting)}</section>"
            for a in self.o.articles
        )
        return (
            '<section id="toelichting" class="toelichting"><h2>Toelichting</h2>'
            f"<h3>Algemeen</h3>{self.paragraphs(self.o.toelichting_algemeen)}"
            f"<h3>Artikelsgewijs</h3>{per_article}</section>"
        )


def render(ordinance: Ordinance, checklist: Checklist, options: object = None) -> bytes:
    return _Page(ordinance, checklist).render().encode("utf-8")


CSS = """
:root{--ink:#1b1b1b;--muted:#5a5a5a;--line:#d8d8d8;--accent:#154273;--bg-soft:#f4f6f8;--ok:#1e6b33;--bad:#a4161a}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--ink);background:#fff;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
a{color:var(--accent)}
.top{padding:1.25rem 1rem .75rem;border-bottom:3px solid var(--accent)}
.top h1{margin:.1rem 0 0;font-size:1.45rem;line-height:1.25}
.kicker{margin:0;color:var(--bad);font-weight:600;font-size:.85rem;text-transform:uppercase;letter-spacing:.04em}
.layout{display:block}
main{padding:0 1rem 3rem;min-width:0;overflow-wrap:break-word}
.toc{padding:.5rem 1rem;background:var(--bg-soft);border-bottom:1px solid var(--line);font-size:.92rem}
.toc summary{font-size:1rem;margin:.25rem 0}
.toc ol{list-style:none;margin:0;padding:0}
.toc ol ol{padding-left:1rem;margin:.15rem 0 .5rem}
.toc li{margin:.15rem 0}
.toc a{text-decoration:none}
.toc a:hover,.toc a:focus{text-decoration:underline}
h2{font-size:1.25rem;margin:2rem 0 .75rem}
h3{font-size:1.05rem;margin:0 0 .4rem}
h3 a.self{color:inherit;text-decoration:none}
.checks table{border-collapse:collapse;width:100%;font-size:.9rem}
.checks th,.checks td{border:1px solid var(--line);padding:.4rem .5rem;text-align:left;vertical-align:top}
.checks th{background:var(--bg-soft)}
.checks th:nth-child(1){width:16%}
.checks th:nth-child(2){width:38%}
.checks th:nth-child(3){width:8%}
.checks th:nth-child(4){width:10%}
.status span{font-weight:600;white-space:nowrap}
tr.met .status span{color:var(--ok)}
tr.met .status span::before{content:"\\2713\\00a0"}
tr.unmet .status span{color:var(--bad)}
tr.unmet .status span::before{content:"\\2717\\00a0"}
tr.unmet{background:#fdf1f1}
.summary{padding:.5rem .75rem;border-left:4px solid var(--ok);background:#eef6f0}
.summary.unmet{border-color:var(--bad);background:#fdf1f1}
.aanhef{margin-top:2rem}
.aanhef p{margin:.3rem 0}
.article{padding:1rem 0;border-top:1px solid var(--line);scroll-margin-top:.5rem}
.article .text ol{padding-left:1.6rem;margin:.25rem 0}
.article .text ol>li{padding-left:.2rem}
.article .text ul{list-style:none;padding-left:0;margin:.2rem 0}
.article .text ul>li{text-indent:-1.5rem;padding-left:1.5rem}
.article .text li p{margin:.25rem 0}
.article .text>p{margin:.25rem 0}
.shaped{margin-top:.75rem;padding:.6rem .75rem;background:var(--bg-soft);border-left:3px solid var(--accent);font-size:.86rem}
.shaped h4{margin:0 0 .35rem;font-size:.86rem;text-transform:uppercase;letter-spacing:.03em;color:var(--muted)}
.shaped dl{margin:0}
.shaped dl div{margin:0 0 .35rem}
.shaped dt{overflow-wrap:anywhere}
.shaped dd{margin:0;font-weight:600;overflow-wrap:anywhere}
.shaped dd.alt{font-weight:400;color:var(--muted)}
.shaped p{margin:.35rem 0 0}
.shaped .basis span,.shaped .none{color:var(--muted)}
.signature{margin-top:2rem}
.signers{display:flex;gap:3rem}
.signers p{margin:.3rem 0}
.signers .naam{margin-top:2.5rem;color:var(--muted)}
.toelichting{margin-top:3rem;border-top:3px solid var(--accent)}
.toelichting h4{margin:1.25rem 0 .3rem;font-size:1rem}
section[id^="toelichting-artikel"]{scroll-margin-top:.5rem}
.skip{margin:.4rem 0 0;font-size:.9rem}
.toc summary{cursor:pointer;font-weight:600;padding:.25rem 0}
.toc details[open] summary{margin-bottom:.4rem}
h2.ontwerp{margin-top:2.5rem;padding-top:.75rem;border-top:3px solid var(--accent)}
.article .text,.aanhef,.signature,.toelichting p,.toelichting ul,.checks>p{max-width:70ch}
mark.keuze{background:#fff1a8;color:inherit;padding:0 .1em;border-radius:2px}
.article:target .text h3{background:var(--bg-soft);box-shadow:-.5rem 0 0 var(--accent)}
.ghost{margin:0;padding:.55rem 0;border-top:1px dashed var(--line);color:var(--muted);font-size:.88rem;max-width:70ch}
.ghost span{font-weight:600}
@media (max-width:700px){
  .checks table,.checks tbody,.checks tr,.checks td{display:block;width:100%}
  .checks thead{display:none}
  .checks tr{border:1px solid var(--line);margin:0 0 .75rem;padding:.25rem 0}
  .checks td{border:0;padding:.2rem .6rem}
  .checks td::before{content:attr(data-label);display:block;font-size:.75rem;color:var(--muted);text-transform:uppercase;letter-spacing:.03em}
}
@media (min-width:960px){
  .layout{display:grid;grid-template-columns:17rem minmax(0,1fr)}
  .toc details::details-content{content-visibility:visible;display:block}
  .toc summary{cursor:default;pointer-events:none;list-style:none;margin-bottom:.4rem}
  .toc summary::-webkit-details-marker{display:none}
  .toc{position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto;border-bottom:0;border-right:1px solid var(--line);padding:1rem}
  main{padding:0 2rem 4rem;max-width:72rem}
  .top{padding:1.5rem 2rem 1rem}
}
@media (min-width:1200px){
  .article{display:grid;grid-template-columns:minmax(0,70ch) 18rem;gap:2rem}
  .shaped{margin-top:0;align-self:start}
}
@page{size:A4;margin:2cm 2.2cm 2.2cm;@bottom-right{content:"pagina " counter(page) " van " counter(pages);font:8pt Arial,sans-serif;color:#555}}
@media print{
  body{font:10pt/1.4 Arial,"Liberation Sans",sans-serif;orphans:3;widows:3}
  a{color:inherit;text-decoration:none}
  .toc{display:none}
  .layout,main,.article{display:block;max-width:none;padding:0}
  .top{padding:0 0 .4rem;border-bottom-width:2px}
  .top h1{font-size:15pt}
  main{display:flex;flex-direction:column}
  .checks{order:1;break-before:page}
  .checks table{font-size:9pt}
  .checks tr{break-inside:avoid}
  h2,h3,h4{break-after:avoid}
  h2{font-size:12pt;margin:1.2rem 0 .4rem}
  h3{font-size:10pt;margin:0 0 .2rem}
  .aanhef{margin-top:1rem}
  .article{border-top:0;padding:.5rem 0 0}
  .article .text ul>li,.article .text ol>li:not(:has(ul)),.article .text>p{break-inside:avoid}
  .article .text li>p:has(+ul),.article .text>p:has(+ul){break-after:avoid}
  .shaped{margin:.25rem 0 0 1.6rem;padding:.1rem .5rem;background:none;border-left:2px solid #999;font-size:8pt;break-inside:avoid}
  .shaped h4{display:inline;font-size:8pt;margin:0 .3rem 0 0}
  .shaped:has(.none),.shaped .key,.shaped p:last-child{display:none}
  .shaped dl,.shaped dl div,.shaped dt,.shaped dd{display:inline;margin:0}
  .shaped dt::after{content:": "}
  .shaped dl div:not(:last-child)::after{content:"; "}
  .shaped p.basis{margin:0}
  .signature{break-inside:avoid}
  .toelichting{break-before:page;margin-top:0;border-top:0}
}
@media print{.shaped dd.alt::before{content:" ("}.shaped dd.alt::after{content:")"}.ghost{break-inside:avoid}mark.keuze{background:none;border-bottom:1.5px solid #b58900}}
"""
