"""Where each entity lives on the site: one place decides page paths and anchors.

Data ids are anchors (a round, topic or question id is its heading's or block's id). The
templates' own headings take their anchors from the maps below, and study_guide/anchors.py
rejects a data id that would repeat one of them on the same page.

Paths are relative to the site root and end in '/' (use_directory_urls), so they
work unchanged when the site is served under a sub-path such as /<repo>/.
"""

from __future__ import annotations

from urllib.parse import urlencode

from pydantic import BaseModel, ConfigDict

from .model import Guide, Question, Role, Round, Topic

ROLES_DIR = "roles"
# The topic library lists every topic; each topic's own page (topics/<id>/) holds its questions
# with their guidance, anchored by question id.
TOPICS_PAGE = "topics.md"
TOPICS_DIR = "topics"
# The question bank lists every prompt (anchored by question id) and links to its topic page.
QUESTIONS_PAGE = "questions.md"
FRAMEWORKS_PAGE = "frameworks.md"
SOURCES_PAGE = "sources.md"
CHEATSHEETS_DIR = "cheatsheets"
# One printable interviewer sheet per round: interviewer/<role id>/<round id>/.
INTERVIEWER_DIR = "interviewer"
DOWNLOADS_PAGE = "downloads.md"
# The study tools, whose URLs the browser takes from guide.json (or, on reading pages, from the page).
TOOL_PAGES = {
    "practice": "practice.md",
    "mock": "mock.md",
    "plan": "plan.md",
    "progress": "progress.md",
    "stories": "stories.md",
}


def _anchors(*names: str) -> dict[str, str]:
    """Anchors by a name templates can write as an attribute: 'key-figures' is `key_figures`."""
    return {name.replace("-", "_"): name for name in names}


# Headings each template anchors itself (templates read them as `anchors.role.loop` etc.).
ANCHORS: dict[str, dict[str, str]] = {
    "role": _anchors(
        "loop",
        "checklist",
        "about",
        "compensation",
        "signals",
        "story-themes",
        "key-figures",
        "mistakes",
        "worked-examples",
        "faq",
    ),
    "cheatsheet": _anchors("rounds", "frameworks", "signals", "key-figures", "checklist"),
    "downloads": _anchors("anki", "import", "data", "cheat-sheets", "interviewer-sheets", "offline"),
    "company": _anchors(
        "hiring-process",
        "bands",
        "culture",
        "work-model",
        "tech-stack",
        "products",
        "engineering-blog",
        "preparation",
        "discrepancies",
        "faq",
    ),
}


# Names taken by the site, the study tools and the downloads, which no data id may use.
# Pages: "index" is a folder's own page (topics/index.md would replace the topic library's URL).
# Study tools: they key question, role and round ids in JavaScript objects, where "constructor"
# is a built-in property (the only one a kebab-case id can spell), and give their own elements
# DOM ids starting "sisg-" (a question anchored at one would hide it). Downloads: "all-roles" is
# the deck holding every role's questions (downloads/entries.py).
ALL_ROLES_DECK = "all-roles"
RESERVED_IDS: dict[str, str] = {
    "index": "a folder's own page is index",
    "constructor": "the study tools' scripts use it as a built-in property name",
    ALL_ROLES_DECK: f"the Anki deck with every role's questions is named {ALL_ROLES_DECK}",
}
RESERVED_ID_PREFIXES: dict[str, str] = {"sisg-": "the study tools give their own elements ids starting sisg-"}


def reserved_id(value: str) -> str | None:
    """Why `value` may not be a data id, or None."""
    if value in RESERVED_IDS:
        return RESERVED_IDS[value]
    return next((why for prefix, why in RESERVED_ID_PREFIXES.items() if value.startswith(prefix)), None)


def reserved_role_anchors() -> set[str]:
    """Ids a role page gives its own headings: no round, topic, question or worked example may use one."""
    return set(ANCHORS["role"].values())


class Placement(BaseModel):
    """One place a topic is asked: a round of a role."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    role: str
    round: str


def role_page(role: Role | str) -> str:
    role_id = role if isinstance(role, str) else role.id
    return f"{ROLES_DIR}/{role_id}.md"


def topic_page(topic: Topic | str) -> str:
    topic_id = topic if isinstance(topic, str) else topic.id
    return f"{TOPICS_DIR}/{topic_id}.md"


def cheatsheet_page(role: Role | str) -> str:
    role_id = role if isinstance(role, str) else role.id
    return f"{CHEATSHEETS_DIR}/{role_id}.md"


def interviewer_page(role: Role | str, round_: Round | str) -> str:
    role_id = role if isinstance(role, str) else role.id
    round_id = round_ if isinstance(round_, str) else round_.id
    return f"{INTERVIEWER_DIR}/{role_id}/{round_id}.md"


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
    return site_url(topic_page(topic))


def question_url(question: Question, topic: Topic) -> str:
    """A question's home: its topic page, at its id."""
    return site_url(topic_page(topic), question.id)


def practice_query(role: Role | str, topic: Topic | str | None = None) -> str:
    """The practice page's query for one role (and topic): `role=<role id>&topic=<topic id>`.

    Topic pages link to the practice page with it; the practice page reads `role` (and, once its
    own filters support it, `topic`) from its address.
    """
    params = {"role": role if isinstance(role, str) else role.id}
    if topic is not None:
        params["topic"] = topic if isinstance(topic, str) else topic.id
    return urlencode(params)


def plan_query(role: Role | str) -> str:
    """The study plan's query for one role: `role=<role id>` (role pages link to it)."""
    return urlencode({"role": role if isinstance(role, str) else role.id})


def mock_query(role: Role | str, round_: Round | str | None = None) -> str:
    """The mock round page's query: `role=<role id>&round=<round id>` (role pages link to it)."""
    params = {"role": role if isinstance(role, str) else role.id}
    if round_ is not None:
        params["round"] = round_ if isinstance(round_, str) else round_.id
    return urlencode(params)


def role_query(role: Role | str) -> str:
    """A study tool's query for one role: `role=<role id>` (the story bank reads it)."""
    return urlencode({"role": role if isinstance(role, str) else role.id})


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
