"""Files offered on the Downloads page, written into site/downloads/ at build time (never committed).

- `<role-id>.apkg`: an Anki deck per role, questions in loop order; `all-roles.apkg`: every question once.
- `questions.csv` and `questions.json`: one row per question with its guidance.

Anki cards are HTML. Their markup lives in templates/anki/ (a Jinja environment with
autoescape on, so every data string is HTML-escaped); Python only picks the data.
Ids are derived from fixed hashes so that importing a newer deck updates the notes
already in Anki instead of adding copies, and the files are byte-for-byte reproducible.
"""

from __future__ import annotations

import csv
import hashlib
import io
import itertools
import json
import os
import re
import sqlite3
import subprocess
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import genanki
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import escape

from .model import Framework, Guide, Question, Role, Topic
from .paths import Placement, placements, question_url
from .render import KIND_LABELS

DOWNLOADS_DIR = "downloads"
ALL_ROLES = "all-roles"
CSV_NAME = "questions.csv"
JSON_NAME = "questions.json"
OFFLINE_ZIP = "spotify-interview-study-guides-offline.zip"
CHEATSHEETS_DIR = "cheatsheets"

DECK_PREFIX = "Spotify Interview Study Guides"
MODEL_NAME = "Spotify Interview Study Guides question"
GUID_NAMESPACE = "spotify-interview-study-guides"
# Used when neither SOURCE_DATE_EPOCH nor a git commit gives the build time (2025-01-01T00:00:00Z).
FALLBACK_TIMESTAMP = 1735689600

COLUMNS = [
    "id",
    "roles",
    "rounds",
    "topic",
    "topic_name",
    "kind",
    "level",
    "origin",
    "prompt",
    "covers",
    "structure",
    "framework",
    "pitfalls",
    "follow_ups",
    "staff_signal",
    "url",
]
LIST_COLUMNS = {"roles", "rounds", "covers", "pitfalls", "follow_ups"}

_PROJECT_ROOT = Path(__file__).resolve().parent.parent


# What goes where ----------------------------------------------------------------------


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
    def deck_id(self) -> int:
        return anki_id(f"deck:{self.role.id if self.role else ALL_ROLES}")

    @property
    def path(self) -> str:
        """Site-relative path of the file."""
        return f"{DOWNLOADS_DIR}/{self.file_name}"


def anki_id(key: str) -> int:
    """A stable Anki id for `key`, in the range genanki recommends (2**30 to 2**31 - 1)."""
    digest = hashlib.sha256(f"{GUID_NAMESPACE}:{key}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)


def note_guid(question_id: str) -> str:
    """The note's GUID: Anki matches re-imported notes by it, so it depends on the question id only."""
    return genanki.guid_for(GUID_NAMESPACE, question_id)


MODEL_ID = anki_id("model:question")


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


def role_frameworks(guide: Guide, role: Role) -> list[Framework]:
    """Frameworks a role uses: those its rounds name, then those its questions' guidance names."""
    frameworks = {f.id: f for f in guide.frameworks}
    topics = {t.id: t for t in guide.topics}
    ids: dict[str, None] = {}
    for round_ in role.rounds:
        ids.update(dict.fromkeys(round_.frameworks))
    for round_ in role.rounds:
        for topic_id in round_.focus_topics:
            for q in topics[topic_id].questions:
                if q.guidance.framework:
                    ids[q.guidance.framework] = None
    return [frameworks[i] for i in ids if i in frameworks]


# Rows: questions.csv and questions.json ----------------------------------------------


def rows(guide: Guide) -> list[dict]:
    """One row per question; list-valued cells are lists here (JSON) and one item per line in the CSV."""
    result = []
    for entry in entries(guide):
        q, g = entry.question, entry.question.guidance
        roles = list(dict.fromkeys(p.role for p in entry.asked_in))
        result.append(
            {
                "id": q.id,
                "roles": roles,
                "rounds": [f"{p.role}/{p.round}" for p in entry.asked_in],
                "topic": entry.topic.id,
                "topic_name": entry.topic.name,
                "kind": q.kind.value,
                "level": q.level.value,
                "origin": q.origin.value,
                "prompt": q.prompt,
                "covers": list(g.covers),
                "structure": g.structure,
                "framework": g.framework or "",
                "pitfalls": list(g.pitfalls),
                "follow_ups": list(g.follow_ups),
                "staff_signal": g.staff_signal or "",
                "url": question_url(q),
            }
        )
    return result


def csv_text(guide: Guide) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows(guide):
        writer.writerow({k: "\n".join(v) if k in LIST_COLUMNS else v for k, v in row.items()})
    return out.getvalue()


def json_text(guide: Guide) -> str:
    return json.dumps(rows(guide), ensure_ascii=False, indent=1) + "\n"


# Anki ---------------------------------------------------------------------------------

_INLINE = re.compile(
    r"(?P<code>(`+)(?P<code_text>.+?)\2)"
    r"|\*\*(?P<strong>.+?)\*\*"
    r"|(?<![\w*])\*(?P<em>[^\s*](?:[^*]*?[^\s*])?)\*(?![\w*])"
    r"|\[(?P<link>[^\]]+)\]\([^)\s]*\)"
)


def segments(text: str) -> list[tuple[str, str]]:
    """Split Markdown text into (kind, text) runs: text, code, strong, em. Links keep their text.

    The card templates turn the runs into HTML; every run is escaped there.
    """
    text = " ".join(str(text).split())
    result: list[tuple[str, str]] = []
    last = 0
    for match in _INLINE.finditer(text):
        if match.start() > last:
            result.append(("text", text[last : match.start()]))
        if match.group("code"):
            result.append(("code", match.group("code_text").strip()))
        elif match.group("strong") is not None:
            result.append(("strong", match.group("strong")))
        elif match.group("em") is not None:
            result.append(("em", match.group("em")))
        else:
            result.append(("text", match.group("link")))
        last = match.end()
    if last < len(text):
        result.append(("text", text[last:]))
    return result


class AnkiWriter:
    """Builds the note type and the .apkg files from templates/anki/."""

    def __init__(self, guide: Guide, templates_dir: Path, timestamp: int):
        self.guide = guide
        self.timestamp = timestamp
        self.anki_dir = templates_dir / "anki"
        self.env = Environment(
            loader=FileSystemLoader(self.anki_dir),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["segments"] = segments
        self.env.filters["kind_label"] = KIND_LABELS.__getitem__
        self.roles = {role.id: role for role in guide.roles}
        self.rounds = {(role.id, r.id): r for role in guide.roles for r in role.rounds}
        self.frameworks = {f.id: f for f in guide.frameworks}
        self.model = genanki.Model(
            MODEL_ID,
            MODEL_NAME,
            fields=[{"name": "Prompt"}, {"name": "Guidance"}, {"name": "Context"}, {"name": "Id"}],
            templates=[
                {
                    "name": "Question",
                    "qfmt": self._read("front.html"),
                    "afmt": self._read("back.html"),
                }
            ],
            css=self._read("card.css"),
            sort_field_index=0,
        )

    def _read(self, name: str) -> str:
        return (self.anki_dir / name).read_text(encoding="utf-8")

    def _render(self, template: str, **context) -> str:
        return self.env.get_template(template).render(**context).strip()

    def fields(self, entry: Entry) -> list[str]:
        q = entry.question
        framework = self.frameworks.get(q.guidance.framework) if q.guidance.framework else None
        asked_in = [(self.roles[p.role], self.rounds[(p.role, p.round)]) for p in entry.asked_in]
        return [
            self._render("prompt.html.j2", question=q),
            self._render("guidance.html.j2", guidance=q.guidance, framework=framework),
            self._render("context.html.j2", question=q, topic=entry.topic, asked_in=asked_in),
            str(escape(q.id)),
        ]

    def package(self, deck: Deck) -> genanki.Package:
        description = self._render("deck_description.html.j2", deck=deck)
        anki_deck = genanki.Deck(deck.deck_id, deck.name, description)
        for position, entry in enumerate(deck.entries):
            note = genanki.Note(
                model=self.model,
                fields=self.fields(entry),
                tags=entry.tags,
                guid=note_guid(entry.question.id),
                due=position,
            )
            anki_deck.add_note(note)
        return genanki.Package(anki_deck)

    def write(self, deck: Deck, path: Path) -> None:
        """Write the .apkg with fixed ids, note times and zip entry dates, so equal data gives equal bytes.

        genanki's own write_to_file takes a timestamp for notes and cards but stamps the zip
        entries with the current time, so the collection is built here and zipped with fixed dates.
        """
        conn = sqlite3.connect(":memory:")
        try:
            cursor = conn.cursor()
            id_gen = itertools.count(self.timestamp * 1000)  # note and card ids, as genanki numbers them
            self.package(deck).write_to_db(cursor, float(self.timestamp), id_gen)
            conn.commit()
            collection = conn.serialize()
        finally:
            conn.close()
        _write_zip(path, [("collection.anki2", collection), ("media", b"{}")], self.timestamp)


def _write_zip(path: Path, members: Iterable[tuple[str, bytes]], timestamp: int) -> None:
    date_time = datetime.fromtimestamp(max(timestamp, 315532800), UTC).timetuple()[:6]
    with zipfile.ZipFile(path, "w") as out:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            out.writestr(info, data)


def zip_directory(source: Path, target: Path, prefix: str, timestamp: int) -> None:
    """Zip every file under `source` into `target` below `prefix/`, sorted, with fixed dates."""
    files = sorted(p for p in source.rglob("*") if p.is_file())
    _write_zip(target, ((f"{prefix}/{p.relative_to(source).as_posix()}", p.read_bytes()) for p in files), timestamp)


def build_timestamp(project_root: Path | None = None) -> int:
    """Seconds since the epoch for notes, cards and zip entries: reproducible, and newer with each commit.

    SOURCE_DATE_EPOCH if set, else the time of the checked-out git commit, else a fixed date.
    Anki updates an imported note only when the incoming one is newer, so the time must grow
    between releases: a commit time does, and it is the same for every build of that commit.
    """
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value.isdigit():
        return int(value)
    root = project_root or _PROJECT_ROOT
    if (root / ".git").exists():
        try:
            result = subprocess.run(
                ["git", "log", "-1", "--format=%ct"],
                cwd=root,
                capture_output=True,
                text=True,
                timeout=10,
                check=False,
            )
        except (OSError, subprocess.SubprocessError):
            result = None
        if result is not None and result.returncode == 0 and result.stdout.strip().isdigit():
            return int(result.stdout.strip())
    return FALLBACK_TIMESTAMP


# Entry point --------------------------------------------------------------------------


def write_downloads(
    guide: Guide, site_dir: Path, *, project_root: Path | None = None, timestamp: int | None = None
) -> list[Path]:
    """Write every download into site_dir/downloads/ and return the paths written."""
    root = project_root or _PROJECT_ROOT
    stamp = build_timestamp(root) if timestamp is None else timestamp
    out = Path(site_dir) / DOWNLOADS_DIR
    out.mkdir(parents=True, exist_ok=True)
    written = []
    writer = AnkiWriter(guide, root / "templates", stamp)
    for deck in decks(guide):
        path = out / deck.file_name
        writer.write(deck, path)
        written.append(path)
    for name, text in ((CSV_NAME, csv_text(guide)), (JSON_NAME, json_text(guide))):
        path = out / name
        # utf-8-sig: spreadsheet programs read the CSV as UTF-8 only with the byte-order mark.
        path.write_text(text, encoding="utf-8-sig" if name == CSV_NAME else "utf-8", newline="")
        written.append(path)
    return written
