"""The table of site rules: where each site keeps a page's title, date and main text.

A rule is data: XPath expressions tried in order. ``choose_rule`` picks the rule for a page by
its URL host, confirmed by the rule's detection expression; a page from an unknown host (the
local mirror on 127.0.0.1, a repost) is matched by the government rules' markers alone, or by
the host its ``<link rel="canonical">`` or ``og:url`` names (news rules, whose markers are too
common to trust on any page); anything else gets the generic rule, which hands the page to
trafilatura. News rules give only the article's own paragraphs and leave title and date to the
generic readers (meta tags, JSON-LD). When a site changes its layout, add a new rule beside the
old one (``miit_old`` stays for backfills of pre-2020 pages).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from lxml import etree, html


@dataclass(frozen=True)
class SiteRule:
    name: str
    hosts: tuple[str, ...]
    detect: str  # XPath, true for pages with this layout
    title: tuple[str, ...] = ()  # XPaths giving strings or elements; the first non-empty wins
    date: tuple[str, ...] = ()  # XPaths giving strings or elements holding the publication date
    # XPaths of the main-text elements (a union "a | b" keeps document order); first match wins
    body: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()  # XPaths (relative to the body) of elements that are not text
    metabox: bool = False  # the page carries a 发文字号/成文日期/发布日期 label box
    generic: bool = False  # no site knowledge: trafilatura reads the body
    # detection alone may claim a page from any host (False: only its hosts, or a page that
    # names one of them as its canonical URL)
    by_markers: bool = True


# Blocks inside government article bodies that are not text: share bars, print/close links.
GOV_DROP = (
    ".//*[contains(@class, 'share') or contains(@id, 'share')]",
    ".//*[contains(@class, 'print') or contains(@id, 'print')]",
    ".//*[contains(@class, 'bdsharebuttonbox')]",
)


def _news(name: str, host: str, body: str, drop: tuple[str, ...] = ()) -> SiteRule:
    """A news site's rule: the article body's container is both its marker and its text."""
    return SiteRule(
        name=name,
        hosts=(host,),
        detect=f"boolean({body.split(' | ')[-1]})",
        body=(body,),
        drop=drop,
        by_markers=False,
    )


# News sites: the article's paragraphs only, so these pages skip trafilatura. Credits, copyright
# lines and data statements inside the container are dropped; a standfirst or summary is kept.
NEWS_RULES: tuple[SiteRule, ...] = (
    # Reuters (Arc): div.article-body__content holds the paragraphs and the sign-off line.
    _news("reuters", "www.reuters.com", "//div[contains(@class, 'article-body__content')]"),
    # MINING.COM (WordPress): div.entry-content.
    _news("mining_com", "www.mining.com", "//div[contains(@class, 'entry-content')]"),
    # SMM English news: div.news-content (the data source statement sits outside it).
    _news("smm", "news.metal.com", "//div[@class='news-content']"),
    # Fastmarkets insights: the standfirst, then div.insight-body.
    _news(
        "fastmarkets",
        "www.fastmarkets.com",
        "//p[contains(@class, 'insight-standfirst')] | //div[contains(@class, 'insight-body')]",
    ),
    # Argus: div.article-content, minus the dateline byline, sign-off, feedback and copyright.
    _news(
        "argus",
        "www.argusmedia.com",
        "//div[@class='article-content']",
        drop=(
            "./p[@class='byline' or @class='author-signoff' or @class='feedback'"
            " or @class='copyright']",
        ),
    ),
    # Yahoo Finance: div.body inside div.body-wrap (the disclaimer sits outside).
    _news("yahoo", "finance.yahoo.com", "//div[contains(@class, 'body-wrap')]"),
    # MarketScreener: div.article-text (the copyright line sits outside).
    _news("marketscreener", "www.marketscreener.com", "//div[contains(@class, 'article-text')]"),
    # Sina Finance: div#artibody, minus the 责任编辑 line.
    _news(
        "sina",
        "finance.sina.com.cn",
        "//div[@id='artibody']",
        drop=("./p[contains(@class, 'article-editor')]",),
    ),
    # CLS (财联社) telegraph and article pages: div.detail-content.
    _news("cls", "www.cls.cn", "//div[@class='detail-content']"),
    # STCN (证券时报网): div.detail-content.
    _news("stcn", "www.stcn.com", "//div[@class='detail-content']"),
    # Yicai (第一财经): the summary box, then div#multi-text.
    _news(
        "yicai",
        "www.yicai.com",
        "//div[contains(@class, 'm-summary')] | //div[@id='multi-text']",
    ),
)

RULES: tuple[SiteRule, ...] = (
    # MIIT detail pages since 2020 (Hanweb jpaas): meta ArticleTitle/PubDate, div.ccontent#con_con.
    SiteRule(
        name="miit",
        hosts=("www.miit.gov.cn", "miit.gov.cn"),
        detect="boolean(//meta[@name='ArticleTitle'] and //*[@id='con_con'])",
        title=("//meta[@name='ArticleTitle']/@content", "//h1[@id='con_title']"),
        date=("//meta[@name='PubDate']/@content", "//*[@id='con_time']"),
        body=("//div[@id='con_con'] | //div[contains(@class, 'fujian')]",),
        drop=GOV_DROP,
        metabox=True,
    ),
    # MIIT before 2020 (/n1146295/... content.html): TRS layout, no jpaas meta tags.
    SiteRule(
        name="miit_old",
        hosts=("www.miit.gov.cn", "miit.gov.cn"),
        detect="boolean(//*[@id='con_con'] or //*[@id='con_title'])",
        title=("//*[@id='con_title']", "//meta[@name='ArticleTitle']/@content"),
        date=("//*[@id='con_time']", "//meta[@name='PubDate']/@content"),
        body=("//*[@id='con_con']",),
        drop=GOV_DROP,
        metabox=True,
    ),
    # www.gov.cn policy library (zhengceku): label table, body in #UCAP-CONTENT / .pages_content.
    SiteRule(
        name="govcn",
        hosts=("www.gov.cn", "gov.cn"),
        detect=(
            "boolean(//*[@id='UCAP-CONTENT'] or //div[contains(@class, 'pages_content')]"
            " or //meta[@name='firstpublishedtime'])"
        ),
        title=("//meta[@name='ArticleTitle']/@content", "//h1"),
        date=(
            "//meta[@name='firstpublishedtime']/@content",
            "//meta[@name='PubDate']/@content",
            "//*[contains(@class, 'pages-date')]",
        ),
        body=("//*[@id='UCAP-CONTENT']", "//div[contains(@class, 'pages_content')]"),
        drop=GOV_DROP,
        metabox=True,
    ),
    # MNR notices (www.mnr.gov.cn): classic TRS static page, body in div.TRS_Editor.
    SiteRule(
        name="mnr",
        hosts=("www.mnr.gov.cn", "mnr.gov.cn"),
        detect="boolean(//div[contains(@class, 'TRS_Editor')])",
        title=(
            "//meta[@name='ArticleTitle']/@content",
            "//*[contains(@class, 'title')][self::h1 or self::h2 or self::div][1]",
            "//h1",
        ),
        date=(
            "//meta[@name='PubDate']/@content",
            "//*[contains(@class, 'time') or contains(@class, 'date')]",
        ),
        body=("//div[contains(@class, 'TRS_Editor')] | //div[@class='fj']",),
        drop=GOV_DROP,
        metabox=True,
    ),
    *NEWS_RULES,
)

GENERIC = SiteRule(name="generic", hosts=(), detect="true()", generic=True)
# Plain-text pages (read_text): no markup, so no selectors.
TEXT = SiteRule(name="text", hosts=(), detect="false()", generic=True)


def _check_registry(rules: Iterable[SiteRule]) -> None:
    names = [rule.name for rule in rules]
    duplicates = {name for name in names if names.count(name) > 1}
    if duplicates:
        raise ValueError(f"duplicate site rule names: {sorted(duplicates)}")


_check_registry((*RULES, GENERIC, TEXT))


@cache
def xpath(expression: str) -> etree.XPath:
    """The compiled form of an XPath expression, compiled once per process."""
    return etree.XPath(expression)


# The URL a page gives as its own (a copy on the local mirror, an archived capture).
DECLARED_URL = etree.XPath(
    "/html/head/link[@rel='canonical']/@href | /html/head/meta[@property='og:url']/@content"
)


def _index(rules: Iterable[SiteRule]) -> dict[str, tuple[SiteRule, ...]]:
    by_host: dict[str, list[SiteRule]] = {}
    for rule in rules:
        for host in rule.hosts:
            by_host.setdefault(host, []).append(rule)
    return {host: tuple(found) for host, found in by_host.items()}


_BY_HOST = _index(RULES)  # a host's rules, in table order
_MARKED = tuple(rule for rule in RULES if rule.by_markers)  # rules detection alone may pick


def host_of(url: str) -> str:
    """The lower-cased host of ``url``; "" when there is none or the URL is malformed."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:  # "http://[::1" and other broken IPv6 literals
        return ""


def detects(rule: SiteRule, tree: html.HtmlElement) -> bool:
    return bool(xpath(rule.detect)(tree))


def choose_rule(url: str, tree: html.HtmlElement) -> SiteRule:
    """The rule for a page: its host's rules first, then any rule whose markers the page has,
    then the rules of the host the page names as its canonical URL."""
    host = host_of(url)
    own = _BY_HOST.get(host, ())
    for rule in own:
        if detects(rule, tree):
            return rule
    for rule in _MARKED:
        if rule not in own and detects(rule, tree):
            return rule
    for declared in DECLARED_URL(tree):
        other = host_of(str(declared))
        for rule in _BY_HOST.get(other, ()) if other != host else ():
            if not rule.by_markers and detects(rule, tree):
                return rule
    return GENERIC


def rule_named(name: str) -> SiteRule:
    for rule in (*RULES, GENERIC, TEXT):
        if rule.name == name:
            return rule
    raise KeyError(name)
