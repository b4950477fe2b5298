"""Extraction speed against two baselines timed in the same run, on the same pages.

    python bench/extract.py [--pages 2000] [--seed 0] [--json] [--profile 25]

The corpus (``bench/corpus.py``) mixes official notices, Chinese news and English news in
equal parts; ``--corpus zyte`` takes the 181 real news pages of ``shared/zyte`` instead
(``bench/zyte.py``: none is about quotas, so every fact found there is wrong), every page once
unless ``--pages`` asks for more or fewer. Each page goes through three tools, in turn, page
by page (so that a busy machine slows all three alike):

- ours: ``extractors.extract`` (decode, content, facts: everything ``reextract`` runs);
- trafilatura: ``trafilatura.extract`` alone, what a user would otherwise run for the text;
- lxml: ``lxml.html.document_fromstring`` of the same bytes and nothing else (the floor).

A ratio is our time over the baseline's: below 1 we are faster. Times are CPU time of this
process (``time.process_time``), so that other work on a shared machine does not count;
``--clock wall`` times with ``time.perf_counter`` instead.
"""

from __future__ import annotations

import cProfile
import pstats
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import trafilatura
from lxml import etree, html

import extractors
from bench import zyte
from bench.common import emit, parser, table
from bench.corpus import KINDS, Page, corpus

TOOLS = ("ours", "trafilatura", "lxml")
WARMUP = 9  # pages run through every tool before timing (imports, compiled patterns)


def ours(page: Page) -> int:
    result = extractors.extract(
        page.body, page.url, content_type=page.content_type, published=page.published
    )
    return len(result.facts)


def with_trafilatura(page: Page) -> int:
    text = trafilatura.extract(page.body, url=page.url)
    return len(text or "")


def with_lxml(page: Page) -> int:
    try:
        return len(html.document_fromstring(page.body))
    except (etree.ParserError, ValueError):
        return 0


RUNNERS: dict[str, Callable[[Page], int]] = {
    "ours": ours,
    "trafilatura": with_trafilatura,
    "lxml": with_lxml,
}


CLOCKS: dict[str, Callable[[], float]] = {"cpu": time.process_time, "wall": time.perf_counter}


def measure(
    pages: Sequence[Page], clock: Callable[[], float] = time.process_time
) -> dict[str, Any]:
    """Seconds per tool and per kind of page, and the facts found, over ``pages``."""
    for page in pages[:WARMUP]:
        for run in RUNNERS.values():
            run(page)
    seconds: dict[str, dict[str, float]] = {tool: defaultdict(float) for tool in TOOLS}
    facts = 0
    for index, page in enumerate(pages):
        order = TOOLS[index % 3 :] + TOOLS[: index % 3]  # no tool always runs on a warm cache
        for tool in order:
            start = clock()
            found = RUNNERS[tool](page)
            seconds[tool][page.kind] += clock() - start
            if tool == "ours":
                facts += found
    return {"seconds": seconds, "facts": facts}


def result(pages: Sequence[Page], measured: dict[str, Any]) -> dict[str, Any]:
    seconds = measured["seconds"]
    total = {tool: sum(seconds[tool].values()) for tool in TOOLS}
    counts: dict[str, int] = defaultdict(int)
    for page in pages:
        counts[page.kind] += 1
    kinds = [*KINDS, *sorted(set(counts) - set(KINDS))]
    by_kind = {
        kind: {
            "pages": counts[kind],
            "pages_per_s": _rate(counts[kind], seconds["ours"][kind]),
            "ratio_vs_trafilatura": _ratio(seconds["ours"][kind], seconds["trafilatura"][kind]),
            "ratio_vs_lxml": _ratio(seconds["ours"][kind], seconds["lxml"][kind]),
        }
        for kind in kinds
        if counts[kind]
    }
    return {
        "bench": "extract",
        "pages": len(pages),
        "facts": measured["facts"],
        "pages_per_s": _rate(len(pages), total["ours"]),
        "ratio_vs_trafilatura": _ratio(total["ours"], total["trafilatura"]),
        "ratio_vs_lxml": _ratio(total["ours"], total["lxml"]),
        "seconds": {tool: round(total[tool], 4) for tool in TOOLS},
        "baseline_pages_per_s": {
            tool: _rate(len(pages), total[tool]) for tool in ("trafilatura", "lxml")
        },
        "by_kind": by_kind,
    }


def render(res: dict[str, Any]) -> str:
    pages = res["pages"]
    rows = [
        [tool, res["seconds"][tool], pages / res["seconds"][tool] if res["seconds"][tool] else 0.0]
        for tool in TOOLS
    ]
    first = table(
        f"extract ({res['corpus']}): {pages:,} pages, {res['facts']:,} facts found"
        f" ({res['clock']} time)",
        ["tool", "seconds", "pages/s"],
        rows,
    )
    kinds = [
        [kind, k["pages"], k["pages_per_s"], k["ratio_vs_trafilatura"], k["ratio_vs_lxml"]]
        for kind, k in res["by_kind"].items()
    ]
    kinds.append(
        ["all", pages, res["pages_per_s"], res["ratio_vs_trafilatura"], res["ratio_vs_lxml"]]
    )
    second = table(
        "ours by kind of page (ratio = our time / baseline time; < 1 is faster)",
        ["kind", "pages", "pages/s", "vs trafilatura", "vs lxml"],
        kinds,
    )
    return f"{first}\n\n{second}"


def profile(pages: Sequence[Page], top: int) -> None:
    """cProfile of our extraction alone, the ``top`` functions by cumulative time, to stderr."""
    profiler = cProfile.Profile()
    profiler.enable()
    for page in pages:
        ours(page)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stderr)
    stats.sort_stats("cumulative").print_stats(top)


def _rate(count: int, seconds: float) -> float:
    return round(count / seconds, 1) if seconds else 0.0


def _ratio(ours_s: float, baseline_s: float) -> float:
    return round(ours_s / baseline_s, 3) if baseline_s else 0.0


def main(argv: Sequence[str] | None = None) -> None:
    parse = parser(__doc__.split("\n\n")[0])
    parse.add_argument("--pages", type=int, help="pages in the corpus (default 2000; zyte: 181)")
    parse.add_argument("--corpus", choices=("fixtures", "zyte"), default="fixtures")
    parse.add_argument("--profile", type=int, metavar="N", help="also profile ours, top N")
    parse.add_argument("--clock", choices=sorted(CLOCKS), default="cpu", help="default: cpu")
    args = parse.parse_args(argv)
    if args.corpus == "zyte":
        pages = list(zyte.corpus(args.pages or len(zyte.pages())))
        if not pages:
            parse.error("no pages in shared/zyte (set $QUOTAS_ZYTE to their folder)")
    else:
        pages = list(corpus(args.pages or 2000, args.seed))
    res = {**result(pages, measure(pages, CLOCKS[args.clock])), "clock": args.clock}
    res["corpus"] = args.corpus
    if args.profile:
        profile(pages, args.profile)
    emit(render(res), res, args.json)


if __name__ == "__main__":
    main()
