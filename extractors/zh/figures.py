"""The figures of a sentence: a run of amounts read against the state in force ("135000吨、
127000吨"), kept only where its clause speaks of quotas and not of output, prices, changes or
forecasts; their stated changes; the facts of a table's rows.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from extractors.facts import QuotaFact
from extractors.numbers import zh_amount
from extractors.zh.context import Group, Row, State, Token, Whole
from extractors.zh.document import Doc, status_of
from extractors.zh.lexicon import (
    AFTER_AMOUNT_RE,
    AMONG_RE,
    BYPRODUCT_BESIDE_RE,
    CLAUSE_MARK_RE,
    DELTA_BEFORE_RE,
    EACH_RE,
    FORECAST_LEAD_RE,
    FORECAST_RE,
    HYPOTHETICAL_RE,
    MAX_TONNES,
    MIN_TONNES,
    NOT_QUOTA_RE,
    OXIDE_AFTER_RE,
    PRODUCE_CUE_RE,
    PRODUCE_NOTICE_RE,
    QUOTA_CUE_RE,
    RESULT_RE,
    SEP_RE,
    SUM_RE,
    WORD_KINDS,
)
from extractors.zh.tables import parse_table

# The readings of one stated figure, the likeliest first.
Readings = tuple[QuotaFact, ...]


# How long the words before a sum's amount may be, in a clause of its own ("两者合计为").
MAX_SUM_LEAD = 6


def read_group(
    doc: Doc,
    state: State,
    run: list[Token],
    tokens: list[Token],
    last: int,
    half: str,
    start: int,
    end: int,
    clause: int,
    cue_at: int | None,
) -> Group | None:
    """Facts for a run of amounts ("135000吨、127000吨") from the state, or None; ``cue_at`` is
    where the sentence first speaks of quotas (None: it does not)."""
    if state.temporary and not state.scope_changed:
        return None  # "高于前值12万吨": a comparison without its own year or batch
    clause_left, right = clause_bounds(half, start, end, run[0].start)
    if cue_at is None or (
        cue_at >= right and not _history_before_cue(tokens, half, clause_left, right, cue_at, end)
    ):
        return None
    # What comes before a colon is not this figure's clause ("…价格走高 要点:…指标5.25万吨"),
    # though it may label it ("2019年：13.2万吨").
    colon = half.rfind(":", clause_left, run[0].start)
    left = max(clause_left, colon + 1)
    if (
        _not_quota(half, left, right, run[-1].end)
        or (
            PRODUCE_CUE_RE.search(half, left, right)
            and not PRODUCE_NOTICE_RE.search(half, start, end)
        )
        or FORECAST_RE.search(half, left, right)
        or FORECAST_LEAD_RE.search(half, start, run[0].start)
        or HYPOTHETICAL_RE.search(half, start, run[0].start)
    ):
        return None
    follower = type_after(tokens, last, half)
    bound_type = None
    if follower is not None and (len(run) == 1 or not state.lists["quota_type"]):
        # "获得94580吨开采指标"; "甲、乙分别获得9.458、4.042万吨开采指标" where no type came before
        bound_type = str(follower.value)
    elif not state.type_named:
        # No type named in the sentence before the figure: one named after the sentence's last
        # figure is its ("较2019年全年的13.2万吨，开采指标有所增加"); two such, or none after
        # figures of two types ("…开采指标X，冶炼分离指标Y。北方稀土获得Z"), leave it unplaced.
        later = _types_after_figures(tokens)
        if len(later) > 1:
            return None
        if later:
            bound_type = later.pop()
        elif (
            len(state.prior_types) > 1
            and len(state.lists["quota_type"]) < 2
            and not state.lists["category"]
            and not (state.among and state.among_category)
        ):
            return None
    if (
        colon < 0
        and left > start
        and (
            not any(t.kind == "amount" and t.end <= left for t in tokens)
            or RESULT_RE.match(half, left, run[0].start)
            or OXIDE_AFTER_RE.match(half, left)  # "…16846吨，折REO14446吨"
            or (run[0].start - left <= MAX_SUM_LEAD and SUM_RE.search(half, left, run[0].start))
        )
    ):
        # "公布…稀土出口配额，（多家企业获批，）共计21226吨": the clauses before name the
        # quota, unless they speak of output or prices ("产量超出计划，达到13万吨"); so do they
        # for the level a change comes to, after figures ("…较上年增加1.5万吨，达到27万吨"),
        # and for the sum of figures ("轻稀土、中重稀土分别为X吨和Y吨，合计Z吨").
        while left > start and not QUOTA_CUE_RE.search(half, left, right):
            left = clause_bounds(half, start, end, left - 1)[0]
        if NOT_QUOTA_RE.search(half, left, run[0].start):
            return None
    has_word = bound_type is not None or any(
        t.kind in WORD_KINDS and min(left, clause_left) <= t.start and t.end <= right
        for t in tokens
    )
    if not (QUOTA_CUE_RE.search(half, left, right) or has_word):
        return None
    if DELTA_BEFORE_RE.search(half, max(start, run[0].start - 6), run[0].start):
        return None  # "分别增加1.5万吨、1.2万吨": a change before a list is every amount's
    rows = []
    for position, token in enumerate(run):
        before = half[max(start, token.start - 6) : token.start]
        after = half[token.end : min(end, token.end + 3)]
        if DELTA_BEFORE_RE.search(before) or AFTER_AMOUNT_RE.match(after):
            continue
        if OXIDE_AFTER_RE.match(half, token.end):  # a product tonnage beside its oxide figure
            continue
        amount = zh_amount(token.value)
        if amount is None or not MIN_TONNES <= amount <= MAX_TONNES:
            continue
        listed = state.listed()
        running = state.running_total() if len(run) == 1 and SUM_RE.search(before) else None
        if running is not None:  # "第一批和第二批…合计24万吨": the first two batches together
            row = state.fact_row(0, 1, bound_type, amount, period=running)
            rows += [row] if row is not None else []
            continue
        if (
            len(run) == 1
            and listed > 1
            and EACH_RE.search(half, max(start, token.start - 10), token.start)
        ):
            # "第一批和第二批指标均为12万吨": the one amount is each listed period's (or year's)
            found = [state.fact_row(n, listed, bound_type, amount) for n in range(listed)]
            rows += [row for row in found if row is not None]
            continue
        row = state.fact_row(position, len(run), bound_type, amount)
        if row is not None:
            rows.append(row)
    if not rows or len({row[:6] for row in rows}) < len(rows):
        # none, or a list whose amounts share one key ("两大集团分别获得9.458万吨和4.042万吨开采
        # 指标": holders we cannot name, not the nation's figure twice)
        return None
    return Group(
        clause=_clause_index(half, start, run[0].start), rows=rows, temporary=state.temporary
    )


# Between an amount and the quota type it is of: nothing but a space or "的", or the words that
# qualify the type ("94580吨稀土开采指标", "30280吨岩矿型稀土开采指标", "3000吨钨精矿开采指标").
TYPE_QUALIFIERS = ("commodity", "category")
NEAR_TYPE_RE = re.compile(r"[\s的]{0,2}")


def type_after(tokens: list[Token], last: int, half: str) -> Token | None:
    """The quota type just after the amount at ``last`` ("获得94580吨开采指标"), over the commodity
    or category that qualifies it ("获得30280吨岩矿型稀土开采指标"); None where there is none."""
    end = tokens[last].end
    for token in tokens[last + 1 : last + 4]:
        if not NEAR_TYPE_RE.fullmatch(half, end, token.start):
            return None
        if token.kind == "quota_type":
            return token
        if token.kind not in TYPE_QUALIFIERS:
            return None
        end = token.end
    return None


def _not_quota(half: str, left: int, right: int, after: int) -> bool:
    """Whether the clause [left, right) speaks of something else than a quota, leaving out a
    bracket after the figure that ends at ``after``: it splits the figure ("综合利用720吨（分配
    470吨，预留250吨）": the reserve is a part, the figure still a quota)."""
    opened = half.find("(", after, right)
    if opened < 0:
        return NOT_QUOTA_RE.search(half, left, right) is not None
    closed = half.find(")", opened, right)
    return NOT_QUOTA_RE.search(half, left, opened) is not None or (
        closed >= 0 and NOT_QUOTA_RE.search(half, closed + 1, right) is not None
    )


# Between the years and amounts of a clause of history: "从2009年的31310吨到2012年的30996吨".
HISTORY_FILLER_RE = re.compile(r"[\s从由自到至的为和与及、]*")


def _history_before_cue(
    tokens: list[Token], half: str, left: int, right: int, cue_at: int, end: int
) -> bool:
    """Whether the clause [left, right) holds nothing but years and amounts, and the quota they
    are of is named in the clause just after it, which speaks of nothing else ("从2009年的31310吨
    到2012年的30996吨，出口配额总体保持稳定")."""
    if right >= end or half.find(",", right + 1, cue_at) >= 0 or half.find(";", right, cue_at) >= 0:
        return False
    if NOT_QUOTA_RE.search(half, right + 1, clause_bounds(half, right + 1, end, cue_at)[1]):
        return False  # "…到2012年的3万吨，实际出口量远低于出口配额": not the quota's figures
    cut = left
    for token in tokens:
        if token.end <= left or token.start >= right:
            continue
        if token.kind not in ("year", "amount") or not HISTORY_FILLER_RE.fullmatch(
            half, cut, token.start
        ):
            return False
        cut = token.end
    return HISTORY_FILLER_RE.fullmatch(half, cut, right) is not None


def _types_after_figures(tokens: list[Token]) -> set[str]:
    """The quota types a sentence names after its last amount."""
    found: set[str] = set()
    for token in reversed(tokens):
        if token.kind == "amount":
            break
        if token.kind == "quota_type":
            found.add(str(token.value))
    return found


def clause_bounds(half: str, start: int, end: int, at: int) -> tuple[int, int]:
    """The clause around ``at``: between breaks outside parentheses ("(折稀土氧化物,下同)")."""
    breaks = _breaks(half, start, end)
    index = bisect_left(breaks, at)
    return (breaks[index - 1] + 1 if index else start), (
        breaks[index] if index < len(breaks) else end
    )


@lru_cache(maxsize=64)  # a sentence's clauses are asked for again for each of its figures
def _breaks(half: str, start: int, end: int) -> tuple[int, ...]:
    """The clause breaks of the sentence [start, end): "," and ";" outside parentheses."""
    breaks, depth = [], 0
    for match in CLAUSE_MARK_RE.finditer(half, start, end):
        index = match.start()
        char = half[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            breaks.append(index)
    return tuple(breaks)


def _clause_index(half: str, start: int, at: int) -> int:
    return len(SEP_RE.findall(half, start, at))


def build_facts(
    doc: Doc,
    groups: list[Group],
    percents: list[tuple[int, float, int]],
    half: str,
    start: int,
    end: int,
    text: str,
) -> list[Readings]:
    if not groups:
        return []
    _assign_changes(groups, percents, half)
    status = status_of(doc, half[start:end])
    rows = [row for group in groups for row in group.rows]
    if BYPRODUCT_BESIDE_RE.search(half, start, end) and not AMONG_RE.search(half, start, end):
        rows = _main_beside_byproduct(rows)
    return [doc.readings(row, status, text[start:end], (start, end)) for row in rows]


# The two categories that make each commodity's whole (FACTS.md).
PART_PAIRS = {
    "rare_earth": ("light", "medium_heavy"),
    "tungsten": ("tungsten_primary", "tungsten_byproduct"),
}


def parts_to_their_whole(groups: list[Group], wholes: tuple[Whole, ...]) -> None:
    """A "其中" pair of parts whose sum is one whole stated before, of another year or period
    than the one in force ("…2010年…8.92万吨，2009年为8.232万吨。其中，轻稀土矿7.7万吨、中重
    稀土矿1.22万吨"): the parts of that whole."""
    rows = [row for group in groups if not group.temporary for row in group.rows]
    for commodity, pair in PART_PAIRS.items():
        parts = [r for r in rows if r.commodity == commodity and r.category in pair]
        if len(parts) != 2 or {r.category for r in parts} != set(pair):
            continue
        first, second = parts
        if first[:4] != second[:4] or first.holder != second.holder:
            continue  # not parts of one quota
        total = (first.amount_t or 0.0) + (second.amount_t or 0.0)
        found = {
            (year, period)
            for quota_type, holder, of, year, period, amount in wholes
            if (quota_type, holder, of) == (first.quota_type, first.holder, commodity)
            and abs(amount - total) <= 1.0
        }
        if len(found) != 1:
            continue
        year, period = found.pop()
        if (year, period) == (first.year, first.period):
            continue
        for group in groups:
            group.rows = [
                row._replace(year=year, period=period, others=()) if row in parts else row
                for row in group.rows
            ]


def _main_beside_byproduct(rows: list[Row]) -> list[Row]:
    """A tungsten figure set beside a by-product one, not divided by it ("钨矿9750吨、综合回收
    2050吨", no 其中): the main-mining part first, the whole as a second reading."""
    out = list(rows)
    for index, row in enumerate(rows):
        if (row.commodity, row.quota_type, row.category) != ("tungsten", "mining", None):
            continue
        place = (row.year, row.period, row.holder)
        if any(
            later.category == "tungsten_byproduct"
            and (later.year, later.period, later.holder) == place
            for later in rows[index + 1 :]
        ):
            out[index] = row._replace(category="tungsten_primary", others=(row, *row.others))
    return out


def _assign_changes(groups: list[Group], percents: list[tuple[int, float, int]], half: str) -> None:
    """Stated changes go to the figures they follow (or precede, in the same clause)."""
    by_clause: dict[int, list[tuple[float, int]]] = {}
    for clause, value, at in percents:
        by_clause.setdefault(clause, []).append((value, at))
    for clause, found in by_clause.items():
        main = [g for g in groups if not g.temporary]
        target = [g for g in main if g.clause == clause] or [g for g in main if g.clause < clause]
        if not target:
            continue
        group = target[-1]
        values = [value for value, _ in found]
        if len(values) == len(group.rows):
            group.rows = [
                row._replace(change_pct=v) for row, v in zip(group.rows, values, strict=True)
            ]
        elif len(values) == 1 and "均" in half[found[0][1] - 8 : found[0][1]]:
            group.rows = [row._replace(change_pct=values[0]) for row in group.rows]


def table_facts(
    doc: Doc, carried: State, table: list[tuple[int, int, str]], note: str, text: str
) -> list[Readings]:
    facts = []
    for figure in parse_table(table, note):
        if not MIN_TONNES <= figure.amount_t <= MAX_TONNES:
            continue
        row = carried.table_row(figure)
        if row is None:
            continue
        evidence = text[figure.start : figure.end].strip()
        offset = text.index(evidence, figure.start) if evidence else figure.start
        span = (offset, offset + len(evidence))
        facts.append(doc.readings(row, status_of(doc, note), evidence, span))
    return facts
