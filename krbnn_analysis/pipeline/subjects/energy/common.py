"""Shared vocabulary of the energy tables: PLTx plant-type prefixes, flags, technology columns (the
technologies themselves are ``krbnn_analysis.technologies``).

Used by ``plants`` (existing plants from OSM, GEM and GPPD) and ``ruptl`` (planned plants
from RUPTL 2025–2034), so that both tables name technologies the same way, and by ``grid`` for
substations. This module defines no step.
"""

from __future__ import annotations

import pandas as pd

from krbnn_analysis import regions, technologies
from krbnn_analysis.catalog import Column
from krbnn_analysis.pipeline import geo
from krbnn_analysis.technologies import TECHNOLOGIES

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
    """True / False, or NA for storage and unknown technologies (``technologies.renewable_of``)."""
    flag = technologies.renewable_of(technology)
    return pd.NA if flag is None else flag


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
# Province of a table by province (RUPTL, lines); point tables use geo.POINT_LOCATION instead.
PROVINCE_CODE = Column(
    "region_code", "string", "BPS province code (as assigned upstream)", allowed=regions.KR_BNN_PROVINCES
)
PROVINCE_NAME = Column("region_name", "string", "Official Indonesian name of the province")


def province_disagrees(tagged: pd.DataFrame, declared: str = "region_code") -> pd.Series:
    """True where a point tagged by ``geo.tag_points`` lies in a kab/kota of another province than the
    upstream assigns (column ``declared``); the caller adds the flag ``province_disagrees``."""
    disagrees = tagged["kabkota_code"].notna() & (tagged["province_code"] != tagged[declared])
    return disagrees.fillna(False).astype(bool)
