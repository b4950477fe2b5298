"""The tokens of a Chinese text: every wording ``lexicon`` knows and every vocabulary word, found
once for the whole text, and how a sentence reads them (lists, amounts that qualify the words
after them, a group's own company suffix).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import itemgetter

from extractors.numbers import AMOUNT_ZH_SHARED_RE
from extractors.vocab import Term
from extractors.zh.context import Token
from extractors.zh.lexicon import (
    BOOK_TITLE_RE,
    COMPANY_SUFFIX_RE,
    HOLDER_KINDS,
    LIST_JOINER_RE,
    LISTED_PERIOD_KINDS,
    NOT_HOLDER_AFTER_RE,
    OUTLET_AFTER_RE,
    PATTERN_NEEDS,
    QUALIFIER_RE,
    SENTENCE_STOP_RE,
    SHARED_LIST_RE,
    SHORT_NAMES,
    SPEAKER_AFTER_RE,
    SPEAKER_GAINS,
    SPEAKER_REACH,
    TOKEN_PATTERNS,
)


def next_in_list(tokens: list[Token], index: int, text: str, *, respectively: bool) -> int | None:
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


def listed(
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


def _holds_any(text: str, words: tuple[str, ...], known: dict[str, bool]) -> bool:
    """Whether ``text`` holds one of ``words`` (``PATTERN_NEEDS``); ``known`` remembers."""
    for word in words:
        held = known.get(word)
        if held is None:
            held = known[word] = word in text
        if held:
            return True
    return False


class Tokens:
    """Every token of a document, found in one pass of each pattern over the whole text."""

    def __init__(self, text: str, terms: list[Term], end: int) -> None:
        """The tokens of ``text`` up to ``end`` (the sentences that are read end before it)."""
        found: list[Token] = []
        head = text[:end]
        known: dict[str, bool] = {}  # whether head holds a word, looked for when first needed
        new = tuple.__new__  # Token(...) without the call of its __new__
        for kind, pattern in TOKEN_PATTERNS:
            needs = PATTERN_NEEDS.get(pattern)
            if needs and not _holds_any(head, needs, known):
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
        found = [_as_holder(token, text) if token[2] == "company" else token for token in found]
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
        ("分配见《某省钨矿指标分配表》"), in a source tag ("【中国铝业网】") or as an outlet
        ("据中国铝业网消息") is not a holder of the figures."""
        kept: list[Token] = []
        for index in range(bisect_left(self.starts, start), bisect_left(self.starts, end)):
            token = self.found[index]
            if token.end <= end and (not kept or token.start >= kept[-1].end):
                kept.append(token)
        sentence = self.text[start:end]
        if "《" in sentence or "【" in sentence:
            titles = [m.span() for m in BOOK_TITLE_RE.finditer(self.text, start, end)]
            kept = [t for t in kept if t.kind not in HOLDER_KINDS or not _inside(t, titles)]
        if "网" in sentence:  # "据中国铝业网消息": an outlet, not the group
            kept = [
                t
                for t in kept
                if t.kind != "company" or not OUTLET_AFTER_RE.match(self.text, t.end)
            ]
        return kept


def _as_holder(token: Token, text: str) -> Token:
    """A group's name as what it is in its sentence: a holder, or its speaker
    ("北方稀土董秘表示，"), or a stock or another firm ("厦门钨业股价大涨", "五矿证券"):
    neither holds a figure."""
    speech = SPEAKER_AFTER_RE.match(text, token.end)
    if speech:
        rest = text[speech.end() : speech.end() + SPEAKER_REACH]
        stop = SENTENCE_STOP_RE.search(rest)
        rest = rest[: stop.start()] if stop else rest
        if not any(word in rest for word in SPEAKER_GAINS):
            return Token(token.start, token.end, "speaker", token.value)
    if NOT_HOLDER_AFTER_RE.match(text, token.end):
        return Token(token.start, token.end, "stock", token.value)
    return token


def qualified_last(tokens: list[Token], half: str) -> list[Token]:
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


def names_a_group(tokens: list[Token], index: int, half: str) -> bool:
    """Whether the "公司" at ``index`` ends the name of the group just before it ("北方稀土公司",
    "五矿稀土集团有限公司")."""
    previous = tokens[index - 1] if index else None
    token = tokens[index]
    return (
        previous is not None
        and previous.kind in ("company", "speaker", "stock")
        and half[token.start : token.end] == "公司"
        and COMPANY_SUFFIX_RE.fullmatch(half, previous.end, token.start) is not None
    )
