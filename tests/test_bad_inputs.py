"""The bad-input suite: one typed error (``KrbnnError``) per bad input, whose message names the file, the
column and the row or key, across the loaders, the upstream derivations, the BPS parser and the CLI.

Upstream cases work on a private upstream folder made of symbolic links to the real files, with the
one file under test copied and broken; its origin-record hash is updated, so that the derivation's own
checks (not the hash guard) are what the case exercises.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import re
import shutil
from collections.abc import Callable
from dataclasses import replace as dc_replace
from pathlib import Path

import pandas as pd
import pytest

from krbnn_analysis import catalog, config, load
from krbnn_analysis.bps_webapi import parse_file, parse_response
from krbnn_analysis.catalog import dump_catalog, read_catalog, replace
from krbnn_analysis.cli import main
from krbnn_analysis.errors import (
    ChecksumMismatchError,
    KrbnnError,
    MissingFileError,
    ParseError,
    SchemaValidationError,
    UnknownDatasetError,
    UnknownLanguageError,
    UnknownRegionError,
    UpstreamChangedError,
)
from krbnn_analysis.pipeline import steps_for
from krbnn_analysis.pipeline import upstream as upstream_module
from krbnn_analysis.pipeline.core import run_step
from krbnn_analysis.validation import sha256_file

# --- loaders ------------------------------------------------------------------------------------------------


def _rehash(data_dir: Path, name: str) -> None:
    entries = read_catalog(data_dir / "catalog.yaml")
    updated = {n: entries[n] for n in entries}
    updated[name] = replace(entries[name], sha256=sha256_file(data_dir / entries[name].path))
    (data_dir / "catalog.yaml").write_text(dump_catalog(updated), encoding="utf-8")


def _csv_edit(name: str, edit: Callable[[pd.DataFrame], pd.DataFrame]) -> Callable[[Path], None]:
    def apply(data_dir: Path) -> None:
        path = data_dir / catalog()[name].path
        edit(pd.read_csv(path, dtype=str, keep_default_na=False)).to_csv(
            path, index=False, lineterminator="\n"
        )
        _rehash(data_dir, name)

    return apply


def _text_edit(name: str, edit: Callable[[str], str], *, rehash: bool = True) -> Callable[[Path], None]:
    def apply(data_dir: Path) -> None:
        path = data_dir / catalog()[name].path
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
        if rehash:
            _rehash(data_dir, name)

    return apply


def _set(frame: pd.DataFrame, row: int, column: str, value: str) -> pd.DataFrame:
    frame.loc[row, column] = value
    return frame


LOADER_CASES = {
    "missing file": ("hdi", lambda d: (d / "hdi.csv").unlink(), MissingFileError, ["hdi.csv"]),
    "empty file": ("hdi", _text_edit("hdi", lambda t: ""), ParseError, ["hdi.csv", "empty"]),
    "wrong delimiter": (
        "hdi",
        _text_edit("hdi", lambda t: t.replace(",", ";")),
        SchemaValidationError,
        ["hdi.csv", "'region_code'"],
    ),
    "wrong encoding": (
        "population",
        lambda d: (
            (d / "population.csv").write_bytes(
                (d / "population.csv").read_text(encoding="utf-8").replace("Bali", "Balí").encode("latin-1")
            ),
            _rehash(d, "population"),
        ),
        ParseError,
        ["population.csv", "UTF-8"],
    ),
    "missing column": (
        "gini",
        _csv_edit("gini", lambda f: f.drop(columns="area")),
        SchemaValidationError,
        ["gini.csv", "'area'"],
    ),
    "renamed column": (
        "gini",
        _csv_edit("gini", lambda f: f.rename(columns={"month": "bulan"})),
        SchemaValidationError,
        ["gini.csv", "'month'"],
    ),
    "extra column": (
        "gini",
        _csv_edit("gini", lambda f: f.assign(note="x")),
        SchemaValidationError,
        ["gini.csv", "'note'"],
    ),
    "non-numeric value": (
        "poverty",
        _csv_edit("poverty", lambda f: _set(f, 4, "value", "n.a.")),
        SchemaValidationError,
        ["poverty.csv", "'value'", "row 4"],
    ),
    "negative where impossible": (
        "population",
        _csv_edit("population", lambda f: _set(f, 2, "value", "-5")),
        SchemaValidationError,
        ["population.csv", "'value'", "row 2"],
    ),
    "value above maximum": (
        "hdi",
        _csv_edit("hdi", lambda f: _set(f, 3, "value", "101")),
        SchemaValidationError,
        ["hdi.csv", "'value'", "row 3"],
    ),
    "duplicate key": (
        "hdi",
        _csv_edit("hdi", lambda f: pd.concat([f, f.iloc[[7]]])),
        SchemaValidationError,
        ["hdi.csv", "region_code", "duplicate primary key"],
    ),
    "unknown region code": (
        "grdp",
        _csv_edit("grdp", lambda f: _set(f, 5, "region_code", "5a")),
        SchemaValidationError,
        ["grdp.csv", "'region_code'", "row 5"],
    ),
    "year out of range": (
        "grdp",
        _csv_edit("grdp", lambda f: _set(f, 6, "year", "3020")),
        SchemaValidationError,
        ["grdp.csv", "'year'", "row 6"],
    ),
    "fractional year": (
        "grdp",
        _csv_edit("grdp", lambda f: _set(f, 6, "year", "2010.5")),
        SchemaValidationError,
        ["grdp.csv", "'year'", "row 6"],
    ),
    "unit basis not allowed": (
        "grdp",
        _csv_edit("grdp", lambda f: _set(f, 1, "price_basis", "ADHK2000")),
        SchemaValidationError,
        ["grdp.csv", "'price_basis'", "row 1"],
    ),
    "missing value in required column": (
        "grdp",
        _csv_edit("grdp", lambda f: _set(f, 8, "status", "")),
        SchemaValidationError,
        ["grdp.csv", "'status'", "row 8"],
    ),
    "changed bytes": (
        "grdp",
        _text_edit("grdp", lambda t: t.replace("93749.35", "93749.36", 1), rehash=False),
        ChecksumMismatchError,
        ["grdp.csv", "sha256"],
    ),
    "truncated geojson": (
        "province_boundaries",
        _text_edit("province_boundaries", lambda t: t[:5000]),
        ParseError,
        ["province_boundaries.geojson"],
    ),
    "corrupt catalog": (
        "grdp",
        lambda d: (d / "catalog.yaml").write_text("datasets: [unclosed", encoding="utf-8"),
        ParseError,
        ["catalog.yaml"],
    ),
}


@pytest.mark.parametrize("case", sorted(LOADER_CASES))
def test_loader_bad_input(case, data_copy):
    name, break_it, error_type, fragments = LOADER_CASES[case]
    break_it(data_copy)
    with pytest.raises(error_type) as caught:
        load(name)
    assert isinstance(caught.value, KrbnnError)
    for fragment in fragments:
        assert fragment in str(caught.value), f"{fragment!r} not in {caught.value}"


def test_unknown_table_name_lists_the_known_ones():
    with pytest.raises(UnknownDatasetError, match="no table named 'gdp'.*known tables: .*grdp"):
        load("gdp")


# --- upstream derivations -----------------------------------------------------------------------------------


@pytest.fixture
def broken_upstream(tmp_path, monkeypatch):
    """Return ``breaker(relative_path, edit)``: a private upstream folder with that one file broken."""
    if not config.upstream_dir().exists():
        pytest.skip("upstream folder absent")
    root = tmp_path / "upstream"
    for source in config.upstream_dir().rglob("*"):
        if source.is_file():
            target = root / source.relative_to(config.upstream_dir())
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to(source)
    records = dict(upstream_module.origin_records())

    def breaker(relative: str, edit: Callable[[str], str], *, keep_hash: bool = False) -> Path:
        target = root / relative
        text = target.read_text(encoding="utf-8-sig") if target.exists() else ""
        target.unlink(missing_ok=True)
        target.write_text(edit(text), encoding="utf-8")
        if not keep_hash:
            for key, record in records.items():
                if record.path == relative:
                    records[key] = dc_replace(record, sha256=sha256_file(target))
        monkeypatch.setattr(upstream_module, "origin_records", lambda: records)
        return root

    return breaker


def _line_edit(number: int, old: str, new: str) -> Callable[[str], str]:
    def edit(text: str) -> str:
        lines = text.split("\n")
        assert old in lines[number], f"{old!r} not in line {number}: {lines[number]!r}"
        lines[number] = lines[number].replace(old, new, 1)
        return "\n".join(lines)

    return edit


def _quarcs_garbage(text: str) -> str:
    """Jembrana's (5101) 2010 per-capita cell becomes '8,2OO' (letters O): not a number."""
    rows = list(csv.reader(io.StringIO(text)))
    column = rows[0].index("grdp_pc_2010")
    row = next(r for r in rows if r and r[0] == "5101")
    row[column] = "8,2OO"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


HAEKAL = "macro/haekal_bps_prov_indicators_2010_2022_long.csv"
ARCHENSYS = "macro/bps_prov_grdp_energy_pop_2010_2020_archensys.csv"
CENSUS_2020 = "macro/bps_census_population_prov_2020_by_sex.csv"
BAPPENAS = "macro/bappenas_pdrb_lapus_adhk2010_kabkota_prov_2013_2020_wide.csv"
QUARCS = "macro/quarcs_indonesia514_grdppc_districts_2000_2024.csv"
CENSUS_OLD = "macro/bps_census_population_prov_1971_2010.csv"
POVERTY_2024 = "bps_webapi/dynamic_poverty_rate_2024.json"
KAB_POLYGONS = "boundaries/cahyadsn_kabkota_bali_ntb_ntt.geojson"

DERIVATION_CASES = {
    # table, file, edit, error, fragments (file name is always checked)
    "upstream non-numeric value": (
        "hdi",
        HAEKAL,
        _line_edit(1, ",71.7,", ",7l.7,"),
        SchemaValidationError,
        ["'value'", "line 2"],
    ),
    "upstream missing column": (
        "hdi",
        HAEKAL,
        _line_edit(0, "value", "nilai"),
        SchemaValidationError,
        ["'value'", "missing"],
    ),
    "upstream unknown province": (
        "hdi",
        HAEKAL,
        _line_edit(1, "ACEH", "ATLANTIS"),
        UnknownRegionError,
        ["'province'", "row 0", "ATLANTIS"],
    ),
    "upstream duplicate key": (
        "hdi",
        HAEKAL,
        lambda t: t.rstrip("\n") + "\n" + t.split("\n")[1] + "\n",
        SchemaValidationError,
        ["region_code,year", "duplicate"],
    ),
    "upstream value out of range": (
        "hdi",
        HAEKAL,
        _line_edit(1, ",71.7,", ",717,"),
        SchemaValidationError,
        ["'value'", "717"],
    ),
    "upstream unit mismatch": (
        "population",
        ARCHENSYS,
        lambda t: t.replace(",thousand persons,", ",persons,", 1),
        SchemaValidationError,
        ["'unit'", "persons"],
    ),
    "upstream year out of range": (
        "grdp",
        ARCHENSYS,
        lambda t: t.replace(",grdp_total,2010,", ",grdp_total,2100,", 1),
        SchemaValidationError,
        ["'year'", "2100"],
    ),
    "upstream totals disagree": (
        "population",
        CENSUS_2020,
        _line_edit(1, "2647563", "2647564"),
        SchemaValidationError,
        ["'total'", "row 0"],
    ),
    "upstream negative sector": (
        "grdp_by_industry",
        BAPPENAS,
        _line_edit(1, ",28980,", ",-28980,"),
        SchemaValidationError,
        ["'sec_A'", "row 0"],
    ),
    "upstream padded number garbage": (
        "grdp_per_capita_kabkota",
        QUARCS,
        _quarcs_garbage,
        SchemaValidationError,
        [],
    ),
    "upstream census text in number": (
        "population",
        CENSUS_OLD,
        _line_edit(1, "2008595", "2OO8595"),
        SchemaValidationError,
        ["'1971'", "row 0"],
    ),
    "upstream SIMREG text in number": (
        "grdp_by_industry",
        "incoming/bappenas_simreg_pdrb_lapus_adhk2010_prov_kab_bnn_2010_2022_long.csv",
        _line_edit(1, ",6864133.1", ",6864l33.1"),
        SchemaValidationError,
        ["'value_bn_idr_adhk2010'", "row 0", "6864l33.1"],
    ),
    "upstream airport months note unreadable": (
        "air_traffic_by_airport",
        "incoming/djpu_airport_traffic_bali_ntb_ntt_2016_2024.csv",
        _line_edit(1, "Data 12 Bln.", "Data dua belas"),
        SchemaValidationError,
        ["'keterangan'", "Data dua belas"],
    ),
    "upstream origin trips garbage": (
        "domestic_trips_by_origin",
        "incoming/liddd_bps_wisnus_by_origin_prov_monthly_2022_2024.csv",
        _line_edit(1, ";562191;", ";56219l;"),
        SchemaValidationError,
        ["not a number", "56219l"],
    ),
    "upstream empty file": ("hdi", HAEKAL, lambda t: "", ParseError, ["cannot parse"]),
    "upstream truncated json": (
        "poverty",
        POVERTY_2024,
        lambda t: t[: len(t) // 2],
        ParseError,
        ["invalid JSON", "line"],
    ),
    "upstream malformed bps key": (
        "poverty",
        POVERTY_2024,
        lambda t: t.replace('"510019243312462"', '"51001924331246"', 1),
        ParseError,
        ["datacontent", "key 51001924331246"],
    ),
    "upstream unknown kemendagri code": (
        "kabkota_boundaries",
        KAB_POLYGONS,
        lambda t: re.sub(r'"kode":\s*"53\.21"', '"kode": "53.99"', t, count=1),
        UnknownRegionError,
        ["'kode'", "53.99"],
    ),
}


@pytest.mark.upstream
@pytest.mark.parametrize("case", sorted(DERIVATION_CASES))
def test_derivation_bad_input(case, broken_upstream):
    table, relative, edit, error_type, fragments = DERIVATION_CASES[case]
    root = broken_upstream(relative, edit)
    (step,) = steps_for([table])
    with pytest.raises(error_type) as caught:
        run_step(step, upstream_root=root)
    message = str(caught.value)
    assert Path(relative).name in message, message
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in {message}"


@pytest.mark.upstream
def test_changed_upstream_bytes_are_refused(broken_upstream):
    root = broken_upstream(HAEKAL, _line_edit(1, ",71.7,", ",71.8,"), keep_hash=True)
    with pytest.raises(UpstreamChangedError, match="haekal_bps_prov_indicators_2010_2022_long.csv"):
        run_step(steps_for(["hdi"])[0], upstream_root=root)


@pytest.mark.upstream
def test_missing_upstream_file_is_named(broken_upstream, tmp_path):
    root = broken_upstream(HAEKAL, lambda t: t)
    (root / HAEKAL).unlink()
    with pytest.raises(MissingFileError, match="haekal_bps_prov_indicators_2010_2022_long.csv"):
        run_step(steps_for(["hdi"])[0], upstream_root=root)


# --- BPS parser (synthetic responses) -----------------------------------------------------------------------

RESPONSE = {  # SYNTHETIC, not BPS data
    "status": "OK",
    "data-availability": "available",
    "var": [{"val": 77, "label": "v", "unit": "u"}],
    "turvar": [{"val": "0", "label": "Tidak ada"}],
    "vervar": [{"val": 5100, "label": "BALI"}],
    "tahun": [{"val": 124, "label": "2024"}],
    "turtahun": [{"val": 0, "label": "Tahun"}],
    "datacontent": {"51007701240": 1.5},
}
PARSER_CASES = {
    "key of the wrong width": (
        lambda r: r["datacontent"].update({"510077012400": 2}),
        ["datacontent", "key 510077012400"],
    ),
    "text value": (lambda r: r["datacontent"].update({"51007701240": "satu"}), ["datacontent", "'satu'"]),
    "missing code list": (lambda r: r.pop("vervar"), ["'vervar'"]),
    "non-numeric code": (lambda r: r["tahun"].append({"val": "x24", "label": "2024"}), ["'tahun'", "row 1"]),
    "duplicated code": (lambda r: r["vervar"].append({"val": 5100, "label": "BALI"}), ["'vervar'", "'5100'"]),
    "year label not a year": (
        lambda r: r["tahun"].__setitem__(0, {"val": 124, "label": "tahun ini"}),
        ["'tahun'"],
    ),
    "error status": (lambda r: r.update({"status": "Error"}), ["'status'"]),
}


@pytest.mark.parametrize("case", sorted(PARSER_CASES))
def test_parser_bad_input(case):
    mutate, fragments = PARSER_CASES[case]
    response = copy.deepcopy(RESPONSE)
    mutate(response)
    with pytest.raises(ParseError) as caught:
        parse_response(response, source="synthetic_response.json")
    assert "synthetic_response.json" in str(caught.value)
    for fragment in fragments:
        assert fragment in str(caught.value), f"{fragment!r} not in {caught.value}"


def test_parser_truncated_file(tmp_path):
    path = tmp_path / "synthetic_truncated.json"
    path.write_text(json.dumps(RESPONSE)[:60], encoding="utf-8")
    with pytest.raises(ParseError, match=r"synthetic_truncated.json.*line 1 col"):
        parse_file(path)


# --- CLI ----------------------------------------------------------------------------------------------------

CLI_CASES = {
    "unknown table to build": (["data", "build", "gdp"], "no step builds gdp"),
    "unknown notebook": (["reports", "99_nothing"], "no notebook named 99_nothing"),
    "unknown language": (["reports", "00_overview", "--lang", "fr"], "unknown language 'fr'"),
    "bad build date": (["reports", "00_overview", "--build-date", "29-11-2026"], "YYYY-MM-DD"),
    "bad year for the BPS client": (["data", "fetch-bps", "--var", "291", "--year", "1850"], "year must be"),
}


@pytest.mark.parametrize("case", sorted(CLI_CASES))
def test_cli_bad_input_is_one_line_and_exit_1(case, capsys, monkeypatch):
    monkeypatch.setenv("BPS_API_KEY", "SENTINEL-NOT-USED")
    argv, fragment = CLI_CASES[case]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith("krbnn: error: ") and fragment in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_cli_broken_table_names_the_file(capsys, data_copy):
    (data_copy / "hdi.csv").write_text("region_code\n", encoding="utf-8")
    assert main(["data", "check"]) == 1
    out = capsys.readouterr()
    assert "hdi.csv" in out.out and "FAIL hdi" in out.out


def test_notebook_with_a_wrong_parameter_type_names_the_cell(tmp_path):
    from krbnn_analysis.report.build import Briefing, execute, project_kernel

    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    shutil.copy(config.notebooks_dir() / "00_overview.ipynb", notebooks / "00_overview.ipynb")
    briefing = Briefing.from_path(notebooks / "00_overview.ipynb")
    with project_kernel() as root, pytest.raises(KrbnnError) as caught:
        execute(briefing, 5, root, tmp_path)  # LANG = 5 instead of "id"/"en"
    message = str(caught.value)
    assert "00_overview.ipynb" in message and "cell" in message and "UnknownLanguageError" in message
    assert UnknownLanguageError.__name__ in message


def test_suite_has_at_least_40_distinct_bad_inputs():
    assert len(LOADER_CASES) + len(DERIVATION_CASES) + len(PARSER_CASES) + len(CLI_CASES) + 6 >= 40
