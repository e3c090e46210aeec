"""The study loop's pure logic (docs/assets/study/loop.js), tested under Node's own test runner.

tests/js/ holds the tests and a package.json + package-lock.json pinning fast-check; `npm ci`
installs it into tests/js/node_modules when missing. Without node or npm the test skips locally
and fails in CI, as the browser tests do without Chromium.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from .conftest import ROOT

JS_TESTS = ROOT / "tests" / "js"


def _tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        message = f"{name} is missing: apt-get install -y nodejs npm"
        if os.environ.get("CI"):
            pytest.fail(message)  # never skipped in CI
        pytest.skip(message)
    return path


def test_study_loop_logic_passes_under_node():
    node = _tool("node")
    if not (JS_TESTS / "node_modules" / "fast-check").is_dir():
        npm = _tool("npm")
        installed = subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund"], cwd=JS_TESTS, capture_output=True, text=True, timeout=300
        )
        assert installed.returncode == 0, installed.stdout + installed.stderr
    env = {**os.environ, "TZ": "Europe/Stockholm"}
    result = subprocess.run(
        [node, "--test", "--test-reporter=spec"], cwd=JS_TESTS, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout or "ℹ fail 0" in result.stdout, result.stdout[-2000:]
