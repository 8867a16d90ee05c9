"""The text_figures table: one row per number, each with its source, topic, parsed year and known issues."""

from __future__ import annotations

import pandas as pd
import pytest

from krbnn_analysis import catalog, config, load
from krbnn_analysis.pipeline.subjects import macro, text_figures
from krbnn_analysis.pipeline.upstream import UpstreamFiles

UPSTREAM = "text_figures/figures_statistics_from_text.csv"


def _figures() -> pd.DataFrame:
    return load("text_figures")


def _has(frame: pd.DataFrame, flag: str) -> pd.Series:
    return frame["flags"].fillna("").str.split(";").map(lambda flags: flag in flags)


def _caveats(lang: str = "en") -> str:
    return " ".join(c.get(lang) for c in catalog()["text_figures"].caveats)


def test_one_row_per_upstream_number_with_province_codes():
    figures = _figures()
    assert len(figures) == 247
    assert figures["region_code"].value_counts().to_dict() == {"51": 87, "52": 78, "53": 75, "00": 7}
    assert set(figures.loc[figures["region_code"] == "00", "region_name"]) == {"Indonesia"}


@pytest.mark.upstream
def test_values_and_sources_equal_the_upstream_rows():
    raw = pd.read_csv(config.upstream_dir() / UPSTREAM, dtype=str, keep_default_na=False)
    figures = _figures()
    assert sorted(figures["value"]) == sorted(raw["value"].astype(float))
    assert set(figures["source_title"]) == set(raw["source_title"])
    bali_2024 = figures.query("region_code == '51' and indicator == 'foreign_visitor_arrivals_annual'")
    assert bali_2024.set_index("year")["value"].to_dict() == {2023: 5_273_258, 2024: 6_333_360}


def test_every_row_has_its_own_title_and_url():
    figures = _figures()
    assert figures["source_title"].str.strip().ne("").all()
    assert figures["source_url"].str.match(r"https?://\S+$").all()
    ntt_2021 = figures.query("region_code == '53' and indicator == 'grdp_growth' and year == 2021")
    assert ntt_2021["source_url"].item().startswith("https://databoks.katadata.co.id/datapublish/2022/03/15/")


def test_dapoer_rows_are_kept_and_marked_as_a_database_extract():
    figures = _figures()
    dapoer = figures[figures["source_kind"] == "database_extract"]
    assert len(dapoer) == 123
    assert set(dapoer["source_url"]) == {
        "https://github.com/nayfajo/indonesia-subnational-gdp/blob/5bac8f4293105ff792f9764a373b4dd782b53e39/"
        "dapoer_extract/dee68668-cee8-410a-9807-d375830e6e72_Data.csv"
    }
    assert set(figures.loc[figures["source_url"].str.contains("bps.go.id"), "source_kind"]) == {
        "official_release"
    }
    assert "World Bank database extract" in _caveats()


def _bps_table_of_may_2021() -> pd.DataFrame:
    """GRDP levels of the BPS table of May 2021 (`grdp` now takes constant prices from a newer vintage)."""
    files = UpstreamFiles([macro.ARCHENSYS])
    raw = files.read_csv(macro.ARCHENSYS, **macro.ARCHENSYS_COLUMNS)
    return macro.tidy_archensys_grdp(raw, str(files.path(macro.ARCHENSYS))).query("indicator == 'grdp'")


@pytest.mark.upstream
def test_dapoer_grdp_flagged_exactly_where_it_differs_from_the_bps_table():
    figures = _figures()
    dapoer = figures[
        (figures["source_kind"] == "database_extract") & figures["indicator"].str.startswith("grdp")
    ]
    dapoer = dapoer.assign(price_basis=dapoer["indicator"].map(text_figures.DAPOER_GRDP))
    grdp = _bps_table_of_may_2021()
    merged = dapoer.merge(grdp, on=["region_code", "year", "price_basis"], suffixes=("", "_bps"))
    assert len(merged) == 60
    differs = (merged["value"] / 1000 - merged["value_bps"]).abs() > 0.01
    assert (_has(merged, "older_vintage") == differs).all()
    assert sorted(set(merged.loc[differs, "year"])) == [2015, 2016, 2017]
    bali = merged.query("region_code == '51' and price_basis == 'ADHB' and year == 2016").iloc[0]
    assert (bali["value"], bali["value_bps"]) == (194_617_982.87969, 194_089.58)
    assert merged.query("region_code == '51' and price_basis == 'ADHK2010' and year == 2010")[
        "value_bps"
    ].item() == pytest.approx(93_749.35)


def test_interpolated_dapoer_population_is_flagged():
    figures = _figures()
    population = figures[figures["indicator"] == text_figures.DAPOER_POPULATION]
    interpolated = population[_has(population, "interpolated")]
    assert sorted(set(interpolated["year"])) == list(range(2001, 2010))
    assert len(interpolated) == 27
    assert (interpolated["value"] % 1 != 0).all()
    assert (population.loc[~_has(population, "interpolated"), "value"] % 1 == 0).all()
    assert "interpolated" in _caveats()


def test_old_base_2000_rows_are_flagged():
    figures = _figures()
    base_2000 = figures[_has(figures, "base_2000")]
    assert len(base_2000) == 6
    assert set(base_2000["year"]) == {2007, 2013}
    assert base_2000.query("region_code == '52'")["value"].max() == 33_518.59
    assert (base_2000["unit"] != base_2000["unit_as_given"]).sum() == 1  # '(2000-base series)' moved out
    assert "2000-base" in _caveats()


def test_revised_figures_are_flagged_against_the_bps_webapi():
    figures = _figures()
    annual_growth = figures[figures["indicator"].isin(["grdp_growth", "grdp_growth_c_to_c"])]
    published = load("grdp_growth_published").set_index(["region_code", "year"])["value"]
    compared = annual_growth.assign(
        later=[
            published.get((c, y))
            for c, y in zip(annual_growth["region_code"], annual_growth["year"], strict=True)
        ]
    ).dropna(subset=["later"])
    assert len(compared) == 4  # NTT 2021, NTT 2023, NTB 2023, NTB 2024
    revised = (compared["value"] - compared["later"]).abs() > 0.005
    assert (_has(compared, "revised_later") == revised).all()
    assert compared.loc[revised].set_index("year")["value"].to_dict() == {2021: 2.51, 2023: 3.52}
    for (code, _, period), later in text_figures.REVISED_LATER.items():
        assert published[(code, int(period))] == later  # the module's constants are the WebAPI values
    assert "3.52%" in _caveats() and "3.49%" in _caveats()


def test_grdp_figures_from_the_news_are_marked_as_released():
    figures = _figures()
    grdp_text = figures[(figures["topic"] == "macro") & (figures["source_kind"] != "database_extract")]
    assert _has(grdp_text, "as_released").all()
    assert not _has(figures[figures["topic"] != "macro"], "as_released").any()


def test_rounded_numbers_are_flagged_and_units_cleaned():
    figures = _figures()
    rounded = figures[_has(figures, "rounded_in_text")]
    assert len(rounded) == 8
    jan_jun = rounded.query("indicator == 'foreign_visitor_arrivals_jan_jun' and year == 2024").iloc[0]
    assert (jan_jun["value"], jan_jun["unit"], jan_jun["unit_as_given"]) == (
        2_910_000,
        "visits",
        "visits (reported as 2.91 million)",
    )
    assert not figures["unit"].str.contains("reported as").any()


def test_topics_follow_the_explicit_mapping():
    figures = _figures().set_index("indicator")["topic"]
    assert figures["lombok_airport_cargo"].unique().tolist() == ["transport"]
    assert figures["electrification_ratio"].unique().tolist() == ["energy"]
    assert figures["cattle_population_kab_dompu"] == "agriculture"
    assert figures["merchandise_exports_value_november"] == "trade"
    assert figures["komodo_national_park_visitors_foreign"] == "tourism"
    assert figures["share_accommodation_food_service_in_grdp_q3"] == "macro"
    assert _figures()["topic"].value_counts().to_dict() == {
        "macro": 178,  # 123 DAPOER rows + 55 GRDP figures from text
        "tourism": 28,
        "energy": 18,
        "agriculture": 13,
        "transport": 7,
        "trade": 3,
    }


def test_topic_of_refuses_an_unmapped_or_ambiguous_indicator():
    assert text_figures.topic_of("grdp_growth") == "macro"
    with pytest.raises(ValueError, match="extend TOPIC_RULES"):
        text_figures.topic_of("ferry_passengers")
    with pytest.raises(ValueError, match=r"\['tourism', 'energy'\]"):
        text_figures.topic_of("foreign_visitor_electrification")


def test_period_parsing_keeps_raw_text_and_parses_only_unambiguous_years():
    assert text_figures.parse_period("2019") == (2019, None)
    assert text_figures.parse_period(" 2030 ") == (2030, None)
    assert text_figures.parse_period("2017-02") == (2017, 2)
    assert text_figures.parse_period("2021-01-23") == (2021, 1)
    assert text_figures.parse_period("c. 2019") == (None, None)
    assert text_figures.parse_period("2022-2023") == (None, None)  # a range: no single year
    assert text_figures.parse_period("") == (None, None)
    with pytest.raises(ValueError, match="2019/2020"):
        text_figures.parse_period("2019/2020")
    figures = _figures()
    assert (figures["period_raw"] == figures["year"].astype(str)).all()  # this release: plain years only
    assert figures.loc[figures["indicator"] == "renewable_capacity_target_2030", "year"].item() == 2030


def test_indicators_are_snake_case_with_the_qualifier_apart():
    assert text_figures.split_indicator("avg_foreign_visitor_spending_per_visit (Passenger Exit Survey)") == (
        "avg_foreign_visitor_spending_per_visit",
        "Passenger Exit Survey",
    )
    assert text_figures.split_indicator("Labuan_Bajo_(Manggarai_Barat)_tourist_visits_total") == (
        "labuan_bajo_tourist_visits_total",
        "Manggarai Barat",
    )
    assert text_figures.split_indicator("JBC_500kV_EHV_line_length_planned") == (
        "jbc_500kv_ehv_line_length_planned",
        None,
    )
    with pytest.raises(ValueError, match="no snake_case identifier"):
        text_figures.split_indicator("(only a note)")
    for name in ("text_figures", "energy_text_figures"):
        figures = load(name)
        assert figures["indicator"].str.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*").all(), name
        assert not figures["indicator_note"].str.contains(r"[()]", na=False).any(), name
    spending = _figures().query(
        "indicator == 'avg_foreign_visitor_spending_per_visit' and region_code == '00'"
    )
    spending = spending.iloc[0]
    assert (spending["indicator_note"], spending["value"], spending["unit"]) == (
        "Passenger Exit Survey",
        1391.85,
        "USD per visit",
    )


def test_both_figure_tables_have_one_shape():
    entries = catalog()
    shape = [(c.name, c.type, c.nullable) for c in entries["text_figures"].columns]
    assert shape == [(c.name, c.type, c.nullable) for c in entries["energy_text_figures"].columns]
    assert (
        list(_figures().columns)
        == list(load("energy_text_figures").columns)
        == [name for name, _, _ in shape]
    )
    assert entries["text_figures"].primary_key == entries["energy_text_figures"].primary_key


def test_sub_annual_periods_are_read_from_the_indicator():
    figures = _figures().set_index(["region_code", "indicator", "year"])["period_within_year"]
    assert figures[("52", "grdp_adhb_q1", 2024)] == "Q1"
    assert figures[("51", "foreign_visitor_arrivals_jan_sep", 2019)] == "Jan-Sep"
    assert figures[("51", "foreign_visitor_arrivals_annual", 2023)] == "year"
    assert figures[("53", "grdp_growth_c_to_c", 2023)] == "year"
    assert figures[("51", "foreign_visitor_arrivals_december", 2024)] == "Dec"
    assert figures[("53", "grdp_growth", 2021)] == "not_stated"


def test_kabkota_named_in_the_indicator_get_their_bps_code():
    figures = _figures()
    named = figures.dropna(subset=["kabkota_code"]).set_index("indicator")["kabkota_code"]
    assert named["cattle_population_kab_sumbawa"] == "5204"
    assert named["cattle_population_kab_bima"] == "5206"  # the kabupaten, not Kota Bima (5272)
    assert named["labuan_bajo_tourist_visits_total"].unique().tolist() == ["5315"]
    assert len(named) == 10
    named_rows = figures.dropna(subset=["kabkota_code"])
    assert (named_rows["kabkota_code"].str[:2] == named_rows["region_code"]).all()
