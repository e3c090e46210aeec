"""Which pages of the site belong to which role, for role-aware search.

On a role's pages the search dialog lists that role's results first (docs/assets/search-roles.js).
The browser only applies this map; which pages are a role's is decided here, from the data: the
role's own page and cheat sheet, the page of every topic a round of the role lists
(`paths.placements`), and those topics' sections on the shared Topics and Questions pages.
Written after the build as search/roles.json.
"""

from __future__ import annotations

import json
from pathlib import Path

from study_guide import paths
from study_guide.model import Guide

FILE = "search/roles.json"


def role_pages(guide: Guide) -> dict[str, object]:
    """{"roles": [{id, label, own, pages}]}: URLs relative to the site root, an anchor for a section
    of a shared page. `own`: the role's own pages (on them the role is the current one); `pages`:
    every page or section that belongs to the role, its own pages first. Roles in data order."""
    topics_of: dict[str, list[str]] = {role.id: [] for role in guide.roles}
    for topic_id, where in paths.placements(guide).items():
        for role_id in dict.fromkeys(placement.role for placement in where):
            topics_of[role_id].append(topic_id)
    roles = []
    for role in guide.roles:
        own = [paths.site_url(paths.role_page(role)), paths.site_url(paths.cheatsheet_page(role))]
        pages = list(own)
        for topic_id in topics_of[role.id]:
            pages += [
                paths.site_url(paths.topic_page(topic_id)),
                paths.site_url(paths.TOPICS_PAGE, topic_id),
                paths.site_url(paths.QUESTIONS_PAGE, topic_id),
            ]
        roles.append({"id": role.id, "label": role.short_title, "own": own, "pages": pages})
    return {"roles": roles}


def write(guide: Guide, site_dir: Path) -> None:
    target = site_dir / FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(role_pages(guide), separators=(",", ":")), encoding="utf-8")
