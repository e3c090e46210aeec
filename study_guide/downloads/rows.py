"""questions.csv and questions.json: one row per question, its guidance as plain text.

The guidance columns are the presenter's sections, in its order: a new section is a new column.
"""

from __future__ import annotations

import csv
import io
import json

from ..paths import question_url
from ..presenter import SECTIONS, Presenter
from .entries import Entry

CSV_NAME = "questions.csv"
JSON_NAME = "questions.json"

FACT_COLUMNS = ["id", "roles", "rounds", "topic", "topic_name", "kind", "level", "origin", "prompt"]
COLUMNS = [*FACT_COLUMNS, *(section.field for section in SECTIONS), "url"]
LIST_COLUMNS = {"roles", "rounds", *(section.field for section in SECTIONS if section.kind == "list")}


def rows(entries: list[Entry], presenter: Presenter) -> list[dict]:
    """One row per question; list cells are lists here (JSON) and one item per line in the CSV."""
    result = []
    for entry in entries:
        q = entry.question
        rendered = presenter.rendered(q)
        row = {
            "id": q.id,
            "roles": list(dict.fromkeys(p.role for p in entry.asked_in)),
            "rounds": [f"{p.role}/{p.round}" for p in entry.asked_in],
            "topic": entry.topic.id,
            "topic_name": entry.topic.name,
            "kind": q.kind.value,
            "level": q.level.value,
            "origin": q.origin.value,
            "prompt": rendered.prompt_text,
        }
        row.update({section.field: [] if section.kind == "list" else "" for section in SECTIONS})
        for section in rendered.sections:
            row[section.field] = section.items if section.items is not None else section.text
        row["url"] = question_url(q, entry.topic)
        result.append(row)
    return result


# A spreadsheet program runs a cell that starts with one of these as a formula (OWASP "CSV
# injection"); data text such as "=HYPERLINK(...)" or "-2+3" must stay text when the file is opened.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert_cell(value: str) -> str:
    """The cell as a spreadsheet shows it as text: a leading single quote before a formula start."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def csv_text(rows_: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows_:
        writer.writerow({k: inert_cell("\n".join(v) if k in LIST_COLUMNS else v) for k, v in row.items()})
    return out.getvalue()


def json_text(rows_: list[dict]) -> str:
    return json.dumps(rows_, ensure_ascii=False, indent=1) + "\n"
