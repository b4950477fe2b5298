"""Amounts, percentages and Chinese numerals, in Chinese and English wording.

Every amount is returned in tonnes. Patterns are module constants so the fact rules of both
languages (``extractors.zh``, ``extractors.en``) find numbers the same way. Full-width forms are
handled by ``to_halfwidth``, a length-preserving table, so spans found in the converted text
are spans of the original.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

# Full-width ASCII (U+FF01..U+FF5E) to ASCII, plus the ideographic space; one char for one.
HALFWIDTH_TABLE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
HALFWIDTH_TABLE[0x3000] = 0x20
HALFWIDTH_TABLE[ord("﹪")] = ord("%")  # small percent sign seen in reposts

# Patterns that can only start at a digit say so first, "(?=\d)": the regex engine then skips
# other characters at once instead of trying the look-behinds at every position (3x faster).
# Better still, those that start by reading the digit (``FRESH_NUMBER``): the engine then
# passes over other characters in C without entering the pattern at all (3x faster again).

# A bare number: "270,000", "270000", "13.5", "9.458" (thousands separators only in 3s).
NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# NUMBER not inside another one: rf"(?<![\d.])(?<!\d,){NUMBER}", written to start with its
# first digit, the look-behinds checked after it (the same matches, tried in the same order).
_NUMBER_TAIL = r"(?:\d{0,2}(?:,\d{3})+|\d*)(?:\.\d+)?"  # NUMBER after its first digit
FRESH_NUMBER = rf"\d(?<![\d.]\d)(?<!\d,\d){_NUMBER_TAIL}"
NUMBER_RE = re.compile(rf"{FRESH_NUMBER}(?![\d])")

# The Chinese unit: 吨, 公吨 as Hong Kong and Taiwan write it, and after 万 the "t" of reports
# ("13.5万t").
ZH_UNIT = r"(?:公?吨|(?<=万)\s*t(?![A-Za-z]))"

# Chinese amount with its unit: "135000吨", "13.5万吨", "1.2 万吨", "135,000吨", "14446公吨",
# and the mixed form of headlines and subheads, "11万4000吨" (114,000 t: the 4000 is not a
# figure of its own).
# A Chinese number may follow a comma that ends another number where it is no group of three
# digits: "分别为135000,127000吨" (a list, its commas made half-width), not the "376" of "1,376吨".
# FRESH_NUMBER, but after "<digit>," only a run that is no group of exactly three digits.
FRESH_ZH_NUMBER = rf"\d(?<![\d.]\d)(?:(?<!\d,\d)|(?!\d{{2}}(?![\d]))){_NUMBER_TAIL}"
AMOUNT_ZH_RE = re.compile(
    rf"(?P<num>{FRESH_ZH_NUMBER})\s*(?P<mult>万|千)?(?:(?<=万)(?P<rest>\d{{1,4}}))?"
    rf"\s*(?P<unit>{ZH_UNIT})"
)

# An amount in Chinese numerals, as headlines and speech write it: "十三万五千吨" (135,000 t),
# "二十七万吨", "八千四百吨", "一万零五百吨"; "几", "数", "余" make it vague (no match).
_CN_DIGIT = "一二两三四五六七八九"
AMOUNT_ZH_NUMERAL_RE = re.compile(
    rf"(?=[{_CN_DIGIT}十])(?<![{_CN_DIGIT}十百千万零〇几数余上成好近约逾超])"
    rf"(?P<cn>[{_CN_DIGIT}十百千零〇]+(?:万[{_CN_DIGIT}十百千零〇]*)?)"
    rf"\s*(?P<unit>公?吨)"
)

# A number whose unit comes at the end of its list: "分别为12万、11.5万吨", "120000、115000吨",
# and "分别为13.5、12.7万吨", where a bare small number shares the list's 万 too (``shared``).
# The look-ahead reads at most SHARED_UNIT_REACH more numbers, so long lists take linear time.
SHARED_UNIT_REACH = 24
AMOUNT_ZH_SHARED_RE = re.compile(
    rf"(?P<num>{FRESH_ZH_NUMBER})\s*(?P<mult>万|千)?"
    rf"(?=(?:\s*(?:、|和|及|与|,|，)\s*{NUMBER}\s*(?P<shared>万|千)?){{1,{SHARED_UNIT_REACH}}}"
    rf"\s*{ZH_UNIT})"
)
# The largest bare number that takes the 万 of its list ("13.5、12.7万吨"); a larger one is tonnes.
MAX_SHARED_WAN = 1000

# English amount: "270,000 tonnes", "66,000t", "135kt", "100.8 kt", "52,500 metric tons",
# "1.2 million tonnes", "30 thousand tons", "20,000 mt".
AMOUNT_EN_RE = re.compile(
    rf"(?P<num>{FRESH_NUMBER})\s*(?P<mult>million|thousand)?\s*"
    r"(?P<unit>kilotonnes?|kilotons?|kt|metric\s+tonnes|metric\s+tons|tonnes|tons|tonne|ton|mt|t)"
    r"(?![A-Za-z])",
    re.IGNORECASE,
)

# A percentage: "12.5%", "12.5 %", "12.5 per cent", "12.5 percent", "12.5pc".
PERCENT_RE = re.compile(
    # for speed only, it reads the sign or first digit first, the look-behinds after it
    rf"(?P<num>[+\-\d](?<![\d.].)(?<!\d,.)(?:(?<=[+-]){NUMBER}|(?<=\d){_NUMBER_TAIL}))"
    r"\s*(?:%|per\s?cent|pc(?![A-Za-z]))",
    re.IGNORECASE,
)

# Multipliers of the words that can stand between a number and its unit.
_MULTIPLIERS = {"万": 10_000, "千": 1_000, "million": 1_000_000, "thousand": 1_000}
# Units, in tonnes.
_UNITS = {"kilotonne": 1_000, "kiloton": 1_000, "kt": 1_000}

_CHINESE_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


def to_halfwidth(text: str) -> str:
    """Full-width digits, letters and ASCII punctuation as half-width; same length."""
    return text.translate(HALFWIDTH_TABLE)


def to_decimal(number: str) -> Decimal | None:
    """A number as written ("270,000") as a Decimal; None when it is not a number."""
    try:
        return Decimal(to_halfwidth(number).replace(",", "").strip())
    except InvalidOperation:
        return None


def scale(
    number: str, mult: str | None = None, unit: str | None = None, rest: str | None = None
) -> float | None:
    """A matched number with its multiplier and unit, in tonnes; ``rest`` is what a mixed
    Chinese amount adds after its 万 ("11万4000吨": 11, 万, 4000)."""
    value = to_decimal(number)
    if value is None:
        return None
    if mult:
        value *= _MULTIPLIERS[mult.lower()]
    if rest:
        value += int(rest)
    if unit:
        key = unit.lower().rstrip("s")
        value *= _UNITS.get(key, 1)
    return float(value)


def zh_amount(match: re.Match[str]) -> float | None:
    """The tonnes of a match of ``AMOUNT_ZH_RE``, ``AMOUNT_ZH_SHARED_RE`` or
    ``AMOUNT_ZH_NUMERAL_RE``."""
    if "cn" in match.re.groupindex:
        whole = chinese_amount(match["cn"])
        return float(whole) if whole is not None else None
    number, mult = match["num"], match["mult"]
    rest = match["rest"] if "rest" in match.re.groupindex else None
    if mult is None and "shared" in match.re.groupindex and match["shared"]:
        value = to_decimal(number)
        if value is not None and value < MAX_SHARED_WAN:
            mult = match["shared"]  # "13.5、12.7万吨": 135,000 t and 127,000 t
    if mult or rest or not number.isascii():
        return scale(number, mult, rest=rest)
    return float(number.replace(",", ""))  # "135,000": as scale gives it, without its steps


def parse_amount(text: str) -> float | None:
    """The amount in ``text``, in tonnes: "13.5万吨" → 135000.0, "135kt" → 135000.0.

    ``text`` is one amount (a bare number, or a number with its unit); anything else
    around it, or no number at all, gives None.
    """
    cleaned = to_halfwidth(text).strip()
    match = AMOUNT_ZH_RE.fullmatch(cleaned)
    if match:
        return zh_amount(match)
    match = AMOUNT_EN_RE.fullmatch(cleaned)
    if match:
        return scale(match["num"], match["mult"], match["unit"])
    match = re.fullmatch(rf"(?P<num>{NUMBER})\s*(?P<mult>万|千)?", cleaned)
    if match:
        return scale(match["num"], match["mult"])
    return None


def parse_percent(text: str) -> float | None:
    """The first percentage in ``text``: "同比增长12.5%" → 12.5, "up 27 per cent" → 27.0."""
    match = PERCENT_RE.search(to_halfwidth(text))
    if not match:
        return None
    value = to_decimal(match["num"])
    return None if value is None else float(value)


@lru_cache(maxsize=256)  # the same few numerals ("一", "二", "两") come again and again
def chinese_amount(text: str) -> int | None:
    """A whole number in Chinese numerals up to 万 of 万: "十三万五千" → 135000, "八千四百" → 8400,
    "一万零五百" → 10500, "二十七万" → 270000; None where it is not one ("万千", "五五")."""
    high, wan, low = text.partition("万")
    if not wan:
        return _below_wan(text)
    top = _below_wan(high)
    rest = _below_wan(low) if low else 0
    if top is None or rest is None:
        return None
    if len(low) == 1 and low not in "零〇":
        rest *= 1000  # "十三万五" (colloquial for 十三万五千)
    return top * 10_000 + rest


_PLACES = {"千": 1000, "百": 100, "十": 10}


def _below_wan(text: str) -> int | None:
    """ "五千四百八十" → 5480, "十二" → 12, "三" → 3; None where it is not a number below 10,000."""
    if not text:
        return None
    total, digit, last_place = 0, None, 10_000
    for ch in text:
        if ch in "零〇":
            digit = None
            continue
        if ch in _PLACES:
            place = _PLACES[ch]
            if place >= last_place:
                return None
            total += (digit if digit is not None else 1) * place
            digit, last_place = None, place
        elif ch in _CHINESE_DIGITS:
            if digit is not None:
                return None  # "五五": two digits in a row is no numeral of this kind
            digit = _CHINESE_DIGITS[ch]
        else:
            return None
    return total + (digit or 0)


def chinese_numeral(text: str) -> int | None:
    """Small Chinese or Arabic numerals: "三" → 3, "十二" → 12, "二十" → 20, "2" → 2."""
    text = to_halfwidth(text).strip()
    if text.isdigit():  # "²" and other digit-like signs are digits to isdigit, not to int
        return int(text) if text.isascii() and len(text) <= 9 else None
    if not text or any(ch not in _CHINESE_DIGITS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return _CHINESE_DIGITS[text] if len(text) == 1 else None
    tens, _, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1 or "十" in units:
        return None
    high = _CHINESE_DIGITS[tens] if tens else 1
    low = _CHINESE_DIGITS[units] if units else 0
    return high * 10 + low
