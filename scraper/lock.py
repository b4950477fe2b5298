"""One writer at a time: crawls and backfills hold a lock for the whole run.

For a SQLite file the lock is an advisory ``flock`` on ``<database>.lock`` beside it: the
kernel drops it when the process dies, even by SIGKILL, so a killed run never leaves a stale
lock behind.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from extractors.errors import QuotaError


class LockedError(QuotaError):
    """Another run holds the lock."""

    exit_code = 5


@contextmanager
def run_lock(database_path: str | None) -> Iterator[None]:
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
