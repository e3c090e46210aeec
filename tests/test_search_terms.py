"""Spelling variants and interview synonyms in the search index (study_guide/search_terms.py)."""

from __future__ import annotations

import json

from study_guide import search_terms


def test_a_text_gets_the_other_words_of_each_group_it_uses():
    assert search_terms.variants("<p>Tell me about a <strong>Behavioural</strong> round.</p>") == [
        "behaviour",
        "behavior",
        "behavioral",
    ]
    assert "disagreement" in search_terms.variants("a conflict with your manager")
    assert "experiment" in search_terms.variants("how would you run the A/B test?")


def test_parts_of_other_words_and_markup_do_not_count():
    assert search_terms.variants("<p class='conflicted'>misbehaviours</p>") == []
    assert search_terms.variants("<span title='experiment'>x</span>") == []


def test_the_built_index_finds_every_section_by_each_word_of_its_groups(built_site):
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    missing = [doc["location"] for doc in index["docs"] if search_terms.variants(doc["title"] + " " + doc["text"])]
    assert missing == []
    assert any(search_terms.HIDDEN.split("{")[0] in doc["text"] for doc in index["docs"])
