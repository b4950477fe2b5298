"""Which words of a sentence qualify which figure.

Each figure owns a *right window* (the words after it up to a clause break or the next figure:
"63,500 t for the first batch of 2020") and a *left segment* (the words since the previous
figure's window: "the smelting quota at"). A word in the right window binds first, then the
nearest one on the left; what a figure lacks it takes from the figure before it, then from
words after the last figure that precede any comparison ("At 135,000 t, the first batch...").
Tight lists map onto lists of figures in order ("mining and smelting quotas of 135,000 t and
127,000 t", "... for mining and smelting respectively"). A figure after "from", "against",
"compared with" is a past figure: the year before, or the period and year its own words give.
"""

from __future__ import annotations

import bisect
import itertools
import re

from extractors.en.comparing import (
    REFERS_BACK,
    assign_changes,
    compare_all,
    date_the_one_past_figure,
)
from extractors.en.lexicon import (
    COMPARED_WITH,
    COMPARISON_ZONE,
    DIFFERENCE_AFTER,
    DIFFERENCE_BEFORE,
    PART_TAIL,
    QUOTA_IN,
    RESET,
    WITHIN_QUOTA,
)
from extractors.en.mentions import LIST_JOIN, Figure, Mention, Slot

KINDS = ("commodity", "type", "period", "year", "category", "holder")
TRAILING = ("commodity", "type", "period", "year")

# Where a figure's right window ends: clause punctuation, a sentence-final dot, a new clause
# or a comparison ("and", "while", "up", "from", "compared", "respectively", "of which").
RIGHT_STOP = re.compile(
    r"[,;:\[\]—–]|\.(?!\d)|\s-\s|\b(?:and|while|but|whereas|up|down|from|against|compared"
    r"|versus|vs|than|respectively|which|after|although|though|ris(?:e|ing)|rose|fall(?:ing)?"
    r"|fell|increas\w*|decreas\w*|with|including|br(?:ing|ings|inging|ought)|taking)\b",
    re.IGNORECASE,
)
# Between list members that each name their place: "3,605 t from Jiangxi and 2,090 t".
# ...or each their share: "up 18,000 t or 27% and 17,500 t or 28%".
PLACED_JOIN = re.compile(
    r"(?<!\s)\s+(?:(?:from|in|for|at|to|by)\s+(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    r"|or\s+\d{1,3}(?:\.\d+)?\s*(?:%|per\s*cent|percent))(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
)
# Between the old level and the new: "from 105,000 t to (as much as) 120,000 t".
FROM_TO = re.compile(
    r"(?<!\s)\s+to\s+(?:as\s+(?:much|high|low|many)\s+as\s+|about\s+|around\s+|roughly\s+|some\s+)?",
    re.IGNORECASE,
)
# An oxide tag after a figure ("135,000 t REO", "tons of rare earth oxide (REO)"), in a list:
# "135,000 t REO and 127,000 t for mining and smelting respectively".
OXIDE_TAG = r"(?:(?<!\s)\s*(?:of\s+)?(?:rare[\s-]earth\s+oxides?|REO)\b(?:\s*\(REO\))?)?"
OXIDE_LIST_JOIN = re.compile(
    OXIDE_TAG + r"(?<!\s)\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)", re.IGNORECASE
)
# Between a past batch's figure and the new one: "from 66,000 t in 2020 to 84,000 t (in 2021)".
FROM_YEAR_TO = re.compile(
    r"(?:(?<!\s)\s*(?:t|tonnes?|tons?|mt|metric\s+tons?))?"
    + OXIDE_TAG
    + r"(?<!\s)\s+(?:in|for)\s+(?:19|20)\d\d\s+to\s+"
    r"(?:about\s+|around\s+|some\s+)?",
    re.IGNORECASE,
)
# A quota type named only to compare with: "at the same time as the mining quota", "like the".
TYPE_ASIDE = re.compile(
    r"\b(?:same\s+time\s+as|along\s+with|together\s+with|like|than|unlike)\s+(?:the\s+|its\s+)?$",
    re.IGNORECASE,
)
# Shares of the quota that no holder id names: domestic firms, foreign-invested companies,
# joint ventures ("7,746 t were given to foreign-invested companies"), named within
# SUBGROUP_REACH characters after the figure; a total that includes them ("14,446 t, which
# includes the quotas of foreign firms") is the whole.
SUBGROUP = re.compile(
    r"\b(?:domestic|foreign(?:[\s-](?:invested|owned|funded|capital))?|sino[\s-]foreign|overseas)\s+"
    r"(?:firms|companies|producers|enterprises|exporters|ventures)\b|\bjoint[\s-]ventures?\b",
    re.IGNORECASE,
)
SUBGROUP_REACH = 60
# Chinese firms are a subgroup where the sentence names the foreign ones beside them ("5,978 t
# to foreign companies, adding to the 16,304 t issued to Chinese firms").
CHINESE_FIRMS = re.compile(
    r"\b(?:Chinese|local)\s+(?:firms|companies|producers|enterprises|exporters)\b", re.IGNORECASE
)
# A quota named for a subgroup before its figure: "the export quota for foreign companies is
# reduced to 7,700 t", "licences to joint ventures totalled".
SUBGROUP_QUOTA = re.compile(
    r"\b(?:quotas?|licen[cs]es?|EL|allocations?)\s+(?:for|to|of)\s+(?:the\s+|all\s+)?(?:[\w-]+\s+)?"
    r"(?:domestic|foreign|sino[\s-]foreign|overseas|joint)\b"
    r"|\b(?:domestic|foreign|overseas|joint)[\w\s-]{0,20}?(?:firms|companies|producers|enterprises"
    r"|exporters|ventures)\s+(?:got|received|obtained|(?:were|was)\s+(?:given|allotted|allocated"
    r"|granted|issued))\b",
    re.IGNORECASE,
)
INCLUDES = re.compile(r"\binclud(?:e|es|ed|ing)\b", re.IGNORECASE)
# A top-up of the quotas already issued: "additional export quotas", "of the added quotas".
# ("Added to the first-half quota, that brings the total to" adds the batch to the year.)
SUPPLEMENT = re.compile(
    r"\b(?:additional|extra|supplementary|added(?!\s+to\b)|top[\s-]up)\s+(?:[\w-]+\s+){0,3}?"
    r"quotas?\b",
    re.IGNORECASE,
)
# A figure named as the quota itself: "the 30,966 tonne quota", "30,996 t export quota".
QUOTA_NAMED_AFTER = re.compile(
    r"(?<![\s-])(?:[\s-]*(?:metric[\s-])?(?:tonnes?|tons?|t)\b)?\s*(?:export\s+)?quotas?\b",
    re.IGNORECASE,
)
# An aside between dashes: "the smelting quota – or the processing of ore into material used
# by manufacturers – is".
ASIDE = re.compile(r"\s[–—-]\s[^–—]{1,200}?\s[–—-]\s")
# "has risen every year since 2017, from 105,000 t to": the year of the old level.
SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)
# Between two figures coordinated in one clause: "tonnes and a smelting and separation quota of".
COORDINATED = re.compile(r"[^,;:.()]{0,80}?\band\b[^,;:.()]{0,80}")
# A figure given as a total, just before it: "a total of", "totalling", "totaled".
TOTAL_BEFORE = re.compile(r"\btotal(?:l?ing|l?ed|s)?\s+(?:of\s+)?$", re.IGNORECASE)
# "for the year": the whole year only when no batch is named beside it.
WEAK_ANNUAL = re.compile(r"for\s+the\s+year\b(?!\s+as\s+a\s+whole)", re.IGNORECASE)
# How far before its figure a holder may be named (characters).
HOLDER_REACH = 80
# Words between a group and the figure it holds: "got", "received", "was allocated", "owns",
# "remained the province with the largest quota at".
ALLOTTED = re.compile(
    r"\b(?:got|gets|getting|receiv(?:e|ed|es|ing)|allocated|allotted|given|granted|assigned"
    r"|awarded|accounted\s+for|took|takes|obtained|won|secured|holds?|held|owns?)\b|^['’]s\b"
    r"|\bwith\s+the\s+(?:largest|biggest|highest|smallest|lowest)\b",
    re.IGNORECASE,
)
# A group's share: "Northern Rare Earth's share of the first-batch quota".
SHARE_OF = re.compile(r"(?<!\s)\s*['’]s\s+(?:\w+\s+)?share\s+of\b", re.IGNORECASE)
# A group's own quota, whatever it did: "China Northern's mining quota rose to 94,580 t".
OWN_QUOTA = re.compile(
    r"^['’]s\s+(?:[\w-]+\s+){0,4}?(?:quotas?|allocations?|allotments?)\b", re.IGNORECASE
)
# ...and words that make the group the subject of other news: "said", "is expected to".
NOT_ALLOTTED = re.compile(r"\b(?:said|says|expected|rose|fell|shares|stock|plans?)\b", re.I)
# A group labelling its figures, a quota type between: "China Northern Rare Earth: mining
# 94,580 t", "CREG - smelting quota 38,990 t", "Xiamen Tungsten: extraction quota of 3,440 t".
LABELLED = re.compile(
    r"^\s*[:\u2013\u2014-]\s*(?:(?:rare[\s-]earths?|tungsten|antimony)\s+)?(?:mining|extraction"
    r"|smelting(?:\s+(?:and|&)\s+separation)?|separation|refining|exports?)(?:\s+quotas?)?"
    r"(?:\s+of)?\s*:?\s*$",
    re.IGNORECASE,
)
# A holder named as the receiver: "allocated to China Northern", "the allocation to CREG",
# "quotas for Xiamen Tungsten",
# "the light rare earth mining quota of Inner Mongolia is".
ALLOTTED_TO = re.compile(
    r"\b(?:(?:allocated|allotted|given|granted|assigned|awarded|went|goes|go|allocations?"
    r"|allotments?)\s+to|for"
    r"|quotas?\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# A holder named after its figure: "94,580 t for China Northern", "went to Xiamen Tungsten".
HOLDER_AFTER = re.compile(r"\b(?:for|to|by)\s+(?:the\s+)?$", re.IGNORECASE)
# A province named after its figure: "37,750 t in Jiangxi", "6,000 tonnes in Henan province".
# Only in a list of the provinces' shares ("37,750 t in Jiangxi, 23,100 t in Hunan") or after
# words that make it a share ("of which 6,000 t in Henan"): "output of 60,000 t in Inner
# Mongolia" alone is not a province's quota.
PROVINCE_AFTER = re.compile(r"^\s*(?:(?:metric\s+)?(?:tonnes?|tons?|t)\s+)?in\s+$", re.IGNORECASE)
PLACED_IN = re.compile(r"\d\s*(?:(?:metric\s+)?(?:tonnes?|tons?|t)\s+)?in\s+[A-Z]", re.IGNORECASE)
SHARE_CUE = re.compile(
    r"\b(?:of\s+which|among\s+them|of\s+(?:this|these|them|the\s+total)|including)\b", re.IGNORECASE
)
# An allotment just before its figure: "allotted 14,446 t of exports", "allocated a total of".
ALLOTTED_BEFORE = re.compile(
    r"\b(?:allott?ed|allocated|granted|assigned|approved)\s+(?:a\s+total\s+of\s+|about\s+"
    r"|around\s+|some\s+)?$",
    re.IGNORECASE,
)
# Words between a figure and a shipment word that still bind them: "16,000 t of exports".
NEGATIVE_AFTER = re.compile(
    r"\s*(?:(?:was|were|is|are|been|had\s+been)\s+)?(?:of\s+|in\s+)?(?:the\s+)?"
    r"(?:(?:rare[\s-]earths?|tungsten|antimony)\s+)?",
    re.IGNORECASE,
)
# The end of a clause after a figure: a comma or semicolon.
CLAUSE_END = re.compile(r"[,;]")
# Between the members of a list of words: "mining and smelting", "light, medium-heavy".
TIGHT = re.compile(
    r"[\s,]*(?:quotas?|rare[\s-]earths?)?[\s,]*(?:and|&|/|or|as\s+well\s+as)?[\s,]*"
    r"(?:the\s+|for\s+|of\s+|in\s+)?",
    re.IGNORECASE,
)


def bind(
    sentence: str,
    figures: list[Figure],
    mentions: list[Mention],
    defaults: dict[str, str | int | None],
    carried: list[Figure] | None = None,
) -> list[Figure]:
    """Fill each figure's ``attrs`` and ``compared``; return the figures that are quotas.

    ``defaults`` holds what earlier sentences established (commodity, type, year, period);
    a figure of another year than the default one, with no period of its own, is annual.
    ``carried`` are the current figures of the sentence before, for a sentence that only
    compares ("The new figures are up 10% from 120,000 t and 115,000 t respectively").
    """
    slots = _slots(sentence, figures, mentions)
    joins: list[bool] = []
    for i, (fig, slot) in enumerate(zip(figures, slots, strict=True)):
        joined = i > 0 and (
            LIST_JOIN.fullmatch(sentence, slot.left, fig.start) is not None
            or PLACED_JOIN.fullmatch(sentence, figures[i - 1].end, fig.start) is not None
        )
        joins.append(joined)
        if joined:
            fig.compared = figures[i - 1].compared
            slot.negative = slot.negative or slots[i - 1].negative
        else:
            compared = COMPARED_WITH.search(sentence, slot.left, fig.start)
            fig.compared = compared is not None
            if fig.compared and i > 0 and slots[i - 1].negative and not figures[i - 1].compared:
                # "the quota for foreign firms was cut to 5,978 t from 7,746 t": the past
                # figure is the same subgroup's (or top-up's) as the figure it is compared with
                slot.negative = True
            year = slot.own["year"]
            since = year is not None and SINCE.search(sentence, max(0, year.start - 8), year.start)
            if compared and year is not None and year.end <= compared.start() and not since:
                # "raise quotas for 2018 from 105,000 t": the year is the new quota's
                slot.own["year"] = None
                slot.subject_year = True
        fig.attrs = {k: (m.value if m else None) for k, m in slot.own.items() if k in KINDS}
        if fig.compared and _other_holder(fig, slot, figures[:i]):
            fig.compared = False  # "88,010 t, against 38,990 t for CREG": another group's, now
        unknown = slot.own.get("uyear")
        # "this year" on a page without a date: which year is unknown; only a past figure
        # "up from 140,000 t last year" is dated, by the figure it is compared with
        if (
            fig.attrs["year"] is None
            and unknown is not None
            and not (fig.compared and unknown.value == -1)
        ):
            slot.negative = slot.unknown_year = True
        if (
            fig.attrs["period"] is None
            and fig.attrs["year"] is not None
            and TOTAL_BEFORE.search(sentence, max(0, fig.start - 24), fig.start)
        ):
            fig.attrs["period"] = "annual"  # "a total of 30,246 t of quota allocated for 2011"
        cyear = slot.own.get("cyear")
        if fig.compared and fig.attrs["year"] is None and cyear is not None:
            fig.attrs["year"] = cyear.value  # "compared with 2022's 210,000 t"
        cperiod = slot.own.get("cperiod")
        if fig.attrs["period"] is None and cperiod is not None:
            # a past figure's period ("versus 2009/H1"), or a figure's only one ("compared with
            # the first batch of export quotas, 16,304 t")
            fig.attrs["period"] = cperiod.value
    _apply_lists(sentence, figures, slots, mentions, carried or [])
    _propagate(sentence, figures, slots, mentions, defaults)
    _undated_after_undated(figures, slots)
    back = REFERS_BACK.match(sentence.lstrip(" \"'“‘(")) is not None
    respectively = "respectively" in sentence.lower()
    compare_all(figures, slots, carried or [], joins, defaults, back, respectively)
    date_the_one_past_figure(figures, slots, mentions)
    _drop_unplaced_old_levels(sentence, figures, slots)
    assign_changes(sentence, figures)
    _offer_the_past_figures_period(figures, slots)
    return [f for f, s in zip(figures, slots, strict=True) if not s.negative]


def _drop_unplaced_old_levels(sentence: str, figures: list[Figure], slots: list[Slot]) -> None:
    """ "raise the 2018 quota from 105,000 t to 120,000 t": the old level may be an earlier
    level of the same year or last year's quota; with no year or period of its own it cannot
    be placed, and a figure that cannot be placed is dropped."""
    for i, (fig, slot) in enumerate(zip(figures[:-1], slots, strict=False)):
        nxt = figures[i + 1]
        if (
            fig.compared
            and not nxt.compared
            and FROM_TO.fullmatch(sentence, fig.end, nxt.start)
            and all(slot.own.get(kind) is None for kind in ("year", "period", "cyear", "cperiod"))
        ):
            slot.negative = True


def _slots(sentence: str, figures: list[Figure], mentions: list[Mention]) -> list[Slot]:
    slots: list[Slot] = []
    left = 0
    starts = [m.start for m in mentions]  # mentions are sorted by start
    for i, fig in enumerate(figures):
        limit = figures[i + 1].start if i + 1 < len(figures) else len(sentence)
        stop = RIGHT_STOP.search(sentence, fig.end, limit)
        right = stop.start() if stop else limit
        near = mentions[bisect.bisect_left(starts, left) : bisect.bisect_left(starts, limit)]
        # a stop inside a word of ours ("smelting and separation") does not cut it
        right = max([right, *(m.end for m in near if m.start < right < m.end)])
        in_right = [m for m in near if fig.end <= m.start and m.end <= right]
        in_left = [m for m in near if m.end <= fig.start]
        own: dict[str, Mention | None] = {}
        for kind in (*KINDS, "prior", "cyear", "cperiod", "uyear"):
            after = [m for m in in_right if m.kind == kind]
            before = [m for m in in_left if m.kind == kind]
            if kind == "type":
                # "the smelting quota is issued at the same time as the mining quota and was"
                before = [
                    m
                    for m in before
                    if not TYPE_ASIDE.search(sentence, max(0, m.start - 30), m.start)
                ]
            if kind == "holder":
                after = [
                    m
                    for m in after
                    if HOLDER_AFTER.search(sentence, fig.end, m.start)
                    or (
                        str(m.value).startswith("province:")
                        and PROVINCE_AFTER.match(sentence[fig.end : m.start]) is not None
                        and _province_list(sentence, fig.start)
                    )
                ]
                before = [
                    m
                    for m in before
                    if _allotted(sentence[m.end : fig.start])
                    or ALLOTTED_TO.search(sentence, max(0, m.start - 40), m.start)
                    if _near(sentence[m.end : fig.start])
                ]
            if kind == "period" and any(str(m.value).startswith("batch:") for m in after + before):
                # "the first quota ... for the year": "for the year" is this year, not annual
                after = [m for m in after if not _weak_annual(sentence, m)]
                before = [m for m in before if not _weak_annual(sentence, m)]
            own[kind] = after[0] if after else (before[-1] if before else None)
        negative = _negative(sentence, fig, in_left, in_right)
        # "22,512 t were assigned to domestic firms": a share of no holder FACTS.md names;
        # "additional quotas totalling 10,680 t": a top-up of no batch or year
        negative = negative or _subgroup(sentence, fig.end, limit)
        negative = negative or _subgroup_quota(sentence, left, fig.start)
        negative = negative or SUPPLEMENT.search(sentence, left, fig.start) is not None
        negative = negative or bool(
            slots and _part_of_output(sentence, slots[-1], figures[i - 1], fig)
        )
        slot = Slot(left, right, own, negative)
        year = own["year"]
        slot.said_relative = year is not None and not sentence[year.start : year.end][:1].isdigit()
        slots.append(slot)
        # words between a figure's window and the clause break after it are its clause's, not
        # the next figure's ("240,000 t after the second batch, and the smelting quota is")
        cut = CLAUSE_END.search(sentence, right, limit)
        left = cut.end() if cut else right
    return slots


def _province_list(sentence: str, start: int) -> bool:
    """Whether "N t in <province>" at ``start`` is one of the provinces' shares."""
    if SHARE_CUE.search(sentence, 0, start):
        return True
    placed = PLACED_IN.finditer(sentence)
    return next(placed, None) is not None and next(placed, None) is not None


def _undated_after_undated(figures: list[Figure], slots: list[Slot]) -> None:
    """A figure whose year is the one before it, which is "this year" on a page without a
    date, is not dated either: "the first round this year of 16,304 t and the second round
    of 7,976 t" leaves both years unknown."""
    pending = False
    for fig, slot in zip(figures, slots, strict=True):
        if slot.unknown_year:
            pending = True
        elif slot.own.get("year") is not None or slot.own.get("cyear") is not None:
            pending = False
        elif pending and not fig.compared:
            slot.negative = True


def _subgroup_quota(sentence: str, left: int, start: int) -> bool:
    """Whether the figure starting at ``start`` is a subgroup's quota named before it (not a
    total "including the licences for foreign companies")."""
    for match in SUBGROUP_QUOTA.finditer(sentence, max(left, start - SUBGROUP_REACH), start):
        if INCLUDES.search(sentence, max(0, match.start() - 12), match.start()):
            continue
        if not re.search(r"[,;]", sentence[match.end() : start]):
            return True  # in the figure's own clause
    return False


def _subgroup(sentence: str, start: int, limit: int) -> bool:
    """Whether the figure ending at ``start`` is the share of a subgroup named just after it."""
    end = min(limit, start + SUBGROUP_REACH)
    group = SUBGROUP.search(sentence, start, end)
    if group is None and "foreign" in sentence.lower() and SUBGROUP.search(sentence):
        group = CHINESE_FIRMS.search(sentence, start, end)
    return group is not None and not INCLUDES.search(sentence, start, group.start())


def _offer_the_past_figures_period(figures: list[Figure], slots: list[Slot]) -> None:
    past = {
        str(p)
        for f, slot in zip(figures, slots, strict=True)
        if f.compared and (p := f.attrs.get("period")) and slot.own.get("period") is not None
    }
    if len(past) != 1:
        return
    period = past.pop()
    for fig, slot in zip(figures, slots, strict=True):
        own = slot.own.get("period") or slot.own.get("cperiod")
        if (
            not fig.compared
            and own is None
            and not fig.inherited_period
            and fig.attrs.get("period") != period
        ):
            fig.alt_period = period


def _other_holder(fig: Figure, slot: Slot, before: list[Figure]) -> bool:
    """A figure compared with another group's of no other year or period: a share beside a
    share ("China Northern got 88,010 t, against 38,990 t for CREG"), not a past figure."""
    holder = fig.attrs.get("holder")
    if holder is None or any(slot.own.get(k) is not None for k in ("year", "cyear", "period")):
        return False
    held = [f.attrs.get("holder") for f in before if not f.compared]
    return bool(held) and held[-1] is not None and held[-1] != holder


def _weak_annual(sentence: str, mention: Mention) -> bool:
    return mention.value == "annual" and WEAK_ANNUAL.match(sentence, mention.start) is not None


def _near(between: str) -> bool:
    """A holder named before its figure is near it: "Baogang Group got the highest quota of
    1,811 t", "China Northern, the largest producer, got 94,580 t"; not a clause away."""
    return len(between) <= HOLDER_REACH or (len(between) <= 2 * HOLDER_REACH and "," not in between)


def _allotted(between: str) -> bool:
    if SHARE_OF.match(between) or OWN_QUOTA.match(between):
        return True  # "Northern Rare Earth's share of the quota rose to 70%, or 94,580 t"
    if NOT_ALLOTTED.search(between):
        return False
    return (
        bool(ALLOTTED.search(between)) or not between.strip(" :") or bool(LABELLED.match(between))
    )


def _negative(sentence: str, fig: Figure, in_left: list[Mention], in_right: list[Mention]) -> bool:
    """A price, output, shipment... nearer to the figure than any quota word; a difference."""
    if DIFFERENCE_BEFORE.search(sentence, max(0, fig.start - 30), fig.start):
        return True
    if DIFFERENCE_AFTER.match(sentence, fig.end):
        return True
    if QUOTA_NAMED_AFTER.match(sentence, fig.end):
        return False  # "just over half the 30,966 tonne quota": the quota itself
    quotas = [(m.start, m.end) for m in in_left if m.kind == "quota"]
    # "output" inside "a ceiling on output" is part of the quota word, not a negative; nor is
    # a word of an aside between dashes ("smelting – the processing of ore used by ... –")
    asides = [(m.start(), m.end()) for m in ASIDE.finditer(sentence, 0, fig.start)]
    negatives = [
        m
        for m in in_left
        if m.kind == "not_quota"
        and not any(a <= m.start and m.end <= b for a, b in quotas + asides)
    ]
    nots = [m.start for m in negatives]
    ends = {m.end for m in negatives}
    # a type word qualified by a negative ("illegal mining", "actual mining") is no cue
    cues = [
        m.start
        for m in in_left
        if m.kind == "quota" or (m.kind == "type" and not {m.start - 1, m.start} & ends)
    ]
    if nots and (not cues or nots[-1] > cues[-1]):
        return True
    if ALLOTTED_BEFORE.search(sentence, max(0, fig.start - 30), fig.start):
        return False  # "allotted 14,446 t of rare-earth exports": the exports allowed
    return any(
        m.kind == "not_quota" and NEGATIVE_AFTER.fullmatch(sentence, fig.end, m.start)
        for m in in_right
    )


def _part_of_output(sentence: str, before: Slot, prev: Figure, fig: Figure) -> bool:
    """A part of an output figure, told after the quota it kept within: "China produced
    140,000 t under its mining quota, with 60,000 t in Inner Mongolia" (60,000 t is output too);
    not the quota's own figure ("well under the quota of 30,996 t")."""
    if not before.negative:
        return False
    between = sentence[prev.end : fig.start]
    tail = PART_TAIL.search(between)
    if tail is None:
        return False
    named = WITHIN_QUOTA.search(between, 0, tail.start())
    return named is not None or QUOTA_IN.search(between, 0, tail.start()) is None


def _parallel_types(
    figures: list[Figure], group: list[int], carried: list[Figure]
) -> list[str | int] | None:
    """The types of a list that names none, from the list before it: "135,000 t for mining and
    127,000 t for smelting, taking full-year totals to 270,000 t and 254,000 t"; "Northern got
    94,580 t of mining and 88,010 t of smelting quota, while CREG got 40,420 t and 38,990 t"."""
    earlier = [f for f in figures[: group[0]] if not f.compared]
    for source in (earlier[-len(group) :], carried):
        types = [str(t) for f in source if (t := f.attrs.get("type")) is not None]
        if len(types) == len(group) == len(source) and len(set(types)) == len(types):
            return list(types)
    return None


def _apply_lists(
    sentence: str,
    figures: list[Figure],
    slots: list[Slot],
    mentions: list[Mention],
    carried: list[Figure] | None = None,
) -> None:
    respectively = "respectively" in sentence.lower()
    for group in _groups(sentence, figures, slots):
        first, last = figures[group[0]], figures[group[-1]]
        end = re.search(r"[,;]|\.(?!\d)", sentence[last.end :])
        stop = last.end + end.start() if end else len(sentence)
        if respectively:  # "N, M and K in 2010, 2011 and 2012 respectively": up to that word
            word = re.search(r"\brespectively\b", sentence[last.end :], re.IGNORECASE)
            stop = max(stop, last.end + word.start()) if word else stop
        for kind in KINDS:
            same = [m for m in mentions if m.kind == kind]
            before = [m for m in same if slots[group[0]].left <= m.start and m.end <= first.start]
            after = [m for m in same if last.end <= m.start and m.end <= stop]
            values = _list_values(sentence, before, after, len(group), respectively)
            if values is None and respectively:
                values = _distinct([m for m in same if m.end <= first.start], len(group))
            shared = False
            if values is None and len({m.value for m in after}) == 1:
                values = [after[0].value] * len(group)  # "210,000 t and 202,000 t last year"
                shared = True
            if values is None and kind == "type" and not before and not after:
                values = _parallel_types(figures, group, carried or [])
            if values is not None:
                for index, value in zip(group, values, strict=True):
                    if not (shared and slots[index].own.get(kind) is not None):
                        figures[index].attrs[kind] = value  # a word shared only where none


def _groups(sentence: str, figures: list[Figure], slots: list[Slot]) -> list[list[int]]:
    groups: list[list[int]] = []
    for i in range(len(figures)):
        gap = (sentence, figures[i - 1].end, figures[i].start) if i else None
        tight = gap and (LIST_JOIN.fullmatch(*gap) or OXIDE_LIST_JOIN.fullmatch(*gap))
        if tight and groups and groups[-1][-1] == i - 1:
            groups[-1].append(i)
        else:
            groups.append([i])
    return [g for g in groups if len(g) > 1]


def _list_values(
    sentence: str, before: list[Mention], after: list[Mention], n: int, respectively: bool
) -> list[str | int] | None:
    for candidate in (after[:n], before[-n:]):
        if len(candidate) == n and _tight(sentence, candidate):
            return _distinct(candidate, n)
    return _distinct(before, n) if respectively else None


def _tight(sentence: str, listed: list[Mention]) -> bool:
    return all(TIGHT.fullmatch(sentence, a.end, b.start) for a, b in itertools.pairwise(listed))


def _distinct(listed: list[Mention], n: int) -> list[str | int] | None:
    values: list[str | int] = []
    for m in listed:
        if m.value not in values:
            values.append(m.value)
    return values if len(values) == n else None


def _share_trailing(sentence: str, figures: list[Figure], slots: list[Slot]) -> None:
    for i in range(len(figures) - 2, -1, -1):
        fig, nxt = figures[i], figures[i + 1]
        if fig.compared or nxt.compared:
            continue
        if not COORDINATED.fullmatch(sentence, fig.end, nxt.start):
            continue
        for kind in ("period", "year"):
            said = slots[i + 1].own.get(kind)
            if fig.attrs.get(kind) is None and said is not None and said.start >= nxt.end:
                fig.attrs[kind] = nxt.attrs.get(kind)


def _propagate(
    sentence: str,
    figures: list[Figure],
    slots: list[Slot],
    mentions: list[Mention],
    defaults: dict[str, str | int | None],
) -> None:
    """Fill gaps from the previous current figure, then from words after the last figure.

    Figures coordinated in one clause share what the last of them is said to be ("a mining
    quota of 135,000 t and a smelting quota of 127,000 t were unveiled for the first round of
    2024")."""
    _share_trailing(sentence, figures, slots)
    tail_start = slots[-1].right if slots else 0
    zone = COMPARISON_ZONE.search(sentence, tail_start)
    tail_end = zone.start() if zone else len(sentence)
    tail = [m for m in mentions if tail_start <= m.start and m.end <= tail_end]
    previous: Figure | None = None
    previous_named_period = False
    for i, (fig, slot) in enumerate(zip(figures, slots, strict=True)):
        if fig.compared:
            continue
        before = figures[i - 1] if i else None
        if (
            before is not None
            and before.compared
            and FROM_TO.fullmatch(sentence, before.end, fig.start)
        ):
            # "raise mining quotas from 105,000 t to 120,000 t": the same quota, a new level
            for kind in ("commodity", "type", "category", "holder"):
                if fig.attrs.get(kind) is None:
                    fig.attrs[kind] = before.attrs.get(kind)
        elif (
            before is not None
            and before.compared
            and fig.attrs.get("period") is None
            and str(before.attrs.get("period")).startswith("batch:")
            and FROM_YEAR_TO.fullmatch(sentence, before.end, fig.start)
            and any(
                m.kind == "period" and m.value == before.attrs["period"] and m.end <= before.start
                for m in mentions
            )
        ):
            # "the first batch rose from 66,000 t in 2020 to 84,000 t in 2021": the batch the
            # sentence names first is both years'
            fig.attrs["period"] = before.attrs["period"]
        reset = RESET.search(sentence, slot.left, fig.start) is not None
        # a figure of another period is another quota: "8,537 t of light ... brings the
        # full-year quota to 30,996 t" passes no category on
        own_period = fig.attrs.get("period")
        if previous is not None and own_period is not None:
            reset = reset or own_period != previous.attrs.get("period")
        for kind in KINDS:
            if fig.attrs.get(kind) is not None:
                continue
            # a category splits one quota type: "light ... mining quota and 88,010 t of smelting"
            retyped = (
                kind == "category" and previous and previous.attrs["type"] != fig.attrs["type"]
            )
            # a figure of a year of its own is not in the story's period that the figure before
            # it took ("the 2014 quota will be 21,586 t, 70% of the 2013 quota of 30,999 t"),
            # only in one its words name ("The 2013 first-lot quota was 15,501 t and the limit
            # in 2012 was 21,226 t")
            other_year = (
                kind == "period"
                and previous is not None
                and not previous_named_period
                and slot.own.get("year") is not None
                and fig.attrs.get("year") != previous.attrs.get("year")
            )
            if (
                previous is not None
                and not retyped
                and not other_year
                and not (reset and kind in ("category", "holder"))
            ):
                fig.attrs[kind] = previous.attrs.get(kind)
                if kind == "period" and fig.attrs[kind] is not None:
                    fig.inherited_period = True
            if fig.attrs.get(kind) is None and kind in TRAILING:
                found = next((m.value for m in tail if m.kind == kind), None)
                fig.attrs[kind] = found
        for kind in ("commodity", "type", "year"):
            if fig.attrs.get(kind) is None:
                fig.attrs[kind] = defaults.get(kind)
        if fig.attrs.get("holder") is None and defaults.get("holder"):
            fig.attrs["holder"] = defaults["holder"]  # a province's notice
        if fig.attrs.get("holder") and fig.attrs.get("category") is None:
            # "The light quota of Inner Mongolia is 73,550 t. China Northern owns 68,550 t."
            fig.attrs["category"] = defaults.get("category")
        if fig.attrs.get("period") is None:
            # a figure of another year than the story's is that year's total; with no story
            # year known yet, it is the story's own
            story_year = defaults.get("year")
            same_year = story_year is None or fig.attrs.get("year") == story_year
            fig.attrs["period"] = (defaults.get("period") if same_year else None) or "annual"
        previous = fig
        previous_named_period = slot.own.get("period") is not None or fig.inherited_period
