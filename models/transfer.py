"""Copying a whole database into another (SQLite ↔ PostgreSQL), verified table by table.

``copy_database(source, target)`` copies every mapped table in one transaction on the target,
reading the source in one consistent snapshot. Both databases are opened by ``open_engine``
first, so both are at the newest schema; the target's own rows (the company table that the
first migration seeds) are replaced by the source's. Before committing, every table is read
back from the target and compared with the source by row count and checksum; a difference
rolls the whole copy back. The checksum does not depend on row order or on the backend: each
row is normalised (instants as UTC, bytes as hex, floats by ``repr``) and hashed, and the
sorted row hashes are hashed again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, delete, func, insert, select, text
from sqlalchemy.engine import Connection, Engine

import models.tables  # noqa: F401  (registers every table on Base.metadata)
from extractors.errors import StoreError
from models.base import Base, database_path, describe, translate_errors

BATCH = 500  # rows per read and per multi-row insert
# Filled by a trigger on ``fact`` (migration 0002): copied last, after the trigger's own rows go.
TRIGGER_FILLED = "fact_seen"
# Rows a new database already has (seeded by migration 0001): not a sign of data to protect.
SEEDED = frozenset({"company", "company_alias"})


@dataclass(frozen=True)
class TableCopy:
    """One table as copied: its rows and checksum, equal on both sides."""

    table: str
    rows: int
    checksum: str  # hex sha256, see the module docstring

    def to_row(self) -> dict[str, Any]:
        return {"table": self.table, "rows": self.rows, "checksum": self.checksum[:16]}


def tables() -> list[Table]:
    """Every mapped table, parents before children, the trigger-filled one last."""
    ordered = [t for t in Base.metadata.sorted_tables if t.name != TRIGGER_FILLED]
    return [*ordered, Base.metadata.tables[TRIGGER_FILLED]]


def same_database(a: Engine, b: Engine) -> bool:
    path_a = database_path(a.url.render_as_string(hide_password=False))
    path_b = database_path(b.url.render_as_string(hide_password=False))
    if path_a is not None or path_b is not None:
        return path_a == path_b
    return a.url.render_as_string(hide_password=False) == b.url.render_as_string(
        hide_password=False
    )


def copy_database(source: Engine, target: Engine, *, replace: bool = False) -> list[TableCopy]:
    """Copy ``source`` into ``target``; the tables as verified. ``replace`` lets the copy
    overwrite a target that already holds documents, facts or runs."""
    if same_database(source, target):
        raise StoreError(f"{describe(source.url)} is the database being copied; pick another")
    copied: list[TableCopy] = []
    with _snapshot(source) as src, translate_errors(target.url), target.begin() as dst:
        held = _held_rows(dst)
        if held and not replace:
            listing = ", ".join(f"{name}: {n} rows" for name, n in held.items())
            raise StoreError(
                f"{describe(target.url)} already holds data ({listing}); "
                "add --replace to overwrite it"
            )
        for table in reversed(tables()):
            dst.execute(delete(table))
        for table in tables():
            if table.name == TRIGGER_FILLED:
                dst.execute(delete(table))
            rows, checksum = _copy_table(src, dst, table)
            copied.append(TableCopy(table.name, rows, checksum))
        if dst.dialect.name == "postgresql":
            _advance_sequences(dst)
        for done in copied:
            rows, checksum = table_digest(dst, Base.metadata.tables[done.table])
            if (rows, checksum) != (done.rows, done.checksum):
                raise StoreError(
                    f"copy of table {done.table} does not verify: {done.rows} rows read, "
                    f"{rows} in {describe(target.url)} (checksums {done.checksum[:12]} and "
                    f"{checksum[:12]}); nothing was written"
                )
    return copied


def table_digest(conn: Connection, table: Table) -> tuple[int, str]:
    """(rows, checksum) of one table as ``conn`` sees it."""
    digest = _Digest()
    for batch in _read(conn, table):
        digest.add(batch)
    return digest.rows, digest.hexdigest()


@contextmanager
def _snapshot(engine: Engine) -> Iterator[Connection]:
    """One read transaction that sees a single state of the database for the whole copy."""
    with translate_errors(engine.url), engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn.execution_options(isolation_level="REPEATABLE READ")
        else:
            conn.execution_options(quotas_read_only=True)
        with conn.begin():
            yield conn


def _held_rows(conn: Connection) -> dict[str, int]:
    held = {}
    for table in tables():
        if table.name in SEEDED:
            continue
        count = int(conn.execute(select(func.count()).select_from(table)).scalar_one())
        if count:
            held[table.name] = count
    return held


def _copy_table(src: Connection, dst: Connection, table: Table) -> tuple[int, str]:
    digest = _Digest()
    for batch in _read(src, table):
        dst.execute(insert(table), batch)
        digest.add(batch)
    return digest.rows, digest.hexdigest()


def _read(conn: Connection, table: Table) -> Iterator[list[dict[str, Any]]]:
    query = select(table).order_by(*table.primary_key.columns).execution_options(yield_per=BATCH)
    result = conn.execute(query)
    for partition in result.mappings().partitions(BATCH):
        yield [dict(row) for row in partition]


def _advance_sequences(conn: Connection) -> None:
    """Ids were copied as they were: move each id sequence past the largest one."""
    for table in tables():
        column = table.autoincrement_column
        if column is None:
            continue
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence(:table, :column), "
                f"COALESCE((SELECT MAX({column.name}) FROM {table.name}), 0) + 1, false)"
            ),
            {"table": table.name, "column": column.name},
        )


class _Digest:
    """Row count and an order-independent checksum of rows."""

    def __init__(self) -> None:
        self.rows = 0
        self._hashes: list[bytes] = []

    def add(self, rows: Iterable[dict[str, Any]]) -> None:
        for row in rows:
            values = [[name, _normal(row[name])] for name in sorted(row)]
            encoded = json.dumps(values, ensure_ascii=False, separators=(",", ":"))
            self._hashes.append(hashlib.sha256(encoded.encode("utf-8")).digest())
            self.rows += 1

    def hexdigest(self) -> str:
        return hashlib.sha256(b"".join(sorted(self._hashes))).hexdigest()


def _normal(value: Any) -> Any:
    """A value as both backends give it back: JSON-able, the same on SQLite and PostgreSQL."""
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float | Decimal):
        return repr(float(value))
    return str(value)
