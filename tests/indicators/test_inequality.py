"""Inequality and convergence: Williamson, Theil (decomposition), weighted Gini, sigma, beta."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from krbnn_analysis import load
from krbnn_analysis.errors import IndicatorInputError
from krbnn_analysis.indicators import (
    beta_convergence,
    sigma_convergence,
    theil_index,
    williamson_index,
)


def _two() -> pd.DataFrame:
    return pd.DataFrame(
        {"year": 2020, "region_code": ["a", "b"], "value": [10.0, 30.0], "population": [3.0, 1.0]}
    )


def _four() -> pd.DataFrame:
    # group G1: a (y 10, p 3), b (y 30, p 1); group G2: c (y 20, p 2), d (y 20, p 2)
    return pd.DataFrame(
        {
            "year": 2020,
            "region_code": ["a", "b", "c", "d"],
            "province": ["G1", "G1", "G2", "G2"],
            "value": [10.0, 30.0, 20.0, 20.0],
            "population": [3.0, 1.0, 2.0, 2.0],
        }
    )


# --- Williamson ---------------------------------------------------------------------------------------


def test_williamson_by_hand():
    # ȳ = (10·3 + 30·1)/4 = 15; variance = 0.75·(10 − 15)² + 0.25·(30 − 15)² = 18.75 + 56.25 = 75
    # V_w = √75 / 15 = 0.57735 = 1/√3
    out = williamson_index(_two())
    assert out["williamson"].iloc[0] == pytest.approx(1.0 / math.sqrt(3.0))
    assert williamson_index(_two().assign(value=20.0))["williamson"].iloc[0] == 0.0


def test_williamson_bad_input(rejects):
    with rejects("'population'", "≤ 0", "year=2020", "region_code='b'"):
        williamson_index(_two().assign(population=[3.0, 0.0]))
    with rejects("'value'", "zero mean", "year=2020"):
        williamson_index(_two().assign(value=0.0))
    with rejects("duplicate key", "region_code='a'"):
        williamson_index(pd.concat([_two(), _two().iloc[:1]]))
    with rejects("'value'", "NaN", "year=2020", "region_code='a'"):
        williamson_index(_two().assign(value=[np.nan, 30.0]))


# --- Theil --------------------------------------------------------------------------------------------


def test_theil_by_hand():
    # Y = (30, 30): s = (0.5, 0.5), q = (0.75, 0.25)
    # T = 0.5 ln(0.5/0.75) + 0.5 ln(0.5/0.25) = 0.5 ln(4/3) = 0.143841
    assert theil_index(_two())["theil"].iloc[0] == pytest.approx(0.5 * math.log(4.0 / 3.0))


def test_theil_decomposition_by_hand():
    # Y: a 30, b 30, c 40, d 40 (total 140); P = 8. G1: Y 60, P 4; G2: Y 80, P 4.
    # between = (3/7) ln((3/7)/(1/2)) + (4/7) ln((4/7)/(1/2)) = (3/7) ln(6/7) + (4/7) ln(8/7)
    # within  = (3/7) · T_G1 + (4/7) · 0, T_G1 = 0.5 ln(4/3) (the two-region case above)
    # total   = (3/14) ln(48/49) + (4/7) ln(8/7)
    out = theil_index(_four(), group="province").iloc[0]
    assert out["between"] == pytest.approx(3 / 7 * math.log(6 / 7) + 4 / 7 * math.log(8 / 7))
    assert out["within"] == pytest.approx(3 / 7 * 0.5 * math.log(4 / 3))
    assert out["theil"] == pytest.approx(3 / 14 * math.log(48 / 49) + 4 / 7 * math.log(8 / 7))


def test_theil_zero_income_region_is_zero_term():
    # 0 · ln 0 = 0: one region with no income, one with all. s = (0, 1), q = (0.5, 0.5) → T = ln 2
    frame = pd.DataFrame(
        {"year": 2020, "region_code": ["a", "b"], "value": [0.0, 5.0], "population": [1.0, 1.0]}
    )
    assert theil_index(frame)["theil"].iloc[0] == pytest.approx(math.log(2.0))


def test_theil_bad_input(rejects):
    with rejects("'province'", "missing group label", "region_code='c'"):
        theil_index(_four().assign(province=["G1", "G1", None, "G2"]), group="province")
    with rejects("'value'", "negative", "region_code='b'"):
        theil_index(_two().assign(value=[1.0, -1.0]))
    with rejects("'value'", "zero total income", "year=2020"):
        theil_index(_two().assign(value=0.0))


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.floats(min_value=0.0, max_value=1e6),
            st.floats(min_value=0.01, max_value=1e7),
            st.sampled_from(["G1", "G2", "G3"]),
        ),
        min_size=2,
        max_size=12,
    ).filter(lambda rows: sum(y * p for y, p, _ in rows) > 1e-6)
)
def test_theil_between_plus_within_equals_total(rows):
    frame = pd.DataFrame(rows, columns=["value", "population", "province"])
    frame = frame.assign(year=2020, region_code=[f"r{i}" for i in range(len(frame))])
    out = theil_index(frame, group="province").iloc[0]
    assert out["between"] + out["within"] == pytest.approx(out["theil"], rel=1e-9, abs=1e-12)
    assert out["theil"] >= -1e-12 and out["between"] >= -1e-12 and out["within"] >= -1e-12


# --- a changing set of regions ----------------------------------------------------------------------------


def _changing() -> pd.DataFrame:
    """SYNTHETIC: a and b in 2020; a, b and c in 2021 (c enters). Restricted to {a, b}, 2021 is _two()."""
    return pd.concat(
        [
            _two(),
            _two().assign(year=2021),
            pd.DataFrame({"year": [2021], "region_code": ["c"], "value": [100.0], "population": [1.0]}),
        ],
        ignore_index=True,
    )


@pytest.mark.parametrize("index", [williamson_index, theil_index])
def test_changing_regions_are_refused_by_default(index, rejects):
    with rejects("membership changes across year", "'c'", "year=2020", "common_regions=True"):
        index(_changing())


def test_common_regions_restricts_and_reports_what_it_dropped():
    out = williamson_index(_changing(), common_regions=True).set_index("year")
    assert out["williamson"].to_list() == pytest.approx([1.0 / math.sqrt(3.0)] * 2)  # c is left out
    assert out["dropped"].to_dict() == {2020: "", 2021: "c"}
    theil = theil_index(_changing(), common_regions=True).set_index("year")
    assert theil.loc[2021, "theil"] == pytest.approx(theil_index(_two())["theil"].iloc[0])
    assert theil["dropped"].to_dict() == {2020: "", 2021: "c"}


@pytest.fixture(scope="module")
def kabkota_panel(grdp) -> pd.DataFrame:
    """Real kab/kota panel 2010–2020: per-capita GRDP (ADHK 2010, thousand IDR) with the population it
    implies (GRDP / per capita). Kabupaten and Kota Bima lack per-capita values in 2010–2015."""
    per_head = load("grdp_per_capita_kabkota")
    levels = grdp[(grdp["region_level"] == "kabkota") & (grdp["price_basis"] == "ADHK2010")]
    panel = per_head.merge(levels, on=["region_code", "year"], suffixes=("", "_grdp"))
    panel["population"] = panel["value_grdp"] * 1e6 / panel["value"]  # bn IDR / thousand IDR → persons
    panel["province"] = panel["region_code"].str[:2]
    return panel[["region_code", "province", "year", "value", "population"]]


def test_real_kabkota_panel_changes_membership(kabkota_panel):
    counts = kabkota_panel.groupby("year")["region_code"].nunique()
    assert counts.to_dict() == {
        **dict.fromkeys(range(2010, 2016), 39),
        **dict.fromkeys(range(2016, 2021), 41),
    }
    for index in (williamson_index, theil_index):
        with pytest.raises(IndicatorInputError, match=r"2 absent here \('5206', '5272'\).* at year=2010"):
            index(kabkota_panel)


def test_real_kabkota_panel_on_the_common_39(kabkota_panel):
    out = williamson_index(kabkota_panel, common_regions=True).set_index("year")
    expected = {**dict.fromkeys(range(2010, 2016), ""), **dict.fromkeys(range(2016, 2021), "5206;5272")}
    assert out["dropped"].to_dict() == expected
    common = kabkota_panel[~kabkota_panel["region_code"].isin(["5206", "5272"])]
    assert out["williamson"].to_list() == pytest.approx(williamson_index(common)["williamson"].to_list())
    theil = theil_index(kabkota_panel, group="province", common_regions=True)
    assert theil["dropped"].to_list() == list(expected.values())
    assert (theil["between"] + theil["within"]).to_list() == pytest.approx(theil["theil"].to_list())


# --- sigma and beta convergence -----------------------------------------------------------------------


def test_sigma_by_hand():
    frame = pd.DataFrame(
        {
            "region_code": ["a", "b", "a", "b"],
            "year": [2010, 2010, 2020, 2020],
            "value": [math.e**1, math.e**3, math.e**1.5, math.e**2.5],
        }
    )
    out = sigma_convergence(frame).set_index("year")
    # logs (1, 3): sd (ddof 0) = 1; logs (1.5, 2.5): sd = 0.5 → sigma convergence
    assert out.loc[2010, "sigma"] == pytest.approx(1.0)
    assert out.loc[2020, "sigma"] == pytest.approx(0.5)
    # cv 2010: values e and e³: sd = (e³ − e)/2, mean = (e³ + e)/2 → (e² − 1)/(e² + 1) = tanh(1)
    assert out.loc[2010, "cv"] == pytest.approx(math.tanh(1.0))


def test_sigma_bad_input(rejects):
    frame = pd.DataFrame(
        {"region_code": ["a", "b", "a"], "year": [2010, 2010, 2020], "value": [1.0, 2.0, 3.0]}
    )
    with rejects("misaligned", "region_code='b'", "year=2020"):
        sigma_convergence(frame)
    with rejects("'value'", "≤ 0", "region_code='b'"):
        sigma_convergence(frame.assign(value=[1.0, 0.0, 3.0]))
    with rejects("at least two regions"):
        sigma_convergence(frame.iloc[[0, 2]])


def _beta_frame(slope: float, horizon: int = 10) -> pd.DataFrame:
    # ln y0 = 0, 1, 2; mean log growth g = 0.05 + slope · ln y0 exactly
    x = np.array([0.0, 1.0, 2.0])
    y_end = np.exp(x + horizon * (0.05 + slope * x))
    return pd.DataFrame(
        {
            "region_code": ["a", "b", "c"] * 2,
            "year": [2010] * 3 + [2010 + horizon] * 3,
            "value": np.r_[np.exp(x), y_end],
        }
    )


def test_beta_by_hand():
    out = beta_convergence(_beta_frame(-0.01)).iloc[0]
    assert out["slope"] == pytest.approx(-0.01) and out["intercept"] == pytest.approx(0.05)
    assert out["r_squared"] == pytest.approx(1.0) and out["slope_se"] == pytest.approx(0.0, abs=1e-12)
    # beta = −ln(1 − 0.01 × 10)/10 = −ln(0.9)/10 = 0.0105361; half-life = ln 2 / beta = 65.79 years
    assert out["beta"] == pytest.approx(-math.log(0.9) / 10)
    assert out["half_life"] == pytest.approx(65.788, abs=1e-3)
    assert out["n_regions"] == 3 and (out["start"], out["end"]) == (2010, 2020)


def test_beta_two_percent_has_a_half_life_of_about_35_years():
    # Barro and Sala-i-Martin (2004, ch. 11): convergence at 2 % a year ⇒ half-life ≈ 35 years.
    # For T = 10 the slope giving beta = 0.02 is b = −(1 − e^(−0.2))/10 = −0.0181269.
    out = beta_convergence(_beta_frame(-(1 - math.exp(-0.2)) / 10)).iloc[0]
    assert out["beta"] == pytest.approx(0.02)
    assert out["half_life"] == pytest.approx(math.log(2) / 0.02) and round(out["half_life"]) == 35


def test_beta_divergence_has_no_half_life():
    out = beta_convergence(_beta_frame(0.01)).iloc[0]
    assert out["beta"] < 0 and math.isnan(out["half_life"])


def test_beta_bad_input(rejects):
    frame = _beta_frame(-0.01)
    with rejects("misaligned", "region_code='c'", "year=2020"):
        beta_convergence(frame.iloc[:5])
    with rejects("at least 3 regions"):
        beta_convergence(frame[frame["region_code"] != "c"])
    with rejects("'value'", "≤ 0", "region_code='a'", "year=2010"):
        beta_convergence(frame.assign(value=np.r_[0.0, frame["value"].iloc[1:]]))
    with rejects("same value in 2010"):
        beta_convergence(frame.assign(value=[1.0, 1.0, 1.0, 2.0, 3.0, 4.0]))
