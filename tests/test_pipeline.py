"""The build: identical rebuilds, all-or-nothing writes, upstream guards, and each documented defect fixed."""

from __future__ import annotations

import pandas as pd
import pytest

from krbnn_analysis import catalog, load
from krbnn_analysis.errors import MissingFileError, SchemaValidationError, UpstreamChangedError
from krbnn_analysis.pipeline import ALL_STEPS, build_tables, differences_from_committed, steps_for
from krbnn_analysis.pipeline.core import build, step
from krbnn_analysis.pipeline.specs import REGION_CODE, YEAR, spec, value
from krbnn_analysis.validation import sha256_file

# --- whole-build guarantees -------------------------------------------------------------------------------


@pytest.mark.upstream
def test_committed_tables_equal_a_fresh_build_from_upstream():
    assert differences_from_committed() == []


def test_every_catalog_table_has_a_step_and_every_step_output_is_catalogued():
    produced = {name for s in ALL_STEPS for name in s.output_names()}
    assert produced == set(catalog())


SYNTHETIC_SPEC = spec(
    "synthetic_table",
    title_id="Tabel sintetis",
    title_en="Synthetic table",
    description="Test only.",
    columns=(REGION_CODE, YEAR, value(minimum=0)),
    primary_key=("region_code", "year"),
    quality=("red", "uji", "test"),
)


def _failing(files):
    raise SchemaValidationError("deliberate failure", file="synthetic")


def test_a_failing_step_leaves_every_committed_file_untouched(data_copy):
    before = {p.name: p.read_bytes() for p in data_copy.iterdir() if p.is_file()}
    bad = step("broken", (), (SYNTHETIC_SPEC,), _failing)
    steps = [*steps_for(["hdi"]), bad] if _upstream() else [bad]  # a real step succeeds, then one fails
    with pytest.raises(SchemaValidationError, match="deliberate failure"):
        build(steps, data_dir=data_copy)
    after = {p.name: p.read_bytes() for p in data_copy.iterdir() if p.is_file()}
    assert after == before
    assert not list(data_copy.glob(".build-*"))


def test_an_invalid_output_is_rejected_before_anything_is_written(data_copy):
    before = (data_copy / "catalog.yaml").read_bytes()
    negative = step(
        "negative",
        (),
        (SYNTHETIC_SPEC,),
        lambda files: {
            "synthetic_table": pd.DataFrame({"region_code": ["51"], "year": [2020], "value": [-1.0]})
        },
    )
    with pytest.raises(SchemaValidationError, match="synthetic_table"):
        build([negative], data_dir=data_copy)
    assert (data_copy / "catalog.yaml").read_bytes() == before
    assert not (data_copy / "synthetic_table.csv").exists()


def test_a_valid_synthetic_step_writes_table_and_catalog_entry(data_copy):
    good = step(
        "synthetic",
        (),
        (SYNTHETIC_SPEC,),
        lambda files: {
            "synthetic_table": pd.DataFrame(
                {"region_code": ["52", "51"], "year": [2020, 2020], "value": [2.5, 1.0]}
            )
        },
    )
    built = build([good], data_dir=data_copy)
    path = data_copy / "synthetic_table.csv"
    assert (
        path.read_text(encoding="utf-8") == "region_code,year,value\n51,2020,1.0\n52,2020,2.5\n"
    )  # sorted by key
    assert built["synthetic_table"].sha256 == sha256_file(path)
    assert load("synthetic_table")["value"].tolist() == [1.0, 2.5]
    assert load("grdp") is not None  # the other entries survived the catalog rewrite


def _upstream():
    from krbnn_analysis import config

    return config.upstream_dir().exists()


@pytest.mark.upstream
def test_a_changed_upstream_file_stops_the_build(upstream_copy, data_copy):
    target = upstream_copy / "macro/haekal_bps_prov_indicators_2010_2022_long.csv"
    target.write_bytes(target.read_bytes().replace(b"BALI,ipm,2010,72.28", b"BALI,ipm,2010,72.29"))
    before = (data_copy / "hdi.csv").read_bytes()
    with pytest.raises(UpstreamChangedError) as caught:
        build_tables(["hdi"], data_dir=data_copy, upstream_root=upstream_copy)
    assert "haekal_bps_prov_indicators_2010_2022_long.csv" in str(caught.value)
    assert (data_copy / "hdi.csv").read_bytes() == before


@pytest.mark.upstream
def test_a_missing_upstream_file_is_named(upstream_copy, data_copy):
    (upstream_copy / "macro/bps_census_population_prov_2020_by_sex.csv").unlink()
    with pytest.raises(MissingFileError, match="bps_census_population_prov_2020_by_sex.csv"):
        build_tables(["population"], data_dir=data_copy, upstream_root=upstream_copy)


# --- documented upstream defects: each fixed or flagged, each with a test --------------------------------


def test_indonesia_grdp_is_the_sum_of_the_provinces_and_is_labelled():
    grdp = load("grdp")
    adhk = grdp[(grdp["indicator"] == "grdp") & (grdp["price_basis"] == "ADHK2010")]
    aggregate_2013 = adhk.query("region_code == '00' and year == 2013")["value"].item()
    assert aggregate_2013 == pytest.approx(8_177_822.29)  # sum of the provinces, not GDP (8,156,497.8 bn)
    assert set(grdp.loc[grdp["region_code"] == "00", "aggregate"]) == {"sum_of_34_provinces"}
    assert grdp.loc[grdp["region_code"] != "00", "aggregate"].isna().all()
    industries = load("grdp_by_industry").query("region_code == '00' and year == 2013")["value"].sum()
    assert industries < 8_156_497.8  # national industries exclude net taxes on products
    assert any(
        "the sum of the 34 provinces" in c.en and "not national GDP" in c.en
        for c in catalog()["grdp"].caveats
    )


def test_grdp_revision_status_follows_the_download():
    grdp = load("grdp").query("region_level == 'province' and price_basis == 'ADHB'")
    status = grdp.groupby("year")["status"].unique().map(list)
    assert (
        status[2018] == ["final"] and status[2019] == ["preliminary"] and status[2020] == ["very_preliminary"]
    )
    simreg = load("grdp").query(
        "region_level == 'province' and price_basis == 'ADHK2010' and indicator == 'grdp'"
    )
    assert set(simreg["status"]) == {"not_stated"}  # the SIMREG export does not state it


def test_kalimantan_utara_has_no_grdp_before_it_existed():
    years = load("grdp").query("region_code == '65'")["year"]
    assert years.min() == 2013


def test_hdi_old_method_years_are_flagged():
    hdi = load("hdi")
    assert set(hdi.loc[hdi["method"] == "old", "year"]) == {2010, 2011, 2012}
    indonesia = hdi.query("region_code == '00'").set_index("year")["value"]
    assert (indonesia[2012], indonesia[2013]) == (73.81, 68.31)  # the method break, not a collapse


def test_unemployment_states_the_survey_month():
    tpt = load("unemployment")
    assert tpt["month"].notna().all()
    bali = tpt.query("region_code == '51'").set_index(["year", "month"])["value"]
    assert set(tpt.loc[tpt["year"] <= 2020, "month"]) == {8}
    # The compiled series' 2022 value (4.84) is February, as the WebAPI shows; August 2022 differs.
    assert bali[(2022, 2)] == 4.84
    assert bali[(2022, 8)] != 4.84


def test_poverty_rounds_are_september_from_2012_not_march():
    poverty = load("poverty").query("area == 'total'")
    indonesia = poverty.query("region_code == '00'").set_index(["year", "month"])["value"]
    assert indonesia[(2011, 3)] == 12.49  # BPS March 2011
    assert indonesia[(2019, 9)] == 9.22  # BPS September 2019 (upstream README says "March": wrong)
    assert indonesia[(2023, 3)] == 9.36 and (2023, 9) not in indonesia.index  # 2023: March only
    assert indonesia[(2024, 9)] == 8.57


def test_gini_round_is_missing_where_undocumented():
    gini = load("gini").query("area == 'total'")
    assert gini.loc[gini["year"] <= 2020, "month"].isna().all()
    assert gini.loc[gini["year"] >= 2021, "month"].notna().all()


def test_bima_swap_years_are_removed_and_karangasem_is_correct():
    pc = load("grdp_per_capita_kabkota")
    for code in ("5206", "5272"):
        assert pc.loc[pc["region_code"] == code, "year"].min() == 2016
    karangasem = pc.query("region_code == '5107' and year == 2019")["value"].item()
    assert karangasem == 26_689  # README: correct in the indonesia514 file (the Zenodo file mislabels it)


def test_census_gaps_for_timor_timur_are_explained():
    population = load("population").query("method != 'projection'")
    pivot = population.pivot_table(index="year", columns="region_code", values="value")
    gap = pivot["00"] - pivot.drop(columns="00").sum(axis=1)
    assert gap.to_dict() == {1971: 0, 1980: 555_350, 1990: 747_750, 1995: 839_719, 2000: 0, 2010: 0, 2020: 0}


def test_kabkota_boundaries_carry_bps_codes_mapped_explicitly():
    kab = load("kabkota_boundaries").set_index("kemendagri_code")["region_code"]
    assert (
        kab["53.01"] == "5303"
        and kab["53.11"] == "5302"
        and kab["53.12"] == "5301"
        and kab["53.16"] == "5318"
    )
    assert (kab.index.str.replace(".", "", regex=False) != kab.to_numpy()).sum() == 16


def test_province_areas_match_the_upstream_readme():
    areas = load("province_boundaries").set_index("region_code")["area_km2_approx"]
    assert areas["51"] == pytest.approx(5_624, rel=0.01)
    assert areas["53"] == pytest.approx(46_635, rel=0.01)


def test_national_industry_rows_are_not_the_sum_of_provinces_and_say_so():
    industry = load("grdp_by_industry")
    provinces = (
        industry[industry["region_level"] == "province"].groupby(["year", "industry_code"])["value"].sum()
    )
    national = industry[industry["region_code"] == "00"].set_index(["year", "industry_code"])["value"]
    ratio = (provinces / national).unstack()
    assert ratio["D"].between(0.22, 0.29).all()  # about a quarter (2010: 0.289, 2022: 0.229)
    assert ratio["C"].between(1.09, 1.18).all()  # 10–18 % more (2012: 1.095, 2022: 1.179)
    assert any("not the sum of the provinces" in c.en for c in catalog()["grdp_by_industry"].caveats)
