"""Briefing pieces as staff read them: source lines from the catalog, a sources table in the reader's
language with the technical details collapsed, key messages first, headline tables, local numbers."""

from __future__ import annotations

import re

import pandas as pd

from krbnn_analysis import report
from krbnn_analysis.catalog import catalog


def test_chart_source_line_comes_from_the_catalog_citation():
    assert report.source_line("id", "grdp") == "Sumber: " + catalog()["grdp"].citation.id
    assert report.source_line("en", "grdp").startswith("Source: BPS, GRDP 2010 series")
    both = report.source_line("id", "grdp", "grdp_growth_published", computed=True)
    assert both.startswith("Sumber: dihitung dari BPS, PDRB Seri 2010")
    assert "; BPS, Laju Pertumbuhan PDRB ADHK 2010" in both
    assert report.source_line("id", "poverty", "poverty").count("BPS, Persentase Penduduk Miskin") == 1


def _outside_annex(html: str) -> str:
    return re.sub(r"<details.*?</details>", "", html, flags=re.DOTALL)


def test_sources_table_names_publisher_and_publication_and_collapses_the_technical_details():
    datasets = [catalog()[name] for name in ("grdp", "poverty", "kabkota_boundaries")]
    html = report.sources_table("id", datasets).data
    visible = _outside_annex(html)
    assert "BPS, PDRB Seri 2010 menurut provinsi" in visible
    assert "BPS, Persentase Penduduk Miskin" in visible
    for technical in ("sha256", "github.com", "As above", "not stated", "MIT", "inflasi", "<code>"):
        assert technical not in visible, technical
    annex = re.search(r"<details[^>]*>.*</details>", html, flags=re.DOTALL).group(0)
    assert "<details open" not in html  # collapsed: prints as one line
    assert "github.com" in annex and "MIT" in annex and "tidak dinyatakan" in annex
    assert catalog()["grdp"].sources[0].sha256[:12] in annex


def test_licences_are_named_without_maintainer_notes_and_in_the_reader_language():
    assert report.licence_label("MIT (repository LICENSE, © 2024 Cahya DSN)", "id") == "MIT"
    assert report.licence_label("CC BY 4.0 (data, per DATA_LICENSE.md; code MIT)", "en") == "CC BY 4.0"
    assert report.licence_label("not stated", "id") == "tidak dinyatakan"
    assert report.licence_label("not stated", "en") == "not stated"


def test_key_messages_open_the_briefing_under_a_second_level_heading():
    messages = report.key_messages("id")
    messages.add(id="Bali tumbuh {g} pada {y}.", en="Bali grew by {g} in {y}.", g="5,48%", y=2024)
    html = messages._repr_html_()
    assert '<section class="krbnn-key-messages"><h2>Pesan utama</h2>' in html
    assert "Bali tumbuh 5,48% pada 2024." in html


def test_headline_table_has_an_indonesia_column_and_local_numbers():
    headline = pd.DataFrame(
        {"51": [77.76, 6_275_210], "52": [72.37, 57_763], "53": [68.4, 2_034], "00": [75.02, None]},
        index=["row_hdi", "row_t_arrivals_base"],
    )
    html = report.headline_table(
        headline, "id", decimals={"row_hdi": 2, "row_t_arrivals_base": 0}, years={"hdi": 2024, "base": 2019}
    ).data
    headers = re.findall(r"<th[^>]*>([^<]*)</th>", html)
    assert headers[1:] == ["Bali", "NTB", "NTT", "Indonesia"]
    assert ">77,76<" in html and ">75,02<" in html and ">6.275.210<" in html
    assert html.count(">–<") == 1  # no national figure for arrivals through the region's ports
    assert 'class="num ref"' in html  # the Indonesia column is set apart


def test_tables_write_numbers_the_local_way_and_keep_years_plain():
    frame = pd.DataFrame({"Tahun": [2019], "Kedatangan": [6275210], "Pangsa": [0.25], "Jarak": [1234.5]})
    html = report.table(frame, "id").data
    assert ">2019<" in html and ">6.275.210<" in html and ">0,25<" in html and ">1.234,5<" in html
    english = report.table(frame.rename(columns={"Tahun": "Year"}), "en").data
    assert ">2019<" in english and ">6,275,210<" in english and ">1,234.5<" in english
