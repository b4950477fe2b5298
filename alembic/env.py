"""Alembic environment for quota-tracker.

The program migrates in-process (``models.base.migrate``) and hands over its open connection
through ``config.attributes["connection"]``. Run from the command line (``alembic upgrade
head``, ``alembic revision --autogenerate``), the database comes from ``sqlalchemy.url`` in the
configuration, else ``$QUOTAS_DATABASE_URL``, else the per-user default file.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

import models.tables  # noqa: F401  (registers every table on Base.metadata)
from models.base import Base, make_engine, resolve_database_url

config = context.config
target_metadata = Base.metadata


def _database_url() -> str:
    # get_alembic_option, unlike get_main_option, works without an alembic.ini (pyproject only).
    given = config.get_alembic_option("sqlalchemy.url")
    return given if isinstance(given, str) and given else resolve_database_url(None)


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    context.configure(
        url=_database_url(),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    given = config.attributes.get("connection")
    if given is not None:
        _run(given)
        return
    engine = make_engine(_database_url())
    try:
        with engine.begin() as connection:
            _run(connection)
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
