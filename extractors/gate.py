"""The relevance gate: a page that names none of our commodities is settled at once.

A page that states a quota of rare earths, tungsten or antimony names the commodity: "rare
earth", "REE", "TREO", "tungsten", "WO3", "antimony" (and the "uncommon earths" of spun
rewrites, which the English rules read), 稀土, 钨, 锑, or, in Chinese, a category that stands
for one (离子型 and 岩矿型 rare earth, 主采 and 综合利用 tungsten). The gate looks for those in
the page's markup as decoded, before anything parses it; a page without any is settled: no
main-text extraction, no fact rules.

It does not ask for a quota word, except beside a category (where ``vocab.is_relevant`` asks
for one too: any of ``vocab.QUOTA_CUES``, Chinese or English): real pages state quotas as
"total control indicators", "control index", "control plan", "restricted to", "a ceiling of",
"output limitation" (the real-page corpus holds each), and no list of such words is ever
complete, while the commodity is always named.

It looks loosely, so that it lets some unrelated pages through (the rules then find nothing)
and stops none that ``vocab.is_relevant`` accepts:

- anywhere in the page, in any element (scripts and attributes included), any case;
- in every spelling normalisation turns into ours: traditional characters (every OpenCC t2s
  spelling of each character, ``VARIANTS``), full-width letters;
- through character references: ``&#31232;``, ``&#x7a00;``, ``\u7a00`` (JSON-LD, scripts);
- across markup and entities between the words of "rare earth" ("rare&nbsp;earth").

Speed: a page costs four substring searches on its lowercased UTF-8 bytes and one scan of a
pattern led by a class of rare characters, about 1 ms for a 170 KB news page, a tenth of
trafilatura's time; only the few pages with a hit pay for a closer look.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from extractors.facts import Content
from extractors.normalize import WIDTH_TABLE, normalize
from extractors.text_fields import language_of
from extractors.vocab import QUOTA_CUES, cue_pattern

# -- the words, as data -------------------------------------------------------------------------

# Our commodities (vocab.COMMODITIES, and the English rules' en.lexicon.COMMODITY: REO and TREO,
# (total) rare earth oxide, how quotas are counted; WO3; "uncommon earths" of spun rewrites).
COMMODITY_WORDS_EN = (
    "rare earth",
    "rare earths",
    "uncommon earths",
    "unusual earths",
    "REE",
    "REEs",
    "REO",
    "TREO",
    "tungsten",
    "wolfram",
    "WO3",
    "antimony",
)
COMMODITY_WORDS_ZH = ("稀土", "钨", "锑")
COMMODITY_WORDS_ZH_HANT = ("稀土", "鎢", "銻")
# Categories that stand for a commodity in Chinese notices (vocab.CATEGORIES): 离子型 and 岩矿型
# rare earth ore, 主采 and 综合利用 (综合回收) tungsten; a page naming only these counts when it
# also names a quota word, as for is_relevant. (The English categories, "light", "rock", never stand
# alone in a quota statement: the rules read no fact from them without a commodity.)
CATEGORY_WORDS_ZH = ("岩矿型", "离子型", "离子吸附型", "主采", "综合利用", "综合回收")
CATEGORY_WORDS_ZH_HANT = (
    "岩礦型", "巖礦型", "離子型", "離子吸附型", "主採", "綜合利用", "綜合回收",
)  # fmt: skip
# Quota words: the parts of vocab.QUOTA_CUES's Chinese cues (指标 配额 总量控制 计划 上限 限额
# 控制数 控制目标); a test checks that each cue holds one. The English cues: LATIN_QUOTA_CUE.
QUOTA_WORDS_ZH = ("指标", "配额", "控制", "计划", "总量", "上限", "限额")
QUOTA_WORDS_ZH_HANT = ("指標", "配額", "控製", "計劃", "計畫", "總量", "限額")

# Every spelling of the words' characters that OpenCC's t2s turns into the simplified one
# (its TSCharacters and TSPhrases tables; a test reads them to keep this complete).
VARIANTS = {
    "标": "標", "额": "額", "制": "製", "计": "計", "划": "劃畫", "钨": "鎢", "锑": "銻",
    "矿": "礦", "岩": "巖", "离": "離", "综": "綜", "采": "採埰寀", "合": "閤", "总": "總",
    "回": "迴",
}  # fmt: skip

# -- compiled patterns ----------------------------------------------------------------------------


def _spellings(char: str) -> str:
    """The character and every spelling of it (simplified, traditional, variant)."""
    for simple, others in VARIANTS.items():
        if char == simple or char in others:
            return simple + others
    return char


def _class(chars: Iterable[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"


def _led(words: Iterable[str]) -> list[tuple[str, str]]:
    """(first character's class, the rest) of Chinese words, each character in any spelling."""
    return [
        (_class(_spellings(word[0])), "".join(_class(_spellings(ch)) for ch in word[1:]))
        for word in dict.fromkeys(words)
    ]


_LATIN_CHARS = {
    c for word in COMMODITY_WORDS_EN for c in word.lower() + word.upper() if c.isalpha()
}
_CJK_CHARS = {
    c
    for word in (*COMMODITY_WORDS_ZH, *COMMODITY_WORDS_ZH_HANT, *CATEGORY_WORDS_ZH)
    for ch in word
    for c in _spellings(ch)
}


def _chinese_cue() -> re.Pattern[str]:
    """A Chinese commodity or category, in one scan led by the class of the words' first
    characters (the scan skips at C speed to them; a look-behind picks the branch)."""
    branches: list[str] = []
    leads: set[str] = set()
    for group, words in (
        ("commodity", (*COMMODITY_WORDS_ZH, *COMMODITY_WORDS_ZH_HANT)),
        ("category", (*CATEGORY_WORDS_ZH, *CATEGORY_WORDS_ZH_HANT)),
    ):
        alternatives = [f"(?<={lead}){rest}" for lead, rest in _led(words)]
        branches.append(f"(?P<{group}>{'|'.join(dict.fromkeys(alternatives))})")
        leads.update(c for word in words for c in _spellings(word[0]))
    return re.compile(f"{_class(leads)}(?:{'|'.join(branches)})")


def _references() -> tuple[re.Pattern[bytes], re.Pattern[bytes]]:
    """A character reference to one of our characters, in UTF-8 bytes: &#31232; &#x7a00;
    (HTML); \\u7a00 (JSON-LD, scripts). Each led by a literal, so its scan is a fast search."""
    chars = _LATIN_CHARS | _CJK_CHARS
    decimal = "|".join(sorted({str(ord(c)) for c in chars}, key=len, reverse=True))
    hexa = "|".join(sorted({f"{ord(c):x}" for c in chars}, key=len, reverse=True))
    hex4 = "|".join(sorted(f"{ord(c):04x}" for c in chars))
    entity = rf"&#(?:0*(?:{decimal})(?!\d)|[xX]0*(?i:{hexa})(?![0-9A-Fa-f]))"
    return re.compile(entity.encode()), re.compile(rf"\\u(?i:{hex4})".encode())


# Substrings of the English words in lowercased UTF-8 bytes (one fast search each).
LATIN_NEEDLES = (b"tungst", b"wolfram", b"antimon", b"wo3")
# "rare earth" in lowercased bytes, looked for where b"earth" is: spaces (NBSP and other
# Unicode ones), hyphens and dashes (U+2010-2015, the full-width "－" of Chinese reposts), tags
# and entities between the words (vocab: spaces or hyphens).
RARE_EARTH = re.compile(
    rb"(?:rare|uncommon|unusual)"
    rb"(?:[\s\-]|<[^<>]*>|&#?\w{1,8};|\xc2\xa0|\xe2\x80[\x80-\x8a\x90-\x95\xaf]|\xe2\x81\x9f"
    rb"|\xe3\x80\x80|\xef\xbc\x8d)*"
    rb"earth"
)
# REE, REEs, REO, TREO in capitals (as they are written), on word boundaries: b"FREE",
# b"TREE", b"STREO" are not one.
ABBREVIATION = re.compile(rb"RE[EO](?<![A-SU-Za-z]RE[EO])(?<!TREE)(?<![A-Za-z]TREO)s?(?![A-Za-z])")
# A Chinese commodity, or a category (then a quota word is asked for too).
CHINESE_CUE = _chinese_cue()
QUOTA_CUE = re.compile(
    "|".join(lead + rest for lead, rest in _led((*QUOTA_WORDS_ZH, *QUOTA_WORDS_ZH_HANT)))
)
# vocab's English quota cues ("quota", "allocation", "control index", ...), any case.
LATIN_QUOTA_CUE = re.compile(
    "|".join(
        cue_pattern(cue) for cue in sorted(QUOTA_CUES, key=len, reverse=True) if cue.isascii()
    ),
    re.IGNORECASE,
)
# UTF-8 lead bytes of the Chinese words' characters: a page with none of them has no such word.
CHINESE_LEAD_BYTES = tuple(sorted({c.encode()[:1] for c in _CJK_CHARS}))
# A character reference to one of our characters: decode, look again.
ENTITY, ESCAPE = _references()
# Three full-width letters of our words in a row ("ＲＥＥ"): respell, look again.
WIDE_WORD = re.compile(_class(chr(ord(c) + 0xFEE0) for c in _LATIN_CHARS) + "{3}")
FULL_WIDTH = re.compile("[\uff21-\uff3a\uff41-\uff5a]+")
# \u7a00 in JSON and JavaScript strings.
JSON_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})")

# The title of a page the gate settles: og:title (either attribute order), else <title>.
OG_TITLE = re.compile(
    r"""<meta\b[^<>]*?\bproperty=["']og:title["'][^<>]*?\bcontent=["']([^"'<>]*)["']"""
    r"""|<meta\b[^<>]*?\bcontent=["']([^"'<>]*)["'][^<>]*?\bproperty=["']og:title["']""",
    re.IGNORECASE,
)
TITLE = re.compile(r"<title\b[^<>]*>([^<]{1,400})</title", re.IGNORECASE)
# Separators between a headline and the site's name in a <title> (as content.TITLE_SEPARATORS).
TITLE_SEPARATORS = re.compile(r"(?<!\s)\s+[-|–—]\s+|_|——|(?<!\s)\s+::\s+")

# Content.site of a page the gate settled: no site rule or trafilatura read it.
GATE_SITE = "gate"


def passes(markup: str) -> bool:
    """Whether a page (HTML as decoded, or plain text) may state a quota: it names one of our
    commodities. False means the fact rules would find nothing in it."""
    return _names_commodity(markup, again=True)


def _names_commodity(markup: str, *, again: bool) -> bool:
    raw = markup.encode("utf-8", "surrogatepass")
    low = raw.lower()
    if any(needle in low for needle in LATIN_NEEDLES):  # tungsten, wolfram, antimony
        return True
    if b"earth" in low and RARE_EARTH.search(low):
        return True
    if ABBREVIATION.search(raw):
        return True
    if any(lead in raw for lead in CHINESE_LEAD_BYTES):  # a memchr each
        for found in CHINESE_CUE.finditer(markup):
            if (
                found.lastgroup == "commodity"
                or QUOTA_CUE.search(markup)
                or LATIN_QUOTA_CUE.search(markup)
            ):
                return True
    if not again:
        return False
    # a word written in character references or full-width letters: decode, respell, again
    references = (b"&#" in raw and ENTITY.search(raw)) or (b"\\u" in raw and ESCAPE.search(raw))
    wide = b"\xef" in raw and WIDE_WORD.search(markup)  # U+FF21-FF5A are EF BC/BD xx
    if references or wide:
        return _names_commodity(respelled(decoded(markup)), again=False)
    return False


def decoded(markup: str) -> str:
    """The markup with character references and JSON escapes decoded."""
    text = html.unescape(markup) if "&" in markup else markup
    if "\\u" in text:
        text = JSON_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    return text


def respelled(text: str) -> str:
    """Full-width letters as ASCII ones (as normalisation writes them)."""
    return FULL_WIDTH.sub(lambda m: m.group().translate(WIDTH_TABLE), text)


def settled_content(markup: str, *, plain: bool = False) -> Content:
    """What a settled page keeps: a title read cheaply, its language, no text, no date."""
    title = _plain_title(markup) if plain else _html_title(markup)
    title = normalize(title) if title else None
    return Content(
        title=title or None,
        published=None,
        language=language_of(title or ""),
        text="",
        site=GATE_SITE,
    )


def _html_title(markup: str) -> str | None:
    found = OG_TITLE.search(markup)
    if found:
        value = html.unescape(found.group(1) or found.group(2) or "").strip()
        if value:
            return value
    found = TITLE.search(markup)
    if not found:
        return None
    title = html.unescape(found.group(1)).strip()
    return max(TITLE_SEPARATORS.split(title), key=len).strip() or title


def _plain_title(text: str) -> str | None:
    for line in text[:2000].split("\n"):
        if line.strip():
            return line.strip()[:400]
    return None
