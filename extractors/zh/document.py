"""What a whole Chinese document says about every figure in it: the title's year, batch and
commodity, whether it is (or quotes) a notice, its issuers, a provincial notice's province, and
the plain text the rules read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from extractors.dates import BATCH_ZH_RE, CUMULATIVE_ZH_RE, title_period
from extractors.facts import Content, QuotaFact
from extractors.normalize import to_plain_width, to_simplified
from extractors.numbers import to_halfwidth
from extractors.vocab import Term, find_terms
from extractors.zh.context import CATEGORY_COMMODITY, Row, State
from extractors.zh.lexicon import QUOTA_CUE_RE
from extractors.zh.tables import terms_of

# A notice by its title: "关于下达2024年第一批稀土开采、冶炼分离总量控制指标的通知".
NOTICE_TITLE_RE = re.compile(r"关于(?:下达|印发|下发|分配)?.{0,60}?(?:指标|计划|配额).{0,12}?通知")

# A document number near the top of a text: "工信部联原〔2024〕25号", "自然资发[2020]33号":
# its year and number in brackets, after two Chinese characters or more (``_has_doc_number``).
DOC_NUMBER_RE = re.compile(r"[〔\[﹝(]\s*(?:19|20)\d{2}\s*[〕\]﹞)]\s*\d+\s*号")

# Reliance on unnamed sources: "据知情人士透露", "消息人士称", "据了解", "市场传闻".
SOURCES_RE = re.compile(
    r"知情人士|消息人士|消息称|知情者|据了解|传闻|接近.{0,12}人士|市场消息|据透露"
)

# Commentary that is not where a figure came from: "业内人士认为", "分析人士指出".
COMMENT_RE = re.compile(r"业内人士|分析人士|分析师")

# The notice quoted as such: "工业和信息化部、自然资源部下达", "通知显示", "官网发布".
NOTICE_CUE_RE = re.compile(
    r"(?:工业和信息化部|工信部|自然资源部|国土资源部|商务部|两部门|两部委|三部门)[^。;未没]{0,12}?"
    r"(?:下达|印发|发布|公布)|通知(?:显示|要求|附件|指出|称)|从通知|官网"
)

# A province speaking of itself ("我省", "我区"): its own notice or its own news. "本省（区）" is
# not: national notices tell each province what to do with "本省（区）" quotas.
OWN_VOICE_RE = re.compile(r"我省|我区|我自治区")

# A provincial department issuing the notice, in its title: "江西省国土资源厅关于下达…的通知".
PROVINCIAL_ISSUER_RE = re.compile(
    r"(?:省|自治区)(?:国土资源厅|自然资源厅|工业和信息化厅|工业和信息化委员会|人民政府办公厅)"
    r"[^。]{0,8}?关于"
)

# A headline of a province passing quotas on: "某省下达首批稀土生产计划", "某省工信委下达…".
PROVINCIAL_TITLE_RE = re.compile(r"^[\u4e00-\u9fff]{2,8}?(?:省|自治区)[\u4e00-\u9fff]{0,8}?下达")

# Batches named in other words: "首批", "上半年", "分两批", "批次".
BATCHES_RE = re.compile(r"首批|首轮|[上下]半年|[两二三]批|分批|批次")

# "据悉" (it is learned): a report, unless the text quotes the notice.
HEARSAY_RE = re.compile(r"据悉|据报道|报道称")

# How much of the top of a text counts as its head (where notices name issuer and number).
HEAD = 400

# Issuer by the prefix of a document number: 工信部联原, 自然资发, 国土资发, 商产发.
DOC_NUMBER_ISSUERS = (("工信部", "MIIT"), ("自然资", "MNR"), ("国土资", "MLR"), ("商", "MOFCOM"))

# Which issuer speaks for a joint text: MIIT for MIIT+MNR notices, then MNR, MLR, MOFCOM.
ISSUER_ORDER = ("MIIT", "MNR", "MLR", "MOFCOM")


# Chinese words that text taken from PDFs breaks with spaces: "开 采指标", "今 年", "万 吨":
# a lone character on one side of the space (words spaced apart, "省份 主采 综合利用", are cells;
# so is a word with its note in brackets, "序号 省(区)").
SPACED_WORDS_RE = re.compile(
    r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]+(?: [\u4e00-\u9fff]+)+(?!(?<= [\u4e00-\u9fff])\()"
)


# A year in Chinese numerals, as official and formal texts write it: "二〇二四年", "二零二三年度",
# "一九九九年" (not a part of a longer numeral, "十二万〇二〇〇", nor an amount, "二〇二〇吨").
NUMERAL_YEAR_RE = re.compile(
    r"(?<![〇零一二两三四五六七八九十百千万])(?:一九|二[〇零])[〇零一二三四五六七八九]{2}(?=\s*年)"
)
NUMERAL_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")


# For speed only: two Chinese characters either side of a space, without which SPACED_WORDS_RE
# finds nothing.
SPACED_PAIR_RE = re.compile(r"[\u4e00-\u9fff] [\u4e00-\u9fff]")


@lru_cache(maxsize=8)  # a document's text is made plain by read_doc and find_facts alike
def plain(text: str) -> str:
    """Simplified, half-width text of the same length: spans in it are spans of ``text``.

    A space beside a lone Chinese character moves to the end of its run ("开 采指标" → "开采指标 "),
    so words read whole and every character outside such runs keeps its place (sentence spans
    are exact; a span inside a run is off by the spaces moved)."""
    half = _digit_years(to_plain_width(to_simplified(text)))
    if " " in half and SPACED_PAIR_RE.search(half):
        half = SPACED_WORDS_RE.sub(_close_up, half)
    return half


def as_written(text: str) -> str:
    """``plain`` without the closing up of spaced words: simplified and half-width only."""
    return _digit_years(to_plain_width(to_simplified(text)))


def _digit_years(half: str) -> str:
    """Years written in Chinese numerals in digits, of the same length ("二〇二四年" → "2024年"),
    so every rule that reads a year reads them."""
    if "〇" not in half and "零" not in half and "一九" not in half:
        return half  # for speed only: no year in numerals
    return NUMERAL_YEAR_RE.sub(lambda m: m.group().translate(NUMERAL_DIGITS), half)


def _close_up(match: re.Match[str]) -> str:
    """Joins the pieces of a run where one side of a space is a lone character."""
    pieces = match.group().split(" ")
    joined, moved = [pieces[0]], 0
    for piece in pieces[1:]:
        if len(piece) == 1 or len(joined[-1]) == 1:
            joined[-1] += piece
            moved += 1
        else:
            joined.append(piece)
    return " ".join(joined) + " " * moved


@dataclass(frozen=True)
class Doc:
    """What the whole document says about every figure in it."""

    year: int | None
    period: str | None
    commodity: str | None
    official: bool
    issuers: tuple[str, ...]  # by precedence
    base: date | None
    announced: date | None
    quotes_notice: bool  # the text quotes a notice
    province: str | None = None  # the province whose own notice this is
    quota_type: str | None = None  # the one quota type its notice title names
    title_cued: bool = False  # the title speaks of quotas (rows of figures under it continue it)
    company: str | None = None  # the group the title names ("北方稀土：关于获得…指标的公告")
    title_year: int | None = None  # the year the title names

    def start_state(self) -> State:
        state = State(self.base, self.year, self.commodity, self.year, self.period)
        state.start_period = self.period
        state.title_cued = self.title_cued
        state.province, state.default_type = self.province, self.quota_type
        state.default_commodity = self.commodity
        state.title_company = self.company
        state.own_year = self.title_year
        return state

    def issuer(self, row: Row) -> str | None:
        if row.quota_type == "export":
            return "MOFCOM"
        if row.commodity != "rare_earth":  # tungsten and antimony quotas are MNR's (MLR's)
            for issuer in self.issuers:
                if issuer in ("MNR", "MLR"):
                    return issuer
        return self.issuers[0] if self.issuers else None

    def readings(
        self, row: Row, status: str, evidence: str, span: tuple[int, int]
    ) -> tuple[QuotaFact, ...]:
        """The fact of ``row`` and of its other readings, the likeliest first."""
        others = (other._replace(change_pct=row.change_pct) for other in row.others)
        return tuple(self.fact(one, status, evidence, span) for one in (row, *others))

    def fact(self, row: Row, status: str, evidence: str, span: tuple[int, int]) -> QuotaFact:
        return QuotaFact(
            commodity=row.commodity,
            quota_type=row.quota_type,
            year=row.year,
            period=row.period,
            category=row.category,
            holder=row.holder,
            amount_t=row.amount_t,
            status=status,
            issuer=row.issuer or self.issuer(row),
            change_pct=row.change_pct,
            announced=self.announced if status == "official" else None,
            evidence=evidence,
            span=span,
        )


def _issuers(content: Content, title_terms: tuple[Term, ...], terms: list[Term]) -> tuple[str, ...]:
    found: list[str] = []
    for prefix, issuer in DOC_NUMBER_ISSUERS:
        if content.doc_number and to_halfwidth(content.doc_number).startswith(prefix):
            found.append(issuer)
    in_text = [term for term in terms if term.kind == "issuer"]
    for named in (
        {term.value for term in title_terms if term.kind == "issuer"},
        {term.value for term in in_text if term.end <= HEAD},  # the head of the text
        {term.value for term in in_text},
    ):
        found += [issuer for issuer in ISSUER_ORDER if issuer in named]
        if found:
            break
    return tuple(dict.fromkeys(found))


def _has_doc_number(head: str) -> bool:
    """Whether a document number stands in ``head`` (searched by its brackets first, as a pattern
    that opens on Chinese characters is slow to search)."""
    for match in DOC_NUMBER_RE.finditer(head):
        before = head[: match.start()].rstrip()[-2:]
        if len(before) == 2 and all("\u4e00" <= char <= "\u9fff" for char in before):
            return True
    return False


def read_doc(content: Content, terms: list[Term] | None = None) -> Doc:
    """The document's defaults: the title's year, batch and commodity; whether it is a notice.

    ``terms`` are the vocabulary words of the plain text, when the caller has them."""
    title = plain(content.title or "")
    head = plain(content.text)[:HEAD]
    if terms is None:
        terms = find_terms(plain(content.text))
    notice = NOTICE_TITLE_RE.search(title) or NOTICE_TITLE_RE.search(head)
    year, period = title_year, _ = title_period(title)
    if year is None and notice:
        year, period = title_period(notice.group())
    official = bool(content.doc_number or notice or _has_doc_number(head))
    if period is None and official and year is not None:
        period = "annual"  # "关于下达2021年稀土开采、冶炼分离总量控制指标的通知"
    base = content.published.date() if content.published else content.signed
    if year is None and base is not None:
        year = base.year
    title_terms = terms_of(title)  # the vocabulary of the title, read once for every use
    commodity = None
    for term in title_terms:
        if term.kind in ("commodity", "category"):
            commodity = CATEGORY_COMMODITY.get(term.value, term.value)
            break
    text = plain(content.text)
    if period is None and year is not None and year == title_year:
        # "2017年稀土指标下达" over a text that never speaks of batches: the year's quotas
        batches = (BATCH_ZH_RE, CUMULATIVE_ZH_RE, BATCHES_RE)
        period = None if any(pattern.search(text) for pattern in batches) else "annual"
    province = None
    if any(
        (
            PROVINCIAL_TITLE_RE.match(title),
            PROVINCIAL_ISSUER_RE.search(title),
            OWN_VOICE_RE.search(text),
        )
    ):
        for passage in (title, head):
            found = find_terms(passage, ("province",))
            if found:
                province = found[0].value
                break
    # The one quota type the notice (or else the title) names, for figures that name none.
    named = terms_of(notice.group()) if notice else title_terms
    notice_types = {t.value for t in named if t.kind == "quota_type"}
    return Doc(
        year=year,
        period=period,
        commodity=commodity,
        official=official,
        issuers=_issuers(content, title_terms, terms),
        base=base,
        announced=content.signed,
        quotes_notice=NOTICE_CUE_RE.search(text) is not None,
        province=province,
        quota_type=notice_types.pop() if len(notice_types) == 1 else None,
        title_cued=QUOTA_CUE_RE.search(title) is not None,
        company=next((t.value for t in title_terms if t.kind == "company"), None),
        title_year=title_year,
    )


def status_of(doc: Doc, sentence: str) -> str:
    """official when the document is or quotes the notice; reported when it relies on sources."""
    if doc.official:
        return "official"
    if SOURCES_RE.search(sentence) or COMMENT_RE.search(sentence):
        return "reported"
    if NOTICE_CUE_RE.search(sentence):
        return "official"
    if doc.quotes_notice and not HEARSAY_RE.search(sentence):
        return "official"
    return "reported"  # sources, hearsay, or nothing said: not the notice itself
