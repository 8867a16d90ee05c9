"""Curated trade tables: real values read off the upstream files, every defect or caveat, coverage.

Tests without a marker read only the curated tables and the catalog; tests marked ``upstream`` also read
the raw files (to show a documented property is real upstream, or that the build refuses a changed one).
"""

from __future__ import annotations

import pandas as pd
import pytest

from krbnn_analysis import catalog, config, load
from krbnn_analysis.errors import SchemaValidationError
from krbnn_analysis.pipeline.subjects import trade

KR_BNN = ("51", "52", "53")
COMPONENTS = [
    "household_consumption",
    "npish_consumption",
    "government_consumption",
    "gross_fixed_capital_formation",
    "change_in_inventories",
    "net_exports",
]


def caveats_en(name: str) -> str:
    return " | ".join(c.en for c in catalog()[name].caveats)


@pytest.mark.parametrize(
    ("name", "rating"),
    [
        ("nonoil_trade", "amber"),
        ("grdp_expenditure", "green"),
        ("io_tables", "red"),
        ("io_reference", "green"),
    ],
)
def test_quality_rating(name, rating):
    assert catalog()[name].quality.rating == rating  # bilingual texts: tests/test_loaders.py, every table


def test_trade_has_at_least_five_province_indicators_with_time_series():
    nonoil = load("nonoil_trade").query("region_code == '51' and period == 'annual'")
    expenditure = load("grdp_expenditure").query("region_code == '51' and period == 'annual'")
    series = [i for i, rows in nonoil.groupby("indicator") if rows["year"].nunique() >= 5]
    series += [c for c in [*COMPONENTS, "grdp"] if expenditure[c].notna().sum() >= 5]
    assert len(series) >= 5


# --- non-oil trade --------------------------------------------------------------------------------------


def test_nonoil_real_values():
    trade_ = load("nonoil_trade").query("period == 'annual'").set_index(["region_code", "indicator", "year"])
    assert trade_.at[("51", "nonoil_exports", 2017), "value"] == 536.5
    assert trade_.at[("51", "nonoil_exports", 2021), "value"] == 508.4
    assert trade_.at[("52", "nonoil_exports", 2021), "value"] == 1_140.5
    assert trade_.at[("53", "nonoil_imports", 2018), "value"] == 95.4
    assert trade_.at[("00", "nonoil_exports", 2021), "value"] == 219_246.9


def test_nonoil_provinces_sum_to_the_total():
    nonoil = load("nonoil_trade")
    provinces = nonoil[nonoil["region_code"] != "00"].groupby(["indicator", "year", "period"])["value"].sum()
    total = nonoil[nonoil["region_code"] == "00"].set_index(["indicator", "year", "period"])["value"]
    gap = (provinces - total).abs()
    assert gap.max() <= 0.6
    assert gap[("nonoil_exports", 2021, "annual")] <= 0.15  # README: checked for 2021
    assert nonoil["region_code"].nunique() == 35


def test_nonoil_partial_periods_are_kept_apart_from_annual_values():
    nonoil = load("nonoil_trade")
    assert set(nonoil.loc[nonoil["period"] == "annual", "year"]) == set(range(2017, 2022))
    partial = nonoil[nonoil["period"] == "partial_unlabelled"]
    assert set(partial["year"]) == {2021, 2022}
    bali = partial.query("region_code == '51' and indicator == 'nonoil_exports'").set_index("year")["value"]
    assert bali.to_dict() == {2021: 35.3, 2022: 43.8}
    annual_2021 = nonoil.query("region_code == '51' and indicator == 'nonoil_exports' and year == 2021")
    assert set(annual_2021["period"]) == {"annual", "partial_unlabelled"}  # same year, never one series
    assert "never with annual values" in caveats_en("nonoil_trade")


def test_nonoil_unit_and_publisher_are_said_to_be_inferred():
    nonoil = load("nonoil_trade")
    assert set(nonoil["unit"]) == {"million USD (inferred, not stated)"}
    text = caveats_en("nonoil_trade")
    assert "not stated" in text and "East Java" in text and "TOTAL NON MIGAS" in text


@pytest.mark.upstream
def test_nonoil_names_need_normalising_upstream():
    raw = pd.read_csv(config.upstream_dir() / "trade/kemendag_nonoil_trade_by_province_2017_2022.csv")
    assert {"B A L I", "NANGROE ACEH DARUSALAM", "D.I. YOGYAKARTA"} <= set(raw["province_raw"])
    codes = trade.code_nonoil(raw, "nonoil.csv")
    assert set(codes[raw["province_raw"] == "B A L I"]) == {"51"}
    assert set(codes[raw["province"] == "TOTAL NON MIGAS"]) == {"00"}


# --- GRDP by expenditure --------------------------------------------------------------------------------


def test_expenditure_components_sum_to_grdp_everywhere():
    exp = load("grdp_expenditure")
    gap = (exp[COMPONENTS].sum(axis=1) - exp["grdp"]).abs()
    assert gap.max() <= 0.05
    assert len(exp) == 35 * 9 * 5 * 2


def test_expenditure_quarters_sum_to_the_year():
    exp = load("grdp_expenditure").query("region_code in ['51', '52', '53']")
    keys = ["region_code", "year", "price_basis"]
    quarters = exp[exp["period"] != "annual"].groupby(keys)["grdp"].sum()
    annual = exp[exp["period"] == "annual"].set_index(keys)["grdp"]
    assert ((quarters - annual).abs() / annual).max() < 1e-6


def test_ntt_net_exports_are_strongly_negative_and_kept():
    exp = load("grdp_expenditure").set_index(["region_code", "year", "period", "price_basis"])
    assert exp.at[("53", 2019, "annual", "ADHB"), "net_exports"] == -55_887_108.24  # −55.9 trillion IDR
    ntt = exp.xs("53", level="region_code").xs("annual", level="period")
    assert (ntt["net_exports"] < 0).all()
    assert exp.at[("51", 2011, "Q1", "ADHK2010"), "grdp"] > 0
    assert "real, not an error" in caveats_en("grdp_expenditure")


def test_expenditure_aggregate_is_the_sum_of_provinces_and_documented():
    exp = load("grdp_expenditure").query("period == 'annual'")
    keys = ["year", "price_basis"]
    provinces = exp[exp["region_code"] != "00"].groupby(keys)["grdp"].sum()
    aggregate = exp[exp["region_code"] == "00"].set_index(keys)["grdp"]
    assert ((provinces / aggregate - 1).abs() < 1e-9).all()
    assert "34 PROVINSI" in caveats_en("grdp_expenditure") and "not national GDP" in caveats_en(
        "grdp_expenditure"
    )


def test_expenditure_grdp_equals_the_grdp_table_for_bali_ntb_ntt():
    exp = load("grdp_expenditure").query("period == 'annual' and region_code in ['51', '52', '53']")
    grdp = (
        load("grdp").query("indicator == 'grdp'").set_index(["region_code", "year", "price_basis"])["value"]
    )
    joined = exp.set_index(["region_code", "year", "price_basis"])["grdp"]
    billion = grdp.reindex(joined.index) * 1000  # grdp is in billion IDR, this table in million
    assert len(joined) == 3 * 9 * 2
    gap = (joined / billion - 1).abs()
    # `grdp` takes constant prices from a later vintage (SIMREG), revised slightly for 2019 only.
    revised = (gap.index.get_level_values("year") == 2019) & (
        gap.index.get_level_values("price_basis") == "ADHK2010"
    )
    assert (gap[~revised] < 1e-6).all()
    assert (gap[revised] < 1e-4).all()


def test_expenditure_declares_minimum_zero_except_for_net_exports_and_inventories():
    columns = {c.name: c for c in catalog()["grdp_expenditure"].columns}
    for name in ("household_consumption", "government_consumption", "gross_fixed_capital_formation", "grdp"):
        assert columns[name].minimum == 0 and columns[name].unit == "million IDR"
    assert columns["net_exports"].minimum is None and columns["change_in_inventories"].minimum is None
    assert set(load("grdp_expenditure")["unit"]) == {"million IDR"}


# --- input–output tables --------------------------------------------------------------------------------


def _io_balance(io: pd.DataFrame) -> pd.Series:
    industry_rows = io[io["row_kind"] == "industry"].groupby(["region_code", "row_code"])["value"].sum()
    industry_columns = (
        io[io["column_kind"] == "industry"].groupby(["region_code", "column_code"])["value"].sum()
    )
    industry_columns.index.names = industry_rows.index.names
    return (industry_rows - industry_columns).abs() / industry_rows


def test_pprk_io_total_input_equals_total_output():
    io = load("io_tables")
    assert set(io["region_code"]) == {"51", "53"}
    relative = _io_balance(io)
    assert len(relative) == 54 + 55
    assert relative.max() < 5e-4
    inputs = io[(io["region_code"] == "51") & (io["column_kind"] == "industry")]["value"].sum()
    assert inputs == 78_325_596  # Bali's total (README)
    bali_padi = io.query("region_code == '51' and row_code == 's01' and column_code == 's01'")
    assert bali_padi["value"].item() == 26_199


def test_pprk_io_year_and_unit_are_said_to_be_unknown():
    io = load("io_tables")
    assert set(io["unit"]) == {"not stated (probably million IDR)", "not stated (probably thousand IDR)"}
    assert "year" not in io.columns
    assert set(io.loc[io["row_kind"] == "import", "row_code"]) == {"v1"}
    ntt_final = io.query("region_code == '53' and column_kind == 'final_demand'")["column_code"].unique()
    assert len(ntt_final) == 6
    text = caveats_en("io_tables")
    assert "year of the tables is not stated" in text and "Unit not stated" in text


def test_bps_2016_reference_tables_are_labelled_and_consistent():
    ref = load("io_reference")
    assert set(ref["region_code"]) == {"21", "91", "73"}  # not KR BNN provinces
    assert not ref["region_code"].isin(KR_BNN).any()
    assert set(ref["year"]) == {2016} and set(ref["unit"]) == {"million IDR"}
    industries = ref[(ref["row_kind"] == "industry") & (ref["column_kind"] == "industry")]
    z_rows = industries.groupby(["region_code", "row_code"])["value"].sum()
    intermediate = ref[ref["column_code"] == "1800"].set_index(["region_code", "row_code"])["value"]
    assert ((z_rows - intermediate.reindex(z_rows.index)).abs() / z_rows).max() < 1e-9
    total_input = ref[ref["row_code"] == "2100"].set_index(["region_code", "column_code"])["value"]
    total_output = ref[ref["column_code"] == "3100"].set_index(["region_code", "row_code"])["value"]
    total_output.index.names = total_input.index.names
    common = total_output.index.intersection(total_input.index)
    assert len(common) == 3 * 17
    assert ((total_input[common] - total_output[common]).abs() / total_output[common]).max() < 1e-7
    assert "Not KR BNN provinces" in caveats_en("io_reference")
    assert "REFERENCE ONLY" in catalog()["io_reference"].description


@pytest.mark.upstream
def test_papua_barat_final_demand_gap_is_found_by_the_build_check():
    raw = pd.read_csv(
        config.upstream_dir() / "trade/bps_io2016_17sector_domestic_papua_barat.csv", skiprows=1, header=None
    )
    codes = raw.iloc[1].tolist()
    body = raw.iloc[2:].copy()
    body.columns = ["row_label", "row_code", *codes[2:]]
    long = body.melt(id_vars=["row_code"], value_vars=codes[2:], var_name="column_code").dropna(
        subset=["value"]
    )
    long["value"] = long["value"].astype(float)
    trade.check_bps_io(long, trade.IO_PAPUA_BARAT, "papua_barat.csv")  # the known gap passes
    with pytest.raises(SchemaValidationError, match="final-demand components"):
        trade.check_bps_io(long, trade.IO_KEPRI, "as if it were Kepri")  # but is not allowed elsewhere


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        ("nonoil_trade", "consistent with million USD"),
        ("nonoil_trade", "carry no month labels"),
        ("grdp_expenditure", "Unit million IDR"),
        ("grdp_expenditure", "exist only as net exports"),
        ("io_tables", "Imports appear as a primary-input row"),
        ("io_tables", "The NTB table of the same app is corrupt"),
        ("io_reference", "Papua Barat: the final-demand components"),
    ],
)
def test_promised_caveat_is_in_the_catalog(name, phrase):
    assert phrase in caveats_en(name)
