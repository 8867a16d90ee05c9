"""Curated existing grid: substations (OpenStreetMap) and transmission lines (OSM via Indonesia Power Map).

* ``substations``: the 78 OSM substations of the region with voltages parsed from OSM's ``voltage`` lists
  ("150000;20000" → 150 and 20 kV), kab/kota by point-in-polygon, and for Bali the transformer count and
  MVA of RUPTL 2025–2034 Tabel B7.4 where the Indonesia Power Map matched the GI to an OSM substation.
* ``transmission_lines``: one row per OSM line segment (Bali 248 segments, NTB 31, NTT 51) with voltage and
  length, plus the curated Java–Bali 150 kV submarine cable record, which is not in the line geometry.
  There is no Bali–Lombok or Lombok–Sumbawa link in any source.
"""

from __future__ import annotations

import re

import pandas as pd

from krbnn_analysis import regions
from krbnn_analysis.catalog import Column
from krbnn_analysis.pipeline import geo, specs
from krbnn_analysis.pipeline.common import concat, join_flags, require, require_close, with_region_columns
from krbnn_analysis.pipeline.core import step
from krbnn_analysis.pipeline.subjects.energy.common import (
    LAT,
    LON,
    PROVINCE_CODE,
    PROVINCE_NAME,
    flags_column,
    province_disagrees,
)
from krbnn_analysis.pipeline.upstream import UpstreamFiles

OSM_SUBSTATIONS = "osm-substations-bali-ntb-ntt-2026-05-10"
IPM_SUBSTATIONS_BALI = "ipm-substation-master-bali-from-jamali"
LINES_BALI = "ipm-osm-transmission-lines-bali-2026-05"
LINES_NTB = "ipm-osm-transmission-lines-ntb"
LINES_NTT = "ipm-osm-transmission-lines-ntt"
INTERCONNECTORS = "ipm-interconnectors-curated"

# --- facts of the releases ---------------------------------------------------------------------------
SUBSTATION_ROWS = {"52": 39, "51": 22, "53": 17}
BLANK_VOLTAGE = 21
IPM_SUBSTATION_ROWS = 19
# The IPM master matches GI Celukan Bawang to the OSM *plant* way/493218545, not to a substation.
IPM_MATCHED_TO_PLANT = {"GI-JMB-0506": "way/493218545"}
NOT_A_SUBSTATION_NAME = re.compile(r"Gas Station|Kantor|Cabang|Ranting|^Trafo$|^PH$", re.IGNORECASE)
CAPTIVE_OPERATOR = "PT Amman Mineral Nusa Tenggara"

# (rows, {voltage kV: km}) per file, as in the upstream README
LINE_TOTALS = {
    LINES_BALI: (248, {150: 518.6}),
    LINES_NTB: (31, {150: 485.3, 70: 169.2}),
    LINES_NTT: (51, {70: 667.2, 150: 91.0}),
}
LINE_SYSTEM = {LINES_BALI: "Jamali", LINES_NTB: "NTB", LINES_NTT: "NTT"}
JAVA_BALI_CABLE = "IC-JBALI-01"
JAWA_TIMUR = "35"  # Ketapang, Banyuwangi: the Java end of the cable


# --- substations ----------------------------------------------------------------------------------------


def parse_voltages(text: object, *, file: str, row: int) -> list[int]:
    """'150000;20000' → [150, 20] (kV, highest first); blank → []."""
    if pd.isna(text):
        return []
    parts = str(text).split(";")
    require(
        all(p.strip().isdigit() for p in parts), f"voltage {text!r}", file=file, column="voltage", row=row
    )
    volts = [int(p) for p in parts]
    require(all(v % 1000 == 0 for v in volts), f"voltage {text!r} not in whole kV", file=file, row=row)
    return sorted({v // 1000 for v in volts}, reverse=True)


def tidy_substations(raw: pd.DataFrame, file: str) -> pd.DataFrame:
    codes = regions.harmonise(raw["province"], file=file, column="province")
    counts = pd.Series(codes).value_counts().to_dict()
    require(counts == SUBSTATION_ROWS, f"rows per province {counts}", file=file)
    require(raw["voltage"].isna().sum() == BLANK_VOLTAGE, "number of blank voltages changed", file=file)
    require(raw["osm_id"].is_unique, "duplicate osm ids", file=file, column="osm_id")
    voltages = [parse_voltages(v, file=file, row=i) for i, v in enumerate(raw["voltage"])]
    flags = []
    for name, operator in zip(raw["name"], raw["operator"], strict=True):
        row_flags = []
        if pd.isna(name):
            row_flags.append("unnamed")
        elif NOT_A_SUBSTATION_NAME.search(str(name)):
            row_flags.append("name_suggests_not_a_grid_substation")
        if operator == CAPTIVE_OPERATOR:
            row_flags.append("captive_mining")
        flags.append(row_flags)
    return pd.DataFrame(
        {
            "substation_id": "osm:" + raw["osm_id"],
            "name": raw["name"].astype("string"),
            "substation_tag": raw["substation"].astype("string"),
            "voltages_kv": [";".join(str(v) for v in vs) if vs else pd.NA for vs in voltages],
            "voltage_kv_max": [float(vs[0]) if vs else float("nan") for vs in voltages],
            "operator": raw["operator"].astype("string"),
            "lon": raw["lon"].astype(float),
            "lat": raw["lat"].astype(float),
            "region_code": codes,
            "flags": flags,
            "osm_id": raw["osm_id"],
        }
    )


def attach_ruptl_bali(substations: pd.DataFrame, ipm: pd.DataFrame, file: str) -> pd.DataFrame:
    """Transformer count and MVA of the RUPTL GI list (Bali), where matched to an OSM substation."""
    require(
        len(ipm) == IPM_SUBSTATION_ROWS, f"expected {IPM_SUBSTATION_ROWS} rows, found {len(ipm)}", file=file
    )
    require(set(ipm["source_table"]) == {"Tabel B7.4"}, "source table changed", file=file)
    known = set(substations["osm_id"])
    unmatched = dict(
        zip(
            ipm.loc[~ipm["osm_id"].isin(known), "id"],
            ipm.loc[~ipm["osm_id"].isin(known), "osm_id"],
            strict=True,
        )
    )
    require(
        unmatched == IPM_MATCHED_TO_PLANT, f"GI rows not matched to an OSM substation: {unmatched}", file=file
    )
    matched = ipm[ipm["osm_id"].isin(known)]
    require(matched["osm_id"].is_unique, "two GI rows matched to one substation", file=file)
    columns = matched.set_index("osm_id")[["trafo_count", "capacity_mva", "voltage", "id"]]
    out = substations.join(columns, on="osm_id")
    out["ruptl_transformers"] = out["trafo_count"].astype("Int64")
    out["ruptl_capacity_mva"] = out["capacity_mva"].astype(float)
    out["ruptl_gi_id"] = out["id"].astype("string")
    out["source"] = [
        f"{OSM_SUBSTATIONS};{IPM_SUBSTATIONS_BALI}" if pd.notna(i) else OSM_SUBSTATIONS for i in out["id"]
    ]
    return out.drop(columns=["trafo_count", "capacity_mva", "voltage", "id"])


def run_substations(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    file = str(files.path(OSM_SUBSTATIONS))
    substations = tidy_substations(files.read_csv(OSM_SUBSTATIONS), file)
    substations = attach_ruptl_bali(
        substations, files.read_csv(IPM_SUBSTATIONS_BALI), str(files.path(IPM_SUBSTATIONS_BALI))
    )
    require(substations.index.is_unique, "substation frame index must be unique", file=file)
    tagged = geo.tag_points(substations, geo.kabkota_polygons(files), declared_province="region_code")
    tagged["flags"] = [
        join_flags([*f, *(["province_disagrees"] if d else [])])
        for f, d in zip(tagged["flags"], province_disagrees(tagged), strict=True)
    ]
    tagged = tagged.drop(columns=["region_code", "osm_id"])
    return {"substations": tagged.astype({"flags": "string", "voltages_kv": "string"})}


# --- transmission lines ---------------------------------------------------------------------------------


def tidy_lines(raw: pd.DataFrame, source_id: str, file: str) -> pd.DataFrame:
    rows, totals = LINE_TOTALS[source_id]
    require(len(raw) == rows, f"expected {rows} segments, found {len(raw)}", file=file)
    require(raw["id"].is_unique and raw["osm_id"].is_unique, "duplicate line ids", file=file)
    require(
        (raw["voltage_kv_max"] == raw["voltage_kv_all"].astype(float)).all(), "multi-voltage lines", file=file
    )
    if source_id == LINES_BALI:
        require(bool((raw["n_vertices_west_of_114.42E"] == 0).all()), "a Bali line reaches Java", file=file)
        codes = ["51"] * len(raw)
    else:
        codes = regions.harmonise(raw["province"], file=file, column="province")
    out = pd.DataFrame(
        {
            "line_id": raw["id"],
            "region_code": codes,
            "other_region_code": pd.NA,
            "system": LINE_SYSTEM[source_id],
            "voltage_kv": raw["voltage_kv_max"].astype(float),
            "length_km": raw["length_km"].astype(float),
            "line_kind": "osm_power_line",
            "status": "existing",
            "osm_id": raw["osm_id"],
            "note": pd.NA,
            "source": source_id,
        }
    )
    for kv, km in totals.items():
        require_close(
            out.loc[out["voltage_kv"] == kv, "length_km"].sum(), km, 0.05, f"{kv} kV length", file=file
        )
    require(set(out["voltage_kv"]) == set(totals), f"voltages {sorted(set(out['voltage_kv']))}", file=file)
    return out


def java_bali_cable(raw: pd.DataFrame, file: str) -> pd.DataFrame:
    """The only interconnector of the region: a curated record with no geometry and no length."""
    require(len(raw) == 3, "expected 3 curated interconnectors", file=file)
    rows = raw[raw["interconnector_id"] == JAVA_BALI_CABLE]
    require(len(rows) == 1, f"{JAVA_BALI_CABLE} not found", file=file)
    cable = rows.iloc[0]
    require(
        cable["status"] == "existing"
        and int(cable["voltage_kv"]) == 150
        and "4 circuits" in cable["technology"],
        "Java–Bali cable record changed",
        file=file,
    )
    return pd.DataFrame(
        {
            "line_id": [JAVA_BALI_CABLE],
            "region_code": ["51"],
            "other_region_code": [JAWA_TIMUR],
            "system": ["Jamali"],
            "voltage_kv": [150.0],
            "length_km": [float("nan")],
            "line_kind": ["submarine_cable"],
            "status": ["existing"],
            "osm_id": [pd.NA],
            "note": [
                f"{cable['name']}: {cable['technology']}, {cable['from_name']} – Gilimanuk (Bali); curated "
                f"record, "
                "not in the OSM line geometry; length not given"
            ],
            "source": [INTERCONNECTORS],
        }
    )


def run_lines(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    frames = [
        tidy_lines(files.read_csv(s), s, str(files.path(s))) for s in (LINES_BALI, LINES_NTB, LINES_NTT)
    ]
    frames.append(java_bali_cable(files.read_csv(INTERCONNECTORS), str(files.path(INTERCONNECTORS))))
    lines = concat(frames)
    between_islands = lines["other_region_code"].notna()
    require(
        set(lines.loc[between_islands, "other_region_code"]) == {JAWA_TIMUR},
        "an inter-provincial link other than Java–Bali appeared: review",
        file=str(files.path(INTERCONNECTORS)),
    )
    lines = with_region_columns(lines).drop(columns="region_level")
    return {
        "transmission_lines": lines.astype(
            {"other_region_code": "string", "osm_id": "string", "note": "string"}
        )
    }


# --- specifications -------------------------------------------------------------------------------------

SUBSTATIONS_SPEC = specs.spec(
    "substations",
    citation=(
        "OpenStreetMap (Mei 2026); PLN, RUPTL 2025–2034",
        "OpenStreetMap (May 2026); PLN, RUPTL 2025–2034",
    ),
    title_id="Gardu induk dan gardu listrik di Bali, NTB dan NTT (OpenStreetMap)",
    title_en="Substations in Bali, NTB and NTT (OpenStreetMap)",
    description=(
        "The 78 OSM features tagged power=substation in the region (state 2026-05-10), with voltages parsed "
        "from OSM (`voltages_kv`, highest first; blank for 21), kab/kota by point-in-polygon (nearest "
        "polygon within 5 km) and province from it. For Bali, transformer count and MVA from RUPTL "
        "2025–2034 Tabel B7.4 where the Indonesia Power Map matched the GI to the OSM feature. Flags: "
        "unnamed, name_suggests_not_a_grid_substation (gas station, PLN office, 'Trafo'…), captive_mining, "
        "province_disagrees."
    ),
    columns=(
        Column("substation_id", "string", "OSM id (osm:way/… or osm:node/…)"),
        Column("name", "string", "OSM name", nullable=True),
        Column("substation_tag", "string", "OSM substation=* (transmission, distribution)", nullable=True),
        Column("voltages_kv", "string", "Voltages in kV, ';'-separated, highest first", nullable=True),
        Column("voltage_kv_max", "float", "Highest voltage", unit="kV", nullable=True, minimum=0),
        Column("operator", "string", "OSM operator as given", nullable=True),
        LON,
        LAT,
        *geo.POINT_LOCATION,
        Column(
            "ruptl_transformers",
            "integer",
            "Transformers (RUPTL Tabel B7.4; Bali only)",
            nullable=True,
            minimum=0,
        ),
        Column(
            "ruptl_capacity_mva",
            "float",
            "Transformer capacity (RUPTL Tabel B7.4; Bali only)",
            unit="MVA",
            nullable=True,
            minimum=0,
        ),
        Column("ruptl_gi_id", "string", "Indonesia Power Map GI id of the RUPTL row", nullable=True),
        flags_column("unnamed, name_suggests_not_a_grid_substation, captive_mining, province_disagrees"),
        specs.SOURCE,
    ),
    primary_key=("substation_id",),
    quality=(
        "amber",
        "Data OSM, cakupan sebagian dan tag tidak seragam; belum dicek terhadap daftar GI PLN kecuali Bali.",
        "OSM data, partial coverage and uneven tags; not checked against PLN's GI list except in Bali.",
    ),
    caveats=(
        (
            "Banyak fitur tanpa nama (14) atau tegangan (21); beberapa bukan gardu induk jaringan (SPBU, "
            "kantor PLN, 'Trafo'), ditandai, tidak dihapus.",
            "Many features lack a name (14) or voltage (21); some are not grid substations (a petrol "
            "station, PLN offices, 'Trafo'): flagged, not removed.",
        ),
        (
            "Tegangan OSM dapat berupa daftar ('150000;20000'): dipecah menjadi kV, yang tertinggi dipakai.",
            "OSM voltages can be lists ('150000;20000'): split into kV, the highest is used.",
        ),
        (
            "Kapasitas MVA hanya untuk Bali (RUPTL Tabel B7.4, dicocokkan nama secara fuzzy). GI Celukan "
            "Bawang dicocokkan ke fitur pembangkit, bukan gardu, sehingga tidak ada di tabel ini.",
            "MVA only for Bali (RUPTL Tabel B7.4, fuzzy name match). GI Celukan Bawang was matched to the "
            "plant feature, not a substation, so it is not in this table.",
        ),
    ),
    vintage="OSM 2026-05-10; RUPTL 2025–2034 Tabel B7.4 (Bali)",
)

LINES_SPEC = specs.spec(
    "transmission_lines",
    citation=(
        "OpenStreetMap (sekitar Mei 2026, diolah Indonesia Power Map); kabel Jawa–Bali dari RUPTL 2025–2034",
        "OpenStreetMap (about May 2026, processed by Indonesia Power Map); Java–Bali cable from RUPTL "
        "2025–2034",
    ),
    title_id="Saluran transmisi di Bali, NTB dan NTT (OpenStreetMap) dan kabel laut Jawa–Bali",
    title_en="Transmission lines in Bali, NTB and NTT (OpenStreetMap) and the Java–Bali cable",
    description=(
        "One row per OSM transmission-line segment as processed by the Indonesia Power Map (Bali 248 "
        "segments, 150 kV, 518.6 km; NTB 31, 150 kV 485.3 km and 70 kV 169.2 km; NTT 51, 70 kV 667.2 km and "
        "150 kV 91.0 km), plus the curated Java–Bali 150 kV submarine cable (no length). Sum `length_km` by "
        "province and voltage for circuit-route lengths; segments are OSM ways, not PLN line sections."
    ),
    columns=(
        Column("line_id", "string", "Indonesia Power Map id (TRM-…, IC-…)"),
        PROVINCE_CODE,
        PROVINCE_NAME,
        Column(
            "other_region_code", "string", "Province at the other end of an inter-island link", nullable=True
        ),
        Column("system", "string", "Power system: Jamali, NTB or NTT", allowed=("Jamali", "NTB", "NTT")),
        Column("voltage_kv", "float", "Voltage class", unit="kV", allowed=(70.0, 150.0)),
        Column("length_km", "float", "Segment length (OSM geometry)", unit="km", nullable=True, minimum=0),
        Column(
            "line_kind",
            "string",
            "osm_power_line or submarine_cable",
            allowed=("osm_power_line", "submarine_cable"),
        ),
        Column("status", "string", "existing", allowed=("existing",)),
        Column("osm_id", "string", "OSM way id", nullable=True),
        Column("note", "string", "Notes on curated records", nullable=True),
        specs.SOURCE,
    ),
    primary_key=("line_id",),
    quality=(
        "amber",
        "Geometri OSM yang diolah pihak ketiga; belum dicek terhadap data PLN.",
        "OSM geometry processed by a third party; not checked against PLN data.",
    ),
    caveats=(
        (
            "Tidak ada penghubung Bali–Lombok atau Lombok–Sumbawa di sumber mana pun; kabel Selat Alas "
            "(Lombok–Sumbawa) yang diklaim sebagian belum terverifikasi.",
            "There is no Bali–Lombok or Lombok–Sumbawa link in any source; a claimed partial Selat Alas "
            "(Lombok–Sumbawa) cable is unverified.",
        ),
        (
            "Kabel laut Jawa–Bali 150 kV (4 sirkuit, Ketapang–Gilimanuk) tidak ada dalam geometri OSM; "
            "ditambahkan dari catatan terkurasi tanpa panjang.",
            "The Java–Bali 150 kV submarine cable (4 circuits, Ketapang–Gilimanuk) is not in the OSM "
            "geometry; it is added from a curated record, without a length.",
        ),
        (
            "Cakupan OSM belum dicek terhadap PLN; panjang adalah panjang jalur segmen, bukan panjang "
            "sirkuit.",
            "OSM coverage is not checked against PLN; lengths are route lengths of segments, not circuit "
            "lengths.",
        ),
    ),
    vintage="OSM via Indonesia Power Map, about May 2026; interconnector record curated 2026-09-07",
)

STEPS = (
    step(
        "substations",
        (OSM_SUBSTATIONS, IPM_SUBSTATIONS_BALI, geo.KABKOTA_POLYGONS),
        (SUBSTATIONS_SPEC,),
        run_substations,
    ),
    step("transmission_lines", (LINES_BALI, LINES_NTB, LINES_NTT, INTERCONNECTORS), (LINES_SPEC,), run_lines),
)
