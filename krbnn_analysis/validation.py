"""Reading and checking curated tables against their catalog entry.

Three layers, each failing with an error that names the file, the column and the row:

1. ``read_table`` parses the file with every column read as text, then converts each column to its
   declared type, so a non-numeric value is reported with its row instead of a bare ``ValueError``.
2. ``validate_table`` checks the declared columns (missing, extra), value checks (allowed values,
   pattern, minimum/maximum, nullability) with pandera, and the uniqueness of the primary key.
3. ``sha256_file`` lets the loader compare the file's bytes with the hash in the catalog.

Rows are reported as 0-based table rows; for CSV files the file line is given too (header = line 1).

``first_position`` and ``to_numbers`` are the package's one way of turning "the first bad row" into a
typed error: the pipeline (``pipeline.common``, ``pipeline.upstream``) and the indicators use them too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from krbnn_analysis.catalog import Column, Dataset
from krbnn_analysis.errors import MissingFileError, ParseError, SchemaValidationError


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def first_position(mask: pd.Series | np.ndarray) -> int | None:
    """0-based position of the first true value of a boolean mask (missing counts as false), or None."""
    values = mask.fillna(False) if isinstance(mask, pd.Series) else mask
    positions = np.flatnonzero(np.asarray(values, dtype=bool))
    return int(positions[0]) if positions.size else None


def to_numbers(
    text: pd.Series,
    *,
    file: Path | str,
    column: str,
    row: Callable[[int], object] = lambda position: position,
    shown: pd.Series | None = None,
) -> pd.Series:
    """Text → float64, missing staying missing; the first value that is not a number raises
    ``SchemaValidationError`` naming the file, the column and ``row(position)`` (the value as in ``shown``,
    e.g. before thousands separators were removed)."""
    converted = pd.to_numeric(text, errors="coerce")
    position = first_position(text.notna() & converted.isna())
    if position is not None:
        value = (shown if shown is not None else text).iloc[position]
        raise SchemaValidationError(f"not a number: {value!r}", file=file, column=column, row=row(position))
    return converted.astype("float64")


def _plain(value: object) -> object:
    """numpy scalar → Python scalar, so messages read 'value -3.0', not 'np.float64(-3.0)'."""
    return value.item() if hasattr(value, "item") else value


def _row_label(dataset: Dataset, frame: pd.DataFrame | None, row: object) -> str:
    row = _plain(row)
    if not isinstance(row, int | float) or isinstance(row, bool) or pd.isna(row):
        return str(row)
    row = int(row)
    label = f"{row}"
    if dataset.format == "csv":
        label += f" (line {row + 2})"
    if frame is not None and dataset.primary_key and row in frame.index:
        key = ", ".join(
            f"{k}={_plain(frame.at[row, k])!r}" for k in dataset.primary_key if k in frame.columns
        )
        if key:
            label += f" [{key}]"
    return label


# --- reading --------------------------------------------------------------------------------------


def _read_raw(path: Path, dataset: Dataset) -> pd.DataFrame:
    if not path.exists():
        raise MissingFileError(f"file of table {dataset.name!r} not found", file=path)
    if path.stat().st_size == 0:
        raise ParseError(f"file of table {dataset.name!r} is empty", file=path)
    try:
        if dataset.format == "csv":
            return pd.read_csv(
                path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8", engine="c"
            )
        if dataset.format == "geojson":
            import geopandas as gpd

            return gpd.read_file(path, engine="pyogrio")
    except UnicodeDecodeError as error:
        raise ParseError(f"not UTF-8 text ({error.reason} at byte {error.start})", file=path) from None
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError, json.JSONDecodeError) as error:
        raise ParseError(f"cannot parse as {dataset.format}: {error}", file=path) from None
    except Exception as error:  # pyogrio raises its own DataSourceError family
        raise ParseError(f"cannot read as {dataset.format}: {error}", file=path) from None
    raise ParseError(f"unsupported format {dataset.format!r}", file=path)


def _convert(series: pd.Series, column: Column, dataset: Dataset, path: Path) -> pd.Series:
    if column.type in ("string", "geometry"):
        return series
    if column.type == "boolean":
        mapping = {"true": True, "false": False, "True": True, "False": False}
        if series.dtype == bool:
            return series
        converted = series.map(mapping)
        row = first_position(series.notna() & converted.isna())
        if row is not None:
            raise SchemaValidationError(
                f"not a boolean: {series.iloc[row]!r}",
                file=path,
                column=column.name,
                row=_row_label(dataset, None, row),
            )
        return converted.astype("boolean")
    label = lambda position: _row_label(dataset, None, position)  # noqa: E731
    converted = to_numbers(series, file=path, column=column.name, row=label)
    if column.type == "integer":
        row = first_position(converted.notna() & (converted != converted.round()))
        if row is not None:
            raise SchemaValidationError(
                f"not an integer: {series.iloc[row]!r}", file=path, column=column.name, row=label(row)
            )
        return converted.astype("Int64") if column.nullable else converted.astype("int64", errors="ignore")
    return converted


def read_table(path: Path, dataset: Dataset) -> pd.DataFrame:
    """Parse a curated file and give each declared column its declared type."""
    frame = _read_raw(path, dataset)
    check_columns(frame, dataset, path)
    for column in dataset.columns:
        row = first_position(frame[column.name].isna())
        if column.type == "integer" and not column.nullable and row is not None:
            raise SchemaValidationError(
                "missing value in a non-nullable column",
                file=path,
                column=column.name,
                row=_row_label(dataset, None, row),
            )
        frame[column.name] = _convert(frame[column.name], column, dataset, path)
    return frame


# --- checking -------------------------------------------------------------------------------------


def check_columns(frame: pd.DataFrame, dataset: Dataset, path: Path | str) -> None:
    declared = [c.name for c in dataset.columns]
    missing = [c for c in declared if c not in frame.columns]
    if missing:
        extra = [c for c in frame.columns if c not in declared]
        hint = f" (found instead: {', '.join(map(str, extra))})" if extra else ""
        raise SchemaValidationError(f"declared column is missing{hint}", file=path, column=missing[0])
    extra = [c for c in frame.columns if c not in declared]
    if extra:
        raise SchemaValidationError("column is not declared in the catalog", file=path, column=str(extra[0]))


_DTYPE_CHECKS = {
    "string": lambda s: pd.api.types.is_string_dtype(s) or s.dtype == object,
    "integer": pd.api.types.is_integer_dtype,
    "float": pd.api.types.is_float_dtype,
    "boolean": pd.api.types.is_bool_dtype,
    "geometry": lambda s: getattr(s, "geom_type", None) is not None,
}


def _pandera_column(column: Column) -> pa.Column:
    checks: list[pa.Check] = []
    if column.allowed is not None:
        checks.append(pa.Check.isin(list(column.allowed)))
    if column.pattern is not None:
        checks.append(pa.Check.str_matches(rf"^(?:{column.pattern})\Z"))
    if column.minimum is not None:
        checks.append(pa.Check.ge(column.minimum))
    if column.maximum is not None:
        checks.append(pa.Check.le(column.maximum))
    if column.type == "float":
        checks.append(pa.Check(lambda s: ~s.isin([float("inf"), float("-inf")]), error="finite"))
    return pa.Column(checks=checks, nullable=column.nullable, required=True, coerce=False)


def schema_for(dataset: Dataset) -> pa.DataFrameSchema:
    columns = {c.name: _pandera_column(c) for c in dataset.columns if c.type != "geometry"}
    return pa.DataFrameSchema(columns, strict=False, coerce=False, name=dataset.name)


def validate_table(frame: pd.DataFrame, dataset: Dataset, path: Path | str) -> None:
    """Raise ``SchemaValidationError`` (file, column, row) at the first problem found."""
    check_columns(frame, dataset, path)
    for column in dataset.columns:
        if not _DTYPE_CHECKS[column.type](frame[column.name]):
            raise SchemaValidationError(
                f"has dtype {frame[column.name].dtype}, expected {column.type}", file=path, column=column.name
            )
        if column.type == "geometry":
            row = first_position(frame[column.name].isna() | frame[column.name].is_empty)
            if row is not None:
                raise SchemaValidationError(
                    "empty geometry", file=path, column=column.name, row=_row_label(dataset, frame, row)
                )
    try:
        schema_for(dataset).validate(frame, lazy=True)
    except SchemaErrors as errors:
        cases = errors.failure_cases
        first = cases.iloc[0]
        n = len(cases)
        more = f" ({n - 1} more failure{'s' if n > 2 else ''})" if n > 1 else ""
        value = _plain(first["failure_case"])
        problem = (
            "missing value in a non-nullable column"
            if first["check"] == "not_nullable"
            else f"check {first['check']} failed for value {value!r}"
        )
        raise SchemaValidationError(
            f"{problem}{more}",
            file=path,
            column=str(first["column"]),
            row=_row_label(dataset, frame, first["index"]),
        ) from None
    if dataset.primary_key:
        row = first_position(frame.duplicated(list(dataset.primary_key), keep="first"))
        if row is not None:
            raise SchemaValidationError(
                f"duplicate primary key ({', '.join(dataset.primary_key)})",
                file=path,
                column=",".join(dataset.primary_key),
                row=_row_label(dataset, frame.reset_index(drop=True), row),
            )
