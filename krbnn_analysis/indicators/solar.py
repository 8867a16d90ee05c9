"""Solar resource: annual clear-sky irradiation at points, computed offline with pvlib."""

from __future__ import annotations

import warnings

import pandas as pd

from krbnn_analysis.indicators._checks import reject_first, require_frame, require_keys

CLEAR_SKY_MODEL = "ineichen"  # Ineichen–Perez, with pvlib's Linke turbidity climatology


def clear_sky_irradiation(
    points: pd.DataFrame,
    *,
    year: int,
    lat: str = "lat",
    lon: str = "lon",
    by: str = "region_code",
) -> pd.DataFrame:
    """Annual global horizontal irradiation under a cloudless sky at each point (kWh/m² per year).

    Formula:
        ``H = Σ_h GHI_clear(t_h) × 1 h / 1000`` over the hours of ``year``, with ``GHI_clear`` (W/m²) from
        the Ineichen–Perez clear-sky model at the middle of each hour (UTC). The atmosphere's
        turbidity is the Linke turbidity of pvlib's monthly climatology at the point (SoDa, Remund et
        al. 2003), interpolated to the day; the altitude is pvlib's built-in altitude at the point.

        Clouds are ignored, so ``H`` is an upper bound of the resource, not a measured or typical
        irradiation.

    Parameters:
        points: one row per ``by`` key with latitude and longitude in degrees (WGS 84).
        year: the calendar year of the hourly time steps (a non-leap year gives 8760 hours).
        lat, lon: coordinate columns.
        by: key column.

    Returns:
        DataFrame with ``by``, ``lat``, ``lon`` and ``clear_sky_kwh_m2`` (kWh/m² per year), in the
        order of ``points``.

    Raises:
        IndicatorInputError: missing columns, duplicate keys, a coordinate missing or out of range.

    References:
        Ineichen, P. and Perez, R. (2002), "A new airmass independent formulation for the Linke
        turbidity coefficient", *Solar Energy* 73(3), 151–157. Remund, J. et al. (2003), "Worldwide
        Linke turbidity information", ISES Solar World Congress. Holmgren, W. F., Hansen, C. W. and
        Mikofski, M. A. (2018), "pvlib python: a python package for modeling solar energy systems",
        *Journal of Open Source Software* 3(29), 884.
    """
    from pvlib.location import Location  # heavy import: only when the estimate is asked for

    func = "clear_sky_irradiation"
    require_frame(points, func, [by, lat, lon])
    require_keys(points, [by], func)
    for column, limit in ((lat, 90.0), (lon, 180.0)):
        values = pd.to_numeric(points[column], errors="coerce")
        reject_first(
            values.isna() | (values.abs() > limit), points, [by], func, column, "missing or out of range"
        )
    times = pd.date_range(f"{year}-01-01 00:30", f"{year}-12-31 23:30", freq="h", tz="UTC")
    with warnings.catch_warnings():  # pvlib 0.16 calls a pandas attribute pandas 4 renames: not ours to fix
        warnings.filterwarnings("ignore", message=r".*dayofyear is deprecated")
        totals = [
            float(Location(y, x, tz="UTC").get_clearsky(times, model=CLEAR_SKY_MODEL)["ghi"].sum()) / 1000.0
            for y, x in zip(points[lat].astype(float), points[lon].astype(float), strict=True)
        ]
    return points[[by, lat, lon]].assign(clear_sky_kwh_m2=totals).reset_index(drop=True)
