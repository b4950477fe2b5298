"""Every library the packages import is a declared dependency, so a fresh install runs."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OURS = {"scraper", "extractors", "models", "alembic_migrations"}


def _imported_top_level_modules() -> set[str]:
    names: set[str] = set()
    for package in ("scraper", "extractors", "models", "alembic"):
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names.update(alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    names.add(node.module.split(".")[0])
    return names - OURS - set(sys.stdlib_module_names) - {"__future__"}


def _declared(extra: str | None = None) -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = list(project["dependencies"])
    if extra:
        specs += project["optional-dependencies"][extra]
    return {
        re.split(r"[\s<>=!~\[;]", spec, maxsplit=1)[0].lower().replace("_", "-") for spec in specs
    }


def test_every_imported_library_is_a_declared_dependency() -> None:
    distributions = packages_distributions()
    declared = _declared("postgres")
    missing = {}
    for module in sorted(_imported_top_level_modules()):
        dists = {d.lower().replace("_", "-") for d in distributions.get(module, [module])}
        if not dists & declared:
            missing[module] = sorted(dists)
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"


def test_plain_quotas_prints_its_help() -> None:
    import subprocess

    result = subprocess.run(
        [sys.executable, "-m", "scraper"], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == 0
    assert "Commands:" in result.stdout and "crawl" in result.stdout
    assert result.stderr == ""
