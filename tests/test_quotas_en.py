"""The English fact rules, one table per phrasing family, on sentences of our own.

Each case is (published, text, expected keys); a key is (commodity, quota_type, year,
period, category, holder, amount_t) as FACTS.md scores it.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.en.readings import MAX_TONNES, MIN_TONNES
from extractors.en.rules import find_facts
from extractors.en.sentences import sentence_spans
from extractors.facts import Content, QuotaFact

RE, W, SB = "rare_earth", "tungsten", "antimony"
M, S, X = "mining", "smelting_separation", "export"
Key = tuple[str, str, int, str, str | None, str | None, float | None]


def read(text: str, published: str = "2024-02-08", title: str | None = None) -> list[QuotaFact]:
    content = Content(
        title=title, published=datetime.fromisoformat(published), language="en", text=text
    )
    facts = find_facts(content)
    for fact in facts:
        assert text[fact.span[0] : fact.span[1]] == fact.evidence
    return facts


def keys(text: str, published: str = "2024-02-08", title: str | None = None) -> set[Key]:
    return {fact.key() for fact in read(text, published, title)}


def check(published: str, text: str, expected: set[Key]) -> None:
    assert keys(text, published) == expected, text


# --- FACTS.md worked examples -----------------------------------------------------------

WORKED = [
    (
        "2021-03-02",
        "Beijing set this year's first batch of rare earth mining quotas at 84,000 tonnes, "
        "up 27% on a year ago.",
        {(RE, M, 2021, "batch:1", None, None, 84000)},
    ),
    (
        "2021-03-02",
        "Beijing set this year's first batch of rare earth mining quotas at 84,000 tonnes, "
        "and the smelting and separation quota at 81,000 t, against 63,500 t for the first "
        "batch of 2020.",
        {
            (RE, M, 2021, "batch:1", None, None, 84000),
            (RE, S, 2021, "batch:1", None, None, 81000),
            (RE, S, 2020, "batch:1", None, None, 63500),
        },
    ),
    ("2021-03-02", "Rare earth prices rose 4% last year.", set()),
]


@pytest.mark.parametrize(("published", "text", "expected"), WORKED)
def test_worked_examples(published: str, text: str, expected: set[Key]) -> None:
    check(published, text, expected)


def test_worked_example_split_over_two_sentences() -> None:
    text = (
        "Beijing set this year's first batch of rare earth mining quotas at 84,000 tonnes, "
        "up 27% on a year ago. The smelting and separation quota was 81,000 t, against "
        "63,500 t for the first batch of 2020."
    )
    facts = read(text, "2021-03-02")
    assert {f.key() for f in facts} == {
        (RE, M, 2021, "batch:1", None, None, 84000),
        (RE, S, 2021, "batch:1", None, None, 81000),
        (RE, S, 2020, "batch:1", None, None, 63500),
    }
    mining = next(f for f in facts if f.quota_type == M)
    assert mining.change_pct == 27.0
    assert mining.evidence.startswith("Beijing set") and mining.evidence.endswith("a year ago.")


# --- units ------------------------------------------------------------------------------

UNITS = [
    ("2020-03-01", "The 2020 first-batch rare earth mining quota was 66,000t.", 66000),
    ("2024-02-08", "China set its first-batch rare earth mining quota at 135kt REO.", 135000),
    ("2022-03-01", "The 2022 first-batch rare earth mining quota was 100.8 kt.", 100800),
    ("2024-02-08", "The first-batch rare earth mining quota is 135 thousand tonnes.", 135000),
    ("2024-02-08", "The first-batch rare earth mining quota is 135,000 metric tons.", 135000),
    ("2024-02-08", "The first-batch rare earth mining quota is 135,000 tons.", 135000),
    ("2024-02-08", "The first-batch rare earth mining quota is 135,000 mt.", 135000),
    ("2024-02-08", "The first-batch rare earth mining quota is 135,000 t.", 135000),
    ("2024-02-08", "A 135,000-tonne first-batch rare earth mining quota was issued.", 135000),
    ("2024-02-08", "The first-batch rare earth mining quota is 135 000 tonnes.", 135000),
    ("2024-02-08", "The first-batch rare earth mining quota is 135k tonnes.", 135000),
    ("2024-02-08", "The first-batch rare earth mining quota is 135.000 tonnes.", 135000),
]


@pytest.mark.parametrize(("published", "text", "amount"), UNITS)
def test_units(published: str, text: str, amount: float) -> None:
    year = int(published[:4])
    check(published, text, {(RE, M, year, "batch:1", None, None, amount)})


# --- quota wording -------------------------------------------------------------------------

WORDING = [
    # translations of 总量控制指标: "control index", "control indicators"
    (
        "2019-11-08",
        "In 2019 the national total control index for rare earth mining was 132,000 tonnes.",
        {(RE, M, 2019, "annual", None, None, 132000)},
    ),
    (
        "2024-03-20",
        "The total mining control indicator for the first batch of 2024 tungsten (65% WO3) is "
        "62,000 tons.",
        {(W, M, 2024, "batch:1", None, None, 62000)},
    ),
    # "output limitation", "output quota", "a ceiling on output", "output was capped at"
    (
        "2013-03-01",
        "The 2013 tungsten concentrate output limitation is 89,000 tons.",
        {(W, M, 2013, "annual", None, None, 89000)},
    ),
    (
        "2020-03-01",
        "Beijing put the first-half rare earth mining output quota at 66,000 tonnes.",
        {(RE, M, 2020, "batch:1", None, None, 66000)},
    ),
    (
        "2012-06-01",
        "The ministry kept a ceiling on the output of antimony mines in 2012 of 50,000 t.",
        {(SB, M, 2012, "annual", None, None, 50000)},
    ),
    (
        "2021-09-30",
        "Rare earth mining output was capped at 168,000 tonnes for 2021.",
        {(RE, M, 2021, "annual", None, None, 168000)},
    ),
    # "TREO"; "mined products" and "refining and smelting products"
    (
        "2024-02-08",
        "The first-batch quotas came to 135kt TREO for mined products and 127kt TREO for "
        "refining and smelting products.",
        {
            (RE, M, 2024, "batch:1", None, None, 135000),
            (RE, S, 2024, "batch:1", None, None, 127000),
        },
    ),
]


WORDING.extend(
    [
        # "output ... had been set at" is a quota set; "total control indexes"
        (
            "2021-09-30",
            "The ministry said 2021 rare earth mining output had been set at 168,000 tonnes.",
            {(RE, M, 2021, "annual", None, None, 168000)},
        ),
        (
            "2022-02-07",
            "In 2022, the total control indexes of the first batch of rare earth mining, smelting "
            "and separation are 100800 tons and 97200 tons respectively.",
            {
                (RE, M, 2022, "batch:1", None, None, 100800),
                (RE, S, 2022, "batch:1", None, None, 97200),
            },
        ),
        # an aside between dashes does not make the figure a use of the quota
        (
            "2021-03-01",
            "The first-half quota for rare earth smelting and separation – the processing of ore "
            "into material used by manufacturers – has been set at 81,000 tons.",
            {(RE, S, 2021, "batch:1", None, None, 81000)},
        ),
        # "up 18,000 mt or 27% and 17,500 mt or 28%": differences throughout the list
        (
            "2021-02-20",
            "The first batch of 2021 quotas is 84,000 mt for rare earth mining and 81,000 mt for "
            "smelting and separation, up 18,000 mt or 27% and 17,500 mt or 28% respectively.",
            {
                (RE, M, 2021, "batch:1", None, None, 84000),
                (RE, S, 2021, "batch:1", None, None, 81000),
            },
        ),
    ]
)


WORDING.extend(
    [
        # the land ministry sets mining quotas; a pair naming no types follows the sentence's
        # earlier pair
        (
            "2011-03-01",
            "China's rare earth production quota for 2011 was set at 93,800 tonnes, the land "
            "ministry said.",
            {(RE, M, 2011, "annual", None, None, 93800)},
        ),
        (
            "2024-08-20",
            "China's second batch of 2024 rare earth quotas was 135,000 tonnes for mining and "
            "127,000 tonnes for smelting, taking full-year totals to 270,000 tonnes and 254,000 "
            "tonnes.",
            {
                (RE, M, 2024, "batch:2", None, None, 135000),
                (RE, S, 2024, "batch:2", None, None, 127000),
                (RE, M, 2024, "annual", None, None, 270000),
                (RE, S, 2024, "annual", None, None, 254000),
            },
        ),
    ]
)


WORDING.extend(
    [
        # "output of rare earths is limited to", "a ceiling on rare earth mining output of"
        (
            "2012-04-01",
            "China's output of rare earths is limited to 93,800 tonnes this year under the land "
            "ministry's plan.",
            {(RE, M, 2012, "annual", None, None, 93800)},
        ),
        (
            "2019-06-01",
            "A ceiling on rare earth mining output of 132,000 tonnes applies for 2019.",
            {(RE, M, 2019, "annual", None, None, 132000)},
        ),
        # "since 2017, from 105,000 t": the old level's year
        (
            "2021-01-10",
            "China's rare earth mining quota has risen every year since 2017, from 105,000 tonnes "
            "to 140,000 tonnes in 2020.",
            {
                (RE, M, 2017, "annual", None, None, 105000),
                (RE, M, 2020, "annual", None, None, 140000),
            },
        ),
    ]
)


WORDING.append(
    # "will allow mining of ... and smelting of"
    (
        "2019-11-29",
        "For the full year 2019, China will allow mining of 132,000 tonnes of rare earths and "
        "smelting of 127,000 tonnes, the ministry said.",
        {(RE, M, 2019, "annual", None, None, 132000), (RE, S, 2019, "annual", None, None, 127000)},
    )
)


@pytest.mark.parametrize(("published", "text", "expected"), WORDING)
def test_quota_wording(published: str, text: str, expected: set[Key]) -> None:
    check(published, text, expected)


# --- periods ------------------------------------------------------------------------------

PERIODS = [
    ("The first round of rare earth mining quotas was 135,000 t.", "batch:1"),
    ("The first-half rare earth mining quota was 135,000 t.", "batch:1"),
    ("The H1 rare earth mining quota was 135,000 t.", "batch:1"),
    ("The 1H rare earth mining quota was 135,000 t.", "batch:1"),
    ("The second batch of rare earth mining quotas was 135,000 t.", "batch:2"),
    ("The second-round rare earth mining quota was 135,000 t.", "batch:2"),
    ("The H2 rare earth mining quota was 135,000 t.", "batch:2"),
    ("The third batch of rare earth mining quotas was 15,000 t.", "batch:3"),
    ("The 2nd tranche of rare earth mining quotas was 135,000 t.", "batch:2"),
    ("China set its first rare earth mining quota of the year at 135,000 t.", "batch:1"),
    ("The first 2024 rare earth mining quota came to 135,000 t.", "batch:1"),
    ("The second rare earth mining quota of the year was 135,000 t.", "batch:2"),
    ("The third rare earth mining quota was 15,000 t.", "batch:3"),
    ("The rare earth mining quota for the first batchissued today is 135,000 t.", "batch:1"),
    ("China unveiled its first uncommon earths mining quota of 2024 at 135,000 t.", "batch:1"),
    ("The full-year rare earth mining quota is 270,000 t.", "annual"),
    ("The rare earth mining quota for the year is 270,000 t.", "annual"),
    ("The annual rare earth mining quota is 270,000 t.", "annual"),
    ("The rare earth mining quota total for the year is 270,000 t.", "annual"),
]


@pytest.mark.parametrize(("text", "period"), PERIODS)
def test_periods(text: str, period: str) -> None:
    (fact,) = read(text)
    assert (fact.year, fact.period) == (2024, period)


CUMULATIVE = [
    (
        "2023-09-01",
        "Rare earth mining quotas so far this year stand at 240,000 t after the second batch.",
        {(RE, M, 2023, "cumulative:2", None, None, 240000)},
    ),
    (
        "2023-09-01",
        "The year-to-date rare earth mining quota is 240,000 t, after a second batch of 120,000 t.",
        {
            (RE, M, 2023, "cumulative:2", None, None, 240000),
            (RE, M, 2023, "batch:2", None, None, 120000),
        },
    ),
    (
        "2022-07-28",
        "The second batch of rare earth mining quotas was 109,200 t, bringing the total to "
        "210,000 t.",
        {
            (RE, M, 2022, "batch:2", None, None, 109200),
            (RE, M, 2022, "cumulative:2", None, None, 210000),
        },
    ),
    (
        "2022-07-28",
        "For the first two batches combined, the rare earth mining quota was 210,000 tonnes.",
        {(RE, M, 2022, "cumulative:2", None, None, 210000)},
    ),
    (
        "2022-07-28",
        "China issued the second batch of rare earth quotas. The mining quota in total this "
        "year is 210,000 t.",
        {(RE, M, 2022, "cumulative:2", None, None, 210000)},
    ),
    (
        "2024-08-20",
        "The second batch of rare earth mining quotas was 135,000 tons, bringing the total "
        "for the year to 270,000 tons.",
        {
            (RE, M, 2024, "batch:2", None, None, 135000),
            (RE, M, 2024, "annual", None, None, 270000),
        },
    ),
    # "the 2023 total" is the year's; a batch that only "lifts" the quota gives a running total
    (
        "2023-12-15",
        "The third batch takes the 2023 total rare earth mining quota to 255,000 tons.",
        {(RE, M, 2023, "annual", None, None, 255000)},
    ),
    (
        "2023-12-15",
        "The third batch lifts the 2023 rare earth mining quota to 255,000 tons.",
        {(RE, M, 2023, "cumulative:3", None, None, 255000)},
    ),
    # "the 2024 total control quotas" (总量控制指标) name no period
    (
        "2024-02-07",
        "The first batch of the 2024 total control quotas for rare earth mining is 135,000 mt.",
        {(RE, M, 2024, "batch:1", None, None, 135000)},
    ),
]


CUMULATIVE.append(
    # a batch inherited from the figure before may be the year's: the document's arithmetic
    # (one amount per quota) reads "reached 255,000 t" as the year
    (
        "2023-12-15",
        "With the third batch of 15,000 tonnes, China's 2023 rare earth mining quota reached "
        "255,000 tonnes.",
        {(RE, M, 2023, "batch:3", None, None, 15000), (RE, M, 2023, "annual", None, None, 255000)},
    )
)


CUMULATIVE.append(
    # the words after a figure up to the comma are its clause's, not the next figure's
    (
        "2023-10-20",
        "The year-to-date rare earth mining quota is 240,000 tonnes after the second batch, and "
        "the smelting quota is 230,000 tonnes.",
        {
            (RE, M, 2023, "cumulative:2", None, None, 240000),
            (RE, S, 2023, "cumulative:2", None, None, 230000),
        },
    )
)


@pytest.mark.parametrize(("published", "text", "expected"), CUMULATIVE)
def test_running_totals(published: str, text: str, expected: set[Key]) -> None:
    check(published, text, expected)


def test_doubled_after_a_second_batch_is_the_running_total() -> None:
    text = (
        "China's rare earth quota doubles to 240,000 tonnes\n"
        "China issued the second batch of 2023 rare earth mining quotas on Friday. "
        "The second batch was 120,000 t."
    )
    assert keys(text, "2023-08-01") == {
        (RE, M, 2023, "cumulative:2", None, None, 240000),
        (RE, M, 2023, "batch:2", None, None, 120000),
    }


def test_doubled_without_any_batch_is_not_read() -> None:
    assert keys("China's rare earth mining quota doubled to 240,000 tonnes.", "2023-08-01") == set()


# --- years and announcement dates ---------------------------------------------------------

YEARS = [
    ("2024-02-08", "The 2023 rare earth mining quota was 255,000 t.", 2023),
    ("2024-02-08", "This year's first-batch rare earth mining quota is 135,000 t.", 2024),
    ("2024-02-08", "China's rare earth mining quota last year was 255,000 t.", 2023),
    ("2024-02-08", "2023's rare earth mining quota was 255,000 t.", 2023),
    ("2024-02-08", "The rare earth mining quota was 255,000 t a year ago.", 2023),
]


@pytest.mark.parametrize(("published", "text", "year"), YEARS)
def test_years(published: str, text: str, year: int) -> None:
    (fact,) = read(text, published)
    assert fact.year == year


COMPARISON_YEARS = [
    # a year named in a comparison never dates the quota being set
    (
        "2023-03-24",
        "China lifted its 2023 first batch, with the rare earth mining quota up 19% from last "
        "year to 120,000 tonnes.",
        {(RE, M, 2023, "batch:1", None, None, 120000)},
    ),
    (
        "2024-02-08",
        "The first-batch rare earth smelting quota is 127,000 t, 10.4% higher than in the first "
        "2023 quota.",
        {(RE, S, 2024, "batch:1", None, None, 127000)},
    ),
    (
        "2024-02-08",
        "Compared with 2023, the first-batch rare earth mining quota is 135,000 t.",
        {(RE, M, 2024, "batch:1", None, None, 135000)},
    ),
    # ...but it dates the past figure it introduces
    (
        "2024-08-20",
        "The 2024 rare earth mining quota is 270,000 t, above 2022's 210,000 t.",
        {(RE, M, 2024, "annual", None, None, 270000), (RE, M, 2022, "annual", None, None, 210000)},
    ),
    (
        "2022-02-07",
        "The 2022 first-round rare earth mining quota is 100.8 kt, up 20% from the figure of "
        "84 kt set in the first round of 2021.",
        {
            (RE, M, 2022, "batch:1", None, None, 100800),
            (RE, M, 2021, "batch:1", None, None, 84000),
        },
    ),
]


@pytest.mark.parametrize(("published", "text", "expected"), COMPARISON_YEARS)
def test_a_comparison_year_dates_only_the_past_figure(
    published: str, text: str, expected: set[Key]
) -> None:
    check(published, text, expected)


def test_a_background_year_does_not_carry_to_a_new_quota_sentence() -> None:
    """The story's year (its first figure's) dates a later quota sentence with no year;
    a year said in between, in a sentence without figures, only dates sentences that go on
    from it."""
    text = (
        "China set its first rare earth mining quota for 2024 at 135,000 t. Quotas usually come "
        "twice a year, though there were three batches last year. The ministry also set the "
        "first smelting quota for the year at 127,000 t."
    )
    assert keys(text, "2024-02-06") == {
        (RE, M, 2024, "batch:1", None, None, 135000),
        (RE, S, 2024, "batch:1", None, None, 127000),
    }
    text = (
        "China set its first rare earth mining quota for 2024 at 135,000 t. Last year the "
        "quotas came in three batches. The first batch was 120,000 t."
    )
    assert keys(text, "2024-02-06") == {
        (RE, M, 2024, "batch:1", None, None, 135000),
        (RE, M, 2023, "batch:1", None, None, 120000),
    }


STORY_YEARS = [
    # "a 12.5% uplift on ... H1 2023" is a comparison: the tail's year is not the figure's
    (
        "2024-02-08",
        "The first-batch quotas came to 135kt REO for mining, a 12.5% uplift on those allocated "
        "by the two ministries in H1 2023.",
        {(RE, M, 2024, "batch:1", None, None, 135000)},
    ),
    # in December, "last year" of a comparison with next year's quota is the year before it
    (
        "2010-12-28",
        "China set the first round of 2011 rare earth export quotas at 14,446 tons, down 11.4 "
        "percent year-on-year from the 16,304 tons in the first round of last year.",
        {(RE, X, 2011, "batch:1", None, None, 14446), (RE, X, 2010, "batch:1", None, None, 16304)},
    ),
]


@pytest.mark.parametrize(("published", "text", "expected"), STORY_YEARS)
def test_story_years(published: str, text: str, expected: set[Key]) -> None:
    check(published, text, expected)


def test_a_new_quota_sentence_without_a_year_returns_to_the_story_year() -> None:
    text = (
        "The tungsten concentrate output limitation for 2013 is 89,000 tons. Half of the 2012 "
        "output limitation was issued in December. The output limitation sent to the provinces "
        "rose by 2,000 tons. Main mining accounts for 71,000 tons and comprehensive "
        "utilization for 18,000 tons."
    )
    assert keys(text, "2013-03-01") == {
        (W, M, 2013, "annual", None, None, 89000),
        (W, M, 2013, "annual", "tungsten_primary", None, 71000),
        (W, M, 2013, "annual", "tungsten_byproduct", None, 18000),
    }


def test_the_year_of_a_date_is_not_the_quota_year() -> None:
    """ "On December 27 last year" dates the announcement; the quota is the story's year."""
    text = (
        "China set the second batch of 2012 rare earth export quotas at 9,770 t. On December 27 "
        "last year, the ministry had set the first batch of export quotas at 10,546 t."
    )
    facts = read(text, "2012-08-23")
    assert {f.key() for f in facts} == {
        (RE, X, 2012, "batch:2", None, None, 9770),
        (RE, X, 2012, "batch:1", None, None, 10546),
    }
    assert {f.announced for f in facts if f.amount_t == 10546} == {date(2011, 12, 27)}


def test_a_year_earlier_belongs_to_the_past_figure() -> None:
    text = (
        "The first batch of rare earth mining quotas is 135,000 t, compared with 120,000 t "
        "a year earlier."
    )
    assert keys(text) == {
        (RE, M, 2024, "batch:1", None, None, 135000),
        (RE, M, 2023, "batch:1", None, None, 120000),
    }


def test_a_date_is_not_a_quota_year() -> None:
    text = "On Jan. 5, 2023, the first-batch rare earth mining quota for 2024 was set at 135,000 t."
    (fact,) = read(text, "2024-02-08")
    assert fact.year == 2024


def test_weekday_announcement() -> None:
    # 2024-02-08 is a Thursday: "on Tuesday" is 2024-02-06.
    text = (
        "The Ministry of Industry and Information Technology issued the first batch of 2024 "
        "rare earth quotas on Tuesday. The mining quota was 135,000 t."
    )
    (fact,) = read(text, "2024-02-08")
    assert fact.announced == date(2024, 2, 6)
    assert fact.issuer == "MIIT"


def test_last_month_announcement() -> None:
    text = "MIIT released the first-batch rare earth quotas last month: mining was 135,000 t."
    (fact,) = read(text, "2024-03-10")
    assert fact.announced == date(2024, 2, 1)


# --- respectively -----------------------------------------------------------------------------

PAIRS = [
    "The ministry set first-batch rare earth quotas of 135,000 and 127,000 tonnes for mining "
    "and smelting respectively.",
    "China's first-batch rare earth mining and smelting quotas of 135,000 t and 127,000 t "
    "were issued.",
    "The mining and smelting rare earth quotas of the first batch were 135,000 t and 127,000 t "
    "respectively.",
    "The first batch of rare earth quotas set mining at 135,000 t and smelting and separation "
    "at 127,000 t.",
    "First-batch rare earth quotas were 135,000 t for mining and 127,000 t for smelting and "
    "separation.",
]


@pytest.mark.parametrize("text", PAIRS)
def test_respectively_and_pairs(text: str) -> None:
    assert keys(text) == {
        (RE, M, 2024, "batch:1", None, None, 135000),
        (RE, S, 2024, "batch:1", None, None, 127000),
    }


def test_pairs_with_changes_respectively() -> None:
    text = (
        "The first-batch rare earth quotas were 135,000 and 127,000 tonnes for mining and "
        "smelting respectively, up 12.5% and 10.43% from a year earlier."
    )
    facts = {f.quota_type: f.change_pct for f in read(text)}
    assert facts == {M: 12.5, S: 10.43}


def test_ambiguous_pair_yields_nothing() -> None:
    # Two figures, one quota type: the rules cannot tell which is which.
    assert keys("The first-batch rare earth mining quotas were 135,000 t and 127,000 t.") == set()


# --- growth, past figures, unchanged ----------------------------------------------------------

GROWTH = [
    (
        "2024-02-08",
        "The first-batch rare earth smelting quota was 127,000 tonnes, up 10.43% from 115,000.",
        {
            (RE, S, 2024, "batch:1", None, None, 127000),
            (RE, S, 2023, "batch:1", None, None, 115000),
        },
    ),
    (
        "2020-03-01",
        "The first batch of rare earth mining quotas for 2020 was 66,000 tonnes, up from "
        "60,000 tonnes for the first batch of 2019.",
        {
            (RE, M, 2020, "batch:1", None, None, 66000),
            (RE, M, 2019, "batch:1", None, None, 60000),
        },
    ),
    (
        "2024-02-08",
        "The first-batch rare earth mining quota was 135,000 t, with growth slowing to 5.9% "
        "from 21.4%.",
        {(RE, M, 2024, "batch:1", None, None, 135000)},
    ),
    (
        "2024-08-20",
        "The total rare earth mining quota for 2024 was 270,000 t, up 5.9% from 255,000 t in 2023.",
        {
            (RE, M, 2024, "annual", None, None, 270000),
            (RE, M, 2023, "annual", None, None, 255000),
        },
    ),
    (
        "2024-02-08",
        "The first-batch rare earth mining quota was kept flat at 135,000 t.",
        {(RE, M, 2024, "batch:1", None, None, 135000)},
    ),
    (
        "2024-08-20",
        "The second batch of rare earth mining quotas was 135,000 t, unchanged from last year's "
        "135,000 t.",
        {(RE, M, 2024, "batch:2", None, None, 135000)},
    ),
]


@pytest.mark.parametrize(("published", "text", "expected"), GROWTH)
def test_growth_and_past_figures(published: str, text: str, expected: set[Key]) -> None:
    check(published, text, expected)


def test_from_old_level_to_new_level() -> None:
    """ "raise mining quotas for 2018 from 105,000 t to 120,000 t": the year named before the
    comparison is the new level's; each new level is the quota of its old one. The old levels
    name no year or period of their own (an earlier level of 2018, or 2017's?): dropped."""
    text = (
        "The ministry said it would raise rare earth mining quotas for 2018 from 105,000 tons to "
        "as much as 120,000 tons and the smelting quota from 100,000 tons to 115,000 tons."
    )
    assert keys(text, "2018-11-08") == {
        (RE, M, 2018, "annual", None, None, 120000),
        (RE, S, 2018, "annual", None, None, 115000),
    }


def test_a_type_named_to_compare_is_not_the_figures() -> None:
    text = (
        "The first-half rare earth mining quota for 2019 was 60,000 tonnes. The smelting and "
        "separation quota is usually issued at the same time as the mining quota and was "
        "57,500 tonnes in the first half of 2019."
    )
    assert keys(text, "2019-03-20") == {
        (RE, M, 2019, "batch:1", None, None, 60000),
        (RE, S, 2019, "batch:1", None, None, 57500),
    }


def test_an_undated_story_keeps_its_period_for_a_figure_of_a_named_year() -> None:
    """No publication date and no year before: "In 2020, ... 66,000 t" under a first-batch
    headline is that first batch, not the 2020 total."""
    content = Content(
        title="First batch of rare earth mining control targets issued",
        published=None,
        language="en",
        text="In 2020, the nation's total control targets of rare earth ore mining are 66,000 t.",
    )
    assert {f.key() for f in find_facts(content)} == {(RE, M, 2020, "batch:1", None, None, 66000)}


def test_the_stated_growth_picks_the_period_of_a_figure_without_one() -> None:
    """ "84,000 t, up 27% on the 66,000 t of the first batch of 2020": handed with the past
    figure's period as a second reading, the growth (84,000 / 66,000 = +27%) picks it."""
    text = (
        "The ministries allocated 84,000 tonnes of rare earth mining quota, up 27% on the 66,000 "
        "tonnes of the first batch of 2020."
    )
    assert keys(text, "2021-02-19") == {
        (RE, M, 2021, "batch:1", None, None, 84000),
        (RE, M, 2020, "batch:1", None, None, 66000),
    }


def test_a_headline_naming_the_quota_is_gone_on_by_the_first_line() -> None:
    text = "Mining: 135,000 t; smelting and separation: 127,000 t."
    assert keys(text, "2024-02-07", "China's first 2024 rare earth quotas") == {
        (RE, M, 2024, "batch:1", None, None, 135000),
        (RE, S, 2024, "batch:1", None, None, 127000),
    }


def test_change_pct_is_signed() -> None:
    (fact,) = read("The first-batch rare earth mining quota was 135,000 t, down 3% on a year ago.")
    assert fact.change_pct == -3.0


def test_share_move_is_not_a_change_of_the_quota() -> None:
    text = (
        "Shares of China Northern Rare Earth rose 5% after the first-batch rare earth mining "
        "quota was set at 135,000 t."
    )
    (fact,) = read(text)
    assert (fact.holder, fact.change_pct) == (None, None)


# --- categories and holders -----------------------------------------------------------------

CATEGORY_CASES = [
    (
        "2020-03-01",
        "Of the 2020 first-batch rare earth mining quota, light rare earths got 56,425 t and "
        "medium and heavy rare earths 9,575 t.",
        {
            (RE, M, 2020, "batch:1", "light", None, 56425),
            (RE, M, 2020, "batch:1", "medium_heavy", None, 9575),
        },
    ),
    (
        "2020-12-01",
        "The 2020 rare earth mining quota comprises 120,850 t for rock-type deposits and "
        "19,150 t for ion-adsorption ones.",
        {
            (RE, M, 2020, "annual", "light", None, 120850),
            (RE, M, 2020, "annual", "medium_heavy", None, 19150),
        },
    ),
    (
        "2020-12-01",
        "The 2020 rare earth mining quota comprises hard-rock and ionic clay quotas of 120,850 t "
        "and 19,150 t respectively.",
        {
            (RE, M, 2020, "annual", "light", None, 120850),
            (RE, M, 2020, "annual", "medium_heavy", None, 19150),
        },
    ),
    (
        "2020-04-01",
        "The 2020 tungsten mining quota was 105,000 t, of which main-mining accounted for "
        "78,150 t and by-product (comprehensive utilisation) 26,850 t.",
        {
            (W, M, 2020, "annual", None, None, 105000),
            (W, M, 2020, "annual", "tungsten_primary", None, 78150),
            (W, M, 2020, "annual", "tungsten_byproduct", None, 26850),
        },
    ),
    (
        "2020-04-01",
        "The 2020 medium-heavy rare earth mining quota stayed at 19,150 t.",
        {(RE, M, 2020, "annual", "medium_heavy", None, 19150)},
    ),
]


@pytest.mark.parametrize(("published", "text", "expected"), CATEGORY_CASES)
def test_categories(published: str, text: str, expected: set[Key]) -> None:
    check(published, text, expected)


HOLDER_CASES = [
    (
        "China Northern Rare Earth Group High-Tech received 94,580 t of the first-batch rare "
        "earth mining quota, while China Rare Earth Group got 40,420 t.",
        {
            (RE, M, 2024, "batch:1", None, "china_northern_rare_earth", 94580),
            (RE, M, 2024, "batch:1", None, "china_rare_earth_group", 40420),
        },
    ),
    (
        "In the first batch of rare earth quotas, Northern Rare Earth got 94,580 t of mining and "
        "88,010 t of smelting quotas.",
        {
            (RE, M, 2024, "batch:1", None, "china_northern_rare_earth", 94580),
            (RE, S, 2024, "batch:1", None, "china_northern_rare_earth", 88010),
        },
    ),
    (
        "In the first batch of rare earth mining quotas, Inner Mongolia got 45,000 t and "
        "Jiangxi 8,500 t.",
        {
            (RE, M, 2024, "batch:1", None, "province:neimenggu", 45000),
            (RE, M, 2024, "batch:1", None, "province:jiangxi", 8500),
        },
    ),
    (
        "Of the 135,000 t first-batch rare earth mining quota, light rare earths allocated to "
        "China Northern Rare Earth came to 94,580 t.",
        {
            (RE, M, 2024, "batch:1", None, None, 135000),
            (RE, M, 2024, "batch:1", "light", "china_northern_rare_earth", 94580),
        },
    ),
]


HOLDER_CASES.append(
    # a group named a clause away from the figure does not hold it
    (
        "Across Northern Rare Earth and China Rare Earth Group, most of the rise went to light "
        "ores, while the first-batch rare earth mining quota for ion-adsorption ores fell to "
        "10,140 t.",
        {(RE, M, 2024, "batch:1", "medium_heavy", None, 10140)},
    )
)


HOLDER_CASES.extend(
    [
        # the province the sentence is about holds "the largest quota"; a range of halves
        # names the comparison year first
        (
            "The first-batch rare earth mining quota rose 40% between H1-2023 and H1-2024. Jiangxi "
            "province remained the province with the largest ion-adsorption mining quota at "
            "6,300t REO, compared to 4,500t REO in the first batch of 2023.",
            {
                (RE, M, 2024, "batch:1", "medium_heavy", "province:jiangxi", 6300),
                (RE, M, 2023, "batch:1", "medium_heavy", "province:jiangxi", 4500),
            },
        ),
        # a group "owns" its share; what it keeps in reserve is not its quota
        (
            "The 2024 first-batch light rare earth mining quota of Inner Mongolia is 73,550 tons. "
            "China Northern Rare Earth owns 68,550 tons and reserved 5,000 tons.",
            {
                (RE, M, 2024, "batch:1", "light", "province:neimenggu", 73550),
                (RE, M, 2024, "batch:1", "light", "china_northern_rare_earth", 68550),
            },
        ),
    ]
)


HOLDER_CASES.append(
    # a rare earth group names the commodity; a pair without types follows the pair before it
    (
        "China Northern Rare Earth was allocated 94,580 tonnes of the first-batch mining quota and "
        "88,010 tonnes of the smelting quota, while China Rare Earth Group got 40,420 tonnes and "
        "38,990 tonnes.",
        {
            (RE, M, 2024, "batch:1", None, "china_northern_rare_earth", 94580),
            (RE, S, 2024, "batch:1", None, "china_northern_rare_earth", 88010),
            (RE, M, 2024, "batch:1", None, "china_rare_earth_group", 40420),
            (RE, S, 2024, "batch:1", None, "china_rare_earth_group", 38990),
        },
    )
)


HOLDER_CASES.append(
    # a group's share of the quota
    (
        "Northern Rare Earth's share of the first-batch rare earth mining quota rose to 70%, or "
        "94,580 tonnes.",
        {(RE, M, 2024, "batch:1", None, "china_northern_rare_earth", 94580)},
    )
)


@pytest.mark.parametrize(("text", "expected"), HOLDER_CASES)
def test_holders(text: str, expected: set[Key]) -> None:
    check("2024-02-08", text, expected)


def test_a_group_named_as_news_subject_still_names_the_commodity() -> None:
    text = (
        "Shares of China Northern Rare Earth rose 3% after MIIT set the second-batch mining "
        "quota at 135,000 tonnes."
    )
    assert keys(text, "2024-08-20") == {(RE, M, 2024, "batch:2", None, None, 135000)}


def test_company_as_news_subject_is_not_a_holder() -> None:
    text = (
        "China Northern Rare Earth said the first-batch rare earth mining quota of 135,000 t "
        "was enough for its plants."
    )
    assert keys(text) == {(RE, M, 2024, "batch:1", None, None, 135000)}


# --- tungsten, antimony, several years --------------------------------------------------------

OTHER_METALS = [
    (
        "2020-04-01",
        "China's first batch of 2020 tungsten concentrate (65% WO3) mining quota was 52,500 t.",
        {(W, M, 2020, "batch:1", None, None, 52500)},
    ),
    (
        "2012-06-01",
        "The MLR set the 2012 antimony mining quota at 50,000 t.",
        {(SB, M, 2012, "annual", None, None, 50000)},
    ),
    (
        "2024-05-01",
        "China's tungsten mining quota for 2024 was 62,000 t, up from 61,000 t in 2023 and "
        "58,000 t in 2022.",
        {
            (W, M, 2024, "annual", None, None, 62000),
            (W, M, 2023, "annual", None, None, 61000),
            (W, M, 2022, "annual", None, None, 58000),
        },
    ),
    (
        "2012-06-01",
        "The 2012 tungsten mining quota was 89,000 t and the antimony mining quota 50,000 t.",
        {
            (W, M, 2012, "annual", None, None, 89000),
            (SB, M, 2012, "annual", None, None, 50000),
        },
    ),
    (
        "2020-04-01",
        "In the 2020 tungsten mining quota, Jiangxi got 40,000 t and Hunan 21,000 t.",
        {
            (W, M, 2020, "annual", None, "province:jiangxi", 40000),
            (W, M, 2020, "annual", None, "province:hunan", 21000),
        },
    ),
]


OTHER_METALS.append(
    # "direct mining" and "composite utilisation" are the main-mining and by-product parts
    (
        "2021-02-20",
        "The first batch of 2021 tungsten mining quotas totalled 63,000 mt: quotas from direct "
        "mining are 46,890 mt, while quotas of composite utilisation stand at 16,110 mt.",
        {
            (W, M, 2021, "batch:1", None, None, 63000),
            (W, M, 2021, "batch:1", "tungsten_primary", None, 46890),
            (W, M, 2021, "batch:1", "tungsten_byproduct", None, 16110),
        },
    )
)
OTHER_METALS.append(
    # "primary tungsten mining enterprises" are who gets the quota, not its category
    (
        "2024-03-20",
        "The Ministry of Natural Resources set a first batch tungsten mining quota of 62,000t for "
        "primary tungsten mining enterprises.",
        {(W, M, 2024, "batch:1", None, None, 62000)},
    )
)


OTHER_METALS.extend(
    [
        # two metals in one list keep their own names
        (
            "2024-03-26",
            "MNR issued the 2024 first batch tungsten concentrate mining quota of 62,000 t, and "
            "20,000 t antimony ore quota.",
            {
                (W, M, 2024, "batch:1", None, None, 62000),
                (SB, M, 2024, "batch:1", None, None, 20000),
            },
        ),
    ]
)


@pytest.mark.parametrize(("published", "text", "expected"), OTHER_METALS)
def test_tungsten_and_antimony(published: str, text: str, expected: set[Key]) -> None:
    check(published, text, expected)


def test_a_provinces_notice_gives_the_province_its_figures() -> None:
    """A title on one province's quotas: its figures are the province's; "used for
    comprehensive utilization" is the by-product part, and the part "allocated" of it, which
    the parts' sum does not support, is no quota."""
    text = (
        "The 2020 WO3 65% tungsten mining total control index is 2000 tons, of which 800 tons are "
        "mainly mined; 1200 tons are used for comprehensive utilization, 1010 tons are allocated "
        "and 190 tons reserved."
    )
    title = "Tungsten Mining Quotas of Inner Mongolia in 2020"
    assert keys(text, "2020-09-21", title) == {
        (W, M, 2020, "annual", None, "province:neimenggu", 2000),
        (W, M, 2020, "annual", "tungsten_primary", "province:neimenggu", 800),
        (W, M, 2020, "annual", "tungsten_byproduct", "province:neimenggu", 1200),
    }


def test_tungsten_company_does_not_make_a_tungsten_figure() -> None:
    text = "Xiamen Tungsten received 3,440 t of the first-batch rare earth mining quota."
    assert keys(text) == {(RE, M, 2024, "batch:1", None, "xiamen_tungsten", 3440)}


# --- export quotas ----------------------------------------------------------------------------

EXPORTS = [
    (
        "2012-07-01",
        "China's second-half rare earth export quota was 15,738 t, bringing the full-year total "
        "to 30,996 t, the commerce ministry said.",
        {(RE, X, 2012, "batch:2", None, None, 15738), (RE, X, 2012, "annual", None, None, 30996)},
    ),
    (
        "2011-07-15",
        "China's H2 rare earth export quota of 15,738 t brings the 2011 total to 30,184 t.",
        {(RE, X, 2011, "batch:2", None, None, 15738), (RE, X, 2011, "annual", None, None, 30184)},
    ),
    (
        "2014-01-01",
        "MOFCOM set the first batch of 2014 rare earth export quotas at 15,110 t, of which "
        "13,314 t for light rare earths and 1,796 t for medium and heavy rare earths.",
        {
            (RE, X, 2014, "batch:1", None, None, 15110),
            (RE, X, 2014, "batch:1", "light", None, 13314),
            (RE, X, 2014, "batch:1", "medium_heavy", None, 1796),
        },
    ),
    # the shipments are not a quota, the quota they are half of is (FACTS.md: every quota
    # figure stated counts)
    (
        "2013-01-20",
        "China exported 16,265 t of rare earths in 2012, just over half of the 30,996 t export "
        "quota, customs data showed.",
        {(RE, X, 2012, "annual", None, None, 30996)},
    ),
    ("2013-01-20", "Just over half of the rare earth export quota was used last year.", set()),
    (
        "2013-01-20",
        "Rare earth exports reached 16,265 t last year, below the export quota.",
        set(),
    ),
]


EXPORT_STORIES = [
    # a shipment or a forecast sets aside its own clause, not the quota before it
    (
        "2013-01-02",
        "The 2012 rare earth export quota was 30,996 tons, and China shipped only about "
        "13,000 tons of it.",
        {(RE, X, 2012, "annual", None, None, 30996)},
    ),
    (
        "2010-12-29",
        "China will not add export quotas for foreign firms, and the first batch of 2011 rare "
        "earth export quotas totals 14,446 tonnes.",
        {(RE, X, 2011, "batch:1", None, None, 14446)},
    ),
    # the split after the total, in a sentence of its own
    (
        "2013-01-05",
        "MOFCOM set the first batch of 2013 rare earth export quotas at 15,501 tonnes, about "
        "half the quota for all of 2012. Of the total, 13,563 tonnes are for light rare earths, "
        "while 1,938 tonnes are for medium and heavy rare earths.",
        {
            (RE, X, 2013, "batch:1", None, None, 15501),
            (RE, X, 2013, "batch:1", "light", None, 13563),
            (RE, X, 2013, "batch:1", "medium_heavy", None, 1938),
        },
    ),
    # a holder named as the old Baotou group; a type said once for the whole story
    (
        "2013-01-05",
        "China issued its first 2013 rare earth export quotas. Baogang Group got the largest "
        "quota, 1,811 tons, while actual exports lagged.",
        {(RE, X, 2013, "batch:1", None, "china_northern_rare_earth", 1811)},
    ),
]


EXPORT_STORIES.append(
    # the parts take the type the sentence names after them
    (
        "2012-08-23",
        "The second batch, including 8,537 tons of light rare earths and 1,233 tons of medium and "
        "heavy rare earths, brings the full-year export quota to 30,996 tons.",
        {
            (RE, X, 2012, "batch:2", "light", None, 8537),
            (RE, X, 2012, "batch:2", "medium_heavy", None, 1233),
            (RE, X, 2012, "annual", None, None, 30996),
        },
    )
)


EXPORT_STORIES.extend(
    [
        # a half run into its year; the export quota called an "export license" (EL)
        (
            "2010-12-30",
            "China Cuts Rare Earth EL Quota for 1H2011\nThe rare earth export license quota was "
            "set at 14,446 tonnes.",
            {(RE, X, 2011, "batch:1", None, None, 14446)},
        ),
        (
            "2008-01-10",
            "The government issued about 23,000 tonnes of export license for rare earth as the "
            "first batch for 2008.",
            {(RE, X, 2008, "batch:1", None, None, 23000)},
        ),
        # export quotas ended in 2015: later export licences are controls, not quotas
        (
            "2025-06-10",
            "China approved export licences for 2,000 tonnes of rare earth magnets this year.",
            set(),
        ),
    ]
)


EXPORT_STORIES.append(
    # "will be cut to" announces the quota; "from"/"against" give last year's
    (
        "2007-11-20",
        "China is cutting export quotas for tungsten and antimony in 2008. The tungsten export "
        "quota will be cut to 14,900 tons from 15,400 tons, and antimony to 59,900 tons "
        "against 61,800 tons.",
        {
            (W, X, 2008, "annual", None, None, 14900),
            (W, X, 2007, "annual", None, None, 15400),
            (SB, X, 2008, "annual", None, None, 59900),
            (SB, X, 2007, "annual", None, None, 61800),
        },
    )
)


EXPORT_STORIES.append(
    # "mining" of stocks and belts is not a quota type: the export quota stays export
    (
        "2011-07-15",
        "Rare earth mining stocks fell 5% as China raised the export quota for companies in "
        "the rare earth mining belt to 15,738 tons for the second half of 2011.",
        {(RE, X, 2011, "batch:2", None, None, 15738)},
    )
)


EXPORT_STORIES.extend(
    [
        # the allowance allotted is a quota even when called "exports"
        (
            "2010-12-28",
            "China cuts rare earth export quotas\nThe government allotted 14,446 metric tons "
            "of rare-earth exports for 2011, split among 31 companies.",
            {(RE, X, 2011, "annual", None, None, 14446)},
        ),
        # another of our metals, set in the next sentence, goes on from the quota before;
        # a reserve not handed out does not
        (
            "2011-10-31",
            "The export quota for tungsten was set at 15,400 tonnes for 2012. Antimony was set "
            "at 59,400 tonnes. Another 2,000 tonnes of tungsten was not distributed.",
            {(W, X, 2012, "annual", None, None, 15400), (SB, X, 2012, "annual", None, None, 59400)},
        ),
        # an output cap in a story about export quotas is a mining quota
        (
            "2011-03-01",
            "China bumps up rare earth export quota\nChina set its total output of light rare "
            "earths at 80,400 tonnes for 2011, the land ministry said.",
            {(RE, M, 2011, "annual", "light", None, 80400)},
        ),
    ]
)


EXPORT_STORIES.extend(
    [
        # a cap on shipments is the quota; shares of domestic and foreign-invested firms are
        # not quotas of any holder we name
        (
            "2010-07-09",
            "China cut rare earth export quotas for the second half. Shipments will be capped at "
            "7,976 metric tons, down from 28,417 tons for the same period a year ago.",
            {
                (RE, X, 2010, "batch:2", None, None, 7976),
                (RE, X, 2009, "batch:2", None, None, 28417),
            },
        ),
        (
            "2010-08-20",
            "MOFCOM issued 30,258 tonnes of 2010 rare earth export quotas. Of the quotas, 22,512 "
            "tonnes went to domestic firms while 7,746 tonnes were given to foreign-invested "
            "companies.",
            {(RE, X, 2010, "annual", None, None, 30258)},
        ),
    ]
)


EXPORT_STORIES.append(
    # "Aluminum Corporation of China" is Chinalco, not aluminium; "that would put the 2012
    # quota ahead of 2011's" compares whole years
    (
        "2012-08-23",
        "The second round of 2012 rare earth export quotas was 9,770 tons, spread across "
        "producers including Minmetals and Aluminum Corporation of China. That would put the "
        "2012 export quota 2.7 percent ahead of 2011's 30,184 tons.",
        {(RE, X, 2012, "batch:2", None, None, 9770), (RE, X, 2011, "annual", None, None, 30184)},
    )
)


EXPORT_STORIES.extend(
    [
        # the commerce ministry's quota is an export quota; "15.500 tonnes" is European for
        # 15,500; "Mining Markets" is a section, not a quota type
        (
            "2014-07-22",
            "Global Mining Markets: rare earths quota\nThe Ministry of Commerce announced the "
            "15.500 tonnes rare earth quota for 2014.",
            {(RE, X, 2014, "annual", None, None, 15500)},
        ),
        # "brings the 2012 total to" is the year's
        (
            "2012-08-23",
            "Added to the rare earth export quota for the first six months, that brings the 2012 "
            "total to 30,996 tons.",
            {(RE, X, 2012, "annual", None, None, 30996)},
        ),
        # an untyped tungsten quota with no word of mines may be the export one: not read
        ("2010-06-10", "China cut the quota of 2010 on tungsten to 14,300 metric tons.", set()),
    ]
)


EXPORT_STORIES.extend(
    [
        # "will be allowed to export" announces the quota; "the second export limit" numbers a
        # batch; "the heavy varieties" are medium-heavy rare earths
        (
            "2013-12-13",
            "China cut its rare earth export quota for next year. Producers will be allowed to "
            "export 15,110 tons in the first round for 2014, after the second export limit for "
            "2013 was set at 15,500 tons. The first batch will include 13,314 tons of light rare "
            "earths and 1,796 tons of the heavy varieties.",
            {
                (RE, X, 2014, "batch:1", None, None, 15110),
                (RE, X, 2013, "batch:2", None, None, 15500),
                (RE, X, 2014, "batch:1", "light", None, 13314),
                (RE, X, 2014, "batch:1", "medium_heavy", None, 1796),
            },
        ),
        # the period and year named in a comparison go with its one past figure
        (
            "2010-12-30",
            "Rare earth export quotas in 2009/H2 actually increased by 31% over 2009/H1 (28,417 "
            "tons versus 21,728 tons).",
            {
                (RE, X, 2009, "batch:2", None, None, 28417),
                (RE, X, 2009, "batch:1", None, None, 21728),
            },
        ),
    ]
)


EXPORT_STORIES.append(
    # "LRE" and "M/HRE" name the categories
    (
        "2012-12-28",
        "The first round of 2013 rare earth export quotas comprised 13,561 t of LRE products and "
        "1,938 t of M/HRE products.",
        {
            (RE, X, 2013, "batch:1", "light", None, 13561),
            (RE, X, 2013, "batch:1", "medium_heavy", None, 1938),
        },
    )
)


EXPORT_STORIES.extend(
    [
        # "will be" of an announcement reported is the quota; "July-December" is the second
        # half
        (
            "2011-07-15",
            "The Ministry of Commerce announced on its website that rare earth export quotas for "
            "July-December 2011 will be 15,738 tons, which makes the full 2011 export quota a "
            "total of 30,184 tons.",
            {
                (RE, X, 2011, "batch:2", None, None, 15738),
                (RE, X, 2011, "annual", None, None, 30184),
            },
        ),
        (
            "2013-12-13",
            "China trimmed its rare earth export quota. The government will initially allow "
            "producers to export a total 15,110 tonnes in the first six months of 2014, the "
            "Ministry of Commerce said.",
            {(RE, X, 2014, "batch:1", None, None, 15110)},
        ),
        # ...but a "will" with a forecaster is still a forecast
        (
            "2013-12-13",
            "Analysts said the 2014 rare earth export quota will likely be about 30,000 tons, the "
            "ministry's statement notwithstanding.",
            set(),
        ),
    ]
)


EXPORT_STORIES.append(
    # exporters "allowed to sell" a tonnage: the export quota
    (
        "2011-12-28",
        "The Commerce Ministry said exporters will be allowed to sell 10,546 tons of rare earth "
        "metals in the first half of 2012.",
        {(RE, X, 2012, "batch:1", None, None, 10546)},
    )
)


EXPORT_STORIES.append(
    # the quota named as such, after shipments said with their source
    (
        "2013-12-13",
        "The export quota has not always been met. China exported 16,265 tonnes of rare earths in "
        "2012, according to customs, just over half the 30,966 tonne quota for the year.",
        {(RE, X, 2012, "annual", None, None, 30966)},
    )
)


@pytest.mark.parametrize(("published", "text", "expected"), EXPORT_STORIES)
def test_export_stories(published: str, text: str, expected: set[Key]) -> None:
    check(published, text, expected)


@pytest.mark.parametrize(("published", "text", "expected"), EXPORTS)
def test_export_quotas(published: str, text: str, expected: set[Key]) -> None:
    check(published, text, expected)


def test_export_issuer() -> None:
    (fact,) = read("MOFCOM set the 1H 2012 rare earth export quota at 10,546 mt.", "2012-01-01")
    assert (fact.key(), fact.issuer) == ((RE, X, 2012, "batch:1", None, None, 10546), "MOFCOM")


# --- tables written as text -------------------------------------------------------------------

COMPANY_TABLE = """\
MOFCOM announced the second batch of 2013 rare earth export quotas this week.
Allocation of rare-earth export quotas to individual companies
Exporting Company | Allocation (tonnes) | |
LRE | M/HRE | Total |
Some Other Rare Earth Co. | 1,020 | 65 | 1,085 |
China Minmetals Corporation* | 670 | 140 | 810 |
Jiangxi Rare Earth & Rare Metals Tungsten Group Co. | 475 | 2 | 477 |
Inner Mongolia Baotou Steel Rare Earth Hi-Tech Co. | 509 | 28 | 537 |
"""


def test_a_company_table_under_a_quota_caption() -> None:
    """Rows of groups we know are read, by column; other companies' rows are not (a company
    named after a province is not that province)."""
    assert keys(COMPANY_TABLE, "2013-07-20") == {
        (RE, X, 2013, "batch:2", "light", "china_minmetals", 670),
        (RE, X, 2013, "batch:2", "medium_heavy", "china_minmetals", 140),
        (RE, X, 2013, "batch:2", None, "china_minmetals", 810),
        (RE, X, 2013, "batch:2", "light", "china_northern_rare_earth", 509),
        (RE, X, 2013, "batch:2", "medium_heavy", "china_northern_rare_earth", 28),
        (RE, X, 2013, "batch:2", None, "china_northern_rare_earth", 537),
    }


def test_rows_of_three_figures_that_add_up_are_parts_and_total() -> None:
    text = (
        "China set the first round of 2013 rare earth export quotas.\n"
        "First allocations of rare-earth export quotas, by company (tonnes)\n"
        "China Minmetals Corporation 710 173 883\n"
        "Chinalco Rare Earth 512 30 600\n"
    )
    assert keys(text, "2012-12-28") == {
        (RE, X, 2013, "batch:1", "light", "china_minmetals", 710),
        (RE, X, 2013, "batch:1", "medium_heavy", "china_minmetals", 173),
        (RE, X, 2013, "batch:1", None, "china_minmetals", 883),
    }


def test_a_table_of_years_and_halves() -> None:
    text = (
        "Rare earth export quotas over three years (source: MOFCOM)\n"
        "2009 2010 2011\n"
        "Sub-group H1 (t) H2 (t) H1 (t) H2 (t) H1 (t) H2 (t)\n"
        "Domestic 15,043 18,257 16,304 6,208 10,762 12,221\n"
        "Sub-Total 21,728 28,417 22,282 7,976 14,508 15,738\n"
        "TOTAL 50,145 30,258 30,246\n"
    )
    found = keys(text, "2011-07-14")
    assert (RE, X, 2009, "batch:1", None, None, 21728) in found
    assert (RE, X, 2010, "batch:2", None, None, 7976) in found
    assert (RE, X, 2011, "annual", None, None, 30246) in found
    assert len(found) == 9  # the domestic sub-group is not ours to read


def test_a_table_of_metals_by_year() -> None:
    """Rows named by commodity under a header of years; a header wrapped onto its caption."""
    text = (
        "China will cut export quotas for tungsten and antimony in 2012 from this year.\n"
        "The quota for tungsten was set at 15,400 tonnes next year versus 15,700 tonnes this "
        "year.\n"
        "A table of 2012 and 2011 quotas, in tonnes,\n"
        "Metal 2012 2011\n"
        "Tungsten 15,400 15,700\n"
        "Tin 18,000 18,900\n"
        "Antimony 59,400 60,300\n"
    )
    assert keys(text, "2011-10-31") == {
        (W, X, 2012, "annual", None, None, 15400),
        (W, X, 2011, "annual", None, None, 15700),
        (SB, X, 2012, "annual", None, None, 59400),
        (SB, X, 2011, "annual", None, None, 60300),
    }


def test_a_table_of_years_by_quota_type() -> None:
    """Rows labelled by year under a header naming the quota types, the caption the title."""
    text = "Year  Mining  Smelting and separation\n2019 132,000 127,000\n2020 140,000 135,000\n"
    assert keys(text, "2024-09-01", "China's rare earth quotas by year") == {
        (RE, M, 2019, "annual", None, None, 132000),
        (RE, S, 2019, "annual", None, None, 127000),
        (RE, M, 2020, "annual", None, None, 140000),
        (RE, S, 2020, "annual", None, None, 135000),
    }


def test_rows_without_a_quota_caption_are_not_read() -> None:
    text = (
        "China set the first batch of 2013 rare earth export quotas at 15,501 t.\n"
        "Rare earth oxide prices, yuan per kilogram\n"
        "China Minmetals Corporation 710 173 883\n"
    )
    assert keys(text, "2012-12-28") == {(RE, X, 2013, "batch:1", None, None, 15501)}


def test_a_total_for_a_year_is_the_year() -> None:
    text = (
        "The second-half rare earth export allocation is 15,738 t. This gives a total of 30,246 t "
        "of quota allocated for 2011."
    )
    assert keys(text, "2011-07-14") == {
        (RE, X, 2011, "batch:2", None, None, 15738),
        (RE, X, 2011, "annual", None, None, 30246),
    }


# --- sourcing: status and issuer ----------------------------------------------------------------

STATUS = [
    ("China's 2025 first-batch rare earth mining quota was 135,000 t, sources said.", "reported"),
    (
        "According to people familiar with the matter, the rare earth mining quota for this "
        "year's first batch was 135,000 t.",
        "reported",
    ),
    ("The first-batch rare earth mining quota was reportedly 135,000 t.", "reported"),
    (
        "The first-batch rare earth mining quota was 135,000 t, according to Reuters calculations.",
        "reported",
    ),
    ("The first-batch rare earth mining quota was 135,000 t, the ministry said.", "official"),
    (
        "The first-batch rare earth mining quota was 135,000 t, according to a notice on its "
        "website.",
        "official",
    ),
]


@pytest.mark.parametrize(("text", "status"), STATUS)
def test_status(text: str, status: str) -> None:
    (fact,) = read(text, "2025-04-01")
    assert (fact.key()[:4], fact.status) == ((RE, M, 2025, "batch:1"), status)


def test_sourcing_carries_to_the_next_sentence() -> None:
    text = (
        "Sources said the first-batch rare earth mining quota was 135,000 t. "
        "The smelting quota was 127,000 t."
    )
    assert {f.status for f in read(text, "2025-04-01")} == {"reported"}


ISSUERS = [
    ("MIIT said the first-batch rare earth mining quota was 135,000 t.", "MIIT"),
    (
        "The Ministry of Natural Resources set the first-batch tungsten mining quota at 52,500 t.",
        "MNR",
    ),
    ("The Ministry of Land and Resources set the 2012 antimony mining quota at 50,000 t.", "MLR"),
    ("The Ministry of Commerce set the first-half rare earth export quota at 10,546 t.", "MOFCOM"),
    ("The first-batch rare earth mining quota was 135,000 t.", None),
]


@pytest.mark.parametrize(("text", "issuer"), ISSUERS)
def test_issuer(text: str, issuer: str | None) -> None:
    (fact,) = read(text, "2012-04-01")
    assert fact.issuer == issuer


# --- issuance without figures -------------------------------------------------------------------


def test_quiet_issuance_without_figures() -> None:
    text = (
        "China issued the first batch of 2025 rare earth mining and smelting quotas quietly "
        "last month without publishing them."
    )
    facts = read(text, "2025-05-20")
    assert {f.key() for f in facts} == {
        (RE, M, 2025, "batch:1", None, None, None),
        (RE, S, 2025, "batch:1", None, None, None),
    }
    assert {(f.status, f.announced) for f in facts} == {("reported", date(2025, 4, 1))}


def test_a_quiet_issuance_story_with_last_years_totals() -> None:
    """The 2025 story: this year's first set issued without a statement or volumes (both
    rare earth quotas, amount null, year from the headline), last year's totals given as
    figures, and the announcement date only on this year's records."""
    text = (
        "Beijing hands out 2025 rare earth quotas without announcement, people say\n"
        "Officials issued this year's first set of quotas to the state groups last month, "
        "without the usual public notice, two people familiar with the matter said. They did "
        "not give the volumes. In 2024, China issued two batches of mining quotas totalling "
        "270,000 tons, and the smelting and separation quota was 254,000 tons."
    )
    content = Content(
        title=text.split("\n")[0],
        published=datetime(2025, 7, 18),
        language="en",
        text=text.split("\n", 1)[1],
    )
    facts = find_facts(content)
    assert {f.key() for f in facts} == {
        (RE, M, 2025, "batch:1", None, None, None),
        (RE, S, 2025, "batch:1", None, None, None),
        (RE, M, 2024, "annual", None, None, 270000),
        (RE, S, 2024, "annual", None, None, 254000),
    }
    assert {f.announced for f in facts if f.year == 2025} == {date(2025, 6, 1)}
    assert {f.announced for f in facts if f.year == 2024} == {None}


def test_issuance_with_figures_later_is_not_a_quiet_one() -> None:
    text = (
        "China quietly issued the first batch of 2025 rare earth mining quotas last month. "
        "People familiar said the mining quota was 135,000 t."
    )
    assert keys(text, "2025-05-20") == {(RE, M, 2025, "batch:1", None, None, 135000)}


def test_issuance_not_yet_made_yields_nothing() -> None:
    text = "China has not yet issued the 2025 rare earth mining quotas, which are not made public."
    assert keys(text, "2025-05-20") == set()


# --- sentences and evidence ---------------------------------------------------------------------


def test_sentence_spans_keep_abbreviations_and_decimals() -> None:
    text = (
        "The U.S. Geological Survey said global output rose. No. 1 producer China Northern "
        "Rare Earth Co. Ltd. got 94,580 t of the 100.8 kt quota. Mr. Li left.\nNext line"
    )
    sentences = [text[a:b] for a, b in sentence_spans(text)]
    assert sentences == [
        "The U.S. Geological Survey said global output rose.",
        "No. 1 producer China Northern Rare Earth Co. Ltd. got 94,580 t of the 100.8 kt quota.",
        "Mr. Li left.",
        "Next line",
    ]


def test_unit_at_sentence_end_splits() -> None:
    text = "The quota was 127,000 t. The next one was set."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "The quota was 127,000 t.",
        "The next one was set.",
    ]


def test_wrapped_lines_are_one_sentence() -> None:
    """Plain text wrapped at a fixed width: a line that stops mid-sentence goes on below."""
    text = (
        "Beijing lifted the full-year rare earth mining\n"
        "quota to 168,000 tonnes on Thursday, the ministry\n"
        "said. The smelting quota was set at\n"
        "162,000 tonnes.\n"
        "Rare earth quotas\n"
        "Prices rose."
    )
    sentences = [text[a:b] for a, b in sentence_spans(text)]
    assert sentences == [
        "Beijing lifted the full-year rare earth mining\nquota to 168,000 tonnes on Thursday, "
        "the ministry\nsaid.",
        "The smelting quota was set at\n162,000 tonnes.",
        "Rare earth quotas",
        "Prices rose.",
    ]
    assert keys(text, "2021-09-30") == {
        (RE, M, 2021, "annual", None, None, 168000),
        (RE, S, 2021, "annual", None, None, 162000),
    }


def test_evidence_is_the_sentence_and_span_points_at_it() -> None:
    text = (
        "Rare earths in focus.\n\nRare earth prices rose. The U.S. watched as MIIT set the "
        "first-batch rare earth mining quota at 135,000 t. Analysts were surprised."
    )
    (fact,) = read(text)
    assert fact.evidence == (
        "The U.S. watched as MIIT set the first-batch rare earth mining quota at 135,000 t."
    )
    assert text[fact.span[0] : fact.span[1]] == fact.evidence


def test_continuation_sentence_takes_the_commodity_from_before() -> None:
    text = (
        "China issued the first batch of 2024 rare earth quotas on Tuesday. "
        "The mining quota was 135,000 t. Smelting and separation was set at 127,000 t."
    )
    assert keys(text) == {
        (RE, M, 2024, "batch:1", None, None, 135000),
        (RE, S, 2024, "batch:1", None, None, 127000),
    }


def test_title_gives_the_commodity() -> None:
    text = "The first-batch mining quota was 135,000 t."
    assert keys(text, title="China sets first batch of 2024 rare earth quotas") == {
        (RE, M, 2024, "batch:1", None, None, 135000)
    }
    assert keys(text) == set()


# --- precision: numbers near "quota" that are not quotas ----------------------------------------

NEGATIVES = [
    "Rare earth prices fell to 400,000 yuan per tonne after the mining quota was set.",
    "Neodymium oxide traded at $60,000 a tonne as the rare earth mining quota rose.",
    "China's rare earth output reached 240,000 t last year, exceeding the mining quota.",
    "Rare earth exports rose to 52,000 t in 2023 even as the mining quota was raised.",
    "The U.S. imposed a 25% tariff on rare earth magnets while China's mining quota remained.",
    "China holds rare earth reserves of 44 million t, and its mining quota is rising.",
    "Smelters produced 210,000 t of rare earths, above the smelting quota.",
    "Rare earth mining capacity of 300,000 t far exceeds the quota.",
    "Illegal mining of 40,000 t of rare earths bypassed the quota system.",
    "China's 2024 coal production quota is 4,500,000 t.",
    "The graphite export quota was 50,000 t, the rare earth ministry said.",
    "Shares of China Northern Rare Earth rose 5.2% after the mining quota news.",
    "The rare earth mining quota rose 5.9% in 2024.",
    "The rare earth mining quota system began in 2006 and covers 2,024 mines.",
    "Rare earth magnet exports of 5,000 t were outside the quota.",
    "China's steel output quota of 1,000,000 t does not cover rare earths.",
    "Rare earth demand of 200,000 t outstrips the quota.",
    "Analysts expect the second batch of rare earth mining quotas to be around 135,000 t.",
    "China's rare earth mining quota could reach 300,000 t next year, analysts said.",
    "The first-batch rare earth mining quota rose by 15,000 t.",
    "The first-batch rare earth mining quota is 15,000 t higher than a year earlier.",
    "China's first-batch rare earth mining quota saw an increase of 15,000 t.",
]


NEGATIVES_MORE = [
    # analysts' estimates are not quotas
    "Analysts estimate the 2025 first-batch rare earth mining quota at around 140,000 tonnes.",
    # a top-up of the quotas already issued has no batch or year of its own
    "China announced additional rare earth export quotas totalling 10,680 tons. Of the added "
    "quotas, 9,490 tons were light rare earths.",
    # a difference spread over provinces, not their quotas
    "The 2021 tungsten mining quota rose by 7,815 t, with growth of 3,605 t from Jiangxi and "
    "2,090 t from Hunan.",
    # an estimate and a plan's target for a year to come
    "The 2024 rare earth mining output quota is estimated at 270,000 t, an industry official said.",
    "Under the resources plan, the tungsten mining control target is 120,000 tons a year by 2020.",
    "By 2020, the tungsten mining control target is 120,000 tons a year.",
]


@pytest.mark.parametrize("text", NEGATIVES_MORE)
def test_not_a_quota_more(text: str) -> None:
    assert keys(text) == set()


def test_a_page_naming_quotas_only_as_control_targets_is_read() -> None:
    """Relevance: "total control targets" names a quota though "quota" never appears."""
    from extractors import extract_text

    text = (
        "First batch of 2020 rare earth mining control targets issued\n"
        "In 2020, the first batch of the nation's total control targets of rare earth ore "
        "mining is 66,000 tons."
    )
    facts = extract_text(text, "https://example.com/a", published=date(2020, 2, 20)).facts
    assert {f.key() for f in facts} == {(RE, M, 2020, "batch:1", None, None, 66000)}


def test_difference_is_dropped_and_the_new_level_kept() -> None:
    text = "The quota for rare earth smelting rose by 10,000 t to 127,000 t in the first batch."
    assert keys(text) == {(RE, S, 2024, "batch:1", None, None, 127000)}


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_a_quota(text: str) -> None:
    assert keys(text) == set()


def test_other_commodity_in_the_same_sentence_keeps_its_figure() -> None:
    text = "The graphite export quota was 50,000 t and the rare earth mining quota 135,000 t."
    assert keys(text) == {(RE, M, 2024, "annual", None, None, 135000)}


def test_a_quota_sentence_needs_our_commodity_somewhere() -> None:
    assert keys("The mining quota for the first batch was 135,000 t.") == set()


def test_chinese_text_gives_nothing_fast() -> None:
    assert keys("中国2024年第一批稀土开采总量控制指标为135000吨，冶炼分离指标为127000吨。") == set()


def test_related_articles_are_not_read() -> None:
    text = (
        "China's first-batch rare earth mining quota was set at 135,000 t.\n"
        "Related Articles\n"
        "China raises rare earth mining quota to 270,000 tonnes for the year\n"
    )
    assert keys(text) == {(RE, M, 2024, "batch:1", None, None, 135000)}


def test_a_page_without_a_date_dates_only_what_it_can() -> None:
    """Without a publication date, "this year" names no year: its figure is not read; a
    past figure "up from 140,000 t last year" is dated by the figure it is compared with."""
    content = Content(
        title=None,
        published=None,
        language="en",
        text=(
            "The 2021 rare earth mining quota was set at 168,000 tonnes, up from 140,000 last "
            "year. The smelting quota for this year is 162,000 tonnes."
        ),
    )
    assert {f.key() for f in find_facts(content)} == {
        (RE, M, 2021, "annual", None, None, 168000),
        (RE, M, 2020, "annual", None, None, 140000),
    }


def test_previous_year_allocations_are_last_year() -> None:
    text = (
        "China issued its 2025 rare earth quotas quietly. Previous year allocations totalled "
        "270,000 tons for mining."
    )
    assert (RE, M, 2024, "annual", None, None, 270000) in keys(text, "2025-07-18")


def test_no_publication_date_and_no_year_gives_nothing() -> None:
    content = Content(
        title=None, published=None, language="en", text="The rare earth mining quota was 135,000 t."
    )
    assert find_facts(content) == []


def test_long_inputs_are_read_without_trouble() -> None:
    # Long runs of the characters the patterns look at; a catastrophic backtrack would hang.
    junk = [
        "1," * 5000 + "000 t quota rare earth",
        "quota " + "and " * 5000 + "135,000 t rare earth mining",
        "rare earth mining quota " + "first " * 3000 + "135,000 t",
        "rare earth mining quota at " + " " * 10000 + "135,000 t.",
        "rare earth quota " + "U.S. " * 3000,
        "rare earth mining quota " + "135,000 and " * 500 + "127,000 t",
    ]
    for text in junk:
        for fact in read(text):
            assert fact.amount_t is None or fact.amount_t > 0


# --- articles: what one sentence carries into the next -------------------------------------------


def test_two_batches_of_a_past_year_are_the_year() -> None:
    text = "In 2024, the two batches of rare earth mining quotas totalled 270,000 tonnes."
    assert keys(text, "2025-07-18") == {(RE, M, 2024, "annual", None, None, 270000)}
    text = "This year's two batches of rare earth mining quotas total 240,000 tonnes."
    assert keys(text, "2023-10-20") == {(RE, M, 2023, "cumulative:2", None, None, 240000)}


def test_follow_up_sentence_with_past_figures_only() -> None:
    text = (
        "MIIT set the full-year 2019 rare earth quotas at 132,000 tonnes for mining and 127,000 "
        "tonnes for smelting and separation. The new figures are up 10 percent from 120,000 "
        "tonnes and 115,000 tonnes last year respectively. Prices rose 3% last year."
    )
    assert keys(text, "2019-11-29") == {
        (RE, M, 2019, "annual", None, None, 132000),
        (RE, S, 2019, "annual", None, None, 127000),
        (RE, M, 2018, "annual", None, None, 120000),
        (RE, S, 2018, "annual", None, None, 115000),
    }


def test_that_compares_with_refers_to_the_sentence_before() -> None:
    """ "That compares with 7,976 t for the year-ago period": the figure before, a year
    earlier, in its period; the rest of the sentence goes on as usual."""
    text = (
        "China raised its second-half rare earth export quota to 15,738 tons for 2011. That "
        "compares with 7,976 tons for the year-ago period and brings the limit to 30,184 tons "
        "for 2011, little changed on 30,258 tons in 2010."
    )
    assert keys(text, "2011-07-15") == {
        (RE, X, 2011, "batch:2", None, None, 15738),
        (RE, X, 2010, "batch:2", None, None, 7976),
        (RE, X, 2011, "annual", None, None, 30184),
        (RE, X, 2010, "annual", None, None, 30258),
    }


def test_an_undated_review_with_background_first() -> None:
    """Background years first, the news after: figures coordinated in one clause share what
    the last is said to be; "respectively" pairs each past figure with its own; a group's
    "total" keeps the group; a bare figure listed after one with a unit takes that unit; and
    later quota sentences are about the story's latest year, not its first."""
    content = Content(
        title=None,
        published=None,
        language="en",
        text=(
            "The ministry raised 2023 quotas for rare earth mining and separation to 240,000 "
            "tons and 230,000 tons respectively. A rare earth mining quota of 135,000 tonnes and "
            "a smelting quota of 127,000 tonnes were unveiled for the first round of 2024, up "
            "12.50 percent from 120,000 and 10.43 percent from 115,000 tonnes respectively. It "
            "added more details. China Rare Earth Group received a total mining quota of 40,420 "
            "tonnes including 30,280 tonnes for light rare earth, and 10,140 for ion-adsorption "
            "rare earth, and a total smelting quota of 38,990 tonnes."
        ),
    )
    group = "china_rare_earth_group"
    assert {f.key() for f in find_facts(content)} == {
        (RE, M, 2023, "annual", None, None, 240000),
        (RE, S, 2023, "annual", None, None, 230000),
        (RE, M, 2024, "batch:1", None, None, 135000),
        (RE, S, 2024, "batch:1", None, None, 127000),
        (RE, M, 2023, "batch:1", None, None, 120000),
        (RE, S, 2023, "batch:1", None, None, 115000),
        (RE, M, 2024, "batch:1", None, group, 40420),
        (RE, M, 2024, "batch:1", "light", group, 30280),
        (RE, M, 2024, "batch:1", "medium_heavy", group, 10140),
        (RE, S, 2024, "batch:1", None, group, 38990),
    }


def test_a_list_of_past_figures_is_of_one_quota() -> None:
    text = (
        "The full-year rare earth mining quota is 270kt for 2024. The full-year mining quota "
        "compares with 255kt in 2023 and 210kt in 2022, and the smelting quota is 254kt."
    )
    assert keys(text, "2024-08-20") == {
        (RE, M, 2024, "annual", None, None, 270000),
        (RE, M, 2023, "annual", None, None, 255000),
        (RE, M, 2022, "annual", None, None, 210000),
        (RE, S, 2024, "annual", None, None, 254000),
    }


def test_past_figure_compared_with_the_last_sentence_by_type() -> None:
    text = (
        "China set first-batch rare earth quotas of 135,000 and 127,000 tons for mining and "
        "smelting respectively. The mining quota is up 12.5% from 120,000 tons in the first "
        "batch of 2023, while the smelting quota rose 10.43% from 115,000 tons a year earlier."
    )
    assert keys(text) == {
        (RE, M, 2024, "batch:1", None, None, 135000),
        (RE, S, 2024, "batch:1", None, None, 127000),
        (RE, M, 2023, "batch:1", None, None, 120000),
        (RE, S, 2023, "batch:1", None, None, 115000),
    }


def test_a_batch_that_lifts_the_quota_gives_the_running_total() -> None:
    text = "The second batch lifts China's 2024 rare earth mining quota to 270kt REO."
    assert keys(text, "2024-08-20") == {(RE, M, 2024, "cumulative:2", None, None, 270000)}
    text += " That brings the full-year quotas to 270kt REO for mining."
    assert keys(text, "2024-08-20") == {(RE, M, 2024, "annual", None, None, 270000)}


def test_shared_year_after_a_pair() -> None:
    text = (
        "China set full-year rare earth quotas of 210,000 tons and 202,000 tons last year for "
        "mining and smelting respectively."
    )
    assert keys(text, "2023-03-24") == {
        (RE, M, 2022, "annual", None, None, 210000),
        (RE, S, 2022, "annual", None, None, 202000),
    }


def test_category_stays_with_its_quota_type() -> None:
    text = (
        "China Rare Earth Group received 40,420 mt of first-batch rare earth exploration quota, "
        "of which 10,140 mt for ion-adsorption (medium and heavy) rare earth, as well as "
        "38,990 mt of smelting and separation quota."
    )
    group = "china_rare_earth_group"
    assert keys(text) == {
        (RE, M, 2024, "batch:1", None, group, 40420),
        (RE, M, 2024, "batch:1", "medium_heavy", group, 10140),
        (RE, S, 2024, "batch:1", None, group, 38990),
    }


def test_category_alone_means_a_mining_quota() -> None:
    text = (
        "The 2021 rare earth mining quota for the year is 168,000t. Quotas for ion-adsorption "
        "ores were kept flat at 19,150t."
    )
    assert (RE, M, 2021, "annual", "medium_heavy", None, 19150) in keys(text, "2021-09-30")


def test_sentence_subject_sets_the_period_for_the_next() -> None:
    text = (
        "The full-year rare earth quotas include the first batch of 84,000t for mining. "
        "Quotas for ion-adsorption ores were 19,150t."
    )
    assert (RE, M, 2021, "annual", "medium_heavy", None, 19150) in keys(text, "2021-09-30")


_WORDS = (
    "rare earth", "quota", "quotas", "mining", "smelting and separation", "export", "first batch",
    "second half", "so far this year", "doubled to", "135,000", "127,000 t", "135kt", "tonnes",
    "up 12.5%", "from", "last year", "2023", "respectively", "and", ",", ".", "U.S.", "\n",
    "China Northern Rare Earth", "got", "light", "ionic", "sources said", "the ministry said",
    "tungsten", "antimony", "customs", "price", "$", "(", ")", "Related Articles\n", "on Tuesday",
)  # fmt: skip


@given(st.lists(st.sampled_from(_WORDS), max_size=60))
@settings(max_examples=200, deadline=None)
def test_any_arrangement_of_quota_words_reads_safely(words: list[str]) -> None:
    text = " ".join(words)
    for fact in read(text):  # spans are checked inside read()
        assert fact.amount_t is None or MIN_TONNES <= fact.amount_t <= MAX_TONNES
        assert fact.period == "annual" or fact.period.split(":")[1].isdigit()


def test_a_wire_dateline_is_not_the_announcement_day() -> None:
    """'BEIJING, Feb 7 (Reuters) - ... on Tuesday': announced the Tuesday before, 2024-02-06."""
    from extractors.en.timing import announced_on

    sentence = (
        "BEIJING, Feb 7 (Reuters) - China issued its first batch of 2024 rare earth quotas "
        "on Tuesday, the industry ministry said."
    )
    assert announced_on(sentence, date(2024, 2, 7)) == date(2024, 2, 6)
    assert announced_on("The ministry set the quota on Feb. 6.", date(2024, 2, 7)) == date(
        2024, 2, 6
    )


# --- issue 10, third round: families of real pages, in sentences of our own ----------------

# A batch added to the one before brings the year's total: "added to", "on top of",
# "together with" name the earlier batch, so the total is the running one (an export year's).
ADDED_TO_TOTAL = [
    (
        "2012-08-23",
        "Together with the first-half allotment, the new rare earth export quota brings this "
        "year's total to 30,996 t.",
        {(RE, X, 2012, "annual", None, None, 30996)},
    ),
    (
        "2011-07-15",
        "On top of the first batch, the second rare earth export quota brings the 2011 total to "
        "30,184 tonnes.",
        {(RE, X, 2011, "annual", None, None, 30184)},
    ),
    (
        "2013-07-09",
        "The commerce ministry set rare earth export quotas of 15,500 tonnes for the second "
        "half. Added to those for the first six months, that brings the 2013 total to 31,001 "
        "tonnes.",
        {(RE, X, 2013, "batch:2", None, None, 15500), (RE, X, 2013, "annual", None, None, 31001)},
    ),
]

# A total that includes the shares of subgroups is the whole; a share given to one is not ours.
INCLUDES_SUBGROUPS = [
    (
        "2010-12-29",
        "The first batch of rare earth export quotas for 2011, totalling 14,446 tonnes, "
        "includes the quotas of joint ventures.",
        {(RE, X, 2011, "batch:1", None, None, 14446)},
    ),
    (
        "2010-12-29",
        "Rare earth export quotas for the first half of 2011 total 14,446 t, including "
        "allocations to foreign-invested firms.",
        {(RE, X, 2011, "batch:1", None, None, 14446)},
    ),
    (
        "2010-12-29",
        "Of the first batch of 2011 rare earth export quotas, 7,746 t were given to "
        "foreign-invested companies.",
        set(),
    ),
]

# A quota kept where it is: "will stay (remain, stand) at" announces it, unlike a forecast.
STAYS_AT = [
    (
        "2013-01-07",
        "China's rare earth export quota will stay at 30,996 tonnes this year, the commerce "
        "ministry said.",
        {(RE, X, 2013, "annual", None, None, 30996)},
    ),
    (
        "2015-01-05",
        "The antimony export quota will remain at 59,400 t in 2015.",
        {(SB, X, 2015, "annual", None, None, 59400)},
    ),
    (
        "2014-01-03",
        "Tungsten export quotas for 2014 will stand at 15,000 tonnes, the ministry said.",
        {(W, X, 2014, "annual", None, None, 15000)},
    ),
    (
        "2013-01-07",
        "Analysts expect the rare earth export quota will likely remain at 30,000 t.",
        set(),
    ),
]

# A past quota of a named year cited in a forecast sentence is a fact; the forecast is not.
CITED_IN_A_FORECAST = [
    (
        "2013-12-13",
        "If the pattern holds, the 2014 rare earth export quota will be about 21,000 t, some 70% "
        "of the 2013 quota allocation of 30,999 t.",
        {(RE, X, 2013, "annual", None, None, 30999)},
    ),
    (
        "2012-10-01",
        "Rare earth exports could fall short of the 2012 export quota of 30,996 tonnes again, "
        "analysts said.",
        {(RE, X, 2012, "annual", None, None, 30996)},
    ),
    (
        "2011-12-01",
        "Traders expect the rare earth export quota for 2012 to come in near last year's quota "
        "of 30,184 t.",
        {(RE, X, 2010, "annual", None, None, 30184)},
    ),
]

# A cap on rare earth output with no type named is the mining quota.
OUTPUT_CAPS = [
    (
        "2011-03-04",
        "Beijing has imposed a national rare earth output cap of 93,800 t for 2011.",
        {(RE, M, 2011, "annual", None, None, 93800)},
    ),
    (
        "2024-12-30",
        "The production quota for rare earths in 2024 was set at 270,000 t.",
        {(RE, M, 2024, "annual", None, None, 270000)},
    ),
    (
        "2017-06-30",
        "China set the total production of rare earths for 2017 at 105,000 tonnes.",
        {(RE, M, 2017, "annual", None, None, 105000)},
    ),
]

# A figure given by a pronoun after the sentence that names the quota.
REFERRED_BACK = [
    (
        "2024-02-08",
        "China issued its first rare earth mining quota for 2024 on Tuesday. It amounts to "
        "135,000 tonnes.",
        {(RE, M, 2024, "batch:1", None, None, 135000)},
    ),
    (
        "2023-12-20",
        "The ministry has released the third batch of 2023 rare earth mining quotas. The figure "
        "stands at 15,000 t.",
        {(RE, M, 2023, "batch:3", None, None, 15000)},
    ),
    (
        "2024-02-08",
        "China issued its first rare earth smelting quota for 2024. This totals 127,000 t, up "
        "from a year earlier.",
        {(RE, S, 2024, "batch:1", None, None, 127000)},
    ),
    (
        "2024-02-08",
        "China issued its first rare earth mining quota for 2024. It exported 5,000 t of "
        "magnets in January.",
        set(),
    ),
]


@pytest.mark.parametrize(
    ("published", "text", "expected"),
    ADDED_TO_TOTAL
    + INCLUDES_SUBGROUPS
    + STAYS_AT
    + CITED_IN_A_FORECAST
    + OUTPUT_CAPS
    + REFERRED_BACK,
)
def test_third_round_families(published: str, text: str, expected: set[Key]) -> None:
    check(published, text, expected)


def test_a_figure_after_an_undated_this_year_is_undated_too() -> None:
    content = Content(
        title="China cuts rare earth export quota for 2011",
        published=None,
        language="en",
        text="That compares with the first round this year of 16,304 tons and the second round "
        "of 7,976 tons.",
    )
    assert find_facts(content) == []


def test_a_past_year_figure_does_not_take_the_storys_batch() -> None:
    text = (
        "The 2014 rare earth export quota is estimated at 21,000 t, some 70% of the 2013 quota "
        "allocation of 30,999 t."
    )
    title = "The first round of rare earth export quotas for 2014"
    assert keys(text, "2013-12-13", title) == {(RE, X, 2013, "annual", None, None, 30999)}


# Translated notices name the quotas "main indicators" (主采指标), "comprehensive utilization
# indicators" (综合利用指标), "mining / exploitation indicators".
INDICATORS = [
    (
        "2010-03-16",
        "The 2010 national tungsten concentrate mining control indicators total 80,000 t, of "
        "which the main indicators are 66,480 t and the comprehensive utilization indicators "
        "13,520 t.",
        {
            (W, M, 2010, "annual", None, None, 80000),
            (W, M, 2010, "annual", "tungsten_primary", None, 66480),
            (W, M, 2010, "annual", "tungsten_byproduct", None, 13520),
        },
    ),
    (
        "2011-03-01",
        "Main mining indicators for tungsten concentrate in 2011 were 70,720 t and "
        "comprehensive utilization indicators 16,280 t.",
        {
            (W, M, 2011, "annual", "tungsten_primary", None, 70720),
            (W, M, 2011, "annual", "tungsten_byproduct", None, 16280),
        },
    ),
    (
        "2012-05-01",
        "Antimony exploitation indicators for 2012 were set at 100,000 t.",
        {(SB, M, 2012, "annual", None, None, 100000)},
    ),
]


@pytest.mark.parametrize(("published", "text", "expected"), INDICATORS)
def test_indicators_of_translated_notices(published: str, text: str, expected: set[Key]) -> None:
    check(published, text, expected)


# "raise the 2018 quota from X to Y": X may be an earlier level of the same year or last
# year's quota; with no year or period of its own it is dropped, Y kept.
OLD_LEVELS = [
    (
        "2018-11-06",
        "The ministry will lift rare earth mining quotas for 2018 from 105,000 tonnes to as "
        "much as 120,000 tonnes.",
        {(RE, M, 2018, "annual", None, None, 120000)},
    ),
    (
        "2014-06-02",
        "Beijing raised this year's tungsten mining cap from 86,000 t to 89,000 t.",
        {(W, M, 2014, "annual", None, None, 89000)},
    ),
    (
        "2012-07-10",
        "The 2012 antimony output quota was cut from 110,000 metric tons to 100,000 metric tons.",
        {(SB, M, 2012, "annual", None, None, 100000)},
    ),
    # the old level's own year or period places it: kept
    (
        "2018-11-06",
        "Rare earth mining quotas for 2018 rise from 105,000 tonnes in 2017 to 120,000 tonnes.",
        {
            (RE, M, 2018, "annual", None, None, 120000),
            (RE, M, 2017, "annual", None, None, 105000),
        },
    ),
    (
        "2014-06-02",
        "The tungsten mining cap rose from 86,000 t last year to 89,000 t this year.",
        {(W, M, 2014, "annual", None, None, 89000), (W, M, 2013, "annual", None, None, 86000)},
    ),
]


@pytest.mark.parametrize(("published", "text", "expected"), OLD_LEVELS)
def test_an_old_level_without_a_year_is_dropped(
    published: str, text: str, expected: set[Key]
) -> None:
    check(published, text, expected)


# A "production / output quota (cap, limit, target)" of the ore is the mining quota, in a story
# that also names export quotas; "the first of two quotas" is the first batch. A sentence that
# sets another commodity's quota has moved on: the story's year and period, not the last
# sentence's (a past figure's).
PRODUCTION_QUOTAS = [
    (
        "2013-01-08",
        "Beijing set the first of two rare earth production quotas for 2013 at 46,900 tonnes. "
        "The first batch of export quotas was 15,501 tonnes.",
        {(RE, M, 2013, "batch:1", None, None, 46900), (RE, X, 2013, "batch:1", None, None, 15501)},
    ),
    (
        "2012-03-01",
        "China set its 2012 rare earth export quota at 30,996 t. The antimony output cap for "
        "2012 stays at 100,000 metric tons.",
        {(RE, X, 2012, "annual", None, None, 30996), (SB, M, 2012, "annual", None, None, 100000)},
    ),
    (
        "2011-05-01",
        "Tungsten export quotas fell this year. The 2011 production target for tungsten "
        "concentrate is 87,000 tons.",
        {(W, M, 2011, "annual", None, None, 87000)},
    ),
    (
        "2012-06-01",
        "The ministry issued the second of three output quotas for rare earths, 40,000 t. "
        "Export quotas come later.",
        {(RE, M, 2012, "batch:2", None, None, 40000)},
    ),
    (
        "2013-01-08",
        "Beijing set the first of two rare earth output quotas for 2013 at 46,900 t. The "
        "full-year quota in 2011 was 93,800 t. It also set a tungsten production quota at "
        "43,500 t.",
        {
            (RE, M, 2013, "batch:1", None, None, 46900),
            (RE, M, 2011, "annual", None, None, 93800),
            (W, M, 2013, "batch:1", None, None, 43500),
        },
    ),
    (
        "2010-03-02",
        "This year's first tungsten mining quota is 40,000 tonnes. The annual quota for 2009 "
        "was 44,000 tonnes. The antimony production limit was put at 50,000 tonnes.",
        {
            (W, M, 2010, "batch:1", None, None, 40000),
            (W, M, 2009, "annual", None, None, 44000),
            (SB, M, 2010, "batch:1", None, None, 50000),
        },
    ),
    # smelting or export words before "production quota" name another type
    (
        "2016-03-01",
        "The rare earth smelting production quota for 2016 is 100,000 t.",
        {(RE, S, 2016, "annual", None, None, 100000)},
    ),
]


@pytest.mark.parametrize(("published", "text", "expected"), PRODUCTION_QUOTAS)
def test_production_quotas_are_mining(published: str, text: str, expected: set[Key]) -> None:
    check(published, text, expected)


# "heavies" are the medium-heavy rare earths; an output limit or control target of concentrates
# is the mines' quota in a story that also names smelting.
HEAVIES_AND_OUTPUT_LIMITS = [
    (
        "2013-12-20",
        "The export quota for the first half of 2014 is 15,499 tonnes of rare earths, including "
        "13,561 tonnes of light rare earths and 1,938 tonnes of heavies.",
        {
            (RE, X, 2014, "batch:1", None, None, 15499),
            (RE, X, 2014, "batch:1", "light", None, 13561),
            (RE, X, 2014, "batch:1", "medium_heavy", None, 1938),
        },
    ),
    (
        "2012-07-01",
        "The second batch of rare earth export quotas was 9,770 t, including 8,537 t of light "
        "rare earths and 1,233 t of medium heavies.",
        {
            (RE, X, 2012, "batch:2", None, None, 9770),
            (RE, X, 2012, "batch:2", "light", None, 8537),
            (RE, X, 2012, "batch:2", "medium_heavy", None, 1233),
        },
    ),
    (
        "2011-04-25",
        "Smelting of tungsten is also controlled. The output limit for tungsten concentrates "
        "was 87,000 tonnes this year.",
        {(W, M, 2011, "annual", None, None, 87000)},
    ),
    (
        "2011-04-25",
        "Antimony smelting capacity is large. The output control target for antimony ore was "
        "105,000 tons in 2011.",
        {(SB, M, 2011, "annual", None, None, 105000)},
    ),
]


@pytest.mark.parametrize(("published", "text", "expected"), HEAVIES_AND_OUTPUT_LIMITS)
def test_heavies_and_output_limits(published: str, text: str, expected: set[Key]) -> None:
    check(published, text, expected)


def test_two_batches_of_a_year_before_an_undated_headline_year_are_its_whole() -> None:
    """On a page with no date, "the two batches" of a year before the headline's are that
    year's whole; of the headline's year, a running total."""
    text = (
        "Last year's smelting and separation quota for rare earths also came in two batches, "
        "totalling 254,000 tons in 2024."
    )
    content = Content(
        title="China sets 2025 rare earth quotas", published=None, language="en", text=text
    )
    assert {f.key() for f in find_facts(content)} == {(RE, S, 2024, "annual", None, None, 254000)}


@pytest.mark.parametrize(
    "text",
    [
        "The first batch for 2022 was 100,800 t of rare earth mining quotas. The annual quota has "
        "doubled, from 105,000 tonnes in 2017 to 210,000 tonnes in 2022.",
        "China set the first 2024 batch of rare earth mining quotas at 135,000 t. That is double "
        "the 2020 quota of 66,000 t.",
    ],
)
def test_a_past_figures_open_wording_gives_no_period(text: str) -> None:
    """A past figure named with "doubled from" lends no reading its open wording: every period
    is "annual", "batch:N" or "cumulative:N"."""
    content = Content(title=None, published=datetime(2024, 3, 1), language="en", text=text)
    for fact in find_facts(content):
        assert fact.period == "annual" or fact.period.split(":")[0] in ("batch", "cumulative")


# A batch compared across years, "from N in 2020 to M in 2021": both figures are the batch the
# sentence names first, not a year's whole (a year compared with a year stays annual).
BATCH_FROM_YEAR_TO = [
    (
        "2021-03-02",
        "The first batch of rare earth mining quotas rose from 66,000 t in 2020 to 84,000 t in "
        "2021.",
        {(RE, M, 2020, "batch:1", None, None, 66000), (RE, M, 2021, "batch:1", None, None, 84000)},
    ),
    (
        "2022-03-02",
        "Rare earth mining quotas in the first batch went from 84,000 tonnes in 2021 to 100,800 "
        "tonnes in 2022.",
        {(RE, M, 2021, "batch:1", None, None, 84000), (RE, M, 2022, "batch:1", None, None, 100800)},
    ),
    (
        "2021-03-02",
        "The first-batch rare earth smelting quota climbed from 63,500 tons in 2020 to 81,000 "
        "tons this year.",
        {(RE, S, 2020, "batch:1", None, None, 63500), (RE, S, 2021, "batch:1", None, None, 81000)},
    ),
    (
        "2023-03-02",
        "The rare earth mining quota has doubled, from 105,000 t in 2017 to 210,000 t in 2022.",
        {(RE, M, 2017, "annual", None, None, 105000), (RE, M, 2022, "annual", None, None, 210000)},
    ),
]

# A forecaster's view of this year's (or next year's) quota is no quota: "analysts expect
# (forecast, see) the 2024 quota at", "had pencilled in", "consensus is for"; a past quota
# cited beside a forecast still is one.
EXPECTED_QUOTAS = [
    (
        "2024-01-02",
        "Analysts expect the first batch of 2024 rare earth mining quotas at 135,000 tonnes.",
        set(),
    ),
    (
        "2024-01-02",
        "Analysts expect China to set the first batch of 2024 rare earth mining quotas at "
        "135,000 tonnes.",
        set(),
    ),
    ("2024-01-02", "The market expects a 2024 rare earth mining quota of 270,000 tonnes.", set()),
    ("2023-12-20", "Traders see the 2024 rare earth smelting quota at 254,000 t.", set()),
    (
        "2024-01-02",
        "Analysts had pencilled in 135,000 t for the first batch of 2024 rare earth mining quotas.",
        set(),
    ),
    (
        "2024-01-02",
        "Consensus is for a first batch of 2024 rare earth mining quotas of about 135,000 tonnes.",
        set(),
    ),
    (
        "2024-01-02",
        "Analysts expect output to stay below the 2023 rare earth mining quota of 255,000 tonnes.",
        {(RE, M, 2023, "annual", None, None, 255000)},
    ),
    (
        "2024-03-02",
        "China set the first batch of 2024 rare earth mining quotas at 135,000 tonnes; analysts "
        "see further increases.",
        {(RE, M, 2024, "batch:1", None, None, 135000)},
    ),
]


EXPECTED_QUOTAS += [
    (
        "2023-12-20",
        "Traders estimated the 2024 rare earth smelting quota at 254,000 tonnes.",
        set(),
    ),
    (
        "2022-07-20",
        "China issued its second batch of rare earth mining quotas for 2022 at 109,200 tonnes, "
        "the ministry said. Analysts had estimated the total mining quota at 210,000 tonnes.",
        {(RE, M, 2022, "batch:2", None, None, 109200)},
    ),
]

# The total a batch brings the year to, in a sentence of its own ("That brings the total
# mining quota for the year to", "This takes the year's mining total to"), is the year's, and
# the story stays the batch's: the next type's figure is the batch's too.
TOTAL_REACHED = [
    (
        "2022-07-20",
        "China issued its second batch of rare earth mining quotas for 2022 at 109,200 tonnes. "
        "That brings the total mining quota for the year to 210,000 tonnes. The smelting and "
        "separation quota was set at 104,800 tonnes, up 8% from a year earlier.",
        {
            (RE, M, 2022, "batch:2", None, None, 109200),
            (RE, M, 2022, "annual", None, None, 210000),
            (RE, S, 2022, "batch:2", None, None, 104800),
        },
    ),
    (
        "2022-07-20",
        "The second batch of 2022 rare earth mining quotas is 109,200 tonnes. This takes the "
        "year's mining total to 210,000 tonnes. Separately, the smelting and separation quota "
        "was set at 104,800 tonnes.",
        {
            (RE, M, 2022, "batch:2", None, None, 109200),
            (RE, M, 2022, "annual", None, None, 210000),
            (RE, S, 2022, "batch:2", None, None, 104800),
        },
    ),
    (
        "2024-08-20",
        "China set its second batch of 2024 rare earth mining quotas at 135,000 t, lifting the "
        "total for the year to 270,000 t.\nRare earths are 17 elements.\nThe ministry also set "
        "the smelting and separation quota at 127,000 t, up 10% from the previous year.",
        {
            (RE, M, 2024, "batch:2", None, None, 135000),
            (RE, M, 2024, "annual", None, None, 270000),
            (RE, S, 2024, "batch:2", None, None, 127000),
        },
    ),
    # a year's total stated plainly moves the story on to the year
    (
        "2022-07-20",
        "China issued the second batch of 2022 rare earth mining quotas at 109,200 tonnes. The "
        "full-year quota was 210,000 tonnes. The smelting quota for the year was 202,000 tonnes.",
        {
            (RE, M, 2022, "batch:2", None, None, 109200),
            (RE, M, 2022, "annual", None, None, 210000),
            (RE, S, 2022, "annual", None, None, 202000),
        },
    ),
]


@pytest.mark.parametrize(
    ("published", "text", "expected"), BATCH_FROM_YEAR_TO + EXPECTED_QUOTAS + TOTAL_REACHED
)
def test_batch_news_families(published: str, text: str, expected: set[Key]) -> None:
    check(published, text, expected)
