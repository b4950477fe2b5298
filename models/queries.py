"""Reading the database for the analyst: facts with their documents, and the shapes the CLI
prints (series, evidence, timeline, what is new).

Every query is built with SQLAlchemy expressions, so user input only ever travels as a bound
parameter. Functions that need reconciled values take them as an argument (see
``models.reconcile``), so this module does not depend on it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields, replace
from datetime import UTC, date, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from sqlalchemy import Select, and_, select
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from extractors.errors import ConfigError
from extractors.facts import COMMODITIES, QUOTA_TYPES
from models.tables import Document, Fact, FactSeen

if TYPE_CHECKING:
    from models.reconcile import ReconciledQuota

# Filter values that mean "no category" / "the national figure" (NULL in the database).
NULL_WORDS = frozenset({"-", "none", "null", "national", "total"})

# `--year 2019` or `--year 2019..2024` (also 2019-2024, 2019: or ..2024 for open ranges).
YEARS_RE = re.compile(r"^\s*(\d{4})?\s*(?:(\.\.|-|:)\s*(\d{4})?)?\s*$")

# A period as FACTS.md writes it: annual, batch:N, cumulative:N.
PERIOD_RE = re.compile(r"^(annual|batch:[1-9]\d*|cumulative:[1-9]\d*)$")

# Rows fetched at a time when facts are streamed.
STREAM_BATCH = 2000

# Short names for quota types in column headers.
TYPE_LABELS = {"mining": "mining", "smelting_separation": "smelting", "export": "export"}


@dataclass(frozen=True)
class Filters:
    """What ``quotas query`` and friends narrow facts by; None means any."""

    commodity: str | None = None
    quota_type: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    period: str | None = None
    category: str | None = None  # a NULL_WORDS value selects the all-category figure
    holder: str | None = None  # a NULL_WORDS value selects the national figure
    status: str | None = None

    def without_period(self) -> Filters:
        return replace(self, period=None)


@dataclass(frozen=True)
class FactRow:
    """A stored fact with what is needed to cite it."""

    fact_id: int
    document_id: int
    commodity: str
    quota_type: str
    year: int
    period: str
    category: str | None
    holder: str | None
    amount_t: float | None
    status: str
    issuer: str | None
    change_pct: float | None
    announced_on: date | None
    evidence: str
    url: str
    title: str | None
    published_at: datetime | None
    fetched_at: datetime | None
    notice_url: str | None = None  # an attachment's notice (migration 0003); None for pages
    first_seen_at: datetime | None = None

    @property
    def key(self) -> tuple[str, str, int, str, str | None, str | None]:
        return (self.commodity, self.quota_type, self.year, self.period, self.category, self.holder)

    @property
    def published(self) -> date | None:
        return self.published_at.date() if self.published_at else None

    @cached_property  # read several times per fact when quotas are reconciled
    def sort_date(self) -> datetime:
        """When the document counts from when ties are broken: published, else fetched."""
        moment = self.published_at or self.fetched_at or datetime.max
        return moment.replace(tzinfo=None)

    @property
    def outlet(self) -> str:
        return outlet(self.url)

    def to_row(self) -> dict[str, Any]:
        return {
            "fact_id": self.fact_id,
            "commodity": self.commodity,
            "quota_type": self.quota_type,
            "year": self.year,
            "period": self.period,
            "category": self.category,
            "holder": self.holder,
            "amount_t": self.amount_t,
            "status": self.status,
            "issuer": self.issuer,
            "change_pct": self.change_pct,
            "published": self.published,
            "outlet": self.outlet,
            "evidence": self.evidence,
            "url": self.url,
            "first_seen_at": self.first_seen_at,
        }


# FactRow's fields in order: the columns fact_query selects.
_ROW_FIELDS = [f.name for f in fields(FactRow)]


def outlet(url: str) -> str:
    """The host a document came from, without ``www.``; the scheme for local files."""
    parts = urlsplit(url)
    host = parts.hostname or parts.scheme or url
    return host.removeprefix("www.")


def parse_years(text: str) -> tuple[int | None, int | None]:
    """``2019`` → (2019, 2019); ``2019..2024`` → (2019, 2024); ``..2020`` → (None, 2020)."""
    match = YEARS_RE.match(text or "")
    if not match or not (match.group(1) or match.group(3)):
        raise ConfigError(f"not a year or a range of years: {text!r} (e.g. 2019 or 2019..2024)")
    first = int(match.group(1)) if match.group(1) else None
    last = int(match.group(3)) if match.group(3) else None
    if match.group(2) is None:
        last = first
    if first is not None and last is not None and last < first:
        raise ConfigError(f"the range {text!r} ends before it starts")
    return first, last


def parse_key(text: str) -> Filters:
    """``rare_earth/mining/2024/annual[/category[/holder]]`` as exact filters ('-' = none)."""
    parts = [p.strip() for p in text.strip().strip("/").split("/")]
    if len(parts) < 4 or len(parts) > 6:
        raise ConfigError(
            f"not a quota key: {text!r} (e.g. rare_earth/mining/2024/annual, "
            "optionally /category/holder with - for none)"
        )
    commodity, quota_type, year, period = parts[:4]
    if commodity not in COMMODITIES:
        raise ConfigError(f"unknown commodity {commodity!r} (one of {', '.join(COMMODITIES)})")
    if quota_type not in QUOTA_TYPES:
        raise ConfigError(f"unknown quota type {quota_type!r} (one of {', '.join(QUOTA_TYPES)})")
    if not year.isdigit() or len(year) != 4:
        raise ConfigError(f"not a year: {year!r}")
    if not PERIOD_RE.match(period):
        raise ConfigError(f"not a period: {period!r} (annual, batch:N or cumulative:N)")
    category = parts[4] if len(parts) > 4 and parts[4] else "-"
    holder = parts[5] if len(parts) > 5 and parts[5] else "-"
    return Filters(commodity, quota_type, int(year), int(year), period, category, holder)


def fact_query(filters: Filters, *, by_key: bool = False, first_seen: bool = True) -> Select[Any]:
    """Facts with their documents, narrowed by ``filters``; ``by_key`` orders them by their
    whole quota key, so that the facts of one key come together; without ``first_seen`` the
    ``fact_seen`` table is not joined (``first_seen_at`` is None)."""
    fact, doc, seen = Fact.__table__.c, Document.__table__.c, FactSeen.__table__.c
    notice = Document.__table__.alias("notice")
    query = (
        select(
            fact.id.label("fact_id"),
            *(fact[name] for name in _FACT_COLUMNS),
            doc.url,
            doc.title,
            doc.published_at,
            doc.fetched_at,
            notice.c.url.label("notice_url"),
            *([seen.first_seen_at] if first_seen else []),
        )
        .join_from(Fact.__table__, Document.__table__, doc.id == fact.document_id)
        .outerjoin(notice, notice.c.id == doc.notice_id)
    )
    if first_seen:
        query = query.outerjoin(
            FactSeen.__table__,
            and_(seen.document_id == fact.document_id, seen.key_hash == fact.key_hash),
        )
    for name in ("commodity", "quota_type", "period", "status", "category", "holder"):
        value = getattr(filters, name)
        if value is None:
            continue
        if name in ("category", "holder") and value.lower() in NULL_WORDS:
            query = query.where(fact[name].is_(None))
        else:
            query = query.where(fact[name] == value)
    if filters.year_from is not None:
        query = query.where(fact.year >= filters.year_from)
    if filters.year_to is not None:
        query = query.where(fact.year <= filters.year_to)
    if by_key:
        return query.order_by(*(fact[name] for name in _KEY_COLUMNS), fact.id)
    return query.order_by(fact.commodity, fact.quota_type, fact.year, fact.period, fact.id)


_KEY_COLUMNS = ("commodity", "quota_type", "year", "period", "category", "holder")


_FACT_COLUMNS = (
    "document_id",
    "commodity",
    "quota_type",
    "year",
    "period",
    "category",
    "holder",
    "amount_t",
    "status",
    "issuer",
    "change_pct",
    "announced_on",
    "evidence",
)


def load_facts(
    bind: Engine | Connection | Session, filters: Filters | None = None
) -> list[FactRow]:
    """Every stored fact matching ``filters``, with its document."""
    return list(iter_facts(bind, filters))


def iter_facts(
    bind: Engine | Connection | Session,
    filters: Filters | None = None,
    *,
    by_key: bool = False,
    first_seen: bool = True,
) -> Iterator[FactRow]:
    """``load_facts`` streamed: rows are fetched STREAM_BATCH at a time, so memory does not grow
    with the store. From an Engine, a connection stays open until the iteration ends.
    ``by_key`` and ``first_seen`` are those of ``fact_query``."""
    query = fact_query(filters or Filters(), by_key=by_key, first_seen=first_seen)
    if [column.name for column in query.selected_columns] != _ROW_FIELDS[
        : len(_ROW_FIELDS) - (not first_seen)
    ]:
        raise AssertionError("fact_query's columns are not FactRow's fields, in order")
    query = query.execution_options(yield_per=STREAM_BATCH)
    if isinstance(bind, Engine):
        with bind.connect() as conn:
            conn.execution_options(quotas_read_only=True)
            for row in conn.execute(query):
                yield FactRow(*row)  # the columns are FactRow's fields, in order
    else:
        for row in bind.execute(query):
            yield FactRow(*row)


# -- shapes for the CLI ----------------------------------------------------------------------


def series_rows(
    quotas: Iterable[ReconciledQuota],
    commodity: str = "rare_earth",
    quota_types: Sequence[str] = ("mining", "smelting_separation"),
) -> list[dict[str, Any]]:
    """National annual totals per year and type, with year-on-year change; missing years are
    rows with empty cells, derived values name their derivation."""
    annual: dict[tuple[str, int], ReconciledQuota] = {}
    for q in quotas:
        national = q.category is None and q.holder is None
        wanted = q.commodity == commodity and q.quota_type in quota_types
        if wanted and q.period == "annual" and national and q.amount_t:
            annual[(q.quota_type, q.year)] = q
    if not annual:
        return []
    types = [t for t in QUOTA_TYPES if any(t == k[0] for k in annual)]
    years = range(min(y for _, y in annual), max(y for _, y in annual) + 1)
    rows = []
    for year in years:
        row: dict[str, Any] = {"year": year}
        for quota_type in types:
            label = TYPE_LABELS[quota_type]
            this, last = annual.get((quota_type, year)), annual.get((quota_type, year - 1))
            row[f"{label}_t"] = this.amount_t if this else None
            row[f"{label}_yoy_pct"] = (
                round(100.0 * (this.amount_t - last.amount_t) / last.amount_t, 2)
                if this and last and this.amount_t is not None and last.amount_t
                else None
            )
            row[f"{label}_derived_from"] = this.derived_from if this else None
            row[f"{label}_documents"] = this.n_documents if this else None
        rows.append(row)
    return rows


def evidence_rows(facts: Iterable[FactRow], chosen: float | None = None) -> list[dict[str, Any]]:
    """Every document behind a key, earliest first: date, outlet, status, value, sentence, URL."""
    rows = []
    for fact in sorted(facts, key=lambda f: (f.sort_date, f.document_id, f.fact_id)):
        agrees = None if chosen is None or fact.amount_t is None else _same(fact.amount_t, chosen)
        rows.append(
            {
                "published": fact.published,
                "outlet": fact.outlet,
                "status": fact.status,
                "period": fact.period,
                "amount_t": fact.amount_t,
                "agrees": agrees,
                "evidence": fact.evidence,
                "url": fact.url,
                "notice": fact.notice_url,  # the notice an attachment belongs to
            }
        )
    return rows


def timeline_rows(
    facts: Iterable[FactRow], quotas: Sequence[ReconciledQuota]
) -> list[dict[str, Any]]:
    """When each batch (or year) was announced, earliest document first; issuances without a
    figure are kept, with an empty amount."""
    chosen = {q.key: q for q in quotas if not q.derived}
    first: dict[tuple[Any, ...], list[FactRow]] = defaultdict(list)
    for fact in facts:
        first[fact.key].append(fact)
    rows = []
    for key, stating in first.items():
        dated = sorted(stating, key=lambda f: (_announced(f), f.document_id))
        head = dated[0]
        quota = chosen.get(key)
        rows.append(
            {
                "announced": _announced(head),
                "commodity": head.commodity,
                "quota_type": head.quota_type,
                "year": head.year,
                "period": head.period,
                "category": head.category,
                "holder": head.holder,
                "amount_t": quota.amount_t if quota else None,
                "status": "official"
                if any(f.status == "official" for f in stating)
                else "reported",
                "n_documents": len({f.document_id for f in stating}),
                "first_url": head.url,
            }
        )
    return sorted(
        rows, key=lambda r: (r["announced"] or date.max, r["commodity"], _period_rank(r["period"]))
    )


def _period_rank(period: str) -> tuple[int, int]:
    """Batches in order, then running totals, then the whole year."""
    kind, _, number = period.partition(":")
    order = {"batch": 0, "cumulative": 1, "annual": 2}
    return (order.get(kind, 3), int(number) if number.isdigit() else 0)


def new_fact_rows(facts: Iterable[FactRow], since: datetime) -> list[dict[str, Any]]:
    """Facts first stored at or after ``since``; ``new_value`` when no fact stored earlier
    stated the same key with the same figure (a new quota, not a restatement)."""
    cutoff = _naive(since) or since
    every = list(facts)
    earliest: dict[tuple[Any, ...], datetime] = {}
    for fact in every:
        seen = _naive(fact.first_seen_at)
        mark = (*fact.key, fact.amount_t)
        if seen is not None and (mark not in earliest or seen < earliest[mark]):
            earliest[mark] = seen
    rows = []
    for fact in every:
        seen = _naive(fact.first_seen_at)
        if seen is None or seen < cutoff:
            continue
        row = fact.to_row()
        row["new_value"] = earliest[(*fact.key, fact.amount_t)] >= cutoff
        rows.append(row)
    return sorted(rows, key=lambda r: (r["first_seen_at"], r["fact_id"]))


def _announced(fact: FactRow) -> date | None:
    return (
        fact.announced_on or fact.published or (fact.fetched_at.date() if fact.fetched_at else None)
    )


def _naive(moment: datetime | None) -> datetime | None:
    """A UTC instant as a naive UTC datetime (naive ones are taken as UTC already)."""
    if moment is None or moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)


def _same(a: float, b: float) -> bool:
    return abs(a - b) < 0.001
