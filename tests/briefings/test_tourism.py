"""Briefing 01: figures hand-checked from the curated CSVs in data/ (plain csv sums, noted per test)."""

from __future__ import annotations

import pytest

from krbnn_analysis import regions
from krbnn_analysis.briefings import overview, tourism


@pytest.fixture(scope="module")
def result() -> tourism.TourismResult:
    return tourism.compute()


def test_ngurah_rai_held_97_percent_of_2019_arrivals(result):
    # foreign_arrivals_by_port 2019, four ports of the region: Ngurah Rai 6,239,543 of 6,430,667
    assert result.gateway_share_base == pytest.approx(0.970279, abs=1e-6)
    assert result.hhi_base == pytest.approx(0.941805, abs=1e-6)
    assert result.gateway_share_last == pytest.approx(0.964385, abs=1e-6)  # 2024: 6,308,541 of 6,541,516


def test_port_shares_sum_to_one_every_year(result):
    assert result.port_share.sum(axis=1).to_numpy() == pytest.approx([1.0] * len(result.port_share))


def test_provinces_sum_the_arrivals_of_their_ports(result):
    assert result.arrivals_by_province.sum(axis=1).to_numpy() == pytest.approx(
        result.arrivals_by_port.sum(axis=1).to_numpy()
    )


def test_ngurah_rai_recorded_43_arrivals_in_2021(result):
    assert result.trough_year == 2021
    assert result.gateway_trough == 43
    assert result.gateway_base == 6_239_543


def test_ngurah_rai_reached_101_percent_of_2019_in_2024(result):
    assert result.last_year == 2024
    assert result.recovery_last["Ngurah Rai"] == pytest.approx(101.1058, abs=1e-4)  # 6,308,541 / 6,239,543


def test_lombok_2019_base_was_halved_by_the_2018_earthquakes(result):
    # Lombok: 123,388 (2017), 57,763 (2019), 81,544 (2024)
    assert (result.lombok_pre_earthquake, result.lombok_base) == (123_388, 57_763)
    assert result.recovery_last["Lombok"] == pytest.approx(141.1700, abs=1e-4)
    assert result.lombok_recovery_pre_earthquake == pytest.approx(81_544 / 123_388)


def test_shares_of_2021_rest_on_765_arrivals_and_are_marked(result):
    assert result.arrivals_total[2021] == 765
    assert (result.arrivals_total < tourism.MIN_SHARE_TOTAL).sum() == 1
    assert result.arrivals_total.to_numpy() == pytest.approx(
        result.arrivals_by_port.loc[result.port_share.index].sum(axis=1).to_numpy()
    )


def test_komodo_passengers_1_42_times_2019_in_2024_lombok_and_el_tari_below(result):
    # air_traffic_by_airport passengers_total, domestic + international: LBJ 983,736 / 694,015;
    # LOP 2,336,749 / 2,763,698; KOE 1,185,154 / 1,753,975
    assert result.passengers_years == (2016, 2024)
    assert result.passengers_last.to_dict() == {"KOE": 1_185_154, "LBJ": 983_736, "LOP": 2_336_749}
    assert result.passengers_ratio["LBJ"] == pytest.approx(983_736 / 694_015)
    assert result.passengers_ratio["LOP"] == pytest.approx(2_336_749 / 2_763_698)
    assert result.passengers_ratio["KOE"] == pytest.approx(1_185_154 / 1_753_975)


def test_part_year_airport_years_are_left_out(result):
    # Komodo reported 5 months of 2016 and 1 of 2017 (flag part_year): a gap, not a low year
    komodo = result.passengers.loc[result.passengers["airport_code"] == "LBJ", "year"]
    assert komodo.min() == 2018
    assert len(result.passengers) == 9 + 9 + 7


def test_ngurah_rai_peaks_in_july_and_is_quietest_in_november(result):
    extremes = result.seasonal_extremes
    assert (extremes.loc["Ngurah Rai", "peak_month"], extremes.loc["Ngurah Rai", "low_month"]) == (7, 11)
    assert extremes.loc["Ngurah Rai", "peak_ratio"] == pytest.approx(1.198, abs=1e-3)
    assert extremes.loc["Lombok", "peak_month"] == 7


def test_lombok_is_more_seasonal_than_ngurah_rai(result):
    assert result.all_ports_from == 2017
    assert result.seasonal_gini["Lombok"] > result.seasonal_gini["Ngurah Rai"]
    assert result.lombok_gini_pre_earthquake < result.seasonal_gini["Lombok"]


def test_seasonal_factors_average_about_one(result):
    means = result.seasonal_profile.groupby("port")["ratio"].mean()
    assert means["Ngurah Rai"] == pytest.approx(1.0, abs=0.02)
    assert set(result.seasonal_profile["calendar_month"]) == set(range(1, 13))


def test_bali_domestic_trips_were_1_14_times_2019_in_january_november_2023(result):
    # domestic_trips months 1–11: Bali 18,825,682 in 2023; ratio to 2019 1.1415
    assert (result.trips_last_year, result.trips_last_month) == (2023, 11)
    assert result.trips_ratio["51"] == pytest.approx(1.141475, abs=1e-6)
    assert result.trips_ratio["53"] == pytest.approx(0.660353, abs=1e-6)


def test_no_finding_is_drawn_from_ntb_2023_domestic_trips(result):
    assert result.trips_under_review == ("52",)
    assert "52" not in result.trips_ratio.index
    assert result.headline.isna().loc["row_t_trips_last", "52"]


def test_foreign_guests_were_57_percent_in_bali_hotels_in_2019(result):
    assert result.guest_year == 2019
    assert result.guest_share["51"] == pytest.approx(57.0062, abs=1e-4)


def test_accommodation_share_agrees_with_the_overview(result):
    # one value per indicator: Bali's accommodation and food share, 20.27 % in 2019 and 16.23 % in 2022,
    # the same in both briefings
    assert result.map_year == overview.STRUCTURE_BEFORE
    elsewhere = overview.compute()
    assert result.industry_last == elsewhere.structure_year == 2022
    shown_here = result.tourism_share.loc[result.map_year, "51"]
    assert shown_here == pytest.approx(elsewhere.industry_share_before.loc["I", "51"])
    assert shown_here == pytest.approx(0.202657, abs=1e-6)
    latest = result.tourism_share.loc[result.industry_last, "51"]
    assert latest == pytest.approx(elsewhere.industry_share.loc["I", "51"])


def test_bali_lq_6_0_and_two_specialised_kabkota_outside_bali_in_2019(result):
    # LQ against the sum of the 34 provinces: Bali 6.00; Lombok Barat 1.68, Lombok Utara 1.47; Mabar 0.23
    assert result.tourism_lq.loc[2019, "51"] == pytest.approx(6.0003, abs=1e-4)
    assert result.specialised_outside_bali == 2
    assert result.top_outside_bali == "5201"
    assert result.top_outside_bali_lq == pytest.approx(1.6814, abs=1e-4)
    assert result.labuan_bajo_lq == pytest.approx(0.2316, abs=1e-4)


def test_every_kabkota_has_an_lq_on_the_map(result):
    assert set(result.kabkota_lq["region_code"]) == {r.code for r in regions.kabkota()}
    assert result.kabkota_lq["lq"].notna().all()


def test_seven_of_thirteen_routes_touched_denpasar_in_2014(result):
    assert (result.air.hub_links, result.air.links) == (7, 13)
    assert result.air.hub_link_share == pytest.approx(7 / 13)
    assert list(result.indirect_airports["iata_code"]) == ["ENE"]
    assert len(result.direct_airports) == 7
    assert result.air.unserved == ("ABU", "ARD", "LKA", "RTG", "RTI", "SWQ")


def test_access_table_lists_every_scheduled_airport_but_denpasar_nearest_first(result):
    assert len(result.access) == len(result.air.airports) - 1
    assert result.access["km_from_hub"].is_monotonic_increasing
    assert result.access["airport"].iloc[0].startswith("LOP")
    assert result.access["legs"].isna().sum() == len(result.air.unserved)


def test_quoted_figures_have_a_translated_name_and_a_publisher(result):
    from krbnn_analysis import i18n

    for indicator in result.quoted["indicator"]:
        assert i18n.t(f"tf_{indicator}", "id") != i18n.t(f"tf_{indicator}", "en")
    assert result.quoted["publisher"].notna().all()
    assert "detik.com" in set(result.quoted["publisher"])


def test_access_table_shows_no_english_airport_names(result):
    assert not result.access["airport"].str.contains("Airport|International|Island").any()


def test_labuan_bajo_visits_423_847_in_2023(result):
    assert result.labuan_bajo_visits[2023] == 423_847
    assert result.labuan_bajo_visits[2019] == 256_609
    assert set(result.quoted["region_code"]) <= {"51", "52", "53"}


def test_headline_indonesia_column_only_where_comparable(result):
    assert list(result.headline.columns) == ["51", "52", "53", "00"]
    assert result.headline.loc["row_t_i_share", "00"] == pytest.approx(3.3774, abs=1e-4)
    assert set(result.headline.index) == set(tourism.HEADLINE_DECIMALS)
