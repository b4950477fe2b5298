"""A local mirror of the sites in ``fixtures/sites``: one real HTTP server per host folder.

``Mirror.from_fixtures(tmp)`` copies ``fixtures/sites`` and ``fixtures/challenge`` into
``tmp`` (tests may add or change pages there) and serves each host folder on 127.0.0.1 at a
free port, at the real sites' paths:

- static files with ETag and Last-Modified, 304 on If-None-Match / If-Modified-Since;
  Content-Type by extension, with no charset for HTML (the page's <meta> decides); a path
  ending in ``/`` serves ``index.html`` or ``index.htm``; files without a suffix are HTML;
- MIIT's list API ``/api-gateway/jpaas-publish-server/front/page/build/unit?pageId=P&paramJson=
  {"pageNo":N,...}`` from ``.../build/unit/<P>/<N>.json``, and its search API
  ``/search-front-server/api/search/info?q=Q&p=N`` from ``.../search/info/<Q>/<N>.json``; a
  missing page gets the real API's empty answer;
- GDELT's DOC API ``/api/v2/doc/doc?query=Q&...`` from ``api/v2/doc/doc/<slug of Q>.json``
  (the date window is logged, not applied: the fixture articles are older than GDELT's reach
  from today); nothing matched answers ``{}``;
- the Wayback CDX API ``/cdx/search/cdx?url=PREFIX*&...`` from
  ``cdx/search/cdx/<slug of PREFIX*>.json`` (``[]`` when missing), and raw captures
  ``/web/<timestamp>id_/<original>`` answered with the fixture page at the original's host
  and path (so the archive needs no copies);
- a folder path serves ``index.html``, ``index.htm`` or ``index.xml`` (WordPress ``/feed/atom/``);
- challenge answers for chosen paths: ``"script"`` (a 200 tiny script page) or ``"412"``;
- MIIT answers 403 to clients whose User-Agent is not a browser's, as the real site does.

Every request is logged (host, path with query, lower-cased headers, status), thread-safely.
``sources_file`` points every shipped source at the mirror with no pacing and fast retries
(news sources get a ``host_map`` sending every mirrored outlet here);
``slow_sources_file`` is the same with pacing, so that a crawl lasts a few seconds.
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import re
import shutil
import threading
import tomllib
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
PACKAGED_SOURCES = Path(__file__).resolve().parent.parent / "scraper" / "sources.toml"
MIIT = "www.miit.gov.cn"
LIST_API = "/api-gateway/jpaas-publish-server/front/page/build/unit"
SEARCH_API = "/search-front-server/api/search/info"
GDELT = "api.gdeltproject.org"
GDELT_API = "/api/v2/doc/doc"
WAYBACK = "web.archive.org"
CDX_API = "/cdx/search/cdx"
# A raw Wayback capture: /web/20240207083015id_/https://www.mining.com/some-story
CAPTURE = re.compile(r"/web/(\d{1,14})id_/(https?://.+)\Z")
# Runs of characters a fixture file name should not carry: GDELT queries, CDX URL prefixes.
SLUG_GAP = re.compile(r"[^\w.]+")
# Source kinds whose leads point at outlets' hosts: they get a host_map onto the mirror.
NEWS_KINDS = ("feeds", "gdelt")
# What the real list API answers past the last page, and the search API when nothing matched.
EMPTY_LIST_HTML = '<div class="page-content"><ul>\n</ul></div>'
EMPTY_LIST = {
    "success": True,
    "code": "200",
    "message": "操作成功",
    "data": {"html": EMPTY_LIST_HTML},
}
EMPTY_SEARCH = {"success": True, "code": 200, "message": "成功", "data": {"totalNum": 0}}
# The listing row of the fixtures that the real site would answer with a challenge.
DEFAULT_CHALLENGES = {
    (MIIT, "/jgsj/ycls/wjfb/art/2024/art_34e96fee84374b7e9e4da3c239250d4b.html"): "script",
}
CONTENT_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".shtml": "text/html",
    "": "text/html",
    ".json": "application/json;charset=UTF-8",
    ".txt": "text/plain",
    ".xml": "text/xml",
    ".pdf": "application/pdf",
    ".doc": "application/msword",
    ".xls": "application/vnd.ms-excel",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".wps": "application/vnd.ms-works",
    ".et": "application/vnd.ms-excel",
}
# Overrides written into the mirror's sources file: no pacing, fast retries.
TEST_FETCH = {
    "min_interval_s": 0.0,
    "retries": 1,
    "backoff_s": 0.01,
    "max_retry_after_s": 0.05,
    "timeout_s": 5.0,
}

SLOW_INTERVAL_S = 0.25  # pacing of slow_sources_file: about 5 s for a full crawl of the mirror


@dataclass(frozen=True)
class LoggedRequest:
    host: str  # the mirrored site, e.g. www.miit.gov.cn
    path: str  # as sent, query string included
    headers: dict[str, str]  # lower-cased names
    status: int

    @property
    def route(self) -> str:
        return unquote(urlsplit(self.path).path)

    @property
    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.path).query)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    mirror: Mirror
    site: str


class Mirror:
    def __init__(self, root: Path, challenge_dir: Path, sources_file: Path) -> None:
        self.root = root  # the served copy of fixtures/sites
        self.challenge_dir = challenge_dir
        self.sources_file = sources_file
        # The same sources, paced so that a crawl lasts a few seconds (for kill-and-rerun tests).
        self.slow_sources_file = sources_file.with_name("slow-sources.toml")
        self.challenges: dict[tuple[str, str], str] = dict(DEFAULT_CHALLENGES)
        self.browser_only = {MIIT}  # hosts answering 403 to non-browser User-Agents
        self._log: list[LoggedRequest] = []
        self._lock = threading.Lock()
        self._servers: dict[str, _Server] = {}
        self._threads: list[threading.Thread] = []

    @classmethod
    def from_fixtures(cls, tmp: Path, fixtures: Path = FIXTURES) -> Mirror:
        shutil.copytree(fixtures / "sites", tmp / "sites")
        shutil.copytree(fixtures / "challenge", tmp / "challenge")
        return cls(tmp / "sites", tmp / "challenge", tmp / "sources.toml")

    # -- lifecycle ---------------------------------------------------------------------------

    def start(self) -> Mirror:
        for folder in sorted(p for p in self.root.iterdir() if p.is_dir()):
            server = _Server(("127.0.0.1", 0), _Handler)
            server.mirror, server.site = self, folder.name
            # a short poll interval: stop() waits up to one interval per host served
            thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
            thread.start()
            self._servers[folder.name] = server
            self._threads.append(thread)
        self.write_sources_file(self.sources_file)
        self.write_sources_file(self.slow_sources_file, min_interval_s=SLOW_INTERVAL_S)
        return self

    def stop(self) -> None:
        for server in self._servers.values():
            server.shutdown()
            server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)

    def __enter__(self) -> Mirror:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # -- what tests use ----------------------------------------------------------------------

    @property
    def hosts(self) -> list[str]:
        return list(self._servers)

    def base(self, host: str) -> str:
        return f"http://127.0.0.1:{self._servers[host].server_address[1]}"

    def url(self, host: str, path: str) -> str:
        return self.base(host) + path

    @property
    def requests(self) -> list[LoggedRequest]:
        """The live log (tests may ``.clear()`` it); copy it to read while a crawl runs."""
        return self._log

    def requests_to(self, host: str) -> list[LoggedRequest]:
        with self._lock:
            return [r for r in self._log if r.host == host]

    def clear_log(self) -> None:
        with self._lock:
            self._log.clear()

    def add_challenge(self, host: str, path: str, kind: str) -> None:
        """Answer ``path`` on ``host`` with a challenge: ``"script"`` or ``"412"``."""
        if kind not in ("script", "412"):
            raise ValueError(f"unknown challenge kind {kind!r}")
        self.challenges[(host, path)] = kind

    def write_page(self, host: str, path: str, body: bytes | str) -> Path:
        target = self.root / host / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(body.encode("utf-8") if isinstance(body, str) else body)
        return target

    def write_sources_file(self, path: Path, **fetch: Any) -> Path:
        """The packaged sources with every mirrored host pointed here (others dropped), no
        pacing and fast retries; ``fetch`` overrides more settings."""
        packaged = tomllib.loads(PACKAGED_SOURCES.read_text(encoding="utf-8"))
        lines = ["# Written by tests/mirror.py: the shipped sources, served from 127.0.0.1.", ""]
        lines.append("[fetch]")
        for key, value in {**packaged.get("fetch", {}), **TEST_FETCH, **fetch}.items():
            lines.append(f"{key} = {_toml(value)}")
        for name, table in packaged.get("sources", {}).items():
            host = urlsplit(table["base_url"]).hostname
            if host not in self._servers:
                continue
            lines += ["", f"[sources.{name}]"]
            table = {**table, "base_url": self.base(host)}
            if table.get("kind", name) in NEWS_KINDS:
                table["host_map"] = {site: self.base(site) for site in self._servers}
            for key, value in table.items():
                lines.append(f"{key} = {_toml(value)}")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    # -- answers -----------------------------------------------------------------------------

    def _log_request(self, entry: LoggedRequest) -> None:
        with self._lock:
            self._log.append(entry)

    def answer(self, site: str, target: str, headers: dict[str, str]) -> _Answer:
        parts = urlsplit(target)
        route = unquote(parts.path)
        query = parse_qs(parts.query)
        challenge = self.challenges.get((site, route))
        if challenge is not None:
            name = "412.html" if challenge == "412" else "script.html"
            status = 412 if challenge == "412" else 200
            return _Answer(status, (self.challenge_dir / name).read_bytes(), "text/html")
        if site in self.browser_only and "mozilla/" not in headers.get("user-agent", "").lower():
            return _Answer(403, b"<html><body>403 Forbidden</body></html>", "text/html")
        if site == MIIT and route == LIST_API:
            paging = _json_param(query, "paramJson")
            page_id = _first(query, "pageId")
            number = paging.get("pageNo") or _first(query, "pageNo") or "1"
            file = self.root / site / LIST_API.lstrip("/") / page_id / f"{number}.json"
            return _file_or(file, EMPTY_LIST, headers)
        if site == MIIT and route == SEARCH_API:
            file = self.root / site / SEARCH_API.lstrip("/") / _first(query, "q")
            file = file / f"{_first(query, 'p') or '1'}.json"
            return _file_or(file, EMPTY_SEARCH, headers)
        if site == GDELT and route == GDELT_API:
            file = self.root / site / GDELT_API.lstrip("/") / f"{slug(_first(query, 'query'))}.json"
            return _file_or(file, {}, headers)
        if site == WAYBACK and route == CDX_API:
            file = self.root / site / CDX_API.lstrip("/") / f"{slug(_first(query, 'url'))}.json"
            return _file_or(file, [], headers)
        capture = CAPTURE.match(unquote(target)) if site == WAYBACK else None
        if capture is not None:
            original = urlsplit(capture[2])
            return self._static(original.hostname or "", unquote(original.path) or "/", headers)
        return self._static(site, route, headers)

    def _static(self, site: str, route: str, headers: dict[str, str]) -> _Answer:
        folder = (self.root / site).resolve()
        file = (folder / route.lstrip("/")).resolve()
        if not file.is_relative_to(folder):
            return _Answer(404, b"not found", "text/plain")
        if route.endswith("/") or file.is_dir():
            names = ("index.html", "index.htm", "index.xml")
            index = [file / name for name in names if (file / name).is_file()]
            file = index[0] if index else file
        if not file.is_file():
            return _Answer(404, b"<html><body>404 Not Found</body></html>", "text/html")
        return _conditional(file.read_bytes(), _content_type(file), file.stat().st_mtime, headers)


@dataclass(frozen=True)
class _Answer:
    status: int
    body: bytes
    content_type: str | None
    extra: tuple[tuple[str, str], ...] = ()


def slug(text: str) -> str:
    """A fixture file name for a query: ``("rare earth" OR tungsten) quota`` ->
    ``rare_earth_OR_tungsten_quota``; ``www.mining.com/*`` -> ``www.mining.com``."""
    return SLUG_GAP.sub("_", text).strip("_") or "_"


def _first(query: dict[str, list[str]], key: str) -> str:
    return query.get(key, [""])[0]


def _json_param(query: dict[str, list[str]], key: str) -> dict[str, Any]:
    try:
        value = json.loads(_first(query, key) or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _content_type(file: Path) -> str:
    if file.name == "robots.txt":
        return "text/plain"
    return CONTENT_TYPES.get(file.suffix.lower(), "application/octet-stream")


def _file_or(file: Path, empty: dict[str, Any] | list[Any], headers: dict[str, str]) -> _Answer:
    if file.is_file():
        return _conditional(file.read_bytes(), _content_type(file), file.stat().st_mtime, headers)
    body = json.dumps(empty, ensure_ascii=False).encode("utf-8")
    return _conditional(body, CONTENT_TYPES[".json"], None, headers)


def _conditional(
    body: bytes, content_type: str, mtime: float | None, headers: dict[str, str]
) -> _Answer:
    etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
    extra = [("ETag", etag)]
    if mtime is not None:
        extra.append(("Last-Modified", email.utils.formatdate(int(mtime), usegmt=True)))
    match = headers.get("if-none-match")
    since = headers.get("if-modified-since")
    if match is not None:
        fresh = etag in [tag.strip() for tag in match.split(",")] or match.strip() == "*"
    elif since is not None and mtime is not None:
        try:
            fresh = email.utils.parsedate_to_datetime(since).timestamp() >= int(mtime)
        except (TypeError, ValueError):
            fresh = False
    else:
        fresh = False
    if fresh:
        return _Answer(304, b"", None, tuple(extra))
    return _Answer(200, body, content_type, tuple(extra))


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_toml(k)} = {_toml(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"cannot write {value!r} as TOML")


class _Handler(BaseHTTPRequestHandler):
    disable_nagle_algorithm = True  # headers and body in one round trip: no 40 ms delayed-ACK stall
    protocol_version = "HTTP/1.1"
    server: _Server

    def do_GET(self) -> None:
        headers = {name.lower(): value for name, value in self.headers.items()}
        answer = self.server.mirror.answer(self.server.site, self.path, headers)
        self._send(answer, headers)

    def do_POST(self) -> None:
        headers = {name.lower(): value for name, value in self.headers.items()}
        self._send(_Answer(405, b"only GET", "text/plain", (("Allow", "GET"),)), headers)

    do_HEAD = do_PUT = do_DELETE = do_POST

    def _send(self, answer: _Answer, headers: dict[str, str]) -> None:
        self.server.mirror._log_request(
            LoggedRequest(self.server.site, self.path, headers, answer.status)
        )
        self.send_response(answer.status)
        if answer.content_type:
            self.send_header("Content-Type", answer.content_type)
        for name, value in answer.extra:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(answer.body)))
        self.end_headers()
        if answer.body and self.command != "HEAD":
            self.wfile.write(answer.body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the mirror keeps its own log
