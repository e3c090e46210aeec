"""How the solutions in examples/ scale, next to the complexity their answers claim.

For every solution whose docstring or model answer states a time complexity, time one call at four
input sizes, each twice the one before, and compare the growth per doubling with what the claim
predicts (2 for O(n), about 2.1 for O(n log n), 4 for O(n^2), 1 for O(1) per operation). The time
is the process's CPU time, the fastest of seven repeats each long enough for the clock to resolve,
so a busy machine inflates figures less than wall time or an average would. This is a measurement,
not a test: the figures depend on the machine, and a reading outside the band is reported, not
failed.

    .venv/bin/python benchmarks/solution_scaling.py            # about 2 minutes on 2 CPUs
    .venv/bin/python benchmarks/solution_scaling.py --only edit  # cases whose name contains "edit"

Writes results/solution-scaling.md and results/solution-scaling.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import importlib.util
import json
import math
import platform
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
COMMAND = ".venv/bin/python benchmarks/solution_scaling.py"


def load(file_name: str):
    name = "bench_" + file_name.removesuffix(".py").replace("-", "_")
    spec = importlib.util.spec_from_file_location(name, ROOT / "examples" / file_name)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look the module up while building classes
    spec.loader.exec_module(module)
    return module


# How the running time should grow with n for each claimed class.
GROWTH: dict[str, Callable[[float], float]] = {
    "1": lambda n: 1.0,
    "log n": lambda n: math.log2(n),
    "n": lambda n: n,
    "n log n": lambda n: n * math.log2(n),
    "n^2": lambda n: n * n,
}


@dataclass
class Case:
    solution: str  # file in examples/
    what: str  # the call that is timed
    claim: str  # as the answer states it
    growth: str  # key of GROWTH: how the timed call should grow with n
    n_means: str
    sizes: list[int]
    setup: Callable[[int], Callable[[], object]]  # builds the input (untimed), returns the timed call


def _words(rng: random.Random, n: int, length: int = 8) -> list[str]:
    return ["".join(rng.choice("abcdefghijklmnopqrstuvwxyzé") for _ in range(length)) for _ in range(n)]


def full_cache_then_mixed_calls(cache, n: int) -> Callable[[], None]:
    """Fill `cache` with n keys, then time 2,000 calls alternating get and put over twice the key range."""
    for key in range(n):
        cache.put(key, key)
    keys = [random.Random(0).randint(0, 2 * n) for _ in range(2_000)]

    def run():
        for i, key in enumerate(keys):
            cache.put(key, i) if i % 2 else cache.get(key)

    return run


def cases() -> list[Case]:
    out: list[Case] = []

    def case(solution, what, claim, growth, n_means, sizes):
        def register(setup):
            out.append(Case(solution, what, claim, growth, n_means, sizes, setup))
            return setup

        return register

    doubling = [2_000, 4_000, 8_000, 16_000]

    @case("string_normalize_track_titles.py", "group_titles", "O(total characters)", "n", "titles", doubling)
    def _(n):
        mod, rng = load("string_normalize_track_titles.py"), random.Random(0)
        titles = [f"{w} (Remastered {rng.randint(1960, 2020)})" for w in _words(rng, n, 16)]
        return lambda: mod.group_titles(titles)

    @case(
        "string_edit_distance.py",
        "edit_distance",
        "O(len(a) · len(b))",
        "n^2",
        "characters in each",
        [100, 200, 400, 800],
    )
    def _(n):
        mod, rng = load("string_edit_distance.py"), random.Random(0)
        a, b = _words(rng, 1, n)[0], _words(rng, 1, n)[0]
        return lambda: mod.edit_distance(a, b)

    @case("string-prefix-autocomplete.py", "build", "O(L · k)", "n", "names", doubling)
    def _(n):
        mod, rng = load("string-prefix-autocomplete.py"), random.Random(0)
        artists = [(name, rng.randint(0, 10**6)) for name in _words(rng, n)]
        return lambda: mod.build(artists, k=5)

    @case("string-prefix-autocomplete.py", "query (per call)", "O(p + k)", "1", "names in the index", doubling)
    def _(n):
        mod, rng = load("string-prefix-autocomplete.py"), random.Random(0)
        index = mod.build([(name, rng.randint(0, 10**6)) for name in _words(rng, n)], k=5)
        prefixes = [w[:3] for w in _words(rng, 200)]
        return lambda: [index.query(p) for p in prefixes]

    @case("swe_algo_dedupe_near_duplicate_titles.py", "group_near_duplicates", "O(n · L²)", "n", "titles", doubling)
    def _(n):
        mod, rng = load("swe_algo_dedupe_near_duplicate_titles.py"), random.Random(0)
        titles = _words(rng, n, 12)
        return lambda: mod.group_near_duplicates(titles)

    @case(
        "(reference) built-in sorted",
        "sorted(list of (start, end) tuples)",
        "O(n log n)",
        "n log n",
        "tuples",
        [20_000, 40_000, 80_000, 160_000],
    )
    def _(n):
        rng = random.Random(0)
        spans = [(s, s + rng.randint(0, 50)) for s in (rng.randint(0, 50 * n) for _ in range(n))]
        return lambda: sorted(spans)

    @case(
        "swe_algo_merge_listening_intervals.py",
        "merge_intervals",
        "O(n log n)",
        "n log n",
        "intervals",
        [20_000, 40_000, 80_000, 160_000],
    )
    def _(n):
        mod, rng = load("swe_algo_merge_listening_intervals.py"), random.Random(0)
        spans = [(s, s + rng.randint(0, 50)) for s in (rng.randint(0, 50 * n) for _ in range(n))]
        return lambda: mod.merge_intervals(spans)

    @case(
        "swe_algo_merge_sorted_play_logs.py",
        "merge_play_logs (16 logs)",
        "O(N log k)",
        "n",
        "events",
        [20_000, 40_000, 80_000, 160_000],
    )
    def _(n):
        mod, rng = load("swe_algo_merge_sorted_play_logs.py"), random.Random(0)
        logs = [sorted((rng.randint(0, 10**9), i) for _ in range(n // 16)) for i in range(16)]
        return lambda: sum(1 for _ in mod.merge_play_logs(logs))

    @case(
        "swe_algo_sliding_window_sessions.py",
        "sessionize",
        "O(n log n)",
        "n log n",
        "plays",
        [20_000, 40_000, 80_000, 160_000],
    )
    def _(n):
        mod, rng = load("swe_algo_sliding_window_sessions.py"), random.Random(0)
        ts = [rng.randint(0, 3000 * n) for _ in range(n)]
        return lambda: mod.sessionize(ts)

    @case(
        "swe_algo_sliding_window_sessions.py",
        "max_plays_in_window",
        "O(n log n)",
        "n log n",
        "plays",
        [20_000, 40_000, 80_000, 160_000],
    )
    def _(n):
        mod, rng = load("swe_algo_sliding_window_sessions.py"), random.Random(0)
        ts = [rng.randint(0, 3000 * n) for _ in range(n)]
        return lambda: mod.max_plays_in_window(ts, 3600)

    @case(
        "swe_algo_top_k_streamed_tracks.py",
        "top_k_tracks (record all, top 10)",
        "O(1) per record, O(M log k) top",
        "n",
        "plays",
        [20_000, 40_000, 80_000, 160_000],
    )
    def _(n):
        mod, rng = load("swe_algo_top_k_streamed_tracks.py"), random.Random(0)
        plays = [(f"t{rng.randint(0, n // 4)}", 40_000) for _ in range(n)]
        return lambda: mod.top_k_tracks(plays, 10)

    @case(
        "swe_algo_reservoir_sample_plays.py",
        "reservoir_sample (k=100)",
        "O(n)",
        "n",
        "stream items",
        [20_000, 40_000, 80_000, 160_000],
    )
    def _(n):
        mod = load("swe_algo_reservoir_sample_plays.py")
        return lambda: mod.reservoir_sample(range(n), 100, random.Random(1))

    @case(
        "swe_algo_shuffle_no_artist_repeat.py", "shuffle_no_repeat (50 artists)", "O(n log a)", "n", "tracks", doubling
    )
    def _(n):
        mod, rng = load("swe_algo_shuffle_no_artist_repeat.py"), random.Random(0)
        tracks = [(f"t{i}", f"a{rng.randint(0, 49)}") for i in range(n)]
        return lambda: mod.shuffle_no_repeat(tracks, seed=1)

    @case(
        "swe_algo_lfu_cache.py",
        "2,000 get/put on a full cache",
        "O(1) per get and put",
        "1",
        "capacity",
        [5_000, 10_000, 20_000, 40_000],
    )
    def _(n):
        return full_cache_then_mixed_calls(load("swe_algo_lfu_cache.py").LFUCache(n), n)

    @case(
        "swe_algo_rate_limiter.py",
        "2,000 allow calls",
        "O(1) per allow",
        "1",
        "active clients",
        [5_000, 10_000, 20_000, 40_000],
    )
    def _(n):
        mod, rng = load("swe_algo_rate_limiter.py"), random.Random(0)
        clock = [0.0]
        limiter = mod.TokenBucketLimiter(rate=5, capacity=10, clock=lambda: clock[0])
        for client in range(n):
            limiter.allow(client)
        clients = [rng.randint(0, n - 1) for _ in range(2_000)]

        def run():
            for client in clients:
                clock[0] += 0.001
                limiter.allow(client)

        return run

    @case(
        "swe_algo_consistent_hashing.py",
        "2,000 lookups",
        "O(log(N · v)) per lookup",
        "log n",
        "shards (v = 100)",
        [10, 20, 40, 80],
    )
    def _(n):
        mod = load("swe_algo_consistent_hashing.py")
        ring = mod.HashRing([f"shard{i}" for i in range(n)], vnodes=100)
        keys = [f"listener-{i}" for i in range(2_000)]
        return lambda: [ring.shard_for(k) for k in keys]

    def dag(n, rng):
        jobs = [f"j{i:06d}" for i in range(n)]
        return {job: rng.sample(jobs[max(0, i - 50) : i], min(i, 3)) for i, job in enumerate(jobs)}

    @case("swe_algo_job_dependency_order.py", "job_order (E = 3V)", "O((V + E) log V)", "n log n", "jobs", doubling)
    def _(n):
        mod = load("swe_algo_job_dependency_order.py")
        deps = dag(n, random.Random(0))
        return lambda: mod.job_order(deps)

    @case("swe_algo_job_dependency_order.py", "waves (E = 3V)", "O((V + E) log V)", "n log n", "jobs", doubling)
    def _(n):
        mod = load("swe_algo_job_dependency_order.py")
        deps = dag(n, random.Random(0))
        return lambda: mod.waves(deps)

    @case(
        "swe_algo_artist_similarity_path.py",
        "cheapest_path, unreachable target (E = 4V)",
        "O((V + E) log V)",
        "n log n",
        "artists",
        doubling,
    )
    def _(n):
        mod, rng = load("swe_algo_artist_similarity_path.py"), random.Random(0)
        graph = {str(v): {str(rng.randrange(n)): rng.random() for _ in range(4)} for v in range(n)}
        return lambda: mod.cheapest_path(graph, "0", "nowhere")  # settles every reachable artist

    @case(
        "graph-artist-clusters-union-find.py", "artist_clusters (E = 2V)", "O(V + E · α(V))", "n", "artists", doubling
    )
    def _(n):
        mod, rng = load("graph-artist-clusters-union-find.py"), random.Random(0)
        edges = [(rng.randrange(n), rng.randrange(n), rng.random()) for _ in range(2 * n)]
        return lambda: mod.artist_clusters(edges, 0.5)

    @case(
        "graph-friends-of-friends-artists.py",
        "suggest_artists (k = 10)",
        "O(N + M log k)",
        "n",
        "followee-artist edges",
        [20_000, 40_000, 80_000, 160_000],
    )
    def _(n):
        mod, rng = load("graph-friends-of-friends-artists.py"), random.Random(0)
        followees = [f"f{i}" for i in range(n // 20)]
        listeners = {"me": followees}
        artists = {f: [f"a{rng.randrange(n // 4)}" for _ in range(20)] for f in followees}
        return lambda: mod.suggest_artists("me", listeners, artists, k=10)

    def follow_graph(n, rng):
        return {v: [rng.randrange(n) for _ in range(4)] for v in range(n)}

    @case("graph_degrees_of_separation.py", "separation, unreachable (E = 4V)", "O(V + E)", "n", "listeners", doubling)
    def _(n):
        mod = load("graph_degrees_of_separation.py")
        graph = follow_graph(n, random.Random(0))
        return lambda: mod.separation(graph, 0, -1)

    @case(
        "graph_degrees_of_separation.py", "shortest_path, unreachable (E = 4V)", "O(V + E)", "n", "listeners", doubling
    )
    def _(n):
        mod = load("graph_degrees_of_separation.py")
        graph = follow_graph(n, random.Random(0))
        graph[-1] = []  # followed by nobody: the backward search ends at once, the forward one covers the graph
        return lambda: mod.shortest_path(graph, 0, -1)

    @case(
        "home-assignment-backend-service.py",
        "remove_track (last of n) and add it back",
        "O(n) remove",
        "n",
        "tracks in the playlist",
        [1_000, 2_000, 4_000, 8_000],
    )
    def _(n):
        mod = load("home-assignment-backend-service.py")
        svc = mod.PlaylistService()
        pid = svc.create("bench")["id"]
        svc.add_tracks(pid, [f"t{i}" for i in range(n)])

        def run():
            svc.remove_track(pid, f"t{n - 1}")
            svc.add_tracks(pid, [f"t{n - 1}"])

        return run

    @case(
        "lru_ttl_cache.py",
        "2,000 put/get on a full cache",
        "O(1) get, amortised O(log n) put",
        "log n",
        "capacity",
        [5_000, 10_000, 20_000, 40_000],
    )
    def _(n):
        cache = load("lru_ttl_cache.py").TTLLRUCache(n, default_ttl=1e6, clock=lambda: 0.0)
        return full_cache_then_mixed_calls(cache, n)

    @case(
        "audio_ring_buffer.py",
        "write then read n bytes",
        "O(n) per write or read of n bytes",
        "n",
        "bytes",
        [50_000, 100_000, 200_000, 400_000],
    )
    def _(n):
        mod = load("audio_ring_buffer.py")
        buffer = mod.AudioBuffer(capacity=1_000_000, start_at=0, low=0, high=1_000_000)
        chunk = bytes(n)

        def run():
            buffer.write(chunk)
            buffer.read(n)

        return run

    @case(
        "ds_stats_bootstrap_ci_code.py",
        "bootstrap_relative_lift (B = 200)",
        "O(B · n)",
        "n",
        "listeners",
        [2_000, 4_000, 8_000, 16_000],
    )
    def _(n):
        mod, rng = load("ds_stats_bootstrap_ci_code.py"), np.random.default_rng(0)
        c, t = rng.lognormal(3, 1, n // 2), rng.lognormal(3.05, 1, n // 2)
        return lambda: mod.bootstrap_relative_lift(c, t, n_resamples=200)

    @case("ds_stats_srm_check_code.py", "chi2_sf", "O(df)", "n", "degrees of freedom", [500, 1_000, 2_000, 4_000])
    def _(n):
        mod = load("ds_stats_srm_check_code.py")
        return lambda: mod.chi2_sf(float(n), n)

    @case("ds_stats_srm_check_code.py", "srm_check", "O(k)", "n", "arms", [500, 1_000, 2_000, 4_000])
    def _(n):
        mod, rng = load("ds_stats_srm_check_code.py"), random.Random(0)
        observed, shares = [rng.randint(900, 1100) for _ in range(n)], [1.0] * n
        return lambda: mod.srm_check(observed, shares)

    @case(
        "mle_ann_recall_at_k.py",
        "exact_top_k (Q = 64, d = 32, k = 10)",
        "O(Q · N · d)",
        "n",
        "items",
        [50_000, 100_000, 200_000, 400_000],
    )
    def _(n):
        mod, rng = load("mle_ann_recall_at_k.py"), np.random.default_rng(0)
        queries, items = rng.normal(size=(64, 32)), rng.normal(size=(n, 32))
        return lambda: mod.exact_top_k(queries, items, 10)

    @case(
        "mle_domain_playlist_generation.py",
        "build_cooccurrence (L = 30, window = 10)",
        "O(P · L · window)",
        "n",
        "playlists",
        [250, 500, 1_000, 2_000],
    )
    def _(n):
        mod, rng = load("mle_domain_playlist_generation.py"), random.Random(0)
        playlists = [[f"t{rng.randrange(5_000)}" for _ in range(30)] for _ in range(n)]
        return lambda: mod.build_cooccurrence(playlists, window=10)

    def skip_plays(n, rng):
        import pandas as pd

        return pd.DataFrame(
            {
                "user_id": rng.integers(0, n // 50, n),
                "session_id": rng.integers(0, 5, n),
                "ts": rng.permutation(n) * 60,
                "track_id": rng.integers(0, 1000, n),
                "track_ms": rng.integers(60_000, 300_000, n),
                "ms_played": rng.integers(0, 300_000, n),
                "end_reason": rng.choice(["skip", "track_done", "app_closed"], n),
                "context": rng.choice(["playlist", "autoplay"], n),
                "device": rng.choice(["mobile", "desktop"], n),
            }
        )

    @case(
        "mle_domain_skip_prediction_applied.py", "label_skips", "O(n)", "n", "plays", [25_000, 50_000, 100_000, 200_000]
    )
    def _(n):
        mod = load("mle_domain_skip_prediction_applied.py")
        plays = skip_plays(n, np.random.default_rng(0))
        return lambda: mod.label_skips(plays)

    @case(
        "mle_domain_skip_prediction_applied.py",
        "add_features",
        "O(n log n)",
        "n log n",
        "plays",
        [25_000, 50_000, 100_000, 200_000],
    )
    def _(n):
        mod = load("mle_domain_skip_prediction_applied.py")
        labelled = mod.label_skips(skip_plays(n, np.random.default_rng(0)))
        return lambda: mod.add_features(labelled, global_rate=0.3)

    @case(
        "applied_py_leak_free_skip_rate.py",
        "add_smoothed_skip_rate",
        "one sort, then linear passes: O(n log n)",
        "n log n",
        "plays",
        [50_000, 100_000, 200_000, 400_000],
    )
    def _(n):
        import pandas as pd

        mod, rng = load("applied_py_leak_free_skip_rate.py"), np.random.default_rng(0)
        plays = pd.DataFrame(
            {"user_id": rng.integers(0, n // 50, n), "ts": rng.permutation(n), "skipped": rng.integers(0, 2, n)}
        )
        return lambda: mod.add_smoothed_skip_rate(plays, 0.3)

    @case(
        "mle_expected_calibration_error.py",
        "expected_calibration_error, equal width",
        "O(n)",
        "n",
        "predictions",
        [100_000, 200_000, 400_000, 800_000],
    )
    def _(n):
        mod, rng = load("mle_expected_calibration_error.py"), np.random.default_rng(0)
        p = rng.random(n)
        y = (rng.random(n) < p).astype(int)
        return lambda: mod.expected_calibration_error(p, y)

    @case(
        "mle_expected_calibration_error.py",
        "expected_calibration_error, equal mass",
        "O(n log n)",
        "n log n",
        "predictions",
        [100_000, 200_000, 400_000, 800_000],
    )
    def _(n):
        mod, rng = load("mle_expected_calibration_error.py"), np.random.default_rng(0)
        p = rng.random(n)
        y = (rng.random(n) < p).astype(int)
        return lambda: mod.expected_calibration_error(p, y, strategy="quantile")

    @case(
        "mle_sampled_softmax_logq.py",
        "sampled_softmax_loss (S = 64, d = 32)",
        "O(B · S · d)",
        "n",
        "batch rows",
        [256, 512, 1_024, 2_048],
    )
    def _(n):
        mod, rng = load("mle_sampled_softmax_logq.py"), np.random.default_rng(0)
        user, pos, neg = rng.normal(size=(n, 32)), rng.normal(size=(n, 32)), rng.normal(size=(n, 64, 32))
        return lambda: mod.sampled_softmax_loss(user, pos, neg)

    def sql_case(file_name, n, seed=0):
        import duckdb
        import pandas as pd

        rng = np.random.default_rng(seed)
        frame = pd.DataFrame(
            {
                "user_id": rng.integers(0, max(1, n // 20), n).astype(str),
                "track_id": rng.integers(0, 500, n).astype(str),
                "surface": rng.choice(["daily_mix", "radio", "search"], n),
                "played_at": pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 180 * 86_400, n), unit="s"),
            }
        )
        con = duckdb.connect()
        con.execute("SET threads TO 1")  # one core, so the figures do not depend on what else runs
        con.register("frame", frame)
        con.execute("CREATE TABLE plays AS SELECT * FROM frame")
        sql = (ROOT / "examples" / file_name).read_text(encoding="utf-8")
        return lambda: con.execute(sql).fetchall()

    @case("ds_sql_weekly_mix_churn.sql", "query", "O(P + L)", "n", "plays", [100_000, 200_000, 400_000, 800_000])
    def _(n):
        return sql_case("ds_sql_weekly_mix_churn.sql", n)

    @case(
        "ds_sql_repeat_track_share.sql",
        "query",
        "one sort per (user, track), then a scan: O(n log n)",
        "n log n",
        "plays",
        [100_000, 200_000, 400_000, 800_000],
    )
    def _(n):
        return sql_case("ds_sql_repeat_track_share.sql", n)

    return out


def best_time(run: Callable[[], object], min_total: float = 0.05, repeats: int = 7) -> float:
    """CPU seconds per call: the fastest of `repeats` rounds, each of enough calls to last min_total.

    CPU time of this process (`time.process_time`), not wall time, so other work on a shared
    machine does not count; it still slows memory access, so figures are not exact.

    The cyclic garbage collector is off while timing, as in `timeit`: its full passes cost time in
    proportion to every object alive, which would make a linear loop that allocates look quadratic.
    """
    gc.collect()
    gc.disable()
    try:
        return _best_time(run, min_total, repeats)
    finally:
        gc.enable()


def _best_time(run: Callable[[], object], min_total: float, repeats: int) -> float:
    clock = time.process_time
    run()  # warm up (imports, caches)
    calls, start = 1, clock()
    run()
    once = clock() - start
    calls = max(1, int(min_total / max(once, 1e-9)))
    best = math.inf
    for _ in range(repeats):
        start = clock()
        for _ in range(calls):
            run()
        best = min(best, (clock() - start) / calls)
    return best


def measure(case: Case) -> dict:
    times = [best_time(case.setup(n)) for n in case.sizes]
    doublings = math.log2(case.sizes[-1] / case.sizes[0])
    observed = (times[-1] / times[0]) ** (1 / doublings)
    f = GROWTH[case.growth]
    expected = (f(case.sizes[-1]) / f(case.sizes[0])) ** (1 / doublings)
    return {
        "solution": case.solution,
        "what": case.what,
        "claim": case.claim,
        "n": case.n_means,
        "sizes": case.sizes,
        "seconds": times,
        "observed_per_doubling": observed,
        "expected_per_doubling": expected,
        "fits": 0.75 * expected <= observed <= 1.35 * expected,
    }


def _fmt_time(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds * 1e6:.0f} µs"


def write_markdown(rows: list[dict], args: argparse.Namespace, when: str) -> str:
    lines = [
        "# Solution scaling",
        "",
        f"Produced by `{COMMAND}{' --only ' + args.only if args.only else ''}` on "
        f"{when}, Python {platform.python_version()}, NumPy {np.__version__}, "
        f"{platform.machine()} with {_cpus()} CPUs.",
        "",
        "Each time is CPU time for one call at that size, the fastest of seven rounds (garbage collector",
        "off, as in `timeit`); sizes double left to right.",
        "*Per doubling* is (last time / first time) raised to 1/3: the growth factor for each doubling",
        "of n. *Claim predicts* is the same factor for the claimed class (2 for linear, about 2.1 for",
        "n log n, 4 for quadratic, 1 for constant time per operation). *Fits* is yes when the measured",
        "factor is within 0.75 to 1.35 times the predicted one; readings outside that band are listed",
        "below the table. Fixed costs (interpreter calls, pandas and DuckDB set-up) make small sizes",
        "relatively slow, which pulls measured factors under the prediction; memory access, which gets",
        "slower once the data outgrows the CPU caches, pushes them over it. The row for the built-in",
        "`sorted` shows the second effect on an operation whose complexity is not in doubt.",
        "",
        "| Solution | Timed call | Claimed | n is | Times per size | Per doubling | Claim predicts | Fits |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        sizes = " / ".join(f"{n:,}: {_fmt_time(t)}" for n, t in zip(r["sizes"], r["seconds"], strict=True))
        lines.append(
            f"| `{r['solution']}` | {r['what']} | {r['claim']} | {r['n']} | {sizes} | "
            f"{r['observed_per_doubling']:.2f} | {r['expected_per_doubling']:.2f} | "
            f"{'yes' if r['fits'] else '**no**'} |"
        )
    outside = [r for r in rows if not r["fits"]]
    lines += ["", "## Outside the band", ""]
    if not outside:
        lines.append("None: every measured factor is within the band of its claim.")
    for r in outside:
        direction = "faster" if r["observed_per_doubling"] > r["expected_per_doubling"] else "slower"
        lines.append(
            f"- `{r['solution']}` ({r['what']}): {r['observed_per_doubling']:.2f} per doubling against "
            f"{r['expected_per_doubling']:.2f}, time grows {direction} than the claim predicts."
        )
    return "\n".join(lines) + "\n"


def _cpus() -> int:
    import os

    return os.cpu_count() or 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="run only cases whose solution or call contains this text")
    parser.add_argument("--markdown-only", action="store_true", help="rewrite the Markdown from the saved JSON")
    args = parser.parse_args()
    if args.markdown_only:
        saved = json.loads((RESULTS / "solution-scaling.json").read_text(encoding="utf-8"))
        markdown = write_markdown(saved["rows"], args, saved["when"])
        (RESULTS / "solution-scaling.md").write_text(markdown, encoding="utf-8")
        return
    rows = []
    for case in cases():
        if args.only and args.only not in case.solution and args.only not in case.what:
            continue
        row = measure(case)
        rows.append(row)
        print(
            f"{row['solution']:45} {row['what'][:40]:40} per doubling {row['observed_per_doubling']:.2f} "
            f"(claim {row['expected_per_doubling']:.2f}) {'ok' if row['fits'] else 'OUTSIDE'}",
            flush=True,
        )
    if args.only:
        return  # a partial run is for looking, not for the committed results
    RESULTS.mkdir(parents=True, exist_ok=True)
    when = f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC"
    (RESULTS / "solution-scaling.md").write_text(write_markdown(rows, args, when), encoding="utf-8")
    saved = {"command": COMMAND, "when": when, "rows": rows}
    (RESULTS / "solution-scaling.json").write_text(json.dumps(saved, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
