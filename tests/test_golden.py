"""Golden pages: every fixture page with a ``.facts.json`` beside it yields exactly those facts.

The golden files are typed by hand from the pages (fixtures/README.md); the extractor is
measured against them and never the other way round. ``python tests/golden.py diff`` shows
the same comparison for all pages at once.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest


def _load_golden_module() -> ModuleType:
    """tests/golden.py by its path, so this works whether or not tests/ is a package."""
    path = Path(__file__).with_name("golden.py")
    spec = importlib.util.spec_from_file_location("quota_tests_golden", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being built
    spec.loader.exec_module(module)
    return module


golden = _load_golden_module()
PATHS = golden.golden_files()
IDS = [
    path.relative_to(golden.SITES).as_posix().removesuffix(golden.GOLDEN_SUFFIX) for path in PATHS
]


def test_the_golden_pages_are_there() -> None:
    """The notice pages of fixtures/README.md: if this drops, pages went missing."""
    assert len(PATHS) >= 15, [path.name for path in PATHS]


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_golden_file_is_well_formed(path: Path) -> None:
    problems = golden.golden_problems(path)
    assert not problems, f"{path.name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_golden_figures_add_up(path: Path) -> None:
    """Category parts sum to their whole; holders' parts never exceed the national figure."""
    facts = golden.load_golden(path).facts
    if any(key[-1] != "official" for key in facts):
        pytest.skip("figures of reported news need not add up")
    problems = golden.arithmetic_problems(facts)
    assert not problems, f"{path.name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_extracted_facts_match_golden(path: Path) -> None:
    case = golden.load_golden(path)
    extraction = golden.extract_page(case)
    assert extraction.error is None, f"{case.name}: {extraction.error}"
    found = golden.extracted_keys(extraction)
    assert found == case.facts, f"{case.name}\n" + golden.describe_diff(case.facts, found)


@pytest.mark.parametrize("path", PATHS, ids=IDS)
def test_extracted_publication_date_matches_golden(path: Path) -> None:
    """Read in full: a page the relevance gate settles keeps no date (tests/test_gate.py)."""
    case = golden.load_golden(path)
    published = golden.extract_page(case, gate=False).content.published
    assert published is not None, f"{case.name}: no publication date read"
    assert published.date() == case.published, case.name


def test_diff_names_missing_and_extra_facts() -> None:
    """The message a failing page shows: each missing and each extra fact, marked."""
    kept = ("rare_earth", "mining", 2024, "batch:1", None, None, 135000, "official")
    lost = ("rare_earth", "smelting_separation", 2024, "batch:1", None, None, 127000, "official")
    wrong = ("rare_earth", "smelting_separation", 2024, "batch:1", None, None, 12700, "official")
    message = golden.describe_diff(frozenset({kept, lost}), frozenset({kept, wrong}))
    assert "missing (1)" in message and "amount_t=127000" in message
    assert "extra (1)" in message and "amount_t=12700 " in message
    assert "135000" not in message
    assert golden.describe_diff(frozenset({kept}), frozenset({kept})) == ""


def test_arithmetic_check_catches_a_slip() -> None:
    """A category part typed wrong, or a province given more than the nation, is reported."""
    base = ("rare_earth", "mining", 2020, "batch:1")
    facts = [
        (*base, None, None, 66000, "official"),
        (*base, "light", None, 56425, "official"),
        (*base, "medium_heavy", None, 9675, "official"),  # 9575 on the page
        (*base, "medium_heavy", "province:jiangxi", 9700, "official"),
    ]
    problems = golden.arithmetic_problems(facts)
    assert any("56425 + 9675 != 66000" in problem for problem in problems), problems
    assert any("province parts sum to 9700 > national 9675" in problem for problem in problems)
