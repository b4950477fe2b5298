"""Team mode end to end: two `quotas crawl` processes started together against one PostgreSQL
database and the fixture mirror end with the facts of one run, no row twice, each notice
fetched once. Facts are read back with plain psycopg, independently of the code that wrote
them. Needs ``$QUOTAS_TEST_PG_URL`` (see tests/pg.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import make_url

# team mode is the `postgres` extra: without it (the README's `.[test]` install) these tests skip
psycopg = pytest.importorskip(
    "psycopg", reason="psycopg is the postgres extra: pip install -e '.[postgres]'"
)

ROOT = Path(__file__).resolve().parents[1]
KEY = ("commodity", "quota_type", "year", "period", "category", "holder", "amount_t", "status")


def start_crawl(db: str, sources: Path) -> subprocess.Popen[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUOTAS_")}
    return subprocess.Popen(
        [sys.executable, "-m", "scraper", "--db", db, "--sources", str(sources), "crawl"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(proc: subprocess.Popen[str]) -> tuple[int, str]:
    out, err = proc.communicate(timeout=300)
    return proc.returncode, out + err


def query(db: str, sql: str) -> list[tuple[Any, ...]]:
    conninfo = make_url(db).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(conninfo) as conn:
        return conn.execute(sql).fetchall()  # type: ignore[arg-type]  # our own constant SQL


def facts(db: str) -> Counter[tuple[Any, ...]]:
    rows = query(
        db,
        f"SELECT d.url, {', '.join('f.' + k for k in KEY)} "
        "FROM fact f JOIN document d ON d.id = f.document_id",
    )
    return Counter((r[0], *r[1:7], None if r[7] is None else float(r[7]), r[8]) for r in rows)


def test_two_crawlers_side_by_side_do_the_work_of_one(
    mirror: Any, pg_database: Callable[[], str]
) -> None:
    reference = pg_database()
    code, output = finish(start_crawl(reference, mirror.sources_file))
    assert code == 1 and "Traceback" not in output, output  # 1: the challenge page
    expected = facts(reference)
    assert len(expected) > 40

    shared = pg_database()  # new and empty: the two crawlers also migrate it together
    mirror.clear_log()
    crawlers = [start_crawl(shared, mirror.slow_sources_file) for _ in range(2)]
    results = [finish(proc) for proc in crawlers]
    for code, output in results:
        assert code in (0, 1), output
        assert "Traceback" not in output and "locked" not in output.lower(), output

    found = facts(shared)
    assert set(found) == set(expected)
    assert max(found.values()) == 1, "a fact stored twice"
    urls = query(shared, "SELECT url, count(*) FROM document GROUP BY url")
    assert {u for u, _ in urls} == {u for (u,) in query(reference, "SELECT url FROM document")}
    assert all(n == 1 for _, n in urls)
    runs = query(shared, "SELECT kind, outcome FROM crawl_run")
    assert len(runs) == 2 and {kind for kind, _ in runs} == {"crawl"}

    # Side by side, yet every stored page was fetched by one crawler only, once.
    stored = {u for u, _ in urls}
    fetched = Counter(mirror.base(r.host) + r.route for r in mirror.requests if r.status == 200)
    pages = {url: n for url, n in fetched.items() if url in stored}
    assert set(pages) == stored
    assert max(pages.values()) == 1, sorted(url for url, n in pages.items() if n > 1)
