"""The one polite HTTP client every source fetches through.

``Fetcher.get`` sends browser-like GET requests over one ``httpx.Client`` and either returns
a ``Page`` or raises one of the ``extractors.errors`` types (nothing from httpx leaks out):

    FetchError          connection errors, timeouts, a truncated body: after the retries;
                        a body slower than ``max_fetch_s`` in total, an unknown encoding
    ├── BlockedError    robots.txt disallows the URL; a non-http(s) URL; a (redirect) host
    │                   outside ``allowed_hosts``
    ├── ChallengeError  HTTP 412, or a 200 that is only an anti-bot script page
    ├── TooLargeError   the body, decompressed, went past ``max_bytes``
    └── HTTPStatusError a final 4xx/5xx (429 and 5xx are retried first)

Politeness: robots.txt is read once per host per Fetcher (a 4xx robots allows all, a 5xx or
unreachable one allows and logs); requests to one host are spaced by ``min_interval_s`` or
the robots Crawl-delay, whichever is longer; retries back off exponentially and honour
Retry-After up to a cap. Redirects are followed by hand (at most five) so that every hop is
checked. The clock and sleep are injectable, so tests need no real waiting.

Safety: bodies are decompressed here (gzip, deflate; any other Content-Encoding is refused),
never producing more than ``max_bytes``, so a decompression bomb costs a few KB of memory
past the cap; connections are not kept alive, so bytes a server sends past its
Content-Length can never be read as the next page's answer; every socket operation of one
response stops at ``max_fetch_s`` from its start, so trickled headers or bodies end too.
"""

from __future__ import annotations

import email.utils
import logging
import re
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from types import TracebackType
from typing import Protocol
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

from extractors.errors import (
    BlockedError,
    ChallengeError,
    FetchError,
    HTTPStatusError,
    TooLargeError,
)
from scraper.fetch_io import BodyDecoder, DeadlineBackend

log = logging.getLogger(__name__)

# A current desktop Chrome on Windows: MIIT answers 403 to clients that do not look like one.
CHROME_USER_AGENT = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
)
BROWSER_HEADERS = {
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8",
    "Accept-Encoding": "gzip, deflate",  # only what BodyDecoder can inflate under the cap
}
MAX_REDIRECTS = 5
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


# Strings only anti-bot challenge pages carry, each with the kind of page it betrays.
CHALLENGE_MARKERS: tuple[tuple[bytes, str], ...] = (
    (b"$_ts", "cookie-setting script of the 412/200 challenges on Hanweb government sites"),
    (b"__jsl_clearance", "Jiasule clearance-cookie page"),
    (b"acw_sc__v2", "Aliyun WAF cookie page"),
    (b"_guard/auto.js", "Yunsuo guard page"),
    (b"window.location.reload", "script page that sets a cookie then reloads itself"),
)
CHALLENGE_MAX_BYTES = 16_384  # challenge pages are tiny; real notices are far larger
MIN_VISIBLE_CHARS = 40  # a page showing fewer characters than this outside scripts is no document
# A whole <script> or <style> element, content included (the challenge's entire payload).
_SCRIPT_OR_STYLE = re.compile(rb"<(script|style)\b.*?</\1\s*>", re.S | re.I)
# Any remaining tag or comment, to measure the text a reader would see.
_TAG_OR_COMMENT = re.compile(rb"<!--.*?-->|<[^>]*>", re.S)
# An HTML entity or whitespace run, not counted as visible text.
_SPACE_OR_ENTITY = re.compile(rb"&[#\w]+;|\s+")


def challenge_reason(body: bytes, content_type: str | None) -> str | None:
    """Why a 200 answer is an anti-bot challenge rather than a page, or None if it is a page."""
    if len(body) > CHALLENGE_MAX_BYTES:
        return None
    if content_type and not any(kind in content_type.lower() for kind in ("html", "text/plain")):
        return None  # JSON, PDF, images: never challenge pages
    for marker, kind in CHALLENGE_MARKERS:
        if marker in body:
            return kind
    if b"<script" not in body.lower():
        return None
    visible = _SPACE_OR_ENTITY.sub(b"", _TAG_OR_COMMENT.sub(b"", _SCRIPT_OR_STYLE.sub(b"", body)))
    if len(visible.decode("utf-8", "replace")) < MIN_VISIBLE_CHARS:
        return "tiny page that is only a script"
    return None


@dataclass(frozen=True)
class FetchSettings:
    """How the client behaves. These are the defaults; ``[fetch]`` in sources.toml overrides."""

    user_agent: str = CHROME_USER_AGENT  # sent on every request, robots.txt rules matched on it
    timeout_s: float = 20  # connect / read / write / pool timeout, each
    max_bytes: int = 10_000_000  # cap on one body after decompression
    max_fetch_s: float = 180  # total time one response may take, however the bytes trickle
    retries: int = 3  # further attempts after a connection error, a 429 or a 5xx
    backoff_s: float = 1.0  # wait before the first retry; doubles on each further one
    max_retry_after_s: float = 120  # a server's Retry-After is honoured up to this
    min_interval_s: float = 2.0  # between two requests to one host; Crawl-delay may raise it
    respect_robots: bool = True  # False only for tests and archives that ask for it
    # a notice's attachment that failed for good (404, 410, past max_bytes) is parked: not
    # asked for again for this many days (``--retry-failed`` asks at once)
    retry_failed_after_days: float = 7.0


@dataclass(frozen=True)
class Page:
    """One fetched URL. ``status`` is 304 and ``from_cache`` True when the cache answered."""

    url: str
    final_url: str
    status: int
    content_type: str | None
    etag: str | None
    last_modified: str | None
    body: bytes
    fetched_at: datetime  # aware, UTC
    elapsed_s: float
    from_cache: bool = False


@dataclass(frozen=True)
class RequestRecord:
    """One HTTP request (robots.txt, retries and redirect hops included), for the fetch log."""

    url: str
    status: int | None
    bytes: int
    elapsed_s: float
    error: str | None


class ResponseCache(Protocol):
    """Validators and bodies of earlier 200 answers; implemented by the database layer."""

    def get(self, url: str) -> tuple[str | None, str | None, str | None, bytes] | None:
        """(etag, last_modified, content_type, body) of the last 200 for ``url``, if any."""
        ...

    def put(
        self,
        url: str,
        *,
        etag: str | None,
        last_modified: str | None,
        content_type: str | None,
        body: bytes,
    ) -> None: ...


@dataclass(frozen=True)
class _Answer:
    url: str
    status: int
    headers: httpx.Headers
    body: bytes
    elapsed_s: float


class _Transient(Exception):
    """A failure worth retrying: connection, timeout, truncated body."""


def retry_after_seconds(value: str | None, now: datetime) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or an HTTP date), None if unusable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def host_allowed(host: str, port: int | None, allowed: Collection[str]) -> bool:
    """``host`` equals an allowed entry or is a subdomain of one; ``h:port`` entries pin a port."""
    host = host.lower()
    for entry in allowed:
        entry = entry.lower()
        if ":" in entry:
            if f"{host}:{port}" == entry:
                return True
        elif host == entry or host.endswith("." + entry):
            return True
    return False


class Fetcher:
    """A context manager around one ``httpx.Client``; see the module docstring."""

    def __init__(
        self,
        settings: FetchSettings,
        *,
        transport: httpx.BaseTransport | None = None,
        cache: ResponseCache | None = None,
        on_request: Callable[[RequestRecord], None] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self._cache = cache
        self._on_request = on_request
        self._sleep = sleep
        self._clock = clock
        self._deadline = DeadlineBackend()
        if transport is None:
            transport = httpx.HTTPTransport(limits=httpx.Limits(max_keepalive_connections=0))
            self._deadline.install(transport)
        self._client = httpx.Client(
            transport=transport,
            timeout=settings.timeout_s,
            follow_redirects=False,
            headers={"User-Agent": settings.user_agent, **BROWSER_HEADERS},
        )
        self._robots: dict[str, Protego | None] = {}  # origin -> rules (None: allow all)
        self._interval: dict[str, float] = {}  # netloc -> seconds, when Crawl-delay raised it
        self._last: dict[str, float] = {}  # netloc -> clock() at the end of the last request

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(
        self,
        url: str,
        *,
        referer: str | None = None,
        conditional: bool = False,
        allowed_hosts: Collection[str] | None = None,
    ) -> Page:
        """GET ``url`` politely; see the module docstring for what is raised."""
        cached = self._cache.get(url) if conditional and self._cache is not None else None
        headers: dict[str, str] = {"Referer": referer} if referer else {}
        if cached is not None:
            etag, last_modified = cached[0], cached[1]
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            try:
                self._check_target(current, allowed_hosts)
            except BlockedError as exc:
                if current == url:
                    raise
                raise BlockedError(f"redirect from {url}: {exc}", url=url) from None
            answer = self._with_retries(current, headers)
            location = answer.headers.get("location")
            if answer.status in REDIRECT_STATUSES and location:
                current = urljoin(current, location.strip())
                continue
            return self._to_page(url, answer, cached, conditional)
        raise FetchError(f"more than {MAX_REDIRECTS} redirects from {url}", url=url)

    # -- checks ------------------------------------------------------------------------------

    def _check_target(self, url: str, allowed_hosts: Collection[str] | None) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise BlockedError(f"not an http(s) URL: {url}", url=url)
        try:
            port = parts.port
        except ValueError:
            raise FetchError(f"bad port in {url}", url=url) from None
        if allowed_hosts is not None and not host_allowed(parts.hostname, port, allowed_hosts):
            raise BlockedError(f"host {parts.hostname} is not allowed for {url}", url=url)
        if self.settings.respect_robots and not self._robots_allow(url):
            raise BlockedError(f"robots.txt disallows {url}", url=url)

    def _robots_allow(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin, parts.netloc)
        rules = self._robots[origin]
        return rules is None or bool(rules.can_fetch(url, self.settings.user_agent))

    def _load_robots(self, origin: str, netloc: str) -> Protego | None:
        url = origin + "/robots.txt"
        try:
            answer = self._attempt(url, {})
            for _hop in range(MAX_REDIRECTS):
                location = answer.headers.get("location")
                if answer.status not in REDIRECT_STATUSES or not location:
                    break
                target = urljoin(answer.url, location.strip())
                if urlsplit(target).scheme not in ("http", "https"):
                    break
                answer = self._attempt(target, {})
        except (_Transient, FetchError) as exc:
            log.warning("robots.txt unreachable at %s (%s): allowing all", url, exc)
            return None
        if answer.status >= 500:
            log.warning("robots.txt at %s answered HTTP %d: allowing all", url, answer.status)
            return None
        if answer.status >= 300:
            return None  # 4xx (or a redirect loop): no rules, everything is allowed
        rules = Protego.parse(answer.body.decode("utf-8", "replace"))
        delay = rules.crawl_delay(self.settings.user_agent)
        if delay:
            self._interval[netloc] = max(self.settings.min_interval_s, float(delay))
        return rules

    # -- requests ----------------------------------------------------------------------------

    def _with_retries(self, url: str, headers: dict[str, str]) -> _Answer:
        attempts = self.settings.retries + 1
        for attempt in range(attempts):
            last = attempt == attempts - 1
            try:
                answer = self._attempt(url, headers)
            except _Transient as exc:
                if last:
                    raise FetchError(f"{exc} (after {attempts} attempts)", url=url) from exc
                self._sleep(self._backoff(attempt))
                continue
            if (answer.status == 429 or answer.status >= 500) and not last:
                asked = retry_after_seconds(answer.headers.get("retry-after"), datetime.now(UTC))
                delay = self._backoff(attempt) if asked is None else asked
                delay = min(delay, self.settings.max_retry_after_s)
                log.info("HTTP %d from %s: retrying in %.1fs", answer.status, url, delay)
                self._sleep(delay)
                continue
            return answer
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _backoff(self, attempt: int) -> float:
        return float(self.settings.backoff_s * (2**attempt))

    def _pace(self, netloc: str) -> None:
        interval = self._interval.get(netloc, self.settings.min_interval_s)
        last = self._last.get(netloc)
        if last is not None and interval > 0:
            wait = last + interval - self._clock()
            if wait > 0:
                self._sleep(wait)

    def _attempt(self, url: str, headers: dict[str, str]) -> _Answer:
        """One request, body streamed under the size cap; always reported to ``on_request``."""
        netloc = urlsplit(url).netloc
        self._pace(netloc)
        start = self._clock()
        status: int | None = None
        decoder: BodyDecoder | None = None
        error: str | None = None
        self._deadline.deadline = time.monotonic() + self.settings.max_fetch_s
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                status = response.status_code
                encoding = response.headers.get("content-encoding")
                decoder = BodyDecoder(encoding, self.settings.max_bytes, url)
                body = self._read_body(url, response, decoder, start)
                return _Answer(url, status, response.headers, body, self._since(start))
        except (FetchError, _Transient) as exc:
            error = str(exc)
            if isinstance(exc, FetchError) and exc.status is None:
                exc.status = status
            raise
        except httpx.TransportError as exc:
            if self._deadline.expired():
                error = f"total time over {self.settings.max_fetch_s:g} s for {url}"
                raise FetchError(f"{error}: the server trickles its answer", url=url) from exc
            error = f"{type(exc).__name__}: {exc}".replace("\n", " ")
            raise _Transient(f"{error} for {url}") from exc
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            error = f"{type(exc).__name__}: {exc}".replace("\n", " ")
            raise FetchError(f"{error} for {url}", url=url, status=status) from exc
        finally:
            self._deadline.deadline = None
            self._last[netloc] = self._clock()
            if self._on_request is not None:
                size = decoder.size if decoder is not None else 0
                self._on_request(RequestRecord(url, status, size, self._since(start), error))

    def _read_body(
        self, url: str, response: httpx.Response, decoder: BodyDecoder, start: float
    ) -> bytes:
        """The decoded body, under the size cap and the time bound."""
        cap = self.settings.max_bytes
        declared = _content_length(response)
        if declared is not None and declared > cap:
            raise TooLargeError(f"{url} declares {declared} bytes, over the {cap} cap", url=url)
        chunks: list[bytes] = []
        for raw in response.iter_raw():
            if self._since(start) > self.settings.max_fetch_s:
                limit = self.settings.max_fetch_s
                message = f"total time over {limit:g} s for {url}: the server trickles its answer"
                raise FetchError(message, url=url)
            chunks.append(decoder.feed(raw))
        downloaded = response.num_bytes_downloaded
        if declared is not None and 200 <= response.status_code < 300 and downloaded < declared:
            raise _Transient(f"truncated body from {url}: {downloaded} of {declared} bytes")
        return b"".join(chunks)

    def _since(self, start: float) -> float:
        return max(0.0, self._clock() - start)

    # -- answers -----------------------------------------------------------------------------

    def _to_page(
        self,
        url: str,
        answer: _Answer,
        cached: tuple[str | None, str | None, str | None, bytes] | None,
        conditional: bool,
    ) -> Page:
        status = answer.status
        if status == 304:
            if cached is None:
                raise FetchError(f"HTTP 304 without a cached copy for {url}", url=url, status=304)
            etag, last_modified, content_type, body = cached
            return Page(
                url=url,
                final_url=answer.url,
                status=304,
                content_type=content_type,
                etag=answer.headers.get("etag") or etag,
                last_modified=answer.headers.get("last-modified") or last_modified,
                body=body,
                fetched_at=datetime.now(UTC),
                elapsed_s=answer.elapsed_s,
                from_cache=True,
            )
        if status == 412:
            raise ChallengeError(f"HTTP 412 challenge at {answer.url}", url=url, status=status)
        if not 200 <= status < 300:
            raise HTTPStatusError(f"HTTP {status} for {answer.url}", url=url, status=status)
        content_type = answer.headers.get("content-type")
        reason = challenge_reason(answer.body, content_type)
        if reason is not None:
            raise ChallengeError(
                f"challenge page ({reason}) at {answer.url}", url=url, status=status
            )
        page = Page(
            url=url,
            final_url=answer.url,
            status=status,
            content_type=content_type,
            etag=answer.headers.get("etag"),
            last_modified=answer.headers.get("last-modified"),
            body=answer.body,
            fetched_at=datetime.now(UTC),
            elapsed_s=answer.elapsed_s,
        )
        if conditional and self._cache is not None and status == 200:
            self._cache.put(
                url,
                etag=page.etag,
                last_modified=page.last_modified,
                content_type=content_type,
                body=page.body,
            )
        return page


def _content_length(response: httpx.Response) -> int | None:
    value = response.headers.get("content-length", "").strip()
    return int(value) if value.isdigit() else None
