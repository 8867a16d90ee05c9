"""Derivation of the curated tables in ``data/`` from the read-only upstream folder.

``krbnn data build`` runs every step in ``ALL_STEPS``; see ``core.build`` for the all-or-nothing
guarantee. The framework (``core``, ``specs``, ``upstream``, ``geo``, ``common``) lives here; the subject
steps live in ``subjects/`` (one module or sub-package per subject). Steps are discovered: every module
under ``subjects`` that defines ``STEPS`` contributes them (modules in name order). To add a table: write
a subject module with a specification (``specs.spec``), a ``run`` function and ``STEPS``, run the build,
and commit the table with the regenerated catalog.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from pathlib import Path

from krbnn_analysis.catalog import Dataset
from krbnn_analysis.errors import UnknownDatasetError
from krbnn_analysis.pipeline import subjects
from krbnn_analysis.pipeline.core import Step, build, rebuild_differences


def _discover_steps() -> tuple[Step, ...]:
    steps: list[Step] = []
    modules = pkgutil.walk_packages(subjects.__path__, prefix=f"{subjects.__name__}.")
    for module in sorted(modules, key=lambda m: m.name):
        loaded = importlib.import_module(module.name)
        steps.extend(getattr(loaded, "STEPS", ()))
    names = [name for s in steps for name in s.output_names()]
    duplicated = sorted({n for n in names if names.count(n) > 1})
    if duplicated:
        raise UnknownDatasetError(f"tables produced by more than one step: {', '.join(duplicated)}")
    return tuple(steps)


ALL_STEPS: tuple[Step, ...] = _discover_steps()


def steps_for(names: Iterable[str] | None = None) -> list[Step]:
    """The steps producing the given tables (all steps when ``names`` is empty or None)."""
    names = list(names or [])
    if not names:
        return list(ALL_STEPS)
    known = {n: s for s in ALL_STEPS for n in s.output_names()}
    unknown = [n for n in names if n not in known]
    if unknown:
        raise UnknownDatasetError(
            f"no step builds {', '.join(unknown)}; known tables: {', '.join(sorted(known))}"
        )
    chosen: list[Step] = []
    for name in names:
        if known[name] not in chosen:
            chosen.append(known[name])
    return chosen


def build_tables(
    names: Iterable[str] | None = None, *, data_dir: Path | None = None, upstream_root: Path | None = None
) -> dict[str, Dataset]:
    return build(steps_for(names), data_dir=data_dir, upstream_root=upstream_root)


def differences_from_committed(data_dir: Path | None = None) -> list[str]:
    return rebuild_differences(ALL_STEPS, data_dir)


__all__ = ["ALL_STEPS", "build_tables", "differences_from_committed", "steps_for"]
