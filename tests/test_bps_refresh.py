"""The BPS refresh path, offline: a cached WebAPI response becomes an upstream source with an origin
record, reaches `grdp_growth_published`, and is refused when its bytes change or its variable is unknown.

The responses are the recorded ones already upstream (`bps_webapi/`); the cache is a temporary
`data/raw/bps/` (KRBNN_DATA_DIR points at a temporary directory)."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from krbnn_analysis import config
from krbnn_analysis.errors import MissingFileError, UpstreamChangedError
from krbnn_analysis.pipeline import bps_cache
from krbnn_analysis.pipeline.core import run_step, step
from krbnn_analysis.pipeline.subjects import macro

pytestmark = pytest.mark.upstream

RESPONSE_2024 = "bps_webapi/dynamic_regional_gdp_growth_constant_2010_2024.json"
RESPONSE_2023 = "bps_webapi/dynamic_regional_gdp_growth_constant_2010_2023.json"
GINI_2024 = "bps_webapi/dynamic_gini_ratio_2024.json"  # var 98: read by no cache-aware derivation


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("KRBNN_DATA_DIR", str(tmp_path / "data"))
    directory = tmp_path / "data" / "raw" / "bps" / "0000"
    directory.mkdir(parents=True)
    return directory


def _place(relative: str, cache: Path, name: str) -> Path:
    target = cache / name
    shutil.copyfile(config.upstream_dir() / relative, target)
    return target


def _growth_step(years: range):
    """The growth step with upstream inputs for ``years`` only (as before BPS published the next one)."""
    inputs = tuple(f"dynamic-regional-gdp-growth-constant-2010-{y}" for y in years)
    built = step("grdp_growth_published", inputs, (macro.GROWTH_PUBLISHED_SPEC,), macro.run_growth_published)
    return replace(built, dynamic_sources=lambda: bps_cache.cached_sources(macro.GROWTH_VAR))


def _table(built) -> pd.DataFrame:
    import io

    table = built["grdp_growth_published"]
    return pd.read_csv(io.BytesIO(table.payload), dtype={"region_code": str})


def test_a_response_for_a_new_year_reaches_the_table(cache):
    before = _table(run_step(_growth_step(range(2021, 2024))))
    assert before["year"].max() == 2023

    path = _place(RESPONSE_2024, cache, "var291_th124.json")
    entry = bps_cache.record(path)
    assert (entry["var"], entry["year"], entry["api_last_update"]) == (291, 2024, "2026-02-19 10:27:07")
    assert entry["retrieved_at"] == "2026-05-01T06:42:58Z"  # the recorded response's capture time

    built = run_step(_growth_step(range(2021, 2024)))
    after = _table(built).set_index(["region_code", "year"])
    assert after.loc[("51", 2024), "value"] == 5.48  # Bali 2024, BPS var 291
    assert after.loc[("51", 2024), "status"] == "preliminary"
    assert after.loc[("51", 2024), "source"] == "bps-webapi-cache-0000-var291-2024"
    cited = {s.id: s for s in built["grdp_growth_published"].dataset.sources}
    record = cited["bps-webapi-cache-0000-var291-2024"]
    assert record.sha256 == entry["sha256"] and record.latest_year == 2024
    assert "last_update 2026-02-19" in record.vintage


def test_the_newer_vintage_of_a_year_wins(cache):
    # Synthetic revision: the 2023 response with a later BPS update date and Bali's value changed.
    text = (config.upstream_dir() / RESPONSE_2023).read_text(encoding="utf-8")
    original = _table(run_step(_growth_step(range(2021, 2025)))).set_index(["region_code", "year"])
    bali_2023 = original.loc[("51", 2023), "value"]
    assert bali_2023 == 5.72
    revised = text.replace('"last_update": "2026-02-19', '"last_update": "2027-02-19').replace(
        '"510029101230": 5.72', '"510029101230": 5.75'
    )
    assert revised.count("2027-02-19") == 1 and "5.75" in revised
    path = cache / "var291_th123.json"
    path.write_text(revised, encoding="utf-8")
    bps_cache.record(path)
    table = _table(run_step(_growth_step(range(2021, 2025)))).set_index(["region_code", "year"])
    assert table.loc[("51", 2023), "value"] == 5.75
    assert table.loc[("51", 2023), "source"] == "bps-webapi-cache-0000-var291-2023"
    assert table.loc[("51", 2022), "source"] == "dynamic-regional-gdp-growth-constant-2010-2022"


def test_changed_bytes_are_refused_until_the_record_is_updated(cache):
    path = _place(RESPONSE_2024, cache, "var291_th124.json")
    bps_cache.record(path)
    path.write_bytes(path.read_bytes() + b"\n")
    with pytest.raises(UpstreamChangedError, match="record-bps") as caught:
        run_step(_growth_step(range(2021, 2024)))
    assert "var291_th124.json" in str(caught.value)
    bps_cache.record(path)
    assert _table(run_step(_growth_step(range(2021, 2024))))["year"].max() == 2024


def test_an_unrecorded_response_is_refused(cache):
    _place(RESPONSE_2024, cache, "var291_th124.json")
    with pytest.raises(MissingFileError, match="no origin record"):
        run_step(_growth_step(range(2021, 2024)))


def test_a_variable_no_derivation_reads_gives_a_clear_error(cache):
    path = _place(GINI_2024, cache, "var98_th124.json")
    with pytest.raises(
        bps_cache.UnknownBpsVariableError, match="variable 98.*known: 291 \\(grdp_growth_published\\)"
    ):
        bps_cache.record(path)
    # A record written by hand for it is refused by the build too.
    records = cache.parent / bps_cache.RECORDS_FILE
    records.write_text(
        "responses:\n- {id: x, path: 0000/var98_th124.json, var: 98, year: 2024, domain: '0000', "
        "retrieved_at: a, api_last_update: b, sha256: c}\n",
        encoding="utf-8",
    )
    with pytest.raises(bps_cache.UnknownBpsVariableError, match="variable 98"):
        run_step(_growth_step(range(2021, 2024)))


def test_a_response_under_the_wrong_name_is_refused(cache):
    path = _place(RESPONSE_2024, cache, "var291_th125.json")
    with pytest.raises(Exception, match="name it var291_th124.json"):
        bps_cache.record(path)


def test_a_fetched_response_gets_an_origin_record_and_reaches_the_table(cache):
    import datetime as dt
    import json

    from krbnn_analysis import bps_client

    # The recorded 2024 response upstream, served by a fake session as if the API returned it.
    document = json.loads((config.upstream_dir() / RESPONSE_2024).read_text(encoding="utf-8"))
    body = json.dumps(document["payload"]).encode("utf-8")

    class Reply:
        status_code, content = 200, body

    class Session:
        def get(self, url, timeout):
            return Reply()

    path = bps_client.fetch(
        291,
        year=2024,
        key=bps_client.ApiKey("synthetic-key"),
        session=Session(),
        cache_dir=cache.parent,
        now=lambda: dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC),
    )
    assert path == cache / "var291_th124.json"
    entry = bps_cache.record(path)
    assert (entry["retrieved_at"], entry["api_last_update"]) == (
        "2026-12-01T09:00:00+00:00",
        "2026-02-19 10:27:07",
    )
    table = _table(run_step(_growth_step(range(2021, 2024)))).set_index(["region_code", "year"])
    assert table.loc[("52", 2024), "source"] == "bps-webapi-cache-0000-var291-2024"
