"""production_location_quotient on a small synthetic frame (values computed by hand)."""

from __future__ import annotations

import pandas as pd
import pytest

from krbnn_analysis.indicators import IndicatorInputError, production_location_quotient

# Synthetic: national rice 1,000 t; region A grows 300 t, B 100 t. Agricultural value added: A 20, B 60,
# C 20 (total 100), so A's size share is 0.2 and B's 0.6.
PRODUCTION = pd.DataFrame(
    {"region_code": ["00", "A", "B"], "indicator": ["rice"] * 3, "value": [1000.0, 300.0, 100.0]}
)
SIZE = pd.DataFrame({"region_code": ["A", "B", "C"], "value": [20.0, 60.0, 20.0]})


def test_share_and_lq_by_hand():
    out = production_location_quotient(PRODUCTION, SIZE).set_index("region_code")
    assert out.loc["A", "share"] == pytest.approx(0.3)
    assert out.loc["A", "lq"] == pytest.approx(0.3 / 0.2)  # 1.5: more than its size suggests
    assert out.loc["B", "lq"] == pytest.approx(0.1 / 0.6)
    assert "00" not in out.index


def test_product_without_national_row_raises():
    with pytest.raises(IndicatorInputError, match="no national row"):
        production_location_quotient(PRODUCTION[PRODUCTION["region_code"] != "00"], SIZE)


def test_region_without_size_raises():
    with pytest.raises(IndicatorInputError, match="region without size"):
        production_location_quotient(PRODUCTION, SIZE[SIZE["region_code"] != "B"])
