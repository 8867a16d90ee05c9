"""Structure: shares, location_quotient, krugman_index, herfindahl_index."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from krbnn_analysis.indicators import herfindahl_index, krugman_index, location_quotient, shares


def _two_regions() -> pd.DataFrame:
    # R1: A 10, B 30 (total 40); R2: A 30, B 30 (total 60). Sum: A 40, B 60, total 100.
    return pd.DataFrame(
        {
            "region_code": ["R1", "R1", "R2", "R2"],
            "industry_code": ["A", "B", "A", "B"],
            "value": [10.0, 30.0, 30.0, 30.0],
        }
    )


def _grid(values: list[list[float]]) -> pd.DataFrame:
    """Regions R0… × industries I0… from a nested list."""
    return pd.DataFrame(
        [(f"R{r}", f"I{i}", v) for r, row in enumerate(values) for i, v in enumerate(row)],
        columns=["region_code", "industry_code", "value"],
    )


positive_grid = st.integers(min_value=2, max_value=5).flatmap(
    lambda n_ind: st.lists(
        st.lists(st.floats(min_value=0.01, max_value=1e6), min_size=n_ind, max_size=n_ind),
        min_size=2,
        max_size=6,
    )
)


# --- shares -------------------------------------------------------------------------------------------


def test_shares_by_hand():
    out = shares(_two_regions(), by="region_code").set_index(["region_code", "industry_code"])["share"]
    assert out["R1", "A"] == pytest.approx(0.25)  # 10 / 40
    assert out["R1", "B"] == pytest.approx(0.75)  # 30 / 40
    assert out["R2", "A"] == pytest.approx(0.5)  # 30 / 60


def test_shares_bad_input(rejects):
    with rejects("'value'", "zero denominator", "region_code='R1'"):
        shares(_two_regions().assign(value=[0.0, 0.0, 1.0, 1.0]), by="region_code")
    with rejects("'value'", "negative", "region_code='R2'", "industry_code='A'"):
        shares(_two_regions().assign(value=[1.0, 1.0, -1.0, 1.0]), by="region_code")
    with rejects("duplicate key", "region_code='R1'", "industry_code='A'"):
        shares(pd.concat([_two_regions(), _two_regions().iloc[:1]]), by="region_code")


@settings(max_examples=25, deadline=None)
@given(positive_grid)
def test_shares_sum_to_one(values):
    out = shares(_grid(values), by="region_code")
    np.testing.assert_allclose(out.groupby("region_code")["share"].sum(), 1.0, rtol=1e-12)


# --- location_quotient --------------------------------------------------------------------------------


def test_location_quotient_by_hand():
    lq = location_quotient(_two_regions()).set_index(["region_code", "industry_code"])["lq"]
    # reference = sum of regions: A 40/100 = 0.4, B 60/100 = 0.6
    assert lq["R1", "A"] == pytest.approx(0.625)  # (10/40) / 0.4 = 0.25 / 0.4
    assert lq["R1", "B"] == pytest.approx(1.25)  # (30/40) / 0.6 = 0.75 / 0.6
    assert lq["R2", "A"] == pytest.approx(1.25)  # (30/60) / 0.4
    assert lq["R2", "B"] == pytest.approx(0.5 / 0.6)  # 0.8333…


def test_location_quotient_external_reference_and_time():
    frame = pd.concat([_two_regions().assign(year=2019), _two_regions().assign(year=2020)])
    # reference: A 1, B 3 in both years → shares 0.25 and 0.75
    ref = pd.DataFrame(
        {"industry_code": ["A", "B"] * 2, "year": [2019, 2019, 2020, 2020], "value": [1.0, 3.0] * 2}
    )
    lq = location_quotient(frame, time="year", reference=ref).set_index(
        ["region_code", "industry_code", "year"]
    )["lq"]
    assert lq["R1", "A", 2020] == pytest.approx(1.0)  # (10/40) / 0.25
    assert lq["R2", "A", 2019] == pytest.approx(2.0)  # (30/60) / 0.25
    assert lq["R2", "B", 2019] == pytest.approx(2.0 / 3.0)  # (30/60) / 0.75


def test_location_quotient_reference_region_in_frame():
    frame = pd.concat(
        [
            _two_regions(),
            pd.DataFrame({"region_code": "ALL", "industry_code": ["A", "B"], "value": [4.0, 6.0]}),
        ]
    )
    lq = location_quotient(frame, reference="ALL").set_index(["region_code", "industry_code"])["lq"]
    assert lq["ALL", "A"] == pytest.approx(1.0) and lq["ALL", "B"] == pytest.approx(1.0)
    assert lq["R1", "A"] == pytest.approx(0.625)  # ALL has the same structure as R1 + R2


def test_location_quotient_bad_input(rejects):
    with rejects("misaligned", "region_code='R2'", "industry_code='B'"):
        location_quotient(_two_regions().iloc[:3])  # a missing row is not read as zero
    with rejects("'value'", "NaN", "region_code='R1'", "industry_code='B'"):
        location_quotient(_two_regions().assign(value=[1.0, np.nan, 1.0, 1.0]))
    with rejects("'value'", "zero denominator", "region_code='R1'"):
        location_quotient(_two_regions().assign(value=[0.0, 0.0, 1.0, 1.0]))
    with rejects("'value'", "zero denominator", "reference total of the industry_code", "industry_code='A'"):
        location_quotient(_two_regions().assign(value=[0.0, 1.0, 0.0, 1.0]))
    with rejects("misaligned", "present in frame but not in reference", "industry_code='B'"):
        location_quotient(_two_regions(), reference=pd.DataFrame({"industry_code": ["A"], "value": [1.0]}))
    with rejects("reference region 'XX' not in the data"):
        location_quotient(_two_regions(), reference="XX")
    with rejects("duplicate key", "region_code='R1'", "industry_code='A'"):
        location_quotient(pd.concat([_two_regions(), _two_regions().iloc[:1]]))


@settings(max_examples=25, deadline=None)
@given(positive_grid)
def test_location_quotient_identities(values):
    frame = _grid(values)
    totals = frame.groupby("industry_code", as_index=False)["value"].sum().assign(region_code="ALL")
    lq = location_quotient(pd.concat([frame, totals]), reference="ALL")
    # the reference region's LQ is 1 in every industry
    np.testing.assert_allclose(lq.loc[lq["region_code"] == "ALL", "lq"], 1.0, rtol=1e-12)
    # every region's LQs, weighted by the reference industry shares, average to 1
    weights = (totals.set_index("industry_code")["value"] / totals["value"].sum()).rename("w")
    weighted = lq.join(weights, on="industry_code").eval("lq * w").groupby(lq["region_code"]).sum()
    np.testing.assert_allclose(weighted, 1.0, rtol=1e-9)
    # default reference (sum of regions): the region-size-weighted mean of each industry's LQs is 1
    lq0 = location_quotient(frame)
    size = frame.groupby("region_code")["value"].sum() / frame["value"].sum()
    by_industry = (lq0["lq"] * lq0["region_code"].map(size)).groupby(lq0["industry_code"]).sum()
    np.testing.assert_allclose(by_industry, 1.0, rtol=1e-9)


# --- krugman_index ------------------------------------------------------------------------------------


def test_krugman_by_hand():
    k = krugman_index(_two_regions()).set_index("region_code")["krugman"]
    assert k["R1"] == pytest.approx(0.3)  # |0.25 − 0.4| + |0.75 − 0.6| = 0.15 + 0.15
    assert k["R2"] == pytest.approx(0.2)  # |0.5 − 0.4| + |0.5 − 0.6|


def test_krugman_bounds_and_bad_input(rejects):
    disjoint = _grid([[1.0, 0.0], [0.0, 1.0]])
    same = krugman_index(disjoint, reference="R0").set_index("region_code")["krugman"]
    assert same["R0"] == 0.0 and same["R1"] == pytest.approx(2.0)  # no industry in common: the maximum
    # a zero reference industry is fine here (no division by it), a zero reference total is not
    ref = pd.DataFrame({"industry_code": ["I0", "I1"], "value": [0.0, 1.0]})
    assert krugman_index(disjoint, reference=ref)["krugman"].tolist() == pytest.approx([2.0, 0.0])
    with rejects("'value'", "zero denominator (reference total)"):
        krugman_index(disjoint, reference=ref.assign(value=0.0))
    with rejects("misaligned", "region_code='R1'", "industry_code='I1'"):
        krugman_index(disjoint.iloc[:3])


# --- herfindahl_index ---------------------------------------------------------------------------------


def test_herfindahl_by_hand():
    frame = pd.DataFrame({"region_code": "51", "industry_code": ["A", "B", "C"], "value": [50.0, 30.0, 20.0]})
    out = herfindahl_index(frame, by="region_code").iloc[0]
    assert out["hhi"] == pytest.approx(0.38)  # 0.5² + 0.3² + 0.2² = 0.25 + 0.09 + 0.04
    assert out["hhi_normalised"] == pytest.approx(0.07)  # (0.38 − 1/3) / (1 − 1/3) = 0.04667 / 0.6667
    assert out["n_parts"] == 3
    single = herfindahl_index(frame.iloc[:1], by="region_code").iloc[0]
    assert single["hhi"] == 1.0 and math.isnan(single["hhi_normalised"])


def test_herfindahl_bad_input(rejects):
    with rejects("'value'", "negative", "industry_code='B'"):
        herfindahl_index(
            pd.DataFrame({"region_code": "51", "industry_code": ["A", "B"], "value": [1.0, -1.0]}),
            by="region_code",
        )
