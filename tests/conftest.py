"""Shared fixtures: copies of the project to build, and the built real site."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "valid" / "data"
# What a site build needs from the project, besides data/.
PROJECT_PARTS = ["mkdocs.yml", "macros.py", "docs", "overrides", "templates", "study_guide", "examples"]


def copy_project(target: Path, data: Path | None = None) -> Path:
    """A buildable copy of the project in `target`, with `data` (default: the real data/)."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / part)
    shutil.copytree(data or ROOT / "data", target / "data")
    return target


# Built as GitHub Pages serves a project site: under a sub-path. The browser tests serve it there.
SITE_URL = "https://candidate.github.io/guide/"


def mkdocs_build(
    project: Path, site_dir: Path | None = None, with_offline_zip: bool = False, generator: str = "mkdocs"
) -> subprocess.CompletedProcess:
    """Build `project` in strict mode; `with_offline_zip` when the caller adds the offline zip after.

    `generator` is the module that builds: mkdocs, or its drop-in fork properdocs.
    """
    site_dir = site_dir or project / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL}
    env["STUDY_GUIDE_OFFLINE_ZIP"] = "1" if with_offline_zip else "0"
    return subprocess.run(
        [sys.executable, "-m", generator, "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture
def fixture_project(tmp_path: Path) -> Path:
    """A copy of the project with the small valid fixture data set, ready to break."""
    return copy_project(tmp_path / "project", FIXTURE_DATA)


def pytest_collection_modifyitems(items):
    """Run the tests that need the built site last, so other workers have work while it builds."""
    items.sort(key=lambda item: "built_site" in getattr(item, "fixturenames", ()))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, worker_id) -> Path:
    """The real site, built once per test run with --strict, plus its offline copy.

    Under pytest-xdist every worker asks for it; the first builds it under a lock in the run's
    shared temporary directory and the others reuse it, so two cores don't build it twice.
    """
    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        shared = shared.parent  # common to all workers of this run
    site, done = shared / "built-site", shared / "built-site.ok"
    with open(shared / "built-site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(site, ignore_errors=True)
            _build_site_with_offline_copy(site)
            done.touch()
    return site


def _build_site_with_offline_copy(site: Path) -> None:
    result = mkdocs_build(ROOT, site, with_offline_zip=True)
    assert result.returncode == 0, result.stderr
    # The deploy workflow adds the offline copy to downloads/; the Downloads page links to it.
    offline = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_offline.py"), "--site-dir", str(site)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert offline.returncode == 0, offline.stderr


def pytest_terminal_summary(terminalreporter):
    """Print the figures tests record (e.g. the search hit rate), also when run under xdist."""
    lines = [
        f"{report.nodeid}: {value}"
        for outcome in ("passed", "failed")
        for report in terminalreporter.stats.get(outcome, [])
        if report.when == "call"
        for name, value in report.user_properties
        if name == "summary"
    ]
    if lines:
        terminalreporter.section("measured")
        for line in lines:
            terminalreporter.write_line(line)
