"""Bytes of a page → text, and the name of the encoding that read them.

Order of evidence, strongest first:

1. a byte-order mark;
2. ``charset=`` in the HTTP Content-Type;
3. ``<meta charset>`` or ``<meta http-equiv="Content-Type" content="...; charset=...">`` in the
   first 4 KB;
4. detection (charset-normalizer).

A declaration is only believed when the body decodes under it without error. A declaration of a
single-byte or legacy charset (ISO-8859-1, windows-1252, GBK, ...) is also overruled by a body
that is valid UTF-8 with several multi-byte sequences: servers that default to ISO-8859-1 or
pages copied between sites often lie, while GBK text that is also valid UTF-8 is vanishingly rare
beyond a few characters. GB2312 and GBK are read as GB18030, their superset.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from extractors.errors import ExtractError

# How far into the body a <meta charset> declaration is looked for (as browsers do).
META_WINDOW = 4096

# Byte-order marks, longest first so UTF-32 LE is not taken for UTF-16 LE.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Signatures of files that are not text: PDF attachments, images, Office files, archives.
BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"PK\x03\x04", "a zip archive (docx/xlsx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE file (doc/xls)"),
    (b"\x1f\x8b", "gzip data"),
    (b"RIFF", "a RIFF file (webp/wav)"),
)

# Content-Type main types or subtypes that are never a page of text.
BINARY_TYPES = re.compile(
    r"^\s*(image|audio|video|font)/|^\s*application/(pdf|zip|gzip|msword|vnd\.ms-|"
    r"vnd\.openxmlformats|x-rar|x-7z)",
    re.IGNORECASE,
)

# charset=gbk / charset="utf-8" in a Content-Type header value.
HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)

# <meta charset="gbk"> and <meta http-equiv="Content-Type" content="text/html; charset=gb2312">.
META_CHARSET = re.compile(
    rb"<meta\b[^<>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE
)

# Encodings read as another: GB2312 and GBK are subsets of GB18030; ASCII and Latin-1 labels mean
# windows-1252 in practice (as in browsers), which decodes every byte Latin-1 does.
ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "ascii": "cp1252",
    "latin-1": "cp1252",
    "iso8859-1": "cp1252",
}

# Multi-byte sequences a body must hold before valid UTF-8 overrules another declaration.
UTF8_EVIDENCE = 4

# A UTF-8 lead byte followed by its continuation bytes.
UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


def decode_body(body: bytes, content_type: str | None) -> tuple[str, str]:
    """Decode a page; return its text and the (Python) name of the encoding used.

    Raises ``ExtractError`` for bodies that are not text (NUL bytes, PDFs, images).
    """
    for bom, name in BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(name, errors="replace"), name
    _reject_binary(body, content_type)
    if not body:
        return "", "utf-8"
    declared = [name for name in (_header_charset(content_type), _meta_charset(body)) if name]
    for name in declared:
        text = _try(body, name)
        if text is None:
            continue
        if name != "utf-8" and _looks_utf8(body):
            return body.decode("utf-8"), "utf-8"
        return text, name
    return _detect(body)


def canonical_encoding(label: str) -> str | None:
    """The Python codec name for a charset label, with GBK/GB2312 read as GB18030."""
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return ALIASES.get(name, name)


def _reject_binary(body: bytes, content_type: str | None) -> None:
    head = body[:1024]
    for magic, what in BINARY_MAGIC:
        if head.startswith(magic):
            raise ExtractError(f"binary body ({what}), not a text page")
    if content_type and BINARY_TYPES.search(content_type):
        raise ExtractError(f"binary body (Content-Type {content_type.strip()}), not a text page")
    if b"\x00" in body[:8192]:
        raise ExtractError("binary body (NUL bytes), not a text page")


def _header_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = HEADER_CHARSET.search(content_type)
    return canonical_encoding(match.group(1)) if match else None


def _meta_charset(body: bytes) -> str | None:
    match = META_CHARSET.search(body[:META_WINDOW])
    if not match:
        return None
    name = canonical_encoding(match.group(1).decode("ascii", errors="ignore"))
    # A page that reached us as bytes cannot really be UTF-16 if its meta tag is readable ASCII.
    if name is not None and name.startswith("utf-16"):
        return "utf-8"
    return name


def _try(body: bytes, name: str) -> str | None:
    try:
        return body.decode(name)
    except (UnicodeDecodeError, LookupError):
        return None


def _looks_utf8(body: bytes) -> bool:
    """Valid UTF-8 holding enough multi-byte sequences that no other reading is plausible."""
    if len(UTF8_MULTIBYTE.findall(body[:65536], 0)) < UTF8_EVIDENCE:
        return False
    return _try(body, "utf-8") is not None


def _detect(body: bytes) -> tuple[str, str]:
    text = _try(body, "utf-8")
    if text is not None:
        return text, "utf-8"
    best = charset_normalizer.from_bytes(body).best()
    if best is not None:
        name = canonical_encoding(best.encoding) or "utf-8"
        # Detection often names Big5 or a Latin charset for short Chinese texts that read as GBK.
        gb = _try(body, "gb18030") if name != "gb18030" else None
        if gb is not None and _cjk_share(gb) > _cjk_share(str(best)):
            return gb, "gb18030"
        decoded = _try(body, name)
        return (decoded if decoded is not None else str(best)), name
    gb = _try(body, "gb18030")
    if gb is not None:
        return gb, "gb18030"
    text = body.decode("utf-8", errors="replace")
    if text.count("\ufffd") > len(text) // 10:
        raise ExtractError("binary body (no text encoding reads it), not a text page")
    return text, "utf-8"


def _cjk_share(text: str) -> float:
    """Share of non-ASCII characters that are common CJK ideographs or CJK punctuation."""
    wide = [ch for ch in text if ord(ch) > 127]
    if not wide:
        return 0.0
    common = sum(1 for ch in wide if "\u4e00" <= ch <= "\u9fa5" or "\u3000" <= ch <= "\u303f")
    return common / len(wide)
