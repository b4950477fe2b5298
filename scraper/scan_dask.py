"""Scans of many WARC files on a Dask cluster: workers read and extract, this process stores.

``quotas scan`` takes local paths (files or folders), http(s) URLs of WARC files, and
listings (a CC-NEWS ``warc.paths`` or ``warc.paths.gz``, local or by URL: one path a line,
relative to ``--base-url``). Each archive is one task: a worker streams it (a file it can
see, or the URL), settles every record (``scraper.scan.settle``) and returns the outcomes;
the pages to store travel back with them, the rest as a verdict only. The writer stores
each archive's outcomes as its task completes and marks the archive scanned, so that a scan
run again passes over what is done and redoes only what a killed scan left unfinished.

The cluster is the one at ``--scheduler ADDRESS`` (``tcp://host:8786``), else a LocalCluster
of ``--workers`` processes started for the run and stopped after it.
"""

from __future__ import annotations

import gzip
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import httpx

from extractors.errors import QuotaError
from models.store import Store
from scraper.pipeline import Progress
from scraper.scan import ArchiveWriter, Outcome, ScanReport, _archive_failed, read_stream
from scraper.sources.files import WARC_SUFFIXES

log = logging.getLogger(__name__)

# Where CC-NEWS paths listings point: crawl-data/CC-NEWS/2024/01/CC-NEWS-....warc.gz
COMMON_CRAWL = "https://data.commoncrawl.org/"
LISTING_SUFFIXES = (".paths", ".paths.gz")
TIMEOUT = httpx.Timeout(60.0, connect=20.0)


@dataclass(frozen=True)
class ArchiveResult:
    location: str
    outcomes: list[Outcome]
    error: str | None = None


def archive_locations(sources: Sequence[str], base_url: str = COMMON_CRAWL) -> list[str]:
    """Every archive the arguments name, in order, each once: absolute paths and URLs."""
    found: list[str] = []
    for source in sources:
        if source.startswith(("http://", "https://")):
            if source.lower().endswith(LISTING_SUFFIXES):
                found.extend(_listing(_fetch_listing(source), base_url))
            else:
                found.append(source)
            continue
        path = Path(source)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.name.lower().endswith(WARC_SUFFIXES))
            if not files:
                raise QuotaError(f"no .warc or .warc.gz files in folder {path}")
            found.extend(str(p.resolve()) for p in files)
        elif path.name.lower().endswith(LISTING_SUFFIXES) and path.is_file():
            found.extend(_listing(_read_listing(path.read_bytes(), path.name), base_url))
        elif path.is_file():
            found.append(str(path.resolve()))
        else:
            raise QuotaError(f"no such file or folder: {path}")
    return list(dict.fromkeys(found))


def _listing(text: str, base_url: str) -> Iterator[str]:
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            yield line if "://" in line else urljoin(base_url, line)


def _read_listing(data: bytes, name: str) -> str:
    try:
        raw = gzip.decompress(data) if name.lower().endswith(".gz") else data
        return raw.decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise QuotaError(f"{name} is not a readable paths listing: {exc}") from exc


def _fetch_listing(url: str) -> str:
    try:
        response = httpx.get(url, timeout=TIMEOUT, follow_redirects=True)
        response.raise_for_status()
    except httpx.HTTPError as exc:
        raise QuotaError(f"cannot fetch the listing {url}: {exc}") from exc
    return _read_listing(response.content, url)


class _ResponseStream:
    """The body of a streamed HTTP response as a file FastWARC reads from."""

    def __init__(self, response: httpx.Response) -> None:
        self._chunks = response.iter_raw(1 << 16)
        self._buffer = b""
        self._position = 0

    def read(self, size: int = -1) -> bytes:
        while size < 0 or len(self._buffer) < size:
            chunk = next(self._chunks, None)
            if chunk is None:
                break
            self._buffer += chunk
        if size < 0:
            size = len(self._buffer)
        data, self._buffer = self._buffer[:size], self._buffer[size:]
        self._position += len(data)
        return data

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = 0) -> int:
        if (whence, offset) not in ((0, self._position), (1, 0)):
            raise OSError("an HTTP stream is read once, front to back")
        return self._position

    def close(self) -> None:
        pass


def scan_archive(location: str, skip: int, keep_all: bool) -> ArchiveResult:
    """One archive, every record settled (a Dask task). Never raises: the error is returned."""
    try:
        if location.startswith(("http://", "https://")):
            with (
                httpx.Client(timeout=TIMEOUT, follow_redirects=True) as client,
                client.stream("GET", location) as response,
            ):
                response.raise_for_status()
                stream: Any = _ResponseStream(response)
                outcomes = read_stream(stream, location, skip, keep_all)
        else:
            path = Path(location)
            with path.open("rb") as handle:
                outcomes = read_stream(handle, location, skip, keep_all, local=path)
    except (QuotaError, OSError, httpx.HTTPError) as exc:
        return ArchiveResult(location, [], f"{location}: {exc}")
    return ArchiveResult(location, outcomes)


def scan_cluster(
    store: Store,
    locations: Sequence[str],
    report: ScanReport,
    *,
    run_id: int,
    scheduler: str | None = None,
    workers: int = 2,
    keep_all: bool = False,
    rescan: bool = False,
    progress: Progress | None = None,
) -> None:
    """Scan archives on a Dask cluster; this process is the one writer."""
    from dask.distributed import Client, LocalCluster, as_completed

    writer = ArchiveWriter(store, report, run_id=run_id, keep_all=keep_all)
    show = progress or (lambda what, done, total: None)
    todo = []
    for location in locations:
        skip = writer.begin(location, rescan=rescan)
        if skip is not None:
            todo.append((location, skip))
    if not todo:
        return
    cluster: Any = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
    try:
        with Client(scheduler or cluster) as client:
            futures = [
                client.submit(scan_archive, location, skip, keep_all, pure=False)
                for location, skip in todo
            ]
            for done, future in enumerate(as_completed(futures), 1):
                result: ArchiveResult = future.result()
                future.release()
                if result.error:
                    _archive_failed(report, result.error)
                else:
                    writer.write(result.location, result.outcomes, show)
                    writer.finish(result.location)
                show("archives", done, len(todo))
    except OSError as exc:  # the scheduler cannot be reached
        raise QuotaError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from exc
    finally:
        if cluster is not None:
            cluster.close()


__all__ = ["ArchiveResult", "archive_locations", "scan_archive", "scan_cluster"]
