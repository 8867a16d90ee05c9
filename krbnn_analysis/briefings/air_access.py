"""The air route network within Bali, NTB and NTT: the June-2014 OpenFlights snapshot and the DJPU
scheduled-route statistics (2020 onwards, weighted by passengers and seats).

Shared by the tourism briefing (how easily NTB and NTT are reached from Bali) and the connectivity
briefing. The snapshot has no frequencies or seats, so links are counted, not weighted.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import pandas as pd

from krbnn_analysis import tables
from krbnn_analysis.indicators import (
    centrality,
    flights_needed,
    graph_from_edges,
    great_circle_km,
    hub_dependence,
)

HUB = "DPS"  # Ngurah Rai, Denpasar: the region's gateway
# Town served by each airport with scheduled service: the names readers know (Lombok International
# serves Mataram and central Lombok; Tambolaka serves western Sumba).
AIRPORT_TOWNS = {
    "ABU": "Atambua",
    "BENETE": "Benete",  # no IATA code: the source's own name is the code
    "KABIR": "Kabir",
    "ARD": "Alor",
    "BJW": "Bajawa",
    "BMU": "Bima",
    "DPS": "Denpasar",
    "ENE": "Ende",
    "KOE": "Kupang",
    "LBJ": "Labuan Bajo",
    "LKA": "Larantuka",
    "LOP": "Lombok",
    "LWE": "Lewoleba",
    "MOF": "Maumere",
    "RTG": "Ruteng",
    "RTI": "Rote",
    "SAU": "Sabu",
    "SWQ": "Sumbawa Besar",
    "TMC": "Tambolaka",
    "WGP": "Waingapu",
}


def town_label(code: str) -> str:
    """``Town (IATA)``, e.g. ``Labuan Bajo (LBJ)``; the town alone for an airport without an IATA code,
    the code alone for an airport not in AIRPORT_TOWNS."""
    if code not in AIRPORT_TOWNS:
        return code
    return f"{AIRPORT_TOWNS[code]} ({code})" if len(code) == 3 else AIRPORT_TOWNS[code]


# A link counts as regular from a weekly return service (flights are both directions over a year):
# a route flown twice a year must not decide whether two airports are connected.
REGULAR_FLIGHTS_PER_YEAR = 104
WEEKS_PER_YEAR = 52
INTRA_REGION = "intra_region"  # route category: both ends in Bali, NTB or NTT
# Proper names of the airports (as DJPU writes them), the same in both languages: OurAirports' names
# are English ("Komodo Airport", "Alor Island - Mali Airport") and a briefing must not show them.
AIRPORT_NAMES = {
    "ABU": "A.A. Bere Tallo",
    "ARD": "Mali",
    "BMU": "Sultan Muhammad Salahuddin",
    "DPS": "I Gusti Ngurah Rai",
    "ENE": "H. Hasan Aroeboesman",
    "KOE": "El Tari",
    "LBJ": "Komodo",
    "LKA": "Gewayantana",
    "LOP": "Zainuddin Abdul Madjid",
    "MOF": "Frans Seda",
    "RTG": "Frans Sales Lega",
    "RTI": "David Constantijn Saudale",
    "SWQ": "Sultan Muhammad Kaharuddin",
    "TMC": "Lede Kalumbang",
    "WGP": "Umbu Mehang Kunda",
}


def airport_name(code: str) -> str:
    """The airport's proper name (no English "Airport"), or its IATA code if it has none here."""
    return AIRPORT_NAMES.get(code, code)


@dataclass(frozen=True)
class AirNetwork:
    """The intra-region network seen from one hub airport."""

    hub: str  # IATA code of the hub
    graph: nx.Graph  # one link per airport pair; scheduled airports without a route are isolated nodes
    airports: pd.DataFrame  # open airports with scheduled service, indexed by IATA code, + km_from_hub
    routes: pd.DataFrame  # the intra-region route records (both directions may appear)
    reach: pd.DataFrame  # flights needed from the hub (NaN: unreachable), indexed by IATA code
    hub_links: int  # links touching the hub
    links: int  # links in the network (airport pairs)
    hub_link_share: float  # hub_links / links (fraction)
    unserved: tuple[str, ...]  # scheduled airports with no intra-region route in the snapshot


def scheduled_airports(airports: pd.DataFrame) -> pd.DataFrame:
    """Open airports with scheduled service and an IATA code, indexed by that code."""
    scheduled = airports.loc[
        (airports["status"] == "open") & airports["scheduled_service"].fillna(False).astype(bool)
    ]
    return scheduled.dropna(subset=["iata_code"]).set_index("iata_code").sort_index()


def intra_region_network(airports: pd.DataFrame, routes: pd.DataFrame, hub: str = HUB) -> AirNetwork:
    """The network of routes with both ends in the region (tables ``airports`` and ``air_routes_2014``)."""
    intra = tables.select(routes, category=INTRA_REGION)
    pairs = sorted({tuple(sorted(pair)) for pair in intra[["origin", "destination"]].itertuples(index=False)})
    graph = graph_from_edges(pd.DataFrame(pairs, columns=["origin", "destination"]))
    scheduled = scheduled_airports(airports)
    graph.add_nodes_from(scheduled.index)  # scheduled airports without a 2014 route stay, unconnected
    at_hub = scheduled.loc[hub]
    scheduled = scheduled.assign(
        km_from_hub=great_circle_km(at_hub["lat"], at_hub["lon"], scheduled["lat"], scheduled["lon"])
    )
    served = set(intra["origin"]) | set(intra["destination"])
    dependence = hub_dependence(graph, hub).iloc[0]
    return AirNetwork(
        hub=hub,
        graph=graph,
        airports=scheduled,
        routes=intra,
        reach=flights_needed(graph, hub).set_index("node"),
        hub_links=int(graph.degree(hub)),
        links=int(graph.number_of_edges()),
        hub_link_share=float(dependence["link_share"]),
        unserved=tuple(sorted(set(scheduled.index) - served)),
    )


@dataclass(frozen=True)
class ScheduledNetwork:
    """The intra-region network of scheduled routes in one year, weighted by traffic (DJPU)."""

    year: int
    hub: str  # IATA code of the hub
    graph: nx.Graph  # one link per airport pair, attributes flights, passengers, seats (year totals)
    routes: (
        pd.DataFrame
    )  # one row per pair: airport_1, airport_2, flights, passengers, seats, load_factor, km
    centrality: pd.DataFrame  # by airport: degree, passengers, seats (strength), betweenness (0–1)
    hub_passenger_share: float  # share of intra-region passengers on routes touching the hub (fraction)
    hub_seat_share: float  # the same for seats (fraction)
    hub_path_share: float  # mean share of shortest paths between other airports through the hub (fraction)
    hub_cut_share: float  # share of connected pairs of other airports left without a path without the hub
    cut_off_by_hub_outage: tuple[str, ...]  # airports left with no intra-region route without the hub
    regular_cut_share: float  # hub_cut_share on the links with at least a weekly return service
    islands_without_hub: tuple[
        tuple[str, ...], ...
    ]  # groups of airports linked by regular service, hub removed
    hub_only_passengers: float  # passengers on routes touching the hub: lost in a hub outage (year)


def _pairs(routes: pd.DataFrame) -> pd.DataFrame:
    """Routes with traffic, the two ends in alphabetical order (the source's order is arbitrary)."""
    served = routes.loc[routes["flag"].isna() & (routes["passengers"] > 0)]
    ends = pd.DataFrame(
        {
            "airport_1": served[["airport_1", "airport_2"]].min(axis=1),
            "airport_2": served[["airport_1", "airport_2"]].max(axis=1),
        }
    )
    measures = served[["flights", "passengers", "seats"]]
    return pd.concat([ends, measures], axis=1).groupby(["airport_1", "airport_2"], as_index=False).sum()


def scheduled_network(
    routes_scheduled: pd.DataFrame, airports: pd.DataFrame, year: int | None = None, hub: str = HUB
) -> ScheduledNetwork:
    """The intra-region network of ``air_routes_scheduled`` in ``year`` (default: the latest year).

    Routes flagged by the source (no traffic, same airport at both ends) and routes without
    passengers are left out. ``airports`` gives the positions for the great-circle length.
    """
    year = int(routes_scheduled["year"].max()) if year is None else year
    intra = routes_scheduled.loc[routes_scheduled["intra_region"] & (routes_scheduled["year"] == year)]
    pairs = _pairs(intra)
    position = airports.dropna(subset=["iata_code"]).set_index("iata_code")
    one, two = position.loc[pairs["airport_1"]], position.loc[pairs["airport_2"]]
    pairs = pairs.assign(
        route=[
            f"{AIRPORT_TOWNS.get(a, a)}–{AIRPORT_TOWNS.get(b, b)}"
            for a, b in zip(pairs["airport_1"], pairs["airport_2"], strict=True)
        ],
        seats_per_week=pairs["seats"] / WEEKS_PER_YEAR,
        load_factor=pairs["passengers"] / pairs["seats"],
        km=great_circle_km(
            one["lat"].to_numpy(), one["lon"].to_numpy(), two["lat"].to_numpy(), two["lon"].to_numpy()
        ),
    )
    graph = graph_from_edges(
        pairs, source="airport_1", target="airport_2", attributes=["flights", "passengers", "seats"]
    )
    ranks = centrality(graph).set_index("node")[["degree", "betweenness"]]
    ranks = ranks.assign(
        passengers=pd.Series(dict(graph.degree(weight="passengers"))),
        seats=pd.Series(dict(graph.degree(weight="seats"))),
    ).sort_values("passengers", ascending=False)
    by_passengers = hub_dependence(graph, hub, volume="passengers").iloc[0]
    by_seats = hub_dependence(graph, hub, volume="seats").iloc[0]
    without_hub = graph.copy()
    without_hub.remove_node(hub)
    regular = graph.edge_subgraph(
        [(u, v) for u, v, flights in graph.edges(data="flights") if flights >= REGULAR_FLIGHTS_PER_YEAR]
    ).copy()
    regular_without_hub = regular.copy()
    regular_without_hub.remove_node(hub)
    groups = sorted(
        (tuple(sorted(c)) for c in nx.connected_components(regular_without_hub)), key=len, reverse=True
    )
    return ScheduledNetwork(
        year=year,
        hub=hub,
        graph=graph,
        routes=pairs.sort_values("passengers", ascending=False).reset_index(drop=True),
        centrality=ranks.rename_axis("airport"),
        hub_passenger_share=float(by_passengers["link_share"]),
        hub_seat_share=float(by_seats["link_share"]),
        hub_path_share=float(by_passengers["path_share"]),
        hub_cut_share=float(by_passengers["cut_share"]),
        cut_off_by_hub_outage=tuple(sorted(n for n in without_hub if without_hub.degree(n) == 0)),
        regular_cut_share=float(hub_dependence(regular, hub).iloc[0]["cut_share"]),
        islands_without_hub=tuple(groups),
        hub_only_passengers=float(graph.degree(hub, weight="passengers")),
    )
