"""Networks and distance: graph_from_edges, centrality, hub_dependence, great_circle_km."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from krbnn_analysis.indicators import (
    centrality,
    flights_needed,
    graph_from_edges,
    great_circle_km,
    hub_dependence,
)


def _routes() -> pd.DataFrame:
    # A star around DPS (Bali) plus one spoke beyond LOP (Lombok): DPS–LOP, DPS–KOE, DPS–LBJ, LOP–BMU
    return pd.DataFrame(
        {
            "origin": ["DPS", "DPS", "DPS", "LOP"],
            "destination": ["LOP", "KOE", "LBJ", "BMU"],
            "flights": [70.0, 20.0, 10.0, 100.0],
        }
    )


def test_graph_from_edges():
    graph = graph_from_edges(_routes(), attributes=["flights"])
    assert isinstance(graph, nx.Graph) and not graph.is_directed()
    assert graph.number_of_nodes() == 5 and graph.number_of_edges() == 4
    assert graph.edges["LOP", "DPS"]["flights"] == 70.0
    directed = graph_from_edges(
        pd.concat([_routes(), _routes().iloc[[0]].assign(origin="LOP", destination="DPS")]), directed=True
    )
    assert directed.number_of_edges() == 5  # DPS→LOP and LOP→DPS are distinct links


def test_graph_from_edges_bad_input(rejects):
    with rejects("duplicate link", "origin='DPS'", "destination='LOP'"):
        graph_from_edges(pd.concat([_routes(), pd.DataFrame({"origin": ["LOP"], "destination": ["DPS"]})]))
    with rejects("'destination'", "self-loop", "origin='DPS'", "destination='DPS'"):
        graph_from_edges(pd.DataFrame({"origin": ["DPS"], "destination": ["DPS"]}))
    with rejects("'flights'", "negative", "origin='DPS'", "destination='KOE'"):
        graph_from_edges(_routes().assign(flights=[1.0, -1.0, 1.0, 1.0]), attributes=["flights"])
    with rejects("'flights'", "NaN", "destination='LBJ'"):
        graph_from_edges(_routes().assign(flights=[1.0, 1.0, np.nan, 1.0]), attributes=["flights"])
    with rejects("'destination'", "missing key value"):
        graph_from_edges(_routes().assign(destination=["LOP", None, "LBJ", "BMU"]))
    with rejects("duplicate key", "origin='DPS'", "destination='LOP'"):
        graph_from_edges(pd.concat([_routes(), _routes().iloc[[0]]]), directed=True)


def test_centrality_by_hand():
    out = centrality(graph_from_edges(_routes())).set_index("node")
    assert out.loc["DPS", "degree"] == 3 and out.loc["DPS", "degree_centrality"] == pytest.approx(
        0.75
    )  # 3/(5−1)
    # pairs without DPS: LOP–KOE, LOP–LBJ, KOE–LBJ, KOE–BMU, LBJ–BMU pass through DPS; LOP–BMU does not
    # → 5 of the (4·3)/2 = 6 pairs
    assert out.loc["DPS", "betweenness"] == pytest.approx(5 / 6)
    assert out.loc["LOP", "betweenness"] == pytest.approx(3 / 6)  # DPS–BMU, KOE–BMU, LBJ–BMU
    assert out.loc["KOE", "betweenness"] == 0.0
    # closeness: DPS distances 1, 1, 1, 2 → 4/5; BMU distances 1, 2, 3, 3 → 4/9
    assert out.loc["DPS", "closeness"] == pytest.approx(0.8)
    assert out.loc["BMU", "closeness"] == pytest.approx(4 / 9)


def test_centrality_uses_distances():
    # triangle: A–B 1 km, B–C 1 km, A–C 3 km. By distance, A→C runs through B (2 < 3); by hops it does not.
    edges = pd.DataFrame({"origin": ["A", "B", "A"], "destination": ["B", "C", "C"], "km": [1.0, 1.0, 3.0]})
    graph = graph_from_edges(edges, attributes=["km"])
    assert centrality(graph, distance="km").set_index("node").loc["B", "betweenness"] == pytest.approx(1.0)
    assert centrality(graph).set_index("node").loc["B", "betweenness"] == 0.0


def test_centrality_bad_input(rejects):
    lonely = nx.Graph()
    lonely.add_node("A")
    with rejects("at least two nodes"):
        centrality(lonely)
    with rejects("'km'", "edge attribute missing"):
        centrality(graph_from_edges(_routes()), distance="km")


def test_hub_dependence_by_hand():
    graph = graph_from_edges(_routes(), attributes=["flights"])
    out = hub_dependence(graph, "DPS").iloc[0]
    assert out["link_share"] == pytest.approx(0.75)  # 3 of 4 links
    assert out["path_share"] == pytest.approx(5 / 6)  # 5 of the 6 connected pairs without DPS
    # without DPS only LOP–BMU stays connected: 5 of 6 pairs are cut
    assert out["cut_share"] == pytest.approx(5 / 6)
    weighted = hub_dependence(graph, "DPS", volume="flights").iloc[0]
    assert weighted["link_share"] == pytest.approx(0.5)  # (70 + 20 + 10) / 200
    leaf = hub_dependence(graph, "KOE").iloc[0]
    assert leaf["path_share"] == 0.0 and leaf["cut_share"] == 0.0


def test_hub_dependence_bad_input(rejects):
    graph = graph_from_edges(_routes(), attributes=["flights"])
    with rejects("hub 'XXX' is not a node"):
        hub_dependence(graph, "XXX")
    with rejects("'seats'", "edge attribute missing"):
        hub_dependence(graph, "DPS", volume="seats")
    with rejects("'flights'", "zero total volume"):
        hub_dependence(
            graph_from_edges(_routes().assign(flights=0.0), attributes=["flights"]), "DPS", volume="flights"
        )


def test_great_circle_published_values():
    # On the equator the geodesic is the arc a·Δλ: 6 378 137 m × π/180 = 111.319 491 km per degree
    assert great_circle_km(0.0, 0.0, 0.0, 1.0) == pytest.approx(6378.137 * math.pi / 180, rel=1e-12)
    # WGS84 quarter meridian (equator to pole): 10 001 965.729 m
    assert great_circle_km(0.0, 0.0, 90.0, 0.0) == pytest.approx(10001.965729, abs=1e-6)
    out = great_circle_km(
        pd.Series([0.0, 0.0]), pd.Series([0.0, 0.0]), pd.Series([0.0, 90.0]), pd.Series([1.0, 0.0])
    )
    assert isinstance(out, np.ndarray) and out.shape == (2,)


def test_great_circle_reproduces_the_geographiclib_examples():
    # GeodSolve(1) manual, GeographicLib (Karney): JFK 40:38:23N 073:46:44W → Singapore Changi
    # 01:21:33N 103:59:22E is 15 347 628 m; JFK (40.6, −73.8) → Paris CDG 49:01N 002:33E is 5 853 226 m.
    jfk = (40 + 38 / 60 + 23 / 3600, -(73 + 46 / 60 + 44 / 3600))
    changi = (1 + 21 / 60 + 33 / 3600, 103 + 59 / 60 + 22 / 3600)
    assert great_circle_km(*jfk, *changi) == pytest.approx(15347.628, abs=0.001)
    assert great_circle_km(40.6, -73.8, 49 + 1 / 60, 2 + 33 / 60) == pytest.approx(5853.226, abs=0.001)


def test_great_circle_bad_input(rejects):
    with rejects("'lat2'", "out of range", "position 0"):
        great_circle_km(0.0, 0.0, 91.0, 0.0)
    with rejects("'lon1'", "NaN", "position 1"):
        great_circle_km([0.0, 0.0], [0.0, np.nan], [0.0, 0.0], [1.0, 1.0])
    with rejects("'lat1'", "not numeric degrees"):
        great_circle_km("south", 0.0, 0.0, 0.0)
    with rejects("different lengths"):
        great_circle_km([0.0, 0.0], [0.0, 0.0, 0.0], [0.0], [1.0])  # 2 vs 3 points: no broadcast


def test_flights_needed_by_hand():
    # Hub-and-spoke with one extension: DPS–LOP, DPS–LBJ, LBJ–ENE; KOE isolated.
    # DPS→LOP 1 flight, DPS→LBJ 1, DPS→ENE 2 (one change at LBJ), DPS→KOE unreachable.
    edges = pd.DataFrame({"origin": ["DPS", "DPS", "LBJ"], "destination": ["LOP", "LBJ", "ENE"]})
    graph = graph_from_edges(edges)
    graph.add_node("KOE")
    result = flights_needed(graph, "DPS").set_index("node")
    assert result["flights"].to_dict() == pytest.approx(
        {"ENE": 2.0, "KOE": math.nan, "LBJ": 1.0, "LOP": 1.0}, nan_ok=True
    )
    assert result.loc["ENE", "changes"] == 1


def test_flights_needed_bad_origin(rejects):
    graph = graph_from_edges(pd.DataFrame({"origin": ["A"], "destination": ["B"]}))
    with rejects("flights_needed", "'Z'", "not a node"):
        flights_needed(graph, "Z")


def test_great_circle_broadcasts_one_point_against_many():
    # Two points on the equator, 1° and 2° east of the origin: 111.3195 km per degree (WGS84 equator).
    km = great_circle_km(0.0, 0.0, np.array([0.0, 0.0]), np.array([1.0, 2.0]))
    assert km == pytest.approx([111.3195, 222.6390], abs=1e-3)
