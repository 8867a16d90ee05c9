"""Briefing 05, trade and supply chains: how open are the three economies, who runs a deficit with the
rest of Indonesia, and which of their productions complement each other enough to build regional
supply chains?

Tables: ``grdp_expenditure`` (net exports, 2011–2019, current prices), ``nonoil_trade`` (non-oil
exports and imports, 2017–2021 and a part-year 2021/2022), ``grdp_by_industry`` (17 industries,
fewer in years the export lacks one; constant 2010 prices), the production tables ``paddy``, ``maize``,
``livestock_meat``, ``fisheries`` and ``estate_crops`` with ``population`` (census) for the production
table of the latest year they share, and ``io_tables`` (Bali, NTT; year unknown) with ``io_reference``
(BPS 2016, three provinces outside the region) for the input–output linkages.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from krbnn_analysis import load, tables
from krbnn_analysis.briefings.common import missing_industries
from krbnn_analysis.indicators import (
    balassa_rca,
    io_linkages,
    production_surplus,
    specialisation_complementarity,
    trade_complementarity_index,
)

FOCUS = list(tables.FOCUS)
WITH_INDONESIA = list(tables.FOCUS_AND_INDONESIA)
PRICES = "ADHB"  # net exports as a share of GRDP: both at current prices
NONOIL_PARTIAL = "partial_unlabelled"  # the part-year period of 2021 and 2022 (months not stated)
# The production table: (curated table, indicator, product code, tonnes per unit of the table). The
# products are those every producing province reports in the shared year; the other estate crops
# (oil palm, rubber, sugarcane, tea, tobacco) are blank for many provinces, where BPS's '-' cannot be
# told apart from 'not available', so they would break the complete grid the indices need.
PRODUCTS = (
    ("paddy", "production", "rice_paddy", 1.0),
    ("maize", "production", "maize", 1.0),
    ("livestock_meat", "beef_production", "beef", 1.0),
    ("livestock_meat", "broiler_meat_production", "broiler_meat", 1.0),
    ("fisheries", "capture_total", "capture_fish", 1.0),
    ("fisheries", "aquaculture_total", "aquaculture", 1.0),
    ("estate_crops", "coffee", "coffee", 1000.0),
    ("estate_crops", "cocoa", "cocoa", 1000.0),
    ("estate_crops", "coconut", "coconut", 1000.0),
)
PRODUCTION_TABLES = tuple(dict.fromkeys(name for name, *_ in PRODUCTS))  # the tables PRODUCTS come from
# A change of net exports by more than this many points of GRDP in one year is a swing the table does
# not explain (a mine stopping, a revision): listed, shown as published, and no finding drawn from it.
SWING_POINTS = 10.0
OVERLAP_PRODUCTS = 3  # products named for the most complementary pair
KEY_SECTORS_SHOWN = 5  # key sectors listed per input–output table, strongest backward linkage first

# Columns of the product table and their translation keys (the notebook shows them in this order).
PRODUCT_TABLE_COLUMNS = {
    "product_code": "col_tr_product",
    **{f"self_sufficiency_{code}": f"col_tr_ss_{code}" for code in FOCUS},
    **{f"rca_{code}": f"col_tr_rca_{code}" for code in FOCUS},
}

HEADLINE_DECIMALS = {
    "row_tr_net_exports_first": 1,
    "row_tr_net_exports_last": 1,
    "row_tr_exports_last": 1,
    "row_tr_imports_last": 1,
    "row_tr_exports_growth": 1,
    "row_tr_imports_growth": 1,
    "row_tr_exports_share": 2,
}


@dataclass(frozen=True)
class TradeResult:
    """Every number briefing 05 states and every frame it draws (regions by BPS code)."""

    expenditure_years: tuple[int, int]  # first and last year of GRDP by expenditure
    net_exports_share: pd.DataFrame  # net exports / GRDP, %, current prices: region_code, year, value
    net_exports_change: pd.Series  # last − first expenditure year, percentage points, by region (+ 00)
    net_exports_swings: pd.DataFrame  # region_code, year, change (points) with |change| > SWING_POINTS
    ntt_net_exports_last: float  # NTT's net exports, trillion IDR current prices, last expenditure year
    deficit_regions_last: tuple[str, ...]  # focus regions with net exports < 0 in the last year
    nonoil_years: tuple[int, int]  # first and last full year of non-oil trade
    nonoil_partial_years: tuple[int, int]  # the two years of the part-year period
    exports_annual: pd.DataFrame  # non-oil exports, million USD, focus regions: region_code, year, value
    exports_last: pd.Series  # non-oil exports, million USD, last full year, by region (+ 00)
    imports_last: pd.Series  # non-oil imports, million USD, last full year, by region (+ 00)
    imports_growth: pd.Series  # change of imports first → last full year, percent, by region (+ 00)
    exports_growth: pd.Series  # change of exports first → last full year, percent, by region (+ 00)
    exports_share_of_indonesia: pd.Series  # percent of Indonesia's non-oil exports, last full year
    region_exports_share: float  # the three provinces together, percent of Indonesia, last full year
    partial_exports_change: pd.Series  # part-year exports, later / earlier year − 1, percent
    production_year: int  # the latest year every production table reports
    population_year: int  # census year used for the population shares (≤ production_year)
    production: pd.DataFrame  # region × product, tonnes: region_code, product_code, value
    production_regions: int  # provinces with every product in production_year
    production_dropped: tuple[str, ...]  # provinces left out for a missing product
    rca: pd.DataFrame  # production RCA by weight (tonnes), product × focus region, production_year
    self_sufficiency: pd.DataFrame  # production per head / the provinces' average, product × region
    product_table: pd.DataFrame  # product_code, self_sufficiency_<code>, rca_<code> per focus region
    production_complementarity: pd.DataFrame  # index 0–100, supplier (rows) × buyer (columns)
    best_pair: tuple[str, str, float]  # supplier, buyer, index of the most complementary ordered pair
    best_pair_products: tuple[str, ...]  # products of the largest overlap of its surplus and shortfall
    industry_year: int  # last year of GRDP by industry
    industry_missing: tuple[str, ...]  # industries without a value in industry_year (compared without them)
    industry_count: int  # industries compared in industry_year
    industry_complementarity: pd.DataFrame  # region_a, region_b, krugman, similarity, complementarity
    industry_pair_most: tuple[str, str, float]  # the pair with the most different structures (0–1)
    industry_pair_least: tuple[str, str, float]  # the pair with the most alike structures (0–1)
    io_linkages: pd.DataFrame  # region_code, sector, label, backward/forward (index), key_sector
    io_key_sectors: pd.DataFrame  # KEY_SECTORS_SHOWN key sectors per table, strongest backward first
    io_top_key_sector: dict[str, tuple[str, float]]  # region → (sector_key, backward index), strongest
    io_zero_output: dict[str, int]  # sectors without output left out, by region
    io_reference_regions: tuple[str, ...]  # provinces of the dated BPS 2016 tables (not in the region)
    headline: pd.DataFrame  # headline table: row key × region code
    headline_years: dict[str, int]  # years named in the headline row labels


def _years(frame: pd.DataFrame) -> tuple[int, int]:
    return int(frame["year"].min()), int(frame["year"].max())


def net_exports_share(expenditure: pd.DataFrame) -> pd.DataFrame:
    """Net exports (abroad plus other provinces) as percent of GRDP, current prices, tidy by region."""
    annual = tables.select(expenditure, period="annual", price_basis=PRICES, region_code=WITH_INDONESIA)
    share = annual.assign(value=annual["net_exports"] / annual["grdp"] * 100)
    return share[["region_code", "year", "value"]].sort_values(["region_code", "year"]).reset_index(drop=True)


def _production_rows(frame: pd.DataFrame, indicator: str, year: int) -> pd.DataFrame:
    rows = tables.select(frame, region_level="province", indicator=indicator, year=year)
    if "month" in rows.columns:
        rows = rows[rows["month"].isna()]  # annual totals only
    return rows.dropna(subset=["value"])


def production_year(frames: dict[str, pd.DataFrame]) -> int:
    """The latest year that every table of PRODUCTS reports for its indicator."""
    years = [
        set(tables.select(frames[name], indicator=indicator).dropna(subset=["value"])["year"])
        for name, indicator, _, _ in PRODUCTS
    ]
    return int(max(set.intersection(*years)))


def commodity_production(frames: dict[str, pd.DataFrame], year: int) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """The region × product table of one year: tonnes by province and product (a complete grid).

    Provinces lacking a product are left out and returned (DKI Jakarta has no maize value).
    """
    parts = [
        _production_rows(frames[name], indicator, year).assign(
            product_code=code, value=lambda f, s=scale: f["value"] * s
        )
        for name, indicator, code, scale in PRODUCTS
    ]
    long = pd.concat(parts, ignore_index=True)[["region_code", "product_code", "value"]]
    counts = long.groupby("region_code")["product_code"].nunique()
    dropped = tuple(sorted(counts.index[counts < len(PRODUCTS)]))
    complete = long[~long["region_code"].isin(dropped)]
    return complete.sort_values(["region_code", "product_code"]).reset_index(drop=True), dropped


def _census(population: pd.DataFrame, year: int) -> tuple[pd.Series, int]:
    census = tables.select(population, region_level="province", method="census")
    census_year = int(census.loc[census["year"] <= year, "year"].max())
    return tables.select(census, year=census_year).set_index("region_code")["value"], census_year


def _complementarity_matrix(surplus: pd.DataFrame) -> pd.DataFrame:
    focus = surplus[surplus["region_code"].isin(FOCUS)]
    tci = trade_complementarity_index(
        focus.rename(columns={"surplus": "value"})[["region_code", "product_code", "value"]],
        focus.rename(columns={"shortfall": "value"})[["region_code", "product_code", "value"]],
    )
    return tci.pivot(index="exporter", columns="importer", values="tci").reindex(index=FOCUS, columns=FOCUS)


def swings(net: pd.DataFrame) -> pd.DataFrame:
    """Year-on-year changes of net exports (points of GRDP) larger than SWING_POINTS, by region."""
    change = net.diff().stack().rename("change").reset_index()
    change.columns = ["year", "region_code", "change"]
    return change[change["change"].abs() > SWING_POINTS].reset_index(drop=True)


def overlap_products(surplus: pd.DataFrame, supplier: str, buyer: str) -> tuple[str, ...]:
    """The products where the supplier's surplus basket and the buyer's shortfall basket overlap most
    (``min`` of the two shares: the terms of the Michaely index's overlap)."""
    rows = surplus.set_index(["region_code", "product_code"])
    supply = rows.loc[supplier, "surplus"] / rows.loc[supplier, "surplus"].sum()
    need = rows.loc[buyer, "shortfall"] / rows.loc[buyer, "shortfall"].sum()
    overlap = pd.concat([supply, need], axis=1).min(axis=1)
    overlap = overlap[overlap > 0].sort_values(ascending=False, kind="stable")
    return tuple(overlap.index[:OVERLAP_PRODUCTS])


def _pair(structure: pd.DataFrame, *, largest: bool) -> tuple[str, str, float]:
    ordered = structure.sort_values("complementarity", ascending=not largest, kind="stable")
    row = ordered.iloc[0]
    return str(row["region_a"]), str(row["region_b"]), float(row["complementarity"])


def pprk_linkages(io: pd.DataFrame, region: str) -> tuple[pd.DataFrame, int]:
    """Linkages of one PPRK table: output = the sector's row sum; sectors without output left out."""
    table = tables.select(io, region_code=region)
    sectors = table[table["row_kind"] == "industry"]
    output = sectors.groupby("row_code", sort=False)["value"].sum()
    kept = output[output > 0]
    flows = sectors[(sectors["column_kind"] == "industry")]
    flows = flows[flows["row_code"].isin(kept.index) & flows["column_code"].isin(kept.index)]
    links = io_linkages(flows, kept)
    labels = sectors.drop_duplicates("row_code").set_index("row_code")["row_label"]
    links = links.assign(region_code=region, label=labels.reindex(links.index)).rename_axis("sector")
    return links.reset_index(), int((output <= 0).sum())


def _key_sectors(linkages: pd.DataFrame) -> pd.DataFrame:
    """The strongest key sectors per table; ``sector_key`` names the sector across tables (51_s13)."""
    key = linkages[linkages["key_sector"]].sort_values(
        ["region_code", "backward_index"], ascending=[True, False]
    )
    shown = key.groupby("region_code").head(KEY_SECTORS_SHOWN).reset_index(drop=True)
    return shown.assign(sector_key=shown["region_code"] + "_" + shown["sector"])


def _product_table(self_sufficiency: pd.DataFrame, rca: pd.DataFrame) -> pd.DataFrame:
    """One row per product: self-sufficiency and production RCA of each focus region, side by side."""
    return pd.concat(
        [self_sufficiency.add_prefix("self_sufficiency_"), rca.add_prefix("rca_")], axis=1
    ).reset_index()


def _nonoil(nonoil: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    kept = tables.select(nonoil, region_code=WITH_INDONESIA)
    return tables.select(kept, period="annual"), tables.select(kept, period=NONOIL_PARTIAL)


def compute() -> TradeResult:
    """Load the tables and compute every figure of briefing 05."""
    expenditure = load("grdp_expenditure")
    nonoil = load("nonoil_trade")
    industry = load("grdp_by_industry")
    population = load("population")
    frames = {name: load(name) for name in PRODUCTION_TABLES}
    io, io_reference = load("io_tables"), load("io_reference")

    net_tidy = net_exports_share(expenditure)
    net = net_tidy.pipe(tables.wide, columns="region_code", order=WITH_INDONESIA)
    exp_last = int(net.index.max())
    ntt_net = tables.select(expenditure, period="annual", price_basis=PRICES, region_code="53", year=exp_last)

    annual, partial = _nonoil(nonoil)
    first, last = _years(annual)
    flows = {
        name: tables.select(annual, indicator=name).pipe(tables.wide, columns="region_code")
        for name in ("nonoil_exports", "nonoil_imports")
    }
    exports, imports = flows["nonoil_exports"], flows["nonoil_imports"]
    partial_exports = tables.select(partial, indicator="nonoil_exports").pipe(
        tables.wide, columns="region_code"
    )
    p0, p1 = int(partial_exports.index.min()), int(partial_exports.index.max())

    year = production_year(frames)
    production, dropped = commodity_production(frames, year)
    people, census_year = _census(population, year)
    people = people[people.index.isin(production["region_code"])]
    surplus = production_surplus(production, people)
    matrix = _complementarity_matrix(surplus)
    best = matrix.stack().idxmax()
    rca = balassa_rca(production)

    provinces = tables.select(industry, region_level="province", price_basis="ADHK2010")
    industry_last = int(provinces["year"].max())
    structure = specialisation_complementarity(tables.select(provinces, year=industry_last))
    missing, missing_years = missing_industries(provinces)

    rca_wide = tables.select(rca, region_code=FOCUS).pipe(
        tables.wide, index="product_code", columns="region_code", values="rca"
    )
    sufficiency = tables.select(surplus, region_code=FOCUS).pipe(
        tables.wide, index="product_code", columns="region_code", values="self_sufficiency"
    )

    linked = [pprk_linkages(io, region) for region in sorted(io["region_code"].unique())]
    linkages = pd.concat([links for links, _ in linked], ignore_index=True)
    key_sectors = _key_sectors(linkages)

    headline = pd.DataFrame(
        {
            "row_tr_net_exports_first": net.loc[net.index.min()],
            "row_tr_net_exports_last": net.loc[exp_last],
            "row_tr_exports_last": exports.loc[last],
            "row_tr_imports_last": imports.loc[last],
            "row_tr_exports_growth": (exports.loc[last] / exports.loc[first] - 1) * 100,
            "row_tr_imports_growth": (imports.loc[last] / imports.loc[first] - 1) * 100,
            "row_tr_exports_share": exports.loc[last] / exports.loc[last, "00"] * 100,
        }
    ).T.reindex(columns=WITH_INDONESIA)
    return TradeResult(
        expenditure_years=(int(net.index.min()), exp_last),
        net_exports_share=net_tidy,
        net_exports_change=net.loc[exp_last] - net.loc[net.index.min()],
        net_exports_swings=swings(net),
        ntt_net_exports_last=float(ntt_net["net_exports"].iloc[0]) / 1e6,
        deficit_regions_last=tuple(code for code in FOCUS if net.loc[exp_last, code] < 0),
        nonoil_years=(first, last),
        nonoil_partial_years=(p0, p1),
        exports_annual=tables.select(annual, indicator="nonoil_exports", region_code=FOCUS)[
            ["region_code", "year", "value"]
        ].reset_index(drop=True),
        exports_last=exports.loc[last],
        imports_last=imports.loc[last],
        imports_growth=(imports.loc[last] / imports.loc[first] - 1) * 100,
        exports_growth=(exports.loc[last] / exports.loc[first] - 1) * 100,
        exports_share_of_indonesia=exports.loc[last] / exports.loc[last, "00"] * 100,
        region_exports_share=float(exports.loc[last, FOCUS].sum() / exports.loc[last, "00"] * 100),
        partial_exports_change=(partial_exports.loc[p1] / partial_exports.loc[p0] - 1) * 100,
        production_year=year,
        population_year=census_year,
        production=production,
        production_regions=production["region_code"].nunique(),
        production_dropped=dropped,
        rca=rca_wide,
        self_sufficiency=sufficiency,
        product_table=_product_table(sufficiency, rca_wide),
        production_complementarity=matrix,
        best_pair=(str(best[0]), str(best[1]), float(matrix.loc[best])),
        best_pair_products=overlap_products(surplus, str(best[0]), str(best[1])),
        industry_year=industry_last,
        industry_missing=missing if industry_last in missing_years else (),
        industry_count=int(tables.select(provinces, year=industry_last)["industry_code"].nunique()),
        industry_complementarity=structure,
        industry_pair_most=_pair(structure, largest=True),
        industry_pair_least=_pair(structure, largest=False),
        io_linkages=linkages,
        io_key_sectors=key_sectors,
        io_top_key_sector={
            str(region): (str(rows["sector_key"].iloc[0]), float(rows["backward_index"].iloc[0]))
            for region, rows in key_sectors.groupby("region_code")
        },
        io_zero_output={links["region_code"].iloc[0]: zero for links, zero in linked},
        io_reference_regions=tuple(sorted(io_reference["region_code"].unique())),
        headline=headline,
        headline_years={
            "first": int(net.index.min()),
            "exp_last": exp_last,
            "last": last,
            "first_trade": first,
        },
    )
