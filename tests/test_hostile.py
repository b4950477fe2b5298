"""The crawler against a hostile server: one named test per fault of issue 5, part 1.

Each scenario serves a listing of three links on 127.0.0.1: two good notices and, between
them, the hostile answer. The real ``Pipeline`` crawls it into a real migrated SQLite file,
and each test asserts the outcome the crawler must reach (retried then stored, skipped and
logged, source marked failed or blocked) and that the two good notices were each fetched
once and stored once, with their facts: nothing else lost, nothing duplicated.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from scraper.fetch import FetchSettings, RequestRecord
from scraper.pipeline import RunReport

try:
    from tests import hostile as h
except ImportError:  # tests/ on sys.path rather than the project root
    import hostile as h  # type: ignore[no-redef]

GOOD = {
    "/n/2022-1.html": h.notice(2022, "第一批", 100800, 97200),
    "/n/2023-1.html": h.notice(2023, "第一批", 120000, 115000),
}
BAD = "/n/hostile.html"
BODY = h.notice(2024, "第一批", 135000, 127000)


@dataclass
class Outcome:
    report: RunReport
    records: list[RequestRecord]
    db: Path
    server: h.HostileServer

    @property
    def urls(self) -> list[str]:
        return h.stored_urls(self.db)

    def body(self, path: str) -> bytes | None:
        import zlib

        with sqlite3.connect(self.db) as con:
            row = con.execute(
                "SELECT body FROM document WHERE url = ?", (self.server.url(path),)
            ).fetchone()
        return None if row is None else zlib.decompress(row[0])

    def facts(self, path: str) -> set[tuple[int, str, str, float]]:
        with sqlite3.connect(self.db) as con:
            rows = con.execute(
                "SELECT f.year, f.period, f.quota_type, f.amount_t FROM fact f "
                "JOIN document d ON d.id = f.document_id WHERE d.url = ?",
                (self.server.url(path),),
            ).fetchall()
        return {(y, p, t, float(a)) for y, p, t, a in rows}

    def log_errors(self, path: str) -> list[str]:
        """The fetch_log's error column for ``path``'s requests."""
        with sqlite3.connect(self.db) as con:
            rows = con.execute(
                "SELECT error FROM fetch_log WHERE url = ?", (self.server.url(path),)
            ).fetchall()
        return [r[0] for r in rows]


@pytest.fixture
def server() -> Iterator[h.HostileServer]:
    with h.HostileServer() as served:
        yield served


def run(
    server: h.HostileServer,
    tmp_path: Path,
    *behaviours: h.Behaviour,
    settings: FetchSettings = h.FAST,
    listing: h.Behaviour | None = None,
) -> Outcome:
    for path, body in GOOD.items():
        server.route(path, h.page(body))
    first, second = (server.url(p) for p in GOOD)
    links = [first, server.route(BAD, *behaviours), second]
    rows = "".join(f'<li><a href="{url}">notice</a></li>' for url in links)
    server.route("/list.html", listing or h.page(f"<ul>{rows}</ul>".encode()))
    source = h.LeadSource(
        "hostile", frozenset({f"127.0.0.1:{server.port}"}), listing=server.url("/list.html")
    )
    db = tmp_path / "quotas.db"
    report, records = h.crawl(db, source, settings)
    return Outcome(report, records, db, server)


def assert_good_intact(out: Outcome) -> None:
    """Both good notices fetched once, stored once, with their two facts each."""
    for path in GOOD:
        assert out.server.hits(path) == 1, f"{path} fetched {out.server.hits(path)} times"
        assert out.urls.count(out.server.url(path)) == 1, f"{path} not stored exactly once"
    assert out.facts("/n/2022-1.html") == {
        (2022, "batch:1", "mining", 100800.0),
        (2022, "batch:1", "smelting_separation", 97200.0),
    }
    assert len(out.urls) == len(set(out.urls))


def assert_stored_with_facts(out: Outcome) -> None:
    assert out.urls == sorted(out.server.url(p) for p in [*GOOD, BAD])
    assert out.body(BAD) == BODY
    assert out.facts(BAD) == {
        (2024, "batch:1", "mining", 135000.0),
        (2024, "batch:1", "smelting_separation", 127000.0),
    }
    assert out.report.failed == 0 and out.report.exit_code == 0
    assert_good_intact(out)


def assert_skipped_and_logged(out: Outcome, attempts: int, words: str) -> None:
    assert out.server.url(BAD) not in out.urls
    assert out.server.hits(BAD) == attempts
    assert out.report.failed == 1 and out.report.exit_code == 1
    assert [e for e in out.report.errors if out.server.url(BAD) in e], out.report.errors
    assert words.lower() in " ".join(out.report.errors).lower()
    logged = out.log_errors(BAD)
    assert len(logged) == attempts
    assert_good_intact(out)


# -- connection faults -----------------------------------------------------------------------


def test_connection_reset_is_retried_then_stored(server: h.HostileServer, tmp_path: Path) -> None:
    out = run(server, tmp_path, h.reset(), h.reset(), h.page(BODY))
    assert server.hits(BAD) == 3
    assert_stored_with_facts(out)
    assert all(error for error in out.log_errors(BAD)[:2])


def test_connection_reset_every_time_is_skipped_and_logged(
    server: h.HostileServer, tmp_path: Path
) -> None:
    out = run(server, tmp_path, h.reset())
    assert_skipped_and_logged(out, attempts=3, words="after 3 attempts")


def test_stall_past_the_timeout_is_retried_then_skipped(
    server: h.HostileServer, tmp_path: Path
) -> None:
    settings = replace(h.FAST, timeout_s=0.3, retries=1)
    out = run(server, tmp_path, h.stall(), settings=settings)
    assert_skipped_and_logged(out, attempts=2, words="timeout")


def test_a_stall_once_then_an_answer_is_stored(server: h.HostileServer, tmp_path: Path) -> None:
    out = run(server, tmp_path, h.stall(), h.page(BODY), settings=replace(h.FAST, timeout_s=0.3))
    assert_stored_with_facts(out)


@pytest.mark.parametrize("whole", [False, True], ids=["body", "headers-and-body"])
def test_trickled_bytes_are_cut_at_the_total_time_bound(
    server: h.HostileServer, tmp_path: Path, whole: bool
) -> None:
    slow = BODY + b" " * 3000  # at 20 bytes per 50 ms: about 10 s, far past the bound
    settings = replace(h.FAST, max_fetch_s=0.5, timeout_s=1.0)
    out = run(
        server, tmp_path, h.trickle(slow, every=0.05, chunk=20, whole=whole), settings=settings
    )
    assert_skipped_and_logged(out, attempts=1, words="total time")
    assert server.sent[BAD] < len(slow), "the client hung up before the trickle ended"


def test_a_truncated_body_is_retried_then_stored(server: h.HostileServer, tmp_path: Path) -> None:
    out = run(server, tmp_path, h.lying_length(BODY[:100], declared=len(BODY)), h.page(BODY))
    assert server.hits(BAD) == 2
    assert_stored_with_facts(out)


def test_a_truncated_body_every_time_is_skipped_never_stored_half(
    server: h.HostileServer, tmp_path: Path
) -> None:
    out = run(server, tmp_path, h.lying_length(BODY[:100], declared=len(BODY)))
    assert_skipped_and_logged(out, attempts=3, words="after 3 attempts")


def test_a_short_content_length_stores_what_was_declared_and_spoils_no_other_page(
    server: h.HostileServer, tmp_path: Path
) -> None:
    junk = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nspoil"  # surplus on a kept connection
    out = run(server, tmp_path, h.lying_length(BODY + junk, declared=len(BODY), keep=True))
    assert_stored_with_facts(out)
    assert out.body("/n/2023-1.html") == GOOD["/n/2023-1.html"]


# -- HTTP statuses ---------------------------------------------------------------------------


@pytest.mark.parametrize("status", [500, 502, 503])
def test_500_502_503_then_success_is_retried_then_stored(
    server: h.HostileServer, tmp_path: Path, status: int
) -> None:
    out = run(server, tmp_path, h.respond(status, b"busy"), h.page(BODY))
    assert server.hits(BAD) == 2
    assert_stored_with_facts(out)


def test_429_with_retry_after_waits_as_asked_then_stored(
    server: h.HostileServer, tmp_path: Path
) -> None:
    out = run(server, tmp_path, h.respond(429, b"slow down", headers={"Retry-After": "1"}),
              h.page(BODY))  # fmt: skip
    first, second = (r.at for r in server.requests if r.path == BAD)
    assert second - first >= 0.95, "the retry came before Retry-After had passed"
    assert_stored_with_facts(out)


def test_403_is_skipped_not_retried_and_logged(server: h.HostileServer, tmp_path: Path) -> None:
    out = run(server, tmp_path, h.respond(403, b"forbidden"))
    assert_skipped_and_logged(out, attempts=1, words="HTTP 403")


def test_403_on_the_listing_marks_the_source_failed(
    server: h.HostileServer, tmp_path: Path
) -> None:
    out = run(server, tmp_path, h.page(BODY), listing=h.respond(403, b"forbidden"))
    assert out.report.sources_failed == ["hostile"]
    assert out.urls == [] and out.report.exit_code == 3
    assert server.hits("/list.html") == 1


@pytest.mark.parametrize("status", [404, 410])
def test_404_and_410_are_skipped_not_retried(
    server: h.HostileServer, tmp_path: Path, status: int
) -> None:
    out = run(server, tmp_path, h.respond(status, b"gone"))
    assert_skipped_and_logged(out, attempts=1, words=f"HTTP {status}")


# -- challenge pages -------------------------------------------------------------------------

# What a Hanweb-style anti-bot answer looks like: a cookie-setting script and nothing else.
CHALLENGE = b"<html><head><script>var $_ts={};$_ts.cd='x';</script></head><body></body></html>"


@pytest.mark.parametrize("status", [412, 200])
def test_a_412_or_200_challenge_page_is_never_stored(
    server: h.HostileServer, tmp_path: Path, status: int
) -> None:
    out = run(server, tmp_path, h.respond(status, CHALLENGE))
    assert_skipped_and_logged(out, attempts=1, words="challenge")


@pytest.mark.parametrize("status", [412, 200])
def test_a_challenge_on_the_listing_marks_the_source_blocked(
    server: h.HostileServer, tmp_path: Path, status: int
) -> None:
    out = run(server, tmp_path, h.page(BODY), listing=h.respond(status, CHALLENGE))
    assert out.report.sources_failed == ["hostile"]
    assert "challenge" in out.report.errors[0]
    assert out.urls == [] and server.hits(BAD) == 0


# -- redirects -------------------------------------------------------------------------------


def test_a_redirect_loop_stops_after_five_hops(server: h.HostileServer, tmp_path: Path) -> None:
    out = run(server, tmp_path, h.redirect(BAD))
    assert_skipped_and_logged(out, attempts=6, words="redirects")


def test_a_redirect_to_another_host_is_blocked_unrequested(
    server: h.HostileServer, tmp_path: Path
) -> None:
    with h.HostileServer() as other:
        target = other.route("/elsewhere.html", h.page(BODY)).replace("127.0.0.1", "localhost")
        out = run(server, tmp_path, h.redirect(target))
        assert other.requests == [], "the other host must never be asked"
    assert_skipped_and_logged(out, attempts=1, words="not allowed")


# -- sizes -----------------------------------------------------------------------------------


@pytest.mark.parametrize("declared", [None, 10**10], ids=["chunked", "content-length"])
def test_a_body_far_over_the_size_cap_is_cut_off(
    server: h.HostileServer, tmp_path: Path, declared: int | None
) -> None:
    out = run(server, tmp_path, h.endless(declared=declared))
    assert_skipped_and_logged(out, attempts=1, words="cap")
    # the client hung up: far less than the endless body reached the socket
    assert server.sent[BAD] < 20 * h.FAST.max_bytes


def test_a_gzip_bomb_is_refused_at_the_cap(server: h.HostileServer, tmp_path: Path) -> None:
    out = run(server, tmp_path, h.bomb("gzip", 50_000_000))
    assert_skipped_and_logged(out, attempts=1, words="cap")


# -- content ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("declared", "actual"), [("utf-8", "gb18030"), ("gbk", "utf-8"), ("iso-8859-1", "utf-8")]
)
def test_a_declared_charset_that_lies_is_read_right(
    server: h.HostileServer, tmp_path: Path, declared: str, actual: str
) -> None:
    body = BODY.decode("utf-8").replace("charset='utf-8'", "").encode(actual)
    answer = h.respond(200, body, content_type=f"text/html; charset={declared}")
    out = run(server, tmp_path, answer)
    assert out.facts(BAD) == {
        (2024, "batch:1", "mining", 135000.0),
        (2024, "batch:1", "smelting_separation", 127000.0),
    }
    assert out.body(BAD) == body, "the raw bytes are kept as sent"
    assert_good_intact(out)


def test_binary_content_served_as_html_is_kept_raw_and_reported(
    server: h.HostileServer, tmp_path: Path
) -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40
    out = run(server, tmp_path, h.respond(200, png, content_type="text/html"))
    assert out.body(BAD) == png  # nothing fetched is lost
    assert out.facts(BAD) == set()
    with sqlite3.connect(out.db) as con:
        (error,) = con.execute(
            "SELECT extraction_error FROM document WHERE url = ?", (server.url(BAD),)
        ).fetchone()
    assert error and "PNG" in error
    assert out.report.failed == 1 and out.report.exit_code == 1
    assert_good_intact(out)


@pytest.mark.parametrize("shape", ["deep", "malformed"])
def test_malformed_and_deeply_nested_html_does_not_stop_the_crawl(
    server: h.HostileServer, tmp_path: Path, shape: str
) -> None:
    text = BODY.decode("utf-8")
    if shape == "deep":  # far past parsers' depth limits and Python's recursion limit
        text = text.replace("<body>", "<body>" + "<div><span>" * 30_000)
    else:  # unclosed, misnested and stray tags, a broken comment and attribute
        text = text.replace("<p>", "<p><b><i></b></i><table><td><tr x='<!--'>", 1)
        text = text.replace("</body>", "<div <a href=>></p></table></td><!-- never closed")
    out = run(server, tmp_path, h.page(text.encode("utf-8")))
    assert out.body(BAD) == text.encode("utf-8")
    if shape == "malformed":
        assert (2024, "batch:1", "mining", 135000.0) in out.facts(BAD)
    assert_good_intact(out)


# -- feeds and archives ----------------------------------------------------------------------

# Ten levels of ten: the "billion laughs", declared in the feed's internal DTD subset.
LAUGHS = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10 if n else "laugh"}">' for n in range(10))
ITEM = (
    "<item><title>China sets first batch of rare earth mining quota at 135,000 tonnes</title>"
    "<link>{link}</link><pubDate>Tue, 06 Feb 2024 08:00:00 +0800</pubDate></item>"
)


def rss(*links: str, dtd: str = "", title: str = "Metals news") -> bytes:
    items = "".join(ITEM.format(link=link) for link in links)
    doctype = f"<!DOCTYPE rss [{dtd}]>" if dtd else ""
    return (
        f'<?xml version="1.0"?>{doctype}<rss version="2.0"><channel><title>{title}</title>'
        f"{items}</channel></rss>"
    ).encode()


def news_source(kind: str, server: h.HostileServer, **options: object) -> object:
    from scraper.config import SourceConfig
    from scraper.sources import REGISTRY

    return REGISTRY[kind](SourceConfig(kind, kind, server.base, options))


def test_an_rss_feed_with_an_entity_bomb_is_refused_and_other_feeds_still_read(
    server: h.HostileServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    pytest.importorskip("scraper.sources.feeds")
    bombed = rss(server.url("/n/bombed.html"), dtd=LAUGHS, title="&l9;")
    server.route("/bomb.xml", h.respond(200, bombed, content_type="application/rss+xml"))
    server.route("/good.xml", h.page(rss(server.url("/n/2022-1.html"))))
    server.route("/n/2022-1.html", h.page(GOOD["/n/2022-1.html"]))
    server.route("/n/bombed.html", h.page(BODY))
    source = news_source("feeds", server, feeds=["/bomb.xml", "/good.xml"])
    db = tmp_path / "q.db"
    with caplog.at_level("WARNING"):
        report, _ = h.crawl(db, [source])  # type: ignore[list-item]
    assert h.stored_urls(db) == [server.url("/n/2022-1.html")]
    assert server.hits("/n/bombed.html") == 0
    assert any("entit" in r.getMessage() and "/bomb.xml" in r.getMessage() for r in caplog.records)
    assert report.exit_code == 0


def test_a_cdx_answer_with_broken_rows_keeps_the_good_captures(
    server: h.HostileServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    pytest.importorskip("scraper.sources.wayback")
    header = ["urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length"]
    good = ["com,mining)/a", "20240206080000", "http://www.mining.com/a.html", "text/html",
            "200", "D1", "900"]  # fmt: skip
    other = [*good[:2], "http://www.mining.com/b.html", *good[3:]]
    table = [
        header,
        good,
        ["short", "row"],  # too few cells
        [*good[:1], "2024-02-06", *good[2:]],  # a timestamp that is not CDX's
        [*good[:2], "file:///etc/passwd", *good[3:]],  # not an http(s) original
        [*good[:4], "404", *good[5:]],  # not a 200 capture
        [*good[:6], 900],  # a number where a string belongs
        "not a row",
        None,
        other,
    ]

    cdx = h.respond(200, json.dumps(table).encode(), content_type="application/json")
    server.route("/cdx/search/cdx", cdx)
    for name, body in (("a", BODY), ("b", GOOD["/n/2022-1.html"])):
        server.route(f"/web/20240206080000id_/http://www.mining.com/{name}.html", h.page(body))
    source = news_source("wayback", server, prefixes=["www.mining.com/"])
    db = tmp_path / "q.db"
    with caplog.at_level("WARNING"):
        report = h.crawl_full(db, source)
    assert h.stored_urls(db) == ["http://www.mining.com/a.html", "http://www.mining.com/b.html"]
    asked = [r.path for r in server.requests if r.path.startswith("/web/")]
    assert len(asked) == 2 and "passwd" not in " ".join(asked)
    skipped = [r for r in caplog.records if "skipping" in r.getMessage()]
    assert len(skipped) >= 6
    assert report.exit_code == 0


# -- the real command ------------------------------------------------------------------------

MNR_TITLE = "自然资源部关于下达{year}年度稀土矿钨矿开采总量控制指标的通知"


def cli_crawl(server: h.HostileServer, tmp_path: Path) -> tuple[int, str, Path]:
    """``quotas crawl`` in a subprocess, its mnr source pointed at the server."""
    import os
    import subprocess
    import sys

    sources = tmp_path / "sources.toml"
    sources.write_text(
        "[fetch]\ntimeout_s = 1.0\nretries = 1\nbackoff_s = 0.01\nmin_interval_s = 0.0\n"
        f'[sources.mnr]\nkind = "mnr"\nbase_url = "{server.base}"\n'
        'lists = ["/gk/tzgg/index.html"]\n',
        encoding="utf-8",
    )
    db = tmp_path / "q.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUOTAS_")}
    done = subprocess.run(
        [sys.executable, "-m", "scraper", "--db", str(db), "--sources", str(sources), "crawl"],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[1],
        env=env,
        timeout=120,
    )
    return done.returncode, done.stderr, db


def mnr_listing(*paths: str) -> bytes:
    rows = "".join(
        f'<li><a href="{path}" title="{MNR_TITLE.format(year=2020 + n)}">x</a>'
        f"<span>{2020 + n}-03-25</span></li>"
        for n, path in enumerate(paths)
    )
    return f"<ul>{rows}</ul>".encode()


def test_the_crawl_command_keeps_the_good_pages_and_names_the_bad_one(
    server: h.HostileServer, tmp_path: Path
) -> None:
    paths = ["/gk/tzgg/202003/a.html", "/gk/tzgg/202103/bad.html", "/gk/tzgg/202203/c.html"]
    server.route("/gk/tzgg/index.html", h.page(mnr_listing(*paths)))
    server.route(paths[0], h.page(GOOD["/n/2022-1.html"]))
    server.route(paths[1], h.reset())
    server.route(paths[2], h.page(GOOD["/n/2023-1.html"]))
    code, stderr, db = cli_crawl(server, tmp_path)
    assert code == 1, stderr
    assert "Traceback" not in stderr
    summary = [line for line in stderr.splitlines() if line.startswith("quotas: warning:")]
    assert [line for line in summary if "bad.html" in line], stderr
    assert h.stored_urls(db) == sorted(server.url(p) for p in (paths[0], paths[2]))


def test_the_crawl_command_exits_3_when_its_only_source_is_blocked(
    server: h.HostileServer, tmp_path: Path
) -> None:
    server.route("/gk/tzgg/index.html", h.respond(412, CHALLENGE))
    code, stderr, db = cli_crawl(server, tmp_path)
    assert code == 3, stderr
    assert "Traceback" not in stderr and "challenge" in stderr.lower()
    assert "sources failed: mnr" in stderr
    assert h.stored_urls(db) == []
