"""The study plan as a candidate lives with it, with a controlled clock (Playwright's clock API).

- Made on Dec 1 for Dec 15, it is saved and never rewritten; on Dec 4 it opens at today, says how
  far behind the candidate is, fits what was missed into the days left within the hours and
  folds the past days (still as planned, done or not); printed equals screen.
- Known questions are left out; hours that cannot hold every question say how many do not fit
  and suggest hours that do; a new plan replaces the old one only after confirming.
- A plan a year out is shown in weeks, none empty, with the year on next year's dates.
- The .ics export parses with `icalendar` and matches the plan on the page.
- The home page leads to every study tool at 390 px in both schemes and shows what is due today.
- axe finds nothing serious or critical in the plan's states and on the home page, both schemes.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from urllib.parse import urlsplit
from urllib.request import urlopen

import pytest

from .conftest import DESKTOP, PHONE, blocking_violations, set_palette

TZ = "Europe/Stockholm"
MADE = dt.datetime(2026, 12, 1, 9, 0)  # local time in TZ
INTERVIEW = dt.date(2026, 12, 15)

# Each plan entry as the page shows it: dates, kind, today, the questions with their state, counts.
LAYOUT = """() => [...document.querySelectorAll('.sisg-plan-days > li')].map((li) => ({
  day: li.dataset.date, end: li.dataset.end, kind: li.dataset.kind, today: li.dataset.today === 'true',
  current: li.getAttribute('aria-current'),
  title: li.querySelector('h3').textContent,
  counts: li.querySelector('.sisg-plan-day__counts').textContent, minutes: li.dataset.minutes,
  items: [...li.querySelectorAll('[data-question]')].map((q) => [q.dataset.question, q.dataset.state]),
}))"""


@pytest.fixture(scope="module")
def guide(site_url):
    with urlopen(site_url + "guide.json") as response:
        return json.load(response)


def role_questions(guide, role) -> list[str]:
    topics = {t["id"]: t for t in guide["topics"]}
    return list(dict.fromkeys(q for r in role["rounds"] for t in r["focus_topics"] for q in topics[t]["questions"]))


def questions(guide) -> dict:
    return {q["id"]: q for q in guide["questions"]}


@pytest.fixture
def plan_page(browser, site_url):
    """A fresh page in TZ whose clock starts at MADE; it records script errors and off-site requests."""
    context = browser.new_context(viewport=DESKTOP, reduced_motion="reduce", timezone_id=TZ, accept_downloads=True)
    page = context.new_page()
    page.errors, page.offsite = [], []
    origin = urlsplit(site_url).netloc
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))
    page.on("request", lambda r: urlsplit(r.url).netloc != origin and page.offsite.append(r.url))
    page.clock.install(time=MADE.isoformat())
    yield page
    assert (page.errors, page.offsite) == ([], [])
    context.close()


def make_plan(page, role, interview: dt.date, hours: str = "2") -> None:
    page.select_option("#sisg-plan-role", role["id"])
    page.fill("#sisg-plan-date", interview.isoformat())
    page.fill("#sisg-plan-hours", hours)
    page.locator("#sisg-plan form button[type=submit]").click()
    page.locator(f".sisg-plan-sheet[data-interview='{interview.isoformat()}']").wait_for()
    assert page.locator("#sisg-plan-title").inner_text().endswith(role["title"])


def open_plan(page, site_url) -> None:
    page.goto(site_url + "plan/")
    page.locator("#sisg-plan-role, .sisg-plan-sheet").first.wait_for()


def saved_plan(page) -> dict:
    return page.evaluate("JSON.parse(localStorage.getItem(SISG.store.KEY)).plan")


def smallest_role(guide):
    return min(guide["roles"], key=lambda role: len(role_questions(guide, role)))


def test_a_saved_plan_opens_at_today_and_catches_up_missed_days(plan_page, site_url, guide):
    page = plan_page
    role = smallest_role(guide)
    by_id = questions(guide)
    open_plan(page, site_url)
    make_plan(page, role, INTERVIEW, hours="4")
    plan = saved_plan(page)
    assert (plan["role"], plan["made"], plan["interview"], plan["hours"]) == (role["id"], "2026-12-01", "2026-12-15", 4)
    first = page.evaluate(LAYOUT)

    # Today first, then one entry per day to the day before the interview; the last two for review.
    assert [e["day"] for e in first] == [(MADE.date() + dt.timedelta(days=i)).isoformat() for i in range(14)]
    assert first[0]["today"] and first[0]["current"] == "date"
    assert [[q for q, _ in e["items"]] for e in first if e["items"]] == [d["questions"] for d in plan["days"]]
    assert sorted(q for e in first for q, _ in e["items"]) == sorted(role_questions(guide, role))
    assert [e["kind"] for e in first[-2:]] == ["review", "review"] and not first[-1]["items"]
    assert "kept for review" in page.locator(".sisg-plan-sheet").inner_text()
    link = page.locator(".sisg-plan-days [data-question] a").first
    qid = first[0]["items"][0][0]
    assert link.get_attribute("href").endswith(by_id[qid]["url"])
    assert link.inner_text().strip() and link.inner_text().strip() in by_id[qid]["prompt_html"]
    tomorrow = first[1]
    minutes = sum(by_id[q]["minutes"] for q, _ in tomorrow["items"])
    assert f"{len(tomorrow['items'])} new" in tomorrow["counts"] and "0 reviews due" in tomorrow["counts"]
    assert re.search(rf"about ({minutes} minutes|\d hours?)", tomorrow["counts"])
    assert page.locator(".sisg-plan-pace").inner_text() == "You are on track."

    # Dec 1: two of Day 1's questions answered Good, one Again. Nothing else until Dec 4.
    done = [q for q, _ in first[0]["items"][:2]]
    again = first[0]["items"][2][0]
    for qid in done:
        assert page.evaluate("(id) => SISG.store.review(id, 3)", qid) == {"ok": True}
    assert page.evaluate("(id) => SISG.store.review(id, 1)", again) == {"ok": True}
    page.locator(f".sisg-plan-days--today [data-question='{again}'][data-state=again]").wait_for()
    page.clock.set_fixed_time(dt.datetime(2026, 12, 4, 8, 0).isoformat())
    open_plan(page, site_url)
    later = page.evaluate(LAYOUT)
    assert saved_plan(page) == plan  # not rewritten

    # Today is first; the past days are folded away below, each with its own questions.
    assert later[0]["today"] and later[0]["day"] == "2026-12-04"
    past = page.locator("details.sisg-plan-past")
    assert past.get_attribute("open") is None
    past_days = [e for e in later if e["day"] < "2026-12-04"]
    assert [e["day"] for e in past_days] == ["2026-12-01", "2026-12-02", "2026-12-03"]
    states = {q: state for e in past_days for q, state in e["items"]}
    assert all(states[q] == "done" for q in done)
    missed = [q for e in first[:3] for q, _ in e["items"] if q not in done and q != again]
    # Answered Again: FSRS brings it back as a review, so it is neither missed nor planned as new again.
    assert all(states[q] == "missed" for q in missed) and states[again] == "practised"
    # Behind, said in one line; the missed questions take the days left, not piled on today.
    behind = len(missed)
    pace = page.locator(".sisg-plan-pace").inner_text()
    assert pace.startswith(f"You are {behind} questions behind the plan"), pace
    ahead = [e for e in later if e["day"] >= "2026-12-04"]
    upcoming = [q for e in ahead for q, state in e["items"] if state in ("new", "todo")]
    left = page.locator(".sisg-plan-unplaced [data-question]").evaluate_all("els => els.map(e => e.dataset.question)")
    assert sorted(upcoming + left + done + [again]) == sorted(plan["order"])
    assert set(missed) <= set(upcoming + left) and again not in upcoming + left
    for entry in ahead:
        assert int(entry["minutes"]) <= 4 * 60 + 15, entry
    assert int(ahead[0]["minutes"]) < sum(by_id[q]["minutes"] for q in missed)  # not everything on today
    summary = page.locator(".sisg-plan-summary").inner_text()
    assert f"Done so far: 2 of {len(role_questions(guide, role))}" in summary

    # Printed = screen: the same plan text; the form and buttons are not printed.
    sheet = page.locator(".sisg-plan-sheet")
    screen = sheet.inner_text()
    page.emulate_media(media="print")
    assert sheet.inner_text() == screen
    assert page.locator(".sisg-plan-actions").is_hidden() and page.locator(".md-header").is_hidden()
    page.emulate_media(media="screen")


def test_known_questions_are_left_out_and_short_hours_say_what_would_fit(plan_page, site_url, guide):
    page = plan_page
    role = max(guide["roles"], key=lambda role: len(role_questions(guide, role)))
    ids = role_questions(guide, role)
    known, again = ids[:3], ids[3]
    open_plan(page, site_url)
    for qid in known:
        page.evaluate("(id) => SISG.store.review(id, 4, new Date('2026-11-20T10:00:00Z'))", qid)
    page.evaluate("(id) => SISG.store.review(id, 1, new Date('2026-11-20T10:00:00Z'))", again)
    make_plan(page, role, INTERVIEW, hours="0.25")
    plan = saved_plan(page)
    planned = [q for d in plan["days"] for q in d["questions"]]
    assert not set(known) & set(planned + plan["unplaced"]) and again in planned
    assert sorted(planned + plan["unplaced"]) == sorted(set(ids) - set(known))
    assert plan["unplaced"]
    text = page.locator(".sisg-plan-sheet").inner_text()
    assert "3 questions you already knew are left out" in text
    match = re.search(
        r"(\d+) questions? do(?:es)? not fit.*lowest priority first.*About ((\d+) hours?)?\s*((\d+) minutes)? a day "
        r"would fit",
        text,
    )
    assert match and int(match.group(1)) == len(plan["unplaced"]), text
    assert page.locator(".sisg-plan-unplaced [data-question]").count() == len(plan["unplaced"])
    suggested = int(match.group(3) or 0) + int(match.group(5) or 0) / 60

    # A new plan only after confirming: dismissed, the saved plan stays.
    page.get_by_role("button", name="Make a new plan").click()
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.fill("#sisg-plan-hours", str(suggested))
    page.get_by_role("button", name="Replace my plan").click()
    assert saved_plan(page) == plan
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Replace my plan").click()
    page.locator(".sisg-plan-sheet:not(:has(.sisg-plan-unplaced))").wait_for()
    replaced = saved_plan(page)
    assert replaced["unplaced"] == [] and replaced["hours"] > plan["hours"]
    assert "not fit" not in page.locator(".sisg-plan-sheet").inner_text()


def test_a_plan_a_year_out_is_shown_in_weeks_with_the_year(plan_page, site_url, guide):
    from icalendar import Calendar

    page = plan_page
    role = guide["roles"][0]
    interview = dt.date(2027, 11, 30)
    open_plan(page, site_url)
    make_plan(page, role, interview, hours="2")
    weeks = page.evaluate(LAYOUT)
    assert page.locator(".sisg-plan-sheet").get_attribute("data-weekly") == "true"
    assert 1 < len(weeks) <= 54  # today, then the weeks
    for week in weeks:
        start, end = dt.date.fromisoformat(week["day"]), dt.date.fromisoformat(week["end"])
        assert 0 < (end - start).days <= 7, week
        # No empty entries: each week has new questions or is for review (or is this week).
        assert week["items"] or week["kind"] == "review", week
        # Dates show the year when it is not this year's (2026).
        last = end - dt.timedelta(days=1)
        assert ("2027" in week["title"]) == (last.year == 2027) and "2026" not in week["title"], week
    assert any("2027" in week["title"] for week in weeks)
    assert sorted(q for w in weeks for q, _ in w["items"]) == sorted(role_questions(guide, role))
    assert weeks[0]["today"] and weeks[0]["day"] == "2026-12-01"

    # The calendar: one event per week shown, spanning it.
    with page.expect_download() as download:
        page.get_by_role("button", name="Add to calendar (.ics)").click()
    events = Calendar.from_ical(download.value.path().read_bytes()).walk("VEVENT")
    assert [e.decoded("DTSTART").isoformat() for e in events] == [w["day"] for w in weeks]
    assert [e.decoded("DTEND").isoformat() for e in events] == [w["end"] for w in weeks]
    assert all(str(e["SUMMARY"]).startswith(("Study week:", "Review")) for e in events)


def test_the_calendar_export_matches_the_plan(plan_page, site_url, guide):
    from icalendar import Calendar

    page = plan_page
    role = smallest_role(guide)
    by_id = questions(guide)
    open_plan(page, site_url)
    make_plan(page, role, INTERVIEW, hours="4")
    layout = page.evaluate(LAYOUT)
    with page.expect_download() as download:
        page.get_by_role("button", name="Add to calendar (.ics)").click()
    assert download.value.suggested_filename == f"study-plan-{role['id']}.ics"
    events = Calendar.from_ical(download.value.path().read_bytes()).walk("VEVENT")
    shown = [e for e in layout if e["items"] or e["kind"] == "review"]
    assert [e.decoded("DTSTART").isoformat() for e in events] == [e["day"] for e in shown]
    for event, entry in zip(events, shown, strict=True):
        assert (event.decoded("DTEND") - event.decoded("DTSTART")).days == 1
        summary, description = str(event["SUMMARY"]), str(event["DESCRIPTION"])
        if entry["items"]:
            assert summary.startswith(f"Study: {len(entry['items'])} new"), summary
            for qid, _ in entry["items"]:
                plain = re.sub(r"<[^>]+>", "", by_id[qid]["prompt_html"])
                assert plain.replace("&amp;", "&")[:40] in description
        else:
            assert summary.startswith("Review")
        assert description.rstrip().endswith(site_url + "plan/")


def test_a_plan_that_cannot_be_saved_says_so(plan_page, site_url, guide):
    page = plan_page
    open_plan(page, site_url)
    before = page.evaluate("localStorage.getItem(SISG.store.KEY)")
    page.evaluate("() => { Storage.prototype.setItem = () => { throw new DOMException('x', 'QuotaExceededError'); }; }")
    make_plan(page, guide["roles"][0], INTERVIEW)
    alert = page.get_by_role("alert")
    assert "not saved" in alert.inner_text() and "full" in alert.inner_text()
    assert page.evaluate("localStorage.getItem(SISG.store.KEY)") == before
    assert page.get_by_role("button", name="Make a new plan").count() == 0


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_home_page_leads_to_every_study_tool_on_a_phone(browser, site_url, guide, scheme):
    context = browser.new_context(viewport=PHONE, reduced_motion="reduce", timezone_id=TZ)
    page = context.new_page()
    errors, fetched = [], []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda request: fetched.append(request.url))
    page.clock.install(time=MADE.isoformat())
    set_palette(page, scheme)
    try:
        page.goto(site_url)
        page.wait_for_load_state("networkidle")
        # Kept light: without a plan, the home page loads neither the questions nor the scheduler.
        assert not [url for url in fetched if url.endswith(("guide.json", "ts-fsrs.umd.js")) or "/study/index." in url]
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
        fits = "document.documentElement.scrollWidth <= window.innerWidth + 1"
        assert page.evaluate(fits)
        for name, path in [
            ("Practice", "practice/"),
            ("Study plan", "plan/"),
            ("My progress", "progress/"),
            ("Downloads", "downloads/"),
        ]:
            link = page.locator(".md-content").get_by_role("link", name=name, exact=True)
            assert link.is_visible(), name  # in the page itself: the sidebar is hidden here
            assert link.evaluate("(a) => a.href") == site_url + path, name
        assert page.locator("#sisg-today").get_by_role("link", name="study plan").is_visible()
        problems = blocking_violations(page)

        # With a saved plan, the box says what is due today and links to practice.
        role = guide["roles"][0]
        page.goto(site_url + "plan/")
        make_plan(page, role, INTERVIEW)
        first_day = page.evaluate(LAYOUT)[0]
        page.goto(site_url)
        page.locator("#sisg-today").get_by_text(re.compile(r"^Due today: \d+")).wait_for()
        box = page.locator("#sisg-today")
        assert f"{len(first_day['items'])} new questions" in box.inner_text()
        practice = box.get_by_role("link", name="Practise them")
        assert practice.get_attribute("href").endswith(f"practice/?role={role['id']}&mode=due")
        assert page.evaluate(fits)
        problems += blocking_violations(page)
        assert problems == [] and errors == []
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_no_serious_accessibility_violations_in_the_plan(plan_page, site_url, guide, scheme):
    page = plan_page
    set_palette(page, scheme)
    problems = []

    def check(where):
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
        problems.extend(f"{where}: {p}" for p in blocking_violations(page, {"include": [["#sisg-plan"]]}))

    open_plan(page, site_url)
    page.evaluate("document.querySelector('#sisg-plan form').noValidate = true")  # past the browser's own check
    page.fill("#sisg-plan-hours", "0.1")
    page.get_by_role("button", name="Make my plan").click()
    page.get_by_role("alert").wait_for()
    check("form with an error")
    role = smallest_role(guide)
    make_plan(page, role, INTERVIEW, hours="0.25")  # some questions do not fit
    first = page.evaluate(LAYOUT)
    page.evaluate("(id) => SISG.store.review(id, 3)", first[0]["items"][0][0])
    page.clock.set_fixed_time(dt.datetime(2026, 12, 3, 8, 0).isoformat())
    open_plan(page, site_url)  # done, missed, moved and today
    page.locator(".sisg-plan-pace").filter(has_text="behind").wait_for()
    page.locator("details.sisg-plan-past > summary").click()
    check("plan with progress")
    page.get_by_role("button", name="Make a new plan").click()
    check("new plan form")
    assert problems == []
