"""PostgreSQL in the tests: fresh databases on the server that ``$QUOTAS_TEST_PG_URL`` names.

Set ``QUOTAS_TEST_PG_URL`` to a server URL whose user may create databases, e.g.
``postgresql+psycopg://postgres@127.0.0.1:54329/postgres`` (``.ci/run`` starts such a server
and sets it). Without it every PostgreSQL test is skipped and the suite runs on SQLite alone.

- ``pg_url``: a fresh, empty database for one test, dropped afterwards;
  ``pg_database()``: a factory, for tests that need more than one.
- ``database_url``: parametrised, a fresh database of each backend (SQLite file, PostgreSQL).
- The storage, query and CLI test modules (``BOTH_BACKENDS``) run twice: as written, and with
  every SQLite file they open redirected to a fresh PostgreSQL database of its own, so the same
  assertions hold on both. A test that reaches the file behind SQLAlchemy's back (``sqlite3``,
  a subprocess, another process) stays SQLite-only: its source names one of ``SQLITE_ONLY``.
"""

from __future__ import annotations

import inspect
import os
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.pool import NullPool

import models.base

ENV_VAR = "QUOTAS_TEST_PG_URL"
PREFIX = "quotas_test_"  # every database the tests create; a crashed run's leftovers are named so
BOTH_BACKENDS = frozenset(
    {
        "test_store",
        "test_queries",
        "test_reconcile",
        "test_checks",
        "test_cli_query",
        "test_report",
    }
)
# Words in a test's source that mean it opens the SQLite file itself, or from another process.
SQLITE_ONLY = ("sqlite3", "subprocess", "multiprocessing", "Popen")
BACKENDS = ("sqlite", "postgresql")


class PgServer:
    """Creates and drops databases on one PostgreSQL server."""

    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        self.admin = create_engine(self.url, isolation_level="AUTOCOMMIT", poolclass=NullPool)

    def check(self) -> None:
        try:
            with self.admin.connect() as conn:
                conn.execute(text("SELECT 1"))
        except OperationalError as exc:
            reason = str(exc.orig or exc).strip().splitlines()[0]
            url = self.url.render_as_string(hide_password=True)
            raise pytest.UsageError(f"{ENV_VAR}={url}: cannot connect: {reason}") from None

    def create(self) -> str:
        """A new empty database; its URL, password included."""
        name = f"{PREFIX}{uuid.uuid4().hex[:12]}"
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        return self.url.set(database=name).render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        name = make_url(url).database
        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def server_url() -> str | None:
    return os.environ.get(ENV_VAR, "").strip() or None


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    url = server_url()
    if url is None:
        pytest.skip(f"PostgreSQL tests need {ENV_VAR} (see tests/pg.py)")
    server = PgServer(url)
    server.check()  # set but unreachable is an error, never a silent skip
    yield server
    server.admin.dispose()


@pytest.fixture
def pg_database(pg_server: PgServer) -> Iterator[Callable[[], str]]:
    """Call it for a fresh database URL; every one made is dropped after the test."""
    made: list[str] = []

    def make() -> str:
        made.append(pg_server.create())
        return made[-1]

    yield make
    for url in made:
        pg_server.drop(url)


@pytest.fixture
def pg_url(pg_database: Callable[[], str]) -> str:
    return pg_database()


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Any) -> str:
    """A fresh database of each backend, as a SQLAlchemy URL."""
    if request.param == "postgresql":
        return str(request.getfixturevalue("pg_url"))
    return f"sqlite:///{tmp_path / 'quotas.db'}"


@pytest.fixture(autouse=True)
def quotas_backend(request: pytest.FixtureRequest) -> Iterator[str]:
    """``sqlite`` as written; ``postgresql``: each SQLite file opened goes to a fresh database."""
    backend = getattr(request, "param", "sqlite")
    if backend != "postgresql":
        yield backend
        return
    make_database: Callable[[], str] = request.getfixturevalue("pg_database")
    monkeypatch: pytest.MonkeyPatch = request.getfixturevalue("monkeypatch")
    original = models.base.make_engine
    databases: dict[str, str] = {}  # SQLite file → its PostgreSQL stand-in
    engines: list[Engine] = []

    def make_engine(url: str, **options: Any) -> Engine:
        target = url if "://" in url else models.base.resolve_database_url(url)
        path = models.base.database_path(target)
        if path is not None:
            if path not in databases:
                databases[path] = make_database()
            target = databases[path]
        engines.append(original(target, **options))
        return engines[-1]

    monkeypatch.setattr(models.base, "make_engine", make_engine)
    yield backend
    for engine in engines:
        engine.dispose()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "quotas_backend" not in metafunc.fixturenames or server_url() is None:
        return
    if metafunc.module.__name__.rpartition(".")[2] not in BOTH_BACKENDS:
        return
    try:
        source = inspect.getsource(metafunc.function)
    except (OSError, TypeError):
        return
    if any(word in source for word in SQLITE_ONLY):
        return
    metafunc.parametrize("quotas_backend", BACKENDS, indirect=True)
