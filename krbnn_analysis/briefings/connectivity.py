"""Briefing 02, transport and energy connectivity: how well are the islands of Bali, NTB and NTT
linked to each other by air, sea and power grid, and where is the weakest link?

Tables: ``air_traffic_by_airport`` (DJPU, 2016 to the latest year), ``air_routes_scheduled`` (DJPU,
2020 to the latest year), ``air_routes_2014`` (June 2014, comparison only), ``airports``,
``seaports`` (SIMPEL 2017), ``wpi_ports``, ``fishing_ports``, ``ferry_facts``, ``electricity_pln``
(2011–2023), ``population``, ``substations``, ``transmission_lines``, ``ruptl_planned_grid``
(RUPTL 2025–2034) and the kab/kota boundaries. Years come from the tables.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from krbnn_analysis import load, tables
from krbnn_analysis.briefings.air_access import (
    HUB,
    WEEKS_PER_YEAR,
    AirNetwork,
    ScheduledNetwork,
    intra_region_network,
    scheduled_network,
    town_label,
)
from krbnn_analysis.briefings.common import LAST_PRE_PANDEMIC
from krbnn_analysis.indicators import great_circle_km, per_capita, scaled_mean_index

FOCUS = list(tables.FOCUS)
WITH_INDONESIA = list(tables.FOCUS_AND_INDONESIA)
BASE = LAST_PRE_PANDEMIC  # airports' recovery is measured against the last year before the pandemic
# Source defects (flags of air_traffic_by_airport): part-year, copied and outlier figures are not used.
UNUSABLE_TRAFFIC_FLAGS = ("part_year", "copy_error", "outlier")
# Airports of the three capitals (Lombok International serves Mataram) and of the destinations named
# in the cooperation (Labuan Bajo/Komodo, Sumba, Ende/Kelimutu; Lombok/Mandalika is LOP itself).
CAPITAL_AIRPORTS = ("DPS", "LOP", "KOE")
DESTINATION_AIRPORTS = ("LBJ", "TMC", "ENE")
# Thin capacity: fewer seats a week than a daily return flight of a 72-seat turboprop (2 × 7 × 72).
THIN_SEATS_PER_WEEK = 1008
TRAFFIC_CHART_AIRPORTS = 6  # the busiest airports of the last year get a line each
# A load factor from 80 % up leaves little room at peaks: a sign of unmet demand (ICAO's planning
# range for scheduled services is 75–80 %).
HIGH_LOAD_FACTOR = 0.80
PUBLIC_PORT_CATEGORIES = ("Pelabuhan Umum Tidak Diusahakan", "Pelabuhan Utama Diusahakan")
OPERATIONAL_FISHING_PORT = "operational"
GRID_VOLTAGE_KV = 70  # the lowest transmission voltage in NTB and NTT (70 and 150 kV)
NOT_GRID_FLAGS = ("name_suggests_not_a_grid_substation", "captive_mining")
JAVA_BALI_LINK = "IC-JBALI-01"
# RUPTL rows that connect a quota of dispersed plants ("Kuota Tersebar") to "existing or planned"
# substations name no route: counted, not listed.
QUOTA_CONNECTION = r"Kuota|GI Eksisting"
PROJECTED_CRS = "EPSG:23835"  # DGN95 / Indonesia TM-3 zone 50.2: centroids in metres, then back to degrees
LEAST_CONNECTED = 10
# A change of installed capacity by more than half in a year is checked, not interpreted: the series
# counts PLN-owned plants only and the source does not explain the jumps.
CAPACITY_JUMP = 0.5
ACCESS_COMPONENTS = ("airport_km", "port_km", "substation_km")

HEADLINE_DECIMALS = {
    "row_c_passengers": 2,
    "row_c_capacity": 0,
    "row_c_kwh": 0,
    "row_c_substations": 0,
    "row_c_no_public_port": 0,
    "row_c_off_grid": 0,
    "row_c_access": 0,
}


@dataclass(frozen=True)
class ConnectivityResult:
    """Every number briefing 02 states and every frame it draws (regions by BPS code)."""

    traffic_years: tuple[int, int]  # first and last year of airport traffic
    last_year: int  # last year of airport traffic and of scheduled routes
    base_year: int  # BASE
    passengers_by_airport: pd.DataFrame  # passengers (arrivals + departures), year × airport; NaN: unusable
    recovery_by_airport: pd.Series  # passengers last_year, percent of base_year, by airport, largest first
    airports_below_half: int  # airports whose last_year passengers are below half of base_year
    recovery_chart: pd.Series  # the same, indexed by "Town (IATA)"
    busiest_passengers: (
        pd.DataFrame
    )  # year, airport ("Town (IATA)"), value (million passengers), busiest airports
    region_passengers_recovery: float  # all airports with both years, last_year / base_year (fraction)
    dps_passengers_last: float  # Ngurah Rai passengers, domestic + international, last_year
    dps_share_of_region_passengers: float  # Ngurah Rai's share of the region's airport passengers, last_year
    movements_last: pd.Series  # aircraft movements by airport, last_year
    cargo_last_tonnes: pd.Series  # cargo loaded and unloaded by airport, tonnes, last_year
    airport_table: pd.DataFrame  # by airport, last_year: airport, passengers, movements, cargo_tonnes,
    # recovery_pct (percent of base_year; NaN where a year is unusable), busiest first
    network: ScheduledNetwork  # the intra-region scheduled network of last_year
    route_table: pd.DataFrame  # network.routes + flights_per_week, load_factor_pct (percent), busiest first
    airport_centrality: pd.DataFrame  # airport ("Town (IATA)"), degree, passengers, seats, betweenness_pct
    intra_passengers: float  # passengers on intra-region routes, last_year
    intra_seats: float  # seats on intra-region routes, last_year
    intra_passengers_first: float  # the same in the first year of the route table
    route_years: tuple[int, int]  # first and last year of the route table
    network_2014: AirNetwork  # the June-2014 snapshot (links counted), for comparison only
    links_2014: int  # airport pairs in June 2014
    new_links: tuple[str, ...]  # pairs flown in last_year, absent in June 2014 ("AAA–BBB")
    dropped_links: tuple[str, ...]  # pairs of June 2014 without scheduled traffic in last_year
    dropped_routes: tuple[str, ...]  # the same as "Town (IATA) – Town (IATA)"
    new_links_from_kupang: int  # new pairs with Kupang at one end
    key_pairs: pd.DataFrame  # capital–capital and capital–destination pairs: seats/week, passengers, thin
    thin_or_missing_pairs: int  # key pairs with no route or fewer than THIN_SEATS_PER_WEEK seats a week
    missing_pairs: tuple[str, ...]  # key pairs without any scheduled route, "Town (IATA) – Town (IATA)"
    cut_off_towns: tuple[str, ...]  # towns whose regular links to the largest group all run via the hub
    high_load_routes: pd.DataFrame  # routes with a load factor from HIGH_LOAD_FACTOR, last_year
    ports_by_kabkota: pd.DataFrame  # 41 kab/kota: public ports, special terminals, WPI, fishing ports
    kabkota_without_public_port: tuple[str, ...]  # no public seaport (SIMPEL 2017) nor WPI port
    kabkota_without_any_port: tuple[str, ...]  # no seaport, terminal, WPI or operational fishing port
    ferry_ports_missing: tuple[
        str, ...
    ]  # kab/kota with a ferry port in the crossings but no public port listed
    ferry_crossings: pd.DataFrame  # crossings with distance (nautical miles) and/or sailing time (hours)
    electricity: pd.DataFrame  # PLN: region_code, year, indicator, value (GWh or MW), focus + Indonesia
    electricity_years: dict[str, int]  # last year of each electricity indicator
    capacity: pd.DataFrame  # PLN installed capacity, MW: region_code, year, value (provinces)
    capacity_jumps: (
        pd.DataFrame
    )  # region_code, year, change (fraction), change_pct where |change| > CAPACITY_JUMP
    sales: pd.DataFrame  # electricity sold (distributed) by PLN, GWh: region_code, year, value (provinces)
    consumption_per_capita: pd.DataFrame  # kWh sold per person, year × region (00 = Indonesia)
    consumption_year: int  # last year with both sales and population
    substations: pd.DataFrame  # grid substations (≥ GRID_VOLTAGE_KV), with province and kab/kota
    grid_by_province: pd.DataFrame  # substations, mapped line km, systems, by province
    java_bali_link: pd.Series  # the Java–Bali interconnector record
    interisland_links: int  # links between islands in the tables other than Java–Bali
    planned_lines: pd.DataFrame  # RUPTL planned lines between named ends: km, kV, target year, status
    planned_quota_connections: int  # RUPTL connections of dispersed plant quotas (no named route)
    planned_substations: pd.DataFrame  # RUPTL planned or extended substations with target year
    planned_line_km: pd.Series  # km of planned lines by province
    planned_substation_count: pd.Series  # planned new or extended substations by province
    planned_years: tuple[int, int]  # first and last target year in the RUPTL tables
    access: gpd.GeoDataFrame  # 41 kab/kota: km to airport/port/substation, on_grid, index (0–1),
    # remoteness (index × 100), rank,
    # port_list_incomplete (a ferry port the 2017 port list lacks: port km overstated)
    least_connected: pd.DataFrame  # the LEAST_CONNECTED kab/kota with the highest index
    kabkota_off_grid: int  # kab/kota without a grid substation
    province_shapes: gpd.GeoDataFrame
    airports: pd.DataFrame  # airports with an IATA code (positions for the route map)
    headline: pd.DataFrame  # headline table: row key × region code
    headline_years: dict[str, int]  # years named in the headline row labels


def _years(frame: pd.DataFrame) -> tuple[int, int]:
    return int(frame["year"].min()), int(frame["year"].max())


def airport_totals(traffic: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """One indicator per airport and year: domestic + international where the source splits them.

    Values flagged as part-year, copied or outliers are NaN (never a total with a gap in it).
    """
    rows = tables.select(traffic, indicator=indicator)
    split = rows["airport_code"].isin(rows.loc[rows["traffic_type"] != "all", "airport_code"])
    rows = rows.loc[~split | (rows["traffic_type"] != "all")]
    rows = rows.assign(value=rows["value"].where(~rows["flag"].isin(UNUSABLE_TRAFFIC_FLAGS)))
    return rows.groupby(["year", "airport_code"])["value"].sum(min_count=1).unstack("airport_code")


def _busiest(passengers: pd.DataFrame) -> pd.DataFrame:
    """Million passengers a year at the busiest airports of the last year, tidy for a line chart."""
    busiest = passengers.iloc[-1].nlargest(TRAFFIC_CHART_AIRPORTS).index
    tidy = (passengers[busiest] / 1e6).rename(columns=town_label).stack().rename("value").reset_index()
    return tidy.rename(columns={"airport_code": "airport"})


def _airport_table(
    passengers: pd.DataFrame, traffic: pd.DataFrame, year: int, recovery: pd.Series
) -> pd.DataFrame:
    """Passengers, aircraft movements, cargo (tonnes) and recovery of every airport in ``year``."""
    frame = pd.DataFrame(
        {
            "passengers": passengers.loc[year],
            "movements": airport_totals(traffic, "aircraft_movements_total").loc[year],
            "cargo_tonnes": airport_totals(traffic, "cargo_total").loc[year] / 1000,
            "recovery_pct": recovery,
        }
    ).sort_values("passengers", ascending=False)
    return frame.assign(airport=frame.index.map(town_label)).reset_index(drop=True)


def _pair_label(pair: str) -> str:
    """``"DPS–LBJ"`` → ``"Denpasar (DPS) – Labuan Bajo (LBJ)"``."""
    return " – ".join(town_label(code) for code in pair.split("–"))


def _pair(a: str, b: str) -> str:
    return "–".join(sorted((a, b)))


def key_pairs(network: ScheduledNetwork) -> pd.DataFrame:
    """Seats a week and passengers between capitals and between a capital and a destination."""
    wanted = sorted(
        {_pair(a, b) for a in CAPITAL_AIRPORTS for b in (*CAPITAL_AIRPORTS, *DESTINATION_AIRPORTS) if a != b}
    )
    routes = network.routes.assign(pair=network.routes["airport_1"] + "–" + network.routes["airport_2"])
    found = routes.set_index("pair").reindex(wanted)
    seats_week = found["seats"] / WEEKS_PER_YEAR
    towns = [_pair_label(pair) for pair in wanted]
    return pd.DataFrame(
        {
            "pair": wanted,
            "route": towns,
            "seats_per_week": seats_week.to_numpy(),
            "flights_per_week": (found["flights"] / WEEKS_PER_YEAR).to_numpy(),
            "passengers": found["passengers"].to_numpy(),
            "thin": (seats_week.fillna(0) < THIN_SEATS_PER_WEEK).to_numpy(),
        }
    ).sort_values(["thin", "seats_per_week"], ascending=[False, True], na_position="first")


def _network_change(old: AirNetwork, new: ScheduledNetwork) -> tuple[tuple[str, ...], tuple[str, ...]]:
    before = {_pair(a, b) for a, b in old.graph.edges}
    after = {_pair(a, b) for a, b in new.graph.edges}
    return tuple(sorted(after - before)), tuple(sorted(before - after))


def _count_by_kabkota(frame: pd.DataFrame, name: str, codes: list[str]) -> pd.Series:
    return frame.groupby("kabkota_code").size().reindex(codes, fill_value=0).rename(name)


def ports_by_kabkota(
    seaports: pd.DataFrame, wpi: pd.DataFrame, fishing: pd.DataFrame, codes: list[str]
) -> pd.DataFrame:
    """Ports per kab/kota: public seaports and special terminals (SIMPEL 2017), WPI ports, fishing ports."""
    located = seaports.loc[seaports["in_study_area"] & seaports["kabkota_code"].notna()]
    public = located["category"].isin(PUBLIC_PORT_CATEGORIES)
    return pd.concat(
        [
            _count_by_kabkota(located.loc[public], "public_ports", codes),
            _count_by_kabkota(located.loc[~public], "terminals", codes),
            _count_by_kabkota(wpi, "wpi_ports", codes),
            _count_by_kabkota(
                fishing.loc[fishing["operational_status"] == OPERATIONAL_FISHING_PORT], "fishing_ports", codes
            ),
        ],
        axis=1,
    ).rename_axis("region_code")


def _ferry_kabkota(facts: pd.DataFrame) -> set[str]:
    """Kab/kota at either end of a crossing within the region."""
    intra = facts.loc[facts["category"] == "intra_region"]
    return set(intra["from_kabkota_code"].dropna()) | set(intra["to_kabkota_code"].dropna())


def ferry_crossings(facts: pd.DataFrame) -> pd.DataFrame:
    """Distance (nautical miles) and sailing time (hours) of each crossing, with the source address."""
    kept = facts.loc[facts["fact"].isin(["distance", "sailing_time"])]
    wide = kept.pivot_table(
        index=["route_from", "route_to"], columns="fact", values="value", aggfunc="first"
    ).reindex(columns=["distance", "sailing_time"])
    # one source per crossing in the table; a second one would be a separate column
    sources = kept.groupby(["route_from", "route_to"])["source_url"].first()
    sites = sources.str.extract(r"https?://(?:www\.)?([^/]+)/", expand=False).rename("source_site")
    renamed = {"distance": "distance_nm", "sailing_time": "hours"}
    return wide.join(sources).join(sites).reset_index().rename(columns=renamed)


def grid_substations(substations: pd.DataFrame) -> pd.DataFrame:
    """Substations of the transmission grid: from GRID_VOLTAGE_KV, not flagged as offices or mine sites."""
    flags = substations["flags"].fillna("")
    not_grid = flags.str.contains("|".join(NOT_GRID_FLAGS))
    return substations.loc[(substations["voltage_kv_max"] >= GRID_VOLTAGE_KV) & ~not_grid]


def _centroids(shapes: gpd.GeoDataFrame) -> gpd.GeoSeries:
    return shapes.to_crs(PROJECTED_CRS).geometry.centroid.to_crs(shapes.crs)


def _nearest_km(points: gpd.GeoSeries, targets: pd.DataFrame) -> pd.Series:
    """Great-circle km from each point to the nearest target (``lon``, ``lat``)."""
    return pd.Series(
        [
            great_circle_km(p.y, p.x, targets["lat"].to_numpy(), targets["lon"].to_numpy()).min()
            for p in points
        ],
        index=points.index,
    )


def accessibility(
    shapes: gpd.GeoDataFrame, served_airports: pd.DataFrame, ports: pd.DataFrame, grid: pd.DataFrame
) -> gpd.GeoDataFrame:
    """The accessibility of each kab/kota from its polygon centroid (see ACCESS_COMPONENTS).

    ``index`` = equal-weight mean of the km from the centroid to the nearest airport with scheduled
    service, to the nearest public port and to the nearest grid substation, each min–max scaled over
    the 41 kab/kota: 0 = the best connected on every count, 1 = the worst. ``on_grid``: the kab/kota
    holds a grid substation.
    """
    centroids = _centroids(shapes)
    frame = shapes.assign(
        airport_km=_nearest_km(centroids, served_airports),
        port_km=_nearest_km(centroids, ports),
        substation_km=_nearest_km(centroids, grid),
        on_grid=shapes["region_code"].isin(grid["kabkota_code"]),
    )
    index = scaled_mean_index(frame, ACCESS_COMPONENTS)
    frame = frame.assign(index=index, remoteness=index * 100)
    return frame.assign(rank=frame["index"].rank(ascending=False, method="min").astype(int))


def _electricity(pln: pd.DataFrame) -> pd.DataFrame:
    kept = tables.select(pln, region_code=WITH_INDONESIA)
    return kept.loc[kept["flag"].isna(), ["region_code", "year", "indicator", "value", "unit"]]


def _capacity_jumps(capacity: pd.DataFrame) -> pd.DataFrame:
    """Year-on-year changes of capacity beyond CAPACITY_JUMP (between consecutive years present)."""
    wide = tables.wide(capacity, columns="region_code").rename_axis(columns="region_code")
    change = wide.pct_change(fill_method=None).stack().rename("change").reset_index()
    jumps = change.loc[change["change"].abs() > CAPACITY_JUMP].reset_index(drop=True)
    return jumps.assign(change_pct=jumps["change"] * 100)


def _consumption_per_capita(electricity: pd.DataFrame, population: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    sales = tables.select(electricity, indicator="electricity_distributed")
    persons = tables.select(population, indicator="population", region_code=WITH_INDONESIA)
    common = sorted(set(sales["year"]) & set(persons["year"]))
    sales = sales.loc[sales["year"].isin(common)]
    persons = persons.loc[persons["year"].isin(common)]
    kwh = per_capita(sales, persons, scale=1e6)  # GWh → kWh per person
    wide = tables.wide(kwh, values="per_capita", columns="region_code", order=WITH_INDONESIA).dropna()
    return wide, int(wide.index.max())  # the last year Indonesia's figure exists too


def compute() -> ConnectivityResult:
    """Load the tables and compute every figure of briefing 02."""
    traffic, routes = load("air_traffic_by_airport"), load("air_routes_scheduled")
    airports, routes_2014 = load("airports"), load("air_routes_2014")
    seaports, wpi, fishing = load("seaports"), load("wpi_ports"), load("fishing_ports")
    facts = load("ferry_facts")
    pln, population = load("electricity_pln"), load("population")
    substations, lines, planned = load("substations"), load("transmission_lines"), load("ruptl_planned_grid")
    kab_shapes, province_shapes = load("kabkota_boundaries"), load("province_boundaries")
    codes = sorted(kab_shapes["region_code"])

    passengers = airport_totals(traffic, "passengers_total")
    last_year = int(passengers.index.max())
    recovery = (passengers.loc[last_year] / passengers.loc[BASE] * 100).dropna().sort_values(ascending=False)
    both = passengers.loc[[BASE, last_year]].dropna(axis=1)
    network = scheduled_network(routes, airports)
    first_routes = scheduled_network(routes, airports, year=int(routes["year"].min()))
    network_2014 = intra_region_network(airports, routes_2014)
    new_links, dropped_links = _network_change(network_2014, network)
    pairs = key_pairs(network)
    lf = network.routes.assign(
        flights_per_week=network.routes["flights"] / WEEKS_PER_YEAR,
        load_factor_pct=network.routes["load_factor"] * 100,
    )
    ranks = network.centrality
    airport_centrality = ranks.assign(
        betweenness_pct=ranks["betweenness"] * 100, airport=ranks.index.map(town_label)
    ).reset_index(drop=True)

    ports = ports_by_kabkota(seaports, wpi, fishing, codes)
    public_ports = pd.concat(
        [
            seaports.loc[seaports["in_study_area"] & seaports["category"].isin(PUBLIC_PORT_CATEGORIES)],
            wpi,
        ]
    )[["lon", "lat", "kabkota_code"]]
    without_public = ports.index[(ports["public_ports"] + ports["wpi_ports"]) == 0]
    without_any = ports.index[ports.sum(axis=1) == 0]

    electricity = _electricity(pln)
    per_person, consumption_year = _consumption_per_capita(electricity, population)
    grid = grid_substations(substations)
    mapped = lines.loc[lines["line_kind"] == "osm_power_line"]
    grid_by_province = pd.DataFrame(
        {
            "substations": grid.groupby("province_code").size(),
            "line_km": mapped.groupby("region_code")["length_km"].sum(),
            "system": mapped.groupby("region_code")["system"].first(),
        }
    ).reindex(FOCUS)
    interisland = lines["other_region_code"].notna() & (lines["line_id"] != JAVA_BALI_LINK)
    planned_lines = planned.loc[planned["asset"] == "transmission_line"]
    quota = planned_lines["name"].str.contains(QUOTA_CONNECTION)
    served = network.centrality.index
    served_airports = airports.dropna(subset=["iata_code"]).set_index("iata_code").loc[sorted(served)]
    access = accessibility(kab_shapes, served_airports, public_ports, grid)
    missing_ferry_ports = tuple(sorted(_ferry_kabkota(facts) & set(without_public)))
    access = access.assign(port_list_incomplete=access["region_code"].isin(missing_ferry_ports))

    traffic_last = passengers.loc[last_year]
    province_of = traffic.groupby("airport_code")["region_code"].first()
    capacity = tables.select(electricity, indicator="installed_capacity")
    capacity_year = int(capacity["year"].max())
    province = access["region_code"].str[:2]
    headline = pd.DataFrame(
        {
            "row_c_passengers": traffic_last.groupby(province_of).sum() / 1e6,
            "row_c_capacity": tables.select(capacity, year=capacity_year).set_index("region_code")["value"],
            "row_c_kwh": per_person.loc[consumption_year],
            "row_c_substations": grid_by_province["substations"],
            "row_c_no_public_port": pd.Series(list(without_public))
            .str[:2]
            .value_counts()
            .reindex(FOCUS, fill_value=0),
            "row_c_off_grid": (~access["on_grid"]).groupby(province).sum(),
            "row_c_access": access["remoteness"].groupby(province).mean(),
        }
    ).T.reindex(columns=WITH_INDONESIA)
    return ConnectivityResult(
        traffic_years=_years(traffic),
        last_year=last_year,
        base_year=BASE,
        passengers_by_airport=passengers,
        recovery_by_airport=recovery,
        airports_below_half=int((recovery < 50).sum()),
        recovery_chart=recovery.rename(index=town_label),
        busiest_passengers=_busiest(passengers),
        region_passengers_recovery=float(both.loc[last_year].sum() / both.loc[BASE].sum()),
        dps_passengers_last=float(traffic_last[HUB]),
        dps_share_of_region_passengers=float(traffic_last[HUB] / traffic_last.sum()),
        movements_last=airport_totals(traffic, "aircraft_movements_total").loc[last_year].dropna(),
        cargo_last_tonnes=(airport_totals(traffic, "cargo_total").loc[last_year] / 1000).dropna(),
        airport_table=_airport_table(passengers, traffic, last_year, recovery),
        network=network,
        route_table=lf,
        airport_centrality=airport_centrality,
        intra_passengers=float(network.routes["passengers"].sum()),
        intra_seats=float(network.routes["seats"].sum()),
        intra_passengers_first=float(first_routes.routes["passengers"].sum()),
        route_years=_years(routes),
        network_2014=network_2014,
        links_2014=network_2014.links,
        new_links=new_links,
        dropped_links=dropped_links,
        dropped_routes=tuple(_pair_label(pair) for pair in dropped_links),
        new_links_from_kupang=sum("KOE" in pair.split("–") for pair in new_links),
        key_pairs=pairs.reset_index(drop=True),
        thin_or_missing_pairs=int(pairs["thin"].sum()),
        missing_pairs=tuple(pairs.loc[pairs["seats_per_week"].isna(), "route"]),
        cut_off_towns=tuple(town_label(code) for group in network.islands_without_hub[1:] for code in group),
        high_load_routes=lf.loc[lf["load_factor"] >= HIGH_LOAD_FACTOR].reset_index(drop=True),
        ports_by_kabkota=ports,
        kabkota_without_public_port=tuple(without_public),
        kabkota_without_any_port=tuple(without_any),
        ferry_ports_missing=missing_ferry_ports,
        ferry_crossings=ferry_crossings(facts),
        electricity=electricity,
        capacity=tables.select(electricity, indicator="installed_capacity", region_code=FOCUS),
        capacity_jumps=_capacity_jumps(tables.select(electricity, indicator="installed_capacity")),
        sales=tables.select(electricity, indicator="electricity_distributed", region_code=FOCUS),
        electricity_years=electricity.groupby("indicator")["year"].max().astype(int).to_dict(),
        consumption_per_capita=per_person,
        consumption_year=consumption_year,
        substations=grid,
        grid_by_province=grid_by_province,
        java_bali_link=lines.set_index("line_id").loc[JAVA_BALI_LINK],
        interisland_links=int(interisland.sum()),
        planned_lines=planned_lines.loc[~quota]
        .sort_values(["target_year", "region_code", "name"])
        .reset_index(drop=True),
        planned_quota_connections=int(quota.sum()),
        planned_substations=planned.loc[planned["asset"] == "substation"]
        .sort_values(["target_year", "region_code", "name"])
        .reset_index(drop=True),
        planned_line_km=planned_lines.groupby("region_code")["length_km"].sum(),
        planned_substation_count=planned.loc[planned["asset"] == "substation"].groupby("region_code").size(),
        planned_years=(int(planned["target_year"].min()), int(planned["target_year"].max())),
        access=access,
        least_connected=access.sort_values("index", ascending=False)
        .head(LEAST_CONNECTED)
        .drop(columns="geometry")
        .reset_index(drop=True),
        kabkota_off_grid=int((~access["on_grid"]).sum()),
        province_shapes=province_shapes,
        airports=airports.dropna(subset=["iata_code"]),
        headline=headline,
        headline_years={"last": last_year, "consumption": consumption_year, "capacity": capacity_year},
    )
