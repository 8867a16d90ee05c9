"""The evidence refresh (issue 19): extended tables, joins checked on their overlap, boundary breaks,
one national aggregate, the NTB plausibility flag, the new air-traffic and origin-trips tables, and the
latest year of every table next to the latest year of its upstream files."""

from __future__ import annotations

import pandas as pd
import pytest

from krbnn_analysis import catalog, config, load, tables
from krbnn_analysis.errors import SchemaValidationError
from krbnn_analysis.indicators import yoy_growth
from krbnn_analysis.pipeline.subjects import macro, tourism

# --- GRDP: one national aggregate ---------------------------------------------------------------------


def test_national_aggregate_is_the_sum_of_the_provinces_in_every_year_and_price_basis():
    grdp = load("grdp")
    macro.check_national_is_sum(grdp)  # the build's own check passes on the committed table
    adhk = grdp.query("indicator == 'grdp' and price_basis == 'ADHK2010'").set_index(["region_code", "year"])
    # Sum of the provinces 2015: 9,033,168.67 bn (BPS national GDP: 8,982,517.1; the old mixed row).
    assert adhk.loc[("00", 2015), "value"] == pytest.approx(9_033_168.67)
    growth = yoy_growth(adhk.reset_index().query("region_code == '00'")).set_index("year")["growth"]
    assert growth[2015] == pytest.approx(4.99, abs=0.005)  # issue 11: the sum of the provinces gives 4.99 %


def test_a_mixed_national_series_fails_the_check():
    grdp = load("grdp")
    mixed = grdp.copy()
    at = mixed.query(
        "region_code == '00' and indicator == 'grdp' and price_basis == 'ADHK2010' and year == 2015"
    )
    mixed.loc[at.index, "value"] = 8_982_517.1  # BPS national GDP 2015, as the May-2021 table had it
    with pytest.raises(SchemaValidationError, match="mixed national series"):
        macro.check_national_is_sum(mixed)


def test_national_per_capita_is_total_grdp_over_implied_population():
    grdp = load("grdp").query("year == 2019 and price_basis == 'ADHB'")
    level = grdp.query("indicator == 'grdp'").set_index("region_code")["value"]
    per_capita = grdp.query("indicator == 'grdp_per_capita'").set_index("region_code")["value"]
    provinces = [c for c in level.index if c != "00"]
    population = (level[provinces] * 1e6 / per_capita[provinces]).sum()
    assert per_capita["00"] == pytest.approx(level["00"] * 1e6 / population, abs=0.01)


def test_published_national_growth_stays_bps_own_figure():
    published = load("grdp_growth_published").query("region_code == '00'").set_index("year")["value"]
    assert published[2022] == 5.31  # BPS var 291, Indonesia 2022
    assert "Seri 2010" not in catalog()["grdp_growth_published"].title.en  # named as BPS's growth


# --- GRDP: boundary breaks ----------------------------------------------------------------------------


def test_kalimantan_timur_2013_is_a_boundary_break_and_growth_skips_it():
    real = load("grdp_real").query("region_level == 'province'")
    breaks = real[real["boundary_break"]]
    assert set(zip(breaks["region_code"], breaks["year"], strict=True)) == {("64", 2013)}
    growth = yoy_growth(real).set_index(["region_code", "year"])["growth"]
    assert pd.isna(growth[("64", 2013)])  # −6.6 % from the levels; BPS published 2.76 %
    assert growth[("64", 2014)] == pytest.approx((446_029.05 / 438_532.91 - 1) * 100)


def test_rankings_skip_a_boundary_break():
    real = load("grdp_real").query("region_level == 'province' and year == 2013")
    _, ranked = tables.rank_among(real, "51")
    assert ranked == 33  # Kalimantan Timur 2013 is not ranked
    with pytest.raises(KeyError):
        tables.rank_among(real, "64")


def test_grdp_by_industry_marks_the_2013_splits():
    industry = load("grdp_by_industry")
    breaks = industry[industry["boundary_break"]][["region_code", "year"]].drop_duplicates()
    assert set(map(tuple, breaks.to_numpy())) == {("64", 2013), ("5306", 2013)}
    assert industry.query("region_code in ['65', '5321'] and year < 2013").empty  # 0 upstream: not yet split


# --- GRDP: extended tables ----------------------------------------------------------------------------


def test_grdp_real_reaches_2022_for_provinces_and_2025_for_kabkota_with_flags():
    real = load("grdp_real")
    assert real.query("region_level == 'province'")["year"].max() == 2022
    kab = real.query("region_level == 'kabkota'").set_index(["region_code", "year"])
    assert kab.loc[("5101", 2025), "value"] == 10_488.93  # Jembrana, QuaRCS gdp_2025
    assert kab.loc[("5101", 2025), "flag"] == "status_undocumented"
    assert kab.loc[("5101", 2024), "status"] == "preliminary"
    assert pd.isna(kab.loc[("5101", 2024), "flag"])
    assert kab.loc[("5306", 2010), "value"] == 1_834.49  # Belu without Malaka
    assert catalog()["grdp_real"].freshness["latest_year_status"] == "undocumented"


def test_grdp_real_growth_equals_bps_published_growth_2021_2022():
    real = load("grdp_real").query("region_code in ['51', '52']")
    growth = yoy_growth(real).set_index(["region_code", "year"])["growth"].round(2)
    assert (growth[("51", 2021)], growth[("51", 2022)]) == (-2.46, 4.84)  # BPS WebAPI var 291
    assert growth[("52", 2021)] == 2.30


def test_grdp_by_industry_2010_2022_with_industry_e_missing_not_zero():
    industry = load("grdp_by_industry")
    assert (industry["year"].min(), industry["year"].max()) == (2010, 2022)
    e_years = set(industry.loc[industry["industry_code"] == "E", "year"])
    assert e_years == set(range(2010, 2021))  # absent in 2021–2022, never stored as 0
    bali_2021 = industry.query("region_code == '51' and year == 2021")["value"].sum()
    total = load("grdp_real").query("region_code == '51' and year == 2021")["value"].item()
    assert total - bali_2021 == pytest.approx(324, abs=3.5)  # incoming/README: Bali −324 bn


def test_grdp_constant_prices_2010_2018_equal_the_bps_table_of_may_2021():
    grdp = load("grdp").query("region_code == '51' and indicator == 'grdp' and price_basis == 'ADHK2010'")
    values = grdp.set_index("year")["value"]
    assert values[2010] == 93_749.35
    assert values[2020] == 147_498.94  # SIMREG vintage (the May-2021 table had 147,549.8)


def test_every_join_is_recorded_in_the_caveats():
    for name, phrase in {
        "grdp": "Joined sources",
        "grdp_by_industry": "Joined sources are checked",
        "foreign_arrivals_by_port": "Joined sources are checked",
        "air_routes_scheduled": "Checked:",
        "domestic_trips_by_origin": "a check only, not a join",
        "grdp_real": "equals BPS's published growth",
    }.items():
        assert any(phrase in c.en for c in catalog()[name].caveats), name


# --- foreign arrivals ---------------------------------------------------------------------------------


def test_arrivals_reach_2024_with_published_annual_totals():
    arrivals = load("foreign_arrivals_by_port")
    annual = arrivals.groupby(["port", "year"])["value"].sum()
    assert annual[("Ngurah Rai", 2024)] == 6_308_541
    assert annual[("Lombok", 2024)] == 81_544
    assert annual[("Tanjung Benoa", 2024)] == 18_208
    assert annual[("Atambua", 2024)] == 133_223


def test_atambua_january_2017_has_its_trailing_zero_back():
    arrivals = load("foreign_arrivals_by_port").set_index(["port", "year", "month"])["value"]
    assert arrivals[("Atambua", 2017, 1)] == 4_740  # 474 in the 2017–2023 file


@pytest.mark.upstream
@pytest.mark.parametrize("cell", sorted(tourism.DROPPED_TRAILING_ZERO))
def test_each_dropped_trailing_zero_is_read_from_both_files(cell):
    port, year, month = cell
    old, new = tourism.DROPPED_TRAILING_ZERO[cell]
    assert new == 10 * old
    upstream = config.upstream_dir()
    older = pd.read_csv(upstream / "tourism/bintang_wisman_by_entry_port_monthly_2017_2023.csv")
    months = tourism.month_numbers(older["bulan"], file="t", column="bulan")
    value = older[
        (older["nama_pintu_masuk"] == port) & (older["tahun"] == year) & (pd.Series(months) == month)
    ]
    assert value["jumlah_kunjungan_wisman"].item() == old
    newer = pd.read_csv(upstream / "incoming/anggun_bps_wisman_by_entry_port_monthly_2017_2024.csv")
    value = newer[(newer["entry_port"] == port) & (newer["year"] == year) & (newer["month_num"] == month)]
    assert value["foreign_visitor_arrivals"].item() == new


def test_the_overlap_check_fails_on_an_undocumented_difference():
    recent = pd.DataFrame(
        {
            "entry_port": ["Atambua", "Ngurah Rai"],
            "year": [2017, 2017],
            "month": [1, 1],
            "value": [4740.0, 11.0],
        }
    )
    old = pd.DataFrame(
        {
            "nama_pintu_masuk": ["Atambua", "Ngurah Rai"],
            "tahun": [2017, 2017],
            "bulan": ["Januari", "Januari"],
        }
    ).assign(jumlah_kunjungan_wisman=[474, 10])
    with pytest.raises(SchemaValidationError, match="differ"):
        tourism.check_against_2017_2023(recent, old, "synthetic")


# --- domestic trips -----------------------------------------------------------------------------------


def test_ntb_may_to_november_2023_flagged_as_implausible_jump():
    trips = load("domestic_trips")
    ntb = trips.query("region_code == '52' and year == 2023").set_index("month")["flag"]
    assert list(ntb.index[ntb == "implausible_jump"]) == list(range(5, 12))
    assert ntb[1:4].isna().all()
    same_months = trips.query("region_code == '52' and month <= 11").groupby("year")["value"].sum()
    assert same_months[2023] / same_months[2022] == pytest.approx(3.45, abs=0.005)
    assert any("NTB 2023 is 3.45 times 2022" in c.en for c in catalog()["domestic_trips"].caveats)
    assert set(trips.loc[trips["region_code"].isin(["51", "53"]), "flag"].dropna()) == set()


def test_origin_trips_are_their_own_table_and_never_joined():
    origin = load("domestic_trips_by_origin")
    annual = origin.groupby(["region_code", "year"])["value"].sum()
    assert annual[("51", 2022)] == 11_132_389
    assert annual[("52", 2023)] == 11_927_884
    assert annual[("53", 2024)] == 8_255_413
    assert origin.groupby("year")["value"].sum()[2024] == 1_021_084_031
    assert origin["region_code"].nunique() == 38
    assert set(origin.loc[origin["level_break"], "year"]) == {2024}
    assert set(origin.loc[origin["level_break"], "month"]) == {1}
    assert "destination" not in " ".join(origin.columns)


# --- air traffic --------------------------------------------------------------------------------------


def test_airport_traffic_values_and_defects():
    air = load("air_traffic_by_airport").set_index(["airport_code", "traffic_type", "year", "indicator"])
    assert air.loc[("DPS", "domestic", 2024, "passengers_total"), "value"] == 9_701_701
    assert air.loc[("DPS", "international", 2024, "passengers_total"), "value"] == 13_906_102
    assert air.loc[("LBJ", "domestic", 2024, "passengers_total"), "value"] == 970_472
    sabu = air.loc[("SAU", "all", 2017, "passengers_total")]
    assert pd.isna(sabu["value"]) and sabu["flag"] == "copy_error"  # repeated Mali–Alor 2017
    assert air.loc[("ARD", "all", 2017, "passengers_total"), "value"] == 105_631
    komodo_2017 = air.loc[("LBJ", "domestic", 2017, "passengers_total")]
    assert (komodo_2017["value"], komodo_2017["months_covered"], komodo_2017["flag"]) == (
        20_813,
        1,
        "part_year",
    )
    assert air.loc[("ENE", "all", 2021, "passengers_arrivals"), "flag"] == "outlier"
    assert set(air.loc[["KABIR", "BENETE"], "flag"]) == {"province_unverified"}


def test_route_pairs_are_normalised_and_defects_flagged():
    routes = load("air_routes_scheduled")
    pair = routes.query("year == 2024 and scope == 'domestic' and airport_1 == 'DPS' and airport_2 == 'LBJ'")
    assert pair["passengers"].item() == 504_090
    assert (routes["airport_1"] <= routes["airport_2"]).all()
    assert routes.query("flag == 'same_airport'")[["year", "passengers"]].values.tolist() == [[2024, 882]]
    cgk = routes.query("year == 2020 and scope == 'domestic' and airport_1 == 'CGK' and airport_2 == 'DPS'")
    assert cgk["load_factor"].item() == 53.3  # printed '53,3%'
    intra = routes[routes["intra_region"]].groupby("year")["passengers"].sum()
    assert (intra[2020], intra[2024]) == (1_391_127, 1_716_556)


# --- freshness ----------------------------------------------------------------------------------------

# Tables that end before their upstream files by design, with the reason.
ENDS_EARLY_BY_DESIGN = {
    "grdp": "holds the years with both price bases (current prices stop in 2020); later years: grdp_real",
    "electricity_2019_by_type": "a 2019 snapshot by design",
    "fisheries": "the fisheries rows of the upstream file stop in 2020 (its crop rows reach 2021)",
}


def test_no_table_ends_before_its_upstream_files():
    early = {}
    for name in catalog():
        fresh = catalog()[name].freshness
        if "upstream_latest_year" in fresh and fresh.get("latest_year", 0) < fresh["upstream_latest_year"]:
            early[name] = (fresh["latest_year"], fresh["upstream_latest_year"])
    assert set(early) == set(ENDS_EARLY_BY_DESIGN), early


def test_freshness_is_recorded_for_the_refreshed_tables():
    expected = {
        "grdp_real": (2025, 2025),
        "grdp_by_industry": (2022, 2022),
        "grdp_growth_published": (2024, 2024),
        "foreign_arrivals_by_port": (2024, 2024),
        "air_traffic_by_airport": (2024, 2024),
        "domestic_trips_by_origin": (2024, 2024),
    }
    for name, (latest, upstream) in expected.items():
        fresh = catalog()[name].freshness
        assert (fresh["latest_year"], fresh["upstream_latest_year"]) == (latest, upstream), name
    assert catalog()["grdp_growth_published"].freshness["latest_year_status"] == "preliminary"


def test_data_log_shows_the_latest_year_next_to_the_upstream_latest_year():
    text = (config.REPO_ROOT / "docs" / "data_log.md").read_text(encoding="utf-8")
    assert "| Latest year | Upstream latest year |" in text
    assert "| 2024 (preliminary) | 2024 |" in text
    assert "jala_bps_capture_fisheries_kabkota_bali_ntb_ntt_2024_SUSPECT.csv" in text


def test_lq_accepts_a_period_lacking_an_industry_everywhere_but_not_a_hole():
    from krbnn_analysis.errors import IndicatorInputError
    from krbnn_analysis.indicators import location_quotient

    # Synthetic: two regions, industries A/B/E in year 1, A/B only in year 2 (as SIMREG 2021–2022 lack E).
    frame = pd.DataFrame(
        {
            "region_code": ["r1", "r1", "r1", "r2", "r2", "r2", "r1", "r1", "r2", "r2"],
            "industry_code": ["A", "B", "E", "A", "B", "E", "A", "B", "A", "B"],
            "year": [1, 1, 1, 1, 1, 1, 2, 2, 2, 2],
            "value": [1.0, 3.0, 1.0, 3.0, 1.0, 1.0, 2.0, 2.0, 1.0, 3.0],
        }
    )
    lq = location_quotient(frame, time="year").set_index(["region_code", "industry_code", "year"])["lq"]
    assert lq[("r1", "A", 2)] == pytest.approx((2 / 4) / (3 / 8))
    with pytest.raises(IndicatorInputError, match="misaligned"):
        location_quotient(frame.drop(index=9), time="year")  # r2 lacks B in year 2 while r1 has it


def test_data_list_shows_latest_year_status_and_upstream_latest_year(capsys):
    from krbnn_analysis.cli import main

    assert main(["data", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "upstream latest" in lines[0]
    row = next(line for line in lines if line.startswith("grdp_real "))
    assert row.split()[2:6] == ["2010–2025", "2025", "undocumented", "2025"]


def test_the_published_growth_check_fails_beyond_its_tolerance(monkeypatch):
    from krbnn_analysis.pipeline import steps_for
    from krbnn_analysis.pipeline.core import run_step

    monkeypatch.setattr(macro, "PUBLISHED_GROWTH_TOLERANCE_PP", 0.5)  # below Maluku 2021 (0.58 pp)
    with pytest.raises(SchemaValidationError, match=r"0\.58 pp at \('81', .*2021\)"):
        run_step(steps_for(["grdp_real"])[0])
