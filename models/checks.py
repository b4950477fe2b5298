"""Consistency checks over stored figures: ``quotas check``.

Each check compares figures that must agree and names the facts and documents involved:

- ``category_parts``: light + medium-heavy (main + by-product for tungsten) against their total;
- ``holder_allocations``: what the groups (or provinces) got against the national figure;
- ``batches_vs_annual``: batches and running totals against the year, and against each other;
- ``stated_growth``: a stated change in percent against the one computed from stored figures;
- ``table_sums``: within one attachment's table (migration 0003), each row's category parts
  against its subtotal and the groups' (provinces') figures against the table's 合计 row;
  tables state exact figures, so any difference over half a tonne is an error;
- ``magnitude``: a figure far from the other documents' value for its key or from the
  neighbouring years (a misplaced 万, a digit too many), or larger than the year's national
  quota.

Checks compare reconciled (chosen) values, except ``magnitude``, which looks at every fact, so
a typo in a minority document is flagged too. Findings are stored in the ``finding`` table,
replaced on every run.
"""

from __future__ import annotations

import json
import math
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.engine import Engine

from models.base import translate_errors
from models.queries import FactRow, load_facts
from models.reconcile import Key, ReconciledQuota, key_text, reconcile_facts
from models.tables import Finding as FindingTable
from models.tables import utcnow

TOLERANCE = 0.005  # relative slack for sums: news rounds, notices do not
GROWTH_TOLERANCE_PP = 1.0  # percentage points: "up 27%" for 27.27%
OUTLIER_RATIO = 3.0  # quotas never moved threefold in a year; a typo moves them tenfold or more
NEIGHBOUR_YEARS = 3  # how far the magnitude check looks for comparable years

# The categories that make up an all-category figure, per commodity.
CATEGORY_PARTS = {
    "rare_earth": ("light", "medium_heavy"),
    "tungsten": ("tungsten_primary", "tungsten_byproduct"),
}


@dataclass(frozen=True)
class Finding:
    check: str
    severity: str  # error: cannot be right; warning: worth a look
    key: str  # the quota key it is about (see ``ReconciledQuota.key_text``)
    message: str
    fact_ids: tuple[int, ...]
    documents: tuple[str, ...]  # URLs

    def to_row(self) -> dict[str, Any]:
        return {
            "severity": self.severity,
            "check": self.check,
            "key": self.key,
            "message": self.message,
            "fact_ids": ",".join(map(str, self.fact_ids)),
            "documents": " ".join(self.documents),
        }


def check_database(bind: Any) -> list[Finding]:
    """Every finding over the whole database."""
    facts = load_facts(bind)
    return run_checks(facts, reconcile_facts(facts))


def run_checks(facts: Sequence[FactRow], quotas: Sequence[ReconciledQuota]) -> list[Finding]:
    chosen = {q.key: q for q in quotas if q.amount_t is not None}
    stated = {k: q for k, q in chosen.items() if not q.derived}
    findings = [
        *_category_parts(stated),
        *_holder_allocations(stated),
        *_batches_vs_annual(stated),
        *_stated_growth(facts, chosen),
        *_magnitude(facts, chosen, stated),
        *_table_sums(facts),
    ]
    return list(dict.fromkeys(findings))


TABLE_SLACK_T = 0.5  # an attachment's table states exact tonnes; 万吨 cells round to 0.0001


def _table_sums(facts: Sequence[FactRow]) -> Iterable[Finding]:
    """Each attachment's table against itself: row parts vs subtotal, rows vs 合计."""
    tables: dict[int, dict[Key, FactRow]] = defaultdict(dict)
    for fact in facts:
        if fact.notice_url is not None and fact.amount_t is not None:
            tables[fact.document_id].setdefault(fact.key, fact)
    for table in tables.values():
        yield from _row_sums(table)
        yield from _column_sums(table)


def _row_sums(table: dict[Key, FactRow]) -> Iterable[Finding]:
    for key, subtotal in table.items():
        commodity, quota_type, year, period, category, holder = key
        if category is not None or commodity not in CATEGORY_PARTS:
            continue
        parts = [
            table.get((commodity, quota_type, year, period, c, holder))
            for c in CATEGORY_PARTS[commodity]
        ]
        present = [p for p in parts if p is not None]  # an empty or zero cell states no part
        total = sum(p.amount_t or 0.0 for p in present)
        if present and abs(total - (subtotal.amount_t or 0.0)) > TABLE_SLACK_T:
            who = holder or "合计"
            text = " + ".join(f"{p.category} {_tonnes(p.amount_t or 0.0)}" for p in present)
            yield _finding(
                "table_sums",
                "error",
                key,
                f"{who}'s row: {text} = {_tonnes(total)}, but its subtotal is "
                f"{_tonnes(subtotal.amount_t or 0.0)}",
                subtotal,
                *present,
            )


def _column_sums(table: dict[Key, FactRow]) -> Iterable[Finding]:
    columns: dict[Key, list[FactRow]] = defaultdict(list)
    for key, fact in table.items():
        if key[5] is not None:
            columns[(*key[:5], None)].append(fact)
    for key, holders in columns.items():
        national = table.get(key)
        if national is None:
            continue
        total = sum(f.amount_t or 0.0 for f in holders)
        if abs(total - (national.amount_t or 0.0)) > TABLE_SLACK_T:
            what = key[4] or key[1]
            yield _finding(
                "table_sums",
                "error",
                key,
                f"the {len(holders)} rows' {what} figures sum to {_tonnes(total)}, but the "
                f"table's 合计 is {_tonnes(national.amount_t or 0.0)}",
                national,
                *holders,
            )


def _finding(check: str, severity: str, key: Key, message: str, *sources: Any) -> Finding:
    """A finding citing facts (ReconciledQuota: its supporting facts; or FactRow items), the
    facts in question first, then those they are compared with."""
    facts: dict[int, str] = {}
    for source in sources:
        if isinstance(source, ReconciledQuota):
            facts.update((s.fact_id, s.url) for s in source.sources if s.fact_id not in facts)
        elif source.fact_id not in facts:
            facts[source.fact_id] = source.url
    return Finding(
        check, severity, key_text(*key), message, tuple(facts), tuple(dict.fromkeys(facts.values()))
    )


def _category_parts(stated: dict[Key, ReconciledQuota]) -> Iterable[Finding]:
    for key, total in stated.items():
        commodity, quota_type, year, period, category, holder = key
        if category is not None or commodity not in CATEGORY_PARTS:
            continue
        parts = [
            stated.get((commodity, quota_type, year, period, c, holder))
            for c in CATEGORY_PARTS[commodity]
        ]
        present = [p for p in parts if p is not None]
        for part in present:
            if _amount(part) > _amount(total) * (1 + TOLERANCE):
                yield _finding(
                    "category_parts",
                    "error",
                    part.key,
                    f"the {part.category} part ({_t(part)}) is larger than the total ({_t(total)})",
                    part,
                    total,
                )
        if (
            present
            and len(present) == len(parts)
            and not _close(sum(map(_amount, present)), _amount(total))
        ):
            text = " + ".join(f"{p.category} {_t(p)}" for p in present)
            yield _finding(
                "category_parts",
                "warning",
                key,
                f"{text} = {_tonnes(sum(map(_amount, present)))}, but the total is {_t(total)}",
                total,
                *present,
            )


def _holder_allocations(stated: dict[Key, ReconciledQuota]) -> Iterable[Finding]:
    holders: dict[tuple[Any, ...], dict[str, list[ReconciledQuota]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for (commodity, quota_type, year, period, _, holder), q in stated.items():
        if holder is not None:
            holders[(commodity, quota_type, year, period)][holder].append(q)
    for key, national in stated.items():
        commodity, quota_type, year, period, category, holder = key
        if holder is not None:
            continue
        shares: list[tuple[str, float, list[ReconciledQuota]]] = []
        for who, values in holders.get((commodity, quota_type, year, period), {}).items():
            own = [v for v in values if v.category == category]
            parts = [v for v in values if v.category is not None]
            if own:
                shares.append((who, _amount(own[0]), own))
            elif category is None and parts:  # a holder known only by its categories
                shares.append((who, sum(map(_amount, parts)), parts))
        for kind in ("company", "province"):
            mine = [s for s in shares if s[0].startswith("province:") == (kind == "province")]
            total = sum(s[1] for s in mine)
            if mine and total > _amount(national) * (1 + TOLERANCE):
                listing = ", ".join(f"{who} {_tonnes(v)}" for who, v, _ in mine)
                yield _finding(
                    "holder_allocations",
                    "error",
                    key,
                    f"{kind} allocations ({listing}) add up to {_tonnes(total)}, "
                    f"more than the national {_t(national)}",
                    national,
                    *(q for _, _, qs in mine for q in qs),
                )


def _batches_vs_annual(stated: dict[Key, ReconciledQuota]) -> Iterable[Finding]:
    groups: dict[tuple[Any, ...], dict[str, ReconciledQuota]] = defaultdict(dict)
    for (commodity, quota_type, year, period, category, holder), q in stated.items():
        groups[(commodity, quota_type, year, category, holder)][period] = q
    for (commodity, quota_type, year, category, holder), periods in groups.items():
        batches = _numbered(periods, "batch:")
        running = _numbered(periods, "cumulative:")
        annual = periods.get("annual")
        run: list[ReconciledQuota] = []
        while len(run) + 1 in batches:
            run.append(batches[len(run) + 1])
        key = (commodity, quota_type, year, "annual", category, holder)
        if (
            annual is not None
            and run
            and sum(map(_amount, run)) > _amount(annual) * (1 + TOLERANCE)
        ):
            yield _finding(
                "batches_vs_annual",
                "error",
                key,
                f"batches 1..{len(run)} add up to {_tonnes(sum(map(_amount, run)))}, "
                f"more than the year's {_t(annual)}",
                annual,
                *run,
            )
        for n, total in sorted(running.items()):
            if annual is not None and _amount(total) > _amount(annual) * (1 + TOLERANCE):
                yield _finding(
                    "batches_vs_annual",
                    "error",
                    total.key,
                    f"the first {n} batches ({_t(total)}) are more than the year's {_t(annual)}",
                    total,
                    annual,
                )
            if len(run) >= n and not _close(sum(map(_amount, run[:n])), _amount(total)):
                yield _finding(
                    "batches_vs_annual",
                    "warning",
                    total.key,
                    f"batches 1..{n} add up to {_tonnes(sum(map(_amount, run[:n])))}, "
                    f"but the running total is {_t(total)}",
                    total,
                    *run[:n],
                )


def _stated_growth(
    facts: Sequence[FactRow], chosen: dict[Key, ReconciledQuota]
) -> Iterable[Finding]:
    for fact in facts:
        if fact.change_pct is None or fact.amount_t is None:
            continue
        commodity, quota_type, year, period, category, holder = fact.key
        before = chosen.get((commodity, quota_type, year - 1, period, category, holder))
        if before is None or not before.amount_t:
            continue
        computed = 100.0 * (fact.amount_t - before.amount_t) / before.amount_t
        if abs(computed - fact.change_pct) > GROWTH_TOLERANCE_PP:
            yield _finding(
                "stated_growth",
                "warning",
                fact.key,
                f"states {fact.change_pct:+g}% on {year - 1}, but {_tonnes(fact.amount_t)} against "
                f"{_t(before)} is {computed:+.1f}%",
                fact,
                before,
            )


def _magnitude(
    facts: Sequence[FactRow], chosen: dict[Key, ReconciledQuota], stated: dict[Key, ReconciledQuota]
) -> Iterable[Finding]:
    national = _national_totals(chosen)
    too_big = {f.fact_id: w for f in facts if (w := _too_big(f, national)) is not None}
    impossible = {f.key for f in facts if f.fact_id in too_big}
    for fact in facts:
        if not fact.amount_t:
            continue
        commodity, quota_type, year, period, category, holder = fact.key
        own = chosen.get(fact.key)
        if own is not None and own.amount_t and abs(own.amount_t - fact.amount_t) > 0.001:
            refs, what = [own], "the value other documents give"
        else:
            refs = [
                q
                for y in range(year - NEIGHBOUR_YEARS, year + NEIGHBOUR_YEARS + 1)
                if y != year
                and (q := stated.get((commodity, quota_type, y, period, category, holder)))
                and q.key not in impossible
            ]
            what = "neighbouring years (" + ", ".join(f"{q.year}: {_t(q)}" for q in refs) + ")"
        ratio = fact.amount_t / statistics.median(_amount(q) for q in refs) if refs else 1.0
        outlier = ratio >= OUTLIER_RATIO or ratio <= 1 / OUTLIER_RATIO
        whole = too_big.get(fact.fact_id)
        if whole is None and not outlier:
            continue
        said = [f"more than the national {year} quota ({_t(whole)})"] if whole else []
        said += [f"{_times(ratio)} {what}"] if outlier else []
        yield _finding(
            "magnitude",
            "error" if whole else "warning",
            fact.key,
            f"{_tonnes(fact.amount_t)} is {' and '.join(said)}{_hint(ratio) if outlier else ''}",
            fact,
            *([whole] if whole else []),
            *(refs if outlier else []),
        )


def _too_big(
    fact: FactRow, national: dict[tuple[str, str, int], ReconciledQuota]
) -> ReconciledQuota | None:
    """The year's national figure when a part of it (a batch, category or holder) exceeds it."""
    commodity, quota_type, year, period, category, holder = fact.key
    whole = national.get((commodity, quota_type, year))
    if whole is None or not fact.amount_t or (period, category, holder) == ("annual", None, None):
        return None
    return whole if fact.amount_t > _amount(whole) * (1 + TOLERANCE) else None


def _national_totals(
    chosen: dict[Key, ReconciledQuota],
) -> dict[tuple[str, str, int], ReconciledQuota]:
    """The whole-year national figure per (commodity, type, year), else its largest part."""
    best: dict[tuple[str, str, int], ReconciledQuota] = {}
    for (commodity, quota_type, year, period, category, holder), q in chosen.items():
        if category is not None or holder is not None:
            continue
        key = (commodity, quota_type, year)
        current = best.get(key)
        if (
            current is None
            or (period == "annual") > (current.period == "annual")
            or (
                (period == "annual") == (current.period == "annual")
                and _amount(q) > _amount(current)
            )
        ):
            best[key] = q
    return best


def _hint(ratio: float) -> str:
    power = round(math.log10(ratio))
    if abs(power) < 1 or abs(math.log10(ratio) - power) > 0.35:
        return ""
    if power == 4:
        return "; about 10,000 times: a misplaced 万?"
    if power == -4:
        return "; about 1/10,000: 万 read as tonnes?"
    return f"; about {10.0**power:,g} times: a digit too many or too few?"


def _times(ratio: float) -> str:
    return f"{ratio:,.0f} times" if ratio >= 1 else f"1/{1 / ratio:,.0f} of"


def _numbered(periods: dict[str, ReconciledQuota], prefix: str) -> dict[int, ReconciledQuota]:
    return {
        int(p[len(prefix) :]): q
        for p, q in periods.items()
        if p.startswith(prefix) and p[len(prefix) :].isdigit()
    }


def _amount(q: ReconciledQuota) -> float:
    return q.amount_t or 0.0


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b), 1.0)


def _tonnes(value: float) -> str:
    return f"{value:,.0f} t" if float(value).is_integer() else f"{value:,.2f} t"


def _t(q: ReconciledQuota) -> str:
    return _tonnes(_amount(q))


# -- stored findings ---------------------------------------------------------------------------


def store_findings(engine: Engine, findings: Sequence[Finding]) -> None:
    """Replace the stored findings with ``findings``, in one transaction."""
    table = cast(Table, FindingTable.__table__)
    now = utcnow()
    rows = [
        {
            "check_name": f.check,
            "severity": f.severity,
            "quota_key": f.key,
            "message": f.message,
            "fact_ids": json.dumps(list(f.fact_ids)),
            "document_urls": json.dumps(list(f.documents), ensure_ascii=False),
            "created_at": now,
        }
        for f in findings
    ]
    with translate_errors(engine.url), engine.begin() as conn:
        conn.execute(delete(table))
        if rows:
            conn.execute(insert(table), rows)


def load_findings(engine: Engine) -> list[Finding]:
    """The findings of the last ``quotas check``."""
    table = FindingTable.__table__.c
    query = select(
        table.check_name,
        table.severity,
        table.quota_key,
        table.message,
        table.fact_ids,
        table.document_urls,
    )
    with translate_errors(engine.url), engine.connect() as conn:
        conn.execution_options(quotas_read_only=True)
        rows = conn.execute(query.order_by(table.id)).all()
    return [
        Finding(
            r.check_name,
            r.severity,
            r.quota_key,
            r.message,
            tuple(json.loads(r.fact_ids)),
            tuple(json.loads(r.document_urls)),
        )
        for r in rows
    ]
