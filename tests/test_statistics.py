"""Statistics recomputed (issue 18, part 2): every sample size and interval a model answer states, recomputed with
statsmodels from the inputs the answer states (`guidance.estimate.statistics`).

Tolerance: the recomputed figure and the stated one may differ by at most 5 % of the recomputed
figure. That covers the rule of thumb the answers teach (16 × variance ÷ δ², where the exact
factor for 5 % two-sided significance and 80 % power is 2 × (1.96 + 0.84)² ≈ 15.7), Cohen's h for
two rates in place of the control rate's variance, and rounding to two or three figures; it does
not cover a wrong variance, a relative lift read as absolute, or a dropped square.
That the answer's prose states the same figure is a data rule (crossref.estimates_stated_in_answer).
"""

from __future__ import annotations

import math
import re

import pytest
from scipy.stats import norm
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import confint_proportions_2indep, proportion_effectsize

from study_guide import company_figures
from study_guide.estimates import evaluate
from study_guide.load import load_guide
from study_guide.model import Estimate, Statistic, StatisticKind

from .conftest import ROOT

TOLERANCE = 0.05
GUIDE = load_guide(ROOT / "data")
STATISTICS = [
    (q.id, index, s)
    for t in GUIDE.topics
    for q in t.questions
    if q.guidance.estimate
    for index, s in enumerate(q.guidance.estimate.statistics)
]


def recomputed(s: Statistic) -> float:
    """The figure from the statistic's own inputs: per arm for two groups, or one group's size; for an
    interval, its half-width (percentage points for two rates, sd's unit for two means)."""
    if s.kind is StatisticKind.interval_proportions:
        count = s.baseline * s.n
        low, high = confint_proportions_2indep(count, s.n, count, s.n, method="wald", compare="diff", alpha=s.alpha)
        return (high - low) / 2 * 100
    if s.kind is StatisticKind.interval_means:
        return norm.ppf(1 - s.alpha / 2) * s.sd * math.sqrt(2 / s.n)
    if s.kind is StatisticKind.sample_size_margin:
        return (norm.ppf(1 - s.alpha / 2) * s.sd / s.difference) ** 2
    if s.kind is StatisticKind.sample_size_proportions:
        effect = abs(proportion_effectsize(s.treatment, s.baseline))
    else:
        effect = s.difference / s.sd
    return NormalIndPower().solve_power(effect_size=effect, alpha=s.alpha, power=s.power, ratio=1.0)


def misstated(s: Statistic) -> str | None:
    exact = recomputed(s)
    if abs(s.stated - exact) > TOLERANCE * exact:
        return f"{s.label}: stated {s.stated:,g}, recomputed {exact:,.0f}"
    return None


@pytest.mark.parametrize(("question", "index", "statistic"), STATISTICS, ids=[f"{q}[{i}]" for q, i, _ in STATISTICS])
def test_stated_sample_sizes_match_statsmodels(question, index, statistic):
    assert misstated(statistic) is None


def test_a_wrong_sample_size_is_caught():
    # 40 % → 41 % needs about 37,800 per arm (the sample-size calculator's worked example).
    right = Statistic(kind="sample-size-proportions", label="Per arm", stated=38_000, baseline=0.40, treatment=0.41)
    assert misstated(right) is None
    # The slips the tolerance must not forgive: a relative lift read as absolute, a variance left out.
    halved = right.model_copy(update={"stated": 19_000})
    assert misstated(halved) == "Per arm: stated 19,000, recomputed 37,826"
    assert misstated(right.model_copy(update={"stated": 35_000})) is not None  # 7 % under


def test_the_three_kinds_agree_with_closed_forms():
    means = Statistic(kind="sample-size-means", label="m", stated=1, sd=60, difference=1)
    assert recomputed(means) == pytest.approx(2 * (1.959964 + 0.841621) ** 2 * 3600, rel=1e-4)
    margin = Statistic(kind="sample-size-margin", label="m", stated=1, sd=1.0, difference=0.05)
    assert recomputed(margin) == pytest.approx(1536.6, rel=1e-3)


# Every per-arm figure an answer states ("245,000 listeners per arm", "5 million users per arm", "500,000
# in each arm") is one the estimate accounts for: a statistic recomputed above (its stated figure, or the
# per-arm n an interval rests on), or a derived quantity or input of its table (an allocation such as
# "2 million listeners per arm a week", a design-effect inflation, a planned size given as an assumption).
_PER_ARM = re.compile(
    r"(?<![\w.])(?P<digits>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(?P<scale>k|K|M|B|million|billion)?(?![\w.,]\d)"
    r"\**\s*(?:[a-z-]+\s){0,4}?(?:per|in each|each)\s(?:arm|variant|test group)\b",
    re.IGNORECASE,
)


def per_arm_figures(text: str) -> list[float]:
    return [company_figures._value(match) for match in _PER_ARM.finditer(text)]


def accounted(estimate: Estimate | None) -> list[float]:
    """The per-arm figures an estimate accounts for."""
    if estimate is None:
        return []
    values = [float(s.stated) for s in estimate.statistics] + [float(s.n) for s in estimate.statistics if s.n]
    return values + [row.magnitude for row in evaluate(estimate).rows]


def unrecomputed(text: str, estimate: Estimate | None) -> list[float]:
    known = accounted(estimate)
    return [v for v in per_arm_figures(text) if not any(abs(v - k) <= TOLERANCE * k for k in known)]


def test_every_per_arm_figure_in_an_answer_is_accounted_for():
    missing = {
        q.id: unrecomputed(q.guidance.example or "", q.guidance.estimate)
        for t in GUIDE.topics
        for q in t.questions
        if unrecomputed(q.guidance.example or "", q.guidance.estimate)
    }
    assert missing == {}, "per-arm figures with no statistic or table row (add them to guidance.estimate)"


def test_a_new_unaccounted_per_arm_figure_is_found():
    text = "We ran it with about 1.2 million users per arm, and 33,000 per arm would do; 500,000 in each arm."
    assert unrecomputed(text, None) == [1_200_000, 33_000, 500_000]
    estimate = Estimate(statistics=[right_statistic()])
    assert unrecomputed("About 38,000 listeners per arm.", estimate) == []
    assert unrecomputed("About 60,000 listeners per arm.", estimate) == [60_000]
    assert per_arm_figures("a 10 % slice per arm, 10 % of users per arm, 2 million listeners per arm a week") == [2e6]


def right_statistic() -> Statistic:
    return Statistic(kind="sample-size-proportions", label="Per arm", stated=38_000, baseline=0.40, treatment=0.41)


def test_the_two_intervals_agree_with_closed_forms():
    # Two rates near 40 %, 3 M per arm: 1.96 × √(2 × 0.4 × 0.6 ÷ 3,000,000) ≈ 0.078 points.
    rates = Statistic(kind="interval-proportions", label="i", stated=0.08, baseline=0.4, n=3_000_000)
    assert recomputed(rates) == pytest.approx(0.0784, rel=1e-2)
    assert misstated(rates) is None
    means = Statistic(kind="interval-means", label="i", stated=0.25, sd=100, n=1_200_000)
    assert recomputed(means) == pytest.approx(0.253, rel=1e-2)
    assert misstated(means.model_copy(update={"stated": 0.5})) is not None  # a dropped √2 or doubled
