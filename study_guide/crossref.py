"""Checks that span files: unique ids, references that resolve, nothing orphaned.

Each rule is a small function with one job; its docstring states the rule. `RULES` lists
them all and `check` runs every one, so a new rule is one function and one line in the list
(tests/test_rules.py then asks for a fixture that breaks it).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from pydantic import BaseModel

from . import anchors, company_figures, estimates, paths
from .errors import Loc, Problem
from .model import Cited, Guide, Topic

Where = tuple[str, str | None]
# What a rule reports: the file (kind, id), the field inside it, and the message.
Finding = tuple[Where, Loc, str]


class Locator(Protocol):
    def problem(self, where: Where, loc: Loc, message: str) -> Problem: ...


@dataclass(frozen=True)
class Context:
    """What a rule may look at: the whole guide, the project folder, and a way to name a location."""

    guide: Guide
    locate: Locator
    project_root: Path | None = None


Rule = Callable[[Context], Iterable[Finding]]


def walk(item: Any, loc: Loc = ()) -> Iterator[tuple[Loc, BaseModel]]:
    """Every pydantic model inside `item`, with its location."""
    if isinstance(item, BaseModel):
        yield loc, item
        for name in type(item).model_fields:
            yield from walk(getattr(item, name), (*loc, name))
    elif isinstance(item, list):
        for index, child in enumerate(item):
            yield from walk(child, (*loc, index))


def documents(guide: Guide) -> Iterator[tuple[Where, Loc, Any]]:
    """Each data file's top item, with where it lives."""
    yield ("company.yaml", None), (), guide.company
    for index, source in enumerate(guide.sources):
        yield ("sources.yaml", None), (index,), source
    for index, framework in enumerate(guide.frameworks):
        yield ("frameworks.yaml", None), (index,), framework
    for index, term in enumerate(guide.glossary):
        yield ("glossary.yaml", None), (index,), term
    for role in guide.roles:
        yield ("roles", role.id), (), role
    for topic in guide.topics:
        yield ("topics", topic.id), (), topic


def _topic_ids(guide: Guide) -> set[str]:
    return {t.id for t in guide.topics}


def _question_ids(guide: Guide) -> set[str]:
    return {q.id for t in guide.topics for q in t.questions}


# --- Rules ------------------------------------------------------------------------------------


def unique_ids(ctx: Context) -> Iterator[Finding]:
    """Ids are unique within their kind across all files, ignoring case (they become file names and anchors)."""
    guide = ctx.guide
    kinds: dict[str, list[tuple[Where, Loc, str]]] = {
        "role": [(("roles", r.id), ("id",), r.id) for r in guide.roles],
        "topic": [(("topics", t.id), ("id",), t.id) for t in guide.topics],
        "question": [
            (("topics", t.id), ("questions", i, "id"), q.id) for t in guide.topics for i, q in enumerate(t.questions)
        ],
        "framework": [(("frameworks.yaml", None), (i, "id"), f.id) for i, f in enumerate(guide.frameworks)],
        "source": [(("sources.yaml", None), (i, "id"), s.id) for i, s in enumerate(guide.sources)],
        "glossary term": [(("glossary.yaml", None), (i, "term"), g.term) for i, g in enumerate(guide.glossary)],
    }
    for kind, entries in kinds.items():
        first: dict[str, tuple[Where, Loc]] = {}
        for where, loc, item_id in entries:
            key = item_id.lower()
            if key in first:
                earlier = ctx.locate.problem(*first[key], "")
                at = f"{earlier.file}:{earlier.line}" if earlier.line else str(earlier.file)
                yield where, loc, f"duplicate {kind} id '{item_id}' (first defined at {at})"
            else:
                first[key] = (where, loc)


def question_ids_apart_from_topic_ids(ctx: Context) -> Iterator[Finding]:
    """No question id is also a topic id: both are anchors on the question bank page."""
    topic_ids = _topic_ids(ctx.guide)
    for topic in ctx.guide.topics:
        for index, question in enumerate(topic.questions):
            if question.id in topic_ids:
                yield (
                    ("topics", topic.id),
                    ("questions", index, "id"),
                    f"question id '{question.id}' is also a topic id; anchors would clash",
                )


def unique_round_ids(ctx: Context) -> Iterator[Finding]:
    """Round ids are unique within their role."""
    for role in ctx.guide.roles:
        seen: set[str] = set()
        for index, round_ in enumerate(role.rounds):
            if round_.id in seen:
                yield ("roles", role.id), ("rounds", index, "id"), f"duplicate round id '{round_.id}' in this role"
            seen.add(round_.id)


def round_ids_apart_from_topic_and_question_ids(ctx: Context) -> Iterator[Finding]:
    """No round id is also a topic or question id: all three are anchors on the role page."""
    taken = _topic_ids(ctx.guide) | _question_ids(ctx.guide)
    for role in ctx.guide.roles:
        for index, round_ in enumerate(role.rounds):
            if round_.id in taken:
                yield (
                    ("roles", role.id),
                    ("rounds", index, "id"),
                    f"round id '{round_.id}' is also a topic or question id; anchors would clash",
                )


def role_ids_apart_from_topic_and_question_ids(ctx: Context) -> Iterator[Finding]:
    """No role id is also a topic or question id: all three are anchors on the question bank page."""
    role_ids = {role.id for role in ctx.guide.roles}
    for topic in ctx.guide.topics:
        if topic.id in role_ids:
            yield ("topics", topic.id), ("id",), f"topic id '{topic.id}' is also a role id; anchors would clash"
        for index, question in enumerate(topic.questions):
            if question.id in role_ids:
                yield (
                    ("topics", topic.id),
                    ("questions", index, "id"),
                    f"question id '{question.id}' is also a role id; anchors would clash",
                )


def known_focus_topics(ctx: Context) -> Iterator[Finding]:
    """Every focus topic of a round names a topic in data/topics/."""
    topic_ids = _topic_ids(ctx.guide)
    for role in ctx.guide.roles:
        for r_index, round_ in enumerate(role.rounds):
            for t_index, topic_id in enumerate(round_.focus_topics):
                if topic_id not in topic_ids:
                    yield (
                        ("roles", role.id),
                        ("rounds", r_index, "focus_topics", t_index),
                        _unknown("topic", topic_id, topic_ids, "data/topics/"),
                    )


def topic_in_one_round_per_role(ctx: Context) -> Iterator[Finding]:
    """A topic is the focus of at most one round of a role, so its questions appear once on the role page."""
    topic_ids = _topic_ids(ctx.guide)
    for role in ctx.guide.roles:
        owner: dict[str, str] = {}
        for r_index, round_ in enumerate(role.rounds):
            for t_index, topic_id in enumerate(round_.focus_topics):
                if topic_id not in topic_ids:
                    continue  # known_focus_topics reports it
                if topic_id in owner:
                    yield (
                        ("roles", role.id),
                        ("rounds", r_index, "focus_topics", t_index),
                        f"topic '{topic_id}' is already a focus of round '{owner[topic_id]}' in this role",
                    )
                else:
                    owner[topic_id] = round_.id


def known_frameworks(ctx: Context) -> Iterator[Finding]:
    """Every framework a round or a question's guidance names is in data/frameworks.yaml."""
    framework_ids = {f.id for f in ctx.guide.frameworks}

    def unknown(framework_id: str) -> str:
        return _unknown("framework", framework_id, framework_ids, "data/frameworks.yaml")

    for role in ctx.guide.roles:
        for r_index, round_ in enumerate(role.rounds):
            for f_index, framework_id in enumerate(round_.frameworks):
                if framework_id not in framework_ids:
                    yield ("roles", role.id), ("rounds", r_index, "frameworks", f_index), unknown(framework_id)
    for topic in ctx.guide.topics:
        for q_index, question in enumerate(topic.questions):
            framework_id = question.guidance.framework
            if framework_id is not None and framework_id not in framework_ids:
                yield ("topics", topic.id), ("questions", q_index, "guidance", "framework"), unknown(framework_id)


def unique_worked_example_ids(ctx: Context) -> Iterator[Finding]:
    """Worked example ids are unique within their role."""
    for role in ctx.guide.roles:
        seen: set[str] = set()
        for index, example in enumerate(role.worked_examples):
            if example.id in seen:
                loc = ("worked_examples", index, "id")
                yield ("roles", role.id), loc, f"duplicate worked example id '{example.id}'"
            seen.add(example.id)


def unique_story_theme_ids(ctx: Context) -> Iterator[Finding]:
    """Story theme ids are unique within their role (stories are tagged with them)."""
    for role in ctx.guide.roles:
        seen: set[str] = set()
        for index, theme in enumerate(role.story_themes):
            if theme.id in seen:
                yield ("roles", role.id), ("story_themes", index, "id"), f"duplicate story theme id '{theme.id}'"
            seen.add(theme.id)


def worked_example_ids_apart_from_page_ids(ctx: Context) -> Iterator[Finding]:
    """No worked example id is also a round, topic or question id: all are anchors on the role page."""
    topic_and_question_ids = _topic_ids(ctx.guide) | _question_ids(ctx.guide)
    for role in ctx.guide.roles:
        page_ids = {r.id for r in role.rounds} | topic_and_question_ids
        for index, example in enumerate(role.worked_examples):
            if example.id in page_ids:
                yield (
                    ("roles", role.id),
                    ("worked_examples", index, "id"),
                    f"worked example id '{example.id}' is also a round, topic or question id; anchors would clash",
                )


def topics_in_some_round(ctx: Context) -> Iterator[Finding]:
    """Every topic is a focus of some round; otherwise no role page would show it."""
    used = {topic_id for role in ctx.guide.roles for r in role.rounds for topic_id in r.focus_topics}
    for topic in ctx.guide.topics:
        if topic.id not in used:
            yield ("topics", topic.id), ("id",), "topic is not a focus of any round; add it to a round or delete it"


def _citations(guide: Guide) -> Iterator[tuple[Where, Loc, str]]:
    """(where, loc of the citation, source id) for every `sources` entry of every item."""
    for where, base, document in documents(guide):
        for loc, item in walk(document, base):
            if isinstance(item, Cited):
                for index, source_id in enumerate(item.sources):
                    yield where, (*loc, "sources", index), source_id


def known_sources(ctx: Context) -> Iterator[Finding]:
    """Every cited source is in data/sources.yaml."""
    source_ids = {s.id for s in ctx.guide.sources}
    for where, loc, source_id in _citations(ctx.guide):
        if source_id not in source_ids:
            yield where, loc, _unknown("source", source_id, source_ids, "data/sources.yaml")


def sources_cited(ctx: Context) -> Iterator[Finding]:
    """Every source in data/sources.yaml is cited by at least one item."""
    cited = {source_id for _, _, source_id in _citations(ctx.guide)}
    for index, source in enumerate(ctx.guide.sources):
        if source.id not in cited:
            yield ("sources.yaml", None), (index, "id"), f"source '{source.id}' is never cited by any item"


EXAMPLES_DIR = "examples"
MAX_CODE_FILE_BYTES = 200_000


def code_files_inside_examples(ctx: Context) -> Iterator[Finding]:
    """Every `code_file` is a regular, readable UTF-8 file inside examples/, after symbolic links.

    The model already allows only `examples/<name>.py|.sql` (no absolute path, no `..`);
    resolving links here means one cannot lead the build to a file outside.
    """
    if ctx.project_root is None:
        return
    examples = (ctx.project_root / EXAMPLES_DIR).resolve()
    for where, base, document in documents(ctx.guide):
        for loc, item in walk(document, base):
            relative = getattr(item, "code_file", None)
            if relative:
                message = _code_file_problem(ctx.project_root / relative, examples)
                if message:
                    yield where, (*loc, "code_file"), f"'{relative}' {message}"


def reserved_anchors(ctx: Context) -> Iterator[Finding]:
    """No data id takes an anchor a role page template reserves for its own section (see anchors.py)."""
    yield from anchors.findings(ctx.guide)


def questions_asked_in_the_roles_they_name(ctx: Context) -> Iterator[Finding]:
    """A prompt that addresses a candidate for one role (a phrase in its `prompt_names`) is asked only
    in that role's rounds: a question written for another role is not shown, planned or exported there."""
    asked = {topic_id: {p.role for p in where} for topic_id, where in paths.placements(ctx.guide).items()}
    for topic in ctx.guide.topics:
        for index, question in enumerate(topic.questions):
            prompt = " ".join(question.prompt.split()).casefold()
            addressed = {
                role.id: name
                for role in ctx.guide.roles
                for name in role.prompt_names
                if " ".join(name.split()).casefold() in prompt
            }
            others = sorted(asked.get(topic.id, set()) - set(addressed))
            if addressed and others:
                phrase = next(iter(addressed.values()))
                yield (
                    ("topics", topic.id),
                    ("questions", index, "prompt"),
                    f"the prompt addresses a candidate for another role ('{phrase}'), but topic "
                    f"'{topic.id}' is also asked in {', '.join(others)}; move the question to a topic "
                    "only the roles it addresses ask, or reword it",
                )


def signal_rounds_of_the_role(ctx: Context) -> Iterator[Finding]:
    """The rounds a signal is weighed in are rounds of its own role."""
    for role in ctx.guide.roles:
        round_ids = {r.id for r in role.rounds}
        for s_index, signal in enumerate(role.signals):
            for r_index, round_id in enumerate(signal.rounds):
                if round_id not in round_ids:
                    yield (
                        ("roles", role.id),
                        ("signals", s_index, "rounds", r_index),
                        _unknown("round", round_id, round_ids, f"the rounds of role '{role.id}'"),
                    )


def _estimates(guide: Guide) -> Iterator[tuple[Where, Loc, Any, estimates.Computed]]:
    """(where, loc of the estimate, question, computed) for every question that has an estimate."""
    for topic in guide.topics:
        for index, question in enumerate(topic.questions):
            if question.guidance.estimate is not None:
                loc = ("questions", index, "guidance", "estimate")
                yield ("topics", topic.id), loc, question, estimates.evaluate(question.guidance.estimate)


def estimates_compute(ctx: Context) -> Iterator[Finding]:
    """Every estimate computes: formulas parse, use only inputs and quantities above them, and units
    exist and match (estimates.py)."""
    for where, loc, _question, computed in _estimates(ctx.guide):
        for field, message in computed.problems:
            yield where, (*loc, *field), message


def estimates_stated_in_answer(ctx: Context) -> Iterator[Finding]:
    """A model answer states each derived figure of its estimate as computed (rounded to the figure's
    own precision), unless the quantity is marked `in_answer: false`, and each statistic's figure."""
    for where, loc, question, computed in _estimates(ctx.guide):
        if computed.problems:
            continue  # estimates_compute reports them
        answer = question.guidance.example or ""
        for index, row in enumerate(computed.rows[len(question.guidance.estimate.inputs) :]):
            if row.in_answer and not estimates.states(answer, row):
                yield (
                    where,
                    (*loc, "derived", index),
                    f"'{row.name}' works out at {row.value}, but the model answer (guidance.example) never "
                    "states that figure; correct the answer, or set in_answer: false for a step only the "
                    "table shows",
                )
        for index, statistic in enumerate(question.guidance.estimate.statistics):
            stated = estimates.Row("", statistic.label, "", float(statistic.stated), 2)
            if not estimates.states(answer, stated):
                yield (
                    where,
                    (*loc, "statistics", index, "stated"),
                    f"'{statistic.label}' is {statistic.stated:,g} here, but the model answer (guidance.example) "
                    "never states that figure",
                )


def _texts(item: Any, loc: Loc, cited: frozenset[str] = frozenset()) -> Iterator[tuple[Loc, str, frozenset[str]]]:
    """Every text value inside `item` (a model or a list), in walk()'s order, with its location and the
    sources cited by its own item and the items above it."""
    if isinstance(item, list):
        for index, child in enumerate(item):
            yield from _texts(child, (*loc, index), cited)
        return
    if not isinstance(item, BaseModel):
        return
    own = getattr(item, "sources", None)
    if isinstance(own, list):
        cited = cited | frozenset(own)
    values = [(name, getattr(item, name)) for name in type(item).model_fields]
    for name, value in values:
        if isinstance(value, str):
            yield (*loc, name), value, cited
        elif isinstance(value, list):
            yield from (((*loc, name, i), text, cited) for i, text in enumerate(value) if isinstance(text, str))
    for name, value in values:
        if isinstance(value, (BaseModel, list)):
            yield from _texts(value, (*loc, name), cited)


def company_figures_sourced_or_assumed(ctx: Context) -> Iterator[Finding]:
    """A company-scale figure in any text ('600 M listeners') is one company.yaml or a role's key_figures
    gives, or is marked as an assumption in its paragraph or by the question's estimate (company_figures.py)."""
    known = company_figures.sourced(ctx.guide)
    for where, base, document in documents(ctx.guide):
        if where[0] == "company.yaml":
            continue  # where the known figures come from
        parts = (
            [
                (("questions", i), q, company_figures.assumed_in(q.guidance.estimate))
                for i, q in enumerate(document.questions)
            ]
            if isinstance(document, Topic)
            else [(base, document, set())]
        )
        for loc, item, assumed in parts:
            for at, text, _ in _texts(item, loc):
                for found, start in company_figures.company_figures(text):
                    if found.value in known | assumed or company_figures.marked(text, start):
                        continue
                    yield (
                        where,
                        at,
                        f"'{found.text}' is a company figure that company.yaml and the roles' key_figures do not "
                        "give; cite it there, or mark it as an assumption in its paragraph ('assume', 'my "
                        "assumption', '(mine)') or as an assumed input of the question's estimate",
                    )


def _dated_documents(guide: Guide) -> Iterator[tuple[Where, Loc, Any]]:
    """The documents whose text is checked for company dates and attributions: all but company.yaml and
    sources.yaml, where the dates and publishers are recorded."""
    return (
        (where, base, doc) for where, base, doc in documents(guide) if where[0] not in {"company.yaml", "sources.yaml"}
    )


def company_dates_sourced_or_assumed(ctx: Context) -> Iterator[Finding]:
    """A year dating something about the company ('remote since 2021') is one company.yaml, a role's key
    figures or compensation, or a source's date gives, cited by the text's item or one above it; or it
    is marked as an assumption (company_figures.py)."""
    given = company_figures.sourced_years(ctx.guide)
    for where, base, document in _dated_documents(ctx.guide):
        for at, text, cited in _texts(document, base):
            for year, start in company_figures.company_years(text):
                if company_figures.marked(text, start) or given.get(year, set()) & cited:
                    continue
                if year in given:
                    message = (
                        f"{year} is a company date given by {', '.join(sorted(given[year]))}, which this text does "
                        "not cite; cite one of them in its item's sources, or mark the year as an assumption"
                    )
                else:
                    message = (
                        f"{year} is a company date that company.yaml, the roles' key_figures and sources.yaml do "
                        "not give; correct it from a source and cite it there, or mark it as an assumption in its "
                        "paragraph ('assume', 'my assumption', '(mine)')"
                    )
                yield where, at, message


def spotify_statements_attributed(ctx: Context) -> Iterator[Finding]:
    """A statement attributed to Spotify ('Spotify says', 'according to Spotify') cites a source Spotify
    published (sources.yaml publisher_is_spotify) or says in its sentence whose account it is."""
    own = {source.id for source in ctx.guide.sources if source.publisher_is_spotify}
    for where, base, document in _dated_documents(ctx.guide):
        for at, text, cited in _texts(document, base):
            if cited & own:
                continue
            for phrase, _ in company_figures.attributions(text):
                yield (
                    where,
                    at,
                    f"'{phrase}' attributes a statement to Spotify, but no source it cites is Spotify's own "
                    "(publisher_is_spotify in sources.yaml); say in the sentence whose account it is ('the "
                    "general overview says', 'interview guides describe'), or cite a source Spotify published",
                )


RULES: tuple[Rule, ...] = (
    unique_ids,
    question_ids_apart_from_topic_ids,
    unique_round_ids,
    round_ids_apart_from_topic_and_question_ids,
    role_ids_apart_from_topic_and_question_ids,
    known_focus_topics,
    topic_in_one_round_per_role,
    known_frameworks,
    unique_worked_example_ids,
    unique_story_theme_ids,
    worked_example_ids_apart_from_page_ids,
    topics_in_some_round,
    known_sources,
    sources_cited,
    code_files_inside_examples,
    reserved_anchors,
    questions_asked_in_the_roles_they_name,
    signal_rounds_of_the_role,
    estimates_compute,
    estimates_stated_in_answer,
    company_figures_sourced_or_assumed,
    company_dates_sourced_or_assumed,
    spotify_statements_attributed,
)


def check(guide: Guide, locate: Locator, project_root: Path | None = None) -> list[Problem]:
    """Run every rule in RULES; one problem per finding."""
    ctx = Context(guide, locate, project_root)
    return [locate.problem(where, loc, message) for rule in RULES for where, loc, message in rule(ctx)]


def _code_file_problem(path: Path, examples: Path) -> str | None:
    try:
        resolved = path.resolve(strict=True)
    except FileNotFoundError:
        return f"does not exist; add the file under {EXAMPLES_DIR}/ or fix the path"
    except (OSError, RuntimeError) as exc:  # a symlink loop, a path we may not read
        return f"cannot be opened: {exc.strerror or exc}"
    if not resolved.is_relative_to(examples):
        return f"leads outside {EXAMPLES_DIR}/ through a symbolic link"
    if not resolved.is_file():
        return "is not a regular file"
    try:
        if resolved.stat().st_size > MAX_CODE_FILE_BYTES:
            return f"is larger than {MAX_CODE_FILE_BYTES // 1000} kB"
        resolved.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return "is not UTF-8 text"
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    return None


def _unknown(kind: str, value: str, known: set[str], home: str) -> str:
    hint = difflib.get_close_matches(value, sorted(known), n=1)
    did_you_mean = f"; did you mean '{hint[0]}'?" if hint else ""
    return f"unknown {kind} '{value}': no such id in {home}{did_you_mean}"
