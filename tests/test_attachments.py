"""The pure attachment rules: bytes and a file name to rows of cells, rows to per-group facts.

The files are the committed fixtures (fixtures/make_attachments.py); the expected facts are
their golden files, written from the published tables and never from the extractor.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.allocations import (
    NoticeContext,
    extract_attachment,
    notice_context,
    read_allocations,
)
from extractors.attachments import (
    AttachmentError,
    Sheet,
    attachment_links,
    read_sheets,
    sniff,
)

SITES = Path(__file__).resolve().parents[1] / "fixtures" / "sites"
KEY = ("commodity", "quota_type", "year", "period", "category", "holder", "amount_t", "status")
MIIT_2024_1 = "工业和信息化部 自然资源部关于下达2024年第一批稀土开采、冶炼分离总量控制指标的通知"
CONTEXT_2024_1 = NoticeContext(2024, "batch:1", "MIIT")
GOLDENS = sorted(SITES.rglob("*.allocations.json"))


def golden(path: Path) -> tuple[Path, dict[str, object]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return path.with_name(path.name.removesuffix(".allocations.json")), data


def keys(facts: object) -> set[tuple[object, ...]]:
    out = set()
    for fact in facts:  # type: ignore[attr-defined]
        get = fact.get if isinstance(fact, dict) else lambda k, f=fact: getattr(f, k)
        out.add(tuple(float(get(k)) if k == "amount_t" else get(k) for k in KEY))
    return out


NOTICE_TITLES = {
    "art_07793024127b6d7169918a231e04fe96": MIIT_2024_1,
    "content_6931234": MIIT_2024_1,
    "art_64de32cca4fa08f3e58cfe57702b0c2a": MIIT_2024_1.replace("2024年第一批", "2023年第三批"),
    "t20200325_2503561": "自然资源部关于下达2020年度稀土矿钨矿开采总量控制指标（第一批）的通知",
    "art_0073ece9e5b52d9f211ddcb253ea01cd": MIIT_2024_1.replace("第一批", "第二批"),
    "art_af41e6d9500e85dd98b2d1f29f149793": MIIT_2024_1.replace("2024年", "2023年"),
}


@pytest.mark.parametrize("path", GOLDENS, ids=[p.name.split(".")[0] for p in GOLDENS])
def test_each_fixture_attachment_reads_into_its_golden_facts(path: Path) -> None:
    file, data = golden(path)
    title = next(t for key, t in NOTICE_TITLES.items() if key in str(data["notice"]))
    result = extract_attachment(
        file.read_bytes(), "http://example.test/" + file.name, link_title=None,
        notice_title=title, convert=None,
    )  # fmt: skip
    assert keys(result.facts) == keys(data["facts"])
    reason = data["unreadable"] or data["unreadable_without_converter"]
    if reason:
        assert result.error is not None and str(reason) in result.error
        assert "\n" not in result.error
    else:
        assert result.error is None
        for fact in result.facts:  # the evidence is the row, at its place in the text
            assert result.content.text[fact.span[0] : fact.span[1]] == fact.evidence


def test_every_fact_carries_the_notices_issuer() -> None:
    file, _ = golden(next(p for p in GOLDENS if p.name.startswith("P0202003")))
    title = NOTICE_TITLES["t20200325_2503561"]
    result = extract_attachment(
        file.read_bytes(), "http://x/a.docx", link_title=None, notice_title=title
    )
    assert {f.issuer for f in result.facts} == {"MNR"}
    assert {f.status for f in result.facts} == {"official"}


def test_notice_context_reads_year_batch_issuer_and_type() -> None:
    assert notice_context("2023年第三批稀土开采、冶炼分离总量控制指标", MIIT_2024_1) == (
        NoticeContext(2023, "batch:3", "MIIT", "rare_earth", None)
    )
    mnr = notice_context(None, NOTICE_TITLES["t20200325_2503561"])
    assert (mnr.year, mnr.period, mnr.issuer, mnr.quota_type) == (2020, "batch:1", "MNR", "mining")
    annual = notice_context("2021年度稀土开采、冶炼分离总量控制指标表", None)
    assert (annual.year, annual.period) == (2021, "annual")
    assert notice_context("指标表", None, doc_number="工信部联原〔2024〕25号").issuer == "MIIT"


def test_a_date_in_a_caption_is_not_the_quota_year() -> None:
    """Titles are read with the Chinese rules' own patterns (zh.lexicon): a date says when a
    table was issued, the year before a batch which quota it is."""
    dated = notice_context("（2023年12月印发）2024年第一批稀土开采总量控制指标分配表", None)
    assert (dated.year, dated.period) == (2024, "batch:1")


def test_header_words_pick_the_columns_and_labels_the_holders() -> None:
    rows = (
        ("单位：万吨",),
        ("集团", "轻稀土", "中重稀土", "合计", "冶炼分离"),
        ("北方稀土", "9.458", "—", "9.458", "8.801"),
        ("其中：试点", "1", "1", "2", "2"),  # a label naming no holder: passed over
        ("中稀集团", "3.028", "1.014", "4.042", "3.899"),
        ("全国合计", "12.486", "1.014", "13.5", "12.7"),
    )
    text, facts = read_allocations([Sheet("s", rows)], CONTEXT_2024_1)
    got = {(f.quota_type, f.category, f.holder, f.amount_t) for f in facts}
    assert ("mining", "light", "china_northern_rare_earth", 94580.0) in got
    assert ("mining", None, "china_northern_rare_earth", 94580.0) in got
    assert ("smelting_separation", None, None, 127000.0) in got
    assert ("mining", "medium_heavy", "china_rare_earth_group", 10140.0) in got
    assert not any(f.category == "medium_heavy" and f.holder == "china_northern_rare_earth"
                   for f in facts)  # fmt: skip
    assert len(facts) == 11
    assert "其中：试点" in text  # every row is kept in the text, figures or not


def test_tungsten_columns_by_province() -> None:
    rows = (
        ("省份", "钨精矿 主采", "钨精矿 综合利用"),
        ("江西省", "17575", "2875"),
        ("湖南", "9,100", "5300吨"),
    )
    context = NoticeContext(2020, "batch:1", "MNR", "rare_earth", "mining")
    _, facts = read_allocations([Sheet("s", rows)], context)
    assert {(f.commodity, f.category, f.holder, f.amount_t) for f in facts} == {
        ("tungsten", "tungsten_primary", "province:jiangxi", 17575.0),
        ("tungsten", "tungsten_byproduct", "province:jiangxi", 2875.0),
        ("tungsten", "tungsten_primary", "province:hunan", 9100.0),
        ("tungsten", "tungsten_byproduct", "province:hunan", 5300.0),
    }


@pytest.mark.parametrize(
    ("body", "name", "reason"),
    [
        (b"", "a.xls", "empty file"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "a.pdf", "not a spreadsheet"),
        (b"PK\x03\x04garbage", "a.xlsx", "corrupt"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "a.wps", "no converter"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "a.et", "WPS spreadsheet"),
        (b"%PDF-1.4\n%%EOF", "a.pdf", "pdf file"),
    ],
)
def test_unreadable_files_give_a_one_line_reason(body: bytes, name: str, reason: str) -> None:
    with pytest.raises(AttachmentError) as caught:
        read_sheets(body, name, convert=None)
    assert reason in str(caught.value) and "\n" not in str(caught.value)


def test_an_html_table_saved_as_xls_is_read() -> None:
    body = (
        "<html><body><table><tr><th>稀土集团</th><th>开采指标</th></tr>"
        "<tr><td>北方稀土</td><td>94580</td></tr></table></body></html>"
    ).encode()
    assert sniff(body, "x.xls") == "html"
    sheets = read_sheets(body, "x.xls")
    assert sheets[0].rows[1] == ("北方稀土", "94580")


def test_a_converter_is_used_for_doc_and_its_text_read() -> None:
    seen = []

    def fake_antiword(body: bytes, suffix: str) -> tuple[bytes, str]:
        seen.append(suffix)
        return "表\n| 集团 | 开采指标 |\n| 北方稀土 | 94580 |\n".encode(), ".txt"

    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
    sheets = read_sheets(ole, "t.doc", convert=fake_antiword)
    assert seen == [".doc"]
    assert sheets[0].rows == (("表",), ("集团", "开采指标"), ("北方稀土", "94580"))


def test_attachment_links_are_file_links_or_named_attachments() -> None:
    page = """<div><a href="/a/b.html">相关通知</a>
      <a href="./P0202.XLS">2020年指标表</a><a href="/f/x.pdf#page=2">x</a>
      <a href="/show?id=9">附件2：分配表</a><a href="javascript:void(0)">附件</a>
      <a href="./P0202.XLS">again</a></div>"""
    assert attachment_links(page) == [
        ("./P0202.XLS", "2020年指标表"),
        ("/f/x.pdf#page=2", "x"),
        ("/show?id=9", "附件2：分配表"),
    ]
