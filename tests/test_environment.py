"""pyproject.toml, environment.yml and constraints.txt agree (conda cannot be installed here to test it)."""

from __future__ import annotations

import re
import tomllib

import yaml
from packaging.requirements import Requirement

from krbnn_analysis import config

ROOT = config.REPO_ROOT
CONDA_NAMES = {}  # PyPI name → conda-forge name, where they differ (none today)


def _pyproject() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [*project["dependencies"], *project["optional-dependencies"]["dev"]]
    return {Requirement(r).name.lower(): str(Requirement(r).specifier) for r in requirements}


def _environment() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert env["channels"] == ["conda-forge"]
    out = {}
    for entry in env["dependencies"]:
        if isinstance(entry, str):
            name, spec = re.match(r"^([A-Za-z0-9_.\-]+)\s*(.*)$", entry).groups()
            out[name.lower()] = spec.replace(" ", "")
    return out


def test_environment_yml_lists_every_pyproject_dependency_with_the_same_bound():
    conda = _environment()
    for name, spec in _pyproject().items():
        assert CONDA_NAMES.get(name, name) in conda, f"{name} missing from environment.yml"
        assert conda[CONDA_NAMES.get(name, name)] == spec, f"{name}: {conda[name]} vs {spec}"


def test_environment_yml_has_nothing_pyproject_lacks():
    extra = set(_environment()) - set(_pyproject()) - {"python", "pip"}
    assert not extra


def test_constraints_pin_every_dependency_within_its_bound():
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.split("==")
            pins[name.lower().replace("_", "-")] = version.strip()
    for name, spec in _pyproject().items():
        assert name in pins, f"{name} is not pinned in constraints.txt"
        assert Requirement(f"{name}{spec}").specifier.contains(pins[name]), f"{name}=={pins[name]} vs {spec}"
