"""Tested solution for string-normalize-track-titles."""

from __future__ import annotations

from . import load_example

mod = load_example("string_normalize_track_titles.py")


def test_versions_of_one_recording_group_together():
    titles = [
        "Song Title (Remastered 2011)",
        "song title - remastered",
        "Sóng Title",
        "Song Title (Live)",
        "Song Title - Live",
        "Other Song [Remaster]",
        "other song",
        "東京 (Remastered)",
        "東京",
    ]
    assert mod.group_titles(titles) == [
        ["Song Title (Remastered 2011)", "song title - remastered", "Sóng Title"],
        ["Song Title (Live)", "Song Title - Live"],  # a different recording stays apart
        ["Other Song [Remaster]", "other song"],
        ["東京 (Remastered)", "東京"],  # non-Latin titles are kept, not stripped
    ]


def test_case_folding_not_lower():
    assert mod.key("STRASSE") == mod.key("straße")
