"""The indicators on the curated tables (offline: ``data/`` is committed and hash-checked by ``load``).

(a) Real GRDP growth. No upstream file carries both GRDP levels and BPS-published growth for the same
year: the levels in ``grdp`` end in 2020 and ``grdp_growth_published`` starts in 2021. So instead of
checking computed against published growth, growth is computed from the province totals in ``grdp`` and
the sum of the 17 industries in ``grdp_by_industry`` (both from the Bappenas SIMREG export since the
evidence refresh), and the two are compared for 2014–2020, where all 17 industries exist.

(b) Location quotients of the 34 provinces against the sum of the provincial industries (gross value
added), the reference the library recommends.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from krbnn_analysis.indicators import location_quotient, yoy_growth

KR_BNN = ("51", "52", "53")
# Province industries are rounded to whole billion IDR (catalog caveat), so their sum can be off the
# exact total by at most 17 × 0.5 = 8.5 bn.
ROUNDING_BN = 17 * 0.5


@pytest.fixture(scope="module")
def levels(grdp) -> pd.DataFrame:
    rows = grdp[(grdp["indicator"] == "grdp") & (grdp["price_basis"] == "ADHK2010")]
    return rows.loc[rows["region_level"] == "province", ["region_code", "year", "value"]]


INDUSTRY_SPAN = range(2013, 2021)  # the span these facts were established on (2021–2022 lack industry E)


@pytest.fixture(scope="module")
def provinces(grdp_by_industry) -> pd.DataFrame:
    rows = grdp_by_industry[grdp_by_industry["region_level"] == "province"]
    return rows[rows["year"].isin(INDUSTRY_SPAN)]


def test_levels_in_grdp_and_published_growth_never_share_a_year(grdp, grdp_growth_published):
    assert grdp["year"].max() == 2020
    assert grdp_growth_published["year"].min() == 2021


def test_growth_from_levels_by_hand(levels):
    level = levels.set_index(["region_code", "year"])["value"]
    assert (level["51", 2019], level["51", 2020]) == (162693.36, 147498.94)  # SIMREG vintage
    growth = yoy_growth(levels).set_index(["region_code", "year"])["growth"]
    # Bali 2020: (147 498.94 − 162 693.36) / 162 693.36 = −15 194.42 / 162 693.36 = −0.0933930 → −9.34 %
    assert growth["51", 2020] == pytest.approx(-9.33930, abs=1e-5)
    # NTB 2015 (Batu Hijau copper): 89 337.99 / 73 372.96 − 1 = 15 965.03 / 73 372.96 = 0.217587 → +21.76 %
    assert (level["52", 2014], level["52", 2015]) == (73372.96, 89337.99)
    assert growth["52", 2015] == pytest.approx(21.7587, abs=1e-4)
    # NTT 2020: (68 809.61 − 69 389.02) / 69 389.02 = −579.41 / 69 389.02 = −0.0083502 → −0.84 %
    assert (level["53", 2019], level["53", 2020]) == (69389.02, 68809.61)
    assert growth["53", 2020] == pytest.approx(-0.83502, abs=1e-5)


@pytest.fixture(scope="module")
def growth_gap(levels, provinces) -> pd.DataFrame:
    """Growth from both level sources, their gap (pp) and the largest gap rounding alone can cause.

    With the industry sum off by |e| ≤ 8.5 bn in each year, the growth computed from it differs from
    the exact growth by at most 100 · 8.5 · (1 + L_t / L_{t−1}) / (L_{t−1} − 8.5) percentage points
    (L = the province total): about 0.01–0.03 pp for Bali, NTB and NTT, less for large provinces.
    """
    summed = provinces.groupby(["region_code", "year"], as_index=False)["value"].sum()
    a = yoy_growth(levels[levels["year"] >= 2013]).rename(columns={"growth": "from_grdp"})
    b = yoy_growth(summed).rename(columns={"growth": "from_industries"})
    out = a.merge(b, on=["region_code", "year"]).dropna()
    lv = levels.set_index(["region_code", "year"])["value"]
    prev = lv.reindex(list(zip(out["region_code"], out["year"] - 1, strict=True))).to_numpy()
    now = lv.reindex(list(zip(out["region_code"], out["year"], strict=True))).to_numpy()
    out["gap"] = (out["from_grdp"] - out["from_industries"]).abs()
    out["bound"] = 100 * ROUNDING_BN * (1 + now / prev) / (prev - ROUNDING_BN)
    out["exceeds"] = out["gap"] > out["bound"]
    return out


def test_growth_of_the_two_level_sources_agree_for_kr_bnn(growth_gap):
    rows = growth_gap[growth_gap["region_code"].isin(KR_BNN)]
    assert sorted(rows["year"].unique()) == list(range(2014, 2021))
    assert len(rows) == 21
    # One vintage (SIMREG) on both sides: the three provinces agree within rounding in every year.
    assert not rows["exceeds"].any()
    assert rows["gap"].max() < 0.01  # observed maximum 0.0075 pp (NTB 2015)


def test_growth_of_the_two_level_sources_all_provinces(growth_gap, levels, provinces):
    exceeding = growth_gap[growth_gap["exceeds"]]
    per_year = exceeding.groupby("year")["region_code"].apply(sorted).to_dict()
    # 2015–2018: every province agrees within rounding. 2014: only West Java, whose 2013 level in grdp is
    # 499.55 bn above its industry sum (a revision of 2013 that only one source carries).
    assert per_year.get(2014) == ["32"]
    assert all(year not in per_year for year in (2015, 2016, 2017, 2018))
    summed = provinces.groupby(["region_code", "year"])["value"].sum()
    level = levels.set_index(["region_code", "year"])["value"]
    assert summed["32", 2013] - level["32", 2013] == pytest.approx(-499.55, abs=0.01)
    # 2019–2020: one vintage on both sides since the refresh, so no province differs beyond rounding
    # (the May-2021 table differed in 10 and 15 provinces, by up to 0.48 pp).
    assert set(per_year) == {2014}


@pytest.fixture(scope="module")
def lq(provinces) -> pd.DataFrame:
    return location_quotient(provinces, time="year")


def test_lq_gva_weighted_mean_is_one_for_every_province(lq, provinces):
    totals = provinces.groupby(["year", "industry_code"])["value"].sum()
    weights = (totals / totals.groupby("year").transform("sum")).rename("w").reset_index()
    weighted = lq.merge(weights, on=["year", "industry_code"]).eval("lq * w")
    means = weighted.groupby([lq["region_code"], lq["year"]]).sum()
    assert len(means) == 34 * 8
    np.testing.assert_allclose(means.to_numpy(), 1.0, rtol=1e-12)


def test_lq_bali_accommodation_by_hand(lq, provinces):
    p = provinces[provinces["year"] == 2020]
    x = p.loc[(p["region_code"] == "51") & (p["industry_code"] == "I"), "value"].item()
    # Bali's I 23 903 of its 147 501 bn; all provinces' I 326 601 of 10 837 544 bn (2020)
    assert (x, p.loc[p["region_code"] == "51", "value"].sum()) == (23903.0, 147501.0)
    assert (p.loc[p["industry_code"] == "I", "value"].sum(), p["value"].sum()) == (326601.0, 10837544.0)
    # (23 903 / 147 501) / (326 601 / 10 837 544) = 0.162053 / 0.030136 = 5.3774
    got = lq.set_index(["region_code", "industry_code", "year"]).loc[("51", "I", 2020), "lq"]
    assert got == pytest.approx((23903 / 147501) / (326601 / 10837544), rel=1e-12)
    assert got == pytest.approx(5.3774, abs=1e-4)


def test_lq_known_facts(lq):
    wide = lq.pivot_table(index=["year", "region_code"], columns="industry_code", values="lq")
    years = wide.index.get_level_values("year").unique()
    assert list(years) == list(range(2013, 2021))
    for year in years:
        table = wide.loc[year]
        # Bali's accommodation & food (I) is the most specialised of all 34 provinces, LQ > 5 every year
        assert table["I"].idxmax() == "51" and table.loc["51", "I"] > 5
        # NTB is specialised in mining (B: the Batu Hijau copper mine) every year
        assert table.loc["52", "B"] > 1
        # NTT's public administration (O) has LQ > 3, the highest of the three provinces
        assert table.loc["53", "O"] > 3 and table.loc[list(KR_BNN), "O"].idxmax() == "53"


def test_national_industry_rows_are_not_a_usable_reference(grdp_by_industry, provinces):
    # Why LQs use the sum of the provinces: the national ("00") industry values are not that sum. For
    # electricity & gas (D) the national row is about four times the provinces' total in every year.
    national = grdp_by_industry[grdp_by_industry["region_code"] == "00"].set_index(["year", "industry_code"])[
        "value"
    ]
    ratio = (provinces.groupby(["year", "industry_code"])["value"].sum() / national).unstack().dropna()
    assert ratio["D"].between(0.23, 0.26).all()  # 2013–2020
    assert ratio["C"].between(1.11, 1.16).all()  # manufacturing: provinces 11–16 % above the national row
