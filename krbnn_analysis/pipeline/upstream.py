"""Origin records of upstream files and the guarded way to open them.

Every derivation reads upstream files only through ``UpstreamFiles``, which checks the file exists
and that its sha256 is the one in ``upstream_sources.yaml`` before handing out a path, so a changed
upstream release fails loudly (``UpstreamChangedError``) instead of flowing into the curated tables.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pandas as pd
import yaml

from krbnn_analysis import config
from krbnn_analysis.catalog import Source
from krbnn_analysis.errors import MissingFileError, ParseError, SchemaValidationError, UpstreamChangedError
from krbnn_analysis.validation import sha256_file, to_numbers

# Upstream files deliberately not derived into a curated table (listed in the data log).
LEFT_OUT = {
    "incoming/jala_bps_kkp_capture_fisheries_prov_2024_SUSPECT.csv": (
        "SUSPECT (student-processed): not continuous with the 2000–2020 fisheries series (NTT marine "
        "capture 30,318 t vs 182,350 t in 2020), implausible entries (NTB 39 fishing households); a pointer "
        "only, to be checked against the BPS table before any use."
    ),
    "incoming/jala_bps_capture_fisheries_kabkota_bali_ntb_ntt_2024_SUSPECT.csv": (
        "SUSPECT: volume unit errors (Sikka 737 kg worth 3.23 bn IDR, Sumba Barat Daya, Kota Bima) and NTT "
        "coordinates mis-joined by Kemendagri code; a pointer only."
    ),
}


@cache
def origin_records(path: Path = config.UPSTREAM_SOURCES_FILE) -> dict[str, Source]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    keys = set(Source.__dataclass_fields__)
    records = {}
    for entry in raw["files"]:
        records[entry["id"]] = Source(**{k: v for k, v in entry.items() if k in keys})
    return records


def source(source_id: str) -> Source:
    try:
        return origin_records()[source_id]
    except KeyError:
        raise MissingFileError(f"no origin record {source_id!r}", file=config.UPSTREAM_SOURCES_FILE) from None


class UpstreamFiles:
    """Hash-checked access to the upstream files one pipeline step declared as inputs."""

    def __init__(self, source_ids: Iterable[str], root: Path | None = None) -> None:
        self.root = root or config.upstream_dir()
        self.sources = {sid: source(sid) for sid in source_ids}
        self._verified: set[str] = set()

    def path(self, source_id: str) -> Path:
        if source_id not in self.sources:
            raise KeyError(f"{source_id!r} is not a declared input of this step")
        record = self.sources[source_id]
        path = self.root / record.path
        if source_id not in self._verified:
            if not path.exists():
                raise MissingFileError(
                    "upstream file not found (is ../shared/data/upstream beside the checkout, "
                    "or KRBNN_UPSTREAM_DIR set?)",
                    file=path,
                )
            actual = sha256_file(path)
            if actual != record.sha256:
                raise UpstreamChangedError(
                    f"sha256 {actual} differs from the origin record {record.sha256}: a different "
                    "release; review it and update krbnn_analysis/pipeline/upstream_sources.yaml",
                    file=path,
                )
            self._verified.add(source_id)
        return path

    def read_csv(
        self,
        source_id: str,
        *,
        required: Iterable[str] = (),
        numeric: Iterable[str] = (),
        **kwargs,
    ) -> pd.DataFrame:
        """Read an upstream CSV; check that ``required`` columns exist and that ``numeric`` columns
        hold numbers (blank allowed), naming file, column and line of the first offending value."""
        path = self.path(source_id)
        kwargs.setdefault("encoding", "utf-8-sig")  # several upstream CSVs start with a BOM
        try:
            frame = pd.read_csv(path, **kwargs)
        except UnicodeDecodeError as error:
            raise ParseError(f"not UTF-8 text ({error.reason} at byte {error.start})", file=path) from None
        except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as error:
            raise ParseError(f"cannot parse upstream CSV: {error}", file=path) from None
        numeric = list(numeric)
        missing = [c for c in [*required, *numeric] if c not in frame.columns]
        if missing:
            found = ", ".join(map(str, frame.columns[:12]))
            raise SchemaValidationError(
                f"expected column is missing (found: {found})", file=path, column=missing[0]
            )
        skipped = kwargs.get("skiprows", 0)
        header_lines = 1 + (skipped if isinstance(skipped, int) else 0)
        for column in numeric:
            if pd.api.types.is_numeric_dtype(frame[column]):
                continue
            frame[column] = to_numbers(
                frame[column].astype("string").str.strip().replace("", pd.NA),
                file=path,
                column=column,
                row=lambda position: f"{position} (line {position + header_lines + 1})",
                shown=frame[column],
            )
        return frame

    def read_file(self, source_id: str):
        import geopandas as gpd

        path = self.path(source_id)
        try:
            return gpd.read_file(path, engine="pyogrio")
        except Exception as error:
            raise ParseError(f"cannot read upstream geodata: {error}", file=path) from None
