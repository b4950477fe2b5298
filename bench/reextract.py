"""Re-extraction of a whole store: documents per second, end to end, writes included.

    python bench/reextract.py [--docs 2000] [--seed 0] [--json] [--keep DIR]

The corpus of ``bench/extract.py`` is stored in a fresh SQLite file (migrated by Alembic,
each page saved as the crawler saves it: compressed body, one transaction per page), then
re-extracted twice:

1. in-process, ``Pipeline(Store(open_engine(db))).reextract()``: the store is new, so every
   document gets its facts for the first time;
2. ``quotas --db FILE reextract`` as a subprocess, timed from launch to exit (interpreter
   start, imports and migration check included): every document's facts are replaced, as
   when the rules have improved. Its peak memory is the child's peak resident set.

Target (issue 6): at least 200 documents per second on one core.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import emit, parser, run_measured, table
from bench.corpus import Page, corpus

TARGET_DOCS_PER_S = 200
FETCHED_AT = datetime(2025, 1, 1, tzinfo=UTC)  # every copy "fetched" at one moment


def fill_store(db: Path, pages: Iterable[Page]) -> int:
    """Store ``pages`` as the crawler stores fetched pages; returns how many."""
    from models.base import open_engine
    from models.store import Store

    engine = open_engine(str(db))
    try:
        store = Store(engine)
        count = 0
        for page in pages:
            store.save_document(
                url=page.url,
                final_url=page.url,
                source="bench",
                status=200,
                content_type=page.content_type,
                etag=None,
                last_modified=None,
                body=page.body,
                fetched_at=FETCHED_AT,
                published=page.published,
                title=page.title,
            )
            count += 1
        return count
    finally:
        engine.dispose()


def reextract_in_process(db: Path) -> dict[str, Any]:
    """The pipeline's reextract through the Python API, timed with its database opening."""
    from models.base import open_engine
    from models.store import Store
    from scraper.pipeline import Pipeline

    start = time.perf_counter()
    engine = open_engine(str(db))
    try:
        report = Pipeline(Store(engine)).reextract()
    finally:
        engine.dispose()
    seconds = time.perf_counter() - start
    return {"docs": report.stored, "seconds": seconds, "facts_new": report.facts_new}


def reextract_cli(db: Path) -> dict[str, Any]:
    """``quotas reextract`` in a subprocess: wall time and peak memory of the child."""
    run = run_measured([sys.executable, "-m", "scraper", "--db", str(db), "reextract"])
    if run.returncode not in (0, 1):
        raise SystemExit(f"quotas reextract failed ({run.returncode}): {run.stderr.strip()}")
    return {
        "seconds": run.seconds,
        "cpu_seconds": run.cpu_seconds,
        "peak_rss_mb": run.peak_rss_mb,
        "output": run.stdout.strip(),
    }


def count_rows(db: Path) -> dict[str, int]:
    import sqlite3

    with sqlite3.connect(db) as con:
        return {
            name: con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
            for name in ("document", "fact")
        }


def measure(docs: int, seed: int, folder: Path) -> dict[str, Any]:
    db = folder / "bench-reextract.db"
    start = time.perf_counter()
    stored = fill_store(db, corpus(docs, seed))
    fill_s = time.perf_counter() - start
    api = reextract_in_process(db)
    cli = reextract_cli(db)
    rows = count_rows(db)
    return {
        "bench": "reextract",
        "docs": stored,
        "docs_per_s": round(stored / cli["seconds"], 1),
        "seconds": round(cli["seconds"], 3),
        "cpu_docs_per_s": round(stored / cli["cpu_seconds"], 1),
        "api_docs_per_s": round(api["docs"] / api["seconds"], 1),
        "api_seconds": round(api["seconds"], 3),
        "store_docs_per_s": round(stored / fill_s, 1),
        "facts": rows["fact"],
        "peak_rss_mb": round(cli["peak_rss_mb"], 1),
        "db_mb": round(db.stat().st_size / 2**20, 1),
        "target_docs_per_s": TARGET_DOCS_PER_S,
        "meets_target": stored / cli["seconds"] >= TARGET_DOCS_PER_S,
    }


def render(res: dict[str, Any]) -> str:
    rows = [
        ["store the pages (save_document)", res["store_docs_per_s"], None, None],
        ["reextract, Python API (first)", res["api_docs_per_s"], res["api_seconds"], None],
        ["quotas reextract (subprocess)", res["docs_per_s"], res["seconds"], res["peak_rss_mb"]],
        ["  the same, per CPU second of the child", res["cpu_docs_per_s"], None, None],
    ]
    verdict = "meets" if res["meets_target"] else "misses"
    return table(
        f"reextract: {res['docs']:,} documents, {res['facts']:,} facts, database "
        f"{res['db_mb']} MiB; {verdict} the target of {res['target_docs_per_s']} docs/s",
        ["step", "docs/s", "seconds", "peak MiB"],
        rows,
    )


def main(argv: Sequence[str] | None = None) -> None:
    parse = parser(__doc__.split("\n\n")[0])
    parse.add_argument("--docs", type=int, default=2000, help="documents in the store")
    parse.add_argument("--keep", type=Path, help="build the database in DIR and keep it")
    args = parse.parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        res = measure(args.docs, args.seed, args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="bench-reextract-") as tmp:
            res = measure(args.docs, args.seed, Path(tmp))
    emit(render(res), res, args.json)


if __name__ == "__main__":
    main()
