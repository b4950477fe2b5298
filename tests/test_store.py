"""The store on a real SQLite file made by the migrations: idempotent writes, re-extraction,
streaming reads, runs, the fetch log, the HTTP cache, and writers in several processes."""

from __future__ import annotations

import multiprocessing
import sqlite3
import zlib
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.engine import Engine

from extractors.errors import StoreError
from extractors.facts import Content, Extraction, QuotaFact
from models.base import open_engine
from models.store import HttpCache, RawDocument, Store, StoredDocument, fact_key_hash
from models.tables import Company, Document, DocumentCompany, Fact

URL = "http://www.miit.gov.cn/jgsj/ycls/wjfb/art/2024/art_07793024127b6d7169918a231e04fe96.html"
T0 = datetime(2024, 2, 6, 9, 30, tzinfo=UTC)
# Our own wording, with the 2024 batch 1 figures of DOMAIN.md.
SENTENCE = "2024年第一批稀土开采、冶炼分离总量控制指标分别为135000吨、127000吨。"
PAGE = f"<html><body><p>{SENTENCE}</p></body></html>"
TEXT = SENTENCE + "其中北方稀土获得岩矿型开采指标9.458万吨。"


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = open_engine(str(tmp_path / "quotas.db"))
    yield engine
    engine.dispose()


@pytest.fixture
def store(engine: Engine) -> Store:
    return Store(engine)


def save(
    store: Store, url: str = URL, body: bytes | None = None, **overrides: object
) -> StoredDocument:
    args: dict[str, object] = {
        "url": url,
        "final_url": url,
        "source": "miit",
        "status": 200,
        "content_type": "text/html; charset=utf-8",
        "etag": '"abc"',
        "last_modified": None,
        "body": PAGE.encode() if body is None else body,
        "fetched_at": T0,
    }
    args.update(overrides)
    return store.save_document(**args)  # type: ignore[arg-type]


def fact(quota_type: str, amount: float | None, **fields: object) -> QuotaFact:
    values: dict[str, object] = {
        "commodity": "rare_earth",
        "quota_type": quota_type,
        "year": 2024,
        "period": "batch:1",
        "category": None,
        "holder": None,
        "amount_t": amount,
        "issuer": "MIIT",
        "evidence": TEXT[:42],
        "span": (0, 42),
    }
    values.update(fields)
    return QuotaFact(**values)  # type: ignore[arg-type]


def extraction(
    *facts: QuotaFact, companies: tuple[str, ...] = (), version: str = "v1"
) -> Extraction:
    content = Content(
        title="关于下达2024年第一批稀土开采、冶炼分离总量控制指标的通知",
        published=datetime(2024, 2, 6, 17, 0),
        language="zh",
        text=TEXT,
        doc_number="工信部联原〔2024〕25号",
        signed=date(2024, 2, 5),
    )
    return Extraction(
        url=URL,
        content=content,
        facts=facts,
        companies=companies,
        relevant=bool(facts),
        encoding="utf-8",
        version=version,
    )


NATIONAL = (fact("mining", 135000), fact("smelting_separation", 127000))
NORTHERN = fact("mining", 94580, category="light", holder="china_northern_rare_earth")


def count(engine: Engine, entity: type, *where: ColumnElement[bool]) -> int:
    with engine.connect() as conn:
        return int(
            conn.execute(select(func.count()).select_from(entity).where(*where)).scalar_one()
        )


# -- documents -----------------------------------------------------------------------------


def test_the_same_body_twice_is_one_row_and_unchanged(store: Store, engine: Engine) -> None:
    first = save(store)
    again = save(store, fetched_at=T0 + timedelta(days=1))
    assert first.changed is True
    assert again == StoredDocument(id=first.id, changed=False)
    assert count(engine, Document) == 1
    with engine.connect() as conn:
        fetched = conn.execute(select(Document.fetched_at)).scalar_one()
    assert fetched == T0 + timedelta(days=1)


def test_a_new_body_is_changed_and_pending_again(store: Store, engine: Engine) -> None:
    first = save(store)
    store.save_extraction(first.id, extraction(*NATIONAL))
    assert store.pending_ids() == []
    second = save(store, body=PAGE.replace("135000", "135001").encode())
    assert second == StoredDocument(id=first.id, changed=True)
    assert store.pending_ids() == [first.id]
    assert count(engine, Document) == 1
    raw = next(store.iter_raw([first.id]))
    assert b"135001" in raw.body


def test_the_body_is_stored_compressed_with_its_size_and_hash(store: Store, engine: Engine) -> None:
    body = PAGE.encode() * 50
    doc = save(store, body=body)
    with engine.connect() as conn:
        row = conn.execute(select(Document).where(Document.id == doc.id)).one()._mapping
    assert row["body"] != body
    assert zlib.decompress(row["body"]) == body
    assert row["body_size"] == len(body)
    assert len(row["sha256"]) == 64


def test_known_urls_match_asked_and_redirected_urls(store: Store) -> None:
    save(store, url="http://a.example/1", final_url="https://a.example/1")
    save(store, url="http://a.example/2")
    many = [f"http://a.example/x{i}" for i in range(1200)]
    asked = ["http://a.example/1", "https://a.example/1", "http://a.example/3", *many]
    assert store.known_urls(asked) == {"http://a.example/1", "https://a.example/1"}
    assert store.known_urls(iter(["http://a.example/2"])) == {"http://a.example/2"}
    assert store.known_urls([]) == set()


def test_pending_ids_lists_documents_never_extracted(store: Store) -> None:
    a = save(store, url="http://a.example/1").id
    b = save(store, url="http://a.example/2").id
    c = save(store, url="http://a.example/3").id
    assert store.pending_ids() == [a, b, c]
    store.save_extraction(b, extraction())
    assert store.pending_ids() == [a, c]


# -- extraction ----------------------------------------------------------------------------


def test_save_extraction_twice_keeps_the_same_facts(store: Store, engine: Engine) -> None:
    doc = save(store).id
    assert store.save_extraction(doc, extraction(*NATIONAL, NORTHERN)) == 3
    assert store.save_extraction(doc, extraction(*NATIONAL, NORTHERN, version="v2")) == 0
    assert count(engine, Fact) == 3
    with engine.connect() as conn:
        versions = set(conn.execute(select(Fact.extractor_version)).scalars())
        row = conn.execute(select(Document).where(Document.id == doc)).one()._mapping
    assert versions == {"v2"}
    assert row["extractor_version"] == "v2"
    assert row["doc_number"] == "工信部联原〔2024〕25号"
    assert row["signed_on"] == date(2024, 2, 5)
    assert row["published_at"] == datetime(2024, 2, 6, 17, 0)
    assert row["language"] == "zh"
    assert row["relevant"] is True
    assert row["text"] == TEXT


def test_save_extraction_replaces_facts_and_counts_only_new_keys(
    store: Store, engine: Engine
) -> None:
    doc = save(store).id
    store.save_extraction(doc, extraction(*NATIONAL))
    corrected = fact("smelting_separation", 127500)
    assert store.save_extraction(doc, extraction(NATIONAL[0], corrected)) == 1
    with engine.connect() as conn:
        amounts = sorted(a or 0.0 for a in conn.execute(select(Fact.amount_t)).scalars())
    assert amounts == [127500.0, 135000.0]


def test_one_fact_stated_twice_is_stored_once(store: Store, engine: Engine) -> None:
    doc = save(store).id
    twice = (
        NORTHERN,
        fact("mining", 94580.0, category="light", holder="china_northern_rare_earth"),
    )
    assert store.save_extraction(doc, extraction(*twice)) == 1
    assert count(engine, Fact) == 1


def test_facts_keep_their_fields_and_evidence(store: Store, engine: Engine) -> None:
    doc = save(store).id
    undisclosed = fact("mining", None, year=2025, period="batch:1", status="reported")
    store.save_extraction(doc, extraction(NORTHERN, undisclosed))
    with engine.connect() as conn:
        rows = {row.holder: row for row in conn.execute(select(Fact))}
    northern = rows["china_northern_rare_earth"]
    assert (northern.category, northern.amount_t, northern.year) == ("light", 94580.0, 2024)
    assert (northern.span_start, northern.span_end, northern.issuer) == (0, 42, "MIIT")
    assert northern.evidence == TEXT[:42]
    assert northern.key_hash == fact_key_hash(NORTHERN)
    assert rows[None].amount_t is None
    assert rows[None].status == "reported"


def test_key_hash_follows_the_facts_key() -> None:
    same = fact("mining", 94580.0, category="light", holder="china_northern_rare_earth")
    assert fact_key_hash(NORTHERN) == fact_key_hash(same)
    assert fact_key_hash(NORTHERN) == fact_key_hash(
        fact(
            "mining", 94580, evidence="other", category="light", holder="china_northern_rare_earth"
        )
    )
    assert fact_key_hash(NORTHERN) != fact_key_hash(fact("mining", 94580, category="light"))
    assert fact_key_hash(NATIONAL[0]) != fact_key_hash(fact("mining", 135000, period="annual"))
    assert fact_key_hash(NATIONAL[0]) != fact_key_hash(fact("mining", None))


def test_companies_mentioned_are_linked_and_replaced(store: Store, engine: Engine) -> None:
    doc = save(store).id
    store.save_extraction(
        doc, extraction(companies=("china_northern_rare_earth", "china_rare_earth_group"))
    )
    store.save_extraction(doc, extraction(companies=("china_rare_earth_group", "new_group_id")))
    with engine.connect() as conn:
        linked = set(conn.execute(select(DocumentCompany.company_id)).scalars())
        known = set(conn.execute(select(Company.id)).scalars())
    assert linked == {"china_rare_earth_group", "new_group_id"}
    assert "new_group_id" in known


def test_an_extraction_error_is_recorded_and_not_pending(store: Store, engine: Engine) -> None:
    doc = save(store).id
    failed = Extraction(
        url=URL,
        content=Content(title=None, published=None, language=None, text=""),
        error="cannot decode the page",
        version="v1",
    )
    store.save_extraction(doc, failed)
    assert store.pending_ids() == []
    assert store.status()["extraction_errors"] == 1


def test_save_extraction_for_an_unknown_document_fails(store: Store) -> None:
    with pytest.raises(StoreError, match="no document with id 999"):
        store.save_extraction(999, extraction(*NATIONAL))


def test_facts_and_links_go_with_their_document(store: Store, engine: Engine) -> None:
    doc = save(store).id
    store.save_extraction(doc, extraction(*NATIONAL, companies=("china_northern_rare_earth",)))
    assert count(engine, Fact) == 2
    with engine.begin() as conn:
        conn.execute(delete(Document).where(Document.id == doc))
    assert count(engine, Fact) == 0
    assert count(engine, DocumentCompany) == 0


# -- reading raw pages ---------------------------------------------------------------------


def test_iter_raw_streams_every_page_decompressed(store: Store) -> None:
    ids = [
        save(
            store,
            url=f"http://a.example/{i}",
            body=f"page {i}".encode(),
            published=date(2024, 1, i + 1),
        ).id
        for i in range(5)
    ]
    stream = store.iter_raw(batch=2)
    first = next(stream)
    assert first == RawDocument(
        id=ids[0],
        url="http://a.example/0",
        body=b"page 0",
        content_type="text/html; charset=utf-8",
        published=date(2024, 1, 1),
    )
    # Streamed in batches, not read up front: a page stored meanwhile still comes out.
    late = save(store, url="http://a.example/late", body=b"late").id
    rest = list(stream)
    assert [raw.id for raw in rest] == [*ids[1:], late]
    assert [raw.body for raw in rest] == [b"page 1", b"page 2", b"page 3", b"page 4", b"late"]


def test_iter_raw_with_ids_keeps_their_order_and_skips_unknown(store: Store) -> None:
    ids = [save(store, url=f"http://a.example/{i}", body=bytes([i])).id for i in range(4)]
    wanted = [ids[3], 12345, ids[0], ids[2]]
    assert [raw.id for raw in store.iter_raw(wanted, batch=2)] == [ids[3], ids[0], ids[2]]
    assert [raw.body for raw in store.iter_raw([ids[1]])] == [bytes([1])]
    assert list(store.iter_raw([])) == []


# -- runs, fetch log, status ---------------------------------------------------------------


def test_runs_record_their_counts_and_status_shows_the_last_five(store: Store) -> None:
    run_ids = [store.start_run(f"crawl{i}") for i in range(7)]
    store.finish_run(
        run_ids[-1], outcome="ok", counts={"leads": 9, "fetched": 4, "facts_new": 3, "known": 5}
    )
    runs = store.status()["last_runs"]
    assert [run["id"] for run in runs] == run_ids[::-1][:5]
    newest = runs[0]
    assert (newest["outcome"], newest["leads"], newest["fetched"], newest["facts_new"]) == (
        "ok",
        9,
        4,
        3,
    )
    assert newest["failed"] == 0
    assert newest["finished_at"] is not None
    assert runs[1]["outcome"] == "running"
    assert runs[1]["finished_at"] is None


def test_status_counts_and_recent_fetch_errors(store: Store) -> None:
    run = store.start_run("crawl")
    for i in range(12):
        store.log_fetch(
            run_id=run,
            url=f"http://a.example/{i}",
            status=503,
            bytes=0,
            elapsed_s=0.25,
            error=f"HTTP 503 #{i}",
        )
    store.log_fetch(
        run_id=None, url="http://a.example/ok", status=200, bytes=100, elapsed_s=0.1, error=None
    )
    relevant = save(store, url="http://a.example/r").id
    save(store, url="http://a.example/p")
    store.save_extraction(relevant, extraction(*NATIONAL))
    info = store.status()
    assert info["documents"] == 2
    assert info["relevant_documents"] == 1
    assert info["pending"] == 1
    assert info["facts"] == 2
    assert info["companies"] == 7
    errors = info["recent_fetch_errors"]
    assert len(errors) == 10
    assert errors[0]["error"] == "HTTP 503 #11"
    assert all(entry["status"] == 503 for entry in errors)


def test_log_fetch_keeps_milliseconds(store: Store, engine: Engine) -> None:
    store.log_fetch(
        run_id=None,
        url="http://a.example/",
        status=None,
        bytes=0,
        elapsed_s=1.2345,
        error="timed out",
    )
    with sqlite3.connect(engine.url.database or "") as conn:
        assert conn.execute("SELECT elapsed_ms, status, run_id FROM fetch_log").fetchone() == (
            1234,
            None,
            None,
        )


# -- HTTP cache ----------------------------------------------------------------------------


def test_http_cache_round_trip(engine: Engine) -> None:
    cache = HttpCache(engine)
    listing = "http://www.miit.gov.cn/jgsj/ycls/wjfb/index.html"
    assert cache.get(listing) is None
    cache.put(
        listing,
        etag='"v1"',
        last_modified="Tue, 06 Feb 2024 09:00:00 GMT",
        content_type="text/html",
        body=b"<ul>1</ul>",
    )
    assert cache.get(listing) == (
        '"v1"',
        "Tue, 06 Feb 2024 09:00:00 GMT",
        "text/html",
        b"<ul>1</ul>",
    )
    cache.put(listing, etag=None, last_modified=None, content_type=None, body=b"<ul>2</ul>")
    assert cache.get(listing) == (None, None, None, b"<ul>2</ul>")


# -- concurrency and errors ----------------------------------------------------------------


def _writer(db: str, worker: int, n: int) -> None:
    engine = open_engine(db)
    store = Store(engine)
    run = store.start_run(f"worker{worker}")
    for i in range(n):
        doc = save(store, url=f"http://a.example/shared/{i}", body=f"body {i}".encode())
        store.save_extraction(doc.id, extraction(*NATIONAL))
        save(store, url=f"http://a.example/{worker}/{i}")
    store.finish_run(run, outcome="ok", counts={"stored": n})
    engine.dispose()


def test_several_processes_open_and_write_one_new_file(tmp_path: Path) -> None:
    db = str(tmp_path / "shared.db")
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_writer, args=(db, w, 15)) for w in range(4)]
    for proc in workers:
        proc.start()
    for proc in workers:
        proc.join(120)
    assert [proc.exitcode for proc in workers] == [0, 0, 0, 0]
    engine = open_engine(db)
    info = Store(engine).status()
    assert info["documents"] == 15 + 4 * 15
    assert info["facts"] == 15 * 2
    assert [run["outcome"] for run in info["last_runs"]] == ["ok"] * 4
    engine.dispose()


def test_a_lock_held_too_long_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "quotas.db"
    open_engine(str(db)).dispose()
    engine = open_engine(str(db), busy_timeout=0.05)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError) as caught:
            save(Store(engine))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    message = str(caught.value)
    assert "\n" not in message
    assert str(db) in message
    assert "locked" in message
    assert save(Store(engine)).changed is True  # usable again once the lock is gone
    engine.dispose()
