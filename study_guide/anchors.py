"""Cross-check: no data id may take an anchor a template reserves for its own heading.

Round, topic, question and worked-example ids become anchors on role pages, next to the
headings the role template anchors itself (paths.ANCHORS["role"]). A round called `loop` or
`faq` would repeat an id there, and links and its progress bar would land under the wrong
heading. (Clashes between data ids are crossref's job.)
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
