"""Shared fixtures. Tests never touch the network; tests that need ../shared are marked `upstream`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from krbnn_analysis import config

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _skip_without_upstream(request):
    if request.node.get_closest_marker("upstream") and not config.upstream_dir().exists():
        pytest.skip(f"upstream folder {config.upstream_dir()} is absent (it sits beside the checkout in CI)")


@pytest.fixture
def data_copy(tmp_path, monkeypatch) -> Path:
    """A private copy of data/ (tables + catalog) that tests may break; KRBNN_DATA_DIR points to it."""
    target = tmp_path / "data"
    shutil.copytree(config.REPO_ROOT / "data", target)
    monkeypatch.setenv("KRBNN_DATA_DIR", str(target))
    return target


@pytest.fixture
def upstream_copy(tmp_path, monkeypatch) -> Path:
    """A private, writable copy of the upstream folder (only the files a test needs are touched)."""
    source = config.upstream_dir()
    if not source.exists():
        pytest.skip("upstream folder absent")
    target = tmp_path / "upstream"
    shutil.copytree(source, target)
    for path in target.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    monkeypatch.setenv("KRBNN_UPSTREAM_DIR", str(target))
    return target
