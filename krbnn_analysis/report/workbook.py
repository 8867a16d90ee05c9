"""``reports/krbnn_tables.xlsx``: every curated table a briefing used, one sheet each, for spreadsheets.

The first sheet lists each table: its sheet, title in both languages, source, licence, vintage, latest
year, quality rating with the reason, and caveats in both languages. Each table sheet holds the table
as it is in ``data/`` (numbers stored as numbers; a geometry column is left out), with the unit in
the column header (``value (billion IDR)``). The file is byte-identical for one commit: the document
date is the build date and the writer stamps no time of its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from krbnn_analysis.catalog import Dataset, catalog

WORKBOOK_NAME = "krbnn_tables.xlsx"
LIST_SHEET = "Daftar tabel - Tables"
SHEET_NAME_LIMIT = 31  # Excel's limit on sheet names
LIST_COLUMNS = (
    "Lembar / Sheet",
    "Tabel / Table",
    "Judul",
    "Title",
    "Sumber / Source",
    "Lisensi / Licence",
    "Edisi / Vintage",
    "Tahun terbaru / Latest year",
    "Kualitas / Quality",
    "Alasan kualitas / Quality reason",
    "Catatan",
    "Caveats",
)


def column_header(dataset: Dataset, column: str) -> str:
    """``name (unit)`` when the catalog states a unit, else the name."""
    try:
        unit = dataset.column(column).unit
    except (KeyError, ValueError):
        unit = None
    return f"{column} ({unit})" if unit else column


def sheet_names(names: Iterable[str]) -> dict[str, str]:
    """A unique sheet name of at most 31 characters for each table name."""
    chosen: dict[str, str] = {}
    for name in names:
        candidate, number = name[:SHEET_NAME_LIMIT], 2
        while candidate in chosen.values():
            suffix = f"_{number}"
            candidate, number = name[: SHEET_NAME_LIMIT - len(suffix)] + suffix, number + 1
        chosen[name] = candidate
    return chosen


def _licences(dataset: Dataset) -> str:
    from krbnn_analysis.report.components import licence_label

    return "; ".join(dict.fromkeys(licence_label(source.licence, "en") for source in dataset.sources))


def _caveats(dataset: Dataset, lang: str) -> str:
    return "\n".join(f"- {caveat.get(lang)}" for caveat in dataset.caveats)


def table_list(datasets: list[Dataset], sheets: dict[str, str]) -> pd.DataFrame:
    """The first sheet: one row per table with its metadata from the catalog."""
    rows = [
        (
            sheets[d.name],
            d.name,
            d.title.get("id"),
            d.title.get("en"),
            d.citation.get("en") if d.citation else "; ".join(dict.fromkeys(s.publisher for s in d.sources)),
            _licences(d),
            d.vintage,
            d.freshness.get("latest_year"),
            d.quality.rating,
            d.quality.reason.get("en"),
            _caveats(d, "id"),
            _caveats(d, "en"),
        )
        for d in datasets
    ]
    return pd.DataFrame(rows, columns=list(LIST_COLUMNS))


def sheet_frame(dataset: Dataset) -> pd.DataFrame:
    """The table as stored, without geometry, with units in the headers."""
    from krbnn_analysis.loaders import load

    frame = pd.DataFrame(load(dataset.name))
    geometry = [c.name for c in dataset.columns if c.type == "geometry"]
    frame = frame.drop(columns=[c for c in geometry if c in frame.columns])
    return frame.rename(columns={c: column_header(dataset, c) for c in frame.columns})


def write_workbook(tables: Iterable[str], target: Path, build_date: str) -> Path:
    """Write the workbook of ``tables`` (catalog names, in name order) to ``target``."""
    entries = catalog()
    datasets = [entries[name] for name in sorted(set(tables))]
    sheets = sheet_names([LIST_SHEET, *(d.name for d in datasets)])
    created = dt.datetime.combine(dt.date.fromisoformat(build_date), dt.time(), tzinfo=dt.UTC)
    options = {"strings_to_urls": False, "strings_to_formulas": False, "strings_to_numbers": False}
    with pd.ExcelWriter(target, engine="xlsxwriter", engine_kwargs={"options": options}) as writer:
        writer.book.set_properties({"title": "KR BNN data tables", "created": created})
        listed = table_list(datasets, sheets)
        listed.to_excel(writer, sheet_name=sheets[LIST_SHEET], index=False)
        writer.sheets[sheets[LIST_SHEET]].freeze_panes(1, 0)
        for dataset in datasets:
            name = sheets[dataset.name]
            sheet_frame(dataset).to_excel(writer, sheet_name=name, index=False)
            writer.sheets[name].freeze_panes(1, 0)
    return target


__all__ = ["WORKBOOK_NAME", "column_header", "sheet_names", "table_list", "write_workbook"]
