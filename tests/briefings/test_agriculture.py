"""Briefing 04: figures hand-checked from the curated CSVs in data/ (awk sums, noted per test)."""

from __future__ import annotations

import pytest

from krbnn_analysis import load
from krbnn_analysis.briefings import agriculture


@pytest.fixture(scope="module")
def result() -> agriculture.AgricultureResult:
    return agriculture.compute()


def test_ntb_grew_2_8_percent_of_indonesias_paddy_in_2025(result):
    # paddy.csv 2025 annual production: NTB 1,708,618.85 t of Indonesia 60,207,100.62 t
    paddy = result.commodities.set_index(["commodity", "region_code"]).loc["paddy"]
    assert int(paddy.loc["52", "year"]) == 2025
    assert paddy.loc["52", "share"] == pytest.approx(0.028379, abs=1e-6)


def test_ntb_grew_a_quarter_of_indonesias_tobacco_in_2023(result):
    # estate_crops.csv 2023: NTB 60.6 of 238.8 thousand t = 25.4 %; NTB is the region's specialist
    tobacco = result.commodities.set_index(["commodity", "region_code"]).loc["tobacco"]
    assert tobacco.loc["52", "share"] == pytest.approx(60.6 / 238.8)
    assert result.specialist["tobacco"] == "52"
    # NTB holds 1.5621 % of the provinces' farm value added in 2022 (the table's last year before 2023):
    # LQ = (60.6 / 238.8) / 0.015621 = 16.25 (awk on grdp_by_industry.csv)
    assert tobacco.loc["52", "lq"] == pytest.approx(16.2456, abs=1e-3)


def test_ntb_rice_surplus_of_291_thousand_tonnes_in_2020(result):
    # paddy 2020: NTB 1,317,189.81 t GKG × 0.6402 = 843,264.92 t rice; census 2020: 5,320,092 people
    # × 103.74 kg = 551,906.34 t; surplus 291,358.58 t
    assert result.balance_years == (2019, 2020)
    assert result.rice_balance["52"] == pytest.approx(291_358.58, abs=0.5)


def test_bali_rice_deficit_of_107_thousand_tonnes_in_2020(result):
    # 532,168.45 t GKG × 0.6402 = 340,694.24 t; 4,317,404 people × 103.74 kg = 447,887.49 t
    assert result.rice_balance["51"] == pytest.approx(-107_193.25, abs=0.5)


def test_the_norm_parameter_changes_the_balance():
    # NTB beef 2020: 11,310.36 t for 5,320,092 people; with a norm of 2 kg the need is 10,640.18 t
    changed = agriculture.compute(beef_norm_kg=2.0)
    assert changed.beef_balance["52"] == pytest.approx(11_310.36 - 10_640.184, abs=0.01)


def test_a_non_positive_norm_is_refused():
    with pytest.raises(ValueError, match="positive"):
        agriculture.compute(rice_norm_kg=0.0)


def test_agriculture_was_27_percent_of_ntts_value_added_in_2020(result):
    # grdp_by_industry 2020, provinces: NTT industry A / all industries = 0.27149; all provinces 0.12410
    assert result.a_share.loc[2020, "53"] == pytest.approx(0.27149, abs=1e-5)
    assert result.a_share.loc[2020, "00"] == pytest.approx(0.12410, abs=1e-5)


def test_industry_years_come_from_the_refreshed_export(result):
    # grdp_by_industry.csv: 2010–2022; industry E has no province row in 2021 and 2022 (missing, not zero)
    assert result.industry_years == (2010, 2022)
    assert result.industry_missing == ("E",)
    assert result.industry_missing_years == (2021, 2022)


def test_agriculture_was_28_percent_of_ntts_value_added_in_2022_lq_2_33(result):
    # grdp_by_industry 2022, provinces, the 16 industries present (awk): NTT A / total = 0.280046;
    # all provinces 0.120072; LQ 0.280046 / 0.120072 = 2.332325
    assert result.a_share.loc[2022, "53"] == pytest.approx(0.280046, abs=1e-6)
    assert result.a_share.loc[2022, "00"] == pytest.approx(0.120072, abs=1e-6)
    assert result.a_lq.loc[2022, "53"] == pytest.approx(2.332325, abs=1e-5)


def test_kabkota_trend_is_measured_2013_to_2022_after_malaka_and_belu(result):
    # Malaka (5321) has rows only from 2013; Belu (5306) is flagged boundary_break in 2013 (A: 1,086.3 bn
    # in 2012 → 531.33 bn in 2013); every kab/kota trend runs 2013–2022
    assert result.kabkota_trend_years == (2013, 2022)
    assert result.kabkota_late == ("5321",)
    assert result.kabkota_broken == ("5306",)
    trend = result.kabkota.set_index("region_code")["trend"]
    # Malaka A: 597.4 (2013) → 829.01 (2022) bn IDR: (829.01 / 597.4) ** (1 / 9) − 1 = 3.7076 % a year
    assert trend["5321"] == pytest.approx(3.707581, abs=1e-5)
    # Belu A: 531.33 → 716.14: 3.3722 % a year (not across the 2013 boundary change)
    assert trend["5306"] == pytest.approx(3.372194, abs=1e-5)
    assert trend.notna().all()


def test_nagekeo_has_the_highest_farm_share_52_percent_in_2022_kota_kupang_the_lowest(result):
    # kab/kota 2022 (awk, the 16 industries present): Nagekeo 0.521694, Kota Kupang 0.023017; 35 of 41
    # kab/kota have a share above the provinces' 0.120072 (LQ > 1)
    assert result.map_year == 2022
    assert result.top_kabkota == "5318"
    assert result.top_kabkota_share == pytest.approx(0.521694, abs=1e-6)
    assert result.kabkota_named == ("5318", "5371")
    assert result.kabkota_specialised == 35


def test_every_kabkota_is_mapped(result):
    shapes = load("kabkota_boundaries")
    assert result.kabkota_count == 41
    assert set(result.kabkota["region_code"]) == set(shapes["region_code"])
    assert result.kabkota_map["lq"].notna().all()


def test_kabkota_shares_are_fractions(result):
    assert result.kabkota["share"].between(0, 1).all()
    assert result.top_kabkota_share == result.kabkota["share"].max()


def test_production_shares_are_fractions_of_the_national_total(result):
    shares = result.commodities.groupby("commodity")["share"].sum()
    assert (shares <= 1).all()
    assert (result.commodities["share"] >= 0).all()


def test_balance_parts_add_up(result):
    balance = result.balance
    assert (balance["production_t"] - balance["need_t"]).to_numpy() == pytest.approx(balance["balance_t"])
    rice = balance[balance["food"] == "rice"]
    assert (rice["need_t"] / rice["population"] * 1000).to_numpy() == pytest.approx(
        [agriculture.RICE_NORM_KG] * len(rice)
    )


def test_food_security_excludes_the_2025_break(result):
    # food_security_index.csv: 2025 is flagged level_break; Bali ranks first in 2024 (IKP 88.23)
    assert result.ikp_break_year == 2025
    assert result.ikp_year == 2024
    assert result.ikp.loc[2024, "51"] == pytest.approx(88.23)
    assert result.ikp_rank.loc[2024, "51"] == 1


def test_ntb_rice_margin_is_flagged_unverified(result):
    assert result.rice_margin_unverified == ("52",)
    assert result.rice_margin.loc[2024, "52"] == pytest.approx(29.27)


def test_notebook_parameters_default_to_the_cited_norms():
    import json
    from pathlib import Path

    notebook = Path(__file__).parents[2] / "notebooks" / "04_agriculture.ipynb"
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    source = "".join(next(c for c in cells if "parameters" in c["metadata"].get("tags", []))["source"])
    assert f"RICE_NORM_KG: float = {agriculture.RICE_NORM_KG}" in source
    assert f"BEEF_NORM_KG: float = {agriculture.BEEF_NORM_KG}" in source
