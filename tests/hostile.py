"""A hostile HTTP server on 127.0.0.1, misbehaving at the byte level, and a crawl harness.

``HostileServer`` speaks HTTP/1.1 over raw sockets so that an answer can do what a real
server or middlebox does on a bad day: reset the connection, stall, trickle bytes, promise a
Content-Length it never sends, stream without end, send a decompression bomb. Routes map a
path to a list of behaviours: the n-th request to the path gets the n-th one, the last one
repeats (``server.route("/p", respond(503), page(BODY))`` is "503, then success"); a path
with a query string falls back to the route of its bare path. Unrouted
paths, ``/robots.txt`` included, get a 404. Every request is recorded with its arrival time
(``time.monotonic()``) and headers, and every answer with the bytes that reached the socket.

``crawl(db, source, settings)`` runs the real ``Pipeline`` over one ``LeadSource`` (leads
from a listing page on the server and/or fixed URLs) into a real migrated SQLite file.
"""

from __future__ import annotations

import contextlib
import gzip
import re
import socket
import sqlite3
import struct
import threading
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from models.base import open_engine
from models.store import HttpCache, Store
from scraper.fetch import Fetcher, FetchSettings, RequestRecord
from scraper.pipeline import Pipeline, RunReport
from scraper.sources import Lead

MAX_HEAD = 65_536  # a request head longer than this is dropped


@dataclass(frozen=True)
class Arrival:
    """One request as the server read it."""

    path: str
    headers: dict[str, str]  # lower-cased names
    at: float  # time.monotonic() when its head was complete


@dataclass
class Exchange:
    """One request being answered: the socket, and what has been sent on it."""

    sock: socket.socket
    arrival: Arrival
    server: HostileServer
    sent: int = 0

    def send(self, data: bytes) -> bool:
        """Send ``data``; False once the client has gone (reset or closed by the client)."""
        try:
            self.sock.sendall(data)
        except OSError:
            return False
        self.sent += len(data)
        self.server.add_sent(self.arrival.path, len(data))
        return True

    def wait(self, seconds: float) -> bool:
        """Sleep, but wake when the server stops; False if it stopped."""
        return not self.server.stopping.wait(seconds)


# A behaviour answers one request; it returns True to keep the connection for the next one.
Behaviour = Callable[[Exchange], bool]


def head(status: int, headers: dict[str, str]) -> bytes:
    lines = [f"HTTP/1.1 {status} X"] + [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def respond(
    status: int = 200,
    body: bytes = b"",
    *,
    content_type: str = "text/html; charset=utf-8",
    headers: dict[str, str] | None = None,
) -> Behaviour:
    """A well-formed answer, kept alive."""

    def serve(ex: Exchange) -> bool:
        fields = {"Content-Type": content_type, "Content-Length": str(len(body)), **(headers or {})}
        return ex.send(head(status, fields) + body)

    return serve


def page(body: bytes, **headers: str) -> Behaviour:
    return respond(200, body, headers={k.replace("_", "-"): v for k, v in headers.items()})


def redirect(location: str, status: int = 302) -> Behaviour:
    return respond(status, b"", headers={"Location": location})


def validated(body: bytes, etag: str, last_modified: str) -> Behaviour:
    """A page with validators: 304 Not Modified to a request that presents either one."""

    def serve(ex: Exchange) -> bool:
        asked = ex.arrival.headers
        if asked.get("if-none-match") == etag or asked.get("if-modified-since") == last_modified:
            return ex.send(head(304, {"ETag": etag, "Content-Length": "0"}))
        return respond(200, body, headers={"ETag": etag, "Last-Modified": last_modified})(ex)

    return serve


def reset() -> Behaviour:
    """The connection is reset (RST) once the request has arrived."""

    def serve(ex: Exchange) -> bool:
        ex.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        return False

    return serve


def stall(seconds: float = 30.0) -> Behaviour:
    """Nothing at all is answered for ``seconds`` (or until the server stops)."""

    def serve(ex: Exchange) -> bool:
        ex.wait(seconds)
        return False

    return serve


def trickle(body: bytes, *, every: float = 0.05, chunk: int = 1, whole: bool = False) -> Behaviour:
    """``chunk`` bytes every ``every`` seconds: of the body after the headers, or of the
    whole answer, headers included (``whole``: a slowloris in reverse)."""

    def serve(ex: Exchange) -> bool:
        fields = {"Content-Type": "text/html; charset=utf-8", "Content-Length": str(len(body))}
        if whole:
            fields["X-Padding"] = "z" * 4000  # headers long enough to trickle for seconds
        slow = head(200, fields) + body if whole else body
        if not whole and not ex.send(head(200, fields)):
            return False
        for start in range(0, len(slow), chunk):
            if not ex.wait(every) or not ex.send(slow[start : start + chunk]):
                return False
        return True

    return serve


def lying_length(body: bytes, declared: int, *, keep: bool = False) -> Behaviour:
    """Content-Length ``declared`` with ``body`` sent whole; the connection closed unless
    ``keep`` (then any surplus bytes sit on the connection before the next answer)."""

    def serve(ex: Exchange) -> bool:
        fields = {"Content-Type": "text/html; charset=utf-8", "Content-Length": str(declared)}
        return ex.send(head(200, fields) + body) and keep

    return serve


def endless(*, declared: int | None = None, piece: bytes = b"<p>filler</p>" * 500) -> Behaviour:
    """A body that never ends (chunked), or a Content-Length of ``declared`` bytes, streamed
    until the client hangs up."""

    def serve(ex: Exchange) -> bool:
        fields = {"Content-Type": "text/html; charset=utf-8"}
        if declared is None:
            fields["Transfer-Encoding"] = "chunked"
            framed = b"%x\r\n%s\r\n" % (len(piece), piece)
        else:
            fields["Content-Length"] = str(declared)
            framed = piece
        if not ex.send(head(200, fields)):
            return False
        while ex.server.is_serving() and ex.send(framed):
            pass
        return False

    return serve


def compress(data: bytes, encoding: str) -> bytes:
    if encoding == "gzip":
        return gzip.compress(data, 9)
    if encoding == "deflate":
        return zlib.compress(data, 9)
    raise ValueError(f"no compressor for {encoding}")


def bomb(encoding: str = "gzip", size: int = 200_000_000) -> Behaviour:
    """``size`` bytes of zeros, compressed with ``encoding`` (a few hundred KB on the wire)."""
    data = compress(b"\0" * size, encoding)
    return respond(200, data, headers={"Content-Encoding": encoding})


class HostileServer:
    """See the module docstring. ``with HostileServer() as server: server.url("/p")``."""

    def __init__(self) -> None:
        self.routes: dict[str, list[Behaviour]] = {}
        self.requests: list[Arrival] = []
        self.sent: dict[str, int] = {}
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self._listener.getsockname()[1])
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def __enter__(self) -> HostileServer:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stopping.set()
        with contextlib.suppress(OSError):  # wakes the blocked accept() at once
            self._listener.shutdown(socket.SHUT_RDWR)
        self._listener.close()
        self._thread.join(timeout=5)

    def is_serving(self) -> bool:
        return not self.stopping.is_set()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, *behaviours: Behaviour) -> str:
        """Answer ``path`` with ``behaviours`` in turn (the last repeats); returns its URL."""
        self.routes[path] = list(behaviours)
        return self.url(path)

    def hits(self, path: str) -> int:
        return sum(1 for r in self.requests if r.path == path)

    def arrivals(self, prefix: str = "/") -> list[float]:
        return [r.at for r in self.requests if r.path.startswith(prefix)]

    def add_sent(self, path: str, size: int) -> None:
        with self._lock:
            self.sent[path] = self.sent.get(path, 0) + size

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                sock, _ = self._listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(sock,), daemon=True).start()

    def _serve(self, sock: socket.socket) -> None:
        sock.settimeout(30)
        buffer = b""
        with sock:
            while not self.stopping.is_set():
                request, buffer = _read_head(sock, buffer)
                if request is None:
                    return
                key = request.path if request.path in self.routes else request.path.split("?")[0]
                with self._lock:
                    self.requests.append(request)
                    number = sum(1 for r in self.requests if r.path.startswith(key)) - 1
                plan = self.routes.get(key) or [respond(404, b"not here")]
                behaviour = plan[min(number, len(plan) - 1)]
                if not behaviour(Exchange(sock, request, self)):
                    return


# The request line of a GET: its target path.
_REQUEST_LINE = re.compile(rb"^[A-Z]+ (\S+) HTTP/1\.[01]\r\n")


def _read_head(sock: socket.socket, buffer: bytes) -> tuple[Arrival | None, bytes]:
    """The next request head on ``sock`` and what followed it; None when the client is gone."""
    while b"\r\n\r\n" not in buffer:
        try:
            data = sock.recv(4096)
        except OSError:
            return None, b""
        if not data or len(buffer) > MAX_HEAD:
            return None, b""
        buffer += data
    raw, rest = buffer.split(b"\r\n\r\n", 1)
    match = _REQUEST_LINE.match(raw + b"\r\n")
    if match is None:
        return None, b""
    headers = {}
    for line in raw.split(b"\r\n")[1:]:
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    return Arrival(match[1].decode("latin-1"), headers, time.monotonic()), rest


# -- the crawl harness -----------------------------------------------------------------------

# A fast, strict client for the tests: few quick retries, no pacing, no robots unless asked.
FAST = FetchSettings(
    timeout_s=1.0,
    max_bytes=1_000_000,
    retries=2,
    backoff_s=0.01,
    max_retry_after_s=2.0,
    min_interval_s=0.0,
    respect_robots=False,
)
# An <a href> in a listing page of the test source.
_HREF = re.compile(r'href="([^"]+)"')


@dataclass
class LeadSource:
    """A test source: the links of ``listing`` (fetched through the crawler), then ``urls``."""

    name: str
    allowed_hosts: frozenset[str]
    urls: list[str] = field(default_factory=list)
    listing: str | None = None

    def discover(
        self,
        fetcher: Fetcher,
        *,
        since: int | None = None,
        until: int | None = None,
        full: bool = False,
        known: Callable[[str], bool] | None = None,
    ) -> Iterator[Lead]:
        if self.listing is not None:
            listed = fetcher.get(self.listing, conditional=True, allowed_hosts=self.allowed_hosts)
            for href in _HREF.findall(listed.body.decode("utf-8", "replace")):
                yield Lead(href, self.name, referer=self.listing)
        for url in self.urls:
            yield Lead(url, self.name)


def crawl(
    db: Path, sources: LeadSource | Sequence[LeadSource], settings: FetchSettings = FAST
) -> tuple[RunReport, list[RequestRecord]]:
    """One real crawl of ``sources`` into the SQLite file ``db`` (migrated on first open),
    through one ``Fetcher``; returns the run's report and every request it made."""
    chosen = [sources] if isinstance(sources, LeadSource) else list(sources)
    engine = open_engine(f"sqlite:///{db}")
    records: list[RequestRecord] = []
    try:

        def make_fetcher(on_request: Callable[[RequestRecord], None]) -> Fetcher:
            def both(record: RequestRecord) -> None:
                records.append(record)
                on_request(record)

            return Fetcher(settings, cache=HttpCache(engine), on_request=both)

        report = Pipeline(Store(engine)).crawl(make_fetcher, chosen)
    finally:
        engine.dispose()
    return report, records


def crawl_full(db: Path, source: object, settings: FetchSettings = FAST) -> RunReport:
    """A backfill (``full=True``) of one configured source into ``db``."""
    engine = open_engine(f"sqlite:///{db}")
    try:

        def make_fetcher(on_request: Callable[[RequestRecord], None]) -> Fetcher:
            return Fetcher(settings, cache=HttpCache(engine), on_request=on_request)

        pipeline = Pipeline(Store(engine))
        return pipeline.crawl(make_fetcher, [source], kind="backfill", full=True)  # type: ignore[list-item]
    finally:
        engine.dispose()


def stored_urls(db: Path) -> list[str]:
    """Every document URL in ``db``, duplicates kept (there must be none), sorted."""
    with sqlite3.connect(db) as con:
        return sorted(row[0] for row in con.execute("SELECT url FROM document"))


def table_counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as con:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def notice(year: int, batch: str, mining: int, smelting: int) -> bytes:
    """A small notice page of ours, stating one batch's two figures (DOMAIN.md's numbers)."""
    text = (
        f"<html><head><meta charset='utf-8'><title>关于下达{year}年{batch}稀土开采、冶炼分离"
        f"总量控制指标的通知</title></head><body><h1>关于下达{year}年{batch}稀土开采、冶炼分离"
        f"总量控制指标的通知</h1><p>{year}年{batch}稀土开采、冶炼分离总量控制指标分别为"
        f"{mining}吨、{smelting}吨。</p><p>{year}年2月6日</p></body></html>"
    )
    return text.encode("utf-8")
