"""Screenshots of the study plan on day 1, on day 4 behind, and on the interview day, at 1280 and 390 px.

    .venv/bin/mkdocs build -d /tmp/site-shots
    .venv/bin/python benchmarks/plan_screenshots.py /tmp/site-shots benchmarks/results

A Staff MLE plan made on Mon 1 Mar 2027 for Mon 15 Mar at 2 hours a day; the candidate answers 4
of day 1's queue and 5 of day 2's (one Again), skips day 3, and is looked at on day 4 (behind) and
on the interview day. Writes plan-day1-1280.png, plan-day4-behind-390.png, … (the first screen of
the plan).
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

SITE, OUT = Path(sys.argv[1]), Path(sys.argv[2])
ROLE = "staff-machine-learning-engineer"
DAYS = {"day1": 0, "day4-behind": 3, "interview-day": 14}
WORK = """async ([take, againAt, role]) => {
  const guide = await SISG.loadGuide();
  for (let step = 0; step < take; step++) {
    const q = await SISG.due.today({guide, role});
    if (!q.queue.length) break;
    SISG.store.review(q.queue[0], step === againAt ? 1 : 3, new Date(Date.now() + step * 60000), role);
  }
}"""


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main() -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(SITE)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/"
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for width in (1280, 390):
            context = browser.new_context(
                viewport={"width": width, "height": 900 if width > 400 else 844},
                timezone_id="Europe/Stockholm",
                reduced_motion="reduce",
                locale="en-US",
            )
            page = context.new_page()
            page.clock.install(time=dt.datetime(2027, 3, 1, 9, 0).isoformat())
            page.goto(url + "plan/")
            page.select_option("#sisg-plan-role", ROLE)
            page.fill("#sisg-plan-date", "2027-03-15")
            page.fill("#sisg-plan-hours", "2")
            page.locator("#sisg-plan form button[type=submit]").click()
            page.locator(".sisg-plan-sheet").wait_for()
            for name, index in DAYS.items():
                day = dt.date(2027, 3, 1) + dt.timedelta(days=index)
                page.clock.set_fixed_time(dt.datetime.combine(day, dt.time(9, 0)).isoformat())
                page.goto(url + "plan/")
                page.locator(".sisg-plan-sheet").wait_for()
                page.wait_for_timeout(300)
                # What the candidate sees on reaching the plan: its first screen (today's work first).
                page.evaluate("window.scrollTo(0, document.querySelector('#sisg-plan').offsetTop - 60)")
                page.wait_for_timeout(200)
                page.screenshot(path=str(OUT / f"plan-{name}-{width}.png"))
                if index == 0:
                    page.evaluate(WORK, [4, -1, ROLE])
                    page.clock.set_fixed_time(dt.datetime(2027, 3, 2, 9, 0).isoformat())
                    page.evaluate(WORK, [5, 2, ROLE])
            context.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
