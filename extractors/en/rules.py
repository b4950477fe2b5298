"""English fact rules: every quota figure an English text states, with its sentence.

The text is read sentence by sentence (``sentences``). A sentence is read when it names
a quota ("quota", "allocation", "production cap") or continues one ("The smelting quota was
127,000 t" after a sentence naming rare earth quotas); a line shaped as a table row under a
quota caption is read as one (``tables``). Its figures and words are found (``mentions``),
each figure gets its words (``binding``, past figures by ``comparing``), what the sentence
leaves open (commodity, year, period) comes from the document's context (``context``), and
the figures become facts, with the readings the sentence leaves open (``readings``).
Precision first: a figure that is a price, an output, a shipment, a figure of another
commodity, or that cannot be given a type and a year, yields nothing.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from datetime import date, datetime

from extractors.en import tables
from extractors.en.binding import QUOTA_NAMED_AFTER, bind
from extractors.en.context import (
    BATCH_WORD,
    ISSUED,
    OFFICIAL_CUE,
    QUOTA_WORD,
    REPORTED_CUE,
    SHIPPED,
    State,
    defaults_for,
    issuer_of,
    note_issuer,
    quota_sentences,
    start_state,
    status_of,
    update,
    whole_years,
)
from extractors.en.lexicon import (
    CLAUSE_BREAK,
    FORECAST,
    GATES,
    PLAN_SPAN,
    RELATIVE_ASIDE,
)
from extractors.en.mentions import (
    COMMODITY,
    NOT_QUOTA,
    Figure,
    Mention,
    find_figures,
    find_mentions,
    other_commodities,
)
from extractors.en.placing import as_bound, place, respectively_back, with_story_type
from extractors.en.readings import (
    MIN_TONNES,
    make_fact,
    running_totals_that_are_the_year,
    sentence_facts,
    undisclosed,
)
from extractors.en.timing import announced_on
from extractors.facts import Content, QuotaFact
from extractors.resolve import resolve

# What a sentence without a quota word needs to go on with the last one's figures: a type,
# a period, a category or a holder ("Of the total, 13,563 t are for light rare earths"), or
# one of our commodities set like the one before ("Antimony was set at 59,400 t").
CONTINUES = frozenset({"type", "period", "category", "holder"})
# An announcement being reported: "the ministry said in a statement", "announced on its website".
ANNOUNCED = re.compile(
    r"\b(?:announced|said|stated|statement|notice|showed|website|according\s+to\s+the\s+ministry)\b",
    re.IGNORECASE,
)
# One figure of two years: "93,800 t in 2012 and again in 2013", "in both 2011 and 2012".
AGAIN_IN = re.compile(
    r"\bin\s+(?:both\s+)?((?:19|20)\d\d)\s*,?\s+and\s+(?:(?:again|also)\s+in\s+)?((?:19|20)\d\d)\b"
    r"(?!\s*,?\s*respectively)",
    re.IGNORECASE,
)
# A cap on shipments is a quota: "shipments will be capped at 7,976 t".
CAPPED = re.compile(r"\b(?:capped|limited|restricted)\s+(?:at|to)\b", re.IGNORECASE)
# A quota of a named year or type cited in a forecast or a shipment sentence: "about 70% of the
# 2013 quota allocation of 30,999 t", "last year's quota of 30,184 t was barely used", "shipped
# 18,600 t, against an export quota of 30,184 t".
CITED_QUOTA = re.compile(
    r"(?:\b(?:20[0-3]\d|(?:last|previous)\s+year)(?:['’]s)?\s+(?:[\w-]+\s+){0,3}?(?:quotas?"
    r"|allocations?|allotments?)(?:\s+allocations?)?\s+(?:of|at|was|were|totall?ing|totall?ed)"
    r"|\b(?:export|mining|smelting)\s+quotas?\s+of"
    # "exports totalled 18,600 t in 2011, despite (against, below) a quota of 30,184 t"
    r"|\b(?:despite|against|versus|below|under|short\s+of)\s+(?:a|an|the|its|their)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:quotas?|allocations?)\s+(?:of|at))\s+(?:about\s+|around\s+|some\s+)?$",
    re.IGNORECASE,
)
CITED_REACH = 80
CITED_YEAR = re.compile(r"20[0-3]\d")
# A forecaster's verb whose object is the quota: "analysts expect (forecast, estimate) the ..."
EXPECTER = re.compile(
    r"\b(?:expect|forecast|predict|estimat|anticipat|project|see|consensus|pencil)\w*", re.I
)
GAP_BREAK = re.compile(r"[\d,;]")
# "the same period last year", "the same period a year earlier", "the same period of 2010"
SAME_PERIOD = re.compile(
    r"\bsame\s+period\s+(?:(?:of|in)\s+(20[0-3]\d)\b|last\s+year\b|a\s+year\s+(?:earlier|ago|before)\b"
    r"|(?:of\s+)?the\s+previous\s+year\b)",
    re.IGNORECASE,
)
# A figure given by a pronoun after the sentence that names the quota: "China set the first
# mining quota for 2024. It amounts to 135,000 t"; "The total stands at 31,001 t".
REFERRED = re.compile(
    r"\b(?:it|this|that|the\s+(?:figure|total|amount|volume|ceiling|cap|limit))\s+(?:(?:now|also)\s+)?"
    r"(?:amount(?:s|ed)?\s+to|totall?(?:s|ed)|stands?\s+at|stood\s+at|c(?:o|a)mes?\s+to|is|was"
    r"|will\s+be)\s+(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|only\s+)?\d",
    re.IGNORECASE,
)
# A batch named as what a new one is added to: "added to the quota for the first half",
# "on top of the first batch", "together with the first round".
ADDED_TO = re.compile(
    r"\b(?:added\s+to|on\s+top\s+of|together\s+with|in\s+addition\s+to|combined\s+with)\s+"
    r"(?:[\w-]+\s+){0,8}$",
    re.IGNORECASE,
)
# A negated statement: "2,000 t was not distributed".
NEGATED = re.compile(r"\bnot\b|n['’]t\b|\bnever\b", re.IGNORECASE)
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
# Longer "sentences" are not prose (tables flattened to one line, junk): not read.
MAX_SENTENCE = 2_000
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
    found = [m.span() for m in QUOTA_WORD.finditer(text)] if text else []
    if not text or not (found or QUOTA_WORD.search(content.title or "")):
        return []  # (a table under a title naming quotas names none in its text)
    stamp: date | None = content.published
    published = stamp.date() if isinstance(stamp, datetime) else stamp
    spans, words, batch_words = quota_sentences(text, found)
    state = start_state(content, published, spans)
    # the first sentence may go on from a headline naming the quota ("Mining: 135,000 t")
    continuing = bool(QUOTA_WORD.search(content.title or ""))
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
            note_issuer(state, (start, end))  # without a quota word, only a new one is read
            continue
        if not named and BYLINE.fullmatch(sentence):
            continue  # "By Staff Reporter", "July 17, 2014 8:54 GMT": the story goes on after it
        i = bisect.bisect_left(words, (start, -1))
        here = words[i : bisect.bisect_left(words, (end, -1))]
        if not continuing and batch_words:
            # a sentence naming its quota by its batch only ("The first batch, issued earlier
            # this year, was 100,800 t"), after one that was not about quotas
            j, k = (
                bisect.bisect_left(batch_words, (start, -1)),
                bisect.bisect_left(batch_words, (end, -1)),
            )
            state.by_batch = j < k and not here  # named by its batch alone
            here = sorted([*here, *batch_words[j:k]])
        else:
            state.by_batch = False
        own = [(a - start, min(b, end) - start) for a, b in here]
        mentions = find_mentions(sentence, published, own)
        note_issuer(state, (start, end))
        continuing = _read_sentence(state, sentence, (start, end), mentions, continuing)
    figured = {readings[0].key()[:5] for readings in state.figures}
    figures = running_totals_that_are_the_year(state.figures)
    return figures + [(f,) for f in state.undisclosed if f.key()[:5] not in figured]


# A line giving a tonnage with its unit.
FIGURE_LINE = re.compile(r"\d\s*(?:t|mt|kt|tonnes?|tons?)\b", re.IGNORECASE)


def _read_row(state: State, line: str, span: tuple[int, int]) -> bool:
    """Read ``line``, shaped as a table row, as a row of a quota table; return whether it is
    one (its figures are then ours only if it is a holder's or the nation's).

    A table is read under a caption or header that names a quota ("Allocation of rare-earth
    export quotas to individual companies, for H2-2011"), in the story's commodity and type;
    what its columns leave open comes from the sentences before it.
    """
    # (a line with its own figures, "* 2010: 89,200 t (light 77,000 t, ...)", is a row before
    # this one, not a header naming its columns)
    header = [h for h in state.lines[-tables.HEADER_REACH :] if not FIGURE_LINE.search(h)]
    if state.commodity is None or not _quota_caption(header):
        return False
    row = tables.read_row(line, header, tables.PARTS.get(state.commodity))
    if row is None:
        return True  # another company's row, a sub-group's
    status, issuer = state.status or state.default_status, issuer_of(state, span)
    # the caption's period and year ("... to individual companies, for H2-2011"), else the
    # story's: the table sets out the batch the story is about
    named = [m for line in header for m in find_mentions(line, state.published)]
    periods = [m.value for m in named if m.kind == "period" and BATCH_WORD.match(str(m.value))]
    years = [m.value for m in named if m.kind == "year"]
    year = row.year or (years[-1] if years else state.doc_year or state.year)
    year = year or (state.published.year if state.published else None)
    caption_period = str(periods[-1]) if periods else state.doc_period or state.period
    qtype = state.qtype or state.doc_type
    for cell in row.cells:
        category = None if cell.column.category == "total" else cell.column.category
        fig = Figure(0, 0, cell.tonnes)
        fig.attrs = {
            "commodity": row.commodity or state.commodity,
            "type": cell.column.qtype or qtype,
            "year": cell.column.year or year,
            "category": category,
            "holder": row.holder,
        }
        # a row of one year is that year's, unless a column names its batch
        period = cell.column.period or (None if row.year else caption_period) or "annual"
        least = 1.0 if row.holder else MIN_TONNES
        fact = make_fact(fig, period, status, issuer, line, span, least)
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
    state: State,
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
        elif len(state.lines) > 1 and state.lines[-1] == sentence:
            # "China has tightened its grip on rare earths. The quota for 2009 was 50,000 t":
            # the one commodity of ours the sentence just before names
            state.commodity = _sole_commodity(state.lines[-2])
    if not ours and (others or state.commodity is None):
        return False
    aside = SHIPPED.search(sentence) or FORECAST.search(sentence)
    figures = find_figures(sentence)
    if figures and _dated_by_a_plan_only(sentence, mentions):
        return True  # "capped below 140,000 t under the five-year plan for 2016 to 2020"
    defaults = defaults_for(state, sentence, mentions, ours, continued)
    bound = bind(as_bound(sentence, mentions), figures, mentions, defaults, state.carried)
    place(state, sentence, bound, mentions, defaults)
    if whole_years(sentence, mentions):
        for fig in bound:  # "has doubled, from N in 2017 to M in 2022": no running total
            if fig.attrs.get("period") in (None, "double", "cumulative"):
                fig.attrs["period"] = "annual"
    if aside:
        # exports shipped, a quota used, a forecast: not a quota set, in its own clause
        now = state.published.year if state.published else None
        bound = [f for f in bound if not _set_aside(sentence, f, now)]
        if not bound:
            return True
    back = respectively_back(sentence, bound, mentions, state.carried)
    goes_on = (
        back
        or bool(kinds & CONTINUES)
        or bool(ours and ISSUED.search(sentence) and not NEGATED.search(sentence))
        or (continued and REFERRED.search(sentence) is not None)
    )
    if continued and not goes_on:
        bound = [f for f in bound if f.compared]  # only "up 10% from 120,000 t" continues
    # the latest batch the sentence names; one it adds to is the batch before ("Added to the
    # quota for the first six months, that brings the total to": the second batch's total)
    latest = 0
    for m in mentions:
        number = BATCH_WORD.match(str(m.value)) if m.kind == "period" else None
        if number is not None:
            added = ADDED_TO.search(sentence, max(0, m.start - 60), m.start) is not None
            latest = max(latest, int(number[1]) + added)
    readings = sentence_facts(state, sentence, span, bound, latest)
    if state.title_type and "type" not in kinds:
        readings = with_story_type(readings, state.title_type)
    if "same period" in sentence.lower():
        readings = _same_period(state, sentence, readings)
    readings += _again(sentence, readings)
    facts = [r[0] for r in readings]
    if continued and not facts and not goes_on:
        return False  # a sentence after a quota sentence that says nothing about quotas
    state.figures.extend(readings)
    state.carried = [f for f in bound if not f.compared] or state.carried
    if not figures and not aside:
        state.undisclosed.extend(undisclosed(state, sentence, span, mentions))
    update(state, mentions, facts, continued, sentence)
    if REPORTED_CUE.search(sentence) or OFFICIAL_CUE.search(sentence):
        state.status = status_of(state, sentence)
    if ISSUED.search(sentence):
        announced = announced_on(sentence, state.published)
        if announced:
            state.announced, state.announced_year = announced, state.year
    return True


def _dated_by_a_plan_only(sentence: str, mentions: list[Mention]) -> bool:
    """Whether the only years a sentence names span a multi-year plan ("lifted its annual quota
    to 140,000 t under its five-year plan through 2020"): which year a figure is, is unknown."""
    if "plan" not in sentence.lower():
        return False
    spans = [m.span() for m in PLAN_SPAN.finditer(sentence)]
    if not spans:
        return False
    return not any(
        m.kind in ("year", "cyear", "uyear") and not any(a <= m.start < b for a, b in spans)
        for m in mentions
    )


def _sole_commodity(sentence: str) -> str | None:
    """The one commodity of ours a sentence names, none if it names another good too."""
    folded = sentence.casefold()
    ours = (
        {
            str(m.value)
            for m in find_mentions(sentence, None, [])
            if m.kind == "commodity" and m.value != "other"
        }
        if any(word in folded for words in GATES["commodity"].values() for word in words)
        else set()
    )
    if len(ours) != 1 or other_commodities(sentence):
        return None
    return ours.pop()


# A byline or a time stamp between a headline and the story: "By Kitco News", "By Li Wei",
# "July 17, 2014 8:54 GMT", "Dec 22, 2023 22:13 GMT".
BYLINE = re.compile(
    r"By\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}"
    r"|[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+(?:19|20)\d\d(?:,?\s+\d{1,2}:\d\d(?:\s*[AP]M)?"
    r"(?:\s+(?:GMT|UTC|ET|EST|EDT|BST|CET))?)?"
)


def _same_period(
    state: State, sentence: str, readings: list[tuple[QuotaFact, ...]]
) -> list[tuple[QuotaFact, ...]]:
    """ "For the same period last year (a year earlier, of 2010), the allocation was 22,282 t"
    after a sentence about a batch: the figure is that batch's of the year before the one the
    text was about (or of the year named), not a whole year counted from the page's date."""
    match = SAME_PERIOD.search(sentence)
    period, year = state.period, state.year
    if match is None or not period or not period.startswith("batch:") or year is None:
        return readings
    target = int(match[1]) if match[1] else year - 1
    kept = []
    for these in readings:
        fact = these[0]
        if fact.period == "annual" and fact.amount_t is not None:
            these = (dataclasses.replace(fact, year=target, period=period),)
        kept.append(these)
    return kept


def _again(sentence: str, readings: list[tuple[QuotaFact, ...]]) -> list[tuple[QuotaFact, ...]]:
    """The same figure for a second year the sentence names with it ("was 93,800 t in 2012 and
    again in 2013", "stood at 93,800 t in both 2012 and 2013"): only where "in both" or
    "again" says so, and one figure has the first year (never "2010 and 2011 were N and M")."""
    folded = sentence.lower()
    if "both" not in folded and "again" not in folded and "also" not in folded:
        return []
    match = AGAIN_IN.search(sentence)
    if match is None or not re.search(r"\b(?:both|again|also)\b", match.group(), re.I):
        return []
    first, second = int(match[1]), int(match[2])
    own = [r for r in readings if r[0].year == first and r[0].amount_t is not None]
    if len(own) != 1 or any(r[0].year == second for r in readings) or second <= first:
        return []
    return [(dataclasses.replace(own[0][0], year=second),)]


def _set_aside(sentence: str, figure: Figure, now: int | None = None) -> bool:
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
    if QUOTA_NAMED_AFTER.match(sentence, figure.end):
        return False  # "just over half the 30,966 tonne quota": the quota, named as such
    cited = CITED_QUOTA.search(sentence, max(0, figure.start - CITED_REACH), figure.start)
    if cited and not _expected_quota(sentence, start, cited, now):
        return False  # "70% of the 2013 quota allocation of 30,999 t": a past quota, cited
    asides = [
        m.span()
        for m in RELATIVE_ASIDE.finditer(sentence, start, end)
        if not m.start() <= figure.start < m.end()
    ]

    def outside(match: re.Match[str]) -> bool:
        return not any(a <= match.start() < b for a, b in asides)

    shipped = any(outside(m) for m in SHIPPED.finditer(sentence, start, end))
    if shipped and not CAPPED.search(sentence, start, end):
        return True  # "shipments will be capped at 7,976 t" is the quota
    forecast = next((m for m in FORECAST.finditer(sentence, start, end) if outside(m)), None)
    if forecast is None:
        return False
    # "will be 15,738 t, the ministry announced": a plain "will" of an announcement
    plain = forecast.group().lower() in ("will", "would") and not any(
        m.group().lower() not in ("will", "would") for m in FORECAST.finditer(sentence)
    )
    return not (plain and ANNOUNCED.search(sentence))


def _expected_quota(sentence: str, start: int, cited: re.Match[str], now: int | None) -> bool:
    """Whether a quota named before its figure is what a forecaster expects, not one cited:
    "Analysts expect (forecast) the 2024 mining quota at 270,000 t" in a 2024 story, but not
    "could fall short of the 2012 quota of 30,996 t" nor "near last year's quota of"."""
    year = CITED_YEAR.match(cited.group())
    if now is None or year is None or int(year.group()) < now:
        return False
    verbs = list(EXPECTER.finditer(sentence, start, cited.start()))
    # the verb's object is the quota: no figure or clause between ("is estimated at 21,000 t,
    # some 70% of the 2013 quota of" cites the 2013 quota)
    return bool(verbs) and not GAP_BREAK.search(sentence, verbs[-1].end(), cited.start())
