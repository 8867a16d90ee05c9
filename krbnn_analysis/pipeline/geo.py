"""Spatial helpers for derivations: kab/kota polygons with BPS codes, and tagging points with them.

Points (airports, ports, power plants, substations…) are tagged by ``tag_points``: a point-in-polygon test
against the kab/kota polygons of the upstream folder; points just off a simplified coastline fall back to
the nearest polygon within ``max_distance_km``. Every point table carries the same location columns,
``POINT_LOCATION``. Distances are measured on an equal-area projection (EPSG:6933), adequate at the
few-km scale used here.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd

from krbnn_analysis import regions
from krbnn_analysis.catalog import Column
from krbnn_analysis.pipeline.core import COORDINATE_DECIMALS
from krbnn_analysis.pipeline.upstream import UpstreamFiles

KABKOTA_POLYGONS = "cahyadsn-kabkota-bali-ntb-ntt"
METRIC_CRS = "EPSG:6933"
DEFAULT_MAX_DISTANCE_KM = 5.0  # coastal points sit up to a few km off the simplified polygons
STUDY_LON = (114.4, 125.2)  # the study box of the upstream region extracts (upstream README)
STUDY_LAT = (-11.1, -8.0)


# --- columns of a point table tagged with tag_points -------------------------------------------------------


def lon_column(low: float = STUDY_LON[0], high: float = STUDY_LON[1], *, nullable: bool = False) -> Column:
    return Column(
        "lon",
        "float",
        "Longitude, WGS84 (EPSG:4326)",
        unit="degree",
        nullable=nullable,
        minimum=low,
        maximum=high,
    )


def lat_column(low: float = STUDY_LAT[0], high: float = STUDY_LAT[1], *, nullable: bool = False) -> Column:
    return Column(
        "lat",
        "float",
        "Latitude, WGS84 (EPSG:4326)",
        unit="degree",
        nullable=nullable,
        minimum=low,
        maximum=high,
    )


KABKOTA_CODE = Column(
    "kabkota_code",
    "string",
    "BPS code of the kab/kota the point lies in (point-in-polygon, or the nearest polygon within the "
    "table's stated distance); empty when farther or without coordinates",
    nullable=True,
    pattern=r"5[123]\d{2}",
)
KAB_MATCH = Column(
    "kab_match",
    "string",
    "inside (in a kab/kota polygon), nearest (off the simplified coastline, within the stated distance of "
    "the nearest polygon), outside (farther: no kab/kota) or no_coords",
    allowed=("inside", "nearest", "outside", "no_coords"),
)
KAB_DISTANCE = Column(
    "kab_distance_km",
    "float",
    "Distance to the nearest kab/kota polygon (0 inside), EPSG:6933; empty without coordinates",
    unit="km",
    nullable=True,
    minimum=0,
)
PROVINCE_CODE = Column(
    "province_code",
    "string",
    "BPS province code: that of the kab/kota polygon, else (point off every polygon or without "
    "coordinates) the province the upstream declares",
    allowed=regions.KR_BNN_PROVINCES,
)
PROVINCE_NAME = Column("province_name", "string", "Official province name (registry)")
KABKOTA_NAME = Column("kabkota_name", "string", "Official kab/kota name (registry)", nullable=True)
POINT_LOCATION = (PROVINCE_CODE, PROVINCE_NAME, KABKOTA_CODE, KABKOTA_NAME, KAB_MATCH, KAB_DISTANCE)


def kabkota_polygons(files: UpstreamFiles) -> gpd.GeoDataFrame:
    """The 41 kab/kota polygons with ``region_code`` (BPS, through the explicit Kemendagri table).

    The step must declare ``KABKOTA_POLYGONS`` among its inputs.
    """
    raw = files.read_file(KABKOTA_POLYGONS)
    codes = regions.harmonise(raw["kode"], file=str(files.path(KABKOTA_POLYGONS)), column="kode")
    return gpd.GeoDataFrame(
        {"region_code": codes}, geometry=raw.geometry.make_valid().to_numpy(), crs="EPSG:4326"
    )


def tag_kabkota(
    points: gpd.GeoDataFrame,
    polygons: gpd.GeoDataFrame,
    *,
    max_distance_km: float = DEFAULT_MAX_DISTANCE_KM,
) -> pd.DataFrame:
    """For each point: ``kabkota_code`` (BPS), ``kab_match`` and ``kab_distance_km``.

    ``kab_match`` is ``inside`` (in a polygon; the first by code if polygons overlap), ``nearest`` (within
    ``max_distance_km`` of the nearest polygon), ``outside`` (farther: code left empty) or ``no_coords``.
    Returns a frame aligned on ``points.index``.
    """
    out = pd.DataFrame(index=points.index, columns=["kabkota_code", "kab_match", "kab_distance_km"])
    out["kab_match"] = "no_coords"
    out["kab_distance_km"] = np.nan
    valid = points.geometry.notna() & ~points.geometry.is_empty
    if not valid.any():
        return out
    located = points.loc[valid, ["geometry"]].to_crs(METRIC_CRS)
    shapes = polygons[["region_code", "geometry"]].to_crs(METRIC_CRS).sort_values("region_code")
    inside = gpd.sjoin(located, shapes, how="left", predicate="within")
    inside = inside[~inside.index.duplicated(keep="first")]  # overlaps of simplified polygons: lowest code
    nearest = gpd.sjoin_nearest(located, shapes, how="left", distance_col="_distance_m")
    nearest = nearest[~nearest.index.duplicated(keep="first")]
    for index in located.index:
        code = inside.at[index, "region_code"]
        if isinstance(code, str):
            out.loc[index, ["kabkota_code", "kab_match", "kab_distance_km"]] = [code, "inside", 0.0]
            continue
        distance_km = float(nearest.at[index, "_distance_m"]) / 1000
        if distance_km <= max_distance_km:
            out.loc[index, ["kabkota_code", "kab_match"]] = [nearest.at[index, "region_code"], "nearest"]
        else:
            out.loc[index, "kab_match"] = "outside"
        out.loc[index, "kab_distance_km"] = round(distance_km, 3)
    out["kab_distance_km"] = out["kab_distance_km"].astype(float)
    return out


def tag_points(
    frame: pd.DataFrame,
    polygons: gpd.GeoDataFrame,
    *,
    declared_province: str | None = None,
    max_distance_km: float = DEFAULT_MAX_DISTANCE_KM,
) -> pd.DataFrame:
    """A copy of ``frame`` (``lon``, ``lat``) with the ``POINT_LOCATION`` columns.

    ``lon``/``lat`` are rounded to the build's coordinate precision (about 0.1 m; some sources carry
    float32 noise such as 117.3871078491211). The province is the tagged kab/kota's, so that
    ``province_code`` and ``kabkota_code`` never contradict each other; only a point without a kab/kota
    (off every polygon, or without coordinates) takes the province of the column ``declared_province``.
    Callers compare that column with ``province_code`` to flag a disagreement.
    """
    rounded = frame.assign(
        lon=pd.to_numeric(frame["lon"]).astype(float).round(COORDINATE_DECIMALS),
        lat=pd.to_numeric(frame["lat"]).astype(float).round(COORDINATE_DECIMALS),
    )
    tags = tag_kabkota(points_from_lonlat(rounded), polygons, max_distance_km=max_distance_km)
    out = rounded.copy()
    out["kabkota_code"] = tags["kabkota_code"].astype("string")
    out["kabkota_name"] = out["kabkota_code"].map(_name_or_na).astype("string")
    out["kab_match"] = tags["kab_match"].astype(str)
    out["kab_distance_km"] = tags["kab_distance_km"].astype(float)
    province = out["kabkota_code"].str[:2]
    if declared_province is not None:
        province = province.fillna(out[declared_province])
    out["province_code"] = province.astype("string")
    out["province_name"] = out["province_code"].map(_name_or_na).astype("string")
    return out


def _name_or_na(code: object) -> object:
    return regions.get(code).name if isinstance(code, str) else pd.NA


def points_from_lonlat(frame: pd.DataFrame, lon: str = "lon", lat: str = "lat") -> gpd.GeoDataFrame:
    """A GeoDataFrame of WGS84 points; rows without both coordinates get an empty geometry."""
    x = pd.to_numeric(frame[lon], errors="coerce")
    y = pd.to_numeric(frame[lat], errors="coerce")
    geometry = gpd.GeoSeries(gpd.points_from_xy(x, y), index=frame.index, crs="EPSG:4326")
    geometry[x.isna() | y.isna()] = None
    return gpd.GeoDataFrame(frame.copy(), geometry=geometry, crs="EPSG:4326")
