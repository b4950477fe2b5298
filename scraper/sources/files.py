"""Local files that hold pages: WARC archives (``.warc``, ``.warc.gz``) for ``quotas ingest``.

A WARC (from a crawler, webrecorder, or the Internet Archive) keeps each page as a
``response`` record: the original URL (``WARC-Target-URI``), the capture time
(``WARC-Date``), and the HTTP answer as it came. ``iter_warc_pages`` yields the successful
text pages among them, bodies with transfer and content encodings undone; requests,
metadata, revisits, redirects, errors and non-text bodies (images, scripts) are passed over.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

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


def iter_warc_pages(path: Path) -> Iterator[WarcPage]:
    """The text pages a WARC file captured, in file order.

    Raises ``QuotaError`` for a file that cannot be opened or read as WARC (also midway, for
    a truncated archive: the pages before the damage have been yielded by then).
    """
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if not str(record.format).startswith("warc"):
                    # warcio reads anything that is not WARC as the older ARC format
                    raise QuotaError(f"{path} is not a WARC file")
                page = _page(record, path)
                if page is not None:
                    yield page
    except OSError as exc:
        raise QuotaError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except (ArchiveLoadFailed, ValueError, EOFError) as exc:
        raise QuotaError(f"{path} is not a readable WARC file: {exc}") from exc


def _page(record: Any, path: Path) -> WarcPage | None:
    if getattr(record, "rec_type", None) != "response":
        return None
    headers = record.rec_headers
    http = record.http_headers
    url = (headers.get_header("WARC-Target-URI") or "").strip().strip("<>")
    if not url.startswith(("http://", "https://")) or http is None:
        return None
    status = http.get_statuscode() or ""
    if not status.startswith("2"):
        return None
    content_type = http.get_header("Content-Type")
    kind = (content_type or "text/html").split(";")[0].strip().lower()
    if kind not in PAGE_TYPES:
        return None
    when = _warc_date(headers.get_header("WARC-Date") or "")
    if when is None:
        log.warning("%s: record for %s has no usable WARC-Date; skipped", path, url)
        return None
    body = record.content_stream().read(MAX_BODY_BYTES + 1)
    if len(body) > MAX_BODY_BYTES:
        log.warning("%s: record for %s is over %d bytes; skipped", path, url, MAX_BODY_BYTES)
        return None
    return WarcPage(url, when, content_type, body)


def _warc_date(value: str) -> datetime | None:
    """WARC-Date: ``2024-02-07T08:30:15Z`` (WARC 1.1 allows fractions of a second)."""
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
