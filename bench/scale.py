"""How cost grows: extraction and re-extraction at 500, 2,000 and 8,000 documents, and the
analyst's ``series`` / ``query`` on databases of 25,000 and 100,000 facts.

    python bench/scale.py [--sizes 500,2000,8000] [--facts 25000,100000] [--seed 0] [--json]

Every measurement runs in a subprocess of its own, so its peak memory (``wait4``) is its
alone. Extraction streams the corpus page by page through ``extractors.extract``;
re-extraction is ``quotas reextract`` over a store of that many documents (as in
``bench/reextract.py``). The fact databases are written through ``Store.save_extraction``,
50 facts a document, with keys spread over commodities, types, years, periods, categories
and holders; then ``quotas series`` and ``quotas query`` (CSV out) run against them.
Linear cost means a flat per-document rate; streamed work means a flat peak memory.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import emit, parser, run_measured, table
from bench.corpus import corpus
from bench.reextract import fill_store

FACTS_PER_DOC = 50
HOLDERS = (None, "china_rare_earth_group", "china_northern_rare_earth", "province:jiangxi")
CATEGORIES = {"rare_earth": (None, "light", "medium_heavy"), "tungsten": (None, "tungsten_primary")}
PERIODS = ("annual", "batch:1", "batch:2", "batch:3", "cumulative:2")
QUERIES = {
    "series": ["series"],
    "query (reconciled)": ["query", "--format", "csv"],
    "query --facts 2019..2024": ["query", "--facts", "--year", "2019..2024", "--format", "csv"],
}


def extract_stream(pages: int, seed: int) -> dict[str, Any]:
    """(In the child.) Our extraction over a streamed corpus: CPU seconds spent in it."""
    import extractors

    spent = 0.0
    facts = 0
    for page in corpus(pages, seed):
        start = time.process_time()
        result = extractors.extract(
            page.body, page.url, content_type=page.content_type, published=page.published
        )
        spent += time.process_time() - start
        facts += len(result.facts)
    return {"pages": pages, "cpu_seconds": spent, "facts": facts}


def measure_extract(pages: int, seed: int) -> dict[str, Any]:
    run = _child("extract", str(pages), str(seed))
    inner = json.loads(run.stdout.strip().splitlines()[-1])
    return {
        "docs": pages,
        "docs_per_s": round(pages / inner["cpu_seconds"], 1),
        "peak_rss_mb": round(run.peak_rss_mb, 1),
    }


def measure_reextract(docs: int, seed: int, folder: Path) -> dict[str, Any]:
    db = folder / f"reextract-{docs}.db"
    fill_store(db, corpus(docs, seed))
    run = run_measured([sys.executable, "-m", "scraper", "--db", str(db), "reextract"])
    if run.returncode not in (0, 1):
        raise SystemExit(f"quotas reextract failed ({run.returncode}): {run.stderr.strip()}")
    db.unlink()
    return {
        "docs": docs,
        "docs_per_s": round(docs / run.seconds, 1),
        "cpu_docs_per_s": round(docs / run.cpu_seconds, 1),
        "peak_rss_mb": round(run.peak_rss_mb, 1),
    }


def synthetic_facts(count: int, seed: int) -> Iterator[list[dict[str, Any]]]:
    """Documents' worth of distinct fact keys (FACTS_PER_DOC each), ``count`` in all."""
    rng = random.Random(seed)
    made = 0
    while made < count:
        keys: dict[tuple[Any, ...], dict[str, Any]] = {}
        while len(keys) < min(FACTS_PER_DOC, count - made):
            commodity = rng.choice(tuple(CATEGORIES))
            fact = {
                "commodity": commodity,
                "quota_type": rng.choice(("mining", "smelting_separation")),
                "year": rng.randint(2006, 2025),
                "period": rng.choice(PERIODS),
                "category": rng.choice(CATEGORIES[commodity]),
                "holder": rng.choice(HOLDERS),
                "amount_t": float(rng.randrange(1_000, 300_000, 10)),
                "status": rng.choice(("official", "reported")),
            }
            keys[tuple(fact.values())[:7]] = fact
        made += len(keys)
        yield list(keys.values())


def fill_facts(db: Path, count: int, seed: int, start: int = 0) -> None:
    """Add ``count`` facts to ``db`` through the store, one document per FACTS_PER_DOC."""
    from datetime import UTC, date, datetime

    import extractors
    from extractors.facts import Content, Extraction, QuotaFact
    from models.base import open_engine
    from models.store import Store

    engine = open_engine(str(db))
    store = Store(engine)
    try:
        for number, facts in enumerate(synthetic_facts(count, seed + start), start):
            url = f"https://bench.invalid/facts/{number}"
            stored = store.save_document(
                url=url,
                final_url=url,
                source="bench",
                status=200,
                content_type="text/html",
                etag=None,
                last_modified=None,
                body=f"<html><body>document {number}</body></html>".encode(),
                fetched_at=datetime(2025, 1, 1, tzinfo=UTC),
                published=date(2020 + number % 6, 1 + number % 12, 1 + number % 28),
            )
            found = tuple(QuotaFact(**fact, evidence=f"figure {i}") for i, fact in enumerate(facts))
            page = Content(title=f"doc {number}", published=None, language="en", text="")
            store.save_extraction(
                stored.id,
                Extraction(url, page, found, relevant=True, version=extractors.EXTRACTOR_VERSION),
            )
    finally:
        engine.dispose()


def measure_queries(db: Path, facts: int) -> list[dict[str, Any]]:
    rows = []
    for name, args in QUERIES.items():
        best = None
        for _ in range(2):  # the better of two runs: the first may pay for a cold page cache
            run = run_measured([sys.executable, "-m", "scraper", "--db", str(db), *args])
            if run.returncode != 0:
                raise SystemExit(f"quotas {name} failed ({run.returncode}): {run.stderr.strip()}")
            if best is None or run.seconds < best.seconds:
                best = run
        assert best is not None
        rows.append(
            {
                "facts": facts,
                "command": name,
                "seconds": round(best.seconds, 3),
                "cpu_seconds": round(best.cpu_seconds, 3),
                "peak_rss_mb": round(best.peak_rss_mb, 1),
                "output_lines": best.stdout.count("\n"),
            }
        )
    return rows


def startup_seconds() -> float:
    """``quotas --help``: what every CLI figure pays before any work."""
    return min(run_measured([sys.executable, "-m", "scraper", "--help"]).seconds for _ in range(2))


def _child(*args: str) -> Any:
    run = run_measured([sys.executable, str(Path(__file__).resolve()), "--child", *args])
    if run.returncode != 0:
        raise SystemExit(f"bench child failed: {run.stderr.strip()}")
    return run


def measure(sizes: Sequence[int], fact_sizes: Sequence[int], seed: int) -> dict[str, Any]:
    res: dict[str, Any] = {"bench": "scale", "startup_s": round(startup_seconds(), 3)}
    res["extract"] = [measure_extract(n, seed) for n in sizes]
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        folder = Path(tmp)
        res["reextract"] = [measure_reextract(n, seed, folder) for n in sizes]
        db = folder / "facts.db"
        queries: list[dict[str, Any]] = []
        have = 0
        for target in sorted(fact_sizes):
            fill_facts(db, target - have, seed, start=have // FACTS_PER_DOC)
            have = target
            queries.extend(measure_queries(db, target))
        res["queries"] = queries
    return res


QUERY_COLUMNS = ("command", "facts", "seconds", "cpu_seconds", "peak_rss_mb", "output_lines")


def render(res: dict[str, Any]) -> str:
    work = [
        [f"{kind} {row['docs']:,}", row["docs_per_s"], row["peak_rss_mb"]]
        for kind in ("extract", "reextract")
        for row in res[kind]
    ]
    first = table(
        "scale: documents per second (extract: CPU time of extraction alone; reextract: wall "
        "time of `quotas reextract`) and peak memory",
        ["run", "docs/s", "peak MiB"],
        work,
    )
    second = table(
        f"queries: wall seconds of the command (CLI start-up alone: {res['startup_s']} s)",
        ["command", "facts", "seconds", "cpu s", "peak MiB", "lines out"],
        [[q[key] for key in QUERY_COLUMNS] for q in res["queries"]],
    )
    return f"{first}\n\n{second}"


def main(argv: Sequence[str] | None = None) -> None:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["--child"]:  # one measurement, in a process of its own
        print(json.dumps(extract_stream(int(argv[2]), int(argv[3]))))
        return
    parse = parser(__doc__.split("\n\n")[0])
    parse.add_argument("--sizes", default="500,2000,8000", help="documents, comma-separated")
    parse.add_argument("--facts", default="25000,100000", help="facts, comma-separated")
    args = parse.parse_args(argv)
    sizes = [int(n) for n in args.sizes.split(",") if n]
    fact_sizes = [int(n) for n in args.facts.split(",") if n]
    res = measure(sizes, fact_sizes, args.seed)
    emit(render(res), res, args.json)


if __name__ == "__main__":
    main()
