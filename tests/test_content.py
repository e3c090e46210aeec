"""The shipped guide is complete: derived from the data and the source documents, not hard-coded."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from study_guide.load import load_guide

from .conftest import ROOT

GUIDE = load_guide(ROOT / "data")
SOURCES_DIR = ROOT.parent / "shared" / "sources"
MIN_QUESTIONS_PER_TOPIC = 2
MIN_ROUNDS_PER_ROLE = 3
MIN_QUESTIONS_IN_BANK = 120  # the content issue's floor for the whole bank


# The model already enforces what one item must hold (ids, required fields, minimum list lengths,
# staff_signal at staff level); these tests check what the shipped guide promises beyond that.


def test_every_role_has_enough_rounds():
    short = [r.id for r in GUIDE.roles if len(r.rounds) < MIN_ROUNDS_PER_ROLE]
    assert short == []


def test_every_topic_has_enough_questions():
    thin = {t.id: len(t.questions) for t in GUIDE.topics if len(t.questions) < MIN_QUESTIONS_PER_TOPIC}
    assert thin == {}


def test_question_bank_size():
    assert sum(len(t.questions) for t in GUIDE.topics) >= MIN_QUESTIONS_IN_BANK


def _require_shared(path: Path) -> Path:
    if not path.exists():
        message = f"{path} is not beside the project"
        # The project's CI always has ../shared beside the clone: never skip there. GitHub's
        # runner has no copy of the source documents and says so with STUDY_GUIDE_SOURCES.
        if os.environ.get("CI") and os.environ.get("STUDY_GUIDE_SOURCES") != "optional":
            pytest.fail(message)
        pytest.skip(message)
    return path


def test_every_source_document_is_described():
    files = {s.file for s in GUIDE.sources}
    assert files == {p.name for p in _require_shared(SOURCES_DIR).glob("*.txt")}


def _source_text(name_prefix: str) -> str:
    matches = sorted(_require_shared(SOURCES_DIR).glob(f"{name_prefix}_*.txt"))
    return matches[0].read_text(encoding="utf-8")


def test_staff_mle_rounds_and_topics_match_source_004():
    text = _source_text("004")
    lines = [line.strip() for line in text.splitlines()]
    # In 004 each round starts with a name line followed by "What to Expect", and each
    # focus topic is a name line, a description line, then "Practice Interview".
    round_names = [lines[i - 1] for i, line in enumerate(lines) if line == "What to Expect"]
    topic_names = [lines[i - 2] for i, line in enumerate(lines) if line == "Practice Interview"]
    role = next(r for r in GUIDE.roles if "src-staff-mle" in r.sources and "Machine Learning" in r.title)
    topics = {t.id: t for t in GUIDE.topics}
    assert [rd.name for rd in role.rounds] == round_names
    # Every topic 004 lists, in its order; a topic this guide adds says so in its name.
    names = [topics[t].name for rd in role.rounds for t in rd.focus_topics]
    assert [name for name in names if name in topic_names] == topic_names
    assert [name for name in names if name not in topic_names and "(guide's addition)" not in name] == []


def test_tpm_topics_cover_source_000_and_rounds_are_marked_inferred():
    role = next(r for r in GUIDE.roles if "src-tpm-topics" in r.sources)
    assert role.rounds_inferred
    assert all(rd.inferred and rd.inferred_note for rd in role.rounds)
    topics = {t.id: t for t in GUIDE.topics}
    names = {topics[t].name for rd in role.rounds for t in rd.focus_topics}
    text = _source_text("000")
    # Topic titles in 000 are the short lines (no sentence punctuation) before each description.
    titles = {line.strip() for line in text.splitlines() if 0 < len(line.strip()) < 60 and not line.endswith(".")}
    assert titles <= names


def test_compensation_carries_source_and_date():
    for role in GUIDE.roles:
        if role.compensation:
            assert role.compensation.sources and role.compensation.as_of and role.compensation.reported_by


def test_worked_example_code_files_exist_and_compile():
    for role in GUIDE.roles:
        for example in role.worked_examples:
            if example.code_file:
                path = ROOT / example.code_file
                assert path.is_file(), example.code_file
                compile(path.read_text(encoding="utf-8"), str(path), "exec")


def test_verbatim_check_finds_nothing_copied():
    tool = _require_shared(ROOT.parent / "shared" / "tools" / "verbatim-check")
    result = subprocess.run([sys.executable, str(tool), str(ROOT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]
