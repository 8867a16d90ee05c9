"""Trade and specialisation: Balassa RCA, Michaely trade complementarity, production surplus and
production complementarity.

Like the structure functions, these need a complete grid: a product absent for one region raises
instead of being read as zero. Trade data often omit zero flows; add them explicitly (for example
``frame.pivot(...).fillna(0).stack()``) once you know the absence means zero.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

import numpy as np
import pandas as pd

from krbnn_analysis.errors import IndicatorInputError
from krbnn_analysis.indicators._checks import as_list, fail, require_complete_grid
from krbnn_analysis.indicators._reference import Reference
from krbnn_analysis.indicators.structure import _relative_concentration, shares


def balassa_rca(
    frame: pd.DataFrame,
    *,
    region: str = "region_code",
    product: str = "product_code",
    value: str = "value",
    time: str | None = None,
    reference: Reference = None,
) -> pd.DataFrame:
    """Balassa's revealed comparative advantage of each exporter in each product.

    Formula:
        ``RCA_rk = (x_rk / x_r) / (X_k / X)``: the product's share in the region's exports over its
        share in the reference's (world or national) exports. RCA > 1: revealed comparative
        advantage. Algebraically the location quotient applied to exports.

    Data:
        No exports by product per province exist (``nonoil_trade`` holds totals only). The trade
        briefing applies the formula to production instead (``briefings.trade.commodity_production``,
        tonnes by province and product): a *production* RCA, which weighs products by tonnes, so the
        heavy staples (rice, fish) dominate each region's total.

    Parameters:
        frame: tidy exports, one row per region × product (× time); a complete grid.
        region, product: key columns.
        value: exports (≥ 0, one currency unit, e.g. USD).
        time: optional period column.
        reference: ``None`` = the sum of the exporters in the frame; a region code in the frame; or a
            DataFrame of reference exports with ``product`` (and ``time``) and ``value``.

    Returns:
        DataFrame with ``region``, ``product`` (and ``time``) and ``rca``.

    Raises:
        IndicatorInputError: as :func:`~krbnn_analysis.indicators.location_quotient`.

    References:
        Balassa, B. (1965), "Trade liberalisation and 'revealed' comparative advantage", *The
        Manchester School* 33(2), 99–123.
    """
    data = _relative_concentration(
        frame,
        region=region,
        industry=product,
        value=value,
        time=time,
        reference=reference,
        func="balassa_rca",
    )
    keys = [region, product, *as_list(time)]
    data["rca"] = data["_share"] / data["_ref_share"]
    return data[[*keys, "rca"]].sort_values(keys, kind="stable").reset_index(drop=True)


def _pairwise_gaps(
    left: pd.DataFrame,
    right: pd.DataFrame,
    *,
    region: str,
    product: str,
    periods: list[str],
    order: Sequence[str] | None = None,
) -> pd.DataFrame:
    """``Σ_k |a_k − b_k|`` of the ``share`` columns for pairs of regions, period by period.

    With ``order`` (one frame compared with itself): unordered pairs in that order. Without: every
    ordered pair of a region of ``left`` and a different region of ``right``.
    """
    rows = []
    right_periods = dict(iter(right.groupby(periods, sort=True))) if periods else {(): right}
    for key, sub in left.groupby(periods, sort=True) if periods else [((), left)]:
        a = sub.pivot(index=region, columns=product, values="share")
        b = right_periods[key].pivot(index=region, columns=product, values="share").reindex(columns=a.columns)
        if order is not None:
            pairs = list(combinations(order, 2))
        else:
            pairs = [(i, j) for i in a.index for j in b.index if i != j]
        for i, j in pairs:
            rows.append((i, j, *key, float(np.abs(a.loc[i].to_numpy() - b.loc[j].to_numpy()).sum())))
    return pd.DataFrame(rows, columns=["_a", "_b", *periods, "_gap"])


def trade_complementarity_index(
    exports: pd.DataFrame,
    imports: pd.DataFrame,
    *,
    region: str = "region_code",
    product: str = "product_code",
    value: str = "value",
    time: str | None = None,
) -> pd.DataFrame:
    """Michaely trade complementarity index between each exporter and each importer.

    Formula:
        ``TCI_ji = 100 · (1 − Σ_k |m_ik − x_jk| / 2)``, with ``x_jk`` the share of product k in the
        total exports of j and ``m_ik`` its share in the total imports of i. 100 = j's export basket
        matches i's import basket exactly; 0 = no product in common.

    Data:
        No exports or imports by product per province exist. The trade briefing feeds the formula
        with production instead: ``surplus`` as exports and ``shortfall`` as imports from
        :func:`production_surplus` — a *production complementarity index*, named so in the briefing.

    Parameters:
        exports: tidy exports, one row per region × product (× time); a complete grid.
        imports: tidy imports, same layout and the same products (and periods).
        region, product, value, time: column names, the same in both frames; ``value`` ≥ 0.

    Returns:
        DataFrame with ``exporter``, ``importer`` (and ``time``) and ``tci`` (0–100), one row per
        ordered pair of different regions.

    Raises:
        IndicatorInputError: products or periods that differ between the frames (misaligned), a
            region without all products, a region with zero total trade, NaN or negative values,
            duplicate keys.

    References:
        Michaely, M. (1996), "Trade preferential agreements in Latin America: an ex-ante
        assessment", *Policy Research Working Paper* 1583, World Bank; World Bank, *WITS Online
        Help*, "Trade Complementarity Index".
    """
    func = "trade_complementarity_index"
    periods = as_list(time)
    frames = {}
    for name, frame in (("exports", exports), ("imports", imports)):
        try:
            frames[name] = shares(frame, value=value, part=product, by=[*periods, region])
        except IndicatorInputError as error:
            fail(func, None, f"in {name}: {error}")
        _require_grid(frames[name], region, product, periods, func, name)
    for a, b in (("exports", "imports"), ("imports", "exports")):
        extra = set(frames[a][product]) - set(frames[b][product])
        if extra:
            fail(func, product, f"misaligned data: product in {a} but not in {b}", [product], (min(extra),))
        for column in periods:
            extra = set(frames[a][column]) - set(frames[b][column])
            if extra:
                fail(
                    func,
                    column,
                    f"misaligned periods: present in {a} but not in {b}",
                    [column],
                    (min(extra),),
                )
    gaps = _pairwise_gaps(
        frames["exports"], frames["imports"], region=region, product=product, periods=periods
    )
    out = gaps.rename(columns={"_a": "exporter", "_b": "importer"})
    out["tci"] = 100.0 * (1.0 - out.pop("_gap") / 2.0)
    return out.sort_values([*periods, "exporter", "importer"], kind="stable").reset_index(drop=True)


def specialisation_complementarity(
    frame: pd.DataFrame,
    *,
    region: str = "region_code",
    industry: str = "industry_code",
    value: str = "value",
    time: str | None = None,
    regions: Sequence[str] | None = ("51", "52", "53"),
) -> pd.DataFrame:
    """Production-based dissimilarity of the industry structures of each pair of regions.

    A trade-free proxy for complementarity, for regions without interregional trade statistics
    (such as Bali, NTB and NTT): two provinces producing different things are more likely to
    trade with each other than two producing the same things.

    Formula:
        With ``s_ri`` the share of industry i in region r's value added:

        ``krugman_ab = Σ_i |s_ai − s_bi|`` (0–2), the bilateral Krugman index;
        ``similarity_ab = Σ_i min(s_ai, s_bi) = 1 − krugman_ab / 2`` (0–1, the overlap of the two
        structures; Michaely's formula applied to production);
        ``complementarity_ab = krugman_ab / 2 = 1 − similarity_ab`` (0–1, the share of output that
        would have to change industry for the two structures to match).

    Parameters:
        frame: tidy data, one row per region × industry (× time); a complete grid.
        region, industry, value, time: column names; ``value`` ≥ 0 (e.g. billion IDR ADHK 2010).
        regions: the regions to compare (default Bali, NTB, NTT; pairs in this order); ``None`` = all
            regions in the frame.

    Returns:
        DataFrame with ``region_a``, ``region_b`` (and ``time``), ``krugman``, ``similarity`` and
        ``complementarity``, one row per unordered pair.

    Raises:
        IndicatorInputError: a requested region not in the frame, fewer than two regions, an industry
            missing in one region (misaligned), a region with zero total, NaN or negative values,
            duplicate keys.

    References:
        Krugman, P. (1991), *Geography and Trade*, MIT Press, Appendix D; Michaely, M. (1996), World
        Bank Policy Research Working Paper 1583.
    """
    func = "specialisation_complementarity"
    periods = as_list(time)
    if regions is not None:
        if region in frame.columns:
            absent = [r for r in regions if not (frame[region] == r).any()]
            if absent:
                fail(func, region, f"region {absent[0]!r} not in the data")
        frame = frame[frame[region].isin(list(regions))] if region in frame.columns else frame
    try:
        data = shares(frame, value=value, part=industry, by=[*periods, region])
    except IndicatorInputError as error:
        fail(func, None, str(error).removeprefix("shares: "))
    _require_grid(data, region, industry, periods, func, "frame")
    order = list(regions) if regions is not None else sorted(data[region].unique())
    if len(order) < 2:
        fail(func, region, "at least two regions are needed")
    gaps = _pairwise_gaps(data, data, region=region, product=industry, periods=periods, order=order)
    out = gaps.rename(columns={"_a": "region_a", "_b": "region_b", "_gap": "krugman"})
    out["complementarity"] = out["krugman"] / 2.0
    out["similarity"] = 1.0 - out["complementarity"]
    return out[["region_a", "region_b", *periods, "krugman", "similarity", "complementarity"]]


def production_surplus(
    production: pd.DataFrame,
    population: pd.Series,
    *,
    region: str = "region_code",
    product: str = "product_code",
    value: str = "value",
) -> pd.DataFrame:
    """Each region's production of each product above or below its population share.

    A proxy for what a region can sell to, or must buy from, the others when only production is
    known: if every person consumed the same amount of each product, region r would need the
    share ``p_r = P_r / P`` of the total production of each product.

    Formula:
        ``self_sufficiency_rk = (x_rk / X_k) / p_r`` (1 = produces exactly its population share;
        production per head relative to the regions' average);
        ``gap_rk = x_rk / X_k − p_r`` (fraction of the regions' total production of k);
        ``surplus_rk = max(gap_rk, 0)``, ``shortfall_rk = max(−gap_rk, 0)``.
        Working in shares of each product's total makes the products comparable without prices
        (a tonne of rice and a tonne of coffee count by their share of their own total).

    Parameters:
        production: tidy production, one row per region × product; a complete grid, ``value`` ≥ 0.
        population: persons by region (index = region codes); exactly the regions of ``production``.
        region, product, value: column names.

    Returns:
        DataFrame with ``region``, ``product``, ``self_sufficiency``, ``gap``, ``surplus`` and
        ``shortfall``, sorted by region and product. For each product the gaps sum to 0 over the
        regions.

    Raises:
        IndicatorInputError: regions of ``population`` that differ from ``production``'s, population
            ≤ 0, a product with zero total, and the checks of :func:`shares`.

    References:
        Isserman, A. M. (1977), "The location quotient approach to estimating regional economic
        impacts", *Journal of the American Institute of Planners* 43(1), 33–41 (surplus over a
        consumption benchmark per head); FAO (2001), *Food Balance Sheets: A Handbook*
        (self-sufficiency ratio).
    """
    func = "production_surplus"
    if set(population.index) != set(production[region]):
        extra = sorted(set(population.index).symmetric_difference(set(production[region])))
        fail(func, region, f"regions of production and population differ: {extra[:3]}")
    if not (population > 0).all():
        fail(func, region, "population must be > 0")
    try:
        data = shares(production, value=value, part=region, by=[product])
    except IndicatorInputError as error:
        fail(func, None, str(error).removeprefix("shares: "))
    _require_grid(data, region, product, [], func, "production")
    population_share = data[region].map(population / population.sum())
    data["self_sufficiency"] = data["share"] / population_share
    data["gap"] = data["share"] - population_share
    data["surplus"] = data["gap"].clip(lower=0.0)
    data["shortfall"] = (-data["gap"]).clip(lower=0.0)
    columns = [region, product, "self_sufficiency", "gap", "surplus", "shortfall"]
    return data[columns].sort_values([region, product], kind="stable").reset_index(drop=True)


def _require_grid(
    data: pd.DataFrame, region: str, product: str, periods: list[str], func: str, name: str
) -> None:
    require_complete_grid(
        data, [region, product, *periods], func, what=f"every {product} for every {region} in {name}"
    )
