"""The weekly Daily Mix churn query behind ds-sql-weekly-mix-churn, run on DuckDB."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ..conftest import ROOT
from . import FRAME_PROPERTY, run_on_plays

SQL = (ROOT / "examples" / "ds_sql_weekly_mix_churn.sql").read_text(encoding="utf-8")


def _run(rows):
    con = duckdb.connect()
    con.execute("CREATE TABLE plays (user_id VARCHAR, track_id VARCHAR, surface VARCHAR, played_at TIMESTAMP)")
    if rows:
        con.executemany("INSERT INTO plays VALUES (?, ?, ?, CAST(? AS TIMESTAMP))", rows)
    return [(week, int(n), rate) for week, n, rate in con.execute(SQL).fetchall()]


def test_weekly_churn_by_calendar_week():
    # 2024-03-04 is a Monday.
    rows = [
        *[(u, "t1", "daily_mix", "2024-03-04 09:00") for u in ("u1", "u2", "u3", "u4")],
        ("u1", "t2", "daily_mix", "2024-03-10 23:00"),  # a second play in the same week: one listener
        ("u1", "t1", "daily_mix", "2024-03-11 08:00"),  # u1 returns next week
        ("u2", "t1", "daily_mix", "2024-03-17 22:00"),  # Sunday: still next week
        ("u3", "t1", "radio", "2024-03-12 10:00"),  # u3 stays on Spotify but churns from Daily Mix
        ("u5", "t1", "daily_mix", "2024-03-13 10:00"),  # new in week 2
        ("u9", "t9", "search", "2024-03-24 12:00"),  # data reach the end of week 3
    ]
    assert _run(rows) == [
        (dt.date(2024, 3, 4), 4, 0.5),
        (dt.date(2024, 3, 11), 3, 1.0),
    ]


def test_incomplete_following_week_is_left_out():
    rows = [
        ("u1", "t1", "daily_mix", "2024-03-04 09:00"),
        ("u1", "t1", "daily_mix", "2024-03-16 09:00"),  # data stop on Saturday of week 2
    ]
    assert _run(rows) == []
    rows.append(("u2", "t1", "podcast", "2024-03-17 00:30"))  # now week 2 is complete
    assert _run(rows) == [(dt.date(2024, 3, 4), 1, 0.0)]


def test_gap_week_counts_as_churn_even_if_the_listener_comes_back_later():
    rows = [
        ("u1", "t1", "daily_mix", "2024-03-04 09:00"),
        ("u1", "t1", "daily_mix", "2024-03-18 09:00"),
        ("u1", "t1", "daily_mix", "2024-03-31 09:00"),  # Sunday of the week after 18 March
    ]
    # Week of 4 March: nothing in the week of 11 March, so churned, even though u1 is back on the 18th.
    # Week of 18 March: back on the 31st. Week of 25 March: its next week is not in the data yet.
    assert _run(rows) == [(dt.date(2024, 3, 4), 1, 1.0), (dt.date(2024, 3, 18), 1, 0.0)]


def test_empty_table_and_no_daily_mix():
    assert _run([]) == []
    assert _run([("u1", "t1", "radio", "2024-03-04 09:00"), ("u1", "t1", "radio", "2024-04-04 09:00")]) == []


def test_many_listeners():
    rows = [(f"u{i}", "t1", "daily_mix", "2024-01-01 10:00") for i in range(1000)]
    rows += [(f"u{i}", "t1", "daily_mix", "2024-01-09 10:00") for i in range(0, 1000, 4)]
    rows.append(("x", "t1", "radio", "2024-01-21 10:00"))
    week1, *_ = _run(rows)
    assert week1 == (dt.date(2024, 1, 1), 1000, pytest.approx(0.75))


WEEKLY_PLAYS = st.lists(
    st.tuples(
        st.sampled_from(["u1", "u2", "é", "e\u0301"]),
        st.sampled_from(["daily_mix", "daily_mix", "search"]),
        # 2024-01-01 is a Monday; days 6 and 7 straddle the first week boundary, 13/14 the second.
        st.sampled_from([0, 6, 7, 13, 14, 20, 27, 28, 34]),
        st.sampled_from([dt.time(0, 0), dt.time(23, 59, 59)]),
    ),
    max_size=14,
)


@FRAME_PROPERTY
@given(WEEKLY_PLAYS)
def test_churn_matches_counting_listeners_week_by_week(plays):
    monday = dt.date(2024, 1, 1)
    rows = [(u, "t1", s, str(dt.datetime.combine(monday + dt.timedelta(days=d), t))) for u, s, d, t in plays]
    got = [(week, int(n), rate) for week, n, rate in run_on_plays(SQL, rows)]
    listeners = {}  # Monday of the week -> listeners who played Daily Mix that week
    for user, surface, days, _ in plays:
        if surface == "daily_mix":
            listeners.setdefault(monday + dt.timedelta(days=days - days % 7), set()).add(user)
    last_day = max((monday + dt.timedelta(days=d) for _, _, d, _ in plays), default=None)
    expected = []
    for week in sorted(listeners):
        if week + dt.timedelta(days=13) <= last_day:  # the following week is complete in the data
            lapsed = listeners[week] - listeners.get(week + dt.timedelta(days=7), set())
            expected.append((week, len(listeners[week]), pytest.approx(len(lapsed) / len(listeners[week]))))
    assert got == expected
