"""Past figures: what a figure given for comparison is a quota of, and of which year.

A past figure ("up 12.5% from 120,000 t", "against 63,500 t for the first batch of 2020")
takes its own words first, then its reference's: the current figure before it in the sentence,
or, for a sentence that only compares ("That compares with 7,976 t"), the figures of the
sentence before. Its year is the reference's, a year earlier, unless it says otherwise. The
stated changes ("up 12.5%") go to the current figures they follow.
"""

from __future__ import annotations

import re

from extractors.en.lexicon import CHANGE_AFTER, CHANGE_BEFORE, FALLING
from extractors.en.mentions import Figure, Mention, Slot

# A percentage that continues a list of changes: "up 12.5% and 10.4% respectively".
PCT_LIST = re.compile(
    r"\s*(?:,\s*(?:and\s+)?|and\s+)(\d{1,3}(?:\.\d+)?)\s*(?:%|per\s*cent|percent|pc)"
)
# A sentence about the figure of the one before: "That compares with 7,976 t a year ago".
REFERS_BACK = re.compile(
    r"(?:that|this|it|the\s+(?:new\s+)?(?:figures?|quotas?|amounts?|totals?|levels?))\s+"
    r"(?:compares|is|was|represents|marks|means)\b",
    re.IGNORECASE,
)


def compare_all(
    figures: list[Figure],
    slots: list[Slot],
    carried: list[Figure],
    joins: list[bool],
    defaults: dict[str, str | int | None],
    refers_back: bool = False,
    respectively: bool = False,
) -> None:
    """Past figures against the sentence's current one, else the last sentence's figures.

    A past figure listed after another ("compares with 255 kt in 2023 and 210 kt in 2022")
    is of the same quota as the one before it."""
    compared = [i for i, fig in enumerate(figures) if fig.compared]
    current = [i for i, fig in enumerate(figures) if not fig.compared]
    # "That compares with 7,976 t ...": the figure of the sentence before is compared
    back = refers_back and bool(carried)
    for n, i in enumerate(compared):
        fig = figures[i]
        if joins[i] and figures[i - 1].compared:
            for kind in ("commodity", "type", "category", "holder"):
                said = slots[i - 1].own.get(kind)  # its own words, not its reference's
                if fig.attrs.get(kind) is None and said is not None:
                    fig.attrs[kind] = said.value
        ref: Figure | None
        if respectively and len(compared) == len(current):
            ref = figures[current[n]]  # "up 12.5% from 120,000 t and 10.4% from 115,000 t resp."
        elif back and (not current or i < current[0]):
            ref = _carried_reference(fig, n, len(compared), carried) or _reference(figures, i)
        else:
            ref = _reference(figures, i) or _carried_reference(fig, n, len(compared), carried)
        if ref is None and fig.attrs.get("year") is not None:
            # "higher than the 210,000 t set for 2022": stands alone, of its own year
            fig.compared = False
            for kind in ("commodity", "type"):
                fig.attrs[kind] = fig.attrs.get(kind) or defaults.get(kind)
            if fig.attrs.get("period") is None:
                same_year = fig.attrs.get("year") == defaults.get("year")
                fig.attrs["period"] = (defaults.get("period") if same_year else None) or "annual"
            continue
        _compare(fig, slots[i], ref)
        if joins[i] and figures[i - 1].compared and slots[i].own.get("year") is None:
            # "the first round this year of 16,304 t and the second round of 7,976 t"
            fig.attrs["year"] = figures[i - 1].attrs.get("year")


def date_the_one_past_figure(
    figures: list[Figure], slots: list[Slot], mentions: list[Mention]
) -> None:
    """ "increased 31% over 2009/H1 (28,417 t versus 21,728 t)": the one past figure of the
    sentence, with no year or period of its own, is the one the comparison names."""
    compared = [(f, s) for f, s in zip(figures, slots, strict=True) if f.compared]
    cyears = [m for m in mentions if m.kind == "cyear"]
    if len(compared) != 1 or len(cyears) != 1:
        return
    fig, slot = compared[0]
    if slot.own.get("year") is not None or slot.own.get("period") is not None:
        return
    cperiods = [m for m in mentions if m.kind == "cperiod"]
    fig.attrs["year"] = cyears[0].value
    if len(cperiods) == 1:
        fig.attrs["period"] = cperiods[0].value


def compare_with_earlier(fig: Figure, ref_attrs: dict[str, str | int | float | None]) -> None:
    """A past figure compared with a quota of an earlier sentence than the last ("The smelting
    quota compares with 57,500 t a year earlier" two sentences after the smelting quota)."""
    ref = Figure(0, 0, 0.0, attrs=dict(ref_attrs))
    _compare(fig, Slot(0, 0, {}, False), ref)


def _carried_reference(fig: Figure, n: int, count: int, carried: list[Figure]) -> Figure | None:
    """The current figure of the sentence before that this one is compared with."""
    qtype = fig.attrs.get("type")
    if qtype is not None:
        same = [c for c in carried if c.attrs.get("type") == qtype]
        return same[0] if len(same) == 1 else None
    if len(carried) == count:
        return carried[n]
    return carried[0] if len(carried) == 1 else None


def _reference(figures: list[Figure], i: int) -> Figure | None:
    before = [f for f in figures[:i] if not f.compared]
    after = [f for f in figures[i + 1 :] if not f.compared]
    return before[-1] if before else (after[0] if after else None)


def _compare(fig: Figure, slot: Slot, ref: Figure | None) -> None:
    """A past figure: its own words, else the reference's, a year earlier."""
    if ref is None:
        fig.attrs["year"] = None  # nothing to compare with: unknown
        return
    for kind in ("commodity", "type", "category", "holder"):
        if fig.attrs.get(kind) is None:
            fig.attrs[kind] = ref.attrs.get(kind)
    own_period = fig.attrs.get("period")
    ref_year = ref.attrs.get("year")
    year = fig.attrs.get("year")
    if slot.said_relative and isinstance(ref_year, int) and year == ref_year - 2:
        # in December, "down 11.4% from the first round of last year" about next year's quota:
        # last year's is the quota year before the one being set
        fig.attrs["year"] = ref_year - 1
    if fig.attrs.get("year") is None:
        fig.attrs["year"] = None if ref_year is None else int(ref_year) - 1
        if slot.own.get("prior") is None and ref.attrs.get("period") == "double":
            fig.attrs["year"], own_period = ref_year, own_period or "batch:1"
        elif own_period is not None and own_period != ref.attrs.get("period"):
            fig.attrs["year"] = ref_year  # "from 120,000 t in the first batch": same year
    if own_period is None and slot.subject_year:
        # "put the 2012 export quota 2.7% ahead of 2011's 30,184 t": with no period named,
        # years are compared whole
        own_period = "annual"
    fig.attrs["period"] = own_period or ref.attrs.get("period")


def assign_changes(sentence: str, figures: list[Figure]) -> None:
    current = [f for f in figures if not f.compared]
    if not current:
        return
    for pattern in (CHANGE_BEFORE, CHANGE_AFTER):
        for match in pattern.finditer(sentence):
            sign = -1.0 if FALLING.match(match["dir"]) else 1.0
            pcts = [float(match["pct"])]
            pos = match.end()
            while (more := PCT_LIST.match(sentence, pos)) is not None:
                pcts.append(float(more.group(1)))
                pos = more.end()
            before = [f for f in current if f.start < match.start()]
            for fig, pct in zip(before[-len(pcts) :], pcts, strict=False):
                fig.attrs.setdefault("change_pct", sign * pct)
