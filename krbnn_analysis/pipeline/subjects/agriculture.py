"""Curated agriculture tables: paddy, maize, meat, fisheries, estate crops, food security, rice margin.

Each ``run_*`` function reads its inputs through ``UpstreamFiles``, checks them against facts of the
release (module constants, so a different release fails loudly), fixes or flags every defect named in
the upstream README (and the ones the checks below found), and returns tidy tables.

Conventions shared by the tables here:

* Cells that are blank upstream (BPS "-" stored as empty) are left out.
* A value the source gives but that is known to be wrong is kept as a row with a missing ``value`` and a
  ``flag`` naming the reason, so every correction stays visible in the curated table.
* A value that is doubtful but not demonstrably wrong keeps its number and gets a ``flag``.
* Region codes come from names through ``regions.harmonise`` (never from row positions).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from krbnn_analysis import regions
from krbnn_analysis.bps_webapi import bps_region_code, parse_file, read_recorded
from krbnn_analysis.catalog import Column
from krbnn_analysis.pipeline import specs
from krbnn_analysis.pipeline.common import (
    concat,
    parse_number_strings,
    require,
    require_close,
    single_value,
    with_region_columns,
)
from krbnn_analysis.pipeline.core import step
from krbnn_analysis.pipeline.upstream import UpstreamFiles

INDOCOMMODITY = "bps-agri-fish-livestock-prov-2000-2021-indocomoditymap"
RICE_2024 = "farrel-bps-rice-production-harvest-area-prov-2024"
PADDY_WEBAPI = "bps-scraping-results-20260205-083134"
MAIZE = "junazidomi-bps-maize-prov-2020-2024"
ESTATE_2023 = "bps-estate-crop-production-prov-2023"
IKP = "farrel-bapanas-ikp-food-security-index-prov-2019-2025"
MPP = "farrel-mpp-rice-trade-transport-margin-prov-2019-2024"

# --- facts of the upstream releases, checked on every build ------------------------------------------

INDOCOMMODITY_ROWS = 12_810
INDOCOMMODITY_REGIONS = 35  # 34 provinces + INDONESIA
PRODUCTIVITY_TOLERANCE = 0.02  # ku/ha: |production ÷ area × 10 − productivity| (upstream README, 2024 rice)
MAIZE_PRODUCTIVITY_TOLERANCE = 0.1  # ku/ha: Kepulauan Riau's few hectares round to 0.08 ku/ha off
PROVINCE_SUM_TOLERANCE = 1e-3  # provinces vs INDONESIA, relative
ESTATE_SUM_TOLERANCE = 0.015  # tobacco 2015: provinces 1.3 % below INDONESIA; every other cell ≤ 0.2 %

PADDY_YEARS_2019_2021 = (2019, 2020, 2021)
RICE_2024_PRODUCTION_T = 53_142_727  # national sum stated in the upstream README
RICE_2024_AREA_HA = 10_046_135
RICE_2024_BALI = (103_803.93, 635_473.35)  # ha, t (README: 103,804 ha / 635,473 t)
PADDY_VAR = "2506"  # BPS WebAPI "Produksi Padi Menurut Provinsi (Bulanan)", t GKG
PADDY_2025_ANNUAL = {"51": 587_866.28, "52": 1_708_618.85, "53": 968_324.36, "00": 60_207_100.62}
PADDY_POTENTIAL_YEAR = 2026  # January–March only, "angka potensi" (upstream README)
PADDY_POTENTIAL_MONTHS = {1, 2, 3}

MAIZE_ROWS = 190  # 38 slots × 5 years
MAIZE_YEARS = range(2020, 2025)
MAIZE_PRE_SPLIT_YEARS = (2020, 2021, 2022)  # one Papua row carries values, four are 0.0 placeholders
MAIZE_POST_SPLIT_YEARS = (2023, 2024)  # five distinct rows all labelled "Papua": cannot be coded
MAIZE_PAPUA_LABEL = "Papua"
MAIZE_PAPUA_ROWS_PER_YEAR = 5  # plus one row labelled "West Papua"
PAPUA_PRE_SPLIT = "94"
MAIZE_ZERO_MEANS_MISSING = {"31"}  # DKI Jakarta: every value 0.0 (README: missing written as 0.0)
BANGKA_BELITUNG, BANGKA_BELITUNG_ZERO_YEAR = "19", 2024  # area 0 and production 0 with productivity 57.16
MAIZE_NTB_PRODUCTION = {2020: 860_494.72, 2022: 1_421_921.90}

MEAT_INDICATORS = ("beef_production", "broiler_meat_production")
BROILER_BREAK_YEAR = 2017  # level break between 2016 and 2017 (README); Indonesia +67 %
BROILER_BREAK_MIN_RATIO = 1.5
# Provinces formed 1999–2004 whose first years are 0.0 upstream while their parents carry the output.
NEW_PROVINCES_1999_2004 = {"19", "21", "36", "75", "76", "82", "91"}
LAST_PLACEHOLDER_YEAR = 2004
# Zeros kept as reported: DKI Jakarta broiler meat after the 2017 break; Maluku broiler 2000 (30 t in 2001).
MEAT_ZEROS_KEPT = {("31", "broiler_meat_production", y) for y in (2019, 2020, 2021)} | {
    ("81", "broiler_meat_production", 2000)
}
# Beef values more than ten times both neighbouring years (found by the checks, not in the README).
BEEF_OUTLIERS = {("17", 2003), ("75", 2004)}  # Bengkulu 17,486 t; Gorontalo 72,113 t
OUTLIER_FACTOR = 10

CAPTURE = {
    "Perikanan Laut": "capture_marine",
    "Perairan Umum Daratan": "capture_inland_open_water",
    "Jumlah": "capture_total",
}
AQUACULTURE = {
    "Budidaya Laut": "aquaculture_marine",
    "Tambak": "aquaculture_brackish_pond",
    "Kolam": "aquaculture_freshwater_pond",
    "Keramba": "aquaculture_cage",
    "Jaring Apung": "aquaculture_floating_net_cage",
    "Jaring Tancap": "aquaculture_fixed_net_cage",
    "Sawah": "aquaculture_rice_field",
    "Jumlah": "aquaculture_total",
}
AQUACULTURE_COPY_YEARS = range(2000, 2004)  # README: total equals the capture total (copy error)
AQUACULTURE_ACEH_2000 = 113_096
CAPTURE_SUM_TOLERANCE_T = 1.0
# Years in which some capture totals differ from marine + inland (found by the checks): 2000–2003 every
# province (the total includes something else), 2009 and 2014 some provinces (total = marine only).
CAPTURE_TOTAL_BAD_YEARS = {2000, 2001, 2002, 2003, 2009, 2014}
AQUACULTURE_TYPES_FROM = 2004  # from 2004 the listed types add up to the total
AQUACULTURE_TYPES_TOLERANCE = 0.01
# Province-years whose aquaculture types do not add up to the total (found by the checks): in 2012–2013
# the type rows of six Sumatran provinces belong to each other (Jambi's Kolam 222,900 t is Sumatera
# Selatan's scale); in 2015 Gorontalo and Sulawesi Barat trade 16,876 t.
AQUACULTURE_TYPES_BAD = {(c, y) for c in ("15", "16", "17", "18", "19", "21") for y in (2012, 2013)} | {
    ("75", 2015),
    ("76", 2015),
}
SUMATERA_UTARA, CAPTURE_OUTLIER_YEAR = "12", 2019  # 1.28 Mt, README: outlier

ESTATE_CROPS = {
    "Kelapa Sawit": "oil_palm",
    "Kelapa": "coconut",
    "Karet": "rubber",
    "Kopi": "coffee",
    "Kakao": "cocoa",
    "Tebu": "sugarcane",
    "Teh": "tea",
    "Tembakau": "tobacco",
}
ESTATE_YEARS = range(2008, 2021)
ESTATE_FILL_YEAR = 2018
ESTATE_FILLS = 35  # 2018 cells copied from another province (found by the checks, not in the README)
ESTATE_2023_HEADER_LINES = 4
ESTATE_2023_TITLE = "Produksi Tanaman Perkebunan (Ribu Ton)"
ESTATE_2023_ZERO_PROVINCES = {"92", "95", "96", "97"}  # new Papua provinces: 0 for every crop (README)
ESTATE_2023_FACTS = {("53", "coffee"): 25.1, ("53", "cocoa"): 21.1, ("52", "tobacco"): 60.6}

IKP_ROWS = 242
IKP_BREAK_YEAR = 2025
IKP_GROUP_LABELS = {
    1: "Sangat Rentan",
    2: "Rentan",
    3: "Agak Rentan",
    4: "Agak Tahan",
    5: "Tahan",
    6: "Sangat Tahan",
}
# 2025 codes given upstream → BPS code of the named province (README: not BPS codes).
IKP_2025_WRONG_CODES = {"91": "94", "92": "91", "96": "92", "95": "97", "93": "95", "94": "96"}
IKP_RANK_INCONSISTENT = {2023: 11, 2024: 1}  # ranks that disagree with the index (found by the checks)
IKP_FACTS = {("51", 2024): 88.23, ("52", 2024): 78.44, ("53", 2024): 70.91, ("53", 2025): 58.244443}

MPP_ROWS = 152
MPP_YEARS = (2019, 2020, 2021, 2024)
MPP_NTB_JUMP = {2019: 4.01, 2024: 29.27}  # README: check against the BPS publication before use

# --- shared columns -----------------------------------------------------------------------------------

FLAG_DESCRIPTION = (
    "Why a value is missing or doubtful (empty when the value is taken as published); see the caveats"
)


def flag_column(*allowed: str) -> Column:
    return Column("flag", "string", FLAG_DESCRIPTION, nullable=True, allowed=allowed)


def indicator_column(description: str, allowed: tuple[str, ...]) -> Column:
    return Column("indicator", "string", description, allowed=allowed)


BASE = (specs.REGION_CODE, specs.REGION_NAME, specs.REGION_LEVEL, specs.YEAR)
ZERO_SET_MISSING = "zero_in_source_set_missing"
PAPUA_CAVEAT = (
    "Kode 91 (Papua Barat) dan 94 (Papua) mencakup wilayah sebelum pemekaran selama sumber memuat 34 "
    "provinsi; sejak 2022/2023 ada 38 provinsi (92, 95, 96, 97 baru).",
    "Codes 91 (Papua Barat) and 94 (Papua) cover the pre-split territories while a source lists 34 "
    "provinces; from 2022/2023 there are 38 provinces (92, 95, 96, 97 new).",
)
BLANK_CAVEAT = (
    "Sel kosong di sumber (tanda '-' BPS disimpan kosong) tidak dimuat; '-' biasanya berarti nihil, tetapi "
    "konversinya tidak membedakan nihil dari tidak tersedia.",
    "Cells blank in the source (BPS '-' stored as empty) are left out; '-' usually means nil, but the "
    "conversion "
    "does not distinguish nil from not available.",
)


# --- helpers --------------------------------------------------------------------------------------------


def read_indocommodity(files: UpstreamFiles) -> tuple[pd.DataFrame, str]:
    file = str(files.path(INDOCOMMODITY))
    raw = files.read_csv(INDOCOMMODITY)
    require(
        len(raw) == INDOCOMMODITY_ROWS, f"expected {INDOCOMMODITY_ROWS} rows, found {len(raw)}", file=file
    )
    raw["region_code"] = regions.harmonise(raw["province_std"], file=file, column="province_std")
    require(
        raw["region_code"].nunique() == INDOCOMMODITY_REGIONS,
        f"expected {INDOCOMMODITY_REGIONS} regions, found {raw['region_code'].nunique()}",
        file=file,
        column="province_std",
    )
    return raw, file


def check_sums_to_indonesia(
    frame: pd.DataFrame, by: list[str], tolerance: float, what: str, *, file: str
) -> None:
    """Provinces must add up to the INDONESIA row of the same table (relative ``tolerance``)."""
    values = frame.dropna(subset=["value"])
    provinces = values[values["region_code"] != regions.INDONESIA].groupby(by)["value"].sum()
    indonesia = values[values["region_code"] == regions.INDONESIA].set_index(by)["value"]
    joined = pd.concat([provinces.rename("provinces"), indonesia.rename("indonesia")], axis=1).dropna()
    joined = joined[joined["indonesia"] > 0]
    gap = (joined["provinces"] / joined["indonesia"] - 1).abs()
    require(
        len(gap) > 0 and gap.max() <= tolerance,
        f"{what}: provinces differ from INDONESIA by {gap.max():.2%} at {gap.idxmax()}",
        file=file,
    )


def check_productivity(wide: pd.DataFrame, tolerance: float, what: str, *, file: str) -> None:
    """productivity (ku/ha) = production (t) ÷ area (ha) × 10 within ``tolerance``."""
    rows = wide.dropna(subset=["harvested_area", "production", "productivity"])
    rows = rows[rows["harvested_area"] > 0]
    gap = (rows["production"] / rows["harvested_area"] * 10 - rows["productivity"]).abs()
    require(
        gap.max() <= tolerance,
        f"{what}: productivity differs from production ÷ area by {gap.max():.3f} ku/ha",
        file=file,
        row=gap.idxmax(),
    )


def tidy(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    out = with_region_columns(frame[columns].reset_index(drop=True))
    return out


# --- paddy ----------------------------------------------------------------------------------------------

PADDY_MEASURES = {
    "Luas Panen (ha)": ("harvested_area", "ha"),
    "Produksi (ton)": ("production", "tonnes"),
    "Produktivitas (ku/ha)": ("productivity", "quintal/ha"),
}


def paddy_2019_2021(raw: pd.DataFrame, file: str) -> pd.DataFrame:
    rows = raw[raw["indicator"] == "paddy"].copy()
    require(
        set(rows["year"]) == set(PADDY_YEARS_2019_2021), f"paddy years {sorted(set(rows['year']))}", file=file
    )
    require(set(rows["category"]) == set(PADDY_MEASURES), "paddy categories changed", file=file)
    require(rows["value"].notna().all(), "blank paddy values", file=file, column="value")
    rows["indicator"] = rows["category"].map(lambda c: PADDY_MEASURES[c][0])
    rows["unit"] = rows["category"].map(lambda c: PADDY_MEASURES[c][1])
    wide = rows.pivot_table(index=["region_code", "year"], columns="indicator", values="value")
    check_productivity(wide, PRODUCTIVITY_TOLERANCE, "paddy 2019–2021", file=file)
    additive = rows[rows["indicator"] != "productivity"]
    check_sums_to_indonesia(additive, ["indicator", "year"], PROVINCE_SUM_TOLERANCE, "paddy", file=file)
    return rows.assign(month=pd.NA, status="not_stated", source=INDOCOMMODITY)


def paddy_2024(files: UpstreamFiles) -> pd.DataFrame:
    file = str(files.path(RICE_2024))
    raw = files.read_csv(RICE_2024)
    raw["region_code"] = regions.harmonise(raw["PROVINSI"], file=file, column="PROVINSI")
    require(raw["region_code"].nunique() == 38, "expected the 38 provinces", file=file, column="PROVINSI")
    require_close(
        raw["PRODUKSI_TON"].sum(), RICE_2024_PRODUCTION_T, 0.5, "2024 national production", file=file
    )
    require_close(raw["LUAS_PANEN_HA"].sum(), RICE_2024_AREA_HA, 0.5, "2024 national area", file=file)
    wide = raw.rename(
        columns={
            "LUAS_PANEN_HA": "harvested_area",
            "PRODUKSI_TON": "production",
            "PRODUKTIVITAS_KUINTAL_HA": "productivity",
        }
    ).set_index("region_code")
    check_productivity(wide, PRODUCTIVITY_TOLERANCE, "rice 2024", file=file)
    bali = wide.loc["51"]
    require((bali["harvested_area"], bali["production"]) == RICE_2024_BALI, "Bali 2024 differs", file=file)
    long = wide[["harvested_area", "production", "productivity"]].reset_index()
    long = long.melt(id_vars="region_code", var_name="indicator", value_name="value")
    units = {"harvested_area": "ha", "production": "tonnes", "productivity": "quintal/ha"}
    return long.assign(
        year=2024, month=pd.NA, unit=long["indicator"].map(units), status="not_stated", source=RICE_2024
    )


def paddy_webapi(files: UpstreamFiles) -> pd.DataFrame:
    path = files.path(PADDY_WEBAPI)
    file = str(path)
    for label, payload in read_recorded(path):
        note = payload["var"][0].get("note", "")
        require(
            "angka potensi" in note and "Gabah Kering Giling (GKG)" in note,
            "var 2506 note no longer says potential estimates / GKG",
            file=file,
            column=f"{label}.var.note",
        )
    cells = parse_file(path)
    require(set(cells["var"]) == {PADDY_VAR}, f"expected var {PADDY_VAR}", file=file, column="var")
    require(set(cells["unit"]) == {"Ton"}, f"unit {sorted(set(cells['unit']))}", file=file, column="unit")
    require(cells["value"].notna().all(), "missing paddy values", file=file, column="datacontent")
    cells["region_code"] = regions.harmonise(cells["vervar"].map(bps_region_code), file=file, column="vervar")
    require(cells["region_code"].nunique() == 39, "expected 38 provinces + Indonesia", file=file)
    require(set(cells["year"]) == {2025, PADDY_POTENTIAL_YEAR}, f"years {set(cells['year'])}", file=file)
    potential = cells[cells["year"] == PADDY_POTENTIAL_YEAR]
    require(
        set(potential["month"].dropna()) == PADDY_POTENTIAL_MONTHS and not potential["is_annual"].any(),
        "2026 should hold January–March only",
        file=file,
    )
    year_2025 = cells[cells["year"] == 2025]
    monthly = year_2025[~year_2025["is_annual"]].groupby("region_code")["value"].sum()
    annual = year_2025[year_2025["is_annual"]].set_index("region_code")["value"]
    require(
        len(annual) == 39 and (monthly - annual).abs().max() < 0.01,
        "2025 months do not sum to the annual value",
        file=file,
    )
    for code, expected in PADDY_2025_ANNUAL.items():
        require_close(float(annual[code]), expected, 0.005, f"2025 annual paddy {code}", file=file)
    return pd.DataFrame(
        {
            "region_code": cells["region_code"],
            "year": cells["year"],
            "month": cells["month"].where(~cells["is_annual"]),
            "indicator": "production",
            "value": cells["value"],
            "unit": "tonnes",
            "status": np.where(cells["year"] == PADDY_POTENTIAL_YEAR, "potential", "not_stated"),
            "source": PADDY_WEBAPI,
        }
    )


def run_paddy(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    raw, file = read_indocommodity(files)
    columns = ["region_code", "year", "month", "indicator", "value", "unit", "status", "source"]
    frames = [paddy_2019_2021(raw, file)[columns], paddy_2024(files)[columns], paddy_webapi(files)[columns]]
    table = tidy(concat(frames), columns)
    return {"paddy": table.astype({"month": "Int64"})}


# --- maize ----------------------------------------------------------------------------------------------

MAIZE_MEASURES = {
    "Harvest Area (ha)": ("harvested_area", "ha"),
    "Productivity (ku/ha)": ("productivity", "quintal/ha"),
    "Production (Ton)": ("production", "tonnes"),
}


def code_maize_regions(raw: pd.DataFrame, file: str) -> pd.DataFrame:
    """Code every row by its name; the rows all labelled "Papua" are resolved or dropped explicitly.

    Before the split (2020–2022) four of the five "Papua" rows are the 0.0 placeholders of provinces not yet
    formed (README) and the only one carrying values is the pre-split province Papua (94). From 2023 the
    five rows are distinct provinces with the same label: they cannot be coded and are left out.
    """
    named = raw[raw["Province"] != MAIZE_PAPUA_LABEL].copy()
    named["region_code"] = regions.harmonise(named["Province"], file=file, column="Province")
    papua = raw[raw["Province"] == MAIZE_PAPUA_LABEL]
    measures = list(MAIZE_MEASURES)
    require(
        papua.groupby("Year").size().eq(MAIZE_PAPUA_ROWS_PER_YEAR).all(),
        f"expected {MAIZE_PAPUA_ROWS_PER_YEAR} rows labelled 'Papua' per year",
        file=file,
        column="Province",
    )
    with_values = papua[(papua[measures] != 0).any(axis=1)]
    per_year = with_values.groupby("Year").size().reindex(list(MAIZE_YEARS), fill_value=0)
    require(
        all(per_year[y] == 1 for y in MAIZE_PRE_SPLIT_YEARS)
        and all(per_year[y] == MAIZE_PAPUA_ROWS_PER_YEAR for y in MAIZE_POST_SPLIT_YEARS),
        f"'Papua' rows with values per year changed: {per_year.to_dict()}",
        file=file,
        column="Province",
    )
    pre_split = with_values[with_values["Year"].isin(MAIZE_PRE_SPLIT_YEARS)].assign(
        region_code=PAPUA_PRE_SPLIT
    )
    coded = concat([named, pre_split])
    require(not coded.duplicated(["region_code", "Year"]).any(), "duplicate maize region-year", file=file)
    return coded


def fix_maize_zeros(long: pd.DataFrame, file: str) -> pd.DataFrame:
    """0.0 written for missing values (Jakarta; Bangka Belitung 2024 area and production) → missing."""
    zero = long["value"] == 0
    jakarta = long["region_code"].isin(MAIZE_ZERO_MEANS_MISSING)
    bangka = (long["region_code"] == BANGKA_BELITUNG) & (long["year"] == BANGKA_BELITUNG_ZERO_YEAR)
    expected_zero = jakarta | (bangka & long["indicator"].isin(["harvested_area", "production"]))
    require(
        bool((zero == expected_zero).all()),
        "zeros in the maize table are no longer exactly Jakarta and Bangka Belitung 2024 area/production",
        file=file,
        row=int(np.flatnonzero((zero != expected_zero).to_numpy())[0])
        if (zero != expected_zero).any()
        else None,
    )
    bangka_productivity = bangka & (long["indicator"] == "productivity")
    require(
        float(long.loc[bangka_productivity, "value"].iloc[0]) == 57.16,
        "Bangka Belitung 2024 productivity changed",
        file=file,
    )
    out = long.copy()
    out["flag"] = pd.Series(pd.NA, index=out.index, dtype="string")
    out.loc[expected_zero, "flag"] = ZERO_SET_MISSING
    out.loc[expected_zero, "value"] = np.nan
    out.loc[bangka_productivity, "flag"] = "area_and_production_zero_in_source"
    return out


def run_maize(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    file = str(files.path(MAIZE))
    raw = files.read_csv(MAIZE)
    require(len(raw) == MAIZE_ROWS, f"expected {MAIZE_ROWS} rows, found {len(raw)}", file=file)
    require(set(raw["Year"]) == set(MAIZE_YEARS), f"years {sorted(set(raw['Year']))}", file=file)
    coded = code_maize_regions(raw, file)
    wide = coded.rename(columns={k: v[0] for k, v in MAIZE_MEASURES.items()}).set_index(
        ["region_code", "Year"]
    )
    check_productivity(wide, MAIZE_PRODUCTIVITY_TOLERANCE, "maize", file=file)
    ntb = wide.xs("52")["production"]
    for year, expected in MAIZE_NTB_PRODUCTION.items():
        require_close(float(ntb[year]), expected, 0.005, f"NTB maize production {year}", file=file)
    long = wide[[v[0] for v in MAIZE_MEASURES.values()]].reset_index().rename(columns={"Year": "year"})
    long = long.melt(id_vars=["region_code", "year"], var_name="indicator", value_name="value")
    long = fix_maize_zeros(long, file)
    units = {v[0]: v[1] for v in MAIZE_MEASURES.values()}
    long = long.assign(unit=long["indicator"].map(units), source=MAIZE)
    columns = ["region_code", "year", "indicator", "value", "unit", "flag", "source"]
    return {"maize": tidy(long, columns)}


# --- livestock meat -------------------------------------------------------------------------------------


def flag_meat(rows: pd.DataFrame, file: str) -> pd.DataFrame:
    out = rows.copy()
    out["flag"] = pd.Series(pd.NA, index=out.index, dtype="string")
    zero = out["value"] == 0
    placeholder = (
        zero & out["region_code"].isin(NEW_PROVINCES_1999_2004) & (out["year"] <= LAST_PLACEHOLDER_YEAR)
    )
    kept = {
        (c, i, y)
        for c, i, y in out.loc[zero & ~placeholder, ["region_code", "indicator", "year"]].itertuples(
            index=False
        )
    }
    require(
        kept == MEAT_ZEROS_KEPT, f"unexpected zero meat values {sorted(kept - MEAT_ZEROS_KEPT)}", file=file
    )
    out.loc[placeholder, "flag"] = ZERO_SET_MISSING
    out.loc[placeholder, "value"] = np.nan

    beef = out[out["indicator"] == "beef_production"].pivot_table(
        index="year", columns="region_code", values="value"
    )
    for code, year in BEEF_OUTLIERS:
        value, before, after = beef.at[year, code], beef.at[year - 1, code], beef.at[year + 1, code]
        require(
            value > OUTLIER_FACTOR * max(before, after),
            f"beef {code} {year} ({value}) is no longer an outlier",
            file=file,
        )
        mask = (out["indicator"] == "beef_production") & (out["year"] == year)
        out.loc[mask & (out["region_code"] == code), "flag"] = "outlier"
        out.loc[mask & (out["region_code"] == regions.INDONESIA), "flag"] = "includes_outlier"

    broiler = out[out["indicator"] == "broiler_meat_production"]
    indonesia = broiler[broiler["region_code"] == regions.INDONESIA].set_index("year")["value"]
    require(
        indonesia[BROILER_BREAK_YEAR] / indonesia[BROILER_BREAK_YEAR - 1] > BROILER_BREAK_MIN_RATIO,
        "the broiler level break 2016–2017 is no longer visible: review the flag",
        file=file,
    )
    out.loc[(out["indicator"] == "broiler_meat_production") & (out["year"] == BROILER_BREAK_YEAR), "flag"] = (
        "level_break"
    )
    return out


def run_livestock_meat(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    raw, file = read_indocommodity(files)
    rows = raw[raw["indicator"].isin(MEAT_INDICATORS)].copy()
    require(set(rows["unit"]) == {"ton"}, "meat unit changed", file=file, column="unit")
    rows = rows[rows["value"].notna()]
    check_sums_to_indonesia(rows, ["indicator", "year"], PROVINCE_SUM_TOLERANCE, "meat", file=file)
    rows = flag_meat(rows, file).assign(unit="tonnes", source=INDOCOMMODITY)
    columns = ["region_code", "year", "indicator", "value", "unit", "flag", "source"]
    return {"livestock_meat": tidy(rows, columns)}


# --- fisheries ------------------------------------------------------------------------------------------


def tidy_fisheries(raw: pd.DataFrame, file: str) -> pd.DataFrame:
    capture = raw[raw["indicator"] == "capture_fisheries_production"].copy()
    aquaculture = raw[raw["indicator"] == "aquaculture_production"].copy()
    require(set(capture["category"]) == set(CAPTURE), "capture categories changed", file=file)
    require(set(aquaculture["category"]) == set(AQUACULTURE), "aquaculture categories changed", file=file)
    capture["indicator"] = capture["category"].map(CAPTURE)
    aquaculture["indicator"] = aquaculture["category"].map(AQUACULTURE)
    rows = concat([capture, aquaculture])
    require(set(rows["unit"]) == {"ton"}, "fisheries unit changed", file=file, column="unit")
    rows = rows[rows["value"].notna()].copy()
    rows["flag"] = pd.Series(pd.NA, index=rows.index, dtype="string")
    return rows


def _set_missing(rows: pd.DataFrame, mask: pd.Series, flag: str) -> None:
    rows.loc[mask, "flag"] = flag
    rows.loc[mask, "value"] = np.nan


def fix_aquaculture_copy(rows: pd.DataFrame, file: str) -> None:
    """README: aquaculture total 2000–2003 equals the capture total (source copy error) → missing."""
    wide = rows.pivot_table(index=["region_code", "year"], columns="indicator", values="value")
    early = wide.loc[wide.index.get_level_values("year").isin(AQUACULTURE_COPY_YEARS)]
    both = early.dropna(subset=["aquaculture_total", "capture_total"])
    require(
        len(both) > 0 and bool((both["aquaculture_total"] == both["capture_total"]).all()),
        "aquaculture totals 2000–2003 no longer equal the capture totals: review this fix",
        file=file,
    )
    require(
        wide.at[("11", 2000), "aquaculture_total"] == AQUACULTURE_ACEH_2000,
        "Aceh 2000 aquaculture total changed",
        file=file,
    )
    mask = (rows["indicator"] == "aquaculture_total") & rows["year"].isin(AQUACULTURE_COPY_YEARS)
    _set_missing(rows, mask, "copy_of_capture_total_set_missing")


def fix_capture_totals(rows: pd.DataFrame, file: str) -> None:
    """A capture total that is not marine + inland is set missing (2000–2003, some of 2009 and 2014)."""
    wide = rows.pivot_table(index=["region_code", "year"], columns="indicator", values="value")
    parts = wide[["capture_marine", "capture_inland_open_water"]].sum(axis=1, min_count=1)
    gap = (wide["capture_total"] - parts).abs()
    bad = gap[gap > CAPTURE_SUM_TOLERANCE_T].index
    bad_years = set(bad.get_level_values("year"))
    require(
        bad_years == CAPTURE_TOTAL_BAD_YEARS,
        f"capture totals ≠ marine + inland in years {sorted(bad_years)}, expected "
        f"{sorted(CAPTURE_TOTAL_BAD_YEARS)}",
        file=file,
    )
    keys = pd.MultiIndex.from_frame(rows[["region_code", "year"]])
    mask = (rows["indicator"] == "capture_total") & keys.isin(bad)
    _set_missing(rows, pd.Series(mask, index=rows.index), "total_not_sum_of_parts_set_missing")


def fix_aquaculture_types(rows: pd.DataFrame, file: str) -> None:
    """Aquaculture types that do not add up to the total (misaligned rows) are set missing."""
    aqua = rows[rows["indicator"].str.startswith("aquaculture_")]
    wide = aqua.pivot_table(index=["region_code", "year"], columns="indicator", values="value")
    types = [c for c in wide.columns if c != "aquaculture_total"]
    sums = wide[types].sum(axis=1, min_count=1)
    gap = (sums / wide["aquaculture_total"] - 1).abs()
    late = gap[
        (gap.index.get_level_values("year") >= AQUACULTURE_TYPES_FROM) & (gap > AQUACULTURE_TYPES_TOLERANCE)
    ]
    found = set(late.index)
    require(
        found == AQUACULTURE_TYPES_BAD,
        f"aquaculture types ≠ total for {sorted(found ^ AQUACULTURE_TYPES_BAD)} (changed release?)",
        file=file,
    )
    keys = pd.MultiIndex.from_frame(rows[["region_code", "year"]])
    is_type = rows["indicator"].str.startswith("aquaculture_") & (rows["indicator"] != "aquaculture_total")
    mask = is_type & keys.isin(list(found))
    _set_missing(rows, pd.Series(mask, index=rows.index), "types_inconsistent_with_total_set_missing")


def flag_capture_outlier(rows: pd.DataFrame, file: str) -> None:
    capture = rows[(rows["region_code"] == SUMATERA_UTARA) & (rows["indicator"] == "capture_total")]
    series = capture.set_index("year")["value"]
    year = CAPTURE_OUTLIER_YEAR
    require(
        series[year] > 2 * max(series[year - 1], series[year + 1]),
        "Sumatera Utara 2019 capture is no longer an outlier: review the flag",
        file=file,
    )
    mask = (
        (rows["region_code"] == SUMATERA_UTARA)
        & (rows["year"] == year)
        & rows["indicator"].isin(["capture_total", "capture_marine"])
    )
    rows.loc[mask, "flag"] = "outlier"


def run_fisheries(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    raw, file = read_indocommodity(files)
    rows = tidy_fisheries(raw, file)
    check_sums_to_indonesia(
        rows[rows["year"] != 2005], ["indicator", "year"], 0.01, "fisheries (2005 aside)", file=file
    )
    fix_aquaculture_copy(rows, file)
    fix_capture_totals(rows, file)
    fix_aquaculture_types(rows, file)
    flag_capture_outlier(rows, file)
    rows = rows.assign(unit="tonnes", source=INDOCOMMODITY)
    columns = ["region_code", "year", "indicator", "value", "unit", "flag", "source"]
    return {"fisheries": tidy(rows, columns)}


# --- estate crops ---------------------------------------------------------------------------------------


def fix_estate_fills(rows: pd.DataFrame, file: str) -> pd.DataFrame:
    """2018: cells blank in the BPS table carry another province's value (copied from a neighbouring row).

    A 2018 value is such a copy when another province reports exactly the same 2018 value for the crop
    and the province's own 2017 and 2019 values are not within a factor of two of it. After removing the
    copies, the provinces add up to INDONESIA exactly (checked below).
    """
    out = rows.copy()
    out["flag"] = pd.Series(pd.NA, index=out.index, dtype="string")
    provinces = out[out["region_code"] != regions.INDONESIA]
    wide = provinces.pivot_table(index=["indicator", "region_code"], columns="year", values="value")
    value = wide[ESTATE_FILL_YEAR]
    duplicated = value.notna() & value.groupby(level="indicator").transform(
        lambda s: s.duplicated(keep=False)
    )

    def near(other: pd.Series) -> pd.Series:
        return other.notna() & (other >= value / 2) & (other <= value * 2)

    copies = duplicated & ~(near(wide[ESTATE_FILL_YEAR - 1]) | near(wide[ESTATE_FILL_YEAR + 1]))
    require(
        int(copies.sum()) == ESTATE_FILLS,
        f"expected {ESTATE_FILLS} copied 2018 cells, found {int(copies.sum())}",
        file=file,
    )
    keys = pd.MultiIndex.from_frame(out[["indicator", "region_code"]])
    mask = (out["year"] == ESTATE_FILL_YEAR) & keys.isin(copies[copies].index)
    out.loc[mask, "flag"] = "copied_from_other_province_set_missing"
    out.loc[mask, "value"] = np.nan
    return out


def estate_2008_2020(raw: pd.DataFrame, file: str) -> pd.DataFrame:
    rows = raw[raw["indicator"] == "estate_crop_production"].copy()
    require(set(rows["category"]) == set(ESTATE_CROPS), "estate crops changed", file=file, column="category")
    require(set(rows["unit"]) == {"thousand ton"}, "estate-crop unit changed", file=file, column="unit")
    require(set(rows["year"]) == set(ESTATE_YEARS), "estate-crop years changed", file=file, column="year")
    rows["indicator"] = rows["category"].map(ESTATE_CROPS)
    rows = rows[rows["value"].notna()]
    rows = fix_estate_fills(rows, file)
    check_sums_to_indonesia(rows, ["indicator", "year"], ESTATE_SUM_TOLERANCE, "estate crops", file=file)
    return rows.assign(source=INDOCOMMODITY)


def estate_2023(files: UpstreamFiles) -> pd.DataFrame:
    file = str(files.path(ESTATE_2023))
    raw = files.read_csv(ESTATE_2023, header=None, dtype=str)
    header = raw.iloc[:ESTATE_2023_HEADER_LINES]
    require(str(header.iat[1, 1]).strip() == ESTATE_2023_TITLE, "title line changed", file=file, row=1)
    crops = header.iloc[2, 1:].str.strip()
    years = header.iloc[3, 1:].str.strip()
    require(set(crops) == set(ESTATE_CROPS), f"crop header {crops.tolist()}", file=file, row=2)
    require(set(years) == {"2023"}, f"year header {years.tolist()}", file=file, row=3)
    body = raw.iloc[ESTATE_2023_HEADER_LINES:].copy()
    body.columns = ["name", *crops.map(ESTATE_CROPS)]
    body["region_code"] = regions.harmonise(body["name"], file=file, column="province (first column)")
    require(body["region_code"].nunique() == 39, "expected 38 provinces + INDONESIA", file=file)
    long = body.melt(id_vars="region_code", value_vars=list(ESTATE_CROPS.values()), var_name="indicator")
    long["value"] = parse_number_strings(long["value"], file=file, column="crop columns")
    for (code, crop), expected in ESTATE_2023_FACTS.items():
        require_close(
            single_value(long, f"{code} {crop}", file=file, region_code=code, indicator=crop),
            expected,
            1e-9,
            f"2023 {crop} {code}",
            file=file,
        )
    new_papua = long["region_code"].isin(ESTATE_2023_ZERO_PROVINCES)
    require(bool((long.loc[new_papua, "value"] == 0).all()), "new Papua provinces no longer all 0", file=file)
    long["flag"] = pd.Series(pd.NA, index=long.index, dtype="string")
    long.loc[new_papua, "flag"] = ZERO_SET_MISSING
    long.loc[new_papua, "value"] = np.nan
    check_sums_to_indonesia(long, ["indicator"], PROVINCE_SUM_TOLERANCE, "estate crops 2023", file=file)
    return long.assign(year=2023, source=ESTATE_2023)


def run_estate_crops(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    raw, file = read_indocommodity(files)
    columns = ["region_code", "year", "indicator", "value", "unit", "flag", "source"]
    frames = [estate_2008_2020(raw, file), estate_2023(files)]
    table = concat(f.assign(unit="thousand tonnes")[columns] for f in frames)
    return {"estate_crops": tidy(table, columns)}


# --- food security index (IKP) --------------------------------------------------------------------------


def code_ikp(raw: pd.DataFrame, file: str) -> pd.DataFrame:
    """Code by name; the given codes are BPS codes until 2024 but not for the Papua region in 2025."""
    out = raw.copy()
    out["region_code"] = regions.harmonise(out["PROVINSI"], file=file, column="PROVINSI")
    given = out["KODE_PROV"].astype(str)
    differs = given != out["region_code"]
    require(
        not (differs & (out["TAHUN"] != IKP_BREAK_YEAR)).any(),
        "a code before 2025 differs from the BPS code of its name",
        file=file,
        column="KODE_PROV",
    )
    wrong = dict(zip(given[differs], out.loc[differs, "region_code"], strict=True))
    require(
        wrong == IKP_2025_WRONG_CODES, f"2025 code mismatches changed: {wrong}", file=file, column="KODE_PROV"
    )
    return out


def check_ikp(raw: pd.DataFrame, file: str) -> None:
    labels = raw["KELOMPOK_IKP"].map(IKP_GROUP_LABELS)
    require(
        bool((labels == raw["KERENTANAN"]).all()),
        "group ≠ vulnerability label",
        file=file,
        column="KERENTANAN",
    )
    counts = raw.groupby("TAHUN").size()
    require(
        all(counts[y] == 34 for y in range(2019, 2025)) and counts[IKP_BREAK_YEAR] == 38,
        f"provinces per year {counts.to_dict()}",
        file=file,
    )
    for _, year in raw.groupby("TAHUN"):
        ordered = year.sort_values("IKP")
        require(
            ordered["KELOMPOK_IKP"].is_monotonic_increasing,
            "groups are not ordered like the index",
            file=file,
            column="KELOMPOK_IKP",
        )


def flag_ikp_ranks(raw: pd.DataFrame, file: str) -> pd.Series:
    """A rank is inconsistent when it lies outside the ranks the index allows (tied values may take any)."""
    by_year = raw.groupby("TAHUN")["IKP"]
    lowest = by_year.rank(ascending=False, method="min")
    highest = by_year.rank(ascending=False, method="max")
    inconsistent = (raw["PERINGKAT"] < lowest) | (raw["PERINGKAT"] > highest)
    counts = raw[inconsistent].groupby("TAHUN").size().to_dict()
    require(
        counts == IKP_RANK_INCONSISTENT,
        f"inconsistent ranks per year {counts}",
        file=file,
        column="PERINGKAT",
    )
    return inconsistent


def run_food_security_index(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    file = str(files.path(IKP))
    raw = files.read_csv(IKP)
    require(len(raw) == IKP_ROWS, f"expected {IKP_ROWS} rows, found {len(raw)}", file=file)
    raw = code_ikp(raw, file)
    require(not raw.duplicated(["region_code", "TAHUN"]).any(), "duplicate province-year", file=file)
    check_ikp(raw, file)
    inconsistent_rank = flag_ikp_ranks(raw, file)
    for (code, year), expected in IKP_FACTS.items():
        value = raw.loc[(raw["region_code"] == code) & (raw["TAHUN"] == year), "IKP"]
        require_close(float(value.iloc[0]), expected, 5e-7, f"IKP {code} {year}", file=file)
    base = pd.DataFrame({"region_code": raw["region_code"], "year": raw["TAHUN"]})
    brk = np.where(raw["TAHUN"] == IKP_BREAK_YEAR, "level_break", None)
    frames = [
        base.assign(indicator="food_security_index", value=raw["IKP"], unit="index (0–100)", flag=brk),
        base.assign(
            indicator="food_security_rank",
            value=raw["PERINGKAT"].astype("float64"),
            unit="rank (1 = most food-secure)",
            flag=np.where(inconsistent_rank, "rank_inconsistent_with_index", brk),
        ),
        base.assign(
            indicator="food_security_group",
            value=raw["KELOMPOK_IKP"].astype("float64"),
            unit="group (1 = Sangat Rentan … 6 = Sangat Tahan)",
            flag=brk,
        ),
    ]
    table = concat(frames).assign(source=IKP)
    table["flag"] = table["flag"].astype("string")
    columns = ["region_code", "year", "indicator", "value", "unit", "flag", "source"]
    return {"food_security_index": tidy(table, columns)}


# --- rice trade and transport margin (MPP) --------------------------------------------------------------


def run_rice_margin(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    file = str(files.path(MPP))
    raw = files.read_csv(MPP)
    require(len(raw) == MPP_ROWS, f"expected {MPP_ROWS} rows, found {len(raw)}", file=file)
    require(set(raw["TAHUN"]) == set(MPP_YEARS), f"years {sorted(set(raw['TAHUN']))}", file=file)
    raw["region_code"] = regions.harmonise(raw["PROVINSI"], file=file, column="PROVINSI")
    blank = raw["MPP_TOTAL_PCT"].isna()
    require(
        set(raw.loc[blank, "region_code"]) == {"92", "95", "96", "97"}
        and bool(raw.loc[blank, "JUMLAH_RANTAI"].isna().all()),
        "blank rows are no longer exactly the new Papua provinces",
        file=file,
    )
    rows = raw[~blank]
    require(not rows.duplicated(["region_code", "TAHUN"]).any(), "duplicate province-year", file=file)
    ntb = rows[rows["region_code"] == "52"].set_index("TAHUN")["MPP_TOTAL_PCT"]
    for year, expected in MPP_NTB_JUMP.items():
        require_close(float(ntb[year]), expected, 1e-9, f"NTB margin {year}", file=file)
    base = pd.DataFrame({"region_code": rows["region_code"], "year": rows["TAHUN"]})
    jump = (rows["region_code"] == "52") & rows["TAHUN"].isin(list(MPP_NTB_JUMP))
    frames = [
        base.assign(
            indicator="rice_trade_transport_margin",
            value=rows["MPP_TOTAL_PCT"],
            unit="percent",
            flag=np.where(jump, "unverified_jump", None),
        ),
        base.assign(
            indicator="rice_distribution_chain_links",
            value=rows["JUMLAH_RANTAI"],
            unit="number of links",
            flag=None,
        ),
    ]
    table = concat(frames).assign(source=MPP)
    table["flag"] = table["flag"].astype("string")
    columns = ["region_code", "year", "indicator", "value", "unit", "flag", "source"]
    return {"rice_margin": tidy(table, columns)}


# --- specifications -------------------------------------------------------------------------------------

MONTH = Column(
    "month",
    "integer",
    "Month of a monthly value (1–12); missing for annual values",
    nullable=True,
    minimum=1,
    maximum=12,
)
PADDY_STATUS = Column(
    "status",
    "string",
    "potential = BPS 'angka potensi' (January–March 2026); not_stated = the source does not say",
    allowed=("not_stated", "potential"),
)
VALUE_OR_MISSING = specs.value(
    "Value in `unit`; missing where the source value was rejected (see `flag`)", minimum=0, nullable=True
)

PADDY_SPEC = specs.spec(
    "paddy",
    citation=(
        "BPS, luas panen, produksi dan produktivitas padi menurut provinsi (2019–2021 dan 2024; 2025–2026 "
        "dari WebAPI BPS, diakses Februari 2026)",
        "BPS, paddy harvested area, production and productivity by province (2019–2021 and 2024; 2025–2026 "
        "from the BPS WebAPI, accessed February 2026)",
    ),
    title_id="Padi: luas panen, produksi dan produktivitas menurut provinsi, 2019–2021, 2024, 2025–2026",
    title_en="Paddy: harvested area, production and productivity by province, 2019–2021, 2024, 2025–2026",
    description=(
        "BPS paddy (padi) statistics joined from three releases: harvested area (ha), production (tonnes) "
        "and "
        "productivity (quintal/ha) for 2019–2021 (34 provinces and Indonesia) and 2024 (38 provinces); "
        "monthly "
        "and annual production for 2025 and January–March 2026 (38 provinces and Indonesia, BPS WebAPI var "
        "2506). Production is dry unhusked paddy (gabah kering giling, GKG) as stated for 2024–2026; the "
        "2019–2021 file does not state it. `month` is missing for annual values. 2022–2023 are not available."
    ),
    columns=(
        *BASE,
        MONTH,
        indicator_column(
            "harvested_area, production or productivity", ("harvested_area", "production", "productivity")
        ),
        specs.value("Value in `unit`", minimum=0),
        specs.UNIT,
        PADDY_STATUS,
        specs.SOURCE,
    ),
    primary_key=("region_code", "year", "month", "indicator"),
    quality=(
        "green",
        "Angka BPS dari tiga rilis, dicek: jumlah nasional 2024, produktivitas = produksi ÷ luas, jumlah "
        "bulanan "
        "2025 = tahunan, provinsi 2019–2021 = Indonesia.",
        "BPS figures from three releases, checked: 2024 national sums, productivity = production ÷ area, "
        "2025 "
        "months add up to the year, 2019–2021 provinces add up to Indonesia.",
    ),
    caveats=(
        (
            "Tidak ada data 2022–2023 (kesenjangan data); untuk 2025–2026 hanya produksi, tanpa luas panen "
            "dan "
            "produktivitas.",
            "No data for 2022–2023 (a data gap); for 2025–2026 production only, without harvested area or "
            "productivity.",
        ),
        (
            "Januari–Maret 2026 adalah angka potensi BPS (status 'potential'), bukan realisasi. Catatan BPS "
            "yang sama ('Januari–Maret adalah angka potensi') juga tercantum pada respons 2025; status 2025 "
            "tidak dinyatakan.",
            "January–March 2026 are BPS potential estimates (angka potensi, status 'potential'), not "
            "outturns. "
            "The same BPS note ('January–March are potential figures') is attached to the 2025 response too; "
            "the status of 2025 is not stated.",
        ),
        (
            "Data 2024 diolah mahasiswa dari BPS dan tidak memuat baris Indonesia; jumlah provinsi "
            "(53.142.727 ton; 10.046.135 ha) sama dengan angka nasional yang dicek.",
            "The 2024 file was processed by students from BPS and has no Indonesia row; its provinces sum to "
            "53,142,727 t and 10,046,135 ha, the checked national figures.",
        ),
        PAPUA_CAVEAT,
    ),
    vintage="2019–2021: BPS tables (Indo_Comodity_Map, 2024); 2024: BPS via students; 2025–2026: BPS WebAPI "
    "captured 2026-02-05 (last update 2026-02-02)",
)

MAIZE_SPEC = specs.spec(
    "maize",
    citation=(
        "BPS, Luas Panen, Produksi, dan Produktivitas Jagung menurut Provinsi, 2020–2024",
        "BPS, maize harvested area, production and productivity by province, 2020–2024",
    ),
    title_id="Jagung: luas panen, produktivitas dan produksi menurut provinsi, 2020–2024",
    title_en="Maize: harvested area, productivity and production by province, 2020–2024",
    description=(
        "BPS maize (jagung) harvested area (ha), productivity (quintal/ha) and production (tonnes) by "
        "province, "
        "2020–2024, compiled by a student with English province names. No Indonesia row upstream."
    ),
    columns=(
        *BASE,
        indicator_column(
            "harvested_area, productivity or production", ("harvested_area", "productivity", "production")
        ),
        VALUE_OR_MISSING,
        specs.UNIT,
        flag_column(ZERO_SET_MISSING, "area_and_production_zero_in_source"),
        specs.SOURCE,
    ),
    primary_key=("region_code", "year", "indicator"),
    quality=(
        "amber",
        "Kompilasi mahasiswa dari tabel BPS dengan cacat yang diketahui (label Papua, 0 untuk data kosong).",
        "A student's compilation of BPS tables with known defects (Papua labels, 0 for missing values).",
    ),
    caveats=(
        (
            "Enam baris wilayah Papua: satu berlabel 'West Papua' (kode 91) dan lima berlabel 'Papua'. Untuk "
            "2020–2022 hanya satu baris 'Papua' berisi nilai (Papua sebelum pemekaran, kode 94); empat "
            "lainnya "
            "0 karena provinsinya belum ada. Untuk 2023–2024 kelima baris 'Papua' berbeda nilainya dan tidak "
            "dapat dibedakan, sehingga tidak dimuat (kesenjangan data).",
            "Six Papua-region rows: one labelled 'West Papua' (code 91) and five labelled 'Papua'. For "
            "2020–2022 only one 'Papua' row carries values (Papua before the split, code 94); the other four "
            "are 0 because those provinces did not exist yet. For 2023–2024 the five 'Papua' rows differ and "
            "cannot be told apart, so they are left out (a data gap).",
        ),
        (
            "Sumber menulis data kosong sebagai 0,0: DKI Jakarta (semua tahun) diset kosong.",
            "The source writes missing values as 0.0: DKI Jakarta (every year) is set missing.",
        ),
        (
            "Kepulauan Bangka Belitung 2024: luas panen dan produksi 0 dengan produktivitas 57,16; luas dan "
            "produksi diset kosong, produktivitas diberi tanda.",
            "Kepulauan Bangka Belitung 2024: area and production 0 with productivity 57.16; area and "
            "production "
            "are set missing, productivity is flagged.",
        ),
        (
            "Tidak ada baris Indonesia di sumber; jangan menjumlahkan provinsi sebagai total nasional "
            "(Papua 2023–2024 hilang).",
            "No Indonesia row in the source; do not sum the provinces as a national total (Papua 2023–2024 "
            "are "
            "missing).",
        ),
    ),
    vintage="Student compilation of BPS tables, 2020–2024",
)

LIVESTOCK_SPEC = specs.spec(
    "livestock_meat",
    citation=(
        "BPS, produksi daging sapi dan ayam ras menurut provinsi, 2000–2021",
        "BPS, beef and broiler meat production by province, 2000–2021",
    ),
    title_id="Produksi daging sapi dan daging ayam ras pedaging menurut provinsi, 2000–2021",
    title_en="Beef and broiler meat production by province, 2000–2021",
    description=(
        "BPS meat production (tonnes) by province and Indonesia: beef (daging sapi) and broiler chicken meat "
        "(daging ayam ras pedaging), 2000–2021. Livestock population is not available upstream."
    ),
    columns=(
        *BASE,
        indicator_column("beef_production or broiler_meat_production", MEAT_INDICATORS),
        VALUE_OR_MISSING,
        specs.UNIT,
        flag_column(ZERO_SET_MISSING, "outlier", "includes_outlier", "level_break"),
        specs.SOURCE,
    ),
    primary_key=("region_code", "year", "indicator"),
    quality=(
        "amber",
        "Tabel BPS (provinsi = Indonesia), tetapi seri ayam ras patah pada 2016–2017 dan ada pencilan.",
        "BPS tables (provinces add up to Indonesia), but the broiler series breaks in 2016–2017 and has "
        "outliers.",
    ),
    caveats=(
        (
            "Daging ayam ras: patahan level antara 2016 dan 2017 (Indonesia +67%, Bali 9,9 rb → 109 rb "
            "ton). Jangan menghitung pertumbuhan melewati patahan ini.",
            "Broiler meat: level break between 2016 and 2017 (Indonesia +67%, Bali 9.9 kt → 109 kt). Do not "
            "compute growth across it.",
        ),
        (
            "Daging sapi Bengkulu 2003 (17.486 ton) dan Gorontalo 2004 (72.113 ton) lebih dari 10 kali tahun "
            "sebelum dan sesudahnya; Indonesia pada tahun itu ikut terpengaruh.",
            "Beef in Bengkulu 2003 (17,486 t) and Gorontalo 2004 (72,113 t) is more than ten times the years "
            "before and after; Indonesia in those years includes them.",
        ),
        (
            "Nilai 0 pada provinsi yang baru dibentuk (1999–2004) di tahun-tahun awalnya diset kosong.",
            "Zeros of provinces formed in 1999–2004 in their first years are set missing.",
        ),
        BLANK_CAVEAT,
        PAPUA_CAVEAT,
    ),
    vintage="BPS tables to 2021 (fickya1987/Indo_Comodity_Map, 2024-11-11)",
)

FISHERIES_SPEC = specs.spec(
    "fisheries",
    citation=(
        "BPS, produksi perikanan tangkap dan budi daya menurut provinsi, 2000–2020",
        "BPS, capture fisheries and aquaculture production by province, 2000–2020",
    ),
    title_id="Produksi perikanan tangkap dan budidaya menurut provinsi, 2000–2020",
    title_en="Capture fisheries and aquaculture production by province, 2000–2020",
    description=(
        "BPS fisheries production (tonnes) by province and Indonesia, 2000–2020. Capture: marine, inland "
        "open "
        "water, total. Aquaculture: marine culture, brackish ponds (tambak), freshwater ponds (kolam), cages "
        "(keramba), floating net cages, fixed net cages, rice fields, total. Marine culture and floating net "
        "cages start in 2004, fixed net cages in 2014."
    ),
    columns=(
        *BASE,
        indicator_column(
            "capture_* or aquaculture_* (see description)", (*CAPTURE.values(), *AQUACULTURE.values())
        ),
        VALUE_OR_MISSING,
        specs.UNIT,
        flag_column(
            "copy_of_capture_total_set_missing",
            "total_not_sum_of_parts_set_missing",
            "types_inconsistent_with_total_set_missing",
            "outlier",
        ),
        specs.SOURCE,
    ),
    primary_key=("region_code", "year", "indicator"),
    quality=(
        "amber",
        "Tabel BPS dengan beberapa cacat salinan; nilai yang salah dikosongkan dan diberi tanda.",
        "BPS tables with several copy defects; wrong values are set missing and flagged.",
    ),
    caveats=(
        (
            "Total budidaya 2000–2003 di sumber sama dengan total perikanan tangkap (salah salin, mis. Aceh "
            "113.096): diset kosong.",
            "The aquaculture total 2000–2003 equals the capture-fisheries total in the source (copy error, "
            "e.g. "
            "Aceh "
            "113,096): set missing.",
        ),
        (
            "Total perikanan tangkap yang tidak sama dengan laut + perairan umum diset kosong: semua "
            "provinsi "
            "2000–2003, sebagian provinsi dan Indonesia 2009 dan 2014 (total = laut saja).",
            "Capture totals that are not marine + inland are set missing: every province 2000–2003, some "
            "provinces and Indonesia in 2009 and 2014 (total = marine only).",
        ),
        (
            "Rincian jenis budidaya yang tidak berjumlah sama dengan totalnya diset kosong: enam provinsi "
            "Sumatera (Jambi, Sumatera Selatan, Bengkulu, Lampung, Bangka Belitung, Kepulauan Riau) "
            "2012–2013 "
            "(baris tertukar) serta Gorontalo dan Sulawesi Barat 2015; totalnya dipertahankan.",
            "Aquaculture types that do not add up to their total are set missing: six Sumatran provinces "
            "(Jambi, Sumatera Selatan, Bengkulu, Lampung, Bangka Belitung, Kepulauan Riau) 2012–2013 (rows "
            "swapped) and Gorontalo and Sulawesi Barat 2015; the totals are kept.",
        ),
        (
            "Perikanan tangkap Sumatera Utara 2019 (1,28 juta ton) adalah pencilan.",
            "Sumatera Utara's 2019 capture (1.28 million t) is an outlier.",
        ),
        (
            "Provinsi 2005 berjumlah 2% di bawah Indonesia (perikanan tangkap).",
            "In 2005 the provinces sum to 2% below Indonesia (capture fisheries).",
        ),
        BLANK_CAVEAT,
        PAPUA_CAVEAT,
    ),
    vintage="BPS tables 2000–2020 (fickya1987/Indo_Comodity_Map, 2024-11-11)",
)

ESTATE_SPEC = specs.spec(
    "estate_crops",
    citation=(
        "BPS, produksi tanaman perkebunan menurut provinsi, 2008–2020 dan 2023",
        "BPS, estate-crop production by province, 2008–2020 and 2023",
    ),
    title_id="Produksi tanaman perkebunan menurut provinsi, 2008–2020 dan 2023",
    title_en="Estate-crop production by province, 2008–2020 and 2023",
    description=(
        "BPS estate-crop production (thousand tonnes) by province and Indonesia: oil palm, coconut, rubber, "
        "coffee, cocoa, sugarcane, tea and tobacco. 2008–2020 from one compilation (34 provinces), 2023 from "
        "the BPS 38-province table. 2021–2022 are not available."
    ),
    columns=(
        *BASE,
        indicator_column("crop (production of)", tuple(ESTATE_CROPS.values())),
        VALUE_OR_MISSING,
        specs.UNIT,
        flag_column("copied_from_other_province_set_missing", ZERO_SET_MISSING),
        specs.SOURCE,
    ),
    primary_key=("region_code", "year", "indicator"),
    quality=(
        "amber",
        "Tabel BPS; 35 sel 2018 salinan dari provinsi lain dan provinsi Papua baru 2023 bernilai 0 "
        "(dikosongkan).",
        "BPS tables; 35 cells of 2018 are copies from other provinces and the new Papua provinces are 0 in "
        "2023 (set missing).",
    ),
    caveats=(
        (
            "Tidak ada data 2021–2022 (kesenjangan data).",
            "No data for 2021–2022 (a data gap).",
        ),
        (
            "2018: 35 sel yang kosong di tabel BPS berisi nilai provinsi lain (mis. tebu Bali 1.110,8 = Jawa "
            "Timur); diset kosong. Setelah itu provinsi berjumlah sama dengan Indonesia.",
            "2018: 35 cells blank in the BPS table carry another province's value (e.g. Bali sugarcane "
            "1,110.8 "
            "= Jawa Timur); set missing. Afterwards the provinces add up to Indonesia exactly.",
        ),
        (
            "2023: Papua Barat Daya, Papua Selatan, Papua Tengah dan Papua Pegunungan bernilai 0 untuk semua "
            "tanaman — kemungkinan belum dipisahkan, bukan nol sesungguhnya: diset kosong. Papua (94) dan "
            "Papua "
            "Barat (91) 2023 mungkin masih mencakup wilayahnya.",
            "2023: Papua Barat Daya, Papua Selatan, Papua Tengah and Papua Pegunungan are 0 for every crop — "
            "probably not yet split out, not true zeros: set missing. Papua (94) and Papua Barat (91) in "
            "2023 "
            "may still include them.",
        ),
        (
            "Tabel 2023 menulis 0 di mana tabel 2008–2020 kosong ('-'), mis. kelapa sawit Bali.",
            "The 2023 table writes 0 where the 2008–2020 table is blank ('-'), e.g. Bali oil palm.",
        ),
        BLANK_CAVEAT,
    ),
    vintage="BPS tables 2008–2020 (Indo_Comodity_Map, 2024-11-11); BPS 38-province table 2023",
)

IKP_SPEC = specs.spec(
    "food_security_index",
    citation=(
        "Badan Pangan Nasional, Indeks Ketahanan Pangan 2019–2025",
        "National Food Agency (Bapanas), Food Security Index 2019–2025",
    ),
    title_id="Indeks Ketahanan Pangan (IKP) menurut provinsi, 2019–2025",
    title_en="Food Security Index (IKP) by province, 2019–2025",
    description=(
        "Badan Pangan Nasional food security index (IKP, 0–100), the province's rank and its group (1 Sangat "
        "Rentan, 2 Rentan, 3 Agak Rentan, 4 Agak Tahan, 5 Tahan, 6 Sangat Tahan), 34 provinces 2019–2024 and "
        "38 in 2025. No Indonesia value upstream."
    ),
    columns=(
        *BASE,
        indicator_column(
            "food_security_index, food_security_rank or food_security_group",
            ("food_security_index", "food_security_rank", "food_security_group"),
        ),
        specs.value("Value in `unit`", minimum=0, maximum=100),
        specs.UNIT,
        flag_column("level_break", "rank_inconsistent_with_index"),
        specs.SOURCE,
    ),
    primary_key=("region_code", "year", "indicator"),
    quality=(
        "amber",
        "Indeks Bapanas lewat proyek mahasiswa; patahan level 2025, kode Papua 2025 bukan kode BPS.",
        "Bapanas index through a student project; level break in 2025, 2025 Papua codes are not BPS codes.",
    ),
    caveats=(
        (
            "2025 patah level terhadap 2019–2024 (rata-rata 75,0 pada 2024 vs 68,9 pada 2025; Bali 88,23 → "
            "79,89) dan memakai batas kelompok lain: jangan bandingkan 2025 dengan tahun sebelumnya.",
            "2025 breaks in level from 2019–2024 (mean 75.0 in 2024 vs 68.9 in 2025; Bali 88.23 → 79.89) and "
            "uses "
            "other group thresholds: do not compare 2025 with earlier years.",
        ),
        (
            "Nilai 2025 bersumber dengan 8 desimal, bukan bentuk 2 desimal yang biasa dipublikasikan; "
            "disimpan apa adanya.",
            "2025 values come with 8 decimals, not the usual published 2-decimal form; kept as given.",
        ),
        (
            "Kode provinsi Papua 2025 di sumber bukan kode BPS (PAPUA = 91 dst.); kode dipetakan dari nama.",
            "The 2025 Papua-region codes in the source are not BPS codes (PAPUA = 91 etc.); codes are "
            "mapped from "
            "names.",
        ),
        (
            "Peringkat di antara 34 (2019–2024) atau 38 (2025) provinsi. 11 peringkat 2023 (Kalimantan Timur "
            "12 dengan IKP 72,29) dan 1 peringkat 2024 (Banten 11, sama dengan Gorontalo) tidak sesuai "
            "urutan "
            "indeks.",
            "Ranks are among 34 (2019–2024) or 38 (2025) provinces. 11 ranks in 2023 (Kalimantan Timur 12 "
            "with "
            "IKP 72.29) and 1 in 2024 (Banten 11, tied with Gorontalo) disagree with the index order.",
        ),
    ),
    vintage="Bapanas IKP 2019–2025 as processed by students (ikp_all.csv)",
)

MARGIN_SPEC = specs.spec(
    "rice_margin",
    citation=(
        "BPS, Margin Perdagangan dan Pengangkutan Komoditas Beras menurut Provinsi, 2019–2021 dan 2024",
        "BPS, trade and transport margin of rice by province, 2019–2021 and 2024",
    ),
    title_id="Margin perdagangan dan pengangkutan (MPP) beras menurut provinsi, 2019–2021 dan 2024",
    title_en="Rice trade and transport margin (MPP) by province, 2019–2021 and 2024",
    description=(
        "BPS 'Margin Perdagangan dan Pengangkutan (MPP) Komoditas Beras Menurut Provinsi': total trade and "
        "transport margin along the rice distribution chain (percent) and the number of links in the chain, "
        "by province, 2019, 2020, 2021 and 2024. No Indonesia value upstream."
    ),
    columns=(
        *BASE,
        indicator_column(
            "rice_trade_transport_margin or rice_distribution_chain_links",
            ("rice_trade_transport_margin", "rice_distribution_chain_links"),
        ),
        specs.value("Value in `unit`", minimum=0),
        specs.UNIT,
        flag_column("unverified_jump"),
        specs.SOURCE,
    ),
    primary_key=("region_code", "year", "indicator"),
    quality=(
        "amber",
        "Publikasi BPS diolah mahasiswa; lonjakan NTB belum dicek terhadap publikasi BPS.",
        "BPS publication processed by students; NTB's jump not yet checked against the BPS publication.",
    ),
    caveats=(
        (
            "NTB melonjak dari 4,01% (2019) ke 29,27% (2024): periksa terhadap publikasi BPS sebelum "
            "dipakai.",
            "NTB jumps from 4.01% (2019) to 29.27% (2024): check against the BPS publication before use.",
        ),
        (
            "Tidak ada data 2022–2023; provinsi Papua baru kosong di sumber dan tidak dimuat.",
            "No data for 2022–2023; the new Papua provinces are blank in the source and left out.",
        ),
        PAPUA_CAVEAT,
    ),
    vintage="BPS MPP beras publications 2019–2021 and 2024 as processed by students (mpp_all.csv)",
)

STEPS = (
    step("paddy", (INDOCOMMODITY, RICE_2024, PADDY_WEBAPI), (PADDY_SPEC,), run_paddy),
    step("maize", (MAIZE,), (MAIZE_SPEC,), run_maize),
    step("livestock_meat", (INDOCOMMODITY,), (LIVESTOCK_SPEC,), run_livestock_meat),
    step("fisheries", (INDOCOMMODITY,), (FISHERIES_SPEC,), run_fisheries),
    step("estate_crops", (INDOCOMMODITY, ESTATE_2023), (ESTATE_SPEC,), run_estate_crops),
    step("food_security_index", (IKP,), (IKP_SPEC,), run_food_security_index),
    step("rice_margin", (MPP,), (MARGIN_SPEC,), run_rice_margin),
)
