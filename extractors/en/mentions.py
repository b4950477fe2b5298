"""What one English sentence mentions, with positions: figures (tonnages) and the words that
qualify them (commodity, quota type, period, year, category, holder, sourcing, negatives).

Positions are offsets in the sentence; ``binding`` decides which word goes with which
figure.
"""

from __future__ import annotations

import bisect
import re
import sys
from dataclasses import dataclass, field
from datetime import date

from extractors import numbers, vocab
from extractors.en import lexicon
from extractors.en.lexicon import (
    COMPARED_PERIOD,
    COMPARED_WITH,
    COMPARED_YEAR,
    FOLLOWED_PERIOD,
    GATES,
    HOLDER_NOT_AFTER,
    HOLDER_NOT_BEFORE,
    OTHER_COMMODITIES,
    RELATIVE_YEAR,
    YEAR,
)
from extractors.en.timing import date_spans
from extractors.patterns import factor_boundaries, factor_table

# The lexicon's word tables, each pattern run on every sentence read: the same matches, found
# faster (extractors.patterns).
COMMODITY = factor_table(lexicon.COMMODITY)
QUOTA_TYPE = factor_table(lexicon.QUOTA_TYPE)
PERIOD = factor_table(lexicon.PERIOD)
CATEGORY = factor_table(lexicon.CATEGORY)
PRIOR_YEAR = factor_boundaries(lexicon.PRIOR_YEAR)
NOT_QUOTA = factor_boundaries(lexicon.NOT_QUOTA)
QUOTA_WORD = factor_boundaries(lexicon.QUOTA_WORD)

# The word tables find_mentions runs, by kind of mention.
TABLES = {"commodity": COMMODITY, "type": QUOTA_TYPE, "period": PERIOD, "category": CATEGORY}
# Each table's (value, pattern, gate words), in the table's order.
_GATED = {
    kind: [(value, pattern, GATES[kind][value]) for value, pattern in table.items()]
    for kind, table in TABLES.items()
}
# A bare number just after "and", listed after a figure with its unit (at most this far, and
# at most this many times as large).
LISTED_AND = re.compile(r"(?:,\s*|\s)and\s+$")
LISTED_GAP = 60
LISTED_REACH = 3.0
# A number written with a dot between thousands and units: "15.500", "13.691" (tonnes).
DOT_THOUSANDS = re.compile(r"[1-9]\d{0,2}\.\d{3}")
# Words, for the goods that are not ours.
WORD = re.compile(r"\w+")
# "a 135,000-tonne quota": the compound adjective form of an amount.
HYPHENATED_AMOUNT = re.compile(
    rf"(?<![\d.,])(?P<num>{numbers.NUMBER})-(?:metric-)?(?P<unit>tonne|ton|kt)\b", re.IGNORECASE
)
# "135 000 tonnes" (thin or plain spaces between thousands) and "135k tonnes".
SPACED_AMOUNT = re.compile(
    r"(?<![\d.,])(?P<num>\d{1,3}(?:[ \u00a0\u202f]\d{3})+)\s*(?:metric\s+)?"
    r"(?P<unit>tonnes|tons|tonne|ton|mt|t)(?![A-Za-z])",
    re.IGNORECASE,
)
K_AMOUNT = re.compile(
    r"(?<![\d.,])(?P<num>\d{1,3}(?:\.\d+)?)\s?k\s*(?:metric\s+)?(?P<unit>tonnes|tons|t|mt)(?![A-Za-z])",
    re.IGNORECASE,
)
# A currency sign or word just before a number: "$1,200", "US$", "yuan 300".
CURRENCY_BEFORE = re.compile(r"(?:[$€£¥]|\bUS\$?|\bRMB|\byuan|\bUSD)\s*$", re.IGNORECASE)
# Joins the members of a list of figures: ", ", " and ", ", and ", " & ".
LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)", re.IGNORECASE)
# What may follow a figure written without its unit ("115,000, ...", "115,000 in 2023").
BARE_FOLLOW = re.compile(
    r"\s*(?:[,.;:)]|$|(?:and|in|for|of|a|the|last|during|at|this|to)\b)", re.IGNORECASE
)


@dataclass(frozen=True)
class Mention:
    """A qualifying word: ``sentence[start:end]`` gives ``value`` of ``kind``."""

    # commodity|type|period|cperiod|fperiod|year|cyear|uyear|prior|category|holder|company|
    # not_quota|quota
    kind: str
    value: str | int
    start: int
    end: int


@dataclass
class Figure:
    """A tonnage in a sentence and, once bound, what it is a quota of."""

    start: int
    end: int
    tonnes: float
    compared: bool = False  # a past figure given for comparison ("up from 120,000 t")
    attrs: dict[str, str | int | float | None] = field(default_factory=dict)
    inherited_period: bool = False  # its period is the figure's before it, not its own words
    # a period its own words do not give but its past figure's do ("84,000 t, up 27% on the
    # 66,000 t of the first batch of 2020"): a second reading, for the stated growth to test
    alt_period: str | None = None


@dataclass
class Slot:
    """A figure's words: its right window and left segment, as sentence offsets."""

    left: int
    right: int
    own: dict[str, Mention | None]
    negative: bool
    said_relative: bool = False  # its own year is "last year", "a year ago"
    subject_year: bool = False  # a year named before its comparison: "the 2012 quota ... than"
    unknown_year: bool = False  # its own year is "this year" on a page without a date


def find_mentions(
    sentence: str, published: date | None, quota_words: list[tuple[int, int]] | None = None
) -> list[Mention]:
    """Every qualifying word of the sentence, in order; overlaps within a kind resolved.

    ``quota_words`` are the spans of the sentence's quota words where a scan of the whole text
    has found them already."""
    terms = vocab.find_terms(sentence, ("company", "province"))
    names = sorted((term.start, term.end) for term in terms)
    found = [
        Mention("holder", term.value, term.start, term.end)
        for term in terms
        if _is_holder(sentence, term.start, term.end)
    ]
    # every group named, holder or not ("shares of China Northern Rare Earth")
    found.extend(Mention("company", t.value, t.start, t.end) for t in terms if t.kind == "company")
    folded = sentence.casefold()
    has = folded.__contains__
    for kind, gated in _GATED.items():
        candidates = [
            Mention(kind, value, m.start(), m.end())
            for value, pattern, words in gated
            if any(map(has, words))
            for m in pattern.finditer(sentence)
        ]
        if kind == "commodity":  # "Xiamen Tungsten" names a company, not the metal
            candidates.extend(other_commodities(sentence))
            candidates = [c for c in candidates if not _inside(c.start, c.end, names)]
        kept = _longest_first(candidates)
        if kind == "period":  # "over 2009/H1": the period of a past figure, as for years
            kept = [_period_kind(sentence, m) for m in kept]
        found.extend(kept)
    found.extend(_years(sentence, published, folded))
    words = [("not_quota", NOT_QUOTA)]
    if "year" in folded or "y/y" in folded or "yoy" in folded:
        words.insert(0, ("prior", PRIOR_YEAR))  # PRIOR_YEAR needs one of them
    if quota_words is None:
        words.append(("quota", QUOTA_WORD))
    else:
        found.extend(Mention("quota", sentence[a:b], a, b) for a, b in quota_words)
    for kind, pattern in words:
        found.extend(
            Mention(kind, m.group(), m.start(), m.end()) for m in pattern.finditer(sentence)
        )
    return sorted(found, key=lambda m: (m.start, m.end))


def other_commodities(sentence: str) -> list[Mention]:
    """Goods other than ours ("coal", "iron ore"), as "other" commodity mentions."""
    if OTHER_COMMODITIES.isdisjoint(WORD.findall(sentence.lower())):
        return []  # (most sentences: one scan in C, no word looked at in Python)
    found = []
    for word in WORD.finditer(sentence):
        name = word.group().lower()
        if name in OTHER_COMMODITIES:
            end = word.end()
            if name == "iron":  # only "iron ore" is a good of its own
                rest = sentence[end : end + 24]
                after = rest.lstrip()
                ore = after[:3].lower() == "ore" and not after[3:4].isalnum()
                if not (ore and len(after) < len(rest) and after[3:4] != "_"):
                    continue
                end += len(rest) - len(after) + 3
            found.append(Mention("commodity", "other", word.start(), end))
    return found


def quota_type_mentions(text: str) -> list[Mention]:
    """find_mentions' "type" mentions of a whole text, in order."""
    has = text.casefold().__contains__
    candidates = [
        Mention("type", value, m.start(), m.end())
        for value, pattern, words in _GATED["type"]
        if any(map(has, words))
        for m in pattern.finditer(text)
    ]
    return _longest_first(candidates)


def find_figures(sentence: str) -> list[Figure]:
    """Tonnages in the sentence; figures without a unit only in lists and comparisons."""
    figures = []
    for pattern in (numbers.AMOUNT_EN_RE, HYPHENATED_AMOUNT):
        for m in pattern.finditer(sentence):
            if CURRENCY_BEFORE.search(sentence, max(0, m.start() - 8), m.start()):
                continue
            unit, mult = m.groupdict().get("unit"), m.groupdict().get("mult")
            tonnes = numbers.scale(m["num"], mult, unit)
            kilo = str(unit).lower().startswith("k")
            if tonnes is not None and not mult and not kilo and DOT_THOUSANDS.fullmatch(m["num"]):
                tonnes *= 1000  # "15.500 tonnes": a dot for the thousands, as in Europe
            if tonnes is not None:
                figures.append(Figure(m.start(), m.end(), tonnes))
    for pattern, factor in ((SPACED_AMOUNT, 1.0), (K_AMOUNT, 1000.0)):
        for m in pattern.finditer(sentence):
            value = numbers.scale(re.sub(r"\D", "", m["num"]) if factor == 1.0 else m["num"])
            if value is not None:
                # the whole "135 000 tonnes", not its tail "000 tonnes"
                figures = [f for f in figures if not (f.start < m.end() and m.start() < f.end)]
                figures.append(Figure(m.start(), m.end(), value * factor))
    figures.sort(key=lambda f: f.start)
    if figures:
        figures = _with_bare_numbers(sentence, figures)
    return figures


def _with_bare_numbers(sentence: str, figures: list[Figure]) -> list[Figure]:
    """Add "135,000 and 127,000 tonnes" list members and "up 10.43% from 115,000"."""
    taken = sorted((f.start, f.end) for f in figures)
    bare = [
        m
        for m in numbers.NUMBER_RE.finditer(sentence)
        if not _inside(m.start(), m.end(), taken)
        and BARE_FOLLOW.match(sentence, m.end())
        and not CURRENCY_BEFORE.search(sentence, max(0, m.start() - 8), m.start())
        and not re.fullmatch(r"(?:19|20)\d\d|\d{1,2}(?:\.\d+)?", m.group())
    ]
    by_start = {f.start: f for f in figures}
    ends = [f.end for f in figures]
    for m in reversed(bare):  # right to left, so a list takes its unit from its last member
        value = numbers.scale(m.group())
        if value is None:
            continue
        after = LIST_JOIN.match(sentence, m.end())
        nxt = by_start.get(after.end()) if after else None
        if nxt is not None:
            factor = nxt.tonnes / (numbers.scale(_number_of(sentence, nxt)) or 1.0)
            by_start[m.start()] = Figure(m.start(), m.end(), value * factor)
            continue
        earlier = bisect.bisect_right(ends, m.start())
        if earlier and COMPARED_WITH.search(sentence, max(0, m.start() - 40), m.start()):
            scaled = _plausible(value, figures[earlier - 1])
            if scaled is not None:
                by_start[m.start()] = Figure(m.start(), m.end(), scaled)
        elif earlier and _listed_after(sentence, figures[earlier - 1], m.start()):
            # "30,280 tonnes for light rare earth, and 10,140 for ion-absorbed": its unit
            before = figures[earlier - 1]
            factor = before.tonnes / (numbers.scale(_number_of(sentence, before)) or 1.0)
            if value * factor <= before.tonnes * LISTED_REACH:
                by_start[m.start()] = Figure(m.start(), m.end(), value * factor)
    return [by_start[start] for start in sorted(by_start)]


def _listed_after(sentence: str, before: Figure, start: int) -> bool:
    """A bare number listed after a figure with its unit, nothing numeric between."""
    if start - before.end > LISTED_GAP or not LISTED_AND.search(sentence, before.end, start):
        return False
    return not any(c.isdigit() for c in sentence[before.end : start])


def _number_of(sentence: str, figure: Figure) -> str:
    match = numbers.NUMBER_RE.match(sentence, figure.start)
    return match.group() if match else "1"


def _plausible(value: float, reference: Figure) -> float | None:
    """A unitless comparison figure in the reference's unit or in tonnes, if either fits."""
    factor = reference.tonnes / value if value else 0.0
    for scaled in (value * round(factor / 1000) * 1000 if factor >= 500 else None, value):
        if scaled is not None and 0.3 <= scaled / reference.tonnes <= 3:
            return scaled
    return None


def _years(sentence: str, published: date | None, folded: str | None = None) -> list[Mention]:
    """Years and relative years; one named for comparison ("from last year") is a "cyear"."""
    folded = sentence.casefold() if folded is None else folded
    dates = _merged(date_spans(sentence, folded))
    found = [
        (int(m.group(1)), m.start(), m.end())
        for m in YEAR.finditer(sentence)
        if not _inside(m.start(), m.end(), dates)
    ]
    unknown = []
    relative = RELATIVE_YEAR.items() if "year" in folded else ()  # each names a "year"
    for offset, pattern in relative:
        for m in pattern.finditer(sentence):
            if _inside(m.start(), m.end(), dates):
                continue
            if published is None:  # "last year" of a page without a date: no year at all
                unknown.append(Mention("uyear", offset, m.start(), m.end()))
            else:
                found.append((published.year + offset, m.start(), m.end()))
    return [
        *(Mention(_year_kind(sentence, start), value, start, end) for value, start, end in found),
        *unknown,
    ]


def _period_kind(sentence: str, mention: Mention) -> Mention:
    if FOLLOWED_PERIOD.search(sentence, max(0, mention.start - 40), mention.start):
        # "follows a first batch of 62,000 t": the batch of the figure just after it only
        return Mention("fperiod", mention.value, mention.start, mention.end)
    compared = COMPARED_PERIOD.search(sentence, max(0, mention.start - 40), mention.start)
    if compared is None:
        return mention
    return Mention("cperiod", mention.value, mention.start, mention.end)


def _year_kind(sentence: str, start: int) -> str:
    compared = COMPARED_YEAR.search(sentence, max(0, start - 60), start)
    return "cyear" if compared is not None else "year"


def _is_holder(sentence: str, start: int, end: int) -> bool:
    """Not the subject of news about the company: "China Northern said", "shares of CNRE"."""
    return not (
        HOLDER_NOT_BEFORE.match(sentence, end)
        or HOLDER_NOT_AFTER.search(sentence, max(0, start - 20), start)
    )


def _longest_first(candidates: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for cand in sorted(candidates, key=lambda c: (c.start, c.start - c.end)):
        if not kept or cand.start >= kept[-1].end:  # sorted by start: only the last can overlap
            kept.append(cand)
    return kept


def _inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether [start, end) lies within one of ``spans`` (sorted, not overlapping)."""
    i = bisect.bisect_right(spans, (start, sys.maxsize)) - 1
    return i >= 0 and spans[i][0] <= start and end <= spans[i][1]


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
