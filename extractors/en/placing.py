"""Where a bound figure's own words leave it misplaced, the words around it place it: which
batch, which year, which type (after ``binding``, before the figures become facts).

- a batch a figure takes the year's quota to is the running total ("the second batch of 7,976 t
  takes the 2010 quota to 30,258 t"); the batch a figure follows is the next figure's ("follows
  a first batch of 62,000 t"); one figure after a list of batches is their total ("the first and
  second batches total 210,000 t");
- two years a change spans date its old and new levels ("Between 2013 and 2015, ... from A to
  B"); a "when" ("which") clause after a compared year is that year's ("from the first batch of
  2019, when the quota was 60,000 t"); a past figure with nothing to compare with in its own or
  the last sentence is compared with the story's figure of its type;
- parts in parentheses are the parts' ("82,320 t (light 72,300 t, ...)"), a year labelling a
  figure in parentheses is that figure's ("135,000 t (2023: 120,000 t)");
- "respectively" after the sentence that named the order takes that order;
- words that would make a figure a difference where it is none are blanked for binding ("made
  up 13,692 t", "granted an extra 15,000 t" in a sentence naming the batch);
- a figure no word types may be of the story's type (its title's): both readings, for the
  document's arithmetic to choose.
"""

from __future__ import annotations

import dataclasses
import itertools
import re

from extractors.en.comparing import compare_with_earlier
from extractors.en.context import BATCH_WORD, State
from extractors.en.lexicon import (
    FROM_BEFORE,
    ISSUED_INCREMENT,
    MADE_UP,
    QUOTA_REACHED,
    QUOTA_REACHED_REACH,
    TO_BETWEEN,
    WHEN_CLAUSE,
    YEAR_SPAN,
)
from extractors.en.mentions import Figure, Mention
from extractors.facts import QuotaFact


def place(
    state: State,
    sentence: str,
    figures: list[Figure],
    mentions: list[Mention],
    defaults: dict[str, str | int | None],
) -> None:
    """Place the sentence's bound figures where the words around them say (in order)."""
    _reached_totals(sentence, figures)
    _followed_batches(sentence, figures, mentions)
    _listed_batches_total(sentence, figures, mentions)
    _spanned_years(sentence, figures, mentions)
    _compared_with_earlier(state, figures)
    _when_clause(sentence, figures, mentions)
    _parenthesised_parts(sentence, figures, mentions)
    _parenthesised_years(sentence, figures, mentions, defaults)


RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)


def respectively_back(
    sentence: str, figures: list[Figure], mentions: list[Mention], carried: list[Figure]
) -> bool:
    """ "In 2011, the figures were 80.4 kt and 13.4 kt respectively", "Totals for the year stand
    at 255 kt and 243.85 kt respectively": a list the sentence names no types (categories) for
    is in the order of the last sentence's figures of different types (categories). Past
    figures listed as many ("against 210 kt and 202 kt in 2022") follow the same order.
    Returns whether the sentence's figures took them."""
    word = RESPECTIVELY.search(sentence)
    if word is None or not carried:
        return False
    named = {m.kind for m in mentions}
    current = [f for f in figures if not f.compared and f.end <= word.start()]
    past = [f for f in figures if f.compared]
    took = False
    for kind in ("type", "category"):
        if kind in named:
            continue
        order = [f.attrs.get(kind) for f in carried if f.attrs.get(kind) is not None]
        if len(order) < 2 or len(set(order)) != len(order) or len(current) != len(order):
            continue
        if any(f.attrs.get(kind) is not None for f in current):
            continue
        # only a list its own words leave alike ("a mining quota of 135,000 t and a smelting
        # quota of 127,000 t ... respectively" are told apart already)
        rest = [k for k in ("type", "category", "holder", "year", "period") if k != kind]
        if len({tuple(f.attrs.get(k) for k in rest) for f in current}) != 1:
            continue
        for fig, value in zip(current, order, strict=True):
            fig.attrs[kind] = value
        if len(past) == len(order) and all(f.attrs.get(kind) is None for f in past):
            for fig, value in zip(past, order, strict=True):
                fig.attrs[kind] = value
        took = True
    return took


# The words ISSUED_INCREMENT blanks, one of which it needs (a faster pass).
INCREMENT_WORDS = ("xtra", "nother", "urther", "dditional")


def as_bound(sentence: str, mentions: list[Mention]) -> str:
    """The sentence as binding reads it, with the words that would make a figure a difference
    blanked where they do not (the offsets stay): "made up 13,692 t" is a share, and "granted
    an extra 15,000 t" in a sentence naming the batch ("In a third allotment, ...") gives the
    batch."""
    blanks = [m.span("word") for m in MADE_UP.finditer(sentence)] if " up " in sentence else []
    if any(word in sentence for word in INCREMENT_WORDS) and any(
        m.kind == "period" and BATCH_WORD.match(str(m.value)) for m in mentions
    ):
        blanks.extend(m.span("word") for m in ISSUED_INCREMENT.finditer(sentence))
    for a, b in blanks:
        sentence = sentence[:a] + " " * (b - a) + sentence[b:]
    return sentence


# The verbs QUOTA_REACHED needs, one of which must be in the sentence (a faster pass).
REACH_WORDS = ("tak", "took", "push", "bring", "brought")


def _reached_totals(sentence: str, figures: list[Figure]) -> None:
    """ "The second batch of 7,976 t takes the 2010 export quota to 30,258 t": the figure a batch
    takes the quota to is the running total, not that batch again; the past figures compared
    with it ("compared with 50,145 t the year before") are running totals too."""
    folded = sentence.casefold()
    if not any(word in folded for word in REACH_WORDS):
        return
    for n, fig in enumerate(figures):
        if fig.compared or not (fig.inherited_period or fig.attrs.get("period") is None):
            continue
        if not QUOTA_REACHED.search(sentence, max(0, fig.start - QUOTA_REACHED_REACH), fig.start):
            continue
        old = fig.attrs.get("period")
        fig.attrs["period"], fig.inherited_period = "cumulative", False
        for later in itertools.takewhile(lambda f: f.compared, figures[n + 1 :]):
            if later.attrs.get("period") == old:
                later.attrs["period"] = "cumulative"


# Between a batch that a figure follows and that batch's figure: "a first batch of", "the first
# round, at", "the first round's".
FOLLOWED_GAP = re.compile(
    r"(?:['’]s)?\s*(?:,\s*)?(?:of|at|with|worth|totall?ing|was|were|set\s+at)?\s*(?:about\s+|around\s+"
    r"|some\s+|nearly\s+)?",
    re.IGNORECASE,
)


def _followed_batches(sentence: str, figures: list[Figure], mentions: list[Mention]) -> None:
    """ "The second batch of 52,000 t follows a first batch of 62,000 t": the batch followed is
    the figure's just after it, whatever the figures before say."""
    for m in mentions:
        if m.kind != "fperiod":
            continue
        fig = next((f for f in figures if f.start >= m.end), None)
        if fig is not None and FOLLOWED_GAP.fullmatch(sentence, m.end, fig.start):
            fig.attrs["period"], fig.inherited_period = m.value, False


# Between the batches of a list: "first and second", "first, second and third".
BATCH_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)", re.IGNORECASE)


EACH = re.compile(r"\beach\b|\brespectively\b|\bapiece\b", re.IGNORECASE)


def _listed_batches_total(sentence: str, figures: list[Figure], mentions: list[Mention]) -> None:
    """ "The first and second batches total 210,000 t": one figure after a list of batches is
    their running total (not "were 120,000 t each", nor a list of figures)."""
    batches = [m for m in mentions if m.kind == "period" and str(m.value).startswith("batch:")]
    current = [f for f in figures if not f.compared]
    if len(batches) < 2 or len(current) != 1 or EACH.search(sentence):
        return
    listed = all(
        BATCH_LIST_JOIN.fullmatch(sentence, a.end, b.start) for a, b in itertools.pairwise(batches)
    )
    numbers = sorted(int(str(m.value)[6:]) for m in batches)
    fig = current[0]
    if (
        listed
        and numbers == list(range(1, len(numbers) + 1))
        and fig.start > batches[-1].end
        and fig.attrs.get("period") == batches[-1].value
    ):
        fig.attrs["period"] = f"cumulative:{numbers[-1]}"


def _compared_with_earlier(state: State, figures: list[Figure]) -> None:
    """ "The smelting quota compares with 57,500 t a year earlier": a past figure of a type the
    sentence names, in a sentence of past figures only, that the last sentence gives no figure
    of the type to compare with, is compared with the story's latest figure of that type."""
    if any(not f.compared for f in figures):
        return
    for fig in figures:
        qtype = fig.attrs.get("type")
        if fig.attrs.get("year") is not None or qtype is None:
            continue
        commodity = fig.attrs.get("commodity") or state.commodity
        ref = next(
            (
                these[0]
                for these in reversed(state.figures)
                if these[0].amount_t is not None
                and (these[0].commodity, these[0].quota_type) == (commodity, qtype)
                and these[0].year == (state.doc_year or state.year)
                and these[0].holder is None
            ),
            None,
        )
        if ref is not None:
            attrs: dict[str, str | int | float | None] = {
                "commodity": ref.commodity,
                "type": ref.quota_type,
                "year": ref.year,
                "period": ref.period,
                "category": ref.category,
                "holder": None,
            }
            compare_with_earlier(fig, attrs)


def _when_clause(sentence: str, figures: list[Figure], mentions: list[Mention]) -> None:
    """ "That is up 10% from the first batch of 2019, when the mining quota was 60,000 t": the
    figure of a "when" clause is of the year (and batch) the comparison named just before."""
    if "when" not in sentence and "which" not in sentence:
        return
    for fig in figures:
        when = WHEN_CLAUSE.search(sentence, max(0, fig.start - 80), fig.start)
        if when is None:
            continue
        named = [m for m in mentions if m.end <= when.start() and when.start() - m.end < 60]
        years = [m for m in named if m.kind == "cyear"]
        if not years or any(m.kind == "year" and m.start > years[-1].start for m in named):
            continue
        fig.attrs["year"], fig.compared = years[-1].value, True
        periods = [m for m in named if m.kind in ("cperiod", "period")]
        fig.attrs["period"] = periods[-1].value if periods else "annual"


# Between a figure and a parenthesis of its parts: nothing, or its oxide tag.
PAREN_GAP = re.compile(r"\s*(?:(?:of\s+)?REO\b)?\s*")


def _parenthesised_parts(sentence: str, figures: list[Figure], mentions: list[Mention]) -> None:
    """ "93,800 t (light 75,900 t, medium-heavy 17,900 t)": a category inside a parenthesis
    opened after a figure labels the part after it, not the figure before (the whole)."""
    if "(" not in sentence:
        return
    for n, fig in enumerate(figures[:-1]):
        opened = sentence.find("(", fig.end, figures[n + 1].start)
        if opened < 0 or sentence.find(")", fig.end, opened) >= 0:
            continue
        if not PAREN_GAP.fullmatch(sentence, fig.end, opened):
            continue
        if sentence.find(")", opened, figures[n + 1].start) >= 0:
            continue  # "89,310 t (LRE) and 11,490 t (M/HRE)": a tag of the figure before
        labels = [
            m for m in mentions if m.kind == "category" and opened < m.start < figures[n + 1].start
        ]
        if labels and fig.attrs.get("category") == labels[0].value:
            fig.attrs["category"] = None


# A year labelling the figure after it, just inside a parenthesis: "(2023: 120,000 t", "(2023 -".
PAREN_YEAR = re.compile(r"\(\s*(?:in\s+)?(20[0-3]\d)\s*(?:[:\-–]\s*)?$")


def _parenthesised_years(
    sentence: str,
    figures: list[Figure],
    mentions: list[Mention],
    defaults: dict[str, str | int | None],
) -> None:
    """ "Mining quota: 135,000 t (2023: 120,000 t)": the year in the parenthesis is the figure's
    inside it, the same batch a year before; the figure before it keeps the story's year."""
    if "(" not in sentence:
        return
    for n, fig in enumerate(figures[:-1]):
        inner = figures[n + 1]
        opened = sentence.find("(", fig.end, inner.start)
        if opened < 0 or not PAREN_GAP.fullmatch(sentence, fig.end, opened):
            continue
        label = PAREN_YEAR.match(sentence, opened, inner.start)
        if label is None or not PAREN_YEAR.fullmatch(sentence, opened, inner.start):
            continue
        year = int(label[1])
        own = [m for m in mentions if m.kind == "period" and fig.end <= m.start < opened]
        if fig.attrs.get("year") == year and defaults.get("year") not in (None, year):
            fig.attrs["year"] = defaults["year"]
            if not own and fig.attrs.get("period") == "annual":
                fig.attrs["period"] = defaults.get("period") or "annual"
        if inner.attrs.get("year") == year and inner.attrs.get("period") in (None, "annual"):
            inner.attrs["period"] = fig.attrs.get("period")
            for kind in ("commodity", "type", "category", "holder"):
                inner.attrs[kind] = inner.attrs.get(kind) or fig.attrs.get(kind)


def _spanned_years(sentence: str, figures: list[Figure], mentions: list[Mention]) -> None:
    """ "Between 2013 and 2015, the mining quota went from 93,800 t to 105,000 t": the old level
    is the first year's, the new one the second's, both whole years. Only a sentence of those
    two years and those two figures, named in that order."""
    if len(figures) != 2 or "20" not in sentence:
        return
    span = YEAR_SPAN.search(sentence)
    if span is None or int(span["a"]) >= int(span["b"]):
        return
    old, new = figures
    years = [m for m in mentions if m.kind in ("year", "cyear")]
    if len(years) != 2 or old.start < span.end():
        return
    if not FROM_BEFORE.search(sentence, max(0, old.start - 20), old.start):
        return
    if not TO_BETWEEN.fullmatch(sentence, old.end, new.start):
        return
    if any(m.kind == "period" and BATCH_WORD.match(str(m.value)) for m in mentions):
        return  # "from the first batch of 2013 to ..."
    for fig, year in ((old, int(span["a"])), (new, int(span["b"]))):
        fig.attrs["year"], fig.attrs["period"], fig.compared = year, "annual", False
        for kind in ("commodity", "type", "category", "holder"):
            if fig.attrs.get(kind) is None:
                fig.attrs[kind] = new.attrs.get(kind) or old.attrs.get(kind)


def with_story_type(
    readings: list[tuple[QuotaFact, ...]], story_type: str
) -> list[tuple[QuotaFact, ...]]:
    """A figure whose type no word of its sentence gives has the last sentence's type, or the
    story's (its title's): "... Smelting quotas were 115,000 t. The first batch was 120,000 t."
    in a story headlined on the mining quota. Both readings, for the arithmetic to choose."""
    out = []
    for these in readings:
        first = these[0]
        if first.quota_type != story_type and first.amount_t is not None:
            these = (*these, *(dataclasses.replace(f, quota_type=story_type) for f in these))
        out.append(these)
    return out
