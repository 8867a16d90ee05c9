"""Growth: year-on-year growth, compound annual growth, index to a base year, contributions to growth.

All functions take a tidy frame (one row per key and period, a numeric ``value`` column) and return a
tidy frame sorted by its key. Periods are integer years; "consecutive" means one year apart.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from krbnn_analysis.indicators._checks import (
    Columns,
    as_list,
    fail,
    reject_first,
    require_complete_grid,
    require_frame,
    require_integer_time,
    require_keys,
    require_values,
)
from krbnn_analysis.validation import first_position

BREAK_COLUMN = "boundary_break"  # curated tables mark a change of territory here (see the catalog)


def _previous(data: pd.DataFrame, by: Sequence[str], column: str) -> pd.Series:
    """The value of ``column`` in the previous row of the same group (data sorted by group, time)."""
    if by:
        return data.groupby(list(by), sort=False)[column].shift(1)
    return data[column].shift(1)


def yoy_growth(
    frame: pd.DataFrame, *, value: str = "value", time: str = "year", by: Columns = ("region_code",)
) -> pd.DataFrame:
    """Year-on-year growth in percent, between consecutive years only.

    Formula:
        ``growth_t = (x_t / x_{t-1} − 1) × 100``

        The first year of each group, and a year whose previous year is absent (a gap in the series),
        get ``NaN``: growth over a two-year gap is not a yearly rate, so it is never reported as one.
        A row marked in the curated tables' ``boundary_break`` column (the region's territory changed
        since the previous year, e.g. Kalimantan Timur 2013) also gets ``NaN``.

    Parameters:
        frame: tidy data, one row per ``by`` × ``time``.
        value: level column, any unit, ≥ 0 (e.g. GRDP at constant prices, billion IDR). Use constant-
            price levels for real growth.
        time: integer year column.
        by: columns identifying a series (default one series per ``region_code``); ``()`` for one.

    Returns:
        DataFrame with the ``by`` columns, ``time`` and ``growth`` (percent, e.g. ``-9.31`` for −9.31 %),
        one row per input row, sorted by ``by`` and ``time``.

    Raises:
        IndicatorInputError: missing columns, NaN or negative ``value``, non-integer ``time``, a
            duplicate ``by`` × ``time`` key, or a zero level in the year before a growth rate (division
            by zero). The message names the column and the key.

    References:
        OECD (2008), *OECD Glossary of Statistical Terms*, "growth rate"; BPS, *Produk Domestik
        Regional Bruto menurut Lapangan Usaha*, technical notes ("laju pertumbuhan").
    """
    func = "yoy_growth"
    group = as_list(by)
    keys = [*group, time]
    require_frame(frame, func, [*keys, value])
    require_integer_time(frame, time, func)
    require_keys(frame, keys, func)
    data = frame[keys].copy()
    data["_v"] = require_values(frame, value, keys, func)
    data["_break"] = frame[BREAK_COLUMN].fillna(False).astype(bool) if BREAK_COLUMN in frame else False
    data = data.sort_values(keys, kind="stable").reset_index(drop=True)

    previous = _previous(data, group, "_v")
    consecutive = (data[time] - _previous(data, group, time)) == 1
    at = first_position(consecutive & (previous == 0))
    if at is not None:
        fail(
            func, value, "zero level in the previous year (division by zero)", keys, tuple(data.loc[at, keys])
        )
    growth = (data["_v"] / previous - 1.0) * 100.0
    data["growth"] = growth.where(consecutive & ~data["_break"])
    return data[[*keys, "growth"]]


def cagr(
    frame: pd.DataFrame,
    *,
    value: str = "value",
    time: str = "year",
    by: Columns = ("region_code",),
    start: int | None = None,
    end: int | None = None,
) -> pd.DataFrame:
    """Compound annual growth rate between two years, in percent per year.

    Formula:
        ``cagr = ((x_end / x_start) ** (1 / (end − start)) − 1) × 100``

    Parameters:
        frame: tidy data, one row per ``by`` × ``time``.
        value: level column (≥ 0, any unit).
        time: integer year column.
        by: columns identifying a series.
        start, end: the two years. Default: the first and last year in the whole frame, so every
            series is measured over the same period; a series lacking either year raises rather than
            being measured over a shorter one.

    Returns:
        DataFrame with the ``by`` columns, ``start``, ``end`` and ``cagr`` (percent per year).

    Raises:
        IndicatorInputError: a series without a row for ``start`` or ``end`` (names the key and
            year), ``start >= end``, a zero level at ``start``, NaN or negative values, duplicate keys.

    References:
        OECD (2008), *OECD Glossary of Statistical Terms*, "compound annual growth rate".
    """
    func = "cagr"
    group = as_list(by)
    keys = [*group, time]
    require_frame(frame, func, [*keys, value])
    require_integer_time(frame, time, func)
    require_keys(frame, keys, func)
    values = require_values(frame, value, keys, func)
    start = int(frame[time].min()) if start is None else start
    end = int(frame[time].max()) if end is None else end
    if start >= end:
        fail(func, time, f"start year {start} must be before end year {end}")
    data, grp = _grouped(frame[keys].assign(_v=values), group)
    first = _level_at(data, grp, time, start, func, value).rename(columns={"_v": "_v_start"})
    last = _level_at(data, grp, time, end, func, value).rename(columns={"_v": "_v_end"})
    out = first.merge(last, on=grp)
    problem = "zero level in the start year (division by zero)"
    reject_first(out["_v_start"] == 0, out, grp, func, value, problem, also_keys=[time], also=(start,))
    out["start"] = start
    out["end"] = end
    out["cagr"] = ((out["_v_end"] / out["_v_start"]) ** (1.0 / (end - start)) - 1.0) * 100.0
    return out[[*group, "start", "end", "cagr"]].sort_values(grp).reset_index(drop=True)


def index_to_base(
    frame: pd.DataFrame,
    *,
    base: int,
    value: str = "value",
    time: str = "year",
    by: Columns = ("region_code",),
) -> pd.DataFrame:
    """Rebase each series so that its value in the base year is 100.

    Formula:
        ``index_t = x_t / x_base × 100``

    Parameters:
        frame: tidy data, one row per ``by`` × ``time``.
        base: the base year (must be present in every series).
        value: level column (≥ 0, any unit).
        time: integer year column.
        by: columns identifying a series.

    Returns:
        DataFrame with the ``by`` columns, ``time`` and ``index_value`` (base year = 100). (The column is
        not called ``index`` to avoid confusion with ``DataFrame.index``.)

    Raises:
        IndicatorInputError: a series without the base year, a zero base value, NaN or negative values,
            duplicate keys.

    References:
        OECD (2008), *OECD Glossary of Statistical Terms*, "index number", "base period".
    """
    func = "index_to_base"
    group = as_list(by)
    keys = [*group, time]
    require_frame(frame, func, [*keys, value])
    require_keys(frame, keys, func)
    data, grp = _grouped(frame[keys].assign(_v=require_values(frame, value, keys, func)), group)
    base_level = _level_at(data, grp, time, base, func, value).rename(columns={"_v": "_base"})
    problem = "zero value in the base year (division by zero)"
    reject_first(
        base_level["_base"] == 0, base_level, grp, func, value, problem, also_keys=[time], also=(base,)
    )
    data = data.merge(base_level, on=grp)
    data["index_value"] = data["_v"] / data["_base"] * 100.0
    return data[[*keys, "index_value"]].sort_values(keys, kind="stable").reset_index(drop=True)


def contribution_to_growth(
    frame: pd.DataFrame,
    *,
    value: str = "value",
    part: str = "industry_code",
    time: str = "year",
    by: Columns = ("region_code",),
) -> pd.DataFrame:
    """Contribution of each part (e.g. industry) to the growth of the total, in percentage points.

    Formula:
        ``contribution_{i,t} = (x_{i,t} − x_{i,t−1}) / X_{t−1} × 100``, with ``X = Σ_i x_i``

        The contributions of a group and year add up exactly to the growth of the total ``X``
        (percent). The total is the sum of the parts given: for GRDP by industry that is gross value
        added, which excludes net taxes on products. Additivity is exact for fixed-base constant-price
        series such as BPS ADHK 2010; it is not for chain-linked volumes.

        Consecutive years only: the first year of each group and a year after a gap get ``NaN``.

    Parameters:
        frame: tidy data, one row per ``by`` × ``part`` × ``time``; every part must be present in
            every year of its group (write explicit zeros).
        value: level column in one unit (e.g. billion IDR at constant 2010 prices). Negative parts
            are allowed (e.g. net exports, change in inventories); the total must be positive.
        part: column naming the component.
        time: integer year column.
        by: columns identifying a total.

    Returns:
        DataFrame with the ``by`` columns, ``part``, ``time`` and ``contribution`` (percentage points).

    Raises:
        IndicatorInputError: a part missing in one year of its group (misaligned), a total ≤ 0 in the
            year before, NaN values, duplicate keys.

    References:
        Lequiller, F. and Blades, D. (2014), *Understanding National Accounts*, 2nd ed., OECD
        Publishing, ch. 1 ("contributions to growth").
    """
    func = "contribution_to_growth"
    group = as_list(by)
    keys = [*group, part, time]
    require_frame(frame, func, [*keys, value])
    require_integer_time(frame, time, func)
    require_keys(frame, keys, func)
    values = require_values(frame, value, keys, func, nonnegative=False)
    require_complete_grid(frame, [part, time], func, within=group, what=f"every {part} in every {time}")
    data = frame[keys].assign(_v=values).sort_values(keys, kind="stable").reset_index(drop=True)

    totals = data.groupby([*group, time], sort=True)["_v"].sum().rename("_total").reset_index()
    problem = "total of the parts ≤ 0 (division by zero)"
    reject_first(totals["_total"] <= 0, totals, [*group, time], func, value, problem)
    totals["_total_prev"] = _previous(totals, group, "_total")
    totals["_consecutive"] = (totals[time] - _previous(totals, group, time)) == 1
    data = data.merge(totals, on=[*group, time])
    data["_v_prev"] = _previous(data, [*group, part], "_v")
    change = data["_v"] - data["_v_prev"]
    data["contribution"] = (change / data["_total_prev"] * 100.0).where(data["_consecutive"])
    return (
        data[[*keys, "contribution"]].sort_values([*group, time, part], kind="stable").reset_index(drop=True)
    )


_ALL = "_all"  # stand-in group column when ``by`` is empty, so one code path serves both cases


def _grouped(data: pd.DataFrame, group: list[str]) -> tuple[pd.DataFrame, list[str]]:
    if group:
        return data, group
    return data.assign(**{_ALL: 0}), [_ALL]


def _level_at(
    data: pd.DataFrame, group: list[str], time: str, year: int, func: str, value: str
) -> pd.DataFrame:
    """The ``_v`` of each group in ``year``; raises naming the first group that lacks that year."""
    at = data.loc[data[time] == year, [*group, "_v"]]
    merged = data[group].drop_duplicates().merge(at, on=group, how="left")
    problem = f"misaligned periods: no row for year {year}"
    reject_first(merged["_v"].isna(), merged, group, func, time, problem, also_keys=[time], also=(year,))
    return merged
