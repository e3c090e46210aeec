"""Render pages of the guide from templates/*.md.j2.

Python prepares data; the templates hold all markup. Every `{{ value }}` a template
prints passes through `escape_markdown_text` (the environment's `finalize`), so text
from data can never become HTML or Jinja. Values built here that are already safe
Markdown (links, nested renders, code files) are wrapped in `Markup`.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import interviewer, mock, paths
from .markdown_html import plain_text
from .markdown_text import escape_markdown_text
from .model import Guide, Question, Role, Round, Topic
from .presenter import (
    FORMAT_LABELS,
    KIND_LABELS,
    LEVEL_LABELS,
    ORIGIN_LABELS,
    STORY_KINDS,
    Presenter,
    SectionBody,
    fenced_code,
)


@dataclass(frozen=True)
class TopicStep:
    """A neighbouring topic in a role's loop, and the round it sits in."""

    topic: Topic
    round: Round


@dataclass(frozen=True)
class TopicPlace:
    """Where a topic sits in one role's loop, and the topics read before and after it.

    The order is the loop's: rounds in order, each round's focus_topics in order. Within a round
    the neighbours are the round's own topics; at a round's first or last topic they are the
    last topic of the round before or the first of the round after, so a reader is never left
    at a dead end. None before the loop's first topic and after its last.
    """

    role: Role
    round: Round
    number: int  # the topic's position within its round, 1-based
    count: int  # topics in the round
    previous: TopicStep | None
    next: TopicStep | None


def oneline(text: str) -> str:
    """Collapse text onto one line, for table cells, headings and summaries."""
    return " ".join(str(text).split())


class Renderer:
    """Renders one page at a time; `page_src` is the Markdown path of the page being built."""

    def __init__(self, guide: Guide, project_root: Path, presenter: Presenter):
        self.guide = guide
        self.project_root = project_root
        self.presenter = presenter
        self.env = Environment(
            loader=FileSystemLoader(project_root / "templates"),
            undefined=StrictUndefined,
            finalize=escape_markdown_text,
            autoescape=False,  # output is Markdown; finalize does the escaping
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["kind_label"] = KIND_LABELS.__getitem__
        self.env.filters["oneline"] = oneline
        self.env.filters["plain"] = self.plain
        self.env.filters["format_label"] = FORMAT_LABELS.__getitem__

    # Look-ups shared by every template -------------------------------------------------

    @cached_property
    def topics(self) -> dict[str, Topic]:
        return {topic.id: topic for topic in self.guide.topics}

    @cached_property
    def roles(self) -> dict[str, Role]:
        return {role.id: role for role in self.guide.roles}

    @cached_property
    def frameworks(self):
        return {framework.id: framework for framework in self.guide.frameworks}

    @cached_property
    def sources(self):
        return {source.id: source for source in self.guide.sources}

    @cached_property
    def placements(self):
        return paths.placements(self.guide)

    @cached_property
    def topic_places(self) -> dict[str, list[TopicPlace]]:
        """topic id -> one TopicPlace per role that asks it, in role order (as `placements`).

        A topic sits in at most one round of a role (crossref), so a role's loop is a list of
        distinct topics and each placement has one previous and one next topic.
        """
        places: dict[str, list[TopicPlace]] = {topic.id: [] for topic in self.guide.topics}
        for role in self.guide.roles:
            steps = [
                TopicStep(topic=self.topics[topic_id], round=round_)
                for round_ in role.rounds
                for topic_id in round_.focus_topics
            ]
            for index, step in enumerate(steps):
                places[step.topic.id].append(
                    TopicPlace(
                        role=role,
                        round=step.round,
                        number=step.round.focus_topics.index(step.topic.id) + 1,
                        count=len(step.round.focus_topics),
                        previous=steps[index - 1] if index > 0 else None,
                        next=steps[index + 1] if index + 1 < len(steps) else None,
                    )
                )
        return places

    @cached_property
    def question_bank(self) -> list[tuple[Role, list[Topic], list[Topic]]]:
        """The question bank's sections: (role, topics listed under it, topics listed earlier).

        A topic asked in several loops is listed once, under the first role and round that ask it
        (loop order); each later role links to it, so every role's section is complete.
        """
        sections = []
        for role in self.guide.roles:
            listed, elsewhere = [], []
            for round_ in role.rounds:
                for topic_id in round_.focus_topics:
                    first = self.placements[topic_id][0]
                    # A topic sits in one round per role (crossref), so "not first here" is "earlier role".
                    here = (first.role, first.round) == (role.id, round_.id)
                    (listed if here else elsewhere).append(self.topics[topic_id])
            sections.append((role, listed, elsewhere))
        return sections

    @cached_property
    def bank_filters(self) -> list[tuple[str, str, list[tuple[str, str]]]]:
        """The question bank's filters: (field, label, [(value, label)]), only values some question has.

        Topics in the bank's order; kinds, levels and origins in the presenter's order. The page
        writes them out and docs/assets/study/bank.js turns them into choices.
        """
        questions = [q for topic in self.guide.topics for q in topic.questions]

        def present(labels: dict[str, str], field: str) -> list[tuple[str, str]]:
            used = {getattr(q, field).value for q in questions}
            return [(value, label) for value, label in labels.items() if value in used]

        topics = [(topic.id, topic.name) for _, listed, _ in self.question_bank for topic in listed]
        return [
            ("topic", "Topic", topics),
            ("kind", "Kind of question", present(KIND_LABELS, "kind")),
            ("level", "Level", present(LEVEL_LABELS, "level")),
            ("origin", "Reported or practice", present(ORIGIN_LABELS, "origin")),
        ]

    @cached_property
    def framework_usage(self) -> dict[str, list[tuple[Role, object]]]:
        """framework id -> (role, round) pairs whose round lists it."""
        usage: dict[str, list] = {framework.id: [] for framework in self.guide.frameworks}
        for role in self.guide.roles:
            for round_ in role.rounds:
                for framework_id in round_.frameworks:
                    usage[framework_id].append((role, round_))
        return usage

    @cached_property
    def topic_of_question(self) -> dict[str, Topic]:
        return {q.id: topic for topic in self.guide.topics for q in topic.questions}

    # Rendering ---------------------------------------------------------------------------

    def render(self, template: str, page_src: str, **context) -> Markup:
        link = _linker(page_src)
        result = self.env.get_template(template).render(
            guide=self.guide,
            topics=self.topics,
            roles=self.roles,
            frameworks=self.frameworks,
            sources=self.sources,
            placements=self.placements,
            topic_places=self.topic_places,
            question_bank=self.question_bank,
            bank_filters=self.bank_filters,
            topic_of_question=self.topic_of_question,
            framework_usage=self.framework_usage,
            link=link,
            links=_Links(link, self.topic_of_question),
            code_file=self.code_file,
            guidance_sections=lambda question: self.guidance_sections(question, link),
            interviewer_sheet=lambda role, round_: interviewer.sheet(
                self.presenter, role, round_, self.round_questions(round_), link
            ),
            story_rounds=self.story_rounds,
            round_question_ids=self.round_question_ids,
            role_question_ids=self.role_question_ids,
            paths=paths,
            mock=mock,
            anchors=paths.ANCHORS,
            **context,
        )
        return Markup(result)

    def plain(self, text: str) -> str:
        """Markdown to one line of plain text (meta descriptions, summaries), read as the pages read it."""
        return oneline(plain_text(self.presenter.markdown.html(escape_markdown_text(text))))

    def code_file(self, relative: str) -> Markup:
        return fenced_code(self.project_root, relative)

    def guidance_sections(self, question: Question, link: Callable[[str, str | None], Markup]) -> list[SectionBody]:
        return self.presenter.sections(question, link)

    def round_questions(self, round_: Round) -> list[Question]:
        """A round's questions, in page order (topic by topic)."""
        return [q for topic_id in round_.focus_topics for q in self.topics[topic_id].questions]

    def story_rounds(self, role: Role) -> set[str]:
        """Ids of a role's rounds that ask a question a story answers (presenter.STORY_KINDS)."""
        return {r.id for r in role.rounds if any(q.kind.value in STORY_KINDS for q in self.round_questions(r))}

    def round_question_ids(self, round_) -> list[str]:
        """Question ids of a round, in page order (topic by topic)."""
        return [q.id for topic_id in round_.focus_topics for q in self.topics[topic_id].questions]

    def role_question_ids(self, role: Role) -> list[str]:
        """Question ids of a role, each once, in page order."""
        return list(dict.fromkeys(qid for round_ in role.rounds for qid in self.round_question_ids(round_)))

    def role_frameworks(self, role: Role) -> list:
        """Frameworks a role uses (for its cheat sheet): its rounds' frameworks, then its questions'."""
        ids: dict[str, None] = {}
        for round_ in role.rounds:
            ids.update(dict.fromkeys(round_.frameworks))
        for round_ in role.rounds:
            for topic_id in round_.focus_topics:
                for q in self.topics[topic_id].questions:
                    if q.guidance.framework:
                        ids[q.guidance.framework] = None
        return [self.frameworks[i] for i in ids if i in self.frameworks]


class _Links:
    """Markdown link targets for entities, relative to the page being rendered."""

    def __init__(self, link: Callable[[str, str | None], Markup], topic_of: dict[str, Topic]):
        self._link = link
        self._topic_of = topic_of

    def role(self, role: Role | str) -> Markup:
        return self._link(paths.role_page(role), None)

    def round(self, role: Role | str, round_id: str) -> Markup:
        return self._link(paths.role_page(role), round_id)

    def topic(self, topic_id: str) -> Markup:
        """The topic's own page (the topic library keeps an entry at #<topic id>)."""
        return self._link(paths.topic_page(topic_id), None)

    def question(self, question: Question) -> Markup:
        """The question with its guidance, on its topic's page."""
        return self._link(paths.topic_page(self._topic_of[question.id]), question.id)

    def framework(self, framework_id: str) -> Markup:
        return self._link(paths.FRAMEWORKS_PAGE, framework_id)

    def source(self, source_id: str) -> Markup:
        return self._link(paths.SOURCES_PAGE, source_id)

    def stories(self, role: Role | str) -> Markup:
        """The story bank, set to a role: `stories/?role=<id>`."""
        return Markup(f"{self._link(paths.TOOL_PAGES['stories'], None)}?{paths.role_query(role)}")

    def interviewer(self, role: Role | str, round_id: str) -> Markup:
        """The round's printable interviewer sheet."""
        return self._link(paths.interviewer_page(role, round_id), None)

    def practice(self, role: Role | str, topic: Topic | str | None = None) -> Markup:
        """The practice page, set to a role (and a topic): `practice/?role=<id>&topic=<id>`."""
        return Markup(f"{self._link(paths.TOOL_PAGES['practice'], None)}?{paths.practice_query(role, topic)}")

    def mock(self, role: Role | str, round_: Round | str | None = None) -> Markup:
        """The mock round page, set to a role (and a round): `mock/?role=<id>&round=<id>`."""
        return Markup(f"{self._link(paths.TOOL_PAGES['mock'], None)}?{paths.mock_query(role, round_)}")

    def plan(self, role: Role | str) -> Markup:
        """The study plan, set to a role: `plan/?role=<id>`."""
        return Markup(f"{self._link(paths.TOOL_PAGES['plan'], None)}?{paths.plan_query(role)}")


def _linker(page_src: str) -> Callable[[str, str | None], Markup]:
    """A function giving the relative .md link from `page_src` to a page and anchor.

    MkDocs turns .md links into URLs and validates them (and their anchors) in --strict.
    """
    base = posixpath.dirname(page_src)

    def link(target: str, anchor: str | None = None) -> Markup:
        if target == page_src and anchor:
            return Markup(f"#{anchor}")
        relative = posixpath.relpath(target, base) if base else target
        return Markup(f"{relative}#{anchor}" if anchor else relative)

    return link
