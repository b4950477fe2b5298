"""A held-out story grammar: whole short English news stories about the quotas, with their facts.

Where ``bench/wordings.py`` varies one sentence, this grammar composes whole stories the way wire
services, trade press, financial portals, Chinese English-language media and broker notes tell
them: a headline, sometimes a dateline or byline, two to eight sentences, sometimes a list or a
plain-text table, sometimes an unrelated paragraph (prices, output, shipments, a forecast, a
"Related" block) that must give no fact. Each story template is data (alternatives with slots);
a slot such as ``{a:m}`` both writes a figure and records the fact it states, so every case
carries exactly the facts its text states (../shared/FACTS.md). Figures are from the public
record (../shared/DOMAIN.md and dev-page labels); every sentence is ours, written without
knowledge of the extractor's rules. It is scored with the whole pipeline
(``extractors.extract_text``), as the real-page benchmark is.

A template is on one side of a fixed split: ``held`` when ``zlib.crc32(id) % 3 == 0``, else
``tune``. Tune rules on ``tune`` stories only; ``held`` tells whether they generalize.

    python bench/stories.py [--n 2000] [--seed 10] [--show 15] [--half tune|held|all] [--json]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import zlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.wordings import Case, Key, run  # one case shape and command line for all grammars
from extractors import extract_text

URL = "https://example.com/story"

RE, W, SB = "rare_earth", "tungsten", "antimony"
MIN, SME, EXP = "mining", "smelting_separation", "export"
LIGHT, MH, TP, TB = "light", "medium_heavy", "tungsten_primary", "tungsten_byproduct"

# --------------------------------------------------------------------------------------------
# The record (tonnes). Sources: DOMAIN.md tables and the facts of dev pages' labels.
# --------------------------------------------------------------------------------------------

# rare earth national batches: year, batch, published, mining, smelting, light, medium-heavy, last
RE_BATCHES: list[tuple[int, int, str, int, int | None, int | None, int | None, bool]] = [
    (2013, 1, "2013-05-14", 46900, None, 37950, 8950, False),
    (2015, 1, "2015-04-02", 52500, 50050, None, None, False),
    (2016, 1, "2016-05-20", 52500, None, 43550, 8950, False),
    (2017, 1, "2017-06-06", 52500, None, None, None, False),
    (2019, 1, "2019-03-12", 60000, 57500, 50425, 9575, False),
    (2019, 2, "2019-10-31", 72000, 69500, None, None, True),
    (2020, 1, "2020-01-14", 66000, 63500, 56425, 9575, False),
    (2020, 2, "2020-08-27", 74000, 71500, None, None, True),
    (2021, 1, "2021-02-19", 84000, 81000, None, None, False),
    (2021, 2, "2021-07-27", 84000, 81000, None, None, True),
    (2022, 1, "2022-01-28", 100800, 97200, 89310, 11490, False),
    (2022, 2, "2022-09-22", 109200, 104800, None, None, True),
    (2023, 1, "2023-03-24", 120000, 115000, None, None, False),
    (2023, 2, "2023-09-27", 120000, 115000, None, None, False),
    (2023, 3, "2023-12-22", 15000, 13850, None, None, True),
    (2024, 1, "2024-02-06", 135000, 127000, 124860, 10140, False),
    (2024, 2, "2024-08-20", 135000, 127000, None, None, True),
]

# rare earth whole-year quotas: mining, smelting, light, medium-heavy
RE_ANNUAL: dict[int, tuple[int, int | None, int | None, int | None]] = {
    2009: (82320, None, 72300, 10020),
    2010: (89200, None, 77000, 12200),
    2011: (93800, None, 80400, 13400),
    2012: (93800, None, None, None),
    2013: (93800, None, 75900, 17900),
    2014: (105000, 100000, 87100, 17900),
    2015: (105000, 100000, None, None),
    2016: (105000, 100000, 87100, 17900),
    2017: (105000, 100000, None, None),
    2018: (120000, 115000, 100850, 19150),
    2019: (132000, 127000, None, None),
    2020: (140000, 135000, 120850, 19150),
    2021: (168000, 162000, None, None),
    2022: (210000, 202000, None, None),
    2023: (255000, 243850, None, None),
    2024: (270000, 254000, None, None),
}

# tungsten (65% WO3 concentrate) batches: year, batch, published, total, primary, by-product, last
W_BATCHES: list[tuple[int, int, str, int, int | None, int | None, bool]] = [
    (2018, 1, "2018-04-17", 63900, 51300, 12600, False),
    (2019, 1, "2019-04-23", 49835, 38005, 11830, False),
    (2020, 1, "2020-01-14", 52500, 39075, 13425, False),
    (2021, 1, "2021-02-19", 63000, 46890, 16110, False),
    (2022, 1, "2022-01-28", 63000, 46890, 16110, False),
    (2023, 1, "2023-03-24", 63000, None, None, False),
    (2024, 1, "2024-02-06", 62000, None, None, False),
    (2024, 2, "2024-08-20", 52000, None, None, True),
    (2025, 1, "2025-04-18", 58000, None, None, False),
]
W_ANNUAL: dict[int, tuple[int, int | None, int | None]] = {
    2010: (80000, 66480, 13520),
    2011: (87000, None, None),
    2013: (89000, 71000, 18000),
    2016: (91300, 73200, 18100),
    2017: (91300, None, None),
    2018: (100000, 76150, 23850),
    2020: (105000, 78150, 26850),
    2023: (111000, None, None),
    2024: (114000, None, None),
}
# tungsten mining by province, whole year
W_PROVINCES: dict[int, dict[str, int]] = {
    2013: {
        "jiangxi": 37750,
        "hunan": 23100,
        "henan": 6000,
        "yunnan": 6000,
        "guangdong": 3260,
        "guangxi": 3000,
        "fujian": 2900,
        "gansu": 1710,
        "neimenggu": 1500,
        "heilongjiang": 1100,
    },
    2017: {"jiangxi": 38450, "hunan": 23600},
}

# MIIT's mandatory production plan before the joint notices (mine products, smelting products)
MIIT_PLAN = {2008: (130000, 118900), 2009: (119500, 110700)}

# export quotas (MOFCOM): year -> (batch 1, batch 2, whole year)
RE_EXPORT: dict[int, tuple[int | None, int | None, int | None]] = {
    2006: (None, None, 61560),
    2009: (21728, 28417, 50145),
    2010: (22282, 7976, 30258),
    2011: (14446, 15738, 30184),
    2012: (24904, None, 30996),
    2013: (15501, None, 30999),
    2014: (15110, 15501, 30611),
}
RE_EXPORT_SPLIT = {(2013, 1): (13563, 1938), (2014, 1): (13314, 1796), (2014, 2): (13692, 1809)}
W_EXPORT = {2007: 15400, 2008: 14900, 2009: 14600, 2010: 14300, 2011: 15700, 2012: 15400}
SB_EXPORT = {2011: 60300, 2012: 59400}
# export quotas by company: (year, batch) -> company -> (total, light, medium-heavy)
RE_EXPORT_CO: dict[tuple[int, int], dict[str, tuple[int, int | None, int | None]]] = {
    (2013, 1): {"minmetals": (883, 710, 173), "northern": (1811, None, None)},
    (2013, 2): {"northern": (537, 509, 28), "chinalco": (469, None, None), "gd": (651, 572, 79)},
    (2014, 2): {"minmetals": (718, 604, 114), "gd": (631, 544, 87)},
}

# US Geological Survey estimates of China's rare earth mine production (not quotas, though
# they often equal them): a near miss
USGS_MINE_OUTPUT = {
    2018: 120000,
    2019: 132000,
    2020: 140000,
    2021: 168000,
    2022: 210000,
    2023: 240000,
    2024: 270000,
}

COMPANY = {
    "northern": "china_northern_rare_earth",
    "creg": "china_rare_earth_group",
    "xtc": "xiamen_tungsten",
    "gd": "guangdong_rare_earth",
    "minmetals": "china_minmetals",
    "chinalco": "chinalco_rare_earth",
    "southern": "china_southern_rare_earth",
}
GROUPS_OF_ERA = {
    6: ["northern", "chinalco", "minmetals", "xtc", "southern", "gd"],
    4: ["creg", "northern", "xtc", "gd"],
    2: ["creg", "northern"],
}

# holder naming styles: each holder's aliases by style (falls back to "short")
ALIASES: dict[str, dict[str, list[str]]] = {
    "china_northern_rare_earth": {
        "full": [
            "China Northern Rare Earth (Group) High-Tech Co",
            "China Northern Rare Earth Group High-Tech",
        ],
        "short": ["Northern Rare Earth", "China Northern Rare Earth", "China North Rare Earth"],
        "abbr": ["CNRE"],
        "legacy": ["Baotou Steel Rare Earth", "Baotou Steel Rare-Earth (Group) Hi-Tech"],
    },
    "china_rare_earth_group": {
        "full": ["China Rare Earth Group Co", "China Rare Earth Group Co., Ltd."],
        "short": ["China Rare Earth Group", "China Rare Earths Group"],
        "abbr": ["CREG"],
    },
    "xiamen_tungsten": {
        "full": ["Xiamen Tungsten Co"],
        "short": ["Xiamen Tungsten"],
        "abbr": ["XTC"],
    },
    "guangdong_rare_earth": {
        "full": ["Guangdong Rare Earth Industry Group"],
        "short": ["Guangdong Rare Earth"],
        "abbr": ["Guangdong Rising"],
        "legacy": ["Guangsheng", "Guangdong Rising"],
    },
    "china_minmetals": {
        "full": ["China Minmetals Corp"],
        "short": ["China Minmetals"],
        "abbr": ["Minmetals"],
    },
    "chinalco_rare_earth": {
        "full": ["Aluminum Corp of China (Chinalco)", "Aluminum Corporation of China"],
        "short": ["Chinalco"],
        "abbr": ["Chinalco"],
        "legacy": ["Chinalco Rare Earth"],
    },
    "china_southern_rare_earth": {
        "full": ["China Southern Rare Earth Group"],
        "short": ["China Southern Rare Earth", "Southern Rare Earth"],
        "legacy": ["Ganzhou Rare Earth", "Ganzhou Rare Earth Group"],
    },
    "province:neimenggu": {
        "full": ["Inner Mongolia Autonomous Region"],
        "short": ["Inner Mongolia"],
    },
    "province:jiangxi": {"full": ["Jiangxi province"], "short": ["Jiangxi"]},
    "province:hunan": {"full": ["Hunan province"], "short": ["Hunan"]},
    "province:henan": {"full": ["Henan province"], "short": ["Henan"]},
    "province:yunnan": {"full": ["Yunnan province"], "short": ["Yunnan"]},
    "province:guangdong": {"full": ["Guangdong province"], "short": ["Guangdong"]},
    "province:guangxi": {"full": ["Guangxi Zhuang Autonomous Region"], "short": ["Guangxi"]},
    "province:fujian": {"full": ["Fujian province"], "short": ["Fujian"]},
    "province:gansu": {"full": ["Gansu province"], "short": ["Gansu"]},
    "province:heilongjiang": {"full": ["Heilongjiang province"], "short": ["Heilongjiang"]},
}

ORD = {1: ("first", "1st"), 2: ("second", "2nd"), 3: ("third", "3rd")}
MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# --------------------------------------------------------------------------------------------
# Scenarios: one set of facts a story can state, with the words that go with them.
# --------------------------------------------------------------------------------------------


@dataclass
class Scenario:
    pub: str
    facts: dict[str, Key] = field(default_factory=dict)
    vals: dict[str, Any] = field(default_factory=dict)


def _k(
    com: str, qt: str, year: int, period: str, cat: str | None, holder: str | None, t: Any
) -> Key:
    """One fact's key; `t` is a figure of the record (a table's None never reaches here)."""
    assert isinstance(t, int), t
    return (com, qt, year, period, cat, holder, t)


def _batch_words(n: int) -> dict[str, Any]:
    return {"nth": ORD[n][0], "Nth": ORD[n][0].capitalize(), "nord": ORD[n][1], "N": n}


def re_batch_scenarios() -> list[Scenario]:
    by = {(r[0], r[1]): r for r in RE_BATCHES}
    out = []
    for y, n, pub, m, s, ml, mh, last in RE_BATCHES:
        sc = Scenario(pub, vals={"Y": y, "PY": y - 1, **_batch_words(n)})
        f = sc.facts
        per = f"batch:{n}"
        f["m"] = _k(RE, MIN, y, per, None, None, m)
        if s:
            f["s"] = _k(RE, SME, y, per, None, None, s)
        if ml:
            f["ml"] = _k(RE, MIN, y, per, LIGHT, None, ml)
            f["mh"] = _k(RE, MIN, y, per, MH, None, mh)
        prev = by.get((y - 1, n))
        if prev and prev[3] != m:
            f["pm"] = _k(RE, MIN, y - 1, per, None, None, prev[3])
            if prev[4] and s and prev[4] != s:
                f["ps"] = _k(RE, SME, y - 1, per, None, None, prev[4])
        if prev and prev[3] == m:
            sc.vals["flat"] = True
        prev2 = by.get((y - 2, n))
        if prev and prev2 and prev[3] != m and prev2[3] != prev[3]:
            f["ppm"] = _k(RE, MIN, y - 2, per, None, None, prev2[3])
            sc.vals["PPY"] = y - 2
        if n >= 2:
            sc.vals["Nw"] = {2: "two", 3: "three"}[n]
            sc.vals["is2"] = n == 2 or None
            rows = [by[(y, i)] for i in range(1, n + 1) if (y, i) in by]
            if len(rows) == n:
                first = rows[0]
                f["b1m"] = _k(RE, MIN, y, "batch:1", None, None, first[3])
                cm = sum(r[3] for r in rows)
                f["cm"] = _k(RE, MIN, y, f"cumulative:{n}", None, None, cm)
                smelting = [r[4] for r in rows if r[4]]
                if len(smelting) == n:
                    f["b1s"] = _k(RE, SME, y, "batch:1", None, None, smelting[0])
                    f["cs"] = _k(RE, SME, y, f"cumulative:{n}", None, None, sum(smelting))
                if first[3] == m:
                    sc.vals["same_as_first"] = True
                if n == 3:
                    f["b2m"] = _k(RE, MIN, y, "batch:2", None, None, rows[1][3])
                    f["b2s"] = _k(RE, SME, y, "batch:2", None, None, smelting[1])
                    f["c2m"] = _k(RE, MIN, y, "cumulative:2", None, None, rows[0][3] + rows[1][3])
                    f["c2s"] = _k(RE, SME, y, "cumulative:2", None, None, sum(smelting[:2]))
        if last:
            am, as_, _, _ = RE_ANNUAL[y]
            f["am"] = _k(RE, MIN, y, "annual", None, None, am)
            if as_:
                f["as"] = _k(RE, SME, y, "annual", None, None, as_)
            if y - 1 in RE_ANNUAL and RE_ANNUAL[y - 1][0] != am:
                f["pam"] = _k(RE, MIN, y - 1, "annual", None, None, RE_ANNUAL[y - 1][0])
                if RE_ANNUAL[y - 1][1]:
                    f["pas"] = _k(RE, SME, y - 1, "annual", None, None, RE_ANNUAL[y - 1][1])
        out.append(sc)
    return out


def re_annual_scenarios() -> list[Scenario]:
    out = []
    for y, (m, s, ml, mh) in RE_ANNUAL.items():
        if y < 2014:
            continue
        for pub in (f"{y}-12-28", f"{y + 1}-0{1 + y % 3}-1{y % 9}"):
            sc = Scenario(pub, vals={"Y": y, "PY": y - 1})
            f = sc.facts
            f["m"] = _k(RE, MIN, y, "annual", None, None, m)
            if s:
                f["s"] = _k(RE, SME, y, "annual", None, None, s)
            if ml:
                f["ml"] = _k(RE, MIN, y, "annual", LIGHT, None, ml)
                f["mh"] = _k(RE, MIN, y, "annual", MH, None, mh)
            pm, ps, _, _ = RE_ANNUAL.get(y - 1, (None, None, None, None))
            if pm and pm != m:
                f["pm"] = _k(RE, MIN, y - 1, "annual", None, None, pm)
                if ps and s and ps != s:
                    f["ps"] = _k(RE, SME, y - 1, "annual", None, None, ps)
            if pm == m:
                sc.vals["flat"] = True
            out.append(sc)
    return out


def group_scenarios() -> list[Scenario]:
    """Allocations to the state groups (and, before them, to provinces)."""
    nb, cg = COMPANY["northern"], COMPANY["creg"]
    out = []
    # 2024 first batch: two groups
    sc = Scenario(
        "2024-02-06",
        vals={
            "Y": 2024,
            "PY": 2023,
            "era": 2,
            "per_adj": "first-batch",
            "per_np": "first batch",
            **_batch_words(1),
        },
    )
    p = "batch:1"
    sc.facts.update(
        m=_k(RE, MIN, 2024, p, None, None, 135000),
        s=_k(RE, SME, 2024, p, None, None, 127000),
        ml=_k(RE, MIN, 2024, p, LIGHT, None, 124860),
        mh=_k(RE, MIN, 2024, p, MH, None, 10140),
        n_m=_k(RE, MIN, 2024, p, None, nb, 94580),
        n_ml=_k(RE, MIN, 2024, p, LIGHT, nb, 94580),
        n_s=_k(RE, SME, 2024, p, None, nb, 88010),
        c_m=_k(RE, MIN, 2024, p, None, cg, 40420),
        c_ml=_k(RE, MIN, 2024, p, LIGHT, cg, 30280),
        c_mh=_k(RE, MIN, 2024, p, MH, cg, 10140),
        c_s=_k(RE, SME, 2024, p, None, cg, 38990),
    )
    out += [sc, sc]  # the only year with every group's figures: weigh it twice
    # 2015 and 2016 first batches: six groups, Northern's figures public
    for y, pub, ns, s, ml, mh in (
        (2015, "2015-04-02", 25960, 50050, None, None),
        (2016, "2016-05-20", None, None, 43550, 8950),
    ):
        sc = Scenario(
            pub,
            vals={
                "Y": y,
                "PY": y - 1,
                "era": 6,
                "era6": True,
                "per_adj": "first-batch",
                "per_np": "first batch",
                **_batch_words(1),
            },
        )
        sc.facts.update(
            m=_k(RE, MIN, y, p, None, None, 52500), n_m=_k(RE, MIN, y, p, None, nb, 29750)
        )
        if ns:
            sc.facts["n_s"] = _k(RE, SME, y, p, None, nb, ns)
            sc.facts["s"] = _k(RE, SME, y, p, None, None, s)
        if ml:
            sc.facts["ml"] = _k(RE, MIN, y, p, LIGHT, None, ml)
            sc.facts["mh"] = _k(RE, MIN, y, p, MH, None, mh)
        out.append(sc)
    # 2020 whole year: six groups, Northern's light-type figure
    sc = Scenario(
        "2020-12-30",
        vals={
            "Y": 2020,
            "PY": 2019,
            "era": 6,
            "era6": True,
            "per_adj": "full-year",
            "per_np": "annual allocation",
        },
    )
    a = "annual"
    sc.facts.update(
        m=_k(RE, MIN, 2020, a, None, None, 140000),
        s=_k(RE, SME, 2020, a, None, None, 135000),
        ml=_k(RE, MIN, 2020, a, LIGHT, None, 120850),
        mh=_k(RE, MIN, 2020, a, MH, None, 19150),
        n_ml=_k(RE, MIN, 2020, a, LIGHT, nb, 68550),
    )
    out.append(sc)
    # four-group years: national figures, groups named without figures
    for y, n, pub, m, s in (
        (2022, 1, "2022-01-28", 100800, 97200),
        (2023, 1, "2023-03-24", 120000, 115000),
        (2022, 2, "2022-09-22", 109200, 104800),
    ):
        sc = Scenario(
            pub,
            vals={
                "Y": y,
                "PY": y - 1,
                "era": 4,
                "era4": True,
                "per_adj": f"{ORD[n][0]}-batch",
                "per_np": f"{ORD[n][0]} batch",
                **_batch_words(n),
            },
        )
        sc.facts.update(
            m=_k(RE, MIN, y, f"batch:{n}", None, None, m),
            s=_k(RE, SME, y, f"batch:{n}", None, None, s),
        )
        out.append(sc)
    return out


def province_scenarios() -> list[Scenario]:
    out = []
    for y, pub, im, jx in ((2017, "2017-06-06", 29750, 4500), (2018, "2018-04-17", 41650, 6300)):
        sc = Scenario(
            pub,
            vals={
                "Y": y,
                "PY": y - 1,
                "per_adj": "first-batch",
                "per_np": "first batch",
                **_batch_words(1),
            },
        )
        sc.facts.update(
            im_ml=_k(RE, MIN, y, "batch:1", LIGHT, "province:neimenggu", im),
            jx_mh=_k(RE, MIN, y, "batch:1", MH, "province:jiangxi", jx),
        )
        if y == 2017:
            sc.facts["m"] = _k(RE, MIN, y, "batch:1", None, None, 52500)
        out.append(sc)
    return out


def tungsten_scenarios() -> list[Scenario]:
    by = {(r[0], r[1]): r for r in W_BATCHES}
    re_same_notice = {
        (2019, 1): 60000,
        (2020, 1): 66000,
        (2021, 1): 84000,
        (2022, 1): 100800,
        (2024, 1): 135000,
        (2024, 2): 135000,
    }
    out = []
    for y, n, pub, t, tp, tb, last in W_BATCHES:
        sc = Scenario(pub, vals={"Y": y, "PY": y - 1, **_batch_words(n)})
        f, per = sc.facts, f"batch:{n}"
        f["w"] = _k(W, MIN, y, per, None, None, t)
        if tp:
            f["wp"] = _k(W, MIN, y, per, TP, None, tp)
            f["wb"] = _k(W, MIN, y, per, TB, None, tb)
        prev = by.get((y - 1, n))
        if prev and prev[3] != t:
            f["pw"] = _k(W, MIN, y - 1, per, None, None, prev[3])
        if prev and prev[3] == t:
            sc.vals["flat"] = True
        if n == 2:
            f["w1"] = _k(W, MIN, y, "batch:1", None, None, by[(y, 1)][3])
        if last:
            f["wa"] = _k(W, MIN, y, "annual", None, None, W_ANNUAL[y][0])
            if y - 1 in W_ANNUAL:
                f["pwa"] = _k(W, MIN, y - 1, "annual", None, None, W_ANNUAL[y - 1][0])
        if y == 2025:
            sc.vals["reported"] = True
        if (y, n) in re_same_notice:
            f["rm"] = _k(RE, MIN, y, per, None, None, re_same_notice[(y, n)])
        out.append(sc)
    for y, (t, tp, tb) in W_ANNUAL.items():
        sc = Scenario(f"{y}-12-2{y % 8}", vals={"Y": y, "PY": y - 1, "annual": True})
        sc.facts["w"] = _k(W, MIN, y, "annual", None, None, t)
        if y - 1 in W_ANNUAL and W_ANNUAL[y - 1][0] == t:
            sc.vals["flat"] = True
        if tp:
            sc.facts["wp"] = _k(W, MIN, y, "annual", TP, None, tp)
            sc.facts["wb"] = _k(W, MIN, y, "annual", TB, None, tb)
        if y - 1 in W_ANNUAL and W_ANNUAL[y - 1][0] != t:
            sc.facts["pw"] = _k(W, MIN, y - 1, "annual", None, None, W_ANNUAL[y - 1][0])
        for prov, v in W_PROVINCES.get(y, {}).items():
            sc.facts[f"p_{prov}"] = _k(W, MIN, y, "annual", None, f"province:{prov}", v)
        out.append(sc)
    return out


def _windows(series: dict[int, Any], size: int) -> list[list[int]]:
    years = sorted(series)
    return [years[i : i + size] for i in range(len(years) - size + 1)]


def history_scenarios() -> list[Scenario]:
    """Several years of whole-year mining quotas, named y0..y3 / m0..m3 (l*, h*: light, heavy)."""
    series = {y: v for y, v in RE_ANNUAL.items() if y <= 2018}
    out = []
    for size in (3, 4):
        for win in _windows(series, size):
            last = win[-1]
            sc = Scenario(
                f"{last + 1}-0{1 + last % 9}-0{1 + last % 8}", vals={"Y": last, "PY": last - 1}
            )
            for i, y in enumerate(win):
                m, s, ml, mh = series[y]
                sc.vals[f"y{i}"] = y
                sc.facts[f"m{i}"] = _k(RE, MIN, y, "annual", None, None, m)
                if ml:
                    sc.facts[f"l{i}"] = _k(RE, MIN, y, "annual", LIGHT, None, ml)
                    sc.facts[f"h{i}"] = _k(RE, MIN, y, "annual", MH, None, mh)
                if s:
                    sc.facts[f"s{i}"] = _k(RE, SME, y, "annual", None, None, s)
            out.append(sc)
    # the two series of 2008-2009 (MLR mining quota vs MIIT production plan)
    for pub in ("2010-03-08", "2010-11-19"):
        sc = Scenario(pub, vals={"Y": 2009, "PY": 2008, "y0": 2008, "y1": 2009})
        sc.facts.update(
            mlr=_k(RE, MIN, 2009, "annual", None, None, 82320),
            mlr_l=_k(RE, MIN, 2009, "annual", LIGHT, None, 72300),
            mlr_h=_k(RE, MIN, 2009, "annual", MH, None, 10020),
            plan_m=_k(RE, MIN, 2009, "annual", None, None, 119500),
            plan_s=_k(RE, SME, 2009, "annual", None, None, 110700),
            plan0_m=_k(RE, MIN, 2008, "annual", None, None, 130000),
            plan0_s=_k(RE, SME, 2008, "annual", None, None, 118900),
        )
        sc.vals["plan"] = True
        out.append(sc)
    return out


def export_scenarios() -> list[Scenario]:
    out = []
    for y, (b1, b2, a) in RE_EXPORT.items():
        for n, pub in ((1, f"{y - 1}-12-2{y % 9}"), (2, f"{y}-07-1{y % 9}")):
            if (n == 1 and not b1) or (n == 2 and not b2):
                continue
            half = ("first half", "second half")[n - 1]
            sc = Scenario(
                pub, vals={"Y": y, "PY": y - 1, **_batch_words(n), "export": True, "half": half}
            )
            f = sc.facts
            f["e"] = _k(RE, EXP, y, f"batch:{n}", None, None, b1 if n == 1 else b2)
            split = RE_EXPORT_SPLIT.get((y, n))
            if split:
                f["el"] = _k(RE, EXP, y, f"batch:{n}", LIGHT, None, split[0])
                f["eh"] = _k(RE, EXP, y, f"batch:{n}", MH, None, split[1])
            prev = RE_EXPORT.get(y - 1)
            if prev and prev[n - 1] and prev[n - 1] != f["e"][6]:
                f["pe"] = _k(RE, EXP, y - 1, f"batch:{n}", None, None, prev[n - 1])
            if n == 2:
                f["e1"] = _k(RE, EXP, y, "batch:1", None, None, b1)
                if a:
                    f["ea"] = _k(RE, EXP, y, "annual", None, None, a)
                if prev and prev[2]:
                    f["pea"] = _k(RE, EXP, y - 1, "annual", None, None, prev[2])
            if (y, n) in RE_EXPORT_CO:
                sc.vals["co"] = True
            for co, (t, lt, mt) in RE_EXPORT_CO.get((y, n), {}).items():
                f[f"x_{co}"] = _k(RE, EXP, y, f"batch:{n}", None, COMPANY[co], t)
                if lt:
                    f[f"xl_{co}"] = _k(RE, EXP, y, f"batch:{n}", LIGHT, COMPANY[co], lt)
                    f[f"xh_{co}"] = _k(RE, EXP, y, f"batch:{n}", MH, COMPANY[co], mt)
            out.append(sc)
    return out


def export_history_scenarios() -> list[Scenario]:
    out = []
    annual = {y: v[2] for y, v in RE_EXPORT.items() if v[2]}
    for size in (3, 4):
        for win in _windows(annual, size):
            last = win[-1]
            sc = Scenario(f"{last}-1{last % 3}-1{last % 9}", vals={"Y": last, "PY": last - 1})
            for i, y in enumerate(win):
                sc.vals[f"y{i}"] = y
                sc.facts[f"e{i}"] = _k(RE, EXP, y, "annual", None, None, annual[y])
            out.append(sc)
    for size in (3, 4):
        for win in _windows(W_EXPORT, size):
            last = win[-1]
            sc = Scenario(
                f"{last}-1{last % 3}-0{1 + last % 9}",
                vals={"Y": last, "PY": last - 1, "metal": "tungsten"},
            )
            for i, y in enumerate(win):
                sc.vals[f"y{i}"] = y
                sc.facts[f"e{i}"] = _k(W, EXP, y, "annual", None, None, W_EXPORT[y])
            if last in SB_EXPORT:
                sc.facts["sb"] = _k(SB, EXP, last, "annual", None, None, SB_EXPORT[last])
            out.append(sc)
    return out


def plain_scenarios() -> list[Scenario]:
    """Near misses: no figure is a quota; the year is only for the words."""
    pubs = [
        "2011-06-14",
        "2012-03-28",
        "2014-08-07",
        "2019-05-29",
        "2020-10-13",
        "2022-04-19",
        "2023-07-04",
        "2023-12-21",
        "2024-04-12",
        "2024-10-17",
        "2025-04-08",
        "2025-08-22",
    ]
    out = []
    for p in pubs:
        py = int(p[:4]) - 1
        vals: dict[str, Any] = {
            "Y": py + 1,
            "PY": py,
            "quiet": p >= "2025" or None,
            "late": p >= "2025-04-05" or None,
            "post_aug25": p >= "2025-08-01" or None,
            "nickel": p >= "2024" or None,
        }
        if py in USGS_MINE_OUTPUT:
            vals["usgs"] = f"{USGS_MINE_OUTPUT[py]:,}"
        out.append(Scenario(p, vals=vals))
    return out


def batch_table_scenarios() -> list[Scenario]:
    """Three consecutive years of first, second and whole-year quotas (y0..y2; b1_i, b2_i, t_i)."""
    by = {(r[0], r[1]): r for r in RE_BATCHES}
    out = []
    for last in (2021, 2022, 2023, 2024):
        sc = Scenario(f"{last + 1}-01-1{last % 7}", vals={"Y": last, "PY": last - 1})
        for i, y in enumerate(range(last - 2, last + 1)):
            sc.vals[f"y{i}"] = y
            for qt, col, suffix in ((MIN, 3, "m"), (SME, 4, "s")):
                sc.facts[f"b1{suffix}_{i}"] = _k(RE, qt, y, "batch:1", None, None, by[(y, 1)][col])
                sc.facts[f"b2{suffix}_{i}"] = _k(RE, qt, y, "batch:2", None, None, by[(y, 2)][col])
                sc.facts[f"t{suffix}_{i}"] = _k(
                    RE, qt, y, "annual", None, None, RE_ANNUAL[y][col - 3]
                )
        out.append(sc)
    return out


SCENARIOS: dict[str, list[Scenario]] = {
    "re_batch": re_batch_scenarios(),
    "re_annual": re_annual_scenarios(),
    "groups": group_scenarios(),
    "provinces": province_scenarios(),
    "tungsten": tungsten_scenarios(),
    "history": history_scenarios(),
    "export": export_scenarios(),
    "export_history": export_history_scenarios(),
    "plain": plain_scenarios(),
    "batch_table": batch_table_scenarios(),
}

# --------------------------------------------------------------------------------------------
# Rendering: a slot writes words and, for a figure, records the fact it states.
# --------------------------------------------------------------------------------------------

# one token: {kind} or {kind:arg}; arg may be "a/b" for two figures
TOKEN = re.compile(r"\{(\w+)(?::([\w/]+))?\}")

AXES = {
    "num": ("comma", "compact", "kt", "plain", "mt"),
    "years": ("explicit", "relative"),
    "naming": ("full", "short", "abbr", "legacy"),
    "dateline": ("none", "none", "wire", "city", "byline", "stamp"),
    "noise": (
        "none",
        "none",
        "none",
        "price",
        "output",
        "exports",
        "forecast",
        "related",
        "related_quota",
        "market",
    ),
}
UNITS = {
    "comma": ("tonnes", "tons", "metric tons", "tonnes"),
    "compact": ("t", " t"),
    "plain": (" tonnes", " t", " tons"),
    "mt": (" mt", " MT"),
}
DIRECTION = {  # kind: (word when the first figure is larger, when smaller)
    "up": ("up", "down"),
    "rose": ("rose", "fell"),
    "rise": ("rises", "falls"),
    "raise": ("raised", "cut"),
    "more": ("more", "less"),
    "incr": ("an increase", "a decrease"),
}
WIRE_TAGS = ("Reuters", "Bloomberg", "Xinhua", "SMM", "Argus", "Fastmarkets", "AP")
CITIES = ("BEIJING", "SHANGHAI", "HONG KONG", "SINGAPORE", "LONDON")
BYLINES = (
    "By Staff Reporter",
    "By Global Times",
    "By Mining Weekly Reporter",
    "By Li Wei",
    "By Asian Metal Team",
    "By Kitco News",
)


class Missing(Exception):
    """The scenario lacks a figure or a value the alternative needs: try another."""


@dataclass
class Render:
    sc: Scenario
    style: dict[str, str]
    rng: random.Random
    facts: set[Key] = field(default_factory=set)
    names: dict[str, str] = field(default_factory=dict)

    @property
    def pub(self) -> date:
        return date.fromisoformat(self.sc.pub)

    def fact(self, name: str) -> Key:
        if name not in self.sc.facts:
            raise Missing(name)
        return self.sc.facts[name]

    def val(self, name: str) -> Any:
        value = self.sc.vals.get(name)
        if value is None or value is False:
            raise Missing(name)
        return value

    def has(self, name: str) -> bool:
        return name in self.sc.facts or self.sc.vals.get(name) not in (None, False)

    def amount(self, t: int, bare: bool, commodity: str = RE) -> str:
        style, rng = self.style["num"], self.rng
        if bare:
            return str(t) if style == "plain" else f"{t:,}"
        if style == "kt" and t >= 10000 and t % 10 == 0:
            k = f"{t / 1000:.2f}".rstrip("0").rstrip(".")
            reo = (f"{k}kt REO",) if commodity == RE else ()
            return rng.choice((f"{k}kt", f"{k} kt", f"{k} thousand tonnes", *reo))
        if style == "kt":
            style = "comma"
        number = str(t) if style == "plain" else f"{t:,}"
        unit = rng.choice(UNITS[style])
        return f"{number} {unit}" if style == "comma" else f"{number}{unit}"

    def year(self, kind: str, y: int) -> str:
        pub, rng = self.pub.year, self.rng
        rel = self.style["years"] == "relative"
        if rel and y == pub:
            forms = {
                "in": ("this year", "this year"),
                "the": ("this year's",),
                "of": ("of this year",),
                "for": ("for this year", "for the current year"),
                "ago": ("this year",),
            }
        elif rel and y == pub - 1:
            forms = {
                "in": ("last year", "in the previous year"),
                "the": ("last year's",),
                "of": ("of last year",),
                "for": ("for last year",),
                "ago": ("a year earlier", "a year ago", "last year"),
            }
        else:
            forms = {
                "in": (f"in {y}",),
                "the": (f"the {y}",),
                "of": (f"of {y}",),
                "for": (f"for {y}",),
                "ago": (f"in {y}",),
            }
        return rng.choice(forms[kind])

    def holder(self, key: str) -> str:
        hid = COMPANY.get(key, f"province:{key}")
        if hid not in self.names:
            aliases = ALIASES[hid]
            self.names[hid] = self.rng.choice(aliases.get(self.style["naming"], aliases["short"]))
        return self.names[hid]

    def pair(self, arg: str) -> tuple[float, float]:
        a, b = arg.split("/")
        return float(self.fact(a)[6] or 0), float(self.fact(b)[6] or 0)

    def percent(self, x: float) -> str:
        text = f"{x:.1f}".removesuffix(".0")
        return text + self.style["pct"]

    def token(self, m: re.Match[str]) -> str:
        kind, arg = m.group(1), m.group(2)
        if kind in ("a", "n"):
            key = self.fact(arg)
            self.facts.add(key)
            return self.amount(int(key[6] or 0), kind == "n", key[0])
        if kind == "yr":
            return str(self.val(arg))
        if kind in ("in", "the", "of", "for", "ago"):
            return self.year(kind, int(self.val(arg)))
        if kind == "g":
            return self.holder(arg)
        if kind == "pct":
            a, b = self.pair(arg)
            if a == b:
                raise Missing(arg)
            return self.percent(abs(a - b) / b * 100)
        if kind == "share":
            a, b = self.pair(arg)
            return f"{round(a / b * 100)}%"
        if kind in DIRECTION:
            a, b = self.pair(arg)
            if a == b:
                raise Missing(arg)
            return DIRECTION[kind][0 if a > b else 1]
        if kind in ("eq", "neq"):
            a, b = self.pair(arg)
            if (a == b) != (kind == "eq"):
                raise Missing(arg)
            return ""
        if kind == "unused":  # the story has not stated this figure in another detail
            if self.fact(arg) in self.facts:
                raise Missing(arg)
            return ""
        if kind == "req":
            if not self.has(arg):
                raise Missing(arg)
            return ""
        if kind == "not":
            if self.has(arg):
                raise Missing(arg)
            return ""
        if kind == "day":
            return self.rng.choice((f"on {WEEKDAYS[self.pub.weekday()]}", f"on {self.date()}"))
        if kind == "date":
            return self.date()
        if kind == "ngroups":
            return {6: "six", 4: "four", 2: "two"}[self.val("era")]
        if kind == "groups":
            names = [self.holder(g) for g in GROUPS_OF_ERA[self.val("era")]]
            return ", ".join(names[:-1]) + " and " + names[-1]
        if kind == "dl":
            return self.dateline()
        if arg is None:
            return str(self.val(kind))
        raise ValueError(f"unknown slot {m.group(0)}")

    def date(self) -> str:
        return f"{MONTHS[self.pub.month - 1]} {self.pub.day}"

    def dateline(self) -> str:
        rng, kind = self.rng, self.style["dateline"]
        if kind == "wire":
            return f"{rng.choice(CITIES)}, {self.date()} ({rng.choice(WIRE_TAGS)}) - "
        if kind == "city":
            return f"{rng.choice(CITIES)} {rng.choice(('--', '—', '-'))} "
        return ""

    def fill(self, text: str) -> str:
        """Fill one alternative; on Missing, the facts it recorded are dropped."""
        before = set(self.facts)
        try:
            return TOKEN.sub(self.token, text)
        except Missing:
            self.facts = before
            raise

    def choose(self, alternatives: tuple[str | None, ...]) -> str | None:
        """The first alternative (in random order) the scenario can fill; None means leave out."""
        order = list(alternatives)
        self.rng.shuffle(order)
        for alt in order:
            if alt is None:
                return None
            try:
                return self.fill(alt)
            except Missing:
                continue
        raise Missing("no alternative fits")


# --------------------------------------------------------------------------------------------
# Unrelated paragraphs: none states a quota figure of the story's document.
# --------------------------------------------------------------------------------------------

NOISE: dict[str, tuple[str, ...]] = {
    "price": (
        "Prices of praseodymium-neodymium oxide rose 1.8% to 412,500 yuan a tonne on Friday, "
        "while dysprosium oxide was steady at 1,720 yuan per kg.",
        "In the spot market, NdPr oxide was assessed at $58-60/kg FOB China, unchanged on the "
        "week.",
        "Terbium oxide fell 3% to 6,150 yuan/kg, its lowest since 2020.",
    ),
    "output": (
        "China accounted for about 68% of global rare earth mine output last year, according to "
        "the US Geological Survey.",
        "Northern Rare Earth said its output of rare earth oxide rose 9% to 61,200 tonnes last "
        "year.",
        "Myanmar, a key supplier of heavy rare earth feedstock, shipped 41,700 tonnes of "
        "concentrate "
        "to China last year.",
    ),
    "exports": (
        "China exported 5,241 tonnes of rare earths in March, up 12% from a year earlier, customs "
        "data showed.",
        "Exports of rare earth magnets fell 6% to 4,866 tonnes in the month.",
        "Shipments of rare earths in the first half totalled 26,500 tonnes, the General "
        "Administration of Customs said.",
    ),
    "forecast": (
        "Analysts expect China's rare earth quotas to keep growing by around 10% a year as demand "
        "for electric vehicles and wind turbines rises.",
        "One Beijing consultancy forecasts NdPr oxide demand of 120,000 tonnes by 2027.",
        "Adamas Intelligence expects global rare earth oxide demand to triple by 2035.",
    ),
    "related": (
        "Related:\nChina's rare earth exports hit seven-month high\nLynas lifts quarterly NdPr "
        "output to 1,700 tonnes\nMP Materials posts $30 million quarterly loss",
        "RELATED ARTICLES\nRare earth prices slip as demand cools (3 comments)\nAustralia backs "
        "$1.2 billion critical minerals fund\nShare this article: 24",
        "Read more:\nIs China's grip on rare earths slipping?\nUS Defense Department signs $439 "
        "million magnet supply deal",
    ),
    "related_quota": ("Related:", "More on this topic", "Read more:"),
}
# other articles' headlines with quota figures, by their date: a related block lists only older ones
RELATED_QUOTA = (
    ("2010-07-09", "China cuts second-half rare earth export quota to 7,976 tonnes"),
    ("2012-03-01", "China keeps 2012 rare earth mining quota at 93,800 tonnes"),
    ("2014-01-01", "China sets first 2014 rare earth export quota at 15,110 tonnes"),
    ("2017-03-01", "China keeps 2017 rare earth mining quota at 105,000 tonnes"),
    ("2021-02-20", "China lifts first-batch rare earth quota 27% to 84,000 t"),
    ("2021-07-28", "China sets 2021 rare earth mining quota at record 168,000 tonnes"),
    ("2024-08-21", "China's 2024 rare earth quotas total 270,000 tonnes"),
    ("2025-04-19", "Tungsten prices jump as quota cut to 58,000 tonnes"),
)
NOISE.update(
    {
        "market": (
            "The Shanghai Composite index fell 0.6% to 3,021.4 points; China Northern Rare Earth "
            "shares rose 1.3% to 18.55 yuan.",
            "The yuan was quoted at 7.1825 per dollar at midday.",
            "Brent crude rose 45 cents to $82.10 a barrel.",
        ),
    }
)

# --------------------------------------------------------------------------------------------
# Story templates. Each is a headline slot and body slots; a slot lists alternatives (None: the
# slot may be left out). `rows` names the scenarios it tells; `need` keeps only those that
# carry the named figures or values.
# --------------------------------------------------------------------------------------------

Alts = tuple[str | None, ...]


@dataclass(frozen=True)
class Story:
    id: str
    family: str
    layout: str
    rows: str
    title: Alts
    body: tuple[Alts, ...]
    need: tuple[str, ...] = ()
    axes: tuple[tuple[str, str], ...] = ()

    @property
    def half(self) -> str:
        return "held" if zlib.crc32(self.id.encode()) % 3 == 0 else "tune"


def story(
    id: str,
    family: str,
    layout: str,
    rows: str,
    title: Alts,
    *body: Alts,
    need: tuple[str, ...] = (),
    **axes: str,
) -> Story:
    return Story(id, family, layout, rows, title, body, need, tuple(axes.items()))


# fmt: off
STORIES: list[Story] = [
    # ---------------------------------------------------------------- national batches
    story(
        "batch_wire", "batch", "sentence", "re_batch",
        ("China issues {nth} batch of {yr:Y} rare earth quotas",
         "China sets {nth}-batch {yr:Y} rare earth mining quota at {a:m}",
         "UPDATE 1-China {raise:m/pm} {nth} batch of rare earth mining quotas by {pct:m/pm}"),
        ("{dl}China has issued the {nth} batch of rare earth mining and smelting quotas {for:Y}, "
         "the "
         "industry ministry said {day}, setting the mining quota at {a:m} and the smelting and "
         "separation quota at {a:s}.",
         "{dl}China's industry ministry {day} issued {the:Y} {nth} batch of rare earth production "
         "quotas, allowing {a:m} of mining output and {a:s} of smelting and separation.",
         "{dl}Beijing set {the:Y} {nth} batch of rare earth mining quotas at {a:m} of rare earth "
         "oxide "
         "(REO), the Ministry of Industry and Information Technology (MIIT) said in a statement on "
         "its website {day}. The smelting and separation quota was {a:s}."),
        ("That is {up:m/pm} {pct:m/pm} from the {nth} batch issued {ago:PY}, when the mining quota "
         "was {a:pm}.",
         "The mining figure compares with {a:pm} in the {nth} batch {of:PY}.",
         "The mining quota is {up:m/pm} {pct:m/pm} on the same batch {ago:PY}.", None),
        ("The smelting quota compares with {a:ps} a year earlier.",
         "Smelting and separation quotas for the {nth} batch {of:PY} were {a:ps}.", None),
        ("China, the world's biggest producer of rare earths, uses the quotas to control output of "
         "the 17 minerals used in magnets for electric vehicles and wind turbines.",
         "The ministry did not say when the next batch would be issued.",
         "The quotas are allotted to state-owned groups.", None),
        need=("m", "s"),
    ),
    story(
        "batch_respectively", "batch", "respectively", "re_batch",
        ("China allots {nth} batch of {yr:Y} rare earth quotas",
         "Rare earths: China's {nth}-round quotas {up:m/pm} {pct:m/pm}"),
        ("{dl}The {nth} batch of {yr:Y} quotas for rare earth mining and smelting and separation "
         "stood at {n:m} tonnes and {n:s} tonnes respectively, according to a document published "
         "by MIIT {day}.",
         "{dl}China has released quotas of {n:m} and {n:s} tonnes for rare earth mining and "
         "smelting respectively in the {nth} batch {for:Y}.",
         "{dl}MIIT and the Ministry of Natural Resources issued the {nth} batch of {yr:Y} "
         "total-quantity control quotas, with mining and smelting/separation volumes of {a:m} and "
         "{a:s}, respectively."),
        ("Those compare with {n:pm} tonnes and {n:ps} tonnes respectively in the {nth} batch "
         "{of:PY}.",
         "The mining figure is {up:m/pm} {pct:m/pm} year on year.", None),
        ("The quotas are expressed in tonnes of rare earth oxide equivalent.", None),
        need=("m", "s"),
    ),
    story(
        "batch_fullyear", "batch", "sentence", "re_batch",
        ("China issues {nth} batch of {yr:Y} rare earth quotas, full-year total {up:am/pam} "
         "{pct:am/pam}",
         "China's {yr:Y} rare earth mining quota hits record {a:am} after {nth} batch"),
        ("{dl}China issued its {nth} batch of rare earth quotas {for:Y} {day}, setting mining at "
         "{a:m} and smelting and separation at {a:s}, bringing the full-year totals to {a:am} and "
         "{a:as} respectively.",
         "{dl}The {nth} batch of {a:m} for mining brings China's full-year {yr:Y} rare earth "
         "mining "
         "quota to {a:am}, {up:am/pam} {pct:am/pam} from {a:pam} {in:PY}.",
         "{dl}China's total rare earth mining quota for {yr:Y} reached {a:am} after the government "
         "released a {nth} batch of {a:m} {day}."),
        ("The full-year smelting and separation quota rose to {a:as}, compared with {a:pas} "
         "{in:PY}.",
         "Last year's annual quotas were {a:pam} for mining and {a:pas} for smelting.", None),
        ("The first batch, issued earlier in the year, was {a:b1m} for mining.",
         "{req:same_as_first}The {nth} batch was the same size as the first.", None),
        ("Rare earth prices have fallen sharply over the past year as supply outpaced demand.",
         "The quotas cover light rare earths, mined mainly in Inner Mongolia, and medium and heavy "
         "rare earths, mined in southern provinces.", None),
        need=("am",), period="annual",
    ),
    story(
        "batch_cumulative", "batch", "sentence", "re_batch",
        ("China's rare earth mining quota for {yr:Y} so far reaches {a:cm}",
         "China issues {nth} batch of rare earth quotas {for:Y}"),
        ("{dl}China issued a {nth} batch of {a:m} of rare earth mining quotas {day}, bringing the "
         "total for the first {Nw} batches {of:Y} to {a:cm}.",
         "{dl}With the {nth} batch of {a:m}, China's rare earth mining quotas so far this year "
         "total {a:cm}.",
         "{dl}The {nth} batch takes cumulative {yr:Y} mining quotas to {a:cm} and smelting and "
         "separation quotas to {a:cs}, according to the MIIT notice."),
        ("Smelting and separation quotas in the {nth} batch were {a:s}, for a year-to-date total "
         "of {a:cs}.",
         "{req:is2}The first two batches combined allow smelting and separation of {a:cs}.", None),
        ("The first batch, issued earlier this year, was {a:b1m}.",
         "The mining quota compares with {a:pm} in the {nth} batch {of:PY}.", None),
        need=("cm",), period="cumulative",
    ),
    story(
        "batch_doubles", "batch", "sentence", "re_batch",
        ("China doubles {yr:Y} rare earth mining quota to {a:cm}",
         "China's rare earth mining quota doubles to {a:cm} with second batch"),
        ("{dl}China issued a second batch of rare earth mining quotas of {a:m} {day}, matching the "
         "first and lifting the total so far this year to {a:cm}.",
         "{dl}A second batch of {a:m}, the same as the first, takes China's year-to-date rare "
         "earth mining quota to {a:cm}."),
        ("Smelting and separation quotas in the new batch were {a:s}, taking the running total to "
         "{a:cs}.", None),
        ("The figures were in line with market expectations, traders said.", None),
        need=("is2", "same_as_first"), period="cumulative",
    ),
    story(
        "batch_split", "batch", "sentence", "re_batch",
        ("China issues {the:Y} {nth} batch of rare earth quotas; light rare earths get the lion's "
         "share",
         "China sets {nth}-batch rare earth mining quota at {a:m}"),
        ("{dl}The Ministry of Industry and Information Technology set the {nth} batch of {yr:Y} "
         "rare earth mining quotas at {a:m}, of which {a:ml} is for rock-type (light) rare earths "
         "and {a:mh} for ion-adsorption (medium and heavy) rare earths.",
         "{dl}Of the {a:m} {nth}-batch mining quota {for:Y}, light rare earths account for {a:ml} "
         "and medium-heavy rare earths for {a:mh}.",
         "{dl}China's {nth} batch of rare earth mining quotas {for:Y} totals {a:m}: {a:ml} of "
         "light "
         "rare earths and {a:mh} of medium and heavy rare earths."),
        ("The smelting and separation quota was set at {a:s}.", None),
        ("Medium and heavy rare earths, used in high-performance magnets, are mined mostly in "
         "southern China.", None),
        need=("ml",),
    ),
    story(
        "batch_colon_brief", "batch", "colon", "re_batch",
        ("MIIT, MNR release {nord} batch of {yr:Y} rare earth quotas",
         "{yr:Y} {nord} batch REO quotas released"),
        ("{dl}MIIT and MNR jointly issued the {nord} batch of {yr:Y} rare earth total-quantity "
         "control indicators on {date}.",
         "{dl}The {nord} batch of rare earth quotas {for:Y} was published {day}."),
        ("Mining: {a:m}\nSmelting & separation: {a:s}",
         "Mining quota: {a:m} REO; smelting and separation quota: {a:s} REO.",
         "REO mining: {a:m} ({up:m/pm} {pct:m/pm} YoY); smelting and separation: {a:s} "
         "({up:s/ps} {pct:s/ps} YoY)."),
        ("Last year's {nord} batch: mining {a:pm}, smelting & separation {a:ps}.", None),
        ("Source: MIIT", None),
        need=("m", "s"),
    ),
    story(
        "batch_xinhua", "batch", "sentence", "re_batch",
        ("China releases {nth} batch of rare earth mining quota {for:Y}",
         "China issues rare earth quotas to ensure stable supply"),
        ("{dl}China's Ministry of Industry and Information Technology and the Ministry of Natural "
         "Resources have issued a notice on the total control indicators for the {nth} batch of "
         "rare earth mining and smelting separation {in:Y}.",
         "{dl}According to a notice released {day} by the MIIT and the MNR, the total control "
         "quota for the {nth} batch of rare earth mining {in:Y} is {a:m}, and that for smelting "
         "and separation is {a:s}."),
        ("The total control quota for rare earth mining is {a:m} and for smelting and separation "
         "{a:s}, the notice said.", None),
        ("The notice requires enterprises to strictly implement the quotas and prohibits the "
         "purchase and processing of illegally mined rare earth ores.",
         "Local authorities were urged to crack down on illegal mining and smuggling."),
        need=("m", "s"),
    ),
    story(
        "batch_third", "batch", "sentence", "re_batch",
        ("China issues rare third batch of {yr:Y} rare earth quotas",
         "China adds {a:m} to {yr:Y} rare earth mining quota in surprise third batch"),
        ("{dl}China issued a third batch of rare earth production quotas {for:Y} {day}, allowing "
         "{a:m} of mining and {a:s} of smelting and separation.",
         "{dl}In an unusual third allotment, MIIT granted an extra {a:m} of mining quota and {a:s} "
         "of smelting and separation quota."),
        ("That brings the year's totals to {a:am} for mining and {a:as} for smelting, {up:am/pam} "
         "{pct:am/pam} and {up:as/pas} {pct:as/pas} from {the:PY} levels.",
         "Total quotas for the year now stand at {a:am} and {a:as} respectively, against {a:pam} "
         "and {a:pas} {in:PY}.",
         "The first two batches had totalled {a:c2m} for mining and {a:c2s} for smelting."),
        ("The first and second batches were {a:b1m} and {a:b2m} of mining quota respectively.",
         None),
        ("Analysts said the extra batch reflected strong demand from magnet makers.", None),
        need=("b2m",), period="batch:3",
    ),
    story(
        "batch_keypoints", "batch", "list", "re_batch",
        ("Factbox: China's {nth} batch of {yr:Y} rare earth quotas",
         "KEY POINTS: {yr:Y} {nth}-batch rare earth quotas"),
        ("{dl}Key figures from the {nth} batch of rare earth quotas announced {day}:",),
        ("- Mining quota: {a:m} ({yr:PY}: {a:pm})\n- Smelting and separation quota: {a:s} "
         "({yr:PY}: {a:ps})",
         "* Mining: {a:m}, {up:m/pm} {pct:m/pm} y/y\n* Smelting/separation: {a:s}, {up:s/ps} "
         "{pct:s/ps} y/y",
         "- Mining: {a:m} (vs {a:pm} in the same batch {of:PY})\n- Smelting & separation: {a:s} "
         "(vs {a:ps})"),
        ("- Light rare earths: {a:ml}\n- Medium and heavy rare earths: {a:mh}", None),
        ("- Issuers: MIIT and the Ministry of Natural Resources", None),
        need=("pm", "ps"),
    ),
    story(
        "batch_table_years", "batch", "table", "batch_table",
        ("China's rare earth quotas by batch, {yr:y0}-{yr:y2}",
         "TABLE-China rare earth mining quotas by batch"),
        ("{dl}China's rare earth mining quotas by batch (tonnes of REO):",
         "{dl}Rare earth mining quotas issued by MIIT, in tonnes:"),
        ("Year   Batch 1   Batch 2   Full year\n{yr:y0}   {n:b1m_0}   {n:b2m_0}   {n:tm_0}\n"
         "{yr:y1}   {n:b1m_1}   {n:b2m_1}   {n:tm_1}\n{yr:y2}   {n:b1m_2}   {n:b2m_2}   {n:tm_2}",
         "Year | 1st batch | 2nd batch | Total\n{yr:y0} | {n:b1m_0} | {n:b2m_0} | {n:tm_0}\n"
         "{yr:y1} | {n:b1m_1} | {n:b2m_1} | {n:tm_1}\n{yr:y2} | {n:b1m_2} | {n:b2m_2} | {n:tm_2}"),
        ("Smelting and separation quotas for the full year were {a:ts_0}, {a:ts_1} and {a:ts_2} "
         "respectively.", "Full-year figures include any later batches.", None),
        ("Source: MIIT", None),
        period="mixed",
    ),
    story(
        "batch_unchanged", "batch", "sentence", "re_batch",
        ("China keeps {nth}-batch rare earth mining quota unchanged at {a:m}",
         "China holds rare earth mining quota steady"),
        ("{req:flat}{dl}China kept its {nth} batch of rare earth mining quotas {for:Y} unchanged "
         "at "
         "{a:m}, the same as a year earlier.",
         "{req:flat}{dl}The {nth} batch of {yr:Y} rare earth mining quotas was held flat at {a:m}, "
         "unchanged from last year's {nth} batch, according to the ministry.",
         "{req:same_as_first}{dl}China issued a {nth} batch of rare earth mining quotas of {a:m} "
         "{for:Y}, unchanged from the first batch."),
        ("Light rare earths accounted for {a:ml} and medium-heavy ones for {a:mh}.",
         "The government has kept a tight lid on output to curb illegal mining and environmental "
         "damage.", None),
        period="unchanged",
    ),
    story(
        "batch_market", "batch", "sentence", "re_batch",
        ("Rare earth stocks in focus after China issues {nth} batch of quotas",
         "China {raise:m/pm} rare earth mining quota; sector stocks react"),
        ("{dl}Shares of Chinese rare earth producers were in focus {day} after the government set "
         "the {nth} batch of {yr:Y} mining quotas at {a:m}, {up:m/pm} {pct:m/pm} from a year "
         "earlier.",
         "{dl}China's {nth}-batch mining quota of {a:m} {for:Y} was {more:m/pm} than the {a:pm} "
         "issued in the same batch {of:PY}."),
        ("Shares of China Northern Rare Earth rose 3.2% in Shanghai, while Shenghe Resources "
         "gained 2.8%.",
         "The CSI rare earth index closed 1.9% higher, outperforming the broader market."),
        ("The smelting and separation quota was set at {a:s}.", None),
        ("Investors are watching prices of praseodymium-neodymium (NdPr) oxide, which traded at "
         "around 400,000 yuan per tonne.", None),
        need=("pm",),
    ),
    story(
        "batch_broker", "batch", "note", "re_batch",
        ("China rare earths: {nord} batch quotas {up:m/pm} {pct:m/pm} YoY; maintain Overweight",
         "Sector note: {yr:Y} {nord}-batch quota read-through"),
        ("{dl}Event: MIIT/MNR issued the {nord} batch of {yr:Y} rare earth quotas - mining {a:m} "
         "({up:m/pm} {pct:m/pm} YoY), smelting & separation {a:s} ({up:s/ps} {pct:s/ps} YoY).",),
        ("Comment: we read the quota as a signal of continued supply discipline.",
         "Comment: we had expected a larger increase; supply growth may undershoot our model."),
        ("Our model assumes full-year mining quota growth of 10%, implying NdPr supply of c.95kt.",
         None),
        ("Risks: weaker EV demand, faster overseas supply growth.", None),
        ("Top picks: China Northern Rare Earth (600111 CH), China Rare Earth (000831 CH).", None),
        need=("pm", "ps"),
    ),
    story(
        "batch_from", "batch", "sentence", "re_batch",
        ("China {raise:m/pm} {nth} batch of rare earth quotas",
         "China's {nth}-batch rare earth mining quota {rise:m/pm} to {a:m}"),
        ("{dl}China's {nth} batch of rare earth mining quotas {for:Y} is {a:m}, {up:m/pm} from "
         "{a:pm} for the {nth} batch {of:PY}.",
         "{dl}Beijing {raise:m/pm} its {nth}-batch mining quota to {a:m} from {a:pm} a year "
         "earlier."),
        ("Smelting and separation quotas {rose:s/ps} to {a:s} from {a:ps}.",
         "The smelting and separation quota was {a:s}, against {a:ps} in the {nth} batch {of:PY}.",
         None),
        ("China accounts for around 70% of global rare earth mine output and about 90% of "
         "refining.", None),
        need=("pm",),
    ),
    story(
        "batch_two_years_back", "batch", "sentence", "re_batch",
        ("Analysis: China's rare earth quota growth in focus",
         "China's {nth}-batch rare earth quota: three years compared"),
        ("{dl}The {nth} batch of rare earth mining quotas {for:Y} was set at {a:m}, up from {a:pm} "
         "{in:PY} and {a:ppm} in {yr:PPY}.",
         "{dl}At {a:m}, China's {nth}-batch mining quota {for:Y} compares with {a:pm} in {yr:PY} "
         "and {a:ppm} in {yr:PPY}."),
        ("Growth in the {nth} batch was {pct:m/pm}, compared with {pct:pm/ppm} a year earlier.",
         None),
        ("The smelting and separation quota was {a:s}.", None),
        need=("ppm",),
    ),
    story(
        "batch_year_recap", "batch", "sentence", "re_batch",
        ("China's {yr:Y} rare earth quotas at a glance",
         "China completes {yr:Y} rare earth quota issuance"),
        ("{dl}China issued {the:Y} rare earth mining quotas in two batches: {a:b1m} in the first "
         "and {a:m} in the second, for a full-year total of {a:am}.",
         "{dl}The first batch {of:Y} allowed {a:b1m} of mining and {a:b1s} of smelting and "
         "separation; the second, issued {day}, allowed {a:m} and {a:s}."),
        ("In total, {the:Y} quotas come to {a:am} for mining and {a:as} for smelting and "
         "separation.",
         "Full-year smelting and separation quotas totalled {a:as}.", None),
        ("The increase reflects booming demand for permanent magnets.", None),
        need=("is2", "am"), period="annual",
    ),
    story(
        "annual_headline", "batch", "sentence", "re_annual",
        ("China's {yr:Y} rare earth mining quota {rise:m/pm} to {a:m}",
         "China sets {yr:Y} rare earth quotas at {a:m} for mining"),
        ("{dl}China's total rare earth mining quota {for:Y} is {a:m}, compared with {a:pm} "
         "{in:PY}, while the smelting and separation quota is {a:s}.",
         "{dl}China's rare earth quotas {for:Y} allow {a:m} of mining and {a:s} of smelting and "
         "separation, up from {a:pm} and {a:ps} {in:PY}."),
        ("Rock-type (light) rare earths make up {a:ml} of the mining quota and ion-adsorption "
         "(medium-heavy) types {a:mh}.", None),
        ("China produced about 70% of the world's mined rare earths last year, according to the "
         "US Geological Survey.", None),
        need=("pm", "s"), period="annual",
    ),
    story(
        "annual_flat", "batch", "sentence", "re_annual",
        ("China keeps {yr:Y} rare earth mining quota flat at {a:m}",
         "China leaves rare earth output caps unchanged"),
        ("{dl}China kept its rare earth mining quota {for:Y} at {a:m}, unchanged from the previous "
         "year, and the smelting and separation quota at {a:s}.",
         "{dl}The total rare earth mining quota {for:Y} was held at {a:m} for another year."),
        ("Of that, {a:ml} is for light rare earths and {a:mh} for medium and heavy rare earths.",
         None),
        ("Analysts said actual output, including illegal mining, far exceeded the official cap.",
         None),
        need=("flat",), period="unchanged",
    ),
    # ---------------------------------------------------------------- allocations by holder
    story(
        "grp_sentence", "groups", "sentence", "groups",
        ("China allocates {per_adj} {yr:Y} rare earth quotas to state groups",
         "{g:northern} gets bulk of China's {per_adj} rare earth quota"),
        ("{dl}{g:northern} received {a:n_m} of the {yr:Y} {per_adj} mining quota and {a:n_s} of "
         "the "
         "smelting and separation quota, while {g:creg} got {a:c_m} and {a:c_s} respectively.",
         "{dl}Under the {per_np} {for:Y}, {g:northern} was allotted {a:n_m} of mining quota and "
         "{a:n_s} of smelting quota.",
         "{dl}{g:northern} was given {a:n_ml} of light rare earth mining quota in the {per_np} "
         "{for:Y}."),
        ("The national totals were {a:m} for mining and {a:s} for smelting and separation.",
         "In all, the ministry issued {a:m} of mining quota.", None),
        ("{g:creg}'s mining quota comprised {a:c_ml} of light and {a:c_mh} of ion-adsorption rare "
         "earths.", None),
        ("The quotas were divided among {ngroups} state-owned groups: {groups}.", None),
        need=("era",),
    ),
    story(
        "grp_list", "groups", "list", "groups",
        ("China's {per_adj} {yr:Y} rare earth quotas by company",
         "Who got what: China's {yr:Y} rare earth quotas"),
        ("{dl}The {per_np} of {yr:Y} rare earth quotas was split as follows:",
         "{dl}MIIT's allocation of the {per_np} {for:Y}, by company:"),
        ("- {g:northern}: mining {a:n_m}, smelting and separation {a:n_s}\n- {g:creg}: mining "
         "{a:c_m}, smelting and separation {a:c_s}",
         "* {g:northern} - {a:n_ml} (light, mining); {a:n_s} (smelting)\n* {g:creg} - {a:c_ml} "
         "(light, mining); {a:c_mh} (ionic, mining); {a:c_s} (smelting)",
         "- {g:northern}: {a:n_m} mining\n- {g:creg}: {a:c_m} mining"),
        ("- Total: mining {a:m}, smelting and separation {a:s}", None),
        ("Source: MIIT notice, company statements", None),
        need=("c_m",),
    ),
    story(
        "grp_got_and", "groups", "sentence", "groups",
        ("{g:northern}, {g:creg} split China's {yr:Y} {per_adj} rare earth mining quota",),
        ("{dl}{g:northern} got {a:n_m} and {g:creg} {a:c_m} of the {a:m} {per_adj} mining quota "
         "{for:Y}.",
         "{dl}Of China's {per_adj} mining quota of {a:m}, {g:northern} got {a:n_m} and {g:creg} "
         "got "
         "{a:c_m}."),
        ("For smelting and separation, {g:northern} got {a:n_s} and {g:creg} {a:c_s}.", None),
        ("{g:northern} mines bastnaesite ore at Bayan Obo in Inner Mongolia, the world's biggest "
         "rare earth deposit.", None),
        need=("c_m",),
    ),
    story(
        "grp_parentheses", "groups", "parentheses", "groups",
        ("China's {yr:Y} {per_adj} rare earth quotas go to {ngroups} state groups",),
        ("{dl}China issued the {per_np} of {yr:Y} rare earth mining quotas totalling {a:m} "
         "({g:northern} {a:n_m}; {g:creg} {a:c_m}).",
         "{dl}The {per_adj} smelting and separation quota of {a:s} was divided between "
         "{g:northern} ({a:n_s}) and {g:creg} ({a:c_s})."),
        ("{unused:n_m}Mining quotas went to {g:northern} ({a:n_ml}, all light rare earths) and "
         "{g:creg} ({a:c_m}, of which {a:c_mh} ion-adsorption).", None),
        need=("c_m",),
    ),
    story(
        "grp_semicolon", "groups", "semicolon", "groups",
        ("Breakdown: China {yr:Y} {per_adj} rare earth quotas",),
        ("{dl}Allocations in the {per_np} {for:Y}, according to the MIIT notice: mining - "
         "{g:northern} {a:n_m}; {g:creg} {a:c_m}; smelting and separation - {g:northern} {a:n_s}; "
         "{g:creg} {a:c_s}.",),
        ("National totals: mining {a:m}; smelting and separation {a:s}.", None),
        ("{g:creg}'s figures include light rare earths of {a:c_ml} and medium and heavy rare "
         "earths of {a:c_mh}.", None),
        need=("c_m",),
    ),
    story(
        "grp_table", "groups", "table", "groups",
        ("TABLE: China's {per_adj} {yr:Y} rare earth quotas by group",),
        ("{dl}China's rare earth quotas for the {per_np} {of:Y}, by group (tonnes of REO):",),
        ("Group   Mining (light)   Mining (ion)   Mining total   Smelting\n"
         "{g:northern}   {n:n_ml}   -   {n:n_m}   {n:n_s}\n"
         "{g:creg}   {n:c_ml}   {n:c_mh}   {n:c_m}   {n:c_s}\n"
         "Total   {n:ml}   {n:mh}   {n:m}   {n:s}",
         "Company | Mining | Smelting/separation\n{g:northern} | {n:n_m} | {n:n_s}\n"
         "{g:creg} | {n:c_m} | {n:c_s}\nTotal | {n:m} | {n:s}",
         "Company\tMining\tSmelting\n{g:northern}\t{n:n_m}\t{n:n_s}\n{g:creg}\t{n:c_m}\t{n:c_s}"),
        ("Source: MIIT, MNR",
         "Note: ion-adsorption quotas are for medium and heavy rare earths.", None),
        need=("c_m",),
    ),
    story(
        "grp_shares", "groups", "sentence", "groups",
        ("{g:northern} keeps lion's share of China's rare earth mining quota",),
        ("{dl}China set the {per_np} of {yr:Y} rare earth mining quotas at {a:m}, and {g:northern} "
         "was allotted {a:n_m}, or {share:n_m/m} of the total.",
         "{dl}Out of a national {yr:Y} {per_adj} mining quota of {a:m}, {g:northern} received "
         "{a:n_m} "
         "({share:n_m/m}) and {g:creg} {a:c_m} ({share:c_m/m})."),
        ("{g:northern}'s share of the smelting and separation quota of {a:s} was {a:n_s}.", None),
        ("{g:northern} has long held the biggest share of China's light rare earth quota.", None),
        need=("n_m", "m"),
    ),
    story(
        "grp_headline", "groups", "headline", "groups",
        ("{g:northern} gets {a:n_m} of {yr:Y} {per_adj} rare earth mining quota",
         "{g:northern} allotted {a:n_ml} of {per_adj} light rare earth mining quota"),
        ("{unused:n_ml}{dl}{g:northern} said in a filing to the Shanghai Stock Exchange {day} that "
         "it had been "
         "allocated {a:n_m} of rare earth mining quota and {a:n_s} of smelting and separation "
         "quota in the {per_np} {for:Y}.",
         "{dl}{g:northern} said it received {a:n_ml} of light rare earth mining quota, the "
         "company's {per_adj} allocation {for:Y}.",
         "{unused:n_ml}{dl}{g:northern} said it had received its {per_adj} mining quota {for:Y}, "
         "{a:n_m}."),
        ("The company said the quotas would support its production plans for the year.",
         "The company did not give details of output targets."),
        ("Its shares closed 2.4% higher at 19.87 yuan.", None),
        need=("era",),
    ),
    story(
        "grp_creg_split", "groups", "sentence", "groups",
        ("{g:creg} gets {a:c_m} mining quota in {per_np}",
         "{g:creg} takes all of China's ion-adsorption rare earth quota"),
        ("{dl}{g:creg} received {a:c_m} of the {per_np} mining quota {for:Y}, comprising {a:c_ml} "
         "of rock-type light rare earths and {a:c_mh} of ion-adsorption rare earths.",
         "{dl}{g:creg}'s {per_adj} mining quota {for:Y} was {a:c_m}: {a:c_ml} for light and "
         "{a:c_mh} for medium-heavy rare earths."),
        ("All of the country's ion-adsorption quota, {a:mh}, went to the group.", None),
        ("Its smelting and separation quota was {a:c_s}.", None),
        ("The group was formed in late 2021 by merging the rare earth assets of China Minmetals, "
         "Chinalco and Ganzhou Rare Earth.", None),
        need=("c_m",),
    ),
    story(
        "grp_six", "groups", "sentence", "groups",
        ("China splits {yr:Y} {per_adj} rare earth quota among {ngroups} state groups",),
        ("{dl}China has issued its {per_np} of rare earth mining quotas {for:Y}, totalling {a:m}, "
         "to the {ngroups} state-backed consolidators: {groups}.",),
        ("{g:northern}, the biggest, received {a:n_m} of mining quota and {a:n_s} of smelting "
         "quota.",
         "{g:northern} got the largest share, {a:n_m}.",
         "The largest allocation, {a:n_m}, went to {g:northern}."),
        ("Light rare earths accounted for {a:ml} of the batch and medium-heavy for {a:mh}.", None),
        ("The groups are meant to absorb smaller producers and stamp out illegal mining.", None),
        need=("n_m", "era6"),
    ),
    story(
        "grp_four", "groups", "sentence", "groups",
        ("China issues {per_adj} rare earth quotas to {ngroups} state groups",),
        ("{dl}China's {per_np} of {yr:Y} rare earth quotas, issued {day}, allows mining of {a:m} "
         "and smelting and separation of {a:s}.",
         "{dl}MIIT set the {per_np} of rare earth mining quotas {for:Y} at {a:m} and smelting "
         "quotas at {a:s}."),
        ("The quotas went to {ngroups} companies: {groups}.",
         "As before, the quotas were allocated to {groups}."),
        ("The ministry did not publish the breakdown by company.", None),
        need=("era4",),
    ),
    story(
        "grp_provinces", "groups", "sentence", "provinces",
        ("{g:neimenggu} gets largest share of China's {per_adj} rare earth mining quota",
         "China's {yr:Y} {per_adj} rare earth quota by province"),
        ("{dl}The land ministry allotted {a:im_ml} of light rare earth mining quota to "
         "{g:neimenggu} and {a:jx_mh} of ion-type (medium and heavy) quota to {g:jiangxi} in the "
         "{per_np} {for:Y}.",
         "{dl}By province, {g:neimenggu} received {a:im_ml} of rock-type rare earth quota and "
         "{g:jiangxi} {a:jx_mh} of ionic rare earth quota in the {per_np} {of:Y}."),
        ("The national {per_adj} mining quota was {a:m}.", None),
        ("Other southern provinces including Guangdong, Fujian and Hunan also received ion-type "
         "quotas.", None),
        holder="province",
    ),
    story(
        "grp_broker", "groups", "note", "groups",
        ("{g:northern} (600111 CH): {per_adj} quota allocation read-through",),
        ("{dl}{g:northern} received {a:n_m} of mining quota ({share:n_m/m} of the national {a:m}) "
         "and {a:n_s} of smelting quota in the {per_np} {of:Y}.",
         "{dl}Quota: {g:northern}'s {yr:Y} {per_adj} mining allocation is {a:n_m}, {share:n_m/m} "
         "of the "
         "national total."),
        ("We estimate the allocation supports NdPr oxide output of about 25kt for the year.",
         "We keep our 2025E EPS forecast of CNY0.62.", None),
        ("Target price CNY25.00; rating Buy.", None),
        need=("n_m", "m"),
    ),
    # ---------------------------------------------------------------- tungsten
    story(
        "w_batch_split", "tungsten", "sentence", "tungsten",
        ("China sets {nth} batch of {yr:Y} tungsten mining quota at {a:w}",
         "China issues {the:Y} {nth}-batch tungsten quota"),
        ("{dl}China's Ministry of Natural Resources set the {nth} batch of tungsten concentrate "
         "mining quotas {for:Y} at {a:w} (65% WO3 equivalent), of which {a:wp} is for primary "
         "mining and {a:wb} for comprehensive utilisation.",
         "{dl}The {nth} batch of {yr:Y} tungsten mining quotas totals {a:w} of 65% tungsten "
         "trioxide concentrate, the natural resources ministry said {day}."),
        ("Primary mining accounts for {a:wp} and by-product recovery for {a:wb}.", None),
        ("The total compares with {a:pw} in the {nth} batch {of:PY}.",
         "The quota is {up:w/pw} {pct:w/pw} from the same batch {ago:PY}.", None),
        ("Jiangxi and Hunan provinces received the largest allocations.", None),
        need=("nth",),
    ),
    story(
        "w_compare", "tungsten", "sentence", "tungsten",
        ("China {raise:w/pw} tungsten mining quota by {pct:w/pw}",
         "China's tungsten quota {rise:w/pw} to {a:w}"),
        ("{dl}China {raise:w/pw} its {nth} batch of tungsten mining quotas {for:Y} to {a:w}, from "
         "{a:pw} in the {nth} batch {of:PY}.",
         "{dl}The {nth}-batch tungsten concentrate quota {for:Y} is {a:w}, {up:w/pw} {pct:w/pw} "
         "from {a:pw} a year earlier.",
         "{req:annual}{dl}China's {yr:Y} tungsten mining quota is {a:w}, {up:w/pw} {pct:w/pw} from "
         "{a:pw} {in:PY}."),
        ("The full-year {yr:Y} quota thus totals {a:wa}, compared with {a:pwa} {in:PY}.", None),
        ("APT prices in Rotterdam were steady at $340-345 per metric ton unit.",
         "Chinese tungsten concentrate prices have risen above 140,000 yuan per tonne.", None),
        need=("pw",),
    ),
    story(
        "w_with_rare_earths", "tungsten", "sentence", "tungsten",
        ("China issues {nth} batch of {yr:Y} rare earth and tungsten mining quotas",),
        ("{dl}The Ministry of Natural Resources issued the {nth} batch of {yr:Y} mining quotas for "
         "rare earths and tungsten {day}, setting the rare earth mining quota at {a:rm} of REO "
         "and the tungsten concentrate quota at {a:w}.",
         "{dl}China set its {nth}-batch mining quotas {for:Y} at {a:rm} for rare earth oxide and "
         "{a:w} for tungsten concentrate, the natural resources ministry said."),
        ("The tungsten figure compares with {a:pw} in the same batch {of:PY}.",
         "Of the tungsten quota, {a:wp} is for primary mines and {a:wb} for comprehensive "
         "utilisation.", None),
        ("The ministry said no new exploration or mining licences for the minerals would be "
         "granted.", None),
        need=("rm",),
    ),
    story(
        "w_year_total", "tungsten", "sentence", "tungsten",
        ("China issues second batch of {yr:Y} tungsten quota, year total {a:wa}",
         "China's {yr:Y} tungsten mining quota reaches {a:wa}"),
        ("{dl}China set the {nth} batch of tungsten mining quotas {for:Y} at {a:w}, bringing the "
         "full-year total to {a:wa} after a first batch of {a:w1}.",
         "{dl}The second batch of {a:w} follows a first batch of {a:w1}, for a {yr:Y} total of "
         "{a:wa}, up from {a:pwa} {in:PY}."),
        ("The second batch is {pct:w/w1} smaller than the first.", None),
        ("Tungsten is used in cemented carbides, armour-piercing ammunition and semiconductors.",
         None),
        need=("wa",), period="annual",
    ),
    story(
        "w_provinces", "tungsten", "list", "tungsten",
        ("China's {yr:Y} tungsten mining quota by province",),
        ("{dl}China's tungsten concentrate mining quota {for:Y} totals {a:w}.",
         "{dl}The {yr:Y} tungsten mining quota was set at {a:w} of 65% concentrate."),
        ("{g:jiangxi}: {a:p_jiangxi}\n{g:hunan}: {a:p_hunan}\n{g:henan}: {a:p_henan}\n"
         "{g:yunnan}: {a:p_yunnan}",
         "{g:jiangxi} received {a:p_jiangxi} and {g:hunan} {a:p_hunan}, together more than "
         "two-thirds of the total.",
         "Provincial allocations: {g:jiangxi} {a:p_jiangxi}; {g:hunan} {a:p_hunan}; {g:guangdong} "
         "{a:p_guangdong}; {g:guangxi} {a:p_guangxi}; {g:fujian} {a:p_fujian}."),
        ("Primary mining accounts for {a:wp} of the total and by-product mining for {a:wb}.", None),
        need=("p_jiangxi",), holder="province",
    ),
    story(
        "w_price", "tungsten", "sentence", "tungsten",
        ("Tungsten prices firm after China releases mining quota",
         "APT market steady after tungsten quota release"),
        ("{dl}Chinese ammonium paratungstate (APT) prices rose by 2,000 yuan/t this week to "
         "298,000-300,000 yuan/t, market participants said.",
         "{dl}Tungsten concentrate prices in China climbed to 145,000 yuan/t, traders said."),
        ("The move followed the release of the {nth} batch of {yr:Y} tungsten mining quotas at "
         "{a:w}, {up:w/pw} from {a:pw} a year earlier.",
         "Sentiment was supported by the natural resources ministry's {yr:Y} {nth}-batch mining "
         "quota of "
         "{a:w}, {up:w/pw} {pct:w/pw} year on year."),
        ("European APT prices were assessed at $340-350/mtu.", None),
        ("China exported 1,230t of APT in the first half, customs data show.", None),
        need=("pw", "nth"),
    ),
    story(
        "w_flat", "tungsten", "sentence", "tungsten",
        ("China holds tungsten mining quota at {a:w}",
         "China keeps tungsten mining quota unchanged"),
        ("{dl}China kept the {nth} batch of its tungsten mining quota {for:Y} unchanged at {a:w}.",
         "{dl}The {nth}-batch tungsten concentrate quota {for:Y} was {a:w}, flat year on year.",
         "{req:annual}{dl}China held its {yr:Y} tungsten mining quota at {a:w}, unchanged from the "
         "previous year."),
        ("Primary mining got {a:wp} and comprehensive utilisation {a:wb}.", None),
        need=("flat",), period="unchanged",
    ),
    story(
        "w_reported", "tungsten", "sentence", "tungsten",
        ("China cuts first tungsten mining quota of {yr:Y} by {pct:w/pw}",
         "China trims tungsten quota, sources say"),
        ("{dl}China has set its first batch of tungsten mining quotas {for:Y} at {a:w}, down from "
         "{a:pw} in the first batch {of:PY}, according to a notice seen by traders.",
         "{dl}The first batch of {yr:Y} tungsten concentrate quotas was {a:w}, {pct:w/pw} lower "
         "than a year earlier, according to people familiar with the matter."),
        ("The government has not publicly released rare earth quotas for the year, and producers "
         "have been told not to disclose them.", None),
        ("Tungsten prices have surged after China added the metal to its export control list.",
         None),
        need=("reported",),
    ),
    # ---------------------------------------------------------------- 2006-2014 histories
    story(
        "hist_paragraph", "history", "sentence", "history",
        ("China's rare earth mining quotas, {yr:y0}-{yr:y2}",
         "How China has capped rare earth mining"),
        ("{dl}China's rare earth mining quota was {a:m0} in {yr:y0}, {a:m1} in {yr:y1} and {a:m2} "
         "in {yr:y2}.",
         "{dl}The annual mining quota stood at {a:m0} in {yr:y0}, then {a:m1} in {yr:y1} and "
         "{a:m2} in {yr:y2}, according to the land ministry.",
         "{dl}Mining quotas for rare earths were set at {a:m0}, {a:m1} and {a:m2} for {yr:y0}, "
         "{yr:y1} and {yr:y2} respectively."),
        ("In {yr:y3} the quota was {a:m3}.", None),
        ("The quotas have not stopped illegal mining, which some analysts estimate adds "
         "20,000-40,000 tonnes a year.", None),
        ("Export quotas were set separately by the commerce ministry.", None),
    ),
    story(
        "hist_list", "history", "list", "history",
        ("China rare earth mining quotas by year",),
        ("{dl}China's annual rare earth mining quotas (tonnes of REO):",),
        ("{yr:y0}: {n:m0}\n{yr:y1}: {n:m1}\n{yr:y2}: {n:m2}",
         "{yr:y0} - {a:m0}\n{yr:y1} - {a:m1}\n{yr:y2} - {a:m2}\n{yr:y3} - {a:m3}",
         "* {yr:y0}: {a:m0} (light {a:l0}, medium-heavy {a:h0})\n* {yr:y1}: {a:m1} (light {a:l1}, "
         "medium-heavy {a:h1})\n* {yr:y2}: {a:m2}"),
        ("Source: Ministry of Land and Resources", None),
    ),
    story(
        "hist_from_to", "history", "sentence", "history",
        ("China {raise:m1/m0} rare earth mining quota to {a:m1}",
         "China's rare earth mining cap, {yr:y0} to {yr:y1}"),
        ("{dl}China {raise:m1/m0} its rare earth mining quota from {a:m0} in {yr:y0} to {a:m1} in "
         "{yr:y1}.",
         "{dl}The rare earth mining quota {rose:m1/m0} from {a:m0} in {yr:y0} to {a:m1} in "
         "{yr:y1}, a change of {pct:m1/m0}."),
        ("In {yr:y2} the quota was {a:m2}.", None),
        ("In {yr:y1} light rare earths accounted for {a:l1} and medium-heavy for {a:h1}.", None),
    ),
    story(
        "hist_unchanged", "history", "sentence", "history",
        ("China holds {yr:y2} rare earth mining quota at {a:m2}",),
        ("{dl}China kept its {yr:y2} rare earth mining quota unchanged at {a:m2}{eq:m2/m1}, the "
         "same level as in {yr:y1}.",
         "{dl}The {yr:y2} mining quota was held at {a:m2}{eq:m2/m1}, unchanged from {yr:y1}."),
        ("The quota had been {a:m0} in {yr:y0}.", None),
        ("Smelting and separation was capped at {a:s2} in {yr:y2}.", None),
        period="unchanged",
    ),
    story(
        "hist_two_series", "history", "sentence", "history",
        ("China's two rare earth caps tell different stories",),
        ("{dl}The land ministry set the {yr:y1} rare earth mining quota at {a:mlr}, while MIIT's "
         "mandatory production plan allowed {a:plan_m} of mine output and {a:plan_s} of smelting "
         "products.",
         "{dl}For {yr:y1}, the Ministry of Land and Resources capped rare earth mining at {a:mlr}; "
         "the industry ministry's production plan, however, called for {a:plan_m} of mineral "
         "products."),
        ("MIIT's plan for {yr:y0} had been {a:plan0_m} for mining and {a:plan0_s} for smelting "
         "and separation.", None),
        ("The MLR quota split into {a:mlr_l} of light and {a:mlr_h} of medium and heavy rare "
         "earths.", None),
        need=("plan",),
    ),
    story(
        "hist_splits", "history", "sentence", "history",
        ("China's light and heavy rare earth mining quotas, {yr:y0}-{yr:y1}",),
        ("{dl}In {yr:y0}, China's mining quota of {a:m0} comprised {a:l0} of light rare earths and "
         "{a:h0} of medium and heavy rare earths.",
         "{dl}The {yr:y0} quota of {a:m0} was split {a:l0} light and {a:h0} medium-heavy."),
        ("In {yr:y1}, the figures were {a:l1} and {a:h1} respectively, for a total of {a:m1}.",
         "The {yr:y1} quota allowed {a:l1} of light and {a:h1} of medium-heavy rare earths."),
        need=("l0", "l1"),
    ),
    story(
        "hist_span", "history", "sentence", "history",
        ("China's rare earth mining quota: {yr:y0} vs {yr:y2}",),
        ("{dl}Between {yr:y0} and {yr:y2}, China's rare earth mining quota went from {a:m0} to "
         "{a:m2}{neq:m2/m0}.",
         "{dl}China's mining quota of {a:m2} for {yr:y2} compares with {a:m0}{neq:m2/m0} in "
         "{yr:y0}."),
        ("The smelting and separation quota was {a:s2} in {yr:y2}.", None),
        ("Demand for neodymium magnets grew strongly over the period.", None),
    ),
    # ---------------------------------------------------------------- export quotas
    story(
        "exp_batch", "export", "sentence", "export",
        ("China sets {nth} batch of {yr:Y} rare earth export quotas at {a:e}",
         "China {raise:e/pe} rare earth export quota for {half} {of:Y}"),
        ("{dl}China's Ministry of Commerce set the {nth} batch of rare earth export quotas {for:Y} "
         "at {a:e}, {up:e/pe} from {a:pe} in the same batch {of:PY}.",
         "{dl}China will allow exports of {a:e} of rare earths in the {half} {of:Y}, the commerce "
         "ministry said on its website.",
         "{dl}The commerce ministry issued {a:e} of rare earth export quotas for the {half} "
         "{of:Y}."),
        ("Light rare earths accounted for {a:el} and medium and heavy rare earths for {a:eh}.",
         "The quota comprises {a:el} of light and {a:eh} of medium-heavy rare earths.", None),
        ("The quotas are split between domestic producers and Sino-foreign joint ventures.",
         "China has faced a World Trade Organization challenge over its export restrictions.",
         None),
        ("The second batch brings the full-year quota to {a:ea}.", None),
    ),
    story(
        "exp_fullyear", "export", "sentence", "export",
        ("China {yr:Y} rare earth export quota totals {a:ea}",
         "China issues second-half rare earth export quotas"),
        ("{dl}China issued {a:e} of rare earth export quotas for the second half of {yr:Y}, "
         "bringing the full-year total to {a:ea}.",
         "{dl}The commerce ministry's second batch of {a:e} takes the {yr:Y} rare earth export "
         "quota to {a:ea}, compared with {a:pea} {in:PY}."),
        ("The first batch, announced in late {yr:PY}, was {a:e1}.",
         "The first-half allocation was {a:e1}."),
        ("Light rare earths made up {a:el} of the second batch and medium-heavy {a:eh}.", None),
        ("Actual exports last year fell well short of the quota, customs data showed.", None),
        need=("ea",), period="annual",
    ),
    story(
        "exp_history", "export", "sentence", "export_history",
        ("China's rare earth export quotas since {yr:y0}", "How China squeezed rare earth exports"),
        ("{not:metal}{dl}China's rare earth export quota was {a:e0} in {yr:y0}, {a:e1} in {yr:y1} "
         "and {a:e2} in {yr:y2}.",
         "{not:metal}{dl}Export quotas {rose:e1/e0} from {a:e0} in {yr:y0} to {a:e1} in {yr:y1}, "
         "and were {a:e2} in {yr:y2}."),
        ("In {yr:y3} the export quota was {a:e3}.", None),
        ("Beijing says the quotas are needed to protect the environment and conserve resources.",
         None),
    ),
    story(
        "exp_companies", "export", "list", "export",
        ("China's {half} {yr:Y} rare earth export quotas by company",),
        ("{dl}The commerce ministry's {nth} batch of {yr:Y} rare earth export quotas went to about "
         "two dozen producers.",
         "{dl}MOFCOM has published the list of companies receiving rare earth export quotas for "
         "the {half} {of:Y}."),
        ("{g:minmetals} received {a:x_minmetals}, of which {a:xl_minmetals} light and "
         "{a:xh_minmetals} medium-heavy.", "{g:minmetals} was allotted {a:x_minmetals}.", None),
        ("{g:gd} got {a:x_gd} ({a:xl_gd} light, {a:xh_gd} medium-heavy).",
         "{g:gd}'s quota was {a:x_gd}.", None),
        ("{g:northern} got {a:x_northern}.", "- {g:northern}: {a:x_northern}", None),
        ("{g:chinalco}'s allocation was {a:x_chinalco}.", None),
        ("Total quota for the batch was {a:e}.", None),
        need=("co",), holder="company",
    ),
    story(
        "exp_tungsten", "export", "sentence", "export_history",
        ("China's tungsten export quotas, {yr:y0}-{yr:y2}",),
        ("{req:metal}{dl}China's tungsten export quota was {a:e0} in {yr:y0}, {a:e1} in {yr:y1} "
         "and "
         "{a:e2} in {yr:y2}.",
         "{req:metal}{dl}Tungsten export quotas: {yr:y0} {a:e0}; {yr:y1} {a:e1}; {yr:y2} {a:e2}."),
        ("The antimony export quota for {yr:Y} was {a:sb}.", None),
        ("Exports of tungsten products were later made subject to licences.", None),
        need=("metal",),
    ),
    story(
        "exp_vs_shipped", "export", "sentence", "export",
        ("China rare earth exports lag quota",
         "China's rare earth quota goes unused as exports slump"),
        ("{dl}China exported 9,800 tonnes of rare earths in the first half, customs data showed, "
         "well below the quota.",),
        ("The export quota for {yr:Y} was {a:ea}.",
         "The commerce ministry had set the first-half export quota {for:Y} at {a:e1} and the "
         "second-half quota at {a:e}."),
        ("Traders said weak overseas demand, not the quota, was holding back shipments.", None),
        need=("ea",),
    ),
    # ---------------------------------------------------------------- near misses
    story(
        "nm_output", "near_miss", "sentence", "plain",
        ("China's rare earth output climbs", "China tightens grip on rare earth supply"),
        ("{dl}China's mine production of rare earths reached an estimated {usgs} tonnes in "
         "{yr:PY}, the US Geological Survey said in its annual summary.",
         "{dl}China produced an estimated {usgs} tonnes of rare earth oxide last year, about "
         "two-thirds of global output, according to the USGS.",
         "{dl}China's rare earth output kept rising last year, industry data showed."),
        ("Output of rare earth oxides at Northern Rare Earth rose 8% to 76,300 tonnes, the company "
         "said in its annual report.", None),
        ("Global mine supply is expected to reach 390,000 tonnes this year.", None),
    ),
    story(
        "nm_exports", "near_miss", "sentence", "plain",
        ("China's rare earth exports rise in March", "China rare earth shipments slip"),
        ("{dl}China exported 5,865 tonnes of rare earths in March, up 12.3% from February, data "
         "from the General Administration of Customs showed.",
         "{dl}Rare earth exports from China fell 4.2% year on year to 4,402 tonnes last month."),
        ("For the first quarter, exports totalled 14,021 tonnes.", None),
        ("Exports of rare earth magnets fell 3% to 4,530 tonnes.", None),
        ("Imports of rare earth ores from Myanmar rose to 6,200 tonnes.", None),
    ),
    story(
        "nm_prices", "near_miss", "sentence", "plain",
        ("Rare earth prices rise on supply worries", "NdPr oxide hits three-month high"),
        ("{dl}Prices of praseodymium-neodymium oxide rose 1.8% to 445,000 yuan a tonne this week, "
         "according to Shanghai Metals Market.",
         "{dl}NdPr oxide prices in China climbed to 520,000 yuan/t, up 15% since the start of "
         "{yr:Y}."),
        ("Dysprosium oxide was quoted at 1,700 yuan/kg and terbium oxide at 6,900 yuan/kg.", None),
        ("Traders attributed the rise to tighter supply from Myanmar.", None),
    ),
    story(
        "nm_controls", "near_miss", "sentence", "plain",
        ("China tightens rare earth export controls", "Exporters wait for rare earth licences"),
        ("{req:late}{dl}China added seven medium and heavy rare earth elements to its export "
         "control list in April 2025, requiring exporters to apply for licences.",
         "{req:quiet}{dl}Exporters of gallium and germanium have needed licences since August "
         "2023, "
         "and China banned shipments of the metals to the United States in December 2024."),
        ("Licence applications can take up to 45 working days to process.", None),
        ("Antimony products were put under export control from Sept. 15, 2024.", None),
        ("The commerce ministry said the controls were in line with international practice.",
         None),
    ),
    story(
        "nm_other_quotas", "near_miss", "sentence", "plain",
        ("China keeps grain import quotas unchanged", "Indonesia approves nickel mining quotas"),
        ("{dl}China's tariff-rate import quotas for {yr:Y} are 9.636 million tonnes for wheat, 7.2 "
         "million tonnes for corn and 5.32 million tonnes for rice, the commerce ministry said.",
         "{req:nickel}{dl}Indonesia has approved nickel ore mining quotas of about 240 million "
         "tonnes for {yr:Y}, its energy ministry said."),
        ("The sugar import quota was kept at 1.945 million tonnes.", None),
        ("The cotton quota is 894,000 tonnes.", None),
    ),
    story(
        "nm_undisclosed", "near_miss", "sentence", "plain",
        ("China issues rare earth quotas quietly", "China keeps rare earth quotas under wraps"),
        ("{dl}China has issued its first batch of rare earth mining and smelting quotas for "
         "{yr:Y} without a public announcement, people familiar with the matter said.",
         "{dl}Beijing has handed out this year's rare earth quotas to producers but did not make "
         "the volumes public, according to sources."),
        ("Companies were told not to disclose the figures.", None),
        ("{req:post_aug25}Interim measures on the quotas took effect in August 2025.", None),
        need=("quiet",),
    ),
    story(
        "nm_forecast", "near_miss", "sentence", "plain",
        ("Analysts see China's rare earth quota growth slowing", "Rare earth supply outlook"),
        ("{dl}Analysts at a Shanghai consultancy expect China's rare earth mining quota to grow "
         "about 10% next year, slower than in recent years.",
         "{dl}Brokers forecast that Beijing will raise its rare earth quotas by 5-8% next year."),
        ("Supply of NdPr oxide is forecast to reach 105,000 tonnes within five years.", None),
        ("Demand from wind turbines and electric vehicles is expected to grow 12% a year.", None),
    ),
    story(
        "nm_company", "near_miss", "sentence", "plain",
        ("Northern Rare Earth first-half profit falls", "China Rare Earth Group reports sales"),
        ("{dl}China Northern Rare Earth sold 12,800 tonnes of rare earth oxide in the first half, "
         "while net profit fell 38% to 1.2 billion yuan.",
         "{dl}China Rare Earth Group's listed arm said sales volume rose 21% to 8,460 tonnes."),
        ("The company plans to expand smelting capacity by 20,000 tonnes a year over the next "
         "three years.", None),
        ("Its shares fell 2.1% to 22.40 yuan in Shanghai.", None),
    ),
]
# fmt: on


# --------------------------------------------------------------------------------------------
# Composition, scoring and the command line.
# --------------------------------------------------------------------------------------------


def _style(rng: random.Random) -> dict[str, str]:
    style = {axis: rng.choice(values) for axis, values in AXES.items()}
    style["pct"] = rng.choice(("%", "%", " percent", " per cent", "pc"))
    return style


def _eligible(story_: Story) -> list[Scenario]:
    out = []
    for sc in SCENARIOS[story_.rows]:
        if all(n in sc.facts or sc.vals.get(n) not in (None, False) for n in story_.need):
            out.append(sc)
    if not out:
        raise ValueError(f"story {story_.id}: no scenario has {story_.need}")
    return out


def compose(story_: Story, rng: random.Random) -> Case:
    rows = _eligible(story_)
    for _ in range(80):
        sc, style = rng.choice(rows), _style(rng)
        r = Render(sc, style, rng)
        try:
            title = r.choose(story_.title)
            lines = [r.choose(slot) for slot in story_.body]
        except Missing:
            continue
        body = [line for line in lines if line]
        if not title or not body:
            continue
        if style["dateline"] in ("byline", "stamp"):
            d = r.pub
            clock = f"{rng.randint(6, 22)}:{rng.randint(10, 59)}"
            stamp = f"{MONTHS[d.month - 1]} {d.day}, {d.year} {clock}"
            head = rng.choice(BYLINES) if style["dateline"] == "byline" else stamp + " GMT"
            body.insert(0, head)
        if style["noise"] != "none":
            para = rng.choice(NOISE[style["noise"]])
            if style["noise"] == "related_quota":
                older = [h for d, h in RELATED_QUOTA if d < sc.pub]
                if not older:
                    style["noise"], para = "related", rng.choice(NOISE["related"])
                else:
                    para += "\n" + "\n".join(rng.sample(older, min(2, len(older))))
            spots = [i for i in range(1, len(body) + 1) if not body[i - 1].endswith(":")]
            last = style["noise"].startswith("related")
            at = len(body) if last else rng.choice(spots or [len(body)])
            body.insert(at, para)
        caps = {
            "story": story_.id,
            "half": story_.half,
            "family": story_.family,
            "layout": story_.layout,
            **dict(story_.axes),
        }
        caps.update({axis: style[axis] for axis in AXES})
        if story_.family in ("groups",) or dict(story_.axes).get("holder"):
            caps["holder"] = dict(story_.axes).get("holder", "company")
        caps["figures"] = str(min(len(r.facts), 5)) + ("+" if len(r.facts) >= 5 else "")
        return Case(
            published=sc.pub,
            text=title + "\n" + "\n".join(body),
            expected=set(r.facts),
            caps=caps,
            title=title,
        )
    raise ValueError(f"story {story_.id}: no scenario fits after 80 tries")


def generate(n: int, seed: int = 10, half: str = "all") -> list[Case]:
    rng = random.Random(seed)
    pool = [s for s in STORIES if half in ("all", s.half)]
    return [compose(rng.choice(pool), rng) for _ in range(n)]


def facts_of(case: Case) -> set[Key]:
    extraction = extract_text(case.text, URL, published=date.fromisoformat(case.published))
    return {f.key() for f in extraction.facts if f.amount_t is not None}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--half", choices=("tune", "held", "all"), default="all")
    known, rest = parser.parse_known_args(argv)
    doc = (__doc__ or "").splitlines()[0]

    def gen(n: int, seed: int) -> list[Case]:
        return generate(n, seed, known.half)

    return run(rest, "stories", doc, gen, facts_of, "stories")


if __name__ == "__main__":
    raise SystemExit(main())
