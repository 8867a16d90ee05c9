"""Incremental builds: what is redone, what is reused, and what never changes.

The notebooks here are SYNTHETIC (one loads ``hdi``, the other ``gini``); they run on real kernels.
Parallel versus sequential byte identity, and a failure in a parallel build, are in test_report.py.
"""

from __future__ import annotations

import hashlib
import shutil

import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell
from synthetic_notebooks import write_notebook

from krbnn_analysis import config
from krbnn_analysis.errors import ReportBuildError
from krbnn_analysis.report.build import (
    BUILT,
    REUSED,
    Briefing,
    Dependencies,
    Outcome,
    build_reports,
    execution_key,
    export_key,
)

DATE = "2026-01-31"


def _notebook(path, table: str, *, text: str = "Teks / text", fail: bool = False) -> None:
    cells = [
        new_markdown_cell(f"# {table}", metadata={"tags": ["lang-id"]}),
        new_markdown_cell(f"# {table} (en)", metadata={"tags": ["lang-en"]}),
        new_markdown_cell(text),
        new_code_cell('LANG = "id"', metadata={"tags": ["parameters"]}),
        new_code_cell(f"from krbnn_analysis import load, report\nframe = load({table!r})"),
        new_code_cell("report.note(LANG, id='Baris: {n}', en='Rows: {n}', n=len(frame))"),
        new_code_cell("report.sources_table(LANG)"),
    ]
    write_notebook(path, cells, title=(f"Sintetis {table}", f"Synthetic {table}"), fail=fail)


def _build(notebooks, out, outcomes: list[Outcome] | None = None, **options) -> dict[tuple, Outcome]:
    """Build; the outcomes reported through ``progress``, by (notebook, language)."""
    outcomes = [] if outcomes is None else outcomes
    options.setdefault("build_date", DATE)
    build_reports(notebooks_dir=notebooks, out_dir=out, progress=outcomes.append, **options)
    return _by_job(outcomes)


def _by_job(outcomes: list[Outcome]) -> dict[tuple[str, str], Outcome]:
    return {(o.name, o.lang): o for o in outcomes}


def _statuses(outcomes: dict[tuple[str, str], Outcome]) -> dict[tuple[str, str], str]:
    return {job: outcome.status for job, outcome in outcomes.items()}


def _snapshot(out) -> dict:
    return {p.relative_to(out): p.read_bytes() for p in out.rglob("*.html")}


@pytest.fixture
def project(tmp_path, data_copy):
    """Two synthetic briefings against a private copy of data/: 80 loads hdi, 81 loads gini."""
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    _notebook(notebooks / "80_hdi.ipynb", "hdi")
    _notebook(notebooks / "81_gini.ipynb", "gini")
    return notebooks, tmp_path / "reports", data_copy


def _change_table(data_dir, name: str) -> None:
    """A real change of a curated table: one more (blank) line in the file, its new hash in the catalog."""
    path = data_dir / f"{name}.csv"
    old = hashlib.sha256(path.read_bytes()).hexdigest()
    path.write_bytes(path.read_bytes() + b"\n")
    new = hashlib.sha256(path.read_bytes()).hexdigest()
    catalog = data_dir / "catalog.yaml"
    text = catalog.read_text(encoding="utf-8")
    assert text.count(old) == 1
    catalog.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.slow
def test_warm_rebuild_reuses_everything_and_a_changed_table_rebuilds_only_its_briefings(project):
    notebooks, out, data_dir = project
    first = _build(notebooks, out, languages=["id"], jobs=2)
    assert _statuses(first) == {("80_hdi", "id"): BUILT, ("81_gini", "id"): BUILT}
    cold = _snapshot(out)

    warm = _build(notebooks, out, languages=["id"], jobs=2)
    assert _statuses(warm) == {("80_hdi", "id"): REUSED, ("81_gini", "id"): REUSED}
    assert _snapshot(out) == cold

    # A new footer date: both are exported again from their stored runs, without a kernel; back to the
    # old date, the stored runs give exactly the bytes of the cold build.
    restamped = _build(notebooks, out, languages=["id"], jobs=2, build_date="2026-02-01")
    assert {o.detail for o in restamped.values()} == {"exported from the stored run"}
    assert "1 Februari 2026" in (out / "id" / "80_hdi.html").read_text(encoding="utf-8")
    _build(notebooks, out, languages=["id"], jobs=2)
    assert _snapshot(out) == cold

    _change_table(data_dir, "gini")
    after = _build(notebooks, out, languages=["id"], jobs=2)
    assert _statuses(after) == {("80_hdi", "id"): REUSED, ("81_gini", "id"): BUILT}
    assert after["81_gini", "id"].detail == "executed"

    forced = _build(notebooks, out, languages=["id"], jobs=2, force=True)
    assert set(_statuses(forced).values()) == {BUILT}
    assert _snapshot(out) == cold  # one blank line more in gini.csv changes no figure


def test_stamp_change_only_re_exports(project, tmp_path):
    """A new commit or date changes the footer: the briefing is exported again, not executed."""
    notebooks, _, _ = project
    briefing = Briefing.from_path(notebooks / "80_hdi.ipynb")
    key = execution_key(briefing, "id", Dependencies(("i18n.py",), ("hdi",)))
    stamp = {"version": "1", "commit": "abc", "date": DATE}
    assert export_key(key, briefing, stamp) != export_key(key, briefing, {**stamp, "commit": "abd"})
    assert export_key(key, briefing, stamp) == export_key(key, briefing, dict(stamp))


def test_execution_key_follows_exactly_the_dependencies(project, tmp_path, monkeypatch):
    notebooks, _, data_dir = project
    package = tmp_path / "package"
    shutil.copytree(config.PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(config, "PACKAGE_DIR", package)
    briefing = Briefing.from_path(notebooks / "80_hdi.ipynb")
    used = Dependencies(modules=("i18n.py", "loaders.py"), tables=("hdi",))
    key = execution_key(briefing, "id", used)
    assert execution_key(briefing, "id", used) == key  # stable
    assert execution_key(briefing, "en", used) != key  # language

    (package / "tables.py").write_text("# a module the briefing did not import\n", encoding="utf-8")
    _change_table(data_dir, "gini")  # a table it did not load
    assert execution_key(briefing, "id", used) == key

    with (package / "i18n.py").open("a", encoding="utf-8") as handle:
        handle.write("\n# changed\n")
    assert execution_key(briefing, "id", used) != key  # an imported module
    key = execution_key(briefing, "id", used)

    _change_table(data_dir, "hdi")
    assert execution_key(briefing, "id", used) != key  # a loaded table
    key = execution_key(briefing, "id", used)

    with (package / "translations.yaml").open("a", encoding="utf-8") as handle:
        handle.write("\n# changed\n")
    assert execution_key(briefing, "id", used) != key  # a package resource
    key = execution_key(briefing, "id", used)

    _notebook(notebooks / "80_hdi.ipynb", "hdi", text="other text")
    assert execution_key(briefing, "id", used) != key  # the notebook


def test_jobs_must_be_positive(project):
    notebooks, out, _ = project
    with pytest.raises(ReportBuildError, match="at least 1"):
        build_reports(notebooks_dir=notebooks, out_dir=out, jobs=0)
