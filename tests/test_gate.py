"""The relevance gate never stops a page that states a quota.

- every fixture page: the gate passes each page with golden facts, and extraction gives the
  same facts with and without the gate;
- the real-page corpus (``bench/realpages/texts``, git-ignored; ``$QUOTAS_REALPAGES`` names
  another copy), skipped when its texts are absent: the same facts with and without the gate,
  and every labelled page with facts passes;
- the gate's word lists cover the vocabulary ``is_relevant`` asks for, in every spelling
  OpenCC's t2s and a case-blind match accept;
- properties (hypothesis): a quota sentence of ours passes whatever surrounds it, in markup,
  traditional characters, full-width letters or character references; and on documents made
  of our words and junk, extraction finds the same facts with and without the gate.
"""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path

import opencc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import extractors
from extractors import gate, vocab

ROOT = Path(__file__).resolve().parents[1]
SITES = ROOT / "fixtures" / "sites"
REALPAGES = Path(os.environ.get("QUOTAS_REALPAGES", ROOT / "bench" / "realpages"))

PROPERTY = settings(
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=int(os.environ.get("QUOTAS_FUZZ_EXAMPLES", "150")),
    suppress_health_check=[HealthCheck.too_slow],
)


def fixture_pages() -> list[Path]:
    """Every page of the fixture sites: HTML and text files, not golden files or robots.txt."""
    return sorted(
        path
        for path in SITES.rglob("*")
        if path.is_file()
        and not path.name.endswith((".facts.json", ".json", ".xml"))
        and path.name not in ("robots.txt", "rssindex")
    )


def content_type(path: Path) -> str:
    return "text/plain" if path.suffix == ".txt" else "text/html"


def fact_keys(result: extractors.Extraction) -> list[tuple[object, ...]]:
    return [(*fact.key(), fact.status, fact.evidence, fact.span) for fact in result.facts]


@pytest.mark.parametrize("page", fixture_pages(), ids=lambda p: p.relative_to(SITES).as_posix())
def test_every_fixture_page_gives_the_same_facts_with_and_without_the_gate(page: Path) -> None:
    body = page.read_bytes()
    url = "https://" + page.relative_to(SITES).as_posix()
    gated = extractors.extract(body, url, content_type=content_type(page))
    full = extractors.extract(body, url, content_type=content_type(page), gate=False)
    assert fact_keys(gated) == fact_keys(full)
    golden = page.with_name(page.name + ".facts.json")
    if golden.exists() and json.loads(golden.read_text(encoding="utf-8"))["facts"]:
        assert gated.content.site != gate.GATE_SITE, "a page with golden facts was stopped"
        assert gated.relevant


def test_the_fixtures_hold_pages_the_gate_stops_and_pages_it_passes() -> None:
    """So the test above proves something: both kinds are among the fixtures."""
    sites = {
        extractors.extract(p.read_bytes(), "https://x/", content_type=content_type(p)).content.site
        for p in fixture_pages()
    }
    assert gate.GATE_SITE in sites and len(sites) > 1


def _realpage_texts() -> list[Path]:
    folder = REALPAGES / "texts"
    return sorted(folder.glob("*.txt")) if folder.is_dir() else []


def _realpage_labels() -> dict[str, dict[str, object]]:
    labels: dict[str, dict[str, object]] = {}
    for file in [REALPAGES / "labels.jsonl", *sorted((REALPAGES / "staging").glob("*.jsonl"))]:
        if file.is_file():
            for line in file.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    record = json.loads(line)
                    labels[record["id"]] = record
    return labels


@pytest.mark.skipif(not _realpage_texts(), reason="no real-page texts here (git-ignored)")
def test_real_pages_give_the_same_facts_with_and_without_the_gate() -> None:
    from datetime import date

    labels = _realpage_labels()
    checked = with_facts = 0
    for path in _realpage_texts():
        label = labels.get(path.stem, {})
        url = str(label.get("url") or f"https://realpages.invalid/{path.stem}")
        stated = label.get("published")
        published = date.fromisoformat(stated) if isinstance(stated, str) else None
        text = path.read_text(encoding="utf-8")
        gated = extractors.extract_text(text, url, published=published)
        full = extractors.extract_text(text, url, published=published, gate=False)
        assert fact_keys(gated) == fact_keys(full), path.stem
        if label.get("facts") or full.facts:
            assert gate.passes(text), f"{path.stem}: a page with facts was stopped"
            with_facts += 1
        checked += 1
    assert checked == len(_realpage_texts())
    print(f"{checked} real pages, {with_facts} with facts")


# -- the word lists --------------------------------------------------------------------------


def test_every_commodity_of_the_vocabulary_passes_in_any_case() -> None:
    for alias in [a for aliases in vocab.COMMODITIES.values() for a in aliases]:
        spellings = [alias, alias.upper(), alias.title(), normalize_wide(alias)]
        if alias in ("REE", "REEs"):
            spellings = [alias, normalize_wide(alias)]  # written in capitals
        for spelled in spellings:
            assert gate.passes(f"({spelled})"), spelled
    for word in ["free", "THREE", "REEF", "the earth", "rarely earthy", "中华", "指标", "quota"]:
        assert not gate.passes(f" {word} "), word


def test_a_chinese_category_passes_beside_a_quota_word() -> None:
    for category in (*gate.CATEGORY_WORDS_ZH, *gate.CATEGORY_WORDS_ZH_HANT):
        assert not gate.passes(f"资源{category}项目"), category
        for quota in (*gate.QUOTA_WORDS_ZH, *gate.QUOTA_WORDS_ZH_HANT):
            assert gate.passes(f"{category}……{quota}"), (category, quota)
    for word in (w for w in vocab.QUOTA_CUES if not w.isascii()):  # the rules' Chinese cues
        assert gate.QUOTA_CUE.search(word), word


def normalize_wide(text: str) -> str:
    """ASCII letters as full-width ones (which normalisation turns back)."""
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalpha() else c for c in text)


def _t2s_sources() -> dict[str, set[str]]:
    """simplified character → every character OpenCC's t2s tables may turn into it."""
    folder = resources.files("opencc") / "dictionary"
    sources: dict[str, set[str]] = {}
    for name in ("TSCharacters.txt", "TSPhrases.txt"):
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            key, _, values = line.partition("\t")
            for value in values.split():
                if len(value) == len(key):
                    for trad, simple in zip(key, value, strict=True):
                        if trad != simple:
                            sources.setdefault(simple, set()).add(trad)
    return sources


def test_every_traditional_spelling_of_the_words_characters_is_known() -> None:
    sources = _t2s_sources()
    words = [*gate.QUOTA_WORDS_ZH, *gate.COMMODITY_WORDS_ZH, *gate.CATEGORY_WORDS_ZH]
    for char in {ch for word in words for ch in word}:
        missing = sources.get(char, set()) - set(gate._spellings(char))
        assert not missing, f"{char}: OpenCC also turns {''.join(sorted(missing))} into it"


def test_the_traditional_lists_are_spellings_of_the_simplified_ones() -> None:
    t2s = opencc.OpenCC("t2s")
    assert {t2s.convert(w) for w in gate.QUOTA_WORDS_ZH_HANT} <= set(gate.QUOTA_WORDS_ZH)
    assert {t2s.convert(w) for w in gate.COMMODITY_WORDS_ZH_HANT} <= set(gate.COMMODITY_WORDS_ZH)
    assert {t2s.convert(w) for w in gate.CATEGORY_WORDS_ZH_HANT} <= set(gate.CATEGORY_WORDS_ZH)


# -- the settled page ---------------------------------------------------------------------------


def test_a_settled_page_keeps_a_cheap_title_and_nothing_else() -> None:
    page = (
        b"<html><head><title>Markets wrap | Example News</title>"
        b'<meta property="og:title" content="Stocks &amp; bonds rally"></head>'
        b"<body><article><p>Stocks rose on Tuesday.</p></article></body></html>"
    )
    result = extractors.extract(page, "https://example.org/a", published=None)
    assert result.content.site == gate.GATE_SITE
    assert result.content.title == "Stocks & bonds rally"
    assert result.content.language == "en"
    assert result.content.text == "" and result.content.published is None
    assert result.facts == () and not result.relevant and result.error is None
    assert result.version == extractors.EXTRACTOR_VERSION
    bare = extractors.extract(
        b"<title>\xe8\x82\xa1\xe5\xb8\x82_\xe6\x96\xb0\xe9\x97\xbb\xe7\xbd\x91</title><p>x</p>",
        "https://example.cn/",
    )
    assert bare.content.title in ("股市", "新闻网") and bare.content.language == "zh"
    text = extractors.extract_text("Weather today\nSunny.", "https://example.org/w")
    assert text.content.title == "Weather today" and text.content.site == gate.GATE_SITE


def test_an_unreadable_page_is_still_an_error_not_a_settled_page() -> None:
    result = extractors.extract(b"%PDF-1.4 ...", "https://example.org/a.pdf")
    assert result.error and "binary" in result.error


# -- properties ------------------------------------------------------------------------------

YEARS = st.integers(2006, 2026)
AMOUNTS = st.integers(1_000, 300_000)
EN_SENTENCES = [
    "China set the {y} first batch of rare earth mining quotas at {a:,} tonnes.",
    "Beijing issued {y} tungsten mining quotas of {a:,} t, the ministry said.",
    "The {y} rare earth smelting and separation quota was {a:,} tonnes, up 12% on a year ago.",
    "China cut its {y} rare earth export quota to {a:,} tonnes, sources said.",
    "The antimony mining quota for {y} was kept at {a:,} tonnes.",
    "China Northern Rare Earth got a {y} quota of {a:,} tonnes of light rare earths.",
]
ZH_SENTENCES = [
    "{y}年第一批稀土开采、冶炼分离总量控制指标分别为{a}吨、{b}吨。",
    "{y}年度钨矿开采总量控制指标为{a}吨，其中主采指标{b}吨。",
    "其中北方稀土获得岩矿型开采指标{a}吨。",
    "{y}年稀土出口配额为{a}吨。",
    "{y}年稀土矿产品生产计划为{a}吨。",
]
TO_TRADITIONAL = opencc.OpenCC("s2t")

sentences = st.one_of(
    st.builds(lambda t, y, a: t.format(y=y, a=a), st.sampled_from(EN_SENTENCES), YEARS, AMOUNTS),
    st.builds(
        lambda t, y, a, b: t.format(y=y, a=a, b=b),
        st.sampled_from(ZH_SENTENCES),
        YEARS,
        AMOUNTS,
        AMOUNTS,
    ),
)
# Markup and noise around a story: tags, entities, scripts, other stories, any characters.
junk = st.lists(
    st.one_of(
        st.text(max_size=60),
        st.sampled_from(
            [
                "<div class='related'>",
                "</div>",
                "<p>",
                "</p>",
                "<br>",
                "&nbsp;",
                "&amp;",
                "<script>var q = {a: 1};</script>",
                "<!-- ad -->",
                "Stocks rose 3% on Tuesday.",
                "股市上涨",
                "<a href='/quotable'>Quotable</a>",
                "\\u003c",
                "&#39;",
                "<",
            ]
        ),
    ),
    max_size=12,
).map("".join)


def _tagged(sentence: str, position: int) -> str:
    """A sentence with markup between two of its words (or, in Chinese, anywhere)."""
    gaps = [i for i, ch in enumerate(sentence) if ch == " "] or [position % (len(sentence) + 1)]
    cut = gaps[position % len(gaps)]
    return f"{sentence[:cut]}<b class=x>&nbsp;{sentence[cut:]}</b>"


def _references(sentence: str, every: int) -> str:
    """Some characters written as character references (decimal, hex, or JSON escapes)."""
    out = []
    for index, char in enumerate(sentence):
        if index % every == 0 and not char.isspace():
            form = index % 3
            out.append(
                f"&#{ord(char)};"
                if form == 0
                else f"&#x{ord(char):x};"
                if form == 1
                else f"\\u{ord(char):04x}"
            )
        else:
            out.append(char)
    return "".join(out)


spelled = st.tuples(sentences, st.integers(0, 5), st.integers(0, 400), st.integers(2, 5)).map(
    lambda args: [
        args[0],
        TO_TRADITIONAL.convert(args[0]),
        normalize_wide(args[0]),
        args[0].upper(),
        _tagged(args[0], args[2]),
        _references(args[0], args[3]),
    ][args[1]]
)


@PROPERTY
@given(before=junk, sentence=spelled, after=junk)
def test_a_quota_sentence_passes_whatever_surrounds_it(
    before: str, sentence: str, after: str
) -> None:
    assert gate.passes(before + sentence + after)
    assert gate.passes(f"<html><body>{before}<p>{sentence}</p>{after}</body></html>")


WORDS = [
    *gate.COMMODITY_WORDS_EN, *gate.COMMODITY_WORDS_ZH, *gate.CATEGORY_WORDS_ZH,
    *gate.QUOTA_WORDS_ZH, "quota", "quotas", "light", "ionic clay", "指标", "配额", "mining",
    "smelting", "export", "开采", "冶炼分离",
    "tonnes", "吨", "万吨", "first batch", "第一批", "2024", "2023年", "135,000", "12万",
    "was set at", "分别为", "、", "，", "。", ". ", "\n", "Beijing", "prices", "北方稀土", "MIIT",
]  # fmt: skip
pieces = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)), max_size=40)


@PROPERTY
@given(title=pieces, body=pieces, html=st.booleans())
def test_the_gate_changes_no_facts(title: list[str], body: list[str], html: bool) -> None:
    head, text = " ".join(title), " ".join(body)
    if html:
        page = f"<html><head><title>{head}</title></head><body><p>{text}</p></body></html>"
        gated = extractors.extract(page.encode(), "https://x.org/a")
        full = extractors.extract(page.encode(), "https://x.org/a", gate=False)
    else:
        gated = extractors.extract_text(f"{head}\n{text}", "https://x.org/a")
        full = extractors.extract_text(f"{head}\n{text}", "https://x.org/a", gate=False)
    assert fact_keys(gated) == fact_keys(full)
    if full.relevant:
        assert gated.relevant, "is_relevant accepts what the gate stopped"


@pytest.mark.parametrize("dash", ["-", "\u2010", "\u2011", "\u2013", "\uff0d"])
def test_rare_earth_joined_by_any_dash_passes(dash: str) -> None:
    # reposts write the hyphen as a Unicode or full-width dash; the rules read them all
    assert gate.passes(f"<p>China cut the rare{dash}earth mining quota to 100,000 t.</p>")
    assert not gate.passes(f"<p>A rare{dash}breed of cattle won the show.</p>")
