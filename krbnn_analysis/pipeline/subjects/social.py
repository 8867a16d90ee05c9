"""Curated social indicators by province: poverty (P0), HDI, open unemployment, Gini ratio.

Two sources are joined: a compiled BPS series for 2010–2020 (haekalyulianto, Nov 2022) and the
recorded BPS WebAPI responses for 2021–2024, parsed by ``krbnn_analysis.bps_webapi``. Where both
cover a year (2021–2022) the WebAPI values are kept, and the build checks that the compiled series
equals one WebAPI round in full: this is how each compiled year's survey round is known.
"""

from __future__ import annotations

import pandas as pd

from krbnn_analysis import regions
from krbnn_analysis.bps_webapi import bps_region_code, parse_file
from krbnn_analysis.catalog import Column
from krbnn_analysis.pipeline import specs
from krbnn_analysis.pipeline.common import check_range, check_unique, concat, require, with_region_columns
from krbnn_analysis.pipeline.core import step
from krbnn_analysis.pipeline.upstream import UpstreamFiles

HAEKAL = "haekal-bps-prov-indicators-2010-2022-long"
WEBAPI_YEARS = range(2021, 2025)
WEBAPI = {
    "poverty": tuple(f"dynamic-poverty-rate-{y}" for y in WEBAPI_YEARS),
    "gini": tuple(f"dynamic-gini-ratio-{y}" for y in WEBAPI_YEARS),
    "unemployment": tuple(f"dynamic-open-unemployment-rate-{y}" for y in WEBAPI_YEARS),
    "hdi": tuple(f"dynamic-human-development-index-new-method-{y}" for y in WEBAPI_YEARS),
}
HAEKAL_INDICATOR = {
    "poverty": "persen_penduduk_miskin",
    "gini": "gini_ratio",
    "unemployment": "tpt",
    "hdi": "ipm",
}
LAST_COMPILED_YEAR = 2020  # compiled series used up to here; WebAPI from 2021
AREAS = {
    "Perkotaan": "urban",
    "Perdesaan": "rural",
    "Jumlah": "total",
    "Perkotaan+Perdesaan": "total",
    "Tidak ada": "total",
}
EXPECTED_HAEKAL_REGIONS = 35  # 34 provinces + INDONESIA

# Survey round (month) of each year of the compiled series. Poverty: found by matching its INDONESIA
# values to BPS releases: 2010 13.33 and 2011 12.49 = March (tnp2k.go.id, "Perkembangan Tingkat
# Kemiskinan Maret 2011–Maret 2012"); 2012 11.66 = September (BPS via bisnis.com, 2 Jan 2013);
# 2013 11.47 = September (BPS "Profil Kemiskinan … September 2013"); 2016 10.70 = September (BPS BRS
# No. 05/01/Th. XX); 2018 9.66 and 2019 9.22 = September (BPS via news, Jan 2019 / Jan 2020); 2021 =
# September and 2022 = March (equal to the recorded WebAPI responses for all 35 rows). 2014, 2015,
# 2017 and 2020 follow the same September pattern but were not checked one by one.
POVERTY_ROUND = {2010: 3, 2011: 3, **{y: 9 for y in range(2012, 2022)}, 2022: 3}
POVERTY_INDONESIA_CHECKED = {
    2010: 13.33,
    2011: 12.49,
    2012: 11.66,
    2013: 11.47,
    2016: 10.70,
    2018: 9.66,
    2019: 9.22,
}
# Gini: only 2021 (September) and 2022 (March) can be checked against the WebAPI; earlier rounds are
# not documented by the compiler, so their month stays missing.
GINI_ROUND = {2021: 9, 2022: 3}
UNEMPLOYMENT_ROUND = {**{y: 8 for y in range(2010, 2022)}, 2022: 2}  # August (Sakernas); 2022 = February
HDI_OLD_METHOD_YEARS = range(
    2010, 2013
)  # compiled series: old-method values (Indonesia 2012 73.81 vs 2013 68.31)


def _compiled(raw: pd.DataFrame, table: str, file: str) -> pd.DataFrame:
    rows = raw[raw["indicator"] == HAEKAL_INDICATOR[table]].copy()
    rows["region_code"] = regions.harmonise(rows["province"], file=file, column="province")
    require(
        rows["region_code"].nunique() == EXPECTED_HAEKAL_REGIONS,
        f"{table}: expected {EXPECTED_HAEKAL_REGIONS} regions, found {rows['region_code'].nunique()}",
        file=file,
    )
    check_unique(rows, ["region_code", "year"], file=file, what=f"{table} region-year")
    check_range(rows, "value", 0, 100, file=file)  # percent, index (0–100) or Gini ratio (0–1)
    return rows


def _webapi(files: UpstreamFiles, table: str) -> pd.DataFrame:
    frames = []
    for source_id in WEBAPI[table]:
        cells = parse_file(files.path(source_id))
        cells["source"] = source_id
        frames.append(cells)
    cells = concat(frames)
    cells = cells[cells["value"].notna()].copy()
    annual_only = table == "hdi"  # the others are published by survey round
    require(
        bool((cells["is_annual"] == annual_only).all()),
        f"{table}: expected {'only annual' if annual_only else 'no annual'} values in the WebAPI responses",
        file=f"bps_webapi ({table})",
        column="turtahun",
    )
    cells["region_code"] = regions.harmonise(
        cells["vervar"].map(bps_region_code), file=f"bps_webapi ({table})", column="vervar"
    )
    unknown_areas = set(cells["turvar_label"]) - set(AREAS)
    require(
        not unknown_areas,
        f"{table}: unknown breakdown {sorted(unknown_areas)}",
        file="bps_webapi",
        column="turvar",
    )
    cells["area"] = cells["turvar_label"].map(AREAS)
    return cells


def check_overlap(
    compiled: pd.DataFrame, webapi: pd.DataFrame, table: str, rounds: dict[int, int | None], file: str
) -> None:
    """The compiled series must equal the WebAPI round it is said to be, for every overlapping region."""
    for year in sorted(set(compiled["year"]) & set(webapi["year"])):
        month = rounds.get(year)
        total = webapi[(webapi["year"] == year) & (webapi["area"] == "total")]
        if month is not None:
            total = total[total["month"] == month]
        merged = compiled[compiled["year"] == year].merge(total, on="region_code", suffixes=("", "_api"))
        require(
            len(merged) == EXPECTED_HAEKAL_REGIONS,
            f"{table} {year}: only {len(merged)} regions overlap",
            file=file,
        )
        differs = (merged["value"] - merged["value_api"]).abs() > 1e-9
        require(
            not differs.any(),
            f"{table} {year}: compiled values are not the WebAPI round {month}",
            file=file,
            row=None if not differs.any() else merged.loc[differs, "region_code"].iloc[0],
        )


def _tidy(frame: pd.DataFrame, table: str, unit: str) -> pd.DataFrame:
    out = frame.assign(indicator=table, unit=unit)
    return with_region_columns(out)


def _compiled_and_api(files: UpstreamFiles, table: str, rounds: dict[int, int]) -> tuple:
    file = str(files.path(HAEKAL))
    raw = files.read_csv(HAEKAL, required=("province", "indicator", "unit"), numeric=("year", "value"))
    compiled = _compiled(raw, table, file)
    api = _webapi(files, table)
    check_overlap(compiled, api, table, rounds, file)
    return compiled[compiled["year"] <= LAST_COMPILED_YEAR].assign(source=HAEKAL), api, file


def run_poverty(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    """Poverty (P0, % of population) by survey round and area."""
    old, api, file = _compiled_and_api(files, "poverty", POVERTY_ROUND)
    indonesia = old[old["region_code"] == regions.INDONESIA].set_index("year")["value"]
    for year, expected in POVERTY_INDONESIA_CHECKED.items():
        require(
            abs(indonesia[year] - expected) < 1e-9, f"poverty Indonesia {year} is not {expected}", file=file
        )
    old = old.assign(month=old["year"].map(POVERTY_ROUND), area="total")
    columns = ["region_code", "year", "month", "area", "value", "source"]
    tidy = _tidy(concat([old[columns], api[columns]]), "poverty_rate", "percent")
    return {"poverty": tidy.astype({"month": "Int64"})}


def run_gini(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    """Gini ratio by survey round (missing where undocumented) and area."""
    old, api, _ = _compiled_and_api(files, "gini", GINI_ROUND)
    old = old.assign(month=pd.NA, area="total")
    columns = ["region_code", "year", "month", "area", "value", "source"]
    tidy = _tidy(concat([old[columns], api[columns]]), "gini_ratio", "ratio")
    return {"gini": tidy.astype({"month": "Int64"})}


def run_unemployment(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    """Open unemployment rate (TPT, %) by Sakernas round."""
    old, api, _ = _compiled_and_api(files, "unemployment", UNEMPLOYMENT_ROUND)
    old = old.assign(month=old["year"].map(UNEMPLOYMENT_ROUND))
    columns = ["region_code", "year", "month", "value", "source"]
    tidy = _tidy(concat([old[columns], api[columns]]), "open_unemployment_rate", "percent")
    return {"unemployment": tidy.astype({"month": "Int64"})}


def run_hdi(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    """Human development index (IPM), annual; 2010–2012 by the old method."""
    old, api, _ = _compiled_and_api(files, "hdi", {})
    old = old.assign(method=old["year"].map(lambda y: "old" if y in HDI_OLD_METHOD_YEARS else "new"))
    api = api.assign(method="new")
    columns = ["region_code", "year", "method", "value", "source"]
    return {"hdi": _tidy(concat([old[columns], api[columns]]), "hdi", "index")}


MONTH = Column(
    "month",
    "integer",
    "Survey month (3 March, 9 September for Susenas; 2 February, 8 August "
    "for Sakernas); missing where the source does not document the round",
    nullable=True,
    minimum=1,
    maximum=12,
)
AREA = Column("area", "string", "urban, rural or total", allowed=("urban", "rural", "total"))
BASE = (specs.REGION_CODE, specs.REGION_NAME, specs.REGION_LEVEL, specs.YEAR)
QUALITY_JOINED = (
    "green",
    "Angka BPS: 2010–2020 dari kompilasi yang dicocokkan dengan rilis BPS, 2021–2024 dari WebAPI BPS.",
    "BPS figures: 2010–2020 from a compilation checked against BPS releases, 2021–2024 from the BPS WebAPI.",
)
PAPUA_CAVEAT = (
    "Kode 91 dan 94 (Papua Barat, Papua) sebelum 2022/2024 mencakup wilayah sebelum pemekaran.",
    "Codes 91 and 94 (Papua Barat, Papua) cover the pre-split territories before 2022/2024.",
)
VINTAGE = "Compilation of Nov 2022 (2010–2020); BPS WebAPI captured Apr–May 2026 (2021–2024)"

POVERTY_SPEC = specs.spec(
    "poverty",
    citation=(
        "BPS, Persentase Penduduk Miskin menurut provinsi (2010–2020 dari kompilasi November 2022; "
        "2021–2024 dari WebAPI BPS, diakses Mei 2026)",
        "BPS, poverty rate by province (2010–2020 from a compilation of November 2022; 2021–2024 from the "
        "BPS WebAPI, accessed May 2026)",
    ),
    title_id="Persentase penduduk miskin (P0) menurut provinsi, 2010–2024",
    title_en="Poverty headcount ratio (P0) by province, 2010–2024",
    description="Share of the population below the BPS poverty line (%), Susenas rounds of March (3) and "
    "September (9); 2021–2024 also by urban and rural area.",
    columns=(
        *BASE,
        MONTH,
        AREA,
        Column("indicator", "string", "poverty_rate", allowed=("poverty_rate",)),
        specs.value("Percent of population", minimum=0, maximum=100),
        specs.UNIT,
        specs.SOURCE,
    ),
    primary_key=("region_code", "year", "month", "area"),
    quality=QUALITY_JOINED,
    caveats=(
        (
            "2010–2020 berisi satu putaran per tahun: Maret untuk 2010–2011, September untuk 2012–2020 "
            "(dicek terhadap rilis BPS untuk 2011, 2012, 2013, 2016, 2018, 2019). Keterangan "
            "penyusun data menyebut 'Maret' — itu keliru untuk tahun-tahun ini.",
            "2010–2020 hold one round a year: March for 2010–2011, September for 2012–2020 (checked against "
            "BPS releases for 2011, 2012, 2013, 2016, 2018, 2019). The compiler's notes say 'March': that is "
            "wrong for these years.",
        ),
        ("Data 2023 hanya memuat putaran Maret.", "The 2023 data hold only the March round."),
        PAPUA_CAVEAT,
    ),
    vintage=VINTAGE,
)

GINI_SPEC = specs.spec(
    "gini",
    citation=(
        "BPS, Rasio Gini menurut provinsi (2010–2020 dari kompilasi November 2022; 2021–2024 dari WebAPI "
        "BPS, diakses Mei 2026)",
        "BPS, Gini ratio by province (2010–2020 from a compilation of November 2022; 2021–2024 from the BPS "
        "WebAPI, accessed May 2026)",
    ),
    title_id="Rasio Gini pengeluaran menurut provinsi, 2010–2024",
    title_en="Gini ratio of expenditure by province, 2010–2024",
    description="Gini ratio of household expenditure per capita (Susenas); 2021–2024 by round (March 3, "
    "September 9) and urban/rural area.",
    columns=(
        *BASE,
        MONTH,
        AREA,
        Column("indicator", "string", "gini_ratio", allowed=("gini_ratio",)),
        specs.value("Gini ratio (0–1)", minimum=0, maximum=1),
        specs.UNIT,
        specs.SOURCE,
    ),
    primary_key=("region_code", "year", "month", "area"),
    quality=QUALITY_JOINED,
    caveats=(
        (
            "Putaran survei 2010–2020 tidak didokumentasikan penyusun (bulan kosong); untuk 2021 sumber "
            "memakai September dan 2022 Maret.",
            "The survey round of 2010–2020 is not documented by the compiler (month missing); for 2021 it "
            "used September and for 2022 March.",
        ),
        ("Data 2023 hanya memuat putaran Maret.", "The 2023 data hold only the March round."),
        PAPUA_CAVEAT,
    ),
    vintage=VINTAGE,
)

UNEMPLOYMENT_SPEC = specs.spec(
    "unemployment",
    citation=(
        "BPS, Tingkat Pengangguran Terbuka menurut provinsi (2010–2020 dari kompilasi November 2022; "
        "2021–2024 dari WebAPI BPS, diakses April–Mei 2026)",
        "BPS, open unemployment rate by province (2010–2020 from a compilation of November 2022; 2021–2024 "
        "from the BPS WebAPI, accessed April–May 2026)",
    ),
    title_id="Tingkat pengangguran terbuka (TPT) menurut provinsi, 2010–2024",
    title_en="Open unemployment rate by province, 2010–2024",
    description="Open unemployment rate (%), Sakernas: August (8) for every year, February (2) for "
    "2021–2024.",
    columns=(
        *BASE,
        MONTH,
        Column("indicator", "string", "open_unemployment_rate", allowed=("open_unemployment_rate",)),
        specs.value("Percent of the labour force", minimum=0, maximum=100),
        specs.UNIT,
        specs.SOURCE,
    ),
    primary_key=("region_code", "year", "month"),
    quality=QUALITY_JOINED,
    caveats=(
        (
            "Bandingkan Agustus dengan Agustus: TPT Februari dan Agustus berbeda musiman.",
            "Compare August with August: February and August rates differ seasonally.",
        ),
        (
            "BPS menghitung ulang 2011–2013 dan 2018–2020 dengan penimbang baru (backcast).",
            "BPS backcast 2011–2013 and 2018–2020 with new population weights.",
        ),
        PAPUA_CAVEAT,
    ),
    vintage=VINTAGE,
)

HDI_SPEC = specs.spec(
    "hdi",
    citation=(
        "BPS, Indeks Pembangunan Manusia menurut provinsi (2010–2020 dari kompilasi November 2022; "
        "2021–2024 dari WebAPI BPS, diakses April–Mei 2026)",
        "BPS, Human Development Index by province (2010–2020 from a compilation of November 2022; 2021–2024 "
        "from the BPS WebAPI, accessed April–May 2026)",
    ),
    title_id="Indeks Pembangunan Manusia (IPM) menurut provinsi, 2010–2024",
    title_en="Human Development Index (IPM) by province, 2010–2024",
    description="BPS human development index. `method` = old for 2010–2012 (pre-2014 method, not "
    "comparable), new from 2013.",
    columns=(
        *BASE,
        Column("method", "string", "old (2010–2012) or new BPS method", allowed=("old", "new")),
        Column("indicator", "string", "hdi", allowed=("hdi",)),
        specs.value("Index (0–100)", minimum=0, maximum=100),
        specs.UNIT,
        specs.SOURCE,
    ),
    primary_key=("region_code", "year"),
    quality=QUALITY_JOINED,
    caveats=(
        (
            "Nilai 2010–2012 memakai metode lama dan tidak dapat dibandingkan dengan 2013 ke atas "
            "(Indonesia 73,81 pada 2012 vs 68,31 pada 2013).",
            "2010–2012 values use the old method and are not comparable with 2013 onwards (Indonesia 73.81 "
            "in 2012 vs 68.31 in 2013).",
        ),
        PAPUA_CAVEAT,
    ),
    vintage=VINTAGE,
)

STEPS = (
    step("poverty", (HAEKAL, *WEBAPI["poverty"]), (POVERTY_SPEC,), run_poverty),
    step("gini", (HAEKAL, *WEBAPI["gini"]), (GINI_SPEC,), run_gini),
    step("unemployment", (HAEKAL, *WEBAPI["unemployment"]), (UNEMPLOYMENT_SPEC,), run_unemployment),
    step("hdi", (HAEKAL, *WEBAPI["hdi"]), (HDI_SPEC,), run_hdi),
)
