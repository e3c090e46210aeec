"""The study record a candidate's browser keeps (docs/assets/study/store.js), described once.

The browser writes it and reads it back; this model only documents its shape, as
schemas/study-record.schema.json, so an exported file can be checked and the format reviewed.
Question ids are the guide's stable ids, so rewording a question keeps its history.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import IntEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

FORMAT = "spotify-interview-study-guides-study-record"


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Rating(IntEnum):
    """FSRS's four ratings. Got it is recorded as Good, Needs work as Again."""

    again = 1
    hard = 2
    good = 3
    easy = 4


class Review(_Record):
    at: datetime = Field(description="When the answer was rated (never in the future).")
    rating: Rating


class Note(_Record):
    text: str = Field(max_length=5000, description="The candidate's own outline or STAR story.")
    at: datetime = Field(description="When the note was last edited; on import the newer note wins.")


class PlanDay(_Record):
    day: date
    questions: list[str] = Field(description="Ids of the questions first studied that day, in loop order.")


class Plan(_Record):
    """A study plan, saved when made so it reads the same on every later day."""

    role: str
    interview: date
    made: date
    per_day: int | None = Field(description="At most this many new questions a day (from the hours), or no cap.")
    days: list[PlanDay]
    unplaced: list[str] = Field(description="Questions the hours left no room for.")


class Pass(_Record):
    """The practice pass in progress, restored after a reload or Back."""

    role: str
    mode: str = Field(description="Which questions: due, all, needs-work or unmarked.")
    filters: dict[str, str] = Field(default_factory=dict, description="Round, kind and text filters.")
    order: list[str] = Field(description="Question ids in the order they are asked.")
    position: int = Field(ge=0)
    started: datetime
    seconds: int = Field(ge=0, description="Seconds on the timer for the current question.")


class StudyRecord(_Record):
    """Everything the study tools store, under one localStorage key (sisg.study.v2)."""

    format: Literal["spotify-interview-study-guides-study-record"] = FORMAT
    version: Literal[2] = 2
    exported_at: datetime | None = Field(default=None, description="Set in exported files only.")
    reviews: dict[str, list[Review]] = Field(description="Question id -> reviews, oldest first (at most 200).")
    notes: dict[str, Note] = Field(default_factory=dict)
    plan: Plan | None = None
    pass_: Pass | None = Field(default=None, alias="pass")
