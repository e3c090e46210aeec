"""Company-scale figures are sourced or marked (issue 18, part 4): what the pattern finds and what
marks a figure. The data rule itself has its failing fixture in tests/test_rules.py."""

from __future__ import annotations

import pytest

from study_guide import company_figures
from study_guide.model import Estimate

from .conftest import ROOT


def found(text: str) -> list[str]:
    return [figure.text for figure, _ in company_figures.company_figures(text)]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("about 600 M listener profiles", ["600 M listener profiles"]),
        ("a catalog of 100 million tracks", ["100 million tracks"]),
        ("300 M+ listeners", ["300 M+ listeners"]),
        ("1.5 M listeners per arm", []),  # a sample size: tests/test_statistics.py
        ("a 30-track playlist for 50 listeners", []),  # not company scale
        ("10 TB a day", []),
    ],
)
def test_the_pattern_finds_company_scale_figures(text, figures):
    assert found(text) == figures


@pytest.mark.parametrize(
    ("text", "is_marked"),
    [
        ("We serve 600 M listeners.", False),
        ("Assume 600 M listeners.", True),
        ("First paragraph.\n\nWe serve 600 M listeners (mine).", True),
        ("My assumptions below.\n\nWe serve 600 M listeners.", True),  # the field's first paragraph
        ("Intro.\n\nAll figures are my assumptions.\n\nLater: 600 M listeners.", True),
        ("Intro.\n\nLater: 600 M listeners.\n\nAll figures are assumptions.", False),  # said after the figure
    ],
)
def test_what_marks_a_figure_as_an_assumption(text, is_marked):
    start = text.index("600")
    assert company_figures.marked(text, start) is is_marked


def test_an_assumed_estimate_input_marks_its_value():
    estimate = Estimate.model_validate(
        {
            "inputs": [{"name": "n", "label": "Listeners", "value": 600_000_000, "assumption": True, "why": "Mine."}],
            "derived": [{"name": "m", "label": "Twice", "formula": "n * 2"}],
        }
    )
    assert company_figures.assumed_in(estimate) == {600_000_000.0}


def test_key_figures_and_company_text_are_the_sourced_figures():
    from study_guide.load import load_guide

    guide = load_guide(ROOT / "data")
    # The DS analyst source's 12M weekly active listeners is a cited key figure.
    assert 12_000_000 in company_figures.sourced(guide)


# --- Company dates (issue 18, part 4): the data rule's failing fixture is in tests/test_rules.py ---------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Spotify has worked remotely since 2021.", [2021]),
        ("Discover Weekly launched in 2015, the overview says.", [2015]),
        ("The company was founded in 2006.", [2006]),
        ("Spotify's IPO (2018) changed reporting.", [2018]),
        ("In 2019 I rebuilt our ranker.", []),  # a date, but not the company's
        ("Spotify: expect an offer in 2 years, or 2–5 weeks.", []),  # not years
        ("Spotify ranks 2000 tracks a listener; 2,000 a day; 2025-01-03.", []),  # counts and an ISO date
        ("Spotify's report, retrieved in 2025, says so.", []),  # when a source was retrieved
        ('A title such as "Song Title (Remastered 2011)".', []),  # a year, not the company's
    ],
)
def test_the_pattern_finds_company_dates(text, found):
    assert [year for year, _ in company_figures.company_years(text)] == found


def test_the_sources_give_the_years_the_guide_uses():
    from study_guide.load import load_guide

    given = company_figures.sourced_years(load_guide(ROOT / "data"))
    # Work From Anywhere since 2021 (the general overview's date note) and the AI/ML PM article's 2026.
    assert given[2021] == {"src-swe-overview"}
    assert given[2026] == {"src-ai-pm"}


# --- Statements attributed to Spotify: the data rule's failing fixture is in tests/test_rules.py ---------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Spotify says squads are autonomous.", ["Spotify says"]),
        ("According to Spotify, squads are small.", ["According to Spotify"]),
        ("Spotify's engineering blog reports 10 ms.", ["Spotify's engineering blog reports"]),
        ("That is how Spotify describes its squads.", ["Spotify describes"]),
        ("The general overview says Spotify states it.", []),  # says whose account it is
        ("Source 004 reports that Spotify says so.", []),
        ("Problems Spotify writes about on its blog.", []),  # a topic, not a claim
        ("Spotify values shipping.", []),  # a claim about Spotify, not put in its mouth
    ],
)
def test_the_pattern_finds_unattributed_spotify_statements(text, found):
    assert [phrase for phrase, _ in company_figures.attributions(text)] == found


def test_no_source_is_spotifys_own_so_far():
    from study_guide.load import load_guide

    guide = load_guide(ROOT / "data")
    assert all(source.publisher for source in guide.sources)
    assert [source.id for source in guide.sources if source.publisher_is_spotify] == []
