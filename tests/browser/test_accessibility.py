"""axe-core in Chromium: no serious or critical accessibility violations on the main pages."""

from __future__ import annotations

import pytest

from study_guide.load import load_guide

from ..conftest import ROOT
from .conftest import blocking_violations, set_palette

GUIDE = load_guide(ROOT / "data")
ROLE_PAGE = f"roles/{GUIDE.roles[0].id}/"
# The topic page with the most questions: questions with their guidance (and code) live on topic pages.
TOPIC_PAGE = f"topics/{max(GUIDE.topics, key=lambda t: len(t.questions)).id}/"
PAGES = ["", ROLE_PAGE, "topics/", TOPIC_PAGE, "questions/"]
# Dark mode changes colours only, so it is checked where every component appears: a role page
# holds tables and prompt lists, a topic page the questions' parts.
DARK_PAGES = ["", ROLE_PAGE, TOPIC_PAGE]
CASES = [(path, "default") for path in PAGES] + [(path, "slate") for path in DARK_PAGES]


@pytest.mark.parametrize(("path", "scheme"), CASES, ids=[f"{p or 'home'}-{s}" for p, s in CASES])
def test_no_serious_violations(page, site_url, path, scheme):
    set_palette(page, scheme)
    page.goto(site_url + path)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
    # Open one question so the guidance text is checked too.
    questions = page.locator("details.guide-question > summary")
    if questions.count():
        questions.first.click()
    assert blocking_violations(page) == []


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_search_overlay_has_no_serious_violations(page, site_url, scheme):
    # The open overlay before typing: "Type to start searching" sits on Material's grey bar.
    set_palette(page, scheme)
    page.goto(site_url)
    page.locator(".md-search__input").click()
    meta = page.locator(".md-search-result__meta")
    meta.wait_for()
    assert meta.inner_text().strip()
    assert blocking_violations(page, {"include": [[".md-search"]]}) == []
