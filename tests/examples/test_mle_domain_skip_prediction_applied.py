"""Tests for examples/mle_domain_skip_prediction_applied.py (skip label, features, model)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from . import load_example

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
