"""The polite client, against the fixture mirror and small ad-hoc servers on 127.0.0.1."""

from __future__ import annotations

import gzip
import logging
import socket
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from extractors.errors import (
    BlockedError,
    ChallengeError,
    FetchError,
    HTTPStatusError,
    TooLargeError,
)
from scraper.fetch import (
    Fetcher,
    FetchSettings,
    RequestRecord,
    challenge_reason,
    host_allowed,
    retry_after_seconds,
)

try:
    from tests.mirror import MIIT, Mirror
except ImportError:
    from mirror import MIIT, Mirror  # type: ignore[no-redef]

QUIET = FetchSettings(min_interval_s=0, retries=2, backoff_s=0.5, respect_robots=False, timeout_s=5)


class FakeTime:
    """A clock that only moves when the fetcher sleeps; every sleep is recorded."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


class DictCache:
    def __init__(self) -> None:
        self.entries: dict[str, tuple[str | None, str | None, str | None, bytes]] = {}

    def get(self, url: str) -> tuple[str | None, str | None, str | None, bytes] | None:
        return self.entries.get(url)

    def put(
        self,
        url: str,
        *,
        etag: str | None,
        last_modified: str | None,
        content_type: str | None,
        body: bytes,
    ) -> None:
        self.entries[url] = (etag, last_modified, content_type, body)


def make(
    settings: FetchSettings = QUIET, **kwargs: object
) -> tuple[Fetcher, FakeTime, list[RequestRecord]]:
    fake = FakeTime()
    records: list[RequestRecord] = []
    fetcher = Fetcher(
        settings,
        on_request=records.append,
        sleep=fake.sleep,
        clock=fake.clock,
        **kwargs,  # type: ignore[arg-type]
    )
    return fetcher, fake, records


PAGE = (
    "<html><body><h1>关于下达稀土开采总量控制指标的通知</h1>"
    + "<p>正文。</p>" * 30
    + "</body></html>"
)


# -- retries ---------------------------------------------------------------------------------


def test_retries_a_503_with_exponential_backoff_then_returns_the_200(
    httpserver: HTTPServer,
) -> None:
    for _ in range(2):
        httpserver.expect_ordered_request("/p").respond_with_data("busy", status=503)
    httpserver.expect_ordered_request("/p").respond_with_data(PAGE, content_type="text/html")
    fetcher, fake, records = make()
    with fetcher:
        page = fetcher.get(httpserver.url_for("/p"))
    assert page.status == 200
    assert page.body == PAGE.encode()
    assert fake.sleeps == [0.5, 1.0]
    assert [r.status for r in records] == [503, 503, 200]


def test_429_waits_as_long_as_retry_after_says(httpserver: HTTPServer) -> None:
    httpserver.expect_ordered_request("/p").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "7"}
    )
    httpserver.expect_ordered_request("/p").respond_with_data(PAGE, content_type="text/html")
    fetcher, fake, _ = make()
    with fetcher:
        assert fetcher.get(httpserver.url_for("/p")).status == 200
    assert fake.sleeps == [7.0]


def test_retry_after_is_capped(httpserver: HTTPServer) -> None:
    httpserver.expect_ordered_request("/p").respond_with_data(
        "", status=503, headers={"Retry-After": "86400"}
    )
    httpserver.expect_ordered_request("/p").respond_with_data(PAGE, content_type="text/html")
    fetcher, fake, _ = make(FetchSettings(**{**QUIET.__dict__, "max_retry_after_s": 30}))
    with fetcher:
        fetcher.get(httpserver.url_for("/p"))
    assert fake.sleeps == [30.0]


def test_retry_after_reads_seconds_and_http_dates() -> None:
    now = datetime(2024, 2, 6, 8, 0, 0, tzinfo=UTC)
    assert retry_after_seconds("120", now) == 120.0
    assert retry_after_seconds("Tue, 06 Feb 2024 08:01:30 GMT", now) == 90.0
    assert retry_after_seconds("Tue, 06 Feb 2024 07:00:00 GMT", now) == 0.0
    assert retry_after_seconds("soon", now) is None
    assert retry_after_seconds(None, now) is None


def test_a_5xx_that_persists_is_an_http_status_error(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/p").respond_with_data("down", status=500)
    fetcher, _, records = make()
    url = httpserver.url_for("/p")
    with fetcher, pytest.raises(HTTPStatusError) as caught:
        fetcher.get(url)
    assert caught.value.status == 500
    assert url in str(caught.value) and "\n" not in str(caught.value)
    assert len(records) == 3  # retries=2: three attempts


def test_a_404_is_not_retried(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/gone").respond_with_data("no", status=404)
    fetcher, fake, records = make()
    with fetcher, pytest.raises(HTTPStatusError) as caught:
        fetcher.get(httpserver.url_for("/gone"))
    assert caught.value.status == 404
    assert len(records) == 1 and fake.sleeps == []


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_connection_errors_are_retried_then_a_fetch_error() -> None:
    fetcher, fake, records = make()
    url = f"http://127.0.0.1:{_closed_port()}/p"
    with fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(url)
    assert type(caught.value) is FetchError
    assert url in str(caught.value)
    assert len(records) == 3 and all(r.status is None and r.error for r in records)
    assert fake.sleeps == [0.5, 1.0]


# -- robots.txt ------------------------------------------------------------------------------


def test_robots_disallow_blocks_and_robots_is_read_once(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    )
    httpserver.expect_request("/open").respond_with_data(PAGE, content_type="text/html")
    fetcher, _, records = make(FetchSettings(**{**QUIET.__dict__, "respect_robots": True}))
    with fetcher:
        fetcher.get(httpserver.url_for("/open"))
        fetcher.get(httpserver.url_for("/open"))
        with pytest.raises(BlockedError, match=r"robots\.txt"):
            fetcher.get(httpserver.url_for("/private/notice.html"))
    robots = [r for r in records if r.url.endswith("/robots.txt")]
    assert len(robots) == 1
    assert not any("/private/" in r.url for r in records)


@pytest.mark.parametrize("status", [404, 503])
def test_a_missing_or_failing_robots_allows_everything(
    httpserver: HTTPServer, status: int, caplog: pytest.LogCaptureFixture
) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("", status=status)
    httpserver.expect_request("/private/x").respond_with_data(PAGE, content_type="text/html")
    fetcher, _, _ = make(FetchSettings(**{**QUIET.__dict__, "respect_robots": True, "retries": 0}))
    with fetcher, caplog.at_level(logging.WARNING, logger="scraper.fetch"):
        assert fetcher.get(httpserver.url_for("/private/x")).status == 200
    logged = any("robots.txt" in record.getMessage() for record in caplog.records)
    assert logged == (status >= 500)


def test_crawl_delay_raises_the_interval(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nCrawl-delay: 5\n", content_type="text/plain"
    )
    httpserver.expect_request("/a").respond_with_data(PAGE, content_type="text/html")
    settings = FetchSettings(**{**QUIET.__dict__, "respect_robots": True, "min_interval_s": 1.0})
    fetcher, fake, _ = make(settings)
    with fetcher:
        fetcher.get(httpserver.url_for("/a"))
        fetcher.get(httpserver.url_for("/a"))
    assert fake.sleeps == [5.0, 5.0]  # after robots.txt, then after the first page


# -- pacing and headers, on the mirror -------------------------------------------------------


def test_requests_to_one_host_are_spaced_other_hosts_are_not(mirror: Mirror) -> None:
    fetcher, fake, _ = make(FetchSettings(min_interval_s=2.0, respect_robots=False))
    with fetcher:
        fetcher.get(mirror.url("www.mnr.gov.cn", "/gk/tzgg/index.html"))
        fetcher.get(mirror.url("www.gov.cn", "/zhengce/zhengceku/bmwj/index.htm"))
        assert fake.sleeps == []
        fetcher.get(mirror.url("www.mnr.gov.cn", "/gk/tzgg/index_1.html"))
    assert fake.sleeps == [2.0]


def test_browser_headers_and_referer_are_sent(mirror: Mirror) -> None:
    column = mirror.url(MIIT, "/jgsj/ycls/wjfb/index.html")
    fetcher, _, _ = make()
    with fetcher:
        fetcher.get(column, referer=mirror.base(MIIT) + "/")
    [seen] = [r for r in mirror.requests if r.route == "/jgsj/ycls/wjfb/index.html"]
    assert "Chrome/" in seen.headers["user-agent"] and "Mozilla/5.0" in seen.headers["user-agent"]
    assert seen.headers["accept-language"] == "zh-CN,zh;q=0.9,en;q=0.8"
    assert "text/html" in seen.headers["accept"]
    assert seen.headers["referer"] == mirror.base(MIIT) + "/"


def test_a_bare_user_agent_gets_miit_s_403(mirror: Mirror) -> None:
    fetcher, _, _ = make(FetchSettings(**{**QUIET.__dict__, "user_agent": "python-httpx/0.28"}))
    with fetcher, pytest.raises(HTTPStatusError) as caught:
        fetcher.get(mirror.url(MIIT, "/jgsj/ycls/wjfb/index.html"))
    assert caught.value.status == 403


def test_page_fields_and_the_request_log(mirror: Mirror) -> None:
    url = mirror.url("www.mnr.gov.cn", "/gk/tzgg/index.html")
    fetcher, _, records = make(FetchSettings(**{**QUIET.__dict__, "respect_robots": True}))
    with fetcher:
        page = fetcher.get(url)
    assert page.url == page.final_url == url
    assert page.body == (mirror.root / "www.mnr.gov.cn/gk/tzgg/index.html").read_bytes()
    assert page.content_type == "text/html"
    assert page.etag and page.last_modified
    assert page.fetched_at.utcoffset() == timedelta(0)
    assert not page.from_cache
    assert [r.url.rsplit("/", 1)[-1] for r in records] == ["robots.txt", "index.html"]
    assert records[-1].bytes == len(page.body) and records[-1].status == 200


def test_robots_of_the_mirror_disallows_its_test_path(mirror: Mirror) -> None:
    fetcher, _, _ = make(FetchSettings(**{**QUIET.__dict__, "respect_robots": True}))
    with fetcher, pytest.raises(BlockedError):
        fetcher.get(mirror.url("www.gov.cn", "/zhengce/zhengceku/search/index.htm"))


# -- conditional GET -------------------------------------------------------------------------


def test_conditional_get_answers_a_304_from_the_cache(mirror: Mirror) -> None:
    url = mirror.url("www.gov.cn", "/zhengce/zhengceku/bmwj/index.htm")
    cache = DictCache()
    fetcher, _, _ = make(cache=cache)
    with fetcher:
        first = fetcher.get(url, conditional=True)
        assert cache.entries[url][0] == first.etag and cache.entries[url][3] == first.body
        second = fetcher.get(url, conditional=True)
        plain = fetcher.get(url)
    assert not first.from_cache and first.status == 200
    assert second.from_cache and second.status == 304 and second.body == first.body
    assert second.content_type == "text/html"
    served = [r for r in mirror.requests if r.route == "/zhengce/zhengceku/bmwj/index.htm"]
    assert [r.status for r in served] == [200, 304, 200]
    assert "if-none-match" not in served[0].headers
    assert served[1].headers["if-none-match"] == first.etag
    assert "if-none-match" not in served[2].headers and not plain.from_cache


def test_if_modified_since_alone_also_gets_a_304(mirror: Mirror) -> None:
    url = mirror.url("www.mnr.gov.cn", "/gk/tzgg/index.html")
    cache = DictCache()
    fetcher, _, _ = make(cache=cache)
    with fetcher:
        first = fetcher.get(url, conditional=True)
        cache.entries[url] = (None, first.last_modified, first.content_type, first.body)
        again = fetcher.get(url, conditional=True)
    assert again.from_cache and again.body == first.body


# -- challenges ------------------------------------------------------------------------------


def test_412_is_a_challenge(mirror: Mirror) -> None:
    mirror.add_challenge(MIIT, "/jgsj/ycls/wjfb/index.html", "412")
    fetcher, _, records = make()
    with fetcher, pytest.raises(ChallengeError) as caught:
        fetcher.get(mirror.url(MIIT, "/jgsj/ycls/wjfb/index.html"))
    assert caught.value.status == 412 and len(records) == 1


def test_the_challenge_row_of_the_listing_is_a_tiny_script_page(mirror: Mirror) -> None:
    path = "/jgsj/ycls/wjfb/art/2024/art_34e96fee84374b7e9e4da3c239250d4b.html"
    fetcher, _, _ = make()
    with fetcher, pytest.raises(ChallengeError, match="script"):
        fetcher.get(mirror.url(MIIT, path))


@pytest.mark.parametrize(
    ("body", "content_type", "is_challenge"),
    [
        (
            b"<html><head><script>document.cookie='a=1';location.reload()</script></head></html>",
            "text/html",
            True,
        ),
        (b"<html><script src='/c.js'></script><body>&nbsp;</body></html>", None, True),
        (
            b"<html><script>var $_ts=window['$_ts'];</script><body>"
            + "加载中".encode() * 20
            + b"</body></html>",
            "text/html",
            True,
        ),
        (PAGE.encode() + b"<script>var x=1;</script>", "text/html", False),
        (b'{"html": "<script>x</script>"}', "application/json", False),
        (b"<html><body><p>short</p></body></html>", "text/html", False),
        (b"<script>x</script>" + b" " * 20_000, "text/html", False),
    ],
)
def test_challenge_reason(body: bytes, content_type: str | None, is_challenge: bool) -> None:
    assert (challenge_reason(body, content_type) is not None) == is_challenge


# -- size caps and truncation ----------------------------------------------------------------


def _small(**changes: object) -> FetchSettings:
    return FetchSettings(**{**QUIET.__dict__, "max_bytes": 50_000, **changes})


def test_a_declared_length_over_the_cap_is_too_large(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/big").respond_with_data(b"x" * 60_000, content_type="text/plain")
    fetcher, _, _ = make(_small())
    with fetcher, pytest.raises(TooLargeError):
        fetcher.get(httpserver.url_for("/big"))


def test_a_streamed_body_is_cut_at_the_cap(httpserver: HTTPServer) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(100):
            yield b"y" * 4096

    httpserver.expect_request("/stream").respond_with_handler(
        lambda request: Response(chunks(), content_type="text/plain")
    )
    fetcher, _, records = make(_small())
    with fetcher, pytest.raises(TooLargeError):
        fetcher.get(httpserver.url_for("/stream"))
    assert records[-1].error and records[-1].bytes < 100 * 4096  # stopped before the end


def test_the_cap_applies_to_the_decompressed_size(httpserver: HTTPServer) -> None:
    bomb = gzip.compress(b"\0" * 400_000)
    assert len(bomb) < 50_000

    def gzipped(request: Request) -> Response:
        return Response(bomb, content_type="text/html", headers={"Content-Encoding": "gzip"})

    httpserver.expect_request("/bomb").respond_with_handler(gzipped)
    fetcher, _, _ = make(_small())
    with fetcher, pytest.raises(TooLargeError):
        fetcher.get(httpserver.url_for("/bomb"))


def test_gzip_within_the_cap_is_decoded(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/z").respond_with_handler(
        lambda request: Response(
            gzip.compress(PAGE.encode()),
            content_type="text/html",
            headers={"Content-Encoding": "gzip"},
        )
    )
    fetcher, _, _ = make(_small())
    with fetcher:
        assert fetcher.get(httpserver.url_for("/z")).body == PAGE.encode()


@pytest.fixture
def truncating_server() -> Iterator[str]:
    """Promises 1000 bytes, sends 100, hangs up; as often as asked."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(5)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            with conn:
                conn.recv(65536)
                head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n"
                conn.sendall(head + b"<html>" + b"a" * 94)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/cut"
    stop.set()
    listener.close()
    thread.join(timeout=5)


def test_a_truncated_body_is_a_fetch_error(truncating_server: str) -> None:
    fetcher, _, records = make(FetchSettings(**{**QUIET.__dict__, "retries": 1}))
    with fetcher, pytest.raises(FetchError) as caught:
        fetcher.get(truncating_server)
    assert type(caught.value) is FetchError
    assert truncating_server in str(caught.value)
    assert len(records) == 2


# -- redirects and allowed hosts -------------------------------------------------------------


def test_redirects_are_followed_and_final_url_kept(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/old").respond_with_data(
        "", status=301, headers={"Location": "/new"}
    )
    httpserver.expect_request("/new").respond_with_data(PAGE, content_type="text/html")
    fetcher, _, records = make()
    with fetcher:
        page = fetcher.get(httpserver.url_for("/old"), allowed_hosts={"127.0.0.1"})
    assert page.url == httpserver.url_for("/old")
    assert page.final_url == httpserver.url_for("/new")
    assert [r.status for r in records] == [301, 200]


@pytest.mark.parametrize("target", ["http://localhost:{port}/elsewhere", "ftp://127.0.0.1/x"])
def test_a_redirect_off_the_allowed_hosts_or_to_another_scheme_is_blocked(
    httpserver: HTTPServer, target: str
) -> None:
    location = target.format(port=httpserver.port)
    httpserver.expect_request("/jump").respond_with_data(
        "", status=302, headers={"Location": location}
    )
    fetcher, _, records = make()
    with fetcher, pytest.raises(BlockedError):
        fetcher.get(httpserver.url_for("/jump"), allowed_hosts={"127.0.0.1"})
    assert len(records) == 1  # the target was never requested


def test_a_redirect_loop_stops(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/loop").respond_with_data(
        "", status=302, headers={"Location": "/loop"}
    )
    fetcher, _, records = make()
    with fetcher, pytest.raises(FetchError, match="redirects"):
        fetcher.get(httpserver.url_for("/loop"))
    assert len(records) == 6


@pytest.mark.parametrize("url", ["file:///etc/passwd", "javascript:alert(1)", "ftp://example.org/"])
def test_non_http_urls_are_blocked(url: str) -> None:
    fetcher, _, records = make()
    with fetcher, pytest.raises(BlockedError):
        fetcher.get(url)
    assert records == []


def test_a_malformed_url_is_a_fetch_error() -> None:
    fetcher, _, records = make()
    with fetcher, pytest.raises(FetchError, match="port"):
        fetcher.get("http://127.0.0.1:99999999/p")
    assert records == []


def test_a_start_url_off_the_allowed_hosts_is_blocked(httpserver: HTTPServer) -> None:
    fetcher, _, records = make()
    with fetcher, pytest.raises(BlockedError):
        fetcher.get(httpserver.url_for("/p"), allowed_hosts={"www.miit.gov.cn"})
    assert records == []


def test_host_allowed_matches_subdomains_and_pinned_ports() -> None:
    assert host_allowed("www.miit.gov.cn", None, {"miit.gov.cn"})
    assert not host_allowed("evilmiit.gov.cn", None, {"miit.gov.cn"})
    assert host_allowed("127.0.0.1", 8080, {"127.0.0.1:8080"})
    assert not host_allowed("127.0.0.1", 8081, {"127.0.0.1:8080"})
