"""What the sentences of an English text establish for the next: the document's context.

The story's commodity, year and period (the title's, else its figures'), the year and period
the last sentence was about, the one quota type the text names, its sourcing and issuers, and
when the quotas it is about were announced. A sentence that names a quota of its own is dated
by the story; one that goes on from the last takes that sentence's year; the text moving on
(a new quota sentence without a year) resets the year to the story's.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date

from extractors import numbers, vocab
from extractors.en import lexicon
from extractors.en.mentions import (
    COMMODITY,
    Figure,
    Mention,
    find_mentions,
    other_commodities,
    quota_type_mentions,
)
from extractors.en.sentences import sentence_spans
from extractors.facts import Content, QuotaFact
from extractors.patterns import factor_boundaries, factor_table

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
# A tonnage, for a sentence that names a batch but no quota word.
AMOUNT = numbers.AMOUNT_EN_RE
# An output or production cap: of the mines, never an export quota ("the total output of
# light rare earths is set at 80,400 t" in a story headlined on export quotas, "will limit its
# total output of rare earth oxides at").
OUTPUT_CAP = re.compile(
    r"\b(?:set|sets|setting|cap|caps|capped|capping|limit|limits|limited)\s+(?:the\s+|its\s+)?"
    r"(?:total\s+)?(?:output|production)\b|\b(?:cap|caps|capped|limit|limits|limited|restrict"
    r"|restricts|restricted)\s+(?:[\w'’-]+\s+){1,6}?(?:output|production)"
    r"(?:\s+(?:of|for)(?:\s+[\w'’-]+){1,4}?)?\s+(?:at|to)\b"
    r"|\b(?:output|production)\b[^.;,]{0,60}?\b(?:is|was|were|are|been)\s+"
    r"(?:set|capped|fixed|limited)\b"
    # "a production quota for tungsten", "the first of two output quotas", "production target"
    r"|\b(?:output|production)\s+(?:control\s+)?(?:quotas?|caps?|ceilings?|limits?|targets?)\b",
    re.IGNORECASE,
)
# A title about one province's quotas: "Mining Quotas of Inner Mongolia", "Quota for Jiangxi".
PROVINCE_QUOTAS = re.compile(
    r"\b(?:quotas?|control\s+ind(?:ex|exes|ices|icators?)|limits?)\s+(?:of|for|in)\s+"
    r"(?:the\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)",
    re.IGNORECASE,
)
# The nation's figures named in a province's story: "national", "the country", "nationwide".
NATIONAL = re.compile(r"\bnation(?:al|wide|'s)?\b|\bthe\s+country\b|\bChina['’]s\b", re.I)
# A batch number anywhere in the text ("second batch", "H2"), for running totals.
BATCH_WORD = re.compile(r"(?:batch|cumulative|all):(\d)")
# A history of whole years: "to 14,900 t in 2008 from 2007", "from 105,000 t in 2017 to
# 210,000 t in 2022": its figures are the years', not the batch the story was about.
YEARS_COMPARED = re.compile(
    r"\bin\s+(?:19|20)\d\d\s+(?:from|compared\s+with|against)\s+(?:(?:about\s+|around\s+)?[\d,.]+"
    r"\s*(?:[\w-]+\s+){0,2}?in\s+)?(?:19|20)\d\d\b"
    r"|\bfrom\s+(?:about\s+|around\s+)?[\d,.]+\s*(?:[\w-]+\s+){0,2}?in\s+(?:19|20)\d\d\s+to\s+"
    r"(?:about\s+|around\s+)?[\d,.]+\s*(?:[\w-]+\s+){0,2}?in\s+(?:19|20)\d\d\b",
    re.I,
)
# The period patterns that name a batch number ("batch:2", "cumulative:3", "all:2"), highest first.
_NUMBERED = sorted(
    (
        (int(m[1]), pattern, lexicon.GATES["period"][value])
        for value, pattern in PERIOD.items()
        if (m := BATCH_WORD.match(value))
    ),
    key=lambda item: -item[0],
)
# Period words that need the latest batch to mean anything.
_OPEN = ("cumulative", "double")
# A total a batch brings the year to: "brings (takes, lifts, pushes) the ... total (the
# full-year quota) to".
TOTAL_REACHED = re.compile(
    r"\b(?:br(?:ing|ings|inging|ought)|tak(?:e|es|ing|en)|took|lift(?:s|ed|ing)?"
    r"|push(?:es|ed|ing)?|rais(?:es|ed|ing))\s+(?:the|its|this)\b[^.;]{0,50}?\b(?:total|tally|full[\s-]year|whole[\s-]year|annual)\b"
    r"[^.;]{0,40}?\bto\b",
    re.IGNORECASE,
)


@dataclass
class State:
    """What the sentences so far have established."""

    published: date | None
    commodity: str | None = None
    year: int | None = None  # the year the last sentence read was about
    doc_year: int | None = None  # the story's year: the title's, else its figures' latest
    title_year: bool = False  # whether the title gave it
    doc_period: str | None = None  # the story's period, likewise
    doc_holder: str | None = None  # a province whose own quotas the story is about
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
    latest_year: int = 0  # the latest year the sentences read so far name
    title_type: str | None = None  # the one quota type the title names
    by_batch: bool = False  # whether the sentence read names its quota by its batch alone


def quota_sentences(
    text: str, words: list[tuple[int, int]] | None = None
) -> tuple[list[tuple[int, int, bool]], list[tuple[int, int]], list[tuple[int, int]]]:
    """Each sentence's span and whether it names a quota, where the quota words are (one scan
    of the whole text), and the batches by number of sentences that name no quota word but
    give a tonnage: such a sentence names its quota by them, unless it goes on from the last
    ("Last year there were three batches. The first batch was 120,000 t."). ``words`` are the
    quota words' spans where the text has been scanned for them already."""
    if words is None:
        words = [m.span() for m in QUOTA_WORD.finditer(text)]
    batches: list[tuple[int, int]] = []
    if words and any(word in text for word in lexicon.BATCH_NOUN_WORDS):
        batches = [m.span() for m in lexicon.BATCH_NOUN.finditer(text)]
    spans = []
    extra: list[tuple[int, int]] = []
    for a, b in sentence_spans(text):
        i = bisect.bisect_left(words, (a, -1))
        named = i < len(words) and words[i][0] < b
        if not named and batches:
            # "The first batch, issued earlier this year, was 100,800 t": a quota, by its
            # number, where the sentence gives a tonnage
            j = bisect.bisect_left(batches, (a, -1))
            if j < len(batches) and batches[j][0] < b and AMOUNT.search(text, a, b):
                named = True
                extra.extend(span for span in batches[j:] if span[0] < b)
        spans.append((a, b, named))
    return spans, words, extra


def start_state(
    content: Content, published: date | None, spans: list[tuple[int, int, bool]]
) -> State:
    state = State(published)
    text = content.text
    state.default_status = main_sourcing(text, spans)
    state.issuer_marks = sorted(
        (m.start(), name) for name, p in ISSUER.items() for m in p.finditer(text)
    )
    state.first_issuer = state.issuer_marks[0][1] if state.issuer_marks else None
    state.doc_max_batch = latest_batch(text)
    # the types its quota sentences name ("export" in "the export control list" is none)
    starts = [a for a, b, named in spans if named]
    ends = [b for a, b, named in spans if named]
    types = set()
    for m in quota_type_mentions(text):
        i = bisect.bisect_right(starts, m.start) - 1
        if i >= 0 and m.end <= ends[i]:
            types.add(str(m.value))
    state.doc_type = types.pop() if len(types) == 1 else None
    title = content.title or ""
    if title and not QUOTA_WORD.search(title):
        # "How China has capped rare earth mining": the one commodity of ours a title names
        # is the story's, though the title names no quota
        names = [(t.start, t.end) for t in vocab.find_terms(title, ("company",))]
        ours = {
            value
            for value, pattern in COMMODITY.items()
            for m in pattern.finditer(title)
            if not any(a <= m.start() and m.end() <= b for a, b in names)  # "Xiamen Tungsten"
        }
        if len(ours) == 1 and not other_commodities(title):
            state.commodity = ours.pop()
    if QUOTA_WORD.search(title):
        state.lines.append(title)  # a caption for a table the text begins with
        mentions = find_mentions(title, published)
        update(state, mentions, [])
        if state.qtype is None and OUTPUT_CAP.search(title):
            state.qtype = "mining"  # "China sets 2024 output quotas": the mines' quota
        state.title_type = state.qtype
        state.doc_year = next((int(m.value) for m in mentions if m.kind == "year"), None)
        state.title_year = state.doc_year is not None
        # "Tungsten and Rare Earth Mining Quotas of Inner Mongolia in 2020": a province's notice
        place = PROVINCE_QUOTAS.search(title)
        if place:
            terms = [t for t in vocab.find_terms(place.group(), ("province",))]
            state.doc_holder = terms[0].value if terms else None
        state.doc_period = next(
            (
                str(m.value)
                for m in mentions
                if m.kind == "period" and BATCH_WORD.match(str(m.value))
            ),
            None,
        )
    return state


def main_sourcing(text: str, spans: list[tuple[int, int, bool]]) -> str:
    """The sourcing of the first quota sentence that names one; figures without any take it."""
    for start, end, named in spans:
        if named:
            if REPORTED_CUE.search(text, start, end):
                return "reported"
            if OFFICIAL_CUE.search(text, start, end):
                return "official"
    return "official"


def latest_batch(text: str) -> int:
    """The highest batch number any period wording in ``text`` names; 0 for none."""
    has = text.casefold().__contains__  # a pattern none of whose words is there is not run
    return next(
        (n for n, pattern, words in _NUMBERED if any(map(has, words)) and pattern.search(text)), 0
    )


def defaults_for(
    state: State, sentence: str, mentions: list[Mention], ours: list[Mention], continued: bool
) -> dict[str, str | int | None]:
    """What the sentence leaves open. A sentence that names a quota of its own is about the
    story's year; only one that goes on from the last ("The smelting one was ...") takes the
    year that sentence was about ("There were three batches last year. The first was ...")."""
    kinds = {m.kind for m in mentions}
    named = {m.value for m in mentions if m.kind == "type"}
    # the one type the sentence names, else the one the story is about
    single_type = (state.qtype or state.doc_type) if not named else None
    if state.by_batch and not named:
        # "The first batch, issued earlier this year, was 100,800 t" after the text has moved
        # on: the story's type (its title's), not the last quota sentence's
        single_type = state.title_type or state.doc_type
    if len(named) == 1:
        single_type = str(named.pop())
    if state.doc_type == "export" and "type" not in kinds:
        single_type = "export"
    if (
        single_type in ("export", "smelting_separation")
        and not named
        and OUTPUT_CAP.search(sentence)
    ):
        single_type = None  # an output cap is the mines' ("the output limit for concentrates")
    # the year of the sentence before if it gave figures (the text has not moved on), else
    # the story's
    # a province's notice: its figures are the province's, unless the nation's are named
    holder = state.doc_holder if not NATIONAL.search(sentence) else None
    # a sentence that names a quota of another commodity of ours ("China also set a production
    # quota for tungsten at ...") has moved on: the story's year and period, not the last
    # sentence's
    moved = bool(ours) and state.commodity is not None and not continued
    moved = moved and all(m.value != state.commodity for m in ours)
    carry = (continued or state.had_figures) and not moved
    year = (None if carry else state.doc_year) or state.year
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
        "period": None
        if whole_years(sentence, mentions)
        else state.doc_period
        if moved
        else state.period,
        "holder": holder,
        # a holder's share in a sentence going on from a category's figure is of that category
        "category": state.category if continued else None,
    }


def whole_years(sentence: str, mentions: list[Mention]) -> bool:
    """Whether the sentence compares whole years ("from N in 2017 to M in 2022") and numbers no
    batch of its own: its figures are the years' ("doubled", "annual" say no more)."""
    if "20" not in sentence or not YEARS_COMPARED.search(sentence):
        return False
    return not any(m.kind == "period" and BATCH_WORD.match(str(m.value)) for m in mentions)


def status_of(state: State, sentence: str) -> str:
    if REPORTED_CUE.search(sentence):
        return "reported"
    if OFFICIAL_CUE.search(sentence):
        return "official"
    return state.status or state.default_status


def named_issuers(state: State, span: tuple[int, int]) -> list[str]:
    """The issuers a sentence names, in the order of their first mention."""
    marks = state.issuer_marks
    i = bisect.bisect_left(marks, (span[0], ""))
    named: dict[str, None] = {}
    while i < len(marks) and marks[i][0] < span[1]:
        named.setdefault(marks[i][1], None)
        i += 1
    return list(named)


def issuer_of(state: State, span: tuple[int, int]) -> str | None:
    named = named_issuers(state, span)
    return named[0] if named else state.issuer or state.first_issuer


def note_issuer(state: State, span: tuple[int, int]) -> None:
    named = named_issuers(state, span)
    if named:
        state.issuer = named[-1]


def update(
    state: State,
    mentions: list[Mention],
    facts: list[QuotaFact],
    continued: bool = False,
    sentence: str = "",
) -> None:
    """Carry the sentence's commodity, year, period, single type and sourcing forward.

    A sentence that names a quota of its own but no year moves on from the year the sentences
    before were about: back to the story's year."""
    ours = [m.value for m in mentions if m.kind == "commodity" and m.value != "other"]
    if ours:
        # a sentence about two of our commodities ("raised for tungsten and antimony") leaves
        # the next one's open: it is placed by its own words, or not at all
        state.commodity = str(ours[0]) if len(set(ours)) == 1 else None
    current = [f for f in facts if f.amount_t is not None]
    years = [m.value for m in mentions if m.kind == "year"]
    named = [int(m.value) for m in mentions if m.kind in ("year", "cyear")]
    state.latest_year = max([state.latest_year, *named])
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
    batch_story = state.period is not None and state.period.startswith("batch:")
    if batch_story and current and _total_reached(sentence, periods, current):
        pass  # "That brings the year's total to 210,000 t": the story is still the batch's
    elif periods or current:
        state.period = periods[0] if periods else current[0].period
    state.had_figures = bool(current)
    categories = {f.category for f in current}
    state.category = categories.pop() if len(categories) == 1 else None
    batches = [int(p.split(":")[1]) for p in periods if p.startswith("batch:")]
    state.max_batch = max([state.max_batch, *batches])
    types = {f.quota_type for f in current} or {str(m.value) for m in mentions if m.kind == "type"}
    if types:
        state.qtype = types.pop() if len(types) == 1 else None


def _total_reached(sentence: str, periods: list[str], current: list[QuotaFact]) -> bool:
    """Whether a sentence gives only the total a batch brings the year to ("That brings the
    total mining quota for the year to 210,000 t", "This takes the year's total to"), naming
    no batch of its own."""
    if any(p.startswith("batch:") for p in periods):
        return False
    if not all(f.period == "annual" or f.period.startswith("cumulative") for f in current):
        return False
    return TOTAL_REACHED.search(sentence) is not None
