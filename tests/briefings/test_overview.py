"""Briefing 00: figures hand-checked from the curated CSVs in data/ (plain csv sums, noted per test)."""

from __future__ import annotations

import pytest

from krbnn_analysis import regions
from krbnn_analysis.briefings import overview


@pytest.fixture(scope="module")
def result() -> overview.OverviewResult:
    return overview.compute()


def test_three_provinces_were_2_94_percent_of_indonesia_in_2020(result):
    # grdp.csv ADHB 2020: (224,214.11 + 133,521.76 + 106,506.13) / 15,785,678.47 (sum of 34) = 2.9409 %
    assert result.levels_end == 2020
    assert result.three_total == pytest.approx(464_242.0, abs=0.01)
    assert result.three_share_of_indonesia == pytest.approx(2.9409, abs=1e-4)
    assert result.national_aggregate == "sum_of_34_provinces"  # the aggregate column of the 00 rows


def test_bali_produced_48_3_percent_of_the_three_provinces_gdp(result):
    assert result.bali_share_of_three == pytest.approx(48.2968, abs=1e-4)  # 224,214.11 / 464,242.00


def test_bali_income_per_head_was_88_percent_of_indonesia_in_2020(result):
    # grdp_per_capita ADHB 2020: Bali 51,180.81, Indonesia (sum of 34) 58,235.48 thousand rupiah
    assert result.per_capita["51"] == pytest.approx(51_180.81)
    assert result.per_capita_relative["51"] == pytest.approx(87.8860, abs=1e-4)
    assert result.per_capita_relative["00"] == pytest.approx(100.0)


def test_bali_grew_6_32_percent_a_year_2010_2019(result):
    # ADHK2010 levels: (2019 / 2010) ** (1/9) − 1
    assert result.trend_growth["51"] == pytest.approx(6.3164, abs=1e-4)


def test_bali_fell_9_34_percent_in_2020_the_deepest_of_34_provinces(result):
    # grdp_real.csv ADHK2010: Bali 2020 / 2019 − 1
    assert result.pandemic_growth["51"] == pytest.approx(-9.3393, abs=1e-4)
    assert (result.bali_pandemic_rank, result.provinces_ranked) == (1, 34)


def test_levels_reach_2022_bali_grew_4_84_ntb_6_95_percent(result):
    # grdp_real.csv ADHK2010: 2022 / 2021 − 1
    assert result.real_end == 2022
    assert result.real_end_growth["51"] == pytest.approx(4.8354, abs=1e-4)
    assert result.real_end_growth["52"] == pytest.approx(6.9534, abs=1e-4)
    assert result.real_end_growth["00"] == pytest.approx(5.3428, abs=1e-4)


def test_published_growth_only_after_the_last_year_of_levels(result):
    published = result.published_growth.dropna(subset=["source"])
    assert sorted(published["year"].unique()) == [2023, 2024]


def test_published_growth_2024_bali_5_48_ntt_3_87(result):
    assert result.published_end == 2024
    assert result.latest_published_growth["51"] == pytest.approx(5.48)
    assert result.latest_published_growth["53"] == pytest.approx(3.87)


def test_published_growth_is_bridged_from_the_last_computed_year(result):
    first = result.published_growth.loc[result.published_growth["year"] == result.real_end]
    computed = result.real_growth.loc[result.real_growth["year"] == result.real_end]
    assert sorted(first["region_code"]) == sorted(computed["region_code"])
    assert first.set_index("region_code")["value"]["51"] == pytest.approx(result.real_end_growth["51"])


def test_ntb_without_mining_grew_3_2_percent_in_2018_and_fell_5_2_percent_in_2020(result):
    # grdp_by_industry: NTB total minus category B, 2018/2017 and 2020/2019
    assert result.ntb_without_mining_earthquake_year == pytest.approx(3.1837, abs=1e-4)
    assert result.ntb_without_mining_pandemic_year == pytest.approx(-5.1679, abs=1e-4)
    assert result.ntb_swing_year == 2015


def test_ntb_growth_without_mining_is_steadier_than_with_it(result):
    # the note says "far steadier": the spread must be clearly smaller
    assert result.ntb_spread_without_mining < 0.6 * result.ntb_spread_with_mining


def test_bali_accommodation_share_was_16_2_percent_in_2022_and_20_3_in_2019(result):
    # grdp_by_industry: I / all industries reported, Bali (2022 has no industry E)
    assert (result.structure_year, result.structure_before) == (2022, 2019)
    assert result.industry_share.loc["I", "51"] == pytest.approx(0.162289, abs=1e-6)
    assert result.industry_share_before.loc["I", "51"] == pytest.approx(0.202657, abs=1e-6)


def test_with_and_without_mining_only_in_years_with_all_17_industries(result):
    assert result.gva_years == (2010, 2020)
    assert result.gva_growth["year"].max() == 2020


def test_industry_shares_sum_to_one(result):
    assert result.industry_share.sum().to_numpy() == pytest.approx([1.0] * 4)
    assert result.structure.sum(axis=1).to_numpy() == pytest.approx([1.0] * 4)


def test_gva_without_mining_is_below_the_total(result):
    wide = result.gva_growth.pivot_table(index=["region_code", "year"], columns="measure", values="growth")
    assert set(wide.columns) == {"total", "without_mining"}
    assert wide.notna().all().all()


def test_ntt_poverty_19_02_percent_fifth_highest_of_38_in_september_2024(result):
    assert result.poverty_year == 2024
    assert result.poverty_latest["53"] == pytest.approx(19.02)
    assert (result.ntt_poverty_rank, result.poverty_ranked) == (5, 38)


def test_key_messages_ordering_holds(result):
    # the key messages say: NTB and NTT poverty above Indonesia; Bali HDI above, NTB and NTT below
    assert result.poverty_latest[["52", "53"]].min() > result.poverty_latest["00"]
    assert result.hdi_latest["51"] == pytest.approx(77.76)
    assert result.hdi_latest["51"] > result.hdi_latest["00"] > result.hdi_latest[["52", "53"]].max()


def test_three_provinces_counted_14_96_million_people_in_2020(result):
    assert result.census_last == 2020
    assert result.three_population == 14_963_062  # 4,317,404 + 5,320,092 + 5,325,566
    assert result.three_population == pytest.approx(result.population[["51", "52", "53"]].sum())


def test_sumbawa_barat_17_times_manggarai_timur_per_head_in_2024(result):
    # grdp_per_capita_kabkota 2024: 131,534 / 7,863 thousand rupiah
    assert (result.richest_kabkota, result.poorest_kabkota) == ("5207", "5319")
    assert result.kabkota_spread == pytest.approx(131_534 / 7_863)


def test_every_kabkota_is_on_the_map(result):
    mapped = set(result.kabkota_per_capita["region_code"])
    expected = {r.code for r in regions.kabkota()}  # the 41 kab/kota of Bali, NTB and NTT
    assert mapped == expected
    assert len(mapped) == 41
    assert result.kabkota_per_capita["value"].notna().all()


def test_headline_has_indonesia_and_every_row_has_its_precision(result):
    assert list(result.headline.columns) == ["51", "52", "53", "00"]
    assert set(result.headline.index) == set(overview.HEADLINE_DECIMALS)
    assert result.headline.notna().all().all()
