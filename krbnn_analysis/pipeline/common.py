"""Small helpers shared by the derivation steps."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from krbnn_analysis import regions
from krbnn_analysis.errors import SchemaValidationError
from krbnn_analysis.validation import first_position, to_numbers


def with_region_columns(frame: pd.DataFrame, code_column: str = "region_code") -> pd.DataFrame:
    """Add ``region_name`` (official Indonesian name) and ``region_level`` from the registry."""
    out = frame.copy()
    codes = out[code_column].astype(str)
    out["region_name"] = codes.map(lambda c: regions.get(c).name)
    out["region_level"] = codes.map(lambda c: regions.get(c).level)
    return out


def join_flags(flags: Iterable[str]) -> object:
    """Sorted, de-duplicated ``a;b`` text, or NA when there is no flag (the ``flags`` columns)."""
    unique = sorted(set(flags))
    return ";".join(unique) if unique else pd.NA


def require(
    condition: bool, message: str, *, file: str | None = None, column: str | None = None, row: object = None
) -> None:
    """Fail the build loudly when an expectation grounded in the upstream release does not hold."""
    if not condition:
        raise SchemaValidationError(message, file=file, column=column, row=row)


def require_close(actual: float, expected: float, tolerance: float, what: str, *, file: str) -> None:
    require(
        abs(actual - expected) <= tolerance,
        f"{what}: expected {expected} (±{tolerance}), found {actual}",
        file=file,
    )


def parse_number_strings(values: pd.Series, *, file: str, column: str) -> pd.Series:
    """'  8,200 ' → 8200.0 (thousands separators and padding as in the QuaRCS files)."""
    text = values.astype("string").str.strip().str.replace(",", "", regex=False).replace("", pd.NA)
    return to_numbers(text, file=file, column=column, row=lambda p: int(values.index[p]), shown=values)


def single_value(frame: pd.DataFrame, what: str, *, file: str, **where: object) -> float:
    mask = pd.Series(True, index=frame.index)
    for column, value in where.items():
        mask &= frame[column] == value
    matched = frame.loc[mask, "value"]
    require(len(matched) == 1, f"{what}: expected one row for {where}, found {len(matched)}", file=file)
    return float(matched.iloc[0])


def concat(frames: Iterable[pd.DataFrame]) -> pd.DataFrame:
    return pd.concat(list(frames), ignore_index=True)


def check_unique(frame: pd.DataFrame, keys: list[str], *, file: str, what: str = "key") -> None:
    """No two rows share ``keys`` (names the first repeated row)."""
    index = first_position(frame.duplicated(keys, keep="first"))
    if index is not None:
        key = ", ".join(f"{k}={frame[k].iloc[index]!r}" for k in keys)
        raise SchemaValidationError(f"duplicate {what} ({key})", file=file, column=",".join(keys), row=index)


def check_range(frame: pd.DataFrame, column: str, low: float, high: float, *, file: str) -> None:
    """Every non-missing value of ``column`` lies in [low, high] (names the first one outside)."""
    values = pd.to_numeric(frame[column], errors="coerce")
    index = first_position(values.notna() & ((values < low) | (values > high)))
    if index is not None:
        raise SchemaValidationError(
            f"value {frame[column].iloc[index]!r} outside [{low}, {high}]",
            file=file,
            column=column,
            row=index,
        )


def check_values_in(frame: pd.DataFrame, column: str, allowed: set[object], *, file: str) -> None:
    """Every value of ``column`` is one of ``allowed`` (e.g. the expected unit; names the first other)."""
    index = first_position(~frame[column].isin(list(allowed)))
    if index is not None:
        raise SchemaValidationError(
            f"unexpected value {frame[column].iloc[index]!r} (expected one of {sorted(map(str, allowed))})",
            file=file,
            column=column,
            row=int(frame.index[index]),
        )


def first_row(mask: pd.Series) -> int:
    """Label of the first row where ``mask`` is true (for error messages)."""
    return int(mask.index[first_position(mask)])
