"""Plain pytest tests for the solution files in examples/, one module per file."""

from __future__ import annotations

import importlib.util
import os
import sys
from types import ModuleType

import duckdb
from hypothesis import settings

from ..conftest import ROOT


def load_example(file_name: str) -> ModuleType:
    """Import examples/<file_name> (a file name may contain hyphens, so not a package import)."""
    name = "example_" + file_name.removesuffix(".py").replace("-", "_")
    spec = importlib.util.spec_from_file_location(name, ROOT / "examples" / file_name)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def example_sql(file_name: str) -> str:
    return (ROOT / "examples" / file_name).read_text(encoding="utf-8")


# Property tests: enough generated cases to find edge cases, few enough to keep the suite fast.
# No deadline: a slow example on a busy machine is not a failure (complexity is benchmarked instead).
# For a longer hunt, EXAMPLE_PROPERTY_RUNS=500 runs 500 examples per property test (DataFrame and
# database ones in proportion).
# (500 and 1,000 per test both passed on 2026-12-07.)
_SCALE = int(os.environ.get("EXAMPLE_PROPERTY_RUNS", "30")) / 30
PROPERTY = settings(max_examples=round(30 * _SCALE), deadline=None)
# Tests that build a DataFrame or a database per example cost milliseconds each, so they run fewer.
FRAME_PROPERTY = settings(max_examples=max(1, round(15 * _SCALE)), deadline=None)

_plays_db = None


def run_on_plays(sql: str, rows: list[tuple]) -> list[tuple]:
    """Rows of `sql` run on a `plays` table (user_id, track_id, surface, played_at) holding `rows`.

    One in-memory DuckDB connection is reused across calls (opening one costs tens of
    milliseconds, which adds up over generated examples); the table is emptied first.
    """
    global _plays_db
    if _plays_db is None:
        _plays_db = duckdb.connect()
        _plays_db.execute(
            "CREATE TABLE plays (user_id VARCHAR, track_id VARCHAR, surface VARCHAR, played_at TIMESTAMP)"
        )
    _plays_db.execute("DELETE FROM plays")
    if rows:
        placeholders = ", ".join(["(?, ?, ?, CAST(? AS TIMESTAMP))"] * len(rows))
        _plays_db.execute(f"INSERT INTO plays VALUES {placeholders}", [value for row in rows for value in row])
    return _plays_db.execute(sql).fetchall()
