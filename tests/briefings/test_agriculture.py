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
    assert tobacco.loc["52", "lq"] > 10  # NTB holds about 1.6 % of the provinces' farm value added


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
