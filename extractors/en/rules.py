"""English fact rules: every quota figure an English text states, with its sentence.

The text is read sentence by sentence (``sentences``). A sentence is read when it names
a quota ("quota", "allocation", "production cap") or continues one ("The smelting quota was
127,000 t" after a sentence naming rare earth quotas). Its figures and words are found
(``mentions``), each figure gets its words (``binding``), and what the
sentence leaves open (commodity, year, period) comes from the sentences before it and the
title. Precision first: a figure that is a price, an output, a shipment, a figure of another
commodity, or that cannot be given a type and a year, yields nothing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from extractors.en import lexicon, tables
from extractors.en.binding import bind
from extractors.en.lexicon import (
    CATEGORY_COMMODITY,
    CLAUSE_BREAK,
    EXPORT_YEARS,
    FORECAST,
    GATES,
    NOT_ISSUED,
    UNDISCLOSED_CUE,
)
from extractors.en.mentions import (
    COMMODITY,
    NOT_QUOTA,
    Figure,
    Mention,
    find_figures,
    find_mentions,
    quota_types,
)
from extractors.en.sentences import sentence_spans
from extractors.en.timing import announced_on
from extractors.facts import CATEGORIES, COMMODITIES, Content, QuotaFact
from extractors.patterns import factor_boundaries, factor_table
from extractors.resolve import resolve

# The lexicon's patterns that every sentence meets: the same matches, found faster
# (extractors.patterns).
FLAT = factor_boundaries(lexicon.FLAT)
ISSUED = factor_boundaries(lexicon.ISSUED)
ISSUER = factor_table(lexicon.ISSUER)
OFFICIAL_CUE = factor_boundaries(lexicon.OFFICIAL_CUE)
PERIOD = factor_table(lexicon.PERIOD)
QUOTA_WORD = factor_boundaries(lexicon.QUOTA_WORD)
REPORTED_CUE = factor_boundaries(lexicon.REPORTED_CUE)
SHIPPED = factor_boundaries(lexicon.SHIPPED)

# Amounts outside this range are not national, group or province quotas of our metals.
MIN_TONNES, MAX_TONNES = 100.0, 2_000_000.0
# What a sentence without a quota word needs to go on with the last one's figures: a type,
# a period, a category or a holder ("Of the total, 13,563 t are for light rare earths"), or
# one of our commodities set like the one before ("Antimony was set at 59,400 t").
CONTINUES = frozenset({"type", "period", "category", "holder"})
# A figure named as the quota itself: "the 30,966 tonne quota", "30,996 t export quota".
QUOTA_AFTER = re.compile(
    r"[\s-]*(?:(?:metric[\s-])?(?:tonnes?|tons?|t)\s+)?(?:export\s+)?quotas?\b", re.I
)
# An announcement being reported: "the ministry said in a statement", "announced on its website".
ANNOUNCED = re.compile(
    r"\b(?:announced|said|stated|statement|notice|showed|website|according\s+to\s+the\s+ministry)\b",
    re.IGNORECASE,
)
# A cap on shipments is a quota: "shipments will be capped at 7,976 t".
CAPPED = re.compile(r"\b(?:capped|limited|restricted)\s+(?:at|to)\b", re.IGNORECASE)
# A negated statement: "2,000 t was not distributed".
NEGATED = re.compile(r"\bnot\b|n['’]t\b|\bnever\b", re.IGNORECASE)
# An output or production cap: of the mines, never an export quota ("the total output of
# light rare earths is set at 80,400 t" in a story headlined on export quotas).
OUTPUT_CAP = re.compile(
    r"\b(?:set|sets|setting|cap|caps|capped|capping)\s+(?:the\s+|its\s+)?(?:total\s+)?"
    r"(?:output|production)\b|\b(?:output|production)\b[^.;,]{0,60}?\b(?:is|was|were|are|been)\s+"
    r"(?:set|capped|fixed|limited)\b",
    re.IGNORECASE,
)
# Groups that hold rare earth quotas only: naming one names the commodity.
RARE_EARTH_GROUPS = frozenset(
    {
        "china_rare_earth_group",
        "china_northern_rare_earth",
        "guangdong_rare_earth",
        "chinalco_rare_earth",
        "china_southern_rare_earth",
    }
)
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
# The ministries that set mining quotas only (MLR, later MNR).
MINING_ISSUERS = ("MLR", "MNR")
# Commodities whose only quota without a type word is a mining one (export quotas are named).
UNTYPED_MINING = ("tungsten", "antimony")
# Longer "sentences" are not prose (tables flattened to one line, junk): not read.
MAX_SENTENCE = 2_000
# A batch number anywhere in the text ("second batch", "H2"), for running totals.
BATCH_WORD = re.compile(r"(?:batch|cumulative|all):(\d)")
# The period patterns that name a batch number ("batch:2", "cumulative:3", "all:2"), highest first.
_NUMBERED = sorted(
    ((int(m[1]), pattern) for value, pattern in PERIOD.items() if (m := BATCH_WORD.match(value))),
    key=lambda item: -item[0],
)
# Period words that need the latest batch to mean anything.
_OPEN = ("cumulative", "double")


@dataclass
class _State:
    """What the sentences so far have established."""

    published: date | None
    commodity: str | None = None
    year: int | None = None  # the year the last sentence read was about
    doc_year: int | None = None  # the story's year: the title's, else its figures' latest
    title_year: bool = False  # whether the title gave it
    doc_period: str | None = None  # the story's period, likewise
    period: str | None = None
    category: str | None = None  # the one category of the last sentence's figures
    had_figures: bool = False  # whether the last sentence read gave figures
    qtype: str | None = None
    doc_type: str | None = None  # the one quota type the whole text names, if only one
    max_batch: int = 0
    doc_max_batch: int = 0
    status: str | None = None
    default_status: str = "official"
    issuer: str | None = None
    first_issuer: str | None = None
    issuer_marks: list[tuple[int, str]] = field(default_factory=list)  # (offset, issuer)
    announced: date | None = None  # when the quotas the story is about were announced
    announced_year: int | None = None  # ...the year of those quotas
    carried: list[Figure] = field(default_factory=list)  # current figures of the last sentence
    figures: list[tuple[QuotaFact, ...]] = field(default_factory=list)  # readings of each
    lines: list[str] = field(default_factory=list)  # the sentences read that are not table rows
    undisclosed: list[QuotaFact] = field(default_factory=list)


# How near a commodity must be to a quota word for a passage to be about its quotas, and how
# long a quota word may be ("total amount control indexes").
RELEVANT_REACH = 80
QUOTA_WORD_REACH = 40


def is_relevant(title: str, text: str) -> bool:
    """Whether an English passage names a quota of ours in its own words ("total control
    targets of rare earth ore mining", "tungsten output limitation"), as
    ``vocab.is_relevant`` does for the words both languages share."""
    for passage in (title, text):
        folded = passage.casefold()
        for value, pattern in COMMODITY.items():
            if not any(word in folded for word in GATES["commodity"][value]):
                continue
            for m in pattern.finditer(passage):
                start, reach = max(0, m.start() - RELEVANT_REACH), m.start() + RELEVANT_REACH
                cue = QUOTA_WORD.search(passage, start, reach + QUOTA_WORD_REACH)
                if cue is not None and cue.start() <= reach:
                    return True
    return False


def find_facts(content: Content) -> list[QuotaFact]:
    """Every quota figure stated in English in ``content.text``, each in the reading the
    text's own arithmetic supports; [] for other pages."""
    return resolve(find_readings(content))


def find_readings(content: Content) -> list[tuple[QuotaFact, ...]]:
    """Each quota figure stated in English with its possible readings, the preferred first
    (``extractors.resolve`` picks among them by the document's arithmetic)."""
    text = content.text
    if not text or not QUOTA_WORD.search(text):
        return []
    stamp: date | None = content.published
    published = stamp.date() if isinstance(stamp, datetime) else stamp
    spans = _quota_sentences(text)
    state = _start(content, published, spans)
    continuing = False
    for start, end, named in spans:
        if end - start > MAX_SENTENCE:
            continuing = False  # no sentence is this long: a table dump or junk
            continue
        sentence = text[start:end]
        if tables.split_row(sentence) is not None:
            if _read_row(state, sentence, (start, end)):
                continue  # a row of a quota table, ours or another company's
        else:
            state.lines.append(sentence)
        if not continuing and not named:
            _note_issuer(state, (start, end))  # without a quota word, only a new one is read
            continue
        mentions = find_mentions(sentence, published)
        _note_issuer(state, (start, end))
        continuing = _read_sentence(state, sentence, (start, end), mentions, continuing)
    figured = {readings[0].key()[:5] for readings in state.figures}
    figures = _running_totals_that_are_the_year(state.figures)
    return figures + [(f,) for f in state.undisclosed if f.key()[:5] not in figured]


def _quota_sentences(text: str) -> list[tuple[int, int, bool]]:
    """Each sentence's span and whether it names a quota (one scan of the whole text)."""
    words = [m.start() for m in QUOTA_WORD.finditer(text)]
    spans = []
    for a, b in sentence_spans(text):
        i = bisect.bisect_left(words, a)
        spans.append((a, b, i < len(words) and words[i] < b))
    return spans


def _running_totals_that_are_the_year(
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


def _start(content: Content, published: date | None, spans: list[tuple[int, int, bool]]) -> _State:
    state = _State(published)
    text = content.text
    state.default_status = _main_sourcing(text, spans)
    state.issuer_marks = sorted(
        (m.start(), name) for name, p in ISSUER.items() for m in p.finditer(text)
    )
    state.first_issuer = state.issuer_marks[0][1] if state.issuer_marks else None
    state.doc_max_batch = _latest_batch(text)
    types = quota_types(text)
    state.doc_type = types.pop() if len(types) == 1 else None
    title = content.title or ""
    if QUOTA_WORD.search(title):
        mentions = find_mentions(title, published)
        _update(state, mentions, [])
        state.doc_year = next((int(m.value) for m in mentions if m.kind == "year"), None)
        state.title_year = state.doc_year is not None
        state.doc_period = next(
            (
                str(m.value)
                for m in mentions
                if m.kind == "period" and BATCH_WORD.match(str(m.value))
            ),
            None,
        )
    return state


def _main_sourcing(text: str, spans: list[tuple[int, int, bool]]) -> str:
    """The sourcing of the first quota sentence that names one; figures without any take it."""
    for start, end, named in spans:
        if named:
            if REPORTED_CUE.search(text, start, end):
                return "reported"
            if OFFICIAL_CUE.search(text, start, end):
                return "official"
    return "official"


def _latest_batch(text: str) -> int:
    """The highest batch number any period wording in ``text`` names; 0 for none."""
    return next((number for number, pattern in _NUMBERED if pattern.search(text)), 0)


def _read_row(state: _State, line: str, span: tuple[int, int]) -> bool:
    """Read ``line``, shaped as a table row, as a row of a quota table; return whether it is
    one (its figures are then ours only if it is a holder's or the nation's).

    A table is read under a caption or header that names a quota ("Allocation of rare-earth
    export quotas to individual companies, for H2-2011"), in the story's commodity and type;
    what its columns leave open comes from the sentences before it.
    """
    header = state.lines[-tables.HEADER_REACH :]
    if state.commodity is None or not _quota_caption(header):
        return False
    row = tables.read_row(line, header, tables.PARTS.get(state.commodity))
    if row is None:
        return True  # another company's row, a sub-group's
    status, issuer = state.status or state.default_status, _issuer(state, span)
    # the caption's period and year ("... to individual companies, for H2-2011"), else the
    # story's: the table sets out the batch the story is about
    named = [m for line in header for m in find_mentions(line, state.published)]
    periods = [m.value for m in named if m.kind == "period" and BATCH_WORD.match(str(m.value))]
    years = [m.value for m in named if m.kind == "year"]
    year = years[-1] if years else state.doc_year or state.year
    year = year or (state.published.year if state.published else None)
    caption_period = str(periods[-1]) if periods else state.doc_period or state.period
    qtype = state.qtype or state.doc_type
    for cell in row.cells:
        category = None if cell.column.category == "total" else cell.column.category
        fig = Figure(0, 0, cell.tonnes)
        fig.attrs = {
            "commodity": row.commodity or state.commodity,
            "type": qtype,
            "year": cell.column.year or year,
            "category": category,
            "holder": row.holder,
        }
        period = cell.column.period or caption_period or "annual"
        least = 1.0 if row.holder else MIN_TONNES
        fact = _fact(fig, period, status, issuer, line, span, least)
        if fact is not None:
            state.figures.append((fact,))
    return True


def _quota_caption(header: list[str]) -> bool:
    """Whether the nearest caption above a table names a quota, not prices or output."""
    for line in reversed(header):
        if QUOTA_WORD.search(line):
            return True
        if NOT_QUOTA.search(line):
            return False
    return False


def _read_sentence(
    state: _State,
    sentence: str,
    span: tuple[int, int],
    mentions: list[Mention],
    continuing: bool,
) -> bool:
    """Read one sentence; return whether the next one may continue it."""
    kinds = {m.kind for m in mentions}
    continued = "quota" not in kinds and continuing
    if "quota" not in kinds and not continuing:
        return False
    ours = [m for m in mentions if m.kind == "commodity" and m.value != "other"]
    others = [m for m in mentions if m.kind == "commodity" and m.value == "other"]
    if not ours and not others and state.commodity is None:
        # "China Northern Rare Earth was allocated 94,580 t": a rare earth group's quota
        groups = [m for m in mentions if m.kind == "company" and m.value in RARE_EARTH_GROUPS]
        if groups:
            state.commodity = "rare_earth"
    if not ours and (others or state.commodity is None):
        return False
    aside = SHIPPED.search(sentence) or FORECAST.search(sentence)
    figures = find_figures(sentence)
    defaults = _defaults(state, sentence, mentions, ours, continued)
    bound = bind(sentence, figures, mentions, defaults, state.carried)
    if aside:
        # exports shipped, a quota used, a forecast: not a quota set, in its own clause
        bound = [f for f in bound if not _set_aside(sentence, f)]
        if not bound:
            return True
    goes_on = bool(kinds & CONTINUES) or bool(
        ours and ISSUED.search(sentence) and not NEGATED.search(sentence)
    )
    if continued and not goes_on:
        bound = [f for f in bound if f.compared]  # only "up 10% from 120,000 t" continues
    named = [BATCH_WORD.match(str(m.value)) for m in mentions if m.kind == "period"]
    latest = max((int(n[1]) for n in named if n), default=0)
    readings = _facts(state, sentence, span, bound, latest)
    facts = [r[0] for r in readings]
    if continued and not facts and not goes_on:
        return False  # a sentence after a quota sentence that says nothing about quotas
    state.figures.extend(readings)
    state.carried = [f for f in bound if not f.compared] or state.carried
    if not figures and not aside:
        state.undisclosed.extend(_undisclosed(state, sentence, span, mentions))
    _update(state, mentions, facts, continued)
    if REPORTED_CUE.search(sentence) or OFFICIAL_CUE.search(sentence):
        state.status = _status(state, sentence)
    if ISSUED.search(sentence):
        announced = announced_on(sentence, state.published)
        if announced:
            state.announced, state.announced_year = announced, state.year
    return True


def _set_aside(sentence: str, figure: Figure) -> bool:
    """Whether the clause of ``figure`` is about shipments, use or a forecast ("..., and China
    exported some 13,000 t" sets aside 13,000 t, not the quota before the comma)."""
    start = 0
    end = len(sentence)
    for cut in CLAUSE_BREAK.finditer(sentence):
        if cut.end() <= figure.start:
            start = cut.end()
        elif cut.start() >= figure.end:
            end = cut.start()
            break
    if QUOTA_AFTER.match(sentence, figure.end):
        return False  # "just over half the 30,966 tonne quota": the quota, named as such
    if SHIPPED.search(sentence, start, end) and not CAPPED.search(sentence, start, end):
        return True  # "shipments will be capped at 7,976 t" is the quota
    forecast = FORECAST.search(sentence, start, end)
    if forecast is None:
        return False
    # "will be 15,738 t, the ministry announced": a plain "will" of an announcement
    plain = forecast.group().lower() in ("will", "would") and not any(
        m.group().lower() not in ("will", "would") for m in FORECAST.finditer(sentence)
    )
    return not (plain and ANNOUNCED.search(sentence))


def _defaults(
    state: _State, sentence: str, mentions: list[Mention], ours: list[Mention], continued: bool
) -> dict[str, str | int | None]:
    """What the sentence leaves open. A sentence that names a quota of its own is about the
    story's year; only one that goes on from the last ("The smelting one was ...") takes the
    year that sentence was about ("There were three batches last year. The first was ...")."""
    kinds = {m.kind for m in mentions}
    named = {m.value for m in mentions if m.kind == "type"}
    # the one type the sentence names, else the one the story is about
    single_type = (state.qtype or state.doc_type) if not named else None
    if len(named) == 1:
        single_type = str(named.pop())
    if state.doc_type == "export" and "type" not in kinds:
        single_type = "export"
    if single_type == "export" and not named and OUTPUT_CAP.search(sentence):
        single_type = None
    # the year of the sentence before if it gave figures (the text has not moved on), else
    # the story's
    year = (None if continued or state.had_figures else state.doc_year) or state.year
    year = year or (state.published.year if state.published else None)
    return {
        # the one commodity of ours the sentence names, else the story's (none if it names
        # another good only)
        "commodity": (
            str(ours[0].value)
            if len({m.value for m in ours}) == 1
            else None
            if not ours and "commodity" in kinds
            else state.commodity
        ),
        "type": single_type,
        "year": year,
        "period": state.period,
        # a holder's share in a sentence going on from a category's figure is of that category
        "category": state.category if continued else None,
    }


def _facts(
    state: _State, sentence: str, span: tuple[int, int], figures: list[Figure], latest: int
) -> list[tuple[QuotaFact, ...]]:
    """The sentence's figures as facts, each with its readings (the preferred first);
    ``latest`` is the highest batch the sentence names (0 for none)."""
    if not figures:
        return []
    flat = FLAT.search(sentence) is not None
    latest = latest or state.max_batch or state.doc_max_batch
    status = _status(state, sentence)
    issuer = _issuer(state, span)
    announced = announced_on(sentence, state.published) if ISSUED.search(sentence) else None
    found: list[QuotaFact] = []
    inherited: list[bool] = []
    for fig in figures:
        if fig.compared and flat:
            continue  # "kept flat at X": only the figure of the year being set
        fact = _fact(
            fig,
            _period(fig.attrs.get("period"), latest, fig.attrs, state.published),
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
    return _with_alternatives(found, inherited)


def _period(
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


def _fact(
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
        or issuer in MINING_ISSUERS
    ):
        # "quotas for ion-adsorption ores": categories split mining quotas; a tungsten or
        # antimony "output limitation" with no type named is a mining one, and so is any
        # quota the land (natural resources) ministry sets
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


def _with_announced(fact: QuotaFact, announced: date | None) -> QuotaFact:
    return replace(fact, announced=announced) if announced else fact


def _with_alternatives(
    facts: list[QuotaFact], inherited: list[bool]
) -> list[tuple[QuotaFact, ...]]:
    """Each fact with the other readings the sentence leaves open.

    A tungsten mining figure beside a by-product one may be the main-mining part ("63,000 t,
    including a 46,890 t mining quota and a 16,110 t comprehensive utilization quota") or the
    whole: the first figure of the sentence is more likely the whole, a later one the part.
    A figure whose batch is only the figure's before it may be the year's ("With the third
    batch of 15,000 t, the 2023 quota reached 255,000 t").
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
        readings.append(these)
    return readings


def _undisclosed(
    state: _State, sentence: str, span: tuple[int, int], mentions: list[Mention]
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
    period = _period(first.get("period"), latest) or state.period
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
            issuer=_issuer(state, span),
            announced=announced,
            evidence=sentence,
            span=span,
        )
        for qtype in types
    ]


def _status(state: _State, sentence: str) -> str:
    if REPORTED_CUE.search(sentence):
        return "reported"
    if OFFICIAL_CUE.search(sentence):
        return "official"
    return state.status or state.default_status


def _named_issuers(state: _State, span: tuple[int, int]) -> list[str]:
    """The issuers a sentence names, in the order of their first mention."""
    marks = state.issuer_marks
    i = bisect.bisect_left(marks, (span[0], ""))
    named: dict[str, None] = {}
    while i < len(marks) and marks[i][0] < span[1]:
        named.setdefault(marks[i][1], None)
        i += 1
    return list(named)


def _issuer(state: _State, span: tuple[int, int]) -> str | None:
    named = _named_issuers(state, span)
    return named[0] if named else state.issuer or state.first_issuer


def _note_issuer(state: _State, span: tuple[int, int]) -> None:
    named = _named_issuers(state, span)
    if named:
        state.issuer = named[-1]


def _update(
    state: _State, mentions: list[Mention], facts: list[QuotaFact], continued: bool = False
) -> None:
    """Carry the sentence's commodity, year, period, single type and sourcing forward.

    A sentence that names a quota of its own but no year moves on from the year the sentences
    before were about: back to the story's year."""
    ours = [m.value for m in mentions if m.kind == "commodity" and m.value != "other"]
    if ours:
        state.commodity = str(ours[0])
    current = [f for f in facts if f.amount_t is not None]
    years = [m.value for m in mentions if m.kind == "year"]
    periods = [str(m.value) for m in mentions if m.kind == "period" and m.value not in _OPEN]
    periods = [p for p in periods if not p.startswith("all:")]
    # the sentence's subject: "The full-year quotas include the first batch of 84,000t"
    if current:
        state.year = current[0].year
        if not state.title_year:  # the latest year of its figures: background comes first
            state.doc_year = max(state.doc_year or 0, *(f.year for f in current))
        state.doc_period = state.doc_period or current[0].period
    elif years:
        state.year = int(years[0])
    elif not continued and state.doc_year:
        state.year = state.doc_year
    if periods or current:
        state.period = periods[0] if periods else current[0].period
    state.had_figures = bool(current)
    categories = {f.category for f in current}
    state.category = categories.pop() if len(categories) == 1 else None
    batches = [int(p.split(":")[1]) for p in periods if p.startswith("batch:")]
    state.max_batch = max([state.max_batch, *batches])
    types = {f.quota_type for f in current} or {str(m.value) for m in mentions if m.kind == "type"}
    if types:
        state.qtype = types.pop() if len(types) == 1 else None
