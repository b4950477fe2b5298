"""The database: declarative base, where it lives, and opening it (migrated to the newest schema).

``open_engine(url)`` is the one way the program opens a database. It creates the folder of a
SQLite file, turns on WAL, a busy timeout and foreign keys, and runs the Alembic migrations
in-process, so a new file comes out with the full schema and an old one is brought up to date.
Every failure a user can cause (a path that cannot be written, a file that is not a database,
a database from a newer version of the tool, a lock held too long) becomes one ``StoreError``
line that names the database.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import platformdirs
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import MetaData, create_engine, event, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import DeclarativeBase

from extractors.errors import ConfigError, StoreError

log = logging.getLogger(__name__)

ENV_VAR = "QUOTAS_DATABASE_URL"
APP_NAME = "quota-tracker"
DEFAULT_FILENAME = "quotas.db"
BUSY_TIMEOUT_S = 10.0
# Seconds to wait for another process's write lock before giving up (default BUSY_TIMEOUT_S).
BUSY_TIMEOUT_ENV = "QUOTAS_BUSY_TIMEOUT"

# Constraint names are stable across dialects, so migrations can refer to them by name.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# The migrations: alembic/ beside the packages in a checkout (or an editable install); a
# regular install ships the same files as the package models.migrations.
_CHECKOUT_ALEMBIC = Path(__file__).resolve().parents[1] / "alembic"
ALEMBIC_DIR = (
    _CHECKOUT_ALEMBIC
    if (_CHECKOUT_ALEMBIC / "versions").is_dir()
    else Path(__file__).resolve().parent / "migrations"
)

# PostgreSQL advisory lock keys (two int4s: our namespace, then the lock). URL claims use the
# one-bigint key space, which PostgreSQL keeps apart from this one.
ADVISORY_NAMESPACE = 0x71756F74  # "quot"
ADVISORY_MIGRATE = {"a": ADVISORY_NAMESPACE, "b": 1}  # schema migrations, per transaction
ADVISORY_RUN = {"a": ADVISORY_NAMESPACE, "b": 2}  # the run lock (scraper.lock)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def default_database_url() -> str:
    """The per-user SQLite file, e.g. ``~/.local/share/quota-tracker/quotas.db`` on Linux."""
    path = Path(platformdirs.user_data_dir(APP_NAME)) / DEFAULT_FILENAME
    return URL.create("sqlite", database=str(path)).render_as_string()


def resolve_database_url(explicit: str | None) -> str:
    """``--db`` if given, else ``$QUOTAS_DATABASE_URL``, else the default file.

    A value without ``://`` is a path to a SQLite file.
    """
    value = explicit or os.environ.get(ENV_VAR) or ""
    if not value.strip():
        return default_database_url()
    value = value.strip()
    if "://" in value:
        return value
    path = Path(value).expanduser().resolve()
    return URL.create("sqlite", database=str(path)).render_as_string()


def database_path(url: str) -> str | None:
    """The file behind a SQLite URL (for ``quotas status``); None for servers and memory."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return None
    return str(Path(database).expanduser().resolve())


def describe(url: str | URL) -> str:
    """How messages name a database: its file, or its URL without the password."""
    text = url if isinstance(url, str) else url.render_as_string(hide_password=True)
    path = database_path(text)
    if path is not None:
        return path
    try:
        return make_url(text).render_as_string(hide_password=True)
    except ArgumentError:
        return text


def configured_busy_timeout() -> float:
    """``$QUOTAS_BUSY_TIMEOUT`` in seconds, else ``BUSY_TIMEOUT_S``."""
    raw = os.environ.get(BUSY_TIMEOUT_ENV, "").strip()
    if not raw:
        return BUSY_TIMEOUT_S
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 86_400:
        raise ConfigError(f"${BUSY_TIMEOUT_ENV} must be a number of seconds, not {raw!r}")
    return value


def make_engine(url: str, *, busy_timeout: float | None = None) -> Engine:
    """An Engine with our SQLite settings, without touching the schema (Alembic's env uses it).

    ``url`` is a SQLAlchemy URL, or a plain path to a SQLite file; ``busy_timeout`` defaults to
    ``configured_busy_timeout()``.
    """
    if busy_timeout is None:
        busy_timeout = configured_busy_timeout()
    if "://" not in url:
        url = resolve_database_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreError(f"not a database URL: {url!r} ({exc})") from None
    name = describe(parsed)
    path = database_path(url)
    if path is not None:
        _make_parent(Path(path), name)
    try:
        if parsed.get_backend_name() == "sqlite":
            engine = create_engine(parsed, connect_args={"timeout": busy_timeout})
            _configure_sqlite(engine, busy_timeout)
        else:
            engine = create_engine(parsed, pool_pre_ping=True)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise StoreError(f"cannot open database {name}: {exc}") from None
    return engine


def open_engine(url: str, *, busy_timeout: float | None = None) -> Engine:
    """Open (creating if needed) the database at ``url`` and migrate it to the newest schema."""
    engine = make_engine(url, busy_timeout=busy_timeout)
    try:
        migrate(engine)
    except BaseException:
        engine.dispose()
        raise
    return engine


def alembic_config() -> Config:
    """The Alembic configuration, built in code (no alembic.ini needed at run time)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(ALEMBIC_DIR))
    return cfg


def migrate(engine: Engine) -> None:
    """Bring the schema to head; a no-op (and no write lock) when it is already there."""
    cfg = alembic_config()
    script = ScriptDirectory.from_config(cfg)
    head = script.get_current_head()
    known = {rev.revision for rev in script.walk_revisions()}
    with translate_errors(engine.url):
        with engine.connect() as conn:
            conn.execution_options(quotas_read_only=True)
            current = MigrationContext.configure(conn).get_current_revision()
        if current == head:
            return
        if current is not None and current not in known:
            raise StoreError(
                f"database {describe(engine.url)} has schema revision {current!r}, which this "
                "version of quota-tracker does not know: it was written by a newer version"
            )
        log.info("migrating %s from %s to %s", describe(engine.url), current, head)
        with engine.begin() as conn:
            _serialise_migrations(conn)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")


def _serialise_migrations(conn: Connection) -> None:
    """One migrator at a time on PostgreSQL, as SQLite's ``BEGIN IMMEDIATE`` gives already.

    Two crawlers started together on a new database would both create the tables; the second
    waits here until the first commits, then Alembic finds the schema at head and does nothing.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(
            text("SELECT pg_advisory_xact_lock(CAST(:a AS integer), CAST(:b AS integer))"),
            ADVISORY_MIGRATE,
        )


@contextmanager
def translate_errors(url: str | URL) -> Iterator[None]:
    """Turn driver errors a user can meet into one-line StoreErrors naming the database."""
    try:
        yield
    except DBAPIError as exc:
        raise StoreError(_explain(exc, describe(url))) from None
    except sqlite3.Error as exc:
        raise StoreError(f"database {describe(url)}: {exc}") from None


def _explain(exc: DBAPIError, name: str) -> str:
    reason = str(exc.orig) if exc.orig is not None else str(exc)
    reason = reason.strip().splitlines()[0] if reason.strip() else type(exc).__name__
    lowered = reason.lower()
    if "not a database" in lowered or "malformed" in lowered:
        return f"{name} is not a usable SQLite database ({reason})"
    if "disk is full" in lowered or "no space" in lowered:
        return f"cannot write database {name}: the disk is full ({reason})"
    if "locked" in lowered or "busy" in lowered:
        return f"database {name} is locked by another process (gave up waiting): {reason}"
    if "unable to open" in lowered or "readonly" in lowered or "read-only" in lowered:
        return f"cannot write database {name}: {reason}"
    return f"database {name}: {reason}"


def _make_parent(path: Path, name: str) -> None:
    blocker = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
    if blocker is not None:
        raise StoreError(f"cannot create the folder of database {name}: {blocker} is a file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise StoreError(f"cannot create the folder of database {name}: {reason}") from None
    if path.exists() and not path.is_file():
        raise StoreError(f"cannot open database {name}: it is not a file")
    if not os.access(path.parent, os.W_OK):
        raise StoreError(f"cannot write database {name}: its folder is not writable")


def _configure_sqlite(engine: Engine, busy_timeout: float) -> None:
    """WAL, busy timeout and foreign keys on every connection; writes take the lock at BEGIN.

    ``BEGIN IMMEDIATE`` makes a writer wait (up to the busy timeout) for the lock up front,
    instead of failing halfway when another process committed in between. Read-only work
    asks for a plain deferred BEGIN with the ``quotas_read_only`` execution option.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, below
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA synchronous = NORMAL")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        read_only = conn.get_execution_options().get("quotas_read_only", False)
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")
