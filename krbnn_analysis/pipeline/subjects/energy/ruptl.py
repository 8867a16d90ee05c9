"""Curated RUPTL 2025–2034 plans for Bali, NTB and NTT: planned generation and planned grid works.

Recomputed from the item files parsed by the Indonesia Power Map author (never from the upstream summary,
which keeps the duplicates):

* ``ruptl_planned_generation``: one row per item of Tabel B7.9 (Bali), C11.11 (NTB) and C12.11 (NTT).
  Duplicate rule: an item is excluded from totals (``in_total`` False, ``duplicate_of`` set) only when the
  upstream README names it as a probable duplicate *and* it repeats an earlier item of the same table with
  the same name, type, capacity, status and developer (Sokoria FTP2 11 MW listed for 2028 and again 2029:
  the 2029 row is excluded; Mataloko FTP2 10 MW twice in 2031 and Alor PLTU 3 MW twice in 2032: the second
  row is excluded). Other repeated rows (Bedugul 55 MW twice in 2033, several Sumba PLTS 5 MW) are kept as
  separate units: nothing marks them as duplicates. Coordinates: low-confidence coordinates are synthetic
  (province centroid plus jitter) and are never kept; dispersed-quota entries ("Kuota", "Tersebar",
  "Isolated", "Lisdes", "Dedieselisasi") are pinned to an existing plant and are not kept either.
* ``ruptl_planned_capacity_by_type``: totals by province and RUPTL type from the items in the total.
* ``ruptl_planned_grid``: planned transmission lines (Tabel C11.12/C11.15, C12.14) and substation works
  (C11.15, C12.17/C12.20) in NTB and NTT (Bali's are not in the sources). The rows carrying table totals
  (RUPTL-NTB-T-0013, 159 km; RUPTL-NTT-T-0022, 1,251 km) are dropped; a substation figure at a single
  voltage (no transformation) is the number of line bays, not MVA.
"""

from __future__ import annotations

import re

import pandas as pd

from krbnn_analysis import regions
from krbnn_analysis.catalog import Column
from krbnn_analysis.pipeline import specs
from krbnn_analysis.pipeline.common import concat, join_flags, require, require_close, with_region_columns
from krbnn_analysis.pipeline.core import step
from krbnn_analysis.pipeline.subjects.energy.common import (
    LAT,
    LON,
    PLTX_TECHNOLOGY,
    PROVINCE_CODE,
    PROVINCE_NAME,
    RENEWABLE_COLUMN,
    TECHNOLOGY,
    flags_column,
    renewable_of,
)
from krbnn_analysis.pipeline.upstream import UpstreamFiles

GENERATORS = {
    "51": "ipm-ruptl-2025-2034-generators-bali",
    "52": "ipm-ruptl-2025-2034-generators-ntb",
    "53": "ipm-ruptl-2025-2034-generators-ntt",
}
TRANSMISSION = {"52": "ipm-ruptl-2025-2034-transmission-ntb", "53": "ipm-ruptl-2025-2034-transmission-ntt"}
SUBSTATIONS = {"52": "ipm-ruptl-2025-2034-substations-ntb", "53": "ipm-ruptl-2025-2034-substations-ntt"}

# --- facts of the releases ---------------------------------------------------------------------------
GENERATOR_ROWS = {"51": 19, "52": 41, "53": 78}
LOW_CONFIDENCE_ROWS = {"51": 14, "52": 6, "53": 48}
RUPTL_TABLES = {"51": "Tabel B7.9", "52": "Tabel C11.11", "53": "Tabel C12.11"}
STATUSES = {
    "Construction": "construction",
    "Kontruksi": "construction",  # spelling in the NTB transmission table
    "Committed": "committed",
    "Planned": "planned",
    "Proposed": "proposed",
}
# Probable duplicates named in the upstream README: excluded row → row it repeats
DUPLICATES = {
    "RUPTL-NTT-P-0038": "RUPTL-NTT-P-0027",  # Sokoria (FTP2) PLTP 11 MW, 2029 repeats 2028
    "RUPTL-NTT-P-0041": "RUPTL-NTT-P-0036",  # Mataloko (FTP2) PLTP 10 MW, twice in 2031
    "RUPTL-NTT-P-0034": "RUPTL-NTT-P-0033",  # Alor PLTU 3 MW, twice in 2032
}
DUPLICATE_SAME_YEAR = {"RUPTL-NTT-P-0041", "RUPTL-NTT-P-0034"}
DISPERSED = re.compile(r"Kuota|Tersebar|Isolated|Lisdes|Dedieselisasi", re.IGNORECASE)
KEPT_CONFIDENCE = ("high", "medium")
COORDINATE_SOURCES = {  # prefix of coord_source → coordinate_status of a kept point
    "gazetteer_generator:": "matched_existing_plant",
    "gazetteer_substation:": "matched_existing_substation",
    "reference_100gw:": "matched_reference_point",
}
# Totals of the items (before removing duplicates), as the upstream summary states them
PROVINCE_TOTALS_MW = {"51": 2_001.77, "52": 925.7704, "53": 894.73}

TRANSMISSION_ROWS = {"52": 13, "53": 22}
SUBSTATION_ROWS = {"52": 15, "53": 28}
TABLE_TOTAL_ROWS = {"RUPTL-NTB-T-0013": 159.0, "RUPTL-NTT-T-0022": 1_251.0}
ACTIONS = {"New": "new", "Extension": "extension", "Uprate": "uprate"}


# --- planned generation ---------------------------------------------------------------------------------


def _year(values: pd.Series) -> pd.Series:
    return pd.to_numeric(values, errors="coerce").astype("Int64")


def tidy_generators(raw: pd.DataFrame, code: str, source_id: str, file: str) -> pd.DataFrame:
    require(
        len(raw) == GENERATOR_ROWS[code], f"expected {GENERATOR_ROWS[code]} rows, found {len(raw)}", file=file
    )
    require(raw["id"].is_unique, "duplicate ids", file=file, column="id")
    provinces = set(regions.harmonise(raw["province"], file=file, column="province"))
    require(provinces == {code}, f"provinces {sorted(provinces)} in the file of {code}", file=file)
    unknown_types = set(raw["type"]) - set(PLTX_TECHNOLOGY)
    require(not unknown_types, f"unknown plant types {sorted(unknown_types)}", file=file, column="type")
    unknown_status = set(raw["status"]) - set(STATUSES)
    require(not unknown_status, f"unknown status {sorted(unknown_status)}", file=file, column="status")
    low = raw["coord_confidence"] == "low"
    require(low.sum() == LOW_CONFIDENCE_ROWS[code], f"{low.sum()} low-confidence rows", file=file)
    require(set(raw["coord_confidence"]) <= {"low", *KEPT_CONFIDENCE}, "unknown coord_confidence", file=file)
    tables = set(raw["source_table"].dropna())
    require(tables == {RUPTL_TABLES[code]}, f"source tables {sorted(tables)}", file=file)
    require_close(raw["capacity_mw"].sum(), PROVINCE_TOTALS_MW[code], 0.001, "total capacity", file=file)

    dispersed = raw["name"].str.contains(DISPERSED)
    keep_coordinates = ~low & ~dispersed
    coordinate_status = pd.Series("synthetic_removed", index=raw.index)
    coordinate_status[~low & dispersed] = "dispersed_quota_removed"
    for position in raw.index[keep_coordinates]:
        where = raw.at[position, "coord_source"]
        prefix = next((p for p in COORDINATE_SOURCES if str(where).startswith(p)), None)
        require(prefix is not None, f"unknown coord_source {where!r}", file=file, column="coord_source")
        coordinate_status[position] = COORDINATE_SOURCES[prefix]
    names = raw["name"].str.rstrip("*").str.strip()
    flags = [["name_footnote_mark"] if n.endswith("*") else [] for n in raw["name"]]
    cod_re_base, cod_ared = _year(raw["cod_re_base"]), _year(raw["cod_ared"])
    ared_only = cod_re_base.isna() & cod_ared.notna()
    for position in ared_only[ared_only].index:
        flags[raw.index.get_loc(position)].append("ared_scenario_only")
    out = pd.DataFrame(
        {
            "item_id": raw["id"],
            "region_code": code,
            "name": names,
            "ruptl_type": raw["type"],
            "technology": raw["type"].map(PLTX_TECHNOLOGY),
            "capacity_mw": raw["capacity_mw"].astype(float),
            "status": raw["status"].map(STATUSES),
            "target_year": raw["target_cod_year"].astype(int),
            "cod_re_base": cod_re_base,
            "cod_ared": cod_ared,
            "developer": raw["developer"].astype("string"),
            "ruptl_table": RUPTL_TABLES[code],
            "source_page": raw["source_page"].astype(int),
            "lon": raw["lon"].where(keep_coordinates).astype(float),
            "lat": raw["lat"].where(keep_coordinates).astype(float),
            "coordinate_status": coordinate_status,
            "coord_source": raw["coord_source"].where(keep_coordinates).astype("string"),
            "flags": flags,
            "source": source_id,
        }
    )
    out["renewable"] = out["technology"].map(renewable_of).astype("boolean")
    return out


def mark_duplicates(items: pd.DataFrame, file: str) -> pd.DataFrame:
    by_id = items.set_index("item_id")
    same = ["name", "ruptl_type", "capacity_mw", "status", "developer"]
    for later, earlier in DUPLICATES.items():
        require(later in by_id.index and earlier in by_id.index, f"{later} or {earlier} not found", file=file)
        a, b = by_id.loc[earlier], by_id.loc[later]
        require(
            all(a[c] == b[c] for c in same),
            f"{later} no longer repeats {earlier} ({', '.join(same)}): review the duplicate rule",
            file=file,
        )
        if later in DUPLICATE_SAME_YEAR:
            require(a["target_year"] == b["target_year"], f"{later}: years differ", file=file)
        else:
            require(b["target_year"] == a["target_year"] + 1, f"{later}: not the following year", file=file)
    out = items.copy()
    out["duplicate_of"] = out["item_id"].map(DUPLICATES).astype("string")
    out["in_total"] = out["duplicate_of"].isna()
    out["flags"] = [
        join_flags([*f, *(["probable_duplicate"] if d else [])])
        for f, d in zip(out["flags"], out["duplicate_of"].notna(), strict=True)
    ]
    return out


def capacity_by_type(items: pd.DataFrame) -> pd.DataFrame:
    grouped = items.groupby(["region_code", "ruptl_type"], sort=True)
    out = grouped.agg(technology=("technology", "first"), renewable=("renewable", "first")).reset_index()
    counted = items[items["in_total"]].groupby(["region_code", "ruptl_type"])
    excluded = items[~items["in_total"]].groupby(["region_code", "ruptl_type"])
    ared = items[items["in_total"] & items["flags"].fillna("").str.contains("ared_scenario_only")]
    ared = ared.groupby(["region_code", "ruptl_type"])["capacity_mw"].sum()
    key = pd.MultiIndex.from_frame(out[["region_code", "ruptl_type"]])
    out["n_items"] = counted.size().reindex(key, fill_value=0).to_numpy()
    out["capacity_mw"] = counted["capacity_mw"].sum().reindex(key, fill_value=0.0).round(4).to_numpy()
    out["n_excluded_duplicates"] = excluded.size().reindex(key, fill_value=0).to_numpy()
    out["capacity_mw_excluded_duplicates"] = (
        excluded["capacity_mw"].sum().reindex(key, fill_value=0.0).to_numpy()
    )
    out["capacity_mw_ared_only"] = ared.reindex(key, fill_value=0.0).to_numpy()
    out["renewable"] = out["renewable"].astype("boolean")
    return out


def run_generation(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    frames = [
        tidy_generators(files.read_csv(source_id), code, source_id, str(files.path(source_id)))
        for code, source_id in GENERATORS.items()
    ]
    items = mark_duplicates(concat(frames), str(files.path(GENERATORS["53"])))
    summary = capacity_by_type(items).assign(source=lambda d: d["region_code"].map(GENERATORS))
    return {
        "ruptl_planned_generation": with_region_columns(items).drop(columns="region_level"),
        "ruptl_planned_capacity_by_type": with_region_columns(summary).drop(columns="region_level"),
    }


# --- planned grid ---------------------------------------------------------------------------------------


def _max_kv(text: str, *, file: str, row: int) -> float:
    parts = [p.strip() for p in str(text).split("/")]
    require(all(p.isdigit() for p in parts), f"voltage {text!r}", file=file, column="voltage_kv", row=row)
    return float(max(int(p) for p in parts))


def tidy_transmission(raw: pd.DataFrame, code: str, source_id: str, file: str) -> pd.DataFrame:
    require(len(raw) == TRANSMISSION_ROWS[code], f"expected {TRANSMISSION_ROWS[code]} rows", file=file)
    totals = raw[raw["id"].isin(TABLE_TOTAL_ROWS)]
    for item_id, km in zip(totals["id"], totals["length_km"], strict=True):
        row = raw[raw["id"] == item_id].iloc[0]
        require(
            km == TABLE_TOTAL_ROWS[item_id] and "Total" in row["name"],
            f"{item_id} no longer carries the table total",
            file=file,
        )
    lines = raw[~raw["id"].isin(TABLE_TOTAL_ROWS)]
    require(len(raw) - len(lines) == 1, "expected one table-total row per file", file=file)
    voltage = lines["voltage_kv"].astype(str).str.replace(" ", "", regex=False)
    return pd.DataFrame(
        {
            "item_id": lines["id"],
            "region_code": code,
            "asset": "transmission_line",
            "name": lines["name"],
            "from_bus": lines["from_bus"].astype("string"),
            "to_bus": lines["to_bus"].astype("string"),
            "voltage": voltage,
            "voltage_kv_max": [_max_kv(v, file=file, row=i) for i, v in enumerate(voltage)],
            "action": lines["action_type"].map(ACTIONS),
            "circuits": lines["circuits"].astype("Int64"),
            "line_type": lines["line_type"].astype("string"),
            "length_km": lines["length_km"].astype(float),
            "capacity_mva": float("nan"),
            "line_bays": pd.array([pd.NA] * len(lines), dtype="Int64"),
            "target_year": lines["target_cod_year"].astype(int),
            "status": lines["status"].map(STATUSES),
            "ruptl_table": lines["source_table"].astype("string"),
            "source_page": lines["source_page"].astype(int),
            "flags": [
                ["name_truncated"] if any(str(x).rstrip().endswith(("/", "-")) for x in ends) else []
                for ends in zip(lines["from_bus"], lines["to_bus"], strict=True)
            ],
            "source": source_id,
        }
    )


def tidy_substation_works(raw: pd.DataFrame, code: str, source_id: str, file: str) -> pd.DataFrame:
    require(len(raw) == SUBSTATION_ROWS[code], f"expected {SUBSTATION_ROWS[code]} rows", file=file)
    voltage = raw["voltage_kv"].astype(str).str.replace(" ", "", regex=False)
    single_level = ~voltage.str.contains("/")
    # Without a transformation (one voltage) the RUPTL column "MVA/LB" counts line bays (LB), not MVA.
    require(
        bool((raw.loc[single_level, "capacity_mva"] == 2.0).all()), "single-voltage rows changed", file=file
    )
    require(
        bool((raw.loc[single_level, "action_type"] == "Extension").all()),
        "single-voltage rows changed",
        file=file,
    )
    return pd.DataFrame(
        {
            "item_id": raw["id"],
            "region_code": code,
            "asset": "substation",
            "name": raw["name"],
            "from_bus": pd.array([pd.NA] * len(raw), dtype="string"),
            "to_bus": pd.array([pd.NA] * len(raw), dtype="string"),
            "voltage": voltage,
            "voltage_kv_max": [_max_kv(v, file=file, row=i) for i, v in enumerate(voltage)],
            "action": raw["action_type"].map(ACTIONS),
            "circuits": pd.array([pd.NA] * len(raw), dtype="Int64"),
            "line_type": pd.array([pd.NA] * len(raw), dtype="string"),
            "length_km": float("nan"),
            "capacity_mva": raw["capacity_mva"].astype(float).where(~single_level),
            "line_bays": raw["capacity_mva"].where(single_level).astype("Int64"),
            "target_year": raw["target_cod_year"].astype(int),
            "status": raw["status"].map(STATUSES),
            "ruptl_table": raw["source_table"].astype("string"),
            "source_page": raw["source_page"].astype(int),
            "flags": [["line_bays_not_mva"] if s else [] for s in single_level],
            "source": source_id,
        }
    )


def run_grid(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    frames = []
    for code, source_id in TRANSMISSION.items():
        frames.append(
            tidy_transmission(files.read_csv(source_id), code, source_id, str(files.path(source_id)))
        )
    for code, source_id in SUBSTATIONS.items():
        frames.append(
            tidy_substation_works(files.read_csv(source_id), code, source_id, str(files.path(source_id)))
        )
    grid = concat(frames)
    require(grid["action"].notna().all(), "unknown action type", file=str(files.path(SUBSTATIONS["53"])))
    require(grid["status"].notna().all(), "unknown status", file=str(files.path(TRANSMISSION["52"])))
    grid["flags"] = [join_flags(f) for f in grid["flags"]]
    grid = with_region_columns(grid).drop(columns="region_level")
    return {
        "ruptl_planned_grid": grid.astype({"flags": "string", "line_type": "string", "ruptl_table": "string"})
    }


# --- specifications -------------------------------------------------------------------------------------

RUPTL_STATUS = Column(
    "status",
    "string",
    "construction, committed, planned or proposed (as in RUPTL; 'Kontruksi' read as construction)",
    allowed=("construction", "committed", "planned", "proposed"),
)
RUPTL_TYPE = Column("ruptl_type", "string", "RUPTL plant type (PLTx or BESS)", allowed=tuple(PLTX_TECHNOLOGY))
QUALITY = (
    "amber",
    "Rencana resmi PLN (RUPTL 2025–2034), diurai dari PDF oleh pihak ketiga; belum dicek baris demi baris "
    "terhadap PDF.",
    "Official PLN plan (RUPTL 2025–2034), parsed from the PDF by a third party; not checked row by row "
    "against the PDF.",
)
DUPLICATE_CAVEAT = (
    "Tiga baris NTT yang kemungkinan duplikat tidak dihitung dalam total: Sokoria (FTP2) 11 MW "
    "2029, Mataloko (FTP2) 10 MW kedua 2031, Alor PLTU 3 MW kedua 2032. Global Energy Monitor "
    "mencatat Mataloko 2 × 10 MW, jadi baris Mataloko kedua mungkin unit nyata; total dengan semua "
    "baris dapat dihitung dari tabel.",
    "Three probable NTT duplicates are left out of totals: Sokoria (FTP2) 11 MW 2029, the second "
    "Mataloko (FTP2) 10 MW 2031 and the second Alor PLTU 3 MW 2032. Global Energy Monitor lists "
    "Mataloko as 2 × 10 MW, so the second Mataloko row may be a real unit; totals with every row "
    "can be computed from the table.",
)

GENERATION_SPEC = specs.spec(
    "ruptl_planned_generation",
    citation=(
        "PLN, RUPTL 2025–2034 (Kepmen ESDM 188.K/TL.03/MEM.L/2025)",
        "PLN, electricity supply business plan (RUPTL) 2025–2034 (Energy Minister's decree "
        "188.K/TL.03/MEM.L/2025)",
    ),
    title_id="Rencana penambahan pembangkit RUPTL 2025–2034 di Bali, NTB dan NTT",
    title_en="Planned generation additions in RUPTL 2025–2034 for Bali, NTB and NTT",
    description=(
        "One row per item of RUPTL 2025–2034 Tabel B7.9 (Bali), C11.11 (NTB) and C12.11 (NTT) as parsed by "
        "the Indonesia Power Map. `in_total` False marks the probable duplicates excluded from totals "
        "(`duplicate_of` names the row repeated). Coordinates only where they locate a site "
        "(coordinate_status matched_*); synthetic and dispersed-quota coordinates are removed. `cod_re_base` "
        "and `cod_ared` are the COD years of the RE Base and ARED scenarios (ARED given for Bali only). "
        "Flags: probable_duplicate, ared_scenario_only, name_footnote_mark."
    ),
    columns=(
        Column("item_id", "string", "Indonesia Power Map item id (RUPTL-…-P-…)"),
        PROVINCE_CODE,
        PROVINCE_NAME,
        Column("name", "string", "Item name as in RUPTL (footnote mark '*' removed)"),
        RUPTL_TYPE,
        TECHNOLOGY,
        RENEWABLE_COLUMN,
        Column("capacity_mw", "float", "Planned capacity", unit="MW", minimum=0),
        RUPTL_STATUS,
        Column("target_year", "integer", "Target commercial operation year", minimum=2025, maximum=2034),
        Column(
            "cod_re_base", "integer", "COD year, RE Base scenario", nullable=True, minimum=2025, maximum=2034
        ),
        Column(
            "cod_ared",
            "integer",
            "COD year, ARED scenario (Bali only)",
            nullable=True,
            minimum=2025,
            maximum=2034,
        ),
        Column("developer", "string", "Developer as given (PLN, PLN SH, IPP…)"),
        Column("ruptl_table", "string", "RUPTL table"),
        Column("source_page", "integer", "Page of the RUPTL PDF", minimum=1),
        LON,
        LAT,
        Column(
            "coordinate_status",
            "string",
            "matched_existing_plant or matched_existing_substation (the upstream matched the name to an "
            "existing plant or substation of the system), matched_reference_point (a reference OSM node of "
            "the project), synthetic_removed (low confidence: centroid plus jitter), dispersed_quota_removed",
            allowed=(
                "matched_existing_plant",
                "matched_existing_substation",
                "matched_reference_point",
                "synthetic_removed",
                "dispersed_quota_removed",
            ),
        ),
        Column("coord_source", "string", "How the upstream located a kept point", nullable=True),
        Column("in_total", "boolean", "False for the probable duplicates left out of totals"),
        Column("duplicate_of", "string", "Item this row probably repeats", nullable=True),
        flags_column("probable_duplicate, ared_scenario_only, name_footnote_mark"),
        specs.SOURCE,
    ),
    primary_key=("item_id",),
    quality=QUALITY,
    caveats=(
        DUPLICATE_CAVEAT,
        (
            "Koordinat yang tidak dapat dipercaya (titik tengah provinsi yang digeser acak) dihapus; rencana "
            "kuota tersebar yang ditempatkan di pembangkit yang ada juga dihapus. Koordinat yang tersisa "
            "adalah lokasi pembangkit/gardu yang ada dari sistem yang sama, bukan lokasi rencana yang "
            "disurvei.",
            "Unreliable coordinates (the province's centre shifted at random) are removed; dispersed-quota "
            "entries placed at an existing plant are removed too. Kept coordinates are "
            "the location of an existing plant or substation of the same system, not a surveyed project "
            "site.",
        ),
        (
            "Baterai penyimpan Bali (Kuota) IX 100 MW dan PLTS Bali (Kuota) VI 25 MW hanya ada di skenario "
            "percepatan energi terbarukan (ARED). Baterai adalah penyimpanan, bukan pembangkit.",
            "The Bali (Kuota) IX battery storage of 100 MW and the Bali (Kuota) VI solar plant of 25 MW "
            "appear in the accelerated renewables scenario (ARED) only. Batteries are storage, not "
            "generation.",
        ),
        (
            "RUPTL merencanakan PLTP Oka Ile Ange 10 MW dan Gunung Sirung 5 MW (2033), sedangkan Global "
            "Energy Monitor (Maret 2026) mencatat keduanya dibatalkan.",
            "RUPTL plans Oka Ile Ange 10 MW and Gunung Sirung 5 MW geothermal (2033), while Global Energy "
            "Monitor (March 2026) lists both as cancelled.",
        ),
    ),
    vintage="RUPTL PLN 2025–2034 (Kepmen ESDM 188.K/TL.03/MEM.L/2025)",
)

BY_TYPE_SPEC = specs.spec(
    "ruptl_planned_capacity_by_type",
    citation=(
        "PLN, RUPTL 2025–2034 (Kepmen ESDM 188.K/TL.03/MEM.L/2025)",
        "PLN, electricity supply business plan (RUPTL) 2025–2034 (Energy Minister's decree "
        "188.K/TL.03/MEM.L/2025)",
    ),
    title_id="Rencana penambahan kapasitas RUPTL 2025–2034 menurut jenis pembangkit dan provinsi",
    title_en="Planned capacity additions in RUPTL 2025–2034 by plant type and province",
    description=(
        "Totals of `ruptl_planned_generation` by province and RUPTL type, 2025–2034, computed from the items "
        "in the total (probable duplicates excluded, shown separately). Replaces the upstream summary file, "
        "which keeps the duplicates."
    ),
    columns=(
        PROVINCE_CODE,
        PROVINCE_NAME,
        RUPTL_TYPE,
        TECHNOLOGY,
        RENEWABLE_COLUMN,
        Column("n_items", "integer", "Items counted", minimum=0),
        Column("capacity_mw", "float", "Planned capacity 2025–2034 (items counted)", unit="MW", minimum=0),
        Column("n_excluded_duplicates", "integer", "Probable duplicates left out", minimum=0),
        Column(
            "capacity_mw_excluded_duplicates", "float", "Capacity of the left-out rows", unit="MW", minimum=0
        ),
        Column(
            "capacity_mw_ared_only",
            "float",
            "Part of capacity_mw in the ARED scenario only",
            unit="MW",
            minimum=0,
        ),
        specs.SOURCE,
    ),
    primary_key=("region_code", "ruptl_type"),
    quality=QUALITY,
    caveats=(
        DUPLICATE_CAVEAT,
        (
            "Total Bali memuat 1.350 MW PLTGU 'Jawa-Bali' dan 107,5 MW baterai penyimpan; 125 MW hanya ada "
            "di skenario percepatan energi terbarukan (ARED).",
            "Bali's total includes 1,350 MW of 'Jawa-Bali' combined-cycle gas and 107.5 MW of battery "
            "storage; 125 MW are in the accelerated renewables scenario (ARED) only.",
        ),
    ),
    vintage="RUPTL PLN 2025–2034 (Kepmen ESDM 188.K/TL.03/MEM.L/2025)",
)

GRID_SPEC = specs.spec(
    "ruptl_planned_grid",
    citation=(
        "PLN, RUPTL 2025–2034 (Kepmen ESDM 188.K/TL.03/MEM.L/2025)",
        "PLN, electricity supply business plan (RUPTL) 2025–2034 (Energy Minister's decree "
        "188.K/TL.03/MEM.L/2025)",
    ),
    title_id="Rencana saluran transmisi dan gardu induk RUPTL 2025–2034 di NTB dan NTT",
    title_en="Planned transmission lines and substation works in RUPTL 2025–2034, NTB and NTT",
    description=(
        "Planned transmission lines (asset transmission_line: from/to in `name`, kV, circuits, km) and "
        "substation works (asset substation: new, extension, uprate; MVA or line bays) of RUPTL 2025–2034 "
        "for NTB and NTT. The two rows that carry table totals (RUPTL-NTB-T-0013, 159 km; RUPTL-NTT-T-0022, "
        "1,251 km) are dropped. Flags: line_bays_not_mva, name_truncated."
    ),
    columns=(
        Column("item_id", "string", "Indonesia Power Map item id"),
        PROVINCE_CODE,
        PROVINCE_NAME,
        Column(
            "asset", "string", "transmission_line or substation", allowed=("transmission_line", "substation")
        ),
        Column("name", "string", "Line 'from — to' or substation name as parsed"),
        Column("from_bus", "string", "Line start (plant or GI)", nullable=True),
        Column("to_bus", "string", "Line end (GI, incomer or 'GI Eksisting / GI Rencana')", nullable=True),
        Column("voltage", "string", "Voltage(s) in kV as given, e.g. 150, 150/20, 70/150"),
        Column("voltage_kv_max", "float", "Highest voltage", unit="kV", minimum=0),
        Column("action", "string", "new, extension or uprate", allowed=tuple(ACTIONS.values())),
        Column("circuits", "integer", "Circuits (lines)", nullable=True, minimum=0),
        Column("line_type", "string", "SUTT (overhead high-voltage line)", nullable=True),
        Column("length_km", "float", "Line length (lines)", unit="km", nullable=True, minimum=0),
        Column(
            "capacity_mva",
            "float",
            "Transformer capacity (substations)",
            unit="MVA",
            nullable=True,
            minimum=0,
        ),
        Column(
            "line_bays",
            "integer",
            "Line bays (substation extensions without transformation)",
            nullable=True,
            minimum=0,
        ),
        Column("target_year", "integer", "Target year", minimum=2025, maximum=2034),
        RUPTL_STATUS,
        Column(
            "ruptl_table", "string", "RUPTL table (blank where the parser did not record it)", nullable=True
        ),
        Column("source_page", "integer", "Page of the RUPTL PDF", minimum=1),
        flags_column("line_bays_not_mva, name_truncated"),
        specs.SOURCE,
    ),
    primary_key=("item_id",),
    quality=QUALITY,
    caveats=(
        (
            "Baris yang memuat total tabel (RUPTL-NTB-T-0013, 159 km; RUPTL-NTT-T-0022, 1.251 km) dihapus; "
            "panjang saluran PLTS + BESS yang tergabung di baris itu tidak diketahui.",
            "The rows carrying table totals (RUPTL-NTB-T-0013, 159 km; RUPTL-NTT-T-0022, 1,251 km) are "
            "dropped; the length of the PLTS + BESS connection merged into those rows is unknown.",
        ),
        (
            "Total yang dihapus tidak sama dengan jumlah saluran yang terdaftar (NTB 229 km vs 159 km; NTT "
            "1.340,8 km vs 1.251 km): tabel hasil uraian mungkin tidak lengkap atau total hanya mencakup "
            "sebagian.",
            "The dropped totals differ from the sum of the listed lines (NTB 229 km vs 159 km; NTT 1,340.8 "
            "km vs 1,251 km): the parsed tables may be incomplete, or the totals cover part of a table.",
        ),
        (
            "Angka gardu induk pada satu tegangan (tanpa trafo, '2') adalah jumlah bay penghantar (LB), "
            "bukan MVA (kolom RUPTL 'MVA/LB').",
            "A substation figure at a single voltage (no transformer, '2') is a number of line bays (LB), "
            "not MVA (RUPTL column 'MVA/LB').",
        ),
        (
            "Rencana jaringan Bali tidak ada di sumber. Tidak ada rencana penghubung Bali–Lombok atau "
            "Lombok–Sumbawa di baris mana pun.",
            "Bali's grid plans are not in the sources. No row plans a Bali–Lombok or Lombok–Sumbawa link.",
        ),
    ),
    vintage="RUPTL PLN 2025–2034 (Kepmen ESDM 188.K/TL.03/MEM.L/2025)",
)

STEPS = (
    step(
        "ruptl_planned_generation",
        tuple(GENERATORS.values()),
        (GENERATION_SPEC, BY_TYPE_SPEC),
        run_generation,
    ),
    step("ruptl_planned_grid", (*TRANSMISSION.values(), *SUBSTATIONS.values()), (GRID_SPEC,), run_grid),
)
