"""The data behind a chart or headline table, as a CSV embedded in the briefing ("Unduh data (CSV)").

Charts drawn with ``krbnn_analysis.plotting`` keep the rows they draw (``plotting.attach_data``); when
the figure is displayed, the CSV text travels in the output's metadata under ``DATA_METADATA_KEY``.
Headline tables (``report.headline_table``) do the same. The HTML build (``report.build``) then puts
a link after each such output whose target is the CSV itself (a ``data:`` URI), so the briefing stays
one file. The displayed data (image, table) is unchanged, so stored notebook outputs stay comparable.

Notebooks need no call of their own. To offer the data of another displayed table, display it with
``report.with_data(html, frame, lang, source=...)``.

The CSV opens with two comment lines, the source line and the licences of the tables the notebook
loaded, then the rows with a header; numbers are written in full, with a dot as decimal mark.
"""

from __future__ import annotations

import base64
import html
import io

import pandas as pd
from IPython.display import HTML

from krbnn_analysis import i18n

DATA_METADATA_KEY = "krbnn_data_csv"
COMMENT = "# "
LINK_LABEL = {"id": "Unduh data (CSV)", "en": "Download data (CSV)"}
LICENCE_PREFIX = {"id": "Lisensi: ", "en": "Licence: "}
SOURCE_PREFIX = {"id": "Sumber: ", "en": "Source: "}


def _loaded_sources(lang: str) -> str:
    from krbnn_analysis.loaders import loaded_datasets

    cited = [d.citation.get(lang) if d.citation else d.title.get(lang) for d in loaded_datasets()]
    return SOURCE_PREFIX[lang] + "; ".join(dict.fromkeys(cited))


def _loaded_licences(lang: str) -> str:
    from krbnn_analysis.loaders import loaded_datasets
    from krbnn_analysis.report.components import licence_label

    names = [licence_label(s.licence, lang) for d in loaded_datasets() for s in d.sources]
    return LICENCE_PREFIX[lang] + "; ".join(sorted(set(names)))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def data_csv(frame: pd.DataFrame, lang: str, source: str | None = None) -> str:
    """CSV text: the source line and the licences as comment lines, then the rows with a header."""
    i18n.check_language(lang)
    header = [_one_line(source) if source else _loaded_sources(lang), _loaded_licences(lang)]
    body = pd.DataFrame(frame).to_csv(index=False, lineterminator="\n")
    return "".join(f"{COMMENT}{line}\n" for line in header) + body


def read_data_csv(text: str) -> pd.DataFrame:
    """The rows of a CSV written by ``data_csv`` (comment lines skipped)."""
    skipped = 0
    for line in text.splitlines():
        if not line.startswith(COMMENT):
            break
        skipped += 1
    return pd.read_csv(io.StringIO(text), skiprows=skipped)


def data_uri(csv: str) -> str:
    """A ``data:`` URI of the CSV, UTF-8 with a byte-order mark (spreadsheets then read accents right)."""
    encoded = base64.b64encode(("\ufeff" + csv).encode("utf-8")).decode("ascii")
    return f"data:text/csv;charset=utf-8;base64,{encoded}"


def download_link(csv: str, file_name: str, lang: str) -> str:
    """The HTML link that downloads ``csv`` as ``file_name``."""
    return (
        f'<p class="krbnn-download"><a download="{html.escape(file_name)}" href="{data_uri(csv)}">'
        f"{LINK_LABEL[i18n.check_language(lang)]}</a></p>"
    )


def with_data(shown: HTML | str, frame: pd.DataFrame, lang: str, *, source: str | None = None) -> HTML:
    """A displayed table that carries its rows, so the briefing offers them as CSV under it."""
    text = shown.data if isinstance(shown, HTML) else shown
    return HTML(text, metadata={DATA_METADATA_KEY: data_csv(frame, lang, source)})


__all__ = [
    "DATA_METADATA_KEY",
    "LINK_LABEL",
    "data_csv",
    "data_uri",
    "download_link",
    "read_data_csv",
    "with_data",
]
