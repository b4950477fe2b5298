"""Page content: site rules, the generic rule, tables, plain text, normalisation.

Small pages written for these tests live in tests/data/content/; the fixture mirror under
fixtures/sites/ is read too, checked against the dates and figures of its golden files.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import extractors
from extractors import sites
from extractors.content import date_from_dateline, date_from_url, read_content, read_text
from extractors.decode import decode_body
from extractors.errors import ExtractError
from extractors.facts import Content
from extractors.normalize import has_traditional, normalize, normalize_chars
from extractors.text_fields import (
    find_doc_number,
    find_signed,
    language_of,
    parse_date,
    parse_text_date,
)

DATA = Path(__file__).parent / "data" / "content"
FIXTURES = Path(__file__).parent.parent / "fixtures" / "sites"
MIRROR = "http://127.0.0.1:8765"


def read_sample(name: str, url: str | None = None) -> Content:
    markup, _ = decode_body((DATA / name).read_bytes(), "text/html")
    return read_content(markup, url or f"{MIRROR}/{name}")


# ---- site rules on small pages ----------------------------------------------------------------


def test_miit_detail_page() -> None:
    page = read_sample(
        "miit_new.html", "https://www.miit.gov.cn/jgsj/ycls/wjfb/art/2022/art_1.html"
    )
    assert page.site == "miit"
    assert page.title == (
        "工业和信息化部 自然资源部关于下达2022年第一批稀土开采、冶炼分离总量控制指标的通知"
    )
    assert page.published == datetime(2022, 1, 28, 16, 0)
    assert page.doc_number == "工信部联原〔2022〕13号"
    assert page.signed == date(2022, 1, 21)
    assert page.language == "zh"
    # full-width digits in the body come out half-width
    assert "分别为100800吨、97200吨。" in page.text
    # the attachment box outside the body is kept as a line
    assert "附件:2022年第一批稀土开采、冶炼分离总量控制指标表.xls" in page.text.split("\n")
    # navigation, share bar, sidebar and footer are not text
    for noise in ("首页", "分享到", "12345", "168000", "010-68208025"):
        assert noise not in page.text


def test_miit_table_rows_line_up_under_spanning_headers() -> None:
    lines = read_sample("miit_new.html").text.split("\n")
    start = lines.index("附件") + 1
    assert lines[start : start + 4] == [
        "稀土集团 | 开采指标 | | 冶炼分离指标",
        "| 岩矿型 | 离子型 |",
        "中国北方稀土(集团)高科技股份有限公司 | 60210 | 0 | 56690",
        "合计 | 89310 | 11490 | 97200",
    ]


def test_miit_page_on_the_local_mirror_is_found_by_its_markers() -> None:
    page = read_sample("miit_new.html", f"{MIRROR}/jgsj/ycls/wjfb/art/2022/art_1.html")
    assert page.site == "miit"
    assert page.doc_number == "工信部联原〔2022〕13号"


def test_old_miit_page_in_gbk() -> None:
    page = read_sample("miit_old.html", "https://www.miit.gov.cn/n1146295/n1/c1/content.html")
    assert page.site == "miit_old"
    assert page.title == "工业和信息化部 国土资源部关于下达2017年度稀土开采、生产总量控制计划的通知"
    assert page.published == datetime(2017, 3, 1)
    assert page.doc_number == "工信部联原〔2017〕40号"  # written with [] on the page
    assert page.signed == date(2017, 2, 24)  # 二〇一七年二月二十四日
    assert "105000吨、100000吨" in page.text
    assert "2017年度稀土开采、生产总量控制计划表.doc" in page.text
    assert "2016年度计划" not in page.text  # the left column's links
    assert "京ICP" not in page.text


def test_govcn_policy_library_page() -> None:
    page = read_sample("govcn.html", "https://www.gov.cn/zhengce/zhengceku/202303/content_1.htm")
    assert page.site == "govcn"
    assert page.title == (
        "工业和信息化部 自然资源部关于下达2023年第一批稀土开采、冶炼分离总量控制指标的通知"
    )
    assert page.published == datetime(2023, 3, 24, 18, 20, 5)
    assert page.doc_number == "工信部联原〔2023〕33号"
    assert page.signed == date(2023, 3, 17)  # no closing date line: 成文日期 from the box
    assert "120000吨、115000吨" in page.text
    assert not page.text.startswith("工业和信息化部 自然资源部关于")  # the repeated title
    assert "210000" not in page.text and "000014349" not in page.text


def test_mnr_notice_page() -> None:
    page = read_sample("mnr.html", "https://www.mnr.gov.cn/gk/tzgg/202103/t20210326_1.html")
    assert page.site == "mnr"
    assert page.title == "自然资源部关于下达2021年度稀土矿钨矿开采总量控制指标的通知"
    assert page.published == datetime(2021, 3, 26)
    assert page.doc_number == "自然资发〔2021〕37号"  # ﹝﹞ on the page
    assert page.signed == date(2021, 3, 22)
    assert "开采总量控制指标为108000吨" in page.text
    assert "附件:2021年度开采总量控制指标分配表.xls" in page.text
    assert "96000" not in page.text


# ---- the generic rule -------------------------------------------------------------------------


def test_news_page_keeps_the_article_and_drops_every_block_around_it() -> None:
    page = read_sample("news_en.html", "https://metalswire.example/2021/03/02/quota")
    assert page.site == "generic"
    assert page.language == "en"
    assert page.title == "China raises first rare earth quota of 2021"
    assert page.published == datetime(2021, 3, 2, 7, 45)
    assert "84,000 tonnes, up 27%" in page.text
    assert "81,000 tonnes, against 63,500 tonnes" in page.text
    # ticker, read-more, related articles, comments and footer numbers must not reach text
    for noise in ("9,120", "16,500", "41,250", "300,000", "7,777", "555,555", "444,444"):
        assert noise not in page.text
    for noise in ("8,888", "19%", "1,234", "3,333", "2,222", "Related Articles", "Read more"):
        assert noise not in page.text
    assert page.doc_number is None and page.signed is None


def test_traditional_character_repost_is_simplified_and_half_width() -> None:
    page = read_sample("trad_repost.html", "https://news.example.com.tw/news/1")
    assert page.site == "generic"
    assert page.language == "zh"
    assert page.title == "工信部下达2024年第二批稀土开采、冶炼分离总量控制指标"
    assert page.published == datetime(2024, 8, 20, 9, 15)
    assert "稀土开采、冶炼分离总量控制指标分别为135000吨、127000吨。" in page.text
    assert "270000吨、254000吨" in page.text
    assert not has_traditional(page.text)
    assert "15800" not in page.text  # the related-news list


def test_malformed_html_is_still_read() -> None:
    page = read_sample("malformed.html")
    assert page.title == "关于下达2021年度稀土开采、冶炼分离总量控制指标的通知"
    assert "分别为168000吨、162000吨" in page.text
    assert "84000吨、81000吨" in page.text


@pytest.mark.parametrize(
    "markup",
    [
        "<p>一、2021年度稀土开采总量控制指标为168000吨",
        "<div><span>一、2021年度稀土开采总量控制指标为168000吨</div></span></td></html><body>",
        "一、2021年度稀土开采总量控制指标为168000吨",
    ],
)
def test_fragments_and_tag_soup(markup: str) -> None:
    page = read_content(markup, f"{MIRROR}/soup.html")
    assert "168000吨" in page.text


def test_a_charset_declared_in_already_decoded_markup_is_ignored() -> None:
    for head in ('<?xml version="1.0" encoding="gbk"?>', '<meta charset="big5">'):
        page = read_content(f"{head}<html><body><p>稀土开采指标135000吨</p></body></html>", "u")
        assert page.text == "稀土开采指标135000吨"


@pytest.mark.parametrize("markup", ["", "   \n\t  "])
def test_nothing_to_read_raises(markup: str) -> None:
    with pytest.raises(ExtractError):
        read_content(markup, f"{MIRROR}/empty.html")


def test_plain_text_content_type_goes_to_read_text() -> None:
    page = read_content(
        "Quota notice\n2024-02-06\nThe quota is 135,000 tonnes.",
        "x.txt",
        content_type="text/plain; charset=utf-8",
    )
    assert page.site == "text"
    assert page.title == "Quota notice"
    assert page.text == "The quota is 135,000 tonnes."


def test_json_ld_and_time_give_dates_when_meta_tags_do_not() -> None:
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2020-11-11T08:00:00Z"}</script>'
    )
    page = read_content(f"<html><head>{ld}</head><body><p>Text.</p></body></html>", "u")
    assert page.published == datetime(2020, 11, 11, 8, 0)
    timed = '<html><body><article><time datetime="2019-05-20">May 20</time><p>x</p></article>'
    assert read_content(timed, "u").published == datetime(2019, 5, 20)


def test_rule_registry() -> None:
    names = [rule.name for rule in (*sites.RULES, sites.GENERIC, sites.TEXT)]
    assert len(names) == len(set(names))
    assert {"miit", "miit_old", "govcn", "mnr", "generic"} <= set(names)
    assert sites.host_of("https://WWW.MIIT.GOV.CN/a") == "www.miit.gov.cn"


# ---- plain text -------------------------------------------------------------------------------

PASTED = """China sets second batch of 2024 rare earth quotas
August 20, 2024
Share  Tweet  Email
China's industry ministry set the second batch of 2024 rare earth mining quotas at 135,000 tonnes.
The smelting quota was 127,000 tonnes, bringing the full-year total to 254,000 tonnes.
12 shares
Related Articles
Tariffs of 25% hit 300,000 items
Lithium output reaches 555,555 tonnes
"""


def test_read_text_cuts_boilerplate() -> None:
    page = read_text(PASTED, "file:///notes/quota.txt")
    assert page.site == "text"
    assert page.title == "China sets second batch of 2024 rare earth quotas"
    assert page.published == datetime(2024, 8, 20)
    assert page.language == "en"
    assert page.text.split("\n") == [
        "China's industry ministry set the second batch of 2024 rare earth mining quotas at "
        "135,000 tonnes.",
        "The smelting quota was 127,000 tonnes, bringing the full-year total to 254,000 tonnes.",
    ]


def test_read_text_in_chinese_with_signature() -> None:
    text = (
        "关于下达2023年第三批稀土开采、冶炼分离总量控制指标的通知\n工信部联原（2023）246号\n"
        "各有关单位：\n第三批指标分别为１５０００吨、１３８５０吨。\n工业和信息化部\n"
        "2023年12月14日\n相关阅读\n2022年指标210000吨\n"
    )
    page = read_text(text, "a.txt")
    assert page.doc_number == "工信部联原〔2023〕246号"
    assert page.signed == date(2023, 12, 14)
    assert "分别为15000吨、13850吨。" in page.text
    assert "210000" not in page.text


# ---- text fields ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-02-06 16:30", datetime(2024, 2, 6, 16, 30)),
        ("2022-07-28-16:52:31", datetime(2022, 7, 28, 16, 52, 31)),
        ("2023-03-24T18:05:00+08:00", datetime(2023, 3, 24, 18, 5)),
        ("发布时间：2019-10-30", datetime(2019, 10, 30)),
        ("2022年07月28日", datetime(2022, 7, 28)),
        ("2024/2/6", datetime(2024, 2, 6)),
        ("20240206", datetime(2024, 2, 6)),
        ("2024-13-45", None),
        ("no date", None),
    ],
)
def test_parse_date(value: str, expected: datetime | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("March 2, 2021", datetime(2021, 3, 2)),
        ("Published: Tue 2 Mar 2021 07:45 GMT", datetime(2021, 3, 2)),
        ("Sept. 30, 2019", datetime(2019, 9, 30)),
        ("Updated February 30, 2021", None),
    ],
)
def test_parse_text_date(value: str, expected: datetime | None) -> None:
    assert parse_text_date(value) == expected


@pytest.mark.parametrize(
    "line",
    [
        "工信部联原〔2024〕25号",
        "工信部联原[2024]25号",
        "工信部联原﹝2024﹞25号",
        "工信部联原(2024)25号",
    ],
)
def test_doc_number_bracket_variants(line: str) -> None:
    assert find_doc_number(f"{line}\n各有关单位:") == "工信部联原〔2024〕25号"


def test_doc_number_cited_inside_a_sentence_is_not_the_pages_own() -> None:
    text = (
        "各有关单位:\n"
        "根据《国务院关于促进稀土行业持续健康发展的若干意见》(国发〔2011〕12号)等规定,现将指标下达。"
    )
    assert find_doc_number(text) is None


def test_signed_date_closes_the_notice() -> None:
    lines = ["标题", "正文", "一、指标", "自然资源部", "二〇二〇年三月十九日", "(此件公开发布)"]
    assert find_signed(lines) == date(2020, 3, 19)
    assert find_signed(["a", "b", "c", "本通知自2024年1月1日起施行。"]) is None


def test_language() -> None:
    assert language_of("稀土开采总量控制指标 MIIT REO") == "zh"
    assert language_of("China's rare earth (稀土) quota rose to 135,000 tonnes") == "en"
    assert language_of("12345") is None


# ---- normalisation ----------------------------------------------------------------------------


def test_normalize_width_and_traditional() -> None:
    assert normalize("指標分別為１２００００噸（ＲＥＯ），增長１０．５％／年；") == (
        "指标分别为120000吨(REO),增长10.5%/年;"
    )
    # 、。〔〕 and Chinese quotes are kept
    assert normalize("工信部联原〔2024〕25号、“通知”。") == "工信部联原〔2024〕25号、“通知”。"
    assert normalize("a\u00a0\u00a0b   c\u3000d \n  e ") == "a b c d\ne"


def test_normalize_leaves_simplified_text_alone() -> None:
    text = "关于下达2024年第一批稀土开采、冶炼分离总量控制指标的通知"
    assert not has_traditional(text)
    assert normalize(text) == text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_normalize_chars_is_length_preserving(text: str) -> None:
    assert len(normalize_chars(text)) == len(text)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="開採冶煉分離總量稀土指標吨噸１２３４５67，、。（）　 \u00a0\nab", max_size=60)
)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert normalize_chars(once) == once


# ---- the fixture mirror -----------------------------------------------------------------------


OFFICIAL_RULES = {
    "www.miit.gov.cn": ("miit", "miit_old"),
    "www.mnr.gov.cn": ("mnr",),
    "www.gov.cn": ("govcn",),
}


def _golden_pages() -> list[Path]:
    return sorted(FIXTURES.rglob("*.facts.json")) if FIXTURES.exists() else []


def _amount_forms(amount: float) -> set[str]:
    whole = int(amount)
    thousands = f"{amount / 1000:g}"
    return {str(whole), f"{whole:,}", f"{amount / 10000:g}万", f"{thousands}kt", f"{thousands} kt"}


@pytest.mark.parametrize(
    "golden",
    _golden_pages(),
    ids=lambda p: str(p.relative_to(FIXTURES)).removesuffix(".facts.json"),
)
def test_fixture_page_is_read(golden: Path) -> None:
    expected = json.loads(golden.read_text(encoding="utf-8"))
    page_path = golden.with_name(golden.name.removesuffix(".facts.json"))
    content_type = "text/plain" if page_path.suffix == ".txt" else "text/html"
    markup, _ = decode_body(page_path.read_bytes(), content_type)
    page = read_content(markup, expected["url"], content_type=content_type)
    assert page.title, "no title"
    host = expected["url"].split("/")[2]
    if host in OFFICIAL_RULES:
        assert page.site in OFFICIAL_RULES[host], f"read by {page.site}"
    assert page.published is not None, "no publication date"
    assert page.published.date().isoformat() == expected["published"]
    assert page.text, "no text"
    missing = [
        fact["amount_t"]
        for fact in expected["facts"]
        if fact["amount_t"] is not None
        and not any(form in page.text for form in _amount_forms(fact["amount_t"]))
    ]
    assert not missing, f"figures missing from text: {missing}"
    # the same page from the local mirror (unknown host) is read by the same rule
    mirrored = read_content(
        markup, MIRROR + "/" + expected["url"].split("/", 3)[3], content_type=content_type
    )
    assert (mirrored.site, mirrored.text) == (page.site, page.text)


@pytest.mark.parametrize(
    "first",
    [
        "BEIJING, March 2 - China set the first batch of rare earth mining quotas at 84,000 "
        "tonnes on Tuesday, up 27% on a year ago.",
        "工信部、自然资源部日前下达2022年第一批稀土开采、冶炼分离总量控制指标，分别为100800吨、97200吨。",
        '"The quotas were set for the whole year," an industry official said.',
    ],
)
def test_a_text_that_starts_with_its_story_keeps_its_first_line(first: str) -> None:
    """An excerpt or pasted story may begin in its first paragraph: no headline to take."""
    page = read_text(f"{first}\nA second line of the story follows here.\n", "a.txt")
    assert page.title is None
    assert page.text.startswith(first[:20])


def test_a_headline_first_line_is_still_the_title() -> None:
    page = read_text("China sets 2022 rare earth quotas, sources say\nThe story.\n", "a.txt")
    assert page.title == "China sets 2022 rare earth quotas, sources say"
    assert page.text == "The story."


# ---- a date for a page that states none (our own URLs and datelines) -----------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://news.example.com/article/2010/12/28/china-cuts-quota-idUS123",
            date(2010, 12, 28),
        ),
        ("https://example.org/metals/tungsten-quota-2012-05-04.html", date(2012, 5, 4)),
        ("https://example.cn/news/20110728/5521.shtml", date(2011, 7, 28)),
        ("https://example.cn/broadcast/201309/778.shtml", date(2013, 9, 1)),
        ("https://blog.example.net/2014/03/china-export-quota-cut.html", date(2014, 3, 1)),
        ("https://example.com/china-2024-rare-earth-quota-updates", None),  # a bare year
        ("https://example.com/?p=201107", None),  # a query value, not a path segment
        ("https://example.com/markets/6cb2fa3d20110728e03c-148.html", None),  # inside an id
        ("https://example.com/article/3105853/quota", None),
    ],
)
def test_date_from_url(url: str, expected: date | None) -> None:
    stated = date_from_url(url)
    assert (stated.date() if stated else None) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BEIJING, Dec 28, 2010 (Reuters) - China cut its export quota.", date(2010, 12, 28)),
        ("SHANGHAI Tue Jun 5, 2012 3:07am EDT\nThe story.", date(2012, 6, 5)),
        ("March 9, 2013 — The ministry set the quota.", date(2013, 3, 9)),
        ("2011-07-28 | Beijing issued the second batch.", date(2011, 7, 28)),
        ("14 August 2009 - Quotas were cut again.", date(2009, 8, 14)),
        ("HONG KONG (AFP) 3 Jan 2012 - Exports were capped.", date(2012, 1, 3)),
        # a date inside the story, or further down, is not the page's date
        ("China said on July 28, 2011 - that exports would fall.", None),
        ("The quota was cut.\nIts exports fell.\nBEIJING, Dec 28, 2010 (Reuters) - x", None),
        ("Posted 2011-07-28 by the editor", None),
    ],
)
def test_date_from_dateline(text: str, expected: date | None) -> None:
    stated = date_from_dateline(text)
    assert (stated.date() if stated else None) == expected


def test_an_undated_page_takes_its_url_date_for_this_year() -> None:
    text = (
        "China trims rare earth export quota\n"
        "China set this year's first batch of rare earth export quotas at 14,446 tonnes.\n"
    )
    dated = extractors.extract_text(text, "https://example.com/2011/01/quota.html")
    assert dated.content.published == datetime(2011, 1, 1)
    assert {(f.year, f.period, f.amount_t) for f in dated.facts} == {(2011, "batch:1", 14446)}
    given = extractors.extract_text(
        text, "https://example.com/2011/01/q", published=date(2012, 1, 2)
    )
    assert given.content.published == datetime(2012, 1, 2)  # a date given wins over the URL's


def test_an_undated_page_takes_its_dateline() -> None:
    text = (
        "Quota news\n"
        "BEIJING, July 14, 2011 (Reuters) - China set the second batch of rare earth export "
        "quotas for this year at 15,738 tonnes.\n"
    )
    page = extractors.extract_text(text, "https://example.com/quota-news")
    assert page.content.published == datetime(2011, 7, 14)
    assert {(f.year, f.period, f.amount_t) for f in page.facts} == {(2011, "batch:2", 15738)}


# ---- navigation lines above a plain text's story --------------------------------------------


@pytest.mark.parametrize(
    "head",
    [
        "Related Topics\nMarkets\nCommodities",
        "Related Topics",
        "Related News\nMetals\nChina\nEnergy",
    ],
)
def test_navigation_above_the_story_is_skipped(head: str) -> None:
    text = (
        "Miners rally on quota cut\nLONDON Mon Mar 5, 2012 9:10am GMT\n"
        f"{head}\n"
        "LONDON (Reuters) - Shares of rare earth miners rose after China cut its quotas.\n"
        "The second paragraph of the story.\n"
        "Related Articles\nAnother headline\n"
    )
    page = read_text(text, "a.txt")
    assert page.text.startswith("LONDON (Reuters) - Shares")
    assert "second paragraph" in page.text
    assert "Another headline" not in page.text  # a related list below the story is still cut
    assert page.published == datetime(2012, 3, 5)


def test_a_related_list_with_no_story_after_it_still_ends_the_text() -> None:
    text = "A headline\nThe story is one line long.\nRelated Topics\nMarkets\nA summary line.\n"
    assert read_text(text, "a.txt").text == "The story is one line long."
    lonely = "A headline\nRelated Topics\nMarkets\nCommodities\n"
    assert read_text(lonely, "a.txt").text == ""
