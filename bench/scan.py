"""WARC scans: records a second through ``quotas ingest`` (1 and 2 worker processes) and
``quotas scan`` (a 2-worker Dask LocalCluster), against reading the same archive with no
extraction at all (the floor), with FastWARC and with warcio.

    python bench/scan.py [--records 2000] [--stories 10] [--json] [--keep DIR]

The archive (``bench/warcs.py``): the real news pages of ``shared/zyte`` repeated under new
URLs, with ``--stories`` quota stories from the fixtures spread among them. Each run writes a
fresh SQLite file; a run is a subprocess timed from launch to exit (start-up included). After
each, the database must hold the stories only, each with its golden facts.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import emit, parser, run_measured, table
from bench.warcs import golden_facts, write_news_warc
from scraper.sources.files import read_warc


def read_floor(path: Path) -> dict[str, float]:
    """Seconds to read every record's page, no extraction: FastWARC (ours), then warcio."""
    from warcio.archiveiterator import ArchiveIterator

    start = time.perf_counter()
    with path.open("rb") as stream:
        fast = sum(1 for _ in read_warc(stream, str(path)))
    fast_s = time.perf_counter() - start
    start = time.perf_counter()
    slow = 0
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type == "response":
                record.content_stream().read()
            slow += 1
    return {"records": fast, "fastwarc_s": fast_s, "warcio_s": time.perf_counter() - start}


def run(name: str, db: Path, *args: str) -> dict[str, Any]:
    command = [sys.executable, "-m", "scraper", "--db", str(db), *args]
    done = run_measured(command)
    if done.returncode != 0:
        raise SystemExit(f"{name} failed ({done.returncode}): {done.stderr[-2000:]}")
    return {
        "seconds": done.seconds,
        "cpu_seconds": done.cpu_seconds,
        "peak_rss_mb": done.peak_rss_mb,
    }


def check(db: Path, stories: list[Any]) -> dict[str, Any]:
    """The database holds the stories only, each with (at least) its golden facts."""
    with sqlite3.connect(db) as con:
        urls = {url for (url,) in con.execute("SELECT url FROM document")}
        facts = con.execute("SELECT COUNT(*) FROM fact").fetchone()[0]
        counts = json.loads(
            con.execute("SELECT counts FROM crawl_run ORDER BY id DESC LIMIT 1").fetchone()[0]
        )
        missing = 0
        for story in stories:
            for fact in golden_facts(story):
                found = con.execute(
                    "SELECT COUNT(*) FROM fact JOIN document d ON d.id = fact.document_id "
                    "WHERE d.url = ? AND commodity = ? AND quota_type = ? AND year = ? "
                    "AND period = ? AND amount_t IS ?",
                    (
                        story.url,
                        fact["commodity"],
                        fact["quota_type"],
                        fact["year"],
                        fact["period"],
                        fact["amount_t"],
                    ),
                ).fetchone()[0]
                missing += found == 0
    return {
        "documents": len(urls),
        "only_stories": urls == {s.url for s in stories},
        "facts": facts,
        "golden_facts_missing": missing,
        "db_mb": round(db.stat().st_size / 2**20, 2),
        "gated": counts.get("gated"),
        "records_read": counts.get("records"),
    }


def main() -> None:
    parse = parser(__doc__.split("\n\n")[0])
    parse.add_argument("--records", type=int, default=2000)
    parse.add_argument("--stories", type=int, default=10)
    parse.add_argument("--keep", type=Path, help="keep the archive and databases here")
    args = parse.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="quotas-scan-"))
    folder.mkdir(parents=True, exist_ok=True)
    archive = folder / "news.warc.gz"
    records = write_news_warc(archive, args.records, args.stories)
    stories = [r for r in records if r.story]
    floor = read_floor(archive)
    n = floor["records"]
    runs: dict[str, dict[str, Any]] = {}
    for name, options in (
        ("ingest, 1 worker", ["ingest", str(archive)]),
        ("ingest, 2 workers", ["ingest", "--workers", "2", str(archive)]),
        ("scan, LocalCluster of 2", ["scan", "--workers", "2", str(archive)]),
    ):
        db = folder / f"{name.split(',')[0]}-{len(runs)}.db"
        db.unlink(missing_ok=True)
        runs[name] = run(name, db, *options) | check(db, stories)
    rows = [
        ["read only, FastWARC (floor)", floor["fastwarc_s"], n / floor["fastwarc_s"], 1.0, "", ""],
        [
            "read only, warcio",
            floor["warcio_s"],
            n / floor["warcio_s"],
            floor["warcio_s"] / floor["fastwarc_s"],
            "",
            "",
        ],
    ]
    for name, r in runs.items():
        rows.append(
            [
                name,
                r["seconds"],
                n / r["seconds"],
                r["seconds"] / floor["fastwarc_s"],
                r["documents"],
                r["golden_facts_missing"],
            ]
        )
    text = table(
        f"scan: {n:,} records ({len(stories)} quota stories), wall time from launch to exit",
        ["run", "seconds", "records/s", "x floor", "docs stored", "golden facts missing"],
        rows,
    )
    result = {
        "bench": "scan",
        "records": n,
        "stories": len(stories),
        "floor": floor,
        "runs": runs,
        "records_per_s": {name: round(n / r["seconds"], 1) for name, r in runs.items()},
    }
    emit(text, result, args.json)


if __name__ == "__main__":
    main()
