"""Years every briefing must agree on, each with the reason it is special."""

from __future__ import annotations

import pandas as pd

LAST_PRE_PANDEMIC = 2019  # base year for recovery and the year for structure: the last normal year
PANDEMIC_YEAR = 2020  # borders closed from April 2020
LOMBOK_EARTHQUAKES = 2018  # July–August 2018 earthquakes on Lombok: NTB's 2018–2019 are not normal years


def missing_industries(industry: pd.DataFrame) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Industries of GRDP by industry that lack a province value in some years, and those years.

    A missing industry is not a zero: in those years shares and totals cover the other industries only,
    which a briefing must say.
    """
    provinces = industry[industry["region_level"].eq("province")].dropna(subset=["value"])
    codes = provinces.groupby("year")["industry_code"].agg(set)
    every = set().union(*codes)
    short = codes[codes.map(len) < len(every)]
    missing = sorted(every - set.intersection(*short)) if len(short) else []
    return tuple(missing), tuple(int(year) for year in short.index)
