"""The English rules for the groups' shares, on sentences of our own: one table per wording
family (a group that says what it got, shares given in a run, shares before their whole).

Each case is (published, text, expected keys); a key is (commodity, quota_type, year,
period, category, holder, amount_t) as FACTS.md scores it. Figures are DOMAIN.md's.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from extractors.en.rules import find_facts
from extractors.facts import Content

RE, W, X = "rare_earth", "tungsten", "export"
LIGHT, MH, TP, TB = "light", "medium_heavy", "tungsten_primary", "tungsten_byproduct"
M, S = "mining", "smelting_separation"
NORTH, CREG, XTC = "china_northern_rare_earth", "china_rare_earth_group", "xiamen_tungsten"
Key = tuple[str, str, int, str, str | None, str | None, float | None]


def keys(text: str, published: str) -> set[Key]:
    content = Content(
        title=None, published=datetime.fromisoformat(published), language="en", text=text
    )
    return {fact.key() for fact in find_facts(content)}


# A group, the subject of "said", says what it got: the share is the group's.
SAYS_IT_GOT: list[tuple[str, str, set[Key]]] = [
    (
        "2024-02-06",
        "China Northern Rare Earth said in a statement to the Shanghai bourse that it had been "
        "allocated 94,580 tonnes of rare earth mining quota in this year's first batch.",
        {(RE, M, 2024, "batch:1", None, NORTH, 94580)},
    ),
    (
        "2020-02-10",
        "Xiamen Tungsten Co announced on Monday it has received a first-batch 2020 tungsten "
        "concentrate mining quota of 3,440 t.",
        {(W, M, 2020, "batch:1", None, XTC, 3440)},
    ),
    (
        "2024-02-07",
        "China Rare Earth Group disclosed that the group was granted a smelting and separation "
        "quota of 38,990 tonnes for the first batch of 2024.",
        {(RE, S, 2024, "batch:1", None, CREG, 38990)},
    ),
    (
        "2024-02-07",
        "Baotou Steel Rare Earth (Group) Hi-Tech said it got 88.01 kt of first-batch smelting "
        "quota for 2024.",
        {(RE, S, 2024, "batch:1", None, NORTH, 88010)},
    ),
    # ...but a group that says something else is no holder of the figure
    (
        "2024-02-07",
        "Northern Rare Earth said it received its quota, but China's 2024 first-batch rare earth "
        "mining quota of 135,000 t was unchanged.",
        {(RE, M, 2024, "batch:1", None, None, 135000)},
    ),
    (
        "2024-02-07",
        "China Northern Rare Earth said it expected the 2024 first-batch rare earth mining "
        "quota of 135,000 t to tighten supply.",
        {(RE, M, 2024, "batch:1", None, None, 135000)},
    ),
]

# Shares given in one run, the verb said once, the group's name with its company tail.
SHARES_IN_A_RUN: list[tuple[str, str, set[Key]]] = [
    (
        "2024-02-06",
        "Of the first-batch 2024 smelting and separation quota, China Northern Rare Earth "
        "(Group) High-Tech Co got 88,010 t and China Rare Earth Group Co., Ltd. 38,990 t.",
        {(RE, S, 2024, "batch:1", None, NORTH, 88010), (RE, S, 2024, "batch:1", None, CREG, 38990)},
    ),
    (
        "2024-02-06",
        "In the first batch of 2024 rare earth mining quotas, CNRE Co was given 94.58 kt and "
        "CREG Co Ltd 40.42 kt.",
        {(RE, M, 2024, "batch:1", None, NORTH, 94580), (RE, M, 2024, "batch:1", None, CREG, 40420)},
    ),
]

# Shares named before their whole: the whole is the nation's, and its words (batch, year)
# are the shares' too.
SHARES_BEFORE_THE_WHOLE: list[tuple[str, str, set[Key]]] = [
    (
        "2024-02-06",
        "CNRE got 94,580 tonnes and CREG 40,420 tonnes of the 135,000 t first-batch rare earth "
        "mining quota for 2024.",
        {
            (RE, M, 2024, "batch:1", None, NORTH, 94580),
            (RE, M, 2024, "batch:1", None, CREG, 40420),
            (RE, M, 2024, "batch:1", None, None, 135000),
        },
    ),
    (
        "2024-03-01",
        "Northern Rare Earth received 88,010 t and China Rare Earth Group 38,990 t out of the "
        "127,000 t smelting and separation quota in the first batch of 2024.",
        {
            (RE, S, 2024, "batch:1", None, NORTH, 88010),
            (RE, S, 2024, "batch:1", None, CREG, 38990),
            (RE, S, 2024, "batch:1", None, None, 127000),
        },
    ),
]

# A list of groups, each figure tagged in parentheses with its category and type.
TAGGED_LIST: list[tuple[str, str, set[Key]]] = [
    (
        "2024-02-06",
        "Rare earth quotas for the first batch of 2024, by group:\n"
        "* Northern Rare Earth - 94,580 t (light, mining); 88,010 t (smelting)\n"
        "* CREG - 30,280 t (rock-type, mining); 10,140 t (ion-adsorption, mining); "
        "38,990 t (smelting and separation)",
        {
            (RE, M, 2024, "batch:1", LIGHT, NORTH, 94580),
            (RE, S, 2024, "batch:1", None, NORTH, 88010),
            (RE, M, 2024, "batch:1", LIGHT, CREG, 30280),
            (RE, M, 2024, "batch:1", MH, CREG, 10140),
            (RE, S, 2024, "batch:1", None, CREG, 38990),
        },
    ),
    (
        "2020-02-10",
        "Xiamen Tungsten's 2020 first-batch tungsten mining quota: 2,600 t (main mining) and "
        "840 t (by-product).",
        {(W, M, 2020, "batch:1", TP, XTC, 2600), (W, M, 2020, "batch:1", TB, XTC, 840)},
    ),
    (
        "2022-01-28",
        "China's first 2022 rare earth mining quota was split 89,310 tonnes (LRE) and 11,490 "
        "tonnes (M/HRE).",
        {(RE, M, 2022, "batch:1", LIGHT, None, 89310), (RE, M, 2022, "batch:1", MH, None, 11490)},
    ),
    # ...a tag of other words names nothing
    (
        "2021-02-19",
        "The first batch of 2021 rare earth mining quotas was 84,000 t (REO).",
        {(RE, M, 2021, "batch:1", None, None, 84000)},
    ),
]

# A group's share told in parts, named by its possessive; "the group's" names no group.
SHARE_IN_PARTS: list[tuple[str, str, set[Key]]] = [
    (
        "2024-02-06",
        "China Rare Earth Group was allocated 40,420 tonnes of mining quota in the first batch "
        "of 2024. China Rare Earth Group's figures include light rare earths of 30,280 t and "
        "medium and heavy rare earths of 10,140 t.",
        {
            (RE, M, 2024, "batch:1", None, CREG, 40420),
            (RE, M, 2024, "batch:1", LIGHT, CREG, 30280),
            (RE, M, 2024, "batch:1", MH, CREG, 10140),
        },
    ),
    (
        "2020-12-06",
        "Xiamen Tungsten was given a 2020 tungsten mining quota of 7,000 tonnes. Xiamen "
        "Tungsten's share comprises 6,000 t of main-mining quota and 1,000 t of by-product quota.",
        {
            (W, M, 2020, "annual", None, XTC, 7000),
            (W, M, 2020, "annual", TP, XTC, 6000),
            (W, M, 2020, "annual", TB, XTC, 1000),
        },
    ),
    (
        "2020-12-06",
        "Xiamen Tungsten was given a 2020 tungsten mining quota of 7,000 tonnes. The group's "
        "total is made up of main-mining quota of 6,000 t and by-product quota of 1,000 t.",
        {(W, M, 2020, "annual", None, XTC, 7000)},
    ),
    # ...but "the company's" of other news leaves the nation's figure alone
    (
        "2024-08-20",
        "The company's shares rose 3% after the ministry set the 2024 rare earth mining quota at "
        "270,000 t.",
        {(RE, M, 2024, "annual", None, None, 270000)},
    ),
]

# A holder named after its figure, a word of ours with "and" between ("medium and heavy",
# "smelting and separation"): the word does not end the figure's window.
HOLDER_AFTER_A_WORD_WITH_AND: list[tuple[str, str, set[Key]]] = [
    (
        "2017-06-06",
        "The land ministry allotted 29,750 t of light rare earth mining quota to Inner Mongolia "
        "and 4,500 t of ion-adsorption (medium and heavy) quota to Jiangxi in the first batch "
        "for 2017.",
        {
            (RE, M, 2017, "batch:1", LIGHT, "province:neimenggu", 29750),
            (RE, M, 2017, "batch:1", MH, "province:jiangxi", 4500),
        },
    ),
    (
        "2024-02-06",
        "MIIT gave 88,010 tonnes of smelting and separation quota to Northern Rare Earth in the "
        "first batch of 2024, and 38,990 tonnes of smelting and separation quota to CREG.",
        {(RE, S, 2024, "batch:1", None, NORTH, 88010), (RE, S, 2024, "batch:1", None, CREG, 38990)},
    ),
    (
        "2019-03-12",
        "Some 9,575 t of medium and heavy rare earth mining quota went to China Southern Rare "
        "Earth in the first batch of 2019.",
        {(RE, M, 2019, "batch:1", MH, "china_southern_rare_earth", 9575)},
    ),
]

# A figure set off by commas, then who got it.
WENT_TO: list[tuple[str, str, set[Key]]] = [
    (
        "2015-04-02",
        "China issued its first batch of rare earth mining quotas for 2015. The biggest "
        "allocation, 29,750 t, went to China Northern Rare Earth.",
        {(RE, M, 2015, "batch:1", None, NORTH, 29750)},
    ),
    (
        "2020-01-14",
        "In the first batch of 2020 rare earth mining quotas, the light rare earth portion, "
        "56,425 tonnes, was allocated to Inner Mongolia.",
        {(RE, M, 2020, "batch:1", LIGHT, "province:neimenggu", 56425)},
    ),
    (
        "2020-01-14",
        "Of China's 2020 tungsten mining quota, the largest part, 40,000 tonnes, goes to Jiangxi.",
        {(W, M, 2020, "annual", None, "province:jiangxi", 40000)},
    ),
]

WENT_TO += [
    (
        "2024-02-06",
        "China set the first batch of 2024 rare earth mining quotas at 135,000 t. Northern Rare "
        "Earth was allocated 70%, or 94,580 t, with the rest, 40,420 t, going to China Rare "
        "Earth Group.",
        {
            (RE, M, 2024, "batch:1", None, None, 135000),
            (RE, M, 2024, "batch:1", None, NORTH, 94580),
            (RE, M, 2024, "batch:1", None, CREG, 40420),
        },
    ),
    (
        "2022-01-28",
        "In the first batch of 2022 rare earth mining quotas, the ionic part, 11,490 t, is "
        "allocated to the southern provinces, led by Jiangxi.",
        {(RE, M, 2022, "batch:1", MH, None, 11490)},
    ),
]

# A group's share of a whole, the whole named first: the whole is the nation's.
SHARE_OF_A_WHOLE: list[tuple[str, str, set[Key]]] = [
    (
        "2024-02-06",
        "In the first batch of 2024, CNRE's share of the smelting and separation quota of "
        "127,000 t was 88,010 t.",
        {
            (RE, S, 2024, "batch:1", None, None, 127000),
            (RE, S, 2024, "batch:1", None, NORTH, 88010),
        },
    ),
    (
        "2015-04-02",
        "China Northern Rare Earth's share of the 2015 first-batch mining quota of 52.5 kt "
        "stood at 29.75 kt.",
        {(RE, M, 2015, "batch:1", None, None, 52500), (RE, M, 2015, "batch:1", None, NORTH, 29750)},
    ),
    (
        "2024-02-06",
        "China Rare Earth Group's share of the first-batch 2024 mining quota of 135,000 tonnes "
        "REO amounted to 40,420 tonnes.",
        {(RE, M, 2024, "batch:1", None, None, 135000), (RE, M, 2024, "batch:1", None, CREG, 40420)},
    ),
]

# A province named with its tail ("Jiangxi province") before its figure, the verb said once.
PROVINCE_TAIL: list[tuple[str, str, set[Key]]] = [
    (
        "2017-06-06",
        "By province, Inner Mongolia Autonomous Region received 29,750 t of rock-type rare earth "
        "quota and Jiangxi province 4,500 t of ionic rare earth quota in the first batch of 2017.",
        {
            (RE, M, 2017, "batch:1", LIGHT, "province:neimenggu", 29750),
            (RE, M, 2017, "batch:1", MH, "province:jiangxi", 4500),
        },
    ),
    (
        "2020-12-06",
        "Jiangxi Province got 40,000 tonnes of the 2020 tungsten mining quota and Hunan Province "
        "20,000 tonnes.",
        {
            (W, M, 2020, "annual", None, "province:jiangxi", 40000),
            (W, M, 2020, "annual", None, "province:hunan", 20000),
        },
    ),
]

# Parts of a group's share by a category word alone after each figure.
BARE_CATEGORY_PARTS: list[tuple[str, str, set[Key]]] = [
    (
        "2013-01-05",
        "Of the first-half 2013 rare earth export quotas, China Minmetals received 1,000 t, of "
        "which 800 t light and 200 t medium-heavy.",
        {
            (RE, X, 2013, "batch:1", None, "china_minmetals", 1000),
            (RE, X, 2013, "batch:1", LIGHT, "china_minmetals", 800),
            (RE, X, 2013, "batch:1", MH, "china_minmetals", 200),
        },
    ),
    (
        "2024-02-06",
        "In the first batch of 2024 mining quotas CREG got 40,420 tonnes (30,280 tonnes "
        "rock-type; 10,140 tonnes ionic).",
        {
            (RE, M, 2024, "batch:1", None, CREG, 40420),
            (RE, M, 2024, "batch:1", LIGHT, CREG, 30280),
            (RE, M, 2024, "batch:1", MH, CREG, 10140),
        },
    ),
    (
        "2020-02-10",
        "Xiamen Tungsten's first-batch 2020 tungsten mining quota is 3,440 t: 2,600 t primary "
        "and 840 t by-product.",
        {
            (W, M, 2020, "batch:1", None, XTC, 3440),
            (W, M, 2020, "batch:1", TP, XTC, 2600),
            (W, M, 2020, "batch:1", TB, XTC, 840),
        },
    ),
]

# Groups map onto "respectively" only as a list, never from another clause.
RESPECTIVELY: list[tuple[str, str, set[Key]]] = [
    (
        "2024-02-06",
        "CNRE received 94,580 t of the 2024 first-batch mining quota and 88,010 t of the "
        "smelting and separation quota, while CREG got 40,420 t and 38,990 t respectively.",
        {
            (RE, M, 2024, "batch:1", None, NORTH, 94580),
            (RE, S, 2024, "batch:1", None, NORTH, 88010),
            (RE, M, 2024, "batch:1", None, CREG, 40420),
            (RE, S, 2024, "batch:1", None, CREG, 38990),
        },
    ),
    (
        "2024-02-06",
        "Northern Rare Earth and China Rare Earth Group got 94,580 t and 40,420 t respectively "
        "of the first-batch 2024 mining quota.",
        {(RE, M, 2024, "batch:1", None, NORTH, 94580), (RE, M, 2024, "batch:1", None, CREG, 40420)},
    ),
]

# A past figure in parentheses labelled by its year: the same quota's of that year.
PAST_IN_PARENTHESES: list[tuple[str, str, set[Key]]] = [
    (
        "2024-02-06",
        "First batch of 2024 rare earth quotas, key figures:\n"
        "- Mining quota: 135,000 t (2023: 120,000 t)\n"
        "- Smelting and separation quota: 127kt REO (2023: 115kt)",
        {
            (RE, M, 2024, "batch:1", None, None, 135000),
            (RE, M, 2023, "batch:1", None, None, 120000),
            (RE, S, 2024, "batch:1", None, None, 127000),
            (RE, S, 2023, "batch:1", None, None, 115000),
        },
    ),
    (
        "2020-12-30",
        "China set the 2020 tungsten concentrate mining quota at 105,000 tonnes (2019 = 105,000 "
        "tonnes).",
        {(W, M, 2020, "annual", None, None, 105000), (W, M, 2019, "annual", None, None, 105000)},
    ),
    (
        "2022-09-26",
        "The second batch of rare earth mining quotas for 2022 is 109,200 tonnes (vs 2021: 84,000 "
        "tonnes).",
        {(RE, M, 2022, "batch:2", None, None, 109200), (RE, M, 2021, "batch:2", None, None, 84000)},
    ),
]

# A list of years, each figure's parts in parentheses led by their category; rows of one
# year with a multiplier ("105kt"); a line of figures above a row is no header.
YEAR_LISTS: list[tuple[str, str, set[Key]]] = [
    (
        "2012-05-04",
        "China's annual rare earth mining quotas (tonnes of REO):\n"
        "* 2009: 82,320 t (light 72,300 t, medium-heavy 10,020 t)\n"
        "* 2010: 89,200 t (rock-type 77,000 t; ionic 12,200 t)\n"
        "* 2011: 93,800 t",
        {
            (RE, M, 2009, "annual", None, None, 82320),
            (RE, M, 2009, "annual", LIGHT, None, 72300),
            (RE, M, 2009, "annual", MH, None, 10020),
            (RE, M, 2010, "annual", None, None, 89200),
            (RE, M, 2010, "annual", LIGHT, None, 77000),
            (RE, M, 2010, "annual", MH, None, 12200),
            (RE, M, 2011, "annual", None, None, 93800),
        },
    ),
    (
        "2018-02-02",
        "Rare earth mining quotas by year:\n2015 - 105kt\n2016: 105 thousand tonnes REO\n"
        "2017 - 105 kt",
        {
            (RE, M, 2015, "annual", None, None, 105000),
            (RE, M, 2016, "annual", None, None, 105000),
            (RE, M, 2017, "annual", None, None, 105000),
        },
    ),
    (
        "2021-01-05",
        "China's tungsten concentrate mining quotas, by year:\n"
        "2019: 105,000 t (primary 79,000 t, by-product 26,000 t)\n"
        "2020: 105,000 t",
        {
            (W, M, 2019, "annual", None, None, 105000),
            (W, M, 2019, "annual", TP, None, 79000),
            (W, M, 2019, "annual", TB, None, 26000),
            (W, M, 2020, "annual", None, None, 105000),
        },
    ),
]

# Other list shapes of groups: a figure in parentheses after its group, "accounts for", a
# total closing the list (the nation's, never the last group's); a group named before a
# figure it does not hold by our words leaves the figure unplaced.
GROUP_LISTS: list[tuple[str, str, set[Key]]] = [
    (
        "2024-02-06",
        "The first-batch 2024 mining quota was split between CNRE (94,580 t) and CREG (40,420 t).",
        {(RE, M, 2024, "batch:1", None, NORTH, 94580), (RE, M, 2024, "batch:1", None, CREG, 40420)},
    ),
    (
        "2024-02-06",
        "Of the 2024 first-batch smelting quota, Northern Rare Earth accounts for 88,010 t.",
        {(RE, S, 2024, "batch:1", None, NORTH, 88010)},
    ),
    (
        "2024-02-06",
        "The 2024 first-batch mining quota: China Northern Rare Earth 94,580 tonnes, China Rare "
        "Earth Group 40,420 tonnes, total 135,000 tonnes.",
        {
            (RE, M, 2024, "batch:1", None, NORTH, 94580),
            (RE, M, 2024, "batch:1", None, CREG, 40420),
            (RE, M, 2024, "batch:1", None, None, 135000),
        },
    ),
    (
        "2022-01-28",
        "First-batch 2022 mining quotas: CNRE 60,210 t; Xiamen Tungsten 2,000 t; grand total: "
        "100,800 t.",
        {
            (RE, M, 2022, "batch:1", None, NORTH, 60210),
            (RE, M, 2022, "batch:1", None, XTC, 2000),
            (RE, M, 2022, "batch:1", None, None, 100800),
        },
    ),
    (
        "2024-02-06",
        "The first-batch 2024 mining quota was divided as follows: CNRE - 94,580 t; CREG - "
        "40,420 t; total - 135,000 t.",
        {
            (RE, M, 2024, "batch:1", None, NORTH, 94580),
            (RE, M, 2024, "batch:1", None, CREG, 40420),
            (RE, M, 2024, "batch:1", None, None, 135000),
        },
    ),
    (
        "2024-02-06",
        "First-batch 2024 rare earth allocations: CNRE mining 94,580 t, smelting 88,010 t; CREG "
        "mining 40,420 t, smelting 38,990 t.",
        {
            (RE, M, 2024, "batch:1", None, NORTH, 94580),
            (RE, S, 2024, "batch:1", None, NORTH, 88010),
            (RE, M, 2024, "batch:1", None, CREG, 40420),
            (RE, S, 2024, "batch:1", None, CREG, 38990),
        },
    ),
    (
        "2020-02-10",
        "2020 first-batch tungsten quotas: Xiamen Tungsten extraction quota 3,440 t.",
        {(W, M, 2020, "batch:1", None, XTC, 3440)},
    ),
    (
        "2024-02-06",
        "China Northern Rare Earths was granted 94,580 t of the first-batch 2024 mining quota.",
        {(RE, M, 2024, "batch:1", None, NORTH, 94580)},
    ),
    (
        "2024-02-06",
        "Of the 2024 first-batch mining quota, CNRE accounts for 94,580 t and CREG for 40,420 t.",
        {(RE, M, 2024, "batch:1", None, NORTH, 94580)},
    ),
]

# Parts in parentheses pass nothing on to the figures after them; a category word with a
# comma heads its figure ("light, 50,425 t").
PARTS_IN_PARENTHESES: list[tuple[str, str, set[Key]]] = [
    (
        "2012-08-22",
        "In the second batch of 2012 export quotas, China Minmetals got 600 tonnes (500 t light "
        "and 100 t heavy), and Chinalco 350 tonnes.",
        {
            (RE, X, 2012, "batch:2", None, "china_minmetals", 600),
            (RE, X, 2012, "batch:2", LIGHT, "china_minmetals", 500),
            (RE, X, 2012, "batch:2", MH, "china_minmetals", 100),
            (RE, X, 2012, "batch:2", None, "chinalco_rare_earth", 350),
        },
    ),
    (
        "2016-05-20",
        "Jiangxi received 9,000 t of the 2016 rare earth mining quota (8,000 t ionic and 1,000 t "
        "light), and Sichuan 8,000 t.",
        {
            (RE, M, 2016, "annual", None, "province:jiangxi", 9000),
            (RE, M, 2016, "annual", MH, "province:jiangxi", 8000),
            (RE, M, 2016, "annual", LIGHT, "province:jiangxi", 1000),
            (RE, M, 2016, "annual", None, "province:sichuan", 8000),
        },
    ),
    (
        "2019-03-12",
        "The first-batch 2019 rare earth mining quota of 60,000 t comprises: light, 50,425 t; "
        "medium and heavy, 9,575 t.",
        {
            (RE, M, 2019, "batch:1", None, None, 60000),
            (RE, M, 2019, "batch:1", LIGHT, None, 50425),
            (RE, M, 2019, "batch:1", MH, None, 9575),
        },
    ),
]

# Plain-text tables: header cells naming a category and a type together; rows of one batch.
TABLES: list[tuple[str, str, str, set[Key]]] = [
    (
        "2024-02-06",
        "China's first batch of 2024 rare earth quotas",
        "First-batch 2024 quotas by group (tonnes REO):\n"
        "Group | Light (mining) | Ionic (mining) | Smelting\n"
        "China Northern Rare Earth | 94,580 | 0 | 88,010\n"
        "China Rare Earth Group | 30,280 | 10,140 | 38,990",
        {
            (RE, M, 2024, "batch:1", LIGHT, NORTH, 94580),
            (RE, S, 2024, "batch:1", None, NORTH, 88010),
            (RE, M, 2024, "batch:1", LIGHT, CREG, 30280),
            (RE, M, 2024, "batch:1", MH, CREG, 10140),
            (RE, S, 2024, "batch:1", None, CREG, 38990),
        },
    ),
    (
        "2020-01-20",
        "China's 2019 rare earth quotas",
        "Rare earth mining quotas, 2019 (tonnes):\n"
        "Batch  Mining - light  Mining - ionic\n"
        "First batch  50,425  9,575",
        {(RE, M, 2019, "batch:1", LIGHT, None, 50425), (RE, M, 2019, "batch:1", MH, None, 9575)},
    ),
    (
        "2022-09-26",
        "China's 2022 rare earth quotas",
        "China's rare earth quotas for 2022 (tonnes):\n"
        "Batch | Mining | Smelting\n"
        "1st batch | 100,800 | 97,200\n"
        "2nd batch | 109,200 | 104,800\n"
        "Total | 210,000 | 202,000",
        {
            (RE, M, 2022, "batch:1", None, None, 100800),
            (RE, S, 2022, "batch:1", None, None, 97200),
            (RE, M, 2022, "batch:2", None, None, 109200),
            (RE, S, 2022, "batch:2", None, None, 104800),
            (RE, M, 2022, "annual", None, None, 210000),
            (RE, S, 2022, "annual", None, None, 202000),
        },
    ),
]

TABLES += [
    (
        "2024-02-06",
        "China's first batch of 2024 rare earth quotas by group",
        "First-batch 2024 rare earth quotas:\n"
        "Group\tMining (t)\tSmelting (t)\n"
        "China Northern Rare Earth\t94,580\t88,010",
        {
            (RE, M, 2024, "batch:1", None, NORTH, 94580),
            (RE, S, 2024, "batch:1", None, NORTH, 88010),
        },
    ),
    (
        "2024-02-06",
        "China's first batch of 2024 rare earth quotas by group",
        "First-batch 2024 rare earth quotas:\n"
        "Group | Light rare earth mining | Medium and heavy rare earth mining | Smelting\n"
        "China Northern Rare Earth | 94,580 t | - | 88,010 t\n"
        "China Rare Earth Group | 30,280 t | 10,140 t | 38,990 t",
        {
            (RE, M, 2024, "batch:1", LIGHT, NORTH, 94580),
            (RE, S, 2024, "batch:1", None, NORTH, 88010),
            (RE, M, 2024, "batch:1", LIGHT, CREG, 30280),
            (RE, M, 2024, "batch:1", MH, CREG, 10140),
            (RE, S, 2024, "batch:1", None, CREG, 38990),
        },
    ),
    (
        "2024-02-06",
        "China's first batch of 2024 rare earth quotas",
        "First-batch rare earth mining quotas (tonnes):\n"
        "Quota | 2023 | 2024\n"
        "Nationwide | 120,000 | 135,000",
        {
            (RE, M, 2023, "batch:1", None, None, 120000),
            (RE, M, 2024, "batch:1", None, None, 135000),
        },
    ),
]

TABLES += [
    (
        "2020-01-14",
        "China's first batch of 2020 rare earth quotas",
        "First-batch rare earth mining quotas (tonnes):\n"
        "Category | 2019 | 2020\n"
        "Light rare earths | 50,425 | 56,425\n"
        "Medium-heavy | 9,575 | 9,575\n"
        "Total | 60,000 | 66,000",
        {
            (RE, M, 2019, "batch:1", LIGHT, None, 50425),
            (RE, M, 2020, "batch:1", LIGHT, None, 56425),
            (RE, M, 2019, "batch:1", MH, None, 9575),
            (RE, M, 2020, "batch:1", MH, None, 9575),
            (RE, M, 2019, "batch:1", None, None, 60000),
            (RE, M, 2020, "batch:1", None, None, 66000),
        },
    ),
    (
        "2020-12-30",
        "China's 2020 tungsten quota",
        "2020 tungsten concentrate mining quota (tonnes):\n"
        "Type  Tonnes\n"
        "Main-mining  78,150\n"
        "By-product  26,850",
        {(W, M, 2020, "annual", TP, None, 78150), (W, M, 2020, "annual", TB, None, 26850)},
    ),
]

TABLES += [
    (
        "2024-02-06",
        "China's first batch of 2024 rare earth quotas by group",
        "First-batch 2024 quotas:\n"
        "Group                        Mining      Smelting\n"
        "China Northern Rare Earth    94,580 t    88,010 t\n"
        "China Rare Earth Group       40,420 t    38,990 t",
        {
            (RE, M, 2024, "batch:1", None, NORTH, 94580),
            (RE, S, 2024, "batch:1", None, NORTH, 88010),
            (RE, M, 2024, "batch:1", None, CREG, 40420),
            (RE, S, 2024, "batch:1", None, CREG, 38990),
        },
    ),
    (
        "2024-02-06",
        "China's first batch of 2024 rare earth quotas by group",
        "First-batch 2024 quotas:\nGroup | Mining | Smelting\nCNRE | 94.58kt | 88.01kt",
        {
            (RE, M, 2024, "batch:1", None, NORTH, 94580),
            (RE, S, 2024, "batch:1", None, NORTH, 88010),
        },
    ),
    (
        "2024-02-06",
        "China's first batch of 2024 rare earth quotas by group",
        "First-batch 2024 quotas:\nMining: CNRE 94,580 t | CREG 40,420 t | total 135,000 t",
        {
            (RE, M, 2024, "batch:1", None, NORTH, 94580),
            (RE, M, 2024, "batch:1", None, CREG, 40420),
            (RE, M, 2024, "batch:1", None, None, 135000),
        },
    ),
]


@pytest.mark.parametrize(("published", "title", "text", "expected"), TABLES)
def test_tables(published: str, title: str, text: str, expected: set[Key]) -> None:
    content = Content(
        title=title, published=datetime.fromisoformat(published), language="en", text=text
    )
    assert {fact.key() for fact in find_facts(content)} == expected, text


# Parts that "make up" a whole: no difference ("up 12,000 t").
MAKE_UP: list[tuple[str, str, set[Key]]] = [
    (
        "2015-01-05",
        "Rock-type (light) rare earths make up 87,100 t of the 2014 rare earth mining quota and "
        "ion-adsorption (medium-heavy) types 17,900 t.",
        {(RE, M, 2014, "annual", LIGHT, None, 87100), (RE, M, 2014, "annual", MH, None, 17900)},
    ),
    (
        "2020-01-14",
        "Light rare earths made up some 56,425 t of the first-batch 2020 rare earth mining quota.",
        {(RE, M, 2020, "batch:1", LIGHT, None, 56425)},
    ),
    (
        "2020-12-30",
        "Main-mining quotas, making up 78,150 t of the 2020 tungsten concentrate mining quota, "
        "went mostly to Jiangxi.",
        {(W, M, 2020, "annual", TP, None, 78150)},
    ),
    # ...while "up" alone is still a difference
    (
        "2020-01-14",
        "The first-batch 2020 rare earth mining quota of 66,000 t is up 6,000 t.",
        {(RE, M, 2020, "batch:1", None, None, 66000)},
    ),
]

# Groups' figures in parentheses after the whole, or a group's figures in parentheses after it.
GROUPS_IN_PARENTHESES: list[tuple[str, str, set[Key]]] = [
    (
        "2024-02-06",
        "The 2024 first-batch rare earth smelting quota was 127,000 t (CNRE: 88,010 t; CREG: "
        "38,990 t).",
        {
            (RE, S, 2024, "batch:1", None, None, 127000),
            (RE, S, 2024, "batch:1", None, NORTH, 88010),
            (RE, S, 2024, "batch:1", None, CREG, 38990),
        },
    ),
    (
        "2024-02-06",
        "China issued 135,000 t of first-batch 2024 rare earth mining quota (CNRE 70%, or "
        "94,580 t).",
        {
            (RE, M, 2024, "batch:1", None, None, 135000),
            (RE, M, 2024, "batch:1", None, NORTH, 94580),
        },
    ),
    (
        "2024-02-06",
        "China Northern Rare Earth (mining 94,580 t, smelting 88,010 t) and China Rare Earth "
        "Group (mining 40,420 t, smelting 38,990 t) got the first batch of 2024 rare earth quotas.",
        {
            (RE, M, 2024, "batch:1", None, NORTH, 94580),
            (RE, S, 2024, "batch:1", None, NORTH, 88010),
            (RE, M, 2024, "batch:1", None, CREG, 40420),
            (RE, S, 2024, "batch:1", None, CREG, 38990),
        },
    ),
    (
        "2020-12-30",
        "The 2020 tungsten concentrate mining quota of 105,000 t (Jiangxi: 40,000 t; Hunan: "
        "20,000 t) was issued by the natural resources ministry.",
        {
            (W, M, 2020, "annual", None, None, 105000),
            (W, M, 2020, "annual", None, "province:jiangxi", 40000),
            (W, M, 2020, "annual", None, "province:hunan", 20000),
        },
    ),
]


@pytest.mark.parametrize(("published", "text", "expected"), GROUPS_IN_PARENTHESES)
def test_groups_in_parentheses(published: str, text: str, expected: set[Key]) -> None:
    assert keys(text, published) == expected, text


@pytest.mark.parametrize(("published", "text", "expected"), MAKE_UP)
def test_parts_that_make_up_a_whole(published: str, text: str, expected: set[Key]) -> None:
    assert keys(text, published) == expected, text


@pytest.mark.parametrize(("published", "text", "expected"), PARTS_IN_PARENTHESES)
def test_parts_in_parentheses(published: str, text: str, expected: set[Key]) -> None:
    assert keys(text, published) == expected, text


@pytest.mark.parametrize(("published", "text", "expected"), GROUP_LISTS)
def test_group_lists(published: str, text: str, expected: set[Key]) -> None:
    assert keys(text, published) == expected, text


@pytest.mark.parametrize(("published", "text", "expected"), YEAR_LISTS)
def test_lists_of_years(published: str, text: str, expected: set[Key]) -> None:
    assert keys(text, published) == expected, text


@pytest.mark.parametrize(("published", "text", "expected"), PAST_IN_PARENTHESES)
def test_a_past_figure_in_parentheses(published: str, text: str, expected: set[Key]) -> None:
    assert keys(text, published) == expected, text


@pytest.mark.parametrize(("published", "text", "expected"), BARE_CATEGORY_PARTS)
def test_parts_by_a_bare_category(published: str, text: str, expected: set[Key]) -> None:
    assert keys(text, published) == expected, text


@pytest.mark.parametrize(("published", "text", "expected"), RESPECTIVELY)
def test_groups_respectively(published: str, text: str, expected: set[Key]) -> None:
    assert keys(text, published) == expected, text


@pytest.mark.parametrize(("published", "text", "expected"), WENT_TO)
def test_a_figure_that_went_to_a_holder(published: str, text: str, expected: set[Key]) -> None:
    assert keys(text, published) == expected, text


@pytest.mark.parametrize(("published", "text", "expected"), SHARE_OF_A_WHOLE)
def test_a_share_of_a_whole(published: str, text: str, expected: set[Key]) -> None:
    assert keys(text, published) == expected, text


@pytest.mark.parametrize(("published", "text", "expected"), PROVINCE_TAIL)
def test_a_province_with_its_tail(published: str, text: str, expected: set[Key]) -> None:
    assert keys(text, published) == expected, text


@pytest.mark.parametrize(("published", "text", "expected"), HOLDER_AFTER_A_WORD_WITH_AND)
def test_a_holder_after_a_word_with_and(published: str, text: str, expected: set[Key]) -> None:
    assert keys(text, published) == expected, text


@pytest.mark.parametrize(("published", "text", "expected"), TAGGED_LIST)
def test_a_tagged_list(published: str, text: str, expected: set[Key]) -> None:
    assert keys(text, published) == expected, text


@pytest.mark.parametrize(("published", "text", "expected"), SHARE_IN_PARTS)
def test_a_share_in_parts(published: str, text: str, expected: set[Key]) -> None:
    assert keys(text, published) == expected, text


@pytest.mark.parametrize(("published", "text", "expected"), SAYS_IT_GOT)
def test_a_group_says_what_it_got(published: str, text: str, expected: set[Key]) -> None:
    assert keys(text, published) == expected, text


@pytest.mark.parametrize(("published", "text", "expected"), SHARES_IN_A_RUN)
def test_shares_in_a_run(published: str, text: str, expected: set[Key]) -> None:
    assert keys(text, published) == expected, text


@pytest.mark.parametrize(("published", "text", "expected"), SHARES_BEFORE_THE_WHOLE)
def test_shares_before_their_whole(published: str, text: str, expected: set[Key]) -> None:
    assert keys(text, published) == expected, text
