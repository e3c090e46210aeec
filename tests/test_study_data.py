"""The study tools' data (study_guide/study_data.py): the index and each topic's guidance file.

Checked against guide.json, the full model the same build writes: the tools get the same ids,
order, labels, minutes, addresses and rendered HTML, without the raw data text.
"""

from __future__ import annotations

import hashlib
import json
import re

from study_guide.paths import TOOL_PAGES
from study_guide.study_data import HASH_LENGTH, StudyIndex, TopicGuidance


def _read(site, relative):
    return json.loads((site / relative).read_text(encoding="utf-8"))


def _index_path(site) -> str:
    html = (site / "practice" / "index.html").read_text(encoding="utf-8")
    return re.search(r'<meta name="sisg-study-index" content="([^"]+)">', html).group(1)


def test_every_page_names_the_index_and_tool_pages_preload_it(built_site):
    path = _index_path(built_site)
    pages = list(built_site.rglob("index.html"))
    named = [p for p in pages if f'<meta name="sisg-study-index" content="{path}">' in p.read_text(encoding="utf-8")]
    assert len(named) == len(pages)
    preloading = {
        p.parent.name
        for p in pages
        if '<link rel="preload"' in p.read_text(encoding="utf-8") and path in p.read_text(encoding="utf-8")
    }
    assert preloading == set(TOOL_PAGES)


def test_file_names_carry_a_hash_of_their_content(built_site):
    files = [built_site / _index_path(built_site), *(built_site / "study" / "guidance").glob("*.json")]
    wrong = [
        f.name for f in files if f.name.rsplit(".", 2)[1] != hashlib.sha256(f.read_bytes()).hexdigest()[:HASH_LENGTH]
    ]
    assert wrong == []


def test_index_and_guidance_match_guide_json_without_raw_text(built_site):
    guide = _read(built_site, "guide.json")
    index = StudyIndex.model_validate(_read(built_site, _index_path(built_site)))
    assert [r.id for r in index.roles] == [r["id"] for r in guide["roles"]]
    for mine, full in zip(index.roles, guide["roles"], strict=True):
        assert [r.model_dump() for r in mine.rounds] == [
            {k: r[k] for k in ("id", "name", "url", "duration_label", "minutes", "focus_topics", "mock", "signals")}
            for r in full["rounds"]
        ]
        assert [s.model_dump() for s in mine.signals] == full["signals"]
        assert [t.model_dump() for t in mine.story_themes] == full["story_themes"]
        assert mine.story_questions == full["story_questions"]
    assert index.labels.kinds == guide["labels"]["kinds"]
    assert (index.mock.model_dump(), index.story_kinds) == (guide["mock"], guide["story_kinds"])
    assert index.pages == guide["pages"]
    by_id = {q["id"]: q for q in guide["questions"]}
    assert [q.id for q in index.questions] == list(by_id)
    for q in index.questions:
        full = by_id[q.id]
        assert (q.topic, q.kind, q.kind_label, q.covers, q.level, q.origin, q.minutes, q.url, q.prompt_html) == (
            full["topic"],
            full["kind"],
            full["kind_label"],
            len(full["guidance"]["covers"]),
            full["level"],
            full["origin"],
            full["minutes"],
            full["url"],
            full["prompt_html"],
        )
    guidance_files = {t.id: t.guidance for t in index.topics}
    for topic in guide["topics"]:
        file = TopicGuidance.model_validate(_read(built_site, guidance_files[topic["id"]]))
        assert file.topic == topic["id"]
        assert list(file.questions) == topic["questions"]
        for qid, sections in file.questions.items():
            assert [s.model_dump() for s in sections] == by_id[qid]["sections"]
    text = (built_site / _index_path(built_site)).read_text(encoding="utf-8")
    assert '"guidance":{' not in text and '"prompt":' not in text  # no raw model beside the rendered one
