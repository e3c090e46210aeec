"""A data id that would repeat an anchor on its page is refused, with file, line and field."""

from __future__ import annotations

import shutil

import pytest

from study_guide.errors import GuideDataError
from study_guide.load import load_guide
from study_guide.paths import reserved_role_anchors

from .conftest import FIXTURE_DATA
from .test_data_errors import edit, line_of

ROLE = "roles/example-role.yaml"


@pytest.fixture
def data(tmp_path):
    return shutil.copytree(FIXTURE_DATA, tmp_path / "data")


def problems(data) -> list[str]:
    with pytest.raises(GuideDataError) as caught:
        load_guide(data)
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.parametrize("anchor", sorted(reserved_role_anchors()))
def test_a_round_id_that_is_a_reserved_anchor_is_refused(data, anchor):
    edit(data, ROLE, "  - id: screen", f"  - id: {anchor}")
    line = line_of(data, ROLE, f"  - id: {anchor}")
    assert problems(data) == [
        f"data/{ROLE}:{line}: rounds[0].id: round id '{anchor}' is reserved: role pages give it to their own "
        f"'{anchor}' section; choose another id"
    ]


def test_a_question_id_that_is_a_reserved_anchor_is_refused(data):
    anchor = sorted(reserved_role_anchors())[0]
    edit(data, "topics/team-fit.yaml", "  - id: team-fit-first", f"  - id: {anchor}")
    line = line_of(data, "topics/team-fit.yaml", f"  - id: {anchor}")
    assert problems(data) == [
        f"data/topics/team-fit.yaml:{line}: questions[0].id: question id '{anchor}' is reserved: role pages "
        f"give it to their own '{anchor}' section; choose another id"
    ]


# Names the site, the study tools and the downloads reserve (paths.RESERVED_IDS) -------------------


@pytest.mark.parametrize(
    "question_id, why",
    [
        ("constructor", "the study tools' scripts use it as a built-in property name"),
        ("sisg-practice", "the study tools give their own elements ids starting sisg-"),
    ],
    ids=["a JavaScript built-in", "the study tools' DOM namespace"],
)
def test_a_question_id_the_study_tools_reserve_is_refused(data, question_id, why):
    edit(data, "topics/team-fit.yaml", "  - id: team-fit-first", f"  - id: {question_id}")
    line = line_of(data, "topics/team-fit.yaml", f"  - id: {question_id}")
    assert problems(data) == [
        f"data/topics/team-fit.yaml:{line}: questions[0].id: question id '{question_id}' is reserved: {why}; "
        "choose another id"
    ]


def test_a_topic_called_index_is_refused(data):
    (data / "topics" / "team-fit.yaml").rename(data / "topics" / "index.yaml")
    edit(data, "topics/index.yaml", "id: team-fit", "id: index")
    edit(data, ROLE, "focus_topics: [team-fit]", "focus_topics: [index]")
    assert problems(data) == [
        "data/topics/index.yaml:1: id: topic id 'index' is reserved: a folder's own page is index; choose another id"
    ]


def test_a_role_named_like_the_all_roles_deck_is_refused(data):
    (data / ROLE).rename(data / "roles" / "all-roles.yaml")
    edit(data, "roles/all-roles.yaml", "id: example-role", "id: all-roles")
    assert problems(data) == [
        "data/roles/all-roles.yaml:1: id: role id 'all-roles' is reserved: the Anki deck with every role's questions "
        "is named all-roles; choose another id"
    ]
