"""HTML to lines of text: one line per block, one line per table row with cells joined by " | ".

The fact rules read this shape: a table arrives header row first, each row one line, with
spanned cells laid on a grid (a cell's text in its first column, the columns it covers empty).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

# Block-level tags (HTML, and trafilatura's output tags) that start and end a line.
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "ul",
        "caption",
        "head",
        "list",
        "item",
        "quote",
        "code",
        "html",
    ]
)

# Line breaks.
BREAK_TAGS = frozenset({"br", "lb"})

# Elements whose content is never text.
SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "select",
        "button",
        "input",
        "textarea",
        "svg",
        "object",
        "embed",
        "graphic",
        "img",
        "audio",
        "video",
        "canvas",
        "map",
    ]
)

TABLE_TAGS = frozenset({"table"})

ROW_TAGS = ("tr", "row")

CELL_TAGS = frozenset({"td", "th", "cell"})

# A table cell longer than this, or with more lines, makes its table a layout table.
LAYOUT_CELL_CHARS = 300

LAYOUT_CELL_LINES = 3

WHITESPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """``WHITESPACE.sub(" ", text).strip()``, 3x faster: str.split splits where \\s matches."""
    return " ".join(text.split())


# Characters joined without a space when a table cell's lines are put on one line.
CJK_JOINABLE = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


class _Lines:
    """Text collected into lines: inline pieces join, a block boundary ends the line."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._parts: list[str] = []

    def add(self, text: str | None) -> None:
        if text:
            self._parts.append(text)

    def flush(self) -> None:
        line = squeeze("".join(self._parts))
        if line:
            self.lines.append(line)
        self._parts = []


def render_lines(elements: Iterable[etree._Element], dropped: set[etree._Element]) -> list[str]:
    """Block elements become lines; a table becomes one line per row, cells joined by " | "."""
    out = _Lines()
    for element in elements:
        _walk_children(element, out, dropped)
        out.flush()
    return out.lines


def _walk_children(element: etree._Element, out: _Lines, dropped: set[etree._Element]) -> None:
    out.add(element.text)
    for child in element:
        _walk(child, out, dropped)


def _walk(el: etree._Element, out: _Lines, dropped: set[etree._Element]) -> None:
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if not tag or tag in SKIP_TAGS or el in dropped:
        pass
    elif tag in BREAK_TAGS:
        out.flush()
    elif tag in TABLE_TAGS:
        out.flush()
        _table(el, out, dropped)
    elif tag in BLOCK_TAGS:
        out.flush()
        _walk_children(el, out, dropped)
        out.flush()
    else:
        _walk_children(el, out, dropped)
    out.add(el.tail)


def _table(table: etree._Element, out: _Lines, dropped: set[etree._Element]) -> None:
    rows = []
    for row in table.iter(*ROW_TAGS):
        owner = next(row.iterancestors("table"), None)
        if owner is table and row not in dropped:
            rows.append([cell for cell in row if cell.tag in CELL_TAGS and cell not in dropped])
    rendered = {cell: _cell_lines(cell, dropped) for row in rows for cell in row}
    layout = table.find(".//table") is not None or any(
        len(lines) > LAYOUT_CELL_LINES or sum(map(len, lines)) > LAYOUT_CELL_CHARS
        for lines in rendered.values()
    )
    if layout:
        out.lines.extend(line for row in rows for cell in row for line in rendered[cell])
        return
    for texts in _grid(rows, {cell: _join_cjk(lines) for cell, lines in rendered.items()}):
        if any(texts):
            out.lines.append(" | ".join(texts))


def _grid(rows: list[list[etree._Element]], texts: dict[etree._Element, str]) -> list[list[str]]:
    """Rows of a table laid on a grid: a spanned cell's text in its first slot, "" in the rest.

    So columns line up: an upper header row spanning three columns gives "开采 |  | ", and a cell
    spanning two rows leaves "" in the row below.
    """
    grid: list[list[str]] = []
    pending: dict[int, int] = {}  # column → rows still covered by a rowspan from above
    for row in rows:
        line: list[str] = []
        for cell in row:
            while pending.get(len(line), 0) > 0:
                line.append("")
            colspan, rowspan = _span(cell, "colspan"), _span(cell, "rowspan")
            for offset in range(colspan):
                if rowspan > 1:
                    pending[len(line)] = rowspan  # decremented below, with this row
                line.append(texts[cell] if offset == 0 else "")
        while pending.get(len(line), 0) > 0:
            line.append("")
        pending = {col: left - 1 for col, left in pending.items() if left > 1}
        grid.append(line)
    return grid


def _span(cell: etree._Element, attribute: str) -> int:
    value = cell.get(attribute)
    if value is None:
        return 1
    value = value.strip()
    return min(max(int(value), 1), 50) if value.isdigit() else 1


def _cell_lines(cell: etree._Element, dropped: set[etree._Element]) -> list[str]:
    if len(cell) == 0:  # the common case: a cell holding only text
        text = squeeze(cell.text or "")
        return [text] if text else []
    out = _Lines()
    _walk_children(cell, out, dropped)
    out.flush()
    return out.lines


def _join_cjk(lines: list[str]) -> str:
    """Join a cell's lines: no space between two Chinese characters, one space otherwise."""
    joined = ""
    for line in lines:
        cjk = joined and CJK_JOINABLE.match(joined[-1]) and CJK_JOINABLE.match(line[0])
        joined = f"{joined}{line}" if cjk or not joined else f"{joined} {line}"
    return joined
