"""Text a reader sees: in the briefing's language only, in plain words, with usable sources.

Reader-facing catalog fields are a table's title, its quality reason, its caveats and its citation (the
publisher, table or publication and edition shown under charts and in the sources table).
"""

from __future__ import annotations

import re

import pytest

from krbnn_analysis import i18n
from krbnn_analysis.catalog import Dataset, Text, catalog

# Words of one language that never belong in a sentence of the other. Proper names (World Port Index,
# The Jakarta Post, OpenStreetMap) are left out on purpose.
ENGLISH_MARKERS = re.compile(
    r"\b(the|and|of|with|from|not stated|as above|downloaded|accessed|vintage|source|edition|"
    r"per row|see|flag|flagged|which|should|cannot|figures?|table|rows?)\b",
    re.IGNORECASE,
)
INDONESIAN_MARKERS = re.compile(
    r"\b(dan|yang|dari|untuk|tidak|dengan|menurut|tahun|diunduh|diakses|sumber|kompilasi|adalah)\b",
    re.IGNORECASE,
)
# Names from code: backticks, snake_case identifiers, internal flags, and jargon the issue named.
DEVELOPER_WORDS = re.compile(
    r"`|\b[a-z][a-z0-9]*_[a-z0-9_]+\b|\bvintase\b|\bhulu\b|\bupstream\b|\bREADME\b",
    re.IGNORECASE,
)
TEXT_MARKERS_EXEMPT = {"The Jakarta Post"}  # a newspaper's name, not an English sentence


def _reader_texts(dataset: Dataset) -> list[tuple[str, Text | None]]:
    return [
        ("title", dataset.title),
        ("quality reason", dataset.quality.reason),
        ("citation", dataset.citation),
        *(("caveat", caveat) for caveat in dataset.caveats),
    ]


def _without_exempt_names(text: str) -> str:
    for name in TEXT_MARKERS_EXEMPT:
        text = text.replace(name, "")
    return text


@pytest.mark.parametrize("name", sorted(catalog()))
def test_every_reader_facing_catalog_field_has_both_languages(name):
    for field, text in _reader_texts(catalog()[name]):
        assert text is not None, f"{name}: no {field}"
        assert text.id.strip() and text.en.strip(), f"{name}: {field} lacks a language"


@pytest.mark.parametrize("name", sorted(catalog()))
def test_indonesian_catalog_texts_hold_no_english_and_vice_versa(name):
    for field, text in _reader_texts(catalog()[name]):
        english = ENGLISH_MARKERS.findall(_without_exempt_names(text.id))
        assert not english, f"{name} {field} (id) has English words {english}: {text.id}"
        indonesian = INDONESIAN_MARKERS.findall(text.en)
        assert not indonesian, f"{name} {field} (en) has Indonesian words {indonesian}: {text.en}"


@pytest.mark.parametrize("name", sorted(catalog()))
def test_catalog_texts_hold_no_developer_words(name):
    for field, text in _reader_texts(catalog()[name]):
        for lang in ("id", "en"):
            found = DEVELOPER_WORDS.findall(text.get(lang))
            assert not found, f"{name} {field} ({lang}) has developer words {found}: {text.get(lang)}"


PLACEHOLDER = re.compile(r"\{[^{}]*\}")  # {exp_last} is filled with a number, never shown as such


def test_translation_labels_hold_no_developer_words_or_other_language():
    for key, entry in i18n.translations().items():
        for lang in ("id", "en"):
            assert not DEVELOPER_WORDS.findall(PLACEHOLDER.sub("", entry[lang])), (key, entry[lang])
        assert not ENGLISH_MARKERS.findall(_without_exempt_names(entry["id"])), (key, entry["id"])


def test_the_checks_catch_what_the_issue_reported():
    # The defects the review found, as they read before the fix.
    assert ENGLISH_MARKERS.search("not stated") and ENGLISH_MARKERS.search("As above")
    assert DEVELOPER_WORDS.search("lihat `text_figures`") and DEVELOPER_WORDS.search("flag as_released")
    assert DEVELOPER_WORDS.search("n_suspect_airlines") and DEVELOPER_WORDS.search("Vintase")
    assert DEVELOPER_WORDS.search("sumber hulu")
    assert INDONESIAN_MARKERS.search("sources of inflasi dan kapasitas")
