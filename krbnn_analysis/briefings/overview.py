"""Briefing 00, regional economic overview: how large the three economies are, how fast they grow,
what each produces and how their people fare compared with Indonesia.

Tables: ``grdp`` (current-price levels and per capita), ``grdp_real`` (constant-price levels to the
latest year) and ``grdp_growth_published`` (BPS growth after it), ``grdp_by_industry`` (17 industries,
constant 2010 prices), ``population`` (censuses), ``poverty``, ``hdi``, ``unemployment``, ``gini``,
``grdp_per_capita_kabkota`` with the kab/kota and province boundaries.
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from krbnn_analysis import load, tables
from krbnn_analysis.briefings.common import LAST_PRE_PANDEMIC, LOMBOK_EARTHQUAKES, PANDEMIC_YEAR
from krbnn_analysis.indicators import cagr, shares, yoy_growth

FOCUS = list(tables.FOCUS)  # Bali, NTB, NTT
WITH_INDONESIA = list(tables.FOCUS_AND_INDONESIA)
INDONESIA = "00"
PRE_PANDEMIC = (2010, LAST_PRE_PANDEMIC)  # the trend period: the 2010 series starts in 2010
STRUCTURE_BEFORE = LAST_PRE_PANDEMIC  # the structure before the pandemic, beside the latest year
MINING = "B"  # BPS category B, mining and quarrying (no split of metal-ore mining in 17 industries)
STRUCTURE_SHOWN = ("A", "B", "C", "F", "G", "H", "I", "O")  # the rest is summed as "other"
SEPTEMBER, AUGUST = 9, 8  # one survey round throughout: Susenas September, Sakernas August
# Indonesia's definition is read from the tables' ``aggregate`` column (``sum_of_34_provinces``); after
# the last year of levels, Indonesia's growth is BPS's published national growth.

# The precision at which the headline table quotes each row (the row key is its translation key).
HEADLINE_DECIMALS = {
    "row_grdp_current": 1,
    "row_grdp_per_capita": 1,
    "row_per_capita_relative": 0,
    "row_growth_trend": 2,
    "row_growth_2020": 2,
    "row_growth_real_end": 2,
    "row_growth_published": 2,
    "row_population": 2,
    "row_poverty": 2,
    "row_hdi": 2,
    "row_unemployment": 2,
    "row_gini": 3,
}


@dataclass(frozen=True)
class OverviewResult:
    """Every number briefing 00 states and every frame it draws (regions by BPS code)."""

    levels_end: int  # last year with current-price GRDP levels and per capita (table grdp)
    real_end: int  # last year with constant-price province levels (table grdp_real)
    published_end: int  # last year of BPS-published growth (preliminary)
    social_end: int  # last year of the poverty table
    national_aggregate: str  # which definition "Indonesia" is, from the tables' aggregate column
    grdp_current: pd.Series  # GRDP at current prices, billion rupiah, levels_end, focus + 00
    three_total: float  # sum of the three provinces, billion rupiah, levels_end
    three_share_of_indonesia: float  # percent of the 00 row, levels_end
    bali_share_of_three: float  # percent, levels_end
    per_capita: pd.Series  # GRDP per capita, current prices, thousand rupiah, levels_end
    per_capita_relative: pd.Series  # percent of Indonesia's per capita level, levels_end
    real_per_capita: pd.DataFrame  # GRDP per capita at constant 2010 prices, million rupiah, all years
    trend_growth: pd.Series  # average real growth (CAGR), percent a year, PRE_PANDEMIC
    pandemic_growth: pd.Series  # real growth in pandemic_year, percent
    bali_pandemic_rank: int  # Bali's rank among the provinces, deepest fall = 1, pandemic_year
    real_end_growth: pd.Series  # real growth from the levels in real_end, percent, focus + 00
    provinces_ranked: int  # provinces ranked
    real_growth: pd.DataFrame  # real growth from constant-price levels, percent, focus + 00
    published_growth: pd.DataFrame  # BPS growth after real_end, bridged from real_end, percent
    latest_published_growth: pd.Series  # BPS-published growth, percent, published_end
    gva_span: tuple[int, int]  # years of the with/without-mining trend
    gva_years: tuple[int, int]  # years with all 17 industries (2021–2022 lack industry E)
    gva_trend_with_mining: pd.Series  # CAGR of total value added, percent a year, gva_span
    gva_trend_without_mining: pd.Series  # CAGR of value added without category B, gva_span
    gva_growth: pd.DataFrame  # yearly growth, columns region_code, year, growth, measure (total/without)
    ntb_growth_with_mining: pd.Series  # NTB value added growth by year, percent
    ntb_growth_without_mining: pd.Series  # NTB value added growth without mining by year, percent
    ntb_swing_year: int  # year of the largest gap between the two
    ntb_spread_with_mining: float  # standard deviation of NTB's yearly growth, percentage points
    ntb_spread_without_mining: float  # the same without mining
    earthquake_year: int  # LOMBOK_EARTHQUAKES
    pandemic_year: int  # PANDEMIC_YEAR
    ntb_without_mining_earthquake_year: float  # NTB growth without mining, percent, earthquake_year
    ntb_without_mining_pandemic_year: float  # NTB growth without mining, percent, pandemic_year
    structure_year: int  # latest year of grdp_by_industry
    structure_before: int  # STRUCTURE_BEFORE, the last year before the pandemic
    industry_share: pd.DataFrame  # share of value added (fraction), industry × region, structure_year
    industry_share_before: pd.DataFrame  # the same in structure_before
    structure: pd.DataFrame  # shown industries + other (fractions, rows sum to 1), region × part
    census_millions: pd.DataFrame  # census population of the three provinces, million people
    census_last: int  # year of the last census
    population: pd.Series  # persons at the last census, focus + 00
    three_population: float  # persons, census_last
    poverty_september: pd.DataFrame  # poverty rate, percent, September rounds
    hdi_new_method: pd.DataFrame  # HDI, new method (2013 on)
    unemployment_august: pd.DataFrame  # open unemployment rate, percent, August rounds
    gini_series: pd.DataFrame  # Gini ratio, September rounds (and undocumented rounds before 2021)
    poverty_latest: pd.Series  # percent, poverty_year
    poverty_year: int
    ntt_poverty_rank: int  # 1 = highest poverty rate, poverty_year
    poverty_ranked: int  # provinces ranked
    hdi_latest: pd.Series
    hdi_year: int
    unemployment_latest: pd.Series  # percent
    unemployment_year: int
    gini_latest: pd.Series
    gini_year: int
    map_year: int  # last year of the kab/kota per capita panel
    kabkota_per_capita: gpd.GeoDataFrame  # kab/kota shapes + value (million rupiah), map_year
    province_shapes: gpd.GeoDataFrame  # outlines for maps
    richest_kabkota: str  # region code with the highest GRDP per capita, map_year
    poorest_kabkota: str
    richest_kabkota_value: float  # GRDP per capita, thousand rupiah, map_year
    poorest_kabkota_value: float
    kabkota_spread: float  # richest / poorest, map_year
    headline: pd.DataFrame  # headline table: row key × region code, in the unit of the row label
    headline_years: dict[str, int | str]  # years named in the headline row labels


def _real_growth(real: pd.DataFrame) -> pd.DataFrame:
    """Real growth (percent) of every province and Indonesia, with ``region_level`` for ranking
    (a year after a change of territory has no growth and no rank)."""
    real = tables.select(real, region_level=["province", "country"])
    growth = yoy_growth(real).dropna(subset=["growth"])
    return growth.merge(real[["region_code", "year", "region_level"]], on=["region_code", "year"])


def _trend(frame: pd.DataFrame, span: tuple[int, int]) -> pd.Series:
    years = list(range(span[0], span[1] + 1))
    return cagr(tables.select(frame, year=years)).set_index("region_code")["cagr"]


def _growth_by_year(frame: pd.DataFrame, region: str) -> pd.Series:
    return yoy_growth(tables.select(frame, region_code=region)).dropna().set_index("year")["growth"]


def _industry_shares(by_industry: pd.DataFrame, year: int) -> pd.DataFrame:
    """Share of each industry in a region's value added (fraction): industry × region."""
    return shares(tables.select(by_industry, year=year)).pipe(
        tables.wide, index="industry_code", values="share"
    )


def _complete_years(by_industry: pd.DataFrame) -> pd.DataFrame:
    """The years in which every industry is reported (2021–2022 lack industry E: missing, not zero)."""
    counts = by_industry.groupby("year")["industry_code"].nunique()
    return by_industry[by_industry["year"].isin(counts[counts == counts.max()].index)]


def _structure(by_industry: pd.DataFrame, year: int) -> pd.DataFrame:
    grouped = tables.group_parts(tables.select(by_industry, year=year), list(STRUCTURE_SHOWN))
    wide = shares(grouped).pipe(tables.wide, index="region_code", columns="industry_code", values="share")
    return wide.loc[WITH_INDONESIA, [*STRUCTURE_SHOWN, "other"]]


def _kabkota_map(per_capita: pd.DataFrame, shapes: gpd.GeoDataFrame, year: int) -> gpd.GeoDataFrame:
    values = tables.select(per_capita, year=year)[["region_code", "value"]]
    mapped = shapes.merge(values, on="region_code", how="left", validate="one_to_one")
    if mapped["value"].isna().any():
        missing = ", ".join(mapped.loc[mapped["value"].isna(), "region_code"])
        raise ValueError(f"kab/kota without GRDP per capita in {year}: {missing}")
    return mapped.assign(value=mapped["value"] / 1000)  # thousand → million rupiah


def compute() -> OverviewResult:
    """Load the tables and compute every figure of briefing 00."""
    grdp = load("grdp")
    grdp_real = load("grdp_real")
    growth_published = load("grdp_growth_published")
    industry = load("grdp_by_industry")
    population = load("population")
    poverty, hdi, unemployment, gini = load("poverty"), load("hdi"), load("unemployment"), load("gini")
    kab_per_capita = load("grdp_per_capita_kabkota")
    kab_shapes, province_shapes = load("kabkota_boundaries"), load("province_boundaries")

    levels_end = int(grdp["year"].max())
    published_end = int(growth_published["year"].max())
    social_end = int(poverty["year"].max())

    current = tables.select(grdp, indicator="grdp", price_basis="ADHB", year=levels_end)
    grdp_current = current.set_index("region_code")["value"]
    three_total = float(grdp_current[FOCUS].sum())
    per_capita_all = tables.select(grdp, indicator="grdp_per_capita", price_basis="ADHB", year=levels_end)
    per_capita = per_capita_all.set_index("region_code")["value"]
    real_per_capita = tables.select(
        grdp, indicator="grdp_per_capita", price_basis="ADHK2010", region_code=WITH_INDONESIA
    )

    provinces_real = tables.select(grdp_real, region_level=["province", "country"])
    real_end = int(provinces_real["year"].max())
    national = tables.select(grdp_real, region_code=INDONESIA)["aggregate"].dropna().unique()
    real = tables.select(grdp_real, region_code=WITH_INDONESIA)
    growth = _real_growth(grdp_real)
    pandemic = tables.select(growth, year=PANDEMIC_YEAR)
    bali_rank, n_provinces = tables.rank_among(pandemic, "51", value="growth", ascending=True)
    published = tables.select(growth_published, region_code=WITH_INDONESIA)
    published = published[published["year"] > real_end]
    bridge = tables.select(growth, region_code=WITH_INDONESIA, year=real_end)
    published_growth = pd.concat([bridge.rename(columns={"growth": "value"}), published], ignore_index=True)

    by_industry_all = tables.select(industry, region_code=WITH_INDONESIA)
    structure_year = int(by_industry_all["year"].max())
    by_industry = _complete_years(by_industry_all)
    with_mining = by_industry.groupby(["region_code", "year"], as_index=False)["value"].sum()
    without_mining = tables.total_excluding(by_industry, [MINING])
    gva_span = (int(without_mining["year"].min()), PRE_PANDEMIC[1])
    gva_growth = pd.concat(
        [
            yoy_growth(with_mining).dropna().assign(measure="total"),
            yoy_growth(without_mining).dropna().assign(measure="without_mining"),
        ],
        ignore_index=True,
    )
    ntb_with = _growth_by_year(with_mining, "52")
    ntb_without = _growth_by_year(without_mining, "52")

    census = tables.select(population, method="census", region_code=WITH_INDONESIA)
    census_last = int(census["year"].max())
    people = tables.select(census, year=census_last).set_index("region_code")["value"]

    poverty_sep = tables.select(poverty, area="total", month=SEPTEMBER, region_code=WITH_INDONESIA)
    unemployment_aug = tables.select(unemployment, month=AUGUST, region_code=WITH_INDONESIA)
    hdi_new = tables.select(hdi, method="new", region_code=WITH_INDONESIA)
    gini_total = tables.select(gini, area="total", region_code=WITH_INDONESIA)
    gini_series = gini_total[gini_total["month"].isna() | (gini_total["month"] == SEPTEMBER)]
    poverty_latest, poverty_year = tables.latest_by_region(tables.select(poverty_sep, year=social_end))
    hdi_latest, hdi_year = tables.latest_by_region(hdi_new)
    unemployment_latest, unemployment_year = tables.latest_by_region(unemployment_aug)
    gini_latest, gini_year = tables.latest_by_region(tables.select(gini_total, month=SEPTEMBER))
    ntt_poverty_rank, poverty_ranked = tables.rank_among(
        tables.select(poverty, area="total", month=SEPTEMBER, year=poverty_year), "53"
    )

    map_year = int(kab_per_capita["year"].max())
    kab_map = _kabkota_map(kab_per_capita, kab_shapes, map_year)
    ranked = tables.select(kab_per_capita, year=map_year).set_index("region_code")["value"]
    ranked = ranked.sort_values(ascending=False)

    trend = _trend(real, PRE_PANDEMIC)
    relative = per_capita[WITH_INDONESIA] / per_capita[INDONESIA] * 100
    pandemic_growth = pandemic.set_index("region_code")["growth"]
    real_end_growth = tables.select(growth, year=real_end).set_index("region_code")["growth"]
    latest_published = tables.select(published, year=published_end).set_index("region_code")["value"]
    headline = pd.DataFrame(
        {
            "row_grdp_current": grdp_current[WITH_INDONESIA] / 1000,  # trillion rupiah
            "row_grdp_per_capita": per_capita[WITH_INDONESIA] / 1000,  # million rupiah
            "row_per_capita_relative": relative,
            "row_growth_trend": trend[WITH_INDONESIA],
            "row_growth_2020": pandemic_growth[WITH_INDONESIA],
            "row_growth_real_end": real_end_growth[WITH_INDONESIA],
            "row_growth_published": latest_published[WITH_INDONESIA],
            "row_population": people[WITH_INDONESIA] / 1e6,  # million people
            "row_poverty": poverty_latest[WITH_INDONESIA],
            "row_hdi": hdi_latest[WITH_INDONESIA],
            "row_unemployment": unemployment_latest[WITH_INDONESIA],
            "row_gini": gini_latest[WITH_INDONESIA],
        }
    ).T[WITH_INDONESIA]
    return OverviewResult(
        levels_end=levels_end,
        real_end=real_end,
        published_end=published_end,
        social_end=social_end,
        national_aggregate=str(national[0]) if len(national) == 1 else "mixed",
        grdp_current=grdp_current[WITH_INDONESIA],
        three_total=three_total,
        three_share_of_indonesia=three_total / float(grdp_current[INDONESIA]) * 100,
        bali_share_of_three=float(grdp_current["51"]) / three_total * 100,
        per_capita=per_capita[WITH_INDONESIA],
        per_capita_relative=relative,
        real_per_capita=real_per_capita.assign(value=real_per_capita["value"] / 1000),
        trend_growth=trend[WITH_INDONESIA],
        pandemic_growth=pandemic_growth,
        bali_pandemic_rank=bali_rank,
        provinces_ranked=n_provinces,
        real_end_growth=real_end_growth[WITH_INDONESIA],
        real_growth=tables.select(growth, region_code=WITH_INDONESIA),
        published_growth=published_growth,
        latest_published_growth=latest_published[WITH_INDONESIA],
        gva_span=gva_span,
        gva_years=(int(by_industry["year"].min()), int(by_industry["year"].max())),
        gva_trend_with_mining=_trend(with_mining, gva_span),
        gva_trend_without_mining=_trend(without_mining, gva_span),
        gva_growth=gva_growth,
        ntb_growth_with_mining=ntb_with,
        ntb_growth_without_mining=ntb_without,
        ntb_swing_year=int((ntb_with - ntb_without).abs().idxmax()),
        ntb_spread_with_mining=float(ntb_with.std()),
        ntb_spread_without_mining=float(ntb_without.std()),
        earthquake_year=LOMBOK_EARTHQUAKES,
        pandemic_year=PANDEMIC_YEAR,
        ntb_without_mining_earthquake_year=float(ntb_without[LOMBOK_EARTHQUAKES]),
        ntb_without_mining_pandemic_year=float(ntb_without[PANDEMIC_YEAR]),
        structure_year=structure_year,
        structure_before=STRUCTURE_BEFORE,
        industry_share=_industry_shares(by_industry_all, structure_year),
        industry_share_before=_industry_shares(by_industry_all, STRUCTURE_BEFORE),
        structure=_structure(by_industry_all, structure_year),
        census_millions=tables.select(census, region_code=FOCUS).assign(value=lambda d: d["value"] / 1e6),
        census_last=census_last,
        population=people[WITH_INDONESIA],
        three_population=float(people[FOCUS].sum()),
        poverty_september=poverty_sep,
        hdi_new_method=hdi_new,
        unemployment_august=unemployment_aug,
        gini_series=gini_series,
        poverty_latest=poverty_latest[WITH_INDONESIA],
        poverty_year=poverty_year,
        ntt_poverty_rank=ntt_poverty_rank,
        poverty_ranked=poverty_ranked,
        hdi_latest=hdi_latest[WITH_INDONESIA],
        hdi_year=hdi_year,
        unemployment_latest=unemployment_latest[WITH_INDONESIA],
        unemployment_year=unemployment_year,
        gini_latest=gini_latest[WITH_INDONESIA],
        gini_year=gini_year,
        map_year=map_year,
        kabkota_per_capita=kab_map,
        province_shapes=province_shapes,
        richest_kabkota=str(ranked.index[0]),
        poorest_kabkota=str(ranked.index[-1]),
        richest_kabkota_value=float(ranked.iloc[0]),
        poorest_kabkota_value=float(ranked.iloc[-1]),
        kabkota_spread=float(ranked.iloc[0] / ranked.iloc[-1]),
        headline=headline,
        headline_years={
            "levels": levels_end,
            "pandemic": PANDEMIC_YEAR,
            "real_end": real_end,
            "industry": structure_year,
            "map": map_year,
            "trend": f"{PRE_PANDEMIC[0]}–{PRE_PANDEMIC[1]}",
            "published": published_end,
            "census": census_last,
            "poverty": poverty_year,
            "hdi": hdi_year,
            "tpt": unemployment_year,
            "gini": gini_year,
        },
    )
