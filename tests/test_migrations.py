"""The schema comes from Alembic: opening a database migrates it, models and migrations agree,
and every way a user can point at a bad database ends in one StoreError line."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Column, Integer, MetaData, Table, text

from extractors.errors import StoreError
from models.base import (
    ALEMBIC_DIR,
    ENV_VAR,
    Base,
    alembic_config,
    database_path,
    default_database_url,
    open_engine,
    resolve_database_url,
)

ROOT = Path(__file__).resolve().parents[1]
FACTS_MD_COMPANIES = {
    "china_rare_earth_group",
    "china_northern_rare_earth",
    "xiamen_tungsten",
    "guangdong_rare_earth",
    "china_minmetals",
    "chinalco_rare_earth",
}


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(db: Path) -> str | None:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def test_open_creates_the_file_at_head_and_reopening_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "sub" / "dir" / "quotas.db"
    open_engine(str(db)).dispose()
    assert db.is_file()
    assert current_revision(db) == head_revision()
    with sqlite3.connect(db) as conn:
        before = conn.execute("SELECT count(*) FROM company_alias").fetchone()[0]
    open_engine(str(db)).dispose()
    open_engine(f"sqlite:///{db}").dispose()
    assert current_revision(db) == head_revision()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM company_alias").fetchone()[0] == before


def test_models_and_migrations_do_not_drift(tmp_path: Path) -> None:
    engine = open_engine(str(tmp_path / "q.db"))
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
        # The comparison itself can fail: a table the migrations never made shows up.
        extra = MetaData()
        for table in Base.metadata.tables.values():
            table.to_metadata(extra)
        Table("not_migrated", extra, Column("id", Integer, primary_key=True))
        diff = compare_metadata(context, extra)
        assert [entry[0] for entry in diff] == ["add_table"]
    engine.dispose()


def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    engine = open_engine(str(tmp_path / "q.db"), busy_timeout=3)
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 3000
    engine.dispose()


def test_the_migration_seeds_the_quota_holders_and_their_aliases(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    open_engine(str(db)).dispose()
    with sqlite3.connect(db) as conn:
        ids = {row[0] for row in conn.execute("SELECT id FROM company")}
        aliases = dict(conn.execute("SELECT alias, company_id FROM company_alias"))
    assert ids == FACTS_MD_COMPANIES | {"china_southern_rare_earth"}
    assert aliases["北方稀土"] == "china_northern_rare_earth"
    assert aliases["Baotou Steel Rare Earth"] == "china_northern_rare_earth"
    assert aliases["CREG"] == "china_rare_earth_group"
    assert aliases["赣州稀土"] == "china_southern_rare_earth"
    assert aliases["XTC"] == "xiamen_tungsten"
    assert set(aliases.values()) == ids  # every company has at least one alias


def test_downgrade_to_base_and_upgrade_again(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    engine = open_engine(str(db))
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    with sqlite3.connect(db) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert "document" not in tables
    assert "fact" not in tables
    engine.dispose()
    open_engine(str(db)).dispose()
    assert current_revision(db) == head_revision()


def test_the_alembic_command_line_reads_pyproject_and_the_env_var(tmp_path: Path) -> None:
    """`alembic upgrade head` / `alembic check` as a developer runs them in the project folder."""
    assert Config(toml_file=str(ROOT / "pyproject.toml")).get_alembic_option(
        "script_location"
    ) == str(ALEMBIC_DIR)
    db = tmp_path / "cli.db"
    env = {**os.environ, ENV_VAR: str(db)}
    for args in (["upgrade", "head"], ["check"]):
        done = subprocess.run(
            [sys.executable, "-m", "alembic", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
    assert current_revision(db) == head_revision()


def test_database_urls_resolve_from_option_env_and_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.chdir(tmp_path)
    assert resolve_database_url(None) == default_database_url()
    assert database_path(default_database_url()) is not None
    assert Path(database_path(default_database_url()) or "").name == "quotas.db"
    assert resolve_database_url("x.db") == f"sqlite:///{tmp_path / 'x.db'}"
    monkeypatch.setenv(ENV_VAR, "postgresql://u:secret@db.example/quotas")
    assert resolve_database_url(None) == "postgresql://u:secret@db.example/quotas"
    assert resolve_database_url("sqlite:////tmp/a.db") == "sqlite:////tmp/a.db"
    assert database_path(resolve_database_url(None)) is None
    assert database_path("sqlite://") is None
    assert database_path(f"sqlite:///{tmp_path}/a.db") == str(tmp_path / "a.db")


def assert_one_line(error: StoreError, *needles: str) -> None:
    message = str(error)
    assert "\n" not in message
    assert "Traceback" not in message
    for needle in needles:
        assert needle in message


def test_a_path_under_a_regular_file_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    db = blocker / "quotas.db"
    with pytest.raises(StoreError) as caught:
        open_engine(str(db))
    assert_one_line(caught.value, str(db), "folder")


def test_a_folder_in_place_of_the_file_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "quotas.db").mkdir()
    with pytest.raises(StoreError) as caught:
        open_engine(str(tmp_path / "quotas.db"))
    assert_one_line(caught.value, str(tmp_path / "quotas.db"), "not a file")


def test_a_corrupt_file_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "quotas.db"
    db.write_bytes(os.urandom(8192))
    with pytest.raises(StoreError) as caught:
        open_engine(str(db))
    assert_one_line(caught.value, str(db), "not a usable SQLite database")


def test_a_database_from_a_newer_version_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "quotas.db"
    open_engine(str(db)).dispose()
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    with pytest.raises(StoreError) as caught:
        open_engine(str(db))
    assert_one_line(caught.value, str(db), "9999_from_the_future", "newer version")
    assert current_revision(db) == "9999_from_the_future"  # left as it was


def test_a_bad_url_is_one_line() -> None:
    with pytest.raises(StoreError) as caught:
        open_engine("nosuchdriver://x/y")
    assert_one_line(caught.value, "nosuchdriver")
