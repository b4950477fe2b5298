"""The tables, as typed SQLAlchemy 2 mappings. Alembic migrations create them; never create_all.

Times the program records itself (``fetched_at``, ``created_at``, run and log times) are UTC,
stored naive and read back timezone-aware. ``published_at`` is the page's own date and time as
printed (Beijing time for Chinese government sites), stored naive as it is.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from models.base import Base


class UtcDateTime(TypeDecorator[datetime]):
    """A UTC instant: aware datetimes go in (naive ones are taken as UTC), aware ones come out."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Document(Base):
    """One fetched page: the raw body (zlib-compressed) first, then what extraction read."""

    __tablename__ = "document"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(Text, unique=True)
    final_url: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    fetched_at: Mapped[datetime] = mapped_column(UtcDateTime)
    http_status: Mapped[int | None] = mapped_column(Integer)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    content_type: Mapped[str | None] = mapped_column(Text)
    encoding: Mapped[str | None] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    body: Mapped[bytes] = mapped_column(LargeBinary)
    body_size: Mapped[int] = mapped_column(Integer)
    title: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[datetime | None] = mapped_column(DateTime)
    language: Mapped[str | None] = mapped_column(String(8))
    text: Mapped[str | None] = mapped_column(Text)
    doc_number: Mapped[str | None] = mapped_column(Text)
    signed_on: Mapped[date | None] = mapped_column(Date)
    relevant: Mapped[bool] = mapped_column(Boolean, default=False)
    extractor_version: Mapped[str | None] = mapped_column(String(32), index=True)
    extraction_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    # migration 0003: the document.id of the notice an attachment (附件) was linked from;
    # NULL for pages. Kept by the pipeline, not by a foreign key (see the migration).
    notice_id: Mapped[int | None] = mapped_column(Integer, index=True)


class Fact(Base):
    """One quota figure stated in one document (see shared/FACTS.md)."""

    __tablename__ = "fact"
    __table_args__ = (
        UniqueConstraint("document_id", "key_hash"),
        Index(None, "commodity", "quota_type", "year"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("document.id", ondelete="CASCADE"), index=True
    )
    commodity: Mapped[str] = mapped_column(String(32))
    quota_type: Mapped[str] = mapped_column(String(32))
    year: Mapped[int] = mapped_column(Integer)
    period: Mapped[str] = mapped_column(String(32))
    category: Mapped[str | None] = mapped_column(String(32))
    holder: Mapped[str | None] = mapped_column(String(64))
    amount_t: Mapped[float | None] = mapped_column(Float)
    status: Mapped[str] = mapped_column(String(16))
    issuer: Mapped[str | None] = mapped_column(String(16))
    change_pct: Mapped[float | None] = mapped_column(Float)
    announced_on: Mapped[date | None] = mapped_column(Date)
    evidence: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    extractor_version: Mapped[str] = mapped_column(String(32))
    key_hash: Mapped[str] = mapped_column(String(40))


class Company(Base):
    """A quota holder or a group the news names; seeded by the first migration."""

    __tablename__ = "company"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name_zh: Mapped[str | None] = mapped_column(Text)
    name_en: Mapped[str | None] = mapped_column(Text)


class CompanyAlias(Base):
    """A name a company goes by, in either language; each alias belongs to one company."""

    __tablename__ = "company_alias"

    alias: Mapped[str] = mapped_column(Text, primary_key=True)
    company_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("company.id", ondelete="CASCADE"), index=True
    )


class DocumentCompany(Base):
    """A company a document mentions, with or without figures."""

    __tablename__ = "document_company"

    document_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("document.id", ondelete="CASCADE"), primary_key=True
    )
    company_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("company.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class CrawlRun(Base):
    """One crawl, backfill, ingest or re-extraction run, with its counts and outcome."""

    __tablename__ = "crawl_run"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    outcome: Mapped[str] = mapped_column(String(32))
    pid: Mapped[int | None] = mapped_column(Integer)
    leads: Mapped[int] = mapped_column(Integer, default=0)
    fetched: Mapped[int] = mapped_column(Integer, default=0)
    stored: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    facts_new: Mapped[int] = mapped_column(Integer, default=0)
    counts: Mapped[str | None] = mapped_column(Text)  # every count as JSON, named or not


class FetchLog(Base):
    """One HTTP request: what was asked, what came back, how long it took."""

    __tablename__ = "fetch_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("crawl_run.id", ondelete="SET NULL"), index=True
    )
    url: Mapped[str] = mapped_column(Text)
    status: Mapped[int | None] = mapped_column(Integer)
    bytes: Mapped[int] = mapped_column(Integer, default=0)
    elapsed_ms: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UtcDateTime)


class HttpCacheEntry(Base):
    """The last answer for a list page, replayed when the server says 304 Not Modified."""

    __tablename__ = "http_cache"

    url: Mapped[str] = mapped_column(Text, primary_key=True)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    content_type: Mapped[str | None] = mapped_column(Text)
    body: Mapped[bytes] = mapped_column(LargeBinary)  # zlib-compressed
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


# -- tables of migration 0002 (the analyst's schema; its views are not mapped) -----------------


class FactSeen(Base):
    """When a (document, fact key) was first stored; kept across re-extractions by a trigger."""

    __tablename__ = "fact_seen"

    document_id: Mapped[int] = mapped_column(
        Integer, ForeignKey("document.id", ondelete="CASCADE"), primary_key=True
    )
    key_hash: Mapped[str] = mapped_column(String(40), primary_key=True)
    first_seen_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)


class Finding(Base):
    """One result of ``quotas check``; the table is replaced on every run."""

    __tablename__ = "finding"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    check_name: Mapped[str] = mapped_column(String(32))
    severity: Mapped[str] = mapped_column(String(16))
    quota_key: Mapped[str] = mapped_column(Text, index=True)
    message: Mapped[str] = mapped_column(Text)
    fact_ids: Mapped[str] = mapped_column(Text)  # JSON array of fact.id
    document_urls: Mapped[str] = mapped_column(Text)  # JSON array of document.url
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


# -- table of migration 0004 -------------------------------------------------------------------


class ScannedArchive(Base):
    """A WARC file a scan has read: how many records (a killed scan resumes after them), what
    it found, and whether it was read to its end (``finished_at``)."""

    __tablename__ = "scanned_archive"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    location: Mapped[str] = mapped_column(Text, unique=True)  # absolute path or URL
    run_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("crawl_run.id", ondelete="SET NULL")
    )
    keep_all: Mapped[bool] = mapped_column(Boolean)  # every page stored, not only relevant ones
    records: Mapped[int] = mapped_column(Integer)  # records read and settled, in file order
    pages: Mapped[int] = mapped_column(Integer)  # of which text pages
    gated: Mapped[int] = mapped_column(Integer)  # of which skipped by the relevance gate
    stored: Mapped[int] = mapped_column(Integer)
    failed: Mapped[int] = mapped_column(Integer)
    extractor_version: Mapped[str | None] = mapped_column(String(32))
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


# -- table of migration 0005 -------------------------------------------------------------------


class AttachmentFailure(Base):
    """A notice's attachment link that failed for good (HTTP 404 or 410, a file past the size
    cap): parked, not asked for again until ``[fetch] retry_failed_after_days`` have passed
    or a run says ``--retry-failed``; removed when the file is fetched."""

    __tablename__ = "attachment_failure"

    url: Mapped[str] = mapped_column(Text, primary_key=True)
    notice_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("document.id", ondelete="CASCADE")
    )
    status: Mapped[int | None] = mapped_column(Integer)  # HTTP status, None for a size cap
    reason: Mapped[str] = mapped_column(Text)  # one line
    failed_at: Mapped[datetime] = mapped_column(UtcDateTime)  # the last failure
    failures: Mapped[int] = mapped_column(Integer)  # how many runs it failed in
