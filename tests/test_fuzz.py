"""Fuzzing the pure extractors: arbitrary text, HTML and bytes never break them.

Properties (hypothesis, fixed seed, bounded examples):

- the decoder, the number and date parsers, the content reader and both fact extractors raise
  nothing but ``QuotaError`` subclasses, and ``extractors.extract`` raises nothing at all;
- every fact they return is well formed (FACTS.md values), its amount is written in its
  evidence, and its evidence is exactly ``content.text[span[0]:span[1]]``.

And a hang check: every compiled pattern in ``extractors/*`` runs over 50,000-character
adversarial strings in a worker process; the test fails only when one step takes longer than
``HANG_S`` (a hang, not a timing assertion). Run this file as a script to be that worker.

``QUOTAS_FUZZ_EXAMPLES`` raises the number of examples for a longer local run.
"""

from __future__ import annotations

import codecs
import importlib
import math
import os
import pkgutil
import queue
import re
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as the regex worker: ``python tests/test_fuzz.py``
    sys.path.insert(0, str(ROOT))

import extractors  # noqa: E402
from extractors import content, dates, decode, en, numbers, zh  # noqa: E402
from extractors.errors import QuotaError  # noqa: E402
from extractors.facts import (  # noqa: E402
    CATEGORIES,
    COMMODITIES,
    ISSUERS,
    QUOTA_TYPES,
    STATUSES,
    Content,
    QuotaFact,
)

settings.register_profile(
    "quotas-fuzz",
    derandomize=True,  # a fixed seed: CI runs the same examples every time
    database=None,
    deadline=None,
    max_examples=int(os.environ.get("QUOTAS_FUZZ_EXAMPLES", "120")),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FUZZ = settings.get_profile("quotas-fuzz")

PERIOD = re.compile(r"annual|(?:batch|cumulative):[1-9]\d*")
# Multipliers a bare number in an evidence sentence may carry to its amount (万, kt, million).
MULTIPLIERS = (1, 1_000, 10_000, 1_000_000)

# -- strategies: real wording, cut and shuffled -----------------------------------------------

ZH_WORDS = [
    "稀土", "钨矿", "锑矿", "开采", "冶炼分离", "出口配额", "总量控制指标", "生产总量控制计划",
    "第一批", "第二批", "第三批", "第十十十批", "前两批合计", "全年", "年度", "分别为", "其中",
    "岩矿型稀土矿（以轻稀土为主）指标", "离子型稀土矿（以中重稀土为主）指标", "主采", "综合利用",
    "北方稀土", "中国稀土集团", "厦门钨业", "广东稀土", "内蒙古", "江西", "获得", "下达",
    "、", "，", "；", "。", "：", "（", "）", "\n", "同比增长", "较去年", "持平",
    "不含已下达的第一批指标", "均含第一批", "据悉", "业内人士", "未公布",
    "工信部联原〔2024〕25号", "2023年12月14日", "今年", "去年", "明年",
    "|", " | ", "　", "關於下達", "稀土開採",
]  # fmt: skip
EN_WORDS = [
    "China", "rare earth", "tungsten", "antimony", "mining", "smelting and separation", "export",
    "quota", "quotas", "first batch", "second batch", "3rd batch", "first two batches",
    "for the year", "so far this year", "full-year", "set", "at", "of", "was", "respectively",
    "and", ",", ".", "up", "down", "from", "sources said", "the ministry said", "MIIT",
    "Northern Rare Earth", "China Rare Earth Group", "light", "medium and heavy", "ionic clay",
    "Inner Mongolia", "Jiangxi", "on Tuesday", "in March", "last month", "2024-02-06",
    "\n", "Related Articles\n", "compared with", "unchanged", "doubled to", "this year",
    "last year", "a year earlier", "(", ")", "y/y", "shares of", "$",
]  # fmt: skip
UNITS = ["吨", "万吨", "千吨", "万", " tonnes", "t", " kt", " metric tons", " million tonnes", ""]

numbers_st = st.one_of(
    st.integers(0, 10**7).map(str),
    st.integers(1_000, 10**9).map(lambda n: f"{n:,}"),
    st.decimals(0, 10**4, places=3, allow_nan=False, allow_infinity=False).map(str),
    st.sampled_from(["9" * 400, "1," * 40 + "000", "0.0000001", "１２０，０００", "٣٤"]),
)
years_st = st.integers(1990, 2040).map(str)
amount_st = st.tuples(numbers_st, st.sampled_from(UNITS)).map("".join)
percent_st = st.tuples(numbers_st, st.sampled_from(["%", " per cent", "pc", "％"])).map("".join)
zh_piece = st.one_of(
    st.sampled_from(ZH_WORDS), years_st.map(lambda y: y + "年"), amount_st, percent_st
)
en_piece = st.one_of(st.sampled_from(EN_WORDS), years_st, amount_st, percent_st)
table_row = st.lists(st.one_of(st.sampled_from(ZH_WORDS), amount_st, years_st), max_size=5).map(
    lambda cells: " | ".join(cells)
)
quota_text = st.one_of(
    st.lists(zh_piece, min_size=1, max_size=40).map("".join),
    st.lists(en_piece, min_size=1, max_size=40).map(" ".join),
    st.lists(table_row, min_size=1, max_size=8).map("\n".join),
    st.lists(st.one_of(zh_piece, en_piece), max_size=30).map(" ".join),
)
any_text = st.one_of(st.text(max_size=400), quota_text)
# Real-looking documents: a title line, maybe a dateline, then the body.
documents = st.tuples(
    any_text, st.sampled_from(["", "2024-02-06\n", "发布时间：2023-12-14 10:00\n"]), any_text
).map(lambda parts: f"{parts[0]}\n{parts[1]}{parts[2]}")
published_st = st.one_of(
    st.none(),
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2040, 12, 31)),
    st.sampled_from([datetime(1, 1, 1), datetime(9999, 12, 31, 23, 59)]),
)
urls = st.sampled_from(
    [
        "http://example.test/a.html",
        "https://www.miit.gov.cn/jgsj/ycls/wjfb/art/2024/art_0.html",
        "https://www.mnr.gov.cn/gk/tzgg/202003/t.html",
        "https://www.gov.cn/zhengce/zhengceku/202402/content_1.htm",
        "https://news.cnyes.com/news/id/1",
        "",
        "not a url",
        "http://[::1",
        "file:///etc/passwd",
    ]
)
content_types = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.sampled_from(
        [
            "text/html",
            "text/html; charset=gbk",
            "text/html; charset=utf-16",
            "text/html; charset=nonsense",
            "text/plain",
            "text/plain; charset=utf-8",
            "application/pdf",
            "image/png",
        ]
    ),
)
tags = st.sampled_from(["div", "p", "article", "h1", "td", "span", "script", "title", "table"])
html_pages = st.builds(
    lambda title, body, tag, rows, meta: (
        f"<html><head><title>{title}</title>{meta}</head><body>"
        f"<{tag}>{body}</{tag}><table>{rows}</table></body></html>"
    ),
    any_text,
    quota_text,
    tags,
    st.lists(
        st.lists(any_text, max_size=4).map(lambda cells: "".join(f"<td>{c}" for c in cells)),
        max_size=4,
    ).map(lambda rows: "".join(f"<tr>{r}" for r in rows)),
    st.sampled_from(
        [
            "",
            "<meta name='PubDate' content='2024-02-06 09:30'>",
            "<meta charset='gbk'>",
            "<meta name='PubDate' content='9999-99-99'>",
            "<script type='application/ld+json'>{\"headline\": [1, {}]}</script>",
            '<link rel="canonical" href="https://www.gov.cn/x.htm">',
        ]
    ),
)
# Markup cut anywhere, tags unclosed, stray brackets.
broken_html = st.lists(
    st.one_of(tags.map(lambda t: f"<{t}>"), tags.map(lambda t: f"</{t}>"), any_text, st.just("<")),
    max_size=30,
).map("".join)
encodings = st.sampled_from(["utf-8", "gb18030", "big5", "utf-16", "utf-8-sig", "latin-1"])
page_bytes = st.one_of(
    st.binary(max_size=600),
    st.tuples(st.one_of(html_pages, broken_html, documents), encodings).map(
        lambda pair: pair[0].encode(pair[1], errors="replace")
    ),
    st.tuples(
        st.sampled_from([b"%PDF-1.4", b"\x89PNG\r\n\x1a\n", b"\xef\xbb\xbf"]), st.binary()
    ).map(b"".join),
)


# -- invariants ---------------------------------------------------------------------------------


def check_fact(fact: QuotaFact, text: str) -> None:
    """A fact as FACTS.md defines it, whose evidence is its span of ``text``."""
    assert fact.commodity in COMMODITIES, fact
    assert fact.quota_type in QUOTA_TYPES, fact
    assert PERIOD.fullmatch(fact.period), fact
    assert fact.category in CATEGORIES, fact
    assert fact.holder is None or re.fullmatch(r"[a-z_]+|province:[a-z]+", fact.holder), fact
    assert fact.status in STATUSES, fact
    assert fact.issuer is None or fact.issuer in ISSUERS, fact
    assert isinstance(fact.year, int), fact
    start, end = fact.span
    assert 0 <= start < end <= len(text), fact
    assert text[start:end] == fact.evidence, (fact, text[start:end])
    if fact.amount_t is not None:
        assert math.isfinite(fact.amount_t) and fact.amount_t > 0, fact
        assert _written_in(fact.amount_t, fact.evidence), (fact.amount_t, fact.evidence)


def _written_in(amount: float, evidence: str) -> bool:
    """``amount`` is a number of the evidence, times a multiplier a unit word may carry."""
    for match in numbers.NUMBER_RE.finditer(numbers.to_halfwidth(evidence)):
        value = numbers.to_decimal(match.group())
        if value is not None and any(
            math.isclose(float(value) * m, amount, rel_tol=1e-9) for m in MULTIPLIERS
        ):
            return True
    return False


def check_content(page: Content) -> None:
    assert isinstance(page.text, str)
    assert page.language in ("zh", "en", None)
    assert page.title is None or isinstance(page.title, str)


def as_content(text: str, published: datetime | None, title: str | None = None) -> Content:
    return Content(title=title, published=published, language=None, text=text)


# -- the decoder and the parsers ----------------------------------------------------------------


@FUZZ
@given(page_bytes, content_types)
def test_decode_body_gives_text_or_an_extract_error(body: bytes, content_type: str | None) -> None:
    try:
        text, encoding = decode.decode_body(body, content_type)
    except QuotaError:
        return
    assert isinstance(text, str)
    assert codecs.lookup(encoding)  # a codec Python knows, so a stored body can be re-read


@FUZZ
@given(st.one_of(any_text, amount_st, percent_st))
def test_number_parsers_return_a_number_or_none(text: str) -> None:
    for parse in (numbers.parse_amount, numbers.parse_percent):
        value = parse(text)
        assert value is None or isinstance(value, float)
    numeral = numbers.chinese_numeral(text)
    assert numeral is None or (isinstance(numeral, int) and numeral >= 0)


@FUZZ
@given(st.integers(1, 10**9), st.sampled_from(["吨", " tonnes", "t", " metric tons"]))
def test_an_amount_in_tonnes_reads_back_as_written(tonnes: int, unit: str) -> None:
    assert numbers.parse_amount(f"{tonnes:,}{unit}") == tonnes
    assert numbers.parse_amount(f"{tonnes}{unit}") == tonnes


@FUZZ
@given(st.integers(1, 10**6))
def test_wan_tonnes_scale_by_ten_thousand(tenths: int) -> None:
    written = f"{tenths / 10:g}万吨"
    amount = numbers.parse_amount(written)
    assert amount is not None and math.isclose(amount, tenths * 1_000), written


@FUZZ
@given(any_text)
def test_date_helpers_never_raise(text: str) -> None:
    for start, end, day in dates.find_zh_dates(text):
        assert 0 <= start < end <= len(text)
        assert str(day.year) in numbers.to_halfwidth(text)[start:end]
    year, period = dates.title_period(text)
    assert year is None or 1900 <= year <= 2099
    assert period is None or PERIOD.fullmatch(period), period
    batch = dates.batch_number(text)
    assert batch is None or batch >= 0
    dates.parse_zh_date(text)


# -- page content -------------------------------------------------------------------------------


@FUZZ
@given(st.one_of(html_pages, broken_html, any_text), urls)
def test_read_content_raises_only_extract_errors(markup: str, url: str) -> None:
    try:
        page = content.read_content(markup, url)
    except QuotaError:
        return
    check_content(page)


@FUZZ
@given(st.one_of(documents, any_text), urls)
def test_read_text_never_raises(text: str, url: str) -> None:
    check_content(content.read_text(text, url))


# -- the fact extractors ------------------------------------------------------------------------


@FUZZ
@given(st.one_of(quota_text, documents, any_text), published_st, st.sampled_from([None, "标题"]))
def test_fact_extractors_keep_every_evidence_in_its_span(
    text: str, published: datetime | None, title: str | None
) -> None:
    page = as_content(text, published, title)
    for find_facts in (zh.find_facts, en.find_facts):
        try:
            facts = find_facts(page)
        except QuotaError:
            continue
        for fact in facts:
            check_fact(fact, text)


@FUZZ
@given(page_bytes, urls, content_types, published_st)
def test_extract_never_raises(
    body: bytes, url: str, content_type: str | None, published: datetime | None
) -> None:
    result = extractors.extract(
        body, url, content_type=content_type, published=published.date() if published else None
    )
    if result.error:
        assert result.facts == ()
    check_content(result.content)
    for fact in result.facts:
        check_fact(fact, result.content.text)


@FUZZ
@given(documents, published_st)
def test_extract_text_never_raises(text: str, published: datetime | None) -> None:
    result = extractors.extract_text(
        text, "http://example.test/", published=published.date() if published else None
    )
    for fact in result.facts:
        check_fact(fact, result.content.text)
    assert len({fact.key() for fact in result.facts}) == len(result.facts), "one fact, once"


@FUZZ
@given(
    st.integers(2006, 2030),
    st.sampled_from([("一", "batch:1"), ("二", "batch:2"), ("三", "batch:3")]),
    st.integers(1_000, 400_000),
    st.integers(1_000, 400_000),
    st.sampled_from(["、", "和"]),
)
def test_paired_chinese_figures_map_onto_the_types_in_order(
    year: int, batch: tuple[str, str], mining: int, smelting: int, joiner: str
) -> None:
    """In "分别为X吨、Y吨" the order of the types named maps onto the order of the numbers."""
    numeral, period = batch
    sentence = (
        f"{year}年第{numeral}批稀土开采、冶炼分离总量控制指标分别为{mining}吨{joiner}{smelting}吨。"
    )
    page = as_content(
        sentence, datetime(year, 6, 1), f"关于下达{year}年第{numeral}批稀土指标的通知"
    )
    found = {(f.quota_type, f.year, f.period, f.amount_t) for f in zh.find_facts(page)}
    assert ("mining", year, period, mining) in found, (sentence, found)
    assert ("smelting_separation", year, period, smelting) in found, (sentence, found)


@FUZZ
@given(st.integers(1_000, 400_000), st.integers(1_000, 400_000), st.integers(2015, 2030))
def test_respectively_maps_english_figures_onto_the_types_in_order(
    mining: int, smelting: int, year: int
) -> None:
    sentence = (
        f"China set {year} rare earth quotas of {mining:,} and {smelting:,} tonnes for mining "
        "and smelting respectively, the ministry said."
    )
    page = as_content(sentence, datetime(year, 3, 2))
    facts = en.find_facts(page)
    found = {(f.quota_type, f.amount_t) for f in facts}
    assert ("mining", mining) in found, (sentence, found)
    assert ("smelting_separation", smelting) in found, (sentence, found)
    for fact in facts:
        check_fact(fact, sentence)


# -- long inputs: no pattern backtracks without end ---------------------------------------------

# A step of the worker that takes longer than this is a hang (catastrophic backtracking).
HANG_S = 10.0
ADVERSARIAL_LENGTH = 50_000
# Units repeated to ADVERSARIAL_LENGTH: digits, separators, 万, spaces, CJK, words, tags.
ADVERSARIAL_UNITS = (
    "9", "1,", ",", "1.", "万", "1万、", "、", " ", "\n", "稀土", "年", "第", "a ", "A. ",
    "of the ", "1 ", "(", "-", "<meta ", "1%",
)  # fmt: skip
# Patterns the code only ever tries at one position (``.match``/``.fullmatch`` right after a
# figure or a name), where a run is read once; scanning them over a whole string is not how
# they are used. ``test_anchored_patterns_are_only_used_at_a_position`` holds the code to that.
ANCHORED = frozenset(
    {"HOLDER_NOT_BEFORE", "DIFFERENCE_AFTER", "BARE_FOLLOW", "LIST_JOIN", "PCT_LIST", "RESULT_RE"}
)
EXTRACTORS_DIR = ROOT / "extractors"


AnyPattern = re.Pattern[str] | re.Pattern[bytes]


def extractor_patterns() -> Iterator[tuple[str, AnyPattern]]:
    """(module.NAME, pattern) for every compiled pattern a module of ``extractors`` holds,
    directly or in a module-level tuple, list or dict; each pattern once."""
    seen: set[int] = set()

    def walk(obj: object, name: str, depth: int) -> Iterator[tuple[str, AnyPattern]]:
        if isinstance(obj, re.Pattern):
            if id(obj) not in seen:
                seen.add(id(obj))
                yield name, obj
        elif depth < 3 and isinstance(obj, tuple | list):
            for index, item in enumerate(obj):
                yield from walk(item, f"{name}[{index}]", depth + 1)
        elif depth < 3 and isinstance(obj, dict):
            for key, item in obj.items():
                yield from walk(item, f"{name}[{key!r}]", depth + 1)

    modules = pkgutil.walk_packages([str(EXTRACTORS_DIR)], prefix="extractors.")  # en/, zh/ too
    for info in sorted(modules, key=lambda i: i.name):
        module = importlib.import_module(info.name)
        for attr, value in vars(module).items():
            yield from walk(value, f"{module.__name__}.{attr}", 0)


def _worker() -> None:
    """Run every pattern over every adversarial string, announcing each step on stdout."""
    for name, pattern in extractor_patterns():
        anchored = name.rsplit(".", 1)[-1] in ANCHORED
        for unit in ADVERSARIAL_UNITS:
            text = (unit * (ADVERSARIAL_LENGTH // len(unit) + 1))[:ADVERSARIAL_LENGTH] + "!"
            subject: str | bytes = text.encode() if isinstance(pattern.pattern, bytes) else text
            print(f"begin {name} {unit!r}", flush=True)
            started = time.perf_counter()
            if anchored:
                pattern.match(subject)  # type: ignore[arg-type]
                pattern.fullmatch(subject)  # type: ignore[arg-type]
            else:
                for _ in pattern.finditer(subject):  # type: ignore[arg-type]
                    pass
            print(f"end {time.perf_counter() - started:.3f}", flush=True)
    print("done", flush=True)


def test_every_pattern_finishes_on_long_adversarial_strings() -> None:
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "regex-worker"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    assert proc.stdout is not None
    stdout = proc.stdout

    def read() -> None:
        for line in stdout:
            lines.put(line)

    threading.Thread(target=read, daemon=True).start()
    current, steps, slowest = "(start-up)", 0, (0.0, "")
    try:
        while True:
            try:
                line = lines.get(timeout=HANG_S)
            except queue.Empty:
                raise AssertionError(f"pattern hangs (> {HANG_S:.0f} s): {current}") from None
            if line.startswith("begin "):
                current = line[6:].strip()
            elif line.startswith("end "):
                steps += 1
                slowest = max(slowest, (float(line[4:]), current))
            elif line.strip() == "done":
                break
    finally:
        proc.kill()
        _, err = proc.communicate()
    assert proc.returncode in (0, -9), err
    assert steps >= 100 * len(ADVERSARIAL_UNITS), f"only {steps} steps ran: {err}"
    print(f"slowest step: {slowest[1]} {slowest[0]:.2f} s")


def test_anchored_patterns_are_only_used_at_a_position() -> None:
    """The patterns ``ANCHORED`` exempts from whole-string scans are only matched in place."""
    uses: dict[str, list[str]] = {name: [] for name in ANCHORED}
    for source in sorted(EXTRACTORS_DIR.rglob("*.py")):  # the rules packages too
        for line in source.read_text(encoding="utf-8").splitlines():
            for name in ANCHORED:
                for use in re.finditer(rf"\b{name}\b(\.\w+)?", line):
                    uses[name].append(use.group(1) or "")
    for name, found in uses.items():
        calls = [call for call in found if call]
        assert calls, f"{name} is no longer used: take it out of ANCHORED"
        assert set(calls) <= {".match", ".fullmatch"}, f"{name} is used as {sorted(set(calls))}"


def test_long_documents_are_read_in_bounded_time() -> None:
    """A 200 KB page of quota wording, and one of adversarial runs, in a watchdog process."""
    code = (
        "import extractors, datetime\n"
        "zh = '2024年第一批稀土开采、冶炼分离总量控制指标分别为135000吨、127000吨。'\n"
        "en = 'China set rare earth quotas of 135,000 and 127,000 tonnes for mining and "
        "smelting respectively, up 12.5% from a year earlier, sources said. '\n"
        "day = datetime.date(2024, 2, 6)\n"
        "for body in (zh * 4000, en * 1300, '1万、' * 50000 + '吨', '稀土 指标 1 ' * 20000):\n"
        "    result = extractors.extract_text('T\\n' + body, 'http://x/', published=day)\n"
        "    assert result.error is None\n"
        "page = '<html><body>' + '<div><p>' * 3000 + zh * 2000\n"
        "extractors.extract(page.encode(), 'http://x/')\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=180
    )
    assert result.returncode == 0 and "ok" in result.stdout, result.stderr


if __name__ == "__main__" and sys.argv[1:] == ["regex-worker"]:
    _worker()
