"""Klassen typology."""

from __future__ import annotations

import numpy as np
import pandas as pd

from krbnn_analysis.indicators import klassen_typology


def _regions() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "region_code": ["00", "A", "B", "C", "D", "E"],
            "growth": [5.0, 6.0, 4.0, 7.0, 3.0, 5.0],
            "level": [100.0, 120.0, 150.0, 80.0, 50.0, 100.0],
        }
    )


def test_klassen_by_hand():
    out = klassen_typology(_regions(), reference="00").set_index("region_code")
    assert "00" not in out.index  # the reference is not classified against itself
    # A: 6 ≥ 5 and 120 ≥ 100 → I; B: 4 < 5, 150 ≥ 100 → II; C: 7 ≥ 5, 80 < 100 → III;
    # D: 3 < 5, 50 < 100 → IV; E: ties go to the high side → I
    assert out["quadrant"].to_dict() == {"A": 1, "B": 2, "C": 3, "D": 4, "E": 1}
    assert out.loc["C", "label"] == "high growth, low income"
    assert out.loc["D", "label_id"] == "daerah relatif tertinggal"
    by_tuple = klassen_typology(_regions().iloc[1:], reference=(5.0, 100.0)).set_index("region_code")
    assert by_tuple["quadrant"].equals(out["quadrant"])


def test_klassen_keeps_input_column_names():
    frame = _regions().rename(columns={"growth": "cagr", "level": "grdp_per_capita"})
    out = klassen_typology(frame, reference="00", growth="cagr", level="grdp_per_capita")
    assert list(out.columns) == ["region_code", "cagr", "grdp_per_capita", "quadrant", "label", "label_id"]


def test_klassen_bad_input(rejects):
    with rejects("'growth'", "NaN", "region_code='B'"):
        klassen_typology(_regions().assign(growth=[5.0, 6.0, np.nan, 7.0, 3.0, 5.0]), reference="00")
    with rejects("'level'", "≤ 0", "region_code='D'"):
        klassen_typology(_regions().assign(level=[100.0, 120.0, 150.0, 80.0, 0.0, 100.0]), reference="00")
    with rejects("duplicate key", "region_code='A'"):
        klassen_typology(pd.concat([_regions(), _regions().iloc[[1]]]), reference="00")
    with rejects("'region_code'", "reference region '51' not in the frame"):
        klassen_typology(_regions(), reference="51")
    with rejects("reference (growth, level) must be finite"):
        klassen_typology(_regions(), reference=(np.nan, 1.0))
    with rejects("reference must be a region code or a (growth, level) tuple"):
        klassen_typology(_regions(), reference=5.0)  # type: ignore[arg-type]
