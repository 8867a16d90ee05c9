"""Curated tourism tables: foreign arrivals by entry port, domestic trips, hotel occupancy, foreign-guest
share of hotel guests, and tourism-area designations by province.

Each ``run_*`` function follows the project's shape: read inputs → check them against facts of the
upstream release (constants below, so a different release fails loudly) → tidy in small named functions
→ return tidy tables, which the build validates against the specifications declared here.

Not used: ``tourism/bintang_hotel_rooms_prov_2019_2023_SUSPECT.csv`` (origin record
``bintang-hotel-rooms-prov-2019-2023-suspect``). Its room counts are implausible (upstream README: Bali
4,419 establishments but 15,837 rooms; Papua and Papua Barat identical every year) and nothing upstream
can show which values are right, so no table is derived from it.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from krbnn_analysis import regions
from krbnn_analysis.catalog import Column
from krbnn_analysis.errors import SchemaValidationError
from krbnn_analysis.pipeline import specs
from krbnn_analysis.pipeline.common import (
    concat,
    parse_number_strings,
    require,
    single_value,
    with_region_columns,
)
from krbnn_analysis.pipeline.core import step
from krbnn_analysis.pipeline.upstream import UpstreamFiles

WISMAN_2014_2016 = "bps-wisman-by-entry-port-monthly-2014-2016"
WISMAN_2017_2023 = "bintang-wisman-by-entry-port-monthly-2017-2023"
WISMAN_2017_2024 = "anggun-bps-wisman-by-entry-port-monthly-2017-2024"
WISNUS = "bintang-wisnus-by-destination-prov-monthly-2019-2023"
WISNUS_ORIGIN = "liddd-bps-wisnus-by-origin-prov-monthly-2022-2024"
TPK = "bintang-tpk-hotel-prov-2017-2023"
GUEST_SHARE = "jakpost-foreign-guest-share-hotels-prov-2019"
DESIGNATIONS = "bintang-dtw-destination-types-prov"
SUSPECT_HOTEL_ROOMS = "bintang-hotel-rooms-prov-2019-2023-suspect"  # deliberately never a step input

MONTHS_ID = {
    "Januari": 1,
    "Februari": 2,
    "Maret": 3,
    "April": 4,
    "Mei": 5,
    "Juni": 6,
    "Juli": 7,
    "Agustus": 8,
    "September": 9,
    "Oktober": 10,
    "November": 11,
    "Desember": 12,
}

# --- facts of the upstream releases, checked on every build ---------------------------------------------

# Foreign arrivals by entry port. Port names as written upstream → one harmonised name per port.
PORT_NAMES = {
    "Ngurah Rai": "Ngurah Rai",
    "Tanjung Benoa": "Tanjung Benoa",
    "Bandara Int Lombok": "Lombok",  # 2017–2023 file
    "Bandara Int. Lombok": "Lombok",  # 2017–2024 file
    "Bandara Internasional Lombok": "Lombok",  # 2014–2016 file
    "Atambua": "Atambua",
    "Total": "Total",  # national total of all ports (2014–2016 and 2017–2024 files)
}
# 2017–2024 file (incoming/README): the 29 ports sum to 'Total' every month ("-" = 0); it agrees with
# the 2017–2023 file on every port-month except these four, where that file lost a trailing zero.
ROWS_2017_2024 = 3_640
PORT_MONTHS_2017_2024 = 29 * 96
DROPPED_TRAILING_ZERO = {  # (port as written, year, month) → (2017–2023 file, 2017–2024 file)
    ("Atambua", 2017, 1): (474, 4_740),
    ("Sultan Badaruddin II", 2017, 1): (106, 1_060),
    ("Tanjung Mas", 2017, 1): (179, 1_790),
    ("Kualanamu", 2017, 2): (1_568, 15_680),
}
PORT_TYPES = {"Udara": "air", "Laut": "sea", "Darat": "land"}
TOTAL_PORT = "Total"
OTHER_PORTS_PROVINCE = "PROVINSI LAINNYA"  # 2017–2023: 'Pintu Udara/Laut/Darat Lainnya', not a province
# The 22 ports + Total of the 2014–2016 file; a release listing other ports fails the build.
PORTS_2014_2016 = frozenset(
    {
        "Soekarno-Hatta",
        "Ngurah Rai",
        "Kualanamu",
        "Batam",
        "Sam Ratulangi",
        "Juanda",
        "Entikong",
        "Adi Sumarmo",
        "Minangkabau",
        "Tanjung Priok",
        "Tanjung Pinang",
        "Bandara Internasional Lombok",
        "Hasanuddin",
        "Sepinggan",
        "Sultan Syarif Kasim II",
        "Adi Sucipto",
        "Husein Sastranegara",
        "Tanjung Uban",
        "Tanjung Balai Karimun",
        "Wisman Khusus",
        "Pos Lintas Batas (PLB)",
        "Lainnya",
        "Total",
    }
)
REGION_PORTS_2014_2016 = ("Ngurah Rai", "Bandara Internasional Lombok")
# '-' in the BPS table for 2014–2015, stored empty upstream (README); read as 0 in the Total check.
BLANK_PORTS_2014_2015 = frozenset({"Wisman Khusus", "Pos Lintas Batas (PLB)"})
BLANK_YEARS = frozenset({2014, 2015})
# Ports of Bali, NTB and NTT in the 2017–2023 file (README: Labuan Bajo and El Tari are not separate ports).
REGION_PORTS_2017_2023 = frozenset({"Ngurah Rai", "Tanjung Benoa", "Bandara Int Lombok", "Atambua"})
ARRIVAL_FACTS = {  # (port as harmonised, year, month) → arrivals in the upstream file
    ("Ngurah Rai", 2014, 1): 278_685,
    ("Lombok", 2016, 12): 9_694,
    ("Total", 2016, 12): 1_113_328,
    ("Ngurah Rai", 2019, 8): 602_457,
    ("Atambua", 2019, 12): 12_561,
}
ROWS_2014_2016, ROWS_2017_2023 = 828, 2_436
ARRIVAL_FACTS_2024 = {("Ngurah Rai", 2024): 6_308_541, ("Lombok", 2024): 81_544, ("Total", 2024): 13_902_420}

# Domestic trips: 34 provinces (before the 2022 Papua split); 2023 stops in November.
EXPECTED_PROVINCES_34 = 34
WISNUS_YEARS = range(2019, 2024)
# Plausibility of year-on-year jumps (issue 12): recovery from the pandemic can double a year's trips,
# but a doubling that also ends half again above the pre-pandemic year is not a recovery.
PRE_PANDEMIC_YEAR = 2019
MAX_YOY_RATIO = 2.0  # same months, this year / last year
MAX_RATIO_TO_PRE_PANDEMIC = 1.5  # same months, this year / 2019
IMPLAUSIBLE_JUMP = "implausible_jump"
# Province-years the rule flags in this release; a release that changes them fails for review.
EXPECTED_IMPLAUSIBLE = frozenset({("52", 2023), ("74", 2022), ("76", 2022)})
WISNUS_LAST_YEAR, WISNUS_LAST_YEAR_MONTHS = 2023, 11
BALI_WISNUS_2023_01 = 1_830_882

# Hotel occupancy (TPK): annual, star and non-star.
TPK_YEARS = range(2017, 2024)
HOTEL_CLASSES = {"persentase_tpk_hotel_bintang": "star", "persentase_tpk_hotel_nonbintang": "non_star"}
BALI_TPK_2019 = {"star": 59.56, "non_star": 34.76}

# Foreign-guest share (Jakarta Post computation), as quoted in the upstream README to one decimal.
GUEST_SHARE_YEAR = 2019
GUEST_SHARE_ROUNDED = {"51": 57.0, "52": 20.3, "53": 19.8}

# Tourism designations: columns → designation id; totals of the release over all provinces.
DESIGNATION_COLUMNS = {
    "jumlah_dtw": "dtw",
    "jumlah_dpsp": "dpsp",
    "jumlah_dpn": "dpn",
    "jumlah_kppn": "kppn",
    "jumlah_kspn": "kspn",
}
DESIGNATION_TOTALS = {"dtw": 8_494, "dpsp": 5, "dpn": 49, "kppn": 220, "kspn": 88}
NTT_DTW_AS_GIVEN = 2  # clearly incomplete (NTB 179, Bali 266): kept and flagged, never corrected
KNOWN_INCOMPLETE = frozenset({("53", "dtw")})


# --- shared helpers -------------------------------------------------------------------------------------


def month_numbers(names: Iterable[object], *, file: str, column: str) -> list[int]:
    """Indonesian month names ('Januari' … 'Desember') → 1–12; anything else fails naming the row."""
    out = []
    for row, name in enumerate(names):
        month = MONTHS_ID.get(str(name).strip())
        if month is None:
            raise SchemaValidationError(
                f"not an Indonesian month name: {name!r}", file=file, column=column, row=row
            )
        out.append(month)
    return out


def _require_unique_months(frame: pd.DataFrame, keys: list[str], what: str, file: str) -> None:
    require(not frame.duplicated([*keys, "year", "month"]).any(), f"{what}: duplicate months", file=file)


# --- foreign arrivals by entry port ---------------------------------------------------------------------


def check_ports_sum_to_total(raw: pd.DataFrame, file: str) -> None:
    """2014–2016: every month, the ports (blank read as 0) sum exactly to the 'Total' row (README)."""
    values = raw.pivot_table(
        index=["year", "month"], columns="entry_port", values="foreign_visitor_arrivals", aggfunc="sum"
    )
    require(TOTAL_PORT in values.columns, "no 'Total' row", file=file, column="entry_port")
    ports = values.drop(columns=TOTAL_PORT).fillna(0).sum(axis=1)
    gap = ports - values[TOTAL_PORT]
    bad = gap[gap.abs() > 0]
    require(
        bad.empty,
        f"ports do not sum to Total in {len(bad)} month(s); first {bad.index[0] if len(bad) else ''}: "
        f"difference {bad.iloc[0] if len(bad) else 0}",
        file=file,
        column="foreign_visitor_arrivals",
    )


def check_wisman_2014_2016(raw: pd.DataFrame, file: str) -> None:
    require(len(raw) == ROWS_2014_2016, f"expected {ROWS_2014_2016} rows, found {len(raw)}", file=file)
    names = set(raw["entry_port"])
    require(
        names == PORTS_2014_2016,
        f"ports differ from the 2014–2016 release: extra {sorted(names - PORTS_2014_2016)}, "
        f"missing {sorted(PORTS_2014_2016 - names)}",
        file=file,
        column="entry_port",
    )
    require(set(raw["year"]) == {2014, 2015, 2016}, f"years {sorted(set(raw['year']))}", file=file)
    require(set(raw["month"]) == set(range(1, 13)), f"months {sorted(set(raw['month']))}", file=file)
    blank = raw[raw["foreign_visitor_arrivals"].isna()]
    require(
        set(blank["entry_port"]) <= BLANK_PORTS_2014_2015 and set(blank["year"]) <= BLANK_YEARS,
        "blank arrivals outside 'Wisman Khusus'/'PLB' 2014–2015",
        file=file,
        column="foreign_visitor_arrivals",
        row=None if blank.empty else int(blank.index[0]),
    )
    check_ports_sum_to_total(raw, file)


def tidy_wisman_2017_2023(raw: pd.DataFrame, file: str) -> pd.DataFrame:
    """The ports of Bali, NTB and NTT, selected by the BPS code of their province (never by name)."""
    require(len(raw) == ROWS_2017_2023, f"expected {ROWS_2017_2023} rows, found {len(raw)}", file=file)
    rows = raw[raw["provinsi"] != OTHER_PORTS_PROVINCE].copy()
    rows["region_code"] = regions.harmonise(rows["provinsi"], file=file, column="provinsi")
    rows = rows[rows["region_code"].isin(regions.KR_BNN_PROVINCES)].copy()
    names = set(rows["nama_pintu_masuk"])
    require(
        names == REGION_PORTS_2017_2023,
        f"ports of Bali/NTB/NTT differ from the release: {sorted(names)}",
        file=file,
        column="nama_pintu_masuk",
    )
    unknown_types = set(rows["jenis_pintu_masuk"]) - set(PORT_TYPES)
    require(
        not unknown_types,
        f"unknown port types {sorted(unknown_types)}",
        file=file,
        column="jenis_pintu_masuk",
    )
    return pd.DataFrame(
        {
            "region_code": rows["region_code"],
            "year": rows["tahun"].astype("int64"),
            "month": month_numbers(rows["bulan"], file=file, column="bulan"),
            "port": rows["nama_pintu_masuk"].map(PORT_NAMES),
            "port_type": rows["jenis_pintu_masuk"].map(PORT_TYPES),
            "value": rows["jumlah_kunjungan_wisman"].astype("float64"),
            "source": WISMAN_2017_2023,
        }
    )


def port_attributes(recent: pd.DataFrame, file: str) -> pd.DataFrame:
    """Province and type of each harmonised port, as the 2017–2023 file gives them (one each)."""
    attributes = recent.groupby("port")[["region_code", "port_type"]].agg(lambda s: sorted(set(s)))
    for port, row in attributes.iterrows():
        require(
            len(row["region_code"]) == 1 and len(row["port_type"]) == 1,
            f"port {port!r} has several provinces or types: {row.to_dict()}",
            file=file,
        )
    return attributes.map(lambda values: values[0])


def tidy_wisman_2014_2016(raw: pd.DataFrame, attributes: pd.DataFrame) -> pd.DataFrame:
    rows = raw[raw["entry_port"].isin([*REGION_PORTS_2014_2016, TOTAL_PORT])].copy()
    port = rows["entry_port"].map(PORT_NAMES)
    is_total = port == TOTAL_PORT
    return pd.DataFrame(
        {
            "region_code": port.map(attributes["region_code"]).where(~is_total, regions.INDONESIA),
            "year": rows["year"].astype("int64"),
            "month": rows["month"].astype("int64"),
            "port": port,
            "port_type": port.map(attributes["port_type"]).where(~is_total, "all"),
            "value": rows["foreign_visitor_arrivals"].astype("float64"),
            "source": WISMAN_2014_2016,
        }
    )


def check_arrivals(tidy: pd.DataFrame, file: str) -> None:
    require(not tidy.duplicated(["port", "year", "month"]).any(), "duplicate port-month", file=file)
    require(bool(tidy["value"].notna().all()), "blank arrivals at a regional port or the total", file=file)
    for (port, year, month), expected in ARRIVAL_FACTS.items():
        found = single_value(tidy, f"{port} {year}-{month:02d}", file=file, port=port, year=year, month=month)
        require(
            found == expected, f"{port} {year}-{month:02d}: expected {expected}, found {found}", file=file
        )


def read_wisman_2017_2024(raw: pd.DataFrame, file: str) -> pd.DataFrame:
    """Monthly port and Total rows of the 2017–2024 file; '-' (no arrivals recorded) read as 0."""
    require(len(raw) == ROWS_2017_2024, f"expected {ROWS_2017_2024} rows, found {len(raw)}", file=file)
    monthly = raw[raw["period"] != "Tahunan"].copy()
    dash = monthly["value_raw"].astype("string").str.strip() == "-"
    blank = monthly["foreign_visitor_arrivals"].isna() & ~dash
    require(not blank.any(), "blank arrivals that are not '-'", file=file, column="value_raw")
    monthly["value"] = monthly["foreign_visitor_arrivals"].fillna(0.0)
    monthly["month"] = monthly["month_num"].astype("int64")
    ports = monthly[monthly["row_type"] == "port"]
    require(len(ports) == PORT_MONTHS_2017_2024, f"expected {PORT_MONTHS_2017_2024} port-months", file=file)
    total = monthly[monthly["entry_port"] == TOTAL_PORT].set_index(["year", "month"])["value"]
    gap = ports.groupby(["year", "month"])["value"].sum() - total
    require(bool((gap == 0).all()), f"ports do not sum to Total in {int((gap != 0).sum())} months", file=file)
    return monthly[(monthly["row_type"] == "port") | (monthly["entry_port"] == TOTAL_PORT)]


def check_against_2017_2023(recent: pd.DataFrame, old: pd.DataFrame, file: str) -> None:
    """The two files agree on every port-month of 2017–2023 except the four documented cells, where the
    older file lost a trailing zero (the newer value is ten times the older)."""
    old = old.assign(month=month_numbers(old["bulan"], file=file, column="bulan"))
    old_values = old.set_index(["nama_pintu_masuk", "tahun", "month"])["jumlah_kunjungan_wisman"]
    names = recent["entry_port"].replace({"Bandara Int. Lombok": "Bandara Int Lombok"})
    new_values = recent.assign(entry_port=names).set_index(["entry_port", "year", "month"])["value"]
    both = pd.concat({"old": old_values, "new": new_values}, axis=1, join="inner")
    differ = both[both["old"] != both["new"]]
    found = {key: (int(row["old"]), int(row["new"])) for key, row in differ.iterrows()}
    require(
        found == DROPPED_TRAILING_ZERO,
        f"the 2017–2023 and 2017–2024 files differ in {sorted(found)}; expected only the four "
        "dropped-trailing-zero cells of incoming/README",
        file=file,
    )
    require(len(both) == ROWS_2017_2023, f"{ROWS_2017_2023 - len(both)} port-months not matched", file=file)


def tidy_wisman_2017_2024(monthly: pd.DataFrame, file: str) -> pd.DataFrame:
    """Ports of Bali, NTB and NTT (by the BPS code of their province, never by name) and the Total."""
    ports = monthly[(monthly["row_type"] == "port") & (monthly["provinsi_added"] != OTHER_PORTS_PROVINCE)]
    ports = ports.assign(
        region_code=regions.harmonise(ports["provinsi_added"], file=file, column="provinsi_added")
    )
    ports = ports[ports["region_code"].isin(regions.KR_BNN_PROVINCES)]
    names = {PORT_NAMES.get(n, n) for n in ports["entry_port"]}
    require(
        names == {PORT_NAMES[n] for n in REGION_PORTS_2017_2023},
        f"ports of Bali/NTB/NTT differ from the release: {sorted(names)}",
        file=file,
        column="entry_port",
    )
    total = monthly[monthly["entry_port"] == TOTAL_PORT].assign(region_code=regions.INDONESIA)
    rows = concat([ports, total])
    return pd.DataFrame(
        {
            "region_code": rows["region_code"],
            "year": rows["year"].astype("int64"),
            "month": rows["month"],
            "port": rows["entry_port"].map(PORT_NAMES),
            "port_type": rows["port_type"].map(PORT_TYPES).fillna("all"),
            "value": rows["value"].astype("float64"),
            "source": WISMAN_2017_2024,
        }
    )


def check_annual_facts(tidy: pd.DataFrame, file: str) -> None:
    annual = tidy.groupby(["port", "year"])["value"].sum()
    for (port, year), expected in ARRIVAL_FACTS_2024.items():
        require(
            annual[(port, year)] == expected, f"{port} {year}: {annual[(port, year)]} ≠ {expected}", file=file
        )


def run_foreign_arrivals(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    """Monthly foreign arrivals at the entry ports of Bali, NTB and NTT, and the national total."""
    old_file, mid_file = str(files.path(WISMAN_2014_2016)), str(files.path(WISMAN_2017_2023))
    new_file = str(files.path(WISMAN_2017_2024))
    old_raw = files.read_csv(WISMAN_2014_2016)
    check_wisman_2014_2016(old_raw, old_file)
    monthly = read_wisman_2017_2024(
        files.read_csv(WISMAN_2017_2024, numeric=("year", "month_num", "foreign_visitor_arrivals")), new_file
    )
    mid_raw = files.read_csv(WISMAN_2017_2023)
    tidy_wisman_2017_2023(mid_raw, mid_file)  # checks the older file's regional ports still hold
    check_against_2017_2023(monthly, mid_raw, f"{mid_file} + {new_file}")
    recent = tidy_wisman_2017_2024(monthly, new_file)
    old = tidy_wisman_2014_2016(old_raw, port_attributes(recent[recent["port"] != TOTAL_PORT], new_file))
    tidy = concat([old, recent])
    check_arrivals(tidy, f"{old_file} + {new_file}")
    check_annual_facts(tidy, new_file)
    tidy = tidy.assign(indicator="foreign_arrivals", unit="arrivals")
    return {"foreign_arrivals_by_port": with_region_columns(tidy)}


# --- domestic trips -------------------------------------------------------------------------------------


def run_domestic_trips(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    """Monthly domestic tourist trips (wisnus) by destination province, 2019–Nov 2023."""
    file = str(files.path(WISNUS))
    raw = files.read_csv(WISNUS)
    tidy = pd.DataFrame(
        {
            "region_code": regions.harmonise(raw["provinsi"], file=file, column="provinsi"),
            "year": raw["tahun"].astype("int64"),
            "month": month_numbers(raw["bulan"], file=file, column="bulan"),
            "value": raw["jumlah_kunjungan_wisnus"].astype("float64"),
        }
    )
    require(tidy["region_code"].nunique() == EXPECTED_PROVINCES_34, "expected 34 provinces", file=file)
    require(set(tidy["year"]) == set(WISNUS_YEARS), f"years {sorted(set(tidy['year']))}", file=file)
    _require_unique_months(tidy, ["region_code"], "domestic trips", file)
    months = tidy.groupby(["region_code", "year"])["month"].agg(lambda s: sorted(s))
    for (code, year), found in months.items():
        last = WISNUS_LAST_YEAR_MONTHS if year == WISNUS_LAST_YEAR else 12
        require(
            found == list(range(1, last + 1)), f"{code} {year}: months {found}", file=file, column="bulan"
        )
    bali = single_value(tidy, "Bali Jan 2023", file=file, region_code="51", year=2023, month=1)
    require(bali == BALI_WISNUS_2023_01, f"Bali Jan 2023: {bali} ≠ {BALI_WISNUS_2023_01}", file=file)
    jumps = implausible_years(tidy)
    require(
        set(jumps) == EXPECTED_IMPLAUSIBLE,
        f"implausible year-on-year jumps in {sorted(jumps)}; expected {sorted(EXPECTED_IMPLAUSIBLE)}: review",
        file=file,
    )
    tidy["flag"] = flag_jump_months(tidy, jumps)
    tidy = tidy.assign(indicator="domestic_trips", unit="trips", source=WISNUS)
    return {"domestic_trips": with_region_columns(tidy)}


def same_month_sums(tidy: pd.DataFrame, year: int, base: int) -> pd.DataFrame:
    """Per province, trips of ``year`` and of ``base`` over the months both years have."""
    months = set(tidy.loc[tidy["year"] == year, "month"]) & set(tidy.loc[tidy["year"] == base, "month"])
    rows = tidy[tidy["month"].isin(months) & tidy["year"].isin([year, base])]
    return rows.pivot_table(index="region_code", columns="year", values="value", aggfunc="sum")


def implausible_years(tidy: pd.DataFrame) -> list[tuple[str, int]]:
    """Province-years whose trips more than double on the year before and end above 1.5× 2019."""
    found = []
    for year in sorted(set(tidy["year"]) - {min(tidy["year"])}):
        yoy = same_month_sums(tidy, year, year - 1)
        pre = same_month_sums(tidy, year, PRE_PANDEMIC_YEAR) if year != PRE_PANDEMIC_YEAR else None
        if pre is None:
            continue
        jump = (yoy[year] / yoy[year - 1] > MAX_YOY_RATIO) & (
            pre[year] / pre[PRE_PANDEMIC_YEAR] > MAX_RATIO_TO_PRE_PANDEMIC
        )
        found += [(code, int(year)) for code in jump.index[jump]]
    return found


def flag_jump_months(tidy: pd.DataFrame, jumps: list[tuple[str, int]]) -> pd.Series:
    """In a flagged province-year, the months above 1.5× the same month of 2019 (the shifted level)."""
    base = tidy[tidy["year"] == PRE_PANDEMIC_YEAR].set_index(["region_code", "month"])["value"]
    ratio = (
        tidy["value"].to_numpy()
        / base.reindex(pd.MultiIndex.from_frame(tidy[["region_code", "month"]])).to_numpy()
    )
    in_jump = pd.Series(list(zip(tidy["region_code"], tidy["year"], strict=True)), index=tidy.index).isin(
        jumps
    )
    flagged = in_jump & (ratio > MAX_RATIO_TO_PRE_PANDEMIC)
    return pd.Series(IMPLAUSIBLE_JUMP, index=tidy.index).where(flagged)


# --- domestic trips by province of origin ----------------------------------------------------------------

ORIGIN_PROVINCES = 38
ORIGIN_MONTHS = [
    f"{m}-{y}"
    for y in ("22", "23", "24")
    for m in ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
]
ORIGIN_NATIONAL = {2022: 734_864_693, 2023: 825_797_301, 2024: 1_021_084_031}  # incoming/README
ORIGIN_ANNUAL = {("51", 2022): 11_132_389, ("52", 2023): 11_927_884, ("53", 2024): 8_255_413}
ORIGIN_LEVEL_BREAK = (2024, 1)  # many provinces jump in January 2024 (README): a method change, probably


def tidy_origin(raw: pd.DataFrame, file: str) -> pd.DataFrame:
    require(
        len(raw) == ORIGIN_PROVINCES, f"expected {ORIGIN_PROVINCES} provinces, found {len(raw)}", file=file
    )
    first = raw.columns[0]
    require(list(raw.columns[1:]) == ORIGIN_MONTHS, "month columns differ from Jan-22 … Dec-24", file=file)
    codes = regions.harmonise(raw[first], file=file, column="(province)")
    long = raw.assign(region_code=codes).melt(
        id_vars=["region_code"], value_vars=ORIGIN_MONTHS, var_name="column", value_name="raw"
    )
    long = long[long["raw"].str.strip() != "-"]  # the four new Papua provinces before 2024
    long["value"] = parse_number_strings(long["raw"], file=file, column="month columns")
    stamp = pd.to_datetime(long["column"], format="%b-%y")
    return pd.DataFrame(
        {
            "region_code": long["region_code"],
            "year": stamp.dt.year,
            "month": stamp.dt.month,
            "value": long["value"],
        }
    )


def check_origin(tidy: pd.DataFrame, file: str) -> None:
    national = tidy.groupby("year")["value"].sum()
    for year, expected in ORIGIN_NATIONAL.items():
        require(
            national[year] == expected, f"national {year}: {national[year]:,.0f} ≠ {expected:,}", file=file
        )
    annual = tidy.groupby(["region_code", "year"])["value"].sum()
    for key, expected in ORIGIN_ANNUAL.items():
        require(annual[key] == expected, f"{key}: {annual[key]:,.0f} ≠ {expected:,}", file=file)


def check_origin_against_destination(origin: pd.DataFrame, destination: pd.DataFrame, file: str) -> None:
    """Every trip has one origin and one destination: the national sums agree in every shared month.
    (A check only: the two series measure different things and are never joined.)"""
    by_origin = origin.groupby(["year", "month"])["value"].sum()
    by_destination = destination.groupby(["year", "month"])["value"].sum()
    both = pd.concat({"origin": by_origin, "destination": by_destination}, axis=1, join="inner")
    require(len(both) == 23, f"expected 23 shared months (Jan 2022 – Nov 2023), found {len(both)}", file=file)
    gap = (both["origin"] - both["destination"]).abs()
    require(gap.max() == 0, f"national sums differ by {gap.max():,.0f} in {gap.idxmax()}", file=file)


def run_domestic_trips_by_origin(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    """Monthly domestic tourist trips by province of ORIGIN, January 2022 – December 2024."""
    file = str(files.path(WISNUS_ORIGIN))
    raw = files.read_csv(WISNUS_ORIGIN, sep=";", dtype=str)
    tidy = tidy_origin(raw, file)
    check_origin(tidy, file)
    destination = run_domestic_trips(files)["domestic_trips"]
    check_origin_against_destination(tidy, destination, f"{file} + {files.path(WISNUS)}")
    level_break = (tidy["year"] == ORIGIN_LEVEL_BREAK[0]) & (tidy["month"] == ORIGIN_LEVEL_BREAK[1])
    tidy = tidy.assign(
        indicator="domestic_trips_by_origin", unit="trips", level_break=level_break, source=WISNUS_ORIGIN
    )
    return {"domestic_trips_by_origin": with_region_columns(tidy)}


# --- hotel occupancy ------------------------------------------------------------------------------------


def run_hotel_occupancy(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    """Annual room occupancy rate (TPK) of star and non-star hotels by province."""
    file = str(files.path(TPK))
    raw = files.read_csv(TPK)
    raw["region_code"] = regions.harmonise(raw["provinsi"], file=file, column="provinsi")
    long = raw.melt(
        id_vars=["region_code", "tahun"],
        value_vars=list(HOTEL_CLASSES),
        var_name="column",
        value_name="value",
    )
    tidy = pd.DataFrame(
        {
            "region_code": long["region_code"],
            "year": long["tahun"].astype("int64"),
            "hotel_class": long["column"].map(HOTEL_CLASSES),
            "value": long["value"].astype("float64"),
        }
    )
    require(tidy["region_code"].nunique() == EXPECTED_PROVINCES_34, "expected 34 provinces", file=file)
    require(set(tidy["year"]) == set(TPK_YEARS), f"years {sorted(set(tidy['year']))}", file=file)
    require(len(tidy) == EXPECTED_PROVINCES_34 * len(TPK_YEARS) * 2, f"{len(tidy)} rows", file=file)
    require(not tidy.duplicated(["region_code", "year", "hotel_class"]).any(), "duplicates", file=file)
    require(bool(tidy["value"].notna().all()), "blank occupancy rates", file=file)
    for hotel_class, expected in BALI_TPK_2019.items():
        found = single_value(
            tidy, "Bali 2019", file=file, region_code="51", year=2019, hotel_class=hotel_class
        )
        require(found == expected, f"Bali 2019 {hotel_class}: {found} ≠ {expected}", file=file)
    tidy = tidy.assign(indicator="room_occupancy_rate", unit="percent", source=TPK)
    return {"hotel_occupancy": with_region_columns(tidy)}


# --- foreign-guest share --------------------------------------------------------------------------------


def run_foreign_guest_share(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    """Share of foreign guests among star + non-star hotel guests, 2019 (Jakarta Post computation)."""
    file = str(files.path(GUEST_SHARE))
    raw = files.read_csv(GUEST_SHARE)
    tidy = pd.DataFrame(
        {
            "region_code": regions.harmonise(raw["province"], file=file, column="province"),
            "year": raw["year"].astype("int64"),
            "value": raw["foreign_guest_share"].astype("float64"),
        }
    )
    require(
        tidy["region_code"].nunique() == EXPECTED_PROVINCES_34 == len(tidy),
        "expected 34 provinces",
        file=file,
    )
    require(set(tidy["year"]) == {GUEST_SHARE_YEAR}, f"years {sorted(set(tidy['year']))}", file=file)
    for code, expected in GUEST_SHARE_ROUNDED.items():
        found = single_value(tidy, f"share {code}", file=file, region_code=code)
        require(round(found, 1) == expected, f"{code}: {found} does not round to {expected}", file=file)
    tidy = tidy.assign(indicator="foreign_guest_share", unit="percent", source=GUEST_SHARE)
    return {"foreign_guest_share": with_region_columns(tidy)}


# --- tourism designations -------------------------------------------------------------------------------


def run_designations(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    """Counts of tourist attractions (DTW) and national tourism-area designations by province (undated)."""
    file = str(files.path(DESIGNATIONS))
    raw = files.read_csv(DESIGNATIONS)
    require(set(DESIGNATION_COLUMNS) <= set(raw.columns), f"columns {list(raw.columns)}", file=file)
    raw["region_code"] = regions.harmonise(raw["provinsi"], file=file, column="provinsi")
    long = raw.melt(
        id_vars=["region_code"], value_vars=list(DESIGNATION_COLUMNS), var_name="column", value_name="value"
    )
    tidy = pd.DataFrame(
        {
            "region_code": long["region_code"],
            "designation": long["column"].map(DESIGNATION_COLUMNS),
            "value": long["value"].astype("float64"),
        }
    )
    require(tidy["region_code"].nunique() == EXPECTED_PROVINCES_34, "expected 34 provinces", file=file)
    require(not tidy.duplicated(["region_code", "designation"]).any(), "duplicate province", file=file)
    totals = tidy.groupby("designation")["value"].sum().to_dict()
    require(totals == DESIGNATION_TOTALS, f"totals {totals} ≠ {DESIGNATION_TOTALS}", file=file)
    ntt_dtw = single_value(tidy, "NTT DTW", file=file, region_code="53", designation="dtw")
    require(ntt_dtw == NTT_DTW_AS_GIVEN, f"NTT DTW is {ntt_dtw}: review the incomplete-count flag", file=file)
    keys = list(zip(tidy["region_code"], tidy["designation"], strict=True))
    tidy["known_incomplete"] = [key in KNOWN_INCOMPLETE for key in keys]
    tidy = tidy.assign(unit="count", source=DESIGNATIONS)
    return {"tourism_designations": with_region_columns(tidy)}


# --- specifications -------------------------------------------------------------------------------------

BASE = (specs.REGION_CODE, specs.REGION_NAME, specs.REGION_LEVEL)
MONTH = Column("month", "integer", "Calendar month (1 January … 12 December)", minimum=1, maximum=12)
BINTANG_VINTAGE = "bintangpradanaa/pariwisata-project dataset-clean, repository HEAD of 2024-06-23"
THIRD_PARTY_COPY = (
    "Angka BPS dari salinan 'dataset-clean' pihak ketiga; tidak dicek terhadap publikasi BPS.",
    "BPS figures from a third party's 'dataset-clean' copy; not checked against a BPS release.",
)
PROVINCES_34 = (
    "34 provinsi (pembagian sebelum 2022): kode 91 dan 94 (Papua Barat, Papua) mencakup wilayah sebelum "
    "pemekaran; tidak ada total nasional di sumber.",
    "34 provinces (the division before 2022): codes 91 and 94 (Papua Barat, Papua) cover the pre-split "
    "territories; the source has no national total.",
)

ARRIVALS_SPEC = specs.spec(
    "foreign_arrivals_by_port",
    citation=(
        "BPS, Jumlah Kunjungan Wisatawan Mancanegara per Bulan menurut Pintu Masuk, 2014–2024",
        "BPS, monthly foreign visitor arrivals by entry port, 2014–2024",
    ),
    title_id="Kunjungan wisatawan mancanegara menurut pintu masuk di Bali, NTB dan NTT, bulanan 2014–2024",
    title_en="Foreign visitor arrivals by entry port in Bali, NTB and NTT, monthly 2014–2024",
    description=(
        "Monthly foreign visitor arrivals (wisman) counted by BPS at the entry ports of the region: Ngurah "
        "Rai airport and Tanjung Benoa seaport (Bali, 51), Lombok international airport (NTB, 52) and the "
        "Atambua land border (NTT, 53), with the national total of all ports (region 00, port 'Total') where "
        "the source gives it (2014–2024). `region_code` is the province of the port. 2014–2016 from the BPS "
        "table 'Jumlah Kunjungan Wisatawan Mancanegara per bulan ke Indonesia Menurut Pintu Masuk, "
        "2008–2017'; 2017–2024 from a copy of the BPS table 'Jumlah Kunjungan Wisatawan Mancanegara per "
        "bulan Menurut Pintu Masuk', checked against a second copy for 2017–2023. Port names are harmonised "
        "across the files ('Bandara Internasional Lombok', 'Bandara Int Lombok', 'Bandara Int. Lombok' → "
        "'Lombok')."
    ),
    columns=(
        *BASE,
        specs.YEAR,
        MONTH,
        Column(
            "port",
            "string",
            "Entry port, harmonised: Ngurah Rai, Tanjung Benoa, Lombok, Atambua, or Total (all ports of "
            "Indonesia)",
            allowed=("Ngurah Rai", "Tanjung Benoa", "Lombok", "Atambua", "Total"),
        ),
        Column(
            "port_type",
            "string",
            "air, sea or land entry (BPS 'Udara', 'Laut', 'Darat'); all = national total",
            allowed=("air", "sea", "land", "all"),
        ),
        Column("indicator", "string", "foreign_arrivals", allowed=("foreign_arrivals",)),
        specs.value("Foreign visitor arrivals (kunjungan wisman)", minimum=0),
        specs.UNIT,
        specs.SOURCE,
    ),
    primary_key=("port", "year", "month"),
    quality=(
        "green",
        "Angka BPS; 2014–2016 semua pintu masuk berjumlah tepat sama dengan Total setiap bulan; dua pintu "
        "Bali 2023 hanya 0,05% di bawah total wisman Bali yang dirilis BPS Bali.",
        "BPS figures; in 2014–2016 all ports sum exactly to the Total every month; Bali's two ports in 2023 "
        "are only 0.05% below the Bali total released by BPS Bali.",
    ),
    caveats=(
        (
            "Kunjungan dicatat menurut pintu masuk, bukan provinsi tujuan: wisman yang masuk lewat Ngurah "
            "Rai lalu ke Lombok atau Labuan Bajo dihitung di Bali, dan yang masuk lewat Jakarta lalu "
            "terbang ke Bali tidak dihitung di Bali.",
            "Arrivals are counted by entry port, not destination province: visitors entering at Ngurah Rai "
            "who travel on to Lombok or Labuan Bajo count for Bali, and those entering at Jakarta who fly "
            "on to Bali do not.",
        ),
        (
            "NTT hanya memiliki pos lintas batas darat Atambua (perbatasan Timor-Leste); bandara Labuan Bajo "
            "(Komodo) dan El Tari (Kupang) bukan pintu masuk tersendiri dalam daftar BPS ini, sehingga "
            "wisman ke NTT jauh lebih banyak dari angka ini.",
            "NTT has only the Atambua land border post (Timor-Leste border); Labuan Bajo (Komodo) and El "
            "Tari (Kupang) airports are not separate ports in this BPS list, so foreign visitors to NTT are "
            "far more than these figures.",
        ),
        (
            "Tanjung Benoa dan Atambua baru tersedia mulai 2017 (tidak tercantum tersendiri di tabel "
            "2014–2016).",
            "Tanjung Benoa and Atambua start in 2017 (not listed separately in the 2014–2016 table).",
        ),
        (
            "Gabungan sumber dicek: 2017–2024 dari salinan tabel BPS yang lebih baru; untuk 2017–2023 "
            "salinan "
            "ini sama dengan salinan sebelumnya di semua 2.436 pintu-bulan kecuali empat nilai yang di "
            "salinan "
            "lama kehilangan angka nol di belakang dan di sini diperbaiki (Atambua Januari 2017: 4.740, "
            "bukan "
            "474; juga Kualanamu Februari 2017, Sultan Badaruddin II dan Tanjung Mas Januari 2017). Setiap "
            "bulan semua pintu berjumlah tepat sama dengan Total. '-' dibaca sebagai 0.",
            "Joined sources are checked: 2017–2024 come from the newer copy of the BPS table; for 2017–2023 "
            "it "
            "equals the earlier copy in all 2,436 port-months except four values that lost a trailing zero "
            "in "
            "the earlier copy and are fixed here (Atambua January 2017: 4,740, not 474; also Kualanamu "
            "February 2017, Sultan Badaruddin II and Tanjung Mas January 2017). Every month the ports sum "
            "exactly to the Total. '-' is read as 0.",
        ),
        (
            "Nama pintu masuk diseragamkan: 'Bandara Internasional Lombok' (2014–2016) dan 'Bandara Int "
            "Lombok' (2017–2023) menjadi 'Lombok'.",
            "Port names are harmonised: 'Bandara Internasional Lombok' (2014–2016) and 'Bandara Int Lombok' "
            "(2017–2023) become 'Lombok'.",
        ),
        (
            "April 2020 – awal 2022 nilainya mendekati nol karena penutupan perbatasan (pandemi); itu angka "
            "tercatat, bukan data hilang.",
            "April 2020 – early 2022 values are near zero because of the border closure (pandemic); they are "
            "recorded figures, not missing data.",
        ),
        (
            "Jumlah Ngurah Rai dan Tanjung Benoa 2023 (5.270.794) sedikit berbeda dari total wisman Bali "
            "yang dirilis BPS Bali (5.273.258, menurut rilis BPS Bali).",
            "Ngurah Rai plus Tanjung Benoa in 2023 (5,270,794) differ slightly from the Bali total released "
            "by BPS Bali (5,273,258, as released by BPS Bali).",
        ),
    ),
    vintage="BPS table 2008–2017 (years 2014–2016); BPS 2017–2024 as of about May 2025 (AnggunUwU copy)",
)

DOMESTIC_TRIPS_SPEC = specs.spec(
    "domestic_trips",
    citation=(
        "BPS, Jumlah Perjalanan Wisatawan Nusantara menurut Provinsi Tujuan, 2019–2023 (kompilasi pihak "
        "ketiga, 2024)",
        "BPS, domestic tourist trips by destination province, 2019–2023 (third-party compilation, 2024)",
    ),
    title_id="Perjalanan wisatawan nusantara menurut provinsi tujuan, bulanan 2019–2023",
    title_en="Domestic tourist trips by destination province, monthly 2019–2023",
    description=(
        "Monthly domestic tourist trips (perjalanan wisatawan nusantara, wisnus) by destination province, "
        "34 provinces, January 2019 – November 2023, as counted by BPS (upstream column "
        "'jumlah_kunjungan_wisnus')."
    ),
    columns=(
        *BASE,
        specs.YEAR,
        MONTH,
        Column("indicator", "string", "domestic_trips", allowed=("domestic_trips",)),
        specs.value("Domestic tourist trips to the province", minimum=0),
        specs.UNIT,
        Column(
            "flag",
            "string",
            "implausible_jump: the province-year more than doubled on the year before (same months) and "
            "ended above 1.5× 2019, and this month is above 1.5× the same month of 2019; draw no finding "
            "from it until a source confirms it",
            nullable=True,
            allowed=(IMPLAUSIBLE_JUMP,),
        ),
        specs.SOURCE,
    ),
    primary_key=("region_code", "year", "month"),
    quality=(
        "amber",
        "Angka BPS melalui salinan pihak ketiga, tanpa total nasional untuk pengecekan; 2023 tidak lengkap.",
        "BPS figures through a third-party copy, with no national total to check against; 2023 is "
        "incomplete.",
    ),
    caveats=(
        (
            "2023 hanya memuat 11 bulan (Januari–November): jumlah tahunan 2023 tidak sebanding dengan tahun "
            "lain.",
            "2023 has only 11 months (January–November): a 2023 annual sum is not comparable with other "
            "years.",
        ),
        (
            "Uji kewajaran lonjakan tahunan: NTB 2023 mencapai 3,45 kali 2022 (bulanan naik dari sekitar 0,6 "
            "juta menjadi 1,0–1,7 juta mulai Mei 2023), juga Sulawesi Barat dan Sulawesi Tenggara 2022. "
            "Bulan yang terdampak ditandai dalam data sebagai lonjakan yang meragukan; jangan menarik "
            "kesimpulan darinya sebelum ada sumber yang mengonfirmasi.",
            "Plausibility check on year-on-year jumps: NTB 2023 is 3.45 times 2022 (monthly trips rise from "
            "about 0.6 million to 1.0–1.7 million from May 2023), as are Sulawesi Barat and Sulawesi "
            "Tenggara 2022. The affected months are marked in the data as a doubtful jump; draw no finding "
            "from them until a source confirms them.",
        ),
        PROVINCES_34,
        THIRD_PARTY_COPY,
    ),
    vintage="2019–November 2023; " + BINTANG_VINTAGE,
)

DOMESTIC_TRIPS_ORIGIN_SPEC = specs.spec(
    "domestic_trips_by_origin",
    citation=(
        "BPS, perjalanan wisatawan nusantara menurut provinsi asal, bulanan 2022–2024 (salinan pihak ketiga, "
        "Juni 2025; judul tabel BPS tidak disebut)",
        "BPS, domestic tourist trips by province of origin, monthly 2022–2024 (third-party copy, June 2025; "
        "BPS table not named)",
    ),
    title_id="Perjalanan wisatawan nusantara menurut provinsi ASAL, bulanan 2022–2024",
    title_en="Domestic tourist trips by province of ORIGIN, monthly 2022–2024",
    description=(
        "Monthly domestic tourist trips (perjalanan wisatawan nusantara) by the province the travellers "
        "come FROM, 38 provinces, January 2022 – December 2024 (BPS). This is not the destination series in "
        "`domestic_trips`: never join or splice the two."
    ),
    columns=(
        *BASE,
        specs.YEAR,
        MONTH,
        Column("indicator", "string", "domestic_trips_by_origin", allowed=("domestic_trips_by_origin",)),
        specs.value("Domestic tourist trips made by residents of the province", minimum=0),
        specs.UNIT,
        Column(
            "level_break",
            "boolean",
            "True in January 2024: many provinces jump to a new level from that month (probably a BPS "
            "method or revision change); compare across it with care",
        ),
        specs.SOURCE,
    ),
    primary_key=("region_code", "year", "month"),
    quality=(
        "amber",
        "Angka BPS melalui salinan mahasiswa (tabel BPS tidak disebut); jumlah nasional sama persis dengan "
        "seri menurut tujuan di 23 bulan bersama; 2024 tidak dapat dicek.",
        "BPS figures through a student copy (BPS table not named); the national sum equals the destination "
        "series exactly in the 23 shared months; 2024 could not be checked.",
    ),
    caveats=(
        (
            "Menurut provinsi asal, bukan tujuan: perjalanan warga Bali ke provinsi lain dihitung untuk "
            "Bali. Jangan digabung dengan data perjalanan wisatawan nusantara menurut provinsi tujuan.",
            "By province of origin, not destination: trips by Bali residents to other provinces count for "
            "Bali. Do not join it with the domestic tourist trips by destination province.",
        ),
        (
            "Patahan level pada Januari 2024 di banyak provinsi (Kep. Riau 82.727 → 275.085; NTT 322.823 → "
            "729.320), sementara Jawa Timur tidak naik: kemungkinan perubahan metode BPS. Papua dan Papua "
            "Barat kehilangan provinsi pemekarannya mulai 2024.",
            "Level break in January 2024 in many provinces (Kep. Riau 82,727 → 275,085; NTT 322,823 → "
            "729,320), while Jawa Timur does not rise: probably a BPS method change. Papua and Papua Barat "
            "lose their new provinces from 2024.",
        ),
        (
            "Dicek: jumlah 38 provinsi sama persis dengan jumlah nasional seri menurut tujuan untuk Januari "
            "2022 – November 2023 (pengecekan saja, tidak digabung).",
            "Checked: the sum of the 38 provinces equals the national sum of the destination series exactly "
            "for January 2022 – November 2023 (a check only, not a join).",
        ),
    ),
    vintage="2022–2024; Liddd-alt/SI-47-03_KELOMPOK-2 copy of 2025-06-07",
)

HOTEL_OCCUPANCY_SPEC = specs.spec(
    "hotel_occupancy",
    citation=(
        "BPS, Tingkat Penghunian Kamar Hotel menurut provinsi, 2017–2023 (kompilasi pihak ketiga, 2024)",
        "BPS, hotel room occupancy rate by province, 2017–2023 (third-party compilation, 2024)",
    ),
    title_id="Tingkat penghunian kamar (TPK) hotel bintang dan nonbintang menurut provinsi, 2017–2023",
    title_en="Room occupancy rate (TPK) of star and non-star hotels by province, 2017–2023",
    description=(
        "Annual room occupancy rate (tingkat penghunian kamar, TPK, % of available room-nights) of star and "
        "non-star hotels, 34 provinces, 2017–2023 (BPS accommodation statistics)."
    ),
    columns=(
        *BASE,
        specs.YEAR,
        Column(
            "hotel_class",
            "string",
            "star (hotel bintang) or non_star (nonbintang)",
            allowed=("star", "non_star"),
        ),
        Column("indicator", "string", "room_occupancy_rate", allowed=("room_occupancy_rate",)),
        specs.value("Room occupancy rate, percent", minimum=0, maximum=100),
        specs.UNIT,
        specs.SOURCE,
    ),
    primary_key=("region_code", "year", "hotel_class"),
    quality=(
        "amber",
        "Angka BPS melalui salinan pihak ketiga; cara agregasi tahunan tidak dinyatakan.",
        "BPS figures through a third-party copy; how the annual rate is aggregated is not stated.",
    ),
    caveats=(
        (
            "Hanya angka tahunan: seri TPK bulanan tidak tersedia di sumber. Cara menghitung angka tahunan "
            "(rata-rata bulan atau tertimbang kamar) tidak dinyatakan.",
            "Annual values only: no monthly occupancy series is available in the sources. How the annual "
            "rate is "
            "computed (mean of months or room-weighted) is not stated.",
        ),
        (
            "Hotel bintang dan nonbintang dilaporkan terpisah; tidak ada TPK gabungan.",
            "Star and non-star hotels are reported separately; there is no combined rate.",
        ),
        PROVINCES_34,
        THIRD_PARTY_COPY,
    ),
    vintage="2017–2023; " + BINTANG_VINTAGE,
)

GUEST_SHARE_SPEC = specs.spec(
    "foreign_guest_share",
    citation=(
        "The Jakarta Post, dihitung dari tabel tamu hotel BPS tahun 2019 (terbit Januari 2022)",
        "The Jakarta Post, computed from BPS hotel-guest tables for 2019 (published January 2022)",
    ),
    title_id="Persentase tamu asing di hotel bintang dan nonbintang menurut provinsi, 2019",
    title_en="Share of foreign guests in star and non-star hotels by province, 2019",
    description=(
        "Foreign guests as a percentage of all guests of star and non-star hotels, 34 provinces, 2019, as "
        "computed by a Jakarta Post graphics author from BPS hotel-guest tables."
    ),
    columns=(
        *BASE,
        specs.YEAR,
        Column("indicator", "string", "foreign_guest_share", allowed=("foreign_guest_share",)),
        specs.value("Foreign guests, percent of all hotel guests", minimum=0, maximum=100),
        specs.UNIT,
        specs.SOURCE,
    ),
    primary_key=("region_code", "year"),
    quality=(
        "amber",
        "Diturunkan pihak ketiga (grafis Jakarta Post) dari tabel BPS, bukan tabel BPS.",
        "Derived by a third party (Jakarta Post graphics) from BPS tables, not a BPS table.",
    ),
    caveats=(
        (
            "Dihitung oleh penulis grafis Jakarta Post dari tabel tamu hotel BPS, bukan angka resmi BPS; "
            "metode tidak didokumentasikan.",
            "Computed by a Jakarta Post graphics author from BPS hotel-guest tables, not an official BPS "
            "figure; the method is not documented.",
        ),
        (
            "Nilai disimpan dengan presisi penuh hasil hitungan; kutip dengan satu desimal (Bali 57,0%, NTB "
            "20,3%, NTT 19,8%).",
            "Values keep the full precision of the computation; quote them to one decimal (Bali 57.0%, NTB "
            "20.3%, NTT 19.8%).",
        ),
        (
            "Tamu hotel, bukan kunjungan wisman; hanya satu tahun (2019).",
            "Hotel guests, not visitor arrivals; one year only (2019).",
        ),
    ),
    vintage="2019 (jakpost-graphics, January 2022)",
)

DESIGNATIONS_SPEC = specs.spec(
    "tourism_designations",
    citation=(
        "Kemenparekraf, Sistem Kepariwisataan Nasional (tanpa tanggal)",
        "Ministry of Tourism and Creative Economy, national tourism system (undated)",
    ),
    title_id="Jumlah daya tarik wisata (DTW) dan kawasan pariwisata nasional menurut provinsi (tanpa tahun)",
    title_en="Tourist attractions (DTW) and national tourism-area designations by province (undated)",
    description=(
        "Counts by province of tourist attractions (daya tarik wisata, DTW) and of national tourism "
        "designations: DPSP (destinasi pariwisata super prioritas), DPN (destinasi pariwisata nasional), "
        "KPPN (kawasan pengembangan pariwisata nasional) and KSPN (kawasan strategis pariwisata nasional), "
        "from Kemenparekraf's Sisparnas as copied by a third party. Undated: no `year` column. "
        "`known_incomplete` marks counts that are clearly incomplete."
    ),
    columns=(
        *BASE,
        Column(
            "designation",
            "string",
            "dtw (tourist attractions), dpsp, dpn, kppn or kspn (see description)",
            allowed=tuple(DESIGNATION_COLUMNS.values()),
        ),
        specs.value("Number of attractions or designated areas", minimum=0),
        specs.UNIT,
        Column("known_incomplete", "boolean", "True where the count is clearly incomplete (NTT DTW = 2)"),
        specs.SOURCE,
    ),
    primary_key=("region_code", "designation"),
    quality=(
        "red",
        "Tanpa tahun dan metode; jumlah DTW NTT jelas tidak lengkap. Hanya sebagai penunjuk.",
        "Undated, method not stated; NTT's DTW count is clearly incomplete. A pointer only.",
    ),
    caveats=(
        (
            "NTT hanya tercatat 2 DTW (NTB 179, Bali 266): jelas tidak lengkap, ditandai tidak lengkap; "
            "jangan membandingkan jumlah DTW antarprovinsi.",
            "NTT shows only 2 DTW (NTB 179, Bali 266): clearly incomplete, marked incomplete; do "
            "not compare DTW counts across provinces.",
        ),
        (
            "Tanpa tahun (repositori 2024) dan cara penghitungan tidak dinyatakan.",
            "Undated (repository of 2024); how the counts were made is not stated.",
        ),
        (
            "Total seluruh provinsi di berkas: 5 DPSP, 49 DPN, 220 KPPN, 88 KSPN. Apakah kawasan lintas "
            "provinsi dihitung di setiap provinsi tidak dinyatakan.",
            "Totals over all provinces in the file: 5 DPSP, 49 DPN, 220 KPPN, 88 KSPN. Whether an area "
            "spanning provinces is counted in each is not stated.",
        ),
        PROVINCES_34,
    ),
    vintage="Undated (" + BINTANG_VINTAGE + ")",
)

STEPS = (
    step(
        "foreign_arrivals_by_port",
        (WISMAN_2014_2016, WISMAN_2017_2023, WISMAN_2017_2024),
        (ARRIVALS_SPEC,),
        run_foreign_arrivals,
    ),
    step("domestic_trips", (WISNUS,), (DOMESTIC_TRIPS_SPEC,), run_domestic_trips),
    step(
        "domestic_trips_by_origin",
        (WISNUS_ORIGIN, WISNUS),
        (DOMESTIC_TRIPS_ORIGIN_SPEC,),
        run_domestic_trips_by_origin,
    ),
    step("hotel_occupancy", (TPK,), (HOTEL_OCCUPANCY_SPEC,), run_hotel_occupancy),
    step("foreign_guest_share", (GUEST_SHARE,), (GUEST_SHARE_SPEC,), run_foreign_guest_share),
    step("tourism_designations", (DESIGNATIONS,), (DESIGNATIONS_SPEC,), run_designations),
)
