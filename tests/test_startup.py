"""Cheap start: importing the package and asking the CLI for help load none of the heavy libraries."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("geopandas", "matplotlib", "networkx", "pandera", "pandas", "nbformat", "papermill", "nbconvert")

PROBE = """
import json, sys
{code}
print(json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)))
"""


def _heavy_modules_after(code: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(code=code, heavy=HEAVY)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_import_krbnn_analysis_loads_no_heavy_library():
    assert _heavy_modules_after("import krbnn_analysis") == []


def test_cli_help_loads_no_heavy_library():
    code = "from krbnn_analysis.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    assert _heavy_modules_after(code) == []


def test_the_probe_sees_a_heavy_import():  # the two tests above could not fail without this
    assert "pandas" in _heavy_modules_after("from krbnn_analysis import load")


def test_lazy_names_resolve_to_the_functions_and_modules():
    import krbnn_analysis
    from krbnn_analysis import catalog, load, loaders, regions

    assert callable(catalog) and catalog()["grdp"].name == "grdp"  # the function, not the submodule
    assert load is loaders.load and regions.__name__ == "krbnn_analysis.regions"
    assert krbnn_analysis.__version__ and "load" in dir(krbnn_analysis)
    with pytest.raises(AttributeError, match="no_such_name"):
        krbnn_analysis.no_such_name  # noqa: B018
