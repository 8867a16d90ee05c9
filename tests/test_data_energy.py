"""Curated energy tables: real upstream values, every documented defect fixed, coverage and caveats."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from krbnn_analysis import catalog, config, load
from krbnn_analysis.errors import SchemaValidationError
from krbnn_analysis.pipeline.common import concat
from krbnn_analysis.pipeline.subjects.energy import plants as energy_plants
from krbnn_analysis.pipeline.subjects.energy import ruptl as energy_ruptl
from krbnn_analysis.pipeline.upstream import UpstreamFiles

ENERGY_TABLES = (
    "electricity_pln",
    "electricity_2019_by_type",
    "power_plants",
    "substations",
    "transmission_lines",
    "ruptl_planned_generation",
    "ruptl_planned_capacity_by_type",
    "ruptl_planned_grid",
    "re_potential",
    "energy_text_figures",
)


def _upstream(path: str, **kwargs) -> pd.DataFrame:
    return pd.read_csv(config.upstream_dir() / path, **kwargs)


def _caveats(name: str) -> str:
    return " | ".join(c.en for c in catalog()[name].caveats)


def _has(frame: pd.DataFrame, flag: str) -> pd.Series:
    return frame["flags"].fillna("").str.split(";").map(lambda flags: flag in flags)


def _plant(name: str) -> pd.Series:
    plants = load("power_plants")
    rows = plants[plants["name"] == name]
    assert len(rows) == 1, f"{name}: {len(rows)} rows"
    return rows.iloc[0]


# --- catalog ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ENERGY_TABLES)
def test_every_energy_table_is_bilingual_rated_and_sourced(name):
    entry = catalog()[name]
    assert entry.title.id and entry.title.en and entry.title.id != entry.title.en
    assert entry.quality.rating in ("green", "amber") and entry.quality.reason.id and entry.quality.reason.en
    assert entry.caveats and all(c.id and c.en and c.id != c.en for c in entry.caveats)
    assert entry.primary_key and entry.vintage
    sources = {s.id for s in entry.sources}
    assert set(load(name)["source"].str.split(";").explode()) <= sources
    assert not any("suspect" in s for s in sources)  # the OSeMOSYS Global file stays out


def test_quality_ratings():
    ratings = {name: catalog()[name].quality.rating for name in ENERGY_TABLES}
    assert ratings["electricity_pln"] == "green"
    assert {r for n, r in ratings.items() if n != "electricity_pln"} == {"amber"}


# --- electricity_pln ----------------------------------------------------------------------------------


def test_bali_pln_capacity_2019_equals_the_2019_by_type_total():
    pln = load("electricity_pln").set_index(["region_code", "indicator", "year"])["value"]
    by_type = load("electricity_2019_by_type").set_index(["region_code", "indicator", "category"])["value"]
    assert pln[("51", "installed_capacity", 2019)] == 1_041.52
    assert by_type[("51", "installed_capacity", "total")] == 1_041.52
    for code in ("51", "52", "53"):
        assert by_type[(code, "electricity_sold", "total")] == pln[(code, "electricity_distributed", 2019)]
    indonesia = (by_type[("00", "electricity_sold", "total")], pln[("00", "electricity_distributed", 2019)])
    assert indonesia == (247_653.34, 247_653.33)  # equal up to rounding
    assert (
        pln[("52", "installed_capacity", 2019)] == 795.75
        and pln[("53", "installed_capacity", 2019)] == 333.42
    )


def test_bali_capacity_2011_artefact_is_missing_and_flagged():
    pln = load("electricity_pln").query("region_code == '51' and indicator == 'installed_capacity'")
    row = pln[pln["year"] == 2011].iloc[0]
    assert math.isnan(row["value"]) and row["flag"] == "source_artefact_set_missing" and "3.84" in row["note"]
    assert pln.set_index("year")["value"][2012] == 453.87
    assert "3.84 MW" in _caveats("electricity_pln")


@pytest.mark.upstream
def test_the_artefacts_are_what_the_bps_tables_publish():
    raw = _upstream("macro/bps_prov_grdp_energy_pop_2010_2020_archensys.csv")
    value = raw.set_index(["province_std", "indicator", "year"])["value"]
    assert value[("BALI", "installed_capacity_PLN", 2011)] == 3.84
    assert value[("INDONESIA", "electricity_generated_PLN", 2013)] == 22_206.93
    generation = raw[(raw["indicator"] == "electricity_generated_PLN") & (raw["year"] == 2013)]
    assert generation.loc[generation["province_std"] != "INDONESIA", "value"].sum() == pytest.approx(
        222_206.92
    )


def test_indonesia_generation_2013_dropped_digit_is_missing_and_flagged():
    pln = load("electricity_pln").query("region_code == '00' and indicator == 'electricity_generated'")
    row = pln[pln["year"] == 2013].iloc[0]
    assert math.isnan(row["value"]) and "22,206.93" in row["note"]
    assert (pln["flag"].notna()).sum() == 1
    assert pln.set_index("year")["value"][2014] == 238_019.10


def test_pln_series_covers_34_provinces_and_indonesia_without_2016():
    pln = load("electricity_pln")
    assert pln["region_code"].nunique() == 35
    assert 2016 not in set(pln["year"])
    years = pln.groupby("indicator")["year"].agg(lambda y: sorted(set(y)))
    assert years["installed_capacity"] == [2011, 2012, 2013, 2014, 2015, 2017, 2018, 2019]
    assert years["electricity_distributed"][-4:] == [2020, 2021, 2022, 2023]
    assert set(pln.loc[pln["year"] >= 2020, "indicator"]) == {"electricity_distributed"}
    bali = pln.query("region_code == '51' and indicator == 'electricity_distributed'").set_index("year")[
        "value"
    ]
    assert (bali[2019], bali[2020], bali[2023]) == (5_706.73, 4_946.86, 6_354.53)


def test_distributed_2020_2023_gaps_are_kept_as_gaps():
    recent = load("electricity_pln").query("year >= 2020")
    assert "00" not in set(recent["region_code"])  # no INDONESIA row upstream: none invented
    assert set(recent.loc[recent["region_code"] == "63", "year"]) == {2021, 2022, 2023}
    assert recent.loc[recent["year"] == 2023, "value"].sum() == pytest.approx(288_435.75)
    assert "Kalimantan Selatan 2020" in _caveats("electricity_pln")


def test_pln_caveats_state_scope_and_gaps():
    text = _caveats("electricity_pln")
    assert "PLN-owned plants only" in text and "No data for 2016" in text and "22,206.93" in text


# --- electricity_2019_by_type -------------------------------------------------------------------------


def test_2019_types_sum_to_the_total_and_mark_renewables():
    stats = load("electricity_2019_by_type")
    ntt = stats.query("region_code == '53' and indicator == 'installed_capacity'").set_index("category")
    assert ntt.loc["geothermal", "value"] == 24.60 and bool(ntt.loc["geothermal", "renewable"])
    assert ntt.drop(index="total")["value"].sum() == pytest.approx(ntt.loc["total", "value"])
    bali_gen = stats.query("region_code == '51' and indicator == 'electricity_generated'").set_index(
        "category"
    )
    assert bali_gen.loc["coal", "value"] == 3_051.81 and not bool(bali_gen.loc["coal", "renewable"])
    assert pd.isna(bali_gen.loc["total", "renewable"])
    fuel = stats.query("region_code == '52' and category == 'fuel_coal'").iloc[0]
    assert (fuel["value"], fuel["unit"]) == (779_150.58, "tonne")
    assert "none or not reported" in _caveats("electricity_2019_by_type")


# --- power_plants -------------------------------------------------------------------------------------


def test_nusa_penida_wind_is_one_plant_of_0_72_mw():
    plants = load("power_plants")
    wind = plants[plants["name"] == "PLTB Nusa Penida"]
    assert len(wind) == 1
    row = wind.iloc[0]
    assert row["capacity_mw"] == 0.72 and row["technology"] == "wind" and row["kabkota_code"] == "5105"
    records = row["records"].split(";")
    assert sum(r.startswith("osm:way/14482966") for r in records) == 1 and len(records) == 9  # 1 OSM + 8 IPM
    assert "8 OSM turbine features" in row["note"] and "merged_turbine_features" in row["flags"]
    assert "0.72 MW" in _caveats("power_plants")


def test_ulumbu_is_geothermal_in_flores_with_gem_units_merged():
    row = _plant("PLTP Ulumbu")
    assert (
        row["technology"] == "geothermal" and row["province_code"] == "53" and row["kabkota_code"] == "5313"
    )
    assert (
        row["kabkota_name"] == "Kabupaten Manggarai"
        and row["kab_match"] == "inside"
        and row["kab_distance_km"] == 0
    )
    assert -9.0 < row["lat"] < -8.5 and 120.0 < row["lon"] < 121.0  # Manggarai, not Ulubelu (Lampung, −5.3)
    assert "gem:G100000700375" in row["records"].split(";") and "gppd:1001041" in row["records"]
    assert row["other_capacities_mw"] == "gem:G100000700375=8; gppd:1001041=5"
    plants = load("power_plants")
    assert not plants["name"].fillna("").str.contains("Ulumbo|PLTG Ulumbu").any()
    assert plants["lat"].dropna().between(-11.1, -8.0).all()


def test_ampenan_typo_fixed_and_capacity_taken_from_gppd():
    row = _plant("PLTD Ampenan Power Station")
    assert (
        row["technology"] == "diesel"
        and row["capacity_mw"] == 56.284
        and row["capacity_from"] == "gppd:1000736"
    )
    assert "name_typo_fixed" in row["flags"] and "capacity_missing" not in row["flags"]
    assert not load("power_plants")["name"].fillna("").str.startswith("PTLD").any()


def test_pesanggaran_records_are_kept_and_flagged_as_possible_overlap():
    plants = load("power_plants")
    site = plants[plants["note"].fillna("").str.contains("Pesanggaran site")]
    assert set(site["name"]) == {
        "PLTDG Pesanggaran",
        "PLTG Pesanggaran",
        "Pesanggaran",
        "Pesanggaran BOO",
        "Pesanggaran BOT",
    }
    assert _has(site, "possible_overlap").all()
    assert (
        _plant("PLTDG Pesanggaran")["capacity_mw"] == 325 and _plant("PLTG Pesanggaran")["capacity_mw"] == 200
    )
    assert _plant("PLTG Pesanggaran")["other_capacities_mw"] == "gppd:1000845=122"
    assert _plant("Pesanggaran BOO")["capacity_mw"] == 75  # two GPPD rows (30 + 45), as in the release


def test_captive_mining_plants_are_flagged():
    plants = load("power_plants")
    captive = plants[_has(plants, "captive_mining")]
    assert set(captive["name"]) == {"PLTU Batu Hijau", "PLTS Sumbawa"}
    assert set(captive["capacity_mw"]) == {112.0, 26.8}
    batu_hijau = _plant("PLTU Batu Hijau")
    assert set(batu_hijau["records"].split(";")) == {"osm:way/944916493", "gppd:1075801", "gppd:1000957"}


def test_pltu_kupang_sulawesi_coordinates_are_dropped():
    row = _plant("PLTU Kupang")
    assert math.isnan(row["lat"]) and math.isnan(row["lon"]) and row["kab_match"] == "no_coords"
    # no coordinates: no kab/kota, so the province is the one assigned upstream
    assert row["province_code"] == "53" and "bad_source_coordinates_dropped" in row["flags"]
    assert pd.isna(row["kabkota_code"]) and math.isnan(row["kab_distance_km"])


@pytest.mark.upstream
def test_the_dropped_coordinates_are_the_documented_placeholders():
    raw = _upstream("energy/gppd_wri_raw_indonesia_bali_ntb_ntt.csv", dtype={"power_plant_id": str})
    kupang = raw[raw["name"] == "PLTU Kupang"].iloc[0]
    assert (kupang["latitude"], kupang["longitude"]) == (-2.5213, 121.357)
    gem = _upstream("energy/gem_geothermal_tracker_mar2026_bali_ntb_ntt.csv")
    ulumbo = gem[gem["project"] == "Ulumbo geothermal power plant"]
    assert len(ulumbo) == 4 and ulumbo["latitude"].between(-5.31, -5.30).all()


def test_kw_and_dc_capacities_are_converted_and_marked():
    assert _plant("PLTS Gili Trawangan")["capacity_mw"] == 0.6  # '600 kW'
    assert _plant("PLTS Bilacenge")["capacity_mw"] == 7.0  # '7000 kW'
    solor = _plant("PLTS Solor Barat")
    assert solor["capacity_mw"] == 0.275 and solor["capacity_basis"] == "dc_peak"  # '275 kWp'
    plants = load("power_plants")
    assert (_has(plants, "capacity_dc_peak") == (plants["capacity_basis"] == "dc_peak")).all()
    assert _has(plants, "capacity_missing").sum() == plants["capacity_mw"].isna().sum() == 10


@pytest.mark.upstream
def test_every_upstream_record_is_in_exactly_one_plant():
    plants = load("power_plants")
    records = plants["records"].str.split(";").explode()
    assert records.is_unique
    osm = _upstream("energy/osm_power_plants_bali_ntb_ntt_2026-05-10.csv")
    nusa_penida = osm["name"] == "PLTB Nusa Penida"
    assert set("osm:" + osm.loc[~nusa_penida, "osm_id"]) | {"osm:way/1448296632"} == set(
        records[records.str.startswith("osm:")]
    )
    ipm = _upstream("energy/ipm_generator_master_bali_from_jamali.csv")
    assert set("ipm:" + ipm["id"]) == set(records[records.str.startswith("ipm:")])
    gppd = _upstream("energy/gppd_wri_raw_indonesia_bali_ntb_ntt.csv", dtype={"power_plant_id": str})
    assert set("gppd:" + gppd["power_plant_id"]) == set(records[records.str.startswith("gppd:")])
    gem = _upstream("energy/gem_geothermal_tracker_mar2026_bali_ntb_ntt.csv")
    gem_plants = plants[plants["source"].str.contains("gem-geothermal")]
    in_gem = gem_plants["records"].str.split(";").explode()
    assert in_gem.str.startswith("gem:").sum() == gem.groupby(["project", "status"]).ngroups == 11
    assert len(plants) == 88


@pytest.mark.upstream
def test_an_unlisted_duplicate_candidate_stops_the_build(monkeypatch):
    files = UpstreamFiles(energy_plants.STEPS[0].inputs)
    osm = energy_plants.osm_records(files.read_csv(energy_plants.OSM), "osm")
    gppd = energy_plants.gppd_records(
        files.read_csv(energy_plants.GPPD_RAW), files.read_csv(energy_plants.GPPD_V10), "raw", "v10"
    )
    records = concat([osm, gppd])
    without_celukan = tuple(g for g in energy_plants.SAME_PLANT if "PLTU Celukan Bawang" not in g[1])
    monkeypatch.setattr(
        energy_plants, "SAME_PLANT", tuple(g for g in without_celukan if "gem:" not in " ".join(g[0]))
    )
    plant_of = energy_plants.check_groups(records, "osm")
    with pytest.raises(SchemaValidationError, match="Celukan Bawang"):
        energy_plants.check_unlisted_candidates(records, plant_of, "osm")


def test_points_carry_the_location_columns_of_every_point_table():
    location = [
        "province_code",
        "province_name",
        "kabkota_code",
        "kabkota_name",
        "kab_match",
        "kab_distance_km",
    ]
    for name in ("power_plants", "substations", "airports", "seaports", "fishing_ports", "wpi_ports"):
        table = load(name)
        assert [c for c in table.columns if c in location] == location, name
        located = table[table["kabkota_code"].notna()]
        assert (located["kabkota_code"].str[:2] == located["province_code"]).all(), name
    plants = load("power_plants")
    assert not _has(plants, "province_disagrees").any()  # upstream provinces agree with the polygons
    assert set(plants.loc[plants["lat"].isna(), "kab_match"]) == {"no_coords"}
    assert plants["kab_match"].value_counts().to_dict() == {"inside": 80, "nearest": 5, "no_coords": 3}
    assert plants.loc[plants["kab_match"] == "nearest", "kab_distance_km"].max() <= 5.0


def test_power_plant_caveats():
    text = _caveats("power_plants")
    for phrase in (
        "OpenStreetMap coverage is partial",
        "do not add them up",
        "mining companies' own plants",
        "Sulawesi",
        "kWp",
        "Bedugul",
    ):
        assert phrase in text


# --- substations and lines ----------------------------------------------------------------------------


def test_substation_voltage_lists_are_split():
    subs = load("substations").set_index("name")
    gianyar = subs.loc["Gardu Induk Gianyar"]
    assert gianyar["voltages_kv"] == "150;20" and gianyar["voltage_kv_max"] == 150
    assert subs.loc["Gardu Induk Naibonat", "voltages_kv"] == "150;70"
    assert gianyar["ruptl_capacity_mva"] == 150 and gianyar["ruptl_transformers"] == 3


def test_substations_cover_the_osm_extract_with_bali_ruptl_capacity():
    subs = load("substations")
    assert len(subs) == 78 and subs["province_code"].value_counts().to_dict() == {
        "52": 39,
        "51": 22,
        "53": 17,
    }
    assert subs["voltage_kv_max"].isna().sum() == 21
    assert subs["ruptl_capacity_mva"].notna().sum() == 18
    assert set(subs.loc[subs["ruptl_capacity_mva"].notna(), "province_code"]) == {"51"}
    flagged = subs[_has(subs, "name_suggests_not_a_grid_substation")]
    assert "Pertamina Gas Station 54-833-04" in set(flagged["name"])
    assert "'150000;20000'" in _caveats("substations")


def test_transmission_lengths_by_province_and_voltage_equal_the_readme():
    lines = load("transmission_lines")
    km = lines.groupby(["region_code", "voltage_kv"])["length_km"].sum().round(1).to_dict()
    assert km == {
        ("51", 150.0): 518.6,
        ("52", 70.0): 169.2,
        ("52", 150.0): 485.3,
        ("53", 70.0): 667.2,
        ("53", 150.0): 91.0,
    }
    assert lines["region_code"].value_counts().to_dict() == {"51": 249, "53": 51, "52": 31}


def test_only_the_java_bali_cable_links_islands_and_it_has_no_length():
    lines = load("transmission_lines")
    links = lines[lines["other_region_code"].notna()]
    assert len(links) == 1
    cable = links.iloc[0]
    assert (cable["line_id"], cable["region_code"], cable["other_region_code"]) == ("IC-JBALI-01", "51", "35")
    assert (
        cable["line_kind"] == "submarine_cable"
        and math.isnan(cable["length_km"])
        and "4 circuits" in cable["note"]
    )
    text = _caveats("transmission_lines")
    assert "no Bali–Lombok or Lombok–Sumbawa link" in text and "not in the OSM geometry" in text


# --- RUPTL --------------------------------------------------------------------------------------------


def test_ruptl_probable_duplicates_are_left_out_of_totals():
    items = load("ruptl_planned_generation")
    excluded = items[~items["in_total"]].set_index("item_id")["duplicate_of"].to_dict()
    assert excluded == {
        "RUPTL-NTT-P-0038": "RUPTL-NTT-P-0027",
        "RUPTL-NTT-P-0041": "RUPTL-NTT-P-0036",
        "RUPTL-NTT-P-0034": "RUPTL-NTT-P-0033",
    }
    by_type = load("ruptl_planned_capacity_by_type").set_index(["region_code", "ruptl_type"])
    assert by_type.loc[("53", "PLTP"), "capacity_mw"] == 123.0  # 144 in the upstream summary − 11 − 10
    assert by_type.loc[("53", "PLTU"), "capacity_mw"] == 18.0  # 21 − 3
    assert by_type.loc[("51", "PLTGU"), "capacity_mw"] == 1_350.0
    totals = items[items["in_total"]].groupby("region_code")["capacity_mw"].sum().round(2).to_dict()
    assert totals == {"51": 2_001.77, "52": 925.77, "53": 870.73}
    assert "Mataloko" in _caveats("ruptl_planned_generation")


@pytest.mark.upstream
def test_recomputed_totals_plus_removed_duplicates_equal_the_upstream_summary():
    summary = _upstream("energy/ruptl_2025_2034_planned_generation_by_type_bali_ntb_ntt_summary.csv")
    summary["region_code"] = summary["province"].map({"Bali": "51", "NTB": "52", "NTT": "53"})
    upstream = summary.set_index(["region_code", "ruptl_type"])
    ours = load("ruptl_planned_capacity_by_type").set_index(["region_code", "ruptl_type"])
    assert set(ours.index) == set(upstream.index)
    recombined = ours["capacity_mw"] + ours["capacity_mw_excluded_duplicates"]
    assert (recombined - upstream["capacity_mw_total_2025_2034"]).abs().max() < 1e-6
    assert ((ours["n_items"] + ours["n_excluded_duplicates"]) == upstream["n_entries"]).all()


@pytest.mark.upstream
def test_low_confidence_synthetic_coordinates_are_never_kept():
    frames = [_upstream(f"energy/ipm_ruptl_2025_2034_generators_{p}.csv") for p in ("bali", "ntb", "ntt")]
    low = set(concat(frames).query("coord_confidence == 'low'")["id"])
    assert len(low) == 14 + 6 + 48
    items = load("ruptl_planned_generation").set_index("item_id")
    assert items.loc[sorted(low), ["lon", "lat"]].isna().all().all()
    assert (items.loc[sorted(low), "coordinate_status"] == "synthetic_removed").all()
    quota = items[items["name"].str.contains("Kuota|Tersebar")]
    assert quota["lat"].isna().all()
    assert items.loc["RUPTL-NTT-P-0040", "coordinate_status"] == "matched_existing_plant"  # Ulumbu 5


def test_a_changed_duplicate_pair_stops_the_build():
    items = pd.DataFrame(
        [
            {
                "item_id": later,
                "name": "x",
                "ruptl_type": "PLTP",
                "capacity_mw": 10.0,
                "status": "planned",
                "developer": "PLN",
                "target_year": 2031,
                "flags": [],
            }
            for later in energy_ruptl.DUPLICATES
        ]
        + [
            {
                "item_id": earlier,
                "name": "x",
                "ruptl_type": "PLTP",
                "capacity_mw": 11.0,
                "status": "planned",
                "developer": "PLN",
                "target_year": 2031,
                "flags": [],
            }
            for earlier in energy_ruptl.DUPLICATES.values()
        ]
    )
    with pytest.raises(SchemaValidationError, match="no longer repeats"):
        energy_ruptl.mark_duplicates(items, "synthetic")


def test_ruptl_grid_drops_the_table_total_rows_and_reads_line_bays():
    grid = load("ruptl_planned_grid").set_index("item_id")
    assert "RUPTL-NTB-T-0013" not in grid.index and "RUPTL-NTT-T-0022" not in grid.index
    assert grid["length_km"].max() < 300  # the totals were 159 and 1,251 km
    lines = grid[grid["asset"] == "transmission_line"]
    assert lines.groupby("region_code")["length_km"].sum().round(1).to_dict() == {"52": 229.0, "53": 1_340.8}
    assert grid.loc["RUPTL-NTB-T-0001", "status"] == "construction"  # 'Kontruksi'
    bays = grid.loc["RUPTL-NTT-GI-0008"]
    assert bays["line_bays"] == 2 and pd.isna(bays["capacity_mva"]) and "line_bays_not_mva" in bays["flags"]
    assert grid.loc["RUPTL-NTT-GI-0001", "capacity_mva"] == 60
    assert "1,251 km" in _caveats("ruptl_planned_grid")


# --- RE potential -------------------------------------------------------------------------------------


def test_solar_and_wind_potential_by_province():
    pot = load("re_potential")
    solar = pot.query("table == 'solar'").set_index("region_code")["value"]
    wind = pot.query("table == 'wind'").set_index("region_code")["value"]
    assert (solar["51"], solar["52"], solar["53"], solar["00"]) == (1_254, 9_931, 7_272, 207_898)
    assert (wind["51"], wind["52"], wind["53"], wind["00"]) == (1_019, 2_605, 10_188, 60_647)
    assert pot.query("table == 'solar'")["region_code"].nunique() == 35


def test_large_hydro_624_mw_is_not_attributed_to_bali():
    pot = load("re_potential")
    large = pot[pot["indicator"] == "large_hydro_potential"]
    assert not ((large["region_code"] == "51") & (large["table"] == "hydro")).any()
    relabelled = large[_has(large, "relabelled_bali_nusa_tenggara")].iloc[0]
    assert (
        relabelled["value"] == 624
        and pd.isna(relabelled["region_code"])
        and relabelled["area_type"] == "region"
    )
    assert not large["region_code"].isin(["52", "53"]).any()  # blank upstream: no zero invented
    mini = pot.query("indicator == 'mini_micro_hydro_potential'").set_index("area")["value"]
    assert (mini["Bali"], mini["Nusa Tenggara Barat"], mini["Nusa Tenggara Timur"]) == (15, 31, 95)
    assert "624 MW" in _caveats("re_potential")


def test_geothermal_is_by_island_group_and_locations_are_counts():
    geo = load("re_potential").query("table == 'geothermal'")
    assert geo.loc[geo["area_type"] == "island_group", "region_code"].isna().all()
    nusa = geo[geo["area"] == "Nusa Tenggara"].set_index("indicator")
    assert nusa.loc["geothermal_total_potential", "value"] == 1_363.8
    assert (nusa.loc["geothermal_locations", "value"], nusa.loc["geothermal_locations", "unit"]) == (
        31,
        "locations",
    )
    assert set(geo.loc[geo["indicator"] != "geothermal_locations", "unit"]) == {"MW"}
    caveats = _caveats("re_potential")
    assert "the data provider marks it doubtful" in caveats and "counts of locations" in caveats


# --- figures from text --------------------------------------------------------------------------------


def test_text_figures_carry_a_source_and_an_area_for_parts_of_a_region():
    figures = load("energy_text_figures")
    assert len(figures) == 170
    assert figures["source_title"].str.strip().ne("").all()
    assert figures["source_url"].isna().sum() == 2  # the two Indonesia Power Map log rows: no address
    whole = figures[figures["area"].isna() & figures["kabkota_code"].isna()]
    ntt = whole.query("indicator == 'electrification_ratio' and region_code == '53'").iloc[0]
    assert (ntt["year"], ntt["value"], ntt["unit"]) == (2019, 85.84, "percent of households")
    lighting = whole.query("indicator == 'households_with_electric_lighting_bps' and year == 2022")
    assert lighting.set_index("region_code")["value"].to_dict() == {
        "51": 99.99,
        "52": 99.94,
        "53": 94.87,
        "00": 99.39,
    }
    bima = figures[figures["area_as_given"] == "NTB: Bima"].iloc[0]
    assert (bima["region_code"], bima["kabkota_code"]) == ("52", "5206")  # Kota Bima (5272) is separate
    systems = figures[figures["area_as_given"].str.contains("system|Flores|PLT")]
    assert systems["kabkota_code"].isna().all() and systems["area"].notna().all()
    assert set(systems["region_code"]) == {"52", "53"}
    crossing = figures[figures["area_as_given"] == "Java-Bali"]
    assert crossing["region_code"].isna().all() and set(crossing["area"]) == {"Java-Bali"}


def _flagged(frame: pd.DataFrame, flag: str) -> pd.Series:
    return frame["flags"].fillna("").str.split(";").map(lambda flags: flag in flags)


def test_text_figure_years_are_parsed_only_where_unambiguous():
    figures = load("energy_text_figures")
    approximate = figures[figures["period_raw"].str.startswith("c.")]
    assert len(approximate) == 7 and approximate["year"].isna().all()
    dated = figures[figures["period_raw"] == "2017-02"].iloc[0]
    assert (dated["year"], dated["period_within_year"]) == (2017, "Feb")
    assert figures.loc[figures["period_raw"] == "not stated", "year"].isna().all()
    assert figures.loc[figures["period_raw"] == "2022-2023", "year"].isna().all()
    assert set(figures.loc[_flagged(figures, "year_inferred"), "year"]) == {2017}
    weak = figures[_flagged(figures, "weak_source")]
    assert len(weak) == 7 and weak["source_title"].str.contains("blog", case=False).all()
