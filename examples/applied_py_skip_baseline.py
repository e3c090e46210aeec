"""A skip-prediction baseline that fits a timed notebook round (applied-py-skip-baseline-end-to-end).

`df` holds one row per play: `ts` (datetime), `context`, `device`, `track_ms`, `prior_skip_rate`,
`session_position` and a 0/1 `skipped` label. The split is by time (the last 20 % of plays are the
test set), never shuffled, so the score says how the model does on plays it could not have seen.
Categories that appear only in the test period are encoded as all-zero rather than failing.
"""

from __future__ import annotations

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

CAT_COLS = ["context", "device"]
NUM_COLS = ["track_ms", "prior_skip_rate", "session_position"]


def split_by_time(df: pd.DataFrame, share: float = 0.8) -> tuple[pd.DataFrame, pd.DataFrame]:
    cutoff = df["ts"].quantile(share)
    return df[df["ts"] < cutoff], df[df["ts"] >= cutoff]


def skip_baseline(df: pd.DataFrame) -> tuple[Pipeline, pd.DataFrame, pd.DataFrame, dict[str, float]]:
    """Fit on the earlier 80 %, score the later 20 %: (model, train, test, metrics)."""
    train, test = split_by_time(df)
    model = Pipeline(
        [
            (
                "prep",
                ColumnTransformer(
                    [("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CAT_COLS)],
                    remainder="passthrough",
                ),
            ),
            ("clf", HistGradientBoostingClassifier(max_depth=6, learning_rate=0.1)),
        ]
    )
    model.fit(train[CAT_COLS + NUM_COLS], train["skipped"])
    p = model.predict_proba(test[CAT_COLS + NUM_COLS])[:, 1]
    metrics = {
        "PR-AUC": average_precision_score(test["skipped"], p),
        "ROC-AUC": roc_auc_score(test["skipped"], p),
        "base rate": test["skipped"].mean(),
    }
    return model, train, test.assign(p_skip=p), metrics
