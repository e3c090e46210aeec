"""Narrowing Practice and the question bank (topic, kind, level, reported), and Practice on a phone.

Expected counts come from the guide.json the site serves; the filter logic itself is tested
without a browser in tests/js/filters.test.js.
"""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit
from urllib.request import urlopen

import pytest

from .conftest import PHONE

RATINGS = re.compile(r"^(Again|Hard|Good|Easy|Got it|Needs work)\b")


@pytest.fixture(scope="module")
def guide(site_url):
    with urlopen(site_url + "guide.json") as response:
        return json.load(response)


def _role_topic(guide):
    """The first role's topic with the most questions, and those questions."""
    role = guide["roles"][0]
    topics = {t["id"]: t for t in guide["topics"]}
    topic = max((topics[t] for r in role["rounds"] for t in r["focus_topics"]), key=lambda t: len(t["questions"]))
    return role, topic


def _query(page) -> dict:
    return {k: v[0] for k, v in parse_qs(urlsplit(page.url).query).items()}


def test_practise_this_topic_narrows_practice_and_the_choices_stay_in_the_address(page, site_url, guide):
    role, topic = _role_topic(guide)
    questions = {q["id"]: q for q in guide["questions"]}
    page.goto(site_url + topic["url"])
    page.locator(f".guide-practise-topic[href*='role={role['id']}']").click()
    page.locator("#sisg-practice-count").wait_for()
    assert page.locator("#sisg-practice-topic").input_value() == topic["id"]
    count = page.locator("#sisg-practice-count")
    assert count.inner_text().startswith(f"{len(topic['questions'])} question")

    # One more filter narrows it further, and the address says so (a reload keeps it).
    origins = {questions[q]["origin"] for q in topic["questions"]}
    origin = "reported" if "reported" in origins else "practice"
    wanted = [q for q in topic["questions"] if questions[q]["origin"] == origin]
    page.select_option("#sisg-practice-origin", origin)
    assert count.inner_text().startswith(f"{len(wanted)} question")
    assert _query(page) == {"role": role["id"], "topic": topic["id"], "origin": origin}
    page.reload()
    page.locator("#sisg-practice-count").wait_for()
    assert page.locator("#sisg-practice-origin").input_value() == origin
    assert count.inner_text().startswith(f"{len(wanted)} question")
    page.locator("#sisg-practice button[type=submit]").click()
    drawn = []
    while page.locator(".sisg-card").is_visible():
        drawn.append(page.locator(".sisg-card").get_attribute("data-question"))
        page.keyboard.press("ArrowRight")
    assert sorted(drawn) == sorted(wanted)
    assert page.console_errors == [] and page.offsite_requests == []


def test_question_bank_filters_narrow_the_list_and_keep_deep_links(page, site_url, guide):
    questions = guide["questions"]
    kind = min({q["kind"] for q in questions}, key=lambda k: sum(q["kind"] == k for q in questions))
    of_kind = {q["id"] for q in questions if q["kind"] == kind}
    page.goto(f"{site_url}questions/?kind={kind}")
    status = page.locator(".sisg-bank-count")
    status.wait_for()
    shown = "els => els.filter(e => !e.closest('[hidden]')).map(e => e.dataset.question)"
    items = page.locator(".guide-bank-role li[data-question]")
    assert set(items.evaluate_all(shown)) == of_kind
    assert status.get_attribute("data-shown") == str(len(of_kind))

    level = next(q["level"] for q in questions if q["kind"] == kind)
    page.select_option("#sisg-bank-level", level)
    both = {q["id"] for q in questions if q["kind"] == kind and q["level"] == level}
    assert set(items.evaluate_all(shown)) == both
    assert _query(page) == {"kind": kind, "level": level}
    # A topic with nothing left is hidden whole; clearing the filters shows every question again.
    empty = page.locator(".guide-bank-role [data-topic][hidden]")
    assert empty.count() > 0
    page.select_option("#sisg-bank-kind", "")
    page.select_option("#sisg-bank-level", "")
    assert len(items.evaluate_all(shown)) == len(questions)
    assert _query(page) == {}
    assert page.console_errors == [] and page.offsite_requests == []


def test_practice_fits_a_thumb(browser, site_url, guide):
    """At 390 x 844: Start in the first screen; no rating before Reveal, one set after it; the
    sticky bar stays small and a solution wraps instead of scrolling sideways."""
    context = browser.new_context(viewport=PHONE, reduced_motion="reduce")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        role = next(r for r in guide["roles"] if any(q["kind"] == "coding" for q in guide["questions"]))
        coding = {q["id"] for q in guide["questions"] if q["kind"] == "coding" and q["sections"][-1]["kind"] == "code"}
        page.goto(f"{site_url}practice/?role={role['id']}")
        start = page.locator("#sisg-practice button[type=submit]")
        start.wait_for()
        box = start.bounding_box()
        assert box["y"] + box["height"] <= PHONE["height"]
        page.goto(f"{site_url}practice/?role={role['id']}&kind=coding")
        page.locator("#sisg-practice button[type=submit]").click()
        card = page.locator(".sisg-card")
        card.wait_for()
        visible = "els => els.filter(b => b.checkVisibility()).map(b => b.textContent.trim())"
        buttons = card.locator("button")
        assert [b for b in buttons.evaluate_all(visible) if RATINGS.match(b)] == []
        card.get_by_role("button", name=re.compile("^Reveal guidance")).click()
        card.locator(".sisg-guidance h3").first.wait_for()
        shown = [b.split()[0] for b in buttons.evaluate_all(visible) if RATINGS.match(b)]
        assert shown == ["Again", "Hard", "Good", "Easy"]
        bar = page.locator(".sisg-rate").bounding_box()
        assert bar["height"] <= 0.12 * PHONE["height"]
        if card.get_attribute("data-question") in coding:
            sideways = page.evaluate(
                "() => Math.max(...[...document.querySelectorAll('.sisg-guidance pre > code')]"
                ".map((c) => c.scrollWidth - c.clientWidth))"
            )
            assert sideways <= 1
        assert errors == []
    finally:
        context.close()
