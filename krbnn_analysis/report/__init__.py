"""Briefing building blocks (used inside notebooks) and the HTML build (used by ``krbnn reports``)."""

from krbnn_analysis.report.components import (
    Findings,
    KeyMessages,
    caveats,
    data_gaps,
    headline_table,
    key_messages,
    licence_label,
    note,
    source_line,
    sources_table,
    table,
    technical_annex,
)

__all__ = [
    "Findings",
    "KeyMessages",
    "caveats",
    "data_gaps",
    "headline_table",
    "key_messages",
    "licence_label",
    "note",
    "source_line",
    "sources_table",
    "table",
    "technical_annex",
]
