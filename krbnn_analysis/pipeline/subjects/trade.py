"""Curated trade tables: non-oil exports and imports, GRDP by expenditure, input–output tables.

Each ``run_*`` function reads its inputs through ``UpstreamFiles``, checks them against facts of the
release (module constants, so a different release fails loudly) and returns tidy tables. Aggregate rows
("TOTAL NON MIGAS", "34 PROVINSI") are mapped to Indonesia ("00") explicitly, with what they are stated in
the caveats; every other region is coded by name through ``regions.harmonise``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from krbnn_analysis import regions
from krbnn_analysis.catalog import Column
from krbnn_analysis.pipeline import specs
from krbnn_analysis.pipeline.common import (
    concat,
    parse_number_strings,
    require,
    require_close,
    with_region_columns,
)
from krbnn_analysis.pipeline.core import step
from krbnn_analysis.pipeline.upstream import UpstreamFiles

NONOIL = "kemendag-nonoil-trade-by-province-2017-2022"
GRDP_EXPENDITURE = "bps-grdp-expenditure-quarterly-prov-2011-2019"
IO_BALI = "pprk-io-bali-54sector-unknown-vintage"
IO_NTT = "pprk-io-ntt-55sector-unknown-vintage"
IO_KEPRI = "bps-io2016-17sector-domestic-kepri"
IO_PAPUA_BARAT = "bps-io2016-17sector-domestic-papua-barat"
IO_SULSEL = "bps-io2016-17sector-domestic-sulsel"

# --- facts of the upstream releases, checked on every build ------------------------------------------

NONOIL_ROWS = 840
NONOIL_TOTAL_LABEL = "TOTAL NON MIGAS"  # sum of the provinces (checked) → Indonesia "00"
NONOIL_FLOWS = {"export_nonoil": "nonoil_exports", "import_nonoil": "nonoil_imports"}
NONOIL_ANNUAL = ("2017", "2018", "2019", "2020", "2021")
NONOIL_PARTIAL = {"2021_partial_period": 2021, "2022_partial_period": 2022}  # months not stated upstream
NONOIL_UNIT_NOTE = "million USD (values); percent (pct columns)"
NONOIL_SUM_TOLERANCE = 0.6  # million USD: the provinces are rounded to 0.1 (largest gap 0.5)
NONOIL_SHARE_TOLERANCE = 0.01
NONOIL_TOTAL_EXPORTS_2021 = 219_246.9
NONOIL_BALI_EXPORTS = {"2017": 536.5, "2021": 508.4}
UNIT_INFERRED = "million USD (inferred, not stated)"

EXPENDITURE_ROWS = 22_050
EXPENDITURE_AGGREGATE_LABEL = "34 PROVINSI"  # sum of the 34 provinces (checked) → "00"
EXPENDITURE_COMPONENTS = {
    "Pengeluaran Konsumsi Rumah Tangga": "household_consumption",
    "Pengeluaran Konsumsi LNPRT": "npish_consumption",
    "Pengeluaran Konsumsi Pemerintah": "government_consumption",
    "Pembentukan Modal Tetap Bruto": "gross_fixed_capital_formation",
    "Perubahan Inventori": "change_in_inventories",
    "Net Ekspor": "net_exports",
    "PDRB": "grdp",
}
EXPENDITURE_PERIODS = {
    "Tahunan": "annual",
    "Triwulan I": "Q1",
    "Triwulan II": "Q2",
    "Triwulan III": "Q3",
    "Triwulan IV": "Q4",
}
EXPENDITURE_YEARS = range(2011, 2020)
COMPONENT_SUM_TOLERANCE = 0.05  # million IDR: six components rounded to 0.01 (largest gap 0.02)
QUARTER_SUM_TOLERANCE = 1e-4  # relative (largest gap: Aceh 2018 inventories, 2e-5)
AGGREGATE_TOLERANCE = 1e-6  # relative: "34 PROVINSI" = sum of provinces
NTT_NET_EXPORTS_2019_ADHB = -55_887_108.24  # million IDR (README: −55.9 trillion, real)

PPRK_SECTORS = {IO_BALI: 54, IO_NTT: 55}
PPRK_FINAL_DEMAND = {IO_BALI: 5, IO_NTT: 6}
PPRK_REGION = {IO_BALI: "51", IO_NTT: "53"}
PPRK_TOTAL_OUTPUT = {IO_BALI: 78_325_596, IO_NTT: 24_684_724_014}  # sum of total inputs (README)
PPRK_BALANCE_TOLERANCE = 5e-4  # relative: Bali 3e-4 (README), NTT 1.4e-6
PPRK_UNIT = {
    IO_BALI: "not stated (probably million IDR)",
    IO_NTT: "not stated (probably thousand IDR)",
}
PPRK_IMPORT_ROW = "v1"

BPS_IO = {IO_KEPRI: "21", IO_PAPUA_BARAT: "91", IO_SULSEL: "73"}
BPS_IO_INDUSTRIES = (
    "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "MN", "O", "P", "Q", "RSTU"
)  # fmt: skip
BPS_IO_ROWS = {
    "190d": "total",  # domestic intermediate input
    "2000": "import",  # imported intermediate input (abroad)
    "2001": "import",  # intermediate input from other provinces
    "1900": "total",  # total intermediate input
    "2090": "value_added",
    "2100": "total",  # total input
}
BPS_IO_COLUMNS = {
    "1800": "total",  # total intermediate demand
    "3011": "final_demand",
    "3012": "final_demand",
    "3020": "final_demand",
    "3030": "final_demand",
    "3041": "final_demand",
    "3071": "final_demand",  # exports abroad
    "3072": "final_demand",  # exports to other provinces
    "3080": "total",  # total exports
    "3090": "total",  # total final demand
    "3100": "total",  # total output
}
BPS_IO_FINAL_DEMAND = [c for c, kind in BPS_IO_COLUMNS.items() if kind == "final_demand"]
BPS_IO_RELATIVE_TOLERANCE = 1e-7  # Papua Barat total input vs output: 1.1e-8
# Papua Barat: the final-demand components of B, C and D add up to more than column 3090 (found by the
# checks; 3100 = 1800 + 3090 holds): by 87,253 (8.6 % of B's 3090), 432,093 (1.2 %) and 17 million IDR.
BPS_IO_FINAL_DEMAND_GAPS = {IO_PAPUA_BARAT: {"B", "C", "D"}}
BPS_IO_FINAL_DEMAND_GAP_MAX = 0.09

# --- non-oil trade ----------------------------------------------------------------------------------


def code_nonoil(raw: pd.DataFrame, file: str) -> pd.Series:
    """Codes from the normalised name, checked against the raw name ("B A L I", "D.I. YOGYAKARTA")."""
    total = raw["province"] == NONOIL_TOTAL_LABEL
    codes = pd.Series(regions.INDONESIA, index=raw.index)
    named = raw[~total]
    codes[~total] = regions.harmonise(named["province"], file=file, column="province")
    from_raw = regions.harmonise(named["province_raw"], file=file, column="province_raw")
    require(
        list(codes[~total]) == from_raw,
        "province and province_raw resolve to different regions",
        file=file,
        column="province_raw",
    )
    return codes


def check_nonoil(raw: pd.DataFrame, file: str) -> None:
    require(len(raw) == NONOIL_ROWS, f"expected {NONOIL_ROWS} rows, found {len(raw)}", file=file)
    require(set(raw["flow"]) == set(NONOIL_FLOWS), f"flows {sorted(set(raw['flow']))}", file=file)
    require(set(raw["unit_note"]) == {NONOIL_UNIT_NOTE}, "unit note changed", file=file, column="unit_note")
    require(raw["value"].notna().all(), "blank values", file=file, column="value")
    require(raw["region_code"].nunique() == 35, "expected 34 provinces + total", file=file)
    wide = raw.pivot_table(index=["flow", "region_code"], columns="measure", values="value")
    values = wide[[*NONOIL_ANNUAL, *NONOIL_PARTIAL]]
    totals = values.xs(regions.INDONESIA, level="region_code")
    provinces = values.drop(index=regions.INDONESIA, level="region_code").groupby(level="flow").sum()
    gap = (provinces - totals).abs().to_numpy().max()
    require(gap <= NONOIL_SUM_TOLERANCE, f"provinces differ from the total by {gap:.2f}", file=file)
    # The published change % must lie in the range the rounded (0.1) values allow; tiny bases are skipped.
    usable = (wide["2020"] >= 1) & (wide["2021"] >= 1)
    low = ((wide["2021"] - 0.05) / (wide["2020"] + 0.05) - 1) * 100 - 0.005
    high = ((wide["2021"] + 0.05) / (wide["2020"] - 0.05) - 1) * 100 + 0.005
    published = wide["change_pct_2021_vs_2020"]
    outside = usable & ((published < low) | (published > high))
    require(not outside.any(), f"published change % inconsistent for {list(wide.index[outside])}", file=file)
    flow_total = totals["2021"].reindex(wide.index.get_level_values("flow")).to_numpy()
    share_off = (wide["2021"] / flow_total * 100 - wide["share_pct_2021"]).abs()
    require(
        share_off.max() <= NONOIL_SHARE_TOLERANCE,
        f"published share % off by {share_off.max():.3f} pp",
        file=file,
    )
    exports = wide.xs("export_nonoil", level="flow")
    require_close(
        exports.at[regions.INDONESIA, "2021"],
        NONOIL_TOTAL_EXPORTS_2021,
        1e-9,
        "total exports 2021",
        file=file,
    )
    for year, expected in NONOIL_BALI_EXPORTS.items():
        require_close(exports.at["51", year], expected, 1e-9, f"Bali exports {year}", file=file)


def run_nonoil_trade(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    file = str(files.path(NONOIL))
    raw = files.read_csv(NONOIL, dtype={"measure": str})
    raw["region_code"] = code_nonoil(raw, file)
    check_nonoil(raw, file)
    annual = raw[raw["measure"].isin(NONOIL_ANNUAL)].assign(period="annual")
    annual["year"] = annual["measure"].astype(int)
    partial = raw[raw["measure"].isin(list(NONOIL_PARTIAL))].assign(period="partial_unlabelled")
    partial["year"] = partial["measure"].map(NONOIL_PARTIAL)
    rows = concat([annual, partial])
    rows = rows.assign(indicator=rows["flow"].map(NONOIL_FLOWS), unit=UNIT_INFERRED, source=NONOIL)
    columns = ["region_code", "year", "period", "indicator", "value", "unit", "source"]
    return {"nonoil_trade": with_region_columns(rows[columns])}


# --- GRDP by expenditure --------------------------------------------------------------------------------


def code_expenditure(raw: pd.DataFrame, file: str) -> pd.Series:
    aggregate = raw["province"] == EXPENDITURE_AGGREGATE_LABEL
    codes = pd.Series(regions.INDONESIA, index=raw.index)
    codes[~aggregate] = regions.harmonise(raw.loc[~aggregate, "province"], file=file, column="province")
    return codes


def check_expenditure(wide: pd.DataFrame, file: str) -> None:
    components = [c for c in EXPENDITURE_COMPONENTS.values() if c != "grdp"]
    gap = (wide[components].sum(axis=1) - wide["grdp"]).abs()
    require(
        gap.max() <= COMPONENT_SUM_TOLERANCE,
        f"components differ from GRDP by {gap.max():.3f} million IDR at {gap.idxmax()}",
        file=file,
    )
    values = wide[list(EXPENDITURE_COMPONENTS.values())]
    quarters = values[values.index.get_level_values("period") != "annual"]
    summed = quarters.groupby(level=["region_code", "year", "price_basis"]).sum()
    annual = values.xs("annual", level="period").reorder_levels(summed.index.names).loc[summed.index]
    relative = ((summed - annual).abs() / annual.abs().clip(lower=1)).to_numpy().max()
    require(relative <= QUARTER_SUM_TOLERANCE, f"quarters differ from the year by {relative:.1e}", file=file)
    codes = values.index.get_level_values("region_code")
    provinces = values[codes != regions.INDONESIA].groupby(level=["year", "period", "price_basis"]).sum()
    aggregate = values[codes == regions.INDONESIA].droplevel("region_code").loc[provinces.index]
    relative = ((provinces - aggregate).abs() / aggregate.abs().clip(lower=1)).to_numpy().max()
    require(relative <= AGGREGATE_TOLERANCE, f"'34 PROVINSI' ≠ sum of provinces ({relative:.1e})", file=file)
    ntt = wide.at[("53", 2019, "annual", "ADHB"), "net_exports"]
    require_close(ntt, NTT_NET_EXPORTS_2019_ADHB, 0.005, "NTT net exports 2019 ADHB", file=file)


def run_grdp_expenditure(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    file = str(files.path(GRDP_EXPENDITURE))
    raw = files.read_csv(GRDP_EXPENDITURE)
    require(len(raw) == EXPENDITURE_ROWS, f"expected {EXPENDITURE_ROWS} rows, found {len(raw)}", file=file)
    require(set(raw["unit"]) == {"IDR million"}, "unit changed", file=file, column="unit")
    require(set(raw["component"]) == set(EXPENDITURE_COMPONENTS), "components changed", file=file)
    require(set(raw["period"]) == set(EXPENDITURE_PERIODS), "periods changed", file=file, column="period")
    require(set(raw["year"]) == set(EXPENDITURE_YEARS), "years changed", file=file, column="year")
    require(set(raw["price_basis"]) == {"ADHB", "ADHK2010"}, "price bases changed", file=file)
    require(raw["value"].notna().all(), "blank values", file=file, column="value")
    raw["region_code"] = code_expenditure(raw, file)
    require(raw["region_code"].nunique() == 35, "expected 34 provinces + aggregate", file=file)
    raw["component"] = raw["component"].map(EXPENDITURE_COMPONENTS)
    raw["period"] = raw["period"].map(EXPENDITURE_PERIODS)
    index = ["region_code", "year", "period", "price_basis"]
    require(not raw.duplicated([*index, "component"]).any(), "duplicate cells", file=file)
    wide = raw.pivot(index=index, columns="component", values="value")
    check_expenditure(wide, file)
    table = wide.reset_index().assign(unit="million IDR", source=GRDP_EXPENDITURE)
    table.columns.name = None
    return {"grdp_expenditure": with_region_columns(table)}


# --- input–output tables --------------------------------------------------------------------------------


def _clean(label: object) -> str:
    return " ".join(str(label).split())


def _same_label(a: str, b: str) -> bool:
    """Labels compared without commas and spacing ("Jasa Hiburan ,Perorangan" = "Jasa Hiburan Perorangan")."""
    return " ".join(a.replace(",", " ").split()) == " ".join(b.replace(",", " ").split())


def read_pprk(files: UpstreamFiles, source_id: str) -> pd.DataFrame:
    """One PPRK matrix → long cells (row, column, value) with kinds; checks total input = total output."""
    file = str(files.path(source_id))
    raw = files.read_csv(source_id, dtype=str, keep_default_na=False)
    n_sectors, n_final = PPRK_SECTORS[source_id], PPRK_FINAL_DEMAND[source_id]
    sectors = [f"s{i:02d}" for i in range(1, n_sectors + 1)]
    final = [f"fd_{i}" for i in range(1, n_final + 1)]
    primary = [f"v{i}" for i in range(1, 7)]
    require(list(raw.columns) == ["row_id", "row_label", *sectors, *final], "column ids changed", file=file)
    labels_row = raw.iloc[0]
    require(labels_row["row_label"] == "col_label", "line 2 should hold the column labels", file=file, row=1)
    column_labels = {c: _clean(labels_row[c]) for c in [*sectors, *final]}
    body = raw.iloc[1:]
    require(list(body["row_id"]) == [*sectors, *primary], "row ids changed", file=file, column="row_id")
    row_labels = dict(zip(body["row_id"], body["row_label"].map(_clean), strict=True))
    for sector in sectors:
        require(
            _same_label(row_labels[sector], column_labels[sector]),
            f"row and column labels of {sector} differ",
            file=file,
            column=sector,
        )
    long = body.melt(
        id_vars=["row_id"], value_vars=[*sectors, *final], var_name="column_code", value_name="raw"
    )
    long = long[long["raw"].str.strip() != ""].copy()
    long["value"] = parse_number_strings(long["raw"], file=file, column="matrix cells")
    is_primary = long["row_id"].isin(primary)
    require(
        not (is_primary & long["column_code"].isin(final)).any(),
        "primary-input rows should be empty under final demand",
        file=file,
    )
    require(len(long) == (n_sectors + 6) * n_sectors + n_sectors * n_final, "missing matrix cells", file=file)
    check_pprk_balance(long, sectors, source_id, file)
    return pd.DataFrame(
        {
            "region_code": PPRK_REGION[source_id],
            "row_code": long["row_id"],
            "row_label": long["row_id"].map(row_labels),
            "row_kind": np.where(
                long["row_id"].isin(sectors),
                "industry",
                np.where(long["row_id"] == PPRK_IMPORT_ROW, "import", "value_added"),
            ),
            "column_code": long["column_code"],
            "column_label": long["column_code"].map(column_labels),
            "column_kind": np.where(long["column_code"].isin(sectors), "industry", "final_demand"),
            "value": long["value"],
            "unit": PPRK_UNIT[source_id],
            "source": source_id,
        }
    )


def check_pprk_balance(long: pd.DataFrame, sectors: list[str], source_id: str, file: str) -> None:
    """Total input (column sum incl. imports and value added) = total output (row sum incl. final demand)."""
    output = long[long["row_id"].isin(sectors)].groupby("row_id")["value"].sum()
    inputs = long[long["column_code"].isin(sectors)].groupby("column_code")["value"].sum()
    relative = ((output - inputs).abs() / output).max()
    require(
        relative <= PPRK_BALANCE_TOLERANCE,
        f"total input ≠ total output (relative {relative:.1e})",
        file=file,
    )
    require_close(inputs.sum(), PPRK_TOTAL_OUTPUT[source_id], 0.5, "sum of total inputs", file=file)


def run_io_tables(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    table = concat(read_pprk(files, source_id) for source_id in (IO_BALI, IO_NTT))
    return {"io_tables": with_region_columns(table)}


def read_bps_io(files: UpstreamFiles, source_id: str) -> pd.DataFrame:
    """A BPS 2016 17-industry domestic IO table (title line, label line, code line, matrix)."""
    file = str(files.path(source_id))
    with files.path(source_id).open(encoding="utf-8-sig") as handle:
        title = handle.readline().strip().strip('"')
    raw = files.read_csv(source_id, skiprows=1, header=None, dtype=str, keep_default_na=False)
    require(
        title.startswith("# Tabel Input") and "2016 (Juta Rupiah)" in title and "17 Lapangan Usaha" in title,
        f"title line changed: {title[:80]!r}",
        file=file,
        row=0,
    )
    labels, codes = raw.iloc[0], raw.iloc[1]
    require(codes.iat[0] == "row_label" and codes.iat[1] == "row_code", "code line changed", file=file, row=2)
    column_codes = list(codes.iloc[2:])
    require(column_codes == [*BPS_IO_INDUSTRIES, *BPS_IO_COLUMNS], "column codes changed", file=file, row=2)
    column_labels = dict(zip(column_codes, labels.iloc[2:].map(_clean), strict=True))
    body = raw.iloc[2:].copy()
    body.columns = ["row_label", "row_code", *column_codes]
    require(
        list(body["row_code"]) == [*BPS_IO_INDUSTRIES, *BPS_IO_ROWS],
        "row codes changed",
        file=file,
        column="row_code",
    )
    row_labels = dict(zip(body["row_code"], body["row_label"].map(_clean), strict=True))
    long = body.melt(id_vars=["row_code"], value_vars=column_codes, var_name="column_code", value_name="raw")
    long = long[long["raw"].str.strip() != ""].copy()
    long["value"] = parse_number_strings(long["raw"], file=file, column="matrix cells")
    check_bps_io(long, source_id, file)
    industries = set(BPS_IO_INDUSTRIES)
    return pd.DataFrame(
        {
            "region_code": BPS_IO[source_id],
            "year": 2016,
            "row_code": long["row_code"],
            "row_label": long["row_code"].map(row_labels),
            "row_kind": long["row_code"].map(lambda c: "industry" if c in industries else BPS_IO_ROWS[c]),
            "column_code": long["column_code"],
            "column_label": long["column_code"].map(column_labels),
            "column_kind": long["column_code"].map(
                lambda c: "industry" if c in industries else BPS_IO_COLUMNS[c]
            ),
            "value": long["value"],
            "unit": "million IDR",
            "source": source_id,
        }
    )


def check_bps_io(long: pd.DataFrame, source_id: str, file: str) -> None:
    matrix = long.pivot(index="row_code", columns="column_code", values="value")
    industries = list(BPS_IO_INDUSTRIES)
    z = matrix.loc[industries, industries]

    def require_equal(actual: pd.Series, expected: pd.Series, what: str) -> float:
        relative = ((actual - expected).abs() / expected.abs().clip(lower=1)).max()
        require(relative <= BPS_IO_RELATIVE_TOLERANCE, f"{what} (relative {relative:.1e})", file=file)
        return relative

    require_equal(z.sum(axis=1), matrix.loc[industries, "1800"], "rows of Z do not sum to 1800")
    require_equal(z.sum(axis=0), matrix.loc["190d", industries], "columns of Z do not sum to 190d")
    require_equal(
        matrix.loc["2100", industries], matrix.loc[industries, "3100"], "total input ≠ total output"
    )
    require_equal(
        matrix.loc[["1900", "2090"], industries].sum(), matrix.loc["2100", industries], "1900 + 2090 ≠ 2100"
    )
    require_equal(
        matrix.loc[industries, ["1800", "3090"]].sum(axis=1),
        matrix.loc[industries, "3100"],
        "1800 + 3090 ≠ 3100",
    )
    final_sum = matrix.loc[industries, BPS_IO_FINAL_DEMAND].sum(axis=1)
    relative = (final_sum - matrix.loc[industries, "3090"]).abs() / matrix.loc[industries, "3090"].abs().clip(
        lower=1
    )
    off = set(relative[relative > BPS_IO_RELATIVE_TOLERANCE].index)
    require(
        off == BPS_IO_FINAL_DEMAND_GAPS.get(source_id, set())
        and relative.max() <= BPS_IO_FINAL_DEMAND_GAP_MAX,
        f"final-demand components ≠ 3090 for {sorted(off)}",
        file=file,
    )


def run_io_reference(files: UpstreamFiles) -> dict[str, pd.DataFrame]:
    table = concat(read_bps_io(files, source_id) for source_id in BPS_IO)
    return {"io_reference": with_region_columns(table)}


# --- specifications -------------------------------------------------------------------------------------

BASE = (specs.REGION_CODE, specs.REGION_NAME, specs.REGION_LEVEL, specs.YEAR)

NONOIL_SPEC = specs.spec(
    "nonoil_trade",
    citation=(
        "Kemungkinan Kementerian Perdagangan, Perkembangan Ekspor/Impor Non Migas menurut provinsi, "
        "2017–2022 (penerbit tidak disebutkan dalam berkas)",
        "Probably the Ministry of Trade, non-oil-and-gas exports and imports by province, 2017–2022 "
        "(publisher not stated in the file)",
    ),
    title_id="Ekspor dan impor nonmigas menurut provinsi, 2017–2021 dan periode parsial 2021/2022",
    title_en="Non-oil-and-gas exports and imports by province, 2017–2021 and partial periods 2021/2022",
    description=(
        "Non-oil-and-gas (nonmigas) exports and imports by province of origin as recorded, annual 2017–2021, "
        "and the same part-year period of 2021 and 2022 (`period` = partial_unlabelled; the months are not "
        "stated upstream). Values are consistent with million USD; publisher (layout of the Ministry of "
        "Trade 'Perkembangan Ekspor/Impor Non Migas' tables) and unit are inferred, not stated. The source's "
        "trend, change and share percentages are not stored (they follow from the values)."
    ),
    columns=(
        *BASE,
        Column(
            "period",
            "string",
            "annual, or partial_unlabelled (a part-year period whose months the source does not state: "
            "compare only with the other partial year, never with annual values)",
            allowed=("annual", "partial_unlabelled"),
        ),
        Column(
            "indicator", "string", "nonoil_exports or nonoil_imports", allowed=tuple(NONOIL_FLOWS.values())
        ),
        specs.value("Trade value, in `unit`", minimum=0),
        specs.UNIT,
        specs.SOURCE,
    ),
    primary_key=("region_code", "year", "period", "indicator"),
    quality=(
        "amber",
        "Penerbit dan satuan disimpulkan, tidak dinyatakan; provinsi berjumlah sama dengan total.",
        "Publisher and unit inferred, not stated; the provinces add up to the total.",
    ),
    caveats=(
        (
            "Penerbit dan satuan tidak dinyatakan di berkas: tata letaknya cocok dengan tabel Kemendag dan "
            "nilainya konsisten dengan juta USD (total ekspor nonmigas 2021: 219.246,9).",
            "Publisher and unit are not stated in the file: the layout matches the Ministry of Trade tables "
            "and "
            "the values are consistent with million USD (total non-oil exports 2021: 219,246.9).",
        ),
        (
            "Periode parsial 2021 dan 2022 tidak diberi label bulan; bandingkan hanya satu sama lain, jangan "
            "dengan nilai tahunan.",
            "The 2021 and 2022 partial periods carry no month labels; compare them only with each other, "
            "never "
            "with annual values.",
        ),
        (
            "Menurut provinsi asal sebagaimana tercatat: banyak ekspor Bali keluar melalui pelabuhan Jawa "
            "Timur (62% ekspor Bali lewat pelabuhan di luar Bali, 46% lewat Jawa Timur, November 2022).",
            "By province of origin as recorded: many Bali exports leave through East Java ports (62% of "
            "Bali's "
            "exports through ports outside Bali, 46% through East Java, November 2022).",
        ),
        (
            "'Indonesia' (00) adalah baris 'TOTAL NON MIGAS' sumber; provinsi berjumlah sama dengannya "
            "(selisih pembulatan ≤ 0,5).",
            "'Indonesia' (00) is the source's 'TOTAL NON MIGAS' row; the provinces add up to it (rounding "
            "gaps ≤ 0.5).",
        ),
        (
            "34 provinsi: kode 91 dan 94 mencakup wilayah Papua sebelum pemekaran.",
            "34 provinces: codes 91 and 94 cover the Papua territories before the split.",
        ),
    ),
    vintage="Tables 'Periode 2017 - 2022' (Indo_Comodity_Map, 2024-11-11)",
)

EXPENDITURE_SPEC = specs.spec(
    "grdp_expenditure",
    citation=(
        "BPS, PDRB menurut pengeluaran, 2011–2019 (diunduh Mei 2021)",
        "BPS, GRDP by expenditure, 2011–2019 (downloaded May 2021)",
    ),
    title_id="PDRB menurut pengeluaran, tahunan dan triwulanan, 2011–2019",
    title_en="GRDP by expenditure, annual and quarterly, 2011–2019",
    description=(
        "BPS GRDP by expenditure (PDRB menurut pengeluaran) of 34 provinces and their aggregate, 2011–2019, "
        "annual and quarterly (Q1–Q4), at current (ADHB) and constant 2010 prices (ADHK2010), in million IDR "
        "(not billion as in `grdp`). One row per region, year, period and price basis; the components add up "
        "to `grdp`. Exports and imports exist only as net exports (abroad plus other provinces)."
    ),
    columns=(
        *BASE,
        Column("period", "string", "annual or quarter Q1–Q4", allowed=tuple(EXPENDITURE_PERIODS.values())),
        specs.PRICE_BASIS,
        Column(
            "household_consumption", "float", "Household consumption expenditure", "million IDR", minimum=0
        ),
        Column(
            "npish_consumption",
            "float",
            "Consumption of non-profit institutions (LNPRT)",
            "million IDR",
            minimum=0,
        ),
        Column(
            "government_consumption", "float", "Government consumption expenditure", "million IDR", minimum=0
        ),
        Column(
            "gross_fixed_capital_formation",
            "float",
            "Gross fixed capital formation (PMTB)",
            "million IDR",
            minimum=0,
        ),
        Column("change_in_inventories", "float", "Change in inventories (may be negative)", "million IDR"),
        Column(
            "net_exports",
            "float",
            "Exports minus imports of goods and services, abroad and to/from other provinces (may be "
            "negative)",
            "million IDR",
        ),
        Column("grdp", "float", "GRDP (PDRB) = sum of the components", "million IDR", minimum=0),
        specs.UNIT,
        specs.SOURCE,
    ),
    primary_key=("region_code", "year", "period", "price_basis"),
    quality=(
        "green",
        "Tabel resmi BPS; komponen = PDRB, triwulan = tahunan, agregat = jumlah provinsi (dicek).",
        "Official BPS tables; components = GRDP, quarters = year, aggregate = sum of provinces (checked).",
    ),
    caveats=(
        (
            "'Indonesia' (00) adalah agregat '34 PROVINSI' (jumlah 34 provinsi), bukan PDB nasional menurut "
            "pengeluaran.",
            "'Indonesia' (00) is the '34 PROVINSI' aggregate (the sum of the 34 provinces), not national GDP "
            "by "
            "expenditure.",
        ),
        (
            "Ekspor dan impor hanya tersedia sebagai ekspor neto (luar negeri dan antarprovinsi). Ekspor "
            "neto "
            "NTT sangat negatif (−55,9 triliun rupiah ADHB 2019): ini nyata, bukan kesalahan.",
            "Exports and imports exist only as net exports (abroad and inter-provincial). NTT's net exports "
            "are "
            "strongly negative (−55.9 trillion IDR ADHB in 2019): this is real, not an error.",
        ),
        (
            "Satuan juta rupiah (tabel PDRB memakai miliar). Status revisi tidak dinyatakan; diunduh 6 Mei "
            "2021, saat 2019 kemungkinan masih angka sementara.",
            "Unit million IDR (the GRDP table uses billion). Revision status not stated; downloaded 6 May "
            "2021, when 2019 was probably still preliminary.",
        ),
        (
            "34 provinsi: kode 91 dan 94 mencakup wilayah Papua sebelum pemekaran.",
            "34 provinces: codes 91 and 94 cover the Papua territories before the split.",
        ),
    ),
    vintage="BPS tables 171/533 (ADHK) and 171/534 (ADHB), downloaded 6 May 2021",
)

IO_COLUMNS = (
    specs.REGION_CODE,
    specs.REGION_NAME,
    specs.REGION_LEVEL,
    Column("row_code", "string", "Code of the row (supplying sector, import or value-added item, or total)"),
    Column("row_label", "string", "Label of the row as in the source"),
    Column(
        "row_kind",
        "string",
        "industry (intermediate use), import, value_added or total",
        allowed=("industry", "import", "value_added", "total"),
    ),
    Column("column_code", "string", "Code of the column (using sector, final-demand category, or total)"),
    Column("column_label", "string", "Label of the column as in the source"),
    Column(
        "column_kind",
        "string",
        "industry (intermediate use), final_demand or total",
        allowed=("industry", "final_demand", "total"),
    ),
    specs.value("Transaction value, in `unit` (change in inventories may be negative)"),
    specs.UNIT,
    specs.SOURCE,
)

IO_TABLES_SPEC = specs.spec(
    "io_tables",
    citation=(
        "Kemungkinan BPS Bali dan BPS NTT, tabel input-output (tahun tidak disebutkan; dari aplikasi PPRK "
        "Bappenas)",
        "Probably BPS Bali and BPS NTT, input–output tables (year not stated; from Bappenas's PPRK "
        "application)",
    ),
    title_id="Tabel input–output Bali (54 sektor) dan NTT (55 sektor), tahun tidak diketahui",
    title_en="Input–output tables of Bali (54 sectors) and NTT (55 sectors), year unknown",
    description=(
        "Provincial input–output tables shipped in the Bappenas low-carbon planning (PPRK) app, probably BPS "
        "provincial tables, in tidy long form: one row per cell (row sector or primary input × column sector "
        "or "
        "final demand). Rows s01… are supplying sectors, v1 imports, v2–v6 wages, operating surplus, "
        "depreciation, indirect taxes and subsidies; columns s01… are using sectors, fd_… final demand "
        "(household, government, GFCF, inventories, exports; NTT splits exports abroad and to other "
        "provinces). "
        "Total output of a sector = its row sum; total input = its column sum (equal, checked). No table for "
        "NTB."
    ),
    columns=IO_COLUMNS,
    primary_key=("region_code", "row_code", "column_code"),
    quality=(
        "red",
        "Tahun dan satuan tidak dinyatakan (kemungkinan tabel 2000-an), tanpa lisensi: hanya penunjuk "
        "struktur "
        "antarsektor, jangan untuk nilai absolut.",
        "Year and unit not stated (probably a 2000s table), no licence: a pointer to inter-sector structure "
        "only, never for levels.",
    ),
    caveats=(
        (
            "Tahun tabel tidak dinyatakan (kemungkinan 2000-an): strukturnya bisa berumur dua dekade.",
            "The year of the tables is not stated (probably the 2000s): the structure may be two decades "
            "old.",
        ),
        (
            "Satuan tidak dinyatakan: total Bali 78.325.596 menunjukkan juta rupiah, total NTT "
            "24.684.724.014 "
            "ribu rupiah (dugaan). Jangan bandingkan nilai kedua tabel atau dengan seri bertahun; koefisien "
            "(bagian, pengganda) tidak bergantung satuan.",
            "Unit not stated: Bali's total 78,325,596 suggests million IDR, NTT's 24,684,724,014 thousand "
            "IDR "
            "(inferences). Never compare levels across the two tables or with dated series; coefficients "
            "(shares, multipliers) do not depend on the unit.",
        ),
        (
            "Impor muncul sebagai baris input primer (v1), bukan kolom permintaan akhir; total input = total "
            "output per sektor (Bali selisih relatif maks. 3e-4).",
            "Imports appear as a primary-input row (v1), not a final-demand column; total input = total "
            "output "
            "per sector (Bali max relative gap 3e-4).",
        ),
        (
            "Tabel NTB dari aplikasi yang sama rusak dan tidak dimuat; tidak ada tabel IO BPS 2016 untuk "
            "Bali, NTB atau NTT (kesenjangan data).",
            "The NTB table of the same app is corrupt and not included; no BPS 2016 IO tables exist in the "
            "sources "
            "for "
            "Bali, NTB or NTT (a data gap).",
        ),
    ),
    vintage="Year not stated; files last changed in the PPRK app in 2019",
)

IO_REFERENCE_SPEC = specs.spec(
    "io_reference",
    citation=(
        "BPS, Tabel Input-Output provinsi 2016 (17 lapangan usaha)",
        "BPS, provincial input–output tables 2016 (17 industries)",
    ),
    title_id="Tabel input–output BPS 2016 (17 lapangan usaha) Kepulauan Riau, Papua Barat, Sulawesi Selatan "
    "— rujukan, bukan provinsi KR BNN",
    title_en="BPS 2016 input–output tables (17 industries) of Kepulauan Riau, Papua Barat, Sulawesi Selatan "
    "— reference, not KR BNN provinces",
    description=(
        "REFERENCE ONLY: BPS 2016 provincial input–output tables (derived from IRIO 2016), domestic "
        "transactions "
        "at producer prices, 17 industries, million IDR, of three provinces outside KR BNN, in tidy long "
        "form. "
        "Kept as official, dated examples of the BPS layout and as test material for IO methods; they say "
        "nothing about Bali, NTB or NTT. Rows: industries A…RSTU, 190d domestic intermediate input, 2000 "
        "imported (abroad) and 2001 inter-provincial intermediate input, 1900 total intermediate input, 2090 "
        "GVA, 2100 total input. Columns: industries, 1800 intermediate demand, 3011 households, 3012 NPISH, "
        "3020 government, 3030 GFCF, 3041 inventories, 3071 exports abroad, 3072 exports to other provinces, "
        "3080 total exports, 3090 total final demand, 3100 total output."
    ),
    columns=(*IO_COLUMNS[:3], specs.YEAR, *IO_COLUMNS[3:]),
    primary_key=("region_code", "row_code", "column_code"),
    quality=(
        "green",
        "Tabel resmi BPS 2016 (dari IRIO 2016), dicek: baris Z = 1800, total input = total output.",
        "Official BPS 2016 tables (from IRIO 2016), checked: rows of Z = 1800, total input = total output.",
    ),
    caveats=(
        (
            "Bukan provinsi KR BNN: hanya rujukan tata letak dan bahan uji metode, jangan dipakai sebagai "
            "pengganti tabel Bali, NTB atau NTT.",
            "Not KR BNN provinces: a layout reference and test material for methods only, never a stand-in "
            "for "
            "Bali, NTB or NTT.",
        ),
        (
            "Papua Barat: komponen permintaan akhir B, C dan D berjumlah lebih besar dari kolom 3090 "
            "(selisih "
            "87.253 juta rupiah = 8,6% untuk B, 432.093 juta = 1,2% untuk C, 17 juta untuk D); 3100 = 1800 + "
            "3090 tetap berlaku.",
            "Papua Barat: the final-demand components of B, C and D add up to more than column 3090 (by "
            "87,253 "
            "million IDR = 8.6% for B, 432,093 million = 1.2% for C, 17 million for D); 3100 = 1800 + 3090 "
            "holds.",
        ),
        (
            "Label kolom 3090 di sumber 'Total Konsumsi Akhir' adalah total permintaan akhir (termasuk "
            "ekspor).",
            "Column 3090, labelled 'Total Konsumsi Akhir' in the source, is total final demand (exports "
            "included).",
        ),
    ),
    vintage="BPS 2016 provincial IO tables (17 industries), via fawdywahyu18/regional-analysis",
)

STEPS = (
    step("nonoil_trade", (NONOIL,), (NONOIL_SPEC,), run_nonoil_trade),
    step("grdp_expenditure", (GRDP_EXPENDITURE,), (EXPENDITURE_SPEC,), run_grdp_expenditure),
    step("io_tables", (IO_BALI, IO_NTT), (IO_TABLES_SPEC,), run_io_tables),
    step("io_reference", tuple(BPS_IO), (IO_REFERENCE_SPEC,), run_io_reference),
)
