"""krbnn-analysis: evidence for the Bali–NTB–NTT regional cooperation (KR BNN).

Main entry points::

    from krbnn_analysis import load, catalog, regions
    grdp = load("grdp")                 # tidy DataFrame, hash- and schema-checked
    catalog()["grdp"].sources           # provenance of every table

Importing the package is cheap: ``load``, ``catalog`` and the submodules (pandas, pandera,
geopandas, matplotlib…) are imported on first use.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

# Public names and the module that defines them, imported on first access (PEP 562).
_LAZY = {
    "catalog": "krbnn_analysis.catalog",
    "load": "krbnn_analysis.loaders",
    "loaded_datasets": "krbnn_analysis.loaders",
}

if TYPE_CHECKING:
    __version__: str
    from krbnn_analysis import regions
    from krbnn_analysis.catalog import catalog
    from krbnn_analysis.loaders import load, loaded_datasets


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # ~50 ms: only when asked

    try:
        return version("krbnn-analysis")
    except PackageNotFoundError:  # running from a source tree without installation
        return "0.0.0+unknown"


def __getattr__(name: str) -> Any:
    if name == "__version__":
        value = _version()
    elif name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
    else:
        try:  # a submodule: krbnn_analysis.regions, krbnn_analysis.plotting…
            value = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    globals()[name] = value
    return value


class _Package(types.ModuleType):
    def __setattr__(self, name: str, value: Any) -> None:
        # Once a submodule is loaded, the import system binds it to the package attribute of its name;
        # ``catalog`` names both a submodule and the function exported here: the function wins.
        if name == "catalog" and isinstance(value, types.ModuleType):
            value = value.catalog
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY, "__version__"])


__all__ = ["__version__", "catalog", "load", "loaded_datasets", "regions"]
