"""The study record's documented shape (study_guide/study_record.py) matches what the browser writes.

store.js and storybank.js run under Node (a stand-in `window`), normalise a version 3 record and a
version 4 record with stories, and the result must validate against the pydantic model; the
story caps the model documents are the caps storybank.js applies.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from study_guide.study_record import Story, StudyRecord

from .conftest import ROOT
from .test_js import _tool

STUDY = ROOT / "docs" / "assets" / "study"
# Runs store.js in a sandbox and prints what it makes of the records given on stdin.
SCRIPT = """
const fs = require("fs"), vm = require("vm"), path = require("path");
const B = require(path.join(process.argv[1], "storybank.js"));
const sandbox = { SISG: { stories: B }, addEventListener() {} };
const code = fs.readFileSync(path.join(process.argv[1], "store.js"), "utf8");
vm.runInNewContext(code, { window: sandbox, Blob, Date, JSON });
const store = sandbox.SISG.store;
const records = JSON.parse(fs.readFileSync(0, "utf8"));
const out = records.map((r) => JSON.parse(store.exportText(store.parseImport(JSON.stringify(r)).record)));
const caps = {
  title: B.MAX_TITLE_CHARS, part: B.MAX_PART_CHARS, themes: B.MAX_THEMES,
  questions: B.MAX_QUESTIONS, stories: B.MAX_STORIES,
};
process.stdout.write(JSON.stringify({ out, caps }));
"""
FORMAT = "spotify-interview-study-guides-study-record"
V3 = {
    "format": FORMAT,
    "version": 3,
    "reviews": {"q-one": [{"at": "2026-03-01T08:00:00.000Z", "rating": 3, "role": "role-a"}]},
    "notes": {"q-two": {"text": "An outline", "at": "2026-03-01T08:05:00.000Z"}},
    "plan": None,
    "pass": None,
}
STORY = {
    "id": "story-1",
    "role": "role-a",
    "title": "A story",
    "situation": "S",
    "task": "",
    "action": "A",
    "result": "R",
    "learned": "",
    "numbers": "3x",
    "themes": ["theme-a"],
    "questions": ["q-one"],
    "at": "2026-03-02T10:00:00.000Z",
}


@pytest.fixture(scope="module")
def from_browser():
    records = [V3, {**V3, "version": 4, "stories": [STORY, {"id": "broken"}, {**STORY, "id": "x", "title": "y" * 999}]}]
    result = subprocess.run(
        [_tool("node"), "-e", SCRIPT, str(STUDY)],
        input=json.dumps(records),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_migrated_version_3_record_is_a_valid_version_4_record(from_browser):
    migrated = StudyRecord.model_validate(from_browser["out"][0])
    assert migrated.version == 4 and migrated.stories == []
    assert from_browser["out"][0]["reviews"] == V3["reviews"] and from_browser["out"][0]["notes"] == V3["notes"]


def test_stories_the_browser_keeps_validate_against_the_schema(from_browser):
    record = StudyRecord.model_validate(from_browser["out"][1])
    assert [story.id for story in record.stories] == ["story-1", "x"]  # the broken one is dropped
    assert record.stories[0].model_dump(mode="json") | {"at": STORY["at"]} == STORY


def test_the_documented_caps_are_the_caps_the_browser_applies(from_browser):
    caps = from_browser["caps"]
    limits = {name: {type(m).__name__: m for m in field.metadata} for name, field in Story.model_fields.items()}
    assert limits["title"]["MaxLen"].max_length == caps["title"]
    assert all(
        limits[part]["MaxLen"].max_length == caps["part"]
        for part in ("situation", "task", "action", "result", "learned", "numbers")
    )
    assert limits["themes"]["MaxLen"].max_length == caps["themes"]
    assert limits["questions"]["MaxLen"].max_length == caps["questions"]
    stories = {type(m).__name__: m for m in StudyRecord.model_fields["stories"].metadata}
    assert stories["MaxLen"].max_length == caps["stories"]
