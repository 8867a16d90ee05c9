"""Briefing 05: figures hand-checked from the curated CSVs in data/ (awk or plain pandas, noted per test)."""

from __future__ import annotations

import pytest

from krbnn_analysis.briefings import trade


@pytest.fixture(scope="module")
def result() -> trade.TradeResult:
    return trade.compute()


def test_ntt_net_exports_were_minus_52_percent_of_grdp_in_2019(result):
    # grdp_expenditure, 53, 2019, annual, ADHB: −55,887,108.24 / 106,728,065.32 million IDR (awk)
    shares = result.net_exports_share.set_index(["region_code", "year"])["value"]
    assert result.expenditure_years == (2011, 2019)
    assert shares["53", 2019] == pytest.approx(-52.364, abs=1e-3)
    assert result.ntt_net_exports_last == pytest.approx(-55.887108, abs=1e-6)
    assert result.deficit_regions_last == ("52", "53")


def test_net_exports_for_every_region_and_year(result):
    counts = result.net_exports_share.groupby("region_code")["year"].nunique()
    assert counts.to_dict() == {"00": 9, "51": 9, "52": 9, "53": 9}
    assert result.net_exports_change["53"] == pytest.approx(
        result.headline.loc["row_tr_net_exports_last", "53"]
        - result.headline.loc["row_tr_net_exports_first", "53"]
    )


def test_ntt_nonoil_exports_fell_37_percent_2017_to_2021(result):
    # nonoil_trade, 53, annual exports: 65.7 (2017) → 41.4 (2021) million USD (awk)
    assert result.nonoil_years == (2017, 2021)
    assert result.exports_growth["53"] == pytest.approx((41.4 / 65.7 - 1) * 100)
    assert result.exports_last["52"] == pytest.approx(1140.5)
    assert result.imports_last["52"] == pytest.approx(145.7)
    # NTB: 1,140.5 of 219,246.9 million USD = 0.52 % of Indonesia
    assert result.exports_share_of_indonesia["52"] == pytest.approx(1140.5 / 219246.9 * 100)
    assert result.exports_share_of_indonesia["00"] == pytest.approx(100.0)


def test_partial_periods_are_compared_only_with_each_other(result):
    assert result.nonoil_partial_years == (2021, 2022)
    assert set(result.exports_annual["year"]) == {2017, 2018, 2019, 2020, 2021}


def test_production_table_2020_has_33_provinces_and_9_products(result):
    assert result.production_year == 2020
    assert result.population_year == 2020
    assert result.production_regions == 33
    assert result.production_dropped == ("31",)  # DKI Jakarta: no maize value
    counts = result.production.groupby("region_code")["product_code"].nunique()
    assert (counts == len(trade.PRODUCTS)).all()
    # Bali rice 2020: 532,168.45 t (paddy.csv); coffee 15.3 thousand t (estate_crops.csv)
    bali = result.production[result.production["region_code"] == "51"].set_index("product_code")["value"]
    assert bali["rice_paddy"] == pytest.approx(532_168.45)
    assert bali["coffee"] == pytest.approx(15_300.0)


def test_ntb_supplies_what_bali_lacks_index_66_7(result):
    # Plain pandas on the 33 × 9 table: gap = product share − 2020 census population share; NTB's
    # surplus basket vs Bali's shortfall basket, 100·(1 − Σ|x − m|/2) = 66.6727
    assert result.production_complementarity.loc["52", "51"] == pytest.approx(66.6727, abs=1e-4)
    assert result.best_pair[:2] == ("52", "51")
    matrix = result.production_complementarity
    assert matrix.stack().dropna().between(0, 100).all()
    assert all(matrix.isna().to_numpy().diagonal())


def test_ntt_aquaculture_is_7_times_its_population_share(result):
    # NTT 2,162,045.5 t of the 33 provinces' aquaculture vs its share of the 2020 census population
    assert result.self_sufficiency.loc["aquaculture", "53"] == pytest.approx(7.1014, abs=1e-4)


def test_bali_broiler_production_rca_2_76(result):
    # Tonnes (estate crops × 1000): Bali's broiler share of its 9-product tonnage over the 33 provinces'
    assert result.rca.loc["broiler_meat", "51"] == pytest.approx(2.7564, abs=1e-4)


def test_bali_ntb_industry_complementarity_0_31_in_2022(result):
    # grdp_by_industry 2022 ADHK: half the sum of |share differences| of the 16 industries reported
    # (no industry E in 2022) = 0.308228
    row = result.industry_complementarity.set_index(["region_a", "region_b"]).loc[("51", "52")]
    assert result.industry_year == 2022
    assert row["complementarity"] == pytest.approx(0.308228, abs=1e-6)
    assert (
        result.industry_complementarity["similarity"] + result.industry_complementarity["complementarity"]
    ).to_numpy() == pytest.approx([1.0] * 3)


def test_bali_small_livestock_backward_index_1_29(result):
    # io_tables Bali: numpy inverse of (I − Z/x), x = row sums, sectors s20 and s31 without output
    # dropped; column sum of L for s13 = 1.69857, over the mean of the 52 sectors = 1.28992
    links = result.io_linkages.set_index(["region_code", "sector"])
    assert links.loc[("51", "s13"), "backward"] == pytest.approx(1.698568, abs=1e-6)
    assert links.loc[("51", "s13"), "backward_index"] == pytest.approx(1.289919, abs=1e-6)
    assert result.io_zero_output == {"51": 2, "53": 0}


def test_linkage_indices_average_one_and_key_sectors_exceed_one(result):
    means = result.io_linkages.groupby("region_code")[["backward_index", "forward_index"]].mean()
    assert means.to_numpy().ravel() == pytest.approx([1.0] * 4)
    key = result.io_key_sectors
    assert (key[["backward_index", "forward_index"]] > 1).all().all()
    assert key.groupby("region_code").size().to_dict() == {"51": 5, "53": 5}
    assert result.io_reference_regions == ("21", "73", "91")


def test_headline_has_every_row_and_region(result):
    assert list(result.headline.index) == list(trade.HEADLINE_DECIMALS)
    assert list(result.headline.columns) == ["51", "52", "53", "00"]
    assert result.headline.notna().all().all()


def test_ntb_net_exports_swung_minus_23_6_points_in_2012(result):
    # grdp_expenditure NTB ADHB: −8.24 % (2011) → −31.82 % (2012); the only other swing: NTB 2015 (+22.0)
    swings = result.net_exports_swings.set_index(["region_code", "year"])["change"]
    assert swings["52", 2012] == pytest.approx(-23.576, abs=1e-3)
    assert list(swings.index) == [("52", 2012), ("52", 2015)]


def test_three_provinces_sent_0_77_percent_of_indonesias_nonoil_exports_2021(result):
    # (508.4 + 1,140.5 + 41.4) / 219,246.9 × 100
    assert result.region_exports_share == pytest.approx(1690.3 / 219246.9 * 100)
    assert result.best_pair_products == ("aquaculture", "maize", "capture_fish")


def test_strongest_key_sectors_small_livestock_in_bali_slaughtering_in_ntt(result):
    assert result.io_top_key_sector["51"] == ("51_s13", pytest.approx(1.289919, abs=1e-6))
    assert result.io_top_key_sector["53"][0] == "53_s17"  # Pemotongan hewan


def test_bali_ntb_structures_differ_most_ntb_ntt_least(result):
    assert result.industry_pair_most == ("51", "52", pytest.approx(0.308228, abs=1e-6))
    assert result.industry_pair_least[:2] == ("52", "53")


def test_ntb_nonoil_imports_rose_120_percent_2017_to_2021(result):
    # nonoil_trade annual imports (awk): NTB 66.2 → 145.7, Indonesia 132,669.3 → 170,236.0 million USD
    assert result.imports_growth["52"] == pytest.approx((145.7 / 66.2 - 1) * 100)
    assert result.imports_growth["00"] == pytest.approx((170236.0 / 132669.3 - 1) * 100)
