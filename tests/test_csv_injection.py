"""questions.csv cells never start like a formula, so a spreadsheet program shows them as text.

OWASP's CSV injection guidance: a cell starting with =, +, -, @, tab or carriage return is run
as a formula by Excel, LibreOffice and Google Sheets; a leading single quote makes it text.
"""

from __future__ import annotations

import csv
import io

import pytest

from study_guide.downloads.rows import COLUMNS, FORMULA_STARTS, LIST_COLUMNS, csv_text, json_text

DANGEROUS = ['=HYPERLINK("https://x.example","x")', "+1+2", "-2+3", "@SUM(A1:A2)", "\tx", "\rx"]


def _row(**cells) -> dict:
    row = {column: [] if column in LIST_COLUMNS else "plain" for column in COLUMNS}
    row.update(cells)
    return row


def _read(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_every_formula_start_is_covered():
    assert {value[0] for value in DANGEROUS} == set(FORMULA_STARTS)


@pytest.mark.parametrize("value", DANGEROUS)
def test_a_cell_starting_like_a_formula_gets_a_leading_quote(value):
    [read] = _read(csv_text([_row(prompt=value, covers=[value, "second"])]))
    assert read["prompt"] == f"'{value}"
    assert read["covers"] == f"'{value}\nsecond"  # a list cell is one cell: only its start matters


def test_safe_cells_are_unchanged_and_json_keeps_the_text():
    values = ["What is 2 - 1?", "A = B", " -leading space", "'quoted", ""]
    rows = [_row(prompt=value, covers=["x", "-later line"]) for value in values]
    assert [read["prompt"] for read in _read(csv_text(rows))] == values
    assert _read(csv_text(rows))[0]["covers"] == "x\n-later line"
    row = _row(prompt="=1+1")
    assert '"prompt": "=1+1"' in json_text([row])  # JSON is read by programs, not spreadsheets
