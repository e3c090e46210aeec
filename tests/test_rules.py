"""One failing fixture per validation rule, each asserting its exact `file:line: field.path: message`.

The rules are read from the code, not listed here: every cross-file rule in `crossref.RULES`,
every validator a model class declares, and every validator attached to a field type (Text,
PlainText, Url, ExampleFile). A new rule without a fixture below fails
`test_every_rule_has_a_failing_fixture`. Each fixture breaks the valid fixture data in one way and
expects exactly the problems listed, so a rule that stops firing, fires twice or moves its
message elsewhere fails too.
"""

from __future__ import annotations

import inspect
import shutil
import typing
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pydantic import AfterValidator, BaseModel

from study_guide import crossref, model
from study_guide.errors import GuideDataError
from study_guide.load import load_guide
from study_guide.paths import reserved_role_anchors

from .conftest import FIXTURE_DATA
from .test_data_errors import edit, line_of

ROLE = "roles/example-role.yaml"
TOPIC = "topics/motivation.yaml"
SOURCES = "sources.yaml"
COMPANY = "company.yaml"


# --- The rules, as the code declares them ------------------------------------------------------


def _model_classes() -> Iterator[type[BaseModel]]:
    for value in vars(model).values():
        if inspect.isclass(value) and issubclass(value, BaseModel) and value.__module__ == model.__name__:
            yield value


def _after_validators(annotation: object) -> Iterator[Callable]:
    """Functions of the AfterValidators inside a (possibly nested, optional, list) annotation."""
    if typing.get_origin(annotation) is typing.Annotated:
        for meta in typing.get_args(annotation)[1:]:
            if isinstance(meta, AfterValidator):
                yield meta.func
    for arg in typing.get_args(annotation):
        yield from _after_validators(arg)


def declared_rules() -> set[str]:
    rules = {f"crossref.{rule.__name__}" for rule in crossref.RULES}
    for cls in _model_classes():
        decorators = cls.__pydantic_decorators__
        for name in {*decorators.model_validators, *decorators.field_validators}:
            if name in vars(cls):  # declared here, not inherited
                rules.add(f"{cls.__name__}.{name}")
        for field in cls.model_fields.values():
            for meta in field.metadata:
                if isinstance(meta, AfterValidator):
                    rules.add(f"type.{meta.func.__qualname__}")
            for func in _after_validators(field.annotation):
                rules.add(f"type.{func.__qualname__}")
    return rules


# --- One fixture per rule ----------------------------------------------------------------------

# rule -> function that breaks `data` in one way and returns the problems it expects
Breakage = Callable[[Path], list[str]]
FIXTURES: dict[str, Breakage] = {}


def breaks(rule: str) -> Callable[[Breakage], Breakage]:
    def register(fn: Breakage) -> Breakage:
        assert rule not in FIXTURES, f"two fixtures for {rule}"
        FIXTURES[rule] = fn
        return fn

    return register


def at(data: Path, relative: str, needle: str) -> str:
    """'data/<relative>:<line of needle>' as a problem names it."""
    return f"data/{relative}:{line_of(data, relative, needle)}"


WORKED_EXAMPLE = "  - {{id: {id}, title: An example, prompt: Do it?, answer: Like this.}}\n"


@breaks("crossref.unique_ids")
def _(data):
    edit(data, "topics/team-fit.yaml", "id: team-fit-first", "id: motivation-first")
    first = at(data, TOPIC, "id: motivation-first")
    return [
        f"{at(data, 'topics/team-fit.yaml', 'id: motivation-first')}: questions[0].id: "
        f"duplicate question id 'motivation-first' (first defined at {first})"
    ]


@breaks("crossref.question_ids_apart_from_topic_ids")
def _(data):
    edit(data, "topics/team-fit.yaml", "id: team-fit-first", "id: motivation")
    return [
        f"{at(data, 'topics/team-fit.yaml', '- id: motivation')}: questions[0].id: "
        "question id 'motivation' is also a topic id; anchors would clash"
    ]


@breaks("crossref.unique_round_ids")
def _(data):
    edit(data, ROLE, "  - id: technical", "  - id: screen")
    line = [n for n, text in enumerate((data / ROLE).read_text().splitlines(), 1) if text == "  - id: screen"][1]
    return [f"data/{ROLE}:{line}: rounds[1].id: duplicate round id 'screen' in this role"]


@breaks("crossref.round_ids_apart_from_topic_and_question_ids")
def _(data):
    edit(data, ROLE, "  - id: screen", "  - id: motivation-first")
    return [
        f"{at(data, ROLE, '- id: motivation-first')}: rounds[0].id: "
        "round id 'motivation-first' is also a topic or question id; anchors would clash"
    ]


@breaks("crossref.role_ids_apart_from_topic_and_question_ids")
def _(data):
    edit(data, "topics/team-fit.yaml", "id: team-fit-first", "id: example-role")
    return [
        f"{at(data, 'topics/team-fit.yaml', '- id: example-role')}: questions[0].id: "
        "question id 'example-role' is also a role id; anchors would clash"
    ]


@breaks("crossref.known_focus_topics")
def _(data):
    edit(data, ROLE, "focus_topics: [motivation]", "focus_topics: [motivation, motivaton]")
    return [
        f"{at(data, ROLE, 'motivaton')}: rounds[0].focus_topics[1]: unknown topic 'motivaton': "
        "no such id in data/topics/; did you mean 'motivation'?"
    ]


@breaks("crossref.topic_in_one_round_per_role")
def _(data):
    edit(data, ROLE, "focus_topics: [coding-basics]", "focus_topics: [coding-basics, motivation]")
    return [
        f"{at(data, ROLE, 'focus_topics: [coding-basics, motivation]')}: rounds[1].focus_topics[1]: "
        "topic 'motivation' is already a focus of round 'screen' in this role"
    ]


@breaks("crossref.known_frameworks")
def _(data):
    edit(data, ROLE, "frameworks: [star]", "frameworks: [stars]")
    edit(data, TOPIC, "framework: star", "framework: start")
    return [
        f"{at(data, ROLE, 'frameworks: [stars]')}: rounds[0].frameworks[0]: unknown framework 'stars': "
        "no such id in data/frameworks.yaml; did you mean 'star'?",
        f"{at(data, TOPIC, 'framework: start')}: questions[0].guidance.framework: unknown framework 'start': "
        "no such id in data/frameworks.yaml; did you mean 'star'?",
    ]


@breaks("crossref.unique_worked_example_ids")
def _(data):
    with (data / ROLE).open("a") as role:
        role.write("worked_examples:\n" + WORKED_EXAMPLE.format(id="ex-a") * 2)
    line = len((data / ROLE).read_text().splitlines())
    return [f"data/{ROLE}:{line}: worked_examples[1].id: duplicate worked example id 'ex-a'"]


STORY_THEME = "  - {{id: {id}, name: A theme, detail: What it shows.{extra}}}\n"


@breaks("crossref.unique_story_theme_ids")
def _(data):
    with (data / ROLE).open("a") as role:
        role.write("story_themes:\n" + STORY_THEME.format(id="theme-a", extra="") * 2)
    line = len((data / ROLE).read_text().splitlines())
    return [f"data/{ROLE}:{line}: story_themes[1].id: duplicate story theme id 'theme-a'"]


@breaks("StoryTheme._inference_explained")
def _(data):
    with (data / ROLE).open("a") as role:
        role.write("story_themes:\n" + STORY_THEME.format(id="theme-a", extra=", inferred: true"))
    line = len((data / ROLE).read_text().splitlines())
    return [f"data/{ROLE}:{line}: story_themes[0]: an inferred story theme needs note saying what it is based on"]


@breaks("crossref.worked_example_ids_apart_from_page_ids")
def _(data):
    with (data / ROLE).open("a") as role:
        role.write("worked_examples:\n" + WORKED_EXAMPLE.format(id="final"))
    return [
        f"{at(data, ROLE, '{id: final')}: worked_examples[0].id: "
        "worked example id 'final' is also a round, topic or question id; anchors would clash"
    ]


@breaks("crossref.topics_in_some_round")
def _(data):
    text = (data / ROLE).read_text()
    (data / ROLE).write_text(text[: text.index("  - id: final")])
    return ["data/topics/team-fit.yaml:1: id: topic is not a focus of any round; add it to a round or delete it"]


@breaks("crossref.known_sources")
def _(data):
    edit(data, ROLE, "sources: [src-a]", "sources: [src-a, src-b]")
    return [
        f"{at(data, ROLE, 'src-b')}: sources[1]: unknown source 'src-b': no such id in data/sources.yaml; "
        "did you mean 'src-a'?"
    ]


@breaks("crossref.sources_cited")
def _(data):
    with (data / SOURCES).open("a") as sources:
        sources.write(
            "  - {id: src-z, title: Unused, kind: article, file: z.txt, publisher: Someone, covers: Nothing.}\n"
        )
    return [f"{at(data, SOURCES, 'src-z')}: sources[1].id: source 'src-z' is never cited by any item"]


@breaks("crossref.code_files_inside_examples")
def _(data):
    edit(data, TOPIC, "      framework: star\n", "      framework: star\n      code_file: examples/missing.py\n")
    return [
        f"{at(data, TOPIC, 'code_file:')}: questions[0].guidance.code_file: 'examples/missing.py' "
        "does not exist; add the file under examples/ or fix the path"
    ]


@breaks("crossref.reserved_anchors")
def _(data):
    anchor = sorted(reserved_role_anchors())[0]
    edit(data, ROLE, "  - id: final", f"  - id: {anchor}")
    return [
        f"{at(data, ROLE, f'- id: {anchor}')}: rounds[2].id: round id '{anchor}' is reserved: role pages give it "
        f"to their own '{anchor}' section; choose another id"
    ]


@breaks("crossref.signal_rounds_of_the_role")
def _(data):
    with (data / ROLE).open("a") as role:
        role.write("signals:\n  - {name: Clarity, description: Says why., rounds: [screen, finals]}\n")
    return [
        f"{at(data, ROLE, 'rounds: [screen, finals]')}: signals[0].rounds[1]: unknown round 'finals': "
        "no such id in the rounds of role 'example-role'; did you mean 'final'?"
    ]


@breaks("crossref.questions_asked_in_the_roles_they_name")
def _(data):
    # A second role asks only the coding topic and names itself in prompts; a motivation prompt says its name.
    other = (data / ROLE).read_text(encoding="utf-8").split("rounds:")[0]
    other = other.replace("id: example-role", "id: other-role").replace("title: Example Engineer", "title: Other")
    other = other.replace("short_title: Example", "short_title: Other\nprompt_names: [other engineering role]")
    rounds = "rounds:\n  - {id: o-screen, name: Screen, format: [phone], interviewers: A recruiter., "
    rounds += "what_to_expect: Questions., tips: [Be brief.], focus_topics: [coding-basics]}\n"
    (data / "roles" / "other-role.yaml").write_text(other + rounds, encoding="utf-8")
    edit(data, TOPIC, "prompt: First question about motivation?", "prompt: Why this other engineering role?")
    return [
        f"{at(data, TOPIC, 'prompt: Why this other')}: questions[0].prompt: the prompt addresses a candidate for "
        "another role ('other engineering role'), but topic 'motivation' is also asked in example-role; move the "
        "question to a topic only the roles it addresses ask, or reword it"
    ]


@breaks("Question._reported_needs_sources")
def _(data):
    edit(data, TOPIC, "    origin: reported\n    sources: [src-a]\n", "    origin: reported\n")
    return [
        f"{at(data, TOPIC, 'origin: reported')}: questions[1].origin: "
        "a reported question must list the sources that report it"
    ]


STAFF_SIGNAL = "      staff_signal: Owns the decision across teams.\n"


@breaks("Question._staff_needs_signal")
def _(data):
    edit(data, TOPIC, STAFF_SIGNAL, "")
    return [
        f"{_guidance_line(data)}: "
        "questions[1].guidance: a staff-level question needs staff_signal: what separates a Staff answer "
        "from a Senior one"
    ]


def _guidance_line(data: Path) -> str:
    """Where the second question's guidance starts: a mapping is located at its first key."""
    lines = (data / TOPIC).read_text().splitlines()
    second = lines.index("  - id: motivation-second")
    return f"data/{TOPIC}:{lines.index('      covers: [Point one., Point two.]', second) + 1}"


# A valid estimate on the second question (whose answer states the one derived figure), broken below.
ESTIMATE = (
    "      example: About 2,000 listeners a day, at 500 bytes each; 38,000 per arm.\n"
    "      estimate:\n"
    "        inputs:\n"
    "          - {name: listeners, label: Listeners, value: 1000, assumption: true, why: A guess.}\n"
    "          - {name: size, label: Bytes each, value: 500, unit: B, sources: [src-a]}\n"
    "        derived:\n"
    "          - {name: daily, label: Listeners a day, formula: listeners * 2}\n"
    "        statistics:\n"
    "          - {kind: sample-size-proportions, label: Per arm, stated: 38_000, baseline: 0.4, treatment: 0.41}\n"
)
BAD_FORMULAS = (
    "          - {name: total, label: Total, formula: listeners + size}\n"
    "          - {name: loop, label: Loop, formula: later * 2}\n"
    "          - {name: later, label: Later, formula: listeners * 2}\n"
    "          - {name: call, label: Call, formula: \"__import__('os')\"}\n"
    "          - {name: typo, label: Typo, formula: listener * 2}\n"
    "          - {name: odd, label: Odd, formula: listeners *}\n"
    "          - {name: speed, label: Speed, formula: listeners, unit: furlong}\n"
    "          - {name: shown, label: Shown, formula: size, unit: s}\n"
)


def with_estimate(data: Path, estimate: str = ESTIMATE) -> None:
    edit(data, TOPIC, STAFF_SIGNAL, STAFF_SIGNAL + estimate)


@breaks("crossref.estimates_compute")
def _(data):
    with_estimate(data, ESTIMATE.replace("        statistics:\n", BAD_FORMULAS + "        statistics:\n"))
    where = "questions[1].guidance.estimate.derived"
    return [
        f"{at(data, TOPIC, 'name: total')}: {where}[1].formula: units do not match in 'listeners + size': "
        "a count and 'bit'",
        f"{at(data, TOPIC, 'name: loop')}: {where}[2].formula: 'later' is worked out below 'loop'; a formula may "
        "use only the inputs and the quantities above it (so no cycle is possible)",
        f"{at(data, TOPIC, 'name: call')}: {where}[4].formula: '__import__('os')' is not allowed; a formula uses "
        "names, numbers, + - * / ** and parentheses",
        f"{at(data, TOPIC, 'name: typo')}: {where}[5].formula: unknown name 'listener' in the formula; did you "
        "mean 'listeners'?",
        f"{at(data, TOPIC, 'name: odd')}: {where}[6].formula: 'listeners *' is not a formula: invalid syntax",
        f"{at(data, TOPIC, 'name: speed')}: {where}[7].unit: unknown unit 'furlong'; units are listed in "
        "study_guide/units.txt",
        f"{at(data, TOPIC, 'name: shown')}: {where}[8].unit: the formula gives 'bit', which cannot be shown in 's'",
    ]


@breaks("crossref.estimates_stated_in_answer")
def _(data):
    with_estimate(data, ESTIMATE.replace("About 2,000 listeners", "About 3,000 listeners").replace("38_000", "36_000"))
    return [
        f"{at(data, TOPIC, 'name: daily')}: questions[1].guidance.estimate.derived[0]: 'daily' works out at 2,000, "
        "but the model answer (guidance.example) never states that figure; correct the answer, or set "
        "in_answer: false for a step only the table shows",
        f"{at(data, TOPIC, 'stated: 36_000')}: questions[1].guidance.estimate.statistics[0].stated: 'Per arm' is "
        "36,000 here, but the model answer (guidance.example) never states that figure",
    ]


@breaks("Statistic._inputs_for_kind")
def _(data):
    with_estimate(data, ESTIMATE.replace("baseline: 0.4, treatment: 0.41", "baseline: 0.4, sd: 1.0"))
    return [
        f"{at(data, TOPIC, 'kind: sample-size')}: questions[1].guidance.estimate.statistics[0]: a "
        "sample-size-proportions statistic needs baseline and treatment (and no other inputs)"
    ]


@breaks("Estimate._something_to_show")
def _(data):
    with_estimate(data, "      estimate: {inputs: [], derived: []}\n")
    return [
        f"{at(data, TOPIC, 'estimate:')}: questions[1].guidance.estimate: an estimate needs derived quantities or "
        "statistics"
    ]


@breaks("EstimateInput._sourced_or_assumed")
def _(data):
    with_estimate(data, ESTIMATE.replace(", sources: [src-a]}", "}"))
    return [
        f"{at(data, TOPIC, 'name: size')}: questions[1].guidance.estimate.inputs[1]: an input either cites "
        "sources or is marked 'assumption: true' with a 'why', not both"
    ]


def test_a_valid_estimate_loads(data):
    with_estimate(data)
    guide = load_guide(data)
    assert guide.topics[1].questions[1].guidance.estimate.derived[0].name == "daily"


@breaks("crossref.company_figures_sourced_or_assumed")
def _(data):
    edit(data, TOPIC, "structure: Situation then action.", "structure: Situation then action, for 600 M listeners.")
    edit(
        data,
        TOPIC,
        "structure: Clarify then design.",
        "structure: Clarify then design, for an assumed 600 M listeners.",
    )
    return [
        f"{at(data, TOPIC, 'for 600 M listeners')}: questions[0].guidance.structure: '600 M listeners' is a company "
        "figure that company.yaml and the roles' key_figures do not give; cite it there, or mark it as an "
        "assumption in its paragraph ('assume', 'my assumption', '(mine)') or as an assumed input of the "
        "question's estimate"
    ]


@breaks("crossref.company_dates_sourced_or_assumed")
def _(data):
    edit(
        data,
        TOPIC,
        "structure: Situation then action.",
        "structure: Situation then action; Spotify has done so since 2019.",
    )
    # Not reported: a year marked as an assumption, and one that dates nothing about the company.
    edit(
        data,
        TOPIC,
        "structure: Clarify then design.",
        "structure: Clarify; assume Spotify began in 2019. In 2019 we shipped.",
    )
    return [
        f"{at(data, TOPIC, 'since 2019')}: questions[0].guidance.structure: 2019 is a company date that "
        "company.yaml, the roles' key_figures and sources.yaml do not give; correct it from a source and cite it "
        "there, or mark it as an assumption in its paragraph ('assume', 'my assumption', '(mine)')"
    ]


def test_a_source_date_sources_a_company_year_for_the_texts_that_cite_it(data):
    edit(data, SOURCES, "    file: a.txt\n", "    file: a.txt\n    date: '2019'\n")
    edit(data, TOPIC, "structure: Situation then action.", "structure: Spotify has done so since 2019.")
    topic = next(t for t in load_guide(data).topics if t.id == "motivation")
    assert topic.questions[0].guidance.structure.endswith("2019.")


@breaks("crossref.spotify_statements_attributed")
def _(data):
    edit(data, TOPIC, "structure: Situation then action.", "structure: Situation then action, as Spotify says.")
    # Not reported: a sentence that says whose account it is.
    edit(data, TOPIC, "structure: Clarify then design.", "structure: The article says Spotify states it.")
    return [
        f"{at(data, TOPIC, 'as Spotify says')}: questions[0].guidance.structure: 'Spotify says' attributes a "
        "statement to Spotify, but no source it cites is Spotify's own (publisher_is_spotify in sources.yaml); say "
        "in the sentence whose account it is ('the general overview says', 'interview guides describe'), or cite "
        "a source Spotify published"
    ]


def test_a_statement_resting_on_spotifys_own_source_passes(data):
    edit(
        data,
        SOURCES,
        "    publisher: A fixture publisher\n",
        "    publisher: Spotify\n    publisher_is_spotify: true\n",
    )
    edit(data, TOPIC, "structure: Situation then action.", "structure: Situation then action, as Spotify says.")
    topic = next(t for t in load_guide(data).topics if t.id == "motivation")
    assert topic.questions[0].guidance.structure.endswith("Spotify says.")


@breaks("Duration._ordered")
def _(data):
    edit(data, ROLE, "duration: {min: 45, max: 60}", "duration: {min: 60, max: 45}")
    return [f"{at(data, ROLE, 'max: 45')}: rounds[1].duration: max must not be smaller than min"]


@breaks("Round._inference_explained")
def _(data):
    edit(data, ROLE, "    name: Final\n", "    name: Final\n    inferred: true\n")
    return [
        f"{at(data, ROLE, '- id: final')}: rounds[2]: an inferred round needs inferred_note saying what it is based on"
    ]


@breaks("type._not_empty")
def _(data):
    edit(data, ROLE, "summary: A role used by the tests.", "summary: '  '")
    return [f"{at(data, ROLE, 'summary:')}: summary: must not be empty"]


@breaks("type._example_path")
def _(data):
    edit(data, TOPIC, "      framework: star\n", "      framework: star\n      code_file: ../etc/passwd\n")
    return [
        f"{at(data, TOPIC, 'code_file:')}: questions[0].guidance.code_file: got '../etc/passwd'; expected a path "
        "like examples/<name>.py or examples/<name>.sql, without '..'"
    ]


@breaks("type._gate(markdown_problems)")
def _(data):
    edit(data, ROLE, "summary: A role used by the tests.", "summary: 'See [this](javascript:void).'")
    return [f"{at(data, ROLE, 'summary:')}: summary: {MARKDOWN_MESSAGE}"]


@breaks("type._gate(plain_text_problems)")
def _(data):
    edit(data, ROLE, "title: Example Engineer", "title: '[Example](https://example.com)'")
    return [f"{at(data, ROLE, 'title:')}: title: {PLAIN_TEXT_MESSAGE}"]


@breaks("type._gate(url_problems)")
def _(data):
    edit(data, COMPANY, "engineering_blog: https://engineering.atspotify.com/", "engineering_blog: ftp://example.com/")
    return [f"{at(data, COMPANY, 'engineering_blog:')}: engineering_blog: {URL_MESSAGE}"]


MARKDOWN_MESSAGE = (
    "link target 'javascript:void' is not allowed: links may only go to http(s), mailto or pages of this site"
)
PLAIN_TEXT_MESSAGE = (
    "plain text may not contain link syntax ([text](target), [text][ref], [ref]: target or <scheme:…>); "
    "put links in a Markdown field such as a description"
)
URL_MESSAGE = "got 'ftp://example.com/'; expected a full http:// or https:// URL with a host and no spaces or quotes"


# --- Tests -------------------------------------------------------------------------------------


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURE_DATA, tmp_path / "data"))


def problems(data: Path) -> list[str]:
    with pytest.raises(GuideDataError) as caught:
        load_guide(data)
    return [str(problem) for problem in caught.value.problems]


def test_every_rule_has_a_failing_fixture():
    assert sorted(declared_rules() - FIXTURES.keys()) == []
    assert sorted(FIXTURES.keys() - declared_rules()) == []  # no fixture for a rule that is gone


@pytest.mark.parametrize("rule", sorted(FIXTURES))
def test_rule_reports_its_own_message(data, rule):
    expected = FIXTURES[rule](data)
    assert problems(data) == expected


def test_crossref_rules_state_their_rule():
    assert [rule.__name__ for rule in crossref.RULES if not (rule.__doc__ or "").strip()] == []


def test_a_question_breaking_two_rules_gets_both_messages(data):
    # A model validator stops at its first error; the staff rule must not hide behind the sources rule.
    edit(data, TOPIC, "    origin: reported\n    sources: [src-a]\n", "    origin: reported\n")
    edit(data, TOPIC, STAFF_SIGNAL, "")
    found = problems(data)
    assert [p.split(": ", 2)[1] for p in found] == ["questions[1].origin", "questions[1].guidance"]
