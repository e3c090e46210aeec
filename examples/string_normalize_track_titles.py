"""Group track titles that name the same recording (string-normalize-track-titles).

`key` builds the grouping key in four steps:

1. Fold case and compatibility forms (decompose with NFKD, casefold, decompose again), so
   "STRASSE" matches "straße", "ﬁ" matches "fi" and full-width "ＡＢＣ" matches "abc".
2. Drop accents from Latin letters only: a combining mark is removed when the letter it sits on
   is Latin ("Sóng" -> "song"). Marks on any other script are part of the letter and stay, so
   "バス" and "ハス", "й" and "и", "कि" and "क" remain different. The text is then recomposed
   (NFC).
3. Drop a bracketed or " - " suffix made only of version tags and years ("(Remastered 2011)",
   "- remaster"). Other suffixes such as "(Live)" stay, because a live take is another recording.
4. Keep the words (runs of letters, digits, underscores and their marks), one space apart.

`VERSION_TAGS` is the list agreed with the interviewer. `group_titles` keeps the first-seen order
of groups and of titles in them; it reads its input once, so a generator is fine.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable

VERSION_TAGS = {"remastered", "remaster", "mono", "stereo"}


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch).startswith("M")


def _is_latin_letter(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("LATIN ")


def _drop_latin_accents(decomposed: str) -> str:
    kept = []
    on_latin = False  # is the letter the following marks attach to a Latin one?
    for ch in decomposed:
        if _is_mark(ch):
            if on_latin:
                continue
        else:
            on_latin = _is_latin_letter(ch)
        kept.append(ch)
    return "".join(kept)


def _fold(title: str) -> str:
    """Steps 1 and 2. Accents go before case folding too, because folding turns some marks into
    letters (U+0345, the Greek iota subscript, becomes "ι")."""
    t = _drop_latin_accents(unicodedata.normalize("NFKD", title))
    t = _drop_latin_accents(unicodedata.normalize("NFKD", t.casefold()))
    return unicodedata.normalize("NFC", t)


def _words(text: str) -> list[str]:
    spaced = "".join(ch if ch.isalnum() or ch == "_" or _is_mark(ch) else " " for ch in text)
    return spaced.split()


def _is_tag(part: str) -> bool:
    words = _words(part)
    return bool(words) and all(w in VERSION_TAGS or w.isdigit() for w in words)


def key(title: str) -> str:
    t = _fold(title)
    t = re.sub(r"[\(\[]([^\)\]]*)[\)\]]", lambda m: "" if _is_tag(m.group(1)) else m.group(0), t)
    t = re.sub(r"\s+-\s+(.*)$", lambda m: "" if _is_tag(m.group(1)) else m.group(0), t)
    return " ".join(_words(t))


def group_titles(titles: Iterable[str]) -> list[list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for title in titles:
        groups[key(title)].append(title)
    return list(groups.values())
