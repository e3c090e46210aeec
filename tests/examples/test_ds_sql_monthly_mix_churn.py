"""The monthly lapse-rate query behind ds-sql-monthly-mix-churn, run on DuckDB."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd
import pytest

from . import example_sql

SQL = example_sql("ds_sql_monthly_mix_churn.sql")


def test_monthly_churn_leaves_out_months_whose_next_month_is_incomplete():
    con = duckdb.connect()
    # The query reads CURRENT_DATE; take the months around it from DuckDB itself.
    this_month = con.execute("SELECT CAST(DATE_TRUNC('month', CURRENT_DATE) AS DATE)").fetchone()[0]
    last_month = (this_month - dt.timedelta(days=1)).replace(day=1)
    two_ago = (last_month - dt.timedelta(days=1)).replace(day=1)
    rows = [
        *[(u, "t1", "daily_mix", "2024-01-05") for u in ("u1", "u2", "u3", "u4")],
        ("u1", "t2", "daily_mix", "2024-01-20"),  # a second play: still one listener
        *[(u, "t1", "daily_mix", "2024-02-07") for u in ("u1", "u2", "u5")],
        *[(u, "t1", "daily_mix", "2024-03-09") for u in ("u1", "u5")],
        ("u1", "t1", "radio", "2024-04-02"),  # not Daily Mix: u1 churned from the surface
        ("u9", "t1", "daily_mix", f"{two_ago}"),  # next month is complete: reported
        ("u9", "t1", "daily_mix", f"{last_month}"),  # next month has just started: left out
        ("u9", "t1", "daily_mix", f"{this_month}"),  # left out
    ]
    con.execute("CREATE TABLE plays (user_id VARCHAR, track_id VARCHAR, surface VARCHAR, played_at TIMESTAMP)")
    con.executemany("INSERT INTO plays VALUES (?, ?, ?, CAST(? AS TIMESTAMP))", rows)
    result = con.execute(SQL).df()
    assert list(result.columns) == ["month", "listeners", "churn_rate"]
    got = [(pd.Timestamp(m).date(), int(n), rate) for m, n, rate in result.itertuples(index=False)]
    assert got == [
        (dt.date(2024, 1, 1), 4, 0.5),
        (dt.date(2024, 2, 1), 3, pytest.approx(1 / 3)),
        (dt.date(2024, 3, 1), 2, 1.0),
        (two_ago, 1, 0.0),
    ]
