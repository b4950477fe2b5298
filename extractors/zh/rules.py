"""Chinese fact rules: every quota figure a Chinese notice or news text states.

A sentence is read as a row of tokens (years, batches, commodities, quota types, categories,
holders, amounts, percentages, clause breaks, comparison words; the patterns are in ``lexicon``);
a small state machine (``context.State``) walks them, and each amount becomes a fact with the
year, period, commodity, type, category and holder in force at that point. Lists map in order
onto lists of amounts ("开采、冶炼分离…分别为X吨、Y吨", "第一批、第二批…", "2019年至2021年…"), a
type written after an amount binds to it ("获得94580吨开采指标"), and words of comparison ("较去年",
"与上年持平") open a scope that ends with the clause. The document gives what sentences omit
(the title's year and batch, the publication date for relative years, a provincial notice's
province), and a sentence carries on the year and period of its last figure, unless it was an
aside (a forecast, a look back at other years). Tables, with " | " cells or set out with spaces,
are read by ``tables``; a run of amounts becomes facts in ``figures``. Where a figure's wording
is genuinely ambiguous, ``find_readings`` gives its other readings after the likeliest, and a
last pass puts first the reading the text's other figures agree with.
"""

from __future__ import annotations

import re

from extractors.facts import Content, QuotaFact
from extractors.numbers import NUMBER_RE, chinese_numeral
from extractors.vocab import find_terms
from extractors.zh.context import Group, State, Token
from extractors.zh.document import Doc, as_written, plain, read_doc
from extractors.zh.figures import (
    Readings,
    build_facts,
    clause_bounds,
    parts_to_their_whole,
    read_group,
    table_facts,
    type_after,
)
from extractors.zh.lexicon import (
    BLANKS_RE,
    CHANGE_BEFORE_RE,
    COMMODITY_JOINER_RE,
    COMMODITY_KINDS,
    CONTINUES_RE,
    FALLING,
    FORECAST_RE,
    HYPOTHETICAL_RE,
    ISSUED_RE,
    KEEP_BEFORE_RE,
    LEVEL_AFTER_RE,
    LIST_INTRO_RE,
    LIST_OPENER_RE,
    LISTED_PERIOD_KINDS,
    LOOKAHEAD_REACH,
    MAX_ROW,
    MAX_ROWS,
    MAX_YEAR_SPAN,
    MIN_NATIONAL_TONNES,
    NOT_ISSUED_RE,
    NOT_QUOTA_RE,
    PERIOD_KINDS,
    PRODUCE_CUE_RE,
    PRODUCE_NOTICE_RE,
    QUOTA_CUE_RE,
    ROW_FILLER_RE,
    SENTENCE_END_RE,
    SPACED_ROW_RE,
    UNDISCLOSED_RE,
    UNDISCLOSED_WORDS,
    WAN_T_RE,
    YEAR_TOTAL_RE,
)
from extractors.zh.tables import is_table_line, spaced_table
from extractors.zh.tokens import Tokens, listed, names_a_group, next_in_list, qualified_last


def find_facts(content: Content) -> list[QuotaFact]:
    """Every quota figure stated in a Chinese text, with its evidence sentence and span: the
    likeliest reading of each (``find_readings``)."""
    return [readings[0] for readings in find_readings(content)]


def find_readings(content: Content) -> list[Readings]:
    """The readings of every quota figure a Chinese text states, one tuple per figure, the
    likeliest first. A figure has a second reading where its wording is genuinely ambiguous: a
    relative year in a comparison ("较去年第一批", read against the figure's own year, or
    against the publication date), or a year's figure in a story of one batch ("2024年稀土开采
    指标为13.5万吨" under a first-batch title: that batch, or the whole year)."""
    text = content.text
    if not text or not re.search(r"[\u4e00-\u9fff]", text):
        return []
    half = plain(text)
    last = _last_figure_line(half)
    if last < 0:
        return []  # no amount, no issuance left undisclosed, no table: no fact
    terms = find_terms(half)
    doc = read_doc(content, terms)
    tokens = Tokens(half, terms, _scan_end(half, last))
    facts: list[Readings] = []
    carried = doc.start_state()
    table: list[tuple[int, int, str]] = []
    note = plain(content.title or "")  # the caption of a table at the top ("单位：万吨")
    lines = _lines(half)
    index = 0
    while index < len(lines):
        start, end = lines[index]
        if start > last:
            break  # the lines after the last that can give a fact are not read
        line = half[start:end]
        index += 1
        if is_table_line(line):
            table.append((start, end, line))
            continue
        if table:
            facts += table_facts(doc, carried, table, note, text)
            table = []
        spaced = []
        if (" " in line or "\t" in line) and index < len(lines) and not NUMBER_RE.search(line):
            below = [half[s:e] for s, e in lines[index : index - 1 + MAX_ROWS]]
            # A header of one-character cells ("钨精矿 锑 稀土") is read as written first, not
            # closed up by plain() as a word a PDF broke ("钨精矿锑 稀土"), then as made plain.
            written = as_written(text[start:end])
            if written != line:
                spaced = spaced_table([written, *below])
            spaced = spaced or spaced_table([line, *below])
        if spaced:  # "省份 主采 综合利用" / "江西 29000 3500"
            rows = [(*lines[index - 1 + n], row) for n, row in enumerate(spaced)]
            facts += table_facts(doc, carried, rows, note, text)
            index += len(spaced) - 1
            continue
        for s_start, s_end in _sentences(half, start, end):
            sentence_facts, carried = _read_sentence(
                doc, carried, half, s_start, s_end, text, tokens
            )
            facts += sentence_facts
        note = line
    if table:
        facts += table_facts(doc, carried, table, note, text)
    return _consistent(_plausible(facts))


def _last_figure_line(half: str) -> int:
    """The end of the last line a fact can come from, -1 if none can: a fact needs an amount
    (吨, 公吨, 万t), an issuance left undisclosed ("未公布", "不公开", "未披露"), a table row with
    " | ", or a row of a table set out with spaces (a digit, and a space between two cells)."""
    words = (half.rfind(word) for word in UNDISCLOSED_WORDS)
    found = max(half.rfind("吨"), half.rfind("|"), *words)
    for match in WAN_T_RE.finditer(half, max(found, 0)):
        found = match.start()
    for match in SPACED_ROW_RE.finditer(half, max(found, 0)):
        found = match.start()
    if found < 0:
        return -1
    line_end = half.find("\n", found)
    return len(half) if line_end < 0 else line_end


def _scan_end(half: str, last: int) -> int:
    """How far tokens are looked for when no line after ``last`` is read: past the blanks after
    it, and on far enough for every pattern's look-ahead to see what it sees in the whole text."""
    blanks = BLANKS_RE.match(half, last)
    return min(len(half), (blanks.end() if blanks else last) + LOOKAHEAD_REACH)


def _consistent(found: list[Readings]) -> list[Readings]:
    """Chooses among a figure's readings by the others: where its likeliest reading gives a key
    another figure of the text has with another amount ("今年…24万吨" read as the second batch in
    a story that gives the second batch as 12万吨), a reading whose key is free, or has that
    amount, comes first ("今年…24万吨" is the year's)."""
    if all(len(readings) == 1 for readings in found):
        return found  # no figure has a second reading
    amounts: dict[tuple[object, ...], set[float | None]] = {}
    for fact, *_ in found:
        amounts.setdefault(_place(fact), set()).add(fact.amount_t)
    chosen = []
    for readings in found:
        if len(readings) > 1 and len(amounts[_place(readings[0])]) > 1:
            for other in readings[1:]:
                if amounts.get(_place(other), {other.amount_t}) == {other.amount_t}:
                    readings = (other, *(r for r in readings if r is not other))
                    break
        chosen.append(readings)
    return chosen


def _place(fact: QuotaFact) -> tuple[object, ...]:
    """A fact's key without its amount."""
    return (fact.commodity, fact.quota_type, fact.year, fact.period, fact.category, fact.holder)


def _plausible(found: list[Readings]) -> list[Readings]:
    """Drops parts larger than the national total they belong to, and national figures too
    small to be one (a table in 万吨 read as tonnes): typos or misreadings, not quotas."""
    totals: dict[tuple[object, ...], float] = {}
    for fact, *_ in found:
        if fact.category is None and fact.holder is None and fact.amount_t is not None:
            key = (fact.commodity, fact.quota_type, fact.year, fact.period)
            totals[key] = max(totals.get(key, 0.0), fact.amount_t)
    kept = []
    for readings in found:
        fact = readings[0]
        total = totals.get((fact.commodity, fact.quota_type, fact.year, fact.period))
        is_part = fact.category is not None or fact.holder is not None
        if is_part and total is not None and (fact.amount_t or 0.0) > total:
            continue
        if not is_part and fact.amount_t is not None and fact.amount_t < MIN_NATIONAL_TONNES:
            continue
        kept.append(readings)
    return kept


def _lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer(r"\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans within [start, end), trimmed of surrounding spaces."""
    spans = []
    cut = start
    for match in SENTENCE_END_RE.finditer(text, start, end):
        spans.append((cut, match.end()))
        cut = match.end()
    spans.append((cut, end))
    trimmed = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def _read_sentence(
    doc: Doc, carried: State, half: str, start: int, end: int, text: str, found: Tokens
) -> tuple[list[Readings], State]:
    sentence = half[start:end]
    # After a ";", after a list's "如下：", or opening with 其中, a sentence continues the one
    # before ("现将我省…指标下达如下：\n一、钨矿主采指标…").
    last = start - 1
    while last >= 0 and half[last].isspace():
        last -= 1
    continues = (
        (last >= 0 and half[last] == ";")
        or (
            last >= 0
            and half[last] == ":"
            and LIST_INTRO_RE.search(half, max(0, last - 4), last) is not None
        )
        or CONTINUES_RE.match(sentence) is not None
    )
    # About quotas: a quota word, or a sentence continuing one that had it ("前两批合计…").
    # A row of a list continues it too, under a heading or under the title: rows of years
    # ("历年开采指标：\n2019年：13.2万吨\n2020年：…") or short rows of holders ("内蒙古：50000吨").
    # A quota word of its own counts for the figures from its clause on ("…查获非法稀土产品2.8万
    # 吨，部分企业超指标生产" does not make the seized tonnes a quota).
    word = QUOTA_CUE_RE.search(sentence)
    if not word and PRODUCE_NOTICE_RE.search(sentence):
        word = PRODUCE_CUE_RE.search(sentence)  # "根据通知，中国将生产16.8万吨稀土"
    cue_at = start + word.start() if word else None
    tokens: list[Token] = []
    if word or carried.cued or carried.title_cued:
        tokens = found.within(start, end)
        row = _is_row(tokens, start, end, half)
        if (carried.cued or (row and carried.title_cued)) and (
            continues
            or row
            or any(t.kind in PERIOD_KINDS for t in tokens)
            or ("分别" in sentence and len(carried.figure_types) > 1)  # "2020年分别为…"
            # the categories of the figure before ("…开采指标6.6万吨。轻稀土5.6425万吨，…")
            or (bool(carried.figure_types) and any(t.kind == "category" for t in tokens))
        ):
            cue_at = start
    cue = cue_at is not None
    if not cue:
        # A sentence that does not speak of quotas gives no figure and leaves nothing behind
        # but what the one before carried (its lists dropped): it is not read further.
        state = carried.copy(keep_lists=False)
        # A line that only opens a list of the quota just stated ("主要省份分配如下：", "分省
        # 情况如下：") hands the quota talk on to the list's rows.
        state.cued = (
            carried.cued
            and LIST_OPENER_RE.search(sentence) is not None
            and NOT_QUOTA_RE.search(sentence) is None
        )
        return [], state.settled()
    state = carried.copy(keep_lists=continues)
    state.period_explicit = False
    tokens = qualified_last(tokens, half)
    if (
        len(state.prior_types) > 1
        and len(state.lists["quota_type"]) < 2
        and "分别" in sentence
        and not any(t.kind in NAMED_LIST_KINDS for t in tokens)
    ):
        # "…开采指标12万吨、冶炼分离指标11.5万吨。去年首批分别为10.08万吨、9.72万吨": the
        # types of the sentence before, in its order
        state.lists["quota_type"] = list(state.prior_types)
    groups: list[Group] = []
    percents: list[tuple[int, float, int]] = []  # (clause, value, token start)
    clause = 0
    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = token.kind
        if kind in PLAIN_KINDS:
            state.read(kind, token.value)  # the commonest: read as they come, nothing else
        elif kind == "amount":
            if state.temporary and (
                LEVEL_AFTER_RE.search(half, max(start, token.start - 8), token.start)
                or KEEP_BEFORE_RE.search(half, max(start, token.start - 20), token.start)
            ):
                # "较去年第一批增加1.5万吨至13.5万吨", "维持去年同期的12万吨不变": this year's
                state.end_scope()
            run = [token]
            while True:
                step = next_in_list(tokens, index, half, respectively="分别" in sentence)
                if step is None:
                    break
                index = step
                run.append(tokens[index])
            if len(run) == 1 and (follower := type_after(tokens, index, half)) is not None:
                # "获得30280吨岩矿型稀土开采指标、10140吨离子型…": the words between the amount
                # and its type qualify this amount, not the one before (a new category list)
                while tokens[index + 1] is not follower:
                    index += 1
                    qualifier = tokens[index]
                    if qualifier.kind == "category":
                        state.stale.add("category")
                    state.read(qualifier.kind, qualifier.value)
            if len(run) > 1 and len(state.lists["quota_type"]) < len(run) and groups:
                _types_of_the_figures_before(state, groups, run, half, start)
            group = read_group(doc, state, run, tokens, index, half, start, end, clause, cue_at)
            if group is not None:
                groups.append(group)
            state.mark_amounts_read()
        elif kind == "percent":
            before = half[max(start, token.start - 8) : token.start]
            change = CHANGE_BEFORE_RE.search(before)
            value = float(token.value["num"].replace(",", ""))
            if change:
                sign = -1.0 if change["word"] in FALLING else 1.0
                percents.append((clause, sign * abs(value), token.start))
        elif kind == "sep":
            state.end_clause()
            clause += 1
        elif kind == "close":
            state.end_scope()
            clause += 1
        elif kind == "include":
            _include_earlier(state, groups)
        elif kind == "addearlier":
            _include_earlier(state, [])  # "…12万吨，加上第一批，全年…": what follows is the total
        elif kind in LISTED_PERIOD_KINDS and listed(tokens, index, half):
            state.add_period(kind, token.value)
        elif kind in COMMODITY_KINDS and listed(
            tokens, index, half, COMMODITY_KINDS, COMMODITY_JOINER_RE
        ):
            # "稀土矿、钨矿…分别为", "钨、锑、萤石矿分别为" (another commodity keeps its place)
            state.add_commodity(str(token.value) if kind == "commodity" else None)
        elif kind == "year" and listed(tokens, index, half, ("year",)):
            state.add_year(int(token.value["y"]))  # "2019年、2020年和2021年…分别为"
        elif kind == "unnamed" and names_a_group(tokens, index, half):
            pass  # "北方稀土公司", "中国五矿集团公司": the group's own name, not another holder
        elif kind == "batches":
            numbers = [chinese_numeral(token.value[n]) for n in "ab"]
            if all(numbers):  # "第0、1批" names no batches
                state.set_periods([f"batch:{number}" for number in numbers])
        elif kind == "years":
            first, last = int(token.value["a"]), int(token.value["b"])
            if first < last <= first + MAX_YEAR_SPAN:
                state.set_years(list(range(first, last + 1)))
        else:
            state.read(kind, token.value)
            if (
                kind in ("year", "relyear")
                and state.period_clause < state.clause
                and state.period != "annual"
                and YEAR_TOTAL_RE.match(
                    half, token.end, clause_bounds(half, start, end, token.start)[1]
                )
            ):
                # "第二批…下达后，今年的出口配额总量为…": the year's total, not the batch before
                state.read("annual", None)
        index += 1
    if (
        not groups
        and cue
        and ISSUED_RE.search(sentence)
        and UNDISCLOSED_RE.search(sentence)
        and not NOT_ISSUED_RE.search(sentence)
        and len({half[t.start : t.end] for t in tokens if t.kind in LISTED_PERIOD_KINDS}) <= 1
    ):
        # "指标已下达，但未公布具体数额": issued, of one period ("今年第二批…，此前的第一批同样
        # 未公布" leaves unsaid which was issued now); not one foreseen ("可能会在近期下发")
        state.end_scope()
        groups.append(Group(clause=0, rows=state.undisclosed_rows(), temporary=False))
    if state.among and state.wholes:
        parts_to_their_whole(groups, state.wholes)
    facts = build_facts(doc, groups, percents, half, start, end, text)
    types = [f.quota_type for f, *_ in facts if f.holder is None and f.category is None]
    # a sentence of parts only ("岩矿型X吨，离子型Y吨") leaves the national figures' types in force
    state.figure_types = list(dict.fromkeys(types)) if types else list(state.prior_types)
    state.cued = True
    state.settled()
    if (state.year, state.period) != (carried.year, carried.period) and _aside(
        doc, facts, sentence
    ):
        # What a forecast supposes, or a look back at other years than the title's, is not what
        # the next sentence speaks of ("今年全年指标有望超过24万吨。北方稀土获得…", "去年全年为…。
        # 包钢获得首批配额…"): it starts from the year and period in force before this one.
        state.year, state.period = carried.year, carried.period
    return facts, state


# Tokens that name a list of their own for amounts to map onto ("北方稀土与中国稀土分别获得…").
NAMED_LIST_KINDS = frozenset((
    "quota_type", "category", "company", "province", "ownprovince", "unnamed", "commodity",
    "othercommodity", "years", "batches",
))  # fmt: skip

# Tokens the sentence loop hands to the state as they come (the others it reads itself: amounts,
# changes, clause breaks, inclusions, lists, years, holders' suffixes).
PLAIN_KINDS = frozenset((
    "quota_type", "category", "company", "province", "issuer", "date", "national", "among",
    "ownprovince", "speech", "compare", "exclude", "sameperiod", "vague", "issuedate",
    "ourcompany", "speaker", "stock", "receiver",
))  # fmt: skip


# How far before a run of amounts its "分别" may stand ("全年分别为", "去年同期则分别是").
RESPECTIVELY_REACH = 12


def _types_of_the_figures_before(
    state: State, groups: list[Group], run: list[Token], half: str, start: int
) -> None:
    """ "…开采指标109200吨，冶炼分离104800吨，加上第一批，全年分别为210000吨和202000吨": a
    "分别" run without types of its own takes those of the sentence's figures before it, in
    their order, where there are as many."""
    if half.rfind("分别", max(start, run[0].start - RESPECTIVELY_REACH), run[0].start) < 0:
        return
    types = [
        row.quota_type
        for group in groups
        if not group.temporary
        for row in group.rows
        if row.category is None and row.holder is None
    ]
    ordered = list(dict.fromkeys(types))
    if len(ordered) == len(run) == len(types):
        state.lists["quota_type"] = ordered
        state.stale.discard("quota_type")


def _aside(doc: Doc, facts: list[Readings], sentence: str) -> bool:
    """Whether a sentence is an aside whose year and period do not carry on: a forecast or a
    supposition, or facts all of other years than the one the title names."""
    if not facts:
        return (
            FORECAST_RE.search(sentence) is not None or HYPOTHETICAL_RE.search(sentence) is not None
        )
    return doc.title_year is not None and all(f.year != doc.title_year for f, *_ in facts)


def _is_row(tokens: list[Token], start: int, end: int, half: str) -> bool:
    """A row of a list written as text: it opens with a year, or it is short and opens with a
    holder, and holds nothing but words we know and figures ("2019年：13.2万吨", "四川省 24400吨",
    "2016年:开采10.5万吨,冶炼分离10万吨"; not "北方稀土今年将生产12万吨稀土精矿")."""
    if not tokens or tokens[0].start != start:
        return False
    kind = tokens[0].kind
    if kind not in ("year", "years") and (
        kind not in ("province", "company") or end - start > MAX_ROW
    ):
        return False
    cut = start
    for token in tokens:
        if not ROW_FILLER_RE.fullmatch(half, cut, token.start):
            return False
        cut = max(cut, token.end)
    return ROW_FILLER_RE.fullmatch(half, cut, end) is not None


def _include_earlier(state: State, groups: list[Group]) -> None:
    """ "（含已下达的第一批指标）": the figures before it are the running or annual total."""
    old = state.period
    if old and old.startswith("batch:") and old != "batch:1":
        new = "cumulative:" + old.split(":")[1]
    else:
        new = "annual" if old in (None, "annual", "batch:1") else old
    for group in groups:
        if not group.temporary:
            group.rows = [
                row if row.period != old else row._replace(period=new) for row in group.rows
            ]
    state.period = new
    state.open_scope()
