"""Administration commands: ``quotas migrate --to URL``.

``register(cli)`` adds them to the ``quotas`` group; they use the group's ``Context``
(``ctx.obj``: ``database_url`` and ``engine``).
"""

from __future__ import annotations

from typing import Any

import click

from scraper.output import write_rows


def register(group: click.Group) -> None:
    """Add the administration commands to the ``quotas`` group."""
    group.add_command(migrate)


@click.command()
@click.option(
    "--to",
    "target",
    required=True,
    metavar="URL|PATH",
    help="The database to copy into: a SQLAlchemy URL or a SQLite file path.",
)
@click.option("--replace", is_flag=True, help="Overwrite a target that already holds data.")
@click.pass_obj
def migrate(obj: Any, target: str, replace: bool) -> None:
    """Copy the whole database (--db) into another, SQLite ↔ PostgreSQL, and verify the copy.

    The target is created if needed and brought to the newest schema; every table is copied in
    one transaction and compared with the source by row count and checksum before it commits.
    Both databases hold the run lock meanwhile, so no crawl writes during the copy.

    \b
    Examples:
      quotas migrate --to postgresql+psycopg://quotas@db.example.org/quotas
      quotas --db postgresql+psycopg://quotas@db.example.org/quotas migrate --to copy.db
    """
    from extractors.errors import StoreError
    from models.base import describe, open_engine, resolve_database_url
    from models.transfer import copy_database, same_database
    from scraper.lock import run_lock

    target_url = resolve_database_url(target)
    source = obj.engine
    destination = open_engine(target_url)
    try:
        if same_database(source, destination):
            raise StoreError(f"{describe(target_url)} is the database being copied; pick another")
        with run_lock(obj.database_url, source), run_lock(target_url, destination):
            copied = copy_database(source, destination, replace=replace)
    finally:
        destination.dispose()
    write_rows([c.to_row() for c in copied], ("table", "rows", "checksum"), right=("rows",))
    total = sum(c.rows for c in copied)
    click.echo(f"copied {total} rows in {len(copied)} tables; counts and checksums verified")
