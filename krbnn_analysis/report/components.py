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

from krbnn_analysis import i18n, regions
from krbnn_analysis.catalog import Dataset, catalog
from krbnn_analysis.loaders import loaded_datasets

RATING_SYMBOL = {"green": "●", "amber": "●", "red": "●"}
_YEAR_COLUMN = re.compile(r"year|tahun", re.IGNORECASE)
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
    heading_level: int = 3  # key messages open the briefing under an <h2>
    css_class: str = "krbnn-findings"

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
        level, css = self.heading_level, self.css_class
        return f'<section class="{css}"><h{level}>{heading}</h{level}><ul>{items}</ul></section>'


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
    decimals: int | None = None,
) -> HTML:
    """An HTML table with localised headers (already translated by the caller) and cell formats.

    ``formats`` maps a column to a function turning a value into text (e.g. ``lambda v:
    i18n.number(v, lang)``); missing values show as an en dash. Other numbers are written in the
    local format with ``decimals`` (default: as many as needed, at most two); years stay plain.
    ``links`` maps a column to one URL per row: that column's text becomes a link (text and URL
    escaped; only http(s) URLs are linked).
    """
    i18n.check_language(lang)
    formats = formats or {}
    shown = frame.reset_index() if index else frame
    text_columns: set[str] = set()  # a column with any text cell is aligned left, header included
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
                text = _cell_text(value, str(column), lang, decimals)
            numeric = (isinstance(value, int | float) and not isinstance(value, bool)) or bool(
                _NUMBER_TEXT.match(text)
            )
            content = _escape(text)
            url = links[column][number] if column in links else None
            if url and str(url).startswith(("https://", "http://")):
                content = f'<a href="{_escape(url)}">{content}</a>'
            if not numeric and text != "–":
                text_columns.add(column)
            cells.append(f'<td class="{"num" if numeric else "txt"}">{content}</td>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
    head = "".join(
        f'<th class="{"txt" if c in text_columns else "num"}">{_escape(c)}</th>' for c in shown.columns
    )
    caption_html = f"<caption>{_escape(caption)}</caption>" if caption else ""
    return HTML(
        f'<table class="krbnn-table">{caption_html}<thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _cell_text(value: object, column: str, lang: str, decimals: int | None) -> str:
    """A cell's text: numbers in the local format (``1.234,5``), years and text as they are."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return str(value)
    if isinstance(value, int) and _YEAR_COLUMN.search(column):
        return str(value)
    if decimals is not None:
        shown = decimals
    else:
        shown = 0 if isinstance(value, int) else i18n.exact_decimals(value, 0, most=2)
    return i18n.number(value, lang, shown)


def headline_html(
    lang: str,
    rows: Sequence[tuple[str, Mapping[str, float], int]],
    *,
    columns: Sequence[str] = ("51", "52", "53", "00"),
    caption: str | None = None,
) -> HTML:
    """The headline table: one row per indicator, one column per region (Indonesia last, set apart).

    ``rows`` = (label already translated, values by region code, decimals). A region without a
    value (e.g. no national figure to compare with) shows an en dash.

    >>> headline_html("en", [("HDI 2024", {"51": 77.76, "52": 72.37, "53": 68.4, "00": 75.02}, 2)])
    """
    i18n.check_language(lang)
    head = "".join(
        f'<th class="{"ref" if code == "00" else "num"}">{_escape(regions.label(code, lang))}</th>'
        for code in columns
    )
    body = []
    for label, values, shown in rows:
        cells = []
        for code in columns:
            value = values.get(code)
            missing = value is None or pd.isna(value)
            text = "–" if missing else i18n.number(float(value), lang, shown)
            cells.append(f'<td class="num{" ref" if code == "00" else ""}">{_escape(text)}</td>')
        body.append(f'<tr><td class="txt">{_escape(label)}</td>{"".join(cells)}</tr>')
    caption_html = f"<caption>{_escape(caption or i18n.t('caption_headline', lang))}</caption>"
    return HTML(
        f'<table class="krbnn-table krbnn-headline">{caption_html}<thead><tr>'
        f"<th>{_escape(i18n.t('col_indicator', lang))}</th>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _datasets(datasets: Sequence[Dataset | str] | None) -> list[Dataset]:
    """The given datasets (or catalog table names), else those this notebook loaded."""
    if datasets is None:
        return sorted(loaded_datasets(), key=lambda d: d.name)
    entries = catalog()
    chosen = [entries[d] if isinstance(d, str) else d for d in datasets]
    return sorted(chosen, key=lambda d: d.name)


def caveats(lang: str, datasets: Sequence[Dataset | str] | None = None, *, extra: Sequence[str] = ()) -> HTML:
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


def source_line(lang: str, *tables: str, computed: bool = False) -> str:
    """The source line under a chart, from the catalog entries of the charted tables.

    ``source_line("id", "grdp")`` → ``Sumber: BPS, PDRB Seri 2010 menurut provinsi (diunduh Mei 2021) …``;
    ``computed=True`` says the chart shows values computed from those tables.
    """
    i18n.check_language(lang)
    entries = catalog()
    cited = []
    for name in tables:
        dataset = entries[name]
        text = dataset.citation.get(lang) if dataset.citation else dataset.title.get(lang)
        if text not in cited:
            cited.append(text)
    return i18n.t("source_computed" if computed else "source_prefix", lang, sources="; ".join(cited))


def licence_label(licence: str, lang: str) -> str:
    """The licence's name without the maintainers' notes: ``MIT (repository LICENSE, © 2024 …)`` → ``MIT``."""
    name = re.split(r"[(;]", licence, maxsplit=1)[0].strip().rstrip(",.")
    if not name or name.lower().startswith("not stated"):
        return i18n.t("licence_not_stated", lang)
    return name


def sources_table(lang: str, datasets: Sequence[Dataset | str] | None = None, *, annex: bool = True) -> HTML:
    """Data-availability table of the tables this notebook loaded: for each, the original publisher and
    publication in the reader's language and the quality rating; then (``annex``) the technical annex."""
    i18n.check_language(lang)
    chosen = _datasets(datasets)
    header = [i18n.t(k, lang) for k in ("col_table", "col_source_citation", "col_quality")]
    rows = []
    for dataset in chosen:
        citation = dataset.citation.get(lang) if dataset.citation else ""
        rating = dataset.quality.rating
        word = i18n.t("rating_" + rating, lang)
        quality = (
            f'<span class="rating rating-{_escape(rating)}">{RATING_SYMBOL[rating]} {word}</span>'
            f"<br><small>{_escape(dataset.quality.reason.get(lang))}</small>"
        )
        rows.append(
            "<tr>"
            f'<td class="txt"><strong>{_escape(dataset.title.get(lang))}</strong></td>'
            f'<td class="txt">{_escape(citation)}</td>'
            f'<td class="txt">{quality}</td>'
            "</tr>"
        )
    head = "".join(f"<th>{_escape(h)}</th>" for h in header)
    heading = i18n.t("sources_heading", lang)
    return HTML(
        f'<section class="krbnn-sources"><h3>{heading}</h3><table class="krbnn-table krbnn-sources-table">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"{technical_annex(lang, chosen).data if annex else ''}</section>"
    )


def technical_annex(lang: str, datasets: Sequence[Dataset] | None = None) -> HTML:
    """Provenance of every source file (repository or path, commit, licence, sha256), collapsed.

    Kept for analysts who want to trace a number; closed by default, so it prints as one line.
    """
    i18n.check_language(lang)
    header = [i18n.t(k, lang) for k in ("col_table", "col_obtained", "col_licence", "col_fingerprint")]
    rows = []
    for dataset in _datasets(datasets):
        for number, source in enumerate(dataset.sources):
            where = source.repository or source.path
            obtained = (
                f'<a href="{_escape(source.link)}">{_escape(where)}</a>' if source.link else _escape(where)
            )
            commit = f" @ {_escape(source.commit[:7])}" if source.commit else ""
            name = _escape(dataset.title.get(lang)) if number == 0 else ""
            rows.append(
                f'<tr><td class="txt">{name}</td><td class="txt">{obtained}{commit}<br>'
                f"<small>{_escape(source.path)}</small></td>"
                f'<td class="txt">{_escape(licence_label(source.licence, lang))}</td>'
                f'<td class="txt"><code>{_escape(source.sha256[:12])}</code></td></tr>'
            )
    head = "".join(f"<th>{_escape(h)}</th>" for h in header)
    return HTML(
        f'<details class="krbnn-annex"><summary><strong>{i18n.t("annex_heading", lang)}</strong> · '
        f"{i18n.t('annex_summary', lang)} "
        f'<span class="krbnn-screen-only">{i18n.t("annex_open_hint", lang)}</span></summary>'
        f'<table class="krbnn-table krbnn-annex-table"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></details>"
    )


def data_gaps(lang: str, gaps: Sequence[tuple[str, str]]) -> HTML:
    """A list of data gaps, each given as (Indonesian, English) text."""
    i18n.check_language(lang)
    items = "".join(f"<li>{_escape(i if lang == 'id' else e)}</li>" for i, e in gaps)
    return HTML(
        f'<section class="krbnn-gaps"><h3>{i18n.t("gaps_heading", lang)}</h3><ul>{items}</ul></section>'
    )
