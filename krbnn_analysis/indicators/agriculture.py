"""Agriculture: a region's share of national production and its production location quotient."""

from __future__ import annotations

import pandas as pd

from krbnn_analysis.indicators._checks import (
    Columns,
    as_list,
    fail,
    require_frame,
    require_keys,
    require_nonzero,
    require_values,
)


def production_location_quotient(
    production: pd.DataFrame,
    size: pd.DataFrame,
    *,
    national: str = "00",
    region: str = "region_code",
    product: Columns = ("indicator",),
    value: str = "value",
) -> pd.DataFrame:
    """Each region's share of national production and that share relative to its economic size.

    Formula:
        ``share_rc = x_rc / X_c`` and ``LQ_rc = share_rc / (s_r / S)``, with ``x_rc`` the region's
        production of commodity c, ``X_c`` the national production (the ``national`` row), ``s_r`` the
        region's size (e.g. value added of agriculture, forestry and fisheries) and ``S`` the sum of
        ``size`` over all its regions.

        Commodities come in different units (tonnes of paddy, of meat…), so the textbook LQ, which sums
        a region's products, cannot be formed; comparing a region's share of each product with its share
        of the sector's size gives the same reading: LQ > 1 means the region produces more of the
        commodity than its share of the sector would suggest (a specialisation).

    Parameters:
        production: tidy rows per region × product, including the ``national`` row of each product.
        size: one row per region (``region``, ``value``), every region of the country (the reference).
        national: the code of the national row in ``production``.
        region, product, value: column names.

    Returns:
        DataFrame with ``region``, the ``product`` columns, ``share`` (fraction of national production)
        and ``lq`` (dimensionless), for the regions of ``production`` other than ``national``.

    Raises:
        IndicatorInputError: missing columns, duplicate keys, NaN or negative values, a product
            without its national row, a zero national production or size total, a region without size.

    References:
        Isard, W. (1960), *Methods of Regional Analysis*, MIT Press, ch. 7 (location quotient);
        Miller, M.M., Gibson, L.J. and Wright, N.G. (1991), "Location quotient: a basic tool for economic
        development analysis", *Economic Development Review* 9(2), 65–68.
    """
    func = "production_location_quotient"
    products = as_list(product)
    keys = [region, *products]
    require_frame(production, func, [*keys, value])
    require_frame(size, func, [region, value], name="size")
    require_keys(production, keys, func)
    require_keys(size, [region], func)
    data = production[keys].assign(_v=require_values(production, value, keys, func))
    sizes = size[[region]].assign(_s=require_values(size, value, [region], func))
    total = data[data[region] == national].set_index(products)["_v"]
    regional = data[data[region] != national]
    without_total = ~regional.set_index(products).index.isin(total.index)
    if without_total.any():
        fail(func, value, "no national row for the product", products, tuple(regional[products].iloc[0]))
    require_nonzero(total, value, func, "national production")
    if sizes["_s"].sum() == 0:
        fail(func, value, "zero denominator (size total)")
    size_share = sizes.set_index(region)["_s"] / sizes["_s"].sum()
    without_size = ~regional[region].isin(size_share.index)
    if without_size.any():
        fail(func, region, "region without size", [region], (regional.loc[without_size, region].iloc[0],))
    out = regional.join(total.rename("_total"), on=products)
    out["share"] = out["_v"] / out["_total"]
    out["lq"] = out["share"] / out[region].map(size_share)
    return out[[*keys, "share", "lq"]].sort_values(keys, kind="stable").reset_index(drop=True)
