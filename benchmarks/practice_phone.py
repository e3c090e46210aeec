"""Practice on a 390x844 phone: screenshots before and after Reveal, and what the page measures.

    .venv/bin/python benchmarks/gzip_server.py site/ --port 8765 &
    .venv/bin/python benchmarks/practice_phone.py 8765 OUT_DIR LABEL

Prints one JSON line: where Start sits (its bottom against the screen height), the sticky rating
bar's height as a share of the screen, how many rating buttons are visible before and after
Reveal, and whether the widest code block scrolls sideways. Screenshots go to OUT_DIR/LABEL-*.png.
"""

import json
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

PORT, OUT, LABEL = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
ROLE = "software-engineer-backend-data"
VISIBLE_BUTTONS = """() => [...document.querySelectorAll('.sisg-card button')]
  .filter((b) => b.offsetParent !== null && b.getBoundingClientRect().height > 0)
  .map((b) => b.textContent.trim())"""
RATING = ("Again", "Hard", "Good", "Easy", "Got it", "Needs work")

with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium")
    page = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=1)
    page.goto(f"http://127.0.0.1:{PORT}/practice/?role={ROLE}&kind=coding")
    start = page.locator("#sisg-practice button[type=submit]")
    start.wait_for()
    page.wait_for_timeout(500)
    page.screenshot(path=OUT / f"{LABEL}-start.png")
    start_bottom = start.bounding_box()["y"] + start.bounding_box()["height"]
    start.click()
    page.locator(".sisg-card[data-question]").wait_for()
    page.wait_for_timeout(300)
    page.screenshot(path=OUT / f"{LABEL}-question.png")
    before = [b for b in page.evaluate(VISIBLE_BUTTONS) if b.startswith(RATING)]
    page.locator(".sisg-card button[aria-controls]").click()
    page.locator(".sisg-guidance h3").first.wait_for()
    page.wait_for_timeout(300)
    page.screenshot(path=OUT / f"{LABEL}-revealed.png")
    after = [b for b in page.evaluate(VISIBLE_BUTTONS) if b.startswith(RATING)]
    bar = page.evaluate(
        """() => { const b = document.querySelector('.sisg-rate'); const r = b.getBoundingClientRect();
                   return {height: Math.round(r.height), position: getComputedStyle(b).position}; }"""
    )
    code = page.locator(".sisg-guidance pre").last
    code.scroll_into_view_if_needed()
    page.wait_for_timeout(200)
    page.screenshot(path=OUT / f"{LABEL}-code.png")
    wide = page.evaluate(
        """() => [...document.querySelectorAll('.sisg-guidance pre > code')]
                  .map((c) => c.scrollWidth - c.clientWidth).reduce((a, b) => Math.max(a, b), 0)"""
    )
    print(
        json.dumps(
            {
                "label": LABEL,
                "start_bottom_px": round(start_bottom),
                "screen_px": 844,
                "start_in_first_screen": start_bottom <= 844,
                "rating_buttons_before_reveal": before,
                "rating_buttons_after_reveal": after,
                "sticky_bar_px": bar["height"],
                "sticky_bar_share": round(bar["height"] / 844, 3),
                "bar_position": bar["position"],
                "code_sideways_px": wide,
            }
        )
    )
    browser.close()
