"""Speed and memory benchmarks (targets live here, never in timed tests). Run: ``make benchmarks``."""
