"""Study tools in the browser: practice mode, progress marks (role pages, export/import/reset), study plan.

Counts and ids come from the guide.json the site serves, never from numbers written here.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import urlopen

import pytest

from study_guide.study_record import StudyRecord

from .conftest import DESKTOP, PHONE, blocking_violations, set_palette, shown_text

RECORD_VERSION = StudyRecord.model_fields["version"].default  # the study record written today


KEY = "sisg.study.v2"
FORMAT = "spotify-interview-study-guides-study-record"


@pytest.fixture(scope="module")
def guide(site_url):
    with urlopen(site_url + "guide.json") as response:
        return json.load(response)


def round_questions(guide, round_):
    topics = {t["id"]: t for t in guide["topics"]}
    return [qid for tid in round_["focus_topics"] for qid in topics[tid]["questions"]]


def question_data(guide, qid):
    return next(q for q in guide["questions"] if q["id"] == qid)


def role_questions(guide, role):
    return list(dict.fromkeys(qid for r in role["rounds"] for qid in round_questions(guide, r)))


def record(page) -> dict:
    """The study record as stored (empty shape when nothing is)."""
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}') || '{{\"reviews\": {{}}, \"notes\": {{}}}}'"))


def mark(page, site_url, guide, qid, name):
    """Open question `qid` on its topic page and press `name` (Got it / Needs work)."""
    page.goto(site_url + question_data(guide, qid)["url"])
    question = page.locator(f"details[data-question='{qid}']")
    question.locator(".sisg-mark").wait_for()
    question.get_by_role("button", name=name).click()
    return question


def stored(page) -> dict:
    """Reviews per question id, as stored."""
    return record(page)["reviews"]


def marks(page) -> dict:
    """Each reviewed question's mark as the pages show it: last rating Good/Easy = got, else review."""
    return {qid: "got" if reviews[-1]["rating"] >= 3 else "review" for qid, reviews in stored(page).items()}


def assert_clean(page):
    assert page.console_errors == []
    assert page.offsite_requests == []


def new_page(browser, site_url, **options):
    """A page in a fresh context that records errors and off-site requests like the `page` fixture."""
    context = browser.new_context(**{"viewport": DESKTOP, "reduced_motion": "reduce", **options})
    page = context.new_page()
    page.console_errors, page.offsite_requests = [], []
    origin = urlsplit(site_url).netloc
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    page.on("request", lambda r: urlsplit(r.url).netloc != origin and page.offsite_requests.append(r.url))
    return page


# ---- Practice mode -------------------------------------------------------------------------------


def open_narrowing(page):
    """Unfold Practice's narrowing choices, as a reader does on a phone (wider screens show them)."""
    more = page.locator("#sisg-practice details.sisg-more")
    if not more.evaluate("el => el.open"):
        more.locator("summary").click()


def open_practice(page, site_url, role_id, round_id="", kind="", load=True):
    if load:
        page.goto(site_url + "practice/")
    page.locator("#sisg-practice-role").wait_for()
    page.select_option("#sisg-practice-role", role_id)
    open_narrowing(page)
    page.select_option("#sisg-practice-round", round_id)
    page.select_option("#sisg-practice-kind", kind)
    page.locator("#sisg-practice button[type=submit]").click()
    page.locator(".sisg-card[data-question]").wait_for()


def current_card(page) -> str:
    return page.locator(".sisg-card").get_attribute("data-question")


def small_round(guide):
    """A role and a round with at least 3 questions and as few as possible (keeps the test short)."""
    candidates = [(len(round_questions(guide, r)), role, r) for role in guide["roles"] for r in role["rounds"]]
    return min((c for c in candidates if c[0] >= 3), key=lambda c: c[0])[1:]


def test_practice_draws_reveals_marks_and_retries_the_misses(page, site_url, guide):
    role, round_ = small_round(guide)
    pool = round_questions(guide, round_)
    questions = {q["id"]: q for q in guide["questions"]}
    open_practice(page, site_url, role["id"], round_["id"])

    first = current_card(page)
    assert first in pool
    assert page.locator(".sisg-card__prompt").inner_text().strip()
    guidance = page.locator("#sisg-practice-guidance")
    assert guidance.is_hidden()
    page.keyboard.press("Space")
    assert guidance.is_visible()
    assert page.locator(".sisg-card button[aria-expanded]").get_attribute("aria-expanded") == "true"
    assert guidance.locator("h3").first.inner_text() == "What a strong answer covers"
    assert guidance.locator("ul").first.locator("li").count() == len(questions[first]["guidance"]["covers"])
    link = page.locator(".sisg-card__link").get_attribute("href")
    assert link == site_url + questions[first]["url"]

    # Pass 1: got it, needs work, needs work, then skip the rest. No question comes up twice.
    seen, expected = [], {}
    for key in ["g", "n", "n"] + ["ArrowRight"] * (len(pool) - 3):
        qid = current_card(page)
        seen.append(qid)
        if key != "ArrowRight":
            expected[qid] = "got" if key == "g" else "review"
        page.keyboard.press(key)
    assert sorted(seen) == sorted(pool)
    summary = page.locator(".sisg-summary")
    summary.wait_for()
    assert "1 got it" in summary.inner_text() and "2 need work" in summary.inner_text()

    assert marks(page) == expected
    for reviews in stored(page).values():
        assert len(reviews) == 1
        dt.datetime.fromisoformat(reviews[0]["at"].replace("Z", "+00:00"))

    missed = {qid for qid, status in expected.items() if status == "review"}
    listed = set(summary.locator(".sisg-missed li").evaluate_all("els => els.map(e => e.dataset.question)"))
    assert listed == missed

    # The retry pass holds exactly the missed questions, each once.
    page.get_by_role("button", name=re.compile("Retry the ones I missed")).click()
    retried = []
    while page.locator(".sisg-card").is_visible():
        retried.append(current_card(page))
        page.keyboard.press("g")
    assert sorted(retried) == sorted(missed)
    assert "Nothing marked Needs work" in summary.inner_text()
    assert set(marks(page).values()) == {"got"}
    assert_clean(page)


def test_practice_kind_filter_and_buttons(page, site_url, guide):
    role = guide["roles"][0]
    ids = role_questions(guide, role)
    kinds = {q["id"]: q["kind"] for q in guide["questions"]}
    kind = min({kinds[i] for i in ids}, key=lambda k: sum(kinds[i] == k for i in ids))  # the rarest kind
    pool = [i for i in ids if kinds[i] == kind]
    open_practice(page, site_url, role["id"], kind=kind)
    drawn = []
    while page.locator(".sisg-card").is_visible():
        drawn.append(current_card(page))
        page.get_by_role("button", name=re.compile("^Skip")).click()
    assert sorted(drawn) == sorted(pool)
    # The same by mouse: Reveal, Again (the one set of ratings, shown with the guidance).
    page.get_by_role("button", name="Start a new pass over the same questions").click()
    page.get_by_role("button", name=re.compile("^Reveal guidance")).click()
    assert page.locator("#sisg-practice-guidance").is_visible()
    qid = current_card(page)
    page.get_by_role("button", name=re.compile("^Again")).click()
    assert marks(page)[qid] == "review"
    assert stored(page)[qid][-1]["rating"] == 1
    assert_clean(page)


def test_practice_takes_role_and_round_from_the_address(page, site_url, guide):
    """The study plan links to practice/?role=…&round=…; the choice arrives preselected."""
    role = guide["roles"][-1]
    round_ = role["rounds"][-1]
    page.goto(f"{site_url}practice/?role={role['id']}&round={round_['id']}")
    page.locator("#sisg-practice-role").wait_for()
    assert page.locator("#sisg-practice-role").input_value() == role["id"]
    assert page.locator("#sisg-practice-round").input_value() == round_["id"]
    page.locator("#sisg-practice button[type=submit]").click()
    assert current_card(page) in round_questions(guide, round_)
    assert_clean(page)


def test_practice_timer_follows_the_rule_and_announces(page, site_url, guide):
    # A paused clock: the timer moves only when the test says so, however slow the machine.
    page.clock.install(time=dt.datetime(2030, 1, 7, 9, 0))
    role = next(r for r in guide["roles"] if any(x["duration"] for x in r["rounds"]))
    round_ = next(x for x in role["rounds"] if x["duration"])
    page.goto(site_url + "practice/")
    page.locator("#sisg-practice-role").wait_for()
    page.clock.pause_at(dt.datetime(2030, 1, 7, 10, 0))
    open_practice(page, site_url, role["id"], round_["id"], load=False)
    # The minutes are worked out by the build (study_guide/presenter.py) and carried by guide.json.
    by_kind = question_data(guide, current_card(page))["minutes"]
    timer = page.locator(".sisg-timer__time")
    assert timer.get_attribute("role") == "timer"
    assert timer.inner_text() == f"{by_kind:02d}:00"

    per_question = round_["minutes"]
    page.select_option("#sisg-practice-timer", "round")
    page.locator("#sisg-practice button[type=submit]").click()
    assert timer.inner_text() == f"{per_question:02d}:00"

    live = page.locator(".sisg-card [aria-live=polite]")
    page.clock.run_for((per_question * 60 - 59) * 1000)
    assert live.inner_text() == "One minute left."
    page.clock.run_for(60_000)
    assert timer.inner_text() == "Time's up"
    assert "Time's up" in live.inner_text()
    assert_clean(page)


def test_practice_shows_the_rendered_guidance_and_never_the_raw_text(page, site_url, guide):
    """The card shows the sections the build rendered (as on the page), from the study data, which
    carries no raw data text at all: the browser has no Markdown parser and inserts only rendered
    HTML. Practice never downloads guide.json (the full model, kept as a download)."""
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    role = guide["roles"][0]
    open_practice(page, site_url, role["id"])
    page.keyboard.press("Enter")
    card = page.locator(".sisg-card")
    question = question_data(guide, current_card(page))
    card.locator(".sisg-guidance h3").first.wait_for()
    headings = card.locator(".sisg-guidance h3").all_inner_texts()
    stories = ["Your stories for this question"] if question["kind"] in guide["story_kinds"] else []
    assert headings == [section["label"] for section in question["sections"]] + stories
    assert card.locator("img, b").count() == 0
    assert page.evaluate("window.__pwned") is None
    study = [url for url in fetched if "/study/" in url and url.endswith(".json")]
    assert not [url for url in fetched if url.endswith("guide.json")]
    index = page.request.get(next(url for url in study if "/study/index." in url)).json()
    raw = [key for q in index["questions"] for key in ("prompt", "guidance", "sources") if key in q]
    assert raw == []
    assert_clean(page)


TOOL_ONLY = (
    "guide.json",
    "/study/index.",
    "/study/guidance/",
    "practice.js",
    "progress.js",
    "plan.js",
    "ts-fsrs.umd.js",
)


def test_reading_pages_never_fetch_guide_json(page, site_url, guide):
    """Role pages, the topic library and the question bank draw progress from what the page carries.

    They also skip the tools' own scripts, which the tool pages name (data-sisg-script)."""
    fetched = []
    page.on("request", lambda request: any(part in request.url for part in TOOL_ONLY) and fetched.append(request.url))
    role = guide["roles"][0]
    page.goto(site_url + role["url"])
    page.get_by_role("progressbar", name=f"Progress on {role['title']}").wait_for()
    for path in ("topics/", "questions/", guide["topics"][0]["url"]):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    page.locator("details.guide-question .sisg-mark").first.wait_for(state="attached")  # topic page
    assert fetched == []
    assert_clean(page)


# ---- Progress on role pages and the progress page -----------------------------------------------


def test_marks_on_a_role_page_update_the_bars_and_survive_reload(page, site_url, guide):
    role = guide["roles"][0]
    round_ = role["rounds"][0]
    topic_id = round_["focus_topics"][0]
    qid = round_questions(guide, round_)[0]
    page.goto(site_url + role["url"])
    role_bar = page.get_by_role("progressbar", name=f"Progress on {role['title']}")
    role_bar.wait_for()
    assert role_bar.get_attribute("aria-valuenow") == "0"
    assert role_bar.get_attribute("aria-valuemax") == str(len(role_questions(guide, role)))
    round_bar = page.locator(f".sisg-progress--round[data-round='{round_['id']}'] [role=progressbar]")
    assert round_bar.get_attribute("aria-valuemax") == str(len(round_questions(guide, round_)))
    assert page.locator(f"[id='{round_['id']}'] + .sisg-progress--round").count() == 1  # right under the heading

    # The buttons are on the question's topic page, with its guidance.
    question = mark(page, site_url, guide, qid, "Got it")
    got = question.get_by_role("button", name="Got it")
    assert got.get_attribute("aria-pressed") == "true"
    assert question.locator("summary .sisg-status").inner_text() == "Got it"
    topic_count = page.locator(f".guide-topic-progress[data-topic='{topic_id}']")
    assert topic_count.inner_text().startswith("1 of ")
    assert stored(page)[qid][-1]["rating"] == 3  # Got it is a Good review

    page.goto(site_url + role["url"])
    role_bar.wait_for()
    assert role_bar.get_attribute("aria-valuenow") == "1"
    assert round_bar.get_attribute("aria-valuenow") == "1"
    assert shown_text(topic_count).startswith("1 of ")
    assert shown_text(page.locator(f"li[data-question='{qid}'] .sisg-status")) == "Got it"
    # Pressing the current mark again takes that review back.
    question = mark(page, site_url, guide, qid, "Got it")
    assert question.get_by_role("button", name="Got it").get_attribute("aria-pressed") == "false"
    assert stored(page) == {}
    page.goto(site_url + role["url"])
    assert role_bar.get_attribute("aria-valuenow") == "0"
    assert_clean(page)


def mark_some(page, site_url, guide):
    """Mark two of the first role's questions Got it and one Needs work (on their topic pages); return the ids."""
    role = guide["roles"][0]
    ids = role_questions(guide, role)[:3]
    for qid, name in zip(ids, ["Got it", "Got it", "Needs work"], strict=True):
        mark(page, site_url, guide, qid, name)
    return ids


def test_progress_page_shows_every_role_and_round(page, site_url, guide):
    ids = mark_some(page, site_url, guide)
    page.goto(site_url + "progress/")
    overall = page.get_by_role("progressbar", name="Progress on all questions")
    overall.wait_for()
    assert overall.get_attribute("aria-valuenow") == "2"
    assert overall.get_attribute("aria-valuemax") == str(len(guide["questions"]))
    for role in guide["roles"]:
        section = page.locator(f".sisg-role[data-role='{role['id']}']")
        assert section.locator(".sisg-rounds > li").evaluate_all("els => els.map(e => e.dataset.round)") == [
            r["id"] for r in role["rounds"]
        ]
    first = guide["roles"][0]["id"]
    assert page.locator(f".sisg-role[data-role='{first}'] > [role=progressbar]").get_attribute("aria-valuenow") == "2"
    assert page.locator("#sisg-needs-work + .sisg-missed li").evaluate_all(
        "els => els.map(e => e.dataset.question)"
    ) == [ids[2]]
    assert_clean(page)


def test_export_then_import_in_a_fresh_browser_round_trips(page, browser, site_url, guide):
    mark_some(page, site_url, guide)
    page.goto(site_url + "progress/")
    with page.expect_download() as download:
        page.get_by_role("button", name="Export to a file").click()
    path = download.value.path()
    assert re.fullmatch(r"spotify-interview-study-record-\d{4}-\d{2}-\d{2}\.json", download.value.suggested_filename)
    exported = json.loads(Path(path).read_text(encoding="utf-8"))
    assert exported["format"] == FORMAT and exported["version"] == RECORD_VERSION
    dt.datetime.fromisoformat(exported["exported_at"].replace("Z", "+00:00"))
    assert exported["reviews"] == stored(page)
    assert len(exported["reviews"]) == 3

    fresh = new_page(browser, site_url)
    try:
        fresh.goto(site_url + "progress/")
        fresh.get_by_label(re.compile("^Import from a file")).set_input_files(path)
        fresh.locator(".sisg-status-line").filter(has_text="Imported: 3 reviews added").wait_for()
        assert stored(fresh) == exported["reviews"]
        overall = fresh.get_by_role("progressbar", name="Progress on all questions")
        assert overall.get_attribute("aria-valuenow") == "2"
        assert_clean(fresh)
    finally:
        fresh.context.close()
    assert_clean(page)


def test_import_merges_histories_drops_unknown_ids_clamps_dates_and_refuses_bad_files(page, site_url, guide, tmp_path):
    a, b, c = role_questions(guide, guide["roles"][0])[:3]
    page.goto(site_url + "progress/")
    page.locator(".sisg-overview h2").first.wait_for()
    mine = {
        a: [{"at": "2025-01-02T00:00:00.000Z", "rating": 3}],
        b: [{"at": "2025-01-02T00:00:00.000Z", "rating": 3}],
    }
    page.evaluate(
        "([k, v]) => { localStorage.setItem(k, JSON.stringify(v)); SISG.store.reload(); }",
        [KEY, {"format": FORMAT, "version": 2, "reviews": mine, "notes": {}, "plan": None, "pass": None}],
    )
    upload = page.get_by_label(re.compile("^Import from a file"))
    status = page.locator(".sisg-status-line")
    alert = page.locator("#sisg-progress [role=alert]")

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "something-else", "version": 2, "reviews": {c: mine[a]}}))
    upload.set_input_files(bad)
    alert.filter(has_text="Not imported").wait_for()
    assert "not a study record" in alert.inner_text()
    assert stored(page) == mine

    good = tmp_path / "record.json"
    incoming = {
        a: [{"at": "2025-01-01T00:00:00.000Z", "rating": 1}, mine[a][0]],  # one older review, one both have
        c: [{"at": "2025-01-01T00:00:00.000Z", "rating": 3}],  # a new question
        "a-question-from-the-future": [{"at": "2025-01-01T00:00:00.000Z", "rating": 3}],
        b: [{"at": "2999-01-01T00:00:00.000Z", "rating": 1}, {"at": "yesterday", "rating": 9}],
    }
    good.write_text(json.dumps({"format": FORMAT, "version": 2, "reviews": incoming, "notes": {}}))
    upload.set_input_files(good)
    status.filter(has_text="Imported").wait_for()
    assert alert.is_hidden()
    text = status.inner_text()
    assert "Imported: 3 reviews added" in text, text
    assert "1 entry for questions this guide does not have dropped" in text, text
    assert "1 future date set to now" in text, text
    assert "1 malformed review skipped" in text, text
    saved = stored(page)
    assert saved[a] == [incoming[a][0], mine[a][0]]
    assert saved[c] == incoming[c]
    assert "a-question-from-the-future" not in saved
    assert saved[b][0] == mine[b][0] and saved[b][1]["rating"] == 1
    assert saved[b][1]["at"] < "2999"  # clamped to the time of import
    assert_clean(page)


def test_reset_asks_then_clears(page, site_url, guide):
    mark_some(page, site_url, guide)
    page.goto(site_url + "progress/")
    reset = page.get_by_role("button", name="Reset all progress")
    page.once("dialog", lambda dialog: dialog.dismiss())
    reset.click()
    assert len(stored(page)) == 3
    page.once("dialog", lambda dialog: dialog.accept())
    reset.click()
    assert stored(page) == {}
    assert page.get_by_role("progressbar", name="Progress on all questions").get_attribute("aria-valuenow") == "0"
    assert_clean(page)


# ---- Study plan ----------------------------------------------------------------------------------

TODAY = dt.date(2030, 3, 4)  # a fixed "today": the plan below crosses the US change to summer time


@pytest.mark.parametrize("days", [1, 3, 9, 45])
def test_plan_covers_every_question_before_the_interview(browser, site_url, guide, days):
    """Made for each role in turn (each new plan replaces the last after confirming), the saved
    plan lists every question of the role between today and the interview, new ones ending two
    days before it when there is room; a plan over four weeks goes by week."""
    page = new_page(browser, site_url, timezone_id="America/New_York")
    page.on("dialog", lambda dialog: dialog.accept())
    try:
        page.clock.set_fixed_time(dt.datetime(TODAY.year, TODAY.month, TODAY.day, 23, 30))
        page.goto(site_url + "plan/")
        page.locator("#sisg-plan-role").wait_for()
        interview = TODAY + dt.timedelta(days=days)
        for index, role in enumerate(guide["roles"]):
            if index:
                page.get_by_role("button", name="Make a new plan").click()
            page.select_option("#sisg-plan-role", role["id"])
            page.fill("#sisg-plan-date", interview.isoformat())
            page.fill("#sisg-plan-hours", "16")
            page.locator("#sisg-plan form button[type=submit]").click()
            page.locator("#sisg-plan-title").filter(has_text=role["title"]).wait_for()
            plan = page.locator(".sisg-plan-sheet")
            entries = plan.locator(".sisg-plan-days > li")
            dates = entries.evaluate_all("els => els.map(e => e.dataset.date)")
            if days <= 28:
                assert dates == [(TODAY + dt.timedelta(days=i)).isoformat() for i in range(days)], role["id"]
            else:
                assert dates[0] == TODAY.isoformat() and len(dates) <= days // 7 + 2, role["id"]
            ids = plan.locator(".sisg-plan-days [data-question]")
            ids = ids.evaluate_all("els => els.map(e => e.dataset.question)")
            unplaced = page.locator(".sisg-plan-unplaced [data-question]")
            unplaced = unplaced.evaluate_all("els => els.map(e => e.dataset.question)")
            assert sorted(ids + unplaced) == sorted(role_questions(guide, role)), role["id"]
            # Every round gets a share from the start: each has a question in the plan.
            rounds = plan.locator(".sisg-plan-coverage > li")
            planned = rounds.evaluate_all("els => els.map(e => [e.dataset.round, Number(e.dataset.upcoming)])")
            assert [r for r, _ in planned] == [r["id"] for r in role["rounds"]]
            assert all(n > 0 for _, n in planned), planned
            if days > 2:
                last_two = entries.evaluate_all("els => els.slice(-2).map(e => e.dataset.kind)")
                assert last_two == ["review", "review"] if days <= 28 else last_two[-1] == "review"
                assert "kept for review" in page.locator(".sisg-plan-sheet").inner_text()
        assert_clean(page)
    finally:
        page.context.close()


def test_plan_refuses_past_dates_is_remembered_and_prints_without_controls(page, site_url, guide):
    page.goto(site_url + "plan/")
    page.locator("#sisg-plan-role").wait_for()
    today = dt.date.fromisoformat(page.evaluate("new Date().toLocaleDateString('sv')"))
    page.evaluate("document.getElementById('sisg-plan-date').removeAttribute('min')")
    page.fill("#sisg-plan-date", today.isoformat())
    page.get_by_role("button", name="Make my plan").click()
    assert "after today" in page.get_by_role("alert").inner_text()

    role = guide["roles"][-1]
    page.select_option("#sisg-plan-role", role["id"])
    page.fill("#sisg-plan-date", (today + dt.timedelta(days=20)).isoformat())
    page.get_by_role("button", name="Make my plan").click()
    page.locator(".sisg-plan-sheet").wait_for()
    page.reload()
    page.locator(".sisg-plan-sheet").wait_for()
    assert page.locator("#sisg-plan-title").inner_text().endswith(role["title"])

    page.emulate_media(media="print")
    for hidden in [".md-header", ".md-sidebar--primary", ".md-footer", ".sisg-plan-actions", ".sisg-noprint"]:
        assert page.locator(hidden).first.is_hidden(), hidden
    assert page.locator(".sisg-plan-days--today").is_visible()
    assert_clean(page)


# ---- Whole-page checks ---------------------------------------------------------------------------


def test_phone_width(browser, site_url, guide):
    page = new_page(browser, site_url, viewport=PHONE)
    try:
        role = guide["roles"][0]
        fits = "document.documentElement.scrollWidth <= window.innerWidth + 1"
        open_practice(page, site_url, role["id"])
        page.get_by_role("button", name=re.compile("^Reveal guidance")).click()
        assert page.evaluate(fits), "practice"
        page.get_by_role("button", name=re.compile("^Good")).click()
        assert stored(page)
        # A mis-tap is taken back with a button on a phone (U on a keyboard).
        undo = page.get_by_role("button", name=re.compile("^Undo last rating"))
        assert undo.is_visible() and page.evaluate(fits), "practice after a rating"
        undo.click()
        assert stored(page) == {}
        page.goto(site_url + "plan/")
        page.get_by_role("button", name="Make my plan").click()
        page.locator(".sisg-plan-sheet").wait_for()
        assert page.evaluate(fits), "plan"
        page.goto(site_url + "progress/")
        page.locator(".sisg-overview h2").first.wait_for()
        assert page.evaluate(fits), "progress"
        page.goto(site_url + role["url"])
        page.locator(".guide-progress:not([hidden])").wait_for()
        assert page.evaluate(fits), "role page"
        assert_clean(page)
    finally:
        page.context.close()


def test_tools_start_after_following_the_sites_links(page, site_url, guide):
    """A reader moves between the tools by the navigation and Material's "next page" key: each
    tool starts on the page it lands on, and practice's keyboard shortcuts stay on its page."""
    page.goto(site_url + "topics/")
    nav = page.locator("nav.md-nav--primary")
    nav.locator("a.md-nav__link:visible", has_text="Practice").first.click()
    page.locator("#sisg-practice-role").wait_for()
    page.locator("#sisg-practice button[type=submit]").click()
    page.locator(".sisg-card[data-question]").wait_for()
    nav.locator("a.md-nav__link:visible", has_text="Study plan").first.click()
    page.locator("#sisg-plan-role").wait_for()
    page.locator("h1").click()
    page.keyboard.press("n")  # Material's "next page", no longer claimed by practice mode
    page.wait_for_url(re.compile(r"/progress/$"))
    page.locator(".sisg-overview h2").first.wait_for()
    page.locator(f".sisg-role a[href$='{guide['roles'][0]['url']}']").first.click()
    page.locator(".guide-progress:not([hidden]) [role=progressbar]").wait_for()
    assert page.locator(".guide-prompts li[data-sisg-marked]").count() > 0  # marks.js drew this page
    assert_clean(page)


# On role pages only what this feature adds is checked; the rest is test_accessibility.py's job.
ROLE_PAGE_PARTS = [".guide-progress", ".sisg-progress--round", ".guide-topic-progress", ".sisg-status"]
TOPIC_PAGE_PARTS = [".guide-topic-progress", ".sisg-mark", ".sisg-status"]


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_no_serious_accessibility_violations(page, site_url, guide, scheme):
    set_palette(page, scheme)
    problems = []

    def check(where, context=None):
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
        problems.extend(f"{where}: {problem}" for problem in blocking_violations(page, context))

    role = guide["roles"][0]
    # Practice on a round with a code block in some guidance, skipping until that card shows:
    # code blocks are where focus and contrast problems would hide.
    code_role, code_round = next(
        (
            (r, round_)
            for r in guide["roles"]
            for round_ in r["rounds"]
            if any("```" in json.dumps(question_data(guide, qid)) for qid in round_questions(guide, round_))
        ),
        (role, None),
    )
    open_practice(page, site_url, code_role["id"], code_round["id"] if code_round else "")
    for _ in range(len(round_questions(guide, code_round)) if code_round else 1):
        page.get_by_role("button", name=re.compile("Reveal guidance")).click()
        if not code_round or page.locator(".sisg-card pre").count():
            break
        page.get_by_role("button", name=re.compile("^Skip")).click()
    assert code_round is None or page.locator(".sisg-card pre code[tabindex='0']").count()
    check("practice")
    page.goto(site_url + "plan/")
    page.get_by_role("button", name="Make my plan").click()
    page.locator(".sisg-plan-sheet").wait_for()
    check("plan")

    # A topic page with one question marked of each kind, both open, then the role page showing them.
    topic = guide["topics"][0]
    page.goto(site_url + topic["url"])
    for index, name in enumerate(["Got it", "Needs work"]):
        question = page.locator("details.guide-question").nth(index)
        question.locator("summary").click()
        question.get_by_role("button", name=name).click()
    check("topic page", {"include": [[part] for part in TOPIC_PAGE_PARTS]})
    page.goto(site_url + role["url"])
    page.locator(".guide-progress:not([hidden])").wait_for()
    check("role page", {"include": [[part] for part in ROLE_PAGE_PARTS]})
    page.goto(site_url + "progress/")
    page.locator(".sisg-overview h2").first.wait_for()
    check("progress")
    assert problems == []
    assert_clean(page)
