"""Sentences of an English text, as exact ``[start, end)`` spans of that text.

A sentence ends at ``.``, ``!`` or ``?`` followed by space and a capital, a digit or a quote,
unless the dot closes an abbreviation ("U.S.", "No.", "Co.", "Ltd.", "Feb.") or an initial;
it always ends at a line break. Decimals never split, as no space follows their dot.
A "Related Articles" / "Read more" heading line ends the article's own text.
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


def sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each sentence, stripped of surrounding space."""
    for line in _LINE.finditer(text):
        if BOILERPLATE_HEADING.match(line.group()):
            return
        start = line.start()
        for end in _ends(line.group()):
            yield from _stripped(text, start, line.start() + end)
            start = line.start() + end
        yield from _stripped(text, start, line.end())


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
