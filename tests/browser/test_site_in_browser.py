"""The built site in headless Chromium: deep links, theme toggle, phone navigation, hygiene."""

from __future__ import annotations

import json
import re

import pytest

from study_guide.load import load_guide

from ..conftest import ROOT
from .conftest import ALL_DRAWN, PHONE

GUIDE = load_guide(ROOT / "data")
FIRST_ROLE = GUIDE.roles[0]


def test_home_lists_every_role_and_loads_cleanly(page, site_url):
    page.goto(site_url)
    cards = page.locator(".grid.cards a").evaluate_all("links => links.map(a => a.href)")
    assert {f"{site_url}roles/{role.id}/" for role in GUIDE.roles} <= set(cards)
    assert page.console_errors == []
    assert page.offsite_requests == []


def assert_landed_on(locator, url: str = "") -> None:
    """The link's target is on screen, in the upper half (below the sticky header)."""
    locator.wait_for()
    box = locator.bounding_box()
    assert box is not None and 0 <= box["y"] < locator.page.viewport_size["height"] / 2, url


@pytest.mark.parametrize("role", GUIDE.roles, ids=lambda r: r.id)
def test_deep_link_to_a_round_lands_on_it(page, site_url, role):
    last = role.rounds[-1]
    page.goto(f"{site_url}roles/{role.id}/#{last.id}")
    assert_landed_on(page.locator(f"[id='{last.id}']"))
    assert page.console_errors == []


UNDRAWN = (
    "[...document.querySelectorAll('.guide-deferred > :first-child')]"
    ".filter((e) => !e.checkVisibility({contentVisibilityAuto: true})).length"
)


def test_long_pages_draw_every_section_after_load(page, site_url):
    # Off-screen sections start undrawn (content-visibility); guide.js draws them after load,
    # also on a page reached from another one.
    page.goto(f"{site_url}questions/")
    page.wait_for_function(ALL_DRAWN)
    assert page.evaluate(UNDRAWN) == 0
    page.locator(f".md-sidebar--primary a[href$='roles/{FIRST_ROLE.id}/']").first.click()
    page.wait_for_url(re.compile(rf"roles/{FIRST_ROLE.id}/$"))
    page.wait_for_function(ALL_DRAWN)
    assert page.evaluate(UNDRAWN) == 0
    assert page.console_errors == []


def test_deep_link_to_a_topic_far_down_the_library_lands_on_it(page, site_url):
    # The library's last entry starts in a section the browser has not drawn (content-visibility).
    last = max(GUIDE.topics, key=lambda t: t.name.lower())
    page.goto(f"{site_url}topics/#{last.id}")
    assert_landed_on(page.locator(f"[id='{last.id}']"))
    assert page.console_errors == []


def test_deep_link_to_a_question_opens_it(page, site_url):
    topic_id = FIRST_ROLE.rounds[-1].focus_topics[-1]
    topic = next(t for t in GUIDE.topics if t.id == topic_id)
    question = topic.questions[-1]
    page.goto(f"{site_url}topics/{topic.id}/#{question.id}")
    details = page.locator(f"details[id='{question.id}']")
    assert_landed_on(details)
    assert details.evaluate("d => d.open") is True
    # Links made before the split land on the question's entry, which links to its guidance.
    for url in (f"roles/{FIRST_ROLE.id}/#{question.id}", f"questions/#{question.id}"):
        page.goto(site_url + url)
        entry = page.locator(f"li[id='{question.id}']")
        assert_landed_on(entry, url)
        entry.locator("a").first.click()
        page.wait_for_url(re.compile(rf"topics/{topic.id}/#{question.id}$"))
        page.locator(f"details[id='{question.id}'][open]").wait_for()
    assert page.console_errors == []


SCHEME = "document.body.getAttribute('data-md-color-scheme')"
TOGGLE = "form[data-sisg-palette] label:visible"


def test_palette_toggle_persists_across_reload(page, site_url):
    page.goto(site_url)
    before = page.evaluate(SCHEME)
    page.locator(TOGGLE).first.click()
    after = page.evaluate(SCHEME)
    assert after != before
    page.reload()
    assert page.evaluate(SCHEME) == after
    # Enter on the toggle switches back, as with Material's own component.
    page.locator("form[data-sisg-palette] input:checked").focus()
    page.keyboard.press("Enter")
    assert page.evaluate(SCHEME) == before
    assert page.console_errors == []


def test_a_phone_in_dark_mode_starts_dark_and_keeps_a_choice(browser, site_url):
    # No saved choice: the scheme follows the system, and is set before the first paint (the
    # palette script runs while the header is parsed, before the page's content exists).
    context = browser.new_context(color_scheme="dark", viewport=PHONE)
    page = context.new_page()
    page.add_init_script(
        "new MutationObserver(() => { window.__schemeSetWhile ||= document.readyState; })"
        ".observe(document, {subtree: true, attributeFilter: ['data-md-color-scheme']});"
    )
    page.goto(site_url)
    assert page.evaluate("window.__schemeSetWhile") == "loading"  # while the page was parsed
    assert page.evaluate(SCHEME) == "slate"
    assert page.evaluate("document.querySelector('meta[name=color-scheme]').content") == "dark"
    assert page.locator(TOGGLE).count() == 1
    page.locator(TOGGLE).click()
    assert page.evaluate(SCHEME) == "default"
    page.reload()
    assert page.evaluate(SCHEME) == "default"  # the choice beats the system's
    assert page.evaluate("document.querySelector('meta[name=color-scheme]').content") == "light"
    context.close()


def test_phone_navigation_reaches_a_role_page(browser, site_url):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(site_url)
    page.locator("label.md-header__button[for='__drawer']").click()
    drawer = page.locator("nav.md-nav--primary")
    drawer.locator(".md-nav__container", has_text="Roles").locator("label").first.click()  # open Roles
    role_link = drawer.locator(f"a.md-nav__link[href$='roles/{FIRST_ROLE.id}/']")
    role_link.wait_for(state="visible")
    page.wait_for_timeout(300)  # the panel slides in
    role_link.click()
    page.wait_for_url(re.compile(rf"roles/{FIRST_ROLE.id}/"))
    assert page.locator("h1").first.inner_text().startswith(FIRST_ROLE.title)
    # The page must not scroll sideways on a phone.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    assert errors == []
    context.close()


def test_navigation_keeps_the_sub_path(page, site_url):
    page.goto(site_url)
    page.locator(".grid.cards a").first.click()
    page.wait_for_url(re.compile(r"/guide/roles/"))
    page.go_back()
    page.wait_for_url(site_url)
    assert page.console_errors == []


def test_guide_json_is_served_and_complete(page, site_url):
    response = page.request.get(site_url + "guide.json")
    assert response.ok
    data = json.loads(response.text())
    assert {r["id"] for r in data["roles"]} == {r.id for r in GUIDE.roles}


def test_offline_copy_reads_and_searches_from_files(built_site, browser, tmp_path):
    """The offline zip, unpacked and opened with file://: pages load and search answers."""
    import zipfile

    from study_guide.downloads import DOWNLOADS_DIR, OFFLINE_ZIP

    with zipfile.ZipFile(built_site / DOWNLOADS_DIR / OFFLINE_ZIP) as archive:
        archive.extractall(tmp_path)
    (home,) = tmp_path.glob("*/index.html")
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(home.as_uri())
    page.locator("input.md-search__input").click()
    page.keyboard.type(FIRST_ROLE.rounds[-1].name)
    target = f"{home.parent.as_uri()}/roles/{FIRST_ROLE.id}.html"
    result = page.locator(f"li.md-search-result__item a.md-search-result__link[href^='{target}']").first
    result.click()
    page.wait_for_load_state()
    assert page.url.startswith(home.parent.as_uri())
    assert errors == []
    context.close()
