"""The indicator library: the methods every briefing uses, as pure functions on tidy DataFrames.

One module per family:

* ``growth``      – yoy_growth, cagr, index_to_base, contribution_to_growth
* ``structure``   – shares, location_quotient, krugman_index, herfindahl_index
* ``shift_share`` – shift_share (classic; optionally Esteban-Marquillas)
* ``klassen``     – klassen_typology
* ``inequality``  – williamson_index, theil_index, sigma_convergence, beta_convergence
* ``tourism``     – seasonal_ratios, seasonal_profile, seasonal_extremes, seasonal_gini,
                  recovery_ratio, market_concentration
* ``trade``       – balassa_rca, trade_complementarity_index, production_surplus,
                  specialisation_complementarity
* ``inputoutput`` – io_linkages (Rasmussen backward/forward linkages)
* ``networks``    – graph_from_edges, centrality, hub_dependence, great_circle_km
* ``energy``      – renewable_share, potential_utilisation, capacity_factor, per_capita
* ``agriculture`` – production_location_quotient
* ``solar``       – clear_sky_irradiation (pvlib clear-sky model at points)

Who calls what (each function works on a curated table that exists, except where said):

* overview: growth (``grdp``), ``shares``, ``location_quotient``, ``krugman_index``, ``herfindahl_index``,
  ``contribution_to_growth`` and ``shift_share`` (``grdp_by_industry``), ``klassen_typology``,
  ``williamson_index``, ``theil_index``, ``sigma_convergence``, ``beta_convergence``
  (``grdp_per_capita_kabkota``), ``per_capita`` (``population``);
* tourism: ``cagr``, ``index_to_base``, ``seasonal_ratios``, ``seasonal_gini``, ``recovery_ratio``,
  ``market_concentration`` (``foreign_arrivals_by_port``, ``domestic_trips``), ``location_quotient``;
* connectivity (and tourism's air links): ``graph_from_edges``, ``centrality``, ``hub_dependence``,
  ``flights_needed``, ``great_circle_km`` (``air_routes_2014``, ``airports``, ports; the pipeline uses
  ``great_circle_km`` too);
* renewables: ``renewable_share`` (``electricity_2019_by_type``, ``ruptl_planned_capacity_by_type``),
  ``potential_utilisation`` (``re_potential``), ``yoy_growth`` (``electricity_pln``: jumps are flagged),
  ``clear_sky_irradiation`` (kab/kota centroids of ``kabkota_boundaries``); ``capacity_factor`` and
  ``per_capita`` are ready for ``electricity_2019_by_type`` and ``electricity_pln`` but not yet used;
* agriculture: ``shares``, ``location_quotient``, ``cagr``, ``yoy_growth`` (``grdp_by_industry``),
  ``production_location_quotient`` and ``per_capita`` (the production tables, ``population``);
* trade: ``specialisation_complementarity`` (``grdp_by_industry``); ``balassa_rca``,
  ``production_surplus`` and ``trade_complementarity_index`` on the production table assembled by
  ``briefings.trade.commodity_production`` (``paddy``, ``maize``, ``livestock_meat``, ``fisheries``,
  ``estate_crops``, with ``population``); ``io_linkages`` (``io_tables``, ``io_reference``);
* synthesis: reuses the briefings' results, not the indicators directly.

Conventions: inputs are tidy frames (one row per key, a numeric value column); outputs are tidy frames
sorted by their key. Shares, ratios and indices are fractions unless the column or docstring says
percent (growth rates are percent). Input that would give a silently wrong answer — NaN, negative
where impossible, misaligned periods or regions, zero denominators, duplicate keys — raises
``krbnn_analysis.errors.IndicatorInputError`` naming the column and the key.
"""

from krbnn_analysis.errors import IndicatorInputError
from krbnn_analysis.indicators.agriculture import production_location_quotient
from krbnn_analysis.indicators.energy import (
    capacity_factor,
    per_capita,
    potential_utilisation,
    renewable_share,
)
from krbnn_analysis.indicators.growth import cagr, contribution_to_growth, index_to_base, yoy_growth
from krbnn_analysis.indicators.inequality import (
    beta_convergence,
    sigma_convergence,
    theil_index,
    williamson_index,
)
from krbnn_analysis.indicators.inputoutput import io_linkages
from krbnn_analysis.indicators.klassen import KLASSEN_LABELS, klassen_typology
from krbnn_analysis.indicators.networks import (
    centrality,
    flights_needed,
    graph_from_edges,
    great_circle_km,
    hub_dependence,
)
from krbnn_analysis.indicators.shift_share import shift_share
from krbnn_analysis.indicators.solar import clear_sky_irradiation
from krbnn_analysis.indicators.structure import herfindahl_index, krugman_index, location_quotient, shares
from krbnn_analysis.indicators.tourism import (
    market_concentration,
    recovery_ratio,
    seasonal_extremes,
    seasonal_gini,
    seasonal_profile,
    seasonal_ratios,
)
from krbnn_analysis.indicators.trade import (
    balassa_rca,
    production_surplus,
    specialisation_complementarity,
    trade_complementarity_index,
)

__all__ = [
    "KLASSEN_LABELS",
    "IndicatorInputError",
    "balassa_rca",
    "beta_convergence",
    "cagr",
    "capacity_factor",
    "centrality",
    "clear_sky_irradiation",
    "contribution_to_growth",
    "flights_needed",
    "graph_from_edges",
    "great_circle_km",
    "herfindahl_index",
    "hub_dependence",
    "index_to_base",
    "io_linkages",
    "klassen_typology",
    "krugman_index",
    "location_quotient",
    "market_concentration",
    "per_capita",
    "potential_utilisation",
    "production_location_quotient",
    "production_surplus",
    "recovery_ratio",
    "renewable_share",
    "seasonal_extremes",
    "seasonal_gini",
    "seasonal_profile",
    "seasonal_ratios",
    "shares",
    "shift_share",
    "sigma_convergence",
    "specialisation_complementarity",
    "theil_index",
    "trade_complementarity_index",
    "williamson_index",
    "yoy_growth",
]
