"""Study tools' transfer (gzipped) and Practice's time-to-usable on a slow phone, against a served build.

    .venv/bin/python benchmarks/gzip_server.py site/ --port 8765 &
    .venv/bin/python benchmarks/probe_study_data.py 8765 LABEL [--runs 3]

Each page is opened in a fresh context (empty cache) at 390x844 with Chromium's CPU slowed 4x
(`Emulation.setCPUThrottlingRate`) and a 9 Mbps link with 40 ms latency
(`Network.emulateNetworkConditions`). Transfer is what the network saw (`encodedDataLength`,
gzip-compressed as gzip_server.py serves it), split into the study data (JSON the tools fetch),
the study scripts (assets/study/) and everything. Practice is "usable" when its Start button is
enabled (the role's questions are counted) and today's due count is shown; time from navigation
start. Practice then starts a pass and reveals the first question's guidance, and the transfer
counts that too (its topic's guidance file, and the next question's, fetched ahead). Prints one
JSON line per page and run.
"""

import json
import sys
import time

from playwright.sync_api import sync_playwright

PORT, LABEL = sys.argv[1], sys.argv[2]
RUNS = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 3
ROLE = "staff-machine-learning-engineer"  # the role with the most questions
PAGES = {
    "practice": f"practice/?role={ROLE}",
    "plan": "plan/",
    "progress": "progress/",
}
NETWORK = {"offline": False, "latency": 40, "downloadThroughput": 9_000_000 / 8, "uploadThroughput": 9_000_000 / 8}
USABLE = """() => {
  const start = document.querySelector('#sisg-practice button[type=submit]');
  const due = document.querySelector('#sisg-practice-due');
  return !!(start && !start.disabled && due && due.dataset.count !== undefined);
}"""
READY = {
    "practice": USABLE,
    "plan": "() => !!document.querySelector('#sisg-plan form, #sisg-plan .sisg-plan-sheet')",
    "progress": "() => !!document.querySelector('#sisg-progress .sisg-role')",
}

with sync_playwright() as p:
    browser = p.chromium.launch(executable_path="/usr/bin/chromium")
    for run in range(RUNS):
        for name, path in PAGES.items():
            ctx = browser.new_context(viewport={"width": 390, "height": 844})
            page = ctx.new_page()
            cdp = ctx.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", NETWORK)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
            urls, sizes = {}, {}
            cdp.on("Network.responseReceived", lambda e, u=urls: u.__setitem__(e["requestId"], e["response"]["url"]))
            cdp.on("Network.loadingFinished", lambda e, s=sizes: s.__setitem__(e["requestId"], e["encodedDataLength"]))
            page.goto(f"http://127.0.0.1:{PORT}/{path}", wait_until="commit")
            page.wait_for_function(READY[name], timeout=60_000, polling=50)
            usable = page.evaluate("() => performance.now()")
            page.wait_for_timeout(1500)  # let late requests finish
            if name == "practice":  # then the first question, its guidance revealed
                page.click("#sisg-practice button[type=submit]")
                page.locator(".sisg-card[data-question]").wait_for()
                page.keyboard.press("Enter")
                page.locator(".sisg-guidance h3").first.wait_for(timeout=60_000)
                page.wait_for_timeout(1500)
            time.sleep(0.2)
            data = scripts = total = 0
            files = {}
            for rid, size in sizes.items():
                url = urls.get(rid, "")
                total += size
                if "/assets/study/" in url:
                    scripts += size
                elif url.split("?")[0].endswith(".json") and "search" not in url:
                    data += size
                    files[url.split("/", 3)[-1]] = size
            print(
                json.dumps(
                    {
                        "label": LABEL,
                        "run": run + 1,
                        "page": name,
                        "usable_ms": round(usable),
                        "study_data_gz": data,
                        "study_scripts_gz": scripts,
                        "total_gz": total,
                        "data_files": files,
                    }
                ),
                flush=True,
            )
            ctx.close()
    browser.close()
