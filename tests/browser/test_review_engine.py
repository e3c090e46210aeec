"""The review scheduler and the study record, run in Chromium and checked against references.

- Memory states: the vendored ts-fsrs gives the same stability, difficulty and due day as the
  Python `fsrs` package (the FSRS reference implementation) on the same review histories.
- A two-week run with a controlled clock: a simulated candidate works through each day's queue;
  every question is seen before the interview, the due list matches the reference scheduler, and
  the saved plan is never rewritten (the plan's and the queue's logic is tested in tests/js).
- The store: a full quota loses nothing and says so; imports are bounded and cleaned.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import random
from urllib.request import urlopen
from zoneinfo import ZoneInfo

import pytest
from fsrs import Card, Rating, Scheduler

TZ = "Europe/Stockholm"
START = dt.datetime(2026, 12, 1, 9, 0)  # local time in TZ
INTERVIEW_IN_DAYS = 14


@pytest.fixture(scope="module")
def guide(site_url):
    with urlopen(site_url + "guide.json") as response:
        return json.load(response)


@pytest.fixture
def engine_page(browser, site_url):
    context = browser.new_context(timezone_id=TZ)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.clock.install(time=START.isoformat())
    page.goto(site_url)
    page.wait_for_function("window.SISG && SISG.review && SISG.store")
    page.evaluate("SISG.review.loadFsrs().then((e) => { window.engine = e; })")
    page.wait_for_function("window.engine")
    yield page
    assert errors == []
    context.close()


def _daily(history: list[tuple[str, int]]) -> list[tuple[dt.datetime, int]]:
    """As review.js counts reviews: the last rating of each local day, made at noon UTC that day."""
    last: dict[dt.date, int] = {}
    for at, rating in sorted(history):
        local = dt.datetime.fromisoformat(at.replace("Z", "+00:00")).astimezone(ZoneInfo(TZ))
        last[local.date()] = rating
    return [(dt.datetime(d.year, d.month, d.day, 12, tzinfo=dt.UTC), r) for d, r in sorted(last.items())]


def _reference_card(history: list[tuple[str, int]]) -> Card | None:
    """The Python FSRS reference implementation, with the same parameters (published defaults, no fuzz)."""
    scheduler = Scheduler(enable_fuzzing=False)
    card = Card()
    for at, rating in _daily(history):
        card, _ = scheduler.review_card(card, Rating(rating), at)
    return card


def _histories(seed: int, count: int) -> list[list[tuple[str, int]]]:
    """Review histories as a candidate makes them: at varying times, now and then twice a day."""
    rng = random.Random(seed)
    histories = []
    for _ in range(count):
        when = dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.UTC) + dt.timedelta(minutes=rng.randrange(600))
        history = []
        for _ in range(rng.randint(1, 8)):
            history.append((when.isoformat().replace("+00:00", "Z"), rng.choice([1, 2, 3, 3, 3, 4])))
            when += dt.timedelta(days=rng.randint(0, 9), minutes=rng.randrange(-300, 300))
        histories.append(history)
    return histories


def test_memory_states_match_the_python_fsrs_reference(engine_page):
    histories = _histories(seed=2026, count=60)
    ours = engine_page.evaluate(
        """(histories) => histories.map((h) => {
             const card = engine.card(h.map(([at, rating]) => ({at, rating})));
             return {due: new Date(card.due).toISOString(), stability: card.stability,
                     difficulty: card.difficulty, state: card.state};
           })""",
        histories,
    )
    mismatches = []
    for history, got in zip(histories, ours, strict=True):
        want = _reference_card(history)
        due = dt.datetime.fromisoformat(got["due"].replace("Z", "+00:00"))
        same = (
            # ts-fsrs rounds stability and difficulty to 8 decimals after every review.
            math.isclose(got["stability"], want.stability, rel_tol=1e-6)
            and math.isclose(got["difficulty"], want.difficulty, rel_tol=1e-6)
            and got["state"] == int(want.state)
            # Learning steps are minutes; ts-fsrs rounds Hard's (1 + 10) / 2 up, fsrs down. Same day.
            and abs((due - want.due).total_seconds()) <= 60
        )
        if not same:
            mismatches.append((history, got, (want.due.isoformat(), want.stability, want.difficulty)))
    assert mismatches == []


def _role_question_ids(guide, role_id: str) -> list[str]:
    topics = {t["id"]: t for t in guide["topics"]}
    role = next(r for r in guide["roles"] if r["id"] == role_id)
    ids = [q for r in role["rounds"] for t in r["focus_topics"] for q in topics[t]["questions"]]
    return list(dict.fromkeys(ids))


def _study_hours(guide, ids: list[str]) -> float:
    """Hours a day for a plan that covers the role in the run: new questions get half of each day
    before the two review days (loop.js), and this candidate's Again and Hard answers come back the
    same day, so reviews take more than the other half; 1.75 × the new questions' share is room
    enough (in quarter hours, at most 16)."""
    minutes = {q["id"]: q["minutes"] for q in guide["questions"]}
    new_per_day = sum(minutes[qid] for qid in ids) / 60 / (INTERVIEW_IN_DAYS - 2)
    return min(16.0, math.ceil(1.75 * 2 * new_per_day * 4) / 4)


def _rating(question_id: str, day: int) -> int:
    """The simulated candidate: mostly Good, sometimes Again, Hard or Easy; the same on every run."""
    roll = random.Random(f"{question_id}/{day}").random()
    return 1 if roll < 0.15 else 2 if roll < 0.3 else 4 if roll > 0.85 else 3


def _reference_due(history: list[tuple[str, int]], today: dt.date) -> bool:
    """Due on `today` per the Python reference: reviewed before, not today, due before tomorrow."""
    local = [dt.datetime.fromisoformat(at.replace("Z", "+00:00")).astimezone(ZoneInfo(TZ)) for at, _ in history]
    if not history or any(when.date() == today for when in local):
        return False
    card = _reference_card(history)
    tomorrow = dt.datetime.combine(today + dt.timedelta(days=1), dt.time(), ZoneInfo(TZ))
    return card.due < tomorrow


@pytest.mark.parametrize("role_id", ["staff-machine-learning-engineer"])
def test_two_weeks_of_study_cover_the_role_and_follow_the_reference(engine_page, guide, role_id):
    page = engine_page
    ids = _role_question_ids(guide, role_id)
    interview = (START + dt.timedelta(days=INTERVIEW_IN_DAYS)).date()
    plan = page.evaluate(
        """async ([role, interview, hours]) => {
             window.guide = await SISG.loadGuide();
             const spec = SISG.due.roleSpec(guide, role);
             const today = SISG.review.dayOf(new Date());
             const plan = SISG.review.makePlan({role: spec.role, questions: spec.questions, reviews: {}, today,
                                                interview, hours});
             const saved = SISG.store.update((record) => { record.plan = plan; });
             return {plan, saved};
           }""",
        [role_id, interview.isoformat(), _study_hours(guide, ids)],
    )
    assert plan["saved"] == {"ok": True} and plan["plan"]["unplaced"] == []

    layouts, problems = [], []
    for day in range(INTERVIEW_IN_DAYS):
        today = (START + dt.timedelta(days=day)).date()
        page.clock.set_fixed_time((START + dt.timedelta(days=day)).isoformat())
        state = page.evaluate(
            """async (role) => {
                 const record = SISG.store.reload();
                 const today = SISG.review.dayOf(new Date());
                 const q = await SISG.due.today({guide, role, record});
                 return {today, due: q.due, queue: q.queue, reviews: record.reviews, plan: record.plan};
               }""",
            role_id,
        )
        assert state["today"] == today.isoformat()
        histories = {qid: [(r["at"], r["rating"]) for r in state["reviews"].get(qid, [])] for qid in ids}
        reference = sorted(qid for qid in ids if _reference_due(histories[qid], today))
        if sorted(state["due"]) != reference:
            differing = sorted(set(state["due"]) ^ set(reference))
            problems.append((today.isoformat(), [(q, histories[q]) for q in differing]))
        layouts.append(state["plan"])
        for qid in state["queue"]:
            result = page.evaluate("([id, r]) => SISG.store.review(id, r)", [qid, _rating(qid, day)])
            assert result == {"ok": True}

    record = page.evaluate("SISG.store.reload()")
    unseen = [qid for qid in ids if not record["reviews"].get(qid)]
    before = [
        qid
        for qid in ids
        if record["reviews"].get(qid)
        and dt.datetime.fromisoformat(record["reviews"][qid][0]["at"].replace("Z", "+00:00")).date() >= interview
    ]
    assert (unseen, before, problems) == ([], [], [])
    # The saved plan is never rewritten: each day's work is derived from it and the record.
    assert all(layout == layouts[0] for layout in layouts)
    assert layouts[0]["order"] == plan["plan"]["order"] and layouts[0]["days"] == plan["plan"]["days"]


def test_a_full_quota_loses_nothing_and_says_so(engine_page):
    page = engine_page
    result = page.evaluate(
        """() => {
             SISG.store.review("q-kept", 3);
             const before = localStorage.getItem(SISG.store.KEY);
             // Fill the origin's storage so the next write cannot fit.
             let n = 0;
             for (const size of [512 * 1024, 1024, 32, 1]) {
               const chunk = "x".repeat(size);
               try { for (;;) localStorage.setItem(`f${n++}`, chunk); } catch (e) {}
             }
             const write = SISG.store.review("q-lost", 1);
             return {write, before, after: localStorage.getItem(SISG.store.KEY),
                     reread: SISG.store.reload().reviews};
           }"""
    )
    assert result["write"]["ok"] is False and "full" in result["write"]["error"]
    assert result["after"] == result["before"]
    assert list(result["reread"]) == ["q-kept"]


def test_imports_are_bounded_cleaned_and_merged(engine_page):
    page = engine_page
    result = page.evaluate(
        """() => {
             const known = new Set(["a", "b"]);
             const out = {};
             const refuse = (text) => {
               try { SISG.store.parseImport(text, known); return null; } catch (e) { return e.message; }
             };
             out.tooBig = refuse(" ".repeat(SISG.store.MAX_IMPORT_BYTES + 1));
             out.notJson = refuse("{");
             out.foreign = refuse(JSON.stringify({hello: 1}));
             out.newer = refuse(JSON.stringify({format: SISG.store.FORMAT, version: 99}));
             out.noVersion = refuse(JSON.stringify({format: SISG.store.FORMAT}));
             const file = {format: SISG.store.FORMAT, version: 2,
               reviews: {a: [{at: "2099-01-01T00:00:00Z", rating: 4}, {at: "2026-11-20T10:00:00Z", rating: 1}],
                         gone: [{at: "2026-11-20T10:00:00Z", rating: 3}]},
               notes: {b: {text: "My STAR story", at: "2026-11-21T10:00:00Z"}}};
             const {record, counts} = SISG.store.parseImport(JSON.stringify(file), known);
             out.record = record; out.counts = counts;
             const legacy = {format: "spotify-interview-study-guides-progress", version: 1,
               progress: {a: {status: "got", at: "2026-11-19T10:00:00Z"},
                          b: {status: "review", at: "2026-11-18T10:00:00Z"}}};
             out.legacy = SISG.store.parseImport(JSON.stringify(legacy), known).record.reviews;
             out.merged = SISG.store.merge(record, SISG.store.parseImport(JSON.stringify(legacy), known).record);
             return out;
           }"""
    )
    assert "MB" in result["tooBig"] and "Nothing was changed" in result["tooBig"]
    assert "not JSON" in result["notJson"]
    assert "not a study record" in result["foreign"]
    assert "version 99" in result["newer"] and "unknown version" in result["noVersion"]
    assert result["counts"] == {"dropped": 1, "clamped": 1, "invalid": 0, "badStories": 0}
    reviews = result["record"]["reviews"]["a"]
    assert [r["rating"] for r in reviews] == [1, 4] and reviews[1]["at"] < "2099"
    assert result["record"]["notes"]["b"]["text"] == "My STAR story"
    assert result["legacy"] == {
        "a": [{"at": "2026-11-19T10:00:00.000Z", "rating": 3}],
        "b": [{"at": "2026-11-18T10:00:00.000Z", "rating": 1}],
    }
    assert result["merged"]["added"] == 2 and len(result["merged"]["record"]["reviews"]["a"]) == 3


def test_stored_marks_from_the_first_version_become_reviews(browser, site_url):
    context = browser.new_context(timezone_id=TZ)
    page = context.new_page()
    legacy = {"q1": {"status": "got", "at": "2026-11-30T08:00:00.000Z"}, "q2": {"status": "review", "at": "x"}}
    page.add_init_script(f"localStorage.setItem('sisg.progress.v1', {json.dumps(json.dumps(legacy))})")
    page.goto(site_url)
    page.wait_for_function("window.SISG && SISG.store")
    reviews = page.evaluate("SISG.store.reload().reviews")
    assert reviews == {"q1": [{"at": "2026-11-30T08:00:00.000Z", "rating": 3}]}
    context.close()


def test_plan_calendar_is_valid_icalendar(engine_page):
    from icalendar import Calendar

    text = engine_page.evaluate(
        """() => SISG.review.icsCalendar({
             name: "Study plan; Staff, ML",
             uidPrefix: "staff-machine-learning-engineer",
             stamp: new Date(),
             days: [
               {day: "2026-12-01", title: "Study: 3 new, 2 reviews",
                description: "Line one\\nÅsa's ✓ café, " + "x".repeat(200)},
               {day: "2026-12-31", title: "Interview eve", description: "Rest"},
             ],
           })"""
    )
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    calendar = Calendar.from_ical(text)
    events = calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Study: 3 new, 2 reviews", "Interview eve"]
    assert [e.decoded("DTSTART").isoformat() for e in events] == ["2026-12-01", "2026-12-31"]
    assert [e.decoded("DTEND").isoformat() for e in events] == ["2026-12-02", "2027-01-01"]
    assert str(events[0]["DESCRIPTION"]) == "Line one\nÅsa's ✓ café, " + "x" * 200
    # An X- property has no declared type, so icalendar leaves its TEXT escapes in place.
    assert str(calendar["X-WR-CALNAME"]) == r"Study plan\; Staff\, ML"
    assert len({str(e["UID"]) for e in events}) == 2


def test_exported_record_matches_its_published_schema(engine_page):
    import jsonschema

    from ..conftest import ROOT

    exported = engine_page.evaluate(
        """() => {
             SISG.store.review("q1", 3);
             SISG.store.review("q1", 1);
             SISG.store.setNote("q1", "Situation: playlist outage…");
             SISG.store.update((record) => {
               record.plan = SISG.review.makePlan({
                 role: {id: "r", rounds: [{id: "a", ids: ["q1"]}, {id: "b", ids: ["q2"]}]},
                 questions: {q1: {minutes: 4, origin: "reported"}, q2: {minutes: 6, origin: "practice"}},
                 reviews: record.reviews, today: "2026-12-01", interview: "2026-12-15", hours: 1.5,
                 choices: {b: {status: "in", weight: "worried"}}});
             });
             return JSON.parse(SISG.store.exportText(SISG.store.reload()));
           }"""
    )
    schema = json.loads((ROOT / "schemas" / "study-record.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()).validate(exported)
    assert [r["rating"] for r in exported["reviews"]["q1"]] == [3, 1]
