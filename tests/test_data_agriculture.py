"""Curated agriculture tables: real values read off the upstream files, every defect fix, coverage, caveats.

Tests without a marker read only the curated tables (``load``) and the catalog. Tests marked ``upstream``
also read the raw files, to show that each defect is really there upstream and is fixed (or flagged) in
the curated table, and that the build's release checks fail loudly on a changed release.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from krbnn_analysis import catalog, config, load, regions
from krbnn_analysis.errors import SchemaValidationError
from krbnn_analysis.pipeline.subjects import agriculture

AGRICULTURE_TABLES = (
    "paddy",
    "maize",
    "livestock_meat",
    "fisheries",
    "estate_crops",
    "food_security_index",
    "rice_margin",
)
KR_BNN = ("51", "52", "53")


def upstream(path: str, **kwargs) -> pd.DataFrame:
    return pd.read_csv(config.upstream_dir() / path, **kwargs)


def value(table: pd.DataFrame, **where: object) -> float:
    mask = pd.Series(True, index=table.index)
    for column, wanted in where.items():
        mask &= table[column].isna() if wanted is None else table[column] == wanted
    matched = table.loc[mask, "value"]
    assert len(matched) == 1, f"{where}: {len(matched)} rows"
    return float(matched.iloc[0])


def caveats_en(name: str) -> str:
    return " | ".join(c.en for c in catalog()[name].caveats)


# --- coverage: every table has the three provinces, with time series ------------------------------------


@pytest.mark.parametrize("name", AGRICULTURE_TABLES)
def test_each_table_covers_bali_ntb_ntt_over_several_years(name):
    table = load(name)
    for code in KR_BNN:
        years = table.loc[(table["region_code"] == code) & table["value"].notna(), "year"]
        assert years.nunique() >= 4, f"{name}: {code} has {years.nunique()} years"
    assert set(table["region_code"]) <= {regions.INDONESIA, *(r.code for r in regions.provinces())}


def test_agriculture_has_at_least_five_province_indicators_with_time_series():
    indicators = set()
    for name in AGRICULTURE_TABLES:
        table = load(name)
        bali = table[(table["region_code"] == "51") & table["value"].notna()]
        for indicator, rows in bali.groupby("indicator"):
            if rows["year"].nunique() >= 3:
                indicators.add((name, indicator))
    assert len(indicators) >= 5


@pytest.mark.parametrize(
    ("name", "rating"),
    [
        ("paddy", "green"),
        ("maize", "amber"),
        ("livestock_meat", "amber"),
        ("fisheries", "amber"),
        ("estate_crops", "amber"),
        ("food_security_index", "amber"),
        ("rice_margin", "amber"),
    ],
)
def test_quality_rating(name, rating):
    assert catalog()[name].quality.rating == rating  # bilingual texts: tests/test_loaders.py, every table


# --- paddy ----------------------------------------------------------------------------------------------


def test_paddy_2024_values_and_national_sums():
    paddy = load("paddy").query("year == 2024")
    assert value(paddy, region_code="51", indicator="harvested_area") == 103_803.93  # README 103,804 ha
    assert value(paddy, region_code="51", indicator="production") == 635_473.35  # README 635,473 t
    assert value(paddy, region_code="52", indicator="production") == 1_453_408.37
    assert value(paddy, region_code="53", indicator="harvested_area") == 168_727.24
    assert "00" not in set(paddy["region_code"])  # the 2024 file has no Indonesia row
    assert paddy["region_code"].nunique() == 38
    sums = paddy.groupby("indicator")["value"].sum()
    assert sums["production"] == pytest.approx(53_142_727, abs=1)
    assert sums["harvested_area"] == pytest.approx(10_046_135, abs=1)


def test_paddy_productivity_is_production_over_area():
    annual = load("paddy").query("month.isna() and year <= 2024")
    wide = annual.pivot_table(index=["region_code", "year"], columns="indicator", values="value")
    gap = (wide["production"] / wide["harvested_area"] * 10 - wide["productivity"]).abs()
    assert len(gap) == 35 * 3 + 38
    assert gap.max() <= 0.02


def test_paddy_2025_annual_and_months_from_the_webapi():
    y2025 = load("paddy").query("year == 2025")
    assert set(y2025["indicator"]) == {"production"}
    annual = y2025[y2025["month"].isna()].set_index("region_code")["value"]
    assert annual["51"] == 587_866.28
    assert annual["52"] == 1_708_618.85
    assert annual["53"] == 968_324.36
    assert annual["00"] == 60_207_100.62
    monthly = y2025[y2025["month"].notna()].groupby("region_code")["value"].sum()
    assert (monthly - annual).abs().max() < 0.01
    assert sorted(y2025["month"].dropna().unique()) == list(range(1, 13))
    assert value(y2025, region_code="51", month=1) == 43_254.85


def test_paddy_2026_is_january_to_march_potential_only():
    paddy = load("paddy")
    y2026 = paddy[paddy["year"] == 2026]
    assert set(y2026["month"]) == {1, 2, 3}
    assert set(y2026["status"]) == {"potential"}
    assert set(paddy.loc[paddy["year"] != 2026, "status"]) == {"not_stated"}
    assert value(y2026, region_code="51", month=1) == 52_008.10
    assert "potential" in caveats_en("paddy")


def test_paddy_gap_2022_2023_is_honest():
    paddy = load("paddy")
    assert set(paddy["year"]) == {2019, 2020, 2021, 2024, 2025, 2026}
    assert not paddy["year"].isin([2022, 2023]).any()
    assert set(paddy.loc[paddy["year"] >= 2025, "indicator"]) == {"production"}
    assert "2022–2023" in caveats_en("paddy")
    bali_2021 = paddy.query("region_code == '51' and year == 2021")
    assert value(bali_2021, indicator="production") == 618_910.81


# --- maize ----------------------------------------------------------------------------------------------


def test_maize_real_values():
    maize = load("maize")
    ntb = maize.query("region_code == '52' and indicator == 'production'").set_index("year")["value"]
    assert ntb[2020] == 860_494.72 and ntb[2022] == 1_421_921.90  # README: 0.86–1.42 Mt
    assert value(maize, region_code="51", year=2021, indicator="production") == 50_117.54
    assert value(maize, region_code="53", year=2024, indicator="harvested_area") == 108_816.10
    assert "00" not in set(maize["region_code"])


def test_maize_papua_rows_are_handled_explicitly():
    maize = load("maize")
    papua = maize[maize["region_code"] == "94"]
    assert set(papua["year"]) == {2020, 2021, 2022}  # pre-split Papua: the only "Papua" row with values
    assert value(papua, year=2020, indicator="harvested_area") == 2_617.97
    assert value(maize, region_code="91", year=2024, indicator="production") == 3_720.10  # "West Papua"
    assert not maize["region_code"].isin(["92", "95", "96", "97"]).any()  # five identical labels: left out
    assert "cannot be told apart" in caveats_en("maize")


def test_maize_zeros_for_missing_are_set_missing():
    maize = load("maize")
    jakarta = maize[maize["region_code"] == "31"]
    assert len(jakarta) == 15 and jakarta["value"].isna().all()
    assert set(jakarta["flag"]) == {"zero_in_source_set_missing"}
    bangka = maize.query("region_code == '19' and year == 2024").set_index("indicator")
    assert np.isnan(bangka.at["harvested_area", "value"]) and np.isnan(bangka.at["production", "value"])
    assert bangka.at["productivity", "value"] == 57.16
    assert bangka.at["productivity", "flag"] == "area_and_production_zero_in_source"
    assert (maize["value"] != 0).all()  # no 0.0 left standing for a missing value
    assert "DKI Jakarta" in caveats_en("maize") and "57.16" in caveats_en("maize")


@pytest.mark.upstream
def test_maize_upstream_has_the_documented_defects():
    raw = upstream("agriculture/junazidomi_bps_maize_prov_2020_2024.csv")
    assert (raw["Province"] == "Papua").groupby(raw["Year"]).sum().eq(5).all()
    jakarta = raw[raw["Province"] == "Jakarta"]
    assert (jakarta[["Harvest Area (ha)", "Production (Ton)"]] == 0).all().all()
    bangka = raw[(raw["Province"] == "Bangka Belitung Islands") & (raw["Year"] == 2024)].iloc[0]
    assert bangka["Harvest Area (ha)"] == 0 and bangka["Productivity (ku/ha)"] == 57.16


@pytest.mark.upstream
def test_maize_build_refuses_an_unexpected_zero():
    raw = upstream("agriculture/junazidomi_bps_maize_prov_2020_2024.csv")
    raw.loc[raw["Province"] == "Bali", "Production (Ton)"] = 0.0
    coded = agriculture.code_maize_regions(raw, "maize.csv")
    long = coded.rename(columns={k: v[0] for k, v in agriculture.MAIZE_MEASURES.items()})
    long = long.rename(columns={"Year": "year"}).melt(
        id_vars=["region_code", "year"],
        value_vars=[v[0] for v in agriculture.MAIZE_MEASURES.values()],
        var_name="indicator",
    )
    with pytest.raises(SchemaValidationError, match="zeros in the maize table"):
        agriculture.fix_maize_zeros(long, "maize.csv")


# --- livestock ------------------------------------------------------------------------------------------


def test_meat_real_values_and_provinces_sum_to_indonesia():
    meat = load("livestock_meat")
    assert value(meat, region_code="51", year=2021, indicator="beef_production") == 5_999.50
    assert value(meat, region_code="52", year=2021, indicator="beef_production") == 13_489.27
    assert value(meat, region_code="53", year=2019, indicator="broiler_meat_production") == 20_806.62
    both = meat.dropna(subset=["value"])
    provinces = both[both["region_code"] != "00"].groupby(["indicator", "year"])["value"].sum()
    indonesia = both[both["region_code"] == "00"].set_index(["indicator", "year"])["value"]
    assert ((provinces / indonesia - 1).abs() < 1e-3).all()


def test_broiler_level_break_is_flagged():
    meat = load("livestock_meat")
    broiler = meat[meat["indicator"] == "broiler_meat_production"]
    flagged = broiler[broiler["flag"] == "level_break"]
    assert set(flagged["year"]) == {2017}
    assert set(flagged["region_code"]) == set(broiler.loc[broiler["year"] == 2017, "region_code"])
    indonesia = broiler[broiler["region_code"] == "00"].set_index("year")["value"]
    assert indonesia[2016] == 1_905_497.28 and indonesia[2017] == 3_175_853.0
    assert "2016 and 2017" in caveats_en("livestock_meat")


def test_meat_outliers_and_placeholder_zeros():
    meat = load("livestock_meat")
    beef = meat[meat["indicator"] == "beef_production"]
    assert beef.query("region_code == '75' and year == 2004")["flag"].item() == "outlier"
    assert beef.query("region_code == '75' and year == 2004")["value"].item() == 72_113.0
    assert beef.query("region_code == '00' and year == 2004")["flag"].item() == "includes_outlier"
    kepri = meat.query("region_code == '21' and year == 2000 and indicator == 'broiler_meat_production'")
    assert kepri["value"].isna().item() and kepri["flag"].item() == "zero_in_source_set_missing"
    jakarta_2020 = meat.query(
        "region_code == '31' and year == 2020 and indicator == 'broiler_meat_production'"
    )
    assert jakarta_2020["value"].item() == 0.0  # reported zero after the break: kept


# --- fisheries ------------------------------------------------------------------------------------------


def test_aquaculture_totals_2000_2003_are_set_missing():
    fish = load("fisheries")
    totals = fish[fish["indicator"] == "aquaculture_total"]
    early = totals[totals["year"] <= 2003]
    assert len(early) > 100 and early["value"].isna().all()
    assert set(early["flag"]) == {"copy_of_capture_total_set_missing"}
    assert totals.loc[totals["year"] >= 2004, "flag"].ne("copy_of_capture_total_set_missing").all()
    assert value(totals, region_code="11", year=2004) == 35_525.0
    assert "113,096" in caveats_en("fisheries")


@pytest.mark.upstream
def test_aquaculture_copy_defect_is_real_upstream():
    raw = upstream("agriculture/bps_agri_fish_livestock_prov_2000_2021_indocomoditymap.csv")
    aceh = raw[(raw["province_std"] == "ACEH") & (raw["year"] == 2000) & (raw["category"] == "Jumlah")]
    values = aceh.set_index("indicator")["value"]
    assert values["aquaculture_production"] == values["capture_fisheries_production"] == 113_096


def test_capture_totals_are_marine_plus_inland_wherever_kept():
    fish = load("fisheries")
    wide = fish.pivot_table(index=["region_code", "year"], columns="indicator", values="value")
    parts = wide[["capture_marine", "capture_inland_open_water"]].sum(axis=1, min_count=1)
    kept = wide["capture_total"].dropna()
    assert ((kept - parts.reindex(kept.index)).abs() <= 1).all()
    dropped = fish[fish["flag"] == "total_not_sum_of_parts_set_missing"]
    assert set(dropped["year"]) == {2000, 2001, 2002, 2003, 2009, 2014}
    assert ("00", 2009) in set(zip(dropped["region_code"], dropped["year"], strict=True))
    assert value(fish, region_code="51", year=2009, indicator="capture_marine") == 101_926.0


def test_aquaculture_types_add_up_to_the_total_where_kept():
    fish = load("fisheries")
    aqua = fish[fish["indicator"].str.startswith("aquaculture_")]
    wide = aqua.pivot_table(index=["region_code", "year"], columns="indicator", values="value")
    types = wide.drop(columns="aquaculture_total").sum(axis=1, min_count=1)
    late = wide.index.get_level_values("year") >= 2004
    gap = (types / wide["aquaculture_total"] - 1)[late].dropna().abs()
    assert gap.max() <= 0.01
    jambi = aqua.query("region_code == '15' and year == 2012")
    assert jambi.loc[jambi["indicator"] != "aquaculture_total", "value"].isna().all()
    assert value(jambi, indicator="aquaculture_total") == pytest.approx(37_268.23)  # the total is kept


def test_sumatera_utara_2019_capture_is_flagged_as_outlier():
    fish = load("fisheries").query("region_code == '12' and year == 2019")
    total = fish[fish["indicator"] == "capture_total"]
    assert total["value"].item() == 1_276_878.0 and total["flag"].item() == "outlier"
    assert "1.28 million" in caveats_en("fisheries")


def test_bali_ntb_ntt_fisheries_values():
    fish = load("fisheries")
    assert value(fish, region_code="53", year=2020, indicator="capture_marine") > 0
    assert value(fish, region_code="51", year=2015, indicator="capture_total") == 106_248.0
    assert value(fish, region_code="52", year=2015, indicator="capture_total") == 211_750.0


# --- estate crops ---------------------------------------------------------------------------------------


def test_estate_crops_2018_copies_are_removed_and_sums_match_indonesia():
    estate = load("estate_crops")
    bali_sugar = estate.query("region_code == '51' and year == 2018 and indicator == 'sugarcane'")
    assert bali_sugar["value"].isna().item()
    assert bali_sugar["flag"].item() == "copied_from_other_province_set_missing"
    assert (estate["flag"] == "copied_from_other_province_set_missing").sum() == 35
    y2018 = estate[(estate["year"] == 2018)].dropna(subset=["value"])
    provinces = y2018[y2018["region_code"] != "00"].groupby("indicator")["value"].sum()
    indonesia = y2018[y2018["region_code"] == "00"].set_index("indicator")["value"]
    assert ((provinces / indonesia - 1).abs() < 1e-3).all()
    assert value(estate, region_code="35", year=2018, indicator="sugarcane") == 1_110.8  # the original stays


@pytest.mark.upstream
def test_estate_crops_2018_copy_defect_is_real_upstream():
    raw = upstream("agriculture/bps_agri_fish_livestock_prov_2000_2021_indocomoditymap.csv")
    sugar = raw[
        (raw["indicator"] == "estate_crop_production") & (raw["category"] == "Tebu") & (raw["year"] == 2018)
    ]
    values = sugar.set_index("province_std")["value"]
    assert values["BALI"] == values["JAWA TIMUR"] == 1_110.8
    provinces = sugar.loc[sugar["province_std"] != "INDONESIA", "value"].sum()
    assert provinces / values["INDONESIA"] > 1.5  # the copies inflate the province sum


def test_estate_crops_2023_join_and_new_papua_provinces():
    estate = load("estate_crops")
    assert set(estate["year"]) == set(range(2008, 2021)) | {2023}  # 2021–2022: gap
    y2023 = estate[estate["year"] == 2023]
    assert value(y2023, region_code="53", indicator="coffee") == 25.1
    assert value(y2023, region_code="53", indicator="cocoa") == 21.1
    assert value(y2023, region_code="52", indicator="tobacco") == 60.6
    papua = y2023[y2023["region_code"].isin(["92", "95", "96", "97"])]
    assert len(papua) == 32 and papua["value"].isna().all()
    assert set(papua["flag"]) == {"zero_in_source_set_missing"}
    assert value(estate, region_code="53", year=2020, indicator="coffee") == 24.2
    assert "2021–2022" in caveats_en("estate_crops")


# --- food security index --------------------------------------------------------------------------------


def test_ikp_real_values_and_ranks():
    ikp = load("food_security_index")
    index = ikp[ikp["indicator"] == "food_security_index"]
    assert value(index, region_code="51", year=2024) == 88.23
    assert value(index, region_code="52", year=2024) == 78.44
    assert value(index, region_code="53", year=2024) == 70.91
    assert value(index, region_code="53", year=2025) == pytest.approx(58.244443, abs=1e-6)
    ranks = ikp[ikp["indicator"] == "food_security_rank"]
    assert set(ranks.query("region_code == '51' and year <= 2024")["value"]) == {1.0}
    assert (ranks["flag"] == "rank_inconsistent_with_index").sum() == 12


def test_ikp_2025_papua_codes_are_mapped_by_name():
    index = load("food_security_index").query("indicator == 'food_security_index' and year == 2025")
    assert len(index) == 38
    assert value(index, region_code="94") == pytest.approx(57.454017)  # "PAPUA", given code 91
    assert value(index, region_code="91") == pytest.approx(58.607568)  # "PAPUA BARAT", given code 92
    assert value(index, region_code="97") == pytest.approx(31.962763)  # "PAPUA PEGUNUNGAN", given code 95
    assert value(index, region_code="92") == pytest.approx(57.154592)  # "PAPUA BARAT DAYA", given code 96
    assert not index["region_code"].isin(["93"]).any()  # 93 is no BPS province code


@pytest.mark.upstream
def test_ikp_build_refuses_a_changed_code_mapping():
    raw = upstream("agriculture/farrel_bapanas_ikp_food_security_index_prov_2019_2025.csv")
    agriculture.code_ikp(raw, "ikp.csv")  # the release as recorded passes
    raw.loc[(raw["PROVINSI"] == "PAPUA") & (raw["TAHUN"] == 2025), "KODE_PROV"] = 94
    with pytest.raises(SchemaValidationError, match="2025 code mismatches changed"):
        agriculture.code_ikp(raw, "ikp.csv")


def test_ikp_2025_level_break_is_flagged():
    ikp = load("food_security_index")
    assert set(ikp.loc[ikp["year"] == 2025, "flag"].dropna()) == {"level_break"}
    assert (ikp.loc[ikp["year"] == 2025, "flag"] == "level_break").all()
    assert ikp.loc[ikp["year"] < 2025, "flag"].ne("level_break").all()
    text = caveats_en("food_security_index")
    assert "level" in text and "8 decimals" in text and "not BPS codes" in text


# --- rice margin ----------------------------------------------------------------------------------------


def test_rice_margin_ntb_jump_is_flagged():
    margin = load("rice_margin").query("indicator == 'rice_trade_transport_margin'")
    ntb = margin[margin["region_code"] == "52"].set_index("year")
    assert ntb.at[2019, "value"] == 4.01 and ntb.at[2024, "value"] == 29.27
    assert set(ntb.loc[[2019, 2024], "flag"]) == {"unverified_jump"}
    assert ntb.loc[[2020, 2021], "flag"].isna().all()
    assert value(margin, region_code="51", year=2019) == 16.06
    assert set(margin["year"]) == {2019, 2020, 2021, 2024}
    assert not margin["region_code"].isin(["92", "95", "96", "97"]).any()
    assert "29.27%" in caveats_en("rice_margin")


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        ("paddy", "no Indonesia row"),
        ("paddy", "angka potensi"),
        ("paddy", "Codes 91 (Papua Barat) and 94 (Papua)"),
        ("maize", "No Indonesia row in the source"),
        ("livestock_meat", "Gorontalo 2004 (72,113 t)"),
        ("livestock_meat", "BPS '-' stored as empty"),
        ("fisheries", "2009 and 2014"),
        ("fisheries", "2012–2013 (rows swapped)"),
        ("estate_crops", "= Jawa Timur"),
        ("estate_crops", "not true zeros"),
        ("estate_crops", "writes 0 where"),
        ("food_security_index", "disagree with the index order"),
        ("rice_margin", "new Papua provinces are blank"),
    ],
)
def test_promised_caveat_is_in_the_catalog(name, phrase):
    assert phrase in caveats_en(name)
