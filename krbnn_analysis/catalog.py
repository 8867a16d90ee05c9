"""The data catalog: what every curated table is, where it came from, and how far to trust it.

``data/catalog.yaml`` is written by ``krbnn data build`` from the table specifications that sit next
to each derivation in ``krbnn_analysis/pipeline/``; it is committed with the tables. Loaders read only
the catalog and the files, never the upstream folder, so a fresh clone works offline.

An entry (``Dataset``) holds: title (Indonesian and English), description, file path and format,
columns with type, unit and checks, the primary key, sources (publisher, URL or repository + path +
commit, licence, vintage, sha256 of the upstream file), a quality rating (green / amber / red with a
reason) and caveats in both languages, the citation a reader sees (publisher, table or publication and
edition, in both languages), plus the sha256, row count and coverage of the curated file.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from krbnn_analysis import config
from krbnn_analysis.errors import MissingFileError, ParseError, UnknownDatasetError, UnknownLanguageError

COLUMN_TYPES = ("string", "integer", "float", "boolean", "geometry")
QUALITY_RATINGS = ("green", "amber", "red")


@dataclass(frozen=True)
class Text:
    """A short text in both briefing languages."""

    id: str
    en: str

    def get(self, lang: str) -> str:
        if lang not in ("id", "en"):
            raise UnknownLanguageError(f"unknown language {lang!r}; use one of 'id', 'en'")
        return getattr(self, lang)


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: str
    unit: str | None = None
    nullable: bool = False
    allowed: tuple[Any, ...] | None = None
    pattern: str | None = None  # regular expression a string value must match in full
    minimum: float | None = None
    maximum: float | None = None

    def __post_init__(self) -> None:
        if self.type not in COLUMN_TYPES:
            raise ValueError(f"column {self.name!r}: type {self.type!r} not in {COLUMN_TYPES}")


@dataclass(frozen=True)
class Source:
    """Provenance of one upstream input of a curated table."""

    id: str
    path: str  # path inside the upstream folder
    publisher: str
    obtained_from: str
    licence: str
    vintage: str
    sha256: str
    description: str = ""
    url: str | None = None
    repository: str | None = None
    commit: str | None = None
    latest_year: int | None = None  # last year of data the upstream file holds (freshness check)

    @property
    def link(self) -> str | None:
        """A URL a reader can open: the publisher's page, else the repository at the commit."""
        if self.url:
            return self.url
        if self.repository and self.commit:
            return f"https://github.com/{self.repository}/tree/{self.commit}"
        if self.repository:
            return f"https://github.com/{self.repository}"
        return None


@dataclass(frozen=True)
class Quality:
    rating: str  # green | amber | red
    reason: Text

    def __post_init__(self) -> None:
        if self.rating not in QUALITY_RATINGS:
            raise ValueError(f"quality rating {self.rating!r} not in {QUALITY_RATINGS}")


@dataclass(frozen=True)
class Dataset:
    name: str
    title: Text
    description: str
    path: str  # relative to the data directory
    format: str  # csv | geojson
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    sources: tuple[Source, ...]
    quality: Quality
    caveats: tuple[Text, ...] = ()
    vintage: str = ""
    citation: Text | None = None  # for readers: publisher, table or publication, edition or access date
    sha256: str | None = None
    rows: int | None = None
    coverage: Mapping[str, Any] = field(default_factory=dict)
    # latest_year, latest_year_status (final / preliminary / undocumented / not_stated) and
    # upstream_latest_year (the latest year the table's upstream files hold), written by the build
    freshness: Mapping[str, Any] = field(default_factory=dict)

    @property
    def file(self) -> Path:
        return config.data_dir() / self.path

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)

    @property
    def is_geo(self) -> bool:
        return any(c.type == "geometry" for c in self.columns)


# --- YAML round trip -----------------------------------------------------------------------------


def _drop_none(mapping: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in mapping.items() if v is not None and v != () and v != {}}


def dataset_to_dict(dataset: Dataset) -> dict[str, Any]:
    out = {
        "title": asdict(dataset.title),
        "description": dataset.description,
        "path": dataset.path,
        "format": dataset.format,
        "sha256": dataset.sha256,
        "rows": dataset.rows,
        "vintage": dataset.vintage,
        "citation": asdict(dataset.citation) if dataset.citation else None,
        "coverage": dict(dataset.coverage),
        "freshness": dict(dataset.freshness),
        "primary_key": list(dataset.primary_key),
        "columns": [
            _drop_none({**asdict(c), "allowed": list(c.allowed) if c.allowed is not None else None})
            for c in dataset.columns
        ],
        "quality": {"rating": dataset.quality.rating, "reason": asdict(dataset.quality.reason)},
        "caveats": [asdict(c) for c in dataset.caveats],
        "sources": [_drop_none(asdict(s)) for s in dataset.sources],
    }
    return _drop_none(out)


def dataset_from_dict(name: str, raw: Mapping[str, Any]) -> Dataset:
    column_keys = {f.name for f in fields(Column)}
    source_keys = {f.name for f in fields(Source)}
    return Dataset(
        name=name,
        title=Text(**raw["title"]),
        description=raw.get("description", ""),
        path=raw["path"],
        format=raw["format"],
        columns=tuple(
            Column(
                **{
                    **{k: v for k, v in c.items() if k in column_keys},
                    "allowed": tuple(c["allowed"]) if c.get("allowed") is not None else None,
                }
            )
            for c in raw["columns"]
        ),
        primary_key=tuple(raw.get("primary_key", ())),
        sources=tuple(Source(**{k: v for k, v in s.items() if k in source_keys}) for s in raw["sources"]),
        quality=Quality(raw["quality"]["rating"], Text(**raw["quality"]["reason"])),
        caveats=tuple(Text(**c) for c in raw.get("caveats", ())),
        vintage=raw.get("vintage", ""),
        citation=Text(**raw["citation"]) if raw.get("citation") else None,
        sha256=raw.get("sha256"),
        rows=raw.get("rows"),
        coverage=raw.get("coverage", {}),
        freshness=raw.get("freshness", {}),
    )


CATALOG_HEADER = (
    "# krbnn-analysis data catalog. GENERATED by `krbnn data build` from the table specifications in\n"
    "# krbnn_analysis/pipeline/: edit those, not this file. Loaders check every file against its sha256.\n"
)


_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: ~10× faster
_SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _CatalogDumper(_SafeDumper):
    """Lists of plain scalars (codes, years, keys) on one line; everything else in block style."""


def _represent_list(dumper, data: list) -> yaml.Node:
    flow = all(isinstance(item, str | int | float | bool) for item in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_CatalogDumper.add_representer(list, _represent_list)


def dump_catalog(datasets: Mapping[str, Dataset]) -> str:
    body = {"datasets": {name: dataset_to_dict(datasets[name]) for name in sorted(datasets)}}
    text = yaml.dump(body, Dumper=_CatalogDumper, sort_keys=False, allow_unicode=True, width=100)
    return CATALOG_HEADER + text


class Catalog(Mapping[str, Dataset]):
    """Read-only mapping of table name → ``Dataset``."""

    def __init__(self, datasets: Mapping[str, Dataset], path: Path | None = None) -> None:
        self._datasets = dict(datasets)
        self.path = path

    def __getitem__(self, name: str) -> Dataset:
        try:
            return self._datasets[name]
        except KeyError:
            known = ", ".join(sorted(self._datasets)) or "(none)"
            raise UnknownDatasetError(
                f"no table named {name!r} in the catalog; known tables: {known}", file=self.path
            ) from None

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._datasets))

    def __len__(self) -> int:
        return len(self._datasets)

    def with_entry(self, dataset: Dataset) -> Catalog:
        return Catalog({**self._datasets, dataset.name: dataset}, self.path)


def read_catalog(path: Path | None = None) -> Catalog:
    path = path or config.catalog_path()
    if not path.exists():
        raise MissingFileError("catalog not found; run `krbnn data build`", file=path)
    try:
        datasets = dict(_parse_entries(path.read_text(encoding="utf-8")))
    except (yaml.YAMLError, KeyError, TypeError, ValueError) as error:
        raise ParseError(f"catalog is not valid: {error}", file=path) from error
    return Catalog(datasets, path)


@lru_cache(maxsize=8)
def _parse_entries(text: str) -> Mapping[str, Dataset]:
    """The entries of a catalog text. An identical text (a copy of data/ in a test, a rewritten but
    unchanged file) is parsed once: entries are immutable and resolve their file at use."""
    raw = yaml.load(text, Loader=_SafeLoader) or {}
    return MappingProxyType({name: dataset_from_dict(name, entry) for name, entry in raw["datasets"].items()})


@cache
def _cached_catalog(path: Path, mtime_ns: int) -> Catalog:
    return read_catalog(path)


def catalog() -> Catalog:
    """The catalog of the current data directory (re-read when the file changes)."""
    path = config.catalog_path()
    if not path.exists():
        raise MissingFileError("catalog not found; run `krbnn data build`", file=path)
    return _cached_catalog(path, path.stat().st_mtime_ns)


__all__ = [
    "Catalog",
    "Column",
    "Dataset",
    "Quality",
    "Source",
    "Text",
    "catalog",
    "dump_catalog",
    "read_catalog",
    "replace",
]
