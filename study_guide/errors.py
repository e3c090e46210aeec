"""Data problems, reported as `file:line: field.path: what was expected`.

Every mistake in data/ ends in a `GuideDataError` listing all problems found in one
pass, so a maintainer fixes them together instead of one per build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

Loc = tuple[str | int, ...]
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


def format_loc(loc: Loc) -> str:
    """('rounds', 2, 'duration') -> 'rounds[2].duration'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif not _PLAIN_KEY.fullmatch(str(part)):
            out += f"[{str(part)!r}]"  # a key with spaces, dots or control characters
        else:
            out += f".{part}" if out else str(part)
    return out or "(top level)"


@dataclass(frozen=True)
class Problem:
    file: Path
    line: int | None
    loc: Loc
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else str(self.file)
        message = " ".join(self.message.split())  # one problem, one line
        if not self.loc:
            return f"{where}: {message}"
        return f"{where}: {format_loc(self.loc)}: {message}"


class GuideDataError(Exception):
    """Raised when data/ cannot be turned into a valid guide."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (str(p.file), p.line or 0))
        count = len(self.problems)
        header = f"{count} problem{'s' if count != 1 else ''} in the guide data:"
        super().__init__("\n".join([header, *(f"  {p}" for p in self.problems)]))
