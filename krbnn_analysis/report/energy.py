"""Energy charts and tables a briefing notebook calls: technology labels and colours, the plant map, the
utilisation chart and table, technology × region tables, and before/after shares.

They only translate, format and draw: every number comes from ``briefings.renewables.compute()``.
Each technology keeps one colour everywhere, from the colour registry in ``plotting``
(``TECHNOLOGY_COLOURS``), which ``plotting.stacked_shares`` uses for the columns of a mix frame too.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from krbnn_analysis import i18n, plotting, regions
from krbnn_analysis.report.briefing import result_table
from krbnn_analysis.report.components import table
from krbnn_analysis.technologies import CHART_ORDER as TECHNOLOGY_ORDER

MAP_SIZE = (9.5, 9.0)  # two panels and the legend: fills the width and most of the height of an A4 page
# Panels of the plant map (west, east, south, north in degrees): Bali and NTB; NTT.
PANEL_EXTENTS = plotting.SPLIT_PANELS
PANEL_HEIGHTS = (1.0, 2.0)
AREA_COLOUR_JOINED = "#8d6a9f"  # an area of several provinces (NTB + NTT)
SIZE_STEPS_MW = (10, 100, 300)  # circle sizes shown in the map legend


def technology_colour(technology: str) -> str:
    """The technology's colour in every chart and map (``plotting.TECHNOLOGY_COLOURS``)."""
    return plotting.entity_colour(technology, plotting.OTHER_COLOUR)


def technology_labels(codes: Sequence[str], lang: str) -> dict[str, str]:
    """Technology key → its name in ``lang`` (translation keys ``tech_<key>``)."""
    return {code: i18n.t(f"tech_{code}", lang) for code in codes}


def area_label(code: str, lang: str) -> str:
    """A province's name, or the names of several provinces joined ("52+53" → "NTB + NTT")."""
    return " + ".join(regions.label(part, lang) for part in code.split("+"))


def _area_colour(code: str) -> str:
    return plotting.region_colour(code) if "+" not in code else AREA_COLOUR_JOINED


def _marker_size(capacity_mw: pd.Series) -> pd.Series:
    return 10.0 + 0.8 * capacity_mw.fillna(0.0)  # marker area grows with MW; no capacity: smallest


def _dot(colour: str, label: str, **style: object) -> Line2D:
    """A legend entry: one circle."""
    return Line2D([], [], marker="o", linestyle="", color=colour, label=label, **{"markersize": 8, **style})


def plant_map(plants: pd.DataFrame, *, outline, lang: str, title: str, source: str | None = None) -> Figure:
    """Plants as circles: colour by technology group, area by MW, filled when operating, hollow otherwise.

    Two panels (Bali and NTB above, NTT below) so that the map is tall enough to read on an A4 page.
    """
    fig, axes = plt.subplots(2, 1, figsize=MAP_SIZE, height_ratios=PANEL_HEIGHTS)
    groups = [g for g in (*TECHNOLOGY_ORDER, "unknown") if g in set(plants["group"])]
    for ax, (west, east, south, north) in zip(axes, PANEL_EXTENTS, strict=True):
        outline.plot(ax=ax, color="#f0f4f8", edgecolor="#9aa5b1", linewidth=0.6)
        for group in groups:
            rows = plants[plants["group"] == group]
            colour = technology_colour(group)
            for operating, face in ((True, colour), (False, "none")):
                part = rows[rows["operating"] == operating]
                size = _marker_size(part["capacity_mw"])
                ax.scatter(
                    part["lon"], part["lat"], s=size, facecolors=face, edgecolors=colour, linewidths=1.3
                )
        ax.set_xlim(west, east)
        ax.set_ylim(south, north)
        ax.set_axis_off()
    tech_handles = [_dot(technology_colour(g), i18n.t(f"tech_{g}", lang)) for g in groups]
    status_handles = [
        _dot("#52606d", i18n.t("map_operating", lang)),
        _dot("#52606d", i18n.t("map_not_operating", lang), markerfacecolor="none"),
    ]
    size_handles = [
        _dot("#9aa5b1", f"{i18n.number(mw, lang, 0)} MW", markersize=math.sqrt(10.0 + 0.8 * mw))
        for mw in SIZE_STEPS_MW
    ]
    handles = tech_handles + status_handles + size_handles
    fig.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.01, 0.035), ncol=4, fontsize=8.5)
    fig.suptitle(title, x=0.01, ha="left", fontweight="bold", fontsize=11.5)
    fig.subplots_adjust(left=0.01, right=0.99, top=0.95, bottom=0.14, hspace=0.04)
    if source:
        fig.text(0.01, 0.01, plotting.wrap_source(source, fig), **plotting.SOURCE_STYLE)
    return fig


def _percent_tick(value: float, lang: str) -> str:
    decimals = max(0, -math.floor(math.log10(value))) if value > 0 else 0
    return i18n.number(value, lang, decimals) + "%"


def _percent_label(value: float, lang: str) -> str:
    """Two significant digits below 10 % ("1,8%", "0,045%"), whole percent above."""
    decimals = max(0, 1 - math.floor(math.log10(value)))
    return i18n.number(value, lang, decimals) + "%"


def utilisation_chart(frame: pd.DataFrame, *, lang: str, title: str, source: str | None = None) -> Figure:
    """Installed capacity as a percentage of the potential, one bar per technology and area (log scale).

    An area with nothing installed has no bar: its row says so in words.
    """
    pairs = zip(frame["technology"], frame["area"], strict=True)
    labels = [f"{i18n.t(f'tech_{tech}', lang)} · {area_label(area, lang)}" for tech, area in pairs]
    percent = frame["utilisation"].to_numpy() * 100
    # Rows of 0.28 in: the chart fits below a section's text on the same A4 page.
    fig, ax = plt.subplots(figsize=(plotting.FIGSIZE[0], 1.0 + 0.28 * len(frame)))
    floor = 1e-4  # the left edge of the log axis (percent)
    positions = list(range(len(frame)))
    bars = [max(p, floor) if p > 0 else 0 for p in percent]
    ax.barh(positions, bars, left=0, color=[_area_colour(a) for a in frame["area"]])
    ax.set_xscale("log")
    ax.set_xlim(floor, 200)
    for position, value in zip(positions, percent, strict=True):
        text = " " + (_percent_label(value, lang) if value > 0 else i18n.t("nothing_installed", lang))
        ax.text(max(value, floor), position, text, va="center", fontsize=8.5)
    ax.set_yticks(positions, labels)
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    ax.xaxis.set_major_locator(mpl.ticker.LogLocator(subs=(1.0,)))
    ax.xaxis.set_minor_formatter(mpl.ticker.NullFormatter())
    ax.xaxis.set_major_formatter(mpl.ticker.FuncFormatter(lambda v, _p: _percent_tick(v, lang)))
    ax.set_xlabel(i18n.t("unit_percent_of_potential", lang))
    ax.set_title(title)
    if source:
        plotting.source_note(ax, source)
    return fig


def utilisation_table(frame: pd.DataFrame, lang: str, *, caption: str) -> HTML:
    """Potential, installed capacity and their ratio per technology and area."""
    shown = frame.assign(
        technology=frame["technology"].map(lambda tech: i18n.t(f"tech_{tech}", lang)),
        area=frame["area"].map(lambda code: area_label(code, lang)),
        percent=frame["utilisation"] * 100,
    )
    return result_table(
        shown,
        lang,
        columns={
            "technology": "col_technology",
            "area": "col_region",
            "potential_mw": "col_potential_mw",
            "installed_mw": "col_installed_mw",
            "percent": "col_utilisation_percent",
        },
        decimals={"potential_mw": 0, "installed_mw": 2, "percent": 3},
        caption=caption,
    )


def technology_table(wide: pd.DataFrame, lang: str, *, caption: str, decimals: int = 1) -> HTML:
    """A region × technology frame as a table: one row per technology, one column per region, a total row."""
    body = wide.T.loc[lambda f: f.sum(axis=1) > 0]
    body.loc["total"] = wide.sum(axis=1)
    rows = pd.DataFrame(
        {
            i18n.t("col_technology", lang): [
                i18n.t("total", lang) if tech == "total" else i18n.t(f"tech_{tech}", lang)
                for tech in body.index
            ],
            **{regions.label(code, lang): body[code].to_list() for code in wide.index},
        }
    )
    number = {col: (lambda v: i18n.number(float(v), lang, decimals)) for col in rows.columns[1:]}
    return table(rows, lang, formats=number, caption=caption)


def before_after_chart(
    frame: pd.DataFrame, *, lang: str, title: str, xlabel: str, source: str | None = None
) -> Figure:
    """Two bars per region (rows: region codes; two columns, e.g. two years; fractions) in percent."""
    fig, ax = plt.subplots(figsize=(plotting.FIGSIZE[0], 1.2 + 0.9 * len(frame)))
    height = 0.38
    for number, column in enumerate(frame.columns):
        positions = [row + (number - 0.5) * height for row in range(len(frame))]
        values = frame[column].to_numpy() * 100
        colours = [plotting.region_colour(code) for code in frame.index]
        ax.barh(positions, values, height=height, color=colours, alpha=0.45 if number == 0 else 1.0)
        for position, value in zip(positions, values, strict=True):
            ax.text(value, position, f" {column}: {i18n.percent(value, lang)}", va="center", fontsize=8.5)
    ax.set_yticks(range(len(frame)), [regions.label(code, lang) for code in frame.index])
    ax.invert_yaxis()
    ax.set_xlim(0, float(frame.max().max()) * 100 * 1.45)  # room for the labels
    ax.grid(axis="y", visible=False)
    ax.xaxis.set_major_formatter(plotting.number_formatter(lang, 0, "%"))
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    if source:
        plotting.source_note(ax, source)
    return fig


def plant_name(name: str) -> str:
    """Global Energy Monitor's English project names in the Indonesian way plants are named in both
    languages: "Atadei geothermal (1)" → "PLTP Atadei (1)" (PLTP: pembangkit listrik tenaga panas bumi)."""
    return re.sub(r"^(.+) geothermal\b", r"PLTP \1", name)


def plant_table(plants: pd.DataFrame, lang: str, *, caption: str) -> HTML:
    """Plants (name, kabkota_code, status, capacity_mw) with the kab/kota and the status in ``lang``."""
    shown = plants.assign(
        name=plants["name"].map(plant_name),
        status=plants["status"].map(lambda status: i18n.t(f"status_{status}", lang)),
    )
    return result_table(
        shown,
        lang,
        columns={
            "name": "col_name",
            "kabkota_code": "col_kabkota",
            "status": "col_status",
            "capacity_mw": "col_capacity_mw",
        },
        region_columns=["kabkota_code"],
        decimals={"capacity_mw": 1},
        caption=caption,
    )
