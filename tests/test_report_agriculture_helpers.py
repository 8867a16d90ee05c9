"""The chart and label helpers added for briefing 04 (synthetic frames, clearly small)."""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
import pytest

from krbnn_analysis import plotting, report


@pytest.fixture(autouse=True)
def _chart_defaults_restored():
    """plotting.setup changes matplotlib's global defaults: restore them for the tests that follow."""
    with mpl.rc_context():
        yield


def test_key_labels_translate_with_a_prefix():
    assert report.key_labels(["paddy", "beef"], "id", prefix="commodity_") == {
        "paddy": "Padi",
        "beef": "Daging sapi",
    }
    assert report.key_labels(["paddy"], "en", prefix="commodity_") == {"paddy": "Paddy"}


def test_ratio_heatmap_writes_values_in_the_locale_and_leaves_missing_blank():
    plotting.setup("id")
    values = pd.DataFrame({"Bali": [1.5, None], "NTB": [0.25, 12.0]}, index=["Padi", "Kopi"])
    bold = values.eq(values.max(axis=1), axis=0)
    fig = plotting.ratio_heatmap(values, lang="id", title="t", legend_title="LQ", bold=bold)
    texts = {text.get_text(): text.get_fontweight() for text in fig.axes[0].texts}
    assert texts == {"1,50": "bold", "0,25": "normal", "12,00": "bold"}
    plt.close(fig)


def test_region_bar_panels_draw_one_panel_per_column_with_a_zero_line():
    plotting.setup("en")
    frame = pd.DataFrame(
        {"rice": [-107.2, 291.4, -88.3], "beef": [-5.9, -2.1, -6.1]}, index=["51", "52", "53"]
    )
    fig = report.region_bar_panels(
        frame,
        lang="en",
        titles={"rice": "Rice", "beef": "Beef"},
        title="t",
        xlabel="kt",
        decimals={"beef": 1},
    )
    panels = [ax for ax in fig.axes if ax.get_title(loc="left")]
    assert [ax.get_title(loc="left") for ax in panels] == ["Rice", "Beef"]
    assert "-5.9" in [text.get_text().strip() for text in panels[1].texts]
    assert all(any(line.get_xdata()[0] == 0 for line in ax.lines) for ax in panels)
    plt.close(fig)
