"""Charts and maps for briefings: one look, labels from the translation table, local number format.

Figures have fixed sizes and are rendered as PNG by the inline backend (never SVG: it carries dates
and random ids that break strict nbval). Call ``setup(lang)`` once at the top of a notebook.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from krbnn_analysis import i18n, regions

# Sizes in inches; a briefing page shows a figure about 6.7 in wide (A4 minus margins), so 8 in wide
# figures print at ~0.84 scale: 10 pt text stays above 8 pt on paper.
FIGSIZE = (8.0, 4.2)
FIGSIZE_MAP = (8.0, 5.6)  # tall enough that kab/kota are readable at A4 width
DPI = 110
MIN_FONT_SIZE = 9.5  # ≥ 8 pt after scaling an 8-in figure to A4 text width

# One colour per entity in every chart, from colour-blind-safe palettes: Okabe & Ito (2008), "Color
# Universal Design", and Paul Tol (2021), "Colour schemes" (SRON/EPS/TN/09-002). tests/test_plotting.py
# checks that they stay apart under a simulated deuteranopia. A port takes its province's hue.
REGION_COLOURS = {"51": "#0072b2", "52": "#d55e00", "53": "#44aa99", "00": "#000000"}
PORT_COLOURS = {
    "Ngurah Rai": "#0072b2",  # Bali, airport
    "Tanjung Benoa": "#882255",  # Bali, sea port
    "Lombok": "#d55e00",  # NTB
    "Atambua": "#44aa99",  # NTT, land border post
}
AIRPORT_COLOURS = {  # by IATA code; an airport also takes its province's hue where it can
    "DPS": "#0072b2",  # Ngurah Rai, Bali
    "LOP": "#d55e00",  # Lombok, NTB
    "KOE": "#44aa99",  # El Tari, Kupang, NTT
    "LBJ": "#882255",  # Komodo, Labuan Bajo, NTT: a second NTT airport shown beside El Tari
}
INDUSTRY_COLOURS = {
    "A": "#882255",  # agriculture
    "B": "#000000",  # mining
    "C": "#f0e442",  # manufacturing
    "F": "#6b3d00",  # construction
    "G": "#56b4e9",  # trade
    "H": "#332288",  # transport
    "I": "#d55e00",  # accommodation and food
    "O": "#0072b2",  # public administration
}
# Energy technologies (keys of ``technologies.TECHNOLOGIES``), shown together in mix charts and plant maps;
# battery storage is never charted with them (not generation).
TECHNOLOGY_COLOURS = {
    "coal": "#000000",
    "gas": "#882255",  # wine
    "diesel": "#6b3d00",  # brown, as the diesel and gas engines they are counted with
    "dual_fuel": "#6b3d00",  # diesel and gas engines
    "geothermal": "#d55e00",  # vermilion
    "hydro": "#0072b2",  # blue
    "solar": "#f0e442",  # yellow
    "wind": "#56b4e9",  # sky blue
    "biomass": "#009e73",  # bluish green
    "ocean": "#332288",  # indigo
}
# Klassen typology quadrants (keys are quadrant numbers, not entities, so not in ENTITY_COLOURS): Tol's
# medium-contrast pairs, dark for growing faster than the region, light for slower; blue for a per-capita
# level above the region's, yellow-red below it.
KLASSEN_COLOURS = {
    1: "#004488",  # fast growth, high income: dark blue
    2: "#6699cc",  # slow growth, high income: light blue
    3: "#994455",  # fast growth, low income: dark red
    4: "#eecc66",  # slow growth, low income: light yellow
}
OTHER_COLOUR = "#bbbbbb"
ENTITY_COLOURS = {
    **REGION_COLOURS,
    **PORT_COLOURS,
    **AIRPORT_COLOURS,
    **INDUSTRY_COLOURS,
    **TECHNOLOGY_COLOURS,
    "other": OTHER_COLOUR,
    "unknown": OTHER_COLOUR,
}
# For series that are not entities (measures, scenarios): the same palettes, in order.
PALETTE = ["#0072b2", "#d55e00", "#44aa99", "#882255", "#000000", "#56b4e9", "#f0e442", "#6b3d00"]
PARTS_PALETTE = PALETTE  # kept for callers of the old name
# Map panels (west, east, south, north in degrees) that split the region so it prints large enough on A4:
# Bali and NTB above, NTT below.
SPLIT_PANELS = ((114.35, 119.45, -9.15, -7.95), (118.75, 125.25, -11.05, -7.95))
SOURCE_STYLE = {"fontsize": 9, "color": "#52606d", "ha": "left", "va": "top"}


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
            "xtick.labelsize": MIN_FONT_SIZE,
            "ytick.labelsize": MIN_FONT_SIZE,
            "legend.fontsize": MIN_FONT_SIZE,
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
        _register_png_with_alt_text(shell)


def alt_text(fig: Figure) -> str:
    """A description of a figure for screen readers: its title (already in the briefing's language)."""
    title = fig._suptitle.get_text() if fig._suptitle is not None else ""
    titles = [_axes_title(ax) for ax in fig.axes if _axes_title(ax)]
    if title:
        return ": ".join([title, "; ".join(titles)]) if len(titles) > 1 else title
    return "; ".join(titles)


def _axes_title(ax: Axes) -> str:
    return " ".join(t for t in (ax.get_title(loc) for loc in ("left", "center", "right")) if t)


def _register_png_with_alt_text(shell) -> None:
    """Figures display as PNG with an ``alt`` metadata entry, which nbconvert writes into ``<img alt>``."""
    from IPython.core.pylabtools import print_figure

    def png_with_alt(fig: Figure):
        data = print_figure(fig, "png", base64=True, bbox_inches="tight", metadata={"Software": None})
        if not data:
            return None
        metadata = {"alt": alt_text(fig)}
        drawn = figure_data(fig)
        if drawn is not None:
            from krbnn_analysis.report.downloads import DATA_METADATA_KEY, data_csv

            frame, source, lang = drawn
            metadata[DATA_METADATA_KEY] = data_csv(frame, lang, source)
        return data, metadata

    shell.display_formatter.formatters["image/png"].for_type(Figure, png_with_alt)


def attach_data(
    fig: Figure, frame: pd.DataFrame, *, source: str | None, lang: str, panel: str | None = None
) -> None:
    """Keep the rows a chart draws with its figure, for the briefing's "download data" link.

    Panels drawn on one figure add their rows with a ``panel`` column (the panel's title).
    """
    drawn = pd.DataFrame(frame).reset_index(drop=True)
    if panel is not None:
        drawn.insert(0, "panel", panel)
    parts = [*getattr(fig, "_krbnn_data", ()), drawn]
    fig._krbnn_data = parts
    fig._krbnn_data_source = getattr(fig, "_krbnn_data_source", None) or source
    fig._krbnn_data_lang = lang


def figure_data(fig: Figure) -> tuple[pd.DataFrame, str | None, str] | None:
    """The rows attached to a figure (all panels), its source line and language; None if none."""
    parts = getattr(fig, "_krbnn_data", None)
    if not parts:
        return None
    frame = parts[0] if len(parts) == 1 else pd.concat(parts, ignore_index=True)
    return frame, fig._krbnn_data_source, fig._krbnn_data_lang


def number_formatter(lang: str, decimals: int = 0, suffix: str = "") -> FuncFormatter:
    """Tick labels in the local number format; a tick never shows a rounded value."""
    return FuncFormatter(
        lambda value, _pos: i18n.number(value, lang, i18n.exact_decimals(value, decimals)) + suffix
    )


def tick_locator(decimals: int = 0) -> MaxNLocator:
    """Ticks at 1-2-5 steps (no 2.5 steps), whole numbers when ``decimals`` is 0: labels stay exact."""
    return MaxNLocator(nbins="auto", steps=[1, 2, 5, 10], integer=decimals == 0, min_n_ticks=3)


def entity_colour(key: object, default: str | None = None) -> str | None:
    """The fixed colour of a province, port, industry or energy technology (or ``other``); ``default``
    for anything else."""
    return ENTITY_COLOURS.get(str(key), default)


def region_colour(code: str) -> str:
    return REGION_COLOURS.get(code, "#52606d")


def _colours_for(keys: Sequence[object]) -> list[str]:
    """Registry colours for entities; free palette colours, in order, for the rest."""
    used = {entity_colour(k) for k in keys} - {None}
    free = iter([c for c in PALETTE if c not in used] + PALETTE)
    return [entity_colour(k) or next(free) for k in keys]


def usual_step(values: pd.Series) -> float | pd.Timedelta | None:
    """The smallest step between distinct ``x`` values of a chart: a year, a month, a census decade."""
    distinct = pd.Series(values.dropna().unique()).sort_values()
    steps = distinct.diff().dropna()
    return steps.min() if len(steps) else None


def break_gaps(group: pd.DataFrame, x: str, y: str, step: float | pd.Timedelta | None = None) -> pd.DataFrame:
    """Insert an empty row where ``x`` jumps by more than 1.5 ``step``, so the line breaks there.

    Years or months without data must not be bridged by a straight line.
    """
    ordered = group.sort_values(x).reset_index(drop=True)
    step = step if step is not None else usual_step(ordered[x])
    if step is None or len(ordered) < 2:
        return ordered
    gaps = ordered.index[ordered[x].diff() > step * 1.5]
    if len(gaps) == 0:
        return ordered
    fillers = pd.DataFrame({x: [ordered[x].iloc[i - 1] + step for i in gaps], y: np.nan})
    return pd.concat([ordered, fillers], ignore_index=True).sort_values(x, kind="stable")


def wrap_source(source: str, fig: Figure) -> str:
    """A source line broken into lines no wider than the figure (catalog citations can be long)."""
    import textwrap

    # The line starts at the axes (~15 % in from the left); DejaVu Sans averages ~0.62 em per character.
    characters = int(fig.get_figwidth() * 0.85 * 72 / (SOURCE_STYLE["fontsize"] * 0.62))
    return "\n".join(textwrap.fill(line, characters) for line in source.split("\n"))


def source_note(ax: Axes, source: str) -> None:
    """The source line under a chart: left-aligned with the axes, just below the x-axis label."""
    ax.annotate(
        wrap_source(source, ax.figure),
        xy=(0, 0),
        xycoords=("axes fraction", ax.xaxis.label),
        xytext=(0, -8),
        textcoords="offset points",
        ha="left",
        va="top",
        fontsize=SOURCE_STYLE["fontsize"],
        color="#52606d",
        annotation_clip=False,
    )


def _finish(ax: Axes, title: str, ylabel: str | None, source: str | None, lang: str, decimals: int) -> None:
    ax.set_title(title)
    if ylabel:
        ax.set_ylabel(ylabel)
    if ax.get_yscale() == "linear":
        ax.yaxis.set_major_locator(tick_locator(decimals))
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
    direct_labels: bool | None = None,
    bridge_gaps: bool = False,
) -> Figure:
    """One line per ``by`` value, each in its entity's fixed colour (regions also get local labels).

    ``labels`` maps other ``by`` values to legend text; ``logy`` uses a logarithmic y axis (to show a
    small series beside a large one). A missing year or month breaks the line unless ``bridge_gaps``.
    ``direct_labels`` writes each name at the end of its line instead of a legend that could cover
    data; by default on when the chart has its own figure and at most six lines.
    """
    own_figure = ax is None
    fig, ax = (ax.figure, ax) if ax is not None else plt.subplots()
    groups = dict(tuple(frame.sort_values(x).groupby(by, sort=True)))
    keys = sorted(groups, key=lambda k: (k == "00", k)) if by == "region_code" else list(groups)
    colours = dict(zip(keys, _colours_for(keys), strict=True))
    step = usual_step(frame[x])
    direct = legend and (direct_labels if direct_labels is not None else own_figure and len(keys) <= 6)
    ends: list[tuple[str, float, object, str]] = []
    for key in keys:  # provinces first, Indonesia last
        group = groups[key] if bridge_gaps else break_gaps(groups[key], x, y, step)
        name = regions.label(key, lang) if by == "region_code" else (labels or {}).get(key, str(key))
        label = name + label_suffix
        ax.plot(
            group[x],
            group[y],
            marker="o" if markers else None,
            markersize=3,
            linewidth=2,
            color=colours[key],
            linestyle="--" if key in dashed else linestyle,
            label=label if legend and not direct else "_nolegend_",
        )
        last = group.dropna(subset=[y]).iloc[-1:] if len(group) else group
        if len(last):
            ends.append((label, float(last[y].iloc[0]), last[x].iloc[0], colours[key]))
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
    _finish(ax, title, ylabel, source, lang, decimals)
    if direct:
        label_line_ends(ax, ends)
    elif legend:
        ax.legend(loc="best")
    attach_data(fig, frame[[by, x, y]], source=source, lang=lang, panel=title if not own_figure else None)
    return fig


def label_line_ends(ax: Axes, ends: Sequence[tuple[str, float, object, str]], min_gap: float = 0.07) -> None:
    """Names at the right end of lines (label, y, x, colour), nudged apart so that none overlap."""
    if not ends:
        return
    ax.get_ylim()  # brings the autoscaled limits up to date
    to_axes = ax.transAxes.inverted()
    to_data = ax.transData.inverted()
    placed = []
    for label, y_value, x_value, colour in ends:
        x_num = mpl.dates.date2num(x_value) if isinstance(x_value, pd.Timestamp | np.datetime64) else x_value
        _, y_axes = to_axes.transform(ax.transData.transform((x_num, y_value)))
        placed.append([y_axes, label, colour])
    placed.sort(key=lambda item: item[0])
    for lower, upper in itertools.pairwise(placed):
        upper[0] = max(upper[0], lower[0] + min_gap)
    overflow = placed[-1][0] - 1.0
    if overflow > 0:  # push the stack back down into the axes
        for item in placed:
            item[0] -= overflow
    for y_axes, label, colour in placed:
        _, y_data = to_data.transform(ax.transAxes.transform((1.0, y_axes)))
        ax.annotate(
            label,
            xy=(1.0, y_data),
            xycoords=("axes fraction", "data"),  # stays beside its line if the limits change later
            xytext=(6, 0),
            textcoords="offset points",
            va="center",
            ha="left",
            color=colour,
            fontsize=MIN_FONT_SIZE,
            fontweight="bold",
            annotation_clip=False,
        )


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
    if colours is None and all(entity_colour(k) for k in values.index):
        colours = [entity_colour(k) for k in values.index]  # ports, provinces: their fixed colours
    ax.barh(list(positions), values.to_numpy(), color=list(colours) if colours else PALETTE[0])
    ax.set_yticks(list(positions), [str(i) for i in values.index])
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    if annotate:
        for position, value in zip(positions, values.to_numpy(), strict=True):
            ax.text(
                value, position, " " + i18n.number(value, lang, decimals), va="center", fontsize=MIN_FONT_SIZE
            )
    ax.set_title(title)
    if xlabel:
        ax.set_xlabel(xlabel)
    ax.xaxis.set_major_locator(tick_locator(0))
    ax.xaxis.set_major_formatter(number_formatter(lang, 0))
    if source:
        source_note(ax, source)
    attach_data(fig, values.rename("value").rename_axis("label").reset_index(), source=source, lang=lang)
    return fig


def range_chart(
    frame: pd.DataFrame,
    *,
    lang: str,
    title: str,
    xlabel: str,
    source: str | None = None,
    decimals: int = 2,
    annotate: str | None = None,
) -> Figure:
    """How far a value can move: one row per item of the index (labels already translated), top to
    bottom in the frame's order, a line from column ``low`` to column ``high`` and a dot at ``value``,
    e.g. a score under its default weights and its range when each weight moves ±50 %.

    ``annotate`` names a column of text written right of each range (e.g. the ranks an item takes).
    """
    _check_ranges(frame)
    height = 1.2 + 0.45 * len(frame)  # rows as far apart as bar_chart's bars
    fig, ax = plt.subplots(figsize=(FIGSIZE[0], height))
    positions = list(range(len(frame)))
    for position, (low, high) in zip(positions, frame[["low", "high"]].to_numpy(float), strict=True):
        ax.plot([low, high], [position, position], color=PALETTE[0], linewidth=3, marker="|", markersize=12)
    ax.scatter(frame["value"], positions, s=45, color="#1f2933", edgecolor="white", zorder=3)
    if annotate:
        for position, high, text in zip(positions, frame["high"], frame[annotate], strict=True):
            ax.annotate(
                str(text),
                xy=(high, position),
                xytext=(10, 0),
                textcoords="offset points",
                va="center",
                fontsize=MIN_FONT_SIZE,
                annotation_clip=False,
            )
        left, right = ax.get_xlim()
        ax.set_xlim(left, right + 0.2 * (right - left))  # room for the text beside the longest range
    ax.set_yticks(positions, [str(i) for i in frame.index])
    ax.set_ylim(len(frame) - 0.5, -0.5)  # first row on top
    ax.grid(axis="y", visible=False)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.xaxis.set_major_locator(tick_locator(decimals))
    ax.xaxis.set_major_formatter(number_formatter(lang, decimals))
    if source:
        source_note(ax, source)
    attach_data(fig, frame.rename_axis(frame.index.name or "label").reset_index(), source=source, lang=lang)
    return fig


def _check_ranges(frame: pd.DataFrame) -> None:
    """Every row's ``value`` lies within [``low``, ``high``]; a missing number fails too."""
    missing = {"low", "value", "high"} - set(frame.columns)
    if missing:
        raise ValueError(f"range chart: columns {sorted(missing)} missing")
    inside = (frame["low"] <= frame["value"]) & (frame["value"] <= frame["high"])
    if not inside.all():
        row = frame.loc[~inside].iloc[0]
        raise ValueError(
            f"range chart: row {row.name!r} needs low <= value <= high, "
            f"has low {row['low']}, value {row['value']}, high {row['high']}"
        )


def stacked_shares(
    shares: pd.DataFrame,
    *,
    lang: str,
    title: str,
    labels: Mapping[str, str],
    source: str | None = None,
    ax: Axes | None = None,
    totals: pd.Series | None = None,
    min_total: float = 0.0,
    drop_small: bool = False,
) -> Figure:
    """100% stacked horizontal bars: rows are bars (labels already translated), columns the parts
    (fractions summing to 1 per row); ``labels`` maps column keys to legend text. Parts that are
    entities (ports, industries, provinces) keep their fixed colours.

    With ``totals`` (the whole each row's shares are of) rows whose total is below ``min_total`` are
    drawn pale and starred, with a note under the chart, or left out when ``drop_small``: a share of
    a tiny total (765 arrivals in a pandemic year) is not a pattern.
    """
    small = [] if totals is None else [row for row in shares.index if totals.get(row, np.inf) < min_total]
    if drop_small:
        shares = shares.drop(index=small)
    fig, ax = (
        (ax.figure, ax) if ax is not None else plt.subplots(figsize=(FIGSIZE[0], 1.0 + 0.55 * len(shares)))
    )
    left = pd.Series(0.0, index=shares.index)
    faded = np.array([row in small for row in shares.index])
    colours = _colours_for(list(shares.columns))
    for column, colour in zip(shares.columns, colours, strict=True):
        widths = shares[column] * 100
        ax.barh(
            list(range(len(shares))),
            widths.to_numpy(),
            left=left.to_numpy(),
            color=[mpl.colors.to_rgba(colour, 0.35 if fade else 1.0) for fade in faded],
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
                    color=_text_colour_on(colour) if not faded[row] else "#1f2933",
                    fontsize=MIN_FONT_SIZE - 1,
                )
        left = left + widths
    names = [f"{row} *" if row in small else str(row) for row in shares.index]
    ax.set_yticks(list(range(len(shares))), names)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.xaxis.set_major_formatter(number_formatter(lang, 0, "%"))
    ax.grid(axis="y", visible=False)
    ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5))
    ax.set_title(title)
    if small:
        key = "note_small_total_dropped" if drop_small else "note_small_total"
        lowest = ", ".join(f"{row}: {i18n.number(totals[row], lang, 0)}" for row in small)
        note = i18n.t(key, lang, minimum=i18n.number(min_total, lang, 0), totals=lowest)
        source = f"{note}\n{source}" if source else note
    if source:
        source_note(ax, source)
    attach_data(fig, shares.rename_axis(shares.index.name or "label").reset_index(), source=source, lang=lang)
    return fig


def _text_colour_on(colour: str) -> str:
    """White on dark fills, near-black on light ones (yellow, sky blue)."""
    red, green, blue = mpl.colors.to_rgb(colour)
    return "white" if 0.299 * red + 0.587 * green + 0.114 * blue < 0.6 else "#1f2933"


def finish_panels(fig: Figure, title: str, source: str | None = None) -> None:
    """Title, one shared legend and the source line for a figure of several panels, without overlaps.

    The panels' legends move into one row under the title, where they cover no data.
    Returns nothing, so that a notebook cell ending with this call shows the figure once.
    """
    entries: dict[str, object] = {}
    for ax in fig.axes:
        if ax.get_legend() is not None:
            for handle, label in zip(*ax.get_legend_handles_labels(), strict=True):
                entries.setdefault(label, handle)
            ax.get_legend().remove()
    fig.suptitle(title, x=0.01, y=0.99, ha="left", va="top", fontweight="bold", fontsize=11.5)
    top = 0.97
    if entries:
        fig.legend(
            list(entries.values()),
            list(entries),
            loc="upper left",
            bbox_to_anchor=(0.01, 0.935),
            ncols=len(entries),
            frameon=False,
        )
        top = 0.86
    fig.tight_layout(rect=(0, 0.03 if source else 0, 1, top))
    if source:
        fig.text(0.01, 0.01, wrap_source(source, fig), **SOURCE_STYLE)


LQ_BREAKS = (0.5, 1.0, 1.5, 2.0)  # location quotients: below/above 1 is the meaning (specialised or not)
MAP_ROOM = 1.7  # inches above and below the map(s) of a choropleth: title, legend, source line
MAP_HEIGHT_LIMITS = (3.0, 10.0)  # inches: a choropleth's figure is never flatter or taller than these


def map_height(extent: Sequence[float], width: float, geographic: bool = True) -> float:
    """Height in inches of a map of ``extent`` (west, east, south, north) drawn ``width`` inches wide.

    In degrees geopandas stretches latitude by 1 / cos(latitude) (its default aspect), so the map of
    Bali–NTT (10.9° × 3.1° at 9.5° S) is about 0.29 times as tall as it is wide.
    """
    west, east, south, north = extent
    stretch = 1 / np.cos(np.radians((south + north) / 2)) if geographic else 1.0
    return width * (north - south) * stretch / (east - west)


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
    breaks: Sequence[float] | None = None,
    name_regions: Sequence[str] = (),
    code: str = "region_code",
    panels: Sequence[Sequence[float]] | None = None,
    categories: Mapping[object, tuple[str, str]] | None = None,
) -> Figure:
    """Choropleth with legend bounds in the local number format, or a map of categories.

    Classes are quantiles (mapclassify) unless ``breaks`` gives the upper bounds of the classes
    (``mapclassify.UserDefined``; the maximum is added), e.g. ``LQ_BREAKS`` for a location quotient,
    which must break at 1. ``name_regions`` lists region codes (column ``code``) to name on the map.
    ``outline`` is an optional GeoDataFrame (e.g. provinces) drawn as boundaries on top.

    The figure's height follows the map's shape (``map_height``), so a wide map leaves no empty band
    and a tall one is not shrunk. ``panels`` (extents: west, east, south, north) splits a wide area into
    maps stacked one above the other, e.g. Bali and NTB above NTT, so that it is tall enough to read at
    A4 width.

    ``categories`` maps each value of ``column`` (e.g. a Klassen quadrant) to its legend label (already
    translated) and colour, e.g. from ``KLASSEN_COLOURS``: regions are then filled by category, without
    classes, and the legend lists every category of the mapping, in its order, with its number of
    regions, so that it does not change with the data.
    """
    if categories is not None:
        fill, handles = _category_fills(frame, column, categories, code)
    else:
        fill, handles = _class_fills(frame[column].to_numpy(), lang, k, decimals, cmap, breaks)
    extents = [tuple(e) for e in panels] if panels else [tuple(frame.total_bounds[[0, 2, 1, 3]])]
    geographic = frame.crs is None or frame.crs.is_geographic
    heights = [map_height(e, FIGSIZE_MAP[0], geographic) for e in extents]
    low, high = MAP_HEIGHT_LIMITS
    size = (FIGSIZE_MAP[0], min(max(sum(heights) + MAP_ROOM, low), high))
    fig, axes = plt.subplots(len(extents), 1, figsize=size, height_ratios=heights, squeeze=False)
    axes = list(axes[:, 0])
    for ax, (west, east, south, north) in zip(axes, extents, strict=True):
        frame.plot(ax=ax, color=fill, edgecolor="white", linewidth=0.4)
        if outline is not None:
            outline.boundary.plot(ax=ax, color="#1f2933", linewidth=0.9)
        if panels:
            ax.set_xlim(west, east)
            ax.set_ylim(south, north)
        ax.set_axis_off()
        for region in name_regions:
            shape = frame.loc[frame[code] == region]
            if len(shape):
                point = shape.geometry.iloc[0].representative_point()
                if not (west <= point.x <= east and south <= point.y <= north):
                    continue
                ax.annotate(
                    regions.label(region, lang),
                    (point.x, point.y),
                    xytext=(0, 9),
                    textcoords="offset points",
                    ha="center",
                    fontsize=MIN_FONT_SIZE - 1,
                    fontweight="bold",
                    color="#1f2933",
                    arrowprops={"arrowstyle": "-", "color": "#1f2933", "linewidth": 0.6},
                    bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "alpha": 0.8, "linewidth": 0},
                )
    if panels:
        fig.subplots_adjust(hspace=0.03)
    # Below the map, not on it: the study area fills the frame.
    last = axes[-1]
    last.legend(
        handles=handles,
        title=legend_title,
        loc="upper left",
        bbox_to_anchor=(0, -0.01),
        # Category labels are sentences: two columns of them, at the text size of other charts.
        ncols=2 if categories is not None else min(len(handles), 5),
        fontsize=MIN_FONT_SIZE if categories is not None else MIN_FONT_SIZE - 1,
        title_fontsize=MIN_FONT_SIZE if categories is not None else MIN_FONT_SIZE - 1,
    )
    axes[0].set_title(title)
    if source:
        last.annotate(
            wrap_source(source, fig),
            xy=(0, 0),
            xycoords=("axes fraction", last.get_legend()),
            xytext=(0, -4),
            textcoords="offset points",
            **SOURCE_STYLE,
        )
    attach_data(fig, pd.DataFrame(frame.drop(columns="geometry", errors="ignore")), source=source, lang=lang)
    return fig


def _legend_patch(colour, label: str) -> mpl.patches.Patch:
    return mpl.patches.Patch(facecolor=colour, edgecolor="#9aa5b1", label=label)


def _class_fills(
    values: np.ndarray, lang: str, k: int, decimals: int, cmap: str, breaks: Sequence[float] | None
) -> tuple[list, list[mpl.patches.Patch]]:
    """Fill colours of a choropleth's regions and its legend: quantiles or classes up to ``breaks``."""
    import mapclassify

    if breaks is not None:
        upper = [b for b in breaks if b < values.max()] + [float(values.max())]
        classes = mapclassify.UserDefined(values, bins=upper)
    else:
        classes = mapclassify.Quantiles(values, k=k)
    bins = list(classes.bins)
    lower = [float(values.min()), *bins[:-1]]
    labels = [
        f"{i18n.number(lo, lang, decimals)} – {i18n.number(hi, lang, decimals)}"
        for lo, hi in zip(lower, bins, strict=True)
    ]
    colours = mpl.colormaps[cmap].resampled(len(bins))
    handles = [_legend_patch(colours(i), label) for i, label in enumerate(labels)]
    return [colours(int(c)) for c in classes.yb], handles


def _category_fills(
    frame: pd.DataFrame, column: str, categories: Mapping[object, tuple[str, str]], code: str
) -> tuple[list[str], list[mpl.patches.Patch]]:
    """Fill colours of a categorical map's regions and its legend: every category, with its count."""
    values = frame[column]
    unknown = ~values.isin(list(categories))
    if unknown.any():
        first = int(np.argmax(unknown))
        where = frame[code].iloc[first] if code in frame else values.index[first]
        raise ValueError(
            f"column {column!r}: value {values.tolist()[first]!r} (region {where}) is not one of the "
            f"categories {list(categories)}"
        )
    counts = values.value_counts()
    handles = [
        _legend_patch(colour, f"{label} ({int(counts.get(key, 0))})")
        for key, (label, colour) in categories.items()
    ]
    return [categories[value][1] for value in values], handles


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
            color=PALETTE[0],
            linewidth=float(line_width),
            alpha=0.8,
        )
    idle = position.loc[~position.index.isin(served)]
    ax.scatter(idle["lon"], idle["lat"], s=10, color="#9aa5b1", zorder=3)
    busy = position.loc[position.index.isin(served)]
    ax.scatter(busy["lon"], busy["lat"], s=28, color=PALETTE[1], zorder=4)
    for name, (lon, lat) in busy.sort_index().iterrows():
        ax.annotate(
            name,
            (lon, lat),
            xytext=(3, 4),
            textcoords="offset points",
            fontsize=MIN_FONT_SIZE - 1,
            weight="bold",
        )
    ax.set_axis_off()
    ax.set_title(title)
    if source:
        ax.text(0, -0.02, wrap_source(source, fig), transform=ax.transAxes, **SOURCE_STYLE)
    attach_data(fig, routes, source=source, lang=lang)
    return fig


def matrix_chart(
    matrix: pd.DataFrame,
    *,
    lang: str,
    title: str,
    row_title: str,
    column_title: str,
    source: str | None = None,
    decimals: int = 0,
    vmax: float = 100.0,
) -> Figure:
    """A square matrix as shaded cells with their values (labels already translated); empty cells
    (NaN, e.g. the diagonal) stay blank. Light = low, dark = high, on a single-hue scale."""
    fig, ax = plt.subplots(figsize=(FIGSIZE[0], 1.6 + 0.9 * len(matrix.index)))
    values = matrix.to_numpy(dtype=float)
    ax.imshow(np.ma.masked_invalid(values), cmap="Blues", vmin=0, vmax=vmax, aspect="auto")
    for (row, column), value in np.ndenumerate(values):
        if not np.isnan(value):
            colour = "white" if value > 0.6 * vmax else "#1f2933"
            text = i18n.number(value, lang, decimals)
            ax.text(column, row, text, ha="center", va="center", color=colour, fontsize=12)
    ax.set_xticks(range(len(matrix.columns)), [str(c) for c in matrix.columns])
    ax.set_yticks(range(len(matrix.index)), [str(i) for i in matrix.index])
    ax.xaxis.tick_top()
    ax.xaxis.set_label_position("top")
    ax.set_xlabel(column_title)
    ax.set_ylabel(row_title)
    ax.grid(False)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_title(title, pad=12)
    if source:  # wrapped: an unwrapped catalog citation widens the saved figure until the matrix is tiny
        ax.text(0, -0.04, wrap_source(source, fig), transform=ax.transAxes, **SOURCE_STYLE)
    attach_data(fig, matrix.rename_axis(matrix.index.name or "row").reset_index(), source=source, lang=lang)
    return fig


def ratio_heatmap(
    values: pd.DataFrame,
    *,
    lang: str,
    title: str,
    legend_title: str,
    source: str | None = None,
    decimals: int = 2,
    bold: pd.DataFrame | None = None,
    cmap: str = "BrBG",
) -> Figure:
    """A grid of ratios around 1 (e.g. location quotients): rows and columns already translated.

    Colours are diverging on a log scale (1 is neutral; 1/10 and 10 the ends, beyond them clipped), so
    that a half and a double weigh the same; each cell shows its value in the local number format.
    Cells where ``bold`` is True are written in bold (e.g. the highest value of each row); a missing
    value is left blank.
    """
    shown = np.log10(values.clip(lower=0.1, upper=10.0).astype(float))
    height = 1.4 + 0.42 * len(values)
    fig, ax = plt.subplots(figsize=(FIGSIZE[0], height))
    image = ax.imshow(shown.to_numpy(), cmap=cmap, vmin=-1, vmax=1, aspect="auto")
    ax.set_xticks(range(len(values.columns)), [str(c) for c in values.columns])
    ax.set_yticks(range(len(values.index)), [str(i) for i in values.index])
    ax.xaxis.tick_top()
    ax.grid(False)
    ax.tick_params(length=0)
    for (row, column), value in np.ndenumerate(values.to_numpy(dtype=float)):
        if np.isnan(value):
            continue
        strong = abs(shown.iloc[row, column]) > 0.6
        weight = "bold" if bold is not None and bool(bold.iloc[row, column]) else "normal"
        ax.text(
            column,
            row,
            i18n.number(value, lang, decimals),
            ha="center",
            va="center",
            fontsize=9,
            fontweight=weight,
            color="white" if strong else "#1f2933",
        )
    ticks = [0.1, 0.25, 0.5, 1, 2, 4, 10]
    bar = fig.colorbar(image, ax=ax, ticks=np.log10(ticks), fraction=0.04, pad=0.02)
    bar.ax.set_yticklabels([i18n.number(t, lang, 2 if t < 1 else 0) for t in ticks])
    bar.set_label(legend_title)
    ax.set_title(title, pad=28)
    if source:
        source_note(ax, source)
    attach_data(fig, values.rename_axis(values.index.name or "row").reset_index(), source=source, lang=lang)
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
