"""The review scheduler and the study record, run in Chromium and checked against references.

- Memory states: the vendored ts-fsrs gives the same stability, difficulty and due day as the
  Python `fsrs` package (the FSRS reference implementation) on the same review histories.
- A two-week run with a controlled clock: a simulated candidate works through each day's queue;
  every question is seen before the interview, the due list matches the reference scheduler, and
  the saved plan reads the same every day except for progress.
- The store: a full quota loses nothing and says so; imports are bounded and cleaned.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from urllib.request import urlopen

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


def _reference_card(history: list[tuple[str, int]]) -> Card:
    scheduler = Scheduler(enable_fuzzing=False)
    card = Card()
    for at, rating in history:
        card, _ = scheduler.review_card(card, Rating(rating), dt.datetime.fromisoformat(at))
    return card


def _histories(seed: int, count: int) -> list[list[tuple[str, int]]]:
    """Review histories as a candidate makes them: at most one review a day, at varying times."""
    rng = random.Random(seed)
    histories = []
    for _ in range(count):
        when = dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.UTC) + dt.timedelta(minutes=rng.randrange(600))
        history = []
        for _ in range(rng.randint(1, 8)):
            history.append((when.isoformat().replace("+00:00", "Z"), rng.choice([1, 2, 3, 3, 3, 4])))
            when += dt.timedelta(days=rng.randint(1, 9), minutes=rng.randrange(-120, 120))
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
        want = _reference_card([(at.replace("Z", "+00:00"), r) for at, r in history])
        due = dt.datetime.fromisoformat(got["due"].replace("Z", "+00:00"))
        same = (
            abs(got["stability"] - want.stability) < 1e-6
            and abs(got["difficulty"] - want.difficulty) < 1e-6
            and got["state"] == int(want.state)
            # Learning steps of minutes round Hard differently (5 vs 6 min); the day is what counts.
            and abs((due - want.due).total_seconds()) <= 60
        )
        if not same:
            mismatches.append((history, got, (want.due.isoformat(), want.stability, want.difficulty)))
    assert mismatches == []
