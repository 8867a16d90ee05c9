"""``load(name)``: a curated table, verified against the catalog, as a DataFrame or GeoDataFrame."""

from __future__ import annotations

import pandas as pd

from krbnn_analysis.catalog import Dataset, catalog
from krbnn_analysis.errors import ChecksumMismatchError, MissingFileError
from krbnn_analysis.validation import read_table, sha256_file, validate_table

# Names loaded in this process, in first-load order: a briefing's sources table lists exactly these.
_loaded: dict[str, Dataset] = {}


def load(name: str, *, verify: bool = True) -> pd.DataFrame:
    """Load a curated table by its catalog name (``"grdp"``, ``"kabkota_boundaries"``…).

    The file's sha256 must equal the catalog's (``ChecksumMismatchError`` otherwise) and its content
    must match the declared columns, types, checks and primary key (``SchemaValidationError``, naming
    the file, column and row). Tables with a geometry column come back as a ``GeoDataFrame``.
    ``verify=False`` skips the hash check only, for work on a table being rebuilt.
    """
    dataset = catalog()[name]
    path = dataset.file
    if not path.exists():
        raise MissingFileError(f"file of table {name!r} not found; run `krbnn data build`", file=path)
    if verify:
        actual = sha256_file(path)
        if actual != dataset.sha256:
            raise ChecksumMismatchError(
                f"sha256 {actual} differs from the catalog's {dataset.sha256}: the file was changed "
                "after the catalog was written (rebuild with `krbnn data build`, or restore it with git)",
                file=path,
            )
    frame = read_table(path, dataset)
    validate_table(frame, dataset, path)
    _loaded.setdefault(name, dataset)
    return frame


def loaded_datasets() -> list[Dataset]:
    """Catalog entries of the tables loaded so far in this process (first-load order)."""
    return list(_loaded.values())


def check_all() -> list[str]:
    """Verify every catalog entry: sha256, schema, key, row count and coverage (regions, years,
    indicators) as recorded by the build. Returns one message per problem (empty when all pass)."""
    from krbnn_analysis.pipeline.core import coverage

    problems = []
    for name in catalog():
        entry = catalog()[name]
        try:
            frame = load(name)
        except Exception as error:  # report every problem at once, not just the first
            problems.append(f"{name}: {error}")
            continue
        if len(frame) != entry.rows:
            problems.append(f"{name}: {len(frame)} rows, the catalog records {entry.rows}")
        found = coverage(frame)
        for aspect, recorded in entry.coverage.items():
            if found.get(aspect) != list(recorded):
                problems.append(f"{name}: coverage of {aspect} differs from the catalog's")
    _loaded.clear()
    return problems
