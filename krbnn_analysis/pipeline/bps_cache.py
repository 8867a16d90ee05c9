"""Cached BPS WebAPI responses as upstream sources: the refresh path from a new BPS release to a table.

A response enters the cache (``data/raw/bps/<domain>/var<var>_th<th>.json``) either from
``krbnn data fetch-bps`` (with the key) or by hand (a recorded response copied there). Either way
``record`` gives it an origin record in ``data/raw/bps/records.yaml``: variable, year, domain,
retrieval date, the API's own last-update date and the sha256 of the bytes. Derivations read cached
responses only through ``read_cached``, which refuses a response whose bytes differ from its record
(until ``record`` is run again), an unrecorded response, and a variable no derivation reads.

The three commands that add a new year (e.g. the 2025 figures)::

    krbnn data fetch-bps --var 291 --year 2025   # or: copy a response in, `krbnn data record-bps FILE`
    krbnn data build                              # the derivation takes the newer vintage of each year
    krbnn reports                                 # the briefings pick the new year up
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from krbnn_analysis import config
from krbnn_analysis.bps_webapi import read_recorded
from krbnn_analysis.catalog import Source
from krbnn_analysis.errors import DataError, MissingFileError, ParseError, UpstreamChangedError
from krbnn_analysis.validation import sha256_file

RECORDS_FILE = "records.yaml"
# BPS variable → the curated table whose derivation reads its cached responses.
KNOWN_VARIABLES: Mapping[int, str] = {291: "grdp_growth_published"}


class UnknownBpsVariableError(DataError):
    """A cached response is for a BPS variable that no derivation reads."""


@dataclass(frozen=True)
class CachedResponse:
    source: Source
    var: int
    year: int
    api_last_update: str
    payload: Mapping[str, Any]


def cache_dir() -> Path:
    return config.data_dir() / "raw" / "bps"


def require_known(var: int, *, file: Path | None = None) -> None:
    if var not in KNOWN_VARIABLES:
        known = ", ".join(f"{v} ({table})" for v, table in sorted(KNOWN_VARIABLES.items()))
        raise UnknownBpsVariableError(
            f"BPS variable {var} is read by no derivation (known: {known}); add a derivation before "
            "caching it, or remove the file",
            file=file,
        )


def _read_records(directory: Path) -> list[dict[str, Any]]:
    path = directory / RECORDS_FILE
    if not path.exists():
        return []
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return list(raw.get("responses", []))
    except (yaml.YAMLError, AttributeError) as error:
        raise ParseError(f"records are not valid YAML: {error}", file=path) from None


def _write_records(directory: Path, records: list[dict[str, Any]]) -> None:
    text = yaml.safe_dump(
        {"responses": sorted(records, key=lambda r: r["id"])}, sort_keys=False, allow_unicode=True
    )
    header = "# Origin records of cached BPS WebAPI responses. Written by `krbnn data record-bps`.\n"
    (directory / RECORDS_FILE).write_text(header + text, encoding="utf-8")


def _single_payload(path: Path) -> tuple[dict[str, Any], str | None]:
    """The one response in ``path`` and the capture time of its wrapper, if any."""
    responses = read_recorded(path)
    if len(responses) != 1:
        raise ParseError(f"expected one response, found {len(responses)}", file=path)
    document = json.loads(path.read_text(encoding="utf-8"))
    return responses[0][1], document.get("captured_at")


def _var_and_year(payload: Mapping[str, Any], path: Path) -> tuple[int, int]:
    try:
        var = int(payload["var"][0]["val"])
        years = [int(entry["label"]) for entry in payload["tahun"]]
    except (KeyError, IndexError, TypeError, ValueError):
        raise ParseError("response lacks 'var' or 'tahun'", file=path) from None
    if len(years) != 1:
        raise ParseError(f"expected one year in 'tahun', found {years}", file=path)
    return var, years[0]


def record(path: Path, *, directory: Path | None = None, retrieved_at: str | None = None) -> dict[str, Any]:
    """Give the cached response at ``path`` an origin record (replacing an older one for it)."""
    directory = directory or cache_dir()
    path = Path(path)
    if not path.exists():
        raise MissingFileError("cached response not found", file=path)
    payload, captured_at = _single_payload(path)
    var, year = _var_and_year(payload, path)
    require_known(var, file=path)
    domain = path.parent.name
    expected_name = f"var{var}_th{year - 1900}.json"
    if path.name != expected_name:
        raise ParseError(f"the response is var {var}, year {year}: name it {expected_name}", file=path)
    sidecar = path.with_name(path.name + ".meta.json")
    meta = json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.exists() else {}
    entry = {
        "id": f"bps-webapi-cache-{domain}-var{var}-{year}",
        "path": path.relative_to(directory).as_posix(),
        "var": var,
        "year": year,
        "domain": domain,
        "retrieved_at": retrieved_at or meta.get("retrieved_at") or captured_at or "not stated",
        "api_last_update": str(payload.get("last_update") or "not stated"),
        "sha256": sha256_file(path),
    }
    records = [r for r in _read_records(directory) if r["id"] != entry["id"]]
    _write_records(directory, [*records, entry])
    return entry


def _source(entry: Mapping[str, Any]) -> Source:
    return Source(
        id=entry["id"],
        path=f"raw/bps/{entry['path']}",
        publisher=f"BPS (WebAPI, domain {entry['domain']})",
        obtained_from=f"BPS WebAPI var {entry['var']}, year {entry['year']}, cached in data/raw/bps/",
        licence="not stated",
        vintage=f"Retrieved {entry['retrieved_at']}; BPS last_update {entry['api_last_update']}",
        sha256=entry["sha256"],
        description=f"Cached WebAPI response, var {entry['var']}, {entry['year']}",
        url="https://webapi.bps.go.id/",
        latest_year=int(entry["year"]),
    )


def _unrecorded(directory: Path, records: list[dict[str, Any]]) -> list[Path]:
    recorded = {directory / r["path"] for r in records}
    cached = [p for p in directory.glob("*/var*_th*.json") if not p.name.endswith(".meta.json")]
    return sorted(p for p in cached if p not in recorded)


def read_cached(var: int, *, directory: Path | None = None) -> list[CachedResponse]:
    """The cached responses for ``var``, each checked against its record (bytes, variable, year)."""
    directory = directory or cache_dir()
    records = _read_records(directory)
    for entry in records:
        require_known(int(entry["var"]), file=directory / entry["path"])
    unrecorded = _unrecorded(directory, records)
    if unrecorded:
        raise MissingFileError(
            "cached response has no origin record: run `krbnn data record-bps` on it", file=unrecorded[0]
        )
    out = []
    for entry in (r for r in records if int(r["var"]) == var):
        path = directory / entry["path"]
        if not path.exists():
            raise MissingFileError("recorded response is missing from the cache", file=path)
        actual = sha256_file(path)
        if actual != entry["sha256"]:
            raise UpstreamChangedError(
                f"sha256 {actual} differs from its record {entry['sha256']}: review the response and run "
                "`krbnn data record-bps` on it to accept it",
                file=path,
            )
        payload, _ = _single_payload(path)
        found = _var_and_year(payload, path)
        if found != (var, int(entry["year"])):
            raise ParseError(
                f"response is var/year {found}, its record says {(var, entry['year'])}", file=path
            )
        out.append(CachedResponse(_source(entry), var, int(entry["year"]), entry["api_last_update"], payload))
    return out


def cached_sources(var: int, *, directory: Path | None = None) -> tuple[Source, ...]:
    """Origin records of the cached responses of ``var`` (no byte check: for the catalog)."""
    directory = directory or cache_dir()
    return tuple(_source(r) for r in _read_records(directory) if int(r["var"]) == var)
