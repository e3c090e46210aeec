"""Uniform random sample of k play events from a stream of unknown length (reservoir sampling).

Algorithm R: keep the first k items; for the i-th item (0-based, i >= k) draw j uniformly from
0..i and, if j < k, replace slot j. Every item ends up in the sample with probability k / n.
The random generator is injected so results are reproducible in tests.

Complexity: O(n) time (one random draw per item after the first k), O(k) space, one pass —
so it works on a Kafka topic or a file far larger than memory.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from typing import TypeVar

T = TypeVar("T")


def reservoir_sample(stream: Iterable[T], k: int, rng: random.Random | None = None) -> list[T]:
    if k < 0:
        raise ValueError("k must be >= 0")
    rng = rng or random.Random()
    sample: list[T] = []
    if k == 0:
        return sample
    for i, item in enumerate(stream):
        if i < k:
            sample.append(item)
        else:
            j = rng.randint(0, i)
            if j < k:
                sample[j] = item
    return sample
