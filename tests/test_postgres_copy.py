"""`quotas migrate --to URL`: a whole database copied SQLite → PostgreSQL → SQLite, verified by
counts and checksums. Runs SQLite → SQLite without a server; each PostgreSQL leg needs
``$QUOTAS_TEST_PG_URL`` (see tests/pg.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import func, select, text, update

from models.base import open_engine
from models.queries import load_facts
from models.reconcile import reconcile_quotas
from models.tables import Document
from models.transfer import copy_database, table_digest, tables
from scraper.cli import cli

try:
    from tests.test_reconcile import add_document, seed
except ImportError:  # tests/ on sys.path rather than the project root
    from test_reconcile import add_document, seed  # type: ignore[no-redef]


def migrate(source: str, target: str, *more: str) -> Result:
    return CliRunner().invoke(cli, ["--db", source, "migrate", "--to", target, *more])


def digests(url: str) -> dict[str, tuple[int, str]]:
    engine = open_engine(url)
    try:
        with engine.connect() as conn:
            return {table.name: table_digest(conn, table) for table in tables()}
    finally:
        engine.dispose()


def facts_of(url: str) -> set[tuple[Any, ...]]:
    engine = open_engine(url)
    try:
        return {(f.url, *f.key, f.amount_t, f.status, f.evidence) for f in load_facts(engine)}
    finally:
        engine.dispose()


@pytest.fixture
def source(tmp_path: Path) -> str:
    seed(tmp_path / "source.db").dispose()
    return f"sqlite:///{tmp_path / 'source.db'}"


def test_a_copy_there_and_back_keeps_every_row(
    source: str, database_url: str, tmp_path: Path
) -> None:
    there = migrate(source, database_url)
    assert there.exit_code == 0, there.output
    assert "checksums verified" in there.output
    back_url = f"sqlite:///{tmp_path / 'back.db'}"
    back = migrate(database_url, back_url)
    assert back.exit_code == 0, back.output
    original = digests(source)
    assert original["fact"][0] > 50 and original["fact_seen"][0] == original["fact"][0]
    assert digests(database_url) == original
    assert digests(back_url) == original
    assert facts_of(back_url) == facts_of(source)
    engine = open_engine(database_url)
    try:
        assert reconcile_quotas(engine) == reconcile_quotas(open_engine(source))
        # Ids were copied as they were; new rows still get fresh ones.
        with engine.connect() as conn:
            highest = conn.execute(select(func.max(Document.id))).scalar_one()
        quiet = [("rare_earth", "mining", 2025, "batch:1", None, None, None, None)]
        new_id = add_document(
            engine, "https://news.example.com/after-copy", date(2025, 1, 2), "reported", quiet
        )
        assert new_id > highest
    finally:
        engine.dispose()


def test_a_target_holding_data_is_refused_unless_replaced(source: str, database_url: str) -> None:
    assert migrate(source, database_url).exit_code == 0
    engine = open_engine(source)
    with engine.begin() as conn:
        conn.execute(update(Document).values(title="changed after the first copy"))
    engine.dispose()
    refused = migrate(source, database_url)
    assert refused.exit_code == 4
    assert "already holds data" in refused.output and "--replace" in refused.output
    assert "Traceback" not in refused.output
    assert digests(database_url) != digests(source)
    replaced = migrate(source, database_url, "--replace")
    assert replaced.exit_code == 0, replaced.output
    assert digests(database_url) == digests(source)


def test_copying_a_database_into_itself_is_refused(source: str) -> None:
    result = migrate(source, source)
    assert result.exit_code == 4
    assert "is the database being copied" in result.output


def test_the_checksum_sees_one_changed_value(source: str, tmp_path: Path) -> None:
    engine = open_engine(source)
    copy = open_engine(str(tmp_path / "copy.db"))
    try:
        copied = {c.table: (c.rows, c.checksum) for c in copy_database(engine, copy)}
        assert copied == digests(source)
        with copy.begin() as conn:
            conn.execute(text("UPDATE fact SET amount_t = amount_t + 0.001 WHERE id = 1"))
            doc = Document.__table__
            first = conn.execute(select(doc.c.id).order_by(doc.c.id).limit(1)).scalar_one()
            conn.execute(update(doc).where(doc.c.id == first).values(body=b"x"))
        after = digests(f"sqlite:///{tmp_path / 'copy.db'}")
        assert after["fact"][0] == copied["fact"][0] and after["fact"] != copied["fact"]
        assert after["document"] != copied["document"]
        assert after["company"] == copied["company"]
    finally:
        engine.dispose()
        copy.dispose()
