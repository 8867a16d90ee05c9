"""Tourism: seasonality (ratio to a centred moving average, seasonal Gini), recovery, market concentration.

Monthly series take a ``time`` column of monthly periods: ``pandas.Period`` with monthly frequency,
datetimes (read as their month), or ``"YYYY-MM"`` strings. From separate year and month integer
columns build one with ``pd.PeriodIndex.from_fields(year=..., month=..., freq="M")``.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np
import pandas as pd

from krbnn_analysis.indicators._checks import (
    Columns,
    as_list,
    fail,
    require_frame,
    require_keys,
    require_values,
)
from krbnn_analysis.indicators.structure import herfindahl_index, shares
from krbnn_analysis.validation import first_position

# Weights of the centred 2×12 moving average: half weight on the two months six months away.
_MA_WEIGHTS = np.r_[0.5, np.ones(11), 0.5] / 12.0


def _monthly(frame: pd.DataFrame, column: str, func: str) -> pd.Series:
    """The time column as monthly periods (raises naming the column if it cannot be read as months)."""
    series = frame[column]
    missing = first_position(series.isna())
    if missing is not None:
        fail(func, column, f"missing month in row {series.index[missing]!r}")
    if isinstance(series.dtype, pd.PeriodDtype):
        if series.dtype != pd.PeriodDtype("M"):
            fail(func, column, f"periods must be monthly, not {series.dtype}")
        return series
    try:
        if pd.api.types.is_datetime64_any_dtype(series):
            return series.dt.to_period("M")
        if pd.api.types.is_numeric_dtype(series):
            raise TypeError("numbers are not months")
        return pd.Series(pd.PeriodIndex(series.astype(str), freq="M"), index=series.index)
    except (TypeError, ValueError) as error:
        fail(func, column, f"cannot read as monthly periods ({error})")


def _monthly_data(
    frame: pd.DataFrame, value: str, time: str, by: Columns, func: str
) -> tuple[pd.DataFrame, list[str]]:
    """Validated ``by`` columns, ``time`` (original), ``_t`` (Period[M]), ``_v``; sorted, unique months."""
    group = as_list(by)
    keys = [*group, time]
    require_frame(frame, func, [*keys, value])
    require_keys(frame, keys, func)
    data = frame[keys].assign(
        _v=require_values(frame, value, keys, func), _t=_monthly(frame, time, func).array
    )
    require_keys(data.drop(columns=time).rename(columns={"_t": time}), keys, func)  # two dates, one month
    data = data.sort_values([*group, "_t"], kind="stable").reset_index(drop=True)
    data["_ord"] = pd.PeriodIndex(data["_t"]).asi8
    return data, group


def seasonal_ratios(
    frame: pd.DataFrame,
    *,
    value: str = "value",
    time: str = "month",
    by: Columns = ("region_code",),
) -> pd.DataFrame:
    """Ratio of each month to the centred 12-month moving average (classical decomposition).

    Formula:
        ``MA_t = (½ x_{t−6} + x_{t−5} + … + x_{t+5} + ½ x_{t+6}) / 12``  (the 2×12 moving average)
        ``ratio_t = x_t / MA_t``

        The ratio is a fraction around 1 (× 100 for the seasonal index in percent); it removes trend
        and cycle, leaving season and noise. Averaging it by calendar month over several years gives
        the seasonal factors. The first and last six months of each series have no centred average
        and get ``NaN``; so does a month whose moving average is zero (e.g. arrivals during a border
        closure), where no seasonal ratio exists.

    Parameters:
        frame: tidy monthly data, one row per ``by`` × month, without gaps.
        value: monthly amount (≥ 0; e.g. foreign arrivals, persons; room nights).
        time: month column (see the module docstring).
        by: columns identifying a series.

    Returns:
        DataFrame with the ``by`` columns, ``time`` (as given), ``moving_average`` (unit of ``value``)
        and ``ratio`` (fraction), sorted by ``by`` and month.

    Raises:
        IndicatorInputError: a missing month inside a series (misaligned periods: a centred average
            across a gap would be wrong), NaN or negative values, duplicate months.

    References:
        Hyndman, R.J. and Athanasopoulos, G. (2021), *Forecasting: Principles and Practice*, 3rd ed.,
        OTexts, §3.4 "Classical decomposition"; Makridakis, S., Wheelwright, S.C. and Hyndman, R.J.
        (1998), *Forecasting: Methods and Applications*, 3rd ed., Wiley, ch. 3.
    """
    func = "seasonal_ratios"
    data, group = _monthly_data(frame, value, time, by, func)
    pieces = []
    for _, sub in data.groupby(group, sort=False) if group else [((), data)]:
        steps = np.diff(sub["_ord"].to_numpy())
        if (steps != 1).any():
            at = int((steps != 1).argmax()) + 1
            row = sub.iloc[at]
            fail(
                func,
                time,
                f"gap in the monthly series (previous month {sub['_t'].iloc[at - 1]})",
                [*group, time],
                (*row[group], row["_t"]),
            )
        values = sub["_v"].to_numpy()
        average = np.full(len(values), np.nan)
        if len(values) >= len(_MA_WEIGHTS):
            average[6:-6] = np.convolve(values, _MA_WEIGHTS, mode="valid")
        pieces.append(average)
    data["moving_average"] = np.concatenate(pieces)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = data["_v"] / data["moving_average"]
    data["ratio"] = ratio.where(data["moving_average"] > 0)
    return data[[*group, time, "moving_average", "ratio"]]


def _gini(values: np.ndarray, weights: np.ndarray) -> float:
    """Weighted Gini via the sorted form of the mean absolute difference (exact, O(n log n))."""
    order = np.argsort(values, kind="stable")
    y, w = values[order], weights[order]
    cum = np.cumsum(w)
    total_w, total_yw = cum[-1], float(np.sum(w * y))
    # Σ_i Σ_j w_i w_j |y_i − y_j| = 2 Σ_i w_i y_i (2 C_i − w_i − W) for y sorted ascending
    gini = float(np.sum(w * y * (2.0 * cum - w - total_w)) / (total_w * total_yw))
    return max(gini, 0.0)  # equal values can give −1e-17 from cancellation; G ≥ 0 by definition


def seasonal_profile(
    frame: pd.DataFrame,
    *,
    value: str = "value",
    time: str = "month",
    by: Columns = ("region_code",),
) -> pd.DataFrame:
    """Seasonal factors: the ratio to the centred moving average, averaged by calendar month.

    Formula:
        ``factor_m = mean over years of ratio_t`` for the months t with calendar month m, where
        ``ratio_t`` is :func:`seasonal_ratios`; months without a centred average (the first and last
        six of a series, or a zero average) are left out of the mean.

    Parameters:
        frame: tidy monthly data as for :func:`seasonal_ratios` (several whole years).
        value, time, by: as for :func:`seasonal_ratios`.

    Returns:
        DataFrame with the ``by`` columns, ``calendar_month`` (1–12) and ``ratio`` (fraction around 1:
        above 1 marks a busy month), sorted by ``by`` and month.

    Raises:
        IndicatorInputError: as :func:`seasonal_ratios`.

    References:
        Hyndman, R.J. and Athanasopoulos, G. (2021), *Forecasting: Principles and Practice*, 3rd ed.,
        OTexts, §3.4 "Classical decomposition".
    """
    group = as_list(by)
    ratios = seasonal_ratios(frame, value=value, time=time, by=by)
    ratios["calendar_month"] = pd.PeriodIndex(_monthly(ratios, time, "seasonal_profile")).month
    return ratios.groupby([*group, "calendar_month"], as_index=False)["ratio"].mean()


def seasonal_extremes(profile: pd.DataFrame, *, by: Columns = ("region_code",)) -> pd.DataFrame:
    """The busiest and the quietest calendar month of each series of a :func:`seasonal_profile`.

    Returns:
        DataFrame indexed by the ``by`` columns with ``peak_month``, ``peak_ratio``, ``low_month`` and
        ``low_ratio`` (the first month wins a tie).
    """
    group = as_list(by)
    require_frame(profile, "seasonal_extremes", [*group, "calendar_month", "ratio"], name="profile")
    grouped = profile.groupby(group)["ratio"]
    peak = profile.loc[grouped.idxmax(), [*group, "calendar_month", "ratio"]].set_index(group)
    low = profile.loc[grouped.idxmin(), [*group, "calendar_month", "ratio"]].set_index(group)
    return pd.concat(
        [
            peak.rename(columns={"calendar_month": "peak_month", "ratio": "peak_ratio"}),
            low.rename(columns={"calendar_month": "low_month", "ratio": "low_ratio"}),
        ],
        axis=1,
    )


def seasonal_gini(
    frame: pd.DataFrame,
    *,
    value: str = "value",
    time: str = "month",
    by: Columns = ("region_code",),
) -> pd.DataFrame:
    """Seasonal Gini coefficient of each calendar year: how unevenly a year's total spreads over months.

    Formula:
        For the 12 monthly values of a year ranked ascending, ``x_(1) ≤ … ≤ x_(12)``:
        ``G = 2 Σ_i i · x_(i) / (12 · Σ_i x_i) − 13/12``

        0 = the same amount every month; 11/12 ≈ 0.917 = the whole year in one month.

    Parameters:
        frame: tidy monthly data, one row per ``by`` × month; each year needs all 12 months.
        value: monthly amount (≥ 0).
        time: month column (see the module docstring).
        by: columns identifying a series (not the year: it is taken from the month).

    Returns:
        DataFrame with the ``by`` columns, ``year`` and ``gini`` (fraction 0–11/12).

    Raises:
        IndicatorInputError: a year without all 12 months (names the first missing month), a year
            whose total is zero, NaN or negative values, duplicate months.

    References:
        Lundtorp, S. (2001), "Measuring tourism seasonality", in Baum, T. and Lundtorp, S. (eds),
        *Seasonality in Tourism*, Pergamon, 23–50; Fernández-Morales, A. (2003), "Decomposing
        seasonal concentration", *Annals of Tourism Research* 30(4), 942–956.
    """
    func = "seasonal_gini"
    data, group = _monthly_data(frame, value, time, by, func)
    data["year"] = pd.PeriodIndex(data["_t"]).year
    rows = []
    for key, sub in data.groupby([*group, "year"], sort=True):
        if len(sub) != 12:
            months = set(pd.PeriodIndex(sub["_t"]).month)
            first_missing = min(set(range(1, 13)) - months)
            fail(func, time, f"incomplete year: month {first_missing} missing", [*group, "year"], key)
        values = sub["_v"].to_numpy()
        if values.sum() == 0:
            fail(func, value, "zero total in the year (division by zero)", [*group, "year"], key)
        rows.append((*key, _gini(values, np.ones(12))))
    return pd.DataFrame(rows, columns=[*group, "year", "gini"])


def recovery_ratio(
    frame: pd.DataFrame,
    *,
    base: Hashable | Sequence[Hashable],
    value: str = "value",
    time: str = "year",
    by: Columns = ("region_code",),
) -> pd.DataFrame:
    """Level of each period relative to a base period (e.g. arrivals against 2019), as a fraction.

    Formula:
        ``recovery_t = x_t / x̄_base``, with ``x̄_base`` the value in the base period or, for several
        base periods, their mean. 1 = back to the base level.

        For a same-month comparison of monthly data, put the calendar month in ``by`` and the year in
        ``time`` (``by=("region_code", "month_of_year"), time="year", base=2019``).

    Parameters:
        frame: tidy data, one row per ``by`` × ``time``.
        base: base period, or a sequence of them (averaged); each must be present in every series.
        value: amount (≥ 0).
        time: period column.
        by: columns identifying a series.

    Returns:
        DataFrame with the ``by`` columns, ``time`` and ``recovery`` (fraction; × 100 for percent).

    Raises:
        IndicatorInputError: a series lacking a base period (misaligned), a zero base level, NaN or
            negative values, duplicate keys.

    References:
        UN Tourism (UNWTO), *World Tourism Barometer* (2022–2024 issues), which reports recovery as a
        percentage of 2019 levels.
    """
    func = "recovery_ratio"
    group = as_list(by)
    keys = [*group, time]
    require_frame(frame, func, [*keys, value])
    require_keys(frame, keys, func)
    bases = list(base) if isinstance(base, list | tuple) else [base]
    grp = group or ["_all"]
    data = frame[keys].assign(_v=require_values(frame, value, keys, func), _all=0)
    at_base = data[data[time].isin(bases)]
    present = set(at_base[[*grp, time]].itertuples(index=False, name=None))
    for key in data[grp].drop_duplicates().itertuples(index=False, name=None):
        for period in bases:
            if (*key, period) not in present:
                fail(
                    func,
                    time,
                    f"misaligned periods: no row for base period {period!r}",
                    [*grp, time],
                    (*key, period),
                )
    level = at_base.groupby(grp)["_v"].mean().rename("_base")
    position = first_position(level == 0)
    if position is not None:
        key = level.index[position]
        fail(
            func, value, "zero base level (division by zero)", grp, key if isinstance(key, tuple) else (key,)
        )
    data = data.merge(level, left_on=grp, right_index=True)
    data["recovery"] = data["_v"] / data["_base"]
    return data[[*keys, "recovery"]].sort_values(keys, kind="stable").reset_index(drop=True)


def market_concentration(
    frame: pd.DataFrame,
    *,
    value: str = "value",
    part: str = "market",
    by: Columns = ("region_code", "year"),
) -> pd.DataFrame:
    """Concentration of a destination's visitors by source market (or of any total by part).

    Formula:
        ``HHI = Σ_m s_m²`` and ``HHI* = (HHI − 1/N) / (1 − 1/N)`` as in
        :func:`~krbnn_analysis.indicators.herfindahl_index`; ``top_share = max_m s_m`` (CR1).

    Parameters:
        frame: tidy data, one row per ``by`` × ``part`` (e.g. arrivals by nationality).
        value: amount (≥ 0; e.g. arrivals, persons).
        part: column naming the market.
        by: columns identifying a destination and period.

    Returns:
        DataFrame with the ``by`` columns, ``hhi``, ``hhi_normalised``, ``n_parts``, ``top_part``
        (the largest market; the first in sort order on a tie) and ``top_share`` (fraction).

    Raises:
        IndicatorInputError: as :func:`~krbnn_analysis.indicators.shares`.

    References:
        Hirschman, A.O. (1964), "The paternity of an index", *American Economic Review* 54(5), 761.
    """
    group = as_list(by)
    out = herfindahl_index(frame, value=value, part=part, by=group)
    data = shares(frame, value=value, part=part, by=group)
    top = data.sort_values(
        [*group, "share", part], ascending=[True] * len(group) + [False, True], kind="stable"
    )
    top = top.drop_duplicates(subset=group, keep="first") if group else top.head(1)
    top = top.rename(columns={part: "top_part", "share": "top_share"})
    if group:
        return out.merge(top[[*group, "top_part", "top_share"]], on=group)
    return out.assign(top_part=top["top_part"].iloc[0], top_share=top["top_share"].iloc[0])
