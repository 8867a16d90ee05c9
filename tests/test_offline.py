"""No network on the default path: the test session is guarded, and the CLI runs in a namespace
without any network (``unshare -n``), building tables checks and briefings."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys

import pytest
import requests

from krbnn_analysis import config


def test_the_test_session_cannot_reach_the_network():
    with pytest.raises(OSError, match="blocked during tests"):
        socket.create_connection(("192.0.2.1", 443), timeout=1)  # TEST-NET-1, never routed
    with pytest.raises(requests.ConnectionError, match="blocked during tests"):
        requests.get("https://webapi.bps.go.id/", timeout=1)


def _unshare_available() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True)
    return probe.returncode == 0


@pytest.mark.slow
@pytest.mark.skipif(not _unshare_available(), reason="needs 'unshare -n' (root or user namespaces)")
def test_cli_checks_data_and_builds_a_briefing_with_no_network(tmp_path):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    shutil.copy(config.notebooks_dir() / "00_overview.ipynb", notebooks / "00_overview.ipynb")
    env = {
        **os.environ,
        "KRBNN_NOTEBOOKS_DIR": str(notebooks),
        "KRBNN_REPORTS_DIR": str(tmp_path / "reports"),
    }
    krbnn = [sys.executable, "-m", "krbnn_analysis.cli"]
    for command in (["data", "check"], ["reports", "--lang", "id", "--build-date", "2026-01-31"]):
        result = subprocess.run(["unshare", "-n", *krbnn, *command], capture_output=True, text=True, env=env)
        assert result.returncode == 0, result.stderr
    assert (tmp_path / "reports" / "id" / "00_overview.html").exists()
