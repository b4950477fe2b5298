"""The Chinese fact rules, one phrasing family per test, in our own sentences.

A fact is written as its key: (commodity, quota_type, year, period, category, holder, amount).
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import extract_text, zh
from extractors.facts import Content, QuotaFact

NOTICE_2024_1 = "工业和信息化部 自然资源部关于下达2024年第一批稀土开采、冶炼分离总量控制指标的通知"
NOTICE_2022_2 = "工业和信息化部 自然资源部关于下达2022年第二批稀土开采、冶炼分离总量控制指标的通知"
NOTICE_2021 = "工业和信息化部 自然资源部关于下达2021年稀土开采、冶炼分离总量控制指标的通知"
NOTICE_MNR_2020 = "自然资源部关于下达2020年度稀土矿钨矿开采总量控制指标的通知"

RE, TU, SB = "rare_earth", "tungsten", "antimony"
MIN, SEP, EXP = "mining", "smelting_separation", "export"
NORTH, CREG = "china_northern_rare_earth", "china_rare_earth_group"


def read(
    text: str,
    title: str | None = None,
    published: datetime | None = datetime(2024, 2, 6, 16, 30),
    doc_number: str | None = None,
) -> list[QuotaFact]:
    content = Content(
        title=title, published=published, language="zh", text=text, doc_number=doc_number
    )
    found = zh.find_facts(content)
    for fact in found:
        assert text[fact.span[0] : fact.span[1]] == fact.evidence, fact
    return found


def keys(
    text: str, title: str | None = None, published: datetime | None = datetime(2024, 2, 6, 16, 30)
) -> set[tuple[object, ...]]:
    return {
        (f.commodity, f.quota_type, f.year, f.period, f.category, f.holder, f.amount_t)
        for f in read(text, title, published)
    }


# Paired figures: the types named before 分别为 map in order onto the numbers.


def test_respectively_maps_types_onto_numbers_and_title_gives_year_and_batch() -> None:
    text = "一、第一批稀土开采、冶炼分离总量控制指标分别为135000吨、127000吨。"
    assert keys(text, NOTICE_2024_1) == {
        (RE, MIN, 2024, "batch:1", None, None, 135000),
        (RE, SEP, 2024, "batch:1", None, None, 127000),
    }


def test_respectively_in_the_other_order() -> None:
    text = "2024年第一批稀土冶炼分离、开采总量控制指标分别为127000吨和135000吨。"
    assert keys(text, NOTICE_2024_1) == {
        (RE, SEP, 2024, "batch:1", None, None, 127000),
        (RE, MIN, 2024, "batch:1", None, None, 135000),
    }


def test_shared_unit_at_the_end_of_a_list() -> None:
    text = "今年第一批稀土开采、冶炼分离指标分别为13.5万、12.7万吨。"
    assert keys(text, "稀土指标出炉") == {
        (RE, MIN, 2024, "batch:1", None, None, 135000),
        (RE, SEP, 2024, "batch:1", None, None, 127000),
    }


def test_sentence_year_and_batch_override_the_title() -> None:
    text = "2022年第二批稀土开采、冶炼分离总量控制指标分别为109200吨、104800吨。"
    assert keys(text, NOTICE_2024_1) == {
        (RE, MIN, 2022, "batch:2", None, None, 109200),
        (RE, SEP, 2022, "batch:2", None, None, 104800),
    }


# Running totals and whole years.


def test_first_two_batches_combined_is_cumulative_2() -> None:
    text = "2022年前两批稀土开采、冶炼分离总量控制指标分别为210000吨、202000吨"
    assert keys(text, NOTICE_2022_2, datetime(2022, 7, 28)) == {
        (RE, MIN, 2022, "cumulative:2", None, None, 210000),
        (RE, SEP, 2022, "cumulative:2", None, None, 202000),
    }


def test_a_following_total_sentence_reuses_the_types() -> None:
    text = (
        "2022年第二批稀土开采、冶炼分离总量控制指标分别为109200吨、104800吨。"
        "前两批合计分别为210000吨、202000吨。"
    )
    assert keys(text, NOTICE_2022_2, datetime(2022, 7, 28)) == {
        (RE, MIN, 2022, "batch:2", None, None, 109200),
        (RE, SEP, 2022, "batch:2", None, None, 104800),
        (RE, MIN, 2022, "cumulative:2", None, None, 210000),
        (RE, SEP, 2022, "cumulative:2", None, None, 202000),
    }


def test_year_and_full_year_are_annual() -> None:
    text = (
        "2024年第二批稀土开采、冶炼分离总量控制指标分别为135000吨、127000吨；"
        "2024年全年稀土开采、冶炼分离总量控制指标分别为270000吨、254000吨。"
        "2023年度稀土开采总量控制指标为255000吨。"
    )
    title = "关于下达2024年第二批稀土开采、冶炼分离总量控制指标的通知"
    assert keys(text, title, datetime(2024, 8, 19)) == {
        (RE, MIN, 2024, "batch:2", None, None, 135000),
        (RE, SEP, 2024, "batch:2", None, None, 127000),
        (RE, MIN, 2024, "annual", None, None, 270000),
        (RE, SEP, 2024, "annual", None, None, 254000),
        (RE, MIN, 2023, "annual", None, None, 255000),
    }


def test_including_the_first_batch_makes_an_annual_notice_figure_annual() -> None:
    text = (
        "2021年稀土开采、冶炼分离总量控制指标分别为168000吨、162000吨"
        "（含已下达的第一批指标84000吨、81000吨）。"
    )
    assert keys(text, NOTICE_2021, datetime(2021, 9, 30)) == {
        (RE, MIN, 2021, "annual", None, None, 168000),
        (RE, SEP, 2021, "annual", None, None, 162000),
        (RE, MIN, 2021, "batch:1", None, None, 84000),
        (RE, SEP, 2021, "batch:1", None, None, 81000),
    }


def test_including_the_first_batch_makes_a_second_batch_figure_cumulative() -> None:
    text = "2023年第二批稀土开采、冶炼分离总量控制指标分别为240000吨、230000吨（均含第一批指标）。"
    title = "关于下达2023年第二批稀土开采、冶炼分离总量控制指标的通知"
    assert keys(text, title, datetime(2023, 9, 20)) == {
        (RE, MIN, 2023, "cumulative:2", None, None, 240000),
        (RE, SEP, 2023, "cumulative:2", None, None, 230000),
    }


def test_not_including_the_first_batch_keeps_the_batch_alone() -> None:
    text = (
        "2023年第二批稀土开采、冶炼分离总量控制指标分别为120000吨、115000吨"
        "（不含已下达的第一批指标）。"
    )
    title = "关于下达2023年第二批稀土开采、冶炼分离总量控制指标的通知"
    assert keys(text, title, datetime(2023, 9, 20)) == {
        (RE, MIN, 2023, "batch:2", None, None, 120000),
        (RE, SEP, 2023, "batch:2", None, None, 115000),
    }


# Categories.


def test_category_split_after_a_total() -> None:
    text = (
        "2020年稀土开采总量控制指标为140000吨，其中岩矿型稀土矿（以轻稀土为主）指标120850吨，"
        "离子型稀土矿（以中重稀土为主）指标19150吨。"
    )
    assert keys(text, NOTICE_2021.replace("2021", "2020"), datetime(2020, 5, 1)) == {
        (RE, MIN, 2020, "annual", None, None, 140000),
        (RE, MIN, 2020, "annual", "light", None, 120850),
        (RE, MIN, 2020, "annual", "medium_heavy", None, 19150),
    }


def test_category_split_in_its_own_sentence_continues_the_previous_one() -> None:
    text = (
        "一、2024年第一批稀土开采、冶炼分离总量控制指标分别为135000吨、127000吨。"
        "其中，岩矿型稀土矿（以轻稀土为主）指标124860吨，离子型稀土矿（以中重稀土为主）指标10140吨。"
    )
    found = keys(text, NOTICE_2024_1)
    assert (RE, MIN, 2024, "batch:1", "light", None, 124860) in found
    assert (RE, MIN, 2024, "batch:1", "medium_heavy", None, 10140) in found
    assert len(found) == 4


# Per-group allocations.


def test_worked_example_northern_rock_type_in_wan_tonnes() -> None:
    assert keys("其中北方稀土获得岩矿型开采指标9.458万吨", NOTICE_2024_1) == {
        (RE, MIN, 2024, "batch:1", "light", NORTH, 94580)
    }


def test_group_obtains_mining_and_smelting_quota_written_after_the_amount() -> None:
    text = (
        "中国稀土集团获得40420吨开采指标（其中岩矿型30280吨、离子型10140吨）、38990吨冶炼分离指标；"
        "北方稀土获得94580吨开采指标、88010吨冶炼指标。"
    )
    assert keys(text, NOTICE_2024_1) == {
        (RE, MIN, 2024, "batch:1", None, CREG, 40420),
        (RE, MIN, 2024, "batch:1", "light", CREG, 30280),
        (RE, MIN, 2024, "batch:1", "medium_heavy", CREG, 10140),
        (RE, SEP, 2024, "batch:1", None, CREG, 38990),
        (RE, MIN, 2024, "batch:1", None, NORTH, 94580),
        (RE, SEP, 2024, "batch:1", None, NORTH, 88010),
    }


def test_group_quota_in_wan_tonnes_from_financial_news() -> None:
    text = "从集团分配看，北方稀土开采指标9.458万吨，中国稀土集团开采指标4.042万吨。"
    assert keys(text, "2024年第一批稀土指标下达") == {
        (RE, MIN, 2024, "batch:1", None, NORTH, 94580),
        (RE, MIN, 2024, "batch:1", None, CREG, 40420),
    }


def test_respectively_over_groups() -> None:
    text = "北方稀土、中国稀土集团分别获得开采指标94580吨、40420吨。"
    assert keys(text, NOTICE_2024_1) == {
        (RE, MIN, 2024, "batch:1", None, NORTH, 94580),
        (RE, MIN, 2024, "batch:1", None, CREG, 40420),
    }


def test_national_total_after_group_figures_has_no_holder() -> None:
    text = "北方稀土获得开采指标94580吨，全国第一批开采指标合计135000吨。"
    assert keys(text, NOTICE_2024_1) == {
        (RE, MIN, 2024, "batch:1", None, NORTH, 94580),
        (RE, MIN, 2024, "batch:1", None, None, 135000),
    }


# Tables as content.py hands them on.


def test_group_table_with_one_header_row() -> None:
    text = (
        "附件：2024年第一批稀土开采、冶炼分离总量控制指标表\n"
        "集团 | 岩矿型稀土（轻） | 离子型稀土（中重） | 冶炼分离\n"
        "中国北方稀土（集团）高科技股份有限公司 | 94580 | 0 | 88010\n"
        "中国稀土集团有限公司 | 30280 | 10140 | 38990\n"
        "合计 | 124860 | 10140 | 127000"
    )
    assert keys(text, NOTICE_2024_1) == {
        (RE, MIN, 2024, "batch:1", "light", NORTH, 94580),
        (RE, SEP, 2024, "batch:1", None, NORTH, 88010),
        (RE, MIN, 2024, "batch:1", "light", CREG, 30280),
        (RE, MIN, 2024, "batch:1", "medium_heavy", CREG, 10140),
        (RE, SEP, 2024, "batch:1", None, CREG, 38990),
        (RE, MIN, 2024, "batch:1", "light", None, 124860),
        (RE, MIN, 2024, "batch:1", "medium_heavy", None, 10140),
        (RE, SEP, 2024, "batch:1", None, None, 127000),
    }


def test_group_table_with_spanning_header_serial_column_and_subtotal() -> None:
    text = (
        "单位：万吨\n"
        "序号 | 稀土集团 | 开采指标 | | | 冶炼分离指标\n"
        "| | 岩矿型 | 离子型 | 小计 |\n"
        "1 | 中国稀土集团 | 3.028 | 1.014 | 4.042 | 3.899\n"
    )
    assert keys(text, NOTICE_2024_1) == {
        (RE, MIN, 2024, "batch:1", "light", CREG, 30280),
        (RE, MIN, 2024, "batch:1", "medium_heavy", CREG, 10140),
        (RE, MIN, 2024, "batch:1", None, CREG, 40420),
        (RE, SEP, 2024, "batch:1", None, CREG, 38990),
    }


def test_table_evidence_is_the_row() -> None:
    text = "集团 | 开采 | 冶炼分离\n北方稀土 | 94580 | 88010"
    found = read(text, NOTICE_2024_1)
    assert {f.evidence for f in found} == {"北方稀土 | 94580 | 88010"}


def test_table_of_years() -> None:
    text = "年份 | 开采指标 | 冶炼分离指标\n2019年 | 132000 | 127000\n2020年 | 140000 | 135000"
    assert keys(text, "稀土总量控制指标历年一览") == {
        (RE, MIN, 2019, "annual", None, None, 132000),
        (RE, SEP, 2019, "annual", None, None, 127000),
        (RE, MIN, 2020, "annual", None, None, 140000),
        (RE, SEP, 2020, "annual", None, None, 135000),
    }


def test_unknown_holders_and_tables_without_quota_columns_yield_nothing() -> None:
    text = "企业 | 开采\n某某矿业 | 5000\n\n年份 | 产量 | 价格\n2023 | 240000 | 450000"
    assert keys(text, NOTICE_2024_1) == set()


# Tungsten and antimony, provinces (MNR / MLR).


def test_tungsten_main_and_byproduct() -> None:
    text = (
        "钨精矿（三氧化钨含量65%）开采总量控制指标52500吨，"
        "其中主采指标39075吨，综合利用指标13425吨。"
    )
    found = read(text, NOTICE_MNR_2020, datetime(2020, 3, 25))
    assert {(f.commodity, f.category, f.amount_t, f.period, f.year) for f in found} == {
        (TU, None, 52500, "annual", 2020),
        (TU, "tungsten_primary", 39075, "annual", 2020),
        (TU, "tungsten_byproduct", 13425, "annual", 2020),
    }
    assert all(f.quota_type == MIN and f.change_pct is None for f in found)
    assert {f.issuer for f in found} == {"MNR"}


def test_province_sentences_and_tables() -> None:
    text = (
        "2020年第一批稀土矿开采总量控制指标66000吨，其中内蒙古自治区45000吨，四川省8700吨。\n"
        "省（区） | 钨精矿开采总量控制指标 | 其中：主采 | 综合利用\n"
        "江西 | 21000 | 17000 | 4000\n"
        "湖南 | 12000 | 8000 | 4000"
    )
    title = "自然资源部关于下达2020年第一批稀土矿钨矿开采总量控制指标的通知"
    assert keys(text, title, datetime(2020, 3, 25)) == {
        (RE, MIN, 2020, "batch:1", None, None, 66000),
        (RE, MIN, 2020, "batch:1", None, "province:neimenggu", 45000),
        (RE, MIN, 2020, "batch:1", None, "province:sichuan", 8700),
        (TU, MIN, 2020, "batch:1", None, "province:jiangxi", 21000),
        (TU, MIN, 2020, "batch:1", "tungsten_primary", "province:jiangxi", 17000),
        (TU, MIN, 2020, "batch:1", "tungsten_byproduct", "province:jiangxi", 4000),
        (TU, MIN, 2020, "batch:1", None, "province:hunan", 12000),
        (TU, MIN, 2020, "batch:1", "tungsten_primary", "province:hunan", 8000),
        (TU, MIN, 2020, "batch:1", "tungsten_byproduct", "province:hunan", 4000),
    }


def test_antimony_and_issuer_mlr() -> None:
    text = "2012年锑矿开采总量控制指标为100000吨。"
    found = read(
        text, "国土资源部关于下达2012年钨矿锑矿开采总量控制指标的通知", datetime(2012, 4, 1)
    )
    assert [(f.commodity, f.quota_type, f.year, f.period, f.amount_t) for f in found] == [
        (SB, MIN, 2012, "annual", 100000)
    ]
    assert found[0].issuer == "MLR"


# Older wording.


def test_production_plan_with_mine_products_and_smelting_products() -> None:
    text = (
        "一、2018年稀土开采、生产总量控制计划为：稀土矿产品（折稀土氧化物，下同）120000吨，"
        "冶炼分离产品115000吨。"
    )
    title = "工业和信息化部 国土资源部关于下达2018年度稀土开采、生产总量控制计划的通知"
    assert keys(text, title, datetime(2018, 2, 12)) == {
        (RE, MIN, 2018, "annual", None, None, 120000),
        (RE, SEP, 2018, "annual", None, None, 115000),
    }


def test_export_quota() -> None:
    text = "商务部公布2012年第一批稀土出口配额，共计21226吨。"
    found = read(text, "商务部下达稀土出口配额", datetime(2011, 12, 27))
    assert [(f.quota_type, f.year, f.period, f.amount_t, f.issuer) for f in found] == [
        (EXP, 2012, "batch:1", 21226, "MOFCOM")
    ]


# News wording, status and stated change.


def test_financial_news_reported_with_change() -> None:
    text = "据悉，2024年第一批稀土开采指标为13.5万吨，同比增长12.5%。"
    found = read(text, "稀土开采指标出炉", datetime(2024, 2, 7))
    assert len(found) == 1
    fact = found[0]
    assert (fact.year, fact.period, fact.amount_t, fact.change_pct) == (
        2024,
        "batch:1",
        135000,
        12.5,
    )
    assert fact.status == "reported"


def test_sources_make_a_figure_reported_and_comparisons_are_facts_of_their_year() -> None:
    text = "据知情人士透露，今年第一批稀土开采指标为13.5万吨，较去年同期的12万吨增长12.5%。"
    found = read(text, "消息：稀土指标", datetime(2025, 3, 1))
    assert {(f.year, f.period, f.amount_t, f.change_pct) for f in found} == {
        (2025, "batch:1", 135000, 12.5),
        (2024, "batch:1", 120000, None),
    }
    assert {f.status for f in found} == {"reported"}


def test_news_quoting_the_notice_is_official_and_falling_change_is_negative() -> None:
    text = "工信部官网发布通知，2025年第一批稀土冶炼分离指标为12万吨，同比下降5.5%。"
    found = read(text, "稀土", datetime(2025, 3, 1))
    assert [(f.quota_type, f.amount_t, f.status, f.issuer, f.change_pct) for f in found] == [
        (SEP, 120000, "official", "MIIT", -5.5)
    ]


def test_notice_with_a_document_number_is_official() -> None:
    found = read(
        "第一批稀土开采总量控制指标为135000吨。", "稀土", doc_number="工信部联原〔2024〕25号"
    )
    assert [(f.status, f.issuer) for f in found] == [("official", "MIIT")]


def test_comparison_without_its_own_year_or_batch_is_not_a_fact() -> None:
    text = "2024年第一批稀土开采指标为13.5万吨，高于此前市场预期的12.5万吨。"
    assert keys(text, "稀土", datetime(2024, 2, 7)) == {
        (RE, MIN, 2024, "batch:1", None, None, 135000)
    }


def test_a_different_year_without_batch_in_news_is_that_whole_year() -> None:
    text = "今年第一批稀土开采指标13.5万吨，2023年稀土开采指标为25.5万吨。"
    assert keys(text, "稀土", datetime(2024, 2, 7)) == {
        (RE, MIN, 2024, "batch:1", None, None, 135000),
        (RE, MIN, 2023, "annual", None, None, 255000),
    }


# Evidence.


def test_evidence_is_the_sentence_and_span_points_at_it() -> None:
    text = (
        "为加强管理，现将指标下达给你们。\n"
        "一、第一批稀土开采总量控制指标为135000吨；冶炼分离总量控制指标为127000吨。"
    )
    found = read(text, NOTICE_2024_1)
    assert [f.evidence for f in found] == [
        "一、第一批稀土开采总量控制指标为135000吨；",
        "冶炼分离总量控制指标为127000吨。",
    ]
    assert found[0].span[0] == text.index("一、")


def test_full_width_digits_and_punctuation() -> None:
    text = (
        "２０２４年第一批稀土开采、冶炼分离总量控制指标分别为１３５，０００吨、１２７，０００吨。"
    )
    assert keys(text, NOTICE_2024_1) == {
        (RE, MIN, 2024, "batch:1", None, None, 135000),
        (RE, SEP, 2024, "batch:1", None, None, 127000),
    }


def test_notice_fact_carries_signing_date_as_announced() -> None:
    content = Content(
        title=NOTICE_2024_1,
        published=datetime(2024, 2, 6),
        language="zh",
        text="第一批稀土开采总量控制指标为135000吨。",
        signed=date(2024, 2, 2),
    )
    assert [f.announced for f in zh.find_facts(content)] == [date(2024, 2, 2)]


# Precision: numbers that are not quotas.


@pytest.mark.parametrize(
    "text",
    [
        "2023年稀土价格为45万元/吨，氧化镨钕均价上涨3%。",
        "2023年我国稀土产量为24万吨，稀土开采指标执行率较高。",
        "2023年稀土出口量为5.2万吨，同比增长12%。",
        "稀土开采指标增加1.5万吨。",
        "稀土开采指标超过10万吨。",
        "美国对稀土产品加征25%关税，涉及金额约3万吨当量。",
        "联系电话：010-68205219，稀土开采总量控制指标见附件。",
        "工信部联原〔2024〕25号 稀土开采总量控制指标。2024年2月2日",
        "公司稀土冶炼分离产能为5000吨/年，开采指标另行下达。",
        "离子型稀土矿指标7660万吨。",
        "稀土开采总量控制指标为5吨。",
        "北方稀土2023年实现营收340亿元，稀土开采指标占全国的70%。",
        "稀土储量为4400万吨，开采指标逐年提高。",
        "稀土开采总量控制指标执行良好，全年实际开采14.2万吨。",
        "市场预计今年稀土开采指标将增至30万吨左右。",
        "据测算，2025年稀土开采指标约为29.7万吨。",
        "今年萤石开采总量控制指标为500万吨，稀土开采指标另行下达。",
        "北方稀土今年获得碳排放配额12万吨，开采指标另行下达。",
        "某公司计划今年采购稀土原料3万吨，开采指标另行下达。",
    ],
)
def test_hard_negatives_yield_nothing(text: str) -> None:
    assert read(text, NOTICE_2024_1) == []


def test_worked_example_from_facts_md_in_chinese() -> None:
    text = "2022年前两批稀土开采、冶炼分离总量控制指标分别为210000吨、202000吨"
    assert keys(text, "稀土", datetime(2021, 3, 2)) == {
        (RE, MIN, 2022, "cumulative:2", None, None, 210000),
        (RE, SEP, 2022, "cumulative:2", None, None, 202000),
    }


def test_english_text_is_left_to_the_english_rules() -> None:
    text = "Beijing set this year's first batch of rare earth mining quotas at 84,000 tonnes."
    assert read(text, "Rare earth quotas", datetime(2021, 3, 2)) == []


def test_traditional_characters_read_like_simplified_with_spans_on_the_original() -> None:
    text = "二、2023年第一批稀土開採、冶煉分離總量控制指標分別為120000噸、115000噸。"
    title = "關於下達2023年第一批稀土開採、冶煉分離總量控制指標的通知"
    found = read(text, title, datetime(2023, 3, 24))
    assert {(f.quota_type, f.year, f.period, f.amount_t, f.status) for f in found} == {
        (MIN, 2023, "batch:1", 120000, "official"),
        (SEP, 2023, "batch:1", 115000, "official"),
    }
    assert found[0].evidence == text


def test_first_batch_and_halves_in_news_wording() -> None:
    text = "今年首批稀土开采指标为13.5万吨。2012年上半年稀土出口配额为10546吨，下半年为20650吨。"
    assert keys(text, "稀土", datetime(2024, 2, 7)) == {
        (RE, MIN, 2024, "batch:1", None, None, 135000),
        (RE, EXP, 2012, "batch:1", None, None, 10546),
        (RE, EXP, 2012, "batch:2", None, None, 20650),
    }


def test_a_part_larger_than_its_national_total_is_dropped_as_a_typo() -> None:
    text = (
        "2024年第一批稀土开采总量控制指标为135000吨，其中岩矿型稀土矿指标124860吨，"
        "离子型稀土矿指标166000吨。"
    )
    assert keys(text, NOTICE_2024_1) == {
        (RE, MIN, 2024, "batch:1", None, None, 135000),
        (RE, MIN, 2024, "batch:1", "light", None, 124860),
    }


def test_a_figure_of_an_unnamed_company_is_not_the_national_one() -> None:
    text = "公司收到2024年第一批稀土开采总量控制指标，其中稀土矿产品5000吨。"
    assert keys(text, "上市公司公告") == set()
    # the company a text speaks of, by no name: the group named last (an announcement's issuer)
    text = (
        "公司收到2024年第一批稀土开采总量控制指标，其中稀土矿产品5000吨。"
        "北方稀土（600111）公告，公司获得稀土矿产品94580吨、冶炼分离产品88010吨。"
    )
    assert keys(text, "上市公司公告") == {
        (RE, MIN, 2024, "batch:1", None, NORTH, 94580),
        (RE, SEP, 2024, "batch:1", None, NORTH, 88010),
    }
    text = "近日，本公司收到两部门下达的2024年第一批指标：开采指标94580吨。"
    assert keys(text, "北方稀土：关于获得稀土指标的公告", datetime(2024, 2, 7)) == {
        (RE, MIN, 2024, "batch:1", None, NORTH, 94580)
    }
    # a subsidiary, or a company by a name we do not know, is none we can name
    text = "盛和资源公告，公司控股子公司获得2024年第一批稀土冶炼分离指标3000吨。"
    assert keys(text, "稀土指标", datetime(2024, 2, 7)) == set()
    text = "北方稀土公告称，其获得2024年第一批稀土矿产品指标94580吨、冶炼分离产品指标88010吨。"
    assert keys(text, "北方稀土获得指标") == {
        (RE, MIN, 2024, "batch:1", None, NORTH, 94580),
        (RE, SEP, 2024, "batch:1", None, NORTH, 88010),
    }


def test_issuance_without_disclosed_figures_is_kept_without_an_amount() -> None:
    text = (
        "据悉，2025年第一批稀土开采、冶炼分离总量控制指标已于近期下达至相关企业，"
        "但并未对外公布具体数额。"
    )
    found = read(text, "稀土指标静默下达", datetime(2025, 7, 21))
    assert {(f.quota_type, f.year, f.period, f.amount_t, f.status) for f in found} == {
        (MIN, 2025, "batch:1", None, "reported"),
        (SEP, 2025, "batch:1", None, "reported"),
    }
    assert read("2025年第一批稀土开采指标已经下达。", "稀土", datetime(2025, 7, 21)) == []


def test_news_of_the_ministries_issuing_is_official_despite_commentary() -> None:
    text = (
        "工业和信息化部、自然资源部日前下达2024年第一批稀土开采、冶炼分离总量控制指标。\n"
        "北方稀土获得开采指标9.458万吨。\n"
        "业内人士认为，指标增速放缓。"
    )
    found = read(text, "两部门下达稀土指标", datetime(2024, 2, 7))
    assert [(f.holder, f.amount_t, f.status) for f in found] == [(NORTH, 94580, "official")]


def test_sources_anywhere_make_unquoted_figures_reported() -> None:
    text = (
        "有知情人士表示，相关企业被要求不得对外披露指标数量，工业和信息化部尚未发布公告。"
        "回顾2024年，全年稀土开采指标为27万吨。"
    )
    found = read(text, "稀土", datetime(2025, 7, 21))
    assert [(f.year, f.period, f.amount_t, f.status) for f in found] == [
        (2024, "annual", 270000, "reported")
    ]


def test_after_a_semicolon_the_holder_carries_on() -> None:
    text = (
        "中国稀土集团获得开采指标4.042万吨；获得冶炼分离指标3.899万吨。全国冶炼分离指标12.7万吨。"
    )
    assert keys(text, NOTICE_2024_1) == {
        (RE, MIN, 2024, "batch:1", None, CREG, 40420),
        (RE, SEP, 2024, "batch:1", None, CREG, 38990),
        (RE, SEP, 2024, "batch:1", None, None, 127000),
    }


def test_types_named_twice_in_a_sentence_start_a_new_list() -> None:
    text = (
        "【两部门下达2023年第二批稀土开采、冶炼分离总量控制指标】两部门下达2023年第二批"
        "稀土开采、冶炼分离总量控制指标，分别为120000吨、115000吨。"
    )
    assert keys(text, "稀土", datetime(2023, 10, 20)) == {
        (RE, MIN, 2023, "batch:2", None, None, 120000),
        (RE, SEP, 2023, "batch:2", None, None, 115000),
    }


def test_categories_respectively_are_mining_even_after_two_types() -> None:
    text = (
        "第一批稀土开采、冶炼分离总量控制指标分别为135000吨、127000吨，"
        "岩矿型稀土矿和离子型稀土矿指标分别为124860吨、10140吨。"
    )
    assert keys(text, NOTICE_2024_1) == {
        (RE, MIN, 2024, "batch:1", None, None, 135000),
        (RE, SEP, 2024, "batch:1", None, None, 127000),
        (RE, MIN, 2024, "batch:1", "light", None, 124860),
        (RE, MIN, 2024, "batch:1", "medium_heavy", None, 10140),
    }


def test_change_before_the_amount_and_sizes_of_plants() -> None:
    text = "2024年第一批稀土开采指标同比增长12.5%至13.5万吨，北方稀土拟建10万吨级冶炼分离项目。"
    found = read(text, "稀土", datetime(2024, 2, 7))
    assert [(f.amount_t, f.change_pct, f.holder) for f in found] == [(135000, 12.5, None)]


def test_category_after_two_types_without_figures_is_mining() -> None:
    text = "两部门下达第一批稀土开采、冶炼分离总量控制指标，其中岩矿型稀土矿指标124860吨。"
    assert keys(text, NOTICE_2024_1) == {(RE, MIN, 2024, "batch:1", "light", None, 124860)}


# Pieces of quota wording, shuffled into arbitrary text: the rules never fail, every
# evidence span is exact, and every amount stays in the plausible range.
_PIECES = st.sampled_from(
    ["稀土", "钨精矿", "开采", "冶炼分离", "、", "，", "。", "；", "（", "）", "指标", "分别为",
     "第一批", "前两批合计", "2024年", "去年", "较", "135000吨", "13.5万", "吨", "12.5%",
     "增长", "北方稀土", "内蒙古", "岩矿型", "主采", "含", "不含", "其中", "\n", " | ", "价格"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=30).map("".join))
def test_any_mix_of_quota_wording_gives_well_formed_facts(text: str) -> None:
    for fact in read(text, NOTICE_2024_1):
        assert fact.amount_t is None or 10 <= fact.amount_t <= 1_000_000
        assert fact.period == "annual" or fact.period.split(":")[0] in ("batch", "cumulative")
        assert fact.year == 2024 or fact.year == 2023


@pytest.mark.parametrize("joiner", ["、", "，", ","])
def test_respectively_pairs_joined_by_a_comma(joiner: str) -> None:
    """Reposts write "分别为135000吨，127000吨" (or a half-width comma) where notices use 、."""
    text = f"2024年第一批稀土开采、冶炼分离总量控制指标分别为135000吨{joiner}127000吨。"
    assert keys(text, NOTICE_2024_1) == {
        (RE, MIN, 2024, "batch:1", None, None, 135000),
        (RE, SEP, 2024, "batch:1", None, None, 127000),
    }


def test_a_comma_without_respectively_still_ends_a_clause() -> None:
    """Without 分别 a comma separates clauses: each amount keeps the type named before it."""
    text = "2024年第一批稀土开采指标为135000吨,冶炼分离指标为127000吨。"
    assert keys(text, NOTICE_2024_1) == {
        (RE, MIN, 2024, "batch:1", None, None, 135000),
        (RE, SEP, 2024, "batch:1", None, None, 127000),
    }


def test_thousands_separators_are_not_list_joiners() -> None:
    text = "2024年第一批稀土开采总量控制指标为135,000吨。"
    assert keys(text, NOTICE_2024_1) == {(RE, MIN, 2024, "batch:1", None, None, 135000)}


# Reposts that print pinyin after characters (and traditional characters): the text is read as
# if neither were there.


def test_reposts_with_printed_pinyin_read_like_plain_text() -> None:
    from extractors import extract_text

    text = (
        "兩部門下達(dá)稀土指標(biāo)\n"
        "今年首批稀土開(kāi)採指標(biāo)為13.5萬(wàn)噸，冶煉分離指標(biāo)為12.7萬(wàn)噸。"
    )
    found = extract_text(text, "http://mirror.example/a.html", published=date(2024, 2, 8)).facts
    assert {(f.quota_type, f.year, f.period, f.amount_t) for f in found} == {
        (MIN, 2024, "batch:1", 135000),
        (SEP, 2024, "batch:1", 127000),
    }


# Which year: a year stated in the sentence, relative years, dates, references.


def test_a_stated_year_without_a_batch_in_its_own_year_is_the_whole_year() -> None:
    text = "工信部介绍，2021年稀土开采总量控制指标定在16.8万吨，比上一年的14万吨有明显增加。"
    assert keys(text, "工信部谈稀土", datetime(2021, 12, 22)) == {
        (RE, MIN, 2021, "annual", None, None, 168000),
        (RE, MIN, 2020, "annual", None, None, 140000),
    }


def test_a_relative_year_before_a_month_is_a_date_not_the_quota_year() -> None:
    text = "2015年全年，除一家去年5月起停工的选矿厂外，北方稀土拿到开采指标29750吨。"
    assert keys(text, "稀土生产总量控制计划下达", datetime(2015, 4, 12)) == {
        (RE, MIN, 2015, "annual", None, NORTH, 29750)
    }


def test_that_same_year_is_the_year_just_spoken_of() -> None:
    text = (
        "2009年稀土开采总量控制指标为82320吨。当年稀土矿产品生产计划为11.95万吨，"
        "而冶炼分离产品的实际产出超过了计划，约13万吨。"
    )
    assert keys(text, "稀土指标回顾", datetime(2012, 5, 3)) == {
        (RE, MIN, 2009, "annual", None, None, 82320),
        (RE, MIN, 2009, "annual", None, None, 119500),
    }


def test_a_year_only_referred_to_does_not_carry_into_the_next_sentence() -> None:
    text = (
        "2019年度首批指标参照上一年度（2018年度）总量的一半确定。"
        "首批稀土矿开采总量控制指标共6万吨，岩矿型占50425吨，离子型占9575吨。"
    )
    assert keys(text, "稀土矿钨矿指标下达", datetime(2019, 3, 20)) == {
        (RE, MIN, 2019, "batch:1", None, None, 60000),
        (RE, MIN, 2019, "batch:1", "light", None, 50425),
        (RE, MIN, 2019, "batch:1", "medium_heavy", None, 9575),
    }


# 其中: a part of the figure before it.


def test_a_part_split_in_its_own_sentence_without_a_quota_word() -> None:
    text = (
        "2020年稀土矿开采总量控制指标合计14万吨（同比+6.1%）。"
        "其中岩矿型稀土12.085万吨；离子型稀土1.915万吨，与上年持平。"
    )
    assert keys(text, "稀土矿钨矿指标", datetime(2020, 7, 17)) == {
        (RE, MIN, 2020, "annual", None, None, 140000),
        (RE, MIN, 2020, "annual", "light", None, 120850),
        (RE, MIN, 2020, "annual", "medium_heavy", None, 19150),
    }


def test_a_part_we_have_no_field_for_is_left_out() -> None:
    text = (
        "2012年全国锑矿开采总量控制指标定为10万吨，其中分解到各产区的部分为7.4万吨；"
        "另有一部分暂缓分解。"
    )
    found = keys(text, "锑矿指标公布", datetime(2012, 4, 16))
    assert found == {(SB, MIN, 2012, "annual", None, None, 100000)}


def test_antimony_main_and_byproduct_parts_are_not_tungsten_categories() -> None:
    text = "今年锑精矿开采指标共9.8万吨，其中主采7.5万吨，综合利用2.3万吨。"
    assert keys(text, "锑", datetime(2013, 9, 13)) == {(SB, MIN, 2013, "annual", None, None, 98000)}


def test_recipients_named_without_figures_are_not_the_holders_of_the_next_figure() -> None:
    text = (
        "2009年生产计划已下达至内蒙古、江西、广东、四川等省区。"
        "其中矿产品计划11.95万吨，冶炼分离产品计划11.07万吨。"
    )
    assert keys(text, "2009年稀土生产计划出台", datetime(2009, 5, 20)) == {
        (RE, MIN, 2009, "annual", None, None, 119500),
        (RE, SEP, 2009, "annual", None, None, 110700),
    }


# Holders: plants of a group, several groups at once, China Rare Earth Group's short name.


def test_a_plant_of_a_group_and_several_groups_together_are_not_holders_we_know() -> None:
    text = (
        "2015年，5家稀土集团共获得矿产品指标49712吨。某集团下属的包钢稀土选矿厂独得25750吨。"
        "北方稀土拿到矿产品指标29750吨。"
    )
    assert keys(text, "2015年稀土生产总量控制计划", datetime(2015, 4, 12)) == {
        (RE, MIN, 2015, "annual", None, NORTH, 29750)
    }


def test_china_rare_earth_by_its_short_name_where_it_is_plainly_the_group() -> None:
    text = (
        "首批指标仅分给北方稀土和中国稀土。"
        "中国稀土分得岩矿型开采指标3.028万吨；离子型开采指标为1.014万吨。"
        "中国稀土开采指标总体为13.5万吨。"
    )
    assert keys(text, "2024年第一批稀土开采指标下达", datetime(2024, 2, 23)) == {
        (RE, MIN, 2024, "batch:1", "light", CREG, 30280),
        (RE, MIN, 2024, "batch:1", "medium_heavy", CREG, 10140),
        (RE, MIN, 2024, "batch:1", None, None, 135000),
    }


# A province's own notice, passing the ministry's quotas on.


def test_a_provincial_notice_gives_its_own_province_and_drops_its_sub_allocations() -> None:
    text = (
        "各设区市局：\n"
        "本厅将本省2016年度钨矿、稀土矿开采指标分解如下。\n"
        "一、部里给我省的2016年钨矿开采总量控制指标：主采32000吨、综合回收2600吨；"
        "稀土矿指标8500吨。此次分到矿山主采30000吨、综合回收2400吨，其余留作调剂。"
    )
    assert keys(text, "江西省国土资源厅关于下达2016年度钨矿稀土矿开采总量控制指标的通知") == {
        (TU, MIN, 2016, "annual", "tungsten_primary", "province:jiangxi", 32000),
        (TU, MIN, 2016, "annual", "tungsten_byproduct", "province:jiangxi", 2600),
        (RE, MIN, 2016, "annual", None, "province:jiangxi", 8500),
    }


# Broker notes and PDF text: words broken by spaces, a headline run into the text, periods
# listed for amounts, signed changes, figures supposed rather than set.


def test_words_broken_by_spaces_read_whole() -> None:
    text = "2020 年首批钨精矿开 采指标定为 5.25 万 吨。"
    assert keys(text, "钨", datetime(2020, 3, 26)) == {
        (TU, MIN, 2020, "batch:1", None, None, 52500)
    }


def test_a_headline_before_a_colon_is_not_the_figures_clause() -> None:
    text = "配额收紧推动钨价走高 要点:自然资源部下达2020年第一批钨矿开采总量控制指标5.25万吨。"
    assert keys(text, "钨", datetime(2020, 3, 26)) == {
        (TU, MIN, 2020, "batch:1", None, None, 52500)
    }


def test_periods_listed_map_onto_amounts_and_signed_changes_are_not_quotas() -> None:
    text = (
        "2020年第一批、第二批钨矿开采总量控制指标分别为5.25万吨、5.25万吨，全年10.5万吨。"
        "今年第一批指标增减主要在湖南(+1,500吨)、广西(-600吨)。"
    )
    assert keys(text, "钨", datetime(2021, 4, 2)) == {
        (TU, MIN, 2020, "batch:1", None, None, 52500),
        (TU, MIN, 2020, "batch:2", None, None, 52500),
        (TU, MIN, 2020, "annual", None, None, 105000),
    }


def test_a_figure_supposed_is_not_a_quota() -> None:
    text = "如果按第一批指标推算全年，2024年钨矿开采总量控制指标将达12.4万吨。"
    assert keys(text, "钨", datetime(2024, 4, 2)) == set()


# A source quoted before a colon, a parent group receiving a quota.


def test_a_source_before_a_colon_is_not_the_holder_and_baotou_steel_is_northern() -> None:
    text = (
        "区政府网站刊发消息:国土资源部公布了2016年首批稀土矿开采总量控制指标，共52500吨，"
        "包钢集团拿到29750吨开采指标。"
    )
    assert keys(text, "稀土", datetime(2016, 2, 23)) == {
        (RE, MIN, 2016, "batch:1", None, None, 52500),
        (RE, MIN, 2016, "batch:1", None, NORTH, 29750),
    }


def test_a_province_passing_on_its_batch_gives_the_figures_of_the_whole_province() -> None:
    text = (
        "广东省工信部门近日把本省首批稀土指令性生产计划分到了各市。"
        "全省本批矿产品指标为1100吨，冶炼分离产品指标为2500吨；"
        "其中一家企业获得冶炼分离产品指标800吨。"
    )
    assert keys(text, "广东省下达第一批稀土生产计划", datetime(2012, 3, 20)) == {
        (RE, MIN, 2012, "batch:1", None, "province:guangdong", 1100),
        (RE, SEP, 2012, "batch:1", None, "province:guangdong", 2500),
    }


# Comparisons: unchanged figures, relative years in a comparison, and the second readings.


def test_unchanged_from_last_year_is_the_figure_of_the_year_being_set() -> None:
    text = "2017年稀土开采总量控制指标与上年持平，仍为10.5万吨；钨矿指标维持2016年水平。"
    assert keys(text, "稀土", datetime(2017, 3, 2)) == {
        (RE, MIN, 2017, "annual", None, None, 105000)
    }


def test_last_year_in_a_comparison_is_the_year_before_the_figures_own() -> None:
    text = "商务部公布2012年第一批稀土出口配额10546吨，比去年第一批的14446吨减少约27%。"
    content = Content(
        title="稀土出口配额", published=datetime(2011, 12, 28), language="zh", text=text
    )
    readings = zh.find_readings(content)
    assert [[(f.year, f.period, f.amount_t) for f in r] for r in readings] == [
        [(2012, "batch:1", 10546)],
        [(2011, "batch:1", 14446), (2010, "batch:1", 14446)],
    ]
    assert [f.year for f in zh.find_facts(content)] == [2012, 2011]


def test_a_years_figure_in_a_story_of_one_batch_has_both_readings() -> None:
    content = Content(
        title="2024年第一批稀土开采指标下达",
        published=datetime(2024, 2, 8),
        language="zh",
        text="2024年稀土开采总量控制指标为13.5万吨。",
    )
    [readings] = zh.find_readings(content)
    assert [(f.year, f.period, f.amount_t) for f in readings] == [
        (2024, "batch:1", 135000),
        (2024, "annual", 135000),
    ]


# History: several years in one sentence, rows of years in text.


def test_a_span_of_years_maps_onto_its_amounts() -> None:
    text = "2019年至2021年，我国稀土开采总量控制指标分别为13.2万吨、14万吨和16.8万吨。"
    assert keys(text, "稀土", datetime(2022, 1, 5)) == {
        (RE, MIN, 2019, "annual", None, None, 132000),
        (RE, MIN, 2020, "annual", None, None, 140000),
        (RE, MIN, 2021, "annual", None, None, 168000),
    }


def test_years_listed_map_onto_their_amounts() -> None:
    text = "2022年、2023年和2024年的稀土冶炼分离总量控制指标分别为20.2万吨、24.385万吨、25.4万吨。"
    assert keys(text, "稀土", datetime(2025, 1, 5)) == {
        (RE, SEP, 2022, "annual", None, None, 202000),
        (RE, SEP, 2023, "annual", None, None, 243850),
        (RE, SEP, 2024, "annual", None, None, 254000),
    }


def test_rows_of_years_in_text_continue_the_heading() -> None:
    text = "近年全国钨精矿开采总量控制指标：\n2018年：10.5万吨\n2019年：10.5万吨\n2020年：10.5万吨"
    assert keys(text, "钨", datetime(2021, 1, 5)) == {
        (TU, MIN, 2018, "annual", None, None, 105000),
        (TU, MIN, 2019, "annual", None, None, 105000),
        (TU, MIN, 2020, "annual", None, None, 105000),
    }


# Periods: earlier batches added in, "控制在", export quotas by category.


def test_earlier_batches_added_in_make_the_total_the_year() -> None:
    text = "加上年初下达的第一批，2020年稀土开采总量控制指标累计达到14万吨。"
    assert keys(text, "稀土", datetime(2020, 7, 20)) == {
        (RE, MIN, 2020, "annual", None, None, 140000)
    }


def test_capped_at_wording() -> None:
    text = "今年稀土开采总量控制在14万吨之内，冶炼分离总量控制在13.5万吨。"
    assert keys(text, "稀土", datetime(2020, 7, 20)) == {
        (RE, MIN, 2020, "annual", None, None, 140000),
        (RE, SEP, 2020, "annual", None, None, 135000),
    }


def test_export_quota_split_by_category_stays_export() -> None:
    text = "2012年第一批稀土出口配额共10546吨，其中轻稀土9095吨，中重稀土1451吨。"
    assert keys(text, "商务部下达稀土出口配额", datetime(2011, 12, 28)) == {
        (RE, EXP, 2012, "batch:1", None, None, 10546),
        (RE, EXP, 2012, "batch:1", "light", None, 9095),
        (RE, EXP, 2012, "batch:1", "medium_heavy", None, 1451),
    }


def test_what_is_held_back_and_holders_named_in_a_documents_title_are_not_quotas() -> None:
    text = (
        "2016年全国钨精矿开采总量控制指标91300吨，其中主采指标70000吨，另有2000吨作为预留。"
        "各矿山的份额见《江西省2016年钨矿指标分配表》；剩余的1500吨主采指标年内再定。"
    )
    assert keys(text, "钨", datetime(2016, 5, 3)) == {
        (TU, MIN, 2016, "annual", None, None, 91300),
        (TU, MIN, 2016, "annual", "tungsten_primary", None, 70000),
    }


# Tables: columns named by their commodity, tables set out with spaces, units in the title.


def test_province_table_with_a_column_per_commodity_takes_the_notices_type() -> None:
    text = (
        "附件：分省（区）开采总量控制指标\n"
        "省（区） | 稀土矿（REO） | 钨精矿 | 锑矿\n"
        "内蒙古 | 59500 | |\n"
        "湖南 | 2000 | 24500 | 55000\n"
        "合计 | 105000 | 91300 | 100000"
    )
    title = "国土资源部关于下达2014年钨矿锑矿稀土矿开采总量控制指标的通知"
    assert keys(text, title, datetime(2014, 5, 6)) == {
        (RE, MIN, 2014, "annual", None, "province:neimenggu", 59500),
        (RE, MIN, 2014, "annual", None, "province:hunan", 2000),
        (TU, MIN, 2014, "annual", None, "province:hunan", 24500),
        (SB, MIN, 2014, "annual", None, "province:hunan", 55000),
        (RE, MIN, 2014, "annual", None, None, 105000),
        (TU, MIN, 2014, "annual", None, None, 91300),
        (SB, MIN, 2014, "annual", None, None, 100000),
    }


def test_a_table_set_out_with_spaces() -> None:
    text = "钨矿分省指标如下。\n省份 主采 综合利用\n江西 32000 2600\n湖南 18000 4500"
    title = "关于下达2016年度钨矿开采总量控制指标的通知"
    assert keys(text, title, datetime(2016, 5, 3)) == {
        (TU, MIN, 2016, "annual", "tungsten_primary", "province:jiangxi", 32000),
        (TU, MIN, 2016, "annual", "tungsten_byproduct", "province:jiangxi", 2600),
        (TU, MIN, 2016, "annual", "tungsten_primary", "province:hunan", 18000),
        (TU, MIN, 2016, "annual", "tungsten_byproduct", "province:hunan", 4500),
    }


def test_a_year_table_in_wan_tonnes_by_its_title_and_without_a_unit_is_not_tonnes() -> None:
    text = "年份 | 开采指标 | 冶炼分离指标\n2023 | 25.5 | 24.385\n2024 | 27 | 25.4"
    assert keys(text, "稀土总量控制指标历年（万吨）", datetime(2025, 1, 5)) == {
        (RE, MIN, 2023, "annual", None, None, 255000),
        (RE, SEP, 2023, "annual", None, None, 243850),
        (RE, MIN, 2024, "annual", None, None, 270000),
        (RE, SEP, 2024, "annual", None, None, 254000),
    }
    assert keys(text, "稀土总量控制指标历年", datetime(2025, 1, 5)) == set()


def test_another_commoditys_quota_in_the_same_sentence_is_not_ours() -> None:
    text = "2013年第一批钨品出口配额为8000吨，钼品出口配额为12000吨，铟出口配额为93吨。"
    assert keys(text, "钨", datetime(2012, 12, 26)) == {
        (TU, EXP, 2013, "batch:1", None, None, 8000)
    }
    text = "钼出口配额为12000吨。第二批稀土出口配额为9770吨。"
    assert keys(text, "2011年稀土出口配额", datetime(2011, 7, 15)) == {
        (RE, EXP, 2011, "batch:2", None, None, 9770)
    }


def test_a_paragraph_ending_in_a_stray_bar_is_text_not_a_table_row() -> None:
    text = "通知另外明确，2012年锑矿（金属量）开采总量控制指标定为10万吨。 |\n|"
    assert keys(text, "国土资源部下达开采总量控制指标", datetime(2012, 4, 1)) == {
        (SB, MIN, 2012, "annual", None, None, 100000)
    }


def test_the_number_of_firms_approved_is_not_a_holder() -> None:
    text = "商务部发放2012年首批稀土出口配额，有27家企业获批，总量为10546吨。"
    assert keys(text, "稀土出口配额", datetime(2011, 12, 28)) == {
        (RE, EXP, 2012, "batch:1", None, None, 10546)
    }


# Company allocations in news: lists after a title that gives the year.


def test_group_figures_listed_under_a_title_with_the_year_and_no_batches_are_annual() -> None:
    text = "从各集团看，北方稀土获得开采指标59500吨，占比56.7%；中国五矿2010吨；厦门钨业3440吨。"
    assert keys(text, "2017年稀土开采指标下达", datetime(2017, 3, 2)) == {
        (RE, MIN, 2017, "annual", None, NORTH, 59500),
        (RE, MIN, 2017, "annual", None, "china_minmetals", 2010),
        (RE, MIN, 2017, "annual", None, "xiamen_tungsten", 3440),
    }
    # a text that speaks of batches leaves the period to its sentences
    assert keys("北方稀土获得开采指标59500吨。第一批指标已下达。", "2017年稀土开采指标") == set()


def test_group_figures_in_brackets_after_the_total() -> None:
    text = "2024年第一批开采指标13.5万吨（北方稀土9.458万吨、中国稀土集团4.042万吨）。"
    assert keys(text, "稀土", datetime(2024, 2, 8)) == {
        (RE, MIN, 2024, "batch:1", None, None, 135000),
        (RE, MIN, 2024, "batch:1", None, NORTH, 94580),
        (RE, MIN, 2024, "batch:1", None, CREG, 40420),
    }


def test_batches_written_together_and_increments() -> None:
    text = "今年第一、二批稀土开采指标分别为12万吨、12万吨，第二批冶炼分离指标增量为0.5万吨。"
    assert keys(text, "稀土", datetime(2023, 9, 20)) == {
        (RE, MIN, 2023, "batch:1", None, None, 120000),
        (RE, MIN, 2023, "batch:2", None, None, 120000),
    }


# Over-broad readings found in review: a national notice's instruction to each province, a list
# of places left open, a forecast that is not the figure's.


def test_a_national_notice_telling_provinces_what_to_do_is_not_a_provincial_notice() -> None:
    text = (
        "四川、内蒙古两地的矿山须按指标组织生产。\n"
        "2021年第一批稀土矿开采总量控制指标为84000吨。\n"
        "各地要尽快把本省（区）的指标落实到矿山。"
    )
    assert keys(text, "2021年第一批稀土开采指标下达", datetime(2021, 2, 20)) == {
        (RE, MIN, 2021, "batch:1", None, None, 84000)
    }


def test_a_list_of_places_left_open_is_no_holder() -> None:
    text = "江西、湖南等地钨矿开采总量控制指标为6万吨。"
    assert keys(text, "2021年钨矿开采指标", datetime(2021, 4, 2)) == set()


def test_a_forecast_in_another_clause_does_not_undo_the_figure() -> None:
    text = "机构预计价格将走强，2024年第一批稀土开采指标为13.5万吨。"
    assert keys(text, "稀土", datetime(2024, 2, 8)) == {
        (RE, MIN, 2024, "batch:1", None, None, 135000)
    }


def test_a_batch_added_in_after_a_figure_leaves_that_figure_the_batch_alone() -> None:
    text = "2023年第二批稀土开采指标为12万吨，加上第一批，全年达到24万吨。"
    assert keys(text, "稀土", datetime(2023, 9, 20)) == {
        (RE, MIN, 2023, "batch:2", None, None, 120000),
        (RE, MIN, 2023, "annual", None, None, 240000),
    }


def test_a_company_speaking_before_a_colon_keeps_its_figure_and_places_are_not_commodities() -> (
    None
):
    text = "北方稀土表示:今年第一批获得开采指标9.458万吨。锡林郭勒盟的矿山已复工。"
    assert keys(text, "2024年稀土指标", datetime(2024, 2, 8)) == {
        (RE, MIN, 2024, "batch:1", None, NORTH, 94580)
    }


def test_after_another_commoditys_quota_ours_comes_back_without_its_types() -> None:
    text = "稀土开采指标另行公布。钼出口配额为1万吨。第二批稀土开采指标为12万吨。"
    assert keys(text, "今年指标", datetime(2024, 8, 20)) == {
        (RE, MIN, 2024, "batch:2", None, None, 120000)
    }
    text = "稀土开采指标另行公布。钼出口配额为1万吨。第二批指标为12万吨。"
    assert keys(text, "今年指标", datetime(2024, 8, 20)) == set()  # not rare earth export


def test_a_time_in_a_year_is_not_the_quota_year() -> None:
    text = "2023年底，两部门下达了2024年第一批稀土开采指标。北方稀土分得开采指标9.458万吨。"
    assert keys(text, "稀土", datetime(2024, 1, 5)) == {
        (RE, MIN, 2024, "batch:1", None, NORTH, 94580)
    }
    assert keys("2024年中重稀土开采指标为1.014万吨。", "稀土", datetime(2024, 3, 5)) == {
        (RE, MIN, 2024, "annual", "medium_heavy", None, 10140)
    }


def test_the_year_carried_on_is_the_last_one_spoken_of_not_one_referred_to() -> None:
    text = (
        "继2023年分三批下达后，2024年第一批稀土开采指标于2月下达。北方稀土分得开采指标9.458万吨。"
    )
    assert keys(text, "稀土", datetime(2024, 2, 8)) == {
        (RE, MIN, 2024, "batch:1", None, NORTH, 94580)
    }
    text = "2024年第一批指标相当于2023年全年的一半多。北方稀土分得开采指标9.458万吨。"
    assert keys(text, "稀土", datetime(2024, 2, 8)) == {
        (RE, MIN, 2024, "batch:1", None, NORTH, 94580)
    }


def test_the_date_of_an_issuance_gives_the_quota_year() -> None:
    assert keys("上年9月下达的第二批稀土开采指标为13.5万吨。", "稀土", datetime(2025, 3, 8)) == {
        (RE, MIN, 2024, "batch:2", None, None, 135000)
    }
    assert keys("2023年9月下达的第二批稀土开采指标为12万吨。", "稀土", datetime(2024, 3, 8)) == {
        (RE, MIN, 2023, "batch:2", None, None, 120000)
    }


def test_one_amount_for_each_period_or_year_listed() -> None:
    assert keys("2023年第一批和第二批稀土开采指标均为12万吨。", "稀土", datetime(2023, 9, 20)) == {
        (RE, MIN, 2023, "batch:1", None, None, 120000),
        (RE, MIN, 2023, "batch:2", None, None, 120000),
    }
    assert keys("2018年和2019年的钨矿开采指标都是10.5万吨。", "钨", datetime(2020, 2, 20)) == {
        (TU, MIN, 2018, "annual", None, None, 105000),
        (TU, MIN, 2019, "annual", None, None, 105000),
    }
    # 合计 after the first batches listed: their running total
    assert keys(
        "2023年第一批和第二批稀土开采指标合计为24万吨。", "稀土", datetime(2023, 9, 20)
    ) == {(RE, MIN, 2023, "cumulative:2", None, None, 240000)}
    # neither: the one amount cannot be told apart
    assert (
        keys("2023年第一批和第二批稀土开采指标为24万吨。", "稀土", datetime(2023, 9, 20)) == set()
    )


# Round two: wording families written in other words, years, numbers and orders.


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("2024年钨精矿开采总量控制指标为11万4000吨。", 114000),
        ("全年钨矿指标定为10万8000吨，较上年有所增加。", 108000),
        ("2024年钨精矿开采总量控制指标为11万吨。", 110000),
    ],
)
def test_a_mixed_wan_amount_is_one_figure(text: str, amount: int) -> None:
    assert keys(text, "2024年钨矿开采指标", datetime(2024, 8, 25)) == {
        (TU, MIN, 2024, "annual", None, None, amount)
    }


@pytest.mark.parametrize(
    "text",
    [
        "2021年第一批稀土开采、冶炼分离指标分别为8.4万吨和8.1万吨，分别比上年同期增加1.8万吨、1.75万吨。",
        "今年首批开采、冶炼分离指标为8.4万吨、8.1万吨，较去年首批分别多出18000吨和17500吨。",
    ],
)
def test_a_change_before_a_list_is_every_amounts_change(text: str) -> None:
    assert keys(text, "稀土指标", datetime(2021, 3, 1)) == {
        (RE, MIN, 2021, "batch:1", None, None, 84000),
        (RE, SEP, 2021, "batch:1", None, None, 81000),
    }


def test_commodities_listed_map_onto_their_amounts_in_turn() -> None:
    text = "2021年第一批稀土矿、钨矿开采总量控制指标分别为84000吨、54000吨。"
    assert keys(text, "自然资源部下达指标", datetime(2021, 3, 1)) == {
        (RE, MIN, 2021, "batch:1", None, None, 84000),
        (TU, MIN, 2021, "batch:1", None, None, 54000),
    }
    text = "去年钨精矿和稀土矿的开采总量控制指标各为10.5万吨、14万吨，锑矿另行下达。"
    assert keys(text, "开采总量控制指标", datetime(2021, 2, 1)) == {
        (TU, MIN, 2020, "annual", None, None, 105000),
        (RE, MIN, 2020, "annual", None, None, 140000),
    }
    # one amount for two commodities is neither's
    text = "2019年稀土矿钨矿开采总量控制指标为60000吨。"
    assert keys(text, "开采总量控制指标", datetime(2019, 3, 1)) == set()


@pytest.mark.parametrize(
    "text",
    [
        "2024年离子型稀土开采指标与上年持平，为19150吨。",
        "今年中重稀土开采指标同2023年相同，仍是19150吨。",
    ],
)
def test_a_category_carries_over_a_clause_without_a_figure(text: str) -> None:
    assert keys(text, "稀土指标", datetime(2024, 8, 21)) == {
        (RE, MIN, 2024, "annual", "medium_heavy", None, 19150)
    }


def test_groups_parts_of_a_category_figure_keep_its_category() -> None:
    text = (
        "2023年第一批离子型稀土开采指标1.9万吨，其中中国稀土集团1.5万吨，广东稀土0.27万吨，"
        "厦门钨业0.23万吨。"
    )
    assert keys(text, "稀土指标", datetime(2023, 3, 25)) == {
        (RE, MIN, 2023, "batch:1", "medium_heavy", None, 19000),
        (RE, MIN, 2023, "batch:1", "medium_heavy", CREG, 15000),
        (RE, MIN, 2023, "batch:1", "medium_heavy", "guangdong_rare_earth", 2700),
        (RE, MIN, 2023, "batch:1", "medium_heavy", "xiamen_tungsten", 2300),
    }
    text = "全年岩矿型稀土指标为24.2万吨。其中，北方稀土分得19.2万吨。"
    assert keys(text, "稀土指标", datetime(2023, 11, 1)) == {
        (RE, MIN, 2023, "annual", "light", None, 242000),
        (RE, MIN, 2023, "annual", "light", NORTH, 192000),
    }


def test_a_first_batch_title_and_a_rare_earth_group_name_the_period_and_commodity() -> None:
    text = "北方稀土此次获得岩矿型开采指标9.458万吨、冶炼分离指标8.801万吨。"
    assert keys(text, "北方稀土获得首批指标", datetime(2024, 2, 7)) == {
        (RE, MIN, 2024, "batch:1", "light", NORTH, 94580),
        (RE, SEP, 2024, "batch:1", None, NORTH, 88010),
    }
    # Xiamen Tungsten trades tungsten too: its figure alone does not say which commodity it is
    assert keys("厦门钨业获得开采指标3440吨。", "今年首批指标", datetime(2024, 2, 7)) == set()


def test_rows_of_holders_and_years_under_a_title_that_speaks_of_quotas() -> None:
    text = "内蒙古:50000吨\n四川省:24400吨\n江西 8500吨"
    assert keys(text, "2011年稀土矿开采总量控制指标分省情况", datetime(2011, 4, 20)) == {
        (RE, MIN, 2011, "annual", None, "province:neimenggu", 50000),
        (RE, MIN, 2011, "annual", None, "province:sichuan", 24400),
        (RE, MIN, 2011, "annual", None, "province:jiangxi", 8500),
    }
    text = "2016年:开采10.5万吨,冶炼分离10万吨\n2018年:开采12万吨,冶炼分离11.5万吨"
    assert keys(text, "稀土总量控制指标一览", datetime(2019, 1, 8)) == {
        (RE, MIN, 2016, "annual", None, None, 105000),
        (RE, SEP, 2016, "annual", None, None, 100000),
        (RE, MIN, 2018, "annual", None, None, 120000),
        (RE, SEP, 2018, "annual", None, None, 115000),
    }
    # a title without a quota word, or a line of prose first, gives no such rows
    assert keys("内蒙古:50000吨", "2011年稀土矿分省情况", datetime(2011, 4, 20)) == set()
    text = "各地矿山陆续复产。\n内蒙古:50000吨"
    assert keys(text, "2011年稀土矿开采总量控制指标", datetime(2011, 4, 20)) == set()


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2020年度稀土开采总量控制指标为140000吨（包括已下达的第一批指标）。", "annual"),
        ("2020年度稀土开采总量控制指标为140000吨，已包含此前下达的首批指标。", "annual"),
        ("2020年第二批稀土开采总量控制指标为140000吨（含此前已下达的第一批）。", "cumulative:2"),
        ("2020年第二批稀土开采总量控制指标为140000吨（不包含第一批）。", "batch:2"),
        ("2020年第二批稀土开采总量控制指标为140000吨，未包括首批。", "batch:2"),
    ],
)
def test_earlier_batches_included_or_not_in_other_words(text: str, period: str) -> None:
    assert keys(text, "稀土指标", datetime(2020, 7, 17)) == {
        (RE, MIN, 2020, period, None, None, 140000)
    }


@pytest.mark.parametrize(
    ("text", "period", "amount"),
    [
        ("2022年两批稀土开采指标合计21万吨。", "cumulative:2", 210000),
        ("2023年已下达的三批稀土开采指标共计25.5万吨。", "cumulative:3", 255000),
        ("2019年度指标分两批下达，第一批稀土开采指标为6万吨。", "batch:1", 60000),
    ],
)
def test_batches_counted_together(text: str, period: str, amount: int) -> None:
    year = int(text[:4])
    assert keys(text, "稀土指标", datetime(year, 9, 1)) == {
        (RE, MIN, year, period, None, None, amount)
    }


@pytest.mark.parametrize(
    "text",
    [
        "2012年赣州市稀土矿开采总量控制指标为8500吨。",
        "包头市今年获得稀土冶炼分离指标5万吨。",
        "龙南县获得第一批离子型稀土开采指标1000吨。",
        "郴州市钨矿开采指标为6500吨，占全省的三成。",
        "锡林郭勒盟分得稀土开采指标3000吨。",
    ],
)
def test_a_place_below_a_province_is_a_holder_we_cannot_name(text: str) -> None:
    assert keys(text, "稀土钨矿开采总量控制指标", datetime(2015, 5, 1)) == set()


def test_a_place_word_inside_other_words_is_no_holder() -> None:
    text = "受市场影响，2015年稀土开采总量控制指标为105000吨，欧盟对此表示关注。"
    assert keys(text, "稀土", datetime(2015, 5, 1)) == {
        (RE, MIN, 2015, "annual", None, None, 105000)
    }


@pytest.mark.parametrize(
    "text",
    [
        "我国钨精矿开采指标从2008年开始由国土部下达，近年来稳定在10万吨左右。",
        "多年来稀土冶炼分离指标一直维持在10万吨上下。",
        "2018年以来，稀土开采总量控制指标从12万吨一路升至27万吨。",
        "钨精矿开采指标执行率约九成，全年产量约12万吨，超出指标1万吨。",
    ],
)
def test_figures_of_vague_years_or_beyond_the_quota_are_not_placed(text: str) -> None:
    assert keys(text, "稀土钨矿指标", datetime(2024, 6, 1)) == set()


def test_a_spaced_table_with_serial_numbers_and_a_total_row() -> None:
    text = (
        "附件：分省（区）开采总量控制指标\n"
        "序号 省（区） 钨精矿 稀土矿\n"
        "1 江西 41000 8000\n"
        "2 湖南 23500 1800\n"
        "3 内蒙古 - 57000\n"
        "合计 88000 101000"
    )
    title = "国土资源部关于下达2013年钨矿稀土矿开采总量控制指标的通知"
    assert keys(text, title, datetime(2013, 5, 6)) == {
        (TU, MIN, 2013, "annual", None, "province:jiangxi", 41000),
        (RE, MIN, 2013, "annual", None, "province:jiangxi", 8000),
        (TU, MIN, 2013, "annual", None, "province:hunan", 23500),
        (RE, MIN, 2013, "annual", None, "province:hunan", 1800),
        (RE, MIN, 2013, "annual", None, "province:neimenggu", 57000),
        (TU, MIN, 2013, "annual", None, None, 88000),
        (RE, MIN, 2013, "annual", None, None, 101000),
    }


def test_a_total_column_before_its_parts() -> None:
    text = (
        "钨矿分省指标 单位：吨\n省（区） 合计 主采 综合利用\n"
        "江西 41000 36000 5000\n湖南 23500 14000 9500"
    )
    title = "关于下达2013年度钨矿开采总量控制指标的通知"
    assert keys(text, title, datetime(2013, 5, 6)) == {
        (TU, MIN, 2013, "annual", None, "province:jiangxi", 41000),
        (TU, MIN, 2013, "annual", "tungsten_primary", "province:jiangxi", 36000),
        (TU, MIN, 2013, "annual", "tungsten_byproduct", "province:jiangxi", 5000),
        (TU, MIN, 2013, "annual", None, "province:hunan", 23500),
        (TU, MIN, 2013, "annual", "tungsten_primary", "province:hunan", 14000),
        (TU, MIN, 2013, "annual", "tungsten_byproduct", "province:hunan", 9500),
    }


def test_a_category_noted_after_a_figure_does_not_carry_to_the_next() -> None:
    text = (
        "2012年全国稀土矿开采总量控制指标93800吨，"
        "其中内蒙古50000吨（轻稀土），江西8500吨（中重稀土）。"
    )
    found = keys(text, "稀土矿开采指标分省", datetime(2012, 4, 20))
    assert (RE, MIN, 2012, "annual", None, None, 93800) in found
    assert (RE, MIN, 2012, "annual", "light", "province:jiangxi", 8500) not in found


def test_half_width_full_stops_end_sentences_in_reposts() -> None:
    text = (
        "通知明确,2015年全国锑矿开采总量控制指标为9.8万吨,其中综合利用2.3万吨暂不下达.2015年"
        "全国稀土矿开采总量控制指标为10.5万吨,其中轻稀土8.71万吨,中重稀土1.79万吨 . 另据了解,"
        "实际产量约为10万吨."
    )
    assert keys(text, "国土资源部下达开采指标", datetime(2015, 4, 10)) == {
        (SB, MIN, 2015, "annual", None, None, 98000),
        (RE, MIN, 2015, "annual", None, None, 105000),
        (RE, MIN, 2015, "annual", "light", None, 87100),
        (RE, MIN, 2015, "annual", "medium_heavy", None, 17900),
    }


def test_the_whole_province_is_the_one_the_text_named() -> None:
    text = "记者从湖南省国土资源厅获悉，第一批指标已下达。全省钨精矿开采指标为12000吨。"
    assert keys(text, "钨矿开采指标下达", datetime(2016, 3, 1)) == {
        (TU, MIN, 2016, "batch:1", None, "province:hunan", 12000)
    }
    # with no province named, the whole province is none we can name: not the national figure
    assert keys("全省钨精矿开采指标为12000吨。", "钨矿开采指标下达", datetime(2016, 3, 1)) == set()


def test_places_counted_after_a_list_leave_it_open() -> None:
    text = (
        "计划已向内蒙古、江西、四川等八个省（区）下达。"
        "其中，稀土矿产品计划为8.9万吨，冶炼分离产品为8.6万吨。"
    )
    assert keys(text, "2010年稀土生产计划下达", datetime(2010, 6, 1)) == {
        (RE, MIN, 2010, "annual", None, None, 89000),
        (RE, SEP, 2010, "annual", None, None, 86000),
    }
    text = "计划已向内蒙古,江西,四川等八个省(区)下达,其中矿产品计划为8.9万吨。"
    assert keys(text, "2010年稀土生产计划下达", datetime(2010, 6, 1)) == set()


@pytest.mark.parametrize(
    "text",
    [
        "商務部公佈2013年第一批稀土出口配額，共計15501公噸。",
        "商务部公布2013年第一批稀土出口配额,共计1.5501万公吨。",
        "商务部公布2013年第一批稀土出口配额：共计1.5501万t。",
    ],
)
def test_tonnes_as_hong_kong_taiwan_and_reports_write_them(text: str) -> None:
    assert keys(text, "稀土出口配额", datetime(2012, 12, 31)) == {
        (RE, EXP, 2013, "batch:1", None, None, 15501)
    }


def test_a_quota_word_only_after_a_figure_does_not_make_it_a_quota() -> None:
    text = "2014年共查处非法开采案件200余起，收缴非法稀土产品1.6万吨，一些企业存在超指标生产问题。"
    assert keys(text, "稀土专项整治", datetime(2015, 2, 1)) == set()
    # within the figure's own clause it does: "获得9.458万吨开采指标"
    text = "北方稀土获得9.458万吨开采指标，中国稀土集团获得4.042万吨开采指标。"
    assert keys(text, "2024年第一批稀土指标", datetime(2024, 2, 8)) == {
        (RE, MIN, 2024, "batch:1", None, NORTH, 94580),
        (RE, MIN, 2024, "batch:1", None, CREG, 40420),
    }


def test_kept_stable_with_another_year_does_not_give_that_year() -> None:
    text = (
        "发言人表示，明年稀土出口配额将与今年保持基本稳定，第一批配额已于本月下达，数量为15110吨。"
    )
    assert keys(text, "稀土出口配额", datetime(2013, 12, 30)) == {
        (RE, EXP, 2014, "batch:1", None, None, 15110)
    }


def test_a_plans_target_year_is_not_a_quota_year() -> None:
    text = "规划提出，到2025年，全国稀土开采总量控制在15万吨以内。"
    assert keys(text, "稀土产业规划", datetime(2021, 5, 1)) == set()
    # a figure rising to a year's is that year's
    text = "稀土开采总量控制指标从2017年的10.5万吨提高到2023年的25.5万吨。"
    assert keys(text, "稀土", datetime(2024, 1, 5)) == {
        (RE, MIN, 2017, "annual", None, None, 105000),
        (RE, MIN, 2023, "annual", None, None, 255000),
    }


def test_a_groups_own_mines_are_not_the_group() -> None:
    text = "厦门钨业去年钨精矿产量1.1万吨，其控股的几座钨矿山获得开采指标约8000吨。"
    assert keys(text, "厦门钨业年报", datetime(2024, 3, 1)) == set()


def test_another_commodity_in_a_list_keeps_its_place_and_is_dropped() -> None:
    text = (
        "今年江西省钨、锑、萤石矿开采总量控制指标分两次下达，第一批中，钨、锑、萤石矿分别为"
        "2.1万吨，0.6万吨和15万吨。高铝黏土矿开采总量控制指标为8万吨。"
    )
    assert keys(text, "江西下达开采总量控制指标", datetime(2013, 6, 5)) == {
        (TU, MIN, 2013, "batch:1", None, "province:jiangxi", 21000),
        (SB, MIN, 2013, "batch:1", None, "province:jiangxi", 6000),
    }
    text = "第一批中，萤石、钨精矿开采指标分别为15万吨、2.1万吨；硫铁矿开采指标为30万吨。"
    assert keys(text, "2013年开采总量控制指标", datetime(2013, 6, 5)) == {
        (TU, MIN, 2013, "batch:1", None, None, 21000)
    }


def test_last_years_china_is_not_the_middle_of_last_year() -> None:
    text = "去年中国稀土开采配额为21万吨，今年首批配额为12万吨。"
    assert keys(text, "稀土", datetime(2023, 3, 25)) == {
        (RE, MIN, 2022, "annual", None, None, 210000),
        (RE, MIN, 2023, "batch:1", None, None, 120000),
    }
    # the middle of a year is still a time, not a quota year
    text = "去年年中，两部门下达了第二批稀土开采指标12万吨。"
    assert keys(text, "2022年稀土指标", datetime(2023, 3, 25)) == {
        (RE, MIN, 2022, "batch:2", None, None, 120000)
    }


def test_caps_and_limits_in_rewrites_of_foreign_news() -> None:
    text = "外电称，中国将今年首批稀土开采上限设为12万吨，冶炼分离限额为11.5万吨。"
    assert keys(text, "中国稀土", datetime(2023, 3, 25)) == {
        (RE, MIN, 2023, "batch:1", None, None, 120000),
        (RE, SEP, 2023, "batch:1", None, None, 115000),
    }
    assert keys("氧化镨钕价格上限为每吨50万元。", "稀土价格", datetime(2023, 3, 25)) == set()


@pytest.mark.parametrize(
    "text",
    [
        "目前年产能约5万吨。2024年第一批稀土开采指标为13.5万吨。",
        "此前年度指标均已下达。2024年第一批稀土开采指标为13.5万吨。",
        "2024年初步核算，第一批稀土开采指标为13.5万吨。",
    ],
)
def test_relative_years_and_times_inside_other_words_are_not_read(text: str) -> None:
    assert keys(text, "稀土指标", datetime(2024, 2, 7)) == {
        (RE, MIN, 2024, "batch:1", None, None, 135000)
    }


def test_a_groups_own_company_suffix_is_not_another_holder() -> None:
    text = "北方稀土公司获得2024年第一批岩矿型开采指标9.458万吨。"
    assert keys(text, "稀土指标", datetime(2024, 2, 7)) == {
        (RE, MIN, 2024, "batch:1", "light", NORTH, 94580)
    }
    # a company we cannot name still is one
    assert (
        keys("某某公司获得2024年第一批开采指标500吨。", "稀土指标", datetime(2024, 2, 7)) == set()
    )


def test_rather_is_no_comparison_and_a_groups_registered_name_is_the_group() -> None:
    text = "今年稀土开采指标较快增长，第一批为13.5万吨，比较符合市场预期。"
    assert keys(text, "稀土指标", datetime(2024, 2, 7)) == {
        (RE, MIN, 2024, "batch:1", None, None, 135000)
    }
    text = "五矿稀土集团有限公司获得2021年第一批开采指标2010吨。"
    assert keys(text, "稀土指标", datetime(2021, 2, 7)) == {
        (RE, MIN, 2021, "batch:1", None, "china_minmetals", 2010)
    }


def test_plans_to_is_no_plan_and_will_produce_is_a_quota_only_under_the_notice() -> None:
    assert (
        keys("某公司计划今年采购稀土原料3万吨。", "稀土开采指标下达", datetime(2024, 2, 7)) == set()
    )
    text = (
        "外电报道，2022年度的稀土开采配额将较上年提高。"
        "据两部门的通知，中国今年将生产21万吨稀土，高于上年的16.8万吨。"
    )
    assert keys(text, "中国提高稀土开采配额", datetime(2022, 8, 18)) == {
        (RE, MIN, 2022, "annual", None, None, 210000),
        (RE, MIN, 2021, "annual", None, None, 168000),
    }
    # without the notice or the quota in the sentence, producing is output
    text = "2022年度的稀土开采配额将较上年提高。北方稀土今年将生产12万吨稀土精矿。"
    assert keys(text, "中国提高稀土开采配额", datetime(2022, 8, 18)) == set()


@pytest.mark.parametrize(
    "text",
    [
        "2024年第一批稀土开采指标下达，某集团去年生产稀土精矿15万吨。",
        "2023年稀土开采指标为25.5万吨。全年稀土冶炼分离产品产出24万吨。",
        "2023年钨精矿开采总量控制指标11.1万吨，当年钨精矿产出12.7万吨。",
        "第一批指标下达后，江西省第一季度生产稀土矿产品3000吨。",
    ],
)
def test_what_was_produced_is_not_a_quota(text: str) -> None:
    found = keys(text, "稀土钨矿指标", datetime(2024, 2, 7))
    assert not {key for key in found if key[-1] in (150000, 240000, 127000, 3000)}


def test_the_production_plan_of_older_notices_is_still_a_quota() -> None:
    text = "工信部确定了2016年钨生产(chan) 总量控制指标，合计钨精矿91300吨，与上年持平。"
    assert keys(text, "钨指标", datetime(2016, 6, 1)) == {
        (TU, MIN, 2016, "annual", None, None, 91300)
    }
    text = "2012年稀土指令性生产计划：稀土矿产品93800吨，冶炼分离产品90400吨。"
    assert keys(text, "稀土", datetime(2012, 7, 1)) == {
        (RE, MIN, 2012, "annual", None, None, 93800),
        (RE, SEP, 2012, "annual", None, None, 90400),
    }


def test_a_reposts_pinyin_without_tones_is_dropped() -> None:
    from extractors import extract_text

    page = (
        "钨指标\n工信部确定了2017年钨生产(chan) 总量控制指标，合计钨精矿91300吨，与(yu) 去年持平。"
    )
    found = extract_text(page, "https://example.com/a", published=date(2017, 6, 1)).facts
    assert {(f.commodity, f.year, f.period, f.amount_t) for f in found} == {
        (TU, 2017, "annual", 91300)
    }


def test_a_figure_read_against_the_others_of_its_text() -> None:
    # the year's figure in a second-batch story is not the second batch, given elsewhere
    text = "2019年第二批钨矿开采指标为5.45万吨。今年钨矿开采总量控制指标合计为10.5万吨。"
    assert keys(text, "2019年第二批钨矿开采指标下达", datetime(2019, 9, 2)) == {
        (TU, MIN, 2019, "batch:2", None, None, 54500),
        (TU, MIN, 2019, "annual", None, None, 105000),
    }
    # alone, it stays the batch of the story
    text = "今年钨矿开采总量控制指标为5.45万吨。"
    assert keys(text, "2019年第二批钨矿开采指标下达", datetime(2019, 9, 2)) == {
        (TU, MIN, 2019, "batch:2", None, None, 54500)
    }


def test_tables_with_a_column_per_batch_or_per_year() -> None:
    text = "年份 | 第一批 | 第二批 | 全年\n2021 | 5.4 | 5.4 | 10.8\n2022 | 6.3 | 4.6 | 10.9"
    assert keys(text, "近年钨矿开采总量控制指标（万吨）", datetime(2023, 1, 5)) == {
        (TU, MIN, 2021, "batch:1", None, None, 54000),
        (TU, MIN, 2021, "batch:2", None, None, 54000),
        (TU, MIN, 2021, "annual", None, None, 108000),
        (TU, MIN, 2022, "batch:1", None, None, 63000),
        (TU, MIN, 2022, "batch:2", None, None, 46000),
        (TU, MIN, 2022, "annual", None, None, 109000),
    }
    text = "集团 | 2022年第一批开采指标 | 2023年第一批开采指标\n北方稀土 | 60210 | 71650"
    assert keys(text, "稀土指标分配", datetime(2023, 3, 25)) == {
        (RE, MIN, 2022, "batch:1", None, NORTH, 60210),
        (RE, MIN, 2023, "batch:1", None, NORTH, 71650),
    }


def test_an_amount_that_qualifies_the_words_after_it() -> None:
    assert keys("两部门下达13.5万吨的2024年第一批稀土开采指标。", "稀土", datetime(2024, 2, 7)) == {
        (RE, MIN, 2024, "batch:1", None, None, 135000)
    }
    text = "自然资源部下达了总量为5.1万吨的2023年第二批钨矿开采总量控制指标。"
    assert keys(text, "钨", datetime(2023, 9, 2)) == {(TU, MIN, 2023, "batch:2", None, None, 51000)}


def test_the_level_a_change_comes_to_and_batches_totalled_after_a_comma() -> None:
    text = "2024年稀土开采指标较2023年的25.5万吨增加1.5万吨，达到27万吨。"
    assert keys(text, "稀土", datetime(2024, 8, 21)) == {
        (RE, MIN, 2024, "annual", None, None, 270000),
        (RE, MIN, 2023, "annual", None, None, 255000),
    }
    text = "今年以来，钨矿开采总量控制指标已下达两批，共计11.4万吨。"
    assert keys(text, "钨", datetime(2024, 8, 21)) == {
        (TU, MIN, 2024, "cumulative:2", None, None, 114000)
    }


def test_the_years_total_named_after_a_batch_clause_is_the_years() -> None:
    text = "第二批稀土出口配额下达后，今年的出口配额总量为30184吨。"
    assert keys(text, "出口配额", datetime(2011, 7, 15)) == {
        (RE, EXP, 2011, "annual", None, None, 30184)
    }
    text = "2022年第二批开采指标下达后，今年开采指标总量达到21万吨。"
    assert keys(text, "稀土", datetime(2022, 8, 18)) == {
        (RE, MIN, 2022, "annual", None, None, 210000)
    }
    # the standard name of the quota ("总量控制指标") is no total of the year
    text = "第二批指标已经下达，今年第二批稀土开采总量控制指标为10.92万吨。"
    assert keys(text, "稀土", datetime(2022, 8, 18)) == {
        (RE, MIN, 2022, "batch:2", None, None, 109200)
    }


def test_an_aside_does_not_carry_its_year_and_period() -> None:
    text = (
        "两部门下达2023年第一批稀土开采指标12万吨。"
        "业内人士认为，今年全年指标有望超过24万吨。"
        "北方稀土获得7.165万吨开采指标。"
    )
    assert keys(text, "2023年稀土指标解读", datetime(2023, 3, 25)) == {
        (RE, MIN, 2023, "batch:1", None, None, 120000),
        (RE, MIN, 2023, "batch:1", None, NORTH, 71650),
    }
    text = (
        "商务部公布了2012年第一批稀土出口配额，共10546吨。"
        "去年同期，第一批配额为14446吨。"
        "包钢稀土获得首批配额1440吨。"
    )
    assert keys(text, "商务部公布2012年第一批稀土出口配额", datetime(2011, 12, 28)) == {
        (RE, EXP, 2012, "batch:1", None, None, 10546),
        (RE, EXP, 2011, "batch:1", None, None, 14446),
        (RE, EXP, 2012, "batch:1", None, NORTH, 1440),
    }


def test_holders_listed_after_a_quota_sentence_continue_it() -> None:
    text = (
        "自然资源部近日下达2024年第一批钨矿开采总量控制指标，为6.2万吨。"
        "分省来看，江西省2.1万吨，湖南省1.2万吨。"
    )
    assert keys(text, "钨矿指标下达", datetime(2024, 4, 2)) == {
        (TU, MIN, 2024, "batch:1", None, None, 62000),
        (TU, MIN, 2024, "batch:1", None, "province:jiangxi", 21000),
        (TU, MIN, 2024, "batch:1", None, "province:hunan", 12000),
    }


def test_a_list_opened_by_as_follows_continues_its_line() -> None:
    text = (
        "各有关市州国土资源局：\n"
        "现将我省2015年度钨矿、锑矿开采总量控制指标下达如下：\n"
        "一、钨矿（WO3 65%）主采指标18500吨，综合利用指标6500吨；\n"
        "二、锑矿（金属量）开采总量控制指标40000吨。\n"
        "三、各市州要将指标分解到矿山，其中某某市钨矿主采指标9000吨。"
    )
    title = "湖南省国土资源厅关于下达2015年度钨矿锑矿开采总量控制指标的通知"
    assert keys(text, title, datetime(2015, 6, 1)) == {
        (TU, MIN, 2015, "annual", "tungsten_primary", "province:hunan", 18500),
        (TU, MIN, 2015, "annual", "tungsten_byproduct", "province:hunan", 6500),
        (SB, MIN, 2015, "annual", None, "province:hunan", 40000),
    }


def test_an_estimate_governs_the_clauses_after_it() -> None:
    text = "有分析人士估计，今年第一批开采指标约为14万吨。"
    assert keys(text, "稀土指标静默下达", datetime(2025, 4, 20)) == set()


def test_with_a_years_figure_compared_after_it() -> None:
    text = (
        "国土资源部下达2011年全国稀土矿开采总量控制指标93800吨，与2010年的89200吨相比增加"
        "4600吨。其中，内蒙古自治区59500吨，四川省24400吨。"
    )
    assert keys(text, "稀土矿开采总量控制指标下达", datetime(2011, 4, 11)) == {
        (RE, MIN, 2011, "annual", None, None, 93800),
        (RE, MIN, 2010, "annual", None, None, 89200),
        (RE, MIN, 2011, "annual", None, "province:neimenggu", 59500),
        (RE, MIN, 2011, "annual", None, "province:sichuan", 24400),
    }


def test_six_groups_listed_with_their_figures() -> None:
    text = (
        "2018年第一批稀土开采指标中，包钢集团59500吨，中国五矿2010吨，中铝公司7234吨，"
        "厦门钨业1720吨，赣州稀土集团4500吨，广东稀土集团1600吨。"
    )
    assert keys(text, "2018年稀土开采指标分配", datetime(2018, 3, 1)) == {
        (RE, MIN, 2018, "batch:1", None, NORTH, 59500),
        (RE, MIN, 2018, "batch:1", None, "china_minmetals", 2010),
        (RE, MIN, 2018, "batch:1", None, "chinalco_rare_earth", 7234),
        (RE, MIN, 2018, "batch:1", None, "xiamen_tungsten", 1720),
        (RE, MIN, 2018, "batch:1", None, "china_southern_rare_earth", 4500),
        (RE, MIN, 2018, "batch:1", None, "guangdong_rare_earth", 1600),
    }


def test_mining_places_named_bare_are_holders_we_cannot_name() -> None:
    text = "今年首批稀土开采指标中，赣州3800吨，龙岩1500吨。"
    assert keys(text, "稀土指标", datetime(2013, 3, 15)) == set()
    text = "2024年第一批钨矿开采指标中，江西2.1万吨，大余1200吨。"
    assert keys(text, "钨", datetime(2024, 4, 2)) == {
        (TU, MIN, 2024, "batch:1", None, "province:jiangxi", 21000)
    }


@pytest.mark.parametrize(
    ("text", "title", "published", "expected"),
    [
        (
            "國土資源部下達2014年全國鎢精礦開採總量控制指標8.9萬噸，其中主採指標6.85萬噸。",
            "鎢礦指標",
            datetime(2014, 6, 5),
            {
                (TU, MIN, 2014, "annual", None, None, 89000),
                (TU, MIN, 2014, "annual", "tungsten_primary", None, 68500),
            },
        ),
        (
            "商務部公佈，明年第一批稀土出口配額共計15110噸，與今年同期大致相當。",
            "稀土出口配額",
            datetime(2013, 12, 20),
            {(RE, EXP, 2014, "batch:1", None, None, 15110)},
        ),
        (
            "據報導，北方稀土獲得今年首批岩礦型稀土開採指標7.165萬噸。",
            "稀土指標分配",
            datetime(2023, 3, 28),
            {(RE, MIN, 2023, "batch:1", "light", NORTH, 71650)},
        ),
    ],
)
def test_traditional_reposts_in_other_words(
    text: str, title: str, published: datetime, expected: set[tuple[object, ...]]
) -> None:
    assert keys(text, title, published) == expected


@pytest.mark.parametrize(
    ("text", "types"),
    [
        (
            "业内消息称，2025年第二批稀土开采、冶炼分离总量控制指标已下发至企业，但官方未公开具体数量。",
            {MIN, SEP},
        ),
        ("据了解，今年第二批稀土开采指标已经分配给两大集团，具体额度不对外披露。", {MIN}),
    ],
)
def test_issuance_without_figures_in_other_words(text: str, types: set[str]) -> None:
    found = read(text, "稀土指标", datetime(2025, 10, 9))
    assert {(f.quota_type, f.year, f.period, f.amount_t) for f in found} == {
        (kind, 2025, "batch:2", None) for kind in types
    }


# Reposts that print every ASCII mark full-width ('－', '＇', '［］', '＄'): the same facts. (The
# relevance gate does not yet take a full-width hyphen in 'rare－earth': extractors/gate.py.)
_FULL = {c: chr(c + 0xFEE0) for c in range(0x21, 0x7F) if not chr(c).isalpha()}


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "稀土指标下达\n工信部联原［2024］25号文件显示，2024年第一批稀土开采、冶炼分离总量控制指标"
            "分别为135,000吨、127,000吨。",
            date(2024, 2, 7),
            {
                (RE, MIN, 2024, "batch:1", None, None, 135000),
                (RE, SEP, 2024, "batch:1", None, None, 127000),
            },
        ),
        (
            "China sets rare earth quotas\nChina's rare earth mining quota for 2021 is 168,000"
            " tonnes, up 20% on 2020's, the ministry said.",
            date(2021, 12, 31),
            {(RE, MIN, 2021, "annual", None, None, 168000)},
        ),
        (
            "Tungsten caps\nThe land ministry set the 2020 tungsten concentrate mining quota at"
            " 105,000 t - of which main-mining is 78,150 t.",
            date(2020, 12, 1),
            {
                (TU, MIN, 2020, "annual", None, None, 105000),
                (TU, MIN, 2020, "annual", "tungsten_primary", None, 78150),
            },
        ),
    ],
)
def test_full_width_reposts_state_the_same_facts(
    text: str, published: date, expected: set[tuple[object, ...]]
) -> None:
    for version in (text, text.translate(_FULL)):
        found = extract_text(version, "https://example.org/a", published=published).facts
        assert {
            (f.commodity, f.quota_type, f.year, f.period, f.category, f.holder, f.amount_t)
            for f in found
        } == expected, version


# Land ministry notices of tungsten, antimony and rare earth mining quotas, by province.


@pytest.mark.parametrize(
    ("text", "title", "published", "expected"),
    [
        (  # a table set out with spaces whose commodity headers are one character ("锑")
            "附件：2012年钨矿、锑矿、稀土矿开采总量控制指标表（单位：吨）\n"
            "序号 省（区） 钨精矿 锑 稀土（REO）\n1 内蒙古自治区 0 0 50000\n2 江西省 43000 0 9000\n"
            "3 湖南省 24000 20000 2000\n合计 89000 30000 93800",
            "国土资源部关于下达2012年钨矿锑矿稀土矿开采总量控制指标的通知",
            datetime(2012, 6, 1),
            {
                (RE, MIN, 2012, "annual", None, "province:neimenggu", 50000),
                (RE, MIN, 2012, "annual", None, "province:jiangxi", 9000),
                (RE, MIN, 2012, "annual", None, "province:hunan", 2000),
                (RE, MIN, 2012, "annual", None, None, 93800),
                (TU, MIN, 2012, "annual", None, "province:jiangxi", 43000),
                (TU, MIN, 2012, "annual", None, "province:hunan", 24000),
                (TU, MIN, 2012, "annual", None, None, 89000),
                (SB, MIN, 2012, "annual", None, "province:hunan", 20000),
                (SB, MIN, 2012, "annual", None, None, 30000),
            },
        ),
        (  # the same header written with the commodities first, in traditional characters
            "各省（區）指標如下：\n省份 鎢 銻\n江西 43000 —\n湖南 24000 20000\n廣西 5000 6000",
            "國土資源部下達2012年鎢礦銻礦開採總量控制指標",
            datetime(2012, 6, 1),
            {
                (TU, MIN, 2012, "annual", None, "province:jiangxi", 43000),
                (TU, MIN, 2012, "annual", None, "province:hunan", 24000),
                (TU, MIN, 2012, "annual", None, "province:guangxi", 5000),
                (SB, MIN, 2012, "annual", None, "province:hunan", 20000),
                (SB, MIN, 2012, "annual", None, "province:guangxi", 6000),
            },
        ),
        (  # provinces listed after the national figure, in 万吨, in one sentence
            "国土资源部日前下达2020年全国钨精矿开采总量控制指标10.5万吨，其中江西省4万吨、"
            "湖南省2.5万吨。",
            "钨矿开采指标下达",
            datetime(2020, 12, 10),
            {
                (TU, MIN, 2020, "annual", None, None, 105000),
                (TU, MIN, 2020, "annual", None, "province:jiangxi", 40000),
                (TU, MIN, 2020, "annual", None, "province:hunan", 25000),
            },
        ),
        (  # a batch's provinces with 分别为, after the batch's figure
            "自然资源部下达2020年第一批钨矿开采总量控制指标52500吨，江西省、湖南省分别为2万吨、"
            "1.25万吨。",
            "钨矿指标",
            datetime(2020, 5, 10),
            {
                (TU, MIN, 2020, "batch:1", None, None, 52500),
                (TU, MIN, 2020, "batch:1", None, "province:jiangxi", 20000),
                (TU, MIN, 2020, "batch:1", None, "province:hunan", 12500),
            },
        ),
    ],
)
def test_land_ministry_notices_by_province(
    text: str, title: str, published: datetime, expected: set[tuple[object, ...]]
) -> None:
    assert keys(text, title, published) == expected


# Export quotas of the commerce ministry (until 2014): batches, categories, companies.


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (  # the categories listed, then their sum in a clause of its own
            "商务部公布2012年第一批稀土出口配额，轻稀土、中重稀土分别为9095吨和1451吨，"
            "合计10546吨。",
            datetime(2011, 12, 28),
            {
                (RE, EXP, 2012, "batch:1", "light", None, 9095),
                (RE, EXP, 2012, "batch:1", "medium_heavy", None, 1451),
                (RE, EXP, 2012, "batch:1", None, None, 10546),
            },
        ),
        (  # the total first, the categories after 其中
            "2014年稀土第一批出口配额为15110吨，其中轻稀土13314吨，中重稀土1796吨。",
            datetime(2013, 12, 31),
            {
                (RE, EXP, 2014, "batch:1", None, None, 15110),
                (RE, EXP, 2014, "batch:1", "light", None, 13314),
                (RE, EXP, 2014, "batch:1", "medium_heavy", None, 1796),
            },
        ),
        (  # a company table under an export caption: its category columns are export's
            "2012年第一批稀土出口配额分配情况如下：\n企业名称 轻稀土 中重稀土 合计\n"
            "包钢稀土 1844 0 1844\n中国五矿 600 569 1169",
            datetime(2011, 12, 28),
            {
                (RE, EXP, 2012, "batch:1", "light", NORTH, 1844),
                (RE, EXP, 2012, "batch:1", None, NORTH, 1844),
                (RE, EXP, 2012, "batch:1", "light", "china_minmetals", 600),
                (RE, EXP, 2012, "batch:1", "medium_heavy", "china_minmetals", 569),
                (RE, EXP, 2012, "batch:1", None, "china_minmetals", 1169),
            },
        ),
        (  # the second batch, the first added, the year's total
            "商务部14日发布2011年第二批稀土出口配额15738吨，加上第一批14446吨，全年配额总量为"
            "30184吨。",
            datetime(2011, 7, 15),
            {
                (RE, EXP, 2011, "batch:2", None, None, 15738),
                (RE, EXP, 2011, "batch:1", None, None, 14446),
                (RE, EXP, 2011, "annual", None, None, 30184),
            },
        ),
        (  # shares of domestic and foreign-invested firms are no holder's
            "商务部近日公布2010年第一批稀土出口配额16304吨。其中内资企业12016吨，外资企业4288吨。",
            datetime(2009, 12, 30),
            {(RE, EXP, 2010, "batch:1", None, None, 16304)},
        ),
    ],
)
def test_export_quotas_by_batch_category_and_company(
    text: str, published: datetime, expected: set[tuple[object, ...]]
) -> None:
    assert keys(text, "稀土出口配额", published) == expected


@pytest.mark.parametrize(
    "text",
    [
        "今年第一批稀土开采指标为13.5万吨，1-5月产量合计5.2万吨。",
        "今年第一批稀土开采指标为13.5万吨，出口合计2.1万吨。",
        "今年第一批稀土开采指标为13.5万吨，两家企业产量共计8万吨。",
    ],
)
def test_a_sum_of_output_or_shipments_after_a_quota_is_not_one(text: str) -> None:
    assert keys(text, "稀土", datetime(2024, 6, 1)) == {
        (RE, MIN, 2024, "batch:1", None, None, 135000)
    }


# Histories: several years in one sentence, list or table.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2014年至2016年，我国稀土开采总量控制指标一直维持在10.5万吨。",
            {(RE, MIN, year, "annual", None, None, 105000) for year in (2014, 2015, 2016)},
        ),
        (
            "2014-2016年稀土开采指标均为10.5万吨，冶炼分离指标均为10万吨。",
            {(RE, MIN, year, "annual", None, None, 105000) for year in (2014, 2015, 2016)}
            | {(RE, SEP, year, "annual", None, None, 100000) for year in (2014, 2015, 2016)},
        ),
        (
            "2021年、2022年和2023年稀土开采总量控制指标分别为16.8万吨、21万吨和25.5万吨。",
            {
                (RE, MIN, 2021, "annual", None, None, 168000),
                (RE, MIN, 2022, "annual", None, None, 210000),
                (RE, MIN, 2023, "annual", None, None, 255000),
            },
        ),
        (
            "回顾历年指标：2008年稀土开采总量控制指标87620吨，2009年82320吨，2010年89200吨。",
            {
                (RE, MIN, 2008, "annual", None, None, 87620),
                (RE, MIN, 2009, "annual", None, None, 82320),
                (RE, MIN, 2010, "annual", None, None, 89200),
            },
        ),
        (
            "稀土开采总量控制指标由2006年的86520吨降至2009年的82320吨，此后逐年回升。",
            {
                (RE, MIN, 2006, "annual", None, None, 86520),
                (RE, MIN, 2009, "annual", None, None, 82320),
            },
        ),
        (
            "历年稀土开采、冶炼分离总量控制指标(万吨)\n年份 开采 冶炼分离\n2019 13.2 12.7\n"
            "2020 14 13.5",
            {
                (RE, MIN, 2019, "annual", None, None, 132000),
                (RE, SEP, 2019, "annual", None, None, 127000),
                (RE, MIN, 2020, "annual", None, None, 140000),
                (RE, SEP, 2020, "annual", None, None, 135000),
            },
        ),
        (
            "2020年稀土开采、冶炼分离指标分别为14万吨、13.5万吨，2019年则分别为13.2万吨、"
            "12.7万吨。",
            {
                (RE, MIN, 2020, "annual", None, None, 140000),
                (RE, SEP, 2020, "annual", None, None, 135000),
                (RE, MIN, 2019, "annual", None, None, 132000),
                (RE, SEP, 2019, "annual", None, None, 127000),
            },
        ),
    ],
)
def test_histories_of_several_years(text: str, expected: set[tuple[object, ...]]) -> None:
    assert keys(text, "稀土指标历年变化", datetime(2024, 3, 1)) == expected


# Older wordings: production plans, mandatory plans, "控制在".


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "2014年稀土矿产品和冶炼分离产品生产总量控制计划分别为105000吨和100000吨。",
            datetime(2014, 4, 10),
            {
                (RE, MIN, 2014, "annual", None, None, 105000),
                (RE, SEP, 2014, "annual", None, None, 100000),
            },
        ),
        (
            "工信部下达2014年稀土生产总量控制计划，其中矿产品10.5万吨，冶炼分离产品10万吨。",
            datetime(2014, 4, 10),
            {
                (RE, MIN, 2014, "annual", None, None, 105000),
                (RE, SEP, 2014, "annual", None, None, 100000),
            },
        ),
        (
            "工业和信息化部下达2009年稀土指令性生产计划，稀土矿产品119500吨。",
            datetime(2009, 6, 10),
            {(RE, MIN, 2009, "annual", None, None, 119500)},
        ),
        (
            "工信部：2015年稀土开采总量控制在10.5万吨，冶炼分离10万吨。",
            datetime(2015, 3, 10),
            {
                (RE, MIN, 2015, "annual", None, None, 105000),
                (RE, SEP, 2015, "annual", None, None, 100000),
            },
        ),
        (
            "今年我国稀土开采总量控制在27万吨，冶炼分离总量控制在25.4万吨。",
            datetime(2024, 8, 21),
            {
                (RE, MIN, 2024, "annual", None, None, 270000),
                (RE, SEP, 2024, "annual", None, None, 254000),
            },
        ),
    ],
)
def test_production_plans_and_control_wordings(
    text: str, published: datetime, expected: set[tuple[object, ...]]
) -> None:
    assert keys(text, "稀土", published) == expected


@pytest.mark.parametrize(
    "text",
    [
        "《稀土行业发展规划（2016-2020年）》提出，到2020年稀土开采总量控制在14万吨以内。",
        "规划要求到2020年底全国稀土冶炼分离产品产量控制在14万吨以内。",
        "目标是到2020年将稀土开采总量控制指标控制在14万吨。",
    ],
)
def test_a_plans_target_is_no_quota_in_other_words(text: str) -> None:
    assert keys(text, "稀土规划", datetime(2016, 10, 1)) == set()


# Financial news: growth, year on year, against last year.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the level a change comes to, inside a comparison, is the figure's own
            "首批开采指标较去年第一批增加1.5万吨至13.5万吨，增幅12.5%。",
            {(RE, MIN, 2024, "batch:1", None, None, 135000)},
        ),
        (
            "今年稀土开采总量控制指标较去年的25.5万吨上调至27万吨。",
            {
                (RE, MIN, 2024, "annual", None, None, 270000),
                (RE, MIN, 2023, "annual", None, None, 255000),
            },
        ),
        (
            "今年第一批稀土开采指标同比增长12.5%至13.5万吨，冶炼分离指标同比增长10.4%至12.7万吨。",
            {
                (RE, MIN, 2024, "batch:1", None, None, 135000),
                (RE, SEP, 2024, "batch:1", None, None, 127000),
            },
        ),
        (
            "今年首批稀土开采指标13.5万吨，较去年同期的12万吨增长12.5%。",
            {
                (RE, MIN, 2024, "batch:1", None, None, 135000),
                (RE, MIN, 2023, "batch:1", None, None, 120000),
            },
        ),
        (
            "2024年第一批稀土开采、冶炼分离总量控制指标分别为13.5万吨、12.7万吨，同比分别增长"
            "12.5%、10.4%。",
            {
                (RE, MIN, 2024, "batch:1", None, None, 135000),
                (RE, SEP, 2024, "batch:1", None, None, 127000),
            },
        ),
        (
            "今年第一批稀土开采指标同比增加1.5万吨，达到13.5万吨。",
            {(RE, MIN, 2024, "batch:1", None, None, 135000)},
        ),
    ],
)
def test_financial_news_rewrites(text: str, expected: set[tuple[object, ...]]) -> None:
    assert keys(text, "稀土开采指标下达", datetime(2024, 2, 7)) == expected


# Issuance without figures, in more words; not a foreseen one, not one of an unclear batch.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "今年首批稀土指标已下发，工信部并未公开发布相关通知，具体指标量不详。",
            {(MIN, 2025, "batch:1"), (SEP, 2025, "batch:1")},
        ),
        (
            "記者了解到，2025年度第一批稀土開採指標已經下發至相關企業，有關部門沒有公布指標數據。",
            {(MIN, 2025, "batch:1")},
        ),
        ("业内预计今年第一批稀土开采指标可能会在近期下发，具体数量尚未公布。", set()),
        ("截至目前，2025年第二批稀土开采指标尚未下达，数量也未公布。", set()),
        (
            "今年第二批稀土开采和冶炼分离指标已悄然下发，未公开具体数额，此前的第一批同样未公布。",
            set(),
        ),
    ],
)
def test_issuance_without_figures_issued_and_of_one_batch(
    text: str, expected: set[tuple[object, ...]]
) -> None:
    found = read(text, "稀土指标", datetime(2025, 4, 10))
    assert all(f.amount_t is None for f in found)
    assert {(f.quota_type, f.year, f.period) for f in found} == expected


def _own_sentences() -> list[str]:
    """Every sentence of this module that states or withholds a figure (its string constants)."""
    import ast
    import re
    from pathlib import Path

    tree = ast.parse(Path(__file__).read_text(encoding="utf-8"))
    found = {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and len(node.value) > 12
        and re.search(r"[\u4e00-\u9fff]", node.value)
        and re.search(r"吨|下达|下发", node.value)
    }
    return sorted(found)


def test_every_sentence_here_states_the_same_as_a_traditional_or_full_width_repost() -> None:
    """The check of ``bench/accuracy.py --variant hant|hant-tw|hant-hk|fullwidth``, on our own
    sentences."""
    from opencc import OpenCC

    to_traditional = [OpenCC(config).convert for config in ("s2t", "s2twp", "s2hk")]

    def facts(text: str) -> set[tuple[object, ...]]:
        found = extract_text(
            "稀土指标\n" + text, "https://example.org/a", published=date(2024, 2, 6)
        )
        return {
            (f.commodity, f.quota_type, f.year, f.period, f.category, f.holder, f.amount_t)
            for f in found.facts
        }

    sentences = _own_sentences()
    assert len(sentences) > 200
    for text in sentences:
        expected = facts(text)
        for convert in to_traditional:  # plain, with Taiwan's words, Hong Kong's forms
            assert facts(convert(text)) == expected, text
        assert facts(text.translate(_FULL)) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a bare number shares the 万 of the last in its list
            "2024年第一批稀土开采、冶炼分离总量控制指标分别为13.5、12.7万吨。",
            {
                (RE, MIN, 2024, "batch:1", None, None, 135000),
                (RE, SEP, 2024, "batch:1", None, None, 127000),
            },
        ),
        (
            "2022年前两批稀土开采、冶炼分离指标合计分别为21和20.2万吨。",
            {
                (RE, MIN, 2022, "cumulative:2", None, None, 210000),
                (RE, SEP, 2022, "cumulative:2", None, None, 202000),
            },
        ),
        (
            "2020年钨精矿开采总量控制指标10.5万吨，其中主采、综合利用指标分别为7.815、2.685万吨。",
            {
                (TU, MIN, 2020, "annual", None, None, 105000),
                (TU, MIN, 2020, "annual", "tungsten_primary", None, 78150),
                (TU, MIN, 2020, "annual", "tungsten_byproduct", None, 26850),
            },
        ),
        (  # a large bare number is tonnes already
            "2024年第一批稀土开采、冶炼分离总量控制指标分别为135000、127000吨。",
            {
                (RE, MIN, 2024, "batch:1", None, None, 135000),
                (RE, SEP, 2024, "batch:1", None, None, 127000),
            },
        ),
        (  # the type after a list of amounts is all of theirs
            "北方稀土、中国稀土集团今年分别获得9.458、4.042万吨开采指标。",
            {
                (RE, MIN, 2024, "annual", None, NORTH, 94580),
                (RE, MIN, 2024, "annual", None, CREG, 40420),
            },
        ),
        (  # amounts of holders we cannot name are not the nation's figure twice
            "今年两大集团分别获得9.458万吨和4.042万吨开采指标。",
            set(),
        ),
    ],
)
def test_lists_sharing_a_unit_or_a_type_written_after_them(
    text: str, expected: set[tuple[object, ...]]
) -> None:
    assert keys(text, "稀土指标", datetime(2024, 2, 7)) == expected


@pytest.mark.parametrize(
    ("text", "title", "published", "expected"),
    [
        (  # an outlet named after a group, in a source tag or as the source, is not the group
            "【中国铝业网】据北京7月1日消息，商务部下达2013年第二批稀土出口配额15500吨，其中轻稀土"
            "配额13821吨。",
            "稀土出口配额",
            datetime(2013, 7, 2),
            {
                (RE, EXP, 2013, "batch:2", None, None, 15500),
                (RE, EXP, 2013, "batch:2", "light", None, 13821),
            },
        ),
        (
            "【北方稀土网讯】2024年第一批稀土开采指标为13.5万吨。",
            "稀土指标",
            datetime(2024, 2, 7),
            {(RE, MIN, 2024, "batch:1", None, None, 135000)},
        ),
        (  # its website speaking for it is still the group
            "北方稀土网站公告，公司获得2024年第一批稀土开采指标9.458万吨。",
            "稀土指标",
            datetime(2024, 2, 7),
            {(RE, MIN, 2024, "batch:1", None, NORTH, 94580)},
        ),
    ],
)
def test_an_outlet_named_after_a_group_is_not_the_group(
    text: str, title: str, published: datetime, expected: set[tuple[object, ...]]
) -> None:
    assert keys(text, title, published) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            "商务部将明年1至6月份的稀土出口配额定为14508吨。",
            datetime(2010, 12, 28),
            {(RE, EXP, 2011, "batch:1", None, None, 14508)},
        ),
        (
            "商务部公布2011年7-12月稀土出口配额15738吨。",
            datetime(2011, 7, 15),
            {(RE, EXP, 2011, "batch:2", None, None, 15738)},
        ),
        (
            "2011年一至六月稀土出口配额为14446吨，七至十二月为15738吨。",
            datetime(2011, 7, 15),
            {
                (RE, EXP, 2011, "batch:1", None, None, 14446),
                (RE, EXP, 2011, "batch:2", None, None, 15738),
            },
        ),
    ],
)
def test_halves_of_the_year_named_by_their_months(
    text: str, published: datetime, expected: set[tuple[object, ...]]
) -> None:
    assert keys(text, "稀土出口配额", published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # set beside the by-product figure: the main-mining part
            "国土资源部下达江西省2017年第二批钨矿开采总量控制指标，钨精矿9750吨、综合利用2050吨。",
            {
                (TU, MIN, 2017, "batch:2", "tungsten_primary", "province:jiangxi", 9750),
                (TU, MIN, 2017, "batch:2", "tungsten_byproduct", "province:jiangxi", 2050),
            },
        ),
        (
            "湖南省2017年第二批钨矿开采总量控制指标为钨矿8000吨和综合回收1500吨。",
            {
                (TU, MIN, 2017, "batch:2", "tungsten_primary", "province:hunan", 8000),
                (TU, MIN, 2017, "batch:2", "tungsten_byproduct", "province:hunan", 1500),
            },
        ),
        (  # divided by it (其中), or followed by it after a comma: the whole
            "2017年全国钨精矿开采总量控制指标10.5万吨，其中主采7.815万吨、综合利用2.685万吨。",
            {
                (TU, MIN, 2017, "annual", None, None, 105000),
                (TU, MIN, 2017, "annual", "tungsten_primary", None, 78150),
                (TU, MIN, 2017, "annual", "tungsten_byproduct", None, 26850),
            },
        ),
        (
            "2017年全国钨精矿开采总量控制指标10.5万吨，综合利用指标2.685万吨。",
            {
                (TU, MIN, 2017, "annual", None, None, 105000),
                (TU, MIN, 2017, "annual", "tungsten_byproduct", None, 26850),
            },
        ),
    ],
)
def test_tungsten_beside_its_by_product_is_the_main_part(
    text: str, expected: set[tuple[object, ...]]
) -> None:
    assert keys(text, "钨矿指标", datetime(2017, 8, 1)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a group speaking of the quotas does not hold them
            "北方稀土董秘表示，2024年第一批稀土开采指标为13.5万吨。",
            {(RE, MIN, 2024, "batch:1", None, None, 135000)},
        ),
        (
            "中国五矿集团公司相关负责人介绍，2024年第一批稀土开采指标为13.5万吨。",
            {(RE, MIN, 2024, "batch:1", None, None, 135000)},
        ),
        (  # nor does a stock, or a firm bearing its name
            "厦门钨业股价大涨，2024年第一批稀土开采指标为13.5万吨。",
            {(RE, MIN, 2024, "batch:1", None, None, 135000)},
        ),
        (
            "五矿证券研报称，2024年第一批稀土开采指标为13.5万吨。",
            {(RE, MIN, 2024, "batch:1", None, None, 135000)},
        ),
        (  # but the group it speaks of is the one its "公司" means, and it may say it got one
            "北方稀土称，公司获得2024年第一批稀土开采指标9.458万吨。",
            {(RE, MIN, 2024, "batch:1", None, NORTH, 94580)},
        ),
        (
            "厦门钨业股价大涨，公司获得2024年第一批钨精矿开采指标4720吨。",
            {(TU, MIN, 2024, "batch:1", None, "xiamen_tungsten", 4720)},
        ),
        (
            "北方稀土表示，今年第一批获得开采指标9.458万吨。",
            {(RE, MIN, 2024, "batch:1", None, NORTH, 94580)},
        ),
    ],
)
def test_a_group_that_speaks_or_trades_holds_no_figure(
    text: str, expected: set[tuple[object, ...]]
) -> None:
    assert keys(text, "稀土指标", datetime(2024, 2, 7)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "内蒙古自治区政府入口网站释出讯息：国土资源部下达2016年度第一批稀土矿开采总量控制指标"
        "共计52500吨。",
        "內蒙古自治區政府網站發布：國土資源部下達2016年度第一批稀土礦開採總量控制指標共計52500噸。",
        "内蒙古自治区国土资源厅宣布：2016年度第一批稀土矿开采总量控制指标共计52500吨。",
    ],
)
def test_a_place_quoted_as_the_source_in_taiwan_and_mainland_wording_is_no_holder(
    text: str,
) -> None:
    assert keys(text, "稀土指标", datetime(2016, 2, 22)) == {
        (RE, MIN, 2016, "batch:1", None, None, 52500)
    }


@pytest.mark.parametrize(
    "text",
    [
        "6\n \n 6",  # a line of spaces between lines with spaces at their edges
        "采(a)\u3000\r\u3000采\n炼",  # pinyin-like brackets before a run of odd spaces
        "开(kāi)  采指标\n  \n 稀土",
    ],
)
def test_normalize_is_idempotent_where_hypothesis_found_it_was_not(text: str) -> None:
    from extractors.normalize import normalize, normalize_chars

    once = normalize(text)
    assert normalize(once) == once
    assert normalize_chars(once) == once


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "今年第一批稀土开采指标为十三万五千吨，冶炼分离指标为十二万七千吨。",
            {
                (RE, MIN, 2024, "batch:1", None, None, 135000),
                (RE, SEP, 2024, "batch:1", None, None, 127000),
            },
        ),
        ("今年稀土开采指标增至二十七万吨。", {(RE, MIN, 2024, "annual", None, None, 270000)}),
        (
            "北方稀土獲得今年第一批稀土開採指標九萬四千五百八十噸。",
            {(RE, MIN, 2024, "batch:1", None, NORTH, 94580)},
        ),
        ("今年稀土开采指标约为十几万吨。", set()),  # vague numerals are no figure
        ("今年稀土开采指标达数万吨。", set()),
        ("今年稀土开采指标增加了上千吨。", set()),
    ],
)
def test_amounts_in_chinese_numerals(text: str, expected: set[tuple[object, ...]]) -> None:
    assert keys(text, "稀土指标", datetime(2024, 2, 7)) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("十三万五千", 135000),
        ("十三万五", 135000),
        ("二十五万五千", 255000),
        ("九万四千五百八十", 94580),
        ("一万零五百", 10500),
        ("八千四百", 8400),
        ("两万", 20000),
        ("五五", None),
        ("万五", None),
        ("十万万", None),
    ],
)
def test_chinese_amount(text: str, value: int | None) -> None:
    from extractors.numbers import chinese_amount

    assert chinese_amount(text) == value


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (  # Hong Kong and Taiwan news count rounds and waves, not batches
            "中國公布今年首輪稀土開採配額為13.5萬公噸，冶煉分離配額為12.7萬公噸。",
            datetime(2024, 2, 7),
            {
                (RE, MIN, 2024, "batch:1", None, None, 135000),
                (RE, SEP, 2024, "batch:1", None, None, 127000),
            },
        ),
        (
            "中國第二輪稀土開採配額為13.5萬噸，全年配額達27萬噸。",
            datetime(2024, 8, 21),
            {
                (RE, MIN, 2024, "batch:2", None, None, 135000),
                (RE, MIN, 2024, "annual", None, None, 270000),
            },
        ),
        (
            "中国今年第一轮稀土开采配额为13.5万吨。",
            datetime(2024, 2, 7),
            {(RE, MIN, 2024, "batch:1", None, None, 135000)},
        ),
        (
            "中國今年第一波稀土開採配額為13.5萬噸。",
            datetime(2024, 2, 7),
            {(RE, MIN, 2024, "batch:1", None, None, 135000)},
        ),
        (  # a wave of anything else names no batch
            "第二波漲價潮之後，今年稀土開採配額為27萬噸。",
            datetime(2024, 8, 21),
            {(RE, MIN, 2024, "annual", None, None, 270000)},
        ),
    ],
)
def test_rounds_and_waves_are_batches(
    text: str, published: datetime, expected: set[tuple[object, ...]]
) -> None:
    assert keys(text, "稀土配額", published) == expected


@pytest.mark.parametrize(
    "text",
    [
        "中國大陸工信部公布，今年度稀土開採總量控制指標為27萬公噸，年增5.9%，較去年成長1.5萬公噸。",
        "今年稀土開採配額為27萬噸，較去年調升1.5萬噸。",
        "今年稀土開採配額為27萬噸，較去年上升1.5萬噸。",
        "今年稀土開採配額為27萬噸，比去年提升1.5萬噸。",
        "今年稀土开采配额为27万吨，比去年多了1.5万吨。",
    ],
)
def test_a_change_in_hong_kong_and_taiwan_words_is_no_quota(text: str) -> None:
    assert keys(text, "稀土配額", datetime(2024, 8, 21)) == {
        (RE, MIN, 2024, "annual", None, None, 270000)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the sum of one holder's parts is that holder's
            "湖南省2017年第二批钨矿开采总量控制指标：钨精矿9750吨、综合利用2050吨，合计11800吨。",
            {
                (TU, MIN, 2017, "batch:2", "tungsten_primary", "province:hunan", 9750),
                (TU, MIN, 2017, "batch:2", "tungsten_byproduct", "province:hunan", 2050),
                (TU, MIN, 2017, "batch:2", None, "province:hunan", 11800),
            },
        ),
        (  # the sum over holders is the nation's
            "2017年第二批钨矿开采总量控制指标：湖南省9750吨、江西省2050吨，合计11800吨。",
            {
                (TU, MIN, 2017, "batch:2", None, "province:hunan", 9750),
                (TU, MIN, 2017, "batch:2", None, "province:jiangxi", 2050),
                (TU, MIN, 2017, "batch:2", None, None, 11800),
            },
        ),
        (  # the sum of parts is of their commodity, whatever the title's
            "2017年第二批稀土开采指标中，岩矿型50000吨，离子型2500吨，合计52500吨。",
            {
                (RE, MIN, 2017, "batch:2", "light", None, 50000),
                (RE, MIN, 2017, "batch:2", "medium_heavy", None, 2500),
                (RE, MIN, 2017, "batch:2", None, None, 52500),
            },
        ),
    ],
)
def test_the_sum_of_parts_keeps_their_holder_and_commodity(
    text: str, expected: set[tuple[object, ...]]
) -> None:
    assert keys(text, "钨矿指标", datetime(2017, 8, 1)) == expected


def test_a_company_table_in_an_export_notice_whose_caption_names_no_type() -> None:
    text = (
        "附件：企业配额分配表\n企业名称 轻稀土 中重稀土 合计\n包钢稀土 1844 0 1844\n"
        "中国五矿 600 569 1169"
    )
    assert keys(text, "商务部关于下达2012年第一批稀土出口配额的通知", datetime(2011, 12, 28)) == {
        (RE, EXP, 2012, "batch:1", "light", NORTH, 1844),
        (RE, EXP, 2012, "batch:1", None, NORTH, 1844),
        (RE, EXP, 2012, "batch:1", "light", "china_minmetals", 600),
        (RE, EXP, 2012, "batch:1", "medium_heavy", "china_minmetals", 569),
        (RE, EXP, 2012, "batch:1", None, "china_minmetals", 1169),
    }


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (  # kept at another year's figure: the figure of the year being set, not restated
            "今年第一批稀土开采指标维持去年同期的12万吨不变。",
            datetime(2024, 2, 7),
            {(RE, MIN, 2024, "batch:1", None, None, 120000)},
        ),
        (
            "2013年钨矿开采总量控制指标维持在2012年的8.9万吨水平。",
            datetime(2013, 6, 1),
            {(TU, MIN, 2013, "annual", None, None, 89000)},
        ),
        (
            "今年第一批稀土开采指标保持去年同期12万吨的水平。",
            datetime(2024, 2, 7),
            {(RE, MIN, 2024, "batch:1", None, None, 120000)},
        ),
        (
            "今年第一批稀土开采指标与去年同期持平，为12万吨。",
            datetime(2024, 2, 7),
            {(RE, MIN, 2024, "batch:1", None, None, 120000)},
        ),
    ],
)
def test_a_figure_kept_from_another_year_is_the_years_being_set(
    text: str, published: datetime, expected: set[tuple[object, ...]]
) -> None:
    assert keys(text, "稀土钨矿指标", published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the commodity between the amount and its type
            "2024年第一批指标中，北方稀土获得94580吨稀土开采指标。",
            {(RE, MIN, 2024, "batch:1", None, NORTH, 94580)},
        ),
        (  # the category between: it is this amount's, not the next one's
            "2024年首批指标中，中国稀土集团获得30280吨岩矿型稀土开采指标、10140吨离子型稀土开采指标。",
            {
                (RE, MIN, 2024, "batch:1", "light", CREG, 30280),
                (RE, MIN, 2024, "batch:1", "medium_heavy", CREG, 10140),
            },
        ),
        (  # another verb, 万吨, two types after their amounts
            "2023年第三批指标下达，北方稀土获批1.2万吨稀土开采配额、1.1万吨稀土冶炼分离配额。",
            {
                (RE, MIN, 2023, "batch:3", None, NORTH, 12000),
                (RE, SEP, 2023, "batch:3", None, NORTH, 11000),
            },
        ),
        (  # traditional characters, the category alone
            "2024年第一批指標中，中國稀土集團取得10140噸中重稀土開採指標。",
            {(RE, MIN, 2024, "batch:1", "medium_heavy", CREG, 10140)},
        ),
        (  # tungsten: the commodity again before the type
            "2020年第一批共下达52500吨钨精矿开采指标。",
            {(TU, MIN, 2020, "batch:1", None, None, 52500)},
        ),
    ],
)
def test_words_between_an_amount_and_its_type_qualify_that_amount(
    text: str, expected: set[tuple[object, ...]]
) -> None:
    assert keys(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a thousands comma before the type is inside one clause
            "2022年第二批指标中，厦门钨业取得1,376吨稀土开采指标。",
            {(RE, MIN, 2022, "batch:2", None, "xiamen_tungsten", 1376)},
        ),
        (
            "2022年第二批指标中，北方稀土获得81,400吨开采配额、75,200吨冶炼分离配额。",
            {
                (RE, MIN, 2022, "batch:2", None, NORTH, 81400),
                (RE, SEP, 2022, "batch:2", None, NORTH, 75200),
            },
        ),
        (  # a short name before "分配到" / "分到" is the group receiving it
            "2023年第三批指标中，中国稀土分配到开采指标3,000吨。",
            {(RE, MIN, 2023, "batch:3", None, CREG, 3000)},
        ),
        (
            "2023年第三批稀土指标中，包钢分到11000吨冶炼分离配额。",
            {(RE, SEP, 2023, "batch:3", None, NORTH, 11000)},
        ),
        (  # traditional
            "2023年第三批稀土指標中，包鋼集團分配到1.1萬噸冶煉分離指標。",
            {(RE, SEP, 2023, "batch:3", None, NORTH, 11000)},
        ),
    ],
)
def test_group_shares_with_thousands_commas_and_short_names(
    text: str, expected: set[tuple[object, ...]]
) -> None:
    assert keys(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the sentence's 万吨 is no unit note: the table is in tonnes
            "2024年首批稀土开采、冶炼分离总量控制指标分别为13.5万吨、12.7万吨。\n"
            "集团 | 开采 | 冶炼分离\n北方稀土 | 94580 | 88010\n中国稀土集团 | 40420 | 38990",
            {(NORTH, MIN, 94580), (NORTH, SEP, 88010), (CREG, MIN, 40420), (CREG, SEP, 38990)},
        ),
        (  # ... unless every figure is below 1000: then in 万吨 like the sentence
            "2024年首批稀土开采、冶炼分离总量控制指标分别为13.5万吨、12.7万吨。\n"
            "集团 | 开采 | 冶炼分离\n北方稀土 | 9.458 | 8.801\n中国稀土集团 | 4.042 | 3.899",
            {(NORTH, MIN, 94580), (NORTH, SEP, 88010), (CREG, MIN, 40420), (CREG, SEP, 38990)},
        ),
        (  # a unit note says it: "单位：万吨"
            "2023年第三批稀土开采、冶炼分离总量控制指标分配表（单位：万吨）\n"
            "集团 | 开采 | 冶炼分离\n北方稀土 | 1.2 | 1.1\n中国稀土集团 | 0.3 | 0.285",
            {(NORTH, MIN, 12000), (NORTH, SEP, 11000), (CREG, MIN, 3000), (CREG, SEP, 2850)},
        ),
        (  # traditional, tabs as extraction gives them (a space)
            "2022年第二批稀土開採、冶煉分離總量控制指標分別為10.92萬噸、10.48萬噸。\n"
            "集團 開採 冶煉分離\n北方稀土 81400 75200\n中國稀土集團 25300 23800",
            {(NORTH, MIN, 81400), (NORTH, SEP, 75200), (CREG, MIN, 25300), (CREG, SEP, 23800)},
        ),
    ],
)
def test_a_group_table_after_a_sentence_in_wan_tonnes(
    text: str, expected: set[tuple[object, ...]]
) -> None:
    found = {(f.holder, f.quota_type, f.amount_t) for f in read(text) if f.holder}
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "2022年第二批指标中，厦门钨业的稀土开采指标为一千三百七十六吨。",
            {(RE, MIN, 2022, "batch:2", None, "xiamen_tungsten", 1376)},
        ),
        (
            "2022年第二批指标中，广东稀土分得冶炼指标四千二百四十二吨。",
            {(RE, SEP, 2022, "batch:2", None, "guangdong_rare_earth", 4242)},
        ),
        (
            "2023年第三批指標中，中國稀土集團獲得二千八百五十噸冶煉分離指標。",
            {(RE, SEP, 2023, "batch:3", None, CREG, 2850)},
        ),
        (  # a numeral ending in a digit, after 万
            "2024年第一批指标中，北方稀土获得开采指标九万四千五百八十吨。",
            {(RE, MIN, 2024, "batch:1", None, NORTH, 94580)},
        ),
    ],
)
def test_amounts_in_chinese_numerals_ending_in_a_digit(
    text: str, expected: set[tuple[object, ...]]
) -> None:
    assert keys(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a recipient we do not know is no national figure
            "2024年第一批稀土指标中，盛和资源获得开采指标3000吨。",
            set(),
        ),
        (
            "2023年第三批稀土指标下达，某稀土公司分得冶炼分离指标2850吨。",
            set(),
        ),
        (
            "今年首批稀土配额中，一家地方企业获配1.2万吨开采配额。",
            set(),
        ),
        (  # a stock code between a group's name and the verb
            "2024年第一批指标中，中国稀土(000831)获得开采指标40420吨。",
            {(RE, MIN, 2024, "batch:1", None, CREG, 40420)},
        ),
        (
            "2024年第一批指标中，北方稀土(600111)获得开采指标94580吨。",
            {(RE, MIN, 2024, "batch:1", None, NORTH, 94580)},
        ),
        (  # the national figure and a sum are still the nation's
            "2024年第一批稀土开采指标为135000吨，北方稀土获得94580吨。",
            {
                (RE, MIN, 2024, "batch:1", None, None, 135000),
                (RE, MIN, 2024, "batch:1", None, NORTH, 94580),
            },
        ),
    ],
)
def test_a_recipient_we_cannot_name_gives_no_national_figure(
    text: str, expected: set[tuple[object, ...]]
) -> None:
    assert keys(text) == expected
