"""Curated tourism tables: real upstream values, each documented defect fixed or stated, coverage."""

from __future__ import annotations

import pandas as pd
import pytest

from krbnn_analysis import catalog, config, load
from krbnn_analysis.errors import SchemaValidationError
from krbnn_analysis.pipeline import ALL_STEPS
from krbnn_analysis.pipeline.subjects import tourism

UPSTREAM_2014_2016 = "tourism/bps_wisman_by_entry_port_monthly_2014_2016.csv"


def _caveats(name: str, lang: str = "en") -> str:
    return " ".join(c.get(lang) for c in catalog()[name].caveats)


def _arrivals() -> pd.Series:
    return load("foreign_arrivals_by_port").set_index(["port", "year", "month"])["value"]


# --- foreign arrivals by entry port -----------------------------------------------------------------------


def test_arrivals_equal_the_upstream_values_of_both_files():
    arrivals = _arrivals()
    assert arrivals[("Ngurah Rai", 2014, 1)] == 278_685  # 2014–2016 file
    assert arrivals[("Ngurah Rai", 2019, 8)] == 602_457  # 2017–2023 file, 'Agustus'
    assert arrivals[("Tanjung Benoa", 2023, 2)] == 6_505
    assert arrivals[("Atambua", 2019, 12)] == 12_561
    assert arrivals[("Total", 2016, 12)] == 1_113_328
    assert arrivals[("Ngurah Rai", 2020, 5)] == 34  # border closure: a recorded figure, not missing


def test_lombok_is_one_port_across_the_two_spellings():
    arrivals = load("foreign_arrivals_by_port")
    assert set(arrivals["port"]) == {"Ngurah Rai", "Tanjung Benoa", "Lombok", "Atambua", "Total"}
    lombok = arrivals[arrivals["port"] == "Lombok"].set_index(["year", "month"])["value"]
    assert len(lombok) == 132  # 2014–2024 without a gap
    assert lombok[(2014, 1)] == 5_105  # 'Bandara Internasional Lombok'
    assert lombok[(2016, 12)] == 9_694
    assert lombok[(2017, 1)] == 9_394  # 'Bandara Int. Lombok' (2017–2024 file)
    assert "Bandara Int Lombok" in _caveats("foreign_arrivals_by_port")


def test_indonesian_month_names_become_month_numbers():
    assert tourism.month_numbers(["Januari", "Mei", "Agustus", "Desember"], file="f", column="bulan") == [
        1,
        5,
        8,
        12,
    ]
    with pytest.raises(SchemaValidationError, match="bulan.*row 1.*'Agust'"):
        tourism.month_numbers(["Januari", "Agust"], file="f", column="bulan")


def test_arrivals_coverage_ports_provinces_types_and_months():
    arrivals = load("foreign_arrivals_by_port")
    per_port = arrivals.groupby("port").agg(
        code=("region_code", lambda s: set(s)),
        kind=("port_type", lambda s: set(s)),
        first=("year", "min"),
        last=("year", "max"),
        n=("value", "size"),
    )
    assert per_port.loc["Ngurah Rai"].tolist() == [{"51"}, {"air"}, 2014, 2024, 132]
    assert per_port.loc["Tanjung Benoa"].tolist() == [{"51"}, {"sea"}, 2017, 2024, 96]
    assert per_port.loc["Lombok"].tolist() == [{"52"}, {"air"}, 2014, 2024, 132]
    assert per_port.loc["Atambua"].tolist() == [{"53"}, {"land"}, 2017, 2024, 96]
    assert per_port.loc["Total"].tolist() == [{"00"}, {"all"}, 2014, 2024, 132]
    assert len(arrivals) == 588
    months = arrivals.groupby(["port", "year"])["month"].apply(sorted)
    assert all(m == list(range(1, 13)) for m in months)


def test_ntt_is_represented_only_by_the_atambua_land_border_and_this_is_stated():
    arrivals = load("foreign_arrivals_by_port")
    assert set(arrivals.loc[arrivals["region_code"] == "53", "port"]) == {"Atambua"}
    caveats = _caveats("foreign_arrivals_by_port")
    assert "not destination province" in caveats
    assert "Labuan Bajo (Komodo) and El Tari" in caveats
    assert "bukan provinsi tujuan" in _caveats("foreign_arrivals_by_port", "id")


def test_national_total_every_year_2014_2024():
    arrivals = load("foreign_arrivals_by_port")
    total = arrivals[arrivals["port"] == "Total"].groupby("year")["value"].sum()
    assert list(total.index) == list(range(2014, 2025))
    assert total[2024] == 13_902_420  # BPS 2024 annual total (incoming/README)


@pytest.mark.upstream
def test_upstream_2014_2016_ports_sum_to_total_every_month():
    raw = pd.read_csv(config.upstream_dir() / UPSTREAM_2014_2016)
    wide = raw.pivot_table(index=["year", "month"], columns="entry_port", values="foreign_visitor_arrivals")
    ports = wide.drop(columns="Total").fillna(0).sum(axis=1)
    assert len(wide) == 36
    assert (ports == wide["Total"]).all()
    # The blanks (BPS '-') are exactly 'Wisman Khusus' and 'PLB' in 2014–2015 (upstream README).
    blank = raw[raw["foreign_visitor_arrivals"].isna()]
    assert set(blank["entry_port"]) == {"Wisman Khusus", "Pos Lintas Batas (PLB)"}
    assert set(blank["year"]) == {2014, 2015}


def test_the_total_check_fails_when_ports_do_not_sum_to_total():
    frame = pd.DataFrame(
        {
            "year": [2014] * 3,
            "month": [1] * 3,
            "entry_port": ["Ngurah Rai", "Lainnya", "Total"],
            "foreign_visitor_arrivals": [10.0, None, 11.0],
        }
    )
    with pytest.raises(SchemaValidationError, match="do not sum to Total"):
        tourism.check_ports_sum_to_total(frame, "synthetic")
    frame.loc[1, "foreign_visitor_arrivals"] = 1.0
    tourism.check_ports_sum_to_total(frame, "synthetic")  # now it balances


def test_bali_ports_are_close_to_but_not_the_bali_total_released_by_bps_bali():
    arrivals = load("foreign_arrivals_by_port")
    bali_2023 = arrivals.query("region_code == '51' and year == 2023")["value"].sum()
    released = load("text_figures").query(
        "region_code == '51' and indicator == 'foreign_visitor_arrivals_annual' and year == 2023"
    )["value"]
    assert bali_2023 == 5_270_794 and released.item() == 5_273_258
    assert abs(bali_2023 / released.item() - 1) < 0.0005  # the 0.05% of the quality reason
    assert "5,270,794" in _caveats("foreign_arrivals_by_port")
    assert "5,273,258" in _caveats("foreign_arrivals_by_port")


# --- domestic trips ---------------------------------------------------------------------------------------


def test_domestic_trips_values_and_coverage():
    trips = load("domestic_trips")
    values = trips.set_index(["region_code", "year", "month"])["value"]
    assert values[("51", 2023, 1)] == 1_830_882
    assert values[("52", 2019, 6)] == 905_622
    assert values[("53", 2019, 9)] == 323_446
    assert trips["region_code"].nunique() == 34
    assert len(trips) == 34 * (4 * 12 + 11)


def test_domestic_trips_2023_has_eleven_months_and_this_is_stated():
    trips = load("domestic_trips")
    months = trips.groupby("year")["month"].agg(lambda s: sorted(set(s)))
    assert months[2023] == list(range(1, 12))
    assert all(months[y] == list(range(1, 13)) for y in range(2019, 2023))
    assert "2023 has only 11 months" in _caveats("domestic_trips")
    assert "2023 hanya memuat 11 bulan" in _caveats("domestic_trips", "id")


# --- hotel occupancy --------------------------------------------------------------------------------------


def test_hotel_occupancy_values_and_coverage():
    tpk = load("hotel_occupancy")
    values = tpk.set_index(["region_code", "year", "hotel_class"])["value"]
    assert values[("51", 2019, "star")] == 59.56
    assert values[("51", 2019, "non_star")] == 34.76
    assert values[("52", 2021, "star")] == 33.51
    assert values[("53", 2023, "non_star")] == 16.43
    assert len(tpk) == 34 * 7 * 2
    assert {"19", "21"} <= set(tpk["region_code"])  # 'KEP. BANGKA BELITUNG', 'KEP. RIAU' harmonised
    assert "Annual values only" in _caveats("hotel_occupancy")


# --- foreign-guest share ----------------------------------------------------------------------------------


def test_foreign_guest_share_values_rating_and_caveats():
    share = load("foreign_guest_share").set_index("region_code")["value"]
    assert share["51"] == 57.006183023488155  # full float precision, as upstream
    assert {c: round(share[c], 1) for c in ("51", "52", "53")} == {"51": 57.0, "52": 20.3, "53": 19.8}
    assert len(share) == 34 and share.index.is_unique
    assert share["31"] == pytest.approx(0.17324832568293547)  # 'Jakarta' (English name) harmonised
    assert catalog()["foreign_guest_share"].quality.rating == "amber"
    caveats = _caveats("foreign_guest_share")
    assert "Jakarta Post" in caveats and "not an official BPS figure" in caveats


# --- tourism designations ---------------------------------------------------------------------------------


def test_designations_values_and_ntt_dtw_flagged_incomplete():
    designations = load("tourism_designations")
    values = designations.set_index(["region_code", "designation"])
    assert values.loc[("51", "dtw"), "value"] == 266
    assert values.loc[("51", "kspn"), "value"] == 12
    assert values.loc[("52", "dpsp"), "value"] == 1  # Mandalika
    assert values.loc[("53", "dtw"), "value"] == 2  # kept as given …
    flagged = designations.loc[designations["known_incomplete"], ["region_code", "designation"]]
    assert flagged.values.tolist() == [["53", "dtw"]]  # … and flagged, the only flagged row
    assert designations.groupby("designation")["value"].sum().to_dict() == {
        "dpn": 49,
        "dpsp": 5,
        "dtw": 8_494,
        "kppn": 220,
        "kspn": 88,
    }


def test_designations_are_undated_red_and_say_so():
    entry = catalog()["tourism_designations"]
    assert "year" not in [c.name for c in entry.columns]
    assert entry.quality.rating == "red"
    caveats = _caveats("tourism_designations")
    assert "NTT shows only 2 DTW" in caveats and "Undated" in caveats


# --- the SUSPECT file stays out ---------------------------------------------------------------------------


def test_suspect_hotel_rooms_file_feeds_no_table():
    inputs = {source for s in ALL_STEPS for source in s.inputs}
    assert tourism.SUSPECT_HOTEL_ROOMS not in inputs
    sources = {source.id for entry in catalog().values() for source in entry.sources}
    assert tourism.SUSPECT_HOTEL_ROOMS not in sources


def test_every_tourism_table_cites_its_upstream_files():
    expected = {  # table → (sources cited, sources its rows come from; the rest are checked against)
        "foreign_arrivals_by_port": (
            {tourism.WISMAN_2014_2016, tourism.WISMAN_2017_2023, tourism.WISMAN_2017_2024},
            {tourism.WISMAN_2014_2016, tourism.WISMAN_2017_2024},
        ),
        "domestic_trips": ({tourism.WISNUS}, {tourism.WISNUS}),
        "domestic_trips_by_origin": ({tourism.WISNUS_ORIGIN, tourism.WISNUS}, {tourism.WISNUS_ORIGIN}),
        "hotel_occupancy": ({tourism.TPK}, {tourism.TPK}),
        "foreign_guest_share": ({tourism.GUEST_SHARE}, {tourism.GUEST_SHARE}),
        "tourism_designations": ({tourism.DESIGNATIONS}, {tourism.DESIGNATIONS}),
    }
    for name, (cited, rows) in expected.items():
        assert {s.id for s in catalog()[name].sources} == cited
        assert set(load(name)["source"]) == rows
