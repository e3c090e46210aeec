"""How soon search shows results on a freshly loaded page (no instant navigation: every page starts
its own search worker, and the index is fetched at the reader's first key press).

    .venv/bin/python benchmarks/search_ready.py PORT CPU_SLOWDOWN [RUNS]

Loads roles/ at 412 px, presses "s" (Material's search shortcut), types "experiment" at 80 ms a key
and prints the seconds from the first key to the first result.
"""

import sys
import time

from playwright.sync_api import sync_playwright

port, rate = sys.argv[1], int(sys.argv[2])
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium")
    for _ in range(runs):
        context = browser.new_context(viewport={"width": 412, "height": 823})
        page = context.new_page()
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": rate})
        page.goto(f"http://127.0.0.1:{port}/roles/", wait_until="load")
        page.wait_for_timeout(500)
        start = time.monotonic()
        page.keyboard.press("s")
        page.keyboard.type("experiment", delay=80)
        page.wait_for_selector(".md-search-result__item", timeout=30000)
        print(f"CPU {rate}x: first result {time.monotonic() - start:.2f} s after the first key")
        context.close()
    browser.close()
