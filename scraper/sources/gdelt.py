"""GDELT's DOC 2.0 API (kind ``gdelt``): recent news across outlets, by date windows.

``GET /api/v2/doc/doc?query=Q&mode=ArtList&format=json&maxrecords=250&startdatetime=
YYYYMMDDHHMMSS&enddatetime=YYYYMMDDHHMMSS`` answers ``{"articles": [{"url", "title",
"seendate": "YYYYMMDDTHHMMSSZ", "domain", "language", "sourcecountry", ...}]}`` (``{}`` when
nothing matched; a plain-text message for a bad query). GDELT searches a rolling window of
about three months, so:

- crawl: one window, the last ``crawl_days`` days;
- backfill: successive windows of ``window_days`` from now back to the later of 1 January of
  ``since`` and the edge of GDELT's reach (``reach_days``), newest first.

Only articles on the configured outlet ``domains`` become leads (GDELT indexes every site on
earth, most of them not worth a request); ``seendate`` is the lead's publication hint.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any, ClassVar, NamedTuple
from urllib.parse import urlencode, urlsplit

from extractors.errors import ConfigError
from scraper.config import SourceConfig
from scraper.fetch import Fetcher, host_allowed
from scraper.sources import Lead, register
from scraper.sources.feeds import NewsSource

log = logging.getLogger(__name__)

DOC_PATH = "/api/v2/doc/doc"
STAMP = "%Y%m%d%H%M%S"  # startdatetime / enddatetime
SEENDATE = "%Y%m%dT%H%M%SZ"  # an article's seendate, UTC


class Window(NamedTuple):
    start: datetime  # aware, UTC
    end: datetime


def windows(
    now: datetime,
    *,
    full: bool,
    since: int | None,
    until: int | None,
    crawl_days: int,
    window_days: int,
    reach_days: int,
) -> list[Window]:
    """The date windows one discovery asks for, newest first (see the module docstring)."""
    if not full:
        return [Window(now - timedelta(days=crawl_days), now)]
    oldest = now - timedelta(days=reach_days)
    if since is not None:
        oldest = max(oldest, datetime(since, 1, 1, tzinfo=UTC))
    newest = now
    if until is not None:
        newest = min(newest, datetime(until + 1, 1, 1, tzinfo=UTC))
    found = []
    end = newest
    while end > oldest:
        start = max(oldest, end - timedelta(days=window_days))
        found.append(Window(start, end))
        end = start
    return found


def articles(body: bytes) -> list[dict[str, Any]]:
    """The article records of an ArtList answer; [] (logged) for an answer that is not one."""
    try:
        answer = json.loads(body)
    except ValueError:
        log.warning(
            "GDELT answered something that is not JSON: %.200s", body.decode("utf-8", "replace")
        )
        return []
    found = answer.get("articles") if isinstance(answer, dict) else None
    if not isinstance(found, list):
        return []
    return [item for item in found if isinstance(item, dict)]


def seen_day(value: object) -> date | None:
    try:
        return datetime.strptime(str(value), SEENDATE).date()
    except ValueError:
        return None


@register("gdelt")
class GdeltSource(NewsSource):
    kind = "gdelt"
    DEFAULTS: ClassVar[dict[str, Any]] = {
        **NewsSource.DEFAULTS,
        "queries": [],  # GDELT query strings, e.g. '("rare earth" OR tungsten) quota'
        "domains": [],  # outlets whose articles are taken (a domain covers its subdomains)
        "crawl_days": 2,  # crawl: the window reaches this many days back
        "window_days": 7,  # backfill: one request per query per window of this many days
        "reach_days": 90,  # how far back GDELT searches
        "max_records": 250,  # GDELT's maximum per request
    }

    def __init__(
        self, config: SourceConfig, *, clock: Callable[[], datetime] | None = None
    ) -> None:
        super().__init__(config)
        if not self.options["queries"]:
            raise ConfigError(f"source {self.name!r}: option 'queries' lists no query")
        if not self.options["domains"]:
            raise ConfigError(f"source {self.name!r}: option 'domains' lists no outlet")
        for key in ("crawl_days", "window_days", "reach_days", "max_records"):
            if self.options[key] < 1:
                raise ConfigError(f"source {self.name!r}: option {key!r} must be at least 1")
        self.domains = frozenset(domain.lower() for domain in self.options["domains"])
        self.allowed_hosts = frozenset({*self.allowed_hosts, *self.domains})
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
        spans = windows(
            self._clock().replace(microsecond=0),
            full=full,
            since=since,
            until=until,
            crawl_days=self.options["crawl_days"],
            window_days=self.options["window_days"],
            reach_days=self.options["reach_days"],
        )
        if full and not spans:
            log.info("%s: GDELT reaches back only %d days", self.name, self.options["reach_days"])
        for span in spans:
            for query in self.options["queries"]:
                yield from self._window(fetcher, query, span, since=since, until=until)

    def request_url(self, query: str, span: Window) -> str:
        params = {
            "query": query,
            "mode": "ArtList",
            "format": "json",
            "maxrecords": self.options["max_records"],
            "sort": "DateDesc",
            "startdatetime": span.start.strftime(STAMP),
            "enddatetime": span.end.strftime(STAMP),
        }
        return f"{self.base_url}{DOC_PATH}?{urlencode(params)}"

    def _window(
        self, fetcher: Fetcher, query: str, span: Window, *, since: int | None, until: int | None
    ) -> Iterator[Lead]:
        page = self.list_page(fetcher, self.request_url(query, span))
        found = articles(page.body)
        if len(found) >= self.options["max_records"]:
            log.warning(
                "%s: %d articles for %r in one window; some may be cut",
                self.name,
                len(found),
                query,
            )
        for item in found:
            url = str(item.get("url") or "").strip()
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not host_allowed(
                parts.hostname or "", None, self.domains
            ):
                log.debug("%s: article off the outlet list: %s", self.name, url)
                continue
            day = seen_day(item.get("seendate"))
            year = day.year if day else None
            if year is not None and (
                (since is not None and year < since) or (until is not None and year > until)
            ):
                continue
            title = str(item.get("title") or "").strip() or None
            yield Lead(self.relocate(parts._replace(fragment="").geturl()), self.name, title, day)
