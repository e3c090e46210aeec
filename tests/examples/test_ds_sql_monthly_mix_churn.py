"""The monthly lapse-rate query behind ds-sql-monthly-mix-churn, run on DuckDB."""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from . import FRAME_PROPERTY, example_sql, run_on_plays

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


def _month_after(month):
    return dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)


MONTHLY_PLAYS = st.lists(
    st.tuples(
        st.sampled_from(["u1", "u2", "é", "e\u0301"]),
        st.sampled_from(["daily_mix", "daily_mix", "radio"]),
        # Late 2023 to early 2024: a year boundary, a leap day, and months long finished.
        st.sampled_from(["2023-11-30", "2023-12-01", "2023-12-31", "2024-01-01", "2024-02-29", "2024-03-01"]),
        st.sampled_from(["00:00", "23:59:59"]),
    ),
    max_size=14,
)


@FRAME_PROPERTY
@given(MONTHLY_PLAYS)
def test_lapse_rate_matches_counting_listeners_month_by_month(plays):
    rows = [(user, "t1", surface, f"{day} {time}") for user, surface, day, time in plays]
    got = [(pd.Timestamp(m).date(), int(n), rate) for m, n, rate in run_on_plays(SQL, rows)]
    listeners = {}  # month -> listeners who played Daily Mix in it
    for user, surface, day, _ in plays:
        if surface == "daily_mix":
            listeners.setdefault(dt.date.fromisoformat(day).replace(day=1), set()).add(user)
    expected = []
    for month in sorted(listeners):  # every month here ended long before the current one
        lapsed = listeners[month] - listeners.get(_month_after(month), set())
        expected.append((month, len(listeners[month]), pytest.approx(len(lapsed) / len(listeners[month]))))
    assert got == expected
