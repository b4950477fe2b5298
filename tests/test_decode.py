"""Decoding bytes into text: BOM, HTTP header, <meta charset>, detection, binary bodies."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.decode import canonical_encoding, decode_body
from extractors.errors import ExtractError

DATA = Path(__file__).parent / "data" / "content"
FIXTURES = Path(__file__).parent.parent / "fixtures" / "sites"

NOTICE = (
    "2024年第一批稀土开采、冶炼分离总量控制指标分别为135000吨、127000吨。"
    "其中，岩矿型稀土矿（以轻稀土为主）指标124860吨，离子型稀土矿（以中重稀土为主）指标10140吨。"
)


def page(charset_meta: str = "", body: str = NOTICE) -> str:
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset_meta}">'
    head = meta if charset_meta else ""
    return f"<html><head>{head}<title>通知</title></head><body><p>{body}</p></body></html>"


def test_utf8_without_bom_or_declaration() -> None:
    text, encoding = decode_body(page().encode("utf-8"), None)
    assert encoding == "utf-8"
    assert NOTICE in text


def test_utf8_bom_is_stripped() -> None:
    text, encoding = decode_body(codecs.BOM_UTF8 + page().encode("utf-8"), "text/html")
    assert encoding == "utf-8"
    assert text.startswith("<html>")
    assert NOTICE in text


def test_utf16_bom() -> None:
    body = codecs.BOM_UTF16_LE + page().encode("utf-16-le")
    text, encoding = decode_body(body, None)
    assert encoding == "utf-16-le"
    assert NOTICE in text


@pytest.mark.parametrize("label", ["gb2312", "GBK", "gb18030", "x-gbk"])
def test_gbk_declared_in_meta_is_read_as_gb18030(label: str) -> None:
    body = page(charset_meta=label).encode("gbk")
    text, encoding = decode_body(body, "text/html")
    assert encoding == "gb18030"
    assert NOTICE in text


def test_gbk_declared_in_http_header() -> None:
    text, encoding = decode_body(page().encode("gbk"), "text/html; charset=GB2312")
    assert encoding == "gb18030"
    assert NOTICE in text


def test_gbk_undeclared_is_detected() -> None:
    text, encoding = decode_body(page().encode("gbk"), "text/html")
    assert encoding == "gb18030"
    assert NOTICE in text


def test_header_claiming_utf8_for_a_gbk_body_falls_back_to_meta() -> None:
    body = page(charset_meta="gbk").encode("gbk")
    text, encoding = decode_body(body, "text/html; charset=utf-8")
    assert encoding == "gb18030"
    assert NOTICE in text


def test_header_claiming_utf8_for_an_undeclared_gbk_body_falls_back_to_detection() -> None:
    text, encoding = decode_body(page().encode("gbk"), "text/html; charset=utf-8")
    assert encoding == "gb18030"
    assert NOTICE in text


def test_latin1_header_on_a_utf8_body_is_overruled() -> None:
    # Servers that default to ISO-8859-1: every byte decodes, but the text is mojibake.
    text, encoding = decode_body(page().encode("utf-8"), "text/html; charset=ISO-8859-1")
    assert encoding == "utf-8"
    assert NOTICE in text


def test_declared_latin1_is_kept_for_a_latin1_body() -> None:
    body = "<html><body><p>Société générale: 84 000 tonnes</p></body></html>".encode("latin-1")
    text, encoding = decode_body(body, "text/html; charset=iso-8859-1")
    assert encoding == "cp1252"
    assert "Société générale" in text


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", None),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "text/html"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", None),
        (b"PK\x03\x04\x14\x00\x06\x00", "application/octet-stream"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", None),
        (b"<html>\x00\x00\x00\x01\x02</html>", "text/html"),
        (b"anything at all", "image/jpeg"),
        (b"anything at all", "application/pdf"),
    ],
)
def test_binary_bodies_raise(body: bytes, content_type: str | None) -> None:
    with pytest.raises(ExtractError, match="binary"):
        decode_body(body, content_type)


def test_empty_body_is_empty_text() -> None:
    assert decode_body(b"", "text/html") == ("", "utf-8")


def test_canonical_encoding_names() -> None:
    assert canonical_encoding("GB2312") == "gb18030"
    assert canonical_encoding("gbk") == "gb18030"
    assert canonical_encoding("UTF8") == "utf-8"
    assert canonical_encoding("no-such-charset") is None


def test_gbk_sample_page_declared_gb2312() -> None:
    text, encoding = decode_body((DATA / "miit_old.html").read_bytes(), "text/html")
    assert encoding == "gb18030"
    assert "105000吨" in text
    assert "二〇一七年二月二十四日" in text


def test_gbk_fixture_of_the_old_miit_site() -> None:
    path = FIXTURES / "www.miit.gov.cn/n1146295/n1652858/n1652930/n3757016/c7471234/content.html"
    if not path.exists():
        pytest.skip("fixture mirror not present")
    text, encoding = decode_body(path.read_bytes(), "text/html")
    assert encoding == "gb18030"
    assert "132000吨" in text


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=512), st.sampled_from([None, "text/html", "text/html; charset=gbk"]))
def test_any_bytes_give_text_or_extract_error(body: bytes, content_type: str | None) -> None:
    try:
        text, encoding = decode_body(body, content_type)
    except ExtractError:
        return
    assert isinstance(text, str)
    assert codecs.lookup(encoding)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1))
def test_utf8_text_round_trips(value: str) -> None:
    text, _ = decode_body(value.encode("utf-8"), "text/html; charset=utf-8")
    assert text == value
