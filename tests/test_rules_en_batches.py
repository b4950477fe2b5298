"""The English rules for batches, histories, export and tungsten quotas: one table per wording
family, each with sentences of our own that vary it (verbs, word order, units, years,
commodities). Figures are from the public record (../shared/DOMAIN.md).

Each case is (published, title, text, expected keys); a key is (commodity, quota_type, year,
period, category, holder, amount_t) as FACTS.md scores it.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from extractors.en.rules import find_facts
from extractors.facts import Content

RE, W, SB = "rare_earth", "tungsten", "antimony"
M, S, X = "mining", "smelting_separation", "export"
L, MH = "light", "medium_heavy"
Key = tuple[str, str, int, str, str | None, str | None, float | None]
Case = tuple[str, str, str, set[Key]]


def keys(published: str, title: str, text: str) -> set[Key]:
    content = Content(
        title=title, published=datetime.fromisoformat(published), language="en", text=text
    )
    facts = find_facts(content)
    for fact in facts:
        assert text[fact.span[0] : fact.span[1]] == fact.evidence
    return {fact.key() for fact in facts if fact.amount_t is not None}


def check(case: Case) -> None:
    published, title, text, expected = case
    assert keys(published, title, text) == expected, text


# --- the running total: "taking the running total to", "brings the year's totals to" -------

RUNNING = [
    (
        "2023-09-27",
        "China adds second batch of rare earth quotas",
        "Beijing handed out a second round of rare earth mining quotas of 120,000 tonnes, "
        "lifting the total so far this year to 240,000 tonnes.\n"
        "Smelting quotas in the new round came to 115,000 t, taking the running total to "
        "230,000 t.",
        {
            (RE, M, 2023, "batch:2", None, None, 120000),
            (RE, M, 2023, "cumulative:2", None, None, 240000),
            (RE, S, 2023, "batch:2", None, None, 115000),
            (RE, S, 2023, "cumulative:2", None, None, 230000),
        },
    ),
    (
        "2022-09-30",
        "Second 2022 rare earth batch",
        "The second batch set 104.8 kt of rare earth separation quota, which makes a running "
        "tally of 202 kt.",
        {
            (RE, S, 2022, "batch:2", None, None, 104800),
            (RE, S, 2022, "cumulative:2", None, None, 202000),
        },
    ),
    (
        "2023-12-22",
        "Third 2023 rare earth batch",
        "A third batch of rare earth quotas gave 15,000 t of mining and 13,850 t of smelting.\n"
        "That brings the year's totals to 255,000 t for mining and 243,850 t for smelting.",
        {
            (RE, M, 2023, "batch:3", None, None, 15000),
            (RE, S, 2023, "batch:3", None, None, 13850),
            (RE, M, 2023, "annual", None, None, 255000),
            (RE, S, 2023, "annual", None, None, 243850),
        },
    ),
    (
        "2024-08-20",
        "China's second 2024 rare earth quotas",
        "The ministry issued 127,000 t of smelting and separation quotas in a second batch, "
        "bringing 2024's totals to 254,000 t for smelting.",
        {
            (RE, S, 2024, "batch:2", None, None, 127000),
            (RE, S, 2024, "annual", None, None, 254000),
        },
    ),
]


@pytest.mark.parametrize("case", RUNNING)
def test_running_totals_and_the_years_totals(case: Case) -> None:
    check(case)


# --- a batch that takes the year's quota to a figure ------------------------------------------

REACHED = [
    (
        "2010-07-13",
        "China issues second-half rare earth export quotas",
        "The commerce ministry's second batch of 7,976 tonnes takes the 2010 rare earth export "
        "quota to 30,258 tonnes, compared with 50,145 tonnes in the previous year.",
        {
            (RE, X, 2010, "batch:2", None, None, 7976),
            (RE, X, 2010, "annual", None, None, 30258),
            (RE, X, 2009, "annual", None, None, 50145),
        },
    ),
    (
        "2022-09-30",
        "China raises rare earth quotas",
        "A second batch of 109,200 t brought this year's rare earth mining quota to 210,000 t.",
        {
            (RE, M, 2022, "batch:2", None, None, 109200),
            (RE, M, 2022, "cumulative:2", None, None, 210000),
        },
    ),
    (
        "2011-07-15",
        "China sets second-half export quotas",
        "Rare earth exporters got a further 15,738 t in the second round, pushing the export "
        "quota for the year to 30,184 t.",
        {
            (RE, X, 2011, "batch:2", None, None, 15738),
            (RE, X, 2011, "annual", None, None, 30184),
        },
    ),
]


@pytest.mark.parametrize("case", REACHED)
def test_the_quota_a_batch_takes_the_year_to(case: Case) -> None:
    check(case)


# --- the batch a figure follows ----------------------------------------------------------------

FOLLOWED = [
    (
        "2024-08-20",
        "China's 2024 tungsten mining quota reaches 114,000 t",
        "The second batch of 52,000t follows a first batch of 62,000t, for a 2024 total of "
        "114,000 t.",
        {
            (W, M, 2024, "batch:2", None, None, 52000),
            (W, M, 2024, "batch:1", None, None, 62000),
            (W, M, 2024, "annual", None, None, 114000),
        },
    ),
    (
        "2024-08-20",
        "China issues second batch of 2024 tungsten quota",
        "The ministry set the second batch of tungsten mining quotas at 52,000 tonnes, "
        "following a first batch of 62,000 tonnes in April.",
        {
            (W, M, 2024, "batch:2", None, None, 52000),
            (W, M, 2024, "batch:1", None, None, 62000),
        },
    ),
    (
        "2023-10-20",
        "China issues second batch of 2023 rare earth quotas",
        "China issued a second batch of rare earth mining quotas of 120,000 t, matching the "
        "first batch, and 115,000 t of smelting quotas.",
        {
            (RE, M, 2023, "batch:2", None, None, 120000),
            (RE, S, 2023, "batch:2", None, None, 115000),
        },
    ),
    (
        "2022-09-30",
        "Second 2022 rare earth batch",
        "Its 104,800 t of rare earth smelting quota for the second round followed the first "
        "round's 97,200 t.",
        {
            (RE, S, 2022, "batch:2", None, None, 104800),
            (RE, S, 2022, "batch:1", None, None, 97200),
        },
    ),
]


@pytest.mark.parametrize("case", FOLLOWED)
def test_the_batch_a_figure_follows_is_its_own(case: Case) -> None:
    check(case)


# --- when a batch was announced is no quota year ------------------------------------------

ANNOUNCED = [
    (
        "2014-07-17",
        "China 2014 rare earth export quota totals 30,611 t",
        "China issued 15,501 t of rare earth export quotas for the second half of 2014.\n"
        "The first batch, announced in late 2013, was 15,110 t.",
        {
            (RE, X, 2014, "batch:2", None, None, 15501),
            (RE, X, 2014, "batch:1", None, None, 15110),
        },
    ),
    (
        "2011-07-14",
        "China issues second-half rare earth export quotas",
        "China allotted 15,738 t of export quotas for the second half of 2011.\n"
        "The first-half quota of 14,446 t was issued at the end of 2010.",
        {
            (RE, X, 2011, "batch:2", None, None, 15738),
            (RE, X, 2011, "batch:1", None, None, 14446),
        },
    ),
    (
        "2024-08-20",
        "China's second 2024 tungsten batch",
        "The second batch of tungsten mining quotas is 52,000 t.\n"
        "A first batch of 62,000 t came out in early 2024.",
        {
            (W, M, 2024, "batch:2", None, None, 52000),
            (W, M, 2024, "batch:1", None, None, 62000),
        },
    ),
]


@pytest.mark.parametrize("case", ANNOUNCED)
def test_the_year_of_an_announcement_is_not_the_quotas(case: Case) -> None:
    check(case)


# --- a category named after a figure's unit, in a split ---------------------------------------

SPLITS = [
    (
        "2012-05-04",
        "China's rare earth mining quotas, 2009",
        "The 2009 mining quota of 82,320 tonnes was split 72,300 tons light and 10,020 tonnes "
        "medium-heavy.",
        {
            (RE, M, 2009, "annual", None, None, 82320),
            (RE, M, 2009, "annual", L, None, 72300),
            (RE, M, 2009, "annual", MH, None, 10020),
        },
    ),
    (
        "2012-05-04",
        "China's rare earth mining quotas, 2010",
        "China's 2010 rare earth mining quota of 89.2 kt divided into 77 kt light, 12.2 kt heavy.",
        {
            (RE, M, 2010, "annual", None, None, 89200),
            (RE, M, 2010, "annual", L, None, 77000),
            (RE, M, 2010, "annual", MH, None, 12200),
        },
    ),
    (
        "2014-03-01",
        "Rare earth mining quota 2013",
        "For 2013 the rare earth mining quota was 93,800 t: 75,900 t light and 17,900 t heavy.",
        {
            (RE, M, 2013, "annual", None, None, 93800),
            (RE, M, 2013, "annual", L, None, 75900),
            (RE, M, 2013, "annual", MH, None, 17900),
        },
    ),
]


@pytest.mark.parametrize("case", SPLITS)
def test_a_category_after_the_unit(case: Case) -> None:
    check(case)


# --- the story's one quota type comes from its quota sentences --------------------------------

ONE_TYPE = [
    (
        "2025-04-18",
        "China trims tungsten quota, sources say",
        "The first batch of 2025 tungsten concentrate quotas was 58,000 tons, people familiar "
        "with the matter said.\n"
        "Tungsten prices have surged since China put the metal on its export control list.",
        {(W, M, 2025, "batch:1", None, None, 58000)},
    ),
    (
        "2024-04-30",
        "China sets first 2024 tungsten quota",
        "The natural resources ministry set the first batch of tungsten ore quotas for 2024 at "
        "62,000 t.\n"
        "Separately, Beijing has tightened export controls on gallium and germanium.",
        {(W, M, 2024, "batch:1", None, None, 62000)},
    ),
    (
        "2025-02-20",
        "China's antimony mining quota",
        "China's 2025 antimony ore quota is 40,000 tonnes, according to sources.\n"
        "The export ban on antimony to the United States stays in force.",
        {(SB, M, 2025, "annual", None, None, 40000)},
    ),
]


@pytest.mark.parametrize("case", ONE_TYPE)
def test_an_export_control_sentence_names_no_quota_type(case: Case) -> None:
    check(case)


# --- a list of batches: each its figure, or one running total ---------------------------------

LISTED = [
    (
        "2023-12-22",
        "China issues third batch",
        "The first and second batches of rare earth mining quotas were 120,000t and 120,000t "
        "respectively.",
        {
            (RE, M, 2023, "batch:1", None, None, 120000),
            (RE, M, 2023, "batch:2", None, None, 120000),
        },
    ),
    (
        "2023-12-22",
        "China issues third batch",
        "The first, second and third rounds of rare earth mining quotas in 2023 were 120,000 t, "
        "120,000 t and 15,000 t.",
        {
            (RE, M, 2023, "batch:1", None, None, 120000),
            (RE, M, 2023, "batch:2", None, None, 120000),
            (RE, M, 2023, "batch:3", None, None, 15000),
        },
    ),
    (
        "2022-10-22",
        "China issues second batch",
        "The first and second batches of rare earth mining quotas total 210,000 t this year.",
        {(RE, M, 2022, "cumulative:2", None, None, 210000)},
    ),
    (
        "2010-12-30",
        "China's 2010 export quotas",
        "China's first and second batches of rare earth export quotas for 2010 were 22,282 "
        "tonnes and 7,976 tonnes.",
        {
            (RE, X, 2010, "batch:1", None, None, 22282),
            (RE, X, 2010, "batch:2", None, None, 7976),
        },
    ),
]


@pytest.mark.parametrize("case", LISTED)
def test_a_list_of_batches(case: Case) -> None:
    check(case)


# --- a batch issued as "an extra" (another, a further) amount is the batch --------------------

INCREMENT = [
    (
        "2023-12-22",
        "China issues rare third batch of 2023 rare earth quotas",
        "In an unusual third allotment, MIIT granted an extra 15,000 mt of mining quota and "
        "13,850 MT of smelting and separation quota.",
        {
            (RE, M, 2023, "batch:3", None, None, 15000),
            (RE, S, 2023, "batch:3", None, None, 13850),
        },
    ),
    (
        "2011-07-22",
        "China issues second batch",
        "The commerce ministry issued another 15,738 t of rare earth export quotas in its second "
        "batch for 2011.",
        {(RE, X, 2011, "batch:2", None, None, 15738)},
    ),
    (
        "2024-08-23",
        "Second 2024 tungsten batch",
        "With the second batch the ministry allotted a further 52,000 tonnes of tungsten "
        "concentrate mining quota.",
        {(W, M, 2024, "batch:2", None, None, 52000)},
    ),
    (
        "2011-07-22",
        "China raises quota",
        "The ministry raised the 2011 rare earth export quota by another 2,000 t in the second "
        "batch.",
        set(),
    ),
]


@pytest.mark.parametrize("case", INCREMENT)
def test_a_batch_issued_as_an_extra_amount(case: Case) -> None:
    check(case)


# --- "respectively" after a sentence that named the types (categories) ------------------------

BACK = [
    (
        "2023-12-22",
        "China issues third batch of 2023 rare earth quotas",
        "In a third batch, MIIT granted 15,000 t of mining quota and 13,850 t of smelting "
        "quota.\n"
        "Total quotas for the year now stand at 255,000 t and 243,850 t respectively, against "
        "210,000 t and 202,000 t in 2022.",
        {
            (RE, M, 2023, "batch:3", None, None, 15000),
            (RE, S, 2023, "batch:3", None, None, 13850),
            (RE, M, 2023, "annual", None, None, 255000),
            (RE, S, 2023, "annual", None, None, 243850),
            (RE, M, 2022, "annual", None, None, 210000),
            (RE, S, 2022, "annual", None, None, 202000),
        },
    ),
    (
        "2013-06-05",
        "China's light and heavy rare earth mining quotas, 2010-2011",
        "In 2010, China's mining quota of 89.2 kt comprised 77kt REO of light rare earths and "
        "12.2 kt of medium and heavy rare earths.\n"
        "In 2011, the figures were 80.4kt REO and 13.4 kt respectively, for a total of 93.8 "
        "thousand tonnes.",
        {
            (RE, M, 2010, "annual", None, None, 89200),
            (RE, M, 2010, "annual", L, None, 77000),
            (RE, M, 2010, "annual", MH, None, 12200),
            (RE, M, 2011, "annual", L, None, 80400),
            (RE, M, 2011, "annual", MH, None, 13400),
            (RE, M, 2011, "annual", None, None, 93800),
        },
    ),
    (
        "2021-01-05",
        "China's 2020 rare earth quotas",
        "China's 2020 rare earth mining and smelting quotas were 140,000 t and 135,000 t.\n"
        "For 2019, the corresponding quotas were 132,000 t and 127,000 t, respectively.",
        {
            (RE, M, 2020, "annual", None, None, 140000),
            (RE, S, 2020, "annual", None, None, 135000),
            (RE, M, 2019, "annual", None, None, 132000),
            (RE, S, 2019, "annual", None, None, 127000),
        },
    ),
    (
        "2024-02-20",
        "China's first 2024 rare earth quotas",
        "The 2023 mining quota was split into 220,850 t of light and 19,150 t of ionic rare "
        "earths.\n"
        "A mining quota of 135,000 t and a smelting quota of 127,000 t were set for the first "
        "round of 2024, up 12.5% and 10.43% respectively.",
        {
            (RE, M, 2023, "annual", L, None, 220850),
            (RE, M, 2023, "annual", MH, None, 19150),
            (RE, M, 2024, "batch:1", None, None, 135000),
            (RE, S, 2024, "batch:1", None, None, 127000),
        },
    ),
]


@pytest.mark.parametrize("case", BACK)
def test_respectively_after_the_sentence_naming_the_order(case: Case) -> None:
    check(case)


# --- two years a change spans: "Between 2013 and 2015, ... went from A to B" ------------------

SPANS = [
    (
        "2017-01-01",
        "China's rare earth mining quota: 2013 vs 2015",
        "Between 2013 and 2015, China's rare earth mining quota went from 93,800 tons to "
        "105,000 metric tons.",
        {(RE, M, 2013, "annual", None, None, 93800), (RE, M, 2015, "annual", None, None, 105000)},
    ),
    (
        "2012-05-04",
        "Quota history",
        "From 2009 to 2011, the rare earth mining quota rose from 82,320 t to 93,800 t.",
        {(RE, M, 2009, "annual", None, None, 82320), (RE, M, 2011, "annual", None, None, 93800)},
    ),
    (
        "2025-01-10",
        "Tungsten quota history",
        "Over 2020-2024 China's tungsten mining quota climbed from 105,000 tonnes to 114,000 "
        "tonnes.",
        {(W, M, 2020, "annual", None, None, 105000), (W, M, 2024, "annual", None, None, 114000)},
    ),
    (
        "2016-09-08",
        "Quota history",
        "Between 2013 and 2015 the smelting and separation quota for rare earths moved from "
        "90.4 kt REO to 100 kt REO.",
        {(RE, S, 2013, "annual", None, None, 90400), (RE, S, 2015, "annual", None, None, 100000)},
    ),
]


@pytest.mark.parametrize("case", SPANS)
def test_the_two_years_a_change_spans(case: Case) -> None:
    check(case)


# --- a tungsten quota after 2015 with no type named is the mining quota ------------------------

TUNGSTEN_UNTYPED = [
    (
        "2024-08-20",
        "China issues second batch of 2024 tungsten quota, year total 114,000 tons",
        "BEIJING - The second batch of 52,000 tonnes follows a first batch of 62,000 tons, for a "
        "2024 total of 114,000 tons.",
        {
            (W, M, 2024, "batch:2", None, None, 52000),
            (W, M, 2024, "batch:1", None, None, 62000),
            (W, M, 2024, "annual", None, None, 114000),
        },
    ),
    (
        "2021-01-10",
        "Tungsten quota",
        "China set its 2020 tungsten quota at 105,000 t.",
        {(W, M, 2020, "annual", None, None, 105000)},
    ),
    (
        "2023-11-01",
        "Tungsten quota",
        "The second tungsten quota batch of 2023 was 58,000 tonnes.",
        {(W, M, 2023, "batch:2", None, None, 58000)},
    ),
    (
        "2011-01-10",
        "Tungsten quota",
        "China cut its 2011 tungsten quota to 14,300 t.",
        set(),  # an export or a mining quota: not told
    ),
]


@pytest.mark.parametrize("case", TUNGSTEN_UNTYPED)
def test_a_tungsten_quota_after_export_quotas_ended_is_a_mining_one(case: Case) -> None:
    check(case)


# --- a batch named by its number, with a tonnage, after an unrelated sentence ----------------

BATCH_NAMED = [
    (
        "2022-09-22",
        "China's rare earth mining quota for 2022 so far reaches 210,000 tonnes",
        "China issued a second batch of 109,200 tonnes of rare earth mining quotas on Sept 22.\n"
        "Shares in Shanghai fell 0.6% on the day.\n"
        "The first batch, issued earlier this year, was 100,800 tonnes.",
        {
            (RE, M, 2022, "batch:2", None, None, 109200),
            (RE, M, 2022, "batch:1", None, None, 100800),
        },
    ),
    (
        "2014-07-17",
        "China 2014 rare earth export quota",
        "China issued 15,501 t of rare earth export quotas for the second half of 2014.\n"
        "Myanmar shipped 41,700 tonnes of concentrate to China last year.\n"
        "Light rare earths made up 13,692 t of the second batch and medium-heavy 1,809 t.",
        {
            (RE, X, 2014, "batch:2", None, None, 15501),
            (RE, X, 2014, "batch:2", L, None, 13692),
            (RE, X, 2014, "batch:2", MH, None, 1809),
        },
    ),
    (
        "2024-07-26",
        "Tungsten quotas",
        "The ministry set the 2024 tungsten mining quota for the second batch at 52,000 t.\n"
        "Prices of APT were steady.\n"
        "The initial tranche, in April, came to 62,000 t.",
        {
            (W, M, 2024, "batch:2", None, None, 52000),
            (W, M, 2024, "batch:1", None, None, 62000),
        },
    ),
]


MADE_UP_CASES = [
    (
        "2015-02-17",
        "China's 2014 rare earth mining quota",
        "Rock-type rare earths make up 87,100 t of the 2014 mining quota and ionic ones 17,900 t.",
        {(RE, M, 2014, "annual", L, None, 87100), (RE, M, 2014, "annual", MH, None, 17900)},
    ),
    (
        "2020-01-20",
        "China's first 2020 rare earth quota",
        "Of the first 2020 rare earth mining quota, light rare earths made up 56,425 t.",
        {(RE, M, 2020, "batch:1", L, None, 56425)},
    ),
    (
        "2011-07-15",
        "China's export quota",
        "Medium and heavy rare earths making up some 2,000 t of the 2011 second-half export quota.",
        {(RE, X, 2011, "batch:2", MH, None, 2000)},
    ),
]


@pytest.mark.parametrize("case", MADE_UP_CASES)
def test_made_up_is_a_share_not_a_rise(case: Case) -> None:
    check(case)


@pytest.mark.parametrize("case", BATCH_NAMED)
def test_a_batch_named_with_a_tonnage_is_a_quota_sentence(case: Case) -> None:
    check(case)


# --- a past figure compared with the story's figure of its type, sentences later -------------

EARLIER = [
    (
        "2020-01-14",
        "China raises first batch of rare earth quotas",
        "China set the first 2020 rare earth mining quota at 66,000 t and the smelting quota at "
        "63,500 t.\n"
        "That is up 10% from the first batch of 2019, when the mining quota was 60,000 t.\n"
        "The smelting quota compares with 57,500 tons a year earlier.",
        {
            (RE, M, 2020, "batch:1", None, None, 66000),
            (RE, S, 2020, "batch:1", None, None, 63500),
            (RE, M, 2019, "batch:1", None, None, 60000),
            (RE, S, 2019, "batch:1", None, None, 57500),
        },
    ),
    (
        "2021-02-19",
        "China's first 2021 rare earth quotas",
        "The ministry set the first 2021 batch of rare earth mining quotas at 84,000 t and of "
        "smelting quotas at 81,000 t.\n"
        "The mining figure compares with 66,000 t in the first batch of 2020.\n"
        "The separation quota is up from 63,500 t a year before.",
        {
            (RE, M, 2021, "batch:1", None, None, 84000),
            (RE, S, 2021, "batch:1", None, None, 81000),
            (RE, M, 2020, "batch:1", None, None, 66000),
            (RE, S, 2020, "batch:1", None, None, 63500),
        },
    ),
    (
        "2024-02-08",
        "China's 2024 first batch",
        "China issued 135,000 t of rare earth mining quotas and 127,000 t of smelting quotas in "
        "its first 2024 batch.\n"
        "The mining quota compares with 120,000 t a year ago.\n"
        "The smelting quota compares with 115,000 t last year.",
        {
            (RE, M, 2024, "batch:1", None, None, 135000),
            (RE, S, 2024, "batch:1", None, None, 127000),
            (RE, M, 2023, "batch:1", None, None, 120000),
            (RE, S, 2023, "batch:1", None, None, 115000),
        },
    ),
]


@pytest.mark.parametrize("case", EARLIER)
def test_a_past_figure_compared_with_an_earlier_sentences_quota(case: Case) -> None:
    check(case)


# --- the one commodity of a title without a quota word is the story's -------------------------

TITLE_COMMODITY = [
    (
        "2012-05-04",
        "How China has capped rare earth mining",
        "The annual mining quota stood at 82,320 MT in 2009, then 89,200 MT in 2010 and 93,800 "
        "MT in 2011, according to the land ministry.",
        {
            (RE, M, 2009, "annual", None, None, 82320),
            (RE, M, 2010, "annual", None, None, 89200),
            (RE, M, 2011, "annual", None, None, 93800),
        },
    ),
    (
        "2025-01-10",
        "Tungsten: a tighter grip",
        "The 2024 mining quota totalled 114,000 t, up from 111,000 t in 2023.",
        {(W, M, 2024, "annual", None, None, 114000), (W, M, 2023, "annual", None, None, 111000)},
    ),
    (
        "2012-05-04",
        "Rare earths and graphite: China's grip",
        "The annual mining quota stood at 93,800 t in 2011.",
        set(),  # two goods in the title: whose quota is not told
    ),
]


WHEN = [
    (
        "2023-03-24",
        "China raises first batch of rare earth quotas",
        "China set the first 2023 rare earth mining quota at 120,000 t.\n"
        "That is up 10% from the first batch of 2019, when the mining quota was 60,000 t.",
        {(RE, M, 2023, "batch:1", None, None, 120000), (RE, M, 2019, "batch:1", None, None, 60000)},
    ),
    (
        "2023-03-24",
        "China raises first batch of rare earth quotas",
        "China set the first 2023 rare earth mining quota at 120,000 t.\n"
        "The new quota is higher than in 2022, when the mining quota stood at 210,000 t.",
        {(RE, M, 2023, "batch:1", None, None, 120000), (RE, M, 2022, "annual", None, None, 210000)},
    ),
    (
        "2023-03-24",
        "China raises first batch of rare earth quotas",
        "China set the first 2023 rare earth mining quota at 120,000 t.\n"
        "It compares with the second batch of 2022, when the mining quota came to 109,200 t.",
        {
            (RE, M, 2023, "batch:1", None, None, 120000),
            (RE, M, 2022, "batch:2", None, None, 109200),
        },
    ),
]


@pytest.mark.parametrize("case", WHEN)
def test_a_when_clause_after_a_compared_year(case: Case) -> None:
    check(case)


@pytest.mark.parametrize("case", TITLE_COMMODITY)
def test_the_one_commodity_a_title_names(case: Case) -> None:
    check(case)


# --- the one commodity of the sentence just before a quota sentence that names none ----------

BEFORE_COMMODITY = [
    (
        "2011-01-11",
        "Asia business",
        "China has been tightening its grip on rare earths. The mining quota for 2009 was "
        "82,320 tons.",
        {(RE, M, 2009, "annual", None, None, 82320)},
    ),
    (
        "2024-05-10",
        "Metals",
        "Tungsten prices hit a decade high this week.\n"
        "The first batch of the 2024 mining quota was 62,000 t.",
        {(W, M, 2024, "batch:1", None, None, 62000)},
    ),
    (
        "2012-03-01",
        "Markets",
        "Exports of rare earths and graphite fell in January. The export quota for 2012 is "
        "30,996 tonnes.",
        set(),  # two goods before it: whose quota is not told
    ),
]


@pytest.mark.parametrize("case", BEFORE_COMMODITY)
def test_the_commodity_of_the_sentence_before(case: Case) -> None:
    check(case)


# --- on an undated page, a later year named before makes "the two batches" a whole year ------


def undated(title: str, text: str) -> set[Key]:
    facts = find_facts(Content(title=title, published=None, language="en", text=text))
    return {fact.key() for fact in facts if fact.amount_t is not None}


def test_two_batches_of_a_year_before_one_the_story_names_are_that_years_whole() -> None:
    text = (
        "China has quietly issued its 2025 rare earth quotas without a public statement.\n"
        "The smelting and separation quota in 2024 was also in two batches, totalling 254,000 "
        "tons."
    )
    assert undated("Quotas", text) == {(RE, S, 2024, "annual", None, None, 254000)}
    text = (
        "The 2023 tungsten quotas have been issued.\n"
        "In 2022 the tungsten mining quota came in two batches totalling 109,000 t."
    )
    assert undated("Tungsten", text) == {(W, M, 2022, "annual", None, None, 109000)}
    # no later year named: the two batches so far
    text = "The rare earth mining quota for 2024 came in two batches totalling 270,000 t so far."
    assert undated("Quotas", text) == {(RE, M, 2024, "cumulative:2", None, None, 270000)}


# --- a quota cited in a shipments sentence: "despite (below, short of) a quota of" ------------

CITED = [
    (
        "2014-03-01",
        "China raises rare earth export quota",
        "China set its 2014 rare earth export quota at 30,611 t.\n"
        "Chinese rare earth exports totaled just 18,600 tons in 2011, despite a quota of 30,184 "
        "tons.",
        {(RE, X, 2014, "annual", None, None, 30611), (RE, X, 2011, "annual", None, None, 30184)},
    ),
    (
        "2014-03-01",
        "China raises rare earth export quota",
        "China set its 2014 rare earth export quota at 30,611 t.\n"
        "Rare earth shipments reached 16,265 t in 2012, well below the quota of 30,996 t.",
        {(RE, X, 2014, "annual", None, None, 30611), (RE, X, 2012, "annual", None, None, 30996)},
    ),
    (
        "2014-03-01",
        "China raises rare earth export quota",
        "China set its 2014 rare earth export quota at 30,611 t.\n"
        "Exports of rare earths came to 24,000 t in 2013, short of the annual quota of 31,001 t.",
        {(RE, X, 2014, "annual", None, None, 30611), (RE, X, 2013, "annual", None, None, 31001)},
    ),
]


@pytest.mark.parametrize("case", CITED)
def test_a_quota_cited_beside_shipments(case: Case) -> None:
    check(case)


# --- a whole with its parts in parentheses, each part labelled by its category ----------------

PARTS_IN_PARENTHESES = [
    (
        "2012-05-04",
        "China rare earth mining quotas by year",
        "China's annual rare earth mining quotas (tonnes of REO):\n"
        "* 2009: 82,320 t (light 72,300 t, medium-heavy 10,020 t)\n"
        "* 2010: 89,200 t (light 77,000 t, heavy 12,200 t)\n"
        "* 2011: 93,800 t",
        {
            (RE, M, 2009, "annual", None, None, 82320),
            (RE, M, 2009, "annual", L, None, 72300),
            (RE, M, 2009, "annual", MH, None, 10020),
            (RE, M, 2010, "annual", None, None, 89200),
            (RE, M, 2010, "annual", L, None, 77000),
            (RE, M, 2010, "annual", MH, None, 12200),
            (RE, M, 2011, "annual", None, None, 93800),
        },
    ),
    (
        "2015-02-17",
        "China's 2014 rare earth mining quota",
        "China's rare earth mining quota for 2014 was 105,000 t REO (light: 87,100 t; heavy: "
        "17,900 t).",
        {
            (RE, M, 2014, "annual", None, None, 105000),
            (RE, M, 2014, "annual", L, None, 87100),
            (RE, M, 2014, "annual", MH, None, 17900),
        },
    ),
    (
        "2020-01-20",
        "China's first 2020 rare earth quota",
        "The first 2020 batch of rare earth mining quotas is 66 kt (light 56.425 kt, "
        "medium-heavy 9.575 kt).",
        {
            (RE, M, 2020, "batch:1", None, None, 66000),
            (RE, M, 2020, "batch:1", L, None, 56425),
            (RE, M, 2020, "batch:1", MH, None, 9575),
        },
    ),
]


@pytest.mark.parametrize("case", PARTS_IN_PARENTHESES)
def test_parts_in_parentheses_labelled_by_category(case: Case) -> None:
    check(case)


# --- a past year's figure in parentheses after the figure: "135,000 t (2023: 120,000 t)" ------

PAREN_YEARS = [
    (
        "2024-02-06",
        "Factbox: China's first batch of 2024 rare earth quotas",
        "Key figures from the first batch of rare earth quotas announced on Feb 6:\n"
        "- Mining quota: 135,000 mt (2023: 120,000 mt)\n"
        "- Smelting and separation quota: 127,000 MT (2023: 115,000 mt)",
        {
            (RE, M, 2024, "batch:1", None, None, 135000),
            (RE, M, 2023, "batch:1", None, None, 120000),
            (RE, S, 2024, "batch:1", None, None, 127000),
            (RE, S, 2023, "batch:1", None, None, 115000),
        },
    ),
    (
        "2024-09-06",
        "China's 2024 rare earth quotas",
        "China's 2024 rare earth mining quota is 270,000 t (2023: 255,000 t).",
        {(RE, M, 2024, "annual", None, None, 270000), (RE, M, 2023, "annual", None, None, 255000)},
    ),
    (
        "2022-09-30",
        "Second batch",
        "The second 2022 batch of rare earth smelting quotas is 104,800 t (2021 - 81,000 t).",
        {
            (RE, S, 2022, "batch:2", None, None, 104800),
            (RE, S, 2021, "batch:2", None, None, 81000),
        },
    ),
]


@pytest.mark.parametrize("case", PAREN_YEARS)
def test_a_past_years_figure_in_parentheses(case: Case) -> None:
    check(case)


# --- a figure no word types: the last sentence's type or the story's, by the arithmetic -------

STORY_TYPE = [
    (
        "2023-09-27",
        "China's rare earth mining quota for 2023 so far reaches 240,000 tonnes",
        "China issued a second batch of 120,000 tonnes of rare earth mining quotas, bringing the "
        "total for the first two batches of this year to 240,000 tonnes.\n"
        "The first two batches combined allow smelting and separation of 230,000 tonnes.\n"
        "The first batch, issued earlier this year, was 120,000 tonnes.",
        {
            (RE, M, 2023, "batch:2", None, None, 120000),
            (RE, M, 2023, "cumulative:2", None, None, 240000),
            (RE, S, 2023, "cumulative:2", None, None, 230000),
            (RE, M, 2023, "batch:1", None, None, 120000),
        },
    ),
    (
        "2022-09-22",
        "China lifts 2022 rare earth mining quota to 210,000 t",
        "The second batch of rare earth mining quotas was 109,200 t, bringing the total so far "
        "this year to 210,000 t.\n"
        "Smelting quotas so far this year come to 202,000 t.\n"
        "The first batch, in January, was 100,800 t.",
        {
            (RE, M, 2022, "batch:2", None, None, 109200),
            (RE, M, 2022, "cumulative:2", None, None, 210000),
            (RE, S, 2022, "cumulative:2", None, None, 202000),
            (RE, M, 2022, "batch:1", None, None, 100800),
        },
    ),
    (
        "2021-07-30",
        "China's second batch of rare earth smelting quotas",
        "The second batch of rare earth smelting quotas was 81,000 t, for a running total of "
        "162,000 t.\n"
        "The first batch of mining quotas was 84,000 t.\n"
        "The first batch was 81,000 t.",
        {
            (RE, S, 2021, "batch:2", None, None, 81000),
            (RE, S, 2021, "cumulative:2", None, None, 162000),
            (RE, M, 2021, "batch:1", None, None, 84000),
            (RE, S, 2021, "batch:1", None, None, 81000),
        },
    ),
]


@pytest.mark.parametrize("case", STORY_TYPE)
def test_an_untyped_figure_takes_the_type_the_arithmetic_supports(case: Case) -> None:
    check(case)


# --- a byline or a time stamp between the headline and the story ------------------------------

BYLINES = [
    (
        "2024-08-20",
        "China issues second batch of 2024 tungsten quota, year total 114,000 t",
        "By Asian Metal Team\n"
        "The second batch of 52,000t follows a first batch of 62,000 t, for a 2024 total of "
        "114,000t.",
        {
            (W, M, 2024, "batch:2", None, None, 52000),
            (W, M, 2024, "batch:1", None, None, 62000),
            (W, M, 2024, "annual", None, None, 114000),
        },
    ),
    (
        "2014-07-17",
        "China's 2014 second-half rare earth export quota",
        "July 17, 2014 8:54 GMT\nThe second half allocation came to 15,501 t.",
        {(RE, X, 2014, "batch:2", None, None, 15501)},
    ),
    (
        "2021-02-19",
        "China's first 2021 rare earth mining quota: 84,000 t",
        "By Li Wei\nThat is up 27% on the first batch of 2020, which was 66,000 t.",
        {(RE, M, 2020, "batch:1", None, None, 66000)},
    ),
]


@pytest.mark.parametrize("case", BYLINES)
def test_a_byline_does_not_end_the_headlines_story(case: Case) -> None:
    check(case)


# --- the tungsten parts name their quota after an unrelated sentence --------------------------

TUNGSTEN_PARTS = [
    (
        "2022-01-28",
        "China holds tungsten mining quota at 63,000t",
        "The first-batch tungsten concentrate quota for 2022 was 63,000 t.\n"
        "Prices of APT rose 1.8% on Friday.\n"
        "Primary mining got 46,890t and comprehensive utilisation 16,110 t.",
        {
            (W, M, 2022, "batch:1", None, None, 63000),
            (W, M, 2022, "batch:1", "tungsten_primary", None, 46890),
            (W, M, 2022, "batch:1", "tungsten_byproduct", None, 16110),
        },
    ),
    (
        "2021-01-05",
        "China's 2020 tungsten mining quota",
        "China's 2020 tungsten mining quota was 105,000 t.\n"
        "Tungsten is used in cemented carbides.\n"
        "Main mining accounted for 78,150 t and comprehensive utilization for 26,850 t.",
        {
            (W, M, 2020, "annual", None, None, 105000),
            (W, M, 2020, "annual", "tungsten_primary", None, 78150),
            (W, M, 2020, "annual", "tungsten_byproduct", None, 26850),
        },
    ),
    (
        "2024-04-30",
        "China's first 2024 tungsten quota",
        "The first batch of 2024 tungsten mining quotas is 62,000 t.\n"
        "Ammunition makers use tungsten.\n"
        "Comprehensively utilized ore makes up 15,000 t.",
        {
            (W, M, 2024, "batch:1", None, None, 62000),
            (W, M, 2024, "batch:1", "tungsten_byproduct", None, 15000),
        },
    ),
]


@pytest.mark.parametrize("case", TUNGSTEN_PARTS)
def test_the_tungsten_parts_name_their_quota(case: Case) -> None:
    check(case)


# --- a tag in parentheses closed before the next figure is its figure's, not the next one's ----
TAGS = [
    ("2022-01-28", "China rare earth quotas",
     "China's first 2022 rare earth mining quota was split 89,310 tonnes (LRE) and 11,490 "
     "tonnes (M/HRE).",
     {(RE, M, 2022, "batch:1", L, None, 89310), (RE, M, 2022, "batch:1", MH, None, 11490)}),
    ("2020-02-10", "China tungsten quotas",
     "China's 2020 first-batch tungsten mining quota: 66,000 t (main mining) and 25,000 t "
     "(by-product).",
     {(W, M, 2020, "batch:1", "tungsten_primary", None, 66000),
      (W, M, 2020, "batch:1", "tungsten_byproduct", None, 25000)}),
    # still: a parenthesis open at the next figure holds the parts of the figure before it
    ("2021-02-10", "China rare earth quotas",
     "China's first 2021 rare earth mining quota was 84,000 t (light 69,450 t, medium and heavy "
     "14,550 t).",
     {(RE, M, 2021, "batch:1", None, None, 84000), (RE, M, 2021, "batch:1", L, None, 69450),
      (RE, M, 2021, "batch:1", MH, None, 14550)}),
]  # fmt: skip


@pytest.mark.parametrize("case", TAGS)
def test_a_tag_in_parentheses_after_its_figure(case: Case) -> None:
    check(case)
