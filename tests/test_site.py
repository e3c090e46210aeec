"""Whole-site checks on the real data, built once with `mkdocs build --strict`."""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.yaml import yaml_load

from study_guide.export import GuideExport
from study_guide.load import load_guide

from .conftest import ROOT, SITE_URL, copy_project, mkdocs_build
from .sitecheck import html_pages, resolve

GUIDE = load_guide(ROOT / "data")
BASE_PATH = urlsplit(SITE_URL).path


@pytest.fixture(scope="module")
def pages(built_site):
    return html_pages(built_site)


def test_every_internal_link_and_anchor_resolves(built_site, pages):
    broken = []
    for page, info in pages.items():
        for link in info.links:
            if link.startswith(("mailto:", "tel:", "data:")):
                continue
            resolved = resolve(page, link, BASE_PATH)
            if resolved is None:
                continue
            target, fragment = resolved
            if not (built_site / target).is_file():
                broken.append(f"{page}: {link} -> missing {target}")
            elif fragment and target in pages and fragment not in pages[target].ids:
                broken.append(f"{page}: {link} -> no #{fragment} in {target}")
    assert broken == []


def test_links_work_under_a_sub_path(pages):
    # GitHub Pages serves a project site at /<repo>/: a root-absolute link would escape it.
    # Only the 404 page, served at any depth, needs them, and they start with the sub-path.
    absolute = [
        (page, link)
        for page, info in pages.items()
        for link in info.links
        if link.startswith("/") and (page != "404.html" or not link.startswith(BASE_PATH))
    ]
    assert absolute == []


def test_external_links_are_well_formed_and_listed(pages, record_property):
    external = sorted(
        {link for info in pages.values() for link in info.links if urlsplit(link).scheme in {"http", "https"}}
    )
    malformed = [link for link in external if not urlsplit(link).netloc or " " in link]
    record_property("external_links", external)
    assert malformed == []


def test_nothing_is_fetched_from_another_origin(pages):
    # Stylesheets, scripts, fonts and images come from the site itself: no CDN or font requests.
    offsite = [
        f"{page}: {link}"
        for page, info in pages.items()
        for link in info.resources
        if urlsplit(link).scheme or link.startswith("//")
    ]
    assert offsite == []


def test_every_page_has_a_meta_description(pages):
    missing = [page for page, info in pages.items() if not info.meta.get("description") and page != "404.html"]
    assert missing == []


def test_404_page_exists(built_site):
    assert (built_site / "404.html").is_file()


def test_nothing_lost_between_data_html_search_and_json(built_site, pages):
    search = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    guide = json.loads((built_site / "guide.json").read_text(encoding="utf-8"))
    json_ids = {
        "role": {r["id"] for r in guide["roles"]},
        "round": {(r["id"], rd["id"]) for r in guide["roles"] for rd in r["rounds"]},
        "topic": {t["id"] for t in guide["topics"]},
        "question": {q["id"] for q in guide["questions"]},
    }
    prompts = {q["id"]: q["prompt_html"] for q in guide["questions"]}
    searched: dict[str, str] = {}  # topic id -> the words its page gives the search index
    for doc in json.loads(search)["docs"]:
        if doc["location"].startswith("topics/") and doc["location"].count("/") >= 2:
            topic_id = doc["location"].split("/")[1]
            searched[topic_id] = searched.get(topic_id, "") + " " + _words(doc["text"])
    missing = []
    bank = pages["questions/index.html"].ids
    library = pages["topics/index.html"].ids
    for role in GUIDE.roles:
        role_page = pages.get(f"roles/{role.id}/index.html")
        if role_page is None:
            missing.append(f"page for role {role.id}")
            continue
        if role.id not in json_ids["role"] or f"roles/{role.id}/" not in search:
            missing.append(f"role {role.id}")
        for round_ in role.rounds:
            if round_.id not in role_page.ids or (role.id, round_.id) not in json_ids["round"]:
                missing.append(f"round {role.id}#{round_.id}")
            if f"roles/{role.id}/#{round_.id}" not in search:
                missing.append(f"search: round {role.id}#{round_.id}")
            for topic in (t for t in GUIDE.topics if t.id in round_.focus_topics):
                # The topic and each of its prompts keep their anchors (old links to a question land on its prompt).
                missing += [f"{anchor} on {role.id}" for anchor in _ids(topic) if anchor not in role_page.ids]
    for topic in GUIDE.topics:
        # The library keeps an entry per topic, the bank a heading per topic and an entry per question.
        if topic.id not in library or topic.id not in json_ids["topic"] or f"topics/#{topic.id}" not in search:
            missing.append(f"topic {topic.id}")
        topic_page = pages.get(f"topics/{topic.id}/index.html")
        if topic_page is None or f'"location":"topics/{topic.id}/"' not in search:
            missing.append(f"page for topic {topic.id}")
            continue
        for question in topic.questions:
            if question.id not in bank or question.id not in json_ids["question"]:
                missing.append(f"question {question.id}")
            if question.id not in topic_page.ids or _words(prompts[question.id]) not in searched[topic.id]:
                missing.append(f"question {question.id} on its topic page")
    assert missing == []


def _words(html: str) -> str:
    """The words of an HTML fragment, as search reads them (tags dropped, entities decoded, spaces folded)."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _ids(topic) -> list[str]:
    return [topic.id, *(q.id for q in topic.questions)]


def test_each_question_is_shown_with_its_guidance_on_its_topic_page(built_site):
    guide = json.loads((built_site / "guide.json").read_text(encoding="utf-8"))
    missing = []
    for question in guide["questions"]:
        page, _, anchor = question["url"].partition("#")
        html = (built_site / page / "index.html").read_text(encoding="utf-8")
        block = re.search(rf'<details[^>]* id="{re.escape(anchor)}".*?</details>', html, re.DOTALL)
        labels = [section["label"] for section in question["sections"]] if "sections" in question else []
        if block is None or any(f"<strong>{label}</strong>" not in block.group(0) for label in labels):
            missing.append(question["id"])
    assert missing == []


def test_guide_json_holds_the_full_model(built_site):
    exported = GuideExport.model_validate_json((built_site / "guide.json").read_text(encoding="utf-8"))
    assert [r.id for r in exported.roles] == [r.id for r in GUIDE.roles]
    assert [t.id for t in exported.topics] == [t.id for t in GUIDE.topics]
    assert [q.id for q in exported.questions] == [q.id for t in GUIDE.topics for q in t.questions]
    assert [f.id for f in exported.frameworks] == [f.id for f in GUIDE.frameworks]
    assert [s.id for s in exported.sources] == [s.id for s in GUIDE.sources]
    assert exported.company == GUIDE.company
    schema = json.loads((built_site / "guide.schema.json").read_text(encoding="utf-8"))
    assert schema["title"] == "GuideExport"


def test_role_pages_edit_their_yaml(pages):
    with open(ROOT / "mkdocs.yml", "rb") as f:
        edit_uri = yaml_load(f)["edit_uri"].strip("/")
    for role in GUIDE.roles:
        links = pages[f"roles/{role.id}/index.html"].links
        assert any(link.endswith(f"/{edit_uri}/data/roles/{role.id}.yaml") for link in links), role.id


def test_no_page_shows_markup_as_text(built_site):
    # Tags and links the templates write must reach the page as HTML, not as escaped text.
    escaped = [str(p.relative_to(built_site)) for p in built_site.rglob("*.html") if "&lt;span class=" in p.read_text()]
    assert escaped == []


def test_no_page_repeats_an_id(pages):
    repeated = {page: info.repeated_ids for page, info in pages.items() if info.repeated_ids}
    assert repeated == {}


def test_a_copied_role_file_gets_its_own_listed_page(tmp_path):
    project = copy_project(tmp_path / "project")
    source = next((project / "data" / "roles").glob("*.yaml"))
    text = source.read_text(encoding="utf-8")
    original_id = re.search(r"^id: (\S+)$", text, re.MULTILINE).group(1)
    copy = text.replace(f"id: {original_id}", "id: copied-role", 1).replace("short_title: ", "short_title: Copy of ", 1)
    (project / "data" / "roles" / "copied-role.yaml").write_text(copy, encoding="utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert (site / "roles" / "copied-role" / "index.html").is_file()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="roles/copied-role/"' in home  # listed on the home page and in the navigation
    roles_index = (site / "roles" / "index.html").read_text(encoding="utf-8")
    assert 'href="copied-role/"' in roles_index
    guide = json.loads((site / "guide.json").read_text(encoding="utf-8"))
    assert "copied-role" in {r["id"] for r in guide["roles"]}


def test_no_page_has_a_script_that_blocks_the_first_paint(built_site):
    """Every script file is deferred, Material's bundle included (overrides/main.html)."""

    class Scripts(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.blocking: list[str] = []
            self.bundles = 0

        def handle_starttag(self, tag, attrs):
            values = dict(attrs)
            if tag == "script" and values.get("src"):
                self.bundles += "/javascripts/bundle." in values["src"]
                if "defer" not in values and "async" not in values:
                    self.blocking.append(values["src"])

    blocking, with_bundle = [], 0
    for page in sorted(built_site.rglob("*.html")):
        scripts = Scripts()
        scripts.feed(page.read_text(encoding="utf-8"))
        with_bundle += scripts.bundles
        blocking += [f"{page.relative_to(built_site)}: {src}" for src in scripts.blocking]
    assert with_bundle >= len(GUIDE.roles)  # the check saw Material's pages
    assert blocking == []


ROLE_PAGES = {f"roles/{role.id}/index.html": role for role in GUIDE.roles}
LONG_PAGES = [*ROLE_PAGES, "questions/index.html", "topics/index.html"]


def _soup(built_site, page: str) -> BeautifulSoup:
    return BeautifulSoup((built_site / page).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("page", LONG_PAGES)
def test_long_pages_put_their_lists_in_sections_a_phone_may_skip(built_site, page):
    """Prompt lists and topic entries sit in `.guide-deferred`s (content-visibility in guide.css):
    a phone styles and lays out only the ones near the screen when Material starts."""
    soup = _soup(built_site, page)
    if page == "topics/index.html":
        blocks = [soup.find(id=topic.id) for topic in GUIDE.topics]
    else:
        blocks = soup.select("article ul.guide-prompts")
    assert blocks and all(block is not None and block.find_parent(class_="guide-deferred") for block in blocks)


@pytest.mark.parametrize("page", LONG_PAGES)
def test_long_pages_list_only_their_sections_in_the_table_of_contents(built_site, page):
    """Front matter toc_depth: role pages list their h2 sections (rounds), the question bank its
    roles and the topic library nothing (it is a list of topics itself). Material draws the table
    twice, so every entry left out is elements a phone does not style at start-up."""
    soup = _soup(built_site, page)
    toc = [a["href"] for a in soup.select(".md-sidebar--secondary a.md-nav__link")]
    if page == "topics/index.html":
        assert toc == []
    elif page == "questions/index.html":
        assert toc == [f"#{role.id}" for role in GUIDE.roles]
    else:
        sections = [f"#{h2['id']}" for h2 in soup.select("article h2[id]")]
        assert toc == sections
        assert {f"#{r.id}" for r in ROLE_PAGES[page].rounds} <= set(toc)


def test_a_bad_toc_depth_stops_the_build_with_a_clear_message(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "topics.md"
    page.write_text(re.sub(r"^toc_depth: .*$", "toc_depth: two", page.read_text(encoding="utf-8"), flags=re.M))
    result = mkdocs_build(project)
    assert result.returncode != 0
    assert "page topics.md: front matter toc_depth: expected a heading level 1-6, got 'two'" in result.stderr
    assert "Traceback" not in result.stderr
