"""Regional inequality and convergence: Williamson, Theil (with decomposition), sigma and beta.

Inputs are per-capita values (e.g. GRDP per capita, thousand IDR) with population weights, one row
per region and period.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from krbnn_analysis.indicators._checks import (
    Columns,
    as_list,
    fail,
    keep_common_members,
    reject_first,
    require_complete_grid,
    require_frame,
    require_integer_time,
    require_keys,
    require_same_members,
    require_values,
)

COMMON_REGIONS_HINT = "; pass common_regions=True to compare only the regions present in every one"


def _panel(
    data: pd.DataFrame, region: str, by: list[str], func: str, common_regions: bool
) -> tuple[pd.DataFrame, pd.Series | None]:
    """The cross-sections to compare: refused when their regions differ, unless ``common_regions``
    restricts them to the regions present in all (then also the regions dropped per cross-section)."""
    if not common_regions:
        require_same_members(data, region, by, func, hint=COMMON_REGIONS_HINT)
        return data, None
    if not by:
        fail(func, region, "common_regions needs cross-sections to compare (by is empty)")
    kept, dropped = keep_common_members(data, region, by)
    if kept.empty:
        fail(func, region, "no region is present in every cross-section")
    return kept, dropped


def _with_dropped(out: pd.DataFrame, by: list[str], dropped: pd.Series | None) -> pd.DataFrame:
    """Add ``dropped`` (regions left out of each cross-section, ``;``-joined) when regions were restricted."""
    if dropped is None:
        return out
    keys = pd.MultiIndex.from_frame(out[by]) if len(by) > 1 else pd.Index(out[by[0]])
    return out.assign(dropped=dropped.reindex(keys).to_numpy())


def _groups(data: pd.DataFrame, by: list[str]):
    """Iterate over ``(key tuple, sub-frame)``; one group with key ``()`` when ``by`` is empty."""
    if not by:
        return [((), data)]
    return data.groupby(by, sort=True)


def williamson_index(
    frame: pd.DataFrame,
    *,
    value: str = "value",
    population: str = "population",
    region: str = "region_code",
    by: Columns = ("year",),
    common_regions: bool = False,
) -> pd.DataFrame:
    """Williamson index: population-weighted coefficient of variation of per-capita values.

    Formula:
        ``V_w = sqrt( Σ_i (y_i − ȳ)² · p_i / P ) / ȳ`` with ``ȳ = Σ_i p_i y_i / P`` and ``P = Σ_i p_i``.

        ``ȳ`` is the population-weighted mean of the regions in the frame, which equals the per-capita
        value of their union (the national figure when the regions partition the country).
        Williamson used the national per-capita income; with BPS data the two differ only by
        rounding and by the "Indonesia" aggregate conventions, so pass exactly the regions whose
        disparity you measure (e.g. the 41 kab/kota of the three provinces).

    Parameters:
        frame: one row per ``by`` × ``region``.
        value: per-capita value (≥ 0; e.g. GRDP per capita, thousand IDR).
        population: population (> 0; persons or thousands, only the ratios matter).
        region: region key column.
        by: columns identifying a cross-section (default one per year).
        common_regions: compare only the regions present in every cross-section. By default a frame
            whose regions differ between cross-sections is refused: a region entering or leaving moves
            the index by itself (e.g. Kabupaten and Kota Bima, absent from the kab/kota per-capita
            panel in 2010–2015).

    Returns:
        DataFrame with the ``by`` columns and ``williamson`` (dimensionless, ≥ 0); with
        ``common_regions``, also ``dropped``: the regions left out of that cross-section
        (``;``-joined codes, empty text when none).

    Raises:
        IndicatorInputError: NaN or negative values, non-positive population, duplicate keys, a
            cross-section whose mean is zero, regions that differ between cross-sections (unless
            ``common_regions``).

    References:
        Williamson, J.G. (1965), "Regional inequality and the process of national development: a
        description of the patterns", *Economic Development and Cultural Change* 13(4, Part 2), 1–84.
    """
    func = "williamson_index"
    group = as_list(by)
    keys = [*group, region]
    require_frame(frame, func, [*keys, value, population])
    require_keys(frame, keys, func)
    y = require_values(frame, value, keys, func)
    p = require_values(frame, population, keys, func, positive=True)
    data, dropped = _panel(frame[keys].assign(_y=y, _p=p), region, group, func, common_regions)
    rows = []
    for key, sub in _groups(data, group):
        weights = sub["_p"].to_numpy() / sub["_p"].sum()
        mean = float(np.sum(weights * sub["_y"].to_numpy()))
        if mean == 0:
            fail(func, value, "zero mean (division by zero)", group, key)
        rows.append((*key, float(np.sqrt(np.sum(weights * (sub["_y"].to_numpy() - mean) ** 2)) / mean)))
    return _with_dropped(pd.DataFrame(rows, columns=[*group, "williamson"]), group, dropped)


def _theil_terms(income: np.ndarray, pop: np.ndarray) -> float:
    """``Σ s_i ln(s_i / q_i)`` with income shares s and population shares q; 0 · ln 0 = 0."""
    s = income / income.sum()
    q = pop / pop.sum()
    positive = s > 0
    return float(np.sum(s[positive] * np.log(s[positive] / q[positive])))


def theil_index(
    frame: pd.DataFrame,
    *,
    value: str = "value",
    population: str = "population",
    region: str = "region_code",
    group: str | None = None,
    by: Columns = ("year",),
    common_regions: bool = False,
) -> pd.DataFrame:
    """Population-weighted Theil T index, with its exact between/within-group decomposition.

    Formula:
        With ``Y_i = y_i · p_i`` (total income of region i), ``s_i = Y_i / Y`` and ``q_i = p_i / P``:

        ``T = Σ_i s_i · ln(s_i / q_i)``                                  (0 · ln 0 = 0)
        ``T_between = Σ_g s_g · ln(s_g / q_g)``   (groups g with income and population shares s_g, q_g)
        ``T_within  = Σ_g s_g · T_g``, ``T_g`` the Theil index of the regions of g among themselves
        ``T = T_between + T_within`` exactly.

    Parameters:
        frame: one row per ``by`` × ``region``.
        value: per-capita value (≥ 0; e.g. GRDP per capita, thousand IDR).
        population: population (> 0).
        region: region key column.
        group: optional column assigning each region to a group (e.g. its province, for kab/kota);
            adds ``between`` and ``within``.
        by: columns identifying a cross-section (default one per year).
        common_regions: compare only the regions present in every cross-section (see
            ``williamson_index``); by default differing regions are refused.

    Returns:
        DataFrame with the ``by`` columns and ``theil`` (≥ 0, in nats), plus ``between`` and ``within``
        when ``group`` is given, and ``dropped`` (regions left out, ``;``-joined) with
        ``common_regions``.

    Raises:
        IndicatorInputError: NaN or negative values, non-positive population, missing group labels,
            duplicate keys, a cross-section with zero total income, regions that differ between
            cross-sections (unless ``common_regions``).

    References:
        Theil, H. (1967), *Economics and Information Theory*, North-Holland; Akita, T. (2003),
        "Decomposing regional income inequality in China and Indonesia using two-stage nested Theil
        decomposition method", *Annals of Regional Science* 37(1), 55–77.
    """
    func = "theil_index"
    cross = as_list(by)
    keys = [*cross, region]
    require_frame(frame, func, [*keys, value, population, *as_list(group)])
    require_keys(frame, keys, func)
    y = require_values(frame, value, keys, func)
    p = require_values(frame, population, keys, func, positive=True)
    data = frame[keys].assign(_Y=y * p, _p=p)
    if group is not None:
        reject_first(frame[group].isna(), frame, keys, func, group, "missing group label")
        data["_g"] = frame[group].to_numpy()
    data, dropped = _panel(data, region, cross, func, common_regions)
    rows = []
    for key, sub in _groups(data, cross):
        income, pop = sub["_Y"].to_numpy(), sub["_p"].to_numpy()
        if income.sum() == 0:
            fail(func, value, "zero total income (division by zero)", cross, key)
        row = [*key, _theil_terms(income, pop)]
        if group is not None:
            by_group = sub.groupby("_g", sort=True)[["_Y", "_p"]].sum()
            between = _theil_terms(by_group["_Y"].to_numpy(), by_group["_p"].to_numpy())
            share = by_group["_Y"] / income.sum()
            within = sum(
                float(share[g]) * _theil_terms(part["_Y"].to_numpy(), part["_p"].to_numpy())
                for g, part in sub.groupby("_g", sort=True)
                if share[g] > 0
            )
            row += [between, within]
        rows.append(tuple(row))
    columns = [*cross, "theil"] + (["between", "within"] if group is not None else [])
    return _with_dropped(pd.DataFrame(rows, columns=columns), cross, dropped)


def sigma_convergence(
    frame: pd.DataFrame,
    *,
    value: str = "value",
    region: str = "region_code",
    time: str = "year",
) -> pd.DataFrame:
    """Sigma convergence: dispersion of log per-capita values across regions, period by period.

    Formula:
        ``σ_t = sqrt( (1/n) Σ_i (ln y_it − mean_i ln y_it)² )`` (population standard deviation of
        logs, unweighted) and ``cv_t = sd(y_t) / mean(y_t)`` (unweighted, ddof = 0). Sigma
        convergence holds over a period when σ falls.

    Parameters:
        frame: one row per region × time; the same regions in every period (a balanced panel, since a
            region dropping out would change σ by itself).
        value: per-capita value (> 0, for the log).
        region: region key column.
        time: period column.

    Returns:
        DataFrame with ``time``, ``sigma`` and ``cv`` (both dimensionless), sorted by time.

    Raises:
        IndicatorInputError: a region missing in a period (misaligned), fewer than two regions,
            NaN or non-positive values, duplicate keys.

    References:
        Barro, R.J. and Sala-i-Martin, X. (1992), "Convergence", *Journal of Political Economy*
        100(2), 223–251; Sala-i-Martin, X. (1996), "The classical approach to convergence analysis",
        *Economic Journal* 106(437), 1019–1036.
    """
    func = "sigma_convergence"
    keys = [region, time]
    require_frame(frame, func, [*keys, value])
    require_keys(frame, keys, func)
    y = require_values(frame, value, keys, func, positive=True)
    data = frame[keys].assign(_y=y, _log=np.log(y))
    require_complete_grid(data, keys, func, what=f"every {region} in every {time}")
    if data[region].nunique() < 2:
        fail(func, region, "at least two regions are needed for a dispersion")
    out = data.groupby(time, sort=True).agg(
        sigma=("_log", lambda s: float(np.std(s.to_numpy()))),
        _sd=("_y", lambda s: float(np.std(s.to_numpy()))),
        _mean=("_y", "mean"),
    )
    out["cv"] = out["_sd"] / out["_mean"]
    return out.reset_index()[[time, "sigma", "cv"]]


def beta_convergence(
    frame: pd.DataFrame,
    *,
    value: str = "value",
    region: str = "region_code",
    time: str = "year",
    start: int | None = None,
    end: int | None = None,
) -> pd.DataFrame:
    """Absolute (unconditional) beta convergence by OLS, with the implied speed and half-life.

    Formula:
        Cross-section regression over regions i, with ``T = end − start``:

        ``(1/T) · ln(y_i,end / y_i,start) = a + b · ln(y_i,start) + ε_i``

        ``beta = −ln(1 + b·T) / T`` (speed of convergence per year, fraction);
        ``half_life = ln 2 / beta`` (years to close half of the gap to the steady state).

        ``b < 0`` means poorer regions grew faster (convergence). With ``b ≥ 0`` (divergence) beta
        is ≤ 0 and ``half_life`` is ``NaN``; when ``1 + b·T ≤ 0`` beta is undefined and both are
        ``NaN``. ``slope_se`` is the classical OLS standard error (homoskedastic, n − 2 d.o.f.).

    Parameters:
        frame: one row per region × year; every region needs ``start`` and ``end``.
        value: per-capita value (> 0; real, e.g. GRDP per capita at constant prices).
        region: region key column.
        time: integer year column.
        start, end: the two years; default the first and last year of the frame.

    Returns:
        One-row DataFrame with ``start``, ``end``, ``n_regions``, ``intercept``, ``slope``,
        ``slope_se``, ``r_squared``, ``beta`` (fraction per year) and ``half_life`` (years).

    Raises:
        IndicatorInputError: a region without ``start`` or ``end``, fewer than 3 regions, all start
            values equal, NaN or non-positive values, duplicate keys, ``start >= end``.

    References:
        Barro, R.J. and Sala-i-Martin, X. (1992), "Convergence", *Journal of Political Economy*
        100(2), 223–251; Barro, R.J. and Sala-i-Martin, X. (2004), *Economic Growth*, 2nd ed., MIT
        Press, ch. 11 (a speed of 2 % a year means a half-life of about 35 years).
    """
    func = "beta_convergence"
    keys = [region, time]
    require_frame(frame, func, [*keys, value])
    require_integer_time(frame, time, func)
    require_keys(frame, keys, func)
    y = require_values(frame, value, keys, func, positive=True)
    start = int(frame[time].min()) if start is None else start
    end = int(frame[time].max()) if end is None else end
    if start >= end:
        fail(func, time, f"start year {start} must be before end year {end}")
    data = frame[keys].assign(_y=y)
    data = data[data[time].isin([start, end])]
    for year in (start, end):
        if not (data[time] == year).any():
            fail(func, time, f"misaligned periods: no row for year {year}")
    require_complete_grid(data, keys, func, what=f"{time} {start} and {end} for every {region}")
    wide = data.pivot(index=region, columns=time, values="_y")
    n = len(wide)
    if n < 3:
        fail(func, region, f"at least 3 regions are needed for a regression with a standard error, got {n}")
    horizon = end - start
    x = np.log(wide[start].to_numpy())
    g = np.log(wide[end].to_numpy() / wide[start].to_numpy()) / horizon
    x_dev = x - x.mean()
    sxx = float(np.sum(x_dev**2))
    if sxx == 0:
        fail(func, value, f"all regions have the same value in {start}: the slope is undefined")
    slope = float(np.sum(x_dev * (g - g.mean())) / sxx)
    intercept = float(g.mean() - slope * x.mean())
    residuals = g - intercept - slope * x
    sst = float(np.sum((g - g.mean()) ** 2))
    r_squared = 1.0 - float(np.sum(residuals**2)) / sst if sst > 0 else np.nan
    slope_se = float(np.sqrt(np.sum(residuals**2) / (n - 2) / sxx))
    beta = -np.log1p(slope * horizon) / horizon if 1.0 + slope * horizon > 0 else np.nan
    half_life = np.log(2.0) / beta if np.isfinite(beta) and beta > 0 else np.nan
    return pd.DataFrame(
        [
            {
                "start": start,
                "end": end,
                "n_regions": n,
                "intercept": intercept,
                "slope": slope,
                "slope_se": slope_se,
                "r_squared": r_squared,
                "beta": float(beta),
                "half_life": float(half_life),
            }
        ]
    )
