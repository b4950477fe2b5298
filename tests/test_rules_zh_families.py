"""Chinese wording families the story grammar showed the rules missing, each in several
sentences of our own that vary the family (verbs, order, units, number formats, years,
commodities). A fact is written as its key: (commodity, quota_type, year, period, category,
holder, amount).
"""

from __future__ import annotations

from datetime import datetime

from extractors import zh
from extractors.facts import Content

RE, TU, SB = "rare_earth", "tungsten", "antimony"
MIN, SEP, EXP = "mining", "smelting_separation", "export"


def keys(text: str, title: str | None = None, published: datetime | None = None) -> set[tuple]:
    content = Content(title=title, published=published, language="zh", text=text)
    found = zh.find_facts(content)
    for fact in found:
        assert text[fact.span[0] : fact.span[1]] == fact.evidence, fact
    return {
        (f.commodity, f.quota_type, f.year, f.period, f.category, f.holder, f.amount_t)
        for f in found
    }


# Years in Chinese numerals ("二〇二三年", "二零一七年度"), read as the year they name, not
# replaced by the publication date's.


def test_numeral_year_in_a_sentence_is_the_quota_year() -> None:
    text = "二〇二三年全年稀土开采总量控制指标为25.5万吨,冶炼分离总量控制指标为243850吨。"
    assert keys(text, published=datetime(2024, 5, 3)) == {
        (RE, MIN, 2023, "annual", None, None, 255000),
        (RE, SEP, 2023, "annual", None, None, 243850),
    }


def test_numeral_year_with_numeral_amounts_and_a_production_plan() -> None:
    text = (
        "工信部日前下达二零一六年稀土生产总量控制计划,其中稀土矿产品生产总量控制计划为十万五千吨,"
        "冶炼分离产品生产总量控制计划为十万吨。"
    )
    assert keys(text, published=datetime(2016, 8, 1)) == {
        (RE, MIN, 2016, "annual", None, None, 105000),
        (RE, SEP, 2016, "annual", None, None, 100000),
    }


def test_numeral_year_of_a_comparison_batch() -> None:
    text = (
        "今年第二批钨矿开采总量控制指标为4.5万吨。二〇二一年第二批钨矿开采总量控制指标为"
        "四万三千吨。"
    )
    assert keys(text, published=datetime(2022, 9, 20)) == {
        (TU, MIN, 2022, "batch:2", None, None, 45000),
        (TU, MIN, 2021, "batch:2", None, None, 43000),
    }


def test_numeral_year_in_the_title_gives_the_year() -> None:
    title = "二〇一二年锑矿开采总量控制指标下达"
    text = "国土资源部下达锑矿开采总量控制指标5万吨。"
    assert keys(text, title, datetime(2012, 6, 1)) == {(SB, MIN, 2012, "annual", None, None, 50000)}
