"""Sentences of an English text, as exact ``[start, end)`` spans of that text.

A sentence ends at ``.``, ``!`` or ``?`` followed by space and a capital, a digit or a quote,
unless the dot closes an abbreviation ("U.S.", "No.", "Co.", "Ltd.", "Feb.") or an initial;
it ends at a line break, unless the line was only wrapped: it stops without closing
punctuation and the next line begins in lower case ("...rare earth output\nquotas on Thursday"),
or it stops on a word no sentence ends with ("of", "the", "and"). Decimals never split, as no
space follows their dot. A "Related Articles" / "Read more" heading line ends the article's own
text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Lines of the text (a line break always ends a sentence).
_LINE = re.compile(r"[^\n]+")
# A candidate sentence end: terminal punctuation, closing quotes/brackets, then spaces and
# the start of a new sentence.
_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
# The word just before a dot, to tell abbreviations from sentence ends.
_LAST_WORD = re.compile(r"(?:^|[\s(\[\"“])([A-Za-z][A-Za-z.]*)$")
# Abbreviations that do not end a sentence: "U.S.", "No.", "Co.", "Ltd.", "Corp.", "Inc.",
# "Mr.", "Feb.", "Sept.", "vs.", "approx.", "e.g.", "i.e.", "St.", "Jr.".
ABBREVIATIONS = frozenset(
    (
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "no", "nos", "co", "corp", "inc",
        "ltd", "plc", "vs", "approx", "est", "etc", "fig", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "u.s", "u.k", "u.n",
        "p.m", "a.m", "dept", "govt", "gov", "rep", "sen", "gen",
    )
)  # fmt: skip
# A heading that starts the page's boilerplate: related articles, read-more blocks.
BOILERPLATE_HEADING = re.compile(
    r"^\s*(?:related\s+(?:articles?|news|stories|coverage|content|reading)|read\s+more|more\s+"
    r"(?:from|on|stories|news)|you\s+(?:may|might)\s+also\s+like|recommended(?:\s+for\s+you)?"
    r"|most\s+(?:read|popular|viewed)|trending(?:\s+now)?|see\s+also|further\s+reading"
    r"|latest\s+news|comments?)\s*:?\s*$",
    re.IGNORECASE,
)


# A line that stops mid-sentence: no closing punctuation, or a word no sentence ends with.
_OPEN_END = re.compile(
    r"(?:[,\-–—(]|\b(?:a|an|the|of|and|or|to|in|for|from|at|by|with|on|as|its|their|was|were|is"
    r"|are|has|had|have|been|be|that|which|than|per|into|about|between|nor|but)\b)\s*$",
    re.IGNORECASE,
)
# A line that closes a sentence (or a heading that must stay alone): ends with punctuation.
_CLOSED_END = re.compile(r"[.!?:;\"'”’)\]]\s*$")


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each sentence, stripped of surrounding space."""
    for base, end in _blocks(text):
        start = base
        for cut in _ends(text[base:end]):
            yield from _stripped(text, start, base + cut)
            start = base + cut
        yield from _stripped(text, start, end)


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """Runs of lines that wrap one text (a line break inside a sentence), up to a heading."""
    block: tuple[int, int] | None = None
    for line in _LINE.finditer(text):
        if BOILERPLATE_HEADING.match(line.group()):
            break
        if block is not None and _wraps(text[block[0] : block[1]], line.group()):
            block = (block[0], line.end())
            continue
        if block is not None:
            yield block
        block = line.span()
    if block is not None:
        yield block


def _wraps(before: str, line: str) -> bool:
    tail = before[-40:]
    if _CLOSED_END.search(tail):
        return False
    # the next line goes on with the sentence when it begins in lower case
    return line.lstrip()[:1].islower() or bool(_OPEN_END.search(tail))


def _ends(line: str) -> Iterator[int]:
    for match in _END.finditer(line):
        before = line[max(0, match.start() - 24) : match.start()]
        if line[match.start()] == "." and _is_abbreviation(before):
            continue
        yield match.end()


def _is_abbreviation(before: str) -> bool:
    word = _LAST_WORD.search(before)
    if word is None:
        return False
    token = word.group(1)
    # Capital initials ("J. Smith") and dotted abbreviations ("U.S", "e.g") never end one;
    # a unit ("127,000 t.") does.
    if len(token) == 1:
        return token.isupper()
    return token.lower() in ABBREVIATIONS or "." in token


def _stripped(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end
