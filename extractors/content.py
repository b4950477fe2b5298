"""A page's content: title, publication date, main text, language, document number, signing date.

The HTML is parsed once into a ``ParsedPage`` (tree, meta tags, JSON-LD, metadata box) that every
field reads. A site rule (``extractors.sites``) says where a known site keeps each field; pages
no rule claims go to trafilatura. Body text is one line per block; an HTML table is one line per
row with its cells joined by `` | `` (header row first), the shape the fact rules read. Title and
text are normalised (``extractors.normalize``) before they are returned, so evidence spans index
into the normalised ``Content.text``. Dates are naive, in the page's own clock (Beijing time on
Chinese government sites); an offset, if the page gives one, is dropped, not converted.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

import trafilatura
from htmldate.extractors import extract_url_date
from htmldate.utils import Extractor
from lxml import etree, html

from extractors import sites
from extractors.errors import ExtractError
from extractors.facts import Content
from extractors.normalize import normalize
from extractors.page_lines import render_lines, squeeze
from extractors.text_fields import (
    BOILERPLATE_HEADING,
    ENGLISH_DATE,
    NUMERIC_DATE,
    find_doc_number,
    find_signed,
    language_of,
    parse_date,
    parse_text_date,
    strip_boilerplate,
)

_PARSER = html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)

# <meta> attributes that name a tag.
_META_KEYS = ("name", "property", "itemprop", "http-equiv")

# Meta tags that carry the publication date on news and government pages, best first.
DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "pubdate",
    "publishdate",
    "firstpublishedtime",
    "datepublished",
    "publication_date",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dc.date",
    "date",
)

# Meta tags that carry the headline, best first.
TITLE_META = ("og:title", "twitter:title", "articletitle", "headline")

# Elements that hold a news article's date: <time datetime>, itemprop, date/time classes.
DATE_ELEMENTS = (
    "//time[@datetime]/@datetime",
    "//*[@itemprop='datePublished']/@content",
    "//*[@itemprop='datePublished']",
    "//*[contains(@class, 'publish') or contains(@class, 'date') or contains(@class, 'time')"
    " or contains(@id, 'date') or contains(@id, 'time')][string-length(normalize-space()) < 80]",
)

# Labels of a government metadata box ("标　　题：" etc. once spaces are removed).
METABOX_LABELS = {
    "标题": "title",
    "名称": "title",  # MNR
    "发文字号": "doc_number",
    "文号": "doc_number",  # MNR
    "成文日期": "signed",
    "生成日期": "signed",  # MNR
    "发布日期": "published",
}

# Elements that hold a metadata-box label in the layouts seen (th/td cells, b, span, li).
METABOX_CANDIDATES = etree.XPath("//th | //td | //b | //strong | //span | //li | //dt | //label")
# Last characters of the labels, to skip most candidates before any regex runs.
METABOX_HINTS = ("号", "期", "题", "称")


# Blocks pruned before trafilatura reads a page: cookie/privacy dialogs, app and newsletter
# calls to action, related lists, tickers, share bars, comments, stock boxes.
_NOISE_CLASSES = [
    "cookie",
    "privacy",
    "consent",
    "app-download",
    "newsletter",
    "subscribe",
    "promo",
    "related",
    "ticker",
    "share",
    "comment",
    "advert",
    "read-more",
    "recommend",
    "stock-box",
    "more-from",
]
GENERIC_PRUNE = "//*[@role='dialog' or @role='complementary' or {} or {}]".format(
    " or ".join(f"contains(@class, '{word}')" for word in _NOISE_CLASSES),
    "contains(concat(' ', @class, ' '), ' cta ') or contains(@class, '-cta')",
)

# Where a page without a site rule keeps its article, if trafilatura finds nothing.
ARTICLE_XPATHS = ("//article", "//*[@itemprop='articleBody']", "//main", "//body")
# Class/id words of blocks that are not the article: related lists, tickers, comments, sidebars.
NOISE_WORDS = re.compile(
    r"related|sidebar|ticker|comment|share|social|recommend|read-?more|more-?news|promo|"
    r"footer|header|nav|menu|breadcrumb|advert|\bads?\b|popular|trending|newsletter|cookie|"
    r"privacy|consent|dialog|download|subscribe|\bcta\b",
    re.IGNORECASE,
)


# Lines after the title of a plain-text page that may hold its dateline, and their longest length.
DATELINE_WINDOW = 3
MAX_DATELINE = 80
# The end of a sentence or of a salutation ("各有关单位："): a line of story, not a dateline.
SENTENCE_END = re.compile(r"[。.!?！？:：]$")
# Longest plausible title; a longer "title" element is broken markup holding the body.
MAX_TITLE = 200
# Separators between a headline and the site's name in a <title>.
TITLE_SEPARATORS = re.compile(r"(?<!\s)\s+[-|–—]\s+|_|——|(?<!\s)\s+::\s+")
# An element holding block children (a title or date element that swallowed the page).
HAS_BLOCKS = etree.XPath("boolean(.//div | .//p | .//table | .//ul)")


# ---- a date for a page that states none ----------------------------------------------------

# htmldate reads a whole Y-M-D from a URL (/2010/12/28/, -2011-07-28); the years it accepts.
_URL_DATES = Extractor(False, datetime(2100, 12, 31), datetime(1995, 1, 1), True, "%Y-%m-%d")
# URL dates htmldate leaves: a path segment /20110728/ or /201107/, or /2010/06/ (the first of
# that month). A segment, never digits inside an id or a bare year in a slug ("2024-quotas").
URL_COMPACT_DATE = re.compile(
    r"/((?:199|20[0-3])\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])?(?=[/_.-])"
)
URL_YEAR_MONTH = re.compile(r"/((?:199|20[0-3])\d)/(0?[1-9]|1[0-2])/")
# A wire or news dateline opening the story: "BEIJING, Dec 28, 2010 (Reuters) -",
# "July 28, 2011 -", "2011-07-28 |", "SHANGHAI Tue Jun 5, 2012 3:07am EDT": before the date only a
# place in capitals, an agency and a weekday; after it only a time, an agency, then a dash, a bar
# or a colon, or the end of the line.
DATELINE_BEFORE = re.compile(
    r"(?:(?-i:[A-Z][A-Z .'/-]{1,30})[,:]?\s{1,3})?(?:\([A-Za-z ]{2,20}\)\s{0,3})?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s{1,3})?",
    re.IGNORECASE,
)
DATELINE_AFTER = re.compile(
    r"(?:,?\s{0,3}\d{1,2}:\d{2}\s{0,3}(?:[ap]\.?m\.?)?(?:\s{1,3}[A-Z]{2,4})?)?"
    r"(?:\s{0,3}\([A-Za-z ]{2,20}\))?\s{0,3}(?:[-–—|:/]|$)",
    re.IGNORECASE,
)
# The longest head of a line the date may stand after.
DATELINE_LEAD = 48
# How many lines of the story's head may hold its dateline.
DATELINE_LINES = 2


def date_from_url(url: str) -> datetime | None:
    """The date a URL states (/2010/12/28/, -2011-07-28, /20110728/, /2011/07/), or None."""
    stated = extract_url_date(url, _URL_DATES)
    if stated:
        return datetime.fromisoformat(stated)
    path = url.split("?", 1)[0]
    match = URL_COMPACT_DATE.search(path)
    if match:
        year, month, day = match.groups()
    else:
        match = URL_YEAR_MONTH.search(path)
        if not match:
            return None
        (year, month), day = match.groups(), None
    try:
        return datetime(int(year), int(month), int(day or 1))
    except ValueError:
        return None


def date_from_dateline(text: str) -> datetime | None:
    """The date of a dateline at the head of a story ("BEIJING, Dec 28, 2010 (Reuters) -"); never
    a date from further down, which may be any date the story mentions."""
    for line in text.split("\n")[:DATELINE_LINES]:
        line = line.strip()
        for pattern in (ENGLISH_DATE, NUMERIC_DATE):
            match = pattern.search(line, 0, DATELINE_LEAD + 40)
            if (
                match
                and match.start() <= DATELINE_LEAD
                and DATELINE_BEFORE.fullmatch(line, 0, match.start())
                and DATELINE_AFTER.match(line, match.end())
            ):
                return parse_text_date(match.group(0))
    return None


@dataclass
class ParsedPage:
    """One parse of a page; every field reads this."""

    url: str
    tree: html.HtmlElement
    meta: dict[str, str] = field(default_factory=dict)

    @cached_property
    def jsonld(self) -> list[dict[str, Any]]:
        """The page's JSON-LD objects, ``@graph`` members flattened."""
        found: list[dict[str, Any]] = []
        for script in self.tree.xpath("//script[@type='application/ld+json']"):
            try:
                found.extend(_flatten_jsonld(json.loads(script.text or "")))
            except ValueError:
                continue
        return found

    @cached_property
    def labels(self) -> dict[str, str]:
        """A government page's metadata box (发文字号, 成文日期, 发布日期, 标题) by field name."""
        return _metabox(self.tree)


def parse_page(markup: str, url: str) -> ParsedPage:
    """Parse HTML once; tolerate broken markup, refuse only a page with nothing in it."""
    if not markup.strip():
        raise ExtractError(f"empty page: {url}")
    try:
        tree = html.document_fromstring(markup.encode("utf-8", errors="replace"), parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise ExtractError(f"unreadable HTML ({exc}): {url}") from exc
    meta: dict[str, str] = {}
    for tag in tree.iter("meta"):
        value = tag.get("content")
        for key in _META_KEYS:
            name = tag.get(key)
            if name and value is not None:
                meta.setdefault(name.strip().lower(), value.strip())
    return ParsedPage(url=url, tree=tree, meta=meta)


def read_content(markup: str, url: str, *, content_type: str | None = None) -> Content:
    """Title, date, main text and language of an HTML page (``text/plain`` goes to read_text)."""
    if content_type and content_type.split(";")[0].strip().lower() == "text/plain":
        return read_text(markup, url)
    page = parse_page(markup, url)
    rule = sites.choose_rule(url, page.tree)
    # A rule whose body selector finds nothing keeps its title and date; trafilatura reads the body.
    lines = [] if rule.generic else _rule_lines(page, rule)
    labels = page.labels if rule.metabox else {}
    title = _first_string(page.tree, rule.title) or labels.get("title") or _generic_title(page)
    published = _first_date(page.tree, rule.date) or parse_date(labels.get("published", ""))
    published = published or _generic_date(page)
    if not lines:
        lines = _generic_lines(page)
    return _content(title, published, lines, rule, labels)


def read_text(text: str, url: str) -> Content:
    """A plain-text page: first line the title, a date near the top, boilerplate cut."""
    lines = [line for line in normalize(text).split("\n") if line]
    title = lines[0] if lines else None
    rest = lines[1:]
    if title and _is_prose(title):
        title, rest = None, lines  # a text that starts with its story: no title line to take
    published = None
    for index, line in enumerate(rest[:DATELINE_WINDOW]):
        if len(line) > MAX_DATELINE or SENTENCE_END.search(line):
            break  # the story has begun: a date further down is not the dateline
        published = parse_text_date(line)
        if published is not None:
            del rest[index]  # a dateline of its own, not part of the story
            break
    return _content(title, published, rest, sites.TEXT, {})


# A closing quote or bracket after a sentence's end: 'he said."', '（完）'.
_CLOSERS = "\"'”’」』)）]"


def _is_prose(line: str) -> bool:
    """A line of running text rather than a headline: it ends a sentence, or no headline is
    this long (an excerpt or a pasted story often starts in its first paragraph)."""
    return len(line) > MAX_TITLE or bool(SENTENCE_END.search(line.rstrip(_CLOSERS)[-1:] or ""))


# How far down a navigation block may start ("Related Topics" over a few section names), and
# how many short lines it may hold before the story begins.
NAVIGATION_START = 4
NAVIGATION_ITEMS = 8


def _skip_head_navigation(lines: list[str]) -> list[str]:
    """Drop a navigation block above the story: a "Related Topics"-style heading and the short
    lines under it, when a line of story follows them. Such a heading further down, or one with
    no story after its items, still ends the text (``strip_boilerplate``)."""
    for index, line in enumerate(lines[:NAVIGATION_START]):
        bare = line.strip()
        if _is_prose(bare):
            return lines  # the story began above any heading
        if BOILERPLATE_HEADING.match(bare):
            end = index + 1
            while (
                end < len(lines) and end <= index + NAVIGATION_ITEMS and not _is_prose(lines[end])
            ):
                end += 1
            if end < len(lines) and _is_prose(lines[end]):
                return lines[:index] + lines[end:]
            return lines
    return lines


def _content(
    title: str | None,
    published: datetime | None,
    lines: list[str],
    rule: sites.SiteRule,
    labels: dict[str, str],
) -> Content:
    title = normalize(title) if title else None
    lines = strip_boilerplate(_skip_head_navigation(normalize("\n".join(lines)).split("\n")))
    if title and lines and lines[0] == title:
        lines = lines[1:]  # trafilatura keeps the headline as the first line
    text = "\n".join(line for line in lines if line)
    signed = find_signed(text.split("\n"))
    if signed is None and labels.get("signed"):
        stated = parse_date(labels["signed"])
        signed = stated.date() if stated else None
    return Content(
        title=title or None,
        published=published,
        language=language_of(f"{title or ''}\n{text}"),
        text=text,
        doc_number=find_doc_number(text, labels.get("doc_number")),
        signed=signed,
        site=rule.name,
    )


# ---- site rules and the generic fallback ---------------------------------------------------


def _rule_lines(page: ParsedPage, rule: sites.SiteRule) -> list[str]:
    for expression in rule.body:
        bodies = [el for el in sites.xpath(expression)(page.tree) if isinstance(el, etree._Element)]
        if bodies:
            dropped = {
                el for body in bodies for drop in rule.drop for el in sites.xpath(drop)(body)
            }
            lines = render_lines(bodies, dropped)
            if lines:
                return lines
    return []


def _generic_lines(page: ParsedPage) -> list[str]:
    document = trafilatura.bare_extraction(
        page.tree,
        url=page.url,
        fast=True,
        include_tables=True,
        include_comments=False,
        include_links=False,
        include_images=False,
        with_metadata=False,
        prune_xpath=GENERIC_PRUNE,
    )
    body = getattr(document, "body", None)
    if body is not None:
        lines = render_lines([body], set())
        if lines:
            return lines
    return _fallback_lines(page)


def _fallback_lines(page: ParsedPage) -> list[str]:
    """Pages too small for trafilatura: the article element, minus noise blocks."""
    for expression in ARTICLE_XPATHS:
        found = sites.xpath(expression)(page.tree)
        if found:
            article = found[0]
            dropped = {
                el
                for el in article.iter()
                if isinstance(el.tag, str)
                and el is not article
                and NOISE_WORDS.search(f"{el.get('class', '')} {el.get('id', '')} {el.tag}")
            }
            return render_lines([article], dropped)
    return []


def _generic_title(page: ParsedPage) -> str | None:
    for key in TITLE_META:
        if page.meta.get(key):
            return page.meta[key]
    for obj in page.jsonld:
        if isinstance(obj.get("headline"), str) and obj["headline"].strip():
            return str(obj["headline"])
    heading = _first_string(page.tree, ("//article//h1", "//h1"))
    if heading:
        return heading
    title = _first_string(page.tree, ("//title",))
    if not title:
        return None
    return max(TITLE_SEPARATORS.split(title), key=len).strip() or title


def _generic_date(page: ParsedPage) -> datetime | None:
    for key in DATE_META:
        stated = parse_date(page.meta.get(key, ""))
        if stated:
            return stated
    for obj in page.jsonld:
        for key in ("datePublished", "dateCreated"):
            value = obj.get(key)
            stated = parse_date(value) if isinstance(value, str) else None
            if stated:
                return stated
    return _first_date(page.tree, DATE_ELEMENTS)


def _first_string(tree: html.HtmlElement, expressions: Iterable[str]) -> str | None:
    for value in _strings(tree, expressions):
        if len(value) <= MAX_TITLE:  # longer: an unclosed tag swallowed the page
            return value
    return None


def _first_date(tree: html.HtmlElement, expressions: Iterable[str]) -> datetime | None:
    for value in _strings(tree, expressions):
        stated = parse_date(value) or parse_text_date(value)
        if stated:
            return stated
    return None


def _strings(tree: html.HtmlElement, expressions: Iterable[str]) -> Iterable[str]:
    for expression in expressions:
        for found in sites.xpath(expression)(tree):
            value = _element_text(found) if isinstance(found, etree._Element) else str(found)
            value = squeeze(value)
            if value:
                yield value


def _element_text(el: etree._Element) -> str:
    """An element's text; only its first line when it holds blocks (an unclosed tag's mess)."""
    if HAS_BLOCKS(el):
        lines = render_lines([el], set())
        return lines[0] if lines else ""
    return str(el.xpath("string()"))


def _flatten_jsonld(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [obj for item in data for obj in _flatten_jsonld(item)]
    if isinstance(data, dict):
        return [data, *_flatten_jsonld(data.get("@graph", []))]
    return []


def _metabox(tree: html.HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for el in METABOX_CANDIDATES(tree):
        text = el.text
        if not text or len(text) > 80 or not any(hint in text for hint in METABOX_HINTS):
            continue
        own = "".join(text.split())
        if not own or len(own) > 60:
            continue
        for label, key in METABOX_LABELS.items():
            if key in found or not own.startswith(label):
                continue
            rest = own[len(label) :]
            if rest and rest[0] not in ":：":
                continue
            value = _label_value(el, label)
            if value and len(value) <= 120:
                found[key] = value
            break
    return found


def _label_value(el: html.HtmlElement, label: str) -> str:
    """The value beside a label: after its colon, its tail, or the next cell (maybe a level up)."""
    whole = "".join(el.text_content().split())
    value = whole[len(label) :].lstrip(":：")
    if value:
        return value
    for holder in (el, el.getparent()):
        if holder is None or "".join(holder.text_content().split()) != whole:
            break
        if (holder.tail or "").strip():
            return squeeze(holder.tail or "")
        following = holder.getnext()
        if following is not None:
            return squeeze(following.text_content())
    return ""
