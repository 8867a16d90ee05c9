"""Region registry: every one of the 41 kab/kota codes, name variants, and clear errors."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from krbnn_analysis import config, regions
from krbnn_analysis.errors import AmbiguousRegionError, UnknownRegionError

# The Kemendagri → BPS table of the upstream README ("Region codes"), typed here independently of the
# registry. Bali and NTB: BPS = Kemendagri without the dot. NTT: 16 of 22 differ.
KEMENDAGRI_TO_BPS = {
    "51.01": "5101",
    "51.02": "5102",
    "51.03": "5103",
    "51.04": "5104",
    "51.05": "5105",
    "51.06": "5106",
    "51.07": "5107",
    "51.08": "5108",
    "51.71": "5171",
    "52.01": "5201",
    "52.02": "5202",
    "52.03": "5203",
    "52.04": "5204",
    "52.05": "5205",
    "52.06": "5206",
    "52.07": "5207",
    "52.08": "5208",
    "52.71": "5271",
    "52.72": "5272",
    "53.01": "5303",
    "53.02": "5304",
    "53.03": "5305",
    "53.04": "5306",
    "53.05": "5307",
    "53.06": "5309",
    "53.07": "5310",
    "53.08": "5311",
    "53.09": "5312",
    "53.10": "5313",
    "53.11": "5302",
    "53.12": "5301",
    "53.13": "5308",
    "53.14": "5314",
    "53.15": "5315",
    "53.16": "5318",
    "53.17": "5316",
    "53.18": "5317",
    "53.19": "5319",
    "53.20": "5320",
    "53.21": "5321",
    "53.71": "5371",
}
BPS_NAMES = {  # BPS code → name as written in BPS tables (Bappenas export), kabupaten without prefix
    "5301": "Sumba Barat",
    "5302": "Sumba Timur",
    "5303": "Kupang",
    "5304": "Timor Tengah Selatan",
    "5305": "Timor Tengah Utara",
    "5306": "Belu",
    "5307": "Alor",
    "5308": "Lembata",
    "5309": "Flores Timur",
    "5310": "Sikka",
    "5311": "Ende",
    "5312": "Ngada",
    "5313": "Manggarai",
    "5314": "Rote Ndao",
    "5315": "Manggarai Barat",
    "5316": "Sumba Tengah",
    "5317": "Sumba Barat Daya",
    "5318": "Nagekeo",
    "5319": "Manggarai Timur",
    "5320": "Sabu Raijua",
    "5321": "Malaka",
    "5371": "Kota Kupang",
}


def test_registry_has_the_41_kabkota_of_the_three_provinces():
    kab = regions.kabkota()
    assert len(kab) == 41
    assert [len(regions.kabkota(p)) for p in regions.KR_BNN_PROVINCES] == [9, 10, 22]
    assert len(regions.provinces()) == 38


@pytest.mark.parametrize(("kemendagri", "bps"), sorted(KEMENDAGRI_TO_BPS.items()))
def test_each_kemendagri_code_maps_to_its_bps_code(kemendagri, bps):
    assert regions.kemendagri_to_bps(kemendagri) == bps
    assert regions.to_bps_code(kemendagri) == bps
    assert regions.bps_to_kemendagri(bps) == kemendagri
    assert regions.get(bps).kemendagri == kemendagri


def test_ntt_codes_differ_for_exactly_16_of_22():
    ntt = [(k, b) for k, b in KEMENDAGRI_TO_BPS.items() if k.startswith("53")]
    differing = [k for k, b in ntt if k.replace(".", "") != b]
    assert len(ntt) == 22
    assert len(differing) == 16


@pytest.mark.parametrize(("bps", "name"), sorted(BPS_NAMES.items()))
def test_ntt_bps_codes_resolve_from_bps_table_names(bps, name):
    assert regions.to_bps_code(name, bare_name_means_kabupaten=True) == bps


@pytest.mark.parametrize(
    ("variant", "code"),
    [
        ("B A L I", "51"),
        ("BALI", "51"),
        ("Bali (51)", "51"),
        ("Provinsi Bali", "51"),
        ("NUSA TENGGARA BARAT", "52"),
        ("West Nusa Tenggara", "52"),
        ("NTB", "52"),
        ("Nusa Tenggara Timur (53)", "53"),
        ("EAST NUSA TENGGARA", "53"),
        ("NTT", "53"),
        ("KEP. RIAU", "21"),
        ("KEP, RIAU", "21"),
        ("Riau Islands", "21"),
        ("D K I JAKARTA", "31"),
        ("D.I. YOGYAKARTA", "34"),
        ("DAERAH ISTIMEWA YOGYAKARTA", "34"),
        ("<b>JAWA TIMUR<b>", "35"),
        ("NANGROE ACEH DARUSALAM", "11"),
        ("INDONESIA", "00"),
        ("9999", "00"),
        (9999, "00"),
        ("5100", "51"),
        (5171, "5171"),
        ("Kota Denpasar", "5171"),
        ("Denpasar", "5171"),
        ("KAB. BADUNG", "5103"),
        ("Kabupaten Bima", "5206"),
        ("Kota Bima", "5272"),
        ("Bima City", "5272"),
        ("Rote-Ndao", "5314"),
        ("  Manggarai   Barat ", "5315"),
        ("West Manggarai Regency", "5315"),
        ("53.15", "5315"),
    ],
)
def test_name_and_code_variants_resolve(variant, code):
    assert regions.to_bps_code(variant) == code


@pytest.mark.parametrize("name", ["Bima", "Kupang", "BIMA"])
def test_names_shared_by_kabupaten_and_kota_are_ambiguous(name):
    with pytest.raises(AmbiguousRegionError, match="Kabupaten .* Kota"):
        regions.to_bps_code(name)


@pytest.mark.parametrize(
    "value", ["Karanganyar", "34 PROVINSI", "5400", "53.30", "", None, float("nan"), "51.1"]
)
def test_unknown_names_and_codes_raise(value):
    with pytest.raises(UnknownRegionError):
        regions.to_bps_code(value)


def test_harmonise_names_file_column_and_row():
    with pytest.raises(UnknownRegionError) as caught:
        regions.harmonise(["Bali", "NTB", "Atlantis"], file="x.csv", column="province")
    error = caught.value
    assert (error.file, error.column, error.row) == ("x.csv", "province", 2)
    assert "x.csv" in str(error) and "'province'" in str(error) and "row 2" in str(error)


def test_labels_in_both_languages():
    assert regions.label("52", "id") == "NTB"
    assert regions.label("5271", "id") == "Kota Mataram"
    assert regions.label("5206", "id") == "Bima"
    assert regions.label("5206", "en") == "Bima Regency"
    assert regions.label("00", "en") == "Indonesia"


# --- cross-checks against the upstream files (skipped when ../shared is absent) -----------------------------


@pytest.mark.upstream
def test_registry_agrees_with_upstream_code_table():
    table = pd.read_csv(
        config.upstream_dir() / "boundaries/kabkota_codes_kemendagri_bps_bali_ntb_ntt.csv", dtype=str
    )
    assert len(table) == 41
    for row in table.itertuples():
        assert regions.kemendagri_to_bps(row.kode_kemendagri) == row.kode_bps_from_thirdparty_list
        assert regions.get(row.kode_bps_from_thirdparty_list).name == row.nama


@pytest.mark.upstream
def test_registry_names_agree_with_bps_coded_bappenas_export():
    wide = pd.read_csv(
        config.upstream_dir() / "macro/bappenas_pdrb_lapus_adhk2010_kabkota_prov_2013_2020_wide.csv"
    )
    kab = wide[(wide["level"] == "kabkota") & wide["prov_code"].isin([51, 52, 53])]
    pairs = set(zip(kab["region_code"].astype(int).astype(str), kab["region_name"], strict=True))
    assert len(pairs) == 41
    for code, name in pairs:
        assert regions.to_bps_code(name, bare_name_means_kabupaten=True) == code


@pytest.mark.upstream
def test_registry_names_agree_with_bps_webapi_region_list():
    path = config.upstream_dir() / "bps_webapi/dynamic_mean_years_schooling_new_method_2024.json"
    vervar = json.loads(path.read_text(encoding="utf-8"))["payload"]["vervar"]
    ours = {str(v["val"]): v["label"] for v in vervar if str(v["val"])[:2] in regions.KR_BNN_PROVINCES}
    kab = {code: label for code, label in ours.items() if not code.endswith("00")}
    assert len(kab) == 41
    for code, label in kab.items():
        assert regions.to_bps_code(label, bare_name_means_kabupaten=True) == code
