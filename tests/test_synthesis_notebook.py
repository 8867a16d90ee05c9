"""Briefing 06 re-run with other weights, as a researcher would: ``papermill -p W_<KEY> value``."""

from __future__ import annotations

import html

import nbformat
import pytest

from krbnn_analysis import config
from krbnn_analysis.briefings import synthesis
from krbnn_analysis.report.build import KERNEL_NAME, project_kernel

NOTEBOOK = "06_synthesis.ipynb"


def _parameters_cell() -> str:
    notebook = nbformat.read(config.notebooks_dir() / NOTEBOOK, as_version=4)
    return next(c.source for c in notebook.cells if "parameters" in c.metadata.get("tags", []))


def test_the_parameter_cell_holds_one_weight_per_indicator_at_its_default():
    names = {}
    exec(_parameters_cell(), {}, names)
    weights = {name: value for name, value in names.items() if name.startswith("W_")}
    assert set(weights) == {f"W_{key.upper()}" for key in synthesis.DEFAULT_WEIGHTS}
    assert synthesis.weights_from_parameters(names) == synthesis.DEFAULT_WEIGHTS


@pytest.fixture(scope="module")
def rerun(tmp_path_factory):
    import papermill

    out = tmp_path_factory.mktemp("papermill") / NOTEBOOK
    with project_kernel():
        papermill.execute_notebook(
            config.notebooks_dir() / NOTEBOOK,
            out,
            parameters={"LANG": "en", "W_RE_GENERATION_SHARE": 0.0},
            kernel_name=KERNEL_NAME,
            cwd=str(config.notebooks_dir()),
            progress_bar=False,
        )
    notebook = nbformat.read(out, as_version=4)
    return "\n".join(
        output.get("data", {}).get("text/html", "")
        for cell in notebook.cells
        for output in cell.get("outputs", [])
    )


def test_other_weights_give_another_consistent_matrix(rerun):
    # With no weight on the renewable share of generation, renewable strength is the RUEN potential alone,
    # where NTB leads (21,211 MW against NTT's 17,888): NTB, not NTT, becomes the supplier of the top pair.
    focus = synthesis.focus_results()  # the five results once, for both weightings
    default = synthesis.compute(results=focus)
    changed = synthesis.compute(weights={"re_generation_share": 0.0}, results=focus)
    assert tuple(default.ranked(1)[["supplier", "buyer"]]) == ("53", "51")
    assert tuple(changed.ranked(1)[["supplier", "buyer"]]) == ("52", "51")
    assert changed.ranked(1)["score"] == pytest.approx(1.0)
    shown = html.unescape(rerun)
    assert "Cooperation pays most in renewable energy: NTB's strength meets Bali's gap (score 1.00" in shown
    assert "NTT's strength meets Bali's gap" not in shown
