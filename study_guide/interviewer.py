"""The interviewer sheet: one printable page per round, for a friend playing the interviewer.

Each question shows its prompt, "what a strong answer covers" as boxes to tick and the likely
follow-ups in the order to ask them; the page ends with what the role's panel weighs. The
sections come from the presenter (presenter.SECTIONS), as on every other output, so labels and
Markdown are never written twice.

The sheet says how many pages it prints on. `printed_pages` estimates it from the text: each
block's lines at the printed width, and the lines a page holds on the smaller printable area of
A4 and US Letter (guide.css sets the sheet's print type). tests/browser/test_reading_in_browser.py
prints every sheet with Chromium on both papers and checks the page count stays within it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from . import mock
from .model import Question, Role, Round
from .presenter import Link, Presenter, SectionBody

# The sections a sheet shows, by field, in the presenter's own order.
SHEET_FIELDS = ("covers", "follow_ups")
# Printed layout (guide.css, `.guide-interviewer` in print, 8.5pt type): characters a line holds on
# the narrower paper (A4) once the list indent is taken off, and lines a page holds on the shorter
# one (Letter). About 66 lines fit; 56 leaves room for the gap at a page's end, since a question
# is kept whole on one page, and for list spacing. Fitted to Chromium's print of every sheet
# (benchmarks/results/interviewer-sheets.md): never below it, at most one page above.
CHARS_PER_LINE = 90
LINES_PER_PAGE = 56
# Lines a block takes besides its text: a question's heading, and the sheet's title and lede.
QUESTION_LINES = 2
HEAD_LINES = 5


@dataclass(frozen=True)
class SheetQuestion:
    number: int
    question: Question
    sections: list[SectionBody]  # covers, then follow-ups (the presenter's order)


@dataclass(frozen=True)
class Sheet:
    role: Role
    round: Round
    questions: list[SheetQuestion]
    pages: int  # the most pages it prints on, A4 or US Letter
    asked: int  # how many of them one round of its length asks (the mock round's rule, mock.py)
    minutes: int  # that length: the data's, or the mock's stated default when the data gives none
    assumed: bool  # True when the length is that default


def _lines(text: str) -> float:
    return sum(max(1, math.ceil(len(line) / CHARS_PER_LINE)) for line in str(text).splitlines() or [""])


def printed_pages(role: Role, questions: list[tuple[Question, list[SectionBody]]]) -> int:
    """The most pages the sheet prints on: its estimated lines over the lines a page holds."""
    lines = HEAD_LINES + sum(_lines(f"{s.name}. {s.description}") for s in role.signals)
    for question, sections in questions:
        lines += QUESTION_LINES + _lines(question.prompt)
        for section in sections:
            items = section.section.value(question.guidance)
            lines += sum(_lines(item) for item in items)
    return max(1, math.ceil(lines / LINES_PER_PAGE))


def sheet(presenter: Presenter, role: Role, round_: Round, questions: list[Question], link: Link) -> Sheet:
    """The round's sheet: its questions in page order, each with the sheet's sections."""
    chosen = [
        (q, [body for body in presenter.sections(q, link) if body.section.field in SHEET_FIELDS]) for q in questions
    ]
    numbered = [SheetQuestion(n, q, sections) for n, (q, sections) in enumerate(chosen, 1)]
    plan = mock.round_plan(round_, [q.kind.value for q in questions])
    return Sheet(
        role=role,
        round=round_,
        questions=numbered,
        pages=printed_pages(role, chosen),
        asked=plan.question_count,
        minutes=plan.minutes,
        assumed=mock.round_length(round_) is None,
    )
