"""Attachments end to end: the real commands against the fixture mirror on 127.0.0.1.

Every notice of an official source that links a table (.xls, .xlsx, .docx, .pdf, .doc) gets
it fetched, stored as a document linked to the notice and read into exactly its golden
per-group facts (``<file>.allocations.json``, written by fixtures/make_attachments.py from
the published figures). Unreadable ones (a scan, a cut-off file, a .doc with no converter)
are stored with a one-line reason. Results are read back with plain sqlite3.

Conversion is pinned with QUOTAS_CONVERTER=none here, so the outcome does not depend on
whether LibreOffice happens to be installed; test_convert_doc_with_libreoffice covers it.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SITES = ROOT / "fixtures" / "sites"
KEY = ("commodity", "quota_type", "year", "period", "category", "holder", "amount_t", "status")
GOLDEN_SUFFIX = ".allocations.json"


def quotas(
    *args: str, db: Path, sources: Path | None = None, converter: str = "none"
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUOTAS_")}
    env["QUOTAS_CONVERTER"] = converter
    where = ["--sources", str(sources)] if sources else []
    return subprocess.run(
        [sys.executable, "-m", "scraper", "--db", str(db), *where, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
    )


def goldens() -> list[dict[str, Any]]:
    found = []
    for path in sorted(SITES.rglob("*" + GOLDEN_SUFFIX)):
        golden = json.loads(path.read_text(encoding="utf-8"))
        golden["path"] = path
        found.append(golden)
    return found


def url_of(mirror: Any, site_path: str) -> str:
    host, _, path = site_path.partition("/")
    return mirror.base(host) + "/" + path


def norm(values: Any) -> tuple[Any, ...]:
    out = list(values)
    out[KEY.index("amount_t")] = float(out[KEY.index("amount_t")])
    return tuple(out)


def stored(db: Path, url: str) -> dict[str, Any] | None:
    with sqlite3.connect(db) as con:
        con.row_factory = sqlite3.Row
        row = con.execute(
            "SELECT d.id, d.notice_id, d.extraction_error, n.url AS notice_url "
            "FROM document d LEFT JOIN document n ON n.id = d.notice_id WHERE d.url = ?",
            (url,),
        ).fetchone()
        if row is None:
            return None
        facts = con.execute(
            f"SELECT {', '.join(KEY)} FROM fact WHERE document_id = ?", (row["id"],)
        )
        return {**dict(row), "facts": {norm(f) for f in facts}}


@pytest.fixture
def crawled(mirror: Any, tmp_path: Path) -> tuple[Any, Path, subprocess.CompletedProcess[str]]:
    db = tmp_path / "q.db"
    result = quotas("crawl", db=db, sources=mirror.sources_file)
    return mirror, db, result


def test_every_format_is_stored_with_its_notice_and_exactly_its_golden_facts(
    crawled: tuple[Any, Path, subprocess.CompletedProcess[str]],
) -> None:
    mirror, db, result = crawled
    assert "Traceback" not in result.stderr
    cases = goldens()
    formats = {case["format"].split()[0] for case in cases}
    assert {"xls", "xlsx", "docx", "pdf", "doc"} <= formats
    for case in cases:
        url = url_of(mirror, case["attachment"])
        row = stored(db, url)
        assert row is not None, f"{case['attachment']} was not stored"
        assert row["notice_url"] == url_of(mirror, case["notice"]), case["attachment"]
        expected = {norm(fact[k] for k in KEY) for fact in case["facts"]}
        assert row["facts"] == expected, (
            f"{case['format']}: missing {sorted(expected - row['facts'], key=str)}, "
            f"extra {sorted(row['facts'] - expected, key=str)}"
        )
        reason = case["unreadable"] or case["unreadable_without_converter"]
        if reason:
            assert reason in (row["extraction_error"] or ""), case["attachment"]
        else:
            assert row["extraction_error"] is None, row["extraction_error"]


def test_unreadable_attachments_give_one_line_each_and_lose_nothing_else(
    crawled: tuple[Any, Path, subprocess.CompletedProcess[str]],
) -> None:
    mirror, db, result = crawled
    assert result.returncode == 1  # documented: some documents could not be read
    unreadable = [c for c in goldens() if c["unreadable"] or c["unreadable_without_converter"]]
    assert len(unreadable) == 3
    for case in unreadable:
        lines = [
            line for line in result.stderr.splitlines() if case["attachment"].split("/")[-1] in line
        ]
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith("quotas: warning: unreadable attachment ")
    assert "3 unreadable attachments" in result.stdout
    # the notices of the unreadable ones are stored with their own facts all the same
    with sqlite3.connect(db) as con:
        for case in unreadable:
            notice = url_of(mirror, case["notice"])
            count = con.execute(
                "SELECT count(*) FROM fact f JOIN document d ON d.id = f.document_id "
                "WHERE d.url = ?",
                (notice,),
            ).fetchone()[0]
            assert count > 0, notice
    status = quotas("status", "--format", "json", db=db)
    info = json.loads(status.stdout)
    assert info["attachments"] == len(goldens())
    reasons = {row["url"]: row["reason"] for row in info["unreadable_attachments"]}
    assert len(reasons) == 3 and all("\n" not in reason for reason in reasons.values())


def test_a_second_crawl_fetches_no_attachment_again(
    crawled: tuple[Any, Path, subprocess.CompletedProcess[str]],
) -> None:
    mirror, db, _ = crawled
    mirror.clear_log()
    result = quotas("crawl", db=db, sources=mirror.sources_file)
    assert "attachment" not in result.stderr  # only the mirror's challenge page is reported
    paths = {"/" + case["attachment"].partition("/")[2] for case in goldens()}
    again = [r for r in mirror.requests if r.route in paths]
    assert again == [], again


def test_backfill_fetches_the_attachments_stored_notices_lack(mirror: Any, tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    quotas("crawl", db=db, sources=mirror.sources_file)
    with sqlite3.connect(db) as con:  # as if stored before attachments were followed
        con.execute("DELETE FROM fact WHERE document_id IN "
                    "(SELECT id FROM document WHERE notice_id IS NOT NULL)")  # fmt: skip
        con.execute("DELETE FROM document WHERE notice_id IS NOT NULL")
    mirror.clear_log()
    quotas("backfill", "--since", "2018", db=db, sources=mirror.sources_file)
    for case in goldens():
        row = stored(db, url_of(mirror, case["attachment"]))
        assert row is not None and row["notice_url"] == url_of(mirror, case["notice"])


def test_query_and_evidence_show_a_groups_allocations_from_the_attachment(
    crawled: tuple[Any, Path, subprocess.CompletedProcess[str]],
) -> None:
    mirror, db, _ = crawled
    result = quotas(
        "query", "--holder", "china_northern_rare_earth", "--year", "2019..2024",
        "--format", "json", db=db,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    got = {(r["year"], r["period"], r["quota_type"], r["category"], r["amount_t"]) for r in rows}
    assert (2023, "batch:3", "mining", None, 12000) in got  # only the PDF attachment states it
    assert (2024, "batch:1", "smelting_separation", None, 88010) in got

    evidence = quotas(
        "evidence", "rare_earth/mining/2023/batch:3/-/china_northern_rare_earth",
        "--format", "json", db=db,
    )  # fmt: skip
    assert evidence.returncode == 0, evidence.stderr
    rows = json.loads(evidence.stdout)
    pdf = url_of(mirror, next(c["attachment"] for c in goldens() if c["format"] == "pdf"))
    notice = url_of(mirror, next(c["notice"] for c in goldens() if c["format"] == "pdf"))
    assert [(r["url"], r["notice"]) for r in rows] == [(pdf, notice)]
    assert "12000" in rows[0]["evidence"]


def test_check_reports_a_table_whose_parts_do_not_sum(mirror: Any, tmp_path: Path) -> None:
    """The 2024 xlsx with one group's light figure altered: its row and column no longer add
    up, and check names the attachment; the figure itself is stored as stated."""
    import openpyxl

    case = next(c for c in goldens() if c["format"].startswith("xlsx"))
    path = mirror.root / case["attachment"]
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None and sheet["C6"].value == 9.458  # Northern's light mining, 万吨
    sheet["C6"] = 9.548
    book.save(path)
    db = tmp_path / "q.db"
    quotas("crawl", db=db, sources=mirror.sources_file)
    result = quotas("check", "--format", "json", db=db)
    assert result.returncode == 0, result.stderr
    findings = [f for f in json.loads(result.stdout) if f["check"] == "table_sums"]
    url = url_of(mirror, case["attachment"])
    assert findings and all(url in f["documents"] for f in findings), findings
    messages = " ".join(f["message"] for f in findings)
    assert "95,480" in messages
    # the other tables add up: no finding names them
    others = [url_of(mirror, c["attachment"]) for c in goldens() if c["path"] != case["path"]]
    assert not any(o in f["documents"] for f in findings for o in others), findings


def test_report_shows_group_shares_per_year(
    crawled: tuple[Any, Path, subprocess.CompletedProcess[str]],
) -> None:
    _, db, _ = crawled
    out = db.with_name("r.html")
    result = quotas("report", "--out", str(out), db=db)
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert "Group shares" in page
    assert "china_northern_rare_earth" in page or "China Northern Rare Earth" in page
    assert "70.1%" in page  # 94,580 of 135,000 in 2024 batch 1


@pytest.mark.skipif(
    shutil.which("soffice") is None and shutil.which("libreoffice") is None,
    reason="LibreOffice is not installed",
)
def test_convert_doc_with_libreoffice(mirror: Any, tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    quotas("crawl", db=db, sources=mirror.sources_file, converter="soffice")
    case = next(c for c in goldens() if c["format"].startswith("doc"))
    with sqlite3.connect(db) as con:
        error, text = con.execute(
            "SELECT extraction_error, text FROM document WHERE url = ?",
            (url_of(mirror, case["attachment"]),),
        ).fetchone()
    assert error is None
    assert "实际冶炼分离量" in text  # the form's header row, read from the converted table


def test_reextract_reads_the_stored_attachments_again(
    crawled: tuple[Any, Path, subprocess.CompletedProcess[str]],
) -> None:
    mirror, db, _ = crawled

    def snapshot() -> set[tuple[Any, ...]]:
        with sqlite3.connect(db) as con:
            rows = con.execute(
                f"SELECT d.url, {', '.join('f.' + k for k in KEY)} FROM fact f "
                "JOIN document d ON d.id = f.document_id WHERE d.notice_id IS NOT NULL"
            ).fetchall()
        return set(rows)

    before = snapshot()
    assert len(before) == sum(len(c["facts"]) for c in goldens())
    mirror.clear_log()
    result = quotas("reextract", db=db)
    assert "Traceback" not in result.stderr
    assert snapshot() == before
    assert mirror.requests == []  # from the stored bytes, nothing fetched
