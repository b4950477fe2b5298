"""Parked attachments: links of notices' files that failed for good, and when.

A crawl follows the attachment links of every stored notice that still lacks its files, so a
link gone for good (HTTP 404 or 410, a file past the size cap) would be asked for, and reported
as a failure, on every run. ``park`` records such a failure (status, reason, when, how many
times); ``parked`` names the links not to ask for while their last failure is newer than a
cutoff; ``release`` forgets a link once its file is fetched. Transient failures (timeouts, 5xx
after the retries) are never parked: the next run tries them again.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select

from models.store import _chunks, _Database, _table, insert_for
from models.tables import AttachmentFailure, utcnow

# Failures that say a link will not work tomorrow either.
PERMANENT_STATUSES = frozenset({404, 410})


class ParkedAttachments(_Database):
    """The ``attachment_failure`` table; one short transaction per call."""

    def park(
        self,
        url: str,
        *,
        notice_id: int | None,
        status: int | None,
        reason: str,
        at: datetime | None = None,
    ) -> None:
        """Record a permanent failure of ``url`` (again: its count goes up, its time moves)."""
        table = _table(AttachmentFailure)
        values: dict[str, Any] = {
            "notice_id": notice_id,
            "status": status,
            "reason": " ".join(reason.split())[:500],
            "failed_at": at or utcnow(),
        }
        with self._write() as conn:
            statement = insert_for(conn, table).values(url=url, failures=1, **values)
            conn.execute(
                statement.on_conflict_do_update(
                    index_elements=["url"],
                    set_={**values, "failures": table.c.failures + 1},
                )
            )

    def parked(self, urls: Iterable[str], *, since: datetime) -> set[str]:
        """The URLs among ``urls`` whose last failure is at or after ``since``."""
        table = _table(AttachmentFailure)
        found: set[str] = set()
        with self._read() as conn:
            for chunk in _chunks(list(dict.fromkeys(urls))):
                rows = conn.execute(
                    select(table.c.url).where(table.c.url.in_(chunk), table.c.failed_at >= since)
                )
                found.update(rows.scalars())
        return found

    def release(self, url: str) -> None:
        """Forget ``url``: its file was fetched."""
        table = _table(AttachmentFailure)
        with self._write() as conn:
            conn.execute(delete(table).where(table.c.url == url))
