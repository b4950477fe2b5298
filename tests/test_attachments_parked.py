"""An attachment link gone for good is parked, not asked for on every crawl.

The real commands against the fixture mirror on 127.0.0.1 (tests/mirror.py), each on a SQLite
file the CLI creates through the Alembic migrations: one notice's attachment is removed from
the mirror (it answers 404). The first crawl asks for it, reports it and records the failure
(status, reason, when); the next crawls pass it over and say how many are parked; once
``[fetch] retry_failed_after_days`` have passed, or with ``--retry-failed``, it is asked for
again, and a file that is back is stored and leaves the parking.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

try:
    from tests.test_attachments_crawl import goldens, quotas
except ImportError:  # tests/ on sys.path rather than the project root
    from test_attachments_crawl import goldens, quotas  # type: ignore[no-redef]

# A readable table (not one of the unreadable cases, which are stored, not parked).
CASE = next(c for c in goldens() if not (c["unreadable"] or c["unreadable_without_converter"]))
HOST, _, PATH = CASE["attachment"].partition("/")
ROUTE = "/" + PATH


def asked(mirror: Any) -> int:
    return sum(1 for r in mirror.requests if r.host == HOST and r.route == ROUTE)


def status(db: Path) -> dict[str, Any]:
    result = quotas("status", "--format", "json", db=db)
    assert result.returncode == 0, result.stderr
    info: dict[str, Any] = json.loads(result.stdout)
    return info


def failure(db: Path) -> tuple[int | None, str, str, int] | None:
    with sqlite3.connect(db) as con:
        row = con.execute(
            "SELECT status, reason, failed_at, failures FROM attachment_failure WHERE url LIKE ?",
            ("%" + ROUTE,),
        ).fetchone()
    return None if row is None else (row[0], row[1], row[2], row[3])


def test_a_404_attachment_is_parked_then_asked_for_again_later_or_on_request(
    mirror: Any, tmp_path: Path
) -> None:
    db = tmp_path / "q.db"
    file = mirror.root / CASE["attachment"]
    body = file.read_bytes()
    file.unlink()

    first = quotas("crawl", db=db, sources=mirror.sources_file)
    assert asked(mirror) == 1
    assert first.returncode == 1
    lines = [line for line in first.stderr.splitlines() if ROUTE in line]
    assert len(lines) == 1 and "404" in lines[0] and "(parked)" in lines[0], first.stderr
    recorded = failure(db)
    assert recorded is not None
    code, reason, failed_at, failures = recorded
    assert code == 404 and "404" in reason and failures == 1
    when = datetime.fromisoformat(failed_at).replace(tzinfo=UTC)
    assert abs(datetime.now(UTC) - when) < timedelta(minutes=5)
    info = status(db)
    assert info["parked_attachments"] == 1
    assert [row["status"] for row in info["parked_attachment_links"]] == [404]

    # the next crawl passes it over, and says so
    mirror.clear_log()
    second = quotas("crawl", db=db, sources=mirror.sources_file)
    assert asked(mirror) == 0
    assert ROUTE not in second.stderr
    assert "1 parked" in second.stdout, second.stdout

    # a week later it is asked for again (still gone: parked again, counted twice)
    with sqlite3.connect(db) as con:
        week_ago = (datetime.now(UTC) - timedelta(days=8)).replace(tzinfo=None)
        con.execute("UPDATE attachment_failure SET failed_at = ?", (week_ago.isoformat(" "),))
    mirror.clear_log()
    quotas("crawl", db=db, sources=mirror.sources_file)
    assert asked(mirror) == 1
    again = failure(db)
    assert again is not None and again[3] == 2

    # --retry-failed asks at once; the file is back: stored, read, no longer parked
    file.write_bytes(body)
    mirror.clear_log()
    retried = quotas("crawl", "--retry-failed", db=db, sources=mirror.sources_file)
    assert asked(mirror) == 1
    assert ROUTE not in retried.stderr
    assert failure(db) is None
    assert status(db)["parked_attachments"] == 0
    with sqlite3.connect(db) as con:
        facts = con.execute(
            "SELECT count(*) FROM fact f JOIN document d ON d.id = f.document_id "
            "WHERE d.url LIKE ? AND d.notice_id IS NOT NULL",
            ("%" + ROUTE,),
        ).fetchone()[0]
    assert facts == len(CASE["facts"]) > 0


def test_the_interval_comes_from_the_sources_file(mirror: Any, tmp_path: Path) -> None:
    """``retry_failed_after_days = 0``: a parked link is asked for on the very next crawl."""
    db = tmp_path / "q.db"
    (mirror.root / CASE["attachment"]).unlink()
    sources = mirror.write_sources_file(tmp_path / "now.toml", retry_failed_after_days=0.0)
    quotas("crawl", db=db, sources=sources)
    mirror.clear_log()
    quotas("crawl", db=db, sources=sources)
    assert asked(mirror) == 1
    recorded = failure(db)
    assert recorded is not None and recorded[3] == 2


def test_a_failure_not_for_good_is_not_parked(mirror: Any, tmp_path: Path) -> None:
    """A challenge page (or a 5xx, a timeout) may be gone tomorrow: tried again on the next
    crawl, never recorded."""
    db = tmp_path / "q.db"
    mirror.add_challenge(HOST, ROUTE, "412")
    quotas("crawl", db=db, sources=mirror.sources_file)
    mirror.clear_log()
    quotas("crawl", db=db, sources=mirror.sources_file)
    assert asked(mirror) == 1
    assert failure(db) is None
