"""Charts and maps for briefings: one look, labels from the translation table, local number format.

Figures have fixed sizes and are rendered as PNG by the inline backend (never SVG: it carries dates
and random ids that break strict nbval). Call ``setup(lang)`` once at the top of a notebook.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from krbnn_analysis import i18n, regions

FIGSIZE = (8.0, 4.2)
FIGSIZE_MAP = (9.5, 4.2)
DPI = 110
REGION_COLOURS = {"51": "#0b6e4f", "52": "#d1495b", "53": "#2e86ab", "00": "#7b8794"}
PALETTE = ["#0b6e4f", "#d1495b", "#2e86ab", "#edae49", "#66a182", "#8d6a9f", "#7b8794", "#00798c"]
# Parts of a whole: ten distinguishable colours (Tableau 10); the residual part is grey.
PARTS_PALETTE = [
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#17becf",
]
OTHER_COLOUR = "#bab0ac"
SOURCE_STYLE = {"fontsize": 8, "color": "#52606d", "ha": "left", "va": "top"}


def setup(lang: str) -> None:
    """Matplotlib defaults for briefings; PNG output in notebooks; checks ``lang``."""
    i18n.check_language(lang)
    mpl.rcParams.update(
        {
            "figure.figsize": FIGSIZE,
            "figure.dpi": DPI,
            "savefig.dpi": DPI,
            "font.family": "DejaVu Sans",  # ships with matplotlib: same glyphs on every machine
            "font.size": 10,
            "axes.titlesize": 11.5,
            "axes.titleweight": "bold",
            "axes.titlelocation": "left",
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.grid": True,
            "grid.color": "#e4e7eb",
            "grid.linewidth": 0.8,
            "axes.prop_cycle": mpl.cycler(color=PALETTE),
            "legend.frameon": False,
            "svg.hashsalt": "krbnn",  # in case someone saves SVG anyway: stable ids
        }
    )
    try:
        from IPython import get_ipython

        shell = get_ipython()
    except ImportError:  # plain Python: nothing to configure
        shell = None
    if shell is not None:
        # Activate the inline backend explicitly: how a kernel picks its default backend depends on how
        # it was launched (nbval, papermill, JupyterLab), and figures must appear the same in all.
        shell.run_line_magic("matplotlib", "inline")
        from matplotlib_inline.backend_inline import set_matplotlib_formats

        set_matplotlib_formats("png", bbox_inches="tight", metadata={"Software": None})


def number_formatter(lang: str, decimals: int = 0, suffix: str = "") -> FuncFormatter:
    return FuncFormatter(lambda value, _pos: i18n.number(value, lang, decimals) + suffix)


def region_colour(code: str) -> str:
    return REGION_COLOURS.get(code, "#52606d")


def source_note(ax: Axes, source: str) -> None:
    """The source line under a chart: left-aligned with the axes, just below the x-axis label."""
    ax.annotate(
        source,
        xy=(0, 0),
        xycoords=("axes fraction", ax.xaxis.label),
        xytext=(0, -8),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=8,
        color="#52606d",
        annotation_clip=False,
    )


def _finish(ax: Axes, title: str, ylabel: str | None, source: str | None, lang: str, decimals: int) -> None:
    ax.set_title(title)
    if ylabel:
        ax.set_ylabel(ylabel)
    ax.yaxis.set_major_formatter(number_formatter(lang, decimals))
    if source:
        source_note(ax, source)


def line_chart(
    frame: pd.DataFrame,
    *,
    lang: str,
    title: str,
    ylabel: str | None = None,
    x: str = "year",
    y: str = "value",
    by: str = "region_code",
    dashed: Sequence[str] = (),
    source: str | None = None,
    decimals: int = 0,
    zero_line: bool = False,
    linestyle: str = "-",
    legend: bool = True,
    label_suffix: str = "",
    labels: Mapping[str, str] | None = None,
    logy: bool = False,
    markers: bool = True,
    ax: Axes | None = None,
) -> Figure:
    """One line per ``by`` value (regions get their fixed colours and local labels).

    ``labels`` maps other ``by`` values to legend text; ``logy`` uses a logarithmic y axis (to show a
    small series beside a large one).
    """
    fig, ax = (ax.figure, ax) if ax is not None else plt.subplots()
    groups = dict(tuple(frame.sort_values(x).groupby(by, sort=True)))
    keys = sorted(groups, key=lambda k: (k == "00", k)) if by == "region_code" else list(groups)
    for key in keys:  # provinces first, Indonesia last
        group = groups[key]
        label = (regions.label(key, lang) if by == "region_code" else str(key)) + label_suffix
        ax.plot(
            group[x],
            group[y],
            marker="o",
            markersize=3,
            linewidth=2,
            color=region_colour(key) if by == "region_code" else None,
            linestyle="--" if key in dashed else linestyle,
            label=label if legend else "_nolegend_",
        )
    if zero_line:
        ax.axhline(0, color="#52606d", linewidth=0.8)
    if logy:
        ax.set_yscale("log")
        positive = frame.loc[frame[y] > 0, y]
        decades = np.log10(positive.max() / positive.min()) if len(positive) else 0
        subs = (1.0,) if decades > 3 else (1.0, 2.0, 5.0)  # decades only over a wide range, else 1-2-5
        ax.yaxis.set_major_locator(mpl.ticker.LogLocator(subs=subs))
        ax.yaxis.set_minor_formatter(mpl.ticker.NullFormatter())
    if pd.api.types.is_numeric_dtype(frame[x]):
        ax.xaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True, nbins=6))
    if legend:
        ax.legend(loc="best")
    _finish(ax, title, ylabel, source, lang, decimals)
    return fig


def bar_chart(
    values: pd.Series,
    *,
    lang: str,
    title: str,
    xlabel: str | None = None,
    colours: Sequence[str] | None = None,
    source: str | None = None,
    decimals: int = 1,
    annotate: bool = True,
    ax: Axes | None = None,
) -> Figure:
    """Horizontal bars for a labelled Series (labels already translated)."""
    height = 1.2 + 0.45 * len(values)  # bars of the same thickness whatever their number
    fig, ax = (ax.figure, ax) if ax is not None else plt.subplots(figsize=(FIGSIZE[0], height))
    positions = range(len(values))
    ax.barh(list(positions), values.to_numpy(), color=list(colours) if colours else PALETTE[0])
    ax.set_yticks(list(positions), [str(i) for i in values.index])
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    if annotate:
        for position, value in zip(positions, values.to_numpy(), strict=True):
            ax.text(value, position, " " + i18n.number(value, lang, decimals), va="center", fontsize=8.5)
    ax.set_title(title)
    if xlabel:
        ax.set_xlabel(xlabel)
    ax.xaxis.set_major_formatter(number_formatter(lang, 0))
    if source:
        source_note(ax, source)
    return fig


def stacked_shares(
    shares: pd.DataFrame,
    *,
    lang: str,
    title: str,
    labels: Mapping[str, str],
    source: str | None = None,
    ax: Axes | None = None,
) -> Figure:
    """100% stacked horizontal bars: rows are bars (labels already translated), columns the parts
    (fractions summing to 1 per row); ``labels`` maps column keys to legend text."""
    fig, ax = (
        (ax.figure, ax) if ax is not None else plt.subplots(figsize=(FIGSIZE[0], 1.0 + 0.55 * len(shares)))
    )
    left = pd.Series(0.0, index=shares.index)
    for number, column in enumerate(shares.columns):
        widths = shares[column] * 100
        colour = OTHER_COLOUR if column == "other" else PARTS_PALETTE[number % len(PARTS_PALETTE)]
        ax.barh(
            list(range(len(shares))),
            widths.to_numpy(),
            left=left.to_numpy(),
            color=colour,
            label=labels.get(column, str(column)),
            edgecolor="white",
        )
        for row, (start, width) in enumerate(zip(left.to_numpy(), widths.to_numpy(), strict=True)):
            if width >= 7:
                ax.text(
                    start + width / 2,
                    row,
                    i18n.number(width, lang, 0),
                    ha="center",
                    va="center",
                    color="white",
                    fontsize=8,
                )
        left = left + widths
    ax.set_yticks(list(range(len(shares))), [str(i) for i in shares.index])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.xaxis.set_major_formatter(number_formatter(lang, 0, "%"))
    ax.grid(axis="y", visible=False)
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8.5)
    ax.set_title(title)
    if source:
        source_note(ax, source)
    return fig


def finish_panels(fig: Figure, title: str, source: str | None = None) -> None:
    """Title and source line for a figure of several panels, laid out without overlaps.

    Returns nothing, so that a notebook cell ending with this call shows the figure once.
    """
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=11.5)
    fig.tight_layout(rect=(0, 0.03 if source else 0, 1, 0.97))
    if source:
        fig.text(0.01, 0.01, source, **SOURCE_STYLE)


def choropleth(
    frame,
    column: str,
    *,
    lang: str,
    title: str,
    legend_title: str,
    k: int = 5,
    decimals: int = 0,
    outline=None,
    source: str | None = None,
    cmap: str = "YlGn",
) -> Figure:
    """Quantile choropleth (mapclassify) with legend bounds in the local number format.

    ``outline`` is an optional GeoDataFrame (e.g. provinces) drawn as boundaries on top.
    """
    import mapclassify

    classes = mapclassify.Quantiles(frame[column].to_numpy(), k=k)
    lower = [float(frame[column].min()), *classes.bins[:-1]]
    labels = [
        f"{i18n.number(lo, lang, decimals)} – {i18n.number(hi, lang, decimals)}"
        for lo, hi in zip(lower, classes.bins, strict=True)
    ]
    colours = mpl.colormaps[cmap].resampled(k)
    fig, ax = plt.subplots(figsize=FIGSIZE_MAP)
    frame.assign(_class=classes.yb).plot(
        ax=ax, color=[colours(int(c)) for c in classes.yb], edgecolor="white", linewidth=0.4
    )
    if outline is not None:
        outline.boundary.plot(ax=ax, color="#1f2933", linewidth=0.9)
    handles = [
        mpl.patches.Patch(facecolor=colours(i), edgecolor="#9aa5b1", label=labels[i]) for i in range(k)
    ]
    ax.legend(handles=handles, title=legend_title, loc="lower left", fontsize=8, title_fontsize=8.5)
    ax.set_axis_off()
    ax.set_title(title)
    if source:
        ax.text(0, -0.02, source, transform=ax.transAxes, **SOURCE_STYLE)
    return fig


def route_map(
    airports,
    routes: pd.DataFrame,
    *,
    lang: str,
    title: str,
    outline=None,
    code: str = "iata_code",
    origin: str = "origin",
    destination: str = "destination",
    source: str | None = None,
    width: str | None = None,
) -> Figure:
    """Airports as points and routes as straight lines between them, over province outlines.

    ``airports`` needs ``code``, ``lon`` and ``lat``; ``routes`` the two code columns. Airports with a
    route are labelled; the others are drawn as small grey points. ``width`` names a column of
    ``routes`` (e.g. passengers): line widths are then proportional to it (thickest 6 points).
    """
    i18n.check_language(lang)
    fig, ax = plt.subplots(figsize=FIGSIZE_MAP)
    if outline is not None:
        outline.plot(ax=ax, color="#f0f4f8", edgecolor="#9aa5b1", linewidth=0.6)
    position = airports.dropna(subset=[code]).set_index(code)[["lon", "lat"]]
    served = set(routes[origin]) | set(routes[destination])
    widths = (
        [1.3] * len(routes) if width is None else (6.0 * routes[width] / routes[width].max()).clip(lower=0.4)
    )
    for (a, b), line_width in zip(routes[[origin, destination]].itertuples(index=False), widths, strict=True):
        ax.plot(
            *zip(position.loc[a], position.loc[b], strict=True),
            color="#2e86ab",
            linewidth=float(line_width),
            alpha=0.8,
        )
    idle = position.loc[~position.index.isin(served)]
    ax.scatter(idle["lon"], idle["lat"], s=10, color="#9aa5b1", zorder=3)
    busy = position.loc[position.index.isin(served)]
    ax.scatter(busy["lon"], busy["lat"], s=28, color="#d1495b", zorder=4)
    for name, (lon, lat) in busy.sort_index().iterrows():
        ax.annotate(name, (lon, lat), xytext=(3, 4), textcoords="offset points", fontsize=8.5, weight="bold")
    ax.set_axis_off()
    ax.set_title(title)
    if source:
        ax.text(0, -0.02, source, transform=ax.transAxes, **SOURCE_STYLE)
    return fig


def point_map(
    points: pd.DataFrame,
    *,
    by: str,
    labels: Mapping[object, str],
    lang: str,
    title: str,
    outline=None,
    source: str | None = None,
) -> Figure:
    """Points (``lon``, ``lat``) coloured by the category in ``by``, over outlines (e.g. kab/kota).

    ``labels`` maps each category shown, in order, to its legend text (already translated).
    """
    i18n.check_language(lang)
    fig, ax = plt.subplots(figsize=FIGSIZE_MAP)
    if outline is not None:
        outline.plot(ax=ax, color="#f0f4f8", edgecolor="#9aa5b1", linewidth=0.6)
    for colour, (category, label) in zip(PALETTE, labels.items(), strict=False):
        shown = points.loc[points[by] == category]
        ax.scatter(shown["lon"], shown["lat"], s=24, color=colour, label=label, zorder=3, edgecolor="white")
    ax.legend(loc="lower left", fontsize=8)
    ax.set_axis_off()
    ax.set_title(title)
    if source:
        ax.text(0, -0.02, source, transform=ax.transAxes, **SOURCE_STYLE)
    return fig
