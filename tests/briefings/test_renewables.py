"""Briefing 03: figures hand-checked from the curated CSVs in data/ (awk sums, noted per test)."""

from __future__ import annotations

import pandas as pd
import pytest

from krbnn_analysis import regions
from krbnn_analysis.briefings import renewables


@pytest.fixture(scope="module")
def result() -> renewables.RenewablesResult:
    return renewables.compute()


def test_years_come_from_the_data(result):
    assert result.mix_year == 2019
    assert result.series_years == (2011, 2019)  # electricity_pln capacity, no 2016
    assert result.ruptl_years == (2025, 2034)  # target years of ruptl_planned_generation


def test_ntt_had_9_9_percent_renewable_capacity_in_2019(result):
    # electricity_2019_by_type, installed_capacity, NTT: geothermal 24.6 + hydro 5.28 + solar 3.27
    # of 333.42 MW
    assert result.renewable_share_capacity["53"] == pytest.approx(33.15 / 333.42)
    # Bali: micro hydro 2.00 + solar 0.03 of 1,041.52; NTB: hydro 2.02 + micro hydro 14.00 + solar 0.83
    # of 795.75
    assert result.renewable_share_capacity["51"] == pytest.approx(2.03 / 1041.52)
    assert result.renewable_share_capacity["52"] == pytest.approx(16.85 / 795.75)


def test_indonesia_share_leaves_plns_other_type_out(result):
    # Indonesia: geothermal 1,986.40 + hydro 5,689.64 + micro hydro 169.62 + solar 17.52 of 66,607.82 less
    # "other" 142.85 MW (neither renewable nor not)
    assert result.renewable_share_capacity["00"] == pytest.approx(7863.18 / (66607.82 - 142.85))


def test_ntt_generated_16_percent_from_renewables_in_2019(result):
    # electricity_generated, NTT: geothermal 98.54 + hydro 10.95 + solar 0.60 of 685.71 GWh
    assert result.renewable_share_generation["53"] == pytest.approx(110.09 / 685.71, rel=1e-4)


def test_mixes_sum_to_one_and_capacity_to_the_pln_total(result):
    assert result.capacity_mix.sum(axis=1).to_numpy() == pytest.approx([1.0] * 4)
    assert result.generation_mix.sum(axis=1).to_numpy() == pytest.approx([1.0] * 4)
    # the province totals of the by-type table (no "other" capacity in the three provinces)
    totals = result.capacity_by_technology.sum(axis=1)
    assert totals.to_numpy() == pytest.approx([1041.52, 795.75, 333.42])


def test_mix_columns_follow_the_chart_order(result):
    columns = list(result.capacity_mix.columns)
    assert columns == list(renewables.TECHNOLOGY_ORDER[: len(columns)])


def test_ntb_uses_52_percent_of_its_small_hydro_potential(result):
    # hand check: NTB hydro 2.02 + micro hydro 14.00 MW (PLN 2019) / mini-micro hydro potential 31 MW (RUEN)
    row = result.utilisation.set_index(["technology", "area"]).loc[("hydro", "52")]
    assert row["installed_mw"] == pytest.approx(16.02)
    assert row["potential_mw"] == 31.0
    assert row["utilisation"] == pytest.approx(16.02 / 31)


def test_ntt_uses_0_045_percent_of_its_solar_potential(result):
    row = result.utilisation.set_index(["technology", "area"]).loc[("solar", "53")]
    assert row["utilisation"] == pytest.approx(3.27 / 7272)  # 0.045 %


def test_geothermal_is_compared_for_nusa_tenggara_as_a_whole(result):
    # RUEN geothermal by island group: Nusa Tenggara 1,363.8 MW; PLN geothermal NTB 0 + NTT 24.6 MW
    frame = result.utilisation.set_index(["technology", "area"])
    assert frame.loc[("geothermal", "52+53"), "utilisation"] == pytest.approx(24.6 / 1363.8)
    assert frame.loc[("geothermal", "51"), "installed_mw"] == 0.0  # Bali: 335 MW potential, none installed
    assert ("geothermal", "52") not in frame.index


def test_every_province_has_solar_wind_hydro_and_ocean_potential(result):
    provincial = result.utilisation[result.utilisation["area"].isin(["51", "52", "53"])]
    four = {"solar", "wind", "hydro", "ocean"}
    assert provincial.groupby("area")["technology"].apply(frozenset).to_dict() == {
        "51": frozenset(
            four | {"geothermal"}
        ),  # Bali is an island group of its own in RUEN's geothermal table
        "52": frozenset(four),
        "53": frozenset(four),
    }
    # Bali: solar 1,254 + wind 1,019 + mini-micro hydro 15 + ocean (practical) 320 MW
    assert result.potential_total["51"] == pytest.approx(2608.0)


def test_ntb_and_ntt_hold_90_percent_of_the_solar_potential(result):
    assert result.solar_potential_share_ntt_ntb == pytest.approx((9931 + 7272) / (1254 + 9931 + 7272))


def test_planned_additions_match_the_ruptl_table(result):
    # ruptl_planned_capacity_by_type without storage: Bali 1,894.27, NTB 925.7704, NTT 870.73 MW
    assert result.planned.sum(axis=1).to_numpy() == pytest.approx([1894.27, 925.7704, 870.73])
    assert result.planned_storage["51"] == 107.5
    assert result.planned.loc["53", "geothermal"] == 123.0  # probable duplicates left out
    # renewable part: NTT 505.73 MW of 870.73
    assert result.planned_renewable_share["53"] == pytest.approx(505.73 / 870.73)


def test_ntt_would_reach_45_percent_renewable_capacity_if_the_plan_is_built(result):
    # NTT: (33.15 + 505.73) / (333.42 + 870.73); Bali: (2.03 + 344.27) / (1,041.52 + 1,894.27)
    assert result.share_if_built.loc["53", 2034] == pytest.approx(538.88 / 1204.15)
    assert result.share_if_built.loc["51", 2034] == pytest.approx(346.30 / 2935.79)
    assert result.share_if_built.loc["52", 2034] == pytest.approx(423.6204 / 1721.5204)


def test_clear_sky_estimate_equals_pvlib_called_directly(result):
    from pvlib.location import Location

    kupang = result.solar.set_index("region_code").loc["5371"]
    times = pd.date_range("2017-01-01 00:30", "2017-12-31 23:30", freq="h", tz="UTC")
    direct = Location(kupang["lat"], kupang["lon"], tz="UTC").get_clearsky(times, model="ineichen")
    assert kupang["clear_sky_kwh_m2"] == pytest.approx(direct["ghi"].sum() / 1000)
    assert 2300 < kupang["clear_sky_kwh_m2"] < 2700  # a clear-sky year near 10° S (pipeline notes: ~2,490)


def test_every_kabkota_has_a_clear_sky_estimate_inside_the_region(result):
    assert sorted(result.solar["region_code"]) == sorted(r.code for r in regions.kabkota())
    assert result.solar["lat"].between(-11.2, -7.9).all()
    assert result.solar["lon"].between(114.3, 125.3).all()
    assert result.solar["clear_sky_kwh_m2"].between(2000, 3000).all()


def test_ntt_geothermal_table_lists_ulumbu_operating(result):
    table = result.flores_geothermal
    assert (table["kabkota_code"].str[:2] == "53").all()
    assert "PLTP Ulumbu" in set(table.loc[table["status"] == "operating", "name"])


def test_mapped_plants_have_coordinates(result):
    assert result.plants[["lon", "lat"]].notna().all().all()
    assert len(result.plants) + result.plants_unmapped == 88  # rows of power_plants


def test_region_uses_0_1_percent_of_its_provincial_potential(result):
    # PLN renewable MW 2.03 + 16.85 + 33.15 = 52.03 over RUEN solar + wind + small hydro + ocean:
    # Bali 2,608 + NTB (9,931 + 2,605 + 31 + 8,644 = 21,211) + NTT (7,272 + 10,188 + 95 + 333 = 17,888)
    assert result.used_of_potential_region == pytest.approx(52.03 / (2608 + 21211 + 17888))
    assert result.regional_potential.to_dict() == {"biomass": 635.0, "hydro": 624.0}


def test_gap_year_2016_breaks_the_series(result):
    gap = result.capacity_series[result.capacity_series["year"] == 2016]
    assert len(gap) == 3 and gap["value"].isna().all()


def test_bali_capacity_jump_of_2015_is_flagged(result):
    # electricity_pln installed_capacity Bali: 441.89 MW (2014) → 1,017.19 MW (2015), +130.2 %
    jumps = result.series_jumps.set_index(["indicator", "region_code", "year"])["growth"]
    assert jumps[("installed_capacity", "51", 2015)] == pytest.approx((1017.19 / 441.89 - 1) * 100)
    assert ("installed_capacity", "51", 2017) not in jumps.index  # 2016 is missing: no yearly rate
    assert (result.series_jumps["growth"].abs() > 50).all()


def test_largest_capacity_jump_is_ntb_2014(result):
    # NTB capacity 170.04 MW (2013) → 445.39 MW (2014), +161.9 %
    jump = result.largest_capacity_jump
    assert (jump["region_code"], jump["year"]) == ("52", 2014)
    assert jump["growth"] == pytest.approx((445.39 / 170.04 - 1) * 100)
