"""The schema on PostgreSQL: the migrations (0002's trigger and views included) run, go down and
up again, agree with the models, and several processes opening one new database at once migrate
it once. Needs ``$QUOTAS_TEST_PG_URL`` (see tests/pg.py); skipped without it."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.pool import NullPool

from models.base import Base, alembic_config, open_engine

VIEWS = {"fact_evidence", "quota", "quota_annual", "quota_by_holder"}


def head() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def revisions(url: str) -> list[str]:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return list(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
    finally:
        engine.dispose()


def test_a_new_database_is_migrated_to_head_with_trigger_and_views(pg_url: str) -> None:
    engine = open_engine(pg_url)
    try:
        assert engine.dialect.name == "postgresql"
        found = inspect(engine)
        assert set(found.get_view_names()) == VIEWS
        assert {"document", "fact", "fact_seen", "finding"} <= set(found.get_table_names())
        with engine.connect() as conn:
            triggers = conn.execute(
                text("SELECT tgname FROM pg_trigger WHERE tgrelid = 'fact'::regclass")
            ).scalars()
            assert "fact_first_seen" in set(triggers)
            assert conn.execute(text("SELECT count(*) FROM company")).scalar() == 7
    finally:
        engine.dispose()
    assert revisions(pg_url) == [head()]
    open_engine(pg_url).dispose()  # at head already: nothing to do, nothing added
    assert revisions(pg_url) == [head()]


def test_models_and_migrations_do_not_drift_on_postgresql(pg_url: str) -> None:
    engine = open_engine(pg_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()


def test_downgrade_to_base_and_upgrade_again_on_postgresql(pg_url: str) -> None:
    engine = open_engine(pg_url)
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    found = inspect(engine)
    assert not set(found.get_view_names()) & VIEWS
    assert "document" not in found.get_table_names()
    with engine.connect() as conn:
        functions = conn.execute(
            text("SELECT count(*) FROM pg_proc WHERE proname = 'fact_first_seen'")
        ).scalar()
    assert functions == 0
    engine.dispose()
    open_engine(pg_url).dispose()
    assert revisions(pg_url) == [head()]


def _open(url: str) -> None:
    open_engine(url).dispose()


def test_processes_opening_one_new_database_at_once_migrate_it_once(pg_url: str) -> None:
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_open, args=(pg_url,)) for _ in range(3)]
    for proc in workers:
        proc.start()
    for proc in workers:
        proc.join(120)
    assert [proc.exitcode for proc in workers] == [0, 0, 0]
    assert revisions(pg_url) == [head()]
    engine = create_engine(pg_url, poolclass=NullPool)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM company")).scalar() == 7
    engine.dispose()


@pytest.mark.parametrize("quotas_backend", ["postgresql"], indirect=True)
def test_the_second_backend_of_the_shared_tests_is_postgresql(
    quotas_backend: str, tmp_path: Path
) -> None:
    """tests/pg.py sends the SQLite files of the storage, query and CLI tests to PostgreSQL."""
    first = open_engine(str(tmp_path / "a.db"))
    again = open_engine(f"sqlite:///{tmp_path / 'a.db'}")
    other = open_engine(str(tmp_path / "b.db"))
    assert {first.dialect.name, again.dialect.name, other.dialect.name} == {"postgresql"}
    assert first.url.database == again.url.database != other.url.database
    assert not (tmp_path / "a.db").exists()
