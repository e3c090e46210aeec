"""Levenshtein distance for "did you mean" suggestions (string-did-you-mean-edit-distance).

Dynamic programming over one row at a time: O(len(a) * len(b)) time and O(min(len(a), len(b)))
memory, because the shorter string is kept in the row. Insert, delete and substitute each cost 1,
so a swap of two neighbouring letters ("teh" -> "the") costs 2.
"""

from __future__ import annotations


def edit_distance(a: str, b: str) -> int:
    if len(a) < len(b):
        a, b = b, a  # keep the shorter string in the row
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(
                min(
                    prev[j] + 1,  # delete
                    cur[j - 1] + 1,  # insert
                    prev[j - 1] + (ca != cb),  # substitute
                )
            )
        prev = cur
    return prev[-1]
