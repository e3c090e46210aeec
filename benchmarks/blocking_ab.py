"""Interleaved A/B of main-thread blocking while a page starts: two or more builds, served side by side.

    .venv/bin/python benchmarks/blocking_ab.py 8765,8771 ",roles/staff-machine-learning-engineer/,plan/" 6

Serve each build first (benchmarks/gzip_server.py SITE --port PORT). For every run, page and port in
turn (so a slower moment of the machine falls on all of them alike), Chromium loads the page at
412 px with the CPU slowed 4x and sums each long task's time over 50 ms until 2 s after load: the
quantity Lighthouse's Total Blocking Time sums, measured rather than simulated. Prints the median
and every run per port and page.
"""

import statistics
import sys

from playwright.sync_api import sync_playwright

ports = sys.argv[1].split(",")
paths = sys.argv[2].split(",")
runs = int(sys.argv[3])
INIT = (
    "window.__lt = []; new PerformanceObserver((list) => list.getEntries()"
    ".forEach((e) => window.__lt.push(e.duration))).observe({type: 'longtask', buffered: true});"
)
results = {(port, path): [] for port in ports for path in paths}
with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium")
    for _ in range(runs):
        for path in paths:
            for port in ports:
                context = browser.new_context(viewport={"width": 412, "height": 823})
                page = context.new_page()
                page.add_init_script(INIT)
                context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
                page.goto(f"http://127.0.0.1:{port}/{path}", wait_until="load")
                page.wait_for_timeout(2000)
                tasks = page.evaluate("window.__lt")
                results[(port, path)].append(round(sum(max(0, d - 50) for d in tasks)))
                context.close()
    browser.close()
for (port, path), blocking in results.items():
    print(port, path or "/", "median", statistics.median(blocking), "ms; runs", sorted(blocking))
