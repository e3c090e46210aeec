"""What fills each task over 50 ms on one page (Chromium trace, 4x CPU slowdown, 412x823).

    .venv/bin/python benchmarks/probe_task_trace.py PORT roles/staff-machine-learning-engineer/

Prints each long task with its biggest events (script evaluation and calls by URL, events, layout).
"""

import json
import sys

from playwright.sync_api import sync_playwright

PORT, path = sys.argv[1], sys.argv[2]
with sync_playwright() as p:
    b = p.chromium.launch(executable_path="/usr/bin/chromium")
    ctx = b.new_context(viewport={"width": 412, "height": 823})
    page = ctx.new_page()
    cdp = ctx.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    b.start_tracing(page=page, categories=["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute"])
    page.goto(f"http://127.0.0.1:{PORT}/{path}", wait_until="load")
    page.wait_for_timeout(2500)
    data = b.stop_tracing()
    b.close()
ev = json.loads(data)["traceEvents"]
# main thread of renderer: thread with most RunTask durations containing ParseHTML
tids = {}
for e in ev:
    if e.get("name") == "ParseHTML":
        tids[(e["pid"], e["tid"])] = 1
main = next(iter(tids))
evs = sorted([e for e in ev if (e["pid"], e["tid"]) == main and e.get("ph") == "X"], key=lambda e: e["ts"])
tasks = [e for e in evs if e["name"] in ("RunTask", "ThreadControllerImpl::RunTask") and e.get("dur", 0) > 50000]
for t in tasks:
    end = t["ts"] + t["dur"]
    inner = [e for e in evs if t["ts"] <= e["ts"] < end and e is not t]
    print(f"TASK {t['dur'] / 1000:.0f} ms")
    agg = {}
    for e in inner:
        if e["name"] in (
            "EvaluateScript",
            "FunctionCall",
            "EventDispatch",
            "v8.compile",
            "Layout",
            "UpdateLayoutTree",
            "ParseHTML",
            "TimerFire",
            "FireAnimationFrame",
            "v8.callFunction",
            "RunMicrotasks",
            "ParseAuthorStyleSheet",
            "Paint",
            "PrePaint",
        ):
            d = e.get("args", {}).get("data", {})
            key = (e["name"], (d.get("url") or d.get("type") or d.get("functionName") or "")[-50:])
            agg[key] = agg.get(key, 0) + e.get("dur", 0) / 1000
    for k, v in sorted(agg.items(), key=lambda kv: -kv[1])[:10]:
        print(f"   {v:7.0f} ms {k}")
