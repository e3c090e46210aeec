"""guide.json: the whole validated model, normalized so every entity is listed once by id.

Roles hold rounds; rounds name topics and frameworks by id; topics name questions by id;
questions name their topic. `asked_in`, `url`, labels, timer minutes and each question's
rendered guidance (study_guide/presenter.py) are derived here, so the browser features never
recompute them: they hold no labels, paths or Markdown parser of their own.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from .model import Company, Framework, GlossaryTerm, Question, Role, Round, Source, Topic
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
from .presenter import FORMAT_LABELS, KIND_LABELS, KIND_MINUTES, Presenter, SectionKind, duration_label, round_minutes

SCHEMA_VERSION = 2


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RoundOut(Round):
    url: str = Field(description="Page and anchor, relative to the site root.")
    duration_label: str | None = Field(description="The round's length as pages write it, e.g. '45–60 min'.")
    minutes: int | None = Field(description="Practice timer per question when it follows the round's length.")


class RoleOut(Role):
    rounds: list[RoundOut]
    url: str
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
    company: Company
    roles: list[RoleOut]
    topics: list[TopicOut]
    questions: list[QuestionOut]
    frameworks: list[Framework]
    sources: list[Source]
    glossary: list[GlossaryTerm]


def export(guide, presenter: Presenter) -> GuideExport:
    where = placements(guide)
    roles = [
        RoleOut(
            **{
                **role.model_dump(),
                "rounds": [
                    RoundOut(
                        **r.model_dump(),
                        url=round_url(role, r),
                        duration_label=duration_label(r.duration),
                        minutes=round_minutes(r),
                    )
                    for r in role.rounds
                ],
            },
            url=role_url(role),
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
        company=guide.company,
        roles=roles,
        topics=topics,
        questions=questions,
        frameworks=guide.frameworks,
        sources=guide.sources,
        glossary=guide.glossary,
    )


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
