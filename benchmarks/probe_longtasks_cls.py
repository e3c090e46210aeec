"""Long tasks and layout shift per page in Chromium with a 4x CPU slowdown (412x823), by PerformanceObserver.

    PAGES="practice/,progress/" .venv/bin/python benchmarks/probe_longtasks_cls.py PORT LABEL RUNS

Serve a built site first (benchmarks/gzip_server.py SITE --port PORT). Prints per page the long-task
count, their total and CLS of each run; raw figures go to benchmarks/out/LABEL.json.
"""

import json
import os
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

PORT, LABEL, RUNS = sys.argv[1], sys.argv[2], int(sys.argv[3])
PAGES = (
    os.environ["PAGES"].split(",")
    if os.environ.get("PAGES")
    else [
        "",
        "roles/staff-machine-learning-engineer/",
        "topics/ds-statistics-experimentation/",
        "questions/",
        "practice/",
        "progress/",
        "plan/",
    ]
)
INIT = """
window.__lt = []; window.__cls = 0; window.__shifts = [];
new PerformanceObserver((list) => list.getEntries().forEach((e) => window.__lt.push(Math.round(e.duration))))
  .observe({type: 'longtask', buffered: true});
const nodeName = (s) => (s.node ? s.node.id || s.node.className || s.node.nodeName : '?');
new PerformanceObserver((list) => list.getEntries().forEach((e) => {
  if (e.hadRecentInput) return;
  window.__cls += e.value;
  window.__shifts.push([+e.value.toFixed(3), Math.round(e.startTime), (e.sources || []).map(nodeName).join(',')]);
})).observe({type: 'layout-shift', buffered: true});
"""
out = {}
with sync_playwright() as p:
    b = p.chromium.launch(executable_path="/usr/bin/chromium")
    for path in PAGES:
        rows = []
        for _ in range(RUNS):
            ctx = b.new_context(viewport={"width": 412, "height": 823})
            page = ctx.new_page()
            page.add_init_script(INIT)
            cdp = ctx.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
            page.goto(f"http://127.0.0.1:{PORT}/{path}", wait_until="load")
            page.wait_for_timeout(2500)
            lt, cls, shifts = page.evaluate("[window.__lt, window.__cls, window.__shifts]")
            rows.append({"longtasks": lt, "count": len(lt), "total": sum(lt), "cls": round(cls, 3), "shifts": shifts})
            ctx.close()
        out[path or "/"] = rows
        print(
            LABEL,
            path or "/",
            "count",
            [r["count"] for r in rows],
            "total ms",
            [r["total"] for r in rows],
            "cls",
            [r["cls"] for r in rows],
            rows[0]["longtasks"],
            rows[0]["shifts"][:4],
            flush=True,
        )
    b.close()
OUT = Path(__file__).parent / "out"
OUT.mkdir(exist_ok=True)
(OUT / f"{LABEL}.json").write_text(json.dumps(out, indent=1), encoding="utf-8")
