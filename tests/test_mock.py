"""The mock-round rule (study_guide/mock.py) and what guide.json carries of it.

Expectations are derived from the rule's own constants and the data, never counted by hand.
"""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from study_guide import mock
from study_guide.export import export
from study_guide.markdown_html import SiteMarkdown
from study_guide.model import QuestionKind
from study_guide.site import Build

from .conftest import ROOT

KINDS = [k.value for k in QuestionKind]


def test_one_design_problem_fills_an_hour_long_design_round():
    plan = mock.plan(60, ["system-design"] * 4 + ["technical"] * 2)
    assert plan.slots[0].kind == "system-design"
    assert plan.slots[0].count == 1
    assert plan.overhead_minutes == mock.OVERHEAD_MINUTES
    # The design problem takes its kind's minutes; technical questions fill what is left, if any.
    left = plan.answer_minutes - mock.KIND_MINUTES["system-design"]
    assert plan.question_count == 1 + min(2, max(0, left) // mock.KIND_MINUTES["technical"])


def test_behavioural_questions_fill_an_hour_at_their_kind_minutes():
    plan = mock.plan(60, ["behavioral"] * 20)
    expected = (60 - mock.OVERHEAD_MINUTES) // mock.KIND_MINUTES["behavioral"]
    assert plan.slots == (mock.Slot("behavioral", expected, mock.KIND_MINUTES["behavioral"]),)
    assert 3 <= expected <= 5  # "about four an hour": the constants keep to what the docs say


def test_the_heaviest_kind_leads_and_the_next_fills_the_rest():
    kinds = ["technical"] * 6 + ["coding"] * 2
    assert 6 * mock.KIND_MINUTES["technical"] > 2 * mock.KIND_MINUTES["coding"]
    plan = mock.plan(90, kinds)
    lead = plan.slots[0]
    assert lead.kind == "technical"
    assert lead.count == min(6, plan.answer_minutes // mock.KIND_MINUTES["technical"])
    rest = plan.answer_minutes - lead.count * lead.minutes
    fill = min(2, rest // mock.KIND_MINUTES["coding"])
    assert [(s.kind, s.count) for s in plan.slots[1:]] == ([("coding", fill)] if fill else [])


def test_a_kind_longer_than_the_round_is_still_asked_once_within_the_time():
    plan = mock.plan(30, ["system-design"])
    assert plan.slots == (mock.Slot("system-design", 1, plan.answer_minutes),)
    assert plan.overhead_minutes == 30 // 3  # a third of a short round at most


def test_a_coding_round_with_more_short_questions_is_led_by_coding():
    coding, technical = 2, 3
    assert technical > coding and coding * mock.KIND_MINUTES["coding"] > technical * mock.KIND_MINUTES["technical"]
    plan = mock.plan(60, ["technical"] * technical + ["coding"] * coding)
    assert plan.slots[0].kind == "coding"


def test_equal_weight_goes_to_the_longer_kind():
    # as many short questions as the long kind's minutes weigh what as many long as the short kind's do
    short, long_ = "culture-motivation", "technical"
    n_short = mock.KIND_MINUTES[long_]
    n_long = mock.KIND_MINUTES[short]
    plan = mock.plan(120, [short] * n_short + [long_] * n_long)
    assert plan.slots[0].kind == long_


@settings(max_examples=300, derandomize=True)
@given(
    minutes=st.integers(min_value=5, max_value=600),
    kinds=st.lists(st.sampled_from(KINDS), min_size=1, max_size=80),
)
def test_plan_invariants(minutes, kinds):
    plan = mock.plan(minutes, kinds)
    available = Counter(kinds)
    assert plan.minutes == minutes
    assert 0 <= plan.overhead_minutes <= mock.OVERHEAD_MINUTES
    assert plan.slots, "every round asks at least one question"
    assert plan.slots[0].kind == mock.kind_order(kinds)[0][0]
    assert sum(s.count * s.minutes for s in plan.slots) <= plan.answer_minutes
    for slot in plan.slots:
        assert 1 <= slot.count <= available[slot.kind]
        assert slot.minutes == min(mock.KIND_MINUTES[slot.kind], plan.answer_minutes)
    assert len({s.kind for s in plan.slots}) == len(plan.slots)
    assert plan.minutes_per_question * plan.question_count <= plan.answer_minutes


def test_every_kind_has_minutes():
    assert set(mock.KIND_MINUTES) == set(KINDS)
    assert mock.DEFAULT_ROUND_MINUTES in mock.LENGTH_CHOICES


@pytest.fixture(scope="module")
def real_build():
    return Build.load(ROOT, SiteMarkdown.from_mkdocs_yml(ROOT / "mkdocs.yml"))


@pytest.fixture(scope="module")
def exported(real_build):
    return export(real_build.guide, real_build.presenter)


def _kinds(guide, round_):
    topics = {t.id: t for t in guide.topics}
    return [q.kind.value for tid in round_.focus_topics for q in topics[tid].questions]


def test_guide_json_carries_the_rule_for_every_round(real_build, exported):
    guide = real_build.guide
    for role, out in zip(guide.roles, exported.roles, strict=True):
        for round_, r in zip(role.rounds, out.rounds, strict=True):
            length = mock.round_length(round_)
            assert r.mock.assumed is (length is None)
            lengths = [length] if length else list(mock.LENGTH_CHOICES)
            assert [c.minutes for c in r.mock.choices] == lengths
            for choice in r.mock.choices:
                plan = mock.plan(choice.minutes, _kinds(guide, round_))
                assert [(s.kind, s.count, s.minutes) for s in choice.slots] == [
                    (s.kind, s.count, s.minutes) for s in plan.slots
                ]
            # Practice's "from the round's length" timer follows the same plan.
            if length:
                assert r.minutes == mock.plan(length, _kinds(guide, round_)).minutes_per_question
            else:
                assert r.minutes is None
            weighed = [i for i, s in enumerate(role.signals) if not s.rounds or round_.id in s.rounds]
            assert r.signals == weighed


def test_the_staff_mle_design_round_is_one_problem_for_its_length(real_build, exported):
    role = next(r for r in exported.roles if r.id == "staff-machine-learning-engineer")
    design = next(r for r in role.rounds if r.id == "onsite-ml-system-design")
    (choice,) = design.mock.choices
    assert choice.minutes == (design.duration.max or design.duration.min)
    assert choice.slots[0].kind == "system-design" and choice.slots[0].count == 1
    assert design.minutes == choice.answer_minutes // sum(s.count for s in choice.slots)


def test_question_minutes_are_the_kind_minutes(real_build, exported):
    for q in exported.questions:
        assert q.minutes == mock.KIND_MINUTES[q.kind.value]
