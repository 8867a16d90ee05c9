"""Energy: renewable_share, potential_utilisation, capacity_factor, per_capita."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from krbnn_analysis.indicators import capacity_factor, per_capita, potential_utilisation, renewable_share

RENEWABLE = {"hydro", "geothermal", "solar", "wind", "bioenergy"}
FOSSIL = {"coal", "gas", "diesel"}


def _capacity() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "region_code": "52",
            "year": 2020,
            "source": ["hydro", "geothermal", "coal"],
            "value": [20.0, 30.0, 150.0],
        }
    )


def test_renewable_share_by_hand():
    out = renewable_share(_capacity(), renewable=RENEWABLE, non_renewable=FOSSIL).iloc[0]
    assert out["renewable"] == 50.0 and out["total"] == 200.0
    assert out["renewable_share"] == pytest.approx(0.25)  # (20 + 30) / 200


def test_renewable_share_bad_input(rejects):
    with rejects("'source'", "in neither", "source='Hydro'"):
        renewable_share(
            _capacity().assign(source=["Hydro", "geothermal", "coal"]),
            renewable=RENEWABLE,
            non_renewable=FOSSIL,
        )
    with rejects("'source'", "'gas' is in both"):
        renewable_share(_capacity(), renewable=RENEWABLE | {"gas"}, non_renewable=FOSSIL)
    with rejects("'value'", "zero denominator", "region_code='52'", "year=2020"):
        renewable_share(_capacity().assign(value=0.0), renewable=RENEWABLE, non_renewable=FOSSIL)
    with rejects("duplicate key", "source='coal'"):
        renewable_share(
            pd.concat([_capacity(), _capacity().iloc[[2]]]), renewable=RENEWABLE, non_renewable=FOSSIL
        )


def test_potential_utilisation_by_hand():
    frame = pd.DataFrame(
        {
            "region_code": ["53", "53"],
            "source": ["geothermal", "solar"],
            "installed_mw": [12.0, 30.0],
            "potential_mw": [120.0, 20.0],
        }
    )
    out = potential_utilisation(frame).set_index("source")["utilisation"]
    assert out["geothermal"] == pytest.approx(0.1)  # 12 / 120
    assert out["solar"] == pytest.approx(1.5)  # above 1 is reported, not rejected


def test_potential_utilisation_bad_input(rejects):
    frame = pd.DataFrame(
        {"region_code": ["53"], "source": ["wind"], "installed_mw": [1.0], "potential_mw": [0.0]}
    )
    with rejects("'potential_mw'", "≤ 0", "region_code='53'", "source='wind'"):
        potential_utilisation(frame)


def test_capacity_factor_by_hand():
    frame = pd.DataFrame(
        {"region_code": ["51"], "year": [2019], "generation_gwh": [876.0], "capacity_mw": [200.0]}
    )
    # 876 GWh = 876 000 MWh; 200 MW × 8760 h = 1 752 000 MWh → 0.5
    assert capacity_factor(frame)["capacity_factor"].iloc[0] == pytest.approx(0.5)
    assert capacity_factor(frame, hours=8784)["capacity_factor"].iloc[0] == pytest.approx(
        876_000 / (200 * 8784)
    )


def test_capacity_factor_bad_input(rejects):
    frame = pd.DataFrame(
        {"region_code": ["51"], "year": [2019], "generation_gwh": [2000.0], "capacity_mw": [200.0]}
    )
    with rejects("'generation_gwh'", "capacity factor 1.142 > 1", "region_code='51'", "year=2019"):
        capacity_factor(frame)  # 2 000 000 MWh / 1 752 000 MWh: a unit error, not a fact
    with rejects("'capacity_mw'", "≤ 0", "year=2019"):
        capacity_factor(frame.assign(capacity_mw=0.0))
    with rejects("hours must be a positive number"):
        capacity_factor(frame, hours=0)
    with rejects("'generation_gwh'", "negative", "region_code='51'"):
        capacity_factor(frame.assign(generation_gwh=-1.0))


def test_per_capita_by_hand():
    use = pd.DataFrame({"region_code": ["51", "52"], "year": [2020, 2020], "value": [4000.0, 2.0]})
    pop = pd.DataFrame(
        {"region_code": ["52", "51"], "year": [2020, 2020], "value": [2_000_000.0, 4_000_000.0]}
    )
    out = per_capita(use, pop, scale=1e6).set_index("region_code")["per_capita"]
    assert out["51"] == pytest.approx(1000.0)  # 4000 GWh × 10⁶ kWh/GWh / 4 000 000 persons
    assert out["52"] == pytest.approx(1.0)


def test_per_capita_bad_input(rejects):
    use = pd.DataFrame({"region_code": ["51", "53"], "year": [2020, 2020], "value": [1.0, 2.0]})
    pop = pd.DataFrame({"region_code": ["51", "52"], "year": [2020, 2020], "value": [10.0, 20.0]})
    with rejects("'value'", "no population", "region_code='53'", "year=2020"):
        per_capita(use, pop)
    with rejects("'value'", "≤ 0", "region_code='52'"):
        per_capita(use, pop.assign(value=[10.0, 0.0]))
    with rejects("'value'", "NaN", "region_code='53'"):
        per_capita(use.assign(value=[1.0, np.nan]), pop)
