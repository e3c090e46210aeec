"""guide.json: the whole validated model, normalized so every entity is listed once by id.

Roles hold rounds; rounds name topics and frameworks by id; topics name questions by id;
questions name their topic. `asked_in`, `url`, labels, timer minutes and each question's
rendered guidance (study_guide/presenter.py) are derived here, so the browser features never
recompute them: they hold no labels, paths or Markdown parser of their own.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from . import mock
from .mock import KIND_MINUTES
from .model import Company, Framework, GlossaryTerm, Question, Role, Round, Signal, Source, Topic
from .paths import (
    Placement,
    cheatsheet_page,
    placements,
    question_url,
    role_url,
    round_url,
    site_url,
    tool_urls,
    topic_url,
)
from .presenter import FORMAT_LABELS, KIND_LABELS, STORY_KINDS, Presenter, SectionKind, duration_label, round_minutes

SCHEMA_VERSION = 3


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SlotOut(_Out):
    kind: str = Field(description="Question kind.")
    count: int = Field(description="How many questions of this kind the mock asks.")
    minutes: int = Field(description="Minutes for each of them.")


class MockPlanOut(_Out):
    """A mock of the round at one length (study_guide/mock.py)."""

    minutes: int = Field(description="The whole round.")
    overhead_minutes: int = Field(description="Kept for introductions and the candidate's own questions.")
    answer_minutes: int
    slots: list[SlotOut] = Field(description="The kinds asked, in order (the leading kind first).")


class MockOut(_Out):
    assumed: bool = Field(description="True when the data gives no length and the default is assumed.")
    minutes: int = Field(description="The length a mock runs for unless the candidate picks another choice.")
    choices: list[MockPlanOut] = Field(description="One plan per length the candidate may pick (one when from data).")


class RoundOut(Round):
    url: str = Field(description="Page and anchor, relative to the site root.")
    duration_label: str | None = Field(description="The round's length as pages write it, e.g. '45–60 min'.")
    minutes: int | None = Field(description="Practice timer per question when it follows the round's length.")
    mock: MockOut
    signals: list[int] = Field(description="Indexes into the role's signals weighed in this round, in order.")


class SignalOut(Signal):
    description_html: str = Field(description="The description rendered and sanitised.")


class MockRules(_Out):
    """The mock round's stated assumptions (study_guide/mock.py), for the mock page."""

    default_round_minutes: int
    break_minutes: int = Field(description="Break between rounds of a mock loop (an assumption; skippable).")
    overhead_minutes: int
    kind_minutes: dict[str, int] = Field(description="Minutes one question of a kind gets in a real round.")


class RoleOut(Role):
    rounds: list[RoundOut]
    signals: list[SignalOut]
    url: str
    story_questions: list[str] = Field(
        description="Ids of the role's questions a story answers (kinds in story_kinds), each once, in page order."
    )
    cheatsheet_url: str = Field(description="The role's printable cheat sheet, relative to the site root.")


class TopicOut(Topic):
    questions: list[str] = Field(description="Question ids, in order.")
    asked_in: list[Placement]
    url: str


class SectionOut(_Out):
    """One guidance section as every output shows it (study_guide/presenter.py SECTIONS)."""

    field: str = Field(description="The guidance field it shows.")
    label: str
    kind: SectionKind
    html: str = Field(description="Rendered by the site's Markdown configuration; links relative to the site root.")


class QuestionOut(Question):
    topic: str = Field(description="Id of the topic the question belongs to.")
    asked_in: list[Placement]
    url: str
    prompt_html: str = Field(description="The prompt rendered as inline HTML.")
    kind_label: str
    minutes: int = Field(description="Practice timer for an answer of this kind.")
    sections: list[SectionOut] = Field(description="The guidance, in display order, only sections with a value.")


class Labels(_Out):
    kinds: dict[str, str] = Field(description="Question kind -> label, in display order.")
    formats: dict[str, str] = Field(description="Round format -> label.")


class GuideExport(_Out):
    """The document written to guide.json at the site root."""

    schema_version: int = SCHEMA_VERSION
    labels: Labels
    pages: dict[str, str] = Field(description="Study tool name -> URL relative to the site root.")
    mock: MockRules
    story_kinds: list[str] = Field(description="Question kinds answered with a story of the candidate's own.")
    company: Company
    roles: list[RoleOut]
    topics: list[TopicOut]
    questions: list[QuestionOut]
    frameworks: list[Framework]
    sources: list[Source]
    glossary: list[GlossaryTerm]


def export(guide, presenter: Presenter) -> GuideExport:
    where = placements(guide)
    kinds = {t.id: [q.kind.value for q in t.questions] for t in guide.topics}
    roles = [
        RoleOut(
            **{
                **role.model_dump(),
                "rounds": [_round(role, r, [k for t in r.focus_topics for k in kinds[t]]) for r in role.rounds],
                "signals": signals_out(role, presenter),
            },
            url=role_url(role),
            story_questions=story_questions(guide, role),
            cheatsheet_url=site_url(cheatsheet_page(role)),
        )
        for role in guide.roles
    ]
    topics = [
        TopicOut(
            **{**topic.model_dump(), "questions": [q.id for q in topic.questions]},
            asked_in=where[topic.id],
            url=topic_url(topic),
        )
        for topic in guide.topics
    ]
    questions = [_question(q, topic, where[topic.id], presenter) for topic in guide.topics for q in topic.questions]
    return GuideExport(
        labels=Labels(kinds=KIND_LABELS, formats=FORMAT_LABELS),
        pages=tool_urls(),
        mock=mock_rules(),
        story_kinds=list(STORY_KINDS),
        company=guide.company,
        roles=roles,
        topics=topics,
        questions=questions,
        frameworks=guide.frameworks,
        sources=guide.sources,
        glossary=guide.glossary,
    )


def _round(role: Role, r: Round, kinds: list[str]) -> RoundOut:
    """A round with its link, length label, practice timer, mock plans and the signals it weighs."""
    return RoundOut(
        **r.model_dump(),
        url=round_url(role, r),
        duration_label=duration_label(r.duration),
        minutes=round_minutes(r, mock.round_plan(r, kinds)),
        mock=mock_out(r, kinds),
        signals=round_signals(role, r),
    )


def mock_rules() -> MockRules:
    return MockRules(
        default_round_minutes=mock.DEFAULT_ROUND_MINUTES,
        break_minutes=mock.BREAK_MINUTES,
        overhead_minutes=mock.OVERHEAD_MINUTES,
        kind_minutes=KIND_MINUTES,
    )


def round_signals(role: Role, r: Round) -> list[int]:
    """Indexes of the role's signals weighed in round `r` (a signal naming no rounds weighs in every one)."""
    return [i for i, s in enumerate(role.signals) if not s.rounds or r.id in s.rounds]


def signals_out(role: Role, presenter: Presenter) -> list[SignalOut]:
    return [SignalOut(**s.model_dump(), description_html=presenter.block_html(s.description)) for s in role.signals]


def mock_out(round_: Round, kinds: list[str]) -> MockOut:
    """The round's mock at its own length, or at each length a candidate may pick when it has none."""
    length = mock.round_length(round_)
    lengths = [length] if length else list(mock.LENGTH_CHOICES)
    choices = [mock.plan(minutes, kinds) for minutes in lengths]
    return MockOut(
        assumed=length is None,
        minutes=length or mock.DEFAULT_ROUND_MINUTES,
        choices=[
            MockPlanOut(
                minutes=p.minutes,
                overhead_minutes=p.overhead_minutes,
                answer_minutes=p.answer_minutes,
                slots=[SlotOut(kind=s.kind, count=s.count, minutes=s.minutes) for s in p.slots],
            )
            for p in choices
        ],
    )


def story_questions(guide, role: Role) -> list[str]:
    """The role's questions a story answers (kinds in STORY_KINDS), each once, in page order."""
    topics = {topic.id: topic for topic in guide.topics}
    asked = [q for r in role.rounds for topic_id in r.focus_topics for q in topics[topic_id].questions]
    return list(dict.fromkeys(q.id for q in asked if q.kind.value in STORY_KINDS))


def _question(q: Question, topic: Topic, asked_in: list[Placement], presenter: Presenter) -> QuestionOut:
    rendered = presenter.rendered(q)
    return QuestionOut(
        **q.model_dump(),
        topic=topic.id,
        asked_in=asked_in,
        url=question_url(q, topic),
        prompt_html=rendered.prompt_html,
        kind_label=KIND_LABELS[q.kind.value],
        minutes=KIND_MINUTES[q.kind.value],
        sections=[SectionOut(field=s.field, label=s.label, kind=s.kind, html=s.html) for s in rendered.sections],
    )


def to_json(guide, presenter: Presenter) -> str:
    return export(guide, presenter).model_dump_json(indent=None, exclude_none=False)


__all__ = ["GuideExport", "Question", "export", "to_json"]
