"""Briefing 01, integrated tourism: how much of Bali's demand could an integrated Bali–NTB–NTT offer
spread to Lombok/Mandalika and Labuan Bajo/Komodo, and what stands in the way?

Tables: ``foreign_arrivals_by_port`` (monthly, by entry port), ``domestic_trips`` (monthly, by
destination province), ``hotel_occupancy``, ``foreign_guest_share`` (2019), ``grdp_by_industry``
(provinces and kab/kota, constant 2010 prices), ``airports`` and ``air_routes_2014`` (June 2014
snapshot), ``air_traffic_by_airport`` (DJPU passengers 2016–2024), ``text_figures`` (figures quoted
in news and releases), and the boundaries.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from krbnn_analysis import load, regions, tables
from krbnn_analysis.briefings.air_access import AirNetwork, airport_name, intra_region_network
from krbnn_analysis.briefings.common import LAST_PRE_PANDEMIC, LOMBOK_EARTHQUAKES
from krbnn_analysis.indicators import (
    location_quotient,
    market_concentration,
    recovery_ratio,
    seasonal_extremes,
    seasonal_gini,
    seasonal_profile,
    shares,
)

FOCUS = list(tables.FOCUS)
WITH_INDONESIA = list(tables.FOCUS_AND_INDONESIA)
BASE = LAST_PRE_PANDEMIC  # recovery is measured against the last year before the pandemic
PRE_EARTHQUAKE = LOMBOK_EARTHQUAKES - 1  # Lombok's last undisturbed year: 2019 was still hit by 2018
GATEWAY, LOMBOK = "Ngurah Rai", "Lombok"  # entry ports named in the prose
TOURISM_INDUSTRY = "I"  # accommodation and food services: the closest GRDP measure of tourism
LABUAN_BAJO = "5315"  # Kabupaten Manggarai Barat
# NTB's domestic trips jump from about 0.6 M to 1.0–1.7 M a month from May 2023 with no source that
# confirms it: the series is under review and no finding is drawn from it.
TRIPS_UNDER_REVIEW = ("52",)
# Figures quoted from text shown in the briefing: the destination figures and Bali's annual totals.
QUOTED_FIGURES = r"^(?:labuan_bajo|komodo)|arrivals_annual|spending"
LABUAN_BAJO_VISITS = r"^labuan_bajo_tourist_visits_total$"
# Passengers at the destinations' airports: the nearest measure of travel to Labuan Bajo, Lombok and
# Kupang, which BPS entry-port counts cannot show (most visitors enter at Ngurah Rai).
DESTINATION_AIRPORTS = ("LBJ", "LOP", "KOE")  # Komodo (Labuan Bajo), Lombok (Praya), El Tari (Kupang)
PASSENGERS = "passengers_total"  # arrivals + departures (+ transit where DJPU counts it)
NOT_COMPARABLE = ("part_year", "copy_error", "outlier")  # flagged airport-years: left out (a gap)
DESTINATION_LABELS = {"LBJ": "Komodo (Labuan Bajo)", "LOP": "Lombok (Praya)", "KOE": "El Tari (Kupang)"}
# Below this many arrivals a year the ports' shares are not a pattern (2021: 765 arrivals in all).
MIN_SHARE_TOTAL = 10_000

HEADLINE_DECIMALS = {
    "row_t_arrivals_base": 0,
    "row_t_arrivals_last": 0,
    "row_t_trips_last": 2,
    "row_t_guest_share": 1,
    "row_t_star_base": 1,
    "row_t_star_last": 1,
    "row_t_i_share": 1,
    "row_t_lq": 2,
}


@dataclass(frozen=True)
class TourismResult:
    """Every number briefing 01 states and every frame it draws (regions by BPS code)."""

    arrivals_years: tuple[int, int]  # first and last year of the arrivals table
    trips_years: tuple[int, int]  # domestic trips
    occupancy_years: tuple[int, int]  # hotel occupancy
    industry_years: tuple[int, int]  # GRDP by industry
    base_year: int  # BASE
    last_year: int  # last year of arrivals
    all_ports_from: int  # first year every port reports
    arrivals_monthly: pd.DataFrame  # port, region_code, year, month, date, value (arrivals)
    arrivals_by_port: pd.DataFrame  # annual arrivals, year × port
    arrivals_by_province: pd.DataFrame  # annual arrivals through the province's ports, year × region
    port_share: pd.DataFrame  # share of the region's arrivals (fraction, rows sum to 1), year × port
    arrivals_total: pd.Series  # the region's arrivals by year (the total of port_share's rows)
    gateway_share_base: float  # Ngurah Rai's share, fraction, base_year
    lombok_share_base: float  # Lombok's share, fraction, base_year
    gateway_share_last: float  # Ngurah Rai's share, fraction, last_year
    hhi_base: float  # Herfindahl index of the ports' shares (0–1), base_year
    trough_year: int  # year with the fewest arrivals
    gateway_trough: float  # Ngurah Rai arrivals in trough_year
    gateway_base: float  # Ngurah Rai arrivals in base_year
    recovery: pd.DataFrame  # arrivals / base_year arrivals (fraction), year × port
    recovery_last: pd.Series  # arrivals in last_year, percent of base_year, by port, largest first
    pre_earthquake_year: int  # PRE_EARTHQUAKE
    lombok_pre_earthquake: float  # Lombok arrivals in pre_earthquake_year
    lombok_base: float  # Lombok arrivals in base_year
    lombok_recovery_pre_earthquake: float  # Lombok last_year / pre_earthquake_year arrivals (fraction)
    seasonal_profile: pd.DataFrame  # port, calendar_month, ratio (to the moving average), ≤ base_year
    seasonal_extremes: pd.DataFrame  # peak/low month and ratio by port
    seasonal_gini: pd.Series  # mean seasonal Gini by port, all_ports_from–base_year
    lombok_gini_pre_earthquake: float  # Lombok's seasonal Gini in pre_earthquake_year
    trips_monthly: pd.DataFrame  # domestic trips, million, region_code, year, month, date, value
    trips_last_year: int  # last year of domestic trips
    trips_last_month: int  # last month reported in trips_last_year
    trips_same_months: pd.DataFrame  # trips in January–trips_last_month, region × year
    trips_ratio: pd.Series  # trips_last_year / base_year, same months, regions not under review
    trips_under_review: tuple[str, ...]  # regions whose recent trips are not used for findings
    guest_share: pd.Series  # foreign guests' share of hotel guests, percent, guest_year
    guest_year: int
    occupancy: pd.DataFrame  # room occupancy, percent, hotel_class, region_code, year, value
    star_occupancy: pd.DataFrame  # star hotels, percent, year × region (+ 00 where published)
    star_last_year: int
    lq: pd.DataFrame  # location quotient of industry I by province and year (region_code, year, lq)
    tourism_lq: pd.DataFrame  # the same, year × focus region
    tourism_share: pd.DataFrame  # share of I in value added (fraction), year × region (00: all provinces)
    map_year: int  # year of the kab/kota map (BASE)
    industry_last: int  # last year of GRDP by industry
    map_named: tuple[str, ...]  # kab/kota named on the map: the highest LQ in each province, Labuan Bajo
    kabkota_lq: gpd.GeoDataFrame  # kab/kota shapes + lq (industry I against all provinces), map_year
    province_shapes: gpd.GeoDataFrame
    specialised_outside_bali: int  # kab/kota outside Bali with LQ > 1, map_year
    top_outside_bali: str  # region code of the highest LQ outside Bali
    top_outside_bali_lq: float
    labuan_bajo_lq: float  # Manggarai Barat, map_year
    air: AirNetwork  # the June-2014 intra-region network seen from Denpasar
    direct_airports: pd.DataFrame  # one flight from the hub: iata_code, kabkota_code
    indirect_airports: pd.DataFrame  # more than one: iata_code, kabkota_code, flights
    access: pd.DataFrame  # scheduled airports but the hub, nearest first: airport, kabkota, km, legs
    passengers: pd.DataFrame  # airport_code, year, value (passengers, all traffic types), full years only
    passengers_years: tuple[int, int]  # first and last year of the air traffic table
    passengers_ratio: pd.Series  # passengers last passengers year / base_year, by airport code
    passengers_last: pd.Series  # passengers in the last year, by airport code
    quoted: pd.DataFrame  # figures quoted from text (see quoted_figures)
    labuan_bajo_visits: pd.Series  # visits to Labuan Bajo by year, as quoted
    headline: pd.DataFrame  # headline table: row key × region code, in the unit of the row label
    headline_years: dict[str, int]  # years named in the headline row labels
    data_years: dict[str, str]  # first–last year of every series used, for the data paragraph


def quoted_figures(text_figures: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """Tourism figures quoted in text for the three provinces whose indicator matches a regex.

    The one place that reads the ``text_figures`` indicator naming: a briefing shows ``indicator``
    through its translation key ``tf_<indicator>`` and ``publisher`` (the host of the source's URL)
    instead of the English source notes.
    """
    quoted = tables.select(text_figures, topic="tourism", region_code=FOCUS)
    quoted = quoted[quoted["indicator"].str.contains(indicator)]
    host = quoted["source_url"].str.extract(r"https?://([^/]+)")[0]
    publisher = host.str.extract(r"([^.]+\.(?:co\.id|[a-z]+))$")[0]
    return (
        quoted.assign(publisher=publisher)
        .sort_values(["region_code", "indicator", "year"])
        .reset_index(drop=True)
    )


def _passengers(traffic: pd.DataFrame) -> pd.DataFrame:
    """Passengers a year at the destination airports (domestic + international), full years only."""
    rows = tables.select(traffic, indicator=PASSENGERS, airport_code=list(DESTINATION_AIRPORTS))
    rows = rows[~rows["flag"].isin(NOT_COMPARABLE) & (rows["months_covered"] == 12)]
    return rows.groupby(["airport_code", "year"], as_index=False)["value"].sum()


def _years(frame: pd.DataFrame) -> tuple[int, int]:
    return int(frame["year"].min()), int(frame["year"].max())


def _with_dates(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.assign(date=tables.month_start(frame))


def _trips(domestic: pd.DataFrame) -> tuple[pd.DataFrame, int, int]:
    """Trips in the months the last year reports, region × year (the last year lacks December)."""
    last = int(domestic["year"].max())
    months = sorted(tables.select(domestic, year=last)["month"].unique())
    same = tables.select(domestic, month=months, region_code=FOCUS)
    return same.groupby(["region_code", "year"])["value"].sum().unstack("year"), last, int(months[-1])


def _kabkota_lq(industry: pd.DataFrame, year: int) -> pd.Series:
    """LQ of industry I by kab/kota against the sum of all provinces (not of the region's kab/kota)."""
    provinces = tables.select(industry, region_level="province", year=year)
    reference = provinces.groupby("industry_code", as_index=False)["value"].sum()
    lq = location_quotient(tables.select(industry, region_level="kabkota", year=year), reference=reference)
    return tables.select(lq, industry_code=TOURISM_INDUSTRY).set_index("region_code")["lq"]


def _map_named(kab_lq: pd.Series) -> tuple[str, ...]:
    """The kab/kota with the highest LQ in each province, and Manggarai Barat (Labuan Bajo)."""
    top = kab_lq.groupby(kab_lq.index.str[:2]).idxmax()
    return tuple(sorted({*top.to_list(), LABUAN_BAJO}))


def _access(air: AirNetwork) -> pd.DataFrame:
    shown = air.airports.drop(index=air.hub).join(air.reach, how="left").sort_values("km_from_hub")
    return pd.DataFrame(
        {
            "airport": [f"{code} · {airport_name(code)}" for code in shown.index],
            "kabkota": [regions.get(code).name for code in shown["kabkota_code"]],
            "km_from_hub": shown["km_from_hub"].to_numpy(),
            "legs": shown["flights"].to_numpy(),
        }
    )


def compute() -> TourismResult:
    """Load the tables and compute every figure of briefing 01."""
    arrivals = load("foreign_arrivals_by_port")
    domestic = load("domestic_trips")
    occupancy = load("hotel_occupancy")
    guest_share = load("foreign_guest_share")
    industry = load("grdp_by_industry")
    airports, routes = load("airports"), load("air_routes_2014")
    text_figures = load("text_figures")
    traffic = load("air_traffic_by_airport")
    kab_shapes, province_shapes = load("kabkota_boundaries"), load("province_boundaries")

    ports = _with_dates(tables.select(arrivals, region_code=FOCUS))  # the national row is not a port
    annual = ports.groupby(["port", "region_code", "year"], as_index=False)["value"].sum()
    all_ports_from = int(ports.groupby("port")["year"].min().max())
    last_year = int(ports["year"].max())
    complete = annual[annual["year"] >= all_ports_from]
    hhi = market_concentration(complete, part="port", by=["year"]).set_index("year")["hhi"]
    port_share = shares(complete, part="port", by=["year"]).pipe(
        tables.wide, index="year", columns="port", values="share"
    )
    recovery = recovery_ratio(complete, base=BASE, by=["port"]).pipe(
        tables.wide, index="year", columns="port", values="recovery"
    )
    by_port = annual.pipe(tables.wide, index="year", columns="port")
    by_province = annual.groupby(["year", "region_code"])["value"].sum().unstack("region_code")
    trough_year = int(by_port.sum(axis=1).idxmin())

    before_pandemic = ports[ports["year"] <= BASE]
    profile = seasonal_profile(before_pandemic, time="date", by=["port"])
    gini = seasonal_gini(ports[ports["year"].between(all_ports_from, BASE)], time="date", by=["port"])
    lombok_gini = tables.select(gini, port=LOMBOK, year=PRE_EARTHQUAKE)["gini"]

    trips, trips_last, last_month = _trips(domestic)
    reviewed = [code for code in FOCUS if code not in TRIPS_UNDER_REVIEW]
    trips_monthly = _with_dates(tables.select(domestic, region_code=FOCUS))
    guest = tables.select(guest_share, region_code=FOCUS)
    star = tables.select(occupancy, hotel_class="star", region_code=WITH_INDONESIA).pipe(
        tables.wide, columns="region_code"
    )

    provinces = tables.select(industry, region_level="province")
    lq = location_quotient(provinces, time="year")  # reference: the sum of the 34 provinces
    tourism_lq = tables.select(lq, industry_code=TOURISM_INDUSTRY, region_code=FOCUS)
    all_provinces = provinces.groupby(["industry_code", "year"], as_index=False)["value"].sum()
    share_frame = pd.concat([provinces, all_provinces.assign(region_code="00")], ignore_index=True)
    tourism_share = tables.select(
        shares(share_frame, by=["region_code", "year"]), industry_code=TOURISM_INDUSTRY
    ).pipe(tables.wide, columns="region_code", values="share", order=WITH_INDONESIA)
    kab_lq = _kabkota_lq(industry, BASE)
    kab_map = kab_shapes.merge(kab_lq.rename("lq").reset_index(), on="region_code", how="left")
    if kab_map["lq"].isna().any():
        raise ValueError(f"kab/kota without an LQ in {BASE}")
    outside_bali = kab_lq[~kab_lq.index.str.startswith("51")].sort_values(ascending=False)

    air = intra_region_network(airports, routes)
    reach = air.reach.join(air.airports["kabkota_code"]).rename_axis("iata_code").reset_index()
    quoted = quoted_figures(text_figures, QUOTED_FIGURES)
    bajo = quoted_figures(text_figures, LABUAN_BAJO_VISITS).set_index("year")["value"]

    passengers = _passengers(traffic)
    by_airport = passengers.pivot(index="year", columns="airport_code", values="value")
    passengers_end = int(passengers["year"].max())

    star_last = int(star.index.max())
    trips_last_values = trips[trips_last].where(~trips.index.isin(TRIPS_UNDER_REVIEW)) / 1e6
    headline = pd.DataFrame(
        {
            "row_t_arrivals_base": by_province.loc[BASE],
            "row_t_arrivals_last": by_province.loc[last_year],
            "row_t_trips_last": trips_last_values,  # million trips
            "row_t_guest_share": guest.set_index("region_code")["value"],
            "row_t_star_base": star.loc[BASE],
            "row_t_star_last": star.loc[star_last],
            "row_t_i_share": tourism_share.loc[BASE] * 100,
            "row_t_lq": tables.wide(tourism_lq, values="lq").loc[BASE],
        }
    ).T.reindex(columns=WITH_INDONESIA)
    return TourismResult(
        arrivals_years=_years(arrivals),
        trips_years=_years(domestic),
        occupancy_years=_years(occupancy),
        industry_years=_years(industry),
        base_year=BASE,
        last_year=last_year,
        all_ports_from=all_ports_from,
        arrivals_monthly=ports,
        arrivals_by_port=by_port,
        arrivals_by_province=by_province,
        port_share=port_share,
        arrivals_total=by_port.loc[port_share.index].sum(axis=1),
        gateway_share_base=float(port_share.loc[BASE, GATEWAY]),
        lombok_share_base=float(port_share.loc[BASE, LOMBOK]),
        gateway_share_last=float(port_share.loc[last_year, GATEWAY]),
        hhi_base=float(hhi[BASE]),
        trough_year=trough_year,
        gateway_trough=float(by_port.loc[trough_year, GATEWAY]),
        gateway_base=float(by_port.loc[BASE, GATEWAY]),
        recovery=recovery,
        recovery_last=recovery.loc[last_year].sort_values(ascending=False) * 100,
        pre_earthquake_year=PRE_EARTHQUAKE,
        lombok_pre_earthquake=float(by_port.loc[PRE_EARTHQUAKE, LOMBOK]),
        lombok_base=float(by_port.loc[BASE, LOMBOK]),
        lombok_recovery_pre_earthquake=float(
            by_port.loc[last_year, LOMBOK] / by_port.loc[PRE_EARTHQUAKE, LOMBOK]
        ),
        seasonal_profile=profile,
        seasonal_extremes=seasonal_extremes(profile, by=["port"]),
        seasonal_gini=gini.groupby("port")["gini"].mean(),
        lombok_gini_pre_earthquake=float(lombok_gini.iloc[0]),
        trips_monthly=trips_monthly.assign(value=trips_monthly["value"] / 1e6),
        trips_last_year=trips_last,
        trips_last_month=last_month,
        trips_same_months=trips,
        trips_ratio=(trips[trips_last] / trips[BASE])[reviewed],
        trips_under_review=TRIPS_UNDER_REVIEW,
        guest_share=guest.set_index("region_code")["value"],
        guest_year=int(guest["year"].max()),
        occupancy=tables.select(occupancy, region_code=FOCUS),
        star_occupancy=star,
        star_last_year=star_last,
        lq=tourism_lq,
        tourism_lq=tables.wide(tourism_lq, values="lq"),
        tourism_share=tourism_share,
        map_year=BASE,
        industry_last=int(industry["year"].max()),
        map_named=_map_named(kab_lq),
        kabkota_lq=kab_map,
        province_shapes=province_shapes,
        specialised_outside_bali=int((outside_bali > 1).sum()),
        top_outside_bali=str(outside_bali.index[0]),
        top_outside_bali_lq=float(outside_bali.iloc[0]),
        labuan_bajo_lq=float(kab_lq[LABUAN_BAJO]),
        air=air,
        direct_airports=reach[reach["flights"] == 1].sort_values("iata_code").reset_index(drop=True),
        indirect_airports=reach[reach["flights"] > 1]
        .sort_values(["flights", "iata_code"])
        .reset_index(drop=True),
        access=_access(air),
        passengers=passengers,
        passengers_years=_years(traffic),
        passengers_ratio=by_airport.loc[passengers_end] / by_airport.loc[BASE],
        passengers_last=by_airport.loc[passengers_end],
        quoted=quoted,
        labuan_bajo_visits=bajo,
        headline=headline,
        data_years={
            name: "–".join(dict.fromkeys(str(y) for y in span))  # a single year once
            for name, span in {
                "arrivals": _years(arrivals),
                "passengers": _years(traffic),
                "trips": _years(domestic),
                "occupancy": _years(occupancy),
                "guests": _years(guest_share),
                "industry": _years(industry),
            }.items()
        },
        headline_years={
            "base": BASE,
            "last": last_year,
            "trips": trips_last,
            "star": star_last,
            "map": BASE,
        },
    )
