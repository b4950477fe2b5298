"""When an English sentence says a quota was announced, resolved against the publication date.

"on Tuesday" → the latest Tuesday on or before publication; "last month" → the first of the
previous month; "on Feb. 6" / "February 6, 2024" / "6 February" → that day. Dates are also
returned as spans, so that the year inside a date is not taken for a quota year.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
# The year of a date: "2024", or said relative to publication: "December 27 last year".
_DATE_YEAR = r"(?:,?\s+(?:(?P<year>(?:19|20)\d\d)\b|(?P<rel>last|this|next)\s+year\b))?"
# "Feb. 6", "February 6, 2024", "Dec 14th 2023", "December 27 last year"
MONTH_DAY = re.compile(rf"\b{_MONTH}\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b{_DATE_YEAR}")
# "6 February 2024", "14 Dec", "27 December last year"
DAY_MONTH = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\b\.?{_DATE_YEAR}")
# "in January", "in March 2024", "earlier in April", "in December last year": the first of
# that month.
IN_MONTH = re.compile(rf"\bin\s+(?:early\s+|late\s+|mid-?)?{_MONTH}\b{_DATE_YEAR}")
_RELATIVE = {"last": -1, "this": 0, "next": 1}
# "2024-02-06"
ISO_DATE = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<day>\d\d)\b")
# "on Tuesday", "late on Friday"
WEEKDAY = re.compile(
    r"\bon\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.IGNORECASE
)
# "last month", "this month", "earlier this month", "yesterday", "today"
RELATIVE_DAY = re.compile(r"\b(?P<word>last\s+month|this\s+month|yesterday|today)\b", re.IGNORECASE)
# a wire dateline, "BEIJING, Feb 7 (Reuters) -": the day of the story, not of the announcement
DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'-]{1,30},\s*[^()\n]{0,24}"
    r"\((?:Reuters|Argus|Bloomberg|AP|AFP|SMM)\)\s*[-–—]+\s*"
)
# A part of a year, when something was announced: "announced in late 2013", "in early 2014",
# "mid-2012", "at the end of 2010": the year of a date, not a quota year.
PART_OF_YEAR = re.compile(
    r"\b(?:(?:in\s+)?(?:late|early|mid)[\s-]+|at\s+the\s+(?:end|start|beginning)\s+of\s+)"
    r"(?:19|20)\d\d\b(?!['’]s)",
    re.IGNORECASE,
)
_PART_WORDS = ("late", "early", "mid", "end of", "start of", "beginning of")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def date_spans(sentence: str, folded: str | None = None) -> list[tuple[int, int]]:
    """Spans of calendar dates, whose years are not quota years."""
    folded = sentence.casefold() if folded is None else folded
    patterns: list[re.Pattern[str]] = []
    if any(month in folded for month in _MONTHS):  # the named-month dates need a month
        patterns = [MONTH_DAY, DAY_MONTH, IN_MONTH]
    if "-" in sentence:
        patterns.append(ISO_DATE)
    if any(word in folded for word in _PART_WORDS):
        patterns.append(PART_OF_YEAR)
    spans: list[tuple[int, int]] = []
    for pattern in patterns:
        spans.extend(match.span() for match in pattern.finditer(sentence))
    return sorted(spans)


def announced_on(sentence: str, published: date | None) -> date | None:
    """The date the sentence gives for an announcement, or None."""
    if published is None:
        return None
    try:
        return _announced(DATELINE.sub("", sentence, count=1), published)
    except (OverflowError, ValueError):  # "on Tuesday" in a page dated 0001-01-01
        return None


def _announced(sentence: str, published: date) -> date | None:
    for pattern in (ISO_DATE, MONTH_DAY, DAY_MONTH):
        match = pattern.search(sentence)
        if match:
            return _day(match, published)
    match = WEEKDAY.search(sentence)
    if match:
        back = (published.weekday() - _WEEKDAYS.index(match["wd"].lower())) % 7
        return published - timedelta(days=back)
    match = RELATIVE_DAY.search(sentence)
    if match:
        return _relative(match["word"].lower(), published)
    match = IN_MONTH.search(sentence)
    if match:
        month = _MONTHS[match["month"][:3].lower()]
        year = _stated_year(match, published) or _year_of(month, 1, published)
        return date(year, month, 1)
    return None


def _day(match: re.Match[str], published: date) -> date | None:
    groups = match.groupdict()
    month = int(groups["m"]) if groups.get("m") else _MONTHS[groups["month"][:3].lower()]
    day = int(groups["day"])
    year = _stated_year(match, published) or _year_of(month, day, published)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _stated_year(match: re.Match[str], published: date) -> int | None:
    groups = match.groupdict()
    if groups.get("year"):
        return int(groups["year"])
    if groups.get("rel"):
        return published.year + _RELATIVE[groups["rel"].lower()]
    return None


def _year_of(month: int, day: int, published: date) -> int:
    """A date without a year lies on or before publication."""
    return (
        published.year if (month, day) <= (published.month, published.day) else published.year - 1
    )


def _relative(word: str, published: date) -> date:
    if word == "yesterday":
        return published - timedelta(days=1)
    if word == "today":
        return published
    if word.startswith("this"):
        return published.replace(day=1)
    first = published.replace(day=1)
    return (first - timedelta(days=1)).replace(day=1)
