"""Shared fixtures: ``mirror``, a local copy of the fixture sites served on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

try:
    from tests.mirror import Mirror
except ImportError:  # tests/ on sys.path rather than the project root
    from mirror import Mirror  # type: ignore[no-redef]

pytest_plugins = ["pg"]  # tests/pg.py: PostgreSQL as a second backend ($QUOTAS_TEST_PG_URL)


@pytest.fixture
def mirror(tmp_path: Path) -> Iterator[Mirror]:
    """Every fixture host served from a fresh copy (``mirror.root``), stopped afterwards.

    ``mirror.base(host)`` is the host's ``http://127.0.0.1:PORT``; ``mirror.sources_file`` a
    sources TOML pointing every source at the mirror, with no pacing and fast retries;
    ``mirror.requests`` the log of every request served.
    """
    with Mirror.from_fixtures(tmp_path / "mirror") as served:
        yield served


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    """pytest-httpserver's ad-hoc servers listen on 127.0.0.1 only, on a free port."""
    return ("127.0.0.1", 0)
