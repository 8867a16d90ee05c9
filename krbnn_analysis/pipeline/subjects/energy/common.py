"""Shared vocabulary of the energy tables: technologies, PLTx plant-type prefixes, flags and point tagging.

Used by ``plants`` (existing plants from OSM, GEM and GPPD) and ``ruptl`` (planned plants
from RUPTL 2025–2034), so that both tables name technologies the same way, and by ``grid`` for
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
# Wider than the study box: plant lists reach a little beyond it (checked by the steps).
LON = geo.lon_column(114.0, 125.5, nullable=True)
LAT = geo.lat_column(-11.5, -7.5, nullable=True)
KABKOTA_CODE, KAB_MATCH = geo.KABKOTA_CODE, geo.KAB_MATCH
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
    out = geo.tag_frame(frame, polygons).drop(columns="kab_distance_km")
    disagrees = out["kabkota_code"].notna() & (out["kabkota_code"].str[:2] != out["region_code"])
    out["province_disagrees"] = disagrees.fillna(False).astype(bool)
    return out
