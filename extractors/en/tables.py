"""Quota tables written as lines of text: a label, then its figures, under a header.

Analysts and wire services print allocations as rows ("China Minmetals Corporation* | 670 |
140 | 810 |", "Sub-Total 21,728 28,417 22,282 7,976", "Jiangxi 37,750") under a header that
says what each column is: categories ("LRE | M/HRE | Total"), periods ("H1 (t) H2 (t)"),
years ("2009 2010 2011"), quota types ("Year  Mining  Smelting"). A row is read when its label
is a holder FACTS.md knows (a group, a province written alone), the national total
("Sub-Total", "TOTAL"), one of our metals or a year ("2020 140,000 135,000"); what its columns leave
open (commodity, type, year, period) comes from the text before the table. Rows of other
companies, joint ventures or sub-groups ("Domestic", "Foreign-owned") are not ours to read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractors import numbers, vocab

# A figure cell of a row: "21,728", "979".
CELL = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
# The national line of a table: "Sub-Total", "TOTAL", "National total", "Nationwide".
NATIONAL = re.compile(r"^(?:sub[\s-]?total|total|national(?:\s+total)?|nationwide)$", re.I)
# A row of one of our commodities: "Tungsten 15,400 15,700" under "Metal 2012 2011".
COMMODITY_ROW = {
    "rare_earth": re.compile(r"^(?:rare[\s-]earths?(?:\s+oxides?)?|REO)$", re.I),
    "tungsten": re.compile(r"^tungsten(?:\s+(?:concentrates?|products?))?$", re.I),
    "antimony": re.compile(r"^antimony(?:\s+(?:products?|ingots?))?$", re.I),
}
# Words a province may carry in a row label: "Jiangxi Province", "Inner Mongolia A.R.".
PROVINCE_WORDS = re.compile(r"^(?:province|autonomous\s+region|region|a\.?r\.?)?$", re.I)
# What a header cell names.
HEADER_CATEGORY = {
    # "Light", "Rock-type", "Ion-adsorption", "Ionic clay", "Medium and heavy rare earths"
    "light": re.compile(
        r"^(?:LRE|LREE|(?:light|(?:hard[\s-])?rock(?:[\s-]type)?)(?:\s+rare[\s-]earths?)?)$", re.I
    ),
    "medium_heavy": re.compile(
        r"^(?:M\s*/\s*HRE|MHRE|HRE|M/HREE|(?:medium[\s/-]*(?:and\s+)?heavy|ion(?:ic|[\s-]a[db]sor"
        r"(?:ption|bed))(?:[\s-]type)?(?:\s+clay)?)(?:\s+rare[\s-]earths?)?)$",
        re.I,
    ),
    "tungsten_primary": re.compile(r"^(?:main[\s-]mining|primary)$", re.I),
    "tungsten_byproduct": re.compile(
        r"^(?:by[\s-]?products?|comprehensive\s+utili[sz]ation)$", re.I
    ),
    "total": re.compile(r"^(?:total|sum)$", re.I),
}
HEADER_TYPE = {
    "mining": re.compile(r"^(?:mining|mined?\s+products?|extraction)(?:\s+quotas?)?$", re.I),
    "smelting_separation": re.compile(
        r"^(?:smelting(?:\s*(?:and|&|/)\s*separation)?|separation|refining)(?:\s+quotas?)?$", re.I
    ),
    "export": re.compile(r"^exports?(?:\s+quotas?)?$", re.I),
}
HEADER_PERIOD = {
    "batch:1": re.compile(
        r"^(?:H1|1H|first\s+(?:batch|half|round))(?:\s*\((?:t|tonnes)\))?$", re.I
    ),
    "batch:2": re.compile(
        r"^(?:H2|2H|second\s+(?:batch|half|round))(?:\s*\((?:t|tonnes)\))?$", re.I
    ),
}
YEAR_CELL = re.compile(r"^(?:19|20)\d\d$")
# A list row of one year, its label set off by a colon or a dash ("2009: 82,320 t"), and
# the unit after its figure.
YEAR_LABEL = re.compile(r"^[-*\u2022\u00b7]?\s*((?:19|20)\d\d)\s*[:\u2013\u2014-]\s+(?=\d)")
YEAR_LABEL_FIRST = frozenset("12-*\u2022\u00b7")
UNIT_AFTER = re.compile(r"(?<=\d) ?(?:t|tonnes|tons|metric tons|mt)\.?$", re.IGNORECASE)
# A header cell split: "|", tabs, or two spaces; with single spaces, the known words.
HEADER_SPLIT = re.compile(r"\s*\|\s*|\t+|\s{2,}")
HEADER_WORDS = re.compile(
    r"M\s*/\s*HRE|LRE|(?:H[12]|[12]H)(?:\s*\((?:t|tonnes)\))?|(?:19|20)\d\d|total|light|heavy"
    r"|smelting(?:\s+(?:and|&)\s+separation)?|mining|separation|exports?",
    re.I,
)
# The two categories a row of three figures that add up is split into, by commodity.
PARTS = {
    "rare_earth": ("light", "medium_heavy"),
    "tungsten": ("tungsten_primary", "tungsten_byproduct"),
}
# A row label is a name, not a sentence ("China Nonferrous Import-Export Co. Jiangsu Branch").
MAX_LABEL_WORDS = 10
# How many lines above a table its header may be (its rows not counted).
HEADER_REACH = 4


@dataclass(frozen=True)
class Column:
    """What one column of a table gives its figures."""

    category: str | None = None  # "total" for a whole of the parts
    period: str | None = None
    year: int | None = None
    qtype: str | None = None


@dataclass(frozen=True)
class Cell:
    """One figure of a row: its amount and its column."""

    tonnes: float
    column: Column


@dataclass(frozen=True)
class Row:
    """A row read: the holder it is about (None: the nation), the commodity if the row
    names one ("Tungsten 15,400 15,700"), and its figures."""

    holder: str | None
    cells: tuple[Cell, ...]
    commodity: str | None = None
    year: int | None = None  # a row of one year: "2020 140,000 135,000"


def read_row(line: str, header: Sequence[str], parts: tuple[str, str] | None) -> Row | None:
    """The row ``line``, if it is a table row of a holder or the nation. ``header`` holds
    the lines above the table, nearest last.

    ``parts`` are the two categories of the story's commodity (light, medium-heavy), used
    when a row of three figures adds up ("710 173 883") and no header names its columns.
    """
    split = split_row(line)
    if split is None:
        return None
    label, found = split
    year = int(label) if YEAR_CELL.match(label) else None
    commodity = next((c for c, p in COMMODITY_ROW.items() if p.match(label)), None)
    holder = None if commodity or year else _holder(label)
    if holder is False:
        return None
    columns = _columns(header, len(found)) or _summed(found, parts)
    if columns is None:
        if len(found) != 1 or YEAR_CELL.match(found[0]):
            return None
        columns = [Column()]
    cells = []
    for number, column in zip(found, columns, strict=True):
        tonnes = numbers.scale(number)
        if tonnes is not None:
            cells.append(Cell(tonnes, column))
    return Row(holder if isinstance(holder, str) else None, tuple(cells), commodity, year)


def split_row(line: str) -> tuple[str, list[str]] | None:
    """(label, figures) of a line shaped as a table row: a label, then figures only, its
    cells split by "|" or by spaces; None for any other line."""
    body = line.strip()
    year_label = YEAR_LABEL.match(body) if body[:1] in YEAR_LABEL_FIRST else None
    if year_label:  # "2009: 82,320 t", "2010 - 89,200 tonnes": a row of one year in a list
        body = UNIT_AFTER.sub("", body)
    if not body.rstrip(" |")[-1:].isdigit():
        return None
    if year_label:
        figures = body[year_label.end() :].split()
        if figures and all(CELL.fullmatch(f) for f in figures):
            return year_label[1], figures
        return None
    tokens = [t.strip() for t in body.split("|")] if "|" in body else body.split()
    found: list[str] = []
    while tokens and (not tokens[-1] or CELL.fullmatch(tokens[-1])):
        token = tokens.pop()
        if token:
            found.append(token)
    label = (
        " ".join(t for t in tokens if t).strip(" *:\t").lstrip("-\u2022\u00b7 ")
    )  # "- X: 88,010"
    if all(YEAR_CELL.match(cell) for cell in found):
        return None  # a header of years: "Metal 2012 2011"
    if not label and len(found) >= 2 and YEAR_CELL.match(found[-1]):
        label = found.pop()  # a row of one year: "2020 140,000 135,000", "2010 89,200"
        return label, found[::-1]
    if not any(c.isalpha() for c in label) or len(label.split()) > MAX_LABEL_WORDS:
        return None
    return label, found[::-1]


def _holder(label: str) -> str | bool | None:
    """The holder a row label names, None for the national line, False for any other row."""
    if NATIONAL.match(label):
        return None
    terms = vocab.find_terms(label, ("company", "province"))
    if not terms or terms[0].start > 0:
        return False
    term = terms[0]
    if term.kind == "company":
        return term.value
    rest = label[term.end :].strip(" .,*")
    return term.value if PROVINCE_WORDS.match(rest) else False


def _summed(found: list[str], parts: tuple[str, str] | None) -> list[Column] | None:
    """Three figures where the first two make the third: two parts and their total."""
    if parts is None or len(found) != 3:
        return None
    a, b, c = (numbers.scale(number) or 0.0 for number in found)
    if c and abs(a + b - c) <= 0.5:
        return [Column(category=parts[0]), Column(category=parts[1]), Column(category="total")]
    return None


def _columns(header: Sequence[str], count: int) -> list[Column] | None:
    """The columns the header lines above a row give ``count`` figures, if they fit."""
    years: list[int] = []
    named: list[Column] = []
    for line in reversed(header[-HEADER_REACH:]):
        cells = _header_cells(line.rsplit("\n", 1)[-1])  # a caption wrapped onto it
        if cells and all(YEAR_CELL.match(c) for c in cells):
            years = [int(c) for c in cells]
            break
        kinds = [_header_cell(c) for c in cells]
        if not named and any(k is not None for k in kinds):
            named = [k for k in kinds if k is not None]
    return _fit(named, years, count)


def _header_cells(line: str) -> list[str]:
    cells = [c for c in HEADER_SPLIT.split(line.strip(" |")) if c]
    if len(cells) <= 1:  # single spaces: the known header words only
        cells = [m.group() for m in HEADER_WORDS.finditer(line)]
        # a year in a sentence or caption ("China issues first batch of 2024 rare earth quotas",
        # "2024 mining quotas by group:") names the story's year, not a column of years
        if len(re.findall(r"[A-Za-z]{2,}", HEADER_WORDS.sub(" ", line))) > 2:
            cells = [c for c in cells if not YEAR_CELL.match(c)]
    return cells


def _header_cell(cell: str) -> Column | None:
    for category, pattern in HEADER_CATEGORY.items():
        if pattern.match(cell):
            return Column(category=category)
    for period, pattern in HEADER_PERIOD.items():
        if pattern.match(cell):
            return Column(period=period)
    for qtype, pattern in HEADER_TYPE.items():
        if pattern.match(cell):
            return Column(qtype=qtype)
    return None


def _fit(named: list[Column], years: list[int], count: int) -> list[Column] | None:
    """Columns for a row of ``count`` figures: the named ones, each under its year ("2009
    2010 2011" over "H1 H2 H1 H2 H1 H2"), or one figure a year (a TOTAL row)."""
    if named and len(named) == count:
        if years and count % len(years) == 0:
            span = count // len(years)
            return [
                Column(category=c.category, period=c.period, year=years[i // span], qtype=c.qtype)
                for i, c in enumerate(named)
            ]
        return named
    if years and named and len(years) * len(named) == count:
        return [
            Column(category=c.category, period=c.period, year=year, qtype=c.qtype)
            for year in years
            for c in named
        ]
    if years and len(years) == count:
        return [Column(period="annual", year=year) for year in years]
    return None
