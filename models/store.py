"""Writing and reading what the crawler keeps: raw pages, their facts, runs and the fetch log.

``Store`` wraps an Engine opened by ``models.base.open_engine``. Each call is one short
transaction, so several processes can share a SQLite file (writers queue on the busy timeout)
and a run killed at any moment leaves nothing half-written. Writes are idempotent: documents
are upserted by URL, facts by (document, key hash).
"""

from __future__ import annotations

import hashlib
import json
import os
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, func, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine

from extractors.errors import StoreError
from extractors.facts import KEY_FIELDS, Extraction, QuotaFact
from models.base import Base, translate_errors
from models.tables import (
    AttachmentFailure,
    Company,
    CrawlRun,
    Document,
    DocumentCompany,
    Fact,
    FetchLog,
    HttpCacheEntry,
    utcnow,
)

# The named counters of a run; any other count is kept in the run's JSON ``counts``.
RUN_COUNTERS = ("leads", "fetched", "stored", "unchanged", "failed", "facts_new")
_CHUNK = 500  # ids or URLs per IN (...) query, well under every driver's parameter limit


@dataclass(frozen=True)
class StoredDocument:
    id: int
    changed: bool  # new, or its body differs from the stored one


@dataclass(frozen=True)
class RawDocument:
    id: int
    url: str
    body: bytes
    content_type: str | None
    published: date | None
    notice_id: int | None = None  # set for an attachment: the notice it was linked from


@dataclass(frozen=True)
class NoticeInfo:
    """What an attachment's facts take from its notice."""

    url: str
    title: str | None
    doc_number: str | None
    published: date | None


def fact_key_hash(fact: QuotaFact) -> str:
    """A sha1 of the fact's key (FACTS.md): equal keys give equal hashes, 94580 == 94580.0."""
    values: list[Any] = [getattr(fact, name) for name in KEY_FIELDS]
    amount = values[-1]
    values[-1] = None if amount is None else repr(round(float(amount), 3))
    values[2] = int(values[2])
    encoded = json.dumps(values, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha1(encoded.encode("utf-8")).hexdigest()


def _table(entity: type[Base]) -> Table:
    return cast(Table, entity.__table__)


def insert_for(conn: Connection, table: Table) -> Any:
    """The dialect's INSERT, which has ``on_conflict_do_nothing``/``on_conflict_do_update``."""
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table)
    if conn.dialect.name == "sqlite":
        return sqlite.insert(table)
    raise StoreError(f"unsupported database dialect: {conn.dialect.name}")


class _Database:
    """Short transactions over an Engine, with driver errors turned into StoreErrors."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with translate_errors(self.engine.url), self.engine.begin() as conn:
            yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with translate_errors(self.engine.url), self.engine.connect() as conn:
            conn.execution_options(quotas_read_only=True)
            with conn.begin():
                yield conn


class Store(_Database):
    """Documents, facts, runs and the fetch log; one transaction per call."""

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)
        self._companies: set[str] = set()  # company ids known to be stored

    def known_urls(self, urls: Iterable[str]) -> set[str]:
        """The URLs among ``urls`` already stored (as asked for, or as finally redirected to)."""
        wanted = list(dict.fromkeys(urls))
        found: set[str] = set()
        with self._read() as conn:
            for chunk in _chunks(wanted):
                rows = conn.execute(
                    select(Document.url, Document.final_url).where(
                        or_(Document.url.in_(chunk), Document.final_url.in_(chunk))
                    )
                )
                for url, final_url in rows:
                    found.update(u for u in (url, final_url) if u is not None)
        return found.intersection(wanted)

    def save_document(
        self,
        *,
        url: str,
        final_url: str | None,
        source: str | None,
        status: int | None,
        content_type: str | None,
        etag: str | None,
        last_modified: str | None,
        body: bytes,
        fetched_at: datetime,
        published: date | None = None,
        title: str | None = None,
        notice_id: int | None = None,
    ) -> StoredDocument:
        """Store a fetched page by URL. The same body again only updates ``fetched_at``; a new
        body replaces the old one and marks the document for extraction again."""
        doc = _table(Document)
        sha = hashlib.sha256(body).hexdigest()
        now = utcnow()
        fields: dict[str, Any] = {
            "final_url": final_url,
            "source": source,
            "fetched_at": fetched_at,
            "http_status": status,
            "etag": etag,
            "last_modified": last_modified,
            "content_type": content_type,
            "sha256": sha,
            "body": zlib.compress(body, 6),
            "body_size": len(body),
            "extractor_version": None,
            "extraction_error": None,
            "updated_at": now,
        }
        if title is not None:
            fields["title"] = title
        if notice_id is not None:
            fields["notice_id"] = notice_id
        if published is not None:
            fields["published_at"] = datetime(published.year, published.month, published.day)
        with self._write() as conn:
            inserted = conn.execute(
                insert_for(conn, doc)
                .values(url=url, relevant=False, created_at=now, **fields)
                .on_conflict_do_nothing(index_elements=["url"])
                .returning(doc.c.id)
            ).scalar_one_or_none()
            if inserted is not None:
                return StoredDocument(id=inserted, changed=True)
            doc_id, old_sha = conn.execute(
                select(doc.c.id, doc.c.sha256).where(doc.c.url == url)
            ).one()
            if old_sha == sha:
                conn.execute(
                    update(doc)
                    .where(doc.c.id == doc_id)
                    .values(fetched_at=fetched_at, updated_at=now)
                )
                return StoredDocument(id=doc_id, changed=False)
            conn.execute(update(doc).where(doc.c.id == doc_id).values(**fields))
            return StoredDocument(id=doc_id, changed=True)

    def save_extraction(self, document_id: int, extraction: Extraction) -> int:
        """Record what extraction read from a document and replace its facts and companies.

        Returns how many facts have a key this document did not have before.
        """
        page = extraction.content
        values: dict[str, Any] = {
            "doc_id": document_id,
            "language": page.language,
            "text": page.text,
            "doc_number": page.doc_number,
            "signed_on": page.signed,
            "relevant": extraction.relevant,
            "encoding": extraction.encoding,
            "extractor_version": extraction.version or "unknown",
            "extraction_error": extraction.error,
            "updated_at": utcnow(),
            "title": page.title or None,  # None keeps the stored title (from the listing)
            "published_at": page.published,  # None keeps the stored date
        }
        rows = _fact_rows(document_id, extraction)
        companies = list(dict.fromkeys(extraction.companies))
        with self._write() as conn:
            sql = _statements(conn.dialect.name)
            if conn.execute(sql.update_document, values).rowcount == 0:
                raise StoreError(f"no document with id {document_id}")
            before = set(conn.execute(sql.delete_facts, {"doc_id": document_id}).scalars())
            if rows:
                conn.execute(sql.insert_facts, rows)
            conn.execute(sql.delete_links, {"doc_id": document_id})
            if companies:
                # A company the vocabulary knows but the seed does not: keep the mention, add
                # the id (once per process: company rows are never deleted).
                unknown = [cid for cid in companies if cid not in self._companies]
                if unknown:
                    conn.execute(
                        sql.insert_companies,
                        [{"id": cid, "name_zh": None, "name_en": None} for cid in unknown],
                    )
                # Two crawlers finishing one left-over document at once: the second adds nothing.
                conn.execute(
                    sql.insert_links,
                    [{"document_id": document_id, "company_id": cid} for cid in companies],
                )
        self._companies.update(companies)
        return len({row["key_hash"] for row in rows} - before)

    def pending_ids(self) -> list[int]:
        """Documents stored but never extracted (a run killed in between, or a new body)."""
        doc = _table(Document)
        with self._read() as conn:
            query = select(doc.c.id).where(doc.c.extractor_version.is_(None)).order_by(doc.c.id)
            return list(conn.execute(query).scalars())

    def iter_raw(self, ids: Iterable[int] | None = None, batch: int = 200) -> Iterator[RawDocument]:
        """Stored pages, decompressed, ``batch`` at a time (each batch its own short read).

        With ``ids``, those documents in that order (unknown ids are skipped); else all, by id.
        """
        if ids is not None:
            wanted = list(ids)
            for start in range(0, len(wanted), batch):
                chunk = wanted[start : start + batch]
                by_id = {raw.id: raw for raw in self._raw_batch(chunk, None, batch)}
                yield from (by_id[i] for i in chunk if i in by_id)
            return
        after = 0
        while True:
            page = self._raw_batch(None, after, batch)
            if not page:
                return
            yield from page
            after = page[-1].id

    def _raw_batch(self, ids: list[int] | None, after: int | None, batch: int) -> list[RawDocument]:
        doc = _table(Document)
        query = select(
            doc.c.id,
            doc.c.url,
            doc.c.body,
            doc.c.content_type,
            doc.c.published_at,
            doc.c.notice_id,
        )
        if ids is not None:
            query = query.where(doc.c.id.in_(ids))
        else:
            query = query.where(doc.c.id > (after or 0)).order_by(doc.c.id).limit(batch)
        with self._read() as conn:
            rows = conn.execute(query).all()
        return [
            RawDocument(
                id=row.id,
                url=row.url,
                body=_decompress(row.body, row.url),
                content_type=row.content_type,
                published=row.published_at.date() if row.published_at else None,
                notice_id=row.notice_id,
            )
            for row in rows
        ]

    # -- attachments (migration 0003) ------------------------------------------------------

    def document_id(self, url: str) -> int | None:
        doc = _table(Document)
        with self._read() as conn:
            found = conn.execute(select(doc.c.id).where(doc.c.url == url)).scalar_one_or_none()
        return None if found is None else int(found)

    def document_title(self, document_id: int) -> str | None:
        doc = _table(Document)
        with self._read() as conn:
            return conn.execute(
                select(doc.c.title).where(doc.c.id == document_id)
            ).scalar_one_or_none()

    def notice_info(self, notice_id: int) -> NoticeInfo | None:
        """The title, document number and date of the notice an attachment belongs to."""
        doc = _table(Document)
        with self._read() as conn:
            row = conn.execute(
                select(doc.c.url, doc.c.title, doc.c.doc_number, doc.c.published_at).where(
                    doc.c.id == notice_id
                )
            ).one_or_none()
        if row is None:
            return None
        published = row.published_at.date() if row.published_at else None
        return NoticeInfo(row.url, row.title, row.doc_number, published)

    def page_ids(self, sources: Iterable[str]) -> list[int]:
        """Stored pages (not attachments) of these sources, by id: the notices whose
        attachments a backfill makes sure of."""
        doc = _table(Document)
        wanted = list(sources)
        if not wanted:
            return []
        with self._read() as conn:
            query = (
                select(doc.c.id)
                .where(doc.c.source.in_(wanted), doc.c.notice_id.is_(None))
                .order_by(doc.c.id)
            )
            return list(conn.execute(query).scalars())

    def start_run(self, kind: str) -> int:
        """Record the start of a run; returns its id for ``finish_run`` and ``log_fetch``."""
        run = _table(CrawlRun)
        with self._write() as conn:
            run_id = conn.execute(
                run.insert()
                .values(
                    kind=kind,
                    started_at=utcnow(),
                    outcome="running",
                    pid=os.getpid(),
                    **dict.fromkeys(RUN_COUNTERS, 0),
                )
                .returning(run.c.id)
            ).scalar_one()
            return int(run_id)

    def finish_run(self, run_id: int, *, outcome: str, counts: Mapping[str, int]) -> None:
        run = _table(CrawlRun)
        named = {key: int(counts.get(key, 0)) for key in RUN_COUNTERS}
        with self._write() as conn:
            conn.execute(
                update(run)
                .where(run.c.id == run_id)
                .values(
                    finished_at=utcnow(),
                    outcome=outcome,
                    counts=json.dumps(dict(counts), sort_keys=True),
                    **named,
                )
            )

    def log_fetch(
        self,
        *,
        run_id: int | None,
        url: str,
        status: int | None,
        bytes: int,
        elapsed_s: float,
        error: str | None,
    ) -> None:
        with self._write() as conn:
            conn.execute(
                _table(FetchLog)
                .insert()
                .values(
                    run_id=run_id,
                    url=url,
                    status=status,
                    bytes=bytes,
                    elapsed_ms=round(elapsed_s * 1000),
                    error=error,
                    at=utcnow(),
                )
            )

    def status(self) -> dict[str, Any]:
        """Counts, the last 5 runs and the last 10 failed requests (for ``quotas status``)."""
        doc, fact_t = _table(Document), _table(Fact)
        run, logs = _table(CrawlRun), _table(FetchLog)

        def count(conn: Connection, table: Table, *where: Any) -> int:
            return int(
                conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one()
            )

        with self._read() as conn:
            info: dict[str, Any] = {
                "documents": count(conn, doc),
                "relevant_documents": count(conn, doc, doc.c.relevant.is_(True)),
                "pending": count(conn, doc, doc.c.extractor_version.is_(None)),
                "extraction_errors": count(conn, doc, doc.c.extraction_error.is_not(None)),
                "facts": count(conn, fact_t),
                "companies": count(conn, _table(Company)),
                "attachments": count(conn, doc, doc.c.notice_id.is_not(None)),
                "parked_attachments": count(conn, _table(AttachmentFailure)),
            }
            runs = conn.execute(
                select(
                    run.c.id,
                    run.c.kind,
                    run.c.started_at,
                    run.c.finished_at,
                    run.c.outcome,
                    *(run.c[key] for key in RUN_COUNTERS),
                )
                .order_by(run.c.id.desc())
                .limit(5)
            )
            info["last_runs"] = [dict(row._mapping) for row in runs]
            errors = conn.execute(
                select(logs.c.at, logs.c.url, logs.c.status, logs.c.error)
                .where(logs.c.error.is_not(None))
                .order_by(logs.c.id.desc())
                .limit(10)
            )
            info["recent_fetch_errors"] = [dict(row._mapping) for row in errors]
            unreadable = conn.execute(
                select(doc.c.url, doc.c.extraction_error.label("reason"))
                .where(doc.c.notice_id.is_not(None), doc.c.extraction_error.is_not(None))
                .order_by(doc.c.id.desc())
                .limit(20)
            )
            info["unreadable_attachments"] = [dict(row._mapping) for row in unreadable]
            parked = _table(AttachmentFailure)
            links = conn.execute(
                select(parked.c.url, parked.c.status, parked.c.reason, parked.c.failed_at)
                .order_by(parked.c.failed_at.desc())
                .limit(20)
            )
            info["parked_attachment_links"] = [dict(row._mapping) for row in links]
        return info


class HttpCache(_Database):
    """Stored answers for list pages, so a 304 Not Modified can be answered from the database.

    Satisfies ``scraper.fetch.ResponseCache`` structurally.
    """

    def get(self, url: str) -> tuple[str | None, str | None, str | None, bytes] | None:
        """(etag, last_modified, content_type, body) last stored for ``url``, or None."""
        cache = _table(HttpCacheEntry)
        with self._read() as conn:
            row = conn.execute(
                select(
                    cache.c.etag, cache.c.last_modified, cache.c.content_type, cache.c.body
                ).where(cache.c.url == url)
            ).one_or_none()
        if row is None:
            return None
        try:
            body = zlib.decompress(row.body)
        except zlib.error:
            return None  # a damaged entry is a cache miss: the page is simply fetched again
        return row.etag, row.last_modified, row.content_type, body

    def put(
        self,
        url: str,
        *,
        etag: str | None,
        last_modified: str | None,
        content_type: str | None,
        body: bytes,
    ) -> None:
        cache = _table(HttpCacheEntry)
        values = {
            "etag": etag,
            "last_modified": last_modified,
            "content_type": content_type,
            "body": zlib.compress(body, 6),
            "updated_at": utcnow(),
        }
        with self._write() as conn:
            statement = insert_for(conn, cache).values(url=url, **values)
            conn.execute(statement.on_conflict_do_update(index_elements=["url"], set_=values))


@dataclass(frozen=True)
class _ExtractionStatements:
    """``save_extraction``'s statements, built once per dialect: a document costs five round
    trips and no statement compilation."""

    update_document: Any
    delete_facts: Any  # returns the deleted facts' key hashes
    insert_facts: Any
    delete_links: Any
    insert_companies: Any
    insert_links: Any


@cache
def _statements(dialect: str) -> _ExtractionStatements:
    doc, fact_t = _table(Document), _table(Fact)
    link, company = _table(DocumentCompany), _table(Company)
    # the dialects' INSERTs, which have on_conflict_do_nothing
    insert: Any = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}.get(dialect)
    if insert is None:
        raise StoreError(f"unsupported database dialect: {dialect}")
    keep = ("title", "published_at")  # a None leaves the stored value
    fields = (
        "language", "text", "doc_number", "signed_on", "relevant", "encoding",
        "extractor_version", "extraction_error", "updated_at",
    )  # fmt: skip
    document_id = bindparam("doc_id", type_=doc.c.id.type)
    return _ExtractionStatements(
        update_document=update(doc)
        .where(doc.c.id == document_id)
        .values(
            {name: bindparam(name) for name in fields}
            | {
                name: func.coalesce(bindparam(name, type_=doc.c[name].type), doc.c[name])
                for name in keep
            }
        ),
        delete_facts=delete(fact_t)
        .where(fact_t.c.document_id == document_id)
        .returning(fact_t.c.key_hash),
        insert_facts=insert(fact_t).on_conflict_do_nothing(
            index_elements=["document_id", "key_hash"]
        ),
        delete_links=delete(link).where(link.c.document_id == document_id),
        insert_companies=insert(company).on_conflict_do_nothing(index_elements=["id"]),
        insert_links=insert(link).on_conflict_do_nothing(
            index_elements=["document_id", "company_id"]
        ),
    )


def _fact_rows(document_id: int, extraction: Extraction) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for fact in extraction.facts:
        key_hash = fact_key_hash(fact)
        rows.setdefault(
            key_hash,
            {
                "document_id": document_id,
                "commodity": fact.commodity,
                "quota_type": fact.quota_type,
                "year": int(fact.year),
                "period": fact.period,
                "category": fact.category,
                "holder": fact.holder,
                "amount_t": None if fact.amount_t is None else float(fact.amount_t),
                "status": fact.status,
                "issuer": fact.issuer,
                "change_pct": fact.change_pct,
                "announced_on": fact.announced,
                "evidence": fact.evidence,
                "span_start": fact.span[0],
                "span_end": fact.span[1],
                "extractor_version": extraction.version or "unknown",
                "key_hash": key_hash,
            },
        )
    return list(rows.values())


def _decompress(body: bytes, url: str) -> bytes:
    try:
        return zlib.decompress(body)
    except zlib.error as exc:
        raise StoreError(f"stored body of {url} is damaged: {exc}") from None


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterator[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
