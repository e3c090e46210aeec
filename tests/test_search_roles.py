"""The build's map of which pages belong to which role (study_guide/search_roles.py), which
role-aware search reads: every entry is a page or section of the built site, and each role's
topics are the ones its rounds list."""

from __future__ import annotations

import json
import re

from study_guide import paths, search_roles
from study_guide.load import load_guide

from .conftest import ROOT

GUIDE = load_guide(ROOT / "data")


def test_each_role_holds_its_pages_and_the_topics_its_rounds_list():
    roles = {role["id"]: role for role in search_roles.role_pages(GUIDE)["roles"]}
    assert list(roles) == [role.id for role in GUIDE.roles]
    for role in GUIDE.roles:
        entry = roles[role.id]
        assert entry["label"] == role.short_title
        assert entry["own"] == [paths.role_url(role), paths.site_url(paths.cheatsheet_page(role))]
        assert entry["pages"][: len(entry["own"])] == entry["own"]
        listed = {topic for round_ in role.rounds for topic in round_.focus_topics}
        topic_pages = {page.split("/")[1] for page in entry["pages"] if re.fullmatch(r"topics/[^/#]+/", page)}
        assert topic_pages == listed
        assert len(entry["pages"]) == len(set(entry["pages"]))


def test_every_entry_is_a_page_or_section_of_the_built_site(built_site):
    written = json.loads((built_site / search_roles.FILE).read_text(encoding="utf-8"))
    assert written == search_roles.role_pages(GUIDE)
    html: dict[str, str] = {}
    for role in written["roles"]:
        for entry in role["pages"]:
            page, _, anchor = entry.partition("#")
            if page not in html:
                html[page] = (built_site / page / "index.html").read_text(encoding="utf-8")
            if anchor:
                assert f'id="{anchor}"' in html[page], entry
