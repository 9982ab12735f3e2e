"""Free-text payloads (attack report, area 5): markup, template code and structure markers stay literal text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

from .corpus import BASE, Case

PAYLOADS = {
    "md heading": "# Kop",
    "md link": "[klik](http://attacker.invalid)",
    "md image": "![x](http://attacker.invalid/x.png)",
    "autolink": "<http://attacker.invalid>",
    "bare url": "http://attacker.invalid/pad",
    "script": "<script>alert(1)</script>",
    "img onerror": '<img src=x onerror="alert(1)">',
    "b onmouseover": '<b onmouseover="alert(1)">vet</b>',
    "javascript url": "[x](javascript:alert(1))",
    "docx xml": "</w:t></w:r></w:p><w:p><w:r><w:t>ingevoegd",
    "jinja expression": "{{ 7*7 }}",
    "jinja statement": "{% for x in range(3) %}x{% endfor %}",
    "shell expansion": "${HOME} $(id)",
    "html comment": "<!-- verborgen -->",
    "html entities": "&lt;b&gt; &amp; &#x41;",
    "table pipes": "a | b | c",
    "emphasis": "*schuin* __vet__ ~~weg~~",
    "lid marker": "[lid] nieuw lid",
    "onderdeel marker": "[onderdeel:x] nieuw onderdeel",
    "reference forgery": "[lid:a] zie artikel 99",
    "long word": "x" * 190,
    "quotes and backslashes": "'\"\\\\ \\\" '",
    "csv formula": '=HYPERLINK("http://attacker.invalid")',
    "plus formula": "+cmd|' /C calc'!A0",
    "at formula": "@SUM(1+1)",
    "fullwidth formula": "＝1+1",
}


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _file(payload: str, branch: str) -> str:
    text = BASE.replace('"RV-2023-041"', _q(payload[:190])).replace(
        '"Re-integratieverordening Participatiewet Nijkerk 2015"', _q(payload[:190])
    )
    text = text.replace('"de jobcoach heeft een afgeronde opleiding tot jobcoach"', _q(payload))
    if branch == "afgezien":
        text = text.replace(
            '  naam: "Sociaaldomeinraad"\n  advies_gevraagd: 2023-04-03\n  advies_ontvangen: 2023-05-01\n',
            f"  afgezien: {_q(payload)}\n",
        )
    else:
        text = text.replace('"Sociaaldomeinraad"', _q(payload[:190]))
    return text


class _Markup(HTMLParser):
    """Elements and attributes that user text could have smuggled into the page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("img", "iframe", "object", "embed"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            value = (value or "").lower()
            if name.startswith("on") or "javascript:" in value or "attacker.invalid" in value:
                self.found.append(f"{tag} {name}={value[:40]}")


def _literal(payload: str):
    def after(tmp: Path) -> list[str]:
        folder = tmp / "uit" / "nijkerk"
        if not (folder / "nijkerk.html").is_file():
            return ["niet gebouwd"]
        html = (folder / "nijkerk.html").read_text(encoding="utf-8")
        parser = _Markup()
        parser.feed(html)
        problems = [f"opmaak uit vrije tekst in de HTML: {m}" for m in parser.found]
        if "alert(1)</script>" in html:
            problems.append("script uit vrije tekst in de HTML")
        if "{{ 7*7 }}" in payload and "{{ 7*7 }}" not in html:
            problems.append("Jinja in vrije tekst is uitgevoerd")
        json.loads((folder / "checklist.json").read_text(encoding="utf-8"))
        return problems

    return after


def cases() -> Iterator[Case]:
    for name, payload in PAYLOADS.items():
        for branch in ("afgezien", "naam"):

            def prepare(tmp: Path, payload: str = payload, branch: str = branch) -> list[str]:
                path = tmp / "nijkerk.yaml"
                path.write_text(_file(payload, branch), encoding="utf-8")
                return ["build", str(path), "--out", str(tmp / "uit")]

            yield Case("vrije tekst", f"{name} ({branch})", prepare, 0, after=_literal(payload))
