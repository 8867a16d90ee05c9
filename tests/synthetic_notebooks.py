"""Writing SYNTHETIC briefing notebooks for the report-build tests (one helper for every test file)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

FAILING_CELL = "raise ValueError('deliberate failure in a synthetic notebook')"


def write_notebook(
    path: Path, cells: Sequence[nbformat.NotebookNode], *, title: tuple[str, str], fail: bool = False
) -> None:
    """Write a notebook of ``cells`` with the project's kernel and bilingual ``title`` (id, en); with
    ``fail`` it ends in a cell that raises, to test the build's failure path."""
    notebook = new_notebook(
        cells=[*cells, *([new_code_cell(FAILING_CELL)] if fail else [])],
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "krbnn": {"title": {"id": title[0], "en": title[1]}},
        },
    )
    nbformat.write(notebook, path)
