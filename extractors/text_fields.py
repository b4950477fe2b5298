"""Fields read from a page's text: dates, document number, signing date, language, boilerplate."""

from __future__ import annotations

import re
from datetime import date, datetime

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
