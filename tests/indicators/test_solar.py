"""clear_sky_irradiation: pvlib's clear-sky model at points (synthetic points, clearly named)."""

from __future__ import annotations

import pandas as pd
import pytest

from krbnn_analysis.errors import IndicatorInputError
from krbnn_analysis.indicators import clear_sky_irradiation

SYNTHETIC_POINTS = pd.DataFrame({"region_code": ["a", "b"], "lat": [-10.17, 60.0], "lon": [123.6, 10.0]})


def test_tropical_point_gets_more_clear_sky_irradiation_than_a_northern_one():
    out = clear_sky_irradiation(SYNTHETIC_POINTS, year=2017).set_index("region_code")["clear_sky_kwh_m2"]
    # a clear-sky year near Kupang is about 2,490 kWh/m² (pvlib, pipeline notes); at 60° N far less
    assert 2300 < out["a"] < 2700
    assert out["b"] < 0.6 * out["a"]


def test_output_keeps_the_order_and_coordinates_of_the_points():
    out = clear_sky_irradiation(SYNTHETIC_POINTS.iloc[::-1], year=2017)
    assert list(out["region_code"]) == ["b", "a"]
    assert list(out.columns) == ["region_code", "lat", "lon", "clear_sky_kwh_m2"]


def test_latitude_out_of_range_names_the_point():
    bad = SYNTHETIC_POINTS.assign(lat=[-10.0, 95.0])
    with pytest.raises(IndicatorInputError, match=r"'lat'.*region_code='b'"):
        clear_sky_irradiation(bad, year=2017)


def test_duplicate_points_raise():
    with pytest.raises(IndicatorInputError):
        clear_sky_irradiation(pd.concat([SYNTHETIC_POINTS, SYNTHETIC_POINTS]), year=2017)
