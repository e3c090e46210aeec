"""Search quality in the browser: labelled queries candidates type, top-5 hit rate ≥ 95 %."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from study_guide.load import load_guide
from study_guide.paths import QUESTIONS_PAGE, TOPICS_PAGE, cheatsheet_page, placements, role_page, topic_page
from study_guide.paths import site_url as site_url_of

from ..conftest import ROOT

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yaml").read_text(encoding="utf-8"))
MIN_QUERIES = 30
TARGET_HIT_RATE = 0.95
TOP = 5


# Counts messages to and from Material's search worker, which answers each one once, so a test
# can tell when the worker has caught up with the last keystroke.
WORKER_PROBE = """
(() => {
  const Native = window.Worker;
  window.searchPending = 0;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", () => { window.searchPending -= 1; });
    }
    postMessage(...args) {
      window.searchPending += 1;
      super.postMessage(...args);
    }
  };
})();
"""


@pytest.fixture
def search_page(page):
    page.add_init_script(WORKER_PROBE)
    return page


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
    page.keyboard.type(query)  # one keydown/keyup per character, as a person types
    # The worker answers every keystroke; once it has answered the last one and the list has
    # stopped changing, the results belong to the whole query, not to a prefix of it.
    page.wait_for_function("() => window.searchPending === 0")
    page.wait_for_function("() => /match/i.test(document.querySelector('.md-search-result__meta')?.textContent || '')")
    hrefs, previous = [], None
    for _ in range(100):
        hrefs = page.locator("li.md-search-result__item").evaluate_all(
            f"items => items.slice(0, {TOP}).flatMap(li => "
            "[...li.querySelectorAll(':scope > a.md-search-result__link')].map(a => a.href))"
        )
        if hrefs == previous:
            break
        previous = hrefs
        page.wait_for_timeout(50)
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


def test_labelled_queries_hit_the_right_page(search_page, site_url, record_property):
    page = search_page
    assert len(QUERIES) >= MIN_QUERIES
    page.goto(site_url)
    page.wait_for_function("() => !!window.document$")
    misses = []
    for case in QUERIES:
        results = run_query(page, site_url, case["query"])
        if not is_hit(results, case["expect"]):
            misses.append(f"{case['query']!r}: got {results}")
    hit_rate = 1 - len(misses) / len(QUERIES)
    # Shown in the "measured" section of the test report (tests/conftest.py), also under xdist.
    record_property("summary", f"search top-{TOP} hit rate {hit_rate:.1%} over {len(QUERIES)} labelled queries")
    for miss in misses:
        record_property("summary", f"search miss {miss}")
    assert hit_rate >= TARGET_HIT_RATE, "\n".join(misses)
    assert page.offsite_requests == []


@pytest.mark.parametrize("query", ["cold start", "STAR"])
def test_search_highlights_the_term_on_the_target_page(search_page, site_url, query):
    page = search_page
    page.goto(site_url)
    run_query(page, site_url, query)
    page.locator("li.md-search-result__item > a.md-search-result__link").first.click()
    page.wait_for_load_state()
    assert page.locator("mark[data-md-highlight]").count() > 0 or "h=" in page.url


def test_search_index_waits_for_the_reader(page, site_url):
    """overrides/main.html holds the index request until the reader does something; search still works."""
    asked = []
    page.on("request", lambda request: asked.append(request.url) if "search_index.json" in request.url else None)
    page.goto(site_url + "questions/")
    page.wait_for_load_state("load")
    page.wait_for_timeout(1000)
    assert asked == [], "the index was requested before the reader did anything"
    page.keyboard.press("/")  # Material's shortcut to open search
    page.keyboard.type("cold start")
    page.wait_for_function("() => /match/i.test(document.querySelector('.md-search-result__meta')?.textContent || '')")
    assert asked == [site_url + "search/search_index.json"]
    assert page.locator("li.md-search-result__item").count() > 0


def test_a_shared_search_link_loads_the_index_at_once(page, site_url):
    page.goto(site_url + "?q=backfill")
    page.wait_for_function("() => /match/i.test(document.querySelector('.md-search-result__meta')?.textContent || '')")
    assert page.locator("li.md-search-result__item").count() > 0


def matching(page) -> str:
    return page.locator(".md-search-result__meta").inner_text()


# Pairs whose forms lunr's stemmer keeps apart. Not -isation/-ization: lunr stems "personalization"
# to "personal", so that query also finds sections about a "personal" story (tests/test_search_terms.py
# checks those groups in the index itself).
@pytest.mark.parametrize("spellings", [("behaviour", "behavior"), ("behavioural", "behavioral")])
def test_spelling_variants_find_the_same_sections(search_page, site_url, spellings):
    page = search_page
    page.goto(site_url)
    counts = []
    for query in spellings:
        run_query(page, site_url, query)
        counts.append(matching(page))
    assert len(set(counts)) == 1, counts


# ---- Role-aware search (docs/assets/search-roles.js, study_guide/search_roles.py) ----

GUIDE = load_guide(ROOT / "data")
ROLE = GUIDE.roles[0]
# Held-in queries whose best result, in Material's own order, is another role's (checked below),
# so listing the role's results first shows.
ROLE_QUERIES = ["conflict", "stakeholder", "latency"]


def role_links(role) -> set[str]:
    """The role's pages and sections, from the data (not from search/roles.json): its own page and
    cheat sheet, and every topic a round of it lists, on its page and on the shared pages."""
    topics = [topic for topic, where in placements(GUIDE).items() if any(p.role == role.id for p in where)]
    own = {site_url_of(role_page(role)), site_url_of(cheatsheet_page(role))}
    return (
        own
        | {site_url_of(topic_page(t)) for t in topics}
        | {site_url_of(page, t) for t in topics for page in (TOPICS_PAGE, QUESTIONS_PAGE)}
    )


def first_group_links(page) -> list[str]:
    return (
        page.locator("li.md-search-result__item")
        .first.locator("a.md-search-result__link")
        .evaluate_all("links => links.map(a => a.href)")
    )


def belongs(link: str, site_url: str, links: set[str]) -> bool:
    link = re.sub(r"\?h=[^#]*", "", link).removeprefix(site_url)
    return link in links or link.split("#")[0] in links


def test_a_roles_page_lists_its_own_results_first_until_the_reader_searches_everything(search_page, site_url):
    page = search_page
    mine = role_links(ROLE)
    page.goto(site_url)
    own_order = {}
    for query in ROLE_QUERIES:
        own_order[query] = run_query(page, site_url, query)
        first = first_group_links(page)
        assert not any(belongs(link, site_url, mine) for link in first), (
            f"{query!r}: choose a query whose best result is not {ROLE.id}'s already"
        )
    assert not page.locator("#sisg-search-role").is_visible()  # no role on the home page

    page.goto(site_url + site_url_of(role_page(ROLE)))
    control = page.locator("#sisg-search-role")
    for query in ROLE_QUERIES:
        results = run_query(page, site_url, query)
        assert any(belongs(link, site_url, mine) for link in first_group_links(page)), f"{query!r}: {results}"
        assert results != own_order[query]
        assert control.is_visible()
        assert control.inner_text().startswith(f"Searching: {ROLE.short_title} first")

    # Enter in the box opens the first result (Material opens the best-scored one).
    first = first_group_links(page)[0]
    page.locator("input.md-search__input").press("Enter")
    page.wait_for_url(lambda url: url != site_url + site_url_of(role_page(ROLE)))
    assert page.url.split("?")[0] == first.split("?")[0]
    page.goto(site_url + site_url_of(role_page(ROLE)))
    page.wait_for_function("() => !!window.document$")
    run_query(page, site_url, ROLE_QUERIES[-1])

    # The visible way out: a real button, reached from the search box with Tab, the dialog still open.
    page.locator("input.md-search__input").press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Search everything"
    assert control.is_visible()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => /^Searching everything/.test(document.querySelector('#sisg-search-role').textContent)"
    )
    for query in ROLE_QUERIES:
        assert run_query(page, site_url, query) == own_order[query]
    assert page.console_errors == []
