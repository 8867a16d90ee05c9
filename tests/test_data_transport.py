"""Curated transport tables: real values read off the upstream files, each documented defect fixed or flagged,
coverage, and the promised caveats. Tests marked `upstream` read the upstream files themselves."""

from __future__ import annotations

import pandas as pd
import pytest

from krbnn_analysis import catalog, config, load
from krbnn_analysis.errors import SchemaValidationError, UnknownRegionError
from krbnn_analysis.pipeline.subjects import transport

UPSTREAM = "transport"


def _upstream_csv(name: str, **kwargs) -> pd.DataFrame:
    return pd.read_csv(config.upstream_dir() / UPSTREAM / name, **kwargs)


def _caveats(name: str) -> str:
    entry = catalog()[name]
    return " | ".join(c.en for c in entry.caveats) + " | " + " | ".join(c.id for c in entry.caveats)


def _by(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    assert not frame[key].duplicated().any()
    return frame.set_index(key)


# --- airports ---------------------------------------------------------------------------------------------


def test_airports_rows_types_and_status():
    airports = load("airports")
    assert len(airports) == 27  # 53 OurAirports − 26 heliports − WATQ + Amanwana (OpenFlights only)
    assert airports["type"].value_counts().to_dict() == {
        "small_airport": 18 - 1,  # WATQ John Becker dropped
        "closed": 5,
        "large_airport": 2,
        "medium_airport": 2,
        "seaplane_base": 1,
    }
    assert "heliport" not in set(airports["type"])
    assert set(airports.loc[airports["type"] == "closed", "status"]) == {"closed"}


def test_lewoleba_has_the_ourairports_position_and_lies_in_lembata():
    lwe = _by(load("airports").dropna(subset=["iata_code"]), "iata_code").loc["LWE"]
    assert (lwe["lat"], lwe["lon"]) == (-8.361805, 123.438554)
    assert lwe["kabkota_code"] == "5308" and lwe["kabkota_name"] == "Kabupaten Lembata"
    assert lwe["openflights_offset_km"] > 100  # OpenFlights put it on Maumere, 136 km away


@pytest.mark.upstream
def test_openflights_really_puts_lewoleba_on_maumere():
    flights = _upstream_csv("openflights_airports_bali_ntb_ntt.csv", na_values=["\\N"]).set_index("iata")
    assert flights.loc["LWE", "latitude"] == pytest.approx(flights.loc["MOF", "latitude"], abs=1e-3)
    assert flights.loc["LWE", "longitude"] == pytest.approx(flights.loc["MOF", "longitude"], abs=1e-3)
    assert flights.loc["LWE", "kab_nama"] == "Kabupaten Sikka"  # the upstream tag follows the wrong position


def test_airports_fall_in_the_expected_kabkota():
    airports = _by(load("airports").dropna(subset=["iata_code"]), "iata_code")
    expected = {
        "DPS": "5103",  # Badung
        "LBJ": "5315",  # Manggarai Barat
        "LOP": "5202",  # Lombok Tengah
        "KOE": "5371",  # Kota Kupang
        "TMC": "5317",  # Sumba Barat Daya
        "WGP": "5302",  # Sumba Timur (BPS 5302 = Kemendagri 53.11)
        "AMI": "5271",  # Kota Mataram
        "SAU": "5320",
    }
    assert {code: airports.loc[code, "kabkota_code"] for code in expected} == expected
    assert (airports["province_code"] == airports["kabkota_code"].str[:2]).all()


def test_ourairports_idents_that_are_not_icao_codes():
    airports = _by(load("airports"), "airport_id")
    assert airports.loc["WADT", ["iata_code", "icao_code", "openflights_icao"]].tolist() == [
        "TMC",
        "WATK",
        "WADT",
    ]
    assert airports.loc["WADW", ["iata_code", "icao_code", "openflights_icao"]].tolist() == [
        "WGP",
        "WATU",
        "WADW",
    ]


def test_selaparang_is_kept_as_closed_and_matched_through_keywords():
    ami = _by(load("airports").dropna(subset=["iata_code"]), "iata_code").loc["AMI"]
    assert ami["airport_id"] == "ID-0319" and ami["openflights_id"] == 3923
    assert (ami["status"], ami["scheduled_service"]) == ("closed", False)


def test_every_openflights_airport_appears_once():
    airports = load("airports")
    ids = airports["openflights_id"].dropna().astype(int)
    assert len(ids) == 20 and ids.is_unique
    assert set(airports.loc[airports["source"] == transport.OPENFLIGHTS_AIRPORTS, "name"]) == {
        "Amanwana seaplane base"
    }


@pytest.mark.upstream
def test_heliports_and_the_kisar_airport_are_left_out():
    ours = _upstream_csv("ourairports_airports_bali_ntb_ntt.csv")
    assert (ours["type"] == "heliport").sum() == 26
    watq = ours.set_index("ident").loc["WATQ"]
    assert watq["longitude_deg"] > transport.STUDY_LON[1] and watq["kab_match"] == "outside"
    airports = load("airports")
    assert "WATQ" not in set(airports["airport_id"])
    assert not set(ours.loc[ours["type"] == "heliport", "ident"]) & set(airports["airport_id"])


def test_outdated_openflights_names_are_replaced_but_kept():
    airports = _by(load("airports").dropna(subset=["iata_code"]), "iata_code")
    assert airports.loc["MOF", "name"] == "Frans Xavier Seda Airport"
    assert airports.loc["MOF", "openflights_name"] == "Maumere(Wai Oti) Airport"
    assert airports.loc["ABU", "openflights_name"] == "Haliwen Airport"


def test_airport_positions_are_in_the_region_and_the_declared_province():
    airports = load("airports")
    assert (
        airports["lon"].between(*transport.STUDY_LON).all()
        and airports["lat"].between(*transport.STUDY_LAT).all()
    )
    declared = airports.dropna(subset=["declared_province_code"])
    assert (declared["declared_province_code"] == declared["province_code"]).all()
    assert set(airports["kab_match"]) <= {"inside", "nearest"}


def test_airports_caveats():
    text = _caveats("airports")
    for fragment in ("Lewoleba", "Selaparang", "heliports", "WATQ", "WATK", "Atambua"):
        assert fragment in text


# --- air routes 2014 --------------------------------------------------------------------------------------


def test_air_routes_counts_by_category():
    routes = load("air_routes_2014")
    assert len(routes) == 112
    assert routes["category"].value_counts().to_dict() == {
        "international": 54,
        "domestic_other": 32,
        "intra_region": 26,
    }
    assert routes["n_route_records"].sum() == 248
    assert set(routes["snapshot"]) == {"2014-06"}


def test_the_26_intra_region_pairs_of_2014():
    intra = load("air_routes_2014").query("category == 'intra_region'")
    undirected = {frozenset(pair) for pair in zip(intra["origin"], intra["destination"], strict=True)}
    expected = {
        *(frozenset({"DPS", x}) for x in ("LOP", "BMU", "KOE", "LBJ", "TMC", "MOF", "WGP")),
        *(frozenset({"KOE", x}) for x in ("ENE", "LOP", "MOF", "TMC")),
        frozenset({"ENE", "LBJ"}),
        frozenset({"LOP", "BMU"}),
    }
    assert undirected == expected and len(intra) == 26  # every pair flown both ways
    assert intra["origin_kabkota_code"].notna().all() and intra["destination_kabkota_code"].notna().all()


def test_suspect_tn_record_is_flagged_not_removed():
    routes = load("air_routes_2014").set_index(["origin", "destination"])
    mof_koe = routes.loc[("MOF", "KOE")]
    assert (mof_koe["airlines"], mof_koe["n_airlines"], mof_koe["n_suspect_airlines"]) == ("JT TN", 2, 1)
    assert routes["n_suspect_airlines"].sum() == 1
    assert routes.loc[("KOE", "MOF"), "n_airlines"] == 1  # the return leg has JT only


def test_route_ends_carry_bps_codes_only_in_the_region():
    routes = load("air_routes_2014").set_index(["origin", "destination"])
    dps_lop = routes.loc[("DPS", "LOP")]
    assert (dps_lop["origin_kabkota_code"], dps_lop["destination_kabkota_code"]) == ("5103", "5202")
    assert dps_lop["great_circle_km"] == 122.1  # WGS84 geodesic; the pairs file's sphere gives 122.0
    assert pd.isna(routes.loc[("DPS", "CGK"), "destination_province_code"])
    served = set(routes.reset_index()["origin"]) & {
        "DPS",
        "LOP",
        "BMU",
        "KOE",
        "LBJ",
        "ENE",
        "MOF",
        "TMC",
        "WGP",
    }
    assert len(served) == 9  # only 9 of the 20 region airports have a route
    assert not {"ABU", "SAU", "RTI", "LKA", "LWE", "BJW", "RTG", "ARD", "SWQ"} & set(
        routes.reset_index()["origin"]
    )


@pytest.mark.upstream
def test_air_routes_equal_the_upstream_pairs_file():
    published = _upstream_csv("openflights_route_pairs_2014_bali_ntb_ntt.csv").set_index(
        ["src_iata", "dst_iata"]
    )
    routes = load("air_routes_2014").set_index(["origin", "destination"])
    assert set(routes.index) == set(published.index)
    aligned = published.loc[routes.index]
    for column in ("n_route_records", "n_airlines", "airlines", "category"):
        assert (routes[column].to_numpy() == aligned[column].to_numpy()).all(), column
    # spherical (pairs file) vs WGS84 geodesic (this table): at most 0.55 % apart (BKI–DPS)
    relative = routes["great_circle_km"] / aligned["great_circle_km"] - 1
    assert relative.abs().max() == pytest.approx(0.0055, abs=0.0002)
    assert relative.abs().idxmax() == ("BKI", "DPS")


def test_pipeline_and_indicators_share_one_great_circle_distance():
    from krbnn_analysis.indicators import great_circle_km

    assert transport.great_circle_km is great_circle_km
    # DPS (-8.7481698989868, 115.16699981689) – LOP (-8.757322, 116.276675): 122.0 km on the pairs file's
    # sphere (R = 6371.0088 km), 122.10 km on the WGS84 ellipsoid (pyproj Geod, Karney 2013)
    assert great_circle_km(-8.7481698989868, 115.16699981689, -8.757322, 116.276675) == pytest.approx(
        122.10, abs=0.005
    )


def test_air_routes_caveats_and_vintage():
    entry = catalog()["air_routes_2014"]
    text = _caveats("air_routes_2014")
    assert "June-2014" in entry.vintage and "June-2014" in entry.title.en
    for fragment in ("June-2014 snapshot", "No frequencies, seats", "'TN'", "MOF→KOE", "Potret Juni 2014"):
        assert fragment in text
    assert entry.quality.rating == "red"


def test_aggregation_of_synthetic_route_records():
    records = pd.DataFrame(
        {
            "airline": ["GA", "JT", "TN", "GA"],
            "src_iata": ["MOF", "MOF", "MOF", "DPS"],
            "dst_iata": ["KOE", "KOE", "KOE", "SIN"],
            "src_name": ["M", "M", "M", "D"],
            "dst_name": ["K", "K", "K", "S"],
            "src_country": ["Indonesia"] * 4,
            "dst_country": ["Indonesia"] * 3 + ["Singapore"],
            "src_lat": [0.0, 0.0, 0.0, 0.0],
            "src_lon": [0.0, 0.0, 0.0, 0.0],
            "dst_lat": [0.0, 0.0, 0.0, 0.0],
            "dst_lon": [1.0, 1.0, 1.0, 2.0],
            "codeshare": ["Y", None, None, "Y"],
            "category": ["intra_region"] * 3 + ["international"],
        }
    )
    pairs = transport.aggregate_routes(records).set_index(["origin", "destination"])
    mof = pairs.loc[("MOF", "KOE")]
    assert (mof["n_route_records"], mof["n_airlines"], mof["airlines"]) == (3, 3, "GA JT TN")
    assert mof["n_suspect_airlines"] == 1 and not mof["all_codeshare"]
    assert bool(pairs.loc[("DPS", "SIN"), "all_codeshare"])
    assert mof["great_circle_km"] == 111.3  # one degree of longitude on the WGS84 equator (111.32 km)
    assert transport.category_of("DPS", "SIN", "Indonesia", "Singapore", {"DPS"}) == "international"
    assert transport.category_of("DPS", "CGK", "Indonesia", "Indonesia", {"DPS"}) == "domestic_other"


# --- sea ports --------------------------------------------------------------------------------------------


def test_seaport_coordinate_flags():
    ports = load("seaports")
    assert len(ports) == 59
    assert ports["coord_flag"].value_counts().to_dict() == {"ok": 44, "outside_study_area": 8, "off_coast": 7}
    flagged = ports[ports["coord_flag"] != "ok"]
    assert flagged["kabkota_code"].isna().all() and flagged["kab_agrees"].isna().all()


def test_miskeyed_denpasar_tuks_are_flagged_not_moved():
    ports = load("seaports")
    miskeyed = ports[(ports["lon"] - 115.74).abs() < 0.01]
    assert set(miskeyed["port_code"]) == {"PPW", "CPJ", "CIH", "TNU", "RMT", "SPU"}
    assert set(miskeyed["category"]) == {"Terminal Untuk Kepentingan Sendiri"}
    assert set(miskeyed["coord_flag"]) == {"off_coast"} and miskeyed["kabkota_code"].isna().all()
    assert set(miskeyed["declared_kabkota_code"]) == {"5171"} and set(miskeyed["province_code"]) == {"51"}


def test_points_outside_the_region_keep_their_declared_province():
    ports = _by(load("seaports"), "port_code")
    newmont = ports.loc["PNN"]
    assert (newmont["lon"], newmont["lat"]) == (115.256722, -7.106008)  # as given, not corrected
    assert (newmont["coord_flag"], newmont["province_code"], newmont["declared_kabkota_code"]) == (
        "outside_study_area",
        "52",
        "5207",
    )
    outside = ports[ports["coord_flag"] == "outside_study_area"]
    assert (outside["lat"] > transport.STUDY_LAT[1]).all()


def test_wrong_declared_kabkota_is_flagged():
    ports = _by(load("seaports"), "port_code")
    gilimanuk_pltg = ports.loc["WAT"]  # PT. Indonesia Power PLTG Gilimanuk, listed under Klungkung
    assert (gilimanuk_pltg["declared_kabkota_code"], gilimanuk_pltg["kabkota_code"]) == ("5105", "5101")
    assert not gilimanuk_pltg["kab_agrees"]
    assert set(ports.index[ports["kab_agrees"].eq(False).fillna(False).astype(bool)]) == {"WAT", "UFA"}


def test_shared_bare_names_accept_kabupaten_or_kota():
    ports = _by(load("seaports"), "port_code")
    assert pd.isna(ports.loc["TKU", "declared_kabkota_code"]) and ports.loc["TKU", "kabkota_code"] == "5371"
    assert pd.isna(ports.loc["BIM", "declared_kabkota_code"]) and ports.loc["BIM", "kabkota_code"] == "5272"
    assert ports.loc["TKU", "kab_agrees"] and ports.loc["BIM", "kab_agrees"]


def test_atapupu_is_a_coastal_port_of_belu():
    atapupu = _by(load("seaports"), "port_code").loc["TPP"]
    assert (atapupu["kabkota_code"], atapupu["kab_match"], atapupu["coord_flag"]) == ("5306", "nearest", "ok")
    assert atapupu["kab_distance_km"] < transport.SEAPORT_MAX_DISTANCE_KM


def test_seaports_caveats():
    text = _caveats("seaports")
    for fragment in (
        "outside the region",
        "115.74",
        "Klungkung",
        "Ferry (ASDP) ports are absent",
        "Kayangan",
    ):
        assert fragment in text


def test_coordinate_flag_rules():
    frame = pd.DataFrame(
        {
            "kabkota_code": pd.array(["5103", "5201", None, None], dtype="string"),
            "declared_province_code": ["51", "51", "51", "52"],
            "kab_match": ["inside", "nearest", "outside", "outside"],
            "in_study_area": [True, True, True, False],
        }
    )
    assert transport.coordinate_flag(frame).tolist() == [
        "ok",
        "province_mismatch",
        "off_coast",
        "outside_study_area",
    ]


# --- fishing ports ----------------------------------------------------------------------------------------


def test_fishing_ports_classes_and_status():
    ports = load("fishing_ports")
    assert len(ports) == 70
    assert ports["port_class"].value_counts().to_dict() == {"PPI": 55, "CPPI": 12, "PPP": 2, "PPN": 1}
    assert ports["operational_status"].value_counts().to_dict() == {
        "operational": 30,
        "not_yet_operational": 24,
        "planning": 12,
        "not_operational": 4,
    }
    pengambengan = ports.query("port_class == 'PPN'").iloc[0]
    assert pengambengan["name"] == "PP. Pengambengan" and pengambengan["kabkota_code"] == "5101"
    assert pengambengan["has_electricity"] and pengambengan["manager"] == "UPT Pusat"


def test_fishing_port_provinces_are_bps_codes_not_internal_ids():
    ports = load("fishing_ports")
    assert ports["declared_province_code"].value_counts().to_dict() == {"52": 35, "53": 24, "51": 11}
    assert not {"17", "18", "19"} & set(ports["province_code"])


@pytest.mark.upstream
def test_upstream_id_propinsi_is_an_internal_id():
    import geopandas as gpd

    raw = gpd.read_file(config.upstream_dir() / UPSTREAM / "kkp_fishing_ports_bali_ntb_ntt.geojson")
    assert set(raw.loc[raw["propinsi"] == "Nusa Tenggara Barat", "id_propinsi"]) == {"18"}


def test_fishing_ports_that_lie_in_another_kabkota():
    ports = load("fishing_ports")
    disagree = ports[ports["kab_agrees"].eq(False).fillna(False).astype(bool)].set_index("name")
    assert set(disagree.index) == {
        "PP. Oeba Kupang",
        "PP. Labuhan Lalar",
        "PP. Labuhan Buwah/Labuhan Buwak",
        "PP. Teluk Awang",
        "PP. Tanjung Bima",
        "PP. Reo",
        "PP. Cemara",
        "PP. Kore",
    }
    assert disagree.loc["PP. Kore", ["declared_kabkota_code", "kabkota_code"]].tolist() == ["5205", "5206"]
    assert disagree.loc[
        "PP. Labuhan Buwah/Labuhan Buwak", ["declared_kabkota_code", "kabkota_code"]
    ].tolist() == [
        "5204",
        "5203",
    ]
    assert ports["kab_agrees"].notna().all()


def test_fishing_port_name_typos_are_mapped_explicitly():
    ports = _by(load("fishing_ports"), "name")
    assert ports.loc["PP. Wini", "declared_kabkota"] == "Kab. Timur Tengah Utara"  # source typo
    assert ports.loc["PP. Wini", "declared_kabkota_code"] == "5305" and ports.loc["PP. Wini", "kab_agrees"]
    assert ports.loc["PP. Ledehanah", "declared_kabkota_code"] == "5320"  # "Kab. Sabu Raijua*"
    assert ports.loc["PP. Amed", "declared_kabkota_code"] == "5107"  # "Kab. Karang Asem"


def test_fishing_ports_caveats():
    text = _caveats("fishing_ports")
    for fragment in ("Provenance undocumented", "PP. Kore", "Timur Tengah Utara", "NTB = 18"):
        assert fragment in text
    assert catalog()["fishing_ports"].quality.rating == "red"


# --- World Port Index -------------------------------------------------------------------------------------


def test_wpi_ports_and_their_simpel_links():
    wpi = _by(load("wpi_ports"), "port_name")
    assert len(wpi) == 10
    assert wpi.loc["BENOA", ["simpel_port_code", "kabkota_code"]].tolist() == ["BOU", "5171"]
    assert wpi.loc["KUPANG", "simpel_port_code"] == "TKU" and wpi.loc["KUPANG", "simpel_distance_km"] == 7.53
    assert wpi.loc[["AMPENAN", "LABUHANHAJI"], "simpel_port_code"].isna().all()
    assert (wpi["simpel_distance_km"].dropna() <= transport.WPI_MAX_LINK_KM).all()
    minutes = wpi[["lon", "lat"]] * 60
    assert ((minutes - minutes.round()).abs() < 1e-3).all().all()  # whole minutes, as the README says


def test_wpi_caveats():
    text = _caveats("wpi_ports")
    for fragment in ("edition not stated", "Lembar", "Labuan Bajo", "not decoded"):
        assert fragment in text


# --- ferry facts ------------------------------------------------------------------------------------------


def test_ferry_facts_have_bps_codes_and_a_source_url():
    facts = load("ferry_facts")
    assert len(facts) == 17
    assert facts["source_url"].str.startswith("https://").all()
    lembar = facts.set_index(["route_from", "route_to", "fact"]).loc[
        ("Lembar (Lombok Barat)", "Padangbai (Karangasem)", "distance")
    ]
    assert (lembar["value"], lembar["unit"], lembar["category"]) == (38.0, "nautical miles", "intra_region")
    assert (lembar["from_kabkota_code"], lembar["to_kabkota_code"]) == ("5201", "5107")
    assert lembar["period"] == "undated news (c. 2025)"  # period as given


def test_ferry_endpoints_and_categories():
    facts = load("ferry_facts")
    sape = facts[facts["route_to"] == "Sape (Bima)"]
    assert set(sape["to_kabkota_code"]) == {"5206"}  # Sape is in Kabupaten Bima
    moa = facts[facts["route_to"] == "Moa (Maluku Barat Daya)"].iloc[0]
    assert (moa["to_province_code"], moa["category"]) == ("81", "outside_region") and pd.isna(
        moa["to_kabkota_code"]
    )
    assert facts["category"].value_counts().to_dict() == {
        "domestic_other": 9,
        "intra_region": 7,
        "outside_region": 1,
    }
    outside = facts[~facts["from_province_code"].isin(["51", "52", "53"])]
    assert outside["from_kabkota_code"].isna().all()


def test_ferry_caveats():
    text = _caveats("ferry_facts")
    for fragment in ("mixed dates", "undated", "Kayangan–Pototano", "Pelni"):
        assert fragment in text


# --- shared helpers: bad input fails, naming file, column and row -----------------------------------------


def test_unknown_declared_kabkota_names_the_row():
    names = pd.Series(["KOTA DENPASAR", "ATLANTIS"])
    with pytest.raises(UnknownRegionError) as caught:
        transport.harmonise_declared_kab(names, spellings={}, ambiguous={}, file="f.geojson", column="kab")
    assert (caught.value.column, caught.value.row) == ("kab", 1)


def test_a_province_whose_code_contradicts_its_name_fails():
    with pytest.raises(SchemaValidationError, match="name means 51"):
        transport._province("Bali (52)", "facts.csv", "from_province", 3)


def test_a_region_endpoint_in_another_province_fails():
    with pytest.raises(SchemaValidationError, match="not in province 53"):
        transport._kabkota("Lembar (Lombok Barat)", "53", "facts.csv", "route_to", 0)


def test_every_point_table_tags_kabkota_consistently():
    for name in ("airports", "seaports", "fishing_ports", "wpi_ports"):
        frame = load(name)
        tagged = frame.dropna(subset=["kabkota_code"])
        assert (tagged["kabkota_code"].str[:2] == tagged["province_code"]).all(), name
        assert (tagged.loc[tagged["kab_match"] == "inside", "kab_distance_km"] == 0).all(), name
        assert frame["source"].notna().all(), name
