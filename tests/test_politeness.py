"""Politeness, proven on the wire: the hostile server records every request and when it came.

Real crawls (the ``Pipeline`` over a real SQLite file) with small intervals; the assertions are
on the gaps between arrivals at the server and on what was (never) asked for, not on how long
anything took.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import pytest

try:
    from tests import hostile as h
except ImportError:  # tests/ on sys.path rather than the project root
    import hostile as h  # type: ignore[no-redef]

INTERVAL = 0.2
SLACK = 0.01  # the server stamps an arrival a moment after the client's clock read
PAGES = [h.notice(2018 + n, "第一批", 60000 + n, 57500 + n) for n in range(5)]


@pytest.fixture
def server() -> Iterator[h.HostileServer]:
    with h.HostileServer() as served:
        yield served


def serve_site(server: h.HostileServer, prefix: str = "/n/", robots: str | None = None) -> str:
    """Five notices, one 503-then-200, a listing linking them; returns the listing's URL."""
    links = []
    for number, body in enumerate(PAGES):
        path = f"{prefix}{number}.html"
        plan = [h.respond(503, b"busy"), h.page(body)] if number == 2 else [h.page(body)]
        links.append(server.route(path, *plan))
    if robots is not None:
        server.route("/robots.txt", h.respond(200, robots.encode(), content_type="text/plain"))
    rows = "".join(f'<a href="{url}">notice</a>' for url in links)
    return server.route(f"{prefix}list.html", h.page(rows.encode()))


def source(server: h.HostileServer, listing: str, *extra: str) -> h.LeadSource:
    hosts = frozenset({f"127.0.0.1:{server.port}", *extra})
    return h.LeadSource("polite", hosts, listing=listing)


def gaps(times: list[float]) -> list[float]:
    ordered = sorted(times)
    return [later - earlier for earlier, later in pairwise(ordered)]


def test_a_crawl_never_exceeds_the_configured_rate_per_host(
    server: h.HostileServer, tmp_path: Path
) -> None:
    settings = replace(h.FAST, min_interval_s=INTERVAL, respect_robots=True)
    with h.HostileServer() as other:
        first = source(server, serve_site(server))
        second = h.LeadSource(
            "polite-2", frozenset({f"127.0.0.1:{other.port}"}), listing=serve_site(other)
        )
        db = tmp_path / "quotas.db"
        report, _ = h.crawl(db, [first, second], settings)
        assert report.exit_code == 0, report.errors
        for served in (server, other):
            # robots.txt, the listing, five notices and one retry: eight requests
            assert len(served.requests) == 8
            assert min(gaps(served.arrivals())) >= INTERVAL - SLACK, gaps(served.arrivals())
    assert len(h.stored_urls(db)) == 10


def test_retries_keep_the_pace_too(server: h.HostileServer, tmp_path: Path) -> None:
    settings = replace(h.FAST, min_interval_s=INTERVAL, backoff_s=0.0)
    report, _ = h.crawl(tmp_path / "q.db", source(server, serve_site(server)), settings)
    assert report.exit_code == 0
    retried = [r.at for r in server.requests if r.path == "/n/2.html"]
    assert len(retried) == 2 and retried[1] - retried[0] >= INTERVAL - SLACK


def test_robots_disallow_is_honoured(server: h.HostileServer, tmp_path: Path) -> None:
    listing = serve_site(server, robots="User-agent: *\nDisallow: /n/3.html\nDisallow: /private/\n")
    secret = server.route("/private/notice.html", h.page(PAGES[0]))
    src = source(server, listing)
    src.urls.append(secret)
    report, _ = h.crawl(tmp_path / "q.db", src, replace(h.FAST, respect_robots=True))
    asked = {r.path for r in server.requests}
    assert "/n/3.html" not in asked and "/private/notice.html" not in asked
    assert server.hits("/robots.txt") == 1, "robots.txt is read once per host per run"
    assert report.failed == 2
    assert sum("robots.txt" in e for e in report.errors) == 2
    stored = h.stored_urls(tmp_path / "q.db")
    assert server.url("/n/3.html") not in stored and secret not in stored
    assert len(stored) == 4


def test_robots_for_another_user_agent_does_not_block(
    server: h.HostileServer, tmp_path: Path
) -> None:
    listing = serve_site(server, robots="User-agent: SomeOtherBot\nDisallow: /\n")
    report, _ = h.crawl(
        tmp_path / "q.db", source(server, listing), replace(h.FAST, respect_robots=True)
    )
    assert report.exit_code == 0 and len(h.stored_urls(tmp_path / "q.db")) == 5


def test_robots_crawl_delay_spaces_requests_beyond_the_configured_interval(
    server: h.HostileServer, tmp_path: Path
) -> None:
    delay = 0.5
    listing = serve_site(server, robots=f"User-agent: *\nCrawl-delay: {delay}\n")
    settings = replace(h.FAST, min_interval_s=0.05, respect_robots=True, backoff_s=0.0)
    report, _ = h.crawl(tmp_path / "q.db", source(server, listing), settings)
    assert report.exit_code == 0
    after_robots = [r.at for r in server.requests if r.path != "/robots.txt"]
    assert len(after_robots) == 7
    assert min(gaps(server.arrivals())) >= delay - SLACK


def test_pages_seen_before_are_asked_for_conditionally(
    server: h.HostileServer, tmp_path: Path
) -> None:
    etag, modified = '"v1-list"', "Tue, 06 Feb 2024 08:00:00 GMT"
    listing = serve_site(server)
    body = server.routes.pop("/n/list.html")  # serve the same listing with validators
    rows = "".join(f'<a href="{server.url(f"/n/{n}.html")}">notice</a>' for n in range(5))
    server.route("/n/list.html", h.validated(rows.encode(), etag, modified))
    assert body  # the plain listing was replaced
    db = tmp_path / "q.db"

    first, _ = h.crawl(db, source(server, listing))
    second, _ = h.crawl(db, source(server, listing))

    asks = [r.headers for r in server.requests if r.path == "/n/list.html"]
    assert len(asks) == 2
    assert "if-none-match" not in asks[0] and "if-modified-since" not in asks[0]
    assert asks[1].get("if-none-match") == etag
    assert asks[1].get("if-modified-since") == modified
    assert first.stored == 5 and second.stored == 0 and second.known == 5
    for n in range(5):  # stored notices are not fetched again
        assert server.hits(f"/n/{n}.html") == (2 if n == 2 else 1)
    assert len(h.stored_urls(db)) == 5
