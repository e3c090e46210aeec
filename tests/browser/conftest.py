"""Browser fixtures: the built site served over HTTP under a sub-path, and headless Chromium.

The site is served at http://127.0.0.1:<port>/guide/ — the way GitHub Pages serves a project
site at /<repo>/ — so any link that escapes the sub-path fails here too.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from ..conftest import SITE_URL

# Debian's Chromium (.ci/run installs it); STUDY_GUIDE_CHROMIUM names another Chromium-based browser.
CHROMIUM = os.environ.get("STUDY_GUIDE_CHROMIUM", "/usr/bin/chromium")
SUB_PATH = urlsplit(SITE_URL).path
PHONE = {"width": 390, "height": 844}
BLOCKING_IMPACTS = {"serious", "critical"}
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} is missing: apt-get install -y chromium (or set STUDY_GUIDE_CHROMIUM)"
        if os.environ.get("CI"):
            pytest.fail(message)  # browser tests never skip in CI
        pytest.skip(message)
    return CHROMIUM


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path, tmp_path_factory) -> Iterator[str]:
    """Base URL of the built site, served under SUB_PATH."""
    root = tmp_path_factory.mktemp("served")
    shutil.copytree(built_site, root / SUB_PATH.strip("/"))
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}{SUB_PATH}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, site_url):
    """A fresh page (new context: empty localStorage) that records errors and off-site requests."""
    context = browser.new_context(viewport=DESKTOP, reduced_motion="reduce")
    page = context.new_page()
    page.console_errors = []
    page.offsite_requests = []
    origin = urlsplit(site_url).netloc
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    page.on(
        "request",
        lambda request: (
            urlsplit(request.url).netloc != origin
            and urlsplit(request.url).scheme in {"http", "https", "ws", "wss"}
            and page.offsite_requests.append(request.url)
        ),
    )
    yield page
    context.close()


def blocking_violations(page, context=None) -> list[str]:
    """axe-core's serious and critical violations on the page as it is now, one line each."""
    from axe_playwright_python.sync_playwright import Axe

    settle(page)
    # Only violations are collected: gathering every passing node doubles the time on long pages.
    results = Axe().run(page, context=context, options={"resultTypes": ["violations"]})
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        f"{[node['target'] for node in violation['nodes']][:5]}"
        for violation in results.response["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]


# Transitions end at once: axe then checks colours at rest, never halfway through a fade (the
# header's topic once failed contrast mid-transition in slate, and passed on the rerun).
_NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }"
# Long pages start with their off-screen sections undrawn (.guide-deferred) and guide.js draws them
# after load. axe samples colours and sizes from what is painted, so it waits for all of them.
ALL_DRAWN = "!document.querySelector('.guide-deferred:not(.guide-deferred--drawn)')"


def shown_text(locator) -> str:
    """The text a reader sees at `locator` once scrolled there.

    Long pages start with their off-screen sections undrawn (content-visibility), and an undrawn
    element has no rendered text, so the element is brought on screen first, as a reader would.
    """
    locator.scroll_into_view_if_needed()
    locator.page.wait_for_function(
        "el => el.checkVisibility({contentVisibilityAuto: true})", arg=locator.element_handle()
    )
    return locator.inner_text()


def settle(page) -> None:
    """Stop CSS transitions and animations, and wait until every section is drawn and nothing moves."""
    page.add_style_tag(content=_NO_MOTION)
    page.wait_for_function(ALL_DRAWN)
    page.wait_for_function("document.getAnimations().every((a) => a.playState !== 'running')")


def set_palette(page, scheme: str) -> None:
    """Start the page in Material's light ("default") or dark ("slate") scheme, as the toggle stores it."""
    index = 0 if scheme == "default" else 1
    page.add_init_script(
        f"localStorage.setItem('{SUB_PATH}.__palette', JSON.stringify({{index: {index},"
        f" color: {{media: '', scheme: '{scheme}', primary: 'custom', accent: 'custom'}}}}))"
    )
