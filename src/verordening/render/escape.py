"""Escaping user text for the output formats: text is data, never markup."""

from __future__ import annotations

import re
from html import escape as _html_escape

from verordening.engine.textfilters import typeset

_MARKDOWN_SPECIAL = re.compile(
    r"([\\`*_\[\]<>|#&~])"
)  # & and ~ too: "&lt;" stays literal, "~~x~~" is no strike-through (GFM)


def markdown(text: str) -> str:
    """CommonMark: every character that could start markup gets a backslash; the apostrophe typographic,
    hyphens left plain (Markdown is pasted into a CMS, whose search and fonts expect "-")."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", typeset(text, hyphens=False))


def html(text: object) -> str:
    """Text as HTML text or attribute value, exactly as given (form fields, identifiers)."""
    return _html_escape(str(text), quote=True)


def typeset_html(text: object) -> str:
    """Text of a document shown in HTML, typeset (textfilters.typeset) and escaped."""
    return html(typeset(str(text)))
