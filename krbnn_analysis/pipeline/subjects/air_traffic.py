"""Curated air-traffic tables (DJPU, Statistik Angkutan Udara): traffic by airport 2016–2024 and
scheduled traffic by route 2020–2024.

Each ``run_*`` function reads its inputs, checks them against facts of the release (constants below,
from ``incoming/README.md``), fixes or flags each documented defect in a small named function, and
returns a tidy table.
"""

from __future__ import annotations

import re

import pandas as pd

from krbnn_analysis import regions
from krbnn_analysis.catalog import Column
from krbnn_analysis.pipeline import specs
from krbnn_analysis.pipeline.common import concat, require, with_region_columns
from krbnn_analysis.pipeline.core import step
from krbnn_analysis.pipeline.upstream import UpstreamFiles

AIRPORT_TRAFFIC = "djpu-airport-traffic-bali-ntb-ntt-2016-2024"
AIR_ROUTES = "djpu-air-route-stats-bali-ntb-ntt-2020-2024"

# --- facts of the release (incoming/README.md) -------------------------------------------------------

AIRPORT_YEARS = range(2016, 2025)
LATEST_EDITION_ROWS = 194  # 21 airport series a year 2016–2022, 23 in 2023, 24 in 2024 (README says 197)
VALUE_GROUPS = {  # upstream prefix → (indicator stem, unit)
    "pesawat": ("aircraft_movements", "movements"),
    "penumpang": ("passengers", "passengers"),
    "bagasi_kg": ("baggage", "kg"),
    "barang_kg": ("cargo", "kg"),
    "pos_kg": ("mail", "kg"),
}
DIRECTIONS = {"dtg": "arrivals", "brk": "departures", "total": "total"}
TRAFFIC_TYPES = {"DOM": "domestic", "INT": "international"}
# Komodo has no DOM/INT suffix in the 2020–2022 editions; those values equal the 2024 edition's DOM rows.
UNSUFFIXED_AS_DOMESTIC = frozenset({"LBJ"})
# Source copy errors: (airport, year) repeats (other airport, year); the repeated values are removed.
COPY_ERRORS = {("SAU", 2017): "ARD", ("RTG", 2018): "MOF"}
OUTLIERS = {("ENE", 2021)}  # arrivals 117,454 vs departures 56,027 passengers
PROVINCE_UNVERIFIED = frozenset({"BENETE", "KABIR"})  # listed under NTT; Benete is a name in Sumbawa Barat
AIRPORT_FACTS = {  # (airport, traffic type, year, indicator) → value in the release
    ("DPS", "domestic", 2024, "passengers_total"): 9_701_701,
    ("DPS", "international", 2024, "passengers_total"): 13_906_102,
    ("LBJ", "domestic", 2024, "passengers_total"): 970_472,
    ("LBJ", "domestic", 2017, "passengers_total"): 20_813,  # one month of data
}
NO_REPORT = "tdk ada laporan"

ROUTE_YEARS = range(2020, 2025)
ROUTE_ROWS = 494
ROUTE_TOTALS_2024 = {"domestic": 65_795_595, "international": 36_164_923}  # printed TOTAL; region rows only
SAME_AIRPORT = "same_airport"
NO_TRAFFIC = "no_traffic"
# Domestic routes summed per airport agree with the airport table's domestic passengers within this
# share for the five largest airports, every year (largest gaps: LBJ 2022 +7.1 %, KOE 2022 +5.3 %; the
# README's "±5 %" was computed differently). The airport table also counts non-scheduled traffic.
ROUTE_AIRPORT_CHECKED = ("DPS", "LOP", "KOE", "LBJ", "BMU")
ROUTE_AIRPORT_TOLERANCE = 0.08

_MONTHS = re.compile(r"Data\s+(\d+)\s+bln", re.IGNORECASE)


# --- airports ----------------------------------------------------------------------------------------


def months_covered(note: str, *, file: str) -> int:
    """'Data 12 Bln.' → 12; 'tdk ada laporan' (no report) → 0."""
    text = str(note).strip()
    if text == NO_REPORT:
        return 0
    match = _MONTHS.match(text)
    require(match is not None, f"unreadable months note {text!r}", file=file, column="keterangan")
    return int(match.group(1))


def airport_keys(rows: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Airport code (IATA, else the DJPU name) and traffic type (domestic, international or all)."""
    code = rows["iata_added"].fillna(rows["airport_name_djpu"].str.strip())
    kind = rows["traffic_type"].map(TRAFFIC_TYPES)
    kind = kind.where(kind.notna() | ~code.isin(UNSUFFIXED_AS_DOMESTIC), "domestic").fillna("all")
    return code, kind


def check_direction_sums(rows: pd.DataFrame, file: str) -> None:
    for prefix in VALUE_GROUPS:
        parts = rows[f"{prefix}_dtg"].fillna(0) + rows[f"{prefix}_brk"].fillna(0)
        bad = (parts - rows[f"{prefix}_total"].fillna(0)).abs() > 0
        require(not bad.any(), "arrivals + departures ≠ total", file=file, column=f"{prefix}_total")


def tidy_airports(rows: pd.DataFrame, file: str) -> pd.DataFrame:
    value_columns = [f"{p}_{d}" for p in VALUE_GROUPS for d in DIRECTIONS] + ["penumpang_transit"]
    long = rows.melt(
        id_vars=["region_code", "airport_code", "airport_name", "traffic_type", "year", "months_covered"],
        value_vars=value_columns,
        var_name="column",
        value_name="value",
    )
    prefix = long["column"].str.rsplit("_", n=1).str[0]
    direction = long["column"].str.rsplit("_", n=1).str[1]
    long["indicator"] = [
        "passengers_transit" if d == "transit" else f"{VALUE_GROUPS[p][0]}_{DIRECTIONS[d]}"
        for p, d in zip(prefix, direction, strict=True)
    ]
    long["unit"] = [VALUE_GROUPS[p][1] for p in prefix]
    return long.drop(columns="column")


def remove_copy_errors(long: pd.DataFrame, file: str) -> pd.DataFrame:
    """Blank the airport-years that repeat another airport's movements and passengers (README), after
    checking that they still do (cargo and transit differ slightly in the copies; the row is removed)."""
    keyed = long.set_index(["airport_code", "year", "indicator"])["value"]
    out = long.copy()
    for (code, year), original in COPY_ERRORS.items():
        for indicator in ("aircraft_movements_total", "passengers_total"):
            copy, source = keyed.get((code, year, indicator)), keyed.get((original, year, indicator))
            require(
                copy == source,
                f"{code} {year} no longer repeats {original} {year} ({indicator}): review the fix",
                file=file,
            )
        out.loc[(out["airport_code"] == code) & (out["year"] == year), "value"] = float("nan")
    return out


def airport_flags(long: pd.DataFrame) -> pd.Series:
    key = pd.Series(list(zip(long["airport_code"], long["year"], strict=True)), index=long.index)
    flag = pd.Series(pd.NA, index=long.index, dtype="object")
    flag = flag.mask(long["airport_code"].isin(PROVINCE_UNVERIFIED), "province_unverified")
    flag = flag.mask(key.isin(OUTLIERS) & long["indicator"].str.startswith("passengers"), "outlier")
    flag = flag.mask(long["months_covered"] < 12, "part_year")
    return flag.mask(key.isin(list(COPY_ERRORS)), "copy_error")


def check_airport_facts(long: pd.DataFrame, file: str) -> None:
    keyed = long.set_index(["airport_code", "traffic_type", "year", "indicator"])["value"]
    for key, expected in AIRPORT_FACTS.items():
        require(keyed.get(key) == expected, f"{key}: expected {expected}, found {keyed.get(key)}", file=file)


def build_airport_traffic(files: UpstreamFiles) -> pd.DataFrame:
    file = str(files.path(AIRPORT_TRAFFIC))
    raw = files.read_csv(AIRPORT_TRAFFIC, numeric=("year", "is_latest_edition", "prov_code_bps_added"))
    check_direction_sums(raw, file)
    rows = raw[raw["is_latest_edition"] == 1].copy()
    require(len(rows) == LATEST_EDITION_ROWS, f"expected {LATEST_EDITION_ROWS} latest rows", file=file)
    rows["airport_code"], rows["traffic_type"] = airport_keys(rows)
    require(
        not rows.duplicated(["airport_code", "traffic_type", "year"]).any(),
        "duplicate airport-year",
        file=file,
    )
    require(set(rows["year"]) == set(AIRPORT_YEARS), f"years {sorted(set(rows['year']))}", file=file)
    rows["region_code"] = regions.harmonise(
        rows["prov_code_bps_added"].astype(int).astype(str), file=file, column="prov_code_bps_added"
    )
    rows["months_covered"] = [months_covered(n, file=file) for n in rows["keterangan"]]
    latest_name = rows.sort_values("year").groupby("airport_code")["airport_name_djpu"].last()
    rows["airport_name"] = (
        rows["airport_code"].map(latest_name).str.replace(r"\s*\((DOM|INT)\)$", "", regex=True)
    )
    long = remove_copy_errors(tidy_airports(rows, file), file)
    check_airport_facts(long, file)
    long["flag"] = airport_flags(long)
    return long.assign(source=AIRPORT_TRAFFIC)


def run_airport_traffic(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    return {"air_traffic_by_airport": with_region_columns(build_airport_traffic(files))}


# --- routes ------------------------------------------------------------------------------------------


def load_factor(raw: pd.Series, *, file: str) -> pd.Series:
    """'53,3%' → 53.3; '-' or blank → missing."""
    text = raw.astype("string").str.strip().str.removesuffix("%").str.replace(",", ".", regex=False)
    text = text.where(~text.isin(["-", ""]))
    numbers = pd.to_numeric(text, errors="coerce")
    bad = text.notna() & numbers.isna()
    require(not bad.any(), "unreadable load factor", file=file, column="load_factor_raw")
    return numbers


def tidy_routes(raw: pd.DataFrame, file: str) -> pd.DataFrame:
    pair = raw[["iata_1", "iata_2"]]
    no_traffic = raw[["flights", "passengers", "seats"]].isna().all(axis=1)
    flag = pd.Series(pd.NA, index=raw.index, dtype="object").mask(no_traffic, NO_TRAFFIC)
    flag = flag.mask(raw["iata_1"] == raw["iata_2"], SAME_AIRPORT)
    return pd.DataFrame(
        {
            "year": raw["year"].astype("int64"),
            "scope": raw["scope"],
            "rank_in_table": raw["rank_in_table"].astype("int64"),
            "route_label": raw["route_label"],
            "airport_1": pair.min(axis=1),  # the order of the two airports is arbitrary upstream
            "airport_2": pair.max(axis=1),
            "intra_region": raw["intra_region"] == 1,
            "flights": raw["flights"],
            "passengers": raw["passengers"],
            "seats": raw["seats"],
            "cargo_kg": raw["cargo_kg"],
            "mail_kg": raw["mail_kg"],
            "load_factor": load_factor(raw["load_factor_raw"], file=file),
            "flag": flag,
            "source": AIR_ROUTES,
        }
    )


def check_routes(routes: pd.DataFrame, file: str) -> None:
    require(set(routes["year"]) == set(ROUTE_YEARS), f"years {sorted(set(routes['year']))}", file=file)
    require(not routes.duplicated(["year", "scope", "rank_in_table"]).any(), "duplicate rank", file=file)
    require(
        set(routes["scope"]) == {"domestic", "international"}, "unexpected scope", file=file, column="scope"
    )


def check_routes_against_airports(routes: pd.DataFrame, airports: pd.DataFrame, file: str) -> None:
    """Domestic route passengers summed per airport lie within 8 % of the airport table (DJPU Bab VII)."""
    domestic = routes[(routes["scope"] == "domestic") & routes["flag"].isna()]
    ends = concat(
        [
            domestic[["year", "airport_1", "passengers"]].rename(columns={"airport_1": "airport_code"}),
            domestic[["year", "airport_2", "passengers"]].rename(columns={"airport_2": "airport_code"}),
        ]
    )
    by_route = ends.groupby(["airport_code", "year"])["passengers"].sum()
    served = airports[
        (airports["indicator"] == "passengers_total") & airports["traffic_type"].isin(["domestic", "all"])
    ]
    by_airport = served.groupby(["airport_code", "year"])["value"].sum()
    for code in ROUTE_AIRPORT_CHECKED:
        for year in ROUTE_YEARS:
            gap = by_route[(code, year)] / by_airport[(code, year)] - 1
            require(
                abs(gap) <= ROUTE_AIRPORT_TOLERANCE,
                f"{code} {year}: routes sum {gap:+.1%} off the airport table "
                f"(tolerance ±{ROUTE_AIRPORT_TOLERANCE:.0%})",
                file=file,
            )


def run_air_routes(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    file = str(files.path(AIR_ROUTES))
    raw = files.read_csv(
        AIR_ROUTES,
        required=("scope", "route_label", "iata_1", "iata_2", "load_factor_raw"),
        numeric=(
            "year",
            "rank_in_table",
            "intra_region",
            "flights",
            "passengers",
            "seats",
            "cargo_kg",
            "mail_kg",
        ),
    )
    require(len(raw) == ROUTE_ROWS, f"expected {ROUTE_ROWS} rows, found {len(raw)}", file=file)
    routes = tidy_routes(raw, file)
    check_routes(routes, file)
    check_routes_against_airports(routes, build_airport_traffic(files), f"{file} + airport traffic")
    return {"air_routes_scheduled": routes}


# --- specifications ----------------------------------------------------------------------------------

DJPU_CAVEAT = (
    "Sumber: PDF DJPU 'Statistik Angkutan Udara' yang diubah ke teks oleh proyek ini; repositori pihak "
    "ketiga, lisensi tidak dinyatakan.",
    "Source: DJPU 'Statistik Angkutan Udara' PDFs converted to text for this project; third-party "
    "repository, licence not stated.",
)

AIRPORT_TRAFFIC_SPEC = specs.spec(
    "air_traffic_by_airport",
    citation=(
        "Kementerian Perhubungan, Direktorat Jenderal Perhubungan Udara (DJPU), Statistik Angkutan Udara "
        "edisi 2020, 2021, 2022 dan 2024, Bab VII Data Lalu Lintas Angkutan Udara di Bandar Udara, "
        "2016–2024",
        "Ministry of Transportation, Directorate General of Civil Aviation (DJPU), Statistik Angkutan Udara, "
        "2020, 2021, 2022 and 2024 editions, chapter VII: air traffic data by airport, 2016–2024",
    ),
    title_id="Lalu lintas angkutan udara per bandara di Bali, NTB dan NTT, 2016–2024",
    title_en="Air traffic by airport in Bali, NTB and NTT, 2016–2024",
    description=(
        "Annual aircraft movements, passengers (arrivals, departures, total, transit), baggage, cargo and "
        "mail at every airport DJPU lists under Bali, NTB and NTT, by traffic type (domestic, international, "
        "or all where DJPU prints no split), from the newest DJPU edition holding each airport-year. "
        "`airport_code` is the IATA code (the DJPU name for Kabir and Benete). Includes non-scheduled "
        "traffic."
    ),
    columns=(
        specs.REGION_CODE,
        specs.REGION_NAME,
        specs.REGION_LEVEL,
        Column("airport_code", "string", "IATA code of the airport; the DJPU name where it has none"),
        Column("airport_name", "string", "Airport name as DJPU prints it in its latest edition"),
        Column(
            "traffic_type",
            "string",
            "domestic, international, or all (DJPU prints no split)",
            allowed=("domestic", "international", "all"),
        ),
        specs.YEAR,
        Column(
            "indicator",
            "string",
            "aircraft_movements_*, passengers_*, baggage_*, cargo_*, mail_* with "
            "arrivals, departures or total; passengers_transit",
        ),
        specs.value("Count or kilograms, in `unit`", minimum=0, nullable=True),
        specs.UNIT,
        Column(
            "months_covered",
            "integer",
            "Months of data in the year (DJPU note; 0 = no report)",
            minimum=0,
            maximum=12,
        ),
        Column(
            "flag",
            "string",
            "part_year (fewer than 12 months), copy_error (source repeats another airport: value removed), "
            "outlier (Ende 2021 passengers), province_unverified (Kabir, Benete)",
            nullable=True,
            allowed=("part_year", "copy_error", "outlier", "province_unverified"),
        ),
        specs.SOURCE,
    ),
    primary_key=("airport_code", "traffic_type", "year", "indicator"),
    quality=(
        "amber",
        "Angka resmi DJPU, diambil dari teks PDF; arah kedatangan + keberangkatan = total di semua baris.",
        "Official DJPU figures, parsed from PDF text; arrivals + departures = total in every row.",
    ),
    caveats=(
        (
            "2016–2017: sembilan bandara NTT hanya melaporkan sebagian bulan (ditandai dalam data sebagai "
            "tahun tidak penuh; Komodo 2017 hanya 1 bulan). Jangan bandingkan tahun-tahun itu dengan tahun "
            "penuh.",
            "2016–2017: nine NTT airports report only some months (marked in the data as part-year; Komodo "
            "2017 is one month). Do not compare those years with full years.",
        ),
        (
            "Kesalahan salin di sumber dihapus: Tardamu–Sabu 2017 mengulang Mali–Alor 2017, Frans Sales "
            "Lega–Ruteng 2018 mengulang Frans Seda–Maumere 2018. Ende 2021 (kedatangan 117.454 vs "
            "keberangkatan 56.027) ditandai sebagai pencilan.",
            "Source copy errors are removed: Tardamu–Sabu 2017 repeats Mali–Alor 2017, Frans Sales "
            "Lega–Ruteng 2018 repeats Frans Seda–Maumere 2018. Ende 2021 (arrivals 117,454 vs departures "
            "56,027) is marked as an outlier.",
        ),
        (
            "Komodo (Labuan Bajo) tanpa pembagian domestik/internasional sebelum 2024 diperlakukan sebagai "
            "domestik (sama dengan angka domestik edisi 2024). Kabir dan Benete tercantum di NTT tetapi "
            "provinsinya belum diverifikasi. Satuan bagasi tidak tercetak.",
            "Komodo (Labuan Bajo) without a domestic/international split before 2024 is treated as domestic "
            "(equal to the 2024 edition's domestic figures). Kabir and Benete are listed under NTT but their "
            "province is unverified. The baggage unit is not printed.",
        ),
        DJPU_CAVEAT,
    ),
    vintage="DJPU Statistik Angkutan Udara editions 2020, 2021, 2022 and 2024 (2023 edition not parsed)",
)

AIR_ROUTES_SPEC = specs.spec(
    "air_routes_scheduled",
    citation=(
        "Kementerian Perhubungan, Direktorat Jenderal Perhubungan Udara (DJPU), Statistik Angkutan Udara "
        "edisi 2020–2024, Bab VI Statistik per Rute Angkutan Udara Niaga Berjadwal Dalam Negeri dan Luar "
        "Negeri",
        "Ministry of Transportation, Directorate General of Civil Aviation (DJPU), Statistik Angkutan Udara, "
        "2020–2024 editions, chapter VI: statistics per scheduled commercial air route, domestic and "
        "international",
    ),
    title_id="Statistik rute penerbangan berjadwal yang menyinggahi Bali, NTB atau NTT, 2020–2024",
    title_en="Scheduled air routes touching Bali, NTB or NTT, annual statistics 2020–2024",
    description=(
        "Annual flights, passengers, seats, cargo, mail and load factor per scheduled route (both "
        "directions combined) with at least one end in Bali, NTB or NTT, domestic and international DJPU "
        "tables. `airport_1` and `airport_2` are the two IATA codes in alphabetical order (the order "
        "upstream is arbitrary)."
    ),
    columns=(
        specs.YEAR,
        Column(
            "scope", "string", "domestic or international DJPU table", allowed=("domestic", "international")
        ),
        Column("rank_in_table", "integer", "Rank by passengers in the DJPU table", minimum=1),
        Column("route_label", "string", "Route label as printed (format changes in 2022)"),
        Column("airport_1", "string", "IATA code, alphabetically first of the pair"),
        Column("airport_2", "string", "IATA code, alphabetically second of the pair"),
        Column("intra_region", "boolean", "Both ends are airports in Bali, NTB or NTT"),
        Column("flights", "float", "Flights, both directions", minimum=0, nullable=True),
        Column("passengers", "float", "Passengers, both directions", minimum=0, nullable=True),
        Column("seats", "float", "Seats offered (capacity)", minimum=0, nullable=True),
        Column("cargo_kg", "float", "Cargo, kg", minimum=0, nullable=True),
        Column("mail_kg", "float", "Mail, kg", minimum=0, nullable=True),
        Column("load_factor", "float", "Load factor, percent (as printed)", minimum=0, nullable=True),
        Column(
            "flag",
            "string",
            "no_traffic (every cell '-'), same_airport (the printed 'DPS-DPS' row)",
            nullable=True,
            allowed=(NO_TRAFFIC, SAME_AIRPORT),
        ),
        specs.SOURCE,
    ),
    primary_key=("year", "scope", "rank_in_table"),
    quality=(
        "amber",
        "Angka resmi DJPU dari teks PDF; 2024 berjumlah tepat sama dengan TOTAL tercetak; dicek terhadap "
        "tabel bandara (±8%).",
        "Official DJPU figures from PDF text; 2024 sums exactly to the printed TOTAL; checked against the "
        "airport table (±8%).",
    ),
    caveats=(
        (
            "Hanya penerbangan berjadwal (tanpa carter). Label rute berganti format pada 2022 dan urutan "
            "bandara berubah-ubah: untuk membandingkan antartahun, kenali rute dari pasangan kode bandaranya "
            "(urut abjad), bukan dari labelnya.",
            "Scheduled services only (no charter). Route labels change format in 2022 and the airport order "
            "varies: to compare years, identify a route by its pair of airport codes (in alphabetical "
            "order), not by its label.",
        ),
        (
            "Dicek: penumpang domestik per bandara (jumlah rute) berada dalam ±8% dari tabel lalu lintas "
            "bandara untuk DPS (Bali), LOP (Lombok), KOE (Kupang), LBJ (Labuan Bajo) dan BMU (Bima) setiap "
            "tahun; bandara kecil dan lalu lintas "
            "internasional tipis bisa berbeda jauh. 2024 memuat dua baris DEL-DPS (satu bertanda '\\').",
            "Checked: domestic passengers per airport (sum of routes) lie within ±8% of the airport traffic "
            "table for DPS (Bali), LOP (Lombok), KOE (Kupang), LBJ (Labuan Bajo) and BMU (Bima) in every "
            "year; small airports and thin international "
            "traffic can differ widely. 2024 holds two DEL-DPS rows (one marked '\\').",
        ),
        DJPU_CAVEAT,
    ),
    vintage="DJPU Statistik Angkutan Udara 2020–2024, Bab VI",
)

STEPS = (
    step("air_traffic_by_airport", (AIRPORT_TRAFFIC,), (AIRPORT_TRAFFIC_SPEC,), run_airport_traffic),
    step("air_routes_scheduled", (AIR_ROUTES, AIRPORT_TRAFFIC), (AIR_ROUTES_SPEC,), run_air_routes),
)
