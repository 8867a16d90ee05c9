"""Benchmarks with targets (``make benchmarks``; never run by the tests). Every ratio compares two
timings taken in this one run, on this machine (described first; results recorded in RESULTS.md).

Targets (on the project's 2-core machines; report, do not fail CI):
- cold build of every briefing (``krbnn reports``) against a naive build of the same notebooks and
  languages (papermill per notebook and language, then ``jupyter nbconvert --to html --no-input``):
  ≤ 0.35×; warm rebuild with nothing changed against the same naive build: ≤ 0.03×;
- rebuild after one curated table changes: only the briefings that load it (time reported);
- ``import krbnn_analysis`` and ``krbnn --help``: ≤ 0.15 s above a bare ``python -c pass``;
- size of each briefing (with its embedded CSV data): ≤ 1.5 MB; of each landing page: ≤ 0.2 MB;
- load every table (hash + schema checks): < 5 s, peak Python memory < 500 MB;
- rebuild every table from ../shared/data/upstream in memory: < 60 s.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from krbnn_analysis import config

BIN = Path(sys.executable).parent
BUILD_DATE = "2026-01-31"
TARGETS = {
    "cold_build_ratio": 0.35,
    "warm_build_ratio": 0.03,
    "import_overhead_seconds": 0.15,
    "help_overhead_seconds": 0.15,
    "briefing_mb": 1.5,
    "landing_mb": 0.2,
    "load_all_seconds": 5.0,
    "load_all_peak_mb": 500.0,
    "rebuild_all_seconds": 60.0,
}


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        models = [
            line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines() if "model name" in line
        ]
        cpu = models[0] if models else cpu
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(meminfo.read_text().split()[1])
        memory = f", {kib / 2**20:.0f} GiB memory"
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{cores} cores ({cpu}){memory}; Python {platform.python_version()} on {platform.system()}; "
        f"load average at start {load:.2f}"
    )


def verdict(key: str, value: float) -> str:
    target = TARGETS[key]
    return f"(target ≤ {target:g})  {'ok' if value <= target else 'OVER TARGET'}"


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run(command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=cwd)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(command)}\n{result.stderr[-2000:]}")
    return elapsed, result.stdout


def timed(function, *args):
    """Wall seconds, CPU seconds of the child processes, and the function's result."""
    cpu = children_cpu()
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, children_cpu() - cpu, result


# --- briefing builds -----------------------------------------------------------------------------------


def naive_build(notebooks: list[Path], work: Path) -> float:
    """papermill for each notebook and language, then nbconvert --no-input, one after the other."""
    start = time.perf_counter()
    for notebook in notebooks:
        for lang in config.LANGUAGES:
            executed = work / f"{notebook.stem}.{lang}.ipynb"
            papermill = [str(BIN / "papermill"), str(notebook), str(executed), "-p", "LANG", lang]
            run([*papermill, "-k", "python3", "--cwd", str(notebook.parent), "--no-progress-bar"])
            run([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(executed)])
    return time.perf_counter() - start


def krbnn_reports(reports: Path, data: Path | None = None, *extra: str) -> tuple[float, str]:
    env = {**os.environ, "KRBNN_REPORTS_DIR": str(reports)}
    if data is not None:
        env["KRBNN_DATA_DIR"] = str(data)
    return run([str(BIN / "krbnn"), "reports", "--build-date", BUILD_DATE, *extra], env=env)


def change_one_table(reports: Path, work: Path) -> tuple[str, Path]:
    """A copy of data/ in which one table a briefing loads (the one fewest briefings load) changed."""
    import json

    loaded_by: dict[str, set[str]] = {}
    for manifest in (reports / ".build").glob("*/*.json"):
        for table in json.loads(manifest.read_text())["dependencies"]["tables"]:
            loaded_by.setdefault(table, set()).add(manifest.stem)
    table = min(sorted(loaded_by), key=lambda name: len(loaded_by[name]))
    data = work / "data"
    shutil.copytree(config.data_dir(), data)
    from krbnn_analysis import catalog

    path = data / catalog()[table].path
    old = hashlib.sha256(path.read_bytes()).hexdigest()
    path.write_bytes(path.read_bytes() + b"\n")  # a real change of the file (no figure changes)
    new = hashlib.sha256(path.read_bytes()).hexdigest()
    catalog_file = data / "catalog.yaml"
    catalog_file.write_text(catalog_file.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return table, data


def summary_line(output: str) -> str:
    return output.strip().splitlines()[-1] if output.strip() else ""


def builds() -> None:
    notebooks = sorted(config.notebooks_dir().glob("[0-9][0-9]_*.ipynb"))
    jobs = len(notebooks) * len(config.LANGUAGES)
    with tempfile.TemporaryDirectory(prefix="krbnn-bench-") as name:
        work = Path(name)
        (work / "naive").mkdir()
        naive, naive_cpu, _ = timed(naive_build, notebooks, work / "naive")
        reports = work / "reports"
        cold, cold_cpu, (_, out) = timed(krbnn_reports, reports)
        cold_summary = summary_line(out)
        warm, _, (_, out) = timed(krbnn_reports, reports)
        warm_summary = summary_line(out)
        table, data = change_one_table(reports, work)
        changed, _, (_, out) = timed(krbnn_reports, reports, data)
        rebuilt = sorted(" ".join(line.split()[1:3]) for line in out.splitlines() if line.startswith("built"))
        print(f"briefings: {len(notebooks)} notebooks × {len(config.LANGUAGES)} languages = {jobs} runs")
        print(f"naive papermill + nbconvert build      {naive:8.1f} s  (CPU {naive_cpu:.1f} s)")
        print(
            f"cold build (krbnn reports)             {cold:8.1f} s  = {cold / naive:.3f}× naive  "
            f"{verdict('cold_build_ratio', cold / naive)}  "
            f"(CPU {cold_cpu:.1f} s = {cold_cpu / naive_cpu:.3f}× naive)  [{cold_summary}]"
        )
        print(
            f"warm rebuild, nothing changed          {warm:8.2f} s  = {warm / naive:.3f}× naive  "
            f"{verdict('warm_build_ratio', warm / naive)}   [{warm_summary}]"
        )
        print(
            f"rebuild after table {table!r} changed  {changed:8.1f} s  "
            f"rebuilt: {', '.join(rebuilt) or 'none'}"
        )
        for path in sorted(reports.glob("*/*.html")):
            size = path.stat().st_size / 1e6
            label = f"size {path.parent.name}/{path.name}"
            print(f"{label:38s} {size:8.2f} MB {verdict('briefing_mb', size)}")
        for path in sorted(reports.glob("index*.html")):
            size = path.stat().st_size / 1e6
            print(f"{'size ' + path.name:38s} {size:8.2f} MB {verdict('landing_mb', size)}")


# --- start-up ------------------------------------------------------------------------------------------


def median_seconds(command: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def startup(repeat: int = 15) -> None:
    bare = median_seconds([sys.executable, "-c", "pass"], repeat)
    package = median_seconds([sys.executable, "-c", "import krbnn_analysis"], repeat)
    helps = median_seconds([str(BIN / "krbnn"), "--help"], repeat)
    print(f"python -c pass (median of {repeat})           {bare:8.3f} s")
    print(
        f"import krbnn_analysis, above bare       {package - bare:8.3f} s "
        f"{verdict('import_overhead_seconds', package - bare)}"
    )
    print(
        f"krbnn --help, above bare                {helps - bare:8.3f} s "
        f"{verdict('help_overhead_seconds', helps - bare)}"
    )


# --- tables --------------------------------------------------------------------------------------------


def measure_load_all() -> tuple[float, float]:
    from krbnn_analysis import catalog, load

    tracemalloc.start()
    start = time.perf_counter()
    for name in catalog():
        load(name)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak / 1e6


def measure_rebuild_all() -> float | None:
    from krbnn_analysis.pipeline import ALL_STEPS
    from krbnn_analysis.pipeline.core import run_step

    if not config.upstream_dir().exists():
        return None
    start = time.perf_counter()
    for step in ALL_STEPS:
        run_step(step)
    return time.perf_counter() - start


def tables() -> None:
    seconds, peak = measure_load_all()
    results = {"load_all_seconds": seconds, "load_all_peak_mb": peak}
    rebuild = measure_rebuild_all()
    if rebuild is not None:
        results["rebuild_all_seconds"] = rebuild
    for key, value in results.items():
        print(f"{key:38s} {value:8.2f}  {verdict(key, value)}")


def main(argv: list[str] | None = None) -> None:
    parts = {"startup": startup, "builds": builds, "tables": tables}
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("parts", nargs="*", help=f"any of {', '.join(parts)} (default: all)")
    chosen = parser.parse_args(argv).parts or list(parts)
    unknown = [name for name in chosen if name not in parts]
    if unknown:
        parser.error(f"unknown part {', '.join(unknown)}; choose from {', '.join(parts)}")
    print(f"machine: {machine()}")
    for name in chosen:
        parts[name]()


if __name__ == "__main__":
    main()
