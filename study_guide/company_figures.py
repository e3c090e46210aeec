"""Company-scale figures in data text: sourced, or marked as the writer's assumption.

A candidate repeats what the guide says, so "600 M listeners" must either be a figure the guide
takes from a source (company.yaml or a role's key_figures, each cited) or be marked as an
assumption. What counts:

- a *company-scale figure*: a number of at least a million followed (within two words) by what a
  company counts: users, listeners, subscribers, tracks, podcasts, episodes, shows, playlists,
  artists, creators, audiobooks, accounts, followers, profiles, MAU/DAU ("100 M tracks",
  "600 million monthly listeners", "20 M concurrent listeners"); a figure followed by "per arm"
  is a sample size, checked elsewhere (tests/test_statistics.py);
- *sourced*: the same value appears in company.yaml or in a role's key_figures;
- *marked*: its paragraph, or the first paragraph of the field, says so: "assume", "assumption",
  "(mine)", "my number", "my own", "hypothetical", "illustration", "suppose", "imagine", "what if",
  "say"; or an earlier sentence of the field says all figures are assumptions or illustrative; or
  the question's estimate has an input with that value marked `assumption: true`.

What it does not catch: smaller figures (team sizes, a 30-track playlist, 10,000 listeners in a
test), figures written in words, dates, and a marker that sits in the paragraph but speaks of
another figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .model import Estimate, Guide

COMPANY_SCALE = 1_000_000
_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9}
_NOUNS = (
    r"(?:(?:monthly|daily|weekly|active|paying|premium|free|new|eligible|podcast|music|listener|user)\s+)*"
    r"(?:users?|listeners?|subscribers?|subscriptions?|tracks?|songs?|podcasts?|episodes?|shows?|playlists?|"
    r"artists?|creators?|audiobooks?|MAUs?|DAUs?|accounts?|followers?|profiles?)"
)
_FIGURE = re.compile(
    r"(?<![\w.$])(?P<digits>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(?P<scale>k|K|M|B|bn|thousand|million|billion)?\+?"
    r"(?:[\s-]+[a-z-]+){0,2}?[\s-]+" + _NOUNS + r"\b(?!\s+per\s+arm)"
)
_ANY_NUMBER = re.compile(
    r"(?<![\w.])(?P<digits>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(?P<scale>k|K|M|B|bn|thousand|million|billion)?(?![a-z])"
)
MARKER = re.compile(
    r"assum|\(mine\)|my number|my own|hypothetical|illustrat|suppose|imagine|what if|\bsay\b", re.IGNORECASE
)

# "All figures are my illustrative assumptions" marks every figure after it in the field.
_BLANKET = re.compile(r"\ball (?:the )?figures\b[^.]*?(?:assum|illustrat)", re.IGNORECASE)


@dataclass(frozen=True)
class Found:
    text: str  # the figure as written, e.g. "600 M listeners"
    value: float


def _value(match: re.Match) -> float:
    scale = match.group("scale")
    return float(match.group("digits").replace(",", "")) * (_SCALES[scale.lower()] if scale else 1.0)


def company_figures(text: str) -> Iterator[tuple[Found, int]]:
    """Each company-scale figure in the text, with where it starts."""
    for match in _FIGURE.finditer(text):
        value = _value(match)
        if value >= COMPANY_SCALE:
            yield Found(" ".join(match.group(0).split()), value), match.start()


def numbers(text: str) -> set[float]:
    """Every number in the text, scaled ('12M' -> 12,000,000)."""
    return {_value(match) for match in _ANY_NUMBER.finditer(text)}


def sourced(guide: Guide) -> set[float]:
    """The figures the guide takes from its sources: company.yaml's text and each role's key_figures."""
    from .crossref import walk  # crossref imports this module; walk lives there

    values: set[float] = set()
    for _, item in walk(guide.company):
        for name in type(item).model_fields:
            value = getattr(item, name)
            for text in value if isinstance(value, list) else [value]:
                if isinstance(text, str):
                    values |= numbers(text)
    for role in guide.roles:
        for figure in role.key_figures:
            if figure.sources:
                values |= numbers(f"{figure.value} {figure.context}")
    return values


def marked(text: str, start: int) -> bool:
    """The figure's paragraph, or the field's first paragraph, marks it as an assumption."""
    before = text.rfind("\n\n", 0, start)
    after = text.find("\n\n", start)
    paragraph = text[before + 1 if before >= 0 else 0 : after if after >= 0 else len(text)]
    first = text.split("\n\n", 1)[0]
    return bool(MARKER.search(paragraph) or MARKER.search(first) or _BLANKET.search(text, 0, start))


def assumed_in(estimate: Estimate | None) -> set[float]:
    """Values a question's estimate gives as assumptions (counts, in the unit written)."""
    if estimate is None:
        return set()
    return {float(item.value) for item in estimate.inputs if item.assumption}
