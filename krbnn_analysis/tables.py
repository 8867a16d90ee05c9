"""Selecting and reshaping curated tables: the small steps every briefing repeats.

All functions are pure: they take a tidy frame and return a new one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd

from krbnn_analysis import regions
from krbnn_analysis.errors import IndicatorInputError

FOCUS: tuple[str, ...] = regions.KR_BNN_PROVINCES  # Bali, NTB, NTT
FOCUS_AND_INDONESIA: tuple[str, ...] = (*FOCUS, regions.INDONESIA)


def select(frame: pd.DataFrame, **conditions: object) -> pd.DataFrame:
    """Rows where every column equals its value, or is in it when a list/tuple/set is given.

    ``select(grdp, indicator="grdp", region_code=FOCUS)``; an unknown column raises ``KeyError``.
    """
    mask = pd.Series(True, index=frame.index)
    for column, wanted in conditions.items():
        if column not in frame.columns:
            raise KeyError(f"no column {column!r}; columns are {', '.join(map(str, frame.columns))}")
        if isinstance(wanted, list | tuple | set | frozenset):
            mask &= frame[column].isin(list(wanted))
        else:
            mask &= frame[column] == wanted
    return frame.loc[mask].reset_index(drop=True)


def latest(frame: pd.DataFrame, *, by: Sequence[str] = ("region_code",), time: str = "year") -> pd.DataFrame:
    """The rows of the latest ``time`` within each ``by`` group."""
    last = frame.groupby(list(by))[time].transform("max")
    return frame.loc[frame[time] == last].reset_index(drop=True)


def wide(
    frame: pd.DataFrame,
    *,
    index: str = "year",
    columns: str = "region_code",
    values: str = "value",
    order: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Pivot to one column per ``columns`` value (in ``order`` if given); duplicates raise."""
    if frame.duplicated([index, columns]).any():
        row = frame.loc[frame.duplicated([index, columns]), [index, columns]].iloc[0].to_dict()
        raise IndicatorInputError(f"wide: duplicate {index} × {columns} key {row}")
    out = frame.pivot(index=index, columns=columns, values=values)
    if order is not None:
        out = out[[c for c in order if c in out.columns]]
    out.columns.name = None
    return out


def total_excluding(
    frame: pd.DataFrame,
    exclude: Iterable[str],
    *,
    part: str = "industry_code",
    by: Sequence[str] = ("region_code", "year"),
    value: str = "value",
) -> pd.DataFrame:
    """Sum of ``value`` over all parts except ``exclude``, per ``by`` group.

    Used for growth "without mining": GVA excluding industry B (the 17-industry data has no split of
    B into metal-ore mining and the rest). Every group must have every excluded part present, so a
    missing row cannot silently pass as an exclusion.
    """
    exclude = list(exclude)
    present = frame.loc[frame[part].isin(exclude)].groupby(list(by))[part].nunique()
    groups = frame.groupby(list(by)).ngroups
    if len(present) != groups or (present != len(exclude)).any():
        raise IndicatorInputError(f"total_excluding: some {', '.join(by)} groups lack {part} {exclude}")
    kept = frame.loc[~frame[part].isin(exclude)]
    return kept.groupby(list(by), as_index=False)[value].sum()


def group_parts(
    frame: pd.DataFrame,
    keep: Sequence[str],
    *,
    part: str = "industry_code",
    other: str = "other",
    by: Sequence[str] = ("region_code", "year"),
    value: str = "value",
) -> pd.DataFrame:
    """Sum every part not in ``keep`` into one part named ``other`` (for readable charts)."""
    relabelled = frame.assign(**{part: frame[part].where(frame[part].isin(list(keep)), other)})
    return relabelled.groupby([*by, part], as_index=False, sort=False)[value].sum()


def rank_among(
    frame: pd.DataFrame, code: str, *, value: str = "value", ascending: bool = False, level: str = "province"
) -> tuple[int, int]:
    """Rank of region ``code`` among the regions of ``level`` in ``frame`` (1 = highest unless
    ``ascending``), and the number of regions ranked. Regions without a value, and rows marked
    ``boundary_break`` (territory changed since the previous year), are not ranked."""
    rows = frame.loc[frame["region_level"] == level]
    if "boundary_break" in rows.columns:
        rows = rows.loc[~rows["boundary_break"].fillna(False).astype(bool)]
    ranked = rows.set_index("region_code")[value].dropna()
    if ranked.index.duplicated().any():
        raise IndicatorInputError("rank_among: one row per region expected")
    position = ranked.rank(ascending=ascending, method="min")
    return int(position[code]), int(ranked.size)


def latest_by_region(frame: pd.DataFrame, *, value: str = "value") -> tuple[pd.Series, int]:
    """Each region's value in its latest year, and the latest year of all (a headline table's year)."""
    last = latest(frame)
    if last["region_code"].duplicated().any():
        raise IndicatorInputError("latest_by_region: one row per region and year expected")
    return last.set_index("region_code")[value], int(last["year"].max())


def month_start(frame: pd.DataFrame, *, year: str = "year", month: str = "month") -> pd.Series:
    """The first day of each row's month, from integer ``year`` and ``month`` columns (for time axes)."""
    periods = pd.PeriodIndex.from_fields(year=frame[year], month=frame[month], freq="M")
    return pd.Series(periods.to_timestamp(), index=frame.index)
