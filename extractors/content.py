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
from datetime import date, datetime
from functools import cached_property
from typing import Any

import trafilatura
from lxml import etree, html

from extractors import sites
from extractors.errors import ExtractError
from extractors.facts import Content
from extractors.normalize import normalize

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

# Block-level tags (HTML, and trafilatura's output tags) that start and end a line.
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "ul",
        "caption",
        "head",
        "list",
        "item",
        "quote",
        "code",
        "html",
    ]
)
# Line breaks.
BREAK_TAGS = frozenset({"br", "lb"})
# Elements whose content is never text.
SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "select",
        "button",
        "input",
        "textarea",
        "svg",
        "object",
        "embed",
        "graphic",
        "img",
        "audio",
        "video",
        "canvas",
        "map",
    ]
)
TABLE_TAGS = frozenset({"table"})
ROW_TAGS = ("tr", "row")
CELL_TAGS = frozenset({"td", "th", "cell"})

# A table cell longer than this, or with more lines, makes its table a layout table.
LAYOUT_CELL_CHARS = 300
LAYOUT_CELL_LINES = 3

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

# A government document number: 工信部联原〔2024〕25号, 自然资发[2020]33号, ﹝﹞ 【】 () variants.
DOC_NUMBER = re.compile(
    r"([\u4e00-\u9fa5]{2,14})\s*[〔\[［﹝【(]\s*((?:19|20)\d{2})\s*[〕\]］﹞】)]\s*(\d{1,4})\s*号"
)
# How many lines from the top a document number line may stand.
DOC_NUMBER_WINDOW = 15

# 2024-02-06 09:30, 2024/2/6, 2024.02.06, 2024年2月6日 10:00, 2022-07-28-16:37:22, ISO 8601.
NUMERIC_DATE = re.compile(
    r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:\s*[T\s-]?\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?"
)
# 20240206 and 20240206T093000 (feeds, URLs of some CMSs).
COMPACT_DATE = re.compile(r"^((?:19|20)\d{2})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?")
# English news datelines: "March 2, 2021", "Mar. 2 2021", "2 March 2021", "Tue 2 Mar 2021".
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
ENGLISH_DATE = re.compile(
    rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{{2}})\b"
    rf"|\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+((?:19|20)\d{{2}})\b",
    re.IGNORECASE,
)
# The signing line that closes a notice: "2023年12月14日", maybe after the issuer's name.
SIGNED_LINE = re.compile(
    r"^[\u4e00-\u9fa5 ]{0,40}?\s*((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年"
    r"\s*([\d一二三四五六七八九十]{1,3})\s*月\s*([\d一二三四五六七八九十]{1,3})\s*日$"
)
CN_DIGITS = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {"零": 0}

# Headings after which a page or a pasted text is only boilerplate: related lists, "read more".
BOILERPLATE_HEADING = re.compile(
    r"^(related( articles?| stories| news| content| coverage| posts| topics)?|read more|"
    r"more (from|on|stories|news)\b.{0,40}|recommended( for you| stories| reading)?|"
    r"you (may|might) also (like|be interested in)|most (read|popular|viewed)|trending( now)?|"
    r"further reading|see also|also read|what to read next|top stories|latest news|"
    r"相关(新闻|阅读|文章|报道|链接|推荐|资讯)|推荐阅读|延伸阅读|热门(文章|新闻|推荐)|猜你喜欢|"
    r"更多(新闻|阅读|报道))\s*[:：]?$",
    re.IGNORECASE,
)
# Single boilerplate lines: share bars and counts, "Advertisement", "Read more: <headline>".
BOILERPLATE_LINE = re.compile(
    r"^((\d[\d,.]*k?\s+)?(shares?|comments?|likes?|views?)|advertisement|"
    r"((share|tweet|email|print|pin|facebook|twitter|linkedin|whatsapp|wechat|weibo)[\s|·•/,]*)+"
    r"|share (this|on)\b.{0,40}|(read more|read also|see also|also read|相关阅读)\s*[:：].*"
    r"|(terms and )?privacy (policy|dashboard)|send comments .{0,80}@.{0,40}|责任编辑[:：].{0,20}"
    r"|分享到.{0,20}|【?打印本页】?|【?关闭窗口】?|【?字体[:：].{0,20})$",
    re.IGNORECASE,
)

# CJK ideographs, and Latin words, to tell Chinese pages from English ones.
CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")

# Lines after the title of a plain-text page that may hold its dateline, and their longest length.
DATELINE_WINDOW = 3
MAX_DATELINE = 80
# The end of a sentence or of a salutation ("各有关单位："): a line of story, not a dateline.
SENTENCE_END = re.compile(r"[。.!?！？:：]$")
# Longest plausible title; a longer "title" element is broken markup holding the body.
MAX_TITLE = 200
# Separators between a headline and the site's name in a <title>.
TITLE_SEPARATORS = re.compile(r"(?<!\s)\s+[-|–—]\s+|_|——|(?<!\s)\s+::\s+")
WHITESPACE = re.compile(r"\s+")
# An element holding block children (a title or date element that swallowed the page).
HAS_BLOCKS = etree.XPath("boolean(.//div | .//p | .//table | .//ul)")
# Characters joined without a space when a table cell's lines are put on one line.
CJK_JOINABLE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


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
    published = None
    for index, line in enumerate(rest[:DATELINE_WINDOW]):
        if len(line) > MAX_DATELINE or SENTENCE_END.search(line):
            break  # the story has begun: a date further down is not the dateline
        published = parse_text_date(line)
        if published is not None:
            del rest[index]  # a dateline of its own, not part of the story
            break
    return _content(title, published, rest, sites.TEXT, {})


def _content(
    title: str | None,
    published: datetime | None,
    lines: list[str],
    rule: sites.SiteRule,
    labels: dict[str, str],
) -> Content:
    title = normalize(title) if title else None
    lines = strip_boilerplate(normalize("\n".join(lines)).split("\n"))
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
            value = WHITESPACE.sub(" ", value).strip()
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
        own = WHITESPACE.sub("", text)
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
    whole = WHITESPACE.sub("", el.text_content())
    value = whole[len(label) :].lstrip(":：")
    if value:
        return value
    for holder in (el, el.getparent()):
        if holder is None or WHITESPACE.sub("", holder.text_content()) != whole:
            break
        if (holder.tail or "").strip():
            return WHITESPACE.sub(" ", holder.tail or "").strip()
        following = holder.getnext()
        if following is not None:
            return WHITESPACE.sub(" ", following.text_content()).strip()
    return ""


# ---- HTML → lines ----------------------------------------------------------------------------


class _Lines:
    """Text collected into lines: inline pieces join, a block boundary ends the line."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._parts: list[str] = []

    def add(self, text: str | None) -> None:
        if text:
            self._parts.append(text)

    def flush(self) -> None:
        line = WHITESPACE.sub(" ", "".join(self._parts)).strip()
        if line:
            self.lines.append(line)
        self._parts = []


def render_lines(elements: Iterable[etree._Element], dropped: set[etree._Element]) -> list[str]:
    """Block elements become lines; a table becomes one line per row, cells joined by " | "."""
    out = _Lines()
    for element in elements:
        _walk_children(element, out, dropped)
        out.flush()
    return out.lines


def _walk_children(element: etree._Element, out: _Lines, dropped: set[etree._Element]) -> None:
    out.add(element.text)
    for child in element:
        _walk(child, out, dropped)


def _walk(el: etree._Element, out: _Lines, dropped: set[etree._Element]) -> None:
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if not tag or tag in SKIP_TAGS or el in dropped:
        pass
    elif tag in BREAK_TAGS:
        out.flush()
    elif tag in TABLE_TAGS:
        out.flush()
        _table(el, out, dropped)
    elif tag in BLOCK_TAGS:
        out.flush()
        _walk_children(el, out, dropped)
        out.flush()
    else:
        _walk_children(el, out, dropped)
    out.add(el.tail)


def _table(table: etree._Element, out: _Lines, dropped: set[etree._Element]) -> None:
    rows = []
    for row in table.iter(*ROW_TAGS):
        owner = next(row.iterancestors("table"), None)
        if owner is table and row not in dropped:
            rows.append([cell for cell in row if cell.tag in CELL_TAGS and cell not in dropped])
    rendered = {cell: _cell_lines(cell, dropped) for row in rows for cell in row}
    layout = table.find(".//table") is not None or any(
        len(lines) > LAYOUT_CELL_LINES or sum(map(len, lines)) > LAYOUT_CELL_CHARS
        for lines in rendered.values()
    )
    if layout:
        out.lines.extend(line for row in rows for cell in row for line in rendered[cell])
        return
    for texts in _grid(rows, {cell: _join_cjk(lines) for cell, lines in rendered.items()}):
        if any(texts):
            out.lines.append(" | ".join(texts))


def _grid(rows: list[list[etree._Element]], texts: dict[etree._Element, str]) -> list[list[str]]:
    """Rows of a table laid on a grid: a spanned cell's text in its first slot, "" in the rest.

    So columns line up: an upper header row spanning three columns gives "开采 |  | ", and a cell
    spanning two rows leaves "" in the row below.
    """
    grid: list[list[str]] = []
    pending: dict[int, int] = {}  # column → rows still covered by a rowspan from above
    for row in rows:
        line: list[str] = []
        for cell in row:
            while pending.get(len(line), 0) > 0:
                line.append("")
            colspan, rowspan = _span(cell, "colspan"), _span(cell, "rowspan")
            for offset in range(colspan):
                if rowspan > 1:
                    pending[len(line)] = rowspan  # decremented below, with this row
                line.append(texts[cell] if offset == 0 else "")
        while pending.get(len(line), 0) > 0:
            line.append("")
        pending = {col: left - 1 for col, left in pending.items() if left > 1}
        grid.append(line)
    return grid


def _span(cell: etree._Element, attribute: str) -> int:
    value = cell.get(attribute)
    if value is None:
        return 1
    value = value.strip()
    return min(max(int(value), 1), 50) if value.isdigit() else 1


def _cell_lines(cell: etree._Element, dropped: set[etree._Element]) -> list[str]:
    if len(cell) == 0:  # the common case: a cell holding only text
        text = WHITESPACE.sub(" ", cell.text or "").strip()
        return [text] if text else []
    out = _Lines()
    _walk_children(cell, out, dropped)
    out.flush()
    return out.lines


def _join_cjk(lines: list[str]) -> str:
    """Join a cell's lines: no space between two Chinese characters, one space otherwise."""
    joined = ""
    for line in lines:
        cjk = joined and CJK_JOINABLE.match(joined[-1]) and CJK_JOINABLE.match(line[0])
        joined = f"{joined}{line}" if cjk or not joined else f"{joined} {line}"
    return joined


# ---- text fields: dates, document number, signing date, language, boilerplate ---------------


def parse_date(value: str) -> datetime | None:
    """A machine-written date (meta tags, labels, ISO 8601); the offset, if any, is dropped."""
    value = value.strip()
    match = NUMERIC_DATE.search(value) or COMPACT_DATE.match(value)
    if not match:
        return None
    year, month, day, hour, minute, second = (int(part or 0) for part in match.groups())
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def parse_text_date(value: str) -> datetime | None:
    """A date written for readers: numeric or Chinese forms, or English month names."""
    stated = parse_date(value)
    if stated:
        return stated
    match = ENGLISH_DATE.search(value)
    if not match:
        return None
    if match.group(1):
        month, day, year = match.group(1), match.group(2), match.group(3)
    else:
        day, month, year = match.group(4), match.group(5), match.group(6)
    try:
        return datetime(int(year), MONTHS.index(month[:3].lower()) + 1, int(day))
    except ValueError:
        return None


def find_signed(lines: list[str]) -> date | None:
    """The closing "2023年12月14日" line of a notice (the last such line past the top)."""
    for line in reversed(lines[3:]):
        match = SIGNED_LINE.match(line.strip())
        if match:
            year, month, day = (_cn_number(part) for part in match.groups())
            try:
                return date(year, month, day)
            except ValueError:
                return None
    return None


def _cn_number(text: str) -> int:
    """Digits, or Chinese numerals as written in dates: 二〇二三, 十二, 二十三."""
    if text.isdigit() and text.isascii():
        return int(text)
    if "十" not in text:
        return int("".join(str(CN_DIGITS.get(ch, 0)) for ch in text))
    tens, _, units = text.partition("十")
    return CN_DIGITS.get(tens, 1) * 10 + (CN_DIGITS.get(units, 0) if units else 0)


def find_doc_number(text: str, label: str | None = None) -> str | None:
    """The document number, from the metadata box or a line of its own near the top."""
    if label:
        match = DOC_NUMBER.search(label)
        return _canonical_number(match) if match else label.strip() or None
    for line in text.split("\n")[:DOC_NUMBER_WINDOW]:
        match = DOC_NUMBER.search(line)
        if match and len(match.group(0)) * 10 >= len(line.strip()) * 6:
            return _canonical_number(match)
    return None


def _canonical_number(match: re.Match[str]) -> str:
    prefix, year, number = match.groups()
    return f"{prefix}〔{year}〕{number}号"


def language_of(text: str) -> str | None:
    """ "zh" when CJK characters outnumber Latin words, "en" otherwise, None for no text."""
    cjk = len(CJK_CHAR.findall(text))
    latin = len(LATIN_WORD.findall(text))
    if not cjk and not latin:
        return None
    return "zh" if cjk >= latin else "en"


def strip_boilerplate(lines: list[str]) -> list[str]:
    """Cut a "Related Articles"-style heading and all after it; drop share bars and ads."""
    kept = []
    for line in lines:
        bare = line.strip()
        if BOILERPLATE_HEADING.match(bare):
            break
        if not BOILERPLATE_LINE.match(bare):
            kept.append(line)
    return kept
