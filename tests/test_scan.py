"""Archive scans end to end: ``quotas ingest`` of WARC files (one process or several) and
``quotas scan`` on a Dask LocalCluster over archives served by a local HTTP server.

The archives are written here (warcio), from the fixture pages: quota stories, pages that
are not about quotas, and records that are not pages. Stored facts are read back with sqlite3
and compared with the golden files.
"""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

try:
    from tests.test_crawl import SITES, golden_set, quotas, stored_facts
except ImportError:
    from test_crawl import SITES, golden_set, quotas, stored_facts  # type: ignore[no-redef]

STORIES = [
    "www.reuters.com/markets/commodities/china-raises-first-batch-2021-rare-earth-quotas-by-27-2021-02-19",
    "www.cls.cn/detail/1487654",
    "www.mining.com/chinas-first-round-of-2022-rare-earth-quotas-rises-20-to-100-8-kt",
    "www.stcn.com/article/detail/187624.html",
]
OTHERS = [  # fixture pages that state no quota: some named rare earths, most nothing of ours
    "www.fastmarkets.com/insights/china-to-cap-2021-crude-steel-output-at-last-years-level",
    "www.mining.com/northstar-magnetics-opens-demonstration-magnet-plant-in-saskatchewan",
    "www.argusmedia.com/en/news-and-insights/latest-market-news/2567310-us-to-raise-tariffs-on-chinese-magnets-and-graphite",
]
UNRELATED = b"<html><head><title>Football scores</title></head><body><p>%d goals.</p></body></html>"


def _record(writer: WARCWriter, url: str, body: bytes, **kw: Any) -> Any:
    headers = StatusAndHeaders(
        kw.get("status", "200 OK"),
        [("Content-Type", kw.get("content_type", "text/html; charset=utf-8"))],
        protocol="HTTP/1.1",
    )
    return writer.create_warc_record(
        url,
        kw.get("kind", "response"),
        payload=io.BytesIO(body),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": "2024-02-07T08:30:15Z"},
    )


def write_archive(path: Path, stories: list[str], unrelated: int = 30) -> int:
    """A WARC of stories, other pages and non-page records; returns how many records."""
    records = 0
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        records += 1
        for index in range(unrelated):
            writer.write_record(
                _record(writer, f"https://sport.example/{index}", UNRELATED % index)
            )
            records += 1
            if index < len(stories):
                page = stories[index]
                writer.write_record(_record(writer, f"https://{page}", (SITES / page).read_bytes()))
                records += 1
            if index < len(OTHERS):
                page = OTHERS[index]
                writer.write_record(_record(writer, f"https://{page}", (SITES / page).read_bytes()))
                records += 1
        writer.write_record(
            _record(writer, "https://sport.example/gone", b"x", status="404 Not Found")
        )
        writer.write_record(
            _record(writer, "https://sport.example/logo.png", b"\x89PNG", content_type="image/png")
        )
        records += 2
    return records


def golden(page: str) -> set[tuple[Any, ...]]:
    file = SITES / page
    facts = golden_set(json.loads(file.with_name(file.name + ".facts.json").read_text("utf-8")))
    return set(facts)


def documents(db: Path) -> list[str]:
    with sqlite3.connect(db) as con:
        return [url for (url,) in con.execute("SELECT url FROM document ORDER BY url")]


def last_run(db: Path) -> dict[str, Any]:
    with sqlite3.connect(db) as con:
        (counts,) = con.execute("SELECT counts FROM crawl_run ORDER BY id DESC LIMIT 1").fetchone()
    return dict(json.loads(counts))


def all_facts(db: Path, pages: list[str]) -> dict[str, set[tuple[Any, ...]] | None]:
    return {page: stored_facts(db, f"https://{page}") for page in pages}


@pytest.fixture
def archive(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "news.warc.gz"
    return path, write_archive(path, STORIES)


def test_ingest_stores_only_the_pages_about_quotas_and_counts_the_rest(
    archive: tuple[Path, int], tmp_path: Path
) -> None:
    path, records = archive
    db = tmp_path / "q.db"
    result = quotas("ingest", str(path), db=db, sources=tmp_path / "unused.toml")
    assert result.returncode == 0, result.stderr
    assert documents(db) == sorted(f"https://{page}" for page in STORIES)
    for page in STORIES:
        assert stored_facts(db, f"https://{page}") == golden(page), page
    counts = last_run(db)
    assert counts["records"] == records and counts["pages"] == records - 3
    assert counts["stored"] == len(STORIES)
    assert counts["gated"] >= 30, "the unrelated pages are skipped by the gate"
    assert counts["gated"] + counts["irrelevant"] + counts["stored"] == counts["pages"]
    assert "skipped by the gate" in result.stdout

    again = quotas("ingest", str(path), db=db, sources=tmp_path / "unused.toml")
    assert again.returncode == 0
    assert last_run(db)["records"] == 0 and last_run(db)["archives_done_before"] == 1

    every = quotas("ingest", "--keep-all", str(path), db=db, sources=tmp_path / "unused.toml")
    assert every.returncode == 0, every.stderr
    assert len(documents(db)) == records - 3, "--keep-all stores every page"
    assert all_facts(db, STORIES) == {page: golden(page) for page in STORIES}


def test_workers_store_the_same_facts(archive: tuple[Path, int], tmp_path: Path) -> None:
    path, _ = archive
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    assert quotas("ingest", str(path), db=one, sources=tmp_path / "x.toml").returncode == 0
    result = quotas("ingest", "--workers", "2", str(path), db=two, sources=tmp_path / "x.toml")
    assert result.returncode == 0, result.stderr
    assert documents(one) == documents(two)
    assert all_facts(one, STORIES) == all_facts(two, STORIES)
    assert last_run(one) == last_run(two)


def test_a_killed_scan_resumes_after_the_records_it_had_stored(
    archive: tuple[Path, int], tmp_path: Path
) -> None:
    path, records = archive
    db = tmp_path / "q.db"
    assert quotas("ingest", str(path), db=db, sources=tmp_path / "x.toml").returncode == 0
    with sqlite3.connect(db) as con:  # as a run killed after 9 records (3 stories) leaves it
        con.execute("UPDATE scanned_archive SET finished_at = NULL, records = 9")
        con.execute("DELETE FROM document WHERE url = ?", (f"https://{STORIES[-1]}",))
    result = quotas("ingest", str(path), db=db, sources=tmp_path / "x.toml")
    assert result.returncode == 0, result.stderr
    assert last_run(db)["records"] == records - 9, "only the rest is read"
    assert all_facts(db, STORIES) == {page: golden(page) for page in STORIES}
    with sqlite3.connect(db) as con:
        assert con.execute(
            "SELECT records, finished_at IS NOT NULL FROM scanned_archive"
        ).fetchone() == (records, 1)


def test_a_cut_archive_keeps_what_was_read_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    write_archive(path, STORIES)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 700])
    db = tmp_path / "q.db"
    result = quotas("ingest", str(path), db=db, sources=tmp_path / "x.toml")
    assert "Traceback" not in result.stderr
    assert result.returncode == 1 and "cut.warc.gz" in result.stderr
    assert len(documents(db)) == len(STORIES), "the stories before the damage are stored"
    again = quotas("ingest", str(path), db=db, sources=tmp_path / "x.toml")
    assert again.returncode == 1, "a damaged archive is never marked scanned"


def test_dask_scan_of_served_archives_stores_the_same_facts_as_ingest(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    first, second = tmp_path / "a.warc.gz", tmp_path / "b.warc.gz"
    write_archive(first, STORIES[:2])
    write_archive(second, STORIES[2:], unrelated=10)
    local = tmp_path / "c.warc"  # uncompressed, read from disk by the workers
    write_archive(local, [], unrelated=5)
    for archive in (first, second):
        httpserver.expect_request(f"/crawl-data/{archive.name}").respond_with_data(
            archive.read_bytes(), content_type="application/octet-stream"
        )
    listing = "crawl-data/a.warc.gz\ncrawl-data/b.warc.gz\n"
    httpserver.expect_request("/news/warc.paths").respond_with_data(listing)

    ingested = tmp_path / "ingest.db"
    assert (
        quotas(
            "ingest", str(first), str(second), str(local), db=ingested, sources=tmp_path / "x.toml"
        ).returncode
        == 0
    )
    scanned = tmp_path / "scan.db"
    base = httpserver.url_for("/")
    args = (
        "scan",
        "--workers",
        "2",
        "--base-url",
        base,
        httpserver.url_for("/news/warc.paths"),
        str(local),
    )
    result = quotas(*args, db=scanned, sources=tmp_path / "x.toml")
    assert result.returncode == 0, result.stderr
    assert documents(scanned) == documents(ingested)
    assert all_facts(scanned, STORIES) == all_facts(ingested, STORIES)
    assert all_facts(scanned, STORIES) == {page: golden(page) for page in STORIES}
    counts = last_run(scanned)
    assert counts["archives"] == 3 and counts["stored"] == len(STORIES)

    again = quotas(*args, db=scanned, sources=tmp_path / "x.toml")
    assert again.returncode == 0, again.stderr
    assert last_run(scanned)["archives_done_before"] == 3 and last_run(scanned)["records"] == 0
