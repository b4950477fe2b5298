"""The Internet Archive (kind ``wayback``): past captures of outlets' and ministries' pages.

For each configured URL prefix, the CDX API lists the captures::

    GET /cdx/search/cdx?url=<prefix>*&output=json&from=YYYY&to=YYYY
        &filter=statuscode:200&collapse=digest

answering a JSON array whose first row is the header
``["urlkey","timestamp","original","mimetype","statuscode","digest","length"]`` (``[]`` when
nothing was captured). Each capture becomes a lead whose ``url`` is the ORIGINAL URL (what is
stored) and whose ``fetch_url`` is the raw capture ``/web/<timestamp>id_/<original>`` (what
is downloaded), with the capture date as the publication hint. One capture per original URL
is kept, the earliest, closest to when the page was published. Broken rows (wrong length,
bad timestamp, not http(s), not a 200) are skipped with a warning.

Used by ``backfill`` (``full=True``) for the years ``since``..``until``; a crawl reads it only
with ``in_crawl = true`` (then the current and previous year), since captures of recent pages
come slowly and the live sites are read anyway.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from typing import Any, ClassVar
from urllib.parse import urlencode, urlsplit

from extractors.errors import ConfigError
from scraper.config import SourceConfig
from scraper.fetch import Fetcher
from scraper.sources import Lead, register
from scraper.sources.feeds import NewsSource

log = logging.getLogger(__name__)

CDX_PATH = "/cdx/search/cdx"
HEADER = ("urlkey", "timestamp", "original", "mimetype", "statuscode", "digest", "length")
# A capture timestamp: YYYYMMDD, then optionally hhmmss (CDX gives all 14 digits).
_TIMESTAMP = re.compile(r"(\d{4})(\d{2})(\d{2})(\d{6})?\Z")


def capture_url(base_url: str, timestamp: str, original: str) -> str:
    """The raw bytes of a capture, without the archive's toolbar or rewritten links."""
    return f"{base_url}/web/{timestamp}id_/{original}"


def capture_day(timestamp: str) -> date | None:
    match = _TIMESTAMP.match(timestamp)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def cdx_rows(body: bytes, where: str) -> list[dict[str, str]]:
    """The rows of a CDX JSON answer as dicts keyed by its header; broken rows are logged
    and skipped, an answer that is not a CDX table gives []."""
    try:
        table = json.loads(body)
    except ValueError:
        log.warning("CDX answer for %s is not JSON: %.200s", where, body.decode("utf-8", "replace"))
        return []
    if not isinstance(table, list) or not table:
        return []
    header = table[0]
    if not (isinstance(header, list) and {"timestamp", "original"} <= set(map(str, header))):
        log.warning("CDX answer for %s has no header row: %.200s", where, header)
        return []
    rows = []
    for number, row in enumerate(table[1:], 2):
        if (
            not isinstance(row, list)
            or len(row) != len(header)
            or not all(isinstance(cell, str) for cell in row)
        ):
            log.warning("CDX answer for %s: skipping broken row %d: %.200s", where, number, row)
            continue
        rows.append(dict(zip(map(str, header), row, strict=True)))
    return rows


@register("wayback")
class WaybackSource(NewsSource):
    kind = "wayback"
    DEFAULTS: ClassVar[dict[str, Any]] = {
        **NewsSource.DEFAULTS,
        "prefixes": [],  # URL prefixes without scheme: "www.mining.com/", "www.miit.gov.cn/jgsj/"
        # prefix -> regex an original URL under it must contain (sent as a CDX filter too)
        "url_filters": {},
        "mimetypes": ["text/html", "text/plain", "application/xhtml+xml"],
        "in_crawl": False,  # read by crawl too (current and previous year), not only backfill
        "limit": 5000,  # most captures asked for per prefix
    }

    def __init__(
        self, config: SourceConfig, *, clock: Callable[[], datetime] | None = None
    ) -> None:
        super().__init__(config)
        if not self.options["prefixes"]:
            raise ConfigError(f"source {self.name!r}: option 'prefixes' lists no URL prefix")
        self.filters: dict[str, re.Pattern[str]] = {}
        for prefix, pattern in self.options["url_filters"].items():
            try:
                self.filters[prefix] = re.compile(str(pattern))
            except re.error as exc:
                raise ConfigError(
                    f"source {self.name!r}: url_filters[{prefix!r}] is not a regex: {exc}"
                ) from None
        self._clock = clock or (lambda: datetime.now(UTC))

    def discover(
        self,
        fetcher: Fetcher,
        *,
        since: int | None = None,
        until: int | None = None,
        full: bool = False,
        known: Callable[[str], bool] | None = None,
    ) -> Iterator[Lead]:
        if not full:
            if not self.options["in_crawl"]:
                return
            since, until = self._clock().year - 1, None
        seen: set[str] = set()
        for prefix in self.options["prefixes"]:
            for lead in self._prefix(fetcher, prefix, since=since, until=until):
                if lead.url not in seen:
                    seen.add(lead.url)
                    yield lead

    def cdx_url(self, prefix: str, *, since: int | None, until: int | None) -> str:
        params: list[tuple[str, str]] = [("url", prefix + "*"), ("output", "json")]
        if since is not None:
            params.append(("from", str(since)))
        if until is not None:
            params.append(("to", str(until)))
        params.append(("filter", "statuscode:200"))
        if prefix in self.filters:
            params.append(("filter", f"original:.*(?:{self.filters[prefix].pattern}).*"))
        params += [("collapse", "digest"), ("limit", str(self.options["limit"]))]
        return f"{self.base_url}{CDX_PATH}?{urlencode(params)}"

    def _prefix(
        self, fetcher: Fetcher, prefix: str, *, since: int | None, until: int | None
    ) -> Iterator[Lead]:
        page = self.list_page(fetcher, self.cdx_url(prefix, since=since, until=until))
        rows = cdx_rows(page.body, prefix)
        if len(rows) >= self.options["limit"]:
            log.warning(
                "%s: %s has %d captures or more; some were cut", self.name, prefix, len(rows)
            )
        pattern = self.filters.get(prefix)
        for row in sorted(rows, key=lambda row: row["timestamp"]):
            lead = self._lead(row, prefix)
            if lead is None or (pattern is not None and not pattern.search(lead.url)):
                continue
            year = lead.published.year if lead.published else None
            if year is not None and (
                (since is not None and year < since) or (until is not None and year > until)
            ):
                continue
            yield lead

    def _lead(self, row: dict[str, str], prefix: str) -> Lead | None:
        timestamp, original = row["timestamp"], row["original"].strip()
        day = capture_day(timestamp)
        status = row.get("statuscode", "200")
        mimetype = row.get("mimetype", "").split(";")[0].strip().lower()
        parts = urlsplit(original)
        checks = (
            (day is None, "bad timestamp"),
            (parts.scheme not in ("http", "https") or not parts.hostname, "not an http(s) URL"),
            (status != "200", f"status {status}"),
        )
        problem = next((why for failed, why in checks if failed), None)
        if problem is not None:
            log.warning("%s: skipping CDX row under %s (%s): %s", self.name, prefix, problem, row)
            return None
        if mimetype and mimetype not in self.options["mimetypes"]:
            return None  # images, PDFs, revisit records: not pages
        fetch = capture_url(self.base_url, timestamp, original)
        return Lead(original, self.name, None, day, None, fetch_url=fetch)
