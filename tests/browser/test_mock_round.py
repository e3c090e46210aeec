"""The mock round and the mock loop in Chromium, with the clock controlled (Playwright's clock).

A 60-minute design round of the Staff MLE loop: the timer follows the data (guide.json), the
guidance stays hidden until the round ends, follow-ups come one at a time, a reload mid-round
(paused) resumes where it was, and the saved debrief's ratings reach the review schedule. Then a
shortened loop of two rounds: the break, the second round, one debrief with the weakest round first.
The rule itself (lengths, counts, order) is tested in tests/test_mock.py and tests/js/mock.test.js.
"""

from __future__ import annotations

import datetime as dt
import json
from urllib.request import urlopen

import pytest

from .conftest import DESKTOP, blocking_violations, set_palette

ROLE = "staff-machine-learning-engineer"
DESIGN = "onsite-ml-system-design"
START = dt.datetime(2027, 3, 1, 9, 0)


@pytest.fixture(scope="module")
def guide(site_url):
    with urlopen(site_url + "guide.json") as response:
        return json.load(response)


@pytest.fixture
def mock_page(browser, site_url):
    context = browser.new_context(viewport=DESKTOP, reduced_motion="reduce", timezone_id="Europe/Stockholm")
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))
    page.clock.install(time=START.isoformat())
    page.clock.pause_at(START.isoformat())
    yield page
    assert page.errors == []
    context.close()


def round_of(guide, role_id, round_id):
    role = next(r for r in guide["roles"] if r["id"] == role_id)
    return role, next(r for r in role["rounds"] if r["id"] == round_id)


def seconds_left(page) -> int:
    return int(page.locator(".sisg-timer__time[data-left]").get_attribute("data-left"))


def record(page) -> dict:
    return page.evaluate("SISG.store.reload()")


def follow_up_texts(guide, question_id) -> int:
    question = next(q for q in guide["questions"] if q["id"] == question_id)
    return len(question["guidance"]["follow_ups"])


def test_a_design_round_runs_for_its_length_and_its_ratings_reach_the_schedule(mock_page, site_url, guide):
    page = mock_page
    role, design = round_of(guide, ROLE, DESIGN)
    (plan,) = design["mock"]["choices"]
    asked = sum(slot["count"] for slot in plan["slots"])
    page.goto(f"{site_url}mock/?role={ROLE}&round={DESIGN}")
    page.locator("#sisg-mock-plan").wait_for()
    assert f"{plan['minutes']} minutes" in page.locator("#sisg-mock-plan").inner_text()
    page.click("#sisg-mock-start")
    page.clock.run_for(1000)

    # The timer is the round's length from the data.
    assert seconds_left(page) == plan["minutes"] * 60 - 1
    page.clock.run_for(10 * 60_000)
    assert seconds_left(page) == plan["minutes"] * 60 - 601
    assert f"question 1 of {asked}" in page.locator("#sisg-mock-where").inner_text()

    mock = record(page)["mock"]
    question_id = mock["rounds"][0]["questions"][0]["id"]
    question = next(q for q in guide["questions"] if q["id"] == question_id)
    assert question["kind"] == plan["slots"][0]["kind"]
    # The prompt alone: nothing of the guidance on the page.
    assert page.locator(".sisg-guidance").count() == 0
    assert question["guidance"]["covers"][0][:30] not in page.locator("#sisg-mock").inner_text()
    assert page.locator("#sisg-mock-followups").count() == 0

    # After the answer, the follow-ups one at a time.
    follow_ups = follow_up_texts(guide, question_id)
    page.click("#sisg-mock-next")
    assert page.locator("#sisg-mock-followups > li").count() == 1
    page.fill("#sisg-mock-note", "Batch for weekly, real-time for autoplay.")
    if follow_ups > 1:
        page.click("#sisg-mock-next")
        assert page.locator("#sisg-mock-followups > li").count() == 2
    shown = page.locator("#sisg-mock-followups > li").count()

    # Pause, let time pass, reload: the same place, notes and time left; nothing ran while paused.
    page.click("#sisg-mock-pause")
    left = seconds_left(page)
    page.clock.run_for(5 * 60_000)
    page.reload()
    page.locator("#sisg-mock-followups").wait_for()
    page.clock.run_for(1000)
    assert page.locator("#sisg-mock-followups > li").count() == shown
    assert page.input_value("#sisg-mock-note") == "Batch for weekly, real-time for autoplay."
    assert seconds_left(page) == left
    assert page.locator("#sisg-mock-pause").inner_text() == "Resume"
    assert page.locator(".sisg-guidance").count() == 0
    page.click("#sisg-mock-pause")

    # Time up: the scorecard, with the guidance, the points to tick and the round's signals.
    page.clock.run_for(plan["minutes"] * 60_000)
    page.locator("#sisg-mock-scorecard").wait_for()
    card = page.locator(f'.sisg-mock__question[data-question="{question_id}"]')
    assert card.locator(".sisg-checklist__box").count() == len(question["guidance"]["covers"])
    signals = page.locator(".sisg-mock__signals").inner_text()
    for index in design["signals"]:
        assert role["signals"][index]["name"] in signals
    weighed_elsewhere = [s for i, s in enumerate(role["signals"]) if i not in design["signals"]]
    assert weighed_elsewhere and all(s["name"] not in signals for s in weighed_elsewhere)
    assert "Batch for weekly" in card.inner_text()

    card.locator(".sisg-checklist__box").first.check()
    card.locator('input[type="radio"][value="1"]').check()
    # A reload on the scorecard keeps the ticks and the rating.
    page.reload()
    page.locator("#sisg-mock-scorecard").wait_for()
    card = page.locator(f'.sisg-mock__question[data-question="{question_id}"]')
    assert card.locator(".sisg-checklist__box").first.is_checked()
    assert card.locator('input[type="radio"][value="1"]').is_checked()

    before = page.evaluate(f"SISG.loadGuide().then((g) => SISG.due.today({{guide: g, role: '{ROLE}'}}))")
    assert question_id not in before["queue"]
    page.click("#sisg-mock-save")
    due = page.locator("#sisg-mock-due[data-queue]")
    due.wait_for(state="attached")
    saved = record(page)
    (debrief,) = saved["debriefs"]
    assert debrief["role"] == ROLE and debrief["kind"] == "round"
    (scored,) = debrief["rounds"][0]["questions"]
    assert scored == {
        "id": question_id,
        "covers": len(question["guidance"]["covers"]),
        "covered": [0],
        "rating": 1,
        "notes": "",
    }
    assert saved["mock"] is None
    assert saved["reviews"][question_id][-1]["rating"] == 1
    assert saved["reviews"][question_id][-1]["role"] == ROLE
    # Rated Again today: the study loop brings it back today.
    assert question_id in due.get_attribute("data-queue").split()

    # My progress lists the debrief.
    page.goto(site_url + "progress/")
    listed = page.locator(f'.sisg-debrief[data-debrief="{debrief["id"]}"]')
    listed.wait_for()
    assert "Covered 1 of" in listed.inner_text()


def test_a_shortened_loop_runs_two_rounds_with_a_break_and_one_debrief(mock_page, site_url, guide):
    page = mock_page
    role = next(r for r in guide["roles"] if r["id"] == ROLE)
    first, second = role["rounds"][0], role["rounds"][-1]
    page.goto(f"{site_url}mock/?role={ROLE}&loop=1")
    page.locator("#sisg-mock-rounds").wait_for()
    for r in role["rounds"]:
        box = page.locator(f"#sisg-mock-in-{r['id']}")
        if r["id"] not in (first["id"], second["id"]):
            box.uncheck()
    assert "2 rounds back to back" in page.locator("#sisg-mock-plan").inner_text()
    page.click("#sisg-mock-start")
    page.locator("#sisg-mock-where").wait_for()  # drawn once the questions' guidance is in
    page.clock.run_for(1000)
    assert seconds_left(page) == first["mock"]["minutes"] * 60 - 1
    assert "Round 1 of 2" in page.locator("#sisg-mock-where").inner_text()

    # The candidate ends round 1 early: the break, of the stated length, then round 2.
    page.click("#sisg-mock-end")
    page.locator("#sisg-mock-skip-break").wait_for()
    assert (
        f"{guide['mock']['break_minutes']} minutes is this guide's assumption"
        in page.locator(".sisg-mock__break").inner_text()
    )
    page.clock.run_for(guide["mock"]["break_minutes"] * 60_000 + 1000)
    page.locator("#sisg-mock-where").wait_for()
    assert "Round 2 of 2" in page.locator("#sisg-mock-where").inner_text()
    assert page.locator(".sisg-guidance").count() == 0
    page.clock.run_for(second["mock"]["minutes"] * 60_000)
    page.locator("#sisg-mock-scorecard").wait_for()

    # Round 1: every point ticked, Good. Round 2: nothing ticked, Again. Round 2 is the weaker.
    mock = record(page)["mock"]
    for index, rating in ((0, "3"), (1, "1")):
        section = page.locator(".sisg-mock__round").nth(index)
        if index == 0:
            for box in section.locator(".sisg-checklist__box").all():
                box.check()
        for radio in section.locator(f'input[type="radio"][value="{rating}"]').all():
            radio.check()
    page.click("#sisg-mock-save")
    page.locator("#sisg-mock-due[data-queue]").wait_for(state="attached")
    saved = record(page)
    (debrief,) = saved["debriefs"]
    assert debrief["kind"] == "loop"
    assert [r["round"] for r in debrief["rounds"]] == [first["id"], second["id"]]
    rows = page.locator(".sisg-debrief__table tbody tr")
    assert [rows.nth(i).get_attribute("data-round") for i in range(rows.count())] == [second["id"], first["id"]]
    queue = page.locator("#sisg-mock-due").get_attribute("data-queue").split()
    for question in mock["rounds"][1]["questions"]:
        assert saved["reviews"][question["id"]][-1]["rating"] == 1
        assert question["id"] in queue


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_the_round_and_its_scorecard_have_no_serious_accessibility_violations(mock_page, site_url, scheme):
    page = mock_page
    set_palette(page, scheme)
    page.goto(f"{site_url}mock/?role={ROLE}&round={DESIGN}")
    page.locator("#sisg-mock-plan").wait_for()
    page.clock.resume()  # axe waits for frames and animations to settle
    assert blocking_violations(page, "#sisg-mock") == []
    page.click("#sisg-mock-start")
    page.click("#sisg-mock-next")
    assert blocking_violations(page, "#sisg-mock") == []
    page.click("#sisg-mock-end")
    page.locator("#sisg-mock-scorecard").wait_for()
    assert blocking_violations(page, ".sisg-mock__round") == []
