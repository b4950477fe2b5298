"""The vocabulary of quotas in both languages: commodities, quota types, categories, holders
(companies and provinces) and issuers, each a table of aliases mapped to one id.

All tables are matched together by one pattern, longest alias first, so "厦门钨业" is a
company and not the commodity 钨, and "China Northern Rare Earth" is a company and not the
commodity "rare earth". Latin aliases match case-insensitively on word boundaries, with a
space standing for any run of spaces or hyphens ("rare-earth" = "rare earth").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

# kind → id → aliases. Ids are those of FACTS.md.
COMMODITIES: dict[str, tuple[str, ...]] = {
    "rare_earth": ("稀土", "稀土氧化物", "rare earth", "rare earths", "REE", "REEs"),
    "tungsten": ("钨", "钨矿", "钨精矿", "三氧化钨", "tungsten", "wolfram"),
    "antimony": ("锑", "锑矿", "锑精矿", "antimony"),
}

QUOTA_TYPES: dict[str, tuple[str, ...]] = {
    "mining": ("开采", "矿产品", "mining", "mine", "mined", "exploration", "extraction"),
    "smelting_separation": (
        "冶炼分离", "冶炼分离产品", "冶炼产品", "冶炼",
        "smelting and separation", "separation and smelting", "smelting and separating",
        "smelting/separation", "smelting", "separation", "refining", "processing",
    ),
    "export": ("出口配额", "export", "export quota", "export quotas"),
}  # fmt: skip

CATEGORIES: dict[str, tuple[str, ...]] = {
    "light": (
        "岩矿型", "岩矿型稀土", "岩矿型稀土矿", "轻稀土", "轻稀土矿",
        "rock", "rock-type", "hard rock", "light", "light rare earth", "light rare earths",
    ),
    "medium_heavy": (
        "离子型", "离子型稀土", "离子型稀土矿", "离子吸附型", "离子吸附型稀土", "中重稀土",
        "中重稀土矿", "重稀土", "ion-adsorption", "ion adsorption", "ion-absorbed", "ionic",
        "ionic clay", "ionic-clay", "medium and heavy", "medium-heavy", "medium heavy",
        "heavy rare earth", "heavy rare earths", "medium and heavy rare earths",
    ),
    "tungsten_primary": ("主采", "main-mining", "main mining", "primary mining"),
    "tungsten_byproduct": (
        "综合利用", "by-product", "byproduct", "comprehensive utilisation",
        "comprehensive utilization",
        "综合回收",
    ),
}  # fmt: skip

COMPANIES: dict[str, tuple[str, ...]] = {
    "china_rare_earth_group": (
        "中国稀土集团", "中国稀土集团有限公司", "中稀集团",
        "China Rare Earth Group", "China Rare Earths Group", "CREG",
    ),
    "china_northern_rare_earth": (
        "中国北方稀土（集团）高科技股份有限公司", "中国北方稀土(集团)高科技股份有限公司",
        "中国北方稀土（集团）高科技", "中国北方稀土", "北方稀土", "包钢稀土",
        "内蒙古包钢稀土（集团）高科技股份有限公司", "包钢股份稀土",
        "China Northern Rare Earth Group High-Tech", "China Northern Rare Earth (Group) High-Tech",
        "China Northern Rare Earth Group", "China Northern Rare Earth", "China North Rare Earth",
        "Northern Rare Earth", "Baotou Steel Rare Earth", "Baotou Steel Rare-Earth",
        "Inner Mongolia Baotou Steel Rare Earth", "CNRE",
        "Baogang Group", "Baogang Rare Earth", "Baotou Steel Rare Earth Hi-Tech",
    ),
    "xiamen_tungsten": (
        "厦门钨业", "厦门钨业股份有限公司", "厦钨", "Xiamen Tungsten", "Xiamen Tungsten Co", "XTC",
    ),
    "guangdong_rare_earth": (
        "广东省稀土产业集团", "广东省稀土产业集团有限公司", "广东稀土产业集团", "广东稀土",
        "广晟", "广东广晟", "广晟有色", "广晟控股",
        "Guangdong Rare Earth", "Guangdong Rare Earths", "Guangdong Rising", "Guangsheng",
        "Guangdong Rising Nonferrous", "Guangdong Rare Earth Industry Group",
    ),
    "china_minmetals": (
        "中国五矿", "中国五矿集团", "中国五矿集团有限公司", "五矿集团", "五矿稀土", "五矿",
        "China Minmetals", "China Minmetals Rare Earth", "Minmetals", "Minmetals Rare Earth",
    ),
    "chinalco_rare_earth": (
        "中国稀有稀土", "中国稀有稀土股份有限公司", "中铝稀土", "中铝集团", "中国铝业", "中铝",
        "Chinalco Rare Earth", "Chinalco", "China Rare Metal and Rare Earth",
        "Aluminum Corporation of China", "Aluminium Corporation of China",
        "Aluminum Corp. of China", "Aluminum Corp of China",
    ),
    "china_southern_rare_earth": (
        "中国南方稀土集团", "中国南方稀土集团有限公司", "南方稀土", "南方稀土集团",
        "赣州稀土", "赣州稀土集团", "赣州稀土集团有限公司",
        "China Southern Rare Earth", "China Southern Rare Earth Group", "Southern Rare Earth",
        "Ganzhou Rare Earth", "Ganzhou Rare Earth Group",
    ),
}  # fmt: skip

# pinyin → (Chinese name, English names). Chinese names also match with 省/自治区/市 etc.
# Beijing, Shanghai and Tianjin are left out: in the news "Beijing" is the government.
PROVINCES: dict[str, tuple[str, tuple[str, ...]]] = {
    "neimenggu": ("内蒙古", ("Inner Mongolia", "Nei Mongol")),
    "sichuan": ("四川", ("Sichuan",)),
    "jiangxi": ("江西", ("Jiangxi",)),
    "guangdong": ("广东", ("Guangdong",)),
    "guangxi": ("广西", ("Guangxi",)),
    "hunan": ("湖南", ("Hunan",)),
    "fujian": ("福建", ("Fujian",)),
    "yunnan": ("云南", ("Yunnan",)),
    "shandong": ("山东", ("Shandong",)),
    "henan": ("河南", ("Henan",)),
    "gansu": ("甘肃", ("Gansu",)),
    "anhui": ("安徽", ("Anhui",)),
    "zhejiang": ("浙江", ("Zhejiang",)),
    "hubei": ("湖北", ("Hubei",)),
    "guizhou": ("贵州", ("Guizhou",)),
    "shaanxi": ("陕西", ("Shaanxi",)),
    "shanxi": ("山西", ("Shanxi",)),
    "hebei": ("河北", ("Hebei",)),
    "heilongjiang": ("黑龙江", ("Heilongjiang",)),
    "jilin": ("吉林", ("Jilin",)),
    "liaoning": ("辽宁", ("Liaoning",)),
    "jiangsu": ("江苏", ("Jiangsu",)),
    "qinghai": ("青海", ("Qinghai",)),
    "xinjiang": ("新疆", ("Xinjiang",)),
    "xizang": ("西藏", ("Tibet", "Xizang")),
    "ningxia": ("宁夏", ("Ningxia",)),
    "hainan": ("海南", ("Hainan",)),
    "chongqing": ("重庆", ("Chongqing",)),
}
_PROVINCE_SUFFIXES = ("省", "自治区", "壮族自治区", "维吾尔自治区", "回族自治区", "市")

ISSUERS: dict[str, tuple[str, ...]] = {
    "MIIT": (
        "工业和信息化部", "工业与信息化部", "工信部", "MIIT",
        "Ministry of Industry and Information Technology", "industry ministry",
    ),
    "MNR": ("自然资源部", "MNR", "Ministry of Natural Resources", "natural resources ministry"),
    "MLR": ("国土资源部", "国土部", "MLR", "Ministry of Land and Resources"),
    "MOFCOM": ("商务部", "MOFCOM", "Ministry of Commerce", "commerce ministry"),
}  # fmt: skip

KINDS = ("commodity", "quota_type", "category", "company", "province", "issuer")

# The words that make a passage about quotas rather than about prices or trade: what notices
# and news call a quota (总量控制指标, 生产总量控制计划, "开采总量控制在", 出口配额, the 开采上限
# and 限额 of rewritten wire stories, 控制数, 控制目标; "quota", "production cap", "a ceiling on
# output", "output is limited to", "output limitation", "control target/index/indicator",
# "allocated", "allotted", "the first tranche"). One table for the page filter
# (``is_relevant``), the listing, feed and search filters of the sources, and the relevance
# gate; tests/test_filters.py checks that every sentence the fact rules' tests read passes all
# three. Texts are simplified before they are read; listing titles may not be, hence the
# traditional forms. Not the bare noun "limit": shares "hit the daily limit" (the English rules
# read "output limit" and "a limit on production" themselves, see ``is_relevant``).
QUOTA_CUES: tuple[str, ...] = (
    "指标", "指標", "配额", "配額", "总量控制", "總量控制", "计划", "計劃", "开采总量", "開採總量",
    "上限", "限额", "限額", "控制数", "控制數", "控制目标", "控制目標",
    "quota", "quotas", "cap", "caps", "capped", "ceiling", "ceilings", "limited", "limitation",
    "limitations", "control target", "control targets", "control index", "control indexes",
    "control indices", "control indicator", "control indicators", "allocation", "allocations",
    "allocated", "allotted", "allotment", "allotments", "tranche", "tranches",
)  # fmt: skip


def _first_class(firsts: Iterable[str]) -> str:
    """A character class of first characters of keys ("(" stands for both bracket widths)."""
    chars = {ch for first in firsts for ch in ("(（" if first == "(" else first)}
    return "[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]" if chars else "(?!)"


def cue_pattern(cue: str) -> str:
    """A cue word: Latin ones on word edges, a space standing for any spacing or hyphens."""
    if not cue.isascii():
        return re.escape(cue)
    return r"(?<![A-Za-z])" + re.escape(cue).replace(r"\ ", r"[\s\-]+") + r"(?![A-Za-z])"


# For speed only: the look-ahead passes at once over positions where no cue can start (7x).
QUOTA_CUE_RE = re.compile(
    f"(?={_first_class(cue[0] for cue in QUOTA_CUES)})(?:"
    + "|".join(cue_pattern(cue) for cue in sorted(QUOTA_CUES, key=len, reverse=True))
    + ")",
    re.I,
)


@dataclass(frozen=True)
class Term:
    """One vocabulary word found in a text: ``text[start:end]`` names ``value`` of ``kind``."""

    start: int
    end: int
    kind: str  # one of KINDS
    value: str  # an id: "rare_earth", "mining", "light", "xiamen_tungsten", "province:sichuan"


def _entries() -> Iterable[tuple[str, str, str]]:
    tables = (
        ("commodity", COMMODITIES),
        ("quota_type", QUOTA_TYPES),
        ("category", CATEGORIES),
        ("company", COMPANIES),
        ("issuer", ISSUERS),
    )
    for kind, table in tables:
        for value, aliases in table.items():
            for alias in aliases:
                yield alias, kind, value
    for pinyin, (chinese, english) in PROVINCES.items():
        for alias in (chinese, *(chinese + suffix for suffix in _PROVINCE_SUFFIXES), *english):
            yield alias, "province", f"province:{pinyin}"


@lru_cache(maxsize=4096)  # matched texts repeat from page to page: "稀土", "rare earth", "MIIT"
def _key(text: str) -> str:
    """The lookup key of an alias or of a matched text: case, spacing and brackets folded."""
    text = text.replace("（", "(").replace("）", ")")
    return re.sub(r"[\s\-]+", " ", text).strip().lower()


def _build() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    lookup: dict[str, tuple[str, str]] = {}
    for alias, kind, value in _entries():
        key = _key(alias)
        if lookup.get(key, (kind, value)) != (kind, value):
            raise ValueError(f"vocabulary alias {alias!r} is given twice")
        lookup[key] = (kind, value)
    return _fast_alternation(sorted(lookup, key=len, reverse=True)), lookup


def _fast_alternation(keys: list[str]) -> re.Pattern[str]:
    """For speed only: the plain alternation of the aliases, longest first,
    ``"|".join(alias_pattern(k) for k in keys)`` under IGNORECASE, with the same matches
    (tests/test_bench.py), about 28x faster. It starts with a case-sensitive class of every
    character an alias can start with, so the regex engine passes over every other position
    in C; it then dispatches on the second character (a class again, checked in C for each
    branch) and only then checks the first one behind it. Keys of one letter come last: they
    only compete with longer keys of their own first character, which come first as in the
    plain alternation."""
    by_second: dict[str, dict[str, list[str]]] = {}
    singles = []
    for key in keys:
        if len(key) == 1:
            singles.append(key)
        else:
            by_second.setdefault(key[1], {}).setdefault(key[0], []).append(key)
    branches = []
    for second, by_first in by_second.items():
        inner = []
        for first, group in by_first.items():
            behind = f"(?<={_first_class(first)}[\\s\\S])"
            if all(key.isascii() for key in group):
                tails = "|".join(_tail(key) for key in group)
                inner.append(f"{behind}{_LATIN_EDGE_2}(?:{tails})")
            else:
                tails = "|".join(_LATIN_EDGE_2 * key.isascii() + _tail(key) for key in group)
                inner.append(f"{behind}(?:{tails})")
        branches.append(f"{_char_class(second)}(?i:{'|'.join(inner)})")
    for key in singles:
        edge = rf"(?<![A-Za-z]{_first_class(key)})(?![A-Za-z])" if key.isascii() else ""
        branches.append(f"(?i:(?<={_first_class(key)}){edge})")
    return re.compile(f"{_char_class(*{key[0] for key in keys})}(?:{'|'.join(branches)})")


# A Latin alias starts on a word edge: no letter before its first character, seen from after
# its second.
_LATIN_EDGE_2 = r"(?<![A-Za-z][\s\S][\s\S])"
# The characters other than their own case that IGNORECASE matches to ASCII letters: İ, ı, ſ
# and the Kelvin sign.
_ASCII_FOLDS = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a"}


def _char_class(*chars: str) -> str:
    """A case-sensitive class of every character IGNORECASE matches to one of ``chars`` in an
    alias pattern (a bracket of either width, a space for any spacing or a hyphen)."""
    found: set[str] = set()
    spacing = ""
    for char in chars:
        if char == " ":
            spacing = r"\s\-"
            continue
        for ch in "(（" if char == "(" else ")）" if char == ")" else char:
            found |= {ch, *ch.lower(), *ch.upper(), *_ASCII_FOLDS.get(ch.lower(), "")}
    return "[" + spacing + "".join(re.escape(ch) for ch in sorted(found)) + "]"


def _tail(key: str) -> str:
    """``alias_pattern(key)`` after its second character, which the pattern has read (one
    character of a spacing, when it is a space)."""
    pattern = re.escape(key[2:]).replace(r"\(", "[(（]").replace(r"\)", "[)）]")
    pattern = (r"[\s\-]*" if key[1] == " " else "") + pattern.replace(r"\ ", r"[\s\-]+")
    return rf"{pattern}(?![A-Za-z])" if key.isascii() else pattern


def alias_pattern(key: str) -> str:
    """The pattern of one alias key: brackets of either width, any spacing, Latin on word edges."""
    pattern = re.escape(key).replace(r"\(", "[(（]").replace(r"\)", "[)）]")
    pattern = pattern.replace(r"\ ", r"[\s\-]+")
    if key.isascii():
        pattern = rf"(?<![A-Za-z]){pattern}(?![A-Za-z])"
    return pattern


TERM_RE, _LOOKUP = _build()


def find_terms(text: str, kinds: Iterable[str] | None = None) -> list[Term]:
    """Every vocabulary word in ``text`` in order, longest alias first, optionally of some kinds.

    Words are matched against all tables even when ``kinds`` is given, so a company name
    never also yields the commodity inside it.
    """
    terms = _short_terms(text) if len(text) < _LONG else _long_terms(text)
    if kinds is None:
        return list(terms)
    wanted = set(kinds)
    return [term for term in terms if term.kind in wanted]


def _scan_terms(text: str) -> tuple[Term, ...]:
    terms = []
    for match in TERM_RE.finditer(text):
        kind, value = _LOOKUP[_key(match.group())]
        terms.append(Term(match.start(), match.end(), kind, value))
    return tuple(terms)


# For speed only: a page's whole text is read for terms by several steps (relevance, the
# Chinese rules twice, companies), and so are its title and some of its sentences; the terms
# of the last texts are remembered, long texts (a page's) apart, so that the sentences the
# rules read in between do not push the page out.
_LONG = 400  # characters
_long_terms = lru_cache(maxsize=8)(_scan_terms)
_short_terms = lru_cache(maxsize=256)(_scan_terms)


def lookup(alias: str) -> tuple[str, str] | None:
    """(kind, id) of one alias as written: "北方稀土" → ("company", "china_northern_rare_earth")."""
    return _LOOKUP.get(_key(alias))


def find_companies(text: str) -> tuple[str, ...]:
    """Company ids mentioned in ``text``, in order of first mention, each once."""
    seen: dict[str, None] = {}
    for term in find_terms(text, ("company",)):
        seen.setdefault(term.value, None)
    return tuple(seen)


def is_relevant(title: str, text: str) -> bool:
    """Whether a page is about quotas of rare earths, tungsten or antimony (either language).

    A commodity must be named within a short distance of a quota word (``QUOTA_CUES``), in the
    title or in the text, so a page that mentions rare earths in one place and car quotas in
    another does not count. A Chinese category (岩矿型, 离子型, 主采, 综合利用) stands for its
    commodity, and so does a company whose name, as written, holds one ("北方稀土", "China
    Northern Rare Earth"); the English categories ("light", "ionic") never stand alone. Also
    true for every passage the English rules read as naming a quota in their own words
    ("output of rare earths will be set at", "allowed to export", "TREO": ``en.is_relevant``),
    so no filter drops a page the rules would read.
    """
    from extractors.en.rules import is_relevant as english_rules_read  # (en imports vocab)

    for passage in (title, text):
        cues = QUOTA_CUE_RE.finditer(passage)
        cue = next(cues, None)
        if cue is None:
            continue
        # terms come in order, so the cues are read only as far as the last term needs
        last_cue = -RELEVANT_REACH - 1  # the last cue starting at most RELEVANT_REACH after term
        for term in find_terms(passage, ("commodity", "category", "company")):
            if not _stands_for_commodity(passage, term):
                continue
            while cue is not None and cue.start() <= term.start + RELEVANT_REACH:
                last_cue = cue.start()
                cue = next(cues, None)
            if last_cue >= term.start - RELEVANT_REACH:
                return True
    return english_rules_read(title, text)


# How near (in characters) a commodity must be to a quota word for ``is_relevant``.
RELEVANT_REACH = 80
# A commodity word inside a company's name: "北方稀土", "Xiamen Tungsten".
_COMMODITY_WORD_RE = re.compile(
    "|".join(
        alias_pattern(_key(alias))
        for alias in sorted(
            (a for aliases in COMMODITIES.values() for a in aliases), key=len, reverse=True
        )
    ),
    re.IGNORECASE,
)


def _stands_for_commodity(passage: str, term: Term) -> bool:
    if term.kind == "commodity":
        return True
    written = passage[term.start : term.end]
    if term.kind == "category":
        return not written.isascii()
    return term.kind == "company" and _COMMODITY_WORD_RE.search(written) is not None
