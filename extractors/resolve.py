"""One document's figures made consistent by the document's own arithmetic.

The rules of each language read a figure sentence by sentence; where a reading is uncertain
(the first batch or the year? mining or smelting? the main-mining part or the whole?) they
hand every reading, the preferred one first. ``resolve`` picks, for each stated figure, the
reading the other figures of the same document support:

- category parts sum to their total (light + medium-heavy, main-mining + by-product), never
  more (a tungsten total can hold back a reserve, so less only weighs against a reading);
- holders never exceed the national figure;
- batches sum to their running total and to the year; a batch is never larger than its year;
- a stated growth ("up 12.5%") matches the figure a year before, where the document gives it;
- one key has one amount: two amounts for the same quota contradict each other.

A reading the arithmetic contradicts, that nothing supports and for which no other reading
fits, is dropped: a wrong number is worse than a missing one. A figure with one reading and
nothing to check it against is kept as read.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import NamedTuple

from extractors.facts import KEY_FIELDS, QuotaFact

# The categories that together make a commodity's whole (FACTS.md).
PARTS: dict[str, tuple[str, str]] = {
    "rare_earth": ("light", "medium_heavy"),
    "tungsten": ("tungsten_primary", "tungsten_byproduct"),
}
# Amounts are equal within 0.5% (or a tonne): "135kt" is 135,000 t, "100.8 kt" 100,800 t.
REL_TOL, ABS_TOL = 0.005, 1.0
# A stated growth matches within 0.6 percentage points ("up 12.5%", "by a quarter").
GROWTH_TOL_PP = 0.6
# Passes over the uncertain figures; each choice can change what supports the next.
MAX_PASSES = 4

Key = tuple[object, ...]
# A fact's key (QuotaFact.key), read in C: the resolver reads keys many times a document.
_key: Callable[[QuotaFact], Key] = attrgetter(*KEY_FIELDS)


@dataclass(frozen=True)
class Relation:
    """Figures (by key) that the arithmetic ties together, and whether they agree."""

    keys: tuple[Key, ...]
    agrees: bool
    hard: bool = True  # a hard disagreement can drop a figure; a soft one only steers choices


def resolve(candidates: Sequence[Sequence[QuotaFact]]) -> list[QuotaFact]:
    """The reading of each figure the document's arithmetic supports, in the order given.

    ``candidates`` holds one sequence per stated figure: its possible readings, the preferred
    one first. Figures without an amount (an issuance whose volume was not disclosed) are
    kept as their first reading.
    """
    figures = [tuple(readings) for readings in candidates if readings]
    choice = [0] * len(figures)
    uncertain = [i for i, readings in enumerate(figures) if len(readings) > 1]
    for _ in range(MAX_PASSES if uncertain else 0):
        changed = False
        for i in uncertain:
            best = _best_reading(figures, choice, i)
            if best != choice[i]:
                choice[i], changed = best, True
        if not changed:
            break
    chosen = [figures[i][choice[i]] for i in range(len(figures))]
    if not uncertain and not _related(chosen):
        return chosen  # nothing to check any figure against
    support, against = _tallies(_relations(chosen))
    kept = []
    for i, fact in enumerate(chosen):
        key = _key(fact)
        if against[key] and not support[key]:
            fitting = _fitting_alternative(figures, choice, i)
            if fitting is None:
                continue  # contradicted, unsupported, and no other reading fits: dropped
            fact = fitting
        kept.append(fact)
    return kept


def _related(facts: Sequence[QuotaFact]) -> bool:
    """Whether two different figures with amounts share a commodity and a quota type."""
    seen: dict[tuple[str, str], Key] = {}
    for fact in facts:
        if fact.amount_t is None:
            continue
        key = _key(fact)
        if seen.setdefault((fact.commodity, fact.quota_type), key) != key:
            return True
    return False


def _trial(
    figures: list[tuple[QuotaFact, ...]], choice: list[int], i: int, reading: QuotaFact
) -> list[QuotaFact]:
    """The chosen readings with ``reading`` for figure ``i``: only those of its commodity and
    quota type, since no relation crosses them."""
    kind = (reading.commodity, reading.quota_type)
    others = (figures[j][choice[j]] for j in range(len(figures)) if j != i)
    return [reading, *(f for f in others if (f.commodity, f.quota_type) == kind)]


def _best_reading(figures: list[tuple[QuotaFact, ...]], choice: list[int], i: int) -> int:
    scores = []
    for r, reading in enumerate(figures[i]):
        support, against = _tallies(_relations(_trial(figures, choice, i, reading)), soft=True)
        key = _key(reading)
        scores.append((support[key] - against[key], -r))
    return -max(scores)[1]


def _fitting_alternative(
    figures: list[tuple[QuotaFact, ...]], choice: list[int], i: int
) -> QuotaFact | None:
    """Another reading of figure ``i`` that nothing contradicts, if there is one."""
    for r, reading in enumerate(figures[i]):
        if r == choice[i]:
            continue
        _, against = _tallies(_relations(_trial(figures, choice, i, reading)))
        if not against[_key(reading)]:
            return reading
    return None


def _tallies(
    relations: Iterable[Relation], soft: bool = False
) -> tuple[defaultdict[Key, int], defaultdict[Key, int]]:
    support: defaultdict[Key, int] = defaultdict(int)
    against: defaultdict[Key, int] = defaultdict(int)
    for relation in relations:
        if not relation.agrees and not relation.hard and not soft:
            continue
        tally = support if relation.agrees else against
        for key in relation.keys:
            tally[key] += 1
    return support, against


class _Figure(NamedTuple):
    """The fields the arithmetic reads, for one distinct key (faster to read than a fact)."""

    commodity: str
    quota_type: str
    year: int
    period: str
    category: str | None
    holder: str | None
    amount: float
    change_pct: float | None
    key: Key
    issuer: str | None


def _relations(facts: Sequence[QuotaFact]) -> list[Relation]:
    """Every arithmetic tie between the figures with an amount, once per distinct key."""
    unique: dict[Key, _Figure] = {}
    for fact in facts:
        if fact.amount_t is not None:
            key = _key(fact)
            if key not in unique:
                unique[key] = _Figure(
                    fact.commodity,
                    fact.quota_type,
                    fact.year,
                    fact.period,
                    fact.category,
                    fact.holder,
                    float(fact.amount_t),
                    fact.change_pct,
                    key,
                    fact.issuer,
                )
    found = list(unique.values())
    return [
        *_one_amount_per_key(found),
        *_batches_and_years(found),
        *_parts_and_totals(found),
        *_holders_and_nation(found),
        *_stated_growth(found),
    ]


def _equal(a: float, b: float) -> bool:
    return abs(a - b) <= max(ABS_TOL, REL_TOL * max(abs(a), abs(b)))


def _above(part: float, whole: float) -> bool:
    return part > whole and not _equal(part, whole)


def _grouped(facts: Iterable[_Figure], *fields: str) -> list[list[_Figure]]:
    groups: defaultdict[object, list[_Figure]] = defaultdict(list)
    get = attrgetter(*fields)
    for fact in facts:
        groups[get(fact)].append(fact)
    return [group for group in groups.values() if len(group) > 1]


def _one_amount_per_key(facts: list[_Figure]) -> Iterable[Relation]:
    """The same quota stated with two amounts: at least one of them is misread, unless two
    ministries set them (2009: MLR's mining quota beside MIIT's mine-product plan)."""
    fields = ("commodity", "quota_type", "year", "period", "category", "holder")
    for group in _grouped(facts, *fields):
        for a, b in itertools.combinations(group, 2):
            if not _equal(a.amount, b.amount) and not _other_issuers(a, b):
                yield Relation((a.key, b.key), agrees=False)


def _other_issuers(a: _Figure, b: _Figure) -> bool:
    return a.issuer is not None and b.issuer is not None and a.issuer != b.issuer


def _batch_number(period: str) -> tuple[str, int]:
    kind, _, number = period.partition(":")
    return kind, int(number) if number.isdigit() else 0


def _batches_and_years(facts: list[_Figure]) -> Iterable[Relation]:
    """A batch never exceeds its running total or its year; batches sum to them."""
    fields = ("commodity", "quota_type", "year", "category", "holder")
    for group in _grouped(facts, *fields):
        annual = [f for f in group if f.period == "annual"]
        batches: defaultdict[int, list[_Figure]] = defaultdict(list)
        running: defaultdict[int, list[_Figure]] = defaultdict(list)
        for fact in group:
            kind, number = _batch_number(fact.period)
            if kind == "batch":
                batches[number].append(fact)
            elif kind == "cumulative":
                running[number].append(fact)
        for whole in annual:
            for part in (f for f in group if f.period != "annual"):
                if _above(part.amount, whole.amount):
                    yield Relation((part.key, whole.key), agrees=False)
        for n, totals in running.items():
            for total in totals:
                for m, parts in batches.items():
                    for part in parts:
                        if m <= n and _above(part.amount, total.amount):
                            yield Relation((part.key, total.key), agrees=False)
                for m, earlier in running.items():
                    for before in earlier:
                        if m < n and _above(before.amount, total.amount):
                            yield Relation((before.key, total.key), agrees=False)
        yield from _batch_sums(batches, running, annual)


def _batch_sums(
    batches: dict[int, list[_Figure]],
    running: dict[int, list[_Figure]],
    annual: list[_Figure],
) -> Iterable[Relation]:
    """Batches 1..N, each stated once, against the running total after N and the year."""
    if not batches or any(len(batches.get(n, ())) != 1 for n in range(1, max(batches) + 1)):
        return
    ordered = [batches[n][0] for n in range(1, max(batches) + 1)]
    for n in range(2, len(ordered) + 1):
        parts = ordered[:n]
        total = sum(f.amount for f in parts)
        for whole in running.get(n, ()):
            keys = (*(f.key for f in parts), whole.key)
            yield Relation(keys, agrees=_equal(total, whole.amount))
    if len(ordered) > 1:
        total = sum(f.amount for f in ordered)
        for whole in annual:
            if _equal(total, whole.amount):
                yield Relation((*(f.key for f in ordered), whole.key), agrees=True)
            elif total > whole.amount:
                yield Relation((*(f.key for f in ordered), whole.key), agrees=False)


def _parts_and_totals(facts: list[_Figure]) -> Iterable[Relation]:
    """Light + medium-heavy (main-mining + by-product) make the total; no part exceeds it."""
    fields = ("commodity", "quota_type", "year", "period", "holder")
    for group in _grouped(facts, *fields):
        parts = PARTS.get(str(group[0].commodity))
        if parts is None:
            continue
        totals = [f for f in group if f.category is None]
        first = [f for f in group if f.category == parts[0]]
        second = [f for f in group if f.category == parts[1]]
        for total in totals:
            for part in first + second:
                if _above(part.amount, total.amount):
                    yield Relation((part.key, total.key), agrees=False)
            for a, b in itertools.product(first, second):
                both = a.amount + b.amount
                keys = (a.key, b.key, total.key)
                if _equal(both, total.amount):
                    yield Relation(keys, agrees=True)
                else:
                    # parts short of the total can be true (a tungsten reserve kept back)
                    yield Relation(keys, agrees=False, hard=both > total.amount)


def _holders_and_nation(facts: list[_Figure]) -> Iterable[Relation]:
    """No holder gets more than the nation; all holders of one kind together neither."""
    fields = ("commodity", "quota_type", "year", "period", "category")
    for group in _grouped(facts, *fields):
        nation = [f for f in group if f.holder is None]
        companies = [f for f in group if f.holder and not f.holder.startswith("province:")]
        provinces = [f for f in group if f.holder and f.holder.startswith("province:")]
        for whole in nation:
            for holder in companies + provinces:
                if _above(holder.amount, whole.amount):
                    yield Relation((holder.key, whole.key), agrees=False)
            for holders in (companies, provinces):
                if len(holders) < 2:
                    continue
                total = sum(f.amount for f in holders)
                keys = (*(f.key for f in holders), whole.key)
                if _equal(total, whole.amount):
                    yield Relation(keys, agrees=True)
                elif total > whole.amount:
                    yield Relation(keys, agrees=False, hard=False)  # which one is wrong?


def _stated_growth(facts: list[_Figure]) -> Iterable[Relation]:
    """ "Up 12.5%" against the same quota a year before, where the document gives it."""
    index = {
        (f.commodity, f.quota_type, f.year, f.period, f.category, f.holder): f
        for f in facts
        if f.amount
    }
    for fact in facts:
        if fact.change_pct is None or not fact.amount:
            continue
        before = index.get(
            (
                fact.commodity,
                fact.quota_type,
                fact.year - 1,
                fact.period,
                fact.category,
                fact.holder,
            )
        )
        if before is None or not before.amount:
            continue
        growth = (fact.amount / before.amount - 1) * 100
        agrees = abs(growth - fact.change_pct) <= GROWTH_TOL_PP
        yield Relation((fact.key, before.key), agrees=agrees, hard=False)
