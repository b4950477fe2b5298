"""The analyst's view over every fixture page: issue 4's acceptance, through the real command.

The whole fixture tree is ingested once into a migrated SQLite file; the answers are then
read with `quotas series`, `evidence`, `query` and `check` as CSV, parsed with the csv module.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SITES = ROOT / "fixtures" / "sites"


def quotas(db: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUOTAS_")}
    result = subprocess.run(
        [sys.executable, "-m", "scraper", "--db", str(db), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("analyst") / "fixtures.db"
    quotas(path, "ingest", str(SITES))
    return path


def test_series_matches_the_notices(db: Path) -> None:
    series = {int(r["year"]): r for r in rows(quotas(db, "series", "--format", "csv"))}
    expected = {
        2018: (120000, 115000),
        2019: (132000, 127000),
        2020: (140000, 135000),
        2021: (168000, 162000),
        2022: (210000, 202000),
        2023: (255000, 243850),  # the third batch included
        2024: (270000, 254000),
    }
    for year, (mining, smelting) in expected.items():
        assert float(series[year]["mining_t"]) == mining, year
        assert float(series[year]["smelting_t"]) == smelting, year


def test_evidence_lists_every_document_stating_the_2024_annual_mining_quota(db: Path) -> None:
    evidence = rows(quotas(db, "evidence", "rare_earth/mining/2024/annual", "--format", "csv"))
    stating = set()
    for golden in SITES.rglob("*.facts.json"):
        text = golden.read_text(encoding="utf-8")
        if (
            '"year": 2024, "period": "annual", "category": null, "holder": null, "amount_t": 270000'
            in text
        ):
            stating.add(golden.name.removesuffix(".facts.json"))
    assert len(stating) >= 4
    listed = {r["url"].rstrip("/").rsplit("/", 1)[-1] for r in evidence}
    assert stating <= listed, f"missing from evidence: {stating - listed}"
    assert {float(r["amount_t"]) for r in evidence} == {270000.0}


def test_a_conflicting_report_shows_as_a_disagreement(db: Path) -> None:
    found = rows(
        quotas(
            db,
            "query",
            "--year",
            "2023",
            "--type",
            "smelting_separation",
            "--period",
            "annual",
            "--format",
            "csv",
        )
    )
    national = [r for r in found if not r["holder"] and not r["category"]]
    assert len(national) == 1
    assert float(national[0]["amount_t"]) == 243850, "the official notice wins"
    assert "253,850" in national[0]["disagreements"]


def test_a_misplaced_wan_is_flagged_by_check(db: Path) -> None:
    findings = rows(quotas(db, "check", "--format", "csv"))
    flagged = [f for f in findings if f["key"] == "rare_earth/mining/2023/batch:3"]
    assert flagged, findings
    assert any("101943218" in f["documents"] for f in flagged)
