"""The story bank in the browser: a story written once is linked to two questions, counts in the
coverage, shows in Practice after reveal and survives export → reset → import. The bank's logic
(cleaning, merging, coverage) is tested without a browser in tests/js/stories.test.js.

Roles, themes and questions come from the guide.json the site serves, never from numbers written here.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.request import urlopen

import pytest

from .conftest import PHONE, blocking_violations, set_palette
from .test_study_tools import assert_clean, new_page, open_practice, question_data

STORY = {
    "title": "Moved ranking from nightly batches to streaming",
    "situation": "Rankings were a day old.\nTwo squads waited on them.",
    "task": "Make fresh rankings without a bigger cluster.",
    "action": "Split the job, added a feature cache.",
    "result": "Rankings under an hour old.",
    "learned": "Agree on the freshness target first.",
    "numbers": "24 h to 50 min",
}


@pytest.fixture(scope="module")
def guide(site_url):
    with urlopen(site_url + "guide.json") as response:
        return json.load(response)


def story_role(guide):
    """The role with the most story themes (a source names them for one role), and two of its questions."""
    role = max(guide["roles"], key=lambda r: (len(r["story_themes"]), len(r["story_questions"])))
    assert len(role["story_themes"]) >= 1 and len(role["story_questions"]) >= 2
    return role, role["story_questions"][:2]


def write_story(page, site_url, role, questions):
    page.goto(f"{site_url}stories/?role={role['id']}")
    page.locator("#sisg-story-title").wait_for()
    assert page.locator("#sisg-stories-role").input_value() == role["id"]
    page.fill("#sisg-story-title", STORY["title"])
    for part in ("situation", "task", "action", "result", "learned", "numbers"):
        page.fill(f"#sisg-story-{part}", STORY[part])
    page.check(f"#sisg-story-theme-{role['story_themes'][0]['id']}")
    page.locator(".sisg-story-pick summary").click()
    for qid in questions:
        page.check(f"#sisg-story-question-{qid}")
    page.get_by_role("button", name="Save story").click()
    page.locator(".sisg-story-list .sisg-story").wait_for()


def coverage(page) -> tuple[str, str, list[str]]:
    counts = page.locator(".sisg-story-counts")
    missing = page.locator(".sisg-story-missing li[data-question]").evaluate_all(
        "els => els.map(e => e.dataset.question)"
    )
    return counts.get_attribute("data-themes"), counts.get_attribute("data-questions"), missing


def test_a_story_links_two_questions_counts_shows_in_practice_and_survives_export_reset_import(
    page, browser, site_url, guide
):
    role, questions = story_role(guide)
    write_story(page, site_url, role, questions)

    # Coverage: one theme and two questions have a story; the others are listed without one.
    themes, covered, missing = coverage(page)
    assert (themes, covered) == ("1", "2")
    assert set(missing) == set(role["story_questions"]) - set(questions)
    assert page.locator(".sisg-story-covered li[data-theme]").count() == 1
    story = page.locator(".sisg-story-list .sisg-story")
    assert STORY["situation"] in story.inner_text() and STORY["numbers"] in story.inner_text()
    links = story.locator(".sisg-story__questions a").evaluate_all("as => as.map(a => a.href)")
    assert links == [site_url + question_data(guide, qid)["url"] for qid in questions]

    # Practice: the linked question shows the story only after Reveal.
    first = question_data(guide, questions[0])
    round_id = next(p["round"] for p in first["asked_in"] if p["role"] == role["id"])
    open_practice(page, site_url, role["id"], round_id, first["kind"])
    for _ in range(60):
        if page.locator(".sisg-card").get_attribute("data-question") == first["id"]:
            break
        page.get_by_role("button", name=re.compile("^Skip")).click()
    linked = page.locator(".sisg-linked-stories")
    assert linked.is_hidden()
    page.get_by_role("button", name=re.compile("Reveal guidance")).click()
    assert linked.is_visible()
    assert linked.locator(".sisg-story__title").inner_text() == STORY["title"]
    assert STORY["action"] in linked.inner_text()

    # Export, reset, import: the story comes back as it was.
    page.goto(site_url + "progress/")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export to a file").click()
    path = download.value.path()
    exported = json.loads(Path(path).read_text(encoding="utf-8"))
    assert exported["version"] == 4 and [s["title"] for s in exported["stories"]] == [STORY["title"]]
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset all progress").click()
    assert page.evaluate("SISG.store.read().stories") == []
    page.get_by_label("Import from a file").set_input_files(path)
    page.locator(".sisg-status-line").filter(has_text="1 story added").wait_for()
    assert page.evaluate("SISG.store.read().stories") == exported["stories"]
    page.goto(f"{site_url}stories/?role={role['id']}")
    page.locator(".sisg-story-list .sisg-story").wait_for()
    assert coverage(page)[:2] == ("1", "2")
    assert_clean(page)


def test_edit_and_delete_a_story(page, site_url, guide):
    role, questions = story_role(guide)
    write_story(page, site_url, role, questions)
    page.get_by_role("button", name=f"Edit “{STORY['title']}”").click()
    page.fill("#sisg-story-title", "Streaming rankings")
    assert page.locator(f"#sisg-story-question-{questions[0]}").is_checked()  # open, with the links ticked
    page.uncheck(f"#sisg-story-question-{questions[1]}")
    page.get_by_role("button", name="Save story").click()
    page.locator(".sisg-story__title", has_text="Streaming rankings").wait_for()
    assert page.locator(".sisg-story-list .sisg-story").count() == 1
    assert coverage(page)[1] == "1"
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Delete “Streaming rankings”").click()
    page.locator(".sisg-story-list .sisg-note").wait_for()
    assert coverage(page)[:2] == ("0", "0")
    assert_clean(page)


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_story_bank_on_a_phone_in_both_schemes(browser, site_url, guide, scheme):
    role, questions = story_role(guide)
    page = new_page(browser, site_url, viewport=PHONE)
    set_palette(page, scheme)
    write_story(page, site_url, role, questions)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert blocking_violations(page, {"include": [["#sisg-stories"]]}) == []
    # Printed, the bank is the stories: no form, no coverage, no buttons.
    page.emulate_media(media="print")
    assert page.locator(".sisg-story-form").is_hidden() and page.locator(".sisg-story-coverage").is_hidden()
    assert page.locator(".sisg-story-print-title").is_visible()
    assert page.locator(".sisg-story .sisg-actions").first.is_hidden()
    assert_clean(page)
    page.context.close()
