"""The annual series an analyst gets from the real pages: rebuilt from the extracted facts, held
against the one the labels give.

    python bench/series.py [--split dev|test|all] [--lang en|zh] [--show] [--json]
                           [--labels FILE ...] [--texts DIR]

Every labelled page in the split (``bench/realpages/``) is read by ``extractors.extract_text``,
as ``bench/accuracy.py`` does. Both sets of facts, the extracted and the labelled, then go
through the reconciliation that ``quotas series`` uses (``models.reconcile.reconcile_facts``:
an official value first, then the value most documents state, annual values derived from
batches where no document states the year), and the national annual values (no category, no
holder) of each commodity and quota type are compared year by year.

A year is *right* when both series give the same value, *wrong* when they differ, *missing*
when only the labels give one, *extra* when only the extraction does. ``--show`` prints both
series side by side. The last line with ``--json`` is the summary.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent / "realpages"))

from schema import split_of  # bench/realpages/schema.py

import extractors
from bench.accuracy import HERE, load_labels
from bench.common import emit, parser, table
from models.reconcile import FactRow, reconcile_facts

Series = dict[tuple[str, str, int], float]


def fact_row(n: int, doc: int, record: dict[str, Any], fact: dict[str, Any]) -> FactRow:
    published = date.fromisoformat(record["published"]) if record["published"] else None
    moment = datetime(published.year, published.month, published.day) if published else None
    return FactRow(
        fact_id=n,
        document_id=doc,
        commodity=fact["commodity"],
        quota_type=fact["quota_type"],
        year=fact["year"],
        period=fact["period"],
        category=fact["category"],
        holder=fact["holder"],
        amount_t=fact["amount_t"],
        status=fact.get("status") or "reported",
        issuer=None,
        change_pct=None,
        announced_on=None,
        evidence="",
        url=record["url"],
        title=None,
        published_at=moment,
        fetched_at=None,
    )


def annual_series(rows: Iterable[FactRow]) -> Series:
    """National annual values per (commodity, quota_type, year), stated or derived."""
    return {
        (q.commodity, q.quota_type, q.year): q.amount_t
        for q in reconcile_facts(rows)
        if q.period == "annual" and q.category is None and q.holder is None and q.amount_t
    }


def compare(labelled: Series, rebuilt: Series) -> dict[str, int]:
    keys = labelled.keys() | rebuilt.keys()
    counts = {"right": 0, "wrong": 0, "missing": 0, "extra": 0}
    for key in keys:
        counts[verdict(labelled.get(key), rebuilt.get(key))] += 1
    return counts


def verdict(want: float | None, got: float | None) -> str:
    if want is None:
        return "extra"
    if got is None:
        return "missing"
    return "right" if round(want, 3) == round(got, 3) else "wrong"


def main(argv: Sequence[str] | None = None) -> int:
    ap = parser(__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="all")
    ap.add_argument("--lang", choices=("en", "zh"))
    ap.add_argument("--labels", type=Path, nargs="+", default=[HERE / "labels.jsonl"])
    ap.add_argument("--texts", type=Path, default=HERE / "texts")
    ap.add_argument("--show", action="store_true", help="print both series, year by year")
    args = ap.parse_args(argv)

    labelled_rows: list[FactRow] = []
    extracted_rows: list[FactRow] = []
    pages = uncached = 0
    for doc, record in enumerate(load_labels(args.labels)):
        if args.lang and record["lang"] != args.lang:
            continue
        if args.split != "all" and split_of(record["url"]) != args.split:
            continue
        path = args.texts / f"{record['id']}.txt"
        if not path.exists():
            uncached += 1
            continue
        pages += 1
        published = date.fromisoformat(record["published"]) if record["published"] else None
        text = path.read_text(encoding="utf-8")
        extraction = extractors.extract_text(text, record["url"], published=published)
        for fact in record["facts"]:
            labelled_rows.append(fact_row(len(labelled_rows), doc, record, fact))
        for found in extraction.facts:
            extracted_rows.append(fact_row(len(extracted_rows), doc, record, found.to_dict()))

    labelled, rebuilt = annual_series(labelled_rows), annual_series(extracted_rows)
    counts = compare(labelled, rebuilt)
    lines = []
    if args.show:
        rows = [
            (key[0], key[1], str(key[2]), _t(labelled.get(key)), _t(rebuilt.get(key)),
             verdict(labelled.get(key), rebuilt.get(key)))
            for key in sorted(labelled.keys() | rebuilt.keys())
        ]  # fmt: skip
        lines.append(
            table(
                "national annual values, labelled vs rebuilt",
                ("commodity", "type", "year", "labelled", "rebuilt", ""),
                rows,
            )
        )
    summary = {"bench": "series", "split": args.split, "lang": args.lang or "all", "pages": pages}
    summary.update(counts)
    if uncached:
        summary["uncached"] = uncached
    lines.append(
        table(
            "annual series rebuilt from the real pages",
            ("split", "pages", "years labelled", "right", "wrong", "missing", "extra"),
            [(args.split, pages, len(labelled), *(counts[k] for k in counts))],
        )
    )
    emit("\n\n".join(lines), summary, args.json)
    return 0


def _t(value: float | None) -> str:
    return "" if value is None else f"{value:,.0f}"


if __name__ == "__main__":
    sys.exit(main())
