"""One vocabulary for "is this about a quota": no filter drops what the fact rules read.

Three filters stand before the rules: the page filter (``vocab.is_relevant``), the sources'
listing, feed and search filter (``scraper.sources.is_quota_title``, ``is_quota_entry``) and the
relevance gate (``extractors.gate.passes``). Each must let through every sentence from which the
rules' own tests (tests/test_quotas_en.py, tests/test_quotas_zh.py) get a fact: the sentences
are collected from those modules' source (every string literal), and kept when the rules,
given the sentence alone, read a fact from it. A failure names each sentence a filter drops.

The other side: the 181 real news pages of ``shared/zyte`` (none about quotas) pass none of
the filters; read from the project workspace, never copied, skipped when absent.
"""

from __future__ import annotations

import ast
import gzip
import json
import os
from datetime import datetime
from functools import cache
from pathlib import Path

import pytest

import extractors
from extractors import en, gate, vocab, zh
from extractors.facts import Content
from extractors.normalize import normalize
from scraper.sources import is_quota_entry, is_quota_title

ROOT = Path(__file__).resolve().parent.parent
RULE_TESTS = (ROOT / "tests" / "test_quotas_en.py", ROOT / "tests" / "test_quotas_zh.py")
PUBLISHED = datetime(2024, 2, 8)


def _literals(path: Path) -> list[str]:
    """Every string literal of a module (adjacent literals joined, as Python joins them)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = (
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    )
    return list(dict.fromkeys(text for text in found if len(text.strip()) >= 8))


@cache
def rule_sentences() -> tuple[str, ...]:
    """The rules' test texts from which the rules, reading them alone, get a fact."""
    kept = []
    for path in RULE_TESTS:
        for text in _literals(path):
            content = Content(title=None, published=PUBLISHED, language=None, text=text)
            if zh.find_facts(content) or en.find_facts(content):
                kept.append(text)
    return tuple(kept)


def _dropped(passes: object) -> str:
    assert callable(passes)
    dropped = [text for text in rule_sentences() if not passes(text)]
    return f"{len(dropped)} dropped:\n" + "\n".join(f"  {text!r}" for text in dropped)


def test_the_rules_tests_give_sentences_of_both_languages() -> None:
    """So the tests below prove something: hundreds of sentences, Chinese and English."""
    sentences = rule_sentences()
    chinese = [text for text in sentences if not text.isascii()]
    assert len(sentences) > 300 and len(chinese) > 100 and len(sentences) - len(chinese) > 100


def test_the_page_filter_lets_through_every_sentence_the_rules_read() -> None:
    # a page's title and text reach the filter as the rules read them: normalised, simplified
    message = _dropped(lambda text: vocab.is_relevant("", normalize(text)))
    assert message.startswith("0 dropped"), message
    message = _dropped(lambda text: vocab.is_relevant(normalize(text), ""))  # as a title
    assert message.startswith("0 dropped"), message


def test_the_listing_and_feed_filters_let_through_every_sentence_the_rules_read() -> None:
    message = _dropped(is_quota_title)  # as a headline
    assert message.startswith("0 dropped"), message
    message = _dropped(lambda text: is_quota_entry("", text))  # as a feed entry's summary
    assert message.startswith("0 dropped"), message


def test_the_gate_lets_through_every_sentence_the_rules_read() -> None:
    message = _dropped(gate.passes)
    assert message.startswith("0 dropped"), message
    message = _dropped(lambda text: gate.passes(f"<html><body><p>{text}</p></body></html>"))
    assert message.startswith("0 dropped"), message


# The wordings named when the vocabulary was made one (each the rules read; our sentences).
WORDINGS = [
    "外电称，中国将今年首批稀土开采上限设为12万吨。",
    "冶炼分离限额为11.5万吨，稀土企业须严格执行。",
    "今年稀土开采控制数为14万吨。",
    "稀土开采总量控制目标为14万吨。",
    "工信部下达2014年稀土生产总量控制计划",
    "北方稀土分得开采指标9.458万吨。",
    "The rare earth mining control index was 132,000 tonnes.",
    "The rare earth control indicator for mining was set.",
    "The rare earth control target for mining is 140,000 t.",
    "China raised its rare earth output ceiling.",
    "Beijing raised its rare earth production cap.",
    "The rare earth allocation for 2024 was issued.",
    "The first tranche of rare earth quotas came out.",
    "The tungsten concentrate output limitation for 2013 is 89,000 tons.",
    "China Northern Rare Earth was allotted 94,580 tonnes.",
    "The first-batch quotas came to 135kt TREO for mining.",
]


@pytest.mark.parametrize("text", WORDINGS)
def test_each_named_wording_passes_every_filter(text: str) -> None:
    assert vocab.is_relevant("", text)
    assert is_quota_title(text)
    assert gate.passes(text)


# -- the gate and the page filter agree --------------------------------------------------------


def _words_standing_for_a_commodity() -> list[str]:
    words = [alias for aliases in vocab.COMMODITIES.values() for alias in aliases]
    words += [alias for aliases in vocab.CATEGORIES.values() for alias in aliases]
    words += [alias for aliases in vocab.COMPANIES.values() for alias in aliases]
    return words


def test_the_gate_passes_whatever_the_page_filter_accepts_of_the_vocabulary() -> None:
    """Each commodity, category and company beside each quota cue: where ``is_relevant`` says
    yes, the gate does too (a Chinese ore kind beside an English cue, "离子型 quota", was
    stopped by the gate, which asked for a Chinese quota word)."""
    disagree = [
        text
        for word in _words_standing_for_a_commodity()
        for cue in vocab.QUOTA_CUES
        for text in (f"{word} {cue}", f"{cue}: {word}")
        if vocab.is_relevant("", text) and not gate.passes(text)
    ]
    assert not disagree, disagree[:20]
    assert vocab.is_relevant("", "离子型 quota") and gate.passes("离子型 quota")


def test_a_share_move_of_a_quota_holder_is_not_about_quotas() -> None:
    title = "China Northern Rare Earth shares hit daily limit on export curb bets"
    assert not vocab.is_relevant(title, "") and not is_quota_title(title)
    assert vocab.is_relevant("", "China Northern Rare Earth's output limit was raised.")


def test_english_categories_alone_are_not_a_commodity() -> None:
    """ "ionic", "light" never stand alone in a quota statement (the gate ignores them too)."""
    for text in ("light vehicle quota", "ionic clay quota", "a hard rock quota", "by-product caps"):
        assert not vocab.is_relevant("", text), text
        assert not gate.passes(text), text
    assert vocab.is_relevant("", "light rare earth quota")


def test_a_company_stands_for_the_commodity_its_name_holds() -> None:
    assert vocab.is_relevant("", "北方稀土获得开采指标9.458万吨。")
    assert vocab.is_relevant("", "Xiamen Tungsten got a quota of 3,000 t.")
    assert not vocab.is_relevant("", "Chinalco got an aluminium production quota.")
    assert not vocab.is_relevant("", "Minmetals announced its allocation plans.")


def test_a_feed_entry_in_traditional_characters_passes() -> None:
    assert is_quota_entry("2016年鎢礦開採總量控制指標下達", "")
    assert is_quota_entry("", "自然資源部下達2016年鎢礦開採總量控制指標。")
    assert not is_quota_entry("稀土價格上漲", "氧化鐠釹價格上漲3%。")


# -- real news pages not about quotas ----------------------------------------------------------


def _zyte_folder() -> Path | None:
    """``$QUOTAS_ZYTE``, else ``shared/zyte`` beside the project or beside its worktree folder."""
    named = os.environ.get("QUOTAS_ZYTE")
    candidates = [Path(named)] if named else [p / "shared" / "zyte" for p in ROOT.parents[:2]]
    return next((c for c in candidates if (c / "ground-truth.json").is_file()), None)


ZYTE = _zyte_folder()


@pytest.mark.skipif(ZYTE is None, reason="no shared/zyte pages here")
def test_real_news_pages_not_about_quotas_pass_no_filter() -> None:
    assert ZYTE is not None
    truth = json.loads((ZYTE / "ground-truth.json").read_text(encoding="utf-8"))
    read = 0
    passed = []
    for page_id in sorted(truth):
        file = ZYTE / f"{page_id}.html.gz"
        if not file.is_file():
            continue
        url = truth[page_id]["url"]
        result = extractors.extract(gzip.decompress(file.read_bytes()), url, gate=False)
        title, text = result.content.title or "", result.content.text
        read += 1
        if vocab.is_relevant(title, text) or is_quota_entry(title, text):
            passed.append(f"{url}: page filter")
        if is_quota_title(title):
            passed.append(f"{url}: listing filter ({title!r})")
    assert read >= 150, f"only {read} pages read from {ZYTE}"
    assert not passed, passed
