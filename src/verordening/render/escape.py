"""Escaping user text for the output formats: text is data, never markup."""

from __future__ import annotations

import re
from html import escape as _html_escape

_MARKDOWN_SPECIAL = re.compile(
    r"([\\`*_\[\]<>|#&~])"
)  # & and ~ too: "&lt;" stays literal, "~~x~~" is no strike-through (GFM)


def markdown(text: str) -> str:
    """CommonMark: every character that could start markup gets a backslash."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def html(text: object) -> str:
    return _html_escape(str(text), quote=True)
