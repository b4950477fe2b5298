"""The wording grammar (bench/wordings.py) kept fixed: a small sample of every frame must give
exactly its facts, and the families fixed from it each hold on sentences of our own."""

from __future__ import annotations

import pytest

from bench.wordings import FRAMES, Case, facts_of, generate

# a fixed sample: the first few sentences of each frame the grammar generates
_SAMPLE = generate(1500, seed=10)
_PER_FRAME: dict[str, list[Case]] = {}
for _case in _SAMPLE:
    _PER_FRAME.setdefault(_case.caps["frame"], []).append(_case)
# known gaps, left to the bench: "has more than doubled from X in 2017 to Y" drops the old
# level; "the quota for rare earth concentrate" names no type the rules take
GAPS = (
    "has more than doubled",
    "quota for rare earth concentrate",
)
CASES = [
    case
    for cases in _PER_FRAME.values()
    for case in [c for c in cases if not set(c.caps.values()) & set(GAPS)][:4]
]


def test_every_frame_is_sampled() -> None:
    assert len(_PER_FRAME) >= len({f.__name__ for f in FRAMES}) - 1


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.text[:60])
def test_generated_sentence_gives_its_facts(case: Case) -> None:
    assert facts_of(case) == case.expected, (case.title, case.text)


RE, W = "rare_earth", "tungsten"
M, S, E = "mining", "smelting_separation", "export"
NR, CR = "china_northern_rare_earth", "china_rare_earth_group"
H24 = "China issues first batch of 2024 rare earth quotas"

# Families fixed from the grammar, each on sentences of our own varying verb, order and units.
OURS = [
    # a cap on a commodity's output, "limited / capped / restricted ... output to / at"
    ("2024-04-02", None, "Beijing limited rare earth mining output to 135,000 tonnes under the "
     "first batch of quotas for 2024.", {(RE, M, 2024, "batch:1", None, None, 135000)}),
    ("2024-04-02", None, "China capped 2024 rare earth production at 270,000 t.",
     {(RE, M, 2024, "annual", None, None, 270000)}),
    ("2012-04-02", None, "The land ministry restricted tungsten concentrate output to 89kt in "
     "2012.",
     {(W, M, 2012, "annual", None, None, 89000)}),
    # "allow miners to extract / mine N"
    ("2024-04-02", None, "China will allow miners to extract 135,000 tonnes of rare earths in the "
     "first batch of 2024 quotas.", {(RE, M, 2024, "batch:1", None, None, 135000)}),
    ("2012-04-02", None, "Miners were allowed to mine 89,000 t of tungsten this year.",
     {(W, M, 2012, "annual", None, None, 89000)}),
    # a headline's "output / production quotas" gives the story's type
    ("2024-06-27", "China sets 2024 output quotas", "The first tranche of rare earth quotas was "
     "set at 135kt, the ministry said on its website.",
     {(RE, M, 2024, "batch:1", None, None, 135000)}),
    ("2019-11-28", "Beijing issues 2019 rare earth production quotas", "The quota for the year "
     "stands at 132,000 tons.", {(RE, M, 2019, "annual", None, None, 132000)}),
    # a production quota in an export story: the mines'
    ("2011-07-15", "Beijing sets 2011 rare earth export quotas", "Beijing also set an output "
     "ceiling of 93,800 tons for rare earths in 2011.",
     {(RE, M, 2011, "annual", None, None, 93800)}),
    # concentrate is a mine product; MIIT's plan for mine products
    ("2020-06-01", None, "The output quota for tungsten concentrates in 2020 was set at 105,000 t.",
     {(W, M, 2020, "annual", None, None, 105000)}),
    ("2019-06-01", None, "MIIT set the 2019 plan for rare earth mine products at 132kt of rare "
     "earth oxide.", {(RE, M, 2019, "annual", None, None, 132000)}),
    # company allocations (issue 10, item 3): the batch and year of the headline or the sentence
    # an ordinal before the year numbers the batch
    ("2024-02-21", None, "In the first 2024 batch, Northern Rare Earth was allotted 94,580 t of "
     "mining quota.", {(RE, M, 2024, "batch:1", None, NR, 94580)}),
    ("2024-02-21", "Beijing sets first 2024 rare earth mining and smelting quotas", "CREG got "
     "38,990 tonnes of smelting quota.", {(RE, S, 2024, "batch:1", None, CR, 38990)}),
    ("2022-07-20", None, "The second 2022 round of rare earth mining quotas was 109,200 t.",
     {(RE, M, 2022, "batch:2", None, None, 109200)}),
    # a bare "light" where a figure names it and another follows
    ("2024-02-21", H24, "CREG received 30,280 t of light and 10,140 t of ion-adsorption mining "
     "quota.", {(RE, M, 2024, "batch:1", "light", CR, 30280),
                (RE, M, 2024, "batch:1", "medium_heavy", CR, 10140)}),
    ("2024-02-21", H24, "China Rare Earth Group got 30,280 tonnes of light, and 10,140 tonnes of "
     "medium-heavy, rare earth mining quotas.",
     {(RE, M, 2024, "batch:1", "light", CR, 30280),
      (RE, M, 2024, "batch:1", "medium_heavy", CR, 10140)}),
    ("2020-03-01", None, "The 2020 first batch mining quota gave 56,425 t of light and 9,575 t of "
     "ionic rare earths.", {(RE, M, 2020, "batch:1", "light", None, 56425),
                            (RE, M, 2020, "batch:1", "medium_heavy", None, 9575)}),
    # a group labelling its figures, the type between: "X: mining N t, smelting M t"
    ("2024-02-21", H24, "China Northern Rare Earth: mining 94,580 t, smelting 88,010 t.",
     {(RE, M, 2024, "batch:1", None, NR, 94580), (RE, S, 2024, "batch:1", None, NR, 88010)}),
    ("2024-02-21", H24, "CREG - smelting quota 38,990 tonnes.",
     {(RE, S, 2024, "batch:1", None, CR, 38990)}),
    ("2024-02-21", H24, "Baotou Steel Rare Earth: extraction quota of 94,580 t.",
     {(RE, M, 2024, "batch:1", None, NR, 94580)}),
    # lists under a caption: bullets, bare figures; the headline's year is no column of years
    ("2024-02-21", H24, "Rare earth extraction quotas by group:\nChina Northern Rare Earth: "
     "94,580\nChina Rare Earth Group: 40,420",
     {(RE, M, 2024, "batch:1", None, NR, 94580), (RE, M, 2024, "batch:1", None, CR, 40420)}),
    ("2024-02-21", H24, "Rare earth mining quotas by group:\n- CNRE: 94,580\n- CREG: 40,420",
     {(RE, M, 2024, "batch:1", None, NR, 94580), (RE, M, 2024, "batch:1", None, CR, 40420)}),
    ("2024-02-21", H24, "Smelting quotas (tonnes):\n\u2022 Northern Rare Earth 88,010\n\u2022 "
     "China Rare Earth Group 38,990",
     {(RE, S, 2024, "batch:1", None, NR, 88010), (RE, S, 2024, "batch:1", None, CR, 38990)}),
    ("2024-02-21", H24, "Rare earth prices by group:\n- CNRE: 94,580\n- CREG: 40,420", set()),
    # a group's quota named by a noun or a possessive, whatever it did; another group's beside it
    ("2024-02-21", H24, "The allocation to China Northern Rare Earth was 94,580 t of mining "
     "quota.", {(RE, M, 2024, "batch:1", None, NR, 94580)}),
    ("2024-02-21", H24, "The allotment to Northern Rare Earth came to 94,580 t of mining quota.",
     {(RE, M, 2024, "batch:1", None, NR, 94580)}),
    ("2024-02-21", H24, "China Northern Rare Earth's mining quota rose to 94,580 t.",
     {(RE, M, 2024, "batch:1", None, NR, 94580)}),
    ("2024-02-21", H24, "CREG's smelting allocation fell to 38,990 t.",
     {(RE, S, 2024, "batch:1", None, CR, 38990)}),
    ("2024-02-21", H24, "The smelting quota of China Northern Rare Earth was 88,010 tonnes, "
     "against 38,990 tonnes for China Rare Earth Group.",
     {(RE, S, 2024, "batch:1", None, NR, 88010), (RE, S, 2024, "batch:1", None, CR, 38990)}),
    ("2024-02-21", H24, "Northern Rare Earth got 94,580 t of mining quota, compared with 40,420 t "
     "for CREG.",
     {(RE, M, 2024, "batch:1", None, NR, 94580), (RE, M, 2024, "batch:1", None, CR, 40420)}),
    ("2024-02-21", H24, "China Northern Rare Earth said its output rose to 94,580 t.", set()),
    # category columns: "Light | Ion-adsorption", "Rock-type | Ionic clay"
    ("2024-02-21", H24, "Group | Light | Ion-adsorption\nChina Rare Earth Group | 30,280 | "
     "10,140", {(RE, M, 2024, "batch:1", "light", CR, 30280),
                (RE, M, 2024, "batch:1", "medium_heavy", CR, 10140)}),
    ("2024-02-21", H24, "Mining quotas by group (t):\nGroup | Rock-type | Ionic clay\nCREG | "
     "30,280 | 10,140", {(RE, M, 2024, "batch:1", "light", CR, 30280),
                         (RE, M, 2024, "batch:1", "medium_heavy", CR, 10140)}),
    ("2024-02-21", H24, "Group\tLight rare earths\tMedium and heavy rare earths\nCREG\t30,280"
     "\t10,140", {(RE, M, 2024, "batch:1", "light", CR, 30280),
                   (RE, M, 2024, "batch:1", "medium_heavy", CR, 10140)}),
    # histories (issue 10, item 5): each figure its year's, only the years stated
    ("2014-02-01", None, "The rare earth mining quota was 93,800 t in 2012 and again in 2013.",
     {(RE, M, 2012, "annual", None, None, 93800), (RE, M, 2013, "annual", None, None, 93800)}),
    ("2013-02-01", None, "Rare earth mining quotas stood at 93.8kt in both 2011 and 2012.",
     {(RE, M, 2011, "annual", None, None, 93800), (RE, M, 2012, "annual", None, None, 93800)}),
    ("2013-02-01", None, "China set the tungsten mining quota at 89,000 tonnes in 2012, and also "
     "in 2013.", {(W, M, 2012, "annual", None, None, 89000), (W, M, 2013, "annual", None, None,
                                                             89000)}),
    ("2015-02-21", None, "The rare earth export quotas were 30,258 t, 30,184 t and 30,611 t in "
     "2010, 2011 and 2014 respectively.",
     {(RE, E, 2010, "annual", None, None, 30258), (RE, E, 2011, "annual", None, None, 30184),
      (RE, E, 2014, "annual", None, None, 30611)}),
    ("2012-02-21", None, "Mining quotas for rare earths stood at 89,200 tonnes and 93,800 tonnes "
     "in 2010 and 2011, respectively.",
     {(RE, M, 2010, "annual", None, None, 89200), (RE, M, 2011, "annual", None, None, 93800)}),
    ("2013-02-21", None, "China set tungsten mining quotas of 87,000 t and 89,000 t for 2011 and "
     "2012 respectively.",
     {(W, M, 2011, "annual", None, None, 87000), (W, M, 2012, "annual", None, None, 89000)}),
    ("2015-02-21", None, "China's rare earth mining quotas by year:\n2009: 82,320 t\n2010: "
     "89,200 t\n2011: 93,800 t",
     {(RE, M, 2009, "annual", None, None, 82320), (RE, M, 2010, "annual", None, None, 89200),
      (RE, M, 2011, "annual", None, None, 93800)}),
    ("2015-02-21", "Rare earth export quotas, 2010-2014", "Export quotas (tonnes):\n- 2010 - "
     "30,258\n- 2011 - 30,184\n- 2014 - 30,611",
     {(RE, E, 2010, "annual", None, None, 30258), (RE, E, 2011, "annual", None, None, 30184),
      (RE, E, 2014, "annual", None, None, 30611)}),
    ("2013-02-21", None, "Tungsten mining quota history:\n2011: 87,000 tonnes\n2012: 89,000 "
     "tonnes", {(W, M, 2011, "annual", None, None, 87000), (W, M, 2012, "annual", None, None,
                                                            89000)}),
    ("2013-05-01", None, "Rare earth mining quotas (tonnes)\n2010 89,200\n2011 93,800\n2012 "
     "93,800", {(RE, M, 2010, "annual", None, None, 89200), (RE, M, 2011, "annual", None, None,
                93800), (RE, M, 2012, "annual", None, None, 93800)}),
    ("2013-05-01", None, "Rare earth output (tonnes)\n2010 120,000\n2011 105,000", set()),
    # a history of whole years after a batch story: each figure its year's, "doubled" or not
    ("2022-08-01", "China issues second batch of 2022 rare earth quotas", "The total annual "
     "mining quota issued to producers in China has doubled, from 105,000 tonnes in 2017 to "
     "210,000 tonnes in 2022.", {(RE, M, 2017, "annual", None, None, 105000),
                                 (RE, M, 2022, "annual", None, None, 210000)}),
    ("2022-03-01", None, "The first batch for 2022 was 100,800 t of rare earth mining quotas. The "
     "quota has doubled, from 105,000 tonnes in 2017 to 210,000 tonnes in 2022.",
     {(RE, M, 2022, "batch:1", None, None, 100800), (RE, M, 2017, "annual", None, None, 105000),
      (RE, M, 2022, "annual", None, None, 210000)}),
    # near misses of histories: output by year; two years that are not "both"
    ("2015-02-21", None, "China's rare earth output by year:\n2009: 129,400 t\n2010: 120,000 t",
     set()),
    ("2013-02-01", None, "The rare earth mining quota was 93,800 t in 2012 and output in 2013 "
     "was lower.", {(RE, M, 2012, "annual", None, None, 93800)}),
    # export quotas (issue 10, item 6): a relative clause's shipments describe the subject
    ("2013-01-02", None, "China, which provides about 95 percent of global rare earth "
     "shipments, also cut the first-lot export quota by 27 percent to 15,501 tons.",
     {(RE, E, 2013, "batch:1", None, None, 15501)}),
    ("2013-01-02", None, "Beijing, which accounts for most rare earth shipments worldwide, set "
     "the first batch of export quotas for 2013 at 15,501 t.",
     {(RE, E, 2013, "batch:1", None, None, 15501)}),
    ("2011-07-15", None, "The commerce ministry, which also watches customs data, set the "
     "second-round rare earth export quota for 2011 at 15,738 tonnes.",
     {(RE, E, 2011, "batch:2", None, None, 15738)}),
    ("2013-10-02", None, "China, which set the rare earth export quota at 31,001 t this year, "
     "shipped 13,000 t by October.", set()),
    # "heavier" / "lighter" rare earths name the categories
    ("2012-05-20", None, "The commerce ministry issued 10,546 t of rare earth export quotas for "
     "the first half of 2012, including 9,095 t of light rare earths and 1,451 t of heavier rare "
     "earths.", {(RE, E, 2012, "batch:1", None, None, 10546),
                 (RE, E, 2012, "batch:1", "light", None, 9095),
                 (RE, E, 2012, "batch:1", "medium_heavy", None, 1451)}),
    ("2012-05-20", None, "The first batch of 2012 rare earth export quotas was 10,546 t: 9,095 t "
     "for lighter rare earths and 1,451 t for heavier ones.",
     {(RE, E, 2012, "batch:1", None, None, 10546), (RE, E, 2012, "batch:1", "light", None, 9095),
      (RE, E, 2012, "batch:1", "medium_heavy", None, 1451)}),
    ("2012-05-20", None, "China set the 2012 first-batch rare earth export quota at 10,546 "
     "tonnes, of which heavier rare earths got 1,451 tonnes.",
     {(RE, E, 2012, "batch:1", None, None, 10546),
      (RE, E, 2012, "batch:1", "medium_heavy", None, 1451)}),
    # a licence cut to a volume is the export licence (quota); a history of whole years
    # ("in 2008 from 2007") is the years', not the batch the story began with
    ("2008-01-10", "China issues first batch of 2008 rare earth export licences", "The first "
     "batch for 2008 was 23,000 t. The government cut the licence by around 3% to 14,900 tonnes "
     "for tungsten and to 59,900 tonnes for antimony in 2008 from 2007.",
     {(RE, E, 2008, "batch:1", None, None, 23000), (W, E, 2008, "annual", None, None, 14900),
      ("antimony", E, 2008, "annual", None, None, 59900)}),
    ("2008-01-10", None, "Beijing reduced the licences by 2.5% to 14,900 tonnes of tungsten for "
     "2008.", {(W, E, 2008, "annual", None, None, 14900)}),
    ("2008-01-10", None, "China lowered its licence to 14,900 t for tungsten in 2008.",
     {(W, E, 2008, "annual", None, None, 14900)}),
    ("2008-01-10", "China issues first batch of 2008 rare earth export licences", "The first "
     "batch for 2008 was 23,000 t of rare earth export licences. The tungsten export quota was "
     "cut to 14,900 t in 2008 from 15,400 t in 2007.",
     {(RE, E, 2008, "batch:1", None, None, 23000), (W, E, 2008, "annual", None, None, 14900),
      (W, E, 2007, "annual", None, None, 15400)}),
    ("2008-01-10", None, "The ministry revoked the licence to mine tungsten at three mines, which "
     "had 14,900 t of output in 2008.", set()),
    ("2008-01-10", None, "Beijing reduced the license by 10% to 33,300 tonnes for tin in 2008.",
     set()),
    # a cap on exports is the export quota; "the six months to (ending) June" is the first half
    ("2011-03-02", None, "Beijing limited exports of rare earths to 14,446 t for the six months "
     "to June 2011.", {(RE, E, 2011, "batch:1", None, None, 14446)}),
    ("2011-03-02", None, "Beijing restricted rare earth exports to 14,446 tonnes in the six "
     "months ending June 2011.", {(RE, E, 2011, "batch:1", None, None, 14446)}),
    ("2010-03-02", None, "China capped exports of tungsten concentrate at 14,300 t in 2010.",
     {(W, E, 2010, "annual", None, None, 14300)}),
    ("2011-07-15", None, "The commerce ministry capped rare earth exports at 15,738 t for the six "
     "months to December.", {(RE, E, 2011, "batch:2", None, None, 15738)}),
    ("2013-03-02", None, "Analysts said exports of rare earths were limited to 18,600 t in 2012 by "
     "weak demand.", set()),
    # domestic vs foreign-invested firms: a subgroup's share (and its past figure) is no FACTS
    # holder; a total including the foreign firms' quotas is the whole
    ("2010-12-30", None, "The ministry issued 5,978 t of rare earth export quotas to foreign "
     "companies in March, adding to the 16,304 t of 2010 quotas issued to Chinese firms.", set()),
    ("2010-12-30", None, "The rare earth export quota for foreign companies was reduced to 5,978 "
     "t in 2010 from 7,746 t in 2009.", set()),
    ("2010-12-30", None, "Joint ventures were allotted 5,978 t of 2010 rare earth export quotas.",
     set()),
    ("2010-12-30", None, "Foreign-invested firms got 5,978 t of rare earth export quotas, down "
     "from 7,746 t.", set()),
    ("2010-12-30", None, "China will not issue more rare earth export quotas for foreign "
     "companies next year, and the first batch for 2011 totalling 14,446 tonnes included those "
     "for foreign firms.", {(RE, E, 2011, "batch:1", None, None, 14446)}),
    ("2010-12-30", None, "Including licences for foreign capital companies, the 2010 rare earth "
     "export quota fell by 40% to 30,258 t.", {(RE, E, 2010, "annual", None, None, 30258)}),
    ("2011-03-02", None, "China allotted 14,446 t of rare earth export quotas for the first half "
     "of 2011 to 31 Chinese companies.", {(RE, E, 2011, "batch:1", None, None, 14446)}),
    # a sentence about two of our commodities leaves the next one's unplaced
    ("2010-07-10", None, "The export quota was raised for tungsten and antimony. The annual "
     "quota fell by 40% to 30,258 t in 2010.", set()),
    # a quota named by its type just before its figure, in a sentence about shipments or a
    # forecast, is cited ("against an export quota of N")
    ("2012-09-10", None, "China shipped only 18,600 t of rare earths in 2011, against an export "
     "quota of 30,184 t.", {(RE, E, 2011, "annual", None, None, 30184)}),
    ("2012-09-10", None, "The amount is far below China's rare earth export quota of 30,996 tons "
     "for this year, suggesting Beijing may lose leverage.",
     {(RE, E, 2012, "annual", None, None, 30996)}),
    ("2012-09-10", None, "China's rare earth exports may reach 18,600 t this year, analysts said, "
     "under the export quota of 30,996 t.", {(RE, E, 2012, "annual", None, None, 30996)}),
    ("2013-01-10", None, "Customs data showed China exported 16,265 t of rare earths in 2012, "
     "about half its export quota.", set()),
    # "the same period last year (of 2010)" after a batch: that batch a year before the story's
    ("2010-12-29", None, "Authorities allocated 14,446 t of rare earth export quotas to 31 "
     "companies for the first half of 2011. For the same period last year, the allocation was "
     "22,282 t.", {(RE, E, 2011, "batch:1", None, None, 14446),
                   (RE, E, 2010, "batch:1", None, None, 22282)}),
    ("2010-12-29", None, "The rare earth export quota for the first half of 2011 is 14,446 t. In "
     "the same period of 2010 it was 22,282 t.",
     {(RE, E, 2011, "batch:1", None, None, 14446), (RE, E, 2010, "batch:1", None, None, 22282)}),
    ("2010-12-29", None, "The first-half 2011 rare earth export quota is 14,446 t, against 22,282 "
     "t for the same period a year earlier.",
     {(RE, E, 2011, "batch:1", None, None, 14446), (RE, E, 2010, "batch:1", None, None, 22282)}),
    ("2011-01-10", None, "The first-half 2011 rare earth export quota is 14,446 t. Rare earth "
     "prices doubled over the same period last year.",
     {(RE, E, 2011, "batch:1", None, None, 14446)}),
    # "higher-than-expected" judges a figure already out: no forecast
    ("2011-12-29", None, "Miners fell after a higher-than-expected jobs number, as the commerce "
     "ministry set the first tranche of rare earth export quotas at 10,546 tons for 2012.",
     {(RE, E, 2012, "batch:1", None, None, 10546)}),
    ("2011-12-29", None, "In a better than expected move, the commerce ministry set the first "
     "tranche of 2012 rare earth export quotas at 10,546 tons.",
     {(RE, E, 2012, "batch:1", None, None, 10546)}),
    # "the heavy variety (kind, type)", "the light variety"
    ("2012-12-28", None, "The first batch of rare earth export quotas for next year will include "
     "13,563 tonnes of light rare earths and 1,938 tonnes of the heavy variety.",
     {(RE, E, 2013, "batch:1", "light", None, 13563),
      (RE, E, 2013, "batch:1", "medium_heavy", None, 1938)}),
    ("2012-12-28", None, "Next year's first batch of rare earth export quotas gives 13,563 t to "
     "the light variety and 1,938 t to the heavy kind.",
     {(RE, E, 2013, "batch:1", "light", None, 13563),
      (RE, E, 2013, "batch:1", "medium_heavy", None, 1938)}),
    ("2012-12-28", None, "The first-half 2013 rare earth export quota includes 1,938 tonnes of "
     "the heavy type.", {(RE, E, 2013, "batch:1", "medium_heavy", None, 1938)}),
    # batch news (issue 10): an oxide tag inside a list keeps the list ("N t REO and M t for
    # mining and smelting respectively"); a batch compared across years keeps the batch
    ("2024-02-08", None, "Beijing set the first batch of 2024 rare earth quotas at 135,000 t REO "
     "and 127,000 t for mining and smelting respectively.",
     {(RE, M, 2024, "batch:1", None, None, 135000), (RE, S, 2024, "batch:1", None, None, 127000)}),
    ("2021-03-02", None, "The first-round quotas for 2021 were 84,000 tons of rare earth oxide "
     "(REO), and 81,000 tons for mining and separation respectively.",
     {(RE, M, 2021, "batch:1", None, None, 84000), (RE, S, 2021, "batch:1", None, None, 81000)}),
    ("2022-03-02", None, "China issued 100,800 tonnes of REO & 97,200 tonnes of REO of rare earth "
     "quotas in the first batch of 2022, for mining and smelting respectively.",
     {(RE, M, 2022, "batch:1", None, None, 100800),
      (RE, S, 2022, "batch:1", None, None, 97200)}),
    ("2023-03-02", None, "The rare earth mining quota in the first batch went up from 100,800 "
     "tonnes of rare earth oxide for 2022 to 120,000 tonnes for 2023.",
     {(RE, M, 2022, "batch:1", None, None, 100800), (RE, M, 2023, "batch:1", None, None, 120000)}),
    # near misses: no quota
    ("2024-05-01", None, "China has plans for rare earth mine products to grow to 300,000 "
     "tonnes.", set()),
    ("2024-05-01", None, "Lynas said it limited output to 10,000 tonnes of rare earths because "
     "of floods.", set()),
    ("2024-05-01", None, "Rare earth concentrate output rose to 240,000 tonnes last year.", set()),
]  # fmt: skip


@pytest.mark.parametrize(("published", "title", "text", "expected"), OURS)
def test_family_of_our_own(
    published: str, title: str | None, text: str, expected: set[tuple[object, ...]]
) -> None:
    case = Case(published, text, expected, {}, title=title)  # type: ignore[arg-type]
    assert facts_of(case) == expected, text
