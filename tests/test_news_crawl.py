"""News end to end: the real command against the mirrored feeds, GDELT and CDX answers on
127.0.0.1, and WARC files through ``quotas ingest``. Facts are read back with sqlite3 and
compared with the hand-written golden files beside the pages."""

from __future__ import annotations

import io
import json
import sqlite3
import zlib
from datetime import date, datetime
from pathlib import Path
from typing import Any

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import extractors

try:
    from tests.mirror import WAYBACK, Mirror, slug
    from tests.test_crawl import SITES, counts, golden_set, quotas, stored_facts
except ImportError:
    from mirror import WAYBACK, Mirror, slug  # type: ignore[no-redef]
    from test_crawl import SITES, counts, golden_set, quotas, stored_facts  # type: ignore[no-redef]

NEWS_SOURCES = ("feeds", "gdelt")
MINING_2022 = (
    "https://www.mining.com/chinas-first-round-of-2022-rare-earth-quotas-rises-20-to-100-8-kt"
)


def golden(url: str) -> dict[str, Any]:
    """The golden file of the fixture page at a real URL (https://host/path)."""
    path = SITES / url.removeprefix("https://")
    return json.loads(path.with_name(path.name + ".facts.json").read_text(encoding="utf-8"))


def real_url(mirror: Mirror, url: str) -> str:
    for host in mirror.hosts:
        if url.startswith(mirror.base(host) + "/"):
            return f"https://{host}{url.removeprefix(mirror.base(host))}"
    raise AssertionError(f"{url} is not on the mirror")


def documents(db: Path, *sources: str) -> list[tuple[str, str, str | None, str | None]]:
    """(url, source, published_at, extraction_error) of the documents of those sources."""
    marks = ",".join("?" * len(sources))
    with sqlite3.connect(db) as con:
        return con.execute(
            "SELECT url, source, published_at, extraction_error FROM document "
            f"WHERE source IN ({marks}) ORDER BY url",
            sources,
        ).fetchall()


def test_crawl_stores_news_articles_with_exactly_their_golden_facts(
    mirror: Mirror, tmp_path: Path
) -> None:
    db = tmp_path / "q.db"
    result = quotas("crawl", db=db, sources=mirror.sources_file)
    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stderr  # the MIIT challenge row, nothing else
    warnings = [line for line in result.stderr.splitlines() if line.startswith("quotas: warning")]
    # the notices' unreadable attachments are reported too (tests/test_attachments_crawl.py)
    warnings = [line for line in warnings if "unreadable attachment" not in line]
    assert len(warnings) == 1 and "challenge" in warnings[0], warnings
    news = documents(db, *NEWS_SOURCES)
    assert len(news) >= 15
    assert {source for _, source, _, _ in news} == set(NEWS_SOURCES)
    for url, _, _, error in news:
        assert error is None, f"{url}: {error}"
        expected = golden_set(golden(real_url(mirror, url)))
        facts = stored_facts(db, url)
        assert facts == expected, f"{url}: missing {expected - (facts or set())}"
    stored = {real_url(mirror, url) for url, *_ in news}
    # a feed's hard negative (its summary speaks of quotas) is stored, with no facts
    assert (
        "https://www.mining.com/rare-earth-prices-slide-to-three-year-low-as-chinese-supply-swells"
        in stored
    )
    assert not any("example-news" in url or "gold-price" in url for url in stored)

    before = counts(db)
    mirror.clear_log()
    again = quotas("crawl", db=db, sources=mirror.sources_file)
    assert "Traceback" not in again.stderr
    assert counts(db) == before, "a second run adds nothing"
    article_paths = {url.split("/", 3)[3] for url in stored}
    refetched = [r for r in mirror.requests if r.route.lstrip("/") in article_paths]
    assert refetched == [], "stored articles are not fetched again"
    feeds = [r for r in mirror.requests if r.route.startswith(("/feed/", "/news/rssindex"))]
    assert feeds and all(r.status == 304 for r in feeds), "unchanged feeds cost a 304"


def test_backfill_stores_archived_pages_under_their_original_url_and_capture_date(
    mirror: Mirror, tmp_path: Path
) -> None:
    undated = "https://www.mining.com/rare-earth-quota-briefing-undated"
    mirror.write_page(
        "www.mining.com",
        "/rare-earth-quota-briefing-undated",
        "<html><head><title>Rare earth quota briefing</title></head><body><article>"
        "<h1>Rare earth quota briefing</h1><p>Our notes on how China sets its rare earth "
        "mining quotas, and what analysts watch for in each batch.</p></article></body></html>",
    )
    cdx = mirror.root / WAYBACK / "cdx/search/cdx" / f"{slug('www.mining.com/*')}.json"
    table = json.loads(cdx.read_text(encoding="utf-8"))
    table.append(["com,mining)/x", "20161103094512", undated, "text/html", "200", "D", "900"])
    cdx.write_text(json.dumps(table), encoding="utf-8")

    db = tmp_path / "q.db"
    result = quotas("-v", "backfill", "--since", "2010", db=db, sources=mirror.sources_file)
    assert "Traceback" not in result.stderr
    assert "broken row" in result.stderr, "broken CDX rows are skipped with a warning (-v)"
    archived = {url: published for url, _, published, _ in documents(db, "wayback")}
    assert str(archived[undated]).startswith("2016-11-03"), "the capture date: the page has none"
    with sqlite3.connect(db) as con:
        (final_url,) = con.execute(
            "SELECT final_url FROM document WHERE url = ?", (undated,)
        ).fetchone()
    assert final_url == f"{mirror.base(WAYBACK)}/web/20161103094512id_/{undated}"
    checked = 0
    for url in archived:
        if url == undated:
            continue
        assert url.startswith(("https://www.", "http://www.")), f"{url} is not an original URL"
        page = golden(url.replace("http://", "https://"))
        assert stored_facts(db, url) == golden_set(page), url
        checked += 1
    assert checked == 10
    assert any("/n1146295/" in url for url in archived), "the pre-2020 MIIT site, via the archive"

    before = counts(db)
    quotas("backfill", "--since", "2010", db=db, sources=mirror.sources_file)
    assert counts(db) == before


def warc_record(writer: WARCWriter, url: str, body: bytes, when: str, **kw: Any) -> Any:
    status = kw.get("status", "200 OK")
    headers = StatusAndHeaders(
        status, [("Content-Type", kw.get("content_type", "text/html"))], protocol="HTTP/1.1"
    )
    return writer.create_warc_record(
        url,
        kw.get("kind", "response"),
        payload=io.BytesIO(body),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": when},
    )


def test_warc_ingest_stores_its_pages_with_original_url_and_capture_time(
    tmp_path: Path,
) -> None:
    pages = {
        "https://www.cls.cn/detail/1487654": "2023-10-20T09:30:00Z",
        MINING_2022: "2022-01-29T05:44:17Z",
        "https://investingnews.com/daily/resource-investing/critical-metals-investing/"
        "rare-earth-investing/china-2019-rare-earth-quotas.txt": "2019-12-01T00:00:00Z",
    }
    archive = tmp_path / "crawl.warc.gz"
    with archive.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "test"}))
        for url, when in pages.items():
            body = (SITES / url.split("://", 1)[1]).read_bytes()
            kind = "text/plain; charset=utf-8" if url.endswith(".txt") else "text/html"
            writer.write_record(warc_record(writer, url, body, when, content_type=kind))
        writer.write_record(
            warc_record(
                writer,
                "https://www.mining.com/gone",
                b"gone",
                "2022-01-01T00:00:00Z",
                status="404 Not Found",
            )
        )
        writer.write_record(
            warc_record(
                writer,
                "https://www.mining.com/logo.png",
                b"\x89PNG",
                "2022-01-01T00:00:00Z",
                content_type="image/png",
            )
        )
    db = tmp_path / "q.db"
    result = quotas("ingest", str(archive), db=db, sources=tmp_path / "unused.toml")
    assert result.returncode == 0, result.stderr
    stored = documents(db, "warc")
    assert [url for url, *_ in stored] == sorted(pages)
    for url in pages:
        assert stored_facts(db, url) == golden_set(golden(url)), url
    with sqlite3.connect(db) as con:
        fetched = dict(con.execute("SELECT url, fetched_at FROM document").fetchall())
    cls = datetime.fromisoformat(fetched["https://www.cls.cn/detail/1487654"])
    assert cls.replace(tzinfo=None) == datetime(2023, 10, 20, 9, 30)

    again = quotas("ingest", str(archive), db=db, sources=tmp_path / "unused.toml")
    assert again.returncode == 0 and len(documents(db, "warc")) == 3


def test_a_damaged_warc_is_one_clear_error(tmp_path: Path) -> None:
    archive = tmp_path / "broken.warc.gz"
    archive.write_bytes(b"\x1f\x8b\x08\x00 this is not really gzip")
    result = quotas("ingest", str(archive), db=tmp_path / "q.db", sources=tmp_path / "x.toml")
    assert "Traceback" not in result.stderr
    assert result.returncode == 1
    assert "broken.warc.gz" in result.stderr


def test_an_unreadable_article_gets_its_error_noted_and_the_run_goes_on(
    mirror: Mirror, tmp_path: Path
) -> None:
    feed = mirror.root / "www.mining.com" / "feed/atom/index.xml"
    entry = (
        "<entry><title>China rare earth quota data sheet</title>"
        '<link rel="alternate" href="https://www.mining.com/china-rare-earth-quota-data-sheet"/>'
        "<id>sheet</id><updated>2025-02-05T00:00:00Z</updated></entry></feed>"
    )
    feed.write_text(feed.read_text(encoding="utf-8").replace("</feed>", entry), encoding="utf-8")
    mirror.write_page("www.mining.com", "/china-rare-earth-quota-data-sheet", b"\x00\x01" * 400)
    db = tmp_path / "q.db"
    result = quotas("crawl", db=db, sources=mirror.sources_file)
    assert "Traceback" not in result.stderr and result.returncode == 1
    errors = {url: error for url, _, _, error in documents(db, "feeds") if error}
    assert list(errors) == [mirror.base("www.mining.com") + "/china-rare-earth-quota-data-sheet"]
    assert "binary" in next(iter(errors.values()))
    assert len(documents(db, "feeds")) >= 6, "the other articles are stored all the same"


def test_extraction_never_raises_on_any_stored_page(mirror: Mirror, tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    quotas("crawl", db=db, sources=mirror.sources_file)
    quotas("backfill", "--since", "2010", db=db, sources=mirror.sources_file)
    with sqlite3.connect(db) as con:
        rows = con.execute(
            "SELECT url, body, content_type, published_at FROM document WHERE notice_id IS NULL"
        ).fetchall()  # pages; attachments are read by their tables (tests/test_attachments.py)
    assert len(rows) >= 40
    for url, body, content_type, published in rows:
        day = date.fromisoformat(published[:10]) if published else None
        result = extractors.extract(
            zlib.decompress(body), url, content_type=content_type, published=day
        )
        assert result.error is None, f"{url}: {result.error}"
