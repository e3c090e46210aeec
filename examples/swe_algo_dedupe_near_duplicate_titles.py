"""Group catalog titles that are identical after normalisation or one edit apart (a typo).

1. Normalise: case fold, strip accents, drop punctuation, collapse spaces.
2. Candidate generation without comparing all pairs: index every normalised title under itself
   and under each string obtained by deleting one character ("deletion neighbourhood", the idea
   behind SymSpell). Two strings within edit distance 1 always share one of those keys (a
   substitution is a deletion from each; an insertion is a deletion from the longer).
3. Verify each candidate pair with an exact distance-≤1 check (shared keys can also come from
   two substitutions at adjacent positions, e.g. "ab" and "ba"), then union-find the pairs.

Complexity: for n titles of length at most L, O(n · L²) time to build the L+1 keys per title
(each key costs O(L)); the verification is O(L) per candidate pair, and the number of pairs is
small unless many titles collide; O(n · L²) space for the index. A key shared by very many
titles (a hot bucket) is the scaling risk.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict


def normalise(title: str) -> str:
    decomposed = unicodedata.normalize("NFKD", title.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.findall(r"\w+", stripped))


def within_one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


def group_near_duplicates(titles: list[str]) -> list[list[str]]:
    keys = [normalise(t) for t in titles]
    parent = list(range(len(titles)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    index: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        variants = {key} | {key[:j] + key[j + 1 :] for j in range(len(key))}
        for variant in variants:
            index[variant].append(i)
    for members in index.values():
        for pos, i in enumerate(members):
            for j in members[pos + 1 :]:
                if find(i) != find(j) and within_one_edit(keys[i], keys[j]):
                    parent[find(i)] = find(j)
    groups: dict[int, list[str]] = defaultdict(list)
    for i, title in enumerate(titles):
        groups[find(i)].append(title)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: (-len(g), g[0]))
