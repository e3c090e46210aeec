"""Anki decks (.apkg): one note per question; front = prompt, back = the guidance sections.

Card markup lives in templates/anki/ (a Jinja environment with autoescape on); the prompt and
guidance come already rendered by the presenter, from escaped data text. Ids are fixed hashes,
so importing a newer deck updates the notes already in Anki instead of adding copies, and equal
data gives equal bytes.
"""

from __future__ import annotations

import hashlib
import itertools
import sqlite3
from pathlib import Path

import genanki
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import escape

from .. import sanitise
from ..model import Guide
from ..presenter import KIND_LABELS, Presenter
from .entries import Deck, Entry
from .files import write_zip

MODEL_NAME = "Spotify Interview Study Guides question"
GUID_NAMESPACE = "spotify-interview-study-guides"
FIELDS = ["Prompt", "Guidance", "Context", "Id"]


def anki_id(key: str) -> int:
    """A stable Anki id for `key`, in the range genanki recommends (2**30 to 2**31 - 1)."""
    digest = hashlib.sha256(f"{GUID_NAMESPACE}:{key}".encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:8], "big") % (1 << 30)


def note_guid(question_id: str) -> str:
    """The note's GUID: Anki matches re-imported notes by it, so it depends on the question id only."""
    return genanki.guid_for(GUID_NAMESPACE, question_id)


MODEL_ID = anki_id("model:question")


class AnkiWriter:
    """Builds the note type and the .apkg files from templates/anki/."""

    def __init__(self, guide: Guide, presenter: Presenter, templates_dir: Path, timestamp: int):
        self.guide = guide
        self.presenter = presenter
        self.timestamp = timestamp
        self.anki_dir = templates_dir / "anki"
        self.env = Environment(
            loader=FileSystemLoader(self.anki_dir),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters["kind_label"] = KIND_LABELS.__getitem__
        self.roles = {role.id: role for role in guide.roles}
        self.rounds = {(role.id, r.id): r for role in guide.roles for r in role.rounds}
        self.model = genanki.Model(
            MODEL_ID,
            MODEL_NAME,
            fields=[{"name": name} for name in FIELDS],
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
        rendered = self.presenter.rendered(q)
        asked_in = [(self.roles[p.role], self.rounds[(p.role, p.round)]) for p in entry.asked_in]
        fields = [
            self._render("prompt.html.j2", prompt=rendered.prompt_html),
            self._render("guidance.html.j2", sections=rendered.sections),
            self._render("context.html.j2", question=q, topic=entry.topic, asked_in=asked_in),
            str(escape(q.id)),
        ]
        # Anki renders a field as HTML and runs its scripts: every field passes the allowlist. The
        # prompt and guidance were sanitised by the presenter and the rest is escaped by the
        # templates, so nothing is removed here; cleaning again keeps it so if that ever changes.
        return [sanitise.clean(field) for field in fields]

    def package(self, deck: Deck) -> genanki.Package:
        description = sanitise.clean(self._render("deck_description.html.j2", deck=deck))
        anki_deck = genanki.Deck(anki_id(deck.key), deck.name, description)
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
        write_zip(path, [("collection.anki2", collection), ("media", b"{}")], self.timestamp)
