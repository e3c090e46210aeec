"""Split a listener's play events into sessions, and find the busiest window of listening.

`sessionize`: sort the timestamps and start a new session whenever the gap to the previous play
exceeds `gap` seconds (a common definition is 30 minutes of inactivity). O(n log n) time for the
sort (O(n) if the input is already sorted), O(n) space.

`max_plays_in_window`: the largest number of plays inside any window of `width` seconds
(inclusive of both ends), with two pointers over the sorted timestamps. O(n log n) time for the
sort plus O(n) for the sweep, O(n) space.
"""

from __future__ import annotations


def sessionize(timestamps: list[int], gap: int = 30 * 60) -> list[list[int]]:
    sessions: list[list[int]] = []
    for ts in sorted(timestamps):
        if sessions and ts - sessions[-1][-1] <= gap:
            sessions[-1].append(ts)
        else:
            sessions.append([ts])
    return sessions


def max_plays_in_window(timestamps: list[int], width: int) -> int:
    ordered = sorted(timestamps)
    best = left = 0
    for right, ts in enumerate(ordered):
        while ts - ordered[left] > width:
            left += 1
        best = max(best, right - left + 1)
    return best
