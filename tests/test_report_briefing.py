"""The library calls briefing notebooks make: key messages, headline table, result tables, panels."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from krbnn_analysis import plotting, report, tables


def test_key_messages_refuse_a_fourth_sentence():
    messages = report.key_messages("en")
    for number in range(3):
        messages.add(id="Pesan {n}.", en="Message {n}.", n=number)
    with pytest.raises(ValueError, match="at most 3"):
        messages.add(id="Satu lagi.", en="One more.")
    assert "Key messages" in messages._repr_html_()


def test_headline_table_formats_per_row_and_dashes_missing_values():
    headline = pd.DataFrame(
        {"51": [1234.567, 0.3456], "00": [np.nan, 0.5]}, index=["row_grdp_current", "row_gini"]
    )
    html = report.headline_table(
        headline, "id", decimals={"row_grdp_current": 1, "row_gini": 3}, years={"levels": 2020, "gini": 2024}
    ).data
    assert "1.234,6" in html and "0,346" in html and "0,500" in html
    assert '<td class="txt">–</td>' in html or ">–<" in html
    assert "Indonesia" in html and "Bali" in html


def test_result_table_names_regions_appends_units_and_fills_missing_text():
    frame = pd.DataFrame(
        {"region_code": ["51", "53"], "value": [1677.1, 1.5], "unit": ["USD", "x"], "legs": [1.0, np.nan]}
    )
    html = report.result_table(
        frame,
        "en",
        columns={"region_code": "col_region", "value": "col_value", "legs": "col_legs_2014"},
        region_columns=["region_code"],
        decimals={"value": None, "legs": 0},
        units={"value": "unit"},
        missing={"legs": "no route"},
        caption="c",
    ).data
    assert "1,677 USD" in html and "1.50 x" in html  # whole from 100 up, else two decimals
    assert "NTT" in html and "no route" in html and "Legs needed" in html


def test_line_panels_split_a_frame_into_one_panel_per_region():
    frame = pd.DataFrame(
        {"region_code": ["51", "51", "52", "52"], "year": [2019, 2020] * 2, "value": [1.0, 2.0, 3.0, 4.0]}
    )
    fig = report.line_panels(
        frame, lang="en", panel_titles=report.region_labels(["51", "52"], "en"), title="t"
    )
    # plotting.setup() may have put titles on the left: read whichever position holds the text
    titles = ["".join(ax.get_title(loc) for loc in ("left", "center", "right")) for ax in fig.axes]
    assert titles == ["Bali", "NTB"]
    plt.close(fig)


def test_month_start_and_latest_by_region():
    frame = pd.DataFrame(
        {
            "region_code": ["51", "51", "52"],
            "year": [2023, 2024, 2023],
            "month": [1, 12, 5],
            "value": [1, 2, 3],
        }
    )
    assert list(tables.month_start(frame).dt.strftime("%Y-%m-%d")) == [
        "2023-01-01",
        "2024-12-01",
        "2023-05-01",
    ]
    values, year = tables.latest_by_region(frame)
    assert values.to_dict() == {"51": 2, "52": 3}
    assert year == 2024


def test_result_table_translates_code_columns_by_key_prefix():
    frame = pd.DataFrame({"product_code": ["maize", "beef"], "value": [1.0, 2.0]})
    html = report.result_table(
        frame,
        "id",
        columns={"product_code": "col_tr_product", "value": "col_value"},
        translated={"product_code": "product_"},
        decimals={"value": 1},
        caption="c",
    ).data
    assert "Jagung" in html and "Daging sapi" in html and "maize" not in html


def test_matrix_chart_writes_every_value_and_leaves_the_diagonal_blank():
    from krbnn_analysis import plotting

    matrix = pd.DataFrame([[np.nan, 51.8], [66.7, np.nan]], index=["Bali", "NTB"], columns=["Bali", "NTB"])
    fig = plotting.matrix_chart(matrix, lang="id", title="t", row_title="r", column_title="c", source="s")
    texts = [text.get_text() for text in fig.axes[0].texts]
    assert texts == ["52", "67", "s"]  # values in the locale, row by row, then the source line
    assert [label.get_text() for label in fig.axes[0].get_xticklabels()] == ["Bali", "NTB"]


def test_rank_spans_say_whether_a_rank_moves():
    ranges = pd.DataFrame({"rank_low": [1, 4], "rank_high": [1, 5]}, index=["energy", "farming"])
    assert report.rank_spans(ranges, "id").tolist() == ["tetap peringkat 1", "peringkat 4–5"]
    assert report.rank_spans(ranges, "en").tolist() == ["stays rank 1", "rank 4–5"]


def test_klassen_categories_pair_each_quadrant_with_its_label_and_registry_colour():
    categories = report.klassen_categories("id")
    assert list(categories) == [1, 2, 3, 4]
    assert categories[3] == ("Berkembang cepat", plotting.KLASSEN_COLOURS[3])
    assert report.klassen_categories("en")[4][0] == "Low growth, low income"


def test_sensitivity_chart_draws_the_range_of_each_area_with_its_rank_span():
    # synthetic sensitivity table of two areas
    ranges = pd.DataFrame(
        {
            "score": [0.9, 0.3],
            "low": [0.8, 0.25],
            "high": [0.95, 0.3],
            "rank_low": [1, 2],
            "rank_high": [1, 2],
        },
        index=["renewable_energy", "tourism"],
    )
    fig = report.sensitivity_chart(ranges, "en", prefix="sy_short_", title="Synthetic", xlabel="score")
    texts = [text.get_text() for text in fig.axes[0].texts]
    assert "stays rank 1" in texts and "stays rank 2" in texts
    labels = [label.get_text() for label in fig.axes[0].get_yticklabels()]
    assert labels == ["Renewable energy", "Tourism"]


def test_caveats_and_sources_take_table_names():
    import html

    from krbnn_analysis.catalog import catalog

    real, hdi = (html.escape(catalog()[name].title.en) for name in ("grdp_real", "hdi"))
    caveats = report.caveats("en", ["grdp_real"]).data
    sources = report.sources_table("en", ["grdp_real"], annex=False).data
    assert real in caveats and real in sources
    assert hdi not in caveats and hdi not in sources


def test_a_tuple_of_codes_is_shown_as_its_labels():
    frame = pd.DataFrame({"movers": [("rice_shortfall", "food_security"), ("none",)]})  # synthetic
    html = report.result_table(
        frame,
        "en",
        columns={"movers": "col_sy_movers"},
        translated={"movers": "sy_ind_"},
        caption="Synthetic",
    ).data
    assert "Rice production per person, as a gap (kg); Food Security Index (0–100)" in html
    assert "<td>none</td>" in html or ">none<" in html


def test_indicator_values_write_each_value_as_its_unit_asks():
    # synthetic indicator table of two indicators and two provinces
    table = pd.DataFrame(
        {
            "key": ["re_potential", "re_generation_share"],
            "unit": ["mw", "percent"],
            "year": [2019, 2019],
            "value_51": [2608.0, 0.1708],
            "value_53": [17888.0, 16.0549],
        }
    )
    values = report.indicator_values(table, "id")
    assert values == {
        "re_potential_year": "2019",
        "re_potential_51": "2.608",
        "re_potential_53": "17.888",
        "re_generation_share_year": "2019",
        "re_generation_share_51": "0,2%",
        "re_generation_share_53": "16,1%",
    }
    assert report.indicator_values(table, "en")["re_potential_53"] == "17,888"
