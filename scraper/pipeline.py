"""Discover → fetch → store → extract → store, for crawls, backfills, ingests and re-extraction.

The raw page is stored before anything reads it, and its facts are stored afterwards in a
transaction of their own, so a run killed at any moment leaves documents that the next run
simply extracts (``Store.pending_ids``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import extractors
from extractors import decode
from extractors.attachments import Converter, attachment_links
from extractors.canonical import page_metadata
from extractors.errors import (
    BlockedError,
    ChallengeError,
    ExtractError,
    FetchError,
    QuotaError,
    TooLargeError,
)
from models.parked import PERMANENT_STATUSES, ParkedAttachments
from models.store import RawDocument, Store
from scraper.fetch import Fetcher, FetchSettings, Page, RequestRecord
from scraper.lock import SOLE_WRITER, Lease
from scraper.sources import Lead, Source
from scraper.sources.files import is_warc

log = logging.getLogger(__name__)

# How long an attachment link that failed for good is passed over ([fetch] sets it).
RETRY_FAILED_AFTER = timedelta(days=FetchSettings.retry_failed_after_days)

# Files that `ingest` reads from a folder; anything else is passed over.
PAGE_SUFFIXES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".shtml": "text/html",
    ".txt": "text/plain",
}

Progress = Callable[[str, int, int], None]  # (what, done, total)


@dataclass
class RunReport:
    """What one run did; the CLI prints it and turns it into an exit code."""

    kind: str
    leads: int = 0
    fetched: int = 0
    stored: int = 0
    unchanged: int = 0
    known: int = 0
    failed: int = 0
    facts_new: int = 0
    sources_failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    new_facts: list[tuple[str, extractors.QuotaFact]] = field(default_factory=list)
    attachments: int = 0  # attachment files fetched
    parked: int = 0  # attachment links not asked for: they failed for good lately
    unreadable: list[str] = field(default_factory=list)  # "url: reason" of each one not read
    keeps_new_facts: bool = True  # crawls report and notify them; reextract does not

    def counts(self) -> dict[str, int]:
        return {
            "leads": self.leads,
            "fetched": self.fetched,
            "stored": self.stored,
            "unchanged": self.unchanged,
            "known": self.known,
            "failed": self.failed,
            "facts_new": self.facts_new,
            "attachments": self.attachments,
            "unreadable_attachments": len(self.unreadable),
            "parked_attachments": self.parked,
        }

    @property
    def exit_code(self) -> int:
        """0 all went well, 1 some documents or sources failed, 3 nothing could be fetched."""
        attempted = self.fetched + self.failed
        if (
            self.sources_failed
            and self.fetched == 0
            and self.known == 0
            and attempted == self.failed
        ):
            return 3
        if self.failed or self.sources_failed:
            return 1
        return 0

    @property
    def outcome(self) -> str:
        return {0: "ok", 1: "partial", 3: "failed"}[self.exit_code]


class Pipeline:
    def __init__(
        self,
        store: Store,
        progress: Progress | None = None,
        claims: Lease | None = None,
        convert: Converter | str | None = "find",
    ) -> None:
        self.store = store
        self.progress = progress or (lambda what, done, total: None)
        self.claims = claims or SOLE_WRITER  # the run lock's lease: who fetches which URL
        self._convert = convert  # .doc/.wps/.et converter; "find": looked up when first needed
        self.parking = ParkedAttachments(store.engine)
        # attachment links that failed for good since this instant are not asked for again
        self._parked_since: datetime | None = None

    # -- crawl and backfill ----------------------------------------------------------------

    def crawl(
        self,
        make_fetcher: Callable[[Callable[[RequestRecord], None]], Fetcher],
        sources: Iterable[Source],
        *,
        kind: str = "crawl",
        since: int | None = None,
        until: int | None = None,
        full: bool = False,
        retry_failed_after: timedelta = RETRY_FAILED_AFTER,
        retry_failed: bool = False,
    ) -> RunReport:
        """Discover, fetch, store and extract; then the attachments stored notices lack. An
        attachment link that failed for good (``models.parked``) within ``retry_failed_after``
        is passed over, unless ``retry_failed``."""
        self._parked_since = None if retry_failed else datetime.now(UTC) - retry_failed_after
        report = RunReport(kind)
        run_id = self.store.start_run(kind)
        outcome = "interrupted"
        try:
            self._extract_pending(report)
            with make_fetcher(self._fetch_logger(run_id)) as fetcher:
                sources = list(sources)
                for source in sources:
                    self._crawl_source(fetcher, source, report, since=since, until=until, full=full)
                # attachments stored notices still lack: those of notices stored before this
                # feature, or by a run killed between a notice and its files (stored ones are
                # never asked for again; a link that failed is tried again on the next run,
                # unless it failed for good: then after retry_failed_after)
                self._stored_notices_attachments(fetcher, sources, report)
            outcome = report.outcome
        finally:
            self.store.finish_run(run_id, outcome=outcome, counts=report.counts())
        return report

    def _crawl_source(
        self,
        fetcher: Fetcher,
        source: Source,
        report: RunReport,
        *,
        since: int | None,
        until: int | None,
        full: bool,
    ) -> None:
        try:
            leads = _unique(
                source.discover(fetcher, since=since, until=until, full=full, known=self._is_known)
            )
        except (ChallengeError, BlockedError) as exc:
            log.warning("source %s blocked: %s", source.name, exc)
            report.sources_failed.append(source.name)
            report.errors.append(f"{source.name}: {exc}")
            return
        except FetchError as exc:
            log.warning("source %s failed: %s", source.name, exc)
            report.sources_failed.append(source.name)
            report.errors.append(f"{source.name}: {exc}")
            return
        report.leads += len(leads)
        known = self.store.known_urls(lead.url for lead in leads)
        report.known += len(known)
        todo = [lead for lead in leads if lead.url not in known]
        for done, lead in enumerate(todo, 1):
            with self.claims.claim(lead.url) as ours:
                if ours:
                    self._fetch_lead(fetcher, source, lead, report)
                else:  # another crawler (team mode) is fetching it or has stored it
                    report.known += 1
            self.progress(source.name, done, len(todo))

    def _is_known(self, url: str) -> bool:
        return bool(self.store.known_urls([url]))

    def _fetch_lead(self, fetcher: Fetcher, source: Source, lead: Lead, report: RunReport) -> None:
        try:
            page = fetcher.get(
                lead.fetch_url or lead.url,  # an archive copy is fetched, stored as the original
                referer=lead.referer,
                allowed_hosts=source.allowed_hosts,
            )
        except FetchError as exc:
            kind = "challenge" if isinstance(exc, ChallengeError) else "failed"
            log.warning("%s: %s", kind, exc)
            report.failed += 1
            report.errors.append(str(exc))
            return
        self._store_fetched(
            report, lead.url, page, source, published=lead.published, title=lead.title
        )
        self._follow_attachments(fetcher, source, lead.url, page.body, report)

    def _store_fetched(
        self, report: RunReport, url: str, page: Page, source: Source, **document: Any
    ) -> None:
        """A fetched page or attachment, stored under ``url`` (``_store``)."""
        self._store(
            report,
            url=url,
            final_url=page.final_url,
            source=source.name,
            status=page.status,
            content_type=page.content_type,
            etag=page.etag,
            last_modified=page.last_modified,
            body=page.body,
            fetched_at=page.fetched_at,
            **document,
        )

    def _store(
        self,
        report: RunReport,
        *,
        url: str,
        body: bytes,
        content_type: str | None,
        published: date | None,
        notice_id: int | None = None,
        **document: Any,
    ) -> None:
        """The raw document first, then, if it is new or changed, its facts: the one way every
        fetched or ingested page, and every notice's attachment (``notice_id``: read by its
        table), enters the store."""
        report.fetched += 1
        stored = self.store.save_document(
            url=url,
            body=body,
            content_type=content_type,
            published=published,
            notice_id=notice_id,
            **document,
        )
        if not stored.changed:
            report.unchanged += 1
            return
        report.stored += 1
        raw = RawDocument(stored.id, url, body, content_type, published, notice_id)
        self._extract_raw(raw, report)

    def _fetch_logger(self, run_id: int) -> Callable[[RequestRecord], None]:
        def record(rec: RequestRecord) -> None:
            self.store.log_fetch(
                run_id=run_id,
                url=rec.url,
                status=rec.status,
                bytes=rec.bytes,
                elapsed_s=rec.elapsed_s,
                error=rec.error,
            )

        return record

    # -- extraction ------------------------------------------------------------------------

    def _extract(
        self,
        doc_id: int,
        url: str,
        body: bytes,
        content_type: str | None,
        published: date | None,
        report: RunReport,
    ) -> None:
        result = extractors.extract(body, url, content_type=content_type, published=published)
        new = self.store.save_extraction(doc_id, result)
        report.facts_new += new
        if result.error:
            report.failed += 1
            report.errors.append(f"{url}: {result.error}")
        elif new and report.keeps_new_facts:
            report.new_facts.extend((url, fact) for fact in result.facts)

    def _extract_pending(self, report: RunReport) -> None:
        """Finish documents a killed run stored but never extracted."""
        pending = self.store.pending_ids()
        if pending:
            log.info("extracting %d documents left by an interrupted run", len(pending))
        for raw in self.store.iter_raw(pending):
            self._extract_raw(raw, report)

    def reextract(self) -> RunReport:
        """Re-run the extractors over every stored raw page, replacing their facts."""
        report = RunReport("reextract", keeps_new_facts=False)  # memory flat over any store
        run_id = self.store.start_run("reextract")
        total = self.store.status()["documents"]
        outcome = "interrupted"
        try:
            for done, raw in enumerate(self.store.iter_raw(), 1):
                self._extract_raw(raw, report)
                report.stored += 1
                self.progress("reextract", done, total)
            outcome = report.outcome
        finally:
            self.store.finish_run(run_id, outcome=outcome, counts=report.counts())
        return report

    # -- attachments (附件) ---------------------------------------------------------------------

    def _follow_attachments(
        self, fetcher: Fetcher, source: Source, notice_url: str, body: bytes, report: RunReport
    ) -> None:
        """Fetch and store the files a notice of an official source attaches (same-site links
        to .xls/.doc/.pdf..., or whose text starts with 附件), each once: a stored one is never
        asked for again."""
        if not getattr(source, "FOLLOWS_ATTACHMENTS", False):
            return
        notice_id = self.store.document_id(notice_url)
        absolute = getattr(source, "absolute", None)
        if notice_id is None or absolute is None:
            return
        links: dict[str, str] = {}
        for href, text in attachment_links(body):
            url = absolute(href, notice_url)
            if url is not None and url != notice_url:
                links.setdefault(url, text)
        known = self.store.known_urls(links)
        since = self._parked_since
        parked = self.parking.parked(links, since=since) if since and links else set()
        for url, text in links.items():
            if url in known:
                continue
            if url in parked:
                report.parked += 1
                continue
            with self.claims.claim(url) as ours:
                if ours:
                    notice = (notice_url, notice_id)
                    self._fetch_attachment(fetcher, source, url, text, notice, report)

    def _fetch_attachment(
        self,
        fetcher: Fetcher,
        source: Source,
        url: str,
        title: str,
        notice: tuple[str, int],
        report: RunReport,
    ) -> None:
        notice_url, notice_id = notice
        try:
            page = fetcher.get(url, referer=notice_url, allowed_hosts=source.allowed_hosts)
        except FetchError as exc:
            log.warning("attachment failed: %s", exc)
            report.failed += 1
            if isinstance(exc, TooLargeError) or exc.status in PERMANENT_STATUSES:
                self.parking.park(url, notice_id=notice_id, status=exc.status, reason=str(exc))
                report.errors.append(f"attachment of {notice_url}: {exc} (parked)")
            else:
                report.errors.append(f"attachment of {notice_url}: {exc}")
            return
        self.parking.release(url)
        report.attachments += 1
        self._store_fetched(
            report, url, page, source, published=None, title=title or None, notice_id=notice_id
        )

    def _stored_notices_attachments(
        self, fetcher: Fetcher, sources: list[Source], report: RunReport
    ) -> None:
        """The attachments of stored notices not yet stored (no request for the others)."""
        for source in sources:
            if not getattr(source, "FOLLOWS_ATTACHMENTS", False):
                continue
            for raw in self.store.iter_raw(self.store.page_ids([source.name])):
                self._follow_attachments(fetcher, source, raw.url, raw.body, report)

    def _extract_raw(self, raw: RawDocument, report: RunReport) -> None:
        """Extract a stored document: a page by the page rules, an attachment by its table."""
        if raw.notice_id is None:
            self._extract(raw.id, raw.url, raw.body, raw.content_type, raw.published, report)
            return
        from extractors.allocations import ALLOCATION_RULES, extract_attachment

        notice = self.store.notice_info(raw.notice_id)
        info = self.store.document_title(raw.id)
        result = extract_attachment(
            raw.body,
            raw.url,
            link_title=info,
            notice_title=notice.title if notice else None,
            notice_doc_number=notice.doc_number if notice else None,
            published=notice.published if notice else raw.published,
            convert=self.converter,
            version=f"{extractors.EXTRACTOR_VERSION}/{ALLOCATION_RULES}",
        )
        new = self.store.save_extraction(raw.id, result)
        report.facts_new += new
        if result.error:
            report.failed += 1
            report.unreadable.append(f"{raw.url}: {result.error}")
            report.errors.append(f"unreadable attachment {raw.url}: {result.error}")
        elif new and report.keeps_new_facts:
            report.new_facts.extend((raw.url, fact) for fact in result.facts)

    @property
    def converter(self) -> Converter | None:
        if isinstance(self._convert, str):
            from scraper.convert import find_converter

            self._convert = find_converter()
        return self._convert

    # -- local files -----------------------------------------------------------------------

    def ingest(
        self,
        paths: Iterable[Path],
        *,
        url: str | None = None,
        published: date | None = None,
        keep_all: bool = False,
        workers: int = 1,
        rescan: bool = False,
    ) -> RunReport:
        """Store saved pages and their facts; from WARC files only the pages about quotas
        (all with ``keep_all``), records spread over ``workers`` processes (``scraper.scan``)."""
        from scraper.scan import ScanReport, scan_local

        report = ScanReport("ingest")
        run_id = self.store.start_run("ingest")
        outcome = "interrupted"
        try:
            files = list(iter_page_files(paths))
            if url and len(files) > 1:
                raise QuotaError("--url names one page, but several files were given")
            if url and any(is_warc(path) for path in files):
                raise QuotaError("--url names one page; a WARC file names its own pages")
            pages = [path for path in files if not is_warc(path)]
            for done, path in enumerate(pages, 1):
                self._ingest_file(path, report, url=url, published=published)
                self.progress("ingest", done, len(pages))
            archives = [path for path in files if is_warc(path)]
            if archives:
                scan_local(
                    self.store,
                    archives,
                    report,
                    run_id=run_id,
                    workers=workers,
                    keep_all=keep_all,
                    rescan=rescan,
                    progress=self.progress,
                )
            outcome = report.outcome
        finally:
            self.store.finish_run(run_id, outcome=outcome, counts=report.counts())
        return report

    def _ingest_file(
        self, path: Path, report: RunReport, *, url: str | None, published: date | None
    ) -> None:
        body = read_file(path)
        content_type = PAGE_SUFFIXES.get(path.suffix.lower(), "text/html")
        try:
            text, _ = decode.decode_body(body, content_type)
        except ExtractError as exc:
            report.failed += 1
            report.errors.append(f"{path}: {exc}")
            return
        meta = page_metadata(text) if content_type == "text/html" else {}
        page_url = meta.get("url") or url or path.resolve().as_uri()
        self._store(
            report,
            url=page_url,
            final_url=page_url,
            source="file",
            status=200,
            content_type=content_type,
            etag=None,
            last_modified=None,
            body=body,
            fetched_at=datetime.now(UTC),
            published=published,
            title=None,
        )


def iter_page_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The page files named, and those inside the folders named, in a stable order."""
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
            pages = [
                p
                for p in found
                if p.suffix.lower() in PAGE_SUFFIXES or is_warc(p) or _looks_like_html(p)
            ]
            if not pages:
                raise QuotaError(f"no .html, .htm, .txt or .warc(.gz) files in folder {path}")
            yield from pages
        elif path.exists():
            yield path
        else:
            raise QuotaError(f"no such file or folder: {path}")


def _looks_like_html(path: Path) -> bool:
    """A page saved without a suffix (``/news/12345``, ``/markets/slug``): sniff its start."""
    if path.suffix:
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(512).lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    except OSError:
        return False
    return head.startswith((b"<!doctype html", b"<html", b"<!--", b"<head"))


def read_file(path: Path) -> bytes:
    """A page file's bytes; anything but a regular file is refused (a FIFO would block)."""
    if path.exists() and not path.is_file():
        what = "a folder" if path.is_dir() else "not a regular file"
        raise QuotaError(f"cannot read {path}: {what}")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise QuotaError(f"cannot read {path}: {exc.strerror or exc}") from exc


def _unique(leads: Iterable[Lead]) -> list[Lead]:
    seen: dict[str, Lead] = {}
    for lead in leads:
        seen.setdefault(lead.url, lead)
    return list(seen.values())
