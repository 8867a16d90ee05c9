"""Shift-share decomposition of regional change by industry (classic, and Esteban-Marquillas)."""

from __future__ import annotations

import pandas as pd

from krbnn_analysis.indicators._checks import (
    fail,
    require_complete_grid,
    require_frame,
    require_integer_time,
    require_keys,
    require_nonzero,
    require_values,
)
from krbnn_analysis.indicators._reference import Reference, reference_values


def shift_share(
    frame: pd.DataFrame,
    *,
    region: str = "region_code",
    industry: str = "industry_code",
    value: str = "value",
    time: str = "year",
    start: int | None = None,
    end: int | None = None,
    reference: Reference = None,
    esteban_marquillas: bool = False,
) -> pd.DataFrame:
    """Decompose the change of each region × industry between two years into three components.

    Formula (classic, Dunn 1960), with ``e`` the region's value, ``E`` the reference's, 0 = start and
    1 = end, ``G = E_1 / E_0 − 1`` (reference total growth) and ``G_i = E_i1 / E_i0 − 1``:

        ``national_share = e_ri0 · G``
        ``industry_mix   = e_ri0 · (G_i − G)``
        ``regional_shift = (e_ri1 − e_ri0) − national_share − industry_mix``
                         ``= e_ri0 · (g_ri − G_i)`` when ``e_ri0 > 0``

        so ``national_share + industry_mix + regional_shift = change = e_ri1 − e_ri0`` exactly (up to
        floating rounding). Writing the regional shift as the residual keeps it defined for an
        industry that starts from zero in the region. Region totals are the sums over industries.

    Esteban-Marquillas (1972) split of the regional shift, with the homothetic value
    ``ê_ri = e_r0 · E_i0 / E_0`` (the region's value with the reference's structure):

        ``competitive_effect = ê_ri · (g_ri − G_i)``
        ``allocation_effect  = (e_ri0 − ê_ri) · (g_ri − G_i) = regional_shift − competitive_effect``

        (allocation > 0: the region is specialised in industries where it is competitive).

    Parameters:
        frame: tidy data, one row per region × industry × year; every region × industry needs both
            ``start`` and ``end`` (other years are ignored).
        region, industry: key columns.
        value: non-negative amount (employment, or value added at constant prices, e.g. billion IDR
            ADHK 2010).
        time: integer year column.
        start, end: the two years; default the first and last year of the frame.
        reference: as in :func:`~krbnn_analysis.indicators.location_quotient`; default the sum of all
            regions in the frame (for provinces: gross value added of the 34 provinces).
        esteban_marquillas: also return ``homothetic_value``, ``competitive_effect`` and
            ``allocation_effect``.

    Returns:
        DataFrame with ``region``, ``industry``, ``start_value``, ``end_value``, ``change``,
        ``national_share``, ``industry_mix``, ``regional_shift`` (all in the unit of ``value``), and the
        Esteban-Marquillas columns when asked.

    Raises:
        IndicatorInputError: a region × industry or reference industry without ``start`` or ``end``
            (misaligned); a reference industry or total of zero at ``start``; with Esteban-Marquillas,
            a zero ``e_ri0`` (its own growth rate is undefined); NaN or negative values; duplicate keys.

    References:
        Dunn, E.S. (1960), "A statistical and analytical technique for regional analysis", *Papers
        and Proceedings of the Regional Science Association* 6, 97–112; Esteban-Marquillas, J.M.
        (1972), "A reinterpretation of shift-share analysis", *Regional and Urban Economics* 2(3),
        249–255; Stevens, B.H. and Moore, C.L. (1980), "A critical review of the literature on shift-
        share as a forecasting technique", *Journal of Regional Science* 20(4), 419–437.
    """
    func = "shift_share"
    keys = [region, industry, time]
    require_frame(frame, func, [*keys, value])
    require_integer_time(frame, time, func)
    require_keys(frame, keys, func)
    start = int(frame[time].min()) if start is None else start
    end = int(frame[time].max()) if end is None else end
    if start >= end:
        fail(func, time, f"start year {start} must be before end year {end}")
    data = frame[keys].assign(_v=require_values(frame, value, keys, func))
    data = data[data[time].isin([start, end])]
    # Both years must be present for every region × industry seen in either year.
    require_complete_grid(data, keys, func, what=f"{time} {start} and {end} for every {region} × {industry}")
    for year in (start, end):
        if not (data[time] == year).any():
            fail(func, time, f"misaligned periods: no row for year {year}")
    if isinstance(reference, pd.DataFrame) and time in reference.columns:
        reference = reference[reference[time].isin([start, end])]  # other years are not used

    ref = reference_values(
        data, region=region, key=[industry, time], value=value, reference=reference, func=func
    )
    ref_wide = ref.pivot(index=industry, columns=time, values="_ref")
    require_nonzero(ref_wide[start], value, func, f"reference value of the {industry} in {start}")
    wide = data.pivot(index=[region, industry], columns=time, values="_v").reset_index()
    wide = wide.rename(columns={start: "start_value", end: "end_value"})
    wide.columns.name = None

    growth_total = ref_wide[end].sum() / ref_wide[start].sum() - 1.0
    growth_industry = (ref_wide[end] / ref_wide[start] - 1.0).rename("_G_i")
    wide = wide.merge(growth_industry, left_on=industry, right_index=True)
    wide["change"] = wide["end_value"] - wide["start_value"]
    wide["national_share"] = wide["start_value"] * growth_total
    wide["industry_mix"] = wide["start_value"] * (wide["_G_i"] - growth_total)
    wide["regional_shift"] = wide["change"] - wide["national_share"] - wide["industry_mix"]
    columns = [
        region,
        industry,
        "start_value",
        "end_value",
        "change",
        "national_share",
        "industry_mix",
        "regional_shift",
    ]

    if esteban_marquillas:
        require_nonzero(
            wide.set_index([region, industry])["start_value"],
            value,
            func,
            f"value in {start}: the region's growth rate, needed by Esteban-Marquillas, is undefined",
        )
        ref_share = (ref_wide[start] / ref_wide[start].sum()).rename("_ref_share")
        wide = wide.merge(ref_share, left_on=industry, right_index=True)
        region_total = wide.groupby(region)["start_value"].transform("sum")
        wide["homothetic_value"] = region_total * wide["_ref_share"]
        own_growth = wide["end_value"] / wide["start_value"] - 1.0
        wide["competitive_effect"] = wide["homothetic_value"] * (own_growth - wide["_G_i"])
        wide["allocation_effect"] = wide["regional_shift"] - wide["competitive_effect"]
        columns += ["homothetic_value", "competitive_effect", "allocation_effect"]
    return wide[columns].sort_values([region, industry], kind="stable").reset_index(drop=True)
