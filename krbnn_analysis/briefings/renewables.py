"""Briefing 03, renewable energy: how much renewable potential do Bali, NTB and NTT have, how little of
it is used, and where should shared projects go first?

Tables: ``electricity_2019_by_type`` (PLN capacity and generation by plant type: the latest year by
type), ``electricity_pln`` (PLN capacity and generation by province, the series), ``re_potential``
(RUEN potential by technology, by province or island group), ``power_plants`` (plants from OSM, GEM
and GPPD, de-duplicated), ``ruptl_planned_capacity_by_type`` (RUPTL 2025–2034 additions) with
``ruptl_planned_generation`` (its items' target years), and the
boundaries. Years: the by-type table's year (2019) for the mix and the utilisation, the series to its
last year, the RUPTL horizon; the clear-sky estimate needs no year of data (see ``CLEAR_SKY_YEAR``).
"""

from __future__ import annotations

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd

from krbnn_analysis import load, tables
from krbnn_analysis.indicators import (
    clear_sky_irradiation,
    potential_utilisation,
    renewable_share,
    yoy_growth,
)
from krbnn_analysis.technologies import CHART_ORDER, RENEWABLE

FOCUS = list(tables.FOCUS)
WITH_INDONESIA = list(tables.FOCUS_AND_INDONESIA)
NUSA_TENGGARA = "52+53"  # RUEN gives geothermal for the Nusa Tenggara island group only (NTB + NTT)
TECHNOLOGY_ORDER = CHART_ORDER  # columns of the mix frames (it fixes each technology's colour)
# PLN plant types → technologies of the energy tables. "Reciprocating engine" capacity holds diesel and gas
# engines, whose generation PLN splits into diesel and gas engine: all three are "dual_fuel" (engines).
PLN_TYPES = {
    "coal": "coal",
    "combined_cycle_gas": "gas",
    "open_cycle_gas": "gas",
    "gas_engine": "dual_fuel",
    "diesel": "dual_fuel",
    "reciprocating_engine": "dual_fuel",
    "geothermal": "geothermal",
    "hydro": "hydro",
    "micro_hydro": "hydro",
    "solar": "solar",
}
# PLN's "other" type (≤ 0.2 % of any total here) is neither renewable nor not: left out of mixes and shares.
PLANT_GROUPS = {"diesel": "dual_fuel"}  # plant map: diesel plants drawn with the engines
# RUEN potential by province (MW) and the technology it measures. Hydro: mini/micro hydro is the only
# provincial figure (large hydro is given for Bali–Nusa Tenggara as a whole); ocean: practical potential.
POTENTIAL_BY_PROVINCE = {
    "solar_potential": "solar",
    "wind_potential": "wind",
    "mini_micro_hydro_potential": "hydro",
    "ocean_potential_practical": "ocean",
}
GEOTHERMAL_AREAS = {"Bali": "51", "Nusa Tenggara": NUSA_TENGGARA}  # island group → area key
GEOTHERMAL_POTENTIAL = "geothermal_total_potential"
REGION_SUMMARY = "Bali & Nusa Tenggara Region"  # RUEN's regional summary row for the three provinces
REGIONAL_ONLY = {"bioenergy_potential": "biomass", "large_hydro_potential": "hydro"}  # no provincial split
# Clear-sky irradiation hardly depends on the year (sun geometry repeats; turbidity is a climatology):
# any non-leap year gives 8760 hours. The year of the RUEN solar potential's label is used.
CLEAR_SKY_YEAR = 2017
FLORES_GEOTHERMAL_PROVINCE = "53"  # NTT: the geothermal fields of Flores and Lembata/Alor
OPERATING = "operating"
# A yearly change in PLN capacity or generation beyond ±50 % is a new plant, a reclassification or a source
# artefact, not a trend: such years are listed and no growth finding is drawn from the series.
JUMP_PERCENT = 50.0
EQUAL_AREA = "EPSG:6933"  # centroids in an equal-area projection, then back to degrees

HEADLINE_DECIMALS = {
    "row_r_capacity": 0,
    "row_r_generation": 0,
    "row_r_share_capacity": 1,
    "row_r_share_generation": 1,
    "row_r_potential": 0,
    "row_r_planned": 0,
    "row_r_share_2034": 1,
    "row_r_clear_sky": 0,
}


@dataclass(frozen=True)
class RenewablesResult:
    """Every number briefing 03 states and every frame it draws (regions by BPS code)."""

    mix_year: int  # year of PLN capacity and generation by plant type
    series_years: tuple[int, int]  # first and last year of the PLN capacity series
    capacity_mix: (
        pd.DataFrame
    )  # share of installed capacity (fraction, rows sum to 1), region × technology, mix_year
    generation_mix: (
        pd.DataFrame
    )  # share of generation (fraction, rows sum to 1), region × technology, mix_year
    capacity_by_technology: pd.DataFrame  # MW, province × technology, mix_year
    renewable_share_capacity: pd.Series  # fraction, by region incl. Indonesia (00), mix_year
    renewable_share_generation: pd.Series  # fraction, by region incl. Indonesia (00), mix_year
    capacity_series: pd.DataFrame  # PLN installed capacity, MW: region_code, year, value (NaN: gap year)
    generation_series: pd.DataFrame  # PLN generation, GWh: region_code, year, value (NaN: gap year)
    series_jumps: pd.DataFrame  # indicator, region_code, year, growth (%) beyond JUMP_PERCENT
    largest_capacity_jump: pd.Series  # the row of series_jumps with the largest capacity change
    utilisation: pd.DataFrame  # technology, area, potential_mw, installed_mw, utilisation (fraction)
    utilisation_ratio: pd.DataFrame  # the same ratio (fraction), technology × area
    potential: pd.DataFrame  # RUEN potential, MW, technology × area
    potential_total: pd.Series  # RUEN potential of solar, wind, mini/micro hydro and ocean, MW, by province
    installed_renewable: pd.Series  # PLN renewable capacity, MW, by province, mix_year
    used_of_potential_region: float  # the three provinces' renewable capacity / potential_total (fraction)
    solar_potential_share_ntt_ntb: float  # NTB + NTT share of the three provinces' solar potential (fraction)
    regional_potential: pd.Series  # MW given only for Bali–Nusa Tenggara as a whole: bioenergy, large hydro
    plants: pd.DataFrame  # mapped plants: name, technology, group, capacity_mw, status, operating, lon, lat
    plants_unmapped: int  # plants without coordinates (not on the map)
    plants_without_capacity: int  # mapped plants with no capacity in any source (drawn smallest)
    flores_geothermal: pd.DataFrame  # NTT geothermal plants: name, kabkota_code, status, capacity_mw
    flores_geothermal_operating_mw: float  # MW of operating NTT geothermal in the plant table
    flores_geothermal_pipeline_mw: float  # MW announced or in pre-construction (GEM)
    planned: pd.DataFrame  # RUPTL additions, MW, region × technology (storage left out), 2025–2034
    planned_storage: pd.Series  # RUPTL battery storage, MW, by province
    planned_renewable_share: pd.Series  # renewable share of the planned additions (fraction), by province
    ruptl_years: tuple[int, int]  # RUPTL plan horizon
    share_if_built: pd.DataFrame  # renewable share of capacity (fraction): region × (mix_year, ruptl end)
    solar: gpd.GeoDataFrame  # kab/kota shapes + centroid lat/lon + clear_sky_kwh_m2 (kWh/m² per year)
    province_shapes: gpd.GeoDataFrame
    clear_sky_year: int  # CLEAR_SKY_YEAR
    solar_highest: str  # kab/kota code with the highest clear-sky irradiation
    solar_lowest: str  # kab/kota code with the lowest
    solar_highest_kwh_m2: float  # its clear-sky irradiation, kWh/m² per year
    solar_lowest_kwh_m2: float  # kWh/m² per year
    solar_by_province: pd.Series  # mean clear-sky irradiation of the kab/kota, kWh/m² per year
    headline: pd.DataFrame  # headline table: row key × region code (with Indonesia where comparable)
    headline_years: dict[str, int]  # years named in the headline row labels


def _by_technology(by_type: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """PLN values of one indicator summed by technology: region_code, technology, renewable, value."""
    rows = tables.select(by_type, indicator=indicator, region_code=WITH_INDONESIA)
    rows = rows[rows["category"].isin(list(PLN_TYPES))]
    rows = rows.assign(technology=rows["category"].map(PLN_TYPES))
    out = rows.groupby(["region_code", "technology"], as_index=False)["value"].sum()
    return out.assign(renewable=out["technology"].isin(list(RENEWABLE)))


def _in_chart_order(wide: pd.DataFrame) -> pd.DataFrame:
    """Columns in TECHNOLOGY_ORDER up to the last one present (zeros between), rows in region order."""
    present = [i for i, tech in enumerate(TECHNOLOGY_ORDER) if tech in wide.columns]
    columns = list(TECHNOLOGY_ORDER[: max(present) + 1])
    return wide.reindex(index=WITH_INDONESIA, columns=columns).fillna(0.0)


def _pln_total(by_type: pd.DataFrame, indicator: str) -> pd.Series:
    """PLN's own total of an indicator by region (it includes the unclassified "other" type)."""
    totals = tables.select(by_type, indicator=indicator, category="total", region_code=WITH_INDONESIA)
    return totals.set_index("region_code")["value"]


def _share_series(frame: pd.DataFrame) -> pd.Series:
    shares = renewable_share(frame, by=["region_code"])
    return shares.set_index("region_code")["renewable_share"].reindex(WITH_INDONESIA)


def _potential(potential: pd.DataFrame) -> pd.DataFrame:
    """RUEN potential by technology and area (MW): provinces, and geothermal by island group."""
    by_province = tables.select(potential, region_code=FOCUS, indicator=list(POTENTIAL_BY_PROVINCE))
    by_province = by_province.assign(
        technology=by_province["indicator"].map(POTENTIAL_BY_PROVINCE), area=by_province["region_code"]
    )
    geothermal = tables.select(
        potential, table="geothermal", indicator=GEOTHERMAL_POTENTIAL, area=list(GEOTHERMAL_AREAS)
    )
    geothermal = geothermal.assign(technology="geothermal", area=geothermal["area"].map(GEOTHERMAL_AREAS))
    both = pd.concat([by_province, geothermal], ignore_index=True)
    return both[["technology", "area", "value"]].rename(columns={"value": "potential_mw"})


def _regional_potential(potential: pd.DataFrame) -> pd.Series:
    """Potential RUEN gives only for Bali–Nusa Tenggara as a whole (MW), by technology."""
    rows = tables.select(
        potential, table="regional_summary", area=REGION_SUMMARY, indicator=list(REGIONAL_ONLY)
    )
    return rows.set_index(rows["indicator"].map(REGIONAL_ONLY))["value"].rename_axis("technology")


def _installed_by_area(capacity: pd.DataFrame) -> pd.DataFrame:
    """PLN capacity by technology for each province, and NTB + NTT together (geothermal's area)."""
    provinces = tables.select(capacity, region_code=FOCUS).rename(columns={"region_code": "area"})
    nusa = tables.select(capacity, region_code=NUSA_TENGGARA.split("+"))
    nusa = nusa.groupby("technology", as_index=False)["value"].sum().assign(area=NUSA_TENGGARA)
    both = pd.concat([provinces, nusa], ignore_index=True)
    return both[["technology", "area", "value"]].rename(columns={"value": "installed_mw"})


def _utilisation(potential: pd.DataFrame, capacity: pd.DataFrame) -> pd.DataFrame:
    """Installed PLN capacity against RUEN potential; a technology PLN does not list has 0 MW."""
    frame = _potential(potential).merge(_installed_by_area(capacity), on=["technology", "area"], how="left")
    frame = frame.fillna({"installed_mw": 0.0})
    ratio = potential_utilisation(frame, by=["technology", "area"])
    frame = frame.merge(ratio, on=["technology", "area"])
    order = {tech: i for i, tech in enumerate(TECHNOLOGY_ORDER)}
    return frame.sort_values(
        ["technology", "area"], key=lambda s: s.map(order) if s.name == "technology" else s
    )


def _centroids(kab_shapes: gpd.GeoDataFrame) -> pd.DataFrame:
    """Kab/kota centroids (computed in an equal-area projection), in degrees."""
    points = kab_shapes.to_crs(EQUAL_AREA).centroid.to_crs(kab_shapes.crs)
    return pd.DataFrame({"region_code": kab_shapes["region_code"], "lat": points.y, "lon": points.x})


def _with_gap_years(series: pd.DataFrame) -> pd.DataFrame:
    """One row per region and year of the span; a year without data gets NaN, so a line breaks there."""
    years = range(int(series["year"].min()), int(series["year"].max()) + 1)
    full = pd.MultiIndex.from_product([FOCUS, years], names=["region_code", "year"])
    return series.set_index(["region_code", "year"])["value"].reindex(full).reset_index()


def _jumps(series: pd.DataFrame) -> pd.DataFrame:
    """Yearly changes beyond JUMP_PERCENT, per indicator and region (consecutive years only)."""
    growth = pd.concat(
        [
            yoy_growth(part, by=["region_code"]).assign(indicator=name)
            for name, part in series.groupby("indicator")
        ]
    )
    jumps = growth[growth["growth"].abs() > JUMP_PERCENT]
    return jumps[["indicator", "region_code", "year", "growth"]].reset_index(drop=True)


def _plants(plants: pd.DataFrame) -> pd.DataFrame:
    mapped = plants.dropna(subset=["lon", "lat"])
    mapped = mapped.assign(
        group=mapped["technology"].replace(PLANT_GROUPS),
        operating=mapped["status"] == OPERATING,
    )
    columns = ["name", "technology", "group", "capacity_mw", "status", "operating", "lon", "lat"]
    return (
        mapped[columns].sort_values("capacity_mw", ascending=False, na_position="last").reset_index(drop=True)
    )


def _planned(ruptl: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    """RUPTL additions by region × technology (MW), and battery storage apart (not generation)."""
    storage = tables.select(ruptl, technology="storage").groupby("region_code")["capacity_mw"].sum()
    generating = ruptl[ruptl["technology"] != "storage"]
    wide = generating.pivot_table(
        index="region_code", columns="technology", values="capacity_mw", aggfunc="sum"
    )
    return _in_chart_order(wide).reindex(FOCUS), storage.reindex(FOCUS, fill_value=0.0)


def _share_if_built(capacity: pd.DataFrame, planned: pd.DataFrame) -> pd.Series:
    """Renewable share of capacity if every planned plant is added and nothing retires (fraction)."""
    added = planned.stack().rename("value").reset_index()
    added = added.assign(renewable=added["technology"].isin(list(RENEWABLE)))
    now = tables.select(capacity, region_code=FOCUS)
    both = pd.concat([now[["region_code", "technology", "renewable", "value"]], added], ignore_index=True)
    return renewable_share(both, by=["region_code"]).set_index("region_code")["renewable_share"]


def compute() -> RenewablesResult:
    """Load the tables and compute every figure of briefing 03."""
    by_type = load("electricity_2019_by_type")
    pln = load("electricity_pln")
    potential = load("re_potential")
    plants = load("power_plants")
    ruptl = load("ruptl_planned_capacity_by_type")
    ruptl_items = load("ruptl_planned_generation")  # the plan's items: their target years span the plan
    kab_shapes, province_shapes = load("kabkota_boundaries"), load("province_boundaries")

    mix_year = int(by_type["year"].max())
    capacity = _by_technology(by_type, "installed_capacity")
    generation = _by_technology(by_type, "electricity_generated")
    capacity_wide = _in_chart_order(tables.wide(capacity, index="region_code", columns="technology"))
    generation_wide = _in_chart_order(tables.wide(generation, index="region_code", columns="technology"))
    share_capacity, share_generation = _share_series(capacity), _share_series(generation)

    series = tables.select(
        pln, region_code=FOCUS, indicator=["installed_capacity", "electricity_generated"]
    ).dropna(subset=["value"])
    capacity_series = tables.select(series, indicator="installed_capacity").dropna(subset=["value"])
    generation_series = tables.select(series, indicator="electricity_generated").dropna(subset=["value"])

    jumps = _jumps(series)
    capacity_jumps = tables.select(jumps, indicator="installed_capacity")
    utilisation = _utilisation(potential, capacity)
    provincial = utilisation[utilisation["technology"].isin(list(POTENTIAL_BY_PROVINCE.values()))]
    potential_total = provincial.groupby("area")["potential_mw"].sum().reindex(FOCUS)
    installed_renewable = (
        tables.select(capacity, region_code=FOCUS, renewable=True).groupby("region_code")["value"].sum()
    ).reindex(FOCUS, fill_value=0.0)
    solar_potential = tables.select(provincial, technology="solar").set_index("area")["potential_mw"]

    mapped = _plants(plants)
    ntt_geothermal = tables.select(plants, technology="geothermal", province_code=FLORES_GEOTHERMAL_PROVINCE)
    ntt_geothermal = ntt_geothermal[["name", "kabkota_code", "status", "capacity_mw"]].sort_values(
        ["status", "name"]
    )
    pipeline = ntt_geothermal["status"].isin(["announced", "pre_construction"])

    planned, storage = _planned(ruptl)
    planned_share = renewable_share(
        planned.stack().rename("value").reset_index(), by=["region_code"]
    ).set_index("region_code")["renewable_share"]
    ruptl_years = (int(ruptl_items["target_year"].min()), int(ruptl_items["target_year"].max()))
    share_if_built = pd.DataFrame(
        {mix_year: share_capacity.reindex(FOCUS), ruptl_years[1]: _share_if_built(capacity, planned)}
    )

    centroids = _centroids(kab_shapes)
    irradiation = clear_sky_irradiation(centroids, year=CLEAR_SKY_YEAR)
    solar = kab_shapes.merge(irradiation, on="region_code", how="left")
    if solar["clear_sky_kwh_m2"].isna().any():
        raise ValueError("kab/kota without a clear-sky estimate")
    by_kab = solar.set_index("region_code")["clear_sky_kwh_m2"]
    solar_by_province = solar.groupby("province_code")["clear_sky_kwh_m2"].mean().reindex(FOCUS)

    headline = pd.DataFrame(
        {
            "row_r_capacity": _pln_total(by_type, "installed_capacity"),
            "row_r_generation": _pln_total(by_type, "electricity_generated"),
            "row_r_share_capacity": share_capacity * 100,
            "row_r_share_generation": share_generation * 100,
            "row_r_potential": potential_total,
            "row_r_planned": planned.sum(axis=1),
            "row_r_share_2034": share_if_built[ruptl_years[1]] * 100,
            "row_r_clear_sky": solar_by_province,
        }
    ).T.reindex(columns=WITH_INDONESIA)
    return RenewablesResult(
        mix_year=mix_year,
        series_years=(int(capacity_series["year"].min()), int(capacity_series["year"].max())),
        capacity_mix=capacity_wide.div(capacity_wide.sum(axis=1), axis=0),
        generation_mix=generation_wide.div(generation_wide.sum(axis=1), axis=0),
        capacity_by_technology=capacity_wide.loc[FOCUS],
        renewable_share_capacity=share_capacity,
        renewable_share_generation=share_generation,
        capacity_series=_with_gap_years(capacity_series),
        generation_series=_with_gap_years(generation_series),
        series_jumps=jumps,
        largest_capacity_jump=capacity_jumps.loc[capacity_jumps["growth"].abs().idxmax()],
        utilisation=utilisation.reset_index(drop=True),
        utilisation_ratio=utilisation.pivot(index="technology", columns="area", values="utilisation"),
        potential=utilisation.pivot(index="technology", columns="area", values="potential_mw"),
        potential_total=potential_total,
        installed_renewable=installed_renewable,
        used_of_potential_region=float(installed_renewable.sum() / potential_total.sum()),
        regional_potential=_regional_potential(potential),
        solar_potential_share_ntt_ntb=float(solar_potential[["52", "53"]].sum() / solar_potential.sum()),
        plants=mapped,
        plants_unmapped=int(plants["lon"].isna().sum()),
        plants_without_capacity=int(mapped["capacity_mw"].isna().sum()),
        flores_geothermal=ntt_geothermal.reset_index(drop=True),
        flores_geothermal_operating_mw=float(
            ntt_geothermal.loc[ntt_geothermal["status"] == OPERATING, "capacity_mw"].sum()
        ),
        flores_geothermal_pipeline_mw=float(ntt_geothermal.loc[pipeline, "capacity_mw"].sum()),
        planned=planned,
        planned_storage=storage,
        planned_renewable_share=planned_share.reindex(FOCUS),
        ruptl_years=ruptl_years,
        share_if_built=share_if_built,
        solar=solar,
        province_shapes=province_shapes,
        clear_sky_year=CLEAR_SKY_YEAR,
        solar_highest=str(by_kab.idxmax()),
        solar_lowest=str(by_kab.idxmin()),
        solar_highest_kwh_m2=float(by_kab.max()),
        solar_lowest_kwh_m2=float(by_kab.min()),
        solar_by_province=solar_by_province,
        headline=headline,
        headline_years={"mix": mix_year, "plan": ruptl_years[1], "sky": CLEAR_SKY_YEAR},
    )
