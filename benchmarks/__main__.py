"""Benchmarks with targets: loading every curated table, and rebuilding them from upstream.

Targets (on the project's 2-core machines; report, do not fail CI):
- load every table (hash + schema checks): < 5 s, peak Python memory < 500 MB;
- rebuild every table from ../shared/data/upstream in memory: < 60 s.
"""

from __future__ import annotations

import time
import tracemalloc

from krbnn_analysis import catalog, config, load
from krbnn_analysis.pipeline import ALL_STEPS
from krbnn_analysis.pipeline.core import run_step

TARGETS = {"load_all_seconds": 5.0, "load_all_peak_mb": 500.0, "rebuild_all_seconds": 60.0}


def measure_load_all() -> tuple[float, float]:
    tracemalloc.start()
    start = time.perf_counter()
    for name in catalog():
        load(name)
    elapsed = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak / 1e6


def measure_rebuild_all() -> float | None:
    if not config.upstream_dir().exists():
        return None
    start = time.perf_counter()
    for step in ALL_STEPS:
        run_step(step)
    return time.perf_counter() - start


def main() -> None:
    seconds, peak = measure_load_all()
    results = {"load_all_seconds": seconds, "load_all_peak_mb": peak}
    rebuild = measure_rebuild_all()
    if rebuild is not None:
        results["rebuild_all_seconds"] = rebuild
    for key, value in results.items():
        verdict = "ok" if value <= TARGETS[key] else "OVER TARGET"
        print(f"{key:22s} {value:8.2f}  (target ≤ {TARGETS[key]:g})  {verdict}")


if __name__ == "__main__":
    main()
