"""The mock-round rule: how long a rehearsal of a round runs and which questions it asks.

Defined once here; guide.json carries the result (export.py) and the browser only presents it.

- **Length.** The round's `duration` from the data, the upper end of a range (a round booked for
  45–60 minutes is held to the hour; finishing early costs nothing). A round with no duration in
  the data gets `DEFAULT_ROUND_MINUTES`, shown to the candidate as this guide's assumption, and the
  candidate may pick another of `LENGTH_CHOICES`.
- **Answering time.** The length minus `OVERHEAD_MINUTES` for introductions and the candidate's own
  questions (at most a third of a short round).
- **Questions.** `KIND_MINUTES` is what one question of a kind gets in a real round, follow-ups
  included. A round's kinds are weighed by the time its questions of that kind would take
  (how many × minutes each), so a coding round with a few more short technical questions than
  coding problems is still a coding round. The heaviest kind leads and takes as many questions
  as fit the answering time (at least one, whatever its length); what is left is filled by the
  next heaviest kind, and so on (ties: the longer kind first). A kind never takes more questions
  than the round has of it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .model import QuestionKind, Round

# Minutes one question of each kind gets in a real round, follow-ups included: one system-design
# problem fills a 60-minute design round, about four behavioural questions fit an hour, two coding
# problems an hour, one product case per 45–60 minutes. Also the practice timer "by question kind".
KIND_MINUTES: dict[str, int] = {
    QuestionKind.system_design.value: 50,
    QuestionKind.product_case.value: 40,
    QuestionKind.coding.value: 25,
    QuestionKind.behavioral.value: 12,
    QuestionKind.technical.value: 10,
    QuestionKind.culture_motivation.value: 5,
}
OVERHEAD_MINUTES = 10  # introductions (about 5) and the candidate's own questions (about 5)
DEFAULT_ROUND_MINUTES = 45  # an assumption for rounds whose length no source gives
LENGTH_CHOICES = (30, 45, 60, 90)  # what a candidate may pick for such a round
BREAK_MINUTES = 10  # between rounds of a mock loop; the data gives no breaks, so an assumption


@dataclass(frozen=True)
class Slot:
    """`count` questions of one kind, `minutes` each."""

    kind: str
    count: int
    minutes: int


@dataclass(frozen=True)
class MockPlan:
    """A mock of one round at one length."""

    minutes: int  # the whole round
    overhead_minutes: int
    slots: tuple[Slot, ...]  # in the order they are asked: the leading kind first

    @property
    def answer_minutes(self) -> int:
        return self.minutes - self.overhead_minutes

    @property
    def question_count(self) -> int:
        return sum(slot.count for slot in self.slots)

    @property
    def minutes_per_question(self) -> int:
        """The answering time shared evenly: Practice's timer 'from the round's length'."""
        return self.answer_minutes // self.question_count if self.question_count else self.answer_minutes


def round_length(round_: Round) -> int | None:
    """The round's length from the data (the upper end of a range), or None when it gives none."""
    if not round_.duration:
        return None
    return round_.duration.max or round_.duration.min


def overhead(minutes: int) -> int:
    return min(OVERHEAD_MINUTES, minutes // 3)


def kind_order(kinds: Iterable[str]) -> list[tuple[str, int]]:
    """(kind, how many questions), heaviest first: by count × minutes, then the longer kind."""
    counts = Counter(kinds)
    return sorted(counts.items(), key=lambda item: (-item[1] * KIND_MINUTES[item[0]], -KIND_MINUTES[item[0]], item[0]))


def plan(minutes: int, kinds: Iterable[str]) -> MockPlan:
    """The mock of a round `minutes` long whose questions are of `kinds` (one entry per question)."""
    spare = minutes - overhead(minutes)
    answer = spare
    slots = []
    for kind, available in kind_order(kinds):
        each = min(KIND_MINUTES[kind], answer)
        fit = spare // each if each else 0
        if not slots:
            fit = max(1, fit)  # the leading kind is asked even when one question overruns
        count = min(available, fit)
        if count:
            slots.append(Slot(kind, count, each))
            spare -= count * each
        if spare <= 0:
            break
    return MockPlan(minutes=minutes, overhead_minutes=overhead(minutes), slots=tuple(slots))


def round_plan(round_: Round, kinds: Iterable[str]) -> MockPlan:
    """The mock at the round's own length, or at the stated default when the data gives none."""
    return plan(round_length(round_) or DEFAULT_ROUND_MINUTES, kinds)
