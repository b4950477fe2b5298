"""Chinese fact rules: every quota figure a Chinese notice or news text states.

A sentence is read as a row of tokens (years, batches, commodities, quota types, categories,
holders, amounts, percentages, clause breaks, comparison words; the patterns are in ``lexicon``);
a small state machine (``context.State``) walks them, and each amount becomes a fact with the
year, period, commodity, type, category and holder in force at that point. Lists map in order
onto lists of amounts ("开采、冶炼分离…分别为X吨、Y吨", "第一批、第二批…", "2019年至2021年…"), a
type written after an amount binds to it ("获得94580吨开采指标"), and words of comparison ("较去年",
"与上年持平") open a scope that ends with the clause. The document gives what sentences omit
(the title's year and batch, the publication date for relative years, a provincial notice's
province), and a sentence carries on the year and period of its last figure. Tables, with " | "
cells or set out with spaces, are read by ``tables``. Where a figure's wording is genuinely
ambiguous, ``find_readings`` gives its other readings after the likeliest.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import itemgetter

from extractors.facts import Content, QuotaFact
from extractors.numbers import AMOUNT_ZH_SHARED_RE, NUMBER_RE, chinese_numeral, zh_amount
from extractors.vocab import Term, find_terms
from extractors.zh.context import Group, State, Token
from extractors.zh.document import Doc, plain, read_doc, status_of
from extractors.zh.lexicon import (
    AFTER_AMOUNT_RE,
    BOOK_TITLE_RE,
    CHANGE_BEFORE_RE,
    COMMODITY_JOINER_RE,
    CONTINUES_RE,
    DELTA_BEFORE_RE,
    EACH_RE,
    FALLING,
    FORECAST_RE,
    HOLDER_KINDS,
    HYPOTHETICAL_RE,
    ISSUED_RE,
    LIST_JOINER_RE,
    LISTED_PERIOD_KINDS,
    MAX_ROW,
    MAX_ROWS,
    MAX_TONNES,
    MAX_YEAR_SPAN,
    MIN_NATIONAL_TONNES,
    MIN_TONNES,
    NEEDED_WORDS,
    NOT_QUOTA_RE,
    PATTERN_NEEDS,
    PERIOD_KINDS,
    PRODUCE_CUE_RE,
    PRODUCE_NOTICE_RE,
    QUOTA_CUE_RE,
    SENTENCE_END_RE,
    SEP_RE,
    SHARED_LIST_RE,
    SHORT_NAMES,
    SUM_RE,
    TOKEN_PATTERNS,
    UNDISCLOSED_RE,
    WORD_KINDS,
)
from extractors.zh.tables import is_table_line, parse_table, spaced_table

# The readings of one stated figure, the likeliest first.
Readings = tuple[QuotaFact, ...]


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
    tokens = _Tokens(half, terms, _scan_end(half, last))
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
            facts += _table_facts(doc, carried, table, note, text)
            table = []
        spaced = []
        if " " in line and index < len(lines) and not NUMBER_RE.search(line):
            spaced = spaced_table(half[s:e] for s, e in lines[index - 1 : index - 1 + MAX_ROWS])
        if spaced:  # "省份 主采 综合利用" / "江西 29000 3500"
            rows = [(*lines[index - 1 + n], row) for n, row in enumerate(spaced)]
            facts += _table_facts(doc, carried, rows, note, text)
            index += len(spaced) - 1
            continue
        for s_start, s_end in _sentences(half, start, end):
            sentence_facts, carried = _read_sentence(
                doc, carried, half, s_start, s_end, text, tokens
            )
            facts += sentence_facts
        note = line
    if table:
        facts += _table_facts(doc, carried, table, note, text)
    return _consistent(_plausible(facts))


def _last_figure_line(half: str) -> int:
    """The end of the last line a fact can come from, -1 if none can: a fact needs an amount
    (吨, 公吨, 万t), an issuance left undisclosed ("未公布", "不公开", "未披露"), a table row with
    " | ", or a row of a table set out with spaces (a digit, and a space between two cells)."""
    found = max(half.rfind("吨"), half.rfind("|"), *(half.rfind(word) for word in UNDISCLOSED))
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
    amounts: dict[tuple[object, ...], set[float | None]] = {}
    for fact, *_ in found:
        amounts.setdefault(fact.key()[:-1], set()).add(fact.amount_t)
    chosen = []
    for readings in found:
        if len(readings) > 1 and len(amounts[readings[0].key()[:-1]]) > 1:
            for other in readings[1:]:
                if amounts.get(other.key()[:-1], {other.amount_t}) == {other.amount_t}:
                    readings = (other, *(r for r in readings if r is not other))
                    break
        chosen.append(readings)
    return chosen


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


def _next_in_list(tokens: list[Token], index: int, text: str, *, respectively: bool) -> int | None:
    """The index of the amount that continues the list ending at ``index``, or None.

    After 分别为 a comma also joins ("分别为135000吨，127000吨": a clause separator otherwise)."""
    following = index + 1
    if (
        respectively
        and following + 1 < len(tokens)
        and tokens[following].kind == "sep"
        and text[tokens[following].start : tokens[following].end].strip() in {",", "，"}
    ):
        following += 1
    if following >= len(tokens) or tokens[following].kind != "amount":
        return None
    if not LIST_JOINER_RE.fullmatch(text[tokens[index].end : tokens[following].start]):
        return None
    return following


def _inside(token: Token, spans: list[tuple[int, int]]) -> bool:
    return any(start <= token.start and token.end <= end for start, end in spans)


def _listed(
    tokens: list[Token],
    index: int,
    text: str,
    kinds: frozenset[str] | tuple[str, ...] = (),
    joiner: re.Pattern[str] = LIST_JOINER_RE,
) -> bool:
    """Whether the token at ``index`` follows another of its sort in a list ("第一批、第二批")."""
    if index == 0 or tokens[index - 1].kind not in (kinds or LISTED_PERIOD_KINDS):
        return False
    return joiner.fullmatch(text[tokens[index - 1].end : tokens[index].start]) is not None


class _Tokens:
    """Every token of a document, found in one pass of each pattern over the whole text."""

    def __init__(self, text: str, terms: list[Term], end: int) -> None:
        """The tokens of ``text`` up to ``end`` (the sentences that are read end before it)."""
        found: list[Token] = []
        head = text[:end]
        present = {word for word in NEEDED_WORDS if word in head}
        new = tuple.__new__  # Token(...) without the call of its __new__
        for kind, pattern in TOKEN_PATTERNS:
            needs = PATTERN_NEEDS.get(pattern)
            if needs and present.isdisjoint(needs):
                continue  # e.g. the common 与/和/同 only where a text says "持平", "维持"…
            if pattern is AMOUNT_ZH_SHARED_RE and not SHARED_LIST_RE.search(text, 0, end):
                continue
            found += [
                new(Token, (m.start(), m.end(), kind, m)) for m in pattern.finditer(text, 0, end)
            ]
        found += [new(Token, (t.start, t.end, t.kind, t.value)) for t in terms if t.start < end]
        for pattern, company in SHORT_NAMES:
            found += [
                new(Token, (m.start(), m.end(), "company", company))
                for m in pattern.finditer(text, 0, end)
            ]
        # By start, then the longest first (two stable sorts, in C: the order of the patterns
        # decides between tokens of the same span).
        found.sort(key=itemgetter(1), reverse=True)
        found.sort(key=itemgetter(0))
        self.text = text
        self.found = found
        self.starts = [token.start for token in found]

    def within(self, start: int, end: int) -> list[Token]:
        """The tokens of the sentence [start, end): inside it, the longest first where two
        overlap, as if the sentence were read alone. A holder named in the title of a document
        ("分配见《某省钨矿指标分配表》") is not a holder of the figures."""
        kept: list[Token] = []
        for index in range(bisect_left(self.starts, start), bisect_left(self.starts, end)):
            token = self.found[index]
            if token.end <= end and (not kept or token.start >= kept[-1].end):
                kept.append(token)
        if "《" in self.text[start:end]:
            titles = [m.span() for m in BOOK_TITLE_RE.finditer(self.text, start, end)]
            kept = [t for t in kept if t.kind not in HOLDER_KINDS or not _inside(t, titles)]
        return kept


def _read_sentence(
    doc: Doc, carried: State, half: str, start: int, end: int, text: str, found: _Tokens
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
            continues or row or any(t.kind in PERIOD_KINDS for t in tokens)
        ):
            cue_at = start
    cue = cue_at is not None
    if not cue:
        # A sentence that does not speak of quotas gives no figure and leaves nothing behind
        # but what the one before carried (its lists dropped): it is not read further.
        state = carried.copy(keep_lists=False)
        state.cued = False
        return [], state.settled()
    state = carried.copy(keep_lists=continues)
    state.period_explicit = False
    tokens = _qualified_last(tokens, half)
    groups: list[Group] = []
    percents: list[tuple[int, float, int]] = []  # (clause, value, token start)
    clause = 0
    index = 0
    while index < len(tokens):
        token = tokens[index]
        kind = token.kind
        if kind == "amount":
            run = [token]
            while True:
                step = _next_in_list(tokens, index, half, respectively="分别" in sentence)
                if step is None:
                    break
                index = step
                run.append(tokens[index])
            group = _read_group(doc, state, run, tokens, index, half, start, end, clause, cue_at)
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
        elif kind in LISTED_PERIOD_KINDS and _listed(tokens, index, half):
            state.add_period(kind, token.value)
        elif kind in COMMODITY_KINDS and _listed(
            tokens, index, half, COMMODITY_KINDS, COMMODITY_JOINER_RE
        ):
            # "稀土矿、钨矿…分别为", "钨、锑、萤石矿分别为" (another commodity keeps its place)
            state.add_commodity(str(token.value) if kind == "commodity" else None)
        elif kind == "year" and _listed(tokens, index, half, ("year",)):
            state.add_year(int(token.value["y"]))  # "2019年、2020年和2021年…分别为"
        elif kind == "unnamed" and _names_a_group(tokens, index, half):
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
                    half, token.end, _clause_bounds(half, start, end, token.start)[1]
                )
            ):
                # "第二批…下达后，今年的出口配额总量为…": the year's total, not the batch before
                state.read("annual", None)
        index += 1
    if not groups and cue and ISSUED_RE.search(sentence) and UNDISCLOSED_RE.search(sentence):
        state.end_scope()
        groups.append(Group(clause=0, rows=state.undisclosed_rows(), temporary=False))
    facts = _build_facts(doc, groups, percents, half, start, end, text)
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


def _qualified_last(tokens: list[Token], half: str) -> list[Token]:
    """The tokens with an amount that qualifies the words after it ("下达13.5万吨的2024年第一批
    稀土开采指标", "总量为12万吨的第二批指标") moved to the end of its clause, so that those words
    are read first."""
    if not tokens or half.find("的", tokens[0].start, tokens[-1].end) < 0:
        return tokens  # no "…吨的…" to read
    ordered = list(tokens)
    index = 0
    while index < len(ordered):
        token = ordered[index]
        if token.kind == "amount" and QUALIFIER_RE.match(half, token.end):
            stop = index + 1
            while stop < len(ordered) and ordered[stop].kind not in ("sep", "close", "amount"):
                stop += 1
            if stop > index + 1:
                ordered[index:stop] = [*ordered[index + 1 : stop], token]
                index = stop
                continue
        index += 1
    return ordered


def _names_a_group(tokens: list[Token], index: int, half: str) -> bool:
    """Whether the "公司" at ``index`` ends the name of the group just before it ("北方稀土公司",
    "五矿稀土集团有限公司")."""
    previous = tokens[index - 1] if index else None
    token = tokens[index]
    return (
        previous is not None
        and previous.kind == "company"
        and half[token.start : token.end] == "公司"
        and COMPANY_SUFFIX_RE.fullmatch(half, previous.end, token.start) is not None
    )


# After an amount, "的" and the words it qualifies ("13.5万吨的2024年第一批…指标"), not a type
# bound to the amount alone ("94580吨开采指标" reads as before).
QUALIFIER_RE = re.compile(r" ?的(?= ?(?:(?:19|20)\d{2}|今年|去年|明年|第|首批|前|全年|稀土|钨|锑))")

# After a year named again, its total: "今年的出口配额总量为…", "全年合计" (not "总量控制指标").
YEAR_TOTAL_RE = re.compile(r"[^,;。]{0,10}?(?:总量(?!控制)|总计|合计|共计|总额)")

# The end of a line that opens a list: "…下达如下：", "分配情况为：".
LIST_INTRO_RE = re.compile(r"(?:如下|为|是)$")

# A forecast or an estimate that governs the clauses after it: "有分析人士估计，今年…约为14万吨".
FORECAST_LEAD_RE = re.compile(r"(?:预计|预期|预测|估计|估算|测算|推算)\s*[,:]")

# A clause opening on the level a change comes to: "达到27万吨", "增至", "提高到", "调整为".
RESULT_RE = re.compile(
    r" ?(?:并|共|总量|总计|合计|全年)?(?:达到|增至|增加到|增加至|提高到|提高至|升至|上调至|调增至"
    r"|降至|减至|下调至|调减至|调整为|达)"
)

# What may stand between a group's name and its "公司": "集团", "(集团)", "股份", "有限".
COMPANY_SUFFIX_RE = re.compile(r"(?:\(?集团\)?|股份|有限|控股|高科技)*")

# What a row of a list written as text holds besides the words we know and its figures.
ROW_FILLER_RE = re.compile(r"[\s:,;、()为是共计各。.]*")

# Tokens that name a commodity, ours or another, in a list of commodities.
COMMODITY_KINDS = ("commodity", "othercommodity")


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


def _read_group(
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
    clause_left, right = _clause_bounds(half, start, end, run[0].start)
    if cue_at is None or cue_at >= right:
        return None
    # What comes before a colon is not this figure's clause ("…价格走高 要点:…指标5.25万吨"),
    # though it may label it ("2019年：13.2万吨").
    colon = half.rfind(":", clause_left, run[0].start)
    left = max(clause_left, colon + 1)
    if (
        NOT_QUOTA_RE.search(half, left, right)
        or (
            PRODUCE_CUE_RE.search(half, left, right)
            and not PRODUCE_NOTICE_RE.search(half, start, end)
        )
        or FORECAST_RE.search(half, left, right)
        or FORECAST_LEAD_RE.search(half, start, run[0].start)
        or HYPOTHETICAL_RE.search(half, start, run[0].start)
    ):
        return None
    follower = tokens[last + 1] if last + 1 < len(tokens) else None
    bound_type = None
    if (
        follower is not None
        and follower.kind == "quota_type"
        and len(run) == 1
        and re.fullmatch(r"[\s的]{0,2}", half[run[-1].end : follower.start])
    ):
        bound_type = str(follower.value)  # "获得94580吨开采指标"
    if (
        colon < 0
        and left > start
        and (
            not any(t.kind == "amount" and t.end <= left for t in tokens)
            or RESULT_RE.match(half, left, run[0].start)
        )
    ):
        # "公布…稀土出口配额，（多家企业获批，）共计21226吨": the clauses before name the
        # quota, unless they speak of output or prices ("产量超出计划，达到13万吨"); so do they
        # for the level a change comes to, after figures ("…较上年增加1.5万吨，达到27万吨").
        while left > start and not QUOTA_CUE_RE.search(half, left, right):
            left = _clause_bounds(half, start, end, left - 1)[0]
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
        amount = zh_amount(token.value)
        if amount is None or not MIN_TONNES <= amount <= MAX_TONNES:
            continue
        listed = state.listed()
        running = state.running_total() if len(run) == 1 and SUM_RE.search(before) else None
        if running is not None:  # "第一批和第二批…合计24万吨": the first two batches together
            row = state.fact_row(0, 1, bound_type, amount, period=running)
            rows += [row] if row is not None else []
            continue
        if len(run) == 1 and listed > 1 and EACH_RE.search(before):
            # "第一批和第二批指标均为12万吨": the one amount is each listed period's (or year's)
            found = [state.fact_row(n, listed, bound_type, amount) for n in range(listed)]
            rows += [row for row in found if row is not None]
            continue
        row = state.fact_row(position, len(run), bound_type, amount)
        if row is not None:
            rows.append(row)
    if not rows:
        return None
    return Group(
        clause=_clause_index(half, start, run[0].start), rows=rows, temporary=state.temporary
    )


def _clause_bounds(half: str, start: int, end: int, at: int) -> tuple[int, int]:
    """The clause around ``at``: between breaks outside parentheses ("(折稀土氧化物,下同)")."""
    left, depth = start, 0
    for match in CLAUSE_MARK_RE.finditer(half, start, end):
        index = match.start()
        char = half[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char in ",;" and depth == 0:
            if index < at:
                left = index + 1
            else:
                return left, index
    return left, end


# For speed only (``_last_figure_line``, ``_scan_end``): the words an undisclosed issuance ends
# on, the "t" of "万t", a row of a table set out with spaces, the blanks after a line, and how
# far past the end of the last line read tokens are still looked for (no pattern's look-ahead
# reaches more than about 30 characters past its match).
UNDISCLOSED = ("公布", "公开", "披露")
WAN_T_RE = re.compile(r"万\s*t(?![A-Za-z])")
SPACED_ROW_RE = re.compile(r"^(?=[^\n]*\d)[^\n]*\S[^\S\n]+\S", re.MULTILINE)
BLANKS_RE = re.compile(r"\s*")
LOOKAHEAD_REACH = 256

# The characters _clause_bounds looks at (the others it passes over).
CLAUSE_MARK_RE = re.compile(r"[(),;]")


def _clause_index(half: str, start: int, at: int) -> int:
    return len(SEP_RE.findall(half, start, at))


def _build_facts(
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
    facts = []
    for group in groups:
        for row in group.rows:
            facts.append(doc.readings(row, status, text[start:end], (start, end)))
    return facts


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


def _table_facts(
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
