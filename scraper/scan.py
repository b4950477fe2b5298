"""Archive scans: the records of WARC files read, extracted, and the pages that matter stored.

The work is split in two, so that it spreads over processes (``--workers``) or a Dask cluster
(``scraper.scan_dask``) while one writer alone touches the database:

- ``settle(page)``, in a worker: extraction (behind the relevance gate) and the verdict on one
  record: not a text page, skipped by the gate, not about quotas, about quotas, unreadable;
- ``ArchiveWriter``, in the process that owns the store: counts every verdict, stores the pages
  that matter (only those about quotas, unless ``keep_all``), and records in
  ``scanned_archive`` how many records of each archive it has settled, so that an archive
  read to its end is passed over next time and one a killed scan left part-way resumes
  after the records already settled.
"""

from __future__ import annotations

import logging
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import extractors
from extractors.errors import QuotaError
from extractors.facts import Extraction
from extractors.gate import GATE_SITE
from models.archives import ArchiveLog
from models.store import Store
from scraper.pipeline import Progress, RunReport
from scraper.sources.files import WarcPage, read_warc

log = logging.getLogger(__name__)

CHECKPOINT_RECORDS = 500  # the archive's row is brought up to date this often
CHUNK = 16  # outcomes a worker process sends at a time
IN_FLIGHT = 4  # batches queued per worker process: memory stays bounded on any archive


@dataclass(frozen=True)
class Outcome:
    """What became of one record. ``page`` and ``extraction`` travel only with pages to store."""

    verdict: str  # other | gated | irrelevant | relevant | failed
    page: WarcPage | None = None
    extraction: Extraction | None = None
    error: str | None = None


def settle(page: WarcPage | None, keep_all: bool) -> Outcome:
    """Extract one record's page and say what it is (run in a worker)."""
    if page is None:
        return Outcome("other")
    result = extractors.extract(
        page.body, page.url, content_type=page.content_type, published=page.date.date()
    )
    if result.error:
        verdict = "failed"
    elif result.content.site == GATE_SITE:
        verdict = "gated"
    else:
        verdict = "relevant" if result.relevant else "irrelevant"
    keep = keep_all or verdict == "relevant"
    return Outcome(
        verdict,
        page if keep else None,
        result if keep else None,
        f"{page.url}: {result.error}" if result.error else None,
    )


@dataclass
class ScanReport(RunReport):
    """A run's report with the archive counts: records read, skipped by the gate, stored."""

    archives: int = 0
    archives_done_before: int = 0  # passed over: read to their end by an earlier scan
    records: int = 0
    pages: int = 0
    gated: int = 0
    irrelevant: int = 0
    archive_errors: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            **super().counts(),
            "archives": self.archives,
            "archives_done_before": self.archives_done_before,
            "records": self.records,
            "pages": self.pages,
            "gated": self.gated,
            "irrelevant": self.irrelevant,
        }


class ArchiveWriter:
    """The one writer: counts each record's outcome, stores the pages to keep, checkpoints."""

    def __init__(self, store: Store, report: ScanReport, *, run_id: int, keep_all: bool) -> None:
        self.store = store
        self.log = ArchiveLog(store.engine)
        self.report = report
        self.run_id = run_id
        self.keep_all = keep_all

    def begin(self, location: str, *, rescan: bool) -> int | None:
        """The number of records to pass over in ``location``, or None to skip it (read to its
        end before, in a mode that stored at least what this one would)."""
        state = self.log.state(location)
        fresh = rescan or state is None or (self.keep_all and not state.keep_all)
        if state is not None and state.finished and not fresh:
            self.report.archives_done_before += 1
            return None
        self.log.start(location, run_id=self.run_id, keep_all=self.keep_all, fresh=fresh)
        self.report.archives += 1
        return 0 if fresh or state is None else state.records

    def write(self, location: str, outcomes: Iterable[Outcome], progress: Progress) -> None:
        """Count and store the outcomes of one archive's records, in file order."""
        pending = dict.fromkeys(("records", "pages", "gated", "stored", "failed"), 0)
        for outcome in outcomes:
            self._write_one(outcome, pending)
            if pending["records"] >= CHECKPOINT_RECORDS:
                self.log.progress(location, pending)
                pending = dict.fromkeys(pending, 0)
            progress(location.rsplit("/", 1)[-1], self.report.records, 0)
        self.log.progress(location, pending)

    def finish(self, location: str) -> None:
        self.log.progress(location, {}, finished=True, version=extractors.EXTRACTOR_VERSION)

    def _write_one(self, outcome: Outcome, pending: dict[str, int]) -> None:
        report = self.report
        report.records += 1
        pending["records"] += 1
        if outcome.verdict == "other":
            return
        report.pages += 1
        pending["pages"] += 1
        if outcome.verdict == "gated":
            report.gated += 1
            pending["gated"] += 1
        elif outcome.verdict == "irrelevant":
            report.irrelevant += 1
        elif outcome.verdict == "failed":
            report.failed += 1
            pending["failed"] += 1
            report.errors.append(outcome.error or "unreadable page")
        page, result = outcome.page, outcome.extraction
        if page is None or result is None:
            return
        report.fetched += 1
        stored = self.store.save_document(
            url=page.url,
            final_url=page.url,
            source="warc",
            status=200,
            content_type=page.content_type,
            etag=None,
            last_modified=None,
            body=page.body,
            fetched_at=page.date,
            published=page.date.date(),
            title=None,
        )
        if not stored.changed:
            report.unchanged += 1
            return
        report.stored += 1
        pending["stored"] += 1
        new = self.store.save_extraction(stored.id, result)
        report.facts_new += new
        if new:
            report.new_facts.extend((page.url, fact) for fact in result.facts)


# -- local archives, over worker processes -------------------------------------------------------


def scan_local(
    store: Store,
    paths: Sequence[Path],
    report: ScanReport,
    *,
    run_id: int,
    workers: int = 1,
    keep_all: bool = False,
    rescan: bool = False,
    progress: Progress | None = None,
) -> None:
    """Scan local WARC files; with ``workers`` > 1 each of that many processes reads the file
    and settles its share of the records (every n-th), and this process, the one writer,
    takes their outcomes in file order. (Reading is a tenth of the work, so each worker
    reading the whole file costs less than shipping every page to workers through a pipe.)"""
    writer = ArchiveWriter(store, report, run_id=run_id, keep_all=keep_all)
    show = progress or (lambda what, done, total: None)
    for path in paths:
        location = str(path.resolve())
        skip = writer.begin(location, rescan=rescan)
        if skip is None:
            log.info("%s: scanned before; passed over", path)
            continue
        try:
            if workers > 1:
                writer.write(location, _shared(path, skip, workers, keep_all), show)
            else:
                with path.open("rb") as stream:
                    pages = read_warc(stream, str(path), skip=skip, local=path)
                    writer.write(location, (settle(page, keep_all) for page in pages), show)
        except OSError as exc:
            _archive_failed(report, f"cannot read {path}: {exc.strerror or exc}")
            continue
        except QuotaError as exc:
            _archive_failed(report, str(exc))
            continue
        writer.finish(location)


def _archive_failed(report: ScanReport, message: str) -> None:
    log.warning("%s", message)
    report.failed += 1
    report.errors.append(message)
    report.archive_errors.append(message)


def _share_worker(path: Path, skip: int, share: tuple[int, int], keep_all: bool, out: Any) -> None:
    """A worker process: settle every n-th record of the file, send outcomes in batches."""
    batch: list[Outcome] = []
    try:
        with path.open("rb") as stream:
            local = path if share[0] == 0 else None  # one reader checks the file's end
            for page in read_warc(stream, str(path), skip=skip, local=local, share=share):
                batch.append(settle(page, keep_all))
                if len(batch) == CHUNK:
                    out.put(("outcomes", batch))
                    batch = []
        out.put(("outcomes", batch))
        out.put(("end", None))
    except (QuotaError, OSError) as exc:
        out.put(("outcomes", batch))
        out.put(("error", str(exc)))


def _shared(path: Path, skip: int, workers: int, keep_all: bool) -> Iterator[Outcome]:
    """The outcomes of ``workers`` share readers, merged back into file order."""
    methods = multiprocessing.get_all_start_methods()
    context: Any = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    queues = [context.Queue(maxsize=IN_FLIGHT * 4) for _ in range(workers)]
    processes = [
        context.Process(
            target=_share_worker, args=(path, skip, (k, workers), keep_all, queues[k]), daemon=True
        )
        for k in range(workers)
    ]
    for process in processes:
        process.start()
    buffers: list[deque[Outcome]] = [deque() for _ in range(workers)]
    ended = [False] * workers
    error: str | None = None
    try:
        index = 0
        while True:
            k = index % workers
            while not buffers[k] and not ended[k]:
                kind, value = queues[k].get()
                if kind == "outcomes":
                    buffers[k].extend(value)
                else:
                    ended[k] = True
                    error = error or (value if kind == "error" else None)
            if not buffers[k]:
                break  # record ``index`` does not exist (or its reader failed): the end
            yield buffers[k].popleft()
            index += 1
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()
            process.join()
    if error:
        raise QuotaError(error)


def read_stream(
    stream: IO[bytes], name: str, skip: int, keep_all: bool, local: Path | None = None
) -> list[Outcome]:
    """Every record of one archive stream settled (a Dask task's work, see scan_dask)."""
    pages = read_warc(stream, name, skip=skip, local=local)
    return [settle(page, keep_all) for page in pages]
