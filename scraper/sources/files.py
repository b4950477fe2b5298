"""Local files that hold pages: WARC archives (``.warc``, ``.warc.gz``) for ``quotas ingest``.

A WARC (from a crawler, webrecorder, Common Crawl or the Internet Archive) keeps each page as a
``response`` record: the original URL (``WARC-Target-URI``), the capture time (``WARC-Date``),
and the HTTP answer as it came. ``read_warc`` yields, for every record read, the page it holds
(a successful text page, bodies with transfer and content encodings undone) or None
(requests, metadata, revisits, redirects, errors, images, scripts).

Records are read with FastWARC (Rust, with gzip, zstd and lz4 streams): twice as fast as
warcio on the same archive here (``bench/scan.py``, "reading only"). FastWARC stops quietly at
a truncated or damaged tail, so ``check_complete`` looks at a local file's end.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from fastwarc.warc import ArchiveIterator, WarcRecordType

from extractors.errors import QuotaError

log = logging.getLogger(__name__)

WARC_SUFFIXES = (".warc", ".warc.gz")
# Content types of the records worth storing as pages.
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
MAX_BODY_BYTES = 10_000_000  # larger bodies are not news pages; skipped, not loaded


@dataclass(frozen=True)
class WarcPage:
    url: str  # the original URL, as captured
    date: datetime  # the capture time, aware UTC
    content_type: str | None  # the HTTP Content-Type, charset included
    body: bytes


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_warc(
    stream: IO[bytes],
    name: str,
    *,
    skip: int = 0,
    local: Path | None = None,
    share: tuple[int, int] = (0, 1),
) -> Iterator[WarcPage | None]:
    """For each record of a WARC stream after the first ``skip``, in file order, its page or
    None. Raises ``QuotaError`` for a stream that is not WARC (also midway, for damage FastWARC
    detects; the records before it have been yielded by then) and, given the ``local`` file
    the stream reads, for a file that ends inside its last record or after it. With ``share``
    (k, n), only every n-th record from the k-th (after ``skip``) is yielded: one of n readers
    of the same file."""
    part, parts = share
    last: tuple[int, int] | None = None
    try:
        for index, record in enumerate(ArchiveIterator(stream, auto_decode="all")):
            # the block's length as stated (content_length excludes parsed HTTP headers)
            last = (record.stream_pos, int(record.headers.get("Content-Length") or -1))
            # a resumed scan passes over what it has read, unread; so does a reader of a share
            if index >= skip and (index - skip) % parts == part:
                yield _page(record, name)
    except OSError as exc:  # FastWARC's "Invalid WARC header", gzip data errors
        raise QuotaError(f"{name} is not a readable WARC file: {exc}") from exc
    if local is not None:
        check_complete(local, last)


def iter_warc_pages(path: Path) -> Iterator[WarcPage]:
    """The text pages a local WARC file captured, in file order (see ``read_warc``)."""
    try:
        with path.open("rb") as stream:
            pages = read_warc(stream, str(path), local=path)
            yield from (page for page in pages if page is not None)
    except OSError as exc:
        raise QuotaError(f"cannot read {path}: {exc.strerror or exc}") from exc


def check_complete(path: Path, last: tuple[int, int] | None) -> None:
    """Raise ``QuotaError`` when a local WARC file ends inside a record (a cut download) or
    holds bytes after its last one (``last``: that record's offset and length), where FastWARC
    stops without a word."""
    try:
        with path.open("rb") as stream:
            size = stream.seek(0, 2)
            if last is None:
                if size:
                    raise QuotaError(f"{path} is not a readable WARC file: no record in it")
                return
            stream.seek(last[0])
            tail = stream.read()
    except OSError as exc:
        raise QuotaError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if not _ends_cleanly(tail, last[1], path.name.lower().endswith(".gz")):
        raise QuotaError(f"{path} is damaged: it ends inside its last record or after it")


def _ends_cleanly(tail: bytes, content_length: int, gzipped: bool) -> bool:
    if gzipped:
        member = zlib.decompressobj(wbits=31)
        try:
            block = member.decompress(tail)
        except zlib.error:
            return False
        if not member.eof or member.unused_data.strip(b"\x00"):
            return False
        tail = block
    head_end = tail.find(b"\r\n\r\n")
    return head_end >= 0 and len(tail) == head_end + 4 + content_length + 4


def _page(record: Any, name: str) -> WarcPage | None:
    if record.record_type != WarcRecordType.response or not record.is_http:
        return None
    url = (record.headers.get("WARC-Target-URI") or "").strip().strip("<>")
    if not url.startswith(("http://", "https://")):
        return None
    http = record.http_headers
    status = http.status_code or 0
    if not 200 <= status < 300:
        return None
    content_type = http.get("Content-Type")
    kind = (content_type or "text/html").split(";")[0].strip().lower()
    if kind not in PAGE_TYPES:
        return None
    when = _warc_date(record.headers.get("WARC-Date") or "")
    if when is None:
        log.warning("%s: record for %s has no usable WARC-Date; skipped", name, url)
        return None
    body = record.reader.read(MAX_BODY_BYTES + 1)
    if len(body) > MAX_BODY_BYTES:
        log.warning("%s: record for %s is over %d bytes; skipped", name, url, MAX_BODY_BYTES)
        return None
    return WarcPage(url, when, content_type, body)


def _warc_date(value: str) -> datetime | None:
    """WARC-Date: ``2024-02-07T08:30:15Z`` (WARC 1.1 allows fractions of a second)."""
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
