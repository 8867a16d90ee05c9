"""Shared vocabulary of the energy tables: technologies, PLTx plant-type prefixes, flags and point tagging.

Used by ``energy_plants`` (existing plants from OSM, GEM and GPPD) and ``energy_ruptl`` (planned plants
from RUPTL 2025–2034), so that both tables name technologies the same way, and by ``energy_grid`` for
substations. This module defines no step.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from krbnn_analysis import regions
from krbnn_analysis.catalog import Column
from krbnn_analysis.pipeline import geo
from krbnn_analysis.pipeline.common import require

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

# Indonesian plant-type prefixes (Pembangkit Listrik Tenaga …) → technology.
PLTX_TECHNOLOGY = {
    "PLTU": "coal",  # uap (steam); in this region all steam plants burn coal
    "PLTG": "gas",
    "PLTGU": "gas",  # combined cycle
    "PLTMG": "gas",  # gas engine
    "PLTDG": "gas",  # dual-fuel diesel–gas engines, tagged gas in OSM
    "PLTD": "diesel",
    "PLTP": "geothermal",
    "PLTA": "hydro",
    "PLTM": "hydro",  # minihidro
    "PLTMH": "hydro",  # mikrohidro
    "PLTS": "solar",
    "PLTB": "wind",  # bayu
    "PLTBm": "biomass",
    "PLTAL": "ocean",  # arus laut
    "BESS": "storage",
}


def renewable_of(technology: str) -> object:
    """True / False, or NA for storage and unknown technologies."""
    if technology in RENEWABLE:
        return True
    if technology in NOT_RENEWABLE:
        return False
    return pd.NA


def join_flags(flags: Iterable[str]) -> object:
    """Sorted, de-duplicated ``a;b`` text, or NA when there is no flag."""
    unique = sorted(set(flags))
    return ";".join(unique) if unique else pd.NA


FLAGS_PATTERN = r"[a-z0-9_]+(;[a-z0-9_]+)*"


def flags_column(description: str) -> Column:
    return Column("flags", "string", description, nullable=True, pattern=FLAGS_PATTERN)


TECHNOLOGY = Column(
    "technology", "string", "Technology (shared vocabulary of the energy tables)", allowed=TECHNOLOGIES
)
RENEWABLE_COLUMN = Column(
    "renewable",
    "boolean",
    "True for geothermal, hydro, solar, wind, biomass, ocean; empty for storage/unknown",
    nullable=True,
)
LON = Column("lon", "float", "Longitude, WGS84", unit="degree", nullable=True, minimum=114.0, maximum=125.5)
LAT = Column("lat", "float", "Latitude, WGS84", unit="degree", nullable=True, minimum=-11.5, maximum=-7.5)
KABKOTA_CODE = Column(
    "kabkota_code",
    "string",
    "BPS code of the kab/kota the point lies in (point-in-polygon; nearest polygon within 5 km)",
    nullable=True,
    pattern=r"5[123]\d{2}",
)
KAB_MATCH = Column(
    "kab_match",
    "string",
    "inside, nearest (within 5 km of a simplified polygon), outside or no_coords",
    allowed=("inside", "nearest", "outside", "no_coords"),
)
PROVINCE_CODE = Column(
    "region_code", "string", "BPS province code (as assigned upstream)", allowed=regions.KR_BNN_PROVINCES
)
PROVINCE_NAME = Column("region_name", "string", "Official Indonesian name of the province")


def tag_points(frame: pd.DataFrame, polygons, *, file: str) -> pd.DataFrame:
    """Add ``kabkota_code`` and ``kab_match``; flag points whose kab/kota lies in another province.

    The upstream's province assignment (``region_code``) is kept; a disagreement with the point-in-polygon
    kab/kota adds the flag ``province_disagrees`` (the caller joins flags).
    """
    require(frame.index.is_unique, "point frame index must be unique", file=file)
    points = geo.points_from_lonlat(frame, "lon", "lat")
    tags = geo.tag_kabkota(points, polygons)
    out = frame.copy()
    out["kabkota_code"] = tags["kabkota_code"].astype("string")
    out["kab_match"] = tags["kab_match"].astype("string")
    disagrees = out["kabkota_code"].notna() & (out["kabkota_code"].str[:2] != out["region_code"])
    out["province_disagrees"] = disagrees.fillna(False).astype(bool)
    return out
