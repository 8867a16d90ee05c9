"""Charts as staff read them: exact tick labels, gaps, fixed colour-blind-safe colours, map classes, alt text.

Data here are SMALL SYNTHETIC frames shaped like the briefings' tables (values in the ranges of the
issue's examples), not curated data.
"""

from __future__ import annotations

import itertools

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from colorspacious import cspace_convert, deltaE

from krbnn_analysis import i18n, plotting

mpl.use("agg")  # tests only: no display


@pytest.fixture(autouse=True)
def _close_figures():
    plotting.setup("id")
    yield
    plt.close("all")


def _parse(label: str, lang: str) -> float:
    """A localised number back to a float: ``67,5`` (id) / ``67.5`` (en); minus as ``−``."""
    text = label.replace("−", "-")
    text = text.replace(".", "").replace(",", ".") if lang == "id" else text.replace(",", "")
    return float(text)


def _y_ticks(fig) -> list[tuple[float, str]]:
    ax = fig.axes[0]
    fig.canvas.draw()
    low, high = ax.get_ylim()
    return [
        (tick.get_loc(), tick.label1.get_text())
        for tick in ax.yaxis.get_major_ticks()
        if low <= tick.get_loc() <= high
    ]


def _series(values: dict[str, list[float]], years: list[int]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {"region_code": code, "year": year, "value": value}
            for code, series in values.items()
            for year, value in zip(years, series, strict=True)
        ]
    )


@pytest.mark.parametrize("lang", ["id", "en"])
def test_hdi_axis_labels_show_the_tick_values(lang):
    # The issue's case: HDI from ~62 to ~78 drew ticks 2.5 apart labelled "62, 65, 68 …" (68 = 67.5).
    hdi = _series({"51": [72.3, 75.0, 77.76], "53": [62.2, 65.2, 67.4]}, [2010, 2017, 2024])
    fig = plotting.line_chart(hdi, lang=lang, title="IPM", decimals=0)
    ticks = _y_ticks(fig)
    assert len(ticks) >= 3
    for location, label in ticks:
        assert _parse(label, lang) == pytest.approx(location), (location, label)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_domestic_trip_axis_labels_show_the_tick_values(lang):
    # The issue's case: millions of trips 0–1.7 with ticks 0.25 apart read "0,2 0,5 0,8".
    trips = _series({"52": [0.6, 0.62, 1.0, 1.7]}, [2019, 2020, 2021, 2022])
    fig = plotting.line_chart(trips, lang=lang, title="Wisnus", decimals=1)
    for location, label in _y_ticks(fig):
        assert _parse(label, lang) == pytest.approx(location), (location, label)


def test_a_formatter_never_rounds_a_tick_it_is_given():
    formatter = plotting.number_formatter("id", decimals=0)
    assert formatter(67.5, 0) == "67,5"
    assert formatter(68.0, 0) == "68"
    assert plotting.number_formatter("en", decimals=1)(0.25, 0) == "0.25"


def test_a_missing_year_breaks_the_line():
    # Poverty without a 2023 value must not be bridged from 2022 to 2024.
    poverty = _series({"53": [20.2, 20.1, 19.5]}, [2021, 2022, 2024])
    fig = plotting.line_chart(poverty, lang="id", title="Kemiskinan")
    line = fig.axes[0].get_lines()[0]
    years = list(line.get_xdata())
    values = np.asarray(line.get_ydata(), dtype=float)
    assert years[:2] == [2021, 2022] and years[-1] == 2024
    assert np.isnan(values[2])  # the filler at 2023
    bridged = plotting.line_chart(poverty, lang="id", title="Kemiskinan", bridge_gaps=True)
    assert not np.isnan(np.asarray(bridged.axes[0].get_lines()[0].get_ydata(), dtype=float)).any()


def test_every_entity_keeps_its_colour_across_chart_kinds():
    ports = pd.DataFrame(
        {
            "year": [2019, 2020] * 2,
            "port": ["Ngurah Rai"] * 2 + ["Lombok"] * 2,
            "value": [5.0, 1.0, 0.1, 0.02],
        }
    )
    lines = plotting.line_chart(ports, lang="en", by="port", title="Arrivals")
    line_colours = [mpl.colors.to_hex(line.get_color()) for line in lines.axes[0].get_lines()]
    assert line_colours == [plotting.PORT_COLOURS["Lombok"], plotting.PORT_COLOURS["Ngurah Rai"]]
    bars = plotting.bar_chart(pd.Series({"Ngurah Rai": 97.0, "Lombok": 60.0}), lang="en", title="Recovery")
    bar_colours = [mpl.colors.to_hex(patch.get_facecolor()) for patch in bars.axes[0].patches]
    assert bar_colours == [plotting.PORT_COLOURS["Ngurah Rai"], plotting.PORT_COLOURS["Lombok"]]
    shares = pd.DataFrame({"Lombok": [0.1], "Ngurah Rai": [0.9]}, index=["2019"])
    stacked = plotting.stacked_shares(shares, lang="en", labels={}, title="Shares")
    stacked_colours = [mpl.colors.to_hex(patch.get_facecolor()) for patch in stacked.axes[0].patches]
    assert stacked_colours == [plotting.PORT_COLOURS["Lombok"], plotting.PORT_COLOURS["Ngurah Rai"]]
    regions = plotting.line_chart(_series({"51": [1.0, 2.0]}, [2020, 2021]), lang="id", title="Bali")
    assert mpl.colors.to_hex(regions.axes[0].get_lines()[0].get_color()) == plotting.REGION_COLOURS["51"]


# Deuteranopia as simulated by Machado, Oliveira & Fernandes (2009), "A physiologically-based model for
# simulation of color vision deficiency", IEEE TVCG 15(6), severity 100, in colorspacious; distances
# in CAM02-UCS. Lines need more contrast than filled areas.
DEUTERANOPIA = {"name": "sRGB1+CVD", "cvd_type": "deuteranomaly", "severity": 100}
MIN_DISTANCE_LINES = 25.0
MIN_DISTANCE_AREAS = 20.0


def _distance_for_deuteranopes(first: str, second: str) -> float:
    seen = [
        np.clip(cspace_convert(mpl.colors.to_rgb(c), DEUTERANOPIA, "sRGB1"), 0, 1) for c in (first, second)
    ]
    return float(deltaE(seen[0], seen[1], input_space="sRGB1"))


def _closest_pair(colours: dict[str, str]) -> tuple[float, str, str]:
    return min(
        (_distance_for_deuteranopes(a, b), name_a, name_b)
        for (name_a, a), (name_b, b) in itertools.combinations(colours.items(), 2)
    )


@pytest.mark.parametrize(
    ("group", "minimum"),
    [
        (plotting.REGION_COLOURS, MIN_DISTANCE_LINES),
        (plotting.PORT_COLOURS, MIN_DISTANCE_LINES),
        (plotting.AIRPORT_COLOURS, MIN_DISTANCE_LINES),
        (dict(enumerate(plotting.PALETTE[:4])), MIN_DISTANCE_LINES),
        ({**plotting.INDUSTRY_COLOURS, "other": plotting.OTHER_COLOUR}, MIN_DISTANCE_AREAS),
        # Diesel plants are drawn with the diesel and gas engines (dual_fuel), never next to them.
        (
            {**{k: v for k, v in plotting.TECHNOLOGY_COLOURS.items() if k != "diesel"}, "unknown": "#bbbbbb"},
            MIN_DISTANCE_AREAS,
        ),
        (plotting.KLASSEN_COLOURS, MIN_DISTANCE_AREAS),
    ],
)
def test_colours_shown_together_stay_apart_for_deuteranopes(group, minimum):
    distance, first, second = _closest_pair({str(k): v for k, v in group.items()})
    assert distance >= minimum, (first, second, distance)


def test_the_deuteranopia_check_catches_the_colours_the_issue_reported():
    # Old palette: manufacturing (#e15759) and trade (#59a14f) became the same olive; Bali (#0b6e4f)
    # and Indonesia (#7b8794) two similar greys.
    assert _distance_for_deuteranopes("#e15759", "#59a14f") < MIN_DISTANCE_AREAS
    assert _distance_for_deuteranopes("#0b6e4f", "#7b8794") < MIN_DISTANCE_LINES


def _squares(values: list[float]):
    import geopandas as gpd
    from shapely.geometry import box

    return gpd.GeoDataFrame(
        {"region_code": [f"52{i:02d}" for i in range(1, len(values) + 1)], "lq": values},
        geometry=[box(i, 0, i + 1, 1) for i in range(len(values))],
        crs="EPSG:4326",
    )


def test_location_quotient_map_breaks_at_one():
    # Sumbawa (0.33) and Lombok Barat (1.68) must not share a class.
    frame = _squares([0.31, 0.33, 0.8, 1.2, 1.68, 2.98])
    fig = plotting.choropleth(
        frame, "lq", lang="id", title="LQ", legend_title="LQ", decimals=2, breaks=plotting.LQ_BREAKS
    )
    legend = [text.get_text() for text in fig.axes[0].get_legend().get_texts()]
    assert legend == ["0,31 – 0,50", "0,50 – 1,00", "1,00 – 1,50", "1,50 – 2,00", "2,00 – 2,98"]
    colours = fig.axes[0].collections[0].get_facecolors()
    assert not np.allclose(colours[1], colours[4])  # 0.33 vs 1.68


def test_named_regions_are_written_on_the_map():
    frame = _squares([0.5, 1.5])
    fig = plotting.choropleth(
        frame,
        "lq",
        lang="id",
        title="LQ",
        legend_title="LQ",
        breaks=plotting.LQ_BREAKS,
        name_regions=["5201"],
    )
    names = [text.get_text() for text in fig.axes[0].texts]
    assert any("Lombok Barat" in name for name in names)


def test_alt_text_is_the_chart_title_in_the_briefing_language():
    fig = plotting.line_chart(_series({"51": [1.0, 2.0]}, [2020, 2021]), lang="id", title="Penduduk miskin")
    assert plotting.alt_text(fig) == "Penduduk miskin"
    panels, axes = plt.subplots(1, 2)
    axes[0].set_title("Hotel berbintang")
    axes[1].set_title("Hotel nonbintang")
    plotting.finish_panels(panels, "Tingkat penghunian kamar hotel")
    assert plotting.alt_text(panels) == "Tingkat penghunian kamar hotel: Hotel berbintang; Hotel nonbintang"


def test_shares_of_a_tiny_total_are_marked_or_dropped():
    shares = pd.DataFrame({"Ngurah Rai": [0.97, 0.1], "Atambua": [0.03, 0.9]}, index=["2019", "2021"])
    totals = pd.Series({"2019": 6_300_000.0, "2021": 765.0})
    fig = plotting.stacked_shares(
        shares, lang="id", labels={}, title="Pangsa", totals=totals, min_total=10_000, source="Sumber: BPS"
    )
    ticks = [label.get_text() for label in fig.axes[0].get_yticklabels()]
    assert ticks == ["2019", "2021 *"]
    notes = " ".join(text.get_text() for text in fig.axes[0].texts)
    assert "2021: 765" in notes and "10.000" in notes
    dropped = plotting.stacked_shares(
        shares, lang="en", labels={}, title="Shares", totals=totals, min_total=10_000, drop_small=True
    )
    assert [label.get_text() for label in dropped.axes[0].get_yticklabels()] == ["2019"]


def test_direct_labels_replace_a_legend_and_do_not_overlap():
    close = _series({"51": [10.0, 10.1], "52": [10.05, 10.15], "53": [30.0, 31.0]}, [2020, 2021])
    fig = plotting.line_chart(close, lang="id", title="Dekat")
    ax = fig.axes[0]
    assert ax.get_legend() is None
    labels = {text.get_text(): text for text in ax.texts}
    assert set(labels) == {"Bali", "NTB", "NTT"}
    fig.canvas.draw()
    boxes = [text.get_window_extent() for text in ax.texts]
    for first, second in itertools.combinations(boxes, 2):
        assert not first.overlaps(second)


def test_chart_text_is_large_enough_for_a4():
    fig = plotting.line_chart(
        _series({"51": [1.0, 2.0]}, [2020, 2021]), lang="id", title="T", source="Sumber: BPS"
    )
    sizes = [tick.label1.get_fontsize() for tick in fig.axes[0].yaxis.get_major_ticks()]
    sizes += [text.get_fontsize() for text in fig.axes[0].texts]
    # An 8-in figure printed across A4's text width (~7.2 in) keeps ≥ 8 pt at this size.
    assert min(sizes) * 7.2 / plotting.FIGSIZE[0] >= 8.0
    assert i18n.exact_decimals(67.5, 0) == 1


def test_panel_legends_move_off_the_data_into_one_row():
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.6))
    for ax in axes:
        plotting.line_chart(
            _series({"51": [4.0, 4.5], "53": [20.0, 19.0]}, [2022, 2024]), lang="id", title="P", ax=ax
        )
    plotting.finish_panels(fig, "Kesejahteraan", "Sumber: BPS")
    assert all(ax.get_legend() is None for ax in axes)
    assert [text.get_text() for text in fig.legends[0].get_texts()] == ["Bali", "NTT"]


def test_a_long_catalog_source_line_wraps_within_the_figure():
    long_source = (
        "Sumber: " + "BPS, Persentase Penduduk Miskin menurut provinsi (kompilasi November 2022); " * 3
    )
    fig = plotting.line_chart(
        _series({"51": [1.0, 2.0]}, [2020, 2021]), lang="id", title="T", source=long_source
    )
    fig.canvas.draw()
    note = next(text for text in fig.axes[0].texts if text.get_text().startswith("Sumber"))
    assert "\n" in note.get_text()
    assert note.get_window_extent().x1 <= fig.bbox.x1


def test_a_technology_keeps_its_registry_colour_in_mix_charts_and_maps():
    from krbnn_analysis.report import energy

    shares = pd.DataFrame({"solar": [0.2], "coal": [0.8]}, index=["Bali"])
    fig = plotting.stacked_shares(shares, lang="id", title="Bauran", labels={})
    fills = [mpl.colors.to_hex(bars.patches[0].get_facecolor()) for bars in fig.axes[0].containers]
    assert fills == ["#f0e442", "#000000"]
    assert energy.technology_colour("geothermal") == plotting.TECHNOLOGY_COLOURS["geothermal"] == "#d55e00"
    assert energy.technology_colour("unknown") == plotting.OTHER_COLOUR


def test_a_wide_map_gets_a_height_from_its_shape_and_panels_make_it_taller():
    import geopandas as gpd
    from shapely.geometry import box

    # Bali to NTT: 10.9° wide, 3.1° tall at 9.5° S → 0.29 × 8 in = 2.3 in of map.
    assert plotting.map_height((114.35, 125.25, -11.05, -7.95), 8.0) == pytest.approx(2.31, abs=0.01)
    frame = gpd.GeoDataFrame(
        {"region_code": ["5101", "5301"], "v": [1.0, 2.0]},
        geometry=[box(114.4, -8.9, 115.7, -8.0), box(123.0, -11.0, 125.2, -9.0)],
        crs="EPSG:4326",
    )
    one = plotting.choropleth(frame, "v", lang="id", title="Peta", legend_title="v", k=2)
    two = plotting.choropleth(
        frame,
        "v",
        lang="id",
        title="Peta",
        legend_title="v",
        k=2,
        panels=[(114.35, 119.45, -9.15, -7.95), (118.75, 125.25, -11.05, -7.95)],
    )
    assert one.get_figheight() < 5.6 < two.get_figheight()
    assert len(two.axes) == 2 and two.axes[-1].get_legend() is not None


SYNTHETIC_QUADRANTS = {  # legend labels of a categorical map: synthetic, not the briefing's wording
    quadrant: (f"Kuadran {quadrant}", colour) for quadrant, colour in plotting.KLASSEN_COLOURS.items()
}


def _synthetic_klassen_map(quadrants: list[int]):
    """The 41 committed kab/kota boundaries with SYNTHETIC quadrants (cycled over the list)."""
    from krbnn_analysis import load

    shapes = load("kabkota_boundaries")
    shapes["quadrant"] = [quadrants[i % len(quadrants)] for i in range(len(shapes))]
    return shapes


def test_a_categorical_map_fills_each_region_with_its_category_colour():
    frame = _squares([0.0] * 4)
    frame["quadrant"] = [3, 1, 4, 3]
    fig = plotting.choropleth(
        frame, "quadrant", lang="id", title="Tipologi", legend_title="Kuadran", categories=SYNTHETIC_QUADRANTS
    )
    fills = [mpl.colors.to_hex(c) for c in fig.axes[0].collections[0].get_facecolors()]
    assert fills == [plotting.KLASSEN_COLOURS[q] for q in (3, 1, 4, 3)]


def test_a_categorical_map_of_the_41_kabkota_lists_every_category_with_its_count():
    # Quadrant 2 is never used: the legend still lists it, with 0, so that it does not change with data.
    frame = _synthetic_klassen_map([1, 1, 3, 4])
    fig = plotting.choropleth(
        frame,
        "quadrant",
        lang="id",
        title="Tipologi Klassen",
        legend_title="Kuadran",
        categories=SYNTHETIC_QUADRANTS,
        source="Sumber: data sintetis",
        panels=[(114.35, 119.45, -9.15, -7.95), (118.75, 125.25, -11.05, -7.95)],
    )
    legend = fig.axes[-1].get_legend()
    # 41 = 10 full cycles of (1, 1, 3, 4) and one more 1: 21 ones, 10 threes, 10 fours.
    assert [t.get_text() for t in legend.get_texts()] == [
        "Kuadran 1 (21)",
        "Kuadran 2 (0)",
        "Kuadran 3 (10)",
        "Kuadran 4 (10)",
    ]
    assert [mpl.colors.to_hex(p.get_facecolor()) for p in legend.get_patches()] == list(
        plotting.KLASSEN_COLOURS.values()
    )
    drawn = {mpl.colors.to_hex(c) for ax in fig.axes for c in ax.collections[0].get_facecolors()}
    assert drawn == {plotting.KLASSEN_COLOURS[q] for q in (1, 3, 4)}
    data, source, _ = plotting.figure_data(fig)
    assert len(data) == 41 and "geometry" not in data and source == "Sumber: data sintetis"
    sizes = [t.get_fontsize() for t in [*legend.get_texts(), legend.get_title(), *fig.axes[-1].texts]]
    assert min(sizes) * 7.2 / plotting.FIGSIZE_MAP[0] >= 8.0  # as test_chart_text_is_large_enough_for_a4
    assert plotting.alt_text(fig) == "Tipologi Klassen"


def test_a_categorical_map_rejects_a_value_without_a_category():
    frame = _squares([0.0] * 3)
    frame["quadrant"] = [1, 5, 2]
    with pytest.raises(ValueError, match=r"value 5 \(region 5202\)"):
        plotting.choropleth(
            frame, "quadrant", lang="en", title="Typology", legend_title="Q", categories=SYNTHETIC_QUADRANTS
        )


def _synthetic_sensitivity() -> pd.DataFrame:
    """SYNTHETIC scores of three focus areas and their range when each weight moves ±50 %."""
    return pd.DataFrame(
        {
            "low": [0.52, 0.31, 0.18],
            "value": [0.61, 0.40, 0.22],
            "high": [0.70, 0.55, 0.29],
            "ranks": ["peringkat 1", "peringkat 1–2", "peringkat 3"],
        },
        index=pd.Index(["Pangan", "Energi", "Pariwisata"], name="bidang"),
    )


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_range_chart_draws_each_row_from_low_to_high_with_its_annotation(lang):
    frame = _synthetic_sensitivity()
    fig = plotting.range_chart(
        frame, lang=lang, title="Kepekaan skor", xlabel="Skor", source="Sumber: sintetis", annotate="ranks"
    )
    ax = fig.axes[0]
    ranges = [(list(line.get_xdata()), list(line.get_ydata())) for line in ax.get_lines()]
    assert ranges == [([0.52, 0.70], [0, 0]), ([0.31, 0.55], [1, 1]), ([0.18, 0.29], [2, 2])]
    assert [label.get_text() for label in ax.get_yticklabels()] == ["Pangan", "Energi", "Pariwisata"]
    assert ax.get_ylim()[0] > ax.get_ylim()[1]  # the first row on top
    dots = ax.collections[0].get_offsets()
    assert dots[:, 0].tolist() == [0.61, 0.40, 0.22] and dots[:, 1].tolist() == [0, 1, 2]
    texts = {t.get_text() for t in ax.texts}
    assert {"peringkat 1", "peringkat 1–2", "peringkat 3"} <= texts
    fig.canvas.draw()
    low, high = ax.get_xlim()
    ticks = [
        (t.get_loc(), t.label1.get_text()) for t in ax.xaxis.get_major_ticks() if low <= t.get_loc() <= high
    ]
    assert len(ticks) >= 3
    for location, label in ticks:
        assert _parse(label, lang) == pytest.approx(location), (location, label)
    sizes = [t.label1.get_fontsize() for t in ax.xaxis.get_major_ticks()] + [
        t.get_fontsize() for t in ax.texts
    ]
    assert min(sizes) * 7.2 / plotting.FIGSIZE[0] >= 8.0  # as test_chart_text_is_large_enough_for_a4
    assert plotting.alt_text(fig) == "Kepekaan skor"
    data, _, _ = plotting.figure_data(fig)
    assert data["bidang"].tolist() == ["Pangan", "Energi", "Pariwisata"]
    assert data["value"].tolist() == [0.61, 0.40, 0.22]


def test_a_range_chart_grows_with_its_rows():
    frame = _synthetic_sensitivity()
    assert (
        plotting.range_chart(frame.iloc[:1], lang="id", title="T", xlabel="x").get_figheight()
        < plotting.range_chart(frame, lang="id", title="T", xlabel="x").get_figheight()
    )


def test_a_range_chart_rejects_a_value_outside_its_range():
    frame = _synthetic_sensitivity()
    frame.loc["Energi", "value"] = 0.60  # above its high, 0.55
    with pytest.raises(ValueError, match="row 'Energi'"):
        plotting.range_chart(frame, lang="id", title="T", xlabel="x")
