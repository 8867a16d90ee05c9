"""Curated power plants of Bali, NTB and NTT from four partial sources, de-duplicated by an explicit rule.

Sources (one *record* per source feature; records are merged into *plants*):

* OpenStreetMap (``osm:way/…``), state 2026-05-10: the most recent and most complete; capacity parsed from
  ``plant:output:electricity`` here (kW → MW; kWp marked as DC peak).
* Indonesia Power Map Bali generator master (``ipm:GEN-JMB-…``): an OSM derivative; each row carries the
  OSM id it came from and is attached to that OSM record (capacities must agree).
* GEM Geothermal Power Tracker, March 2026 (``gem:G…``): units grouped by project and status.
* WRI Global Power Plant Database raw input (``gppd:…``), data of about 2015–2018; rows sharing a GPPD id
  are summed (as the GPPD release does), and the v1.0-schema release rows (``WRI…`` ids) are checked
  against them.

De-duplication rule. Records of different sources are one plant only when listed in ``SAME_PLANT`` below;
each entry names the plant's records, which must have the same technology, the same province and, where
both have coordinates, lie within ``MAX_MATCH_KM`` of each other (GPPD coordinates are rounded to about
5 km). Conversely, the build fails when two records of different sources with the same technology lie
within ``CANDIDATE_KM`` and are neither merged nor listed in ``KEPT_APART``: a new release must be reviewed,
not merged silently. Within a plant, the record of the preferred source gives name, technology, status,
province and capacity (OSM, then GEM, then GPPD); coordinates, start year and operator come from the
first source in that order that has them. The plant row lists every record (``records``), every
origin record (``source``) and the capacities of other records that differ (``other_capacities_mw``).

Documented defects fixed or flagged (upstream README): PLTB Nusa Penida is eight OSM features each tagged
720 kW, the plant's total → one plant of 0.72 MW; "PLTG Ulumbu" is geothermal (name fixed to PLTP) and
"PTLD Ampenan" is PLTD; Pesanggaran's PLTDG 325 MW and PLTG 200 MW (and GPPD's units at the same site) are
flagged as possibly overlapping; PLTU Batu Hijau and PLTS Sumbawa are flagged captive (mining);
GPPD "PLTU Kupang" has placeholder coordinates in Sulawesi (dropped); GEM's "Ulumbo" units carry
Lampung (Ulubelu) coordinates (dropped; province set to NTT and merged with Ulumbu).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from krbnn_analysis import regions
from krbnn_analysis.catalog import Column
from krbnn_analysis.pipeline import geo, specs
from krbnn_analysis.pipeline.common import concat, join_flags, require
from krbnn_analysis.pipeline.core import step
from krbnn_analysis.pipeline.subjects.energy.common import (
    LAT,
    LON,
    PLTX_TECHNOLOGY,
    RENEWABLE_COLUMN,
    TECHNOLOGY,
    flags_column,
    province_disagrees,
    renewable_of,
)
from krbnn_analysis.pipeline.upstream import UpstreamFiles

OSM = "osm-power-plants-bali-ntb-ntt-2026-05-10"
IPM = "ipm-generator-master-bali-from-jamali"
GEM = "gem-geothermal-tracker-mar2026-bali-ntb-ntt"
GPPD_RAW = "gppd-wri-raw-indonesia-bali-ntb-ntt"
GPPD_V10 = "wri-gppd-v1-0-schema-bali-ntb-ntt"

FAMILY_ORDER = ("osm", "gem", "gppd")  # preference order within a merged plant
MAX_MATCH_KM = 5.0
CANDIDATE_KM = 1.0

# --- facts of the releases ---------------------------------------------------------------------------
OSM_ROWS = {"51": 19, "52": 18, "53": 42}
IPM_ROWS = 18
GEM_ROWS = 17
GPPD_RAW_ROWS = 22
GPPD_V10_ROWS = 10

OSM_SOURCE_TECHNOLOGY = {
    "coal": "coal",
    "gas": "gas",
    "diesel": "diesel",
    "diesel;gas": "dual_fuel",
    "geothermal": "geothermal",
    "hydro": "hydro",
    "solar": "solar",
    "wind": "wind",
}
COMPATIBLE = {("gas", "dual_fuel"), ("dual_fuel", "gas")}  # PLTMG (gas engine) tagged diesel;gas
CAPACITY_TEXT = re.compile(r"^\s*(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>kWp|kW|MWp|MW)\s*$")

# Name typos in OSM (upstream README): osm id → (name as given, fixed name)
OSM_NAME_FIXES = {
    "way/937059867": ("PLTG Ulumbu", "PLTP Ulumbu"),  # plant:source geothermal
    "way/1216609678": ("PTLD Ampenan Power Station", "PLTD Ampenan Power Station"),
}
# PLTB Nusa Penida: eight turbine features, each tagged with the plant total of 720 kW (upstream README).
NUSA_PENIDA_WIND = tuple(f"way/{n}" for n in range(1448296632, 1448296640))
NUSA_PENIDA_MW = 0.72
# Captive plants of the Batu Hijau copper mine (operator PT Amman Mineral Nusa Tenggara; README).
CAPTIVE = ("way/944916493", "way/1303667171")

GEM_STATUS = {
    "operating": "operating",
    "announced": "announced",
    "pre-construction": "pre_construction",
    "cancelled": "cancelled",
}
GEM_ULUMBO = "Ulumbo geothermal power plant"  # Ulumbu's PLN units with Ulubelu (Lampung) coordinates
GEM_ULUMBO_LAT = (-5.31, -5.30)

GPPD_FUEL = {
    "Hydro": "hydro",
    "Geothermal": "geothermal",
    "Diesel": "diesel",
    "Coal": "coal",
    "Natural Gas": "gas",
}
GPPD_V10_FUEL = {"Oil": "diesel", "Gas": "gas", "Coal": "coal"}
GPPD_PLACEHOLDER = {"1000947": (-2.5213, 121.357)}  # PLTU Kupang: Balambano (Sulawesi) placeholder
GPPD_SUMMED_ID = {"1000804": (30.0, 45.0)}  # Pesanggaran BOO: two rows, 75 MW in the release

SAME_PLANT: tuple[tuple[tuple[str, ...], str], ...] = (
    (("osm:way/493218545", "gppd:1075802"), "PLTU Celukan Bawang"),
    (("osm:way/564749763", "gppd:1000825"), "PLTG Gilimanuk"),
    (("osm:way/894351135", "gppd:1000844"), "PLTG Pemaron"),
    (("osm:way/1330737251", "gppd:1000845"), "PLTG Pesanggaran"),
    (("osm:way/1216609678", "gppd:1000736"), "PLTD Ampenan"),
    (("osm:way/150155344", "gppd:1001033"), "PLTD Tenau (Kupang)"),
    (
        ("osm:way/173552269", "gppd:1000952", "gppd:1000958"),
        "PLTU Jeranjang: GPPD lists two units, Jeranjang III 25 MW and NTB-2 Jeranjang 50 MW",
    ),
    (
        ("osm:way/944916493", "gppd:1075801", "gppd:1000957"),
        "PLTU Batu Hijau: GPPD lists it twice (GCPT 124 MW; 'PLTU Newmont' 112 MW, the mine's former owner)",
    ),
    (("osm:way/937059863", "gppd:1000959"), "PLTU Ropa (Ende)"),
    (("osm:way/611789533", "gppd:1000905"), "PLTU Bolok: GPPD lists unit I only"),
    (
        ("osm:way/937059867", "gem:G100000700375", "gppd:1001041"),
        "PLTP Ulumbu: OSM 10 MW, GEM 4 × 2 MW ('Ulumbo'), GPPD 5 MW",
    ),
    (("osm:way/1313835498", "gem:G100000700368"), "PLTP Sokoria: OSM 8 MW, GEM 2 × 3 MW operating"),
    (
        ("gem:G100000700358", "gppd:1000786"),
        "PLTP Mataloko: GEM unit 1, 2 MW; GPPD 'Mataloko – Bajawa' 1.8 MW",
    ),
)
KEPT_APART = {
    frozenset({"osm:way/239759321", "gppd:1000845"}): "PLTDG Pesanggaran (OSM) vs PLTG Pesanggaran (GPPD), "
    "the latter merged with OSM's PLTG Pesanggaran",
}
# Records at one site that may describe the same machines (upstream README: Pesanggaran twice in OSM).
SITE_OVERLAPS = {
    "Pesanggaran": (
        ("osm:way/239759321", "osm:way/1330737251", "gppd:1000803", "gppd:1000804", "gppd:1000805"),
        "Pesanggaran site (Denpasar): OSM maps PLTDG 325 MW and PLTG 200 MW; GPPD (c. 2016) lists PLTG 122 "
        "MW, PLTD 75.78 MW and rental diesel BOO 75 MW and BOT 51 MW at the same place. These records may "
        "overlap: do not add them up.",
    ),
}

RECORD_COLUMNS = [
    "record_id",
    "family",
    "origin",
    "name",
    "technology",
    "capacity_mw",
    "capacity_basis",
    "status",
    "status_vintage",
    "start_year",
    "operator",
    "lon",
    "lat",
    "region_code",
    "flags",
    "note",
]


def _record_frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=RECORD_COLUMNS)
    return frame.astype({"capacity_mw": "float64", "lon": "float64", "lat": "float64", "start_year": "Int64"})


# --- OSM ------------------------------------------------------------------------------------------------


def parse_osm_capacity(text: object, *, file: str, row: int) -> tuple[float, str] | tuple[None, None]:
    """'600 kW' → (0.6, 'not_stated'); '275 kWp' → (0.275, 'dc_peak'); 'yes' or blank → (None, None)."""
    if pd.isna(text) or str(text).strip() == "yes":
        return None, None
    match = CAPACITY_TEXT.match(str(text))
    require(match is not None, f"unparsed capacity {text!r}", file=file, column="output_raw", row=row)
    number = float(match["number"])
    unit = match["unit"]
    mw = number / 1000 if unit.startswith("kW") else number
    return mw, ("dc_peak" if unit.endswith("p") else "not_stated")


def _prefix_technology(name: object) -> str | None:
    if pd.isna(name):
        return None
    first = str(name).split()[0].split("-")[0]
    return PLTX_TECHNOLOGY.get(first)


def osm_records(raw: pd.DataFrame, file: str) -> pd.DataFrame:
    codes = regions.harmonise(raw["province"], file=file, column="province")
    counts = pd.Series(codes).value_counts().to_dict()
    require(counts == OSM_ROWS, f"rows per province {counts}, expected {OSM_ROWS}", file=file)
    rows = []
    for position, (record, code) in enumerate(zip(raw.to_dict("records"), codes, strict=True)):
        osm_id = record["osm_id"]
        flags, notes = [], []
        mw, basis = parse_osm_capacity(record["output_raw"], file=file, row=position)
        upstream_mw = record["capacity_mw"]
        require(
            (mw is None and pd.isna(upstream_mw)) or (mw is not None and abs(mw - upstream_mw) < 1e-9),
            f"parsed capacity {mw} ≠ upstream capacity_mw {upstream_mw}",
            file=file,
            column="capacity_mw",
            row=position,
        )
        if mw is None:
            flags.append("capacity_missing")
        if basis == "dc_peak":
            flags.append("capacity_dc_peak")
        name = record["name"]
        if osm_id in OSM_NAME_FIXES:
            given, fixed = OSM_NAME_FIXES[osm_id]
            require(name == given, f"name is {name!r}, expected the typo {given!r}", file=file, row=position)
            name = fixed
            flags.append("name_typo_fixed")
            notes.append(f"OSM name '{given}' corrected to '{fixed}'")
        from_source = (
            OSM_SOURCE_TECHNOLOGY.get(record["plant_source"]) if pd.notna(record["plant_source"]) else None
        )
        require(
            pd.isna(record["plant_source"]) or from_source is not None,
            f"unknown plant_source {record['plant_source']!r}",
            file=file,
            column="plant_source",
            row=position,
        )
        from_name = _prefix_technology(name)
        require(
            from_source is None
            or from_name is None
            or from_source == from_name
            or (from_source, from_name) in COMPATIBLE,
            f"plant_source says {from_source}, name {name!r} says {from_name}",
            file=file,
            row=position,
        )
        technology = from_source or from_name or "unknown"
        if pd.isna(name):
            flags.append("unnamed")
        if osm_id in CAPTIVE:
            require(
                "Amman" in str(record["operator"]), "captive plant operator changed", file=file, row=position
            )
            flags.append("captive_mining")
            notes.append("captive plant of the Batu Hijau copper mine (PT Amman Mineral), not PLN supply")
        start = str(record["start_date"])[:4] if pd.notna(record["start_date"]) else None
        rows.append(
            {
                "record_id": f"osm:{osm_id}",
                "family": "osm",
                "origin": OSM,
                "name": name,
                "technology": technology,
                "capacity_mw": mw,
                "capacity_basis": basis,
                "status": "operating",
                "status_vintage": "mapped in OSM, 2026-05-10",
                "start_year": int(start) if start else None,
                "operator": record["operator"],
                "lon": record["lon"],
                "lat": record["lat"],
                "region_code": code,
                "flags": flags,
                "note": notes,
            }
        )
    return merge_nusa_penida(_record_frame(rows), file)


def merge_nusa_penida(records: pd.DataFrame, file: str) -> pd.DataFrame:
    """Eight turbine features each tagged 720 kW (the plant total) → one plant of 0.72 MW."""
    ids = [f"osm:{i}" for i in NUSA_PENIDA_WIND]
    turbines = records[records["record_id"].isin(ids)]
    require(len(turbines) == len(ids), "PLTB Nusa Penida: expected 8 turbine features", file=file)
    require(
        set(turbines["name"]) == {"PLTB Nusa Penida"} and set(turbines["capacity_mw"]) == {NUSA_PENIDA_MW},
        "PLTB Nusa Penida features changed: review the merge",
        file=file,
    )
    plant = turbines.iloc[[0]].copy()
    plant["lon"] = round(float(turbines["lon"].mean()), 6)
    plant["lat"] = round(float(turbines["lat"].mean()), 6)
    plant.at[plant.index[0], "flags"] = ["merged_turbine_features"]
    plant.at[plant.index[0], "note"] = [
        f"{len(ids)} OSM turbine features ({', '.join(i.removeprefix('osm:') for i in ids)}) each tagged "
        f"720 kW, "
        "the plant total: one plant of 0.72 MW at their mean position"
    ]
    return concat([records[~records["record_id"].isin(ids)], plant])


def attach_ipm(
    records: pd.DataFrame, raw: pd.DataFrame, osm_raw: pd.DataFrame, file: str
) -> dict[str, list[str]]:
    """IPM rows are OSM derivatives: map each to its OSM record; capacities must agree."""
    require(len(raw) == IPM_ROWS, f"expected {IPM_ROWS} rows, found {len(raw)}", file=file)
    require(
        set(raw["province"]) == {"Bali"}, "IPM master is no longer Bali only", file=file, column="province"
    )
    osm_capacity = dict(zip(osm_raw["osm_id"], osm_raw["capacity_mw"], strict=True))
    attached: dict[str, list[str]] = {}
    for position, (ipm_id, osm_id, mw) in enumerate(
        zip(raw["id"], raw["osm_id"], raw["capacity_mw"], strict=True)
    ):
        require(osm_id in osm_capacity, f"OSM id {osm_id} not in the OSM extract", file=file, row=position)
        require(
            abs(osm_capacity[osm_id] - mw) < 1e-9,
            f"capacity {mw} ≠ OSM {osm_capacity[osm_id]}",
            file=file,
            row=position,
        )
        target = f"osm:{NUSA_PENIDA_WIND[0]}" if osm_id in NUSA_PENIDA_WIND else f"osm:{osm_id}"
        attached.setdefault(target, []).append(f"ipm:{ipm_id}")
    require(set(attached) <= set(records["record_id"]), "IPM rows point to unknown records", file=file)
    return attached


# --- GEM ------------------------------------------------------------------------------------------------


def gem_records(raw: pd.DataFrame, file: str) -> pd.DataFrame:
    require(len(raw) == GEM_ROWS, f"expected {GEM_ROWS} rows, found {len(raw)}", file=file)
    unknown = set(raw["status"]) - set(GEM_STATUS)
    require(not unknown, f"unknown status {sorted(unknown)}", file=file, column="status")
    rows = []
    for (project, status), units in raw.groupby(["project", "status"], sort=True):
        units = units.sort_values("gemUnitId")
        flags, notes = [], []
        labels = [str(u).removesuffix(".0") for u in units["unit"] if pd.notna(u)]
        name = project.replace(" geothermal power plant", " geothermal") + (
            f" ({', '.join(labels)})" if labels else ""
        )
        if project == GEM_ULUMBO:
            lat = units["latitude"]
            require(
                bool(lat.between(*GEM_ULUMBO_LAT).all()) and set(units["stateProvince"]) == {"Lampung"},
                "GEM 'Ulumbo' no longer carries Lampung coordinates: review the fix",
                file=file,
            )
            lon = lat = float("nan")
            code = "53"
            name = f"Ulumbu geothermal (GEM 'Ulumbo' units {', '.join(labels)})"
            flags += ["bad_source_coordinates_dropped", "province_fixed"]
            notes.append(
                "GEM lists Ulumbu's PLN units as 'Ulumbo' with Ulubelu (Lampung) coordinates and province; "
                "coordinates dropped, province set to NTT (upstream README)"
            )
        else:
            require(bool(units["in_region_bbox"].all()), f"{project}: outside the region box", file=file)
            lon, lat = float(units["longitude"].iloc[0]), float(units["latitude"].iloc[0])
            code = regions.harmonise(
                units["province_assigned"].iloc[:1], file=file, column="province_assigned"
            )[0]
        start = units["startYear"].dropna()
        rows.append(
            {
                "record_id": f"gem:{units['gemUnitId'].iloc[0]}",
                "family": "gem",
                "origin": GEM,
                "name": name,
                "technology": "geothermal",
                "capacity_mw": float(units["capacityMW"].sum()),
                "capacity_basis": "not_stated",
                "status": GEM_STATUS[status],
                "status_vintage": "GEM Geothermal Power Tracker, March 2026",
                "start_year": int(start.iloc[0]) if len(start) else None,
                "operator": units["operator"].dropna().iloc[0] if units["operator"].notna().any() else None,
                "lon": lon,
                "lat": lat,
                "region_code": code,
                "flags": flags,
                "note": notes,
            }
        )
    return _record_frame(rows)


# --- GPPD -----------------------------------------------------------------------------------------------


def _gppd_province(row: dict, file: str, position: int) -> tuple[str, bool]:
    if pd.notna(row["kab_kode_kemendagri"]):
        return str(row["kab_kode_kemendagri"])[:2], False
    match = re.match(r"^(NTB|NTT|Bali)\b", str(row["region_note"]))
    require(match is not None, f"no province in region_note {row['region_note']!r}", file=file, row=position)
    return regions.to_bps_code(match[1]), True


def gppd_records(raw: pd.DataFrame, release: pd.DataFrame, file: str, release_file: str) -> pd.DataFrame:
    require(len(raw) == GPPD_RAW_ROWS, f"expected {GPPD_RAW_ROWS} rows, found {len(raw)}", file=file)
    require(len(release) == GPPD_V10_ROWS, f"expected {GPPD_V10_ROWS} rows", file=release_file)
    raw = raw.assign(power_plant_id=raw["power_plant_id"].astype(str))
    repeated = raw["power_plant_id"][raw["power_plant_id"].duplicated()].unique().tolist()
    require(repeated == list(GPPD_SUMMED_ID), f"ids repeated in the raw file: {repeated}", file=file)
    rows = []
    for position, (plant_id, group) in enumerate(raw.groupby("power_plant_id", sort=True)):
        first = group.iloc[0].to_dict()
        flags, notes = [], []
        capacity = float(group["capacity_mw"].sum())
        if plant_id in GPPD_SUMMED_ID:
            require(
                sorted(group["capacity_mw"].astype(float)) == sorted(GPPD_SUMMED_ID[plant_id]),
                f"GPPD id {plant_id} rows changed",
                file=file,
            )
            parts = " + ".join(f"{c:g}" for c in GPPD_SUMMED_ID[plant_id])
            notes.append(f"two GPPD rows with id {plant_id} ({parts} MW) summed, as in the GPPD release")
        technology = GPPD_FUEL.get(first["fuel"])
        require(
            technology is not None, f"unknown fuel {first['fuel']!r}", file=file, column="fuel", row=position
        )
        code, from_name = _gppd_province(first, file, position)
        if from_name:
            flags.append("province_from_name")
        lon, lat = first["longitude"], first["latitude"]
        if plant_id in GPPD_PLACEHOLDER:
            require(
                (lat, lon) == GPPD_PLACEHOLDER[plant_id],
                f"{plant_id}: placeholder coordinates changed",
                file=file,
            )
            lon = lat = float("nan")
            flags.append("bad_source_coordinates_dropped")
            notes.append(
                "GPPD coordinates (−2.5213, 121.357) are a placeholder in Sulawesi: dropped; location within "
                "NTT unknown (perhaps one of the Kupang coal plants mapped in OSM: PLTU Bolok, PLTU Timor-1)"
            )
        else:
            require(
                (first["has_valid_coords_in_region"] == "yes") == pd.notna(lat),
                "coordinates and has_valid_coords_in_region disagree",
                file=file,
                row=position,
            )
        if "rental" in str(first["owner"]).lower():
            flags.append("rental_unit")
        status = "operating" if first["operational_status"] == "Operational" else "not_stated"
        year = first["commissioning_date"]
        vintage = (
            f"GPPD input 2020 (GCPT, data year {int(first['year_of_data'])})"
            if pd.notna(first["year_of_data"])
            else "GPPD input 2020 (blog source, data c. 2015–2017)"
        )
        rows.append(
            {
                "record_id": f"gppd:{plant_id}",
                "family": "gppd",
                "origin": GPPD_RAW,
                "name": first["name"],
                "technology": technology,
                "capacity_mw": capacity,
                "capacity_basis": "not_stated",
                "status": status,
                "status_vintage": vintage,
                "start_year": int(year) if pd.notna(year) else None,
                "operator": first["owner"],
                "lon": lon,
                "lat": lat,
                "region_code": code,
                "flags": flags,
                "note": notes,
            }
        )
    records = _record_frame(rows)
    check_gppd_release(records, release, release_file)
    return records


def check_gppd_release(records: pd.DataFrame, release: pd.DataFrame, file: str) -> None:
    """The v1.0-schema release rows are the raw rows (same id, capacity, fuel): nothing new to add."""
    by_id = records.set_index("record_id")
    for position, row in enumerate(release.to_dict("records")):
        record_id = "gppd:" + str(row["gppd_idnr"]).removeprefix("WRI")
        require(record_id in by_id.index, f"{row['gppd_idnr']} not in the raw file", file=file, row=position)
        raw = by_id.loc[record_id]
        require(
            abs(raw["capacity_mw"] - row["capacity_mw"]) < 1e-6,
            "capacity differs from raw",
            file=file,
            row=position,
        )
        require(
            GPPD_V10_FUEL.get(row["fuel1"]) == raw["technology"],
            "fuel differs from raw",
            file=file,
            row=position,
        )


# --- merging --------------------------------------------------------------------------------------------


def distance_km(lon1, lat1, lon2, lat2) -> float:
    lon1, lat1, lon2, lat2 = map(np.radians, (lon1, lat1, lon2, lat2))
    h = np.sin((lat2 - lat1) / 2) ** 2 + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    return float(2 * 6371.0 * np.arcsin(np.sqrt(h)))


def _same_technology(a: str, b: str) -> bool:
    return a == b or (a, b) in COMPATIBLE


def check_groups(records: pd.DataFrame, file: str) -> dict[str, str]:
    """Validate SAME_PLANT and return record id → plant key (the group's preferred record)."""
    by_id = records.set_index("record_id")
    plant_of: dict[str, str] = {}
    for members, label in SAME_PLANT:
        missing = [m for m in members if m not in by_id.index]
        require(not missing, f"{label}: records {missing} not found", file=file)
        group = by_id.loc[list(members)]
        require(group["family"].nunique() > 1, f"{label}: a group must join different sources", file=file)
        technologies = group["technology"].tolist()
        require(
            all(_same_technology(technologies[0], t) for t in technologies),
            f"{label}: technologies differ {technologies}",
            file=file,
        )
        require(group["region_code"].nunique() == 1, f"{label}: provinces differ", file=file)
        located = group.dropna(subset=["lon", "lat"])
        for i, a in enumerate(located.itertuples()):
            for b in list(located.itertuples())[i + 1 :]:
                d = distance_km(a.lon, a.lat, b.lon, b.lat)
                require(
                    d <= MAX_MATCH_KM, f"{label}: {a.Index} and {b.Index} are {d:.1f} km apart", file=file
                )
        order = sorted(members, key=lambda m: FAMILY_ORDER.index(by_id.at[m, "family"]))
        for member in members:
            require(member not in plant_of, f"{member} is in two groups", file=file)
            plant_of[member] = order[0]
    return plant_of


def check_unlisted_candidates(records: pd.DataFrame, plant_of: dict[str, str], file: str) -> None:
    """Fail on nearby same-technology records of different sources that are neither merged nor kept apart."""
    located = records.dropna(subset=["lon", "lat"]).reset_index(drop=True)
    for i, a in located.iterrows():
        for _, b in located.iloc[i + 1 :].iterrows():
            if a["family"] == b["family"] or not _same_technology(a["technology"], b["technology"]):
                continue
            if distance_km(a["lon"], a["lat"], b["lon"], b["lat"]) > CANDIDATE_KM:
                continue
            same = plant_of.get(a["record_id"], a["record_id"]) == plant_of.get(
                b["record_id"], b["record_id"]
            )
            apart = frozenset({a["record_id"], b["record_id"]}) in KEPT_APART
            require(
                same or apart,
                f"{a['record_id']} ({a['name']}) and {b['record_id']} ({b['name']}) are within "
                f"{CANDIDATE_KM} km "
                "with the same technology: list them in SAME_PLANT or KEPT_APART",
                file=file,
            )


def _first(values: pd.Series) -> object:
    present = values.dropna()
    return present.iloc[0] if len(present) else pd.NA


# Record flags that describe an attribute: they apply to the plant only when the plant takes that attribute
# from the flagged record (e.g. Ampenan's capacity comes from GPPD, so OSM's capacity_missing does not apply).
CAPACITY_FLAGS = {"capacity_missing", "capacity_dc_peak"}
PROVINCE_FLAGS = {"province_from_name", "province_fixed"}


def plant_flags(group: pd.DataFrame, capacity_row: pd.DataFrame) -> list[str]:
    preferred = group["record_id"].iloc[0]
    capacity_record = capacity_row["record_id"].iloc[0] if len(capacity_row) else preferred
    flags = []
    for record_id, record_flags in zip(group["record_id"], group["flags"], strict=True):
        for flag in record_flags:
            if flag in CAPACITY_FLAGS and record_id != capacity_record:
                continue
            if flag in PROVINCE_FLAGS and record_id != preferred:
                continue
            flags.append(flag)
    return flags


def merge_plants(records: pd.DataFrame, plant_of: dict[str, str], ipm: dict[str, list[str]]) -> pd.DataFrame:
    records = records.assign(
        plant_id=records["record_id"].map(lambda r: plant_of.get(r, r)),
        _order=records["family"].map(FAMILY_ORDER.index),
    )
    labels = {members[0]: label for members, label in SAME_PLANT}
    group_label = {plant_of[m]: labels[members[0]] for members, _ in SAME_PLANT for m in members}
    overlap_of = {m: note for _, (members, note) in SITE_OVERLAPS.items() for m in members}
    plants = []
    for plant_id, group in records.sort_values(["_order", "record_id"]).groupby("plant_id", sort=True):
        preferred = group.iloc[0]
        record_ids = []
        for record_id in group["record_id"]:
            record_ids += [record_id, *ipm.get(record_id, [])]
        capacity_row = group.dropna(subset=["capacity_mw"]).head(1)
        capacity = float(capacity_row["capacity_mw"].iloc[0]) if len(capacity_row) else float("nan")
        others = [
            f"{r.record_id}={r.capacity_mw:g}"
            for r in group.itertuples()
            if pd.notna(r.capacity_mw)
            and len(capacity_row)
            and r.record_id != capacity_row["record_id"].iloc[0]
            and abs(r.capacity_mw - capacity) > 0.005
        ]
        located = group.dropna(subset=["lon", "lat"]).head(1)
        flags = plant_flags(group, capacity_row)
        notes = [n for ns in group["note"] for n in ns]
        if plant_id in group_label:
            notes.insert(0, f"merged: {group_label[plant_id]}")
        if len(group) == 1 and preferred["family"] == "gppd":
            flags.append("dated_source_only")
            notes.append("listed only in GPPD (data c. 2015–2018), not mapped in OSM 2026: may be retired")
        overlap = {overlap_of[r] for r in group["record_id"] if r in overlap_of}
        if overlap:
            flags.append("possible_overlap")
            notes += sorted(overlap)
        if others:
            flags.append("capacity_conflict")
        origins = list(
            dict.fromkeys(
                o for r in group.itertuples() for o in [r.origin, *([IPM] if r.record_id in ipm else [])]
            )
        )
        plants.append(
            {
                "plant_id": plant_id,
                "name": preferred["name"] if pd.notna(preferred["name"]) else _first(group["name"]),
                "technology": preferred["technology"],
                "capacity_mw": capacity,
                "capacity_basis": capacity_row["capacity_basis"].iloc[0] if len(capacity_row) else pd.NA,
                "capacity_from": capacity_row["record_id"].iloc[0] if len(capacity_row) else pd.NA,
                "other_capacities_mw": "; ".join(others) if others else pd.NA,
                "status": preferred["status"],
                "status_vintage": preferred["status_vintage"],
                "start_year": _first(group["start_year"]),
                "operator": _first(group["operator"]),
                "lon": located["lon"].iloc[0] if len(located) else float("nan"),
                "lat": located["lat"].iloc[0] if len(located) else float("nan"),
                "coordinates_from": located["record_id"].iloc[0] if len(located) else pd.NA,
                "region_code": preferred["region_code"],
                "records": ";".join(record_ids),
                "flags": join_flags(flags),
                "note": " | ".join(dict.fromkeys(notes)) if notes else pd.NA,
                "source": ";".join(origins),
            }
        )
    out = pd.DataFrame(plants)
    out["renewable"] = out["technology"].map(renewable_of).astype("boolean")
    return out


def run_plants(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    osm_file = str(files.path(OSM))
    osm_raw = files.read_csv(OSM)
    osm = osm_records(osm_raw, osm_file)
    ipm = attach_ipm(osm, files.read_csv(IPM), osm_raw, str(files.path(IPM)))
    gem = gem_records(files.read_csv(GEM), str(files.path(GEM)))
    gppd = gppd_records(
        files.read_csv(GPPD_RAW),
        files.read_csv(GPPD_V10),
        str(files.path(GPPD_RAW)),
        str(files.path(GPPD_V10)),
    )
    records = concat([osm, gem, gppd])
    require(records["record_id"].is_unique, "record ids are not unique", file=osm_file)
    plant_of = check_groups(records, osm_file)
    check_unlisted_candidates(records, plant_of, osm_file)
    plants = merge_plants(records, plant_of, ipm)

    require(plants.index.is_unique, "plant frame index must be unique", file=osm_file)
    tagged = geo.tag_points(plants, geo.kabkota_polygons(files), declared_province="region_code")
    extra = province_disagrees(tagged).map(lambda d: ["province_disagrees"] if d else [])
    tagged["flags"] = [
        join_flags([*(f.split(";") if isinstance(f, str) else []), *e])
        for f, e in zip(tagged["flags"], extra, strict=True)
    ]
    return {"power_plants": tagged.drop(columns="region_code").astype(PLANT_DTYPES)}


PLANT_DTYPES = {
    "name": "string",
    "capacity_basis": "string",
    "capacity_from": "string",
    "other_capacities_mw": "string",
    "operator": "string",
    "coordinates_from": "string",
    "flags": "string",
    "note": "string",
    "start_year": "Int64",
    "capacity_mw": "float64",
    "lon": "float64",
    "lat": "float64",
}

FLAG_MEANINGS = (
    "capacity_missing (no usable capacity upstream), capacity_dc_peak (capacity given in kWp/MWp, DC), "
    "capacity_conflict (other records give another capacity: see other_capacities_mw), name_typo_fixed, "
    "merged_turbine_features (PLTB Nusa Penida), possible_overlap (Pesanggaran site), captive_mining, "
    "rental_unit, dated_source_only (GPPD only), bad_source_coordinates_dropped, province_fixed, "
    "province_from_name, province_disagrees (point-in-polygon kab/kota lies in another province), unnamed"
)

PLANTS_SPEC = specs.spec(
    "power_plants",
    citation=(
        "OpenStreetMap (Mei 2026), Global Energy Monitor (Maret 2026) dan WRI Global Power Plant Database "
        "(data sekitar 2015–2018)",
        "OpenStreetMap (May 2026), Global Energy Monitor (March 2026) and the WRI Global Power Plant "
        "Database (data of about 2015–2018)",
    ),
    title_id=(
        "Pembangkit listrik di Bali, NTB dan NTT (OpenStreetMap, Global Energy Monitor, WRI), "
        "tanpa catatan ganda"
    ),
    title_en=(
        "Power plants in Bali, NTB and NTT (OpenStreetMap, Global Energy Monitor, WRI), duplicates merged"
    ),
    description=(
        "One row per plant (GEM projects: per project and status), merged from OpenStreetMap (2026-05-10), "
        "the Indonesia Power Map Bali master (OSM-derived), GEM's geothermal tracker (March 2026) and the "
        "WRI GPPD raw input (c. 2015–2018) by the explicit rule in "
        "krbnn_analysis/pipeline/subjects/energy/plants.py: "
        "records are one plant only when listed there (same technology, same province, within 5 km). "
        "Preferred source OSM, then GEM, then GPPD. `records` lists every source record, `source` every "
        "origin record, `other_capacities_mw` the capacities of other records that differ. Flags: "
        + FLAG_MEANINGS
        + ". Kab/kota by point-in-polygon (nearest polygon within 5 km) and province from it; without "
        "coordinates, the province as assigned upstream."
    ),
    columns=(
        Column("plant_id", "string", "Id of the preferred source record (osm:…, gem:…, gppd:…)"),
        Column(
            "name", "string", "Name (typos fixed, see flags); empty for unnamed OSM features", nullable=True
        ),
        TECHNOLOGY,
        RENEWABLE_COLUMN,
        Column(
            "capacity_mw",
            "float",
            "Capacity of the preferred record with one",
            unit="MW",
            nullable=True,
            minimum=0,
        ),
        Column(
            "capacity_basis",
            "string",
            "dc_peak (given in kWp/MWp) or not_stated (AC or unspecified)",
            nullable=True,
            allowed=("dc_peak", "not_stated"),
        ),
        Column("capacity_from", "string", "Record the capacity comes from", nullable=True),
        Column("other_capacities_mw", "string", "record=MW of other records that differ", nullable=True),
        Column(
            "status",
            "string",
            "operating (OSM: mapped as existing; GPPD: listed operational), pre_construction, announced, "
            "cancelled (GEM) or not_stated",
            allowed=("operating", "pre_construction", "announced", "cancelled", "not_stated"),
        ),
        Column("status_vintage", "string", "Source and date the status refers to"),
        Column(
            "start_year",
            "integer",
            "Start or commissioning year (planned year for GEM projects not operating)",
            nullable=True,
            minimum=1900,
            maximum=2100,
        ),
        Column("operator", "string", "Operator or owner as given", nullable=True),
        LON,
        LAT,
        Column("coordinates_from", "string", "Record the coordinates come from", nullable=True),
        *geo.POINT_LOCATION,
        Column("records", "string", "All source records of the plant, ';'-separated"),
        flags_column("Quality flags, ';'-separated: " + FLAG_MEANINGS),
        Column("note", "string", "Explanation of merges and flags", nullable=True),
        Column("source", "string", "Origin records of the plant's records, ';'-separated (preferred first)"),
    ),
    primary_key=("plant_id",),
    quality=(
        "amber",
        "Daftar gabungan dari OpenStreetMap (cakupan sebagian), Global Energy Monitor dan basis data "
        "pembangkit WRI (usang); kapasitas dan status belum dicek terhadap PLN.",
        "Merged list from OpenStreetMap (partial coverage), Global Energy Monitor and WRI's power plant "
        "database (dated); capacities and status not checked against PLN.",
    ),
    caveats=(
        (
            "Cakupan OpenStreetMap sebagian: jumlah kapasitas di tabel ini bukan kapasitas terpasang "
            "provinsi. Untuk total resmi gunakan tabel kapasitas PLN dari BPS (hanya PLN).",
            "OpenStreetMap coverage is partial: sums of this table are not a province's installed capacity. "
            "For official totals use the BPS table of PLN capacity (PLN plants only).",
        ),
        (
            "PLTB Nusa Penida tercatat di OpenStreetMap sebagai 8 turbin yang masing-masing diberi 720 kW "
            "(total pembangkit); digabung menjadi satu pembangkit 0,72 MW.",
            "PLTB Nusa Penida is mapped in OpenStreetMap as 8 turbines each given 720 kW (the plant total); "
            "merged into one plant of 0.72 MW.",
        ),
        (
            "Pesanggaran muncul sebagai PLTDG 325 MW dan PLTG 200 MW di OpenStreetMap, ditambah unit dari "
            "basis data WRI di lokasi yang sama: jangan dijumlahkan.",
            "Pesanggaran appears as PLTDG 325 MW and PLTG 200 MW in OpenStreetMap, plus units from WRI's "
            "database at the same site: do not add them up.",
        ),
        (
            "PLTU Batu Hijau (112 MW) dan PLTS Sumbawa (26,8 MW) adalah pembangkit milik perusahaan tambang "
            "untuk keperluannya sendiri, bukan pasokan PLN.",
            "PLTU Batu Hijau (112 MW) and PLTS Sumbawa (26.8 MW) are mining companies' own plants, not PLN "
            "supply.",
        ),
        (
            "Koordinat 'PLTU Kupang' di basis data WRI (di Sulawesi) dan unit 'Ulumbo' di Global Energy "
            "Monitor (Ulubelu, Lampung) salah dan dihapus; Ulumbo dianggap unit PLTP Ulumbu (NTT). 'PLTG "
            "Ulumbu' (OpenStreetMap) adalah panas bumi; 'PTLD Ampenan' adalah PLTD.",
            "The coordinates of 'PLTU Kupang' in WRI's database (in Sulawesi) and of Global Energy Monitor's "
            "'Ulumbo' units (Ulubelu, Lampung) are wrong and dropped; Ulumbo is taken as PLTP Ulumbu's units "
            "(NTT). 'PLTG Ulumbu' (OpenStreetMap) is geothermal; 'PTLD Ampenan' is a PLTD.",
        ),
        (
            "Kapasitas di OpenStreetMap mencampur arus bolak-balik dan arus searah: kapasitas puncak panel "
            "surya (kWp) ditandai sebagai arus searah; kW diubah ke MW. 11 pembangkit di OpenStreetMap tanpa "
            "kapasitas.",
            "OpenStreetMap capacities mix alternating and direct current: solar panel peak capacities (kWp) "
            "are marked as direct current; kW converted to MW. 11 OpenStreetMap plants lack a capacity.",
        ),
        (
            "Catatan basis data WRI (sekitar 2015–2018) yang tidak ada di OpenStreetMap, termasuk unit sewa, "
            "mungkin sudah tidak beroperasi. Basis data WRI tidak memuat PLTS dan PLTB.",
            "WRI database records (about 2015–2018) not mapped in OpenStreetMap, including rented units, may "
            "be retired. WRI's database has no solar or wind plants.",
        ),
        (
            "Tidak ada di sumber mana pun: panas bumi Bedugul, Sembalun, Wae Sano, Jopu, Lesugolo (tidak ada "
            "di Global Energy Monitor); PLTB Sumba dan Oelbubuk sebagai pembangkit terbangun.",
            "In no source: Bedugul, Sembalun, Wae Sano, Jopu and Lesugolo geothermal (not in Global Energy "
            "Monitor); the Sumba wind farms and Oelbubuk as built plants.",
        ),
    ),
    vintage="OSM 2026-05-10; GEM geothermal tracker March 2026; WRI GPPD raw input 2020 (data c. 2015–2018)",
)

STEPS = (
    step(
        "power_plants",
        (OSM, IPM, GEM, GPPD_RAW, GPPD_V10, geo.KABKOTA_POLYGONS),
        (PLANTS_SPEC,),
        run_plants,
    ),
)
