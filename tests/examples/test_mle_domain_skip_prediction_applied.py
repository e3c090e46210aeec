"""Tests for examples/mle_domain_skip_prediction_applied.py (skip label, features, model)."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from . import FRAME_PROPERTY, load_example

mod = load_example("mle_domain_skip_prediction_applied.py")


def _play(user, session, ts, ms_played, end_reason, track_ms=200_000, context="playlist", device="mobile"):
    return {
        "user_id": user,
        "session_id": session,
        "ts": ts,
        "track_id": f"t{ts}",
        "track_ms": track_ms,
        "ms_played": ms_played,
        "end_reason": end_reason,
        "context": context,
        "device": device,
    }


def _synthetic(n_users=300, plays_per_user=60, seed=0) -> pd.DataFrame:
    """Skips depend on context, on a per-user tendency and on whether the previous track was skipped."""
    rng = np.random.default_rng(seed)
    rows = []
    base = {"autoplay": 0.45, "playlist": 0.25, "user_selected": 0.08}
    for u in range(n_users):
        tendency = rng.uniform(-0.15, 0.25)
        prev = 0
        for i in range(plays_per_user):
            ctx = rng.choice(list(base))
            p = np.clip(base[ctx] + tendency + 0.15 * prev, 0.01, 0.95)
            skipped = rng.uniform() < p
            ms = int(rng.uniform(1_000, 25_000)) if skipped else 200_000
            rows.append(_play(u, i // 15, i * 240 + u % 7, ms, "skip" if skipped else "track_done", context=ctx))
            prev = int(skipped)
    return pd.DataFrame(rows)


def test_label_rules():
    plays = pd.DataFrame(
        [
            _play(1, 1, 0, 5_000, "skip"),  # early skip
            _play(1, 1, 1, 45_000, "skip"),  # late skip counts as a listen
            _play(1, 1, 2, 200_000, "track_done"),
            _play(1, 1, 3, 10_000, "app_closed"),  # unknown outcome, dropped
            _play(1, 1, 4, 15_000, "skip", track_ms=20_000),  # short track: threshold is its length
        ]
    )
    labelled = mod.label_skips(plays)
    assert labelled["skipped"].tolist() == [1, 0, 0, 1]
    assert mod.label_skips(plays, threshold_ms=60_000)["skipped"].tolist() == [1, 1, 0, 1]


def test_missing_columns_and_empty_input():
    with pytest.raises(ValueError):
        mod.label_skips(pd.DataFrame({"user_id": [1]}))
    empty = pd.DataFrame(columns=mod.REQUIRED)
    assert mod.label_skips(empty).empty
    with pytest.raises(ValueError):
        mod.train_and_evaluate(empty)


def test_single_play_gets_prior_and_neutral_session_features():
    labelled = mod.label_skips(pd.DataFrame([_play(7, 1, 100, 3_000, "skip")]))
    f = mod.add_features(labelled, global_rate=0.2).iloc[0]
    assert f["prior_skip_rate"] == pytest.approx(0.2)
    assert (f["session_position"], f["prev_skipped"], f["secs_since_last_skip"]) == (0, 0, mod.NO_SKIP_YET)


def test_session_features_by_hand():
    plays = pd.DataFrame(
        [
            _play(1, 1, 0, 3_000, "skip"),
            _play(1, 1, 10, 200_000, "track_done"),
            _play(1, 1, 220, 200_000, "track_done"),
            _play(1, 2, 5000, 200_000, "track_done"),  # new session: no skip yet
        ]
    )
    f = mod.add_features(mod.label_skips(plays), global_rate=0.0, alpha=1.0)
    assert f["session_position"].tolist() == [0, 1, 2, 0]
    assert f["prev_skipped"].tolist() == [0, 1, 0, 0]
    assert f["secs_since_last_skip"].tolist() == [mod.NO_SKIP_YET, 10, 220, mod.NO_SKIP_YET]
    # prior skips / (prior plays + alpha) with a zero global rate: 0, 1/2, 1/3, 1/4
    assert f["prior_skip_rate"].tolist() == pytest.approx([0, 1 / 2, 1 / 3, 1 / 4])


def test_features_do_not_see_the_future():
    plays = _synthetic(n_users=20, plays_per_user=30, seed=3)
    labelled = mod.label_skips(plays)
    before = mod.add_features(labelled, 0.25)
    cutoff = labelled["ts"].median()
    changed = labelled.copy()
    future = changed["ts"] > cutoff
    changed.loc[future, "skipped"] = 1 - changed.loc[future, "skipped"]
    after = mod.add_features(changed, 0.25)
    past = before["ts"] <= cutoff
    cols = ["prior_skip_rate", "session_position", "prev_skipped", "secs_since_last_skip"]
    pd.testing.assert_frame_equal(before.loc[past, cols], after.loc[past, cols])


def test_time_split_has_no_overlap_and_respects_order():
    df = mod.label_skips(_synthetic(n_users=10, plays_per_user=10))
    train, test = mod.time_split(df)
    assert len(train) + len(test) == len(df)
    assert train["ts"].max() <= test["ts"].min()


def test_model_beats_base_rate_and_prior_rate_baseline():
    result = mod.train_and_evaluate(_synthetic())
    assert result["pr_auc"] > result["base_rate"] + 0.15
    assert result["pr_auc"] > result["baseline_pr_auc"]
    assert result["roc_auc"] > 0.7
    assert set(result["pr_auc_by_context"]) == {"autoplay", "playlist", "user_selected"}


PLAY_SPECS = st.lists(
    st.tuples(
        st.sampled_from(["u1", "ü"]),  # user
        st.sampled_from([1, 2]),  # session
        st.sampled_from([1_000, 29_999, 30_000, 45_000, 200_000]),  # ms played
        st.sampled_from(["skip", "track_done", "app_closed"]),
        st.sampled_from([20_000, 30_000, 200_000]),  # track length
    ),
    max_size=15,
)


def _plays(specs, as_datetimes=False):
    """Every play gets its own minute (shuffled), so 'earlier' always has one meaning. `ts` is
    seconds, or timestamps when `as_datetimes` (pandas 3 stores those in microseconds)."""
    seconds = list(range(0, 60 * len(specs), 60))
    random.Random(len(specs)).shuffle(seconds)
    if as_datetimes:
        seconds = [pd.Timestamp("2024-03-01") + pd.Timedelta(seconds=s) for s in seconds]
    rows = [
        _play(user, session, ts, ms, reason, track_ms=length)
        for (user, session, ms, reason, length), ts in zip(specs, seconds, strict=True)
    ]
    return pd.DataFrame(rows, columns=mod.REQUIRED)


@FRAME_PROPERTY
@given(PLAY_SPECS, st.sampled_from([10_000, 30_000]))
def test_labels_follow_the_rules_one_play_at_a_time(specs, threshold):
    plays = _plays(specs)
    expected = [
        int(reason == "skip" and ms < min(threshold, length))
        for _, _, ms, reason, length in specs
        if reason != "app_closed"
    ]
    assert mod.label_skips(plays, threshold_ms=threshold)["skipped"].tolist() == expected


@FRAME_PROPERTY
@given(PLAY_SPECS.filter(lambda specs: any(reason != "app_closed" for *_, reason, _ in specs)), st.booleans())
def test_features_match_a_walk_through_each_listeners_plays_in_time_order(specs, as_datetimes):
    labelled = mod.label_skips(_plays(specs, as_datetimes))
    features = mod.add_features(labelled, global_rate=0.3, alpha=5.0)
    for user, rows in labelled.sort_values("ts").groupby("user_id"):
        plays = skips = 0
        position, previous, last_skip = {}, {}, {}
        for index, row in rows.iterrows():
            got = features.loc[index]
            assert got["prior_skip_rate"] == pytest.approx((skips + 5.0 * 0.3) / (plays + 5.0)), user
            session = row["session_id"]
            assert got["session_position"] == position.get(session, 0)
            assert got["prev_skipped"] == previous.get(session, 0)
            since = row["ts"] - last_skip[session] if session in last_skip else mod.NO_SKIP_YET
            since = since.total_seconds() if isinstance(since, pd.Timedelta) else since
            assert got["secs_since_last_skip"] == min(since, mod.NO_SKIP_YET)
            plays, skips = plays + 1, skips + row["skipped"]
            position[session] = position.get(session, 0) + 1
            previous[session] = row["skipped"]
            if row["skipped"]:
                last_skip[session] = row["ts"]


@FRAME_PROPERTY
@given(PLAY_SPECS, st.sampled_from([0.5, 0.8, 1.0]))
def test_time_split_puts_every_training_play_before_every_test_play(specs, fraction):
    plays = _plays(specs)
    train, test = mod.time_split(plays, fraction)
    assert sorted([*train.index, *test.index]) == sorted(plays.index)
    assert len(train) == int(len(plays) * fraction)
    if len(train) and len(test):
        assert train["ts"].max() < test["ts"].min()
