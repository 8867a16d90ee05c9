"""Briefing 06: the scoring checked by hand on a small synthetic case, the opportunity matrix against the five
focus-area results, and the kab/kota figures recomputed from the curated CSVs in data/ with plain pandas."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from krbnn_analysis import load, tables
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


def _by_area(frame: pd.DataFrame, column: str = "score") -> dict[str, float]:
    return frame.set_index("area")[column].to_dict()


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
    assert list(zip(ranking["supplier"], ranking["buyer"])) == [("51", "52"), ("51", "52")]


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
    assert spread.loc["connectivity", ["score", "low", "high"]].to_numpy() == pytest.approx([0.375, 0.25, 0.5])
    ranks = spread[["rank", "rank_low", "rank_high"]]
    assert ranks.loc["tourism"].tolist() == [1, 1, 2]
    assert ranks.loc["connectivity"].tolist() == [2, 1, 2]


def test_synthetic_decisive_weight_is_empty_for_single_indicator_tourism(synthetic_scored):
    runs = synthesis.sensitivity(synthetic_scored, SYNTHETIC_WEIGHTS)
    decisive = synthesis.decisive_weights(runs, SYNTHETIC_INDICATORS)
    assert decisive["tourism"] == ""
    # the gap weights move connectivity by 0.5 − 0.3 = 0.45 − 0.25 = 0.2, the strength weights by 1/15
    assert decisive["connectivity"] in {"synthetic_connectivity_need", "synthetic_connectivity_no_need"}
