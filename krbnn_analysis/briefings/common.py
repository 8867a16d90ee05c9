"""Years every briefing must agree on, each with the reason it is special."""

from __future__ import annotations

LAST_PRE_PANDEMIC = 2019  # base year for recovery and the year for structure: the last normal year
PANDEMIC_YEAR = 2020  # borders closed from April 2020
LOMBOK_EARTHQUAKES = 2018  # July–August 2018 earthquakes on Lombok: NTB's 2018–2019 are not normal years
