"""Every class of data mistake is rejected with file, line, field path and what was expected.

One scenario per error class, each a small edit to a copy of the valid fixture data set.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from study_guide.errors import GuideDataError
from study_guide.load import load_guide

from .conftest import FIXTURE_DATA, ROOT, mkdocs_build

ROLE = "roles/example-role.yaml"
TOPIC = "topics/motivation.yaml"


def edit(data: Path, relative: str, old: str, new: str) -> None:
    path = data / relative
    text = path.read_text()
    assert old in text, f"fixture no longer contains {old!r}"
    path.write_text(text.replace(old, new, 1))


def line_of(data: Path, relative: str, needle: str) -> int:
    for number, line in enumerate((data / relative).read_text().splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {relative}")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return Path(shutil.copytree(FIXTURE_DATA, tmp_path / "data"))


def problems_of(data: Path) -> str:
    with pytest.raises(GuideDataError) as caught:
        load_guide(data)
    return str(caught.value)


def test_fixture_is_valid(data):
    guide = load_guide(data)
    assert [role.id for role in guide.roles] == ["example-role"]


def test_yaml_syntax_error(data):
    edit(data, ROLE, "title: Example Engineer", "title: [Example Engineer")
    message = problems_of(data)
    assert "data/roles/example-role.yaml:" in message
    assert "YAML syntax error" in message


def test_missing_required_field(data):
    text = (data / ROLE).read_text()
    (data / ROLE).write_text(text[: text.index("rounds:")])
    message = problems_of(data)
    assert "data/roles/example-role.yaml:1: rounds: required field is missing" in message


def test_wrong_type(data):
    edit(data, ROLE, "duration: {min: 30}", "duration: {min: thirty}")
    line = line_of(data, ROLE, "min: thirty")
    message = problems_of(data)
    assert f"data/roles/example-role.yaml:{line}: rounds[0].duration.min:" in message
    assert "valid integer" in message and "'thirty'" in message


def test_unknown_key_suggests_the_right_one(data):
    edit(data, ROLE, "title: Example Engineer", "titel: Example Engineer")
    line = line_of(data, ROLE, "titel:")
    message = problems_of(data)
    assert f"data/roles/example-role.yaml:{line}: titel: unknown key 'titel' (did you mean 'title'?)" in message
    assert "data/roles/example-role.yaml:1: title: required field is missing" in message


def test_unknown_enum_value_lists_choices(data):
    edit(data, TOPIC, "kind: behavioral", "kind: behavioural")
    message = problems_of(data)
    assert "questions[0].kind: got 'behavioural'; expected one of" in message
    assert "'behavioral'" in message


def test_duplicate_question_id_across_files(data):
    edit(data, "topics/team-fit.yaml", "id: team-fit-first", "id: motivation-first")
    line = line_of(data, "topics/team-fit.yaml", "id: motivation-first")
    message = problems_of(data)
    assert (
        f"data/topics/team-fit.yaml:{line}: questions[0].id: duplicate question id 'motivation-first' "
        f"(first defined at data/topics/motivation.yaml:{line_of(data, TOPIC, 'id: motivation-first')})"
    ) in message


def test_dangling_topic_reference(data):
    edit(data, ROLE, "focus_topics: [motivation]", "focus_topics: [motivaton]")
    line = line_of(data, ROLE, "motivaton")
    message = problems_of(data)
    assert (
        f"data/roles/example-role.yaml:{line}: rounds[0].focus_topics[0]: unknown topic 'motivaton': "
        "no such id in data/topics/; did you mean 'motivation'?"
    ) in message


def test_dangling_framework_and_source(data):
    edit(data, TOPIC, "framework: star", "framework: stars")
    edit(data, ROLE, "sources: [src-a]", "sources: [src-b]")
    message = problems_of(data)
    assert "questions[0].guidance.framework: unknown framework 'stars'" in message
    assert "data/roles/example-role.yaml:6: sources[0]: unknown source 'src-b'" in message


def test_duplicate_yaml_key(data):
    edit(data, ROLE, "short_title: Example", "short_title: Example\nshort_title: Again")
    message = problems_of(data)
    assert "data/roles/example-role.yaml:4: short_title: duplicate key" in message


def test_id_must_match_file_name(data):
    edit(data, ROLE, "id: example-role", "id: other-role")
    assert "data/roles/example-role.yaml:1: id: id 'other-role' must match the file name 'example-role'" in (
        problems_of(data)
    )


def test_id_form(data):
    edit(data, TOPIC, "id: motivation-first", "id: Motivation_First")
    assert "questions[0].id: got 'Motivation_First'; expected a kebab-case id" in problems_of(data)


def test_unused_topic_and_uncited_source(data):
    edit(data, ROLE, "focus_topics: [team-fit]", "focus_topics: [coding-basics]")
    message = problems_of(data)
    assert "data/topics/team-fit.yaml:1: id: topic is not a focus of any round" in message
    assert "topic 'coding-basics' is already a focus of round 'technical'" in message


def test_all_problems_reported_in_one_pass(data):
    edit(data, ROLE, "title: Example Engineer", "titel: Example Engineer")
    edit(data, TOPIC, "kind: behavioral", "kind: behavioural")
    message = problems_of(data)
    assert message.startswith("3 problems in the guide data:")


def test_validate_command_prints_problems_without_traceback(data):
    edit(data, ROLE, "title: Example Engineer", "titel: Example Engineer")
    result = subprocess.run(
        [sys.executable, "-m", "study_guide", "validate", "--data", str(data)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 1
    assert "unknown key 'titel'" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_validate_command_accepts_valid_data(data):
    result = subprocess.run(
        [sys.executable, "-m", "study_guide", "validate", "--data", str(data)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("OK: 1 roles, 3 rounds, 3 topics, 6 questions")


@pytest.mark.parametrize(
    ("relative", "old", "new", "expected"),
    [
        (ROLE, "title: Example Engineer", "title: [Example Engineer", "YAML syntax error"),
        (ROLE, "focus_topics: [motivation]", "focus_topics: [motivaton]", "unknown topic 'motivaton'"),
    ],
)
def test_build_fails_cleanly_and_writes_no_site(fixture_project, relative, old, new, expected):
    edit(fixture_project / "data", relative, old, new)
    result = mkdocs_build(fixture_project)
    assert result.returncode != 0
    assert expected in result.stderr
    assert "data/roles/example-role.yaml:" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not (fixture_project / "site").exists()
