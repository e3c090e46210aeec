"""Main-thread time of the site's own scripts (assets/study/*.js, assets/guide.js) per page, 4x CPU slowdown.

    .venv/bin/python benchmarks/probe_study_scripts.py PORT LABEL

Sums the trace's EvaluateScript, FunctionCall and TimerFire events whose URL is one of those scripts.
"""

import json
import sys

from playwright.sync_api import sync_playwright

PORT, LABEL = sys.argv[1], sys.argv[2]
PAGES = ["", "roles/staff-machine-learning-engineer/", "topics/ds-statistics-experimentation/", "questions/", "topics/"]
with sync_playwright() as p:
    b = p.chromium.launch(executable_path="/usr/bin/chromium")
    for path in PAGES:
        ctx = b.new_context(viewport={"width": 412, "height": 823})
        page = ctx.new_page()
        cdp = ctx.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        b.start_tracing(page=page, categories=["devtools.timeline", "disabled-by-default-devtools.timeline"])
        page.goto(f"http://127.0.0.1:{PORT}/{path}", wait_until="load")
        page.wait_for_timeout(2000)
        ev = json.loads(b.stop_tracing())["traceEvents"]
        ctx.close()
        own = {}
        for e in ev:
            if e.get("ph") != "X" or e["name"] not in ("EvaluateScript", "FunctionCall", "TimerFire"):
                continue
            url = (e.get("args", {}).get("data", {}) or {}).get("url", "") or ""
            if "/assets/study/" in url or "/assets/guide.js" in url:
                k = url.rsplit("/", 1)[-1]
                own[k] = own.get(k, 0) + e.get("dur", 0) / 1000
        print(
            LABEL,
            path or "/",
            {k: round(v, 1) for k, v in sorted(own.items())},
            "total",
            round(sum(own.values()), 1),
            flush=True,
        )
    b.close()
