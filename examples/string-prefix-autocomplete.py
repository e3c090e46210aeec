"""Artist autocomplete: the k most popular artists whose normalised name starts with a prefix.

A trie over normalised names where every node caches the top-k (popularity, name) pairs of its
subtree, filled while inserting. A query walks the prefix and returns the cached list.

Complexity, with L the total characters of all names, p the prefix length and k the cache size:
- build: O(L · k) time (each inserted character may update a k-long list), O(L · k) space;
- query: O(p + k) time, O(k) extra space.
Names and queries go through the same `normalise` (case folding, accents stripped, leading "the "
dropped as an extra key) so "beyonce", "Beyoncé" and "BEYONCÉ" all match.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field


def normalise(text: str) -> str:
    """Case-fold, decompose and drop combining marks, collapse whitespace."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.split())


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    top: list[tuple[int, str]] = field(default_factory=list)  # sorted best first


class Autocomplete:
    def __init__(self, k: int = 5) -> None:
        if k < 1:
            raise ValueError("k must be at least 1")
        self.k = k
        self.root = _Node()

    def _offer(self, node: _Node, entry: tuple[int, str]) -> None:
        if entry in node.top:
            return
        node.top.append(entry)
        # highest popularity first; ties broken alphabetically so results are stable
        node.top.sort(key=lambda e: (-e[0], e[1]))
        del node.top[self.k :]

    def add(self, name: str, popularity: int) -> None:
        key = normalise(name)
        keys = {key}
        if key.startswith("the "):
            keys.add(key[4:])  # "beatles" finds "The Beatles"
        entry = (popularity, name)
        for k in keys:
            node = self.root
            self._offer(node, entry)
            for ch in k:
                node = node.children.setdefault(ch, _Node())
                self._offer(node, entry)

    def query(self, prefix: str) -> list[str]:
        node = self.root
        for ch in normalise(prefix):
            node = node.children.get(ch)
            if node is None:
                return []
        return [name for _, name in node.top]


def build(artists: list[tuple[str, int]], k: int = 5) -> Autocomplete:
    index = Autocomplete(k)
    for name, popularity in artists:
        index.add(name, popularity)
    return index
