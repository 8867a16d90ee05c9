"""Economic structure: shares, location quotients, Krugman specialisation, Herfindahl–Hirschman index.

Region × industry functions need a complete grid (every industry in every region and period): a
missing row raises instead of being read as zero. Write explicit zeros where an industry is absent.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from krbnn_analysis.indicators._checks import (
    Columns,
    as_list,
    fail,
    require_complete_grid,
    require_frame,
    require_keys,
    require_nonzero,
    require_values,
)
from krbnn_analysis.indicators._reference import Reference, reference_values


def shares(
    frame: pd.DataFrame,
    *,
    value: str = "value",
    part: str = "industry_code",
    by: Columns = ("region_code", "year"),
) -> pd.DataFrame:
    """Share of each part in the total of its group, as a fraction.

    Formula:
        ``share_i = x_i / Σ_j x_j`` (within each ``by`` group; the shares of a group sum to 1)

    Parameters:
        frame: tidy data, one row per ``by`` × ``part``.
        value: non-negative amount (any unit).
        part: column naming the component (industry, market, energy source…).
        by: columns identifying a whole; ``()`` for the whole frame.

    Returns:
        DataFrame with the ``by`` columns, ``part`` and ``share`` (fraction 0–1; × 100 for percent).

    Raises:
        IndicatorInputError: NaN or negative values, duplicate ``by`` × ``part`` keys, or a group whose
            total is zero (names the group).

    References:
        Isard, W. (1960), *Methods of Regional Analysis*, MIT Press, ch. 7.
    """
    func = "shares"
    group = as_list(by)
    keys = [*group, part]
    require_frame(frame, func, [*keys, value])
    require_keys(frame, keys, func)
    data = frame[keys].assign(_v=require_values(frame, value, keys, func))
    total = data.groupby(group, sort=False)["_v"].transform("sum") if group else data["_v"].sum()
    if group:
        require_nonzero(data.groupby(group, sort=True)["_v"].sum(), value, func, "group total", keys=group)
    elif total == 0:
        fail(func, value, "zero denominator (total of the frame)")
    data["share"] = data["_v"] / total
    return data[[*keys, "share"]].sort_values(keys, kind="stable").reset_index(drop=True)


def _relative_concentration(
    frame: pd.DataFrame,
    *,
    region: str,
    industry: str,
    value: str,
    time: str | None,
    reference: Reference,
    func: str,
    divides_by_industry: bool = True,
) -> pd.DataFrame:
    """Shared core of LQ, RCA and Krugman: the region's share and the reference share of each industry.

    Returns the key columns with ``_v``, ``_share`` (x_ri / x_r) and ``_ref_share`` (X_i / X). With
    ``divides_by_industry`` (LQ, RCA) a reference industry of zero raises, as the caller divides by it.
    """
    periods = as_list(time)
    keys = [region, industry, *periods]
    require_frame(frame, func, [*keys, value])
    require_keys(frame, keys, func)
    data = frame[keys].assign(_v=require_values(frame, value, keys, func))
    # Each period is its own cross-section: every region has every industry of that period. A period may
    # lack an industry for all regions (SIMREG 2021–2022 have no industry E: missing, not zero).
    require_complete_grid(
        data, [region, industry], func, within=periods, what=f"every {industry} in every {region}"
    )

    ref = reference_values(
        data, region=region, key=[industry, *periods], value=value, reference=reference, func=func
    )
    if divides_by_industry:
        by_industry = ref.set_index([industry, *periods])["_ref"]
        require_nonzero(by_industry, value, func, f"reference total of the {industry}")
    ref_total = ref.groupby(periods, sort=False)["_ref"].transform("sum") if periods else ref["_ref"].sum()
    if periods:
        require_nonzero(ref.groupby(periods)["_ref"].sum(), value, func, "reference total")
    elif ref["_ref"].sum() == 0:
        fail(func, value, "zero denominator (reference total)")
    ref["_ref_share"] = ref["_ref"] / ref_total

    region_total = data.groupby([region, *periods], sort=True)["_v"].sum()
    require_nonzero(region_total, value, func, f"total of the {region}")
    data["_share"] = data["_v"] / data.groupby([region, *periods], sort=False)["_v"].transform("sum")
    return data.merge(ref[[industry, *periods, "_ref_share"]], on=[industry, *periods])


def location_quotient(
    frame: pd.DataFrame,
    *,
    region: str = "region_code",
    industry: str = "industry_code",
    value: str = "value",
    time: str | None = None,
    reference: Reference = None,
) -> pd.DataFrame:
    """Location quotient of each industry in each region (static, or per period with ``time``).

    Formula:
        ``LQ_ri = (x_ri / x_r) / (X_i / X)``, with ``x_r = Σ_i x_ri``, ``X_i`` the reference value of
        industry i and ``X = Σ_i X_i``.

        LQ > 1: the industry's share in the region exceeds its share in the reference (a sign of
        specialisation, often of an exporting "basis" sector). Identities: the reference region has
        LQ = 1 in every industry, and for every region ``Σ_i (X_i / X) · LQ_ri = 1`` (the mean of its
        LQs weighted by reference shares). With the default reference,
        ``Σ_r (x_r / X) · LQ_ri = 1`` for every industry as well.

    Parameters:
        frame: tidy data, one row per region × industry (× time); a complete grid.
        region, industry: key columns.
        value: non-negative amount in one unit (e.g. value added, billion IDR ADHK 2010).
        time: optional period column; LQs are then computed separately for each period.
        reference: ``None`` (default) = the sum over all regions in the frame; a region code present
            in the frame; or a DataFrame with ``industry`` (and ``time``) and ``value`` columns.

            For Indonesian provinces use the default with the 34 provinces only: their sum is gross
            value added by industry. BPS's national ("00") industry values in ``grdp_by_industry``
            exclude net taxes on products (2.5–4.1 % short of GDP) and must not be mixed with a GDP
            total; summing the provinces avoids that and also makes the LQs of the provinces average
            exactly to 1.

    Returns:
        DataFrame with ``region``, ``industry`` (and ``time``) and ``lq`` (dimensionless ratio).

    Raises:
        IndicatorInputError: NaN or negative values; duplicate keys; a region × industry (× time)
            combination absent (misaligned); a reference that lacks an industry or period of the frame
            or has extra ones; a region total, reference industry or reference total of zero.

    References:
        Isard, W. (1960), *Methods of Regional Analysis*, MIT Press, ch. 7; Miller, M.M., Gibson, L.J.
        and Wright, N.G. (1991), "Location quotient: a basic tool for economic development analysis",
        *Economic Development Review* 9(2), 65–68.
    """
    data = _relative_concentration(
        frame,
        region=region,
        industry=industry,
        value=value,
        time=time,
        reference=reference,
        func="location_quotient",
    )
    keys = [region, industry, *as_list(time)]
    data["lq"] = data["_share"] / data["_ref_share"]
    return data[[*keys, "lq"]].sort_values(keys, kind="stable").reset_index(drop=True)


def krugman_index(
    frame: pd.DataFrame,
    *,
    region: str = "region_code",
    industry: str = "industry_code",
    value: str = "value",
    time: str | None = None,
    reference: Reference = None,
) -> pd.DataFrame:
    """Krugman specialisation (dissimilarity) index of each region against a reference structure.

    Formula:
        ``K_r = Σ_i | x_ri / x_r − X_i / X |``, from 0 (same structure as the reference) to 2
        (no industry in common).

    Parameters:
        frame: tidy data, one row per region × industry (× time); a complete grid.
        region, industry, value, time, reference: as in :func:`location_quotient` (default reference:
            the sum over all regions in the frame, which includes the region itself).

    Returns:
        DataFrame with ``region`` (and ``time``) and ``krugman`` (0–2).

    Raises:
        IndicatorInputError: as :func:`location_quotient`.

    References:
        Krugman, P. (1991), *Geography and Trade*, MIT Press, Appendix D; Midelfart-Knarvik, K.H.,
        Overman, H.G., Redding, S.J. and Venables, A.J. (2000), "The location of European industry",
        *Economic Papers* 142, European Commission.
    """
    data = _relative_concentration(
        frame,
        region=region,
        industry=industry,
        value=value,
        time=time,
        reference=reference,
        func="krugman_index",
        divides_by_industry=False,
    )
    keys = [region, *as_list(time)]
    data["_gap"] = (data["_share"] - data["_ref_share"]).abs()
    out = data.groupby(keys, sort=True)["_gap"].sum().rename("krugman").reset_index()
    return out


def herfindahl_index(
    frame: pd.DataFrame,
    *,
    value: str = "value",
    part: str = "industry_code",
    by: Columns = ("region_code", "year"),
) -> pd.DataFrame:
    """Herfindahl–Hirschman concentration index of the parts of each group.

    Formula:
        ``HHI = Σ_i s_i²`` with ``s_i`` the share (fraction) of part i; from 1/N (equal shares) to 1
        (one part). × 10 000 gives the antitrust scale. ``HHI* = (HHI − 1/N) / (1 − 1/N)`` rescales to
        0–1; N counts the rows of the group, including explicit zeros, so write all parts or none.

    Parameters:
        frame: tidy data, one row per ``by`` × ``part``.
        value: non-negative amount (e.g. value added, visitor arrivals by market).
        part: column naming the component.
        by: columns identifying a whole.

    Returns:
        DataFrame with the ``by`` columns, ``hhi`` (fraction), ``hhi_normalised`` (fraction; ``NaN``
        when N = 1) and ``n_parts``.

    Raises:
        IndicatorInputError: as :func:`shares`.

    References:
        Hirschman, A.O. (1964), "The paternity of an index", *American Economic Review* 54(5), 761;
        Herfindahl, O.C. (1950), *Concentration in the U.S. Steel Industry*, PhD thesis, Columbia
        University.
    """
    group = as_list(by)
    data = shares(frame, value=value, part=part, by=group)
    data["_sq"] = data["share"] ** 2
    grouped = data.groupby(group, sort=True) if group else data.assign(_all=0).groupby("_all")
    out = grouped.agg(hhi=("_sq", "sum"), n_parts=("share", "size")).reset_index()
    n = out["n_parts"].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["hhi_normalised"] = np.where(n > 1, (out["hhi"] - 1.0 / n) / (1.0 - 1.0 / n), np.nan)
    return out[[*group, "hhi", "hhi_normalised", "n_parts"]]
