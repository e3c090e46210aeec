"""Reproducible files: zips with fixed entry dates, and the build time they are stamped with."""

from __future__ import annotations

import os
import subprocess
import zipfile
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

# Used when neither SOURCE_DATE_EPOCH nor a git commit gives the build time (2025-01-01T00:00:00Z).
FALLBACK_TIMESTAMP = 1735689600
_PROJECT_ROOT = Path(__file__).resolve().parent.parent.parent


def write_zip(path: Path, members: Iterable[tuple[str, bytes]], timestamp: int) -> None:
    date_time = datetime.fromtimestamp(max(timestamp, 315532800), UTC).timetuple()[:6]
    with zipfile.ZipFile(path, "w") as out:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            out.writestr(info, data)


def zip_directory(source: Path, target: Path, prefix: str, timestamp: int) -> None:
    """Zip every file under `source` into `target` below `prefix/`, sorted, with fixed dates."""
    files = sorted(p for p in source.rglob("*") if p.is_file())
    write_zip(target, ((f"{prefix}/{p.relative_to(source).as_posix()}", p.read_bytes()) for p in files), timestamp)


def build_timestamp(project_root: Path | None = None) -> int:
    """Seconds since the epoch for notes, cards and zip entries: reproducible, and newer with each commit.

    SOURCE_DATE_EPOCH if set, else the time of the checked-out git commit, else a fixed date.
    Anki updates an imported note only when the incoming one is newer, so the time must grow
    between releases: a commit time does, and it is the same for every build of that commit.
    """
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value.isdigit():
        return int(value)
    root = project_root or _PROJECT_ROOT
    if (root / ".git").exists():
        try:
            result = subprocess.run(
                ["git", "log", "-1", "--format=%ct"],
                cwd=root,
                capture_output=True,
                text=True,
                timeout=10,
                check=False,
            )
        except (OSError, subprocess.SubprocessError):
            result = None
        if result is not None and result.returncode == 0 and result.stdout.strip().isdigit():
            return int(result.stdout.strip())
    return FALLBACK_TIMESTAMP
