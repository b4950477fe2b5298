"""The English rules for wording families seen on real pages (issue 10), each table with
sentences of our own that vary the family (verbs, word order, units, years, commodities).
Figures are from the public record (../shared/DOMAIN.md) or invented round numbers.

Each case is (published, title, text, expected keys), as in test_rules_en_batches.
"""

from __future__ import annotations

import pytest

from tests.test_rules_en_batches import RE, SB, Case, M, W, X, check

# --- provinces' shares listed after the nation's figure: "37,750 t in Jiangxi, 23,100 t in
# Hunan"; a reposted notice's "the same as last year" does not date them ----------------------
PROVINCES = [
    ("2019-03-01", "Tungsten maker reposts the 2016 tungsten mining quota notice",
     "The land ministry issued the 2016 total control index of tungsten concentrate mining at "
     "91,300 tons. The total tungsten mining quota was the same as last year, and the "
     "provinces' indicators were consistent with the previous year. Among them, 38,000 tons "
     "in Jiangxi, 24,000 tonnes in Hunan province, 6,200 t in Yunnan and Inner Mongolia 1,500 "
     "tons.",
     {(W, M, 2016, "annual", None, None, 91300),
      (W, M, 2016, "annual", None, "province:jiangxi", 38000),
      (W, M, 2016, "annual", None, "province:hunan", 24000),
      (W, M, 2016, "annual", None, "province:yunnan", 6200),
      (W, M, 2016, "annual", None, "province:neimenggu", 1500)}),
    ("2019-03-01", "Tungsten maker reposts the 2016 tungsten mining quota notice",
     "The land ministry issued the 2016 total control index of tungsten concentrate mining at "
     "91,300 tons. Unchanged from last year, the indicators allocated to the provinces "
     "include 38,000 tons in Jiangxi and 24,000 tons in Hunan.",
     {(W, M, 2016, "annual", None, None, 91300),
      (W, M, 2016, "annual", None, "province:jiangxi", 38000),
      (W, M, 2016, "annual", None, "province:hunan", 24000)}),
    ("2015-05-02", "MLR issues 2015 tungsten mining quota",
     "The ministry set the 2015 tungsten concentrate mining quota at 89,000 t. Of this, "
     "37,750 t went to Jiangxi, 23,100 t to Hunan and 6,000 t to Henan.",
     {(W, M, 2015, "annual", None, None, 89000),
      (W, M, 2015, "annual", None, "province:jiangxi", 37750),
      (W, M, 2015, "annual", None, "province:hunan", 23100),
      (W, M, 2015, "annual", None, "province:henan", 6000)}),
    ("2017-05-01", "China antimony quota",
     "China capped 2017 antimony mining at 54,000 tonnes, of which 25,000 t in Hunan.",
     {(SB, M, 2017, "annual", None, None, 54000),
      (SB, M, 2017, "annual", None, "province:hunan", 25000)}),
]  # fmt: skip


@pytest.mark.parametrize("case", PROVINCES)
def test_provinces_listed_after_their_figures(case: Case) -> None:
    check(case)


# --- an output cap the government sets is the mining quota: "will limit its total output of
# rare earth oxides at", "capped antimony concentrate and tungsten concentrate output for 2009
# at ... respectively", even in a story headlined on export quotas ------------------------------
OUTPUT_CAPS = [
    ("2011-04-01", "China rare earths",
     "China says it will limit its total output of rare earth oxides at 93,800 tonnes this "
     "year, up 5 per cent from last year.",
     {(RE, M, 2011, "annual", None, None, 93800)}),
    ("2011-04-01", "China cuts rare earth export quotas",
     "China cut its export quotas again. Beijing will limit its output of rare earth oxides to "
     "93,800 tonnes in 2011.",
     {(RE, M, 2011, "annual", None, None, 93800)}),
    ("2014-05-01", "China tungsten",
     "The land ministry would restrict tungsten concentrate output for 2014 to 89,000 t.",
     {(W, M, 2014, "annual", None, None, 89000)}),
    ("2009-07-29", "China antimony and tungsten",
     "China in May capped domestic antimony concentrate and tungsten concentrate output for "
     "2009 at 90,180 mt and 68,555 mt, respectively.",
     {(SB, M, 2009, "annual", None, None, 90180), (W, M, 2009, "annual", None, None, 68555)}),
    ("2010-06-01", "China antimony",
     "Beijing limited antimony concentrate output for 2010 at 66,990 tonnes.",
     {(SB, M, 2010, "annual", None, None, 66990)}),
]  # fmt: skip


@pytest.mark.parametrize("case", OUTPUT_CAPS)
def test_an_output_cap_is_the_mining_quota(case: Case) -> None:
    check(case)


# --- a figure dated only by a multi-year plan cannot be placed: "under its five-year plan
# for 2016 to 2020", "through 2020", "the 2016-2020 plan"; a year of its own still dates it ----
PLANS = [
    ("2020-02-19", "China's first 2020 rare earth quota",
     "China set its first 2020 rare earth mining quota at 66,000 t. The annual total will be "
     "capped below 140 000 t to preserve the resource, under the government's five-year plan "
     "for 2016 to 2020.",
     {(RE, M, 2020, "batch:1", None, None, 66000)}),
    ("2021-02-22", "China rare earths",
     "Beijing gradually raised its annual quota for rare-earth mining to 140,000 tons from "
     "100,000 tons under its five-year plan through 2020.",
     set()),
    ("2017-03-01", "China rare earths",
     "Under the 2016-2020 development plan, the annual rare earth mining quota is capped at "
     "140,000 t.",
     set()),
    ("2021-02-22", "China rare earths",
     "The rare earth mining quota rose to 140,000 t in 2020, the last year of the 2016-2020 "
     "plan.",
     {(RE, M, 2020, "annual", None, None, 140000)}),
    ("2021-02-22", "China rare earths",
     "The 2020 rare earth mining quota was 140,000 t, in line with the five-year plan.",
     {(RE, M, 2020, "annual", None, None, 140000)}),
]  # fmt: skip


@pytest.mark.parametrize("case", PLANS)
def test_a_plan_s_years_date_no_figure(case: Case) -> None:
    check(case)


# --- a half run together with its ordinal where a line break was lost ("secondhalf"), and the
# half a full-year figure implies ("implies a quota of 72,000 t for mining in the second half")
HALVES = [
    ("2019-11-08", "China raises annual rare earth output quotas",
     "The full-year rare earth mining quota has been set at 132,000 tonnes for 2019. They imply "
     "a quota of 72,000 tonnes for mining in the secondhalf of 2019.",
     {(RE, M, 2019, "annual", None, None, 132000), (RE, M, 2019, "batch:2", None, None, 72000)}),
    ("2019-11-08", "China raises annual rare earth output quotas",
     "The 2019 rare earth mining quota is 132,000 t. The figures imply a second-half mining "
     "quota of 72,000 t.",
     {(RE, M, 2019, "annual", None, None, 132000), (RE, M, 2019, "batch:2", None, None, 72000)}),
    ("2019-11-08", "China raises annual rare earth output quotas",
     "China set the 2019 rare earth mining quota at 132,000 tonnes, which implies 72,000 tonnes "
     "for the second half.",
     {(RE, M, 2019, "annual", None, None, 132000), (RE, M, 2019, "batch:2", None, None, 72000)}),
    ("2011-07-20", "China export quotas",
     "Rare earth export quotas were 14,508 t for the firsthalf of 2011 and 15,738 t for the "
     "secondhalf.",
     {(RE, X, 2011, "batch:1", None, None, 14508), (RE, X, 2011, "batch:2", None, None, 15738)}),
]  # fmt: skip


@pytest.mark.parametrize("case", HALVES)
def test_halves_run_together_and_implied(case: Case) -> None:
    check(case)


# --- a part of an output figure, told after the quota output kept within, is output too -------
OUTPUT_PARTS = [
    ("2021-03-01", "Rare earth output",
     "China produced 140,000 t of rare earths in 2020 under its mining quota, with 60,000 tonnes "
     "in Inner Mongolia.",
     set()),
    ("2022-03-01", "Rare earth output",
     "Output reached 168,000 t in 2021 within the annual quota, of which about 100,000 t came "
     "from Baotou.",
     set()),
    ("2022-03-01", "Rare earth output",
     "China mined 160,000 tonnes of rare earths last year, below its quota, including 20,000 "
     "tonnes from Sichuan.",
     set()),
    # the quota's own parts stay: a part after a quota figure, not after output
    ("2022-03-01", "Rare earth quotas",
     "China set the 2021 rare earth mining quota at 168,000 t, including 148,850 t of light rare "
     "earths.",
     {(RE, M, 2021, "annual", None, None, 168000), (RE, M, 2021, "annual", "light", None, 148850)}),
]  # fmt: skip


@pytest.mark.parametrize("case", OUTPUT_PARTS)
def test_a_part_of_output_is_output(case: Case) -> None:
    check(case)
