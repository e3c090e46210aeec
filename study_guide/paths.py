"""Where each entity lives on the site: one place decides page paths and anchors.

Paths are relative to the site root and end in '/' (use_directory_urls), so they
work unchanged when the site is served under a sub-path such as /<repo>/.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from .model import Guide, Question, Role, Round, Topic

ROLES_DIR = "roles"
TOPICS_PAGE = "topics.md"
QUESTIONS_PAGE = "questions.md"
FRAMEWORKS_PAGE = "frameworks.md"
SOURCES_PAGE = "sources.md"
CHEATSHEETS_DIR = "cheatsheets"
DOWNLOADS_PAGE = "downloads.md"
# The study tools, whose URLs the browser takes from guide.json (or, on reading pages, from the page).
TOOL_PAGES = {"practice": "practice.md", "plan": "plan.md", "progress": "progress.md"}


class Placement(BaseModel):
    """One place a topic is asked: a round of a role."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    role: str
    round: str


def role_page(role: Role | str) -> str:
    role_id = role if isinstance(role, str) else role.id
    return f"{ROLES_DIR}/{role_id}.md"


def cheatsheet_page(role: Role | str) -> str:
    role_id = role if isinstance(role, str) else role.id
    return f"{CHEATSHEETS_DIR}/{role_id}.md"


def site_url(page: str, anchor: str | None = None) -> str:
    """The URL of a page (and anchor), relative to the site root."""
    url = page.removesuffix("index.md").removesuffix(".md")
    if url and not url.endswith("/"):
        url += "/"
    return f"{url}#{anchor}" if anchor else url


def role_url(role: Role) -> str:
    return site_url(role_page(role))


def round_url(role: Role, round_: Round) -> str:
    return site_url(role_page(role), round_.id)


def topic_url(topic: Topic) -> str:
    return site_url(TOPICS_PAGE, topic.id)


def question_url(question: Question) -> str:
    return site_url(QUESTIONS_PAGE, question.id)


def tool_urls() -> dict[str, str]:
    return {name: site_url(page) for name, page in TOOL_PAGES.items()}


def placements(guide: Guide) -> dict[str, list[Placement]]:
    """topic id -> every (role, round) that lists it, in role and round order."""
    where: dict[str, list[Placement]] = {topic.id: [] for topic in guide.topics}
    for role in guide.roles:
        for round_ in role.rounds:
            for topic_id in round_.focus_topics:
                where.setdefault(topic_id, []).append(Placement(role=role.id, round=round_.id))
    return where
