"""From stated facts to one value per quota key: the chosen value, its sources, its conflicts.

A key is (commodity, quota_type, year, period, category, holder). The rules, also followed by
the SQL views ``quota`` and ``quota_annual`` (migration 0002):

- the chosen value is the one an official notice states; otherwise the one most documents
  state; ties go to the value of the earliest published document (then the smaller value);
- every other value is a disagreement, listed with the documents that state it;
- a year no document states as a whole gets a *derived* annual value: the highest
  ``cumulative:N`` plus the batches N+1..M that follow it without a gap (or batches 1..M when
  no cumulative figure is known), the run covering most batches winning. A lone first batch
  is never passed off as a year: a derivation must cover two batches or more.

Issuances stated without a volume (``amount_t`` null) give a row with no value, for the
timeline, unless some document states a figure for the same key.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from typing import Any

from models.queries import FactRow, Filters, iter_facts, load_facts

__all__ = [
    "Disagreement",
    "FactRow",
    "Filters",
    "ReconciledQuota",
    "Support",
    "derive_annual",
    "iter_facts",
    "iter_quotas",
    "load_facts",
    "reconcile_facts",
    "reconcile_quotas",
]


Key = tuple[str, str, int, str, str | None, str | None]


@dataclass(frozen=True)
class Support:
    """One document behind a value: the fact that states it and where it was read."""

    fact_id: int
    document_id: int
    url: str
    published: date | None
    status: str
    evidence: str


@dataclass(frozen=True)
class Disagreement:
    """A value other than the chosen one, with every document that states it."""

    amount_t: float
    documents: tuple[Support, ...]


@dataclass(frozen=True)
class ReconciledQuota:
    commodity: str
    quota_type: str
    year: int
    period: str
    category: str | None
    holder: str | None
    amount_t: float | None  # None: issued without a disclosed volume
    n_documents: int  # documents stating the chosen value (for a derived value: behind its parts)
    has_official: bool  # an official notice is among them
    sources: tuple[Support, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    derived_from: str | None = None  # e.g. "cumulative:2 + batch:3"; None when stated

    @property
    def derived(self) -> bool:
        return self.derived_from is not None

    @property
    def key(self) -> Key:
        return (self.commodity, self.quota_type, self.year, self.period, self.category, self.holder)

    @property
    def key_text(self) -> str:
        """The key as ``quotas evidence`` takes it: rare_earth/mining/2024/annual[/cat[/holder]]."""
        return key_text(*self.key)

    def to_row(self) -> dict[str, Any]:
        """A flat row for tables, CSV, JSON and spreadsheets."""
        return {
            "commodity": self.commodity,
            "quota_type": self.quota_type,
            "year": self.year,
            "period": self.period,
            "category": self.category,
            "holder": self.holder,
            "amount_t": self.amount_t,
            "derived_from": self.derived_from,
            "n_documents": self.n_documents,
            "has_official": self.has_official,
            "disagreements": "; ".join(
                f"{_tonnes(d.amount_t)} ({len(d.documents)} doc)" for d in self.disagreements
            ),
            "key": self.key_text,
        }


def key_text(
    commodity: str,
    quota_type: str,
    year: int,
    period: str,
    category: str | None = None,
    holder: str | None = None,
) -> str:
    parts = [commodity, quota_type, str(year), period]
    if category is not None or holder is not None:
        parts.append(category or "-")
    if holder is not None:
        parts.append(holder)
    return "/".join(parts)


def reconcile_quotas(bind: Any, filters: Filters | None = None) -> list[ReconciledQuota]:
    """Reconciled quotas from the database (an Engine, Connection or Session).

    Every filter but ``period`` narrows the facts read; ``period`` narrows the result, so that
    ``period="annual"`` still yields annual values derived from batches.
    """
    return list(iter_quotas(bind, filters))


def iter_quotas(bind: Any, filters: Filters | None = None) -> Iterator[ReconciledQuota]:
    """``reconcile_quotas`` streamed, in the same order: facts are read in key order and
    reconciled one (commodity, quota type, year) at a time, the unit that values are derived
    in, so memory holds one year's facts, not the store's.

    The sort key begins with (commodity, quota_type, year) as the query's order does; their
    values (FACTS.md ids, years) sort alike under every collation.
    """
    filters = filters or Filters()
    facts = iter_facts(bind, filters.without_period(), by_key=True, first_seen=False)
    for _, year_facts in groupby(facts, key=lambda fact: fact.key[:3]):
        for quota in reconcile_facts(year_facts):
            if not filters.period or quota.period == filters.period:
                yield quota


def reconcile_facts(facts: Iterable[FactRow]) -> list[ReconciledQuota]:
    """Stated values per key, then derived annual values; sorted by key."""
    by_key: dict[Key, list[FactRow]] = defaultdict(list)
    for fact in facts:
        by_key[fact.key].append(fact)
    stated = [_choose(key, rows) for key, rows in by_key.items()]
    result = stated + derive_annual(stated)
    return sorted(result, key=_sort_key)


def _choose(key: Key, rows: Sequence[FactRow]) -> ReconciledQuota:
    by_value: dict[float, list[FactRow]] = defaultdict(list)
    for row in rows:
        if row.amount_t is not None:
            by_value[round(row.amount_t, 3)].append(row)

    def rank(item: tuple[float, list[FactRow]]) -> tuple[Any, ...]:
        value, stating = item
        official = any(r.status == "official" for r in stating)
        n_docs = len({r.document_id for r in stating})
        return (not official, -n_docs, min(r.sort_date for r in stating), value)

    ordered = sorted(by_value.items(), key=rank)
    # Only issuances without a figure: a row with no value, backed by all of them.
    chosen, stating = ordered[0] if ordered else (None, list(rows))
    supports = _supports(stating)
    commodity, quota_type, year, period, category, holder = key
    return ReconciledQuota(
        commodity,
        quota_type,
        year,
        period,
        category,
        holder,
        amount_t=chosen,
        n_documents=len(supports),
        has_official=any(s.status == "official" for s in supports),
        sources=supports,
        disagreements=tuple(Disagreement(v, _supports(rs)) for v, rs in ordered[1:]),
    )


def _supports(rows: Iterable[FactRow]) -> tuple[Support, ...]:
    """One Support per document (its first fact), earliest document first."""
    seen: dict[int, Support] = {}
    for row in sorted(rows, key=lambda r: (r.sort_date, r.document_id, r.fact_id)):
        seen.setdefault(
            row.document_id,
            Support(row.fact_id, row.document_id, row.url, row.published, row.status, row.evidence),
        )
    return tuple(seen.values())


def derive_annual(stated: Sequence[ReconciledQuota]) -> list[ReconciledQuota]:
    """Annual values for the (commodity, type, year, category, holder) groups that lack one."""
    groups: dict[tuple[Any, ...], dict[str, ReconciledQuota]] = defaultdict(dict)
    for quota in stated:
        if quota.amount_t is not None:
            group = (quota.commodity, quota.quota_type, quota.year, quota.category, quota.holder)
            groups[group][quota.period] = quota
    derived = []
    for (commodity, quota_type, year, category, holder), periods in groups.items():
        if "annual" in periods:
            continue
        parts = _best_run(periods)
        if parts is None:
            continue
        how, pieces = parts
        supports = tuple({s.document_id: s for piece in pieces for s in piece.sources}.values())
        derived.append(
            ReconciledQuota(
                commodity,
                quota_type,
                year,
                "annual",
                category,
                holder,
                amount_t=sum(p.amount_t or 0.0 for p in pieces),
                n_documents=len(supports),
                has_official=all(p.has_official for p in pieces),
                sources=supports,
                derived_from=how,
            )
        )
    return derived


def _best_run(periods: dict[str, ReconciledQuota]) -> tuple[str, list[ReconciledQuota]] | None:
    batches = {n: q for p, q in periods.items() if (n := _number(p, "batch:")) is not None}
    cumulative = {n: q for p, q in periods.items() if (n := _number(p, "cumulative:")) is not None}
    best: tuple[int, int, list[ReconciledQuota]] | None = None
    for base in [0, *sorted(cumulative)]:
        pieces = [cumulative[base]] if base else []
        top = base
        while top + 1 in batches:
            top += 1
            pieces.append(batches[top])
        if top >= 2 and (best is None or (top, base) > (best[0], best[1])):
            best = (top, base, pieces)
    if best is None:
        return None
    top, base, pieces = best
    if base == 0:
        how = f"batch:1..{top}"
    elif top == base:
        how = f"cumulative:{base}"
    elif top == base + 1:
        how = f"cumulative:{base} + batch:{top}"
    else:
        how = f"cumulative:{base} + batch:{base + 1}..{top}"
    return how, pieces


def _number(period: str, prefix: str) -> int | None:
    if period.startswith(prefix) and period[len(prefix) :].isdigit():
        return int(period[len(prefix) :])
    return None


# Periods sort as a year is told: batches in order, running totals, then the whole year.
def _period_rank(period: str) -> tuple[int, int]:
    for rank, prefix in enumerate(("batch:", "cumulative:")):
        if (n := _number(period, prefix)) is not None:
            return (rank, n)
    return (2, 0) if period == "annual" else (3, 0)


def _sort_key(q: ReconciledQuota) -> tuple[Any, ...]:
    return (
        q.commodity,
        q.quota_type,
        q.year,
        q.holder is not None,
        q.holder or "",
        q.category is not None,
        q.category or "",
        _period_rank(q.period),
    )


def _tonnes(value: float) -> str:
    return f"{value:,.0f} t" if float(value).is_integer() else f"{value:,.2f} t"
