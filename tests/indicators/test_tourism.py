"""Tourism: seasonal ratios, seasonal Gini, recovery ratio, market concentration."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from krbnn_analysis.indicators import (
    market_concentration,
    recovery_ratio,
    seasonal_extremes,
    seasonal_gini,
    seasonal_profile,
    seasonal_ratios,
)

# A purely seasonal pattern with mean 100 (sum 1200): the 2×12 moving average of a series repeating it
# is exactly 100 (its half-weighted ends fall on the same calendar month), so ratio = pattern / 100.
PATTERN = [80.0, 90.0, 100.0, 110.0, 120.0, 130.0, 120.0, 110.0, 100.0, 90.0, 80.0, 70.0]


def _monthly(values: list[float], start: str = "2018-01", region: str = "51") -> pd.DataFrame:
    months = pd.period_range(start, periods=len(values), freq="M")
    return pd.DataFrame({"region_code": region, "month": months, "value": values})


# --- seasonal_ratios ----------------------------------------------------------------------------------


def test_seasonal_ratios_by_hand():
    out = seasonal_ratios(_monthly(PATTERN * 2))
    assert out["ratio"].iloc[:6].isna().all() and out["ratio"].iloc[-6:].isna().all()  # no centred window
    # July 2018 (position 6): MA = (½·80 + 90 + 100 + … + 70 + ½·80)/12 = (40 + 1120 + 40)/12 = 100
    assert out["moving_average"].iloc[6] == pytest.approx(100.0)
    assert out["ratio"].iloc[6] == pytest.approx(1.2)  # 120 / 100
    np.testing.assert_allclose(out["ratio"].iloc[6:18], np.roll(PATTERN, -6) / 100.0)


def test_seasonal_ratios_accepts_datetimes_and_strings():
    frame = _monthly(PATTERN * 2)
    as_dates = seasonal_ratios(frame.assign(month=frame["month"].dt.to_timestamp()))
    as_text = seasonal_ratios(frame.assign(month=frame["month"].astype(str)))
    np.testing.assert_allclose(as_dates["ratio"].iloc[6:18], as_text["ratio"].iloc[6:18])
    assert as_text["ratio"].iloc[6] == pytest.approx(1.2)


def test_seasonal_ratio_is_nan_where_the_moving_average_is_zero():
    out = seasonal_ratios(_monthly([0.0] * 13))
    assert out["moving_average"].iloc[6] == 0.0 and math.isnan(out["ratio"].iloc[6])


def test_seasonal_ratios_bad_input(rejects):
    frame = _monthly(PATTERN * 2)
    with rejects("'month'", "gap in the monthly series", "previous month 2018-03", "region_code='51'"):
        seasonal_ratios(frame.drop(index=3))
    with rejects("'value'", "negative", "region_code='51'"):
        seasonal_ratios(frame.assign(value=-1.0))
    dates = frame.assign(month=frame["month"].dt.to_timestamp())
    dates.loc[1, "month"] = pd.Timestamp("2018-01-15")  # two dates in January 2018
    with rejects("duplicate key", "month=Period('2018-01', 'M')"):
        seasonal_ratios(dates)
    with rejects("'month'", "cannot read as monthly periods"):
        seasonal_ratios(frame.assign(month=range(len(frame))))
    with rejects("'month'", "periods must be monthly"):
        seasonal_ratios(frame.assign(month=pd.period_range("2018Q1", periods=len(frame), freq="Q")))
    with rejects("'value'", "NaN", "region_code='51'", "month=Period('2018-03', 'M')"):
        seasonal_ratios(frame.assign(value=[1.0, 1.0, np.nan] + [1.0] * 21))


# --- seasonal_gini ------------------------------------------------------------------------------------


def test_seasonal_gini_by_hand():
    # six months of 0 and six of 100: G = 2·100·(7 + … + 12)/(12·600) − 13/12 = 11400/7200 − 13/12 = 0.5
    half = seasonal_gini(_monthly([0.0] * 6 + [100.0] * 6))
    assert half["gini"].iloc[0] == pytest.approx(0.5) and half["year"].iloc[0] == 2018
    flat = seasonal_gini(_monthly([10.0] * 12))
    assert flat["gini"].iloc[0] == pytest.approx(0.0, abs=1e-15)
    peak = seasonal_gini(_monthly([0.0] * 11 + [5.0]))
    assert peak["gini"].iloc[0] == pytest.approx(11.0 / 12.0)  # 2·12·5/(12·5) − 13/12


def test_seasonal_gini_bad_input(rejects):
    with rejects("'month'", "incomplete year: month 12 missing", "region_code='51'", "year=2018"):
        seasonal_gini(_monthly(PATTERN[:11]))
    with rejects("'value'", "zero total", "year=2018"):
        seasonal_gini(_monthly([0.0] * 12))


# --- recovery_ratio -----------------------------------------------------------------------------------


def test_recovery_ratio_by_hand():
    frame = pd.DataFrame({"region_code": "51", "year": [2018, 2019, 2022], "value": [100.0, 200.0, 150.0]})
    out = recovery_ratio(frame, base=2019).set_index("year")["recovery"]
    assert out[2022] == pytest.approx(0.75)  # 150 / 200
    assert out[2019] == 1.0
    two_base = recovery_ratio(frame, base=[2018, 2019]).set_index("year")["recovery"]
    assert two_base[2022] == pytest.approx(1.0)  # 150 / mean(100, 200)


def test_recovery_ratio_same_month():
    frame = pd.DataFrame(
        {
            "region_code": "51",
            "year": [2019, 2019, 2023, 2023],
            "moy": [1, 7, 1, 7],
            "value": [400, 600, 300, 540],
        }
    )
    out = recovery_ratio(frame, base=2019, by=("region_code", "moy")).set_index(["moy", "year"])["recovery"]
    assert out[1, 2023] == pytest.approx(0.75)  # 300 / 400
    assert out[7, 2023] == pytest.approx(0.9)  # 540 / 600


def test_recovery_ratio_bad_input(rejects):
    frame = pd.DataFrame(
        {"region_code": ["51", "51", "52"], "year": [2019, 2022, 2022], "value": [1.0, 2.0, 3.0]}
    )
    with rejects("'year'", "no row for base period 2019", "region_code='52'"):
        recovery_ratio(frame, base=2019)
    with rejects("'value'", "zero base level", "region_code='51'"):
        recovery_ratio(frame.iloc[:2].assign(value=[0.0, 1.0]), base=2019)


# --- market_concentration -----------------------------------------------------------------------------


def test_market_concentration_by_hand():
    frame = pd.DataFrame(
        {"region_code": "51", "year": 2019, "market": ["AU", "CN", "IN"], "value": [50, 30, 20]}
    )
    out = market_concentration(frame).iloc[0]
    assert out["hhi"] == pytest.approx(0.38)  # 0.25 + 0.09 + 0.04
    assert out["top_part"] == "AU" and out["top_share"] == pytest.approx(0.5)
    assert out["n_parts"] == 3


def test_market_concentration_bad_input(rejects):
    frame = pd.DataFrame({"region_code": "51", "year": 2019, "market": ["AU", "AU"], "value": [1.0, 2.0]})
    with rejects("duplicate key", "market='AU'"):
        market_concentration(frame)


# --- seasonal_profile / seasonal_extremes -------------------------------------------------------------


def test_seasonal_profile_of_a_pure_pattern_is_the_pattern_over_its_mean():
    profile = seasonal_profile(_monthly(PATTERN * 3))
    assert list(profile["calendar_month"]) == list(range(1, 13))
    assert profile["ratio"].to_numpy() == pytest.approx(np.array(PATTERN) / 100)


def test_seasonal_extremes_name_june_as_peak_and_december_as_low():
    extremes = seasonal_extremes(seasonal_profile(_monthly(PATTERN * 3)))
    assert extremes.loc["51", "peak_month"] == 6  # 130
    assert extremes.loc["51", "peak_ratio"] == pytest.approx(1.3)
    assert extremes.loc["51", "low_month"] == 12  # 70
    assert extremes.loc["51", "low_ratio"] == pytest.approx(0.7)
