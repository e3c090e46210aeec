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
