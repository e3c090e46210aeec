"""Words a candidate may type for the same thing: spelling variants and interview synonyms.

Material's search (lunr) matches the words a page holds, so "behavior" misses a section that
says "behaviour", and "disagreement" misses one about conflict. After the search plugin has
written its index, `add_variants` gives every indexed section that uses one word of a group the
group's other words, in a hidden span at the end of its text: the section is found by any of them,
and its preview (the start of its text) is unchanged. The pages themselves are not touched.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

# Each group: words that should find the same sections. Whole words, case-insensitive.
GROUPS: tuple[tuple[str, ...], ...] = (
    ("behaviour", "behavior", "behavioural", "behavioral"),
    ("conflict", "conflicts", "disagreement", "disagreements", "disagree"),
    ("A/B test", "A/B tests", "A/B testing", "experiment", "experiments", "experimentation"),
    # -ise/-ize words with their inflections: lunr stems "personalised" like "personalisation", so a
    # section saying only "personalised" must also hold the -ize forms.
    *(
        tuple(f"{stem}{s}{ending}" for ending in endings for s in "sz")
        for stem, endings in (
            ("personali", ("e", "ed", "es", "ing", "ation")),
            ("optimi", ("e", "ed", "es", "ing", "ation")),
            ("prioriti", ("e", "ed", "es", "ing", "ation")),
            ("organi", ("e", "ed", "es", "ing", "ation")),
        )
    ),
    ("analyse", "analyze", "analysed", "analyzed", "analysing", "analyzing"),
    ("modelling", "modeling"),
    ("generalisation", "generalization"),
)
HIDDEN = '<span hidden class="guide-search-variants">{}</span>'


def _pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w/]){re.escape(word)}(?![\w/])", re.IGNORECASE)


_PATTERNS = [[(word, _pattern(word)) for word in group] for group in GROUPS]
_TAGS = re.compile(r"<[^>]+>")


def variants(text: str) -> list[str]:
    """The words of every group `text` uses that it does not hold itself, in group order."""
    words = _TAGS.sub(" ", text)
    missing: list[str] = []
    for group in _PATTERNS:
        present = [bool(pattern.search(words)) for _, pattern in group]
        if any(present):
            missing += [word for (word, _), found in zip(group, present, strict=True) if not found]
    return missing


def add_variants(index_file: Path) -> None:
    """Rewrite Material's search_index.json with each section's missing variants appended."""
    index = json.loads(index_file.read_text(encoding="utf-8"))
    for doc in index["docs"]:
        extra = variants(doc.get("title", "") + " " + doc.get("text", ""))
        if extra:
            doc["text"] = doc.get("text", "") + " " + HIDDEN.format(" ".join(extra))
    index_file.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
