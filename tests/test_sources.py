"""Each source's discover() against the fixture mirror, and the registry."""

from __future__ import annotations

import json
import logging
import shutil
from datetime import date
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit

import pytest

from extractors.errors import BlockedError, ChallengeError, ConfigError
from scraper.config import SourceConfig, SourcesConfig, load_config
from scraper.fetch import Fetcher, FetchSettings
from scraper.sources import (
    REGISTRY,
    Lead,
    Source,
    build_sources,
    is_quota_title,
    register,
    walk_pages,
)
from scraper.sources.miit import API_PATH, MiitListing, unit_params

try:
    from tests.mirror import MIIT, Mirror
except ImportError:
    from mirror import MIIT, Mirror  # type: ignore[no-redef]

MNR = "www.mnr.gov.cn"
GOV = "www.gov.cn"
ART = "/jgsj/ycls/wjfb/art"
CHALLENGE_ROW = f"{ART}/2024/art_34e96fee84374b7e9e4da3c239250d4b.html"
# The MIIT notices of fixtures/README.md, by the year the listing dates them.
MIIT_NOTICES = {
    f"{ART}/2024/art_0073ece9e5b52d9f211ddcb253ea01cd.html": 2024,
    f"{ART}/2024/art_07793024127b6d7169918a231e04fe96.html": 2024,
    f"{ART}/2023/art_64de32cca4fa08f3e58cfe57702b0c2a.html": 2023,
    f"{ART}/2023/art_b06f8b2713cdf6a0446598a9855e59bd.html": 2023,
    f"{ART}/2023/art_af41e6d9500e85dd98b2d1f29f149793.html": 2023,
    f"{ART}/2022/art_69bd3115dc29ea9c53f6f244737337ba.html": 2022,
    f"{ART}/2022/art_ad9f553eacb0bfc92ba0d67a28ebb19e.html": 2022,
    f"{ART}/2021/art_09d95e269e8f101cf5efbeb04d13d265.html": 2021,
    f"{ART}/2020/art_67fe18f6c78114bfb5479f49df91901f.html": 2020,
    "/n1146295/n1652858/n1652930/n3757016/c7471234/content.html": 2019,
    "/n1146295/n1652858/n1652930/n3757016/c6078871/content.html": 2018,
    CHALLENGE_ROW: 2024,
}
WJFB_PAGE_ID = "1b56e5adc362428299dfc3eb444fe23a"
TZ_PAGE_ID = "5a6fcd7c1e8e4b2a9f0d3c8e7b6a4f21"


def sources_of(mirror: Mirror) -> dict[str, Source]:
    return {source.name: source for source in build_sources(load_config(mirror.sources_file))}


def fetcher_for(mirror: Mirror, **kwargs: Any) -> Fetcher:
    return Fetcher(load_config(mirror.sources_file).fetch, **kwargs)


def discover(mirror: Mirror, name: str, **window: Any) -> list[Lead]:
    with fetcher_for(mirror) as fetcher:
        return list(sources_of(mirror)[name].discover(fetcher, **window))


def paths(leads: list[Lead]) -> list[str]:
    return [urlsplit(lead.url).path for lead in leads]


def list_api_pages(mirror: Mirror, page_id: str = WJFB_PAGE_ID) -> list[int]:
    pages = []
    for request in mirror.requests_to(MIIT):
        if request.route == API_PATH and request.query["pageId"] == [page_id]:
            pages.append(json.loads(request.query["paramJson"][0])["pageNo"])
    return pages


# -- MIIT ------------------------------------------------------------------------------------


def _miit(mirror: Mirror, **options: Any) -> MiitListing:
    config = SourceConfig("miit", "miit", mirror.base(MIIT), MappingProxyType(options))
    return MiitListing(config)


def _leads(mirror: Mirror, source: Source, **window: Any) -> list[Lead]:
    with fetcher_for(mirror) as fetcher:
        return list(source.discover(fetcher, **window))


def test_miit_crawl_reads_the_first_list_page_of_each_column(mirror: Mirror) -> None:
    leads = _leads(mirror, _miit(mirror))  # the default columns, no search
    found = paths(leads)
    newest = list(MIIT_NOTICES)
    # page 1 of the first column, in page order; the tz column repeats two of them
    assert found == [newest[0], CHALLENGE_ROW, newest[1], newest[2]]
    assert list_api_pages(mirror) == [1]
    assert list_api_pages(mirror, TZ_PAGE_ID) == [1]
    assert all(lead.source == "miit" and is_quota_title(lead.title) for lead in leads)
    assert all(lead.url.startswith(mirror.base(MIIT)) for lead in leads)


def test_miit_crawl_with_the_shipped_options_adds_the_search(mirror: Mirror) -> None:
    leads = discover(mirror, "miit")
    found = paths(leads)
    assert len(found) == len(set(found)), "leads are deduplicated across columns and search"
    assert sorted(found) == sorted(MIIT_NOTICES), "the search answer lists every notice"
    assert list_api_pages(mirror) == [1]


def test_miit_list_rows_carry_title_date_and_the_column_as_referer(mirror: Mirror) -> None:
    leads = {urlsplit(lead.url).path: lead for lead in discover(mirror, "miit")}
    lead = leads[f"{ART}/2024/art_0073ece9e5b52d9f211ddcb253ea01cd.html"]
    assert lead.title is not None and "2024年第二批" in lead.title and "..." not in lead.title
    assert lead.published == date(2024, 8, 19)
    assert lead.referer == mirror.url(MIIT, "/jgsj/ycls/wjfb/index.html")


def test_miit_list_api_request_is_built_from_the_column_shell(mirror: Mirror) -> None:
    discover(mirror, "miit")
    [first] = [r for r in mirror.requests_to(MIIT) if r.route == API_PATH][:1]
    assert first.headers["referer"] == mirror.url(MIIT, "/jgsj/ycls/wjfb/index.html")
    assert first.query["webId"] == ["8d828e408d90447786ddbe128d495e9e"]
    assert first.query["parseType"] == ["buildstatic"]
    assert json.loads(first.query["paramJson"][0]) == {"pageNo": 1, "pageSize": "24"}


def test_miit_reads_page_id_at_run_time(mirror: Mirror) -> None:
    new_id = "00112233445566778899aabbccddeeff"
    shell = mirror.root / MIIT / "jgsj/ycls/wjfb/index.html"
    shell.write_text(shell.read_text(encoding="utf-8").replace(WJFB_PAGE_ID, new_id), "utf-8")
    unit = mirror.root / MIIT / API_PATH.lstrip("/")
    shutil.move(unit / WJFB_PAGE_ID, unit / new_id)
    found = paths(_leads(mirror, _miit(mirror), since=2018, full=True))
    assert "/n1146295/n1652858/n1652930/n3757016/c6078871/content.html" in found
    assert list_api_pages(mirror, new_id) == [1, 2, 3, 4]
    assert list_api_pages(mirror, WJFB_PAGE_ID) == []


def test_unit_params_takes_the_list_script_not_the_navigation_one(mirror: Mirror) -> None:
    shell = (mirror.root / MIIT / "jgsj/ycls/wjfb/index.html").read_bytes()
    params = unit_params(shell)
    assert params is not None and params["pageId"] == WJFB_PAGE_ID
    assert params["tagId"] == "右侧内容"
    assert unit_params(b"<html><script src='/x.js'></script></html>") is None


def test_miit_backfill_reaches_the_2018_notice(mirror: Mirror) -> None:
    leads = _leads(mirror, _miit(mirror), since=2018, full=True)
    assert sorted(paths(leads)) == sorted(MIIT_NOTICES)
    assert list_api_pages(mirror) == [1, 2, 3, 4]  # page 4 is the API's empty answer
    old = next(lead for lead in leads if lead.url.endswith("c6078871/content.html"))
    assert old.url == mirror.url(MIIT, "/n1146295/n1652858/n1652930/n3757016/c6078871/content.html")
    assert old.published == date(2018, 2, 12) and old.title and "计划" in old.title


def test_miit_backfill_stops_at_the_first_page_older_than_since(mirror: Mirror) -> None:
    leads = _leads(mirror, _miit(mirror), since=2024, full=True)
    assert {MIIT_NOTICES[path] for path in paths(leads)} == {2024}
    assert list_api_pages(mirror) == [1, 2]


def test_miit_backfill_skips_rows_newer_than_until(mirror: Mirror) -> None:
    leads = _leads(mirror, _miit(mirror), since=2019, until=2020, full=True)
    assert sorted(MIIT_NOTICES[path] for path in paths(leads)) == [2019, 2020]


def test_miit_crawl_with_since_pages_while_rows_are_recent_enough(mirror: Mirror) -> None:
    discover(mirror, "miit", since=2023)
    assert list_api_pages(mirror) == [1, 2, 3]  # page 2 still has 2023 rows, page 3 none


def test_miit_search_route(mirror: Mirror) -> None:
    source = _miit(mirror, columns=[], search_queries=["稀土总量控制指标"])
    leads = {urlsplit(lead.url).path: lead for lead in _leads(mirror, source)}
    # every notice but the challenge row; the gov.cn result is off-site, and the
    # 规范条件 result is no quota notice
    assert sorted(leads) == sorted(set(MIIT_NOTICES) - {CHALLENGE_ROW})
    highlighted = leads[f"{ART}/2024/art_0073ece9e5b52d9f211ddcb253ea01cd.html"]
    assert highlighted.title is not None and "<em>" not in highlighted.title
    grouped = leads[f"{ART}/2023/art_64de32cca4fa08f3e58cfe57702b0c2a.html"]
    assert grouped.published == date(2023, 12, 26)  # from deploytime, in Beijing time
    old = leads["/n1146295/n1652858/n1652930/n3757016/c6078871/content.html"]
    assert old.url.startswith(mirror.base(MIIT)), "http://www.miit.gov.cn links are rebased"


def test_miit_search_without_results_yields_nothing(mirror: Mirror) -> None:
    source = _miit(mirror, columns=[], search_queries=["没有结果的查询"])
    assert _leads(mirror, source, since=2018, full=True) == []
    assert [r.status for r in mirror.requests_to(MIIT) if "search" in r.route] == [200]


def test_unchanged_lists_cost_a_304_the_second_time(mirror: Mirror) -> None:
    class Cache(dict[str, Any]):
        def put(self, url: str, **fields: Any) -> None:
            self[url] = tuple(fields[k] for k in ("etag", "last_modified", "content_type", "body"))

    cache = Cache()
    with fetcher_for(mirror, cache=cache) as fetcher:
        source = sources_of(mirror)["miit"]
        first = list(source.discover(fetcher))
        mirror.clear_log()
        second = list(source.discover(fetcher))
    assert first == second
    statuses = {r.status for r in mirror.requests_to(MIIT) if not r.route.endswith("robots.txt")}
    assert statuses == {304}


def test_a_challenge_on_a_list_page_is_logged_and_raised(
    mirror: Mirror, caplog: pytest.LogCaptureFixture
) -> None:
    mirror.add_challenge(MIIT, "/jgsj/ycls/wjfb/index.html", "412")
    with caplog.at_level(logging.WARNING), pytest.raises(ChallengeError):
        discover(mirror, "miit")
    assert any("miit" in r.getMessage() and "412" in r.getMessage() for r in caplog.records)


def test_the_challenge_row_is_a_lead_and_its_page_a_challenge(mirror: Mirror) -> None:
    [lead] = [lead for lead in discover(mirror, "miit") if lead.url.endswith(CHALLENGE_ROW)]
    with fetcher_for(mirror) as fetcher, pytest.raises(ChallengeError):
        fetcher.get(lead.url, referer=lead.referer)


# -- MNR and gov.cn --------------------------------------------------------------------------


def test_mnr_crawl_reads_the_first_list_page(mirror: Mirror) -> None:
    [lead] = discover(mirror, "mnr")
    assert lead.url == mirror.url(MNR, "/gk/tzgg/202003/t20200325_2503561.html")
    assert lead.published == date(2020, 3, 25)
    assert lead.title is not None and "稀土矿钨矿" in lead.title
    assert lead.referer == mirror.url(MNR, "/gk/tzgg/index.html")
    assert [r.route for r in mirror.requests_to(MNR)] == ["/robots.txt", "/gk/tzgg/index.html"]


def test_mnr_backfill_pages_until_the_pages_run_out(mirror: Mirror) -> None:
    leads = discover(mirror, "mnr", since=2019, full=True)
    assert paths(leads) == ["/gk/tzgg/202003/t20200325_2503561.html"]
    routes = [(r.route, r.status) for r in mirror.requests_to(MNR)][1:]
    assert routes == [
        ("/gk/tzgg/index.html", 200),
        ("/gk/tzgg/index_1.html", 200),
        ("/gk/tzgg/index_2.html", 404),
    ]


def test_robots_blocking_a_list_is_logged_and_raised(
    mirror: Mirror, caplog: pytest.LogCaptureFixture
) -> None:
    mirror.write_page(MNR, "/robots.txt", "User-agent: *\nDisallow: /gk/\n")
    with caplog.at_level(logging.WARNING), pytest.raises(BlockedError):
        discover(mirror, "mnr")
    assert any("mnr" in r.getMessage() for r in caplog.records)


def test_govcn_crawl_and_backfill(mirror: Mirror) -> None:
    assert paths(discover(mirror, "govcn")) == ["/zhengce/zhengceku/202402/content_6931234.htm"]
    leads = discover(mirror, "govcn", since=2022, full=True)
    assert [(lead.url, lead.published) for lead in leads] == [
        (mirror.url(GOV, "/zhengce/zhengceku/202402/content_6931234.htm"), date(2024, 2, 7)),
        # listed with an absolute https://www.gov.cn link: moved onto the mirror
        (mirror.url(GOV, "/zhengce/zhengceku/2022-07/28/content_5703123.htm"), date(2022, 7, 28)),
    ]


# -- paging rules, titles, registry ----------------------------------------------------------


def _rows(*years: int) -> list[Lead]:
    return [
        Lead(f"http://x/{year}/{i}", "t", "t", date(year, 6, 1)) for i, year in enumerate(years)
    ]


@pytest.mark.parametrize(
    ("window", "pages_read", "years_kept"),
    [
        ({}, 1, [2024, 2023]),
        ({"since": 2023}, 3, [2024, 2023, 2023]),  # page 2 still has a 2023 row
        ({"since": 2022, "full": True}, 3, [2024, 2023, 2023, 2022]),
        ({"since": 2000, "full": True}, 4, [2024, 2023, 2023, 2022, 2021, 2019]),
        ({"since": 2000, "until": 2022, "full": True}, 4, [2022, 2021, 2019]),
    ],
)
def test_walk_pages(window: dict[str, Any], pages_read: int, years_kept: list[int]) -> None:
    pages = [_rows(2024, 2023), _rows(2023, 2022), _rows(2021, 2019), []]
    read: list[int] = []

    def fetch_page(number: int) -> list[Lead] | None:
        read.append(number)
        return pages[number] if number < len(pages) else None

    window = {"since": None, "until": None, "full": False, **window}
    kept = list(walk_pages(fetch_page, max_pages=10, **window))
    assert [lead.published.year for lead in kept if lead.published] == years_kept
    assert len(read) == pages_read


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("工业和信息化部 自然资源部关于下达2024年第一批稀土开采、冶炼分离总量控制指标的通知", True),
        ("工业和信息化部关于下达2018年度稀土生产总量控制计划的通知", True),
        ("自然资源部关于下达2020年度稀土矿钨矿开采总量控制指标（第一批）的通知", True),
        ("商务部关于公布2012年稀土出口配额的通知", True),
        ("關於下達鎢礦開採總量控制指標的通知", True),
        ("关于开展稀土产品追溯信息系统填报工作的通知", False),
        ("工业和信息化部关于下达2024年工业节能监察任务计划的通知", False),
        (None, False),
    ],
)
def test_is_quota_title(title: str | None, expected: bool) -> None:
    assert is_quota_title(title) is expected


def test_registering_a_kind_twice_raises() -> None:
    with pytest.raises(ValueError, match="miit"):
        register("miit")(type("Again", (), {}))
    assert REGISTRY["miit"] is MiitListing


def _config(*sources: SourceConfig) -> SourcesConfig:
    return SourcesConfig(fetch=FetchSettings(), sources=sources, path="test.toml")


def _source(name: str, kind: str, **options: Any) -> SourceConfig:
    return SourceConfig(name, kind, "https://www.miit.gov.cn", MappingProxyType(options))


def test_build_sources_builds_the_packaged_sources() -> None:
    built = build_sources(load_config())
    assert [source.name for source in built] == [
        "miit",
        "mnr",
        "govcn",
        "feeds",
        "gdelt",
        "wayback",
    ]
    official = {source.name: sorted(source.allowed_hosts) for source in built[:3]}
    assert official == {
        "miit": ["www.miit.gov.cn"],
        "mnr": ["www.mnr.gov.cn"],
        "govcn": ["www.gov.cn"],
    }
    news = {source.name: source.allowed_hosts for source in built[3:]}
    assert "web.archive.org" in news["wayback"]
    assert "api.gdeltproject.org" in news["gdelt"]
    assert {"www.mining.com", "finance.yahoo.com"} <= news["feeds"]


@pytest.mark.parametrize(
    ("sources", "names", "message"),
    [
        ((_source("miit", "miit"),), ["nope"], "unknown source 'nope'"),
        ((_source("x", "rss"),), None, "unknown kind 'rss'"),
        ((_source("miit", "miit", colums=["/a"]),), None, "unknown option 'colums'"),
        ((_source("miit", "miit", page_size="24"),), None, "'page_size' must be a int"),
        ((_source("miit", "miit", columns="/a"),), None, "'columns' must be a list"),
    ],
)
def test_build_sources_errors(
    sources: tuple[SourceConfig, ...], names: list[str] | None, message: str
) -> None:
    with pytest.raises(ConfigError, match=message) as caught:
        build_sources(_config(*sources), names)
    assert str(caught.value).startswith("test.toml: ")


def test_disabled_sources_run_only_when_named() -> None:
    off = SourceConfig("mnr", "mnr", "https://www.mnr.gov.cn", MappingProxyType({}), enabled=False)
    config = _config(_source("miit", "miit"), off)
    assert [s.name for s in build_sources(config)] == ["miit"]
    assert [s.name for s in build_sources(config, ["mnr"])] == ["mnr"]
