"""The air route network within Bali, NTB and NTT, from the June-2014 OpenFlights snapshot.

Shared by the tourism briefing (how easily NTB and NTT are reached from Bali) and the connectivity
briefing. The snapshot has no frequencies or seats, so links are counted, not weighted.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import pandas as pd

from krbnn_analysis import tables
from krbnn_analysis.indicators import flights_needed, graph_from_edges, great_circle_km, hub_dependence

HUB = "DPS"  # Ngurah Rai, Denpasar: the region's gateway
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
