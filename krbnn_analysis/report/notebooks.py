"""Re-execute notebooks in place, so that their stored outputs are what strict nbval expects.

The stored outputs are those of the default language (Bahasa Indonesia). Execution uses nbclient
(not papermill, which would inject a parameters cell and timestamps into the committed file) with
timing metadata off, so a re-run of an unchanged notebook changes no byte.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import nbformat

from krbnn_analysis.errors import ReportBuildError
from krbnn_analysis.report.build import KERNEL_NAME, discover, kernel_manager, project_kernel

TIMEOUT_SECONDS = 600


def execute_in_place(names: Iterable[str] | None = None, notebooks_dir: Path | None = None) -> list[Path]:
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    written = []
    with project_kernel() as root:
        for briefing in discover(names, notebooks_dir):
            notebook = nbformat.read(briefing.path, as_version=4)
            with kernel_manager(root) as manager:
                client = NotebookClient(
                    notebook,
                    km=manager,
                    kernel_name=KERNEL_NAME,
                    timeout=TIMEOUT_SECONDS,
                    record_timing=False,
                    resources={"metadata": {"path": str(briefing.path.parent)}},
                )
                try:
                    client.execute()
                except CellExecutionError as error:
                    last = str(error).strip().splitlines()[-1]
                    raise ReportBuildError(f"{briefing.path.name}: {last}") from None
            notebook.metadata.pop("widgets", None)
            notebook.metadata["kernelspec"] = {
                "display_name": "Python 3 (ipykernel)",
                "language": "python",
                "name": "python3",
            }
            nbformat.write(notebook, briefing.path)
            written.append(briefing.path)
    return written


__all__ = ["execute_in_place"]
