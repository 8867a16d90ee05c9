"""Translations are complete, numbers are written the local way, unknown languages are refused."""

from __future__ import annotations

import pytest

from krbnn_analysis import i18n, industries, regions
from krbnn_analysis.errors import TranslationError, UnknownLanguageError


def test_every_translation_has_both_languages_and_the_same_placeholders():
    import re

    for key, entry in i18n.translations().items():
        assert entry["id"] and entry["en"], key
        assert set(re.findall(r"{(\w+)}", entry["id"])) == set(re.findall(r"{(\w+)}", entry["en"])), key


@pytest.mark.parametrize(
    ("function", "args", "indonesian", "english"),
    [
        (i18n.number, (1234567.891, 1), "1.234.567,9", "1,234,567.9"),
        (i18n.number, (0.5, 0), "0", "0"),  # round half to even, as Python's round
        (i18n.percent, (5.73,), "5,7%", "5.7%"),
        (i18n.signed_percent, (-2.149, 2), "−2,15%", "−2.15%"),
        (i18n.signed_number, (0.1179, 2), "+0,12", "+0.12"),
        (i18n.signed_number, (-0.3856, 2), "−0,39", "−0.39"),
        (i18n.rupiah_billion, (162694.33,), "Rp162,7 triliun", "IDR 162.7 trillion"),
        (i18n.rupiah_billion, (875.25,), "Rp875,2 miliar", "IDR 875.2 billion"),
        (i18n.rupiah_thousand, (37513.77,), "Rp37,5 juta", "IDR 37.5 million"),
        (i18n.persons, (4317404,), "4,32 juta jiwa", "4.32 million people"),
        (i18n.points, (1.25, 2), "1,25 poin persen", "1.25 percentage points"),
    ],
)
def test_numbers_are_localised(function, args, indonesian, english):
    assert function(*args[:1], "id", *args[1:]) == indonesian
    assert function(*args[:1], "en", *args[1:]) == english


def test_ordinals_ranks_and_months():
    assert [i18n.ordinal(n, "en") for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101)] == [
        "1st",
        "2nd",
        "3rd",
        "4th",
        "11th",
        "12th",
        "13th",
        "21st",
        "22nd",
        "101st",
    ]
    assert i18n.ordinal(5, "id") == "ke-5"
    assert (
        i18n.rank_phrase(1, 34, "en", superlative_id="terdalam", superlative_en="deepest")
        == "the deepest of 34"
    )
    assert (
        i18n.rank_phrase(5, 38, "id", superlative_id="tertinggi", superlative_en="highest")
        == "tertinggi ke-5 dari 38"
    )
    assert i18n.month_name(9, "id") == "September" and i18n.month_name(8, "id") == "Agustus"


@pytest.mark.parametrize("lang", ["fr", "", None, "ID", 1])
def test_unknown_languages_are_refused(lang):
    with pytest.raises(UnknownLanguageError):
        i18n.t("findings_heading", lang)
    with pytest.raises(UnknownLanguageError):
        i18n.number(1.0, lang)


def test_unknown_label_names_the_table():
    with pytest.raises(TranslationError, match="translations.yaml"):
        i18n.t("no_such_label", "id")


def test_region_and_industry_labels_in_both_languages():
    assert regions.label("53", "id") == "NTT" and regions.get("53").name_en == "East Nusa Tenggara"
    assert industries.label("I", "id") == "Akomodasi & makan minum"
    assert industries.label("I", "en") == "Accommodation & food"
    with pytest.raises(UnknownLanguageError):
        industries.label("I", "fr")
