"""The study tools' data: a small index, and each topic's rendered guidance in a file of its own.

Practice, the plan, My progress and the due counts need every question's id, topic, kind, level,
origin, minutes, address and prompt, and the roles' rounds; only Practice needs the guidance, one
question at a time. So the build writes `study/index.<hash>.json` (what every tool reads) and
`study/guidance/<topic id>.<hash>.json` (the rendered sections of one topic's questions, fetched
when Practice shows one of them). Each name carries a hash of its content, so a new build never
meets a cached older file; pages name the index in a `<meta name="sisg-study-index">` tag
(overrides/main.html). guide.json stays as the full download; these carry no raw data text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property

from pydantic import BaseModel, ConfigDict, Field

from . import mock
from .export import (
    MockOut,
    MockRules,
    SectionOut,
    SignalOut,
    mock_out,
    mock_rules,
    round_signals,
    signals_out,
    story_questions,
)
from .mock import KIND_MINUTES
from .model import Guide, StoryTheme
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
from .presenter import KIND_LABELS, LEVEL_LABELS, ORIGIN_LABELS, STORY_KINDS, Presenter, duration_label, round_minutes

SCHEMA_VERSION = 1
STUDY_DIR = "study"
HASH_LENGTH = 12


class _Out(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RoundEntry(_Out):
    id: str
    name: str
    url: str = Field(description="Page and anchor, relative to the site root.")
    duration_label: str | None
    minutes: int | None = Field(description="Practice timer per question when it follows the round's length.")
    focus_topics: list[str] = Field(description="Topic ids, in loop order.")
    mock: MockOut
    signals: list[int] = Field(description="Indexes into the role's signals weighed in this round, in order.")


class RoleEntry(_Out):
    id: str
    title: str
    short_title: str
    url: str
    cheatsheet_url: str
    rounds: list[RoundEntry]
    signals: list[SignalOut]
    story_themes: list[StoryTheme]
    story_questions: list[str] = Field(description="Ids of the role's questions a story answers, in page order.")


class TopicEntry(_Out):
    id: str
    name: str
    url: str
    questions: list[str] = Field(description="Question ids, in page order.")
    asked_in: list[Placement]
    guidance: str = Field(description="The topic's guidance file, relative to the site root.")


class QuestionEntry(_Out):
    id: str
    topic: str
    kind: str
    kind_label: str
    level: str
    origin: str
    minutes: int = Field(description="Practice timer for an answer of this kind.")
    covers: int = Field(description="How many points 'what a strong answer covers' has (mock scorecards).")
    url: str
    prompt_html: str = Field(description="The prompt rendered as inline HTML (sanitised).")
    prompt_text: str = Field(description="The prompt as plain text, for matching words.")


class FilterLabels(_Out):
    kinds: dict[str, str] = Field(description="Question kind -> label, in display order.")
    levels: dict[str, str]
    origins: dict[str, str]


class StudyIndex(_Out):
    """study/index.<hash>.json: everything the study tools need but the guidance."""

    schema_version: int = SCHEMA_VERSION
    labels: FilterLabels
    pages: dict[str, str] = Field(description="Study tool name -> URL relative to the site root.")
    mock: MockRules
    story_kinds: list[str] = Field(description="Question kinds answered with a story of the candidate's own.")
    roles: list[RoleEntry]
    topics: list[TopicEntry]
    questions: list[QuestionEntry]


class TopicGuidance(_Out):
    """study/guidance/<topic>.<hash>.json: the guidance of one topic's questions, as pages show it."""

    schema_version: int = SCHEMA_VERSION
    topic: str
    questions: dict[str, list[SectionOut]] = Field(description="Question id -> its sections, in display order.")


def _hashed(stem: str, text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]
    return f"{stem}.{digest}.json"


def _json(model: BaseModel) -> str:
    return model.model_dump_json(indent=None)


@dataclass
class StudyData:
    guide: Guide
    presenter: Presenter

    @cached_property
    def guidance(self) -> dict[str, tuple[str, str]]:
        """Topic id -> (path relative to the site root, JSON text) of its guidance file."""
        files = {}
        for topic in self.guide.topics:
            text = _json(
                TopicGuidance(
                    topic=topic.id,
                    questions={
                        q.id: [
                            SectionOut(field=s.field, label=s.label, kind=s.kind, html=s.html)
                            for s in self.presenter.rendered(q).sections
                        ]
                        for q in topic.questions
                    },
                )
            )
            files[topic.id] = (f"{STUDY_DIR}/guidance/" + _hashed(topic.id, text), text)
        return files

    @cached_property
    def index(self) -> tuple[str, str]:
        """(path relative to the site root, JSON text) of the index."""
        text = _json(self._index({topic: path for topic, (path, _) in self.guidance.items()}))
        return f"{STUDY_DIR}/" + _hashed("index", text), text

    def files(self) -> dict[str, str]:
        """Every file: path relative to the site root -> JSON text."""
        return dict([self.index, *self.guidance.values()])

    def _index(self, guidance: dict[str, str]) -> StudyIndex:
        where = placements(self.guide)
        topics = {t.id: t for t in self.guide.topics}

        def kinds(r) -> list[str]:
            return [q.kind.value for t in r.focus_topics for q in topics[t].questions]

        return StudyIndex(
            labels=FilterLabels(kinds=KIND_LABELS, levels=LEVEL_LABELS, origins=ORIGIN_LABELS),
            pages=tool_urls(),
            mock=mock_rules(),
            story_kinds=list(STORY_KINDS),
            roles=[
                RoleEntry(
                    id=role.id,
                    title=role.title,
                    short_title=role.short_title,
                    url=role_url(role),
                    cheatsheet_url=site_url(cheatsheet_page(role)),
                    rounds=[
                        RoundEntry(
                            id=r.id,
                            name=r.name,
                            url=round_url(role, r),
                            duration_label=duration_label(r.duration),
                            minutes=round_minutes(r, mock.round_plan(r, kinds(r))),
                            focus_topics=r.focus_topics,
                            mock=mock_out(r, kinds(r)),
                            signals=round_signals(role, r),
                        )
                        for r in role.rounds
                    ],
                    signals=signals_out(role, self.presenter),
                    story_themes=role.story_themes,
                    story_questions=story_questions(self.guide, role),
                )
                for role in self.guide.roles
            ],
            topics=[
                TopicEntry(
                    id=topic.id,
                    name=topic.name,
                    url=topic_url(topic),
                    questions=[q.id for q in topic.questions],
                    asked_in=where[topic.id],
                    guidance=guidance[topic.id],
                )
                for topic in self.guide.topics
            ],
            questions=[
                QuestionEntry(
                    id=q.id,
                    topic=topic.id,
                    kind=q.kind.value,
                    kind_label=KIND_LABELS[q.kind.value],
                    level=q.level.value,
                    origin=q.origin.value,
                    minutes=KIND_MINUTES[q.kind.value],
                    covers=len(q.guidance.covers),
                    url=question_url(q, topic),
                    prompt_html=self.presenter.rendered(q).prompt_html,
                    prompt_text=self.presenter.rendered(q).prompt_text,
                )
                for topic in self.guide.topics
                for q in topic.questions
            ],
        )
