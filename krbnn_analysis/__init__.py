"""krbnn-analysis: evidence for the Bali–NTB–NTT regional cooperation (KR BNN).

Main entry points::

    from krbnn_analysis import load, catalog, regions
    grdp = load("grdp")                 # tidy DataFrame, hash- and schema-checked
    catalog()["grdp"].sources           # provenance of every table
"""

from importlib.metadata import PackageNotFoundError, version

from krbnn_analysis import regions
from krbnn_analysis.catalog import catalog
from krbnn_analysis.loaders import load, loaded_datasets

try:
    __version__ = version("krbnn-analysis")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0+unknown"

__all__ = ["__version__", "catalog", "load", "loaded_datasets", "regions"]
