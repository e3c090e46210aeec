"""Model answers worth studying, and prompts that keep to their sources (the content issue's floors).

The floors are the editorial policy for the guide, not counts of today's data: a question added
without a model answer, a design answer with no numbers or a reported prompt that adds a figure
its sources never give fails here with the question's id.
"""

from __future__ import annotations

import re

from study_guide.load import load_guide
from study_guide.model import QuestionKind

from .conftest import ROOT
from .test_content import SOURCES_DIR, _require_shared

GUIDE = load_guide(ROOT / "data")
QUESTIONS = [q for topic in GUIDE.topics for q in topic.questions]

MIN_DESIGN_ANSWER_WORDS = 350
MIN_DESIGN_ANSWER_QUANTITIES = 3
MIN_SHARE_WITH_MODEL_ANSWER = 0.5
MIN_QUESTIONS_IN_ALL = 280
MIN_QUESTIONS_PER_ROLE = 40
DESIGN_KINDS = {QuestionKind.system_design, QuestionKind.product_case}

# A stated quantity: a number, optionally with a decimal part or thousands separators.
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*")


def _quantities(text: str) -> set[str]:
    return set(_NUMBER.findall(text))


def _has_model_answer(question) -> bool:
    return bool(question.guidance.example or question.guidance.code_file)


def test_every_design_and_case_question_has_a_quantified_model_answer():
    thin = []
    for q in QUESTIONS:
        if q.kind not in DESIGN_KINDS:
            continue
        answer = q.guidance.example or ""
        words, numbers = len(answer.split()), len(_quantities(answer))
        if words < MIN_DESIGN_ANSWER_WORDS or numbers < MIN_DESIGN_ANSWER_QUANTITIES:
            thin.append(f"{q.id}: {words} words, {numbers} quantities")
    assert thin == []


def test_every_coding_question_has_a_solution():
    # A solution is a file under examples/ with its own test (data text may not hold code: test_data_code.py).
    missing = [q.id for q in QUESTIONS if q.kind is QuestionKind.coding and not q.guidance.code_file]
    assert missing == []


def test_solution_files_are_tested():
    tests_text = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("test_*.py"))
    untested = [q.guidance.code_file for q in QUESTIONS if q.guidance.code_file]
    untested = [path for path in untested if path.rsplit("/", 1)[-1] not in tests_text]
    assert untested == []


def test_at_least_half_of_all_questions_have_a_model_answer():
    answered = sum(_has_model_answer(q) for q in QUESTIONS)
    assert answered / len(QUESTIONS) >= MIN_SHARE_WITH_MODEL_ANSWER, f"{answered} of {len(QUESTIONS)}"


def test_bank_size_overall_and_per_role():
    topics = {t.id: t for t in GUIDE.topics}
    per_role = {
        role.id: sum(len(topics[t].questions) for rd in role.rounds for t in rd.focus_topics) for role in GUIDE.roles
    }
    thin = {role: n for role, n in per_role.items() if n < MIN_QUESTIONS_PER_ROLE}
    assert (len(QUESTIONS) >= MIN_QUESTIONS_IN_ALL, thin) == (True, {})


def test_behavioral_illustrations_say_so():
    # A STAR story in the guide is invented; a candidate must not mistake it for a real one.
    unmarked = [
        q.id
        for q in QUESTIONS
        if q.kind is QuestionKind.behavioral and q.guidance.example and "illustration" not in q.guidance.example.lower()
    ]
    assert unmarked == []


def test_numbers_in_reported_prompts_come_from_their_sources():
    files = {s.id: s.file for s in GUIDE.sources}
    texts = {
        source_id: (_require_shared(SOURCES_DIR) / name).read_text(encoding="utf-8").replace(",", "")
        for source_id, name in files.items()
    }
    added = []
    for q in QUESTIONS:
        if q.origin.value != "reported":
            continue
        cited = " ".join(texts[s] for s in q.sources)
        for number in sorted(_quantities(q.prompt)):
            if not re.search(rf"(?<![\d.]){re.escape(number.replace(',', ''))}(?![\d])", cited):
                added.append(f"{q.id}: {number}")
    assert added == []
