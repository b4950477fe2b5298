"""The run lock and URL claims: one writer on SQLite; on PostgreSQL crawls side by side, each
URL fetched by one of them, and a re-extraction alone. The PostgreSQL tests need
``$QUOTAS_TEST_PG_URL`` (see tests/pg.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy.engine import Engine

from models.base import open_engine
from models.store import Store
from scraper.cli import cli
from scraper.lock import SOLE_WRITER, LockedError, run_lock, url_key

ROOT = Path(__file__).resolve().parents[1]
URL = "https://www.miit.gov.cn/jgsj/ycls/wjfb/art/2024/art_07793024127b6d7169918a231e04fe96.html"


@pytest.fixture
def pg(pg_url: str) -> Iterator[tuple[str, Engine, Engine]]:
    """One PostgreSQL database seen by two workers, each with its own engine."""
    one, two = open_engine(pg_url), open_engine(pg_url)
    yield pg_url, one, two
    one.dispose()
    two.dispose()


def store_page(engine: Engine, url: str) -> None:
    Store(engine).save_document(
        url=url,
        final_url=url,
        source="test",
        status=200,
        content_type="text/html",
        etag=None,
        last_modified=None,
        body=b"<html></html>",
        fetched_at=datetime(2024, 2, 6, tzinfo=UTC),
    )


# -- SQLite: one writer ----------------------------------------------------------------------


def test_sqlite_allows_one_run_at_a_time_even_for_crawls(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'q.db'}"
    with run_lock(url, shared=True) as lease:
        assert lease is SOLE_WRITER
        with pytest.raises(LockedError, match=str(os.getpid())), run_lock(url, shared=True):
            pass
        with lease.claim(URL) as ours:
            assert ours is True
    with run_lock(url):  # released at the end of the run
        pass


def test_an_in_memory_database_has_no_lock() -> None:
    with run_lock("sqlite://"), run_lock("sqlite://"):
        pass


# -- PostgreSQL: advisory locks ----------------------------------------------------------------


def test_crawls_share_the_lock_and_a_reextraction_waits_for_none(
    pg: tuple[str, Engine, Engine],
) -> None:
    url, one, two = pg
    with (
        run_lock(url, one, shared=True),
        run_lock(url, two, shared=True),
        pytest.raises(LockedError, match="other runs"),
        run_lock(url, two),
    ):
        pass
    with (
        run_lock(url, one),
        pytest.raises(LockedError, match="re-extraction"),
        run_lock(url, two, shared=True),
    ):
        pass
    with run_lock(url, two):  # every lock was given back
        pass


def test_a_url_is_claimed_by_one_worker_at_a_time(pg: tuple[str, Engine, Engine]) -> None:
    url, one, two = pg
    other = URL.replace("2024", "2023")
    with run_lock(url, one, shared=True) as first, run_lock(url, two, shared=True) as second:
        with first.claim(URL) as mine:
            assert mine is True
            with second.claim(URL) as theirs:
                assert theirs is False
            with second.claim(other) as theirs:
                assert theirs is True
            store_page(one, URL)
        # Released, but stored meanwhile: the second worker must not fetch it again.
        with second.claim(URL) as theirs:
            assert theirs is False
        with second.claim(other) as theirs:
            assert theirs is True


def test_claim_keys_are_stable_signed_64_bit_numbers() -> None:
    assert url_key(URL) == url_key(URL) != url_key(URL + "?")
    assert -(2**63) <= url_key(URL) < 2**63


def test_a_killed_worker_leaves_no_lock_behind(pg: tuple[str, Engine, Engine]) -> None:
    url, one, _ = pg
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from models.base import open_engine\n"
            "from scraper.lock import run_lock\n"
            "url = sys.argv[1]\n"
            "with run_lock(url, open_engine(url)):\n"
            "    print('held', flush=True)\n"
            "    time.sleep(600)\n",
            url,
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(LockedError), run_lock(url, one, shared=True):
            pass
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(30)
    # The server notices the closed connection at once; allow it a moment, boundedly.
    for _ in range(100):
        try:
            with run_lock(url, one, shared=True):
                break
        except LockedError:
            time.sleep(0.1)
    else:
        pytest.fail("the lock of a killed worker was never released")


def test_reextract_while_a_crawl_runs_is_one_line_and_exit_5(
    pg: tuple[str, Engine, Engine],
) -> None:
    url, one, _ = pg
    with run_lock(url, one, shared=True):
        result = CliRunner().invoke(cli, ["--db", url, "reextract"])
    assert result.exit_code == 5
    assert "re-extraction" not in result.output
    assert "other runs are using" in result.output
    after = CliRunner().invoke(cli, ["--db", url, "reextract"])
    assert after.exit_code == 0, after.output
