"""The interviewer sheet (study_guide/interviewer.py) without a browser: what each round's sheet holds
and how its page estimate behaves. tests/browser/test_reading_in_browser.py prints every sheet."""

from __future__ import annotations

from functools import cache

from study_guide import interviewer, paths
from study_guide.load import load_guide
from study_guide.markdown_html import SiteMarkdown
from study_guide.presenter import SECTIONS, Presenter

from .conftest import ROOT

GUIDE = load_guide(ROOT / "data")
TOPICS = {topic.id: topic for topic in GUIDE.topics}


@cache
def presenter() -> Presenter:
    return Presenter(GUIDE, ROOT, SiteMarkdown.from_mkdocs_yml(ROOT / "mkdocs.yml"))


def round_questions(round_):
    return [q for topic_id in round_.focus_topics for q in TOPICS[topic_id].questions]


def test_each_sheet_holds_its_rounds_questions_in_order_with_covers_then_follow_ups():
    labels = {section.field: section.label for section in SECTIONS}
    for role in GUIDE.roles:
        for round_ in role.rounds:
            questions = round_questions(round_)
            sheet = interviewer.sheet(presenter(), role, round_, questions, paths.site_url)
            assert [item.question.id for item in sheet.questions] == [q.id for q in questions]
            assert [item.number for item in sheet.questions] == list(range(1, len(questions) + 1))
            for item in sheet.questions:
                assert [body.section.field for body in item.sections] == list(interviewer.SHEET_FIELDS)
                assert [body.label for body in item.sections] == [labels[f] for f in interviewer.SHEET_FIELDS]
                # One list item per follow-up, in the data's order (the presenter's Markdown).
                assert item.sections[1].markdown.count("\n- ") + 1 == len(item.question.guidance.follow_ups)


def test_the_page_estimate_grows_with_the_text_and_never_drops_below_one():
    role = GUIDE.roles[0]
    round_ = role.rounds[0]
    questions = [q for r in role.rounds for q in round_questions(r)]
    pages = [
        interviewer.sheet(presenter(), role, round_, questions[:n], paths.site_url).pages
        for n in range(len(questions) + 1)
    ]
    assert pages[0] == 1
    assert pages == sorted(pages)
    assert pages[-1] > pages[1]
