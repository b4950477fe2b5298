"""The news sources against the fixture mirror: feeds, GDELT windows, Wayback CDX captures."""

from __future__ import annotations

import itertools
import json
import logging
from datetime import UTC, date, datetime, timedelta
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit

import pytest

from extractors.errors import ConfigError
from scraper.config import SourceConfig, load_config
from scraper.fetch import Fetcher
from scraper.sources import Lead, build_sources
from scraper.sources.feeds import FeedSource, parse_feed
from scraper.sources.gdelt import DOC_PATH, GdeltSource, windows
from scraper.sources.wayback import CDX_PATH, WaybackSource, cdx_rows

try:
    from tests.mirror import GDELT, WAYBACK, Mirror
except ImportError:
    from mirror import GDELT, WAYBACK, Mirror  # type: ignore[no-redef]

MINING = "www.mining.com"
YAHOO = "finance.yahoo.com"
NOW = datetime(2025, 8, 1, 6, 0, tzinfo=UTC)
ATOM = "/feed/atom/index.xml"  # the file behind https://www.mining.com/feed/atom/


def configured(mirror: Mirror, name: str) -> SourceConfig:
    return load_config(mirror.sources_file).source(name)


def run(mirror: Mirror, source: Any, **window: Any) -> list[Lead]:
    with Fetcher(load_config(mirror.sources_file).fetch) as fetcher:
        return list(source.discover(fetcher, **window))


def gdelt(mirror: Mirror, now: datetime = NOW) -> GdeltSource:
    return GdeltSource(configured(mirror, "gdelt"), clock=lambda: now)


def wayback(mirror: Mirror, **options: Any) -> WaybackSource:
    config = configured(mirror, "wayback")
    merged = MappingProxyType({**config.options, **options})
    return WaybackSource(
        SourceConfig(config.name, config.kind, config.base_url, merged), clock=lambda: NOW
    )


# -- feeds -----------------------------------------------------------------------------------


def test_feeds_yield_relevant_entries_on_the_outlets_own_hosts(mirror: Mirror) -> None:
    source = FeedSource(configured(mirror, "feeds"))
    leads = run(mirror, source)
    by_path = {urlsplit(lead.url).path: lead for lead in leads}
    assert set(by_path) == {
        "/rare-earth-prices-slide-to-three-year-low-as-chinese-supply-swells",  # summary: quotas
        "/china-rare-earth-quota-growth-slows-to-21-in-2023-sources",
        "/chinas-first-round-of-2022-rare-earth-quotas-rises-20-to-100-8-kt",
        "/china-raises-2020-rare-earth-mining-quota-to-record-140000t",  # '#comments' dropped
        "/news/china-quietly-issued-first-batch-091512734.html",
    }
    # gold, magnets, reserves, stocks, oil and share moves are filtered out by the vocabulary;
    # the wire story the MINING.COM feed links on reuters.com is off the outlet
    assert not any("reuters" in lead.url for lead in leads)
    growth = by_path["/china-rare-earth-quota-growth-slows-to-21-in-2023-sources"]
    assert growth.url.startswith(mirror.base(MINING))
    assert growth.published == date(2023, 12, 27)
    assert growth.title == "China rare earth quota growth slows to 21% in 2023 – sources"
    yahoo = by_path["/news/china-quietly-issued-first-batch-091512734.html"]
    assert yahoo.url.startswith(mirror.base(YAHOO))
    assert yahoo.published == date(2025, 7, 18)
    assert all(lead.source == "feeds" and lead.fetch_url is None for lead in leads)


def test_feeds_drop_entries_outside_the_years(mirror: Mirror) -> None:
    source = FeedSource(configured(mirror, "feeds"))
    leads = run(mirror, source, since=2023, until=2024, full=True)
    assert sorted(lead.published.year for lead in leads if lead.published) == [2023, 2024]


def test_a_feed_declaring_entities_is_refused(
    mirror: Mirror, caplog: pytest.LogCaptureFixture
) -> None:
    laughs = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 9))
    hostile = (
        '<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY l0 "rare earth quota">' + laughs + "]>"
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&l8;</title>'
        '<link href="https://www.mining.com/china-rare-earth-quota"/></entry></feed>'
    )
    mirror.write_page(MINING, ATOM, hostile)
    with caplog.at_level(logging.WARNING):
        leads = run(mirror, FeedSource(configured(mirror, "feeds")))
    assert leads, "the other feed is still read"
    assert all(lead.url.startswith(mirror.base(YAHOO)) for lead in leads), "only Yahoo's entries"
    assert "declares XML entities" in caplog.text


def test_an_external_entity_is_refused_before_parsing() -> None:
    feed = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<rss><channel><item><title>rare earth quota &x;</title>"
        b"<link>https://www.mining.com/a</link></item></channel></rss>"
    )
    assert parse_feed(feed, "https://www.mining.com/feed/") == []


def test_a_plain_doctype_is_accepted_and_dates_keep_the_feeds_time_zone() -> None:
    feed = (
        b'<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"'
        b' "http://my.netscape.com/publish/formats/rss-0.91.dtd">'
        b'<rss version="0.91"><channel><title>t</title><item>'
        b"<title>Rare earth quota story</title><link>/news/1.html</link>"
        b"<pubDate>Thu, 08 Feb 2024 07:30:00 +0800</pubDate></item></channel></rss>"
    )
    [entry] = parse_feed(feed, "https://news.example.cn/rss.xml")
    assert entry.url == "https://news.example.cn/news/1.html"
    assert entry.published == date(2024, 2, 8), "the Beijing day, not the UTC one (7 Feb)"


def test_feeds_need_a_feed() -> None:
    config = SourceConfig("feeds", "feeds", "https://www.mining.com", MappingProxyType({}))
    with pytest.raises(ConfigError, match="feeds"):
        FeedSource(config)


# -- GDELT -----------------------------------------------------------------------------------


def gdelt_requests(mirror: Mirror) -> list[dict[str, list[str]]]:
    return [r.query for r in mirror.requests_to(GDELT) if r.route == DOC_PATH]


def test_gdelt_crawl_asks_for_the_last_days_and_keeps_the_listed_outlets(mirror: Mirror) -> None:
    leads = run(mirror, gdelt(mirror))
    asked = gdelt_requests(mirror)
    assert len(asked) == 2, "one window, two queries"
    for query in asked:
        assert query["mode"] == ["ArtList"] and query["format"] == ["json"]
        assert query["startdatetime"] == ["20250730060000"]
        assert query["enddatetime"] == ["20250801060000"]
    hosts = {urlsplit(lead.url).port for lead in leads}
    assert all(lead.url.startswith("http://127.0.0.1:") for lead in leads)
    assert len(hosts) >= 8, "articles of many outlets, each served by its mirror host"
    assert not any("example-news" in lead.url for lead in leads), "not a listed outlet"
    assert len(leads) == 8 + 6  # 11 English records: one off-list, one without URL, one ftp
    reuters = [lead for lead in leads if lead.url.endswith("growth-slows-2024-02-07")]
    assert reuters[0].published == date(2024, 2, 7)
    assert reuters[0].title == "China issues first batch of 2024 rare earth quotas, growth slows"


def test_gdelt_backfill_walks_windows_back_to_its_reach(mirror: Mirror) -> None:
    run(mirror, gdelt(mirror), since=2010, full=True)
    asked = gdelt_requests(mirror)
    spans = sorted({(q["startdatetime"][0], q["enddatetime"][0]) for q in asked}, reverse=True)
    assert len(asked) == 2 * len(spans)
    assert spans[0][1] == "20250801060000"
    assert spans[-1][0] == (NOW - timedelta(days=90)).strftime("%Y%m%d%H%M%S")
    for (start, _), (_, end) in itertools.pairwise(spans):
        assert start == end, "windows meet without gaps"


@pytest.mark.parametrize(
    ("since", "until", "first_start", "count"),
    [
        (2010, None, datetime(2025, 5, 3, 6, 0, tzinfo=UTC), 13),  # 90 days, 7 a window
        (2025, None, datetime(2025, 5, 3, 6, 0, tzinfo=UTC), 13),
        (2025, 2025, datetime(2025, 5, 3, 6, 0, tzinfo=UTC), 13),
        (2010, 2024, None, 0),  # all before GDELT's reach
    ],
)
def test_gdelt_windows(
    since: int, until: int | None, first_start: datetime | None, count: int
) -> None:
    found = windows(
        NOW, full=True, since=since, until=until, crawl_days=2, window_days=7, reach_days=90
    )
    assert len(found) == count
    if found:
        assert found[-1].start == first_start and found[0].end == NOW
        assert all(w.end - w.start <= timedelta(days=7) for w in found)


def test_gdelt_window_starts_at_since_when_inside_the_reach() -> None:
    found = windows(
        datetime(2025, 1, 20, tzinfo=UTC),
        full=True,
        since=2025,
        until=None,
        crawl_days=2,
        window_days=7,
        reach_days=90,
    )
    assert found[-1].start == datetime(2025, 1, 1, tzinfo=UTC)
    assert len(found) == 3  # 20 -> 13 -> 6 -> 1 January


def test_gdelt_answer_that_is_not_json_gives_no_leads(
    mirror: Mirror, caplog: pytest.LogCaptureFixture
) -> None:
    folder = mirror.root / GDELT / DOC_PATH.lstrip("/")
    for file in folder.glob("*.json"):
        file.write_text("Your search contained a phrase that was too short.\n")
    with caplog.at_level(logging.WARNING):
        assert run(mirror, gdelt(mirror)) == []
    assert "not JSON" in caplog.text


def test_gdelt_needs_queries_and_domains() -> None:
    for options in ({"domains": ["reuters.com"]}, {"queries": ["rare earth quota"]}):
        config = SourceConfig(
            "gdelt", "gdelt", "https://api.gdeltproject.org", MappingProxyType(options)
        )
        with pytest.raises(ConfigError):
            GdeltSource(config)


# -- Wayback ---------------------------------------------------------------------------------


def cdx_requests(mirror: Mirror) -> list[dict[str, list[str]]]:
    return [r.query for r in mirror.requests_to(WAYBACK) if r.route == CDX_PATH]


def test_wayback_backfill_turns_captures_into_leads_for_their_original_urls(
    mirror: Mirror, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        leads = run(mirror, wayback(mirror), since=2010, full=True)
    by_url = {lead.url: lead for lead in leads}
    first = "https://www.mining.com/china-raises-2020-rare-earth-mining-quota-to-record-140000t"
    assert by_url[first].published == date(2020, 8, 28), "the earliest of two captures"
    assert by_url[first].fetch_url == (f"{mirror.base(WAYBACK)}/web/20200828031522id_/{first}")
    old = "http://www.miit.gov.cn/n1146295/n1652858/n1652930/n3757016/c7471234/content.html"
    assert by_url[old].published == date(2019, 12, 30)
    assert not any("gold-price" in url for url in by_url), "outside the prefix's URL filter"
    assert not any(url.endswith(".jpg") for url in by_url), "not a page"
    assert not any("quota-gone" in url or "without-scheme" in url for url in by_url)
    assert len(leads) == len(by_url) == 3 + 2 + 3 + 2
    # broken rows: a short one, a non-list, a number cell, a bad timestamp, a scheme-less
    # original, a 404 and a 302: each skipped with a warning
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len([w for w in warnings if "skipping" in w.getMessage()]) == 7


def test_wayback_asks_the_cdx_api_as_documented(mirror: Mirror) -> None:
    run(mirror, wayback(mirror), since=2012, until=2021, full=True)
    asked = {q["url"][0]: q for q in cdx_requests(mirror)}
    assert set(asked) == {prefix + "*" for prefix in wayback(mirror).options["prefixes"]}
    mining = asked["www.mining.com/*"]
    assert mining["output"] == ["json"] and mining["collapse"] == ["digest"]
    assert mining["from"] == ["2012"] and mining["to"] == ["2021"]
    assert mining["filter"] == ["statuscode:200", "original:.*(?:rare-earth|tungsten|antimony).*"]
    assert asked["www.miit.gov.cn/jgsj/ycls/wjfb/art/*"]["filter"] == ["statuscode:200"]


def test_wayback_drops_captures_outside_the_years(mirror: Mirror) -> None:
    leads = run(mirror, wayback(mirror), since=2021, until=2022, full=True)
    years = sorted(lead.published.year for lead in leads if lead.published)
    # the 2021 capture of the 2020 story stands in for its 2020 one, which is out of range
    assert years == [2021, 2021, 2022]
    assert not any("2010-07-08" in lead.url or "/art/2024/" in lead.url for lead in leads)


def test_wayback_is_skipped_by_crawl_unless_asked(mirror: Mirror) -> None:
    assert run(mirror, wayback(mirror)) == []
    assert cdx_requests(mirror) == []
    leads = run(mirror, wayback(mirror, in_crawl=True))
    assert {q["from"][0] for q in cdx_requests(mirror)} == {"2024"}
    assert {lead.published.year for lead in leads if lead.published} <= {2024, 2025}


def test_a_capture_url_serves_the_archived_page(mirror: Mirror) -> None:
    [lead] = [
        lead
        for lead in run(mirror, wayback(mirror), since=2010, full=True)
        if lead.url.endswith("art_07793024127b6d7169918a231e04fe96.html")
    ]
    assert lead.fetch_url is not None
    with Fetcher(load_config(mirror.sources_file).fetch) as fetcher:
        page = fetcher.get(lead.fetch_url, allowed_hosts=wayback(mirror).allowed_hosts)
    original = mirror.root / "www.miit.gov.cn" / urlsplit(lead.url).path.lstrip("/")
    assert page.body == original.read_bytes()


@pytest.mark.parametrize(
    ("body", "rows"),
    [
        (b"<html>503 Service Unavailable</html>", 0),
        (b"[]", 0),
        (b'[["20200101000000","https://a.example/"]]', 0),  # no header row
        (json.dumps([["urlkey", "timestamp", "original"], ["k", "20200101", "https://a/"]]), 1),
    ],
)
def test_cdx_rows(body: bytes | str, rows: int) -> None:
    raw = body.encode() if isinstance(body, str) else body
    assert len(cdx_rows(raw, "test")) == rows


def test_the_packaged_news_sources_build() -> None:
    built = {source.name: source for source in build_sources(load_config())}
    assert isinstance(built["feeds"], FeedSource)
    assert isinstance(built["gdelt"], GdeltSource)
    assert isinstance(built["wayback"], WaybackSource)
    assert "reuters.com" in built["gdelt"].allowed_hosts
    assert built["wayback"].allowed_hosts == frozenset({"web.archive.org"})
