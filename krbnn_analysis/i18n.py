"""Language handling for briefings: one translation table, and numbers written the local way.

Bahasa Indonesia (``id``) is the default; English (``en``) is the second language. Labels of charts
and tables come from ``translations.yaml`` (one key, both languages); numbers are formatted with
Babel's CLDR locale data, so Indonesian briefings write ``1.234,5`` and English ones ``1,234.5``.
"""

from __future__ import annotations

from functools import cache

import yaml
from babel.numbers import format_decimal

from krbnn_analysis import config
from krbnn_analysis.errors import TranslationError, UnknownLanguageError

LOCALES = {"id": "id_ID", "en": "en_GB"}


def check_language(lang: object) -> str:
    """Return ``lang`` if it is a supported language code, else raise ``UnknownLanguageError``."""
    if not isinstance(lang, str) or lang not in config.LANGUAGES:
        raise UnknownLanguageError(
            f"unknown language {lang!r}; use one of {', '.join(map(repr, config.LANGUAGES))}"
        )
    return lang


@cache
def translations() -> dict[str, dict[str, str]]:
    table = yaml.safe_load(config.TRANSLATIONS_FILE.read_text(encoding="utf-8"))
    for key, entry in table.items():
        missing = [lang for lang in config.LANGUAGES if not entry or not entry.get(lang)]
        if missing:
            raise TranslationError(
                f"translation {key!r} lacks {', '.join(missing)} in {config.TRANSLATIONS_FILE}"
            )
    return table


def t(key: str, lang: str, **values: object) -> str:
    """The label ``key`` in ``lang``; ``{placeholders}`` are filled from ``values``."""
    check_language(lang)
    try:
        text = translations()[key][lang]
    except KeyError:
        raise TranslationError(f"no translation for {key!r} in {config.TRANSLATIONS_FILE}") from None
    return text.format(**values) if values else text


def number(value: float, lang: str, decimals: int = 1) -> str:
    """``1234.56`` → ``1.234,6`` (id) or ``1,234.6`` (en)."""
    check_language(lang)
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(round(float(value), decimals), format=pattern, locale=LOCALES[lang])


def exact_decimals(value: float, decimals: int = 0, most: int = 4) -> int:
    """The fewest decimals ≥ ``decimals`` (≤ ``most``) that write ``value`` exactly: 67.5 needs one.

    A tick or cell must never show a rounded value as if it were exact ("68" for 67.5).
    """
    for shown in range(decimals, most + 1):
        if abs(round(float(value), shown) - float(value)) < 1e-9 * max(1.0, abs(float(value))):
            return shown
    return most


def percent(value: float, lang: str, decimals: int = 1) -> str:
    """A value already in percent: ``5.73`` → ``5,7%`` (id) or ``5.7%`` (en)."""
    return number(value, lang, decimals) + "%"


def signed_number(value: float, lang: str, decimals: int = 1) -> str:
    """A change with an explicit sign: ``+0,12`` / ``−0,39`` (true minus sign)."""
    return ("+" if value >= 0 else "−") + number(abs(value), lang, decimals)


def signed_percent(value: float, lang: str, decimals: int = 1) -> str:
    """Growth with an explicit sign: ``+5,7%`` / ``−2,1%`` (true minus sign)."""
    return signed_number(value, lang, decimals) + "%"


def points(value: float, lang: str, decimals: int = 1) -> str:
    """A difference of percentages: ``1,2 poin persen`` / ``1.2 percentage points``."""
    return t("percentage_points", lang, value=number(value, lang, decimals))


def rupiah_billion(value_bn: float, lang: str, decimals: int = 1) -> str:
    """Billions of rupiah in words: ``Rp162,7 triliun`` / ``IDR 162.7 trillion`` (≥ 1,000 bn)."""
    if abs(value_bn) >= 1000:
        return t("rupiah_trillion", lang, value=number(value_bn / 1000, lang, decimals))
    return t("rupiah_billion", lang, value=number(value_bn, lang, decimals))


def rupiah_thousand(value_thousand: float, lang: str, decimals: int = 1) -> str:
    """Thousands of rupiah as millions: ``Rp37,5 juta`` / ``IDR 37.5 million``."""
    return t("rupiah_million", lang, value=number(value_thousand / 1000, lang, decimals))


def persons(value: float, lang: str, decimals: int = 2) -> str:
    """Persons in millions: ``4,32 juta jiwa`` / ``4.32 million people``."""
    return t("million_people", lang, value=number(value / 1e6, lang, decimals))


def month_name(month: int, lang: str) -> str:
    from babel.dates import get_month_names

    check_language(lang)
    return get_month_names("wide", locale=LOCALES[lang])[int(month)]


def ordinal(rank: int, lang: str) -> str:
    """``3`` → ``ke-3`` (id) or ``3rd`` (en)."""
    check_language(lang)
    if lang == "id":
        return f"ke-{rank}"
    suffix = "th" if 10 <= rank % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(rank % 10, "th")
    return f"{rank}{suffix}"


def rank_phrase(rank: int, total: int, lang: str, *, superlative_id: str, superlative_en: str) -> str:
    """``rank_phrase(1, 34, "en", superlative_en="deepest", …)`` → ``the deepest of 34``;
    rank 3 → ``the 3rd deepest of 34`` / ``terdalam ke-3 dari 34``."""
    check_language(lang)
    if lang == "id":
        return (
            f"{superlative_id} dari {total}"
            if rank == 1
            else f"{superlative_id} {ordinal(rank, 'id')} dari {total}"
        )
    return (
        f"the {superlative_en} of {total}"
        if rank == 1
        else f"the {ordinal(rank, 'en')} {superlative_en} of {total}"
    )
