"""Briefing 02: figures hand-checked from the curated CSVs in data/ (plain csv sums, noted per test)."""

from __future__ import annotations

import math

import pytest

from krbnn_analysis import regions
from krbnn_analysis.briefings import connectivity


@pytest.fixture(scope="module")
def result() -> connectivity.ConnectivityResult:
    return connectivity.compute()


def test_denpasar_labuan_bajo_carried_504090_passengers_in_2024(result):
    # air_routes_scheduled 2024, DPS-LBJ: 3,619 flights, 504,090 passengers, 603,886 seats
    assert result.last_year == 2024
    route = result.network.routes.set_index(["airport_1", "airport_2"]).loc[("DPS", "LBJ")]
    assert (route["flights"], route["passengers"], route["seats"]) == (3619, 504_090, 603_886)
    pairs = result.key_pairs.set_index("pair")
    assert pairs.loc["DPS–LBJ", "seats_per_week"] == pytest.approx(603_886 / 52)


def test_intra_region_routes_carried_1715674_passengers_in_2024(result):
    # 25 intra-region rows of 2024 without a flag (the DPS-DPS row of 882 is left out)
    assert result.intra_passengers == 1_715_674
    assert result.intra_seats == 2_142_511
    assert result.network.routes["passengers"].sum() == result.intra_passengers
    assert result.intra_passengers_first == 1_391_127  # 2020


def test_denpasar_carries_70_percent_of_intra_region_passengers(result):
    # DPS routes 2024: 504,090 + 292,884 + 175,980 + 139,945 + 41,747 + 33,104 + 20,753 = 1,208,503
    assert result.network.hub_only_passengers == 1_208_503
    assert result.network.hub_passenger_share == pytest.approx(1_208_503 / 1_715_674)
    assert result.network.centrality.loc["DPS", "degree"] == 7


def test_without_denpasar_lombok_is_cut_from_ntt_on_regular_routes(result):
    # Lombok's only 2024 link to NTT without Denpasar is Bima–Labuan Bajo: 2 flights in the year
    assert result.network.cut_off_by_hub_outage == ()
    assert ("BMU", "LOP", "SWQ") in result.network.islands_without_hub
    assert result.network.regular_cut_share > 0.3


def test_strengths_are_twice_the_network_total(result):
    # every route adds its passengers to both ends
    assert result.network.centrality["passengers"].sum() == pytest.approx(2 * result.intra_passengers)


def test_lombok_kupang_and_lombok_labuan_bajo_have_no_route(result):
    missing = result.key_pairs.loc[result.key_pairs["seats_per_week"].isna(), "pair"]
    assert {"KOE–LOP", "LBJ–LOP"} <= set(missing)
    assert result.thin_or_missing_pairs == 6


def test_denpasar_lombok_is_122_km_great_circle(result):
    # airports.csv: DPS (-8.748, 115.167) and LOP; haversine on a 6,371 km sphere = 122.11 km,
    # the WGS84 geodesic is slightly longer
    route = result.network.routes.set_index(["airport_1", "airport_2"]).loc[("DPS", "LOP")]
    assert route["km"] == pytest.approx(122.11, rel=0.005)
    assert math.isclose(route["km"], 122.26, abs_tol=0.01)


def test_ngurah_rai_handled_23_6_million_passengers_in_2024(result):
    # air_traffic_by_airport DPS 2024: 9,701,701 domestic + 13,906,102 international; 2019: 23,733,364
    assert result.dps_passengers_last == 23_607_803
    assert result.recovery_by_airport["DPS"] == pytest.approx(23_607_803 / 23_733_364 * 100)
    assert result.recovery_by_airport.index[0] == "LBJ"  # Komodo: 983,736 against 694,015


def test_flagged_airport_figures_are_not_used(result):
    # Sabu 2017 copies Alor; Ruteng 2018 copies Maumere; Ende 2021 is an outlier
    passengers = result.passengers_by_airport
    assert math.isnan(passengers.loc[2017, "SAU"])
    assert math.isnan(passengers.loc[2018, "RTG"])
    assert math.isnan(passengers.loc[2021, "ENE"])


def test_the_2014_snapshot_had_13_links(result):
    assert result.links_2014 == 13
    assert "LOP–SWQ" in result.new_links and "KOE–LOP" in result.dropped_links


def test_19_kabkota_have_no_public_port_and_12_no_port_at_all(result):
    assert len(result.ports_by_kabkota) == 41
    assert len(result.kabkota_without_public_port) == 19
    assert len(result.kabkota_without_any_port) == 12
    assert set(result.kabkota_without_any_port) <= set(result.kabkota_without_public_port)
    # Labuan Bajo (Manggarai Barat) and Sape (Bima) have ferry ports the 2017 list lacks
    assert result.ferry_ports_missing == ("5206", "5315")


def test_padangbai_lembar_is_38_nautical_miles_and_4_5_hours(result):
    crossing = result.ferry_crossings.set_index(["route_from", "route_to"])
    row = crossing.loc[("Lembar (Lombok Barat)", "Padangbai (Karangasem)")]
    assert (row["distance_nm"], row["hours"]) == (38, 4.5)
    assert row["source_url"].startswith("https://")


def test_bali_used_1316_kwh_a_person_in_2019_against_924_in_indonesia(result):
    # electricity_pln distributed 2019: Bali 5,706.73 GWh, Indonesia 247,653.33 GWh; population 2019
    assert result.consumption_year == 2019
    row = result.consumption_per_capita.loc[2019]
    assert row["51"] == pytest.approx(1315.85, abs=0.01)
    assert row["53"] == pytest.approx(183.18, abs=0.01)
    assert row["00"] == pytest.approx(923.82, abs=0.01)


def test_only_java_bali_links_two_grids(result):
    assert result.interisland_links == 0
    assert result.java_bali_link["line_kind"] == "submarine_cable"
    assert result.planned_years == (2025, 2034)
    assert (len(result.planned_lines), result.planned_quota_connections) == (18, 15)  # 33 line rows
    assert result.planned_line_km.to_dict() == pytest.approx({"52": 229.0, "53": 1340.8})


def test_accessibility_covers_the_41_kabkota_on_a_0_to_1_scale(result):
    access = result.access
    assert sorted(access["region_code"]) == sorted(r.code for r in regions.kabkota())
    assert access["index"].between(0, 1).all()
    assert access["index"].max() == pytest.approx(result.least_connected["index"].iloc[0])
    assert len(result.least_connected) == 10
    assert result.least_connected["index"].is_monotonic_decreasing


def test_headline_sums_the_airports_of_each_province(result):
    assert result.headline.loc["row_c_passengers", "51"] == pytest.approx(23.607803)
    assert result.headline.loc["row_c_no_public_port"].sum() == 19
    assert result.access["remoteness"].max() <= 100


def test_ngurah_rai_2024_movements_and_cargo_add_domestic_and_international(result):
    # DPS 2024: movements 70,465 + 72,719; cargo 25,916,436 + 43,624,082 kg
    dps = result.airport_table.set_index("airport").loc["Denpasar (DPS)"]
    assert dps["movements"] == 143_184
    assert dps["cargo_tonnes"] == pytest.approx(69_540.518)
    assert len(result.airport_table) == 20  # every airport the 2024 edition lists


def test_airports_without_iata_code_are_named_by_town(result):
    assert {"Benete", "Kabir"} <= set(result.airport_table["airport"])


def test_capacity_jumps_of_bali_2015_and_ntb_2014_are_flagged(result):
    # electricity_pln installed capacity, MW: Bali 441.89 → 1,017.19 (2014→2015),
    # NTB 170.04 → 445.39 (2013→2014)
    jumps = result.capacity_jumps.set_index(["region_code", "year"])["change"]
    assert jumps[("51", 2015)] == pytest.approx(1017.19 / 441.89 - 1)
    assert jumps[("52", 2014)] == pytest.approx(445.39 / 170.04 - 1)
