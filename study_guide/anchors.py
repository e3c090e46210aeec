"""Cross-check: no data id may take an anchor a template reserves, or a name the site reserves.

Round, topic, question and worked-example ids become anchors on role pages, next to the
headings the role template anchors itself (paths.ANCHORS["role"]). A round called `loop` or
`faq` would repeat an id there, and links and its progress bar would land under the wrong
heading. Any id (role, round, topic, question, worked example, framework, source) is also checked
against paths.RESERVED_IDS: names the pages, the study tools and the downloads use themselves.
(Clashes between data ids are crossref's job.)
"""

from __future__ import annotations

from collections.abc import Iterator

from . import paths
from .errors import Loc
from .model import Guide

Where = tuple[str, str | None]


def findings(guide: Guide) -> Iterator[tuple[Where, Loc, str]]:
    """(where, loc, message) for each data id that is a reserved anchor; crossref.RULES runs this."""
    reserved = paths.reserved_role_anchors()
    for where, loc, kind, anchor in _role_page_ids(guide):
        if anchor in reserved:
            message = f"{kind} id '{anchor}' is reserved: role pages give it to their own '{anchor}' section"
            yield where, loc, f"{message}; choose another id"
    for where, loc, kind, value in _all_ids(guide):
        why = paths.reserved_id(value)
        if why:
            yield where, loc, f"{kind} id '{value}' is reserved: {why}; choose another id"


def _all_ids(guide: Guide) -> Iterator[tuple[Where, Loc, str, str]]:
    """(where, loc, kind, id) of every id in the data."""
    for role in guide.roles:
        yield ("roles", role.id), ("id",), "role", role.id
    yield from _role_page_ids(guide)
    for index, framework in enumerate(guide.frameworks):
        yield ("frameworks.yaml", None), (index, "id"), "framework", framework.id
    for index, source in enumerate(guide.sources):
        yield ("sources.yaml", None), (index, "id"), "source", source.id


def _role_page_ids(guide: Guide) -> Iterator[tuple[Where, Loc, str, str]]:
    """(where, loc, kind, id) of every data id that becomes an anchor on a role page."""
    for role in guide.roles:
        for index, round_ in enumerate(role.rounds):
            yield ("roles", role.id), ("rounds", index, "id"), "round", round_.id
        for index, example in enumerate(role.worked_examples):
            yield ("roles", role.id), ("worked_examples", index, "id"), "worked example", example.id
    for topic in guide.topics:
        yield ("topics", topic.id), ("id",), "topic", topic.id
        for index, question in enumerate(topic.questions):
            yield ("topics", topic.id), ("questions", index, "id"), "question", question.id
