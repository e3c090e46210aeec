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
test), figures written in words, and a marker that sits in the paragraph but speaks of another
figure. Company dates and statements attributed to Spotify have their own rules, below.
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


# --- Company dates --------------------------------------------------------------------------------
#
# A year in a sentence about the company ("Spotify has worked remotely since 2021", "Discover Weekly
# launched in 2015") must be one company.yaml, a role's key_figures or compensation, or a source's own
# date (sources.yaml) gives, cited by the text's own item or an item above it, or be marked as an
# assumption the way a company figure is. What counts:
#
# - a *year*: 1900-2099 standing alone (not "2,000", "2000.5", "2025-01-03", "$2000", "2000 ms"),
#   and either after a date word ("in", "since", "from", "by", "until", "of", "early", "mid", a month,
#   "Q3", "(") or not followed by a word ("2000 tracks" is a count, "in 2021 Spotify" a year);
# - *about the company*: its sentence names Spotify, one of its products or programmes (Discover
#   Weekly, Release Radar, Daily Mix, AI Playlists, DJ, Wrapped, Premium, Work From Anywhere, Bands,
#   the squad model) or a company event (founded, IPO, went public, acquired, acquisition);
# - not a retrieval date: a sentence saying when something was retrieved, accessed or checked is left
#   alone; neither are "in 2 years" or "2–5 weeks" (not years).
#
# Not caught: a year in a sentence that names the company only in the sentence before ("Spotify
# launched it. That was 2023."), a year written in words or as "'21", a year followed by a
# lower-case word with no date word before it ("2021 was when Spotify ..."), and relative dates
# ("last year", "two years ago").

_YEAR = re.compile(r"(?<![\w$€£.,/:-])(?P<year>(?:19|20)\d\d)(?![\w]|[,.]\d|[-/–]\d|\s?(?:%|ms\b|[kKMB]\b))")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE_BEFORE = re.compile(
    r"(?:\b(?:in|since|from|by|until|till|before|after|of|early|late|mid|during|around|circa|year|dated|"
    rf"as of|founded|launched|{_MONTHS}|Q[1-4]|FY)|\()[\s-]*$",
    re.IGNORECASE,
)
COMPANY_WORDS = re.compile(
    r"Spotify|Discover Weekly|Release Radar|Daily Mix|AI Playlists?|\bDJ\b|\bWrapped\b|\bPremium\b|"
    r"Work From Anywhere|\bBands?\b|squad model|\bfounded\b|\bIPO\b|went public|\bacqui(?:red|sition)",
)
_RETRIEVAL = re.compile(r"retriev|accessed|checked on|visited on|downloaded on", re.IGNORECASE)


def sentence_at(text: str, start: int) -> str:
    """The sentence (or list item, or paragraph line run) around `start`."""
    ends = [m.end() for m in re.finditer(r"[.!?][\"')*]*\s+|\n\s*\n|\n\s*[-*] ", text[:start])]
    begin = ends[-1] if ends else 0
    after = re.search(r"[.!?][\"')*]*(?:\s|$)|\n\s*\n|\n\s*[-*] ", text[start:])
    return text[begin : start + after.end() if after else len(text)]


def years(text: str) -> Iterator[tuple[int, int]]:
    """Each year in the text, with where it starts."""
    for match in _YEAR.finditer(text):
        before = text[max(0, match.start() - 24) : match.start()]
        after = text[match.end() : match.end() + 24]
        if _DATE_BEFORE.search(before) or not re.match(r"\s+[a-z]", after):
            yield int(match.group("year")), match.start()


def company_years(text: str) -> Iterator[tuple[int, int]]:
    """Each year in the text that dates something about the company, with where it starts."""
    for year, start in years(text):
        sentence = sentence_at(text, start)
        if COMPANY_WORDS.search(sentence) and not _RETRIEVAL.search(sentence):
            yield year, start


def sourced_years(guide: Guide) -> dict[int, set[str]]:
    """Each year the guide takes from its sources, with the ids of the sources that give it: years in
    company.yaml (cited by the item that states them, else by the company page), in a role's cited
    key_figures and compensation, and each source's own date and date note."""
    from .crossref import walk

    given: dict[int, set[str]] = {}

    def add(text: str, cited: list[str]) -> None:
        for year, _ in years(text):
            given.setdefault(year, set()).update(cited)

    for _, item in walk(guide.company):
        cited = getattr(item, "sources", None) or guide.company.sources
        for name in type(item).model_fields:
            value = getattr(item, name)
            for text in value if isinstance(value, list) else [value]:
                if isinstance(text, str):
                    add(text, cited)
    for role in guide.roles:
        for figure in role.key_figures:
            add(f"{figure.value} {figure.context}", figure.sources)
        if role.compensation:
            add(f"as of {role.compensation.as_of}", role.compensation.sources)
    # A source's own date or date note names exactly the document that gives the year: it wins over
    # the broader citations of the company page.
    dated: dict[int, set[str]] = {}
    for source in guide.sources:
        for text in (source.date, source.date_note):
            for year, _ in years(f"in {text}" if text else ""):
                dated.setdefault(year, set()).add(source.id)
    return given | dated


# --- Statements attributed to Spotify ------------------------------------------------------------
#
# "Spotify says", "according to Spotify", "in Spotify's words", "Spotify's engineering blog reports",
# "Spotify describes its squads as ...": a statement put in Spotify's mouth must rest on a source that
# is Spotify's own (`publisher_is_spotify: true` in sources.yaml), cited by the text's item or one
# above it, or its sentence must say whose account it is ("the general overview says Spotify ...",
# "as interview guides describe it", "source 001", "write-ups", "my reading").
#
# Not caught: a claim about Spotify with no verb of saying ("Spotify values shipping"), which is the
# guide's own statement from its cited sources; an attribution spread over two sentences; a pronoun
# standing for Spotify ("it says").

_SPOTIFY_CHANNEL = (
    r"(?:engineering blog|blog|newsroom|website|site|careers site|investor \w+|annual report|quarterly report|"
    r"press release|shareholder letter|job (?:posting|description|listing)s?|(?:public )?reporting|report)"
)
_SAYING = (
    r"(?:says|said|states|stated|reports|reported|claims|claimed|describes|described|announced|announces|"
    r"calls|called|notes|noted|explains|explained|confirms|confirmed|tells|told|writes|wrote|publishes|"
    r"published|puts it|has (?:said|stated|reported|described|announced|claimed))\b(?! about)"
)
ATTRIBUTED = re.compile(
    r"(?i:\baccording) to Spotify\b(?:'s\s+\w+(?:\s+\w+)?)?"
    r"|(?i:\bin) Spotify's (?:own )?words\b"
    rf"|\bSpotify(?:'s (?:own )?{_SPOTIFY_CHANNEL})? (?:itself )?{_SAYING}"
)
WHOSE = re.compile(
    r"\bsources?\b|\boverview\b|\bguides?\b|\barticles?\b|topic list|write-?ups?\b|snippet|debrief|"
    r"Levels\.fyi|\(mine\)|\bmy (?:reading|view|assumption|summary)\b|interviewers? (?:say|told)",
    re.IGNORECASE,
)


def attributions(text: str) -> Iterator[tuple[str, int]]:
    """Each statement in the text put in Spotify's mouth whose sentence does not say whose account it is."""
    for match in ATTRIBUTED.finditer(text):
        sentence = sentence_at(text, match.start())
        if not WHOSE.search(sentence):
            yield " ".join(match.group(0).split()), match.start()
