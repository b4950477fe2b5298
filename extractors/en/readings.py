"""Facts from bound figures: each figure's readings, checked against what a quota can be.

A bound figure becomes a fact when it has our commodity, a type, a year and a period, and an
amount a quota of our metals can have; the period words that need the story ("so far this
year", "doubled") are resolved against its latest batch. Where the sentence leaves a reading
open, the figure is handed with its alternatives (``extractors.resolve`` picks); an issuance
whose volume was not disclosed yields records without an amount.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from extractors.en.context import FLAT, ISSUED, State, issuer_of, status_of
from extractors.en.lexicon import (
    CATEGORY_COMMODITY,
    EXPORT_YEARS,
    NOT_ISSUED,
    UNDISCLOSED_CUE,
)
from extractors.en.mentions import (
    Figure,
    Mention,
    other_commodities,
)
from extractors.en.timing import announced_on
from extractors.facts import CATEGORIES, COMMODITIES, QuotaFact

# Amounts outside this range are not national, group or province quotas of our metals.
MIN_TONNES, MAX_TONNES = 100.0, 2_000_000.0
# The quotas an issuance without any type named sets, by commodity.
UNNAMED_TYPES = {
    "rare_earth": ("mining", "smelting_separation"),
    "tungsten": ("mining",),
    "antimony": ("mining",),
}
# Words that make an untyped tungsten or antimony quota a mining one: "concentrate output
# limitation", "WO3", "ore"; without them ("cut the quota of 2010 on tungsten") it may be an
# export quota, and is not read.
MINING_CUE = re.compile(
    r"\b(?:concentrates?|WO3|ores?|output|production|min(?:e|es|ed|ing)|exploitation|extraction)\b",
    re.IGNORECASE,
)
# A cap on the output of rare earths with no type named is the mining quota ("cap the total
# output of rare earth oxide at 93,800 t", "a national output cap of", "the production quota").
OUTPUT_QUOTA = re.compile(
    r"\b(?:output|production)\s+(?:quotas?|caps?|ceilings?|limits?)\b|\b(?:cap|caps|capped|capping"
    r"|limit|limits|limited|set|sets|setting)\s+(?:the\s+|its\s+)?(?:total\s+|national\s+|annual\s+)?"
    r"(?:output|production)\b|\b(?:cap|caps|capped|limit|limits|limited|restrict|restricts|restricted)\s+"
    r"(?:[\w'’-]+\s+){1,4}?(?:output|production)\s+(?:at|to)\b|\b(?:output|production)\s+(?:of\s+(?:[\w-]+\s+){1,4}?)?(?:is|was|are"
    r"|were|will\s+be)\s+(?:set|capped|limited|fixed)\b",
    re.IGNORECASE,
)
# The ministries that set mining quotas only (MLR, later MNR).
MINING_ISSUERS = ("MLR", "MNR")
# Commodities whose only quota without a type word is a mining one (export quotas are named).
UNTYPED_MINING = ("tungsten", "antimony")


def running_totals_that_are_the_year(
    figures: list[tuple[QuotaFact, ...]],
) -> list[tuple[QuotaFact, ...]]:
    """A running total the text also gives as the year's figure is the year's figure."""

    def whole(fact: QuotaFact) -> tuple[object, ...]:
        key = fact.key()
        return key[:3] + key[4:]

    annual = {whole(r[0]) for r in figures if r[0].period == "annual"}
    return [
        r for r in figures if not (r[0].period.startswith("cumulative:") and whole(r[0]) in annual)
    ]


def sentence_facts(
    state: State, sentence: str, span: tuple[int, int], figures: list[Figure], latest: int
) -> list[tuple[QuotaFact, ...]]:
    """The sentence's figures as facts, each with its readings (the preferred first);
    ``latest`` is the highest batch the sentence names (0 for none)."""
    if not figures:
        return []
    flat = FLAT.search(sentence) is not None
    latest = latest or state.max_batch or state.doc_max_batch
    status = status_of(state, sentence)
    issuer = issuer_of(state, span)
    announced = announced_on(sentence, state.published) if ISSUED.search(sentence) else None
    found: list[QuotaFact] = []
    inherited: list[bool] = []
    alternative: list[str | None] = []
    for fig in figures:
        if fig.compared and flat:
            continue  # "kept flat at X": only the figure of the year being set
        fact = make_fact(
            fig,
            period_of(fig.attrs.get("period"), latest, fig.attrs, _as_of(state)),
            status,
            issuer,
            sentence,
            span,
        )
        if fact is None:
            continue
        if not fig.compared:
            if announced is None and fact.year == state.announced_year:
                announced = state.announced  # not for a past year's figure said later
            fact = _with_announced(fact, announced)
        found.append(fact)
        inherited.append(fig.inherited_period)
        alternative.append(fig.alt_period)
    return _with_alternatives(found, inherited, alternative)


def _as_of(state: State) -> date | None:
    """When the story stands: its date, else (an undated page) the start of its headline's year,
    or of the latest year it has named so far ("the 2025 quotas ... The smelting quota in 2024
    was in two batches"), so that "the two batches" of an earlier year are that year's whole."""
    if state.published is not None:
        return state.published
    if state.title_year and state.doc_year:
        return date(state.doc_year, 1, 1)
    return date(state.latest_year, 1, 1) if state.latest_year else None


def period_of(
    value: object,
    latest: int,
    attrs: Mapping[str, object] | None = None,
    published: date | None = None,
) -> str | None:
    """Resolve "so far this year" and "doubled to" into cumulative:N with N the latest batch.

    Export quotas came in two halves: the total after the second half is the year's. "The
    two batches" of a year already past are the whole year.
    """
    attrs = attrs or {}
    if isinstance(value, str) and value.startswith("all:"):
        year = attrs.get("year")
        if published is not None and isinstance(year, int) and year < published.year:
            return "annual"
        return "cumulative:" + value[4:]
    if value == "cumulative" and attrs.get("type") == "export" and latest == 2:
        return "annual"
    if value == "cumulative":
        return None if latest == 0 else ("batch:1" if latest == 1 else f"cumulative:{latest}")
    if value == "double":
        return f"cumulative:{latest}" if latest >= 2 else None
    return value if isinstance(value, str) else None


def make_fact(
    fig: Figure,
    period: str | None,
    status: str,
    issuer: str | None,
    sentence: str,
    span: tuple[int, int],
    least: float = MIN_TONNES,
) -> QuotaFact | None:
    a = fig.attrs
    commodity, qtype, year = a.get("commodity"), a.get("type"), a.get("year")
    category, holder = a.get("category"), a.get("holder")
    if commodity not in COMMODITIES or not isinstance(commodity, str):
        return None
    if qtype is None and issuer == "MOFCOM":
        qtype = "export"  # the commerce ministry set export quotas only
    if qtype is None and (
        category is not None
        or (commodity in UNTYPED_MINING and MINING_CUE.search(sentence) is not None)
        or (commodity == "tungsten" and isinstance(year, int) and year > EXPORT_YEARS[-1])
        or issuer in MINING_ISSUERS
        or (commodity == "rare_earth" and _output_quota(sentence))
    ):
        # "quotas for ion-adsorption ores": categories split mining quotas; a tungsten or
        # antimony "output limitation" with no type named is a mining one, and so is any
        # quota the land (natural resources) ministry sets; and a tungsten quota once export
        # quotas had ended (2015): the mining quota is the only one left
        qtype = "mining"
    if not isinstance(qtype, str) or not isinstance(year, int) or period is None:
        return None
    if category not in CATEGORIES or (category and CATEGORY_COMMODITY[str(category)] != commodity):
        return None
    if not least <= fig.tonnes <= MAX_TONNES or not 1990 <= year <= 2040:
        return None
    if qtype == "export" and year not in EXPORT_YEARS:
        return None  # no export quotas after 2015: later "export licences" are controls
    change = a.get("change_pct")
    return QuotaFact(
        commodity=commodity,
        quota_type=qtype,
        year=year,
        period=period,
        category=category if isinstance(category, str) else None,
        holder=holder if isinstance(holder, str) else None,
        amount_t=fig.tonnes,
        status=status,
        issuer=issuer,
        change_pct=float(change) if isinstance(change, (int, float)) and not fig.compared else None,
        evidence=sentence,
        span=span,
    )


def _output_quota(sentence: str) -> bool:
    """A rare earth output cap, in a sentence naming no other good ("steel output quota")."""
    return OUTPUT_QUOTA.search(sentence) is not None and not other_commodities(sentence)


def _with_announced(fact: QuotaFact, announced: date | None) -> QuotaFact:
    return replace(fact, announced=announced) if announced else fact


# A period a fact can hold: "annual", "batch:N", "cumulative:N".
CLOSED_PERIOD = re.compile(r"annual|(?:batch|cumulative):\d")


def _with_alternatives(
    facts: list[QuotaFact], inherited: list[bool], periods: list[str | None]
) -> list[tuple[QuotaFact, ...]]:
    """Each fact with the other readings the sentence leaves open.

    A tungsten mining figure beside a by-product one may be the main-mining part ("63,000 t,
    including a 46,890 t mining quota and a 16,110 t comprehensive utilization quota") or the
    whole: the first figure of the sentence is more likely the whole, a later one the part.
    A figure whose batch is only the figure's before it may be the year's ("With the third
    batch of 15,000 t, the 2023 quota reached 255,000 t"). A figure without a period of its own
    may be of its past figure's ("84,000 t, up 27% on the 66,000 t of the first batch of 2020"):
    the stated growth tells.
    """
    split = any(f.category == "tungsten_byproduct" for f in facts)
    readings: list[tuple[QuotaFact, ...]] = []
    for n, fact in enumerate(facts):
        these: tuple[QuotaFact, ...] = (fact,)
        if split and (fact.commodity, fact.quota_type, fact.category) == (
            "tungsten",
            "mining",
            None,
        ):
            main = replace(fact, category="tungsten_primary")
            these = (fact, main) if n == 0 else (main, fact)
        if inherited[n] and fact.period.startswith("batch:"):
            these = (*these, *(replace(f, period="annual") for f in these))
        other = periods[n]
        # (a past figure's open wording, "doubled from", is no period of its own)
        if other and other != fact.period and CLOSED_PERIOD.fullmatch(other):
            these = (*these, *(replace(f, period=other) for f in these))
        readings.append(these)
    return readings


def undisclosed(
    state: State, sentence: str, span: tuple[int, int], mentions: list[Mention]
) -> list[QuotaFact]:
    """ "issued the first batch of 2025 quotas quietly last month without publishing them"."""
    if not (UNDISCLOSED_CUE.search(sentence) and ISSUED.search(sentence)):
        return []
    if NOT_ISSUED.search(sentence):
        return []
    first = {m.kind: m.value for m in reversed(mentions)}
    commodity = first.get("commodity", state.commodity)
    story = state.doc_year or state.year or (state.published.year if state.published else None)
    year = first.get("year", story)
    latest = max(state.max_batch, state.doc_max_batch)
    period = period_of(first.get("period"), latest) or state.period
    if commodity not in COMMODITIES or not isinstance(year, int) or not period:
        return []
    announced = announced_on(sentence, state.published)
    types = dict.fromkeys(str(m.value) for m in mentions if m.kind == "type")
    if not types:  # "the first set of quotas": a rare earth issuance sets both kinds
        types = dict.fromkeys(UNNAMED_TYPES.get(str(commodity), ()))
    return [
        QuotaFact(
            commodity=str(commodity),
            quota_type=qtype,
            year=year,
            period=period,
            category=None,
            holder=None,
            amount_t=None,
            status="reported",
            issuer=issuer_of(state, span),
            announced=announced,
            evidence=sentence,
            span=span,
        )
        for qtype in types
    ]
