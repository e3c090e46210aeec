"""Reading pages as a candidate moves through them: topic pages lead on, role pages start with
what to do, cheat sheets say on paper what paper can do, and no page shows internal ids as prose.

Expectations are derived here from the data, independently of study_guide/render.py.
"""

from __future__ import annotations

import posixpath
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from study_guide.load import load_guide

from .conftest import ROOT

GUIDE = load_guide(ROOT / "data")
TOPICS = {topic.id: topic for topic in GUIDE.topics}


def soup(built_site, page: str) -> BeautifulSoup:
    return BeautifulSoup((built_site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def target(page: str, href: str) -> tuple[str, str, dict]:
    """Where a link on `page` (a site-relative folder such as 'topics/x/') leads: (folder, anchor, query)."""
    parts = urlsplit(href)
    folder = posixpath.normpath(posixpath.join(page, parts.path)) + "/" if parts.path else page
    return folder, parts.fragment, parse_qs(parts.query)


def loop_order(role) -> list[str]:
    return [topic_id for round_ in role.rounds for topic_id in round_.focus_topics]


def roles_asking(topic_id: str) -> list:
    return [role for role in GUIDE.roles if topic_id in loop_order(role)]


@pytest.mark.parametrize("topic", GUIDE.topics, ids=lambda t: t.id)
def test_a_topic_page_leads_to_the_topics_around_it_and_to_practice(built_site, topic):
    page = f"topics/{topic.id}/"
    html = soup(built_site, page)
    steps = {block["data-role"]: block for block in html.select(".guide-topic-step[data-role]")}
    assert list(steps) == [role.id for role in roles_asking(topic.id)]
    practise = [target(page, a["href"]) for a in html.select("a.guide-practise-topic")]
    assert practise == [("practice/", "", {"role": [role.id], "topic": [topic.id]}) for role in roles_asking(topic.id)]
    for role in roles_asking(topic.id):
        order = loop_order(role)
        here = order.index(topic.id)
        previous = target(page, steps[role.id].select_one("a.guide-topic-previous")["href"])
        following = target(page, steps[role.id].select_one("a.guide-topic-next")["href"])
        role_page = f"roles/{role.id}/"
        assert previous[:2] == ((f"topics/{order[here - 1]}/", "") if here else (role_page, "loop"))
        assert following[:2] == ((f"topics/{order[here + 1]}/", "") if here + 1 < len(order) else (role_page, ""))


@pytest.mark.parametrize("role", GUIDE.roles, ids=lambda r: r.id)
def test_a_role_page_starts_with_the_loop_the_plan_and_the_checklist(built_site, role):
    page = f"roles/{role.id}/"
    html = soup(built_site, page)
    article = html.select_one("article")
    start = article.select_one(".guide-start")
    links = {a.get_text(strip=True): target(page, a["href"]) for a in start.select("a")}
    assert links["Make a study plan"] == ("plan/", "", {"role": [role.id]})
    assert links["Preparation checklist"] == (page, "checklist", {})
    assert links["Practise"] == ("practice/", "", {"role": [role.id]})
    # Start here, the loop and the checklist come before where the guide's facts come from.
    order = [element.get("id") or "start" for element in article.select(".guide-start, h2[id]")]
    assert order[:4] == ["start", "loop", "checklist", "about"]
    rows = article.select(".guide-loop tbody tr")
    assert [row.select("td")[1].get_text(" ", strip=True).removesuffix(" (inferred)") for row in rows] == [
        " ".join(r.name.split()) for r in role.rounds
    ]
    header = [th.get_text(strip=True) for th in article.select(".guide-loop thead th")]
    assert header[-1] == "What it assesses"
    for row, round_ in zip(rows, role.rounds, strict=True):
        assessed = [target(page, a["href"])[0] for a in row.select("td")[-1].select("a")]
        assert assessed == [f"topics/{topic_id}/" for topic_id in round_.focus_topics]


@pytest.mark.parametrize("role", GUIDE.roles, ids=lambda r: r.id)
def test_a_cheat_sheet_says_on_paper_only_what_paper_can_do(built_site, role):
    html = soup(built_site, f"cheatsheets/{role.id}/")
    sheet = html.select_one(".guide-cheatsheet")
    for element in sheet.select(".guide-screen-only"):
        element.decompose()
    printed = sheet.get_text(" ", strip=True)
    for web_only in ("more on the", "role page", "below", "above", "click here", "Full guide"):
        assert web_only not in printed, web_only
    # Every sheet that shortens a list says so on paper too.
    shortened = [len(role.key_figures) > 8, len(role.checklist) > 6]
    assert len(sheet.select(".guide-print-only")) == sum(shortened)


def test_no_page_shows_a_question_id_as_prose(built_site):
    shown = []
    for topic in GUIDE.topics:
        html = soup(built_site, f"topics/{topic.id}/")
        for question in topic.questions:
            block = html.select_one(f"details[id='{question.id}']")
            if question.id in block.get_text(" ").split():
                shown.append(question.id)
            # The question keeps a link to itself (for copying), by its id.
            assert block.select_one(f"a[href='#{question.id}']") is not None, question.id
    assert shown == []


def test_the_home_page_names_the_search_keys(built_site):
    html = soup(built_site, "")
    text = html.select_one("article").get_text(" ")
    assert "++" not in text
    assert [kbd.get_text() for kbd in html.select("article kbd")] == ["/", "S"]
