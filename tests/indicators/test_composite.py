"""scaled_mean_index: hand-computed values on a small synthetic frame."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from krbnn_analysis.errors import IndicatorInputError
from krbnn_analysis.indicators import scaled_mean_index


def test_min_max_scaled_components_are_averaged():
    # a: 10, 20, 30 → 0, 0.5, 1; b: 5, 5, 25 → 0, 0, 1; mean → 0, 0.25, 1
    frame = pd.DataFrame({"a": [10.0, 20.0, 30.0], "b": [5.0, 5.0, 25.0]}, index=["x", "y", "z"])
    assert scaled_mean_index(frame, ["a", "b"]).to_dict() == pytest.approx({"x": 0.0, "y": 0.25, "z": 1.0})


def test_a_component_without_spread_scores_zero():
    frame = pd.DataFrame({"a": [1.0, 3.0], "flat": [7.0, 7.0]})
    assert scaled_mean_index(frame, ["a", "flat"]).to_list() == pytest.approx([0.0, 0.5])


def test_a_missing_value_is_refused():
    with pytest.raises(IndicatorInputError, match="NaN"):
        scaled_mean_index(pd.DataFrame({"a": [1.0, np.nan]}), ["a"])


def test_no_component_is_refused():
    with pytest.raises(IndicatorInputError, match="at least one"):
        scaled_mean_index(pd.DataFrame({"a": [1.0]}), [])
