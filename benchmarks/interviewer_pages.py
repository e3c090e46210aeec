"""Print every interviewer sheet with Chromium on A4 and US Letter and compare with the pages it states.

Usage: build the site (`mkdocs build`), serve it under /guide/ (e.g. copy site/ to <dir>/guide and run
`python3 -m http.server 8731` in <dir>), then `.venv/bin/python benchmarks/interviewer_pages.py
[base-url]`. Prints a Markdown table; study_guide/interviewer.py's constants were fitted to it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from study_guide.load import load_guide

ROOT = Path(__file__).resolve().parent.parent


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


def main(base: str) -> None:
    guide = load_guide(ROOT / "data")
    print("| Sheet | Stated | A4 | Letter |\n|---|---|---|---|")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page()
        for role in guide.roles:
            for round_ in role.rounds:
                page.goto(f"{base}interviewer/{role.id}/{round_.id}/")
                lede = page.locator(".guide-interviewer-lede").inner_text()
                stated = re.search(r"at most (\d+)", lede)[1]
                a4, letter = (pdf_pages(page.pdf(format=paper, print_background=True)) for paper in ("A4", "Letter"))
                print(f"| {role.id}/{round_.id} | {stated} | {a4} | {letter} |")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8731/guide/")
