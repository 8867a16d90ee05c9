"""Trade and specialisation: Balassa RCA, Michaely TCI, production-based complementarity."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from krbnn_analysis.indicators import (
    balassa_rca,
    location_quotient,
    production_surplus,
    specialisation_complementarity,
    trade_complementarity_index,
)


def _flows(rows: dict[str, list[float]], products: str = "ABC") -> pd.DataFrame:
    return pd.DataFrame(
        [(r, p, v) for r, values in rows.items() for p, v in zip(products, values, strict=True)],
        columns=["region_code", "product_code", "value"],
    )


# --- Balassa RCA --------------------------------------------------------------------------------------


def test_rca_by_hand():
    # exports: J (A 10, B 30), K (A 30, B 30); world = J + K: A 40/100, B 60/100
    exports = _flows({"J": [10.0, 30.0], "K": [30.0, 30.0]}, "AB")
    rca = balassa_rca(exports).set_index(["region_code", "product_code"])["rca"]
    assert rca["J", "A"] == pytest.approx(0.625)  # (10/40) / (40/100)
    assert rca["K", "A"] == pytest.approx(1.25)  # (30/60) / (40/100)
    # with world exports given: A 1, B 1 → shares 0.5 → RCA_J,B = 0.75 / 0.5 = 1.5
    world = pd.DataFrame({"product_code": ["A", "B"], "value": [1.0, 1.0]})
    assert balassa_rca(exports, reference=world).set_index(["region_code", "product_code"]).loc[
        ("J", "B"), "rca"
    ] == pytest.approx(1.5)
    # it is the location quotient applied to exports
    lq = location_quotient(exports, industry="product_code")
    np.testing.assert_allclose(rca.to_numpy(), lq["lq"].to_numpy())


def test_rca_bad_input(rejects):
    exports = _flows({"J": [10.0, 30.0], "K": [30.0, 30.0]}, "AB")
    with rejects("misaligned", "region_code='K'", "product_code='B'"):
        balassa_rca(exports.iloc[:3])  # an omitted zero flow must be written, not guessed
    with rejects("'value'", "zero denominator", "product_code='A'"):
        balassa_rca(exports.assign(value=[0.0, 30.0, 0.0, 30.0]))


# --- Michaely TCI -------------------------------------------------------------------------------------


def _tci_frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    exports = _flows({"J": [50.0, 50.0, 0.0], "I": [10.0, 10.0, 80.0]})
    imports = _flows({"J": [40.0, 40.0, 20.0], "I": [20.0, 30.0, 50.0]})
    return exports, imports


def test_tci_by_hand():
    out = trade_complementarity_index(*_tci_frames()).set_index(["exporter", "importer"])["tci"]
    # J exports (0.5, 0.5, 0) vs I imports (0.2, 0.3, 0.5): Σ|·| = 0.3 + 0.2 + 0.5 = 1.0 → 100·(1 − 0.5)
    assert out["J", "I"] == pytest.approx(50.0)
    # I exports (0.1, 0.1, 0.8) vs J imports (0.4, 0.4, 0.2): Σ|·| = 0.3 + 0.3 + 0.6 = 1.2 → 100·(1 − 0.6)
    assert out["I", "J"] == pytest.approx(40.0)
    assert len(out) == 2  # ordered pairs of different regions only


def test_tci_bad_input(rejects):
    exports, imports = _tci_frames()
    with rejects("misaligned", "product in exports but not in imports", "product_code='C'"):
        trade_complementarity_index(exports, imports[imports["product_code"] != "C"])
    with rejects("in imports", "'value'", "zero denominator", "region_code='I'"):
        trade_complementarity_index(exports, imports.assign(value=[40.0, 40.0, 20.0, 0.0, 0.0, 0.0]))
    with rejects("in exports", "duplicate key", "region_code='J'", "product_code='A'"):
        trade_complementarity_index(pd.concat([exports, exports.iloc[:1]]), imports)
    with rejects("in exports", "'value'", "NaN", "region_code='I'", "product_code='C'"):
        trade_complementarity_index(exports.assign(value=[50.0, 50.0, 0.0, 10.0, 10.0, np.nan]), imports)
    with rejects("'value'", "negative", "region_code='J'", "product_code='B'"):
        balassa_rca(exports.assign(value=[50.0, -50.0, 0.0, 10.0, 10.0, 80.0]))


# --- production-based complementarity -----------------------------------------------------------------


def test_specialisation_complementarity_by_hand():
    frame = pd.DataFrame(
        {
            "region_code": ["51", "51", "52", "52", "53", "53"],
            "industry_code": ["A", "B"] * 3,
            "value": [10.0, 30.0, 30.0, 30.0, 5.0, 15.0],
        }
    )
    out = specialisation_complementarity(frame).set_index(["region_a", "region_b"])
    # 51 (0.25, 0.75) vs 52 (0.5, 0.5): K = 0.25 + 0.25 = 0.5; similarity = 0.25 + 0.5 = 0.75
    assert out.loc[("51", "52"), "krugman"] == pytest.approx(0.5)
    assert out.loc[("51", "52"), "similarity"] == pytest.approx(0.75)
    assert out.loc[("51", "52"), "complementarity"] == pytest.approx(0.25)
    # 51 and 53 have the same structure (5/20 = 0.25): nothing to complement
    assert out.loc[("51", "53"), "complementarity"] == pytest.approx(0.0)
    assert list(out.index) == [("51", "52"), ("51", "53"), ("52", "53")]


def test_specialisation_complementarity_bad_input(rejects):
    frame = pd.DataFrame({"region_code": ["51", "51", "52"], "industry_code": ["A", "B", "A"], "value": 1.0})
    with rejects("'region_code'", "region '53' not in the data"):
        specialisation_complementarity(frame)
    with rejects("misaligned", "region_code='52'", "industry_code='B'"):
        specialisation_complementarity(frame, regions=("51", "52"))
    with rejects("at least two regions"):
        specialisation_complementarity(frame, regions=("51",))


# --- production surplus (population benchmark) ------------------------------------------------------


def test_production_surplus_by_hand():
    production = _flows({"a": [10.0, 0.0], "b": [30.0, 40.0]}, "pq")
    out = production_surplus(production, pd.Series({"a": 1.0, "b": 3.0})).set_index(
        ["region_code", "product_code"]
    )
    # population shares a 0.25, b 0.75; product shares p (0.25, 0.75), q (0, 1)
    assert out.loc[("a", "p"), "gap"] == pytest.approx(0.0)
    assert out.loc[("a", "q"), "shortfall"] == pytest.approx(0.25)  # 0 − 0.25
    assert out.loc[("b", "q"), "surplus"] == pytest.approx(0.25)  # 1 − 0.75
    assert out.loc[("b", "q"), "self_sufficiency"] == pytest.approx(4 / 3)
    assert out.groupby("product_code")["gap"].sum().to_numpy() == pytest.approx([0.0, 0.0])
    assert (out[["surplus", "shortfall"]] >= 0).all().all()


def test_production_surplus_bad_input(rejects):
    production = _flows({"a": [10.0, 0.0], "b": [30.0, 40.0]}, "pq")
    with rejects("'region_code'", "differ", "'c'"):
        production_surplus(production, pd.Series({"a": 1.0, "b": 3.0, "c": 1.0}))
    with rejects("population must be > 0"):
        production_surplus(production, pd.Series({"a": 0.0, "b": 3.0}))
    with rejects("misaligned", "region_code='a'", "product_code='q'"):
        production_surplus(production.drop(index=1), pd.Series({"a": 1.0, "b": 3.0}))
