"""The build: upstream files → curated tables + catalog, all-or-nothing.

A ``Step`` declares its upstream inputs (ids of origin records) and its output tables (``Dataset``
specifications without hash), and a ``run`` function that reads the inputs, checks them, processes
them in small named functions and returns one DataFrame per output. ``build`` then

1. runs the steps, each reading upstream files only through hash-checked ``UpstreamFiles``;
2. sorts every output by its primary key and validates it against its specification;
3. serialises deterministically (same inputs → same bytes) into a temporary directory;
4. only when every step succeeded, moves the files into ``data/`` and rewrites ``catalog.yaml``
   with each file's sha256, row count and coverage.

A failing step therefore leaves every committed table and the catalog untouched.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pandas as pd

from krbnn_analysis import config
from krbnn_analysis.catalog import Catalog, Dataset, Source, dump_catalog, read_catalog
from krbnn_analysis.errors import KrbnnError, SchemaValidationError
from krbnn_analysis.pipeline.upstream import UpstreamFiles, source
from krbnn_analysis.validation import sha256_bytes, validate_table

COORDINATE_DECIMALS = 6  # ~0.1 m; the upstream polygons are simplified far beyond that


@dataclass(frozen=True)
class Step:
    name: str
    inputs: tuple[str, ...]
    outputs: tuple[Dataset, ...]
    run: Callable[[UpstreamFiles], Mapping[str, pd.DataFrame]]
    # Origin records known only at build time (cached BPS WebAPI responses, see ``bps_cache``).
    dynamic_sources: Callable[[], tuple[Source, ...]] | None = None

    def output_names(self) -> list[str]:
        return [d.name for d in self.outputs]


@dataclass(frozen=True)
class BuiltTable:
    dataset: Dataset
    payload: bytes


def with_sources(dataset: Dataset, source_ids: Iterable[str]) -> Dataset:
    """Attach the origin records of ``source_ids`` to a specification."""
    return replace(dataset, sources=tuple(source(sid) for sid in source_ids))


def step(
    name: str,
    inputs: Iterable[str],
    outputs: Iterable[Dataset],
    run: Callable[[UpstreamFiles], Mapping[str, pd.DataFrame]],
) -> Step:
    """A step whose every output cites all of the step's inputs as its sources."""
    inputs = tuple(inputs)
    return Step(name, inputs, tuple(with_sources(d, inputs) for d in outputs), run)


# --- serialisation --------------------------------------------------------------------------------


def _sort(frame: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    ordered = frame[[c.name for c in dataset.columns]]
    if dataset.primary_key:
        ordered = ordered.sort_values(list(dataset.primary_key), kind="mergesort")
    return ordered.reset_index(drop=True)


def _round_coordinates(geometry):
    import shapely

    return shapely.transform(geometry, lambda xy: np.round(xy, COORDINATE_DECIMALS))


def serialise(frame: pd.DataFrame, dataset: Dataset) -> bytes:
    """Deterministic bytes: UTF-8, '\\n' line ends, shortest round-trip floats, sorted rows."""
    if dataset.format == "csv":
        buffer = io.StringIO()
        frame.to_csv(buffer, index=False, lineterminator="\n")
        return buffer.getvalue().encode("utf-8")
    if dataset.format == "geojson":
        import geopandas as gpd

        geo = gpd.GeoDataFrame(frame.copy(), geometry="geometry", crs=getattr(frame, "crs", None))
        geo["geometry"] = _round_coordinates(geo.geometry.values)
        text = geo.to_json(drop_id=True, ensure_ascii=False, separators=(",", ":"))
        return (text + "\n").encode("utf-8")
    raise ValueError(f"unsupported format {dataset.format!r}")


def coverage(frame: pd.DataFrame) -> dict[str, object]:
    out: dict[str, object] = {}
    # Point tables (airports, plants…) carry province/kab codes instead of one region column.
    region_column = next(
        (c for c in ("region_code", "kabkota_code", "province_code") if c in frame.columns), None
    )
    if region_column is not None:
        out["regions"] = sorted(frame[region_column].dropna().astype(str).unique().tolist())
    if "year" in frame.columns and len(frame):
        out["years"] = [int(frame["year"].min()), int(frame["year"].max())]
    if "indicator" in frame.columns:
        out["indicators"] = sorted(frame["indicator"].astype(str).unique().tolist())
    return out


PRELIMINARY_STATUSES = {"preliminary", "very_preliminary"}
UNDOCUMENTED_FLAG = "status_undocumented"


def latest_year_status(frame: pd.DataFrame, year: int) -> str:
    """Whether the rows of the latest year are preliminary (BPS status), undocumented (flagged), final,
    or not stated (no status column, or the source does not say)."""
    rows = frame[frame["year"] == year]
    statuses = set(rows["status"].dropna()) if "status" in rows.columns else set()
    if statuses & PRELIMINARY_STATUSES:
        return "preliminary"
    if "flag" in rows.columns and (rows["flag"] == UNDOCUMENTED_FLAG).any():
        return "undocumented"
    if statuses == {"final"}:
        return "final"
    return "not_stated"


def freshness(frame: pd.DataFrame, sources: Iterable[Source]) -> dict[str, object]:
    """The table's latest year and its status, next to the latest year of its upstream files."""
    out: dict[str, object] = {}
    if "year" in frame.columns and len(frame):
        latest = int(frame["year"].max())
        out["latest_year"] = latest
        out["latest_year_status"] = latest_year_status(frame, latest)
    upstream = [s.latest_year for s in sources if s.latest_year is not None]
    if upstream:
        out["upstream_latest_year"] = max(upstream)
    return out


# --- running --------------------------------------------------------------------------------------


def run_step(step: Step, upstream_root: Path | None = None) -> dict[str, BuiltTable]:
    files = UpstreamFiles(step.inputs, root=upstream_root)
    results = step.run(files)
    expected = set(step.output_names())
    if set(results) != expected:
        raise KrbnnError(f"step {step.name!r} returned {sorted(results)}, declared {sorted(expected)}")
    built = {}
    for spec in step.outputs:
        if step.dynamic_sources is not None:
            spec = replace(spec, sources=(*spec.sources, *step.dynamic_sources()))
        frame = _sort(results[spec.name], spec)
        label = f"<table {spec.name!r} built by step {step.name!r}>"
        validate_table(frame, spec, label)
        payload = serialise(frame, spec)
        dataset = replace(
            spec,
            sha256=sha256_bytes(payload),
            rows=len(frame),
            coverage=coverage(frame),
            freshness=freshness(frame, spec.sources),
        )
        built[spec.name] = BuiltTable(dataset, payload)
    return built


def _atomic_write(path: Path, payload: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; data files are meant to be readable by all
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def build(
    steps: Iterable[Step],
    *,
    data_dir: Path | None = None,
    upstream_root: Path | None = None,
) -> dict[str, Dataset]:
    """Run ``steps`` and, only if all succeed, write their tables and the updated catalog."""
    data_dir = data_dir or config.data_dir()
    built: dict[str, BuiltTable] = {}
    for step in steps:
        for name, table in run_step(step, upstream_root).items():
            if name in built:
                raise SchemaValidationError(f"two steps produce table {name!r}")
            built[name] = table

    catalog_file = data_dir / "catalog.yaml"
    existing = read_catalog(catalog_file) if catalog_file.exists() else Catalog({}, catalog_file)
    datasets = {name: existing[name] for name in existing}
    datasets.update({name: table.dataset for name, table in built.items()})

    data_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=data_dir))
    try:
        for table in built.values():
            target = staging / table.dataset.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(table.payload)
        for table in built.values():  # every table is ready: now replace, then the catalog last
            (data_dir / table.dataset.path).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / table.dataset.path, data_dir / table.dataset.path)
        _atomic_write(catalog_file, dump_catalog(datasets).encode("utf-8"))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return {name: table.dataset for name, table in built.items()}


def rebuild_differences(steps: Iterable[Step], data_dir: Path | None = None) -> list[str]:
    """Rebuild in memory; list every table (or catalog entry) that differs from the committed one."""
    data_dir = data_dir or config.data_dir()
    committed = read_catalog(data_dir / "catalog.yaml")
    differences = []
    for step in steps:
        for name, table in run_step(step).items():
            path = data_dir / table.dataset.path
            if not path.exists():
                differences.append(f"{name}: {path} is missing")
            elif path.read_bytes() != table.payload:
                differences.append(f"{name}: {path} differs from a fresh build")
            elif name not in committed or dump_catalog({name: committed[name]}) != dump_catalog(
                {name: table.dataset}
            ):
                differences.append(f"{name}: catalog entry differs from a fresh build")
    return differences
