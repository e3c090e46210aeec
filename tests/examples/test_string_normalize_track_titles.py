"""Tested solution for string-normalize-track-titles."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from . import PROPERTY, load_example

mod = load_example("string_normalize_track_titles.py")

ASCII_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)
# Combining marks that sit on Latin letters in real names (grave to ogonek), plus the Greek iota
# subscript, which case folding turns into a letter unless the accent is dropped first.
LATIN_MARKS = st.sampled_from([chr(c) for c in range(0x0300, 0x0370)])
# Lower-case letters of scripts that are not Latin, with the marks those scripts write with.
NON_LATIN_LETTERS = (
    "абвгдежзийклмнопрстуфхцчшщъыьэюяёї"  # Cyrillic (й and ї carry marks in NFD)
    "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊ"  # Greek, with tonos and dialytika
    "アイウカキクサシスタチツハヒフバビブパピプガギグ"  # Katakana, voiced marks included
    "あいうかがきぎくぐ"  # Hiragana
    "कखगघचछजझटडतदनपबमयरलवसह"  # Devanagari consonants
    "ािीुूेैोौंः्"  # Devanagari vowel signs and marks
    "가각나다라마바사아자차카타파하한글"  # Hangul syllables
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"  # Arabic
    "東京大阪"  # Han
)
NON_LATIN_WORD = st.text(alphabet=NON_LATIN_LETTERS, min_size=1, max_size=6).map(
    lambda w: unicodedata.normalize("NFC", w)
)


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


def test_marks_in_other_scripts_are_part_of_the_letter():
    assert mod.key("バス") != mod.key("ハス")  # bus and lotus: the voiced mark changes the word
    assert mod.key("Йогурт") == "йогурт" != mod.key("Иогурт")
    assert mod.key("हिन्दी") == "हिन्दी"  # vowel signs and virama are kept inside the word
    assert mod.key("Ἀθῆναι") == mod.key("ἀθῆναι")  # Greek keeps its accents, only the case folds


def test_compatibility_forms_fold():
    assert mod.key("ＳＯＮＧ") == mod.key("song") == mod.key("Song")
    assert mod.key("ﬁre") == mod.key("fire")


def _groups_by_brute_force(titles: list[str]) -> list[list[str]]:
    """Compare every title with the first title of every group so far: O(n^2), obviously right."""
    groups: list[list[str]] = []
    for title in titles:
        for group in groups:
            if mod.key(group[0]) == mod.key(title):
                group.append(title)
                break
        else:
            groups.append([title])
    return groups


TITLES = st.lists(
    st.one_of(
        st.text(max_size=12),
        st.sampled_from(["Song", "song - remastered", "SONG (Mono)", "Sóng", "バス", "ハス", "й", "и", ""]),
    ),
    max_size=20,
)


@PROPERTY
@given(TITLES)
def test_grouping_matches_pairwise_comparison_of_keys(titles):
    assert mod.group_titles(iter(titles)) == _groups_by_brute_force(titles)  # one pass over a generator


@PROPERTY
@given(st.text(max_size=20))
def test_a_key_is_composed_words_one_space_apart_and_its_own_key(title):
    k = mod.key(title)
    assert k == k.strip() and "  " not in k
    assert k == unicodedata.normalize("NFC", k)
    assert mod.key(k) == k


@PROPERTY
@given(st.lists(ASCII_WORD, min_size=1, max_size=4), st.data())
def test_accents_on_latin_letters_are_dropped(words, data):
    accented = []
    for word in words:
        letters = [ch + "".join(data.draw(st.lists(LATIN_MARKS, max_size=2))) for ch in word]
        accented.append("".join(letters))
    assert mod.key(" ".join(accented)) == " ".join(words)


@PROPERTY
@given(st.lists(ASCII_WORD, min_size=1, max_size=4))
def test_case_does_not_matter_for_latin_text(words):
    title = " ".join(words)
    assert mod.key(title.upper()) == mod.key(title.title()) == mod.key(title) == title


@PROPERTY
@given(st.lists(NON_LATIN_WORD, min_size=1, max_size=4))
def test_non_latin_words_keep_every_character(words):
    title = " ".join(words)
    assert mod.key(title) == title


@PROPERTY
@given(NON_LATIN_WORD, NON_LATIN_WORD)
def test_different_non_latin_words_never_merge(a, b):
    assert (mod.key(a) == mod.key(b)) == (a == b)


@PROPERTY
@given(
    st.lists(st.one_of(ASCII_WORD, NON_LATIN_WORD), min_size=1, max_size=3),
    st.lists(st.one_of(st.sampled_from(sorted(mod.VERSION_TAGS)), st.integers(1950, 2030).map(str)), min_size=1),
    st.sampled_from(["{} ({})", "{} [{}]", "{} - {}"]),
)
def test_version_tag_suffixes_are_dropped(words, tags, pattern):
    title = " ".join(words)
    assert mod.key(pattern.format(title, " ".join(tags))) == mod.key(title)


@PROPERTY
@given(st.lists(ASCII_WORD, min_size=1, max_size=3), st.sampled_from(["live", "acoustic", "remix", "demo"]))
def test_other_suffixes_keep_titles_apart(words, suffix):
    title = " ".join(words)
    assert mod.key(f"{title} ({suffix})") != mod.key(title)
    assert mod.key(f"{title} - {suffix}") != mod.key(title)
