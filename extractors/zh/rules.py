"""Chinese fact rules: every quota figure a Chinese notice or news text states.

A sentence is read as a row of tokens (years, batches, commodities, quota types, categories,
holders, amounts, percentages, clause breaks, comparison words); a small state machine walks
them, and each amount becomes a fact with the year, period, commodity, type, category and
holder in force at that point. Lists map in order onto lists of amounts ("开采、冶炼分离…分别为
X吨、Y吨"), a type written after an amount binds to it ("获得94580吨开采指标"), and words of
comparison ("较去年", "高于2023年第一批的") open a scope that ends with the clause. The title
gives the year and batch that body sentences omit. Tables are read by ``tables``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace

from extractors.dates import (
    BATCH_ZH_RE,
    CUMULATIVE_ZH_RE,
    MONTH_ZH_RE,
    RELATIVE_YEAR_ZH_RE,
    YEAR_ZH_RE,
)
from extractors.facts import Content, QuotaFact
from extractors.numbers import (
    AMOUNT_ZH_RE,
    AMOUNT_ZH_SHARED_RE,
    NUMBER_RE,
    PERCENT_RE,
    chinese_numeral,
    scale,
)
from extractors.vocab import Term, find_terms
from extractors.zh.context import Doc, Group, State, Token, plain, read_doc, status_of
from extractors.zh.tables import is_table_line, parse_table, spaced_table

# A sentence ends at 。；! ? (either width) or a line break.
SENTENCE_END_RE = re.compile(r"[。;!?\n]")

# The whole year: "全年", "全年度", "年度" (after a year, 2024年度 is read by YEAR_ZH_RE).
ANNUAL_RE = re.compile(r"全年度?|年度")

# The first batch in news wording: "首批稀土开采指标".
FIRST_BATCH_RE = re.compile(r"首批")

# Halves of the year, as export quotas (and some news) name the two batches: "上半年", "下半年".
HALF_YEAR_RE = re.compile(r"(?P<half>[上下])半年")

# A figure that includes earlier batches: "（含已下达的第一批指标）", "均含第一批".
INCLUDE_RE = re.compile(
    r"(?=[均已并包含])(?<!不)(?:均|已|并|包)?含(?:已经?下达的?|此前下达的?)?(?=\s*(?:第|前))"
)

# Batches written together: "第一、二批", "第二、三批" (each maps onto its amount in turn).
BATCH_LIST_RE = re.compile(r"第\s*(?P<a>[一二三四\d])\s*[、,和及与]\s*(?P<b>[一二三四\d])\s*批")

# A span of years for amounts to map onto: "2019年至2021年…分别为…", "2019-2021年".
YEAR_RANGE_RE = re.compile(
    r"(?=[12])(?<!\d)(?P<a>(?:19|20)\d{2})\s*年?\s*(?:至|到|-|—|–|~)\s*(?P<b>(?:19|20)\d{2})\s*年"
    r"(?!\s*\d{1,2}\s*月)"
)

# Earlier batches added in: "加上此前下达的第一批，全年累计…", "连同年初的首批".
ADD_EARLIER_RE = re.compile(r"(?:加上|连同|算上)[^,;。]{0,8}?(?=第|前\s*[两二三四\d]\s*批|首批)")

# A figure that excludes them: "不含已下达的第一批指标", "不包括第一批".
EXCLUDE_RE = re.compile(r"不含|不包括|未含")

# Comparison: "较去年同期", "比2023年第一批", "高于"; the clause after it is a scope.
COMPARE_RE = re.compile(r"较|相比|相较|对比|比(?<![占同环]比)(?!例|重)|高于|低于|超过|少于|多于")

# Unchanged from another year, which is not restated as a fact of that year: "与去年持平",
# "和2023年相同", "维持上年水平" (the figure that follows is the year being set).
FLAT_RE = re.compile(
    r"(?:与|和|同)(?=[^,;。]{1,15}?(?:持平|相同|一致|相当))"
    r"|维持(?=\s*(?:(?:19|20)\d{2}\s*年|去年|上年|上一年))"
)

FLAT_WORDS_RE = re.compile(r"持平|相同|一致|相当|维持")

# The national figure after per-group ones: "全国", "合计", "总计".
NATIONAL_RE = re.compile(r"全国|合计|总计")

# A holder we cannot name: "公司获得开采指标…", "某某矿业有限公司" (known groups match first), a
# plant of a group ("某集团下属选矿厂"), or several groups at once ("几家集团合计获得…").
UNNAMED_HOLDER_RE = re.compile(
    r"公司(?![债股])|厂(?![商长])"
    r"|家(?<=[一两二三四五六七八九十\d]家)(?:大型|大)?(?:稀土)?(?:大)?(?:集团|企业)"
    r"(?=\s*(?:分别|共获|合计|累计|获(?!批)))"
)

# Groups by a short name, only where it plainly is the group receiving a quota: "中国稀土获得",
# "北方稀土和中国稀土" ("中国稀土" alone is as often "China's rare earths"); "包钢分得开采指标"
# (Baotou Steel, whose rare earth arm is Northern Rare Earth).
_RECEIVES = r"(?=\s*(?:获得|获|分得|拿到|取得))"
SHORT_NAMES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            rf"中国稀土(?!集团)(?:{_RECEIVES}|(?=\s*[、和与及]\s*北方稀土)|(?<=北方稀土[、和与及]中国稀土))"
        ),
        "china_rare_earth_group",
    ),
    (re.compile(rf"包钢(?:集团)?{_RECEIVES}"), "china_northern_rare_earth"),
)

# A source quoted before a colon ("某自治区政府网站称:"): what it names is not a holder.
SPEECH_COLON_RE = re.compile(r"(?:消息|表示|称|显示|指出|介绍|说|获悉|了解到|报道|公告)\s*:")

# The title of a document or table: "《某省钨矿指标分配表》".
BOOK_TITLE_RE = re.compile(r"《[^《》]{0,80}》")
HOLDER_KINDS = frozenset(("company", "province", "ownprovince", "unnamed"))

# "其中": what follows is a part of the figure before it.
AMONG_RE = re.compile(r"其中")

# The document's own province in a provincial notice: "我省", "本省", "全省", "我区" (自治区).
OWN_PROVINCE_RE = re.compile(r"我省|本省|全省|我自治区|本自治区|全自治区|我区|本区")

# A clause break, after full-width forms were made half-width: "，", "；", "）".
SEP_RE = re.compile(r"[,;)]")

# The end of a parenthesis, which closes a comparison or inclusion scope: "（含第一批）".
CLOSE_RE = re.compile(r"\)")

# The same period of another year: "去年同期", "上年同期".
SAME_PERIOD_RE = re.compile(r"同期")

# "其中" opening a sentence: it continues the previous one ("。其中岩矿型…").
CONTINUES_RE = re.compile(r"^\s*(?:[(（]?[一二三四五六七八九十\d]+[)）、.]\s*)?其中")

# Quotas issued ("下达至相关企业") but their size withheld ("未对外公布具体数额").
ISSUED_RE = re.compile(r"下达|发放|分配|下发")
UNDISCLOSED_RE = re.compile(r"(?:未|不|没有)[^,;。]{0,8}?(?:公布|公开|披露)")

# Words saying a number is not a quota: prices, output, trade, money, capacity, stocks.
NOT_QUOTA_RE = re.compile(
    r"价|元|产量|开采量|冶炼量|分离量|出口(?!配额)|进口|销量|销售|营收|收入|利润|关税|税率|"
    r"需求|消费|储量|储备|产能|库存|收储|市值|股价|走私|回收量|用量|"
    r"余下|剩余|预留|暂不下达|留作|"  # what is held back: "另有2000吨作为预留"
    r"实际|实绩|超采"  # what was done: "全年实际开采14.2万吨"
)

# Another commodity's quota, which ends ours: "钨品出口配额8000吨，钼品出口配额12000吨".
OTHER_COMMODITY_RE = re.compile(
    r"钼|铟|锗|镓|萤石|锡|铋|石墨|焦炭|铁矿|煤|磷|锰|钒|钴|锂|镁|铝|铜|铅|锌|银(?!行)|黄金|金矿|钾"
)

# A figure supposed or foreseen, not set: "若按首批推算全年，将达12万吨", "市场预计…".
HYPOTHETICAL_RE = re.compile(r"若(?!干)|如果|假如|假设|年化|预计|预期|预测|估计|有望|或将|测算")

# A quota word: the clause, or the sentence, must speak of quotas.
QUOTA_CUE_RE = re.compile(r"指标|配额|计划|总量控制")

# Just before an amount, a change or a bound rather than a level: "增加1.5万吨", "超过10万吨".
DELTA_BEFORE_RE = re.compile(
    r"(?:增加|增长|减少|下降|提高|降低|上调|下调|调增|调减|增|减|多|少|超过|逾|近|不少于|不超过|不足"
    r"|增量|减量|增幅|降幅|增加量|减少量|差额)"
    r"(?:了|约|达|为)?\s*$|[-+−]\s*$"  # and signed changes: "某省(-1,000吨)"
)

# Just after an amount, a bound, a rate or a size: "10万吨以上", "5000吨/年", "万吨级".
AFTER_AMOUNT_RE = re.compile(r"^\s*(?:以上|以下|多|余|级|/|每)")

# Just before a percentage, a stated change: "同比增长12.5%", "下降5%", "增幅为10%".
CHANGE_BEFORE_RE = re.compile(
    r"(?P<word>增长|增加|提高|上涨|上升|上调|增幅|涨幅|下降|减少|降低|下调|降幅|减)(?:了|约|为|达)?\s*$"
)
_FALLING = ("下降", "减少", "降低", "下调", "降幅", "减")

# Tokens that tie an amount's clause to quotas even without a quota word of its own.
WORD_KINDS = frozenset((
    "quota_type", "category", "company", "province", "commodity",
    "batch", "cumulative", "annual", "first", "half", "year", "relyear",
))  # fmt: skip

# The longest span of years read as a list ("2006-2024年"); longer ones are not lists of quotas.
MAX_YEAR_SPAN = 25

# Periods that can be listed for amounts to map onto: "第一批、第二批各为5.25万吨、5.25万吨".
LISTED_PERIOD_KINDS = frozenset(("batch", "first", "annual", "cumulative", "half"))

# Tokens that name a period, and so let a sentence continue the quota talk before it.
PERIOD_KINDS = frozenset(("batch", "cumulative", "annual", "first", "half", "quota_type"))

# The smallest national figure (no category, no holder) that is plausibly a quota.
MIN_NATIONAL_TONNES = 1_000.0

# The most rows a table set out with spaces is read for.
MAX_ROWS = 60

# Range of a plausible quota figure in tonnes; anything else is a typo or not a quota.
MIN_TONNES, MAX_TONNES = 10.0, 1_000_000.0

# Token patterns in the order they win ties (a longer match at the same place wins first).
_TOKEN_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("date", MONTH_ZH_RE),
    ("years", YEAR_RANGE_RE),
    ("batches", BATCH_LIST_RE),
    ("year", YEAR_ZH_RE),
    ("relyear", RELATIVE_YEAR_ZH_RE),
    ("cumulative", CUMULATIVE_ZH_RE),
    ("batch", BATCH_ZH_RE),
    ("annual", ANNUAL_RE),
    ("first", FIRST_BATCH_RE),
    ("half", HALF_YEAR_RE),
    ("include", INCLUDE_RE),
    ("include", ADD_EARLIER_RE),
    ("exclude", EXCLUDE_RE),
    ("compare", COMPARE_RE),
    ("compare", FLAT_RE),
    ("national", NATIONAL_RE),
    ("othercommodity", OTHER_COMMODITY_RE),
    ("unnamed", UNNAMED_HOLDER_RE),
    ("speech", SPEECH_COLON_RE),
    ("among", AMONG_RE),
    ("ownprovince", OWN_PROVINCE_RE),
    ("amount", AMOUNT_ZH_RE),
    ("amount", AMOUNT_ZH_SHARED_RE),
    ("percent", PERCENT_RE),
    ("close", CLOSE_RE),
    ("sep", SEP_RE),
    ("sameperiod", SAME_PERIOD_RE),
)


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
    terms = find_terms(half)
    doc = read_doc(content, terms)
    tokens = _Tokens(half, terms)
    facts: list[Readings] = []
    carried = doc.start_state()
    table: list[tuple[int, int, str]] = []
    note = plain(content.title or "")  # the caption of a table at the top ("单位：万吨")
    lines = _lines(half)
    index = 0
    while index < len(lines):
        start, end = lines[index]
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
            spaced = spaced_table([half[s:e] for s, e in lines[index - 1 : index - 1 + MAX_ROWS]])
        if spaced:  # "省份 主采 综合利用" / "江西 29000 3500"
            rows = [(*lines[index - 1 + n], row) for n, row in enumerate(spaced)]
            facts += _table_facts(doc, carried, rows, note, text)
            index += len(spaced) - 1
            continue
        for s_start, s_end in _sentences(half, start, end):
            sentence_facts, carried = _read_sentence(
                doc, carried, half, s_start, s_end, text, tokens.within(s_start, s_end)
            )
            facts += sentence_facts
        note = line
    if table:
        facts += _table_facts(doc, carried, table, note, text)
    return _plausible(facts)


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


# What may stand between two amounts of one list: "135000吨、127000吨", "12万和11.5万吨"
_LIST_JOINER_RE = re.compile(r"[\s、,和及与]*")


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
    if not _LIST_JOINER_RE.fullmatch(text[tokens[index].end : tokens[following].start]):
        return None
    return following


def _inside(token: Token, spans: list[tuple[int, int]]) -> bool:
    return any(start <= token.start and token.end <= end for start, end in spans)


def _listed(
    tokens: list[Token], index: int, text: str, kinds: frozenset[str] | tuple[str, ...] = ()
) -> bool:
    """Whether the token at ``index`` follows another of its sort in a list ("第一批、第二批")."""
    if index == 0 or tokens[index - 1].kind not in (kinds or LISTED_PERIOD_KINDS):
        return False
    return _LIST_JOINER_RE.fullmatch(text[tokens[index - 1].end : tokens[index].start]) is not None


class _Tokens:
    """Every token of a document, found in one pass of each pattern over the whole text."""

    def __init__(self, text: str, terms: list[Term]) -> None:
        found: list[Token] = []
        for kind, pattern in _TOKEN_PATTERNS:
            if pattern is FLAT_RE and not FLAT_WORDS_RE.search(text):
                continue  # the common 与/和/同 are tried only where a text says "持平", "维持"…
            for match in pattern.finditer(text):
                found.append(Token(match.start(), match.end(), kind, match))
        for term in terms:
            found.append(Token(term.start, term.end, term.kind, term.value))
        for pattern, company in SHORT_NAMES:
            for match in pattern.finditer(text):
                found.append(Token(match.start(), match.end(), "company", company))
        found.sort(key=lambda t: (t.start, -(t.end - t.start)))
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
    doc: Doc, carried: State, half: str, start: int, end: int, text: str, tokens: list[Token]
) -> tuple[list[Readings], State]:
    sentence = half[start:end]
    # After a ";" or opening with 其中, a sentence continues the one before.
    last = start - 1
    while last >= 0 and half[last].isspace():
        last -= 1
    continues = (last >= 0 and half[last] == ";") or CONTINUES_RE.match(sentence) is not None
    state = carried.copy(keep_lists=continues)
    state.period_explicit = False
    # About quotas: a quota word, or a sentence continuing one that had it ("前两批合计…").
    # A row of a list of years ("历年开采指标：\n2019年：13.2万吨\n2020年：…") continues it too.
    year_row = bool(tokens) and tokens[0].kind in ("year", "years") and tokens[0].start == start
    cue = QUOTA_CUE_RE.search(sentence) is not None or (
        carried.cued and (continues or year_row or any(t.kind in PERIOD_KINDS for t in tokens))
    )
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
            group = _read_group(doc, state, run, tokens, index, half, start, end, clause, cue)
            if group is not None:
                groups.append(group)
            state.mark_amounts_read()
        elif kind == "percent":
            before = half[max(start, token.start - 8) : token.start]
            change = CHANGE_BEFORE_RE.search(before)
            value = float(token.value["num"].replace(",", ""))
            if change:
                sign = -1.0 if change["word"] in _FALLING else 1.0
                percents.append((clause, sign * abs(value), token.start))
        elif kind == "sep":
            state.end_clause()
            clause += 1
        elif kind == "close":
            state.end_scope()
            clause += 1
        elif kind == "include":
            _include_earlier(state, groups)
        elif kind in LISTED_PERIOD_KINDS and _listed(tokens, index, half):
            state.add_period(kind, token.value)
        elif kind == "year" and _listed(tokens, index, half, ("year",)):
            state.add_year(int(token.value["y"]))  # "2019年、2020年和2021年…分别为"
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
        index += 1
    if not groups and cue and ISSUED_RE.search(sentence) and UNDISCLOSED_RE.search(sentence):
        state.end_scope()
        groups.append(Group(clause=0, rows=state.undisclosed_rows(), temporary=False))
    facts = _build_facts(doc, groups, percents, half, start, end, text)
    if not facts and not cue:
        state = carried.copy(keep_lists=False)
    state.cued = cue
    return facts, state.settled()


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
                row if row.period != old else replace(row, period=new) for row in group.rows
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
    cue: bool,
) -> Group | None:
    """Facts for a run of amounts ("135000吨、127000吨") from the state, or None."""
    if state.temporary and not state.scope_changed:
        return None  # "高于前值12万吨": a comparison without its own year or batch
    clause_left, right = _clause_bounds(half, start, end, run[0].start)
    # What comes before a colon is not this figure's clause ("…价格走高 要点:…指标5.25万吨"),
    # though it may label it ("2019年：13.2万吨").
    colon = half.rfind(":", clause_left, run[0].start)
    left = max(clause_left, colon + 1)
    if NOT_QUOTA_RE.search(half, left, right) or HYPOTHETICAL_RE.search(half, start, run[0].start):
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
    if colon < 0 and left > start and not any(t.kind == "amount" and t.end <= left for t in tokens):
        # "公布…稀土出口配额，（多家企业获批，）共计21226吨": the clauses before name the
        # quota, unless they speak of output or prices ("产量超出计划，达到13万吨").
        while left > start and not QUOTA_CUE_RE.search(half, left, right):
            left = _clause_bounds(half, start, end, left - 1)[0]
        if NOT_QUOTA_RE.search(half, left, run[0].start):
            return None
    has_word = bound_type is not None or any(
        t.kind in WORD_KINDS and min(left, clause_left) <= t.start and t.end <= right
        for t in tokens
    )
    if not cue or not (QUOTA_CUE_RE.search(half[left:right]) or has_word):
        return None
    rows = []
    for position, token in enumerate(run):
        before = half[max(start, token.start - 6) : token.start]
        after = half[token.end : min(end, token.end + 3)]
        if DELTA_BEFORE_RE.search(before) or AFTER_AMOUNT_RE.match(after):
            continue
        match = token.value
        amount = scale(match["num"], match["mult"])
        if amount is None or not MIN_TONNES <= amount <= MAX_TONNES:
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
    for index in range(start, end):
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
                replace(row, change_pct=v) for row, v in zip(group.rows, values, strict=True)
            ]
        elif len(values) == 1 and "均" in half[found[0][1] - 8 : found[0][1]]:
            group.rows = [replace(row, change_pct=values[0]) for row in group.rows]


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
