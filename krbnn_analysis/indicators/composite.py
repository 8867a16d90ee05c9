"""Composite indices: several indicators of one unit rolled into one score."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from krbnn_analysis.errors import IndicatorInputError
from krbnn_analysis.indicators._checks import require_frame, require_values


def scaled_mean_index(frame: pd.DataFrame, components: Sequence[str]) -> pd.Series:
    """Equal-weight mean of components each rescaled to 0–1 by its own range (min–max).

    Formula:
        ``s_ij = (x_ij − min_i x_ij) / (max_i x_ij − min_i x_ij)`` for each component j over the
        units i; ``index_i = (1/J) Σ_j s_ij``. Components must point the same way (e.g. all larger
        = more remote); a component with no spread scores 0 for every unit.

    Parameters:
        frame: one row per unit (e.g. kab/kota), numeric component columns.
        components: the columns to combine (at least one), finite.

    Returns:
        Series of the index (0–1), on the index of ``frame``.

    Raises:
        IndicatorInputError: no component, a missing column or a NaN / infinite value.

    References:
        OECD and JRC (2008), *Handbook on Constructing Composite Indicators: Methodology and User
        Guide*, OECD Publishing, §5.2 (min–max normalisation) and §6.1 (equal weighting).
    """
    func = "scaled_mean_index"
    columns = list(components)
    if not columns:
        raise IndicatorInputError(f"{func}: at least one component is needed")
    require_frame(frame, func, columns)
    scaled = {}
    for column in columns:
        values = pd.Series(require_values(frame, column, [], func, nonnegative=False), index=frame.index)
        spread = values.max() - values.min()
        scaled[column] = (values - values.min()) / spread if spread > 0 else values * 0.0
    return pd.DataFrame(scaled).mean(axis=1)
