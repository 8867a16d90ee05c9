"""Every focus area has at least five curated indicators for each of Bali, NTB and NTT, as time series
where the upstream has one (agriculture and trade are checked in their own test files)."""

from __future__ import annotations

import pytest

from krbnn_analysis import load, tables

PROVINCES = list(tables.FOCUS)


def _series(frame, by: str, code: str, min_years: int = 5) -> set[str]:
    rows = frame[frame["region_code"] == code]
    return {key for key, group in rows.groupby(by) if group["year"].nunique() >= min_years}


@pytest.mark.parametrize("code", PROVINCES)
def test_tourism_has_five_province_indicators_with_time_series(code):
    arrivals = load("foreign_arrivals_by_port")
    indicators = {f"arrivals at {port}" for port in _series(arrivals, "port", code)}
    trips = load("domestic_trips")
    if trips.loc[trips["region_code"] == code, "year"].nunique() >= 5:
        indicators.add("domestic trips")
    occupancy = load("hotel_occupancy")
    indicators |= {f"occupancy {c}" for c in _series(occupancy, "hotel_class", code)}
    # Cross-sections (no time series upstream): foreign-guest share 2019 and the designations.
    if code in set(load("foreign_guest_share")["region_code"]):
        indicators.add("foreign guest share")
    designations = load("tourism_designations").query("region_code == @code")
    indicators |= {f"designation {d}" for d in designations["designation"]}
    assert len(indicators) >= 5, indicators
    assert len([i for i in indicators if i.startswith(("arrivals", "domestic", "occupancy"))]) >= 3


@pytest.mark.parametrize("code", PROVINCES)
def test_energy_has_five_province_indicators_with_time_series(code):
    pln = load("electricity_pln")
    series = _series(pln.dropna(subset=["value"]), "indicator", code)
    assert {"installed_capacity", "electricity_generated", "electricity_distributed"} <= series
    potential = set(load("re_potential").query("region_code == @code")["indicator"])
    planned = set(load("ruptl_planned_capacity_by_type").query("region_code == @code")["technology"])
    assert len(series) + len(potential) + min(len(planned), 1) >= 5


@pytest.mark.parametrize("code", PROVINCES)
def test_transport_has_five_province_indicators(code):
    # No province time series exist upstream for transport (README "Known gaps"): these are counts.
    airports = load("airports").query("province_code == @code")
    seaports = load("seaports").query("province_code == @code")
    fishing = load("fishing_ports").query("province_code == @code")
    routes = load("air_routes_2014")
    ferries = load("ferry_facts")
    indicators = {
        "airports with scheduled service": int(
            airports["scheduled_service"].fillna(False).astype(bool).sum()
        ),
        "seaports and terminals": len(seaports),
        "fishing ports": len(fishing),
        "air routes (2014)": int(
            ((routes["origin_province_code"] == code) | (routes["destination_province_code"] == code)).sum()
        ),
        "ferry facts": int(
            ((ferries["from_province_code"] == code) | (ferries["to_province_code"] == code)).sum()
        ),
    }
    assert sum(1 for value in indicators.values() if value > 0) >= 5, indicators
