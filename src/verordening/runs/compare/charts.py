"""Inline SVG bar charts: per question, how many municipalities chose each option."""

from __future__ import annotations

from verordening.render.escape import html as h
from verordening.runs.compare.columns import Question, duration_tone

WIDTH = 480
LABEL = 185  # room for the option's words
BAR = 210
LABEL_CHARS = 24  # longer options go above their bar
ROW = 24

# The tone of a bar: the same colours as the map and the matrix. Blue and orange are verdicts, so
# only the OVAL questions (and durations, measured against OVAL's two years) use them.
VERDICT_TONES = {
    "voldaan": "ja",
    "niet voldaan": "nee",
    "3 van 3": "s3",
    "2 van 3": "s2",
    "1 van 3": "s1",
    "0 van 3": "s0",
}


def _tone(question: Question, option: str) -> str:
    if question.key in ("totaal", "basis") and option.split()[0].isdigit():
        return duration_tone(int(option.split()[0]))
    if question.key == "kwaliteitseisen" and option == "geen eisen":
        return "nee"
    return VERDICT_TONES.get(option, "neutraal")


def bar_chart(question: Question, total: int) -> str:
    """A figure with one horizontal bar per option; the numbers are in the picture and its label.

    Short options stand left of their bar; when one is too long for that (more than LABEL_CHARS),
    every option stands on its own line above its bar, so no word is ever cut off.
    """
    counts = question.counts
    most = max((n for _, n in counts), default=0) or 1
    stacked = any(len(option) > LABEL_CHARS for option, _ in counts)
    row, left, bar = (ROW + 16, 0, BAR + LABEL - 60) if stacked else (ROW, LABEL, BAR)
    height = row * len(counts) + 4
    label = "; ".join(f"{option}: {n}" for option, n in counts)
    out = [
        f'<figure class="grafiek"><figcaption>{h(question.title)}</figcaption>',
        f'<svg viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{h(question.title)}: {h(label)}">',
    ]
    for i, (option, n) in enumerate(counts):
        y = 2 + i * row
        width = round(bar * n / most, 1)
        share = f"{n / total:.0%}".replace(".", ",") if total else "0%"
        text = (
            f'<text x="0" y="{y + 13}">{h(option)}</text>'
            if stacked
            else f'<text x="{left - 8}" y="{y + 16}" text-anchor="end">{h(option)}</text>'
        )
        top = y + 18 if stacked else y + 3
        out.append(
            text
            + f'<rect class="staaf {_tone(question, option)}" x="{left}" y="{top}" width="{width}" height="{ROW - 6}"/>'
            f'<text x="{left + width + 6}" y="{top + 13}">{n} ({share})</text>'
        )
    out.append("</svg>")
    if question.note:
        out.append(f"<p>{h(question.note)}</p>")
    out.append("</figure>")
    return "".join(out)
