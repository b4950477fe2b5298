"""WARC files for the scan benchmark and the tests: news pages under new URLs, quota stories
among them.

``write_news_warc(path, records, stories)`` writes a gzipped WARC of ``records`` response
records: the real news pages of ``shared/zyte`` (``bench/zyte.py``) repeated, each copy under
a URL of its own, with ``stories`` quota stories (fixture pages with golden facts, English
and Chinese news in turn) spread evenly among them, as in issue 13's archive. Without the
zyte pages, the fixture pages that state no quota fill in for them.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from bench import zyte
from bench.corpus import GOLDEN_SUFFIX, SITES, Template, templates

START = datetime(2024, 2, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Record:
    url: str
    body: bytes
    content_type: str
    story: bool  # a quota story (its facts are in its golden file)
    template: Template | None = None


def stories() -> list[Template]:
    """Fixture news pages with golden facts, English and Chinese in turn."""
    english = [t for t in templates() if t.kind == "news_en" and _has_facts(t)]
    chinese = [t for t in templates() if t.kind == "news_zh" and _has_facts(t)]
    mixed = []
    for index in range(max(len(english), len(chinese))):
        mixed.extend(group[index] for group in (english, chinese) if index < len(group))
    return mixed


def fillers() -> list[tuple[str, bytes]]:
    """(url, body) of the pages that are not about quotas."""
    if zyte.pages():
        return [(page.url, page.body) for page in zyte.pages()]
    return [
        (f"https://{t.host}{t.path}", t.body)
        for t in templates()
        if not _has_facts(t) and t.content_type == "text/html"
    ]


def news_records(records: int, stories_wanted: int) -> list[Record]:
    pool = fillers()
    quota = stories()
    every = max(1, records // max(1, stories_wanted))
    out: list[Record] = []
    placed = 0
    for index in range(records):
        if placed < stories_wanted and index % every == every // 2:
            template = quota[placed % len(quota)]
            url = f"https://{template.host}{template.path}"
            kind = (
                "text/plain; charset=utf-8"
                if template.content_type == "text/plain"
                else (f"text/html; charset={template.encoding}")
            )
            out.append(Record(url, template.body, kind, True, template))
            placed += 1
            continue
        url, body = pool[index % len(pool)]
        sep = "&" if "?" in url else "?"
        out.append(Record(f"{url}{sep}copy={index}", body, "text/html; charset=utf-8", False))
    return out


def write_warc(path: Path, records: Sequence[Record]) -> Path:
    """A gzipped WARC: a warcinfo record, then one response record per page."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "quota-bench"}))
        for index, record in enumerate(records):
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", record.content_type)], protocol="HTTP/1.1"
            )
            when = (START + timedelta(seconds=index)).strftime("%Y-%m-%dT%H:%M:%SZ")
            writer.write_record(
                writer.create_warc_record(
                    record.url,
                    "response",
                    payload=io.BytesIO(record.body),
                    http_headers=headers,
                    warc_headers_dict={"WARC-Date": when},
                )
            )
    return path


def write_news_warc(path: Path, records: int = 2000, stories_wanted: int = 10) -> list[Record]:
    """Write the archive; return its records (the stories' golden files say their facts)."""
    chosen = news_records(records, stories_wanted)
    write_warc(path, chosen)
    return chosen


def golden_facts(record: Record) -> list[dict[str, object]]:
    assert record.template is not None
    file = SITES / record.template.host / record.template.path.lstrip("/")
    golden = json.loads(file.with_name(file.name + GOLDEN_SUFFIX).read_text(encoding="utf-8"))
    return list(golden["facts"])


def _has_facts(template: Template) -> bool:
    file = SITES / template.host / template.path.lstrip("/")
    golden = json.loads(file.with_name(file.name + GOLDEN_SUFFIX).read_text(encoding="utf-8"))
    return bool(golden["facts"])
