"""Search quality in the browser: labelled queries candidates type, top-5 hit rate ≥ 95 %."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yaml").read_text(encoding="utf-8"))
MIN_QUERIES = 30
TARGET_HIT_RATE = 0.95
TOP = 5


def run_query(page, site_url: str, query: str) -> list[str]:
    """Type `query` key by key (Material reads keyup); return the links of the top results.

    Material groups results by page: one list item per page, holding the page's link and its
    best-matching sections. The top 5 results are the first 5 pages with their section links.
    """
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label.md-header__button[for='__search']").click()
    box.fill("")
    box.focus()
    page.keyboard.type(query, delay=15)
    page.wait_for_function(
        "() => /match/i.test(document.querySelector('.md-search-result__meta')?.textContent || '')"
    )
    # The worker answers every keystroke; wait until the list stops changing so the
    # results belong to the whole query, not to a prefix of it.
    hrefs, previous = [], None
    for _ in range(50):
        page.wait_for_timeout(100)
        hrefs = page.locator("li.md-search-result__item").evaluate_all(
            f"items => items.slice(0, {TOP}).flatMap(li => "
            "[...li.querySelectorAll(':scope > a.md-search-result__link')].map(a => a.href))"
        )
        nothing = page.locator(".md-search-result__meta").inner_text().lower().startswith("no matching")
        if hrefs == previous and (hrefs or nothing):
            break
        previous = hrefs
    # Drop the ?h= highlight parameter Material adds; keep page and anchor.
    return [re.sub(r"\?h=[^#]*", "", href).removeprefix(site_url) for href in hrefs]


def is_hit(results: list[str], expected: list[str]) -> bool:
    for target in expected:
        for link in results:
            if ("#" in target and link == target) or ("#" not in target and link.startswith(target)):
                return True
            if "#" in target and link.startswith(target):  # e.g. an anchor inside the expected section
                return True
    return False


def test_labelled_queries_hit_the_right_page(page, site_url, record_property, capsys):
    assert len(QUERIES) >= MIN_QUERIES
    page.goto(site_url)
    page.wait_for_function("() => !!window.document$")
    misses = []
    for case in QUERIES:
        results = run_query(page, site_url, case["query"])
        if not is_hit(results, case["expect"]):
            misses.append(f"{case['query']!r}: got {results}")
    hit_rate = 1 - len(misses) / len(QUERIES)
    record_property("search_hit_rate", hit_rate)
    with capsys.disabled():
        print(f"\nsearch top-{TOP} hit rate: {hit_rate:.1%} over {len(QUERIES)} queries")
        for miss in misses:
            print(f"  miss {miss}")
    assert hit_rate >= TARGET_HIT_RATE, "\n".join(misses)
    assert page.offsite_requests == []


@pytest.mark.parametrize("query", ["cold start", "STAR"])
def test_search_highlights_the_term_on_the_target_page(page, site_url, query):
    page.goto(site_url)
    run_query(page, site_url, query)
    page.locator("li.md-search-result__item > a.md-search-result__link").first.click()
    page.wait_for_load_state()
    assert page.locator("mark[data-md-highlight]").count() > 0 or "h=" in page.url
