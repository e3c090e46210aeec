"""The study loop in the browser: passes that survive, four-point ratings with the checklist and
notes, the store's errors on the page, legacy marks, and "Due today" agreeing between pages.

Dates that matter come from Playwright's clock; counts and ids come from the served guide.json.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from urllib.request import urlopen

import pytest

from .conftest import PHONE, blocking_violations, set_palette, shown_text
from .test_study_tools import (
    FORMAT,
    KEY,
    assert_clean,
    current_card,
    new_page,
    open_practice,
    question_data,
    record,
    role_questions,
    round_questions,
    small_round,
    stored,
)

LEGACY_KEY = "sisg.progress.v1"
NOW = dt.datetime(2030, 3, 4, 9, 0)  # a fixed "now" for everything that depends on the date


@pytest.fixture(scope="module")
def guide(site_url):
    with urlopen(site_url + "guide.json") as response:
        return json.load(response)


def put_record(page, reviews=None, notes=None, plan=None):
    """Store a study record and make the page's store read it again."""
    value = {"format": FORMAT, "version": 2, "reviews": reviews or {}, "notes": notes or {}, "plan": plan, "pass": None}
    page.evaluate("([k, v]) => { localStorage.setItem(k, JSON.stringify(v)); SISG.store.reload(); }", [KEY, value])


def counter(page) -> str:
    return page.locator(".sisg-card__counter").inner_text()


def covers_question(guide, role, minimum=2):
    """A question of `role` whose "what a strong answer covers" list has at least `minimum` points."""
    for qid in role_questions(guide, role):
        q = question_data(guide, qid)
        section = next((s for s in q["sections"] if s["field"] == "covers"), None)
        if section and section["html"].count("<li") >= minimum:
            return q
    raise AssertionError("no question with a covers list")


# ---- A pass survives --------------------------------------------------------------------------


def test_a_pass_resumes_after_reload_and_back_with_its_timer(page, site_url, guide):
    page.clock.install(time=NOW)
    role, round_ = small_round(guide)
    page.goto(site_url + "practice/")
    page.locator("#sisg-practice-role").wait_for()
    page.clock.pause_at(NOW + dt.timedelta(hours=1))
    open_practice(page, site_url, role["id"], round_["id"], load=False)
    order = record(page)["pass"]["order"]
    assert sorted(order) == sorted(round_questions(guide, round_))
    page.keyboard.press("g")
    second = current_card(page)
    assert second == order[1]
    minutes = question_data(guide, second)["minutes"]
    page.clock.run_for(30_000)
    left = minutes * 60 - 30
    assert page.locator(".sisg-timer__time").inner_text() == f"{left // 60:02d}:{left % 60:02d}"

    page.reload()
    page.locator(".sisg-card[data-question]").wait_for()
    assert current_card(page) == second
    assert counter(page).startswith(f"Question 2 of {len(order)}")
    assert "Resumed your pass" in page.locator("#sisg-practice .sisg-note").inner_text()
    assert page.locator(".sisg-timer__time").inner_text() == f"{left // 60:02d}:{left % 60:02d}"
    assert page.locator("#sisg-practice-round").input_value() == round_["id"]

    # Back from another page resumes it too, and the full question page opens in a new tab.
    assert page.locator(".sisg-card__link").get_attribute("target") == "_blank"
    page.goto(site_url + "progress/")
    page.go_back()
    page.locator(".sisg-card[data-question]").wait_for()
    assert current_card(page) == second
    assert record(page)["pass"]["order"] == order
    assert_clean(page)


@pytest.mark.parametrize("keys", [["n", "n"], ["p"], [","], ["."], ["/"], ["s"], ["f"]])
def test_material_page_shortcuts_never_leave_a_pass(page, site_url, guide, keys):
    role, round_ = small_round(guide)
    open_practice(page, site_url, role["id"], round_["id"])
    start_url = page.url
    # Skip to the last question, then press the keys (N twice on the last one ends the pass first).
    for _ in range(len(round_questions(guide, round_)) - 1):
        page.keyboard.press("ArrowRight")
    page.locator("h1").click()  # focus on the page, not on a control
    for key in keys:
        page.keyboard.press(key)
        page.wait_for_timeout(200)
    assert page.url == start_url
    assert page.locator(".md-search__input").evaluate("el => el !== document.activeElement")
    assert page.locator(".sisg-card").is_visible() or page.locator(".sisg-summary").is_visible()
    assert_clean(page)


# ---- Rating, checklist, notes ------------------------------------------------------------------


def test_checklist_suggests_a_rating_notes_save_and_travel_with_the_record(page, browser, site_url, guide, tmp_path):
    role = guide["roles"][0]
    q = covers_question(guide, role)
    page.goto(site_url + "practice/")
    page.locator("#sisg-practice-role").wait_for()
    page.select_option("#sisg-practice-role", role["id"])
    page.fill("#sisg-practice-text", q["prompt"])  # the text filter finds it by its words
    assert page.locator("#sisg-practice-count").inner_text().startswith("1 question, about ")
    page.locator("#sisg-practice button[type=submit]").click()
    assert current_card(page) == q["id"]

    page.get_by_role("button", name=re.compile("^Reveal guidance")).click()
    rate = page.get_by_role("group", name="How did it go?")
    assert rate.is_visible()
    boxes = page.locator(".sisg-checklist input[type=checkbox]")
    total = boxes.count()
    assert total >= 2
    suggested = page.locator(".sisg-rate")

    def expect(rating):
        assert suggested.get_attribute("data-suggested") == rating
        name = {"1": "Again", "2": "Hard", "3": "Good"}[rating]
        assert "sisg-btn--suggested" in rate.get_by_role("button", name=re.compile(f"^{name}")).get_attribute("class")

    boxes.nth(0).check()
    expect("1" if total > 2 else "2")
    for i in range(total):
        boxes.nth(i).check()
    expect("3")
    boxes.nth(0).uncheck()
    expect("2")

    note = page.get_by_label(re.compile("^Your notes on this question"))
    note.fill("Situation: the launch slipped; Action: …")
    page.locator("#sisg-practice-note-status").filter(has_text="Saved.").wait_for()
    assert record(page)["notes"][q["id"]]["text"].startswith("Situation: the launch slipped")

    page.keyboard.press("Escape")  # leave the text box; the keys then rate
    page.locator(".sisg-card__prompt").focus()
    page.keyboard.press("4")  # Easy, by choice: never suggested
    page.locator(".sisg-summary").wait_for()
    assert [r["rating"] for r in stored(page)[q["id"]]] == [4]

    # Export, import in a fresh browser: the note comes along and shows when the question does.
    page.goto(site_url + "progress/")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export to a file").click()
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert exported["notes"][q["id"]]["text"].startswith("Situation")
    fresh = new_page(browser, site_url)
    try:
        fresh.goto(site_url + "progress/")
        fresh.get_by_label(re.compile("^Import from a file")).set_input_files(download.value.path())
        fresh.locator(".sisg-status-line").filter(has_text="1 note added").wait_for()
        fresh.goto(site_url + "practice/")
        fresh.locator("#sisg-practice-role").wait_for()
        fresh.select_option("#sisg-practice-role", role["id"])
        fresh.fill("#sisg-practice-text", q["prompt"])
        fresh.locator("#sisg-practice button[type=submit]").click()
        fresh.get_by_role("button", name=re.compile("^Reveal guidance")).click()
        assert fresh.get_by_label(re.compile("^Your notes")).input_value().startswith("Situation")
        assert_clean(fresh)
    finally:
        fresh.context.close()
    assert_clean(page)


def test_copy_link_copies_the_question_page_url(browser, site_url, guide):
    page = new_page(browser, site_url)
    try:
        page.context.grant_permissions(["clipboard-read", "clipboard-write"])
        role, round_ = small_round(guide)
        open_practice(page, site_url, role["id"], round_["id"])
        qid = current_card(page)
        button = page.get_by_role("button", name="Copy link")
        button.click()
        page.locator(".sisg-copy").filter(has_text="Copied").wait_for()
        assert page.evaluate("navigator.clipboard.readText()") == site_url + question_data(guide, qid)["url"]
        page.keyboard.press("ArrowRight")
        assert page.locator(".sisg-copy").inner_text() == "Copy link"  # each card starts afresh
        assert_clean(page)
    finally:
        page.context.close()


# ---- Storage errors are shown and lose nothing --------------------------------------------------

FILL_STORAGE = """() => {
  // Fill this origin's localStorage with filler keys until nothing more fits.
  let size = 1 << 20;
  let i = 0;
  while (size >= 1) {
    try { localStorage.setItem('filler' + i++, 'x'.repeat(size)); }
    catch (error) { size = Math.floor(size / 2); }
  }
}"""
FREE_STORAGE = """() => Object.keys(localStorage).filter((k) => k.startsWith('filler'))
  .forEach((k) => localStorage.removeItem(k))"""


def test_a_full_quota_is_shown_on_the_page_and_nothing_is_lost(page, site_url, guide):
    role, round_ = small_round(guide)
    open_practice(page, site_url, role["id"], round_["id"])
    first = current_card(page)
    page.keyboard.press("g")
    before = stored(page)
    assert list(before) == [first]
    second = current_card(page)
    page.evaluate(FILL_STORAGE)

    page.keyboard.press("n")
    alert = page.locator("#sisg-practice [role=alert]")
    alert.wait_for()
    assert "storage for this site is full" in alert.inner_text()
    assert current_card(page) == second  # still on screen, to rate again once there is room
    assert stored(page) == before

    page.evaluate(FREE_STORAGE)
    page.keyboard.press("n")
    assert alert.is_hidden()
    assert stored(page)[second][-1]["rating"] == 1
    assert stored(page)[first] == before[first]
    assert_clean(page)


def test_a_full_quota_on_a_reading_page_is_shown_there(page, site_url, guide):
    role = guide["roles"][0]
    qid = role_questions(guide, role)[0]
    # The Got it / Needs work buttons live with the question, on its topic page.
    page.goto(site_url + question_data(guide, qid)["url"])
    question = page.locator(f"details[data-question='{qid}']")
    question.locator(".sisg-mark").wait_for()  # the link opens the question
    page.evaluate(FILL_STORAGE)
    got = question.get_by_role("button", name="Got it")
    got.click()
    alert = page.get_by_role("alert")
    assert "storage for this site is full" in alert.inner_text()
    assert got.get_attribute("aria-pressed") == "false"  # never shown as saved
    page.evaluate(FREE_STORAGE)
    got.click()
    assert got.get_attribute("aria-pressed") == "true"
    assert alert.is_hidden()
    assert_clean(page)


def test_refused_imports_leave_progress_untouched_and_say_why(page, site_url, guide, tmp_path):
    qid = role_questions(guide, guide["roles"][0])[0]
    page.goto(site_url + "progress/")
    page.locator(".sisg-overview h2").first.wait_for()
    mine = {qid: [{"at": "2025-01-02T00:00:00.000Z", "rating": 3}]}
    put_record(page, mine)
    upload = page.get_by_label(re.compile("^Import from a file"))
    alert = page.locator("#sisg-progress [role=alert]")
    limit = page.evaluate("SISG.store.MAX_IMPORT_BYTES")

    def refused(name, text, says):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        upload.set_input_files(path)
        alert.filter(has_text=says).wait_for()
        assert "undefined" not in alert.inner_text()
        assert "Nothing was changed" in alert.inner_text()
        assert stored(page) == mine
        assert page.locator(".sisg-status-line").inner_text() == ""

    big = {"format": FORMAT, "version": 2, "reviews": {qid: []}, "padding": "x" * (limit + 10)}
    refused("big.json", json.dumps(big), "MB")
    refused("foreign.json", json.dumps({"hello": "world"}), "not a study record")
    refused("future.json", json.dumps({"format": FORMAT, "version": 7, "reviews": {}}), "version 7 of the study record")
    refused("none.json", json.dumps({"format": FORMAT, "reviews": {}}), "an unknown version")
    refused("text.json", "not json at all", "not JSON")

    # A valid file that does not fit in the quota: the store's message, and nothing changes.
    incoming = {qid: [{"at": "2025-01-01T00:00:00.000Z", "rating": 1}]}
    path = tmp_path / "valid.json"
    path.write_text(json.dumps({"format": FORMAT, "version": 2, "reviews": incoming, "notes": {}}))
    page.evaluate(FILL_STORAGE)
    upload.set_input_files(path)
    alert.filter(has_text="storage for this site is full").wait_for()
    assert stored(page) == mine
    page.evaluate(FREE_STORAGE)
    assert_clean(page)


# ---- Old marks ---------------------------------------------------------------------------------


def test_legacy_marks_appear_as_reviews_and_the_old_key_goes_after_a_write(page, site_url, guide):
    role = guide["roles"][0]
    a, b, c = role_questions(guide, role)[:3]
    legacy = {
        a: {"status": "got", "at": "2025-02-01T10:00:00.000Z"},
        b: {"status": "review", "at": "2025-02-02T10:00:00.000Z"},
    }
    page.add_init_script(
        f"if (!sessionStorage.getItem('seeded')) {{ sessionStorage.setItem('seeded', '1');"
        f" localStorage.setItem('{LEGACY_KEY}', {json.dumps(json.dumps(legacy))}); }}"
    )
    page.goto(site_url + role["url"])
    bar = page.get_by_role("progressbar", name=f"Progress on {role['title']}")
    bar.wait_for()
    assert bar.get_attribute("aria-valuenow") == "1"
    # The role page lists the prompts with their status; the buttons are on the topic page.
    assert shown_text(page.locator(f"li[data-question='{a}'] .sisg-status")) == "Got it"
    assert shown_text(page.locator(f"li[data-question='{b}'] .sisg-status")) == "Needs work"

    page.goto(site_url + question_data(guide, c)["url"])
    question = page.locator(f"details[data-question='{c}']")
    question.locator(".sisg-mark").wait_for()  # the link opens the question
    question.get_by_role("button", name="Got it").click()
    assert page.evaluate(f"localStorage.getItem('{LEGACY_KEY}')") is None
    reviews = stored(page)
    assert reviews[a] == [{"at": legacy[a]["at"], "rating": 3}]
    assert reviews[b] == [{"at": legacy[b]["at"], "rating": 1}]
    assert [r["rating"] for r in reviews[c]] == [3]
    page.goto(site_url + role["url"])
    bar.wait_for()
    assert bar.get_attribute("aria-valuenow") == "2"
    assert_clean(page)


# ---- Due today ---------------------------------------------------------------------------------


def due_record(ids):
    """Reviews that make some questions due on NOW: rated Again 5 days before, and one reviewed today."""
    past = (NOW - dt.timedelta(days=5)).isoformat() + ".000Z"
    today = (NOW - dt.timedelta(hours=1)).isoformat() + ".000Z"
    reviews = {qid: [{"at": past, "rating": 1}] for qid in ids[:4]}
    reviews[ids[4]] = [{"at": today, "rating": 3}]
    return reviews


def test_due_today_on_the_role_page_equals_the_practice_page(page, site_url, guide):
    role = guide["roles"][0]
    ids = role_questions(guide, role)
    fsrs_requests = []
    page.on("request", lambda r: "ts-fsrs" in r.url and fsrs_requests.append(r.url))
    page.clock.install(time=NOW)

    # No reviews: the count is there, and the scheduler is never downloaded.
    page.goto(site_url + role["url"])
    due = page.locator(".guide-progress .sisg-due")
    due.filter(has_text="Due today: 0").wait_for()
    assert due.inner_text().strip() == "Due today: 0"  # no dangling " ·" before a hidden link
    assert fsrs_requests == []

    put_record(page, due_record(ids))
    page.reload()
    due.filter(has_text=re.compile(r"Due today: [1-9]")).wait_for()
    count = int(re.search(r"Due today: (\d+)", due.inner_text()).group(1))
    assert fsrs_requests, "FSRS loads once there are reviews"
    link = due.get_by_role("link", name="Practise what is due")
    assert link.get_attribute("href").startswith(site_url)

    link.click()
    line = page.locator("#sisg-practice-due")
    line = page.locator("#sisg-practice-due[data-count]")
    line.wait_for()
    assert line.get_attribute("data-role") == role["id"]
    assert int(line.get_attribute("data-count")) == count
    option = page.locator(f"#sisg-practice-role option[value='{role['id']}']").inner_text()
    assert option.endswith(f"(due today: {count})"), option
    assert page.locator("#sisg-practice-mode").input_value() == "due"
    page.locator("#sisg-practice button[type=submit]").click()
    asked = []
    while page.locator(".sisg-card").is_visible():
        asked.append(current_card(page))
        page.keyboard.press("3")
    assert len(asked) == count
    assert set(asked) <= set(ids[:4])
    # Rated today: nothing is due any more, on either page.
    page.locator("#sisg-practice-due[data-count='0']").wait_for()
    page.goto(site_url + role["url"])
    due.filter(has_text="Due today: 0").wait_for()
    assert_clean(page)


# ---- Phone and accessibility -------------------------------------------------------------------


def test_phone_rating_bar_stays_reachable_and_start_scrolls_to_the_card(browser, site_url, guide):
    page = new_page(browser, site_url, viewport=PHONE)
    try:
        role = guide["roles"][0]
        q = covers_question(guide, role, minimum=1)
        page.goto(site_url + "practice/")
        page.locator("#sisg-practice-role").wait_for()
        page.select_option("#sisg-practice-role", role["id"])
        page.locator("#sisg-practice details.sisg-more summary").click()  # folded on a phone
        page.fill("#sisg-practice-text", q["prompt"])
        page.locator("#sisg-practice button[type=submit]").click()
        card_top = page.locator(".sisg-card").evaluate("el => el.getBoundingClientRect().top")
        assert 0 <= card_top < PHONE["height"] / 2, card_top
        page.get_by_role("button", name=re.compile("^Reveal guidance")).click()
        # Scroll to the middle of the guidance: the rating bar is still on screen.
        page.locator(".sisg-guidance h3").last.scroll_into_view_if_needed()
        good = page.get_by_role("button", name=re.compile("^Good"))
        box = good.bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
        good.click()
        heading = page.locator(".sisg-summary h2")
        heading.wait_for()
        assert heading.evaluate("el => el === document.activeElement")
        assert heading.evaluate("el => getComputedStyle(el).outlineStyle") == "none"
        assert_clean(page)
    finally:
        page.context.close()


def test_small_texts_use_the_singular(page, site_url, guide):
    role = guide["roles"][0]
    q = question_data(guide, role_questions(guide, role)[0])
    page.goto(site_url + "practice/")
    page.locator("#sisg-practice-role").wait_for()
    page.select_option("#sisg-practice-role", role["id"])
    page.fill("#sisg-practice-text", q["prompt"])
    text = page.locator("#sisg-practice-count").inner_text()
    assert re.fullmatch(r"1 question, about \d+ minutes?\.", text), text
    assert "1 minutes" not in text and "1 questions" not in text
    assert page.evaluate("SISG.plural(1, 'minute')") == "1 minute"
    assert_clean(page)


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_new_states_have_no_serious_accessibility_violations(page, site_url, guide, scheme, tmp_path):
    set_palette(page, scheme)
    problems = []

    def check(where, context=None):
        problems.extend(f"{where}: {problem}" for problem in blocking_violations(page, context))

    role = guide["roles"][0]
    q = covers_question(guide, role, minimum=1)
    page.clock.install(time=NOW)
    page.goto(site_url + "practice/")
    page.locator("#sisg-practice-role").wait_for()
    put_record(page, due_record(role_questions(guide, role)))
    page.select_option("#sisg-practice-role", role["id"])
    page.fill("#sisg-practice-text", q["prompt"])
    page.locator("#sisg-practice button[type=submit]").click()
    page.get_by_role("button", name=re.compile("^Reveal guidance")).click()
    page.locator(".sisg-checklist input").first.check()
    page.get_by_label(re.compile("^Your notes")).fill("My outline")
    page.locator("#sisg-practice-note-status").filter(has_text="Saved.").wait_for()
    check("practice: revealed, checklist ticked, note saved")
    page.get_by_role("button", name=re.compile("^Again")).click()
    page.locator(".sisg-summary").wait_for()
    check("practice: pass summary with a needs-work link")

    page.goto(site_url + "progress/")
    page.locator(".sisg-overview h2").first.wait_for()
    path = tmp_path / "foreign.json"
    path.write_text("{}")
    page.get_by_label(re.compile("^Import from a file")).set_input_files(path)
    page.locator("#sisg-progress [role=alert]").filter(has_text="Not imported").wait_for()
    check("progress: refused import")

    page.goto(site_url + role["url"])
    page.locator(".guide-progress .sisg-due").filter(has_text="Due today").wait_for()
    check("role page: due today", {"include": [[".guide-progress"]]})
    assert problems == []
    assert_clean(page)


def test_notes_show_with_the_question_and_on_the_role_page(page, site_url, guide):
    role = guide["roles"][0]
    qid = role_questions(guide, role)[0]
    page.goto(site_url + role["url"])
    text = "Situation: <b>not markup</b>\nTask: cut p99 by 40 %"
    put_record(page, notes={qid: {"text": text, "at": "2026-11-30T10:00:00.000Z"}})
    page.reload()
    tag = page.locator(f"li[data-question='{qid}'] .sisg-note-tag")
    tag.wait_for()
    assert shown_text(tag) == "Your note"
    assert page.locator(".sisg-note-tag:not([hidden])").count() == 1
    # A mark made after the note still reads first, as when both are drawn at once.
    page.evaluate("id => SISG.progress.set(id, 'got')", qid)
    tags = page.locator(f"li[data-question='{qid}'] > .guide-tag")
    assert tags.all_inner_texts()[-2:] == ["Got it", "Your note"]

    page.goto(site_url + question_data(guide, qid)["url"])
    question = page.locator(f"details[data-question='{qid}']")  # the link opens the question
    note = question.locator(".sisg-note__text")
    note.wait_for()
    assert note.inner_text() == text  # shown as text, line breaks kept
    assert question.locator(".sisg-note b").count() == 0
    assert_clean(page)
