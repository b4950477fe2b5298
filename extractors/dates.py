"""Dates, quota years and batches as Chinese (and English) texts write them.

"Now" is never read from the clock: relative years ("今年", "去年", "last year") are resolved
against a publication date passed in by the caller.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from extractors.numbers import chinese_numeral, to_halfwidth

# A year of 19xx or 20xx not inside a longer number: r"(?<!\d)(?:19|20)\d{2}", written to start
# with its first digit, the look-behind after it, so that the regex engine passes over other
# characters in C (the same matches; 2x faster).
YEAR_NUMBER = r"(?:1(?<!\d.)9|2(?<!\d.)0)\d{2}"

# A full date, as notices are signed and dated: "2023年12月14日", "2023 年 12 月 14 日".
DATE_ZH_RE = re.compile(
    rf"(?P<y>{YEAR_NUMBER})\s*年\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})\s*日"
)

# A month of a year, which is a date and not a quota year: "2024年2月", "2024年2月6日".
MONTH_ZH_RE = re.compile(rf"{YEAR_NUMBER}\s*年\s*\d{{1,2}}\s*月(?:\s*\d{{1,2}}\s*日)?")

# A quota year: "2024年", "2024年度" (年度 marks the whole year), not followed by a month.
YEAR_ZH_RE = re.compile(rf"(?P<y>{YEAR_NUMBER})\s*年(?P<annual>度)?(?!\s*\d{{1,2}}\s*月)")

# A year written relative to the publication date: "今年", "去年", "上年度", "明年"; not a
# date ("去年5月起" says when something happened, not which year's quota a figure is), nor the
# end of another word ("目前年产…", "此前年度", "说明年度", "成本年…", "相当年…").
RELATIVE_YEAR_ZH_RE = re.compile(
    # for speed only, every branch starts with its character (its look-behind after it): the
    # regex engine passes over other characters in C
    r"(?P<word>今年|本(?<![基根资成]本)年|当(?<!相当)年|去年|上年|上一年|前(?<![目此之以提]前)年"
    r"|明(?<![说声表证查]明)年|下一年)(?P<annual>度)?(?!\s*\d{1,2}\s*月)"
)

# A batch: "第一批", "第二批", "第 3 批", and the "round" or "wave" of Hong Kong and Taiwan news,
# "第二轮", "第一波…配额" (a wave only of quotas: "第二波涨价" is none).
BATCH_ZH_RE = re.compile(
    r"第\s*(?P<n>[一二三四五六七八九十\d]{1,3})\s*(?:[批轮]|波(?=[^,;。]{0,8}?(?:配额|指标|开采|冶炼)))"
)

# A running total of the first N batches: "前两批合计", "前三批", "两批合计", "已下达的两批指标
# 共计" (not "分两批下达": how many batches there will be).
CUMULATIVE_ZH_RE = re.compile(
    # for speed only, it reads its first character first and looks behind at it: the regex
    # engine passes over other characters in C
    r"[前两二三四](?:(?<=前)\s*(?P<n>[两二三四\d])\s*[批轮](?:\s*合计|\s*累计)?"
    r"|(?<=(?P<m>[两二三四]))(?<!分.)\s*批(?:次)?(?=[^;。；]{0,12}?(?:合计|共计|累计|总计)))"
)

# The first batch in news wording: "首批", "头批", "首轮", "首波…配额".
FIRST_BATCH_TITLE_RE = re.compile(r"首批|头批|首轮|首波(?=[^,;。]{0,8}?(?:配额|指标|开采|冶炼))")

# Relative years in words, in years from the publication date.
RELATIVE_YEARS = {
    "今年": 0,
    "本年": 0,
    "当年": 0,
    "去年": -1,
    "上年": -1,
    "上一年": -1,
    "前年": -2,
    "明年": 1,
    "下一年": 1,
    "this year": 0,
    "this year's": 0,
    "the current year": 0,
    "last year": -1,
    "last year's": -1,
    "a year earlier": -1,
    "a year ago": -1,
    "the previous year": -1,
    "the year before": -1,
    "next year": 1,
}


def parse_zh_date(text: str) -> date | None:
    """The first full Chinese date in ``text``: "2023年12月14日" → date(2023, 12, 14)."""
    for found in find_zh_dates(text):
        return found[2]
    return None


def find_zh_dates(text: str) -> list[tuple[int, int, date]]:
    """Every valid full date in ``text`` as (start, end, date)."""
    found = []
    for match in DATE_ZH_RE.finditer(to_halfwidth(text)):
        try:
            day = date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            continue
        found.append((match.start(), match.end(), day))
    return found


def resolve_relative_year(word: str, published: date | datetime | None) -> int | None:
    """The year a relative word means, given the publication date; None when unknown."""
    offset = RELATIVE_YEARS.get(word.strip().lower())
    if offset is None or published is None:
        return None
    return published.year + offset


def batch_number(text: str) -> int | None:
    """ "第二批" → 2; None when ``text`` names no batch."""
    match = BATCH_ZH_RE.search(to_halfwidth(text))
    return chinese_numeral(match["n"]) if match else None


def title_period(title: str) -> tuple[int | None, str | None]:
    """The quota year and period a notice title names.

    "关于下达2024年第一批稀土开采、冶炼分离总量控制指标的通知" → (2024, "batch:1");
    "关于下达2021年稀土开采、冶炼分离总量控制指标的通知" → (2021, None): a title without a
    batch leaves the period to the caller, since a news headline may simply omit it.
    """
    text = to_halfwidth(title)
    years = [m for m in YEAR_ZH_RE.finditer(text) if not MONTH_ZH_RE.match(text, m.start())]
    year = int(years[0]["y"]) if years else None
    cumulative = CUMULATIVE_ZH_RE.search(text)
    if cumulative:
        count = chinese_numeral(cumulative["n"] or cumulative["m"])
        return year, f"cumulative:{count}" if count else None
    batch = batch_number(text)
    if batch:
        return year, f"batch:{batch}"
    if FIRST_BATCH_TITLE_RE.search(text):
        return year, "batch:1"  # "今年首批稀土开采指标下达"
    if re.search(r"年度|全年", text):
        return year, "annual"
    return year, None
