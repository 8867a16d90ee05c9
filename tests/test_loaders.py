"""load(name): every table passes its hash and schema check, and every kind of bad file is caught."""

from __future__ import annotations

import json

import geopandas as gpd
import pandas as pd
import pytest

from krbnn_analysis import catalog, load
from krbnn_analysis.catalog import dump_catalog, read_catalog, replace
from krbnn_analysis.errors import (
    ChecksumMismatchError,
    MissingFileError,
    ParseError,
    SchemaValidationError,
    UnknownDatasetError,
)
from krbnn_analysis.validation import sha256_file

NAMES = sorted(catalog())
GEO = sorted(n for n in NAMES if catalog()[n].is_geo)


def _rehash(data_dir, name):
    """After deliberately changing a table, record its new hash so that the schema check is reached."""
    entries = read_catalog(data_dir / "catalog.yaml")
    entry = entries[name]
    updated = {n: entries[n] for n in entries}
    updated[name] = replace(entry, sha256=sha256_file(data_dir / entry.path))
    (data_dir / "catalog.yaml").write_text(dump_catalog(updated), encoding="utf-8")


def test_catalog_lists_the_foundation_tables():
    for name in [
        "grdp",
        "grdp_by_industry",
        "population",
        "poverty",
        "hdi",
        "unemployment",
        "gini",
        "kabkota_boundaries",
        "province_boundaries",
        "grdp_per_capita_kabkota",
        "grdp_growth_published",
    ]:
        assert name in NAMES


@pytest.mark.parametrize("name", NAMES)
def test_every_table_loads_and_matches_its_catalog_entry(name):
    frame = load(name)
    entry = catalog()[name]
    assert len(frame) == entry.rows
    assert list(frame.columns) == [c.name for c in entry.columns]
    assert isinstance(frame, gpd.GeoDataFrame) == entry.is_geo
    assert entry.sources, "every table cites its sources"
    for source in entry.sources:
        assert source.publisher and source.licence and source.vintage and len(source.sha256) == 64


@pytest.mark.parametrize("name", NAMES)
def test_changed_bytes_fail_the_hash_check(data_copy, name):
    path = data_copy / catalog()[name].path
    path.write_bytes(path.read_bytes() + b"\n")
    with pytest.raises(ChecksumMismatchError) as caught:
        load(name)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("name", sorted(set(NAMES) - set(GEO)))
def test_a_renamed_column_fails_the_schema_check(data_copy, name):
    path = data_copy / catalog()[name].path
    header, rest = path.read_text(encoding="utf-8").split("\n", 1)
    columns = header.split(",")
    renamed = columns[-1]  # the last declared column, whatever the table
    path.write_text(",".join([*columns[:-1], renamed + "_renamed"]) + "\n" + rest, encoding="utf-8")
    _rehash(data_copy, name)
    with pytest.raises(SchemaValidationError) as caught:
        load(name)
    assert caught.value.column == renamed and str(path) in str(caught.value)


@pytest.mark.parametrize("name", GEO)
def test_a_missing_geo_property_fails_the_schema_check(data_copy, name):
    path = data_copy / catalog()[name].path
    document = json.loads(path.read_text(encoding="utf-8"))
    for feature in document["features"]:
        feature["properties"].pop("region_name")
    path.write_text(json.dumps(document), encoding="utf-8")
    _rehash(data_copy, name)
    with pytest.raises(SchemaValidationError) as caught:
        load(name)
    assert caught.value.column == "region_name"


def _edit_cell(data_copy, name, row, column, new):
    path = data_copy / catalog()[name].path
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[row, column] = new
    frame.to_csv(path, index=False, lineterminator="\n")
    _rehash(data_copy, name)
    return path


@pytest.mark.parametrize(
    ("column", "new", "reason"),
    [
        ("value", "12,5", "not a number"),
        ("value", "-3", "greater_than_or_equal_to"),
        ("year", "2010.5", "not an integer"),
        ("year", "1850", "greater_than_or_equal_to"),
        ("region_code", "5", "str_matches"),
        ("price_basis", "ADHK2000", "isin"),
        ("status", "", "missing"),
    ],
)
def test_bad_cells_name_file_column_and_row(data_copy, column, new, reason):
    path = _edit_cell(data_copy, "grdp", 7, column, new)
    with pytest.raises(SchemaValidationError) as caught:
        load("grdp")
    error = caught.value
    message = str(error)
    assert error.column == column
    assert str(path) in message and "row 7 (line 9" in message
    assert reason in message or (reason == "missing" and "missing value" in message)


def test_duplicate_key_names_the_row(data_copy):
    path = data_copy / "hdi.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, lines[5]]) + "\n", encoding="utf-8")
    _rehash(data_copy, "hdi")
    with pytest.raises(SchemaValidationError, match="duplicate primary key") as caught:
        load("hdi")
    assert "region_code" in caught.value.column


def test_extra_column_is_rejected(data_copy):
    path = data_copy / "population.csv"
    frame = pd.read_csv(path, dtype=str).assign(comment="x")
    frame.to_csv(path, index=False, lineterminator="\n")
    _rehash(data_copy, "population")
    with pytest.raises(SchemaValidationError, match="not declared") as caught:
        load("population")
    assert caught.value.column == "comment"


def test_wrong_delimiter_reports_the_missing_columns(data_copy):
    path = data_copy / "population.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",", ";"), encoding="utf-8")
    _rehash(data_copy, "population")
    with pytest.raises(SchemaValidationError, match="declared column is missing") as caught:
        load("population")
    assert caught.value.column == "region_code"


def test_wrong_encoding_is_a_parse_error(data_copy):
    path = data_copy / "population.csv"
    path.write_bytes(path.read_text(encoding="utf-8").replace("Bali", "Balí").encode("latin-1"))
    _rehash(data_copy, "population")
    with pytest.raises(ParseError, match="not UTF-8"):
        load("population")


def test_empty_file_is_a_parse_error(data_copy):
    (data_copy / "gini.csv").write_bytes(b"")
    _rehash(data_copy, "gini")
    with pytest.raises(ParseError, match="empty"):
        load("gini")


def test_truncated_geojson_is_a_parse_error(data_copy):
    path = data_copy / "province_boundaries.geojson"
    path.write_bytes(path.read_bytes()[:1000])
    _rehash(data_copy, "province_boundaries")
    with pytest.raises(ParseError):
        load("province_boundaries")


def test_missing_file_and_unknown_name(data_copy):
    (data_copy / "hdi.csv").unlink()
    with pytest.raises(MissingFileError, match="hdi.csv"):
        load("hdi")
    with pytest.raises(UnknownDatasetError, match="known tables: .*grdp"):
        load("gdp")


def test_missing_catalog(tmp_path, monkeypatch):
    monkeypatch.setenv("KRBNN_DATA_DIR", str(tmp_path))
    with pytest.raises(MissingFileError, match="catalog.yaml"):
        load("grdp")


def test_codes_are_strings_and_kabkota_codes_are_the_41(data_copy):
    grdp = load("grdp")
    assert grdp["region_code"].map(type).eq(str).all()
    assert "00" in set(grdp["region_code"])  # a leading zero survives the round trip
    kab = load("kabkota_boundaries")
    assert sorted(kab["region_code"]) == sorted(
        r.code for r in __import__("krbnn_analysis").regions.kabkota()
    )


def test_check_all_passes_and_catches_a_coverage_change(data_copy):
    from krbnn_analysis.loaders import check_all

    assert check_all() == []
    entries = read_catalog(data_copy / "catalog.yaml")
    shrunk = replace(entries["hdi"], coverage={**entries["hdi"].coverage, "years": [2011, 2024]})
    (data_copy / "catalog.yaml").write_text(dump_catalog({**{n: entries[n] for n in entries}, "hdi": shrunk}))
    assert check_all() == ["hdi: coverage of years differs from the catalog's"]


def test_committed_data_log_is_current():
    from krbnn_analysis import config
    from krbnn_analysis.datalog import render

    assert (config.REPO_ROOT / "docs" / "data_log.md").read_text(encoding="utf-8") == render()


@pytest.mark.parametrize("name", NAMES)
def test_every_entry_is_bilingual_and_cites_the_sources_its_rows_use(name):
    entry = catalog()[name]
    assert entry.title.id and entry.title.en and entry.title.id != entry.title.en
    assert entry.quality.reason.id and entry.quality.reason.en
    assert all(c.id and c.en and c.id != c.en for c in entry.caveats)
    assert entry.vintage and entry.description
    frame = load(name)
    if "source" in frame.columns:  # a merged record lists its sources separated by ';'
        used = {part for value in frame["source"].dropna() for part in str(value).split(";")}
        assert used <= {s.id for s in entry.sources}
