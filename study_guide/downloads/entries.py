"""What the downloads hold: every question with where it is asked, and the Anki decks that group them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Guide, Question, Role, Topic
from ..paths import ALL_ROLES_DECK, Placement, placements

DOWNLOADS_DIR = "downloads"
ALL_ROLES = ALL_ROLES_DECK  # a reserved id (paths.RESERVED_IDS), so no role takes it
DECK_PREFIX = "Spotify Interview Study Guides"


@dataclass(frozen=True)
class Entry:
    """One question with everything a card or a row needs."""

    question: Question
    topic: Topic
    asked_in: tuple[Placement, ...]

    @property
    def tags(self) -> list[str]:
        q = self.question
        tags = {f"kind::{q.kind.value}", f"level::{q.level.value}", f"topic::{self.topic.id}"}
        tags.update(f"role::{p.role}" for p in self.asked_in)
        tags.update(f"round::{p.round}" for p in self.asked_in)
        return sorted(tags)


@dataclass(frozen=True)
class Deck:
    """One .apkg file: a role's questions in loop order, or every question."""

    file_name: str
    name: str
    role: Role | None
    entries: tuple[Entry, ...]

    @property
    def key(self) -> str:
        """What the deck's Anki id is derived from."""
        return f"deck:{self.role.id if self.role else ALL_ROLES}"

    @property
    def path(self) -> str:
        """Site-relative path of the file."""
        return f"{DOWNLOADS_DIR}/{self.file_name}"


def entries(guide: Guide) -> list[Entry]:
    """Every question, in data order (topics, then their questions), as guide.json lists them."""
    where = placements(guide)
    return [
        Entry(question=q, topic=topic, asked_in=tuple(where[topic.id]))
        for topic in guide.topics
        for q in topic.questions
    ]


def decks(guide: Guide) -> list[Deck]:
    """One deck per role (questions in loop order, each once), then the all-roles deck."""
    by_topic: dict[str, list[Entry]] = {}
    for entry in entries(guide):
        by_topic.setdefault(entry.topic.id, []).append(entry)

    def in_loop_order(roles: Iterable[Role]) -> tuple[Entry, ...]:
        seen: dict[str, Entry] = {}
        for role in roles:
            for round_ in role.rounds:
                for topic_id in round_.focus_topics:
                    for entry in by_topic.get(topic_id, []):
                        seen.setdefault(entry.question.id, entry)
        return tuple(seen.values())

    result = []
    for role in guide.roles:
        if role.id == ALL_ROLES:
            raise ValueError(f"role id '{ALL_ROLES}' is reserved for the deck with every role's questions")
        result.append(Deck(f"{role.id}.apkg", _deck_name(role.title), role, in_loop_order([role])))
    everything = in_loop_order(guide.roles)
    placed = {entry.question.id for entry in everything}
    unplaced = tuple(e for e in entries(guide) if e.question.id not in placed)
    result.append(Deck(f"{ALL_ROLES}.apkg", _deck_name("All roles"), None, everything + unplaced))
    return result


def _deck_name(title: str) -> str:
    # "::" separates sub-decks in Anki; a title must not create extra levels.
    return f"{DECK_PREFIX}::{' '.join(title.replace('::', ':').split())}"
