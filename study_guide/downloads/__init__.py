"""Files offered on the Downloads page, written into site/downloads/ at build time (never committed).

- `<role-id>.apkg`: an Anki deck per role, questions in loop order; `all-roles.apkg`: every question
  once (anki.py).
- `questions.csv` and `questions.json`: one row per question with its guidance (rows.py).
- Reproducible zips and the build time they carry (files.py); what goes in each deck (entries.py).
"""

from __future__ import annotations

from pathlib import Path

from ..model import Guide
from ..presenter import Presenter
from .anki import AnkiWriter
from .entries import DOWNLOADS_DIR, decks, entries
from .files import build_timestamp, zip_directory
from .rows import COLUMNS, CSV_NAME, JSON_NAME, csv_text, json_text, rows

OFFLINE_ZIP = "spotify-interview-study-guides-offline.zip"

__all__ = [
    "COLUMNS",
    "CSV_NAME",
    "DOWNLOADS_DIR",
    "JSON_NAME",
    "OFFLINE_ZIP",
    "build_timestamp",
    "decks",
    "write_downloads",
    "zip_directory",
]


def write_downloads(
    guide: Guide, presenter: Presenter, site_dir: Path, project_root: Path, *, timestamp: int | None = None
) -> list[Path]:
    """Write every download into site_dir/downloads/ and return the paths written."""
    stamp = build_timestamp(project_root) if timestamp is None else timestamp
    out = Path(site_dir) / DOWNLOADS_DIR
    out.mkdir(parents=True, exist_ok=True)
    written = []
    writer = AnkiWriter(guide, presenter, project_root / "templates", stamp)
    for deck in decks(guide):
        path = out / deck.file_name
        writer.write(deck, path)
        written.append(path)
    table = rows(entries(guide), presenter)
    for name, text in ((CSV_NAME, csv_text(table)), (JSON_NAME, json_text(table))):
        path = out / name
        # utf-8-sig: spreadsheet programs read the CSV as UTF-8 only with the byte-order mark.
        path.write_text(text, encoding="utf-8-sig" if name == CSV_NAME else "utf-8", newline="")
        written.append(path)
    return written
