"""The log of scanned archives (table ``scanned_archive``): what a scan has read, so that an
archive read to its end is not read again and one left part-way resumes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, select, update

from models.store import _Database, insert_for
from models.tables import ScannedArchive, utcnow

COUNTS = ("records", "pages", "gated", "stored", "failed")


@dataclass(frozen=True)
class ArchiveState:
    records: int  # records already settled: a resumed scan starts after them
    finished: bool
    keep_all: bool


def _table() -> Table:
    return cast(Table, ScannedArchive.__table__)


class ArchiveLog(_Database):
    def state(self, location: str) -> ArchiveState | None:
        table = _table()
        with self._read() as conn:
            row = conn.execute(
                select(table.c.records, table.c.finished_at, table.c.keep_all).where(
                    table.c.location == location
                )
            ).one_or_none()
        if row is None:
            return None
        return ArchiveState(row.records, row.finished_at is not None, bool(row.keep_all))

    def start(self, location: str, *, run_id: int, keep_all: bool, fresh: bool) -> None:
        """Record that a scan of ``location`` begins (``fresh``: from its first record)."""
        table = _table()
        values: dict[str, object] = {"run_id": run_id, "keep_all": keep_all, "finished_at": None}
        if fresh:
            values |= dict.fromkeys(COUNTS, 0) | {"started_at": utcnow()}
        with self._write() as conn:
            first = {"location": location, "started_at": utcnow(), **dict.fromkeys(COUNTS, 0)}
            statement = insert_for(conn, table).values(first | values)
            conn.execute(statement.on_conflict_do_update(index_elements=["location"], set_=values))

    def progress(
        self,
        location: str,
        counts: Mapping[str, int],
        *,
        finished: bool = False,
        version: str | None = None,
    ) -> None:
        """Add ``counts`` (records, pages, gated, stored, failed) to the archive's row."""
        table = _table()
        values: dict[str, object] = {key: table.c[key] + int(counts.get(key, 0)) for key in COUNTS}
        if finished:
            values["finished_at"] = utcnow()
        if version:
            values["extractor_version"] = version
        with self._write() as conn:
            conn.execute(update(table).where(table.c.location == location).values(values))
