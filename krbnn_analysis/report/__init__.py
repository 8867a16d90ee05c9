"""Briefing building blocks (used inside notebooks) and the HTML build (used by ``krbnn reports``)."""

from krbnn_analysis.report.briefing import (
    airport_names,
    headline_table,
    industry_labels,
    key_labels,
    key_messages,
    line_panels,
    month_axis,
    region_bar_chart,
    region_bar_panels,
    region_labels,
    result_table,
    setup,
)
from krbnn_analysis.report.components import (
    Findings,
    caveats,
    data_gaps,
    licence_label,
    note,
    source_line,
    sources_table,
    table,
    technical_annex,
)
from krbnn_analysis.report.downloads import with_data

__all__ = [
    "Findings",
    "airport_names",
    "caveats",
    "data_gaps",
    "headline_table",
    "industry_labels",
    "key_labels",
    "key_messages",
    "licence_label",
    "line_panels",
    "month_axis",
    "note",
    "region_bar_chart",
    "region_bar_panels",
    "region_labels",
    "result_table",
    "setup",
    "source_line",
    "sources_table",
    "table",
    "technical_annex",
    "with_data",
]
