"""Energy: renewable share, utilisation of potential, capacity factor, and per-capita normalisation."""

from __future__ import annotations

import numpy as np
import pandas as pd

from krbnn_analysis.indicators._checks import (
    Columns,
    as_list,
    fail,
    reject_first,
    require_frame,
    require_keys,
    require_nonzero,
    require_values,
)
from krbnn_analysis.technologies import renewable_of
from krbnn_analysis.validation import first_position

HOURS_PER_YEAR = 8760.0  # 365 × 24; pass hours=8784 for a leap year if the data are that exact


def renewable_share(
    frame: pd.DataFrame,
    *,
    value: str = "value",
    technology: str = "technology",
    flag: str = "renewable",
    by: Columns = ("region_code", "year"),
) -> pd.DataFrame:
    """Share of renewable technologies in installed capacity or in generation, as a fraction.

    Formula:
        ``renewable_share = Σ_{rows flagged renewable} x / Σ_rows x`` within each ``by`` group.

        Each row counts by its own ``renewable`` flag, as the curated energy tables carry it
        (``power_plants``, ``ruptl_planned_generation``, ``ruptl_planned_capacity_by_type``,
        ``electricity_2019_by_type``). A frame without that column is flagged from its ``technology``
        column by the energy tables' vocabulary (``krbnn_analysis.technologies``); a label outside it
        raises. Rows with an empty flag (storage, unknown technology, a ``total`` row) raise too: they
        are neither renewable nor not, so leave them out explicitly. The same function serves capacity
        (MW) and generation (GWh); never mix the two in one frame.

    Parameters:
        frame: tidy data, one row per plant or per ``by`` × technology.
        value: capacity (MW) or energy (GWh), ≥ 0.
        technology: column naming the technology (or plant type); used in messages, and to flag the
            rows when ``flag`` is not a column of ``frame``.
        flag: boolean column, True for renewable rows.
        by: columns identifying a system (e.g. region and year; ``("province_code",)`` for plant lists).

    Returns:
        DataFrame with the ``by`` columns, ``renewable_value`` and ``total`` (unit of ``value``) and
        ``renewable_share`` (fraction 0–1).

    Raises:
        IndicatorInputError: an empty flag or a technology outside the vocabulary (names the row's key),
            a group with zero total, NaN or negative values, missing ``by`` values.

    References:
        IRENA (2024), *Renewable Energy Statistics 2024*, International Renewable Energy Agency,
            Abu Dhabi (definitions of renewable capacity and generation).
    """
    func = "renewable_share"
    group = as_list(by)
    keys = [*group, technology]
    require_frame(frame, func, [*keys, value])
    for column in group:
        reject_first(frame[column].isna(), frame, keys, func, column, "missing value")
    if flag in frame.columns:
        flags = frame[flag].astype("boolean")
    else:
        flags = frame[technology].map(renewable_of).astype("boolean")
    where = f"empty {flag!r} flag" if flag in frame.columns else "not a renewable or non-renewable technology"
    problem = f"{where}: leave storage, unknown and total rows out"
    reject_first(flags.isna(), frame, keys, func, technology, problem)
    data = frame[group].assign(_v=require_values(frame, value, keys, func), _all=0)
    data["_r"] = data["_v"].where(flags.to_numpy(dtype=bool), 0.0)
    grp = group or ["_all"]
    out = data.groupby(grp, sort=True).agg(renewable_value=("_r", "sum"), total=("_v", "sum"))
    require_nonzero(out["total"], value, func, "total of the group", keys=grp)
    out["renewable_share"] = out["renewable_value"] / out["total"]
    return out.reset_index()[[*group, "renewable_value", "total", "renewable_share"]]


def potential_utilisation(
    frame: pd.DataFrame,
    *,
    installed: str = "installed_mw",
    potential: str = "potential_mw",
    by: Columns = ("region_code", "technology"),
) -> pd.DataFrame:
    """Share of a technical potential that is already installed (e.g. geothermal MW vs potential MW).

    Formula:
        ``utilisation = installed / potential`` (fraction). Values above 1 are returned, not
        rejected: a potential estimate can be older or narrower than what was built since.

    Parameters:
        frame: one row per ``by`` key, with both columns in the same unit (MW).
        installed: installed capacity (≥ 0).
        potential: potential capacity (> 0).
        by: key columns.

    Returns:
        DataFrame with the ``by`` columns and ``utilisation`` (fraction).

    Raises:
        IndicatorInputError: a zero or negative potential, NaN or negative installed capacity,
            duplicate keys.

    References:
        IRENA (2014), *Estimating the Renewable Energy Potential in Africa: A GIS-based Approach*,
        Abu Dhabi (technical potential); Kementerian ESDM, *Rencana Umum Energi Nasional* (Perpres
        22/2017), Lampiran I (renewable potential of Indonesia by source).
    """
    func = "potential_utilisation"
    keys = as_list(by)
    require_frame(frame, func, [*keys, installed, potential])
    require_keys(frame, keys, func)
    data = frame[keys].assign(
        _i=require_values(frame, installed, keys, func),
        _p=require_values(frame, potential, keys, func, positive=True),
    )
    data["utilisation"] = data["_i"] / data["_p"]
    return data[[*keys, "utilisation"]].reset_index(drop=True)


def capacity_factor(
    frame: pd.DataFrame,
    *,
    energy: str = "generation_gwh",
    capacity: str = "capacity_mw",
    by: Columns = ("region_code", "year"),
    hours: float = HOURS_PER_YEAR,
) -> pd.DataFrame:
    """Capacity factor: energy produced over the energy the capacity could produce running all year.

    Formula:
        ``capacity_factor = E × 1000 / (P × hours)`` with E in GWh (× 1000 → MWh), P in MW and
        ``hours = 8760`` for a year (fraction 0–1).

        A factor above 1 is physically impossible: it means a unit mix-up (MWh for GWh, kW for MW)
        or capacity that excludes some generators (rented or captive plants), and raises.

    Parameters:
        frame: one row per ``by`` key.
        energy: energy generated, GWh (≥ 0).
        capacity: installed capacity, MW (> 0).
        by: key columns.
        hours: hours of the period (8760 for a year; 8784 for a leap year, 744 for a 31-day month).

    Returns:
        DataFrame with the ``by`` columns and ``capacity_factor`` (fraction).

    Raises:
        IndicatorInputError: zero or negative capacity, NaN or negative energy, a factor > 1, duplicate
            keys.

    References:
        U.S. Energy Information Administration, *Glossary*, "Capacity factor"; IRENA (2023),
        *Renewable Power Generation Costs in 2022*, Annex (capacity factor definition).
    """
    func = "capacity_factor"
    keys = as_list(by)
    require_frame(frame, func, [*keys, energy, capacity])
    require_keys(frame, keys, func)
    if not (np.isfinite(hours) and hours > 0):
        fail(func, None, f"hours must be a positive number, not {hours!r}")
    e = require_values(frame, energy, keys, func)
    p = require_values(frame, capacity, keys, func, positive=True)
    factor = e * 1000.0 / (p * hours)
    at = first_position(factor > 1.0)
    if at is not None:
        fail(
            func,
            energy,
            f"capacity factor {factor[at]:.3f} > 1: check the units (GWh and MW) and the capacity",
            keys,
            tuple(frame[keys].iloc[at]),
        )
    return frame[keys].assign(capacity_factor=factor).reset_index(drop=True)


def per_capita(
    frame: pd.DataFrame,
    population: pd.DataFrame,
    *,
    value: str = "value",
    population_value: str = "value",
    on: Columns = ("region_code", "year"),
    scale: float = 1.0,
) -> pd.DataFrame:
    """Divide a quantity by population, matching rows on region and year.

    Formula:
        ``per_capita = value × scale / population``. ``scale`` converts units, e.g. GWh per person
        → kWh per person: ``scale=1e6``; billion IDR per person → thousand IDR: ``scale=1e6``.

    Parameters:
        frame: the quantity (e.g. electricity consumption, GWh), one row per ``on`` key.
        population: population (persons, > 0), one row per ``on`` key, e.g. ``load("population")``
            filtered to one method.
        value: quantity column of ``frame`` (any sign: e.g. a budget balance may be negative).
        population_value: population column of ``population``.
        on: key columns present in both frames.
        scale: unit factor applied to the numerator.

    Returns:
        DataFrame with the ``on`` columns and ``per_capita`` (unit of ``value`` × ``scale`` per person),
        in the row order of ``frame``.

    Raises:
        IndicatorInputError: a key of ``frame`` without population (misaligned regions or years),
            duplicate keys in either frame, NaN values, non-positive population.

    References:
        United Nations Statistics Division (2017), *Principles and Recommendations for Population and
        Housing Censuses*, Rev. 3 (population as the denominator of per-capita indicators).
    """
    func = "per_capita"
    keys = as_list(on)
    require_frame(frame, func, [*keys, value])
    require_frame(population, func, [*keys, population_value], name="population")
    require_keys(frame, keys, func)
    require_keys(population, keys, func)
    data = frame[keys].assign(_v=require_values(frame, value, keys, func, nonnegative=False))
    pop = population[keys].assign(_p=require_values(population, population_value, keys, func, positive=True))
    merged = data.merge(pop, on=keys, how="left")
    reject_first(
        merged["_p"].isna(),
        merged,
        keys,
        func,
        population_value,
        "misaligned data: no population for this key",
    )
    merged["per_capita"] = merged["_v"] * scale / merged["_p"]
    return merged[[*keys, "per_capita"]]
