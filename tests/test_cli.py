"""The krbnn command: one readable line and a non-zero exit on errors, never a traceback."""

from __future__ import annotations

import subprocess
import sys

from krbnn_analysis.cli import main


def test_data_list_and_check_pass(capsys):
    assert main(["data", "list"]) == 0
    assert "grdp_by_industry" in capsys.readouterr().out
    assert main(["data", "check"]) == 0
    assert "match the catalog" in capsys.readouterr().out


def test_data_check_reports_every_broken_table_at_once(data_copy, capsys):
    for name in ("hdi.csv", "gini.csv"):
        (data_copy / name).write_bytes((data_copy / name).read_bytes() + b"x")
    assert main(["data", "check"]) == 1
    out = capsys.readouterr()
    assert out.out.count("FAIL") == 2 and "2 of" in out.err


def test_errors_are_one_line_with_exit_status_1(data_copy):
    (data_copy / "hdi.csv").write_bytes(b"")
    result = subprocess.run(
        [sys.executable, "-m", "krbnn_analysis.cli", "data", "build", "no_such_table"],
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "KRBNN_DATA_DIR": str(data_copy)},
    )
    assert result.returncode == 1
    assert result.stderr.startswith("krbnn: error: no step builds no_such_table")
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_unknown_language_for_reports(capsys):
    assert main(["reports", "00_overview", "--lang", "fr"]) == 1
    assert "unknown language 'fr'" in capsys.readouterr().err


def test_reports_rejects_zero_jobs(capsys):
    assert main(["reports", "00_overview", "-j", "0"]) == 1
    assert "at least 1" in capsys.readouterr().err
