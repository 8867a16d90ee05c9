"""Briefing building blocks (used inside notebooks) and the HTML build (used by ``krbnn reports``)."""

from krbnn_analysis.report.components import Findings, caveats, data_gaps, note, sources_table, table

__all__ = ["Findings", "caveats", "data_gaps", "note", "sources_table", "table"]
