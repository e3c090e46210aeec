"""axe-core in Chromium: no serious or critical accessibility violations on the main pages."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from study_guide.load import load_guide

from ..conftest import ROOT

GUIDE = load_guide(ROOT / "data")
PAGES = ["", f"roles/{GUIDE.roles[0].id}/", "topics/", "questions/"]
BLOCKING = {"serious", "critical"}


@pytest.fixture(scope="module")
def axe():
    return Axe()


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "home")
def test_no_serious_violations(page, site_url, axe, path, scheme):
    page.add_init_script(
        f"localStorage.setItem('/guide/.__palette', JSON.stringify({{index: {0 if scheme == 'default' else 1},"
        f" color: {{media: '', scheme: '{scheme}', primary: 'custom', accent: 'custom'}}}}))"
    )
    page.goto(site_url + path)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
    # Open one question so the guidance text is checked too.
    page.locator("details.guide-question > summary").first.click() if page.locator(
        "details.guide-question"
    ).count() else None
    results = axe.run(page)
    blocking = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
        for v in results.response["violations"]
        if v["impact"] in BLOCKING
    ]
    assert blocking == []
