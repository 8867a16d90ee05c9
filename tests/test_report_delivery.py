"""Delivery to staff: landing page, CSV behind charts and headline tables, the workbook of every table."""

from __future__ import annotations

import base64
import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from krbnn_analysis import config, plotting
from krbnn_analysis.report import landing
from krbnn_analysis.report.downloads import data_csv, download_link, read_data_csv, with_data
from krbnn_analysis.report.workbook import column_header, sheet_names, write_workbook

BUILD_DATE = "2026-01-31"
STAMP = {"version": "9.9.9", "commit": "abc123def456", "date": BUILD_DATE}


def _decoded_links(text: str) -> list[str]:
    """The CSV texts of every data-URI download link in an HTML page."""
    found = re.findall(r'href="data:text/csv;charset=utf-8;base64,([A-Za-z0-9+/=]+)"', text)
    return [base64.b64decode(x).decode("utf-8").removeprefix("\ufeff") for x in found]


# --- the CSV behind a chart -------------------------------------------------------------------------------


def test_line_chart_csv_equals_the_plotted_frame():
    frame = pd.DataFrame(
        {"region_code": ["51", "51", "52"], "year": [2020, 2021, 2021], "value": [1.5, 2.25, -0.5]}
    )
    fig = plotting.line_chart(frame, lang="en", title="Growth", source="Source: BPS, GRDP")
    drawn, source, lang = plotting.figure_data(fig)
    text = data_csv(drawn, lang, source)
    assert text.splitlines()[0] == "# Source: BPS, GRDP"
    assert text.splitlines()[1].startswith("# Licence: ")
    codes_as_read = frame.assign(region_code=frame["region_code"].astype("int64"))  # a CSV has no types
    pd.testing.assert_frame_equal(read_data_csv(text), codes_as_read)
    plotting.plt.close(fig)


def test_panels_keep_the_rows_of_every_panel_with_their_title():
    fig, axes = plotting.plt.subplots(1, 2)
    first = pd.DataFrame({"region_code": ["51"], "year": [2020], "value": [1.0]})
    second = pd.DataFrame({"region_code": ["53"], "year": [2020], "value": [4.0]})
    plotting.line_chart(first, lang="id", title="Panel A", ax=axes[0])
    plotting.line_chart(second, lang="id", title="Panel B", ax=axes[1])
    drawn, _, _ = plotting.figure_data(fig)
    assert drawn["panel"].tolist() == ["Panel A", "Panel B"]
    assert drawn["value"].tolist() == [1.0, 4.0]
    plotting.plt.close(fig)


def test_download_link_is_a_data_uri_of_the_csv_with_the_reader_label():
    csv = data_csv(pd.DataFrame({"a": [1, 2]}), "id", "Sumber: uji")
    link = download_link(csv, "x.csv", "id")
    assert "Unduh data (CSV)" in link and 'download="x.csv"' in link
    assert _decoded_links(link) == [csv]
    assert "Download data (CSV)" in download_link(csv, "x.csv", "en")


def test_a_table_shown_with_its_data_keeps_the_html_and_carries_the_csv():
    shown = with_data("<table></table>", pd.DataFrame({"a": [1.5]}), "en", source="Source: test")
    data, metadata = shown._repr_html_()
    assert data == "<table></table>"
    assert read_data_csv(metadata["krbnn_data_csv"])["a"].tolist() == [1.5]


# --- the workbook ---------------------------------------------------------------------------------------


def test_sheet_names_are_unique_and_fit_excel():
    names = sheet_names(["a" * 40, "a" * 40 + "b", "hdi"])
    assert len(set(names.values())) == 3
    assert all(len(n) <= 31 for n in names.values())
    assert names["hdi"] == "hdi"


def test_column_header_carries_the_unit_from_the_catalog():
    from krbnn_analysis.catalog import catalog

    dataset = next(d for d in catalog().values() if any(c.unit for c in d.columns))
    column = next(c for c in dataset.columns if c.unit)
    assert column_header(dataset, column.name) == f"{column.name} ({column.unit})"
    plain = next(c for c in dataset.columns if not c.unit)
    assert column_header(dataset, plain.name) == plain.name


def _sheet_names_in(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        workbook = archive.read("xl/workbook.xml").decode("utf-8")
    return re.findall(r'<sheet name="([^"]+)"', workbook)


def _shared_strings(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/sharedStrings.xml").decode("utf-8")


def test_workbook_lists_each_table_with_its_metadata_and_is_reproducible(tmp_path):
    from krbnn_analysis.catalog import catalog

    first = write_workbook(["poverty", "hdi"], tmp_path / "a.xlsx", BUILD_DATE)
    second = write_workbook(["hdi", "poverty"], tmp_path / "b.xlsx", BUILD_DATE)
    assert first.read_bytes() == second.read_bytes()
    assert _sheet_names_in(first) == ["Daftar tabel - Tables", "hdi", "poverty"]
    strings = _shared_strings(first)
    hdi = catalog()["hdi"]
    for text in (hdi.title.id, hdi.title.en, "Tahun terbaru / Latest year", "Kualitas / Quality"):
        assert text.replace("&", "&amp;") in strings, text


# --- the landing page ----------------------------------------------------------------------------------


def _listed() -> list[landing.ListedBriefing]:
    figure = landing.KeyFigure({"id": "0,77%", "en": "0.77%"}, {"id": "Ekspor, 2021", "en": "Exports, 2021"})
    trade = landing.ListedBriefing(
        "05_trade", {"id": "Perdagangan", "en": "Trade"}, "trade", figure, (2016, 2022)
    )
    extra = landing.ListedBriefing("90_extra", {"id": "Lain", "en": "Extra"}, None, None, None)
    return [trade, extra]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_landing_page_lists_every_focus_area_and_marks_those_without_a_briefing(lang):
    page = landing.landing_html(lang, _listed(), STAMP, css="", date_text="31 Januari 2026", workbook=True)
    for area in landing.AREAS:
        assert area.name[lang] in page
    missing = landing.text("not_yet", lang)
    assert page.count(missing) == len(landing.AREAS) - 1  # all but trade
    assert f'<html lang="{lang}">' in page
    assert ("0,77%" if lang == "id" else "0.77%") in page
    assert 'href="id/05_trade.html"' in page and 'href="en/05_trade.html"' in page
    assert 'href="id/90_extra.html"' in page  # a briefing outside the registry is listed too
    assert "abc123def456" in page and "9.9.9" in page and "krbnn_tables.xlsx" in page
    other = "en" if lang == "id" else "id"
    assert f'href="{landing.INDEX_FILES[other]}"' in page  # the language switch


def test_registry_names_known_areas_and_existing_modules():
    import importlib

    keys = {area.key for area in landing.AREAS}
    for entry in landing.REGISTRY:
        assert entry.area in keys
        assert hasattr(importlib.import_module(entry.module), "compute")
        assert (config.notebooks_dir() / f"{entry.notebook}.ipynb").exists(), entry.notebook
    assert len({e.notebook for e in landing.REGISTRY}) == len(landing.REGISTRY)


def test_latest_years_span_the_tables_freshness():
    from krbnn_analysis.catalog import catalog

    entries = catalog()
    years = [entries[n].freshness["latest_year"] for n in ("hdi", "poverty", "paddy")]
    assert landing.latest_years(["hdi", "poverty", "paddy"]) == (min(years), max(years))
    assert landing.latest_years(["province_boundaries"]) is None
    assert landing.latest_years([]) is None


def test_a_target_year_quoted_from_text_does_not_stretch_the_span():
    from krbnn_analysis.catalog import catalog

    assert catalog()["text_figures"].freshness["latest_year"] == 2030  # a quoted 2030 target
    hdi = catalog()["hdi"].freshness["latest_year"]
    assert landing.latest_years(["hdi", "text_figures", "energy_text_figures"]) == (hdi, hdi)


def test_landing_page_shows_the_span_of_latest_years():
    page = landing.landing_html("en", _listed(), STAMP, css="", date_text="", workbook=False)
    assert "Latest year of data, by table: 2016–2022" in page
    assert "krbnn_tables.xlsx" not in page  # no workbook without tables


@pytest.fixture(scope="module")
def trade_figure():
    return landing.compute_key_figure(landing.registry_by_notebook()["05_trade"])


def test_trade_key_figure_is_the_regions_0_77_percent_of_nonoil_exports_2021(trade_figure):
    # (508.4 + 1,140.5 + 41.4) / 219,246.9 × 100 = 0.77 (tests/briefings/test_trade.py)
    assert trade_figure.value == {"id": "0,77%", "en": "0.77%"}
    assert trade_figure.caption["en"].endswith("2021") and trade_figure.caption["id"].endswith("2021")


def _landing_texts() -> list[dict[str, str]]:
    figures = [
        landing.overview_figure(type("R", (), {"levels_end": 2020, "three_share_of_indonesia": 3.0})),
        landing.trade_figure(type("R", (), {"nonoil_years": (2017, 2021), "region_exports_share": 0.77})),
    ]
    return [
        *landing.TEXT.values(),
        *(area.name for area in landing.AREAS),
        *(area.line for area in landing.AREAS),
        *(figure.caption for figure in figures),
    ]


def test_landing_texts_are_in_one_language_each_and_plain():
    english = re.compile(r"\b(the|and|of|with|from|which|table|data is)\b", re.IGNORECASE)
    indonesian = re.compile(r"\b(dan|yang|dari|untuk|dengan|menurut|tahun)\b", re.IGNORECASE)
    developer = re.compile(r"`|\b[a-z][a-z0-9]*_[a-z0-9_]+\b|\bupstream\b|\bcompute\b", re.IGNORECASE)
    for texts in _landing_texts():
        assert not english.findall(texts["id"]), texts["id"]
        assert not indonesian.findall(texts["en"]), texts["en"]
        for lang in ("id", "en"):
            assert not developer.findall(texts[lang].replace("krbnn_tables.xlsx", "")), texts[lang]
