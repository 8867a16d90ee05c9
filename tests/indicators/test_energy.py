"""Energy: renewable_share, potential_utilisation, capacity_factor, per_capita."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from krbnn_analysis import load
from krbnn_analysis.indicators import capacity_factor, per_capita, potential_utilisation, renewable_share


def _capacity() -> pd.DataFrame:
    """SYNTHETIC capacities (MW) of one system, flagged from the technology vocabulary."""
    return pd.DataFrame(
        {
            "region_code": "52",
            "year": 2020,
            "technology": ["hydro", "geothermal", "coal"],
            "value": [20.0, 30.0, 150.0],
        }
    )


def test_renewable_share_by_hand():
    out = renewable_share(_capacity()).iloc[0]  # no `renewable` column: flagged from the technologies
    assert out["renewable_value"] == 50.0 and out["total"] == 200.0
    assert out["renewable_share"] == pytest.approx(0.25)  # (20 + 30) / 200
    # The frame's own flag wins over the vocabulary (e.g. plant types such as micro_hydro).
    flagged = _capacity().assign(
        technology=["micro_hydro", "geothermal", "coal"], renewable=[True, True, False]
    )
    assert renewable_share(flagged)["renewable_share"].iloc[0] == pytest.approx(0.25)


def test_renewable_share_of_the_curated_tables():
    # electricity_2019_by_type: NTB installed capacity 2019 (MW), renewable plant types by their flag
    table = load("electricity_2019_by_type")
    ntb = table[(table["indicator"] == "installed_capacity") & (table["category"] != "total")]
    ntb = ntb[ntb["region_code"] == "52"]
    out = renewable_share(ntb, technology="category").iloc[0]
    renewable = ntb.loc[ntb["renewable"].astype(bool), "value"].sum()
    assert out["renewable_value"] == pytest.approx(renewable) and out["total"] == pytest.approx(
        ntb["value"].sum()
    )
    # power_plants: known technologies only (storage and unknown have no flag), by province
    plants = load("power_plants").dropna(subset=["renewable", "capacity_mw"])
    shares = renewable_share(plants, value="capacity_mw", by=("province_code",)).set_index("province_code")
    assert set(shares.index) == {"51", "52", "53"}
    assert ((shares["renewable_share"] >= 0) & (shares["renewable_share"] <= 1)).all()


def test_renewable_share_bad_input(rejects):
    with rejects("'technology'", "not a renewable or non-renewable technology", "technology='Hydro'"):
        renewable_share(_capacity().assign(technology=["Hydro", "geothermal", "coal"]))
    with rejects("'technology'", "empty 'renewable' flag", "technology='storage'"):
        renewable_share(
            _capacity().assign(technology=["storage", "geothermal", "coal"], renewable=[None, True, False])
        )
    with rejects("'value'", "zero denominator", "region_code='52'", "year=2020"):
        renewable_share(_capacity().assign(value=0.0))
    with rejects("'region_code'", "missing value"):
        renewable_share(_capacity().assign(region_code=[None, "52", "52"]))


def test_potential_utilisation_by_hand():
    frame = pd.DataFrame(
        {
            "region_code": ["53", "53"],
            "technology": ["geothermal", "solar"],
            "installed_mw": [12.0, 30.0],
            "potential_mw": [120.0, 20.0],
        }
    )
    out = potential_utilisation(frame).set_index("technology")["utilisation"]
    assert out["geothermal"] == pytest.approx(0.1)  # 12 / 120
    assert out["solar"] == pytest.approx(1.5)  # above 1 is reported, not rejected


def test_potential_utilisation_bad_input(rejects):
    frame = pd.DataFrame(
        {"region_code": ["53"], "technology": ["wind"], "installed_mw": [1.0], "potential_mw": [0.0]}
    )
    with rejects("'potential_mw'", "≤ 0", "region_code='53'", "technology='wind'"):
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
