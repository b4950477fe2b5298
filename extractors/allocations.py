"""Allocation tables of notices' attachments: rows of cells in, per-group quota facts out.

An attachment's table says who got what; the notice it belongs to says of which year, batch,
type and issuer. So ``notice_context`` reads those from the titles (the attachment's own
caption first, then its link text, then the notice's title), and ``read_allocations`` reads
the table:

- rows with one text across them are notes (the caption, "单位：万吨"); rows without figures
  before the first row with figures are the header, several rows stacked (a spanned upper
  header over its parts); a header row after figures starts a new table;
- header words pick each column: 开采 mining, 冶炼分离 smelting_separation; 岩矿型/轻稀土
  light, 离子型/中重稀土 medium_heavy (mining only); 主采 tungsten_primary, 综合利用
  tungsten_byproduct; 小计/合计 the type's figure without category; 钨 tungsten, 稀土
  rare earths; 万吨 in a column's header or in a note multiplies its figures by 10,000;
- the row label picks the holder: a company id or ``province:<pinyin>`` from the vocabulary,
  合计/总计/全国 the national figure; rows with another label (其中, 备注) are passed over;
- empty cells, dashes and zeros state no quota and give no fact.

Whether the parts add up is not decided here: every figure is kept as the table states it, and
``quotas check`` reports a table whose parts do not sum to its subtotals and totals.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from extractors.attachments import AttachmentError, Converter, Sheet, filename_of, read_sheets
from extractors.facts import Content, Extraction, QuotaFact
from extractors.numbers import NUMBER, chinese_numeral, scale, to_halfwidth
from extractors.vocab import find_terms
from extractors.zh.lexicon import ANNUAL_RE, BATCH_ZH_RE, YEAR_ZH_RE

# Bump when a rule here changes what is read; stored facts carry it.
ALLOCATION_RULES = "a1"

# A cell holding one figure: "94580", "94,580", "9.458", "9.458万", "94580吨", "94580.0".
FIGURE_RE = re.compile(rf"(?P<num>{NUMBER})\s*(?P<mult>万)?\s*吨?")
# Cells that state no quota: "", "-", "—", "/", "0", "0.0".
NO_QUOTA_RE = re.compile(r"(?:[-—–/／]+|0+(?:\.0+)?)?")
# A label naming the national figure: "合计", "总计", "全国", "全国合计", and spaced out to fill a
# cell, "合  计" (which the lexicon's NATIONAL_RE, for prose, does not allow).
NATIONAL_RE = re.compile(r"(?:全国\s*)?(?:合\s*计|总\s*计|全国)")
# A column totalling the category columns beside it: "小计", "合计", "开采合计".
TOTAL_RE = re.compile(r"小\s*计|合\s*计|总\s*计")
# A table in 万吨: "单位：万吨", "开采指标（万吨）" (the Chinese rules' lexicon has no such pattern:
# they read 万 as part of an amount). The titles' year ("2024年", "2020年度"), batch ("第一批",
# "第3批") and whole year ("年度", "全年") are the lexicon's: YEAR_ZH_RE, BATCH_ZH_RE, ANNUAL_RE.
WAN_RE = re.compile(r"万\s*吨")
# Document numbers whose prefix names the issuer: 工信部联原〔2024〕25号, 自然资发〔2020〕33号.
DOC_NUMBER_ISSUERS = (
    ("工信部", "MIIT"),
    ("自然资", "MNR"),
    ("国土资", "MLR"),
    ("商务部", "MOFCOM"),
)
# Which issuer speaks for a joint notice (as the notices' own rules have it).
ISSUER_ORDER = ("MIIT", "MNR", "MLR", "MOFCOM")
# Categories of each commodity (categories of the other one in a column are ignored).
TUNGSTEN_CATEGORIES = ("tungsten_primary", "tungsten_byproduct")


@dataclass(frozen=True)
class NoticeContext:
    """What the notice an attachment belongs to says about all its figures."""

    year: int | None
    period: str | None  # annual | batch:N
    issuer: str | None
    commodity: str = "rare_earth"  # the default for columns that do not name one
    quota_type: str | None = None  # when the notice names only one type (MNR: mining)


@dataclass(frozen=True)
class Column:
    commodity: str
    quota_type: str
    category: str | None
    multiplier: float


def notice_context(*titles: str | None, doc_number: str | None = None) -> NoticeContext:
    """Year, period, issuer, commodity and type from titles, most specific first (the
    attachment's caption, its link text, the notice's title)."""
    texts = [to_halfwidth(t) for t in titles if t]
    year = period = None
    for text in texts:
        found = YEAR_ZH_RE.search(text)
        if found and year is None:
            year = int(found["y"])
        batch = BATCH_ZH_RE.search(text)
        if period is None and batch and (number := chinese_numeral(batch["n"])):
            period = f"batch:{number}"
        elif period is None and found and ANNUAL_RE.search(text):
            period = "annual"
        if year is not None and period is not None:
            break
    words = " ".join([*texts, doc_number or ""])
    named = {term.value for term in find_terms(words, ("issuer",))}
    named |= {issuer for prefix, issuer in DOC_NUMBER_ISSUERS if prefix in (doc_number or "")}
    issuer = next((i for i in ISSUER_ORDER if i in named), None)
    commodities = {t.value for t in find_terms(words, ("commodity",))}
    commodity = "tungsten" if commodities == {"tungsten"} else "rare_earth"
    types = {t.value for t in find_terms(words, ("quota_type",))}
    quota_type = types.pop() if len(types) == 1 else None
    return NoticeContext(year, period, issuer, commodity, quota_type)


def extract_attachment(
    body: bytes,
    url: str,
    *,
    link_title: str | None,
    notice_title: str | None,
    notice_doc_number: str | None = None,
    published: date | None = None,
    convert: Converter | None = None,
    version: str = "",
) -> Extraction:
    """Read one attachment into an Extraction; an unreadable one gives its reason in
    ``Extraction.error`` (never raises)."""
    when = datetime(published.year, published.month, published.day) if published else None
    try:
        sheets = read_sheets(body, filename_of(url) or (link_title or ""), convert)
        caption = _caption(sheets)
        context = notice_context(caption, link_title, notice_title, doc_number=notice_doc_number)
        if context.year is None or context.period is None:
            raise AttachmentError(
                "no quota year or batch: neither the attachment nor its notice names one"
            )
        text, facts = read_allocations(sheets, context)
    except AttachmentError as exc:
        empty = Content(title=None, published=when, language=None, text="")
        return Extraction(url=url, content=empty, error=str(exc), version=version)
    companies = tuple(dict.fromkeys(f.holder for f in facts if f.holder and ":" not in f.holder))
    content = Content(title=caption, published=when, language="zh", text=text)
    return Extraction(
        url=url,
        content=content,
        facts=tuple(facts),
        companies=companies,
        relevant=bool(facts),
        version=version,
    )


def _caption(sheets: Sequence[Sheet]) -> str | None:
    """The first note naming a year (the table's title), if any."""
    for sheet in sheets:
        for row in sheet.rows[:6]:
            values = {cell for cell in row if cell}
            if len(values) == 1 and YEAR_ZH_RE.search(to_halfwidth(next(iter(values)))):
                return next(iter(values))
    return None


def read_allocations(
    sheets: Sequence[Sheet], context: NoticeContext
) -> tuple[str, list[QuotaFact]]:
    """The attachment's text (one line per row, cells joined by " | ") and its facts; each
    fact's evidence is its row's line and its span that line's place in the text."""
    lines: list[str] = []
    facts: list[QuotaFact] = []
    offset = 0
    for sheet in sheets:
        table = _TableReader(context)
        for row in sheet.rows:
            line = " | ".join(cell for cell in row if cell)
            if not line:
                continue
            span = (offset, offset + len(line))
            lines.append(line)
            offset += len(line) + 1
            facts += table.feed(row, line, span)
    seen: set[tuple[object, ...]] = set()
    kept = []
    for fact in facts:  # one figure stated twice (two sheets of one table) counts once
        if fact.key() not in seen:
            seen.add(fact.key())
            kept.append(fact)
    return "\n".join(lines), kept


class _TableReader:
    """Reads one sheet's rows in order: notes, header rows, then figures."""

    def __init__(self, context: NoticeContext) -> None:
        self.context = context
        self.wan = False  # a note gave the table in 万吨
        self.headers: list[tuple[str, ...]] = []
        self.columns: list[Column | None] = []

    def feed(self, row: tuple[str, ...], line: str, span: tuple[int, int]) -> list[QuotaFact]:
        cells = [to_halfwidth(cell) for cell in row]
        values = {cell for cell in cells if cell}
        if len(values) == 1:  # a note across the table: caption, unit line
            if WAN_RE.search(next(iter(values))):
                self.wan = True
            return []
        if not any(_figure(cell) is not None for cell in cells):
            if self.columns:  # a header after figures: a new table begins
                self.headers, self.columns = [], []
            self.headers.append(tuple(cells))
            return []
        if not self.columns:
            if not self.headers:
                return []
            self.columns = _columns(self.headers, self.wan, self.context)
        return self._facts(cells, line, span)

    def _facts(self, cells: list[str], line: str, span: tuple[int, int]) -> list[QuotaFact]:
        labels = [c for i, c in enumerate(cells) if i >= len(self.columns) or not self.columns[i]]
        known, holder = _holder(labels)
        if not known:
            return []
        out = []
        for index, cell in enumerate(cells):
            column = self.columns[index] if index < len(self.columns) else None
            figure = _figure(cell)
            if column is None or figure is None or NO_QUOTA_RE.fullmatch(cell.strip()):
                continue
            amount, own_unit = figure
            if not own_unit:
                amount *= column.multiplier
            out.append(
                QuotaFact(
                    commodity=column.commodity,
                    quota_type=column.quota_type,
                    year=self.context.year or 0,
                    period=self.context.period or "annual",
                    category=column.category,
                    holder=holder,
                    amount_t=round(amount, 3),
                    status="official",
                    issuer=self.context.issuer,
                    evidence=line,
                    span=span,
                )
            )
        return out


def _figure(cell: str) -> tuple[float, bool] | None:
    """(amount, whether the cell gave its own 万) of a figure cell, else None."""
    match = FIGURE_RE.fullmatch(cell.strip())
    if match is None:
        return None
    amount = scale(match["num"], match["mult"])
    return None if amount is None else (amount, bool(match["mult"]))


def _holder(labels: list[str]) -> tuple[bool, str | None]:
    """(known, holder) from a row's label cells: a company, a province, or the national row."""
    for label in labels:
        terms = find_terms(label, ("company", "province"))
        if terms:
            return True, terms[0].value
    for label in labels:
        if NATIONAL_RE.fullmatch(label.strip()):
            return True, None
    return False, None


def _columns(
    headers: list[tuple[str, ...]], wan: bool, context: NoticeContext
) -> list[Column | None]:
    width = max(len(row) for row in headers)
    columns: list[Column | None] = []
    for index in range(width):
        # this column's header texts, top down, each once (a spanned cell repeats its text)
        stack = list(
            dict.fromkeys(row[index] for row in headers if index < len(row) and row[index])
        )
        columns.append(_column(stack, wan, context, columns))
    return columns


def _column(
    stack: list[str], wan: bool, context: NoticeContext, left: list[Column | None]
) -> Column | None:
    def lowest(kind: str) -> str | None:
        for text in reversed(stack):
            for term in find_terms(text, (kind,)):
                return term.value
        return None

    quota_type, category, commodity = lowest("quota_type"), lowest("category"), lowest("commodity")
    total = any(TOTAL_RE.search(text) for text in stack)
    if quota_type is None and category is None and not total:
        return None  # a label column: 序号, 稀土集团, 省（区）
    if category in TUNGSTEN_CATEGORIES:
        commodity = "tungsten"
    commodity = commodity or context.commodity
    if category is not None and (commodity == "tungsten") != (category in TUNGSTEN_CATEGORIES):
        category = None  # a rare earth category under a tungsten header, or the reverse
    if total and category is None and quota_type is None:
        prior = next((col for col in reversed(left) if col is not None), None)
        if prior is None:
            return None
        quota_type, commodity = prior.quota_type, prior.commodity
    if category is not None:
        if quota_type not in (None, "mining"):
            category = None  # categories split the mining quota only
        else:
            quota_type = "mining"
    quota_type = quota_type or context.quota_type
    if quota_type is None:
        return None
    multiplier = 10_000.0 if wan or any(WAN_RE.search(text) for text in stack) else 1.0
    return Column(commodity, quota_type, category, multiplier)
