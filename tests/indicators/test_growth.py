"""Growth: yoy_growth, cagr, index_to_base, contribution_to_growth."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from krbnn_analysis.indicators import cagr, contribution_to_growth, index_to_base, yoy_growth


def _series(values: dict[int, float], region: str = "51") -> pd.DataFrame:
    return pd.DataFrame({"region_code": region, "year": list(values), "value": list(values.values())})


# --- yoy_growth -------------------------------------------------------------------------------------


def test_yoy_growth_by_hand():
    frame = pd.concat(
        [_series({2000: 100.0, 2001: 110.0, 2002: 99.0}), _series({2001: 50.0, 2000: 40.0}, "52")]
    )
    out = yoy_growth(frame)
    assert list(out.columns) == ["region_code", "year", "growth"]
    got = out.set_index(["region_code", "year"])["growth"]
    assert math.isnan(got["51", 2000])  # first year: no previous year
    assert got["51", 2001] == pytest.approx(10.0)  # 110/100 − 1 = 0.10 → 10 %
    assert got["51", 2002] == pytest.approx(-10.0)  # 99/110 − 1 = −0.10 → −10 %
    assert got["52", 2001] == pytest.approx(25.0)  # 50/40 − 1 = 0.25; input order does not matter


def test_yoy_growth_gap_gives_nan_not_a_two_year_rate():
    out = yoy_growth(_series({2000: 100.0, 2001: 110.0, 2003: 121.0})).set_index("year")["growth"]
    assert out[2001] == pytest.approx(10.0)
    assert math.isnan(out[2003])  # 2002 missing: 121/110 would be a two-year change


def test_yoy_growth_without_groups():
    out = yoy_growth(pd.DataFrame({"year": [2020, 2021], "v": [200.0, 150.0]}), value="v", by=())
    assert out["growth"].iloc[1] == pytest.approx(-25.0)  # 150/200 − 1


def test_yoy_growth_bad_input(rejects):
    with rejects("'value'", "NaN", "region_code='51'", "year=2001"):
        yoy_growth(_series({2000: 1.0, 2001: np.nan}))
    with rejects("'value'", "negative", "year=2001"):
        yoy_growth(_series({2000: 1.0, 2001: -1.0}))
    with rejects("duplicate key", "region_code='51'", "year=2000"):
        yoy_growth(pd.concat([_series({2000: 1.0}), _series({2000: 2.0})]))
    with rejects("'value'", "zero level", "year=2001"):
        yoy_growth(_series({2000: 0.0, 2001: 5.0}))
    with rejects("'year'", "integer"):
        yoy_growth(_series({2000: 1.0}).assign(year=2000.0))
    with rejects("'value'", "not found"):
        yoy_growth(_series({2000: 1.0}).rename(columns={"value": "level"}))
    with rejects("'value'", "not numeric"):
        yoy_growth(_series({2000: 1.0}).assign(value="1"))


# --- cagr ---------------------------------------------------------------------------------------------


def test_cagr_by_hand():
    frame = pd.concat(
        [_series({2010: 100.0, 2011: 105.0, 2012: 121.0}), _series({2010: 50.0, 2012: 50.0}, "52")]
    )
    out = cagr(frame).set_index("region_code")
    assert out.loc["51", "cagr"] == pytest.approx(10.0)  # (121/100)^(1/2) = 1.1 → 10 % a year
    assert out.loc["52", "cagr"] == pytest.approx(0.0)
    assert (out["start"] == 2010).all() and (out["end"] == 2012).all()


def test_cagr_chosen_years():
    out = cagr(_series({2010: 100.0, 2011: 125.0, 2012: 121.0}), start=2011, end=2012)
    assert out["cagr"].iloc[0] == pytest.approx(-3.2)  # 121/125 − 1 = −0.032


def test_cagr_bad_input(rejects):
    frame = pd.concat([_series({2010: 100.0, 2012: 121.0}), _series({2010: 50.0, 2011: 55.0}, "52")])
    with rejects("'year'", "no row for year 2012", "region_code='52'"):
        cagr(frame)  # 52 lacks the common end year: not measured over a shorter period
    with rejects("'value'", "zero level", "region_code='51'", "year=2010"):
        cagr(_series({2010: 0.0, 2012: 1.0}))
    with rejects("start year 2012 must be before end year 2010"):
        cagr(_series({2010: 1.0, 2012: 1.0}), start=2012, end=2010)


# --- index_to_base ------------------------------------------------------------------------------------


def test_index_to_base_by_hand():
    out = index_to_base(_series({2000: 50.0, 2001: 100.0, 2002: 125.0}), base=2001)
    # 50/100 × 100 = 50; 100/100 × 100 = 100; 125/100 × 100 = 125
    assert out["index_value"].tolist() == pytest.approx([50.0, 100.0, 125.0])


def test_index_to_base_bad_input(rejects):
    with rejects("'year'", "no row for year 1999", "region_code='51'"):
        index_to_base(_series({2000: 1.0}), base=1999)
    with rejects("'value'", "zero value in the base year", "year=2000"):
        index_to_base(_series({2000: 0.0, 2001: 1.0}), base=2000)


# --- contribution_to_growth ---------------------------------------------------------------------------


def _parts() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "region_code": "51",
            "industry_code": ["A", "B", "A", "B"],
            "year": [2019, 2019, 2020, 2020],
            "value": [60.0, 40.0, 66.0, 38.0],
        }
    )


def test_contribution_to_growth_by_hand():
    out = contribution_to_growth(_parts()).set_index(["industry_code", "year"])["contribution"]
    # total 100 → 104 (+4 %); A: (66 − 60)/100 × 100 = 6 pp; B: (38 − 40)/100 × 100 = −2 pp
    assert out["A", 2020] == pytest.approx(6.0)
    assert out["B", 2020] == pytest.approx(-2.0)
    assert math.isnan(out["A", 2019])


def test_contribution_bad_input(rejects):
    with rejects("misaligned", "region_code='51'", "industry_code='B'", "year=2020"):
        contribution_to_growth(_parts().iloc[:3])  # B missing in 2020: not silently zero
    with rejects("'value'", "total of the parts ≤ 0", "year=2019"):
        contribution_to_growth(_parts().assign(value=[0.0, 0.0, 1.0, 1.0]))
    with rejects("duplicate key"):
        contribution_to_growth(pd.concat([_parts(), _parts().iloc[:1]]))


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.lists(st.floats(min_value=0.0, max_value=1e6), min_size=3, max_size=3),
        min_size=2,
        max_size=6,
    ).filter(lambda rows: all(sum(r) > 1.0 for r in rows))
)
def test_contributions_sum_to_growth_of_total(rows):
    years = range(2000, 2000 + len(rows))
    frame = pd.DataFrame(
        [
            (y, part, v)
            for y, row in zip(years, rows, strict=True)
            for part, v in zip("ABC", row, strict=True)
        ],
        columns=["year", "industry_code", "value"],
    ).assign(region_code="53")
    summed = contribution_to_growth(frame).groupby("year")["contribution"].sum(min_count=1)
    total = yoy_growth(frame.groupby(["region_code", "year"], as_index=False)["value"].sum()).set_index(
        "year"
    )
    np.testing.assert_allclose(summed.iloc[1:], total["growth"].iloc[1:], rtol=1e-9, atol=1e-9)
