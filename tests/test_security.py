"""Security (issue 5, part 6): where the crawler may go, what it may inflate or expand, and
SQL that stays data.

- redirects stay within a source's allowed hosts, and only http(s) is ever fetched, whether a
  URL comes from a listing, a feed, an archive index or a Location header;
- every body is capped after decompression, and the inflation itself never runs past the cap
  (gzip, deflate, nested encodings); encodings we cannot cap (br, zstd) are refused;
- XML from outside is never expanded: entity declarations are refused before parsing, and an
  HTML page declaring entities is read without resolving them;
- quotes and SQL fed through every filter of the analyst commands leave the tables intact and
  give an empty answer or a one-line error.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import extractors
from extractors.errors import FetchError, TooLargeError
from scraper.fetch import BodyDecoder

try:
    from tests import hostile as h
    from tests.test_reconcile import seed
except ImportError:  # tests/ on sys.path rather than the project root
    import hostile as h  # type: ignore[no-redef]
    from test_reconcile import seed  # type: ignore[no-redef]

BODY = h.notice(2024, "第一批", 135000, 127000)
PAYLOADS = ("'; DROP TABLE fact; --", '" OR 1=1 --', "x' OR '1'='1", "%", "_", "\\", "\0")


@pytest.fixture
def server() -> Iterator[h.HostileServer]:
    with h.HostileServer() as served:
        yield served


def pinned(server: h.HostileServer, **kw: object) -> h.LeadSource:
    return h.LeadSource("sec", frozenset({f"127.0.0.1:{server.port}"}), **kw)  # type: ignore[arg-type]


# -- where the crawler goes ------------------------------------------------------------------


@pytest.mark.parametrize(
    "location",
    ["file:///etc/passwd", "ftp://127.0.0.1/notice.html", "data:text/html,<p>x</p>",
     "gopher://127.0.0.1:70/", "http://localhost:{port}/n/ok.html",
     "http://127.0.0.1:1/n/ok.html"],
)  # fmt: skip
def test_redirects_stay_on_the_source_s_hosts_and_on_http(
    server: h.HostileServer, tmp_path: Path, location: str
) -> None:
    server.route("/n/ok.html", h.page(BODY))
    jump = server.route("/n/jump.html", h.redirect(location.format(port=server.port)))
    report, records = h.crawl(tmp_path / "q.db", pinned(server, urls=[jump]))
    assert h.stored_urls(tmp_path / "q.db") == []
    assert [r.url for r in records] == [jump], "nothing after the refused hop was requested"
    assert server.hits("/n/ok.html") == 0
    assert report.failed == 1 and jump in report.errors[0]  # the lead is named


@pytest.mark.parametrize(
    "href",
    ["file:///etc/passwd", "file://localhost/etc/hostname", "javascript:alert(1)",
     "data:text/html;base64,PGgxPng8L2gxPg==", "ftp://127.0.0.1/x", "//localhost/x",
     "mailto:a@b.c", "about:blank"],
)  # fmt: skip
def test_leads_from_page_content_are_only_ever_fetched_over_http(
    server: h.HostileServer, tmp_path: Path, href: str
) -> None:
    good = server.route("/n/ok.html", h.page(BODY))
    listing = f'<a href="{href}">x</a><a href="{good}">ok</a>'.encode()
    source = pinned(server, listing=server.route("/list.html", h.page(listing)))
    report, records = h.crawl(tmp_path / "q.db", source)
    assert h.stored_urls(tmp_path / "q.db") == [good]
    assert {r.url for r in records} == {server.url("/list.html"), good}
    assert report.failed == 1


def test_listing_sources_drop_links_off_http_or_off_their_hosts() -> None:
    from scraper.config import SourceConfig
    from scraper.sources.mnr import MnrListing

    source = MnrListing(SourceConfig("mnr", "mnr", "http://127.0.0.1:8000", {}))
    title = "关于下达2024年稀土开采总量控制指标的通知"
    hrefs = ["file:///etc/passwd", "javascript:go()", "ftp://127.0.0.1/a", "//evil.example/a",
             "http://evil.example/a", "./202402/t1.html"]  # fmt: skip
    rows = "".join(
        f'<li><a href="{x}" title="{title}">t</a><span>2024-02-06</span></li>' for x in hrefs
    )
    leads = source.parse_rows(f"<ul>{rows}</ul>", "http://127.0.0.1:8000/gk/tzgg/index.html")
    assert [lead.url for lead in leads] == ["http://127.0.0.1:8000/gk/tzgg/202402/t1.html"]


def test_feed_entries_off_http_or_off_the_outlet_are_not_leads() -> None:
    feeds = pytest.importorskip("scraper.sources.feeds")
    from scraper.config import SourceConfig

    source = feeds.FeedSource(
        SourceConfig("f", "feeds", "http://127.0.0.1:8000", {"feeds": ["/rss"]})
    )
    title = "China sets rare earth mining quota at 135,000 tonnes"
    for link in ("file:///etc/passwd", "ftp://127.0.0.1/a", "http://evil.example/a"):
        entry = feeds.FeedEntry(link, title, title, None)
        assert source._lead(entry, "http://127.0.0.1:8000/rss", since=None, until=None) is None


# -- caps on downloads and decompression -----------------------------------------------------


def zeros_compressed(total: int, wbits: int) -> bytes:
    """``total`` zero bytes compressed with zlib window ``wbits``, built without holding them."""
    packer = zlib.compressobj(9, zlib.DEFLATED, wbits)
    block = b"\0" * 1_000_000
    parts = [packer.compress(block) for _ in range(total // len(block))]
    return b"".join(parts) + packer.flush()


BOMBS = {
    "gzip": zeros_compressed(1_000_000_000, 16 + zlib.MAX_WBITS),
    "deflate": zeros_compressed(1_000_000_000, zlib.MAX_WBITS),
    "raw deflate": zeros_compressed(1_000_000_000, -zlib.MAX_WBITS),
}


@pytest.mark.parametrize("kind", sorted(BOMBS))
def test_inflating_a_bomb_never_produces_more_than_the_cap(kind: str) -> None:
    bomb = BOMBS[kind]
    assert len(bomb) < 2_000_000  # a gigabyte in under 2 MB on the wire
    limit = 100_000
    decoder = BodyDecoder(kind.split()[-1], limit, "http://127.0.0.1/bomb")
    produced = 0
    with pytest.raises(TooLargeError):
        for start in range(0, len(bomb), 65_536):
            produced += len(decoder.feed(bomb[start : start + 65_536]))
            assert produced <= limit
    assert decoder.size <= limit + 1, "inflation stopped one byte past the cap"


def test_nested_encodings_are_each_capped() -> None:
    inner = zeros_compressed(50_000_000, 16 + zlib.MAX_WBITS)
    twice = zlib.compress(inner, 9)
    decoder = BodyDecoder("gzip, deflate", 1_000_000, "http://127.0.0.1/twice")
    with pytest.raises(TooLargeError):
        decoder.feed(twice)
    assert decoder.size <= 1_000_001


def test_a_small_body_inflates_whole() -> None:
    decoder = BodyDecoder("gzip", 10_000, "http://127.0.0.1/ok")
    packed = zeros_compressed(0, 16 + zlib.MAX_WBITS)  # an empty gzip stream
    assert decoder.feed(packed) == b""
    assert BodyDecoder("identity", 10, "u").feed(b"abc") == b"abc"


@pytest.mark.parametrize("encoding", ["br", "zstd", "compress", "gzip, br"])
def test_encodings_we_cannot_cap_are_refused(encoding: str) -> None:
    with pytest.raises(FetchError, match="unsupported Content-Encoding"):
        BodyDecoder(encoding, 10_000, "http://127.0.0.1/x")


@pytest.mark.parametrize("encoding", ["deflate", "br"])
def test_a_deflate_bomb_or_a_brotli_answer_is_not_stored(
    server: h.HostileServer, tmp_path: Path, encoding: str
) -> None:
    if encoding == "br":
        behaviour = h.respond(200, b"\x1b\xff\xff" * 100, headers={"Content-Encoding": "br"})
    else:
        behaviour = h.bomb("deflate", 50_000_000)
    good = server.route("/n/ok.html", h.page(BODY))
    bad = server.route("/n/bad.html", behaviour)
    report, _ = h.crawl(tmp_path / "q.db", pinned(server, urls=[bad, good]))
    assert h.stored_urls(tmp_path / "q.db") == [good]
    assert server.hits("/n/bad.html") == 1, "a refused body is not asked for again"
    assert report.failed == 1


def test_accept_encoding_asks_only_for_what_can_be_capped(
    server: h.HostileServer, tmp_path: Path
) -> None:
    good = server.route("/n/ok.html", h.page(BODY))
    h.crawl(tmp_path / "q.db", pinned(server, urls=[good]))
    assert server.requests[0].headers["accept-encoding"] == "gzip, deflate"


# -- XML and entities ------------------------------------------------------------------------

XXE = (
    b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    b'<rss version="2.0"><channel><title>&xxe;</title><item><title>rare earth quota &xxe;'
    b"</title><link>http://127.0.0.1:8000/a</link></item></channel></rss>"
)


def test_a_feed_with_an_external_entity_is_refused_unread() -> None:
    feeds = pytest.importorskip("scraper.sources.feeds")
    assert feeds.parse_feed(XXE, "http://127.0.0.1:8000/rss") == []


def test_an_html_page_declaring_entities_is_read_without_expanding_them() -> None:
    page = (
        b'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY big "AAAAAAAAAA">]>'
        + BODY.replace(b"<p>", b"<p>&xxe;&big;", 1)
    )
    result = extractors.extract(page, "http://127.0.0.1/n/x.html", content_type="text/html")
    assert "root:" not in result.content.text
    assert "AAAAAAAAAA" not in result.content.text
    assert any(f.amount_t == 135000 for f in result.facts)


# -- SQL stays data --------------------------------------------------------------------------


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "quotas.db"
    seed(path).dispose()
    return path


def integrity(db: Path) -> str:
    with sqlite3.connect(db) as con:
        return str(con.execute("PRAGMA integrity_check").fetchone()[0])


def invocations(payload: str) -> Iterator[list[str]]:
    """Every analyst command and filter that takes free text, with ``payload`` in it."""
    for command in (["query"], ["query", "--facts"], ["timeline"], ["export", "--what", "facts"]):
        for option in ("--holder", "--category", "--period", "--year", "--commodity",
                       "--type", "--status"):  # fmt: skip
            yield [*command, option, payload, "--format", "json"]
    yield ["evidence", f"rare_earth/mining/2024/annual/-/{payload}", "--format", "json"]
    yield ["evidence", f"rare_earth/mining/2024/{payload}", "--format", "json"]
    yield ["new", "--since", payload, "--format", "json"]
    yield ["new", "--since", f"2024-01-01 {payload}", "--format", "json"]
    yield ["series", "--commodity", payload, "--format", "json"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_sql_in_every_query_filter_stays_data(db: Path, payload: str) -> None:
    from scraper.cli import cli

    before = h.table_counts(db)
    assert before["fact"] > 0
    for args in invocations(payload):
        result = CliRunner().invoke(cli, ["--db", str(db), *args])
        where = f"quotas {' '.join(args)}"
        assert "Traceback" not in result.output + result.stderr, where
        assert result.exception is None or isinstance(result.exception, SystemExit), where
        if result.exit_code == 0:
            assert json.loads(result.stdout or "[]") == [], f"{where} matched rows"
        else:
            lines = result.stderr.strip().splitlines()
            assert len(lines) == 1 and lines[0].startswith("quotas:"), f"{where}: {lines}"
            assert result.exit_code in (2, 1), where
        assert h.table_counts(db) == before, f"{where} changed the database"
    assert integrity(db) == "ok"


def test_a_real_holder_still_matches_so_the_empty_answers_mean_something(db: Path) -> None:
    from scraper.cli import cli

    args = ["--db", str(db), "query", "--facts", "--holder", "china_northern_rare_earth"]
    result = CliRunner().invoke(cli, [*args, "--format", "json"])
    assert result.exit_code == 0 and json.loads(result.stdout), result.output
