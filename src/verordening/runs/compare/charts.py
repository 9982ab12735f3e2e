"""Inline SVG bar charts: per question, how many municipalities chose each option."""

from __future__ import annotations

from verordening.render.escape import html as h
from verordening.runs.compare.columns import Question, duration_tone

WIDTH = 480
LABEL = 185  # room for the option's words
BAR = 210
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
    """A figure with one horizontal bar per option; the numbers are in the picture and its label."""
    counts = question.counts
    most = max((n for _, n in counts), default=0) or 1
    height = ROW * len(counts) + 4
    label = "; ".join(f"{option}: {n}" for option, n in counts)
    out = [
        f'<figure class="grafiek"><figcaption>{h(question.title)}</figcaption>',
        f'<svg viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{h(question.title)}: {h(label)}">',
    ]
    for i, (option, n) in enumerate(counts):
        y = 2 + i * ROW
        width = round(BAR * n / most, 1)
        share = f"{n / total:.0%}".replace(".", ",") if total else "0%"
        out.append(
            f'<text x="{LABEL - 8}" y="{y + 16}" text-anchor="end">{h(option)}</text>'
            f'<rect class="staaf {_tone(question, option)}" x="{LABEL}" y="{y + 3}" width="{width}" height="{ROW - 6}"/>'
            f'<text x="{LABEL + width + 6}" y="{y + 16}">{n} ({share})</text>'
        )
    out.append("</svg>")
    if question.note:
        out.append(f"<p>{h(question.note)}</p>")
    out.append("</figure>")
    return "".join(out)
