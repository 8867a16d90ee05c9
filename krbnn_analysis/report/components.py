"""Pieces a briefing notebook displays: findings, formatted tables, caveats and the sources table.

Everything returned here is an ``IPython.display.HTML`` object whose text is deterministic (sorted,
no timestamps) so that strict nbval can compare it, and in which every string that comes from data
is HTML-escaped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd
from IPython.display import HTML

from krbnn_analysis import i18n
from krbnn_analysis.catalog import Dataset
from krbnn_analysis.loaders import loaded_datasets

RATING_SYMBOL = {"green": "●", "amber": "●", "red": "●"}
_NUMBER_TEXT = re.compile(r"^([−+-]?[\d.,]+\s?%?|–)$")  # "1.234,5", "-9.31", "5,7%", "–": right-aligned


def _escape(value: object) -> str:
    return html.escape(str(value), quote=True)


@dataclass
class Findings:
    """Headline findings: sentences written in both languages whose numbers are computed.

    >>> f = Findings("en")
    >>> f.add(id="PDRB tumbuh {g}.", en="GRDP grew {g}.", g="5.1%")
    """

    lang: str
    items: list[str] = field(default_factory=list)
    heading: str = "findings_heading"  # translation key of the heading
    limit: int | None = None  # most sentences allowed (key messages: three)

    def __post_init__(self) -> None:
        i18n.check_language(self.lang)

    def add(self, *, id: str, en: str, **values: object) -> Findings:
        if self.limit is not None and len(self.items) >= self.limit:
            raise ValueError(f"at most {self.limit} sentences under {self.heading!r}")
        template = id if self.lang == "id" else en
        self.items.append(template.format(**{k: _escape(v) for k, v in values.items()}))
        return self

    def _repr_html_(self) -> str:
        heading = i18n.t(self.heading, self.lang)
        items = "".join(f"<li>{item}</li>" for item in self.items)
        return f'<section class="krbnn-findings"><h3>{heading}</h3><ul>{items}</ul></section>'


def note(lang: str, *, id: str, en: str, **values: object) -> HTML:
    """One paragraph of prose in the reader's language whose ``{numbers}`` are computed values."""
    i18n.check_language(lang)
    template = id if lang == "id" else en
    return HTML(f'<p class="krbnn-note">{template.format(**{k: _escape(v) for k, v in values.items()})}</p>')


def table(
    frame: pd.DataFrame,
    lang: str,
    *,
    formats: Mapping[str, Callable[[object], str]] | None = None,
    caption: str | None = None,
    index: bool = False,
    links: Mapping[str, Sequence[str | None]] | None = None,
) -> HTML:
    """An HTML table with localised headers (already translated by the caller) and cell formats.

    ``formats`` maps a column to a function turning a value into text (e.g. ``lambda v:
    i18n.number(v, lang)``); missing values show as an en dash. ``links`` maps a column to one URL per
    row: that column's text becomes a link (text and URL escaped; only http(s) URLs are linked).
    """
    i18n.check_language(lang)
    formats = formats or {}
    shown = frame.reset_index() if index else frame
    head = "".join(f"<th>{_escape(c)}</th>" for c in shown.columns)
    links = links or {}
    rows = []
    for number, record in enumerate(shown.itertuples(index=False, name=None)):
        cells = []
        for column, value in zip(shown.columns, record, strict=True):
            if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
                text = "–"
            elif column in formats:
                text = formats[column](value)
            else:
                text = str(value)
            numeric = (isinstance(value, int | float) and not isinstance(value, bool)) or bool(
                _NUMBER_TEXT.match(text)
            )
            content = _escape(text)
            url = links[column][number] if column in links else None
            if url and str(url).startswith(("https://", "http://")):
                content = f'<a href="{_escape(url)}">{content}</a>'
            cells.append(f'<td class="{"num" if numeric else "txt"}">{content}</td>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
    caption_html = f"<caption>{_escape(caption)}</caption>" if caption else ""
    return HTML(
        f'<table class="krbnn-table">{caption_html}<thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _datasets(datasets: Sequence[Dataset] | None) -> list[Dataset]:
    chosen = list(datasets) if datasets is not None else loaded_datasets()
    return sorted(chosen, key=lambda d: d.name)


def caveats(lang: str, datasets: Sequence[Dataset] | None = None, *, extra: Sequence[str] = ()) -> HTML:
    """Caveats of the tables this notebook loaded (from the catalog), plus any ``extra`` ones."""
    i18n.check_language(lang)
    items = [f"<li>{_escape(text)}</li>" for text in extra]
    for dataset in _datasets(datasets):
        if not dataset.caveats:
            continue
        inner = "".join(f"<li>{_escape(caveat.get(lang))}</li>" for caveat in dataset.caveats)
        items.append(f"<li><strong>{_escape(dataset.title.get(lang))}</strong><ul>{inner}</ul></li>")
    heading = i18n.t("caveats_heading", lang)
    return HTML(f'<section class="krbnn-caveats"><h3>{heading}</h3><ul>{"".join(items)}</ul></section>')


def sources_table(lang: str, datasets: Sequence[Dataset] | None = None) -> HTML:
    """Data-availability table of the tables this notebook loaded: source, licence, vintage, quality."""
    i18n.check_language(lang)
    header = [
        i18n.t(k, lang) for k in ("col_table", "col_source", "col_licence", "col_vintage", "col_quality")
    ]
    rows = []
    for dataset in _datasets(datasets):
        sources = []
        licences = []
        for source in dataset.sources:
            origin = _escape(source.publisher)
            where = source.repository or source.path
            link = source.link
            obtained = f'<a href="{_escape(link)}">{_escape(where)}</a>' if link else _escape(where)
            commit = f" @ {_escape(source.commit[:7])}" if source.commit else ""
            sources.append(
                f"{origin}<br><small>{obtained}{commit} · sha256 {_escape(source.sha256[:12])}</small>"
            )
            if source.licence not in licences:
                licences.append(source.licence)
        rating = dataset.quality.rating
        word = i18n.t("rating_" + rating, lang)
        quality = (
            f'<span class="rating rating-{_escape(rating)}">{RATING_SYMBOL[rating]} {word}</span>'
            f"<br><small>{_escape(dataset.quality.reason.get(lang))}</small>"
        )
        rows.append(
            "<tr>"
            f"<td><strong>{_escape(dataset.title.get(lang))}</strong><br><code>{_escape(dataset.name)}</code></td>"
            f"<td>{'<hr>'.join(sources)}</td>"
            f"<td>{'; '.join(_escape(x) for x in licences)}</td>"
            f"<td>{_escape(dataset.vintage)}</td>"
            f"<td>{quality}</td>"
            "</tr>"
        )
    head = "".join(f"<th>{_escape(h)}</th>" for h in header)
    heading = i18n.t("sources_heading", lang)
    return HTML(
        f'<section class="krbnn-sources"><h3>{heading}</h3><table class="krbnn-table krbnn-sources-table">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
    )


def data_gaps(lang: str, gaps: Sequence[tuple[str, str]]) -> HTML:
    """A list of data gaps, each given as (Indonesian, English) text."""
    i18n.check_language(lang)
    items = "".join(f"<li>{_escape(i if lang == 'id' else e)}</li>" for i, e in gaps)
    return HTML(
        f'<section class="krbnn-gaps"><h3>{i18n.t("gaps_heading", lang)}</h3><ul>{items}</ul></section>'
    )
