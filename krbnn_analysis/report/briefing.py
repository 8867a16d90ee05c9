"""Library calls a briefing notebook makes instead of repeating cells: setup, key messages, the
headline table, tables from a result frame, and panels of line charts.

They only translate, format and draw: every number comes from a briefing's ``compute()``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from krbnn_analysis import i18n, industries, plotting, regions
from krbnn_analysis.report.components import Findings, headline_html, table
from krbnn_analysis.report.downloads import with_data


def setup(lang: str) -> None:
    """Check the language and set the chart defaults: the first call of every briefing."""
    i18n.check_language(lang)
    plotting.setup(lang)


def key_messages(lang: str) -> Findings:
    """The briefing's opening: at most three computed sentences on the latest year."""
    return Findings(
        lang, heading="key_messages_heading", limit=3, heading_level=2, css_class="krbnn-key-messages"
    )


def headline_table(
    headline: pd.DataFrame,
    lang: str,
    *,
    decimals: Mapping[str, int],
    years: Mapping[str, object],
) -> HTML:
    """The headline table: one row per translation key (its label takes ``years``), one column per
    region code (labelled in ``lang``, Indonesia set apart); a missing value shows as a dash."""
    rows = [
        (i18n.t(key, lang, **years), headline.loc[key].to_dict(), decimals[key]) for key in headline.index
    ]
    shown = headline_html(lang, rows, columns=tuple(headline.columns))
    return with_data(shown, headline_rows(headline, lang, years=years), lang)


def headline_rows(headline: pd.DataFrame, lang: str, *, years: Mapping[str, object]) -> pd.DataFrame:
    """The headline table's numbers as rows: the indicator (in ``lang``), then one column per region."""
    frame = headline.rename(
        index={key: i18n.t(key, lang, **years) for key in headline.index},
        columns={code: regions.label(code, lang) for code in headline.columns},
    )
    return frame.rename_axis(i18n.t("col_indicator", lang)).rename_axis(columns=None).reset_index()


def _auto_decimals(value: float) -> int:
    return 0 if abs(value) >= 100 else 2  # counts whole, small ratios and amounts to two decimals


def _number_cell(value: object, lang: str, decimals: int | None, missing: str) -> str:
    if value is None or pd.isna(value):
        return missing
    return i18n.number(float(value), lang, _auto_decimals(float(value)) if decimals is None else decimals)


def _translated(codes: object, prefix: str, lang: str) -> str:
    """One code's label, or the labels of a tuple of codes joined by "; "."""
    if isinstance(codes, tuple | list):
        return "; ".join(i18n.t(f"{prefix}{code}", lang) for code in codes)
    return i18n.t(f"{prefix}{codes}", lang)


def result_table(
    frame: pd.DataFrame,
    lang: str,
    *,
    columns: Mapping[str, str],
    caption: str,
    decimals: Mapping[str, int | None] | None = None,
    units: Mapping[str, str] | None = None,
    region_columns: Sequence[str] = (),
    missing: Mapping[str, str] | None = None,
    links: Mapping[str, str] | None = None,
    translated: Mapping[str, str] | None = None,
) -> HTML:
    """A table of a result frame: ``columns`` maps each shown column to its translation key.

    Columns in ``decimals`` are numbers in the locale with that many decimals (``None``: whole
    numbers from 100 up, else two); others are shown as text. ``units`` appends the text of another
    column (``{"value": "unit"}``); ``region_columns`` hold region codes shown as names in ``lang``;
    ``missing`` gives the text of an empty cell per column (default a dash); ``links`` maps a column
    to the column of its URLs; ``translated`` maps a column whose values are codes to the prefix of
    their translation keys (``{"product_code": "product_"}`` shows ``t("product_maize")``; a tuple of
    codes shows their labels joined by "; ").
    """
    decimals, units, missing, links = decimals or {}, units or {}, missing or {}, links or {}
    translated = translated or {}
    shown = {}
    for column, key in columns.items():
        values = frame[column]
        if column in region_columns:
            values = values.map(lambda code: regions.label(code, lang))
        elif column in translated:
            values = values.map(lambda code, p=translated[column]: _translated(code, p, lang))
        elif column in decimals:
            places, empty = decimals[column], missing.get(column, "–")
            values = values.map(lambda v, d=places, e=empty: _number_cell(v, lang, d, e))
        else:
            values = values.astype(str)
        if column in units:
            values = values.str.cat(frame[units[column]].astype(str), sep=" ")
        shown[i18n.t(key, lang)] = values.to_list()
    urls = {i18n.t(columns[c], lang): frame[u].to_list() for c, u in links.items()}
    return table(pd.DataFrame(shown), lang, caption=caption, links=urls)


def _split(
    frame: pd.DataFrame, column: str, titles: Mapping[str, str] | None, lang: str
) -> list[tuple[str, pd.DataFrame]]:
    keys = list(titles) if titles else sorted(frame[column].unique())
    name = titles.get if titles else (lambda code: regions.label(code, lang))
    return [(name(key), frame.loc[frame[column] == key]) for key in keys]


def line_panels(
    panels: Sequence[tuple[str, pd.DataFrame]] | pd.DataFrame,
    *,
    lang: str,
    panel_by: str = "region_code",
    panel_titles: Mapping[str, str] | None = None,
    title: str,
    source: str | None = None,
    ncols: int = 3,
    ylabel: str | None = None,
    by: str = "region_code",
    labels: Mapping[str, str] | None = None,
    y: str = "value",
    decimals: int | Sequence[int] = 0,
    zero_line: bool = False,
    sharey: bool = True,
    height: float = 3.6,
) -> Figure:
    """Small multiples: one line chart per (panel title, frame), the legend in the first panel.

    Given one frame, it is split into panels by ``panel_by``: ``panel_titles`` gives their order and
    titles (default: every region code, labelled in ``lang``). ``labels`` maps the values of ``by``
    (other than region codes) to legend text.
    """
    if isinstance(panels, pd.DataFrame):
        panels = _split(panels, panel_by, panel_titles, lang)
    ncols = min(ncols, len(panels))
    nrows = -(-len(panels) // ncols)
    fig, axes = plt.subplots(nrows, ncols, figsize=(10, height * nrows), sharey=sharey, squeeze=False)
    places = [decimals] * len(panels) if isinstance(decimals, int) else list(decimals)
    for ax, (panel_title, frame), panel_decimals in zip(axes.flat, panels, places, strict=True):
        shown = frame.assign(**{by: frame[by].map(labels)}) if labels else frame
        plotting.line_chart(
            shown,
            by=by,
            y=y,
            lang=lang,
            title=panel_title,
            decimals=panel_decimals,
            zero_line=zero_line,
            ax=ax,
            legend=ax is axes.flat[0],
        )
    if ylabel:
        for ax in axes[:, 0]:
            ax.set_ylabel(ylabel)
    plotting.finish_panels(fig, title, source)
    return fig


def month_axis(ax: Axes, lang: str, *, reference: float | None = None) -> None:
    """Calendar months 1–12 on the x axis, as short month names in ``lang``; ``reference`` draws a
    horizontal line at that value (1 on a ratio-to-average axis)."""
    ax.set_xticks(range(1, 13), [i18n.month_name(m, lang)[:3] for m in range(1, 13)])
    if reference is not None:
        ax.axhline(reference, color="#52606d", linewidth=0.8)


def region_labels(codes: Sequence[str], lang: str) -> dict[str, str]:
    """Region code → display name in ``lang`` (to relabel an index or columns)."""
    return {code: regions.label(code, lang) for code in codes}


def industry_labels(codes: Sequence[str], lang: str, *, other: str = "other") -> dict[str, str]:
    """BPS industry code → label in ``lang``; the residual part ``other`` → "other industries"."""
    return {
        code: i18n.t("other_industries", lang) if code == other else industries.label(code, lang)
        for code in codes
    }


def airport_names(airports: pd.DataFrame, lang: str) -> str:
    """ "Lombok Tengah (LOP), Bima (BMU)": airports (``iata_code``, ``kabkota_code``) as a list in text."""
    return ", ".join(
        f"{regions.label(kab, lang)} ({code})"
        for code, kab in zip(airports["iata_code"], airports["kabkota_code"], strict=True)
    )


def region_bar_chart(values: pd.Series, *, lang: str, **options: object) -> Figure:
    """Horizontal bars of a Series indexed by region code, in the regions' colours and names."""
    return plotting.bar_chart(
        values.rename(index=region_labels(values.index, lang)),
        lang=lang,
        colours=[plotting.region_colour(code) for code in values.index],
        **options,
    )


def key_labels(keys: Sequence[str], lang: str, *, prefix: str) -> dict[str, str]:
    """Key → its label in ``lang``, the translation of ``prefix + key`` (e.g. ``commodity_paddy``)."""
    return {key: i18n.t(prefix + key, lang) for key in keys}


def rank_spans(ranges: pd.DataFrame, lang: str) -> pd.Series:
    """``rank_low``/``rank_high`` → "rank 4–5", or "stays rank 3" when they are equal (sensitivity tables)."""
    return pd.Series(
        [
            i18n.t("sy_rank_fixed", lang, rank=low)
            if low == high
            else i18n.t("sy_rank_span", lang, low=low, high=high)
            for low, high in zip(ranges["rank_low"], ranges["rank_high"], strict=True)
        ],
        index=ranges.index,
    )


# How an indicator's raw value is written, by its unit (synthesis indicator table): (percent?, decimals)
UNIT_FORMATS: dict[str, tuple[bool, int]] = {
    "lq": (False, 2),
    "visitors": (False, 0),
    "percent": (True, 1),
    "percent_grdp": (True, 1),
    "percent_kabkota": (True, 0),
    "million_passengers": (False, 1),
    "index": (False, 1),
    "mw": (False, 0),
    "kwh_per_person": (False, 0),
    "kg_per_person": (False, 1),
    "products": (False, 0),
}


def indicator_values(table: pd.DataFrame, lang: str) -> dict[str, str]:
    """Placeholders for prose from an indicator table (``key``, ``unit``, ``year``, ``value_<region>``):
    ``{"<key>_<region>": "21.211", "<key>_year": "2019", …}``, each value written as its unit asks."""
    values: dict[str, str] = {}
    regions_shown = [c.removeprefix("value_") for c in table.columns if c.startswith("value_")]
    for row in table.itertuples(index=False):
        is_percent, decimals = UNIT_FORMATS[row.unit]
        write = i18n.percent if is_percent else i18n.number
        values[f"{row.key}_year"] = str(row.year)
        for region in regions_shown:
            values[f"{row.key}_{region}"] = write(getattr(row, f"value_{region}"), lang, decimals)
    return values


def klassen_categories(lang: str) -> dict[int, tuple[str, str]]:
    """Klassen quadrant → (its label in ``lang``, its registry colour), for ``plotting.choropleth``."""
    return {q: (i18n.t(f"sy_klassen_{q}", lang), colour) for q, colour in plotting.KLASSEN_COLOURS.items()}


def sensitivity_chart(ranges: pd.DataFrame, lang: str, *, prefix: str, **options: object) -> Figure:
    """``plotting.range_chart`` of a sensitivity table indexed by key (``score``, ``low``, ``high``,
    ``rank_low``, ``rank_high``): rows labelled ``t(prefix + key)``, the rank span written beside each."""
    frame = ranges.assign(value=ranges["score"], ranks=rank_spans(ranges, lang))
    frame = frame.rename(index=key_labels(list(ranges.index), lang, prefix=prefix))
    return plotting.range_chart(
        frame[["value", "low", "high", "ranks"]], lang=lang, annotate="ranks", **options
    )


def region_bar_panels(
    frame: pd.DataFrame,
    *,
    lang: str,
    titles: Mapping[str, str],
    title: str,
    xlabel: str,
    source: str | None = None,
    decimals: Mapping[str, int] | None = None,
    zero_line: bool = True,
    height: float = 2.9,
) -> Figure:
    """Region bars side by side, one panel per column of ``frame`` (index: region codes).

    ``titles`` maps each shown column to its panel title (in order); ``decimals`` the value labels'
    decimals per column (default 0); ``zero_line`` marks 0, for values of either sign (surplus, deficit).
    """
    decimals = decimals or {}
    fig, axes = plt.subplots(1, len(titles), figsize=(10, height), squeeze=False)
    for ax, (column, panel_title) in zip(axes.flat, titles.items(), strict=True):
        region_bar_chart(
            frame[column],
            lang=lang,
            ax=ax,
            title=panel_title,
            xlabel=xlabel,
            decimals=decimals.get(column, 0),
        )
        if zero_line:
            ax.axvline(0, color="#52606d", linewidth=0.8)
        _labels_outside_negative_bars(ax)
    plotting.finish_panels(fig, title, source)
    return fig


def _labels_outside_negative_bars(ax: Axes) -> None:
    """Put the value label of a bar pointing left at its left end, with room for it inside the axes."""
    for text in ax.texts:
        if text.get_position()[0] < 0:
            text.set_text(text.get_text().strip() + " ")
            text.set_horizontalalignment("right")
    low, high = ax.get_xlim()
    span = high - low
    ax.set_xlim(low - 0.15 * span if low < 0 else low, high + 0.1 * span if high > 0 else high)
