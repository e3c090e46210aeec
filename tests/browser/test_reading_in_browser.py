"""What only a browser shows of the reading pages: links on screen, the first screen on a phone,
and the printed cheat sheet's page count (Chromium's own PDF)."""

from __future__ import annotations

import re

import pytest

from study_guide.load import load_guide

from ..conftest import ROOT
from .conftest import ALL_DRAWN, PHONE, blocking_violations, set_palette

GUIDE = load_guide(ROOT / "data")
PAPER = ("A4", "Letter")
SCHEMES = ("default", "slate")


def test_topic_pages_show_previous_next_and_practise_links_under_the_sub_path(page, site_url):
    # Every topic page carries the links and where each leads (tests/test_reading.py, from the
    # built HTML); the browser shows that they are on screen and stay under the sub-path, on each
    # role's first and last topic (one template draws them all).
    orders = [[t for round_ in role.rounds for t in round_.focus_topics] for role in GUIDE.roles]
    topics = sorted({t for order in orders for t in (order[0], order[-1])})
    missing = []
    for topic_id in topics:
        page.goto(f"{site_url}topics/{topic_id}/", wait_until="domcontentloaded")
        for selector in ("a.guide-topic-previous", "a.guide-topic-next", "a.guide-practise-topic"):
            links = page.locator(selector)
            if links.count() == 0 or not all(link.is_visible() for link in links.all()):
                missing.append(f"{topic_id}: {selector}")
            elif not all(href.startswith(site_url) for href in links.evaluate_all("as => as.map(a => a.href)")):
                missing.append(f"{topic_id}: {selector} leaves the site's sub-path")
    assert missing == []
    assert page.console_errors == []


def test_a_solution_is_drawn_when_its_question_opens_and_copies_whole(page, site_url):
    # Code in a closed question is set aside until the question opens (guide.js), so Material's
    # start-up does not lay it out; opened, it is back with the copy button Material would give it.
    topic, question = next((t, q) for t in GUIDE.topics for q in t.questions if q.guidance.code_file is not None)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"{site_url}topics/{topic.id}/")
    details = page.locator(f"details[id='{question.id}']")
    assert details.locator(".guide-code-held").count() == 1
    assert details.locator("pre > code").count() == 0
    details.locator("summary").first.click()
    code = details.locator("pre > code")
    code.wait_for()
    assert details.locator(".guide-code-held").count() == 0
    expected = (ROOT / question.guidance.code_file).read_text(encoding="utf-8")
    details.locator("button.md-code__button[data-md-type=copy]").click()
    page.wait_for_function("navigator.clipboard.readText().then((t) => t.length > 0)")
    assert page.evaluate("navigator.clipboard.readText()").strip() == expected.strip()
    assert code.get_attribute("tabindex") == "0"
    assert page.console_errors == []


def test_a_worked_examples_code_is_drawn_with_its_section(page, site_url):
    role = next(r for r in GUIDE.roles if any(ex.code_file for ex in r.worked_examples))
    page.goto(f"{site_url}roles/{role.id}/")
    page.wait_for_function(ALL_DRAWN)
    assert page.locator(".guide-code-held").count() == 0
    assert page.locator("pre > code").count() == sum(1 for ex in role.worked_examples if ex.code_file)
    assert (
        page.locator("pre > nav.md-code__nav button[data-md-type=copy]").count() == page.locator("pre > code").count()
    )
    assert page.console_errors == []


def test_next_leads_through_a_round_in_order(page, site_url):
    role = GUIDE.roles[0]
    round_ = next(r for r in role.rounds if len(r.focus_topics) > 1)
    page.goto(f"{site_url}topics/{round_.focus_topics[0]}/")
    for topic_id in round_.focus_topics[1:]:
        page.locator(f".guide-topic-step[data-role='{role.id}'] a.guide-topic-next").click()
        page.wait_for_url(re.compile(rf"/topics/{topic_id}/$"))
    assert page.console_errors == []


@pytest.mark.parametrize("role", GUIDE.roles, ids=lambda r: r.id)
def test_a_role_page_starts_here_on_a_phone(browser, site_url, role):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{site_url}roles/{role.id}/")
    height = PHONE["height"]
    for selector in (".guide-start__plan", "a.md-button[href$='#checklist']", ".guide-loop tbody tr"):
        box = page.locator(selector).first.bounding_box()
        assert box is not None and box["y"] + box["height"] <= height, selector
    # The loop table reads without scrolling sideways: no row is wider than the page.
    widths = page.locator(".guide-loop tr").evaluate_all("rows => rows.map(r => r.getBoundingClientRect().right)")
    assert max(widths) <= PHONE["width"]
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    # Where the facts come from is still on the page, below.
    about = page.locator("#about").bounding_box()
    assert about is not None and about["y"] > height
    context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_start_here_and_the_loop_cards_pass_axe_on_a_phone(browser, site_url, scheme):
    context = browser.new_context(viewport=PHONE, reduced_motion="reduce")
    page = context.new_page()
    set_palette(page, scheme)
    page.goto(f"{site_url}roles/{GUIDE.roles[0].id}/")
    assert blocking_violations(page, {"include": [[".guide-start"], [".guide-loop"]]}) == []
    context.close()


def pdf_pages(data: bytes) -> int:
    """Pages in a PDF: its page objects (/Type /Page, not the /Pages tree nodes)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


def test_pdf_pages_counts_page_objects_not_the_page_tree():
    two = b"<< /Type /Pages /Kids [3 0 R 4 0 R] >> << /Type /Page >> << /Type/Page >>"
    assert pdf_pages(two) == 2


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("role", GUIDE.roles, ids=lambda r: r.id)
def test_a_cheat_sheet_prints_on_one_page(browser, site_url, role, scheme):
    context = browser.new_context()
    page = context.new_page()
    set_palette(page, scheme)
    page.goto(f"{site_url}cheatsheets/{role.id}/")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
    counts = {paper: pdf_pages(page.pdf(format=paper, print_background=True)) for paper in PAPER}
    assert counts == dict.fromkeys(PAPER, 1)
    context.close()


def test_every_interviewer_sheet_prints_within_the_pages_it_states(browser, site_url):
    """Each round's sheet says "prints on at most N pages"; Chromium's PDF on A4 and Letter keeps to it.

    N is an estimate from the text (study_guide/interviewer.py); it is also no more than one page
    above the longer print, so the statement stays useful.
    """
    context = browser.new_context()
    page = context.new_page()
    wrong = []
    for role in GUIDE.roles:
        for round_ in role.rounds:
            page.goto(f"{site_url}interviewer/{role.id}/{round_.id}/")
            stated = int(
                re.search(r"prints on at most (\d+) page", page.locator(".guide-interviewer-lede").inner_text())[1]
            )
            counts = {paper: pdf_pages(page.pdf(format=paper, print_background=True)) for paper in PAPER}
            if max(counts.values()) > stated or stated > max(counts.values()) + 1:
                wrong.append(f"{role.id}/{round_.id}: states {stated}, prints {counts}")
    assert wrong == []
    context.close()
