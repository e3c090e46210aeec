"""Repository hygiene: lint, workflow checks, and CI running exactly the README's command."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

BIN = Path(sys.executable).parent


def run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True)


def test_ruff_is_clean():
    result = run(str(BIN / "ruff"), "check", ".")
    assert result.returncode == 0, result.stdout


def test_workflows_pass_zizmor_offline():
    result = run(str(BIN / "zizmor"), "--offline", ".github/workflows")
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_match_the_github_workflow_schema():
    workflows = sorted(str(p) for p in (ROOT / ".github" / "workflows").glob("*.yml"))
    result = run(str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *workflows)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actions_are_pinned_by_commit_sha():
    unpinned = []
    for workflow in (ROOT / ".github" / "workflows").glob("*.yml"):
        for line in workflow.read_text(encoding="utf-8").splitlines():
            match = re.search(r"uses:\s*([^\s#]+)", line)
            if match and not re.fullmatch(r"[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}", match.group(1)):
                unpinned.append(f"{workflow.name}: {match.group(1)}")
    assert unpinned == []


def readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.findall(r"```(?:bash|sh)\n(.+?)\n```", readme, re.DOTALL)


def test_ci_runs_the_readme_test_command_verbatim():
    test_command = next(c for c in readme_commands() if "pytest" in c)
    ci_script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci_script.splitlines()


def test_generated_output_is_not_committed():
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        message = "not a git checkout (or no git): nothing to check"
        if os.environ.get("CI"):
            pytest.fail(message)  # CI always runs in a clone
        pytest.skip(message)
    tracked = run("git", "ls-files").stdout.splitlines()
    generated = [p for p in tracked if p.startswith(("site/", "screenshots/")) or p.endswith("guide.json")]
    assert generated == []
