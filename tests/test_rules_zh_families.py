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


# Tables of a year's batches, rows named by their period ("第一批", "第2批", "首批", "全年合计"),
# with " | " cells or set out with spaces; a header cell may hold a space ("开采 岩矿型").


def test_batch_rows_of_a_table_with_bars() -> None:
    text = (
        "2022年稀土开采、冶炼分离总量控制指标情况如下:\n单位:万吨\n"
        "批次 | 开采 | 冶炼分离\n首批 | 10.08 | 9.72\n第二批 | 10.92 | 10.48\n年度合计 | 21 | 20.2"
    )
    assert keys(text, published=datetime(2023, 1, 5)) == {
        (RE, MIN, 2022, "batch:1", None, None, 100800),
        (RE, MIN, 2022, "batch:2", None, None, 109200),
        (RE, MIN, 2022, "annual", None, None, 210000),
        (RE, SEP, 2022, "batch:1", None, None, 97200),
        (RE, SEP, 2022, "batch:2", None, None, 104800),
        (RE, SEP, 2022, "annual", None, None, 202000),
    }


def test_batch_rows_of_a_table_set_out_with_spaces() -> None:
    text = (
        "去年钨矿开采总量控制指标分批情况:\n单位:吨\n批次 钨精矿\n第1批 62000\n第2批 47000\n"
        "全年 109000\n注:以三氧化钨含量65%计。"
    )
    assert keys(text, published=datetime(2023, 3, 1)) == {
        (TU, MIN, 2022, "batch:1", None, None, 62000),
        (TU, MIN, 2022, "batch:2", None, None, 47000),
        (TU, MIN, 2022, "annual", None, None, 109000),
    }


def test_batch_rows_with_tabs_and_comma_thousands() -> None:
    text = (
        "2019年稀土指标分批次一览:\n批次\t开采指标\t冶炼分离指标\n第一批\t60,000\t57,500\n"
        "第二批\t72,000\t69,500\n全年合计\t132,000\t127,000"
    )
    assert keys(text, published=datetime(2020, 2, 1)) == {
        (RE, MIN, 2019, "batch:1", None, None, 60000),
        (RE, MIN, 2019, "batch:2", None, None, 72000),
        (RE, MIN, 2019, "annual", None, None, 132000),
        (RE, SEP, 2019, "batch:1", None, None, 57500),
        (RE, SEP, 2019, "batch:2", None, None, 69500),
        (RE, SEP, 2019, "annual", None, None, 127000),
    }


def test_group_table_whose_header_cell_holds_a_space() -> None:
    text = (
        "2024年第一批稀土开采、冶炼分离指标分配如下:\n单位:吨\n"
        "集团 开采合计 开采 岩矿型 冶炼分离\n北方稀土 94580 94580 88010\n"
        "中国稀土集团 40420 30280 38990"
    )
    north, creg = "china_northern_rare_earth", "china_rare_earth_group"
    assert keys(text, published=datetime(2024, 3, 1)) == {
        (RE, MIN, 2024, "batch:1", None, north, 94580),
        (RE, MIN, 2024, "batch:1", "light", north, 94580),
        (RE, SEP, 2024, "batch:1", None, north, 88010),
        (RE, MIN, 2024, "batch:1", None, creg, 40420),
        (RE, MIN, 2024, "batch:1", "light", creg, 30280),
        (RE, SEP, 2024, "batch:1", None, creg, 38990),
    }


# A line that only opens a list ("主要省份分配如下：") hands the quota talk on to its rows.


def test_province_rows_after_a_list_opener_line() -> None:
    text = (
        "国土资源部下达2012年钨矿开采总量控制指标8.9万吨。\n主要省份分配如下:\n"
        "江西:3.775 万吨\n湖南:2.31万吨\n广东:3260吨"
    )
    assert keys(text, "2012年钨矿开采指标分省下达", datetime(2012, 5, 1)) == {
        (TU, MIN, 2012, "annual", None, None, 89000),
        (TU, MIN, 2012, "annual", None, "province:jiangxi", 37750),
        (TU, MIN, 2012, "annual", None, "province:hunan", 23100),
        (TU, MIN, 2012, "annual", None, "province:guangdong", 3260),
    }


def test_antimony_province_rows_after_an_opener_without_a_quota_word() -> None:
    text = (
        "今年锑矿开采总量控制指标为10.4万吨。\n分省情况如下:\n湖南省 52000吨\n广西 21000吨\n"
        "云南 10000吨"
    )
    assert keys(text, None, datetime(2013, 6, 1)) == {
        (SB, MIN, 2013, "annual", None, None, 104000),
        (SB, MIN, 2013, "annual", None, "province:hunan", 52000),
        (SB, MIN, 2013, "annual", None, "province:guangxi", 21000),
        (SB, MIN, 2013, "annual", None, "province:yunnan", 10000),
    }


def test_a_list_opener_of_prices_hands_nothing_on() -> None:
    text = (
        "今年钨矿开采总量控制指标为9.1万吨。\n主要产区钨精矿价格如下:\n江西:11万元/吨\n"
        "湖南:10.8万元/吨"
    )
    assert keys(text, None, datetime(2015, 6, 1)) == {(TU, MIN, 2015, "annual", None, None, 91000)}


# Another year's same batch beside a figure ("去年同批", "2019年同一批次", in brackets or not):
# that year's batch, and the year does not carry on to the next line.


def test_same_batch_of_last_year_in_brackets_on_bullet_lines() -> None:
    text = (
        "今年第二批稀土指标:\n- 开采指标:13.5万吨(去年同批:12万吨)\n"
        "- 冶炼分离指标:12.7万吨(去年同批:11.5万吨)"
    )
    assert keys(text, None, datetime(2024, 9, 1)) == {
        (RE, MIN, 2024, "batch:2", None, None, 135000),
        (RE, MIN, 2023, "batch:2", None, None, 120000),
        (RE, SEP, 2024, "batch:2", None, None, 127000),
        (RE, SEP, 2023, "batch:2", None, None, 115000),
    }


def test_same_batch_of_a_named_year_in_one_sentence() -> None:
    text = (
        "2020年首批稀土开采指标66000吨(2019年同一批次为60000吨),冶炼分离指标63500吨"
        "(2019年同一批次为57500吨)。"
    )
    assert keys(text, None, datetime(2020, 3, 20)) == {
        (RE, MIN, 2020, "batch:1", None, None, 66000),
        (RE, MIN, 2019, "batch:1", None, None, 60000),
        (RE, SEP, 2020, "batch:1", None, None, 63500),
        (RE, SEP, 2019, "batch:1", None, None, 57500),
    }


def test_same_batch_after_a_comma_and_a_date_in_brackets_is_no_comparison() -> None:
    text = "今年第一批钨矿开采总量控制指标为6.2万吨(2022年2月下达),上年同批为5.8万吨。"
    assert keys(text, None, datetime(2022, 3, 1)) == {
        (TU, MIN, 2022, "batch:1", None, None, 62000),
        (TU, MIN, 2021, "batch:1", None, None, 58000),
    }


# "分别为" with no types of its own: the types of the sentence before, in its order.


def test_respectively_takes_the_types_of_the_sentence_before() -> None:
    text = (
        "今年首批稀土指标下达:稀土矿开采指标120000吨、冶炼分离产品指标115000吨。"
        "2022年首批分别为100800吨、97200吨。"
    )
    assert keys(text, None, datetime(2023, 3, 1)) == {
        (RE, MIN, 2023, "batch:1", None, None, 120000),
        (RE, SEP, 2023, "batch:1", None, None, 115000),
        (RE, MIN, 2022, "batch:1", None, None, 100800),
        (RE, SEP, 2022, "batch:1", None, None, 97200),
    }


def test_respectively_after_a_semicolon_in_wan_tonnes() -> None:
    text = "今年第二批稀土开采指标13.5万吨,冶炼分离指标12.7万吨;上年第二批分别为12万吨和11.5万吨。"
    assert keys(text, None, datetime(2024, 9, 1)) == {
        (RE, MIN, 2024, "batch:2", None, None, 135000),
        (RE, SEP, 2024, "batch:2", None, None, 127000),
        (RE, MIN, 2023, "batch:2", None, None, 120000),
        (RE, SEP, 2023, "batch:2", None, None, 115000),
    }


def test_respectively_with_numeral_amounts_in_the_other_order() -> None:
    text = (
        "2021年稀土冶炼分离指标十六万二千吨,开采指标十六万八千吨。"
        "2020年分别为十三万五千吨、十四万吨。"
    )
    assert keys(text, None, datetime(2021, 12, 1)) == {
        (RE, SEP, 2021, "annual", None, None, 162000),
        (RE, MIN, 2021, "annual", None, None, 168000),
        (RE, SEP, 2020, "annual", None, None, 135000),
        (RE, MIN, 2020, "annual", None, None, 140000),
    }


def test_respectively_over_holders_does_not_take_the_types_before() -> None:
    text = "今年首批稀土开采指标12万吨。北方稀土与中国稀土分别获得8万吨、4万吨。"
    assert (RE, MIN, 2023, "batch:1", None, None, 120000) in keys(text, None, datetime(2023, 3, 1))
