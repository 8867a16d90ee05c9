"""Klassen typology: regions classified by growth and income level against a reference."""

from __future__ import annotations

import numpy as np
import pandas as pd

from krbnn_analysis.errors import IndicatorInputError
from krbnn_analysis.indicators._checks import fail, require_frame, require_keys, require_values

# Quadrant → (English label, Indonesian label as used in BPS and Bappeda publications)
KLASSEN_LABELS: dict[int, tuple[str, str]] = {
    1: ("high growth, high income", "daerah maju dan tumbuh cepat"),
    2: ("low growth, high income", "daerah maju tetapi tertekan"),
    3: ("high growth, low income", "daerah berkembang cepat"),
    4: ("low growth, low income", "daerah relatif tertinggal"),
}


def klassen_typology(
    frame: pd.DataFrame,
    *,
    reference: str | tuple[float, float],
    region: str = "region_code",
    growth: str = "growth",
    level: str = "level",
) -> pd.DataFrame:
    """Klassen quadrant of each region from its growth and its per-capita level.

    Formula:
        With ``g`` the region's growth, ``y`` its per-capita level and ``g*``, ``y*`` the reference's:

        ``quadrant 1`` g ≥ g* and y ≥ y* (high growth, high income);
        ``quadrant 2`` g < g* and y ≥ y* (low growth, high income);
        ``quadrant 3`` g ≥ g* and y < y* (high growth, low income);
        ``quadrant 4`` g < g* and y < y* (low growth, low income).

        Ties go to the "high" side. Growth is usually the mean yearly real growth (or CAGR) over a
        period, and the level GRDP per capita at its end or its mean; the function takes both as given.

    Parameters:
        frame: one row per region with the columns ``region``, ``growth`` and ``level``.
        reference: a region code present in the frame (e.g. ``"00"`` Indonesia, or the province for
            its kab/kota), whose row is the reference and is left out of the result; or a tuple
            ``(reference_growth, reference_level)``.
        region: region key column.
        growth: growth column (percent per year; any unit, the same as the reference's).
        level: per-capita level column (e.g. GRDP per capita, thousand IDR), > 0.

    Returns:
        DataFrame with ``region``, the ``growth`` and ``level`` columns (under their input names),
        ``quadrant`` (1–4), ``label`` (English) and ``label_id`` (Indonesian), sorted by region.

    Raises:
        IndicatorInputError: NaN growth, NaN or non-positive level, duplicate regions, a reference
            region not in the frame, a reference tuple with NaN.

    References:
        Klassen, L.H. (1965), *Area Economic and Social Redevelopment: Guidelines for Programmes*,
        OECD, Paris; Sjafrizal (2008), *Ekonomi Regional: Teori dan Aplikasi*, Baduose Media, Padang.
    """
    func = "klassen_typology"
    require_frame(frame, func, [region, growth, level])
    require_keys(frame, [region], func)
    data = frame[[region]].assign(
        growth=require_values(frame, growth, [region], func, nonnegative=False),
        level=require_values(frame, level, [region], func, positive=True),
    )
    if isinstance(reference, str):
        row = data[data[region] == reference]
        if row.empty:
            fail(func, region, f"reference region {reference!r} not in the frame")
        ref_growth, ref_level = float(row["growth"].iloc[0]), float(row["level"].iloc[0])
        data = data[data[region] != reference]
        if data.empty:
            fail(func, region, f"no region besides the reference {reference!r}")
    elif isinstance(reference, tuple) and len(reference) == 2:
        ref_growth, ref_level = (float(x) for x in reference)
        if not (np.isfinite(ref_growth) and np.isfinite(ref_level)):
            fail(func, None, f"reference (growth, level) must be finite, not {reference!r}")
    else:
        raise IndicatorInputError(
            f"{func}: reference must be a region code or a (growth, level) tuple, not {reference!r}"
        )
    fast = data["growth"].to_numpy() >= ref_growth
    rich = data["level"].to_numpy() >= ref_level
    quadrant = np.select([fast & rich, ~fast & rich, fast & ~rich], [1, 2, 3], default=4)
    data = data.assign(quadrant=quadrant)
    data["label"] = data["quadrant"].map(lambda q: KLASSEN_LABELS[q][0])
    data["label_id"] = data["quadrant"].map(lambda q: KLASSEN_LABELS[q][1])
    data = (
        data.rename(columns={"growth": growth, "level": level})
        if (growth, level) != ("growth", "level")
        else data
    )
    return data.sort_values(region).reset_index(drop=True)
