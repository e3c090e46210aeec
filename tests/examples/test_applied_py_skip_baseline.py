"""Tested solution for applied-py-skip-baseline-end-to-end."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st
from sklearn.metrics import average_precision_score
from sklearn.pipeline import Pipeline

from . import FRAME_PROPERTY, load_example

mod = load_example("applied_py_skip_baseline.py")


def _skip_plays(n: int = 800, seed: int = 0) -> pd.DataFrame:
    """Plays with a skip label that depends on the prior skip rate, context and position."""
    rng = np.random.default_rng(seed)
    ts = pd.Timestamp("2024-03-01") + pd.to_timedelta(np.sort(rng.uniform(0, 30 * 24 * 60, n)), unit="min")
    context = rng.choice(["playlist", "album", "radio", "search"], n).astype("U16")
    # A context the model never saw in training, only in the last days: tests handle_unknown.
    context[int(n * 0.9) :] = np.where(rng.random(n - int(n * 0.9)) < 0.3, "podcast_shelf", context[int(n * 0.9) :])
    prior = rng.beta(2, 3, n)
    position = rng.integers(1, 40, n)
    logit = -2.0 + 4.0 * prior + 0.8 * (context == "radio") + 0.02 * position
    return pd.DataFrame(
        {
            "ts": ts,
            "context": context,
            "device": rng.choice(["mobile", "desktop", "tv"], n),
            "track_ms": rng.integers(90_000, 360_000, n),
            "prior_skip_rate": prior,
            "session_position": position,
            "skipped": (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int),
        }
    )


def test_split_is_by_time_and_holds_out_a_fifth():
    df = _skip_plays()
    train, test = mod.split_by_time(df)
    assert train["ts"].max() < test["ts"].min()
    assert len(train) + len(test) == len(df) and 0.15 < len(test) / len(df) < 0.25


def test_baseline_handles_unseen_categories_and_beats_the_base_rate():
    df = _skip_plays()
    model, train, test, metrics = mod.skip_baseline(df)
    assert "podcast_shelf" in set(test["context"]) - set(train["context"])  # unseen category handled
    p = test["p_skip"].to_numpy()
    assert isinstance(model, Pipeline) and p.shape == (len(test),) and ((p >= 0) & (p <= 1)).all()
    assert set(metrics) == {"PR-AUC", "ROC-AUC", "base rate"}
    assert metrics["PR-AUC"] == average_precision_score(test["skipped"], p)
    # The label carries signal, so the model beats the trivial baseline of the base rate.
    assert metrics["PR-AUC"] > metrics["base rate"] + 0.1 and metrics["ROC-AUC"] > 0.6


@FRAME_PROPERTY
@given(st.lists(st.integers(0, 20), max_size=30), st.sampled_from([0.5, 0.8]))
def test_split_cuts_at_the_time_quantile_and_never_mixes_periods(minutes, share):
    df = pd.DataFrame({"ts": pd.Timestamp("2024-03-01") + pd.to_timedelta(minutes, unit="min")})
    train, test = mod.split_by_time(df, share)
    assert sorted([*train.index, *test.index]) == list(df.index)
    if len(train) and len(test):
        assert train["ts"].max() < test["ts"].min()
    if minutes:  # the cut is the share-quantile, interpolated between the two nearest plays
        ordered = sorted(minutes)
        position = share * (len(ordered) - 1)
        low = ordered[int(position)]
        high = ordered[min(int(position) + 1, len(ordered) - 1)]
        cut = low + (high - low) * (position - int(position))
        assert len(train) == sum(m < cut for m in minutes)
