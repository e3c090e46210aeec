"""Suggest tracks to add to a playlist from co-occurrence in other playlists, and judge the result.

Solution for the Staff MLE question ``domain-playlist-generation``. The interview version keeps to
what can be coded in under an hour; the docstrings say what production would change.

1. ``build_cooccurrence``: count, over a corpus of playlists, how often two tracks appear together
   within ``window`` positions of each other. The window caps the pair count per playlist at
   O(L * window) instead of O(L^2), which matters for playlists of thousands of tracks.
2. ``suggest``: score each candidate c by the sum over seed tracks s of
   co(s, c) / sqrt(n(s) * n(c)) (a cosine-style normalisation; raw counts would push the same hit
   tracks into every playlist). Seeds are excluded, each artist gets at most ``max_per_artist``
   suggestions so the list is not one artist, and ties are broken by track id so results are
   reproducible. Seeds the corpus has never seen contribute nothing; when no seed has neighbours
   the fallback is the most frequent tracks (a production system would use content embeddings).
3. ``evaluate_holdout``: offline, hide the last ``n_hidden`` tracks of each test playlist, suggest
   k from the rest and report recall@k and hit rate.

Complexity: building is O(P * L * window) time and O(distinct pairs) space for P playlists of
length L. A suggestion touches the neighbour lists of the seeds: O(S * D + C log C) for S seeds,
D neighbours per track (capped by ``max_neighbours``) and C candidates.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence


class CoOccurrence:
    def __init__(self, neighbours: dict[str, Counter], track_counts: Counter) -> None:
        self.neighbours = neighbours
        self.track_counts = track_counts


def build_cooccurrence(playlists: Iterable[Sequence[str]], window: int = 50, max_neighbours: int = 200) -> CoOccurrence:
    """Symmetric co-occurrence counts within ``window`` positions; keep the top ``max_neighbours``."""
    if window < 1:
        raise ValueError("window must be at least 1")
    pairs: dict[str, Counter] = defaultdict(Counter)
    counts: Counter = Counter()
    for playlist in playlists:
        tracks = list(dict.fromkeys(playlist))  # a track listed twice counts once
        counts.update(tracks)
        for i, a in enumerate(tracks):
            for b in tracks[i + 1 : i + 1 + window]:
                pairs[a][b] += 1
                pairs[b][a] += 1
    trimmed = {
        t: Counter(dict(heapq.nlargest(max_neighbours, c.items(), key=lambda kv: (kv[1], kv[0]))))
        for t, c in pairs.items()
    }
    return CoOccurrence(trimmed, counts)


def suggest(
    seeds: Sequence[str],
    model: CoOccurrence,
    track_artist: Mapping[str, str],
    k: int = 10,
    max_per_artist: int = 2,
) -> list[str]:
    """Up to k tracks to add, best first, never a seed, at most ``max_per_artist`` per artist."""
    if k <= 0:
        return []
    seed_set = set(seeds)
    scores: dict[str, float] = defaultdict(float)
    for s in seed_set:
        n_s = model.track_counts.get(s, 0)
        for c, co in model.neighbours.get(s, {}).items():
            if c not in seed_set:
                scores[c] += co / math.sqrt(n_s * model.track_counts[c])
    if not scores:  # cold seeds: fall back to the most frequent tracks
        scores = {t: float(n) for t, n in model.track_counts.items() if t not in seed_set}
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    per_artist: Counter = Counter()
    out: list[str] = []
    for track, _ in ranked:
        artist = track_artist.get(track, track)  # unknown artist: the track is its own artist
        if per_artist[artist] >= max_per_artist:
            continue
        per_artist[artist] += 1
        out.append(track)
        if len(out) == k:
            break
    return out


def evaluate_holdout(
    train_playlists: Sequence[Sequence[str]],
    test_playlists: Sequence[Sequence[str]],
    track_artist: Mapping[str, str],
    k: int = 10,
    n_hidden: int = 3,
) -> dict[str, float]:
    """Recall@k and hit rate of ``suggest`` on the hidden tail of each test playlist."""
    model = build_cooccurrence(train_playlists)
    recalls, hits = [], []
    for playlist in test_playlists:
        if len(playlist) <= n_hidden:
            continue  # too short to hide anything and still have seeds
        seeds, hidden = playlist[:-n_hidden], set(playlist[-n_hidden:]) - set(playlist[:-n_hidden])
        if not hidden:
            continue
        found = set(suggest(seeds, model, track_artist, k=k)) & hidden
        recalls.append(len(found) / len(hidden))
        hits.append(1.0 if found else 0.0)
    if not recalls:
        return {"recall_at_k": 0.0, "hit_rate": 0.0, "playlists": 0}
    return {"recall_at_k": sum(recalls) / len(recalls), "hit_rate": sum(hits) / len(hits), "playlists": len(recalls)}
