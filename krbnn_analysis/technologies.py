"""The energy technologies the curated energy tables share, and which of them are renewable.

``power_plants``, ``ruptl_planned_generation`` and ``ruptl_planned_capacity_by_type`` name technologies from
``TECHNOLOGIES`` and carry a ``renewable`` flag set by ``renewable_of``; ``indicators.renewable_share``
reads the same flag (or these lists, for a frame without one).
"""

from __future__ import annotations

TECHNOLOGIES = (
    "coal",
    "gas",
    "diesel",
    "dual_fuel",  # diesel and gas engines (OSM plant:source "diesel;gas")
    "geothermal",
    "hydro",
    "solar",
    "wind",
    "biomass",
    "ocean",
    "storage",  # battery energy storage (BESS): not generation
    "unknown",
)
RENEWABLE = frozenset({"geothermal", "hydro", "solar", "wind", "biomass", "ocean"})
NOT_RENEWABLE = frozenset({"coal", "gas", "diesel", "dual_fuel"})


def renewable_of(technology: str) -> bool | None:
    """True / False, or None for storage and unknown technologies (neither renewable nor not)."""
    if technology in RENEWABLE:
        return True
    if technology in NOT_RENEWABLE:
        return False
    return None


# The order of technologies in charts and tables: fossil first, then renewables. Its position also fixes each
# technology's colour in briefings (report.energy), so that a technology looks the same in every chart.
CHART_ORDER = ("coal", "gas", "dual_fuel", "geothermal", "hydro", "solar", "wind", "biomass", "ocean")
