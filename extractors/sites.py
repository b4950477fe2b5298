"""The table of site rules: where each site keeps a page's title, date and main text.

A rule is data: XPath expressions tried in order. ``choose_rule`` picks the rule for a page by
its URL host, confirmed by the rule's detection expression; a page from an unknown host (the
local mirror on 127.0.0.1, a repost) is matched by detection alone; anything else gets the
generic rule, which hands the page to trafilatura. When a site changes its layout, add a new
rule beside the old one (``miit_old`` stays for backfills of pre-2020 pages).
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


# Blocks inside government article bodies that are not text: share bars, print/close links.
GOV_DROP = (
    ".//*[contains(@class, 'share') or contains(@id, 'share')]",
    ".//*[contains(@class, 'print') or contains(@id, 'print')]",
    ".//*[contains(@class, 'bdsharebuttonbox')]",
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


def host_of(url: str) -> str:
    """The lower-cased host of ``url``; "" when there is none or the URL is malformed."""
    try:
        return (urlsplit(url).hostname or "").lower()
    except ValueError:  # "http://[::1" and other broken IPv6 literals
        return ""


def detects(rule: SiteRule, tree: html.HtmlElement) -> bool:
    return bool(xpath(rule.detect)(tree))


def choose_rule(url: str, tree: html.HtmlElement) -> SiteRule:
    """The rule for a page: its host's rules first, then any rule whose markers the page has."""
    host = host_of(url)
    own = [rule for rule in RULES if host in rule.hosts]
    for rule in own:
        if detects(rule, tree):
            return rule
    for rule in RULES:
        if rule not in own and detects(rule, tree):
            return rule
    return GENERIC


def rule_named(name: str) -> SiteRule:
    for rule in (*RULES, GENERIC, TEXT):
        if rule.name == name:
            return rule
    raise KeyError(name)
