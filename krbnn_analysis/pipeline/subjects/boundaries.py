"""Kab/kota and province polygons with BPS codes.

The upstream polygons carry Kemendagri codes (``53.01``). BPS codes are assigned through the
registry's explicit Kemendagri → BPS table, never by position; the build checks the result against
the third-party BPS code column shipped with the polygons and the official names in the registry.
Areas are computed on an equal-area projection from the simplified polygons: approximate.
"""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from krbnn_analysis import regions
from krbnn_analysis.catalog import Column
from krbnn_analysis.pipeline import specs
from krbnn_analysis.pipeline.common import require
from krbnn_analysis.pipeline.core import step
from krbnn_analysis.pipeline.upstream import UpstreamFiles

KABKOTA_POLYGONS = "cahyadsn-kabkota-bali-ntb-ntt"
PROVINCE_POLYGONS = "cahyadsn-prov-bali-ntb-ntt"
EQUAL_AREA_CRS = "EPSG:6933"  # WGS 84 / NSIDC EASE-Grid 2.0 Global (equal-area cylindrical)
EXPECTED_KABKOTA = 41
# Approximate land areas from the same simplified polygons, stated in the upstream README (km²).
README_AREAS_KM2 = {"51": 5_624, "52": 19_772, "53": 46_635}
AREA_TOLERANCE = 0.01


def area_km2(frame: gpd.GeoDataFrame) -> pd.Series:
    return (frame.to_crs(EQUAL_AREA_CRS).area / 1e6).round(1)


def tidy_kabkota(raw: gpd.GeoDataFrame, file: str) -> gpd.GeoDataFrame:
    require(
        len(raw) == EXPECTED_KABKOTA, f"expected {EXPECTED_KABKOTA} features, found {len(raw)}", file=file
    )
    require(
        raw.crs is not None and raw.crs.to_epsg() == 4326, f"CRS is {raw.crs}, expected EPSG:4326", file=file
    )
    codes = regions.harmonise(raw["kode"], file=file, column="kode")  # dotted → explicit Kemendagri table
    for position, (code, third_party, name) in enumerate(
        zip(codes, raw["kode_bps_from_thirdparty_list"].astype(str), raw["nama"], strict=True)
    ):
        require(
            code == third_party,
            f"BPS code {code} from the registry ≠ third-party list {third_party}",
            file=file,
            column="kode_bps_from_thirdparty_list",
            row=position,
        )
        require(
            regions.normalise_name(name) == regions.normalise_name(regions.get(code).name),
            f"name {name!r} ≠ registry name {regions.get(code).name!r}",
            file=file,
            column="nama",
            row=position,
        )
    out = gpd.GeoDataFrame(
        {
            "region_code": codes,
            "kemendagri_code": raw["kode"].astype(str).to_numpy(),
            "province_code": [c[:2] for c in codes],
        },
        geometry=raw.geometry.make_valid().to_numpy(),
        crs="EPSG:4326",
    )
    out["region_name"] = [regions.get(c).name for c in codes]
    out["area_km2_approx"] = area_km2(out)
    return out


def check_areas(frame: gpd.GeoDataFrame, by: str, file: str) -> None:
    totals = frame.groupby(by)["area_km2_approx"].sum()
    for code, expected in README_AREAS_KM2.items():
        require(
            abs(totals[code] / expected - 1) <= AREA_TOLERANCE,
            f"area of {code} is {totals[code]:,.0f} km², README says {expected:,}",
            file=file,
        )


def run_boundaries(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    kab_file = str(files.path(KABKOTA_POLYGONS))
    kabkota = tidy_kabkota(files.read_file(KABKOTA_POLYGONS), kab_file)
    check_areas(kabkota, "province_code", kab_file)

    prov_file = str(files.path(PROVINCE_POLYGONS))
    raw = files.read_file(PROVINCE_POLYGONS)
    codes = regions.harmonise(raw["kode"], file=prov_file, column="kode")
    require(sorted(codes) == list(regions.KR_BNN_PROVINCES), f"provinces {sorted(codes)}", file=prov_file)
    provinces = gpd.GeoDataFrame(
        {"region_code": codes}, geometry=raw.geometry.make_valid().to_numpy(), crs="EPSG:4326"
    )
    provinces["region_name"] = [regions.get(c).name for c in codes]
    provinces["area_km2_approx"] = area_km2(provinces)
    check_areas(provinces, "region_code", prov_file)
    return {"kabkota_boundaries": kabkota, "province_boundaries": provinces}


GEOMETRY = Column("geometry", "geometry", "Polygon or MultiPolygon, WGS84 lon/lat (EPSG:4326)")
AREA = Column(
    "area_km2_approx", "float", "Area computed from the simplified polygon (EPSG:6933)", unit="km2", minimum=0
)
CAVEATS = (
    (
        "Poligon disederhanakan dan asal geometrinya tidak didokumentasikan; belum dicek terhadap batas "
        "BIG/BPS. Luas hanya perkiraan.",
        "Simplified polygons of undocumented geometric origin, not checked against BIG/BPS boundaries. "
        "Areas are approximate.",
    ),
    (
        "Lapisan provinsi dan kabupaten/kota disederhanakan terpisah sehingga tidak berimpit persis.",
        "The province and kab/kota layers were simplified separately and do not nest exactly.",
    ),
)
QUALITY = (
    "amber",
    "Batas dari repositori pihak ketiga (mengacu Kepmendagri 2025), cukup untuk peta ikhtisar.",
    "Boundaries from a third-party repository (following Kepmendagri 2025); fit for overview maps.",
)
KABKOTA_SPEC = specs.spec(
    "kabkota_boundaries",
    citation=(
        "Batas kabupaten/kota menurut Kepmendagri 2025 (kompilasi Cahya DSN, 2025)",
        "Kab/kota boundaries per the Home Affairs Minister's decree of 2025 (compiled by Cahya DSN, 2025)",
    ),
    title_id="Batas kabupaten/kota Bali, NTB, NTT",
    title_en="Kab/kota boundaries of Bali, NTB and NTT",
    description="Polygons of the 41 kab/kota with BPS and Kemendagri codes; BPS codes assigned through the "
    "explicit Kemendagri → BPS table (16 of NTT's 22 codes differ).",
    columns=(
        specs.REGION_CODE,
        Column("kemendagri_code", "string", "Kemendagri code, e.g. 53.01", pattern=r"\d{2}\.\d{2}"),
        Column("province_code", "string", "BPS province code", allowed=regions.KR_BNN_PROVINCES),
        specs.REGION_NAME,
        AREA,
        GEOMETRY,
    ),
    primary_key=("region_code",),
    quality=QUALITY,
    caveats=CAVEATS,
    vintage="Kepmendagri 2025 units; SQL files of 2024-11 to 2025-07",
    fmt="geojson",
)
PROVINCE_SPEC = specs.spec(
    "province_boundaries",
    citation=(
        "Batas provinsi menurut Kepmendagri 2025 (kompilasi Cahya DSN, 2025)",
        "Province boundaries per the Home Affairs Minister's decree of 2025 (compiled by Cahya DSN, 2025)",
    ),
    title_id="Batas provinsi Bali, NTB, NTT",
    title_en="Province boundaries of Bali, NTB and NTT",
    description="Polygons of the three provinces with BPS codes.",
    columns=(specs.REGION_CODE, specs.REGION_NAME, AREA, GEOMETRY),
    primary_key=("region_code",),
    quality=QUALITY,
    caveats=CAVEATS,
    vintage="Kepmendagri 2025 units; file committed 2026-07-18",
    fmt="geojson",
)

STEPS = (
    step("boundaries", (KABKOTA_POLYGONS, PROVINCE_POLYGONS), (KABKOTA_SPEC, PROVINCE_SPEC), run_boundaries),
)
