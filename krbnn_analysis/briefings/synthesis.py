"""Briefing 06, synthesis: where does cooperation between Bali, NTB and NTT pay?

Two parts. **Where the region stands** reads the kab/kota tables: ``grdp_per_capita_kabkota`` (GRDP per
capita at constant 2010 prices) and ``grdp_real`` (kab/kota GRDP at constant 2010 prices) for the Klassen
typology, sigma and beta convergence, the Theil decomposition and the Williamson index on the balanced
panel (the years every kab/kota has), with ``grdp_by_industry`` to name the kab/kota whose economy is
mostly mining, and the kab/kota boundaries for the map.

**Where cooperation pays** derives nothing again: it takes named indicators from the five focus-area
results (``tourism``, ``connectivity``, ``renewables``, ``agriculture``, ``trade``), scores each focus area ×
province for its strength and its gap, and ranks the focus areas by the best pairing of one province's
strength with another's gap, with weights a researcher can change and a ±50 % sensitivity check.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from itertools import permutations
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from krbnn_analysis import load, tables
from krbnn_analysis.indicators import (
    beta_convergence,
    cagr,
    klassen_typology,
    sigma_convergence,
    theil_index,
    williamson_index,
)

FOCUS = list(tables.FOCUS)
AREAS = ("tourism", "connectivity", "renewable_energy", "agriculture", "trade")  # the MoU's order
BRIEFINGS = {  # where each focus area's detail is
    "tourism": "01_tourism",
    "connectivity": "02_connectivity",
    "renewable_energy": "03_renewable_energy",
    "agriculture": "04_agriculture",
    "trade": "05_trade",
}
# The MoU's two clusters. The Governor of NTB at the MoU meeting (Mandalika, 25 November 2025): "Cluster
# pertama adalah integrasi di tiga sektor: pariwisata, energi, dan konektivitas. Cluster kedua adalah kerja
# sama lintas sektor" (CentangBiruMedia, 25 Nov 2025; also Antara, 3 Nov 2025: integration "di pariwisata,
# kemudian energi, kemudian di perhubungan"). The other focus areas fall in the cross-sector cluster.
INTEGRATION, COLLABORATION = "integration", "collaboration"
CLUSTERS = {
    "tourism": INTEGRATION,
    "connectivity": INTEGRATION,
    "renewable_energy": INTEGRATION,
    "agriculture": COLLABORATION,
    "trade": COLLABORATION,
}
STRENGTH, GAP = "strength", "gap"
LEVEL, NEED = "level", "need"  # level: higher is better placed; need: higher is more need
WEIGHT_STEP = 0.5  # the sensitivity check moves each weight by ±50 %
NO_MOVER = "none"  # shown for an area whose rank no ±50 % weight change moves
PRICE_BASIS = "ADHK2010"
MINING = "B"
# A kab/kota whose value added is mostly mining (metal ore in Sumbawa Barat) swings with one mine; its
# per-capita level says little about its people's income. Named, and left out of one convergence variant.
MINING_DOMINATED_SHARE = 0.5
# The tables behind the kab/kota part and the indicators of the matrix: the briefing lists their sources
# and caveats (each focus-area briefing lists those of the rest).
PANEL_TABLES = ("grdp_per_capita_kabkota", "grdp_real", "grdp_by_industry", "kabkota_boundaries")
SOURCE_TABLES = (
    *PANEL_TABLES,
    "foreign_arrivals_by_port",
    "hotel_occupancy",
    "air_traffic_by_airport",
    "seaports",
    "substations",
    "electricity_pln",
    "electricity_2019_by_type",
    "re_potential",
    "paddy",
    "livestock_meat",
    "food_security_index",
    "grdp_expenditure",
    "population",
)
POPULATION_JUMP = 0.05  # implied population changing by more than 5 % in a year: a re-based series


@dataclass(frozen=True)
class FocusResults:
    """The five focus-area results the synthesis reads (each from its module's ``compute()``)."""

    tourism: Any
    connectivity: Any
    renewables: Any
    agriculture: Any
    trade: Any


@dataclass(frozen=True)
class Indicator:
    """One named indicator of the opportunity matrix, read from a focus-area result."""

    key: str  # also the weight's name: W_<KEY> in the notebook's parameter cell
    area: str  # one of AREAS
    role: str  # STRENGTH or GAP
    kind: str  # LEVEL (higher = better placed) or NEED (higher = more need)
    dimension: str  # specialisation, potential, access or need (what the strength or gap is)
    unit: str  # unit of the raw value, for tables
    read: Callable[[FocusResults], tuple[pd.Series, int]] = field(repr=False)  # values by province, year


def _headline(result: Any, row: str, year_key: str) -> tuple[pd.Series, int]:
    return result.headline.loc[row, FOCUS].astype(float), int(result.headline_years[year_key])


def _tourism_lq(r: FocusResults) -> tuple[pd.Series, int]:
    lq = r.tourism.tourism_lq
    return lq.loc[lq.index.max(), FOCUS].astype(float), int(lq.index.max())


def _grid_reach(r: FocusResults) -> tuple[pd.Series, int]:
    access = r.connectivity.access
    reach = access["on_grid"].groupby(access["region_code"].str[:2]).mean() * 100
    return reach.reindex(FOCUS).astype(float), int(r.connectivity.last_year)


def _without_public_port(r: FocusResults) -> tuple[pd.Series, int]:
    c = r.connectivity
    count = c.access["region_code"].str[:2].value_counts().reindex(FOCUS)
    share = c.headline.loc["row_c_no_public_port", FOCUS] / count * 100
    return share.astype(float), 2017  # the Kemenhub SIMPEL port list is of 2017


def _fossil_generation(r: FocusResults) -> tuple[pd.Series, int]:
    share, year = _headline(r.renewables, "row_r_share_generation", "mix")
    return 100 - share, year


def _supplier_fit(r: FocusResults) -> tuple[pd.Series, int]:
    matrix = r.trade.production_complementarity
    return matrix.mean(axis=1).reindex(FOCUS).astype(float), int(r.trade.production_year)


def _buyer_fit(r: FocusResults) -> tuple[pd.Series, int]:
    matrix = r.trade.production_complementarity
    return matrix.mean(axis=0).reindex(FOCUS).astype(float), int(r.trade.production_year)


def _surplus_products(r: FocusResults) -> tuple[pd.Series, int]:
    count = (r.trade.self_sufficiency[FOCUS] > 1).sum()
    return count.astype(float), int(r.trade.production_year)


def _net_exports_deficit(r: FocusResults) -> tuple[pd.Series, int]:
    net, year = _headline(r.trade, "row_tr_net_exports_last", "exp_last")
    return (-net).clip(lower=0), year


INDICATORS: tuple[Indicator, ...] = (
    Indicator("tourism_lq", "tourism", STRENGTH, LEVEL, "specialisation", "lq", _tourism_lq),
    Indicator(
        "foreign_arrivals",
        "tourism",
        STRENGTH,
        LEVEL,
        "access",
        "visitors",
        lambda r: _headline(r.tourism, "row_t_arrivals_last", "last"),
    ),
    Indicator(
        "star_occupancy",
        "tourism",
        GAP,
        LEVEL,
        "need",
        "percent",
        lambda r: _headline(r.tourism, "row_t_star_last", "star"),
    ),
    Indicator(
        "air_passengers",
        "connectivity",
        STRENGTH,
        LEVEL,
        "access",
        "million_passengers",
        lambda r: _headline(r.connectivity, "row_c_passengers", "last"),
    ),
    Indicator("grid_reach", "connectivity", STRENGTH, LEVEL, "access", "percent_kabkota", _grid_reach),
    Indicator(
        "remoteness",
        "connectivity",
        GAP,
        NEED,
        "need",
        "index",
        lambda r: _headline(r.connectivity, "row_c_access", "last"),
    ),
    Indicator(
        "without_public_port", "connectivity", GAP, NEED, "need", "percent_kabkota", _without_public_port
    ),
    Indicator(
        "re_potential",
        "renewable_energy",
        STRENGTH,
        LEVEL,
        "potential",
        "mw",
        lambda r: _headline(r.renewables, "row_r_potential", "mix"),
    ),
    Indicator(
        "re_generation_share",
        "renewable_energy",
        STRENGTH,
        LEVEL,
        "specialisation",
        "percent",
        lambda r: _headline(r.renewables, "row_r_share_generation", "mix"),
    ),
    Indicator(
        "electricity_per_head",
        "renewable_energy",
        GAP,
        NEED,
        "need",
        "kwh_per_person",
        lambda r: _headline(r.connectivity, "row_c_kwh", "consumption"),
    ),
    Indicator("fossil_generation", "renewable_energy", GAP, NEED, "need", "percent", _fossil_generation),
    Indicator(
        "agriculture_lq",
        "agriculture",
        STRENGTH,
        LEVEL,
        "specialisation",
        "lq",
        lambda r: _headline(r.agriculture, "row_a_lq", "last"),
    ),
    Indicator(
        "rice_per_head",
        "agriculture",
        STRENGTH,
        LEVEL,
        "potential",
        "kg_per_person",
        lambda r: _headline(r.agriculture, "row_rice_per_capita", "balance"),
    ),
    Indicator(
        "beef_per_head",
        "agriculture",
        STRENGTH,
        LEVEL,
        "potential",
        "kg_per_person",
        lambda r: _headline(r.agriculture, "row_beef_per_capita", "balance"),
    ),
    Indicator(
        "rice_shortfall",
        "agriculture",
        GAP,
        LEVEL,
        "need",
        "kg_per_person",
        lambda r: _headline(r.agriculture, "row_rice_per_capita", "balance"),
    ),
    Indicator(
        "food_security",
        "agriculture",
        GAP,
        LEVEL,
        "need",
        "index",
        lambda r: _headline(r.agriculture, "row_ikp", "ikp"),
    ),
    Indicator("supplier_fit", "trade", STRENGTH, LEVEL, "specialisation", "index", _supplier_fit),
    Indicator("surplus_products", "trade", STRENGTH, LEVEL, "potential", "products", _surplus_products),
    Indicator("buyer_fit", "trade", GAP, NEED, "need", "index", _buyer_fit),
    Indicator("net_exports_deficit", "trade", GAP, NEED, "need", "percent_grdp", _net_exports_deficit),
)
# Equal weights: nothing in the evidence ranks one indicator above another (the neutral choice of the
# OECD/JRC Handbook on Constructing Composite Indicators, 2008); the sensitivity check shows what they move.
DEFAULT_WEIGHTS: dict[str, float] = {indicator.key: 1.0 for indicator in INDICATORS}


@dataclass(frozen=True)
class SynthesisResult:
    """Every number briefing 06 states and every frame it draws (regions by BPS code)."""

    panel_years: tuple[int, int]  # first and last year every kab/kota has GRDP per capita (balanced panel)
    panel_regions: int  # kab/kota in the balanced panel
    panel_dropped: tuple[str, ...]  # kab/kota without GRDP per capita before panel_years[0]
    panel: (
        pd.DataFrame
    )  # region_code, province_code, year, per_capita (thousand IDR), grdp (billion), population
    population_breaks: (
        pd.DataFrame
    )  # region_code, year, change (fraction) of the implied population > POPULATION_JUMP
    population_break_year: int  # the year most of those shifts fall in
    population_break_count: int  # kab/kota whose implied population shifts in population_break_year
    mining_dominated: pd.DataFrame  # region_code, share (fraction of value added in mining), industry_year
    industry_year: int  # year of the mining shares
    klassen: (
        pd.DataFrame
    )  # region_code, province_code, growth (% a year), level (thousand IDR), quadrant, labels
    klassen_reference: tuple[float, float]  # the region's growth (% a year) and per-capita level
    klassen_counts: pd.DataFrame  # quadrant (1–4), then kab/kota per province (51, 52, 53) and total
    klassen_map: gpd.GeoDataFrame  # kab/kota shapes + quadrant
    province_shapes: gpd.GeoDataFrame
    sigma: pd.DataFrame  # year, sigma, cv, variant ("all", "without_mining")
    sigma_change: dict[str, float]  # sigma last / first year − 1 (fraction), by variant
    beta: pd.DataFrame  # per variant: slope, slope_se, r_squared, beta (fraction a year), beta_pct, half_life
    theil: pd.DataFrame  # year, theil, between, within, between_share (fraction)
    theil_parts: pd.DataFrame  # year, part ("between", "within"), value: the two parts, tidy for a chart
    williamson: pd.DataFrame  # region_code (province), year, value (Williamson index of its kab/kota)
    williamson_change: pd.Series  # last − first year, by province
    fastest_kabkota: str  # kab/kota with the highest average growth over panel_years
    interisland_links: int  # grid links between islands other than Java–Bali (connectivity result)
    weights: dict[str, float]  # the weights used, by indicator key
    indicators: pd.DataFrame  # key, area, role, kind, dimension, unit, year, region_code, value, score
    indicator_table: (
        pd.DataFrame
    )  # one row per indicator: key, area, role, year, weight, value_<code>, score_<code>
    cells: pd.DataFrame  # area × province: strength and gap (0–1)
    strength: pd.DataFrame  # strength (0–1), area × province (the matrix chart)
    gap: pd.DataFrame  # gap (0–1), area × province
    pairs: pd.DataFrame  # area, supplier, buyer, score (strength × gap), all ordered pairs
    ranking: (
        pd.DataFrame
    )  # area, rank, score, supplier, buyer, cluster: the best pair of each area, best first
    best_pairs: pd.DataFrame  # for each ordered pair of provinces: its best area, score
    sensitivity: pd.DataFrame  # key, factor, area, score, rank: one run per weight × (1 ± WEIGHT_STEP)
    sensitivity_range: pd.DataFrame  # area: score, low, high, rank, rank_low, rank_high (ranking order)
    areas_keeping_rank: int  # areas whose rank no single ±50 % weight change moves
    rank_movers: pd.Series  # area → indicator keys whose weight at ±50 % changes its rank (INDICATORS order)
    sensitivity_table: pd.DataFrame  # sensitivity_range with area as a column and movers (tuple of keys)

    def value(self, key: str, region: str) -> float:
        """The raw value of indicator ``key`` for province ``region`` (as the focus-area result holds it)."""
        return float(self.indicator_table.set_index("key").loc[key, f"value_{region}"])

    def ranked(self, position: int) -> pd.Series:
        """The row of ``ranking`` at rank ``position`` (1 = the area where cooperation pays most)."""
        return self.ranking.set_index("rank").loc[position]


# --- where the region stands -------------------------------------------------------------------------


def kabkota_panel(per_capita: pd.DataFrame, grdp_real: pd.DataFrame) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """The balanced kab/kota panel: per capita, GRDP and the population they imply, over the years every
    kab/kota has a per-capita value (and the kab/kota that lack earlier years)."""
    pc = tables.select(per_capita, region_level="kabkota", price_basis=PRICE_BASIS)
    levels = tables.select(grdp_real, region_level="kabkota", indicator="grdp", price_basis=PRICE_BASIS)
    counts = pc.groupby("year")["region_code"].nunique()
    complete = counts[counts == pc["region_code"].nunique()].index
    first, last = int(complete.min()), int(complete.max())
    dropped = tuple(sorted(set(pc["region_code"]) - set(pc.loc[pc["year"] < first, "region_code"])))
    merged = pc.loc[pc["year"].between(first, last), ["region_code", "year", "value"]].merge(
        levels[["region_code", "year", "value"]],
        on=["region_code", "year"],
        how="left",
        suffixes=("_pc", "_grdp"),
        validate="one_to_one",
    )
    if merged["value_grdp"].isna().any():
        missing = merged.loc[merged["value_grdp"].isna(), ["region_code", "year"]].iloc[0]
        raise ValueError(f"grdp_real has no kab/kota GRDP for {missing['region_code']} in {missing['year']}")
    panel = pd.DataFrame(
        {
            "region_code": merged["region_code"],
            "province_code": merged["region_code"].str[:2],
            "year": merged["year"].astype(int),
            "per_capita": merged["value_pc"],
            "grdp": merged["value_grdp"],
            # billion IDR / thousand IDR per person = million persons; in persons
            "population": merged["value_grdp"] / merged["value_pc"] * 1e6,
        }
    )
    return panel.sort_values(["region_code", "year"]).reset_index(drop=True), dropped


def population_breaks(panel: pd.DataFrame) -> pd.DataFrame:
    """Years in which a kab/kota's implied population moves by more than POPULATION_JUMP."""
    wide = panel.pivot(index="year", columns="region_code", values="population")
    change = wide.pct_change().stack().rename("change").reset_index()
    return change[change["change"].abs() > POPULATION_JUMP].reset_index(drop=True)


def mining_dominated(industry: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Kab/kota whose value added is mostly mining (category B), latest year of GRDP by industry."""
    kab = tables.select(industry, region_level="kabkota", price_basis=PRICE_BASIS)
    year = int(kab["year"].max())
    latest = tables.select(kab, year=year)
    share = (
        latest.loc[latest["industry_code"] == MINING].set_index("region_code")["value"]
        / latest.groupby("region_code")["value"].sum()
    )
    mostly = share[share > MINING_DOMINATED_SHARE].rename("share").rename_axis("region_code").reset_index()
    return mostly, year


def klassen(panel: pd.DataFrame) -> tuple[pd.DataFrame, tuple[float, float]]:
    """Klassen quadrant of each kab/kota: average real GRDP growth over the panel years against the
    region's, and GRDP per capita in the last year against the region's (all 41 kab/kota together)."""
    first, last = int(panel["year"].min()), int(panel["year"].max())
    growth = cagr(panel, value="grdp", start=first, end=last).set_index("region_code")["cagr"]
    end = panel[panel["year"] == last].set_index("region_code")
    region = panel.groupby("year")[["grdp", "population"]].sum()
    reference = (
        float(((region.loc[last, "grdp"] / region.loc[first, "grdp"]) ** (1 / (last - first)) - 1) * 100),
        float(region.loc[last, "grdp"] / region.loc[last, "population"] * 1e6),
    )
    frame = (
        pd.DataFrame({"growth": growth, "level": end["per_capita"]}).rename_axis("region_code").reset_index()
    )
    typed = klassen_typology(frame, reference=reference)
    return typed.assign(province_code=typed["region_code"].str[:2]), reference


def klassen_counts(typed: pd.DataFrame) -> pd.DataFrame:
    """Kab/kota per quadrant and province, with a total column."""
    counts = pd.crosstab(typed["quadrant"], typed["province_code"]).reindex(index=[1, 2, 3, 4], columns=FOCUS)
    counts = counts.fillna(0).astype(int)
    return counts.assign(total=counts.sum(axis=1)).rename_axis(columns=None).reset_index()


def convergence(panel: pd.DataFrame, mining: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Sigma (by year) and beta (first to last year) convergence, for all kab/kota and without the
    mining-dominated ones."""
    variants = {"all": panel, "without_mining": panel[~panel["region_code"].isin(mining["region_code"])]}
    sigma = pd.concat(
        [sigma_convergence(data, value="per_capita").assign(variant=name) for name, data in variants.items()],
        ignore_index=True,
    )
    beta = pd.concat(
        [beta_convergence(data, value="per_capita").assign(variant=name) for name, data in variants.items()],
        ignore_index=True,
    )
    return sigma, beta.assign(beta_pct=beta["beta"] * 100)


def _change(sigma: pd.DataFrame) -> dict[str, float]:
    ordered = sigma.sort_values("year")
    return {
        variant: float(rows["sigma"].iloc[-1] / rows["sigma"].iloc[0] - 1)
        for variant, rows in ordered.groupby("variant", sort=True)
    }


def theil_by_year(panel: pd.DataFrame) -> pd.DataFrame:
    """Theil T across kab/kota by year, split into between and within the three provinces."""
    theil = theil_index(panel, value="per_capita", population="population", group="province_code")
    return theil.assign(between_share=theil["between"] / theil["theil"])


def williamson_by_province(panel: pd.DataFrame) -> pd.DataFrame:
    """Williamson index of each province's kab/kota, by year."""
    parts = [
        williamson_index(rows, value="per_capita", population="population").assign(province_code=province)
        for province, rows in panel.groupby("province_code", sort=True)
    ]
    both = pd.concat(parts, ignore_index=True)
    return both.rename(columns={"province_code": "region_code", "williamson": "value"})[
        ["region_code", "year", "value"]
    ]


# --- where cooperation pays --------------------------------------------------------------------------


def check_weights(weights: Mapping[str, float] | None) -> dict[str, float]:
    """The default weights updated with ``weights``; unknown keys and negative or all-zero weights fail."""
    merged = dict(DEFAULT_WEIGHTS)
    for key, value in (weights or {}).items():
        if key not in merged:
            raise KeyError(f"unknown weight {key!r}; known: {', '.join(sorted(merged))}")
        if not np.isfinite(value) or value < 0:
            raise ValueError(f"weight {key!r} must be a number ≥ 0, not {value!r}")
        merged[key] = float(value)
    return merged


def weights_from_parameters(parameters: Mapping[str, object]) -> dict[str, float]:
    """The weights named ``W_<KEY>`` among a notebook's parameters (e.g. ``W_TOURISM_LQ = 1.0``)."""
    known = {f"W_{key.upper()}": key for key in DEFAULT_WEIGHTS}
    return check_weights({known[name]: float(value) for name, value in parameters.items() if name in known})


def indicator_values(results: FocusResults, indicators: tuple[Indicator, ...] = INDICATORS) -> pd.DataFrame:
    """Each indicator's raw value by province, read from the focus-area results (tidy)."""
    rows = []
    for indicator in indicators:
        values, year = indicator.read(results)
        if values.isna().any() or len(values) != len(FOCUS):
            raise ValueError(f"indicator {indicator.key!r} lacks a value for a province: {values.to_dict()}")
        for region, value in values.items():
            rows.append(
                {
                    "key": indicator.key,
                    "area": indicator.area,
                    "role": indicator.role,
                    "kind": indicator.kind,
                    "dimension": indicator.dimension,
                    "unit": indicator.unit,
                    "year": year,
                    "region_code": str(region),
                    "value": float(value),
                }
            )
    return pd.DataFrame(rows)


def normalise(values: pd.DataFrame) -> pd.DataFrame:
    """Score every indicator 0–1 against the leader of the three provinces (distance to a reference,
    OECD/JRC 2008):

    - a strength from a level: value / max (the leader scores 1);
    - a gap from a level: 1 − value / max (how far behind the leader);
    - a gap from a need: value / max (the province in most need scores 1; all 0 if none is in need).
    """
    if (values["value"] < 0).any():
        bad = values.loc[values["value"] < 0].iloc[0]
        raise ValueError(f"indicator {bad['key']!r} is negative for {bad['region_code']}: {bad['value']}")
    top = values.groupby("key")["value"].transform("max")
    ratio = (values["value"] / top.where(top > 0)).fillna(0.0)
    level_gap = (values["role"] == GAP) & (values["kind"] == LEVEL)
    return values.assign(score=np.where(level_gap, 1 - ratio, ratio))


def cell_scores(scored: pd.DataFrame, weights: Mapping[str, float]) -> pd.DataFrame:
    """Strength and gap of each area × province: the weighted mean of its indicators' scores."""
    weighted = scored.assign(weight=scored["key"].map(weights))
    if weighted["weight"].isna().any():
        raise KeyError(f"no weight for {sorted(weighted.loc[weighted['weight'].isna(), 'key'].unique())}")
    weighted = weighted.assign(product=weighted["score"] * weighted["weight"])
    sums = weighted.groupby(["area", "region_code", "role"])[["product", "weight"]].sum()
    mean = (sums["product"] / sums["weight"].where(sums["weight"] > 0)).fillna(0.0)
    cells = mean.unstack("role").reindex(columns=[STRENGTH, GAP]).fillna(0.0).reset_index()
    return cells.rename_axis(columns=None)


def pair_scores(cells: pd.DataFrame) -> pd.DataFrame:
    """For each area and ordered pair of provinces: supplier's strength × buyer's gap (0–1)."""
    by = cells.set_index(["area", "region_code"])
    rows = [
        {
            "area": area,
            "supplier": supplier,
            "buyer": buyer,
            "score": float(by.loc[(area, supplier), STRENGTH] * by.loc[(area, buyer), GAP]),
        }
        for area in cells["area"].unique()
        for supplier, buyer in permutations(sorted(cells.loc[cells["area"] == area, "region_code"]), 2)
    ]
    return pd.DataFrame(rows)


def area_ranking(pairs: pd.DataFrame, areas: tuple[str, ...] = AREAS) -> pd.DataFrame:
    """Each area's best pair, ranked by its score (ties keep the MoU's order of areas)."""
    order = {area: position for position, area in enumerate(areas)}
    best = pairs.sort_values("score", ascending=False, kind="stable").groupby("area", sort=False).head(1)
    best = best.assign(_order=best["area"].map(order)).sort_values(
        ["score", "_order"], ascending=[False, True], kind="stable"
    )
    best = best.drop(columns="_order").reset_index(drop=True)
    return best.assign(rank=range(1, len(best) + 1))[["area", "rank", "score", "supplier", "buyer"]]


def rank_areas(scored: pd.DataFrame, weights: Mapping[str, float]) -> pd.DataFrame:
    """Normalised indicators and weights → the ranking of areas (the whole scoring in one call)."""
    return area_ranking(pair_scores(cell_scores(scored, weights)))


def sensitivity(
    scored: pd.DataFrame, weights: Mapping[str, float], step: float = WEIGHT_STEP
) -> pd.DataFrame:
    """The ranking with each weight in turn multiplied by 1 − step and 1 + step (the others unchanged)."""
    runs = []
    for key in weights:
        for factor in (1 - step, 1 + step):
            changed = {**weights, key: weights[key] * factor}
            runs.append(rank_areas(scored, changed)[["area", "score", "rank"]].assign(key=key, factor=factor))
    return pd.concat(runs, ignore_index=True)[["key", "factor", "area", "score", "rank"]]


def sensitivity_range(ranking: pd.DataFrame, runs: pd.DataFrame) -> pd.DataFrame:
    """Each area's default score and rank with the lowest and highest of the sensitivity runs."""
    spread = runs.groupby("area").agg(
        low=("score", "min"), high=("score", "max"), rank_low=("rank", "min"), rank_high=("rank", "max")
    )
    out = ranking.set_index("area")[["score", "rank"]].join(spread)
    out["low"] = out[["low", "score"]].min(axis=1)
    out["high"] = out[["high", "score"]].max(axis=1)
    out["rank_low"] = out[["rank_low", "rank"]].min(axis=1).astype(int)
    out["rank_high"] = out[["rank_high", "rank"]].max(axis=1).astype(int)
    return out[["score", "low", "high", "rank", "rank_low", "rank_high"]]


def rank_movers(ranking: pd.DataFrame, runs: pd.DataFrame, keys: tuple[str, ...]) -> pd.Series:
    """For each area, the indicators (in ``keys`` order) whose weight, halved or raised by half, changes
    the area's rank; ``(NO_MOVER,)`` when none does. With equal weights the two indicators of one side move
    a score by the same amount, so the score alone cannot name one indicator: the rank can."""
    default = ranking.set_index("area")["rank"]
    moved = runs[runs["rank"] != runs["area"].map(default)]
    movers = {
        area: tuple(key for key in keys if key in set(moved.loc[moved["area"] == area, "key"])) or (NO_MOVER,)
        for area in ranking["area"]
    }
    return pd.Series(movers, name="keys").rename_axis("area")


def best_pairs(pairs: pd.DataFrame) -> pd.DataFrame:
    """For each ordered pair of provinces, the area where the supplier's strength meets the buyer's gap
    most."""
    ordered = pairs.sort_values("score", ascending=False, kind="stable")
    best = ordered.groupby(["supplier", "buyer"], sort=True).head(1)
    return best.sort_values(["supplier", "buyer"]).reset_index(drop=True)[
        ["supplier", "buyer", "area", "score"]
    ]


def indicator_table(scored: pd.DataFrame, weights: Mapping[str, float]) -> pd.DataFrame:
    """One row per indicator in INDICATORS order: its area, role, year and weight, then the raw value and
    the score of each province."""
    wide = scored.pivot(index="key", columns="region_code", values=["value", "score"])
    wide.columns = [f"{measure}_{region}" for measure, region in wide.columns]
    keys = scored.drop_duplicates("key").set_index("key")[["area", "role", "unit", "year"]]
    table = keys.join(wide).assign(weight=[weights[key] for key in keys.index])
    columns = ["area", "role", "unit", "year", "weight"]
    columns += [f"value_{code}" for code in FOCUS] + [f"score_{code}" for code in FOCUS]
    return table[columns].rename_axis("key").reset_index()


def focus_results() -> FocusResults:
    """The five focus-area results, each from its module's ``compute()``."""
    from krbnn_analysis.briefings import agriculture, connectivity, renewables, tourism, trade

    return FocusResults(
        tourism=tourism.compute(),
        connectivity=connectivity.compute(),
        renewables=renewables.compute(),
        agriculture=agriculture.compute(),
        trade=trade.compute(),
    )


def _map(shapes: gpd.GeoDataFrame, typed: pd.DataFrame) -> gpd.GeoDataFrame:
    mapped = shapes.merge(
        typed[["region_code", "quadrant"]], on="region_code", how="left", validate="one_to_one"
    )
    if mapped["quadrant"].isna().any():
        missing = ", ".join(mapped.loc[mapped["quadrant"].isna(), "region_code"])
        raise ValueError(f"kab/kota without a Klassen quadrant: {missing}")
    return mapped.assign(quadrant=mapped["quadrant"].astype(int))


def compute(
    weights: Mapping[str, float] | None = None, results: FocusResults | None = None
) -> SynthesisResult:
    """Every figure of briefing 06; ``weights`` overrides DEFAULT_WEIGHTS by indicator key."""
    used = check_weights(weights)
    results = results if results is not None else focus_results()

    panel, dropped = kabkota_panel(load("grdp_per_capita_kabkota"), load("grdp_real"))
    mining, industry_year = mining_dominated(load("grdp_by_industry"))
    breaks = population_breaks(panel)
    break_year = int(breaks["year"].mode().min()) if len(breaks) else int(panel["year"].max())
    typed, reference = klassen(panel)
    sigma, beta = convergence(panel, mining)
    williamson = williamson_by_province(panel)
    theil = theil_by_year(panel)
    wide = williamson.pivot(index="year", columns="region_code", values="value")

    scored = normalise(indicator_values(results))
    cells = cell_scores(scored, used)
    pairs = pair_scores(cells)
    ranking = area_ranking(pairs)
    runs = sensitivity(scored, used)
    spread = sensitivity_range(ranking, runs)
    movers = rank_movers(ranking, runs, tuple(used))
    return SynthesisResult(
        panel_years=(int(panel["year"].min()), int(panel["year"].max())),
        panel_regions=int(panel["region_code"].nunique()),
        panel_dropped=dropped,
        panel=panel,
        population_breaks=breaks,
        population_break_year=break_year,
        population_break_count=int((breaks["year"] == break_year).sum()),
        mining_dominated=mining,
        industry_year=industry_year,
        klassen=typed,
        klassen_reference=reference,
        klassen_counts=klassen_counts(typed),
        klassen_map=_map(load("kabkota_boundaries"), typed),
        province_shapes=load("province_boundaries"),
        sigma=sigma,
        sigma_change=_change(sigma),
        beta=beta,
        theil=theil,
        theil_parts=theil.melt(id_vars="year", value_vars=["between", "within"], var_name="part"),
        williamson=williamson,
        williamson_change=(wide.iloc[-1] - wide.iloc[0]).reindex(FOCUS),
        fastest_kabkota=str(typed.loc[typed["growth"].idxmax(), "region_code"]),
        interisland_links=int(results.connectivity.interisland_links),
        weights=used,
        indicators=scored,
        indicator_table=indicator_table(scored, used),
        cells=cells,
        strength=cells.pivot(index="area", columns="region_code", values=STRENGTH).reindex(
            index=AREAS, columns=FOCUS
        ),
        gap=cells.pivot(index="area", columns="region_code", values=GAP).reindex(index=AREAS, columns=FOCUS),
        pairs=pairs,
        ranking=ranking.assign(cluster=ranking["area"].map(CLUSTERS)),
        best_pairs=best_pairs(pairs),
        sensitivity=runs,
        sensitivity_range=spread,
        areas_keeping_rank=int((spread["rank_low"] == spread["rank_high"]).sum()),
        rank_movers=movers,
        sensitivity_table=spread.assign(movers=movers).rename_axis("area").reset_index(),
    )
