"""One exception hierarchy for everything the package reports to a user.

Every error that concerns a file says which file, and where it can, which column and which row or
key, so that a reader can open the file and find the problem without a debugger. The CLI prints
``KrbnnError`` subclasses as one readable line and exits non-zero.
"""

from __future__ import annotations

from pathlib import Path


class KrbnnError(Exception):
    """Base class of all errors raised on purpose by krbnn-analysis."""


class DataError(KrbnnError):
    """A problem located in a data file: names the file, and the column and row when known."""

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        column: str | None = None,
        row: object = None,
    ) -> None:
        self.file = str(file) if file is not None else None
        self.column = column
        self.row = row
        self.reason = message
        where = []
        if self.file:
            where.append(f"file {self.file}")
        if column is not None:
            where.append(f"column {column!r}")
        if row is not None:
            where.append(f"row {row}")
        super().__init__(f"{'; '.join(where)}: {message}" if where else message)


class UnknownDatasetError(DataError):
    """A name that is not in the catalog."""


class ChecksumMismatchError(DataError):
    """A file's sha256 differs from the one recorded in the catalog or origin record."""


class SchemaValidationError(DataError):
    """A table does not match its declared columns, types, ranges or key."""


class MissingFileError(DataError):
    """A file the catalog or the pipeline expects does not exist."""


class ParseError(DataError):
    """A file could not be read at all (encoding, delimiter, truncated JSON, …)."""


class UpstreamChangedError(ChecksumMismatchError):
    """An upstream file is not the release the derivation was written for."""


class UnknownRegionError(DataError, LookupError):
    """A region name or code that the registry does not know (names the file and row when known)."""


class AmbiguousRegionError(UnknownRegionError):
    """A name shared by two units (e.g. 'Bima' for Kabupaten Bima and Kota Bima)."""


class UnknownLanguageError(KrbnnError, ValueError):
    """A language code other than the supported ones."""


class TranslationError(KrbnnError, KeyError):
    """A label key that the translation table lacks."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class ReportBuildError(KrbnnError):
    """A notebook failed to execute or export; names the notebook and the cell."""


class IndicatorInputError(KrbnnError, ValueError):
    """Input to an indicator function that would give a silently wrong answer (NaN, negative where
    impossible, misaligned periods or regions, zero denominators…). Names the column and the key."""
