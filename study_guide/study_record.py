"""The study record a candidate's browser keeps (docs/assets/study/store.js), described once.

The browser writes it and reads it back; this model only documents its shape, as
schemas/study-record.schema.json, so an exported file can be checked and the format reviewed.
Question ids are the guide's stable ids, so rewording a question keeps its history.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import IntEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

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
    role: str | None = Field(
        default=None,
        pattern=r"^[a-z0-9][a-z0-9-]{0,99}$",
        description="The role being practised (Practice sets it); My progress counts the review for that role "
        "only. Absent on reviews from reading pages and earlier versions: they count for every role.",
    )


class Note(_Record):
    text: str = Field(max_length=5000, description="The candidate's own outline or STAR story.")
    at: datetime = Field(description="When the note was last edited; on import the newer note wins.")


class PlanDay(_Record):
    day: date
    questions: list[str] = Field(description="Ids of the questions planned that day when the plan was made.")


class RoundChoice(_Record):
    status: Literal["in", "passed", "skipped"] = Field(
        default="in", description="in: to study; passed (already behind the candidate) or skipped: left out."
    )
    weight: Literal["normal", "worried"] = Field(
        default="normal", description="worried: the round gets two turns in the order for one."
    )


class Plan(_Record):
    """A study plan. `order` and the choices are kept as made; each day's new questions are what is
    left of `order` spread again over the study days left (docs/assets/study/loop.js, schedule), so
    missed days are caught up within the hours instead of piling onto today."""

    role: str
    interview: date
    made: date
    hours: float | None = Field(
        default=None, gt=0, le=16, description="Hours a day; null for a plan from version 2 (paced by per_day)."
    )
    per_day: int | None = Field(default=None, description="Version 2 plans: at most this many new questions a day.")
    rounds: dict[str, RoundChoice] = Field(default_factory=dict, description="Round id -> the candidate's choice.")
    order: list[str] = Field(
        default_factory=list, description="Question ids to learn, most important first (every round a share)."
    )
    days: list[PlanDay] = Field(description="The days as planned when the plan was made.")
    unplaced: list[str] = Field(description="Questions the hours left no room for when the plan was made.")


class Pass(_Record):
    """The practice pass in progress, restored after a reload or Back."""

    role: str
    mode: str = Field(description="Which questions: due, all, needs-work or unmarked.")
    filters: dict[str, str] = Field(default_factory=dict, description="Round, kind and text filters.")
    order: list[str] = Field(description="Question ids in the order they are asked.")
    position: int = Field(ge=0)
    started: datetime
    seconds: int = Field(ge=0, description="Seconds on the timer for the current question.")


ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,99}$"


class DebriefQuestion(_Record):
    id: str = Field(description="Question id.")
    covers: int = Field(ge=0, le=60, description="How many points 'what a strong answer covers' had.")
    covered: list[int] = Field(description="Indexes of the points the candidate ticked, ascending.")
    rating: Rating | None = Field(description="The rating given (also recorded as a review), or null.")
    notes: str = Field(max_length=5000)


class DebriefRound(_Record):
    round: str = Field(pattern=ID_PATTERN)
    minutes: int | None = Field(gt=0, le=600, description="The length the round ran for.")
    notes: str = Field(max_length=5000)
    questions: list[DebriefQuestion] = Field(max_length=40)


class Debrief(_Record):
    """A scored mock round or loop (docs/assets/study/mock.js). On import, debriefs are merged by id."""

    id: str = Field(pattern=ID_PATTERN)
    at: datetime = Field(description="When it was saved (never in the future).")
    role: str = Field(pattern=ID_PATTERN)
    kind: Literal["round", "loop"]
    notes: str = Field(max_length=5000)
    rounds: list[DebriefRound] = Field(min_length=1, max_length=20)


class MockQuestion(_Record):
    id: str
    minutes: int = Field(description="About how long the question gets in the round (study_guide/mock.py).")


class MockRound(_Record):
    round: str = Field(pattern=ID_PATTERN)
    minutes: int = Field(gt=0, le=600, description="The length it runs for.")
    questions: list[MockQuestion] = Field(description="The questions drawn for it, in the order asked.")
    notes: dict[str, str] = Field(description="Question id -> the candidate's notes typed during the round.")
    elapsedMs: int | None = Field(description="Time used, once the round is over.")


class MockClock(_Record):
    startedAt: int = Field(description="Milliseconds since the epoch.")
    pausedAt: int | None = Field(description="Set while paused.")
    pausedMs: int = Field(ge=0, description="Time spent paused so far.")


class MockStep(_Record):
    q: int = Field(ge=0, description="Index of the question being asked.")
    followUp: int = Field(ge=-1, description="-1 while answering the prompt, then the follow-up asked.")


class MockScore(_Record):
    covered: list[int]
    rating: Rating | None
    notes: str


class Mock(_Record):
    """The mock round or loop in progress (docs/assets/study/mock.js), restored after a reload."""

    role: str = Field(pattern=ID_PATTERN)
    kind: Literal["round", "loop"]
    started: datetime
    rounds: list[MockRound] = Field(min_length=1)
    index: int = Field(ge=0, description="The round being run (or the last one before a break).")
    phase: Literal["round", "break", "debrief"]
    step: MockStep
    clock: MockClock = Field(description="The clock of the current round or break.")
    score: dict[str, MockScore] = Field(description="'<round index>:<question id>' -> the scorecard so far.")
    notes: str


class Story(_Record):
    """A story of the candidate's own, written once in the story bank (docs/assets/study/storybank.js
    cleans and merges them; its caps are the limits here)."""

    id: str = Field(pattern=ID_PATTERN, description="Made by the browser when the story is first saved.")
    role: str = Field(pattern=ID_PATTERN, description="The role it was written for: its themes are that role's.")
    title: str = Field(min_length=1, max_length=200)
    situation: str = Field(default="", max_length=5000)
    task: str = Field(default="", max_length=5000)
    action: str = Field(default="", max_length=5000)
    result: str = Field(default="", max_length=5000)
    learned: str = Field(default="", max_length=5000, description="What the candidate learned.")
    numbers: str = Field(default="", max_length=5000, description="The figures that show the result.")
    themes: list[Annotated[str, StringConstraints(pattern=ID_PATTERN)]] = Field(
        default_factory=list, max_length=20, description="Ids of the role's story themes (guide.json)."
    )
    questions: list[Annotated[str, StringConstraints(pattern=ID_PATTERN)]] = Field(
        default_factory=list, max_length=60, description="Ids of the questions it answers."
    )
    at: datetime = Field(description="When it was last saved; on import the newer copy of a story wins.")


class StudyRecord(_Record):
    """Everything the study tools store, under one localStorage key (sisg.study.v2, a name kept from
    version 2). Version 2 and 3 records and files are read and migrated: plans gain order, hours and
    rounds; a version 3 record gains no debriefs, no mock in progress and an empty story list."""

    format: Literal["spotify-interview-study-guides-study-record"] = FORMAT
    version: Literal[4] = 4
    exported_at: datetime | None = Field(default=None, description="Set in exported files only.")
    reviews: dict[str, list[Review]] = Field(description="Question id -> reviews, oldest first (at most 200).")
    notes: dict[str, Note] = Field(default_factory=dict)
    plan: Plan | None = None
    pass_: Pass | None = Field(default=None, alias="pass")
    debriefs: list[Debrief] = Field(
        default_factory=list, max_length=200, description="Saved debriefs of mock rounds and loops, oldest first."
    )
    mock: Mock | None = Field(default=None, description="The device's own; never merged on import.")
    stories: list[Story] = Field(default_factory=list, max_length=200, description="The story bank, oldest first.")
