"""The reference economy of location quotients, Krugman indices, RCA and shift-share.

``reference`` is one of

* ``None``: the sum over all regions in the frame (e.g. the sum of the 34 provinces' industries, which
  is gross value added, for GRDP by industry);
* a region code present in the frame (e.g. ``"00"``): that region's own rows;
* a DataFrame with the industry column (and the time column, if any) and the value column: external
  reference values (e.g. world exports by product).
"""

from __future__ import annotations

import pandas as pd

from krbnn_analysis.errors import IndicatorInputError
from krbnn_analysis.indicators._checks import (
    fail,
    require_frame,
    require_keys,
    require_same_keys,
    require_values,
)

Reference = str | pd.DataFrame | None


def reference_values(
    data: pd.DataFrame,
    *,
    region: str,
    key: list[str],
    value: str,
    reference: Reference,
    func: str,
) -> pd.DataFrame:
    """Reference values as a frame with the ``key`` columns (industry, time…) and ``_ref``.

    ``data`` holds the validated frame with its values in ``_v``. The reference must cover exactly
    the keys of ``data``: an industry or year in one but not the other raises.
    """
    if reference is None:
        return data.groupby(key, sort=False)["_v"].sum().rename("_ref").reset_index()
    if isinstance(reference, str):
        rows = data[data[region] == reference]
        if rows.empty:
            fail(func, region, f"reference region {reference!r} not in the data")
        return rows[key].assign(_ref=rows["_v"].to_numpy())
    if isinstance(reference, pd.DataFrame):
        require_frame(reference, func, [*key, value], name="reference")
        require_keys(reference, key, func)
        ref = reference[key].assign(_ref=require_values(reference, value, key, func))
        require_same_keys(
            pd.MultiIndex.from_frame(data[key]).unique(),
            pd.MultiIndex.from_frame(ref[key]),
            func,
            left_name="frame",
            right_name="reference",
        )
        return ref
    raise IndicatorInputError(
        f"{func}: reference must be None, a region code or a DataFrame, not {type(reference).__name__}"
    )
