"""The run lock, and claims on URLs: runs never get in each other's way.

SQLite (one writer at a time): crawls, backfills and re-extractions hold an advisory
``flock`` on ``<database>.lock`` beside the file for the whole run; a second run does not
start. The kernel drops the lock when the process dies, even by SIGKILL, so a killed run never
leaves a stale lock behind.

PostgreSQL (team mode): crawlers on several machines share one database and run side by side.
The run lock is a PostgreSQL advisory lock held on a dedicated connection for the run. Crawls
and backfills take it *shared*, so any number of them run together; a re-extraction, which
rewrites every document's facts, takes it *exclusive*: it does not start while a crawl runs,
and no crawl starts while it runs. Crawlers side by side keep apart by claiming each URL
before fetching it (``Lease.claim``): a claim is an advisory lock on a 64-bit hash of the URL,
on the same connection. A URL that another worker holds, or that is stored by the time the
claim is granted, is skipped. A worker that dies loses its connection, and PostgreSQL releases
its run lock and its claims with it: nothing stale is left to expire.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import or_, select, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError

from extractors.errors import QuotaError
from models.base import ADVISORY_RUN, database_path, describe, translate_errors
from models.tables import Document


class LockedError(QuotaError):
    """Another run holds the lock."""

    exit_code = 5


class Lease:
    """What a run holds. Where runs cannot overlap (SQLite), every claim is granted."""

    @contextmanager
    def claim(self, url: str) -> Iterator[bool]:
        """True: fetch ``url`` now, nobody else will until the block ends. False: skip it."""
        yield True


SOLE_WRITER = Lease()

# The run lock, shared (crawls) or exclusive (re-extraction); both forms try, never wait.
_TRY_RUN = {
    True: "SELECT pg_try_advisory_lock_shared(CAST(:a AS integer), CAST(:b AS integer))",
    False: "SELECT pg_try_advisory_lock(CAST(:a AS integer), CAST(:b AS integer))",
}
_TRY_CLAIM = text("SELECT pg_try_advisory_lock(CAST(:key AS bigint))")
_UNCLAIM = text("SELECT pg_advisory_unlock(CAST(:key AS bigint))")


def url_key(url: str) -> int:
    """The claim key of a URL: a signed 64-bit hash (PostgreSQL's bigint)."""
    return int.from_bytes(hashlib.sha256(url.encode("utf-8")).digest()[:8], "big", signed=True)


class _PostgresLease(Lease):
    """Claims as advisory locks on the run's own connection (autocommit, so never idle in a
    transaction)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    @contextmanager
    def claim(self, url: str) -> Iterator[bool]:
        key = url_key(url)
        if not self.conn.execute(_TRY_CLAIM, {"key": key}).scalar():
            yield False  # another worker is fetching it
            return
        try:
            stored = self.conn.execute(
                select(Document.id)
                .where(or_(Document.url == url, Document.final_url == url))
                .limit(1)
            ).first()
            yield stored is None  # another worker may have stored it since our listing
        finally:
            self.conn.execute(_UNCLAIM, {"key": key})


@contextmanager
def run_lock(
    database_url: str, engine: Engine | None = None, *, shared: bool = False
) -> Iterator[Lease]:
    """Hold the run lock of a database for a run; yields the run's ``Lease``.

    ``shared`` (crawls, backfills) lets runs work side by side where the database allows it
    (PostgreSQL, which needs ``engine``); on SQLite every run is exclusive. Raises
    ``LockedError`` when the lock is taken, never waits. Databases that are neither a SQLite
    file nor PostgreSQL (an in-memory SQLite) have no lock.
    """
    try:
        backend = make_url(database_url).get_backend_name()
    except ArgumentError:
        backend = ""
    if backend == "postgresql":
        if engine is None:
            raise TypeError("run_lock on PostgreSQL needs the engine")
        with _advisory_lock(engine, shared=shared) as lease:
            yield lease
        return
    with _file_lock(database_path(database_url)):
        yield SOLE_WRITER


@contextmanager
def _advisory_lock(engine: Engine, *, shared: bool) -> Iterator[Lease]:
    name = describe(engine.url)
    with translate_errors(engine.url):
        conn = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
    try:
        with translate_errors(engine.url):
            granted = conn.execute(text(_TRY_RUN[shared]), ADVISORY_RUN).scalar()
        if not granted:
            what = "a re-extraction is running on" if shared else "other runs are using"
            raise LockedError(f"{what} {name}; not starting")
        yield _PostgresLease(conn)
    finally:
        try:
            conn.execute(text("SELECT pg_advisory_unlock_all()"))
        except Exception:
            conn.invalidate()  # closing the session releases its locks all the same
        conn.close()


@contextmanager
def _file_lock(database_path: str | None) -> Iterator[None]:
    """Hold the run lock of a database file; a no-op for databases that are not files."""
    if database_path is None:
        yield
        return
    lock_path = Path(database_path + ".lock")
    try:
        handle = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise QuotaError(f"cannot create lock file {lock_path}: {exc.strerror}") from exc
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(handle, 32, 0).decode(errors="replace").strip() or "?"
            raise LockedError(
                f"another run (pid {holder}) is writing to {database_path}; not starting"
            ) from None
        os.ftruncate(handle, 0)
        os.pwrite(handle, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(handle)
