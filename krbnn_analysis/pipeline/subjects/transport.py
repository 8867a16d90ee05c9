"""Curated transport tables: airports, the 2014 air-route network, sea ports, fishing ports, World Port
Index ports and ferry facts for Bali, NTB and NTT.

Every point is tagged with its kab/kota (BPS code) by a point-in-polygon test against the upstream kab/kota
polygons (``pipeline.geo``); the province or kab/kota the upstream declares is kept next to it and
disagreements are flagged, never silently overwritten. Documented defects of the upstream files (README of
the upstream folder, "Files" table) are fixed in code where the right value is in another upstream file
(Lewoleba's coordinates) and flagged where it is not (sea-port coordinates off the coast or outside the
region). Constants below are facts of the upstream releases: a different release fails the build loudly.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from krbnn_analysis import regions
from krbnn_analysis.catalog import Column
from krbnn_analysis.errors import UnknownRegionError
from krbnn_analysis.indicators.networks import great_circle_km
from krbnn_analysis.pipeline import geo, specs
from krbnn_analysis.pipeline.common import require, require_close
from krbnn_analysis.pipeline.core import step
from krbnn_analysis.pipeline.upstream import UpstreamFiles

OURAIRPORTS = "ourairports-airports-bali-ntb-ntt"
OPENFLIGHTS_AIRPORTS = "openflights-airports-bali-ntb-ntt"
OPENFLIGHTS_ROUTES = "openflights-routes-2014-bali-ntb-ntt"
OPENFLIGHTS_PAIRS = "openflights-route-pairs-2014-bali-ntb-ntt"
SIMPEL_SEAPORTS = "kemenhub-simpel-seaports-2017-bali-ntb-ntt"
FISHING_PORTS = "kkp-fishing-ports-bali-ntb-ntt"
WPI_PORTS = "wpi-ports-bali-ntb-ntt"
FERRY_FACTS = "sea-connectivity-facts-from-news-pages"

# --- facts of the upstream releases (README of the upstream folder), checked on every build ---------------

# Study box of the region extracts: lon 114.4 to 125.2, lat −11.1 to −8.0.
STUDY_LON, STUDY_LAT = geo.STUDY_LON, geo.STUDY_LAT
# The pairs file's distances are spherical (haversine, IUGG mean radius 6371.0088 km); this build uses the
# WGS84 geodesic (indicators.great_circle_km): 0.55 % shorter for BKI–DPS (north–south), at most 0.14 %
# longer east–west; plus 0.05 km of rounding.
PAIRS_DISTANCE_TOLERANCE = (0.006, 0.06)  # (relative, absolute km)

OURAIRPORTS_ROWS = 53
OURAIRPORTS_TYPES = {
    "large_airport": 2,
    "medium_airport": 2,
    "small_airport": 18,
    "heliport": 26,
    "closed": 5,
}
OURAIRPORTS_REGIONS = {"ID-BA": 25, "ID-NB": 12, "ID-NT": 16}
ISO_REGION_TO_BPS = {"ID-BA": "51", "ID-NB": "52", "ID-NT": "53"}  # ISO 3166-2:ID, not BPS: explicit
OUT_OF_REGION_AIRPORTS = {"WATQ"}  # John Becker, Kisar (lon 127.2): ID-NT in OurAirports, in no kab/kota
OPENFLIGHTS_ROWS = 20
# Selaparang (AMI, WADA) is closed: OurAirports keeps it without IATA code, under ident ID-0319, and names
# both old codes in its keywords ("WRRA, Ampenan, WADA, AMI").
MATCH_BY_KEYWORDS = {"AMI": "ID-0319"}
# The one OpenFlights entry without IATA or ICAO code; not under the WA**/ID-**** idents OurAirports was
# scanned for. Its type comes from its name, "Amanwana seaplane base" (OpenFlights leaves type empty).
OPENFLIGHTS_ONLY = {13231: "seaplane_base"}
# LWE (Wonopito, Lewoleba) carries Maumere's coordinates in OpenFlights; OurAirports has the right ones.
LEWOLEBA_IATA, MAUMERE_IATA = "LWE", "MOF"
LEWOLEBA_OURAIRPORTS = (-8.361805, 123.438554)
LEWOLEBA_OPENFLIGHTS = (-8.640556, 122.236667)
# Largest OpenFlights–OurAirports gap apart from LWE: ABU (Atambua), 28.7 km; then SAU (Sabu), 9.0 km.
MAX_OTHER_SOURCE_OFFSET_KM = 30.0

ROUTE_RECORDS = 248
ROUTE_CATEGORIES = {"intra_region": 41, "domestic_other": 76, "international": 131}
ROUTE_PAIRS = 112
PAIR_CATEGORIES = {"intra_region": 26, "domestic_other": 32, "international": 54}
# The "TN" (Air Tahiti Nui in airlines.dat) record MOF→KOE with a Fokker 50 looks wrong (README).
SUSPECT_ROUTE_RECORDS = {("TN", "MOF", "KOE")}
SNAPSHOT = "2014-06"

SEAPORT_ROWS = 59
SEAPORT_CATEGORIES = {
    "Pelabuhan Utama Diusahakan": 2,
    "Pelabuhan Umum Tidak Diusahakan": 20,
    "Terminal Khusus": 17,
    "Terminal Untuk Kepentingan Sendiri": 20,
}
SEAPORT_OUT_OF_STUDY_AREA = 8  # README: 8 points with coordinates outside the region (lat ≈ −7.1 to −7.7)
SEAPORT_MISKEYED_LON = 115.74  # README: 6 Denpasar TUKS sit at lon ≈ 115.74, off Lombok
SEAPORT_MISKEYED = 6
# Atapupu (TPP), a real port of Belu, lies 6.7 km off the simplified polygon (EPSG:6933); the mis-keyed
# Denpasar TUKS lie 7.2 km and more off Lombok: beyond this distance a point is "off the coast", no kab/kota.
SEAPORT_MAX_DISTANCE_KM = 7.0
# Spellings of `kabupaten_kota` in the SIMPEL scrape that the registry does not know, mapped explicitly.
SIMPEL_KAB_SPELLINGS = {"ROTENDAO": "Rote Ndao", "SIKA": "Sikka", "KARANG ASEM": "Karangasem"}
# Bare names shared by a kabupaten and a kota: the scrape does not say which; both are accepted.
SIMPEL_KAB_AMBIGUOUS = {"KUPANG": ("5303", "5371"), "BIMA": ("5206", "5272")}

FISHING_ROWS = 70
FISHING_CLASSES = {"PPN": 1, "PPP": 2, "PPI": 55, "CPPI": 12}
FISHING_STATUS = {  # status_operasional → code
    "Operasional": "operational",
    "Belum Operasional": "not_yet_operational",
    "Tahap Perencanaan": "planning",
    "Tidak Operasional": "not_operational",
}
FISHING_STATUS_COUNTS = {
    "Operasional": 30,
    "Belum Operasional": 24,
    "Tahap Perencanaan": 12,
    "Tidak Operasional": 4,
}
# `id_propinsi` is an internal id of the source system, not a BPS code (README: NTB = 18).
FISHING_PROVINCE_IDS = {"17": "51", "18": "52", "19": "53"}
FISHING_KAB_SPELLINGS = {
    "Kab. Karang Asem": "Kabupaten Karangasem",
    "Kab. Timur Tengah Utara": "Kabupaten Timor Tengah Utara",  # source typo (README)
    "Kab. Sabu Raijua*": "Kabupaten Sabu Raijua",
}
FISHING_FACILITIES = {
    "listrik": "has_electricity",
    "air_bersih": "has_clean_water",
    "tpi": "has_fish_auction",
    "pabrik_es": "has_ice_plant",
    "tangki_bbm": "has_fuel_tank",
}
FISHING_MANAGERS = ("UPT Pusat", "UPTD Provinsi", "UPTD Kabupaten/Kota")

WPI_ROWS = 10
WPI_COORDINATE_STEP_DEG = 1 / 60  # WPI coordinates are whole minutes
# WPI port → SIMPEL port code of the same harbour, by name; the distance is checked and published.
WPI_TO_SIMPEL = {
    "BENOA": "BOU",
    "CELUKAN BAWANG": "CBA",
    "TANJUNG BENETE": "BEP",
    "MAUMERE": "MML",
    "ENDE": "END",
    "LARANTUKA": "LKR",
    "KUPANG": "TKU",  # WPI has one Kupang port; SIMPEL's main one is Tenau/Kupang, 7.5 km from WPI's point
    "WAINGAPU": "WNG",
}
WPI_MAX_LINK_KM = 8.0  # Kupang 7.5 km; the other links 0.4–4.9 km (WPI positions are whole minutes)
WPI_NOT_IN_SIMPEL = {"AMPENAN", "LABUHANHAJI"}

FERRY_ROWS = 17
REGION_PROVINCES = set(regions.KR_BNN_PROVINCES)


# --- shared helpers ---------------------------------------------------------------------------------------


def in_study_area(lon: pd.Series, lat: pd.Series) -> pd.Series:
    return lon.between(*STUDY_LON) & lat.between(*STUDY_LAT)


def require_counts(values: pd.Series, expected: dict, what: str, *, file: str, column: str) -> None:
    found = values.value_counts().to_dict()
    require(found == expected, f"{what}: expected {expected}, found {found}", file=file, column=column)


def harmonise_declared_kab(
    names: pd.Series, *, spellings: dict, ambiguous: dict, file: str, column: str
) -> tuple[pd.Series, pd.Series]:
    """Declared kab/kota names → (BPS code or missing when ambiguous, tuple of acceptable codes)."""
    codes: list[object] = []
    candidates: list[tuple[str, ...]] = []
    for row, name in enumerate(names):
        if name in ambiguous:
            codes.append(pd.NA)
            candidates.append(tuple(ambiguous[name]))
            continue
        try:
            code = regions.to_bps_code(spellings.get(name, name))
        except UnknownRegionError as error:
            raise type(error)(error.reason, file=file, column=column, row=row) from None
        require(len(code) == 4, f"{name!r} is not a kab/kota", file=file, column=column, row=row)
        codes.append(code)
        candidates.append((code,))
    return pd.Series(codes, index=names.index, dtype="string"), pd.Series(candidates, index=names.index)


def kab_agreement(tagged: pd.Series, candidates: pd.Series) -> pd.Series:
    """True/False where both a polygon kab/kota and a declared one exist, else missing."""
    values = [
        pd.NA if not isinstance(code, str) else code in options
        for code, options in zip(tagged, candidates, strict=True)
    ]
    return pd.Series(values, index=tagged.index, dtype="boolean")


# --- airports ---------------------------------------------------------------------------------------------


def read_ourairports(files: UpstreamFiles) -> pd.DataFrame:
    file = str(files.path(OURAIRPORTS))
    raw = files.read_csv(OURAIRPORTS, keep_default_na=False, na_values=[""], dtype={"elevation_ft": float})
    require(len(raw) == OURAIRPORTS_ROWS, f"expected {OURAIRPORTS_ROWS} rows, found {len(raw)}", file=file)
    require_counts(raw["type"], OURAIRPORTS_TYPES, "airport types", file=file, column="type")
    require_counts(raw["iso_region"], OURAIRPORTS_REGIONS, "iso_region", file=file, column="iso_region")
    require(not raw["ident"].duplicated().any(), "duplicate ident", file=file, column="ident")
    return raw


def read_openflights_airports(files: UpstreamFiles) -> pd.DataFrame:
    file = str(files.path(OPENFLIGHTS_AIRPORTS))
    raw = files.read_csv(OPENFLIGHTS_AIRPORTS, keep_default_na=False, na_values=["\\N", ""])
    require(len(raw) == OPENFLIGHTS_ROWS, f"expected {OPENFLIGHTS_ROWS} rows, found {len(raw)}", file=file)
    iata = raw["iata"].dropna()
    require(not iata.duplicated().any(), "duplicate IATA code", file=file, column="iata")
    return raw


def _codes_of(row: pd.Series) -> set[str]:
    """Every code an OurAirports row carries: ident, ICAO, GPS, IATA, local code and keyword tokens."""
    codes = {
        row[c]
        for c in ("ident", "icao_code", "gps_code", "iata_code", "local_code")
        if isinstance(row[c], str)
    }
    if isinstance(row["keywords"], str):
        codes |= {token.strip() for token in row["keywords"].split(",")}
    return codes


def match_openflights(ours: pd.DataFrame, flights: pd.DataFrame, file: str) -> dict[int, str]:
    """OpenFlights id → OurAirports ident: by IATA code, else by the explicit keyword matches; each match
    must also agree on the ICAO code OpenFlights gives (old codes such as WADT/WADW are in OurAirports'
    ident or keywords)."""
    by_iata = ours.dropna(subset=["iata_code"]).set_index("iata_code")["ident"]
    require(not by_iata.index.duplicated().any(), "duplicate OurAirports IATA code", file=file)
    codes_by_ident = {row["ident"]: _codes_of(row) for _, row in ours.iterrows()}
    matches: dict[int, str] = {}
    for _, row in flights.iterrows():
        iata = row["iata"]
        if isinstance(iata, str) and iata in by_iata.index:
            ident = by_iata[iata]
        elif isinstance(iata, str) and iata in MATCH_BY_KEYWORDS:
            ident = MATCH_BY_KEYWORDS[iata]
            require(
                iata in codes_by_ident[ident],
                f"OurAirports {ident} no longer names {iata} in its keywords",
                file=file,
                column="keywords",
            )
        else:
            continue
        if isinstance(row["icao"], str):
            require(
                row["icao"] in codes_by_ident[ident],
                f"OpenFlights {iata} has ICAO {row['icao']}, not among OurAirports {ident}'s codes",
                file=file,
                column="icao",
            )
        matches[int(row["airport_id"])] = ident
    unmatched = set(flights["airport_id"].astype(int)) - set(matches)
    require(
        unmatched == set(OPENFLIGHTS_ONLY),
        f"OpenFlights entries without an OurAirports match: {sorted(unmatched)}, "
        f"expected {sorted(OPENFLIGHTS_ONLY)}",
        file=file,
        column="airport_id",
    )
    require(
        len(set(matches.values())) == len(matches), "two OpenFlights entries match one airport", file=file
    )
    return matches


def check_lewoleba_defect(flights: pd.DataFrame, ours: pd.DataFrame, file: str) -> None:
    """The documented defect: OpenFlights' LWE sits on Maumere; OurAirports has Lewoleba's coordinates."""
    coords = flights.set_index("iata")[["latitude", "longitude"]]
    lwe, mof = coords.loc[LEWOLEBA_IATA], coords.loc[MAUMERE_IATA]
    require_close(lwe["latitude"], LEWOLEBA_OPENFLIGHTS[0], 1e-6, "OpenFlights LWE latitude", file=file)
    require_close(lwe["longitude"], LEWOLEBA_OPENFLIGHTS[1], 1e-6, "OpenFlights LWE longitude", file=file)
    offset = float(great_circle_km(lwe["latitude"], lwe["longitude"], mof["latitude"], mof["longitude"]))
    require(offset < 0.1, f"OpenFlights LWE is {offset:.2f} km from MOF: defect changed?", file=file)
    right = ours.set_index("iata_code").loc[LEWOLEBA_IATA]
    require_close(right["latitude_deg"], LEWOLEBA_OURAIRPORTS[0], 1e-6, "OurAirports LWE latitude", file=file)
    require_close(
        right["longitude_deg"], LEWOLEBA_OURAIRPORTS[1], 1e-6, "OurAirports LWE longitude", file=file
    )


def merge_airports(ours: pd.DataFrame, flights: pd.DataFrame, file: str) -> pd.DataFrame:
    """One row per airport: OurAirports rows (not heliports), enriched with the matched OpenFlights entry,
    plus the OpenFlights entries OurAirports lacks. Coordinates and names come from OurAirports."""
    matches = match_openflights(ours, flights, file)
    by_ident = {ident: fid for fid, ident in matches.items()}
    flights_by_id = flights.assign(airport_id=flights["airport_id"].astype(int)).set_index("airport_id")
    kept = ours[ours["type"] != "heliport"].copy()
    require(
        set(matches.values()) <= set(kept["ident"]), "an OpenFlights airport matched a heliport", file=file
    )
    rows = []
    for _, row in kept.iterrows():
        fid = by_ident.get(row["ident"])
        other = flights_by_id.loc[fid] if fid is not None else None
        rows.append(
            {
                "airport_id": row["ident"],
                "ourairports_ident": row["ident"],
                "openflights_id": fid,
                "iata_code": row["iata_code"] if isinstance(row["iata_code"], str) else _get(other, "iata"),
                "icao_code": _first_code(row["icao_code"], row["gps_code"], _get(other, "icao")),
                "gps_code": row["gps_code"],
                "openflights_icao": _get(other, "icao"),
                "name": row["name"],
                "openflights_name": _get(other, "name"),
                "municipality": row["municipality"],
                "type": row["type"],
                "status": "closed" if row["type"] == "closed" else "open",
                "scheduled_service": {"yes": True, "no": False}[row["scheduled_service"]],
                "elevation_ft": row["elevation_ft"],
                "lon": float(row["longitude_deg"]),
                "lat": float(row["latitude_deg"]),
                "openflights_offset_km": (
                    float(
                        great_circle_km(
                            row["latitude_deg"], row["longitude_deg"], other["latitude"], other["longitude"]
                        )
                    )
                    if other is not None
                    else np.nan
                ),
                "declared_province_code": ISO_REGION_TO_BPS[row["iso_region"]],
                "source": OURAIRPORTS,
            }
        )
    for fid, airport_type in OPENFLIGHTS_ONLY.items():
        other = flights_by_id.loc[fid]
        rows.append(
            {
                "airport_id": f"openflights-{fid}",
                "ourairports_ident": pd.NA,
                "openflights_id": fid,
                "iata_code": _get(other, "iata"),
                "icao_code": _get(other, "icao"),
                "gps_code": pd.NA,
                "openflights_icao": _get(other, "icao"),
                "name": other["name"],
                "openflights_name": other["name"],
                "municipality": other["city"],
                "type": airport_type,
                "status": "not_stated",
                "scheduled_service": pd.NA,
                "elevation_ft": float(other["altitude_ft"]),
                "lon": float(other["longitude"]),
                "lat": float(other["latitude"]),
                "openflights_offset_km": np.nan,
                "declared_province_code": pd.NA,
                "source": OPENFLIGHTS_AIRPORTS,
            }
        )
    out = pd.DataFrame(rows)
    out["openflights_offset_km"] = out["openflights_offset_km"].round(3)
    return out


def _get(row: pd.Series | None, column: str) -> object:
    if row is None:
        return pd.NA
    value = row[column]
    return value if isinstance(value, str) or not pd.isna(value) else pd.NA


def _first_code(*values: object) -> object:
    for value in values:
        if isinstance(value, str) and value:
            return value
    return pd.NA


def check_offsets(airports: pd.DataFrame, file: str) -> None:
    offsets = airports.set_index("iata_code")["openflights_offset_km"].dropna()
    require(
        offsets[LEWOLEBA_IATA] > 100, f"LWE offset {offsets[LEWOLEBA_IATA]} km: defect changed?", file=file
    )
    others = offsets.drop(LEWOLEBA_IATA)
    require(
        bool((others <= MAX_OTHER_SOURCE_OFFSET_KM).all()),
        f"OpenFlights and OurAirports disagree by more than {MAX_OTHER_SOURCE_OFFSET_KM} km: "
        f"{others[others > MAX_OTHER_SOURCE_OFFSET_KM].to_dict()}",
        file=file,
    )


def drop_out_of_region(airports: pd.DataFrame, file: str) -> pd.DataFrame:
    outside = airports[airports["kab_match"] == "outside"]
    require(
        set(outside["airport_id"]) == OUT_OF_REGION_AIRPORTS,
        f"airports outside every kab/kota: {sorted(outside['airport_id'])}, "
        f"expected {sorted(OUT_OF_REGION_AIRPORTS)}",
        file=file,
    )
    require(
        not in_study_area(outside["lon"], outside["lat"]).any(),
        "an out-of-region airport is in the study box",
        file=file,
    )
    return airports[airports["kab_match"] != "outside"].copy()


def build_airports(files: UpstreamFiles) -> pd.DataFrame:
    file = str(files.path(OURAIRPORTS))
    ours = read_ourairports(files)
    flights = read_openflights_airports(files)
    check_lewoleba_defect(flights, ours, str(files.path(OPENFLIGHTS_AIRPORTS)))
    airports = merge_airports(ours, flights, file)
    check_offsets(airports, file)
    airports = geo.tag_points(
        airports, geo.kabkota_polygons(files), declared_province="declared_province_code"
    )
    airports = drop_out_of_region(airports, file)
    declared = airports["declared_province_code"].notna()
    disagree = airports[declared & (airports["declared_province_code"] != airports["province_code"])]
    require(disagree.empty, f"iso_region ≠ polygon province for {list(disagree['airport_id'])}", file=file)
    return airports.astype(
        {
            "openflights_id": "Int64",
            "scheduled_service": "boolean",
            "iata_code": "string",
            "icao_code": "string",
            "gps_code": "string",
            "openflights_icao": "string",
            "openflights_name": "string",
            "ourairports_ident": "string",
            "declared_province_code": "string",
            "municipality": "string",
        }
    )


def run_airports(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    return {"airports": build_airports(files)}


# --- air routes 2014 --------------------------------------------------------------------------------------


def read_routes(files: UpstreamFiles) -> pd.DataFrame:
    file = str(files.path(OPENFLIGHTS_ROUTES))
    raw = files.read_csv(OPENFLIGHTS_ROUTES, keep_default_na=False, na_values=[""], dtype={"codeshare": str})
    require(len(raw) == ROUTE_RECORDS, f"expected {ROUTE_RECORDS} route records, found {len(raw)}", file=file)
    require_counts(raw["category"], ROUTE_CATEGORIES, "route categories", file=file, column="category")
    require(bool((raw["stops"] == 0).all()), "a route record has stops", file=file, column="stops")
    for airline, origin, destination in SUSPECT_ROUTE_RECORDS:
        found = raw.query("airline == @airline and src_iata == @origin and dst_iata == @destination")
        require(len(found) == 1, f"suspect record {airline} {origin}→{destination} not found", file=file)
    return raw


def category_of(
    origin: str, destination: str, origin_country: str, destination_country: str, region: set
) -> str:
    if origin in region and destination in region:
        return "intra_region"
    if origin_country == "Indonesia" and destination_country == "Indonesia":
        return "domestic_other"
    return "international"


def aggregate_routes(records: pd.DataFrame) -> pd.DataFrame:
    """Route records → directed airport pairs (airline codes, record counts, codeshare, distance)."""
    records = records.assign(
        suspect=[
            (a, s, d) in SUSPECT_ROUTE_RECORDS
            for a, s, d in zip(records["airline"], records["src_iata"], records["dst_iata"], strict=True)
        ],
        is_codeshare=records["codeshare"].fillna("") == "Y",
    )
    grouped = records.groupby(["src_iata", "dst_iata"], sort=True)
    pairs = grouped.agg(
        origin_name=("src_name", "first"),
        destination_name=("dst_name", "first"),
        origin_country=("src_country", "first"),
        destination_country=("dst_country", "first"),
        src_lat=("src_lat", "first"),
        src_lon=("src_lon", "first"),
        dst_lat=("dst_lat", "first"),
        dst_lon=("dst_lon", "first"),
        n_route_records=("airline", "size"),
        n_airlines=("airline", "nunique"),
        airlines=("airline", lambda a: " ".join(sorted(set(a)))),
        n_suspect_airlines=("suspect", "sum"),
        all_codeshare=("is_codeshare", "all"),
        category=("category", "first"),
    ).reset_index()
    pairs["great_circle_km"] = great_circle_km(
        pairs["src_lat"], pairs["src_lon"], pairs["dst_lat"], pairs["dst_lon"]
    ).round(1)
    return pairs.rename(columns={"src_iata": "origin", "dst_iata": "destination"})


def check_against_pairs_file(pairs: pd.DataFrame, published: pd.DataFrame, file: str) -> None:
    """The aggregation must reproduce the upstream pairs file: counts and airlines exactly, distances within
    the spherical-vs-ellipsoidal difference."""
    require(len(published) == ROUTE_PAIRS, f"expected {ROUTE_PAIRS} pairs, found {len(published)}", file=file)
    require_counts(published["category"], PAIR_CATEGORIES, "pair categories", file=file, column="category")
    merged = pairs.merge(
        published.rename(columns={"src_iata": "origin", "dst_iata": "destination"}),
        on=["origin", "destination"],
        how="outer",
        suffixes=("", "_published"),
        indicator=True,
    )
    require(
        bool((merged["_merge"] == "both").all()), "routes and pairs files hold different pairs", file=file
    )
    relative, absolute = PAIRS_DISTANCE_TOLERANCE
    published_km = merged["great_circle_km_published"]
    far = (merged["great_circle_km"] - published_km).abs() > relative * published_km + absolute
    require(
        not far.any(),
        f"geodesic distance differs from the pairs file by more than 0.6 % for "
        f"{merged.loc[far, ['origin', 'destination']].head(3).to_dict('records')}",
        file=file,
        column="great_circle_km",
    )
    for column in ("n_route_records", "n_airlines", "airlines", "category"):
        differs = merged[column] != merged[f"{column}_published"]
        require(
            not differs.any(),
            f"{column} differs from the pairs file for "
            f"{merged.loc[differs, ['origin', 'destination']].head(3).to_dict('records')}",
            file=file,
            column=column,
        )
    codeshare = merged["all_codeshare_published"].map({"yes": True, "no": False})
    require(bool((codeshare == merged["all_codeshare"]).all()), "all_codeshare differs", file=file)


def build_air_routes(files: UpstreamFiles, airports: pd.DataFrame) -> pd.DataFrame:
    file = str(files.path(OPENFLIGHTS_ROUTES))
    records = read_routes(files)
    region = set(read_openflights_airports(files)["iata"].dropna())
    computed = [
        category_of(*values, region)
        for values in zip(
            records["src_iata"],
            records["dst_iata"],
            records["src_country"],
            records["dst_country"],
            strict=True,
        )
    ]
    differs = records["category"] != pd.Series(computed, index=records.index)
    require(
        not differs.any(), "upstream category differs from the rule", file=file, column="category", row=None
    )
    pairs = aggregate_routes(records)
    check_against_pairs_file(
        pairs, files.read_csv(OPENFLIGHTS_PAIRS, keep_default_na=False), str(files.path(OPENFLIGHTS_PAIRS))
    )
    located = airports.dropna(subset=["iata_code"]).set_index("iata_code")["kabkota_code"]
    for end in ("origin", "destination"):
        in_region = pairs[end].isin(region)
        missing = set(pairs.loc[in_region, end]) - set(located.index)
        require(not missing, f"region airports without a kab/kota: {sorted(missing)}", file=file, column=end)
        pairs[f"{end}_kabkota_code"] = pairs[end].map(located).where(in_region).astype("string")
        pairs[f"{end}_province_code"] = pairs[f"{end}_kabkota_code"].str[:2].astype("string")
    pairs["snapshot"] = SNAPSHOT
    pairs["source"] = OPENFLIGHTS_ROUTES
    return pairs.astype({"all_codeshare": bool, "n_suspect_airlines": "int64"})


def run_air_routes(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    return {"air_routes_2014": build_air_routes(files, build_airports(files))}


# --- sea ports (Kemenhub SIMPEL, 2017) --------------------------------------------------------------------


def coordinate_flag(frame: pd.DataFrame) -> pd.Series:
    """ok, outside_study_area (outside the region's box), off_coast (in the box, farther than the tagging
    distance from every kab/kota polygon) or province_mismatch (polygon province ≠ declared province)."""
    flag = pd.Series("ok", index=frame.index)
    mismatch = frame["kabkota_code"].notna() & (
        frame["kabkota_code"].str[:2] != frame["declared_province_code"]
    )
    flag[mismatch.fillna(False).astype(bool)] = "province_mismatch"
    flag[frame["kab_match"] == "outside"] = "off_coast"
    flag[~frame["in_study_area"]] = "outside_study_area"
    return flag


def build_seaports(files: UpstreamFiles) -> pd.DataFrame:
    file = str(files.path(SIMPEL_SEAPORTS))
    raw = files.read_file(SIMPEL_SEAPORTS)
    require(len(raw) == SEAPORT_ROWS, f"expected {SEAPORT_ROWS} features, found {len(raw)}", file=file)
    require(bool((raw.geom_type == "Point").all()), "non-point geometry", file=file, column="geometry")
    require_counts(raw["category"], SEAPORT_CATEGORIES, "port categories", file=file, column="category")
    require(not raw["port_code"].duplicated().any(), "duplicate port_code", file=file, column="port_code")
    frame = pd.DataFrame(
        {
            "port_code": raw["port_code"].astype(str),
            "name": raw["name"].astype(str),
            "category": raw["category"].astype(str),
            "penyelenggara": raw["penyelenggara"].replace("", pd.NA).astype("string"),
            "operator": raw["operator"].replace("", pd.NA).astype("string"),
            "declared_kabkota": raw["kabupaten_kota"].astype(str),
            "declared_province_code": regions.harmonise(raw["provinsi"], file=file, column="provinsi"),
            "lon": raw.geometry.x.to_numpy(),
            "lat": raw.geometry.y.to_numpy(),
            "detail_url": raw["detail_url"].astype(str),
        }
    )
    frame["in_study_area"] = in_study_area(frame["lon"], frame["lat"])
    upstream_flag = raw["coords_in_bbox"].map({"yes": True, "no": False}).to_numpy()
    require(
        bool((frame["in_study_area"].to_numpy() == upstream_flag).all()),
        "study-box test differs from coords_in_bbox",
        file=file,
        column="coords_in_bbox",
    )
    require(
        int((~frame["in_study_area"]).sum()) == SEAPORT_OUT_OF_STUDY_AREA,
        f"expected {SEAPORT_OUT_OF_STUDY_AREA} points outside the study box",
        file=file,
    )
    code, candidates = harmonise_declared_kab(
        frame["declared_kabkota"],
        spellings=SIMPEL_KAB_SPELLINGS,
        ambiguous=SIMPEL_KAB_AMBIGUOUS,
        file=file,
        column="kabupaten_kota",
    )
    frame["declared_kabkota_code"] = code
    frame = geo.tag_points(
        frame,
        geo.kabkota_polygons(files),
        declared_province="declared_province_code",
        max_distance_km=SEAPORT_MAX_DISTANCE_KM,
    )
    frame["kab_agrees"] = kab_agreement(frame["kabkota_code"], candidates)
    frame["coord_flag"] = coordinate_flag(frame)
    miskeyed = (frame["lon"] - SEAPORT_MISKEYED_LON).abs() < 0.01
    require(
        int(miskeyed.sum()) == SEAPORT_MISKEYED
        and set(frame.loc[miskeyed, "declared_kabkota"]) == {"KOTA DENPASAR"}
        and set(frame.loc[miskeyed, "coord_flag"]) == {"off_coast"},
        "the mis-keyed Denpasar TUKS at lon ≈ 115.74 are not as documented",
        file=file,
    )
    frame["source"] = SIMPEL_SEAPORTS
    return frame


def run_seaports(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    return {"seaports": build_seaports(files)}


# --- fishing ports ----------------------------------------------------------------------------------------


def build_fishing_ports(files: UpstreamFiles) -> pd.DataFrame:
    file = str(files.path(FISHING_PORTS))
    raw = files.read_file(FISHING_PORTS)
    require(len(raw) == FISHING_ROWS, f"expected {FISHING_ROWS} features, found {len(raw)}", file=file)
    require(
        not raw["id_pelabuhan"].duplicated().any(), "duplicate id_pelabuhan", file=file, column="id_pelabuhan"
    )
    require_counts(
        raw["kelas_pelabuhan"], FISHING_CLASSES, "port classes", file=file, column="kelas_pelabuhan"
    )
    require_counts(
        raw["status_operasional"], FISHING_STATUS_COUNTS, "status", file=file, column="status_operasional"
    )
    unknown_managers = set(raw["pengelola_pelabuhan"]) - set(FISHING_MANAGERS)
    require(not unknown_managers, f"managers {unknown_managers}", file=file, column="pengelola_pelabuhan")
    lon, lat = raw.geometry.x, raw.geometry.y
    require(
        bool(np.allclose(lon, raw["bujur"].astype(float)) and np.allclose(lat, raw["lintang"].astype(float))),
        "geometry differs from lintang/bujur",
        file=file,
    )
    by_name = regions.harmonise(raw["propinsi"], file=file, column="propinsi")
    by_id = raw["id_propinsi"].astype(str).map(FISHING_PROVINCE_IDS)
    require(
        list(by_id) == list(by_name),
        "id_propinsi does not match the province name",
        file=file,
        column="id_propinsi",
    )
    frame = pd.DataFrame(
        {
            "port_id": raw["id_pelabuhan"].astype("int64"),
            "name": raw["nama_pelabuhan"].astype(str),
            "port_class": raw["kelas_pelabuhan"].astype(str),
            "operational_status": raw["status_operasional"].map(FISHING_STATUS),
            "manager": raw["pengelola_pelabuhan"].astype(str),
            "fisheries_area": raw["no_wpp"].astype(str),
            "pipp_integrated": raw["terintegrasi_pipp"].map({"Sudah": True, "Belum": False}),
            "declared_kabkota": raw["kabupaten_kota"].astype(str),
            "declared_province_code": by_name,
            "lon": lon.to_numpy(),
            "lat": lat.to_numpy(),
        }
    )
    for column, name in FISHING_FACILITIES.items():
        values = raw[column]
        require(set(values) <= {0, 1}, f"{column} is not a 0/1 flag", file=file, column=column)
        frame[name] = values.astype(bool).to_numpy()
    require(frame["pipp_integrated"].notna().all(), "terintegrasi_pipp not Sudah/Belum", file=file)
    code, candidates = harmonise_declared_kab(
        frame["declared_kabkota"],
        spellings=FISHING_KAB_SPELLINGS,
        ambiguous={},
        file=file,
        column="kabupaten_kota",
    )
    frame["declared_kabkota_code"] = code
    frame = geo.tag_points(frame, geo.kabkota_polygons(files), declared_province="declared_province_code")
    require(
        bool((frame["kab_match"] != "outside").all()), "a fishing port lies off every kab/kota", file=file
    )
    frame["kab_agrees"] = kab_agreement(frame["kabkota_code"], candidates)
    frame["source"] = FISHING_PORTS
    return frame.astype({"pipp_integrated": bool})


def run_fishing_ports(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    return {"fishing_ports": build_fishing_ports(files)}


# --- World Port Index ports -------------------------------------------------------------------------------

WPI_CODES = (
    "harbor_size",
    "harbor_type",
    "shelter_afforded",
    "channel_depth",
    "anchorage_depth",
    "cargo_pier_depth",
    "cargo_oil_depth",
    "max_vessel_size",
    "repair_types",
)
WPI_FLAGS = (
    "port_of_entry",
    "pilot_required",
    "pilot_available",
    "tug_assist",
    "quarantine_procedures_required",
    "water",
    "fuel_oil",
    "diesel",
    "provisions",
)
_WKT_POINT = re.compile(r"^POINT\((-?[\d.]+) (-?[\d.]+)\)$")


def build_wpi_ports(files: UpstreamFiles) -> pd.DataFrame:
    file = str(files.path(WPI_PORTS))
    raw = files.read_csv(WPI_PORTS)
    require(len(raw) == WPI_ROWS, f"expected {WPI_ROWS} ports, found {len(raw)}", file=file)
    require(bool((raw["country"] == "ID").all()), "a port outside Indonesia", file=file, column="country")
    require(
        not raw["index_number"].duplicated().any(), "duplicate index_number", file=file, column="index_number"
    )
    for row, (wkt, lon, lat) in enumerate(
        zip(raw["port_geom"], raw["port_longitude"], raw["port_latitude"], strict=True)
    ):
        parsed = _WKT_POINT.match(wkt)
        require(
            parsed is not None and abs(float(parsed[1]) - lon) < 1e-6 and abs(float(parsed[2]) - lat) < 1e-6,
            "port_geom differs from port_longitude/port_latitude",
            file=file,
            column="port_geom",
            row=row,
        )
    minutes = (raw[["port_longitude", "port_latitude"]] / WPI_COORDINATE_STEP_DEG).to_numpy()
    require(
        bool(np.allclose(minutes, minutes.round(), atol=1e-3)), "coordinates not whole minutes", file=file
    )
    frame = pd.DataFrame(
        {
            "wpi_index_number": raw["index_number"].astype("int64"),
            "port_name": raw["port_name"].astype(str),
            "lon": raw["port_longitude"].astype(float),
            "lat": raw["port_latitude"].astype(float),
            "tide_range": raw["tide_range"].astype(float),
        }
    )
    for column in WPI_CODES:
        frame[column] = raw[column].astype("string")
    for column in WPI_FLAGS:
        values = raw[column]
        require(set(values.dropna()) <= {True, False}, f"{column} is not a flag", file=file, column=column)
        frame[column] = values.astype("boolean")
    frame = geo.tag_points(frame, geo.kabkota_polygons(files))
    require(bool((frame["kab_match"] != "outside").all()), "a WPI port lies off every kab/kota", file=file)
    frame["source"] = WPI_PORTS
    return frame


def link_wpi_to_simpel(wpi: pd.DataFrame, seaports: pd.DataFrame, file: str) -> pd.DataFrame:
    names = set(wpi["port_name"])
    require(
        names == set(WPI_TO_SIMPEL) | WPI_NOT_IN_SIMPEL,
        f"WPI ports {sorted(names)} differ from the expected",
        file=file,
        column="port_name",
    )
    simpel = seaports.set_index("port_code")[["lon", "lat"]]
    out = wpi.copy()
    out["simpel_port_code"] = out["port_name"].map(WPI_TO_SIMPEL).astype("string")
    distances = []
    for _, row in out.iterrows():
        code = row["simpel_port_code"]
        if pd.isna(code):
            distances.append(np.nan)
            continue
        other = simpel.loc[code]
        distances.append(round(float(great_circle_km(row["lat"], row["lon"], other["lat"], other["lon"])), 2))
    out["simpel_distance_km"] = distances
    too_far = out["simpel_distance_km"] > WPI_MAX_LINK_KM
    require(
        not too_far.any(), f"WPI–SIMPEL links too far apart: {list(out.loc[too_far, 'port_name'])}", file=file
    )
    return out


def run_wpi_ports(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    wpi = build_wpi_ports(files)
    return {"wpi_ports": link_wpi_to_simpel(wpi, build_seaports(files), str(files.path(WPI_PORTS)))}


# --- ferry and sea-link facts -----------------------------------------------------------------------------

_WITH_PARENTHESIS = re.compile(r"^(?P<name>.+?) \((?P<inner>[^()]+)\)$")


def _province(value: str, file: str, column: str, row: int) -> str:
    parsed = _WITH_PARENTHESIS.match(value)
    require(parsed is not None, f"province {value!r} lacks its code", file=file, column=column, row=row)
    (code,) = regions.harmonise([parsed["name"]], file=file, column=column)
    require(code == parsed["inner"], f"{value!r}: name means {code}", file=file, column=column, row=row)
    return code


def _kabkota(endpoint: str, province: str, file: str, column: str, row: int) -> object:
    """'Lembar (Lombok Barat)' → 5201 for region provinces; other provinces' places stay without code."""
    parsed = _WITH_PARENTHESIS.match(endpoint)
    require(
        parsed is not None, f"endpoint {endpoint!r} lacks its kab/kota", file=file, column=column, row=row
    )
    if province not in REGION_PROVINCES:
        return pd.NA
    # A bare name shared by kabupaten and kota ("Bima") is the kabupaten: the BPS table convention.
    (code,) = regions.harmonise([parsed["inner"]], file=file, column=column, bare_name_means_kabupaten=True)
    require(
        code[:2] == province, f"{endpoint!r} is not in province {province}", file=file, column=column, row=row
    )
    return code


def ferry_category(origin: str, destination: str) -> str:
    inside = (origin in REGION_PROVINCES) + (destination in REGION_PROVINCES)
    return {2: "intra_region", 1: "domestic_other", 0: "outside_region"}[inside]


def build_ferry_facts(files: UpstreamFiles) -> pd.DataFrame:
    file = str(files.path(FERRY_FACTS))
    raw = files.read_csv(FERRY_FACTS, keep_default_na=False, na_values=[""])
    require(len(raw) == FERRY_ROWS, f"expected {FERRY_ROWS} rows, found {len(raw)}", file=file)
    require(raw["source_url"].notna().all(), "a fact without source URL", file=file, column="source_url")
    require(
        bool(raw["source_url"].str.match(r"https?://").all()),
        "source_url is not a URL",
        file=file,
        column="source_url",
    )
    out = raw[["route_from", "route_to", "fact", "unit", "period", "source_url", "note"]].copy()
    out["value"] = raw["value"].astype(float)
    for end, column in (("from", "from_province"), ("to", "to_province")):
        out[f"{end}_province_code"] = [_province(v, file, column, row) for row, v in enumerate(raw[column])]
        out[f"{end}_province_name"] = out[f"{end}_province_code"].map(lambda c: regions.get(c).name)
        out[f"{end}_kabkota_code"] = pd.array(
            [
                _kabkota(endpoint, province, file, f"route_{end}", row)
                for row, (endpoint, province) in enumerate(
                    zip(raw[f"route_{end}"], out[f"{end}_province_code"], strict=True)
                )
            ],
            dtype="string",
        )
    out["category"] = [
        ferry_category(a, b) for a, b in zip(out["from_province_code"], out["to_province_code"], strict=True)
    ]
    out["note"] = out["note"].astype("string")
    out["source"] = FERRY_FACTS
    return out


def run_ferry_facts(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    return {"ferry_facts": build_ferry_facts(files)}


# --- specifications ---------------------------------------------------------------------------------------


DECLARED_PROVINCE = Column(
    "declared_province_code",
    "string",
    "Province the upstream declares, as BPS code",
    allowed=regions.KR_BNN_PROVINCES,
)
DECLARED_KAB = Column("declared_kabkota", "string", "Kab/kota the upstream declares, verbatim")
DECLARED_KAB_CODE = Column(
    "declared_kabkota_code",
    "string",
    "The declared kab/kota as BPS code (spelling variants mapped explicitly); empty where the name is "
    "shared by a kabupaten and a kota",
    nullable=True,
    pattern=r"5[123]\d{2}",
)
KAB_AGREES = Column(
    "kab_agrees",
    "boolean",
    "Polygon kab/kota equals the declared one (for a shared bare name: either of the two); empty where the "
    "point has no polygon kab/kota",
    nullable=True,
)

AIRPORTS_SPEC = specs.spec(
    "airports",
    citation=(
        "OurAirports (edisi terbaru) dan OpenFlights (berkas bandara 2019)",
        "OurAirports (recent edition) and OpenFlights (airports file of 2019)",
    ),
    title_id="Bandar udara di Bali, NTB dan NTT",
    title_en="Airports in Bali, NTB and NTT",
    description=(
        "One row per airport or airfield: OurAirports (all rows of ID-BA, ID-NB, ID-NT except the 26 "
        "heliports and WATQ John Becker on Kisar, which lies outside the region) merged with OpenFlights by "
        "IATA code (Selaparang AMI through its OurAirports keywords), plus the OpenFlights-only Amanwana "
        "seaplane base. Coordinates, names, type and scheduled service from OurAirports; the OpenFlights "
        "name, ICAO code and the distance between the two sources' positions are kept. Closed airfields "
        "stay, with status closed. Kab/kota from a point-in-polygon test (nearest polygon within 5 km)."
    ),
    columns=(
        Column("airport_id", "string", "OurAirports ident, or openflights-<id> for OpenFlights-only entries"),
        Column("ourairports_ident", "string", "OurAirports ident (not always the ICAO code)", nullable=True),
        Column(
            "openflights_id",
            "integer",
            "OpenFlights airport id of the matched entry",
            nullable=True,
            minimum=1,
        ),
        Column("iata_code", "string", "IATA code", nullable=True, pattern=r"[A-Z]{3}"),
        Column(
            "icao_code",
            "string",
            "ICAO code: OurAirports icao_code, else its gps_code, else the OpenFlights ICAO",
            nullable=True,
            pattern=r"[A-Z]{4}",
        ),
        Column("gps_code", "string", "OurAirports gps_code", nullable=True),
        Column(
            "openflights_icao",
            "string",
            "ICAO code in OpenFlights (older codes for some, e.g. WADT Tambolaka, now WATK)",
            nullable=True,
        ),
        Column("name", "string", "Name (OurAirports; OpenFlights for OpenFlights-only entries)"),
        Column("openflights_name", "string", "Name in OpenFlights (some outdated)", nullable=True),
        Column(
            "municipality", "string", "Municipality as given by OurAirports (OpenFlights city)", nullable=True
        ),
        Column(
            "type",
            "string",
            "OurAirports type (closed = closed airfield); seaplane_base for Amanwana (from its name)",
            allowed=("large_airport", "medium_airport", "small_airport", "closed", "seaplane_base"),
        ),
        Column(
            "status",
            "string",
            "open (listed as operating by OurAirports), closed, or not_stated (OpenFlights-only entry)",
            allowed=("open", "closed", "not_stated"),
        ),
        Column(
            "scheduled_service",
            "boolean",
            "OurAirports scheduled_service (empty for OpenFlights-only entries)",
            nullable=True,
        ),
        Column("elevation_ft", "float", "Elevation", unit="ft", nullable=True, minimum=0, maximum=10_000),
        geo.lon_column(),
        geo.lat_column(),
        Column(
            "openflights_offset_km",
            "float",
            "Distance between the OurAirports and the OpenFlights position (LWE: OpenFlights is wrong)",
            unit="km",
            nullable=True,
            minimum=0,
        ),
        Column(
            "declared_province_code",
            "string",
            "Province from the OurAirports iso_region (ID-BA 51, ID-NB 52, ID-NT 53)",
            nullable=True,
            allowed=regions.KR_BNN_PROVINCES,
        ),
        *geo.POINT_LOCATION,
        specs.SOURCE,
    ),
    primary_key=("airport_id",),
    quality=(
        "amber",
        "Registri komunitas (OurAirports, OpenFlights) yang dicocokkan satu sama lain; posisi cukup untuk "
        "peta, bukan hasil survei. Tanpa data landasan dan penumpang.",
        "Community registries (OurAirports, OpenFlights) checked against each other; positions fit for maps, "
        "not surveyed. No runway or passenger data.",
    ),
    caveats=(
        (
            "Koordinat Wonopito (LWE, Lewoleba) di OpenFlights adalah koordinat Maumere; tabel ini memakai "
            "koordinat OurAirports (−8,3618; 123,4386, Kabupaten Lembata).",
            "OpenFlights gives Wonopito (LWE, Lewoleba) Maumere's coordinates; this table uses OurAirports' "
            "(−8.3618, 123.4386, Lembata).",
        ),
        (
            "Bandara Selaparang (AMI) sudah ditutup (status closed); penerbangan Lombok memakai LOP.",
            "Selaparang (AMI) is closed (status closed); Lombok's flights use LOP.",
        ),
        (
            "26 heliport OurAirports tidak dimasukkan; WATQ John Becker (Kisar, bujur 127,2) dibuang karena "
            "di luar wilayah meski berkode ID-NT.",
            "The 26 OurAirports heliports are left out; WATQ John Becker (Kisar, lon 127.2) is dropped: it "
            "lies outside the region although coded ID-NT.",
        ),
        (
            "Ident OurAirports tidak selalu kode ICAO (WADT Tambolaka = WATK, WADW Waingapu = WATU). Hanya "
            "ident WA** dan ID-**** yang dipindai, jadi bandara dengan awalan lain bisa terlewat.",
            "OurAirports idents are not always ICAO codes (WADT Tambolaka = WATK, WADW Waingapu = WATU). "
            "Only WA** and ID-**** idents were scanned, so airports under other prefixes may be missing.",
        ),
        (
            "Posisi OpenFlights dan OurAirports berbeda hingga 29 km (Atambua ABU) selain LWE; dipakai "
            "posisi OurAirports.",
            "OpenFlights and OurAirports positions differ by up to 29 km (Atambua ABU) besides LWE; "
            "OurAirports' are used.",
        ),
    ),
    vintage="OurAirports (recent; commit baba52b); OpenFlights airports file 2019",
)

AIR_ROUTES_SPEC = specs.spec(
    "air_routes_2014",
    citation=(
        "OpenFlights, data rute penerbangan (potret Juni 2014); bandara: OurAirports",
        "OpenFlights, airline route data (June 2014 snapshot); airports: OurAirports",
    ),
    title_id="Rute penerbangan dari/ke Bali, NTB dan NTT, potret Juni 2014",
    title_en="Air routes to and from Bali, NTB and NTT, June-2014 snapshot",
    description=(
        "Directed airport pairs (edge list: origin → destination IATA) with at least one OpenFlights route "
        "record touching a region airport, aggregated from the route records and checked against the "
        "upstream pairs file: number of records and of airlines (marketing carriers, codeshares included), "
        "airline codes, geodesic distance on the WGS84 ellipsoid (OpenFlights "
        "positions) and category: intra_region (both ends in Bali/NTB/NTT), domestic_other (other end "
        "elsewhere in Indonesia) or international. Province and kab/kota codes of region airports come from "
        "the `airports` table. June-2014 snapshot: not today's network."
    ),
    columns=(
        Column("origin", "string", "IATA code of the origin airport", pattern=r"[A-Z]{3}"),
        Column("destination", "string", "IATA code of the destination airport", pattern=r"[A-Z]{3}"),
        Column("origin_name", "string", "Origin airport name (OpenFlights)"),
        Column("destination_name", "string", "Destination airport name (OpenFlights)"),
        Column("origin_country", "string", "Origin country (OpenFlights)"),
        Column("destination_country", "string", "Destination country (OpenFlights)"),
        Column(
            "origin_province_code",
            "string",
            "BPS province of a region origin",
            nullable=True,
            allowed=regions.KR_BNN_PROVINCES,
        ),
        Column(
            "destination_province_code",
            "string",
            "BPS province of a region destination",
            nullable=True,
            allowed=regions.KR_BNN_PROVINCES,
        ),
        Column(
            "origin_kabkota_code",
            "string",
            "BPS kab/kota of a region origin",
            nullable=True,
            pattern=r"5[123]\d{2}",
        ),
        Column(
            "destination_kabkota_code",
            "string",
            "BPS kab/kota of a region destination",
            nullable=True,
            pattern=r"5[123]\d{2}",
        ),
        Column(
            "category",
            "string",
            "intra_region, domestic_other or international",
            allowed=("intra_region", "domestic_other", "international"),
        ),
        Column("n_route_records", "integer", "OpenFlights route records of the pair", minimum=1),
        Column("n_airlines", "integer", "Distinct airline codes (incl. the suspect record)", minimum=1),
        Column(
            "n_suspect_airlines",
            "integer",
            "Airlines of the pair whose record looks wrong (TN MOF→KOE); subtract for a cautious count",
            minimum=0,
        ),
        Column("airlines", "string", "Airline codes, space-separated, sorted"),
        Column(
            "all_codeshare", "boolean", "Every record of the pair is a codeshare (marketed, not operated)"
        ),
        Column(
            "great_circle_km",
            "float",
            "Shortest distance on the WGS84 ellipsoid (geodesic, indicators.great_circle_km), 0.1 km; within "
            "0.6 % of the pairs file's spherical value",
            unit="km",
            minimum=0,
        ),
        Column("snapshot", "string", "Vintage of the route data", allowed=(SNAPSHOT,)),
        specs.SOURCE,
    ),
    primary_key=("origin", "destination"),
    quality=(
        "red",
        "Data rute pihak ketiga yang berhenti diperbarui Juni 2014, tanpa frekuensi atau kursi: hanya "
        "petunjuk jaringan masa lalu.",
        "Third-party route data frozen in June 2014, without frequencies or seats: a pointer to the past "
        "network only.",
    ),
    caveats=(
        (
            "Potret Juni 2014 (penyedia data rute berhenti memperbarui): bukan jaringan saat ini; rute baru "
            "sesudahnya tidak ada.",
            "June-2014 snapshot (the route data provider stopped updating): not today's network; later "
            "routes are missing.",
        ),
        (
            "Tanpa frekuensi, kursi atau penumpang; jumlah maskapai menghitung maskapai pemasar (codeshare "
            "termasuk), bukan penerbangan.",
            "No frequencies, seats or passengers; airline counts count marketing carriers (codeshares "
            "included), not flights.",
        ),
        (
            "Satu catatan 'TN' (Air Tahiti Nui) MOF→KOE tampak keliru; ditandai dalam data, tidak dihapus.",
            "One 'TN' (Air Tahiti Nui) record MOF→KOE looks wrong; it is marked in the data, not removed.",
        ),
        (
            "Hanya 9 dari 20 bandara OpenFlights di wilayah punya rute (tidak ada untuk ABU, SAU, RTI, LKA, "
            "LWE, BJW, RTG, ARD, SWQ). Kode maskapai bisa ambigu (kode dipakai ulang oleh maskapai lain).",
            "Only 9 of the 20 OpenFlights airports in the region have any route (none for ABU, SAU, RTI, "
            "LKA, LWE, BJW, RTG, ARD, SWQ). Airline codes can be ambiguous (codes are reused by other "
            "airlines).",
        ),
    ),
    vintage="June-2014 snapshot (OpenFlights routes.dat of 2017-02-02)",
)

SEAPORTS_SPEC = specs.spec(
    "seaports",
    citation=(
        "Kementerian Perhubungan, sistem informasi pelabuhan SIMPEL (Desember 2017)",
        "Ministry of Transport, SIMPEL port information system (December 2017)",
    ),
    title_id="Pelabuhan laut dan terminal khusus (SIMPEL Kemenhub, 2017)",
    title_en="Sea ports and special terminals (Kemenhub SIMPEL, 2017)",
    description=(
        "Ports and terminals of the Ministry of Transport's SIMPEL register as scraped in December 2017, "
        "region extract (59). Declared province and kab/kota are kept; the kab/kota is also taken from the "
        "point's position (nearest polygon within 7 km), and `coord_flag` marks positions that cannot be "
        "right: outside_study_area (8, lat ≈ −7.1 to −7.7), off_coast (farther than 7 km from land: the 6 "
        "Denpasar TUKS mis-keyed at lon ≈ 115.74 and one PLN terminal), or province_mismatch. Coordinates "
        "are not corrected. Ferry (ASDP) ports are absent."
    ),
    columns=(
        Column("port_code", "string", "SIMPEL port code"),
        Column("name", "string", "Name as given (some '?' replace characters lost in the scrape)"),
        Column("category", "string", "SIMPEL category, as given", allowed=tuple(SEAPORT_CATEGORIES)),
        Column("penyelenggara", "string", "Port authority office (penyelenggara), as given", nullable=True),
        Column("operator", "string", "Operator, as given (e.g. PELINDO)", nullable=True),
        DECLARED_KAB,
        DECLARED_KAB_CODE,
        DECLARED_PROVINCE,
        geo.lon_column(),
        geo.lat_column(STUDY_LAT[0], -7.0),
        Column(
            "in_study_area",
            "boolean",
            "Position inside the region's box (lon 114.4–125.2, lat −11.1 to −8.0)",
        ),
        *geo.POINT_LOCATION,
        KAB_AGREES,
        Column(
            "coord_flag",
            "string",
            "ok, outside_study_area, off_coast (> 7 km from every kab/kota polygon) or province_mismatch",
            allowed=("ok", "outside_study_area", "off_coast", "province_mismatch"),
        ),
        Column("detail_url", "string", "SIMPEL detail page (2017)", pattern=r"https?://\S+"),
        specs.SOURCE,
    ),
    primary_key=("port_code",),
    quality=(
        "amber",
        "Register resmi Kemenhub (hasil scraping 2017); 15 dari 59 posisi ditandai salah dan pelabuhan "
        "penyeberangan tidak ada.",
        "Official ministry register (scraped 2017); 15 of 59 positions are flagged wrong and ferry ports are "
        "absent.",
    ),
    caveats=(
        (
            "8 titik berkoordinat di luar wilayah (lintang ≈ −7,1 s.d. −7,7) dan 7 lain di laut lebih dari 7 "
            "km dari daratan (6 TUKS Denpasar di bujur ≈ 115,74, dekat Lombok); koordinat tidak diperbaiki, "
            "kab/kota dikosongkan, provinsi mengikuti yang dinyatakan.",
            "8 points have coordinates outside the region (lat ≈ −7.1 to −7.7) and 7 more lie at sea over 7 "
            "km from land (6 Denpasar TUKS at lon ≈ 115.74, off Lombok); coordinates are not corrected, the "
            "kab/kota is left empty and the province is the declared one.",
        ),
        (
            "Sebagian kabupaten/kota dalam sumber keliru (terminal PLTG Gilimanuk tercatat di Klungkung). "
            "'KUPANG' dan 'BIMA' tidak membedakan kabupaten dan kota.",
            "Some kab/kota names in the source are wrong (the PLTG Gilimanuk terminal is listed under "
            "Klungkung). 'KUPANG' and 'BIMA' do not tell kabupaten from kota.",
        ),
        (
            "Pelabuhan penyeberangan (ASDP) tidak ada: Labuan Bajo, Sape, Kayangan, Pototano, Reo, Aimere. "
            "Tanpa rute, kunjungan kapal atau arus barang.",
            "Ferry (ASDP) ports are absent: Labuan Bajo, Sape, Kayangan, Pototano, Reo, Aimere. No routes, "
            "ship calls or cargo.",
        ),
        (
            "Data tahun 2017 tanpa lisensi data dari kementerian.",
            "2017 data, without a data licence from the ministry.",
        ),
    ),
    vintage="SIMPEL register scraped December 2017",
)

FISHING_PORTS_SPEC = specs.spec(
    "fishing_ports",
    citation=(
        "Kementerian Kelautan dan Perikanan (kemungkinan sistem informasi pelabuhan perikanan), sekitar "
        "2015–2017",
        "Ministry of Marine Affairs and Fisheries (probably its fishing-port information system), about "
        "2015–2017",
    ),
    title_id="Pelabuhan perikanan di Bali, NTB dan NTT (sekitar 2015–2017)",
    title_en="Fishing ports in Bali, NTB and NTT (about 2015–2017)",
    description=(
        "Fishing ports with class (PPN Pelabuhan Perikanan Nusantara, PPP Pelabuhan Perikanan Pantai, PPI "
        "Pangkalan Pendaratan Ikan, CPPI planned PPI), operational status, manager, WPP-RI fisheries area "
        "and facility flags, as in a file that is probably an extract of KKP's fishing-port information "
        "system. Kab/kota from a point-in-polygon test (nearest polygon within 5 km) next to the declared "
        "one. The source's `id_propinsi` (17 Bali, 18 NTB, 19 NTT) are internal ids, replaced by BPS codes."
    ),
    columns=(
        Column("port_id", "integer", "id_pelabuhan of the source", minimum=1),
        Column("name", "string", "Port name, as given"),
        Column("port_class", "string", "PPN, PPP, PPI or CPPI", allowed=tuple(FISHING_CLASSES)),
        Column(
            "operational_status",
            "string",
            "operational (Operasional), not_yet_operational (Belum Operasional), planning (Tahap "
            "Perencanaan), not_operational (Tidak Operasional)",
            allowed=tuple(FISHING_STATUS.values()),
        ),
        Column("manager", "string", "pengelola_pelabuhan, as given", allowed=FISHING_MANAGERS),
        Column("fisheries_area", "string", "WPP-RI fisheries management area", pattern=r"WPP-RI \d{3}"),
        *(
            Column(name, "boolean", f"Facility flag `{column}` of the source (0 may mean not recorded)")
            for column, name in FISHING_FACILITIES.items()
        ),
        Column("pipp_integrated", "boolean", "Integrated into the PIPP port information system (Sudah)"),
        DECLARED_KAB,
        DECLARED_KAB_CODE,
        DECLARED_PROVINCE,
        geo.lon_column(),
        geo.lat_column(),
        *geo.POINT_LOCATION,
        KAB_AGREES,
        specs.SOURCE,
    ),
    primary_key=("port_id",),
    quality=(
        "red",
        "Asal data tidak terdokumentasi (kemungkinan sistem informasi KKP, sekitar 2015–2017): hanya "
        "petunjuk.",
        "Undocumented provenance (probably KKP's information system, about 2015–2017): a pointer only.",
    ),
    caveats=(
        (
            "Asal data tidak terdokumentasi; status operasional dan fasilitas per sekitar 2015–2017.",
            "Provenance undocumented; operational status and facilities as of about 2015–2017.",
        ),
        (
            "8 pelabuhan terletak di kabupaten/kota lain daripada yang dinyatakan sumber (mis. PP. Kore, "
            "tercatat di Dompu, terletak di Bima; PP. Labuhan Buwah, tercatat di Sumbawa, di Lombok Timur). "
            "Salah ketik 'Timur Tengah Utara' dibaca Timor Tengah Utara.",
            "8 ports lie in another kab/kota than the source declares (e.g. PP. Kore, listed in Dompu, lies "
            "in Bima; PP. Labuhan Buwah, listed in Sumbawa, lies in Lombok Timur). The typo "
            "'Timur Tengah Utara' is read as Timor Tengah Utara.",
        ),
        (
            "kode provinsi sumber bukan kode BPS (NTB = 18); diganti kode BPS.",
            "The source's province codes are not BPS codes (NTB = 18); replaced by BPS codes.",
        ),
        (
            "Nilai 0 pada tanda fasilitas bisa berarti tidak tercatat, bukan tidak ada.",
            "A 0 facility flag may mean not recorded rather than absent.",
        ),
    ),
    vintage="About 2015–2017 (extract committed 2017-12-15)",
)

WPI_SPEC = specs.spec(
    "wpi_ports",
    citation=(
        "NGA (Amerika Serikat), World Port Index (edisi tidak disebutkan); Kementerian Perhubungan, SIMPEL "
        "(Desember 2017)",
        "US NGA, World Port Index (edition not stated); Ministry of Transport, SIMPEL (December 2017)",
    ),
    title_id="Pelabuhan dalam World Port Index di Bali, NTB dan NTT",
    title_en="World Port Index ports in Bali, NTB and NTT",
    description=(
        "The 10 ports of the World Port Index (NGA Pub. 150) in the region, with harbour and facility "
        "attributes as WPI letter codes and flags (not decoded), kab/kota from a point-in-polygon test, and "
        "the SIMPEL port code of the same harbour (by name) with the distance between the two positions. A "
        "separate table, not merged into `seaports`: the two registers list different ports (Ampenan and "
        "Labuhanhaji are not in SIMPEL; most SIMPEL ports are not in the WPI)."
    ),
    columns=(
        Column("wpi_index_number", "integer", "WPI index number", minimum=1),
        Column("port_name", "string", "WPI port name"),
        geo.lon_column(),
        geo.lat_column(),
        Column(
            "tide_range", "float", "WPI tide range, as given (unit not stated in the file)", nullable=True
        ),
        Column("harbor_size", "string", "WPI harbour size code (V very small, S small)", nullable=True),
        Column(
            "harbor_type",
            "string",
            "WPI harbour type code (CN coastal natural, OR open roadstead)",
            nullable=True,
        ),
        Column(
            "shelter_afforded",
            "string",
            "WPI shelter code (E excellent, G good, F fair, P poor)",
            nullable=True,
        ),
        *(
            Column(c, "string", f"WPI `{c}` letter code (depth class; not decoded)", nullable=True)
            for c in ("channel_depth", "anchorage_depth", "cargo_pier_depth", "cargo_oil_depth")
        ),
        Column("max_vessel_size", "string", "WPI maximum vessel size code, as given", nullable=True),
        Column("repair_types", "string", "WPI repair code, as given", nullable=True),
        *(Column(c, "boolean", f"WPI flag `{c}` (empty = not stated)", nullable=True) for c in WPI_FLAGS),
        *geo.POINT_LOCATION,
        Column("simpel_port_code", "string", "Port code of the same harbour in `seaports`", nullable=True),
        Column(
            "simpel_distance_km",
            "float",
            "Distance between the WPI and SIMPEL positions",
            unit="km",
            nullable=True,
            minimum=0,
        ),
        specs.SOURCE,
    ),
    primary_key=("wpi_index_number",),
    quality=(
        "amber",
        "Produk resmi NGA (AS), edisi tidak disebut; hanya 10 pelabuhan dan posisi berpresisi 1 menit busur.",
        "Official NGA (US) product, edition not stated; only 10 ports, positions at 1-minute precision.",
    ),
    caveats=(
        (
            "Edisi WPI tidak disebut; koordinat berpresisi sekitar 1′ (±1–2 km).",
            "WPI edition not stated; coordinates at about 1′ precision (±1–2 km).",
        ),
        (
            "Banyak pelabuhan tidak ada: Lembar, Padang Bai, Bima, Labuan Bajo, Kalabahi, Atapupu dan "
            "lainnya.",
            "Many ports are missing: Lembar, Padang Bai, Bima, Labuan Bajo, Kalabahi, Atapupu and others.",
        ),
        (
            "Kode huruf kedalaman dan ukuran kapal tidak diterjemahkan ke meter: tabel kodenya (NGA Pub. "
            "150) tidak tersedia dalam sumber data.",
            "Depth and vessel-size letter codes are not decoded into metres: their code table (NGA Pub. 150) "
            "is not among the source files.",
        ),
    ),
    vintage="WPI edition not stated (repository commit of 2022-10-03)",
)

FERRY_SPEC = specs.spec(
    "ferry_facts",
    citation=(
        "Berita daring dan pernyataan ASDP/Kementerian Perhubungan (per baris), 2012–sekitar 2025",
        "Online news and ASDP/Ministry of Transport statements (per row), 2012 to about 2025",
    ),
    title_id="Fakta penyeberangan dan angkutan laut dari berita",
    title_en="Ferry and sea-link facts from news pages",
    description=(
        "Single facts on ferry and sea links (distance, sailing time, ships, departures, fares, closures, "
        "tol-laut tariffs) quoted from news pages, ASDP/ministry statements as reported and a travel blog; "
        "one fact per row with its period as given and its source URL. Provinces as BPS codes; the kab/kota "
        "of endpoints in Bali/NTB/NTT as BPS codes. Category: intra_region (both ends in the region), "
        "domestic_other (one end), outside_region (neither: the tol-laut leg to Moa, Maluku)."
    ),
    columns=(
        Column("route_from", "string", "Origin port (kab/kota), as given"),
        Column("route_to", "string", "Destination port (kab/kota), as given"),
        Column("from_province_code", "string", "BPS province of the origin", pattern=r"\d{2}"),
        Column("from_province_name", "string", "Official province name (registry)"),
        Column(
            "from_kabkota_code",
            "string",
            "BPS kab/kota of an origin in the region",
            nullable=True,
            pattern=r"5[123]\d{2}",
        ),
        Column("to_province_code", "string", "BPS province of the destination", pattern=r"\d{2}"),
        Column("to_province_name", "string", "Official province name (registry)"),
        Column(
            "to_kabkota_code",
            "string",
            "BPS kab/kota of a destination in the region",
            nullable=True,
            pattern=r"5[123]\d{2}",
        ),
        Column(
            "category",
            "string",
            "intra_region, domestic_other or outside_region",
            allowed=("intra_region", "domestic_other", "outside_region"),
        ),
        Column("fact", "string", "What the value measures (e.g. distance, sailing_time, ferries_daily)"),
        specs.value("The value, in `unit`", minimum=0),
        specs.UNIT,
        Column("period", "string", "Date or period, as given by the source"),
        Column("source_url", "string", "Page the fact was read on", pattern=r"https?://\S+"),
        Column(
            "note", "string", "Context quoted with the fact (further figures, other sources)", nullable=True
        ),
        specs.SOURCE,
    ),
    primary_key=("route_from", "route_to", "fact", "period"),
    quality=(
        "red",
        "Laporan sekunder (berita, blog) dengan tanggal campuran; tidak ada deret waktu.",
        "Secondary reports (news, a blog) with mixed dates; no time series.",
    ),
    caveats=(
        (
            "Fakta tunggal dari berita dengan tanggal berbeda-beda (2012 s.d. sekitar 2025); fakta Lembar–"
            "Padangbai tidak bertanggal.",
            "Single facts from news with mixed dates (2012 to about 2025); the Lembar–Padangbai facts are "
            "undated.",
        ),
        (
            "Tidak ada tabel lintasan penyeberangan ASDP, penumpang, tol laut atau Pelni; tidak ada angka "
            "untuk Kayangan–Pototano, Bima–Waingapu, rute Kupang atau Pelni.",
            "No ASDP crossing, passenger, tol-laut or Pelni route tables; no numbers for Kayangan–Pototano, "
            "Bima–Waingapu, Kupang routes or Pelni.",
        ),
    ),
    vintage="2012 to about 2025 (per row)",
)

POLYGONS = geo.KABKOTA_POLYGONS
AIRPORT_INPUTS = (OURAIRPORTS, OPENFLIGHTS_AIRPORTS, POLYGONS)

STEPS = (
    step("airports", AIRPORT_INPUTS, (AIRPORTS_SPEC,), run_airports),
    step(
        "air_routes_2014",
        (OPENFLIGHTS_ROUTES, OPENFLIGHTS_PAIRS, *AIRPORT_INPUTS),
        (AIR_ROUTES_SPEC,),
        run_air_routes,
    ),
    step("seaports", (SIMPEL_SEAPORTS, POLYGONS), (SEAPORTS_SPEC,), run_seaports),
    step("fishing_ports", (FISHING_PORTS, POLYGONS), (FISHING_PORTS_SPEC,), run_fishing_ports),
    step("wpi_ports", (WPI_PORTS, SIMPEL_SEAPORTS, POLYGONS), (WPI_SPEC,), run_wpi_ports),
    step("ferry_facts", (FERRY_FACTS,), (FERRY_SPEC,), run_ferry_facts),
)
