"""Shift-share: classic decomposition and the Esteban-Marquillas split."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from krbnn_analysis.indicators import shift_share

COMPONENTS = ["national_share", "industry_mix", "regional_shift"]


def _region() -> pd.DataFrame:
    # Region R: A 20 → 21, B 10 → 14 (2010 → 2015)
    return pd.DataFrame(
        {
            "region_code": "R",
            "industry_code": ["A", "B", "A", "B"],
            "year": [2010, 2010, 2015, 2015],
            "value": [20.0, 10.0, 21.0, 14.0],
        }
    )


def _reference() -> pd.DataFrame:
    # Reference: A 100 → 110 (G_A = 0.10), B 100 → 130 (G_B = 0.30); total 200 → 240 (G = 0.20)
    return pd.DataFrame(
        {
            "industry_code": ["A", "B", "A", "B"],
            "year": [2010, 2010, 2015, 2015],
            "value": [100.0, 100.0, 110.0, 130.0],
        }
    )


def test_shift_share_by_hand():
    out = shift_share(_region(), reference=_reference(), esteban_marquillas=True).set_index("industry_code")
    a, b = out.loc["A"], out.loc["B"]
    # A: NS = 20 × 0.20 = 4; IM = 20 × (0.10 − 0.20) = −2; RS = 1 − 4 + 2 = −1 = 20 × (0.05 − 0.10)
    assert (a["national_share"], a["industry_mix"], a["regional_shift"]) == pytest.approx((4.0, -2.0, -1.0))
    # B: NS = 10 × 0.20 = 2; IM = 10 × (0.30 − 0.20) = 1; RS = 4 − 2 − 1 = 1 = 10 × (0.40 − 0.30)
    assert (b["national_share"], b["industry_mix"], b["regional_shift"]) == pytest.approx((2.0, 1.0, 1.0))
    # Esteban-Marquillas: ê = 30 × 100/200 = 15 for both industries
    # A: competitive 15 × (0.05 − 0.10) = −0.75; allocation (20 − 15) × (−0.05) = −0.25
    # B: competitive 15 × (0.40 − 0.30) = 1.5;   allocation (10 − 15) × 0.10 = −0.5
    assert out["homothetic_value"].tolist() == pytest.approx([15.0, 15.0])
    assert out["competitive_effect"].tolist() == pytest.approx([-0.75, 1.5])
    assert out["allocation_effect"].tolist() == pytest.approx([-0.25, -0.5])
    assert out["change"].tolist() == pytest.approx([1.0, 4.0])


def test_shift_share_ignores_years_between_start_and_end():
    middle = _region().query("year == 2010").assign(year=2012, value=[999.0, 999.0])
    ref_middle = _reference().query("year == 2010").assign(year=2012)
    out = shift_share(pd.concat([_region(), middle]), reference=pd.concat([_reference(), ref_middle]))
    assert out["regional_shift"].tolist() == pytest.approx([-1.0, 1.0])


def test_shift_share_bad_input(rejects):
    with rejects("misaligned", "region_code='R'", "industry_code='B'", "year=2015"):
        shift_share(_region().iloc[:3], reference=_reference())
    with rejects("misaligned", "present in frame but not in reference", "industry_code='B'"):
        shift_share(_region(), reference=_reference().query("industry_code == 'A'"))
    with rejects("'value'", "zero denominator", "industry_code='A'"):
        shift_share(_region(), reference=_reference().assign(value=[0.0, 100.0, 110.0, 130.0]))
    with rejects("'value'", "Esteban-Marquillas", "region_code='R'", "industry_code='A'"):
        shift_share(
            _region().assign(value=[0.0, 10.0, 21.0, 14.0]), reference=_reference(), esteban_marquillas=True
        )
    with rejects("'year'", "no row for year 2020"):
        shift_share(_region(), end=2020)
    with rejects("'value'", "NaN", "industry_code='B'", "year=2015"):
        shift_share(_region().assign(value=[20.0, 10.0, 21.0, np.nan]))
    with rejects("'value'", "negative", "industry_code='A'", "year=2015"):
        shift_share(_region().assign(value=[20.0, 10.0, -21.0, 14.0]))
    with rejects("duplicate key", "region_code='R'", "industry_code='A'", "year=2010"):
        shift_share(pd.concat([_region(), _region().iloc[:1]]))


def test_shift_share_zero_start_in_region_is_handled_by_the_residual():
    # A new industry (0 → 5) has no growth rate, but the classic components stay defined:
    # NS = IM = 0 and the whole change is regional shift.
    out = shift_share(_region().assign(value=[0.0, 10.0, 5.0, 14.0]), reference=_reference())
    assert out.set_index("industry_code").loc["A", COMPONENTS].tolist() == pytest.approx([0.0, 0.0, 5.0])


@settings(max_examples=25, deadline=None)
@given(
    st.integers(min_value=2, max_value=4).flatmap(
        lambda n: st.lists(
            st.lists(st.floats(min_value=0.1, max_value=1e5), min_size=2 * n, max_size=2 * n),
            min_size=2,
            max_size=4,
        )
    )
)
def test_components_sum_to_change(rows):
    n = len(rows[0]) // 2
    frame = pd.DataFrame(
        [
            (f"R{r}", f"I{i}", year, row[i + n * k])
            for r, row in enumerate(rows)
            for i in range(n)
            for k, year in enumerate((2013, 2020))
        ],
        columns=["region_code", "industry_code", "year", "value"],
    )
    out = shift_share(frame, esteban_marquillas=True)
    scale = out["change"].abs().max() + 1.0
    np.testing.assert_allclose(out[COMPONENTS].sum(axis=1), out["change"], rtol=0, atol=1e-9 * scale)
    np.testing.assert_allclose(
        out["competitive_effect"] + out["allocation_effect"], out["regional_shift"], rtol=0, atol=1e-9 * scale
    )
    # with the sum of the regions as reference, regional shifts cancel out within each industry
    np.testing.assert_allclose(out.groupby("industry_code")["regional_shift"].sum(), 0.0, atol=1e-9 * scale)
