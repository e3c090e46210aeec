"""Hostile text in every field kind, judged on every output (issue 20).

Each shape of text below goes into every Markdown field and every plain-text field of the fixture
data at once. For each shape, `study-guide validate`'s checks (load_guide with the site's Markdown)
either refuse a field with a clear `file:line: field: message`, or accept it. Everything accepted
is then built into one site, and every output is parsed: the pages, guide.json's HTML, each Anki
deck's notes and descriptions, the CSV and JSON rows. Nothing in them may be an element or an
attribute the allowlist (study_guide/sanitise.py) does not name, and no page may carry an event
handler anywhere. A new shape is one more line in SHAPES.
"""

from __future__ import annotations

import csv
import functools
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from study_guide import markdown_text, sanitise
from study_guide.errors import GuideDataError
from study_guide.load import load_guide
from study_guide.markdown_html import SiteMarkdown

from .conftest import FIXTURE_DATA, ROOT, copy_project, mkdocs_build
from .test_downloads import read_apkg

PAYLOAD = "<img src=x onerror=alert(1)>"

# Shapes of text that have fooled an escaper that decides by pattern what code is.
SHAPES = {
    "escaped backtick (the issue's example)": f"\\`{PAYLOAD}`",
    "escaped backtick after a code span": f"`a` \\`{PAYLOAD}` `b`",
    "two backticks closed by one": f"``{PAYLOAD}`",
    "one backtick closed by two": f"`{PAYLOAD}``",
    "escaped backslash before a code span": f"\\\\`{PAYLOAD}`",
    "code span across two lines": f"`a\n{PAYLOAD}`",
    "fence with a blank line": f"```\nx\n\n{PAYLOAD}\n```",
    "fence closed by a longer fence": f"```\n{PAYLOAD}\n````",
    "fence never closed": f"```\n{PAYLOAD}",
    "tilde fence": f"~~~\n{PAYLOAD}\n~~~",
    "tilde fence closed by backticks": f"~~~\n{PAYLOAD}\n```",
    "indented fence": f"   ```\n{PAYLOAD}\n   ```",
    "fence in a list item": f"- a\n\n    ```\n    {PAYLOAD}\n    ```",
    "text right under a fence": f"```\nx\n```\n{PAYLOAD}",
    "attribute list": "Text {: onclick=alert(1) }",
    "attribute list on a heading": "# Title {: onmouseover=alert(1) }",
    "HTML block": f"<div onclick=alert(1)>\n{PAYLOAD}\n</div>",
    "HTML comment": f"<!-- x -->{PAYLOAD}",
    "script element": "<script>alert(1)</script>",
    "entities": "&lt;img src=x onerror=alert(1)&gt;",
    "abbreviation definition": f"*[HTML]: {PAYLOAD}\n\nHTML",
    "markdown inside HTML": f'<div markdown="1">{PAYLOAD}</div>',
    "admonition title": f'!!! note "{PAYLOAD}"\n    body',
    "image": "![x](https://example.com/x.png)",
    "newline then a heading": "Name\n# Heading",
    "carriage return then a script": "Name\r\n<script>alert(1)</script>",
    "line separator": f"Name\u2028{PAYLOAD}",
    "template syntax": "{{ 6 * 7 }} {% if true %}x{% endif %}",
}

# field -> (file under data/, text to replace, replacement with {} for the YAML value, the field's
# path in a problem line, which tells which field a problem is about)
TEXT_FIELDS = {
    "question prompt": (
        "topics/motivation.yaml",
        "prompt: First question about motivation?",
        "prompt: {}",
        "questions[0].prompt",
    ),
    "guidance list item": (
        "topics/motivation.yaml",
        "covers: [Point one., Point two.]",
        "covers: [{}, Point two.]",
        "questions[0].guidance.covers[0]",
    ),
    "guidance paragraph": (
        "topics/motivation.yaml",
        "structure: Situation then action.",
        "structure: {}",
        "questions[0].guidance.structure",
    ),
    "topic description": (
        "topics/motivation.yaml",
        "description: What motivation covers.",
        "description: {}",
        "description",
    ),
    "role summary": ("roles/example-role.yaml", "summary: A role used by the tests.", "summary: {}", "summary"),
    "round text": (
        "roles/example-role.yaml",
        "what_to_expect: Questions about you.",
        "what_to_expect: {}",
        "rounds[0].what_to_expect",
    ),
    "round tip": ("roles/example-role.yaml", "tips: [Be brief.]", "tips: [{}]", "rounds[0].tips[0]"),
    "company summary": ("company.yaml", "summary: A music and podcast streaming company.", "summary: {}", "summary"),
    "glossary definition": (
        "glossary.yaml",
        "definition: A metric a team is judged on.",
        "definition: {}",
        "terms[0].definition",
    ),
    "framework step": (
        "frameworks.yaml",
        "{name: Situation, detail: Context.}",
        "{{name: Situation, detail: {}}}",
        "frameworks[0].steps[0].detail",
    ),
}
PLAIN_FIELDS = {
    "topic name": ("topics/motivation.yaml", "name: Topic motivation", "name: {}", "name"),
    "role title": ("roles/example-role.yaml", "title: Example Engineer", "title: {}", "title"),
    "role short title": ("roles/example-role.yaml", "short_title: Example", "short_title: {}", "short_title"),
    "round name": ("roles/example-role.yaml", "    name: Screen", "    name: {}", "rounds[0].name"),
    "glossary expansion": (
        "glossary.yaml",
        "expansion: Key performance indicator",
        "expansion: {}",
        "terms[0].expansion",
    ),
    "framework name": ("frameworks.yaml", "name: STAR", "name: {}", "frameworks[0].name"),
    "culture title": ("company.yaml", "{title: Squads,", "{{title: {},", "culture[0].title"),
}
FIELDS = {**TEXT_FIELDS, **PLAIN_FIELDS}
PROBLEM = re.compile(r"^data/(?P<file>[\w/.-]+\.yaml):(?P<line>\d+): (?P<path>[\w.\[\]]+): (?P<message>.+)$")
LINE_BREAK = re.compile("[\n\r\u2028]")


def write_data(target: Path, values: dict[str, str]) -> Path:
    """The fixture data with `values` (field -> text) put into those fields."""
    data = Path(shutil.copytree(FIXTURE_DATA, target))
    for field, text in values.items():
        relative, old, new, _ = FIELDS[field]
        path = data / relative
        content = path.read_text(encoding="utf-8")
        assert content.count(old) >= 1, f"fixture no longer contains {old!r}"
        # json.dumps gives a YAML double-quoted scalar.
        path.write_text(content.replace(old, new.format(json.dumps(written(field, text))), 1), encoding="utf-8")
    return data


def written(field: str, text: str) -> str:
    """What goes into the field: a short title is capped at 40 characters by its own rule."""
    return text[:40] if field == "role short title" else text


@functools.cache
def site_markdown() -> SiteMarkdown:
    return SiteMarkdown.from_mkdocs_yml(ROOT / "mkdocs.yml")


def refusals(data: Path) -> list[str]:
    try:
        load_guide(data, site_markdown)
    except GuideDataError as exc:
        return [str(problem) for problem in exc.problems]
    return []


def field_of(problem: str) -> str:
    """The field (a key of FIELDS) a problem line is about; fails on a line that names no file, line or field."""
    match = PROBLEM.match(problem)
    assert match, f"not a clear file:line: field: message problem: {problem!r}"
    for field, (relative, _, _, path) in FIELDS.items():
        if match["file"] == relative and match["path"] == path:
            return field
    raise AssertionError(f"a problem about no field this test edited: {problem!r}")


@functools.cache
def verdicts(base: Path) -> dict[str, set[str]]:
    """shape -> the fields that refuse it (each shape in every field at once). Cached per worker."""
    result = {}
    for index, (shape, text) in enumerate(SHAPES.items()):
        # The text checks run once the others pass: refused fields go back to plain words, and the
        # rest is judged again, until nothing more is refused.
        refused: set[str] = set()
        for attempt in range(len(FIELDS)):
            values = {field: text for field in FIELDS if field not in refused}
            found = {field_of(p) for p in refusals(write_data(base / f"{index}-{attempt}" / "data", values))}
            if not found:
                break
            refused |= found
        result[shape] = refused
    return result


@pytest.fixture
def verdicts_of(tmp_path_factory):
    return lambda: verdicts(tmp_path_factory.getbasetemp() / "hostile-shapes")


def test_each_shape_is_refused_with_a_clear_message_or_accepted(verdicts_of):
    """Every problem names file, line and field (field_of fails otherwise); line breaks never pass plain text."""
    missed = {}
    for shape, refused in verdicts_of().items():
        # Surrounding whitespace is stripped before a value is judged (the models strip it).
        broken = {field for field in PLAIN_FIELDS if LINE_BREAK.search(written(field, SHAPES[shape]).strip())}
        if broken - refused:
            missed[shape] = broken - refused
    assert missed == {}


# The escaper's code-span pattern before issue 20: runs of any lengths, escaped or not.
OLD_CODE_PATTERN = re.compile(r"(^(`{3,}|~{3,})[^\n]*\n.*?^\2[ \t]*$|`+[^`\n]*?`+)", re.MULTILINE | re.DOTALL)


def test_the_issue_example_is_text_and_the_sanitiser_stops_it_should_the_escaper_misread(tmp_path, monkeypatch):
    example = SHAPES["escaped backtick (the issue's example)"]
    data = write_data(tmp_path / "data", {"question prompt": example})
    assert refusals(data) == []
    html = site_markdown().html(markdown_text.escape_markdown_text(example))
    assert html == "<p>`&lt;img src=x onerror=alert(1)&gt;`</p>"
    # With the old pattern (which reads `<img …>` as code, as Markdown does not) the second line holds.
    monkeypatch.setattr(markdown_text, "_CODE_SPANS", OLD_CODE_PATTERN)
    assert refusals(data) == [
        "data/topics/motivation.yaml:7: questions[0].prompt: would make HTML the guide does not allow (<img>); "
        f"{sanitise.RULE}"
    ]


def test_an_image_is_refused_with_its_file_line_and_field(tmp_path):
    data = write_data(tmp_path / "data", {"round tip": "![x](https://example.com/x.png)"})
    assert refusals(data) == [
        "data/roles/example-role.yaml:15: rounds[0].tips[0]: would make HTML the guide does not allow (<img>); "
        f"{sanitise.RULE}"
    ]


def test_a_newline_in_a_glossary_expansion_is_refused(tmp_path):
    data = write_data(tmp_path / "data", {"glossary expansion": "Key\nperformance"})
    assert refusals(data) == [
        "data/glossary.yaml:3: terms[0].expansion: must be one line: contains a line break (U+000A); plain text is "
        "printed in headings, tables and titles, where a new line would start new content"
    ]


# What is accepted, built and parsed ------------------------------------------------------------


class _Elements(HTMLParser):
    """Every start tag with its attributes; `inside` counts how deep we are in the element that matches."""

    def __init__(self, root: tuple[str, str] | None = None) -> None:
        super().__init__(convert_charrefs=True)
        self.root = root  # (tag, class) of the region to judge, or None for the whole fragment
        self.depth = 0 if root else 1
        self.found: list[tuple[str, list[tuple[str, str]]]] = []
        self.everywhere: list[tuple[str, list[tuple[str, str]]]] = []

    def handle_starttag(self, tag, attrs):
        attrs = [(name, value or "") for name, value in attrs]
        self.everywhere.append((tag, attrs))
        if self.depth:
            self.found.append((tag, attrs))
            if tag not in sanitise._VOID:
                self.depth += 1
        elif (tag, dict(attrs).get("class", "").split(" ")[0]) == self.root:
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth and self.root:
            self.depth -= 1


def not_allowed(elements: list[tuple[str, list[tuple[str, str]]]]) -> list[str]:
    bad = []
    for tag, attrs in elements:
        if tag not in sanitise.TAGS:
            bad.append(f"<{tag}>")
        bad.extend(f"<{tag} {name}={value!r}>" for name, value in attrs if not sanitise._allowed(tag, name, value))
    return bad


def judge_fragment(html: str) -> list[str]:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return not_allowed(parser.found) + [f"<{t} {n}>" for t, a in parser.found for n, _ in a if n.startswith("on")]


def judge_page(html: str) -> list[str]:
    """The article (what the guide writes) holds only allowed markup; no element anywhere has an event handler."""
    parser = _Elements(root=("article", "md-content__inner"))
    parser.feed(html)
    parser.close()
    # The edit button is Material's, inside the article: an <a rel=edit> with an icon <svg>.
    article = [
        (tag, attrs)
        for tag, attrs in parser.found
        if tag not in {"svg", "path"} and not (tag == "a" and ("rel", "edit") in attrs)
    ]
    handlers = [f"<{tag} {name}>" for tag, attrs in parser.everywhere for name, _ in attrs if name.startswith("on")]
    live_scripts = [tag for tag, attrs in parser.everywhere if tag in {"base", "iframe", "object", "embed"}]
    return not_allowed(article) + handlers + live_scripts


QUESTION_FIELDS = ("question prompt", "guidance list item", "guidance paragraph")


def extra_questions(accepted: dict[str, set[str]]) -> str:
    """YAML for one more question per shape, holding it in each question field that accepts it."""
    items = []
    for index, (shape, text) in enumerate(SHAPES.items()):
        fields = {
            field: json.dumps(text) if field in accepted[shape] else '"Plain words."' for field in QUESTION_FIELDS
        }
        items.append(
            f"  - id: hostile-{index}\n"
            f"    prompt: {fields['question prompt']}\n"
            "    kind: behavioral\n"
            "    origin: practice\n"
            "    guidance:\n"
            f"      covers: [{fields['guidance list item']}, Point two.]\n"
            f"      structure: {fields['guidance paragraph']}\n"
            "      pitfalls: [Rambling.]\n"
            '      follow_ups: ["Why?"]\n'
        )
    return "".join(items)


@pytest.fixture(scope="module")
def accepted_site(tmp_path_factory) -> Path:
    """One site built from what the checks accept: every shape in a question of its own (so it reaches
    the pages, guide.json, the decks and the rows), and one shape in each other field, in turn."""
    refused = verdicts(tmp_path_factory.getbasetemp() / "hostile-shapes")
    accepted = {shape: set(FIELDS) - fields for shape, fields in refused.items()}
    others = [field for field in FIELDS if field not in QUESTION_FIELDS]
    shapes = list(SHAPES)
    values = {}
    for index, field in enumerate(others):
        shape = shapes[index % len(shapes)]
        values[field] = written(field, SHAPES[shape]) if field in accepted[shape] else "Plain words."
    root = tmp_path_factory.mktemp("accepted")
    data = write_data(root / "data", values)
    with (data / "topics" / "motivation.yaml").open("a", encoding="utf-8") as topic:
        topic.write(extra_questions(accepted))
    assert refusals(data) == []
    project = copy_project(root / "project", data)
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    return project / "site"


def test_accepted_text_builds_outputs_with_nothing_live(accepted_site, tmp_path):
    """Pages, guide.json, every deck's notes and descriptions: only allowed markup, no event handler."""
    found = {}
    for page in sorted(accepted_site.rglob("*.html")):
        found[str(page.relative_to(accepted_site))] = judge_page(page.read_text(encoding="utf-8"))
    guide = json.loads((accepted_site / "guide.json").read_text(encoding="utf-8"))
    for q in guide["questions"]:
        found[f"guide.json {q['id']}"] = [
            b for h in [q["prompt_html"], *(s["html"] for s in q["sections"])] for b in judge_fragment(h)
        ]
    decks = sorted((accepted_site / "downloads").glob("*.apkg"))
    for deck in decks:
        apkg = read_apkg(deck, tmp_path)
        fields = [field for note in apkg["notes"] for field in note["fields"]]
        fields += [d.get("desc", "") for d in apkg["decks"].values()]
        found[deck.name] = [bad for html in fields for bad in judge_fragment(html)]
    assert len(decks) == len(guide["roles"]) + 1 and len(guide["questions"]) > len(SHAPES)
    assert {where: bad for where, bad in found.items() if bad} == {}


def test_accepted_text_stays_text_in_csv_and_json_rows(accepted_site):
    downloads = accepted_site / "downloads"
    rows = json.loads((downloads / "questions.json").read_text(encoding="utf-8"))
    with (downloads / "questions.csv").open(encoding="utf-8", newline="") as handle:
        cells = [cell for row in csv.reader(handle) for cell in row]
    prompts = [row["prompt"] for row in (rows if isinstance(rows, list) else rows["questions"])]
    # Hostile prompts are there as the characters a reader sees, never as markup to run.
    assert sum("onerror=alert(1)" in prompt for prompt in prompts) > 1
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
