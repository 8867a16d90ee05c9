"""Input checks shared by every indicator function.

The first offending row is found by ``validation.first_position`` (the package's one helper for it);
each check raises ``IndicatorInputError`` with a message of the form

    ``<function>: column 'value': NaN at region_code='51', year=2020``

so that the reader can find the offending row without a debugger. The functions here never modify
their input; they return cleaned copies (numeric columns as float) where that helps the caller.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NoReturn

import numpy as np
import pandas as pd

from krbnn_analysis.errors import IndicatorInputError
from krbnn_analysis.validation import first_position

Columns = str | Sequence[str] | None


def as_list(columns: Columns) -> list[str]:
    """``"a"`` → ``["a"]``, ``("a", "b")`` → ``["a", "b"]``, ``None`` → ``[]``."""
    if columns is None:
        return []
    if isinstance(columns, str):
        return [columns]
    return list(columns)


def describe_key(keys: Sequence[str], values: object) -> str:
    """``region_code='51', year=2020`` for the key columns ``keys`` and one row's ``values``."""
    if not keys:
        return "(whole frame)"
    if len(keys) == 1 and not isinstance(values, tuple):
        values = (values,)
    parts = []
    for name, item in zip(keys, values, strict=True):
        if isinstance(item, np.generic):  # show 2020, not np.int64(2020)
            item = item.item()
        parts.append(f"{name}={item!r}")
    return ", ".join(parts)


def fail(
    func: str, column: str | None, problem: str, keys: Sequence[str] = (), values: object = ()
) -> NoReturn:
    """Raise the one error type of the indicator library, naming the column and the key."""
    where = f" at {describe_key(keys, values)}" if keys else ""
    col = f"column {column!r}: " if column is not None else ""
    raise IndicatorInputError(f"{func}: {col}{problem}{where}")


def reject_first(
    mask: pd.Series | np.ndarray,
    frame: pd.DataFrame,
    keys: Sequence[str],
    func: str,
    column: str | None,
    problem: str,
    *,
    also: tuple = (),
    also_keys: Sequence[str] = (),
) -> None:
    """Raise ``fail`` naming the key of the first row of ``frame`` where ``mask`` is true (nothing when
    none is); ``also_keys``/``also`` append key columns the frame lacks (e.g. the year looked at)."""
    position = first_position(mask)
    if position is not None:
        fail(func, column, problem, [*keys, *also_keys], (*_key_at(frame, keys, position), *also))


def require_frame(frame: object, func: str, columns: Iterable[str], *, name: str = "frame") -> None:
    """``frame`` is a non-empty DataFrame with unique column names holding every column in ``columns``."""
    if not isinstance(frame, pd.DataFrame):
        raise IndicatorInputError(f"{func}: {name} must be a pandas DataFrame, not {type(frame).__name__}")
    if frame.columns.duplicated().any():
        dup = frame.columns[frame.columns.duplicated()][0]
        raise IndicatorInputError(f"{func}: column {dup!r} appears twice in {name}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise IndicatorInputError(
            f"{func}: column {missing[0]!r} not found in {name} (columns: {list(frame.columns)})"
        )
    if frame.empty:
        raise IndicatorInputError(f"{func}: {name} has no rows")


def require_keys(frame: pd.DataFrame, keys: Sequence[str], func: str) -> None:
    """Key columns hold no missing value and no key appears twice."""
    keys = list(keys)
    for column in keys:
        position = first_position(frame[column].isna())
        if position is not None:
            fail(func, column, f"missing key value in row {frame.index[position]!r}")
    if not keys:
        if len(frame) > 1:
            fail(func, None, f"{len(frame)} rows but no key columns to tell them apart")
        return
    position = first_position(frame.duplicated(subset=keys, keep=False))
    if position is not None:
        fail(func, None, "duplicate key", keys, _key_at(frame, keys, position))


def require_values(
    frame: pd.DataFrame,
    column: str,
    keys: Sequence[str],
    func: str,
    *,
    nonnegative: bool = True,
    positive: bool = False,
) -> np.ndarray:
    """The column is numeric and finite (and ≥ 0 or > 0 when asked). Returns it as a float array."""
    series = frame[column]
    if not (pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)):
        fail(func, column, f"not numeric (dtype {series.dtype})")
    values = series.to_numpy(dtype=float, na_value=np.nan)
    checks = [(~np.isfinite(values), "NaN or infinite value")]
    if positive:
        checks.append((values <= 0, "value ≤ 0 where only positive values make sense"))
    elif nonnegative:
        checks.append((values < 0, "negative value where only values ≥ 0 make sense"))
    for bad, problem in checks:
        position = first_position(bad)
        if position is not None:
            problem = f"{problem} ({values[position]!r})"
            if not keys:  # no key columns: name the row label instead
                fail(func, column, problem, ["row"], (frame.index[position],))
            fail(func, column, problem, keys, _key_at(frame, keys, position))
    return values


def require_nonzero(
    denominators: pd.Series, column: str, func: str, what: str, *, keys: Sequence[str] | None = None
) -> None:
    """A Series of denominators, indexed by key, holds no zero (its index names the key columns)."""
    position = first_position(denominators == 0)
    if position is not None:
        keys = list(keys if keys is not None else denominators.index.names)
        label = denominators.index[position]
        fail(func, column, f"zero denominator ({what})", keys, label)


def require_complete_grid(
    frame: pd.DataFrame, dims: Sequence[str], func: str, *, within: Sequence[str] = (), what: str = ""
) -> None:
    """Every combination of the distinct values of ``dims`` is present (a balanced panel).

    With ``within``, the check is made separately inside each group of those columns (e.g. every
    industry in every year of each region, while regions may cover different years). A missing
    combination would otherwise be treated as zero or dropped without notice. Reports the first one.
    Assumes the keys are unique (``require_keys`` first).
    """
    dims, within = list(dims), list(within)
    groups = frame.groupby(within, sort=False) if within else [((), frame)]
    detail = f" ({what})" if what else ""
    for label, sub in groups:
        sizes = [sub[d].nunique() for d in dims]
        if int(np.prod(sizes)) == len(sub):  # unique keys: the count alone proves completeness
            continue
        present = pd.MultiIndex.from_frame(sub[dims])
        full = pd.MultiIndex.from_product([pd.unique(sub[d]) for d in dims], names=dims)
        first = full.difference(present)[0]
        prefix = label if isinstance(label, tuple) else (label,)
        fail(
            func,
            None,
            f"misaligned data: no row for this combination{detail}",
            [*within, *dims],
            (*prefix, *first),
        )


def require_same_keys(left: pd.Index, right: pd.Index, func: str, *, left_name: str, right_name: str) -> None:
    """Two key sets (e.g. the frame's industries × years and the reference's) are identical."""
    for a, b, a_name, b_name in ((left, right, left_name, right_name), (right, left, right_name, left_name)):
        extra = a.difference(b)
        if len(extra):
            label = extra[0] if isinstance(extra[0], tuple) else (extra[0],)
            names = [str(n) for n in a.names]
            fail(func, None, f"misaligned data: key present in {a_name} but not in {b_name}", names, label)


def require_integer_time(frame: pd.DataFrame, column: str, func: str) -> None:
    """Time columns that are stepped by one (years) must be integers."""
    if not pd.api.types.is_integer_dtype(frame[column]):
        fail(func, column, f"time must be an integer (year) column, not dtype {frame[column].dtype}")


def require_same_members(
    frame: pd.DataFrame, member: str, by: Sequence[str], func: str, *, hint: str = ""
) -> None:
    """Every cross-section (group of ``by``) holds the same set of ``member`` values.

    A unit entering or leaving the set would move an index computed across it by itself (e.g. two kab/kota
    missing in some years). Reports the first cross-section that lacks a unit present elsewhere.
    """
    by = list(by)
    if not by:
        return
    members = frame.groupby(by, sort=True)[member].agg(frozenset)
    everyone = frozenset().union(*members)
    for key, present in members.items():
        absent = sorted(everyone - present, key=str)
        if absent:
            shown = ", ".join(map(repr, absent[:5])) + (" …" if len(absent) > 5 else "")
            fail(
                func,
                member,
                f"membership changes across {', '.join(by)}: {len(absent)} absent here ({shown}){hint}",
                by,
                key,
            )


def keep_common_members(
    frame: pd.DataFrame, member: str, by: Sequence[str]
) -> tuple[pd.DataFrame, pd.Series]:
    """Rows of the units present in every cross-section, and per cross-section the units dropped
    (``;``-joined, sorted; empty text when none), indexed by the ``by`` key."""
    by = list(by)
    members = frame.groupby(by, sort=True)[member].agg(frozenset)
    common = frozenset.intersection(*members) if len(members) else frozenset()
    dropped = members.map(lambda present: ";".join(sorted(map(str, present - common))))
    return frame[frame[member].isin(common)], dropped


def _key_at(frame: pd.DataFrame, keys: Sequence[str], position: int) -> tuple:
    return tuple(frame[list(keys)].iloc[position])
