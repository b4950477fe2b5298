"""Rows out for people and for pipes: aligned tables on a terminal, clean CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any, TextIO

FORMATS = ("table", "csv", "json")
TABLE_CELL_WIDTH = 72  # display columns a table cell may take before it is cut with "…"


def cell(value: Any) -> str:
    """A value as a spreadsheet would want it: no scientific notation, no trailing .0."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return f"{value:.4f}".rstrip("0").rstrip(".")
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def write_rows(
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[str],
    fmt: str = "table",
    out: TextIO | None = None,
    *,
    right: Iterable[str] = (),
) -> None:
    """Write rows in one of FORMATS; ``right`` names numeric columns aligned right in tables."""
    out = out or sys.stdout
    if fmt == "json":
        data = [{col: jsonable(row.get(col)) for col in columns} for row in rows]
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([cell(row.get(col)) for col in columns])
    else:
        out.write(table(rows, columns, right=right))


def table(
    rows: Iterable[Mapping[str, Any]], columns: Sequence[str], *, right: Iterable[str] = ()
) -> str:
    """An aligned plain-text table with a header and a rule; numbers grouped by thousands."""
    right_cols = set(right)
    body = [[_clip(_pretty(row.get(col), col in right_cols)) for col in columns] for row in rows]
    widths = [max([len(col), *(_width(r[i]) for r in body)]) for i, col in enumerate(columns)]
    buf = io.StringIO()

    def line(cells: Sequence[str]) -> None:
        parts = []
        for i, text in enumerate(cells):
            pad = " " * (widths[i] - _width(text))
            parts.append(pad + text if columns[i] in right_cols else text + pad)
        buf.write("  ".join(parts).rstrip() + "\n")

    line(list(columns))
    line(["-" * w for w in widths])
    for r in body:
        line(r)
    return buf.getvalue()


def _pretty(value: Any, numeric: bool) -> str:
    if numeric and isinstance(value, int | float) and not isinstance(value, bool):
        text = f"{value:,.2f}".rstrip("0").rstrip(".") if value % 1 else f"{int(value):,}"
        return text
    return cell(value)


def _clip(text: str, limit: int = TABLE_CELL_WIDTH) -> str:
    """Long cells (evidence sentences) cut on a terminal; CSV and JSON keep them whole."""
    text = " ".join(text.split())
    if _width(text) <= limit:
        return text
    out, used = [], 0
    for ch in text:
        used += _width(ch)
        if used > limit - 1:
            break
        out.append(ch)
    return "".join(out) + "…"


def _width(text: str) -> int:
    """Display width: CJK characters take two columns on a terminal."""
    return sum(2 if "\u2e80" <= ch <= "\uffef" else 1 for ch in text)
