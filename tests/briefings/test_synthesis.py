"""Briefing 06: the scoring checked by hand on a small synthetic case, the opportunity matrix against the five
focus-area results, and the kab/kota figures recomputed from the curated CSVs in data/ with plain pandas."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from krbnn_analysis import config, load
from krbnn_analysis.briefings import synthesis
from krbnn_analysis.briefings.synthesis import GAP, LEVEL, NEED, STRENGTH, Indicator

# --- a small synthetic case, every number by hand ------------------------------------------------------
# Two areas, three provinces. Tourism: one strength (level) and one gap (level); connectivity: two
# strengths (level) and two gaps (need), one of them zero everywhere.
SYNTHETIC_VALUES = {
    "synthetic_tourism_strength": (4.0, 2.0, 1.0),  # / 4 → 1, 0.5, 0.25
    "synthetic_tourism_gap": (25.0, 14.0, 20.0),  # 1 − v / 25 → 0, 0.44, 0.2
    "synthetic_connectivity_strength_a": (2.0, 4.0, 1.0),  # / 4 → 0.5, 1, 0.25
    "synthetic_connectivity_strength_b": (8.0, 0.0, 4.0),  # / 8 → 1, 0, 0.5
    "synthetic_connectivity_need": (3.0, 6.0, 0.0),  # / 6 → 0.5, 1, 0
    "synthetic_connectivity_no_need": (0.0, 0.0, 0.0),  # nobody in need → 0, 0, 0
}
SYNTHETIC_SCORES = {
    "synthetic_tourism_strength": (1.0, 0.5, 0.25),
    "synthetic_tourism_gap": (0.0, 0.44, 0.2),
    "synthetic_connectivity_strength_a": (0.5, 1.0, 0.25),
    "synthetic_connectivity_strength_b": (1.0, 0.0, 0.5),
    "synthetic_connectivity_need": (0.5, 1.0, 0.0),
    "synthetic_connectivity_no_need": (0.0, 0.0, 0.0),
}
SYNTHETIC_ROLES = {
    "synthetic_tourism_strength": ("tourism", STRENGTH, LEVEL),
    "synthetic_tourism_gap": ("tourism", GAP, LEVEL),
    "synthetic_connectivity_strength_a": ("connectivity", STRENGTH, LEVEL),
    "synthetic_connectivity_strength_b": ("connectivity", STRENGTH, LEVEL),
    "synthetic_connectivity_need": ("connectivity", GAP, NEED),
    "synthetic_connectivity_no_need": ("connectivity", GAP, NEED),
}
SYNTHETIC_WEIGHTS = dict.fromkeys(SYNTHETIC_VALUES, 1.0)


def _synthetic_reader(key: str):
    def read(_results: object) -> tuple[pd.Series, int]:
        return pd.Series(SYNTHETIC_VALUES[key], index=synthesis.FOCUS), 2024

    return read


SYNTHETIC_INDICATORS = tuple(
    Indicator(key, area, role, kind, "synthetic", "unit", _synthetic_reader(key))
    for key, (area, role, kind) in SYNTHETIC_ROLES.items()
)


@pytest.fixture(scope="module")
def synthetic_scored() -> pd.DataFrame:
    return synthesis.normalise(synthesis.indicator_values(None, SYNTHETIC_INDICATORS))


def test_synthetic_normalise_scores_against_the_leader(synthetic_scored):
    scores = synthetic_scored.set_index(["key", "region_code"])["score"]
    for key, expected in SYNTHETIC_SCORES.items():
        assert scores[key].reindex(synthesis.FOCUS).to_numpy() == pytest.approx(expected, abs=1e-12), key
    assert synthetic_scored["year"].eq(2024).all()


def test_synthetic_cells_are_weighted_means_of_the_scores(synthetic_scored):
    cells = synthesis.cell_scores(synthetic_scored, SYNTHETIC_WEIGHTS).set_index(["area", "region_code"])
    # connectivity strength: (a + b) / 2 = 0.75, 0.5, 0.375; gap: (need + 0) / 2 = 0.25, 0.5, 0
    assert cells.loc["connectivity", STRENGTH].to_numpy() == pytest.approx([0.75, 0.5, 0.375])
    assert cells.loc["connectivity", GAP].to_numpy() == pytest.approx([0.25, 0.5, 0.0])
    assert cells.loc["tourism", STRENGTH].to_numpy() == pytest.approx([1.0, 0.5, 0.25])
    assert cells.loc["tourism", GAP].to_numpy() == pytest.approx([0.0, 0.44, 0.2])
    # weight 3 on strength a: (3 · 0.5 + 1) / 4 = 0.625 for Bali, (3 · 1 + 0) / 4 = 0.75 for NTB
    heavier = synthesis.cell_scores(
        synthetic_scored, {**SYNTHETIC_WEIGHTS, "synthetic_connectivity_strength_a": 3.0}
    ).set_index(["area", "region_code"])
    assert heavier.loc[("connectivity", "51"), STRENGTH] == pytest.approx(0.625)
    assert heavier.loc[("connectivity", "52"), STRENGTH] == pytest.approx(0.75)


def test_synthetic_pairs_are_supplier_strength_times_buyer_gap(synthetic_scored):
    pairs = synthesis.pair_scores(synthesis.cell_scores(synthetic_scored, SYNTHETIC_WEIGHTS))
    score = pairs.set_index(["area", "supplier", "buyer"])["score"]
    assert len(pairs) == 2 * 6
    # tourism: Bali 1 × NTB 0.44; NTB 0.5 × NTT 0.2; NTT 0.25 × NTB 0.44; nobody meets Bali's gap 0
    assert score["tourism", "51", "52"] == pytest.approx(0.44)
    assert score["tourism", "51", "53"] == pytest.approx(0.2)
    assert score["tourism", "52", "53"] == pytest.approx(0.1)
    assert score["tourism", "53", "52"] == pytest.approx(0.11)
    assert score["tourism", "52", "51"] == 0.0
    # connectivity: Bali 0.75 × NTB 0.5; NTB 0.5 × Bali 0.25; NTT 0.375 × NTB 0.5; NTT has no gap
    assert score["connectivity", "51", "52"] == pytest.approx(0.375)
    assert score["connectivity", "52", "51"] == pytest.approx(0.125)
    assert score["connectivity", "53", "52"] == pytest.approx(0.1875)
    assert score["connectivity", "51", "53"] == 0.0


def test_synthetic_ranking_puts_tourism_first_at_0_44(synthetic_scored):
    ranking = synthesis.rank_areas(synthetic_scored, SYNTHETIC_WEIGHTS)
    assert list(ranking["area"]) == ["tourism", "connectivity"]
    assert list(ranking["rank"]) == [1, 2]
    assert ranking["score"].to_numpy() == pytest.approx([0.44, 0.375])
    assert list(zip(ranking["supplier"], ranking["buyer"], strict=True)) == [("51", "52"), ("51", "52")]


def test_synthetic_zero_weight_on_the_empty_need_puts_connectivity_first(synthetic_scored):
    # Weight 0 on the need nobody has: connectivity's gap is the need score alone, NTB 1 and Bali 0.5;
    # Bali → NTB = 0.75 × 1 = 0.75 > tourism's 0.44 (tourism's single indicators are untouched).
    changed = {**SYNTHETIC_WEIGHTS, "synthetic_connectivity_no_need": 0.0}
    ranking = synthesis.rank_areas(synthetic_scored, changed)
    assert list(ranking["area"]) == ["connectivity", "tourism"]
    assert ranking["score"].to_numpy() == pytest.approx([0.75, 0.44])
    # Weight 2 on tourism's only strength changes nothing: a mean of one score is that score.
    same = synthesis.rank_areas(synthetic_scored, {**SYNTHETIC_WEIGHTS, "synthetic_tourism_strength": 2.0})
    pd.testing.assert_frame_equal(same, synthesis.rank_areas(synthetic_scored, SYNTHETIC_WEIGHTS))


def test_synthetic_ties_keep_the_mou_order_of_areas():
    pairs = pd.DataFrame(
        {
            "area": ["trade", "trade", "tourism", "tourism", "agriculture"],
            "supplier": ["51", "52", "52", "53", "53"],
            "buyer": ["52", "53", "51", "51", "52"],
            "score": [0.3, 0.3, 0.3, 0.1, 0.5],
        }
    )
    ranking = synthesis.area_ranking(pairs)
    assert list(ranking["area"]) == ["agriculture", "tourism", "trade"]
    assert list(ranking["rank"]) == [1, 2, 3]
    # within trade the first listed of the two 0.3 pairs is kept
    assert tuple(ranking.loc[ranking["area"] == "trade", ["supplier", "buyer"]].iloc[0]) == ("51", "52")


# Connectivity's best pair under each weight × 0.5 and × 1.5 (always Bali → NTB; the others stay at 1):
# strength of Bali (w_a · 0.5 + w_b · 1) / (w_a + w_b), gap of NTB w_need · 1 / (w_need + w_none).
SYNTHETIC_CONNECTIVITY_RUNS = {
    ("synthetic_tourism_strength", 0.5): 0.375,
    ("synthetic_tourism_strength", 1.5): 0.375,
    ("synthetic_tourism_gap", 0.5): 0.375,
    ("synthetic_tourism_gap", 1.5): 0.375,
    ("synthetic_connectivity_strength_a", 0.5): 1.25 / 1.5 * 0.5,  # 0.4167
    ("synthetic_connectivity_strength_a", 1.5): 1.75 / 2.5 * 0.5,  # 0.35
    ("synthetic_connectivity_strength_b", 0.5): 1.0 / 1.5 * 0.5,  # 0.3333
    ("synthetic_connectivity_strength_b", 1.5): 2.0 / 2.5 * 0.5,  # 0.4
    ("synthetic_connectivity_need", 0.5): 0.75 * 0.5 / 1.5,  # 0.25
    ("synthetic_connectivity_need", 1.5): 0.75 * 1.5 / 2.5,  # 0.45 > 0.44: connectivity first
    ("synthetic_connectivity_no_need", 0.5): 0.75 * 1 / 1.5,  # 0.5 > 0.44: connectivity first
    ("synthetic_connectivity_no_need", 1.5): 0.75 * 1 / 2.5,  # 0.3
}


def test_synthetic_sensitivity_runs_match_the_hand_scores(synthetic_scored):
    runs = synthesis.sensitivity(synthetic_scored, SYNTHETIC_WEIGHTS)
    assert len(runs) == len(SYNTHETIC_WEIGHTS) * 2 * 2
    assert runs.loc[runs["area"] == "tourism", "score"].to_numpy() == pytest.approx([0.44] * 12)
    connectivity = runs[runs["area"] == "connectivity"].set_index(["key", "factor"])["score"]
    assert connectivity.to_dict() == pytest.approx(SYNTHETIC_CONNECTIVITY_RUNS)
    first = runs[runs["rank"] == 1].set_index(["key", "factor"])["area"]
    flipped = sorted(first[first == "connectivity"].index)
    assert flipped == [("synthetic_connectivity_need", 1.5), ("synthetic_connectivity_no_need", 0.5)]


def test_synthetic_sensitivity_range_connectivity_0_25_to_0_5(synthetic_scored):
    ranking = synthesis.rank_areas(synthetic_scored, SYNTHETIC_WEIGHTS)
    runs = synthesis.sensitivity(synthetic_scored, SYNTHETIC_WEIGHTS)
    spread = synthesis.sensitivity_range(ranking, runs)
    assert list(spread.index) == ["tourism", "connectivity"]
    assert spread.loc["tourism", ["score", "low", "high"]].to_numpy() == pytest.approx([0.44] * 3)
    assert spread.loc["connectivity", ["score", "low", "high"]].to_numpy() == pytest.approx(
        [0.375, 0.25, 0.5]
    )
    ranks = spread[["rank", "rank_low", "rank_high"]]
    assert ranks.loc["tourism"].tolist() == [1, 1, 2]
    assert ranks.loc["connectivity"].tolist() == [2, 1, 2]


def test_synthetic_rank_movers_are_the_two_weights_that_flip_the_ranking(synthetic_scored):
    ranking = synthesis.rank_areas(synthetic_scored, SYNTHETIC_WEIGHTS)
    runs = synthesis.sensitivity(synthetic_scored, SYNTHETIC_WEIGHTS)
    movers = synthesis.rank_movers(ranking, runs, tuple(SYNTHETIC_WEIGHTS))
    # need × 1.5 (0.45) and no-need × 0.5 (0.5) lift connectivity above tourism's 0.44: both areas move
    flipping = {"synthetic_connectivity_need", "synthetic_connectivity_no_need"}
    flips = tuple(key for key in SYNTHETIC_WEIGHTS if key in flipping)
    assert movers["tourism"] == flips
    assert movers["connectivity"] == flips
    still = synthesis.rank_movers(ranking, runs[~runs["key"].isin(flipping)], tuple(SYNTHETIC_WEIGHTS))
    assert still["tourism"] == (synthesis.NO_MOVER,)


def test_check_weights_names_an_unknown_key_and_refuses_negative_or_nan():
    with pytest.raises(KeyError, match="tourism_lqq"):
        synthesis.check_weights({"tourism_lqq": 1.0})
    with pytest.raises(ValueError, match="grid_reach"):
        synthesis.check_weights({"grid_reach": -0.5})
    with pytest.raises(ValueError, match="grid_reach"):
        synthesis.check_weights({"grid_reach": float("nan")})
    partial = synthesis.check_weights({"grid_reach": 0.0})
    assert partial == {**synthesis.DEFAULT_WEIGHTS, "grid_reach": 0.0}
    assert synthesis.check_weights(None) == synthesis.DEFAULT_WEIGHTS


def test_weights_from_notebook_parameters_ignore_lang():
    weights = synthesis.weights_from_parameters({"W_TOURISM_LQ": 2, "LANG": "id"})
    assert weights["tourism_lq"] == 2.0
    assert isinstance(weights["tourism_lq"], float)
    assert {key: value for key, value in weights.items() if key != "tourism_lq"} == dict.fromkeys(
        set(synthesis.DEFAULT_WEIGHTS) - {"tourism_lq"}, 1.0
    )


def test_normalise_names_the_indicator_and_region_of_a_negative_value():
    values = pd.DataFrame(
        {
            "key": ["synthetic_net_flow"] * 3,
            "role": [STRENGTH] * 3,
            "kind": [LEVEL] * 3,
            "region_code": synthesis.FOCUS,
            "value": [1.0, 2.0, -0.5],
        }
    )
    with pytest.raises(ValueError, match=r"'synthetic_net_flow' is negative for 53"):
        synthesis.normalise(values)


def test_kabkota_panel_names_the_kabkota_year_without_grdp():
    grdp_real = load("grdp_real")
    missing = (grdp_real["region_code"] == "5207") & (grdp_real["year"] == 2020)
    assert missing.sum() >= 1
    with pytest.raises(ValueError, match="5207 in 2020"):
        synthesis.kabkota_panel(load("grdp_per_capita_kabkota"), grdp_real[~missing])


# --- the real result --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def focus() -> synthesis.FocusResults:
    return synthesis.focus_results()


@pytest.fixture(scope="module")
def result(focus) -> synthesis.SynthesisResult:
    return synthesis.compute(results=focus)


@pytest.fixture(scope="module")
def without_potential(focus) -> synthesis.SynthesisResult:
    return synthesis.compute(weights={"re_potential": 0.0}, results=focus)


def _raw(result: synthesis.SynthesisResult, key: str) -> pd.Series:
    rows = result.indicators[result.indicators["key"] == key]
    return rows.set_index("region_code")["value"].reindex(synthesis.FOCUS)


def _values(series: pd.Series) -> np.ndarray:
    return series.reindex(synthesis.FOCUS).astype(float).to_numpy()


def test_matrix_indicators_are_the_focus_area_results(result, focus):
    assert len(result.indicators) == len(synthesis.INDICATORS) * 3
    tourism_headline = focus.tourism.headline
    assert _values(_raw(result, "foreign_arrivals")) == pytest.approx(
        _values(tourism_headline.loc["row_t_arrivals_last"])
    )
    lq = focus.tourism.tourism_lq
    assert _values(_raw(result, "tourism_lq")) == pytest.approx(_values(lq.loc[lq.index.max()]))
    complementarity = focus.trade.production_complementarity
    assert _values(_raw(result, "supplier_fit")) == pytest.approx(_values(complementarity.mean(axis=1)))
    assert _values(_raw(result, "buyer_fit")) == pytest.approx(_values(complementarity.mean(axis=0)))
    net = focus.trade.headline.loc["row_tr_net_exports_last"]
    assert _values(_raw(result, "net_exports_deficit")) == pytest.approx(_values((-net).clip(lower=0)))
    share = focus.renewables.headline.loc["row_r_share_generation"]
    assert _values(_raw(result, "re_generation_share")) == pytest.approx(_values(share))
    assert _values(_raw(result, "fossil_generation")) == pytest.approx(_values(100 - share))
    assert _values(_raw(result, "re_potential")) == pytest.approx(
        _values(focus.renewables.headline.loc["row_r_potential"])
    )
    rice = focus.agriculture.headline.loc["row_rice_per_capita"]
    assert _values(_raw(result, "rice_per_head")) == pytest.approx(_values(rice))
    assert _values(_raw(result, "rice_shortfall")) == pytest.approx(_values(rice))
    access = focus.connectivity.access
    on_grid = access.groupby(access["region_code"].str[:2])["on_grid"].mean() * 100
    assert _values(_raw(result, "grid_reach")) == pytest.approx(_values(on_grid))
    years = result.indicators.groupby("key")["year"].first()
    assert years["foreign_arrivals"] == int(focus.tourism.headline_years["last"])
    assert years["supplier_fit"] == focus.trade.production_year


def test_matrix_and_ranking_are_reproduced_from_the_indicators(result):
    cells = synthesis.cell_scores(result.indicators, result.weights)
    pd.testing.assert_frame_equal(cells, result.cells)
    pairs = synthesis.pair_scores(cells)
    pd.testing.assert_frame_equal(pairs, result.pairs)
    pd.testing.assert_frame_equal(synthesis.area_ranking(pairs), result.ranking.drop(columns="cluster"))
    rescored = synthesis.normalise(result.indicators.drop(columns="score"))
    assert rescored["score"].to_numpy() == pytest.approx(result.indicators["score"].to_numpy())
    strength = cells.pivot(index="area", columns="region_code", values=STRENGTH)
    assert result.strength.to_numpy() == pytest.approx(
        strength.reindex(index=synthesis.AREAS, columns=synthesis.FOCUS).to_numpy()
    )


def test_zero_weight_on_re_potential_leaves_renewable_strength_to_generation_share(result, without_potential):
    assert without_potential.weights == {**synthesis.DEFAULT_WEIGHTS, "re_potential": 0.0}
    scores = result.indicators.set_index(["key", "region_code"])["score"]
    assert _values(without_potential.strength.loc["renewable_energy"]) == pytest.approx(
        _values(scores["re_generation_share"])
    )
    # default: the mean of the potential and generation-share scores
    assert _values(result.strength.loc["renewable_energy"]) == pytest.approx(
        (_values(scores["re_potential"]) + _values(scores["re_generation_share"])) / 2
    )
    others = [area for area in synthesis.AREAS if area != "renewable_energy"]
    pd.testing.assert_frame_equal(without_potential.strength.loc[others], result.strength.loc[others])
    pd.testing.assert_frame_equal(without_potential.gap, result.gap)
    pd.testing.assert_frame_equal(
        synthesis.rank_areas(result.indicators, without_potential.weights),
        without_potential.ranking.drop(columns="cluster"),
    )
    # NTT leads the generation share (score 1) and Bali's gap is 1: NTT → Bali rises from 0.92 to 1
    top = without_potential.ranking.iloc[0]
    assert (top["area"], top["supplier"], top["buyer"], top["score"]) == ("renewable_energy", "53", "51", 1.0)
    assert list(without_potential.ranking["area"]) == list(result.ranking["area"])


# --- where the region stands: recomputed from data/*.csv with plain pandas ---------------------------


CSV = config.REPO_ROOT / "data"


@pytest.fixture(scope="module")
def csv_panel() -> pd.DataFrame:
    """Per capita and GRDP of the 41 kab/kota, 2016–2024, ADHK 2010, straight from the curated CSVs."""
    per_capita = pd.read_csv(CSV / "grdp_per_capita_kabkota.csv", dtype={"region_code": str})
    grdp = pd.read_csv(CSV / "grdp_real.csv", dtype={"region_code": str})
    per_capita = per_capita[
        (per_capita["region_level"] == "kabkota") & (per_capita["price_basis"] == "ADHK2010")
    ]
    grdp = grdp[
        (grdp["region_level"] == "kabkota")
        & (grdp["indicator"] == "grdp")
        & (grdp["price_basis"] == "ADHK2010")
    ]
    merged = per_capita[per_capita["year"].between(2016, 2024)].merge(
        grdp, on=["region_code", "year"], suffixes=("_pc", "_grdp")
    )
    return merged.assign(population=merged["value_grdp"] / merged["value_pc"] * 1e6)


def test_balanced_panel_2016_2024_has_41_kabkota_without_bima_before_2016(result):
    # grdp_per_capita_kabkota: 39 kab/kota in 2010–2015, 41 from 2016; Kabupaten Bima (5206) and Kota Bima
    # (5272) are the two absent before 2016
    assert result.panel_years == (2016, 2024)
    assert result.panel_regions == 41
    assert result.panel_dropped == ("5206", "5272")
    assert len(result.panel) == 41 * 9
    assert result.panel.groupby("year")["region_code"].nunique().eq(41).all()


def test_kota_denpasar_implied_population_755_567_in_2024(result):
    # 38,001.22 billion IDR / 50,295 thousand IDR per person × 1e6
    row = result.panel.set_index(["region_code", "year"]).loc[("5171", 2024)]
    assert row["grdp"] == pytest.approx(38_001.22)
    assert row["per_capita"] == pytest.approx(50_295.0)
    assert row["population"] == pytest.approx(38_001.22 / 50_295.0 * 1e6)
    assert row["population"] == pytest.approx(755_566.557, abs=1e-3)


def test_sumbawa_barat_is_the_only_mining_dominated_kabkota_85_percent_in_2022(result):
    # grdp_by_industry 2022 ADHK: B over the sum of the industries; next highest Lombok Timur (5203) at 0.0717
    assert result.industry_year == 2022
    assert list(result.mining_dominated["region_code"]) == ["5207"]
    assert result.mining_dominated["share"].iloc[0] == pytest.approx(0.852456, abs=1e-6)


def test_klassen_reference_2_53_percent_a_year_and_22_739_thousand_idr(result, csv_panel):
    total = csv_panel.groupby("year")[["value_grdp", "population"]].sum()
    growth = ((total.loc[2024, "value_grdp"] / total.loc[2016, "value_grdp"]) ** (1 / 8) - 1) * 100
    level = total.loc[2024, "value_grdp"] / total.loc[2024, "population"] * 1e6
    assert result.klassen_reference == (pytest.approx(growth), pytest.approx(level))
    assert result.klassen_reference == (pytest.approx(2.53157, abs=1e-5), pytest.approx(22_738.933, abs=1e-3))


def test_klassen_quadrants_21_of_ntt_kabkota_grow_fast_from_a_low_level(result):
    # CAGR of GRDP 2016–2024 and 2024 per capita of each kab/kota against the reference (pandas crosstab)
    counts = result.klassen_counts.set_index("quadrant")
    assert list(counts.index) == [1, 2, 3, 4]
    assert counts.loc[:, ["51", "52", "53"]].to_dict(orient="list") == {
        "51": [6, 2, 1, 0],
        "52": [1, 1, 6, 2],
        "53": [1, 0, 21, 0],
    }
    assert counts["total"].sum() == 41
    assert counts.loc[3, "total"] == 28
    assert len(result.klassen_map) == 41
    assert result.klassen_map["quadrant"].between(1, 4).all()


def test_sigma_0_660_in_2016_falls_5_9_percent_but_not_without_sumbawa_barat(result, csv_panel):
    def sigma(frame: pd.DataFrame) -> pd.Series:
        return frame.groupby("year")["value_pc"].apply(lambda v: np.log(v).std(ddof=0))

    everyone = sigma(csv_panel)
    without = sigma(csv_panel[csv_panel["region_code"] != "5207"])
    by_variant = result.sigma.set_index(["variant", "year"])["sigma"]
    assert by_variant["all"].to_numpy() == pytest.approx(everyone.to_numpy())
    assert by_variant["without_mining"].to_numpy() == pytest.approx(without.to_numpy())
    assert by_variant["all", 2016] == pytest.approx(0.660342, abs=1e-6)
    assert result.sigma_change["all"] == pytest.approx(-0.058880, abs=1e-6)
    assert result.sigma_change["without_mining"] == pytest.approx(0.000563, abs=1e-6)


def test_beta_slope_minus_0_0093_half_life_72_years(result, csv_panel):
    # OLS of the 2016–2024 mean log growth on the 2016 log level (numpy polyfit); beta = −ln(1 + 8b) / 8
    wide = csv_panel.pivot(index="region_code", columns="year", values="value_pc")
    slope = np.polyfit(np.log(wide[2016]), np.log(wide[2024] / wide[2016]) / 8, 1)[0]
    beta = result.beta.set_index("variant")
    assert beta.loc["all", "slope"] == pytest.approx(slope)
    assert beta.loc["all", "slope"] == pytest.approx(-0.0093043, abs=1e-7)
    assert beta.loc["all", "half_life"] == pytest.approx(np.log(2) / (-np.log(1 + 8 * slope) / 8))
    assert beta.loc["all", "half_life"] == pytest.approx(71.689, abs=1e-3)
    assert beta.loc["without_mining", "slope"] == pytest.approx(-0.0021728, abs=1e-7)


def test_theil_between_and_within_add_up_every_year(result):
    theil = result.theil
    assert list(theil["year"]) == list(range(2016, 2025))
    assert (theil["between"] + theil["within"]).to_numpy() == pytest.approx(theil["theil"].to_numpy())
    assert theil["between_share"].between(0, 1).all()


def test_ntb_williamson_fell_0_386_from_2016_to_2024(result, csv_panel):
    # population-weighted CV of NTB's 10 kab/kota: 1.406788 (2016) → 1.021237 (2024)
    def williamson(frame: pd.DataFrame) -> float:
        weights = frame["population"] / frame["population"].sum()
        mean = (frame["value_pc"] * weights).sum()
        return float(np.sqrt(((frame["value_pc"] - mean) ** 2 * weights).sum()) / mean)

    ntb = csv_panel[csv_panel["region_code"].str.startswith("52")]
    change = williamson(ntb[ntb["year"] == 2024]) - williamson(ntb[ntb["year"] == 2016])
    assert result.williamson_change["52"] == pytest.approx(change)
    assert result.williamson_change["52"] == pytest.approx(-0.385551, abs=1e-6)
    assert list(result.williamson_change.index) == ["51", "52", "53"]


def test_implied_population_breaks_all_in_2020_the_census_year(result):
    # the 2020 census re-based the kab/kota population behind per capita: 25 kab/kota move by > 5 %
    breaks = result.population_breaks
    assert set(breaks["year"]) == {2020}
    assert len(breaks) == 25
    assert breaks["change"].abs().gt(synthesis.POPULATION_JUMP).all()


# --- invariants of the matrix ------------------------------------------------------------------------


def test_strength_and_gap_in_0_1_for_every_area_and_province(result):
    assert len(result.cells) == len(synthesis.AREAS) * 3
    assert set(zip(result.cells["area"], result.cells["region_code"], strict=True)) == {
        (area, province) for area in synthesis.AREAS for province in synthesis.FOCUS
    }
    for frame in (result.strength, result.gap):
        assert list(frame.index) == list(synthesis.AREAS)
        assert list(frame.columns) == synthesis.FOCUS
        assert frame.notna().all().all()
        assert ((frame >= 0) & (frame <= 1)).all().all()
    assert result.indicators["score"].between(0, 1).all()


def test_ranking_takes_each_areas_best_of_six_pairs(result):
    assert len(result.pairs) == len(synthesis.AREAS) * 6
    assert result.pairs.groupby("area").size().eq(6).all()
    assert list(result.ranking["rank"]) == [1, 2, 3, 4, 5]
    assert result.ranking["score"].is_monotonic_decreasing
    best = result.pairs.groupby("area")["score"].max()
    assert result.ranking.set_index("area")["score"].to_dict() == best.to_dict()
    pair_best = result.pairs.groupby(["supplier", "buyer"])["score"].max()
    assert result.best_pairs.set_index(["supplier", "buyer"])["score"].to_dict() == pair_best.to_dict()


def test_renewable_energy_ntt_to_bali_ranks_first_at_0_92(result):
    # NTT strength: mean of potential 17,888 / 21,211 MW and generation share 1 (the leader) = 0.921668;
    # Bali's gap 1 (most electricity per head, most fossil generation)
    top = result.ranking.iloc[0]
    assert (top["area"], top["supplier"], top["buyer"]) == ("renewable_energy", "53", "51")
    assert top["score"] == pytest.approx((17_888 / 21_211 + 1) / 2, abs=1e-6)


def test_sensitivity_moves_each_weight_both_ways_and_brackets_the_score(result):
    runs = result.sensitivity
    assert len(runs) == len(result.weights) * 2 * len(synthesis.AREAS)
    assert set(runs["factor"]) == {0.5, 1.5}
    spread = result.sensitivity_range
    assert list(spread.index) == list(result.ranking["area"])
    assert (spread["low"] <= spread["score"]).all() and (spread["score"] <= spread["high"]).all()
    assert (spread["rank_low"] <= spread["rank"]).all() and (spread["rank"] <= spread["rank_high"]).all()
    assert spread["low"].to_dict() == pytest.approx(runs.groupby("area")["score"].min().to_dict())
    assert spread["high"].to_dict() == pytest.approx(runs.groupby("area")["score"].max().to_dict())


def test_no_tourism_weight_moves_its_score(result):
    # Bali leads both tourism strengths (score 1 each) and the gap is one indicator (star occupancy)
    tourism = result.sensitivity_range.loc["tourism"]
    assert tourism["low"] == tourism["high"] == pytest.approx(0.284637, abs=1e-6)


def test_only_the_two_agriculture_gap_weights_swap_ranks_4_and_5(result):
    # agriculture (0.2992) and tourism (0.2846) are close: halving or raising a gap weight of agriculture
    # (rice shortfall, food security) moves it across tourism; the top three keep their ranks
    none = (synthesis.NO_MOVER,)
    assert result.rank_movers.to_dict() == {
        "renewable_energy": none,
        "connectivity": none,
        "trade": none,
        "agriculture": ("rice_shortfall", "food_security"),
        "tourism": ("rice_shortfall", "food_security"),
    }
    assert result.areas_keeping_rank == 3


def test_ranking_names_the_mou_cluster_of_each_area(result):
    # integration: tourism, energy, connectivity (Governor of NTB, MoU meeting 25 Nov 2025); the rest: cross-
    # sector cooperation
    clusters = result.ranking.set_index("area")["cluster"].to_dict()
    assert clusters == {
        "renewable_energy": "integration",
        "connectivity": "integration",
        "trade": "collaboration",
        "agriculture": "collaboration",
        "tourism": "integration",
    }
    assert set(synthesis.CLUSTERS) == set(synthesis.AREAS)
