"""A wording grammar for the English rules: sentences generated with their facts by construction.

Behavioural testing in the manner of CheckList (Ribeiro et al. 2020): rather than scoring the
rules on pages, a small grammar (data tables below) composes English sentences that a reporter
could write about one quota figure (subject x verb x frame x period x type x commodity x number
format x year wording x category x holder, and two-sentence stories whose headline carries the
type or the commodity), each with the facts it states. Near misses (output statistics, prices,
exports shipped, other goods' quotas) must give none. Every figure is from the public record
(../shared/DOMAIN.md); every sentence is ours.

    python bench/wordings.py [--n 3000] [--seed 10] [--show 20] [--json]

Prints, per capability (each value of each axis), how many sentences give exactly their facts;
``--show N`` lists N failures; ``--json`` ends with one JSON line.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extractors.en.rules import find_facts
from extractors.facts import Content

Key = tuple[str, str, int, str, str | None, str | None, float | None]

# --- the public record (DOMAIN.md and the ministries' notices) ---------------------------------
# (commodity, type, year, period, category, holder) -> tonnes
RECORD: dict[tuple[str, str, int, str, str | None, str | None], int] = {
    ("rare_earth", "mining", 2019, "annual", None, None): 132_000,
    ("rare_earth", "smelting_separation", 2019, "annual", None, None): 127_000,
    ("rare_earth", "mining", 2020, "annual", None, None): 140_000,
    ("rare_earth", "smelting_separation", 2020, "annual", None, None): 135_000,
    ("rare_earth", "mining", 2021, "annual", None, None): 168_000,
    ("rare_earth", "smelting_separation", 2021, "annual", None, None): 162_000,
    ("rare_earth", "mining", 2022, "annual", None, None): 210_000,
    ("rare_earth", "smelting_separation", 2022, "annual", None, None): 202_000,
    ("rare_earth", "mining", 2023, "annual", None, None): 255_000,
    ("rare_earth", "smelting_separation", 2023, "annual", None, None): 243_850,
    ("rare_earth", "mining", 2024, "annual", None, None): 270_000,
    ("rare_earth", "smelting_separation", 2024, "annual", None, None): 254_000,
    ("rare_earth", "mining", 2020, "batch:1", None, None): 66_000,
    ("rare_earth", "smelting_separation", 2020, "batch:1", None, None): 63_500,
    ("rare_earth", "mining", 2021, "batch:1", None, None): 84_000,
    ("rare_earth", "smelting_separation", 2021, "batch:1", None, None): 81_000,
    ("rare_earth", "mining", 2022, "batch:1", None, None): 100_800,
    ("rare_earth", "smelting_separation", 2022, "batch:1", None, None): 97_200,
    ("rare_earth", "mining", 2022, "batch:2", None, None): 109_200,
    ("rare_earth", "smelting_separation", 2022, "batch:2", None, None): 104_800,
    ("rare_earth", "mining", 2023, "batch:1", None, None): 120_000,
    ("rare_earth", "smelting_separation", 2023, "batch:1", None, None): 115_000,
    ("rare_earth", "mining", 2023, "batch:3", None, None): 15_000,
    ("rare_earth", "smelting_separation", 2023, "batch:3", None, None): 13_850,
    ("rare_earth", "mining", 2024, "batch:1", None, None): 135_000,
    ("rare_earth", "smelting_separation", 2024, "batch:1", None, None): 127_000,
    ("rare_earth", "mining", 2022, "cumulative:2", None, None): 210_000,
    ("rare_earth", "smelting_separation", 2022, "cumulative:2", None, None): 202_000,
    ("tungsten", "mining", 2020, "batch:1", None, None): 52_500,
    ("tungsten", "mining", 2020, "annual", None, None): 105_000,
    ("tungsten", "mining", 2012, "annual", None, None): 89_000,
    ("antimony", "mining", 2012, "annual", None, None): 50_000,
    ("rare_earth", "mining", 2011, "annual", None, None): 93_800,
    ("rare_earth", "mining", 2017, "annual", None, None): 105_000,
    ("rare_earth", "mining", 2018, "annual", None, None): 120_000,
    ("rare_earth", "mining", 2023, "batch:2", None, None): 120_000,
    ("rare_earth", "export", 2011, "batch:1", None, None): 14_446,
    ("rare_earth", "export", 2011, "annual", None, None): 30_184,
    ("rare_earth", "export", 2012, "batch:1", None, None): 21_226,
    ("rare_earth", "export", 2012, "annual", None, None): 30_996,
    ("rare_earth", "export", 2014, "annual", None, None): 30_611,
}
# category splits: (year, period) -> (light, medium_heavy), mining
SPLITS = {(2019, "batch:1"): (50_425, 9_575), (2020, "batch:1"): (56_425, 9_575)}
# holders, 2024 batch 1: (holder id, type, category) -> tonnes
HOLDERS = {
    ("china_northern_rare_earth", "mining", "light"): 94_580,
    ("china_northern_rare_earth", "smelting_separation", None): 88_010,
    ("china_rare_earth_group", "mining", None): 40_420,
    ("china_rare_earth_group", "smelting_separation", None): 38_990,
}

# --- the grammar's word tables ---------------------------------------------------------------
SUBJECTS = [
    "China", "Beijing", "The industry ministry", "MIIT", "The land ministry", "Authorities",
    "Chinese authorities", "The government", "Regulators",
]  # fmt: skip
EXPORT_SUBJECTS = ["China", "Beijing", "The commerce ministry", "MOFCOM", "Authorities"]
# verb (past tense) + its preposition before the figure
VERBS = [
    ("set", "at"), ("fixed", "at"), ("capped", "at"), ("pegged", "at"), ("raised", "to"),
    ("lifted", "to"), ("increased", "to"),
]  # fmt: skip
ISSUE_VERBS = ["issued", "allocated", "handed out", "released", "announced", "granted"]
COMMODITY_WORDS = {
    "rare_earth": ["rare earth", "rare-earth"],
    "tungsten": ["tungsten", "tungsten concentrate"],
    "antimony": ["antimony"],
}
# quota type -> words before "quota(s)"
TYPE_WORDS = {
    "mining": ["mining", "output", "production", "extraction", "mine output"],
    "smelting_separation": ["smelting and separation", "smelting", "refining", "separation"],
    "export": ["export"],
}
PERIOD_WORDS = {
    "batch:1": ["first batch", "first tranche", "first round", "first lot"],
    "batch:2": ["second batch", "second tranche", "second round"],
    "batch:3": ["third batch", "third tranche", "third round"],
}
EXPORT_HALVES = {"batch:1": "first half", "batch:2": "second half"}


def amount_words(tonnes: int, commodity: str, rng: random.Random) -> tuple[str, str]:
    """A figure as reporters write it, and the format's name."""
    forms = ["comma tonnes", "comma t", "space metric tons", "kt", "thousand tonnes", "tons"]
    if commodity == "rare_earth":
        forms.append("tons of REO")
    if tonnes % 100:
        forms = [f for f in forms if f not in ("kt", "thousand tonnes")]
    form = rng.choice(forms)
    thousands = f"{tonnes / 1000:g}"
    text = {
        "comma tonnes": f"{tonnes:,} tonnes",
        "comma t": f"{tonnes:,} t",
        "space metric tons": f"{tonnes:,} metric tons".replace(",", " "),
        "kt": f"{thousands}kt",
        "thousand tonnes": f"{thousands} thousand tonnes",
        "tons": f"{tonnes:,} tons",
        "tons of REO": f"{tonnes:,} tons of REO",
    }[form]
    return text, form


@dataclass
class Case:
    published: str
    text: str
    expected: set[Key]
    caps: dict[str, str]
    title: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


def _year_words(year: int, rng: random.Random) -> tuple[str, str, str]:
    """(wording axis, published date, the year as the sentence says it)."""
    choice = rng.choice(["explicit", "explicit", "this year", "last year"])
    if choice == "this year":
        return choice, f"{year}-{rng.randint(2, 11):02d}-{rng.randint(1, 28):02d}", "this year"
    if choice == "last year":
        return choice, f"{year + 1}-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}", "last year"
    return choice, f"{year}-{rng.randint(2, 11):02d}-{rng.randint(1, 28):02d}", str(year)


def _quota_phrase(period_words: str, year_words: str, mod: str, plural: bool, rng: random.Random):
    """'the first batch of 2024 rare earth mining quotas', 'this year's first batch of ...',
    'the 2024 rare earth mining quota' (annual), with the year before or after."""
    head = "quotas" if plural else "quota"
    if period_words:
        if year_words in ("this year", "last year"):
            return f"{year_words}'s {period_words} of {mod} quotas", "year before"
        if rng.random() < 0.5:
            return f"the {period_words} of {year_words} {mod} quotas", "year before"
        return f"the {period_words} of {mod} quotas for {year_words}", "year after"
    if year_words in ("this year", "last year"):
        return f"{year_words}'s {mod} {head}", "year before"
    if rng.random() < 0.5:
        return f"the {year_words} {mod} {head}", "year before"
    return f"the {mod} {head} for {year_words}", "year after"


def _pick_fact(rng: random.Random, types: tuple[str, ...]):
    keys = [k for k in RECORD if k[1] in types]
    return rng.choice(keys)


def frame_active(rng: random.Random) -> Case:
    c, t, y, p, cat, h = _pick_fact(rng, ("mining", "smelting_separation"))
    tonnes = RECORD[(c, t, y, p, cat, h)]
    if p.startswith("cumulative"):
        return frame_cumulative(rng)
    yw, pub, ywords = _year_words(y, rng)
    tw = rng.choice(TYPE_WORDS[t])
    mod = f"{rng.choice(COMMODITY_WORDS[c])} {tw}"
    pw = rng.choice(PERIOD_WORDS[p]) if p.startswith("batch") else ""
    phrase, order = _quota_phrase(pw, ywords, mod, False, rng)
    verb, prep = rng.choice(VERBS)
    if verb in ("raised", "lifted", "increased") and p != "annual":
        verb, prep = "set", "at"
    subj = rng.choice(SUBJECTS)
    num, form = amount_words(tonnes, c, rng)
    text = f"{subj} {verb} {phrase} at {num}.".replace(" at ", f" {prep} ", 1)
    text = text[0].upper() + text[1:]
    return Case(
        pub, text, {(c, t, y, p, cat, h, tonnes)},
        {"frame": "active", "subject": subj, "verb": verb, "year": yw, "order": order,
         "period": pw or "annual(none)", "type": tw, "commodity": c, "number": form},
    )  # fmt: skip


def frame_passive(rng: random.Random) -> Case:
    c, t, y, p, cat, h = _pick_fact(rng, ("mining", "smelting_separation"))
    if p.startswith("cumulative"):
        return frame_cumulative(rng)
    tonnes = RECORD[(c, t, y, p, cat, h)]
    yw, pub, ywords = _year_words(y, rng)
    tw = rng.choice(TYPE_WORDS[t])
    mod = f"{rng.choice(COMMODITY_WORDS[c])} {tw}"
    pw = rng.choice(PERIOD_WORDS[p]) if p.startswith("batch") else ""
    phrase, order = _quota_phrase(pw, ywords, mod, False, rng)
    verb = rng.choice(["set", "fixed", "capped", "pegged"])
    num, form = amount_words(tonnes, c, rng)
    tail = rng.choice(["", ", the ministry said", ", according to a notice"])
    be = "was"
    text = f"{phrase[0].upper()}{phrase[1:]} {be} {verb} at {num}{tail}."
    return Case(
        pub, text, {(c, t, y, p, cat, h, tonnes)},
        {"frame": "passive", "verb": verb, "year": yw, "order": order,
         "period": pw or "annual(none)", "type": tw, "commodity": c, "number": form},
    )  # fmt: skip


def frame_possessive(rng: random.Random) -> Case:
    """ "China's 2024 rare earth mining quota was 270,000 tonnes" (annual figures)."""
    keys = [k for k in RECORD if k[3] == "annual" and k[1] != "export"]
    c, t, y, p, cat, h = rng.choice(keys)
    tonnes = RECORD[(c, t, y, p, cat, h)]
    tw = rng.choice(TYPE_WORDS[t])
    mod = f"{rng.choice(COMMODITY_WORDS[c])} {tw}"
    num, form = amount_words(tonnes, c, rng)
    owner = rng.choice(["China", "Beijing", "The country"])
    which = rng.choice(["plain", "full-year", "for the year", "total"])
    pub = f"{y}-{rng.randint(6, 12):02d}-{rng.randint(1, 28):02d}"
    if which == "plain":
        text = f"{owner}'s {y} {mod} quota was {num}."
    elif which == "full-year":
        text = f"{owner}'s full-year {mod} quota for {y} is {num}."
    elif which == "for the year":
        text = f"{owner}'s {mod} quota for the year stands at {num}, the notice for {y} shows."
    else:
        text = f"{owner}'s total {mod} quota for {y} came to {num}."
    return Case(
        pub,
        text,
        {(c, t, y, p, cat, h, tonnes)},
        {"frame": "possessive", "period": which, "type": tw, "commodity": c, "number": form},
    )


def frame_quota_of(rng: random.Random) -> Case:
    """ "MIIT issued a first batch of 2024 rare earth mining quotas of 135,000 tonnes" and
    "MIIT handed out 135,000 tonnes of mining quotas in its first batch for 2024"."""
    c, t, y, p, cat, h = _pick_fact(rng, ("mining", "smelting_separation"))
    if p.startswith("cumulative"):
        return frame_cumulative(rng)
    tonnes = RECORD[(c, t, y, p, cat, h)]
    tw = rng.choice(TYPE_WORDS[t])
    cw = rng.choice(COMMODITY_WORDS[c])
    num, form = amount_words(tonnes, c, rng)
    subj = rng.choice(SUBJECTS)
    verb = rng.choice(ISSUE_VERBS)
    pub = f"{y}-{rng.randint(2, 11):02d}-{rng.randint(1, 28):02d}"
    pw = rng.choice(PERIOD_WORDS[p]) if p.startswith("batch") else ""
    if rng.random() < 0.5:
        frame = "quota of N"
        if pw:
            text = f"{subj} {verb} a {pw} of {y} {cw} {tw} quotas totalling {num}."
        else:
            text = f"{subj} {verb} a {y} {cw} {tw} quota of {num}."
    else:
        frame = "N of quotas"
        if pw:
            text = f"{subj} {verb} {num} of {cw} {tw} quotas in the {pw} for {y}."
        else:
            text = f"{subj} {verb} {num} of {cw} {tw} quotas for the whole of {y}."
    return Case(
        pub, text, {(c, t, y, p, cat, h, tonnes)},
        {"frame": frame, "verb": verb, "period": pw or "annual(none)", "type": tw,
         "commodity": c, "number": form},
    )  # fmt: skip


def frame_allow(rng: random.Random) -> Case:
    """ "China will allow miners to extract 135,000 tonnes of rare earths in the first batch of
    2024", "limited rare earth output to ... under the first batch of quotas"."""
    keys = [k for k in RECORD if k[1] == "mining" and not k[3].startswith("cumulative")]
    c, t, y, p, cat, h = rng.choice(keys)
    tonnes = RECORD[(c, t, y, p, cat, h)]
    num, form = amount_words(tonnes, c, rng)
    noun = {"rare_earth": "rare earth", "tungsten": "tungsten", "antimony": "antimony"}[c]
    pw = rng.choice(PERIOD_WORDS[p]) if p.startswith("batch") else ""
    pub = f"{y}-{rng.randint(2, 11):02d}-{rng.randint(1, 28):02d}"
    when = f"under the {pw} of quotas for {y}" if pw else f"under its quota for the whole of {y}"
    if rng.random() < 0.5:
        frame = "allow miners to extract"
        plural = noun + "s" if c == "rare_earth" else noun
        num = num.replace(" of REO", "")
        text = f"China will allow miners to extract {num} of {plural} {when}, a notice said."
        if " of " in num:
            text = f"China will allow miners to extract {num} {when}, a notice said."
    else:
        frame = "limited ... to"
        text = f"Beijing limited {noun} mining output to {num} {when}."
    return Case(
        pub,
        text,
        {(c, t, y, p, cat, h, tonnes)},
        {"frame": frame, "period": pw or "annual(none)", "commodity": c, "number": form},
    )


def frame_cumulative(rng: random.Random) -> Case:
    """ "The first two batches of 2022 rare earth mining quotas total 210,000 tonnes" and
    "The second batch brings the full-year total to 270,000 tonnes" (after a headline)."""
    if rng.random() < 0.5:
        t = rng.choice(["mining", "smelting_separation"])
        tonnes = RECORD[("rare_earth", t, 2022, "cumulative:2", None, None)]
        tw = rng.choice(TYPE_WORDS[t])
        num, form = amount_words(tonnes, "rare_earth", rng)
        verb = rng.choice(["total", "add up to", "come to", "amount to"])
        text = f"The first two batches of 2022 rare earth {tw} quotas {verb} {num}."
        return Case(
            "2022-07-20", text, {("rare_earth", t, 2022, "cumulative:2", None, None, tonnes)},
            {"frame": "cumulative", "period": "first two batches", "type": tw, "number": form},
        )  # fmt: skip
    t = rng.choice(["mining", "smelting_separation"])
    tonnes = RECORD[("rare_earth", t, 2024, "annual", None, None)]
    tw = rng.choice(TYPE_WORDS[t])
    num, form = amount_words(tonnes, "rare_earth", rng)
    verb = rng.choice(["brings", "takes", "lifts"])
    title = f"China issues second batch of 2024 rare earth {tw} quotas"
    text = f"The second batch {verb} the full-year {tw} quota to {num}, the ministry said."
    return Case(
        "2024-08-20", text, {("rare_earth", t, 2024, "annual", None, None, tonnes)},
        {"frame": "brings the full-year total", "period": "full-year total", "type": tw,
         "number": form}, title=title,
    )  # fmt: skip


def frame_export(rng: random.Random) -> Case:
    keys = [k for k in RECORD if k[1] == "export"]
    c, t, y, p, cat, h = rng.choice(keys)
    tonnes = RECORD[(c, t, y, p, cat, h)]
    num, form = amount_words(tonnes, c, rng)
    subj = rng.choice(EXPORT_SUBJECTS)
    pub = f"{y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if p == "annual":
        pw = rng.choice(["full-year", "for the year", "annual"])
        if pw == "for the year":
            text = f"{subj} set rare earth export quotas for the year {y} at {num}."
        else:
            text = f"{subj} set {y} {pw} rare earth export quotas at {num}."
    else:
        pw = rng.choice([EXPORT_HALVES[p], *PERIOD_WORDS[p]])
        verb = rng.choice(["set", "cut", "issued"])
        if verb == "issued":
            text = f"{subj} issued {num} of rare earth export quotas for the {pw} of {y}."
        else:
            text = f"{subj} {verb} rare earth export quotas for the {pw} of {y} to {num}."
            if verb == "set":
                text = text.replace(" to ", " at ", 1)
    return Case(
        pub,
        text,
        {(c, t, y, p, cat, h, tonnes)},
        {"frame": "export", "period": pw, "type": "export", "number": form, "subject": subj},
    )


# --- export quotas (MOFCOM, 2006-2014; issue 10, item 6) ---------------------------------------
# (commodity, year, period) -> tonnes; rare earths from the public record, tungsten and antimony
# as the dev labels give them
EXPORT_RECORD: dict[tuple[str, int, str], int] = {
    ("rare_earth", 2009, "annual"): 50_145,
    ("rare_earth", 2010, "annual"): 30_258,
    ("rare_earth", 2010, "batch:1"): 22_282,
    ("rare_earth", 2010, "batch:2"): 7_976,
    ("rare_earth", 2011, "annual"): 30_184,
    ("rare_earth", 2011, "batch:1"): 14_446,
    ("rare_earth", 2011, "batch:2"): 15_738,
    ("rare_earth", 2012, "annual"): 30_996,
    ("rare_earth", 2013, "annual"): 30_999,
    ("rare_earth", 2014, "annual"): 30_611,
    ("tungsten", 2008, "annual"): 14_900,
    ("tungsten", 2009, "annual"): 14_600,
    ("tungsten", 2010, "annual"): 14_300,
    ("antimony", 2008, "annual"): 59_900,
}
# 2012 halves by category: (light, medium-heavy, total)
EXPORT_SPLITS = {
    (2012, "batch:1"): (9_095, 1_451, 10_546),
    (2012, "batch:2"): (8_537, 1_233, 9_770),
}
EXPORT_BATCH_WORDS = {
    "batch:1": ["first batch", "first round", "first lot", "first tranche", "first half",
                "six months to June"],
    "batch:2": ["second batch", "second round", "second tranche", "second half",
                "six months to December"],
}  # fmt: skip
EXPORT_NAMES = ["export quota", "export quotas", "export licence", "export allotment"]
HEAVY_WORDS = ["medium and heavy rare earths", "heavy rare earths", "heavies", "middle and heavy "
               "rare earths", "HREE", "heavier rare earths"]  # fmt: skip


def _export_fact(c: str, y: int, p: str, cat: str | None, t: int) -> Key:
    return (c, "export", y, p, cat, None, t)


def frame_export_batch(rng: random.Random) -> Case:
    """A half or batch of a year's export quota, its year stated, relative ("this year") or the
    next ("the first half of next year" in a December story)."""
    keys = [k for k in EXPORT_RECORD if k[2].startswith("batch")]
    c, y, p = rng.choice(keys)
    t = EXPORT_RECORD[(c, y, p)]
    num, form = amount_words(t, c, rng)
    pw = rng.choice(EXPORT_BATCH_WORDS[p])
    name = rng.choice(EXPORT_NAMES)
    subj = rng.choice(EXPORT_SUBJECTS)
    when = rng.choice(["explicit", "this year", "next year"] if p == "batch:1" else
                      ["explicit", "this year"])  # fmt: skip
    pub = f"{y}-{rng.randint(2, 11):02d}-{rng.randint(1, 28):02d}"
    yw = str(y)
    if when == "this year":
        yw = "this year"
    elif when == "next year":
        yw, pub = "next year", f"{y - 1}-12-{rng.randint(20, 30)}"
    of = f"of {yw}" if when == "explicit" else yw if when == "this year" else f"of {yw}"
    text = rng.choice([
        f"{subj} set the rare earth {name} for the {pw} {of} at {num}.",
        f"{subj} issued {num} of rare earth {name} for the {pw} {of}.",
        f"The rare earth {name} for the {pw} {of} was {num}, the commerce ministry said.",
        f"{subj} capped rare earth exports at {num} for the {pw} {of} under its {name}.",
    ])  # fmt: skip
    return Case(
        pub, text, {_export_fact(c, y, p, None, t)},
        {"frame": "export batch", "period": pw, "year": when, "type": name, "number": form},
    )  # fmt: skip


def frame_export_total(rng: random.Random) -> Case:
    """The year's export total after its second half: "brings the year's total to"."""
    y = rng.choice([2010, 2011])
    t, b2 = EXPORT_RECORD[("rare_earth", y, "annual")], EXPORT_RECORD[("rare_earth", y, "batch:2")]
    num, form = amount_words(t, "rare_earth", rng)
    n2, _ = amount_words(b2, "rare_earth", rng)
    pub = f"{y}-07-{rng.randint(10, 28)}"
    total = rng.choice([
        f"bringing the full-year total to {num}", f"which brings the year's total to {num}",
        f"taking the total for the year to {num}", f"for a combined {num} this year",
    ])  # fmt: skip
    text = f"China set the second batch of {y} rare earth export quotas at {n2}, {total}."
    return Case(
        pub, text,
        {_export_fact("rare_earth", y, "batch:2", None, b2),
         _export_fact("rare_earth", y, "annual", None, t)},
        {"frame": "export total", "period": total.split(" ")[0], "number": form},
    )  # fmt: skip


def frame_export_split(rng: random.Random) -> Case:
    """A half's export quota split into light and medium-heavy rare earths."""
    (y, p), (light, heavy, total) = rng.choice(list(EXPORT_SPLITS.items()))
    pw = rng.choice(EXPORT_BATCH_WORDS[p][:2])
    hw = rng.choice(HEAVY_WORDS)
    nl, form = amount_words(light, "rare_earth", rng)
    nh, _ = amount_words(heavy, "rare_earth", rng)
    nt, _ = amount_words(total, "rare_earth", rng)
    text = rng.choice([
        f"The {pw} of {y} rare earth export quotas totals {nt}, including {nl} of light rare "
        f"earths and {nh} of {hw}.",
        f"MOFCOM set the {pw} of {y} rare earth export quotas at {nt}: {nl} for light rare "
        f"earths and {nh} for {hw}.",
    ])  # fmt: skip
    return Case(
        f"{y}-{'01' if p == 'batch:1' else '08'}-15", text,
        {_export_fact("rare_earth", y, p, None, total),
         _export_fact("rare_earth", y, p, "light", light),
         _export_fact("rare_earth", y, p, "medium_heavy", heavy)},
        {"frame": "export split", "category": hw, "number": form},
    )  # fmt: skip


def frame_export_history(rng: random.Random) -> Case:
    """Export quotas of two years in one sentence, each its year's; tungsten and antimony too."""
    pairs = [("rare_earth", 2009, 2010), ("rare_earth", 2010, 2011), ("rare_earth", 2012, 2013),
             ("tungsten", 2009, 2010), ("tungsten", 2008, 2009)]  # fmt: skip
    c, y0, y1 = rng.choice(pairs)
    a0, a1 = EXPORT_RECORD[(c, y0, "annual")], EXPORT_RECORD[(c, y1, "annual")]
    n0, form = amount_words(a0, c, rng)
    n1, _ = amount_words(a1, c, rng)
    cw = rng.choice(COMMODITY_WORDS[c])
    name = rng.choice(["export quota", "export quotas", "export licence"])
    verb = "cut" if a1 < a0 else "raised"
    text = rng.choice([
        f"China {verb} its {cw} {name} from {n0} in {y0} to {n1} in {y1}.",
        f"The {cw} {name} was {verb} to {n1} in {y1} from {n0} in {y0}.",
        f"China's {cw} {name} stood at {n1} in {y1}, against {n0} in {y0}.",
    ])  # fmt: skip
    return Case(
        f"{y1}-{rng.randint(2, 11):02d}-15", text,
        {_export_fact(c, y0, "annual", None, a0), _export_fact(c, y1, "annual", None, a1)},
        {"frame": "export history", "commodity": c, "type": name, "number": form},
    )  # fmt: skip


EXPORT_NEAR_MISSES = [
    "China exported 16,265 tonnes of rare earths in {y}, about half of its export quota.",
    "Customs data showed rare earth exports of 18,600 tonnes in {y}, under the quota.",
    "The commerce ministry granted rare earth export licences to 31 companies for {y}.",
    "China raised the export tax on some rare earths to 25% in {y}.",
    "Only 11,000 tonnes of the {y} rare earth export quota were used by October.",
]


def frame_export_near_miss(rng: random.Random) -> Case:
    i = rng.randrange(len(EXPORT_NEAR_MISSES))
    y = rng.choice([2011, 2012, 2013])
    return Case(
        f"{y + 1}-01-20", EXPORT_NEAR_MISSES[i].format(y=y), set(),
        {"frame": f"export near miss {i}"},
    )  # fmt: skip


def frame_category(rng: random.Random) -> Case:
    """ "Of the first batch of 2020 mining quotas, 56,425 tonnes are for light rare earths and
    9,575 tonnes for medium and heavy ones"."""
    (y, p), (light, heavy) = rng.choice(list(SPLITS.items()))
    lw = rng.choice(["light rare earths", "rock-type light rare earths", "light rare earth ores"])
    hw = rng.choice(
        ["medium and heavy rare earths", "medium-heavy rare earths", "heavies",
         "ion-adsorption rare earths", "ionic clay deposits"]
    )  # fmt: skip
    nl, form = amount_words(light, "rare_earth", rng)
    nh, _ = amount_words(heavy, "rare_earth", rng)
    text = (
        f"Of the first batch of {y} rare earth mining quotas, {nl} is for {lw} and {nh} for {hw}."
    )
    exp: set[Key] = {
        ("rare_earth", "mining", y, p, "light", None, light),
        ("rare_earth", "mining", y, p, "medium_heavy", None, heavy),
    }
    return Case(
        f"{y}-{rng.randint(3, 6):02d}-10", text, exp,
        {"frame": "category split", "category": f"{lw} / {hw}", "number": form},
    )  # fmt: skip


COMPANY_WORDS = {
    "china_northern_rare_earth": ["Northern Rare Earth", "China Northern Rare Earth", "CNRE",
                                  "China Northern Rare Earth Group High-Tech"],
    "china_rare_earth_group": ["China Rare Earth Group", "CREG", "China Rare Earths Group"],
}  # fmt: skip


def frame_holder(rng: random.Random) -> Case:
    (h, t, cat), tonnes = rng.choice(list(HOLDERS.items()))
    name = rng.choice(COMPANY_WORDS[h])
    num, form = amount_words(tonnes, "rare_earth", rng)
    tw = rng.choice(TYPE_WORDS[t])
    kind = "light rare earth " if cat == "light" else "rare earth "
    verb = rng.choice(["received", "was allocated", "got", "was granted"])
    text = f"{name} {verb} {num} of {kind}{tw} quotas in the first batch of 2024."
    return Case(
        "2024-02-20", text, {("rare_earth", t, 2024, "batch:1", cat, h, tonnes)},
        {"frame": "holder", "holder": name, "verb": verb, "type": tw, "number": form},
    )  # fmt: skip


def frame_carried(rng: random.Random) -> Case:
    """A headline names the type or the commodity; the body sentence states the figure."""
    c, t, y, p, cat, h = _pick_fact(rng, ("mining", "smelting_separation"))
    if p.startswith("cumulative") or c != "rare_earth":
        c, t, y, p, cat, h = ("rare_earth", "mining", 2024, "batch:1", None, None)
    tonnes = RECORD[(c, t, y, p, cat, h)]
    tw = rng.choice(TYPE_WORDS[t])
    num, form = amount_words(tonnes, c, rng)
    pw = rng.choice(PERIOD_WORDS[p]) if p.startswith("batch") else ""
    carried = rng.choice(["type", "commodity"])
    if carried == "type":
        title = f"China sets {y} {tw} quotas"
        body = f"The {pw} of rare earth quotas" if pw else "The rare earth quota for the year"
    else:
        title = f"China sets {y} rare earth quotas"
        body = f"The {pw} of {tw} quotas" if pw else f"The full-year {tw} quota"
    text = f"{body} was set at {num}, the ministry said on its website."
    pub = f"{y}-{rng.randint(2, 11):02d}-{rng.randint(1, 28):02d}"
    return Case(
        pub, text, {(c, t, y, p, cat, h, tonnes)},
        {"frame": "carried from headline", "carried": carried, "type": tw,
         "period": pw or "annual(none)", "number": form}, title=title,
    )  # fmt: skip


def frame_tungsten_target(rng: random.Random) -> Case:
    """ "The output control target for tungsten concentrate": the mines' quota, even after a
    sentence on rare earth smelting."""
    y, p = rng.choice([(2020, "batch:1"), (2020, "annual"), (2012, "annual")])
    tonnes = RECORD[("tungsten", "mining", y, p, None, None)]
    num, form = amount_words(tonnes, "tungsten", rng)
    head = rng.choice(
        ["output control target", "total mining control target", "mining quota",
         "production quota", "output quota", "mine output quota"]
    )  # fmt: skip
    noun = rng.choice(["tungsten concentrate", "tungsten concentrates", "tungsten"])
    when = "the first batch of " + str(y) if p == "batch:1" else str(y)
    lead = rng.choice(["", "smelting"])
    text = f"The {head} for {noun} in {when} was set at {num}."
    exp: set[Key] = {("tungsten", "mining", y, p, None, None, tonnes)}
    if lead:
        (rp, rt) = ("batch:1", 63_500) if y == 2020 and p == "batch:1" else ("annual", 135_000)
        if y == 2020:
            said = "first batch of 2020" if rp == "batch:1" else "2020"
            text = f"The {said} rare earth smelting and separation quota was {rt:,} tonnes. " + text
            exp.add(("rare_earth", "smelting_separation", 2020, rp, None, None, rt))
    return Case(
        f"{y}-{rng.randint(3, 11):02d}-15", text, exp,
        {"frame": "tungsten target", "type": head, "commodity": noun,
         "context": "after smelting" if lead and y == 2020 else "alone", "number": form},
    )  # fmt: skip


def frame_production_in_export_story(rng: random.Random) -> Case:
    """A production quota named in a story headlined on export quotas is the mines' quota."""
    num, form = amount_words(93_800, "rare_earth", rng)
    title = rng.choice(
        ["China cuts rare earth export quotas", "Beijing sets 2011 rare earth export quotas"]
    )
    head = rng.choice(["production quota", "output quota", "production cap", "output ceiling"])
    article = "an" if head.startswith("o") else "a"
    text = rng.choice(
        [f"The {head} for 2011 was kept at {num}, the ministry said.",
         f"Beijing also set {article} {head} of {num} for rare earths in 2011.",
         f"The rare earth {head} for the year stays at {num}."]
    )  # fmt: skip
    return Case(
        "2011-07-15", text, {("rare_earth", "mining", 2011, "annual", None, None, 93_800)},
        {"frame": "production in export story", "type": head, "number": form}, title=title,
    )  # fmt: skip


def frame_history(rng: random.Random) -> Case:
    """ "The total annual quota has risen from X in 2017 to Y in 2022": each figure its year's."""
    y0, y1 = rng.choice([(2017, 2022), (2017, 2024), (2018, 2023), (2011, 2021)])
    a0 = RECORD[("rare_earth", "mining", y0, "annual", None, None)]
    a1 = RECORD[("rare_earth", "mining", y1, "annual", None, None)]
    n0, form = amount_words(a0, "rare_earth", rng)
    n1, _ = amount_words(a1, "rare_earth", rng)
    head = rng.choice(
        ["total annual rare earth mining quota", "annual rare earth mining quota",
         "yearly rare earth mining quota", "rare earth mining quota"]
    )  # fmt: skip
    verb = rng.choice(["has risen", "rose", "climbed", "has more than doubled", "grew"])
    if verb == "has more than doubled" and a1 < 2 * a0:
        verb = "has risen"
    text = f"China's {head} {verb} from {n0} in {y0} to {n1} in {y1}."
    exp: set[Key] = {
        ("rare_earth", "mining", y0, "annual", None, None, a0),
        ("rare_earth", "mining", y1, "annual", None, None, a1),
    }
    return Case(
        f"{y1 + 1}-03-01", text, exp,
        {"frame": "history from X in Y0 to Z in Y1", "type": head, "verb": verb, "number": form},
    )  # fmt: skip


def frame_source_tag(rng: random.Random) -> Case:
    """A company named as the source ("on China Northern Rare Earth's website") is no holder."""
    num, form = amount_words(135_000, "rare_earth", rng)
    name = rng.choice([*COMPANY_WORDS["china_northern_rare_earth"], "China Rare Earth Group"])
    tag = rng.choice(
        [f"according to a notice posted on {name}'s website",
         f"{name} said in a filing",
         f"according to a statement on the website of {name}"]
    )  # fmt: skip
    text = f"The first batch of 2024 rare earth mining quotas was set at {num}, {tag}."
    return Case(
        "2024-02-21", text, {("rare_earth", "mining", 2024, "batch:1", None, None, 135_000)},
        {"frame": "source tag names a company", "number": form},
    )  # fmt: skip


def frame_kept(rng: random.Random) -> Case:
    """ "kept the second batch unchanged at 120,000 t": the batch being set, not the earlier one."""
    num, form = amount_words(120_000, "rare_earth", rng)
    tail = rng.choice(
        ["unchanged from the first batch", "the same as the first batch", "flat on the first batch"]
    )
    verb = rng.choice(["kept", "held", "left"])
    text = f"China {verb} the second batch of 2023 rare earth mining quotas at {num}, {tail}."
    return Case(
        "2023-09-25", text, {("rare_earth", "mining", 2023, "batch:2", None, None, 120_000)},
        {"frame": "kept unchanged", "verb": verb, "number": form},
    )  # fmt: skip


def frame_mine_products(rng: random.Random) -> Case:
    """MIIT's "mine products" plan, "REO" after the figure, "rare earth concentrate"."""
    y = rng.choice([2019, 2021, 2024])
    tonnes = RECORD[("rare_earth", "mining", y, "annual", None, None)]
    num, form = amount_words(tonnes, "rare_earth", rng)
    num = num.replace(" of REO", "")
    words = rng.choice(
        [f"the {y} quota for rare earth mine products",
         f"the {y} plan for rare earth mine products", f"the {y} mining quota",
         f"the {y} quota for rare earth concentrate"]
    )  # fmt: skip
    if "mining quota" in words:
        text = f"MIIT set {words} at {num} of REO."
    else:
        text = f"MIIT set {words} at {num} of rare earth oxide."
    return Case(
        f"{y}-06-01", text, {("rare_earth", "mining", y, "annual", None, None, tonnes)},
        {"frame": "mine products / REO", "type": words.split(f"{y} ")[1], "number": form},
    )  # fmt: skip


# --- company allocations (issue 10, item 3) ------------------------------------------------------
# 2024 batch 1 by group (DOMAIN.md): (holder, type, category) -> tonnes
GROUP_2024 = {
    ("china_northern_rare_earth", "mining", None): 94_580,
    ("china_northern_rare_earth", "smelting_separation", None): 88_010,
    ("china_rare_earth_group", "mining", None): 40_420,
    ("china_rare_earth_group", "smelting_separation", None): 38_990,
}
CREG_SPLIT_2024 = (30_280, 10_140)  # light, ion-adsorption (mining, batch 1)
GROUP_NAMES = {
    "china_northern_rare_earth": ["China Northern Rare Earth", "Northern Rare Earth", "CNRE",
                                  "Baotou Steel Rare Earth", "China Northern Rare Earth Group"],
    "china_rare_earth_group": ["China Rare Earth Group", "CREG", "China Rare Earths Group"],
}  # fmt: skip
GROUP_TYPE = {"mining": ["mining", "extraction"], "smelting_separation": ["smelting", "refining"]}
GRANT_VERBS = ["received", "got", "was allotted", "was allocated", "was granted", "was given"]


def _group_context(rng: random.Random) -> tuple[str | None, str, str]:
    """(headline, the batch words in the sentence, the axis value): the batch and year stated in
    the sentence, or carried from the headline."""
    if rng.random() < 0.5:
        return None, rng.choice(["in the first batch of 2024", "in the first 2024 batch"]), "said"
    title = rng.choice(
        ["China issues first batch of 2024 rare earth quotas",
         "Beijing sets first 2024 rare earth mining and smelting quotas"]
    )  # fmt: skip
    return title, "", "from headline"


def frame_group(rng: random.Random) -> Case:
    """A group's share, in the frames reporters use: verb, 'went to', possessive, 'of which',
    'respectively', bare pairs, per category, with a percent."""
    title, when, carried = _group_context(rng)
    t = rng.choice(["mining", "smelting_separation"])
    tw = rng.choice(GROUP_TYPE[t])
    hn, hc = "china_northern_rare_earth", "china_rare_earth_group"
    n_name, c_name = rng.choice(GROUP_NAMES[hn]), rng.choice(GROUP_NAMES[hc])
    nn, form = amount_words(GROUP_2024[(hn, t, None)], "rare_earth", rng)
    nc, _ = amount_words(GROUP_2024[(hc, t, None)], "rare_earth", rng)
    nn, nc = nn.replace(" of REO", ""), nc.replace(" of REO", "")
    both: set[Key] = {
        ("rare_earth", t, 2024, "batch:1", None, hn, GROUP_2024[(hn, t, None)]),
        ("rare_earth", t, 2024, "batch:1", None, hc, GROUP_2024[(hc, t, None)]),
    }
    one: set[Key] = {("rare_earth", t, 2024, "batch:1", None, hn, GROUP_2024[(hn, t, None)])}
    w = f" {when}" if when else ""
    frame = rng.choice(
        ["verb", "went to", "possessive", "of which", "respectively", "pair", "percent",
         "allocation to", "quota rose", "against"]
    )  # fmt: skip
    if frame == "verb":
        verb = rng.choice(GRANT_VERBS)
        text, exp = f"{n_name} {verb} {nn} of rare earth {tw} quotas{w}.", one
    elif frame == "went to":
        text = f"Of the rare earth {tw} quotas{w}, {nn} went to {n_name} and {nc} to {c_name}."
        exp = both
    elif frame == "possessive":
        noun = rng.choice(["allocation", "share", "quota"])
        if noun == "quota":
            text = f"{n_name}'s rare earth {tw} quota{w} was {nn}."
        else:
            text = f"{n_name}'s {noun} of the rare earth {tw} quotas{w} was {nn}."
        exp = one
    elif frame == "of which":
        total = RECORD[("rare_earth", t, 2024, "batch:1", None, None)]
        tot, _ = amount_words(total, "rare_earth", rng)
        text = f"The rare earth {tw} quota{w} was set at {tot}, of which {n_name} got {nn}."
        exp = one | {("rare_earth", t, 2024, "batch:1", None, None, total)}
    elif frame == "respectively":
        verb = rng.choice(["received", "got", "were allotted", "were allocated"])
        text = (
            f"{n_name} and {c_name} {verb} {nn} and {nc} of rare earth {tw} quotas{w} respectively."
        )
        exp = both
    elif frame == "pair":
        text = f"By group, the rare earth {tw} quotas{w} went to {n_name} {nn} and {c_name} {nc}."
        exp = both
    elif frame == "allocation to":
        noun = rng.choice(["allocation", "allotment"])
        text = f"The {noun} to {n_name} was {nn} of rare earth {tw} quota{w}."
        exp = one
    elif frame == "quota rose":
        verb = rng.choice(["rose to", "was raised to", "increased to", "came to"])
        text = f"{n_name}'s rare earth {tw} quota{w} {verb} {nn}."
        exp = one
    elif frame == "against":
        word = rng.choice(["against", "compared with", "versus"])
        text = f"{n_name}'s rare earth {tw} quota{w} was {nn}, {word} {nc} for {c_name}."
        exp = both
    else:
        text = (
            f"{n_name} received {nn} of the rare earth {tw} quotas{w}, or about 70% of the total."
        )
        exp = one
    return Case(
        "2024-02-21", text, exp,
        {"frame": f"group {frame}", "holder": n_name, "batch": carried, "number": form},
        title=title,
    )  # fmt: skip


def frame_group_layout(rng: random.Random) -> Case:
    """Lists ('- X: N t'), two columns ('X: mining N t, smelting M t'), text tables ('X | N | M'
    under a header naming the types), per category ('X received N t of light and M t of ...')."""
    title, _, _ = _group_context(rng)
    title = title or "China issues first batch of 2024 rare earth quotas"
    hn, hc = "china_northern_rare_earth", "china_rare_earth_group"
    names = {h: rng.choice(GROUP_NAMES[h]) for h in (hn, hc)}
    layout = rng.choice(["list", "two columns", "table", "per category", "category table"])
    fmt = rng.choice(["{:,} t", "{:,} tonnes", "{:,}"])

    def amt(x: int) -> str:
        return fmt.format(x) if layout != "two columns" or fmt != "{:,}" else f"{x:,} t"

    exp: set[Key] = set()
    if layout == "list":
        t = rng.choice(["mining", "smelting_separation"])
        tw = rng.choice(GROUP_TYPE[t])
        bullet = rng.choice(["- ", "* ", ""])
        lines = [f"Rare earth {tw} quotas by group:"]
        for h in (hn, hc):
            lines.append(f"{bullet}{names[h]}: {amt(GROUP_2024[(h, t, None)])}")
            exp.add(("rare_earth", t, 2024, "batch:1", None, h, GROUP_2024[(h, t, None)]))
        text = "\n".join(lines)
    elif layout == "two columns":
        lines = []
        for h in (hn, hc):
            m, s = GROUP_2024[(h, "mining", None)], GROUP_2024[(h, "smelting_separation", None)]
            lines.append(f"{names[h]}: mining {amt(m)}, smelting {amt(s)}.")
            exp.add(("rare_earth", "mining", 2024, "batch:1", None, h, m))
            exp.add(("rare_earth", "smelting_separation", 2024, "batch:1", None, h, s))
        text = "\n".join(lines)
    elif layout == "table":
        sep = rng.choice([" | ", "\t"])
        head = rng.choice(
            [("Mining", "Smelting"), ("Mining quota", "Smelting and separation quota")]
        )
        lines = [sep.join(["Group", *head])]
        for h in (hn, hc):
            m, s = GROUP_2024[(h, "mining", None)], GROUP_2024[(h, "smelting_separation", None)]
            lines.append(sep.join([names[h], f"{m:,}", f"{s:,}"]))
            exp.add(("rare_earth", "mining", 2024, "batch:1", None, h, m))
            exp.add(("rare_earth", "smelting_separation", 2024, "batch:1", None, h, s))
        text = "\n".join(lines)
    elif layout == "category table":
        light, heavy = CREG_SPLIT_2024
        sep = rng.choice([" | ", "\t"])
        head = rng.choice([("Light", "Ion-adsorption"), ("Rock-type", "Ionic clay"),
                           ("Light rare earths", "Medium and heavy rare earths")])  # fmt: skip
        text = "\n".join(
            ["Rare earth mining quotas by group (t):", sep.join(["Group", *head]),
             sep.join([names[hc], f"{light:,}", f"{heavy:,}"])]
        )  # fmt: skip
        exp = {
            ("rare_earth", "mining", 2024, "batch:1", "light", hc, light),
            ("rare_earth", "mining", 2024, "batch:1", "medium_heavy", hc, heavy),
        }
    else:
        light, heavy = CREG_SPLIT_2024
        hw = rng.choice(["ion-adsorption", "ionic", "medium and heavy"])
        verb = rng.choice(["received", "got", "was allocated"])
        text = (
            f"{names[hc]} {verb} {light:,} t of light and {heavy:,} t of {hw} rare earth "
            "mining quota."
        )
        exp = {
            ("rare_earth", "mining", 2024, "batch:1", "light", hc, light),
            ("rare_earth", "mining", 2024, "batch:1", "medium_heavy", hc, heavy),
        }
    return Case("2024-02-21", text, exp, {"frame": f"group {layout}", "number": fmt}, title=title)


GROUP_NEAR_MISSES = [
    "{n} produced 94,580 tonnes of rare earth oxide in 2023.",
    "{n}'s smelting capacity is 100,000 tonnes a year.",
    "{n} sold 38,990 tonnes of rare earth products last year.",
    "{n}'s net profit rose 12% to 2.4 billion yuan.",
    "Shares of {n} rose 4% after the quota was announced.",
]


def frame_group_near_miss(rng: random.Random) -> Case:
    """A group's output, sales, capacity or shares: no quota. A group named as the source of the
    national figure: the national figure."""
    name = rng.choice([*GROUP_NAMES["china_northern_rare_earth"], "China Rare Earth Group"])
    title = "China issues first batch of 2024 rare earth quotas"
    if rng.random() < 0.3:
        text = (
            f"{name} said the national rare earth mining quota for the first batch was 135,000 t."
        )
        exp: set[Key] = {("rare_earth", "mining", 2024, "batch:1", None, None, 135_000)}
        return Case("2024-02-21", text, exp, {"frame": "group as source"}, title=title)
    i = rng.randrange(len(GROUP_NEAR_MISSES))
    return Case(
        "2024-02-21", GROUP_NEAR_MISSES[i].format(n=name), set(),
        {"frame": f"group near miss {i}"}, title=title,
    )  # fmt: skip


# --- histories (issue 10, item 5): MLR's mining quotas and MOFCOM's export quotas ---------------
HISTORY = {
    "mining": {2008: 87_620, 2009: 82_320, 2010: 89_200, 2011: 93_800, 2012: 93_800,
               2013: 93_800, 2014: 105_000},
    "export": {2010: 30_258, 2011: 30_184, 2013: 31_001, 2014: 30_611},
}  # fmt: skip


def frame_years(rng: random.Random) -> Case:
    """Several years of one quota in one sentence or list: each figure its year's, annual."""
    t = rng.choice(["mining", "mining", "export"])
    table = HISTORY[t]
    years = sorted(rng.sample(sorted(table), 3))
    y0, y1, y2 = years
    a0, a1, a2 = (table[y] for y in years)
    tw = "mining" if t == "mining" else "export"
    n = [amount_words(a, "rare_earth", rng)[0].replace(" of REO", "") for a in (a0, a1, a2)]
    kind = rng.choice(["from..to..and", "respectively", "list", "down from", "kept since"])
    if t == "export" and kind == "kept since":
        kind = "respectively"
    exp: set[Key] = {("rare_earth", t, y, "annual", None, None, table[y]) for y in years}
    if kind == "from..to..and":
        verb = rng.choice(["went", "moved", "changed"])
        text = (
            f"China's rare earth {tw} quota {verb} from {n[0]} in {y0} to {n[1]} in {y1} and "
            f"{n[2]} in {y2}."
        )
    elif kind == "respectively":
        text = (
            f"The rare earth {tw} quotas were {n[0]}, {n[1]} and {n[2]} in {y0}, {y1} and {y2} "
            "respectively."
        )
    elif kind == "list":
        lines = [f"China's rare earth {tw} quotas by year:"]
        row = rng.choice(["{y}: {n:,} t", "{y} {n:,}", "- {y} - {n:,} tonnes", "{y}: {n:,}"])
        lines += [row.format(y=y, n=table[y]) for y in years]
        text = "\n".join(lines)
    elif kind == "down from":
        word = "up" if a2 > a1 else "down" if a2 < a1 else "unchanged"
        if word == "unchanged":
            text = f"The {y2} rare earth {tw} quota was {n[2]}, the same as in {y1}."
            exp = {("rare_earth", t, y2, "annual", None, None, a2)}
        else:
            text = f"The {y2} rare earth {tw} quota was {n[2]}, {word} from {n[1]} in {y1}."
            exp = {("rare_earth", t, y, "annual", None, None, table[y]) for y in (y1, y2)}
    else:
        text = "The rare earth mining quota has been kept at 93,800 tonnes since 2011."
        exp = {("rare_earth", "mining", 2011, "annual", None, None, 93_800)}
    return Case(f"{y2 + 1}-03-15", text, exp, {"frame": f"years {kind}", "type": tw})


def frame_again(rng: random.Random) -> Case:
    """ "N t in 2011 and again in 2012": one figure, two years."""
    y0, y1 = rng.choice([(2011, 2012), (2012, 2013)])
    num, form = amount_words(93_800, "rare_earth", rng)
    num = num.replace(" of REO", "")
    text = rng.choice(
        [f"The rare earth mining quota was {num} in {y0} and again in {y1}.",
         f"China set its rare earth mining quota at {num} in {y0} and again in {y1}.",
         f"Rare earth mining quotas stood at {num} in both {y0} and {y1}."]
    )  # fmt: skip
    exp: set[Key] = {("rare_earth", "mining", y, "annual", None, None, 93_800) for y in (y0, y1)}
    return Case(f"{y1 + 1}-02-01", text, exp, {"frame": "years again", "number": form})


# near misses: sentences about our commodities with tonnages that are no quota
NEAR_MISSES = [
    "China produced 240,000 tonnes of rare earths in {y}, the geological survey said.",
    "Rare earth output rose 14% to 210,000 tonnes in {y}, industry data showed.",
    "China exported 52,000 tonnes of rare earths in {y}, customs data showed.",
    "Exports of tungsten concentrate fell to 1,200 tonnes in {y}.",
    "Neodymium oxide prices rose to 450,000 yuan per tonne in {y}.",
    "The sugar import quota for {y} was kept at 1.945 million tonnes.",
    "Only half of the rare earth export quota was used in {y}, with 15,000 tonnes shipped.",
    "Rare earth miners sold 30,000 tonnes of concentrate to smelters in the first half of {y}.",
    "The company's quota of board seats was raised to 12 in {y}.",
    "Imports of rare earth ores from Myanmar reached 41,700 tonnes in {y}.",
    "China mined 168,000 tonnes of rare earths in {y}, slightly above the quota.",
    "Tungsten concentrate output reached 127,000 tonnes in {y}, the association said.",
    "Rare earth export volumes rose 8% to 48,000 tonnes in {y}, customs figures showed.",
    "The quota system for rare earths was reformed in {y} after 5,000 tonnes were smuggled.",
    "Antimony ingot prices climbed to 180,000 yuan a tonne in {y}.",
]


def frame_near_miss(rng: random.Random) -> Case:
    i = rng.randrange(len(NEAR_MISSES))
    y = rng.choice([2011, 2019, 2023])
    return Case(f"{y + 1}-01-20", NEAR_MISSES[i].format(y=y), set(), {"frame": f"near miss {i}"})


# --- the batch news of 2014-2025 (issue 10): one batch, both types, as reporters write it -------
# first batches by year: (mining, smelting and separation), and the batch a year before
FIRST_BATCHES = {y: (RECORD[("rare_earth", "mining", y, "batch:1", None, None)],
                     RECORD[("rare_earth", "smelting_separation", y, "batch:1", None, None)])
                 for y in (2020, 2021, 2022, 2023, 2024)}  # fmt: skip
BATCH_NUMBER_FORMS = ["comma tonnes", "comma mt", "kt", "spaced kt", "k tonnes", "t REO",
                      "tons of rare earth oxide (REO)", "metric tons", "spaced t"]  # fmt: skip
BATCH_NAMES = ["the first batch of {y} rare earth quotas", "the first tranche of {y} rare earth "
               "quotas", "the initial rare earth quota for {y}", "{y}'s first round of rare earth "
               "quotas", "the rare earth quota for the first half of {y}", "the H1 {y} rare earth "
               "quota"]  # fmt: skip
BATCH_STRUCTURES = [
    "respectively", "and for smelting", "while", "parenthesis", "lines", "headline only",
    "amounts to", "of which", "year's first", "increase of", "rose from to", "compared with",
]  # fmt: skip
BATCH_NEAR_MISSES = [
    "Analysts expect the first batch of {y} rare earth mining quotas at {n}.",
    "The first batch of {y} rare earth mining quotas could be set at {n}, traders said.",
    "The {y} rare earth mining quota is likely to reach {n}.",
    "Estimates of {n} for the first batch of {y} rare earth quotas circulated.",
    "Rare earth output in the first half of {y} reached {n}, the association said.",
    "China's rare earth smelting capacity is about {n}, well above the first batch of quotas.",
    "Rare earth ore imports rose to {n} in the first half of {y}, customs data showed.",
    "State stockpiles of rare earths were put at {n} ahead of the first batch of {y} quotas.",
    "Miners produced {n} of rare earth oxide under the first batch of {y} quotas.",
]


def batch_amount(tonnes: int, rng: random.Random) -> tuple[str, str]:
    """A batch figure in the forms of batch news: '84,000mt', '84 kt', '84k tonnes', '84,000 t
    REO', '84,000 tons of rare earth oxide (REO)', '270 000 t'."""
    forms = list(BATCH_NUMBER_FORMS)
    if tonnes % 1000:
        forms = [f for f in forms if f not in ("k tonnes",)]
    if tonnes % 100:
        forms = [f for f in forms if f not in ("kt", "spaced kt")]
    form = rng.choice(forms)
    k = f"{tonnes / 1000:g}"
    return {
        "comma tonnes": f"{tonnes:,} tonnes",
        "comma mt": f"{tonnes:,}mt",
        "kt": f"{k}kt",
        "spaced kt": f"{k} kt",
        "k tonnes": f"{k}k tonnes",
        "t REO": f"{tonnes:,} t REO",
        "tons of rare earth oxide (REO)": f"{tonnes:,} tons of rare earth oxide (REO)",
        "metric tons": f"{tonnes:,} metric tons",
        "spaced t": f"{tonnes:,} t".replace(",", " "),
    }[form], form


def frame_batch_news(rng: random.Random) -> Case:
    """A first batch of 2020-2024, both types, in the structures of batch news: respectively,
    'while', a parenthesis, short lines under a sentence, the batch in the headline only,
    'amounts to', 'of which', 'the year's first', 'an increase of 12.5% to', 'rose from N in
    2020 to M in 2021', 'compared with' the year before. Each figure is the batch's."""
    y = rng.choice(sorted(FIRST_BATCHES))
    m, s = FIRST_BATCHES[y]
    nm, form = batch_amount(m, rng)
    ns, _ = batch_amount(s, rng)
    structure = rng.choice(BATCH_STRUCTURES)
    name = rng.choice(BATCH_NAMES).format(y=y)
    pub = f"{y}-{rng.randint(2, 6):02d}-{rng.randint(1, 28):02d}"
    grow = rng.choice(["", ", up {p}% from a year earlier"])
    prev = FIRST_BATCHES.get(y - 1)
    pct = f"{(m / prev[0] - 1) * 100:.1f}" if prev else ""
    grow = grow.format(p=pct) if prev else ""
    mining = ("rare_earth", "mining", y, "batch:1", None, None, m)
    smelting = ("rare_earth", "smelting_separation", y, "batch:1", None, None, s)
    both: set[Key] = {mining, smelting}
    title = None
    sub = rng.choice(["China", "Beijing", "The industry ministry"])
    tw = rng.choice(["smelting and separation", "smelting", "separation and smelting"])
    if structure == "respectively":
        text = f"{sub} set {name} at {nm} and {ns} for mining and {tw} respectively."
    elif structure == "and for smelting":
        text = f"{sub} set {name} at {nm} for mining{grow}, and {ns} for {tw}."
    elif structure == "while":
        text = f"The mining quota in {name} was {nm}{grow}, while the {tw} quota was {ns}."
    elif structure == "parenthesis":
        text = f"{sub} issued {name} for mining ({nm}) and {tw} ({ns})."
    elif structure == "lines":
        bullet = rng.choice(["", "- ", "* "])
        text = (f"{sub} issued {name} on Tuesday.\n{bullet}Mining: {nm}\n"
                f"{bullet}{tw[0].upper()}{tw[1:]}: {ns}")  # fmt: skip
    elif structure == "headline only":
        title = f"China issues first batch of {y} rare earth quotas"
        text = f"The mining quota is {nm}{grow}, and the {tw} quota {ns}."
    elif structure == "amounts to":
        verb = rng.choice(["amounts to", "equals", "comes to", "totals", "stands at"])
        text = f"The mining part of {name} {verb} {nm}{grow}."
        both = {mining}
    elif structure == "of which":
        text = f"{sub} issued {name}, of which {nm} is for mining and {ns} for {tw}."
    elif structure == "year's first":
        text = f"The year's first rare earth mining quota, issued in {y}, was {nm}{grow}."
        both = {mining}
    elif structure == "increase of":
        if not prev:
            text = f"{sub} set {name} at {nm} for mining."
        else:
            text = f"The mining quota in {name} saw an increase of {pct}% to {nm}."
        both = {mining}
    elif structure == "rose from to" and prev:
        old, _ = batch_amount(prev[0], rng)
        verb = rng.choice(["rose", "climbed", "went", "increased"])
        text = (f"The first batch of rare earth mining quotas {verb} from {old} in {y - 1} to "
                f"{nm} in {y}.")  # fmt: skip
        both = {mining, ("rare_earth", "mining", y - 1, "batch:1", None, None, prev[0])}
    elif structure == "compared with" and prev:
        old, _ = batch_amount(prev[0], rng)
        word = rng.choice(["compared with", "against", "versus"])
        text = f"The mining quota in {name} was {nm}, {word} {old} in the first batch of {y - 1}."
        both = {mining, ("rare_earth", "mining", y - 1, "batch:1", None, None, prev[0])}
    else:
        structure = "respectively"
        text = f"{sub} set {name} at {nm} and {ns} for mining and {tw} respectively."
    name_axis = name.replace(str(y), "Y")
    return Case(
        pub, text, both,
        {"frame": f"batch {structure}", "batch name": name_axis, "number": form,
         "growth": "up % from" if grow else "none"}, title=title,
    )  # fmt: skip


# second batches and the year they complete: year -> (mining, smelting, mining year, smelting year)
SECOND_BATCHES = {2022: (109_200, 104_800, 210_000, 202_000),
                  2024: (135_000, 127_000, 270_000, 254_000)}  # fmt: skip
TOTAL_REACHED_WORDS = [
    "That brings the total mining quota for the year to {t}.",
    "This takes the year's mining total to {t}.",
    "The batch lifts the total for the year to {t}.",
    "That brought the full-year mining quota to {t}.",
]
NEXT_TYPE_WORDS = [
    "The ministry also set the {tw} quota at {n}.",
    "Additionally, the ministry set the {tw} quota for rare earths at {n}, up {p}% from the "
    "previous year.",
    "Separately, the {tw} quota was set at {n}.",
    "The {tw} quota was {n}.",
]


def frame_batch_story(rng: random.Random) -> Case:
    """A second batch's story: the mining batch, the year's total it reaches in a sentence of
    its own, perhaps background, then the other type's figure: the batch's, not the year's."""
    y = rng.choice(sorted(SECOND_BATCHES))
    m, s, mt, _st = SECOND_BATCHES[y]
    nm, form = batch_amount(m, rng)
    ns, _ = batch_amount(s, rng)
    nt, _ = batch_amount(mt, rng)
    i = rng.randrange(len(TOTAL_REACHED_WORDS))
    j = rng.randrange(len(NEXT_TYPE_WORDS))
    tw = rng.choice(["smelting and separation", "smelting", "separation and smelting"])
    lines = [
        f"China issued its second batch of {y} rare earth mining quotas at {nm}, the industry "
        "ministry said.",
        TOTAL_REACHED_WORDS[i].format(t=nt),
    ]
    background = rng.random() < 0.5
    if background:
        lines.append("Rare earths are a group of 17 elements used in magnets and lasers.")
    lines.append(NEXT_TYPE_WORDS[j].format(tw=tw, n=ns, p=10))
    exp: set[Key] = {
        ("rare_earth", "mining", y, "batch:2", None, None, m),
        ("rare_earth", "mining", y, "annual", None, None, mt),
        ("rare_earth", "smelting_separation", y, "batch:2", None, None, s),
    }
    return Case(
        f"{y}-08-{rng.randint(2, 28):02d}", rng.choice([" ", "\n"]).join(lines), exp,
        {"frame": f"batch story {i}", "next type": f"next type {j}", "number": form,
         "background": "yes" if background else "no"},
    )  # fmt: skip


def frame_batch_near_miss(rng: random.Random) -> Case:
    """Forecasts, output, capacity, imports and stockpiles beside a batch: no fact."""
    i = rng.randrange(len(BATCH_NEAR_MISSES))
    y = rng.choice([2021, 2023, 2024])
    n, _ = batch_amount(rng.choice([84_000, 120_000, 135_000]), rng)
    pub = f"{y}-01-{rng.randint(2, 28):02d}"
    text = BATCH_NEAR_MISSES[i].format(y=y, n=n)
    return Case(pub, text, set(), {"frame": f"batch near miss {i}"})


FRAMES: list[Callable[[random.Random], Case]] = [
    frame_active, frame_active, frame_passive, frame_possessive, frame_quota_of, frame_allow,
    frame_cumulative, frame_export, frame_category, frame_holder, frame_carried, frame_near_miss,
    frame_near_miss, frame_tungsten_target, frame_production_in_export_story, frame_history,
    frame_source_tag, frame_kept, frame_mine_products, frame_group, frame_group,
    frame_group_layout, frame_group_layout, frame_group_near_miss, frame_years, frame_years,
    frame_again, frame_export_batch, frame_export_batch, frame_export_total, frame_export_split,
    frame_export_history, frame_export_near_miss, frame_batch_news, frame_batch_news,
    frame_batch_news, frame_batch_near_miss, frame_batch_story,
]  # fmt: skip


def generate(n: int, seed: int = 10) -> list[Case]:
    rng = random.Random(seed)
    return [rng.choice(FRAMES)(rng) for _ in range(n)]


def facts_of(case: Case) -> set[Key]:
    content = Content(
        title=case.title,
        published=datetime.fromisoformat(case.published),
        language="en",
        text=case.text,
    )
    return {fact.key() for fact in find_facts(content)}


def main(argv: list[str] | None = None) -> int:
    return run(argv, "wordings", __doc__.splitlines()[0], generate, facts_of, "sentences")


def run(
    argv: list[str] | None,
    name: str,
    description: str,
    generate: Callable[[int, int], list[Any]],
    facts_of: Callable[[Any], set[Key]],
    noun: str,
) -> int:
    """A grammar's command line (this one's and ``bench/wordings_zh.py``'s): generate the cases,
    read each, print the pass rate per capability, failures and the JSON line."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--n", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--show", type=int, default=0, help="list this many failures")
    parser.add_argument("--json", action="store_true", help="end with one JSON line")
    parser.add_argument("--sample", type=int, default=0, help=f"print this many {noun}")
    args = parser.parse_args(argv)
    cases = generate(args.n, args.seed)
    if args.sample:
        for case in cases[: args.sample]:
            print(case.published, "|", case.title or "-", "|", case.text.replace("\n", " / "))
        return 0
    tally: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    failures = []
    passed = 0
    for case in cases:
        got = facts_of(case)
        ok = got == case.expected
        passed += ok
        for axis, value in case.caps.items():
            tally[(axis, value)][0] += ok
            tally[(axis, value)][1] += 1
        if not ok:
            failures.append((case, got))
    print(f"{name}: {passed}/{len(cases)} {noun} give exactly their facts")
    print(f"  {'axis':<9} {'value':<44} {'pass':>5} {'of':>5} {'rate':>6}")
    for (axis, value), (ok_n, total) in sorted(tally.items(), key=lambda kv: kv[1][0] / kv[1][1]):
        print(f"  {axis:<9} {value[:44]:<44} {ok_n:>5} {total:>5} {ok_n / total:>6.3f}")
    for case, got in failures[: args.show]:
        print(f"\n{case.published} | {case.title or '-'} | {case.text}")
        print(f"  want {sorted(case.expected, key=str)}")
        print(f"  got  {sorted(got, key=str)}")
    if args.json:
        summary = {
            "sentences": len(cases),
            "passed": passed,
            "rate": round(passed / len(cases), 4),
            "capabilities": {f"{a}={v}": [o, t] for (a, v), (o, t) in sorted(tally.items())},
        }
        print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
