"""RSS and Atom feeds of news outlets (kind ``feeds``), and what the news sources share.

Each configured feed is fetched conditionally (an unchanged feed costs a 304) and read by
feedparser; an entry becomes a lead when its title or summary speaks of a quota of our
commodities (``is_quota_entry``: ``extractors.vocab.is_relevant``, traditional characters made
simple) and its link stays on the outlet's host. The entry's own date, in the feed's time
zone, is the lead's publication hint.

Feeds are XML from outside: a body declaring entities (``<!ENTITY``, the "billion laughs"
and external-entity attacks) is refused before any parser sees it. feedparser itself drops
such declarations too; the check keeps that guarantee independent of its version.

``NewsSource`` is the common ground of the news kinds (feeds, GDELT, Wayback): the
``host_map`` option sends requests for a real host to another base URL (a local mirror, a
proxy), so that tests point every outlet at 127.0.0.1.
"""

from __future__ import annotations

import email.utils
import html
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar
from urllib.parse import urljoin, urlsplit, urlunsplit

import feedparser
from bs4 import BeautifulSoup

from extractors.errors import ConfigError
from scraper.config import SourceConfig
from scraper.fetch import Fetcher, host_allowed
from scraper.sources import Lead, ListingSource, is_quota_entry, register

log = logging.getLogger(__name__)

# An entity declaration in a DTD: <!ENTITY lol "…">, <!ENTITY x SYSTEM "file:…">, any case.
_ENTITY_DECL = re.compile(rb"<!\s*ENTITY", re.I)
# An internal DTD subset: <!DOCTYPE rss [ … ]>, where entity declarations would live.
_INTERNAL_SUBSET = re.compile(rb"<!DOCTYPE[^>\[]*\[", re.I)
# The first bytes of a feed that may hold its prolog and DOCTYPE.
_PROLOG_BYTES = 4096


class NewsSource(ListingSource):
    """A source whose leads point at outlets' own hosts, possibly relocated by ``host_map``."""

    DEFAULTS: ClassVar[dict[str, Any]] = {
        "host_map": {},  # real host -> base URL serving it instead (mirrors, proxies)
    }

    def __init__(self, config: SourceConfig) -> None:
        super().__init__(config)
        self.host_map: dict[str, str] = {}
        for host, base in self.options["host_map"].items():
            parts = urlsplit(base) if isinstance(base, str) else None
            if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
                raise ConfigError(
                    f"source {self.name!r}: host_map[{host!r}] must be an http(s) URL"
                )
            self.host_map[host.lower()] = f"{parts.scheme}://{parts.netloc}"
        mapped = {urlsplit(base).netloc for base in self.host_map.values()}
        self.allowed_hosts = frozenset({*self.allowed_hosts, *mapped})

    def relocate(self, url: str) -> str:
        """``url`` with its scheme and host replaced by the ``host_map`` entry of its host."""
        parts = urlsplit(url)
        base = self.host_map.get((parts.hostname or "").lower())
        if base is None:
            return url
        target = urlsplit(base)
        return urlunsplit((target.scheme, target.netloc, parts.path, parts.query, ""))


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str
    summary: str  # plain text
    published: date | None


def parse_feed(body: bytes, feed_url: str) -> list[FeedEntry]:
    """The entries of an RSS or Atom feed, links made absolute; [] (logged) for a feed that
    declares entities or that feedparser cannot read at all."""
    head = body[:_PROLOG_BYTES]
    if _ENTITY_DECL.search(body) or _INTERNAL_SUBSET.search(head):
        log.warning("refusing feed %s: it declares XML entities", feed_url)
        return []
    parsed = feedparser.parse(body, response_headers={"content-location": feed_url})
    if parsed.bozo and not parsed.entries:
        log.warning("unreadable feed %s: %s", feed_url, parsed.get("bozo_exception"))
        return []
    entries = []
    for entry in parsed.entries:
        link = str(entry.get("link") or "").strip()
        if not link:
            continue
        title = _plain(str(entry.get("title") or ""))
        summary = _plain(str(entry.get("summary") or entry.get("description") or ""))
        entries.append(FeedEntry(urljoin(feed_url, link), title, summary, entry_date(entry)))
    return entries


def entry_date(entry: Any) -> date | None:
    """The entry's date in the feed's own time zone (a Beijing-time 07:00 stays that day),
    falling back to feedparser's UTC reading."""
    for key in ("published", "updated", "dc_date"):
        raw = str(entry.get(key) or "").strip()
        if not raw:
            continue
        local = _local_datetime(raw)
        if local is not None:
            return local.date()
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _local_datetime(raw: str) -> datetime | None:
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        return email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        return None


def _plain(markup: str) -> str:
    if "<" not in markup:
        return html.unescape(markup).strip()  # WordPress puts &#8211; inside CDATA titles
    return BeautifulSoup(markup, "lxml").get_text(" ", strip=True)


@register("feeds")
class FeedSource(NewsSource):
    kind = "feeds"
    DEFAULTS: ClassVar[dict[str, Any]] = {
        **NewsSource.DEFAULTS,
        "feeds": [],  # feed URLs, absolute or relative to base_url
    }

    def __init__(self, config: SourceConfig) -> None:
        super().__init__(config)
        self.feed_urls = [urljoin(self.base_url + "/", feed) for feed in self.options["feeds"]]
        if not self.feed_urls:
            raise ConfigError(f"source {self.name!r}: option 'feeds' lists no feed")
        # Entries may link to the feeds' own hosts (and extra_hosts), nowhere else.
        self.outlet_hosts = frozenset(
            {
                *(urlsplit(url).hostname or "" for url in self.feed_urls),
                *self.options["extra_hosts"],
            }
        )
        self.allowed_hosts = frozenset(
            {*self.allowed_hosts, *(urlsplit(u).hostname or "" for u in self.feed_urls)}
        )

    def discover(
        self,
        fetcher: Fetcher,
        *,
        since: int | None = None,
        until: int | None = None,
        full: bool = False,
        known: Callable[[str], bool] | None = None,
    ) -> Iterator[Lead]:
        """The relevant entries of every feed; ``full`` changes nothing (feeds hold only their
        latest entries), ``since``/``until`` drop entries dated outside those years."""
        for feed_url in self.feed_urls:
            fetch_url = self.relocate(feed_url)
            page = self.list_page(fetcher, fetch_url, referer=None)
            for entry in parse_feed(page.body, feed_url):
                lead = self._lead(entry, fetch_url, since=since, until=until)
                if lead is not None:
                    yield lead

    def _lead(
        self, entry: FeedEntry, feed_url: str, *, since: int | None, until: int | None
    ) -> Lead | None:
        parts = urlsplit(entry.url)
        if parts.scheme not in ("http", "https") or not host_allowed(
            parts.hostname or "", parts.port, self.outlet_hosts
        ):
            log.debug("%s: entry off the outlet: %s", self.name, entry.url)
            return None
        year = entry.published.year if entry.published else None
        if year is not None and (
            (since is not None and year < since) or (until is not None and year > until)
        ):
            return None
        if not is_quota_entry(entry.title, entry.summary):
            return None
        url = self.relocate(urlunsplit(parts._replace(fragment="")))
        return Lead(url, self.name, entry.title or None, entry.published, feed_url)
