"""Every path the package uses, in one place (cookiecutter-data-science style).

Paths can be overridden with environment variables so that tests and CI can point the package at a
temporary copy without touching the repository:

- ``KRBNN_DATA_DIR``      curated tables and ``catalog.yaml`` (default ``<repo>/data``)
- ``KRBNN_UPSTREAM_DIR``  read-only upstream files (default ``<repo>/../shared/data/upstream``)
- ``KRBNN_REPORTS_DIR``   exported HTML briefings (default ``<repo>/reports``)
- ``KRBNN_NOTEBOOKS_DIR`` briefing notebooks (default ``<repo>/notebooks``)
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent


def _env_path(variable: str, default: Path) -> Path:
    value = os.environ.get(variable)
    return Path(value).resolve() if value else default


def data_dir() -> Path:
    """Directory of the committed curated tables and their catalog."""
    return _env_path("KRBNN_DATA_DIR", REPO_ROOT / "data")


def catalog_path() -> Path:
    return data_dir() / "catalog.yaml"


def upstream_dir() -> Path:
    """Read-only upstream files (``../shared/data/upstream`` beside the checkout)."""
    return _env_path("KRBNN_UPSTREAM_DIR", REPO_ROOT.parent / "shared" / "data" / "upstream")


def reports_dir() -> Path:
    return _env_path("KRBNN_REPORTS_DIR", REPO_ROOT / "reports")


def notebooks_dir() -> Path:
    return _env_path("KRBNN_NOTEBOOKS_DIR", REPO_ROOT / "notebooks")


UPSTREAM_SOURCES_FILE = PACKAGE_DIR / "pipeline" / "upstream_sources.yaml"
TRANSLATIONS_FILE = PACKAGE_DIR / "translations.yaml"
TEMPLATES_DIR = PACKAGE_DIR / "report" / "templates"

LANGUAGES: tuple[str, ...] = ("id", "en")  # Bahasa Indonesia first: it is the default
DEFAULT_LANGUAGE = "id"
