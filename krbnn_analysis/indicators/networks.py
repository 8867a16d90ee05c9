"""Networks and distance: graphs from edge lists, centrality, hub dependence, geodesic distance.

Edge attributes keep the names of their columns. Centrality and shortest paths read one attribute as
a *distance* (km, hours, cost: larger = farther); hub dependence can read another as a *volume*
(flights, seats, passengers: larger = more traffic). The two must not be confused.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import networkx as nx
import numpy as np
import pandas as pd
from pyproj import Geod

from krbnn_analysis.errors import IndicatorInputError
from krbnn_analysis.indicators._checks import fail, reject_first, require_frame, require_keys, require_values
from krbnn_analysis.validation import first_position

_WGS84 = Geod(ellps="WGS84")


def graph_from_edges(
    edges: pd.DataFrame,
    *,
    source: str = "origin",
    target: str = "destination",
    attributes: Sequence[str] = (),
    directed: bool = False,
) -> nx.Graph:
    """Build a networkx graph from a tidy edge list (e.g. air or ferry routes between regions).

    Formula:
        One node per distinct value of ``source`` and ``target``, one edge per row; each column in
        ``attributes`` becomes an edge attribute of the same name.

    Parameters:
        edges: one row per link.
        source, target: node columns (region codes, airport codes…).
        attributes: numeric edge columns to keep (e.g. ``"distance_km"``, ``"flights_per_week"``);
            finite and ≥ 0 (shortest-path algorithms fail silently on negative lengths).
        directed: a ``DiGraph`` when True (A → B and B → A are then distinct links).

    Returns:
        ``networkx.Graph`` (or ``DiGraph``).

    Raises:
        IndicatorInputError: a missing node label, a self-loop, a duplicate link (for an undirected
            graph, A–B and B–A are the same link), a NaN or negative attribute. The message names the
            column and the link.

    References:
        Hagberg, A.A., Schult, D.A. and Swart, P.J. (2008), "Exploring network structure, dynamics,
        and function using NetworkX", *Proc. 7th Python in Science Conference*, 11–15.
    """
    func = "graph_from_edges"
    attributes = list(attributes)
    keys = [source, target]
    require_frame(edges, func, [*keys, *attributes], name="edges")
    require_keys(edges, keys, func)
    reject_first(
        edges[source] == edges[target], edges, keys, func, target, "self-loop (a link from a node to itself)"
    )
    if not directed:
        pair = pd.Series(
            [frozenset(p) for p in zip(edges[source], edges[target], strict=True)], index=edges.index
        )
        problem = "duplicate link in an undirected graph (A–B and B–A)"
        reject_first(pair.duplicated(keep=False), edges, keys, func, None, problem)
    values = {a: require_values(edges, a, keys, func) for a in attributes}
    graph = nx.DiGraph() if directed else nx.Graph()
    for position, (u, v) in enumerate(zip(edges[source], edges[target], strict=True)):
        graph.add_edge(u, v, **{a: float(values[a][position]) for a in attributes})
    return graph


def _require_attribute(graph: nx.Graph, attribute: str | None, func: str) -> None:
    if attribute is None:
        return
    for u, v, data in graph.edges(data=True):
        if attribute not in data:
            fail(func, attribute, "edge attribute missing", ["source", "target"], (u, v))


def centrality(graph: nx.Graph, *, distance: str | None = None) -> pd.DataFrame:
    """Degree, betweenness and closeness centrality of every node.

    Formula:
        ``degree`` = number of links of the node (in + out for a directed graph);
        ``degree_centrality = degree / (n − 1)``;
        ``betweenness(v) = Σ_{s≠v≠t} σ_st(v) / σ_st``, normalised by ``(n − 1)(n − 2)/2`` pairs
        (undirected) or ``(n − 1)(n − 2)`` (directed), with σ_st the number of shortest s–t paths
        and σ_st(v) those through v;
        ``closeness(v) = (r − 1) / Σ_u d(v, u)`` over the r nodes reachable from v, scaled by
        ``(r − 1)/(n − 1)`` (Wasserman–Faust) so that nodes in small components are not favoured.
        For directed graphs closeness uses incoming distances (networkx convention).

    Parameters:
        graph: a networkx graph (e.g. from :func:`graph_from_edges`) with at least two nodes.
        distance: edge attribute used as path length (≥ 0); ``None`` counts links (hops).

    Returns:
        DataFrame with ``node``, ``degree``, ``degree_centrality``, ``betweenness`` and
        ``closeness`` (all fractions 0–1 except ``degree``), sorted by node.

    Raises:
        IndicatorInputError: fewer than two nodes, or an edge without the ``distance`` attribute.

    References:
        Freeman, L.C. (1977), "A set of measures of centrality based on betweenness", *Sociometry*
        40(1), 35–41; Freeman, L.C. (1979), "Centrality in social networks: conceptual
        clarification", *Social Networks* 1(3), 215–239; Brandes, U. (2001), "A faster algorithm for
        betweenness centrality", *Journal of Mathematical Sociology* 25(2), 163–177; Wasserman, S.
        and Faust, K. (1994), *Social Network Analysis*, Cambridge University Press, §5.3.
    """
    func = "centrality"
    if graph.number_of_nodes() < 2:
        raise IndicatorInputError(
            f"{func}: the graph needs at least two nodes, has {graph.number_of_nodes()}"
        )
    _require_attribute(graph, distance, func)
    betweenness = nx.betweenness_centrality(graph, normalized=True, weight=distance)
    closeness = nx.closeness_centrality(graph, distance=distance, wf_improved=True)
    degree_centrality = nx.degree_centrality(graph)
    nodes = sorted(graph.nodes, key=str)
    return pd.DataFrame(
        {
            "node": nodes,
            "degree": [graph.degree(n) for n in nodes],
            "degree_centrality": [degree_centrality[n] for n in nodes],
            "betweenness": [betweenness[n] for n in nodes],
            "closeness": [closeness[n] for n in nodes],
        }
    )


def _connected_pairs(graph: nx.Graph, excluded: Hashable) -> int:
    """Number of (ordered, if directed; else unordered) pairs of nodes other than ``excluded`` with a path."""
    if graph.is_directed():
        return sum(len(nx.descendants(graph, s) - {excluded}) for s in graph.nodes if s != excluded)
    total = 0
    for component in nx.connected_components(graph):
        k = len(component - {excluded})
        total += k * (k - 1) // 2
    return total


def hub_dependence(
    graph: nx.Graph, hub: Hashable, *, distance: str | None = None, volume: str | None = None
) -> pd.DataFrame:
    """How much a network depends on one node (e.g. Bali's airport in the region's air network).

    Formula:
        ``link_share = links of the hub / all links`` — or, with ``volume``, the hub's share of the
        total volume on all links;
        ``path_share = Σ_{s,t ≠ hub} σ_st(hub) / σ_st  /  N_pairs``: the mean share of shortest
        paths running through the hub, over the ``N_pairs`` connected pairs not involving the hub
        (= the hub's unnormalised betweenness divided by the number of connected pairs);
        ``cut_share = share of those pairs that have no path at all once the hub is removed``.

    Parameters:
        graph: a networkx graph (e.g. from :func:`graph_from_edges`).
        hub: the node.
        distance: edge attribute used as path length; ``None`` counts links.
        volume: edge attribute used as traffic volume for ``link_share``; ``None`` counts links.

    Returns:
        One-row DataFrame with ``hub``, ``link_share``, ``path_share`` and ``cut_share``
        (fractions 0–1; ``path_share`` and ``cut_share`` are ``NaN`` when no pair of other nodes is
        connected).

    Raises:
        IndicatorInputError: a hub that is not a node, a graph without links or with zero total
            volume, an edge without the named attribute.

    References:
        Freeman, L.C. (1977), "A set of measures of centrality based on betweenness", *Sociometry*
        40(1), 35–41; Brandes, U. (2001), *Journal of Mathematical Sociology* 25(2), 163–177.
    """
    func = "hub_dependence"
    if hub not in graph:
        raise IndicatorInputError(f"{func}: hub {hub!r} is not a node of the graph")
    if graph.number_of_edges() == 0:
        raise IndicatorInputError(f"{func}: the graph has no links")
    _require_attribute(graph, distance, func)
    _require_attribute(graph, volume, func)
    if volume is None:
        link_share = graph.degree(hub) / graph.number_of_edges()
    else:
        total = sum(d[volume] for _, _, d in graph.edges(data=True))
        if total == 0:
            fail(func, volume, "zero total volume (division by zero)")
        link_share = graph.degree(hub, weight=volume) / total
    pairs = _connected_pairs(graph, hub)
    if pairs == 0:
        path_share = cut_share = np.nan
    else:
        through = nx.betweenness_centrality(graph, normalized=False, weight=distance)[hub]
        path_share = through / pairs
        without = graph.copy()
        without.remove_node(hub)
        cut_share = (pairs - _connected_pairs(without, hub)) / pairs
    return pd.DataFrame(
        [{"hub": hub, "link_share": link_share, "path_share": path_share, "cut_share": cut_share}]
    )


def flights_needed(graph: nx.Graph, origin: Hashable) -> pd.DataFrame:
    """Smallest number of flights (links) from ``origin`` to every other node of the network.

    Formula:
        ``flights(o, d) = length of the shortest path from o to d in links`` (breadth-first search);
        the number of changes of aircraft is ``flights − 1``. Nodes with no path get ``NaN``.

    Parameters:
        graph: a networkx graph of scheduled links (e.g. from :func:`graph_from_edges`); for a
            directed graph, paths follow the direction of the links.
        origin: the starting node (e.g. ``"DPS"``).

    Returns:
        DataFrame with ``node``, ``flights`` (float: NaN where unreachable) and ``changes``
        (``flights − 1``), one row per node other than ``origin``, sorted by node.

    Raises:
        IndicatorInputError: an ``origin`` that is not a node.

    References:
        Wasserman, S. and Faust, K. (1994), *Social Network Analysis*, Cambridge University Press,
        §4.3 (geodesic distance).
    """
    func = "flights_needed"
    if origin not in graph:
        raise IndicatorInputError(f"{func}: origin {origin!r} is not a node of the network")
    lengths = nx.single_source_shortest_path_length(graph, origin)
    nodes = sorted(n for n in graph.nodes if n != origin)
    flights = pd.Series([lengths.get(n, np.nan) for n in nodes], dtype=float)
    return pd.DataFrame({"node": nodes, "flights": flights, "changes": flights - 1})


def great_circle_km(
    lat1: float | np.ndarray | pd.Series,
    lon1: float | np.ndarray | pd.Series,
    lat2: float | np.ndarray | pd.Series,
    lon2: float | np.ndarray | pd.Series,
) -> float | np.ndarray:
    """Shortest distance over the WGS84 ellipsoid between two points, in kilometres.

    Formula:
        The geodesic (inverse problem) on the WGS84 ellipsoid (a = 6 378 137 m,
        1/f = 298.257 223 563), solved with Karney's algorithm by ``pyproj.Geod(ellps="WGS84").inv``;
        accurate to about 15 nm. It differs from a spherical great-circle (haversine) distance by up
        to about 0.5 % (0.55 % for Kota Kinabalu–Denpasar). The one distance of the package: the
        pipeline uses it too (air routes, airport and port offsets).

    Parameters:
        lat1, lon1, lat2, lon2: decimal degrees (latitude −90…90, longitude −180…360); scalars or
            equal-length arrays/Series (a scalar point broadcasts against arrays).

    Returns:
        Distance in km: a float for scalar input, else a numpy array.

    Raises:
        IndicatorInputError: NaN, or a latitude or longitude out of range (names the argument and the
            position).

    References:
        Karney, C.F.F. (2013), "Algorithms for geodesics", *Journal of Geodesy* 87(1), 43–55;
        NIMA (2000), *Department of Defense World Geodetic System 1984*, TR8350.2, 3rd ed.
    """
    func = "great_circle_km"
    scalar = all(np.ndim(x) == 0 for x in (lat1, lon1, lat2, lon2))
    arrays = []
    for name, x in zip(("lat1", "lon1", "lat2", "lon2"), (lat1, lon1, lat2, lon2), strict=True):
        try:
            arrays.append(np.atleast_1d(np.asarray(x, dtype=float)))
        except (TypeError, ValueError) as error:
            raise IndicatorInputError(f"{func}: argument {name!r}: not numeric degrees ({error})") from None
    try:  # a single point against many (e.g. distances from Denpasar) broadcasts
        arrays = [np.array(a) for a in np.broadcast_arrays(*arrays)]
    except ValueError:
        raise IndicatorInputError(
            f"{func}: coordinates of different lengths {[a.shape for a in arrays]}"
        ) from None
    limits = {"lat1": 90.0, "lon1": 360.0, "lat2": 90.0, "lon2": 360.0}
    for (name, limit), array in zip(limits.items(), arrays, strict=True):
        low = -90.0 if name.startswith("lat") else -180.0
        position = first_position(~np.isfinite(array) | (array < low) | (array > limit))
        if position is not None:
            raise IndicatorInputError(
                f"{func}: argument {name!r}: NaN or out of range ({array[position]!r}) at position {position}"
            )
    _, _, metres = _WGS84.inv(arrays[1], arrays[0], arrays[3], arrays[2])
    km = np.asarray(metres, dtype=float) / 1000.0
    return float(km[0]) if scalar else km
