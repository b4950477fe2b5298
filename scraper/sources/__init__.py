"""Sources: where leads (URLs worth fetching) come from, one module per site or kind.

A source kind is a class registered under its ``kind`` with ``@register("kind")``; it is
built from a ``SourceConfig`` (``cls(config)``, raising ``ConfigError`` on a bad option) and
has ``name``, ``allowed_hosts`` and ``discover(fetcher, since=, until=, full=)``.

Paging rules shared by the listing sources (``walk_pages``), ``since``/``until`` in years:
- crawl (``full=False``): the first page, then further pages while a page still has quota
  rows the store does not know (``known``) or rows dated in or after ``since``; so a first
  crawl walks the whole history and a daily one reads one page;
- backfill (``full=True``): pages until one whose dated rows are all older than ``since``,
  or until the pages run out;
- rows dated before ``since`` or after ``until`` are skipped; undated rows are kept.
Only rows whose title speaks of a quota (``is_quota_title``) become leads.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar, NamedTuple, Protocol, TypeVar
from urllib.parse import urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup

from extractors import vocab
from extractors.errors import BlockedError, ChallengeError, ConfigError, HTTPStatusError
from extractors.normalize import to_simplified
from scraper.config import SourceConfig, SourcesConfig
from scraper.fetch import Fetcher, Page

log = logging.getLogger(__name__)

# A listing date: 2024-02-06, 2024/2/6, 2024.02.06, 2024年2月6日.
_DAY = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
# The first page of a static list and its numbered followers: index.html -> index_1.html.
_INDEX_PAGE = re.compile(r"index(\.s?html?)\Z")


@dataclass(frozen=True)
class Lead:
    """A URL a source thinks worth fetching, with what its listing said about it."""

    url: str
    source: str
    title: str | None = None
    published: date | None = None
    referer: str | None = None
    fetch_url: str | None = None  # what to download when it differs from url (an archive copy)


class Source(Protocol):
    name: str
    allowed_hosts: frozenset[str]

    def discover(
        self,
        fetcher: Fetcher,
        *,
        since: int | None = None,
        until: int | None = None,
        full: bool = False,
        known: Callable[[str], bool] | None = None,
    ) -> Iterator[Lead]: ...


REGISTRY: dict[str, type] = {}
_T = TypeVar("_T", bound=type)


def register(kind: str) -> Callable[[_T], _T]:
    """Class decorator: make a source class buildable as ``kind``; a kind registers once."""

    def add(cls: _T) -> _T:
        if kind in REGISTRY:
            raise ValueError(f"source kind {kind!r} is registered twice")
        REGISTRY[kind] = cls
        return cls

    return add


def build_sources(config: SourcesConfig, names: Collection[str] | None = None) -> list[Source]:
    """The sources to run: the named ones, or every enabled one, in the file's order."""
    known = {source.name: source for source in config.sources}
    if names is None:
        chosen = [source for source in config.sources if source.enabled]
    else:
        for name in names:
            if name not in known:
                have = ", ".join(known) or "none"
                raise ConfigError(f"{config.path}: unknown source {name!r} (sources: {have})")
        chosen = [source for source in config.sources if source.name in set(names)]
    built: list[Source] = []
    for source in chosen:
        cls = REGISTRY.get(source.kind)
        if cls is None:
            kinds = ", ".join(sorted(REGISTRY))
            raise ConfigError(
                f"{config.path}: source {source.name!r} has unknown kind {source.kind!r} "
                f"(kinds: {kinds})"
            )
        try:
            built.append(cls(source))
        except ConfigError as exc:
            raise ConfigError(f"{config.path}: {exc}") from None
    return built


# -- helpers for listing sources -------------------------------------------------------------


def is_quota_title(title: str | None) -> bool:
    """Loosely: names one of our commodities near a quota word (listing titles vary), with the
    vocabulary the fact rules read (``extractors.vocab``), traditional characters made simple."""
    return bool(title) and is_quota_entry(title, "")


def is_quota_entry(title: str | None, summary: str | None) -> bool:
    """A feed entry or search hit whose title or summary speaks of our quotas, as the page
    filter (``vocab.is_relevant``) reads a page: traditional characters made simple first."""
    return vocab.is_relevant(to_simplified(title or ""), to_simplified(summary or ""))


def quota_leads(routes: Iterable[Iterable[Lead]]) -> Iterator[Lead]:
    """The leads of a source's routes (lists, columns, searches) whose title speaks of a
    quota, each URL once, in the order the routes give them."""
    seen: set[str] = set()
    for route in routes:
        for lead in route:
            if lead.url not in seen and is_quota_title(lead.title):
                seen.add(lead.url)
                yield lead


def parse_day(text: str | None) -> date | None:
    match = _DAY.search(text or "")
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def next_index_path(first: str, number: int) -> str:
    """Page ``number`` (0 = the first) of a static list: ``index.html`` -> ``index_2.html``."""
    if number == 0:
        return first
    return _INDEX_PAGE.sub(rf"index_{number}\1", first)


def walk_pages(
    fetch_page: Callable[[int], list[Lead] | None],
    *,
    since: int | None,
    until: int | None,
    full: bool,
    max_pages: int,
    known: Callable[[str], bool] | None = None,
) -> Iterator[Lead]:
    """Rows of pages 0, 1, ... under the paging rules of the module docstring."""
    for number in range(max_pages):
        rows = fetch_page(number)
        if not rows:
            return
        for row in rows:
            year = row.published.year if row.published else None
            if year is not None and since is not None and year < since:
                continue
            if year is not None and until is not None and year > until:
                continue
            yield row
        years = [row.published.year for row in rows if row.published]
        if full:
            if since is not None and years and max(years) < since:
                return
            continue
        recent = since is not None and any(year >= since for year in years)
        unseen = known is not None and not all(
            known(row.url) for row in rows if is_quota_title(row.title)
        )
        if not (recent or unseen):
            return


class Window(NamedTuple):
    """Which rows a discovery wants: the paging arguments of ``walk_pages``."""

    since: int | None
    until: int | None
    full: bool
    known: Callable[[str], bool] | None


class ListingSource:
    """Common ground of the listing sources: options checked against ``DEFAULTS``, hosts."""

    kind: ClassVar[str] = ""
    # Option name -> default; a configured option must have the default's type.
    DEFAULTS: ClassVar[Mapping[str, Any]] = {}
    # The site's real host names; absolute links to them are rebased onto base_url (mirrors).
    CANONICAL_HOSTS: ClassVar[tuple[str, ...]] = ()
    # Official notices: the pipeline also fetches the files they attach (附件 tables).
    FOLLOWS_ATTACHMENTS: ClassVar[bool] = False

    def __init__(self, config: SourceConfig) -> None:
        self.name = config.name
        self.base_url = config.base_url
        self.options = self._options(config)
        extra = self.options.get("extra_hosts", [])
        host = urlsplit(config.base_url).hostname or ""
        self.allowed_hosts: frozenset[str] = frozenset({host, *extra})

    def _options(self, config: SourceConfig) -> dict[str, Any]:
        defaults = {"max_pages": 100, "extra_hosts": [], **self.DEFAULTS}
        options = dict(defaults)
        for key, value in config.options.items():
            if key not in defaults:
                known = ", ".join(sorted(defaults))
                raise ConfigError(f"source {self.name!r}: unknown option {key!r} (known: {known})")
            default = defaults[key]
            if type(value) is not type(default) or (
                isinstance(value, list) and not all(isinstance(item, str) for item in value)
            ):
                kind = type(default).__name__ + (" of strings" if isinstance(default, list) else "")
                raise ConfigError(f"source {self.name!r}: option {key!r} must be a {kind}")
            options[key] = value
        return options

    def absolute(self, href: str, page_url: str) -> str | None:
        """``href`` made absolute and moved onto base_url if it names the real site; None if
        it leaves the allowed hosts or is not http(s)."""
        url = urljoin(page_url, href.strip())
        parts = urlsplit(url)
        if parts.hostname and parts.hostname.lower() in self.CANONICAL_HOSTS:
            base = urlsplit(self.base_url)
            url = urlunsplit((base.scheme, base.netloc, parts.path, parts.query, ""))
            parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.hostname not in self.allowed_hosts:
            return None
        return urlunsplit(parts._replace(fragment=""))

    def list_page(self, fetcher: Fetcher, url: str, *, referer: str | None = None) -> Page:
        """A listing page, conditionally (unchanged lists cost a 304); a challenge or a block is
        logged and re-raised so the pipeline can mark the source and move on."""
        try:
            return fetcher.get(
                url, referer=referer, conditional=True, allowed_hosts=self.allowed_hosts
            )
        except (ChallengeError, BlockedError) as exc:
            log.warning("%s: list page not available: %s", self.name, exc)
            raise


class StaticListSource(ListingSource):
    """A site whose lists are static pages ``.../index.html``, ``index_1.html``, ... with one
    row per notice: a link (its ``title`` attribute or text) and a date. Subclasses give the
    selectors as data."""

    ROW_SELECTOR: ClassVar[str] = "li"  # one notice per match
    LINK_SELECTOR: ClassVar[str] = "a[href]"
    DATE_SELECTOR: ClassVar[str] = "span"  # rows without a date are navigation, not notices

    def discover(
        self,
        fetcher: Fetcher,
        *,
        since: int | None = None,
        until: int | None = None,
        full: bool = False,
        known: Callable[[str], bool] | None = None,
    ) -> Iterator[Lead]:
        lists = []
        for first in self.options["lists"]:
            first_url = self.base_url + first

            def fetch_page(number: int, first_url: str = first_url) -> list[Lead] | None:
                return self._page(fetcher, first_url, number)

            lists.append(
                walk_pages(
                    fetch_page,
                    since=since,
                    until=until,
                    full=full,
                    max_pages=self.options["max_pages"],
                    known=known,
                )
            )
        yield from quota_leads(lists)

    def _page(self, fetcher: Fetcher, first_url: str, number: int) -> list[Lead] | None:
        url = next_index_path(first_url, number)
        referer = next_index_path(first_url, number - 1) if number else self.base_url + "/"
        try:
            page = self.list_page(fetcher, url, referer=referer)
        except HTTPStatusError as exc:
            if number > 0 and exc.status == 404:
                return None  # past the last page
            raise
        return self.parse_rows(page.body, page.final_url)

    def parse_rows(self, html: bytes | str, page_url: str) -> list[Lead]:
        """The dated, linked rows of one list page, in page order."""
        rows = []
        for row in BeautifulSoup(html, "lxml").select(self.ROW_SELECTOR):
            link = row.select_one(self.LINK_SELECTOR)
            when = row.select_one(self.DATE_SELECTOR)
            day = parse_day(when.get_text()) if when is not None else None
            if link is None or day is None:
                continue
            url = self.absolute(str(link["href"]), page_url)
            if url is None:
                continue
            title = str(link.get("title") or "") or link.get_text(" ", strip=True)
            rows.append(Lead(url, self.name, title or None, day, page_url))
        return rows


# The built-in kinds register themselves on import; later kinds add their module here.
from scraper.sources import feeds, gdelt, govcn, miit, mnr, wayback  # noqa: E402

__all__ = [
    "REGISTRY",
    "Lead",
    "ListingSource",
    "Source",
    "StaticListSource",
    "Window",
    "build_sources",
    "feeds",
    "gdelt",
    "govcn",
    "is_quota_entry",
    "is_quota_title",
    "miit",
    "mnr",
    "parse_day",
    "quota_leads",
    "register",
    "walk_pages",
    "wayback",
]
