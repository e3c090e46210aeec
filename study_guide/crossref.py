"""Checks that span files: unique ids, references that resolve, nothing orphaned."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from pydantic import BaseModel

from .errors import Loc, Problem
from .model import Cited, Guide

Where = tuple[str, str | None]


class Locator(Protocol):
    def problem(self, where: Where, loc: Loc, message: str) -> Problem: ...


def walk(item: Any, loc: Loc = ()) -> Iterator[tuple[Loc, BaseModel]]:
    """Every pydantic model inside `item`, with its location."""
    if isinstance(item, BaseModel):
        yield loc, item
        for name in type(item).model_fields:
            yield from walk(getattr(item, name), (*loc, name))
    elif isinstance(item, list):
        for index, child in enumerate(item):
            yield from walk(child, (*loc, index))


def documents(guide: Guide) -> Iterator[tuple[Where, Loc, Any]]:
    """Each data file's top item, with where it lives."""
    yield ("company.yaml", None), (), guide.company
    for index, source in enumerate(guide.sources):
        yield ("sources.yaml", None), (index,), source
    for index, framework in enumerate(guide.frameworks):
        yield ("frameworks.yaml", None), (index,), framework
    for index, term in enumerate(guide.glossary):
        yield ("glossary.yaml", None), (index,), term
    for role in guide.roles:
        yield ("roles", role.id), (), role
    for topic in guide.topics:
        yield ("topics", topic.id), (), topic


def check(guide: Guide, locate: Locator, project_root: Path | None = None) -> list[Problem]:
    problems: list[Problem] = []

    def add(where: Where, loc: Loc, message: str) -> None:
        problems.append(locate.problem(where, loc, message))

    # Ids unique within their kind, across files.
    kinds: dict[str, list[tuple[Where, Loc, str]]] = {
        "role": [(("roles", r.id), ("id",), r.id) for r in guide.roles],
        "topic": [(("topics", t.id), ("id",), t.id) for t in guide.topics],
        "question": [
            (("topics", t.id), ("questions", i, "id"), q.id) for t in guide.topics for i, q in enumerate(t.questions)
        ],
        "framework": [(("frameworks.yaml", None), (i, "id"), f.id) for i, f in enumerate(guide.frameworks)],
        "source": [(("sources.yaml", None), (i, "id"), s.id) for i, s in enumerate(guide.sources)],
        "glossary term": [(("glossary.yaml", None), (i, "term"), g.term) for i, g in enumerate(guide.glossary)],
    }
    for kind, entries in kinds.items():
        first: dict[str, tuple[Where, Loc]] = {}
        for where, loc, item_id in entries:
            key = item_id.lower()
            if key in first:
                earlier = locate.problem(*first[key], "")
                at = f"{earlier.file}:{earlier.line}" if earlier.line else str(earlier.file)
                add(where, loc, f"duplicate {kind} id '{item_id}' (first defined at {at})")
            else:
                first[key] = (where, loc)

    topic_ids = {t.id for t in guide.topics}
    question_ids = {q.id for t in guide.topics for q in t.questions}
    # Topics and questions share the anchor namespace of the question bank page.
    for topic in guide.topics:
        for q_index, question in enumerate(topic.questions):
            if question.id in topic_ids:
                add(
                    ("topics", topic.id),
                    ("questions", q_index, "id"),
                    f"question id '{question.id}' is also a topic id; anchors would clash",
                )
    framework_ids = {f.id for f in guide.frameworks}
    source_ids = {s.id for s in guide.sources}
    used_topics: set[str] = set()
    cited_sources: set[str] = set()

    for role in guide.roles:
        where = ("roles", role.id)
        seen_rounds: set[str] = set()
        seen_topics: dict[str, str] = {}
        for r_index, round_ in enumerate(role.rounds):
            loc = ("rounds", r_index)
            if round_.id in seen_rounds:
                add(where, (*loc, "id"), f"duplicate round id '{round_.id}' in this role")
            seen_rounds.add(round_.id)
            if round_.id in topic_ids or round_.id in question_ids:
                add(where, (*loc, "id"), f"round id '{round_.id}' is also a topic or question id; anchors would clash")
            for t_index, topic_id in enumerate(round_.focus_topics):
                if topic_id not in topic_ids:
                    add(where, (*loc, "focus_topics", t_index), _unknown("topic", topic_id, topic_ids, "data/topics/"))
                elif topic_id in seen_topics:
                    add(
                        where,
                        (*loc, "focus_topics", t_index),
                        f"topic '{topic_id}' is already a focus of round '{seen_topics[topic_id]}' in this role",
                    )
                else:
                    seen_topics[topic_id] = round_.id
                used_topics.add(topic_id)
            for f_index, framework_id in enumerate(round_.frameworks):
                if framework_id not in framework_ids:
                    add(
                        where,
                        (*loc, "frameworks", f_index),
                        _unknown("framework", framework_id, framework_ids, "data/frameworks.yaml"),
                    )
        example_ids = [e.id for e in role.worked_examples]
        page_ids = seen_rounds | topic_ids | question_ids  # anchors already on the role page
        for index, example_id in enumerate(example_ids):
            if example_ids.index(example_id) != index:
                add(where, ("worked_examples", index, "id"), f"duplicate worked example id '{example_id}'")
            elif example_id in page_ids:
                add(
                    where,
                    ("worked_examples", index, "id"),
                    f"worked example id '{example_id}' is also a round, topic or question id; anchors would clash",
                )

    for topic in guide.topics:
        for q_index, question in enumerate(topic.questions):
            framework_id = question.guidance.framework
            if framework_id is not None and framework_id not in framework_ids:
                add(
                    ("topics", topic.id),
                    ("questions", q_index, "guidance", "framework"),
                    _unknown("framework", framework_id, framework_ids, "data/frameworks.yaml"),
                )
        if topic.id not in used_topics:
            add(("topics", topic.id), ("id",), "topic is not a focus of any round; add it to a round or delete it")

    for where, base, document in documents(guide):
        for loc, item in walk(document, base):
            if isinstance(item, Cited):
                for s_index, source_id in enumerate(item.sources):
                    cited_sources.add(source_id)
                    if source_id not in source_ids:
                        add(
                            where,
                            (*loc, "sources", s_index),
                            _unknown("source", source_id, source_ids, "data/sources.yaml"),
                        )

    for index, source in enumerate(guide.sources):
        if source.id not in cited_sources:
            add(("sources.yaml", None), (index, "id"), f"source '{source.id}' is never cited by any item")

    if project_root is not None:
        for where, loc, message in code_file_problems(guide, project_root):
            add(where, loc, message)
    return problems


EXAMPLES_DIR = "examples"
MAX_CODE_FILE_BYTES = 200_000


def code_file_problems(guide: Guide, project_root: Path) -> Iterator[tuple[Where, Loc, str]]:
    """Every `code_file` must be a regular, readable text file inside examples/.

    The model already allows only `examples/<name>.py|.sql` (no absolute path, no `..`);
    this resolves symbolic links, so one cannot lead the build to a file outside.
    """
    examples = (project_root / EXAMPLES_DIR).resolve()
    for where, base, document in documents(guide):
        for loc, item in walk(document, base):
            relative = getattr(item, "code_file", None)
            if relative:
                message = _code_file_problem(project_root / relative, examples)
                if message:
                    yield where, (*loc, "code_file"), f"'{relative}' {message}"


def _code_file_problem(path: Path, examples: Path) -> str | None:
    try:
        resolved = path.resolve(strict=True)
    except FileNotFoundError:
        return f"does not exist; add the file under {EXAMPLES_DIR}/ or fix the path"
    except (OSError, RuntimeError) as exc:  # a symlink loop, a path we may not read
        return f"cannot be opened: {exc.strerror or exc}"
    if not resolved.is_relative_to(examples):
        return f"leads outside {EXAMPLES_DIR}/ through a symbolic link"
    if not resolved.is_file():
        return "is not a regular file"
    try:
        if resolved.stat().st_size > MAX_CODE_FILE_BYTES:
            return f"is larger than {MAX_CODE_FILE_BYTES // 1000} kB"
        resolved.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return "is not UTF-8 text"
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    return None


def _unknown(kind: str, value: str, known: set[str], home: str) -> str:
    hint = difflib.get_close_matches(value, sorted(known), n=1)
    did_you_mean = f"; did you mean '{hint[0]}'?" if hint else ""
    return f"unknown {kind} '{value}': no such id in {home}{did_you_mean}"
