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
