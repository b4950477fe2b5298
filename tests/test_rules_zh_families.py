"""Chinese wording families the story grammar and the real dev pages showed the rules missing,
and families where a figure's quota type, year or period must be placed from the words around it
or the figure dropped when they cannot place it (precision first); each in several sentences of
our own that vary the family (verbs, order, units, number formats, years, commodities). A fact is
written as its key: (commodity, quota_type, year, period, category, holder, amount).
"""

from __future__ import annotations

from datetime import datetime

import extractors
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


# A figure whose sentence names its type only after it ("较去年的13.2万吨，开采指标有所增加"):
# that type, not the last one of the sentence before.


def test_compared_figure_takes_the_type_named_after_it() -> None:
    text = (
        "今年前两批稀土开采指标累计14万吨,冶炼分离指标累计13.5万吨。"
        "较2019年全年的13.2万吨,开采指标有所增加。"
    )
    assert keys(text, None, datetime(2020, 9, 1)) == {
        (RE, MIN, 2020, "cumulative:2", None, None, 140000),
        (RE, SEP, 2020, "cumulative:2", None, None, 135000),
        (RE, MIN, 2019, "annual", None, None, 132000),
    }


def test_compared_figure_in_tonnes_takes_the_later_type_of_either_kind() -> None:
    text = (
        "2024年首批稀土冶炼分离指标127000吨,开采指标135000吨。"
        "相比2023年首批的115000吨,冶炼分离指标提高约一成。"
    )
    assert keys(text, None, datetime(2024, 3, 1)) == {
        (RE, SEP, 2024, "batch:1", None, None, 127000),
        (RE, MIN, 2024, "batch:1", None, None, 135000),
        (RE, SEP, 2023, "batch:1", None, None, 115000),
    }


def test_figure_before_a_later_type_of_the_next_clause() -> None:
    text = (
        "2021年稀土开采指标16.8万吨,冶炼分离指标16.2万吨。2020年全年为14万吨,今年开采指标明显上调。"
    )
    assert keys(text, None, datetime(2021, 10, 1)) == {
        (RE, MIN, 2021, "annual", None, None, 168000),
        (RE, SEP, 2021, "annual", None, None, 162000),
        (RE, MIN, 2020, "annual", None, None, 140000),
    }


def test_figure_before_two_later_types_cannot_be_placed() -> None:
    text = (
        "今年首批稀土开采指标12万吨,冶炼分离指标11.5万吨。"
        "去年同期为10万吨,开采和冶炼分离指标均有增长。"
    )
    assert keys(text, None, datetime(2023, 3, 1)) == {
        (RE, MIN, 2023, "batch:1", None, None, 120000),
        (RE, SEP, 2023, "batch:1", None, None, 115000),
    }


def test_a_later_type_with_a_figure_of_its_own_leaves_the_one_before_alone() -> None:
    text = "今年首批稀土开采指标13.5万吨。其中北方稀土获得9.458万吨,冶炼分离指标则为8.801万吨。"
    assert (RE, MIN, 2024, "batch:1", None, "china_northern_rare_earth", 94580) in keys(
        text, None, datetime(2024, 3, 1)
    )


# Groups' figures after separate mining and smelting figures, in a sentence that names no type
# ("北方稀土、中国稀土集团分别获得…"): which type is not said, so they are dropped.


def test_groups_after_two_types_without_a_type_of_their_own_are_dropped() -> None:
    text = (
        "2024年第一批稀土开采指标13.5万吨,冶炼分离指标12.7万吨。"
        "北方稀土、中国稀土集团分别获得9.458万吨、4.042万吨。"
    )
    assert keys(text, None, datetime(2024, 3, 1)) == {
        (RE, MIN, 2024, "batch:1", None, None, 135000),
        (RE, SEP, 2024, "batch:1", None, None, 127000),
    }


def test_one_group_among_two_types_in_tonnes_is_dropped() -> None:
    text = (
        "今年首批稀土开采总量控制指标为120000吨,冶炼分离总量控制指标为115000吨。"
        "其中,北方稀土获得80000吨。"
    )
    assert keys(text, None, datetime(2023, 3, 1)) == {
        (RE, MIN, 2023, "batch:1", None, None, 120000),
        (RE, SEP, 2023, "batch:1", None, None, 115000),
    }


def test_groups_on_a_semicolon_after_two_types_are_dropped() -> None:
    text = (
        "2020年第一批稀土开采指标6.6万吨,冶炼分离指标6.35万吨;"
        "北方稀土集团分得4.5万吨,厦门钨业分得3440吨。"
    )
    assert keys(text, None, datetime(2020, 3, 1)) == {
        (RE, MIN, 2020, "batch:1", None, None, 66000),
        (RE, SEP, 2020, "batch:1", None, None, 63500),
    }


def test_groups_after_one_type_keep_it() -> None:
    text = "今年首批稀土开采指标12万吨。北方稀土获得8万吨,中国稀土集团获得4万吨。"
    assert keys(text, None, datetime(2023, 3, 1)) == {
        (RE, MIN, 2023, "batch:1", None, None, 120000),
        (RE, MIN, 2023, "batch:1", None, "china_northern_rare_earth", 80000),
        (RE, MIN, 2023, "batch:1", None, "china_rare_earth_group", 40000),
    }


# An outlet's dateline ("证券时报e公司讯") names no company: the figures after it are the
# nation's, and a "其中" list after them divides them.


def test_outlet_dateline_before_the_national_figure_and_its_parts() -> None:
    text = (
        "证券时报e公司讯,2024年第1批稀土开采总量控制指标为13.5 万吨。"
        "其中,北方稀土获得岩矿型稀土开采指标9.458 万吨。"
    )
    assert keys(text, None, datetime(2024, 3, 8)) == {
        (RE, MIN, 2024, "batch:1", None, None, 135000),
        (RE, MIN, 2024, "batch:1", "light", "china_northern_rare_earth", 94580),
    }


def test_outlet_dateline_with_a_date_before_a_pair_of_figures() -> None:
    text = "e公司3月22日讯,今年第一批稀土开采、冶炼分离总量控制指标分别为120000吨、115000吨。"
    assert keys(text, None, datetime(2023, 3, 22)) == {
        (RE, MIN, 2023, "batch:1", None, None, 120000),
        (RE, SEP, 2023, "batch:1", None, None, 115000),
    }


def test_outlet_dateline_before_a_tungsten_figure() -> None:
    text = "证券时报·e公司讯,自然资源部下达2022年第一批钨矿开采总量控制指标6.3万吨。"
    assert keys(text, None, datetime(2022, 2, 20)) == {
        (TU, MIN, 2022, "batch:1", None, None, 63000),
    }


# A sentence of categories alone after a quota's figures ("轻稀土5.6425万吨，中重稀土0.9575万
# 吨") gives the parts of the mining figure, and leaves the types of the figures before in force
# for a "分别为" after it.


def test_category_sentence_after_a_pair_then_last_years_pair() -> None:
    text = (
        "2020年第一批稀土指标下达:稀土矿开采指标6.6万吨、冶炼分离产品指标6.35万吨。"
        "分类型看,轻稀土(岩矿型)5.6425万吨,中重稀土(离子型)0.9575万吨。"
        "2019年第一批分别为6万吨、5.75万吨。"
    )
    assert keys(text, None, datetime(2020, 3, 20)) == {
        (RE, MIN, 2020, "batch:1", None, None, 66000),
        (RE, SEP, 2020, "batch:1", None, None, 63500),
        (RE, MIN, 2020, "batch:1", "light", None, 56425),
        (RE, MIN, 2020, "batch:1", "medium_heavy", None, 9575),
        (RE, MIN, 2019, "batch:1", None, None, 60000),
        (RE, SEP, 2019, "batch:1", None, None, 57500),
    }


def test_category_sentence_in_tonnes_with_other_category_words() -> None:
    text = (
        "今年全年稀土开采总量控制指标为140000吨,冶炼分离总量控制指标为135000吨。"
        "岩矿型稀土120850吨,离子型稀土19150吨。"
    )
    assert keys(text, None, datetime(2020, 11, 1)) == {
        (RE, MIN, 2020, "annual", None, None, 140000),
        (RE, SEP, 2020, "annual", None, None, 135000),
        (RE, MIN, 2020, "annual", "light", None, 120850),
        (RE, MIN, 2020, "annual", "medium_heavy", None, 19150),
    }


def test_category_sentence_of_tungsten_parts() -> None:
    text = "2020年全年钨精矿开采总量控制指标为10.5万吨。主采7.815万吨,综合利用2.685万吨。"
    assert keys(text, None, datetime(2020, 11, 1)) == {
        (TU, MIN, 2020, "annual", None, None, 105000),
        (TU, MIN, 2020, "annual", "tungsten_primary", None, 78150),
        (TU, MIN, 2020, "annual", "tungsten_byproduct", None, 26850),
    }


def test_category_sentence_of_output_gives_nothing() -> None:
    text = "今年首批稀土开采指标13.5万吨。去年轻稀土产量约20万吨,中重稀土产量约2万吨。"
    assert keys(text, None, datetime(2024, 3, 1)) == {
        (RE, MIN, 2024, "batch:1", None, None, 135000),
    }


# A province's own notice passing its quotas on ("下达我区/我省…"): the province (from the title or
# the issuer) holds its figures, also after the firms one of them goes to ("全部分配给某公司；钨精
# 矿…"); firms and mines are no holders of ours; "本次下达" is the issuance of the title's year.

NM_TITLE = "内蒙古自治区自然资源厅关于下达2024年第一批稀土矿钨矿开采总量控制指标的通知"


def test_own_province_after_the_firm_its_rare_earth_figure_went_to() -> None:
    text = (
        "现将下达我区的2024年第一批稀土矿钨矿开采总量控制指标分解如下。"
        "一、本批下达我区岩矿型稀土开采总量控制指标94580吨,全部分配给某某稀土有限公司;"
        "钨精矿(三氧化钨65%)开采总量控制指标3000吨,其中主采2000吨,综合利用1000吨。"
    )
    p = "province:neimenggu"
    assert keys(text, NM_TITLE, datetime(2024, 3, 21)) == {
        (RE, MIN, 2024, "batch:1", "light", p, 94580),
        (TU, MIN, 2024, "batch:1", None, p, 3000),
        (TU, MIN, 2024, "batch:1", "tungsten_primary", p, 2000),
        (TU, MIN, 2024, "batch:1", "tungsten_byproduct", p, 1000),
    }


def test_own_province_parts_after_the_mines_a_part_went_to() -> None:
    text = (
        "一、2020年我省钨精矿开采总量全年控制指标105000吨,其中主采78150吨,"
        "分配给甲矿业有限公司主采30000吨,乙钨业有限责任公司主采48150吨;"
        "综合利用26850吨,分配给丙矿业公司综合利用26850吨。\n江西省自然资源厅"
    )
    title = "江西省自然资源厅关于下达2020年度钨矿开采总量控制指标的通知"
    p = "province:jiangxi"
    assert keys(text, title, datetime(2020, 9, 1)) == {
        (TU, MIN, 2020, "annual", None, p, 105000),
        (TU, MIN, 2020, "annual", "tungsten_primary", p, 78150),
        (TU, MIN, 2020, "annual", "tungsten_byproduct", p, 26850),
    }


def test_this_issuance_is_of_the_titles_year_after_another_years_clause() -> None:
    text = (
        "一、2023年度稀土矿钨矿开采总量控制指标分两批下达,本次下达我区第一批岩矿型稀土开采总量"
        "控制指标为94580吨;钨精矿开采总量控制指标1200吨。"
    )
    p = "province:neimenggu"
    assert keys(text, NM_TITLE, datetime(2024, 3, 21)) == {
        (RE, MIN, 2024, "batch:1", "light", p, 94580),
        (TU, MIN, 2024, "batch:1", None, p, 1200),
    }


# A bracket after a figure that splits it ("综合利用1000吨（分配800吨，预留200吨）"): the figure
# is still a quota; the reserve inside is not one of ours.


def test_bracket_of_allocated_and_reserved_parts_after_a_province_part() -> None:
    text = (
        "本批下达我区钨精矿开采总量控制指标3000吨,其中主采2000吨,"
        "综合利用1000吨(分配800吨,预留200吨)。"
    )
    p = "province:neimenggu"
    assert keys(text, NM_TITLE, datetime(2024, 3, 21)) == {
        (TU, MIN, 2024, "batch:1", None, p, 3000),
        (TU, MIN, 2024, "batch:1", "tungsten_primary", p, 2000),
        (TU, MIN, 2024, "batch:1", "tungsten_byproduct", p, 1000),
    }


def test_bracket_with_a_reserve_after_a_national_figure() -> None:
    text = "今年第一批稀土开采总量控制指标为13.5万吨(其中预留1.5万吨暂不分配)。"
    assert keys(text, None, datetime(2024, 3, 1)) == {
        (RE, MIN, 2024, "batch:1", None, None, 135000),
    }


def test_output_after_a_bracket_still_is_no_quota() -> None:
    text = (
        "今年首批稀土开采指标13.5万吨。"
        "去年全国稀土开采指标执行良好,全年14万吨(折REO)实际产量已超过计划。"
    )
    assert keys(text, None, datetime(2024, 3, 1)) == {
        (RE, MIN, 2024, "batch:1", None, None, 135000),
    }


# A batch compared with its own year's figure ("前两批配额已突破2010年计划的3万吨"): the year's
# whole quota, not the same batch of the same year.


def test_running_total_compared_with_its_own_years_plan() -> None:
    text = "2010年前两批稀土出口配额合计30258吨,已接近2010年计划总量的3万吨。"
    found = keys(text, None, datetime(2010, 8, 1))
    assert (RE, EXP, 2010, "cumulative:2", None, None, 30258) in found
    assert (RE, EXP, 2010, "cumulative:2", None, None, 30000) not in found


def test_first_batch_beyond_half_of_its_own_years_figure() -> None:
    text = "今年第一批稀土开采指标13.5万吨,超过了今年的24万吨的一半。"
    found = keys(text, None, datetime(2024, 3, 1))
    assert (RE, MIN, 2024, "batch:1", None, None, 135000) in found
    assert (RE, MIN, 2024, "batch:1", None, None, 240000) not in found


def test_batch_compared_with_another_years_batch_keeps_the_batch() -> None:
    text = "2024年第一批稀土开采指标13.5万吨,较2023年第一批的12万吨增长12.5%。"
    assert keys(text, None, datetime(2024, 3, 1)) == {
        (RE, MIN, 2024, "batch:1", None, None, 135000),
        (RE, MIN, 2023, "batch:1", None, None, 120000),
    }


# Two ministries' figures for one quota (2009: MLR's mining quota, MIIT's mine-product plan): each
# is kept with its issuer, and neither contradicts the other.


def _facts(text: str, title: str | None, published: datetime) -> set[tuple]:
    """The facts the whole pipeline keeps (the document's arithmetic included), with issuers."""
    page = f"{title}\n{text}" if title else text
    found = extractors.extract_text(page, "http://example.cn/a", published=published.date())
    return {(f.quota_type, f.year, f.period, f.category, f.amount_t, f.issuer) for f in found.facts}


def test_land_ministry_quota_beside_the_industry_ministry_plan() -> None:
    text = (
        "国土资源部日前下达2009年稀土矿开采总量控制指标82320吨,其中轻稀土72300吨、中重稀土"
        "10020吨。而工业和信息化部下达的2009年稀土矿产品指令性生产计划为119500吨,冶炼分离产品"
        "生产计划为110700吨。"
    )
    found = _facts(text, "国土资源部下达2009年稀土开采总量控制指标", datetime(2009, 8, 3))
    assert ("mining", 2009, "annual", None, 82320, "MLR") in found
    assert ("mining", 2009, "annual", None, 119500, "MIIT") in found
    assert ("mining", 2009, "annual", "light", 72300, "MLR") in found


def test_industry_ministry_plan_first_in_wan_tonnes() -> None:
    text = (
        "工信部下达的2009年稀土矿产品生产计划为11.95万吨。国土部下达的2009年稀土矿开采总量控制"
        "指标则为8.232万吨。"
    )
    found = _facts(text, "2009年稀土生产计划与开采指标", datetime(2009, 9, 1))
    assert ("mining", 2009, "annual", None, 119500, "MIIT") in found
    assert ("mining", 2009, "annual", None, 82320, "MLR") in found


def test_one_ministry_with_two_amounts_for_one_quota_still_contradicts() -> None:
    text = (
        "工信部下达2024年第一批稀土开采总量控制指标13.5万吨。"
        "工信部下达的2024年第一批稀土开采总量控制指标为14.2万吨。"
    )
    found = _facts(text, None, datetime(2024, 3, 1))
    assert not {f for f in found if f[4] == 142000}


# "其中" parts after a sentence with two years' figures ("…2011年…9.38万吨，2010年为8.92万吨。
# 其中，轻稀土矿8.04万吨…"): the whole they sum to is the one they divide.


def test_parts_after_last_years_figure_divide_this_years() -> None:
    text = (
        "国土资源部日前下达2011年稀土矿开采总量控制指标9.38万吨,与上年相比有所调整,2010年为"
        "8.92万吨。其中,轻稀土矿8.04万吨,中重稀土矿1.34万吨。"
    )
    found = _facts(text, "2011年稀土开采总量控制指标下达", datetime(2011, 4, 10))
    assert {f[:5] for f in found} == {
        ("mining", 2011, "annual", None, 93800),
        ("mining", 2010, "annual", None, 89200),
        ("mining", 2011, "annual", "light", 80400),
        ("mining", 2011, "annual", "medium_heavy", 13400),
    }


def test_parts_in_tonnes_after_a_year_before_set_apart_by_whereas() -> None:
    text = "2020年稀土开采指标140000吨,而2019年为132000吨。其中,岩矿型120850吨、离子型19150吨。"
    found = _facts(text, None, datetime(2020, 12, 1))
    assert ("mining", 2020, "annual", "light", 120850) in {f[:5] for f in found}
    assert ("mining", 2019, "annual", None, 132000) in {f[:5] for f in found}


def test_parts_after_an_earlier_years_sentence_divide_the_figure_two_sentences_back() -> None:
    text = (
        "去年全年稀土开采总量控制指标为14万吨,冶炼分离总量控制指标为13.5万吨。"
        "2019年全年开采指标为13.2万吨。其中岩矿型12.085万吨、离子型1.915万吨。"
    )
    found = {f[:5] for f in _facts(text, None, datetime(2021, 5, 18))}
    assert found == {
        ("mining", 2020, "annual", None, 140000),
        ("smelting_separation", 2020, "annual", None, 135000),
        ("mining", 2019, "annual", None, 132000),
        ("mining", 2020, "annual", "light", 120850),
        ("mining", 2020, "annual", "medium_heavy", 19150),
    }


def test_parts_that_sum_to_no_whole_are_not_kept_as_another_years() -> None:
    text = "2020年稀土开采指标140000吨。2019年为132000吨。其中,岩矿型100000吨、离子型10000吨。"
    found = {f[:5] for f in _facts(text, None, datetime(2020, 12, 1))}
    assert ("mining", 2020, "annual", "light", 100000) not in found


# A verb of change then "为" gives the level the quota comes to ("2009年调减为82320吨",
# "下调为"); a noun of change then "为" still gives the change ("增量为1.5万吨").


def test_cut_to_a_level_in_a_history_sentence() -> None:
    text = "我国稀土开采总量控制指标由2006年的86520吨增至2008年的87620吨,2009年调减为82320吨。"
    assert keys(text, None, datetime(2014, 5, 1)) == {
        (RE, MIN, 2006, "annual", None, None, 86520),
        (RE, MIN, 2008, "annual", None, None, 87620),
        (RE, MIN, 2009, "annual", None, None, 82320),
    }


def test_raised_to_a_level_in_wan_tonnes_after_a_comparison() -> None:
    text = "今年全年稀土开采指标较去年增加为25.5万吨,冶炼分离指标下调为24.385万吨。"
    assert keys(text, None, datetime(2023, 12, 1)) == {
        (RE, MIN, 2023, "annual", None, None, 255000),
        (RE, SEP, 2023, "annual", None, None, 243850),
    }


def test_tungsten_lowered_to_a_level_and_a_change_noun_stays_a_change() -> None:
    text = "2020年钨精矿开采总量控制指标减少为10.5万吨。全年增量为零,冶炼指标增量为1.5万吨。"
    assert keys(text, None, datetime(2020, 12, 1)) == {
        (TU, MIN, 2020, "annual", None, None, 105000),
    }


# A clause of nothing but years and amounts before the clause that names their quota ("从2009年的
# 31310吨到2012年的30996吨，出口配额总体保持稳定"): figures of that quota, year by year.

HISTORY_TITLE = "稀土配额十年回顾"


def test_history_from_to_before_the_export_quota_it_is_of() -> None:
    text = "从2009年的31310吨到2012年的30996吨,稀土出口配额总体保持稳定。"
    assert keys(text, HISTORY_TITLE, datetime(2014, 8, 20)) == {
        (RE, EXP, 2009, "annual", None, None, 31310),
        (RE, EXP, 2012, "annual", None, None, 30996),
    }


def test_history_from_to_before_the_mining_quota_in_wan_tonnes() -> None:
    text = "由2006年的8.652万吨到2008年的8.762万吨,稀土开采指标逐年微增。"
    assert keys(text, HISTORY_TITLE, datetime(2014, 8, 20)) == {
        (RE, MIN, 2006, "annual", None, None, 86520),
        (RE, MIN, 2008, "annual", None, None, 87620),
    }


def test_history_of_output_before_a_quota_clause_gives_nothing() -> None:
    for text in (
        "从2009年的31310吨到2012年的30996吨,稀土出口量总体保持稳定。",
        "2009年产量31310吨,出口配额总体保持稳定。",
        "从2009年的3.1万吨到2012年的3万吨,实际出口量远低于出口配额。",
    ):
        assert keys(text, HISTORY_TITLE, datetime(2014, 8, 20)) == set(), text


# "分别" after figures of two types in the same sentence ("…开采指标109200吨，冶炼分离104800吨，
# 加上第一批，全年分别为210000吨和202000吨"): those types, in their order.


def test_respectively_after_two_types_in_the_same_sentence() -> None:
    text = (
        "工信部下达2022年第二批稀土开采指标109200吨,冶炼分离104800吨,加上第一批,"
        "全年分别为210000吨和202000吨。"
    )
    assert keys(text, None, datetime(2022, 7, 20)) == {
        (RE, MIN, 2022, "batch:2", None, None, 109200),
        (RE, SEP, 2022, "batch:2", None, None, 104800),
        (RE, MIN, 2022, "annual", None, None, 210000),
        (RE, SEP, 2022, "annual", None, None, 202000),
    }


def test_respectively_in_wan_tonnes_in_the_other_order_for_last_year() -> None:
    text = "今年首批稀土冶炼分离指标11.5万吨,开采指标12万吨,2022年首批分别为9.72万吨和10.08万吨。"
    assert keys(text, None, datetime(2023, 3, 1)) == {
        (RE, SEP, 2023, "batch:1", None, None, 115000),
        (RE, MIN, 2023, "batch:1", None, None, 120000),
        (RE, SEP, 2022, "batch:1", None, None, 97200),
        (RE, MIN, 2022, "batch:1", None, None, 100800),
    }


def test_respectively_over_holders_after_one_national_type() -> None:
    text = "2024年首批稀土开采指标13.5万吨,北方稀土与中国稀土集团分别获得9.458万吨、4.042万吨。"
    assert keys(text, None, datetime(2024, 3, 1)) == {
        (RE, MIN, 2024, "batch:1", None, None, 135000),
        (RE, MIN, 2024, "batch:1", None, "china_northern_rare_earth", 94580),
        (RE, MIN, 2024, "batch:1", None, "china_rare_earth_group", 40420),
    }


# A figure set against another year's as a share of it ("约为2018年全年指标12万吨的一半"): that
# year's figure, in a scope of its own, so the next sentence's figure is still the batch's.


def test_about_half_of_last_years_figure_does_not_carry_its_year_on() -> None:
    text = "2019年第一批稀土开采指标6万吨,约为2018年全年指标12万吨的一半。冶炼分离指标5.75万吨。"
    assert keys(text, None, datetime(2019, 3, 25)) == {
        (RE, MIN, 2019, "batch:1", None, None, 60000),
        (RE, MIN, 2018, "annual", None, None, 120000),
        (RE, SEP, 2019, "batch:1", None, None, 57500),
    }


def test_only_a_share_of_the_year_before_in_tonnes() -> None:
    text = (
        "今年首批钨精矿开采总量控制指标52500吨,仅为去年全年105000吨的一半。"
        "其中主采39700吨,综合利用12800吨。"
    )
    assert keys(text, None, datetime(2021, 3, 1)) == {
        (TU, MIN, 2021, "batch:1", None, None, 52500),
        (TU, MIN, 2020, "annual", None, None, 105000),
        (TU, MIN, 2021, "batch:1", "tungsten_primary", None, 39700),
        (TU, MIN, 2021, "batch:1", "tungsten_byproduct", None, 12800),
    }
