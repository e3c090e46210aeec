"""Group track titles that name the same recording (string-normalize-track-titles).

`key` case-folds (so "STRASSE" matches "straße"), strips accents after NFKD decomposition, drops
bracketed or " - " suffixes made only of version tags and years ("(Remastered 2011)",
"- remaster"), and keeps the words. Other suffixes such as "(Live)" stay, because a live take is
a different recording. Non-Latin titles keep their characters. `VERSION_TAGS` is the list agreed
with the interviewer. `group_titles` keeps the first-seen order of groups and of titles in them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict

VERSION_TAGS = {"remastered", "remaster", "mono", "stereo"}


def _is_tag(part: str) -> bool:
    words = re.findall(r"\w+", part)
    return bool(words) and all(w in VERSION_TAGS or w.isdigit() for w in words)


def key(title: str) -> str:
    t = unicodedata.normalize("NFKD", title.casefold())
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = re.sub(r"[\(\[]([^\)\]]*)[\)\]]", lambda m: "" if _is_tag(m.group(1)) else m.group(0), t)
    t = re.sub(r"\s+-\s+(.*)$", lambda m: "" if _is_tag(m.group(1)) else m.group(0), t)
    return " ".join(re.findall(r"\w+", t))


def group_titles(titles: list[str]) -> list[list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for title in titles:
        groups[key(title)].append(title)
    return list(groups.values())
