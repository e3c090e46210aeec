"""Pages whose scripts draw part of them keep room for it: nothing on screen jumps (layout shift).

A tool (Practice, the plan, the mock round, the story bank, My progress, the home page's "due
today" box) and the question bank's filter form are drawn by script after the first paint. Without
room kept for them (docs/assets/study/study.css) the text below jumped down: Lighthouse mobile
measured layout shifts of 0.22-0.57 (benchmarks/results/lighthouse-session-end.md). The pages are
the built site's pages that name scripts (data-sisg-script), opened on a phone with its CPU slowed
four times, as Lighthouse's mobile preset does, so the scripts draw well after the first paint.
"""

from __future__ import annotations

from .conftest import PHONE

# Lighthouse rates 0.1 as the most a page should shift; the pages shifted 0.22-0.57 without room kept.
MOST_SHIFT = 0.02

OBSERVE = """
window.sisgShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) {
      const node = (entry.sources || []).map((s) => s.node).find((n) => n && n.nodeType === 1);
      window.sisgShifts.push([entry.value, node ? node.outerHTML.slice(0, 80) : ""]);
    }
  }
}).observe({ type: "layout-shift", buffered: true });
"""

# The page has settled when what its scripts draw has not changed for three looks in a row.
SETTLED = """
() => {
  const drawn = [...document.querySelectorAll("[data-sisg-script]")]
    .map((node) => node.outerHTML.length + ":" + (node.nextElementSibling || node).outerHTML.length)
    .join();
  window.sisgLooks = drawn === window.sisgLast ? (window.sisgLooks || 0) + 1 : 0;
  window.sisgLast = drawn;
  return window.sisgLooks >= 3;
}
"""


def _pages_with_scripts(built_site):
    return sorted(
        "" if path.parent == built_site else f"{path.parent.relative_to(built_site).as_posix()}/"
        for path in built_site.glob("**/index.html")
        if "data-sisg-script" in path.read_text(encoding="utf-8")
    )


def test_the_pages_with_scripts_are_found(built_site):
    pages = _pages_with_scripts(built_site)
    # Each kind of page the study scripts draw on is among them (the home page is "").
    assert {"", "practice/", "plan/", "questions/"} <= set(pages), pages


def test_scripts_draw_without_moving_what_is_on_screen(browser, site_url, built_site):
    moved = {}
    for path in _pages_with_scripts(built_site):
        context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, reduced_motion="reduce")
        try:
            page = context.new_page()
            context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
            page.add_init_script(OBSERVE)
            page.goto(site_url + path, wait_until="load")
            page.wait_for_function(SETTLED, polling=250, timeout=30_000)
            shifts = page.evaluate("window.sisgShifts")
        finally:
            context.close()
        if sum(value for value, _ in shifts) > MOST_SHIFT:
            moved[path or "(home)"] = shifts
    assert moved == {}
