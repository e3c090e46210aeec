"""guide.json: the whole validated model, normalized so every entity is listed once by id.

Roles hold rounds; rounds name topics and frameworks by id; topics name questions by id;
questions name their topic. `asked_in` and `url` are derived here so the browser
features never have to recompute them.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from .model import Company, Framework, GlossaryTerm, Question, Role, Round, Source, Topic
from .paths import Placement, placements, question_url, role_url, round_url, topic_url

SCHEMA_VERSION = 1


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RoundOut(Round):
    url: str = Field(description="Page and anchor, relative to the site root.")


class RoleOut(Role):
    rounds: list[RoundOut]
    url: str


class TopicOut(Topic):
    questions: list[str] = Field(description="Question ids, in order.")
    asked_in: list[Placement]
    url: str


class QuestionOut(Question):
    topic: str = Field(description="Id of the topic the question belongs to.")
    asked_in: list[Placement]
    url: str


class GuideExport(_Out):
    """The document written to guide.json at the site root."""

    schema_version: int = SCHEMA_VERSION
    company: Company
    roles: list[RoleOut]
    topics: list[TopicOut]
    questions: list[QuestionOut]
    frameworks: list[Framework]
    sources: list[Source]
    glossary: list[GlossaryTerm]


def export(guide) -> GuideExport:
    where = placements(guide)
    roles = [
        RoleOut(
            **{
                **role.model_dump(),
                "rounds": [RoundOut(**r.model_dump(), url=round_url(role, r)) for r in role.rounds],
            },
            url=role_url(role),
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
    questions = [
        QuestionOut(**q.model_dump(), topic=topic.id, asked_in=where[topic.id], url=question_url(q))
        for topic in guide.topics
        for q in topic.questions
    ]
    return GuideExport(
        company=guide.company,
        roles=roles,
        topics=topics,
        questions=questions,
        frameworks=guide.frameworks,
        sources=guide.sources,
        glossary=guide.glossary,
    )


def to_json(guide) -> str:
    return export(guide).model_dump_json(indent=None, exclude_none=False)


__all__ = ["GuideExport", "Question", "export", "to_json"]
