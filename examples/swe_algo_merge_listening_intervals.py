"""Merge overlapping listening intervals and total the time actually listened.

Sort intervals by start, then sweep: extend the current interval while the next one starts at or
before its end (touching intervals merge, as back-to-back tracks form one stretch), otherwise
close it and start a new one.

Complexity: O(n log n) time for the sort, O(n) for the sweep; O(n) space for the output.
"""

from __future__ import annotations

from collections.abc import Iterable


def merge_intervals(intervals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    ordered = sorted(intervals)  # one read of the input, so a generator works too
    for start, end in ordered:
        if end < start:
            raise ValueError(f"interval ({start}, {end}) ends before it starts")
    merged: list[tuple[int, int]] = []
    for start, end in ordered:
        if merged and start <= merged[-1][1]:
            last_start, last_end = merged[-1]
            merged[-1] = (last_start, max(last_end, end))
        else:
            merged.append((start, end))
    return merged


def total_listened(intervals: Iterable[tuple[int, int]]) -> int:
    """Seconds covered by at least one interval (two devices playing at once count once)."""
    return sum(end - start for start, end in merge_intervals(intervals))
