"""Quota tables as ``content`` hands them on: one line per row, cells joined by " | ".

A header row names what each column holds ("集团 | 岩矿型稀土（轻） | 冶炼分离"), or two
header rows do, the upper one spanning columns; each later row names its holder in the
first cell (a company, a province, 合计 for the national total, or a year) and gives bare
numbers. The quota year, period and commodity come from the text before the table, so this
module only reports what the table itself says and ``rules`` completes the facts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from extractors.dates import BATCH_ZH_RE, CUMULATIVE_ZH_RE
from extractors.numbers import NUMBER, ZH_UNIT, chinese_numeral, scale, to_halfwidth
from extractors.vocab import Term, find_terms

# A cell separator as content.py writes table rows.
CELL_SEP = " | "

# A cell holding one figure: "94580", "94,580", "9.458万", "94580吨", "9.458 万吨".
FIGURE_CELL_RE = re.compile(rf"(?P<num>{NUMBER})\s*(?P<mult>万|千)?\s*(?:{ZH_UNIT})?")

# A header or unit note giving the table in 万吨: "单位：万吨", "开采指标（万吨）"; not an amount
# of a sentence before the table ("…分别为13.5万吨、12.7万吨。" over a table in tonnes).
WAN_UNIT_RE = re.compile(r"(?<![\d.〇零一二两三四五六七八九十百千])万(?:公?吨|t(?![A-Za-z]))")
WAN = 10_000.0
# An amount in 万吨 in the sentence before a table that states no unit: the table's figures may be
# in 万吨 too, if every one of them is below 1000 (PLAIN_WAN_MAX), or in tonnes otherwise.
AMOUNT_WAN_RE = re.compile(r"[\d.〇零一二两三四五六七八九十百千]\s*万(?:公?吨|t(?![A-Za-z]))")
PLAIN_WAN_MAX = 1000

# A first cell naming the national figure: "合计", "总计", "全国", "全国合计".
NATIONAL_CELL_RE = re.compile(r"^\s*(?:全国\s*)?(?:合\s*计|总\s*计|小\s*计|全国)\s*$")

# A first cell naming a year, in tables of several years: "2019", "2019年", "2019年度".
YEAR_CELL_RE = re.compile(r"^\s*(?P<y>(?:19|20)\d{2})\s*年?度?\s*$")

# A first cell naming a period, in tables of a year's batches: "第一批", "第2批", "首批",
# "前两批合计", "全年", "年度合计", "全年总计".
PERIOD_CELL_RE = re.compile(
    r"^\s*(?:第\s*[一二三四\d]\s*批次?|首批次?|首轮|前\s*[两二三四\d]\s*批(?:合计|累计)?"
    r"|(?:全年度?|年度)(?:合计|总计|累计)?)\s*$"
)

# A column that totals the category columns to its left: "合计", "小计", "开采合计".
TOTAL_COLUMN_RE = re.compile(r"合\s*计|小\s*计|总\s*计")

# A table set out with spaces: how many cells its header may have, how many rows it needs.
MAX_SPACED_CELLS, MIN_SPACED_ROWS = 10, 2

# A column named by its commodity alone: "稀土矿", "钨精矿(WO3 65%)", "锑矿开采总量控制指标".
COMMODITY_COLUMN_RE = re.compile(
    r"(?:稀土|钨|锑)(?:矿|精矿|氧化物)?(?:开采)?(?:总量控制)?(?:指标|计划)?(?:\([^()]*\))?(?:万?吨)?"
)

# A column named by a quota word alone: "指标", "控制指标", "配额", "分配数量(吨)" (under a caption
# naming the commodity and type: "…开采总量控制指标分配表" over "省（区） | 指标").
QUOTA_COLUMN_RE = re.compile(
    r"(?:总量)?(?:控制)?(?:分配|下达)?(?:指标|配额|数量|计划)(?:数|量)?(?:\([^()]*\))?(?:万?吨)?"
)

# The header of a column of serial numbers: "序号", "编号".
SERIAL_HEADER_RE = re.compile(r"序号|编号|序")

# A column of one year: "2023年", "2023年度" (the year of its figures).
COLUMN_YEARS_RE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*年")

# A column of the whole year: "全年", "年度", "全年指标".
COLUMN_YEAR_RE = re.compile(r"全年|年度")

# Cells that hold no figure: "", "-", "—", "/", "0".
EMPTY_CELL_RE = re.compile(r"^\s*(?:(?:[-—–/／]+|0+(?:\.0+)?)\s*)?$")


@dataclass(frozen=True)
class Column:
    """What one value column of a table holds."""

    quota_type: str | None  # None: the type the text around the table gives
    category: str | None
    commodity: str | None
    multiplier: float = 1.0
    period: str | None = None  # a column of one batch or of the year ("第一批", "全年")
    year: int | None = None  # a column of one year ("2023年", "2023年度")
    parts: bool = False  # it holds categories (or their total) of a type the header leaves out


@dataclass(frozen=True)
class TableFigure:
    """One figure of one row; ``quota_type`` is None when the header did not say."""

    start: int  # span of the row line in the text
    end: int
    commodity: str | None
    quota_type: str | None
    category: str | None
    holder: str | None
    year: int | None  # set only by a year-row table
    amount_t: float
    period: str | None = None  # set only by a column of one batch or of the year
    parts: bool = False  # categories or their total, of a type the header leaves out


@lru_cache(maxsize=4096)  # headers, labels and titles come again from page to page
def terms_of(text: str) -> tuple[Term, ...]:
    """The vocabulary words of a short text (a cell, a title): ``find_terms``, remembered."""
    return tuple(find_terms(text))


def is_table_line(line: str) -> bool:
    """A row of a table: two cells or more, none of them running text ("…同比增长3%。 |")."""
    if "|" not in line:
        return False
    cells = [cell for cell in split_cells(line) if cell]
    return len(cells) >= 2 or (len(cells) == 1 and not SENTENCE_CELL_RE.search(cells[0]))


# A cell that is running text, not a table's: a sentence's end inside it.
SENTENCE_CELL_RE = re.compile(r"[。;!?]")


def spaced_table(lines: Iterable[str]) -> list[str]:
    """The rows of a table whose cells are set apart by spaces, as plain text keeps tables
    ("省份 主采 综合利用" / "江西 29000 3500" / …), written as rows with " | "; [] when the
    lines do not start one: a header of 2 to 10 words, then at least two rows of as many cells,
    a label (a name, a year, 合计) and figures. A first column of serial numbers ("序号 省份 …" /
    "1 江西 …") is a label too, and a total row may leave it out ("合计 89000 105000")."""
    lines = iter(lines)  # read only as far as the table goes
    first = next(lines, "")
    # Cells set apart by tabs or runs of spaces may hold a space ("企业    开采 岩矿型    冶炼分离")
    wide = WIDE_GAP_RE.search(first) is not None
    header = _cells(first, wide)
    if not 2 <= len(header) <= MAX_SPACED_CELLS or any(re.search(r"\d", c) for c in header):
        return []
    labels = 2 if SERIAL_HEADER_RE.fullmatch(header[0]) else 1
    rows: list[str] = []
    for line in lines:
        cells = _cells(line, wide)
        if not rows and len(cells) < len(header):
            header = _joined_header(header, len(cells))  # "开采 岩矿型": one column's header
        if labels == 2 and len(cells) == len(header) - 1 and NATIONAL_CELL_RE.match(cells[0]):
            cells = ["", *cells]  # "合计 89000 105000" under "序号 省份 钨 稀土"
        figures = cells[labels:]
        if (
            len(cells) != len(header)
            or (
                re.search(r"\d", cells[labels - 1])
                and not YEAR_CELL_RE.match(cells[labels - 1])
                and not PERIOD_CELL_RE.match(cells[labels - 1])
            )
            or (labels == 2 and cells[0] and not cells[0].isdigit())
            or not all(FIGURE_CELL_RE.fullmatch(c) or EMPTY_CELL_RE.match(c) for c in figures)
        ):
            break
        rows.append(CELL_SEP.join(cells))
    if len(rows) < MIN_SPACED_ROWS:
        return []
    return [CELL_SEP.join(header), *rows]


def _joined_header(header: list[str], width: int) -> list[str]:
    """A header whose spaces also stand inside cells ("企业 开采合计 开采 岩矿型 冶炼分离" over rows
    of four cells), joined to ``width`` cells where a type word stands before a category word
    that qualifies it ("开采 岩矿型", "钨 主采"); as it was if it cannot be."""
    joined = list(header)
    index = 1
    while len(joined) > width and index < len(joined) - 1:
        left = {term.kind for term in terms_of(joined[index])}
        right = {term.kind for term in terms_of(joined[index + 1])}
        if "category" not in left and "category" in right and left & {"quota_type", "commodity"}:
            joined[index : index + 2] = [f"{joined[index]} {joined[index + 1]}"]
        index += 1
    return joined if len(joined) == width else header


# A gap between cells of a table set out with tabs or with runs of spaces.
WIDE_GAP_RE = re.compile(r"\t| {2,}")


def _cells(line: str, wide: bool) -> list[str]:
    """A spaced row's cells: split at tabs and runs of spaces if its header is, else at spaces."""
    if wide:
        return [cell.strip() for cell in WIDE_GAP_RE.split(line.strip()) if cell.strip()]
    return line.split()


def split_cells(line: str) -> list[str]:
    return [cell.strip() for cell in to_halfwidth(line).split("|")]


def _is_header(cells: list[str]) -> bool:
    return not any(FIGURE_CELL_RE.fullmatch(cell) for cell in cells[1:] if cell)


def _column(text: str, wan: bool, left: list[Column | None]) -> Column | None:
    terms = terms_of(text)
    kinds = {term.kind: term.value for term in terms}
    multiplier = WAN if wan or WAN_UNIT_RE.search(text) else 1.0
    quota_type, category = kinds.get("quota_type"), kinds.get("category")
    commodity = kinds.get("commodity")
    period = _period(text)
    year_named = COLUMN_YEARS_RE.search(text)
    year = int(year_named["y"]) if year_named else None
    if year is not None and period is None:
        period = "annual"  # "集团 | 2022年 | 2023年": each column a year's
    if quota_type is None and category is None and period is not None:
        # "年份 | 第一批 | 第二批 | 全年": the type and commodity are the text's
        return Column(None, None, commodity, multiplier, period, year)
    if quota_type is None and category is None:
        # A total next to category columns is their sum: the type's figure without category.
        prior = [col for col in left if col is not None]
        if TOTAL_COLUMN_RE.search(text) and prior and prior[-1].category is not None:
            parts = prior[-1].quota_type is None
            return Column(prior[-1].quota_type, None, prior[-1].commodity, multiplier, parts=parts)
        bare = re.sub(r"\s+", "", text)
        if COMMODITY_COLUMN_RE.fullmatch(bare) or QUOTA_COLUMN_RE.fullmatch(bare):
            # "省（区） | 稀土矿 | 钨精矿 | 锑矿" under a mining notice: the type is the notice's
            return Column(None, None, commodity, multiplier)
        return None
    if category is not None and quota_type is None:
        # "岩矿型", "轻稀土": mining, or export under an export quota's caption ("…出口配额分配如下"
        # / "企业 | 轻稀土 | 中重稀土"); the text around the table says which
        return Column(None, category, commodity, multiplier, period, year, parts=True)
    if category is not None and quota_type != "mining":
        category = None  # categories split mining only
    return Column(quota_type, category, commodity, multiplier, period, year)


@lru_cache(maxsize=1024)  # column headers come again from page to page
def _period(text: str) -> str | None:
    """The period a column names: "第二批" → batch:2, "首批" → batch:1, "前两批" → cumulative:2,
    "全年", "年度" → annual; None when it names none (or is a total, "合计")."""
    cumulative = CUMULATIVE_ZH_RE.search(text)
    if cumulative:
        count = chinese_numeral(cumulative["n"] or cumulative["m"])
        return f"cumulative:{count}" if count else None
    batch = BATCH_ZH_RE.search(text)
    if batch:
        number = chinese_numeral(batch["n"])
        return f"batch:{number}" if number else None
    if "首批" in text or "首轮" in text:
        return "batch:1"
    if COLUMN_YEAR_RE.search(text):
        return "annual"
    return None


def _columns(headers: list[list[str]], wan: bool) -> list[Column | None]:
    width = max(len(row) for row in headers)
    merged = [""] * width
    for row in headers:
        carried = ""
        for index in range(1, width):
            cell = row[index] if index < len(row) else ""
            # An empty cell of an upper header row sits under the span of its left neighbour.
            if cell:
                carried = cell
            elif row is not headers[-1]:
                cell = carried
            merged[index] += cell
    columns: list[Column | None] = [None]
    for index in range(1, width):
        columns.append(_column(merged[index], wan, columns))
    for index in range(1, width - 1):
        after = columns[index + 1]
        if (
            columns[index] is None
            and TOTAL_COLUMN_RE.search(merged[index])
            and after is not None
            and after.category is not None
        ):
            # A total before its parts: "省（区） | 合计 | 主采 | 综合利用".
            multiplier = WAN if wan or WAN_UNIT_RE.search(merged[index]) else 1.0
            columns[index] = Column(
                after.quota_type, None, after.commodity, multiplier, parts=after.quota_type is None
            )
    return columns


def _holder(cell: str) -> tuple[bool, str | None, int | None, str | None]:
    """(known, holder, year, period) of a row's first cell."""
    year = YEAR_CELL_RE.match(cell)
    if year:
        return True, None, int(year["y"]), None
    if NATIONAL_CELL_RE.match(cell):
        return True, None, None, None
    if PERIOD_CELL_RE.match(cell):
        return True, None, None, _period(cell)  # "第2批 | 135000 | 127000"
    for term in terms_of(cell):
        if term.kind in ("company", "province"):
            return True, term.value, None, None
    return False, None, None, None


def parse_table(lines: list[tuple[int, int, str]], note: str = "") -> list[TableFigure]:
    """The figures of one table, given its lines as (start, end, line) in order.

    ``note`` is the text just before the table (caption, "单位：万吨").
    """
    wan = bool(WAN_UNIT_RE.search(note))
    plain_cells = not wan and AMOUNT_WAN_RE.search(note) is not None
    headers: list[list[str]] = []
    columns: list[Column | None] = []
    figures = []
    for start, end, line in lines:
        cells = split_cells(line)
        if _is_header(cells):
            if columns:  # a new header starts a new table
                headers, columns = [], []
            headers.append(cells)
            continue
        if not columns:
            if not headers:
                continue
            columns = _columns(headers, wan)
        # The holder is in the first label column that names one (after a 序号 column).
        labels = [cell for i, cell in enumerate(cells) if i >= len(columns) or columns[i] is None]
        known, holder, year, row_period = next(
            (found for found in map(_holder, labels) if found[0]), (False, None, None, None)
        )
        if not known:
            continue
        for index, cell in enumerate(cells[1:], start=1):
            column = columns[index] if index < len(columns) else None
            match = FIGURE_CELL_RE.fullmatch(cell)
            if column is None or match is None or EMPTY_CELL_RE.match(cell):
                continue
            mult = match["mult"] or ("万" if column.multiplier == WAN else None)
            plain_cells = plain_cells and mult is None
            amount = scale(match["num"], mult)  # in decimals: "24.385" 万 is 243850 exactly
            if amount is None:
                continue
            figures.append(
                TableFigure(
                    start=start,
                    end=end,
                    commodity=column.commodity,
                    quota_type=column.quota_type,
                    category=column.category,
                    holder=holder,
                    year=year if year is not None else column.year,
                    amount_t=amount,
                    period=column.period or row_period,
                    parts=column.parts,
                )
            )
    if plain_cells and figures and all(f.amount_t < PLAIN_WAN_MAX for f in figures):
        # "…分别为13.5万吨、12.7万吨。" over "北方稀土 | 9.458 | 8.801": in 万吨 like the sentence
        return [replace(f, amount_t=scale(str(f.amount_t), "万") or f.amount_t) for f in figures]
    return figures
