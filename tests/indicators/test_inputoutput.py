"""Input–output linkages against a 2-sector table solved by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from krbnn_analysis.indicators import io_linkages


def _table() -> tuple[pd.DataFrame, pd.Series]:
    # Z = [[10, 20], [30, 40]] (row sells to column), x = (100, 200)
    flows = pd.DataFrame({"row_code": list("aabb"), "column_code": list("abab"), "value": [10.0, 20, 30, 40]})
    return flows, pd.Series([100.0, 200.0], index=["a", "b"])


def test_linkages_by_hand():
    out = io_linkages(*_table())
    # A = [[.1, .1], [.3, .2]], det(I − A) = 0.69, L = [[.8, .1], [.3, .9]] / 0.69: column sums 1.1, 1.0
    assert out["backward"].to_numpy() == pytest.approx([1.1 / 0.69, 1.0 / 0.69])
    assert out["backward_index"].to_numpy() == pytest.approx([1.1 / 1.05, 1.0 / 1.05])
    # B = [[.1, .2], [.15, .2]], G = [[.8, .2], [.15, .9]] / 0.69: row sums 1.0, 1.05
    assert out["forward"].to_numpy() == pytest.approx([1.0 / 0.69, 1.05 / 0.69])
    assert out["forward_index"].to_numpy() == pytest.approx([1.0 / 1.025, 1.05 / 1.025])
    assert not out["key_sector"].any()  # a is strong backward only, b forward only


def test_linkages_bad_input(rejects):
    flows, output = _table()
    with rejects("'column_code'", "sectors differ"):
        io_linkages(flows[flows["column_code"] == "a"], output)
    with rejects("output must be > 0", "'b'"):
        io_linkages(flows, output.replace(200.0, 0.0))
    with rejects("negative intermediate flow"):
        io_linkages(flows.assign(value=[10.0, -20, 30, 40]), output)
    with rejects("duplicate cells"):
        io_linkages(pd.concat([flows, flows.iloc[:1]]), output)
