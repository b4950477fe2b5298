"""Consistency checks: each finding names the facts and documents that disagree."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy.engine import Engine

from models.checks import Finding, check_database, load_findings, store_findings

try:
    from tests.test_reconcile import CREG, NORTH, RE, M, Row, S, seed
except ImportError:  # tests/ on sys.path rather than the project root
    from test_reconcile import CREG, NORTH, RE, M, Row, S, seed  # type: ignore[no-redef]

TYPO_URL = "https://metals.example.net/2021/ionic"


def by_check(findings: list[Finding], check: str) -> list[Finding]:
    return [f for f in findings if f.check == check]


def test_a_misplaced_wan_is_found_twice_and_named(tmp_path: Path) -> None:
    findings = check_database(seed(tmp_path / "q.db"))
    typo_key = "rare_earth/mining/2021/batch:1/medium_heavy"
    parts = by_check(findings, "category_parts")
    assert [(f.severity, f.key) for f in parts] == [("error", typo_key)]
    assert TYPO_URL in parts[0].documents
    assert "76,600,000 t" in parts[0].message and "84,000 t" in parts[0].message
    magnitude = by_check(findings, "magnitude")
    assert [(f.severity, f.key) for f in magnitude] == [("error", typo_key)]
    assert "misplaced 万" in magnitude[0].message
    assert magnitude[0].documents[0] == TYPO_URL
    # The good 2019 and 2020 figures the typo is compared with are cited, not flagged.
    assert len(magnitude[0].fact_ids) >= 3


def test_a_wrong_stated_growth_is_found_and_a_right_one_is_not(tmp_path: Path) -> None:
    findings = by_check(check_database(seed(tmp_path / "q.db")), "stated_growth")
    assert len(findings) == 1
    (found,) = findings
    assert found.key == "rare_earth/mining/2024/batch:1"
    assert "+20%" in found.message and "+12.5%" in found.message
    assert found.documents[0] == "https://news.example.com/2024/quota-raised"


def test_the_consistent_reference_years_raise_nothing_else(tmp_path: Path) -> None:
    findings = check_database(seed(tmp_path / "q.db"))
    assert by_check(findings, "holder_allocations") == []  # 94,580 + 40,420 = 135,000
    assert by_check(findings, "batches_vs_annual") == []  # 2022-2024 batches add up
    assert len(findings) == 3


def doc(url: str, *rows: Row) -> tuple[str, date, str, list[Row]]:
    return (url, date(2024, 9, 1), "official", list(rows))


def test_sums_that_do_not_add_up(tmp_path: Path) -> None:
    engine = seed(
        tmp_path / "q.db",
        [
            doc(
                "https://x.example/notice",
                (RE, M, 2024, "batch:1", None, None, 135000, None),
                (RE, M, 2024, "batch:1", "light", None, 124860, None),
                (RE, M, 2024, "batch:1", "medium_heavy", None, 12000, None),  # 10,140 + 1,860
                (RE, M, 2024, "batch:2", None, None, 135000, None),
                (RE, M, 2024, "annual", None, None, 260000, None),  # batches say 270,000
                (RE, M, 2024, "cumulative:2", None, None, 250000, None),
                (RE, S, 2024, "batch:1", None, None, 127000, None),
                (RE, S, 2024, "batch:1", None, NORTH, 88010, None),
                (RE, S, 2024, "batch:1", None, CREG, 48990, None),  # 10,000 too many
            )
        ],
    )
    findings = check_database(engine)
    parts = by_check(findings, "category_parts")
    assert [(f.severity, f.key) for f in parts] == [("warning", "rare_earth/mining/2024/batch:1")]
    assert "136,860 t" in parts[0].message
    holders = by_check(findings, "holder_allocations")
    assert [(f.severity, f.key) for f in holders] == [
        ("error", "rare_earth/smelting_separation/2024/batch:1")
    ]
    assert "136,999" not in holders[0].message and "137,000 t" in holders[0].message
    batches = {(f.severity, f.key, f.message) for f in by_check(findings, "batches_vs_annual")}
    assert (
        "error",
        "rare_earth/mining/2024/annual",
        "batches 1..2 add up to 270,000 t, more than the year's 260,000 t",
    ) in batches
    assert any("running total is 250,000 t" in m for _, _, m in batches)


def test_a_digit_too_many_in_a_minority_document(tmp_path: Path) -> None:
    engine = seed(
        tmp_path / "q.db",
        [
            doc("https://a.example/1", (RE, M, 2024, "batch:1", None, CREG, 36906, None)),
            doc("https://b.example/2", (RE, M, 2024, "batch:1", None, CREG, 36906, None)),
            doc("https://c.example/3", (RE, M, 2024, "batch:1", None, CREG, 369906, None)),
        ],
    )
    (found,) = by_check(check_database(engine), "magnitude")
    assert found.documents == ("https://c.example/3", "https://a.example/1", "https://b.example/2")
    assert "10 times the value other documents give" in found.message
    assert "digit too many" in found.message


def test_findings_are_stored_and_replaced_on_each_run(tmp_path: Path) -> None:
    engine: Engine = seed(tmp_path / "q.db")
    first = check_database(engine)
    store_findings(engine, first)
    store_findings(engine, first)
    assert load_findings(engine) == first
    store_findings(engine, first[:1])
    assert load_findings(engine) == first[:1]
    store_findings(engine, [])
    assert load_findings(engine) == []
