"""Text normalisation shared by every extractor: one spelling of each character.

- traditional → simplified characters (OpenCC ``t2s``), only when the text holds traditional
  characters, as the conversion is slow;
- full-width digits, Latin letters and ASCII punctuation (U+FF01..U+FF5E) → half-width, but
  for ``！？～``, which Chinese text writes as its own marks; ``、。〔〕``, Chinese quotes and
  every other CJK mark are kept;
- NBSP, ideographic and other Unicode spaces → a plain space.

``normalize`` also drops pinyin that reposts print after characters ("开(kāi)采指标(biāo)",
"生产(chan) 总量").

``normalize_chars`` does only that and is length-preserving: character *i* of its output is
character *i* of its input, converted. ``normalize`` also collapses runs of spaces and trims
lines; it is idempotent, so ``normalize_chars`` and ``normalize`` leave an already-normalised text
(such as ``Content.text``) unchanged and evidence spans stay valid.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from importlib import resources

import opencc

from extractors.numbers import HALFWIDTH_TABLE

# Full-width forms turned half-width: digits, Latin letters and the listed punctuation, then the
# rest of the full-width ASCII block (reposts print '－', '＇', '［２０２４］', '＄' too).
_FULLWIDTH_PUNCT = "（）：，；％．／"
_HALFWIDTH_PUNCT = "():,;%./"
_SPACES = "\u00a0\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"

WIDTH_TABLE: dict[int, int] = {
    **{0xFF10 + i: ord("0") + i for i in range(10)},
    **{0xFF21 + i: ord("A") + i for i in range(26)},
    **{0xFF41 + i: ord("a") + i for i in range(26)},
    **{ord(f): ord(h) for f, h in zip(_FULLWIDTH_PUNCT, _HALFWIDTH_PUNCT, strict=True)},
    **{code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F) if chr(code) not in "！？～"},
    **{ord(space): ord(" ") for space in _SPACES},
}

# Runs of horizontal whitespace inside a line, but for a lone space (it stays as it is).
# (For speed only, written to start with a class: r"[ \t\r\f\v]{2,}|[\t\r\f\v]", the regex
# engine then passes over other characters in C.)
SPACE_RUN = re.compile(r"[ \t\r\f\v](?:[ \t\r\f\v]+|(?<=[\t\r\f\v]))")
# Spaces that start or end a line, and the lines of spaces after them ("6\n \n 6": all of it at
# once, so a second pass finds none); a match starts only where a run of spaces starts, and its
# line breaks stay as they are.
# (For speed only, each branch starts with its character, the look-behind after it: r"(?<! )(?:
# +\n|\n +)[ \n]*".)
LINE_EDGE_SPACE = re.compile(r"(?: (?<!  ) *\n|\n(?<! \n) +)[ \n]*")

# Pinyin with tone marks that some reposts print after characters: "开(kāi)采", "万(wàn)吨".
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# Some print it without tones, with a space after: "生产(chan) 总量", "有关(guan) 部门".
# (For speed only, it starts with its "(", the look-behind after it: the regex engine then
# searches for the bracket in C.)
PINYIN_RUBY = re.compile(
    r"\((?<=[\u4e00-\u9fff]\()"
    rf"(?:[a-zü]{{0,5}}[{_TONED}][a-zü]{{0,5}}\)(?:\([a-zü]{{0,5}}[{_TONED}][a-zü]{{0,5}}\))*"
    r"|[bcdfghjklmnpqrstwxyz]{0,3}[aeiouv][a-z]{0,4}\) ?(?=[\u4e00-\u9fff]))"
)


def normalize(text: str) -> str:
    """Simplified characters, half-width ASCII, no printed pinyin, single spaces, trimmed lines."""
    text = normalize_chars(text)
    if "  " in text or any(space in text for space in "\t\r\f\v"):  # else nothing to do
        text = SPACE_RUN.sub(" ", text)
    if " \n" in text or "\n " in text:
        text = LINE_EDGE_SPACE.sub(_line_breaks, text)
    if "(" in text:  # after the spaces are made single, as the toneless form's space must be
        text = PINYIN_RUBY.sub("", text)
    return text.strip(" \n")


def _line_breaks(match: re.Match[str]) -> str:
    return "\n" * match.group().count("\n")


def normalize_chars(text: str) -> str:
    """Length-preserving part of ``normalize``: traditional → simplified, full-width → half."""
    if text.isascii():
        return text  # every character either step changes is outside ASCII
    return _translate(to_simplified(text), _WIDTH)


def to_plain_width(text: str) -> str:
    """``to_halfwidth(text.translate(WIDTH_TABLE))`` in one pass, and none where no character
    needs it (the fact rules' plain text: full-width forms and odd spaces as ASCII)."""
    return _translate(text, _PLAIN)


def _translate(text: str, table: tuple[re.Pattern[str], dict[str, str]]) -> str:
    """``text.translate`` of a table of one character for one, each to an ASCII one: the
    characters present, found by one scan in C, replaced one after another give the same, faster
    (translate looks every character up in Python's dict)."""
    present, targets = table
    for old in set(present.findall(text)):
        text = text.replace(old, targets[old])
    return text


# The composition of WIDTH_TABLE and to_halfwidth's table, and the characters it changes.
_PLAIN_WIDTH: dict[int, int] = {
    code: HALFWIDTH_TABLE.get(WIDTH_TABLE.get(code, code), WIDTH_TABLE.get(code, code))
    for code in {*WIDTH_TABLE, *HALFWIDTH_TABLE}
}


# The tables as the class of characters they change and what each becomes, for _translate
# (their targets are all ASCII, so no replacement makes a character another one changes).
def _table(mapping: dict[int, int]) -> tuple[re.Pattern[str], dict[str, str]]:
    targets = {chr(code): chr(to) for code, to in mapping.items() if code != to}
    return re.compile("[" + "".join(re.escape(char) for char in sorted(targets)) + "]"), targets


_WIDTH = _table(WIDTH_TABLE)
_PLAIN = _table(_PLAIN_WIDTH)


def has_traditional(text: str) -> bool:
    """Whether ``text`` holds a character OpenCC would make simplified. A text that GB2312 (the
    simplified character set) encodes can hold only the few traditional characters it has too
    ("於", "後"…): the encoding, in C, answers for most texts at once."""
    try:
        text.encode("gb2312")
    except UnicodeEncodeError:
        return not _traditional_chars().isdisjoint(text)
    return any(char in text for char in _traditional_in_gb2312())


@cache
def _traditional_in_gb2312() -> tuple[str, ...]:
    return tuple(sorted(c for c in _traditional_chars() if c.encode("gb2312", "ignore")))


def to_simplified(text: str) -> str:
    """OpenCC t2s, but only when needed, and never changing the length of the text."""
    if not has_traditional(text):
        return text
    # Run by run of Chinese characters (every multi-character entry of OpenCC's t2s dictionaries
    # is one), so that runs met before are converted from memory: the same result, faster.
    converted = "".join(_convert_run(run) for run in _RUNS_RE.findall(text))
    if len(converted) == len(text):
        return converted
    # A dictionary entry changed the length: convert character by character instead.
    trad = _traditional_chars()
    out = []
    for ch in text:
        single = _converter().convert(ch) if ch in trad else ch
        out.append(single if len(single) == 1 else ch)
    return "".join(out)


# Runs of CJK ideographs (unified, extension A, compatibility, supplementary planes) and of
# anything else, for to_simplified.
_CJK = "\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
_RUNS_RE = re.compile(f"[{_CJK}]+|[^{_CJK}]+")


@lru_cache(maxsize=8192)  # phrases recur from line to line and page to page
def _convert_run(run: str) -> str:
    return str(_converter().convert(run))


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@cache
def _traditional_chars() -> frozenset[str]:
    """Characters OpenCC converts to a different simplified one, minus simplified characters.

    Read once from OpenCC's own character tables (package data, not user files).
    """
    folder = resources.files("opencc") / "dictionary"
    trad: set[str] = set()
    for line in (folder / "TSCharacters.txt").read_text(encoding="utf-8").splitlines():
        key, _, values = line.partition("\t")
        if key and values and values.split()[0] != key:
            trad.add(key)
    simplified = {
        line.partition("\t")[0]
        for line in (folder / "STCharacters.txt").read_text(encoding="utf-8").splitlines()
    }
    return frozenset(trad - simplified)
