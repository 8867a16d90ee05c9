"""Briefing 04, agriculture in the broad sense: what does each province produce more of than the others
and than Indonesia, and can NTB and NTT supply what Bali, its residents and its tourism economy eat?

Tables: ``grdp_by_industry`` (industry A, agriculture, forestry and fisheries, provinces and kab/kota,
constant 2010 prices), ``paddy``, ``maize``, ``livestock_meat``, ``fisheries``, ``estate_crops``
(production by province), ``population`` (censuses and projections), ``food_security_index``
(Bapanas IKP), ``rice_margin`` (BPS trade and transport margin of rice) and the boundaries. Years come
from the tables: each commodity is compared in the latest year with a national total, the supply–demand
sketch in the latest year with both production and population, and in the last year before the pandemic.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from krbnn_analysis import load, tables
from krbnn_analysis.briefings.common import LAST_PRE_PANDEMIC, missing_industries
from krbnn_analysis.indicators import (
    cagr,
    location_quotient,
    per_capita,
    production_location_quotient,
    shares,
    yoy_growth,
)

FOCUS = list(tables.FOCUS)
WITH_INDONESIA = list(tables.FOCUS_AND_INDONESIA)
INDONESIA = "00"
AGRICULTURE = "A"  # BPS category A: agriculture, forestry and fisheries
TREND_YEARS = 10  # commodity trends cover at most the last ten years of each series
# A change beyond threefold in one year is a break in the series (a new method or a copy error), not a
# harvest: the trend starts after it and no finding is drawn across it.
JUMP_FACTOR = 3.0
# Commodities shown: key → (table, indicator). Estate crops that the three provinces do not grow (oil
# palm, rubber, tea) are left out; cashew, a main NTT crop, is not in any curated table (a data gap).
COMMODITIES: dict[str, tuple[str, str]] = {
    "paddy": ("paddy", "production"),
    "maize": ("maize", "production"),
    "beef": ("livestock_meat", "beef_production"),
    "broiler": ("livestock_meat", "broiler_meat_production"),
    "capture": ("fisheries", "capture_total"),
    "aquaculture": ("fisheries", "aquaculture_total"),
    "coffee": ("estate_crops", "coffee"),
    "cocoa": ("estate_crops", "cocoa"),
    "coconut": ("estate_crops", "coconut"),
    "tobacco": ("estate_crops", "tobacco"),
    "sugarcane": ("estate_crops", "sugarcane"),
}
PRODUCTION_TABLES = tuple(dict.fromkeys(table for table, _ in COMMODITIES.values()))  # tables of COMMODITIES
# The maize table has no Indonesia row: the provinces are summed, only in years when every province has
# a row (its missing values are the source's zeros, e.g. DKI Jakarta); later years lack Papua.
SUMMED_NATIONAL = ("maize",)

# The supply–demand sketch: every number below is cited and stated in the briefing.
# BPS, "Konsumsi Bahan Pokok 2019" (catalogue 3201036), table 3.1: rice consumption in 2019,
# households (Susenas March 2019, 77.50 kg) plus outside households (industry, hotels, restaurants,
# services, 26.24 kg) = 103.74 kg per person per year.
RICE_NORM_KG = 103.74
# BPS, "Konversi Gabah ke Beras 2018" (SKGB, catalogue 5202015): 64.02 % of dry milled paddy (GKG) weight
# becomes rice. Paddy production is in GKG.
RICE_PER_PADDY = 0.6402
# BPS, "Peternakan dalam Angka 2023": consumption of beef and buffalo meat in 2022, 695,390 t for 274.86
# million people (as reported by Beritasatu, 2023): 2.53 kg per person per year.
BEEF_CONSUMPTION_2022_T, POPULATION_2022 = 695_390, 274.86e6
BEEF_NORM_KG = round(BEEF_CONSUMPTION_2022_T / POPULATION_2022 * 1000, 2)
BALANCE_FOODS = {"rice": "paddy", "beef": "beef"}  # food → commodity it is made from

HEADLINE_DECIMALS = {
    "row_a_share": 1,
    "row_a_trend": 2,
    "row_a_lq": 2,
    "row_paddy_share": 2,
    "row_rice_per_capita": 0,
    "row_beef_per_capita": 2,
    "row_ikp": 2,
    "row_ikp_rank": 0,
    "row_rice_margin": 2,
}


@dataclass(frozen=True)
class AgricultureResult:
    """Every number briefing 04 states and every frame it draws (regions by BPS code)."""

    industry_years: tuple[int, int]  # first and last year of GRDP by industry
    industry_missing: tuple[str, ...]  # industries without a value in some years (the totals lack them)
    industry_missing_years: tuple[int, ...]  # the years those industries lack
    a_share: pd.DataFrame  # share of industry A in value added (fraction), year × region (00: all provinces)
    a_growth: pd.DataFrame  # real growth of industry A value added, percent, year × region
    a_trend: pd.Series  # CAGR of industry A value added, percent a year, industry_years, focus + 00
    a_lq: pd.DataFrame  # LQ of industry A against all provinces, year × focus region
    a_share_long: pd.DataFrame  # region_code, year, value: share of industry A, percent (for charts)
    a_growth_long: pd.DataFrame  # region_code, year, value: real growth of industry A, percent
    map_year: int  # last year of the kab/kota panel
    kabkota: (
        pd.DataFrame
    )  # kab/kota: region_code, share (fraction), share_pct, lq, trend (% a year), map_year
    kabkota_trend_years: tuple[int, int]  # common span of the kab/kota trend (every kab/kota, after breaks)
    kabkota_late: tuple[str, ...]  # kab/kota whose series starts after the first year of the panel
    kabkota_broken: tuple[str, ...]  # kab/kota whose boundaries changed (boundary_break), the trend follows
    kabkota_named: tuple[
        str, str
    ]  # kab/kota with the highest and the lowest share of A, map_year (named on the map)
    kabkota_map: gpd.GeoDataFrame  # kab/kota shapes + share, lq and trend, map_year
    province_shapes: gpd.GeoDataFrame
    kabkota_specialised: int  # kab/kota with LQ of A > 1, map_year
    kabkota_count: int  # kab/kota in the panel
    top_kabkota: str  # region code of the highest share of A, map_year
    top_kabkota_share: float  # fraction, map_year
    commodities: pd.DataFrame  # commodity, unit, year, region_code, value, level_kt (thousand tonnes),
    #   national, share (fraction), share_pct, lq, start, trend (% a year); the three provinces
    commodity_lq: pd.DataFrame  # production LQ, commodity × focus region (COMMODITIES order)
    commodity_share: pd.DataFrame  # share of national production (fraction), commodity × focus region
    specialist: pd.Series  # commodity → focus region with the highest production LQ
    specialist_cells: pd.DataFrame  # True where the province has the highest LQ of the commodity
    top_commodity: pd.Series  # focus region → its commodity with the highest production LQ
    series_breaks: pd.DataFrame  # commodity, region_code, year: jumps beyond JUMP_FACTOR and flagged breaks
    rice_norm_kg: float  # kg of rice per person per year (the parameter)
    beef_norm_kg: float  # kg of beef per person per year (the parameter)
    rice_per_paddy: float  # RICE_PER_PADDY
    balance_years: tuple[int, int]  # LAST_PRE_PANDEMIC and the latest year with production and population
    balance: pd.DataFrame  # food, year, region_code, production_t, population, per_capita_kg, need_t,
    #                       balance_t (production − need, tonnes), coverage (production / need), coverage_pct
    balance_by_food: dict[str, pd.DataFrame]  # the balance of one food, both years, focus + 00
    balance_thousand_t: pd.DataFrame  # balance, thousand tonnes, focus region × food, balance_years[1]
    rice_balance: pd.Series  # rice balance, tonnes, focus + 00, balance_years[1]
    beef_balance: pd.Series  # beef balance, tonnes, focus + 00, balance_years[1]
    ikp: pd.DataFrame  # food security index (0–100), comparable years × focus region
    ikp_rank: pd.DataFrame  # rank among the provinces (1 = most food secure), years × focus region
    ikp_median: pd.Series  # median of the provinces' index by comparable year
    ikp_long: pd.DataFrame  # region_code, year, value: the index, comparable years, focus regions
    ikp_year: int  # last comparable year
    ikp_provinces: int  # provinces ranked in ikp_year
    ikp_break_year: int  # first year of the new index level (not comparable)
    rice_margin: pd.DataFrame  # trade and transport margin of rice, percent, year × focus region
    rice_margin_median: pd.Series  # median of the provinces by year, percent
    rice_margin_long: pd.DataFrame  # region_code, year, value: the margin, percent, focus regions
    rice_margin_year: int  # last year of the margin
    rice_margin_unverified: tuple[str, ...]  # regions whose margin jump is unverified (no finding drawn)
    headline: pd.DataFrame  # headline table: row key × region code, in the unit of the row label
    headline_years: dict[str, int | str]  # years named in the headline row labels


def _long(wide: pd.DataFrame, scale: float = 1.0) -> pd.DataFrame:
    """A year × region frame as tidy rows (region_code, year, value × scale) for a line chart."""
    tidy = wide.rename_axis(index="year", columns="region_code").stack().rename("value").reset_index()
    return tidy.assign(value=tidy["value"] * scale)


def _industry_a(industry: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.Series, pd.DataFrame]:
    """Share, growth, trend and LQ of industry A for the provinces (00 = the sum of all provinces)."""
    provinces = tables.select(industry, region_level="province")
    all_provinces = provinces.groupby(["industry_code", "year"], as_index=False)["value"].sum()
    frame = pd.concat([provinces, all_provinces.assign(region_code=INDONESIA)], ignore_index=True)
    share = tables.select(shares(frame, by=["region_code", "year"]), industry_code=AGRICULTURE).pipe(
        tables.wide, columns="region_code", values="share", order=WITH_INDONESIA
    )
    a_value = tables.select(frame, industry_code=AGRICULTURE, region_code=WITH_INDONESIA)
    growth = yoy_growth(a_value).dropna().pipe(tables.wide, values="growth", order=WITH_INDONESIA)
    trend = cagr(a_value).set_index("region_code")["cagr"][WITH_INDONESIA]
    lq = location_quotient(provinces, time="year")
    a_lq = tables.select(lq, industry_code=AGRICULTURE, region_code=FOCUS).pipe(tables.wide, values="lq")
    return share, growth, trend, a_lq


def _kabkota_trend_start(a_kab: pd.DataFrame) -> int:
    """First year of the kab/kota trend: every kab/kota has a value, on its boundaries of the last year.

    Kab/kota created later (Malaka, split from Belu) start later in the export, and the parent's series
    breaks in the year of the split (``boundary_break``): a common span after both keeps every trend
    on the same years and on comparable boundaries.
    """
    valid = a_kab.dropna(subset=["value"])
    counts = valid.groupby("year")["region_code"].nunique()
    complete = int(counts[counts == a_kab["region_code"].nunique()].index.min())
    breaks = a_kab.loc[a_kab["boundary_break"].astype(bool), "year"]
    return max(complete, int(breaks.max()) if len(breaks) else complete)


def _late_starts(industry: pd.DataFrame) -> tuple[str, ...]:
    """Kab/kota whose first year with value added of A is after the first year of the panel."""
    a_kab = tables.select(industry, region_level="kabkota", industry_code=AGRICULTURE).dropna(
        subset=["value"]
    )
    first = a_kab.groupby("region_code")["year"].min()
    return tuple(sorted(first[first > first.min()].index))


def _kabkota(industry: pd.DataFrame) -> tuple[pd.DataFrame, int, int]:
    """Share, LQ (against the sum of all provinces) and trend of industry A by kab/kota, last year."""
    kab = tables.select(industry, region_level="kabkota")
    year = int(kab["year"].max())
    provinces = tables.select(industry, region_level="province", year=year)
    reference = provinces.groupby("industry_code", as_index=False)["value"].sum()
    latest = tables.select(kab, year=year)
    lq = tables.select(location_quotient(latest, reference=reference), industry_code=AGRICULTURE)
    share = tables.select(shares(latest), industry_code=AGRICULTURE)
    a_kab = tables.select(kab, industry_code=AGRICULTURE)
    start = _kabkota_trend_start(a_kab)
    trend = cagr(a_kab, start=start, end=year)
    out = (
        share[["region_code", "share"]]
        .assign(share_pct=share["share"] * 100)
        .merge(lq[["region_code", "lq"]], on="region_code", validate="one_to_one")
        .merge(trend[["region_code", "cagr"]], on="region_code", validate="one_to_one")
        .rename(columns={"cagr": "trend"})
    )
    return out.sort_values("share", ascending=False).reset_index(drop=True), year, start


def _production(tables_by_name: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Annual production of every commodity: commodity, region_code, year, value, unit, flag."""
    parts = []
    for key, (table, indicator) in COMMODITIES.items():
        frame = tables.select(tables_by_name[table], indicator=indicator)
        if "month" in frame.columns:
            frame = frame[frame["month"].isna()]
        if key in SUMMED_NATIONAL:
            frame = _with_summed_national(frame)
        frame = frame.assign(commodity=key, flag=frame.get("flag", pd.Series(index=frame.index, dtype=str)))
        parts.append(frame[["commodity", "region_code", "year", "value", "unit", "flag"]])
    return pd.concat(parts, ignore_index=True)


def _with_summed_national(frame: pd.DataFrame) -> pd.DataFrame:
    """Add a national row, the sum of the provinces, in the years when every province has a row."""
    counts = frame.groupby("year")["region_code"].nunique()
    complete = counts[counts == counts.max()].index
    national = (
        frame[frame["year"].isin(complete)]
        .groupby(["year", "unit"], as_index=False)["value"]
        .sum()
        .assign(region_code=INDONESIA, flag="sum_of_provinces")
    )
    return pd.concat([frame, national], ignore_index=True)


def _comparison_year(series: pd.DataFrame) -> int:
    """The latest year with a national value and a value for each of the three provinces."""
    valid = series.dropna(subset=["value"])
    regions_by_year = valid.groupby("year")["region_code"].agg(set)
    years = [year for year, codes in regions_by_year.items() if set(WITH_INDONESIA) <= codes]
    return int(max(years))


def _breaks(series: pd.DataFrame) -> pd.DataFrame:
    """Years of a focus province's series that jump beyond JUMP_FACTOR, or are flagged level breaks."""
    focus = series[series["region_code"].isin(FOCUS)].dropna(subset=["value"]).sort_values("year")
    ratio = focus["value"] / focus.groupby("region_code")["value"].shift()
    jumps = focus[(ratio > JUMP_FACTOR) | (ratio < 1 / JUMP_FACTOR)]
    flagged = series[series["flag"].eq("level_break") & series["region_code"].isin(FOCUS)]
    found = pd.concat([jumps, flagged], ignore_index=True)[["commodity", "region_code", "year"]]
    return found.drop_duplicates().sort_values(["region_code", "year"]).reset_index(drop=True)


def _trend_start(series: pd.DataFrame, end: int, breaks: pd.DataFrame) -> int:
    """First year of the trend: at most TREND_YEARS back, after any break, with all three provinces."""
    start = max(int(series["year"].min()), end - TREND_YEARS, *breaks["year"].astype(int))
    focus = series[series["region_code"].isin(FOCUS)].dropna(subset=["value"])
    complete = focus.groupby("year")["region_code"].nunique()
    return int(complete[(complete.index >= start) & (complete == len(FOCUS))].index.min())


def _commodity_rows(series: pd.DataFrame, size: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Level, share of national production, production LQ and trend of one commodity, three provinces."""
    year = _comparison_year(series)
    breaks = _breaks(series)
    breaks = breaks[breaks["year"].between(year - TREND_YEARS + 1, year)]  # those inside the trend window
    at_year = tables.select(series, year=year, region_code=WITH_INDONESIA)
    lq = production_location_quotient(
        at_year.dropna(subset=["value"]), _size_at(size, year), product="commodity"
    )
    start = _trend_start(series, year, breaks)
    trend = (
        cagr(tables.select(series, region_code=FOCUS).dropna(subset=["value"]), start=start, end=year)
        if start < year
        else pd.DataFrame({"region_code": FOCUS, "cagr": float("nan")})
    )
    national = float(tables.select(at_year, region_code=INDONESIA)["value"].iloc[0])
    rows = (
        tables.select(at_year, region_code=FOCUS)[["commodity", "region_code", "year", "value", "unit"]]
        .merge(lq[["region_code", "share", "lq"]], on="region_code")
        .merge(trend[["region_code", "cagr"]], on="region_code")
        .rename(columns={"cagr": "trend"})
        .assign(national=national, start=start)
    )
    thousand = rows["unit"].eq("tonnes")
    rows["level_kt"] = rows["value"].where(~thousand, rows["value"] / 1000)
    rows["share_pct"] = rows["share"] * 100
    return rows, breaks


def _size_at(size: pd.DataFrame, year: int) -> pd.DataFrame:
    """Industry A value added of every province in ``year``, or in the last year of the table before it."""
    shown = int(size.loc[size["year"] <= year, "year"].max())
    return tables.select(size, year=shown)[["region_code", "value"]]


def _commodities(production: pd.DataFrame, industry: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    size = tables.select(industry, region_level="province", industry_code=AGRICULTURE)
    results = [_commodity_rows(production[production["commodity"] == key], size) for key in COMMODITIES]
    rows = pd.concat([r for r, _ in results], ignore_index=True)
    breaks = pd.concat([b for _, b in results], ignore_index=True)
    return rows, breaks


def _balance(
    production: pd.DataFrame, population: pd.DataFrame, norms: dict[str, float], years: tuple[int, int]
) -> pd.DataFrame:
    """Production per person against a consumption norm, and the surplus or deficit in tonnes."""
    people = tables.select(population, year=list(years), region_code=WITH_INDONESIA)[
        ["region_code", "year", "value"]
    ]
    parts = []
    for food, commodity in BALANCE_FOODS.items():
        made = tables.select(production, commodity=commodity, year=list(years), region_code=WITH_INDONESIA)
        factor = RICE_PER_PADDY if food == "rice" else 1.0
        made = made.assign(value=made["value"] * factor)[["region_code", "year", "value"]]
        kg = per_capita(made, people, scale=1000.0)
        part = made.rename(columns={"value": "production_t"}).merge(kg, on=["region_code", "year"])
        part = part.merge(people.rename(columns={"value": "population"}), on=["region_code", "year"])
        need = part["population"] * norms[food] / 1000.0
        parts.append(
            part.rename(columns={"per_capita": "per_capita_kg"}).assign(
                food=food,
                need_t=need,
                balance_t=part["production_t"] - need,
                coverage=part["production_t"] / need,
                coverage_pct=part["production_t"] / need * 100,
            )
        )
    columns = ["food", "year", "region_code", "production_t", "population", "per_capita_kg", "need_t"]
    return pd.concat(parts, ignore_index=True)[[*columns, "balance_t", "coverage", "coverage_pct"]]


def _balance_years(production: pd.DataFrame, population: pd.DataFrame) -> tuple[int, int]:
    """The last year before the pandemic and the latest year with both foods and population."""
    people_years = set(population.loc[population["region_code"].isin(WITH_INDONESIA), "year"])
    food_years = [
        set(tables.select(production, commodity=c, region_code=INDONESIA).dropna(subset=["value"])["year"])
        for c in BALANCE_FOODS.values()
    ]
    common = people_years.intersection(*food_years)
    return LAST_PRE_PANDEMIC, int(max(common))


def _population(population: pd.DataFrame) -> pd.DataFrame:
    """One population value per region and year: the census where there is one, else the projection."""
    ordered = population.assign(_census=population["method"].eq("census")).sort_values("_census")
    return ordered.drop_duplicates(["region_code", "year"], keep="last").drop(columns="_census")


def _food_security(ikp: pd.DataFrame) -> dict[str, object]:
    index = tables.select(ikp, indicator="food_security_index")
    break_year = int(index.loc[index["flag"].eq("level_break"), "year"].min())
    comparable = index[index["year"] < break_year]
    rank = tables.select(ikp, indicator="food_security_rank", region_code=FOCUS)
    last = int(comparable["year"].max())
    return {
        "ikp": tables.select(comparable, region_code=FOCUS).pipe(tables.wide, order=FOCUS),
        "ikp_rank": rank[rank["year"] < break_year].pipe(tables.wide, order=FOCUS),
        "ikp_median": comparable.groupby("year")["value"].median(),
        "ikp_year": last,
        "ikp_provinces": int(tables.select(comparable, year=last)["region_code"].nunique()),
        "ikp_break_year": break_year,
    }


def compute(*, rice_norm_kg: float | None = None, beef_norm_kg: float | None = None) -> AgricultureResult:
    """Load the tables and compute every figure of briefing 04.

    The norms are kg per person per year; ``None`` takes the cited BPS figures (RICE_NORM_KG,
    BEEF_NORM_KG).
    """
    rice_norm_kg = RICE_NORM_KG if rice_norm_kg is None else float(rice_norm_kg)
    beef_norm_kg = BEEF_NORM_KG if beef_norm_kg is None else float(beef_norm_kg)
    if not (rice_norm_kg > 0 and beef_norm_kg > 0):
        raise ValueError(f"consumption norms must be positive (rice {rice_norm_kg}, beef {beef_norm_kg})")
    industry = load("grdp_by_industry")
    named = {name: load(name) for name in PRODUCTION_TABLES}
    population = _population(load("population"))
    ikp, margin = load("food_security_index"), load("rice_margin")
    kab_shapes, province_shapes = load("kabkota_boundaries"), load("province_boundaries")

    a_share, a_growth, a_trend, a_lq = _industry_a(industry)
    missing, missing_years = missing_industries(industry)
    kab, map_year, kab_trend_start = _kabkota(industry)
    kab_map = kab_shapes.merge(kab, on="region_code", how="left", validate="one_to_one")
    if kab_map["share"].isna().any():
        raise ValueError(f"kab/kota without value added of industry A in {map_year}")

    production = _production(named)
    rows, breaks = _commodities(production, industry)
    lq_wide = rows.pipe(tables.wide, index="commodity", values="lq").reindex(list(COMMODITIES))[FOCUS]
    share_wide = rows.pipe(tables.wide, index="commodity", values="share").reindex(list(COMMODITIES))[FOCUS]

    years = _balance_years(production, population)
    norms = {"rice": rice_norm_kg, "beef": beef_norm_kg}
    balance = _balance(production, population, norms, years)
    latest_balance = tables.select(balance, year=years[1])
    by_food = {f: tables.select(latest_balance, food=f).set_index("region_code") for f in BALANCE_FOODS}

    food = _food_security(ikp)
    margin_value = tables.select(margin, indicator="rice_trade_transport_margin")
    margin_last = int(margin_value["year"].max())
    unverified = tuple(
        sorted(set(margin_value.loc[margin_value["flag"].eq("unverified_jump"), "region_code"]) & set(FOCUS))
    )
    last_year = int(a_share.index.max())
    paddy = tables.select(rows, commodity="paddy").set_index("region_code")
    margin_latest = tables.select(margin_value, year=margin_last).set_index("region_code")["value"]
    headline = pd.DataFrame(
        {
            "row_a_share": a_share.loc[last_year] * 100,
            "row_a_trend": a_trend,
            "row_a_lq": a_lq.loc[last_year],
            "row_paddy_share": paddy["share"] * 100,
            "row_rice_per_capita": by_food["rice"]["per_capita_kg"],
            "row_beef_per_capita": by_food["beef"]["per_capita_kg"],
            "row_ikp": food["ikp"].loc[food["ikp_year"]],
            "row_ikp_rank": food["ikp_rank"].loc[food["ikp_year"]],
            "row_rice_margin": margin_latest,
        }
    ).T.reindex(columns=WITH_INDONESIA)
    return AgricultureResult(
        industry_years=(int(a_share.index.min()), last_year),
        industry_missing=missing,
        industry_missing_years=missing_years,
        a_share=a_share,
        a_growth=a_growth,
        a_trend=a_trend,
        a_lq=a_lq,
        a_share_long=_long(a_share, 100.0),
        a_growth_long=_long(a_growth),
        map_year=map_year,
        kabkota=kab,
        kabkota_trend_years=(kab_trend_start, map_year),
        kabkota_late=_late_starts(industry),
        kabkota_broken=tuple(
            sorted(set(tables.select(industry, region_level="kabkota", boundary_break=True)["region_code"]))
        ),
        kabkota_named=(str(kab["region_code"].iloc[0]), str(kab["region_code"].iloc[-1])),
        kabkota_map=kab_map,
        province_shapes=province_shapes,
        kabkota_specialised=int((kab["lq"] > 1).sum()),
        kabkota_count=len(kab),
        top_kabkota=str(kab["region_code"].iloc[0]),
        top_kabkota_share=float(kab["share"].iloc[0]),
        commodities=rows,
        commodity_lq=lq_wide,
        commodity_share=share_wide,
        specialist=lq_wide.idxmax(axis=1),
        specialist_cells=lq_wide.eq(lq_wide.max(axis=1), axis=0),
        top_commodity=lq_wide.idxmax(axis=0),
        series_breaks=breaks,
        rice_norm_kg=rice_norm_kg,
        beef_norm_kg=beef_norm_kg,
        rice_per_paddy=RICE_PER_PADDY,
        balance_years=years,
        balance=balance,
        balance_by_food={f: tables.select(balance, food=f) for f in BALANCE_FOODS},
        balance_thousand_t=pd.DataFrame({f: by_food[f]["balance_t"][FOCUS] / 1000 for f in BALANCE_FOODS}),
        rice_balance=by_food["rice"]["balance_t"][WITH_INDONESIA],
        beef_balance=by_food["beef"]["balance_t"][WITH_INDONESIA],
        ikp=food["ikp"],
        ikp_rank=food["ikp_rank"],
        ikp_median=food["ikp_median"],
        ikp_long=_long(food["ikp"]),
        ikp_year=food["ikp_year"],
        ikp_provinces=food["ikp_provinces"],
        ikp_break_year=food["ikp_break_year"],
        rice_margin=tables.select(margin_value, region_code=FOCUS).pipe(tables.wide, order=FOCUS),
        rice_margin_median=margin_value.groupby("year")["value"].median(),
        rice_margin_long=_long(tables.select(margin_value, region_code=FOCUS).pipe(tables.wide, order=FOCUS)),
        rice_margin_year=margin_last,
        rice_margin_unverified=unverified,
        headline=headline,
        headline_years={
            "first": int(a_share.index.min()),
            "last": last_year,
            "paddy": int(paddy["year"].iloc[0]),
            "balance": years[1],
            "ikp": food["ikp_year"],
            "margin": margin_last,
        },
    )
