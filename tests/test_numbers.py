"""Amounts, percentages, Chinese numerals and dates, as the fact rules of both languages
read them."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from extractors import dates
from extractors.numbers import (
    AMOUNT_EN_RE,
    AMOUNT_ZH_RE,
    chinese_numeral,
    parse_amount,
    parse_percent,
    to_halfwidth,
)


@pytest.mark.parametrize(
    ("text", "tonnes"),
    [
        ("270,000", 270_000),
        ("270000", 270_000),
        ("13.5万", 135_000),
        ("13.5万吨", 135_000),
        ("1.2万吨", 12_000),
        ("9.458万吨", 94_580),
        ("１３５０００", 135_000),
        ("１３．５万吨", 135_000),
        ("135kt", 135_000),
        ("100.8 kt", 100_800),
        ("66,000t", 66_000),
        ("66,000 tonnes", 66_000),
        ("52,500 metric tons", 52_500),
        ("20,000 mt", 20_000),
        ("1.2 million tonnes", 1_200_000),
        ("135000吨", 135_000),
    ],
)
def test_parse_amount_gives_tonnes(text: str, tonnes: float) -> None:
    assert parse_amount(text) == tonnes


@pytest.mark.parametrize("text", ["", "abc", "吨", "13.5万元", "135000吨以上", "12.5%", "2024年"])
def test_parse_amount_refuses_what_is_not_one_amount(text: str) -> None:
    assert parse_amount(text) is None


def test_amount_patterns_find_amounts_in_running_text() -> None:
    zh = "指标分别为135000吨、13.5万吨，价格为45万元/吨"
    assert [m.group() for m in AMOUNT_ZH_RE.finditer(zh)] == ["135000吨", "13.5万吨"]
    en = "quotas of 135kt and 127,000 tonnes, up 12.5%, in 2024"
    assert [m["num"] for m in AMOUNT_EN_RE.finditer(en)] == ["135", "127,000"]


def test_amount_pattern_does_not_read_part_of_a_longer_number() -> None:
    assert [m.group() for m in AMOUNT_ZH_RE.finditer("编号20240135000吨")] == ["20240135000吨"]
    assert AMOUNT_EN_RE.search("in 2024 the tonnage") is None


@pytest.mark.parametrize(
    ("text", "percent"),
    [
        ("同比增长12.5%", 12.5),
        ("同比增长１２．５％", 12.5),
        ("up 27 per cent", 27.0),
        ("up 27 percent", 27.0),
        ("rose 10.43pc", 10.43),
        ("-3%", -3.0),
    ],
)
def test_parse_percent(text: str, percent: float) -> None:
    assert parse_percent(text) == percent


def test_parse_percent_without_a_percentage() -> None:
    assert parse_percent("135000吨") is None
    assert parse_percent("the PC market") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("一", 1), ("二", 2), ("两", 2), ("三", 3), ("四", 4), ("十", 10), ("十二", 12), ("二十", 20)],
)
def test_chinese_numerals(text: str, value: int) -> None:
    assert chinese_numeral(text) == value


@pytest.mark.parametrize("text", ["", "批", "十十", "一二"])
def test_chinese_numeral_refuses_other_text(text: str) -> None:
    assert chinese_numeral(text) is None


def test_halfwidth_keeps_length_so_spans_stay_valid() -> None:
    text = "指标（见附件）：１３５０００吨，同比增长１２．５％。"
    half = to_halfwidth(text)
    assert len(half) == len(text)
    assert half == "指标(见附件):135000吨,同比增长12.5%。"


def test_chinese_dates() -> None:
    assert dates.parse_zh_date("工业和信息化部\n2023年12月14日") == date(2023, 12, 14)
    assert dates.parse_zh_date("２０２３年１２月１４日") == date(2023, 12, 14)
    assert dates.parse_zh_date("2023年2月30日") is None
    assert dates.parse_zh_date("2023年度") is None


def test_relative_years_resolve_against_the_publication_date_not_the_clock() -> None:
    published = datetime(2021, 3, 2, 9, 0)
    assert dates.resolve_relative_year("今年", published) == 2021
    assert dates.resolve_relative_year("去年", published) == 2020
    assert dates.resolve_relative_year("上年", date(2019, 1, 5)) == 2018
    assert dates.resolve_relative_year("明年", published) == 2022
    assert dates.resolve_relative_year("last year", published) == 2020
    assert dates.resolve_relative_year("今年", None) is None
    assert dates.resolve_relative_year("昨天", published) is None


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("关于下达2024年第一批稀土开采、冶炼分离总量控制指标的通知", (2024, "batch:1")),
        ("关于下达2023年第三批稀土开采、冶炼分离总量控制指标的通知", (2023, "batch:3")),
        ("自然资源部关于下达2020年度稀土矿钨矿开采总量控制指标的通知", (2020, "annual")),
        ("2022年前两批稀土指标合计21万吨", (2022, "cumulative:2")),
        ("关于下达2021年稀土开采、冶炼分离总量控制指标的通知", (2021, None)),
        ("稀土板块午后走强", (None, None)),
    ],
)
def test_title_period(title: str, expected: tuple[int | None, str | None]) -> None:
    assert dates.title_period(title) == expected


def test_batch_number() -> None:
    assert dates.batch_number("第二批") == 2
    assert dates.batch_number("第 3 批") == 3
    assert dates.batch_number("批次") is None
