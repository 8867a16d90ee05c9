"""BPS WebAPI parser: synthetic responses for each quirk, and cells read by hand off the recorded files."""

from __future__ import annotations

import copy
import json

import pytest

from krbnn_analysis import config
from krbnn_analysis.bps_webapi import bps_region_code, clean_label, month_of, parse_file, parse_response
from krbnn_analysis.errors import ParseError

# SYNTHETIC response (not BPS data): two regions, a derived variable given as the string "0",
# sub-periods of widths 1 and 2 (turtahun 1 and 13), HTML labels (one malformed), '-', '' and negative.
SYNTHETIC = {
    "status": "OK",
    "data-availability": "available",
    "var": [{"val": 77, "label": "<b>Synthetic</b> variable", "unit": "Persen"}],
    "turvar": [{"val": "0", "label": "Tidak ada"}],
    "vervar": [
        {"val": 5100, "label": "<b>BALI</b>"},
        {"val": 3500, "label": "<b>JAWA TIMUR<b>"},
        {"val": 9999, "label": "INDONESIA"},
    ],
    "tahun": [{"val": 124, "label": "2024"}],
    "turtahun": [{"val": 1, "label": "Januari"}, {"val": 13, "label": "Tahunan"}],
    "datacontent": {
        "51007701241": 1.5,  # 5100 / 77 / 0 / 124 / 1
        "510077012413": -2.25,  # 5100 / 77 / 0 / 124 / 13 (width 2)
        "35007701241": "-",
        "350077012413": "",
        "99997701241": 7,
    },
}


def test_synthetic_response_is_decoded_by_code_lists_not_positions():
    table = parse_response(SYNTHETIC).set_index("key")
    assert table.loc["51007701241", ["vervar", "var", "turvar", "year", "turtahun"]].tolist() == [
        "5100",
        "77",
        "0",
        2024,
        "1",
    ]
    assert table.loc["510077012413", "turtahun"] == "13"
    assert table.loc["510077012413", "value"] == -2.25
    assert table.loc["99997701241", "value"] == 7.0
    assert table.loc[["35007701241", "350077012413"], "value"].isna().all()  # "-" and "" are missing


def test_labels_lose_html_tags_including_malformed_ones():
    table = parse_response(SYNTHETIC)
    assert set(table["region_label"]) == {"BALI", "JAWA TIMUR", "INDONESIA"}
    assert table["var_label"].iloc[0] == "Synthetic variable"
    assert clean_label("<b>D I YOGYAKARTA</b>") == "D I YOGYAKARTA"
    assert clean_label("Perkotaan&amp;Perdesaan\n") == "Perkotaan&Perdesaan"


def test_periods_and_region_codes():
    table = parse_response(SYNTHETIC).set_index("key")
    assert table.loc["51007701241", "month"] == 1 and not table.loc["51007701241", "is_annual"]
    assert table.loc["510077012413", "is_annual"]
    assert month_of("Semester 2 (September)") == 9 and month_of("Tahunan") is None
    assert [bps_region_code(c) for c in ("5100", "9999", "5171")] == ["51", "00", "5171"]


@pytest.mark.parametrize(
    ("mutate", "match"),
    [
        (lambda r: r["datacontent"].update({"5100770124": 1.0}), "matches no combination"),  # malformed key
        (lambda r: r["datacontent"].update({"51007701241": "n/a"}), "is not a number"),
        (lambda r: r.pop("turtahun"), "no 'turtahun' code list"),
        (lambda r: r.update({"status": "Error"}), "status"),
        (lambda r: r.update({"data-availability": "list-not-available"}), "data-availability"),
        (lambda r: r["vervar"].append({"val": "51a0", "label": "x"}), "not numeric"),
        (lambda r: r["tahun"].__setitem__(0, {"val": 124, "label": "Tahun 2024"}), "not a year"),
        (lambda r: r.pop("datacontent"), "datacontent"),
    ],
)
def test_malformed_responses_raise_parse_errors_naming_the_problem(mutate, match):
    response = copy.deepcopy(SYNTHETIC)
    mutate(response)
    with pytest.raises(ParseError, match=match):
        parse_response(response, source="synthetic.json")


def test_a_key_two_combinations_produce_is_ambiguous():
    # SYNTHETIC clash: 51 | 0 | "00" | 124 | 1 and 510 | 0 | "0" | 124 | 1 both give "510001241".
    response = copy.deepcopy(SYNTHETIC)
    response["vervar"] = [{"val": 51, "label": "A"}, {"val": 510, "label": "B"}]
    response["var"] = [{"val": 0, "label": "v", "unit": "u"}]
    response["turvar"] = [{"val": "0", "label": "t"}, {"val": "00", "label": "t2"}]
    response["turtahun"] = [{"val": 1, "label": "Januari"}]
    response["datacontent"] = {"510001241": 1}
    with pytest.raises(ParseError, match="two different code combinations"):
        parse_response(response, source="synthetic.json")


def test_truncated_json_file_names_file_and_position(tmp_path):
    path = tmp_path / "synthetic_truncated.json"
    path.write_text(json.dumps({"payload": SYNTHETIC})[:120], encoding="utf-8")
    with pytest.raises(ParseError, match="truncated") as caught:
        parse_file(path)
    assert str(path) in str(caught.value) and "line 1" in str(caught.value)


def test_wrappers_are_unwrapped(tmp_path):
    raw = tmp_path / "raw.json"
    raw.write_text(json.dumps(SYNTHETIC), encoding="utf-8")
    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(json.dumps({"th_124": {"success": True, "data": SYNTHETIC}}), encoding="utf-8")
    assert len(parse_file(raw)) == len(parse_file(wrapped)) == 5


# --- recorded responses (upstream) -----------------------------------------------------------------------

WEBAPI = config.upstream_dir() / "bps_webapi"
# Cells read by hand off the JSON files: file → {key: value}.
HAND_READ = {
    "dynamic_poverty_rate_2024.json": {
        "510019243412461": 4.0,
        "530019243312462": 23.02,
        "999919243412462": 8.57,
    },
    "dynamic_open_unemployment_rate_2023.json": {"51005430123189": 3.73, "52005430123190": 2.8},
    "dynamic_mean_years_schooling_new_method_2024.json": {"537141501240": 11.64, "530041501240": 8.02},
    "dynamic_regional_gdp_growth_constant_2010_2021.json": {"510029101210": -2.46, "999929101210": 3.7},
    "bps-scraping-results-20260205_083134.json": {"51002506012513": 587866.28, "5300250601255": 318001.16},
}


@pytest.mark.upstream
def test_every_recorded_response_parses_completely():
    files = [*sorted(WEBAPI.glob("dynamic_*.json")), WEBAPI / "bps-scraping-results-20260205_083134.json"]
    assert len(files) == 25
    for path in files:
        document = json.loads(path.read_text(encoding="utf-8"))
        payloads = [document["payload"]] if "payload" in document else [v["data"] for v in document.values()]
        table = parse_file(path)
        assert len(table) == sum(len(p["datacontent"]) for p in payloads), path.name
        assert table["value"].notna().all(), path.name


@pytest.mark.upstream
@pytest.mark.parametrize("name", sorted(HAND_READ))
def test_parser_reproduces_cells_read_by_hand(name):
    table = parse_file(WEBAPI / name).set_index("key")["value"]
    for key, expected in HAND_READ[name].items():
        assert table[key] == expected


@pytest.mark.upstream
def test_decoded_meaning_of_hand_read_cells():
    poverty = parse_file(WEBAPI / "dynamic_poverty_rate_2024.json").set_index("key")
    cell = poverty.loc["530019243312462"]  # NTT, rural, September 2024
    assert (cell["region_label"], cell["turvar_label"], cell["month"]) == (
        "NUSA TENGGARA TIMUR",
        "Perdesaan",
        9,
    )
    paddy = parse_file(WEBAPI / "bps-scraping-results-20260205_083134.json").set_index("key")
    assert paddy.loc["51002506012513", "turtahun_label"] == "Tahunan"  # Bali 2025 annual paddy, t GKG
    assert paddy.loc["5300250601255", "month"] == 5  # NTT May 2025
