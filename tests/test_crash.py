"""Crash safety: crawls killed with SIGKILL at random moments, and two crawls started at once.

Each scenario runs the real command in a subprocess against the fixture mirror on 127.0.0.1
(the paced ``slow_sources_file``, so a crawl lasts a few seconds and a kill lands mid-run),
and reads the database back with plain sqlite3. The kill points come from a seeded random
generator, so every run of the suite kills at the same moments.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
KEY = ("commodity", "quota_type", "year", "period", "category", "holder", "amount_t", "status")
SEED = 20261129
KILLED_RUNS = 6
# Kill points, in seconds after the start: from inside start-up and migration to late in a crawl.
EARLIEST_KILL_S, LATEST_KILL_S = 0.05, 4.0


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("QUOTAS_")}


def crawl_command(db: Path, sources: Path) -> list[str]:
    return [sys.executable, "-m", "scraper", "--db", str(db), "--sources", str(sources), "crawl"]


def crawl(db: Path, sources: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        crawl_command(db, sources),
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=_env(),
        timeout=300,
    )


def killed_crawl(db: Path, sources: Path, after_s: float) -> int | None:
    """Start a crawl, SIGKILL it ``after_s`` seconds later; its exit code if it ended first."""
    proc = subprocess.Popen(
        crawl_command(db, sources),
        cwd=ROOT,
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        return proc.wait(timeout=after_s)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        return None


def integrity(db: Path) -> str:
    with sqlite3.connect(db) as con:
        return str(con.execute("PRAGMA integrity_check").fetchone()[0])


def facts(db: Path) -> set[tuple[Any, ...]]:
    """Every stored fact with its document's URL, read independently of the code that wrote it."""
    columns = ", ".join(f"f.{k}" for k in KEY)
    with sqlite3.connect(db) as con:
        rows = con.execute(
            f"SELECT d.url, {columns} FROM fact f JOIN document d ON d.id = f.document_id"
        ).fetchall()
    return {_normal(row) for row in rows}


def _normal(row: tuple[Any, ...]) -> tuple[Any, ...]:
    out = list(row)
    amount = 1 + KEY.index("amount_t")
    if out[amount] is not None:
        out[amount] = float(out[amount])
    return tuple(out)


def documents(db: Path) -> list[str]:
    with sqlite3.connect(db) as con:
        return sorted(url for (url,) in con.execute("SELECT url FROM document"))


def pending(db: Path) -> int:
    with sqlite3.connect(db) as con:
        return int(
            con.execute("SELECT count(*) FROM document WHERE extractor_version IS NULL").fetchone()[
                0
            ]
        )


def test_crawls_killed_at_random_points_then_rerun_end_with_the_uninterrupted_facts(
    mirror: Any, tmp_path: Path
) -> None:
    reference = tmp_path / "reference.db"
    first = crawl(reference, mirror.sources_file)
    assert first.returncode in (0, 1), first.stderr
    expected = facts(reference)
    assert len(expected) >= 20, "the reference crawl must store the notices' facts"

    rng = random.Random(SEED)
    db = tmp_path / "killed.db"
    kill_points = [EARLIEST_KILL_S] + [
        rng.uniform(EARLIEST_KILL_S, LATEST_KILL_S) for _ in range(KILLED_RUNS - 1)
    ]
    killed, partial = 0, 0
    for after_s in kill_points:
        code = killed_crawl(db, mirror.slow_sources_file, after_s)
        killed += code is None
        if db.exists():
            assert integrity(db) == "ok", f"after a kill at {after_s:.2f} s"
            stored = documents(db)
            assert len(stored) == len(set(stored)), "no document stored twice"
            partial += 0 < len(stored) < len(documents(reference))
    assert killed >= KILLED_RUNS - 1, "the kills must land while the crawl runs"
    assert partial >= 2, "some kills must land between documents, with part of the crawl stored"

    final = crawl(db, mirror.sources_file)
    assert "Traceback" not in final.stderr, final.stderr
    assert final.returncode in (0, 1), final.stderr
    assert integrity(db) == "ok"
    assert pending(db) == 0, "every document a killed run stored is extracted by the next run"
    assert documents(db) == documents(reference)
    got = facts(db)
    missing, extra = sorted(expected - got, key=str), sorted(got - expected, key=str)
    assert got == expected, f"missing {missing[:5]}, extra {extra[:5]}"


def test_a_kill_during_the_first_migration_leaves_a_database_the_next_run_completes(
    mirror: Any, tmp_path: Path
) -> None:
    """Killed before the schema is complete: the migration's transaction is all or nothing."""
    reference = tmp_path / "reference.db"
    crawl(reference, mirror.sources_file)
    db = tmp_path / "q.db"
    for after_s in (0.3, 0.5, 0.7, 0.9):  # around the import and migration of a fresh file
        if killed_crawl(db, mirror.slow_sources_file, after_s) is None and db.exists():
            assert integrity(db) == "ok"
    result = crawl(db, mirror.sources_file)
    assert result.returncode in (0, 1), result.stderr
    assert integrity(db) == "ok"
    assert facts(db) == facts(reference)


def test_two_crawls_started_at_once_one_runs_the_other_exits_5(mirror: Any, tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    first = crawl(db, mirror.sources_file)  # a migrated database, so both start equally fast
    assert first.returncode in (0, 1), first.stderr
    before = facts(db)
    procs = [
        subprocess.Popen(
            crawl_command(db, mirror.slow_sources_file),
            cwd=ROOT,
            env=_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    results = [proc.communicate(timeout=300) for proc in procs]
    codes = sorted(proc.returncode for proc in procs)
    assert codes[0] in (0, 1) and codes[1] == 5, (codes, results)
    loser = results[[proc.returncode for proc in procs].index(5)]
    lines = [line for line in loser[1].splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("quotas: error: "), loser[1]
    assert "another run" in lines[0] and str(db) in lines[0], lines[0]
    assert loser[0] == "", "the refused run writes no report"
    assert integrity(db) == "ok"
    assert facts(db) == before, "the run that ran found nothing new; the refused one wrote nothing"


def test_a_crawl_started_while_another_runs_is_refused_at_once(mirror: Any, tmp_path: Path) -> None:
    """The lock is taken without waiting: the second run does not queue behind the first."""
    db = tmp_path / "q.db"
    crawl(db, mirror.sources_file)
    holder = subprocess.Popen(
        crawl_command(db, mirror.slow_sources_file),
        cwd=ROOT,
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        lock_file = Path(str(db) + ".lock")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # until the first run has written its pid
            if lock_file.exists() and lock_file.read_text().strip() == str(holder.pid):
                break
            time.sleep(0.05)
        second = crawl(db, mirror.sources_file)
        still_running = holder.poll() is None
    finally:
        holder.wait(timeout=300)
    assert still_running, "the first run must still hold the lock when the second starts"
    assert second.returncode == 5, second.stderr
    assert f"pid {holder.pid}" in second.stderr, second.stderr
    assert integrity(db) == "ok"
