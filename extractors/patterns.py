"""Faster equivalents of compiled patterns, for the rules that scan every sentence with many.

Python's ``re`` tries every alternative of ``\\bquota\\b|\\ballocation\\b|...`` at every position,
and each alternative checks its word boundary again; with IGNORECASE no literal prefix lets it
skip ahead. ``factor_boundaries`` rewrites a run of alternatives that all begin with ``\\b`` as
``\\b(?:quota\\b|allocation\\b|...)``: one boundary check per position, the alternatives tried
only where a word starts. The alternatives keep their order, and ``\\b`` is zero-width, so the
rewritten pattern matches exactly what the original does, at the same positions, with the same
groups (``tests/test_patterns.py`` checks this on every pattern it is used for).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TypeVar

_BOUNDARY = "\\b"

K = TypeVar("K")


def factor_boundaries(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with each run of top-level ``\\b`` alternatives sharing one ``\\b``."""
    if pattern.flags & re.VERBOSE:
        return pattern  # spaces and comments would be cut apart: left as it is
    alternatives = top_level_alternatives(pattern.pattern)
    parts: list[str] = []
    run: list[str] = []
    for alternative in alternatives:
        if alternative.startswith(_BOUNDARY):
            run.append(alternative[len(_BOUNDARY) :])
            continue
        parts.extend(_joined(run))
        run = []
        parts.append(alternative)
    parts.extend(_joined(run))
    return re.compile("|".join(parts), pattern.flags)


def factor_table(table: Mapping[K, re.Pattern[str]]) -> dict[K, re.Pattern[str]]:
    """``factor_boundaries`` of every pattern of a word table, keys and order kept."""
    return {key: factor_boundaries(pattern) for key, pattern in table.items()}


def _joined(run: list[str]) -> list[str]:
    if not run:
        return []
    return [f"{_BOUNDARY}(?:{'|'.join(run)})"]


def top_level_alternatives(source: str) -> list[str]:
    """The alternatives of a pattern's outermost alternation (the whole pattern if none)."""
    alternatives: list[str] = []
    depth = 0
    literal_bracket = -1  # inside a class: where a "]" would be a literal, not its end; else -1
    in_class = False
    start = 0
    index = 0
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 2  # an escaped character, whatever it is
            continue
        if in_class:
            if char == "]" and index != literal_bracket:
                in_class = False
        elif char == "[":
            in_class = True
            literal_bracket = index + 2 if source.startswith("^", index + 1) else index + 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            alternatives.append(source[start:index])
            start = index + 1
        index += 1
    alternatives.append(source[start:])
    return alternatives
