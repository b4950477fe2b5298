"""Every library the packages import is a declared dependency, so a fresh install runs."""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, distribution, packages_distributions
from pathlib import Path
from types import ModuleType

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

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


def _quickstart() -> ModuleType:
    spec = importlib.util.spec_from_file_location("quickstart", ROOT / ".ci" / "quickstart.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_readme_quick_start_has_its_two_commands() -> None:
    quickstart = _quickstart()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert quickstart.command_for(readme, "crawl").endswith("pip install -e . && quotas crawl")
    # the tests install with the `test` extra alone: what CI runs verbatim in a fresh venv
    assert "pip install -e '.[test]' && python -m pytest" in quickstart.command_for(readme, "test")


def test_a_quick_start_that_drifted_is_refused_with_a_reason() -> None:
    quickstart = _quickstart()
    three = "## Quick start\n\n```sh\npip install -e .\nquotas crawl\npython -m pytest\n```\n"
    with pytest.raises(ValueError, match="has 3 commands, not 2"):
        quickstart.quickstart_commands(three)
    with pytest.raises(ValueError, match="no ```sh block"):
        quickstart.quickstart_commands("# quota-tracker\n\nNo quick start here.\n")
    no_tests = "## Quick start\n\n```sh\npip install -e . && quotas crawl\npip install .\n```\n"
    with pytest.raises(ValueError, match="python -m pytest"):
        quickstart.command_for(no_tests, "test")


def _installed_closure(requirements: list[str]) -> set[str]:
    """The distributions that installing ``requirements`` brings, following their own needs."""
    seen: set[str] = set()
    todo = [Requirement(spec) for spec in requirements]
    while todo:
        req = todo.pop()
        name = canonicalize_name(req.name)
        if name in seen:
            continue
        seen.add(name)
        try:
            needs = distribution(req.name).requires or []
        except PackageNotFoundError:
            continue
        for spec in needs:
            sub = Requirement(spec)
            if sub.marker is None or any(
                sub.marker.evaluate({"extra": e}) for e in req.extras | {""}
            ):
                todo.append(sub)
    return seen


def _module_level_imports(path: Path) -> set[str]:
    """Top-level names a module imports when it is loaded (not inside functions or classes)."""
    names: set[str] = set()
    pending: list[ast.stmt] = list(ast.parse(path.read_text(encoding="utf-8")).body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
        elif isinstance(node, ast.Try | ast.If | ast.With):
            for handler in getattr(node, "handlers", []):
                pending.extend(handler.body)
            pending.extend(
                [*node.body, *getattr(node, "orelse", []), *getattr(node, "finalbody", [])]
            )
    return names


def test_test_modules_import_at_load_only_what_the_test_extra_installs() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    installed = _installed_closure(
        [*project["dependencies"], *project["optional-dependencies"]["test"]]
    )
    ours = OURS | {"tests", "bench"} | {path.stem for path in (ROOT / "tests").glob("*.py")}
    distributions = packages_distributions()
    outside = {}
    for path in sorted((ROOT / "tests").glob("*.py")):
        for module in _module_level_imports(path) - ours - set(sys.stdlib_module_names):
            dists = {canonicalize_name(d) for d in distributions.get(module, [module])}
            if not dists & installed:
                outside[f"{path.name}: {module}"] = sorted(dists)
    assert not outside, f"imported at load but not installed by '.[test]': {outside}"


def test_the_import_check_sees_a_module_level_import_of_an_extra(tmp_path: Path) -> None:
    module = tmp_path / "test_example.py"
    module.write_text(
        "import os\ntry:\n    import psycopg\nexcept ImportError:\n    pass\n\n"
        "def f():\n    import matplotlib\n"
    )
    assert _module_level_imports(module) == {"os", "psycopg"}
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    installed = _installed_closure(
        [*project["dependencies"], *project["optional-dependencies"]["test"]]
    )
    assert (
        "psycopg" not in installed and "pytest-httpserver" in installed and "werkzeug" in installed
    )
