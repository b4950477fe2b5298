#!/usr/bin/env python3
"""Merge two independent labellings into ``labels.jsonl`` and write ``ADJUDICATION.md``.

    python bench/realpages/adjudicate.py            # list disagreements still to settle
    python bench/realpages/adjudicate.py --write    # write labels.jsonl and ADJUDICATION.md

Annotator A found and labelled each page (``staging/A-*.jsonl``: whole label lines); annotator
B, given only FACTS.md and the text, labelled it again (``staging/B-*.jsonl``: ``id``, ``facts``,
``notes``). Where their fact sets differ (on the seven key fields), a decision settles it
(``staging/decisions.jsonl``: ``id``, ``facts``, ``reason``). ``--write`` refuses while a
disagreement is unsettled or a page lacks its second labelling.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from schema import FACT_FIELDS, record_errors, split_of  # noqa: E402

STAGING = HERE / "staging"


def read_lines(pattern: str) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for path in sorted(STAGING.glob(pattern)):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                out[record["id"]] = record
    return out


def key(fact: dict[str, Any]) -> tuple[Any, ...]:
    values = [fact[name] for name in FACT_FIELDS]
    if values[-1] is not None:
        values[-1] = round(float(values[-1]), 3)
    return tuple(values)


def show(fact_key: tuple[Any, ...]) -> str:
    commodity, quota_type, year, period, category, holder, amount = fact_key
    amount_text = "null" if amount is None else f"{amount:,g}"
    where = f"{commodity}/{quota_type}/{year}/{period}/{category or '-'}/{holder or '-'}"
    return f"{where} = {amount_text}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()
    first, second, decisions = (
        read_lines("A-*.jsonl"),
        read_lines("B-*.jsonl"),
        read_lines("decisions.jsonl"),
    )
    unsettled, unlabelled, settled = [], [], []
    for pid, record in sorted(first.items()):
        if pid not in second:
            unlabelled.append(pid)
            continue
        a_keys = {key(f) for f in record["facts"]}
        b_keys = {key(f) for f in second[pid]["facts"]}
        if a_keys == b_keys:
            continue
        if pid in decisions:
            settled.append((pid, a_keys - b_keys, b_keys - a_keys))
        else:
            unsettled.append(pid)
            print(f"{pid} [{record['lang']} {split_of(record['url'])}] {record['url']}")
            for k in sorted(a_keys - b_keys, key=repr):
                print(f"  A only: {show(k)}")
            for k in sorted(b_keys - a_keys, key=repr):
                print(f"  B only: {show(k)}")
    print(
        f"{len(first)} pages: {len(first) - len(unlabelled)} labelled twice, "
        f"{len(settled) + len(unsettled)} disagreements, {len(unsettled)} unsettled; "
        f"{len(unlabelled)} without a second labelling"
    )
    if not a.write:
        return 0
    if unsettled or unlabelled:
        print("not written: settle every disagreement and label every page twice first")
        return 1
    lines = []
    for pid, record in sorted(first.items()):
        final = dict(record)
        if pid in decisions:
            final["facts"] = decisions[pid]["facts"]
        errors = record_errors(final)
        if errors:
            print(f"not written: {pid}: {errors}")
            return 1
        lines.append(json.dumps(final, ensure_ascii=False, sort_keys=True))
    (HERE / "labels.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_report(first, second, decisions, settled)
    print(f"wrote labels.jsonl ({len(lines)} pages) and ADJUDICATION.md")
    return 0


def write_report(
    first: dict[str, dict[str, Any]],
    second: dict[str, dict[str, Any]],
    decisions: dict[str, dict[str, Any]],
    settled: list[tuple[str, set[tuple[Any, ...]], set[tuple[Any, ...]]]],
) -> None:
    agreed = len(first) - len(settled)
    out = [
        "# Adjudication of the real-page labels",
        "",
        "Written by `adjudicate.py --write`; do not edit by hand. Every page was labelled twice,",
        "independently: annotator A found and labelled it; annotator B labelled it again from",
        "`shared/FACTS.md` and the text alone. The two agreed on the facts of "
        f"{agreed} of {len(first)} pages;",
        "each disagreement below was settled by reading the text against FACTS.md.",
        "Facts read `commodity/quota_type/year/period/category/holder = tonnes`.",
        "",
    ]
    for pid, a_only, b_only in settled:
        record = first[pid]
        out += [
            f"## {pid} ({record['lang']}, {split_of(record['url'])})",
            "",
            f"<{record['url']}>",
            "",
        ]
        out += [f"- A only: {show(k)}" for k in sorted(a_only, key=repr)]
        out += [f"- B only: {show(k)}" for k in sorted(b_only, key=repr)]
        final = {key(f) for f in decisions[pid]["facts"]}
        kept = sorted((a_only | b_only) & final, key=repr)
        out.append(f"- kept: {', '.join(show(k) for k in kept) or 'none of them'}")
        out += [f"- why: {decisions[pid]['reason']}", ""]
    (HERE / "ADJUDICATION.md").write_text("\n".join(out), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
