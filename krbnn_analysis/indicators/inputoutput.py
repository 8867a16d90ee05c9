"""Input–output linkages: Rasmussen backward (Leontief) and forward (Ghosh) linkages."""

from __future__ import annotations

import numpy as np
import pandas as pd

from krbnn_analysis.indicators._checks import fail


def io_linkages(
    flows: pd.DataFrame,
    output: pd.Series,
    *,
    row: str = "row_code",
    column: str = "column_code",
    value: str = "value",
) -> pd.DataFrame:
    """Backward and forward linkages of every sector of an input–output table.

    Formula:
        With ``Z`` the intermediate flows (row sector i sells to column sector j) and ``x`` total
        output: technical coefficients ``A = Z·diag(x)⁻¹``, Leontief inverse ``L = (I − A)⁻¹``;
        allocation coefficients ``B = diag(x)⁻¹·Z``, Ghosh inverse ``G = (I − B)⁻¹``.
        ``backward_j = Σ_i L_ij`` (output of all sectors per unit of final demand for j);
        ``forward_i = Σ_j G_ij`` (output of all sectors per unit of primary input into i).
        The indices divide by the mean over sectors (Rasmussen 1956): above 1 = stronger than
        average. A key sector has both indices above 1.

    Parameters:
        flows: tidy intermediate flows, one row per supplying ``row`` × using ``column`` sector; the
            same sectors in rows and columns (a square table; absent cells are not accepted).
        output: total output by sector (index = sector codes), > 0; the table's unit (coefficients
            do not depend on it).

    Returns:
        DataFrame indexed by sector with ``backward``, ``forward``, ``backward_index``,
        ``forward_index`` and ``key_sector`` (bool), in the order of ``output``.

    Raises:
        IndicatorInputError: sectors of the rows, columns and output that differ, a missing cell,
            NaN or negative flows, output ≤ 0, or a singular ``I − A``.

    References:
        Rasmussen, P. N. (1956), *Studies in Inter-Sectoral Relations*, Amsterdam: North-Holland;
        Miller, R. E. and Blair, P. D. (2009), *Input–Output Analysis: Foundations and Extensions*,
        2nd ed., Cambridge University Press, §12.1–12.2 (Ghosh-based forward linkages).
    """
    func = "io_linkages"
    sectors = list(output.index)
    if flows[[row, column]].duplicated().any():
        fail(func, None, "duplicate cells")
    for name in (row, column):
        if set(flows[name]) != set(sectors):
            extra = sorted(set(flows[name]).symmetric_difference(sectors))
            fail(func, name, f"sectors differ from the output's: {extra[:3]}")
    z = flows.pivot(index=row, columns=column, values=value).reindex(index=sectors, columns=sectors)
    if z.isna().to_numpy().any():
        fail(func, value, "missing cell or NaN in the intermediate flows")
    if (z.to_numpy() < 0).any():
        fail(func, value, "negative intermediate flow")
    x = output.to_numpy(dtype=float)
    if not (x > 0).all():
        fail(func, None, f"output must be > 0 (sector {sectors[int(np.argmin(x))]!r})")
    identity = np.eye(len(sectors))
    try:
        leontief = np.linalg.inv(identity - z.to_numpy() / x[np.newaxis, :])
        ghosh = np.linalg.inv(identity - z.to_numpy() / x[:, np.newaxis])
    except np.linalg.LinAlgError:
        fail(func, None, "I − A is singular")
    backward, forward = leontief.sum(axis=0), ghosh.sum(axis=1)
    out = pd.DataFrame(
        {
            "backward": backward,
            "forward": forward,
            "backward_index": backward / backward.mean(),
            "forward_index": forward / forward.mean(),
        },
        index=pd.Index(sectors, name=row),
    )
    out["key_sector"] = (out["backward_index"] > 1) & (out["forward_index"] > 1)
    return out
